package org.ticketwindow.idcheck.store;

import org.ticketwindow.idcheck.text.Text;

import org.ticketwindow.idcheck.identity.Pbkdf2;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Console accounts: id, display name, role and a PIN kept as a PBKDF2-HMAC-SHA256 hash
 * ({@code pin1$ITERATIONS$salt$hash}). After {@link #MAX_FAILURES} wrong PINs in a row the account locks for
 * {@link #LOCK_FOR} (or until a supervisor unlocks it). Every login, failure, lockout and change is audited.
 */
public final class ClerkAccounts {
    /** The subject of the log-in, log-out and lock-out entries in the audit (the supervisor's screen leaves it out). */
    public static final String LOGIN_SUBJECT = "login";

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);
    /**
     * PBKDF2 cost: 600,000 (OWASP's figure for PBKDF2-HMAC-SHA256), five times the earlier 120,000, which let a copied
     * database give up a 6-digit PIN offline in hours. Measured in docs/decisions/0011-s-counter-store-faults.md; a
     * PIN hashed with fewer iterations is re-hashed at its next successful login.
     */
    static final int ITERATIONS = 600_000;
    private static final Pattern PIN = Pattern.compile("\\d{6,12}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final SqlDatabase db;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ClerkAccounts(SqlDatabase db, AuditTrail audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** PINs are 6 to 12 digits (typed on the counter's keypad). */
    public static boolean validPin(String pin) { return pin != null && PIN.matcher(pin).matches(); }

    public void add(String id, String displayName, ClerkRole role, String pin, String by) {
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("clerk id: 1–32 letters, digits, _ . -");
        if (!validPin(pin)) throw new IllegalArgumentException("PIN: 6 to 12 digits");
        String hash = hash(pin);
        db.transaction("adding a clerk", c -> {
            long now = clock.millis();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO clerks (id, display_name, role, pin_hash, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, id);
                p.setString(2, displayName);
                p.setString(3, role.name());
                p.setString(4, hash);
                p.setLong(5, now);
                p.setLong(6, now);
                p.executeUpdate();
            }
            audit.append(c, AuditKind.CLERK_CHANGE, by, id, Text.of("audit.clerkAdded", role));
            return null;
        });
    }

    /** A clerk left the console (F12, or the window closed while logged in): audited beside the log-in. */
    public void logout(String id) {
        audit.append(AuditKind.LOGOUT, id, LOGIN_SUBJECT, Text.of("audit.loggedOut"));
    }

    public LoginResult login(String id, String pin) {
        Optional<Stored> found = find(id);
        Instant now = clock.instant();
        if (found.isEmpty()) {
            audit.append(AuditKind.LOGIN_FAILED, id == null ? "" : id, LOGIN_SUBJECT, Text.of("audit.unknownClerk"));
            return new LoginResult.Unknown();
        }
        Stored s = found.get();
        if (s.clerk.lockedAt(now)) {
            audit.append(AuditKind.LOGIN_FAILED, id, LOGIN_SUBJECT, Text.of("audit.accountLocked"));
            return new LoginResult.Locked(s.clerk.lockedUntil());
        }
        boolean ok = pin != null && matches(s.hash, pin);
        String stronger = ok && iterations(s.hash) < ITERATIONS ? hash(pin) : null;
        return db.transaction("recording a login", c -> {
            if (ok) {
                update(c, id, 0, null);
                if (stronger != null) {
                    try (PreparedStatement p = c.prepareStatement("UPDATE clerks SET pin_hash = ? WHERE id = ?")) {
                        p.setString(1, stronger);
                        p.setString(2, id);
                        p.executeUpdate();
                    }
                }
                audit.append(c, AuditKind.LOGIN, id, LOGIN_SUBJECT, Text.of("audit.loggedIn", s.clerk.role()));
                return new LoginResult.Success(new Clerk(id, s.clerk.displayName(), s.clerk.role(), 0, null));
            }
            int failures = s.clerk.failedAttempts() + 1;
            if (failures >= MAX_FAILURES) {
                Instant until = now.plus(LOCK_FOR);
                update(c, id, failures, until);
                audit.append(c, AuditKind.LOCKOUT, id, LOGIN_SUBJECT, Text.of("audit.lockedOut", failures, until.toString()));
                return new LoginResult.Locked(until);
            }
            update(c, id, failures, null);
            audit.append(c, AuditKind.LOGIN_FAILED, id, LOGIN_SUBJECT, Text.of("audit.wrongPin", failures));
            return new LoginResult.WrongPin(MAX_FAILURES - failures);
        });
    }

    public void resetPin(String id, String newPin, String by) {
        if (!validPin(newPin)) throw new IllegalArgumentException("PIN: 6 to 12 digits");
        String hash = hash(newPin);
        change(id, by, Text.of("audit.pinReset"), "UPDATE clerks SET pin_hash = ?, failed_attempts = 0, locked_until = NULL, "
                + "updated_at = ? WHERE id = ?", hash);
    }

    public void unlock(String id, String by) {
        change(id, by, Text.of("audit.unlocked"), "UPDATE clerks SET failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?", null);
    }

    /** A supervisor changes a clerk's role (console supervisor screen); audited like every clerk change. */
    public void setRole(String id, ClerkRole role, String by) {
        change(id, by, Text.of("audit.roleSet", role), "UPDATE clerks SET role = ?, updated_at = ? WHERE id = ?", role.name());
    }

    private void change(String id, String by, Text what, String sql, String value) {
        db.transaction("changing a clerk", c -> {
            int n;
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                if (value != null) p.setString(i++, value);
                p.setLong(i++, clock.millis());
                p.setString(i, id);
                n = p.executeUpdate();
            }
            if (n == 0) throw new IllegalArgumentException("no clerk with id " + id);
            audit.append(c, AuditKind.CLERK_CHANGE, by, id, what);
            return null;
        });
    }

    public List<Clerk> list() {
        return db.read("listing clerks", c -> {
            List<Clerk> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, display_name, role, failed_attempts, locked_until, pin_hash "
                    + "FROM clerks ORDER BY id"); ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(stored(r).clerk);
            }
            return out;
        });
    }

    private record Stored(Clerk clerk, String hash) {}

    private Optional<Stored> find(String id) {
        return db.read("finding a clerk", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, display_name, role, failed_attempts, locked_until, pin_hash "
                    + "FROM clerks WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(stored(r)) : Optional.<Stored>empty();
                }
            }
        });
    }

    private static Stored stored(ResultSet r) throws SQLException {
        long locked = r.getLong(5);
        return new Stored(new Clerk(r.getString(1), r.getString(2), ClerkRole.valueOf(r.getString(3)), r.getInt(4),
                r.wasNull() ? null : Instant.ofEpochMilli(locked)), r.getString(6));
    }

    private void update(Connection c, String id, int failures, Instant lockedUntil) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE clerks SET failed_attempts = ?, locked_until = ?, updated_at = ? "
                + "WHERE id = ?")) {
            p.setInt(1, failures);
            if (lockedUntil == null) p.setNull(2, java.sql.Types.BIGINT);
            else p.setLong(2, lockedUntil.toEpochMilli());
            p.setLong(3, clock.millis());
            p.setString(4, id);
            p.executeUpdate();
        }
    }

    private String hash(String pin) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "pin1$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(Pbkdf2.derive(pin.toCharArray(), salt, ITERATIONS));
    }

    private static int iterations(String stored) {
        String[] p = stored.split("\\$");
        try {
            return p.length == 4 ? Integer.parseInt(p[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The stored hash of a clerk's PIN (tests: the cost it was made with). */
    String storedHash(String id) {
        return find(id).map(Stored::hash).orElse(null);
    }

    private static boolean matches(String stored, String pin) {
        String[] p = stored.split("\\$");
        if (p.length != 4 || !p[0].equals("pin1")) return false;
        Base64.Decoder b64 = Base64.getUrlDecoder();
        return MessageDigest.isEqual(b64.decode(p[3]), Pbkdf2.derive(pin.toCharArray(), b64.decode(p[2]), Integer.parseInt(p[1])));
    }
}
