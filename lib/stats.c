/* stats.c - counting dg TSV records per key (dg-stats). */
#include <stdlib.h>
#include <string.h>

#include "dg/field.h"
#include "dg/stats.h"

const char *const dg_stats_by_names[DG_BY_N] = {
	"category", "kind", "date", "month", "year", "file", "domain"
};

/* The counts of one key: the value of its hash table entry. */
struct count {
	uint64_t n[3];		/* sources, sections, digests */
	char *spell;		/* category, kind: the spelling shown */
	size_t spelln;
	char *last;		/* the last file, then its section (escaped) */
	size_t filen;		/* bytes of file in last */
	size_t secn;		/* bytes of section in last */
	size_t lastcap;
	int seen;		/* last is set */
};

struct dg_stats {
	enum dg_stats_by by;
	dg_hash *h;		/* key -> struct count * */
	dg_hash *byfield;	/* key field as read -> struct count *, a
				   shortcut past key derivation (not for
				   domain: URLs are many) */
	dg_buf raw;		/* the key field unescaped */
	dg_buf key;		/* the derived key */
	dg_buf fold;		/* its grouping form */
	dg_buf cachefield;	/* the key field of the last record */
	struct count *cached;	/* its counts */
	dg_buf prevfile;	/* file of the last record */
	uint64_t prevsec;	/* its section, when a number */
	int prevsecok;
	int disorder;		/* sections went backwards in a file */
	int cachest;		/* why counts_of failed */
};

int
dg_stats_by_lookup(const char *name, size_t n)
{
	int i;

	for (i = 0; i < DG_BY_N; i++)
		if (strlen(dg_stats_by_names[i]) == n &&
		    memcmp(dg_stats_by_names[i], name, n) == 0)
			return i;
	return -1;
}

enum dg_field
dg_stats_by_field(enum dg_stats_by by)
{
	switch (by) {
	case DG_BY_KIND:
		return DG_F_KIND;
	case DG_BY_DATE:
	case DG_BY_MONTH:
	case DG_BY_YEAR:
		return DG_F_DATE;
	case DG_BY_FILE:
		return DG_F_FILE;
	case DG_BY_DOMAIN:
		return DG_F_URL;
	default:
		return DG_F_CATEGORY;
	}
}

static int
folds(enum dg_stats_by by)
{
	return by == DG_BY_CATEGORY || by == DG_BY_KIND;
}

static const unsigned char blank[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\v'] = 1, ['\f'] = 1
};

static int
blanks(dg_buf *b, const char *s, size_t n, int lower)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run;
	char *d;

	if (n == 0)
		return DG_OK;
	if (dg_buf_reserve(b, n) != DG_OK)
		return DG_ENOMEM;
	d = b->p + b->len;
	while (i < n) {
		while (i < n && blank[p[i]])
			i++;
		if (i == n)
			break;
		if (d != b->p + b->len)
			*d++ = ' ';
		for (run = i; run < n && !blank[p[run]]; run++)
			continue;
		memcpy(d, s + i, run - i);
		if (lower)
			for (; i < run; i++, d++)
				if (*d >= 'A' && *d <= 'Z')
					*d += 'a' - 'A';
		d += run - i;
		i = run;
	}
	b->len = (size_t)(d - b->p);
	return DG_OK;
}

int
dg_stats_blanks(dg_buf *b, const char *s, size_t n)
{
	return blanks(b, s, n, 0);
}

int
dg_stats_fold(dg_buf *b, const char *s, size_t n)
{
	return blanks(b, s, n, 1);
}

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
		if (b->p[i] >= 'A' && b->p[i] <= 'Z')
			b->p[i] += 'a' - 'A';
	if (b->len - start > 4 && memcmp(b->p + start, "www.", 4) == 0) {
		memmove(b->p + start, b->p + start + 4, b->len - start - 4);
		b->len -= 4;
	}
	return DG_OK;
}

static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

