/* Unit tests of stats.c: keys, folding, counting, merging, sorting. */
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "dg/stats.h"

static dg_str
S(const char *s)
{
	dg_str r;

	r.p = s;
	r.n = strlen(s);
	return r;
}

static void
check_key(enum dg_stats_by by, const char *in, const char *want)
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

	ck_assert_int_eq(dg_stats_fold(&b, in, strlen(in)), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, in);
	dg_buf_free(&b);
}

START_TEST(test_by_names_round_trip)
{
	int i;

	for (i = 0; i < DG_BY_N; i++)
		ck_assert_int_eq(dg_stats_by_lookup(dg_stats_by_names[i],
		    strlen(dg_stats_by_names[i])), i);
	ck_assert_int_eq(dg_stats_by_lookup("Category", 8), -1);
	ck_assert_int_eq(dg_stats_by_lookup("cat", 3), -1);
	ck_assert_int_eq(dg_stats_by_field(DG_BY_MONTH), DG_F_DATE);
	ck_assert_int_eq(dg_stats_by_field(DG_BY_DOMAIN), DG_F_URL);
	ck_assert_int_eq(dg_stats_by_field(DG_BY_FILE), DG_F_FILE);
}
END_TEST

START_TEST(test_category_key_normalises_blanks_keeps_case)
{
	check_key(DG_BY_CATEGORY, "  Model \t Training\n\nTechnique  ",
	    "Model Training Technique");
	check_key(DG_BY_KIND, "News", "News");
	check_key(DG_BY_CATEGORY, " \t ", "");
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
	check_key(DG_BY_MONTH, "2024-10-19", "2024-10");
	check_key(DG_BY_MONTH, "2024-10", "2024-10");
	check_key(DG_BY_MONTH, "", "");
	check_key(DG_BY_MONTH, "2024/10/19", "");
	check_key(DG_BY_MONTH, "24-10-19", "");
}
END_TEST

START_TEST(test_year_is_yyyy_of_the_date)
{
	check_key(DG_BY_YEAR, "2024-10-19", "2024");
	check_key(DG_BY_YEAR, "", "");
	check_key(DG_BY_YEAR, "Oct 2024", "");
}
END_TEST

START_TEST(test_date_and_file_keys_are_the_field_as_is)
{
	check_key(DG_BY_DATE, "2024-10-19", "2024-10-19");
	check_key(DG_BY_FILE, "digests/A B.md", "digests/A B.md");
}
END_TEST

