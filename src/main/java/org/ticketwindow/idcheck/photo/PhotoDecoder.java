package org.ticketwindow.idcheck.photo;

/**
 * The port: a card's photo bytes in, the decoded photo or the reason out. Never throws for bad data or a failing
 * library; blocking (the console calls it through {@link PhotoService}). Implementations: {@link IsolatedDecoder}
 * (the vendor's library in a helper process), {@link TrainingPortraits#decoder} (training cards),
 * {@link #none()}.
 */
public interface PhotoDecoder extends AutoCloseable {

    PhotoResult decode(byte[] wlt);

    /** What decodes, for the technician (doctor in English, technician screen in its language). */
    org.ticketwindow.idcheck.text.Text describe();

    /**
     * Gets ready ahead of the first card (starts the helper and loads the library).
     *
     * @return empty when ready; otherwise what the next photo's reason would be
     */
    default java.util.Optional<PhotoResult.NotDecoded> prepare() { return java.util.Optional.empty(); }

    /** Stops whatever runs behind it (the helper process); decoding afterwards starts it again. */
    @Override default void close() {}

    /** The decoder a hardware profile configures: the vendor's library in the helper process, or none. */
    static PhotoDecoder of(java.util.Optional<DecoderSettings> settings) {
        return settings.<PhotoDecoder>map(s -> new IsolatedDecoder(s, HelperLauncher.sameRuntime())).orElseGet(PhotoDecoder::none);
    }

    /** No decoder configured: every photo gets {@link PhotoProblem#NOT_CONFIGURED}. */
    static PhotoDecoder none() {
        return new PhotoDecoder() {
            @Override public PhotoResult decode(byte[] wlt) {
                return PhotoResult.not(PhotoProblem.NOT_CONFIGURED, "the hardware profile has photoDecoder: none");
            }
            @Override public org.ticketwindow.idcheck.text.Text describe() { return org.ticketwindow.idcheck.text.Text.of("photo.none"); }
            @Override public java.util.Optional<PhotoResult.NotDecoded> prepare() {
                return java.util.Optional.of(PhotoResult.not(PhotoProblem.NOT_CONFIGURED, "the hardware profile has photoDecoder: none"));
            }
        };
    }
}
