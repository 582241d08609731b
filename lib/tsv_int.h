/*
 * tsv_int.h - dg TSV escaping into raw memory, for format.c and the
 * tests: the portable loop and, where the compiler targets SSE2, its
 * vector twin, which must give the same bytes.
 */
#ifndef DG_TSV_INT_H
#define DG_TSV_INT_H

#include "dg.h"

/* Writes s[0..n) escaped (SPEC §3) to d, which has room for 2 * n
 * bytes, and returns the bytes written.  The fastest the build has. */
size_t dg_tsv_escape_to(char *d, const char *s, size_t n);
/* The same, eight bytes at a time in a uint64_t: any C compiler. */
size_t dg_tsv_escape_words(char *d, const char *s, size_t n);
#if defined(__SSE2__)
#define DG_TSV_ESCAPE_SSE2 1
/* The same, sixteen bytes at a time with SSE2 (every x86-64). */
size_t dg_tsv_escape_sse2(char *d, const char *s, size_t n);
#endif

#endif
