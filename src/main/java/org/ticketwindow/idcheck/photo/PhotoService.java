package org.ticketwindow.idcheck.photo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the console's screen uses: "decode this card's photo" in the background, one photo at a time, always
 * completing with a {@link PhotoResult} (never exceptionally). The screen shows the result when it arrives, if the
 * case is still open, and {@link Photo#wipe() wipes} the photo when the case closes (PD3).
 */
public final class PhotoService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PhotoService.class);
    private final PhotoDecoder decoder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "photo-decoder");
        t.setDaemon(true);
        return t;
    });

    public PhotoService(PhotoDecoder decoder) {
        this.decoder = decoder;
    }

    /** Decodes a copy of {@code wlt} (the card's photo bytes, as read) on the service's own thread. */
    public CompletableFuture<PhotoResult> decode(byte[] wlt) {
        byte[] copy = wlt == null ? new byte[0] : wlt.clone();
        return CompletableFuture.supplyAsync(() -> {
            try {
                PhotoResult r = decoder.decode(copy);
                // for the technician's log: the reason and the technician line only (never pixels or bytes, PD1)
                if (r instanceof PhotoResult.NotDecoded n && n.problem() != PhotoProblem.NOT_CONFIGURED) {
                    log.warn("photo not decoded: {} ({})", n.problem(), n.technician());
                }
                return r;
            } catch (RuntimeException e) { // a decoder's bug must not leave the screen waiting
                log.warn("photo decoder error", e);
                return PhotoResult.not(PhotoProblem.DECODER_FAILED, "decoder error: " + e.getClass().getSimpleName());
            } finally {
                java.util.Arrays.fill(copy, (byte) 0);
            }
        }, worker);
    }

    /** Starts the vendor library's helper ahead of the first card (at console start), so the first card is warm. */
    public CompletableFuture<Void> warmUp() {
        return CompletableFuture.runAsync(decoder::prepare, worker);
    }

    /** What decodes (technician screen, doctor). */
    public org.ticketwindow.idcheck.text.Text describe() { return decoder.describe(); }

    /**
     * Whether the configured decoder loads (its helper starts and the library's function is found): empty when it
     * does, else the reason. For the technician screen; runs on the service's thread.
     */
    public CompletableFuture<java.util.Optional<PhotoResult.NotDecoded>> check() {
        return CompletableFuture.supplyAsync(decoder::prepare, worker);
    }

    @Override public void close() {
        worker.shutdownNow();
        decoder.close();
    }
}
