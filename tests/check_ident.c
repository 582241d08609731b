/* Unit tests of source identity: SPEC.md §5 "One identity per source",
 * lib/ident_int.h, dg-links(1) SOURCE IDENTITY. */
#include <string.h>

#include "ascii_int.h"
#include "check_util.h"
#include "ident_int.h"

/* The key of (url, title), or "" when the source has none. */
static void
key(const char *url, const char *title, dg_buf *b, enum dg_ident *kind)
{
	dg_str u = { url, strlen(url) }, t = { title, strlen(title) };

	b->len = 0;
	ck_assert_int_eq(dg_ident(b, u, t, kind), DG_OK);
	if (*kind == DG_IDENT_NONE)
		ck_assert_msg(b->len == 0, "%s|%s: no identity, yet a key",
		    url, title);
}

static void
key_is(const char *url, const char *title, const char *want)
{
	dg_buf b = {0};
	dg_str got;
	enum dg_ident kind;

	key(url, title, &b, &kind);
	got.p = b.p;
	got.n = b.len;
	dg_check_str(got, want, *url ? url : title);
	dg_buf_free(&b);
}

/* Do the two URLs name one source? */
static int
same(const char *a, const char *b)
{
	dg_buf ka = {0}, kb = {0};
	enum dg_ident k;
	int eq;

	key(a, "", &ka, &k);
	key(b, "", &kb, &k);
	eq = ka.len == kb.len && memcmp(ka.p, kb.p, ka.len) == 0;
	dg_buf_free(&ka);
	dg_buf_free(&kb);
	return eq;
}

static const struct pair {
	const char *a, *b;
	int same;
} pairs[] = {
	/* Same source: the forms the rule folds. */
	{ "http://example.org/a", "https://example.org/a", 1 },
	{ "https://www.example.org/a", "https://example.org/a", 1 },
	{ "https://WWW.Example.ORG/a", "https://example.org/a", 1 },
	{ "HTTPS://example.org/a", "http://example.org/a", 1 },
	{ "https://example.org:443/a", "https://example.org/a", 1 },
	{ "http://example.org:80/a", "https://example.org/a", 1 },
	{ "http://example.org:/a", "http://example.org/a", 1 },
	{ "https://example.org/a#section-2", "https://example.org/a", 1 },
	{ "https://example.org/a#", "https://example.org/a", 1 },
	{ "https://example.org/a/", "https://example.org/a", 1 },
	{ "https://example.org/a/?q=1", "https://example.org/a?q=1", 1 },
	{ "https://example.org/", "https://example.org", 1 },
	{ "https://example.org/?q", "https://example.org?q", 1 },
	{ "https://example.org/a?x=1#frag", "http://www.example.org/a?x=1", 1 },
	{ "//example.org/a", "https://example.org/a", 1 },
	{ "http://[2001:DB8::1]:80/a", "https://[2001:db8::1]/a", 1 },
	{ "ftp://FTP.Example.org/pub/", "ftp://ftp.example.org/pub", 1 },
	/* arXiv: abs, pdf, .pdf and versions are one paper. */
	{ "http://arxiv.org/abs/2410.13754v1", "https://arxiv.org/abs/2410.13754", 1 },
	{ "https://arxiv.org/abs/2410.13754", "https://arxiv.org/pdf/2410.13754", 1 },
	{ "https://arxiv.org/pdf/2410.13754v2.pdf", "https://arxiv.org/abs/2410.13754v1", 1 },
	{ "https://www.arxiv.org/abs/2410.13754", "https://export.arxiv.org/abs/2410.13754v3", 1 },
	{ "https://ArXiv.org/abs/2410.13754/", "https://arxiv.org/abs/2410.13754", 1 },
	{ "http://arxiv.org/abs/hep-th/9901001v2", "https://arxiv.org/pdf/hep-th/9901001", 1 },
	{ "https://arxiv.org/abs/2410.13754?context=cs", "https://arxiv.org/abs/2410.13754", 1 },
	/* Not the same: what the rule keeps. */
	{ "https://example.org/A", "https://example.org/a", 0 },
	{ "https://example.org/a?x=1", "https://example.org/a?x=2", 0 },
	{ "https://example.org/a?x=1&y=2", "https://example.org/a?y=2&x=1", 0 },
	{ "https://example.org/a?", "https://example.org/a", 0 },
	{ "https://example.org/a/b", "https://example.org/a", 0 },
	{ "https://example.org/a//", "https://example.org/a", 0 },
	{ "https://example.org/a%2F", "https://example.org/a/", 0 },
	{ "https://example.org/%7Ea", "https://example.org/~a", 0 },
	{ "https://example.org:8443/a", "https://example.org/a", 0 },
	{ "https://example.org:0443/a", "https://example.org/a", 0 },
	{ "https://user@example.org/a", "https://example.org/a", 0 },
	{ "https://User@example.org/a", "https://user@example.org/a", 0 },
	{ "https://www2.example.org/a", "https://example.org/a", 0 },
	{ "https://sub.www.example.org/a", "https://sub.example.org/a", 0 },
	{ "https://example.org./a", "https://example.org/a", 0 },
	{ "ftp://example.org/a", "http://example.org/a", 0 },
	{ "ftp://example.org:21/a", "ftp://example.org/a", 0 },
	{ "ftp://example.org:80/a", "ftp://example.org/a", 0 },
	{ "example.org/a", "https://example.org/a", 0 },
	{ "Example.org/a", "example.org/a", 0 },
	{ "mailto:Ann@Example.org", "mailto:ann@example.org", 0 },
	{ "https://arxiv.org/abs/2410.13754", "https://arxiv.org/abs/2410.13755", 0 },
	{ "https://arxiv.org/abs/2410.13754", "https://mirror.example.org/abs/2410.13754", 0 },
	{ "https://arxiv.org/html/2410.13754v1", "https://arxiv.org/abs/2410.13754", 0 },
	{ "https://deeplearn.org/arxiv/2410.13754", "https://arxiv.org/abs/2410.13754", 0 },
	{ "https://arxiv.org/abs/2410.13754v2", "https://arxiv.org/abs/2410.13754v2x", 0 }
};

