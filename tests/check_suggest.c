/* Unit tests of suggest.c: SPEC.md §5 dg-alias -s, cmd/dg-alias/suggest.h. */
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "glob_int.h"
#include "../cmd/dg-alias/map.h"
#include "../cmd/dg-alias/suggest.h"

static dg_buf
key_of(const char *s)
{
	dg_buf b = {0};

	ck_assert_int_eq(dg_suggest_key(&b, s, strlen(s)), DG_OK);
	return b;
}

static int
same_key(const char *a, const char *b)
{
	dg_buf ka = key_of(a), kb = key_of(b);
	int same = ka.len == kb.len && (ka.len == 0 ||
	    memcmp(ka.p, kb.p, ka.len) == 0);

	dg_buf_free(&ka);
	dg_buf_free(&kb);
	return same;
}

static void
key_is(const char *s, const char *want)
{
	dg_buf b = key_of(s);

	dg_check_str((dg_str){ b.p, b.len }, want, s);
	dg_buf_free(&b);
}

START_TEST(test_suggest_key_folds_case_blanks_punctuation)
{
	key_is("Model Training Technique", "modeltrainingtechnique");
	ck_assert(same_key("Model Training Technique",
	    "Model training technique"));
	ck_assert(same_key("Field-specific Machine Learning",
	    "field specific  machine-learning"));
	ck_assert(same_key("Self-Supervised Learning",
	    "SelfSupervised Learning"));
	ck_assert(same_key("Data Sets", "Datasets"));
	ck_assert(same_key("Q&A", "q & a"));
	/* The symbols that tell things apart stay. */
	key_is("C++", "c++");
	ck_assert(!same_key("C++ Programming", "C Programming"));
	ck_assert(!same_key("C# Programming", "C Programming"));
	ck_assert(!same_key("Q&A", "QA"));
	/* Bytes above ASCII are word bytes, kept as they are. */
	key_is("\xec\x9e\x90\xec\x97\xb0\xec\x96\xb4 \xec\xb2\x98\xeb\xa6\xac",
	    "\xec\x9e\x90\xec\x97\xb0\xec\x96\xb4\xec\xb2\x98\xeb\xa6\xac");
	/* No letter or digit: an empty key. */
	key_is("--- !", "");
	key_is("", "");
}
END_TEST

static void
singular_is(const char *w, const char *want)
{
	char buf[64];
	size_t n = strlen(w);

	memcpy(buf, w, n);
	n = dg_suggest_singular(buf, n);
	dg_check_str((dg_str){ buf, n }, want, w);
}

START_TEST(test_suggest_plural_s_es_ies_on_a_word)
{
	singular_is("others", "other");
	singular_is("applications", "application");
	singular_is("models", "model");
	singular_is("llms", "llm");
	/* -ies is -y. */
	singular_is("strategies", "strategy");
	singular_is("strategy", "strategy");
	/* -es after a sibilant; otherwise the e belongs to the word. */
	singular_is("processes", "process");
	singular_is("boxes", "box");
	singular_is("approaches", "approach");
	singular_is("types", "type");
	singular_is("inferences", "inference");
	/* Not plurals: -ss, -is, -us. */
	singular_is("progress", "progress");
	singular_is("class", "class");
	singular_is("analysis", "analysis");
	singular_is("corpus", "corpus");
	singular_is("process", "process");
}
END_TEST

START_TEST(test_suggest_singular_and_plural_share_a_form)
{
	static const char *const pairs[][2] = {
		{ "other", "others" }, { "database", "databases" },
		{ "process", "processes" }, { "class", "classes" },
		{ "strategy", "strategies" }, { "type", "types" },
		{ "purpose", "purposes" }, { "bias", "biases" },
		{ "cache", "caches" }, { "size", "sizes" },
		{ "match", "matches" }, { "box", "boxes" },
		{ "analysis", "analyses" }, { "hypothesis", "hypotheses" },
		{ "movie", "movies" }, { "bus", "buses" },
		{ "status", "statuses" }, { "corpus", "corpuses" },
		{ "use", "uses" }, { "case", "cases" }, { "gas", "gases" },
		{ "lens", "lenses" }, { "tie", "ties" }, { "axe", "axes" },
		{ "response", "responses" }, { "inference", "inferences" },
		{ "architecture", "architectures" }, { "llm", "llms" },
		{ "language", "languages" }, { "application", "applications" }
	};
	size_t i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		ck_assert_msg(same_key(pairs[i][0], pairs[i][1]), "%s, %s",
		    pairs[i][0], pairs[i][1]);
}
END_TEST

