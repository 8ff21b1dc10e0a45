package org.ticketwindow.idcheck.reader.pcsc;

import org.ticketwindow.idcheck.reader.sam.SamIoException;

import javax.smartcardio.CardException;

/** Maps PC/SC error codes (carried in the JDK's exception messages) to what the console does about them. */
final class PcscErrors {
    private PcscErrors() {}

    static String code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                int i = m.indexOf("SCARD_");
                if (i >= 0) {
                    int j = i;
                    while (j < m.length() && (Character.isLetterOrDigit(m.charAt(j)) || m.charAt(j) == '_')) j++;
                    return m.substring(i, j);
                }
            }
        }
        return "";
    }

    /** The service (pcscd) is gone or was restarted: the context must be rebuilt. */
    static boolean serviceGone(Throwable e) {
        String c = code(e);
        return c.equals("SCARD_E_NO_SERVICE") || c.equals("SCARD_E_SERVICE_STOPPED") || c.equals("SCARD_E_INVALID_HANDLE");
    }

    static SamIoException toIo(CardException e, String readerName) {
        String c = code(e);
        SamIoException.Kind kind = switch (c) {
            case "SCARD_W_REMOVED_CARD", "SCARD_E_NO_SMARTCARD", "SCARD_W_RESET_CARD", "SCARD_W_UNPOWERED_CARD" ->
                    SamIoException.Kind.CARD_GONE;
            case "SCARD_E_TIMEOUT" -> SamIoException.Kind.TIMEOUT;
            default -> SamIoException.Kind.PORT_GONE;
        };
        return new SamIoException(kind, readerName + ": " + (c.isEmpty() ? e.getMessage() : c), e);
    }
}
