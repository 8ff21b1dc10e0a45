package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.central.CentralServer;
import org.ticketwindow.idcheck.central.CentralService;
import org.ticketwindow.idcheck.etp.EtpIssuer;
import org.ticketwindow.idcheck.etp.EtpPayload;
import org.ticketwindow.idcheck.etp.IssuerKey;
import org.ticketwindow.idcheck.etp.TrustList;
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.connect.ReaderConnection;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.reader.sim.Tray;
import org.ticketwindow.idcheck.store.Clerk;
import org.ticketwindow.idcheck.store.ClerkAccounts;
import org.ticketwindow.idcheck.store.ClerkRole;
import org.ticketwindow.idcheck.verify.IdentityRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Training mode (实训模式, docs/architecture.md): the simulated reader with its tray of fictional cards, an in-process
 * reference central on a loopback port seeded with the tray's records (its own SQLite file under the data directory),
 * and training accounts. Everything a clerk does works end to end with no hardware and no network, through the
 * same store, sync and rules as a real counter.
 */
public final class TrainingMode implements AutoCloseable {
    /** The training accounts, shown on the login screen in training mode only. */
    public static final String CLERK_ID = "1001";
    public static final String TECHNICIAN_ID = "9001";
    public static final String SUPERVISOR_ID = "8001";
    public static final String PIN = "123456";

    /** Faults a trainer can inject into the simulated reader, to practise what the clerk sees and does. */
    public enum Fault {
        NONE("无故障", "no fault"),
        TRANSMISSION_ERRORS("传输错误（帧损坏）", "transmission errors (damaged frames)"),
        CARD_REMOVED_DURING_READ("读卡中取走证件", "card taken away while reading"),
        SAM_NOT_AUTHORISED("安全模块未授权", "security module not authorised"),
        SAM_SELF_TEST_FAILED("安全模块自检失败", "security module self-test failed"),
        /** Not the reader: the training central stops answering, to practise offline recording and the sync after. */
        CENTRAL_UNREACHABLE("实训中心断线（离线）", "training central unreachable (offline)");

        private final String zh;
        private final String en;

        Fault(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() { return zh; }
        public String en() { return en; }
    }

    private final SimulatedSam sam;
    private final CentralService central;
    private final IssuerKey issuer;
    private final Clock clock;
    private final InetSocketAddress address;
    private CentralServer server; // null while CENTRAL_UNREACHABLE is injected

    private TrainingMode(SimulatedSam sam, CentralService central, CentralServer server, IssuerKey issuer, Clock clock) {
        this.sam = sam;
        this.central = central;
        this.server = server;
        this.issuer = issuer;
        this.clock = clock;
        this.address = server.address();
    }

    public static TrainingMode start(AppHome home, ClerkAccounts clerks, Clock clock) {
        Path dir = home.data().resolve("training");
        CentralService central = null;
        try {
            Files.createDirectories(dir);
            central = CentralService.open("jdbc:sqlite:" + dir.resolve("central.db"), clock);
            central.insert(TrainingRecords.training()); // ON CONFLICT DO NOTHING: a restart keeps what was applied
            IssuerKey issuer = issuerKey(dir.resolve("etp-issuer.key"));
            CentralServer server = CentralServer.start(central, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, clock);
            ensureAccounts(clerks);
            return new TrainingMode(new SimulatedSam(FaultPlan.none()), central, server, issuer, clock);
        } catch (IOException e) {
            if (central != null) central.close();
            throw new UncheckedIOException("training mode could not start its central: " + e.getMessage(), e);
        } catch (CardFixture.FixtureException e) {
            central.close();
            throw new IllegalStateException("the training tray is damaged: " + e.getMessage(), e);
        }
    }

    /** The training issuer of electronic proofs: made once, kept with the training data. */
    private static IssuerKey issuerKey(Path file) throws IOException {
        if (Files.exists(file)) return IssuerKey.load(file);
        IssuerKey k = IssuerKey.generate("training-issuer");
        k.save(file);
        return k;
    }

    private static void ensureAccounts(ClerkAccounts clerks) {
        record Account(String id, String name, ClerkRole role) {}
        Set<String> existing = clerks.list().stream().map(Clerk::id).collect(Collectors.toSet());
        for (Account a : List.of(new Account(CLERK_ID, "实训售票员", ClerkRole.CLERK),
                new Account(TECHNICIAN_ID, "实训技术员", ClerkRole.TECHNICIAN), new Account(SUPERVISOR_ID, "实训值班主任", ClerkRole.SUPERVISOR))) {
            if (!existing.contains(a.id())) clerks.add(a.id(), a.name(), a.role(), PIN, "training");
        }
    }

    /** The simulated reader's card slot: place, remove, inject faults. */
    public SimulatedSam sam() { return sam; }

    private String onReader;
    private Fault injected = Fault.NONE;

    /** One card of the training tray: its id and what it teaches (Chinese, from the fixture). */
    public record TrayCard(String id, String description) {}

