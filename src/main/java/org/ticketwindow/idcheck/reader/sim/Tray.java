package org.ticketwindow.idcheck.reader.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated reader's tray of fictional cards (training mode): one of each case a clerk must learn to handle.
 */
public final class Tray {
    private static final List<String> IDS = List.of(
            "ordinary", "ordinary-female", "long-term", "unreadable", "unreadable-auth", "expired", "forged-check-digit",
            "rare-pua", "rare-ext-b", "traditional", "long-name", "foreign-2017", "foreign-2023",
            "foreign-2023-long-name", "residence-permit-hk", "residence-permit-tw", "unknown-type");

    private Tray() {}

    public static List<String> ids() { return IDS; }

    public static List<CardFixture> cards() throws CardFixture.FixtureException {
        List<CardFixture> out = new ArrayList<>();
        for (String id : IDS) out.add(CardFixture.builtIn(id));
        return out;
    }
}
