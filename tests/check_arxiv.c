/* Unit tests of arXiv identifiers: SPEC.md §4 dg-links -a and -u,
 * lib/arxiv_int.h. */
#include <string.h>

#include "check_util.h"
#include "arxiv_int.h"

/* The identifier found in url, or "" when there is none. */
static void
id_is(const char *url, const char *want)
{
	dg_str id = { NULL, 0 };

	if (!dg_arxiv_id(url, strlen(url), &id)) {
		ck_assert_msg(*want == '\0', "%s: no id, want %s", url, want);
		return;
	}
	ck_assert_msg(id.p >= url && id.p + id.n <= url + strlen(url),
	    "%s: id not inside the URL", url);
	dg_check_str(id, want, url);
}

static void
key_is(const char *id, const char *want)
{
	dg_str s = { id, strlen(id) };

	dg_check_str(dg_arxiv_key(s), want, id);
}

START_TEST(test_arxiv_new_style_from_abs)
{
	id_is("http://arxiv.org/abs/2410.13754v1", "2410.13754v1");
	id_is("https://arxiv.org/abs/2410.13754", "2410.13754");
	id_is("https://arxiv.org/abs/0704.0001", "0704.0001");
	id_is("https://arxiv.org/abs/1501.00001v12", "1501.00001v12");
}
END_TEST

START_TEST(test_arxiv_new_style_from_pdf_drops_dot_pdf)
{
	id_is("https://arxiv.org/pdf/2410.13754v2", "2410.13754v2");
	id_is("https://arxiv.org/pdf/2410.13754v2.pdf", "2410.13754v2");
	id_is("https://arxiv.org/pdf/2410.13754.pdf", "2410.13754");
}
END_TEST

START_TEST(test_arxiv_old_style)
{
	id_is("http://arxiv.org/abs/hep-th/9901001", "hep-th/9901001");
	id_is("http://arxiv.org/abs/hep-th/9901001v3", "hep-th/9901001v3");
	id_is("https://arxiv.org/abs/math.GT/0309136", "math.GT/0309136");
	id_is("https://arxiv.org/pdf/cond-mat.str-el/0101001v1.pdf",
	    "cond-mat.str-el/0101001v1");
	id_is("https://arxiv.org/abs/cs/0112017", "cs/0112017");
}
END_TEST

START_TEST(test_arxiv_hosts_schemes_query_fragment)
{
	id_is("https://www.arxiv.org/abs/2410.13754v1", "2410.13754v1");
	id_is("http://export.arxiv.org/abs/2410.13754v1", "2410.13754v1");
	id_is("HTTPS://ArXiv.Org/abs/2410.13754v1", "2410.13754v1");
	id_is("https://arxiv.org:443/abs/2410.13754v1", "2410.13754v1");
	id_is("https://arxiv.org/abs/2410.13754v1?context=cs", "2410.13754v1");
	id_is("https://arxiv.org/abs/2410.13754v1#S2", "2410.13754v1");
	id_is("https://arxiv.org/pdf/2410.13754v1.pdf?x=1", "2410.13754v1");
	id_is("https://arxiv.org/abs/2410.13754v1/", "2410.13754v1");
}
END_TEST

START_TEST(test_arxiv_rejects_other_hosts_and_paths)
{
	id_is("https://deeplearn.org/arxiv/535506/a-unified-theory", "");
	id_is("https://evil.org/abs/2410.13754v1", "");
	id_is("https://notarxiv.org/abs/2410.13754v1", "");
	id_is("https://arxiv.org.evil.com/abs/2410.13754v1", "");
	id_is("https://arxiv.org@evil.com/abs/2410.13754v1", "");
	id_is("ftp://arxiv.org/abs/2410.13754v1", "");
	id_is("arxiv.org/abs/2410.13754v1", "");
	id_is("https://arxiv.org/html/2410.13754v1", "");
	id_is("https://arxiv.org/list/cs.AI/recent", "");
	id_is("https://arxiv.org/abs/", "");
	id_is("", "");
}
END_TEST

START_TEST(test_arxiv_rejects_malformed_ids)
{
	id_is("https://arxiv.org/abs/241.13754", "");
	id_is("https://arxiv.org/abs/2410.137", "");
	id_is("https://arxiv.org/abs/2410.137545", "");
	id_is("https://arxiv.org/abs/2410.13754x", "");
	id_is("https://arxiv.org/abs/2410.13754v", "");
	id_is("https://arxiv.org/abs/hep-th/990100", "");
	id_is("https://arxiv.org/abs/hep-th/99010011", "");
	id_is("https://arxiv.org/abs/Hep-th/9901001", "");
	id_is("https://arxiv.org/abs/2410.13754v1/extra", "");
}
END_TEST

START_TEST(test_arxiv_key_drops_version)
{
	key_is("2410.13754v1", "2410.13754");
	key_is("2410.13754v12", "2410.13754");
	key_is("2410.13754", "2410.13754");
	key_is("hep-th/9901001v2", "hep-th/9901001");
	key_is("math.GT/0309136", "math.GT/0309136");
	key_is("v1", "v1");
	key_is("", "");
}
END_TEST

static Suite *
arxiv_suite(void)
{
	Suite *s = suite_create("arxiv");
	TCase *tc = tcase_create("arxiv");

	tcase_add_test(tc, test_arxiv_new_style_from_abs);
	tcase_add_test(tc, test_arxiv_new_style_from_pdf_drops_dot_pdf);
	tcase_add_test(tc, test_arxiv_old_style);
	tcase_add_test(tc, test_arxiv_hosts_schemes_query_fragment);
	tcase_add_test(tc, test_arxiv_rejects_other_hosts_and_paths);
	tcase_add_test(tc, test_arxiv_rejects_malformed_ids);
	tcase_add_test(tc, test_arxiv_key_drops_version);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(arxiv_suite());
}
