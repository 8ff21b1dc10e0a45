package org.ticketwindow.idcheck.central;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Trusts client certificates the training CA issued (the JDK's PKIX check), then refuses any the {@link RevocationList}
 * refuses (S6): revoked, or the list itself unusable or expired (failing closed).
 */
final class RevocationAwareTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final RevocationList revocations;

    RevocationAwareTrustManager(TrustManager[] fromCa, RevocationList revocations) {
        X509ExtendedTrustManager found = null;
        for (TrustManager t : fromCa) if (t instanceof X509ExtendedTrustManager x) found = x;
        if (found == null) throw new IllegalStateException("no X.509 trust manager for the CA");
        this.delegate = found;
        this.revocations = revocations;
    }

    private void notRevoked(X509Certificate[] chain) throws CertificateException {
        revocations.check(chain[0]);
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
