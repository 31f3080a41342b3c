// cairo writes every number of a PDF (positions, widths, object numbers, offsets) with snprintf, one
// number a call with formats such as "%f", "%.18f", "%d" and "%0*x"; glibc's vfprintf takes about a
// thousand instructions a call for them. This definition of __snprintf_chk (what snprintf becomes
// with _FORTIFY_SOURCE, as libcairo is built) is the program's own: the linker exports it because
// libcairo.so refers to it, so cairo's calls come here. A format that is one conversion of those
// kinds is written here, with the same characters as glibc's; anything else goes to glibc's
// __vsnprintf_chk unchanged.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "CNumberFormat.h"

int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, va_list ap);

// Copies `length` characters into s as snprintf would (at most maxlen - 1, then a NUL); returns length.
static int put(char *s, size_t maxlen, const char *text, size_t length) {
    if (maxlen) {
        size_t count = length < maxlen - 1 ? length : maxlen - 1;
        memcpy(s, text, count);
        s[count] = 0;
    }
    return (int)length;
}

// Writes the digits of value, base 10 or 16, right to left ending before `end`; returns where they start.
static char *digits(char *end, uint64_t value, int base) {
    static const char hex[] = "0123456789abcdef";
    if (base == 16) {
        do {
            *--end = hex[value & 15];
            value >>= 4;
        } while (value);
    } else {
        do {
            *--end = (char)('0' + value % 10);
            value /= 10;
        } while (value);
    }
    return end;
}

static const uint64_t powers_of_ten[19] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL, 1000000000ULL,
    10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL, 100000000000000ULL,
    1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL, 1000000000000000000ULL,
};

// "%.Nf" of d when exact integer arithmetic can do it: |d| < 2^63 and N <= 18. Returns the length, or -1.
static int fixed(char *out, double d, int precision) {
    if (!isfinite(d) || precision < 0 || precision > 18) return -1;
    int exponent;
    double fraction = frexp(fabs(d), &exponent); // |d| = fraction * 2^exponent, fraction in [0.5, 1)
    if (exponent > 63) return -1;
    uint64_t mantissa = (uint64_t)ldexp(fraction, 53); // exact: |d| = mantissa * 2^(exponent - 53)
    int shift = 53 - exponent;                          // |d| = mantissa / 2^shift
    if (shift > 120) return -1;
    uint64_t scale = powers_of_ten[precision];
    unsigned __int128 scaled = (unsigned __int128)mantissa * scale, rounded;
    if (shift <= 0) {
        rounded = scaled << -shift;
    } else {
        rounded = scaled >> shift;
        unsigned __int128 rest = scaled & (((unsigned __int128)1 << shift) - 1), half = (unsigned __int128)1 << (shift - 1);
        if (rest > half || (rest == half && (rounded & 1))) rounded++; // to nearest, ties to even, as glibc
    }
    char buffer[64], *end = buffer + sizeof buffer, *start;
    // rounded < 2^63 * 10^precision + 1, so the whole part fits 64 bits (it may be 2^63 itself: unsigned)
    uint64_t whole, part;
    if (rounded >> 64) {
        whole = (uint64_t)(rounded / scale);
        part = (uint64_t)(rounded % scale);
    } else {
        whole = (uint64_t)rounded / scale;
        part = (uint64_t)rounded % scale;
    }
    if (precision > 0) {
        char *p = end;
        for (int i = 0; i < precision; i++) {
            *--p = (char)('0' + (int)(part % 10));
            part /= 10;
        }
        *--p = '.';
        start = digits(p, whole, 10);
    } else {
        start = digits(end, whole, 10);
    }
    if (signbit(d)) *--start = '-';
    size_t length = (size_t)(end - start);
    memcpy(out, start, length);
    return (int)length;
}