    /** The tray's fictional cards, in the order a trainee meets them. */
    public static List<TrayCard> trayCards() {
        List<TrayCard> out = new java.util.ArrayList<>();
        for (String id : Tray.ids()) {
            try {
                out.add(new TrayCard(id, CardFixture.builtIn(id).description()));
            } catch (CardFixture.FixtureException e) {
                throw new IllegalStateException("built-in tray card " + id + " is broken", e); // a build defect
            }
        }
        return out;
    }

    /** Puts a tray card on the simulated reader (F5); the id is one of {@link #trayCards()}. */
    public synchronized void place(String trayCardId) {
        try {
            sam.place(CardFixture.builtIn(trayCardId));
            onReader = trayCardId;
        } catch (CardFixture.FixtureException e) {
            throw new IllegalStateException("built-in tray card " + trayCardId + " is broken", e); // a build defect
        }
    }

    /** Takes the card off the simulated reader (F6). */
    public synchronized void removeCard() {
        sam.remove();
        onReader = null;
    }

    /**
     * The tray card on the simulated reader, if one is (the tray shows the simulator's real state when the screen is
     * built again, after the queue or another language).
     */
    public synchronized Optional<String> cardOnReader() { return Optional.ofNullable(onReader); }

    /** The fault injected now ({@link Fault#NONE} when none). */
    public synchronized Fault injected() { return injected; }

    /** The simulated reader, paced like a serial line at the profile's first baud (a read takes a real reader's time). */
    public CardReader reader(HardwareProfile profile, Clock clock) {
        return ReaderConnection.pacedSimulator(profile, sam, clock);
    }

    public URI centralUrl() {
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    public CentralService central() { return central; }

    /** The electronic proofs training mode accepts: only its own issuer (never a real one). */
    public TrustList proofTrust() { return TrustList.of(Map.of(issuer.kid(), issuer.publicKey())); }

    /**
     * An electronic proof for the ordinary training card's holder, issued an hour ago; its code generated now
     * ({@code fresh}) or two minutes ago (a stale code: E2's 60 s limit).
     */
    public String proof(boolean fresh, Instant now) {
        try {
            CardData card = CardFixture.builtIn("ordinary").card();
            long t = now.getEpochSecond();
            return new EtpIssuer(issuer).issue(new EtpPayload(issuer.kid(), "TRAIN-" + t, "RID", card.name().value(),
                    card.idNumber().value(), t - 3600, fresh ? t : t - 120));
        } catch (CardFixture.FixtureException e) {
            throw new IllegalStateException("the training tray is damaged: " + e.getMessage(), e);
        }
    }

    /** The training passport's machine-readable zone (TD3, check digits computed), as a scanner would type it. */
    public static String passportMrz(LocalDate today) {
        IdentityRecord p = TrainingRecords.TRAINING_PASSPORT;
        String[] names = p.name().value().split(" ", 2);
        String line1 = pad("P<" + p.nationality() + names[0] + "<<" + names[1].replace(' ', '<'));
        String number = p.documentNumber();
        String expiry = today.plusYears(5).format(DateTimeFormatter.ofPattern("yyMMdd"));
        String a = number + IdNumber.icaoCheckDigit(number) + p.nationality();
        String b = "900101" + IdNumber.icaoCheckDigit("900101") + "F" + expiry + IdNumber.icaoCheckDigit(expiry);
        String personal = "<".repeat(14) + "<";
        String composite = a.substring(0, 10) + b.substring(0, 7) + b.substring(8) + personal;
        return line1 + "\n" + a + b + personal + IdNumber.icaoCheckDigit(composite);
    }

    private static String pad(String line) { return (line + "<".repeat(44)).substring(0, 44); }

    /** Puts the training central's records back as seeded, so every exercise can be repeated. */
    public void reset() {
        try {
            central.resetRecords(TrainingRecords.training());
        } catch (CardFixture.FixtureException e) {
            throw new IllegalStateException("the training tray is damaged: " + e.getMessage(), e);
        }
    }

    /** Injects {@code fault} into the simulated reader (NONE clears every fault). */
    public synchronized void inject(Fault fault) {
        injected = fault;
        centralReachable(fault != Fault.CENTRAL_UNREACHABLE);
        sam.faults().clear();
        sam.condition(SimulatedSam.Condition.OK);
        switch (fault) {
            case NONE -> { }
            case TRANSMISSION_ERRORS -> sam.faults().bitFlips(0.5);
            case CARD_REMOVED_DURING_READ -> sam.faults().cardRemovedDuringRead(1.0);
            case SAM_NOT_AUTHORISED -> sam.condition(SimulatedSam.Condition.NOT_AUTHORISED);
            case SAM_SELF_TEST_FAILED -> sam.condition(SimulatedSam.Condition.SELF_TEST_FAILED);
            case CENTRAL_UNREACHABLE -> { }
        }
    }

    /** Stops the training central's server, or starts it again on the same port (the console keeps its URL). */
    private void centralReachable(boolean reachable) {
        if (!reachable && server != null) {
            server.close();
            server = null;
        } else if (reachable && server == null) {
            try {
                server = CentralServer.start(central, address, null, clock);
            } catch (IOException e) {
                throw new UncheckedIOException("the training central could not listen again on " + address + ": " + e.getMessage(), e);
            }
        }
    }

    @Override public synchronized void close() {
        if (server != null) server.close();
        central.close();
    }
}
