package org.ticketwindow.idcheck.verify;

/**
 * The reason texts of every rule, in one place so the console, the central and the CLI say the same thing.
 * Each is one plain sentence a clerk can read out; none carries personal data.
 */
public final class Reasons {
    private Reasons() {}

    // Reasons without parameters are built once: a decision should not allocate its texts.
    private static final Reason D2_FIRST_GENERATION = new Reason("D2", "网站已不支持一代居民身份证：请先在网站将证件类型和号码改为二代居民身份证，再来办理核验。",
            "First-generation ID cards are no longer supported: change the record to the second-generation card first.");
    private static final Reason V1_PASSED = new Reason("V1", "证件与网站信息一致，核验通过：姓名、证件类型和证件号码已锁定，不可再修改。",
            "Document and website entry agree: verified; name, document type and number are now frozen.");
    private static final Reason V1_FAILED = new Reason("V1", "证件与网站填写的信息不一致，核验未通过：请按证件原件在网站修改后，状态显示“待核验”时再来办理。",
            "The website entry differs from the document: not verified; correct it on the website, then come back.");
    private static final Reason V2_AGENCY = new Reason("V2", "姓名超长、含生僻字或繁体字的，只能在车站售票窗口办理核验，代售点不能办理。",
            "Over-long names and names with rare or traditional characters are verified only at a station window.");
    private static final Reason V2_FACTOR_WRONG = new Reason("V2", "提供的附加信息与网站登记的不一致，不予办理。",
            "The extra factor does not match the registration; refused.");
    private static final Reason V3_FAILED = new Reason("V3", "该记录状态为“未通过”：请乘客先在网站按证件原件修改身份信息，保存后状态显示“待核验”时再来办理。",
            "The record is FAILED: the passenger must correct the website entry first (it then shows PENDING).");
    private static final Reason P1_PASSED = new Reason("P1", "证件与网站信息一致，预核验通过：姓名、国籍、证件类型和证件号码已锁定。",
            "Document and website entry agree: pre-verified; name, nationality, type and number are now frozen.");
    private static final Reason P1_FAILED = new Reason("P1", "证件与网站填写的信息不一致，预核验未通过。",
            "The website entry differs from the document: pre-verification failed.");
    private static final Reason P1_WRONG_CASE = new Reason("P1", "护照、港澳居民来往内地通行证、台湾居民来往大陆通行证请办理“护照/通行证预核验”。",
            "Passports and permits go through passport/permit pre-verification.");
    private static final Reason P1_CHIP_WRONG_CASE = new Reason("V1", "二代居民身份证和芯片证件请办理“本人核验”，用读卡器读取。",
            "Resident ID cards and chip permits are verified on-site with the card reader.");
    private static final Reason P2_AGENCY = new Reason("P2", "护照、港澳居民来往内地通行证、台湾居民来往大陆通行证的业务只能在车站售票窗口办理。",
            "Passport and permit cases are handled only at a station window.");
    private static final Reason P3_NOTE = new Reason("P3", "已购票的“请报验”联系人：预核验通过后可正常换票、改签、退票；未通过的只能退票。",
            "A REPORT contact holding tickets: after passing, tickets can be exchanged, changed, refunded; failed: refund only.");
    private static final Reason X1_NEEDS = new Reason("X1", "代办核验须同时出示代办人和委托人的有效身份证件原件。",
            "A proxy case needs both the proxy's and the principal's valid original documents.");
    private static final Reason X1_SAME_PERSON = new Reason("X1", "代办人与委托人为同一人，请办理“本人核验”。",
            "Proxy and principal are the same person: use on-site verification.");
    private static final Reason X2_AGENCY = new Reason("X2", "委托人持护照、港澳居民来往内地通行证或台湾居民来往大陆通行证的，代办核验只能在车站售票窗口办理。",
            "A proxy case for a passport or permit holder is handled only at a station window.");
    private static final Reason X3_AGENCY = new Reason("X3", "委托人姓名超长、含生僻字或繁体字的，代办核验只能在车站售票窗口办理。",
            "A principal with a special name can be verified by proxy only at a station window.");
    private static final Reason X4_NO_PROXY = new Reason("X4", "“身份信息重复”须注册用户本人办理，不能代办。",
            "A duplicate-identity claim must be made by the registered user in person, never by proxy.");
    private static final Reason L1_NOT_RID = new Reason("L1", "超过常用联系人上限后只能添加二代居民身份证联系人，且注册用户和联系人的二代居民身份证原件都须用读卡器读取。",
            "Beyond the contact limit only resident-ID-card contacts can be added, with both cards read by the reader.");
    private static final Reason L1_USER_DIFFERS = new Reason("L1", "注册用户的身份证与该账户登记的信息不一致，不予办理。",
            "The registered user's card does not match the account; refused.");
    private static final Reason L1_AGENCY = new Reason("L1", "超限添加的联系人姓名超长、含生僻字或繁体字的，只能在车站售票窗口办理。",
            "An over-limit contact with a special name is handled only at a station window.");
    private static final Reason L2_NOTE = new Reason("L2", "“请报验”联系人每个注册用户最多添加5人；“请报验”注册用户购票总数不超过20张，每个“请报验”联系人不超过4张（含已改、已退）；"
            + "“已通过”“预通过”“请报验”联系人180天内不能删除。以上由中心执行。",
            "At most 5 REPORT contacts per user; a REPORT user buys at most 20 tickets, 4 per REPORT contact (changed "
            + "and refunded count); PASSED/PRE_PASSED/REPORT contacts cannot be deleted for 180 days. The central enforces these.");
    private static final Reason DUP1_AGENCY = new Reason("DUP1", "“身份信息重复”只能由注册用户本人到车站售票窗口办理。",
            "A duplicate-identity claim is handled only at a station window.");
    private static final Reason DUP1_NOT_FLAGGED = new Reason("DUP1", "该注册用户在网站上没有“身份信息重复”的提示，无需办理。",
            "The website shows no duplicate-identity notice for this user: nothing to do.");
    private static final Reason DUP1_DOCUMENT_DIFFERS = new Reason("DUP1", "出示的证件与网站注册时填写的证件不一致：须持注册时填写的有效身份证件原件办理。",
            "The document differs from the one used at registration: that original document is needed.");
    private static final Reason DUP1_FLAGGED_AGENCY = new Reason("DUP1", "该记录有“身份信息重复”提示：须注册用户本人到车站售票窗口办理，代售点不能办理。",
            "The record is flagged as a duplicate identity: only the registered user in person, at a station window.");
    private static final Reason DUP1_FLAGGED_PROXY = new Reason("DUP1", "该记录有“身份信息重复”提示：须注册用户本人到车站售票窗口办理，不能代办。",
            "The record is flagged as a duplicate identity: only the registered user in person, never by proxy.");
    private static final Reason DUP1_CONTACT = new Reason("DUP1", "“身份信息重复”申诉只适用于注册用户本人的记录，常用联系人不能办理。",
            "A duplicate-identity claim is for the registered user's own record, not for a contact.");
    private static final Reason DUP1_RECORDED = new Reason("DUP1", "已登记“身份信息重复”申诉，由中心处理。",
            "The duplicate-identity claim is recorded; the central resolves it.");
    private static final Reason C1_CHILD_WITHOUT_DOCUMENT = new Reason("C1", "没有有效身份证件的儿童使用同行成人的身份信息购票，无需核验。",
            "A child without an ID document travels on an accompanying adult's identity: nothing to verify.");
    private static final Reason E3_NOT_FOR_VERIFICATION = new Reason("E3", "电子临时乘车身份证明不能用于身份信息核验，请持二代居民身份证原件办理。",
            "An electronic temporary proof cannot be used for account verification: the original ID card is needed.");
    private static final Reason E3_AGENCY_REFUSED = new Reason("E3", "电子临时乘车身份证明只能在实行电子客票的车站售票窗口办理售票、退票、改签。",
            "An electronic temporary proof is accepted only at station windows running electronic tickets.");
    private static final Reason E3_SERVICES = new Reason("E3", "电子临时乘车身份证明可在本窗口代替身份证办理售票、改签、退票和实名核验。",
            "The electronic proof stands in for the ID card for sale, change, refund and the real-name check.");
    private static final Reason E4_NOTE = new Reason("E4", "每人每个自然月可申请3次电子临时乘车身份证明；当前证明失效前3小时内可申请新的。",
            "A person may obtain 3 proofs per calendar month, and a new one within 3 hours before the current one expires.");
    private static final Reason E3_AGENCY_ADVICE = new Reason("E3", "乘客的电子临时乘车身份证明有效：请到实行电子客票的车站售票窗口办理。",
            "The passenger's electronic proof is valid: go to a station window running electronic tickets.");
    private static final Reason E5_ADVICE = new Reason("E5", "电子临时乘车身份证明无效时，请到车站公安制证窗口办理纸质临时乘车身份证明。",
            "If the electronic proof fails, go to the station police desk for a paper proof.");
    private static final Reason T1 = new Reason("T1", "已通过的乘客可在车站售票窗口换票、改签、退票，在代售点换票。",
            "PASSED: exchange, change and refund at a station window; exchange at an agency.");
    private static final Reason T2 = new Reason("T2", "姓名、证件号码与网站完全一致，也可凭二代居民身份证在自动售取票机换票。",
            "Name and number equal the website exactly: tickets can also be exchanged at self-service machines.");
    private static final Reason T3 = new Reason("T3", "特殊姓名：凭二代居民身份证原件和订单号在车站售票窗口或代售点换票，改签、退票只能在车站售票窗口办理。",
            "Special name: exchange with ID card and order number at a window or agency; change or refund only at a station window.");
    private static final Reason T4_REPORT = new Reason("T4", "“请报验”状态须先在车站售票窗口办理预核验才能换票、改签；可以退票。",
            "REPORT: pre-verification at a station window comes before exchange or change; refund is possible.");
    private static final Reason T4_FAILED = new Reason("T4", "预核验未通过：只能退票，不能换票、改签。",
            "Pre-verification failed: refund only.");
    private static final Reason T5 = new Reason("T5", "已通过或预通过的护照、通行证持有人可在车站售票窗口正常办理，在代售点换票。",
            "PASSED/PRE_PASSED passport or permit holders: normal service at a station window; exchange at an agency.");
    private static final Reason TICKET_DOCUMENT_DIFFERS = new Reason("T1", "出示的证件与购票记录的身份信息不一致，不能办理。",
            "The document does not match the ticket holder's record.");
    private static final Reason PENDING_CENTRAL = new Reason("A1", "证件已核对并记录，中心联通后将按规则处理该结果。",
            "The document is checked and the result recorded; the central applies it when it is reached.");
    private static final Reason FACTOR_DEFERRED = new Reason("V2", "附加信息已加密记录，由中心核对后处理。",
            "The extra factor is recorded as a hash; the central checks it.");


