/*
 * ascii_int.h - bytes as ASCII, with no locale: case, blanks, digits.
 * The one definition of each, for every module that reads text.
 */
#ifndef DG_ASCII_INT_H
#define DG_ASCII_INT_H

#include <string.h>

#include "dg.h"

/* ASCII upper-case letters to lower case, any other byte as it is: no
 * locale, so that input is read alike everywhere.  Inline, as matching
 * and counting call it on every byte. */
static inline unsigned char
dg_ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* A blank: space, TAB, LF, VT, FF or CR (C's isspace without a
 * locale).  Matching and grouping of categories and kinds make a run of
 * blanks one space. */
static inline int
dg_ascii_blank(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int
dg_ascii_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline int
dg_ascii_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Do the n bytes at s equal word, a lower-case C string, ASCII letters
 * folded?  Inline, as URLs and labels are tested on every record. */
static inline int
dg_ascii_ieq(const char *s, size_t n, const char *word)
{
	size_t i;

	if (n != strlen(word))
		return 0;
	for (i = 0; i < n; i++)
		if (dg_ascii_lower((unsigned char)s[i]) != (unsigned char)word[i])
			return 0;
	return 1;
}

/* Do the n bytes at s start with prefix, lower case, ASCII letters
 * folded? */
static inline int
dg_ascii_istarts(const char *s, size_t n, const char *prefix)
{
	size_t len = strlen(prefix);

	return n >= len && dg_ascii_ieq(s, len, prefix);
}

/*
 * Appends s[0..n) with each run of blanks made one space, none at either
 * end: how categories and kinds are shown.  dg_fold lowers ASCII letters
 * too: how titles compare, and how categories and kinds group and match.
 * DG_OK or DG_ENOMEM.
 */
int dg_blanks(dg_buf *b, const char *s, size_t n);
int dg_fold(dg_buf *b, const char *s, size_t n);

#endif
