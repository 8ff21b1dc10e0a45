package org.ticketwindow.idcheck.reader.pcsc;

import org.ticketwindow.idcheck.reader.DeviceFaultKind;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.Presence;
import org.ticketwindow.idcheck.reader.ReadOutcome;
import org.ticketwindow.idcheck.reader.sam.SamCardReader;
import org.ticketwindow.idcheck.reader.sam.SamIoException;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import java.time.Clock;
import java.util.Optional;

/**
 * A SAM-equipped reader exposed through PC/SC. Card presence comes from PC/SC itself (no command needed); a card
 * connection is opened per card and dropped when the card leaves.
 */
public final class PcscCardReader extends SamCardReader {
    private final PcscService service;
    private final String readerName;
    private PcscSamChannel current;

    private PcscCardReader(PcscService service, String readerName, HardwareProfile profile, Clock clock, Opener opener) {
        super(readerName, profile, opener, clock);
        this.service = service;
        this.readerName = readerName;
        opener.owner = this;
    }

    public static PcscCardReader open(PcscService service, String readerName, HardwareProfile profile, Clock clock) {
        return new PcscCardReader(service, readerName, profile, clock, new Opener(service, readerName));
    }

    /** Connects to the card in the reader; remembers the channel so the chip serial can use it. */
    private static final class Opener implements ChannelOpener {
        private final PcscService service;
        private final String readerName;
        private PcscCardReader owner;

        Opener(PcscService service, String readerName) {
            this.service = service;
            this.readerName = readerName;
        }

        @Override public PcscSamChannel open() throws SamIoException {
            try {
                CardTerminal t = service.terminal(readerName);
                Card card = t.connect("*");
                owner.current = new PcscSamChannel(card, readerName);
                return owner.current;
            } catch (PcscService.UnavailableException e) {
                throw new SamIoException(SamIoException.Kind.PORT_GONE, e.getMessage(), e);
            } catch (CardException e) {
                if (PcscErrors.serviceGone(e)) service.rebuild();
                throw PcscErrors.toIo(e, readerName);
            }
        }
    }

    @Override public ReadOutcome read() { return read(() -> { }); }

    @Override public ReadOutcome read(Runnable cardFound) {
        Presence p = presence();
        if (p == Presence.ABSENT) return new ReadOutcome.NoCard(false);
        if (p == Presence.UNKNOWN) {
            return new ReadOutcome.DeviceFault(DeviceFaultKind.PORT_GONE, Optional.empty(), readerName + " is not available");
        }
        ReadOutcome outcome = super.read(cardFound);
        if (outcome instanceof ReadOutcome.NoCard) dropSession();
        // a link failure while the card went away (e.g. removed between the presence check and connect) is a removal
        if (outcome instanceof ReadOutcome.DeviceFault && presence() == Presence.ABSENT) return new ReadOutcome.NoCard(true);
        return outcome;
    }

    /** PC/SC knows whether a card is in the reader without sending it anything. */
    @Override public Presence presence() {
        try {
            boolean present = service.terminal(readerName).isCardPresent();
            if (!present) dropSession();
            return present ? Presence.PRESENT : Presence.ABSENT;
        } catch (PcscService.UnavailableException e) {
            return Presence.UNKNOWN;
        } catch (CardException e) {
            dropSession();
            if (PcscErrors.serviceGone(e)) service.rebuild();
            return Presence.UNKNOWN;
        }
    }

    /** The 8-byte chip serial of the card in the reader. */
    public byte[] chipSerial() throws SamIoException {
        Optional<ReadOutcome.DeviceFault> notReady = ensureSession();
        if (notReady.isPresent()) throw new SamIoException(SamIoException.Kind.PORT_GONE, notReady.get().detail());
        try {
            return current.chipSerial();
        } catch (SamIoException e) {
            dropSession();
            throw e;
        }
    }
}
