package org.ticketwindow.idcheck.bench;

import org.ticketwindow.idcheck.photo.DecoderInterface;
import org.ticketwindow.idcheck.photo.DecoderSettings;
import org.ticketwindow.idcheck.photo.HelperLauncher;
import org.ticketwindow.idcheck.photo.IsolatedDecoder;
import org.ticketwindow.idcheck.photo.PhotoResult;

import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Decode time per photo through the helper process (issue 17), with a stand-in library: the first card after the
 * helper starts (a new helper each time: JVM start, library load, decode) and warm cards. Not JMH: a first card is a
 * one-shot event. Run by {@code src/jmh/scripts/photo.sh}, which compiles the stand-in.
 * Arguments: LIBRARY [INTERFACE=unpack] [COLD_RUNS=10] [WARM_PHOTOS=500]
 */
public final class PhotoDecodeTiming {
    public static void main(String[] args) {
        String library = args[0];
        DecoderInterface iface = DecoderInterface.of(args.length > 1 ? args[1] : "unpack").orElseThrow();
        int cold = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        DecoderSettings s = new DecoderSettings(library, iface, OptionalInt.empty(), Duration.ofSeconds(5));
        byte[] wlt = new byte[1024];
        System.arraycopy(new byte[] {0x57, 0x4C, 0x66, 0x00, 0x7E, 0x00, 0x32, 0x00}, 0, wlt, 0, 8);

        double[] first = new double[cold];
        double[] ready = new double[cold];
        for (int i = 0; i < cold; i++) {
            try (IsolatedDecoder d = new IsolatedDecoder(s, HelperLauncher.sameRuntime())) {
                long t0 = System.nanoTime();
                check(d.decode(wlt));
                first[i] = (System.nanoTime() - t0) / 1e6;
            }
            try (IsolatedDecoder d = new IsolatedDecoder(s, HelperLauncher.sameRuntime())) {
                d.prepare(); // the console's warm-up at start
                long t0 = System.nanoTime();
                check(d.decode(wlt));
                ready[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double[] times = new double[warm];
        try (IsolatedDecoder d = new IsolatedDecoder(s, HelperLauncher.sameRuntime())) {
            for (int i = 0; i < 50; i++) check(d.decode(wlt));
            for (int i = 0; i < warm; i++) {
                wlt[100] = (byte) i;
                long t0 = System.nanoTime();
                check(d.decode(wlt));
                times[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.printf("interface %s, %d cold runs, %d warm photos%n", iface.symbol(), cold, warm);
        System.out.println("first card, helper started by the card: " + stats(first));
        System.out.println("first card, helper warmed at start:     " + stats(ready));
        System.out.println("warm photos:                            " + stats(times));
    }

    private static void check(PhotoResult r) {
        if (!(r instanceof PhotoResult.Decoded)) throw new IllegalStateException("not decoded: " + r);
    }

    private static String stats(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format("p50 %.1f ms, p95 %.1f ms, max %.1f ms", s[(int) Math.floor(0.5 * (s.length - 1))],
                s[(int) Math.ceil(0.95 * (s.length - 1))], s[s.length - 1]);
    }
}
