/*
 * utf8_int.h - UTF-8 code points, emoji markers, terminal width.
 */
#ifndef DG_UTF8_INT_H
#define DG_UTF8_INT_H

#include "dg.h"

/* Decodes one code point at s[0..n); returns its length in bytes (1..4)
 * and stores it in *cp, or returns 0 and stores the byte in *cp when the
 * sequence is not valid UTF-8 (overlong, surrogate, truncated...). */
size_t dg_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Is cp one of the code points SPEC.md counts as emoji for markers? */
int dg_is_emoji(uint32_t cp);
/* Appends cp as UTF-8 to b. */
int dg_utf8_put(dg_buf *b, uint32_t cp);
/* Terminal columns of cp: 2 for East Asian wide and fullwidth, 0 for
 * combining marks and joiners, 1 otherwise. */
int dg_utf8_width(uint32_t cp);

#endif
