package org.ticketwindow.idcheck.wire;

import java.util.List;

/** The answers to a batch, one per result, in the batch's order. */
public record BatchAnswer(List<ResultAnswer> answers) {
    public BatchAnswer {
        answers = List.copyOf(answers);
    }
}
