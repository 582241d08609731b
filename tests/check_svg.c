/* Unit tests of svg.c: XML escaping, text width, ticks, coordinates. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check_util.h"
#include "../cmd/dg-chart/svg.h"

static void
check_escape(const char *in, size_t n, const char *want)
{
	dg_buf b = {0};
	dg_str got;

	ck_assert_int_eq(dg_svg_escape(&b, in, n), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, "escape");
	dg_buf_free(&b);
}

#define ESC(in, want) check_escape(in, sizeof(in) - 1, want)
#define FFFD "\xef\xbf\xbd"

START_TEST(test_escape_markup_characters_as_entities)
{
	ESC("<script>alert(1)</script>",
	    "&lt;script&gt;alert(1)&lt;/script&gt;");
	ESC("A & B \"q\" 'a'", "A &amp; B &quot;q&quot; &#39;a&#39;");
	ESC("]]>", "]]&gt;");
	ESC("plain text", "plain text");
	ESC("", "");
}
END_TEST

START_TEST(test_escape_tab_lf_cr_as_character_references)
{
	ESC("a\tb\nc\rd", "a&#9;b&#10;c&#13;d");
}
END_TEST

START_TEST(test_escape_replaces_controls_xml_forbids)
{
	ESC("a\x01z", "a" FFFD "z");
	ESC("\x1b[31m", FFFD "[31m");
	ESC("nul\0byte", "nul" FFFD "byte");
	ESC("del\x7f", "del" FFFD);
	ESC("c1\xc2\x85", "c1" FFFD);		/* U+0085 */
	ESC("\xef\xbf\xbe\xef\xbf\xbf", FFFD FFFD);	/* U+FFFE U+FFFF */
}
END_TEST

START_TEST(test_escape_replaces_each_invalid_utf8_byte)
{
	ESC("bad \xff\xfe!", "bad " FFFD FFFD "!");
	ESC("\xc0\xaf", FFFD FFFD);		/* overlong '/' */
	ESC("\xed\xa0\x80", FFFD FFFD FFFD);	/* a surrogate */
	ESC("cut \xe2\x82", "cut " FFFD FFFD);	/* truncated */
}
END_TEST

START_TEST(test_escape_keeps_valid_utf8)
{
	ESC("\xec\x96\xb8\xec\x96\xb4 \xf0\x9f\x8e\xa0 \xc3\xa9",
	    "\xec\x96\xb8\xec\x96\xb4 \xf0\x9f\x8e\xa0 \xc3\xa9");
}
END_TEST

static size_t
cols(const char *s)
{
	return dg_svg_columns(s, strlen(s));
}

START_TEST(test_width_counts_east_asian_wide_double)
{
	ck_assert_uint_eq(cols("LLM"), 3);
	ck_assert_uint_eq(cols("\xec\x96\xb8\xec\x96\xb4"), 4);	/* 언어 */
	ck_assert_uint_eq(cols("AI \xe6\xbc\xa2\xe5\xad\x97"), 7);	/* 漢字 */
	ck_assert_uint_eq(cols("\xef\xbc\xa1"), 2);	/* fullwidth A */
	ck_assert_uint_eq(cols("e\xcc\x81"), 1);	/* e + combining */
	ck_assert_uint_eq(cols("\xff\xfe"), 2);	/* replaced bytes */
	ck_assert_uint_eq(cols(""), 0);
}
END_TEST

static void
check_ticks(double max, unsigned target, double step, unsigned count)
{
	dg_ticks t;

	dg_svg_ticks(max, target, 0, &t);
	ck_assert_msg(t.step == step && t.count == count,
	    "ticks(%g, %u): step %g count %u, want step %g count %u", max,
	    target, t.step, t.count, step, count);
	ck_assert(t.top >= max);
}

