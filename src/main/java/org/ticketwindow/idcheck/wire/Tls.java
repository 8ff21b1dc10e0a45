package org.ticketwindow.idcheck.wire;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * TLS material from files: our key and certificate in a PKCS12 file (its password in a file of its own, owner-only),
 * and the CA certificates we trust in a PEM file. TLS 1.3 only (S6).
 */
public final class Tls {
    public static final String[] PROTOCOLS = {"TLSv1.3"};

    private Tls() {}

    /** Key material (PKCS12 + password file) and the trusted CA (PEM). */
    public static SSLContext context(Path keyStore, Path passwordFile, Path caCertificate) {
        return context(keyStore, passwordFile, trustManagers(caCertificate));
    }

    public static SSLContext context(Path keyStore, Path passwordFile, TrustManager[] trust) {
        try {
            char[] password = readPassword(passwordFile);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ssl = SSLContext.getInstance("TLSv1.3");
            ssl.init(kmf.getKeyManagers(), trust, null);
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load TLS material " + keyStore + ": " + e.getMessage(), e);
        }
    }

    public static TrustManager[] trustManagers(Path caCertificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate c : certificates(caCertificate)) trust.setCertificateEntry("ca" + i++, c);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            return tmf.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the CA certificate " + caCertificate + ": " + e.getMessage(), e);
        }
    }

    public static Collection<X509Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in);
            return all.stream().map(X509Certificate.class::cast).toList();
        }
    }

    public static char[] readPassword(Path file) throws IOException {
        return Files.readString(file).strip().toCharArray();
    }
}
