package org.ticketwindow.idcheck.identity;

/** Which numbering scheme a document number follows (docs/protocol.md §5.1, §2.4). */
public enum IdNumberKind {
    /** 公民身份号码, GB 11643: 18 characters, MOD 11-2 check. */
    RESIDENT,
    /** 港澳台居民居住证 number: GB 11643 structure with address code 810000 / 820000 / 830000. */
    RESIDENCE_PERMIT,
    /** 外国人永久居留身份证 2017: three letters and twelve digits, ICAO 7-3-1 check digit. */
    FOREIGN_2017,
    /** 外国人永久居留身份证 2023: 18 characters starting with 9, MOD 11-2 check. */
    FOREIGN_2023,
    /** Does not follow any known scheme. */
    UNKNOWN
}
