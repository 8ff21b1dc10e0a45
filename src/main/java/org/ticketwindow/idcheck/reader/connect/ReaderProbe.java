package org.ticketwindow.idcheck.reader.connect;

import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.HardwareProfiles;
import org.ticketwindow.idcheck.reader.PortInfo;
import org.ticketwindow.idcheck.reader.pcsc.PcscService;
import org.ticketwindow.idcheck.reader.serial.SerialReaders;

import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What readers this machine has and which profiles match each ({@code idcheck probe}, the technician screen):
 * serial ports (with any extra paths given, since ptys and symlinks are not listed), and PC/SC readers with whether a
 * card is in them, or why PC/SC cannot be asked.
 */
public record ReaderProbe(List<Port> ports, Optional<Text> pcscUnavailable, List<PcscReader> pcscReaders) {

    /**
     * A serial port: found by the OS, with its description as the OS or jSerialComm gives it, or given on the command
     * line ({@code --port}: ptys and symlinks are not listed), with none.
     */
    public record Port(String path, Optional<String> description, Optional<String> usb, List<String> profiles) {
        static Port given(String path, List<String> profiles) { return new Port(path, Optional.empty(), Optional.empty(), profiles); }

        /** Its description in no language yet: jSerialComm's own words translated, a device's own name as it gives it. */
        public Object describedAs() { return description.map(ReaderProbe::description).orElse(Text.of("probe.givenPort")); }
    }

    public record PcscReader(String name, boolean cardPresent, List<String> profiles) {}

    public static ReaderProbe run(HardwareProfiles profiles, List<String> extraPorts) {
        List<Port> ports = new ArrayList<>();
        for (PortInfo p : SerialReaders.listPorts()) {
            Optional<String> usb = p.vendorId() >= 0 ? Optional.of(String.format("%04x:%04x", p.vendorId(), p.productId())) : Optional.empty();
            ports.add(new Port(p.path(), Optional.of(java.util.Objects.requireNonNullElse(p.description(), "")), usb, profiles.all().stream()
                    .filter(h -> h.transport() == HardwareProfile.Transport.SERIAL && h.match().matchesPort(p)).map(HardwareProfile::id).toList()));
        }
        for (String extra : extraPorts) {
            ports.add(Port.given(extra, profiles.matchingPort(extra).stream().map(HardwareProfile::id).toList()));
        }
        List<PcscReader> readers = new ArrayList<>();
        try {
            PcscService service = new PcscService();
            for (String n : service.readerNames()) {
                boolean present;
                try {
                    present = service.terminal(n).isCardPresent();
                } catch (Exception e) {
                    present = false;
                }
                readers.add(new PcscReader(n, present, profiles.matchingReader(n).stream().map(HardwareProfile::id).toList()));
            }
            return new ReaderProbe(ports, Optional.empty(), readers);
        } catch (PcscService.UnavailableException e) {
            return new ReaderProbe(ports, Optional.of(e.text()), readers);
        }
    }

    /** One line per port and reader, with the matching profiles, in English (diagnostics bundle, logs). */
    public List<String> lines() {
        return texts().stream().map(Texts.english()::of).toList();
    }

    /** One text per port and reader, with the matching profiles: the technician screen renders them in its language. */
    public List<Text> texts() {
        List<Text> out = new ArrayList<>();
        for (Port p : ports) {
            out.add(Text.of("probe.serial", p.path(), p.describedAs(), p.usb().map(u -> Text.of("probe.usb", u)).orElse(Text.of("probe.empty")),
                    profiles(p.profiles())));
        }
        pcscUnavailable.ifPresent(why -> out.add(Text.of("probe.pcscUnavailable", why)));
        for (PcscReader r : pcscReaders) {
            out.add(Text.of("probe.pcscReader", r.name(), Text.of(r.cardPresent() ? "probe.cardPresent" : "probe.empty"),
                    profiles(r.profiles())));
        }
        return out;
    }

    /** jSerialComm's description of a built-in port on Linux ("Physical Port S0"). */
    private static final java.util.regex.Pattern PHYSICAL_PORT = java.util.regex.Pattern.compile("Physical Port (\\S+)");

    /**
     * A port's description in the technician's language where it is jSerialComm's own words (the Chinese screen read
     * "Physical Port S0"); a USB device's own name (its product string) stays as the device gives it.
     */
    private static Object description(String d) {
        var m = PHYSICAL_PORT.matcher(d);
        return m.matches() ? Text.of("probe.physicalPort", m.group(1)) : d;
    }

    private static Object profiles(List<String> ids) {
        return ids.isEmpty() ? Text.of("probe.noProfile") : String.join(", ", ids);
    }
}
