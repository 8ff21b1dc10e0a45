package org.ticketwindow.idcheck.reader.connect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.reader.DeviceFaultKind;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.ReaderOwnership;
import org.ticketwindow.idcheck.reader.ReaderUse;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.testing.TestProfiles;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening readers by profile, the one place that knows the transports; here the simulator through the real SAM session. */
class ReaderConnectionTest {
    private static final HardwareProfile SIMULATOR = TestProfiles.fast(TestProfiles.shipped("simulator"), Duration.ofMillis(50));

    @Test
    @DisplayName("the simulator opens as a connection whose reader reads the card on the simulated SAM (D3: a Read)")
    void simulatorReads() throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        sam.place(CardFixture.builtIn("ordinary"));
        ReaderConnection c = ReaderConnection.simulator(SIMULATOR, sam, TestProfiles.TODAY);
        assertThat(c.fault()).isEmpty();
        try (ReaderOwnership owner = c.reader().orElseThrow();
             ReaderOwnership.Lease lease = owner.acquire(ReaderUse.WORKSPACE)) {
            assertThat(lease.reader().read()).isInstanceOf(ReadOutcome.Read.class);
        }
    }

    @Test
    @DisplayName("D3: the simulator profile opened as a device (no simulated SAM given) is a device fault, not an exception")
    void simulatorProfileHasNoDevice() {
        ReaderConnection c = ReaderConnection.open(SIMULATOR, Optional.empty(), TestProfiles.TODAY);
        assertThat(c.reader()).isEmpty();
        assertThat(c.fault()).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(DeviceFaultKind.OPEN_FAILED));
    }
}
