package org.ticketwindow.idcheck.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.ticketwindow.idcheck.verify.CaseKind;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every key of the console, spelled once. The shell ({@link ConsoleShell#command}), the workspace and the training tray
 * read their keys here; a button shows its key as this map spells it ({@link #button}); the F1 help is this list, in
 * this order, with each key's {@code key.<NAME>} text. Ctrl is the platform's shortcut key.
 */
enum KeyMap {
    HELP(false, KeyCode.F1),
    LANGUAGE(false, KeyCode.F2),
    ON_SITE(false, KeyCode.F3),
    PROXY(false, KeyCode.F4),
    OVER_LIMIT_CONTACT(false, KeyCode.F7),
    PRE_VERIFICATION(false, KeyCode.F8),
    DUPLICATE_CLAIM(false, KeyCode.F9),
    TICKET_SERVICE(false, KeyCode.F10),
    TRAY_PLACE(false, KeyCode.F5),
    TRAY_REMOVE(false, KeyCode.F6),
    RECORD(false, KeyCode.ENTER),
    /** Cancels the case in the workspace; elsewhere goes back to the workspace. */
    CANCEL(false, KeyCode.ESCAPE),
    NAME_ACCEPT(true, KeyCode.Y),
    NAME_REJECT(true, KeyCode.N),
    QUEUE(false, KeyCode.F11),
    TECHNICIAN(true, KeyCode.T),
    SUPERVISOR(true, KeyCode.U),
    LOG_OUT(false, KeyCode.F12),
    DARK_THEME(true, KeyCode.D),
    LARGER_TEXT(true, KeyCode.EQUALS, KeyCode.PLUS, KeyCode.ADD),
    SMALLER_TEXT(true, KeyCode.MINUS, KeyCode.SUBTRACT),
    NORMAL_TEXT(true, KeyCode.DIGIT0, KeyCode.NUMPAD0),
    SOUNDS(true, KeyCode.M);

    private final boolean ctrl;
    private final List<KeyCode> codes;

    KeyMap(boolean ctrl, KeyCode... codes) {
        this.ctrl = ctrl;
        this.codes = List.of(codes);
    }

    /** The binding a key press is, if any (with Ctrl or without, as the binding says). */
    static Optional<KeyMap> of(KeyCode code, boolean ctrlDown) {
        return Stream.of(values()).filter(k -> k.ctrl == ctrlDown && k.codes.contains(code)).findFirst();
    }

    static Optional<KeyMap> of(KeyEvent e) { return of(e.getCode(), e.isShortcutDown()); }

    /** The key that opens a case. */
    static KeyMap of(CaseKind kind) { return valueOf(kind.name()); }

    /** The case a key opens, if it is a case key. */
    Optional<CaseKind> caseKind() {
        return Stream.of(CaseKind.values()).filter(c -> c.name().equals(name())).findFirst();
    }

    /** The key as the clerk reads it on a button and in the help: "F3", "Enter", "Ctrl+=". */
    String spelled() {
        String key = switch (codes.getFirst()) {
            case ENTER -> "Enter";
            case ESCAPE -> "Esc";
            case EQUALS -> "=";
            case MINUS -> "−";
            case DIGIT0 -> "0";
            default -> codes.getFirst().getName();
        };
        return ctrl ? "Ctrl+" + key : key;
    }

    /** A button's text: its label with this key beside it ("本人核验 (F3)"). */
    String button(Messages messages, String labelKey) { return messages.get(labelKey) + " (" + spelled() + ")"; }

    /** The F1 help: every key and what it does, one line each, in the key map's order (the dialog lays them out in columns). */
    static java.util.List<String> helpLines(Messages messages) {
        return Stream.of(values()).map(k -> k.spelled() + "　" + messages.get("key." + k.name())).toList();
    }
}
