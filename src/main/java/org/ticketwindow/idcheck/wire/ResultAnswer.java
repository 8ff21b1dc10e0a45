package org.ticketwindow.idcheck.wire;

import org.ticketwindow.idcheck.verify.Outcome;
import org.ticketwindow.idcheck.verify.StatusChange;

import java.util.List;

/**
 * The central's answer to one result: the kind, the reason (no personal data), the central's own outcome and the
 * status changes it applied; for a DUPLICATE, {@code first} is the kind of the first answer. {@code gapFrom}..
 * {@code gapTo} are the sequence numbers found missing before this one (0 when none); {@code reordered} is true when
 * this result filled an earlier gap (S3).
 */
public record ResultAnswer(String resultId, AnswerKind answer, String reason, Outcome outcome, List<StatusChange> changes,
                           AnswerKind first, long gapFrom, long gapTo, boolean reordered) {
    public ResultAnswer {
        reason = reason == null ? "" : reason;
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public static ResultAnswer rejected(String resultId, String reason) {
        return new ResultAnswer(resultId, AnswerKind.REJECTED, reason, null, List.of(), null, 0, 0, false);
    }

    /**
     * True when the result is done with (synced): applied or in conflict, or a DUPLICATE whose first answer was one of
     * those. A repeat of a rejection is not settled (the central decides a rejected result again; an older central may
     * answer DUPLICATE of REJECTED), and a DUPLICATE that does not say its first answer is not trusted as settled.
     */
    public boolean settles() {
        if (answer == AnswerKind.DUPLICATE) return first != null && first != AnswerKind.DUPLICATE && first.settles();
        return answer.settles();
    }

    /** One line for the queue's answer column and logs. */
    public String summary() {
        StringBuilder s = new StringBuilder(answer.name());
        if (first != null) s.append(" of ").append(first);
        if (outcome != null) s.append(' ').append(outcome);
        if (!reason.isEmpty()) s.append(": ").append(reason);
        if (gapFrom > 0) s.append(" [gap ").append(gapFrom).append('–').append(gapTo).append(']');
        if (reordered) s.append(" [reordered]");
        return s.toString();
    }
}
