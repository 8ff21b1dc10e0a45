package org.ticketwindow.idcheck.identity;

/**
 * The masked forms of personal data used in logs, exception messages and default CLI output (rule PD1):
 * {@code 1101**********1233}, {@code 张*}.
 */
public final class Masking {
    private Masking() {}

    /** Keeps the first four and last four characters of a document number; shorter numbers keep one at each end. */
    public static String documentNumber(String value) {
        if (value == null || value.isEmpty()) return "";
        int n = value.length();
        int keep = n >= 12 ? 4 : (n >= 5 ? 1 : 0);
        if (keep == 0) return "*".repeat(n);
        return value.substring(0, keep) + "*".repeat(n - 2 * keep) + value.substring(n - keep);
    }

    /** Keeps the first code point of a name and replaces every other non-space code point with {@code *}. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        int[] cps = value.codePoints().toArray();
        out.appendCodePoint(cps[0]);
        for (int i = 1; i < cps.length; i++) out.append(Character.isWhitespace(cps[i]) ? ' ' : '*');
        return out.toString();
    }

    /** Free text such as an address: nothing but its length survives. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) return "";
        return "*(" + value.codePointCount(0, value.length()) + ")";
    }

    private static final java.util.regex.Pattern ID18 =
            java.util.regex.Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final java.util.regex.Pattern FOREIGN15 =
            java.util.regex.Pattern.compile("(?<![0-9A-Za-z])[A-Z]{3}\\d{12}(?![0-9A-Za-z])");
    private static final java.util.regex.Pattern PASS =
            java.util.regex.Pattern.compile("(?<![0-9A-Za-z])[HM]\\d{8,10}(?![0-9A-Za-z])");
    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
            "(?i)((?:english|chinese)?name|姓名|address|住址)(\\s*[=:：]\\s*\"?)([^,;\\]\\)\"\\n]+)");

    /**
     * Last line of defence for log output (PD1): masks anything shaped like an ID, permit or foreigner number, and
     * the value after {@code name=}, {@code 姓名:} or {@code address=}. Values that mask themselves never get here.
     */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) return text;
        String s = ID18.matcher(text).replaceAll(m -> documentNumber(m.group()));
        s = FOREIGN15.matcher(s).replaceAll(m -> documentNumber(m.group()));
        s = PASS.matcher(s).replaceAll(m -> documentNumber(m.group()));
        s = NAMED.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) + m.group(2) + (m.group(1).toLowerCase(java.util.Locale.ROOT).contains("address")
                        || m.group(1).equals("住址") ? text(m.group(3)) : name(m.group(3).strip()))));
        return s;
    }

    /** Binary personal data (photo, fingerprint): only the size. */
    public static String bytes(byte[] value) {
        return value == null ? "0 B" : value.length + " B";
    }
}
