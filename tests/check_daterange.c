/* Unit tests of dg-cat -d's date ranges: SPEC.md §5 dg-cat -d,
 * cmd/dg-cat/daterange.h. */
#include <string.h>

#include "check_util.h"
#include "../cmd/dg-cat/daterange.h"

/* s parses to the days lo to hi. */
static void
range_is(const char *s, const char *lo, const char *hi)
{
	dg_daterange r;

	ck_assert_msg(dg_daterange_parse(&r, s) == DG_DATERANGE_OK,
	    "'%s' should parse", s);
	ck_assert_msg(memcmp(r.lo, lo, 10) == 0 && memcmp(r.hi, hi, 10) == 0,
	    "'%s': got %.10s to %.10s, want %s to %s", s, r.lo, r.hi, lo, hi);
}

/* s does not parse, for the reason st. */
static void
range_bad(const char *s, enum dg_daterange_status st)
{
	dg_daterange r;

	ck_assert_msg(dg_daterange_parse(&r, s) == st,
	    "'%s' should be %s", s,
	    st == DG_DATERANGE_BAD ? "malformed" : "backwards");
}

/* Does the range s hold the date field d (a C string)? */
static int
has(const char *s, const char *d)
{
	dg_daterange r;

	ck_assert_msg(dg_daterange_parse(&r, s) == DG_DATERANGE_OK,
	    "'%s' should parse", s);
	return dg_daterange_has(&r, d, strlen(d));
}

#define IN(s, d) ck_assert_msg(has(s, d), "%s should hold %s", s, d)
#define OUT(s, d) ck_assert_msg(!has(s, d), "%s should not hold %s", s, d)

START_TEST(test_a_day_is_that_day)
{
	range_is("2024-10-15", "2024-10-15", "2024-10-15");
	range_is("0000-01-01", "0000-01-01", "0000-01-01");
	range_is("9999-12-31", "9999-12-31", "9999-12-31");
}
END_TEST

START_TEST(test_a_month_is_its_first_to_last_day)
{
	range_is("2024-01", "2024-01-01", "2024-01-31");
	range_is("2024-04", "2024-04-01", "2024-04-30");
	range_is("2024-06", "2024-06-01", "2024-06-30");
	range_is("2024-09", "2024-09-01", "2024-09-30");
	range_is("2024-10", "2024-10-01", "2024-10-31");
	range_is("2024-11", "2024-11-01", "2024-11-30");
	range_is("2024-12", "2024-12-01", "2024-12-31");
}
END_TEST

START_TEST(test_a_year_is_the_whole_year)
{
	range_is("2024", "2024-01-01", "2024-12-31");
	range_is("0000", "0000-01-01", "0000-12-31");
}
END_TEST

START_TEST(test_february_has_29_days_in_leap_years)
{
	range_is("2024-02", "2024-02-01", "2024-02-29");
	range_is("2023-02", "2023-02-01", "2023-02-28");
	/* Centuries are leap years only when divisible by 400. */
	range_is("1900-02", "1900-02-01", "1900-02-28");
	range_is("2000-02", "2000-02-01", "2000-02-29");
	range_is("2100-02", "2100-02-01", "2100-02-28");
	range_is("1600-02", "1600-02-01", "1600-02-29");
	range_is("2024-02-29", "2024-02-29", "2024-02-29");
	range_is("2000-02-29", "2000-02-29", "2000-02-29");
	range_bad("2023-02-29", DG_DATERANGE_BAD);
	range_bad("1900-02-29", DG_DATERANGE_BAD);
	range_bad("2024-02-30", DG_DATERANGE_BAD);
}
END_TEST

START_TEST(test_open_ends_reach_the_first_and_last_day)
{
	range_is("2024-10-15:", "2024-10-15", "9999-12-31");
	range_is("2024-10:", "2024-10-01", "9999-12-31");
	range_is("2024:", "2024-01-01", "9999-12-31");
	range_is(":2024-10-15", "0000-01-01", "2024-10-15");
	range_is(":2024-02", "0000-01-01", "2024-02-29");
	range_is(":2024", "0000-01-01", "2024-12-31");
}
END_TEST

START_TEST(test_both_ends_inclusive_at_their_own_precision)
{
	range_is("2024-10:2024-11", "2024-10-01", "2024-11-30");
	range_is("2024:2025-02", "2024-01-01", "2025-02-28");
	range_is("2024-10-15:2024-10", "2024-10-15", "2024-10-31");
	range_is("2024-10:2024-10-01", "2024-10-01", "2024-10-01");
	range_is("2024-10-15:2024-10-15", "2024-10-15", "2024-10-15");
	range_is("2023-12-31:2024", "2023-12-31", "2024-12-31");
	range_is("2024-02:2024", "2024-02-01", "2024-12-31");
}
END_TEST

