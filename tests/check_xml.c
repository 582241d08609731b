/* Unit tests of XML escaping, shared by dg-chart (SVG) and dg-links
 * (Atom, HTML): SPEC.md §4 dg-chart "All text XML-escaped", §5 dg-links
 * -f atom and html, lib/xml_int.h. */
#include <string.h>

#include "check_util.h"
#include "xml_int.h"

static void
check_escape(const char *in, size_t n, const char *want)
{
	dg_buf b = {0};
	dg_str got;

	ck_assert_int_eq(dg_buf_add(&b, "x", 1), DG_OK);
	ck_assert_int_eq(dg_xml_escape(&b, in, n), DG_OK);
	ck_assert(b.p[0] == 'x');
	got.p = b.p + 1;
	got.n = b.len - 1;
	dg_check_str(got, want, "escape");
	dg_buf_free(&b);
}

#define ESC(in, want) check_escape(in, sizeof(in) - 1, want)
#define FFFD "\xef\xbf\xbd"

START_TEST(test_xml_markup_characters_as_entities)
{
	ESC("<script>alert(1)</script>",
	    "&lt;script&gt;alert(1)&lt;/script&gt;");
	ESC("A & B \"q\" 'a' &amp;", "A &amp; B &quot;q&quot; &#39;a&#39; &amp;amp;");
	ESC("<![CDATA[x]]>", "&lt;![CDATA[x]]&gt;");
	ESC("", "");
}
END_TEST

START_TEST(test_xml_tab_lf_cr_as_character_references)
{
	ESC("a\tb\nc\rd", "a&#9;b&#10;c&#13;d");
}
END_TEST

START_TEST(test_xml_controls_and_invalid_utf8_become_fffd)
{
	ESC("nul\0\x01\x1b\x7f", "nul" FFFD FFFD FFFD FFFD);
	ESC("c1\xc2\x85 \xef\xbf\xbe", "c1" FFFD " " FFFD);
	ESC("bad \xff\xc0\xaf", "bad " FFFD FFFD FFFD);
	ESC("cut \xe2\x82", "cut " FFFD FFFD);
	ESC("\xed\xa0\x80", FFFD FFFD FFFD);
	/* Noncharacters: U+FDD0, U+1FFFE. */
	ESC("\xef\xb7\x90\xf0\x9f\xbf\xbe", FFFD FFFD);
}
END_TEST

START_TEST(test_xml_keeps_valid_utf8)
{
	ESC("\xec\x9a\x94\xec\x95\xbd \xf0\x9f\x8e\xa0 \xc2\xa0\xe2\x80\xa8",
	    "\xec\x9a\x94\xec\x95\xbd \xf0\x9f\x8e\xa0 \xc2\xa0\xe2\x80\xa8");
}
END_TEST

START_TEST(test_xml_unwanted_code_points)
{
	ck_assert(dg_xml_unwanted(0x80));
	ck_assert(dg_xml_unwanted(0x9f));
	ck_assert(dg_xml_unwanted(0xfffe));
	ck_assert(dg_xml_unwanted(0xffff));
	ck_assert(dg_xml_unwanted(0xfdd0));
	ck_assert(dg_xml_unwanted(0xfdef));
	ck_assert(dg_xml_unwanted(0x1fffe));
	ck_assert(dg_xml_unwanted(0x10ffff));
	ck_assert(!dg_xml_unwanted(0xfdcf));
	ck_assert(!dg_xml_unwanted(0xfdf0));
	ck_assert(!dg_xml_unwanted(0x1fffd));
	ck_assert(!dg_xml_unwanted(0xa0));
	ck_assert(!dg_xml_unwanted(0xfffd));
	ck_assert(!dg_xml_unwanted(0x1f600));
}
END_TEST

static Suite *
xml_suite(void)
{
	Suite *s = suite_create("xml");
	TCase *tc = tcase_create("xml");

	tcase_add_test(tc, test_xml_markup_characters_as_entities);
	tcase_add_test(tc, test_xml_tab_lf_cr_as_character_references);
	tcase_add_test(tc, test_xml_controls_and_invalid_utf8_become_fffd);
	tcase_add_test(tc, test_xml_keeps_valid_utf8);
	tcase_add_test(tc, test_xml_unwanted_code_points);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(xml_suite());
}
