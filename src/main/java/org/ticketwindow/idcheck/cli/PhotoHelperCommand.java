package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.photo.DecoderInterface;
import org.ticketwindow.idcheck.photo.DecoderSettings;
import org.ticketwindow.idcheck.photo.PhotoHelper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code idcheck photo-helper}: hidden; the helper process the console starts to run the reader vendor's photo
 * library in isolation (photo.IsolatedDecoder). Speaks frames on stdin/stdout, not for people.
 */
@Command(name = PhotoHelperCommand.NAME, hidden = true, description = "Internal: the photo decoder's helper process.")
final class PhotoHelperCommand implements Callable<Integer> {
    static final String NAME = "photo-helper";

    @Option(names = "--library", required = true) String library;
    @Option(names = "--interface", required = true) String iface;
    @Option(names = "--vendor-code") Integer vendorCode;

    @Override public Integer call() throws Exception {
        DecoderInterface i = DecoderInterface.of(iface).orElseThrow(() -> new IllegalArgumentException("unknown interface " + iface));
        PhotoHelper.serve(new DecoderSettings(library, i, vendorCode == null ? OptionalInt.empty() : OptionalInt.of(vendorCode),
                DecoderSettings.DEFAULT_TIMEOUT));
        return 0;
    }
}
