package org.ticketwindow.idcheck.central;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingResultTest {

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static String text(IncomingResult r) { return new String(r.json(), StandardCharsets.UTF_8); }

    @Test
    void aBatchIsSplitIntoEachResultsExactBytes() throws Exception {
        String first = "{\"resultId\":\"a\",\"evidence\":{\"name\":\"测试·甲\",\"list\":[{\"resultId\":\"inner\"}]},\"n\":1}";
        String second = "{ \"sequence\" : 2 ,\n \"resultId\" : \"b\" }";
        List<IncomingResult> rs = IncomingResult.batch(utf8(" {\"results\": [" + first + " ,\n" + second + "]} "));

        assertThat(rs).extracting(IncomingResult::resultId).containsExactly("a", "b");
        assertThat(text(rs.get(0))).isEqualTo(first); // multi-byte characters do not shift the offsets
        assertThat(text(rs.get(1))).isEqualTo(second); // whitespace inside is kept: the digest is over what was sent
    }

    @Test
    void anEmptyBatchIsEmpty() throws Exception {
        assertThat(IncomingResult.batch(utf8("{\"results\":[]}"))).isEmpty();
    }

    @Test
    void whatIsNotABatchIsABadRequestWithTheReason() {
        assertThatThrownBy(() -> IncomingResult.batch(utf8("not json"))).hasMessage("the body is not JSON");
        assertThatThrownBy(() -> IncomingResult.batch(utf8("{\"results\":[{\"resultId\":\"a\"}"))).hasMessage("the body is not JSON");
        assertThatThrownBy(() -> IncomingResult.batch(utf8("[]"))).hasMessage(IncomingResult.BATCH_SHAPE);
        assertThatThrownBy(() -> IncomingResult.batch(utf8("{\"results\":[],\"more\":1}"))).hasMessage(IncomingResult.BATCH_SHAPE);
        assertThatThrownBy(() -> IncomingResult.batch(utf8("{\"results\":[]} {}"))).hasMessage(IncomingResult.BATCH_SHAPE);
        assertThatThrownBy(() -> IncomingResult.batch(utf8("{\"results\":[{\"resultId\":7}]}")))
                .hasMessage("every result needs a resultId");
        assertThatThrownBy(() -> IncomingResult.batch(utf8("{\"results\":[\"x\"]}"))).hasMessage("every result needs a resultId");
    }

    @Test
    void aSingleResultKeepsItsBytesAndMayLackAnId() throws Exception {
        IncomingResult one = IncomingResult.single(utf8("{\"resultId\":\"a\",\"x\":[1,2]}"));
        assertThat(one.resultId()).isEqualTo("a");
        assertThat(text(one)).isEqualTo("{\"resultId\":\"a\",\"x\":[1,2]}");
        assertThat(IncomingResult.single(utf8("[1]")).resultId()).isNull();
        assertThat(IncomingResult.single(utf8("{\"x\":1}")).resultId()).isNull();
        assertThatThrownBy(() -> IncomingResult.single(utf8("{\"resultId\":"))).hasMessage("the body is not JSON");
    }
}
