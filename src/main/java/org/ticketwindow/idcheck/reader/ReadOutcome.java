package org.ticketwindow.idcheck.reader;

import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.CardDefect;
import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;

import java.util.List;
import java.util.Optional;

/**
 * What one read attempt came to (rule D3, D5). Only {@link Read} may be used for a verification; {@link Unreadable}
 * and {@link Refused} are refusals recorded as results; {@link NoCard} means keep waiting; {@link DeviceFault} is a
 * reader problem, never blamed on the passenger's card. The full mapping is in docs/reader.md.
 */
public sealed interface ReadOutcome {

    /** One sentence for the clerk, by key ({@code read.*}). */
    Text clerk();

    /** A card read and passed its checks. */
    record Read(CardData card, StageTimings timings) implements ReadOutcome {
        @Override public Text clerk() { return Text.of("read.READ", card.type()); }
        @Override public String toString() { return "Read[" + card + "]"; }
    }

    /** A card read but failed its checks (D5: possible forged or damaged card; D1: out of date). */
    record Refused(CardData card, List<CardDefect> defects) implements ReadOutcome {
        public Refused {
            defects = List.copyOf(defects);
        }

        public boolean suspectCard() { return defects.stream().anyMatch(CardDefect::suspectCard); }

        @Override public Text clerk() { return Text.of("read.REFUSED", defects); }

        public Text passenger() { return Text.of(suspectCard() ? "read.passenger.NEW_CARD" : "read.passenger.OUT_OF_DATE"); }

        @Override public String toString() { return "Refused[" + card + ", " + defects + "]"; }
    }

    /** No card on the reader; {@code removedDuringRead} when a card was there and went away mid-read. */
    record NoCard(boolean removedDuringRead) implements ReadOutcome {
        @Override public Text clerk() { return Text.of(removedDuringRead ? "read.REMOVED" : "read.NO_CARD"); }
    }

    /**
     * A card is there but could not be read after the profile's bounded retries (D3): refused, the passenger must
     * get a new card from the issuing authority.
     */
    record Unreadable(Optional<org.ticketwindow.idcheck.reader.SamStatus> lastStatus, int attempts, String detail)
            implements ReadOutcome {
        /** The last status with its code beside it ("读居民身份证操作失败，0x41"), or the technical detail. */
        @Override public Text clerk() {
            return Text.of("read.UNREADABLE", lastStatus.<Object>map(s -> Text.of("read.status", s, s.hex())).orElse(detail), attempts);
        }

        public Text passenger() { return Text.of("read.passenger.NEW_CARD"); }
    }

    /** The reader, its SAM or the link failed (D3: a device problem, not the passenger's card). */
    record DeviceFault(DeviceFaultKind kind, Optional<org.ticketwindow.idcheck.reader.SamStatus> status, String detail)
            implements ReadOutcome {
        @Override public Text clerk() { return Text.of("read.FAULT", kind, Text.of(Texts.key(kind) + ".action")); }
    }

}
