package org.ticketwindow.idcheck.testing;

import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.HardwareProfiles;
import org.ticketwindow.idcheck.reader.ProfileException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/** The shipped profiles, for tests; and a fixed "today" so card validity checks do not drift with the calendar. */
public final class TestProfiles {
    public static final Clock TODAY = Clock.fixed(LocalDate.of(2026, 11, 21).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
            ZoneId.of("Asia/Shanghai"));

    private TestProfiles() {}

    public static Path projectDir() { return Path.of(System.getProperty("idcheck.project.dir", ".")); }

    public static Path profilesDir() { return projectDir().resolve("hardware-profiles"); }

    public static HardwareProfile shipped(String id) {
        try {
            return HardwareProfiles.loadFile(profilesDir().resolve(id + ".yaml"));
        } catch (ProfileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a profile with short timeouts and the given poll interval (tests that wait on timeouts). */
    public static HardwareProfile fast(HardwareProfile p, Duration timeout) {
        return p.withBauds(java.util.List.of(115200)).withTimeouts(timeout, Duration.ofMillis(50));
    }
}
