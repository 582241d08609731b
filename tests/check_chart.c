/* Unit tests of chart.c: the SVG bar and column chart documents. */
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "../cmd/dg-chart/chart.h"

#define FFFD "\xef\xbf\xbd"

static char *
chart_as(const dg_bar *bar, size_t n, int shares, int layout, size_t *len)
{
	dg_chart c = {0};
	dg_buf b = {0};

	c.title.p = "T<i>";
	c.title.n = 4;
	c.bar = bar;
	c.n = n;
	c.layout = layout;
	c.width = 600;
	c.shares = shares;
	ck_assert_int_eq(dg_chart_svg(&b, &c), DG_OK);
	ck_assert_int_eq(dg_buf_addc(&b, '\0'), DG_OK);
	*len = b.len - 1;
	return b.p;
}

static char *
chart(const dg_bar *bar, size_t n, int shares, size_t *len)
{
	return chart_as(bar, n, shares, DG_AUTO, len);
}

/* An out function that gathers the blocks in a dg_buf. */
static int
gather(void *arg, const char *p, size_t n)
{
	ck_assert_uint_gt(n, 0);
	return dg_buf_add(arg, p, n);
}

static dg_bar
bar(const char *label, uint64_t v)
{
	dg_bar b;

	memset(&b, 0, sizeof(b));
	b.label.p = label;
	b.label.n = strlen(label);
	b.v.d = (double)v;
	b.v.u = v;
	b.v.isint = 1;
	return b;
}

START_TEST(test_chart_is_identical_for_identical_input)
{
	dg_bar b[3];
	char *x, *y;
	size_t nx, ny;

	b[0] = bar("LLM", 7);
	b[1] = bar("\xec\x96\xb8\xec\x96\xb4", 3);
	b[2] = bar("", 1);
	x = chart(b, 3, 1, &nx);
	y = chart(b, 3, 1, &ny);
	ck_assert_uint_eq(nx, ny);
	ck_assert(memcmp(x, y, nx) == 0);
	free(x);
	free(y);
}
END_TEST

START_TEST(test_chart_handed_out_in_blocks_is_the_same_document)
{
	/* Enough bars to fill several blocks. */
	dg_bar *b = calloc(20000, sizeof(*b));
	dg_buf whole = {0}, block = {0}, got = {0};
	dg_chart c = {0};
	size_t i;

	ck_assert_ptr_nonnull(b);
	for (i = 0; i < 20000; i++)
		b[i] = bar(i % 2 ? "\xec\x96\xb8\xec\x96\xb4 & <b>" : "LLM", i);
	c.title.p = "T";
	c.title.n = 1;
	c.bar = b;
	c.n = 20000;
	c.width = 700;
	c.shares = 1;
	ck_assert_int_eq(dg_chart_svg(&whole, &c), DG_OK);
	c.out = gather;
	c.arg = &got;
	ck_assert_int_eq(dg_chart_svg(&block, &c), DG_OK);
	ck_assert_uint_eq(block.len, 0);
	ck_assert_uint_gt(whole.len, 2 * 1024 * 1024);
	ck_assert_uint_eq(got.len, whole.len);
	ck_assert(memcmp(got.p, whole.p, whole.len) == 0);
	dg_buf_free(&whole);
	dg_buf_free(&block);
	dg_buf_free(&got);
	free(b);
}
END_TEST

START_TEST(test_chart_has_accessible_title_desc_and_tooltips)
{
	dg_bar b[2];
	char *x;
	size_t n;

	b[0] = bar("LLM", 3);
	b[1] = bar("Vision", 1);
	x = chart(b, 2, 1, &n);
	ck_assert_ptr_nonnull(strstr(x, "role=\"img\""));
	ck_assert_ptr_nonnull(strstr(x,
	    "aria-labelledby=\"dg-title dg-desc\""));
	ck_assert_ptr_nonnull(strstr(x, "<title id=\"dg-title\">T&lt;i&gt;"
	    "</title>"));
	ck_assert_ptr_nonnull(strstr(x, "<desc id=\"dg-desc\">Bar chart of"
	    " value: 2 bars, total 4. LLM: 3 (75.0%); Vision: 1"
	    " (25.0%).</desc>"));
	ck_assert_ptr_nonnull(strstr(x, "<title>LLM: 3 (75.0%)</title>"));
	ck_assert_ptr_nonnull(strstr(x, "prefers-color-scheme: dark"));
	ck_assert_ptr_nonnull(strstr(x, "Noto Sans CJK KR"));
	ck_assert_ptr_null(strstr(x, "<script"));
	ck_assert_ptr_null(strstr(x, "href"));
	free(x);
}
END_TEST

