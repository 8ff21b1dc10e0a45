package org.ticketwindow.idcheck.reader;

import java.util.List;
import java.util.stream.Collectors;

/** A hardware profile or override file is broken: every problem found, each with file, key and reason. */
public final class ProfileException extends Exception {

    /** One problem: which file, which key (dotted path), and why. */
    public record Problem(String file, String key, String reason) {
        @Override public String toString() { return file + ": " + key + ": " + reason; }
    }

    private final List<Problem> problems;

    public ProfileException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
