package org.ticketwindow.idcheck.verify;

/**
 * Settings the rules read from the installation: the contact limit of L1 (100, raised in peak seasons by a
 * supervisor).
 */
public record Policy(int contactLimit) {
    public static final Policy DEFAULT = new Policy(100);

    public Policy {
        if (contactLimit < 1) throw new IllegalArgumentException("contact limit must be positive");
    }
}
