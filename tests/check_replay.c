/*
 * check_replay.c - replays saved inputs through the fuzz harnesses, so
 * every crash once found (tests/replay/TARGET/) and every committed seed
 * (fuzz/corpus/TARGET/) stays checked by `make check` and `make san`
 * without libFuzzer.  A harness aborts on a broken property, which fails
 * the test.  Run from the top of the tree, as `make check` does.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "../fuzz/fuzz.h"

typedef int (*harness)(const uint8_t *, size_t);

/* Runs every file of dir through h; returns how many, or -1 when dir
 * is absent (tests/replay/TARGET is there only once a crash was
 * found). */
static long
replay_dir(const char *dir, harness h)
{
	char path[4096];
	struct dirent *e;
	DIR *d;
	FILE *f;
	char *buf;
	size_t n;
	long count = 0;

	if ((d = opendir(dir)) == NULL) {
		ck_assert_msg(errno == ENOENT, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		ck_assert_msg((f = fopen(path, "rb")) != NULL, "%s", path);
		/* The inputs are small: a fuzzer's -max_len at most. */
		ck_assert((buf = malloc(1 << 20)) != NULL);
		n = fread(buf, 1, 1 << 20, f);
		ck_assert_msg(!ferror(f) && feof(f), "%s: not read whole", path);
		fclose(f);
		h((const uint8_t *)buf, n);
		free(buf);
		count++;
	}
	closedir(d);
	return count;
}

static void
replay(const char *target, harness h)
{
	char dir[256];
	long seeds;

	snprintf(dir, sizeof(dir), "tests/replay/%s", target);
	replay_dir(dir, h);
	/* A target without seeds would replay nothing but the empty input
	 * and pass whatever the harness does. */
	snprintf(dir, sizeof(dir), "fuzz/corpus/%s", target);
	seeds = replay_dir(dir, h);
	ck_assert_msg(seeds >= 1, "%s: no seed inputs", dir);
	/* The empty input, always. */
	h((const uint8_t *)"", 0);
}

START_TEST(test_replay_finds_the_saved_inputs)
{
	DIR *d = opendir("tests/replay");

	ck_assert_msg(d != NULL,
	    "tests/replay missing: run from the top of the tree");
	closedir(d);
}
END_TEST

START_TEST(test_replay_parse_keeps_records_lossless)
{
	replay("parse", fuzz_parse);
}
END_TEST

START_TEST(test_replay_tsv_escapes_round_trip)
{
	replay("tsv", fuzz_tsv);
}
END_TEST

START_TEST(test_replay_glob_matches_like_fnmatch)
{
	replay("glob", fuzz_glob);
}
END_TEST

START_TEST(test_replay_links_write_valid_json_and_markdown)
{
	replay("links", fuzz_links);
}
END_TEST

START_TEST(test_replay_stats_merge_adds_up)
{
	replay("stats", fuzz_stats);
}
END_TEST

START_TEST(test_replay_chart_is_well_formed_xml)
{
	replay("chart", fuzz_chart);
}
END_TEST

START_TEST(test_replay_alias_renames_as_the_first_matching_line)
{
	replay("alias", fuzz_alias);
}
END_TEST

/* dg_str allows p == NULL when n == 0; every function taking one must
 * too (UBSan: pointer arithmetic on NULL, memcmp/memchr on NULL). */
START_TEST(test_empty_null_strings_are_accepted)
{
	dg_buf b = { NULL, 0, 0 };
	dg_str f[1];

	ck_assert_int_eq(dg_tsv_escape(&b, NULL, 0), DG_OK);
	ck_assert_int_eq(dg_tsv_unescape(&b, NULL, 0, NULL), DG_OK);
	ck_assert_uint_eq(dg_tsv_split(NULL, 0, f, 1), 1);
	ck_assert_uint_eq(b.len, 0);
	dg_buf_free(&b);
}
END_TEST

static Suite *
replay_suite(void)
{
	Suite *s = suite_create("replay");
	TCase *tc = tcase_create("replay");

	/* Replays run the full property checks under sanitizers. */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_replay_finds_the_saved_inputs);
	tcase_add_test(tc, test_replay_parse_keeps_records_lossless);
	tcase_add_test(tc, test_replay_tsv_escapes_round_trip);
	tcase_add_test(tc, test_replay_glob_matches_like_fnmatch);
	tcase_add_test(tc, test_replay_links_write_valid_json_and_markdown);
	tcase_add_test(tc, test_replay_stats_merge_adds_up);
	tcase_add_test(tc, test_replay_chart_is_well_formed_xml);
	tcase_add_test(tc, test_replay_alias_renames_as_the_first_matching_line);
	tcase_add_test(tc, test_empty_null_strings_are_accepted);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(replay_suite());
}
