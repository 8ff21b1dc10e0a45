package org.ticketwindow.idcheck.testing;

import org.ticketwindow.idcheck.identity.CardData;
import org.ticketwindow.idcheck.identity.CardDate;
import org.ticketwindow.idcheck.identity.Ethnicity;
import org.ticketwindow.idcheck.identity.Gender;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.ResidentCard;
import org.ticketwindow.idcheck.identity.Validity;
import org.ticketwindow.idcheck.reader.sim.CardFixture;

import java.time.LocalDate;
import java.util.List;

/**
 * Fictional people for rules tests: resident cards with any name, and numbers with a correct GB 11643 check
 * character and matching birth date and gender (so only the property under test can fail).
 */
public final class People {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private People() {}

    /** A valid number from a 6-digit area code, a birth date and a 3-digit sequence. */
    public static String number(String area, LocalDate birth, int sequence) {
        String first17 = area + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), sequence);
        return first17 + IdNumber.mod11CheckChar(first17);
    }

    public static ResidentCard card(String name, String number) {
        return card(name, number, CardDate.of(LocalDate.of(2020, 1, 1)), CardDate.of(LocalDate.of(2040, 1, 1)));
    }

    public static ResidentCard card(String name, String number, CardDate from, CardDate until) {
        IdNumber n = IdNumber.of(number);
        Gender g = n.genderByParity().orElse(Gender.MALE);
        LocalDate birth = n.birthDate().orElse(LocalDate.of(1990, 1, 1));
        return new ResidentCard(new PersonName(name), g, new Ethnicity("01"), CardDate.of(birth), "（虚构地址）", n,
                "（虚构发证机关）", new Validity(from, until), List.of(), new byte[1024], new byte[0]);
    }

    /** A card of the simulator's tray (all fictional). */
    public static CardData tray(String id) {
        try {
            return CardFixture.builtIn(id).card();
        } catch (CardFixture.FixtureException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final String ZHANG_SAN = "110101199003071233"; // tray card "ordinary", 张三
    public static final String LI_XIAOHONG = "110101199208151245"; // tray card "ordinary-female", 李小红
}
