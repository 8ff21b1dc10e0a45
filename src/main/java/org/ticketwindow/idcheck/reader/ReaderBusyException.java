package org.ticketwindow.idcheck.reader;

/** The reader stayed held by another use for longer than the caller would wait: nothing was sent to it. */
public final class ReaderBusyException extends Exception {
    private final ReaderUse wanted;
    private final ReaderUse holder;

    public ReaderBusyException(String reader, ReaderUse wanted, ReaderUse holder) {
        super("读卡器 " + reader + " 正在用于" + holder.zh() + "，" + wanted.zh() + "未开始，请等其结束后再试 / reader " + reader
                + " is in use by " + holder.en() + ": " + wanted.en() + " did not start; try again once it has finished");
        this.wanted = wanted;
        this.holder = holder;
    }

    public ReaderUse wanted() { return wanted; }
    public ReaderUse holder() { return holder; }
}
