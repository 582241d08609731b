/* Unit tests of dg TSV (SPEC §3): escaping, splitting, records, headers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "tsvin_int.h"

static dg_str
str_of(const dg_buf *b)
{
	return (dg_str){ b->p, b->len };
}

/* Asserts that escaping the n bytes at s gives want. */
static void
escape_is(const char *s, size_t n, const char *want)
{
	dg_buf b = { 0 };

	ck_assert_int_eq(dg_tsv_escape(&b, s, n), DG_OK);
	dg_check_str(str_of(&b), want, "escaped");
	dg_buf_free(&b);
}

/* Asserts that unescaping s fails at offset off. */
static void
unescape_fails_at(const char *s, size_t off)
{
	dg_buf b = { 0 };
	size_t bad = SIZE_MAX;

	ck_assert_msg(dg_tsv_unescape(&b, s, strlen(s), &bad) == DG_EESCAPE,
	    "\"%s\" unescaped without error", s);
	ck_assert_msg(bad == off, "\"%s\": bad escape at %zu, want %zu", s,
	    bad, off);
	dg_buf_free(&b);
}

/* --- escaping ------------------------------------------------------------- */

START_TEST(test_escape_backslash)
{
	escape_is("\\", 1, "\\\\");
	escape_is("a\\b\\\\", 5, "a\\\\b\\\\\\\\");
}
END_TEST

START_TEST(test_escape_tab)
{
	escape_is("\t", 1, "\\t");
	escape_is("a\tb\t", 4, "a\\tb\\t");
}
END_TEST

START_TEST(test_escape_lf)
{
	escape_is("\n", 1, "\\n");
	escape_is("line1\nline2", 11, "line1\\nline2");
}
END_TEST

START_TEST(test_escape_cr)
{
	escape_is("\r", 1, "\\r");
	escape_is("a\r\nb", 4, "a\\r\\nb");
}
END_TEST

START_TEST(test_escape_nul)
{
	escape_is("\0", 1, "\\0");
	escape_is("a\0\0b", 4, "a\\0\\0b");
}
END_TEST

START_TEST(test_escape_leaves_other_bytes)
{
	char all[256];
	dg_buf b = { 0 };
	size_t i, n = 0;

	/* Every byte but the five, including other controls, DEL, and
	 * bytes that are not valid UTF-8 (0x80, 0xc0, 0xff...). */
	for (i = 0; i < 256; i++)
		if (i != '\\' && i != '\t' && i != '\n' && i != '\r' && i != 0)
			all[n++] = (char)i;
	ck_assert_uint_eq(n, 251);
	ck_assert_int_eq(dg_tsv_escape(&b, all, n), DG_OK);
	ck_assert_uint_eq(b.len, n);
	ck_assert(memcmp(b.p, all, n) == 0);
	dg_buf_free(&b);
	escape_is("\xff\xfe\xc0\x80 \x01\x1b[0m\x7f", 11,
	    "\xff\xfe\xc0\x80 \x01\x1b[0m\x7f");
}
END_TEST

START_TEST(test_escape_empty_and_appends)
{
	dg_buf b = { 0 };

	ck_assert_int_eq(dg_tsv_escape(&b, NULL, 0), DG_OK);
	ck_assert_uint_eq(b.len, 0);
	dg_buf_add(&b, "x\t", 2);
	ck_assert_int_eq(dg_tsv_escape(&b, "\ty", 2), DG_OK);
	dg_check_str(str_of(&b), "x\t\\ty", "appended");
	dg_buf_free(&b);
}
END_TEST

/* --- unescaping ----------------------------------------------------------- */

