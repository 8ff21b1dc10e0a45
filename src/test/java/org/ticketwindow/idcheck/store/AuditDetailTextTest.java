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
            AuditTrail.Entry login = s.audit().recent(10, AuditKind.LOGIN, e -> e.actor().equals("8101")).getFirst();
            assertThat(Texts.chinese().ofStored(login.detail())).isEqualTo("以值班主任身份登录");
            assertThat(Texts.english().ofStored(login.detail())).isEqualTo("logged in as supervisor");
            AuditTrail.Entry added = s.audit().recent(10, AuditKind.CLERK_CHANGE, e -> e.subject().equals("8101")).getFirst();
            assertThat(Texts.chinese().ofStored(added.detail())).isEqualTo("新增，角色：值班主任");
            s.audit().append(AuditKind.CONFIGURATION, "8101", "counter.properties", Text.of("audit.settingsSaved", "policy.contact-limit"));
            assertThat(Texts.chinese().ofStored(s.audit().recent(1, null, e -> true).getFirst().detail()))
                    .isEqualTo("值班主任保存了设置：policy.contact-limit");
            assertThat(s.audit().verify()).isEmpty();
        }
    }
}
