package org.ticketwindow.idcheck.reader.sam;

import org.ticketwindow.idcheck.reader.SamStatus;
import org.ticketwindow.idcheck.text.Texts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ticketwindow.idcheck.identity.CardDefect;
import org.ticketwindow.idcheck.reader.DeviceFaultKind;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedReaders;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.testing.TestProfiles;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule D3 classification, code by code (the table in docs/reader.md): each SW3 forced on select and on read, and the
 * link faults. Runs the real codec path in-process through the simulated SAM.
 */
class ReadClassificationTest {
    private static final HardwareProfile PROFILE = TestProfiles.fast(TestProfiles.shipped("simulator"), Duration.ofMillis(150));

    private static ReadOutcome readWith(String card, FaultPlan faults) throws Exception {
        SimulatedSam sam = new SimulatedSam(faults);
        if (card != null) sam.place(CardFixture.builtIn(card));
        try (SamCardReader reader = SimulatedReaders.open(sam, PROFILE, TestProfiles.TODAY)) {
            return reader.read();
        }
    }

    @ParameterizedTest(name = "D3 SW3 {0} on read is classified by its category")
    @EnumSource(value = SamStatus.class, names = {"SUCCESS", "CARD_FOUND", "NO_CONTENT"}, mode = EnumSource.Mode.EXCLUDE)
    void everyStatusOnRead(SamStatus status) throws Exception {
        ReadOutcome o = readWith("ordinary", new FaultPlan(1).force(SamCommand.READ, status.code(), Integer.MAX_VALUE));
        switch (status.category()) {
            case CARD -> {
                assertThat(o).isInstanceOf(ReadOutcome.Unreadable.class);
                ReadOutcome.Unreadable u = (ReadOutcome.Unreadable) o;
                assertThat(u.lastStatus()).contains(status);
                assertThat(u.attempts()).isEqualTo(1 + PROFILE.retries().read());
                assertThat(Texts.chinese().of(u.passenger())).contains("发证机关");
            }
            case DEVICE -> assertThat(o).isInstanceOfSatisfying(ReadOutcome.DeviceFault.class,
                    f -> assertThat(f.status()).contains(status));
            case NO_CARD -> assertThat(o).isEqualTo(new ReadOutcome.NoCard(true));
            case OK -> throw new AssertionError("excluded");
        }
    }

    @ParameterizedTest(name = "D3 SW3 {0} on select is classified by its category")
    @EnumSource(value = SamStatus.class, names = {"SUCCESS", "CARD_FOUND", "NO_CONTENT", "FIND_FAILED"}, mode = EnumSource.Mode.EXCLUDE)
    void everyStatusOnSelect(SamStatus status) throws Exception {
        ReadOutcome o = readWith("ordinary", new FaultPlan(2).force(SamCommand.SELECT, status.code(), Integer.MAX_VALUE));
        if (status.category() == SamStatus.Category.CARD) assertThat(o).isInstanceOf(ReadOutcome.Unreadable.class);
        else assertThat(o).isInstanceOf(ReadOutcome.DeviceFault.class);
    }

    @Test
    @DisplayName("D3 device statuses map to their fault kinds: 0x60 self-test, 0x66 not authorised, 0x10/0x11/0x21 frame rejected")
    void deviceKinds() {
        assertThat(SamSession.deviceFault(SamStatus.SAM_SELF_TEST_FAILED).kind()).isEqualTo(DeviceFaultKind.SAM_SELF_TEST_FAILED);
        assertThat(SamSession.deviceFault(SamStatus.SAM_NOT_AUTHORISED).kind()).isEqualTo(DeviceFaultKind.SAM_NOT_AUTHORISED);
        assertThat(SamSession.deviceFault(SamStatus.HOST_CHECKSUM_ERROR).kind()).isEqualTo(DeviceFaultKind.FRAME_REJECTED);
        assertThat(SamSession.deviceFault(SamStatus.HOST_LENGTH_ERROR).kind()).isEqualTo(DeviceFaultKind.FRAME_REJECTED);
        assertThat(SamSession.deviceFault(SamStatus.HOST_COMMAND_ERROR).kind()).isEqualTo(DeviceFaultKind.FRAME_REJECTED);
    }

