package org.ticketwindow.idcheck.reader.sam;

import org.ticketwindow.idcheck.reader.SamStatus;
import org.ticketwindow.idcheck.reader.SamId;
import org.ticketwindow.idcheck.reader.TimeoutKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.identity.CardChecks;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.CardDefect;
import org.ticketwindow.idcheck.reader.DeviceFaultKind;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.Presence;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.StageTimings;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The GA 467 conversation over one {@link SamChannel}, with the profile's timeouts: single commands (status, SAM ID,
 * management number, baud, RF frame size) and the classified card read (§1.5, rule D3):
 * <ol>
 * <li>find {@code 20 01}: 0x9F card, 0x80 no card (retried {@code retries.find} times);</li>
 * <li>select {@code 20 02}, read {@code 30 01}/{@code 30 10}, optional appended address {@code 30 03};</li>
 * <li>a card-category status (select/read/authentication/verification failures) starts a new attempt, up to
 * {@code 1 + retries.read}; then the card is {@link ReadOutcome.Unreadable};</li>
 * <li>a device-category status, a timeout or a broken link is a {@link ReadOutcome.DeviceFault} at once;</li>
 * <li>a card that reads is checked ({@link CardChecks}); failing checks make it {@link ReadOutcome.Refused}.</li>
 * </ol>
 */
public final class SamSession {
    private static final Logger log = LoggerFactory.getLogger(SamSession.class);

    private final SamChannel channel;
    private final HardwareProfile profile;
    private final Clock clock;

    public SamSession(SamChannel channel, HardwareProfile profile, Clock clock) {
        this.channel = channel;
        this.profile = profile;
        this.clock = clock;
    }

    /** Carries a final outcome out of the read steps. */
    private static final class Stop extends Exception {
        final ReadOutcome outcome;

