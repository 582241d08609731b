/*
 * fuzz_stats.c - counting per key (dg_stats_add, dg_stats_rows,
 * dg_stats_format) and merging (dg_stats_parse_row, dg_stats_merge) on
 * arbitrary dg TSV, for every -b.  Properties: keys come out sorted and
 * distinct, counts are sane (digests <= sections, sources <= records);
 * each output row reads back as itself; merging the output gives the
 * same rows (shards add up exactly), merging it twice doubles every
 * count; key derivation gives the forms stats.h states.
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
stats_keys(enum dg_stats_by by, const char *s, size_t n)
{
	dg_buf b = { NULL, 0, 0 };
	size_t i;

	FUZZ_OK(dg_stats_key(&b, by, s, n));
	switch (by) {
	case DG_BY_CATEGORY:
	case DG_BY_KIND:
		for (i = 0; i < b.len; i++)
			FUZZ_CHECK(strchr("\t\n\r\v\f", b.p[i]) == NULL ||
			    b.p[i] == '\0');
		for (i = 0; i < b.len; i++)
			FUZZ_CHECK(b.p[i] != ' ' || (i > 0 && i + 1 < b.len &&
			    b.p[i - 1] != ' '));
		break;
	case DG_BY_MONTH:
		FUZZ_CHECK(b.len == 0 || (b.len == 7 && b.p[4] == '-' &&
		    memcmp(b.p, s, 7) == 0));
		break;
	case DG_BY_YEAR:
		FUZZ_CHECK(b.len == 0 || (b.len == 4 && memcmp(b.p, s, 4) == 0));
		break;
	case DG_BY_DOMAIN:
		for (i = 0; i < b.len; i++)
			FUZZ_CHECK((b.p[i] < 'A' || b.p[i] > 'Z') &&
			    b.p[i] != '/' && b.p[i] != '?' && b.p[i] != '#');
		/* A slice of the URL, less one "www.". */
		FUZZ_CHECK(b.len <= n);
		break;
	default:
		FUZZ_CHECK(b.len == n && (n == 0 || memcmp(b.p, s, n) == 0));
	}
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

static void
stats_by(enum dg_stats_by by, const char *data, size_t size)
{
	dg_tsvin t;
	dg_stats *s, *m;
	dg_buf one = { NULL, 0, 0 }, two = { NULL, 0, 0 };
	dg_buf raw = { NULL, 0, 0 };
	dg_str f;
	size_t records = 0;
	int st;

	FUZZ_CHECK((s = dg_stats_new(by)) != NULL);
	dg_tsvin_init_mem(&t, data, size, 0);
	while ((st = dg_tsvin_next(&t)) != DG_EOF) {
		if (st != DG_OK)
			continue;
		f = dg_tsvin_field(&t, dg_stats_by_field(by));
		raw.len = 0;
		if (dg_tsv_unescape(&raw, f.n > 0 ? f.p : "", f.n, NULL) ==
		    DG_OK)
			stats_keys(by, raw.len > 0 ? raw.p : "", raw.len);
		st = dg_stats_add(s, f, dg_tsvin_field(&t, DG_F_TITLE),
		    dg_tsvin_field(&t, DG_F_URL), dg_tsvin_field(&t, DG_F_FILE),
		    dg_tsvin_field(&t, DG_F_SECTION));
		FUZZ_CHECK(st == DG_OK || st == DG_EESCAPE);
		records += st == DG_OK;
		dg_stats_disorder(s);
	}
	dg_tsvin_fini(&t);
	stats_dump(s, &one, records, 1);

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

	for (by = 0; by < DG_BY_N; by++) {
		stats_by((enum dg_stats_by)by, s, size);
		stats_keys((enum dg_stats_by)by, s, size);
	}
	return 0;
}