    @Test
    @DisplayName("D3 a card vanishing during a read is NoCard(removed); during a SAM command it is a link fault, never a crash")
    void vanishedCard() {
        SamIoException gone = new SamIoException(SamIoException.Kind.CARD_GONE, "card left");
        assertThat(SamSession.ioOutcome(gone)).isEqualTo(new ReadOutcome.NoCard(true));
        assertThat(SamSession.ioFault(gone).kind()).isEqualTo(DeviceFaultKind.PORT_GONE);
        for (SamIoException.Kind k : SamIoException.Kind.values()) {
            assertThat(SamSession.ioFault(new SamIoException(k, "x"))).isInstanceOf(ReadOutcome.DeviceFault.class);
        }
    }

    @Test
    @DisplayName("D3 no card on the reader is NoCard, not a refusal")
    void noCard() throws Exception {
        assertThat(readWith(null, FaultPlan.none())).isEqualTo(new ReadOutcome.NoCard(false));
    }

    @Test
    @DisplayName("D3 an unreadable card (0x41 on every read) is refused after bounded retries")
    void unreadableFixture() throws Exception {
        ReadOutcome o = readWith("unreadable", FaultPlan.none());
        assertThat(o).isInstanceOfSatisfying(ReadOutcome.Unreadable.class, u -> {
            assertThat(u.lastStatus()).contains(SamStatus.READ_FAILED);
            assertThat(u.attempts()).isEqualTo(3);
        });
        assertThat(readWith("unreadable-auth", FaultPlan.none())).isInstanceOfSatisfying(ReadOutcome.Unreadable.class,
                u -> assertThat(u.lastStatus()).contains(SamStatus.SAM_AUTH_CARD_FAILED));
    }

    @Test
    @DisplayName("D3 one failed read followed by a good one is a read (bounded retry succeeds)")
    void retrySucceeds() throws Exception {
        ReadOutcome o = readWith("ordinary", new FaultPlan(3).force(SamCommand.READ, 0x41, 1));
        assertThat(o).isInstanceOfSatisfying(ReadOutcome.Read.class, r -> assertThat(r.timings().attempts()).isEqualTo(2));
    }

    @Test
    @DisplayName("D3 a card taken away mid-read is NoCard(removed), not unreadable")
    void removedMidRead() throws Exception {
        assertThat(readWith("ordinary", new FaultPlan(4).cardRemovedDuringRead(1.0))).isEqualTo(new ReadOutcome.NoCard(true));
    }

    @Test
    @DisplayName("D3 SAM self-test failure and SAM not authorised are device faults")
    void samConditions() throws Exception {
        for (var c : new SimulatedSam.Condition[]{SimulatedSam.Condition.SELF_TEST_FAILED, SimulatedSam.Condition.NOT_AUTHORISED}) {
            SimulatedSam sam = new SimulatedSam(FaultPlan.none());
            sam.place(CardFixture.builtIn("ordinary"));
            sam.condition(c);
            try (SamCardReader reader = SimulatedReaders.open(sam, PROFILE, TestProfiles.TODAY)) {
                assertThat(reader.read()).isInstanceOf(ReadOutcome.DeviceFault.class);
                assertThat(reader.health().healthy()).isFalse();
            }
        }
    }

