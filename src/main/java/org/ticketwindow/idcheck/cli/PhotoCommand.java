package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.photo.DecoderInterface;
import org.ticketwindow.idcheck.photo.DecoderSettings;
import org.ticketwindow.idcheck.photo.HelperLauncher;
import org.ticketwindow.idcheck.photo.IsolatedDecoder;
import org.ticketwindow.idcheck.photo.PhotoResult;
import org.ticketwindow.idcheck.text.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code idcheck photo}: the technician tries a vendor library on one WLT file, through the same helper process as
 * the console, and gets a PNG. Exit 0 decoded, 4 the data was refused (not a WLT photo), 5 the decoder failed.
 */
@Command(name = "photo", mixinStandardHelpOptions = true,
        description = {"Decode one 1024-byte WLT photo file with a reader vendor's library (through the console's isolated "
                + "helper process) and write it as a 102 x 126 PNG.",
                "Exit 0 decoded, 2 usage, 4 the data was refused (not a WLT photo), 5 the decoder failed (missing, crashed, "
                        + "hung, not licensed); the reason on stderr."})
final class PhotoCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--wlt", required = true, paramLabel = "FILE", description = "The photo bytes as read from a card (1024 bytes).")
    Path wlt;

    @Option(names = "--library", required = true, paramLabel = "PATH",
            description = "The vendor's library: an absolute path, or a file name on the system's library search path.")
    String library;

    @Option(names = "--interface", required = true, paramLabel = "unpack|wlt2bmp|dewltbuf", description = "The library's function.")
    String iface;

    @Option(names = "--vendor-code", paramLabel = "N", description = "Third argument of unpack/wlt2bmp (e.g. 602); default 0.")
    Integer vendorCode;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "2000", description = "Per photo (default ${DEFAULT-VALUE}).")
    int timeoutMs;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
    Path out;

    @Override public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DecoderInterface i = DecoderInterface.of(iface).orElse(null);
        if (i == null) return usage(err, "--interface must be " + DecoderInterface.names() + ", was '" + iface + "'");
        OptionalInt code = vendorCode == null ? OptionalInt.empty() : OptionalInt.of(vendorCode);
        List<String> problems = DecoderSettings.problems(library, i, code, Duration.ofMillis(timeoutMs));
        if (!problems.isEmpty()) return usage(err, String.join("; ", problems));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(wlt);
        } catch (IOException e) {
            return usage(err, "cannot read " + wlt + ": " + e.getMessage());
        }
        PhotoResult result;
        try (IsolatedDecoder decoder = new IsolatedDecoder(new DecoderSettings(library, i, code, Duration.ofMillis(timeoutMs)),
                HelperLauncher.sameRuntime())) {
            result = decoder.decode(bytes);
        }
        return switch (result) {
            case PhotoResult.Decoded d -> {
                try {
                    // the technician's explicit act, with a test card: the only place a decoded photo goes to disk
                    if (!ImageIO.write(d.photo().toBufferedImage(), "png", out.toFile())) throw new IOException("no PNG writer");
                } catch (IOException e) {
                    yield usage(err, "cannot write " + out + ": " + e.getMessage());
                } finally {
                    d.photo().wipe();
                }
                spec.commandLine().getOut().println("decoded: " + out + " (102 x 126)");
                spec.commandLine().getOut().flush();
                yield ExitCodes.READ;
            }
            case PhotoResult.NotDecoded n -> {
                err.println(n.problem().name() + ": " + Texts.english().of(n.problem()));
                err.println("  " + Texts.chinese().of(n.problem()));
                err.println("  technician: " + n.technician());
                err.flush();
                yield n.problem().dataRefused() ? ExitCodes.REFUSED : ExitCodes.DEVICE_FAULT;
            }
        };
    }

    private static int usage(PrintWriter err, String message) {
        err.println("idcheck photo: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }
}
