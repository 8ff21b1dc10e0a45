package org.ticketwindow.idcheck.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.ConsoleSession;
import org.ticketwindow.idcheck.app.ProfileDirectory;
import org.ticketwindow.idcheck.reader.ReaderLoop;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.verify.VerificationRules;
import org.ticketwindow.idcheck.wire.FoundRecord;
import org.ticketwindow.idcheck.wire.LookupRequest;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Card placed on the simulated reader (paced like a 115200-baud line, as training mode runs it) to the card, the
 * records and the decision drawn on the workspace: the real reader loop, the online lookup over HTTP to the training
 * central, the rules, the view model and the JavaFX view on Monocle's headless platform at the console's 20 pulses
 * a second. "On screen" is the end of layout in the first pulse after the verdict was set (that pulse then draws the
 * frame). Between passengers (not timed) the card is taken away and a random part of a poll interval passes, so the
 * card lands at a random point of the reader's polling cycle, as a passenger's card does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
        "-Dheadless.geometry=1280x800-32", "-Djavafx.animation.pulse=20"})
public class CardToScreenBenchmark {
    ConsoleSession session;
    ReaderLoop loop;
    WorkspaceViewModel vm;
    Label verdict;
    CardFixture card;
    final AtomicReference<CountDownLatch> drawn = new AtomicReference<>();
    volatile boolean armed;
    int pulsesSinceVerdict = -1;
    volatile long t0, tCard, tVerdict, n;
    final java.util.Random random = new java.util.Random(42);

    /**
     * {@code shipped}: the simulator profile as shipped (poll every 120 ms, read command 30 01: ~1.3 KB on the wire). A
     * number: a technician's override polling every that many ms, also with 30 01 (the console never uses the
     * fingerprint).
     */
    @org.openjdk.jmh.annotations.Param({"shipped", "100", "150"}) public String profile;

    /**
     * {@code training}: the tray card's drawn portrait (training mode, decoded in process). {@code standin}: the card
     * carries a WLT photo and the profile configures the tests' stand-in vendor library (src/test/native/wlt-standin.c,
     * compiled here with gcc), decoded through the isolated helper process as on a counter. Either way "on screen"
     * waits for the photo too. {@code none}: no photo service, "on screen" is the decision alone (the figure before
     * photos were shown, for the side-by-side ratio).
     */
    @org.openjdk.jmh.annotations.Param({"none", "training", "standin"}) public String photo;

    @Setup(Level.Trial) public void start() throws Exception {
        AppHome home = new AppHome(Files.createTempDirectory("bench-console"));
        StringBuilder override = new StringBuilder();
        if (!profile.equals("shipped")) {
            override.append("  pollIntervalMs: ").append(Integer.parseInt(profile)).append("\n  readCommand: \"30 01\"\n");
        }
        card = CardFixture.builtIn("ordinary");
        if (photo.equals("standin")) { // a photo decoder is the profile's (not the technician's override): a copy of the profiles
            java.nio.file.Path profiles = Files.createTempDirectory("bench-profiles");
            try (var files = Files.list(ProfileDirectory.locate())) {
                for (var f : files.toList()) Files.copy(f, profiles.resolve(f.getFileName()));
            }
            java.nio.file.Path simulator = profiles.resolve("simulator.yaml");
            Files.writeString(simulator, Files.readString(simulator).replaceAll("(?m)^photoDecoder:.*$", "")
                    + "\nphotoDecoder: {library: " + standInLibrary() + ", interface: unpack}\n");
            System.setProperty("idcheck.profiles.dir", profiles.toString());
            card = withWltPhoto(card);
        }
        if (!override.isEmpty()) {
            Files.createDirectories(home.profileOverrides().getParent());
            Files.writeString(home.profileOverrides(), "simulator:\n" + override);
        }
        session = ConsoleSession.open(home, Clock.systemUTC());
        session.photos().warmUp().get(); // as the console does at start
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Messages m = Messages.of(Messages.CHINESE);
        Tasks tasks = new Tasks(Executors.newFixedThreadPool(2), Platform::runLater);
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm = new WorkspaceViewModel(session.runtime().settings().counterKind(), session.runtime().settings().policy(), "1001",
                    session.runtime().recorder(session.runtime().settings().counterId()), (t, n) -> lookup(t, n), () -> { },
                    new VerificationRules(), Optional.empty(), tasks, m, Clock.systemUTC());
            if (!photo.equals("none")) vm.usePhotos(session.photos());
            var view = new WorkspaceView(vm, new EntryFormViewModel(m, Clock.systemUTC()), m, session.training(), s -> { }, () -> { },
                    Clock.systemUTC());
            Stage stage = new Stage();
            Scene scene = new Scene(new BorderPane(view.build()), 1280, 800);
            scene.getStylesheets().add(ConsoleApp.class.getResource("/ui/console.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            verdict = (Label) find(scene.getRoot(), "verdict");
            vm.verdict().addListener((o, was, now) -> { if (armed && !now.isEmpty()) { pulsesSinceVerdict = 0; tVerdict += System.nanoTime() - t0; } });
            vm.card().addListener((o, was, now) -> { if (armed && now != null) { tCard += System.nanoTime() - t0; n++; } });
            // the pulse after the verdict was set and the photo shown: CSS and layout done, the frame is drawn right
            // after in the same pulse
            scene.addPostLayoutPulseListener(() -> {
                if (pulsesSinceVerdict < 0 || !photo.equals("none") && find(scene.getRoot(), "photo") == null) return;
                pulsesSinceVerdict = -1;
                armed = false;
                drawn.get().countDown();
            });
            shown.countDown();
        });
        shown.await();
        loop = new ReaderLoop(session.reader().orElseThrow(), org.ticketwindow.idcheck.reader.ReaderUse.WORKSPACE, vm::onReaderEvent).start();
    }

