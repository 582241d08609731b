/* Unit tests of model.c: lines grouped into bars, columns and stacks. */
#include <string.h>

#include "check_util.h"
#include "../cmd/dg-chart/model.h"
#include "../cmd/dg-chart/period.h"

static dg_bar
line(const char *k1, const char *k2, uint64_t v)
{
	dg_bar b;

	memset(&b, 0, sizeof(b));
	b.label.p = k1;
	b.label.n = strlen(k1);
	b.key2.p = k2;
	b.key2.n = strlen(k2);
	b.v.d = (double)v;
	b.v.u = v;
	b.v.isint = 1;
	return b;
}

static void
build(dg_model *m, const dg_bar *b, size_t n, int keys, size_t top,
    int layout)
{
	dg_chart c;

	memset(&c, 0, sizeof(c));
	c.bar = b;
	c.n = n;
	c.keys = keys;
	c.top = top;
	c.layout = layout;
	ck_assert_int_eq(dg_model_build(m, &c), DG_OK);
}

static void
check_label(dg_str s, const char *want)
{
	dg_check_str(s, want, "label");
}

START_TEST(test_model_one_key_keeps_each_line_as_a_bar)
{
	const dg_group *g;
	dg_group tmp;
	dg_bar b[3];
	dg_model m;

	b[0] = line("B", "", 1);
	b[1] = line("A", "", 2);
	b[2] = line("B", "", 3);
	build(&m, b, 3, 1, 0, DG_AUTO);
	ck_assert_int_eq(m.kind, DG_NOPERIOD);
	ck_assert(!m.columns);
	ck_assert_uint_eq(m.ng, 3);
	/* The lines themselves: no copy. */
	ck_assert_ptr_null(m.g);
	g = dg_model_group(&m, 2, &tmp);
	check_label(g->label, "B");
	ck_assert(g->v.u == 3 && g->merged == 0 && !g->other);
	ck_assert(m.max == 3 && m.sum.u == 6);
	dg_model_free(&m);
}
END_TEST

START_TEST(test_model_time_axis_sums_periods_in_time_order)
{
	dg_bar b[5];
	dg_model m;

	b[0] = line("2024-12", "", 1);
	b[1] = line("2024-10", "", 2);
	b[2] = line("", "", 7);
	b[3] = line("2024-12", "", 3);
	b[4] = line("2025-02", "", 4);
	build(&m, b, 5, 1, 0, DG_AUTO);
	ck_assert_int_eq(m.kind, DG_MONTH);
	ck_assert(m.columns);
	ck_assert_uint_eq(m.ng, 3);
	check_label(m.g[0].label, "2024-10");
	check_label(m.g[1].label, "2024-12");
	ck_assert(m.g[1].v.u == 4 && m.g[1].merged == 2);
	ck_assert(m.g[0].merged == 0);
	ck_assert_int_eq(m.last - m.first, 4);
	ck_assert(m.left == 1 && m.leftv.u == 7);
	ck_assert(m.sum.u == 17 && m.max == 4);
	dg_model_free(&m);
}
END_TEST

