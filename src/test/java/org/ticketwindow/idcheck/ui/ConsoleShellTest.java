package org.ticketwindow.idcheck.ui;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.ticketwindow.idcheck.store.ClerkRole;
import org.ticketwindow.idcheck.ui.ConsoleShell.Command;
import org.ticketwindow.idcheck.ui.ConsoleShell.Screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketwindow.idcheck.store.ClerkRole.AGENCY_OPERATOR;
import static org.ticketwindow.idcheck.store.ClerkRole.CLERK;
import static org.ticketwindow.idcheck.store.ClerkRole.SUPERVISOR;
import static org.ticketwindow.idcheck.store.ClerkRole.TECHNICIAN;

/** The shell's navigation, role permissions and key map, decided without a Stage (no JavaFX toolkit started). */
class ConsoleShellTest {
    @Test @org.junit.jupiter.api.DisplayName("RD-44 the queue is everyone's, the workspace everyone's but a technician's; the technician screen for technicians and supervisors, the supervisor screen for supervisors")
    void whoMayOpenWhichScreen() {
        for (ClerkRole r : ClerkRole.values()) {
            // RD-44 a technician does not verify passengers (issue 18): no workspace, so no result recorded under that account
            assertThat(ConsoleShell.may(r, Screen.WORKSPACE)).as(r.name()).isEqualTo(r != TECHNICIAN);
            assertThat(ConsoleShell.may(r, Screen.QUEUE)).isTrue();
        }
        assertThat(ConsoleShell.may(CLERK, Screen.TECHNICIAN)).isFalse();
        assertThat(ConsoleShell.may(AGENCY_OPERATOR, Screen.TECHNICIAN)).isFalse();
        assertThat(ConsoleShell.may(TECHNICIAN, Screen.TECHNICIAN)).isTrue();
        assertThat(ConsoleShell.may(SUPERVISOR, Screen.TECHNICIAN)).isTrue();
        assertThat(ConsoleShell.may(TECHNICIAN, Screen.SUPERVISOR)).isFalse();
        assertThat(ConsoleShell.may(SUPERVISOR, Screen.SUPERVISOR)).isTrue();
    }

    @Test void aTechnicianLandsOnTheTechnicianScreenAndTheTechnicianLauncherOnlyTakesThoseAllowedThere() {
        assertThat(ConsoleShell.firstScreen(TECHNICIAN, false)).isEqualTo(Screen.TECHNICIAN);
        assertThat(ConsoleShell.firstScreen(CLERK, false)).isEqualTo(Screen.WORKSPACE);
        assertThat(ConsoleShell.firstScreen(SUPERVISOR, false)).isEqualTo(Screen.WORKSPACE);
        assertThat(ConsoleShell.firstScreen(SUPERVISOR, true)).isEqualTo(Screen.TECHNICIAN);
        assertThat(ConsoleShell.firstScreen(CLERK, true)).isEqualTo(Screen.WORKSPACE);
    }

    @Test void theBottomBarOffersTheOtherScreensTheRoleMayOpenInAFixedOrder() {
        assertThat(ConsoleShell.navigation(CLERK, Screen.WORKSPACE)).containsExactly(Screen.QUEUE);
        assertThat(ConsoleShell.navigation(CLERK, Screen.QUEUE)).containsExactly(Screen.WORKSPACE);
        assertThat(ConsoleShell.navigation(TECHNICIAN, Screen.TECHNICIAN)).containsExactly(Screen.QUEUE);
        assertThat(ConsoleShell.navigation(TECHNICIAN, Screen.QUEUE)).containsExactly(Screen.TECHNICIAN);
        assertThat(ConsoleShell.command(KeyCode.ESCAPE, false, TECHNICIAN, Screen.QUEUE)).as("Esc does not open the workspace").isEmpty();
        assertThat(ConsoleShell.navigation(SUPERVISOR, Screen.QUEUE))
                .containsExactly(Screen.WORKSPACE, Screen.TECHNICIAN, Screen.SUPERVISOR);
    }

    @Test void beforeLoginOnlyHelpLanguageAndDisplayKeysActAndF11F12AreSwallowed() {
        assertThat(ConsoleShell.command(KeyCode.F1, false, null, null)).contains(Command.HELP);
        assertThat(ConsoleShell.command(KeyCode.F2, false, null, null)).contains(Command.LANGUAGE);
        assertThat(ConsoleShell.command(KeyCode.F11, false, null, null)).contains(Command.NOTHING);
        assertThat(ConsoleShell.command(KeyCode.F12, false, null, null)).contains(Command.NOTHING);
        assertThat(ConsoleShell.command(KeyCode.ESCAPE, false, null, null)).isEmpty();
        assertThat(ConsoleShell.command(KeyCode.T, true, null, null)).isEmpty();
        assertThat(ConsoleShell.command(KeyCode.D, true, null, null)).contains(Command.DARK_THEME);
    }

