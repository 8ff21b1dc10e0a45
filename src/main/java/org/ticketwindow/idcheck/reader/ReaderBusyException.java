package org.ticketwindow.idcheck.reader;

import org.ticketwindow.idcheck.text.Texts;

/** The reader stayed held by another use for longer than the caller would wait: nothing was sent to it. */
public final class ReaderBusyException extends Exception {
    private final ReaderUse wanted;
    private final ReaderUse holder;

    public ReaderBusyException(String reader, ReaderUse wanted, ReaderUse holder) {
        super(Texts.chinese().get("reader.busy", reader, holder, wanted) + " / " + Texts.english().get("reader.busy", reader, holder, wanted));
        this.wanted = wanted;
        this.holder = holder;
    }

    public ReaderUse wanted() { return wanted; }
    public ReaderUse holder() { return holder; }
}
