package org.ticketwindow.idcheck.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The installation key in a file of its own in the application data directory, readable by its owner only (mode 600
 * where the file system has POSIX permissions; on Windows the per-user application data folder's ACL). Created on
 * first use. A key file that others can read is refused: copy-and-decrypt must not be one command away.
 */
public final class KeyFile implements KeySource {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final Path file;

    public KeyFile(Path file) {
        this.file = file;
    }

    @Override public byte[] installationKey() {
        try {
            if (!Files.exists(file)) create();
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(perms)) {
                    throw new StoreException(StoreException.Kind.KEY, file + " can be read by other users ("
                            + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file, null);
                }
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != 32) throw new StoreException(StoreException.Kind.KEY, file + " is not a 32-byte key", null);
            return key;
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.KEY, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void create() throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        boolean posix = Files.getFileStore(file.getParent()).supportsFileAttributeView("posix");
        try {
            if (posix) Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            else Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return; // another process made it first: use theirs
        }
        Files.write(file, key, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }

    @Override public String describe() { return "key file " + file; }
}
