package org.ticketwindow.idcheck.reader;

import org.ticketwindow.idcheck.validation.Problem;
import org.ticketwindow.idcheck.validation.Problems;

import java.util.List;

/** A hardware profile or override file is broken: every problem found, each with file, key and reason. */
public final class ProfileException extends Exception {
    private final List<Problem> problems;

    public ProfileException(List<Problem> problems) {
        super(Problems.lines(problems));
        this.problems = List.copyOf(problems);
    }

    static ProfileException of(Object file, String key, String reason) {
        return new ProfileException(List.of(new Problem(file.toString(), key, reason)));
    }

    public List<Problem> problems() { return problems; }
}
