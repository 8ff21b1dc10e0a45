package org.ticketwindow.idcheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ticketwindow.idcheck.etp.EtpIssuer;
import org.ticketwindow.idcheck.etp.EtpPayload;
import org.ticketwindow.idcheck.etp.EtpRefusal;
import org.ticketwindow.idcheck.etp.EtpVerdict;
import org.ticketwindow.idcheck.etp.EtpVerifier;
import org.ticketwindow.idcheck.etp.IssuerKey;
import org.ticketwindow.idcheck.etp.QrCodes;
import org.ticketwindow.idcheck.etp.TrustList;
import org.ticketwindow.idcheck.identity.ElectronicProof;
import org.ticketwindow.idcheck.identity.Masking;
import org.ticketwindow.idcheck.text.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code idcheck etp}: the electronic temporary travel identity proof (E1–E6): verify, and issue for training. */
@Command(name = "etp", description = "Electronic temporary travel identity proof (电子临时乘车身份证明).",
        subcommands = {EtpCommand.Keygen.class, EtpCommand.Issue.class, EtpCommand.Verify.class})
final class EtpCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    @Command(name = "keygen", description = "Create a training issuer key (Ed25519) and print its trust-list line.")
    static final class Keygen implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--kid", defaultValue = "training-issuer", description = "Key id (default: ${DEFAULT-VALUE}).")
        String kid;

        @Option(names = "--out", required = true, description = "Private key file to write (owner-only).")
        Path out;

        @Option(names = "--trust-out", description = "Also append the public key's line to this trust list file.")
        Path trustOut;

        @Override public Integer call() throws IOException {
            if (Files.exists(out)) throw new CommandLine.ParameterException(spec.commandLine(), out + " exists: not overwritten");
            IssuerKey key = IssuerKey.generate(kid);
            key.save(out);
            if (trustOut != null) {
                Files.writeString(trustOut, key.trustLine() + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
            spec.commandLine().getOut().println(key.trustLine());
            return 0;
        }
    }

    @Command(name = "issue", description = "Issue a signed proof QR (training and tests): PNG with --out, text with --text.")
    static final class Issue implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", required = true, description = "Issuer key file from 'etp keygen'.") Path key;
        @Option(names = "--name", required = true, description = "Holder's name.") String name;
        @Option(names = "--idn", required = true, description = "Holder's resident ID number.") String idn;
        @Option(names = "--doc", defaultValue = "RID", description = "Document type (default: ${DEFAULT-VALUE}; others are refused by E1).") String doc;
        @Option(names = "--iat", description = "Issue time, epoch seconds (default: now).") Long iat;
        @Option(names = "--qrt", description = "QR generation time, epoch seconds (default: now).") Long qrt;
        @Option(names = "--pid", description = "Proof id (default: a random UUID).") String pid;
        @Option(names = "--out", description = "Write the QR code as a PNG.") Path out;
        @Option(names = "--size", defaultValue = "600", description = "PNG size in pixels (default: ${DEFAULT-VALUE}).") int size;
        @Option(names = "--text", description = "Print the QR text on stdout.") boolean text;

        @Override public Integer call() throws IOException {
            if (out == null && !text) throw new CommandLine.ParameterException(spec.commandLine(), "give --out FILE, --text, or both");
            long now = Instant.now().getEpochSecond();
            String qr = new EtpIssuer(IssuerKey.load(key)).issue(new EtpPayload(null,
                    pid != null ? pid : UUID.randomUUID().toString(), doc, name, idn, iat != null ? iat : now,
                    qrt != null ? qrt : now));
            if (out != null) QrCodes.writePng(QrCodes.encode(qr, size), out);
            if (text) spec.commandLine().getOut().println(qr);
            return 0;
        }
    }

    @Command(name = "verify", description = "Verify a proof from scanner text or an image; JSON; exit 0 accepted, 1 refused.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @CommandLine.ArgGroup(multiplicity = "1") Source source;

        static final class Source {
            @Option(names = "--text", description = "The text a 2D scanner typed.") String text;
            @Option(names = "--image", description = "A PNG or JPEG image of the QR code.") Path image;
        }

        @Option(names = "--trust", required = true, description = "Trust list file (kid=<base64 public key> lines).") Path trust;
        @Option(names = "--now", description = "Check as of this time, epoch seconds (default: now).") Long now;
        @Option(names = "--skew", defaultValue = "5", description = "Allowed clock skew in seconds (default: ${DEFAULT-VALUE}).") long skew;
        @Option(names = "--show-pii", description = "Print the holder's name and number in clear.") boolean showPii;

        @Override public Integer call() throws IOException {
            TrustList list;
            try {
                list = TrustList.load(trust);
            } catch (TrustList.TrustListException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Optional<String> text = source.text != null ? Optional.of(source.text) : QrCodes.decode(source.image);
            EtpVerdict v = text.isEmpty()
                    ? new EtpVerdict.Refused(EtpRefusal.UNREADABLE, "no QR code found in the image")
                    : new EtpVerifier(list, Duration.ofSeconds(skew)).verify(text.get(),
                    now != null ? Instant.ofEpochSecond(now) : Instant.now());
            PrintWriter out = spec.commandLine().getOut();
            Json.print(out, json(v, showPii));
            return v instanceof EtpVerdict.Accepted ? 0 : 1;
        }

        static ObjectNode json(EtpVerdict v, boolean showPii) {
            ObjectNode o = Json.object();
            switch (v) {
                case EtpVerdict.Accepted a -> {
                    ElectronicProof p = a.proof();
                    o.put("accepted", true);
                    o.putNull("reason");
                    o.put("proofId", p.proofId());
                    o.put("issuer", p.issuerKeyId());
                    o.put("name", showPii ? p.name().value() : p.name().masked());
                    o.put("idNumber", showPii ? p.idNumber().value() : Masking.documentNumber(p.idNumber().value()));
                    o.put("issuedAt", p.issuedAt().toString());
                    o.put("validUntil", p.validUntil().toString());
                    o.put("usableFor", "TICKET_SERVICES");
                    o.put("message", Texts.chinese().get("etp.ACCEPTED"));
                    o.put("messageEn", Texts.english().get("etp.ACCEPTED"));
                }
                case EtpVerdict.Refused r -> {
                    o.put("accepted", false);
                    o.put("reason", r.reason().name());
                    o.put("detail", Untrusted.text(r.detail())); // may quote the unverified payload
                    o.put("message", Texts.chinese().of(r.reason()));
                    o.put("messageEn", Texts.english().of(r.reason()));
                    if (r.reason().sendsToPoliceDesk()) { // as the console says it: not for a code to refresh (E5)
                        o.put("advice", Texts.chinese().get("etp.ADVICE"));
                        o.put("adviceEn", Texts.english().get("etp.ADVICE"));
                    }
                }
            }
            return o;
        }
    }
}
