package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ticketwindow.idcheck.text.Texts;
import org.ticketwindow.idcheck.verify.name.NameMatch;
import org.ticketwindow.idcheck.verify.name.NameRule;
import org.ticketwindow.idcheck.verify.name.NameRules;
import org.ticketwindow.idcheck.verify.name.SpecialName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code idcheck match-name}: the N-rules on two names; JSON. Exit 0 whatever the outcome (it is information). */
@Command(name = "match-name", description = "Compare a website name with a card name by the name rules N1-N6; JSON.")
final class MatchNameCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--card", required = true, description = "The name on the document (C).")
    String card;

    @Option(names = "--entered", required = true, description = "The name entered on the website (W).")
    String entered;

    @Override public Integer call() {
        Json.print(spec.commandLine().getOut(), json(new NameRules().compare(card, entered)));
        return 0;
    }

    static ObjectNode json(NameMatch m) {
        ObjectNode o = Json.object();
        o.put("outcome", m.outcome().name());
        var rules = o.putArray("rules");
        for (NameRule r : NameRule.values()) if (m.rules().contains(r)) rules.add(r.id());
        var special = o.putArray("special");
        for (SpecialName s : SpecialName.values()) if (m.special().contains(s)) special.add(s.name());
        o.put("position", m.position());
        o.put("hint", Texts.chinese().of(m.hint()));
        o.put("hintEn", Texts.english().of(m.hint()));
        return o;
    }
}
