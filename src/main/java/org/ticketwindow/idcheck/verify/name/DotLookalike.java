package org.ticketwindow.idcheck.verify.name;

import org.ticketwindow.idcheck.text.Text;

import java.util.Set;

/**
 * Rule N5: {@code .} and {@code ·} and their look-alikes are different characters. Naming both in the hint is the point:
 * this is the most common mistake in minority and foreign names (e.g. 阿依古丽·买买提).
 */
final class DotLookalike {
    /** The look-alikes; each one's name is {@code name.dot.<hex>} in the bundles. */
    private static final Set<Integer> NAMES = Set.of(0x002E, 0x00B7, 0x2022, 0x30FB, 0xFF0E, 0x2027, 0x2219, 0x22C5, 0xFF65);

    private DotLookalike() {}

    static boolean is(int cp) { return NAMES.contains(cp); }

    /** The look-alike quoted with its name and code point: 「·」（间隔号 U+00B7）. */
    static Text of(int cp) {
        return Text.of("name.dot", Character.toString(cp), Text.of("name.dot." + code(cp).substring(2)), code(cp));
    }


    private static String code(int cp) { return String.format("U+%04X", cp); }
}
