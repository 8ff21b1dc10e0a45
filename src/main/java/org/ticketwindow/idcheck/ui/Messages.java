package org.ticketwindow.idcheck.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The console's texts: {@code i18n/messages.properties} is Chinese (the default), {@code messages_en} English. No
 * fallback to the JVM's locale: a clerk on an English-locale PC still gets Chinese unless English is chosen.
 */
public final class Messages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Locale locale) { return new Messages(locale.getLanguage().equals("en") ? ENGLISH : CHINESE); }

    public Locale locale() { return locale; }

    public boolean english() { return locale == ENGLISH; }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** For the domain's own bilingual texts (outcomes, reasons, roles). */
    public String pick(String zh, String en) { return english() ? en : zh; }
}
