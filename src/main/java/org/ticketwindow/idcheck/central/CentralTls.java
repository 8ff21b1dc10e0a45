package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.wire.Tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;

/**
 * The central's TLS files: its key and certificate (PKCS12 + password file), the CA that issues counter certificates
 * (PEM) and the CA's revocation list (PEM). {@link TrainingPki} writes all four into one directory.
 */
public record CentralTls(Path keyStore, Path passwordFile, Path caCertificate, Path revocationList) {
    /**
     * The JDK issues no TLS 1.3 session ticket when the server's session timeout is longer than a ticket may live
     * (7 days, sun.security.ssl.NewSessionTicket): with no ticket there is nothing to resume, so every connection is a
     * full handshake with the certificate checked. The per-request check ({@link RevocationList}) does not depend on
     * this; CentralTlsTest proves both.
     */
    static final int NO_RESUMPTION_SESSION_TIMEOUT = 7 * 24 * 3600 + 1;

    /** The files {@code idcheck central pki} writes in {@code dir}. */
    public static CentralTls inPkiDirectory(Path dir) {
        return new CentralTls(dir.resolve(TrainingPki.SERVER_P12), dir.resolve(TrainingPki.SERVER_PASSWORD),
                dir.resolve(TrainingPki.CA_PEM), dir.resolve(TrainingPki.CRL_PEM));
    }

    RevocationList revocations(Clock clock) {
        try {
            X509Certificate ca = Tls.certificates(caCertificate).iterator().next();
            return new RevocationList(ca, revocationList, clock);
        } catch (IOException | GeneralSecurityException | java.util.NoSuchElementException e) {
            throw new IllegalArgumentException("cannot load the CA certificate " + caCertificate + ": " + e.getMessage(), e);
        }
    }

    /** TLS with client certificates checked against the CA and {@code revocations}; no session resumption. */
    SSLContext sslContext(RevocationList revocations) {
        TrustManager[] trust = {new RevocationAwareTrustManager(Tls.trustManagers(caCertificate), revocations)};
        SSLContext ssl = Tls.context(keyStore, passwordFile, trust);
        ssl.getServerSessionContext().setSessionTimeout(NO_RESUMPTION_SESSION_TIMEOUT);
        return ssl;
    }
}
