/* Unit tests of dg-links' output writers: SPEC.md §4 dg-links,
 * cmd/dg-links/linkfmt.h. */
#include <string.h>

#include "check_util.h"
#include "../cmd/dg-links/linkfmt.h"

typedef int (*writer)(dg_buf *, const char *, size_t);

/* Runs w on s[0..n) and compares the result with want. */
static void
is(writer w, const char *s, size_t n, const char *want)
{
	dg_buf b = {0};
	dg_str got;

	ck_assert_int_eq(w(&b, s, n), 0);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, s);
	dg_buf_free(&b);
}

#define IS(w, lit, want) is(w, lit, sizeof(lit) - 1, want)

START_TEST(test_json_quotes_plain_text)
{
	IS(dg_json_str, "", "\"\"");
	IS(dg_json_str, "Deep Learning: A Survey", "\"Deep Learning: A Survey\"");
}
END_TEST

START_TEST(test_json_escapes_quote_and_backslash)
{
	IS(dg_json_str, "say \"hi\" C:\\dir", "\"say \\\"hi\\\" C:\\\\dir\"");
	IS(dg_json_str, "/path/", "\"/path/\"");
}
END_TEST

START_TEST(test_json_escapes_controls_as_u00xx)
{
	IS(dg_json_str, "a\tb\nc\rd", "\"a\\u0009b\\u000Ac\\u000Dd\"");
	IS(dg_json_str, "\0\x01\x1f", "\"\\u0000\\u0001\\u001F\"");
	IS(dg_json_str, "\x7f", "\"\x7f\"");	/* DEL is valid JSON */
}
END_TEST

START_TEST(test_json_replaces_invalid_utf8_with_fffd)
{
	IS(dg_json_str, "a\xff" "b", "\"a\xef\xbf\xbd" "b\"");
	IS(dg_json_str, "\xc3", "\"\xef\xbf\xbd\"");		/* truncated */
	IS(dg_json_str, "\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\"");	/* overlong */
	IS(dg_json_str, "\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
}
END_TEST

START_TEST(test_json_keeps_valid_multibyte)
{
	IS(dg_json_str, "\xec\x9a\x94\xec\x95\xbd \xf0\x9f\xa5\xb3 \xc3\xa9",
	    "\"\xec\x9a\x94\xec\x95\xbd \xf0\x9f\xa5\xb3 \xc3\xa9\"");
	/* Line and paragraph separators break JavaScript: escaped. */
	IS(dg_json_str, "a\xe2\x80\xa8" "b\xe2\x80\xa9", "\"a\\u2028b\\u2029\"");
}
END_TEST

START_TEST(test_md_text_escapes_markdown_specials)
{
	IS(dg_md_text, "Rapamycin: One Drug, Many Effects (2014)",
	    "Rapamycin: One Drug, Many Effects \\(2014\\)");
	IS(dg_md_text, "[x](y)", "\\[x\\]\\(y\\)");
	IS(dg_md_text, "*a* _b_ `c` <d> #e !f &g ~h |i \\j",
	    "\\*a\\* \\_b\\_ \\`c\\` \\<d\\> \\#e \\!f \\&g \\~h \\|i \\\\j");
	IS(dg_md_text, "a-b. c: d, e+f", "a-b. c: d, e+f");
}
END_TEST

START_TEST(test_md_text_controls_and_invalid_utf8)
{
	IS(dg_md_text, "a\tb\nc\rd", "a b c d");
	IS(dg_md_text, "a\0b\x1b" "c\x7f", "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd");
	IS(dg_md_text, "\xff\xec\x9a\x94", "\xef\xbf\xbd\xec\x9a\x94");
}
END_TEST

START_TEST(test_md_url_percent_encodes_unsafe_bytes)
{
	IS(dg_md_url, "https://example.org/S1550-4131(14)00007-2",
	    "https://example.org/S1550-4131%2814%2900007-2");
	IS(dg_md_url, "http://x/a b<c>\"d", "http://x/a%20b%3Cc%3E%22d");
	IS(dg_md_url, "http://x/\t\n\x7f", "http://x/%09%0A%7F");
	IS(dg_md_url, "http://x/\xff\xc3\xa9", "http://x/%FF\xc3\xa9");
	IS(dg_md_url, "http://x/a\\_b", "http://x/a\\\\_b");
	IS(dg_md_url, "http://x/?q=[1]&r=*_#f", "http://x/?q=[1]&r=*_#f");
}
END_TEST

START_TEST(test_url_line_encodes_only_controls)
{
	IS(dg_url_line, "http://x/a b(c)\xff", "http://x/a b(c)\xff");
	IS(dg_url_line, "http://x/\n\t\r\0\x7f", "http://x/%0A%09%0D%00%7F");
}
END_TEST

START_TEST(test_empty_input_may_be_null)
{
	dg_buf b = {0};

	/* dg_str allows p == NULL when n == 0. */
	ck_assert_int_eq(dg_json_str(&b, NULL, 0), 0);
	ck_assert_int_eq(dg_md_text(&b, NULL, 0), 0);
	ck_assert_int_eq(dg_md_url(&b, NULL, 0), 0);
	ck_assert_int_eq(dg_url_line(&b, NULL, 0), 0);
	ck_assert_uint_eq(b.len, 2);
	ck_assert(memcmp(b.p, "\"\"", 2) == 0);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_href_percent_encodes_what_an_iri_cannot_hold)
{
	IS(dg_href, "https://example.org/a b\"c<d>e\\f^g`h{i|j}",
	    "https://example.org/a%20b%22c%3Cd%3Ee%5Cf%5Eg%60h%7Bi%7Cj%7D");
	IS(dg_href, "x\t\n\r\x01\x7f", "x%09%0A%0D%01%7F");
	IS(dg_href, "bad\xff\xc0\xaf", "bad%FF%C0%AF");
	/* C1 and noncharacters, byte by byte; other UTF-8 kept (an IRI). */
	IS(dg_href, "\xc2\x85\xef\xbf\xbe", "%C2%85%EF%BF%BE");
	IS(dg_href, "https://ko.example.org/\xec\x9a\x94\xec\x95\xbd",
	    "https://ko.example.org/\xec\x9a\x94\xec\x95\xbd");
}
END_TEST

START_TEST(test_href_writes_ampersand_as_entity)
{
	IS(dg_href, "https://example.org/?a=1&b='2'#f",
	    "https://example.org/?a=1&amp;b='2'#f");
	IS(dg_href, "&&", "&amp;&amp;");
}
END_TEST

static Suite *
linkfmt_suite(void)
{
	Suite *s = suite_create("linkfmt");
	TCase *tc = tcase_create("linkfmt");

	tcase_add_test(tc, test_json_quotes_plain_text);
	tcase_add_test(tc, test_json_escapes_quote_and_backslash);
	tcase_add_test(tc, test_json_escapes_controls_as_u00xx);
	tcase_add_test(tc, test_json_replaces_invalid_utf8_with_fffd);
	tcase_add_test(tc, test_json_keeps_valid_multibyte);
	tcase_add_test(tc, test_md_text_escapes_markdown_specials);
	tcase_add_test(tc, test_md_text_controls_and_invalid_utf8);
	tcase_add_test(tc, test_md_url_percent_encodes_unsafe_bytes);
	tcase_add_test(tc, test_url_line_encodes_only_controls);
	tcase_add_test(tc, test_empty_input_may_be_null);
	tcase_add_test(tc, test_href_percent_encodes_what_an_iri_cannot_hold);
	tcase_add_test(tc, test_href_writes_ampersand_as_entity);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(linkfmt_suite());
}