        Stop(ReadOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /** Thrown by a step when the card failed that step (card category): the attempt ends, the read may retry. */
    private static final class CardFailure extends Exception {
        final SamStatus status;

        CardFailure(SamStatus status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    // ---- the classified read -----------------------------------------------------------------------------------

    public ReadOutcome readCard() { return readCard(() -> { }); }

    /** The same; {@code cardFound} runs once, when the find succeeds (the screen can say "reading" meanwhile). */
    public ReadOutcome readCard(Runnable cardFound) {
        boolean told = false;
        int maxAttempts = 1 + profile.retries().read();
        SamStatus lastCardFailure = null;
        long find = 0, select = 0, read = 0, extras = 0;
        int attempts = 0;
        try {
            while (attempts < maxAttempts) {
                attempts++;
                try {
                    long t0 = System.nanoTime();
                    boolean found = findCard(attempts == 1 ? profile.retries().find() : 0);
                    long t1 = System.nanoTime();
                    find += t1 - t0;
                    if (!found) return new ReadOutcome.NoCard(lastCardFailure != null);
                    if (!told) {
                        told = true;
                        cardFound.run();
                    }
                    expect(exchange(SamCommand.SELECT), SamStatus.SUCCESS);
                    long t2 = System.nanoTime();
                    select += t2 - t1;
                    SamCommand readCommand = SamCommand.read(profile.readCommand());
                    SamResponse r = exchange(readCommand);
                    expect(r, SamStatus.SUCCESS);
                    long t3 = System.nanoTime();
                    read += t3 - t2;
                    CardData card = decode(r, readCommand);
                    if (profile.appendedAddress()) card = card.withAppendedAddresses(appendedAddresses());
                    extras += System.nanoTime() - t3;
                    StageTimings timings = new StageTimings(Duration.ofNanos(find), Duration.ofNanos(select),
                            Duration.ofNanos(read), Duration.ofNanos(extras), attempts);
                    List<CardDefect> defects = CardChecks.check(card, LocalDate.now(clock));
                    return defects.isEmpty() ? new ReadOutcome.Read(card, timings) : new ReadOutcome.Refused(card, defects);
                } catch (CardFailure f) {
                    lastCardFailure = f.status;
                    log.info("read attempt {}/{} on {} failed: {} {}", attempts, maxAttempts, channel.describe(),
                            f.status.hex(), f.status);
                }
            }
            return new ReadOutcome.Unreadable(Optional.ofNullable(lastCardFailure), attempts, "");
        } catch (Stop s) {
            return s.outcome;
        }
    }

    /** What a single find says: presence, or the fault that kept it from saying. */
    public record PresenceCheck(Presence presence, Optional<ReadOutcome.DeviceFault> fault) {}

    /** Is a card on the reader? A single find, used to wait for the card to be taken away after a read. */
    public PresenceCheck presence() {
        try {
            return new PresenceCheck(findCard(0) ? Presence.PRESENT : Presence.ABSENT, Optional.empty());
        } catch (Stop s) {
            if (s.outcome instanceof ReadOutcome.DeviceFault f) return new PresenceCheck(Presence.UNKNOWN, Optional.of(f));
            return new PresenceCheck(Presence.ABSENT, Optional.empty());
        } catch (CardFailure f) {
            return new PresenceCheck(Presence.PRESENT, Optional.empty()); // a card answered, if badly
        }
    }

    private boolean findCard(int extraFinds) throws Stop, CardFailure {
        for (int i = 0; i <= extraFinds; i++) {
            SamResponse r = exchange(SamCommand.FIND);
            SamStatus s = classify(r);
            if (s == SamStatus.CARD_FOUND || s == SamStatus.SUCCESS) return true;
            if (s.category() == SamStatus.Category.CARD) throw new CardFailure(s);
        }
        return false;
    }

    private CardData decode(SamResponse r, SamCommand readCommand) throws Stop {
        ReadPayload payload;
        try {
            payload = ReadPayload.parse(r.data(), readCommand.withFingerprint());
        } catch (ReadPayload.MalformedPayloadException e) {
            throw new Stop(fault(DeviceFaultKind.PROTOCOL, Optional.empty(), e.getMessage()));
        }
        try {
            return CardTextLayout.decode(payload);
        } catch (CardTextLayout.UnsupportedCardTypeException e) {
            // The SAM read and verified the card, but it is no type we know: unreadable, retrying cannot help.
            throw new Stop(new ReadOutcome.Unreadable(Optional.of(SamStatus.UNRECOGNISED_CARD_TYPE), 1, e.getMessage()));
        }
    }

    private List<String> appendedAddresses() throws Stop, CardFailure {
        SamResponse r = exchange(SamCommand.READ_APPENDED_ADDRESS);
        SamStatus s = classify(r);
        if (s == SamStatus.NO_CONTENT) return List.of();
        if (s == SamStatus.SUCCESS) return CardTextLayout.decodeAppendedAddresses(r.data());
        if (s.category() == SamStatus.Category.CARD) throw new CardFailure(s);
        if (s == SamStatus.FIND_FAILED) throw new Stop(new ReadOutcome.NoCard(true));
        throw new Stop(fault(DeviceFaultKind.UNKNOWN_STATUS, Optional.of(s), "appended address answered " + s.hex()));
    }

    private void expect(SamResponse r, SamStatus wanted) throws Stop, CardFailure {
        SamStatus s = classify(r);
        if (s == wanted) return;
        if (s.category() == SamStatus.Category.CARD) throw new CardFailure(s);
        if (s.category() == SamStatus.Category.NO_CARD) throw new Stop(new ReadOutcome.NoCard(true));
        throw new Stop(fault(DeviceFaultKind.UNKNOWN_STATUS, Optional.of(s), "expected " + wanted.hex() + ", got " + s.hex()));
    }

    /** Status of an answer; device-category statuses, SW1/SW2 ≠ 0 and unknown codes stop the read as a fault. */
    private SamStatus classify(SamResponse r) throws Stop {
        if (!r.statusWordsClean()) {
            throw new Stop(fault(DeviceFaultKind.UNKNOWN_STATUS, Optional.empty(),
                    String.format("SW1 SW2 = %02X %02X (expected 00 00)", r.sw1(), r.sw2())));
        }
        Optional<SamStatus> s = r.status();
        if (s.isEmpty()) {
            throw new Stop(fault(DeviceFaultKind.UNKNOWN_STATUS, Optional.empty(), String.format("SW3 = 0x%02X", r.sw3())));
        }
        if (s.get().category() == SamStatus.Category.DEVICE) throw new Stop(deviceFault(s.get()));
        return s.get();
    }

    /** The device fault a device-category status maps to (docs/reader.md). */
    public static ReadOutcome.DeviceFault deviceFault(SamStatus s) {
        DeviceFaultKind kind = switch (s) {
            case SAM_SELF_TEST_FAILED -> DeviceFaultKind.SAM_SELF_TEST_FAILED;
            case SAM_NOT_AUTHORISED -> DeviceFaultKind.SAM_NOT_AUTHORISED;
            case HOST_CHECKSUM_ERROR, HOST_LENGTH_ERROR, HOST_COMMAND_ERROR -> DeviceFaultKind.FRAME_REJECTED;
            case NOT_PERMITTED -> DeviceFaultKind.NOT_PERMITTED;
            case UNRECOGNISED_ERROR -> DeviceFaultKind.UNRECOGNISED_ERROR;
            default -> DeviceFaultKind.UNKNOWN_STATUS;
        };
        return new ReadOutcome.DeviceFault(kind, Optional.of(s), s.hex() + " " + s);
    }

    /** The outcome an I/O failure during a card read maps to: a vanished card is "no card (removed)", else a fault. */
    public static ReadOutcome ioOutcome(SamIoException e) {
        return e.kind() == SamIoException.Kind.CARD_GONE ? new ReadOutcome.NoCard(true) : ioFault(e);
    }

    /**
     * The fault an I/O failure outside a card read maps to (opening the link, status, SAM ID): there a vanished PC/SC
     * card means the connection is gone.
     */
    public static ReadOutcome.DeviceFault ioFault(SamIoException e) {
        DeviceFaultKind kind = switch (e.kind()) {
            case TIMEOUT -> DeviceFaultKind.TIMEOUT;
            case PORT_GONE, CARD_GONE -> DeviceFaultKind.PORT_GONE;
            case OPEN_FAILED -> DeviceFaultKind.OPEN_FAILED;
            case PROTOCOL -> DeviceFaultKind.PROTOCOL;
        };
        return new ReadOutcome.DeviceFault(kind, Optional.empty(), e.getMessage());
    }

    private static ReadOutcome.DeviceFault fault(DeviceFaultKind kind, Optional<SamStatus> s, String detail) {
        return new ReadOutcome.DeviceFault(kind, s, detail);
    }

    private SamResponse exchange(SamCommand command) throws Stop {
        long t0 = System.nanoTime();
        try {
            SamResponse r = channel.exchange(command, profile.timeout(command.timeoutKey()));
            // the technician's trace at DEBUG: command, status words, length and time; never the data (PD1)
            if (log.isDebugEnabled()) log.debug("{}: {} -> {} in {} ms", channel.describe(), command, r, (System.nanoTime() - t0) / 1_000_000);
            return r;
        } catch (SamIoException e) {
            if (log.isDebugEnabled()) log.debug("{}: {} -> {} after {} ms", channel.describe(), command, e.kind(), (System.nanoTime() - t0) / 1_000_000);
            throw new Stop(ioOutcome(e));
        }
    }

    // ---- single commands ---------------------------------------------------------------------------------------

    /** {@code 11 FF}: the SAM's status (0x90 healthy, 0x60 self-test failed, …). */
    public SamResponse status() throws SamIoException {
        return channel.exchange(SamCommand.STATUS, profile.timeout(TimeoutKey.STATUS));
    }

    /** {@code 12 FF}: the SAM's 16-byte ID. */
    public SamId samId() throws SamIoException, SamStatusException {
        SamResponse r = channel.exchange(SamCommand.SAM_ID, profile.timeout(TimeoutKey.SAM_ID));
        if (!r.statusWordsClean() || r.sw3() != 0x90 || r.data().length != 16) throw new SamStatusException(SamCommand.SAM_ID, r);
        return new SamId(r.data());
    }

    /** {@code 30 05}: the card management number (28 bytes; layout unknown, kept raw). Needs find + select first. */
    public byte[] managementNumber() throws SamIoException, SamStatusException {
        SamResponse r = channel.exchange(SamCommand.READ_MANAGEMENT_NUMBER, profile.timeout(TimeoutKey.MANAGEMENT_NUMBER));
        if (!r.statusWordsClean() || r.sw3() != 0x90) throw new SamStatusException(SamCommand.READ_MANAGEMENT_NUMBER, r);
        return r.data();
    }

    /** {@code 60 nn}: the answer arrives at the old speed, then the channel switches to the new one. */
    public void changeBaud(int baud) throws SamIoException, SamStatusException {
        SamCommand c = SamCommand.setBaud(baud);
        SamResponse r = channel.exchange(c, profile.timeout(TimeoutKey.BAUD));
        if (!r.statusWordsClean() || r.sw3() != 0x90) throw new SamStatusException(c, r);
        channel.switchBaud(baud);
    }

    /** {@code 61 FF xx}: the RF frame size, sent once after a good status. */
    public void setRfFrameSize(int bytes) throws SamIoException, SamStatusException {
        SamCommand c = SamCommand.setRfFrameSize(bytes);
        SamResponse r = channel.exchange(c, profile.timeout(TimeoutKey.RF_FRAME_SIZE));
        if (!r.statusWordsClean() || r.sw3() != 0x90) throw new SamStatusException(c, r);
    }

    /**
     * Start-of-use check: status, then the profile's RF frame size. Empty when the reader is ready; otherwise the
     * fault to show.
     */
    public Optional<ReadOutcome.DeviceFault> initialise() {
        try {
            SamResponse r = status();
            if (!r.statusWordsClean() || r.sw3() != 0x90) {
                return Optional.of(r.status().map(SamSession::deviceFault).orElse(
                        fault(DeviceFaultKind.UNKNOWN_STATUS, Optional.empty(), String.format("status answered 0x%02X", r.sw3()))));
            }
            if (profile.rfFrameSize().isPresent()) setRfFrameSize(profile.rfFrameSize().getAsInt());
            return Optional.empty();
        } catch (SamIoException e) {
            return Optional.of(ioFault(e));
        } catch (SamStatusException e) {
            return Optional.of(e.response().status().map(SamSession::deviceFault)
                    .orElse(fault(DeviceFaultKind.UNKNOWN_STATUS, Optional.empty(), e.getMessage())));
        }
    }

    public SamChannel channel() { return channel; }
}
