package org.ticketwindow.idcheck.reader;

import java.util.Optional;

/**
 * Every SW3 code of docs/protocol.md §1.4, with its published Chinese text, an English text, and how the console
 * classifies it (rule D3; the full table with reasons is in docs/reader.md).
 */
public enum SamStatus {
    SUCCESS(0x90, "操作成功", "success", Category.OK),
    NO_CONTENT(0x91, "居民身份证中此项无内容", "the card has no content for this item", Category.OK),
    CARD_FOUND(0x9F, "寻找居民身份证成功", "card found", Category.OK),
    HOST_CHECKSUM_ERROR(0x10, "接收业务终端数据的校验和错", "the reader received a frame with a bad checksum", Category.DEVICE),
    HOST_LENGTH_ERROR(0x11, "接收业务终端数据的长度错", "the reader received a frame with a bad length", Category.DEVICE),
    HOST_COMMAND_ERROR(0x21, "接收业务终端的命令错误", "the reader received an invalid command", Category.DEVICE),
    NOT_PERMITTED(0x23, "越权操作", "operation not permitted", Category.DEVICE),
    UNRECOGNISED_ERROR(0x24, "无法识别的错误", "unrecognised error", Category.DEVICE),
    CARD_AUTH_SAM_FAILED(0x31, "居民身份证认证SAM失败", "the card failed to authenticate the SAM", Category.CARD),
    SAM_AUTH_CARD_FAILED(0x32, "SAM认证居民身份证失败", "the SAM failed to authenticate the card", Category.CARD),
    INFO_VERIFICATION_FAILED(0x33, "信息验证失败", "card information verification failed", Category.CARD),
    FINGERPRINT_VERIFICATION_FAILED(0x37, "指纹信息验证错误", "fingerprint data verification error", Category.CARD),
    INFO_LENGTH_ERROR(0x3F, "信息长度错误", "card information length error", Category.CARD),
    UNRECOGNISED_CARD_TYPE(0x40, "无法识别的居民身份证类型", "unrecognised card type", Category.CARD),
    READ_FAILED(0x41, "读居民身份证操作失败", "reading the card failed", Category.CARD),
    RANDOM_NUMBER_FAILED(0x47, "取随机数失败", "getting a random number from the card failed", Category.CARD),
    SAM_SELF_TEST_FAILED(0x60, "SAM自检失败，不能接收命令", "SAM self-test failed, it cannot accept commands", Category.DEVICE),
    SAM_NOT_AUTHORISED(0x66, "SAM没经过授权，无法使用", "the SAM is not authorised", Category.DEVICE),
    FIND_FAILED(0x80, "寻找居民身份证失败", "no card found", Category.NO_CARD),
    SELECT_FAILED(0x81, "选取居民身份证失败", "selecting the card failed", Category.CARD);

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
    private final String zh;
    private final String en;
    private final Category category;

    SamStatus(int code, String zh, String en, Category category) {
        this.code = code;
        this.zh = zh;
        this.en = en;
        this.category = category;
    }

    public int code() { return code; }
    public String zh() { return zh; }
    public String en() { return en; }
    public Category category() { return category; }

    public String hex() { return String.format("0x%02X", code); }

    public static Optional<SamStatus> byCode(int code) {
        for (SamStatus s : values()) if (s.code == (code & 0xFF)) return Optional.of(s);
        return Optional.empty();
    }
}
