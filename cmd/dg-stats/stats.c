/* stats.c - counting dg TSV records per key (dg-stats). */
#include <stdlib.h>
#include <string.h>

#include "ascii_int.h"
#include "field_int.h"
#include "hash_int.h"
#include "stats.h"
#include "table_int.h"

dg_str
dg_stats_host(const char *url, size_t n)
{
	const char *p = url, *end = url + n, *q, *at, *colon;
	dg_str host;

	/* "scheme://" only counts when the scheme is a scheme. */
	for (q = p; q < end && *q != ':' && *q != '/' && *q != '?' &&
	    *q != '#'; q++)
		continue;
	if (end - q >= 3 && q > p && memcmp(q, "://", 3) == 0)
		p = q + 3;
	for (q = p; q < end && *q != '/' && *q != '?' && *q != '#'; q++)
		continue;
	end = q;
	for (at = NULL, q = p; q < end; q++)
		if (*q == '@')
			at = q;
	if (at != NULL)
		p = at + 1;
	if (p < end && *p == '[') {
		for (q = p; q < end && *q != ']'; q++)
			continue;
		end = q < end ? q + 1 : end;
	} else if ((colon = memchr(p, ':', (size_t)(end - p))) != NULL)
		end = colon;
	host.p = p;
	host.n = (size_t)(end - p);
	return host;
}

int
dg_stats_domain(dg_buf *b, const char *url, size_t n)
{
	dg_str h = dg_stats_host(url, n);
	size_t i, start = b->len;

	if (dg_buf_add(b, h.p, h.n) != DG_OK)
		return DG_ENOMEM;
	for (i = start; i < b->len; i++)
		b->p[i] = (char)dg_ascii_lower((unsigned char)b->p[i]);
	if (b->len - start > 4 && memcmp(b->p + start, "www.", 4) == 0) {
		memmove(b->p + start, b->p + start + 4, b->len - start - 4);
		b->len -= 4;
	}
	return DG_OK;
}

/* YYYY-MM, the first 7 bytes of a date of that form; else empty. */
static int
month(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	if (n >= 7 && dg_ascii_digit(p[0]) && dg_ascii_digit(p[1]) &&
	    dg_ascii_digit(p[2]) && dg_ascii_digit(p[3]) && p[4] == '-' &&
	    dg_ascii_digit(p[5]) && dg_ascii_digit(p[6]))
		return dg_buf_add(b, s, 7);
	return DG_OK;
}

/* YYYY, the first 4 bytes of a date when they are digits; else empty. */
static int
year(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	if (n >= 4 && dg_ascii_digit(p[0]) && dg_ascii_digit(p[1]) &&
	    dg_ascii_digit(p[2]) && dg_ascii_digit(p[3]))
		return dg_buf_add(b, s, 4);
	return DG_OK;
}

static int
as_is(dg_buf *b, const char *s, size_t n)
{
	return dg_buf_add(b, s, n);
}

/*
 * The keys, one row each: a new key is a row here (and the words in the
 * man page), with a derive function when none of these fits.
 */
static const struct keydef {
	const char *name;	/* the -b word and header column name */
	enum dg_field field;	/* what the key is derived from */
	int (*derive)(dg_buf *, const char *, size_t);
				/* appends the key of a raw field */
	int folds;		/* grouped with ASCII case folded, shown in
				   the spelling that sorts first */
	int distinct;		/* fields mostly differ (URLs): not worth
				   remembering field by field */
} keydefs[] = {
	{ "category", DG_F_CATEGORY, dg_blanks, 1, 0 },
	{ "kind", DG_F_KIND, dg_blanks, 1, 0 },
	{ "date", DG_F_DATE, as_is, 0, 0 },
	{ "month", DG_F_DATE, month, 0, 0 },
	{ "year", DG_F_DATE, year, 0, 0 },
	{ "file", DG_F_FILE, as_is, 0, 0 },
	{ "domain", DG_F_URL, dg_stats_domain, 0, 1 }
};
#define NKEYDEFS ((int)(sizeof(keydefs) / sizeof(keydefs[0])))

int
dg_stats_key_lookup(const char *name, size_t n)
{
	int i;

	for (i = 0; i < NKEYDEFS; i++)
		if (strlen(keydefs[i].name) == n &&
		    memcmp(keydefs[i].name, name, n) == 0)
			return i;
	return -1;
}

const char *const *
dg_stats_key_names(void)
{
	static const char *names[NKEYDEFS + 1];
	int i;

	for (i = 0; i < NKEYDEFS; i++)
		names[i] = keydefs[i].name;
	return names;
}

enum dg_field
dg_stats_key_field(int key)
{
	return keydefs[key].field;
}

int
dg_stats_key_folds(int key)
{
	return keydefs[key].folds;
}

