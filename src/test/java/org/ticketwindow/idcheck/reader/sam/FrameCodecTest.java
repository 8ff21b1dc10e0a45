package org.ticketwindow.idcheck.reader.sam;

import org.ticketwindow.idcheck.reader.SamStatus;
import org.ticketwindow.idcheck.reader.SamId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ticketwindow.idcheck.testing.Hex;
import org.ticketwindow.idcheck.text.Texts;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden frames of docs/protocol.md §1.3 and §6.2, byte for byte. */
class FrameCodecTest {

    @ParameterizedTest(name = "§1.3 request {0} encodes to {1}")
    @CsvSource(delimiter = '|', value = {
            "reset SAM            | AA AA AA 96 69 00 03 10 FF EC",
            "SAM status           | AA AA AA 96 69 00 03 11 FF ED",
            "SAM ID               | AA AA AA 96 69 00 03 12 FF EE",
            "find card            | AA AA AA 96 69 00 03 20 01 22",
            "select card          | AA AA AA 96 69 00 03 20 02 21",
            "read text+photo      | AA AA AA 96 69 00 03 30 01 32",
            "read text+photo+fingerprint | AA AA AA 96 69 00 03 30 10 23",
            "read appended address | AA AA AA 96 69 00 03 30 03 30",
            "read management number | AA AA AA 96 69 00 03 30 05 36"})
    void fixedRequests(String label, String frame) {
        SamCommand c = java.util.stream.Stream.of(SamCommand.RESET, SamCommand.STATUS, SamCommand.SAM_ID, SamCommand.FIND,
                        SamCommand.SELECT, SamCommand.READ, SamCommand.READ_WITH_FINGERPRINT, SamCommand.READ_APPENDED_ADDRESS,
                        SamCommand.READ_MANAGEMENT_NUMBER)
                .filter(x -> x.label().equals(label.strip())).findFirst().orElseThrow();
        assertThat(Hex.spaced(c.encode())).isEqualTo(frame.strip());
    }

    @ParameterizedTest(name = "§1.3 set baud {0} encodes to {1}")
    @CsvSource(delimiter = '|', value = {
            "115200 | AA AA AA 96 69 00 03 60 00 63",
            "57600  | AA AA AA 96 69 00 03 60 01 62",
            "38400  | AA AA AA 96 69 00 03 60 02 61",
            "19200  | AA AA AA 96 69 00 03 60 03 60",
            "9600   | AA AA AA 96 69 00 03 60 04 67"})
    void baudRequests(int baud, String frame) {
        assertThat(Hex.spaced(SamCommand.setBaud(baud).encode())).isEqualTo(frame.strip());
    }

    @Test
    @DisplayName("§1.3 RF frame size 0x50 and 0x58 encode with their published checksums")
    void rfFrameSize() {
        assertThat(Hex.spaced(SamCommand.setRfFrameSize(0x50).encode())).isEqualTo("AA AA AA 96 69 00 04 61 FF 50 CA");
        assertThat(Hex.spaced(SamCommand.setRfFrameSize(0x58).encode())).isEqualTo("AA AA AA 96 69 00 04 61 FF 58 C2");
    }

    @ParameterizedTest(name = "§6.2 status response SW3={0} is {1}")
    @CsvSource({
            "90,94,SUCCESS", "91,95,NO_CONTENT", "9F,9B,CARD_FOUND", "10,14,HOST_CHECKSUM_ERROR", "11,15,HOST_LENGTH_ERROR",
            "21,25,HOST_COMMAND_ERROR", "23,27,NOT_PERMITTED", "24,20,UNRECOGNISED_ERROR", "31,35,CARD_AUTH_SAM_FAILED",
            "32,36,SAM_AUTH_CARD_FAILED", "33,37,INFO_VERIFICATION_FAILED", "37,33,FINGERPRINT_VERIFICATION_FAILED",
            "3F,3B,INFO_LENGTH_ERROR", "40,44,UNRECOGNISED_CARD_TYPE", "41,45,READ_FAILED", "47,43,RANDOM_NUMBER_FAILED",
            "60,64,SAM_SELF_TEST_FAILED", "66,62,SAM_NOT_AUTHORISED", "80,84,FIND_FAILED", "81,85,SELECT_FAILED"})
    void statusResponses(String sw3, String chk, SamStatus expected) {
        String golden = "AA AA AA 96 69 00 04 00 00 " + sw3 + " " + chk;
        assertThat(Hex.spaced(SamResponse.frame(Integer.parseInt(sw3, 16), new byte[0]).encode())).isEqualTo(golden);
        FrameDecoder d = FrameDecoder.forResponses();
        d.feed(Hex.bytes(golden));
        SamResponse r = SamResponse.of(d.nextFrame());
        assertThat(r.status()).contains(expected);
        assertThat(r.statusWordsClean()).isTrue();
        assertThat(Texts.chinese().of(expected)).isNotBlank();
        assertThat(Texts.english().of(expected)).isNotBlank();
    }

    @Test
    @DisplayName("§6.1 find OK and select OK answers decode with their 4 and 8 data bytes")
    void findAndSelectOk() {
        FrameDecoder d = FrameDecoder.forResponses();
        d.feed(Hex.bytes("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"));
        d.feed(Hex.bytes("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"));
        SamResponse find = SamResponse.of(d.nextFrame());
        SamResponse select = SamResponse.of(d.nextFrame());
        assertThat(find.status()).contains(SamStatus.CARD_FOUND);
        assertThat(find.data()).hasSize(4);
        assertThat(select.status()).contains(SamStatus.SUCCESS);
        assertThat(select.data()).hasSize(8);
    }

    @Test
    @DisplayName("§2.1 a 30 01 read answer is 1295 bytes with header AA AA AA 96 69 05 08 00 00 90 01 00 04 00")
    void readHeader() throws Exception {
        byte[] text = new byte[256];
        byte[] photo = new byte[1024];
        byte[] frame = SamResponse.frame(0x90, new ReadPayload(text, photo, new byte[0]).encode(false)).encode();
        assertThat(frame).hasSize(1295);
        assertThat(Hex.spaced(java.util.Arrays.copyOf(frame, 14))).isEqualTo("AA AA AA 96 69 05 08 00 00 90 01 00 04 00");
        byte[] withFp = SamResponse.frame(0x90, new ReadPayload(text, photo, new byte[1024]).encode(true)).encode();
        assertThat(withFp).hasSize(2321);
        assertThat(Hex.spaced(java.util.Arrays.copyOf(withFp, 16))).isEqualTo("AA AA AA 96 69 09 0A 00 00 90 01 00 04 00 04 00");
        byte[] noFp = SamResponse.frame(0x90, new ReadPayload(text, photo, new byte[0]).encode(true)).encode();
        assertThat(Hex.spaced(java.util.Arrays.copyOf(noFp, 10))).isEqualTo("AA AA AA 96 69 05 0A 00 00 90");
        assertThat(ReadPayload.parse(SamResponse.of(new Frame(java.util.Arrays.copyOfRange(withFp, 7, withFp.length - 1))).data(), true)
                .fingerprint()).hasSize(1024);
    }

    @Test
    @DisplayName("§2.7 SAM ID renders Routon-style from its 16 raw bytes")
    void samId() {
        byte[] raw = Hex.bytes("05 00 01 00 F1 1C 35 01 01 00 00 00 2A 00 00 00");
        assertThat(new SamId(raw).routonStyle()).isEqualTo("05.01-20258033-0000000001-0000000042");
    }
}
