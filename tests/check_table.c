/* Unit tests of table.c: the dg-stats table's header line, as dg-stats
 * writes it and dg-stats -m and dg-chart read it. */
#include <string.h>

#include "check_util.h"
#include "table_int.h"

static int
is_header(const char *line, const char *want_keys)
{
	dg_str keys;

	if (!dg_table_header(line, strlen(line), &keys))
		return 0;
	dg_check_str(keys, want_keys, "keys");
	return 1;
}

START_TEST(test_table_header_one_key)
{
	ck_assert(is_header("month\tsources\tsections\tdigests", "month"));
	ck_assert(is_header("category" DG_TABLE_COUNTS, "category"));
}
END_TEST

START_TEST(test_table_header_two_keys)
{
	ck_assert(is_header("month\tcategory\tsources\tsections\tdigests",
	    "month\tcategory"));
}
END_TEST

START_TEST(test_table_header_needs_every_count_column)
{
	ck_assert(!is_header("month\tsources\tsections", ""));
	ck_assert(!is_header("month\tsources\tsections\tdigests\t", ""));
	ck_assert(!is_header("month\tSources\tsections\tdigests", ""));
	ck_assert(!is_header("LLM\t3\t2\t1", ""));
	ck_assert(!is_header("", ""));
}
END_TEST

START_TEST(test_table_header_empty_key_name)
{
	/* A key column may be named anything, even nothing: the caller
	 * decides what names it knows. */
	ck_assert(is_header("\tsources\tsections\tdigests", ""));
}
END_TEST

static Suite *
table_suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("header");

	tcase_add_test(tc, test_table_header_one_key);
	tcase_add_test(tc, test_table_header_two_keys);
	tcase_add_test(tc, test_table_header_needs_every_count_column);
	tcase_add_test(tc, test_table_header_empty_key_name);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(table_suite());
}
