/*
 * stats.h - counting dg TSV records per key, for dg-stats(1).
 *
 * A table has one or more key columns, each derived from one field of a
 * record (category, kind, date, month, year, file or the URL's domain);
 * a row per distinct tuple of them keeps three counts: sources (records
 * with a title or URL), sections (distinct file and section) and digests
 * (distinct files), exact whatever the order of the records (sorted,
 * shuffled, a file read twice).  Memory grows with the distinct rows and
 * files and with what the rows have seen -- an entry per distinct (row,
 * file, section) -- never with the records: a few bytes an entry while
 * the records are in dg-parse(1) order, a few tens from the first file
 * or section that comes back.
 *
 * Strings are pointer + length and not NUL-terminated.  Fields given to
 * dg_stats_add are as they stand in dg TSV (escaped); keys handed out are
 * raw bytes (unescaped).
 */
#ifndef DG_STATS_H
#define DG_STATS_H

#include "dg.h"
#include "num_int.h"

/*
 * The keys dg-stats counts by (-b), numbered from 0.  Each is one row of
 * a table in stats.c: its name, the dg TSV field it comes from, how it
 * is derived from the raw field, and whether it folds case.
 */

/* The key called name (n bytes, as written), or -1. */
int dg_stats_key_lookup(const char *name, size_t n);
/* The names of the keys in order, NULL-ended: the -b words, which are
 * also the header's key column names. */
const char *const *dg_stats_key_names(void);
/* The dg TSV field key is derived from. */
enum dg_field dg_stats_key_field(int key);
/* Does key group with ASCII case folded (category, kind)? */
int dg_stats_key_folds(int key);

/* --- key derivation, on raw (unescaped) bytes --------------------------- */

/* (Categories and kinds: dg_blanks and dg_fold of lib/ascii_int.h.) */
/* The host of a URL: after "scheme://" (when present) up to the first
 * '/', '?' or '#', without userinfo ("user@") or port (":8080"); an IPv6
 * literal keeps its brackets.  A slice of url; may be empty. */
dg_str dg_stats_host(const char *url, size_t n);
/* Appends the domain of a URL: its host, ASCII lowered, without one
 * leading "www.". */
int dg_stats_domain(dg_buf *b, const char *url, size_t n);
/* Appends the key derived from the raw field s, as key's row in the
 * table says. */
int dg_stats_key(dg_buf *b, int key, const char *s, size_t n);

/* --- the counting table -------------------------------------------------- */

typedef struct dg_stats dg_stats;

/* One row, as handed out by dg_stats_rows. */
typedef struct {
	const dg_str *key;	/* nkeys key columns, raw bytes, as shown */
	size_t nkeys;		/* the table's key columns */
	uint64_t sources;	/* records with a title or URL */
	uint64_t sections;	/* distinct (file, section) */
	uint64_t digests;	/* distinct files */
} dg_stats_row;

/*
 * A table whose n (at least 1) key columns are keys[0 .. n), numbers
 * from dg_stats_key_lookup; a key may come twice (dg-stats(1) does not
 * let it).  A column that folds groups its values with ASCII case folded
 * and shows for each group one spelling in every row: the one that
 * sorts first in byte order of all the table has seen.  NULL when out of
 * memory.
 */
dg_stats *dg_stats_new(const int *keys, size_t n);
/*
 * Counts one record, given its fields as in dg TSV (escaped): field[i] is
 * the one dg_stats_key_field names for key column i.  DG_OK, DG_ENOMEM,
 * DG_EESCAPE (a key field has a bad escape; nothing counted) or
 * DG_EOVERFLOW (nothing counted).
 */
int dg_stats_add(dg_stats *s, const dg_str *field, dg_str title,
    dg_str url, dg_str file, dg_str section);
/* Adds counts to the row of the key columns key[], given escaped, as in
 * dg-stats output (merging); columns that fold are folded again.  DG_OK,
 * DG_ENOMEM, DG_EESCAPE or DG_EOVERFLOW (nothing added). */
int dg_stats_merge(dg_stats *s, const dg_str *key, const uint64_t count[3]);
/* The rows, sorted: by sources, most first, then by the key columns in
 * turn, each in byte order; or, when bykey, by the key columns alone.
 * *rows is malloc'ed, with the key arrays (caller frees *rows; the keys
 * stay owned by s); NULL with *n 0 when empty.  DG_OK or DG_ENOMEM. */
int dg_stats_rows(dg_stats *s, int bykey, dg_stats_row **rows, size_t *n);
/* Appends "key TAB ... TAB sources TAB sections TAB digests LF", the key
 * columns escaped. */
int dg_stats_format(dg_buf *b, const dg_stats_row *r);
void dg_stats_free(dg_stats *s);

/* --- reading dg-stats output (for -m) ------------------------------------ */

/*
 * Splits a line of a table of nkeys key columns into the columns (into
 * key[0 .. nkeys), escaped) and three counts; fields after those are
 * ignored.  DG_OK; DG_EFIELDS when it has fewer than nkeys + 3 fields
 * (*nf gets the count); DG_ENUMBER or DG_ERANGE when a count is not a
 * plain number of 64 bits (*bad gets the count's index, 1 to 3).
 */
int dg_stats_parse_row(const char *line, size_t n, size_t nkeys,
    dg_str *key, uint64_t count[3], size_t *nf, int *bad);
/*
 * Is line a dg-stats header ("NAME TAB ... sources TAB sections TAB
 * digests")?  -1 when not; 0 when it is, but names no list of distinct
 * keys of at most max; 1 when it does: keys[0 .. *nkeys) are their
 * numbers.
 */
int dg_stats_header(const char *line, size_t n, int *keys, size_t max,
    size_t *nkeys);

#endif
