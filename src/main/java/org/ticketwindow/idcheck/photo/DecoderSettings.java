package org.ticketwindow.idcheck.photo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which vendor library decodes photos and how to call it (a hardware profile's {@code photoDecoder} mapping, or
 * the technician's {@code idcheck photo} options).
 *
 * @param library    an absolute path, or a bare file name found by the system's library search path
 * @param iface      the calling convention
 * @param vendorCode the third int argument of {@code unpack}/{@code wlt2bmp} (0 when absent: no {@code zp.bmp})
 * @param timeout    per photo, after the helper is ready
 */
public record DecoderSettings(String library, DecoderInterface iface, OptionalInt vendorCode, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2000);
    public static final int MIN_TIMEOUT_MS = 100;
    public static final int MAX_TIMEOUT_MS = 30_000;

    public DecoderSettings {
        Objects.requireNonNull(library);
        Objects.requireNonNull(iface);
        Objects.requireNonNull(vendorCode);
        Objects.requireNonNull(timeout);
        List<String> problems = problems(library, iface, vendorCode, timeout);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    /** Every reason these values are not usable (one place for the profile loader and the command line). */
    public static List<String> problems(String library, DecoderInterface iface, OptionalInt vendorCode, Duration timeout) {
        List<String> out = new ArrayList<>();
        if (library == null || library.isBlank()) {
            out.add("library: required (an absolute path, or a library file name on the system's search path)");
        } else if ((library.contains("/") || library.contains("\\")) && !java.nio.file.Path.of(library).isAbsolute()) {
            out.add("library: a path must be absolute, was '" + library + "'");
        }
        if (iface != null && !iface.takesVendorCode() && vendorCode.isPresent()) {
            out.add("vendorCode: " + iface.symbol() + " takes no vendor code");
        }
        if (vendorCode.isPresent() && (vendorCode.getAsInt() < 0 || vendorCode.getAsInt() > 99_999)) {
            out.add("vendorCode: must be 0..99999, was " + vendorCode.getAsInt());
        }
        long ms = timeout.toMillis();
        if (ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS) {
            out.add("timeoutMs: must be " + MIN_TIMEOUT_MS + ".." + MAX_TIMEOUT_MS + ", was " + ms);
        }
        return out;
    }

    /** The value passed as the third int argument. */
    public int thirdArgument() { return vendorCode.orElse(0); }

    /** The same for the technician's screen, in its language. */
    public org.ticketwindow.idcheck.text.Text text() {
        return org.ticketwindow.idcheck.text.Text.of("photo.library", library, iface.symbol(), vendorCode.isPresent()
                ? org.ticketwindow.idcheck.text.Text.of("photo.vendorCode", Integer.toString(vendorCode.getAsInt()))
                : org.ticketwindow.idcheck.text.Text.of("probe.empty"));
    }

    /** One line for logs and the helper's answer: library, interface, vendor code. */
    public String describe() {
        return library + " (" + iface.symbol() + (vendorCode.isPresent() ? ", vendor code " + vendorCode.getAsInt() : "") + ")";
    }
}
