package org.ticketwindow.idcheck.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts in one language: {@code i18n/messages*.properties} and {@code i18n/domain*.properties}, Chinese the
 * default, English the {@code _en} files. No fallback to the JVM's locale: a clerk on an English-locale PC still gets
 * Chinese unless English is chosen. An enum constant's key is its type's name inside the package and its own
 * ({@code CaseKind.ON_SITE}, {@code TrainingMode.Fault.NONE}): nothing else names it. A pattern with arguments is a
 * {@link MessageFormat} (so its apostrophes are doubled); one without is taken as written.
 */
public final class Texts {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** The bundles, screens first: a key lives in exactly one of them (TextsTest checks). */
    public static final List<String> BUNDLES = List.of("i18n.messages", "i18n.domain");

    private static final Texts ZH = new Texts(CHINESE);
    private static final Texts EN = new Texts(ENGLISH);

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundles = BUNDLES.stream().map(b -> ResourceBundle.getBundle(b, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))).toList();
    }

    /** English for an English locale, Chinese for every other. */
    public static Texts of(Locale locale) { return locale.getLanguage().equals("en") ? EN : ZH; }

    public static Texts chinese() { return ZH; }

    public static Texts english() { return EN; }

    public Locale locale() { return locale; }

    public boolean isEnglish() { return locale == ENGLISH; }

    /** The text of a key; a key missing from the bundles throws (TextsTest keeps every key used in code present). */
    public String get(String key, Object... args) {
        String pattern = pattern(key);
        if (args.length == 0) return pattern;
        Object[] rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) rendered[i] = arg(args[i]);
        return new MessageFormat(pattern, locale).format(rendered);
    }

    public boolean has(String key) {
        for (ResourceBundle b : bundles) if (b.containsKey(key)) return true;
        return false;
    }

    public String of(Text text) { return get(text.key(), text.args().toArray()); }

    public String of(Enum<?> constant) { return get(key(constant)); }

    /** A line a store column holds: a {@link Text#stored() stored text} in this language, an older plain line as it is. */
    public String ofStored(String line) {
        return line == null ? "" : Text.fromStored(line).map(this::of).orElse(line);
    }

    /** The key of an enum constant: {@code CaseKind.ON_SITE}, {@code StoreException.Kind.DISK_FULL}. */
    public static String key(Enum<?> constant) {
        Class<?> type = constant.getDeclaringClass();
        String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        return name + "." + constant.name();
    }

    /** A text or an enum constant rendered; a list rendered item by item, joined by {@code text.separator}. */
    private Object arg(Object a) {
        return switch (a) {
            case Text t -> of(t);
            case Enum<?> e -> has(key(e)) ? of(e) : e.name(); // a technical constant (a transport…) as it is named
            case List<?> l -> String.join(get("text.separator"), l.stream().map(x -> String.valueOf(arg(x))).toList());
            case Integer i -> String.valueOf(i); // counts and positions: no digit grouping
            case Long n -> String.valueOf(n);
            case null, default -> a;
        };
    }

    private String pattern(String key) {
        for (ResourceBundle b : bundles) if (b.containsKey(key)) return b.getString(key);
        throw new MissingResourceException("no text " + key + " for " + locale, "Texts", key);
    }
}
