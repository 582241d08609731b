/* Unit tests of the dg TSV record reader (tsvin.c; dg-tsv(5)): headers, fields by name, counts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "tsvin_int.h"

/* --- dg_tsvin ------------------------------------------------------------- */

#define REC1 "2024-01-01\tNews\tAI\tT1\thttp://a\tf.md\t1\t\tsum 1"
#define REC2 "2024-01-02\tPapers\tML\tT2\thttp://b\tg.md\t2\t\xe2\x9c\xa8\tsum 2"

static void
next_ok(dg_tsvin *t)
{
	int st = dg_tsvin_next(t);

	ck_assert_msg(st == DG_OK, "line %llu: status %d, want DG_OK",
	    (unsigned long long)t->rd.lineno, st);
}

static void
field_is(const dg_tsvin *t, enum dg_field id, const char *want)
{
	dg_check_str(dg_tsvin_field(t, id), want, dg_field_names[id]);
}

/* A block of a file (dg-cat's parallel reader) goes on numbering lines, and its first
 * line is not the file's: no header by names, no BOM. */
START_TEST(test_tsvin_block_numbers_on_without_header_or_bom)
{
	static const char text[] = "url\tnote\n" DG_TSV_HEADER "\n"
	    "\xef\xbb\xbf" REC1 "\n";
	dg_tsvin t;

	dg_tsvin_init_block(&t, text, sizeof(text) - 1, 41, 1u << DG_F_URL);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_uint_eq(t.rd.lineno, 42);
	next_ok(&t);
	ck_assert_uint_eq(t.rd.lineno, 44);
	ck_assert_uint_eq(t.headers, 1);
	field_is(&t, DG_F_DATE, "\xef\xbb\xbf" "2024-01-01");
	field_is(&t, DG_F_URL, "http://a");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_no_header_fields_in_order)
{
	static const char text[] = REC1 "\n" REC2;
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 0);
	next_ok(&t);
	field_is(&t, DG_F_DATE, "2024-01-01");
	field_is(&t, DG_F_KIND, "News");
	field_is(&t, DG_F_CATEGORY, "AI");
	field_is(&t, DG_F_TITLE, "T1");
	field_is(&t, DG_F_URL, "http://a");
	field_is(&t, DG_F_FILE, "f.md");
	field_is(&t, DG_F_SECTION, "1");
	field_is(&t, DG_F_EMOJI, "");
	field_is(&t, DG_F_SUMMARY, "sum 1");
	next_ok(&t);
	field_is(&t, DG_F_EMOJI, "\xe2\x9c\xa8");
	field_is(&t, DG_F_SUMMARY, "sum 2");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_skips_standard_header_anywhere)
{
	static const char text[] = DG_TSV_HEADER "\n" REC1 "\n"
	    DG_TSV_HEADER "\n" DG_TSV_HEADER "\n" REC2 "\n" DG_TSV_HEADER "\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 1u << DG_F_URL);
	next_ok(&t);
	field_is(&t, DG_F_TITLE, "T1");
	ck_assert_uint_eq(t.rd.lineno, 2);
	next_ok(&t);
	field_is(&t, DG_F_TITLE, "T2");
	ck_assert_uint_eq(t.rd.lineno, 5);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_header_with_crlf_and_bom_skipped)
{
	static const char text[] = "\xef\xbb\xbf" DG_TSV_HEADER "\r\n"
	    REC1 "\r\n" DG_TSV_HEADER "\r\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 0);
	next_ok(&t);
	field_is(&t, DG_F_DATE, "2024-01-01");
	field_is(&t, DG_F_SUMMARY, "sum 1");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_custom_header_finds_fields_by_name)
{
	/* Reordered, an extra column first and one in the middle. */
	static const char text[] =
	    "n\tsummary\turl\textra\ttitle\tdate\tkind\tcategory\tfile"
	    "\tsection\temoji\n"
	    "1\tS\thttp://u\tE\tT\t2024-05-06\tNews\tC\tf.md\t4\t\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 0);
	next_ok(&t);
	ck_assert_uint_eq(t.rd.lineno, 2);
	field_is(&t, DG_F_DATE, "2024-05-06");
	field_is(&t, DG_F_KIND, "News");
	field_is(&t, DG_F_CATEGORY, "C");
	field_is(&t, DG_F_TITLE, "T");
	field_is(&t, DG_F_URL, "http://u");
	field_is(&t, DG_F_FILE, "f.md");
	field_is(&t, DG_F_SECTION, "4");
	field_is(&t, DG_F_EMOJI, "");
	field_is(&t, DG_F_SUMMARY, "S");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_custom_header_names_only_needed_fields)
{
	/* cut -f4,5 of a stream with a header, then columns swapped. */
	static const char text[] = "url\ttitle\nhttp://u\tT\nhttp://v\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1,
	    1u << DG_F_TITLE | 1u << DG_F_URL);
	next_ok(&t);
	field_is(&t, DG_F_TITLE, "T");
	field_is(&t, DG_F_URL, "http://u");
	/* A line too short for the header's columns. */
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_uint_eq(t.nfields, 1);
	ck_assert_uint_eq(t.ncols, 2);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_header_of_one_name_and_extra_columns)
{
	/* SPEC: extra columns still work; "note" is no field of ours. */
	static const char text[] = "url\tnote\nhttp://a/\tx\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 1u << DG_F_URL);
	next_ok(&t);
	ck_assert_uint_eq(t.rd.lineno, 2);
	field_is(&t, DG_F_URL, "http://a/");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_record_titled_url_is_not_header)
{
	/* Nine fields naming one field name: a record, not a header. */
	static const char text[] =
	    "2024-01-01\tNews\tAI\turl\thttp://a\tf.md\t1\t\ts\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 1u << DG_F_URL);
	next_ok(&t);
	ck_assert_uint_eq(t.rd.lineno, 1);
	field_is(&t, DG_F_URL, "http://a");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_repeated_custom_header_skipped)
{
	/* cat a.tsv b.tsv, each made with the same custom header. */
	static const char text[] = "title\textra\turl\n"
	    "T1\tx\thttp://a\n"
	    "title\textra\turl\n"
	    "T2\ty\thttp://b\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1,
	    1u << DG_F_TITLE | 1u << DG_F_URL);
	next_ok(&t);
	field_is(&t, DG_F_TITLE, "T1");
	next_ok(&t);
	field_is(&t, DG_F_TITLE, "T2");
	field_is(&t, DG_F_URL, "http://b");
	ck_assert_uint_eq(t.rd.lineno, 4);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_custom_header_only_on_first_line)
{
	static const char text[] = REC1 "\nurl\ttitle\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1,
	    1u << DG_F_TITLE | 1u << DG_F_URL);
	next_ok(&t);
	field_is(&t, DG_F_URL, "http://a");
	/* Not the first line: data, and too short for nine fields. */
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_uint_eq(t.nfields, 2);
	ck_assert_uint_eq(t.ncols, DG_NFIELDS);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_standard_header_resets_columns)
{
	/* A custom-headed stream followed by a standard one (cat a b). */
	static const char text[] = "url\ttitle\nhttp://u\tT\n"
	    DG_TSV_HEADER "\n" REC2 "\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1,
	    1u << DG_F_TITLE | 1u << DG_F_URL);
	next_ok(&t);
	field_is(&t, DG_F_TITLE, "T");
	next_ok(&t);
	field_is(&t, DG_F_TITLE, "T2");
	field_is(&t, DG_F_URL, "http://b");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_too_few_fields)
{
	static const char text[] = REC1 "\na\tb\tc\n" REC2 "\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 0);
	next_ok(&t);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_uint_eq(t.nfields, 3);
	ck_assert_uint_eq(t.ncols, DG_NFIELDS);
	ck_assert_uint_eq(t.rd.lineno, 2);
	dg_check_str(t.line, "a\tb\tc", "the bad line");
	/* The reader goes on with the next line. */
	next_ok(&t);
	field_is(&t, DG_F_TITLE, "T2");
	ck_assert_uint_eq(t.rd.lineno, 3);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_eight_fields_too_few)
{
	static const char text[] = "1\t2\t3\t4\t5\t6\t7\t8\n\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 1u << DG_F_URL);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_uint_eq(t.nfields, 8);
	ck_assert_uint_eq(t.ncols, DG_NFIELDS);
	/* An empty line is one empty field. */
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_uint_eq(t.nfields, 1);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_extra_fields_without_header_ok)
{
	static const char text[] = REC1 "\textra\tmore\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 0);
	next_ok(&t);
	ck_assert_uint_eq(t.nfields, 11);
	field_is(&t, DG_F_DATE, "2024-01-01");
	field_is(&t, DG_F_SUMMARY, "sum 1");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_first_line_not_header_when_names_missing)
{
	/* All names but "url": with url needed, not a header. */
	static const char text[] =
	    "date\tkind\tcategory\ttitle\tURL\tfile\tsection\temoji\tsummary\n"
	    REC1 "\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 1u << DG_F_URL);
	next_ok(&t);
	ck_assert_uint_eq(t.rd.lineno, 1);
	field_is(&t, DG_F_DATE, "date");
	field_is(&t, DG_F_URL, "URL");
	next_ok(&t);
	field_is(&t, DG_F_URL, "http://a");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_need_zero_means_every_field)
{
	/* Names url and title, but not the other seven. */
	static const char text[] = "url\ttitle\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 0);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_uint_eq(t.nfields, 2);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_fields_stay_escaped)
{
	static const char text[] =
	    "d\tk\tc\ta\\tb\tu\tf\t1\te\tline\\nnext\\\\\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 0);
	next_ok(&t);
	field_is(&t, DG_F_TITLE, "a\\tb");
	field_is(&t, DG_F_SUMMARY, "line\\nnext\\\\");
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_many_fields_then_few)
{
	dg_buf b = { 0 };
	dg_tsvin t;
	size_t i;

	/* A line of 1000 fields, then a normal one: the field array grows
	 * and is reused. */
	for (i = 0; i < 1000; i++)
		dg_buf_add(&b, "f\t", 2);
	dg_buf_add(&b, "last\n" REC2 "\n", 6 + sizeof(REC2) - 1);
	dg_tsvin_init_mem(&t, b.p, b.len, 0);
	next_ok(&t);
	ck_assert_uint_eq(t.nfields, 1001);
	field_is(&t, DG_F_SUMMARY, "f");
	next_ok(&t);
	ck_assert_uint_eq(t.nfields, DG_NFIELDS);
	field_is(&t, DG_F_SUMMARY, "sum 2");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_tsvin_any_field_past_the_needed_ones)
{
	/* Only the category is needed: past the first line the fields
	 * after it are not split out, yet each can still be asked for. */
	static const char text[] = REC1 "\n" REC2 "\n" REC2 "\textra\n";
	dg_tsvin t;
	int i;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 1u << DG_F_CATEGORY);
	next_ok(&t);
	for (i = 0; i < 2; i++) {
		next_ok(&t);
		ck_assert_uint_eq(t.nfields, DG_NFIELDS);
		field_is(&t, DG_F_DATE, "2024-01-02");
		field_is(&t, DG_F_CATEGORY, "ML");
		field_is(&t, DG_F_TITLE, "T2");
		field_is(&t, DG_F_URL, "http://b");
		field_is(&t, DG_F_SECTION, "2");
		field_is(&t, DG_F_EMOJI, "\xe2\x9c\xa8");
		field_is(&t, DG_F_SUMMARY, "sum 2");
	}
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_long_fields_before_the_needed_one)
{
	/* The needed field far from the start of the line: the TABs are
	 * found across many 32-byte blocks. */
	dg_buf b = { 0 };
	dg_tsvin t;
	size_t i;

	static const char date[] = "2024-01-01\t";
	static const char rest[] = "\tLong Category\tT\tu\tf\t1\t\ts\n";
	static const char short8[] = "2024-01-01\tk\tshort\tT\tu\tf\t1\t\n";

	for (i = 0; i < 2; i++) {
		dg_buf_add(&b, date, sizeof(date) - 1);
		dg_buf_addc(&b, 'k');
		while (b.len % 100 != 0)
			dg_buf_addc(&b, 'k');
		dg_buf_add(&b, rest, sizeof(rest) - 1);
	}
	dg_buf_add(&b, short8, sizeof(short8) - 1);
	dg_tsvin_init_mem(&t, b.p, b.len, 1u << DG_F_CATEGORY);
	next_ok(&t);
	next_ok(&t);
	field_is(&t, DG_F_CATEGORY, "Long Category");
	field_is(&t, DG_F_SUMMARY, "s");
	/* Eight fields: the count is exact. */
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_uint_eq(t.nfields, 8);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_tsvin_unneeded_field_missing_is_empty)
{
	/* A custom header naming only what is needed: a field the stream
	 * does not have comes back empty. */
	static const char text[] = "url\ttitle\nhttp://u\tT\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 1u << DG_F_URL |
	    1u << DG_F_TITLE);
	next_ok(&t);
	field_is(&t, DG_F_URL, "http://u");
	field_is(&t, DG_F_DATE, "");
	dg_tsvin_fini(&t);
}
END_TEST

