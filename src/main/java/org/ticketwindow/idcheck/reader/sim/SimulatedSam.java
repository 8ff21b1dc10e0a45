package org.ticketwindow.idcheck.reader.sim;

import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.sam.CardTextLayout;
import org.ticketwindow.idcheck.reader.sam.Frame;
import org.ticketwindow.idcheck.reader.sam.SamCommand;
import org.ticketwindow.idcheck.reader.sam.SamResponse;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * A GA 467 SAM and its RF field, in software: answers every command of §1.3 for the card on the reader (or none),
 * the way a real module does (find 0x9F/0x80, select, read with the length words, appended address 0x91 when
 * empty), with the card's own failures and the {@link FaultPlan}'s. Thread-safe: the tray is changed from the UI
 * while a reader thread talks to it.
 */
public final class SimulatedSam {

    /** The module's own state: healthy, failing its self-test (0x60), or not authorised (0x66). */
    public enum Condition { OK, SELF_TEST_FAILED, NOT_AUTHORISED }

    /** A fixed, obviously synthetic SAM ID (renders as 05.01-20258033-0000000001-0000000042). */
    static final byte[] SAM_ID = {0x05, 0x00, 0x01, 0x00, (byte) 0xF1, 0x1C, 0x35, 0x01, 0x01, 0, 0, 0, 0x2A, 0, 0, 0};

    private final FaultPlan faults;
    private CardFixture card;
    private Condition condition = Condition.OK;
    private boolean selected;
    private int pendingBaud;
    static final int JOURNAL_SIZE = 20_000;
    private final ArrayDeque<Exchange> journal = new ArrayDeque<>();

    public SimulatedSam(FaultPlan faults) {
        this.faults = faults;
    }

    public FaultPlan faults() { return faults; }

    public synchronized void place(CardFixture fixture) {
        card = fixture;
        selected = false;
    }

    public synchronized void remove() {
        card = null;
        selected = false;
    }

    public synchronized Optional<CardFixture> card() { return Optional.ofNullable(card); }

    public synchronized void condition(Condition c) { condition = c; }

    /** A baud change the last answer asked for (serial emulator applies it after writing the answer). */
    synchronized int takePendingBaud() {
        int b = pendingBaud;
        pendingBaud = 0;
        return b;
    }

    /**
     * One command the module answered (CMD and PARA as {@code 0xCCPP}) and the status it gave (SW3), in the order they
     * came: what the reader saw, for a technician's trace and for tests that check who talked to it when.
     */
    public record Exchange(int command, int status) {
        @Override public String toString() { return String.format("%04X:%02X", command, status); }
    }

    /** The last 20,000 exchanges, oldest first. */
    public synchronized List<Exchange> journal() { return List.copyOf(journal); }

    public synchronized Frame answer(SamCommand command) {
        Frame answer = answerUnlogged(command);
        if (journal.size() == JOURNAL_SIZE) journal.removeFirst();
        journal.addLast(new Exchange(command.cmd() << 8 | command.para(), answer.sw3()));
        return answer;
    }

    private Frame answerUnlogged(SamCommand command) {
        Integer forced = faults.forcedStatus(command);
        if (forced != null) return SamResponse.frame(forced, new byte[0]);
        if (condition == Condition.SELF_TEST_FAILED && command.cmd() != 0x10) return status(0x60);
        if (condition == Condition.NOT_AUTHORISED && command.cmd() != 0x10 && command.cmd() != 0x11) return status(0x66);
        return switch (command.cmd() << 8 | command.para()) {
            case 0x10FF, 0x11FF -> status(0x90);
            case 0x12FF -> SamResponse.frame(0x90, SAM_ID.clone());
            case 0x2001 -> {
                selected = false;
                yield card == null ? status(0x80) : SamResponse.frame(0x9F, new byte[4]);
            }
            case 0x2002 -> {
                if (card == null || card.selectFails()) yield status(0x81);
                selected = true;
                yield SamResponse.frame(0x90, new byte[8]);
            }
            case 0x3001, 0x3010 -> read(command.withFingerprint());
            case 0x3003 -> {
                if (card == null || !selected) yield status(0x41);
                var addresses = card.card().appendedAddresses();
                yield addresses.isEmpty() ? status(0x91)
                        : SamResponse.frame(0x90, CardTextLayout.encodeAppendedAddresses(addresses));
            }
            case 0x3005 -> card == null || !selected ? status(0x41) : SamResponse.frame(0x90, managementNumber());
            default -> other(command);
        };
    }

    private Frame read(boolean withFingerprint) {
        if (card == null || !selected) return status(0x41);
        if (faults.removeCardNow()) {
            card = null; // the passenger took the card away while the chip was being read
            selected = false;
            return status(0x41);
        }
        if (card.readFailure().isPresent()) return status(card.readFailure().get());
        return SamResponse.frame(0x90, card.payload().encode(withFingerprint));
    }

    private Frame other(SamCommand command) {
        if (command.cmd() == 0x60 && command.para() < HardwareProfile.BAUD_RATES.size() && command.data().length == 0) {
            pendingBaud = HardwareProfile.BAUD_RATES.get(command.para());
            return status(0x90);
        }
        if (command.cmd() == 0x61 && command.para() == 0xFF && command.data().length == 1) return status(0x90);
        return status(0x21);
    }

    private byte[] managementNumber() {
        byte[] b = new byte[28];
        byte[] id = card.card().idNumber().value().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < b.length; i++) b[i] = (byte) (id[i % id.length] * 31 + i); // synthetic, not the number
        return b;
    }

    private static Frame status(int sw3) { return SamResponse.frame(sw3, new byte[0]); }
}
