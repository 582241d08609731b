/* Unit tests of the first record of each source: lib/unique_int.h
 * (SPEC.md §5, dg-cat -u and dg-links -u). */
#include <sys/resource.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "unique_int.h"

/* The sanitizers' allocators end the process rather than fail under a
 * memory limit: their builds leave out the test that runs out. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SANITIZED 1
#endif
#endif

/* What a batch handed on: its runs, each as "[text]". */
static void
gather(void *arg, const char *p, size_t n)
{
	dg_buf *b = arg;

	ck_assert(dg_buf_addc(b, '[') == DG_OK);
	ck_assert(dg_buf_add(b, p, n) == DG_OK);
	ck_assert(dg_buf_addc(b, ']') == DG_OK);
}

/* The table, the batch being made, and what the last batch handed on. */
static dg_hash *seen;
static dg_buf lines, notes, got;

static void
setup(void)
{
	ck_assert_ptr_nonnull(seen = dg_hash_new(0));
	memset(&lines, 0, sizeof(lines));
	memset(&notes, 0, sizeof(notes));
	memset(&got, 0, sizeof(got));
}

static void
teardown(void)
{
	dg_hash_free(seen);
	dg_buf_free(&lines);
	dg_buf_free(&notes);
	dg_buf_free(&got);
}

/* Adds the line "text\n" to the batch, with key (NULL: none). */
static void
add(const char *text, const char *key)
{
	ck_assert(dg_buf_add(&lines, text, strlen(text)) == DG_OK);
	ck_assert(dg_buf_addc(&lines, '\n') == DG_OK);
	ck_assert(dg_unique_note(&notes, strlen(text) + 1, key,
	    key != NULL ? strlen(key) : 0) == DG_OK);
}

/* Runs the batch through seen; returns what dg_unique_block did, with
 * the runs it handed on in got, and starts a new batch. */
static int
run(void)
{
	int kept;

	got.len = 0;
	kept = dg_unique_block(seen, lines.p, &notes, gather, &got);
	lines.len = 0;
	notes.len = 0;
	return kept;
}

/* What the last batch handed on is want. */
static void
got_is(const char *want)
{
	dg_check_str((dg_str){got.p, got.len}, want, "runs");
}

START_TEST(test_a_batch_keeps_the_first_line_of_each_source)
{
	add("a1", "url:a");
	add("b1", "url:b");
	add("a2", "url:a");
	add("c1", "url:c");
	add("b2", "url:b");
	add("b3", "url:b");
	add("d1", "url:d");
	ck_assert_int_eq(run(), 1);
	/* Each repeat ends a run of lines kept. */
	got_is("[a1\nb1\n][c1\n][d1\n]");
}
END_TEST

START_TEST(test_a_line_without_identity_is_always_kept)
{
	add("x", NULL);
	add("x", NULL);
	add("", NULL);
	ck_assert_int_eq(run(), 1);
	got_is("[x\nx\n\n]");
}
END_TEST

START_TEST(test_a_source_seen_in_an_earlier_batch_is_a_repeat)
{
	add("a1", "url:a");
	ck_assert_int_eq(run(), 1);
	add("a2", "url:a");
	add("e", "");	/* an empty key is a key */
	add("e", "");
	ck_assert_int_eq(run(), 1);
	got_is("[e\n]");
	add("a3", "url:a");
	/* Nothing kept: 0, and nothing handed on. */
	ck_assert_int_eq(run(), 0);
	ck_assert_uint_eq(got.len, 0);
	/* An empty batch keeps nothing. */
	ck_assert_int_eq(run(), 0);
}
END_TEST

/* dg-cat puts the keys of a block gone over line by line (for its
 * messages) with dg_hash_put, the others through notes: one table. */
