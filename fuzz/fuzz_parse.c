/*
 * fuzz_parse.c - the digest parser (dg_parse_mem) and the TSV line of
 * each record (dg_tsv_format).  Properties: every line has nine fields
 * (8 TABs), one final LF and no raw CR or NUL; each field unescapes back
 * to the record's bytes; records obey the parser's rules (trimmed title,
 * folded category, date shape, section numbers 1, 2, 3...); -S gives
 * the same records without summaries; feeding the lines one by one
 * gives the same records as dg_parse_mem; a section's records differ in
 * title and URL alone, so that dg-parse may write each from the fields
 * the first one shares (dg_tsv_format_shared).
 *
 * Input: the digest's bytes; when the first byte is NUL, the bytes up
 * to the next NUL are the file name (for the date from the name).
 */
#include <string.h>
#include <strings.h>

#include "fuzz.h"
#include "format_int.h"

struct parse_run {
	dg_buf out;		/* the TSV lines, summaries included */
	dg_buf bare;		/* the same lines with empty summaries */
	dg_buf line;		/* scratch */
	dg_buf esc;		/* scratch */
	dg_buf raw;		/* scratch */
	uint64_t section;	/* the last section seen */
	dg_tsv_shared sh;	/* the fields of that section's first record */
	uint64_t sh_section;	/* which section sh is of; 0 for none */
};

static int
parse_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static int
parse_trimmed(dg_str s)
{
	return s.n == 0 || (!parse_blank(s.p, 1) && !parse_blank(s.p + s.n - 1, 1));
}

static int
parse_has(dg_str s, char c)
{
	return s.n > 0 && memchr(s.p, c, s.n) != NULL;
}

static int
parse_date_ok(dg_str d)
{
	size_t i;

	if (d.n == 0)
		return 1;
	if (d.n != 10 || d.p[4] != '-' || d.p[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d.p[i] < '0' || d.p[i] > '9'))
			return 0;
	return 1;
}

/* Field f of a TSV line, unescaped, must be the bytes want. */
static void
parse_field_is(struct parse_run *r, const dg_str *f, dg_str want)
{
	size_t bad;

	r->raw.len = 0;
	FUZZ_OK(dg_tsv_unescape(&r->raw, f->p, f->n, &bad));
	FUZZ_CHECK(r->raw.len == want.n);
	FUZZ_CHECK(want.n == 0 || memcmp(r->raw.p, want.p, want.n) == 0);
}

static void
parse_check_line(struct parse_run *r, const dg_record *rec, int summary)
{
	dg_str f[DG_NFIELDS + 1], sec;
	char num[24];
	const char *s = r->line.p;
	size_t n = r->line.len, i, tabs = 0;

	FUZZ_CHECK(n > 0 && s[n - 1] == '\n');
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(s[i] != '\r' && s[i] != '\0');
		FUZZ_CHECK(s[i] != '\n' || i == n - 1);
		tabs += s[i] == '\t';
	}
	FUZZ_CHECK(tabs == DG_NFIELDS - 1);
	FUZZ_CHECK(dg_tsv_split(s, n - 1, f, DG_NFIELDS + 1) == DG_NFIELDS);
	parse_field_is(r, &f[DG_F_DATE], rec->date);
	parse_field_is(r, &f[DG_F_KIND], rec->kind);
	parse_field_is(r, &f[DG_F_CATEGORY], rec->category);
	parse_field_is(r, &f[DG_F_TITLE], rec->title);
	parse_field_is(r, &f[DG_F_URL], rec->url);
	parse_field_is(r, &f[DG_F_FILE], rec->file);
	parse_field_is(r, &f[DG_F_EMOJI], rec->emoji);
	sec.p = num;
	sec.n = (size_t)snprintf(num, sizeof(num), "%llu",
	    (unsigned long long)rec->section);
	parse_field_is(r, &f[DG_F_SECTION], sec);
	if (summary)
		parse_field_is(r, &f[DG_F_SUMMARY], rec->summary);
	else
		FUZZ_CHECK(f[DG_F_SUMMARY].n == 0);
}

static void
parse_check_record(struct parse_run *r, const dg_record *rec)
{
	const char *nl;
	size_t i;

	FUZZ_CHECK(rec->section == r->section ||
	    rec->section == r->section + 1);
	r->section = rec->section;
	FUZZ_CHECK(parse_date_ok(rec->date));
	FUZZ_CHECK(parse_trimmed(rec->title) && parse_trimmed(rec->category) &&
	    parse_trimmed(rec->kind));
	FUZZ_CHECK(!parse_has(rec->category, '\t'));
	for (i = 1; i < rec->category.n; i++)
		FUZZ_CHECK(rec->category.p[i] != ' ' ||
		    rec->category.p[i - 1] != ' ');
	FUZZ_CHECK(!parse_has(rec->title, '\n') && !parse_has(rec->url, '\n') &&
	    !parse_has(rec->category, '\n') && !parse_has(rec->kind, '\n') &&
	    !parse_has(rec->emoji, '\n'));
	FUZZ_CHECK(rec->url.n == 0 ||
	    (rec->url.n >= 7 && (strncasecmp(rec->url.p, "http://", 7) == 0 ||
	    strncasecmp(rec->url.p, "https://", 8) == 0)));
	/* A summary has no leading or trailing blank line. */
	if (rec->summary.n > 0) {
		nl = memchr(rec->summary.p, '\n', rec->summary.n);
		FUZZ_CHECK(!parse_blank(rec->summary.p, nl != NULL ?
		    (size_t)(nl - rec->summary.p) : rec->summary.n));
		nl = rec->summary.p + rec->summary.n;
		while (nl > rec->summary.p && nl[-1] != '\n')
			nl--;
		FUZZ_CHECK(!parse_blank(nl,
		    (size_t)(rec->summary.p + rec->summary.n - nl)));
	}
}

