/* Unit tests of glob matching: SPEC.md §4 dg-cat, lib/glob_int.h. */
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "glob_int.h"

/* Does the whole of s match pattern pat?  Both NUL-terminated here. */
static int
m(const char *pat, const char *s)
{
	dg_glob *g = dg_glob_new(pat, strlen(pat));
	int r;

	ck_assert_ptr_nonnull(g);
	r = dg_glob_match(g, s, strlen(s));
	dg_glob_free(g);
	return r;
}

START_TEST(test_glob_literal_matches_whole_category)
{
	ck_assert(m("LLM", "LLM"));
	ck_assert(!m("LLM", "LLM Agents"));
	ck_assert(!m("Agents", "LLM Agents"));
	ck_assert(!m("LLM", "LL"));
	ck_assert(m("", ""));
	ck_assert(!m("", "x"));
}
END_TEST

START_TEST(test_glob_folds_ascii_case)
{
	ck_assert(m("llm", "LLM"));
	ck_assert(m("Model training technique", "Model Training Technique"));
	ck_assert(m("MODEL*", "model compression"));
	/* Only ASCII folds: no locale, byte for byte beyond it. */
	ck_assert(!m("\xc3\xa9", "\xc3\x89"));
	ck_assert(m("\xc3\xa9t\xc3\xa9", "\xc3\xa9T\xc3\xa9"));
}
END_TEST

START_TEST(test_glob_normalises_blanks_in_category)
{
	ck_assert(m("Computer Vision", "Computer  Vision"));
	ck_assert(m("Computer Vision", "Computer\tVision"));
	ck_assert(m("Computer Vision", "  Computer Vision \t"));
	ck_assert(m("Computer Vision", "Computer \t \tVision"));
	ck_assert(!m("Computer Vision", "ComputerVision"));
}
END_TEST

START_TEST(test_glob_normalises_blanks_in_pattern)
{
	ck_assert(m("Computer  Vision", "Computer Vision"));
	ck_assert(m(" Computer\tVision  ", "Computer Vision"));
	ck_assert(m("Computer \\  Vision", "Computer Vision"));
	ck_assert(m("a * b", "a x b"));
	ck_assert(!m("a * b", "axb"));
	ck_assert(m("   ", ""));
}
END_TEST

START_TEST(test_glob_star_matches_any_run)
{
	ck_assert(m("*", ""));
	ck_assert(m("*", "anything at all"));
	ck_assert(m("model*", "Model"));
	ck_assert(m("model*", "Model Training Technique"));
	ck_assert(m("*vision", "Computer Vision"));
	ck_assert(m("*put*vis*", "Computer Vision"));
	ck_assert(m("**a**", "a"));
	ck_assert(!m("model*", "A Model"));
	ck_assert(!m("*x*", "Computer Vision"));
}
END_TEST

START_TEST(test_glob_question_matches_one_byte)
{
	ck_assert(m("LL?", "LLM"));
	ck_assert(!m("LL?", "LL"));
	ck_assert(!m("LL?", "LLMs"));
	ck_assert(m("a?b", "a b"));
	/* A byte, not a character: é is two bytes. */
	ck_assert(!m("?", "\xc3\xa9"));
	ck_assert(m("??", "\xc3\xa9"));
}
END_TEST

START_TEST(test_glob_bracket_sets_and_ranges)
{
	ck_assert(m("[abc]", "b"));
	ck_assert(!m("[abc]", "d"));
	ck_assert(m("[a-c]x", "Bx"));
	ck_assert(m("[A-C]x", "bx"));
	ck_assert(!m("[a-c]x", "dx"));
	ck_assert(m("v[0-9]", "v7"));
	ck_assert(m("[]]", "]"));
	ck_assert(m("[a-]", "-"));
	ck_assert(m("[-a]", "-"));
	ck_assert(!m("[z-a]", "m"));
	ck_assert(m("[[:digit:]][[:alpha:]]", "1x"));
	ck_assert(!m("[[:digit:]]", "x"));
	ck_assert(m("[[:upper:]]", "x"));	/* case folded */
	ck_assert(!m("[[:nosuch:]]", "x"));
}
END_TEST

START_TEST(test_glob_bracket_negation)
{
	ck_assert(m("[!a]", "b"));
	ck_assert(!m("[!a]", "a"));
	ck_assert(!m("[!a]", "A"));
	ck_assert(m("[^0-9]", "x"));
	ck_assert(!m("[^0-9]", "5"));
	ck_assert(m("[!]]", "x"));
	ck_assert(!m("[!]]", "]"));
}
END_TEST

START_TEST(test_glob_unclosed_bracket_is_literal)
{
	ck_assert(m("[a", "[a"));
	ck_assert(m("x[", "X["));
	ck_assert(!m("[a", "a"));
}
END_TEST

