/* Unit tests of dg TSV fields (tsv.c; dg-tsv(5)): escaping, unescaping, splitting, field names. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "tsv_int.h"

static dg_str
str_of(const dg_buf *b)
{
	dg_str s = { b->p, b->len };

	return s;
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

/* --- the escape loops: the portable one, its SSE2 twin -------------------- */

typedef size_t (*escape_fn)(char *, const char *, size_t);

/* The escape as SPEC §3 says it, a byte at a time. */
static size_t
escape_ref(char *d, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '\0': d[o++] = '\\'; d[o++] = '0'; break;
		case '\t': d[o++] = '\\'; d[o++] = 't'; break;
		case '\n': d[o++] = '\\'; d[o++] = 'n'; break;
		case '\r': d[o++] = '\\'; d[o++] = 'r'; break;
		case '\\': d[o++] = '\\'; d[o++] = '\\'; break;
		default: d[o++] = s[i];
		}
	return o;
}

/* Each loop the build has, named for the messages. */
static const struct {
	const char *name;
	escape_fn fn;
} loops[] = {
	{"words", dg_tsv_escape_words},
#if defined(DG_TSV_ESCAPE_SSE2)
	{"sse2", dg_tsv_escape_sse2},
#endif
	{"chosen", dg_tsv_escape_to}
};

#define MAXN 300
#define GUARD 64

/* Asserts that every loop escapes s[0..n) (n <= MAXN) as the reference
 * does and writes nothing past 2 * n bytes (the room it is promised). */
static void
loops_agree(const unsigned char *s, size_t n, const char *what)
{
	static char want[2 * MAXN], got[2 * MAXN + GUARD];
	size_t i, k, wn, gn;

	wn = escape_ref(want, (const char *)s, n);
	/* Assertions only on failure: each passed one is a write to
	 * Check's pipe, and this runs hundreds of thousands of times. */
	for (i = 0; i < sizeof(loops) / sizeof(loops[0]); i++) {
		memset(got, 0xa5, 2 * n + GUARD);
		gn = loops[i].fn(got, (const char *)s, n);
		if (gn != wn || memcmp(got, want, wn) != 0)
			ck_abort_msg("%s: %s, %zu bytes: escaped differently",
			    loops[i].name, what, n);
		for (k = 2 * n; k < 2 * n + GUARD; k++)
			if ((unsigned char)got[k] != 0xa5)
				ck_abort_msg("%s: %s, %zu bytes: wrote byte "
				    "%zu, past 2n", loops[i].name, what, n, k);
	}
}

/* A fixed sequence, the same on every run. */
static uint64_t
next_rand(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

START_TEST(test_escape_loops_every_byte_at_every_place)
{
	/* Lengths that end on, before and after the 8- and 16-byte
	 * blocks, and a few blocks in. */
	static const size_t lens[] = {
		1, 2, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 47, 48, 49,
		63, 64, 65
	};
	unsigned char s[80];
	size_t l, n, at;
	unsigned c;

	/* Every byte value at every offset. */
	for (c = 0; c < 256; c++)
		for (l = 0; l < sizeof(lens) / sizeof(lens[0]); l++)
			for (n = lens[l], at = 0; at < n; at++) {
				memset(s, 'a', n);
				s[at] = (unsigned char)c;
				loops_agree(s, n, "one byte");
			}
}
END_TEST

START_TEST(test_escape_loops_random_inputs)
{
	static const unsigned char some[] = {
		'\0', '\t', '\n', '\r', '\\', 1, 8, 11, 12, 13, 14, 'n', 0x80,
		0xff, 0xea
	};
	unsigned char s[MAXN];
	uint64_t x = 0x9e3779b97f4a7c15ull;
	size_t n, i, round;

	for (round = 0; round < 3000; round++) {
		n = (size_t)(next_rand(&x) % (MAXN + 1));
		for (i = 0; i < n; i++) {
			uint64_t r = next_rand(&x);

			/* Any byte, or text with the five and their
			 * neighbours strewn in, or runs of the five. */
			if (round % 3 == 0)
				s[i] = (unsigned char)r;
			else if (round % 3 == 1)
				s[i] = r % 8 == 0 ? some[(r >> 8) %
				    sizeof(some)] : (unsigned char)(0xb0 +
				    (r >> 16) % 32);
			else
				s[i] = some[(r >> 8) % 5];
		}
		loops_agree(s, n, "random");
	}
	loops_agree(s, 0, "empty");
}
END_TEST

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

static Suite *
tsv_suite(void)
{
	Suite *su = suite_create("tsv");
	TCase *tc = tcase_create("tsv");

	tcase_add_test(tc, test_escape_backslash);
	tcase_add_test(tc, test_escape_tab);
	tcase_add_test(tc, test_escape_lf);
	tcase_add_test(tc, test_escape_cr);
	tcase_add_test(tc, test_escape_nul);
	tcase_add_test(tc, test_escape_leaves_other_bytes);
	tcase_add_test(tc, test_escape_empty_and_appends);
	tcase_add_test(tc, test_escape_loops_every_byte_at_every_place);
	tcase_add_test(tc, test_escape_loops_random_inputs);
	tcase_add_test(tc, test_unescape_each_escape);
	tcase_add_test(tc, test_unescape_empty_null_is_ok);
	tcase_add_test(tc, test_unescape_plain_and_appends);
	tcase_add_test(tc, test_unescape_inverts_escape);
	tcase_add_test(tc, test_unescape_rejects_unknown_escape);
	tcase_add_test(tc, test_unescape_rejects_trailing_backslash);
	tcase_add_test(tc, test_unescape_escaped_backslash_before_letter);
	tcase_add_test(tc, test_split_at_tabs);
	tcase_add_test(tc, test_split_empty_line_is_one_empty_field);
	tcase_add_test(tc, test_split_trailing_tab_makes_empty_field);
	tcase_add_test(tc, test_split_counts_fields_beyond_max);
	tcase_add_test(tc, test_split_keeps_escapes_and_nul);
	tcase_add_test(tc, test_find_field_by_exact_name);
	tcase_add_test(tc, test_field_names_make_header);
	suite_add_tcase(su, tc);
	return su;
}

int
main(void)
{
	return dg_check_run(tsv_suite());
}