static int
parse_on_record(const dg_record *rec, void *arg)
{
	struct parse_run *r = arg;
	dg_record bare = *rec;
	dg_str esc;

	parse_check_record(r, rec);
	r->line.len = 0;
	FUZZ_OK(dg_tsv_format(&r->line, rec, NULL));
	parse_check_line(r, rec, 1);
	/* An escaped summary handed in gives the same line. */
	r->esc.len = 0;
	FUZZ_OK(dg_tsv_escape(&r->esc, rec->summary.p, rec->summary.n));
	esc.p = r->esc.p;
	esc.n = r->esc.len;
	FUZZ_OK(dg_buf_add(&r->out, r->line.p, r->line.len));
	r->line.len = 0;
	FUZZ_OK(dg_tsv_format(&r->line, rec, &esc));
	FUZZ_CHECK(r->out.len >= r->line.len && memcmp(r->line.p,
	    r->out.p + r->out.len - r->line.len, r->line.len) == 0);
	if (rec->section != r->sh_section) {
		FUZZ_OK(dg_tsv_share(&r->sh, rec, NULL));
		r->sh_section = rec->section;
	}
	r->line.len = 0;
	FUZZ_OK(dg_tsv_format_shared(&r->line, &r->sh, rec));
	FUZZ_CHECK(r->out.len >= r->line.len && memcmp(r->line.p,
	    r->out.p + r->out.len - r->line.len, r->line.len) == 0);
	bare.summary.p = NULL;
	bare.summary.n = 0;
	r->line.len = 0;
	FUZZ_OK(dg_tsv_format(&r->line, &bare, NULL));
	parse_check_line(r, &bare, 0);
	FUZZ_OK(dg_buf_add(&r->bare, r->line.p, r->line.len));
	return 0;
}

/* With -S the parser must give each record with an empty summary. */
static int
parse_on_bare(const dg_record *rec, void *arg)
{
	struct parse_run *r = arg;

	FUZZ_CHECK(rec->summary.n == 0);
	parse_check_record(r, rec);
	FUZZ_OK(dg_tsv_format(&r->out, rec, NULL));
	return 0;
}

static void
parse_free(struct parse_run *r)
{
	dg_buf_free(&r->out);
	dg_buf_free(&r->bare);
	dg_buf_free(&r->line);
	dg_buf_free(&r->esc);
	dg_buf_free(&r->raw);
	dg_tsv_shared_free(&r->sh);
}

/* Feeds the lines as the SPEC defines them, without dg_reader. */
static void
parse_by_lines(dg_parser *p, const char *name, size_t namelen,
    const char *s, size_t n)
{
	const char *nl;
	size_t len;

	FUZZ_OK(dg_parser_begin(p, name, namelen));
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		n -= 3;
	}
	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl != NULL ? (size_t)(nl - s) : n;
		/* Only a CR before an LF is dropped: at the end it is data. */
		FUZZ_OK(dg_parser_line(p, s, nl != NULL && len > 0 &&
		    s[len - 1] == '\r' ? len - 1 : len));
		if (nl == NULL)
			break;
		n -= len + 1;
		s = nl + 1;
	}
	FUZZ_OK(dg_parser_end(p));
}

int
fuzz_parse(const uint8_t *data, size_t size)
{
	static const char dflt[] = "fuzz.md";
	struct parse_run one, two, three;
	const char *s = (const char *)data, *name = dflt, *z;
	size_t namelen = sizeof(dflt) - 1;
	dg_parser *p;

	if (size > 0 && s[0] == '\0') {
		z = memchr(s + 1, '\0', size - 1);
		name = s + 1;
		namelen = z != NULL ? (size_t)(z - name) : size - 1;
		size -= 1 + namelen + (z != NULL);
		s = z != NULL ? z + 1 : s + 1 + namelen;
	}
	memset(&one, 0, sizeof(one));
	memset(&two, 0, sizeof(two));
	memset(&three, 0, sizeof(three));

	FUZZ_CHECK((p = dg_parser_new(0, parse_on_record, NULL, &one)) != NULL);
	FUZZ_OK(dg_parse_mem(p, name, namelen, s, size));
	FUZZ_CHECK(dg_parser_sections(p) == one.section);
	dg_parser_free(p);

	FUZZ_CHECK((p = dg_parser_new(DG_PARSE_NO_SUMMARY, parse_on_bare, NULL,
	    &two)) != NULL);
	FUZZ_OK(dg_parse_mem(p, name, namelen, s, size));
	FUZZ_CHECK(two.out.len == one.bare.len && (two.out.len == 0 ||
	    memcmp(two.out.p, one.bare.p, two.out.len) == 0));
	dg_parser_free(p);

	FUZZ_CHECK((p = dg_parser_new(0, parse_on_record, NULL, &three)) !=
	    NULL);
	parse_by_lines(p, name, namelen, s, size);
	FUZZ_CHECK(three.out.len == one.out.len && (one.out.len == 0 ||
	    memcmp(three.out.p, one.out.p, one.out.len) == 0));
	dg_parser_free(p);

	parse_free(&one);
	parse_free(&two);
	parse_free(&three);
	return 0;
}
