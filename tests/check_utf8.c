/* Unit tests of the UTF-8 helpers: decoding, SPEC §2 emoji, widths. */
#include <string.h>

#include "check_util.h"
#include "utf8_int.h"

/* Asserts that the n bytes at s decode to cp, using all n bytes. */
static void
decodes(const char *s, size_t n, uint32_t cp)
{
	uint32_t got = 0xdeadbeef;
	size_t len;

	len = dg_utf8_decode((const unsigned char *)s, n, &got);
	ck_assert_msg(len == n && got == cp,
	    "decoding %zu bytes: got length %zu U+%04X, want U+%04X", n, len,
	    (unsigned)got, (unsigned)cp);
}

/* Asserts that the n bytes at s are rejected, with the first byte in
 * *cp. */
static void
rejects(const char *s, size_t n)
{
	uint32_t got = 0xdeadbeef;
	size_t len;

	len = dg_utf8_decode((const unsigned char *)s, n, &got);
	ck_assert_msg(len == 0, "sequence of %zu bytes from 0x%02X accepted "
	    "as U+%04X", n, (unsigned)(unsigned char)s[0], (unsigned)got);
	ck_assert_uint_eq(got, (unsigned char)s[0]);
}

static void
emoji(uint32_t cp, int want)
{
	ck_assert_msg(!dg_is_emoji(cp) == !want, "U+%04X: is_emoji %d, want %d",
	    (unsigned)cp, dg_is_emoji(cp), want);
}

static void
width(uint32_t cp, int want)
{
	ck_assert_msg(dg_utf8_width(cp) == want, "U+%04X: width %d, want %d",
	    (unsigned)cp, dg_utf8_width(cp), want);
}

/* --- decoding --------------------------------------------------------------- */

START_TEST(test_decode_ascii)
{
	decodes("A", 1, 'A');
	decodes("\0", 1, 0);
	decodes("\x7f", 1, 0x7f);
}
END_TEST

START_TEST(test_decode_two_bytes)
{
	decodes("\xc2\x80", 2, 0x80);
	decodes("\xc2\xa9", 2, 0xa9);
	decodes("\xc3\xa9", 2, 0xe9);
	decodes("\xdf\xbf", 2, 0x7ff);
}
END_TEST

START_TEST(test_decode_three_bytes)
{
	decodes("\xe0\xa0\x80", 3, 0x800);
	decodes("\xea\xb0\x80", 3, 0xac00);
	decodes("\xed\x9f\xbf", 3, 0xd7ff);
	decodes("\xee\x80\x80", 3, 0xe000);
	decodes("\xef\xbb\xbf", 3, 0xfeff);
	decodes("\xef\xbf\xbf", 3, 0xffff);
}
END_TEST

START_TEST(test_decode_four_bytes)
{
	decodes("\xf0\x90\x80\x80", 4, 0x10000);
	decodes("\xf0\x9f\x8e\xa0", 4, 0x1f3a0);
	decodes("\xf3\xa0\x80\xa0", 4, 0xe0020);
	decodes("\xf4\x8f\xbf\xbf", 4, 0x10ffff);
}
END_TEST

START_TEST(test_decode_reads_one_sequence)
{
	uint32_t cp;

	ck_assert_uint_eq(dg_utf8_decode((const unsigned char *)"\xc3\xa9Z",
	    3, &cp), 2);
	ck_assert_uint_eq(cp, 0xe9);
	ck_assert_uint_eq(dg_utf8_decode((const unsigned char *)"ab", 2, &cp),
	    1);
	ck_assert_uint_eq(cp, 'a');
	ck_assert_uint_eq(dg_utf8_decode(
	    (const unsigned char *)"\xf0\x9f\x98\x80\xf0", 5, &cp), 4);
	ck_assert_uint_eq(cp, 0x1f600);
}
END_TEST

