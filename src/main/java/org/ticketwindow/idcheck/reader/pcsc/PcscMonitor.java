package org.ticketwindow.idcheck.reader.pcsc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.smartcardio.CardException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hot-plug by polling: lists readers and their card state at an interval and reports the differences. The JDK's
 * {@code waitForChange} misses readers being added and removed, hence polling.
 */
public final class PcscMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PcscMonitor.class);

    private final PcscService service;
    private final Duration interval;
    private final Consumer<PcscEvent> listener;
    private final Thread thread;
    private volatile boolean running = true;
    private Set<String> readers = new LinkedHashSet<>();
    private Set<String> withCard = new HashSet<>();
    private boolean serviceLost;

    public PcscMonitor(PcscService service, Duration interval, Consumer<PcscEvent> listener) {
        this.service = service;
        this.interval = interval;
        this.listener = listener;
        this.thread = Thread.ofPlatform().name("pcsc-monitor").daemon().unstarted(this::run);
    }

    public PcscMonitor start() {
        thread.start();
        return this;
    }

    /** One poll: compares with the previous state and reports the changes (also usable without the thread). */
    public List<PcscEvent> poll() {
        List<PcscEvent> events = new ArrayList<>();
        List<String> now;
        try {
            now = service.readerNames();
        } catch (PcscService.UnavailableException e) {
            if (!serviceLost) events.add(new PcscEvent.ServiceLost(e.getMessage()));
            serviceLost = true;
            for (String r : readers) events.add(new PcscEvent.ReaderRemoved(r));
            readers = new LinkedHashSet<>();
            withCard = new HashSet<>();
            return events;
        }
        if (serviceLost) events.add(new PcscEvent.ServiceBack());
        serviceLost = false;
        Set<String> nowSet = new LinkedHashSet<>(now);
        for (String r : readers) {
            if (!nowSet.contains(r)) {
                if (withCard.remove(r)) events.add(new PcscEvent.CardRemoved(r));
                events.add(new PcscEvent.ReaderRemoved(r));
            }
        }
        for (String r : nowSet) if (!readers.contains(r)) events.add(new PcscEvent.ReaderAdded(r));
        for (String r : nowSet) {
            boolean present;
            try {
                present = service.terminal(r).isCardPresent();
            } catch (CardException | PcscService.UnavailableException e) {
                present = false;
            }
            if (present && withCard.add(r)) events.add(new PcscEvent.CardInserted(r));
            if (!present && withCard.remove(r)) events.add(new PcscEvent.CardRemoved(r));
        }
        readers = nowSet;
        return events;
    }

    private void run() {
        while (running) {
            for (PcscEvent e : poll()) {
                try {
                    listener.accept(e);
                } catch (RuntimeException ex) {
                    log.error("PC/SC event listener failed", ex);
                }
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override public void close() {
        running = false;
        thread.interrupt();
    }
}
