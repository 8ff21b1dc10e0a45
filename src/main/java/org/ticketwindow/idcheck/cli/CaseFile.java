package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ticketwindow.idcheck.identity.ElectronicProof;
import org.ticketwindow.idcheck.identity.IdNumber;
import org.ticketwindow.idcheck.identity.PersonName;
import org.ticketwindow.idcheck.identity.RailwayTime;
import org.ticketwindow.idcheck.reader.sim.CardFixture;
import org.ticketwindow.idcheck.validation.Problem;
import org.ticketwindow.idcheck.validation.Problems;
import org.ticketwindow.idcheck.verify.CaseKind;
import org.ticketwindow.idcheck.verify.ClerkNameDecision;
import org.ticketwindow.idcheck.verify.CounterKind;
import org.ticketwindow.idcheck.verify.DocumentRole;
import org.ticketwindow.idcheck.verify.DocumentType;
import org.ticketwindow.idcheck.verify.EnteredDocument;
import org.ticketwindow.idcheck.verify.ExtraFactor;
import org.ticketwindow.idcheck.verify.ExtraFactorKind;
import org.ticketwindow.idcheck.verify.IdentityRecord;
import org.ticketwindow.idcheck.verify.Mrz;
import org.ticketwindow.idcheck.verify.Policy;
import org.ticketwindow.idcheck.verify.Presented;
import org.ticketwindow.idcheck.verify.RecordRole;
import org.ticketwindow.idcheck.verify.RecordStatus;
import org.ticketwindow.idcheck.verify.VerificationCase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * A case described in a JSON file for {@code idcheck decide} (format in docs/cli.md, examples in docs/examples/).
 * The first problem is reported as {@code file: key: reason} (a {@link Problem}); reading stops there because what
 * follows depends on it (the case kind names the documents). Unknown keys are errors, so a typo is never silently
 * ignored. Chip cards are simulator tray cards ({@code "card": "ordinary"}), fixture files, or inline fixtures.
 */
