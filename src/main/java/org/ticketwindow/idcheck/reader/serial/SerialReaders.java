package org.ticketwindow.idcheck.reader.serial;

import org.ticketwindow.idcheck.reader.TimeoutKey;
import com.fazecast.jSerialComm.SerialPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.PortInfo;
import org.ticketwindow.idcheck.reader.sam.SamCardReader;
import org.ticketwindow.idcheck.reader.sam.SamCommand;
import org.ticketwindow.idcheck.reader.sam.SamIoException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Serial readers: opening one with baud detection, and listing the machine's ports for the technician. */
public final class SerialReaders {
    private static final Logger log = LoggerFactory.getLogger(SerialReaders.class);

    private SerialReaders() {}

    public static List<PortInfo> listPorts() {
        List<PortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            out.add(new PortInfo(p.getSystemPortPath(), p.getPortDescription(), p.getVendorID(), p.getProductID()));
        }
        return out;
    }

    /** A reader on {@code path}: opened lazily, reopened after an unplug, one thread drives it. */
    public static SamCardReader open(String path, HardwareProfile profile, Clock clock) {
        return new SamCardReader(path, profile, () -> openDetectingBaud(path, profile), clock);
    }

    /**
     * Opens the port at the first of the profile's bauds at which the reader answers the status command
     * (the vendor DLL's auto-detect, docs/protocol.md §1.1); with one baud, no probing.
     */
    static SerialSamChannel openDetectingBaud(String path, HardwareProfile profile) throws SamIoException {
        List<Integer> bauds = profile.bauds();
        if (bauds.size() == 1) return SerialSamChannel.open(path, bauds.getFirst());
        SamIoException last = null;
        for (int baud : bauds) {
            SerialSamChannel ch = SerialSamChannel.open(path, baud);
            try {
                ch.exchange(SamCommand.STATUS, profile.timeout(TimeoutKey.STATUS));
                log.info("{} answers at {} baud", path, baud);
                return ch;
            } catch (SamIoException e) {
                ch.close();
                if (e.kind() == SamIoException.Kind.PORT_GONE || e.kind() == SamIoException.Kind.OPEN_FAILED) throw e;
                last = e;
            }
        }
        throw new SamIoException(SamIoException.Kind.TIMEOUT, "no answer on " + path + " at any of " + bauds + " baud", last);
    }
}
