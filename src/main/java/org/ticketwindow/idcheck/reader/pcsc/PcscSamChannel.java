package org.ticketwindow.idcheck.reader.pcsc;

import org.ticketwindow.idcheck.reader.sam.Frame;
import org.ticketwindow.idcheck.reader.sam.FrameDecoder;
import org.ticketwindow.idcheck.reader.sam.SamChannel;
import org.ticketwindow.idcheck.reader.sam.SamCommand;
import org.ticketwindow.idcheck.reader.sam.SamIoException;
import org.ticketwindow.idcheck.reader.sam.SamResponse;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * GA 467 commands wrapped as {@code FF 98 CMD PARA} APDUs; the reader answers with the raw SAM frame (no
 * {@code 90 00}). Long answers (30 01, 30 10, 30 03) are fetched in chunks {@code FF 98 CMD PARA 01 nn 00} and
 * reassembled until LEN + 7 bytes. PC/SC has no per-transmit timeout: pcscd's own applies.
 */
public final class PcscSamChannel implements SamChannel {
    private static final int MAX_CHUNKS = 16;

    private final Card card;
    private final CardChannel channel;
    private final String readerName;

    PcscSamChannel(Card card, String readerName) {
        this.card = card;
        this.channel = card.getBasicChannel();
        this.readerName = readerName;
    }

    /** The APDU for an unchunked command: {@code FF 98 CMD PARA [Lc data] 00}. */
    public static byte[] apdu(SamCommand c) {
        byte[] d = c.data();
        if (d.length == 0) return new byte[]{(byte) 0xFF, (byte) 0x98, (byte) c.cmd(), (byte) c.para(), 0x00};
        byte[] out = new byte[5 + d.length + 1];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0x98;
        out[2] = (byte) c.cmd();
        out[3] = (byte) c.para();
        out[4] = (byte) d.length;
        System.arraycopy(d, 0, out, 5, d.length);
        return out;
    }

    /** The APDU for chunk {@code nn} of a long answer: {@code FF 98 CMD PARA 01 nn 00}. */
    public static byte[] chunkApdu(SamCommand c, int chunk) {
        return new byte[]{(byte) 0xFF, (byte) 0x98, (byte) c.cmd(), (byte) c.para(), 0x01, (byte) chunk, 0x00};
    }

    static boolean chunked(SamCommand c) {
        return c.isRead() || c.equals(SamCommand.READ_APPENDED_ADDRESS);
    }

    @Override public SamResponse exchange(SamCommand command, Duration timeout) throws SamIoException {
        byte[] raw;
        if (!chunked(command)) {
            raw = transmit(apdu(command));
        } else {
            ByteArrayOutputStream all = new ByteArrayOutputStream(2400);
            int expected = -1;
            for (int nn = 0; nn < MAX_CHUNKS; nn++) {
                byte[] part = transmit(chunkApdu(command, nn));
                if (part.length == 0) break;
                all.writeBytes(part);
                byte[] sofar = all.toByteArray();
                if (expected < 0 && sofar.length >= Frame.HEADER) {
                    expected = Frame.HEADER + (((sofar[5] & 0xFF) << 8) | (sofar[6] & 0xFF));
                }
                if (expected > 0 && sofar.length >= expected) break;
            }
            raw = all.toByteArray();
            if (expected > 0 && raw.length < expected) {
                throw new SamIoException(SamIoException.Kind.PROTOCOL, command + ": " + raw.length + " of " + expected
                        + " bytes after " + MAX_CHUNKS + " chunks from " + readerName);
            }
        }
        FrameDecoder decoder = FrameDecoder.forResponses();
        decoder.feed(raw);
        Frame f = decoder.nextFrame();
        if (f == null) {
            throw new SamIoException(SamIoException.Kind.PROTOCOL, command + ": no valid GA 467 frame in the "
                    + raw.length + "-byte answer of " + readerName);
        }
        return SamResponse.of(f);
    }

    /** The card's 8-byte chip serial ({@code 00 36 00 00 08}, §4.1): the only card-unique number without a SAM. */
    public byte[] chipSerial() throws SamIoException {
        byte[] r = transmit(new byte[]{0x00, 0x36, 0x00, 0x00, 0x08});
        if (r.length != 10 || (r[8] & 0xFF) != 0x90 || r[9] != 0x00) {
            throw new SamIoException(SamIoException.Kind.PROTOCOL, "chip serial: unexpected " + r.length + "-byte answer"
                    + (r.length >= 2 ? String.format(" SW %02X%02X", r[r.length - 2], r[r.length - 1]) : ""));
        }
        return Arrays.copyOf(r, 8);
    }

    private byte[] transmit(byte[] apdu) throws SamIoException {
        try {
            ResponseAPDU r = channel.transmit(new CommandAPDU(apdu));
            return r.getBytes();
        } catch (CardException e) {
            throw PcscErrors.toIo(e, readerName);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The JDK throws these when the card vanishes mid-transmit (empty answer) or the card was disconnected.
            throw new SamIoException(SamIoException.Kind.CARD_GONE, "the card left " + readerName + " during a command", e);
        }
    }

    @Override public String describe() { return readerName + " (" + card.getProtocol() + ")"; }

    @Override public void close() {
        try {
            card.disconnect(false);
        } catch (CardException | IllegalStateException ignored) {
            // already gone
        }
    }
}
