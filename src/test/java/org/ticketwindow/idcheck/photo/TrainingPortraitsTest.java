package org.ticketwindow.idcheck.photo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.reader.sim.Tray;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Training mode: the tray's cards carry drawn portraits that only the training decoder shows. */
class TrainingPortraitsTest {

    @Test
    @DisplayName("every tray card carries a training portrait; the portraits differ and are drawn, not blank")
    void trayPortraits() throws Exception {
        PhotoDecoder training = TrainingPortraits.decoder(PhotoDecoder.none());
        Set<Integer> faces = new HashSet<>();
        for (String id : Tray.ids()) {
            CardFixture card = CardFixture.builtIn(id);
            byte[] photo = card.card().photo();
            assertThat(photo).hasSize(1024);
            assertThat(TrainingPortraits.isTrainingPhoto(photo)).as(id).isTrue();
            assertThat(WltHeader.problem(photo)).as("a real decoder refuses it").isPresent();
            PhotoResult r = training.decode(photo);
            assertThat(r).isInstanceOf(PhotoResult.Decoded.class);
            Photo p = ((PhotoResult.Decoded) r).photo();
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < Photo.HEIGHT; y += 3) for (int x = 0; x < Photo.WIDTH; x += 3) colours.add(p.rgbAt(x, y));
            assertThat(colours.size()).as("a drawing, not a flat colour").isGreaterThan(8);
            faces.add(java.util.Arrays.hashCode(p.rgb()));
        }
        assertThat(faces.size()).as("not every trainee sees the same face").isGreaterThan(Math.min(5, Tray.ids().size() / 3));
    }

    @Test
    @DisplayName("the same bytes draw the same portrait; other photos go to the configured decoder")
    void deterministicAndDelegating() {
        byte[] b = TrainingPortraits.photoBytes("110101199003070012", true);
        Photo one = TrainingPortraits.draw(b).orElseThrow();
        Photo two = TrainingPortraits.draw(b.clone()).orElseThrow();
        assertThat(one.rgb()).isEqualTo(two.rgb());
        byte[] wlt = new byte[1024];
        System.arraycopy(new byte[] {0x57, 0x4C, 0x66, 0x00, 0x7E, 0x00}, 0, wlt, 0, 6);
        assertThat(TrainingPortraits.decoder(PhotoDecoder.none()).decode(wlt)).isInstanceOfSatisfying(PhotoResult.NotDecoded.class,
                n -> assertThat(n.problem()).isEqualTo(PhotoProblem.NOT_CONFIGURED));
        assertThat(org.ticketwindow.idcheck.text.Texts.english().of(TrainingPortraits.decoder(PhotoDecoder.none()).describe())).contains("training only");
        assertThat(org.ticketwindow.idcheck.text.Texts.chinese().of(TrainingPortraits.decoder(PhotoDecoder.none()).describe()))
                .isEqualTo("实训头像（仅实训模式），其余照片：未配置");
    }
}
