/* Unit tests of period.c: days, months and years on a time axis. */
#include <string.h>

#include "check_util.h"
#include "../cmd/dg-chart/period.h"

static int
kind(const char *s, int64_t *slot)
{
	return dg_period_parse(s, strlen(s), slot);
}

START_TEST(test_period_labels_are_days_months_or_years)
{
	int64_t s;

	ck_assert_int_eq(kind("2024-10-04", &s), DG_DAY);
	ck_assert_int_eq(kind("2024-10", &s), DG_MONTH);
	ck_assert_int_eq(kind("2024", &s), DG_YEAR);
	ck_assert_int_eq(s, 2024);
	ck_assert_int_eq(kind("0000", &s), DG_YEAR);
	ck_assert_int_eq(kind("9999-12-31", &s), DG_DAY);
}
END_TEST

START_TEST(test_period_refuses_what_is_not_one)
{
	int64_t s;

	ck_assert_int_eq(kind("", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("202", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("20245", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind(" 2024", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024-1", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024-00", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024-13", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024/10", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024-10-00", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024-10-32", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024-04-31", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024-10-4", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024-10-04T", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024_10_04", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("+024", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("２０２４", &s), DG_NOPERIOD);
	ck_assert_int_eq(dg_period_parse("2024\0", 5, &s), DG_NOPERIOD);
}
END_TEST

START_TEST(test_period_february_has_29_days_in_leap_years)
{
	int64_t s;

	ck_assert_int_eq(kind("2024-02-29", &s), DG_DAY);
	ck_assert_int_eq(kind("2023-02-29", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2000-02-29", &s), DG_DAY);	/* by 400 */
	ck_assert_int_eq(kind("1900-02-29", &s), DG_NOPERIOD);	/* by 100 */
	ck_assert_int_eq(kind("2100-02-29", &s), DG_NOPERIOD);
	ck_assert_int_eq(kind("2024-02-30", &s), DG_NOPERIOD);
}
END_TEST

static int64_t
slot(const char *s)
{
	int64_t v;

	ck_assert_int_ne(kind(s, &v), DG_NOPERIOD);
	return v;
}

START_TEST(test_period_slots_are_consecutive)
{
	/* Days from 1970-01-01; the next day is the next slot across
	 * month, year and leap-day boundaries. */
	ck_assert_int_eq(slot("1970-01-01"), 0);
	ck_assert_int_eq(slot("1969-12-31"), -1);
	ck_assert_int_eq(slot("2000-03-01") - slot("2000-02-28"), 2);
	ck_assert_int_eq(slot("2023-03-01") - slot("2023-02-28"), 1);
	ck_assert_int_eq(slot("2025-01-01") - slot("2024-01-01"), 366);
	ck_assert_int_eq(slot("2024-01-01") - slot("2023-01-01"), 365);
	ck_assert_int_eq(slot("2024-10-01") - slot("2024-09-30"), 1);
	ck_assert_int_eq(slot("2024-05-01") - slot("2024-04-30"), 1);
	ck_assert_int_eq(slot("2024-01-01"), 19723);
	ck_assert_int_eq(slot("0000-03-01") - slot("0000-02-28"), 2);
	/* Months: year * 12 + month - 1. */
	ck_assert_int_eq(slot("2025-01") - slot("2024-12"), 1);
	ck_assert_int_eq(slot("2024-10"), 2024 * 12 + 9);
	ck_assert_int_eq(slot("2025") - slot("2024"), 1);
}
END_TEST

START_TEST(test_period_format_is_the_inverse_of_parse)
{
	static const char *const labels[] = { "2024-10-04", "2024-02-29",
	    "2000-02-29", "1969-12-31", "0000-01-01", "9999-12-31",
	    "1600-03-01", "2024-10", "0000-01", "9999-12", "2024", "0007" };
	char s[DG_PERIOD_MAX];
	int64_t v, d;
	size_t i, n;
	int k;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		k = kind(labels[i], &v);
		n = dg_period_format(s, k, v);
		ck_assert_uint_eq(n, strlen(labels[i]));
		ck_assert(memcmp(s, labels[i], n) == 0);
	}
	/* Every day of 1999 to 2001, through the leap day of 2000. */
	for (d = slot("1999-01-01"); d <= slot("2001-12-31"); d++) {
		n = dg_period_format(s, DG_DAY, d);
		ck_assert_int_eq(dg_period_parse(s, n, &v), DG_DAY);
		ck_assert_int_eq(v, d);
	}
}
END_TEST

START_TEST(test_period_coarsen_gives_month_and_year)
{
	ck_assert_int_eq(dg_period_coarsen(DG_DAY, DG_MONTH,
	    slot("2024-02-29")), slot("2024-02"));
	ck_assert_int_eq(dg_period_coarsen(DG_DAY, DG_YEAR,
	    slot("2024-12-31")), 2024);
	ck_assert_int_eq(dg_period_coarsen(DG_MONTH, DG_YEAR,
	    slot("2024-01")), 2024);
	ck_assert_int_eq(dg_period_coarsen(DG_MONTH, DG_MONTH, 5), 5);
}
END_TEST

/* The tick unit and step for slots slotpx wide, 6px characters and a
 * gap of 10. */
static dg_pticks
ticks(int k, double slotpx)
{
	dg_pticks t;

	dg_period_ticks(k, slotpx, 6, 10, &t);
	return t;
}

START_TEST(test_period_ticks_thin_out_until_labels_fit)
{
	/* A day label needs 10 * 6 + 10 = 70 pixels, a month's 52, a
	 * year's 34. */
	ck_assert(ticks(DG_DAY, 80).unit == DG_DAY && ticks(DG_DAY, 80).step
	    == 1);
	ck_assert(ticks(DG_DAY, 35).step == 2);
	ck_assert(ticks(DG_DAY, 34).step == 7);		/* 68 < 70 */
	ck_assert(ticks(DG_DAY, 10).step == 7);
	ck_assert(ticks(DG_DAY, 5).step == 14);
	ck_assert(ticks(DG_DAY, 4).unit == DG_MONTH);	/* 28 * 4 >= 52 */
	ck_assert(ticks(DG_DAY, 4).step == 1);
	ck_assert(ticks(DG_DAY, 1).unit == DG_MONTH && ticks(DG_DAY,
	    1).step == 2);				/* 59 days */
	ck_assert(ticks(DG_DAY, 0.1).unit == DG_YEAR);
	ck_assert(ticks(DG_MONTH, 60).unit == DG_MONTH);
	ck_assert(ticks(DG_MONTH, 20).step == 3);
	ck_assert(ticks(DG_MONTH, 5).unit == DG_YEAR);
	ck_assert(ticks(DG_MONTH, 5).step == 1);	/* 60 >= 34 */
	ck_assert(ticks(DG_YEAR, 40).step == 1);
	ck_assert(ticks(DG_YEAR, 12).step == 5);
	ck_assert(ticks(DG_YEAR, 2).step == 20);
	ck_assert(ticks(DG_YEAR, 0.001).step == 10000);
}
END_TEST

/* The ticks of an axis of kind from a to b, as labels joined by
 * spaces. */
static void
check_ticks(int k, const dg_pticks *t, const char *a, const char *b,
    const char *want)
{
	char got[512], s[DG_PERIOD_MAX];
	int64_t i, end = slot(b);
	size_t n = 0, len;

	for (i = dg_period_next_tick(k, t, slot(a)); i <= end;
	    i = dg_period_next_tick(k, t, i + 1)) {
		len = dg_period_format(s, t->unit, dg_period_coarsen(k,
		    t->unit, i));
		ck_assert(n + len + 1 < sizeof(got));
		memcpy(got + n, s, len);
		n += len;
		got[n++] = ' ';
	}
	got[n > 0 ? n - 1 : 0] = '\0';
	ck_assert_str_eq(got, want);
}

START_TEST(test_period_ticks_fall_on_the_calendar)
{
	dg_pticks t;

	t.unit = DG_DAY;
	t.step = 7;		/* Mondays */
	check_ticks(DG_DAY, &t, "2024-10-01", "2024-10-21",
	    "2024-10-07 2024-10-14 2024-10-21");
	t.step = 14;
	check_ticks(DG_DAY, &t, "2024-10-01", "2024-10-31",
	    "2024-10-14 2024-10-28");
	t.step = 2;
	check_ticks(DG_DAY, &t, "2024-02-27", "2024-03-03",
	    "2024-02-27 2024-02-29 2024-03-02");
	t.unit = DG_MONTH;
	t.step = 1;
	check_ticks(DG_DAY, &t, "2024-01-15", "2024-04-01",
	    "2024-02 2024-03 2024-04");
	t.step = 3;
	check_ticks(DG_DAY, &t, "2023-11-01", "2024-08-01",
	    "2024-01 2024-04 2024-07");
	check_ticks(DG_MONTH, &t, "2023-11", "2024-10",
	    "2024-01 2024-04 2024-07 2024-10");
	t.unit = DG_YEAR;
	t.step = 1;
	check_ticks(DG_DAY, &t, "2023-01-01", "2025-06-30",
	    "2023 2024 2025");
	check_ticks(DG_MONTH, &t, "2023-02", "2025-01", "2024 2025");
	t.step = 5;
	check_ticks(DG_YEAR, &t, "1999", "2021", "2000 2005 2010 2015 2020");
	/* Before 1970 the days are negative. */
	t.unit = DG_DAY;
	t.step = 7;
	check_ticks(DG_DAY, &t, "1969-12-25", "1970-01-12",
	    "1969-12-29 1970-01-05 1970-01-12");
}
END_TEST

static Suite *
period_suite(void)
{
	Suite *s = suite_create("period");
	TCase *tc = tcase_create("period");

	tcase_add_test(tc, test_period_labels_are_days_months_or_years);
	tcase_add_test(tc, test_period_refuses_what_is_not_one);
	tcase_add_test(tc, test_period_february_has_29_days_in_leap_years);
	tcase_add_test(tc, test_period_slots_are_consecutive);
	tcase_add_test(tc, test_period_format_is_the_inverse_of_parse);
	tcase_add_test(tc, test_period_coarsen_gives_month_and_year);
	tcase_add_test(tc, test_period_ticks_thin_out_until_labels_fit);
	tcase_add_test(tc, test_period_ticks_fall_on_the_calendar);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(period_suite());
}
