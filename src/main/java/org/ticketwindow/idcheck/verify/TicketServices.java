package org.ticketwindow.idcheck.verify;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which ticket services this counter may do for a record (T1–T5, E3), what only a station window may do, and what
 * must be shown. {@code orderNumberRequired}: T3; {@code selfServiceExchange}: T2; {@code preVerificationFirst}: T4.
 */
public record TicketServices(Set<TicketService> here, Set<TicketService> stationWindowOnly, boolean orderNumberRequired,
                             boolean selfServiceExchange, boolean preVerificationFirst, List<Reason> basis) {
    public TicketServices {
        here = Set.copyOf(here);
        stationWindowOnly = Set.copyOf(stationWindowOnly);
        basis = List.copyOf(basis);
    }

    private static final Set<TicketService> ALL_AFTER_SALE = EnumSet.of(TicketService.EXCHANGE, TicketService.CHANGE,
            TicketService.REFUND);

    /**
     * The services for a record in {@code status} with a document of {@code type}.
     *
     * @param special     the name is special (N6): T3
     * @param exactMatch  name and number equal the website exactly: T2
     */
    public static TicketServices of(CounterKind counter, RecordStatus status, DocumentType type, boolean special,
                                    boolean exactMatch) {
        if (type.isPassportOrPermit()) {
            return switch (status) {
                case PASSED, PRE_PASSED -> at(counter, ALL_AFTER_SALE, EnumSet.of(TicketService.EXCHANGE), false, false, false,
                        Reasons.t5());
                case REPORT -> at(counter, EnumSet.of(TicketService.REFUND), EnumSet.noneOf(TicketService.class), false, false,
                        true, Reasons.t4Report());
                case FAILED -> at(counter, EnumSet.of(TicketService.REFUND), EnumSet.noneOf(TicketService.class), false, false,
                        false, Reasons.t4Failed());
                case PENDING -> at(counter, EnumSet.of(TicketService.REFUND), EnumSet.noneOf(TicketService.class), false, false,
                        false, Reasons.refundOnly(status));
            };
        }
        return switch (status) {
            case PASSED, PRE_PASSED -> special
                    ? at(counter, ALL_AFTER_SALE, EnumSet.of(TicketService.EXCHANGE), true, false, false, Reasons.t3())
                    : exactMatch
                    ? at(counter, ALL_AFTER_SALE, EnumSet.of(TicketService.EXCHANGE), false, true, false, Reasons.t1(), Reasons.t2())
                    : at(counter, ALL_AFTER_SALE, EnumSet.of(TicketService.EXCHANGE), false, false, false, Reasons.t1());
            case PENDING, FAILED, REPORT -> at(counter, EnumSet.of(TicketService.REFUND), EnumSet.noneOf(TicketService.class),
                    false, false, false, Reasons.refundOnly(status));
        };
    }

    /** An accepted electronic proof: sale, change and refund at a station window (E3); nothing at an agency. */
    public static TicketServices forElectronicProof(CounterKind counter) {
        Set<TicketService> station = EnumSet.of(TicketService.SALE, TicketService.CHANGE, TicketService.REFUND);
        return at(counter, station, EnumSet.noneOf(TicketService.class), false, false, false, Reasons.e3Services());
    }

    private static TicketServices at(CounterKind counter, Set<TicketService> atStation, Set<TicketService> atAgency,
                                     boolean order, boolean selfService, boolean preVerify, Reason... basis) {
        if (counter == CounterKind.STATION_WINDOW) {
            return new TicketServices(atStation, Set.of(), order, selfService, preVerify, List.of(basis));
        }
        Set<TicketService> onlyStation = EnumSet.noneOf(TicketService.class);
        onlyStation.addAll(atStation);
        onlyStation.removeAll(atAgency);
        return new TicketServices(atAgency, onlyStation, order, selfService, preVerify, List.of(basis));
    }
}