START_TEST(test_domain_is_host_lowercased_without_www_port_userinfo)
{
	check_key(DG_BY_DOMAIN, "http://arxiv.org/abs/2410.13754v1",
	    "arxiv.org");
	check_key(DG_BY_DOMAIN, "https://WWW.Nature.COM/articles/x",
	    "nature.com");
	check_key(DG_BY_DOMAIN, "https://user:pw@www.example.org:8443/p?q#f",
	    "example.org");
	check_key(DG_BY_DOMAIN, "https://example.org?q=1", "example.org");
	check_key(DG_BY_DOMAIN, "https://example.org#top", "example.org");
	check_key(DG_BY_DOMAIN, "http://[2001:db8::1]:80/x", "[2001:db8::1]");
	check_key(DG_BY_DOMAIN, "www.example.com/x", "example.com");
	check_key(DG_BY_DOMAIN, "https://www./x", "www.");
	check_key(DG_BY_DOMAIN, "https://wwwx.org/", "wwwx.org");
	check_key(DG_BY_DOMAIN, "https://a.b/p@q", "a.b");
	check_key(DG_BY_DOMAIN, "", "");
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
	return dg_stats_add(s, S(key), S(title), S(url), S(file), S(section));
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
	dg_stats *s = dg_stats_new(DG_BY_CATEGORY);

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
	dg_stats *s = dg_stats_new(DG_BY_CATEGORY);

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
	dg_stats *s = dg_stats_new(DG_BY_DATE);

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
	dg_stats *s = dg_stats_new(DG_BY_DOMAIN);

	ck_assert_ptr_nonnull(s);
	add(s, "", "untitled link", "", "f1", "1");
	add(s, "http://x.org/", "t", "http://x.org/", "f1", "1");
	check_rows(s, 1, "\t1\t1\t1\nx.org\t1\t1\t1\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_key_is_unescaped_then_escaped_on_output)
{
	dg_stats *s = dg_stats_new(DG_BY_FILE);

	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(add(s, "a\\tb\\\\c", "t", "", "a\\tb\\\\c", "1"),
	    DG_OK);
	ck_assert_int_eq(add(s, "bad\\q", "t", "", "bad\\q", "1"),
	    DG_EESCAPE);
	check_rows(s, 0, "a\\tb\\\\c\t1\t1\t1\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_file_coming_back_is_flagged_as_disorder)
{
	dg_stats *s = dg_stats_new(DG_BY_CATEGORY);

	ck_assert_ptr_nonnull(s);
	add(s, "A", "t", "", "f1", "1");
	add(s, "A", "t", "", "f1", "2");
	ck_assert_int_eq(dg_stats_disorder(s), 0);
	add(s, "A", "t", "", "f1", "1");
	ck_assert_int_eq(dg_stats_disorder(s), 1);
	ck_assert_int_eq(dg_stats_disorder(s), 0);
	dg_stats_free(s);
}
END_TEST

START_TEST(test_merge_sums_and_refolds_spelling)
{
	dg_stats *s = dg_stats_new(DG_BY_CATEGORY);
	uint64_t a[3] = {5, 2, 1}, b[3] = {1, 1, 1};

	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(dg_stats_merge(s, S("Model training"), a), DG_OK);
	ck_assert_int_eq(dg_stats_merge(s, S("Model Training"), b), DG_OK);
	ck_assert_int_eq(dg_stats_merge(s, S("LLM"), b), DG_OK);
	check_rows(s, 0, "Model Training\t6\t3\t2\nLLM\t1\t1\t1\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_merge_overflow_is_an_error_not_a_wrap)
{
	dg_stats *s = dg_stats_new(DG_BY_DATE);
	uint64_t big[3] = {UINT64_MAX - 1, 1, 1}, two[3] = {2, 1, 1};
	uint64_t one[3] = {1, 1, 1};

	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(dg_stats_merge(s, S("d"), big), DG_OK);
	ck_assert_int_eq(dg_stats_merge(s, S("d"), two), DG_EOVERFLOW);
	/* Nothing of the failed line was added. */
	check_rows(s, 0, "d\t18446744073709551614\t1\t1\n");
	ck_assert_int_eq(dg_stats_merge(s, S("d"), one), DG_OK);
	check_rows(s, 0, "d\t18446744073709551615\t2\t2\n");
	dg_stats_free(s);
}
END_TEST

START_TEST(test_parse_row_reads_key_and_three_counts)
{
	const char line[] = "LLM\t12\t3\t2";
	uint64_t c[3];
	dg_str key;
	size_t nf;
	int bad = 0;

	ck_assert_int_eq(dg_stats_parse_row(line, strlen(line), &key, c, &nf,
	    &bad), DG_OK);
	dg_check_str(key, "LLM", "key");
	ck_assert_uint_eq(c[0], 12);
	ck_assert_uint_eq(c[1], 3);
	ck_assert_uint_eq(c[2], 2);
	ck_assert_int_eq(dg_stats_parse_row("LLM\t1\t2", 8, &key, c, &nf,
	    &bad), DG_EFIELDS);
	ck_assert_uint_eq(nf, 3);
	ck_assert_int_eq(dg_stats_parse_row("LLM\t1\tx\t2", 10, &key, c, &nf,
	    &bad), DG_ENUMBER);
	ck_assert_int_eq(bad, 2);
	ck_assert_int_eq(dg_stats_parse_row("LLM\t1\t2\t-3", 10, &key, c,
	    &nf, &bad), DG_ENUMBER);
	ck_assert_int_eq(bad, 3);
	ck_assert_int_eq(dg_stats_parse_row("L\t18446744073709551616\t1\t1",
	    26, &key, c, &nf, &bad), DG_ERANGE);
	ck_assert_int_eq(bad, 1);
}
END_TEST

START_TEST(test_header_names_the_key_column)
{
	const char *h = "month\tsources\tsections\tdigests";

	ck_assert_int_eq(dg_stats_header(h, strlen(h)), DG_BY_MONTH);
	h = "thing\tsources\tsections\tdigests";
	ck_assert_int_eq(dg_stats_header(h, strlen(h)), DG_BY_N);
	h = "month\tsources\tsections";
	ck_assert_int_eq(dg_stats_header(h, strlen(h)), -1);
	h = "a\tb\tsources\tsections\tdigests";
	ck_assert_int_eq(dg_stats_header(h, strlen(h)), -1);
}
END_TEST

static Suite *
stats_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("stats");

	tcase_add_test(tc, test_by_names_round_trip);
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
	tcase_add_test(tc, test_file_coming_back_is_flagged_as_disorder);
	tcase_add_test(tc, test_merge_sums_and_refolds_spelling);
	tcase_add_test(tc, test_merge_overflow_is_an_error_not_a_wrap);
	tcase_add_test(tc, test_parse_row_reads_key_and_three_counts);
	tcase_add_test(tc, test_header_names_the_key_column);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(stats_suite());
}
