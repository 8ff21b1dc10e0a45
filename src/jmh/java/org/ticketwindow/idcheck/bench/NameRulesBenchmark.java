package org.ticketwindow.idcheck.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.ticketwindow.idcheck.verify.name.NameMatch;
import org.ticketwindow.idcheck.verify.name.NameRules;

import java.util.concurrent.TimeUnit;

/**
 * Name comparisons per second on one thread (target ≥ 100,000/s): a mix of the counter's cases, round robin,
 * through one shared {@link NameRules} (ICU transliterators built once, per-character results cached).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class NameRulesBenchmark {
    static final String[][] PAIRS = {
            {"张三", "张三"},                                             // EXACT
            {"张三", "张山"},                                             // MISMATCH, first difference
            {"陳淑華", "陈淑华"},                                          // N3
            {"郑\uD869\uDEA5", "郑zhe"},                                  // N1 pinyin, Ext-B
            {"刘䶮", "刘岩"},                                              // N1 homophone
            {"吴\uE3A8", "吴yan"},                                        // NEEDS_CLERK (PUA)
            {"阿依古丽·买买提", "阿依古丽.买买提"},                          // N5
            {"WORTHINGTON-SMYTHE ALEXANDRA CATHERINE JANE", "worthington-smythealexandracat"}, // N4 + case
    };

    private final NameRules rules = new NameRules();
    private int i;

    @Setup public void warmCache() {
        for (String[] p : PAIRS) rules.compare(p[0], p[1]);
    }

    @Benchmark
    public NameMatch compare() {
        String[] p = PAIRS[i++ & 7];
        return rules.compare(p[0], p[1]);
    }
}
