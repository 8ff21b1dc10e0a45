package org.ticketwindow.idcheck.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.ConsoleSession;
import org.ticketwindow.idcheck.app.CounterSettings;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Launches the clerk console: the JavaFX application that makes the stage and scene, finds a Chinese font, loads the
 * counter settings, and opens the session in the background while the window ({@link ConsoleWindow}) is already on
 * show. Keyboard: F1 help, F2 language, F3 F4 F7–F10 cases, F5/F6 training tray, F11 queue, F12 log out, Enter record,
 * Esc cancel or back, Ctrl+T technician, Ctrl+U supervisor, Ctrl+D dark theme, Ctrl+= / Ctrl+- / Ctrl+0 font size,
 * Ctrl+M sounds (see {@link ConsoleShell}).
 */
public final class ConsoleApp extends Application {
    /** Chinese-capable families, first found wins; none found is a visible warning, never boxes without a word. */
    static final List<String> CJK_FONTS = List.of("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC",
            "Microsoft YaHei", "SimHei", "PingFang SC");

    static final String PULSE_PROPERTY = "javafx.animation.pulse";
    private static volatile java.util.concurrent.CompletableFuture<ConsoleSession> opening;
    private static volatile AppHome startHome;
    private static volatile Locale startLocale = Messages.CHINESE;
    /** Started from the technician launcher: a technician or supervisor goes straight to the technician screen. */
    private static volatile boolean technicianStart;

    /** Refreshes the status line every 2 s off the UI thread (a Timeline would keep JavaFX pulsing: idle CPU). */
    private final java.util.concurrent.ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("console-status").daemon().factory());
    private final ExecutorService background = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("console-task-", 0).daemon().factory());
    private final ExecutorService readerThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("console-reader").daemon().factory());
    private ConsoleWindow window;
    private volatile ConsoleSession session;

    /**
     * Runs the console on {@code home} until the window is closed. The window comes first; the session (store, training
     * central, reader, sync) opens meanwhile in the background, so the clerk sees the login screen at once.
     */
    public static void run(AppHome home, Locale locale, boolean technician) {
        technicianStart = technician;
        // 20 pulses a second instead of 60: a counter screen is mostly still, and an idle console then costs ~1% of a
        // core instead of ~2% (docs/benchmarks.md); typing and a card on screen stay well under the eye's notice
        if (System.getProperty(PULSE_PROPERTY) == null) System.setProperty(PULSE_PROPERTY, "20");
        // opens while JavaFX starts: on two cores the two overlap, and the login form is usable sooner
        opening = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return ConsoleSession.open(home, Clock.systemUTC());
            } catch (org.ticketwindow.idcheck.reader.ProfileException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, r -> Thread.ofPlatform().name("console-open").daemon().start(r));
        startHome = home;
        startLocale = locale;
        Application.launch(ConsoleApp.class);
    }

    /** The session and language the next instance starts with (tests start it through TestFX). */
    static void use(ConsoleSession s, Locale locale) {
        opening = java.util.concurrent.CompletableFuture.completedFuture(s);
        startHome = s.runtime().home();
        startLocale = locale;
    }

    @Override public void start(Stage stage) {
        CounterSettings settings;
        String startFailure = null;
        try {
            settings = CounterSettings.load(startHome.counterSettings());
        } catch (CounterSettings.SettingsException e) {
            settings = CounterSettings.TRAINING;
            startFailure = e.getMessage();
        }
        Tasks tasks = new Tasks(background, Platform::runLater);
        List<String> chineseFonts = Font.getFamilies().stream().filter(CJK_FONTS::contains).toList();
        Scene scene = new Scene(new BorderPane(), 1280, 800);
        window = new ConsoleWindow(stage, scene, startHome, settings, startFailure, Messages.of(startLocale), tasks,
                readerThread, technicianStart, chineseFonts);
        ticker.scheduleWithFixedDelay(() -> Platform.runLater(window::refreshStatus), 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, window::key);
        stage.setScene(scene);
        window.showLogin();
        stage.setMaximized(true); // the counter's whole screen: the layout grows with it (1280×800 when restored)
        stage.show();
        if (startFailure == null) {
            long toolkitUp = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            boolean soundsOn = window.preferences().sounds();
            tasks.run(() -> new Sounds(soundsOn), window::useSounds, e -> { });
            tasks.run(() -> {
                try {
                    return opening.join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof Exception x ? x : e;
                }
            }, s -> {
                org.slf4j.LoggerFactory.getLogger(ConsoleApp.class).info("window up {} ms, session open {} ms after JVM start",
                        toolkitUp, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                session = s;
                window.opened(s);
            }, e -> {
                // a store fault (restored, damaged, key missing…) in the clerk's words first, then the technician's detail
                window.failed(e instanceof org.ticketwindow.idcheck.store.StoreException s ? Messages.of(Messages.CHINESE).of(s.kind()) + "\n" + s.getMessage()
                        : e.getMessage());
            });
        }
    }

    @Override public void stop() {
        ticker.shutdownNow();
        if (window != null) {
            window.leaveScreen();
            try {
                window.closing();
            } catch (RuntimeException e) { // a store fault at closing loses a log-out line, not the window's close
                org.slf4j.LoggerFactory.getLogger(ConsoleApp.class).warn("the log-out could not be audited: {}", e.toString());
            }
        }
        readerThread.shutdownNow();
        background.shutdownNow();
        if (session != null) session.close();
    }
}
