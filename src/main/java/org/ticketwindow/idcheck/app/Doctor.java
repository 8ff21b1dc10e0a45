package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.photo.DecoderSettings;
import org.ticketwindow.idcheck.photo.HelperLauncher;
import org.ticketwindow.idcheck.photo.IsolatedDecoder;
import org.ticketwindow.idcheck.photo.PhotoProblem;
import org.ticketwindow.idcheck.photo.PhotoResult;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.HardwareProfiles;
import org.ticketwindow.idcheck.reader.PortInfo;
import org.ticketwindow.idcheck.reader.pcsc.PcscService;
import org.ticketwindow.idcheck.reader.serial.SerialReaders;
import org.ticketwindow.idcheck.store.LocalStore;
import org.ticketwindow.idcheck.store.QueueStatus;
import org.ticketwindow.idcheck.sync.CentralClient;
import org.ticketwindow.idcheck.wire.Health;
import org.ticketwindow.idcheck.wire.Tls;
import org.ticketwindow.idcheck.text.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code idcheck doctor}: checks what a counter needs (Java, fonts, reader drivers, photo decoder, store, logs,
 * certificates, central, clock), one line each, and for every problem what to do. Runs as the
 * account that uses the console (its store, its groups). Nothing here changes anything.
 */
public final class Doctor {
    /** Certificates closer than this to their end are a warning: a technician visit is weeks away. */
    static final Duration CERTIFICATE_WARNING = Duration.ofDays(30);
    /** Beyond this the central may refuse results and electronic proofs look stale or from the future (rule E5). */
    static final Duration CLOCK_SKEW_LIMIT = Duration.ofSeconds(30);

    public enum Status { OK, WARN, FAIL, SKIP }

    /** One check: what was checked, its status, what was found, and what to do when it is not OK. */
    public record Check(String name, Status status, String detail, String fix) {
        static Check ok(String name, String detail) { return new Check(name, Status.OK, detail, ""); }
        static Check warn(String name, String detail, String fix) { return new Check(name, Status.WARN, detail, fix); }
        static Check fail(String name, String detail, String fix) { return new Check(name, Status.FAIL, detail, fix); }
        static Check skip(String name, String detail) { return new Check(name, Status.SKIP, detail, ""); }
    }

    /** What the doctor asks of the operating system; tests give their own answers. */
    public interface Host {
        /** Families of installed fonts that cover Chinese ({@code fc-list :lang=zh family} on Linux). */
        List<String> chineseFonts();
        /** The groups of the account running the doctor; empty where the OS has no such notion. */
        List<String> groups();
        boolean linux();
        /** pcscd's socket exists (the daemon is running or socket-activated). */
        boolean pcscdRunning();
        /** pcscd's program is installed. */
        boolean pcscdInstalled();
    }

    private final AppHome home;
    private final Host host;
    private final Clock clock;

    public Doctor(AppHome home, Host host, Clock clock) {
        this.home = home;
        this.host = host;
        this.clock = clock;
    }

    public List<Check> run() {
        List<Check> out = new ArrayList<>();
        out.add(java());
        out.add(fonts());
        Optional<CounterSettings> settings = settings(out);
        Optional<HardwareProfile> profile = settings.flatMap(s -> profile(s, out));
        out.addAll(readerDrivers(settings.orElse(null), profile.orElse(null)));
        out.add(photoDecoder(profile.orElse(null), settings.map(s -> s.centralUrl() == null).orElse(false)));
        out.add(store());
        out.add(logs());
        if (settings.isPresent()) {
            out.addAll(certificates(settings.get()));
            out.addAll(central(settings.get()));
        }
        return Collections.unmodifiableList(out);
    }

    Check java() {
        Runtime.Version v = Runtime.version();
        List<String> missing = new ArrayList<>();
        for (String m : List.of("java.smartcardio", "java.net.http", "java.sql", "jdk.crypto.ec", "jdk.localedata")) {
            if (java.lang.module.ModuleFinder.ofSystem().find(m).isEmpty()) missing.add(m); // in the runtime image
        }
        String found = "Java " + v + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home");
        if (v.feature() < 25) return Check.fail("Java", found, "install the console's package again (it brings its own Java 25), or use a JDK 25");
        if (!missing.isEmpty()) return Check.fail("Java", found + "; missing modules " + missing, "install the console's package again");
        return Check.ok("Java", found);
    }

    Check fonts() {
        List<String> fonts = host.chineseFonts();
        if (fonts.isEmpty()) {
            return Check.fail("Chinese fonts", "no font that covers Chinese: names and addresses would show as boxes",
                    host.linux() ? "sudo apt install fonts-wqy-microhei (or fonts-noto-cjk)" : "install Microsoft YaHei (Windows language pack: Chinese)");
        }
        return Check.ok("Chinese fonts", String.join(", ", fonts.stream().limit(4).toList()) + (fonts.size() > 4 ? ", …" : ""));
    }

