/*
 * fuzz_stats.c - counting per key (dg_stats_add, dg_stats_rows,
 * dg_stats_format) and merging (dg_stats_parse_row, dg_stats_merge) on
 * arbitrary dg TSV, for every -b of one key and a pair of keys starting
 * with each.  Properties: rows come out sorted and distinct, counts are
 * sane (digests <= sections, sources <= records); each output row reads
 * back as itself; merging the output gives the same rows (shards add up
 * exactly), merging it twice doubles every count; the records counted
 * backwards, or shuffled, give the same rows (counting is exact whatever
 * the order); summed over the second key, a pair's sources are the
 * first key's, and a folded value has one spelling in all rows; key
 * derivation gives the forms stats.h states.
 */
#include <string.h>

#include "fuzz.h"
#include "../cmd/dg-stats/stats.h"
#include "tsvin_int.h"

/* Key columns in a table here, at most. */
#define STATS_MAXKEYS 2

static int
stats_cmp(const dg_str *a, const dg_str *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	int c = n > 0 ? memcmp(a->p, b->p, n) : 0;

	return c != 0 ? c : (a->n > b->n) - (a->n < b->n);
}

/* The key columns of two rows compared in turn. */
static int
stats_rowcmp(const dg_stats_row *a, const dg_stats_row *b)
{
	size_t i;
	int c;

	for (i = 0; i < a->nkeys; i++)
		if ((c = stats_cmp(&a->key[i], &b->key[i])) != 0)
			return c;
	return 0;
}

static void
stats_keys(int by, const char *s, size_t n)
{
	const char *name = dg_stats_key_names()[by];
	dg_buf b = { NULL, 0, 0 };
	size_t i;

	FUZZ_OK(dg_stats_key(&b, by, s, n));
	if (dg_stats_key_folds(by)) {
		for (i = 0; i < b.len; i++)
			FUZZ_CHECK(strchr("\t\n\r\v\f", b.p[i]) == NULL ||
			    b.p[i] == '\0');
		for (i = 0; i < b.len; i++)
			FUZZ_CHECK(b.p[i] != ' ' || (i > 0 && i + 1 < b.len &&
			    b.p[i - 1] != ' '));
	} else if (strcmp(name, "month") == 0)
		FUZZ_CHECK(b.len == 0 || (b.len == 7 && b.p[4] == '-' &&
		    memcmp(b.p, s, 7) == 0));
	else if (strcmp(name, "year") == 0)
		FUZZ_CHECK(b.len == 0 || (b.len == 4 && memcmp(b.p, s, 4) == 0));
	else if (strcmp(name, "domain") == 0) {
		for (i = 0; i < b.len; i++)
			FUZZ_CHECK((b.p[i] < 'A' || b.p[i] > 'Z') &&
			    b.p[i] != '/' && b.p[i] != '?' && b.p[i] != '#');
		/* A slice of the URL, less one "www.". */
		FUZZ_CHECK(b.len <= n);
	} else
		FUZZ_CHECK(b.len == n && (n == 0 || memcmp(b.p, s, n) == 0));
	dg_buf_free(&b);
}

/* The rows of s in key order, formatted, into out. */
static void
stats_dump(dg_stats *s, dg_buf *out, size_t records, int checks)
{
	dg_stats_row *r;
	dg_str key[STATS_MAXKEYS];
	uint64_t count[3];
	size_t n, i, j, nf;
	int bad, bykey;

	for (bykey = 1; bykey >= 0; bykey--) {
		FUZZ_OK(dg_stats_rows(s, bykey, &r, &n));
		for (i = 0; i < n; i++) {
			if (i > 0 && bykey)
				FUZZ_CHECK(stats_rowcmp(&r[i - 1], &r[i]) < 0);
			if (i > 0 && !bykey)
				FUZZ_CHECK(r[i - 1].sources > r[i].sources ||
				    (r[i - 1].sources == r[i].sources &&
				    stats_rowcmp(&r[i - 1], &r[i]) < 0));
			if (checks)
				FUZZ_CHECK(r[i].sources <= records &&
				    r[i].sections <= records &&
				    r[i].digests <= r[i].sections &&
				    r[i].digests >= 1);
			if (!bykey)
				continue;
			n = out->len;
			FUZZ_OK(dg_stats_format(out, &r[i]));
			FUZZ_CHECK(out->p[out->len - 1] == '\n');
			FUZZ_OK(dg_stats_parse_row(out->p + n, out->len - n - 1,
			    r[i].nkeys, key, count, &nf, &bad));
			FUZZ_CHECK(count[0] == r[i].sources &&
			    count[1] == r[i].sections &&
			    count[2] == r[i].digests);
			for (j = 0; j < r[i].nkeys; j++)
				FUZZ_CHECK(key[j].n >= r[i].key[j].n);
		}
		free(r);
	}
}

