/*
 * map.h - a dg-alias MAP (dg-alias(1)): lines PATTERN TAB CATEGORY; the
 * first line whose pattern matches a category gives its new name.
 *
 * A pattern is a dg-cat glob (lib/glob_int.h): the whole category, ASCII
 * case folded, blanks normalised.  Categories handed to dg_map_apply are
 * as they stand in dg TSV (escaped); each distinct one is matched against
 * the rules once and the answer kept, so memory grows with the distinct
 * spellings seen, not with the records.
 */
#ifndef DG_MAP_H
#define DG_MAP_H

#include "dg.h"

/* What dg_map_line made of a line. */
enum dg_map_status {
	DG_MAP_RULE,		/* a rule, added */
	DG_MAP_SKIP,		/* a blank line or a # comment */
	DG_MAP_NOTAB,		/* no TAB between pattern and category */
	DG_MAP_TABS,		/* more than one TAB */
	DG_MAP_NOPATTERN,	/* the pattern is empty or blank */
	DG_MAP_NOCATEGORY,	/* the category is empty or blank */
	DG_MAP_BRACKET,		/* a [ in the pattern that no ] closes */
	DG_MAP_NOMEM		/* out of memory */
};

/* The message for each of DG_MAP_NOTAB to DG_MAP_BRACKET, for people. */
extern const char *const dg_map_messages[DG_MAP_NOMEM];

typedef struct dg_map dg_map;

dg_map *dg_map_new(void);	/* NULL when out of memory */
/*
 * Reads one MAP line (without its LF; NUL bytes are data).  A line of
 * spaces and TABs only is blank; one whose first other byte is # is a
 * comment.  Otherwise it must be PATTERN TAB CATEGORY with neither empty
 * (nor only blanks); the category is kept as dg-parse writes one, its
 * leading and trailing spaces dropped and runs of spaces made one.
 */
enum dg_map_status dg_map_line(dg_map *m, const char *line, size_t n);
size_t dg_map_rules(const dg_map *m);	/* the rules added so far */
/*
 * The new name of the category field f (escaped, as in dg TSV): *to is
 * set to the first matching rule's category, escaped, or to NULL when no
 * rule matches (the category stays as it is).  Every rule is added
 * before the first call; *to stays valid until dg_map_free.  DG_OK,
 * DG_EESCAPE (f has a bad escape) or DG_ENOMEM.
 */
int dg_map_apply(dg_map *m, dg_str f, const dg_str **to);
void dg_map_free(dg_map *m);
/*
 * Appends s as a pattern compares it: ASCII letters lowered, runs of
 * blanks (spaces, TABs) made one space, leading and trailing ones
 * dropped.  A pattern without wildcards matches exactly the categories
 * of its own form.  DG_OK or DG_ENOMEM.
 */
int dg_map_fold(dg_buf *b, const char *s, size_t n);

#endif
