package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ticketwindow.idcheck.reader.SamId;
import org.ticketwindow.idcheck.reader.sam.CardTextLayout;
import org.ticketwindow.idcheck.reader.sam.Frame;
import org.ticketwindow.idcheck.reader.sam.FrameDecoder;
import org.ticketwindow.idcheck.reader.sam.ReadPayload;
import org.ticketwindow.idcheck.reader.sam.SamCommand;
import org.ticketwindow.idcheck.reader.sam.SamResponse;
import org.ticketwindow.idcheck.text.Texts;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/** {@code idcheck decode}: decode GA 467 frames from hex or a capture file; JSON. */
@Command(name = "decode", description = "Decode GA 467 frames (hex or a capture file) and print them as JSON.")
final class DecodeCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1") Source source;

    static final class Source {
        @Option(names = "--hex", description = "Frame bytes in hex (spaces allowed).") String hex;
        @Option(names = "--file", description = "A capture file: raw bytes, or hex text.") Path file;
    }

    @Option(names = "--show-pii", description = "Print personal data in clear.") boolean showPii;

    @Override public Integer call() throws IOException {
        byte[] bytes = source.hex != null ? parseHex(source.hex) : readFile(source.file);
        FrameDecoder decoder = FrameDecoder.forCaptures();
        decoder.feed(bytes);
        ObjectNode out = Json.object();
        ArrayNode frames = out.putArray("frames");
        int skipped = 0;
        ArrayNode rejected = out.putArray("rejected");
        FrameDecoder.Event e;
        while ((e = decoder.next()) != null) {
            switch (e) {
                case FrameDecoder.Decoded d -> frames.add(frame(d.frame()));
                case FrameDecoder.Skipped s -> skipped += s.count();
                case FrameDecoder.Rejected r -> rejected.addObject().put("reason", r.reason().name()).put("declaredLength", r.declaredLength());
            }
        }
        out.put("skippedBytes", skipped);
        out.put("incompleteBytes", decoder.buffered());
        Json.print(spec.commandLine().getOut(), out);
        return frames.isEmpty() ? ExitCodes.REFUSED : 0;
    }

    private ObjectNode frame(Frame f) {
        ObjectNode o = Json.object();
        byte[] body = f.body();
        o.put("length", body.length + 1);
        boolean response = body.length >= 3 && body[0] == 0 && body[1] == 0;
        if (!response) {
            SamCommand c = SamCommand.fromRequest(f);
            o.put("direction", "REQUEST");
            o.put("command", String.format("%02X %02X", c.cmd(), c.para()));
            o.put("meaning", c.label());
            return o;
        }
        SamResponse r = SamResponse.of(f);
        o.put("direction", "RESPONSE");
        o.put("sw", String.format("%02X %02X %02X", r.sw1(), r.sw2(), r.sw3()));
        r.status().ifPresentOrElse(s -> o.put("status", s.name()).put("statusZh", Texts.chinese().of(s)).put("statusEn", Texts.english().of(s))
                .put("category", s.category().name()), () -> o.put("status", "UNKNOWN"));
        o.put("dataBytes", r.data().length);
        byte[] d = r.data();
        if (r.sw3() == 0x90 && d.length == 16) o.put("samId", new SamId(d).routonStyle());
        if (r.sw3() == 0x90 && d.length >= 1284) {
            boolean withFp = d.length != 1284;
            try {
                ReadPayload p = ReadPayload.parse(d, withFp);
                o.set("card", CardJson.card(CardTextLayout.decode(p), showPii));
            } catch (ReadPayload.MalformedPayloadException | CardTextLayout.UnsupportedCardTypeException ex) {
                o.put("payloadError", ex.getMessage());
            }
        }
        return o;
    }

    private byte[] readFile(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        String text = new String(raw, StandardCharsets.ISO_8859_1).strip();
        if (!text.isEmpty() && text.chars().allMatch(c -> Character.isWhitespace(c) || Character.digit(c, 16) >= 0)) {
            return parseHex(text);
        }
        return raw;
    }

    private byte[] parseHex(String hex) {
        String clean = hex.replaceAll("[\\s:,-]", "");
        try {
            return HexFormat.of().parseHex(clean);
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not hex: " + ex.getMessage());
        }
    }
}
