/* Unit tests of dg-links -f html: dg-links(1) HTML, SPEC.md §5,
 * cmd/dg-links/html.h. */
#include <string.h>

#include "check_util.h"
#include "../cmd/dg-links/html.h"

static dg_str
str(const char *s)
{
	dg_str r = { s, strlen(s) };

	return r;
}

static void
add(dg_doc *d, const char *date, const char *kind, const char *cat,
    const char *title, const char *url, const char *summary)
{
	dg_src s;

	memset(&s, 0, sizeof(s));
	s.date = str(date);
	s.kind = str(kind);
	s.category = str(cat);
	s.title = str(title);
	s.url = str(url);
	s.summary = str(summary);
	ck_assert_int_eq(dg_doc_add(d, &s), DG_OK);
}

/* The page of d, NUL-terminated. */
static char *
page(const dg_doc *d, dg_buf *b)
{
	dg_docopt o;

	memset(&o, 0, sizeof(o));
	b->len = 0;
	ck_assert_int_eq(dg_html_write(b, d, &o, NULL), DG_OK);
	ck_assert_int_eq(dg_buf_addc(b, '\0'), DG_OK);
	return b->p;
}

/* Where needle is in hay; fails when it is not there. */
static long
at(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);

	ck_assert_msg(p != NULL, "no %s in the page", needle);
	return p - hay;
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay++;
	}
	return n;
}

START_TEST(test_html_groups_by_date_newest_first_then_category)
{
	dg_doc *d = dg_doc_new();
	dg_buf b = {0};
	const char *p;

	add(d, "2024-10-19", "Papers", "LLM", "a", "https://e.org/a", "");
	add(d, "", "Papers", "LLM", "b", "https://e.org/b", "");
	add(d, "2024-11-02", "Papers", "Vision", "c", "https://e.org/c", "");
	add(d, "2024-10-19", "Papers", "Robotics", "d", "https://e.org/d", "");
	add(d, "2024-10-19", "papers", "llm", "e", "https://e.org/e", "");
	add(d, "2024-10-19", "News", "LLM", "f", "https://e.org/f", "");
	add(d, "Oct 19", "Papers", "LLM", "g", "https://e.org/g", "");
	p = page(d, &b);
	ck_assert(at(p, ">2024-11-02<") < at(p, ">2024-10-19<"));
	ck_assert(at(p, ">2024-10-19<") < at(p, "<h2>Oct 19</h2>"));
	ck_assert(at(p, "<h2>Oct 19</h2>") < at(p, "<h2>No date</h2>"));
	/* Within a date: groups in input order, kind and category folded. */
	ck_assert(at(p, ">a</a>") < at(p, ">e</a>"));
	ck_assert(at(p, ">e</a>") < at(p, ">d</a>"));
	ck_assert(at(p, ">d</a>") < at(p, ">f</a>"));
	ck_assert_int_eq(count(p, "<h2"), 4);
	ck_assert_int_eq(count(p, "<h3>"), 6);
	ck_assert(strstr(p, "<h2 id=\"2024-10-19\"><time datetime=\"2024-10-19\">"
	    "2024-10-19</time></h2>"));
	ck_assert(strstr(p, "<h3>LLM <span class=\"kind\">News</span></h3>"));
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

START_TEST(test_html_summary_once_per_group_in_paragraphs)
{
	dg_doc *d = dg_doc_new();
	dg_buf b = {0};
	const char *p;
	static const char sum[] =
	    "First line\nflows on.\n\n- item one\n- item two\n \t\r\nLast";

	add(d, "2024-10-19", "Papers", "LLM", "a", "https://e.org/a", sum);
	add(d, "2024-10-19", "Papers", "LLM", "b", "https://e.org/b", sum);
	add(d, "2024-10-19", "Papers", "LLM", "c", "https://e.org/c", "Other");
	add(d, "2024-10-19", "Papers", "LLM", "e", "https://e.org/e", sum);
	p = page(d, &b);
	ck_assert_int_eq(count(p, "<details>"), 1);
	ck_assert_int_eq(count(p, "First line"), 1);
	ck_assert(strstr(p, "<p>First line\nflows on.</p>\n"
	    "<p>- item one<br>\n- item two</p>\n<p>Last</p>\n<p>Other</p>\n"
	    "</details>\n<ul>\n"));
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

START_TEST(test_html_only_web_urls_are_links)
{
	dg_doc *d = dg_doc_new();
	dg_buf b = {0};
	const char *p;

	add(d, "2024-10-19", "", "LLM", "ok", "HTTPS://user@www.e.org:8443/a?x=1&y",
	    "");
	add(d, "2024-10-19", "", "LLM", "bad", "javascript:alert(1)", "");
	add(d, "2024-10-19", "", "LLM", "", "http://e.org/<b>", "");
	add(d, "2024-10-19", "", "LLM", "v6", "http://[2001:db8::1]:80/", "");
	p = page(d, &b);
	ck_assert(strstr(p, "<li><a href=\"HTTPS://user@www.e.org:8443/a?x=1&amp;y\">"
	    "ok</a> <span class=\"host\">e.org</span></li>\n"));
	ck_assert(strstr(p, "<li>bad <span class=\"host\">javascript:alert(1)"
	    "</span></li>\n"));
	ck_assert(strstr(p, "<li><a href=\"http://e.org/%3Cb%3E\">"
	    "http://e.org/&lt;b&gt;</a>"));
	ck_assert(strstr(p, ">v6</a> <span class=\"host\">[2001:db8::1]</span>"));
	ck_assert_int_eq(count(p, "<a "), 3);
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

START_TEST(test_html_text_keeps_tab_lf_cr_and_escapes_the_rest)
{
	dg_doc *d = dg_doc_new();
	dg_buf b = {0};
	const char *p;

	add(d, "2024-10-19", "", "a\tb", "x\ry\nz <&>\x01\xff",
	    "https://e.org/", "");
	p = page(d, &b);
	ck_assert(strstr(p, "<h3>a\tb</h3>"));
	ck_assert(strstr(p, ">x\ry\nz &lt;&amp;&gt;\xef\xbf\xbd\xef\xbf\xbd</a>"));
	ck_assert(strstr(p, "&#") == NULL);
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

START_TEST(test_html_page_is_standalone)
{
	dg_doc *d = dg_doc_new();
	dg_buf b = {0};
	const char *p;

	p = page(d, &b);
	ck_assert(strncmp(p, "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n", 120) == 0);
	ck_assert(strstr(p, "prefers-color-scheme:dark"));
	ck_assert(strstr(p, "<title>Sources</title>"));
	ck_assert(strstr(p, "<p>No sources.</p>"));
	/* Nothing from elsewhere: no src=, no link element, no url(). */
	ck_assert(strstr(p, "src=") == NULL);
	ck_assert(strstr(p, "<link") == NULL);
	ck_assert(strstr(p, "url(") == NULL);
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

static Suite *
html_suite(void)
{
	Suite *s = suite_create("html");
	TCase *tc = tcase_create("html");

	tcase_add_test(tc, test_html_groups_by_date_newest_first_then_category);
	tcase_add_test(tc, test_html_summary_once_per_group_in_paragraphs);
	tcase_add_test(tc, test_html_only_web_urls_are_links);
	tcase_add_test(tc, test_html_text_keeps_tab_lf_cr_and_escapes_the_rest);
	tcase_add_test(tc, test_html_page_is_standalone);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(html_suite());
}
