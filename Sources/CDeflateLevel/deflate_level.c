// cairo 1.16 compresses every stream of a PDF (fonts, images, page contents) through zlib's
// deflateInit() at Z_DEFAULT_COMPRESSION (level 6), and has no setting for it. This definition of
// deflateInit_ (the function zlib's deflateInit macro calls) is the program's own: the linker
// exports it because libcairo.so, linked in, refers to it, so the dynamic linker binds cairo's calls
// here, ahead of libz. It does exactly what zlib 1.2's does (deflateInit2_ with the default window
// and memory) but for the level of a stream asking for the default, which the calling thread may set.
//
// deflate and deflateEnd are the program's own too, for the same reason. They pass every stream
// to libz's unchanged, but for the streams started by deflateInit_ on a thread that asked for reuse
// (malaka_set_thread_deflate_reuse): such a stream gathers its whole input and, at Z_FINISH, takes
// the compressed bytes of an earlier stream of the same input and level if this process made one
// lately, or compresses the input in one call and keeps the result. A certificate written as a file
// of its own repeats most of its streams from the file before (the emblem's pixels, the subsets of
// the fonts that only the template's fixed texts use, their ToUnicode maps): those are compressed
// once instead of once a file. The bytes are the same as zlib's for the same input and level (zlib's
// output does not depend on how the input is split between calls without a flush); the tests check it.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "CDeflateLevel.h"

static __thread int thread_level = Z_DEFAULT_COMPRESSION;
static __thread int thread_reuse = 0;

int malaka_set_thread_deflate_level(int level) {
    int previous = thread_level;
    thread_level = level;
    return previous;
}

int malaka_set_thread_deflate_reuse(int reuse) {
    int previous = thread_reuse;
    thread_reuse = reuse;
    return previous;
}

// MARK: libz's own functions

typedef int (*deflate_function)(z_streamp, int);
typedef int (*deflate_end_function)(z_streamp);
static deflate_function zlib_deflate;
static deflate_end_function zlib_deflate_end;
static pthread_once_t zlib_found = PTHREAD_ONCE_INIT;

static void find_zlib(void) {
    zlib_deflate = (deflate_function)dlsym(RTLD_NEXT, "deflate");
    zlib_deflate_end = (deflate_end_function)dlsym(RTLD_NEXT, "deflateEnd");
}

// MARK: Streams gathering their input (per thread)

struct gathering {
    z_streamp stream;       // NULL: the slot is free
    int level;
    const char *version;
    int stream_size;
    int started;            // whether libz's deflateInit2_ has been called for it
    unsigned char *input;
    size_t length, capacity;
    unsigned char *output;  // the compressed bytes, once known; owned
    size_t output_length, given;
};

#define GATHERING_SLOTS 8
static __thread struct gathering gatherings[GATHERING_SLOTS];

static struct gathering *gathering_of(z_streamp stream) {
    for (int i = 0; i < GATHERING_SLOTS; i++) {
        if (gatherings[i].stream == stream) return &gatherings[i];
    }
    return NULL;
}

// MARK: Compressed streams kept (one table for the process)

struct kept {
    unsigned char *input;   // NULL: the entry is free
    size_t length;
    int level;
    unsigned char *output;
    size_t output_length;
    unsigned long uses;     // times reused
    unsigned long last;     // when last made or reused
};

// 128 entries of at most 2 MB of input, 16 MB in all. Entries reused at least once are kept in
// preference (up to 96 of them), so that a run of streams seen once (each certificate's page and
// QR code) does not push out the ones every file repeats.
#define KEPT_ENTRIES 128
#define KEPT_REUSED 96
#define KEPT_BYTES (16u << 20)
#define KEPT_LARGEST (2u << 20)
static struct kept kept[KEPT_ENTRIES];
static size_t kept_bytes;
static unsigned long kept_clock;
static unsigned long reused_count, compressed_count;
static pthread_mutex_t kept_lock = PTHREAD_MUTEX_INITIALIZER;

static void drop(struct kept *entry) {
    kept_bytes -= entry->length + entry->output_length;
    free(entry->input);
    free(entry->output);
    memset(entry, 0, sizeof *entry);
}