public final class CaseFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final class CaseFileException extends Exception {
        CaseFileException(Problem problem) { super(problem.toString()); }
    }

    private final String file;
    private final Path dir;

    private CaseFile(Path path) {
        this.file = path.toString();
        this.dir = path.toAbsolutePath().getParent();
    }

    public static VerificationCase load(Path path) throws CaseFileException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new CaseFileException(new Problem(path.toString(), Problem.WHOLE_FILE, "cannot read the case file as JSON (" + firstLine(e.getMessage()) + ")"));
        }
        return new CaseFile(path).parse(root);
    }

    private VerificationCase parse(JsonNode n) throws CaseFileException {
        object(n, "(top)");
        keys(n, "", Set.of("counterKind", "case", "today", "contactLimit", "documents", "record", "registeredUser",
                "countedContacts", "extraFactor", "clerkNameDecision", "childWithoutDocument", "comment"));
        CounterKind counter = enumOf(CounterKind.class, required(n, "counterKind").asText(), "counterKind");
        CaseKind kind = enumOf(CaseKind.class, required(n, "case").asText(), "case");
        LocalDate today = n.has("today") ? date(n.get("today").asText(), "today") : LocalDate.now(RailwayTime.ZONE);
        VerificationCase.Builder b = VerificationCase.builder(counter, kind, today);
        if (n.has("contactLimit")) b.policy(new Policy(integer(n.get("contactLimit"), "contactLimit")));
        if (n.has("documents")) {
            JsonNode docs = object(n.get("documents"), "documents");
            for (Iterator<String> it = docs.fieldNames(); it.hasNext(); ) {
                String role = it.next();
                DocumentRole r = enumOf(DocumentRole.class, role, "documents." + role);
                b.document(r, presented(docs.get(role), "documents." + role, today));
            }
        }
        if (n.has("record")) b.record(record(n.get("record"), "record"));
        if (n.has("registeredUser")) b.registeredUser(record(n.get("registeredUser"), "registeredUser"));
        if (n.has("countedContacts")) b.countedContacts(integer(n.get("countedContacts"), "countedContacts"));
        if (n.has("extraFactor")) {
            JsonNode f = object(n.get("extraFactor"), "extraFactor");
            keys(f, "extraFactor.", Set.of("kind", "value", "digest"));
            ExtraFactorKind k = enumOf(ExtraFactorKind.class, required(f, "kind", "extraFactor.").asText(), "extraFactor.kind");
            if (f.has("digest")) b.extraFactor(new ExtraFactor.Hashed(k, f.get("digest").asText()));
            else b.extraFactor(new ExtraFactor.Given(k, required(f, "value", "extraFactor.").asText()));
        }
        if (n.has("clerkNameDecision")) {
            b.clerkNameDecision(enumOf(ClerkNameDecision.class, n.get("clerkNameDecision").asText(), "clerkNameDecision"));
        }
        if (n.has("childWithoutDocument")) b.childWithoutDocument(n.get("childWithoutDocument").asBoolean());
        return b.build();
    }

    private Presented presented(JsonNode n, String at, LocalDate today) throws CaseFileException {
        object(n, at);
        keys(n, at + ".", Set.of("card", "unreadable", "entered", "mrz", "proof"));
        if (n.size() != 1) throw error(at, "give exactly one of card, unreadable, entered, mrz, proof");
        if (n.has("unreadable")) return new Presented.Unreadable("reported in the case file");
        if (n.has("card")) {
            JsonNode c = n.get("card");
            try {
                CardFixture fixture = c.isTextual() ? resolve(c.asText()) : CardFixture.parse(file + ": " + at + ".card", c);
                return fixture.unreadable() ? new Presented.Unreadable("fixture " + fixture.id() + " does not read")
                        : new Presented.Chip(fixture.card());
            } catch (CardFixture.FixtureException e) {
                throw error(at + ".card", e.getMessage());
            }
        }
        if (n.has("mrz")) {
            try {
                return new Presented.Entered(Mrz.parsePassport(n.get("mrz").asText(), today));
            } catch (Mrz.MrzException e) {
                throw error(at + ".mrz", e.getMessage());
            }
        }
        if (n.has("entered")) {
            JsonNode e = object(n.get("entered"), at + ".entered");
            String p = at + ".entered.";
            keys(e, p, Set.of("type", "number", "name", "nationality", "birthDate", "validUntil"));
            return new Presented.Entered(new EnteredDocument(
                    enumOf(DocumentType.class, required(e, "type", p).asText(), p + "type"),
                    e.path("number").asText(""), new PersonName(e.path("name").asText("")), e.path("nationality").asText(""),
                    e.has("birthDate") ? date(e.get("birthDate").asText(), p + "birthDate") : null,
                    e.has("validUntil") ? date(e.get("validUntil").asText(), p + "validUntil") : null,
                    EnteredDocument.Source.KEYBOARD));
        }
        JsonNode pr = object(n.get("proof"), at + ".proof");
        String p = at + ".proof.";
        keys(pr, p, Set.of("proofId", "name", "idNumber", "issuedAt", "issuer"));
        Instant issued = pr.has("issuedAt") ? Instant.ofEpochSecond(pr.get("issuedAt").asLong()) : today.atStartOfDay(RailwayTime.ZONE).toInstant();
        return new Presented.Proof(new ElectronicProof(pr.path("proofId").asText("case-file"),
                new PersonName(required(pr, "name", p).asText()), IdNumber.of(required(pr, "idNumber", p).asText()),
                issued, issued.plusSeconds(86_400), pr.path("issuer").asText("case-file")));
    }

    private CardFixture resolve(String card) throws CardFixture.FixtureException {
        Path relative = dir == null ? null : dir.resolve(card);
        return relative != null && Files.isRegularFile(relative) ? CardFixture.load(relative) : CardFixture.resolve(card);
    }

    private IdentityRecord record(JsonNode n, String at) throws CaseFileException {
        object(n, at);
        String p = at + ".";
        keys(n, p, Set.of("id", "role", "status", "name", "documentType", "documentNumber", "nationality",
                "duplicateIdentity", "factors"));
        IdentityRecord.FactorReference factors = null;
        if (n.has("factors")) {
            JsonNode f = object(n.get("factors"), p + "factors");
            keys(f, p + "factors.", Set.of("phoneLast4", "emailFirst3", "registeredUserIdNumber"));
            factors = new IdentityRecord.FactorReference(textOrNull(f, "phoneLast4"), textOrNull(f, "emailFirst3"),
                    textOrNull(f, "registeredUserIdNumber"));
        }
        return new IdentityRecord(n.path("id").asText("record"),
                enumOf(RecordRole.class, required(n, "role", p).asText(), p + "role"),
                enumOf(RecordStatus.class, required(n, "status", p).asText(), p + "status"),
                new PersonName(required(n, "name", p).asText()),
                enumOf(DocumentType.class, required(n, "documentType", p).asText(), p + "documentType"),
                required(n, "documentNumber", p).asText(), n.path("nationality").asText(""),
                n.path("duplicateIdentity").asBoolean(false), factors);
    }

    // ---- helpers: every error names the file and the key ----

    private static String textOrNull(JsonNode n, String key) { return n.has(key) ? n.get(key).asText() : null; }

    private JsonNode object(JsonNode n, String at) throws CaseFileException {
        if (n == null || !n.isObject()) throw error(at, "must be a JSON object");
        return n;
    }

    private void keys(JsonNode n, String prefix, Set<String> allowed) throws CaseFileException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) throw error(prefix + k, Problems.unknownKey(allowed));
        }
    }

    private JsonNode required(JsonNode n, String key) throws CaseFileException { return required(n, key, ""); }

    private JsonNode required(JsonNode n, String key, String prefix) throws CaseFileException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw error(prefix + key, "required");
        return v;
    }

    private <E extends Enum<E>> E enumOf(Class<E> type, String value, String at) throws CaseFileException {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) allowed.append(allowed.isEmpty() ? "" : ", ").append(c.name());
            throw error(at, "not one of " + allowed + " (the value is not repeated: it may be personal data)");
        }
    }

    private LocalDate date(String value, String at) throws CaseFileException {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw error(at, "not a date (YYYY-MM-DD)");
        }
    }

    private int integer(JsonNode n, String at) throws CaseFileException {
        if (!n.canConvertToInt()) throw error(at, "must be a whole number");
        return n.asInt();
    }

    /** Messages name the place, never the value there (PD1): what the file says can be a name or an ID number. */
    private CaseFileException error(String at, String reason) {
        return new CaseFileException(new Problem(file, Untrusted.text(at), Untrusted.text(reason)));
    }

    /** The parser's first line without the text it quotes (it may be personal data). */
    private static String firstLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        return Untrusted.text(line.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\""));
    }
}