/* Merges each formatted row in rows into s, times times. */
static void
stats_merge(dg_stats *s, size_t nkeys, const dg_buf *rows, int times)
{
	const char *p, *nl, *end;
	dg_str key[STATS_MAXKEYS];
	uint64_t count[3];
	size_t nf;
	int bad;

	if (rows->len == 0)
		return;
	end = rows->p + rows->len;
	while (times-- > 0)
		for (p = rows->p; p < end; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(end - p));
			FUZZ_OK(dg_stats_parse_row(p, (size_t)(nl - p), nkeys,
			    key, count, &nf, &bad));
			FUZZ_OK(dg_stats_merge(s, key, count));
		}
}

/* Each row of two is the same row of one with its counts doubled. */
static void
stats_doubled(size_t nkeys, const dg_buf *one, const dg_buf *two)
{
	const char *p = one->p, *q = two->p, *pn, *qn;
	dg_str k1[STATS_MAXKEYS], k2[STATS_MAXKEYS];
	uint64_t c1[3], c2[3];
	size_t nf, i;
	int bad;

	if (one->len == 0) {
		FUZZ_CHECK(two->len == 0);
		return;
	}
	while (p < one->p + one->len) {
		FUZZ_CHECK(q < two->p + two->len);
		pn = memchr(p, '\n', one->len - (size_t)(p - one->p));
		qn = memchr(q, '\n', two->len - (size_t)(q - two->p));
		FUZZ_OK(dg_stats_parse_row(p, (size_t)(pn - p), nkeys, k1, c1,
		    &nf, &bad));
		FUZZ_OK(dg_stats_parse_row(q, (size_t)(qn - q), nkeys, k2, c2,
		    &nf, &bad));
		for (i = 0; i < nkeys; i++)
			FUZZ_CHECK(stats_cmp(&k1[i], &k2[i]) == 0);
		for (i = 0; i < 3; i++)
			FUZZ_CHECK(c2[i] == 2 * c1[i]);
		p = pn + 1;
		q = qn + 1;
	}
	FUZZ_CHECK(q == two->p + two->len);
}

/* The fields kept of a record: date to section, in dg TSV order. */
#define STATS_NF (DG_F_SECTION + 1)

/* The records of a stream, copied: record i has field j at bytes
 * off[i * STATS_NF + j] to off[i * STATS_NF + j + 1] of b. */
struct stats_recs {
	dg_buf b;
	size_t *off;
	size_t n, cap;
};

static void
stats_keep(struct stats_recs *r, const dg_str *f)
{
	size_t *p, cap, i;

	if (r->n + 1 >= r->cap) {
		cap = r->cap == 0 ? 64 : r->cap * 2;
		FUZZ_CHECK((p = realloc(r->off, (cap * STATS_NF + 1) *
		    sizeof(*p))) != NULL);
		r->off = p;
		r->cap = cap;
	}
	if (r->n == 0)
		r->off[0] = 0;
	for (i = 0; i < STATS_NF; i++) {
		FUZZ_OK(dg_buf_add(&r->b, f[i].n > 0 ? f[i].p : "", f[i].n));
		r->off[r->n * STATS_NF + i + 1] = r->b.len;
	}
	r->n++;
}

