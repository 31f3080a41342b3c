// cairo 1.16 compresses every stream of a PDF (fonts, images, page contents) through zlib's
// deflateInit() at Z_DEFAULT_COMPRESSION (level 6), and has no setting for it. This definition of
// deflateInit_ (the function zlib's deflateInit macro calls) is the program's own: the linker
// exports it because libcairo.so, linked in, refers to it, so the dynamic linker binds cairo's calls
// here, ahead of libz. It does exactly what zlib 1.2's does (deflateInit2_ with the default window
// and memory) but for the level of a stream asking for the default, which the calling thread may set.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <zlib.h>
#include "CDeflateLevel.h"

static __thread int thread_level = Z_DEFAULT_COMPRESSION;

int malaka_set_thread_deflate_level(int level) {
    int previous = thread_level;
    thread_level = level;
    return previous;
}

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size) {
    if (level == Z_DEFAULT_COMPRESSION) level = thread_level;
    return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}

int malaka_deflate_level_is_effective(void) {
    // What the dynamic linker gives a library asking for deflateInit_: this one, or libz's.
    return dlsym(RTLD_DEFAULT, "deflateInit_") == (void *)deflateInit_;
}
