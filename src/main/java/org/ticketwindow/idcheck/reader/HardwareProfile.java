package org.ticketwindow.idcheck.reader;

import org.ticketwindow.idcheck.photo.DecoderSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What a technician tunes for one reader family (one YAML file in {@code hardware-profiles/}): how to find it,
 * line speeds, per-command timeouts, polling, bounded retries, RF frame size, which read command, and the photo
 * decoder (empty: none; the reader vendor's WLT library otherwise, decision 0011-p). Loaded and validated by
 * {@link HardwareProfiles}.
 */
public record HardwareProfile(
        String id,
        String displayName,
        Optional<String> displayNameEn,
        Transport transport,
        Match match,
        List<Integer> bauds,
        Map<TimeoutKey, Duration> timeouts,
        Duration pollInterval,
        Retries retries,
        OptionalInt rfFrameSize,
        ReadCommand readCommand,
        boolean appendedAddress,
        Optional<DecoderSettings> photoDecoder,
        Optional<String> pcscLibrary,
        String notes,
        Path source) {

    public HardwareProfile {
        bauds = List.copyOf(bauds);
        timeouts = Map.copyOf(new EnumMap<>(timeouts));
    }

    public enum Transport { SERIAL, PCSC, SIMULATOR }

    /** The line speeds a reader supports, indexed by the PARA of its {@code 60 nn} set-baud command (S-Sdtapi). */
    public static final List<Integer> BAUD_RATES = List.of(115200, 57600, 38400, 19200, 9600);

    /** {@code 30 01} (text + photo) or {@code 30 10} (text + photo + fingerprint). */
    public enum ReadCommand {
        TEXT_PHOTO("30 01"), TEXT_PHOTO_FINGERPRINT("30 10");

        private final String yaml;

        ReadCommand(String yaml) {
            this.yaml = yaml;
        }

        public String yaml() { return yaml; }
    }

    /** How a profile recognises its reader: a port name pattern (serial), a PC/SC reader name pattern, USB ids. */
    public record Match(Optional<Pattern> portPattern, Optional<Pattern> readerNamePattern, List<String> usbIds) {
        public Match {
            usbIds = List.copyOf(usbIds);
        }

        public boolean matchesPort(String path) {
            return portPattern.map(p -> p.matcher(path).find()).orElse(false);
        }

        public boolean matchesReaderName(String name) {
            return readerNamePattern.map(p -> p.matcher(name).find()).orElse(false);
        }

        /** A serial port matches by its path or, for a USB adapter, its vendor and product id. */
        public boolean matchesPort(PortInfo port) {
            return matchesPort(port.path()) || (port.vendorId() >= 0 && matchesUsb(port.vendorId(), port.productId()));
        }

        /** {@code vid:pid} in lowercase hex, e.g. {@code 10c4:ea60}. */
        public boolean matchesUsb(int vid, int pid) {
            return usbIds.contains(String.format("%04x:%04x", vid, pid));
        }
    }

    /** Bounded retries (D3): extra finds on "no card", and extra full read attempts on a card failure. */
    public record Retries(int find, int read) {}

    /** This profile with other baud rates (a technician's tuning, or a pty that ignores them). */
    public HardwareProfile withBauds(List<Integer> newBauds) {
        return new HardwareProfile(id, displayName, displayNameEn, transport, match, newBauds, timeouts, pollInterval, retries,
                rfFrameSize, readCommand, appendedAddress, photoDecoder, pcscLibrary, notes, source);
    }

    /** This profile with another read command and appended-address setting. */
    public HardwareProfile withRead(ReadCommand newReadCommand, boolean newAppendedAddress) {
        return new HardwareProfile(id, displayName, displayNameEn, transport, match, bauds, timeouts, pollInterval, retries,
                rfFrameSize, newReadCommand, newAppendedAddress, photoDecoder, pcscLibrary, notes, source);
    }

    /** This profile with every command timeout and the poll interval set. */
    public HardwareProfile withTimeouts(Duration everyCommand, Duration newPollInterval) {
        Map<TimeoutKey, Duration> t = new EnumMap<>(TimeoutKey.class);
        for (TimeoutKey k : TimeoutKey.values()) t.put(k, everyCommand);
        return new HardwareProfile(id, displayName, displayNameEn, transport, match, bauds, t, newPollInterval, retries,
                rfFrameSize, readCommand, appendedAddress, photoDecoder, pcscLibrary, notes, source);
    }

    public Duration timeout(TimeoutKey key) { return timeouts.get(key); }

    /** The name a technician reads: {@code displayNameEn} on an English screen where the profile has one. */
    public String displayName(boolean english) { return english ? displayNameEn.orElse(displayName) : displayName; }

    public int defaultBaud() { return bauds.isEmpty() ? 115200 : bauds.getFirst(); }
}