START_TEST(test_ticks_end_at_the_first_nice_number_above_the_max)
{
	/* SPEC 5: 446 ends at 500, not 600, however few steps fit. */
	check_ticks(446, 5, 100, 5);
	check_ticks(446, 4, 250, 2);
	check_ticks(446, 3, 250, 2);
	check_ticks(114, 6, 20, 6);
	check_ticks(114, 5, 25, 5);
	check_ticks(7, 4, 2, 4);
	check_ticks(10, 5, 2, 5);
	check_ticks(100, 4, 25, 4);
	check_ticks(95, 5, 20, 5);
	check_ticks(400, 2, 200, 2);
	check_ticks(1234, 5, 250, 5);
	check_ticks(3, 5, 1, 3);
	check_ticks(1, 5, 0.2, 5);
	check_ticks(0.3, 3, 0.1, 3);
	check_ticks(7000000, 4, 2500000, 3);
	/* No quarter steps: 7 in 3 is 0, 5, 10, not 0, 2.5, 5, 7.5. */
	check_ticks(7, 3, 5, 2);
	check_ticks(500, 1, 500, 1);
	/* However long the axis: 446 ends at 500, in at most 6 steps. */
	check_ticks(446, 12, 100, 5);
	check_ticks(114, 12, 20, 6);
}
END_TEST

START_TEST(test_ticks_of_counts_are_whole)
{
	dg_ticks t;

	dg_svg_ticks(1, 5, 1, &t);
	ck_assert(t.step == 1 && t.count == 1);
	dg_svg_ticks(3, 5, 1, &t);
	ck_assert(t.step == 1 && t.count == 3);
	dg_svg_ticks(1, 5, 0, &t);
	ck_assert(t.step == 0.2 && t.count == 5);
}
END_TEST

START_TEST(test_ticks_for_zero_max_span_zero_to_one)
{
	dg_ticks t;

	dg_svg_ticks(0, 4, 0, &t);
	ck_assert(t.top >= 1);
	ck_assert(t.count >= 1);
}
END_TEST

static void
check_tick(double max, unsigned target, unsigned i, const char *want)
{
	dg_ticks t;
	dg_buf b = {0};
	dg_str got;

	dg_svg_ticks(max, target, 0, &t);
	ck_assert_int_eq(dg_svg_tick(&b, &t, i), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, "tick");
	dg_buf_free(&b);
}

START_TEST(test_tick_labels_have_just_the_decimals_needed)
{
	check_tick(7, 4, 3, "6");
	check_tick(0.3, 3, 3, "0.3");
	check_tick(0.07, 4, 1, "0.02");
	check_tick(10000, 5, 5, "10,000");
	check_tick(1234567, 5, 5, "1,250,000");
	check_tick(0.07, 4, 4, "0.08");
}
END_TEST

START_TEST(test_ticks_near_largest_double_stay_finite)
{
	/* No round top above 1.7e308 is finite: the ticks split max. */
	dg_ticks t;

	dg_svg_ticks(1.7e308, 6, 0, &t);
	ck_assert(!isinf(t.top) && t.top >= 1.7e308);
	ck_assert(!isinf(t.step) && t.step > 0);
	check_tick(1.7e308, 6, 6, "1.7e+308");
	check_tick(DBL_MAX, 6, 6, "1.79769e+308");
}
END_TEST

START_TEST(test_tiny_tick_labels_use_an_exponent)
{
	check_tick(1e-300, 5, 5, "1e-300");
	check_tick(0.000004, 2, 1, "0.000002");
}
END_TEST

START_TEST(test_coord_one_decimal_no_trailing_zero)
{
	dg_buf b = {0};
	dg_str got;

	dg_svg_coord(&b, 12);
	dg_svg_coord(&b, 0.25);
	dg_svg_coord(&b, 3.14159);
	dg_svg_coord(&b, -5);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, "120.33.10", "coords");
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_u64_writes_every_digit)
{
	char s[DG_SVG_NUM];
	char want[32];
	uint64_t v[] = { 0, 7, 10, 99, 100, 12345, 1000000,
	    18446744073709551615u };
	size_t i, n;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		n = dg_svg_u64(s, v[i]);
		snprintf(want, sizeof(want), "%llu", (unsigned long long)v[i]);
		ck_assert_uint_eq(n, strlen(want));
		ck_assert(memcmp(s, want, n) == 0);
	}
}
END_TEST