int
dg_stats_key(dg_buf *b, enum dg_stats_by by, const char *s, size_t n)
{
	switch (by) {
	case DG_BY_CATEGORY:
	case DG_BY_KIND:
		return dg_stats_blanks(b, s, n);
	case DG_BY_MONTH:
		if (n >= 7 && digit(s[0]) && digit(s[1]) && digit(s[2]) &&
		    digit(s[3]) && s[4] == '-' && digit(s[5]) && digit(s[6]))
			return dg_buf_add(b, s, 7);
		return DG_OK;
	case DG_BY_YEAR:
		if (n >= 4 && digit(s[0]) && digit(s[1]) && digit(s[2]) &&
		    digit(s[3]))
			return dg_buf_add(b, s, 4);
		return DG_OK;
	case DG_BY_DOMAIN:
		return dg_stats_domain(b, s, n);
	default:
		return dg_buf_add(b, s, n);
	}
}

dg_stats *
dg_stats_new(enum dg_stats_by by)
{
	dg_stats *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->by = by;
	if ((s->h = dg_hash_new(sizeof(struct count *))) == NULL ||
	    (s->byfield = dg_hash_new(sizeof(struct count *))) == NULL) {
		dg_hash_free(s->h);
		free(s);
		return NULL;
	}
	return s;
}

/* The counts of the key derived from raw (a key already when merging),
 * created when new. */
static struct count *
lookup(dg_stats *s, dg_str raw, int derive)
{
	struct count *c, **slot;
	dg_buf *k = &s->key;
	char *p;

	s->key.len = 0;
	if (derive) {
		if (dg_stats_key(&s->key, s->by, raw.p, raw.n) != DG_OK)
			return NULL;
	} else if (folds(s->by)) {
		if (dg_stats_blanks(&s->key, raw.p, raw.n) != DG_OK)
			return NULL;
	} else if (dg_buf_add(&s->key, raw.p, raw.n) != DG_OK)
		return NULL;
	if (folds(s->by)) {
		s->fold.len = 0;
		if (dg_stats_fold(&s->fold, s->key.p, s->key.len) != DG_OK)
			return NULL;
		k = &s->fold;
	}
	if ((slot = dg_hash_put(s->h, k->p ? k->p : "", k->len, NULL)) ==
	    NULL)
		return NULL;
	/* Counts live apart from the table, so pointers to them last. */
	if (*slot == NULL && (*slot = calloc(1, sizeof(**slot))) == NULL)
		return NULL;
	c = *slot;
	/* Spellings of one folded key have one length: keep the first in
	 * byte order. */
	if (folds(s->by) && (c->spell == NULL || (s->key.len > 0 &&
	    memcmp(s->key.p, c->spell, s->key.len) < 0))) {
		if (c->spell == NULL) {
			if ((p = malloc(s->key.len + 1)) == NULL)
				return NULL;
			c->spell = p;
			c->spelln = s->key.len;
		}
		if (s->key.len > 0)
			memcpy(c->spell, s->key.p, s->key.len);
	}
	return c;
}

/* The counts of the key in field (escaped), created when new; NULL with
 * s->cachest set on a bad escape or out of memory. */
static struct count *
counts_of(dg_stats *s, dg_str field)
{
	struct count *c, **slot = NULL;
	dg_str raw;
	int st;

	s->cachest = DG_ENOMEM;
	if (s->by != DG_BY_DOMAIN) {
		if ((slot = dg_hash_put(s->byfield, field.p ? field.p : "",
		    field.n, NULL)) == NULL)
			return NULL;
		if (*slot != NULL)
			return *slot;
	}
	if ((st = dg_field_raw(field, &s->raw, &raw)) != DG_OK) {
		s->cachest = st;
		return NULL;
	}
	if ((c = lookup(s, raw, 1)) == NULL)
		return NULL;
	if (slot != NULL)
		*slot = c;
	return c;
}

static int
same(const char *a, size_t an, dg_str b)
{
	return an == b.n && (an == 0 || memcmp(a, b.p, an) == 0);
}

/* Notes whether this record's section is below the last one's in the
 * same file. */
