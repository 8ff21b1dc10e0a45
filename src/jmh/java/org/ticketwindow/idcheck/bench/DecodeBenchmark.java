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
import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.reader.sam.CardTextLayout;
import org.ticketwindow.idcheck.reader.sam.FrameDecoder;
import org.ticketwindow.idcheck.reader.sam.ReadPayload;
import org.ticketwindow.idcheck.reader.sam.SamResponse;
import org.ticketwindow.idcheck.reader.sim.CardFixture;

import java.util.concurrent.TimeUnit;

/** Decode + parse of a 1295-byte 30 01 answer: frame hunt, checksum, length words, text layout (target ≥ 200,000/s). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class DecodeBenchmark {
    private byte[] answer;
    private FrameDecoder decoder;

    @Setup public void setup() throws Exception {
        answer = SamResponse.frame(0x90, CardFixture.builtIn("ordinary").payload().encode(false)).encode();
        if (answer.length != 1295) throw new IllegalStateException("answer is " + answer.length + " bytes");
        decoder = FrameDecoder.forResponses();
    }

    @Benchmark public CardData decodeAndParse() throws Exception {
        decoder.feed(answer);
        SamResponse r = SamResponse.of(decoder.nextFrame());
        return CardTextLayout.decode(ReadPayload.parse(r.data(), false));
    }
}
