package org.ticketwindow.idcheck.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.ticketwindow.idcheck.store.SqlDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The disk's ceiling for the results queue, reported beside the drain: raw inserts of rows the size of a queued result
 * (36-character id, 1,400-byte body) through the same driver and settings as the store (WAL, {@code synchronous=FULL}),
 * one row per commit (what recording a result pays) and 500 per commit (what a drained batch pays at the central).
 * Scores are rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SqliteInsertBenchmark {
    private static final int BATCH = 500;
    private Path dir;
    private SqlDatabase db;
    private final byte[] body = new byte[1400];
    private long next;

    @Setup(Level.Trial) public void open() throws Exception {
        new Random(7).nextBytes(body);
        dir = Files.createTempDirectory("idcheck-sqlite-bench");
        db = SqlDatabase.open("jdbc:sqlite:" + dir.resolve("raw.db"));
        db.transaction("creating", c -> {
            c.createStatement().execute("CREATE TABLE rows (id TEXT PRIMARY KEY, body BLOB NOT NULL)");
            return null;
        });
    }

    @TearDown(Level.Trial) public void close() throws Exception {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark public void onePerCommit() {
        insert(1);
    }

    @Benchmark @OperationsPerInvocation(BATCH) public void batchOf500PerCommit() {
        insert(BATCH);
    }

    private void insert(int rows) {
        db.transaction("inserting", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO rows (id, body) VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    p.setString(1, String.format("%036d", next++));
                    p.setBytes(2, body);
                    p.executeUpdate();
                }
            }
            return null;
        });
    }
}
