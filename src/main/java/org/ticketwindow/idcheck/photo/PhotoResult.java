package org.ticketwindow.idcheck.photo;

import java.util.Objects;

/** What decoding a card's photo gave: the photo, or the reason it is not shown (always one of them). */
public sealed interface PhotoResult {

    record Decoded(Photo photo) implements PhotoResult {
        public Decoded {
            Objects.requireNonNull(photo);
        }
    }

    /**
     * Not decoded: the clerk's reason and the technician's line (which library, what it returned or how it ended;
     * never the photo's bytes).
     */
    record NotDecoded(PhotoProblem problem, String technician) implements PhotoResult {
        public NotDecoded {
            Objects.requireNonNull(problem);
            technician = technician == null ? "" : technician;
        }
    }

    static NotDecoded not(PhotoProblem problem, String technician) { return new NotDecoded(problem, technician); }
}
