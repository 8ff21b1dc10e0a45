package org.ticketwindow.idcheck.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The vendor's library behind a helper process of our own ({@link PhotoHelper}): started in a private temporary
 * working directory (owner-only), one photo at a time with a timeout. A crash or a hang ends that helper and gives
 * {@link PhotoProblem#CRASHED} or {@link PhotoProblem#TIMED_OUT}; the next card starts a new one. Whatever the
 * library leaves in its working directory ({@code zp.bmp}, a crash report) is deleted after every card, and the
 * directory itself when the helper stops. Photos whose header is wrong never reach the library.
 */
public final class IsolatedDecoder implements PhotoDecoder {
    /** A cold JVM on a slow counter PC, plus the library's own start-up. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final byte[] END = new byte[0];

    private final DecoderSettings settings;
    private final HelperLauncher launcher;
    private final Path parent;
    private Helper helper;

    public IsolatedDecoder(DecoderSettings settings, HelperLauncher launcher) {
        this(settings, launcher, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param parent where the private working directories are created */
    public IsolatedDecoder(DecoderSettings settings, HelperLauncher launcher, Path parent) {
        this.settings = settings;
        this.launcher = launcher;
        this.parent = parent;
    }

    public DecoderSettings settings() { return settings; }

    @Override public org.ticketwindow.idcheck.text.Text describe() { return settings.text(); }

    @Override public synchronized PhotoResult decode(byte[] wlt) {
        Optional<String> bad = WltHeader.problem(wlt);
        if (bad.isPresent()) return PhotoResult.not(PhotoProblem.NOT_A_WLT_PHOTO, bad.get());
        Optional<PhotoResult.NotDecoded> notStarted = ensureStarted();
        if (notStarted.isPresent()) return notStarted.get();
        Helper h = helper;
        try {
            h.send(wlt);
            byte[] frame = h.answers.poll(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                kill();
                return PhotoResult.not(PhotoProblem.TIMED_OUT, settings.iface().symbol() + " gave no answer within "
                        + settings.timeout().toMillis() + " ms; helper stopped, restarted with the next card");
            }
            if (frame == END) return crashed(h);
            HelperProtocol.Answer a = HelperProtocol.Answer.parse(frame);
            if (a.ok()) {
                Photo p = new Photo(a.body());
                java.util.Arrays.fill(frame, (byte) 0); // the Photo holds the only copy (PD3)
                java.util.Arrays.fill(a.body(), (byte) 0);
                return new PhotoResult.Decoded(p);
            }
            return PhotoResult.not(a.problem().orElse(PhotoProblem.DECODER_FAILED), a.text());
        } catch (IOException | IllegalArgumentException e) {
            stop();
            return PhotoResult.not(PhotoProblem.CRASHED, "helper channel failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return PhotoResult.not(PhotoProblem.TIMED_OUT, "interrupted while waiting for the helper");
        } finally {
            if (helper != null) helper.wipe();
        }
    }

    /**
     * Starts the helper now if it is not running (the console's warm-up, the doctor's check).
     *
     * @return empty when the library loaded in the helper; otherwise why not
     */
    @Override public synchronized Optional<PhotoResult.NotDecoded> prepare() {
        return ensureStarted();
    }

    /** The helper's process id while one runs (tests). */
    synchronized Optional<Long> helperPid() { return Optional.ofNullable(helper).map(h -> h.process.pid()); }

    /** The running helper's working directory (tests). */
    synchronized Optional<Path> workingDirectory() { return Optional.ofNullable(helper).map(h -> h.dir); }

    @Override public synchronized void close() { stop(); }

    private Optional<PhotoResult.NotDecoded> ensureStarted() {
        if (helper != null && helper.process.isAlive()) return Optional.empty();
        if (helper != null) stop();
        if (!launcher.available()) {
            return Optional.of(PhotoResult.not(PhotoProblem.DECODER_FAILED, "cannot start the helper: no " + launcher.java()));
        }
        Helper h;
        try {
            h = Helper.start(launcher, settings, parent);
        } catch (IOException e) {
            return Optional.of(PhotoResult.not(PhotoProblem.DECODER_FAILED, "cannot start the helper: " + e.getMessage()));
        }
        helper = h;
        try {
            byte[] hello = h.answers.poll(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (hello == null) {
                kill();
                return Optional.of(PhotoResult.not(PhotoProblem.TIMED_OUT, "the helper did not start within " + START_TIMEOUT.toSeconds()
                        + " s (the library's start-up hangs?)"));
            }
            if (hello == END) return Optional.of(crashed(h));
            HelperProtocol.Answer a = HelperProtocol.Answer.parse(hello);
            if (!a.ok()) {
                stop();
                return Optional.of(PhotoResult.not(a.problem().orElse(PhotoProblem.DECODER_FAILED), a.text()));
            }
            return Optional.empty();
        } catch (IOException e) {
            stop();
            return Optional.of(PhotoResult.not(PhotoProblem.CRASHED, "helper channel failed: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return Optional.of(PhotoResult.not(PhotoProblem.TIMED_OUT, "interrupted while the helper started"));
        }
    }

    private PhotoResult.NotDecoded crashed(Helper h) {
        int exit = h.awaitExit();
        String fault = h.crashSummary().map(f -> ": " + f).orElse("");
        stop();
        return PhotoResult.not(PhotoProblem.CRASHED, "helper ended with exit code " + exit + fault + " while running "
                + settings.iface().symbol() + " of " + settings.library() + "; restarted with the next card");
    }

    private void stop() {
        if (helper == null) return;
        helper.stop(true);
        helper = null;
    }

    /** A hung helper: no point waiting for it to read the end of its input. */
    private void kill() {
        if (helper == null) return;
        helper.stop(false);
        helper = null;
    }

    /** One running helper: its process, its private directory and the answers read from its stdout. */
    private static final class Helper {
        final Process process;
        final Path dir;
        final BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
        private final OutputStream requests;

        private Helper(Process process, Path dir) {
            this.process = process;
            this.dir = dir;
            this.requests = process.getOutputStream();
            InputStream in = process.getInputStream();
            Thread.ofVirtual().name("photo-helper-" + process.pid()).start(() -> {
                try {
                    for (Optional<byte[]> f = HelperProtocol.read(in); f.isPresent(); f = HelperProtocol.read(in)) answers.add(f.get());
                } catch (IOException ignored) {
                    // a broken stream is an ended helper: END below
                }
                answers.add(END);
            });
        }

        static Helper start(HelperLauncher launcher, DecoderSettings s, Path parent) throws IOException {
            Files.createDirectories(parent);
            Path dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(parent, "idcheck-photo-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(parent, "idcheck-photo-");
            try {
                Process p = new ProcessBuilder(launcher.command(s, dir)).directory(dir.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                return new Helper(p, dir);
            } catch (IOException e) {
                delete(dir);
                throw e;
            }
        }

        void send(byte[] wlt) throws IOException { HelperProtocol.write(requests, wlt); }

        int awaitExit() {
            try {
                if (process.waitFor(2, TimeUnit.SECONDS)) return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        /**
         * The signal and the faulting frame from the JVM's crash report in the working directory ({@code SIGSEGV (0xb)
         * … in libwlt.so+0x1159 unpack+0x19}): library and symbol only. The report itself (it holds memory, i.e. the
         * photo) is deleted with the directory.
         */
        Optional<String> crashSummary() {
            Path report = dir.resolve(HelperLauncher.CRASH_REPORT);
            if (!Files.exists(report)) return Optional.empty();
            String signal = null;
            String frame = null;
            try (Stream<String> lines = Files.lines(report, java.nio.charset.StandardCharsets.ISO_8859_1).limit(40)) {
                List<String> head = lines.toList();
                for (int i = 0; i < head.size(); i++) {
                    String l = head.get(i);
                    if (signal == null && l.matches("#\\s+(SIG\\w+|EXCEPTION_\\w+) \\(.*")) signal = l.replaceFirst("#\\s+(\\S+ \\(0x\\w+\\)).*", "$1");
                    if (l.startsWith("# Problematic frame:") && i + 1 < head.size()) frame = head.get(i + 1).replaceFirst("^#\\s*", "").strip();
                }
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty();
            }
            if (signal == null && frame == null) return Optional.of("the JVM's crash handler caught a fault");
            return Optional.of((signal == null ? "a fault" : signal) + (frame == null ? "" : " in " + frame));
        }

        /** Deletes what is in the working directory (side-effect files, crash reports), keeping the directory. */
        void wipe() {
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(Helper::delete);
            } catch (IOException | UncheckedIOException ignored) {
                // nothing to list: nothing to wipe
            }
        }

        void stop(boolean graceful) {
            try {
                requests.close(); // a healthy helper ends at the end of its stdin
            } catch (IOException ignored) {
                // already gone
            }
            try {
                if (!graceful || !process.waitFor(500, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            delete(dir);
        }

        static void delete(Path p) {
            try (Stream<Path> s = Files.walk(p)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException ignored) {
                        // a file still held open on Windows: the next wipe gets it
                    }
                });
            } catch (IOException | UncheckedIOException ignored) {
                // already gone
            }
        }
    }
}
