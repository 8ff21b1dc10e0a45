package org.ticketwindow.idcheck.central;

import org.ticketwindow.idcheck.sync.Tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * The central's TLS files: its key and certificate (PKCS12 + password file), the CA that issues counter certificates
 * (PEM) and the CA's revocation list (PEM). {@link TrainingPki} writes all four into one directory.
 */
public record CentralTls(Path keyStore, Path passwordFile, Path caCertificate, Path revocationList) {

    /** The files {@code idcheck central pki} writes in {@code dir}. */
    public static CentralTls inPkiDirectory(Path dir) {
        return new CentralTls(dir.resolve(TrainingPki.SERVER_P12), dir.resolve(TrainingPki.SERVER_PASSWORD),
                dir.resolve(TrainingPki.CA_PEM), dir.resolve(TrainingPki.CRL_PEM));
    }

    SSLContext sslContext() {
        try {
            X509Certificate ca = Tls.certificates(caCertificate).iterator().next();
            TrustManager[] trust = {new RevocationAwareTrustManager(Tls.trustManagers(caCertificate), ca, revocationList)};
            return Tls.context(keyStore, passwordFile, trust);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the CA certificate " + caCertificate + ": " + e.getMessage(), e);
        }
    }
}