int
dg_stats_key(dg_buf *b, int key, const char *s, size_t n)
{
	return keydefs[key].derive(b, s, n);
}

/*
 * A table is rows of counts, one per distinct tuple of values of its key
 * columns.  Each column keeps its values in a hash table, numbered as
 * they come; a row is found by the numbers of its values (a table of one
 * column keeps its rows in its values).  A value is derived once per
 * distinct field, and a row is looked up once per record whose fields
 * differ from the last one's.
 *
 * Values and rows are the values of hash table entries, which do not
 * move.  What they point to is owned by the tables too (dg_hash_alloc),
 * so freeing them frees all.
 */
struct count {
	uint64_t n[3];		/* sources, sections, digests */
	uint64_t id;		/* the row's id; 0 until a record counts */
	uint64_t file;		/* the id of its last file; 0: none */
	uint64_t sec;		/* the id of its last section */
};

/* A value of a column: the key of its entry is the value's bytes, in
 * the folded form when the column folds. */
struct val {
	uint64_t id;		/* 1, 2, ... in the order made */
	char *spell;		/* a column that folds: the spelling shown,
				   the one of all the table has seen that
				   sorts first (see spell) */
	struct count row;	/* a table of one column: the row */
};

struct col {
	const struct keydef *by;	/* what the column is */
	dg_hash *vals;		/* value -> struct val */
	dg_hash *byfield;	/* field as read -> struct val *, a
				   shortcut past derivation for fields seen
				   again (unless by->distinct) */
	uint64_t nvals;		/* values made */
	dg_buf raw;		/* the field at hand unescaped */
	dg_str rawfield;	/* it, when to be derived; else .p NULL */
	struct val *v;		/* the value at hand */
	dg_buf last;		/* the field of the last record */
	struct val *lastval;	/* its value; NULL: none */
};

/*
 * Sections and digests are counted exactly whatever the order of the
 * records, on ids: rows, files and sections get numbers, and what a row
 * has seen is a triple of them.
 *
 * While the records are in dg-parse order -- the records of a file
 * together, and within it those of a section -- a row has seen a file,
 * or a section, exactly when it is the row's last one: counting is two
 * comparisons, and the triples are only written down, in a log of a
 * few bytes each.  The first file or section that comes back ends that:
 * the log goes into a hash table, which from then on says what each row
 * has seen.  (Whether a file comes back takes a lookup per file, none
 * while the file names rise: see file_id.)
 *
 * The table holds, per row and file, the sections seen as bits, 64 to a
 * word: section id i is bit (i - 1) % 64 of word (i - 1) / 64.  Section
 * ids are small, so one word per row and file is the rule, and one
 * lookup tells both whether the section is new and whether the file is:
 * word 0 is there as soon as the row has seen the file.
 */
struct word {
	uint64_t key;	/* row id; 0: the file's own sections (in order) */
	uint64_t file;	/* file id; 0: an empty slot */
	uint64_t w;	/* which 64 section ids */
	uint64_t bits;	/* of them, those seen */
};

/* Open addressing, linear probing. */
struct wordset {
	struct word *slot;	/* cap slots, or NULL */
	size_t cap;		/* a power of two, or 0 */
	size_t count;		/* words in the set */
};

/* A section written as a plain decimal number of up to SECDIGITS digits
 * has the id 1 + its value: no lookup.  Other sections ("01", "", ...)
 * are looked up by their bytes and get ids from SECNAMED up. */
#define SECDIGITS 18
#define SECNAMED (UINT64_C(1) << 63)

struct dg_stats {
	size_t ncols;		/* key columns */
	struct col *col;	/* the columns */
	dg_hash *rows;		/* more than one column: the ids of the
				   values, 8 bytes each -> struct count */
	uint64_t *ids;		/* the row key at hand */
	dg_buf key;		/* a value derived */
	dg_buf fold;		/* its folded form */
	struct count *cached;	/* the row of the last record; NULL:
				   none */
	int rising;		/* the files so far came in rising byte
				   order: none has come back, and their
				   names are in names, not yet in files */
	dg_buf names;		/* while rising: the files, each followed
				   by LF (which escaped fields lack) */
	size_t lastname;	/* where the last of them starts */
	dg_hash *files;		/* file (escaped) -> id */
	dg_hash *secs;		/* section (escaped), not a plain number,
				   -> id */
	uint64_t nrows;		/* row ids handed out */
	uint64_t nfiles;	/* file ids handed out */
	uint64_t nsecs;		/* section ids from SECNAMED handed out */
	dg_buf lastfile;	/* the file of the last record */
	dg_buf lastsec;		/* its section */
	uint64_t file;		/* the id of lastfile; 0: to look up */
	uint64_t sec;		/* the id of lastsec; 0: to look up */
	int exact;		/* a file or section came back: seen is
				   asked */
	uint64_t secbits;	/* in order: sections of the file seen,
				   word 0 (the others are in seen) */
	dg_buf log;		/* in order: (row, file, section) seen, see
				   log_put */
	uint64_t logfile;	/* the file of the last triple logged */
	struct wordset seen;	/* exact: the sections each row has seen
				   per file; in order: under row 0, those
				   of each file past word 0 */
};

