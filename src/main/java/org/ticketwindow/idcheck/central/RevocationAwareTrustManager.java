package org.ticketwindow.idcheck.central;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;

/**
 * Trusts client certificates the training CA issued (the JDK's PKIX check), then refuses any on the CA's revocation
 * list (S6). The list file is re-read when it changes, so revoking a counter takes effect without a restart. A list
 * that is missing, unreadable or not signed by the CA refuses every client: failing closed.
 */
final class RevocationAwareTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final X509Certificate ca;
    private final Path crlFile;
    private FileTime loadedAt;
    private X509CRL crl;

    RevocationAwareTrustManager(TrustManager[] fromCa, X509Certificate ca, Path crlFile) {
        X509ExtendedTrustManager found = null;
        for (TrustManager t : fromCa) if (t instanceof X509ExtendedTrustManager x) found = x;
        if (found == null) throw new IllegalStateException("no X.509 trust manager for the CA");
        this.delegate = found;
        this.ca = ca;
        this.crlFile = crlFile;
    }

    private synchronized X509CRL crl() throws CertificateException {
        try {
            FileTime modified = Files.getLastModifiedTime(crlFile);
            if (crl == null || !modified.equals(loadedAt)) {
                try (InputStream in = Files.newInputStream(crlFile)) {
                    X509CRL fresh = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
                    fresh.verify(ca.getPublicKey());
                    crl = fresh;
                    loadedAt = modified;
                }
            }
            return crl;
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateException("the revocation list " + crlFile + " cannot be used: " + e.getMessage(), e);
        }
    }

    private void notRevoked(X509Certificate[] chain) throws CertificateException {
        if (crl().isRevoked(chain[0])) {
            throw new CertificateException("client certificate " + chain[0].getSerialNumber().toString(16) + " ("
                    + chain[0].getSubjectX500Principal().getName() + ") is revoked");
        }
    }

    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
        notRevoked(chain);
    }

    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
        notRevoked(chain);
    }

    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
        notRevoked(chain);
    }

    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, socket);
    }

    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
    }

    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    @Override public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }
}