START_TEST(test_tsvin_reads_fd)
{
	static const char text[] = "title\turl\nT\thttp://u\n"
	    "title\turl\nshort\n";
	char path[] = "/tmp/check_tsvXXXXXX";
	dg_tsvin t;
	int fd;

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	unlink(path);
	ck_assert_int_eq(write(fd, text, sizeof(text) - 1), sizeof(text) - 1);
	ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
	dg_tsvin_init_fd(&t, fd, 1u << DG_F_TITLE | 1u << DG_F_URL);
	next_ok(&t);
	field_is(&t, DG_F_URL, "http://u");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_uint_eq(t.rd.lineno, 4);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
	close(fd);
}
END_TEST

/* A digest handed to a TSV reader is told by its first line; a block
 * from within a file never is (dg-cat reads big files in blocks). */
START_TEST(test_tsvin_digest_only_at_the_start_of_an_input)
{
	static const char md[] = "# Daily digest\n\n## LLM\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, md, sizeof(md) - 1, 1u << DG_F_CATEGORY);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert(dg_tsvin_digest(&t));
	dg_tsvin_fini(&t);
	dg_tsvin_init_block(&t, md, sizeof(md) - 1, 100, 1u << DG_F_CATEGORY);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert(!dg_tsvin_digest(&t));
	dg_tsvin_fini(&t);
}
END_TEST

