/* Unit tests of writing a record as one dg TSV line (format.c; dg-tsv(5)). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "format_int.h"

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

/* --- a section's records from their shared fields (dg-parse) ------------ */

/* Asserts that the shared line of rec, from sh set by another record of
 * its section, is its dg_tsv_format line, appended after what b held. */
static void
shared_is_format(const dg_tsv_shared *sh, const dg_record *rec)
{
	dg_buf want = { 0 }, got = { 0 };

	ck_assert_int_eq(dg_buf_add(&got, "x\n", 2), DG_OK);
	ck_assert_int_eq(dg_buf_add(&want, "x\n", 2), DG_OK);
	ck_assert_int_eq(dg_tsv_format(&want, rec, NULL), DG_OK);
	ck_assert_int_eq(dg_tsv_format_shared(&got, sh, rec), DG_OK);
	ck_assert_uint_eq(got.len, want.len);
	ck_assert_msg(memcmp(got.p, want.p, want.len) == 0,
	    "shared line differs: %.*s", (int)got.len, got.p);
	dg_buf_free(&want);
	dg_buf_free(&got);
}

START_TEST(test_format_shared_is_format)
{
	static const char *const titles[] = {
		"", "A Title (2014)", "tab\there", "back\\slash\r\n",
		"a title long enough to take a few of the escape's blocks, \\"
	};
	dg_record r = sample(), other = sample();
	dg_tsv_shared sh = { { 0 }, { 0 } };
	size_t i;

	other.title = cstr("the first record's title");
	other.url = cstr("https://example.org/first");
	ck_assert_int_eq(dg_tsv_share(&sh, &other, NULL), DG_OK);
	shared_is_format(&sh, &other);
	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		r.title = cstr(titles[i]);
		r.url = cstr(titles[(i + 2) % 5]);
		shared_is_format(&sh, &r);
	}
	/* Shared fields that need escaping, set again for a new section,
	 * and a section with no sources (title and URL empty). */
	memset(&r, 0, sizeof(r));
	r.date = cstr("\t");
	r.kind = cstr("\n");
	r.category = cstr("\r\\");
	r.file = cstr("a\tb");
	r.section = UINT64_MAX;
	r.emoji = cstr("\t");
	r.summary = (dg_str){ "x\0y\n", 4 };
	ck_assert_int_eq(dg_tsv_share(&sh, &r, NULL), DG_OK);
	shared_is_format(&sh, &r);
	dg_tsv_shared_free(&sh);
}
END_TEST

START_TEST(test_format_shared_uses_escaped_summary_verbatim)
{
	dg_record r = sample();
	dg_str esc = cstr("pre\\nescaped");
	dg_tsv_shared sh = { { 0 }, { 0 } };
	dg_buf b = { 0 };

	ck_assert_int_eq(dg_tsv_share(&sh, &r, &esc), DG_OK);
	ck_assert_int_eq(dg_tsv_format_shared(&b, &sh, &r), DG_OK);
	dg_check_str(str_of(&b), "2024-10-19\tPapers\tQuantum Computing\t"
	    "A Title (2014)\thttp://arxiv.org/abs/2410.13754v1\t-\t3\t"
	    "\xf0\x9f\x8e\xa0\tpre\\nescaped\n", "record");
	dg_buf_free(&b);
	dg_tsv_shared_free(&sh);
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
	tcase_add_test(tc, test_format_shared_is_format);
	tcase_add_test(tc, test_format_shared_uses_escaped_summary_verbatim);
	suite_add_tcase(su, tc);
	return su;
}

int
main(void)
{
	return dg_check_run(format_suite());
}
