package org.ticketwindow.idcheck.reader;

/**
 * Who holds a reader ({@link ReaderOwnership}): each is a sequence of exchanges that must not be mixed with another's
 * (a find by one resets the select of another, and the next read answers 0x41: a good card refused under D3).
 * The texts name the holder in the message a second user gets.
 */
public enum ReaderUse {
    WORKSPACE("工作台读卡", "the workspace's reading"),
    LIVE_LOG("技术维护页的实时事件", "the technician screen's live events"),
    CALIBRATION("校准", "a calibration"),
    SAM_CHECK("安全模块检查", "a security module check"),
    TUNING("保存参数并重新打开读卡器", "saving the tuning and reopening the reader"),
    COMMAND("命令行", "a command"),
    CLOSING("关闭读卡器", "closing the reader");

    private final String zh;
    private final String en;

    ReaderUse(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }
    public String en() { return en; }
}