/* A header line handed out by a reader that stops at headers. */
static void
header_is(dg_tsvin *t, const char *want)
{
	next_ok(t);
	ck_assert_int_eq(dg_tsvin_isheader(t), 1);
	dg_check_str(dg_tsvin_line(t), want, "header line");
}

static void
record_is(dg_tsvin *t, const char *category)
{
	next_ok(t);
	ck_assert_int_eq(dg_tsvin_isheader(t), 0);
	field_is(t, DG_F_CATEGORY, category);
}

START_TEST(test_tsvin_stop_at_headers_hands_out_every_header)
{
	/* A custom header, copies of it, the standard one (which resets
	 * the columns), then the old custom one, now a short record. */
	static const char text[] =
	    "category\tn\tkind\n"
	    "A\t1\tP\n"
	    "category\tn\tkind\n"
	    "category\tn\tkind\n"
	    DG_TSV_HEADER "\n"
	    DG_TSV_HEADER "\n"
	    "\t\tB\t\t\t\t\t\t\n"
	    "category\tn\tkind\n";
	dg_tsvin t;

	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 1u << DG_F_CATEGORY);
	dg_tsvin_stop_at_headers(&t);
	header_is(&t, "category\tn\tkind");
	record_is(&t, "A");
	header_is(&t, "category\tn\tkind");
	header_is(&t, "category\tn\tkind");
	header_is(&t, DG_TSV_HEADER);
	header_is(&t, DG_TSV_HEADER);
	record_is(&t, "B");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_int_eq(dg_tsvin_isheader(&t), 0);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	ck_assert_uint_eq(dg_tsvin_headers(&t), 5);
	dg_tsvin_fini(&t);

	/* Without the call, the same reader skips them all. */
	dg_tsvin_init_mem(&t, text, sizeof(text) - 1, 1u << DG_F_CATEGORY);
	record_is(&t, "A");
	record_is(&t, "B");
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EFIELDS);
	ck_assert_int_eq(dg_tsvin_next(&t), DG_EOF);
	dg_tsvin_fini(&t);
}
END_TEST