static dg_str
stats_field(const struct stats_recs *r, size_t i, size_t j)
{
	dg_str f;

	f.p = r->b.p != NULL ? r->b.p + r->off[i * STATS_NF + j] : "";
	f.n = r->off[i * STATS_NF + j + 1] - r->off[i * STATS_NF + j];
	return f;
}

/* A table of the n keys, each record of r added in the order of idx
 * (NULL: in order); *records gets how many counted. */
static dg_stats *
stats_count(const int *keys, size_t n, const struct stats_recs *r,
    const size_t *idx, size_t *records)
{
	dg_stats *s;
	dg_str f[STATS_MAXKEYS];
	size_t i, j, k;
	int st;

	FUZZ_CHECK((s = dg_stats_new(keys, n)) != NULL);
	*records = 0;
	for (k = 0; k < r->n; k++) {
		i = idx != NULL ? idx[k] : k;
		for (j = 0; j < n; j++)
			f[j] = stats_field(r, i, dg_stats_key_field(keys[j]));
		st = dg_stats_add(s, f, stats_field(r, i, DG_F_TITLE),
		    stats_field(r, i, DG_F_URL), stats_field(r, i, DG_F_FILE),
		    stats_field(r, i, DG_F_SECTION));
		FUZZ_CHECK(st == DG_OK || st == DG_EESCAPE);
		*records += st == DG_OK;
	}
	return s;
}

/* The records of r counted in the order of idx dump as one does. */
static void
stats_reordered(const int *keys, size_t n, const struct stats_recs *r,
    const size_t *idx, const dg_buf *one)
{
	dg_stats *s;
	dg_buf out = { NULL, 0, 0 };
	size_t records;

	s = stats_count(keys, n, r, idx, &records);
	stats_dump(s, &out, r->n, 0);
	FUZZ_CHECK(out.len == one->len &&
	    (out.len == 0 || memcmp(out.p, one->p, out.len) == 0));
	dg_stats_free(s);
	dg_buf_free(&out);
}

/* Counted backwards, then shuffled (by a sequence seeded from the
 * size), the records give the rows one holds. */
static void
stats_orders(const int *keys, size_t n, const struct stats_recs *r,
    const dg_buf *one)
{
	uint64_t x = 0x9e3779b97f4a7c15ull ^ r->b.len;
	size_t *idx, i, j, t;

	if (r->n < 2)
		return;
	FUZZ_CHECK((idx = calloc(r->n, sizeof(*idx))) != NULL);
	for (i = 0; i < r->n; i++)
		idx[i] = r->n - 1 - i;
	stats_reordered(keys, n, r, idx, one);
	for (i = r->n; i > 1; i--) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		j = (size_t)(x % i);
		t = idx[i - 1];
		idx[i - 1] = idx[j];
		idx[j] = t;
	}
	stats_reordered(keys, n, r, idx, one);
	free(idx);
}

/*
 * A pair's rows against the first key's alone, on the records the pair
 * counts: summed over the second key, sources are equal, sections and
 * digests no fewer, and the first column holds the one-key table's
 * values, spelled alike (so a folded value has one spelling in every
 * row: a key that folds comes first in some pair).
 */
