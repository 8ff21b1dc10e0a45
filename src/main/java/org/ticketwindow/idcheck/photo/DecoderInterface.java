package org.ticketwindow.idcheck.photo;

import java.util.Locale;
import java.util.Optional;

/**
 * The vendor library calling conventions this console supports (issue 17's table). {@code GetBmp} of Windows'
 * 32-bit {@code WltRS.dll} is not among them: a 64-bit JVM cannot load a 32-bit DLL (decision 0011-p).
 */
public enum DecoderInterface {
    /** {@code int unpack(char *src, char *dst, int bmpSave)}: 38,556 bytes BGR, bottom-up rows; 1 = success. */
    UNPACK("unpack", true),
    /** {@code int wlt2bmp(const unsigned char *src, unsigned char *dst, int bmpSave)}: as {@code unpack}. */
    WLT2BMP("wlt2bmp", true),
    /** {@code int dewltbuf(unsigned char *wlt, unsigned char *bmp, int *bmplen)}: a whole 24-bit BMP file (38,862 bytes). */
    DEWLTBUF("dewltbuf", false);

    private final String symbol;
    private final boolean takesVendorCode;

    DecoderInterface(String symbol, boolean takesVendorCode) {
        this.symbol = symbol;
        this.takesVendorCode = takesVendorCode;
    }

    /** The exported function's name, also the profile's and the command line's spelling. */
    public String symbol() { return symbol; }

    /** The third argument is an int: {@code bmpSave} for some builds, the vendor's code (602, 603, 708…) for others. */
    public boolean takesVendorCode() { return takesVendorCode; }

    public static Optional<DecoderInterface> of(String name) {
        for (DecoderInterface i : values()) if (i.symbol.equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) return Optional.of(i);
        return Optional.empty();
    }

    public static String names() { return "unpack, wlt2bmp or dewltbuf"; }
}
