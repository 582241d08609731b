/*
 * glob_int.h - shell glob patterns for categories and kinds (lib/glob.c).
 *
 * A pattern is matched against a whole string, byte by byte, with no
 * locale: ASCII letters match either case, and runs of blanks
 * (dg_ascii_blank) count as one space, leading and trailing blanks
 * ignored, in the pattern and in the string alike.  Syntax, as fnmatch(3) without flags:
 *
 *	*	any run of bytes, even empty
 *	?	any one byte
 *	[...]	one byte from the set: ranges a-z, classes [:alpha:],
 *		negation with ! or ^ first, ] first is literal, - first
 *		or last is literal; an unclosed [ is a literal [
 *	\c	the byte c itself (a \ at the very end is a literal \)
 *
 * Matching takes time O(pattern * string) at worst: no backtracking
 * blowup on patterns such as *a*a*a*a*b.
 */
#ifndef DG_GLOB_INT_H
#define DG_GLOB_INT_H

#include "dg.h"

typedef struct dg_glob dg_glob;

/* Compiles pattern p[0..n) (not NUL-terminated); NULL when out of
 * memory.  Every pattern is valid. */
dg_glob *dg_glob_new(const char *p, size_t n);
/* The offset of the first '[' in p[0..n) that no ']' closes, or n when
 * there is none.  dg_glob_new takes such a '[' as a plain one; where a
 * pattern is written once and used on many categories (dg-alias MAP
 * files) it is more likely a slip, which this finds. */
size_t dg_glob_unclosed(const char *p, size_t n);
/* 1 when the whole of s[0..n) matches g, else 0. */
int dg_glob_match(const dg_glob *g, const char *s, size_t n);
void dg_glob_free(dg_glob *g);

#endif
