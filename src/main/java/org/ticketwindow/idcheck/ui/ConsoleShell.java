package org.ticketwindow.idcheck.ui;

import javafx.scene.input.KeyCode;
import org.ticketwindow.idcheck.store.ClerkRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's shell decisions: which screens a role may open, where a login lands, which other screens the bottom
 * bar offers, and what each shell key does. Decisions only, no Stage or scene: the window carries them out, and they
 * are tested without JavaFX running. The workspace's own keys (cases, Enter, Esc in a case) come first, in its view.
 */
final class ConsoleShell {
    private ConsoleShell() { }

    /** The screens after login, with the label key of the button that opens each and its key. */
    enum Screen {
        WORKSPACE("nav.workspace", KeyMap.CANCEL), QUEUE("nav.queue", KeyMap.QUEUE), TECHNICIAN("nav.technician", KeyMap.TECHNICIAN),
        SUPERVISOR("nav.supervisor", KeyMap.SUPERVISOR);

        final String navKey;
        final KeyMap key;

        Screen(String navKey, KeyMap key) {
            this.navKey = navKey;
            this.key = key;
        }
    }

    /** What a shell key asks for. */
    enum Command {
        HELP, LANGUAGE, WORKSPACE, QUEUE, TECHNICIAN, SUPERVISOR, LOG_OUT, DARK_THEME, LARGER_TEXT, SMALLER_TEXT,
        NORMAL_TEXT, SOUNDS,
        /** The key is the shell's but does nothing now (F11/F12 before login): it still does not reach the control. */
        NOTHING
    }

    /**
     * Technicians calibrate and tune, and do not verify passengers (their account records no result); supervisors
     * manage clerks and may stand in at the counter; the queue is everyone's.
     */
    static boolean may(ClerkRole role, Screen s) {
        return switch (s) {
            case WORKSPACE -> role != ClerkRole.TECHNICIAN;
            case QUEUE -> true;
            case TECHNICIAN -> role == ClerkRole.TECHNICIAN || role == ClerkRole.SUPERVISOR;
            case SUPERVISOR -> role == ClerkRole.SUPERVISOR;
        };
    }

    /** A technician lands on the technician screen; so does anyone allowed there when started from the technician launcher. */
    static Screen firstScreen(ClerkRole role, boolean technicianStart) {
        boolean technicianFirst = role == ClerkRole.TECHNICIAN || technicianStart && may(role, Screen.TECHNICIAN);
        return technicianFirst ? Screen.TECHNICIAN : Screen.WORKSPACE;
    }

    /** The other screens this role may open from {@code current}, in the bottom bar's order. */
    static List<Screen> navigation(ClerkRole role, Screen current) {
        List<Screen> out = new ArrayList<>();
        for (Screen s : Screen.values()) if (s != current && may(role, s)) out.add(s);
        return out;
    }

    /**
     * The key map: what {@code key} does for a clerk of {@code role} (null before login) on {@code current} (null on the
     * login screen). Empty: not the shell's key, it goes on to the focused control.
     */
    static Optional<Command> command(KeyCode key, boolean ctrl, ClerkRole role, Screen current) {
        boolean in = role != null;
        return KeyMap.of(key, ctrl).map(k -> switch (k) {
            case HELP -> Command.HELP;
            case LANGUAGE -> Command.LANGUAGE;
            case QUEUE -> in ? Command.QUEUE : Command.NOTHING;
            case LOG_OUT -> in ? Command.LOG_OUT : Command.NOTHING;
            case CANCEL -> in && current != Screen.WORKSPACE && may(role, Screen.WORKSPACE) ? Command.WORKSPACE : null;
            case TECHNICIAN -> in && may(role, Screen.TECHNICIAN) ? Command.TECHNICIAN : null;
            case SUPERVISOR -> in && may(role, Screen.SUPERVISOR) ? Command.SUPERVISOR : null;
            case DARK_THEME -> Command.DARK_THEME;
            case LARGER_TEXT -> Command.LARGER_TEXT;
            case SMALLER_TEXT -> Command.SMALLER_TEXT;
            case NORMAL_TEXT -> Command.NORMAL_TEXT;
            case SOUNDS -> Command.SOUNDS;
            // the workspace's and the tray's own keys: not the shell's
            case ON_SITE, PROXY, OVER_LIMIT_CONTACT, PRE_VERIFICATION, DUPLICATE_CLAIM, TICKET_SERVICE, TRAY_PLACE,
                 TRAY_REMOVE, RECORD, NAME_ACCEPT, NAME_REJECT -> null;
        });
    }
}
