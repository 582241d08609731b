/* Unit tests of ascii.c: ASCII case folding, with no locale. */
#include "check_util.h"
#include "ascii_int.h"

START_TEST(test_ascii_lower_folds_only_ascii_letters)
{
	unsigned c;

	for (c = 0; c < 256; c++) {
		if (c >= 'A' && c <= 'Z')
			ck_assert_uint_eq(dg_ascii_lower((unsigned char)c),
			    c + 32);
		else
			ck_assert_uint_eq(dg_ascii_lower((unsigned char)c), c);
	}
}
END_TEST

START_TEST(test_ascii_ieq_whole_word_any_case)
{
	ck_assert(dg_ascii_ieq("Papers", 6, "papers"));
	ck_assert(dg_ascii_ieq("HTTPS://", 8, "https://"));
	ck_assert(dg_ascii_ieq("", 0, ""));
	ck_assert(!dg_ascii_ieq("Paper", 5, "papers"));
	ck_assert(!dg_ascii_ieq("Papers!", 7, "papers"));
	ck_assert(!dg_ascii_ieq("Papars", 6, "papers"));
	/* Only ASCII folds: Latin-1 or UTF-8 capitals are other bytes. */
	ck_assert(!dg_ascii_ieq("\xc3\x89t\xc3\xa9", 5, "\xc3\xa9t\xc3\xa9"));
	/* NUL in the input is a byte like any other, not an end. */
	ck_assert(!dg_ascii_ieq("news\0", 5, "news"));
}
END_TEST

START_TEST(test_ascii_istarts_prefix_any_case)
{
	ck_assert(dg_ascii_istarts("HTTPS://x", 9, "https://"));
	ck_assert(dg_ascii_istarts("https://", 8, "https://"));
	ck_assert(dg_ascii_istarts("abc", 3, ""));
	ck_assert(!dg_ascii_istarts("https:/", 7, "https://"));
	ck_assert(!dg_ascii_istarts("http://", 7, "https://"));
}
END_TEST

static Suite *
ascii_suite(void)
{
	Suite *s = suite_create("ascii");
	TCase *tc = tcase_create("case");

	tcase_add_test(tc, test_ascii_lower_folds_only_ascii_letters);
	tcase_add_test(tc, test_ascii_ieq_whole_word_any_case);
	tcase_add_test(tc, test_ascii_istarts_prefix_any_case);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(ascii_suite());
}
