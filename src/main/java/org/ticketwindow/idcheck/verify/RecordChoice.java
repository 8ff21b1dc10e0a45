package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.identity.DocumentNumbers;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which of the records carrying the case's subject document (see {@link CaseKind#subject()}) the case decides. The
 * console chooses with what its lookup found; the central, applying a result recorded offline, chooses the same way
 * with the records it holds, so both decide about the same record.
 *
 * <ul>
 *   <li>over the contact limit (L1): a contact of the registered user whose card was read, or none;</li>
 *   <li>a duplicate-identity claim (DUP1): the flagged registered user first;</li>
 *   <li>otherwise the registered user's own record before a contact entry of the same person.</li>
 * </ul>
 * Ties go to the smaller record id, so the choice never depends on the order records arrive in.
 *
 * @param <T> what the caller holds a record in (the lookup's answer, the central's row)
 */
public final class RecordChoice<T> {
    private final Function<T, IdentityRecord> record;
    private final Function<T, IdentityRecord> registeredUser;

    /**
     * @param record         the record a candidate holds
     * @param registeredUser a contact's registered user (null for a registered user, or when unknown)
     */
    public RecordChoice(Function<T, IdentityRecord> record, Function<T, IdentityRecord> registeredUser) {
        this.record = record;
        this.registeredUser = registeredUser;
    }

    /**
     * @param registeredUserNumber the number on the registered user's document (L1), empty in the other cases
     */
    public Optional<T> choose(CaseKind kind, List<T> found, String registeredUserNumber) {
        Comparator<T> byId = Comparator.comparing(t -> record.apply(t).id());
        return switch (kind) {
            case OVER_LIMIT_CONTACT -> found.stream()
                    .filter(t -> record.apply(t).role() == RecordRole.CONTACT)
                    .filter(t -> registeredUser.apply(t) != null
                            && DocumentNumbers.same(registeredUser.apply(t).documentNumber(), registeredUserNumber))
                    .min(byId);
            case DUPLICATE_CLAIM -> found.stream().min(Comparator.comparing((T t) -> !record.apply(t).duplicateIdentity())
                    .thenComparing(t -> record.apply(t).role() != RecordRole.REGISTERED_USER).thenComparing(byId));
            case ON_SITE, PROXY, PRE_VERIFICATION, TICKET_SERVICE -> found.stream()
                    .min(Comparator.comparing((T t) -> record.apply(t).role() != RecordRole.REGISTERED_USER).thenComparing(byId));
        };
    }
}
