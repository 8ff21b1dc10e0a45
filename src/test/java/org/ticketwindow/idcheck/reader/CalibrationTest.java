package org.ticketwindow.idcheck.reader;

import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedReaders;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.testing.TestProfiles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calibration runs on the simulated reader through the real SAM session and frame codec, paced like a 115200 line. */
class CalibrationTest {
    final HardwareProfile profile = TestProfiles.shipped("simulator");

    @Test void aGoodCardReadsEveryTimeWithTheWireTimeInTheHistogramAndStages() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        sam.place(CardFixture.builtIn("ordinary"));
        List<Integer> progress = new ArrayList<>();
        try (CardReader r = SimulatedReaders.openPaced(sam, profile, Clock.systemUTC(), 115200)) {
            Calibration.Report report = Calibration.run(r, 10, p -> progress.add(p.reads()));
            assertThat(report.reads()).isEqualTo(10);
            assertThat(report.successRate()).isEqualTo(1.0);
            assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(report.histogram().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
            // a full read moves ~1.3 KB: ~112 ms at 115200 baud, all of it in the read stage
            assertThat(report.p50Ms()).isBetween(100.0, 400.0);
            assertThat(report.stageMeansMs().get("read")).isGreaterThan(report.stageMeansMs().get("find"));
            assertThat(report.errorCodes()).isEmpty();
        }
    }

    @Test void anEmptyReaderAndAnUnauthorisedSamAreCountedByCode() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        try (CardReader r = SimulatedReaders.open(sam, profile, Clock.systemUTC())) {
            Calibration.Report empty = Calibration.run(r, 3, p -> { });
            assertThat(empty.noTestCard()).as("no test card: nothing measured, not 3 reads at 0 %").isTrue();
            assertThat(empty.reads()).isLessThanOrEqualTo(Calibration.NO_CARD_READS);
            sam.place(org.ticketwindow.idcheck.reader.sim.CardFixture.builtIn("ordinary"));
            sam.condition(SimulatedSam.Condition.NOT_AUTHORISED);
            Calibration.Report fault = Calibration.run(r, 2, p -> { });
            assertThat(fault.outcomes().get(Calibration.Result.DEVICE_FAULT)).isEqualTo(2);
            assertThat(fault.successRate()).isZero();
            assertThat(fault.errorCodes().keySet()).allMatch(k -> k.startsWith("SAM_"));
        }
    }

    @Test void aTestCardTakenAwayMidRunStopsTheRunAsNoTestCard() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        sam.place(org.ticketwindow.idcheck.reader.sim.CardFixture.builtIn("ordinary"));
        try (CardReader r = SimulatedReaders.open(sam, profile, Clock.systemUTC())) {
            Calibration.Report report = Calibration.run(r, 50, p -> { if (p.reads() == 5) sam.remove(); });
            assertThat(report.noTestCard()).isTrue();
            assertThat(report.reads()).isEqualTo(5 + Calibration.NO_CARD_READS);
            assertThat(report.outcomes().get(Calibration.Result.READ)).isEqualTo(5);
        }
    }

    @Test void theRunLengthIsBounded() {
        try (CardReader r = SimulatedReaders.open(new SimulatedSam(FaultPlan.none()), profile, Clock.systemUTC())) {
            assertThatThrownBy(() -> Calibration.run(r, 0, p -> { })).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
