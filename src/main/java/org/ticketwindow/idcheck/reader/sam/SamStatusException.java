package org.ticketwindow.idcheck.reader.sam;

/** A command answered with a status other than the one it needed (for single commands outside the read flow). */
public final class SamStatusException extends Exception {
    private final SamResponse response;

    public SamStatusException(SamCommand command, SamResponse response) {
        super(command + " answered " + response.status().map(s -> s.hex() + " " + s)
                .orElse(String.format("unknown status 0x%02X (SW1 SW2 %02X %02X)", response.sw3(), response.sw1(), response.sw2())));
        this.response = response;
    }

    public SamResponse response() { return response; }
}
