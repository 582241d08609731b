/* Unit tests of the digest parser: one test per fact of SPEC.md §2. */
#include <stdlib.h>
#include <string.h>

#include "check_util.h"

/* A record as the tests keep it: each field copied. */
struct rec {
	dg_buf f[DG_NFIELDS];
	uint64_t lineno;
};

static struct rec recs[64];
static size_t nrecs;
static uint64_t strays[64];
static size_t nstrays;
static size_t stop_after;	/* stop after this many records; 0: never */

static int
on_record(const dg_record *r, void *arg)
{
	struct rec *k;
	const dg_str *f[DG_NFIELDS];
	size_t i;

	(void)arg;
	ck_assert_uint_lt(nrecs, 64);
	k = &recs[nrecs++];
	f[DG_F_DATE] = &r->date;
	f[DG_F_KIND] = &r->kind;
	f[DG_F_CATEGORY] = &r->category;
	f[DG_F_TITLE] = &r->title;
	f[DG_F_URL] = &r->url;
	f[DG_F_FILE] = &r->file;
	f[DG_F_SECTION] = NULL;
	f[DG_F_EMOJI] = &r->emoji;
	f[DG_F_SUMMARY] = &r->summary;
	for (i = 0; i < DG_NFIELDS; i++) {
		memset(&k->f[i], 0, sizeof(k->f[i]));
		if (f[i] != NULL)
			dg_buf_add(&k->f[i], f[i]->p, f[i]->n);
	}
	dg_buf_addc(&k->f[DG_F_SECTION], (char)('0' + r->section % 10));
	k->lineno = r->lineno;
	return stop_after != 0 && nrecs >= stop_after;
}

static void
on_stray(uint64_t lineno, void *arg)
{
	(void)arg;
	if (nstrays < 64)
		strays[nstrays++] = lineno;
}

static void
reset(void)
{
	size_t i, j;

	for (i = 0; i < nrecs; i++)
		for (j = 0; j < DG_NFIELDS; j++)
			dg_buf_free(&recs[i].f[j]);
	nrecs = nstrays = stop_after = 0;
}

/* Parses text (n bytes) as file name with flags; returns the status. */
static int
parse_n(const char *name, const char *text, size_t n, unsigned flags)
{
	dg_parser *p = dg_parser_new(flags, on_record, on_stray, NULL);
	int st;

	reset();
	ck_assert_ptr_nonnull(p);
	st = dg_parse_mem(p, name, strlen(name), text, n);
	dg_parser_free(p);
	return st;
}

static void
parse(const char *name, const char *text)
{
	ck_assert_int_eq(parse_n(name, text, strlen(text), 0), DG_OK);
}

static void
field(size_t rec, enum dg_field id, const char *want)
{
	dg_str got;

	ck_assert_uint_lt(rec, nrecs);
	got.p = recs[rec].f[id].p;
	got.n = recs[rec].f[id].len;
	dg_check_str(got, want, dg_field_names[id]);
}

#define H1 "# Daily Artificial Intelligence Insights : Papers" \
	"![Category Distribution Graph](paper_2024-10-19.png)\n\n"

START_TEST(test_kind_after_last_colon_of_h1)
{
	parse("x.md", "# A: B : News\n\n## LLM\n\n**요약:**\n\ntext\n");
	field(0, DG_F_KIND, "News");
}
END_TEST

