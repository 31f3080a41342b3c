#ifndef MALAKA_DEFLATE_LEVEL_H
#define MALAKA_DEFLATE_LEVEL_H

/// The zlib level that a deflate stream started on this thread with zlib's default level gets
/// instead (cairo asks for the default for every stream of a PDF and offers no setting): -1,
/// zlib's default (6), unless set. Returns the level it replaces.
int malaka_set_thread_deflate_level(int level);

/// Whether the deflate streams started on this thread reuse the compressed bytes of an earlier
/// stream of the same input and level (see deflate_level.c): 0, no, unless set. Returns the
/// setting it replaces.
int malaka_set_thread_deflate_reuse(int reuse);

/// How many streams started with reuse took an earlier stream's bytes, and how many were compressed.
void malaka_deflate_reuse_counts(unsigned long *reused, unsigned long *compressed);

/// Whether cairo's streams come through this library's deflateInit_ (see deflate_level.c); false
/// when the program was linked without exporting it, so that the level set above has no effect.
int malaka_deflate_level_is_effective(void);

/// Whether cairo's streams come through this library's deflateInit_, deflate and deflateEnd, so
/// that the reuse set above has effect.
int malaka_deflate_reuse_is_effective(void);

#endif