    // ---- documents ----

    public static Reason d1Expired(DocumentRole role, String until) {
        return new Reason("D1", role.zh() + "已过有效期（有效期至 " + until + "），请持有效证件办理。",
                "The " + role.en() + " expired on " + until + ": a valid document is needed.");
    }

    public static Reason d1NotYetValid(DocumentRole role, String from) {
        return new Reason("D1", role.zh() + "尚未生效（起始日期 " + from + "），请持有效证件办理。",
                "The " + role.en() + " is not valid before " + from + ".");
    }

    public static Reason d2FirstGeneration() { return D2_FIRST_GENERATION; }

    public static Reason d3Unreadable(DocumentRole role) {
        return new Reason("D3", role.zh() + "为二代居民身份证但无法自动识读，不予办理：请到发证机关（户籍所在地公安机关）换领新证后再来办理。",
                "The " + role.en() + " cannot be read automatically and cannot be used: get a new card from the issuing authority.");
    }

    public static Reason d4ManualEntry(DocumentType type) {
        return new Reason("D4", type.zh() + "必须用读卡器读取，不接受手工录入。",
                "A " + type.en() + " must be read by the card reader; typed data is not accepted.");
    }

    public static Reason d5Suspect(DocumentRole role, String detailZh, String detailEn) {
        return new Reason("D5", role.zh() + "未通过检查（" + detailZh + "），可能为伪造或损坏的证件，不予办理：请到发证机关核查。",
                "The " + role.en() + " failed its checks (" + detailEn + "): it may be forged or damaged; refused.");
    }

