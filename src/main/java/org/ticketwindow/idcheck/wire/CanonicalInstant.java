package org.ticketwindow.idcheck.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An instant in the one form the counter writes ({@link Instant#toString()}: {@code 2026-11-30T08:15:30.123Z}, UTC,
 * a four-digit year, 0–9 fraction digits), read without {@code DateTimeFormatter}: issue 19, the formatter took a
 * tenth of the central's reading of a result (0.8 of 6.6 µs, {@code WireReadBenchmark}). Anything else — another
 * offset, a leap second, hour 24, a number, a mistake — is left to the JSON library's own reading (null here), so
 * every instant reads as it did before and every malformed one fails as before ({@code CanonicalInstantTest} compares
 * the two).
 */
final class CanonicalInstant {
    private CanonicalInstant() {}

    /** The instant {@code s} names when it is in the canonical form, else null (the caller reads it the general way). */
    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || n == 21 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') return null;
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) return null;
        int nano = 0;
        if (n > 20) {
            if (s.charAt(19) != '.') return null;
            int fraction = n - 21; // 1–9 digits, scaled to nanoseconds
            nano = digits(s, 20, fraction);
            if (nano < 0) return null;
            for (int i = fraction; i < 9; i++) nano *= 10;
        }
        if (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) return null;
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nano);
    }

    /** The value of {@code count} ASCII digits from {@code from}, or -1 if any is not one. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Wraps the JSON library's instant reading (whatever its settings): the canonical form first, the rest to it. */
    static final class Deserializer extends DelegatingDeserializer {
        Deserializer(JsonDeserializer<?> general) { super(general); }

        @Override protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> general) {
            return new Deserializer(general);
        }

        @Override public Object deserialize(JsonParser p, DeserializationContext c) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = parse(p.getText());
                if (fast != null) return fast;
            }
            return super.deserialize(p, c);
        }
    }
}