START_TEST(test_decode_rejects_overlong)
{
	rejects("\xc0\x80", 2);
	rejects("\xc0\xaf", 2);
	rejects("\xc1\xbf", 2);
	rejects("\xe0\x80\x80", 3);
	rejects("\xe0\x9f\xbf", 3);
	rejects("\xf0\x80\x80\x80", 4);
	rejects("\xf0\x8f\xbf\xbf", 4);
}
END_TEST

START_TEST(test_decode_rejects_surrogates)
{
	rejects("\xed\xa0\x80", 3);
	rejects("\xed\xad\xbf", 3);
	rejects("\xed\xb0\x80", 3);
	rejects("\xed\xbf\xbf", 3);
}
END_TEST

START_TEST(test_decode_rejects_above_max)
{
	rejects("\xf4\x90\x80\x80", 4);
	rejects("\xf4\xbf\xbf\xbf", 4);
	rejects("\xf5\x80\x80\x80", 4);
	rejects("\xf7\xbf\xbf\xbf", 4);
	rejects("\xf8\x88\x80\x80\x80", 5);
	rejects("\xfc\x84\x80\x80\x80\x80", 6);
	rejects("\xfe", 1);
	rejects("\xff", 1);
}
END_TEST

START_TEST(test_decode_rejects_truncated)
{
	rejects("\xc3", 1);
	rejects("\xe2\x82", 2);
	rejects("\xe2", 1);
	rejects("\xf0\x9f\x98", 3);
	rejects("\xf0\x9f", 2);
	/* The sequence broken by a byte that is not a continuation. */
	rejects("\xc3" "A", 2);
	rejects("\xe2\x82" "A", 3);
	rejects("\xf0\x9f\x98" "A", 4);
	rejects("\xe2\xc3\xa9", 3);
}
END_TEST

START_TEST(test_decode_rejects_stray_continuation)
{
	rejects("\x80", 1);
	rejects("\x80" "A", 2);
	rejects("\xbf\xbf", 2);
	rejects("\x9f\x98\x80", 3);
}
END_TEST

/* --- encoding --------------------------------------------------------------- */

START_TEST(test_put_encodes_each_length)
{
	static const uint32_t cps[] = { 0, 'A', 0x7f, 0x80, 0xe9, 0x7ff,
	    0x800, 0xac00, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x1f3a0,
	    0x10ffff };
	static const size_t lens[] = { 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4,
	    4, 4 };
	dg_buf b = { 0 };
	uint32_t cp;
	size_t i;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		b.len = 0;
		ck_assert_int_eq(dg_utf8_put(&b, cps[i]), DG_OK);
		ck_assert_msg(b.len == lens[i], "U+%04X: %zu bytes, want %zu",
		    (unsigned)cps[i], b.len, lens[i]);
		ck_assert_uint_eq(dg_utf8_decode((const unsigned char *)b.p,
		    b.len, &cp), lens[i]);
		ck_assert_uint_eq(cp, cps[i]);
	}
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_put_known_bytes_and_appends)
{
	dg_buf b = { 0 };

	dg_buf_add(&b, "x", 1);
	dg_utf8_put(&b, 0xe9);
	dg_utf8_put(&b, 0xfffd);
	dg_utf8_put(&b, 0x1f600);
	dg_check_str((dg_str){ b.p, b.len },
	    "x\xc3\xa9\xef\xbf\xbd\xf0\x9f\x98\x80", "encoded");
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_put_decode_round_trip_all_scalars)
{
	dg_buf b = { 0 };
	uint32_t c, cp = 0;
	size_t len = 0;

	/* One assertion at the end: Check's are slow in a loop this long. */
	for (c = 0; c <= 0x10ffff; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		b.len = 0;
		if (dg_utf8_put(&b, c) != DG_OK)
			break;
		len = dg_utf8_decode((const unsigned char *)b.p, b.len, &cp);
		if (len != b.len || cp != c)
			break;
	}
	ck_assert_msg(c == 0x110000, "U+%04X: put %zu bytes, decoded %zu "
	    "bytes as U+%04X", (unsigned)c, b.len, len, (unsigned)cp);
	dg_buf_free(&b);
}
END_TEST

/* --- emoji (SPEC §2 "Marker") ---------------------------------------------- */

