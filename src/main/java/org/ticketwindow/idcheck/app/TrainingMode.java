package org.ticketwindow.idcheck.app;

import org.ticketwindow.idcheck.central.CentralServer;
import org.ticketwindow.idcheck.central.CentralService;
import org.ticketwindow.idcheck.central.FictionalRecords;
import org.ticketwindow.idcheck.reader.CardReader;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.FaultPlan;
import org.ticketwindow.idcheck.reader.sim.SimulatedReaders;
import org.ticketwindow.idcheck.reader.sim.SimulatedSam;
import org.ticketwindow.idcheck.store.Clerk;
import org.ticketwindow.idcheck.store.ClerkAccounts;
import org.ticketwindow.idcheck.store.ClerkRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Training mode (实训模式, architecture.md): the simulated reader with its tray of fictional cards, an in-process
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

    private final SimulatedSam sam;
    private final CentralService central;
    private final CentralServer server;

    private TrainingMode(SimulatedSam sam, CentralService central, CentralServer server) {
        this.sam = sam;
        this.central = central;
        this.server = server;
    }

    public static TrainingMode start(AppHome home, ClerkAccounts clerks, Clock clock) {
        Path dir = home.data().resolve("training");
        CentralService central = null;
        try {
            Files.createDirectories(dir);
            central = CentralService.open("jdbc:sqlite:" + dir.resolve("central.db"), clock);
            central.insert(FictionalRecords.tray()); // ON CONFLICT DO NOTHING: a restart keeps what was applied
            CentralServer server = CentralServer.start(central, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, clock);
            ensureAccounts(clerks);
            return new TrainingMode(new SimulatedSam(FaultPlan.none()), central, server);
        } catch (IOException e) {
            if (central != null) central.close();
            throw new UncheckedIOException("training mode could not start its central: " + e.getMessage(), e);
        } catch (CardFixture.FixtureException e) {
            central.close();
            throw new IllegalStateException("the training tray is damaged: " + e.getMessage(), e);
        }
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

    public CardReader reader(HardwareProfile profile, Clock clock) { return SimulatedReaders.open(sam, profile, clock); }

    public URI centralUrl() {
        return URI.create("http://" + server.address().getAddress().getHostAddress() + ":" + server.address().getPort());
    }

    public CentralService central() { return central; }

    @Override public void close() {
        server.close();
        central.close();
    }
}