START_TEST(test_suggest_singular_keeps_different_words_apart)
{
	/* No rule leaves fewer than three letters: US is not use. */
	ck_assert(!same_key("US", "Use"));
	ck_assert(!same_key("US Policy", "Use Policy"));
	ck_assert(!same_key("AI", "AIs"));
	ck_assert(!same_key("Type", "Typ"));
	ck_assert(!same_key("Process", "Proces"));
	ck_assert(!same_key("Progress", "Progres"));
	ck_assert(!same_key("Network", "Networking"));
	/* Words with digits or other bytes are left as they are. */
	key_is("GPT4s", "gpt4s");
}
END_TEST

static int
abbrev(const char *s, const char *want)
{
	dg_str a;

	if (!dg_suggest_abbrev(s, strlen(s), &a))
		return 0;
	dg_check_str(a, want, s);
	return 1;
}

START_TEST(test_suggest_trailing_parenthesised_abbreviation)
{
	ck_assert(abbrev("Large Language Models (LLM)", "LLM"));
	ck_assert(abbrev("Large Language Models (LLMs) ", "LLMs"));
	ck_assert(abbrev("Large Language Models ( LLM )", "LLM"));
	ck_assert(abbrev("Natural Language Processing (NLP)", "NLP"));
	ck_assert(abbrev("Vision Transformers (ViT)", "ViT"));
	ck_assert(abbrev("Retrieval-Augmented Generation (RAG)", "RAG"));
	ck_assert(abbrev("Text-to-Image (T2I)", "T2I"));
	ck_assert(abbrev("Question Answering (Bar) (QA)", "QA"));
	/* Not an abbreviation of what comes before it. */
	ck_assert(!abbrev("Model Compression (Model)", ""));
	ck_assert(!abbrev("Graph Neural Networks (Survey)", ""));
	ck_assert(!abbrev("Model Training (Other)", ""));
	ck_assert(!abbrev("Speech (TTS)", ""));
	ck_assert(!abbrev("Robotics (RL)", ""));
	ck_assert(!abbrev("Large Language Models (llm)", ""));
	ck_assert(!abbrev("Large Language Models (L M)", ""));
	/* Not trailing, not parenthesised, nothing before it. */
	ck_assert(!abbrev("Large Language Models (LLM) Agents", ""));
	ck_assert(!abbrev("Large Language Models LLM", ""));
	ck_assert(!abbrev("(LLM)", ""));
	ck_assert(!abbrev("LLM)", ""));
	ck_assert(!abbrev("Large Language Models ()", ""));
	ck_assert(!abbrev("", ""));
}
END_TEST

/* The groups of the categories given, one record each, then more
 * records for those repeated in the list. */
static dg_suggest *
suggest(const char *const *cats, size_t n)
{
	dg_suggest *s = dg_suggest_new();
	size_t i;

	ck_assert_ptr_nonnull(s);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(dg_suggest_add(s, cats[i], strlen(cats[i])),
		    DG_OK);
	return s;
}

/* The group holding spelling c, or NULL. */
static const dg_suggest_group *
group_of(const dg_suggest_group *g, size_t ng, const char *c)
{
	size_t i, j, n = strlen(c);

	for (i = 0; i < ng; i++)
		for (j = 0; j < g[i].n; j++)
			if (g[i].s[j].spell.n == n &&
			    memcmp(g[i].s[j].spell.p, c, n) == 0)
				return &g[i];
	return NULL;
}

/* The SPEC's drift: what must be joined, and what must not. */
static const char *const drift[] = {
	"Others", "Other", "Other",
	"AI Application", "AI Applications", "AI Applications",
	"Inference Acceleration", "Inferences acceleration",
	"Model Training Technique", "Model training technique",
	"Database", "Databases", "Database Management",
	"Model Architecture", "Model Architectures",
	"Programming Language", "Programming Languages", "Programming",
	"Large Language Models (LLM)", "LLM", "LLM",
	"Computer Networks", "Computer Networking",
	"Graph Networks", "Graph Neural Networks",
	"Strategies", "Strategy", "Processes", "Process",
	"Types", "Typ", "Progress", "Progres", "Analysis", "Corpus"
};

static void
joined(const dg_suggest_group *g, size_t ng, const char *a, const char *b)
{
	const dg_suggest_group *ga = group_of(g, ng, a);

	ck_assert_msg(ga != NULL && ga == group_of(g, ng, b),
	    "%s and %s: not joined", a, b);
}

