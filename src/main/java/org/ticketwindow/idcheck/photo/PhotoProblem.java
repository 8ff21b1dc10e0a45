package org.ticketwindow.idcheck.photo;

/**
 * Why a card's photo is not shown: the clerk's sentence (Chinese, English) and whether the card's data was refused
 * (exit 4 of {@code idcheck photo}) or the decoder failed (exit 5). The technician's line travels beside it in
 * {@link PhotoResult.NotDecoded#technician()}.
 */
public enum PhotoProblem {
    NOT_CONFIGURED,
    LIBRARY_MISSING,
    NOT_LICENSED,
    NOT_A_WLT_PHOTO,
    CRASHED,
    TIMED_OUT,
    DECODER_FAILED;

    /** The card's data was refused (before or by the decoder), as opposed to the decoder failing. */
    public boolean dataRefused() { return this == NOT_A_WLT_PHOTO; }
}
