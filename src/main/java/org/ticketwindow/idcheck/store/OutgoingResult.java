package org.ticketwindow.idcheck.store;

/** A result claimed for sending: its id, order and decrypted body (the wire envelope, personal data inside). */
public record OutgoingResult(String id, String counterId, long sequence, int attempts, byte[] body) {
    @Override public String toString() {
        return "OutgoingResult[" + id + ", " + counterId + " #" + sequence + ", attempt " + attempts + "]";
    }
}
