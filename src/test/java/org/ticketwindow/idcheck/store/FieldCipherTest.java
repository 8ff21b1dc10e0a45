package org.ticketwindow.idcheck.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PD2's field encryption, now with one cipher per thread re-initialised per field (issue 19). */
class FieldCipherTest {
    private final FieldCipher cipher = new FieldCipher(new byte[32]);

    @Test
    void opensWhatItSealedAndNeverTheSameBytesTwice() {
        byte[] plain = "虚构的人 training body".getBytes(StandardCharsets.UTF_8);
        byte[] a = cipher.encrypt(plain, "R1");
        byte[] b = cipher.encrypt(plain, "R1");
        assertThat(a).isNotEqualTo(b); // a fresh IV per field
        assertThat(cipher.decrypt(a, "R1")).isEqualTo(plain);
        assertThat(cipher.decrypt(b, "R1")).isEqualTo(plain);
    }

    @Test
    void aFailureLeavesTheThreadsCipherUsable() {
        byte[] sealed = cipher.encrypt(new byte[]{1, 2, 3}, "R1");
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(altered, "R1")).isInstanceOf(FieldCipher.UnreadableFieldException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "R2")).isInstanceOf(FieldCipher.UnreadableFieldException.class);
        assertThatThrownBy(() -> new FieldCipher(new byte[32]).decrypt(new byte[5], "R1"))
                .isInstanceOf(FieldCipher.UnreadableFieldException.class);
        assertThatThrownBy(() -> new FieldCipher(new byte[]{9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
                9, 9, 9, 9, 9, 9}).decrypt(sealed, "R1")).isInstanceOf(FieldCipher.UnreadableFieldException.class);
        assertThat(cipher.decrypt(sealed, "R1")).containsExactly(1, 2, 3);
        assertThat(cipher.decrypt(cipher.encrypt(new byte[0], "R3"), "R3")).isEmpty();
    }

    @Test
    void threadsDoNotShareACipher() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        String row = "R" + thread + "-" + i;
                        byte[] plain = row.getBytes(StandardCharsets.UTF_8);
                        assertThat(cipher.decrypt(cipher.encrypt(plain, row), row)).isEqualTo(plain);
                    }
                    return 2000;
                }));
            }
            for (Future<Integer> f : done) assertThat(f.get()).isEqualTo(2000);
        } finally {
            pool.shutdownNow();
        }
    }
}
