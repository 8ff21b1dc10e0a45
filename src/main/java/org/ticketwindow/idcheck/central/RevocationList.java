package org.ticketwindow.idcheck.central;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Whether a counter's certificate may still be used (S6): within its validity, not on the CA's revocation list, and
 * the list itself current. The central asks on every handshake and again on every request, because a resumed TLS
 * session or a kept-alive connection carries the identity of a certificate checked before it was revoked.
 * <p>
 * The list file is re-read when it changes, so a revocation takes effect without a restart. A list that is missing,
 * unreadable, not signed by the CA, without a next-update date or past it refuses every counter: a stale list may lack
 * the latest revocations, so it fails closed (RFC 5280 §6.3.3) and the operator re-signs it ({@code pki crl}).
 */
final class RevocationList {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationList.class);
    /** How long before the list expires the central starts warning (once a day) in its log. */
    static final Duration WARN_BEFORE = Duration.ofDays(7);

    private final X509Certificate ca;
    private final Path file;
    private final Clock clock;
    private FileTime loadedAt;
    private X509CRL crl;
    private Instant warnedAt = Instant.MIN;

    RevocationList(X509Certificate ca, Path file, Clock clock) {
        this.ca = ca;
        this.file = file;
        this.clock = clock;
    }

    Path file() { return file; }

    /** Throws, saying why, unless {@code cert} may be used now. */
    void check(X509Certificate cert) throws CertificateException {
        X509CRL list = current();
        Date now = Date.from(clock.instant());
        if (list.isRevoked(cert)) {
            throw new CertificateException("client certificate " + cert.getSerialNumber().toString(16) + " ("
                    + cert.getSubjectX500Principal().getName() + ") is revoked");
        }
        cert.checkValidity(now); // a session may outlive the certificate it was made with
    }

    /** When the list must be re-signed by; throws if it cannot be used now (the central checks at start). */
    synchronized Instant nextUpdate() throws CertificateException {
        return current().getNextUpdate().toInstant();
    }

    private synchronized X509CRL current() throws CertificateException {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (crl == null || !modified.equals(loadedAt)) {
                try (InputStream in = Files.newInputStream(file)) {
                    X509CRL fresh = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
                    fresh.verify(ca.getPublicKey());
                    crl = fresh;
                    loadedAt = modified;
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateException("the revocation list " + file + " cannot be used: " + e.getMessage(), e);
        }
        Date next = crl.getNextUpdate();
        if (next == null) throw new CertificateException("the revocation list " + file + " has no next-update date; refusing every counter");
        Instant now = clock.instant();
        if (!now.isBefore(next.toInstant())) {
            throw new CertificateException("the revocation list " + file + " expired on " + next.toInstant()
                    + "; refusing every counter until it is re-signed (idcheck central pki --dir DIR crl)");
        }
        if (now.plus(WARN_BEFORE).isAfter(next.toInstant()) && warnedAt.plus(Duration.ofDays(1)).isBefore(now)) {
            warnedAt = now;
            LOG.warn("the revocation list {} expires on {}: from then every counter is refused; re-sign it before "
                    + "(idcheck central pki --dir DIR crl)", file, next.toInstant());
        }
        return crl;
    }
}