START_TEST(test_chart_hostile_label_cannot_make_an_element)
{
	dg_bar b[1];
	char *x;
	size_t n;

	b[0] = bar("<script>x</script>\x01\xff", 1);
	x = chart(b, 1, 0, &n);
	ck_assert_ptr_null(strstr(x, "<script"));
	ck_assert_ptr_null(strchr(x, '\x01'));
	ck_assert_ptr_null(strchr(x, '\xff'));
	ck_assert_ptr_nonnull(strstr(x, "&lt;script&gt;x&lt;/script&gt;"
	    FFFD FFFD));
	free(x);
}
END_TEST

START_TEST(test_chart_bar_of_huge_value_fits)
{
	/* 9e307 times the plot's width overflows a double. */
	dg_bar b[2];
	char *x, *r;
	size_t n;

	b[0] = bar("big", 0);
	b[0].v.d = 9e307;
	b[0].v.isint = 0;
	b[1] = bar("small", 1);
	x = chart(b, 2, 0, &n);
	ck_assert_ptr_nonnull(r = strstr(x, "class=\"bar\""));
	ck_assert_ptr_nonnull(r = strstr(r, "width=\""));
	ck_assert(strtod(r + 7, NULL) > 100);
	ck_assert(strtod(r + 7, NULL) < 600);
	ck_assert_ptr_null(strstr(x, "inf"));
	free(x);
}
END_TEST

START_TEST(test_chart_with_no_bars_says_no_data)
{
	char *x;
	size_t n;

	x = chart(NULL, 0, 0, &n);
	ck_assert_ptr_nonnull(strstr(x, ">No data</text>"));
	ck_assert_ptr_nonnull(strstr(x, "<desc id=\"dg-desc\">No data."));
	ck_assert_ptr_nonnull(strstr(x, "</svg>\n"));
	free(x);
}
END_TEST

START_TEST(test_chart_widens_for_long_labels)
{
	char label[401];
	dg_bar b[1];
	char *x;
	size_t n;

	memset(label, 'W', 400);
	label[400] = '\0';
	b[0] = bar(label, 1);
	x = chart(b, 1, 0, &n);
	/* 600 asked, but 400 columns of label need more. */
	ck_assert_ptr_null(strstr(x, "width=\"600\""));
	free(x);
}
END_TEST

/* Where the bars start: the x of the first grid line. */
static double
bars_start(const char *label)
{
	dg_bar b[1];
	char *x, *r;
	size_t n;
	double x0;

	b[0] = bar(label, 1);
	x = chart(b, 1, 0, &n);
	ck_assert_ptr_nonnull(r = strstr(x, "<line x1=\""));
	x0 = strtod(r + 10, NULL);
	free(x);
	return x0;
}

START_TEST(test_chart_gives_capitals_room)
{
	/* 20 W of 13px DejaVu Sans are about 257px wide: the bars start
	 * past them, and later than after 20 narrow letters. */
	ck_assert(bars_start("WWWWWWWWWWWWWWWWWWWW") >= 16 + 257);
	ck_assert(bars_start("WWWWWWWWWWWWWWWWWWWW") >
	    bars_start("iiiiiiiiiiiiiiiiiiii"));
	ck_assert(bars_start("ABCDEFGHIJKLMNOPQRST") >
	    bars_start("abcdefghijklmnopqrst"));
}
END_TEST

START_TEST(test_chart_of_dates_is_columns_in_time_order)
{
	dg_bar b[4];
	char *x;
	size_t n;

	b[0] = bar("2024-10-04", 3);
	b[1] = bar("2024-10-01", 4);
	b[2] = bar("", 2);
	b[3] = bar("2024-10-02", 1);
	x = chart(b, 4, 0, &n);
	ck_assert_ptr_nonnull(strstr(x, "<desc id=\"dg-desc\">Column chart of"
	    " value by day, 2024-10-01 to 2024-10-04 (4 days, 1 of them"
	    " empty): total 10. 2024-10-01: 4; 2024-10-02: 1; 2024-10-04: 3."
	    " Not on the time axis: 1 line with an empty label, total"
	    " 2.</desc>"));
	ck_assert(strstr(x, "<title>2024-10-01: 4") < strstr(x,
	    "<title>2024-10-04: 3"));
	free(x);
}
END_TEST