START_TEST(test_kind_stops_at_chart_image)
{
	parse("x.md", H1 "## LLM\n\n**요약:**\ns\n\n**출처:**\n\n - T (https://a.b/c)\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_KIND, "Papers");
}
END_TEST

/* As in the category, runs of blanks (U+00A0 and U+3000 too) in the
 * kind are made one space. */
START_TEST(test_kind_blanks_folded_to_one_space)
{
	parse("x.md", "# X :  Daily \t Papers\xc2\xa0\xe3\x80\x80" "Digest \n"
	    "## A\n**요약:**\ns\n");
	field(0, DG_F_KIND, "Daily Papers Digest");
}
END_TEST

START_TEST(test_date_from_h1_image)
{
	parse("Papers_2023-01-01.md", H1 "## LLM\n**요약:**\ns\n");
	field(0, DG_F_DATE, "2024-10-19");
}
END_TEST

START_TEST(test_date_underscores_become_dashes)
{
	parse("x.md", "# Insights : News![g](news_2024_11_02.png)\n"
	    "## LLM\n**요약:**\ns\n");
	field(0, DG_F_DATE, "2024-11-02");
}
END_TEST

START_TEST(test_date_later_image_line_replaces_for_later_sections)
{
	parse("x.md", H1 "## A\n**요약:**\ns\n**출처:**\n- t (http://u)\n\n"
	    "![g](chart_2024-12-05.png)\n\n## B\n**요약:**\ns\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_DATE, "2024-10-19");
	field(1, DG_F_DATE, "2024-12-05");
}
END_TEST

START_TEST(test_date_falls_back_to_file_name)
{
	parse("dir_1999-01-01/News_2025_01_07_digest.md",
	    "# Insights : News\n## A\n**요약:**\ns\n");
	field(0, DG_F_DATE, "2025-01-07");
	parse("2024-02-03/digest.md", "# Insights : News\n## A\n**요약:**\ns\n");
	field(0, DG_F_DATE, "2024-02-03");
}
END_TEST

START_TEST(test_date_empty_when_nowhere)
{
	parse("-", "# Insights : News\n## A\n**요약:**\ns\n");
	field(0, DG_F_DATE, "");
}
END_TEST

START_TEST(test_date_must_be_a_plausible_date)
{
	parse("x.md", "# I : News ![g](v12024-10-190.png) ![h](2024-13-01)"
	    " ![i](2024-12-09)\n## A\n**요약:**\ns\n");
	field(0, DG_F_DATE, "2024-12-09");
}
END_TEST

/* A date is a day of the calendar: 2024-02-29 is one, 2023-02-29 and
 * 2023-02-30 are not, and are then text (a later date on the line, or
 * the one before, counts; in the title's kind they are text too). */
START_TEST(test_date_must_be_a_day_of_the_calendar)
{
	char d[DG_DATE_LEN];

	parse("News_2024-05-06.md", "# I : News 2023-02-30\n## A\n**요약:**\ns\n");
	field(0, DG_F_DATE, "2024-05-06");
	field(0, DG_F_KIND, "News 2023-02-30");
	parse("x.md", "# I : Papers![g](p_2023-02-29.png) ![h](p_2024-02-29.png)"
	    "\n## A\n**요약:**\ns\n**출처:**\n- T (https://a)\n\n"
	    "![g](p_2023-04-31.png)\n## B\n**요약:**\nt\n"
	    "**출처:**\n- U (https://b)\n\n![g](p_2000_02_29.png)\n"
	    "## C\n**요약:**\nu\n");
	ck_assert_uint_eq(nrecs, 3);
	field(0, DG_F_DATE, "2024-02-29");
	field(0, DG_F_KIND, "Papers");
	field(1, DG_F_DATE, "2024-02-29");
	field(2, DG_F_DATE, "2000-02-29");
	ck_assert(dg_name_date("2024-02-29/x_2023-02-29.md", 26, d));
	ck_assert(memcmp(d, "2024-02-29", DG_DATE_LEN) == 0);
	ck_assert(!dg_name_date("x_1900-02-29.md", 15, d));
}
END_TEST

START_TEST(test_section_needs_summary_label_next)
{
	parse("x.md", "# T : Papers\n## Not a section\ntext\n\n"
	    "## Section\n\n\n**요약:**\nbody\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_CATEGORY, "Section");
	field(0, DG_F_SECTION, "1");
}
END_TEST

START_TEST(test_section_heading_of_any_level)
{
	parse("x.md", "#### Deep\n**요약:**\na\n###### Deeper\n**Summary:**\nb\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_CATEGORY, "Deep");
	field(1, DG_F_CATEGORY, "Deeper");
	field(1, DG_F_SECTION, "2");
}
END_TEST

START_TEST(test_headings_inside_summary_are_text)
{
	parse("x.md", "## A\n**요약:**\n\n### 종합 보고서\n\n# Big\n## 1. one\n"
	    "text\n\n**출처:**\n- t (https://u.v/w)\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_SUMMARY, "### 종합 보고서\n\n# Big\n## 1. one\ntext");
}
END_TEST

START_TEST(test_second_summary_label_is_text)
{
	parse("x.md", "## A\n**요약:**\none\n**요약:**\ntwo\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_SUMMARY, "one\n**요약:**\ntwo");
}
END_TEST

START_TEST(test_marker_is_emoji_first_word)
{
	/* U+2744 U+FE0F: two code points, one marker. */
	parse("x.md", "## \xe2\x9d\x84\xef\xb8\x8f Model Training\n**요약:**\ns\n"
	    "## \xf0\x9f\xa9\xb5 LLM\n**요약:**\ns\n");
	field(0, DG_F_EMOJI, "\xe2\x9d\x84\xef\xb8\x8f");
	field(0, DG_F_CATEGORY, "Model Training");
	field(1, DG_F_EMOJI, "\xf0\x9f\xa9\xb5");
	field(1, DG_F_CATEGORY, "LLM");
}
END_TEST

START_TEST(test_marker_needs_more_words)
{
	parse("x.md", "## \xf0\x9f\x9a\x80\n**요약:**\ns\n");
	field(0, DG_F_EMOJI, "");
	field(0, DG_F_CATEGORY, "\xf0\x9f\x9a\x80");
}
END_TEST

START_TEST(test_marker_absent_without_emoji)
{
	parse("x.md", "## Computer Vision\n**요약:**\ns\n## 한국 AI\n**요약:**\ns\n");
	field(0, DG_F_EMOJI, "");
	field(0, DG_F_CATEGORY, "Computer Vision");
	field(1, DG_F_EMOJI, "");
	field(1, DG_F_CATEGORY, "한국 AI");
}
END_TEST

START_TEST(test_marker_rejects_mixed_word)
{
	/* U+1F680 followed by 'x' is not made only of emoji. */
	parse("x.md", "## \xf0\x9f\x9a\x80x Rockets\n**요약:**\ns\n");
	field(0, DG_F_EMOJI, "");
	field(0, DG_F_CATEGORY, "\xf0\x9f\x9a\x80x Rockets");
}
END_TEST

START_TEST(test_category_blanks_collapsed)
{
	parse("x.md", "##   \xe2\xad\x90 \t Model   training\t technique  \n"
	    "**요약:**\ns\n");
	field(0, DG_F_CATEGORY, "Model training technique");
	field(0, DG_F_EMOJI, "\xe2\xad\x90");
}
END_TEST

START_TEST(test_labels_korean_and_english)
{
	parse("x.md", "## A\n**Summary:**\ns1\n**Sources:**\n- a (http://a)\n"
	    "## B\n**요약**:\ns2\n**출처**:\n- b (http://b)\n"
	    "## C\n  **summary:**  \ns3\n\t**Source:**\n- c (http://c)\n");
	ck_assert_uint_eq(nrecs, 3);
	field(0, DG_F_URL, "http://a");
	field(1, DG_F_URL, "http://b");
	field(2, DG_F_URL, "http://c");
	field(2, DG_F_SUMMARY, "s3");
}
END_TEST

START_TEST(test_label_with_more_text_is_not_label)
{
	parse("x.md", "## A\n**요약:** inline\ntext\n");
	ck_assert_uint_eq(nrecs, 0);
}
END_TEST

START_TEST(test_summary_trims_blank_lines_keeps_bytes)
{
	parse("x.md", "## A\n**요약:**\n\n  \n  indented *md*  \n\n\tx\\y\n \n\n"
	    "**출처:**\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_SUMMARY, "  indented *md*  \n\n\tx\\y");
}
END_TEST

START_TEST(test_summary_without_sources_runs_to_next_section)
{
	parse("x.md", "## A\n**요약:**\na1\n\n- not a source (http://x)\n\n\n"
	    "## B\n\n**요약:**\nb1\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_SUMMARY, "a1\n\n- not a source (http://x)");
	field(0, DG_F_TITLE, "");
	field(0, DG_F_URL, "");
	field(1, DG_F_SUMMARY, "b1");
}
END_TEST

START_TEST(test_sources_list_markers_and_indent)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- a (http://a)\n  * b (http://b)\n\t+ c (http://c)\n"
	    "        1. d (http://d)\n12) e (http://e)\n");
	ck_assert_uint_eq(nrecs, 5);
	field(0, DG_F_TITLE, "a");
	field(3, DG_F_TITLE, "d");
	field(4, DG_F_TITLE, "e");
	field(4, DG_F_URL, "http://e");
}
END_TEST

START_TEST(test_sources_end_at_non_item_line)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n\n- a (http://a)\n\n"
	    "- b (http://b)\nafter\n- c (http://c)\n");
	ck_assert_uint_eq(nrecs, 2);
	ck_assert_uint_eq(nstrays, 2);
	ck_assert_uint_eq(strays[0], 9);
	ck_assert_uint_eq(strays[1], 10);
}
END_TEST

START_TEST(test_url_from_last_paren_http)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- See (https://a.example/x) then (http://b.example/y)  \n");
	field(0, DG_F_TITLE, "See (https://a.example/x) then");
	field(0, DG_F_URL, "http://b.example/y");
}
END_TEST

START_TEST(test_url_with_parentheses)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- Cell (https://www.cell.com/cell-metabolism/S1550-4131(14)00007-2)\n"
	    "- Data (https://ex.org/the-(tcr)-dataset)\n");
	field(0, DG_F_URL,
	    "https://www.cell.com/cell-metabolism/S1550-4131(14)00007-2");
	field(0, DG_F_TITLE, "Cell");
	field(1, DG_F_URL, "https://ex.org/the-(tcr)-dataset");
}
END_TEST

START_TEST(test_title_with_parentheses)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- Rapamycin: One Drug, Many Effects (2014) (https://p.org/1)\n");
	field(0, DG_F_TITLE, "Rapamycin: One Drug, Many Effects (2014)");
	field(0, DG_F_URL, "https://p.org/1");
}
END_TEST

START_TEST(test_url_runs_to_final_paren_of_item)
{
	/* SPEC: from the last "(http" to the line's final ')'; what
	 * follows that ')' is no part of the URL, nor of the title. */
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- Title (https://a.org/x_(y)) - via Site\n"
	    "- Open (https://b.org/never closed\n"
	    "- Shut (https://c.org/z)\t \n"
	    "- Dot (https://d.org/w).\n");
	ck_assert_uint_eq(nrecs, 4);
	field(0, DG_F_TITLE, "Title");
	field(0, DG_F_URL, "https://a.org/x_(y)");
	field(1, DG_F_TITLE, "Open (https://b.org/never closed");
	field(1, DG_F_URL, "");
	field(2, DG_F_TITLE, "Shut");
	field(2, DG_F_URL, "https://c.org/z");
	field(3, DG_F_TITLE, "Dot");
	field(3, DG_F_URL, "https://d.org/w");
}
END_TEST

START_TEST(test_url_holds_no_blank)
{
	/* The final ')' is past a blank: the URL ends at the last ')'
	 * before the blank. */
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- T (https://a.org/p(1)) mirror (see below)\n"
	    "- U (https://b.org/q mirror)\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_TITLE, "T");
	field(0, DG_F_URL, "https://a.org/p(1)");
	field(1, DG_F_TITLE, "U (https://b.org/q mirror)");
	field(1, DG_F_URL, "");
}
END_TEST

START_TEST(test_markdown_link_source)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- [Attention (Is) All](https://arxiv.org/abs/1706.03762v7)\n");
	field(0, DG_F_TITLE, "Attention (Is) All");
	field(0, DG_F_URL, "https://arxiv.org/abs/1706.03762v7");
}
END_TEST

START_TEST(test_item_without_url_keeps_title)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n- Just a title (2020)\n"
	    "- Text (ftp://x)\n-\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_TITLE, "Just a title (2020)");
	field(0, DG_F_URL, "");
	field(1, DG_F_TITLE, "Text (ftp://x)");
}
END_TEST

START_TEST(test_sources_label_without_items_yields_record)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n\n## B\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_CATEGORY, "A");
	field(0, DG_F_TITLE, "");
	ck_assert_uint_eq(recs[0].lineno, 1);
}
END_TEST

START_TEST(test_combined_layout_kind_and_date)
{
	parse("combined.md", "# Daily Artificial Intelligence Insights\n\n"
	    "## Papers\n\n![g](paper_2024-03-04.png)\n\n"
	    "### \xf0\x9f\x8e\x88 LLM\n\n**요약:**\n\ns\n\n**출처:**\n\n"
	    "- a (http://a)\n\n"
	    "## News\n\n![g](news_2024-03-05.png)\n\n"
	    "### AI Policy\n\n**요약:**\n\nt\n\n**출처:**\n\n- b (http://b)\n");
	ck_assert_uint_eq(nrecs, 2);
	ck_assert_uint_eq(nstrays, 0);
	field(0, DG_F_KIND, "Papers");
	field(0, DG_F_DATE, "2024-03-04");
	field(0, DG_F_CATEGORY, "LLM");
	field(1, DG_F_KIND, "News");
	field(1, DG_F_DATE, "2024-03-05");
	field(1, DG_F_SECTION, "2");
}
END_TEST

START_TEST(test_h1_ending_in_date_names_no_kind)
{
	parse("x.md", "# Daily Insights: 2024-05-06\n## News\n"
	    "### A\n**요약:**\ns\n");
	field(0, DG_F_KIND, "News");
	field(0, DG_F_DATE, "2024-05-06");
}
END_TEST

START_TEST(test_one_word_heading_is_not_kind_after_h1_kind)
{
	parse("x.md", "# T : Papers\n## Contents\n## A\n**요약:**\ns\n");
	field(0, DG_F_KIND, "Papers");
	ck_assert_uint_eq(nstrays, 1);
}
END_TEST

START_TEST(test_nbsp_and_ideographic_space_are_blanks)
{
	/* U+00A0 and U+3000 stand where a space is meant: in headings,
	 * around labels, and as blank lines. */
	parse("x.md", "## \xf0\x9f\x8e\xa0\xc2\xa0" "Computer\xe3\x80\x80"
	    "Vision\xc2\xa0\n\xe3\x80\x80\n**요약:**\xc2\xa0\ns\n\xc2\xa0\n"
	    "**출처:**\n- t (http://u)\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_EMOJI, "\xf0\x9f\x8e\xa0");
	field(0, DG_F_CATEGORY, "Computer Vision");
	field(0, DG_F_SUMMARY, "s");
	field(0, DG_F_URL, "http://u");
}
END_TEST

START_TEST(test_keycap_is_not_a_marker)
{
	/* SPEC: a marker is made only of emoji code points; '1' is none. */
	parse("x.md", "## 1\xef\xb8\x8f\xe2\x83\xa3 Topic\n**요약:**\ns\n");
	field(0, DG_F_EMOJI, "");
	field(0, DG_F_CATEGORY, "1\xef\xb8\x8f\xe2\x83\xa3 Topic");
}
END_TEST

START_TEST(test_bold_markdown_link_source)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- **[Bold (B)](https://b.org/x)**\n"
	    "- _[Slanted](https://c.org/y)_\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_TITLE, "Bold (B)");
	field(0, DG_F_URL, "https://b.org/x");
	field(1, DG_F_TITLE, "Slanted");
	field(1, DG_F_URL, "https://c.org/y");
}
END_TEST

START_TEST(test_thematic_break_ends_sources)
{
	/* "- - -" is a break, not an item with text "- -". */
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n- t (http://u)\n"
	    "- - -\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_TITLE, "t");
	ck_assert_uint_eq(nstrays, 0);
}
END_TEST

START_TEST(test_title_with_summary_still_names_kind_and_date)
{
	/* The H1 starts a section of its own (an overall summary): it is
	 * still the title, and its image is no part of the category. */
	parse("x.md", "# Insights : Papers![g](p_2024-10-19.png)\n"
	    "**요약:**\nall\n## A\n**요약:**\ns\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_CATEGORY, "Insights : Papers");
	field(0, DG_F_KIND, "Papers");
	field(0, DG_F_DATE, "2024-10-19");
	field(1, DG_F_KIND, "Papers");
	field(1, DG_F_DATE, "2024-10-19");
}
END_TEST

START_TEST(test_kind_heading_ends_sourceless_summary)
{
	/* Combined layout: the last Papers section has no sources, so its
	 * summary would run on; "## News" over an image ends it. */
	parse("x.md", "# Insights\n## Papers\n![g](p_2024-03-04.png)\n"
	    "### A\n**요약:**\ns\n\n## News\n\n![g](n_2024-03-05.png)\n"
	    "### B\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_SUMMARY, "s");
	field(0, DG_F_KIND, "Papers");
	field(1, DG_F_KIND, "News");
	field(1, DG_F_DATE, "2024-03-05");
}
END_TEST

START_TEST(test_other_heading_in_summary_stays_text)
{
	/* Only a heading naming a kind ends a summary early. */
	parse("x.md", "# Insights\n## Papers\n### A\n**요약:**\ns\n\n"
	    "## Overview\n\n### Detail\nmore\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_SUMMARY, "s\n\n## Overview\n\n### Detail\nmore");
}
END_TEST

START_TEST(test_kind_heading_is_level_two)
{
	parse("x.md", "# Insights\n### News\n## A\n**요약:**\ns\n");
	field(0, DG_F_KIND, "");
	ck_assert_uint_eq(nstrays, 1);
}
END_TEST

START_TEST(test_h1_kind_beside_date)
{
	parse("x.md", "# Insights: Papers (2024-10-19)\n## A\n**요약:**\ns\n");
	field(0, DG_F_KIND, "Papers");
	field(0, DG_F_DATE, "2024-10-19");
	parse("x.md", "# Insights: [2024-10-19] News\n## A\n**요약:**\ns\n");
	field(0, DG_F_KIND, "News");
	field(0, DG_F_DATE, "2024-10-19");
	/* Dashes and bars that set the date off go with it. */
	parse("x.md", "# Insights: News - 2024-10-19\n## A\n**요약:**\ns\n");
	field(0, DG_F_KIND, "News");
	parse("x.md", "# Insights: 2024-10-19 | Papers\n## A\n**요약:**\ns\n");
	field(0, DG_F_KIND, "Papers");
	parse("x.md", "# Insights: News \xe2\x80\x94 2024-10-19\n## A\n"
	    "**요약:**\ns\n");
	field(0, DG_F_KIND, "News");
	parse("x.md", "# Insights: C-3PO - 2024-10-19\n## A\n**요약:**\ns\n");
	field(0, DG_F_KIND, "C-3PO");
}
END_TEST

START_TEST(test_kind_heading_with_image_ends_sourceless_summary)
{
	/* The image may sit on the kind heading's own line. */
	parse("x.md", "# Insights\n## Papers![g](p_2024-03-04.png)\n"
	    "### A\n**요약:**\ns\n## News![g](n_2024-03-05.png)\n"
	    "### B\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_SUMMARY, "s");
	field(1, DG_F_KIND, "News");
	field(1, DG_F_DATE, "2024-03-05");
}
END_TEST

/* "## Papers ![chart](...)": the kind is the text up to the chart
 * image, after any marker; the image (and what follows it) is no part
 * of it, though its date counts as any image line's. */
START_TEST(test_kind_heading_with_image_sets_kind_image_ignored)
{
	parse("x.md", "# Insights\n## Papers ![chart](p_2024-03-04.png) x\n"
	    "### A\n**요약:**\ns\n**출처:**\n- T (https://a)\n"
	    "## \xf0\x9f\x8e\xa0 News ![c](n.png)\n### B\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_KIND, "Papers");
	field(0, DG_F_DATE, "2024-03-04");
	field(1, DG_F_KIND, "News");
	field(1, DG_F_DATE, "2024-03-04");
	ck_assert_uint_eq(nstrays, 0);
}
END_TEST

START_TEST(test_kind_word_heading_in_summary_stays_text)
{
	/* Without a chart image "## News" is a summary's own heading: the
	 * sources after it still belong to the section. */
	parse("x.md", "# AI Digest 2024-10-19\n## LLM\n**요약:**\nintro\n\n"
	    "## News\n\n### Top story\ntext\n\n**출처:**\n- T (https://a)\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_SUMMARY, "intro\n\n## News\n\n### Top story\ntext");
	field(0, DG_F_URL, "https://a");
	ck_assert_uint_eq(nstrays, 0);
}
END_TEST

/* In the summary of a section without sources, a kind heading is
 * summary text, its image line too (whose date is then not taken),
 * unless a kind heading has set a kind and this one carries its image:
 * not the first kind heading, not one under a title naming a kind, not
 * one without its image. */
START_TEST(test_later_kind_heading_in_summary_is_summary_text)
{
	/* The first kind heading: no kind set yet. */
	parse("x.md", "# Insights\n### A\n**요약:**\ns\n\n## Papers\n"
	    "![c](p_2024-01-01.png)\n### B\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_SUMMARY, "s\n\n## Papers\n![c](p_2024-01-01.png)");
	field(1, DG_F_KIND, "");
	field(1, DG_F_DATE, "");
	/* The title named a kind. */
	parse("x.md", "# Insights : Papers\n## A\n**요약:**\ns\n\n## News\n"
	    "![c](n_2024-01-01.png)\n## B\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_SUMMARY, "s\n\n## News\n![c](n_2024-01-01.png)");
	field(1, DG_F_KIND, "Papers");
	field(1, DG_F_DATE, "");
	/* Without its image, on its line or next: text follows. */
	parse("x.md", "# Insights\n## Papers\n### A\n**요약:**\ns\n\n"
	    "## News![c](n.png)\ntext\n### B\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_SUMMARY, "s\n\n## News![c](n.png)\ntext");
	field(1, DG_F_KIND, "Papers");
	ck_assert_uint_eq(nstrays, 0);
}
END_TEST

START_TEST(test_h1_sections_after_title_keep_kind)
{
	parse("x.md", "# Insights : Papers\n\n# \xf0\x9f\x8e\xa0 LLM: Agents\n"
	    "**요약:**\ns\n**출처:**\n- T (https://a)\n\n"
	    "# \xf0\x9f\xa7\xb8 CV\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_KIND, "Papers");
	field(0, DG_F_CATEGORY, "LLM: Agents");
	field(1, DG_F_KIND, "Papers");
	field(1, DG_F_CATEGORY, "CV");
}
END_TEST

START_TEST(test_later_h1_without_kind_keeps_kind)
{
	parse("x.md", "# X : News 2024-10-19\n## LLM\n**요약:**\ns\n"
	    "**출처:**\n- T (https://a)\n\n# 결론\n\n## CV\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(1, DG_F_KIND, "News");
	field(1, DG_F_DATE, "2024-10-19");
}
END_TEST

START_TEST(test_later_h1_with_kind_starts_another_digest)
{
	/* As when digests are read one after another from a pipe. */
	parse("-", "# X : News\n## A\n**요약:**\ns\n**출처:**\n"
	    "- T (https://a)\n# Y : Papers\n## B\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_KIND, "News");
	field(1, DG_F_KIND, "Papers");
}
END_TEST

START_TEST(test_only_papers_or_news_heading_sets_kind)
{
	/* A one-word heading that is not a section is no kind heading. */
	parse("x.md", "# AI 뉴스 다이제스트 2024-10-19\n## LLM\n**요약:**\ns\n"
	    "**출처:**\n- T (https://a)\n\n## \xf0\x9f\xa7\xb8 Robotics\n\n"
	    "없습니다.\n\n## CV\n**요약:**\nt\n");
	ck_assert_uint_eq(nrecs, 2);
	field(1, DG_F_KIND, "");
	ck_assert_uint_eq(nstrays, 2);
}
END_TEST

START_TEST(test_nbsp_around_labels_and_in_item_indent)
{
	parse("x.md", "## A\n\xc2\xa0**요약:**\ns\n\xe3\x80\x80**출처:**\xe3\x80\x80\n"
	    "\xc2\xa0- T (https://a)\n-\xc2\xa0U (https://b)\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_SUMMARY, "s");
	field(0, DG_F_TITLE, "T");
	field(1, DG_F_TITLE, "U");
}
END_TEST

START_TEST(test_emphasis_in_title_is_kept)
{
	/* Only emphasis around a whole [Title] link goes. */
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- **GPT-5 출시** [기사](https://a.com/x)\n"
	    "- _Nature_ [PDF](https://b.com/y)\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_TITLE, "**GPT-5 출시** [기사]");
	field(1, DG_F_TITLE, "_Nature_ [PDF]");
}
END_TEST

/* A run of '*' and '_' right before the '[' of a link title goes with
 * its brackets, matched or not; the run after the URL's ')' goes with
 * what follows the URL.  Emphasis anywhere else stays. */
START_TEST(test_emphasis_touching_link_brackets_goes_with_them)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- **[T](https://u/1)**\n"
	    "- **[T](https://u/2)\n"
	    "- *_*[T](https://u/3)\n"
	    "- _[T] (https://u/4)\n"
	    "- **[T]** (https://u/5)\n"
	    "- * [T](https://u/6)\n"
	    "- [T]** (https://u/7)\n");
	ck_assert_uint_eq(nrecs, 7);
	field(0, DG_F_TITLE, "T");
	field(1, DG_F_TITLE, "T");
	field(2, DG_F_TITLE, "T");
	field(3, DG_F_TITLE, "T");
	field(4, DG_F_TITLE, "**[T]**");
	field(5, DG_F_TITLE, "* [T]");
	field(6, DG_F_TITLE, "[T]**");
	field(6, DG_F_URL, "https://u/7");
}
END_TEST

START_TEST(test_brackets_go_only_when_they_pair)
{
	/* Korean news titles: "[단독] ... [종합]" keeps both brackets. */
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n"
	    "- [단독] 칩 공개 [종합] (https://n.kr/1)\n"
	    "- [속보] 새 모델 [영상](https://n.kr/2)\n"
	    "- [Nested [x] Title](https://n.kr/3)\n");
	ck_assert_uint_eq(nrecs, 3);
	field(0, DG_F_TITLE, "[단독] 칩 공개 [종합]");
	field(1, DG_F_TITLE, "[속보] 새 모델 [영상]");
	field(2, DG_F_TITLE, "Nested [x] Title");
}
END_TEST

START_TEST(test_nbsp_in_thematic_break_and_closing_hashes)
{
	parse("x.md", "## C D\xc2\xa0##\n**요약:**\ns\n**출처:**\n"
	    "- t (http://u)\n-\xc2\xa0-\xc2\xa0-\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_CATEGORY, "C D");
	field(0, DG_F_TITLE, "t");
}
END_TEST

START_TEST(test_crlf_bom_and_no_final_newline_same_records)
{
	static const char clean[] = "# T : News\n## A\n**요약:**\ns\n\n"
	    "**출처:**\n- t (http://u)\n";
	static const char dirty[] = "\xef\xbb\xbf# T : News\r\n## A\r\n"
	    "**요약:**\r\ns\r\n\r\n**출처:**\r\n- t (http://u)";
	size_t i;
	dg_buf keep[DG_NFIELDS];

	parse("x.md", clean);
	ck_assert_uint_eq(nrecs, 1);
	for (i = 0; i < DG_NFIELDS; i++) {
		memset(&keep[i], 0, sizeof(keep[i]));
		dg_buf_add(&keep[i], recs[0].f[i].p, recs[0].f[i].len);
	}
	parse("x.md", dirty);
	ck_assert_uint_eq(nrecs, 1);
	for (i = 0; i < DG_NFIELDS; i++) {
		ck_assert_uint_eq(keep[i].len, recs[0].f[i].len);
		ck_assert(keep[i].len == 0 ||
		    memcmp(keep[i].p, recs[0].f[i].p, keep[i].len) == 0);
		dg_buf_free(&keep[i]);
	}
}
END_TEST

START_TEST(test_crlf_converted_twice_same_records)
{
	/* CR CR LF, as when a CRLF file is converted again. */
	parse("x.md", "# T : News\r\r\n## A\r\r\n**요약:**\r\r\ns\r\r\n\r\r\n"
	    "**출처:**\r\r\n- t (http://u)\r\r\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_KIND, "News");
	field(0, DG_F_CATEGORY, "A");
	/* The CR left is data, but no part of the structure. */
	field(0, DG_F_SUMMARY, "s\r");
	field(0, DG_F_TITLE, "t");
	field(0, DG_F_URL, "http://u");
}
END_TEST

/* A CR after the '#'s is a blank, as elsewhere in the structure: "##"
 * of a file converted to CRLF twice is a heading as "##" of a CRLF one,
 * and the category keeps nothing of the CR. */
START_TEST(test_cr_after_hashes_makes_a_heading)
{
	parse("x.md", "##\r\n**요약:**\r\ns\r\n##\tB\r\n**요약:**\r\nt\r\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_CATEGORY, "");
	field(0, DG_F_SUMMARY, "s");
	field(1, DG_F_CATEGORY, "B");
	parse("x.md", "##\r\r\n**요약:**\r\r\ns\r\r\n##\rB\r\r\n**요약:**\r\r\n"
	    "t\r\r\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_CATEGORY, "");
	field(0, DG_F_SECTION, "1");
	field(0, DG_F_SUMMARY, "s\r");
	field(1, DG_F_CATEGORY, "B");
	field(1, DG_F_SECTION, "2");
	ck_assert_uint_eq(nstrays, 0);
}
END_TEST

START_TEST(test_nul_cr_and_invalid_utf8_are_data)
{
	static const char text[] = "## A\n**요약:**\na\0b\rc\xff\xfe\n"
	    "**출처:**\n- T\0\xc3(x (http://u/\xff)\n";

	ck_assert_int_eq(parse_n("x.md", text, sizeof(text) - 1, 0), DG_OK);
	ck_assert_uint_eq(nrecs, 1);
	ck_assert_uint_eq(recs[0].f[DG_F_SUMMARY].len, 7);
	ck_assert(memcmp(recs[0].f[DG_F_SUMMARY].p, "a\0b\rc\xff\xfe", 7) == 0);
	ck_assert_uint_eq(recs[0].f[DG_F_TITLE].len, 5);
	ck_assert(memcmp(recs[0].f[DG_F_TITLE].p, "T\0\xc3(x", 5) == 0);
	field(0, DG_F_URL, "http://u/\xff");
}
END_TEST

/* NUL is data, not a blank: a line of NUL bytes, or NUL bytes then a
 * run of '-', is text, so outside sections it fits nowhere, and after
 * a sources list it ends the list as text does (reported, not taken
 * for decoration). */
START_TEST(test_a_line_of_nul_bytes_is_text_not_a_break)
{
	static const char outside[] = "# T : News\n\0\0\0\n\0--\n \0 \0 \0\n"
	    "## A\n**요약:**\ns\n";
	static const char after[] = "## A\n**요약:**\ns\n**출처:**\n"
	    "- t (http://u)\n\0\0\0\n";

	ck_assert_int_eq(parse_n("x.md", outside, sizeof(outside) - 1, 0),
	    DG_OK);
	ck_assert_uint_eq(nrecs, 1);
	ck_assert_uint_eq(nstrays, 3);
	ck_assert_uint_eq(strays[0], 2);
	ck_assert_uint_eq(strays[1], 3);
	ck_assert_uint_eq(strays[2], 4);
	ck_assert_int_eq(parse_n("x.md", after, sizeof(after) - 1, 0), DG_OK);
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_TITLE, "t");
	ck_assert_uint_eq(nstrays, 1);
	ck_assert_uint_eq(strays[0], 6);
}
END_TEST

START_TEST(test_stray_lines_reported_not_data)
{
	parse("x.md", "intro text\n# T : Papers\n\n---\n* * *\n"
	    "## A\n**요약:**\ns\n**출처:**\n- a (http://a)\n\nnote\n");
	ck_assert_uint_eq(nrecs, 1);
	ck_assert_uint_eq(nstrays, 2);
	ck_assert_uint_eq(strays[0], 1);
	ck_assert_uint_eq(strays[1], 12);
}
END_TEST

START_TEST(test_heading_needs_blank_after_hashes)
{
	parse("x.md", "#A\n**요약:**\ns\n####### Seven\n**요약:**\ns\n");
	ck_assert_uint_eq(nrecs, 0);
}
END_TEST

START_TEST(test_heading_closing_hashes_dropped)
{
	parse("x.md", "## C# Tools ##\n**요약:**\ns\n");
	field(0, DG_F_CATEGORY, "C# Tools");
}
END_TEST

START_TEST(test_no_summary_flag_leaves_summary_empty)
{
	ck_assert_int_eq(parse_n("x.md", "## A\n**요약:**\nlong\n", 19,
	    DG_PARSE_NO_SUMMARY), DG_OK);
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_SUMMARY, "");
	field(0, DG_F_CATEGORY, "A");
}
END_TEST

START_TEST(test_callback_can_stop_the_parse)
{
	dg_parser *p = dg_parser_new(0, on_record, NULL, NULL);
	static const char text[] = "## A\n**요약:**\ns\n**출처:**\n- a\n- b\n- c\n";

	reset();
	stop_after = 2;
	ck_assert_int_eq(dg_parse_mem(p, "x", 1, text, sizeof(text) - 1),
	    DG_ESTOP);
	ck_assert_uint_eq(nrecs, 2);
	dg_parser_free(p);
}
END_TEST

START_TEST(test_heading_indent_is_up_to_three_spaces)
{
	parse("x.md", "   ## A\n**요약:**\ns\n    ## B\n**요약:**\nt\n"
	    "\t## C\n**요약:**\nu\n\xc2\xa0## D\n**요약:**\nv\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_CATEGORY, "A");
	field(0, DG_F_SUMMARY, "s\n    ## B\n**요약:**\nt\n\t## C\n**요약:**\n"
	    "u\n\xc2\xa0## D\n**요약:**\nv");
}
END_TEST

START_TEST(test_label_near_misses_are_summary_text)
{
	parse("x.md", "## A\n**요약:**\n**Note:**\n*출처:*\n**출처:** x\n"
	    "**:**\n** 출처:**\n**출처:**\n- a (http://a)\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_SUMMARY, "**Note:**\n*출처:*\n**출처:** x\n**:**\n"
	    "** 출처:**");
	field(0, DG_F_URL, "http://a");
}
END_TEST

START_TEST(test_heading_in_summary_keeps_blank_lines_after_it)
{
	parse("x.md", "## A\n**요약:**\ns\n### Sub\n\n\t\n \xe3\x80\x80\nmore\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_SUMMARY, "s\n### Sub\n\n\t\n \xe3\x80\x80\nmore");
}
END_TEST

START_TEST(test_heading_decided_by_end_of_file)
{
	/* In a summary: text, its blank lines after it trimmed. */
	parse("x.md", "## A\n**요약:**\ns\n\n## B\n\n \n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_SUMMARY, "s\n\n## B");
	/* After a sources list: it ends the list, then fits nowhere. */
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n- a (http://a)\n\n"
	    "## Tail\n");
	ck_assert_uint_eq(nrecs, 1);
	ck_assert_uint_eq(nstrays, 1);
	ck_assert_uint_eq(strays[0], 7);
	/* A title after an empty list: the section's record comes first,
	 * with the kind it had. */
	parse("x.md", "# T : News\n## A\n**요약:**\ns\n**출처:**\n\n"
	    "# Again : Papers\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_KIND, "News");
	field(0, DG_F_TITLE, "");
	ck_assert_uint_eq(nstrays, 0);
}
END_TEST

START_TEST(test_heading_after_sources_ends_section)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n- a (http://a)\n"
	    "## B\ntext\n## C\n\n**요약:**\nc\n");
	ck_assert_uint_eq(nrecs, 2);
	field(0, DG_F_TITLE, "a");
	field(1, DG_F_CATEGORY, "C");
	field(1, DG_F_SECTION, "2");
	field(1, DG_F_TITLE, "");
	ck_assert_uint_eq(nstrays, 2);
	ck_assert_uint_eq(strays[0], 6);
	ck_assert_uint_eq(strays[1], 7);
}
END_TEST

/* A marker alone on its line is an empty item, as CommonMark allows:
 * ignored, and the list goes on. */
START_TEST(test_empty_items_keep_the_list)
{
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n-\n1.\n* \n*\n+\n2)\n"
	    "-\t\n\n- a (http://a)\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_TITLE, "a");
	ck_assert_uint_eq(nstrays, 0);
	/* "1.5" is no item: it ends the list, and the section. */
	parse("x.md", "## A\n**요약:**\ns\n**출처:**\n1.5 x\n- b (http://b)\n");
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_TITLE, "");
	ck_assert_uint_eq(nstrays, 2);
}
END_TEST

START_TEST(test_stop_comes_when_the_heading_is_decided)
{
	static const char *const lines[] = {
		"## A", "**요약:**", "s", "**출처:**", "", "## B", "", "**요약:**",
		"t"
	};
	dg_parser *p = dg_parser_new(0, on_record, NULL, NULL);
	size_t i;

	reset();
	stop_after = 1;
	ck_assert_int_eq(dg_parser_begin(p, "x", 1), DG_OK);
	/* A's record (no sources) is given when B's next non-blank line
	 * shows that B starts a section. */
	for (i = 0; i < 7; i++)
		ck_assert_int_eq(dg_parser_line(p, lines[i], strlen(lines[i])),
		    DG_OK);
	ck_assert_uint_eq(nrecs, 0);
	ck_assert_int_eq(dg_parser_line(p, lines[7], strlen(lines[7])),
	    DG_ESTOP);
	ck_assert_uint_eq(nrecs, 1);
	field(0, DG_F_CATEGORY, "A");
	dg_parser_free(p);
}
END_TEST

START_TEST(test_parser_reuse_restarts_sections_and_kind)
{
	dg_parser *p = dg_parser_new(0, on_record, NULL, NULL);
	static const char a[] = "# T : News\n## A\n**요약:**\ns\n";
	static const char b[] = "## B\n**요약:**\ns\n";

	reset();
	ck_assert_int_eq(dg_parse_mem(p, "a", 1, a, sizeof(a) - 1), DG_OK);
	ck_assert_int_eq(dg_parse_mem(p, "b", 1, b, sizeof(b) - 1), DG_OK);
	ck_assert_uint_eq(dg_parser_sections(p), 1);
	field(1, DG_F_SECTION, "1");
	field(1, DG_F_KIND, "");
	field(1, DG_F_FILE, "b");
	dg_parser_free(p);
}
END_TEST

START_TEST(test_format_escapes_every_field)
{
	dg_record r;
	dg_buf b = {0};
	dg_str e = {"s\\n", 3};

	memset(&r, 0, sizeof(r));
	r.title.p = "a\tb\\";
	r.title.n = 4;
	r.section = 12;
	r.summary.p = "x\ny";
	r.summary.n = 3;
	ck_assert_int_eq(dg_tsv_format(&b, &r, NULL), DG_OK);
	dg_check_str((dg_str){b.p, b.len}, "\t\t\ta\\tb\\\\\t\t\t12\t\tx\\ny\n",
	    "line");
	b.len = 0;
	ck_assert_int_eq(dg_tsv_format(&b, &r, &e), DG_OK);
	dg_check_str((dg_str){b.p, b.len}, "\t\t\ta\\tb\\\\\t\t\t12\t\ts\\n\n",
	    "cached");
	dg_buf_free(&b);
}
END_TEST

/* The date a file's name gives: its last part first, then its
 * folders'; YYYY_MM_DD too, written with dashes (dg-parse(1), Kind and
 * date). */
START_TEST(test_name_date_last_part_first)
{
	char d[DG_DATE_LEN];

	ck_assert(dg_name_date("a/2024-01-02/News_2024-12-25_digest.md", 38, d));
	ck_assert(memcmp(d, "2024-12-25", DG_DATE_LEN) == 0);
	ck_assert(dg_name_date("2024_03_04/x.md", 15, d));
	ck_assert(memcmp(d, "2024-03-04", DG_DATE_LEN) == 0);
	ck_assert(!dg_name_date("digest.md", 9, d));
	ck_assert(!dg_name_date("x-12024-01-02.md", 16, d));
	ck_assert(!dg_name_date("2024-13-02.md", 13, d));
}
END_TEST

static Suite *
digest_suite(void)
{
	Suite *s = suite_create("digest");
	TCase *tc = tcase_create("spec2");

	tcase_add_test(tc, test_name_date_last_part_first);
	tcase_add_test(tc, test_kind_after_last_colon_of_h1);
	tcase_add_test(tc, test_kind_stops_at_chart_image);
	tcase_add_test(tc, test_kind_blanks_folded_to_one_space);
	tcase_add_test(tc, test_date_from_h1_image);
	tcase_add_test(tc, test_date_underscores_become_dashes);
	tcase_add_test(tc, test_date_later_image_line_replaces_for_later_sections);
	tcase_add_test(tc, test_date_falls_back_to_file_name);
	tcase_add_test(tc, test_date_empty_when_nowhere);
	tcase_add_test(tc, test_date_must_be_a_plausible_date);
	tcase_add_test(tc, test_date_must_be_a_day_of_the_calendar);
	tcase_add_test(tc, test_section_needs_summary_label_next);
	tcase_add_test(tc, test_section_heading_of_any_level);
	tcase_add_test(tc, test_headings_inside_summary_are_text);
	tcase_add_test(tc, test_second_summary_label_is_text);
	tcase_add_test(tc, test_marker_is_emoji_first_word);
	tcase_add_test(tc, test_marker_needs_more_words);
	tcase_add_test(tc, test_marker_absent_without_emoji);
	tcase_add_test(tc, test_marker_rejects_mixed_word);
	tcase_add_test(tc, test_category_blanks_collapsed);
	tcase_add_test(tc, test_labels_korean_and_english);
	tcase_add_test(tc, test_label_with_more_text_is_not_label);
	tcase_add_test(tc, test_summary_trims_blank_lines_keeps_bytes);
	tcase_add_test(tc, test_summary_without_sources_runs_to_next_section);
	tcase_add_test(tc, test_sources_list_markers_and_indent);
	tcase_add_test(tc, test_sources_end_at_non_item_line);
	tcase_add_test(tc, test_url_from_last_paren_http);
	tcase_add_test(tc, test_url_with_parentheses);
	tcase_add_test(tc, test_title_with_parentheses);
	tcase_add_test(tc, test_url_runs_to_final_paren_of_item);
	tcase_add_test(tc, test_url_holds_no_blank);
	tcase_add_test(tc, test_markdown_link_source);
	tcase_add_test(tc, test_item_without_url_keeps_title);
	tcase_add_test(tc, test_sources_label_without_items_yields_record);
	tcase_add_test(tc, test_combined_layout_kind_and_date);
	tcase_add_test(tc, test_h1_ending_in_date_names_no_kind);
	tcase_add_test(tc, test_one_word_heading_is_not_kind_after_h1_kind);
	tcase_add_test(tc, test_nbsp_and_ideographic_space_are_blanks);
	tcase_add_test(tc, test_keycap_is_not_a_marker);
	tcase_add_test(tc, test_bold_markdown_link_source);
	tcase_add_test(tc, test_thematic_break_ends_sources);
	tcase_add_test(tc, test_title_with_summary_still_names_kind_and_date);
	tcase_add_test(tc, test_kind_heading_ends_sourceless_summary);
	tcase_add_test(tc, test_other_heading_in_summary_stays_text);
	tcase_add_test(tc, test_kind_heading_is_level_two);
	tcase_add_test(tc, test_h1_kind_beside_date);
	tcase_add_test(tc, test_kind_heading_with_image_ends_sourceless_summary);
	tcase_add_test(tc, test_kind_word_heading_in_summary_stays_text);
	tcase_add_test(tc, test_kind_heading_with_image_sets_kind_image_ignored);
	tcase_add_test(tc, test_later_kind_heading_in_summary_is_summary_text);
	tcase_add_test(tc, test_h1_sections_after_title_keep_kind);
	tcase_add_test(tc, test_later_h1_without_kind_keeps_kind);
	tcase_add_test(tc, test_later_h1_with_kind_starts_another_digest);
	tcase_add_test(tc, test_only_papers_or_news_heading_sets_kind);
	tcase_add_test(tc, test_nbsp_around_labels_and_in_item_indent);
	tcase_add_test(tc, test_emphasis_in_title_is_kept);
	tcase_add_test(tc, test_brackets_go_only_when_they_pair);
	tcase_add_test(tc, test_emphasis_touching_link_brackets_goes_with_them);
	tcase_add_test(tc, test_nbsp_in_thematic_break_and_closing_hashes);
	tcase_add_test(tc, test_crlf_bom_and_no_final_newline_same_records);
	tcase_add_test(tc, test_crlf_converted_twice_same_records);
	tcase_add_test(tc, test_cr_after_hashes_makes_a_heading);
	tcase_add_test(tc, test_nul_cr_and_invalid_utf8_are_data);
	tcase_add_test(tc, test_stray_lines_reported_not_data);
	tcase_add_test(tc, test_a_line_of_nul_bytes_is_text_not_a_break);
	tcase_add_test(tc, test_heading_needs_blank_after_hashes);
	tcase_add_test(tc, test_heading_closing_hashes_dropped);
	tcase_add_test(tc, test_no_summary_flag_leaves_summary_empty);
	tcase_add_test(tc, test_callback_can_stop_the_parse);
	tcase_add_test(tc, test_parser_reuse_restarts_sections_and_kind);
	tcase_add_test(tc, test_heading_indent_is_up_to_three_spaces);
	tcase_add_test(tc, test_label_near_misses_are_summary_text);
	tcase_add_test(tc, test_heading_in_summary_keeps_blank_lines_after_it);
	tcase_add_test(tc, test_heading_decided_by_end_of_file);
	tcase_add_test(tc, test_heading_after_sources_ends_section);
	tcase_add_test(tc, test_empty_items_keep_the_list);
	tcase_add_test(tc, test_stop_comes_when_the_heading_is_decided);
	tcase_add_test(tc, test_format_escapes_every_field);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(digest_suite());
}
