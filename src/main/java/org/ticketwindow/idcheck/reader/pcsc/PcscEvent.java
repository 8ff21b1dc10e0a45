package org.ticketwindow.idcheck.reader.pcsc;

/** Device-level PC/SC changes seen by {@link PcscMonitor}: readers plugged and unplugged, cards in and out. */
public sealed interface PcscEvent {
    record ReaderAdded(String readerName) implements PcscEvent {}
    record ReaderRemoved(String readerName) implements PcscEvent {}
    record CardInserted(String readerName) implements PcscEvent {}
    record CardRemoved(String readerName) implements PcscEvent {}
    /** pcscd stopped answering (message says what to do). */
    record ServiceLost(String message) implements PcscEvent {}
    record ServiceBack() implements PcscEvent {}
}
