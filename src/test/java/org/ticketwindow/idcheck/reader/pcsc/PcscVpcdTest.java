package org.ticketwindow.idcheck.reader.pcsc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.Presence;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.reader.sim.VirtualPcscCard;
import org.ticketwindow.idcheck.testing.Hex;
import org.ticketwindow.idcheck.testing.TestProfiles;
import org.ticketwindow.idcheck.testing.Tools;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real javax.smartcardio transport through pcscd and the vsmartcard vpcd driver, with the project's virtual card. */
class PcscVpcdTest {
    private static final String READER = "Virtual PCD 00 00";
    private static final byte[] CHIP_SERIAL = Hex.bytes("01 23 45 67 89 AB CD EF");
    private static final HardwareProfile PROFILE = TestProfiles.shipped("routon-ccid-pcsc");
    private static PcscService service;

    @BeforeAll
    static void pcscd() throws Exception {
        service = new PcscService();
        List<String> names;
        try {
            names = service.readerNames();
        } catch (PcscService.UnavailableException e) {
            names = List.of();
        }
        Tools.assume(names.contains(READER), "pcscd with vsmartcard-vpcd is not running (apt-get install pcscd vsmartcard-vpcd; pcscd -f &)");
    }

    private static SimulatedSam sam(String card) throws Exception {
        SimulatedSam sam = new SimulatedSam(FaultPlan.none());
        sam.place(CardFixture.builtIn(card));
        return sam;
    }

    private static void awaitPresence(PcscCardReader reader, Presence p) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> reader.presence() == p);
    }

    @Test
    @DisplayName("PC/SC: reader appears, card inserted and removed events, full FF 98 read, chip serial")
    void fullRead() throws Exception {
        List<PcscEvent> events = new CopyOnWriteArrayList<>();
        PcscMonitor monitor = new PcscMonitor(service, Duration.ofMillis(100), events::add);
        events.addAll(monitor.poll());
        assertThat(events).contains(new PcscEvent.ReaderAdded(READER));
        try (PcscCardReader reader = PcscCardReader.open(service, READER, PROFILE, TestProfiles.TODAY)) {
            assertThat(reader.read()).isEqualTo(new ReadOutcome.NoCard(false));
            try (VirtualPcscCard card = VirtualPcscCard.insert(sam("ordinary"), "127.0.0.1", VirtualPcscCard.DEFAULT_PORT, CHIP_SERIAL)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> { events.addAll(monitor.poll()); return events.contains(new PcscEvent.CardInserted(READER)); });
                ReadOutcome outcome = reader.read();
                assertThat(outcome).isInstanceOfSatisfying(ReadOutcome.Read.class,
                        r -> assertThat(r.card().idNumber().value()).isEqualTo("110101199003071233"));
                assertThat(reader.chipSerial()).isEqualTo(CHIP_SERIAL);
                assertThat(reader.health().samId()).isPresent();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> { events.addAll(monitor.poll()); return events.contains(new PcscEvent.CardRemoved(READER)); });
            awaitPresence(reader, Presence.ABSENT);
            assertThat(reader.read()).isEqualTo(new ReadOutcome.NoCard(false));
        }
    }

    @Test
    @DisplayName("D3 PC/SC: a 30 10 read with 1024-byte fingerprint comes in chunks; an unreadable card is refused")
    void fingerprintAndUnreadable() throws Exception {
        HardwareProfile fp = PROFILE.withRead(HardwareProfile.ReadCommand.TEXT_PHOTO_FINGERPRINT, true);
        try (PcscCardReader reader = PcscCardReader.open(service, READER, fp, TestProfiles.TODAY)) {
            try (VirtualPcscCard card = VirtualPcscCard.insert(sam("ordinary"), "127.0.0.1", VirtualPcscCard.DEFAULT_PORT, CHIP_SERIAL)) {
                awaitPresence(reader, Presence.PRESENT);
                assertThat(reader.read()).isInstanceOfSatisfying(ReadOutcome.Read.class,
                        r -> assertThat(r.card().fingerprint()).hasSize(1024));
            }
            awaitPresence(reader, Presence.ABSENT);
            try (VirtualPcscCard card = VirtualPcscCard.insert(sam("unreadable"), "127.0.0.1", VirtualPcscCard.DEFAULT_PORT, CHIP_SERIAL)) {
                awaitPresence(reader, Presence.PRESENT);
                assertThat(reader.read()).isInstanceOf(ReadOutcome.Unreadable.class);
            }
            awaitPresence(reader, Presence.ABSENT);
        }
    }

    @Test
    @DisplayName("D3 PC/SC: the card dropped mid-read is a clean outcome, and the next card reads")
    void droppedMidRead() throws Exception {
        try (PcscCardReader reader = PcscCardReader.open(service, READER, PROFILE, TestProfiles.TODAY)) {
            try (VirtualPcscCard card = VirtualPcscCard.insert(sam("ordinary"), "127.0.0.1", VirtualPcscCard.DEFAULT_PORT, CHIP_SERIAL)) {
                awaitPresence(reader, Presence.PRESENT);
                card.dropAtChunk(2);
                // pcscd reports the vanished card (SCARD_W_REMOVED_CARD / empty answer): not the card's fault, not a device fault
                assertThat(reader.read()).isEqualTo(new ReadOutcome.NoCard(true));
            }
            awaitPresence(reader, Presence.ABSENT);
            try (VirtualPcscCard card = VirtualPcscCard.insert(sam("residence-permit-tw"), "127.0.0.1", VirtualPcscCard.DEFAULT_PORT, CHIP_SERIAL)) {
                awaitPresence(reader, Presence.PRESENT);
                assertThat(reader.read()).isInstanceOf(ReadOutcome.Read.class);
            }
            awaitPresence(reader, Presence.ABSENT);
        }
    }
}
