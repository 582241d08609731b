/* Unit tests of dg_field_raw: SPEC.md §3 escaping, read back. */
#include <string.h>

#include "check_util.h"
#include "field_int.h"

START_TEST(test_field_without_backslash_is_not_copied)
{
	static const char s[] = "Computer Vision";
	dg_str f = { s, sizeof(s) - 1 }, raw;
	dg_buf b = {0};

	ck_assert_int_eq(dg_field_raw(f, &b, &raw), DG_OK);
	ck_assert_ptr_eq(raw.p, s);
	ck_assert_uint_eq(raw.n, f.n);
	ck_assert_uint_eq(b.len, 0);
	f.n = 0;
	ck_assert_int_eq(dg_field_raw(f, &b, &raw), DG_OK);
	ck_assert_uint_eq(raw.n, 0);
}
END_TEST

START_TEST(test_field_escapes_are_undone)
{
	static const char s[] = "a\\tb\\nc\\rd\\0e\\\\f";
	dg_str f = { s, sizeof(s) - 1 }, raw;
	dg_buf b = {0};

	ck_assert_int_eq(dg_field_raw(f, &b, &raw), DG_OK);
	ck_assert_uint_eq(raw.n, 11);
	ck_assert(memcmp(raw.p, "a\tb\nc\rd\0e\\f", 11) == 0);
	/* The scratch buffer is reused, not appended to. */
	ck_assert_int_eq(dg_field_raw(f, &b, &raw), DG_OK);
	ck_assert_uint_eq(raw.n, 11);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_field_bad_escape_is_an_error)
{
	static const char s[] = "ab\\qc";
	static const char t[] = "abc\\";
	dg_str f = { s, sizeof(s) - 1 }, raw;
	dg_buf b = {0};

	ck_assert_int_eq(dg_field_raw(f, &b, &raw), DG_EESCAPE);
	f.p = t;
	f.n = sizeof(t) - 1;
	ck_assert_int_eq(dg_field_raw(f, &b, &raw), DG_EESCAPE);
	dg_buf_free(&b);
}
END_TEST

static Suite *
field_suite(void)
{
	Suite *s = suite_create("field");
	TCase *tc = tcase_create("field");

	tcase_add_test(tc, test_field_without_backslash_is_not_copied);
	tcase_add_test(tc, test_field_escapes_are_undone);
	tcase_add_test(tc, test_field_bad_escape_is_an_error);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(field_suite());
}
