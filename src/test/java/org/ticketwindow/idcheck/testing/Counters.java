package org.ticketwindow.idcheck.testing;

import org.ticketwindow.idcheck.reader.sim.FictionalPeople;
import org.ticketwindow.idcheck.store.KeyFile;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.QueuedResult;
import org.ticketwindow.idcheck.sync.Recorder;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A counter's store in a temporary directory, and fictional results recorded through the real path. */
public final class Counters {
    private static final VerificationRules RULES = new VerificationRules();

    private Counters() {}

    public static LocalStore store(Path dir) {
        return LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("keys/installation.key")), Clock.systemUTC(), 0);
    }

    /** Records offline on-site results for fictional persons first..first+n-1. */
    public static List<QueuedResult> record(LocalStore store, String counter, int first, int n) {
        Recorder recorder = new Recorder(store.results(), counter);
        List<QueuedResult> out = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            VerificationCase c = VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.ON_SITE, People.TODAY)
                    .document(DocumentRole.HOLDER, new Presented.Chip(FictionalPeople.card(i))).build();
            out.add(recorder.record("clerk-01", c, RULES.decide(c), List.of()));
        }
        return out;
    }
}
