#ifndef MALAKA_NUMBER_FORMAT_H
#define MALAKA_NUMBER_FORMAT_H

/// Whether libraries' fortified snprintf calls (cairo's numbers) come to this library's
/// __snprintf_chk (see number_format.c): false when the program was linked without exporting it.
int malaka_number_format_is_effective(void);

/// Formats `count` pseudo-random numbers, from `seed`, with every format this library writes itself
/// (and a few it passes on), both here and with glibc's vsnprintf; returns how many differed.
long malaka_number_format_differences(long count, unsigned long long seed);

#endif
