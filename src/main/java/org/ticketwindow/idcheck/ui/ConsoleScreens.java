package org.ticketwindow.idcheck.ui;

import javafx.scene.Parent;
import org.ticketwindow.idcheck.app.CentralRecordLookup;
import org.ticketwindow.idcheck.app.ConsoleSession;
import org.ticketwindow.idcheck.app.CounterSettings;
import org.ticketwindow.idcheck.app.DiagnosticsBundle;
import org.ticketwindow.idcheck.app.DiagnosticsBundleName;
import org.ticketwindow.idcheck.etp.EtpVerifier;
import org.ticketwindow.idcheck.etp.TrustList;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.store.Clerk;
import org.ticketwindow.idcheck.store.ClerkRole;
import org.ticketwindow.idcheck.verify.VerificationRules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Builds each screen's view model and view from the open session: the one place that knows which parts of the session
 * a screen gets, so the window only decides which screen to show and when to leave it. The language and the counter
 * settings are passed per call: both change while the console runs (F2, the supervisor saving).
 */
final class ConsoleScreens {
    private final ConsoleSession session;
    private final Tasks tasks;
    private final ExecutorService readerThread;
    /** The Chinese-capable fonts installed (a diagnostics bundle reports them: boxes instead of words are a font fault). */
    private final List<String> chineseFonts;

    ConsoleScreens(ConsoleSession session, Tasks tasks, ExecutorService readerThread, List<String> chineseFonts) {
        this.session = session;
        this.tasks = tasks;
        this.readerThread = readerThread;
        this.chineseFonts = chineseFonts;
    }

    LoginViewModel login(Messages messages) { return new LoginViewModel(session.runtime().store().clerks(), tasks, messages); }

    Parent queue(Clerk clerk, Messages messages) {
        return new QueueView(new QueueViewModel(session.runtime().store().results(), session::nudgeSync, clerk.id(),
                clerk.role() == ClerkRole.SUPERVISOR, tasks, messages), messages).build(queueRowChosen);
    }

    Parent supervisor(Clerk clerk, CounterSettings settings, Consumer<CounterSettings> saved, Messages messages) {
        return new SupervisorView(new SupervisorViewModel(session.runtime().store().clerks(), session.runtime().store().audit(),
                clerk.id(), settingsLines(settings, messages), session.runtime().home().counterSettings(), saved, tasks, messages),
                messages).build();
    }

    /** The settings a supervisor sees but does not change here (the editable ones are fields on the screen). */
    private List<String> settingsLines(CounterSettings s, Messages messages) {
        return List.of(messages.get("sup.set.counter", s.counterId(), messages.of(s.counterKind())),
                messages.get("sup.set.central", s.centralUrl() == null ? messages.get("sup.set.training") : s.centralUrl()),
                messages.get("sup.set.batch", s.batchSize()),
                messages.get("sup.set.file", session.runtime().home().counterSettings()));
    }

    /** What the technician screen keeps this session (its view model is made anew each time it opens). */
    private TechnicianMemory technicianMemory = new TechnicianMemory();

    /** The result chosen in the queue's table: chosen again when the queue is built again (F2, text size) or reopened. */
    private final javafx.beans.property.StringProperty queueRowChosen = new javafx.beans.property.SimpleStringProperty();

    /** Someone logged out: the next one does not see their calibration's result (a red "no test card" line, hours old). */
    void loggedOut() {
        technicianMemory = new TechnicianMemory();
        queueRowChosen.set(null);
    }

    /** The technician's line on the photo decoder: which one, whether it loads, and if none is configured, what to do. */
    static String photoDecoderLine(Messages messages, org.ticketwindow.idcheck.photo.PhotoService photos, boolean training)
            throws Exception {
        var problem = photos.check().get();
        if (problem.isEmpty()) return messages.get("tech.photoOk", messages.of(photos.describe()));
        // none configured: what to do, in the technician's language (the detail was the profile's key, in English); in
        // training the tray's portraits still show, so the line must not say no photo is shown
        if (problem.get().problem() == org.ticketwindow.idcheck.photo.PhotoProblem.NOT_CONFIGURED) {
            return messages.get(training ? "tech.photoTrainingOnly" : "tech.photoNotConfigured");
        }
        return messages.get("tech.photoBad", messages.of(photos.describe()), messages.of(problem.get().problem()),
                problem.get().technician());
    }

