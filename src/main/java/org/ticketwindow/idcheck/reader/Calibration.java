package org.ticketwindow.idcheck.reader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A calibration run (technician screen, {@code idcheck calibrate}): {@code n} full reads of the test card on the
 * reader, counted by outcome, with the latency histogram, the per-stage timings of the successful reads and the
 * error codes seen. Runs on the caller's thread, which must be the reader's only user while it runs. The report holds
 * no personal data (only outcomes, times and codes).
 */
public final class Calibration {
    /** Histogram bucket upper bounds in milliseconds; the last bucket is open. */
    public static final List<Integer> BUCKETS_MS = List.of(50, 100, 200, 300, 500, 1000, 2000);

    private Calibration() {}

    public enum Result { READ, REFUSED, UNREADABLE, NO_CARD, DEVICE_FAULT }

    /**
     * The run's figures. {@code histogram} counts reads per bucket of {@link #BUCKETS_MS} plus one open bucket;
     * {@code stageMeansMs} are the mean find / select / read / extras times of the reads that returned a card.
     */
    public record Report(String reader, String profileId, int reads, Map<Result, Integer> outcomes, List<Integer> histogram,
                         Map<String, Double> stageMeansMs, double p50Ms, double p95Ms, Map<String, Integer> errorCodes,
                         Duration elapsed) {
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
    public static Report run(CardReader reader, int n, Consumer<Report> progress) {
        if (n < 1 || n > 10_000) throw new IllegalArgumentException("a calibration run is 1 to 10,000 reads");
        Tally t = new Tally(reader);
        long start = System.nanoTime();
        for (int i = 0; i < n && !Thread.currentThread().isInterrupted(); i++) {
            long before = System.nanoTime();
            ReadOutcome o = reader.read();
            t.add(o, (System.nanoTime() - before) / 1e6);
            progress.accept(t.report(Duration.ofNanos(System.nanoTime() - start)));
        }
        return t.report(Duration.ofNanos(System.nanoTime() - start));
    }

    private static final class Tally {
        final CardReader reader;
        final Map<Result, Integer> outcomes = new LinkedHashMap<>();
        final int[] histogram = new int[BUCKETS_MS.size() + 1];
        final List<Double> latencies = new ArrayList<>();
        final double[] stageSums = new double[4];
        int timed;
        final Map<String, Integer> codes = new TreeMap<>();

        Tally(CardReader reader) {
            this.reader = reader;
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

        Report report(Duration elapsed) {
            Map<String, Double> means = new LinkedHashMap<>();
            String[] names = {"find", "select", "read", "extras"};
            for (int i = 0; i < 4; i++) means.put(names[i], timed == 0 ? 0 : stageSums[i] / timed);
            List<Double> sorted = latencies.stream().sorted().toList();
            List<Integer> h = new ArrayList<>();
            for (int c : histogram) h.add(c);
            return new Report(reader.name(), reader.profile().id(), latencies.size(), Map.copyOf(outcomes), List.copyOf(h),
                    means, percentile(sorted, 0.50), percentile(sorted, 0.95), Map.copyOf(codes), elapsed);
        }

        static double percentile(List<Double> sorted, double q) {
            if (sorted.isEmpty()) return 0;
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }
    }
}
