/* Unit tests of the sources of a document (dg-links -f atom, -f html):
 * dg-links(1) on titles and dates, cmd/dg-links/doc.h. */
#include <string.h>

#include "check_util.h"
#include "../cmd/dg-links/doc.h"

static dg_str
str(const char *s)
{
	dg_str r = { s, strlen(s) };

	return r;
}

/* Adds a source of the given date, kind, category and summary. */
static void
add(dg_doc *d, const char *date, const char *kind, const char *cat,
    const char *summary)
{
	dg_src s;

	memset(&s, 0, sizeof(s));
	s.date = str(date);
	s.kind = str(kind);
	s.category = str(cat);
	s.title = str("T");
	s.url = str("https://example.org/");
	s.summary = str(summary);
	s.key = str("url://example.org");
	ck_assert_int_eq(dg_doc_add(d, &s), DG_OK);
}

static void
title_is(const dg_doc *d, const dg_docopt *o, const char *want)
{
	dg_buf b = {0};
	dg_str got;

	ck_assert_int_eq(dg_doc_title(d, o, &b), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, "title");
	dg_buf_free(&b);
}

START_TEST(test_doc_date_is_a_calendar_date)
{
	ck_assert(dg_doc_date(str("2024-10-19")));
	ck_assert(dg_doc_date(str("2024-02-29")));
	ck_assert(dg_doc_date(str("2000-02-29")));
	ck_assert(dg_doc_date(str("0001-01-01")));
	ck_assert(!dg_doc_date(str("2023-02-29")));
	ck_assert(!dg_doc_date(str("1900-02-29")));
	ck_assert(!dg_doc_date(str("2024-02-30")));
	ck_assert(!dg_doc_date(str("2024-04-31")));
	ck_assert(!dg_doc_date(str("2024-13-01")));
	ck_assert(!dg_doc_date(str("2024-00-10")));
	ck_assert(!dg_doc_date(str("2024-10-00")));
	ck_assert(!dg_doc_date(str("2024-10-1")));
	ck_assert(!dg_doc_date(str("2024_10_19")));
	ck_assert(!dg_doc_date(str("2024-1a-19")));
	ck_assert(!dg_doc_date(str("")));
}
END_TEST

START_TEST(test_doc_title_names_the_selection)
{
	dg_doc *d = dg_doc_new();
	dg_docopt o;

	memset(&o, 0, sizeof(o));
	title_is(d, &o, "Sources");
	add(d, "2024-10-19", "Papers", "LLM", "");
	title_is(d, &o, "Papers: LLM");
	/* Kinds and categories group with case and blanks folded. */
	add(d, "2024-10-19", "papers", "llm", "");
	add(d, "2024-10-19", "News", " Vision  Models", "");
	add(d, "2024-10-19", "", "vision models", "");
	title_is(d, &o, "Papers, News: LLM,  Vision  Models");
	add(d, "2024-10-20", "Papers", "Robotics", "");
	add(d, "2024-10-20", "Papers", "Biology", "");
	add(d, "2024-10-20", "Papers", "Quantum", "");
	title_is(d, &o, "Papers, News: LLM,  Vision  Models, Robotics and 2 more");
	dg_doc_free(d);
}
END_TEST

START_TEST(test_doc_title_given_wins)
{
	dg_doc *d = dg_doc_new();
	dg_docopt o;

	memset(&o, 0, sizeof(o));
	add(d, "2024-10-19", "Papers", "LLM", "");
	o.title = str("");
	o.has_title = 1;
	title_is(d, &o, "");
	o.title = str("My <list>");
	title_is(d, &o, "My <list>");
	dg_doc_free(d);
}
END_TEST

START_TEST(test_doc_title_without_kinds)
{
	dg_doc *d = dg_doc_new();
	dg_docopt o;

	memset(&o, 0, sizeof(o));
	add(d, "", "", "LLM", "");
	title_is(d, &o, "LLM");
	dg_doc_free(d);
	d = dg_doc_new();
	add(d, "", "News", "", "");
	title_is(d, &o, "News");
	dg_doc_free(d);
}
END_TEST

START_TEST(test_doc_latest_is_the_latest_real_date)
{
	dg_doc *d = dg_doc_new();

	dg_check_str(dg_doc_latest(d), "", "latest");
	add(d, "2024-10-19", "", "", "");
	add(d, "2024-13-01", "", "", "");
	add(d, "9999", "", "", "");
	add(d, "", "", "", "");
	add(d, "2024-11-02", "", "", "");
	add(d, "2024-10-30", "", "", "");
	dg_check_str(dg_doc_latest(d), "2024-11-02", "latest");
	dg_doc_free(d);
}
END_TEST

START_TEST(test_doc_keeps_copies_and_shares_a_summary)
{
	dg_doc *d = dg_doc_new();
	char date[] = "2024-10-19", sum[] = "one summary";

	add(d, date, "Papers", "LLM", sum);
	add(d, date, "Papers", "LLM", sum);
	add(d, date, "Papers", "LLM", "another");
	memset(date, 'x', sizeof(date) - 1);
	ck_assert_uint_eq(dg_doc_count(d), 3);
	dg_check_str(dg_doc_get(d, 0)->date, "2024-10-19", "copy");
	ck_assert_ptr_ne(dg_doc_get(d, 0)->date.p, date);
	ck_assert_ptr_eq(dg_doc_get(d, 0)->summary.p,
	    dg_doc_get(d, 1)->summary.p);
	dg_check_str(dg_doc_get(d, 2)->summary, "another", "summary");
	dg_doc_free(d);
}
END_TEST

static Suite *
doc_suite(void)
{
	Suite *s = suite_create("doc");
	TCase *tc = tcase_create("doc");

	tcase_add_test(tc, test_doc_date_is_a_calendar_date);
	tcase_add_test(tc, test_doc_title_names_the_selection);
	tcase_add_test(tc, test_doc_title_given_wins);
	tcase_add_test(tc, test_doc_title_without_kinds);
	tcase_add_test(tc, test_doc_latest_is_the_latest_real_date);
	tcase_add_test(tc, test_doc_keeps_copies_and_shares_a_summary);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(doc_suite());
}
