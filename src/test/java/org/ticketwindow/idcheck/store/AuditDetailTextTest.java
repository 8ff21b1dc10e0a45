package org.ticketwindow.idcheck.store;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketwindow.idcheck.text.Text;
import org.ticketwindow.idcheck.text.Texts;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: an audit entry's detail is kept as a stored text, so the supervisor reads it in the supervisor's language
 * (no "login SUPERVISOR" in the Chinese UI), the chain still verifies, and the filter still finds entries by id.
 */
class AuditDetailTextTest {
    @TempDir Path dir;

    @Test
    @DisplayName("issue 18: audit details in the reader's language; the chain verifies")
    void detailsInTheReadersLanguage() throws Exception {
        try (LocalStore s = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("keys/installation.key")), Clock.systemUTC(), 0)) {
            s.clerks().add("8101", "测试值班主任", ClerkRole.SUPERVISOR, "246810", "admin");
            assertThat(s.clerks().login("8101", "246810")).isInstanceOf(LoginResult.Success.class);
            AuditTrail.Entry login = s.audit().recent(10, 100, AuditKind.LOGIN, e -> e.actor().equals("8101")).entries().getFirst();
            assertThat(Texts.chinese().ofStored(login.detail())).isEqualTo("以值班主任身份登录");
            assertThat(Texts.english().ofStored(login.detail())).isEqualTo("logged in as supervisor");
            AuditTrail.Entry added = s.audit().recent(10, 100, AuditKind.CLERK_CHANGE, e -> e.subject().equals("8101")).entries().getFirst();
            assertThat(Texts.chinese().ofStored(added.detail())).isEqualTo("新增，角色：值班主任");
            s.audit().append(AuditKind.CONFIGURATION, "8101", "counter.properties", Text.of("audit.settingsSaved", "policy.contact-limit"));
            assertThat(Texts.chinese().ofStored(s.audit().recent(1, 100, null, e -> true).entries().getFirst().detail()))
                    .isEqualTo("值班主任保存了设置：policy.contact-limit");
            assertThat(s.audit().verify()).isEmpty();
        }
    }

    @Test
    @DisplayName("a search reads the trail newest first, page by page, up to the entries it may look through, and says whether it saw them all")
    void aSearchReadsPageByPageAndSaysWhetherItSawEverything() throws Exception {
        try (LocalStore s = LocalStore.open(dir.resolve("data"), new KeyFile(dir.resolve("keys/installation.key")), Clock.systemUTC(), 0)) {
            for (int i = 0; i < 1_200; i++) {
                s.audit().append(AuditKind.CONFIGURATION, "8101", "setting-" + i, Text.of("audit.settingsSaved", "k" + i));
            }
            long all = s.audit().size();
            // every hundredth, across the pages of 500: found newest first, none twice, none missed
            AuditTrail.Search found = s.audit().recent(100, 10_000, AuditKind.CONFIGURATION, e -> e.subject().endsWith("00"));
            assertThat(found.entries()).extracting(AuditTrail.Entry::subject).containsExactly("setting-1100", "setting-1000",
                    "setting-900", "setting-800", "setting-700", "setting-600", "setting-500", "setting-400", "setting-300",
                    "setting-200", "setting-100");
            assertThat(found.complete()).isTrue();
            assertThat(found.scanned()).isEqualTo(1_200);
            // a limit reached: complete as far as it goes
            assertThat(s.audit().recent(3, 10_000, null, e -> true).entries()).hasSize(3);
            // the scan cap reached before the oldest entry: said, not taken for "nothing older"
            AuditTrail.Search capped = s.audit().recent(100, 700, null, e -> e.subject().equals("setting-0"));
            assertThat(capped.entries()).isEmpty();
            assertThat(capped.complete()).isFalse();
            assertThat(capped.scanned()).isEqualTo(700);
            assertThat(s.audit().recent(100, (int) all, null, e -> e.subject().equals("setting-0")).entries()).hasSize(1);
        }
    }
}