/* Offset of the first unclosed [ in pat, as dg_glob_unclosed says. */
static size_t
unclosed(const char *pat)
{
	return dg_glob_unclosed(pat, strlen(pat));
}

START_TEST(test_glob_unclosed_finds_the_bracket_glob_takes_as_plain)
{
	/* A bracket that closes, in every form dg_glob_new reads. */
	ck_assert_uint_eq(unclosed(""), 0);
	ck_assert_uint_eq(unclosed("LLM"), 3);
	ck_assert_uint_eq(unclosed("[ab]*"), 5);
	ck_assert_uint_eq(unclosed("[]]"), 3);
	ck_assert_uint_eq(unclosed("[!]x]"), 5);
	ck_assert_uint_eq(unclosed("[[:alpha:]]"), 11);
	ck_assert_uint_eq(unclosed("[\\]]"), 4);
	ck_assert_uint_eq(unclosed("a[b[c]"), 6);
	/* Escaped: no bracket at all. */
	ck_assert_uint_eq(unclosed("\\[x"), 3);
	ck_assert_uint_eq(unclosed("x\\"), 2);
	/* Unclosed: the offset of the [ that opens nothing. */
	ck_assert_uint_eq(unclosed("["), 0);
	ck_assert_uint_eq(unclosed("ab[c"), 2);
	ck_assert_uint_eq(unclosed("[]"), 0);
	ck_assert_uint_eq(unclosed("[a] [b"), 4);
	ck_assert_uint_eq(unclosed("[[:alpha:]"), 0);
	ck_assert_uint_eq(unclosed("[\\]"), 0);
	/* NUL bytes are data. */
	ck_assert_uint_eq(dg_glob_unclosed("\0[\0", 3), 1);
	ck_assert_uint_eq(dg_glob_unclosed("[\0]", 3), 3);
}
END_TEST

START_TEST(test_glob_backslash_escapes)
{
	ck_assert(m("\\*", "*"));
	ck_assert(!m("\\*", "x"));
	ck_assert(m("a\\?", "a?"));
	ck_assert(!m("a\\?", "ab"));
	ck_assert(m("\\[x]", "[x]"));
	ck_assert(m("[\\]]", "]"));
	ck_assert(m("[\\!a]", "!"));
	ck_assert(m("a\\\\b", "a\\b"));
	ck_assert(m("a\\", "a\\"));	/* a final \ is itself */
}
END_TEST

START_TEST(test_glob_nul_and_high_bytes_are_data)
{
	dg_glob *g = dg_glob_new("a?b", 3);

	ck_assert_ptr_nonnull(g);
	ck_assert(dg_glob_match(g, "a\0b", 3));
	ck_assert(!dg_glob_match(g, "a\0\0b", 4));
	dg_glob_free(g);
	g = dg_glob_new("a\0*", 3);
	ck_assert_ptr_nonnull(g);
	ck_assert(dg_glob_match(g, "A\0\xff", 3));
	ck_assert(!dg_glob_match(g, "A", 1));
	dg_glob_free(g);
}
END_TEST

START_TEST(test_glob_no_exponential_blowup)
{
	static const char pat[] = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
	size_t n = 200000;
	char *s = malloc(n);
	dg_glob *g = dg_glob_new(pat, sizeof(pat) - 1);

	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_nonnull(g);
	memset(s, 'a', n);
	ck_assert(!dg_glob_match(g, s, n));
	s[n - 1] = 'b';
	ck_assert(dg_glob_match(g, s, n));
	memset(s, ' ', n / 2);	/* long blank runs walk fast too */
	ck_assert(dg_glob_match(g, s, n));
	dg_glob_free(g);
	free(s);
}
END_TEST

static Suite *
glob_suite(void)
{
	Suite *s = suite_create("glob");
	TCase *tc = tcase_create("glob");

	tcase_add_test(tc, test_glob_literal_matches_whole_category);
	tcase_add_test(tc, test_glob_folds_ascii_case);
	tcase_add_test(tc, test_glob_normalises_blanks_in_category);
	tcase_add_test(tc, test_glob_normalises_blanks_in_pattern);
	tcase_add_test(tc, test_glob_star_matches_any_run);
	tcase_add_test(tc, test_glob_question_matches_one_byte);
	tcase_add_test(tc, test_glob_bracket_sets_and_ranges);
	tcase_add_test(tc, test_glob_bracket_negation);
	tcase_add_test(tc, test_glob_unclosed_bracket_is_literal);
	tcase_add_test(tc,
	    test_glob_unclosed_finds_the_bracket_glob_takes_as_plain);
	tcase_add_test(tc, test_glob_backslash_escapes);
	tcase_add_test(tc, test_glob_nul_and_high_bytes_are_data);
	tcase_add_test(tc, test_glob_no_exponential_blowup);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(glob_suite());
}
