package org.ticketwindow.idcheck.reader.connect;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: the technician's reader list in the technician's language; `idcheck probe` and the bundle keep English. */
class ReaderProbeTextTest {
    private final ReaderProbe probe = new ReaderProbe(
            List.of(new ReaderProbe.Port("/dev/ttyS0", Optional.of("Physical Port S0"), Optional.empty(), List.of()),
                    new ReaderProbe.Port("/dev/ttyUSB0", Optional.of("USB serial"), Optional.of("10c4:ea60"), List.of("fdx3s-serial")),
                    ReaderProbe.Port.given("/dev/pts/7", List.of("ga467-serial"))),
            Optional.of(Text.of("pcsc.notAvailable", "SCARD_E_NO_SERVICE")),
            List.of(new ReaderProbe.PcscReader("Virtual PCD 00 00", true, List.of("vpcd"))));

    @Test
    @DisplayName("issue 18: reader list in Chinese, the codes and device names beside the words")
    void chinese() {
        assertThat(probe.texts().stream().map(Texts.chinese()::of).toList()).containsExactly(
                "串口 /dev/ttyS0 — 物理串口 S0 → 无匹配的硬件配置", // jSerialComm's words in Chinese (it read "Physical Port S0")
                "串口 /dev/ttyUSB0 — USB serial（USB 10c4:ea60） → fdx3s-serial", // the device's own name as it gives it
                "串口 /dev/pts/7 — 命令行 --port 指定 → ga467-serial",
                "PC/SC：PC/SC 不可用：请确认 pcscd 已安装并在运行、libpcsclite 已安装（SCARD_E_NO_SERVICE）",
                "PC/SC 读卡器 Virtual PCD 00 00（有卡） → vpcd");
    }

    @Test
    @DisplayName("issue 18: the English lines (probe command, diagnostics bundle); jSerialComm's own words in lower case as ours")
    void english() {
        assertThat(probe.lines()).containsExactly(
                "serial /dev/ttyS0 — physical port S0 → no profile",
                "serial /dev/ttyUSB0 — USB serial (USB 10c4:ea60) → fdx3s-serial",
                "serial /dev/pts/7 — given with --port → ga467-serial",
                "PC/SC: PC/SC is not available (is pcscd installed and running, and libpcsclite present?): SCARD_E_NO_SERVICE",
                "PC/SC Virtual PCD 00 00 (card present) → vpcd");
    }
}