static int
same(const char *a, size_t an, dg_str b)
{
	return an == b.n && (an == 0 || memcmp(a, b.p, an) == 0);
}

dg_stats *
dg_stats_new(const int *keys, size_t n)
{
	dg_stats *s;
	size_t i;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->ncols = n;
	s->rising = 1;
	if ((s->col = calloc(n, sizeof(*s->col))) == NULL ||
	    (s->ids = calloc(n, sizeof(*s->ids))) == NULL) {
		dg_stats_free(s);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		s->col[i].by = &keydefs[keys[i]];
		if ((s->col[i].vals = dg_hash_new(sizeof(struct val))) ==
		    NULL || (s->col[i].byfield =
		    dg_hash_new(sizeof(struct val *))) == NULL) {
			dg_stats_free(s);
			return NULL;
		}
	}
	if ((n > 1 && (s->rows = dg_hash_new(sizeof(struct count))) ==
	    NULL) ||
	    (s->files = dg_hash_new(sizeof(uint64_t))) == NULL ||
	    (s->secs = dg_hash_new(sizeof(uint64_t))) == NULL) {
		dg_stats_free(s);
		return NULL;
	}
	return s;
}

/*
 * One spelling per value of a column that folds in the whole table, not
 * one per row, so that a category is one series in a chart of the
 * table: the one of all the table has seen that sorts first.  Spellings
 * of a value have its length.  Considers spelt (n bytes) for v.
 */
static int
spell(dg_hash *vals, struct val *v, const char *spelt, size_t n)
{
	if (v->spell == NULL) {
		if ((v->spell = dg_hash_alloc(vals, n)) == NULL)
			return DG_ENOMEM;
		if (n > 0)
			memcpy(v->spell, spelt, n);
	} else if (n > 0 && memcmp(spelt, v->spell, n) < 0)
		memcpy(v->spell, spelt, n);
	return DG_OK;
}

/*
 * Sets c->v to the value derived from c->rawfield (a raw field; a value
 * already, given escaped, when merging), made when new.  A field is
 * remembered in byfield, when field is not NULL, if its value comes
 * again: one that comes once, as all do when values are many, would
 * only cost.
 */
static int
value(dg_stats *s, struct col *c, const dg_str *field)
{
	int (*fn)(dg_buf *, const char *, size_t) = c->by->derive;
	dg_buf *k = &s->key;
	struct val **slot;
	int created;

	if (field == NULL)
		fn = c->by->folds ? dg_blanks : as_is;
	s->key.len = 0;
	if (fn(&s->key, c->rawfield.p, c->rawfield.n) != DG_OK)
		return DG_ENOMEM;
	if (c->by->folds) {
		s->fold.len = 0;
		if (dg_fold(&s->fold, s->key.p, s->key.len) != DG_OK)
			return DG_ENOMEM;
		k = &s->fold;
	}
	if ((c->v = dg_hash_put(c->vals, k->len > 0 ? k->p : "", k->len,
	    &created)) == NULL)
		return DG_ENOMEM;
	if (created)
		c->v->id = ++c->nvals;
	if (c->by->folds && spell(c->vals, c->v, s->key.p, s->key.len) !=
	    DG_OK)
		return DG_ENOMEM;
	if (field != NULL && !c->by->distinct && !created) {
		if ((slot = dg_hash_put(c->byfield, field->n > 0 ? field->p :
		    "", field->n, NULL)) == NULL)
			return DG_ENOMEM;
		*slot = c->v;
	}
	return DG_OK;
}

/* The row of the values at hand, made when new; NULL when out of
 * memory. */
static struct count *
row(dg_stats *s)
{
	size_t i;

	if (s->ncols == 1)
		return &s->col[0].v->row;
	for (i = 0; i < s->ncols; i++)
		s->ids[i] = s->col[i].v->id;
	return dg_hash_put(s->rows, (const char *)s->ids,
	    s->ncols * sizeof(*s->ids), NULL);
}

/* Notes that the last record's field of c is f, whose value is c->v. */
static int
keep_last(struct col *c, dg_str f)
{
	c->lastval = NULL;
	c->last.len = 0;
	if (dg_buf_add(&c->last, f.p, f.n) != DG_OK)
		return DG_ENOMEM;
	c->lastval = c->v;
	return DG_OK;
}

/*
 * Finds the values of the fields f (escaped), made when new, and their
 * row; the fields before f[from] are known to be the last record's, and
 * f[from] not to be.  A field that is the last record's has its value,
 * one seen again is in byfield; the others are derived, after the
 * escapes of all are checked: a record with a bad escape makes nothing.
 */