    /** The technician screen's view model; the window opens it once shown and closes it when leaving. */
    TechnicianViewModel technician(Messages messages) {
        return new TechnicianViewModel(new TechnicianViewModel.Host() {
            @Override public Optional<org.ticketwindow.idcheck.reader.ReaderOwnership> reader() { return session.reader(); }
            @Override public TechnicianMemory memory() { return technicianMemory; }
            @Override public List<String> readersFound() throws Exception {
                return session.readersFound().stream().map(messages::of).toList();
            }
            @Override public String photoDecoder() throws Exception {
                return photoDecoderLine(messages, session.photos(), session.training().isPresent());
            }
            @Override public org.ticketwindow.idcheck.reader.HardwareProfile saveTuning(String id, Map<String, Object> values) throws Exception {
                return session.saveTuning(id, values);
            }
            @Override public Path exportDiagnostics(List<String> readers, Optional<org.ticketwindow.idcheck.reader.SamHealth> sam,
                                                    Optional<org.ticketwindow.idcheck.reader.Calibration.Report> calibration) throws Exception {
                var home = session.runtime().home();
                var s = session.runtime().settings();
                Path zip = DiagnosticsBundleName.in(home, s.counterId(), LocalDateTime.now(RailwayTime.ZONE));
                Files.createDirectories(zip.getParent());
                DiagnosticsBundle.write(new DiagnosticsBundle.Contents(home,
                        s.counterId(), s.counterKind().name(), session.training().isPresent(),
                        String.valueOf(ConsoleScreens.class.getPackage().getImplementationVersion()),
                        chineseFonts, session.reader().map(r -> r.profile()), sam,
                        calibration, Optional.of(session.runtime().store().results().status()), readers), zip);
                return zip;
            }
        }, readerThread, tasks, messages);
    }

    TechnicianView technicianView(TechnicianViewModel technician, Messages messages) {
        return new TechnicianView(technician, messages, session.training(), session::nudgeSync);
    }

    /**
     * The workspace's view model for {@code clerk}; a trust list that cannot be read leaves proofs unchecked and says so
     * on the status line, and the reader cues ({@code cue}) follow the case.
     */
    WorkspaceViewModel workspace(Clerk clerk, CounterSettings settings, Messages messages, Consumer<String> status,
                                 Consumer<Sounds.Cue> cue) {
        Optional<EtpVerifier> proofs;
        try {
            proofs = session.proofVerifier();
        } catch (TrustList.TrustListException e) {
            proofs = Optional.empty();
            status.accept(e.getMessage());
        }
        WorkspaceViewModel workspace = new WorkspaceViewModel(settings.counterKind(), settings.policy(), clerk.id(),
                session.runtime().recorder(session.runtime().settings().counterId()),
                new CentralRecordLookup(session.central())::lookup, session::nudgeSync, new VerificationRules(), proofs, tasks,
                messages, Clock.systemUTC());
        workspace.usePhotos(session.photos());
        workspace.readerState().addListener((o, was, now) -> {
            if (now == ReaderState.READ) cue.accept(Sounds.Cue.READ);
            if (now == ReaderState.REFUSED) cue.accept(Sounds.Cue.REFUSED);
        });
        workspace.recordedMessage().addListener((o, was, now) -> {
            if (!now.isEmpty() && workspace.decision().get() == null) cue.accept(Sounds.Cue.RECORDED);
        });
        return workspace;
    }

    /** The pre-verification entry form of a workspace: it lives as long as the workspace's view model. */
    EntryFormViewModel entryForm(Messages messages) { return new EntryFormViewModel(messages, Clock.systemUTC()); }

    /** The workspace's controls over {@code workspace} (after a language or style change the open case stays). */
    WorkspaceView workspaceView(WorkspaceViewModel workspace, EntryFormViewModel entry, Messages messages, Consumer<String> status) {
        return new WorkspaceView(workspace, entry, messages,
                session.training(), status, session::nudgeSync, Clock.systemUTC());
    }
}
