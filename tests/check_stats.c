/* Unit tests of stats.c: keys, folding, counting, merging, sorting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "ascii_int.h"
#include "../cmd/dg-stats/stats.h"

static dg_str
S(const char *s)
{
	dg_str r;

	r.p = s;
	r.n = strlen(s);
	return r;
}

/* The number of the key called name. */
static int
K(const char *name)
{
	int key = dg_stats_key_lookup(name, strlen(name));

	ck_assert_int_ge(key, 0);
	return key;
}

/* A table of the one key called name. */
static dg_stats *
T(const char *name)
{
	int key = K(name);

	return dg_stats_new(&key, 1);
}

static void
check_key(int by, const char *in, const char *want)
{
	dg_buf b = {0};
	dg_str got;

	ck_assert_int_eq(dg_stats_key(&b, by, in, strlen(in)), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, in);
	dg_buf_free(&b);
}

static void
check_fold(const char *in, const char *want)
{
	dg_buf b = {0};
	dg_str got;

	ck_assert_int_eq(dg_fold(&b, in, strlen(in)), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, in);
	dg_buf_free(&b);
}

START_TEST(test_key_table_names_fields_folding)
{
	static const char *const want[] = { "category", "kind", "date",
	    "month", "year", "file", "domain", NULL };
	const char *const *names = dg_stats_key_names();
	int i;

	for (i = 0; want[i] != NULL; i++) {
		ck_assert_ptr_nonnull(names[i]);
		ck_assert_str_eq(names[i], want[i]);
		ck_assert_int_eq(dg_stats_key_lookup(names[i],
		    strlen(names[i])), i);
	}
	ck_assert_ptr_null(names[i]);
	ck_assert_int_eq(dg_stats_key_lookup("Category", 8), -1);
	ck_assert_int_eq(dg_stats_key_lookup("cat", 3), -1);
	ck_assert_int_eq(dg_stats_key_lookup("category,", 9), -1);
	ck_assert_int_eq(dg_stats_key_lookup("", 0), -1);
	ck_assert_int_eq(dg_stats_key_field(K("category")), DG_F_CATEGORY);
	ck_assert_int_eq(dg_stats_key_field(K("kind")), DG_F_KIND);
	ck_assert_int_eq(dg_stats_key_field(K("date")), DG_F_DATE);
	ck_assert_int_eq(dg_stats_key_field(K("month")), DG_F_DATE);
	ck_assert_int_eq(dg_stats_key_field(K("year")), DG_F_DATE);
	ck_assert_int_eq(dg_stats_key_field(K("file")), DG_F_FILE);
	ck_assert_int_eq(dg_stats_key_field(K("domain")), DG_F_URL);
	for (i = 0; names[i] != NULL; i++)
		ck_assert_int_eq(dg_stats_key_folds(i),
		    strcmp(names[i], "category") == 0 ||
		    strcmp(names[i], "kind") == 0);
}
END_TEST

START_TEST(test_category_key_normalises_blanks_keeps_case)
{
	check_key(K("category"), "  Model \t Training\n\nTechnique  ",
	    "Model Training Technique");
	check_key(K("kind"), "News", "News");
	check_key(K("category"), " \t ", "");
}
END_TEST

START_TEST(test_fold_lowers_ascii_only_and_normalises_blanks)
{
	check_fold("Model  TRAINING technique", "model training technique");
	check_fold("\xc3\x89t\xc3\xa9 AI", "\xc3\x89t\xc3\xa9 ai");
	check_fold("", "");
}
END_TEST

START_TEST(test_month_is_yyyy_mm_of_the_date)
{
	check_key(K("month"), "2024-10-19", "2024-10");
	check_key(K("month"), "2024-10", "2024-10");
	check_key(K("month"), "", "");
	check_key(K("month"), "2024/10/19", "");
	check_key(K("month"), "24-10-19", "");
}
END_TEST

START_TEST(test_year_is_yyyy_of_the_date)
{
	check_key(K("year"), "2024-10-19", "2024");
	check_key(K("year"), "", "");
	check_key(K("year"), "Oct 2024", "");
}
END_TEST

START_TEST(test_date_and_file_keys_are_the_field_as_is)
{
	check_key(K("date"), "2024-10-19", "2024-10-19");
	check_key(K("file"), "digests/A B.md", "digests/A B.md");
}
END_TEST

START_TEST(test_domain_is_host_lowercased_without_www_port_userinfo)
{
	check_key(K("domain"), "http://arxiv.org/abs/2410.13754v1",
	    "arxiv.org");
	check_key(K("domain"), "https://WWW.Nature.COM/articles/x",
	    "nature.com");
	check_key(K("domain"), "https://user:pw@www.example.org:8443/p?q#f",
	    "example.org");
	check_key(K("domain"), "https://example.org?q=1", "example.org");
	check_key(K("domain"), "https://example.org#top", "example.org");
	check_key(K("domain"), "http://[2001:db8::1]:80/x", "[2001:db8::1]");
	check_key(K("domain"), "www.example.com/x", "example.com");
	check_key(K("domain"), "https://www./x", "www.");
	check_key(K("domain"), "https://wwwx.org/", "wwwx.org");
	check_key(K("domain"), "https://a.b/p@q", "a.b");
	check_key(K("domain"), "", "");
}
END_TEST

START_TEST(test_host_keeps_case_and_slices_the_url)
{
	dg_str h = dg_stats_host("HTTPS://Foo.Example:1/", 22);

	dg_check_str(h, "Foo.Example", "host");
}
END_TEST

/* Adds a record with the given key field, title, url, file, section. */
static int
add(dg_stats *s, const char *key, const char *title, const char *url,
    const char *file, const char *section)
{
	dg_str f = S(key);

	return dg_stats_add(s, &f, S(title), S(url), S(file), S(section));
}

static void
check_rows(dg_stats *s, int bykey, const char *want)
{
	dg_stats_row *rows;
	dg_buf b = {0};
	dg_str got;
	size_t i, n;

	ck_assert_int_eq(dg_stats_rows(s, bykey, &rows, &n), DG_OK);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(dg_stats_format(&b, &rows[i]), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, "rows");
	free(rows);
	dg_buf_free(&b);
}