    public static Reason entryIncomplete(String zh, String en) {
        return new Reason("P1", zh, en);
    }

    // ---- on-site verification ----

    public static Reason v1Passed() { return V1_PASSED; }

    public static Reason v1Failed() { return V1_FAILED; }

    public static Reason v2Agency() { return V2_AGENCY; }

    public static Reason v2FactorMissing(RecordRole role) {
        return role == RecordRole.CONTACT
                ? new Reason("V2", "特殊姓名核验还需提供注册用户注册时填写的身份证件号码。",
                "A special name also needs the registered user's ID number.")
                : role == RecordRole.REGISTERED_USER
                ? new Reason("V2", "特殊姓名核验还需提供手机号后4位或注册邮箱前3位。",
                "A special name also needs the last 4 phone digits or the first 3 characters of the e-mail.")
                : new Reason("V2", "特殊姓名核验还需提供附加信息：注册用户提供手机号后4位或注册邮箱前3位，联系人提供注册用户的证件号码。",
                "A special name also needs the extra factor: phone last 4 or e-mail first 3 for a registered user, "
                        + "the registered user's ID number for a contact.");
    }

    public static Reason v2FactorWrong() { return V2_FACTOR_WRONG; }

    public static Reason v2FactorWrongKind(ExtraFactorKind given, RecordRole role) {
        return new Reason("V2", role.zh() + "不能用“" + given.zh() + "”作为附加信息。",
                "A " + role.en() + " cannot use the " + given.en() + " as extra factor.");
    }

