package org.ticketwindow.idcheck.etp;

/**
 * Why a proof is refused, in the order of the checks of docs/etp.md. Every refusal carries the advice of E5.
 * {@link #ISSUED_IN_FUTURE} is ours (the spec's step 4 names no reason for {@code iat > now + skew}): it points the
 * clerk at the counter's clock, see docs/rules-decisions.md.
 */
public enum EtpRefusal {
    UNREADABLE("无法识别电子临时乘车身份证明二维码", "the QR code could not be read as an electronic proof"),
    UNKNOWN_ISSUER("二维码的签发机构不在本机信任列表中", "the issuer key is not in this counter's trust list"),
    BAD_SIGNATURE("二维码签名校验失败，可能被篡改", "the signature does not verify: the code may have been altered"),
    WRONG_DOCUMENT_TYPE("电子临时乘车身份证明仅限中国居民身份证持有人", "only resident ID card holders can hold this proof"),
    EXPIRED("电子临时乘车身份证明已超过24小时有效期", "the proof is past its 24-hour validity"),
    ISSUED_IN_FUTURE("证明的签发时间晚于本机时间，请核对本机时钟", "the proof's issue time is ahead of this counter's clock"),
    STALE_CODE("二维码已过期（每60秒刷新），请乘客刷新后重新出示", "the code is older than 60 seconds: ask for a refreshed code"),
    INVALID_ID_NUMBER("证明中的身份证号码未通过校验", "the ID number in the proof fails its check");

    private final String zh;
    private final String en;

    EtpRefusal(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }

    /** E5: where the passenger goes when the proof fails. */
    public static final String ADVICE_ZH = "请到车站公安制证窗口办理纸质临时乘车身份证明。";
    public static final String ADVICE_EN = "Go to the station police desk for a paper temporary identity proof.";
}