    private List<FoundRecord> lookup(org.ticketwindow.idcheck.verify.DocumentType t, String n)
            throws org.ticketwindow.idcheck.sync.CentralUnavailableException {
        try {
            return session.central().orElseThrow().lookup(new LookupRequest(t, n)).records();
        } catch (org.ticketwindow.idcheck.sync.CentralRefusedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Node find(Node n, String id) {
        if (id.equals(n.getId())) return n;
        if (n instanceof javafx.scene.Parent p) for (Node c : p.getChildrenUnmodifiable()) {
            Node f = find(c, id);
            if (f != null) return f;
        }
        if (n instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) return find(s.getContent(), id);
        return null;
    }

    /** The stand-in vendor library compiled with gcc into a temporary directory (as the tests and photo.sh do). */
    private static String standInLibrary() throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("bench-wlt-standin");
        java.nio.file.Path lib = dir.resolve("libwlt-standin.so");
        Process p = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O1", "-o", lib.toString(),
                java.nio.file.Path.of("src/test/native/wlt-standin.c").toAbsolutePath().toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("gcc could not compile the stand-in photo library");
        return lib.toString();
    }

    /** The same card with a 1024-byte photo that carries the WLT header (the stand-in decodes it deterministically). */
    private static CardFixture withWltPhoto(CardFixture f) {
        var c = (org.ticketwindow.idcheck.identity.ResidentCard) f.card();
        byte[] wlt = new byte[1024];
        System.arraycopy(new byte[] {0x57, 0x4C, 0x66, 0x00, 0x7E, 0x00, 0x32, 0x00}, 0, wlt, 0, 8);
        var card = new org.ticketwindow.idcheck.identity.ResidentCard(c.name(), c.gender(), c.ethnicity(), c.birthDate(), c.address(),
                c.idNumber(), c.issuingAuthority(), c.validity(), c.appendedAddresses(), wlt, c.fingerprint());
        return new CardFixture(f.id(), f.description(), card, f.text(), f.readFailure(), f.selectFails());
    }

    /** Not timed: the previous card is taken away, the screen cleared, and the next passenger arrives at a random time. */
    @Setup(Level.Invocation) public void nextPassenger() throws Exception {
        session.training().orElseThrow().sam().remove();
        while (vm.readerState().get() == ReaderState.READ) Thread.sleep(2);
        CountDownLatch cleared = new CountDownLatch(1);
        Platform.runLater(() -> { vm.cancel(); cleared.countDown(); });
        cleared.await();
        Thread.sleep(random.nextLong(session.reader().orElseThrow().profile().pollInterval().toMillis() + 1));
    }

    /** The card goes on the reader; timed until the decision is on screen. */
    @Benchmark public String cardToScreen() throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        drawn.set(latch);
        armed = true;
        t0 = System.nanoTime();
        session.training().orElseThrow().sam().place(card);
        if (!latch.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the decision never reached the screen");
        return verdict.getText();
    }

    @TearDown(Level.Trial) public void stop() {
        System.out.printf("%nmean ms from the card placed: card read and handed to the view model %.1f, decision made %.1f (n=%d)%n",
                tCard / 1e6 / n, tVerdict / 1e6 / n, n);
        loop.close();
        session.close();
        Platform.exit();
    }
}