static Suite *
tsvin_suite(void)
{
	Suite *su = suite_create("tsvin");
	TCase *tc = tcase_create("tsvin");

	tcase_add_test(tc, test_tsvin_block_numbers_on_without_header_or_bom);
	tcase_add_test(tc, test_tsvin_no_header_fields_in_order);
	tcase_add_test(tc, test_tsvin_skips_standard_header_anywhere);
	tcase_add_test(tc, test_tsvin_header_with_crlf_and_bom_skipped);
	tcase_add_test(tc, test_tsvin_custom_header_finds_fields_by_name);
	tcase_add_test(tc, test_tsvin_custom_header_names_only_needed_fields);
	tcase_add_test(tc, test_tsvin_header_of_one_name_and_extra_columns);
	tcase_add_test(tc, test_tsvin_record_titled_url_is_not_header);
	tcase_add_test(tc, test_tsvin_repeated_custom_header_skipped);
	tcase_add_test(tc, test_tsvin_custom_header_only_on_first_line);
	tcase_add_test(tc, test_tsvin_standard_header_resets_columns);
	tcase_add_test(tc, test_tsvin_too_few_fields);
	tcase_add_test(tc, test_tsvin_eight_fields_too_few);
	tcase_add_test(tc, test_tsvin_extra_fields_without_header_ok);
	tcase_add_test(tc, test_tsvin_first_line_not_header_when_names_missing);
	tcase_add_test(tc, test_tsvin_need_zero_means_every_field);
	tcase_add_test(tc, test_tsvin_fields_stay_escaped);
	tcase_add_test(tc, test_tsvin_many_fields_then_few);
	tcase_add_test(tc, test_tsvin_any_field_past_the_needed_ones);
	tcase_add_test(tc, test_tsvin_long_fields_before_the_needed_one);
	tcase_add_test(tc, test_tsvin_unneeded_field_missing_is_empty);
	tcase_add_test(tc, test_tsvin_reads_fd);
	tcase_add_test(tc, test_tsvin_digest_only_at_the_start_of_an_input);
	tcase_add_test(tc, test_tsvin_stop_at_headers_hands_out_every_header);
	suite_add_tcase(su, tc);
	return su;
}

int
main(void)
{
	return dg_check_run(tsvin_suite());
}
