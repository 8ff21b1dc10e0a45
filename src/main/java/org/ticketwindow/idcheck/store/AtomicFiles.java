package org.ticketwindow.idcheck.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Small files that must be whole after a crash (the installation key, the sequence mark), owner-only: written to a
 * temporary file in the same directory, forced to disk, then renamed over (or linked in place of) the real name, and
 * the directory forced, so the name shows either the old content or the new one, never an empty or half file.
 */
public final class AtomicFiles {
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {}

    /** Replaces {@code file} with {@code data} atomically. */
    public static void replace(Path file, byte[] data) throws IOException {
        Path tmp = written(file, data);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        forceDirectory(file.getParent());
    }

    /** Creates {@code file} with {@code data} atomically; {@link FileAlreadyExistsException} when it exists (it is kept). */
    public static void create(Path file, byte[] data) throws IOException {
        Path tmp = written(file, data);
        try {
            try {
                Files.createLink(file, tmp); // a link never replaces: two processes creating at once, one wins
            } catch (UnsupportedOperationException noLinks) {
                if (Files.exists(file)) throw new FileAlreadyExistsException(file.toString());
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        forceDirectory(file.getParent());
    }

    /** Creates {@code dir} (and parents) owner-only where the file system has POSIX permissions. */
    public static void ownerOnlyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            if (posix(parent)) Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            else Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            // another process made it
        }
    }

    /** An empty file, owner-only from its creation (not narrowed afterwards: nobody can open it in between). */
    public static void createOwnerOnly(Path file) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        else Files.createFile(file);
    }

    static boolean posix(Path existing) throws IOException {
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    }

    private static Path written(Path file, byte[] data) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        ownerOnlyDirectory(dir);
        FileAttribute<?>[] attrs = posix(dir) ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attrs);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(data);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir.toAbsolutePath(), StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory: its rename is durable through the file system's own journal
        }
    }
}