static int
row_of(dg_stats *s, const dg_str *f, size_t from, struct count **row_at)
{
	struct val **slot;
	struct col *c;
	size_t i;
	int st, derive = 0;

	s->cached = NULL;
	for (i = 0; i < s->ncols; i++) {
		c = &s->col[i];
		c->rawfield.p = NULL;
		if (i < from || (i > from && c->lastval != NULL &&
		    same(c->last.p, c->last.len, f[i]))) {
			c->v = c->lastval;
			continue;
		}
		if (!c->by->distinct && dg_hash_count(c->byfield) > 0 &&
		    (slot = dg_hash_find(c->byfield, f[i].n > 0 ? f[i].p :
		    "", f[i].n)) != NULL) {
			c->v = *slot;
			if (keep_last(c, f[i]) != DG_OK)
				return DG_ENOMEM;
			continue;
		}
		if ((st = dg_field_raw(f[i], &c->raw, &c->rawfield)) !=
		    DG_OK)
			return st;
		if (c->rawfield.p == NULL)
			c->rawfield.p = "";
		derive = 1;
	}
	for (i = 0; derive && i < s->ncols; i++) {
		c = &s->col[i];
		if (c->rawfield.p != NULL && (value(s, c, &f[i]) != DG_OK ||
		    keep_last(c, f[i]) != DG_OK))
			return DG_ENOMEM;
	}
	if ((*row_at = s->cached = row(s)) == NULL)
		return DG_ENOMEM;
	return DG_OK;
}

/* The row of the key columns key (escaped), made when new; a row with a
 * bad escape makes nothing. */
static int
merge_row(dg_stats *s, const dg_str *key, struct count **row_at)
{
	struct col *c;
	size_t i;
	int st;

	s->cached = NULL;
	for (i = 0; i < s->ncols; i++) {
		c = &s->col[i];
		if ((st = dg_field_raw(key[i], &c->raw, &c->rawfield)) !=
		    DG_OK)
			return st;
		if (c->rawfield.p == NULL)
			c->rawfield.p = "";
	}
	for (i = 0; i < s->ncols; i++)
		if (value(s, &s->col[i], NULL) != DG_OK)
			return DG_ENOMEM;
	if ((*row_at = row(s)) == NULL)
		return DG_ENOMEM;
	return DG_OK;
}

/* Ids are handed out in order, so they are mixed (the finaliser of
 * MurmurHash3) before the low bits pick a slot. */
static size_t
word_hash(uint64_t key, uint64_t file, uint64_t w)
{
	uint64_t h = (key * 0x9e3779b97f4a7c15ull ^ file) *
	    0xc2b2ae3d27d4eb4full ^ w;

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return (size_t)h;
}

/* The slot holding (key, file, w), or the empty slot where it would go;
 * file is not 0. */
static struct word *
slot_of(const struct wordset *t, uint64_t key, uint64_t file, uint64_t w)
{
	size_t mask = t->cap - 1, i = word_hash(key, file, w) & mask;
	struct word *q;

	for (q = &t->slot[i]; q->file != 0; q = &t->slot[i]) {
		if (q->key == key && q->file == file && q->w == w)
			break;
		i = (i + 1) & mask;
	}
	return q;
}

/* Makes room for two more words, keeping the load under 3/4: a slot
 * found before stays good for two insertions. */
static int
room(struct wordset *t)
{
	struct word *old = t->slot;
	size_t oldcap = t->cap, cap, i;

	if (t->count + 2 <= t->cap / 4 * 3)
		return DG_OK;
	cap = oldcap == 0 ? 64 : oldcap * 2;
	if (oldcap > SIZE_MAX / 2 / sizeof(*old) ||
	    (t->slot = calloc(cap, sizeof(*t->slot))) == NULL) {
		t->slot = old;
		return DG_ENOMEM;
	}
	t->cap = cap;
	for (i = 0; i < oldcap; i++)
		if (old[i].file != 0)
			*slot_of(t, old[i].key, old[i].file, old[i].w) =
			    old[i];
	free(old);
	return DG_OK;
}

/* The word of (key, file, w), put in the set when new; there is room. */
static struct word *
word_of(struct wordset *t, uint64_t key, uint64_t file, uint64_t w)
{
	struct word *q = slot_of(t, key, file, w);

	if (q->file == 0) {
		q->key = key;
		q->file = file;
		q->w = w;
		q->bits = 0;
		t->count++;
	}
	return q;
}

/* Notes that key has seen section sec of file (and so, word 0 of the
 * file); there is room.  Was the section new to the key? */