// The entry to give to a new stream: a free one, else the least lately used of those never reused
// (or of those reused, when they hold more than KEPT_REUSED entries). Called with the lock held.
static struct kept *victim(void) {
    int reused = 0;
    for (int i = 0; i < KEPT_ENTRIES; i++) {
        if (!kept[i].input) return &kept[i];
        if (kept[i].uses) reused++;
    }
    int want_reused = reused > KEPT_REUSED || reused == KEPT_ENTRIES;
    struct kept *oldest = NULL;
    for (int i = 0; i < KEPT_ENTRIES; i++) {
        if ((kept[i].uses != 0) == want_reused && (!oldest || kept[i].last < oldest->last)) oldest = &kept[i];
    }
    return oldest;
}

static void keep(const struct gathering *g) {
    size_t size = g->length + g->output_length;
    if (g->length > KEPT_LARGEST) return;
    unsigned char *input = malloc(g->length ? g->length : 1), *output = malloc(g->output_length ? g->output_length : 1);
    if (!input || !output) {
        free(input);
        free(output);
        return;
    }
    memcpy(input, g->input, g->length);
    memcpy(output, g->output, g->output_length);
    pthread_mutex_lock(&kept_lock);
    struct kept *entry = victim();
    drop(entry);
    while (kept_bytes + size > KEPT_BYTES) {
        struct kept *oldest = NULL;
        for (int i = 0; i < KEPT_ENTRIES; i++) {
            if (kept[i].input && (!oldest || kept[i].last < oldest->last)) oldest = &kept[i];
        }
        if (!oldest) break;
        drop(oldest);
    }
    *entry = (struct kept){input, g->length, g->level, output, g->output_length, 0, ++kept_clock};
    kept_bytes += size;
    pthread_mutex_unlock(&kept_lock);
}

// Whether an earlier stream had the same input and level; if so, g->output holds a copy of its bytes.
static int reuse(struct gathering *g) {
    int found = 0;
    pthread_mutex_lock(&kept_lock);
    for (int i = 0; i < KEPT_ENTRIES && !found; i++) {
        struct kept *entry = &kept[i];
        if (!entry->input || entry->length != g->length || entry->level != g->level) continue;
        if (memcmp(entry->input, g->input, g->length) != 0) continue;
        g->output = malloc(entry->output_length ? entry->output_length : 1);
        if (!g->output) break;
        memcpy(g->output, entry->output, entry->output_length);
        g->output_length = entry->output_length;
        entry->uses++;
        entry->last = ++kept_clock;
        reused_count++;
        found = 1;
    }
    pthread_mutex_unlock(&kept_lock);
    return found;
}

// Compresses the gathered input in one call of libz's deflate; the stream's own counters and
// buffers are left as its caller set them.
static int compress_gathered(struct gathering *g) {
    z_streamp s = g->stream;
    Bytef *next_out = s->next_out;
    uInt avail_out = s->avail_out;
    uLong total_in = s->total_in, total_out = s->total_out;
    int status = deflateInit2_(s, g->level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, g->version, g->stream_size);
    if (status != Z_OK) return status;
    g->started = 1;
    size_t bound = deflateBound(s, g->length);
    g->output = malloc(bound ? bound : 1);
    if (!g->output) return Z_MEM_ERROR;
    s->next_in = g->input;
    s->avail_in = (uInt)g->length;
    s->next_out = g->output;
    s->avail_out = (uInt)bound;
    status = zlib_deflate(s, Z_FINISH);
    g->output_length = bound - s->avail_out;
    s->next_in = g->input + g->length;
    s->avail_in = 0;
    s->next_out = next_out;
    s->avail_out = avail_out;
    s->total_in = total_in;
    s->total_out = total_out;
    if (status != Z_STREAM_END) return status == Z_OK ? Z_BUF_ERROR : status;
    pthread_mutex_lock(&kept_lock);
    compressed_count++;
    pthread_mutex_unlock(&kept_lock);
    keep(g);
    return Z_OK;
}

// MARK: The functions the dynamic linker binds cairo's calls to

