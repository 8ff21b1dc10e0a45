package org.ticketwindow.idcheck.photo;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The vendor's library, loaded and called through the foreign function API. Runs only inside the helper process
 * ({@link PhotoHelper}): a fault in the library ends that process, never the console.
 */
final class NativeWltLibrary {
    /** Vendor builds are known to read and write past the documented sizes: generous buffers keep that inside ours. */
    private static final long SOURCE_BUFFER = 4096;
    private static final long OUTPUT_BUFFER = 64 * 1024;
    /** WltRS's "not licensed for this reader" (GetBmp −5); taken as the same meaning in the other interfaces [I]. */
    static final int NOT_LICENSED = -5;
    static final int SUCCESS = 1;

    private final DecoderSettings settings;
    private final MethodHandle function;

    private NativeWltLibrary(DecoderSettings settings, MethodHandle function) {
        this.settings = settings;
        this.function = function;
    }

    /** Thrown when the library or its function cannot be loaded (the technician's line as message). */
    static final class LoadFailure extends Exception {
        LoadFailure(String message) { super(message); }
    }

    static NativeWltLibrary load(DecoderSettings s) throws LoadFailure {
        SymbolLookup lookup;
        try {
            lookup = s.library().contains("/") || s.library().contains("\\")
                    ? SymbolLookup.libraryLookup(Path.of(s.library()), Arena.global())
                    : SymbolLookup.libraryLookup(s.library(), Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new LoadFailure("cannot load " + s.library() + ": " + e.getMessage());
        }
        MemorySegment symbol = lookup.find(s.iface().symbol())
                .orElseThrow(() -> new LoadFailure(s.library() + " has no function " + s.iface().symbol()));
        FunctionDescriptor d = switch (s.iface()) {
            case UNPACK, WLT2BMP -> FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
            case DEWLTBUF -> FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
        };
        return new NativeWltLibrary(s, Linker.nativeLinker().downcallHandle(symbol, d));
    }

    /** Decodes one photo whose header was checked. */
    HelperProtocol.Answer decode(byte[] wlt) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = arena.allocate(SOURCE_BUFFER);
            MemorySegment.copy(wlt, 0, src, ValueLayout.JAVA_BYTE, 0, wlt.length);
            MemorySegment dst = arena.allocate(OUTPUT_BUFFER);
            int rc;
            int length = 0;
            String call = settings.iface().symbol();
            if (settings.iface() == DecoderInterface.DEWLTBUF) {
                MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
                len.set(ValueLayout.JAVA_INT, 0, (int) OUTPUT_BUFFER); // capacity in, length out (for builds that read it)
                rc = (int) function.invokeExact(src, dst, len);
                length = len.get(ValueLayout.JAVA_INT, 0);
            } else {
                rc = (int) function.invokeExact(src, dst, settings.thirdArgument());
            }
            if (rc == NOT_LICENSED) {
                return HelperProtocol.Answer.problem(PhotoProblem.NOT_LICENSED, call + " returned " + rc + " (not licensed for this reader)");
            }
            if (rc != SUCCESS) return HelperProtocol.Answer.problem(PhotoProblem.DECODER_FAILED, call + " returned " + rc);
            byte[] out = dst.asSlice(0, OUTPUT_BUFFER).toArray(ValueLayout.JAVA_BYTE);
            Photo photo = settings.iface() == DecoderInterface.DEWLTBUF
                    ? DecoderOutput.fromBmp(out, length <= 0 || length > OUTPUT_BUFFER ? -1 : length)
                    : DecoderOutput.fromRaw(out);
            byte[] rgb = photo.rgb();
            photo.wipe();
            java.util.Arrays.fill(out, (byte) 0);
            return HelperProtocol.Answer.ok(rgb);
        } catch (DecoderOutput.MalformedOutput e) {
            return HelperProtocol.Answer.problem(PhotoProblem.DECODER_FAILED, settings.iface().symbol() + " succeeded but " + e.getMessage());
        } catch (Throwable t) {
            return HelperProtocol.Answer.problem(PhotoProblem.DECODER_FAILED, "calling " + settings.iface().symbol() + " failed: " + t);
        }
    }
}
