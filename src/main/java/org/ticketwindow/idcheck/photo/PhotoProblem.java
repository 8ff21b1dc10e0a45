package org.ticketwindow.idcheck.photo;

/**
 * Why a card's photo is not shown: the clerk's sentence (Chinese, English) and whether the card's data was refused
 * (exit 4 of {@code idcheck photo}) or the decoder failed (exit 5). The technician's line travels beside it in
 * {@link PhotoResult.NotDecoded#technician()}.
 */
public enum PhotoProblem {
    NOT_CONFIGURED("照片未解码：本机未配置照片解码器", "Photo not decoded: no photo decoder is configured on this counter"),
    LIBRARY_MISSING("照片未解码：照片解码库缺失或无法加载，请联系技术人员",
            "Photo not decoded: the photo decoder library is missing or cannot be loaded; call a technician"),
    NOT_LICENSED("照片未解码：照片解码库未获得本读卡器的授权，请联系技术人员",
            "Photo not decoded: the photo decoder is not licensed for this reader; call a technician"),
    NOT_A_WLT_PHOTO("照片未解码：卡内照片数据不完整或不是身份证照片格式",
            "Photo not decoded: the card's photo data is corrupt or not an ID card photo"),
    CRASHED("照片未解码：照片解码程序异常退出（下一张卡会自动重启）",
            "Photo not decoded: the photo decoder crashed (it restarts with the next card)"),
    TIMED_OUT("照片未解码：照片解码超时（下一张卡会自动重启）",
            "Photo not decoded: the photo decoder did not answer in time (it restarts with the next card)"),
    DECODER_FAILED("照片未解码：照片解码失败，请联系技术人员", "Photo not decoded: the photo decoder failed; call a technician");

    private final String zh;
    private final String en;

    PhotoProblem(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }

    /** The card's data was refused (before or by the decoder), as opposed to the decoder failing. */
    public boolean dataRefused() { return this == NOT_A_WLT_PHOTO; }
}