START_TEST(test_unescape_each_escape)
{
	static const char want[] = "\\\t\n\r\0";
	dg_buf b = { 0 };

	ck_assert_int_eq(dg_tsv_unescape(&b, "\\\\\\t\\n\\r\\0", 10, NULL),
	    DG_OK);
	ck_assert_uint_eq(b.len, 5);
	ck_assert(memcmp(b.p, want, 5) == 0);
	b.len = 0;
	ck_assert_int_eq(dg_tsv_unescape(&b, "a\\tb\\\\n", 7, NULL), DG_OK);
	dg_check_str(str_of(&b), "a\tb\\n", "mixed");
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_unescape_empty_null_is_ok)
{
	dg_buf b = { 0 };

	/* An empty dg_str may have a NULL pointer (dg.h), as for escape. */
	ck_assert_int_eq(dg_tsv_unescape(&b, NULL, 0, NULL), DG_OK);
	ck_assert_uint_eq(b.len, 0);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_unescape_plain_and_appends)
{
	dg_buf b = { 0 };

	ck_assert_int_eq(dg_tsv_unescape(&b, "", 0, NULL), DG_OK);
	ck_assert_uint_eq(b.len, 0);
	dg_buf_add(&b, "<", 1);
	ck_assert_int_eq(dg_tsv_unescape(&b, "\xff plain \x01", 9, NULL),
	    DG_OK);
	dg_check_str(str_of(&b), "<\xff plain \x01", "appended");
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_unescape_inverts_escape)
{
	/* Bytes drawn mostly from the escaped ones and their letters. */
	static const char pick[] = "\\\t\n\r\0tnr0 a\xff\xc3";
	dg_buf in = { 0 }, esc = { 0 }, out = { 0 };
	uint32_t seed = 20241019;
	size_t i, j, n;
	char c;

	for (i = 0; i < 20000; i++) {
		in.len = esc.len = out.len = 0;
		seed = seed * 1103515245u + 12345u;
		n = (seed >> 8) % 64;
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			c = (seed >> 8) % 2 ? (char)(seed >> 16) :
			    pick[(seed >> 16) % (sizeof(pick) - 1)];
			dg_buf_addc(&in, c);
		}
		/* Plain tests, one assertion: Check's are slow in loops. */
		if (dg_tsv_escape(&esc, in.p, in.len) != DG_OK)
			break;
		/* An escaped field is one TSV field on one line. */
		if (esc.len > 0 && (memchr(esc.p, '\t', esc.len) != NULL ||
		    memchr(esc.p, '\n', esc.len) != NULL ||
		    memchr(esc.p, '\r', esc.len) != NULL ||
		    memchr(esc.p, '\0', esc.len) != NULL))
			break;
		if (dg_tsv_unescape(&out, esc.p, esc.len, NULL) != DG_OK ||
		    out.len != in.len || (n > 0 && memcmp(out.p, in.p, n) != 0))
			break;
	}
	ck_assert_msg(i == 20000, "round trip %zu failed: %zu bytes escaped "
	    "to %zu, back to %zu", i, in.len, esc.len, out.len);
	dg_buf_free(&in);
	dg_buf_free(&esc);
	dg_buf_free(&out);
}
END_TEST

START_TEST(test_unescape_rejects_unknown_escape)
{
	unescape_fails_at("\\q", 0);
	unescape_fails_at("ab\\xc", 2);
	unescape_fails_at("\\T", 0);
	unescape_fails_at("\\N", 0);
	unescape_fails_at("ok\\t\\ ", 4);
	unescape_fails_at("\\\\\\a", 2);
	unescape_fails_at("\\1", 0);
}
END_TEST

START_TEST(test_unescape_rejects_trailing_backslash)
{
	dg_buf b = { 0 };

	unescape_fails_at("\\", 0);
	unescape_fails_at("abc\\", 3);
	unescape_fails_at("\\\\\\", 2);
	/* bad may be NULL. */
	ck_assert_int_eq(dg_tsv_unescape(&b, "x\\", 2, NULL), DG_EESCAPE);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_unescape_escaped_backslash_before_letter)
{
	dg_buf b = { 0 };

	/* "\\t" is a backslash then t, not a TAB. */
	ck_assert_int_eq(dg_tsv_unescape(&b, "\\\\t\\\\0", 6, NULL), DG_OK);
	dg_check_str(str_of(&b), "\\t\\0", "unescaped");
	dg_buf_free(&b);
}
END_TEST

/* --- splitting and finding ---------------------------------------------- */

START_TEST(test_split_at_tabs)
{
	dg_str f[4];

	ck_assert_uint_eq(dg_tsv_split("a\tbc\t\td", 7, f, 4), 4);
	dg_check_str(f[0], "a", "field 1");
	dg_check_str(f[1], "bc", "field 2");
	dg_check_str(f[2], "", "field 3");
	dg_check_str(f[3], "d", "field 4");
}
END_TEST

START_TEST(test_split_empty_line_is_one_empty_field)
{
	dg_str f[2];

	ck_assert_uint_eq(dg_tsv_split("", 0, f, 2), 1);
	ck_assert_uint_eq(f[0].n, 0);
}
END_TEST

START_TEST(test_split_trailing_tab_makes_empty_field)
{
	dg_str f[3];

	ck_assert_uint_eq(dg_tsv_split("a\t", 2, f, 3), 2);
	dg_check_str(f[0], "a", "field 1");
	ck_assert_uint_eq(f[1].n, 0);
	ck_assert_uint_eq(dg_tsv_split("\t\t", 2, f, 3), 3);
}
END_TEST

