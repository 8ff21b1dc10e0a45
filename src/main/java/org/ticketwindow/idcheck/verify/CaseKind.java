package org.ticketwindow.idcheck.verify;

import java.util.List;

/**
 * The kinds of case a clerk opens (rules V, X, L, P, DUP, T), with what each is about: the document slots it fills,
 * in the order the clerk fills them, and the slot whose record the case decides (the subject). The console and the
 * central both ask this; nobody else spells it out.
 */
public enum CaseKind {
    ON_SITE(true, DocumentRole.HOLDER),
    PROXY(true, DocumentRole.PROXY, DocumentRole.PRINCIPAL),
    OVER_LIMIT_CONTACT(true, DocumentRole.REGISTERED_USER, DocumentRole.CONTACT),
    PRE_VERIFICATION(true, DocumentRole.HOLDER),
    DUPLICATE_CLAIM(true, DocumentRole.HOLDER),
    TICKET_SERVICE(false, DocumentRole.HOLDER);
    private final boolean verification;
    private final List<DocumentRole> documentRoles;

    CaseKind(boolean verification, DocumentRole... documentRoles) {
        this.verification = verification;
        this.documentRoles = List.of(documentRoles);
    }

    /** True for the account verification cases, which need original documents (E3: no electronic proof). */
    public boolean isVerification() { return verification; }

    /** The document slots of this case, in the order the clerk fills them (X1 and L1 have two). */
    public List<DocumentRole> documentRoles() { return documentRoles; }

    /**
     * The slot whose record the case decides: the principal's for a proxy (X1), the contact's over the limit (L1),
     * otherwise the holder's. It is the last slot the clerk fills, so the lookup waits for the whole case.
     */
    public DocumentRole subject() { return documentRoles.getLast(); }
}