    private Optional<CounterSettings> settings(List<Check> out) {
        Path file = home.counterSettings();
        try {
            CounterSettings s = CounterSettings.load(file);
            String mode = s.centralUrl() == null ? "training mode (no central.url)" : "central " + s.centralUrl();
            out.add(Check.ok("Installation file", (Files.exists(file) ? file.toString() : file + " (absent)") + ": counter "
                    + s.counterId() + ", " + s.counterKind() + ", " + mode));
            return Optional.of(s);
        } catch (CounterSettings.SettingsException e) {
            out.add(Check.fail("Installation file", e.getMessage(), "correct the keys named above in " + file
                    + " (allowed keys and examples: counter.properties.example beside it)"));
            return Optional.empty();
        }
    }

    private Optional<HardwareProfile> profile(CounterSettings s, List<Check> out) {
        if (s.readerProfile() == null) {
            out.add(s.centralUrl() == null ? Check.skip("Reader profile", "training mode uses the simulated reader")
                    : Check.warn("Reader profile", "reader.profile is not set: the console has no reader",
                    "run idcheck probe, then set reader.profile (and reader.port) in " + home.counterSettings()));
            return Optional.empty();
        }
        try {
            HardwareProfiles all = ProfileDirectory.load(home);
            Optional<HardwareProfile> p = all.byId(s.readerProfile());
            if (p.isEmpty()) {
                out.add(Check.fail("Reader profile", "no hardware profile '" + s.readerProfile() + "'",
                        "run idcheck probe for the profiles matching this machine's readers, and correct reader.profile"));
            } else {
                out.add(Check.ok("Reader profile", p.get().id() + " (" + p.get().displayName(true) + ", " + p.get().transport() + ")"));
            }
            return p;
        } catch (Exception e) {
            out.add(Check.fail("Reader profile", "hardware profiles cannot be loaded: " + e.getMessage(),
                    "correct the file and key named; a technician's override is " + home.profileOverrides()));
            return Optional.empty();
        }
    }

    List<Check> readerDrivers(CounterSettings s, HardwareProfile profile) {
        List<Check> out = new ArrayList<>();
        boolean pcsc = profile == null || profile.transport() == HardwareProfile.Transport.PCSC;
        boolean serial = profile == null || profile.transport() == HardwareProfile.Transport.SERIAL;
        if (pcsc && host.linux()) {
            Status bad = profile != null ? Status.FAIL : Status.WARN;
            if (!host.pcscdInstalled()) {
                out.add(new Check("PC/SC (pcscd)", bad, "pcscd is not installed: PC/SC readers cannot be used", "sudo apt install pcscd"));
            } else if (!host.pcscdRunning()) {
                out.add(new Check("PC/SC (pcscd)", bad, "pcscd is installed but not running",
                        "sudo systemctl enable --now pcscd.socket (or start pcscd)"));
            } else {
                out.add(Check.ok("PC/SC (pcscd)", "running; readers: " + pcscReaders()));
            }
        }
        if (serial && host.linux()) {
            List<String> groups = host.groups();
            boolean dialout = groups.contains("dialout") || groups.contains("root");
            String port = s != null ? s.readerPort() : null;
            if (port != null) {
                Path p = Path.of(port);
                if (!Files.exists(p)) {
                    out.add(Check.fail("Serial port", port + " does not exist",
                            "check the cable and the USB-serial driver (dmesg | grep tty), or correct reader.port; idcheck probe lists ports"));
                } else if (!Files.isReadable(p) || !Files.isWritable(p)) {
                    out.add(Check.fail("Serial port", port + " cannot be opened by this account",
                            "sudo usermod -aG dialout " + System.getProperty("user.name") + ", then log out and in again"));
                } else {
                    out.add(Check.ok("Serial port", port + " can be opened"));
                }
            } else if (!dialout) {
                out.add(new Check("Serial permissions", profile != null ? Status.FAIL : Status.WARN,
                        "this account is not in the dialout group: serial readers cannot be opened",
                        "sudo usermod -aG dialout " + System.getProperty("user.name") + ", then log out and in again"));
            } else {
                out.add(Check.ok("Serial permissions", "in the dialout group; ports: " + serialPorts()));
            }
        }
        return out;
    }

