/* Unit tests of num.c: counts and chart values read from text. */
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "num_int.h"

static int
u64(const char *s, uint64_t *v)
{
	return dg_num_u64(s, strlen(s), v);
}

static int
value(const char *s, dg_value *v)
{
	return dg_num_value(s, strlen(s), v);
}

START_TEST(test_count_is_plain_digits)
{
	uint64_t v;

	ck_assert_int_eq(u64("0", &v), DG_OK);
	ck_assert_uint_eq(v, 0);
	ck_assert_int_eq(u64("0012", &v), DG_OK);
	ck_assert_uint_eq(v, 12);
	ck_assert_int_eq(u64("", &v), DG_ENUMBER);
	ck_assert_int_eq(u64("+1", &v), DG_ENUMBER);
	ck_assert_int_eq(u64("-1", &v), DG_ENUMBER);
	ck_assert_int_eq(u64(" 1", &v), DG_ENUMBER);
	ck_assert_int_eq(u64("1.0", &v), DG_ENUMBER);
}
END_TEST

START_TEST(test_count_overflow_is_detected_at_2_64)
{
	uint64_t v;

	ck_assert_int_eq(u64("18446744073709551615", &v), DG_OK);
	ck_assert_uint_eq(v, UINT64_MAX);
	ck_assert_int_eq(u64("18446744073709551616", &v), DG_ERANGE);
	ck_assert_int_eq(u64("99999999999999999999", &v), DG_ERANGE);
}
END_TEST

START_TEST(test_add_overflow_is_an_error_and_leaves_the_sum)
{
	uint64_t a = UINT64_MAX - 1;

	ck_assert_int_eq(dg_num_add(&a, 1), DG_OK);
	ck_assert_uint_eq(a, UINT64_MAX);
	ck_assert_int_eq(dg_num_add(&a, 1), DG_ERANGE);
	ck_assert_uint_eq(a, UINT64_MAX);
}
END_TEST

/* Counts are written in decimal, appended, every digit of UINT64_MAX. */
START_TEST(test_count_written_in_decimal)
{
	dg_buf b = {0};

	ck_assert(dg_buf_add(&b, "n=", 2) == DG_OK);
	ck_assert(dg_num_put(&b, 0) == DG_OK);
	ck_assert(dg_buf_addc(&b, ' ') == DG_OK);
	ck_assert(dg_num_put(&b, 1070) == DG_OK);
	ck_assert(dg_buf_addc(&b, ' ') == DG_OK);
	ck_assert(dg_num_put(&b, UINT64_MAX) == DG_OK);
	dg_check_str((dg_str){b.p, b.len}, "n=0 1070 18446744073709551615",
	    "decimal");
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_value_accepts_integers_and_decimals)
{
	dg_value v;

	ck_assert_int_eq(value("42", &v), DG_OK);
	ck_assert(v.isint && v.u == 42 && v.d == 42);
	ck_assert_int_eq(value("12.5", &v), DG_OK);
	ck_assert(!v.isint && v.d == 12.5);
	ck_assert_int_eq(value(".5", &v), DG_OK);
	ck_assert(v.d == 0.5);
	ck_assert_int_eq(value("3.", &v), DG_OK);
	ck_assert(v.d == 3 && !v.isint);
	ck_assert_int_eq(value(" +7 ", &v), DG_OK);
	ck_assert(v.isint && v.u == 7);
	ck_assert_int_eq(value("1e3", &v), DG_OK);
	ck_assert(v.d == 1000 && !v.isint);
	ck_assert_int_eq(value("-0", &v), DG_OK);
	ck_assert(v.d == 0 && v.isint && v.u == 0);
}
END_TEST

START_TEST(test_value_refuses_nan_inf_words_and_negatives)
{
	dg_value v;

	ck_assert_int_eq(value("nan", &v), DG_ENUMBER);
	ck_assert_int_eq(value("NaN", &v), DG_ENUMBER);
	ck_assert_int_eq(value("inf", &v), DG_ENUMBER);
	ck_assert_int_eq(value("infinity", &v), DG_ENUMBER);
	ck_assert_int_eq(value("0x10", &v), DG_ENUMBER);
	ck_assert_int_eq(value("", &v), DG_ENUMBER);
	ck_assert_int_eq(value(".", &v), DG_ENUMBER);
	ck_assert_int_eq(value("1e", &v), DG_ENUMBER);
	ck_assert_int_eq(value("1,5", &v), DG_ENUMBER);
	ck_assert_int_eq(value("12abc", &v), DG_ENUMBER);
	ck_assert_int_eq(value("-3", &v), DG_ENEGATIVE);
	ck_assert_int_eq(value("-0.1", &v), DG_ENEGATIVE);
	ck_assert_int_eq(value("1e999", &v), DG_ERANGE);
}
END_TEST

