package org.ticketwindow.idcheck.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The installation key in a file of its own in the application data directory, readable by its owner only (mode 600
 * where the file system has POSIX permissions; on Windows the per-user application data folder's ACL). Made only for
 * a new store, written whole ({@link AtomicFiles}: a crash never leaves an empty key). A key file that others can read
 * is refused: copy-and-decrypt must not be one command away.
 */
public final class KeyFile implements KeySource {
    private final Path file;

    public KeyFile(Path file) {
        this.file = file;
    }

    @Override public byte[] installationKey() {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (!AtomicFiles.OWNER_ONLY.containsAll(perms)) {
                    throw new StoreException(StoreException.Kind.KEY, file + " can be read by other users ("
                            + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file, null);
                }
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != 32) {
                throw new StoreException(StoreException.Kind.KEY, file + " is not a 32-byte key (" + key.length
                        + " bytes); restore it from the backup taken with the database (docs/technician-guide.md)", null);
            }
            return key;
        } catch (NoSuchFileException e) {
            throw new StoreException(StoreException.Kind.KEY, "the installation key " + file + " is missing while a store "
                    + "exists; a new key would make every queued result and the audit trail unreadable, so none is made. "
                    + "Technician: restore " + file.getFileName() + " from the backup taken with the database (chmod 600), "
                    + "then start again; if it is lost for good, see \"Lost installation key\" in docs/technician-guide.md", e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.KEY, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override public byte[] createOrRead() {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                AtomicFiles.create(file, key);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            } catch (IOException e) {
                throw new StoreException(StoreException.Kind.KEY, "cannot create " + file + ": " + e.getMessage(), e);
            }
        }
        return installationKey();
    }

    @Override public String describe() { return "key file " + file; }
}