START_TEST(test_split_counts_fields_beyond_max)
{
	dg_str f[3];

	f[2].p = "sentinel";
	f[2].n = 8;
	ck_assert_uint_eq(dg_tsv_split("a\tb\tc\td\te", 9, f, 2), 5);
	dg_check_str(f[0], "a", "field 1");
	dg_check_str(f[1], "b", "field 2");
	dg_check_str(f[2], "sentinel", "untouched slot");
	ck_assert_uint_eq(dg_tsv_split("a\tb\tc", 5, NULL, 0), 3);
}
END_TEST

START_TEST(test_split_keeps_escapes_and_nul)
{
	dg_str f[2];

	ck_assert_uint_eq(dg_tsv_split("a\\tb\0\tc", 7, f, 2), 2);
	ck_assert_uint_eq(f[0].n, 5);
	ck_assert(memcmp(f[0].p, "a\\tb\0", 5) == 0);
	dg_check_str(f[1], "c", "field 2");
}
END_TEST

/* The TABs of s[0..n), counted and placed byte by byte. */
static size_t
naive_tabs(const char *s, size_t n, size_t *pos, size_t npos, size_t enough)
{
	size_t i, c = 0;

	for (i = 0; i < n && c < enough; i++)
		if (s[i] == '\t') {
			if (c < npos)
				pos[c] = i;
			c++;
		}
	return c;
}

START_TEST(test_tabs_count_and_place_like_a_byte_loop)
{
	/* Lines of every length up to 300, with TABs at random places,
	 * starting at every offset of a 32-byte block, for counts that
	 * stop early or not at all: the 32-byte blocks, their edges and
	 * the tail must all agree with the byte loop. */
	static const size_t enoughs[] = { 0, 1, 2, 3, 8, 9, 40, 1000 };
	char buf[340];
	size_t pos[12], want[12], n, off, e, npos, got, c, i;
	uint32_t x = 12345;

	for (n = 0; n <= 300; n++)
		for (off = 0; off < 32; off += 5) {
			for (i = 0; i < n; i++) {
				x = x * 1103515245 + 12345;
				/* TAB, a byte that is TAB with its top bit
				 * set, NUL, or text. */
				switch (x >> 28) {
				case 0: case 1: case 2: buf[off + i] = '\t';
					break;
				case 3: buf[off + i] = (char)0x89; break;
				case 4: buf[off + i] = '\0'; break;
				default: buf[off + i] = 'a'; break;
				}
			}
			for (e = 0; e < sizeof(enoughs) / sizeof(enoughs[0]);
			    e++) {
				npos = enoughs[e] < 12 ? enoughs[e] : 12;
				c = naive_tabs(buf + off, n, want, npos,
				    enoughs[e]);
				got = dg_tsv_tabs(buf + off, n, pos, npos,
				    enoughs[e]);
				ck_assert_msg(got == c, "length %zu offset %zu "
				    "enough %zu: %zu TABs, want %zu", n, off,
				    enoughs[e], got, c);
				for (i = 0; i < c && i < npos; i++)
					ck_assert_msg(pos[i] == want[i],
					    "length %zu: TAB %zu at %zu, want "
					    "%zu", n, i, pos[i], want[i]);
			}
		}
}
END_TEST

START_TEST(test_tabs_stop_at_enough)
{
	char line[200];
	size_t pos[3] = { 0, 0, 99 };

	memset(line, '\t', sizeof(line));
	ck_assert_uint_eq(dg_tsv_tabs(line, sizeof(line), pos, 2, 8), 8);
	ck_assert_uint_eq(pos[0], 0);
	ck_assert_uint_eq(pos[1], 1);
	ck_assert_uint_eq(pos[2], 99);	/* only npos are stored */
	ck_assert_uint_eq(dg_tsv_tabs(line, sizeof(line), NULL, 0, 500),
	    200);
	ck_assert_uint_eq(dg_tsv_tabs(line, 0, NULL, 0, 5), 0);
}
END_TEST

START_TEST(test_find_field_by_exact_name)
{
	dg_str f[5];
	size_t nf;

	nf = dg_tsv_split("urls\tur\turl\tx\turl", 17, f, 5);
	ck_assert_uint_eq(nf, 5);
	ck_assert_int_eq(dg_tsv_find(f, nf, "url"), 2);
	ck_assert_int_eq(dg_tsv_find(f, nf, "x"), 3);
	ck_assert_int_eq(dg_tsv_find(f, nf, "title"), -1);
	ck_assert_int_eq(dg_tsv_find(f, nf, "URL"), -1);
	ck_assert_int_eq(dg_tsv_find(f, 0, "url"), -1);
}
END_TEST

