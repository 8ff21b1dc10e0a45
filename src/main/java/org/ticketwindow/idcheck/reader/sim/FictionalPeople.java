package org.ticketwindow.idcheck.reader.sim;

import org.ticketwindow.idcheck.identity.CardDate;
import org.ticketwindow.idcheck.identity.Ethnicity;
import org.ticketwindow.idcheck.identity.Gender;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.ResidentCard;
import org.ticketwindow.idcheck.identity.Validity;

import java.time.LocalDate;
import java.util.List;

/**
 * Any number of fictional resident card holders, the same for the same index everywhere: the load generator
 * ({@code idcheck simulate}) reads person {@code i}'s card and the training central is seeded with person {@code i}'s
 * record, so results apply. Numbers are well-formed (GB 11643 check character, birth date, gender parity) but use the
 * fictional address 北京市东城区模拟街 and the pattern 1101011960…; names are built from common characters.
 */
public final class FictionalPeople {
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建林波辉宁晨欣怡浩然子涵宇轩梓睿博文思雨佳琪嘉诗";
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1960, 1, 1);
    /** Odd and even sequence codes per birth date: 500 people share a day. */
    private static final int PER_DAY = 500;

    private FictionalPeople() {}

    /** Person {@code i} (0-based) as their resident card, valid for 20 years from 2020-01-01. */
    public static ResidentCard card(int i) {
        if (i < 0 || i >= PER_DAY * 20_000) throw new IllegalArgumentException("person index out of range: " + i);
        LocalDate birth = FIRST_BIRTH.plusDays(i / PER_DAY);
        int seq = (i % PER_DAY) * 2 + (i % 2 == 0 ? 1 : 0);
        Gender gender = seq % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        String digits = "110101" + birth.toString().replace("-", "") + String.format("%03d", seq);
        IdNumber number = IdNumber.of(digits + IdNumber.mod11CheckChar(digits));
        return new ResidentCard(new PersonName(name(i)), gender, new Ethnicity("01"), CardDate.of(birth),
                "北京市东城区模拟街" + (i % 200 + 1) + "号", number, "北京市公安局东城分局",
                new Validity(CardDate.of(LocalDate.of(2020, 1, 1)), CardDate.of(LocalDate.of(2040, 1, 1))), List.of(),
                new byte[0], new byte[0]);
    }

    static String name(int i) {
        int s = i % SURNAMES.length();
        int g1 = (i / SURNAMES.length()) % GIVEN.length();
        int g2 = (i / (SURNAMES.length() * GIVEN.length())) % (GIVEN.length() + 1);
        return SURNAMES.charAt(s) + "" + GIVEN.charAt(g1) + (g2 == GIVEN.length() ? "" : String.valueOf(GIVEN.charAt(g2)));
    }
}
