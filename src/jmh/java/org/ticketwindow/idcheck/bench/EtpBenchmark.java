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
import org.ticketwindow.idcheck.etp.EtpIssuer;
import org.ticketwindow.idcheck.etp.EtpPayload;
import org.ticketwindow.idcheck.etp.EtpVerdict;
import org.ticketwindow.idcheck.etp.EtpVerifier;
import org.ticketwindow.idcheck.etp.IssuerKey;
import org.ticketwindow.idcheck.etp.QrCodes;
import org.ticketwindow.idcheck.etp.TrustList;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The electronic proof: decoding a 600×600 PNG (PNG decode + ZXing; ms per image) and verifying the payload
 * (parse, Ed25519, times, ID number; per second).
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class EtpBenchmark {
    private byte[] png;
    private String text;
    private EtpVerifier verifier;
    private Instant now;

    @Setup public void setup() throws Exception {
        IssuerKey key = IssuerKey.generate("issuer-2026-01");
        long iat = 1_795_000_000L;
        text = new EtpIssuer(key).issue(new EtpPayload(null, "0f9c2c1e-2222-4000-8000-000000000003", "RID", "张三",
                "110101199003071233", iat, iat));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(QrCodes.encode(text, 600), "png", out);
        png = out.toByteArray();
        verifier = new EtpVerifier(TrustList.of(Map.of(key.kid(), key.publicKey())), EtpVerifier.DEFAULT_SKEW);
        now = Instant.ofEpochSecond(iat + 10);
        if (!(verifier.verify(text, now) instanceof EtpVerdict.Accepted)) throw new IllegalStateException("setup proof refused");
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Optional<String> decodePng600() throws Exception {
        return QrCodes.decode(ImageIO.read(new ByteArrayInputStream(png)));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public EtpVerdict verifyPayload() {
        return verifier.verify(text, now);
    }
}
