package org.ticketwindow.idcheck.verify;

import java.util.Locale;
import java.util.regex.Pattern;

/** The extra factor a special-name case must show (V2), by whose record it is. */
public enum ExtraFactorKind {
    PHONE_LAST4(RecordRole.REGISTERED_USER, Pattern.compile("\\d{4}")),
    EMAIL_FIRST3(RecordRole.REGISTERED_USER,
            Pattern.compile("[^@\\s]{3}")),
    REGISTERED_USER_ID_NUMBER(RecordRole.CONTACT,
            Pattern.compile("[0-9A-Z]{6,18}"));
    private final RecordRole role;
    private final Pattern shape;

    ExtraFactorKind(RecordRole role, Pattern shape) {
        this.role = role;
        this.shape = shape;
    }

    /** Registered users give phone or e-mail; contacts give the registered user's ID number. */
    public boolean appliesTo(RecordRole r) { return role == r; }

    /** The form that is compared and hashed: e-mail letters lower case, ID numbers upper case, no spaces. */
    public String normalise(String value) {
        String v = value.strip();
        return this == EMAIL_FIRST3 ? v.toLowerCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT);
    }

    public boolean wellFormed(String value) { return value != null && shape.matcher(normalise(value)).matches(); }
}
