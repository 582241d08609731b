/* Unit tests of map.c: SPEC.md §5 dg-alias -f, cmd/dg-alias/map.h. */
#include <stdio.h>
#include <string.h>

#include "check_util.h"
#include "glob_int.h"
#include "../cmd/dg-alias/map.h"

static dg_str
S(const char *s)
{
	dg_str r;

	r.p = s;
	r.n = strlen(s);
	return r;
}

static enum dg_map_status
line(dg_map *m, const char *text)
{
	return dg_map_line(m, text, strlen(text));
}

/* A map of the n lines, each a rule. */
static dg_map *
map_of(const char *const *lines, size_t n)
{
	dg_map *m = dg_map_new();
	size_t i;

	ck_assert_ptr_nonnull(m);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(line(m, lines[i]), DG_MAP_RULE);
	return m;
}

/* The category field f renamed through m, or "=" when it is kept. */
static void
renames(dg_map *m, const char *f, const char *want)
{
	const dg_str *to = NULL;

	ck_assert_int_eq(dg_map_apply(m, S(f), &to), DG_OK);
	if (strcmp(want, "=") == 0)
		ck_assert_msg(to == NULL, "%s: renamed, want kept", f);
	else {
		ck_assert_msg(to != NULL, "%s: kept, want %s", f, want);
		dg_check_str(*to, want, f);
	}
}

START_TEST(test_map_first_matching_line_wins)
{
	static const char *const lines[] = {
		"LLM\tLLM",
		"large language model*\tLLM",
		"l*\tL-words",
		"*\tOther"
	};
	dg_map *m = map_of(lines, 4);

	ck_assert_uint_eq(dg_map_rules(m), 4);
	renames(m, "LLM", "LLM");
	renames(m, "Large Language Models (LLM)", "LLM");
	renames(m, "LLM Agents", "L-words");
	renames(m, "Vision", "Other");
	dg_map_free(m);
}
END_TEST

START_TEST(test_map_pattern_is_dg_cat_glob_on_whole_category)
{
	static const char *const lines[] = {
		"model training technique\tModel Training Technique",
		"computer  vision\tComputer Vision",
		"what\\?\tWhat?"
	};
	dg_map *m = map_of(lines, 3);

	/* ASCII case folded, blanks normalised, the whole category. */
	renames(m, "Model training technique", "Model Training Technique");
	renames(m, "MODEL TRAINING TECHNIQUE", "Model Training Technique");
	renames(m, "  Computer \t Vision ", "Computer Vision");
	renames(m, "Model training", "=");
	renames(m, "Computer Vision Models", "=");
	renames(m, "What?", "What?");
	renames(m, "Whatx", "=");
	dg_map_free(m);
}
END_TEST

START_TEST(test_map_category_no_line_matches_passes_unchanged)
{
	static const char *const lines[] = { "Others\tOther" };
	dg_map *m = map_of(lines, 1);

	renames(m, "LLM", "=");
	renames(m, "", "=");
	renames(m, "Others", "Other");
	dg_map_free(m);
}
END_TEST

START_TEST(test_map_category_written_escaped)
{
	static const char nul[] = "N\0L\tnul";
	dg_map *m = dg_map_new();
	const dg_str *to;

	/* The MAP's category is raw text, written as dg TSV escapes it. */
	ck_assert_int_eq(line(m, "back*\tBack\\slash"), DG_MAP_RULE);
	ck_assert_int_eq(line(m, "cr\ta\rb"), DG_MAP_RULE);
	ck_assert_int_eq(dg_map_line(m, nul, sizeof(nul) - 1), DG_MAP_RULE);
	renames(m, "backslash", "Back\\\\slash");
	renames(m, "cr", "a\\rb");
	/* NUL bytes are data, in the pattern and in the category. */
	ck_assert_int_eq(dg_map_apply(m, (dg_str){ "n\0l", 3 }, &to), DG_OK);
	ck_assert_ptr_nonnull(to);
	dg_check_str(*to, "nul", "NUL pattern");
	ck_assert_int_eq(dg_map_line(m, "z\tz\0z", 5), DG_MAP_RULE);
	renames(m, "Z", "z\\0z");
	dg_map_free(m);
}
END_TEST

START_TEST(test_map_category_spaces_trimmed_and_collapsed)
{
	static const char *const lines[] = {
		"a\t  Large   Language Models  ",
		"b\tLLM "
	};
	dg_map *m = map_of(lines, 2);

	renames(m, "a", "Large Language Models");
	renames(m, "b", "LLM");
	dg_map_free(m);
}
END_TEST