static void
apart(const dg_suggest_group *g, size_t ng, const char *a, const char *b)
{
	const dg_suggest_group *ga = group_of(g, ng, a);

	ck_assert_msg(ga == NULL || ga != group_of(g, ng, b),
	    "%s and %s: joined", a, b);
}

START_TEST(test_suggest_joins_spellings_of_one_category)
{
	dg_suggest *s = suggest(drift, sizeof(drift) / sizeof(drift[0]));
	const dg_suggest_group *g;
	size_t ng;

	ck_assert_int_eq(dg_suggest_groups(s, &g, &ng), DG_OK);
	joined(g, ng, "Others", "Other");
	joined(g, ng, "AI Application", "AI Applications");
	joined(g, ng, "Inference Acceleration", "Inferences acceleration");
	joined(g, ng, "Model Training Technique", "Model training technique");
	joined(g, ng, "Database", "Databases");
	joined(g, ng, "Model Architecture", "Model Architectures");
	joined(g, ng, "Programming Language", "Programming Languages");
	joined(g, ng, "Large Language Models (LLM)", "LLM");
	joined(g, ng, "Strategies", "Strategy");
	joined(g, ng, "Processes", "Process");
	dg_suggest_free(s);
}
END_TEST

START_TEST(test_suggest_keeps_different_categories_apart)
{
	dg_suggest *s = suggest(drift, sizeof(drift) / sizeof(drift[0]));
	const dg_suggest_group *g;
	size_t ng;

	ck_assert_int_eq(dg_suggest_groups(s, &g, &ng), DG_OK);
	apart(g, ng, "Database", "Database Management");
	apart(g, ng, "Computer Networks", "Computer Networking");
	apart(g, ng, "Programming", "Programming Languages");
	apart(g, ng, "Programming", "Programming Language");
	apart(g, ng, "Graph Networks", "Graph Neural Networks");
	apart(g, ng, "Types", "Typ");
	apart(g, ng, "Progress", "Progres");
	/* Alone in their groups: no group at all. */
	ck_assert_ptr_null(group_of(g, ng, "Database Management"));
	ck_assert_ptr_null(group_of(g, ng, "Analysis"));
	ck_assert_ptr_null(group_of(g, ng, "Corpus"));
	ck_assert_ptr_null(group_of(g, ng, "Graph Networks"));
	dg_suggest_free(s);
}
END_TEST

START_TEST(test_suggest_abbreviation_joins_only_a_category_of_the_stream)
{
	static const char *const without[] = {
		"Large Language Models (LLM)", "Large Language Models",
		"Vision"
	};
	static const char *const with[] = {
		"Large Language Models (LLM)", "LLMs",
		"Vision Transformers (ViT)", "Models (Vision)", "Vision"
	};
	dg_suggest *s = suggest(without, 3);
	const dg_suggest_group *g;
	size_t ng;

	ck_assert_int_eq(dg_suggest_groups(s, &g, &ng), DG_OK);
	ck_assert_uint_eq(ng, 0);
	dg_suggest_free(s);

	/* LLMs is LLM in the plural; ViT is no category here; Vision is
	 * no abbreviation. */
	s = suggest(with, 5);
	ck_assert_int_eq(dg_suggest_groups(s, &g, &ng), DG_OK);
	ck_assert_uint_eq(ng, 1);
	joined(g, ng, "Large Language Models (LLM)", "LLMs");
	dg_suggest_free(s);
}
END_TEST

START_TEST(test_suggest_mapped_to_most_frequent_ties_byte_order)
{
	static const char *const cats[] = {
		"Other", "Others", "Others", "other",
		"AI Applications", "AI Application",
		"LLM", "LLM", "LLM", "llm", "Large Language Models (LLM)",
		"Large Language Models (LLM)"
	};
	dg_suggest *s = suggest(cats, sizeof(cats) / sizeof(cats[0]));
	const dg_suggest_group *g;
	size_t ng;

	ck_assert_int_eq(dg_suggest_groups(s, &g, &ng), DG_OK);
	ck_assert_uint_eq(ng, 3);
	/* Most records first, then the target in byte order. */
	ck_assert_uint_eq(g[0].records, 6);
	dg_check_str(g[0].s[0].spell, "LLM", "target 0");
	dg_check_str(g[0].s[1].spell, "Large Language Models (LLM)", "1");
	dg_check_str(g[0].s[2].spell, "llm", "2");
	ck_assert_uint_eq(g[0].s[0].count, 3);
	ck_assert_uint_eq(g[0].s[1].count, 2);
	ck_assert_uint_eq(g[0].s[2].count, 1);
	ck_assert_uint_eq(g[1].records, 4);
	dg_check_str(g[1].s[0].spell, "Others", "target 1");
	/* A tie: byte order, capitals first. */
	ck_assert_uint_eq(g[2].records, 2);
	dg_check_str(g[2].s[0].spell, "AI Application", "target 2");
	dg_suggest_free(s);
}
END_TEST