START_TEST(test_ident_table_of_url_pairs)
{
	const struct pair *p = &pairs[_i];

	ck_assert_msg(same(p->a, p->b) == p->same, "%s and %s: %s, want %s",
	    p->a, p->b, p->same ? "differ" : "same",
	    p->same ? "same" : "different");
	ck_assert_msg(same(p->b, p->a) == p->same, "%s and %s: not symmetric",
	    p->b, p->a);
}
END_TEST

START_TEST(test_ident_arxiv_url_is_the_paper_without_version)
{
	key_is("https://arxiv.org/pdf/2410.13754v2.pdf", "x", "arXiv:2410.13754");
	key_is("http://arxiv.org/abs/hep-th/9901001v3", "", "arXiv:hep-th/9901001");
	key_is("https://export.arxiv.org/abs/math.GT/0309136", "",
	    "arXiv:math.GT/0309136");
}
END_TEST

START_TEST(test_ident_url_key_is_the_url_normalised)
{
	key_is("http://WWW.Example.org:80/a/#top", "", "url://example.org/a");
	key_is("https://example.org", "", "url://example.org");
	key_is("ftp://Example.org/a/", "", "url:ftp://example.org/a");
	key_is("HTTPS://Example.org/Path/?Q=A#F", "", "url://example.org/Path?Q=A");
	key_is("https://Ann:Pw@Example.org:8080/", "", "url://Ann:Pw@example.org:8080");
	key_is("Mailto:Ann@Example.org#x", "", "url:mailto:Ann@Example.org");
	key_is("example.org/a/", "", "url:example.org/a/");
	key_is("#only", "", "url:");
}
END_TEST

START_TEST(test_ident_url_wins_over_title)
{
	key_is("https://example.org/a", "A Title", "url://example.org/a");
}
END_TEST

START_TEST(test_ident_title_folds_case_and_blanks)
{
	key_is("", "Deep  Learning", "title:deep learning");
	key_is("", " \tDeep\r\nLEARNING \t", "title:deep learning");
	key_is("", "\xed\x95\x9c Caf\xc3\x89", "title:\xed\x95\x9c caf\xc3\x89");
}
END_TEST

START_TEST(test_ident_no_title_no_url_is_no_identity)
{
	dg_buf b = {0};
	enum dg_ident kind;

	key("", "", &b, &kind);
	ck_assert_int_eq(kind, DG_IDENT_NONE);
	key("", " \t ", &b, &kind);
	ck_assert_int_eq(kind, DG_IDENT_NONE);
	key("", "x", &b, &kind);
	ck_assert_int_eq(kind, DG_IDENT_TITLE);
	key("https://arxiv.org/abs/2410.13754", "", &b, &kind);
	ck_assert_int_eq(kind, DG_IDENT_ARXIV);
	key("https://example.org/", "", &b, &kind);
	ck_assert_int_eq(kind, DG_IDENT_URL);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_ident_key_kinds_never_meet)
{
	/* A title that reads like a URL or an arXiv key is still a title. */
	ck_assert(!same("https://example.org/a", "url://example.org/a"));
	key_is("", "url://example.org/a", "title:url://example.org/a");
	key_is("", "arXiv:2410.13754", "title:arxiv:2410.13754");
	key_is("arXiv:2410.13754", "", "url:arxiv:2410.13754");
}
END_TEST

START_TEST(test_ident_appends_and_keeps_bytes)
{
	dg_buf b = {0};
	dg_str u = { "https://example.org/a\0b\xff", 24 }, t = { NULL, 0 };
	enum dg_ident kind;

	ck_assert_int_eq(dg_buf_add(&b, "pre", 3), DG_OK);
	ck_assert_int_eq(dg_ident(&b, u, t, &kind), DG_OK);
	ck_assert_uint_eq(b.len, 3 + 4 + 24 - 6);
	ck_assert(memcmp(b.p, "preurl://example.org/a\0b\xff", b.len) == 0);
	dg_buf_free(&b);
}
END_TEST

static Suite *
ident_suite(void)
{
	Suite *s = suite_create("ident");
	TCase *tc = tcase_create("ident");

	tcase_add_loop_test(tc, test_ident_table_of_url_pairs, 0,
	    (int)(sizeof(pairs) / sizeof(pairs[0])));
	tcase_add_test(tc, test_ident_arxiv_url_is_the_paper_without_version);
	tcase_add_test(tc, test_ident_url_key_is_the_url_normalised);
	tcase_add_test(tc, test_ident_url_wins_over_title);
	tcase_add_test(tc, test_ident_title_folds_case_and_blanks);
	tcase_add_test(tc, test_ident_no_title_no_url_is_no_identity);
	tcase_add_test(tc, test_ident_key_kinds_never_meet);
	tcase_add_test(tc, test_ident_appends_and_keeps_bytes);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(ident_suite());
}