START_TEST(test_value_of_digits_is_the_double_strtod_gives)
{
	/* Digits alone skip strtod: the double must still be the nearest
	 * one, as strtod's. */
	const char *s[] = { "9007199254740993", "18446744073709551615",
	    "12345678901234567", "0000000000000000000042", "-0000" };
	dg_value v;
	size_t i;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		ck_assert_int_eq(value(s[i], &v), DG_OK);
		ck_assert(v.isint);
		ck_assert(v.d == strtod(s[i], NULL) || (v.d == 0 &&
		    strtod(s[i], NULL) == 0));
	}
}
END_TEST

START_TEST(test_value_beyond_64_bits_is_a_double)
{
	dg_value v;

	ck_assert_int_eq(value("18446744073709551616", &v), DG_OK);
	ck_assert(!v.isint && v.d > 1.8e19);
}
END_TEST

START_TEST(test_value_sum_exact_while_integers)
{
	dg_value a = { 0, 0, 1 }, b;
	dg_buf out = {0};
	dg_str got;

	ck_assert_int_eq(value("9007199254740993", &b), DG_OK);
	ck_assert_int_eq(dg_value_add(&a, &b), DG_OK);
	ck_assert_int_eq(value("1", &b), DG_OK);
	ck_assert_int_eq(dg_value_add(&a, &b), DG_OK);
	ck_assert(a.isint && a.u == 9007199254740994ull);
	ck_assert_int_eq(dg_value_format(&out, &a), DG_OK);
	got.p = out.p;
	got.n = out.len;
	dg_check_str(got, "9007199254740994", "exact sum");
	ck_assert_int_eq(value("0.5", &b), DG_OK);
	ck_assert_int_eq(dg_value_add(&a, &b), DG_OK);
	ck_assert(!a.isint);
	dg_buf_free(&out);
}
END_TEST

START_TEST(test_value_sum_overflowing_a_double_is_an_error)
{
	dg_value a, b;

	ck_assert_int_eq(value("1e308", &a), DG_OK);
	ck_assert_int_eq(value("1e308", &b), DG_OK);
	ck_assert_int_eq(dg_value_add(&a, &b), DG_ERANGE);
	ck_assert(a.d == 1e308);
}
END_TEST

START_TEST(test_value_format_decimal_short)
{
	dg_value v;
	dg_buf out = {0};
	dg_str got;

	ck_assert_int_eq(value("1.50", &v), DG_OK);
	ck_assert_int_eq(dg_value_format(&out, &v), DG_OK);
	got.p = out.p;
	got.n = out.len;
	dg_check_str(got, "1.5", "decimal");
	dg_buf_free(&out);
}
END_TEST

static Suite *
num_suite(void)
{
	Suite *s = suite_create("num");
	TCase *tc = tcase_create("num");

	tcase_add_test(tc, test_count_is_plain_digits);
	tcase_add_test(tc, test_count_overflow_is_detected_at_2_64);
	tcase_add_test(tc, test_add_overflow_is_an_error_and_leaves_the_sum);
	tcase_add_test(tc, test_count_written_in_decimal);
	tcase_add_test(tc, test_value_accepts_integers_and_decimals);
	tcase_add_test(tc, test_value_refuses_nan_inf_words_and_negatives);
	tcase_add_test(tc, test_value_of_digits_is_the_double_strtod_gives);
	tcase_add_test(tc, test_value_beyond_64_bits_is_a_double);
	tcase_add_test(tc, test_value_sum_exact_while_integers);
	tcase_add_test(tc, test_value_sum_overflowing_a_double_is_an_error);
	tcase_add_test(tc, test_value_format_decimal_short);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(num_suite());
}