    @Test
    @DisplayName("D3 a truncated answer is a timeout fault; a bit flip is a protocol fault; junk before the preamble is harmless")
    void linkFaults() throws Exception {
        assertThat(readWith("ordinary", new FaultPlan(5).truncations(1.0))).isInstanceOfSatisfying(ReadOutcome.DeviceFault.class,
                f -> assertThat(f.kind()).isEqualTo(DeviceFaultKind.TIMEOUT));
        assertThat(readWith("ordinary", new FaultPlan(6).bitFlips(1.0))).isInstanceOfSatisfying(ReadOutcome.DeviceFault.class,
                f -> assertThat(f.kind()).isIn(DeviceFaultKind.PROTOCOL, DeviceFaultKind.TIMEOUT));
        assertThat(readWith("ordinary", new FaultPlan(7).junkPrefixes(1.0))).isInstanceOf(ReadOutcome.Read.class);
        assertThat(readWith("ordinary", new FaultPlan(8).delays(1.0, Duration.ofMillis(500))))
                .isInstanceOfSatisfying(ReadOutcome.DeviceFault.class, f -> assertThat(f.kind()).isEqualTo(DeviceFaultKind.TIMEOUT));
    }

    @Test
    @DisplayName("D5 a forged check digit is refused with its reason; D1 an expired card is refused with its end date")
    void refusals() throws Exception {
        assertThat(readWith("forged-check-digit", FaultPlan.none())).isInstanceOfSatisfying(ReadOutcome.Refused.class, r -> {
            assertThat(r.defects()).extracting(CardDefect::kind).contains(CardDefect.Kind.ID_NUMBER);
            assertThat(r.suspectCard()).isTrue();
            assertThat(Texts.chinese().of(r.passenger())).contains("发证机关");
        });
        assertThat(readWith("expired", FaultPlan.none())).isInstanceOfSatisfying(ReadOutcome.Refused.class, r -> {
            assertThat(r.defects()).extracting(CardDefect::kind).containsExactly(CardDefect.Kind.EXPIRED);
            assertThat(Texts.chinese().of(r.clerk())).contains("2020-05-01");
            assertThat(r.suspectCard()).isFalse();
        });
        assertThat(readWith("long-term", FaultPlan.none())).isInstanceOf(ReadOutcome.Read.class);
    }

    @Test
    @DisplayName("§2.6 an unknown card type is unreadable at once (retrying cannot help)")
    void unknownType() throws Exception {
        assertThat(readWith("unknown-type", FaultPlan.none())).isInstanceOfSatisfying(ReadOutcome.Unreadable.class,
                u -> assertThat(u.lastStatus()).contains(SamStatus.UNRECOGNISED_CARD_TYPE));
    }

    @Test
    @DisplayName("every tray card that should read does read, with appended addresses and fingerprint as configured")
    void trayReads() throws Exception {
        for (String id : new String[]{"ordinary", "ordinary-female", "rare-pua", "rare-ext-b", "traditional", "long-name",
                "foreign-2017", "foreign-2023", "foreign-2023-long-name", "residence-permit-hk", "residence-permit-tw"}) {
            assertThat(readWith(id, FaultPlan.none())).as(id).isInstanceOf(ReadOutcome.Read.class);
        }
        ReadOutcome.Read female = (ReadOutcome.Read) readWith("ordinary-female", FaultPlan.none());
        assertThat(female.card().appendedAddresses()).containsExactly("北京市西城区示例西街18号");
        ReadOutcome.Read ordinary = (ReadOutcome.Read) readWith("ordinary", FaultPlan.none());
        assertThat(ordinary.card().fingerprint()).as("the simulator profile reads 30 01: no fingerprint (decision 0009)").isEmpty();
        // a profile that reads 30 10 (cvr100-serial) gets the fingerprint
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        sam.place(CardFixture.builtIn("ordinary"));
        try (SamCardReader reader = SimulatedReaders.open(sam, TestProfiles.shipped("cvr100-serial"), TestProfiles.TODAY)) {
            assertThat(reader.read()).isInstanceOfSatisfying(ReadOutcome.Read.class, r -> assertThat(r.card().fingerprint()).hasSize(1024));
        }
    }
}
