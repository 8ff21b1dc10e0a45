package org.ticketwindow.idcheck.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.Evidence;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 19: the central reads every result's envelope; side by side, the wire mapping as it is (the counter's instant
 * form read by {@link CanonicalInstant}) and as before (instants by the JSON library's formatter), and the instant alone.
 * Fictional people: the tray's cards. {@code ./mvnw -Pbench -DskipTests verify -Djmh=WireReadBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class WireReadBenchmark {
    private final ObjectMapper wire = WireJson.build(true);
    private final ObjectMapper before = WireJson.build(false);
    private byte[][] envelopes;
    private String[] instants;
    private int i;

    @Setup public void setup() throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 21);
        VerificationRules rules = new VerificationRules();
        CardData zhang = CardFixture.builtIn("ordinary").card();
        CardData li = CardFixture.builtIn("ordinary-female").card();
        IdentityRecord record = IdentityRecord.of("U-1", RecordRole.REGISTERED_USER, RecordStatus.PENDING, "张三",
                DocumentType.RID, zhang.idNumber().value());
        VerificationCase[] cases = {
                VerificationCase.builder(CounterKind.AGENCY, CaseKind.ON_SITE, today)
                        .document(DocumentRole.HOLDER, new Presented.Chip(zhang)).record(record).build(),
                VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.PROXY, today)
                        .document(DocumentRole.PROXY, new Presented.Chip(li)).document(DocumentRole.PRINCIPAL, new Presented.Chip(zhang))
                        .record(record).build()};
        envelopes = new byte[4][];
        instants = new String[4];
        for (int k = 0; k < 4; k++) {
            Instant at = Instant.parse("2026-11-21T08:15:30Z").plusMillis(k * 1_234_567L + k);
            Evidence e = Evidence.of("C001", "clerk-01", at, k + 1, cases[k & 1], rules.decide(cases[k & 1]));
            envelopes[k] = wire.writeValueAsBytes(new ResultEnvelope("C001-" + (k + 1), "C001", k + 1, e, List.of()));
            instants[k] = at.toString();
        }
    }

    @Benchmark public ResultEnvelope envelope() throws Exception {
        return wire.readValue(envelopes[i++ & 3], ResultEnvelope.class);
    }

    @Benchmark public ResultEnvelope envelopeBefore() throws Exception {
        return before.readValue(envelopes[i++ & 3], ResultEnvelope.class);
    }

    @Benchmark public Instant instant() {
        return CanonicalInstant.parse(instants[i++ & 3]);
    }

    @Benchmark public Instant instantBefore() {
        return Instant.parse(instants[i++ & 3]);
    }
}
