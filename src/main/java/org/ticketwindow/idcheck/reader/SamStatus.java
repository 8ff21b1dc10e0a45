package org.ticketwindow.idcheck.reader;

import java.util.Optional;

/**
 * Every SW3 code of docs/protocol.md §1.4, with its published Chinese text, an English text, and how the console
 * classifies it (rule D3; the full table with reasons is in docs/reader.md).
 */
public enum SamStatus {
    SUCCESS(0x90, Category.OK),
    NO_CONTENT(0x91, Category.OK),
    CARD_FOUND(0x9F, Category.OK),
    HOST_CHECKSUM_ERROR(0x10, Category.DEVICE),
    HOST_LENGTH_ERROR(0x11, Category.DEVICE),
    HOST_COMMAND_ERROR(0x21, Category.DEVICE),
    NOT_PERMITTED(0x23, Category.DEVICE),
    UNRECOGNISED_ERROR(0x24, Category.DEVICE),
    CARD_AUTH_SAM_FAILED(0x31, Category.CARD),
    SAM_AUTH_CARD_FAILED(0x32, Category.CARD),
    INFO_VERIFICATION_FAILED(0x33, Category.CARD),
    FINGERPRINT_VERIFICATION_FAILED(0x37, Category.CARD),
    INFO_LENGTH_ERROR(0x3F, Category.CARD),
    UNRECOGNISED_CARD_TYPE(0x40, Category.CARD),
    READ_FAILED(0x41, Category.CARD),
    RANDOM_NUMBER_FAILED(0x47, Category.CARD),
    SAM_SELF_TEST_FAILED(0x60, Category.DEVICE),
    SAM_NOT_AUTHORISED(0x66, Category.DEVICE),
    FIND_FAILED(0x80, Category.NO_CARD),
    SELECT_FAILED(0x81, Category.CARD);

    /** How a status code is treated by the read sequence. */
    public enum Category {
        /** The command succeeded (or, for 0x91, had nothing to return). */
        OK,
        /** No card on the reader: keep waiting. */
        NO_CARD,
        /** A card is there but this step failed: retry within the profile's bounds, then refuse as unreadable. */
        CARD,
        /** The reader, its SAM or the link is at fault: not the passenger's card. */
        DEVICE
    }

    private final int code;
    private final Category category;

    SamStatus(int code, Category category) {
        this.code = code;
        this.category = category;
    }

    public int code() { return code; }
    public Category category() { return category; }

    public String hex() { return String.format("0x%02X", code); }

    public static Optional<SamStatus> byCode(int code) {
        for (SamStatus s : values()) if (s.code == (code & 0xFF)) return Optional.of(s);
        return Optional.empty();
    }
}
