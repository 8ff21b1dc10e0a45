/*
 * A stand-in for a reader vendor's WLT photo library, compiled by the tests (PhotoDecoderTest) with gcc. It decodes
 * nothing: it draws a pattern from which a test can tell orientation and channel order, with a tint taken from the
 * input so that the output depends on the photo bytes. Exports the three interfaces of issue 17:
 *   int unpack(char *src, char *dst, int bmpSave)                       38,556 bytes BGR, bottom-up rows, 1 = ok
 *   int wlt2bmp(const unsigned char *src, unsigned char *dst, int)      same
 *   int dewltbuf(unsigned char *wlt, unsigned char *bmp, int *bmplen)   a whole BMP file, 38,862 bytes
 * Upright pixel (x, y), y = 0 the top row: R = 2x, G = 2y, B = src[100].
 * Behaviour chosen by bytes 6-7 of the photo: "CR" crashes (SIGSEGV), "HG" hangs, "LI" answers -5 (not licensed).
 * Like the real libraries it prints to stdout, and a non-zero third argument of unpack/wlt2bmp writes zp.bmp into
 * the current directory (and its path to COUNT_FILE.where). Every call appends one byte to COUNT_FILE (a -D at
 * compile time).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define W 102
#define H 126
#define RAW (W * H * 3)
#define STRIDE 308
#define BMP (54 + STRIDE * H)

#ifndef COUNT_FILE
#define COUNT_FILE "/dev/null"
#endif

static void count_call(void) {
    FILE *f = fopen(COUNT_FILE, "ab");
    if (f) { fputc('x', f); fclose(f); }
}

/* 0 to go on, otherwise the value to return */
static int behaviour(const unsigned char *src) {
    if (src[6] == 'C' && src[7] == 'R') { volatile int *nowhere = (int *) 0; *nowhere = 1; }
    if (src[6] == 'H' && src[7] == 'G') { for (;;) pause(); }
    if (src[6] == 'L' && src[7] == 'I') return -5;
    return 0;
}

static void rows(const unsigned char *src, unsigned char *out, int stride) {
    for (int r = 0; r < H; r++) {          /* r = 0 is the bottom row */
        int y = H - 1 - r;
        unsigned char *row = out + r * stride;
        memset(row, 0, stride);
        for (int x = 0; x < W; x++) {
            row[3 * x] = src[100];              /* B */
            row[3 * x + 1] = (unsigned char) (2 * y); /* G */
            row[3 * x + 2] = (unsigned char) (2 * x); /* R */
        }
    }
}

static void le32(unsigned char *p, int v) { p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24; }

static void bmp_file(const unsigned char *src, unsigned char *out) {
    memset(out, 0, 54);
    out[0] = 'B'; out[1] = 'M';
    le32(out + 2, BMP); le32(out + 10, 54); le32(out + 14, 40);
    le32(out + 18, W); le32(out + 22, H);
    out[26] = 1; out[28] = 24;
    le32(out + 34, STRIDE * H);
    rows(src, out + 54, STRIDE);
}

static int raw(const unsigned char *src, unsigned char *dst, int bmpSave) {
    count_call();
    printf("stand-in: decoding a photo\n");   /* a vendor's chatter on stdout */
    fflush(stdout);
    int b = behaviour(src);
    if (b) return b;
    rows(src, dst, W * 3);
    if (bmpSave) {
        unsigned char file[BMP];
        bmp_file(src, file);
        FILE *f = fopen("zp.bmp", "wb");
        if (f) { fwrite(file, 1, BMP, f); fclose(f); }
        char where[4096];                        /* tell the test where the side-effect file went */
        FILE *w = fopen(COUNT_FILE ".where", "ab");
        if (w && getcwd(where, sizeof where)) fprintf(w, "%s/zp.bmp\n", where);
        if (w) fclose(w);
    }
    return 1;
}

int unpack(char *src, char *dst, int bmpSave) { return raw((unsigned char *) src, (unsigned char *) dst, bmpSave); }

int wlt2bmp(const unsigned char *src, unsigned char *dst, int bmpSave) { return raw(src, dst, bmpSave); }

int dewltbuf(unsigned char *wlt, unsigned char *bmp, int *bmplen) {
    count_call();
    printf("stand-in: dewltbuf\n");
    fflush(stdout);
    int b = behaviour(wlt);
    if (b) return b;
    bmp_file(wlt, bmp);
    *bmplen = BMP;
    return 1;
}
