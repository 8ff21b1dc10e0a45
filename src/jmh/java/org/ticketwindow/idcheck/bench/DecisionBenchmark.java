package org.ticketwindow.idcheck.bench;

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
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.ExtraFactor;
import org.ticketwindow.idcheck.verify.ExtraFactorKind;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * Full case decisions per second on one thread (target ≥ 200,000/s): on-site pass at an agency, special name with the
 * extra factor checked against the record at a window, a proxy case, and an agency refusal; round robin. The
 * offline path (a PBKDF2 hash of the factor, ~ms by design) is not in the mix: it runs once per offline special case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class DecisionBenchmark {
    private final VerificationRules rules = new VerificationRules();
    private VerificationCase[] cases;
    private int i;

    @Setup public void setup() throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 21);
        CardData zhang = CardFixture.builtIn("ordinary").card();
        CardData li = CardFixture.builtIn("ordinary-female").card();
        CardData chen = CardFixture.builtIn("traditional").card();
        IdentityRecord zhangRecord = IdentityRecord.of("U-1", RecordRole.REGISTERED_USER, RecordStatus.PENDING, "张三",
                DocumentType.RID, zhang.idNumber().value());
        IdentityRecord chenRecord = IdentityRecord.of("U-2", RecordRole.REGISTERED_USER, RecordStatus.PENDING, "陈淑华",
                DocumentType.RID, chen.idNumber().value()).withFactors(new IdentityRecord.FactorReference("2468", null, null));
        cases = new VerificationCase[]{
                VerificationCase.builder(CounterKind.AGENCY, CaseKind.ON_SITE, today)
                        .document(DocumentRole.HOLDER, new Presented.Chip(zhang)).record(zhangRecord).build(),
                VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.ON_SITE, today)
                        .document(DocumentRole.HOLDER, new Presented.Chip(chen)).record(chenRecord)
                        .extraFactor(new ExtraFactor.Given(ExtraFactorKind.PHONE_LAST4, "2468")).build(),
                VerificationCase.builder(CounterKind.STATION_WINDOW, CaseKind.PROXY, today)
                        .document(DocumentRole.PROXY, new Presented.Chip(li)).document(DocumentRole.PRINCIPAL, new Presented.Chip(zhang))
                        .record(zhangRecord).build(),
                VerificationCase.builder(CounterKind.AGENCY, CaseKind.ON_SITE, today)
                        .document(DocumentRole.HOLDER, new Presented.Chip(chen)).record(chenRecord).build(),
        };
        for (VerificationCase c : cases) rules.decide(c);
    }

    @Benchmark
    public Decision decide() {
        return rules.decide(cases[i++ & 3]);
    }
}