int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int result = -1;
    const char *f = format;
    if (maxlen <= slen && f[0] == '%') {
        f++;
        int zero = 0, width = 0, precision = -1, is_long = 0;
        if (*f == '0') { zero = 1; f++; }
        if (*f == '*') {
            width = -2; // read below, in argument order
            f++;
        } else {
            while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        }
        if (*f == '.') {
            f++;
            if (*f == '*') {
                precision = -2;
                f++;
            } else {
                precision = 0;
                while (*f >= '0' && *f <= '9') precision = precision * 10 + (*f++ - '0');
            }
        }
        if (*f == 'l') { is_long = 1; f++; }
        char conversion = *f;
        int simple = f[0] && f[1] == 0 && (conversion == 'd' || conversion == 'x' || conversion == 'f')
            && (conversion == 'f' ? !is_long && !zero && width == 0 : precision == -1);
        if (simple) {
            va_list copy;
            va_copy(copy, ap);
            if (width == -2) {
                width = va_arg(copy, int);
                if (width < 0) simple = 0; // a negative width means left-justified: glibc's
            }
            if (precision == -2) precision = va_arg(copy, int);
            if (simple && width <= 32) {
                char buffer[80], *end = buffer + sizeof buffer, *start = end;
                if (conversion == 'f') {
                    // glibc writes the locale's decimal point; this, a full stop only
                    const char *point = localeconv()->decimal_point;
                    int length = point[0] == '.' && point[1] == 0 ? fixed(buffer, va_arg(copy, double), precision < 0 ? 6 : precision) : -1;

                    if (length >= 0) result = put(s, maxlen, buffer, (size_t)length);
                } else {
                    int negative = 0;
                    unsigned long magnitude;
                    if (conversion == 'd') {
                        long value = is_long ? va_arg(copy, long) : va_arg(copy, int);
                        negative = value < 0;
                        magnitude = negative ? 0UL - (unsigned long)value : (unsigned long)value;
                    } else {
                        magnitude = is_long ? va_arg(copy, unsigned long) : va_arg(copy, unsigned int);
                    }
                    start = digits(end, magnitude, conversion == 'x' ? 16 : 10);
                    int pad = width - (int)(end - start) - negative;
                    for (; pad > 0 && zero; pad--) *--start = '0';
                    if (negative) *--start = '-';
                    for (; pad > 0; pad--) *--start = ' ';
                    result = put(s, maxlen, start, (size_t)(end - start));
                }
            }
            va_end(copy);
        }
    }
    if (result < 0) result = __vsnprintf_chk(s, maxlen, flag, slen, format, ap);
    va_end(ap);
    return result;
}

int malaka_number_format_is_effective(void) {
    return dlsym(RTLD_DEFAULT, "__snprintf_chk") == (void *)__snprintf_chk;
}

// glibc's own output, for the comparison below.
static int glibc_format(char *s, size_t size, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int result = vsnprintf(s, size, format, ap);
    va_end(ap);
    return result;
}

static unsigned long long next_random(unsigned long long *state) {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

// Doubles of every kind: any bit pattern, positions in points, ties at the sixth decimal, tiny and huge.
static double random_double(unsigned long long *state) {
    unsigned long long bits = next_random(state);
    switch (next_random(state) % 6) {
    case 0: {
        double d;
        memcpy(&d, &bits, sizeof d);
        return d;
    }
    case 1: return (double)(long long)bits / (double)(1ULL << (next_random(state) % 60));
    case 2: return (double)((long long)(bits % 2000000) - 1000000) / 1e6;
    case 3: return (double)((long long)(bits % 20000) - 10000) / (double)(1 << (next_random(state) % 20));
    case 4: return (double)(bits % 1000000) * 0.0000005;
    default: return (bits & 1 ? -1 : 1) * ldexp((double)(next_random(state) >> 11), -(int)(bits % 80));
    }
}

long malaka_number_format_differences(long count, unsigned long long seed) {
    unsigned long long state = seed | 1;
    long differences = 0;
    char ours[128], theirs[128], small[6];
#define COMPARE(format, ...) do { \
        int a = __snprintf_chk(ours, sizeof ours, 1, sizeof ours, format, __VA_ARGS__); \
        int b = glibc_format(theirs, sizeof theirs, format, __VA_ARGS__); \
        if (a != b || strcmp(ours, theirs) != 0) differences++; \
    } while (0)
    static const double special[] = {0.0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.0000005, 0.0000015, 0.0000025, 1e-7, -1e-7,
        9.9999995, 0.1, 1e18, -1e18, 9.2e18, 1e19, INFINITY, -INFINITY, NAN, 595.28, 841.89, 4503599627370495.5, 1e-300, 5e-324};
    for (size_t i = 0; i < sizeof special / sizeof *special; i++) {
        COMPARE("%f", special[i]);
        COMPARE("%.18f", special[i]);
        COMPARE("%.*f", 3, special[i]);
    }
    for (long i = 0; i < count; i++) {
        double d = random_double(&state);
        int precision = (int)(next_random(&state) % 21) - 1, width = (int)(next_random(&state) % 14) - 1;
        int value = (int)next_random(&state);
        long wide = (long)next_random(&state);
        if (next_random(&state) & 1) {
            value %= 100000;
            wide %= 10000000000L;
        }
        COMPARE("%f", d);
        COMPARE("%.18f", d);
        COMPARE("%.0f", d);
        COMPARE("%.*f", precision, d);
        COMPARE("%d", value);
        COMPARE("%ld", wide);
        COMPARE("%010ld", wide);
        COMPARE("%0*x", width, (unsigned)value);
        COMPARE("%04x", (unsigned)value);
        COMPARE("%02x", (unsigned)value & 255);
        COMPARE("%5d", value);
        COMPARE("%*d", width, value);
        COMPARE("%lu", (unsigned long)wide);
        COMPARE("%s", "text");
        int a = __snprintf_chk(small, sizeof small, 1, sizeof small, "%f", d);
        int b = glibc_format(theirs, sizeof small, "%f", d);
        if (a != b || strcmp(small, theirs) != 0) differences++;
    }
#undef COMPARE
    return differences;
}