static int
mark(struct wordset *t, uint64_t key, uint64_t file, uint64_t sec)
{
	uint64_t w = (sec - 1) / 64, bit = UINT64_C(1) << ((sec - 1) % 64);
	struct word *q = word_of(t, key, file, w);
	int fresh = (q->bits & bit) == 0;

	q->bits |= bit;
	if (w != 0)
		(void)word_of(t, key, file, 0);
	return fresh;
}

/* Bytes of a triple in the log, at most. */
#define LOGMAX (3 * 10)

/*
 * Appends a triple to the log, which has LOGMAX bytes of room: key id,
 * file id less the last one logged (files do not come back while in
 * order: they only go up) and section id, each in 7-bit groups, low
 * first, the high bit set on all but the last (LEB128).  Most triples
 * take 3 or 4 bytes.
 */
static void
log_put(dg_stats *s, uint64_t key, uint64_t file, uint64_t sec)
{
	uint64_t v[3];
	char *p;
	int i;

	v[0] = key;
	v[1] = file - s->logfile;
	v[2] = sec;
	p = s->log.p + s->log.len;
	for (i = 0; i < 3; i++) {
		for (; v[i] >= 0x80; v[i] >>= 7)
			*p++ = (char)((v[i] & 0x7f) | 0x80);
		*p++ = (char)v[i];
	}
	s->log.len = (size_t)(p - s->log.p);
	s->logfile = file;
}

/* The number at *p in the log, moving *p past it. */
static uint64_t
log_num(const unsigned char **p)
{
	uint64_t v = 0;
	int shift = 0;

	while (**p & 0x80) {
		v |= (uint64_t)(**p & 0x7f) << shift;
		shift += 7;
		(*p)++;
	}
	v |= (uint64_t)*(*p)++ << shift;
	return v;
}

/* The records are not in dg-parse order: what the log holds goes into
 * the set, which counting asks from now on. */
static int
go_exact(dg_stats *s)
{
	const unsigned char *p = (const unsigned char *)s->log.p;
	const unsigned char *end = p + s->log.len;
	uint64_t key, file = 0, sec;

	while (p < end) {
		key = log_num(&p);
		file += log_num(&p);
		sec = log_num(&p);
		if (room(&s->seen) != DG_OK)
			return DG_ENOMEM;
		(void)mark(&s->seen, key, file, sec);
	}
	dg_buf_free(&s->log);
	s->logfile = 0;
	s->exact = 1;
	return DG_OK;
}

/* The id of a section: 1 + its value when it is a plain decimal number
 * ("0", "12"), else the one looked up in s->secs by its bytes. */
static int
sec_id(dg_stats *s, dg_str section, uint64_t *id)
{
	uint64_t v = 0, *slot;
	size_t i;
	int created;

	if (section.n > 0 && section.n <= SECDIGITS &&
	    (section.p[0] != '0' || section.n == 1)) {
		for (i = 0; i < section.n &&
		    dg_ascii_digit((unsigned char)section.p[i]); i++)
			v = v * 10 + (uint64_t)(section.p[i] - '0');
		if (i == section.n) {
			*id = v + 1;
			return DG_OK;
		}
	}
	if ((slot = dg_hash_put(s->secs, section.n > 0 ? section.p : "",
	    section.n, &created)) == NULL)
		return DG_ENOMEM;
	if (created)
		*slot = SECNAMED | ++s->nsecs;
	*id = *slot;
	return DG_OK;
}

/* Byte order: a shorter key before its extensions. */
static int
keycmp(dg_str a, dg_str b)
{
	size_t n = a.n < b.n ? a.n : b.n;
	int c = n > 0 ? memcmp(a.p, b.p, n) : 0;

	if (c != 0)
		return c;
	return (a.n > b.n) - (a.n < b.n);
}

/* While rising, the last file written down in names (there is one). */
static dg_str
last_name(const dg_stats *s)
{
	dg_str f;

	f.p = s->names.p + s->lastname;
	f.n = s->names.len - s->lastname - 1;
	return f;
}

/*
 * The id of a file new to the run of records with it, and whether it
 * came before.  Files in rising byte order (as a shell glob gives them)
 * cannot have: they are given ids and written down, no lookup.  The
 * first that does not rise puts them all in s->files, which answers from
 * then on.
 */
