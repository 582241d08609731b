/*
 * stats.h - counting dg TSV records per key, for dg-stats(1).
 *
 * Keys are derived from one field of a record (category, kind, date,
 * month, year, file or the URL's domain).  Per key three counts are kept:
 * sources (records with a title or URL), sections (distinct file and
 * section) and digests (distinct files), exact whatever the order of the
 * records (sorted, shuffled, a file read twice).  Memory grows with the
 * distinct keys and files and with what the keys have seen -- an entry
 * per distinct (key, file, section) -- never with the records: a few
 * bytes an entry while the records are in dg-parse(1) order, a few tens
 * from the first file or section that comes back.
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

/* Appends s with runs of blanks (dg_ascii_blank: space, TAB, LF, VT, FF,
 * CR) made one space and leading and trailing blanks dropped. */
int dg_stats_blanks(dg_buf *b, const char *s, size_t n);
/* The same, with ASCII letters lowered too: the grouping form of a
 * category or kind. */
int dg_stats_fold(dg_buf *b, const char *s, size_t n);
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

/* One key and its counts, as handed out by dg_stats_rows. */
typedef struct {
	dg_str key;		/* raw bytes; the spelling shown */
	uint64_t sources;	/* records with a title or URL */
	uint64_t sections;	/* distinct (file, section) */
	uint64_t digests;	/* distinct files */
} dg_stats_row;

/* Counts by key (a dg_stats_key_lookup number); NULL when out of
 * memory. */
dg_stats *dg_stats_new(int key);
/*
 * Counts one record, given its fields as in dg TSV (escaped): field is
 * the one dg_stats_key_field names.  DG_OK, DG_ENOMEM, DG_EESCAPE (the key
 * field has a bad escape; nothing counted) or DG_EOVERFLOW (nothing
 * counted).
 */
int dg_stats_add(dg_stats *s, dg_str field, dg_str title, dg_str url,
    dg_str file, dg_str section);
/* Adds counts to a key given escaped, as in dg-stats output (merging);
 * category and kind keys are folded again.  DG_OK, DG_ENOMEM,
 * DG_EESCAPE or DG_EOVERFLOW (nothing added). */
int dg_stats_merge(dg_stats *s, dg_str key, const uint64_t count[3]);
/* The keys, sorted: by sources, most first, then key in byte order; or,
 * when bykey, by key alone.  *rows is malloc'ed (caller frees; the keys
 * stay owned by s); NULL with *n 0 when empty.  DG_OK or DG_ENOMEM. */
int dg_stats_rows(dg_stats *s, int bykey, dg_stats_row **rows, size_t *n);
/* Appends "key TAB sources TAB sections TAB digests LF", key escaped. */
int dg_stats_format(dg_buf *b, const dg_stats_row *r);
void dg_stats_free(dg_stats *s);

/* --- reading dg-stats output (for -m) ------------------------------------ */

/*
 * Splits a dg-stats output line into its key (escaped) and three counts.
 * DG_OK; DG_EFIELDS when it has fewer than four fields (*nf gets the
 * count); DG_ENUMBER or DG_ERANGE when a count is not a plain number of
 * 64 bits (*bad gets the field's index, 1 to 3).
 */
int dg_stats_parse_row(const char *line, size_t n, dg_str *key,
    uint64_t count[3], size_t *nf, int *bad);
/* Is line a dg-stats header ("NAME TAB sources TAB sections TAB
 * digests")?  Returns the key NAME names, -2 for another name, or -1
 * when it is no header. */
int dg_stats_header(const char *line, size_t n);

#endif