static int
check_order(dg_stats *s, dg_str file, dg_str section)
{
	uint64_t sec;
	int ok = dg_num_u64(section.p, section.n, &sec) == DG_OK;

	if (same(s->prevfile.p, s->prevfile.len, file)) {
		if (ok && s->prevsecok && sec < s->prevsec)
			s->disorder = 1;
	} else {
		s->prevfile.len = 0;
		if (dg_buf_add(&s->prevfile, file.p, file.n) != DG_OK)
			return DG_ENOMEM;
	}
	s->prevsec = sec;
	s->prevsecok = ok;
	return DG_OK;
}

static int
remember(struct count *c, dg_str file, dg_str section)
{
	size_t need = file.n + section.n + 1;
	char *p;

	if (need > c->lastcap) {
		if ((p = realloc(c->last, need)) == NULL)
			return DG_ENOMEM;
		c->last = p;
		c->lastcap = need;
	}
	if (file.n > 0)
		memcpy(c->last, file.p, file.n);
	if (section.n > 0)
		memcpy(c->last + file.n, section.p, section.n);
	c->filen = file.n;
	c->secn = section.n;
	c->seen = 1;
	return DG_OK;
}

/* Is section below the key's last section of the same file?  Then the
 * file's records are not together and would be counted twice. */
static int
backwards(const struct count *c, dg_str section)
{
	uint64_t a, b;

	return dg_num_u64(c->last + c->filen, c->secn, &a) == DG_OK &&
	    dg_num_u64(section.p, section.n, &b) == DG_OK && b < a;
}

int
dg_stats_add(dg_stats *s, dg_str field, dg_str title, dg_str url,
    dg_str file, dg_str section)
{
	struct count *c;
	uint64_t n[3];
	int st, newfile, newsec;

	if ((st = check_order(s, file, section)) != DG_OK)
		return st;
	if (s->cached != NULL &&
	    same(s->cachefield.p, s->cachefield.len, field))
		c = s->cached;
	else if ((c = counts_of(s, field)) == NULL)
		return s->cachest;
	else {
		s->cached = c;
		s->cachefield.len = 0;
		if (dg_buf_add(&s->cachefield, field.p, field.n) != DG_OK) {
			s->cached = NULL;
			return DG_ENOMEM;
		}
	}
	newfile = !c->seen || !same(c->last, c->filen, file);
	newsec = newfile || !same(c->last + c->filen, c->secn, section);
	if (newsec && !newfile && backwards(c, section))
		s->disorder = 1;
	memcpy(n, c->n, sizeof(n));
	if ((title.n > 0 || url.n > 0) && dg_num_add(&n[0], 1) != DG_OK)
		return DG_EOVERFLOW;
	if (newsec && dg_num_add(&n[1], 1) != DG_OK)
		return DG_EOVERFLOW;
	if (newfile && dg_num_add(&n[2], 1) != DG_OK)
		return DG_EOVERFLOW;
	if (newsec && (st = remember(c, file, section)) != DG_OK)
		return st;
	memcpy(c->n, n, sizeof(n));
	return DG_OK;
}

int
dg_stats_merge(dg_stats *s, dg_str key, const uint64_t count[3])
{
	struct count *c;
	uint64_t n[3];
	dg_str raw;
	int st, i;

	s->cached = NULL;
	if ((st = dg_field_raw(key, &s->raw, &raw)) != DG_OK)
		return st;
	if ((c = lookup(s, raw, 0)) == NULL)
		return DG_ENOMEM;
	memcpy(n, c->n, sizeof(n));
	for (i = 0; i < 3; i++)
		if (dg_num_add(&n[i], count[i]) != DG_OK)
			return DG_EOVERFLOW;
	memcpy(c->n, n, sizeof(n));
	return DG_OK;
}

int
dg_stats_disorder(dg_stats *s)
{
	int d = s->disorder;

	s->disorder = 0;
	return d;
}

static int
keycmp(dg_str a, dg_str b)
{
	size_t n = a.n < b.n ? a.n : b.n;
	int c = n > 0 ? memcmp(a.p, b.p, n) : 0;

	if (c != 0)
		return c;
	return (a.n > b.n) - (a.n < b.n);
}

