package org.ticketwindow.idcheck.reader.sim;

import org.ticketwindow.idcheck.reader.sam.Frame;
import org.ticketwindow.idcheck.reader.sam.FrameDecoder;
import org.ticketwindow.idcheck.reader.sam.SamResponse;

/** What a SAM answers to a host frame it cannot accept (§1.4: 0x10 checksum, 0x11 length). */
final class SamResponseFrames {
    private SamResponseFrames() {}

    static Frame hostError(FrameDecoder.Reason reason) {
        return SamResponse.frame(reason == FrameDecoder.Reason.BAD_CHECKSUM ? 0x10 : 0x11, new byte[0]);
    }
}
