package org.ticketwindow.idcheck.verify;

import org.ticketwindow.idcheck.verify.name.SpecialName;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to a case: the outcome, why (reasons, first the main one), the new statuses, what is still missing,
 * the field-by-field comparison, the extra factor as a check result, the special-name kinds, the ticket services
 * and informational notes (V5, L2, E4…). {@code recordable}: the result goes to the queue (every outcome that
 * changes or claims something, and every refusal once a document was handled: D3).
 */
public record Decision(CaseKind caseKind, Outcome outcome, List<Reason> reasons, List<StatusChange> statusChanges,
                       Set<Missing> missing, List<FieldComparison> comparisons, ExtraFactorCheck extraFactor,
                       Set<SpecialName> specialName, TicketServices ticketServices, List<Reason> notes,
                       boolean recordable) {
    public Decision {
        reasons = List.copyOf(reasons);
        statusChanges = List.copyOf(statusChanges);
        missing = Set.copyOf(missing);
        comparisons = List.copyOf(comparisons);
        specialName = Set.copyOf(specialName);
        notes = List.copyOf(notes);
    }

    public Optional<TicketServices> services() { return Optional.ofNullable(ticketServices); }

    /** The main reason. */
    public Reason reason() { return reasons.getFirst(); }

    /** Rule ids of the reasons, in order, without repeats. */
    public List<String> ruleIds() { return reasons.stream().map(Reason::rule).distinct().toList(); }

    @Override public String toString() {
        return "Decision[" + caseKind + " " + outcome + " " + ruleIds() + ", missing=" + missing + ", changes=" + statusChanges + "]";
    }
}