START_TEST(test_suggest_one_line_per_glob_form)
{
	static const char *const cats[] = {
		"Model Training Technique", "Model training technique",
		"model  training technique", "Model Training Techniques"
	};
	dg_suggest *s = suggest(cats, 4);
	const dg_suggest_group *g;
	size_t ng, i, lines = 0;

	ck_assert_int_eq(dg_suggest_groups(s, &g, &ng), DG_OK);
	ck_assert_uint_eq(ng, 1);
	ck_assert_uint_eq(g[0].n, 4);
	ck_assert_int_eq(g[0].s[0].line, 1);
	for (i = 0; i < g[0].n; i++)
		lines += g[0].s[i].line;
	ck_assert_uint_eq(lines, 2);
	dg_suggest_free(s);
}
END_TEST

START_TEST(test_suggest_unwritable_spellings_left_out)
{
	static const char *const cats[] = {
		"LLM", "L\tLM", "LLM\n", "LLM\r", "llm",
		"--", "-", "", "  "
	};
	dg_suggest *s = suggest(cats, sizeof(cats) / sizeof(cats[0]));
	const dg_suggest_group *g;
	size_t ng;

	ck_assert_int_eq(dg_suggest_groups(s, &g, &ng), DG_OK);
	ck_assert_uint_eq(ng, 1);
	ck_assert_uint_eq(g[0].n, 2);
	dg_check_str(g[0].s[0].spell, "LLM", "target");
	dg_check_str(g[0].s[1].spell, "llm", "other");
	dg_suggest_free(s);
}
END_TEST

START_TEST(test_suggest_empty_stream_no_groups)
{
	dg_suggest *s = dg_suggest_new();
	const dg_suggest_group *g;
	size_t ng = 7;

	ck_assert_int_eq(dg_suggest_groups(s, &g, &ng), DG_OK);
	ck_assert_uint_eq(ng, 0);
	dg_suggest_free(s);
}
END_TEST

static void
pattern_matches(const char *spell, const char *want, const char *other)
{
	dg_buf b = {0};
	dg_glob *g;

	ck_assert_int_eq(dg_suggest_pattern(&b, spell, strlen(spell)), DG_OK);
	dg_check_str((dg_str){ b.p, b.len }, want, spell);
	ck_assert_uint_eq(dg_glob_unclosed(b.p, b.len), b.len);
	g = dg_glob_new(b.p, b.len);
	ck_assert_msg(dg_glob_match(g, spell, strlen(spell)), "%s", spell);
	ck_assert_msg(!dg_glob_match(g, other, strlen(other)), "%s", other);
	dg_glob_free(g);
	dg_buf_free(&b);
}

START_TEST(test_suggest_patterns_glob_safe)
{
	pattern_matches("LLM", "LLM", "LLMs");
	pattern_matches("What*", "What\\*", "Whatever");
	pattern_matches("Why?", "Why\\?", "Whyy");
	pattern_matches("[Draft] AI", "\\[Draft] AI", "D AI");
	pattern_matches("[Draft", "\\[Draft", "D");
	pattern_matches("a\\b", "a\\\\b", "a\\\\b");
	pattern_matches("#tag", "\\#tag", "tag");
	pattern_matches("C# and F#", "C# and F#", "C# and F");
	pattern_matches("  Computer   Vision ", "Computer Vision",
	    "ComputerVision");
}
END_TEST