    /** Which photo decoder the profile configures, and whether its library loads in the helper process (issue 17). */
    Check photoDecoder(HardwareProfile profile, boolean training) {
        String name = "Photo decoder";
        if (profile == null) {
            return training ? Check.ok(name, "training mode: the tray cards' drawn portraits (training only)")
                    : Check.skip(name, "no reader profile");
        }
        if (profile.photoDecoder().isEmpty()) {
            return Check.warn(name, "none configured in profile " + profile.id() + ": the clerk sees \"" + Texts.chinese().of(PhotoProblem.NOT_CONFIGURED) + "\"",
                    "install the reader vendor's WLT library, try it with idcheck photo, then set photoDecoder in "
                            + profile.source() + " (docs/reader.md, photo decoder)");
        }
        DecoderSettings s = profile.photoDecoder().get();
        try (IsolatedDecoder d = new IsolatedDecoder(s, HelperLauncher.sameRuntime())) {
            Optional<PhotoResult.NotDecoded> problem = d.prepare();
            if (problem.isEmpty()) return Check.ok(name, s.describe() + ": loads in the helper process");
            return Check.fail(name, s.describe() + ": " + Texts.english().of(problem.get().problem()) + " (" + problem.get().technician() + ")",
                    problem.get().problem() == PhotoProblem.LIBRARY_MISSING
                            ? "install the vendor's library at that path (and its dependencies: ldd), or correct photoDecoder.library"
                            : "try the library with idcheck photo --wlt FILE ...; call the reader vendor if it keeps failing");
        }
    }

    private static String pcscReaders() {
        try {
            List<String> names = new PcscService().readerNames();
            return names.isEmpty() ? "none connected" : String.join(", ", names);
        } catch (PcscService.UnavailableException | RuntimeException e) {
            return "cannot list (" + e.getMessage() + ")";
        }
    }

    private static String serialPorts() {
        List<String> ports = SerialReaders.listPorts().stream().map(PortInfo::path).toList();
        return ports.isEmpty() ? "none found" : String.join(", ", ports);
    }

    Check store() {
        Path data = home.data();
        if (!Files.exists(data.resolve(LocalStore.FILE_NAME)) && LocalStore.markOf(data).read().isEmpty()) {
            return Check.ok("Local store", data + ": not created yet (the console creates it at its first start)");
        }
        try (LocalStore s = LocalStore.inspect(data, new org.ticketwindow.idcheck.store.KeyFile(home.keyFile()), clock)) {
            String integrity = s.integrityCheck();
            if (!"ok".equals(integrity)) {
                return Check.fail("Local store", data + ": integrity check says: " + integrity,
                        "do not delete it: stop the console, copy " + data + " aside and call support with a diagnostics bundle");
            }
            var audit = s.audit().verify();
            if (!audit.isEmpty()) {
                return Check.fail("Local store", "audit chain broken at entry " + audit.getFirst().seq() + ": " + audit.getFirst().problem(),
                        "report to the supervisor: the audit trail was altered");
            }
            LocalStore.Readiness ready = s.readiness();
            if (!ready.ready()) return Check.fail("Local store", ready.detail(), "free disk space on " + mountOf(data) + " or fix the permissions");
            QueueStatus q = s.results().status();
            String queue = "queued " + q.queued() + ", parked " + q.parked() + ", synced " + q.synced()
                    + (q.queued() > 0 ? ", oldest " + Duration.ofSeconds(q.oldestQueuedAgeSeconds()).toMinutes() + " min" : "");
            if (q.parked() > 0) return Check.warn("Local store", data + ": sound; " + queue, "a supervisor checks the parked results (queue view, F11)");
            return Check.ok("Local store", data + ": sound, audit chain intact; " + queue);
        } catch (RuntimeException e) {
            return Check.fail("Local store", data + ": " + e.getMessage(), "fix what the message names (permissions, key file), then run idcheck doctor again");
        }
    }

    /** The file system holding {@code path} as the OS names it (mount point and device), not just the root. */
    static String mountOf(Path path) {
        try {
            return Files.getFileStore(path).toString();
        } catch (java.io.IOException e) {
            return String.valueOf(path.getRoot());
        }
    }

    Check logs() {
        Path logs = home.logs();
        Path probe = Files.exists(logs) ? logs : logs.getParent();
        while (probe != null && !Files.exists(probe)) probe = probe.getParent();
        if (probe == null || !Files.isWritable(probe)) {
            return Check.fail("Logs", logs + " cannot be written by this account", "fix the directory's owner or permissions");
        }
        return Check.ok("Logs", logs + " (application log idcheck.log, audit log audit.log)");
    }

