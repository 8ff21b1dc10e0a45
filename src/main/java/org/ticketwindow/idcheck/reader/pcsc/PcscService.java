package org.ticketwindow.idcheck.reader.pcsc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import java.lang.reflect.Field;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PC/SC service (pcscd / WinSCard) as the console sees it. Uses {@code TerminalFactory.getInstance("PC/SC")}:
 * {@code getDefault()} silently returns an empty factory when pcscd is down. The JDK keeps its PC/SC context in a
 * static field, so after pcscd restarts every call fails with SCARD_E_NO_SERVICE; {@link #rebuild()} resets that
 * context (needs {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED}, set by bin/idcheck).
 */
public final class PcscService {
    private static final Logger log = LoggerFactory.getLogger(PcscService.class);

    /** The service cannot be used: not installed, not running, or its library missing. */
    public static final class UnavailableException extends Exception {
        private final org.ticketwindow.idcheck.text.Text text;

        public UnavailableException(String message, org.ticketwindow.idcheck.text.Text text, Throwable cause) {
            super(message, cause);
            this.text = text;
        }

        /** What is wrong and what to do, for the technician's screen in its language (the code beside it). */
        public org.ticketwindow.idcheck.text.Text text() { return text; }
    }

    private TerminalFactory factory;

    public PcscService() {}

    /** Points the JDK at a PC/SC library other than the system default (profile key {@code pcscLibrary}). */
    public static void useLibrary(String path) {
        if (System.getProperty("sun.security.smartcardio.library") == null) {
            System.setProperty("sun.security.smartcardio.library", path);
        }
    }

    private synchronized TerminalFactory factory() throws UnavailableException {
        if (factory == null) {
            try {
                factory = TerminalFactory.getInstance("PC/SC", null);
            } catch (NoSuchAlgorithmException e) {
                throw new UnavailableException("PC/SC is not available (is pcscd installed and running, and libpcsclite present?): "
                        + rootMessage(e), org.ticketwindow.idcheck.text.Text.of("pcsc.notAvailable", rootMessage(e)), e);
            }
        }
        return factory;
    }

    /** Names of the readers present now; empty when there are none. Rebuilds the context once if pcscd restarted. */
    public synchronized List<String> readerNames() throws UnavailableException {
        try {
            return names(factory().terminals().list());
        } catch (CardException e) {
            if (PcscErrors.code(e).equals("SCARD_E_NO_READERS_AVAILABLE")) return List.of();
            if (!PcscErrors.serviceGone(e)) {
                throw new UnavailableException("listing PC/SC readers failed: " + PcscErrors.code(e),
                        org.ticketwindow.idcheck.text.Text.of("pcsc.listFailed", PcscErrors.code(e)), e);
            }
            log.warn("PC/SC service lost ({}); rebuilding the context", PcscErrors.code(e));
            rebuild();
            try {
                return names(factory().terminals().list());
            } catch (CardException again) {
                if (PcscErrors.code(again).equals("SCARD_E_NO_READERS_AVAILABLE")) return List.of();
                throw new UnavailableException("the PC/SC service is not running (" + PcscErrors.code(again)
                        + "): start pcscd, or restart the console if it was restarted",
                        org.ticketwindow.idcheck.text.Text.of("pcsc.serviceGone", PcscErrors.code(again)), again);
            }
        }
    }

    public synchronized CardTerminal terminal(String name) throws UnavailableException {
        return factory().terminals().getTerminal(name);
    }

    /** Drops the JDK's static PC/SC context and our factory so the next call connects to the service afresh. */
    public synchronized void rebuild() {
        factory = null;
        try {
            Class<?> terminals = Class.forName("sun.security.smartcardio.PCSCTerminals");
            Field context = terminals.getDeclaredField("contextId");
            context.setAccessible(true);
            context.setLong(null, 0L);
            Field cache = terminals.getDeclaredField("terminals");
            cache.setAccessible(true);
            ((Map<?, ?>) cache.get(null)).clear();
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("cannot reset the JDK's PC/SC context ({}); restart the console after restarting pcscd", e.toString());
        }
    }

    private static List<String> names(List<CardTerminal> list) {
        List<String> out = new ArrayList<>();
        for (CardTerminal t : list) out.add(t.getName());
        return out;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return Optional.ofNullable(t.getMessage()).orElse(t.toString());
    }
}
