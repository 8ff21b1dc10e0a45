package org.ticketwindow.idcheck.reader.sim;

import org.ticketwindow.idcheck.reader.TimeoutKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.reader.sam.SamCommand;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/**
 * A SAM-equipped reader with a card on it, as a virtual card for the vsmartcard {@code vpcd} driver: pcscd shows it
 * in reader "Virtual PCD 00 00" (TCP 35963). Connecting is placing the card; closing is taking it away. It answers
 * the Routon-style pass-through {@code FF 98 CMD PARA} with raw SAM frames (chunked for long answers) and the chip
 * serial {@code 00 36 00 00 08}.
 *
 * <p>vpcd protocol: every message is a 2-byte big-endian length and a payload; a 1-byte payload is a control
 * (0 power off, 1 power on, 2 reset, 4 get ATR), anything else a C-APDU answered with an R-APDU.
 */
public final class VirtualPcscCard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VirtualPcscCard.class);
    public static final int DEFAULT_PORT = 35963;
    /** ISO 14443-B style ATR synthesised per PC/SC part 3 (docs/protocol.md §4.1), TCK computed. */
    static final byte[] ATR = withTck(new byte[]{0x3B, (byte) 0x88, (byte) 0x80, 0x01, (byte) 0xD1, 0x03, (byte) 0x86,
            0x0C, 0x00, (byte) 0x80, (byte) 0x80, 0x00, 0x00});
    private static final byte[] SW_INS_NOT_SUPPORTED = {0x6D, 0x00};
    private static final byte[] SW_WRONG_P1P2 = {0x6B, 0x00};

    private final SimulatedSam sam;
    private final int chunkSize;
    private final byte[] chipSerial;
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Thread thread;
    private volatile int dropAtChunk = -1;
    private byte[] pendingAnswer;
    private int pendingCommand = -1;

    private VirtualPcscCard(SimulatedSam sam, Socket socket, int chunkSize, byte[] chipSerial) throws IOException {
        this.sam = sam;
        this.socket = socket;
        this.chunkSize = chunkSize;
        this.chipSerial = chipSerial;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(socket.getOutputStream());
        this.thread = Thread.ofPlatform().name("vpcd-card").daemon().unstarted(this::serve);
    }

    /** Places the card: connects to vpcd at {@code host:port}. */
    public static VirtualPcscCard insert(SimulatedSam sam, String host, int port, byte[] chipSerial) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true); // without it delayed ACKs cost ~44 ms per APDU (docs/decisions/0004-vpcd-quick-ack.md)
        s.connect(new InetSocketAddress(host, port), 2000);
        VirtualPcscCard card = new VirtualPcscCard(sam, s, 256, chipSerial.clone());
        card.thread.start();
        return card;
    }

    /** Test hook: the card vanishes when the host asks for chunk {@code n} of a long answer. */
    public void dropAtChunk(int n) { dropAtChunk = n; }

    private void serve() {
        try {
            while (!socket.isClosed()) {
                quickAck();
                int len = in.readUnsignedShort();
                byte[] msg = in.readNBytes(len);
                if (msg.length != len) throw new EOFException();
                if (len == 1) {
                    control(msg[0]);
                } else {
                    byte[] answer = apdu(msg);
                    if (answer == null) {
                        socket.close(); // dropped mid-read
                        return;
                    }
                    send(answer);
                }
            }
        } catch (IOException e) {
            if (!socket.isClosed()) log.info("vpcd connection ended: {}", e.toString());
        }
    }

    private void control(byte c) throws IOException {
        switch (c) {
            case 0x04 -> send(ATR);
            case 0x00, 0x01, 0x02 -> { pendingAnswer = null; }
            default -> log.debug("vpcd control {}", c);
        }
    }

    private byte[] apdu(byte[] a) {
        if (a.length >= 5 && (a[0] & 0xFF) == 0x00 && (a[1] & 0xFF) == 0x36) {
            if (a[2] != 0 || a[3] != 0) return SW_WRONG_P1P2;
            byte[] r = Arrays.copyOf(chipSerial, chipSerial.length + 2);
            r[chipSerial.length] = (byte) 0x90;
            return r;
        }
        if (a.length < 5 || (a[0] & 0xFF) != 0xFF || (a[1] & 0xFF) != 0x98) return SW_INS_NOT_SUPPORTED;
        int cmd = a[2] & 0xFF;
        int para = a[3] & 0xFF;
        boolean chunkRequest = a.length == 7 && a[4] == 0x01 && (cmd == 0x30);
        if (chunkRequest) {
            int nn = a[5] & 0xFF;
            if (nn == dropAtChunk) return null;
            int key = cmd << 8 | para;
            if (nn == 0 || pendingAnswer == null || pendingCommand != key) {
                pendingAnswer = sam.answer(SamCommand.fromRequest(new SamCommand(cmd, para, new byte[0],
                        TimeoutKey.READ, "").frame())).encode();
                pendingCommand = key;
            }
            int from = Math.min(nn * chunkSize, pendingAnswer.length);
            int to = Math.min(from + chunkSize, pendingAnswer.length);
            return Arrays.copyOfRange(pendingAnswer, from, to);
        }
        byte[] data = a.length > 6 ? Arrays.copyOfRange(a, 5, 5 + (a[4] & 0xFF)) : new byte[0];
        return sam.answer(SamCommand.fromRequest(new SamCommand(cmd, para, data, TimeoutKey.STATUS, "").frame())).encode();
    }

    private synchronized void send(byte[] payload) throws IOException {
        byte[] msg = new byte[2 + payload.length]; // one segment: length and payload together
        msg[0] = (byte) (payload.length >>> 8);
        msg[1] = (byte) payload.length;
        System.arraycopy(payload, 0, msg, 2, payload.length);
        out.write(msg);
        out.flush();
    }

    /**
     * vpcd writes the length and the APDU in two segments; with our delayed ACK its Nagle holds the second for
     * ~40 ms. Linux's quick-ACK mode (reset by the kernel after each ACK, so set before every read) avoids that.
     */
    private void quickAck() {
        if (!QUICK_ACK) return;
        try {
            socket.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux: slower, still correct
        }
    }

    private static final boolean QUICK_ACK = quickAckSupported();

    private static boolean quickAckSupported() {
        try (Socket probe = new Socket()) {
            return probe.supportedOptions().contains(jdk.net.ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] withTck(byte[] atr) {
        int tck = 0;
        for (int i = 1; i < atr.length - 1; i++) tck ^= atr[i];
        atr[atr.length - 1] = (byte) tck;
        return atr;
    }

    /** Takes the card away: closes the connection, pcscd reports the removal. */
    @Override public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
