package org.ticketwindow.idcheck.identity;

/** A person's name exactly as read or entered (spaces inside kept: foreign names have them). Masked in toString. */
public record PersonName(String value) {
    public PersonName {
        if (value == null) value = "";
    }

    public boolean isBlank() { return value.isBlank(); }

    public String masked() { return Masking.name(value); }

    @Override public String toString() { return masked(); }
}
