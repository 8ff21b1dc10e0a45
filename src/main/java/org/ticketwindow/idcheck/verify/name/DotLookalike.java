package org.ticketwindow.idcheck.verify.name;

import java.util.Map;

/**
 * Rule N5: {@code .} and {@code ·} and their look-alikes are different characters. Naming both in the hint is the point:
 * this is the most common mistake in minority and foreign names (e.g. 阿依古丽·买买提).
 */
final class DotLookalike {
    private static final Map<Integer, String[]> NAMES = Map.of(
            0x002E, new String[]{"英文句点", "full stop"},
            0x00B7, new String[]{"间隔号", "middle dot"},
            0x2022, new String[]{"项目符号", "bullet"},
            0x30FB, new String[]{"日文中点", "katakana middle dot"},
            0xFF0E, new String[]{"全角句点", "fullwidth full stop"},
            0x2027, new String[]{"连字点", "hyphenation point"},
            0x2219, new String[]{"运算点", "bullet operator"},
            0x22C5, new String[]{"点乘号", "dot operator"},
            0xFF65, new String[]{"半角中点", "halfwidth katakana middle dot"});

    private DotLookalike() {}

    static boolean is(int cp) { return NAMES.containsKey(cp); }

    static String zh(int cp) { return "「" + Character.toString(cp) + "」（" + NAMES.get(cp)[0] + " " + code(cp) + "）"; }

    static String en(int cp) { return "'" + Character.toString(cp) + "' (" + NAMES.get(cp)[1] + ", " + code(cp) + ")"; }

    private static String code(int cp) { return String.format("U+%04X", cp); }
}