START_TEST(test_chart_sums_a_period_given_twice)
{
	dg_bar b[3];
	char *x;
	size_t n;

	b[0] = bar("2024-10", 3);
	b[1] = bar("2024-11", 4);
	b[2] = bar("2024-10", 2);
	x = chart(b, 3, 0, &n);
	ck_assert_ptr_nonnull(strstr(x, "<title>2024-10 (2 rows): 5</title>"));
	ck_assert_ptr_null(strstr(x, "<title>2024-10: "));
	free(x);
}
END_TEST

START_TEST(test_chart_bars_layout_keeps_dates_in_input_order)
{
	dg_bar b[2];
	char *x;
	size_t n;

	b[0] = bar("2024", 3);
	b[1] = bar("2020", 4);
	x = chart_as(b, 2, 0, DG_BARS, &n);
	ck_assert_ptr_nonnull(strstr(x, "Bar chart of value: 2 bars"));
	ck_assert(strstr(x, "<title>2024: 3") < strstr(x, "<title>2020: 4"));
	free(x);
	x = chart_as(b, 2, 0, DG_COLUMNS, &n);
	ck_assert_ptr_nonnull(strstr(x, "Column chart of value by year, 2020"
	    " to 2024 (5 years, 3 of them empty)"));
	free(x);
}
END_TEST

START_TEST(test_chart_columns_layout_keeps_other_labels_in_order)
{
	dg_bar b[3];
	char *x;
	size_t n;

	b[0] = bar("2024", 3);
	b[1] = bar("LLM", 4);
	b[2] = bar("other", 1);
	b[2].merged = 5;
	x = chart_as(b, 3, 0, DG_COLUMNS, &n);
	ck_assert_ptr_nonnull(strstr(x, "Column chart of value: 3 columns,"
	    " total 8. 2024: 3; LLM: 4; other (5 rows): 1."));
	ck_assert_ptr_nonnull(strstr(x, "<rect class=\"other\""));
	free(x);
	/* Periods, but "other" is none: bars. */
	b[1] = bar("2023", 4);
	x = chart(b, 3, 0, &n);
	ck_assert_ptr_nonnull(strstr(x, "Bar chart of value: 3 bars"));
	free(x);
}
END_TEST

START_TEST(test_chart_names_its_value_on_the_axis)
{
	dg_chart c = {0};
	dg_buf b = {0};
	dg_bar bb[2];
	int layout;

	bb[0] = bar("2024-10", 1234);
	bb[1] = bar("2024-12", 446);
	c.title.p = "T";
	c.title.n = 1;
	c.what.p = "<i>sources";
	c.what.n = 10;
	c.bar = bb;
	c.n = 2;
	c.width = 800;
	for (layout = DG_AUTO; layout <= DG_COLUMNS; layout++) {
		c.layout = layout;
		b.len = 0;
		ck_assert_int_eq(dg_chart_svg(&b, &c), DG_OK);
		ck_assert_int_eq(dg_buf_addc(&b, '\0'), DG_OK);
		ck_assert_ptr_nonnull(strstr(b.p, ">&lt;i&gt;sources</text>"));
		ck_assert_ptr_nonnull(strstr(b.p, " chart of &lt;i&gt;sources"));
		/* Thousands separated, in the tooltip and on the axis,
		 * which ends at the first nice number above 1,234. */
		ck_assert_ptr_nonnull(strstr(b.p, "<title>2024-10: 1,234"));
		ck_assert_ptr_nonnull(strstr(b.p, ">1,250</text>"));
		ck_assert_ptr_null(strstr(b.p, "<i>"));
	}
	dg_buf_free(&b);
}
END_TEST

static Suite *
chart_suite(void)
{
	Suite *s = suite_create("chart");
	TCase *tc = tcase_create("chart");

	tcase_add_test(tc, test_chart_is_identical_for_identical_input);
	tcase_add_test(tc, test_chart_handed_out_in_blocks_is_the_same_document);
	tcase_add_test(tc, test_chart_has_accessible_title_desc_and_tooltips);
	tcase_add_test(tc, test_chart_hostile_label_cannot_make_an_element);
	tcase_add_test(tc, test_chart_gives_capitals_room);
	tcase_add_test(tc, test_chart_bar_of_huge_value_fits);
	tcase_add_test(tc, test_chart_with_no_bars_says_no_data);
	tcase_add_test(tc, test_chart_widens_for_long_labels);
	tcase_add_test(tc, test_chart_of_dates_is_columns_in_time_order);
	tcase_add_test(tc, test_chart_sums_a_period_given_twice);
	tcase_add_test(tc, test_chart_bars_layout_keeps_dates_in_input_order);
	tcase_add_test(tc, test_chart_columns_layout_keeps_other_labels_in_order);
	tcase_add_test(tc, test_chart_names_its_value_on_the_axis);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(chart_suite());
}