static void
stats_pair(const int *keys, const struct stats_recs *r)
{
	dg_stats *two, *one;
	dg_stats_row *r2, *r1;
	dg_str f[2], title, url, file, sec;
	size_t n1, n2, i, j;
	uint64_t src, secs, dig;
	int st;

	FUZZ_CHECK((two = dg_stats_new(keys, 2)) != NULL);
	FUZZ_CHECK((one = dg_stats_new(keys, 1)) != NULL);
	for (i = 0; i < r->n; i++) {
		for (j = 0; j < 2; j++)
			f[j] = stats_field(r, i, dg_stats_key_field(keys[j]));
		title = stats_field(r, i, DG_F_TITLE);
		url = stats_field(r, i, DG_F_URL);
		file = stats_field(r, i, DG_F_FILE);
		sec = stats_field(r, i, DG_F_SECTION);
		if ((st = dg_stats_add(two, f, title, url, file, sec)) == DG_OK)
			FUZZ_OK(dg_stats_add(one, f, title, url, file, sec));
		else
			FUZZ_CHECK(st == DG_EESCAPE);
	}
	FUZZ_OK(dg_stats_rows(two, 1, &r2, &n2));
	FUZZ_OK(dg_stats_rows(one, 1, &r1, &n1));
	for (i = j = 0; i < n1; i++) {
		FUZZ_CHECK(j < n2 && stats_cmp(&r2[j].key[0],
		    &r1[i].key[0]) == 0);
		for (src = secs = dig = 0; j < n2 && stats_cmp(&r2[j].key[0],
		    &r1[i].key[0]) == 0; j++) {
			src += r2[j].sources;
			secs += r2[j].sections;
			dig += r2[j].digests;
		}
		FUZZ_CHECK(src == r1[i].sources && secs >= r1[i].sections &&
		    dig >= r1[i].digests);
	}
	FUZZ_CHECK(j == n2);
	free(r1);
	free(r2);
	dg_stats_free(two);
	dg_stats_free(one);
}

static void
stats_by(const int *keys, size_t n, const char *data, size_t size)
{
	dg_tsvin t;
	dg_stats *s, *m;
	dg_buf one = { NULL, 0, 0 }, two = { NULL, 0, 0 };
	dg_buf raw = { NULL, 0, 0 };
	struct stats_recs recs = { { NULL, 0, 0 }, NULL, 0, 0 };
	dg_str f, rf[STATS_NF];
	size_t records, i;
	int st;

	dg_tsvin_init_mem(&t, data, size, 0);
	while ((st = dg_tsvin_next(&t)) != DG_EOF) {
		if (st != DG_OK)
			continue;
		f = dg_tsvin_field(&t, dg_stats_key_field(keys[0]));
		raw.len = 0;
		if (n == 1 && dg_tsv_unescape(&raw, f.n > 0 ? f.p : "", f.n,
		    NULL) == DG_OK)
			stats_keys(keys[0], raw.len > 0 ? raw.p : "", raw.len);
		for (i = 0; i < STATS_NF; i++)
			rf[i] = dg_tsvin_field(&t, (enum dg_field)i);
		stats_keep(&recs, rf);
	}
	dg_tsvin_fini(&t);
	s = stats_count(keys, n, &recs, NULL, &records);
	stats_dump(s, &one, records, 1);
	stats_orders(keys, n, &recs, &one);
	if (n == 2)
		stats_pair(keys, &recs);
	dg_buf_free(&recs.b);
	free(recs.off);

	FUZZ_CHECK((m = dg_stats_new(keys, n)) != NULL);
	stats_merge(m, n, &one, 1);
	stats_dump(m, &two, records, 0);
	FUZZ_CHECK(two.len == one.len &&
	    (one.len == 0 || memcmp(one.p, two.p, one.len) == 0));
	dg_stats_free(m);

	/* Twice: every count doubles, the keys stay. */
	FUZZ_CHECK((m = dg_stats_new(keys, n)) != NULL);
	stats_merge(m, n, &one, 2);
	two.len = 0;
	stats_dump(m, &two, 2 * records, 0);
	stats_doubled(n, &one, &two);
	dg_stats_free(m);
	dg_stats_free(s);
	dg_buf_free(&one);
	dg_buf_free(&two);
	dg_buf_free(&raw);
}

int
fuzz_stats(const uint8_t *data, size_t size)
{
	const char *const *names = dg_stats_key_names();
	const char *s = size > 0 ? (const char *)data : "";
	int keys[2], nkeys;

	for (nkeys = 0; names[nkeys] != NULL; nkeys++)
		continue;
	for (keys[0] = 0; keys[0] < nkeys; keys[0]++) {
		stats_by(keys, 1, s, size);
		stats_keys(keys[0], s, size);
		/* Each key with the next; category then kind, both
		 * folding, among them. */
		keys[1] = (keys[0] + 1) % nkeys;
		stats_by(keys, 2, s, size);
	}
	return 0;
}
