package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.HardwareProfiles;
import org.ticketwindow.idcheck.reader.connect.ReaderProbe;
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

    /** The description of a port given with --port in the JSON (the OS describes only the ports it lists). */
    static final String GIVEN = org.ticketwindow.idcheck.text.Texts.english().get("probe.givenPort");

    @Override public Integer call() {
        HardwareProfiles profiles = Profiles.all(spec);
        ReaderProbe probe = ReaderProbe.run(profiles, extraPorts);
        ObjectNode out = Json.object();
        ArrayNode ports = out.putArray("serialPorts");
        for (ReaderProbe.Port p : probe.ports()) {
            ObjectNode o = ports.addObject().put("path", p.path()).put("description", p.description().orElse(GIVEN));
            p.usb().ifPresent(u -> o.put("usb", u));
            ArrayNode m = o.putArray("profiles");
            p.profiles().forEach(m::add);
        }
        ObjectNode pcsc = out.putObject("pcsc");
        pcsc.put("available", probe.pcscUnavailable().isEmpty());
        probe.pcscUnavailable().ifPresentOrElse(why -> pcsc.put("error", org.ticketwindow.idcheck.text.Texts.english().of(why)), () -> {
            ArrayNode readers = pcsc.putArray("readers");
            for (ReaderProbe.PcscReader r : probe.pcscReaders()) {
                ArrayNode m = readers.addObject().put("name", r.name()).put("cardPresent", r.cardPresent()).putArray("profiles");
                r.profiles().forEach(m::add);
            }
        });
        ArrayNode all = out.putArray("profiles");
        for (HardwareProfile h : profiles.all()) {
            var o = all.addObject().put("id", h.id()).put("transport", h.transport().name().toLowerCase(java.util.Locale.ROOT))
                    .put("displayName", h.displayName());
            h.displayNameEn().ifPresent(en -> o.put("displayNameEn", en));
        }
        Json.print(spec.commandLine().getOut(), out);
        return 0;
    }
}