START_TEST(test_emoji_copyright_and_registered)
{
	emoji(0xa8, 0);
	emoji(0xa9, 1);
	emoji(0xaa, 0);
	emoji(0xad, 0);
	emoji(0xae, 1);
	emoji(0xaf, 0);
}
END_TEST

START_TEST(test_emoji_range_2000_2bff)
{
	emoji(0x1fff, 0);
	emoji(0x2000, 1);
	emoji(0x203c, 1);	/* double exclamation mark */
	emoji(0x2728, 1);	/* sparkles */
	emoji(0x2b50, 1);	/* star */
	emoji(0x2bff, 1);
	emoji(0x2c00, 0);
}
END_TEST

START_TEST(test_emoji_cjk_symbol_singletons)
{
	emoji(0x302f, 0);
	emoji(0x3030, 1);
	emoji(0x3031, 0);
	emoji(0x303c, 0);
	emoji(0x303d, 1);
	emoji(0x303e, 0);
	emoji(0x3296, 0);
	emoji(0x3297, 1);
	emoji(0x3298, 0);
	emoji(0x3299, 1);
	emoji(0x329a, 0);
}
END_TEST

START_TEST(test_emoji_variation_selectors)
{
	emoji(0xfdff, 0);
	emoji(0xfe00, 1);
	emoji(0xfe0f, 1);
	emoji(0xfe10, 0);
}
END_TEST

START_TEST(test_emoji_zwj_and_keycap)
{
	emoji(0x200d, 1);
	emoji(0x20e3, 1);
}
END_TEST

START_TEST(test_emoji_range_1f000_1faff)
{
	emoji(0x1efff, 0);
	emoji(0x1f000, 1);
	emoji(0x1f3a0, 1);	/* carousel horse */
	emoji(0x1f600, 1);
	emoji(0x1f9f8, 1);	/* teddy bear */
	emoji(0x1faff, 1);
	emoji(0x1fb00, 0);
}
END_TEST

START_TEST(test_emoji_tag_characters)
{
	emoji(0xe001f, 0);
	emoji(0xe0020, 1);
	emoji(0xe007f, 1);
	emoji(0xe0080, 0);
}
END_TEST

START_TEST(test_emoji_not_letters_digits_or_hangul)
{
	emoji('#', 0);
	emoji('1', 0);
	emoji('A', 0);
	emoji(0, 0);
	emoji(0xe9, 0);
	emoji(0x1100, 0);
	emoji(0x3131, 0);
	emoji(0xac00, 0);	/* HANGUL SYLLABLE GA */
	emoji(0xc694, 0);	/* HANGUL SYLLABLE YO */
	emoji(0xd7a3, 0);
	emoji(0x4e00, 0);
	emoji(0x3000, 0);	/* ideographic space */
	emoji(0xff01, 0);
	emoji(0xfffd, 0);
	emoji(0x10ffff, 0);
}
END_TEST

/* --- widths ----------------------------------------------------------------- */

START_TEST(test_width_ascii_and_latin_one)
{
	width('A', 1);
	width(' ', 1);
	width('~', 1);
	width(0xe9, 1);
	width(0x3b1, 1);	/* Greek alpha */
	width(0x410, 1);	/* Cyrillic A */
}
END_TEST

START_TEST(test_width_hangul_two)
{
	width(0xac00, 2);
	width(0xc694, 2);
	width(0xd7a3, 2);
	width(0x1100, 2);	/* leading jamo */
	width(0x3131, 2);	/* compatibility jamo */
}
END_TEST

START_TEST(test_width_cjk_two)
{
	width(0x4e00, 2);
	width(0x9fff, 2);
	width(0x3400, 2);
	width(0x3042, 2);	/* hiragana a */
	width(0x30a2, 2);	/* katakana a */
	width(0x3000, 2);	/* ideographic space */
	width(0xf900, 2);
	width(0x20000, 2);
}
END_TEST

