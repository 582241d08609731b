/*
 * fuzz_stats.c - counting per key (dg_stats_add, dg_stats_rows,
 * dg_stats_format) and merging (dg_stats_parse_row, dg_stats_merge) on
 * arbitrary dg TSV, for every -b.  Properties: keys come out sorted and
 * distinct, counts are sane (digests <= sections, sources <= records);
 * each output row reads back as itself; merging the output gives the
 * same rows (shards add up exactly), merging it twice doubles every
 * count; the records counted backwards, or shuffled, give the same rows
 * (counting is exact whatever the order); key derivation gives the forms
 * stats.h states.
 */
#include <string.h>

#include "fuzz.h"
#include "../cmd/dg-stats/stats.h"
#include "tsvin_int.h"

static int
stats_cmp(const dg_str *a, const dg_str *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	int c = n > 0 ? memcmp(a->p, b->p, n) : 0;

	return c != 0 ? c : (a->n > b->n) - (a->n < b->n);
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
	dg_str key, prev = { "", 0 };
	uint64_t count[3];
	size_t n, i, nf;
	int bad, bykey;

	for (bykey = 1; bykey >= 0; bykey--) {
		FUZZ_OK(dg_stats_rows(s, bykey, &r, &n));
		for (i = 0; i < n; i++) {
			if (i > 0 && bykey)
				FUZZ_CHECK(stats_cmp(&prev, &r[i].key) < 0);
			if (i > 0 && !bykey)
				FUZZ_CHECK(r[i - 1].sources > r[i].sources ||
				    (r[i - 1].sources == r[i].sources &&
				    stats_cmp(&r[i - 1].key, &r[i].key) < 0));
			prev = r[i].key;
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
			    &key, count, &nf, &bad));
			FUZZ_CHECK(count[0] == r[i].sources &&
			    count[1] == r[i].sections &&
			    count[2] == r[i].digests);
			n = 0;
		}
		free(r);
	}
}

/* Merges each formatted row in rows into s, times times. */
static void
stats_merge(dg_stats *s, const dg_buf *rows, int times)
{
	const char *p, *nl, *end;
	dg_str key;
	uint64_t count[3];
	size_t nf;
	int bad;

	if (rows->len == 0)
		return;
	end = rows->p + rows->len;
	while (times-- > 0)
		for (p = rows->p; p < end; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(end - p));
			FUZZ_OK(dg_stats_parse_row(p, (size_t)(nl - p), &key,
			    count, &nf, &bad));
			FUZZ_OK(dg_stats_merge(s, key, count));
		}
}

/* Each row of two is the same row of one with its counts doubled. */
static void
stats_doubled(const dg_buf *one, const dg_buf *two)
{
	const char *p = one->p, *q = two->p, *pn, *qn;
	dg_str k1, k2;
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
		FUZZ_OK(dg_stats_parse_row(p, (size_t)(pn - p), &k1, c1, &nf,
		    &bad));
		FUZZ_OK(dg_stats_parse_row(q, (size_t)(qn - q), &k2, c2, &nf,
		    &bad));
		FUZZ_CHECK(stats_cmp(&k1, &k2) == 0);
		for (i = 0; i < 3; i++)
			FUZZ_CHECK(c2[i] == 2 * c1[i]);
		p = pn + 1;
		q = qn + 1;
	}
	FUZZ_CHECK(q == two->p + two->len);
}

/* The fields dg_stats_add takes, in its order. */
#define STATS_NF 5

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

/* The records of r counted in the order of idx dump as one does. */
static void
stats_reordered(int by, const struct stats_recs *r,
    const size_t *idx, const dg_buf *one)
{
	dg_stats *s;
	dg_buf out = { NULL, 0, 0 };
	size_t i, k;

	FUZZ_CHECK((s = dg_stats_new(by)) != NULL);
	for (k = 0; k < r->n; k++) {
		i = idx[k];
		(void)dg_stats_add(s, stats_field(r, i, 0),
		    stats_field(r, i, 1), stats_field(r, i, 2),
		    stats_field(r, i, 3), stats_field(r, i, 4));
	}
	stats_dump(s, &out, r->n, 0);
	FUZZ_CHECK(out.len == one->len &&
	    (out.len == 0 || memcmp(out.p, one->p, out.len) == 0));
	dg_stats_free(s);
	dg_buf_free(&out);
}

