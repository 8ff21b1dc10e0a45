package org.ticketwindow.idcheck.reader;

/**
 * Why a read is a device fault (a reader, SAM or link problem, not the passenger's card; rule D3), with the
 * clerk's text and what to do next.
 */
public enum DeviceFaultKind {
    SAM_SELF_TEST_FAILED("读卡器安全模块(SAM)自检失败", "the reader's SAM failed its self-test",
            "请重启读卡器（拔插电源/USB）；仍不行请联系技术人员", "power-cycle the reader; if it persists call a technician"),
    SAM_NOT_AUTHORISED("读卡器安全模块(SAM)未经授权，无法使用", "the reader's SAM is not authorised",
            "请联系技术人员更换已授权的读卡器", "call a technician: the reader needs an authorised SAM"),
    FRAME_REJECTED("读卡器拒收本机发出的命令（校验/长度/命令错误）", "the reader rejected the console's command frame",
            "请检查串口线和端口设置，或在技术人员界面重新校准", "check the cable and port settings, or recalibrate"),
    NOT_PERMITTED("读卡器报告越权操作", "the reader reported an operation beyond its authority",
            "请联系技术人员检查读卡器配置", "call a technician to check the reader configuration"),
    UNRECOGNISED_ERROR("读卡器报告无法识别的错误", "the reader reported an unrecognised error",
            "请重试；多次出现请联系技术人员", "retry; if it repeats call a technician"),
    UNKNOWN_STATUS("读卡器返回了未知的状态码", "the reader answered an unknown status code",
            "请检查硬件配置文件是否与读卡器型号匹配", "check that the hardware profile matches the reader model"),
    TIMEOUT("读卡器无响应（超时）", "the reader did not answer in time",
            "请检查读卡器电源和连接线；仍不行请联系技术人员", "check the reader's power and cable"),
    PORT_GONE("读卡器连接已断开", "the reader connection is gone",
            "请重新插好读卡器连接线，系统会自动重连", "plug the reader back in; the console reconnects by itself"),
    OPEN_FAILED("无法打开读卡器端口", "the reader port cannot be opened",
            "请检查端口名称、权限（如 dialout 组）以及是否被其他程序占用", "check the port name, permissions (dialout) and that no other program holds it"),
    PROTOCOL("读卡器应答格式错误", "the reader's answer is malformed",
            "请检查连接线和波特率设置；多次出现请联系技术人员", "check the cable and baud rate");

    private final String zh;
    private final String en;
    private final String actionZh;
    private final String actionEn;

    DeviceFaultKind(String zh, String en, String actionZh, String actionEn) {
        this.zh = zh;
        this.en = en;
        this.actionZh = actionZh;
        this.actionEn = actionEn;
    }

    public String zh() { return zh; }
    public String en() { return en; }
    public String actionZh() { return actionZh; }
    public String actionEn() { return actionEn; }
}
