package org.ticketwindow.idcheck.identity;

/** Why a document number fails its checks (rule D5). Each carries the clerk-facing reason in Chinese and English. */
public enum IdNumberDefect {
    BAD_FORMAT,
    BAD_CHECK_DIGIT,
    BAD_BIRTH_DATE,
    FUTURE_BIRTH_DATE,
    UNKNOWN_PROVINCE;
}