START_TEST(test_a_key_put_one_way_is_a_repeat_the_other)
{
	int created;

	ck_assert_ptr_nonnull(dg_hash_put(seen, "url:a", 5, &created));
	add("a", "url:a");
	add("b", "url:b");
	ck_assert_int_eq(run(), 1);
	got_is("[b\n]");
	ck_assert_ptr_nonnull(dg_hash_put(seen, "url:b", 5, &created));
	ck_assert_int_eq(created, 0);
}
END_TEST

#ifndef SANITIZED
/* Limits the process's address space to what it has now and extra
 * bytes more; 0 when the size now cannot be known (no /proc). */
static int
limit_memory(size_t extra)
{
	struct rlimit lim;
	unsigned long pages;
	FILE *f = fopen("/proc/self/statm", "r");

	if (f == NULL)
		return 0;
	ck_assert_int_eq(fscanf(f, "%lu", &pages), 1);
	fclose(f);
	ck_assert_int_eq(getrlimit(RLIMIT_AS, &lim), 0);
	lim.rlim_cur = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + extra;
	ck_assert_int_eq(setrlimit(RLIMIT_AS, &lim), 0);
	return 1;
}

/* Memory that runs out on a key still hands on the lines kept before
 * it, as a reader putting one line at a time would have written them:
 * -1, with the runs up to that key. */
START_TEST(test_lines_kept_before_memory_runs_out_are_handed_on)
{
	enum { BIG = 64 << 20 };
	dg_buf big = {0};

	ck_assert(dg_buf_reserve(&big, BIG + 1) == DG_OK);
	memset(big.p, 'k', BIG);
	big.p[BIG] = '\0';
	add("a1", "url:a");
	add("b1", "url:b");
	add("a2", "url:a");
	add("c1", "url:c");
	add("d1", "url:d");
	/* A key the table has no room left for. */
	add("big", big.p);
	add("e1", "url:e");
	ck_assert(dg_buf_reserve(&got, 4096) == DG_OK);
	if (limit_memory(BIG / 4)) {
		ck_assert_int_eq(run(), -1);
		got_is("[a1\nb1\n][c1\nd1\n]");
	}
	dg_buf_free(&big);
}
END_TEST
#endif

/* Key i of the many-keys test: its digits, then k's, cut to i % 40
 * bytes, so that keys of every length up to 39 come, and some meet. */
static size_t
many_key(char key[64], int i)
{
	memset(key, 'k', 64);
	snprintf(key, 64, "%d", i);
	key[strlen(key)] = 'k';
	key[i % 40] = '\0';
	return strlen(key);
}

/* Many keys, each twice, in batches longer than the look-ahead and
 * across the table's growth: the lines kept are exactly as many as the
 * distinct keys, as a table filled key by key counts them. */
START_TEST(test_many_keys_of_every_length_each_kept_once)
{
	enum { KEYS = 5000 };
	dg_hash *check = dg_hash_new(0);
	dg_buf all = {0};
	char key[64], text[32];
	size_t n, kept = 0, lf = 0, k;
	int i, pass, created;

	ck_assert_ptr_nonnull(check);
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < KEYS; i++) {
			n = many_key(key, i);
			ck_assert_ptr_nonnull(dg_hash_put(check, key, n,
			    &created));
			kept += created;
			snprintf(text, sizeof(text), "%d", i);
			add(text, key);
			if (i % 97 == 0 || i == KEYS - 1) {
				(void)run();
				ck_assert(dg_buf_add(&all, got.p, got.len) ==
				    DG_OK);
			}
		}
	for (k = 0; k < all.len; k++)
		lf += all.p[k] == '\n';
	ck_assert_uint_eq(lf, kept);
	ck_assert_uint_eq(dg_hash_count(seen), kept);
	dg_hash_free(check);
	dg_buf_free(&all);
}
END_TEST

