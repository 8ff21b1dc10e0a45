package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ticketwindow.idcheck.text.Texts;
import org.ticketwindow.idcheck.verify.Decision;
import org.ticketwindow.idcheck.verify.FieldComparison;
import org.ticketwindow.idcheck.verify.Missing;
import org.ticketwindow.idcheck.verify.Reason;
import org.ticketwindow.idcheck.verify.StatusChange;
import org.ticketwindow.idcheck.verify.TicketService;
import org.ticketwindow.idcheck.verify.TicketServices;
import org.ticketwindow.idcheck.verify.VerificationCase;
import org.ticketwindow.idcheck.verify.VerificationRules;
import org.ticketwindow.idcheck.verify.name.SpecialName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code idcheck decide --case FILE}: the decision for a case described in JSON, so trainers can check any scenario. */
@Command(name = "decide", description = "Decide a verification case described in a JSON file (docs/cli.md); JSON.")
final class DecideCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", required = true, description = "The case file (examples in docs/examples/).")
    Path caseFile;

    @Override public Integer call() {
        VerificationCase c;
        try {
            c = CaseFile.load(caseFile);
        } catch (CaseFile.CaseFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Json.print(spec.commandLine().getOut(), json(new VerificationRules().decide(c)));
        return 0;
    }

    /** Decision JSON: no name or number appears in it, only rule ids, texts and hints (hints may quote a character). */
    static ObjectNode json(Decision d) {
        ObjectNode o = Json.object();
        o.put("case", d.caseKind().name());
        o.put("outcome", d.outcome().name());
        o.put("outcomeText", Texts.chinese().of(d.outcome()));
        o.put("recordable", d.recordable());
        o.set("rules", strings(d.ruleIds()));
        o.set("reasons", reasons(d.reasons()));
        ArrayNode changes = o.putArray("statusChanges");
        for (StatusChange s : d.statusChanges()) {
            ObjectNode c = changes.addObject();
            c.put("recordId", s.recordId());
            c.put("from", s.from().name());
            c.put("to", s.to().name());
            c.set("frozen", strings(s.frozen().stream().map(Enum::name).sorted().toList()));
        }
        o.set("missing", strings(d.missing().stream().map(Missing::name).sorted().toList()));
        ArrayNode comparisons = o.putArray("comparisons");
        for (FieldComparison f : d.comparisons()) {
            ObjectNode c = comparisons.addObject();
            c.put("document", f.role().name());
            c.put("field", f.field().name());
            c.put("result", f.result().name());
            c.set("rules", strings(f.rules()));
            String hint = Texts.chinese().of(f.hint());
            if (!hint.isEmpty()) c.put("hint", hint);
        }
        ObjectNode factor = o.putObject("extraFactor");
        factor.put("status", d.extraFactor().status().name());
        if (d.extraFactor().kind() != null) factor.put("kind", d.extraFactor().kind().name());
        if (d.extraFactor().digest() != null) factor.put("digest", d.extraFactor().digest());
        o.set("specialName", strings(d.specialName().stream().sorted().map(SpecialName::name).toList()));
        if (d.services().isPresent()) {
            TicketServices t = d.services().get();
            ObjectNode s = o.putObject("ticketServices");
            s.set("here", services(t.here()));
            s.set("stationWindowOnly", services(t.stationWindowOnly()));
            s.put("orderNumberRequired", t.orderNumberRequired());
            s.put("selfServiceExchange", t.selfServiceExchange());
            s.put("preVerificationFirst", t.preVerificationFirst());
        }
        o.set("notes", reasons(d.notes()));
        return o;
    }

    private static ArrayNode reasons(List<Reason> rs) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Reason r : rs) a.addObject().put("rule", r.rule()).put("key", r.key()).put("zh", Texts.chinese().of(r)).put("en", Texts.english().of(r));
        return a;
    }

    private static ArrayNode services(Collection<TicketService> s) {
        return strings(s.stream().sorted().map(Enum::name).toList());
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