START_TEST(test_map_blank_and_comment_lines_ignored)
{
	static const char *const skip[] = {
		"", " ", "\t", " \t\t ", "#", "# Others\tOther",
		"  # indented", "\t# after a TAB"
	};
	dg_map *m = dg_map_new();
	size_t i;

	for (i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
		ck_assert_int_eq(line(m, skip[i]), DG_MAP_SKIP);
	ck_assert_uint_eq(dg_map_rules(m), 0);
	renames(m, "Others", "=");
	/* A # anywhere else is data; \# starts a pattern with one. */
	ck_assert_int_eq(line(m, "C#\tC Sharp # lang"), DG_MAP_RULE);
	ck_assert_int_eq(line(m, "\\#tag\tTag"), DG_MAP_RULE);
	renames(m, "c#", "C Sharp # lang");
	renames(m, "#TAG", "Tag");
	dg_map_free(m);
}
END_TEST

static void
bad(const char *text, enum dg_map_status want)
{
	dg_map *m = dg_map_new();

	ck_assert_int_eq(dg_map_line(m, text, strlen(text)), want);
	ck_assert_uint_eq(dg_map_rules(m), 0);
	ck_assert_ptr_nonnull(dg_map_messages[want]);
	dg_map_free(m);
}

START_TEST(test_map_bad_lines_named)
{
	bad("LLM", DG_MAP_NOTAB);
	bad("Large Language Models (LLM) LLM", DG_MAP_NOTAB);
	bad("a\tb\tc", DG_MAP_TABS);
	bad("a\tb\t", DG_MAP_TABS);
	bad("\tLLM", DG_MAP_NOPATTERN);
	bad("   \tLLM", DG_MAP_NOPATTERN);
	bad("LLM\t", DG_MAP_NOCATEGORY);
	bad("LLM\t   ", DG_MAP_NOCATEGORY);
	bad("[LLM\tLLM", DG_MAP_BRACKET);
	bad("LLM [x\tLLM", DG_MAP_BRACKET);
	bad("[]\tLLM", DG_MAP_BRACKET);
}
END_TEST

START_TEST(test_map_good_lines_with_brackets)
{
	/* A closed or escaped [ is fine, and so is a [ in the category. */
	static const char *const lines[] = {
		"[Ll]lm\tLLM",
		"\\[draft\\] *\t[draft]",
		"x [\\]]\tx"
	};
	dg_map *m = map_of(lines, 3);

	renames(m, "llm", "LLM");
	renames(m, "[Draft] Vision", "[draft]");
	renames(m, "X ]", "x");
	dg_map_free(m);
}
END_TEST

START_TEST(test_map_field_unescaped_before_matching)
{
	static const char *const lines[] = {
		"a b\tA B",
		"x\\\\y\tX-Y"
	};
	dg_map *m = map_of(lines, 2);

	/* An escaped TAB is a blank; \\ is one backslash. */
	renames(m, "a\\tb", "A B");
	renames(m, "x\\\\y", "X-Y");
	renames(m, "x\\\\\\\\y", "=");
	dg_map_free(m);
}
END_TEST

START_TEST(test_map_bad_escape_reported_each_time)
{
	static const char *const lines[] = { "*\tAll" };
	dg_map *m = map_of(lines, 1);
	const dg_str *to;

	ck_assert_int_eq(dg_map_apply(m, S("a\\q"), &to), DG_EESCAPE);
	renames(m, "b", "All");
	ck_assert_int_eq(dg_map_apply(m, S("a\\q"), &to), DG_EESCAPE);
	ck_assert_int_eq(dg_map_apply(m, S("a\\q"), &to), DG_EESCAPE);
	ck_assert_int_eq(dg_map_apply(m, S("end\\"), &to), DG_EESCAPE);
	dg_map_free(m);
}
END_TEST

START_TEST(test_map_answer_kept_per_spelling)
{
	static const char *const lines[] = { "a*\tA", "b*\tB" };
	dg_map *m = map_of(lines, 2);
	const dg_str *first, *to;
	char name[32];
	int i;

	ck_assert_int_eq(dg_map_apply(m, S("alpha"), &first), DG_OK);
	/* Alternating, repeated, and among many other spellings. */
	for (i = 0; i < 5000; i++) {
		snprintf(name, sizeof(name), "%c%d", i % 3 ? 'b' : 'c', i);
		ck_assert_int_eq(dg_map_apply(m, S(name), &to), DG_OK);
		ck_assert(i % 3 ? to != NULL : to == NULL);
		ck_assert_int_eq(dg_map_apply(m, S("alpha"), &to), DG_OK);
		ck_assert_ptr_eq(to, first);
		ck_assert_int_eq(dg_map_apply(m, S("alpha"), &to), DG_OK);
		ck_assert_ptr_eq(to, first);
	}
	renames(m, "beta", "B");
	renames(m, "gamma", "=");
	dg_map_free(m);
}
END_TEST

/* A deterministic run of bytes from a small alphabet of the bytes that
 * matter to patterns: letters in both cases, blanks, wildcards. */
static size_t
random_text(char *buf, size_t max, unsigned *seed)
{
	static const char alpha[] = "aAbB  \t*?\\[]";
	size_t n, i;

	*seed = *seed * 1103515245u + 12345u;
	n = (*seed >> 16) % max;
	for (i = 0; i < n; i++) {
		*seed = *seed * 1103515245u + 12345u;
		buf[i] = alpha[(*seed >> 16) % (sizeof(alpha) - 1)];
	}
	return n;
}

START_TEST(test_map_first_matching_line_wins_whatever_the_index)
{
	/* The literal rules are looked up, the others tried in turn: the
	 * answer must be that of trying every rule in order. */
	dg_map *m = dg_map_new();
	dg_glob *g[400];
	char line[64], cat[16], name[16];
	const dg_str *to;
	unsigned seed = 7;
	size_t ng = 0, n, i, j, want;
	int len;

	for (i = 0; ng < 400 && i < 100000; i++) {
		n = random_text(line, 10, &seed);
		/* Half the rules literal: no wildcard at all. */
		if (i % 2)
			for (j = 0; j < n; j++)
				if (strchr("*?[]\\", line[j]) != NULL)
					line[j] = 'b';
		len = snprintf(name, sizeof(name), "R%zu", ng);
		line[n] = '\t';
		memcpy(line + n + 1, name, (size_t)len);
		if (dg_map_line(m, line, n + 1 + (size_t)len) != DG_MAP_RULE)
			continue;
		g[ng++] = dg_glob_new(line, n);
	}
	ck_assert_uint_eq(ng, 400);
	for (i = 0; i < 20000; i++) {
		n = random_text(cat, 8, &seed);
		/* The field is escaped: keep the TABs and backslashes out. */
		for (j = 0; j < n; j++)
			if (cat[j] == '\t' || cat[j] == '\\')
				cat[j] = ' ';
		for (want = 0; want < ng; want++)
			if (dg_glob_match(g[want], cat, n))
				break;
		ck_assert_int_eq(dg_map_apply(m, (dg_str){ cat, n }, &to),
		    DG_OK);
		if (want == ng) {
			ck_assert_msg(to == NULL, "\"%.*s\": renamed",
			    (int)n, cat);
			continue;
		}
		len = snprintf(name, sizeof(name), "R%zu", want);
		ck_assert_msg(to != NULL && to->n == (size_t)len &&
		    memcmp(to->p, name, to->n) == 0, "\"%.*s\": want %s, "
		    "got %.*s", (int)n, cat, name, to ? (int)to->n : 4,
		    to ? to->p : "none");
	}
	for (i = 0; i < ng; i++)
		dg_glob_free(g[i]);
	dg_map_free(m);
}
END_TEST

START_TEST(test_map_fold_is_what_a_literal_pattern_matches)
{
	dg_buf b = {0};

	ck_assert_int_eq(dg_map_fold(&b, " \tModel  Training\t Technique ",
	    29), DG_OK);
	dg_check_str((dg_str){ b.p, b.len }, "model training technique", "");
	b.len = 0;
	ck_assert_int_eq(dg_map_fold(&b, " \t ", 3), DG_OK);
	ck_assert_uint_eq(b.len, 0);
	dg_buf_free(&b);
}
END_TEST

static Suite *
map_suite(void)
{
	Suite *s = suite_create("map");
	TCase *tc = tcase_create("map");

	tcase_add_test(tc, test_map_first_matching_line_wins);
	tcase_add_test(tc, test_map_pattern_is_dg_cat_glob_on_whole_category);
	tcase_add_test(tc, test_map_category_no_line_matches_passes_unchanged);
	tcase_add_test(tc, test_map_category_written_escaped);
	tcase_add_test(tc, test_map_category_spaces_trimmed_and_collapsed);
	tcase_add_test(tc, test_map_blank_and_comment_lines_ignored);
	tcase_add_test(tc, test_map_bad_lines_named);
	tcase_add_test(tc, test_map_good_lines_with_brackets);
	tcase_add_test(tc, test_map_field_unescaped_before_matching);
	tcase_add_test(tc, test_map_bad_escape_reported_each_time);
	tcase_add_test(tc, test_map_answer_kept_per_spelling);
	tcase_add_test(tc,
	    test_map_first_matching_line_wins_whatever_the_index);
	tcase_add_test(tc, test_map_fold_is_what_a_literal_pattern_matches);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(map_suite());
}
