package org.ticketwindow.idcheck.validation;

/**
 * One thing wrong in a file a person wrote (a hardware profile, the installation file, a case file): which file, which
 * key (a dotted path such as {@code match.usb[0]}, or {@code -} for the file as a whole) and why, in the words the
 * technician or trainer reads. The reason names the place and what is allowed there; where the file may hold personal
 * data the validator leaves the value out (PD1).
 */
public record Problem(String file, String key, String reason) {
    @Override public String toString() { return file + ": " + key + ": " + reason; }
}