static int
file_id(dg_stats *s, dg_str file, uint64_t *id, int *back)
{
	const char *p, *end, *nl;
	size_t n;
	uint64_t *slot;
	int created;

	*back = 0;
	if (s->rising) {
		if (s->nfiles == 0 || keycmp(last_name(s), file) < 0) {
			n = s->names.len;
			if (dg_buf_add(&s->names, file.p, file.n) != DG_OK ||
			    dg_buf_addc(&s->names, '\n') != DG_OK) {
				s->names.len = n;
				return DG_ENOMEM;
			}
			s->lastname = n;
			*id = ++s->nfiles;
			return DG_OK;
		}
		p = s->names.p;
		end = p + s->names.len;
		for (n = 1; p < end; p = nl + 1, n++) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if ((slot = dg_hash_put(s->files, p, (size_t)(nl - p),
			    NULL)) == NULL)
				return DG_ENOMEM;
			*slot = n;
		}
		dg_buf_free(&s->names);
		s->rising = 0;
	}
	if ((slot = dg_hash_put(s->files, file.n > 0 ? file.p : "", file.n,
	    &created)) == NULL)
		return DG_ENOMEM;
	if (created)
		*slot = ++s->nfiles;
	*back = !created;
	*id = *slot;
	return DG_OK;
}

/*
 * Sets s->file and s->sec to the ids of this record's file and section,
 * and, while in order, notes whether the file or the section comes back:
 * then counting goes exact.  In dg-parse order most records have the
 * file and section of the one before: two comparisons, no lookup.
 */
static int
ids_of(dg_stats *s, dg_str file, dg_str section)
{
	uint64_t id, bit;
	int back;

	if (s->file == 0 || !same(s->lastfile.p, s->lastfile.len, file)) {
		s->file = s->sec = 0;
		s->lastfile.len = 0;
		if (file_id(s, file, &id, &back) != DG_OK ||
		    dg_buf_add(&s->lastfile, file.p, file.n) != DG_OK)
			return DG_ENOMEM;
		if (back && !s->exact && go_exact(s) != DG_OK)
			return DG_ENOMEM;
		s->file = id;
		s->secbits = 0;
	}
	if (s->sec != 0 && same(s->lastsec.p, s->lastsec.len, section))
		return DG_OK;
	s->sec = 0;
	s->lastsec.len = 0;
	if (sec_id(s, section, &id) != DG_OK ||
	    dg_buf_add(&s->lastsec, section.p, section.n) != DG_OK)
		return DG_ENOMEM;
	if (!s->exact) {
		if (id <= 64) {
			bit = UINT64_C(1) << (id - 1);
			back = (s->secbits & bit) != 0;
			s->secbits |= bit;
		} else {
			if (room(&s->seen) != DG_OK)
				return DG_ENOMEM;
			back = !mark(&s->seen, 0, s->file, id);
		}
		if (back && go_exact(s) != DG_OK)
			return DG_ENOMEM;
	}
	s->sec = id;
	return DG_OK;
}

/* The first of the key fields f that is not the last record's; ncols
 * when all are. */
static size_t
moved(const dg_stats *s, const dg_str *f)
{
	size_t i;

	for (i = 0; i < s->ncols; i++)
		if (!same(s->col[i].last.p, s->col[i].last.len, f[i]))
			break;
	return i;
}

int
dg_stats_add(dg_stats *s, const dg_str *field, dg_str title, dg_str url,
    dg_str file, dg_str section)
{
	struct count *c;
	struct word *q;
	uint64_t n[3], w;
	size_t i;
	int st, newfile = 0, newsec = 0;

	if ((st = ids_of(s, file, section)) != DG_OK)
		return st;
	/* Most records have the key fields of the one before. */
	i = s->cached != NULL ? moved(s, field) : 0;
	if (i == s->ncols)
		c = s->cached;
	else if ((st = row_of(s, field, i, &c)) != DG_OK)
		return st;
	if (c->id == 0)
		c->id = ++s->nrows;
	/* The row's last section is this one (the common case); or, in
	 * order, the section is new to the row, and so is the file unless
	 * it is the row's last; or the set says. */
	if (c->file != s->file || c->sec != s->sec) {
		if (!s->exact) {
			if (dg_buf_reserve(&s->log, LOGMAX) != DG_OK)
				return DG_ENOMEM;
			newsec = 1;
			newfile = c->file != s->file;
		} else {
			if (room(&s->seen) != DG_OK)
				return DG_ENOMEM;
			w = (s->sec - 1) / 64;
			q = slot_of(&s->seen, c->id, s->file, w);
			newsec = q->file == 0 ||
			    (q->bits & UINT64_C(1) << ((s->sec - 1) % 64)) == 0;
			if (newsec && c->file != s->file && w != 0)
				q = slot_of(&s->seen, c->id, s->file, 0);
			newfile = newsec && c->file != s->file &&
			    q->file == 0;
		}
	}
	memcpy(n, c->n, sizeof(n));
	if ((title.n > 0 || url.n > 0) && dg_num_add(&n[0], 1) != DG_OK)
		return DG_EOVERFLOW;
	if (newsec && dg_num_add(&n[1], 1) != DG_OK)
		return DG_EOVERFLOW;
	if (newfile && dg_num_add(&n[2], 1) != DG_OK)
		return DG_EOVERFLOW;
	if (newsec && !s->exact)
		log_put(s, c->id, s->file, s->sec);
	else if (newsec)
		(void)mark(&s->seen, c->id, s->file, s->sec);
	c->file = s->file;
	c->sec = s->sec;
	memcpy(c->n, n, sizeof(n));
	return DG_OK;
}