START_TEST(test_field_names_make_header)
{
	dg_buf b = { 0 };
	size_t i;

	for (i = 0; i < DG_NFIELDS; i++) {
		if (i > 0)
			dg_buf_addc(&b, '\t');
		dg_buf_add(&b, dg_field_names[i], strlen(dg_field_names[i]));
	}
	dg_check_str(str_of(&b), DG_TSV_HEADER, "joined names");
	dg_check_str(str_of(&b),
	    "date\tkind\tcategory\ttitle\turl\tfile\tsection\temoji\tsummary",
	    "SPEC order");
	dg_buf_free(&b);
}
END_TEST

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

static Suite *
tsv_suite(void)
{
	Suite *su = suite_create("tsv");
	TCase *esc = tcase_create("escape");
	TCase *split = tcase_create("split");
	TCase *fmt = tcase_create("format");
	TCase *in = tcase_create("tsvin");

	tcase_add_test(esc, test_escape_backslash);
	tcase_add_test(esc, test_escape_tab);
	tcase_add_test(esc, test_escape_lf);
	tcase_add_test(esc, test_escape_cr);
	tcase_add_test(esc, test_escape_nul);
	tcase_add_test(esc, test_escape_leaves_other_bytes);
	tcase_add_test(esc, test_escape_empty_and_appends);
	tcase_add_test(esc, test_unescape_each_escape);
	tcase_add_test(esc, test_unescape_empty_null_is_ok);
	tcase_add_test(esc, test_unescape_plain_and_appends);
	tcase_add_test(esc, test_unescape_inverts_escape);
	tcase_add_test(esc, test_unescape_rejects_unknown_escape);
	tcase_add_test(esc, test_unescape_rejects_trailing_backslash);
	tcase_add_test(esc, test_unescape_escaped_backslash_before_letter);
	suite_add_tcase(su, esc);

	tcase_add_test(split, test_split_at_tabs);
	tcase_add_test(split, test_split_empty_line_is_one_empty_field);
	tcase_add_test(split, test_split_trailing_tab_makes_empty_field);
	tcase_add_test(split, test_split_counts_fields_beyond_max);
	tcase_add_test(split, test_split_keeps_escapes_and_nul);
	tcase_add_test(split, test_tabs_count_and_place_like_a_byte_loop);
	tcase_add_test(split, test_tabs_stop_at_enough);
	tcase_add_test(split, test_find_field_by_exact_name);
	tcase_add_test(split, test_field_names_make_header);
	suite_add_tcase(su, split);

	tcase_add_test(fmt, test_format_nine_fields_and_lf);
	tcase_add_test(fmt, test_format_escapes_every_field);
	tcase_add_test(fmt, test_format_empty_fields_and_big_section);
	tcase_add_test(fmt, test_format_uses_escaped_summary_verbatim);
	suite_add_tcase(su, fmt);

	tcase_add_test(in, test_tsvin_no_header_fields_in_order);
	tcase_add_test(in, test_tsvin_skips_standard_header_anywhere);
	tcase_add_test(in, test_tsvin_header_with_crlf_and_bom_skipped);
	tcase_add_test(in, test_tsvin_custom_header_finds_fields_by_name);
	tcase_add_test(in, test_tsvin_custom_header_names_only_needed_fields);
	tcase_add_test(in, test_tsvin_header_of_one_name_and_extra_columns);
	tcase_add_test(in, test_tsvin_record_titled_url_is_not_header);
	tcase_add_test(in, test_tsvin_repeated_custom_header_skipped);
	tcase_add_test(in, test_tsvin_custom_header_only_on_first_line);
	tcase_add_test(in, test_tsvin_standard_header_resets_columns);
	tcase_add_test(in, test_tsvin_stop_at_headers_hands_out_every_header);
	tcase_add_test(in, test_tsvin_too_few_fields);
	tcase_add_test(in, test_tsvin_eight_fields_too_few);
	tcase_add_test(in, test_tsvin_extra_fields_without_header_ok);
	tcase_add_test(in, test_tsvin_first_line_not_header_when_names_missing);
	tcase_add_test(in, test_tsvin_need_zero_means_every_field);
	tcase_add_test(in, test_tsvin_fields_stay_escaped);
	tcase_add_test(in, test_tsvin_many_fields_then_few);
	tcase_add_test(in, test_tsvin_any_field_past_the_needed_ones);
	tcase_add_test(in, test_tsvin_long_fields_before_the_needed_one);
	tcase_add_test(in, test_tsvin_unneeded_field_missing_is_empty);
	tcase_add_test(in, test_tsvin_reads_fd);
	tcase_add_test(in, test_tsvin_block_numbers_on_without_header_or_bom);
	suite_add_tcase(su, in);
	return su;
}

int
main(void)
{
	return dg_check_run(tsv_suite());
}