    public static Reason v3Failed() { return V3_FAILED; }

    public static Reason v4AlreadyVerified(RecordStatus s) {
        return new Reason("V4", "该记录已是“" + s.zh() + "”状态，无需再次核验。",
                "The record is already " + s.en() + ": nothing to do.");
    }

    public static Reason v5UserNotVerified(RecordStatus s) {
        return new Reason("V5", "注册用户状态为“" + s.zh() + "”：通过核验前不能添加常用联系人，也不能购票。",
                "The registered user is " + s.en() + ": no contacts can be added and no tickets bought until verified.");
    }

    // ---- passports and permits ----

    public static Reason p1Passed() { return P1_PASSED; }

    public static Reason p1Failed() { return P1_FAILED; }

    public static Reason p1WrongCase() { return P1_WRONG_CASE; }

    public static Reason p1ChipWrongCase() { return P1_CHIP_WRONG_CASE; }

    public static Reason p2Agency() { return P2_AGENCY; }

    public static Reason p3Note() { return P3_NOTE; }

    // ---- proxy ----

    public static Reason x1Needs() { return X1_NEEDS; }

    public static Reason x1SamePerson() { return X1_SAME_PERSON; }

    public static Reason x2Agency() { return X2_AGENCY; }

    public static Reason x3Agency() { return X3_AGENCY; }

    public static Reason x4NoProxy() { return X4_NO_PROXY; }

    // ---- over the contact limit ----

    public static Reason l1NotRid() { return L1_NOT_RID; }

    public static Reason l1NotOver(int counted, int limit) {
        return new Reason("L1", "该注册用户的常用联系人为 " + counted + " 人，未超过上限 " + limit + " 人：联系人本人核验即可。",
                "The registered user has " + counted + " contacts, within the limit of " + limit + ": ordinary verification would do.");
    }

    public static Reason l1UserDiffers() { return L1_USER_DIFFERS; }

    public static Reason l1Agency() { return L1_AGENCY; }

    public static Reason l2Note() { return L2_NOTE; }

    // ---- duplicate identity ----

    public static Reason dup1Agency() { return DUP1_AGENCY; }

    public static Reason dup1NotFlagged() { return DUP1_NOT_FLAGGED; }

    public static Reason dup1DocumentDiffers() { return DUP1_DOCUMENT_DIFFERS; }

    public static Reason dup1Recorded() { return DUP1_RECORDED; }

    public static Reason dup1FlaggedAgency() { return DUP1_FLAGGED_AGENCY; }

    public static Reason dup1FlaggedProxy() { return DUP1_FLAGGED_PROXY; }

    public static Reason dup1Contact() { return DUP1_CONTACT; }

    // ---- children ----

    public static Reason c1ChildWithoutDocument() { return C1_CHILD_WITHOUT_DOCUMENT; }

    // ---- electronic proof ----

    public static Reason e3NotForVerification() { return E3_NOT_FOR_VERIFICATION; }

    public static Reason e3AgencyRefused() { return E3_AGENCY_REFUSED; }

    public static Reason e3Services() { return E3_SERVICES; }

    public static Reason e4Note() { return E4_NOTE; }

    public static Reason e5Advice() { return E5_ADVICE; }

    public static Reason e3AgencyAdvice() { return E3_AGENCY_ADVICE; }

    // ---- ticket services ----

    public static Reason t1() { return T1; }

    public static Reason t2() { return T2; }

    public static Reason t3() { return T3; }

    public static Reason t4Report() { return T4_REPORT; }

    public static Reason t4Failed() { return T4_FAILED; }

    public static Reason t5() { return T5; }

    public static Reason refundOnly(RecordStatus s) {
        return new Reason("T1", "记录状态为“" + s.zh() + "”：只能在车站售票窗口退票。",
                "The record is " + s.en() + ": refund only, at a station window.");
    }

    public static Reason ticketDocumentDiffers() { return TICKET_DOCUMENT_DIFFERS; }

    // ---- offline ----

    public static Reason pendingCentral() { return PENDING_CENTRAL; }

    public static Reason factorDeferred() { return FACTOR_DEFERRED; }
}
