package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.reader.HardwareProfiles;
import org.ticketwindow.idcheck.reader.ProfileException;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shipped {@code hardware-profiles/} directory is: {@code -Didcheck.profiles.dir}, {@code IDCHECK_PROFILES},
 * next to the application (the jar's parent's parent: the project root in a checkout, the app directory when
 * installed), or the working directory.
 */
public final class ProfileDirectory {
    private ProfileDirectory() {}

    public static Path locate() {
        String prop = System.getProperty("idcheck.profiles.dir");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("IDCHECK_PROFILES");
        if (env != null && !env.isBlank()) return Path.of(env);
        try {
            Path code = Path.of(ProfileDirectory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code.getParent(); p != null; p = p.getParent()) {
                Path candidate = p.resolve("hardware-profiles");
                if (Files.isDirectory(candidate)) return candidate;
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through to the working directory
        }
        return Path.of("hardware-profiles");
    }

    /** Saves the technician's tuning of {@code profileId} to {@code home}'s override file (validated first). */
    public static HardwareProfiles saveOverride(AppHome home, String profileId, java.util.Map<String, Object> values)
            throws ProfileException, java.io.IOException {
        return HardwareProfiles.saveOverride(locate(), home.profileOverrides(), profileId, values);
    }

    /** The shipped profiles with the technician's overrides from {@code home}. */
    public static HardwareProfiles load(AppHome home) throws ProfileException {
        return HardwareProfiles.load(locate(), home.profileOverrides());
    }
}
