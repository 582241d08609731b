/* Unit tests of stage.c: a digest and dg TSV told by a line. */
#include <string.h>

#include "check_util.h"
#include "stage_int.h"

static int
digest(const char *s)
{
	return dg_stage_digest(s, strlen(s));
}

static int
tsv(const char *s)
{
	return dg_stage_tsv(s, strlen(s));
}

START_TEST(test_stage_digest_markdown_first_lines)
{
	ck_assert(digest("# Daily Artificial Intelligence Insights : Papers"));
	ck_assert(digest("#"));
	ck_assert(digest("**요약:**"));
	ck_assert(digest("![Category Distribution](paper_2024-10-19.png)"));
	ck_assert(digest(" - no: a list item starts at its dash") == 0);
	ck_assert(digest("- A Title (https://e.org/x)"));
	ck_assert(digest("* A Title"));
}
END_TEST

START_TEST(test_stage_digest_never_with_a_tab)
{
	ck_assert(!digest("#date\tkind\tcategory"));
	ck_assert(!digest("# x\ty"));
	ck_assert(!digest(""));
	ck_assert(!digest("2024-10-19"));
	ck_assert(!digest("*no space"));
}
END_TEST

START_TEST(test_stage_tsv_header_or_nine_fields)
{
	ck_assert(tsv(DG_TSV_HEADER));
	ck_assert(tsv("2024-10-19\tPapers\tLLM\tT\thttp://a\tf.md\t1\t\t"));
	ck_assert(tsv("\t\t\t\t\t-\t12\t\t"));
	ck_assert(!tsv("\t\t\t\t\t\t\t\t\t\t\t"));
	ck_assert(!tsv("\t\t\t\t\t\t\t"));
	/* A wide table of counts is no record. */
	ck_assert(!tsv("Wide\t3\t\t\t\t\t\t\t\t\t"));
	ck_assert(!tsv("2024-10\tLLM\t3\t2\t1\t\t1\t\t"));
	ck_assert(!tsv("LLM\t3\t2\t1"));
	ck_assert(!tsv("month\tsources\tsections\tdigests"));
	ck_assert(!tsv("# Daily digest"));
}
END_TEST

static Suite *
stage_suite(void)
{
	Suite *s = suite_create("stage");
	TCase *tc = tcase_create("stage");

	tcase_add_test(tc, test_stage_digest_markdown_first_lines);
	tcase_add_test(tc, test_stage_digest_never_with_a_tab);
	tcase_add_test(tc, test_stage_tsv_header_or_nine_fields);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(stage_suite());
}
