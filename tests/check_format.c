/* Unit tests of writing a record as one dg TSV line (format.c; dg-tsv(5)). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"

static dg_str
str_of(const dg_buf *b)
{
	dg_str s = { b->p, b->len };

	return s;
}

/* --- dg_tsv_format ---------------------------------------------------------- */

static dg_str
cstr(const char *p)
{
	return (dg_str){ p, strlen(p) };
}

static dg_record
sample(void)
{
	dg_record r;

	memset(&r, 0, sizeof(r));
	r.date = cstr("2024-10-19");
	r.kind = cstr("Papers");
	r.category = cstr("Quantum Computing");
	r.title = cstr("A Title (2014)");
	r.url = cstr("http://arxiv.org/abs/2410.13754v1");
	r.file = cstr("-");
	r.section = 3;
	r.emoji = cstr("\xf0\x9f\x8e\xa0");
	r.summary = cstr("line 1\nline 2");
	return r;
}

START_TEST(test_format_nine_fields_and_lf)
{
	dg_record r = sample();
	dg_buf b = { 0 };
	dg_str f[10];

	ck_assert_int_eq(dg_tsv_format(&b, &r, NULL), DG_OK);
	dg_check_str(str_of(&b), "2024-10-19\tPapers\tQuantum Computing\t"
	    "A Title (2014)\thttp://arxiv.org/abs/2410.13754v1\t-\t3\t"
	    "\xf0\x9f\x8e\xa0\tline 1\\nline 2\n", "record");
	ck_assert_uint_eq(dg_tsv_split(b.p, b.len - 1, f, 10), DG_NFIELDS);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_format_escapes_every_field)
{
	dg_record r;
	dg_buf b = { 0 };

	memset(&r, 0, sizeof(r));
	r.date = cstr("\t");
	r.kind = cstr("\n");
	r.category = cstr("\r");
	r.title = (dg_str){ "\0", 1 };
	r.url = cstr("\\");
	r.file = cstr("a\tb");
	r.section = 1;
	r.emoji = cstr("\t");
	r.summary = cstr("x\\ty");
	ck_assert_int_eq(dg_tsv_format(&b, &r, NULL), DG_OK);
	dg_check_str(str_of(&b),
	    "\\t\t\\n\t\\r\t\\0\t\\\\\ta\\tb\t1\t\\t\tx\\\\ty\n", "record");
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_format_empty_fields_and_big_section)
{
	dg_record r;
	dg_buf b = { 0 };

	memset(&r, 0, sizeof(r));
	r.section = UINT64_MAX;
	ck_assert_int_eq(dg_tsv_format(&b, &r, NULL), DG_OK);
	dg_check_str(str_of(&b), "\t\t\t\t\t\t18446744073709551615\t\t\n",
	    "record");
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_format_uses_escaped_summary_verbatim)
{
	dg_record r = sample();
	dg_str esc = cstr("pre\\nescaped");
	dg_buf b = { 0 };

	dg_buf_add(&b, "old\n", 4);
	ck_assert_int_eq(dg_tsv_format(&b, &r, &esc), DG_OK);
	dg_check_str(str_of(&b), "old\n2024-10-19\tPapers\tQuantum Computing\t"
	    "A Title (2014)\thttp://arxiv.org/abs/2410.13754v1\t-\t3\t"
	    "\xf0\x9f\x8e\xa0\tpre\\nescaped\n", "appended record");
	dg_buf_free(&b);
}
END_TEST

static Suite *
format_suite(void)
{
	Suite *su = suite_create("format");
	TCase *tc = tcase_create("format");

	tcase_add_test(tc, test_format_nine_fields_and_lf);
	tcase_add_test(tc, test_format_escapes_every_field);
	tcase_add_test(tc, test_format_empty_fields_and_big_section);
	tcase_add_test(tc, test_format_uses_escaped_summary_verbatim);
	suite_add_tcase(su, tc);
	return su;
}

int
main(void)
{
	return dg_check_run(format_suite());
}
