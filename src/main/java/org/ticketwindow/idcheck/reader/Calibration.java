package org.ticketwindow.idcheck.reader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A calibration run (technician screen, {@code idcheck calibrate}): {@code n} full reads of the test card on the
 * reader, counted by outcome, with the latency histogram, the per-stage timings of the successful reads and the
 * error codes seen. Runs on the caller's thread, on a reader it holds ({@link ReaderOwnership}: the workspace's loop
 * waits meanwhile). It can be stopped between two reads; the report then says how many of the reads asked for were
 * done. The report holds no personal data (only outcomes, times and codes).
 */
public final class Calibration {
    /** Histogram bucket upper bounds in milliseconds; the last bucket is open. */
    public static final List<Integer> BUCKETS_MS = List.of(50, 100, 200, 300, 500, 1000, 2000);

    private Calibration() {}

    public enum Result { READ, REFUSED, UNREADABLE, NO_CARD, DEVICE_FAULT }

    /**
     * The run's figures. {@code reads} were done of the {@code requested}; {@code stopped}: the run was stopped before
     * all were done (stop button, screen left, Ctrl+C). {@code histogram} counts reads per bucket of
     * {@link #BUCKETS_MS} plus one open bucket; {@code stageMeansMs} are the mean find / select / read / extras times
     * of the reads that returned a card.
     */
    public record Report(String reader, String profileId, int reads, int requested, boolean stopped, Map<Result, Integer> outcomes,
                         List<Integer> histogram, Map<String, Double> stageMeansMs, double p50Ms, double p95Ms,
                         Map<String, Integer> errorCodes, Duration elapsed, boolean noTestCard) {
        /**
         * No card was on the reader ({@code noTestCard}): the run stopped before measuring anything (at the start, or
         * after {@link #NO_CARD_READS} reads in a row found none), rather than reporting N reads at 0 %.
         */
        public double successRate() { return reads == 0 ? 0 : outcomes.getOrDefault(Result.READ, 0) / (double) reads; }

        /** Bucket labels for {@link #histogram}: "≤50", "≤100", …, ">2000" (ms). */
        public static List<String> bucketLabels() {
            List<String> out = new ArrayList<>();
            for (int b : BUCKETS_MS) out.add("≤" + b);
            out.add(">" + BUCKETS_MS.getLast());
            return out;
        }
    }

    /** Runs {@code n} reads; {@code progress} gets the report so far after each read (on this thread). */
    public static Report run(CardReader reader, int n, Consumer<Report> progress) { return run(reader, n, progress, () -> false); }

    /**
     * The same, stopped before the next read once {@code stop} says so (or the thread is interrupted): a read in
     * progress is finished first, so the reader is left between two exchange sequences, never in the middle of one.
     * The final report is {@code stopped} when fewer than {@code n} reads were done; the progress reports never are.
     */
    public static Report run(CardReader reader, int n, Consumer<Report> progress, BooleanSupplier stop) {
        if (n < 1 || n > 10_000) throw new IllegalArgumentException("a calibration run is 1 to 10,000 reads");
        Tally t = new Tally(reader, n);
        long start = System.nanoTime();
        if (reader.presence() == Presence.ABSENT) return t.report(Duration.ofNanos(System.nanoTime() - start), true, true);
        int noCardInARow = 0;
        for (int i = 0; i < n && !stop.getAsBoolean() && !Thread.currentThread().isInterrupted(); i++) {
            long before = System.nanoTime();
            ReadOutcome o = reader.read();
            t.add(o, (System.nanoTime() - before) / 1e6);
            noCardInARow = o instanceof ReadOutcome.NoCard nc && !nc.removedDuringRead() ? noCardInARow + 1 : 0;
            if (noCardInARow == NO_CARD_READS && i + 1 < n) { // the test card was taken away (or never there)
                return t.report(Duration.ofNanos(System.nanoTime() - start), true, true);
            }
            progress.accept(t.report(Duration.ofNanos(System.nanoTime() - start), false));
        }
        return t.report(Duration.ofNanos(System.nanoTime() - start), true);
    }

    /** Reads in a row that find no card before a run stops as "no test card on the reader". */
    public static final int NO_CARD_READS = 3;

    private static final class Tally {
        final CardReader reader;
        final int requested;
        final Map<Result, Integer> outcomes = new LinkedHashMap<>();
        final int[] histogram = new int[BUCKETS_MS.size() + 1];
        final List<Double> latencies = new ArrayList<>();
        final double[] stageSums = new double[4];
        int timed;
        final Map<String, Integer> codes = new TreeMap<>();

        Tally(CardReader reader, int requested) {
            this.reader = reader;
            this.requested = requested;
            for (Result r : Result.values()) outcomes.put(r, 0);
        }

        void add(ReadOutcome o, double ms) {
            Result r = switch (o) {
                case ReadOutcome.Read x -> Result.READ;
                case ReadOutcome.Refused x -> Result.REFUSED;
                case ReadOutcome.Unreadable x -> Result.UNREADABLE;
                case ReadOutcome.NoCard x -> Result.NO_CARD;
                case ReadOutcome.DeviceFault x -> Result.DEVICE_FAULT;
            };
            outcomes.merge(r, 1, Integer::sum);
            latencies.add(ms);
            int bucket = 0;
            while (bucket < BUCKETS_MS.size() && ms > BUCKETS_MS.get(bucket)) bucket++;
            histogram[bucket]++;
            switch (o) {
                case ReadOutcome.Read x -> stages(x.timings());
                case ReadOutcome.Refused x -> x.defects().forEach(d -> codes.merge("card:" + d.kind(), 1, Integer::sum));
                case ReadOutcome.Unreadable x -> codes.merge("unreadable:" + x.lastStatus().map(s -> s.hex()).orElse("-"), 1, Integer::sum);
                case ReadOutcome.DeviceFault x -> codes.merge(x.kind() + x.status().map(s -> ":" + s.hex()).orElse(""), 1, Integer::sum);
                case ReadOutcome.NoCard x -> codes.merge(x.removedDuringRead() ? "removed-during-read" : "no-card", 1, Integer::sum);
            }
        }

        void stages(StageTimings s) {
            stageSums[0] += s.find().toNanos() / 1e6;
            stageSums[1] += s.select().toNanos() / 1e6;
            stageSums[2] += s.read().toNanos() / 1e6;
            stageSums[3] += s.extras().toNanos() / 1e6;
            timed++;
        }

        Report report(Duration elapsed, boolean last) { return report(elapsed, last, false); }

        Report report(Duration elapsed, boolean last, boolean noTestCard) {
            Map<String, Double> means = new LinkedHashMap<>();
            String[] names = {"find", "select", "read", "extras"};
            for (int i = 0; i < 4; i++) means.put(names[i], timed == 0 ? 0 : stageSums[i] / timed);
            List<Double> sorted = latencies.stream().sorted().toList();
            List<Integer> h = new ArrayList<>();
            for (int c : histogram) h.add(c);
            return new Report(reader.name(), reader.profile().id(), latencies.size(), requested, last && latencies.size() < requested,
                    Map.copyOf(outcomes), List.copyOf(h),
                    means, percentile(sorted, 0.50), percentile(sorted, 0.95), Map.copyOf(codes), elapsed, noTestCard);
        }

        static double percentile(List<Double> sorted, double q) {
            if (sorted.isEmpty()) return 0;
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }
    }
}