START_TEST(test_suggest_format_is_a_map)
{
	static const char *const cats[] = {
		"LLM", "LLM", "llm", "Large Language Models (LLM)",
		"Others", "Other", "Other*"
	};
	static const char want[] =
	    "# 4 records, 3 spellings\n"
	    "# 2\tLLM\n"
	    "# 1\tLarge Language Models (LLM)\n"
	    "# 1\tllm\n"
	    "LLM\tLLM\n"
	    "Large Language Models (LLM)\tLLM\n";
	dg_suggest *s = suggest(cats, sizeof(cats) / sizeof(cats[0]));
	const dg_suggest_group *g;
	dg_buf b = {0};
	dg_reader *rd;
	dg_map *m;
	dg_str line;
	const dg_str *to;
	size_t ng, i, j;

	ck_assert_int_eq(dg_suggest_groups(s, &g, &ng), DG_OK);
	ck_assert_uint_eq(ng, 2);
	ck_assert_int_eq(dg_suggest_format(&b, &g[0]), DG_OK);
	dg_check_str((dg_str){ b.p, b.len }, want, "group 0");
	/* Read back as a MAP, every spelling goes to its group's target. */
	ck_assert_int_eq(dg_suggest_format(&b, &g[1]), DG_OK);
	m = dg_map_new();
	rd = dg_reader_new_mem(b.p, b.len);
	while (dg_reader_next(rd, &line) == DG_OK)
		ck_assert_int_lt(dg_map_line(m, line.p, line.n), DG_MAP_NOTAB);
	ck_assert_uint_eq(dg_map_rules(m), 5);
	for (i = 0; i < ng; i++)
		for (j = 0; j < g[i].n; j++) {
			ck_assert_int_eq(dg_map_apply(m, g[i].s[j].spell, &to),
			    DG_OK);
			ck_assert_ptr_nonnull(to);
			ck_assert(to->n == g[i].s[0].spell.n &&
			    memcmp(to->p, g[i].s[0].spell.p, to->n) == 0);
		}
	dg_reader_free(rd);
	dg_map_free(m);
	dg_buf_free(&b);
	dg_suggest_free(s);
}
END_TEST

START_TEST(test_suggest_many_spellings_one_group)
{
	dg_suggest *s = dg_suggest_new();
	const dg_suggest_group *g;
	char w[16];
	size_t ng, i, j, lines = 0;

	/* Every case variant of "category": 256 spellings, one form. */
	for (i = 0; i < 256; i++) {
		for (j = 0; j < 8; j++)
			w[j] = (char)(i >> j & 1 ? "CATEGORY"[j] :
			    "category"[j]);
		ck_assert_int_eq(dg_suggest_add(s, w, 8), DG_OK);
	}
	ck_assert_int_eq(dg_suggest_add(s, "categories", 10), DG_OK);
	ck_assert_int_eq(dg_suggest_groups(s, &g, &ng), DG_OK);
	ck_assert_uint_eq(ng, 1);
	ck_assert_uint_eq(g[0].n, 257);
	ck_assert_uint_eq(g[0].records, 257);
	dg_check_str(g[0].s[0].spell, "CATEGORY", "target");
	for (i = 0; i < g[0].n; i++)
		lines += g[0].s[i].line;
	ck_assert_uint_eq(lines, 2);
	dg_suggest_free(s);
}
END_TEST

static Suite *
suggest_suite(void)
{
	Suite *s = suite_create("suggest");
	TCase *key = tcase_create("key");
	TCase *grp = tcase_create("groups");

	tcase_add_test(key, test_suggest_key_folds_case_blanks_punctuation);
	tcase_add_test(key, test_suggest_plural_s_es_ies_on_a_word);
	tcase_add_test(key, test_suggest_singular_and_plural_share_a_form);
	tcase_add_test(key, test_suggest_singular_keeps_different_words_apart);
	tcase_add_test(key, test_suggest_trailing_parenthesised_abbreviation);
	suite_add_tcase(s, key);

	tcase_add_test(grp, test_suggest_joins_spellings_of_one_category);
	tcase_add_test(grp, test_suggest_keeps_different_categories_apart);
	tcase_add_test(grp,
	    test_suggest_abbreviation_joins_only_a_category_of_the_stream);
	tcase_add_test(grp,
	    test_suggest_mapped_to_most_frequent_ties_byte_order);
	tcase_add_test(grp, test_suggest_one_line_per_glob_form);
	tcase_add_test(grp, test_suggest_unwritable_spellings_left_out);
	tcase_add_test(grp, test_suggest_empty_stream_no_groups);
	tcase_add_test(grp, test_suggest_patterns_glob_safe);
	tcase_add_test(grp, test_suggest_format_is_a_map);
	tcase_add_test(grp, test_suggest_many_spellings_one_group);
	suite_add_tcase(s, grp);
	return s;
}

int
main(void)
{
	return dg_check_run(suggest_suite());
}
