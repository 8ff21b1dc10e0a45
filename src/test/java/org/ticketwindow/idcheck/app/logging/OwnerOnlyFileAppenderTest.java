package org.ticketwindow.idcheck.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OwnerOnlyFileAppenderTest {
    @TempDir Path dir;

    @Test
    @DisplayName("PD2 a log file logback creates, at start and after a rollover, is owner-only from its creation whatever the umask")
    void newFilesAreOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "no POSIX permissions on this file system");
        LoggerContext context = new LoggerContext();
        OwnerOnlyFileAppender<ILoggingEvent> appender = new OwnerOnlyFileAppender<>();
        appender.setContext(context);
        Path file = dir.resolve("logs/audit.log");
        appender.setFile(file.toString());
        FixedWindowRollingPolicy policy = new FixedWindowRollingPolicy();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(dir.resolve("logs/audit.%i.log").toString());
        policy.start();
        appender.setRollingPolicy(policy);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.start();
        appender.setTriggeringPolicy(trigger);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        try {
            assertThat(appender.isStarted()).isTrue();
            assertThat(perms(file)).isEqualTo("rw-------");
            assertThat(perms(file.getParent())).isEqualTo("rwx------");
            appender.rollover();
            assertThat(Files.list(file.getParent()).filter(p -> !p.equals(file)).count()).as("the rolled file").isEqualTo(1);
            assertThat(perms(file)).as("the file opened after the rollover").isEqualTo("rw-------");
        } finally {
            appender.stop();
            context.stop();
        }
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