/* Counted backwards, then shuffled (by a sequence seeded from the
 * size), the records give the rows one holds. */
static void
stats_orders(int by, const struct stats_recs *r,
    const dg_buf *one)
{
	uint64_t x = 0x9e3779b97f4a7c15ull ^ r->b.len;
	size_t *idx, i, j, t;

	if (r->n < 2)
		return;
	FUZZ_CHECK((idx = calloc(r->n, sizeof(*idx))) != NULL);
	for (i = 0; i < r->n; i++)
		idx[i] = r->n - 1 - i;
	stats_reordered(by, r, idx, one);
	for (i = r->n; i > 1; i--) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		j = (size_t)(x % i);
		t = idx[i - 1];
		idx[i - 1] = idx[j];
		idx[j] = t;
	}
	stats_reordered(by, r, idx, one);
	free(idx);
}

static void
stats_by(int by, const char *data, size_t size)
{
	dg_tsvin t;
	dg_stats *s, *m;
	dg_buf one = { NULL, 0, 0 }, two = { NULL, 0, 0 };
	dg_buf raw = { NULL, 0, 0 };
	struct stats_recs recs = { { NULL, 0, 0 }, NULL, 0, 0 };
	dg_str f, rf[STATS_NF];
	size_t records = 0;
	int st;

	FUZZ_CHECK((s = dg_stats_new(by)) != NULL);
	dg_tsvin_init_mem(&t, data, size, 0);
	while ((st = dg_tsvin_next(&t)) != DG_EOF) {
		if (st != DG_OK)
			continue;
		f = dg_tsvin_field(&t, dg_stats_key_field(by));
		raw.len = 0;
		if (dg_tsv_unescape(&raw, f.n > 0 ? f.p : "", f.n, NULL) ==
		    DG_OK)
			stats_keys(by, raw.len > 0 ? raw.p : "", raw.len);
		rf[0] = f;
		rf[1] = dg_tsvin_field(&t, DG_F_TITLE);
		rf[2] = dg_tsvin_field(&t, DG_F_URL);
		rf[3] = dg_tsvin_field(&t, DG_F_FILE);
		rf[4] = dg_tsvin_field(&t, DG_F_SECTION);
		st = dg_stats_add(s, rf[0], rf[1], rf[2], rf[3], rf[4]);
		FUZZ_CHECK(st == DG_OK || st == DG_EESCAPE);
		records += st == DG_OK;
		stats_keep(&recs, rf);
	}
	dg_tsvin_fini(&t);
	stats_dump(s, &one, records, 1);
	stats_orders(by, &recs, &one);
	dg_buf_free(&recs.b);
	free(recs.off);

	FUZZ_CHECK((m = dg_stats_new(by)) != NULL);
	stats_merge(m, &one, 1);
	stats_dump(m, &two, records, 0);
	FUZZ_CHECK(two.len == one.len &&
	    (one.len == 0 || memcmp(one.p, two.p, one.len) == 0));
	dg_stats_free(m);

	/* Twice: every count doubles, the keys stay. */
	FUZZ_CHECK((m = dg_stats_new(by)) != NULL);
	stats_merge(m, &one, 2);
	two.len = 0;
	stats_dump(m, &two, 2 * records, 0);
	stats_doubled(&one, &two);
	dg_stats_free(m);
	dg_stats_free(s);
	dg_buf_free(&one);
	dg_buf_free(&two);
	dg_buf_free(&raw);
}

int
fuzz_stats(const uint8_t *data, size_t size)
{
	const char *s = size > 0 ? (const char *)data : "";
	int by;

	for (by = 0; dg_stats_key_names()[by] != NULL; by++) {
		stats_by(by, s, size);
		stats_keys(by, s, size);
	}
	return 0;
}
