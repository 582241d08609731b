/*
 * suggest.h - dg-alias -s: groups of category spellings that name one
 * thing, written as a MAP to edit and use with dg-alias -f.
 *
 * Two spellings are grouped when their keys (dg_suggest_key) are equal:
 * they differ only in ASCII case, blanks, punctuation, or a plural on a
 * word; and a spelling "X (A)", where A abbreviates X (dg_suggest_abbrev),
 * joins the group of A when A is a category of the stream too.  Each
 * group is mapped to its most frequent spelling.  One entry is held per
 * distinct spelling.  Spellings are raw bytes (unescaped), not
 * NUL-terminated.
 */
#ifndef DG_SUGGEST_H
#define DG_SUGGEST_H

#include "dg.h"

/* A spelling of a group. */
typedef struct {
	dg_str spell;		/* the category, raw */
	uint64_t count;		/* records with it */
	int line;		/* 1 when it gets a MAP line: it is the first
				   of its group with its glob form (case
				   folded, blanks normalised), which the
				   line's pattern matches as a whole */
} dg_suggest_spelling;

/* A group of two or more spellings. */
typedef struct {
	dg_suggest_spelling *s;	/* most records first, then byte order:
				   s[0] is the name the group is mapped to */
	size_t n;		/* spellings, 2 or more */
	uint64_t records;	/* their counts summed */
} dg_suggest_group;

typedef struct dg_suggest dg_suggest;

dg_suggest *dg_suggest_new(void);	/* NULL when out of memory */
/* Counts one record of category cat.  DG_OK or DG_ENOMEM. */
int dg_suggest_add(dg_suggest *s, const char *cat, size_t n);
/*
 * The groups, most records first, then by the name they are mapped to in
 * byte order; *g is owned by s and valid until dg_suggest_free, and no
 * dg_suggest_add may follow.  A spelling holding a TAB, LF or CR byte,
 * which a MAP line cannot hold, is in no group; so is one with no letter
 * or digit.  DG_OK or DG_ENOMEM.
 */
int dg_suggest_groups(dg_suggest *s, const dg_suggest_group **g,
    size_t *n);
/*
 * Appends group g as MAP text: a comment line with its counts, one per
 * spelling ("# COUNT TAB SPELLING"), then "PATTERN TAB NAME" for each
 * spelling with a line, NAME being s[0].  DG_OK or DG_ENOMEM.
 */
int dg_suggest_format(dg_buf *b, const dg_suggest_group *g);
void dg_suggest_free(dg_suggest *s);

/* --- the parts, for the tests ------------------------------------------ */

/*
 * Appends the grouping key of s: its words (runs of ASCII letters and
 * digits and of bytes above 0x7f), ASCII lower-cased, each word of ASCII
 * letters made singular, joined with nothing between them, and the
 * symbols # $ % & + < = > @ ^ where they stand ("C++" is not "C"); other
 * bytes (blanks, punctuation, controls) are left out.
 */
int dg_suggest_key(dg_buf *b, const char *s, size_t n);
/*
 * The singular form of the ASCII letters w[0..n), lower case, rewritten
 * in place; returns its length.  Not English grammar: a form that a
 * singular and its plural share ("databas" for database and databases).
 */
size_t dg_suggest_singular(char *w, size_t n);
/*
 * Does s end in "(A)", A an abbreviation of the text X before it?  A is
 * one word of ASCII letters, digits, '-', '&' and '.', with two capital
 * letters or more; its first letter is X's first letter or digit and its
 * letters appear in X in order (ASCII case folded):
 * "Large Language Models (LLM)".  Sets *a to A.
 */
int dg_suggest_abbrev(const char *s, size_t n, dg_str *a);
/*
 * Appends s as a MAP pattern that matches s alone, up to case and
 * blanks: leading and trailing spaces dropped, runs of spaces made one,
 * \ before each * ? [ \ and before a # that starts it.
 */
int dg_suggest_pattern(dg_buf *b, const char *s, size_t n);

#endif
