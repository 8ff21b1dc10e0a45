package org.ticketwindow.idcheck.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The problems found while reading files, collected rather than thrown one at a time, so whoever wrote the file sees
 * every mistake at once, each as {@code file: key: reason} (docs/decisions/0015). The validators of hardware profiles,
 * the installation file and case files all report through it.
 */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    public void add(String file, String key, String reason) {
        found.add(new Problem(file, key, reason));
    }

    /** A problem whose reason is read on screen in the UI's language (the installation file's). */
    public void add(String file, String key, org.ticketwindow.idcheck.text.Text reason) {
        found.add(Problem.of(file, key, reason));
    }

    /** A problem for every key of {@code keys} that is not {@code allowed}, named {@code prefix + key}. */
    public void unknownKeys(String file, String prefix, Iterator<String> keys, Collection<String> allowed) {
        while (keys.hasNext()) {
            String k = keys.next();
            if (!allowed.contains(k)) add(file, prefix + k, org.ticketwindow.idcheck.text.Text.of("validation.unknownKey",
                    String.join(", ", allowed.stream().sorted().toList())));
        }
    }

    /** The one wording of an unknown key, with the keys allowed in its place. */
    public static String unknownKey(Collection<String> allowed) { // the English of validation.unknownKey
        return "unknown key (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")";
    }

    public boolean isEmpty() { return found.isEmpty(); }

    /** How many so far: a reader compares counts to tell whether one part of a file added any. */
    public int count() { return found.size(); }

    /** True when a problem was found in {@code file}. */
    public boolean anyIn(String file) { return found.stream().anyMatch(p -> p.file().equals(file)); }

    public List<Problem> all() { return List.copyOf(found); }

    /** One line a problem, {@code file: key: reason}: the message of the exception that carries them. */
    public static String lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
