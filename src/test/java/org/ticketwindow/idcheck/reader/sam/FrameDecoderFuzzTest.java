package org.ticketwindow.idcheck.reader.sam;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for the frame decoder and the read-answer parser. In the normal build it runs as a regression test
 * over the inputs in src/test/resources/…/FrameDecoderFuzzTestInputs; with JAZZER_FUZZ=1 it fuzzes.
 * Any exception other than the decoders' own checked ones is a finding.
 */
class FrameDecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decoderNeverThrows(FuzzedDataProvider data) throws Exception {
        FrameDecoder d = FrameDecoder.forResponses();
        int splits = data.consumeInt(1, 8);
        for (int i = 0; i < splits; i++) {
            byte[] chunk = data.consumeBytes(data.consumeInt(0, 2500));
            d.feed(chunk);
            Frame f;
            while ((f = d.nextFrame()) != null) {
                SamResponse r = SamResponse.of(f);
                for (boolean fp : new boolean[]{false, true}) {
                    try {
                        CardTextLayout.decode(ReadPayload.parse(r.data(), fp));
                    } catch (ReadPayload.MalformedPayloadException | CardTextLayout.UnsupportedCardTypeException expected) {
                        // refused with a reason: fine
                    }
                }
            }
        }
        byte[] rest = data.consumeRemainingAsBytes();
        FrameDecoder requests = FrameDecoder.forRequests();
        requests.feed(rest);
        Frame f;
        while ((f = requests.nextFrame()) != null) SamCommand.fromRequest(f);
        if (d.buffered() > 2314 + 7 + 4) throw new IllegalStateException("decoder kept " + d.buffered() + " bytes");
    }
}
