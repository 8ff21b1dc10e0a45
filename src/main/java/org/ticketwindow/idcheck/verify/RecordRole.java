package org.ticketwindow.idcheck.verify;

/** Whose record it is: the 12306 account holder (注册用户) or a passenger saved under it (常用联系人). */
public enum RecordRole {
    REGISTERED_USER,
    CONTACT;
}