START_TEST(test_share_rounds_as_printf_does)
{
	/* Ties included: 1/8 is 12.5% exactly, 1/40 2.5%, 3/2000 0.15%
	 * (just below in binary). */
	char s[DG_SVG_NUM], want[DG_SVG_NUM];
	unsigned part, total;
	size_t n;

	for (total = 1; total <= 2000; total += total < 100 ? 1 : 37)
		for (part = 0; part <= total; part++) {
			n = dg_svg_share_str(s, part, total);
			snprintf(want, sizeof(want), " (%.1f%%)",
			    (double)part / total * 100);
			ck_assert_uint_eq(n, strlen(want));
			ck_assert(memcmp(s, want, n) == 0);
		}
	n = dg_svg_share_str(s, 5, 0);
	ck_assert(n == 7 && memcmp(s, " (0.0%)", 7) == 0);
}
END_TEST

START_TEST(test_value_writes_integers_exactly)
{
	dg_buf b = {0};
	dg_value v = { 18446744073709551615.0, 18446744073709551615u, 1 };
	dg_value h = { 12.5, 0, 0 };
	dg_str got;

	ck_assert_int_eq(dg_svg_value(&b, &v), DG_OK);
	ck_assert_int_eq(dg_buf_addc(&b, ' '), DG_OK);
	ck_assert_int_eq(dg_svg_value(&b, &h), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, "18,446,744,073,709,551,615 12.5", "values");
	dg_buf_free(&b);
}
END_TEST

static void
check_value(double d, uint64_t u, int isint, const char *want)
{
	dg_buf b = {0};
	dg_value v;
	dg_str got;

	v.d = d;
	v.u = u;
	v.isint = isint;
	ck_assert_int_eq(dg_svg_value(&b, &v), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, "value");
	dg_buf_free(&b);
}

START_TEST(test_value_has_thousands_separators)
{
	check_value(0, 0, 1, "0");
	check_value(999, 999, 1, "999");
	check_value(1000, 1000, 1, "1,000");
	check_value(1234, 1234, 1, "1,234");
	check_value(123456, 123456, 1, "123,456");
	check_value(1234567, 1234567, 1, "1,234,567");
	check_value(1234.5, 0, 0, "1,234.5");
	check_value(0.25, 0, 0, "0.25");
	check_value(123456789012.5, 0, 0, "123,456,789,012.5");
	check_value(1e20, 0, 0, "1e+20");
}
END_TEST

static Suite *
svg_suite(void)
{
	Suite *s = suite_create("svg");
	TCase *tc = tcase_create("svg");

	tcase_add_test(tc, test_escape_markup_characters_as_entities);
	tcase_add_test(tc, test_escape_tab_lf_cr_as_character_references);
	tcase_add_test(tc, test_escape_replaces_controls_xml_forbids);
	tcase_add_test(tc, test_escape_replaces_each_invalid_utf8_byte);
	tcase_add_test(tc, test_escape_keeps_valid_utf8);
	tcase_add_test(tc, test_width_counts_east_asian_wide_double);
	tcase_add_test(tc, test_ticks_end_at_the_first_nice_number_above_the_max);
	tcase_add_test(tc, test_ticks_of_counts_are_whole);
	tcase_add_test(tc, test_ticks_for_zero_max_span_zero_to_one);
	tcase_add_test(tc, test_tick_labels_have_just_the_decimals_needed);
	tcase_add_test(tc, test_ticks_near_largest_double_stay_finite);
	tcase_add_test(tc, test_tiny_tick_labels_use_an_exponent);
	tcase_add_test(tc, test_coord_one_decimal_no_trailing_zero);
	tcase_add_test(tc, test_u64_writes_every_digit);
	tcase_add_test(tc, test_share_rounds_as_printf_does);
	tcase_add_test(tc, test_value_writes_integers_exactly);
	tcase_add_test(tc, test_value_has_thousands_separators);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(svg_suite());
}
