package org.ticketwindow.idcheck.reader;

/** What a {@link ReaderLoop} reports to the console, on the reader's thread: listeners must hand off quickly. */
public sealed interface ReaderEvent {
    String readerName();

    /** A read came to an outcome other than "no card" (a card, a refusal or an unreadable card). */
    record CardOutcome(String readerName, ReadOutcome outcome) implements ReaderEvent {}

    /** The card that produced the last outcome was taken away: ready for the next passenger. */
    record CardRemoved(String readerName) implements ReaderEvent {}

    /** A card was found and is being read (its outcome follows). */
    record Reading(String readerName) implements ReaderEvent {}

    /** The reader failed; reported once per fault streak. */
    record Fault(String readerName, ReadOutcome.DeviceFault fault) implements ReaderEvent {}

    /** The reader answers again after a fault. */
    record Recovered(String readerName) implements ReaderEvent {}
}