int deflateInit_(z_streamp strm, int level, const char *version, int stream_size) {
    if (level == Z_DEFAULT_COMPRESSION) level = thread_level;
    if (thread_reuse && strm) {
        pthread_once(&zlib_found, find_zlib);
        struct gathering *free_slot = zlib_deflate && zlib_deflate_end ? gathering_of(NULL) : NULL;
        if (free_slot && level >= 0 && level <= 9) {
            // libz's state is made only if the input is compressed here: a stream reused needs none.
            unsigned char *input = free_slot->input;
            size_t capacity = free_slot->capacity;
            *free_slot = (struct gathering){strm, level, version, stream_size, 0, input, 0, capacity, NULL, 0, 0};
            strm->msg = Z_NULL;
            strm->state = Z_NULL;
            strm->total_in = strm->total_out = 0;
            strm->adler = 1;
            return Z_OK;
        }
    }
    return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}

int deflate(z_streamp strm, int flush) {
    pthread_once(&zlib_found, find_zlib);
    struct gathering *g = strm ? gathering_of(strm) : NULL;
    if (!g) return zlib_deflate(strm, flush);
    if (flush != Z_NO_FLUSH && flush != Z_FINISH) return Z_STREAM_ERROR; // cairo and compress() ask for nothing else
    if (!strm->next_out || (strm->avail_in && !strm->next_in)) return Z_STREAM_ERROR;
    if (strm->avail_out == 0) return Z_BUF_ERROR;
    if (!g->output && strm->avail_in) {
        if (g->length + strm->avail_in > g->capacity) {
            size_t capacity = (g->length + strm->avail_in) * 2;
            unsigned char *grown = realloc(g->input, capacity);
            if (!grown) return Z_MEM_ERROR;
            g->input = grown;
            g->capacity = capacity;
        }
        memcpy(g->input + g->length, strm->next_in, strm->avail_in);
        g->length += strm->avail_in;
        strm->total_in += strm->avail_in;
        strm->next_in += strm->avail_in;
        strm->avail_in = 0;
    }
    if (flush == Z_NO_FLUSH) return Z_OK;
    if (!g->output && !reuse(g)) {
        int status = compress_gathered(g);
        if (status != Z_OK) return status;
    }
    size_t count = g->output_length - g->given;
    if (count > strm->avail_out) count = strm->avail_out;
    memcpy(strm->next_out, g->output + g->given, count);
    strm->next_out += count;
    strm->avail_out -= (uInt)count;
    strm->total_out += count;
    g->given += count;
    return g->given == g->output_length ? Z_STREAM_END : Z_OK;
}

int deflateEnd(z_streamp strm) {
    pthread_once(&zlib_found, find_zlib);
    struct gathering *g = strm ? gathering_of(strm) : NULL;
    if (!g) return zlib_deflate_end(strm);
    int status = g->started ? zlib_deflate_end(strm) : Z_OK;
    free(g->output);
    // The input buffer stays with the slot for the thread's next stream, unless it grew large.
    unsigned char *input = g->input;
    size_t capacity = g->capacity;
    if (capacity > (256u << 10)) {
        free(input);
        input = NULL;
        capacity = 0;
    }
    *g = (struct gathering){0};
    g->input = input;
    g->capacity = capacity;
    strm->state = Z_NULL;
    return status;
}

void malaka_deflate_reuse_counts(unsigned long *reused, unsigned long *compressed) {
    pthread_mutex_lock(&kept_lock);
    *reused = reused_count;
    *compressed = compressed_count;
    pthread_mutex_unlock(&kept_lock);
}

int malaka_deflate_level_is_effective(void) {
    // What the dynamic linker gives a library asking for deflateInit_: this one, or libz's.
    return dlsym(RTLD_DEFAULT, "deflateInit_") == (void *)deflateInit_;
}

int malaka_deflate_reuse_is_effective(void) {
    return malaka_deflate_level_is_effective() && dlsym(RTLD_DEFAULT, "deflate") == (void *)deflate
        && dlsym(RTLD_DEFAULT, "deflateEnd") == (void *)deflateEnd;
}