/* The identity of the first record of a dg TSV text. */
static int
key_of(const char *tsv, dg_buf *key, enum dg_ident *kind,
    enum dg_field *bad)
{
	dg_tsvin *t = dg_tsvin_new_mem(tsv, strlen(tsv),
	    1u << DG_F_URL | 1u << DG_F_TITLE);
	dg_buf scratch = {0};
	int st;

	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(dg_tsvin_next(t), DG_OK);
	st = dg_unique_key(t, &scratch, key, kind, bad);
	dg_tsvin_free(t);
	dg_buf_free(&scratch);
	return st;
}

START_TEST(test_the_identity_is_the_url_else_the_title)
{
	dg_buf key = {0};
	enum dg_ident kind;
	enum dg_field bad;

	ck_assert_int_eq(key_of("2024-01-01\tPapers\tLLM\tA  Title\t"
	    "http://WWW.Example.org/a/\tf.md\t1\t\ts\n", &key, &kind, &bad),
	    DG_OK);
	ck_assert_int_eq(kind, DG_IDENT_URL);
	dg_check_str((dg_str){key.p, key.len}, "url://example.org/a", "url");
	/* The title plays no part beside a URL, even with a bad escape. */
	ck_assert_int_eq(key_of("2024-01-01\tPapers\tLLM\tbad \\q\t"
	    "https://arxiv.org/abs/2410.13754v2\tf.md\t1\t\ts\n", &key, &kind,
	    &bad), DG_OK);
	ck_assert_int_eq(kind, DG_IDENT_ARXIV);
	dg_check_str((dg_str){key.p, key.len}, "arXiv:2410.13754", "arxiv");
	ck_assert_int_eq(key_of("2024-01-01\tPapers\tLLM\tDeep\\tLearning\t"
	    "\tf.md\t1\t\ts\n", &key, &kind, &bad), DG_OK);
	ck_assert_int_eq(kind, DG_IDENT_TITLE);
	dg_check_str((dg_str){key.p, key.len}, "title:deep learning",
	    "title");
	ck_assert_int_eq(key_of("2024-01-01\tPapers\tLLM\t\t\tf.md\t1\t\ts\n",
	    &key, &kind, &bad), DG_OK);
	ck_assert_int_eq(kind, DG_IDENT_NONE);
	ck_assert_uint_eq(key.len, 0);
	dg_buf_free(&key);
}
END_TEST

START_TEST(test_a_bad_escape_names_its_field)
{
	dg_buf key = {0};
	enum dg_ident kind;
	enum dg_field bad;

	ck_assert_int_ne(key_of("2024-01-01\tPapers\tLLM\tT\thttp://a/\\q\t"
	    "f.md\t1\t\ts\n", &key, &kind, &bad), DG_OK);
	ck_assert_int_eq(bad, DG_F_URL);
	ck_assert_int_ne(key_of("2024-01-01\tPapers\tLLM\tT\\q\t\tf.md\t1\t"
	    "\ts\n", &key, &kind, &bad), DG_OK);
	ck_assert_int_eq(bad, DG_F_TITLE);
	dg_buf_free(&key);
}
END_TEST

static Suite *
unique_suite(void)
{
	Suite *s = suite_create("unique");
	TCase *tc = tcase_create("unique");

	tcase_add_checked_fixture(tc, setup, teardown);

	tcase_add_test(tc, test_a_batch_keeps_the_first_line_of_each_source);
	tcase_add_test(tc, test_a_line_without_identity_is_always_kept);
	tcase_add_test(tc, test_a_source_seen_in_an_earlier_batch_is_a_repeat);
	tcase_add_test(tc, test_a_key_put_one_way_is_a_repeat_the_other);
	tcase_add_test(tc, test_many_keys_of_every_length_each_kept_once);
#ifndef SANITIZED
	tcase_add_test(tc,
	    test_lines_kept_before_memory_runs_out_are_handed_on);
#endif
	tcase_add_test(tc, test_the_identity_is_the_url_else_the_title);
	tcase_add_test(tc, test_a_bad_escape_names_its_field);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(unique_suite());
}