START_TEST(test_counts_sources_sections_digests)
{
	dg_stats *s = T("category");

	ck_assert_ptr_nonnull(s);
	add(s, "LLM", "A", "http://a", "f1", "1");
	add(s, "LLM", "B", "", "f1", "1");
	add(s, "LLM", "", "", "f1", "2");	/* no source: not counted */
	add(s, "Vision", "C", "http://c", "f1", "3");
	add(s, "LLM", "D", "http://d", "f2", "1");
	check_rows(s, 0, "LLM\t3\t3\t2\nVision\t1\t1\t1\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_category_groups_folded_shows_first_spelling)
{
	dg_stats *s = T("category");

	ck_assert_ptr_nonnull(s);
	add(s, "Model training technique", "a", "", "f1", "1");
	add(s, "Model  Training Technique", "b", "", "f2", "1");
	add(s, "model training technique", "c", "", "f3", "1");
	check_rows(s, 0, "Model Training Technique\t3\t3\t3\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_sort_most_sources_then_key_bytes)
{
	dg_stats *s = T("date");

	ck_assert_ptr_nonnull(s);
	add(s, "2024-10-02", "a", "", "f1", "1");
	add(s, "2024-10-01", "a", "", "f2", "1");
	add(s, "2024-10-03", "a", "", "f3", "1");
	add(s, "2024-10-03", "b", "", "f3", "1");
	check_rows(s, 0, "2024-10-03\t2\t1\t1\n2024-10-01\t1\t1\t1\n"
	    "2024-10-02\t1\t1\t1\n");
	check_rows(s, 1, "2024-10-01\t1\t1\t1\n2024-10-02\t1\t1\t1\n"
	    "2024-10-03\t2\t1\t1\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_empty_key_is_counted_and_shown_empty)
{
	dg_stats *s = T("domain");

	ck_assert_ptr_nonnull(s);
	add(s, "", "untitled link", "", "f1", "1");
	add(s, "http://x.org/", "t", "http://x.org/", "f1", "1");
	check_rows(s, 1, "\t1\t1\t1\nx.org\t1\t1\t1\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_key_is_unescaped_then_escaped_on_output)
{
	dg_stats *s = T("file");

	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(add(s, "a\\tb\\\\c", "t", "", "a\\tb\\\\c", "1"),
	    DG_OK);
	ck_assert_int_eq(add(s, "bad\\q", "t", "", "bad\\q", "1"),
	    DG_EESCAPE);
	check_rows(s, 0, "a\\tb\\\\c\t1\t1\t1\n");
	dg_stats_free(s);
}
END_TEST

/* One record of the order tests: key field, title, file, section. */
struct rec {
	const char *key, *title, *file, *sec;
};

/* Two digests of two sections each, then one of three whose third
 * section has no source, in dg-parse order. */
static const struct rec parsed[] = {
	{ "Papers", "a1", "a.md", "1" }, { "Papers", "a2", "a.md", "1" },
	{ "Papers", "a3", "a.md", "2" },
	{ "Papers", "b1", "b.md", "1" }, { "Papers", "b2", "b.md", "2" },
	{ "Papers", "b3", "b.md", "2" },
	{ "News", "c1", "c.md", "1" }, { "news", "c2", "c.md", "2" },
	{ "News", "", "c.md", "3" }
};
#define NPARSED (sizeof(parsed) / sizeof(parsed[0]))

/* The rows of parsed[] added in the order of idx, counted by by (kind
 * or file), sorted by key, as text (malloc'ed). */
static char *
rows_in_order(const size_t *idx, int by)
{
	dg_stats *s = dg_stats_new(&by, 1);
	dg_stats_row *rows;
	dg_buf b = {0};
	const struct rec *r;
	size_t i, n;

	ck_assert_ptr_nonnull(s);
	for (i = 0; i < NPARSED; i++) {
		r = &parsed[idx[i]];
		ck_assert_int_eq(add(s, by == K("file") ? r->file : r->key,
		    r->title, "", r->file, r->sec), DG_OK);
	}
	ck_assert_int_eq(dg_stats_rows(s, 1, &rows, &n), DG_OK);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(dg_stats_format(&b, &rows[i]), DG_OK);
	ck_assert_int_eq(dg_buf_addc(&b, '\0'), DG_OK);
	free(rows);
	dg_stats_free(s);
	return b.p;
}

START_TEST(test_counts_are_exact_whatever_the_record_order)
{
	/* As `sort -s -k7,7n` leaves them: by section, files interleaved
	 * (each file's sections still go up); then reversed; then every
	 * order a fixed pseudo-random sequence gives. */
	static const size_t bysec[NPARSED] = { 0, 1, 3, 6, 2, 4, 5, 7, 8 };
	const int bys[] = { K("kind"), K("file") };
	size_t idx[NPARSED], i, j, t, round, k;
	uint64_t x = 0x9e3779b97f4a7c15ull;
	char *want, *got;
	int by;

	for (k = 0; k < sizeof(bys) / sizeof(bys[0]); k++) {
		by = bys[k];
		for (i = 0; i < NPARSED; i++)
			idx[i] = i;
		want = rows_in_order(idx, by);
		if (by == K("kind"))
			ck_assert_str_eq(want, "News\t2\t3\t1\n"
			    "Papers\t6\t4\t2\n");
		got = rows_in_order(bysec, by);
		ck_assert_str_eq(got, want);
		free(got);
		for (i = 0; i < NPARSED; i++)
			idx[i] = NPARSED - 1 - i;
		got = rows_in_order(idx, by);
		ck_assert_str_eq(got, want);
		free(got);
		for (round = 0; round < 200; round++) {
			for (i = NPARSED - 1; i > 0; i--) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				j = (size_t)(x % (i + 1));
				t = idx[i];
				idx[i] = idx[j];
				idx[j] = t;
			}
			got = rows_in_order(idx, by);
			ck_assert_str_eq(got, want);
			free(got);
		}
		free(want);
	}
}
END_TEST

START_TEST(test_a_file_read_twice_counts_its_sections_once)
{
	dg_stats *s = T("category");
	int round;

	ck_assert_ptr_nonnull(s);
	for (round = 0; round < 2; round++) {
		add(s, "A", "t", "", "f1", "1");
		add(s, "A", "t", "", "f1", "2");
		add(s, "B", "t", "", "f1", "3");
		add(s, "A", "t", "", "f2", "1");
	}
	check_rows(s, 1, "A\t6\t3\t2\nB\t2\t1\t1\n");
	dg_stats_free(s);
}
END_TEST

/*
 * Streams against a count by brute force: records in dg-parse order (each
 * file once, each of its sections once, together), then, in most rounds,
 * disturbed by swaps and repeats, so that counting turns exact at some
 * record of the stream.  Sections come in every form: plain numbers
 * inside and outside the ones kept as bits, leading zeros, empty, past
 * 64 bits.
 */
static const char *const okeys[] = { "k1", "k2", "k3" };
static const char *const ofiles[] = { "f1", "f2", "f3", "", "f5" };
static const char *const osecs[] = {
	"0", "1", "2", "63", "64", "65", "01", "", "99999999999999999999",
	"18446744073709551617"
};
#define NOKEYS (sizeof(okeys) / sizeof(okeys[0]))
#define NOFILES (sizeof(ofiles) / sizeof(ofiles[0]))
#define NOSECS (sizeof(osecs) / sizeof(osecs[0]))
#define OMAX 200

struct orec {
	size_t key, file, sec;
	int titled;
};

static uint64_t
xorshift(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* Puts the n numbers below n in *p in a random order. */
static void
permute(size_t *p, size_t n, uint64_t *x)
{
	size_t i, j, t;

	for (i = 0; i < n; i++)
		p[i] = i;
	for (i = n; i > 1; i--) {
		j = (size_t)(xorshift(x) % i);
		t = p[i - 1];
		p[i - 1] = p[j];
		p[j] = t;
	}
}

/* A stream in dg-parse order into r; its length. */
static size_t
ordered(struct orec *r, uint64_t *x)
{
	size_t fo[NOFILES], so[NOSECS], nf, ns, i, j, k, n = 0;

	permute(fo, NOFILES, x);
	nf = 1 + (size_t)(xorshift(x) % NOFILES);
	for (i = 0; i < nf; i++) {
		permute(so, NOSECS, x);
		ns = 1 + (size_t)(xorshift(x) % NOSECS);
		for (j = 0; j < ns; j++)
			for (k = xorshift(x) % 3; k < 3 && n < OMAX / 2; k++) {
				r[n].key = (size_t)(xorshift(x) % NOKEYS);
				r[n].file = fo[i];
				r[n].sec = so[j];
				r[n].titled = xorshift(x) % 4 != 0;
				n++;
			}
	}
	return n;
}

/* The rows of r counted by brute force, in key order. */
static void
brute(const struct orec *r, size_t n, dg_buf *b)
{
	size_t k, i, j, src, sec, dig;
	char line[64];
	int seen;

	for (k = 0; k < NOKEYS; k++) {
		src = sec = dig = 0;
		for (i = 0; i < n; i++) {
			if (r[i].key != k)
				continue;
			src += r[i].titled;
			for (seen = 0, j = 0; j < i && !seen; j++)
				seen = r[j].key == k && r[j].file == r[i].file &&
				    r[j].sec == r[i].sec;
			sec += !seen;
			for (seen = 0, j = 0; j < i && !seen; j++)
				seen = r[j].key == k && r[j].file == r[i].file;
			dig += !seen;
		}
		if (dig == 0)
			continue;
		snprintf(line, sizeof(line), "%s\t%zu\t%zu\t%zu\n", okeys[k],
		    src, sec, dig);
		ck_assert_int_eq(dg_buf_add(b, line, strlen(line)), DG_OK);
	}
}

START_TEST(test_counts_match_brute_force_in_order_or_not)
{
	struct orec r[OMAX], t;
	uint64_t x = 0x2545f4914f6cdd1dull;
	dg_buf want = {0}, got = {0};
	dg_stats_row *rows;
	dg_stats *s;
	size_t n, i, j, k, nrows, round;

	for (round = 0; round < 3000; round++) {
		n = ordered(r, &x);
		/* A quarter of the streams stay in order. */
		for (k = round % 4 == 0 ? 0 : xorshift(&x) % 4 + 1; k > 0;
		    k--) {
			i = (size_t)(xorshift(&x) % n);
			j = (size_t)(xorshift(&x) % n);
			if (xorshift(&x) % 2 == 0) {
				t = r[i];
				r[i] = r[j];
				r[j] = t;
			} else if (n < OMAX)
				r[n++] = r[i];
		}
		want.len = got.len = 0;
		brute(r, n, &want);
		s = T("date");
		ck_assert_ptr_nonnull(s);
		for (i = 0; i < n; i++)
			ck_assert_int_eq(add(s, okeys[r[i].key],
			    r[i].titled ? "t" : "", "", ofiles[r[i].file],
			    osecs[r[i].sec]), DG_OK);
		ck_assert_int_eq(dg_stats_rows(s, 1, &rows, &nrows), DG_OK);
		for (i = 0; i < nrows; i++)
			ck_assert_int_eq(dg_stats_format(&got, &rows[i]),
			    DG_OK);
		free(rows);
		dg_stats_free(s);
		ck_assert_msg(got.len == want.len &&
		    memcmp(got.p, want.p, got.len) == 0,
		    "round %zu: got\n%.*swant\n%.*s", round, (int)got.len,
		    got.p, (int)want.len, want.p);
	}
	dg_buf_free(&want);
	dg_buf_free(&got);
}
END_TEST

/* Merges a row of one key column. */
static int
merge1(dg_stats *s, const char *key, const uint64_t count[3])
{
	dg_str k = S(key);

	return dg_stats_merge(s, &k, count);
}

START_TEST(test_merge_sums_and_refolds_spelling)
{
	dg_stats *s = T("category");
	uint64_t a[3] = {5, 2, 1}, b[3] = {1, 1, 1};

	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(merge1(s, "Model training", a), DG_OK);
	ck_assert_int_eq(merge1(s, "Model Training", b), DG_OK);
	ck_assert_int_eq(merge1(s, "LLM", b), DG_OK);
	check_rows(s, 0, "Model Training\t6\t3\t2\nLLM\t1\t1\t1\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_merge_overflow_is_an_error_not_a_wrap)
{
	dg_stats *s = T("date");
	uint64_t big[3] = {UINT64_MAX - 1, 1, 1}, two[3] = {2, 1, 1};
	uint64_t one[3] = {1, 1, 1};

	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(merge1(s, "d", big), DG_OK);
	ck_assert_int_eq(merge1(s, "d", two), DG_EOVERFLOW);
	/* Nothing of the failed line was added. */
	check_rows(s, 0, "d\t18446744073709551614\t1\t1\n");
	ck_assert_int_eq(merge1(s, "d", one), DG_OK);
	check_rows(s, 0, "d\t18446744073709551615\t2\t2\n");
	dg_stats_free(s);
}
END_TEST

static int
rowcmp(dg_str a, dg_str b)
{
	size_t n = a.n < b.n ? a.n : b.n;
	int c = n > 0 ? memcmp(a.p, b.p, n) : 0;

	return c != 0 ? c : (a.n > b.n) - (a.n < b.n);
}

/*
 * Is r row j of the test below: key i shown in the spelling that sorts
 * first, with its counts, after the row before it in order?  seen marks
 * the keys met.  (Plain tests, not ck_assert: Check records every
 * assertion passed, which is slow by the hundred thousand.)
 */
static int
many_row_ok(const dg_stats_row *r, size_t j, int bykey, unsigned char *seen,
    size_t nkeys)
{
	char key[64], want[64];
	size_t i;

	if (r[j].key[0].n >= sizeof(key))
		return 0;
	memcpy(key, r[j].key[0].p, r[j].key[0].n);
	key[r[j].key[0].n] = '\0';
	if (strchr(key, ' ') == NULL ||
	    (i = strtoul(strchr(key, ' ') + 1, NULL, 10)) >= nkeys || seen[i])
		return 0;
	seen[i] = 1;
	snprintf(want, sizeof(want), "%s %zu", i % 40 == 0 ? "CATEGORY" :
	    "Category", i);
	if (strcmp(key, want) != 0 ||
	    r[j].sources != 1 + i % 3 + (i % 10 == 0) + (i % 20 == 0) ||
	    r[j].sections != (uint64_t)(1 + (i % 10 == 0) + (i % 20 == 0)) ||
	    r[j].digests != (uint64_t)(1 + (i % 10 == 0)))
		return 0;
	if (j == 0)
		return 1;
	if (bykey || r[j - 1].sources == r[j].sources)
		return rowcmp(r[j - 1].key[0], r[j].key[0]) < 0;
	return r[j - 1].sources > r[j].sources;
}

START_TEST(test_many_keys_are_each_counted_and_sorted)
{
	enum { N = 60000 };
	dg_stats *s = T("category");
	dg_stats_row *r;
	char key[64], file[32], sec[16];
	unsigned char *seen;
	size_t i, j, n;
	int bykey, st = DG_OK;

	ck_assert_ptr_nonnull(s);
	seen = calloc(N, 1);
	ck_assert_ptr_nonnull(seen);
	/* Each key in a run of 1 to 3 records, as dg-parse writes them... */
	for (i = 0; i < N && st == DG_OK; i++) {
		snprintf(key, sizeof(key), "Category %zu", i);
		snprintf(file, sizeof(file), "f%zu.md", i % 100);
		snprintf(sec, sizeof(sec), "%zu", i % 50 + 1);
		for (j = 0; j <= i % 3 && st == DG_OK; j++)
			st = add(s, key, "t", "", file, sec);
	}
	/* ...then some again, in another file and in one more section of
	 * it, and a spelling that sorts first but counts nothing. */
	for (i = 0; i < N && st == DG_OK; i += 10) {
		snprintf(key, sizeof(key), "Category %zu", i);
		st = add(s, key, "t", "", "g.md", "1");
	}
	for (i = 0; i < N && st == DG_OK; i += 20) {
		snprintf(key, sizeof(key), "Category %zu", i);
		st = add(s, key, "", "u", "g.md", "2");
	}
	for (i = 0; i < N && st == DG_OK; i += 40) {
		snprintf(key, sizeof(key), " CATEGORY  %zu", i);
		st = add(s, key, "", "", "g.md", "2");
	}
	ck_assert_int_eq(st, DG_OK);
	for (bykey = 0; bykey <= 1; bykey++) {
		ck_assert_int_eq(dg_stats_rows(s, bykey, &r, &n), DG_OK);
		ck_assert_uint_eq(n, N);
		memset(seen, 0, N);
		for (j = 0; j < n && many_row_ok(r, j, bykey, seen, N); j++)
			continue;
		ck_assert_msg(j == n, "row %zu (by %s): %.*s %ju %ju %ju", j,
		    bykey ? "key" : "count", (int)r[j].key[0].n, r[j].key[0].p,
		    (uintmax_t)r[j].sources, (uintmax_t)r[j].sections,
		    (uintmax_t)r[j].digests);
		free(r);
	}
	free(seen);
	dg_stats_free(s);
}
END_TEST

START_TEST(test_long_files_and_sections_compare_whole)
{
	dg_stats *s = T("category");
	char f40[41], f100[101], f5000[5001], sec[301];

	ck_assert_ptr_nonnull(s);
	memset(f40, 'a', 40);
	f40[40] = '\0';
	memset(f100, 'b', 100);
	f100[100] = '\0';
	memset(f5000, 'c', 5000);
	f5000[5000] = '\0';
	/* A section number with many leading zeros is a long string. */
	memset(sec, '0', 299);
	sec[299] = '1';
	sec[300] = '\0';
	add(s, "A", "t", "", f40, "1");		/* section, digest */
	add(s, "A", "t", "", f40, "1");
	add(s, "A", "t", "", f100, "1");	/* section, digest */
	add(s, "A", "t", "", f100, "1");
	add(s, "A", "t", "", f100, "2");	/* section */
	add(s, "A", "t", "", f5000, "1");	/* section, digest */
	add(s, "A", "t", "", f5000, "1");
	add(s, "A", "t", "", f5000, sec);	/* section: other bytes */
	add(s, "A", "t", "", f5000, sec);
	add(s, "A", "t", "", f40, "1");		/* seen before */
	add(s, "A", "t", "", f40, "1");
	/* The same byte but the last: another file. */
	f5000[4999] = 'd';
	add(s, "A", "t", "", f5000, "1");	/* section, digest */
	check_rows(s, 0, "A\t12\t6\t4\n");
	dg_stats_free(s);

	/* Two keys taking turns, each with its own long last file. */
	s = T("category");
	ck_assert_ptr_nonnull(s);
	add(s, "A", "t", "", f5000, "1");
	add(s, "B", "t", "", f100, "1");
	add(s, "A", "t", "", f5000, "1");
	add(s, "B", "t", "", f100, "2");
	add(s, "A", "t", "", f100, "3");
	check_rows(s, 1, "A\t3\t2\t2\nB\t2\t2\t1\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_sort_compares_keys_past_a_shared_prefix)
{
	dg_stats *s = T("file");
	/* As written to dg TSV: "\0" is a NUL byte. */
	const char *keys[] = {
		"abcdefghijklmnopq", "abcdefghijklmnop", "abcdefghijklmno",
		"abcdefghijklmnop\\0", "abcdefghijklmnopa", "", "z",
		"\xc3\xa9", "abcdefghijklmnop\\0\\0", "abcdefghijklmnopqrstuvwxy1",
		"abcdefghijklmnopqrstuvwxy0", "abcdefgh", "abcdefgh\\0"
	};
	size_t i;

	ck_assert_ptr_nonnull(s);
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		ck_assert_int_eq(add(s, keys[i], "t", "", keys[i], "1"), DG_OK);
	add(s, "zz", "t", "", "zz", "1");
	add(s, "zz", "t", "", "zz", "1");
	check_rows(s, 1, "\t1\t1\t1\n"
	    "abcdefgh\t1\t1\t1\n"
	    "abcdefgh\\0\t1\t1\t1\n"
	    "abcdefghijklmno\t1\t1\t1\n"
	    "abcdefghijklmnop\t1\t1\t1\n"
	    "abcdefghijklmnop\\0\t1\t1\t1\n"
	    "abcdefghijklmnop\\0\\0\t1\t1\t1\n"
	    "abcdefghijklmnopa\t1\t1\t1\n"
	    "abcdefghijklmnopq\t1\t1\t1\n"
	    "abcdefghijklmnopqrstuvwxy0\t1\t1\t1\n"
	    "abcdefghijklmnopqrstuvwxy1\t1\t1\t1\n"
	    "z\t1\t1\t1\n"
	    "zz\t2\t1\t1\n"
	    "\xc3\xa9\t1\t1\t1\n");
	check_rows(s, 0, "zz\t2\t1\t1\n"
	    "\t1\t1\t1\n"
	    "abcdefgh\t1\t1\t1\n"
	    "abcdefgh\\0\t1\t1\t1\n"
	    "abcdefghijklmno\t1\t1\t1\n"
	    "abcdefghijklmnop\t1\t1\t1\n"
	    "abcdefghijklmnop\\0\t1\t1\t1\n"
	    "abcdefghijklmnop\\0\\0\t1\t1\t1\n"
	    "abcdefghijklmnopa\t1\t1\t1\n"
	    "abcdefghijklmnopq\t1\t1\t1\n"
	    "abcdefghijklmnopqrstuvwxy0\t1\t1\t1\n"
	    "abcdefghijklmnopqrstuvwxy1\t1\t1\t1\n"
	    "z\t1\t1\t1\n"
	    "\xc3\xa9\t1\t1\t1\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_sort_of_many_keys_sharing_prefixes_is_byte_order)
{
	enum { N = 3000 };
	dg_stats *s = T("file");
	dg_stats_row *r;
	char key[64];
	size_t i, j, n, len;
	int bykey, st = DG_OK;

	ck_assert_ptr_nonnull(s);
	/* Up to 20 letters, up to 2 NUL bytes ("\0" in TSV), a number:
	 * many keys alike in their first 16 bytes, some prefixes of
	 * others, enough of them to be radix sorted. */
	for (i = 0; i < N && st == DG_OK; i++) {
		len = i % 20;
		memcpy(key, "abcdefghijklmnopqrst", len);
		for (j = 0; j < i / 20 % 3; j++, len += 2)
			memcpy(key + len, "\\0", 2);
		if (i / 60 > 0)
			len += (size_t)snprintf(key + len, 16, "%zu", i / 60);
		key[len] = '\0';
		for (j = 0; j <= (i % 7 == 0) && st == DG_OK; j++)
			st = add(s, key, "t", "", key, "1");
	}
	ck_assert_int_eq(st, DG_OK);
	for (bykey = 0; bykey <= 1; bykey++) {
		ck_assert_int_eq(dg_stats_rows(s, bykey, &r, &n), DG_OK);
		ck_assert_uint_eq(n, N);
		for (j = 1; j < n; j++)
			if (bykey || r[j - 1].sources == r[j].sources ?
			    rowcmp(r[j - 1].key[0], r[j].key[0]) >= 0 :
			    r[j - 1].sources < r[j].sources)
				break;
		ck_assert_msg(j >= n, "rows %zu and %zu out of order", j - 1,
		    j);
		free(r);
	}
	dg_stats_free(s);
}
END_TEST

START_TEST(test_sort_by_counts_of_every_size)
{
	dg_stats *s = T("date");
	uint64_t c[][3] = {
		{ 255, 1, 1 }, { 1ull << 40, 1, 1 }, { 0, 0, 0 },
		{ (1ull << 40) + 1, 1, 1 }, { 256, 1, 1 }, { UINT64_MAX, 1, 1 },
		{ 65536, 1, 1 }, { 256, 2, 2 }
	};
	const char *k[] = { "a", "b", "c", "d", "e", "f", "g", "h" };
	size_t i;

	ck_assert_ptr_nonnull(s);
	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		ck_assert_int_eq(merge1(s, k[i], c[i]), DG_OK);
	check_rows(s, 0, "f\t18446744073709551615\t1\t1\n"
	    "d\t1099511627777\t1\t1\n"
	    "b\t1099511627776\t1\t1\n"
	    "g\t65536\t1\t1\n"
	    "e\t256\t1\t1\n"
	    "h\t256\t2\t2\n"
	    "a\t255\t1\t1\n"
	    "c\t0\t0\t0\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_field_coming_back_after_others_counts_with_its_key)
{
	dg_stats *s = T("month");
	dg_stats *k = T("kind");

	ck_assert_ptr_nonnull(s);
	add(s, "2024-01-05", "t", "", "f1", "1");
	add(s, "2024-02-01", "t", "", "f2", "1");
	add(s, "2024-01-05", "t", "", "f3", "1");	/* seen again */
	add(s, "2024-01-07", "t", "", "f4", "1");	/* same key */
	add(s, "2024-02-01", "t", "", "f5", "1");
	add(s, "2024-01-05", "t", "", "f6", "1");	/* remembered */
	add(s, "2024-01-07", "t", "", "f7", "1");
	add(s, "bad\\q", "t", "", "f8", "1");
	ck_assert_int_eq(add(s, "bad\\q", "t", "", "f8", "1"), DG_EESCAPE);
	check_rows(s, 0, "2024-01\t5\t5\t5\n2024-02\t2\t2\t2\n");
	dg_stats_free(s);

	/* A spelling that sorts first may come late, by a known field. */
	ck_assert_ptr_nonnull(k);
	add(k, "news", "t", "", "f1", "1");
	add(k, "Paper", "t", "", "f1", "1");
	add(k, "news", "t", "", "f1", "2");
	add(k, "NEWS", "t", "", "f2", "1");
	add(k, "Paper", "t", "", "f2", "1");
	add(k, "news", "t", "", "f3", "1");
	check_rows(k, 0, "NEWS\t4\t4\t3\nPaper\t2\t2\t2\n");
	dg_stats_free(k);
}
END_TEST

START_TEST(test_parse_row_reads_key_and_three_counts)
{
	const char line[] = "LLM\t12\t3\t2";
	uint64_t c[3];
	dg_str key[2];
	size_t nf;
	int bad = 0;

	ck_assert_int_eq(dg_stats_parse_row(line, strlen(line), 1, key, c,
	    &nf, &bad), DG_OK);
	dg_check_str(key[0], "LLM", "key");
	ck_assert_uint_eq(c[0], 12);
	ck_assert_uint_eq(c[1], 3);
	ck_assert_uint_eq(c[2], 2);
	ck_assert_int_eq(dg_stats_parse_row("LLM\t1\t2", 8, 1, key, c, &nf,
	    &bad), DG_EFIELDS);
	ck_assert_uint_eq(nf, 3);
	ck_assert_int_eq(dg_stats_parse_row("", 0, 1, key, c, &nf, &bad),
	    DG_EFIELDS);
	ck_assert_uint_eq(nf, 1);
	ck_assert_int_eq(dg_stats_parse_row("LLM\t1\tx\t2", 10, 1, key, c,
	    &nf, &bad), DG_ENUMBER);
	ck_assert_int_eq(bad, 2);
	ck_assert_int_eq(dg_stats_parse_row("LLM\t1\t2\t-3", 10, 1, key, c,
	    &nf, &bad), DG_ENUMBER);
	ck_assert_int_eq(bad, 3);
	ck_assert_int_eq(dg_stats_parse_row("L\t18446744073709551616\t1\t1",
	    26, 1, key, c, &nf, &bad), DG_ERANGE);
	ck_assert_int_eq(bad, 1);
	/* Fields after the counts are left. */
	ck_assert_int_eq(dg_stats_parse_row("k\t2\t1\t1\textra", 14, 1, key,
	    c, &nf, &bad), DG_OK);
	ck_assert_uint_eq(c[0], 2);
}
END_TEST

START_TEST(test_parse_row_of_two_key_columns)
{
	const char line[] = "2024-10\tLLM\t12\t3\t2";
	uint64_t c[3];
	dg_str key[2];
	size_t nf;
	int bad = 0;

	ck_assert_int_eq(dg_stats_parse_row(line, strlen(line), 2, key, c,
	    &nf, &bad), DG_OK);
	dg_check_str(key[0], "2024-10", "key 1");
	dg_check_str(key[1], "LLM", "key 2");
	ck_assert_uint_eq(c[0], 12);
	ck_assert_uint_eq(c[2], 2);
	/* A row of a one-key table is short of a count. */
	ck_assert_int_eq(dg_stats_parse_row("LLM\t12\t3\t2", 10, 2, key, c,
	    &nf, &bad), DG_EFIELDS);
	ck_assert_uint_eq(nf, 4);
	ck_assert_int_eq(dg_stats_parse_row("2024-10\tLLM\t1\tx\t1", 18, 2,
	    key, c, &nf, &bad), DG_ENUMBER);
	ck_assert_int_eq(bad, 2);
	ck_assert_int_eq(dg_stats_parse_row("\t\t0\t0\t0", 7, 2, key, c, &nf,
	    &bad), DG_OK);
	ck_assert_uint_eq(key[0].n + key[1].n, 0);
}
END_TEST

/* Does line read as a header of the keys named in want (a comma-
 * separated list; NULL: a header naming no key list)? */
static void
check_header(const char *line, const char *want)
{
	int keys[8];
	size_t n, i;
	dg_buf b = {0};
	dg_str got;
	int st = dg_stats_header(line, strlen(line), keys, 7, &n);

	if (want == NULL) {
		ck_assert_int_eq(st, 0);
		return;
	}
	ck_assert_int_eq(st, 1);
	for (i = 0; i < n; i++) {
		if (i > 0)
			ck_assert_int_eq(dg_buf_addc(&b, ','), DG_OK);
		ck_assert_int_eq(dg_buf_add(&b, dg_stats_key_names()[keys[i]],
		    strlen(dg_stats_key_names()[keys[i]])), DG_OK);
	}
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, line);
	dg_buf_free(&b);
}

START_TEST(test_header_names_the_key_columns)
{
	const char *h;
	int keys[8];
	size_t n;

	check_header("month\tsources\tsections\tdigests", "month");
	check_header("month\tcategory\tsources\tsections\tdigests",
	    "month,category");
	check_header("category\tkind\tdate\tmonth\tyear\tfile\tdomain"
	    "\tsources\tsections\tdigests",
	    "category,kind,date,month,year,file,domain");
	/* Names it does not know, a key twice, an empty name, case. */
	check_header("thing\tsources\tsections\tdigests", NULL);
	check_header("month\tthing\tsources\tsections\tdigests", NULL);
	check_header("month\tmonth\tsources\tsections\tdigests", NULL);
	check_header("\tsources\tsections\tdigests", NULL);
	check_header("month\t\tsources\tsections\tdigests", NULL);
	check_header("Month\tsources\tsections\tdigests", NULL);
	/* More keys than room. */
	h = "month\tcategory\tsources\tsections\tdigests";
	ck_assert_int_eq(dg_stats_header(h, strlen(h), keys, 1, &n), 0);
	h = "month\tsources\tsections";
	ck_assert_int_eq(dg_stats_header(h, strlen(h), keys, 7, &n), -1);
	h = "2024-10\t1\t1\t1";
	ck_assert_int_eq(dg_stats_header(h, strlen(h), keys, 7, &n), -1);
}
END_TEST

/* --- tables of more than one key ----------------------------------------- */

/* A table of the keys named in the comma-separated list names. */
static dg_stats *
TN(const char *names, size_t *n)
{
	int keys[8];
	const char *p = names, *comma;
	dg_stats *s;

	for (*n = 0;; p = comma + 1) {
		comma = strchr(p, ',');
		keys[*n] = dg_stats_key_lookup(p, comma != NULL ?
		    (size_t)(comma - p) : strlen(p));
		ck_assert_int_ge(keys[(*n)++], 0);
		if (comma == NULL)
			break;
	}
	s = dg_stats_new(keys, *n);
	ck_assert_ptr_nonnull(s);
	return s;
}

/* A record: date, kind, category, title, url, file, section. */
struct rec7 {
	const char *date, *kind, *cat, *title, *url, *file, *sec;
};

/* Adds the record r to s, whose key columns come from the fields of
 * the keys named in names. */
static int
add7(dg_stats *s, const char *names, const struct rec7 *r)
{
	dg_str f[8];
	const char *p = names, *comma;
	const char *fields[DG_NFIELDS] = { 0 };
	size_t n = 0;
	int k;

	fields[DG_F_DATE] = r->date;
	fields[DG_F_KIND] = r->kind;
	fields[DG_F_CATEGORY] = r->cat;
	fields[DG_F_TITLE] = r->title;
	fields[DG_F_URL] = r->url;
	fields[DG_F_FILE] = r->file;
	fields[DG_F_SECTION] = r->sec;
	for (;; p = comma + 1) {
		comma = strchr(p, ',');
		k = dg_stats_key_lookup(p, comma != NULL ?
		    (size_t)(comma - p) : strlen(p));
		f[n++] = S(fields[dg_stats_key_field(k)]);
		if (comma == NULL)
			break;
	}
	return dg_stats_add(s, f, S(r->title), S(r->url), S(r->file),
	    S(r->sec));
}

/* The rows of the records r counted by the keys in names, as text. */
static void
check7(const char *names, const struct rec7 *r, size_t nr, int bykey,
    const char *want)
{
	size_t n, i;
	dg_stats *s = TN(names, &n);

	for (i = 0; i < nr; i++)
		ck_assert_int_eq(add7(s, names, &r[i]), DG_OK);
	check_rows(s, bykey, want);
	dg_stats_free(s);
}

/* Two months, two digests each (one of them read again), categories
 * spelled three ways. */
static const struct rec7 months[] = {
	{ "2024-10-01", "Papers", "llm", "a", "http://a", "a.md", "1" },
	{ "2024-10-01", "Papers", "llm", "b", "", "a.md", "1" },
	{ "2024-10-01", "Papers", "Vision", "c", "", "a.md", "2" },
	{ "2024-10-02", "News", "LLM", "d", "", "b.md", "1" },
	{ "2024-10-02", "News", "", "", "", "b.md", "2" },
	{ "2024-11-05", "Papers", "Llm", "e", "", "c.md", "1" },
	{ "2024-11-05", "Papers", "vision ", "f", "", "c.md", "2" },
	{ "2024-11-06", "Papers", "LLM", "g", "", "d.md", "1" },
	{ "2024-10-01", "Papers", "llm", "a", "http://a", "a.md", "1" }
};
#define NMONTHS (sizeof(months) / sizeof(months[0]))

START_TEST(test_two_keys_count_per_pair)
{
	check7("month,category", months, NMONTHS, 1,
	    "2024-10\t\t0\t1\t1\n"
	    "2024-10\tLLM\t4\t2\t2\n"
	    "2024-10\tVision\t1\t1\t1\n"
	    "2024-11\tLLM\t2\t2\t2\n"
	    "2024-11\tVision\t1\t1\t1\n");
	check7("month,category", months, NMONTHS, 0,
	    "2024-10\tLLM\t4\t2\t2\n"
	    "2024-11\tLLM\t2\t2\t2\n"
	    "2024-10\tVision\t1\t1\t1\n"
	    "2024-11\tVision\t1\t1\t1\n"
	    "2024-10\t\t0\t1\t1\n");
	/* The other way round, and with a third key. */
	check7("category,month", months, NMONTHS, 1,
	    "\t2024-10\t0\t1\t1\n"
	    "LLM\t2024-10\t4\t2\t2\n"
	    "LLM\t2024-11\t2\t2\t2\n"
	    "Vision\t2024-10\t1\t1\t1\n"
	    "Vision\t2024-11\t1\t1\t1\n");
	check7("kind,month,file", months, NMONTHS, 1,
	    "News\t2024-10\tb.md\t1\t2\t1\n"
	    "Papers\t2024-10\ta.md\t4\t2\t1\n"
	    "Papers\t2024-11\tc.md\t2\t2\t1\n"
	    "Papers\t2024-11\td.md\t1\t1\t1\n");
}
END_TEST

START_TEST(test_one_spelling_per_category_in_every_row)
{
	/* "LLM" sorts first of the spellings, though 2024-10 has "llm"
	 * first and 2024-11 "Llm"; a kind folds alike, apart from the
	 * category. */
	static const struct rec7 r[] = {
		{ "2024-10-01", "papers", "llm", "a", "", "a.md", "1" },
		{ "2024-11-01", "Papers", "Llm", "b", "", "b.md", "1" },
		{ "2024-12-01", "PAPERS", "llm", "c", "", "c.md", "1" },
		{ "2024-09-01", "papers", "LLM", "d", "", "d.md", "1" },
		{ "2024-10-02", "news", "papers", "e", "", "e.md", "1" }
	};

	check7("month,category", r, 5, 1,
	    "2024-09\tLLM\t1\t1\t1\n"
	    "2024-10\tLLM\t1\t1\t1\n"
	    "2024-10\tpapers\t1\t1\t1\n"
	    "2024-11\tLLM\t1\t1\t1\n"
	    "2024-12\tLLM\t1\t1\t1\n");
	check7("kind,category", r, 5, 1,
	    "PAPERS\tLLM\t4\t4\t4\n"
	    "news\tpapers\t1\t1\t1\n");
}
END_TEST

/* The rows of s, each merged into m (a table of the same keys). */
static void
merge_rows(dg_stats *m, dg_stats *s)
{
	dg_stats_row *rows;
	dg_buf line = {0};
	dg_str key[8];
	uint64_t c[3];
	size_t i, n, nf;
	int bad;

	ck_assert_int_eq(dg_stats_rows(s, 1, &rows, &n), DG_OK);
	for (i = 0; i < n; i++) {
		line.len = 0;
		ck_assert_int_eq(dg_stats_format(&line, &rows[i]), DG_OK);
		ck_assert_int_eq(dg_stats_parse_row(line.p, line.len - 1,
		    rows[i].nkeys, key, c, &nf, &bad), DG_OK);
		ck_assert_int_eq(dg_stats_merge(m, key, c), DG_OK);
	}
	free(rows);
	dg_buf_free(&line);
}

START_TEST(test_merge_gives_one_spelling_and_adds_up)
{
	/* Shards of whole files, each with its own spellings: merged, they
	 * are one run, spelling and all. */
	static const size_t cut[] = { 0, 3, 5, NMONTHS - 1 };
	dg_stats *one, *m, *shard;
	dg_stats_row *r1, *r2;
	dg_buf b1 = {0}, b2 = {0};
	size_t i, j, n, n1, n2;

	one = TN("month,category", &n);
	m = TN("month,category", &n);
	for (i = 0; i + 1 < NMONTHS; i++)
		ck_assert_int_eq(add7(one, "month,category", &months[i]),
		    DG_OK);
	for (j = 0; j + 1 < sizeof(cut) / sizeof(cut[0]); j++) {
		shard = TN("month,category", &n);
		for (i = cut[j]; i < cut[j + 1]; i++)
			ck_assert_int_eq(add7(shard, "month,category",
			    &months[i]), DG_OK);
		merge_rows(m, shard);
		dg_stats_free(shard);
	}
	ck_assert_int_eq(dg_stats_rows(one, 0, &r1, &n1), DG_OK);
	ck_assert_int_eq(dg_stats_rows(m, 0, &r2, &n2), DG_OK);
	for (i = 0; i < n1; i++)
		ck_assert_int_eq(dg_stats_format(&b1, &r1[i]), DG_OK);
	for (i = 0; i < n2; i++)
		ck_assert_int_eq(dg_stats_format(&b2, &r2[i]), DG_OK);
	ck_assert_int_eq(dg_buf_addc(&b1, '\0'), DG_OK);
	ck_assert_int_eq(dg_buf_addc(&b2, '\0'), DG_OK);
	ck_assert_str_eq(b2.p, b1.p);
	ck_assert(strstr(b1.p, "2024-11\tLLM\t2\t2\t2\n") != NULL);
	free(r1);
	free(r2);
	dg_buf_free(&b1);
	dg_buf_free(&b2);
	dg_stats_free(one);
	dg_stats_free(m);

	/* Rows spelled apart merge to the one that sorts first. */
	m = TN("month,category", &n);
	{
		dg_str k[2];
		uint64_t c[3] = { 1, 1, 1 };

		k[0] = S("2024-10");
		k[1] = S("llm");
		ck_assert_int_eq(dg_stats_merge(m, k, c), DG_OK);
		k[0] = S("2024-11");
		k[1] = S("LLM");
		ck_assert_int_eq(dg_stats_merge(m, k, c), DG_OK);
		k[0] = S("2024-10");
		k[1] = S(" Llm\\t");
		ck_assert_int_eq(dg_stats_merge(m, k, c), DG_OK);
		k[1] = S("b\\q");
		ck_assert_int_eq(dg_stats_merge(m, k, c), DG_EESCAPE);
	}
	check_rows(m, 1, "2024-10\tLLM\t2\t2\t2\n2024-11\tLLM\t1\t1\t1\n");
	dg_stats_free(m);
}
END_TEST

START_TEST(test_sum_over_second_key_is_the_one_key_table)
{
	/* Each section has one category: summed over it, sources and
	 * sections per month are those of -b month. */
	dg_stats *two, *one;
	dg_stats_row *r2, *r1;
	size_t n, n1, n2, i, j;
	uint64_t src, sec;

	two = TN("month,category", &n);
	one = TN("month", &n);
	for (i = 0; i < NMONTHS; i++) {
		ck_assert_int_eq(add7(two, "month,category", &months[i]),
		    DG_OK);
		ck_assert_int_eq(add7(one, "month", &months[i]), DG_OK);
	}
	ck_assert_int_eq(dg_stats_rows(two, 1, &r2, &n2), DG_OK);
	ck_assert_int_eq(dg_stats_rows(one, 1, &r1, &n1), DG_OK);
	ck_assert_uint_eq(n1, 2);
	for (i = j = 0; i < n1; i++) {
		for (src = sec = 0; j < n2 && rowcmp(r2[j].key[0],
		    r1[i].key[0]) == 0; j++) {
			src += r2[j].sources;
			sec += r2[j].sections;
		}
		ck_assert_uint_eq(src, r1[i].sources);
		ck_assert_uint_eq(sec, r1[i].sections);
	}
	ck_assert_uint_eq(j, n2);
	free(r1);
	free(r2);
	dg_stats_free(two);
	dg_stats_free(one);
}
END_TEST

START_TEST(test_two_keys_bad_escape_counts_and_spells_nothing)
{
	/* A record with a bad escape in its second key field neither
	 * counts nor lends the first its spelling. */
	static const struct rec7 r[] = {
		{ "2024-10-01", "Papers", "llm", "a", "", "a.md", "1" },
		{ "2024-10-01", "bad\\q", "LLM", "b", "", "a.md", "2" },
		{ "2024-10-01", "bad\\q", "LLM", "b", "", "a.md", "2" },
		{ "2024-10-01", "Papers", "llm", "c", "", "a.md", "3" }
	};
	size_t n, i;
	dg_stats *s = TN("category,kind", &n);

	ck_assert_int_eq(add7(s, "category,kind", &r[0]), DG_OK);
	ck_assert_int_eq(add7(s, "category,kind", &r[1]), DG_EESCAPE);
	ck_assert_int_eq(add7(s, "category,kind", &r[2]), DG_EESCAPE);
	ck_assert_int_eq(add7(s, "category,kind", &r[3]), DG_OK);
	check_rows(s, 1, "llm\tPapers\t2\t2\t1\n");
	dg_stats_free(s);
	/* Nor the second key first. */
	s = TN("kind,category", &n);
	for (i = 0; i < 4; i++)
		(void)add7(s, "kind,category", &r[i]);
	check_rows(s, 1, "Papers\tllm\t2\t2\t1\n");
	dg_stats_free(s);
}
END_TEST

/*
 * Random streams of three fields (two dates, kinds and categories each)
 * counted by two keys against a brute-force count of each pair, in every
 * order of the pair; records disturbed as in the one-key test.
 */
START_TEST(test_two_keys_match_brute_force)
{
	static const char *const dates[] = { "2024-10-01", "2024-11-02" };
	static const char *const kinds[] = { "Papers", "News" };
	static const char *const cats[] = { "LLM", "Vision" };
	static const char *const files[] = { "a", "b", "c" };
	static const char *const secs[] = { "1", "2", "3" };
	struct rec7 r[60];
	uint64_t x = 0x853c49e6748fea9bull;
	size_t round, n, i, j, k, nk;
	uint64_t src, sec, dig, seen;
	dg_stats *s;
	dg_buf want = {0};
	char line[128];

	for (round = 0; round < 300; round++) {
		n = 1 + (size_t)(xorshift(&x) % 60);
		for (i = 0; i < n; i++) {
			k = (size_t)(xorshift(&x) % 3);
			r[i].date = dates[k % 2];
			r[i].kind = kinds[xorshift(&x) % 2];
			r[i].cat = cats[xorshift(&x) % 2];
			r[i].title = xorshift(&x) % 4 ? "t" : "";
			r[i].url = "";
			r[i].file = files[k];
			r[i].sec = secs[xorshift(&x) % 3];
		}
		/* By kind, then category. */
		want.len = 0;
		for (j = 0; j < 4; j++) {
			src = sec = dig = 0;
			for (i = 0; i < n; i++) {
				if (strcmp(r[i].kind, kinds[j / 2 == 0 ? 1 : 0]) ||
				    strcmp(r[i].cat, cats[j % 2]))
					continue;
				src += r[i].title[0] != '\0';
				for (seen = 0, k = 0; k < i && !seen; k++)
					seen = r[k].kind == r[i].kind &&
					    r[k].cat == r[i].cat &&
					    r[k].file == r[i].file &&
					    r[k].sec == r[i].sec;
				sec += !seen;
				for (seen = 0, k = 0; k < i && !seen; k++)
					seen = r[k].kind == r[i].kind &&
					    r[k].cat == r[i].cat &&
					    r[k].file == r[i].file;
				dig += !seen;
			}
			if (dig == 0)
				continue;
			snprintf(line, sizeof(line), "%s\t%s\t%ju\t%ju\t%ju\n",
			    kinds[j / 2 == 0 ? 1 : 0], cats[j % 2],
			    (uintmax_t)src, (uintmax_t)sec, (uintmax_t)dig);
			ck_assert_int_eq(dg_buf_add(&want, line, strlen(line)),
			    DG_OK);
		}
		ck_assert_int_eq(dg_buf_addc(&want, '\0'), DG_OK);
		s = TN("kind,category", &nk);
		for (i = 0; i < n; i++)
			ck_assert_int_eq(add7(s, "kind,category", &r[i]),
			    DG_OK);
		check_rows(s, 1, want.p);
		dg_stats_free(s);
	}
	dg_buf_free(&want);
}
END_TEST

static Suite *
stats_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("stats");

	/* Many keys take a while under the sanitizers. */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_key_table_names_fields_folding);
	tcase_add_test(tc, test_category_key_normalises_blanks_keeps_case);
	tcase_add_test(tc, test_fold_lowers_ascii_only_and_normalises_blanks);
	tcase_add_test(tc, test_month_is_yyyy_mm_of_the_date);
	tcase_add_test(tc, test_year_is_yyyy_of_the_date);
	tcase_add_test(tc, test_date_and_file_keys_are_the_field_as_is);
	tcase_add_test(tc,
	    test_domain_is_host_lowercased_without_www_port_userinfo);
	tcase_add_test(tc, test_host_keeps_case_and_slices_the_url);
	tcase_add_test(tc, test_counts_sources_sections_digests);
	tcase_add_test(tc, test_category_groups_folded_shows_first_spelling);
	tcase_add_test(tc, test_sort_most_sources_then_key_bytes);
	tcase_add_test(tc, test_empty_key_is_counted_and_shown_empty);
	tcase_add_test(tc, test_key_is_unescaped_then_escaped_on_output);
	tcase_add_test(tc, test_counts_are_exact_whatever_the_record_order);
	tcase_add_test(tc, test_a_file_read_twice_counts_its_sections_once);
	tcase_add_test(tc, test_counts_match_brute_force_in_order_or_not);
	tcase_add_test(tc, test_merge_sums_and_refolds_spelling);
	tcase_add_test(tc, test_merge_overflow_is_an_error_not_a_wrap);
	tcase_add_test(tc, test_many_keys_are_each_counted_and_sorted);
	tcase_add_test(tc, test_long_files_and_sections_compare_whole);
	tcase_add_test(tc, test_sort_compares_keys_past_a_shared_prefix);
	tcase_add_test(tc,
	    test_sort_of_many_keys_sharing_prefixes_is_byte_order);
	tcase_add_test(tc, test_sort_by_counts_of_every_size);
	tcase_add_test(tc,
	    test_field_coming_back_after_others_counts_with_its_key);
	tcase_add_test(tc, test_parse_row_reads_key_and_three_counts);
	tcase_add_test(tc, test_parse_row_of_two_key_columns);
	tcase_add_test(tc, test_header_names_the_key_columns);
	tcase_add_test(tc, test_two_keys_count_per_pair);
	tcase_add_test(tc, test_one_spelling_per_category_in_every_row);
	tcase_add_test(tc, test_merge_gives_one_spelling_and_adds_up);
	tcase_add_test(tc, test_sum_over_second_key_is_the_one_key_table);
	tcase_add_test(tc,
	    test_two_keys_bad_escape_counts_and_spells_nothing);
	tcase_add_test(tc, test_two_keys_match_brute_force);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(stats_suite());
}
