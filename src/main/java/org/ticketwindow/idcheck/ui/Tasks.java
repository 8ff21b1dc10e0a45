package org.ticketwindow.idcheck.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The one way view models do slow work: on {@code background}, with the answer handed to {@code ui} (the JavaFX
 * thread in the console, the calling thread in tests). The UI thread never waits on I/O.
 */
public record Tasks(Executor background, Executor ui) {

    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        try {
            background.execute(() -> {
                try {
                    T result = work.call();
                    ui.execute(() -> done.accept(result));
                } catch (Exception e) {
                    ui.execute(() -> failed.accept(e));
                }
            });
        } catch (RejectedExecutionException closing) {
            // the console is closing (its background executor is shut down): a timer's last refresh has nowhere to run
        }
    }

    /** Hands {@code update} to the UI thread (reader and sync events arrive on their own threads). */
    public void onUi(Runnable update) { ui.execute(update); }
}
