package org.ticketwindow.idcheck.app.logging;

import ch.qos.logback.core.rolling.RollingFileAppender;
import org.ticketwindow.idcheck.store.AtomicFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/**
 * A rolling file appender whose files are owner-only (600) from their creation, whatever the umask (PD2): logback
 * creates the file when it starts and again after every rollover, so narrowing it afterwards (as {@link LogDirectory}
 * does for files an older version left) would leave each new day's file readable by everyone until the next start.
 */
public final class OwnerOnlyFileAppender<E> extends RollingFileAppender<E> {
    @Override public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName);
        try {
            AtomicFiles.ownerOnlyDirectory(file.toAbsolutePath().getParent());
            AtomicFiles.createOwnerOnly(file);
        } catch (FileAlreadyExistsException exists) {
            // appended to; LogDirectory narrowed it at start
        }
        super.openFile(fileName);
    }
}