START_TEST(test_model_two_keys_rank_series_by_total_then_bytes)
{
	dg_bar b[7];
	dg_model m;

	/* Totals: b 5, a 5, c 5, d 1, e 9: e, then a b c by bytes. */
	b[0] = line("2024-10", "b", 5);
	b[1] = line("2024-10", "c", 5);
	b[2] = line("2024-11", "a", 2);
	b[3] = line("2024-11", "d", 1);
	b[4] = line("2024-11", "a", 3);
	b[5] = line("2024-10", "e", 9);
	b[6] = line("2024-12", "", 0);
	build(&m, b, 7, 2, 3, DG_AUTO);
	ck_assert_uint_eq(m.nser, 4);
	check_label(m.ser[0].label, "e");
	check_label(m.ser[1].label, "a");
	check_label(m.ser[2].label, "b");
	check_label(m.ser[3].label, "other");
	/* c, d and the empty one are the rest. */
	ck_assert(m.ser[3].merged == 3 && m.ser[3].total.u == 6);
	ck_assert_uint_eq(m.ng, 3);
	/* 2024-10: e 9, b 5, other (c) 5, bottom up. */
	ck_assert_uint_eq(m.g[0].nseg, 3);
	ck_assert(m.s[m.g[0].seg].series == 0 && m.s[m.g[0].seg].v.u == 9);
	ck_assert(m.s[m.g[0].seg + 1].series == 2);
	ck_assert(m.s[m.g[0].seg + 2].series == 3);
	ck_assert(m.g[0].v.u == 19 && m.g[0].merged == 0);
	/* 2024-11: a, its two lines summed, then other (d). */
	ck_assert_uint_eq(m.g[1].nseg, 2);
	ck_assert(m.s[m.g[1].seg].v.u == 5 && m.s[m.g[1].seg].lines == 2);
	ck_assert(m.s[m.g[1].seg + 1].series == 3);
	ck_assert(m.columns && m.kind == DG_MONTH);
	dg_model_free(&m);
}
END_TEST

START_TEST(test_model_two_keys_not_periods_keep_first_key_order)
{
	dg_bar b[4];
	dg_model m;

	b[0] = line("web", "x", 1);
	b[1] = line("arxiv", "x", 2);
	b[2] = line("web", "y", 3);
	b[3] = line("", "x", 1);
	build(&m, b, 4, 2, 0, DG_AUTO);
	ck_assert_int_eq(m.kind, DG_NOPERIOD);
	ck_assert(m.columns);
	ck_assert_uint_eq(m.ng, 3);
	check_label(m.g[0].label, "web");
	check_label(m.g[1].label, "arxiv");
	check_label(dg_model_text(m.g[2].label), "(empty)");
	ck_assert(m.g[0].v.u == 4 && m.g[0].nseg == 2);
	/* No -n: DG_TOP series, no "other". */
	ck_assert_uint_eq(m.nser, 2);
	dg_model_free(&m);
	build(&m, b, 4, 2, 0, DG_BARS);
	ck_assert(!m.columns);
	dg_model_free(&m);
}
END_TEST

START_TEST(test_model_other_bar_has_no_time)
{
	const dg_group *g;
	dg_group tmp;
	dg_bar b[2];
	dg_model m;

	b[0] = line("2024", "", 1);
	b[1] = line("other", "", 2);
	b[1].merged = 3;
	build(&m, b, 2, 1, 0, DG_AUTO);
	ck_assert_int_eq(m.kind, DG_NOPERIOD);
	g = dg_model_group(&m, 1, &tmp);
	ck_assert(g->other && g->merged == 3);
	dg_model_free(&m);
}
END_TEST

START_TEST(test_model_total_beyond_a_double_is_an_error)
{
	dg_bar b[2];
	dg_model m;
	dg_chart c;

	b[0] = line("a", "", 0);
	b[0].v.d = 1.7e308;
	b[0].v.isint = 0;
	b[1] = b[0];
	memset(&c, 0, sizeof(c));
	c.bar = b;
	c.n = 2;
	ck_assert_int_eq(dg_model_build(&m, &c), DG_ERANGE);
	dg_model_free(&m);
}
END_TEST

static Suite *
model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, test_model_one_key_keeps_each_line_as_a_bar);
	tcase_add_test(tc, test_model_time_axis_sums_periods_in_time_order);
	tcase_add_test(tc, test_model_two_keys_rank_series_by_total_then_bytes);
	tcase_add_test(tc, test_model_two_keys_not_periods_keep_first_key_order);
	tcase_add_test(tc, test_model_other_bar_has_no_time);
	tcase_add_test(tc, test_model_total_beyond_a_double_is_an_error);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(model_suite());
}