static int
bykey(const void *a, const void *b)
{
	return keycmp(((const dg_stats_row *)a)->key,
	    ((const dg_stats_row *)b)->key);
}

static int
bycount(const void *a, const void *b)
{
	const dg_stats_row *x = a, *y = b;

	if (x->sources != y->sources)
		return x->sources > y->sources ? -1 : 1;
	return keycmp(x->key, y->key);
}

int
dg_stats_rows(dg_stats *s, int sortkey, dg_stats_row **rows, size_t *n)
{
	dg_hash_entry *e;
	dg_stats_row *r;
	struct count *c;
	size_t i, j, k;

	*rows = NULL;
	*n = 0;
	if (dg_hash_count(s->h) == 0)
		return DG_OK;
	if ((e = dg_hash_entries(s->h, &k)) == NULL)
		return DG_ENOMEM;
	if ((r = calloc(k, sizeof(*r))) == NULL) {
		free(e);
		return DG_ENOMEM;
	}
	for (i = j = 0; i < k; i++) {
		/* Left empty when memory ran out. */
		if ((c = *(struct count **)e[i].val) == NULL)
			continue;
		if (c->spell != NULL) {
			r[j].key.p = c->spell;
			r[j].key.n = c->spelln;
		} else
			r[j].key = e[i].key;
		r[j].sources = c->n[0];
		r[j].sections = c->n[1];
		r[j].digests = c->n[2];
		j++;
	}
	free(e);
	qsort(r, j, sizeof(*r), sortkey ? bykey : bycount);
	*rows = r;
	*n = j;
	return DG_OK;
}

/* Appends TAB and v in decimal. */
static int
addnum(dg_buf *b, uint64_t v)
{
	char s[24];
	size_t i = sizeof(s);

	do
		s[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	s[--i] = '\t';
	return dg_buf_add(b, s + i, sizeof(s) - i);
}

int
dg_stats_format(dg_buf *b, const dg_stats_row *r)
{
	if (dg_tsv_escape(b, r->key.p, r->key.n) != DG_OK ||
	    addnum(b, r->sources) != DG_OK ||
	    addnum(b, r->sections) != DG_OK ||
	    addnum(b, r->digests) != DG_OK)
		return DG_ENOMEM;
	return dg_buf_addc(b, '\n');
}

void
dg_stats_free(dg_stats *s)
{
	dg_hash_entry *e;
	struct count *c;
	size_t i, n;

	if (s == NULL)
		return;
	if ((e = dg_hash_entries(s->h, &n)) != NULL) {
		for (i = 0; i < n; i++) {
			if ((c = *(struct count **)e[i].val) == NULL)
				continue;
			free(c->spell);
			free(c->last);
			free(c);
		}
		free(e);
	}
	dg_hash_free(s->h);
	dg_hash_free(s->byfield);
	dg_buf_free(&s->raw);
	dg_buf_free(&s->key);
	dg_buf_free(&s->fold);
	dg_buf_free(&s->cachefield);
	dg_buf_free(&s->prevfile);
	free(s);
}

int
dg_stats_parse_row(const char *line, size_t n, dg_str *key,
    uint64_t count[3], size_t *nf, int *bad)
{
	dg_str f[4];
	int i, st;

	*nf = dg_tsv_split(line, n, f, 4);
	if (*nf < 4)
		return DG_EFIELDS;
	*key = f[0];
	for (i = 0; i < 3; i++) {
		if ((st = dg_num_u64(f[i + 1].p, f[i + 1].n, &count[i])) !=
		    DG_OK) {
			*bad = i + 1;
			return st;
		}
	}
	return DG_OK;
}

int
dg_stats_header(const char *line, size_t n)
{
	static const char tail[] = "\tsources\tsections\tdigests";
	size_t tn = sizeof(tail) - 1;
	int by;

	if (n < tn || memcmp(line + n - tn, tail, tn) != 0 ||
	    memchr(line, '\t', n - tn) != NULL)
		return -1;
	by = dg_stats_by_lookup(line, n - tn);
	return by < 0 ? DG_BY_N : by;
}
