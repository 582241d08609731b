/* Unit tests of date.c: the calendar. */
#include <string.h>

#include "check_util.h"
#include "date_int.h"

static int
valid(const char *s)
{
	return dg_date_valid(s, strlen(s));
}

START_TEST(test_date_month_days_with_leap_years)
{
	ck_assert_int_eq(dg_date_month_days(2024, 2), 29);
	ck_assert_int_eq(dg_date_month_days(2023, 2), 28);
	ck_assert_int_eq(dg_date_month_days(1900, 2), 28);
	ck_assert_int_eq(dg_date_month_days(2000, 2), 29);
	ck_assert_int_eq(dg_date_month_days(2024, 4), 30);
	ck_assert_int_eq(dg_date_month_days(2024, 12), 31);
}
END_TEST

START_TEST(test_date_valid_only_real_days)
{
	ck_assert(valid("2024-02-29"));
	ck_assert(valid("0000-01-01"));
	ck_assert(valid("9999-12-31"));
	ck_assert(!valid("2023-02-29"));
	ck_assert(!valid("2024-04-31"));
	ck_assert(!valid("2024-13-01"));
	ck_assert(!valid("2024-00-10"));
	ck_assert(!valid("2024-01-00"));
	ck_assert(!valid("2024_01_02"));
	ck_assert(!valid("2024-1-02"));
	ck_assert(!valid("2024-01-02x"));
	ck_assert(!valid(""));
}
END_TEST

static Suite *
date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("date");

	tcase_add_test(tc, test_date_month_days_with_leap_years);
	tcase_add_test(tc, test_date_valid_only_real_days);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(date_suite());
}
