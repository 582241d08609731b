/* Unit tests of dg-links -f atom: dg-links(1) ATOM, SPEC.md §5,
 * cmd/dg-links/atom.h. */
#include <string.h>

#include "check_util.h"
#include "../cmd/dg-links/atom.h"
#include "../cmd/dg-links/uuid.h"

static dg_str
str(const char *s)
{
	dg_str r = { s, strlen(s) };

	return r;
}

static void
add(dg_doc *d, const char *date, const char *section, const char *title,
    const char *url, const char *key)
{
	dg_src s;

	memset(&s, 0, sizeof(s));
	s.date = str(date);
	s.kind = str("Papers");
	s.category = str("LLM");
	s.title = str(title);
	s.url = str(url);
	s.section = str(section);
	s.key = str(key);
	ck_assert_int_eq(dg_doc_add(d, &s), DG_OK);
}

/* The feed of d under o, NUL-terminated. */
static char *
feed(const dg_doc *d, const dg_docopt *o, dg_buf *b)
{
	b->len = 0;
	ck_assert_int_eq(dg_atom_write(b, d, o, NULL), DG_OK);
	ck_assert_int_eq(dg_buf_addc(b, '\0'), DG_OK);
	return b->p;
}

/* "<id>urn:uuid:...</id>" of name. */
static const char *
id_of(const char *name, char *out)
{
	char u[DG_UUID_LEN];

	dg_uuid5(dg_uuid_ns, name, strlen(name), u);
	strcpy(out, "<id>urn:uuid:");
	memcpy(out + 13, u, DG_UUID_LEN);
	strcpy(out + 13 + DG_UUID_LEN, "</id>");
	return out;
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay++;
	}
	return n;
}