    @Test void afterLoginTheNavigationKeysFollowTheRole() {
        assertThat(ConsoleShell.command(KeyCode.F11, false, CLERK, Screen.WORKSPACE)).contains(Command.QUEUE);
        assertThat(ConsoleShell.command(KeyCode.F12, false, CLERK, Screen.QUEUE)).contains(Command.LOG_OUT);
        assertThat(ConsoleShell.command(KeyCode.ESCAPE, false, CLERK, Screen.QUEUE)).contains(Command.WORKSPACE);
        assertThat(ConsoleShell.command(KeyCode.ESCAPE, false, CLERK, Screen.WORKSPACE)).isEmpty(); // the workspace's own Esc
        assertThat(ConsoleShell.command(KeyCode.T, true, CLERK, Screen.WORKSPACE)).isEmpty();
        assertThat(ConsoleShell.command(KeyCode.T, true, TECHNICIAN, Screen.WORKSPACE)).contains(Command.TECHNICIAN);
        assertThat(ConsoleShell.command(KeyCode.U, true, TECHNICIAN, Screen.WORKSPACE)).isEmpty();
        assertThat(ConsoleShell.command(KeyCode.U, true, SUPERVISOR, Screen.WORKSPACE)).contains(Command.SUPERVISOR);
    }

    @Test void letterAndDisplayKeysActOnlyWithControlSoTypingIsNeverTakenAway() {
        for (KeyCode k : new KeyCode[] {KeyCode.T, KeyCode.U, KeyCode.D, KeyCode.M, KeyCode.EQUALS, KeyCode.MINUS, KeyCode.DIGIT0})
            assertThat(ConsoleShell.command(k, false, SUPERVISOR, Screen.QUEUE)).as(k.name()).isEmpty();
        assertThat(ConsoleShell.command(KeyCode.EQUALS, true, CLERK, Screen.QUEUE)).contains(Command.LARGER_TEXT);
        assertThat(ConsoleShell.command(KeyCode.ADD, true, CLERK, Screen.QUEUE)).contains(Command.LARGER_TEXT);
        assertThat(ConsoleShell.command(KeyCode.SUBTRACT, true, CLERK, Screen.QUEUE)).contains(Command.SMALLER_TEXT);
        assertThat(ConsoleShell.command(KeyCode.NUMPAD0, true, CLERK, Screen.QUEUE)).contains(Command.NORMAL_TEXT);
        assertThat(ConsoleShell.command(KeyCode.M, true, CLERK, Screen.QUEUE)).contains(Command.SOUNDS);
        assertThat(ConsoleShell.command(KeyCode.A, true, CLERK, Screen.QUEUE)).isEmpty();
    }

    @Test @org.junit.jupiter.api.DisplayName("issue 18: the F1 help is the key map, every key once, in the UI's language")
    void theHelpListsEveryKeyOfTheKeyMapOnce() {
        String zh = String.join("\n", KeyMap.helpLines(Messages.of(Messages.CHINESE)));
        for (String key : java.util.List.of("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12", "Enter", "Esc",
                "Ctrl+Y", "Ctrl+N", "Ctrl+T", "Ctrl+U", "Ctrl+D", "Ctrl+=", "Ctrl+−", "Ctrl+0", "Ctrl+M")) {
            assertThat(zh.lines()).as(key).filteredOn(l -> l.startsWith(key + "　")).hasSize(1);
        }
        assertThat(zh.lines()).hasSize(KeyMap.values().length);
        assertThat(String.join("\n", KeyMap.helpLines(Messages.of(Messages.ENGLISH)))).contains("Ctrl+M　sounds on / off").contains("F12　log out");
        // no two bindings share a key, and every case kind has one
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (KeyMap k : KeyMap.values()) assertThat(seen.add(k.spelled())).as(k.spelled()).isTrue();
        for (org.ticketwindow.idcheck.verify.CaseKind c : org.ticketwindow.idcheck.verify.CaseKind.values()) {
            assertThat(KeyMap.of(c).caseKind()).contains(c);
        }
        assertThat(KeyMap.ON_SITE.button(Messages.of(Messages.CHINESE), "case.ON_SITE")).isEqualTo("本人核验 (F3)");
        assertThat(ConsoleShell.command(KeyCode.EQUALS, true, CLERK, Screen.WORKSPACE)).contains(Command.LARGER_TEXT);
        assertThat(ConsoleShell.command(KeyCode.F3, false, CLERK, Screen.WORKSPACE)).as("the workspace's key").isEmpty();
    }
}