int
dg_stats_merge(dg_stats *s, const dg_str *key, const uint64_t count[3])
{
	struct count *c;
	uint64_t n[3];
	int st, i;

	if ((st = merge_row(s, key, &c)) != DG_OK)
		return st;
	memcpy(n, c->n, sizeof(n));
	for (i = 0; i < 3; i++)
		if (dg_num_add(&n[i], count[i]) != DG_OK)
			return DG_EOVERFLOW;
	memcpy(c->n, n, sizeof(n));
	return DG_OK;
}

/*
 * What rows are sorted on: three numbers, compared in turn -- the count
 * inverted (most first; 0 when sorting by key alone), then the first 16
 * bytes of the first key column as two big-endian numbers, zero-padded
 * -- so that most comparisons are of numbers.  Prefixes that differ
 * order their columns as memcmp would (padding sorts a column before its
 * extensions); the key columns themselves, in turn, settle ties.
 */
struct sortrec {
	uint64_t k[3];
	const dg_stats_row *row;
};

static uint64_t
prefix(dg_str k, size_t off)
{
	const unsigned char *p = (const unsigned char *)k.p;
	uint64_t v = 0;
	size_t i;

	for (i = off; i < off + 8; i++)
		v = v << 8 | (i < k.n ? p[i] : 0);
	return v;
}

/* qsort moves pointers to the records: 8 bytes move faster than 32. */
static int
bysortrec(const void *a, const void *b)
{
	const struct sortrec *x = *(const struct sortrec *const *)a;
	const struct sortrec *y = *(const struct sortrec *const *)b;
	size_t i;
	int c;

	for (i = 0; i < 3; i++)
		if (x->k[i] != y->k[i])
			return x->k[i] < y->k[i] ? -1 : 1;
	for (i = 0; i < x->row->nkeys; i++)
		if ((c = keycmp(x->row->key[i], y->row->key[i])) != 0)
			return c;
	return 0;
}

/* Sorts the n rows of r; DG_OK or DG_ENOMEM (r is left as it was). */
static int
sort_rows(dg_stats_row *r, size_t n, int sortkey)
{
	struct sortrec *t, **pt;
	dg_stats_row *out;
	size_t i;

	t = calloc(n, sizeof(*t));
	pt = calloc(n, sizeof(*pt));
	out = calloc(n, sizeof(*out));
	if (t == NULL || pt == NULL || out == NULL) {
		free(t);
		free(pt);
		free(out);
		return DG_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		t[i].k[0] = sortkey ? 0 : ~r[i].sources;
		t[i].k[1] = prefix(r[i].key[0], 0);
		t[i].k[2] = prefix(r[i].key[0], 8);
		t[i].row = &r[i];
		pt[i] = &t[i];
	}
	qsort(pt, n, sizeof(*pt), bysortrec);
	for (i = 0; i < n; i++)
		out[i] = *pt[i]->row;
	memcpy(r, out, n * sizeof(*r));
	free(t);
	free(pt);
	free(out);
	return DG_OK;
}

/* A column's values in the order made, so that value id i is entry
 * i - 1 (dg_hash_entries lists entries in the order inserted). */
static dg_hash_entry *
values(const struct col *c)
{
	size_t n;

	return dg_hash_entries(c->vals, &n);
}

/* The value of entry e as shown: its spelling when its column folds. */
static dg_str
shown(const dg_hash_entry *e)
{
	const struct val *v = e->val;
	dg_str k = e->key;

	if (v->spell != NULL)
		k.p = v->spell;
	return k;
}

/* Sets r[0 .. n) to the rows, r[i].key pointing to keys + i * s->ncols. */
static int
list_rows(dg_stats *s, dg_stats_row *r, dg_str *keys, size_t n)
{
	dg_hash_entry **vals, *e;
	const struct count *c;
	uint64_t id;
	size_t i, j;
	int st = DG_OK;

	if ((vals = calloc(s->ncols, sizeof(*vals))) == NULL)
		return DG_ENOMEM;
	for (j = 0; j < s->ncols; j++)
		if ((vals[j] = values(&s->col[j])) == NULL)
			st = DG_ENOMEM;
	e = st == DG_OK && s->ncols > 1 ? dg_hash_entries(s->rows, &i) :
	    NULL;
	if (s->ncols > 1 && e == NULL)
		st = DG_ENOMEM;
	for (i = 0; i < n && st == DG_OK; i++) {
		r[i].key = keys + i * s->ncols;
		r[i].nkeys = s->ncols;
		if (s->ncols == 1) {
			keys[i] = shown(&vals[0][i]);
			c = &((const struct val *)vals[0][i].val)->row;
		} else {
			for (j = 0; j < s->ncols; j++) {
				memcpy(&id, e[i].key.p + j * sizeof(id),
				    sizeof(id));
				keys[i * s->ncols + j] = shown(&vals[j][id - 1]);
			}
			c = e[i].val;
		}
		r[i].sources = c->n[0];
		r[i].sections = c->n[1];
		r[i].digests = c->n[2];
	}
	for (j = 0; j < s->ncols; j++)
		free(vals[j]);
	free(vals);
	free(e);
	return st;
}