START_TEST(test_atom_entry_id_is_the_identity_under_u)
{
	dg_doc *d = dg_doc_new();
	dg_docopt o;
	dg_buf b = {0};
	char id[64];

	memset(&o, 0, sizeof(o));
	o.unique = 1;
	add(d, "2024-10-19", "1", "A", "https://arxiv.org/abs/2410.13754v2",
	    "arXiv:2410.13754");
	ck_assert(strstr(feed(d, &o, &b), id_of("arXiv:2410.13754", id)));
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

START_TEST(test_atom_repeats_have_ids_of_their_own)
{
	dg_doc *d = dg_doc_new();
	dg_docopt o;
	dg_buf b = {0};
	char id[64];
	const char *f;

	memset(&o, 0, sizeof(o));
	add(d, "2024-10-19", "1", "A", "http://example.org/a", "url://example.org/a");
	add(d, "2024-10-19", "1", "A", "https://example.org/a", "url://example.org/a");
	add(d, "2024-10-20", "1", "A", "http://example.org/a", "url://example.org/a");
	f = feed(d, &o, &b);
	/* Identity, date, kind, section; a number from the second on. */
	ck_assert(strstr(f, id_of("url://example.org/a\n2024-10-19\nPapers\n1", id)));
	ck_assert(strstr(f, id_of("url://example.org/a\n2024-10-19\nPapers\n1\n2", id)));
	ck_assert(strstr(f, id_of("url://example.org/a\n2024-10-20\nPapers\n1", id)));
	ck_assert_int_eq(count(f, "<entry>"), 3);
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

START_TEST(test_atom_updated_is_the_latest_date_or_1970)
{
	dg_doc *d = dg_doc_new();
	dg_docopt o;
	dg_buf b = {0};
	const char *f;

	memset(&o, 0, sizeof(o));
	f = feed(d, &o, &b);
	ck_assert(strstr(f, "  <updated>1970-01-01T00:00:00Z</updated>\n"));
	ck_assert_int_eq(count(f, "<entry>"), 0);
	add(d, "2024-10-19", "1", "A", "https://example.org/a", "url:a");
	add(d, "2024-11-02", "1", "B", "https://example.org/b", "url:b");
	add(d, "", "1", "C", "https://example.org/c", "url:c");
	add(d, "2024-02-30", "1", "D", "https://example.org/d", "url:d");
	f = feed(d, &o, &b);
	ck_assert(strstr(f, "  <updated>2024-11-02T00:00:00Z</updated>\n"));
	ck_assert(strstr(f, "    <published>2024-10-19T00:00:00Z</published>\n"
	    "    <updated>2024-10-19T00:00:00Z</updated>\n"));
	/* No date (or no real one): no published, updated 1970. */
	ck_assert_int_eq(count(f, "<published>"), 2);
	ck_assert_int_eq(count(f, "    <updated>1970-01-01T00:00:00Z"), 2);
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

START_TEST(test_atom_self_link_only_when_given)
{
	dg_doc *d = dg_doc_new();
	dg_docopt o;
	dg_buf b = {0};
	char id[64];
	const char *f;

	memset(&o, 0, sizeof(o));
	add(d, "2024-10-19", "1", "A", "https://example.org/a", "url:a");
	f = feed(d, &o, &b);
	ck_assert(strstr(f, "rel=\"self\"") == NULL);
	/* The feed id names the options and the title... */
	ck_assert(strstr(f, id_of("feed\n\nPapers: LLM", id)));
	/* ...or the self link. */
	o.self = "https://example.org/f?a&b";
	o.unique = o.arxiv = 1;
	f = feed(d, &o, &b);
	ck_assert(strstr(f, "  <link rel=\"self\" "
	    "href=\"https://example.org/f?a&amp;b\"/>\n"));
	ck_assert(strstr(f, id_of("feed\nua\nhttps://example.org/f?a&b", id)));
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

START_TEST(test_atom_entry_title_link_categories_summary)
{
	dg_doc *d = dg_doc_new();
	dg_docopt o;
	dg_buf b = {0};
	dg_src s;
	const char *f;

	memset(&o, 0, sizeof(o));
	memset(&s, 0, sizeof(s));
	s.date = str("2024-10-19");
	s.kind = str("News & Views");
	s.category = str("<LLM>");
	s.url = str("https://example.org/a b");
	s.summary = str("<script>\n\x01");
	s.key = str("url://example.org/a b");
	ck_assert_int_eq(dg_doc_add(d, &s), DG_OK);
	f = feed(d, &o, &b);
	/* An empty title is the URL. */
	ck_assert(strstr(f, "<title>https://example.org/a b</title>\n"
	    "    <link href=\"https://example.org/a%20b\"/>\n"));
	ck_assert(strstr(f, "<category term=\"News &amp; Views\"/>\n"
	    "    <category term=\"&lt;LLM&gt;\"/>\n"
	    "    <summary type=\"text\">&lt;script&gt;&#10;\xef\xbf\xbd"
	    "</summary>\n"));
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

static int flushes;

static void
count_flush(dg_buf *b)
{
	flushes++;
	b->len = 0;
}

START_TEST(test_atom_flushes_between_entries)
{
	dg_doc *d = dg_doc_new();
	dg_docopt o;
	dg_buf b = {0};

	memset(&o, 0, sizeof(o));
	add(d, "2024-10-19", "1", "A", "https://example.org/a", "url:a");
	add(d, "2024-10-19", "1", "B", "https://example.org/b", "url:b");
	flushes = 0;
	ck_assert_int_eq(dg_atom_write(&b, d, &o, count_flush), DG_OK);
	ck_assert_int_eq(flushes, 2);
	/* The last entry and the end are left to the caller. */
	ck_assert(strncmp(b.p, "  <entry>", 9) == 0);
	ck_assert(memcmp(b.p + b.len - 8, "</feed>\n", 8) == 0);
	dg_buf_free(&b);
	dg_doc_free(d);
}
END_TEST

static Suite *
atom_suite(void)
{
	Suite *s = suite_create("atom");
	TCase *tc = tcase_create("atom");

	tcase_add_test(tc, test_atom_entry_id_is_the_identity_under_u);
	tcase_add_test(tc, test_atom_repeats_have_ids_of_their_own);
	tcase_add_test(tc, test_atom_updated_is_the_latest_date_or_1970);
	tcase_add_test(tc, test_atom_self_link_only_when_given);
	tcase_add_test(tc, test_atom_entry_title_link_categories_summary);
	tcase_add_test(tc, test_atom_flushes_between_entries);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(atom_suite());
}
