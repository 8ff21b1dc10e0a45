package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.Masking;
import org.ticketwindow.idcheck.identity.PersonName;

import java.util.Objects;

/**
 * One website record as the central's lookup returns it: a registered user or a contact with an identity and a
 * status. {@code nationality} is an ICAO/ISO 3166 alpha-3 code or empty; {@code factors} holds what the extra factor
 * is checked against when the central shares it (null when it does not: the factor then travels hashed, S7).
 * Masked in {@code toString()} (PD1).
 */
public record IdentityRecord(String id, RecordRole role, RecordStatus status, PersonName name, DocumentType documentType,
                             String documentNumber, String nationality, boolean duplicateIdentity,
                             FactorReference factors) {
    public IdentityRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(documentNumber, "documentNumber");
        nationality = nationality == null ? "" : nationality;
    }

    public static IdentityRecord of(String id, RecordRole role, RecordStatus status, String name, DocumentType type,
                                    String number) {
        return new IdentityRecord(id, role, status, new PersonName(name), type, number, "", false, null);
    }

    public IdentityRecord withStatus(RecordStatus s) {
        return new IdentityRecord(id, role, s, name, documentType, documentNumber, nationality, duplicateIdentity, factors);
    }

    public IdentityRecord withNationality(String n) {
        return new IdentityRecord(id, role, status, name, documentType, documentNumber, n, duplicateIdentity, factors);
    }

    public IdentityRecord withFactors(FactorReference f) {
        return new IdentityRecord(id, role, status, name, documentType, documentNumber, nationality, duplicateIdentity, f);
    }

    public IdentityRecord withDuplicateIdentity(boolean d) {
        return new IdentityRecord(id, role, status, name, documentType, documentNumber, nationality, d, factors);
    }

    @Override public String toString() {
        return "IdentityRecord[" + id + ", " + role + ", " + status + ", name=" + name.masked() + ", " + documentType
                + " " + Masking.documentNumber(documentNumber) + "]";
    }

    /**
     * What the extra factor (V2) is checked against: a registered user's phone last 4 digits and e-mail first 3
     * characters; for a contact, the registered user's ID number. Any may be null (unknown). Never printed.
     */
    public record FactorReference(String phoneLast4, String emailFirst3, String registeredUserIdNumber) {
        public String expected(ExtraFactorKind kind) {
            return switch (kind) {
                case PHONE_LAST4 -> phoneLast4;
                case EMAIL_FIRST3 -> emailFirst3;
                case REGISTERED_USER_ID_NUMBER -> registeredUserIdNumber;
            };
        }

        @Override public String toString() { return "FactorReference[***]"; }
    }
}