int
dg_stats_rows(dg_stats *s, int sortkey, dg_stats_row **rows, size_t *n)
{
	dg_stats_row *r;
	size_t k;

	*rows = NULL;
	*n = 0;
	k = dg_hash_count(s->ncols == 1 ? s->col[0].vals : s->rows);
	if (k == 0)
		return DG_OK;
	/* The rows, then their key columns, in one block. */
	if (k > (SIZE_MAX / sizeof(dg_str) - sizeof(*r)) / s->ncols ||
	    (r = malloc(k * sizeof(*r) + k * s->ncols * sizeof(dg_str))) ==
	    NULL)
		return DG_ENOMEM;
	if (list_rows(s, r, (dg_str *)(r + k), k) != DG_OK ||
	    sort_rows(r, k, sortkey) != DG_OK) {
		free(r);
		return DG_ENOMEM;
	}
	*rows = r;
	*n = k;
	return DG_OK;
}

/* Appends TAB and v in decimal. */
static int
addnum(dg_buf *b, uint64_t v)
{
	if (dg_buf_addc(b, '\t') != DG_OK)
		return DG_ENOMEM;
	return dg_num_put(b, v);
}

int
dg_stats_format(dg_buf *b, const dg_stats_row *r)
{
	size_t i;

	for (i = 0; i < r->nkeys; i++)
		if ((i > 0 && dg_buf_addc(b, '\t') != DG_OK) ||
		    dg_tsv_escape(b, r->key[i].p, r->key[i].n) != DG_OK)
			return DG_ENOMEM;
	if (addnum(b, r->sources) != DG_OK ||
	    addnum(b, r->sections) != DG_OK ||
	    addnum(b, r->digests) != DG_OK)
		return DG_ENOMEM;
	return dg_buf_addc(b, '\n');
}

void
dg_stats_free(dg_stats *s)
{
	size_t i;

	if (s == NULL)
		return;
	/* The counts and all they point to live in the tables. */
	for (i = 0; s->col != NULL && i < s->ncols; i++) {
		dg_hash_free(s->col[i].vals);
		dg_hash_free(s->col[i].byfield);
		dg_buf_free(&s->col[i].raw);
		dg_buf_free(&s->col[i].last);
	}
	free(s->col);
	free(s->ids);
	dg_hash_free(s->rows);
	dg_buf_free(&s->key);
	dg_buf_free(&s->fold);
	dg_buf_free(&s->names);
	dg_hash_free(s->files);
	dg_hash_free(s->secs);
	dg_buf_free(&s->log);
	free(s->seen.slot);
	dg_buf_free(&s->lastfile);
	dg_buf_free(&s->lastsec);
	free(s);
}

int
dg_stats_parse_row(const char *line, size_t n, size_t nkeys, dg_str *key,
    uint64_t count[3], size_t *nf, int *bad)
{
	const dg_str *last = &key[nkeys - 1];
	const char *p;
	dg_str c[3];
	size_t i;
	int st;

	/* The key columns, the counts; fields after them are left. */
	if ((*nf = dg_tsv_split(line, n, key, nkeys)) < nkeys + 3)
		return DG_EFIELDS;
	p = last->p + last->n + 1;
	(void)dg_tsv_split(p, (size_t)(line + n - p), c, 3);
	for (i = 0; i < 3; i++) {
		if ((st = dg_num_u64(c[i].p, c[i].n, &count[i])) != DG_OK) {
			*bad = (int)i + 1;
			return st;
		}
	}
	return DG_OK;
}

int
dg_stats_header(const char *line, size_t n, int *keys, size_t max,
    size_t *nkeys)
{
	const char *p, *end, *tab;
	dg_str names;
	size_t i;
	int key;

	if (!dg_table_header(line, n, &names))
		return -1;
	*nkeys = 0;
	p = names.p;
	end = p + names.n;
	for (;;) {
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
			tab = end;
		if ((key = dg_stats_key_lookup(p, (size_t)(tab - p))) < 0 ||
		    *nkeys == max)
			return 0;
		for (i = 0; i < *nkeys; i++)
			if (keys[i] == key)
				return 0;
		keys[(*nkeys)++] = key;
		if (tab == end)
			return 1;
		p = tab + 1;
	}
}
