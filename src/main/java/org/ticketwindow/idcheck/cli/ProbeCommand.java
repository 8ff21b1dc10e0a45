package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.HardwareProfiles;
import org.ticketwindow.idcheck.reader.pcsc.PcscService;
import org.ticketwindow.idcheck.reader.serial.SerialReaders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code idcheck probe}: serial ports, PC/SC readers and the profiles that match them. */
@Command(name = "probe", description = "List serial ports, PC/SC readers and the hardware profiles that match them (JSON).")
final class ProbeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "Also check this serial port path (ptys and symlinks are not listed by the OS).")
    List<String> extraPorts = List.of();

    @Override public Integer call() {
        HardwareProfiles profiles = Profiles.all(spec);
        ObjectNode out = Json.object();
        ArrayNode ports = out.putArray("serialPorts");
        for (SerialReaders.PortInfo p : SerialReaders.listPorts()) {
            ObjectNode o = ports.addObject().put("path", p.path()).put("description", p.description());
            if (p.vendorId() >= 0) o.put("usb", String.format("%04x:%04x", p.vendorId(), p.productId()));
            ArrayNode m = o.putArray("profiles");
            profiles.all().stream().filter(h -> h.transport() == HardwareProfile.Transport.SERIAL)
                    .filter(h -> h.match().matchesPort(p.path()) || (p.vendorId() >= 0 && h.match().matchesUsb(p.vendorId(), p.productId())))
                    .forEach(h -> m.add(h.id()));
        }
        for (String extra : extraPorts) {
            ObjectNode o = ports.addObject().put("path", extra).put("description", "given with --port");
            ArrayNode m = o.putArray("profiles");
            profiles.matchingPort(extra).forEach(h -> m.add(h.id()));
        }
        ObjectNode pcsc = out.putObject("pcsc");
        try {
            PcscService service = new PcscService();
            List<String> names = service.readerNames();
            pcsc.put("available", true);
            ArrayNode readers = pcsc.putArray("readers");
            for (String n : names) {
                ObjectNode r = readers.addObject().put("name", n);
                try {
                    r.put("cardPresent", service.terminal(n).isCardPresent());
                } catch (Exception e) {
                    r.put("cardPresent", false);
                }
                ArrayNode m = r.putArray("profiles");
                profiles.matchingReader(n).forEach(h -> m.add(h.id()));
            }
        } catch (PcscService.UnavailableException e) {
            pcsc.put("available", false);
            pcsc.put("error", e.getMessage());
        }
        ArrayNode all = out.putArray("profiles");
        for (HardwareProfile h : profiles.all()) {
            all.addObject().put("id", h.id()).put("transport", h.transport().name().toLowerCase(java.util.Locale.ROOT))
                    .put("displayName", h.displayName());
        }
        Json.print(spec.commandLine().getOut(), out);
        return 0;
    }
}
