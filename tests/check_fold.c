/* Unit tests of fold.c: blanks made one space, ASCII case folded. */
#include "check_util.h"
#include "ascii_int.h"

START_TEST(test_fold_case_and_blanks)
{
	static const char s[] = "  Model\tTraining \r\n TECHNIQUE ";
	dg_buf b = {0};
	dg_str got;

	ck_assert_int_eq(dg_buf_add(&b, "k", 1), DG_OK);
	ck_assert_int_eq(dg_fold(&b, s, sizeof(s) - 1), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, "kmodel training technique", "fold");
	b.len = 0;
	ck_assert_int_eq(dg_fold(&b, " \t", 2), DG_OK);
	ck_assert_uint_eq(b.len, 0);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_blanks_keep_case)
{
	static const char s[] = "\fLarge\v Language  Models (LLM)\t";
	dg_buf b = {0};
	dg_str got;

	ck_assert_int_eq(dg_blanks(&b, s, sizeof(s) - 1), DG_OK);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, "Large Language Models (LLM)", "blanks");
	dg_buf_free(&b);
}
END_TEST

static Suite *
fold_suite(void)
{
	Suite *s = suite_create("fold");
	TCase *tc = tcase_create("fold");

	tcase_add_test(tc, test_fold_case_and_blanks);
	tcase_add_test(tc, test_blanks_keep_case);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(fold_suite());
}
