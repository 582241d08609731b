/*
 * ascii_int.h - bytes as ASCII, with no locale: case and blanks.
 */
#ifndef DG_ASCII_INT_H
#define DG_ASCII_INT_H

#include "dg.h"

/* ASCII upper-case letters to lower case, any other byte as it is: no
 * locale, so that input is read alike everywhere.  Inline, as matching
 * and counting call it on every byte. */
static inline unsigned char
dg_ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* Do the n bytes at s equal word, a lower-case C string, ASCII letters
 * folded? */
int dg_ascii_ieq(const char *s, size_t n, const char *word);
/* Do the n bytes at s start with prefix, lower case, ASCII letters
 * folded? */
int dg_ascii_istarts(const char *s, size_t n, const char *prefix);

#endif
