package org.ticketwindow.idcheck.central;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ticketwindow.idcheck.wire.Tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A training PKI in one directory (the JDK checks certificates but cannot issue them; Bouncy Castle's PKIX builders do,
 * docs/decisions/0007): an EC P-256 CA, the central's server certificate (with its DNS names and addresses) and one
 * client certificate per counter (CN = counter id), each as PKCS12 with its password in an owner-only file, and the CA's
 * revocation list (good for {@link #CRL_VALIDITY}; re-signed on each revocation or on demand), which the central
 * re-reads when it changes. {@code issued.tsv} and {@code revoked.tsv} keep the serial numbers. A production installation uses the railway's own CA; the central only needs the four files of
 * {@link CentralTls}.
 */
public final class TrainingPki {
    public static final String CA_P12 = "ca.p12";
    public static final String CA_PASSWORD = "ca.password";
    public static final String CA_PEM = "ca.pem";
    public static final String CRL_PEM = "crl.pem";
    public static final String SERVER_P12 = "server.p12";
    public static final String SERVER_PASSWORD = "server.password";
    static final String ISSUED = "issued.tsv";
    static final String REVOKED = "revoked.tsv";
    private static final Pattern COUNTER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a revocation list is good for: the central refuses every counter after its next-update date. */
    public static final Duration CRL_VALIDITY = Duration.ofDays(30);

    private final Path dir;

    public TrainingPki(Path dir) {
        this.dir = dir;
    }

    public Path dir() { return dir; }

    /** A key store and the file holding its password. */
    public record Issued(Path keyStore, Path passwordFile, BigInteger serial) {}

    /** Creates the CA (refuses to overwrite one) and an empty revocation list. */
    public void init(String name, Duration validity) throws IOException, GeneralSecurityException {
        if (Files.exists(dir.resolve(CA_P12))) throw new IllegalStateException("a CA already exists in " + dir);
        Files.createDirectories(dir);
        KeyPair kp = keyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "idcheck training").addRDN(BCStyle.CN, name).build();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(validity)), subject, kp.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate ca = sign(b, kp.getPrivate());
        writeKeyStore(dir.resolve(CA_P12), dir.resolve(CA_PASSWORD), "ca", kp.getPrivate(), ca, null);
        Files.writeString(dir.resolve(CA_PEM), pem(ca));
        Files.writeString(dir.resolve(ISSUED), "");
        Files.writeString(dir.resolve(REVOKED), "");
        writeCrl(CRL_VALIDITY);
    }

    /** The central's certificate for the given DNS names and IP addresses. */
    public Issued server(List<String> names, Duration validity) throws IOException, GeneralSecurityException {
        List<GeneralName> alt = new ArrayList<>();
        for (String n : names) {
            alt.add(n.matches("[0-9.]+|.*:.*") ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(n).getHostAddress())
                    : new GeneralName(GeneralName.dNSName, n));
        }
        return issue("central", names.getFirst(), KeyPurposeId.id_kp_serverAuth, new GeneralNames(alt.toArray(GeneralName[]::new)),
                dir.resolve(SERVER_P12), dir.resolve(SERVER_PASSWORD), validity);
    }

    /** A counter's client certificate: {@code counters/ID.p12} and {@code counters/ID.password}. */
    public Issued counter(String counterId, Duration validity) throws IOException, GeneralSecurityException {
        if (!COUNTER_ID.matcher(counterId).matches()) throw new IllegalArgumentException("counter id: 1–64 letters, digits, _ . -");
        Path d = dir.resolve("counters");
        Files.createDirectories(d);
        return issue("counter", counterId, KeyPurposeId.id_kp_clientAuth, null, d.resolve(counterId + ".p12"),
                d.resolve(counterId + ".password"), validity);
    }

    /** Revokes every certificate issued to {@code name} (a counter id) and rewrites the list; returns how many. */
    public int revoke(String name) throws IOException, GeneralSecurityException {
        int n = 0;
        for (String line : Files.readAllLines(dir.resolve(ISSUED))) {
            String[] f = line.split("\t");
            if (f.length >= 3 && f[2].equals(name) && !revoked().contains(new BigInteger(f[0], 16))) {
                Files.writeString(dir.resolve(REVOKED), f[0] + "\t" + Instant.now() + "\n", StandardOpenOption.APPEND);
                n++;
            }
        }
        writeCrl(CRL_VALIDITY);
        return n;
    }

    /** Re-signs the revocation list (same entries) with a new next-update date {@code validity} from now. */
    public Instant resignRevocationList(Duration validity) throws IOException, GeneralSecurityException {
        return writeCrl(validity);
    }

    private Issued issue(String kind, String cn, KeyPurposeId purpose, GeneralNames alt, Path p12, Path passwordFile,
                         Duration validity) throws IOException, GeneralSecurityException {
        KeyStore caStore = loadCa();
        PrivateKey caKey = (PrivateKey) caStore.getKey("ca", Tls.readPassword(dir.resolve(CA_PASSWORD)));
        X509Certificate ca = (X509Certificate) caStore.getCertificate("ca");
        KeyPair kp = keyPair();
        BigInteger serial = serial();
        Instant now = Instant.now();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "idcheck training").addRDN(BCStyle.CN, cn).build();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial, Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(validity)), subject, kp.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        if (alt != null) b.addExtension(Extension.subjectAlternativeName, false, alt);
        X509Certificate cert = sign(b, caKey);
        writeKeyStore(p12, passwordFile, kind, kp.getPrivate(), cert, ca);
        Files.writeString(dir.resolve(ISSUED), serial.toString(16) + "\t" + kind + "\t" + cn + "\t"
                + cert.getNotAfter().toInstant() + "\n", StandardOpenOption.APPEND);
        return new Issued(p12, passwordFile, serial);
    }

    private Instant writeCrl(Duration validity) throws IOException, GeneralSecurityException {
        KeyStore caStore = loadCa();
        PrivateKey caKey = (PrivateKey) caStore.getKey("ca", Tls.readPassword(dir.resolve(CA_PASSWORD)));
        X509Certificate ca = (X509Certificate) caStore.getCertificate("ca");
        Date now = new Date();
        X509v2CRLBuilder b = new X509v2CRLBuilder(new X509CertificateHolder(ca.getEncoded()).getSubject(), now);
        Instant next = now.toInstant().plus(validity);
        b.setNextUpdate(Date.from(next));
        for (BigInteger serial : revoked()) b.addCRLEntry(serial, now, CRLReason.cessationOfOperation);
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(caKey);
            X509CRL crl = new JcaX509CRLConverter().getCRL(b.build(signer));
            Path tmp = dir.resolve(CRL_PEM + ".tmp");
            Files.writeString(tmp, pem(crl));
            Files.move(tmp, dir.resolve(CRL_PEM), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return next;
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private List<BigInteger> revoked() throws IOException {
        List<BigInteger> out = new ArrayList<>();
        Path f = dir.resolve(REVOKED);
        if (!Files.exists(f)) return out;
        for (String line : Files.readAllLines(f)) if (!line.isBlank()) out.add(new BigInteger(line.split("\t")[0], 16));
        return out;
    }

    private KeyStore loadCa() throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(CA_P12))) {
            ks.load(in, Tls.readPassword(dir.resolve(CA_PASSWORD)));
        }
        return ks;
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static BigInteger serial() { return new BigInteger(64, RANDOM).setBit(63); }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static void writeKeyStore(Path p12, Path passwordFile, String alias, PrivateKey key, X509Certificate cert,
                                      X509Certificate ca) throws IOException, GeneralSecurityException {
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(RANDOM.generateSeed(18));
        writeOwnerOnly(passwordFile, (password + "\n").getBytes(StandardCharsets.US_ASCII));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, key, password.toCharArray(), ca == null ? new X509Certificate[]{cert} : new X509Certificate[]{cert, ca});
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, password.toCharArray());
        }
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.write(file, content);
    }

    private static String pem(Object o) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(o);
        }
        return s.toString();
    }
}
