package org.ticketwindow.idcheck.ui;

import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;

import java.util.Locale;

/**
 * The console's handle on the texts of its language: {@link Texts} (the bundles {@code i18n/messages*} and
 * {@code i18n/domain*}) in the language the clerk chose. The screens, the CLI and the central read the same bundles
 * the same way (decision 0016).
 */
public final class Messages {
    public static final Locale CHINESE = Texts.CHINESE;
    public static final Locale ENGLISH = Texts.ENGLISH;

    private final Texts texts;

    private Messages(Texts texts) { this.texts = texts; }

    public static Messages of(Locale locale) { return new Messages(Texts.of(locale)); }

    public Locale locale() { return texts.locale(); }

    public boolean english() { return texts.isEnglish(); }

    public Texts texts() { return texts; }

    public String get(String key, Object... args) { return texts.get(key, args); }

    /** A domain text (a rule's reason, a read outcome, a hint…) in the clerk's language. */
    public String of(Text text) { return texts.of(text); }

    /** A line a store column holds (the queue's last error, the central's answer), in the clerk's language. */
    public String stored(String line) { return texts.ofStored(line); }

    /**
     * An audit entry's actor or subject: a clerk id, a result id or a file as stored; the few words the console itself
     * writes there ({@code login}, {@code system}, {@code results}) in the clerk's language.
     */
    public String auditWord(String stored) {
        String key = "audit.word." + stored;
        return texts.has(key) ? texts.get(key) : stored;
    }

    /** An enum constant's text in the clerk's language ({@code CaseKind.ON_SITE}…). */
    public String of(Enum<?> constant) { return texts.of(constant); }
}
