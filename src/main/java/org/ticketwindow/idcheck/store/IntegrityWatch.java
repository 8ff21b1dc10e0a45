package org.ticketwindow.idcheck.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/**
 * SQLite's quick check (every page's structure, without the index cross-check of a full integrity check) at open and
 * again before recording once {@link #INTERVAL} has passed: a file damaged at rest or while the console runs is a
 * CORRUPT fault before the clerk records into it, not "recorded" results a restore from the backup would lose (issue
 * 15, item 8). The check reads the whole file: 60–150 ms at 20,000 results (docs/store.md), too much for every result
 * of a bulk import, nothing for a clerk's case, hence the interval.
 */
final class IntegrityWatch {
    static final Duration INTERVAL = Duration.ofSeconds(30);

    private final Path file;
    private final Clock clock;
    private volatile long lastSound = Long.MIN_VALUE;

    IntegrityWatch(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Checks when the last sound check is older than the interval. */
    void checkIfDue() {
        long now = clock.millis();
        if (lastSound != Long.MIN_VALUE && now - lastSound < INTERVAL.toMillis()) return;
        checkNow();
    }

    /** Checks now; a CORRUPT {@link StoreException} when a page is damaged. */
    void checkNow() {
        if (!Files.exists(file)) return; // a new store: SQLite creates the file with the schema
        // a connection of its own: the store's connection would answer from its page cache, not from the file
        String answer;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, readOnly());
             PreparedStatement p = c.prepareStatement("PRAGMA quick_check(1)"); ResultSet r = p.executeQuery()) {
            answer = r.next() ? r.getString(1) : "no answer";
        } catch (SQLException e) {
            throw StoreException.of(e, "checking the database");
        }
        if (!"ok".equals(answer)) {
            lastSound = Long.MIN_VALUE;
            throw new StoreException(StoreException.Kind.CORRUPT, "quick_check: " + answer, null);
        }
        lastSound = clock.millis();
    }

    private static Properties readOnly() {
        Properties p = new Properties();
        p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: the check never creates or changes the file
        p.setProperty("busy_timeout", "5000");
        return p;
    }
}