START_TEST(test_width_fullwidth_forms_two)
{
	width(0xff01, 2);
	width(0xff21, 2);	/* fullwidth A */
	width(0xff60, 2);
	width(0xff61, 1);	/* halfwidth ideographic full stop */
	width(0xffe0, 2);
}
END_TEST

START_TEST(test_width_emoji_two)
{
	width(0x1f3a0, 2);
	width(0x1f600, 2);
	width(0x1f9f8, 2);
	width(0x2728, 2);
}
END_TEST

START_TEST(test_width_combining_zero)
{
	width(0x300, 0);
	width(0x301, 0);
	width(0x36f, 0);
	width(0x2ff, 1);
	width(0x370, 1);
	width(0x1160, 0);	/* medial jamo join the syllable */
	width(0x11a8, 0);	/* final jamo */
}
END_TEST

START_TEST(test_width_joiners_and_selectors_zero)
{
	width(0x200b, 0);
	width(0x200c, 0);
	width(0x200d, 0);
	width(0xfe0e, 0);
	width(0xfe0f, 0);
	width(0xe0020, 0);
	width(0xe007f, 0);
}
END_TEST

START_TEST(test_width_other_combining_blocks_zero)
{
	/* dg.h: "0 for combining marks"; these blocks are all combining
	 * marks, U+20E3 ends keycap markers (1 U+FE0F U+20E3). */
	width(0x1ab0, 0);	/* Combining Diacritical Marks Extended */
	width(0x1dc0, 0);	/* Combining Diacritical Marks Supplement */
	width(0x20d0, 0);	/* Combining Diacritical Marks for Symbols */
	width(0x20e3, 0);	/* combining enclosing keycap */
	width(0xfe20, 0);	/* Combining Half Marks */
}
END_TEST

static Suite *
utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *dec = tcase_create("decode");
	TCase *em = tcase_create("emoji");
	TCase *wd = tcase_create("width");

	tcase_add_test(dec, test_decode_ascii);
	tcase_add_test(dec, test_decode_two_bytes);
	tcase_add_test(dec, test_decode_three_bytes);
	tcase_add_test(dec, test_decode_four_bytes);
	tcase_add_test(dec, test_decode_reads_one_sequence);
	tcase_add_test(dec, test_decode_rejects_overlong);
	tcase_add_test(dec, test_decode_rejects_surrogates);
	tcase_add_test(dec, test_decode_rejects_above_max);
	tcase_add_test(dec, test_decode_rejects_truncated);
	tcase_add_test(dec, test_decode_rejects_stray_continuation);
	tcase_add_test(dec, test_put_encodes_each_length);
	tcase_add_test(dec, test_put_known_bytes_and_appends);
	tcase_add_test(dec, test_put_decode_round_trip_all_scalars);
	/* A million code points: slow under sanitizers. */
	tcase_set_timeout(dec, 30);
	suite_add_tcase(s, dec);

	tcase_add_test(em, test_emoji_copyright_and_registered);
	tcase_add_test(em, test_emoji_range_2000_2bff);
	tcase_add_test(em, test_emoji_cjk_symbol_singletons);
	tcase_add_test(em, test_emoji_variation_selectors);
	tcase_add_test(em, test_emoji_zwj_and_keycap);
	tcase_add_test(em, test_emoji_range_1f000_1faff);
	tcase_add_test(em, test_emoji_tag_characters);
	tcase_add_test(em, test_emoji_not_letters_digits_or_hangul);
	suite_add_tcase(s, em);

	tcase_add_test(wd, test_width_ascii_and_latin_one);
	tcase_add_test(wd, test_width_hangul_two);
	tcase_add_test(wd, test_width_cjk_two);
	tcase_add_test(wd, test_width_fullwidth_forms_two);
	tcase_add_test(wd, test_width_emoji_two);
	tcase_add_test(wd, test_width_combining_zero);
	tcase_add_test(wd, test_width_joiners_and_selectors_zero);
	tcase_add_test(wd, test_width_other_combining_blocks_zero);
	suite_add_tcase(s, wd);
	return s;
}

int
main(void)
{
	return dg_check_run(utf8_suite());
}
