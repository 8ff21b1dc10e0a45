package org.ticketwindow.idcheck.photo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The helper process's side ({@code idcheck photo-helper}, started by {@link IsolatedDecoder} in a private working
 * directory): loads the vendor's library, says whether it loaded, then decodes one photo per request until its
 * stdin closes. Logs nothing and writes no file of its own.
 */
public final class PhotoHelper {
    private PhotoHelper() {}

    /** Serves on this process's stdin/stdout; returns when the console closes stdin. */
    public static void serve(DecoderSettings settings) throws IOException {
        OutputStream protocol = claimStdout();
        serve(settings, System.in, protocol);
    }

    static void serve(DecoderSettings settings, InputStream in, OutputStream out) throws IOException {
        NativeWltLibrary library;
        try {
            library = NativeWltLibrary.load(settings);
        } catch (NativeWltLibrary.LoadFailure e) {
            HelperProtocol.write(out, HelperProtocol.Answer.problem(PhotoProblem.LIBRARY_MISSING, e.getMessage()).frame());
            return;
        }
        HelperProtocol.write(out, HelperProtocol.Answer.ok(("loaded " + settings.describe()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).frame());
        for (Optional<byte[]> request = HelperProtocol.read(in); request.isPresent(); request = HelperProtocol.read(in)) {
            byte[] wlt = request.get();
            Optional<String> bad = WltHeader.problem(wlt); // the console checked; a second look costs nothing
            HelperProtocol.Answer answer = bad.isPresent()
                    ? HelperProtocol.Answer.problem(PhotoProblem.NOT_A_WLT_PHOTO, bad.get())
                    : library.decode(wlt);
            java.util.Arrays.fill(wlt, (byte) 0);
            HelperProtocol.write(out, answer.frame());
        }
    }

    /**
     * Keeps file descriptor 1 for the protocol and points fd 1 at stderr (which the console discards), so that
     * whatever a vendor library prints with {@code printf} cannot corrupt the answers. POSIX {@code dup}/{@code dup2}
     * through the foreign function API; where they are missing, plain stdout.
     */
    static OutputStream claimStdout() {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            MethodHandle dup = linker.downcallHandle(libc.find("dup").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            MethodHandle dup2 = linker.downcallHandle(libc.find("dup2").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            MethodHandle write = linker.downcallHandle(libc.find("write").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
            System.out.flush();
            int fd = (int) dup.invokeExact(1);
            if (fd < 0) return new FileOutputStream(FileDescriptor.out);
            if ((int) dup2.invokeExact(2, 1) < 0) return new FileOutputStream(FileDescriptor.out);
            return new FdOutputStream(fd, write);
        } catch (Throwable t) {
            return new FileOutputStream(FileDescriptor.out);
        }
    }

    /** Writes to a raw file descriptor with {@code write(2)}. */
    private static final class FdOutputStream extends OutputStream {
        private final int fd;
        private final MethodHandle write;

        FdOutputStream(int fd, MethodHandle write) {
            this.fd = fd;
            this.write = write;
        }

        @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(Math.max(1, len));
                MemorySegment.copy(b, off, buf, ValueLayout.JAVA_BYTE, 0, len);
                long done = 0;
                while (done < len) {
                    long n = (long) write.invokeExact(fd, buf.asSlice(done), (long) len - done);
                    if (n <= 0) throw new IOException("write to the console failed");
                    done += n;
                }
            } catch (IOException e) {
                throw e;
            } catch (Throwable t) {
                throw new IOException("write to the console failed: " + t, t);
            }
        }
    }
}