    List<Check> certificates(CounterSettings s) {
        List<Check> out = new ArrayList<>();
        Instant now = clock.instant();
        if (s.keyStore() != null) {
            try (InputStream in = Files.newInputStream(s.keyStore())) {
                char[] password = Tls.readPassword(s.keyStorePasswordFile());
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(in, password);
                for (String alias : Collections.list(ks.aliases())) {
                    if (ks.getCertificate(alias) instanceof X509Certificate c) out.add(expiry("Counter certificate", c, now, s.keyStore()));
                }
            } catch (IOException | java.security.GeneralSecurityException e) {
                out.add(Check.fail("Counter certificate", s.keyStore() + ": cannot be opened: " + e.getMessage(),
                        "check central.keystore and central.keystore-password-file; ask for a new counter certificate if the password is lost"));
            }
        }
        if (s.caCertificate() != null) {
            try {
                for (X509Certificate c : Tls.certificates(s.caCertificate())) out.add(expiry("Central's CA", c, now, s.caCertificate()));
            } catch (IOException | java.security.GeneralSecurityException e) {
                out.add(Check.fail("Central's CA", s.caCertificate() + ": not a PEM certificate: " + e.getMessage(), "put the CA file from the operator in central.ca"));
            }
        }
        return out;
    }

    private static Check expiry(String name, X509Certificate c, Instant now, Path file) {
        String subject = c.getSubjectX500Principal().getName();
        Instant end = c.getNotAfter().toInstant();
        long days = Duration.between(now, end).toDays();
        String detail = file.getFileName() + " " + subject + ", valid until " + end;
        if (now.isBefore(c.getNotBefore().toInstant())) return Check.fail(name, detail + ": not valid yet", "check this PC's clock and date");
        if (!now.isBefore(end)) return Check.fail(name, detail + ": EXPIRED", "ask the operator for a new certificate (docs/operator-guide.md, PKI)");
        if (Duration.between(now, end).compareTo(CERTIFICATE_WARNING) < 0) {
            return Check.warn(name, detail + ": expires in " + days + " days", "ask the operator for a new certificate before it expires");
        }
        return Check.ok(name, detail + " (" + days + " days left)");
    }

    List<Check> central(CounterSettings s) {
        if (s.centralUrl() == null) return List.of(Check.skip("Central", "training mode: the console runs its own central"));
        CentralClient client;
        try {
            client = CounterRuntime.centralClient(home, s, null);
        } catch (RuntimeException e) {
            return List.of(Check.fail("Central", "cannot prepare the connection: " + e.getMessage(), "correct the central.* keys named"));
        }
        Instant sent = clock.instant();
        try {
            Health h = client.health();
            Instant received = clock.instant();
            Duration rtt = Duration.between(sent, received);
            // the central's clock at the midpoint of the round trip, against ours
            Duration skew = Duration.between(sent.plus(rtt.dividedBy(2)), h.time()).abs();
            List<Check> out = new ArrayList<>();
            out.add(Check.ok("Central", s.centralUrl() + " answers (" + h.status() + ", " + rtt.toMillis() + " ms; it sees counter "
                    + h.counterId() + ")"));
            String clockDetail = "this PC and the central differ by " + skew.toMillis() + " ms";
            out.add(skew.compareTo(CLOCK_SKEW_LIMIT) > 0
                    ? Check.fail("Clock", clockDetail, "set the time from the network: sudo timedatectl set-ntp true (Windows: Settings, Time, Sync now)")
                    : Check.ok("Clock", clockDetail));
            return out;
        } catch (Exception e) {
            return List.of(Check.fail("Central", s.centralUrl() + ": " + e.getMessage(),
                    "check the network cable and the URL; results are kept in the queue meanwhile (nothing is lost)"));
        }
    }

    /** The real operating system's answers. */
    public static Host systemHost() {
        return new Host() {
            @Override public List<String> chineseFonts() {
                if (!linux()) {
                    Path fonts = Path.of(System.getenv().getOrDefault("WINDIR", "C:\\Windows"), "Fonts");
                    return List.of("msyh.ttc", "simsun.ttc", "simhei.ttf").stream().filter(f -> Files.exists(fonts.resolve(f))).toList();
                }
                return command("fc-list", ":lang=zh", "family").stream().map(l -> l.split(",")[0].strip()).filter(l -> !l.isEmpty())
                        .distinct().sorted().toList();
            }
            @Override public List<String> groups() { return linux() ? List.of(String.join(" ", command("id", "-Gn")).split("\\s+")) : List.of(); }
            @Override public boolean linux() { return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"); }
            @Override public boolean pcscdRunning() { return Files.exists(Path.of("/run/pcscd/pcscd.comm")); }
            @Override public boolean pcscdInstalled() { return Files.isExecutable(Path.of("/usr/sbin/pcscd")); }
        };
    }

    private static List<String> command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            return p.waitFor() == 0 ? lines : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
