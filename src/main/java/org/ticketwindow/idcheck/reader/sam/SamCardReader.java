package org.ticketwindow.idcheck.reader.sam;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.DeviceFaultKind;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.Presence;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.SamHealth;

import java.time.Clock;
import java.util.Optional;

/**
 * A {@link CardReader} over any {@link SamChannel}: opens the channel lazily, checks the SAM once per opening,
 * and drops the channel after a link failure so the next call reopens it (unplug → replug recovers by itself).
 */
public class SamCardReader implements CardReader {
    private static final Logger log = LoggerFactory.getLogger(SamCardReader.class);

    /** Opens a fresh channel to the reader. */
    @FunctionalInterface
    public interface ChannelOpener {
        SamChannel open() throws SamIoException;
    }

    private final String name;
    private final HardwareProfile profile;
    private final ChannelOpener opener;
    private final Clock clock;
    private SamSession session;

    public SamCardReader(String name, HardwareProfile profile, ChannelOpener opener, Clock clock) {
        this.name = name;
        this.profile = profile;
        this.opener = opener;
        this.clock = clock;
    }

    @Override public String name() { return name; }

    @Override public HardwareProfile profile() { return profile; }

    /** Opens and initialises the channel if needed; the fault when the reader cannot be used. */
    protected final Optional<ReadOutcome.DeviceFault> ensureSession() {
        if (session != null) return Optional.empty();
        SamChannel channel;
        try {
            channel = opener.open();
        } catch (SamIoException e) {
            return Optional.of(SamSession.ioFault(e));
        }
        SamSession s = new SamSession(channel, profile, clock);
        Optional<ReadOutcome.DeviceFault> fault = s.initialise();
        if (fault.isPresent()) {
            channel.close();
            return Optional.of(fault.get());
        }
        session = s;
        log.info("reader {} ready ({})", name, channel.describe());
        return Optional.empty();
    }

    @Override public ReadOutcome read() { return read(() -> { }); }

    @Override public ReadOutcome read(Runnable cardFound) {
        Optional<ReadOutcome.DeviceFault> notReady = ensureSession();
        if (notReady.isPresent()) return notReady.get();
        ReadOutcome outcome = session.readCard(cardFound);
        if (outcome instanceof ReadOutcome.DeviceFault f && dropsLink(f.kind())) dropSession();
        return outcome;
    }

    @Override public Presence presence() {
        if (ensureSession().isPresent()) return Presence.UNKNOWN;
        SamSession.PresenceCheck check = session.presence();
        check.fault().ifPresent(f -> {
            if (dropsLink(f.kind())) dropSession();
        });
        return check.presence();
    }

    @Override public SamHealth health() {
        Optional<ReadOutcome.DeviceFault> notReady = ensureSession();
        if (notReady.isPresent()) return new SamHealth(notReady, Optional.empty());
        try {
            return new SamHealth(Optional.empty(), Optional.of(session.samId()));
        } catch (SamIoException e) {
            dropSession();
            return new SamHealth(Optional.of(SamSession.ioFault(e)), Optional.empty());
        } catch (SamStatusException e) {
            return new SamHealth(Optional.of(e.response().status().map(SamSession::deviceFault).orElse(
                    new ReadOutcome.DeviceFault(DeviceFaultKind.UNKNOWN_STATUS, Optional.empty(), e.getMessage()))), Optional.empty());
        }
    }

    /** The session, for technician commands (baud change, management number); opens it if needed. */
    public Optional<SamSession> session() {
        return ensureSession().isPresent() ? Optional.empty() : Optional.of(session);
    }

    private static boolean dropsLink(DeviceFaultKind kind) {
        return kind == DeviceFaultKind.PORT_GONE || kind == DeviceFaultKind.TIMEOUT || kind == DeviceFaultKind.PROTOCOL
                || kind == DeviceFaultKind.OPEN_FAILED;
    }

    protected final void dropSession() {
        if (session != null) {
            session.channel().close();
            session = null;
        }
    }

    @Override public void close() { dropSession(); }
}
