package org.ticketwindow.idcheck.reader;

import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.CardDefect;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one read attempt came to (rule D3, D5). Only {@link Read} may be used for a verification; {@link Unreadable}
 * and {@link Refused} are refusals recorded as results; {@link NoCard} means keep waiting; {@link DeviceFault} is a
 * reader problem, never blamed on the passenger's card. The full mapping is in docs/reader.md.
 */
public sealed interface ReadOutcome {

    /** One sentence for the clerk, Chinese. */
    String clerkZh();

    String clerkEn();

    /** A card read and passed its checks. */
    record Read(CardData card, StageTimings timings) implements ReadOutcome {
        @Override public String clerkZh() { return "读卡成功：" + card.type().zh(); }
        @Override public String clerkEn() { return "card read: " + card.type().en(); }
        @Override public String toString() { return "Read[" + card + "]"; }
    }

    /** A card read but failed its checks (D5: possible forged or damaged card; D1: out of date). */
    record Refused(CardData card, List<CardDefect> defects) implements ReadOutcome {
        public Refused {
            defects = List.copyOf(defects);
        }

        public boolean suspectCard() { return defects.stream().anyMatch(CardDefect::suspectCard); }

        @Override public String clerkZh() {
            return "证件未通过检查：" + defects.stream().map(CardDefect::detailZh).collect(Collectors.joining("；"));
        }

        @Override public String clerkEn() {
            return "the card failed its checks: " + defects.stream().map(CardDefect::detailEn).collect(Collectors.joining("; "));
        }

        public String passengerZh() {
            return suspectCard() ? ReadOutcome.NEW_CARD_ZH : "您的证件已过有效期或尚未生效，请使用有效证件。";
        }

        @Override public String toString() { return "Refused[" + card + ", " + defects + "]"; }
    }

    /** No card on the reader; {@code removedDuringRead} when a card was there and went away mid-read. */
    record NoCard(boolean removedDuringRead) implements ReadOutcome {
        @Override public String clerkZh() { return removedDuringRead ? "读卡过程中证件被移开，请重新放置" : "请将证件放在读卡器上"; }
        @Override public String clerkEn() {
            return removedDuringRead ? "the card was moved during the read: place it again" : "place the card on the reader";
        }
    }

    /**
     * A card is there but could not be read after the profile's bounded retries (D3): refused, the passenger must
     * get a new card from the issuing authority.
     */
    record Unreadable(Optional<org.ticketwindow.idcheck.reader.SamStatus> lastStatus, int attempts, String detail)
            implements ReadOutcome {
        @Override public String clerkZh() {
            return "证件无法自动识读（" + lastStatus.map(s -> s.zh() + "，" + s.hex()).orElse(detail) + "，已尝试 " + attempts + " 次）";
        }

        @Override public String clerkEn() {
            return "the card cannot be read automatically (" + lastStatus.map(s -> s.en() + ", " + s.hex()).orElse(detail)
                    + ", " + attempts + " attempts)";
        }

        public String passengerZh() { return NEW_CARD_ZH; }

        public String passengerEn() { return NEW_CARD_EN; }
    }

    /** The reader, its SAM or the link failed (D3: a device problem, not the passenger's card). */
    record DeviceFault(DeviceFaultKind kind, Optional<org.ticketwindow.idcheck.reader.SamStatus> status, String detail)
            implements ReadOutcome {
        @Override public String clerkZh() { return kind.zh() + "。" + kind.actionZh(); }
        @Override public String clerkEn() { return kind.en() + ". " + kind.actionEn(); }
    }

    String NEW_CARD_ZH = "您的二代居民身份证无法自动识读，不能办理核验，请到发证机关（户籍所在地公安机关）申请换领新证。";
    String NEW_CARD_EN = "Your ID card cannot be read automatically and cannot be used for verification. "
            + "Please apply for a new card at the issuing authority (the public security bureau of your household registration).";
}
