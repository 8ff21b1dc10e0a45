package org.ticketwindow.idcheck.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.ticketwindow.idcheck.app.logging.MaskingPatternLayout;
import org.ticketwindow.idcheck.reader.sim.CardFixture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingLogTest {

    @Test
    @DisplayName("PD1 logging a card, its number and its name leaves no unmasked ID number or name in the output")
    void cardIsMaskedInLogs() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        MaskingPatternLayout layout = new MaskingPatternLayout();
        layout.setContext(ctx);
        layout.setPattern("%-5level %logger - %msg%n%ex");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(ctx);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(ctx);
        appender.setEncoder(encoder);
        appender.setOutputStream(sink);
        appender.start();
        Logger log = ctx.getLogger("pd1-test");
        log.addAppender(appender);
        log.setAdditive(false);
        try {
            var card = CardFixture.builtIn("ordinary").card();
            log.warn("read {}", card);
            log.warn("number in clear by mistake: {}", card.idNumber().value());
            log.warn("name={}, address={}", card.name().value(), "北京市东城区示例大街1号院");
            log.error("failure", new IllegalStateException("bad card 110101199003071233"));
            var foreign = CardFixture.builtIn("foreign-2017").card();
            log.warn("foreign {} {}", foreign.idNumber().value(), foreign);
        } finally {
            appender.stop();
        }
        String out = sink.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("1101**********1233").contains("name=张*").contains("USA1*******1510");
        assertThat(out).doesNotContain("110101199003071233").doesNotContain("张三").doesNotContain("USA110085061510")
                .doesNotContain("示例大街");
    }
}
