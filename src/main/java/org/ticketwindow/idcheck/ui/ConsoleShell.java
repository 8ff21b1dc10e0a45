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

    /** The screens after login, with the label key of the button that opens each. */
    enum Screen {
        WORKSPACE("nav.workspace"), QUEUE("nav.queue"), TECHNICIAN("nav.technician"), SUPERVISOR("nav.supervisor");

        final String navKey;

        Screen(String navKey) { this.navKey = navKey; }
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
        Command c = switch (key) {
            case F1 -> Command.HELP;
            case F2 -> Command.LANGUAGE;
            case F11 -> in ? Command.QUEUE : Command.NOTHING;
            case F12 -> in ? Command.LOG_OUT : Command.NOTHING;
            case ESCAPE -> in && current != Screen.WORKSPACE && may(role, Screen.WORKSPACE) ? Command.WORKSPACE : null;
            case T -> ctrl && in && may(role, Screen.TECHNICIAN) ? Command.TECHNICIAN : null;
            case U -> ctrl && in && may(role, Screen.SUPERVISOR) ? Command.SUPERVISOR : null;
            case D -> ctrl ? Command.DARK_THEME : null;
            case EQUALS, PLUS, ADD -> ctrl ? Command.LARGER_TEXT : null;
            case MINUS, SUBTRACT -> ctrl ? Command.SMALLER_TEXT : null;
            case DIGIT0, NUMPAD0 -> ctrl ? Command.NORMAL_TEXT : null;
            case M -> ctrl ? Command.SOUNDS : null;
            default -> null;
        };
        return Optional.ofNullable(c);
    }
}