START_TEST(test_malformed_ranges_are_bad)
{
	static const char *const bad[] = {
		"", ":", "::", "a:b:c", "2024::2025", "2024:2025:",
		":2024:", "yesterday", "2024-13", "2024-00", "2024-10-00",
		"2024-10-32", "2024-04-31", "2024-1-5", "2024-1", "24",
		"202", "20245", "2024-10-1", "2024-10-015", "2024/10",
		"2024_10_01", "2024-10-15T00", " 2024", "2024 ", "+024",
		"-2024", "2024-", "2024-10-", "x:2024", "2024:x",
		"2024-10-15:x", "2024\n", "2024-10-15 :2024-11",
		/* 2024 in full-width digits */
		"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94"
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		range_bad(bad[i], DG_DATERANGE_BAD);
}
END_TEST

START_TEST(test_an_end_before_the_start_is_backwards)
{
	range_bad("2024-11:2024-10", DG_DATERANGE_BACKWARDS);
	range_bad("2024-10-02:2024-10-01", DG_DATERANGE_BACKWARDS);
	range_bad("2025:2024-12-31", DG_DATERANGE_BACKWARDS);
	range_bad("2024-11-01:2024-10", DG_DATERANGE_BACKWARDS);
	/* Malformed wins: there is no order to speak of. */
	range_bad("2025:2024-13", DG_DATERANGE_BAD);
}
END_TEST

START_TEST(test_a_date_is_in_between_the_ends_included)
{
	OUT("2024-02", "2024-01-31");
	IN("2024-02", "2024-02-01");
	IN("2024-02", "2024-02-15");
	IN("2024-02", "2024-02-29");
	OUT("2024-02", "2024-03-01");
	OUT("2023-02", "2023-03-01");
	IN("2024-10:2024-11", "2024-10-01");
	IN("2024-10:2024-11", "2024-11-30");
	OUT("2024-10:2024-11", "2024-09-30");
	OUT("2024-10:2024-11", "2024-12-01");
	IN("2024", "2024-12-31");
	OUT("2024", "2025-01-01");
	OUT("2024", "2023-12-31");
	IN("2024-10-15:", "2024-10-15");
	IN("2024-10-15:", "9999-12-31");
	OUT("2024-10-15:", "2024-10-14");
	IN(":2024-10-15", "0000-01-01");
	IN(":2024-10-15", "2024-10-15");
	OUT(":2024-10-15", "2024-10-16");
}
END_TEST

START_TEST(test_a_record_without_date_is_in_no_range)
{
	dg_daterange r;

	OUT("0000:", "");
	ck_assert(dg_daterange_parse(&r, ":9999") == DG_DATERANGE_OK);
	ck_assert(!dg_daterange_has(&r, NULL, 0));
}
END_TEST

START_TEST(test_a_date_field_not_a_real_day_is_in_no_range)
{
	dg_daterange r;

	/* Within the bounds as bytes, yet no day. */
	OUT("2024", "2024-02-30");
	OUT("2024", "2024-04-31");
	OUT("2023", "2023-02-29");
	OUT("1900", "1900-02-29");
	IN("2000", "2000-02-29");
	OUT("2024-09:2024-11", "2024-10-00");
	OUT("2024-09:2024-11", "2024-10-32");
	OUT("2024-09:2024-11", "2024-10-1x");
	OUT("2024-09:2024-11", "2024-10-1:");
	OUT("2024-09:2024-11", "2024-10-1/");
	OUT("2024-09:2024-11", "2024-10/15");
	OUT("2024:2025", "2024-13-01");
	OUT("2024:2025", "2024-99-99");
	OUT("0000:", "9999-99-99");
	/* Other lengths and shapes. */
	OUT("2024", "2024-10-15 ");
	OUT("2024", " 2024-10-15");
	OUT("2024", "2024-10-1");
	OUT("2024", "2024-10");
	OUT("2024", "2024");
	OUT("2024", "2024/10/15");
	OUT("2024", "2024_10_15");
	OUT("2024", "2024\\t10-15");
	/* A NUL inside the field is a byte like any other. */
	ck_assert(dg_daterange_parse(&r, "2024") == DG_DATERANGE_OK);
	ck_assert(dg_daterange_has(&r, "2024-10-15", 10));
	ck_assert(!dg_daterange_has(&r, "2024-10-1\0", 10));
	ck_assert(!dg_daterange_has(&r, "2024-10-15\0", 11));
}
END_TEST

static Suite *
daterange_suite(void)
{
	Suite *s = suite_create("daterange");
	TCase *tc = tcase_create("daterange");

	tcase_add_test(tc, test_a_day_is_that_day);
	tcase_add_test(tc, test_a_month_is_its_first_to_last_day);
	tcase_add_test(tc, test_a_year_is_the_whole_year);
	tcase_add_test(tc, test_february_has_29_days_in_leap_years);
	tcase_add_test(tc, test_open_ends_reach_the_first_and_last_day);
	tcase_add_test(tc, test_both_ends_inclusive_at_their_own_precision);
	tcase_add_test(tc, test_malformed_ranges_are_bad);
	tcase_add_test(tc, test_an_end_before_the_start_is_backwards);
	tcase_add_test(tc, test_a_date_is_in_between_the_ends_included);
	tcase_add_test(tc, test_a_record_without_date_is_in_no_range);
	tcase_add_test(tc, test_a_date_field_not_a_real_day_is_in_no_range);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(daterange_suite());
}
