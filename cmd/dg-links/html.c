/* html.c - dg-links -f html (see html.h and dg-links(1)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii_int.h"
#include "hash_int.h"
#include "html.h"
#include "ident_int.h"
#include "linkfmt.h"
#include "uuid.h"
#include "xml_int.h"

/* Sources of one date, kind and category (kind and category grouped
 * as dg_fold groups them, spelled as first seen). */
struct group {
	dg_str date, kind, category;
	size_t first;	/* its first source: groups of a date in input order */
	size_t id;	/* its number before sorting */
	size_t n;	/* its sources */
	size_t at;	/* where they start in page.order */
};

struct page {
	const dg_doc *d;
	const dg_docopt *o;
	struct group *g;	/* in page order once sorted */
	size_t ng, cap;
	size_t *gof;		/* the group (id) of each source */
	size_t *order;		/* the sources, group after group */
	dg_hash *sums;		/* summaries written, per group */
	dg_buf tmp;
};

static const char style[] =
    ":root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;"
    "--link:#0550ae;--visited:#6639ba;--rule:#d1d9e0;--tag:#eef1f4}\n"
    "@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;"
    "--muted:#9198a1;--link:#4493f8;--visited:#ab7df8;--rule:#3d444d;"
    "--tag:#262c36}}\n"
    "body{margin:0 auto;max-width:46rem;padding:1rem;background:var(--bg);"
    "color:var(--fg);font:16px/1.6 system-ui,-apple-system,\"Segoe UI\","
    "\"Noto Sans CJK KR\",\"Noto Sans KR\",\"Apple SD Gothic Neo\","
    "\"Malgun Gothic\",sans-serif;overflow-wrap:anywhere;"
    "word-break:keep-all}\n"
    "h1{font-size:1.5rem;line-height:1.3;margin:.5rem 0}\n"
    "h2{font-size:1.15rem;margin:2rem 0 .5rem;padding-bottom:.2rem;"
    "border-bottom:1px solid var(--rule)}\n"
    "h3{font-size:1rem;margin:1.25rem 0 .25rem}\n"
    ".kind{font-size:.75rem;font-weight:normal;color:var(--muted);"
    "background:var(--tag);border-radius:.25rem;padding:.1rem .4rem;"
    "margin-left:.4rem;vertical-align:.1rem}\n"
    "a{color:var(--link)}a:visited{color:var(--visited)}\n"
    "ul{padding-left:1.25rem;margin:.25rem 0}li{margin:.35rem 0}\n"
    ".host,header p{color:var(--muted)}.host{font-size:.85em}\n"
    "details{margin:.25rem 0}summary{cursor:pointer;color:var(--muted)}\n"
    "details p{margin:.5rem 0}\n";

static int
lit(dg_buf *b, const char *s)
{
	return dg_buf_add(b, s, strlen(s));
}

/* s as HTML text: escaped as XML, but TAB, LF and CR as they are (a
 * character reference to CR is an HTML parse error). */
static int
text(dg_buf *b, const char *s, size_t n)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && s[j] != '\t' && s[j] != '\n' &&
		    s[j] != '\r'; j++)
			continue;
		if (dg_xml_escape(b, s + i, j - i) != DG_OK ||
		    (j < n && dg_buf_addc(b, s[j]) != DG_OK))
			return DG_ENOMEM;
		i = j + 1;
	}
	return DG_OK;
}

static int
textstr(dg_buf *b, dg_str s)
{
	return text(b, s.p, s.n);
}

/* Where a date goes: dates first, then other text, then none. */
static int
date_class(dg_str date)
{
	return dg_doc_date(date) ? 0 : date.n > 0 ? 1 : 2;
}

/* Dates newest first, then other date text in byte order, then no
 * date; within a date, in input order. */
static int
page_order(const void *va, const void *vb)
{
	const struct group *a = va, *b = vb;
	int ca = date_class(a->date), cb = date_class(b->date), c = 0;
	size_t n = a->date.n < b->date.n ? a->date.n : b->date.n;

	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (n > 0)
		c = memcmp(a->date.p, b->date.p, n);
	if (c == 0 && a->date.n != b->date.n)
		c = a->date.n < b->date.n ? -1 : 1;
	if (c != 0)
		return ca == 0 ? -c : c;
	return a->first < b->first ? -1 : a->first > b->first;
}

/* A new group, numbered p->ng, whose first source is s, the i-th. */
static int
new_group(struct page *p, const dg_src *s, size_t i)
{
	struct group *g;
	size_t cap;

	if (p->ng == p->cap) {
		cap = p->cap ? p->cap * 2 : 16;
		if (cap > SIZE_MAX / sizeof(*g) ||
		    (g = realloc(p->g, cap * sizeof(*g))) == NULL)
			return DG_ENOMEM;
		p->g = g;
		p->cap = cap;
	}
	g = &p->g[p->ng];
	g->date = s->date;
	g->kind = s->kind;
	g->category = s->category;
	g->first = i;
	g->id = p->ng++;
	g->n = 0;
	return DG_OK;
}

/* The group of each source: its date, kind and category folded, a key
 * of keys, which holds group numbers. */
static int
find_groups(struct page *p, dg_hash *keys)
{
	size_t i, n = dg_doc_count(p->d), *num;
	const dg_src *s;
	int created;

	if ((p->gof = calloc(n + 1, sizeof(size_t))) == NULL)
		return DG_ENOMEM;
	for (i = 0; i < n; i++) {
		s = dg_doc_get(p->d, i);
		p->tmp.len = 0;
		if (dg_buf_add(&p->tmp, s->date.p, s->date.n) != DG_OK ||
		    dg_buf_addc(&p->tmp, '\n') != DG_OK ||
		    dg_fold(&p->tmp, s->kind.p, s->kind.n) != DG_OK ||
		    dg_buf_addc(&p->tmp, '\n') != DG_OK ||
		    dg_fold(&p->tmp, s->category.p, s->category.n) != DG_OK ||
		    (num = dg_hash_put(keys, p->tmp.p, p->tmp.len,
		    &created)) == NULL)
			return DG_ENOMEM;
		if (created) {
			*num = p->ng;
			if (new_group(p, s, i) != DG_OK)
				return DG_ENOMEM;
		}
		p->gof[i] = *num;
		p->g[*num].n++;
	}
	return DG_OK;
}

/* Sorts the groups into page order and lays the sources out in
 * p->order, group after group, each group's in input order. */
static int
lay_out(struct page *p)
{
	size_t i, at, *next, n = dg_doc_count(p->d);

	if (p->ng > 0)
		qsort(p->g, p->ng, sizeof(*p->g), page_order);
	/* next: from a group's number to where its next source goes. */
	if ((p->order = calloc(n + 1, sizeof(size_t))) == NULL ||
	    (next = calloc(p->ng + 1, sizeof(size_t))) == NULL)
		return DG_ENOMEM;
	for (i = 0, at = 0; i < p->ng; at += p->g[i++].n)
		next[p->g[i].id] = p->g[i].at = at;
	for (i = 0; i < n; i++)
		p->order[next[p->gof[i]]++] = i;
	free(next);
	return DG_OK;
}

/* The host of a web URL as shown beside a link: no user info, port or
 * leading www. */
static dg_str
host(dg_str url)
{
	dg_str h;
	const char *end;
	size_t i, e;

	i = dg_ascii_istarts(url.p, url.n, "https://") ? 8 : 7;
	for (e = i; e < url.n && url.p[e] != '/' && url.p[e] != '?' &&
	    url.p[e] != '#'; e++)
		if (url.p[e] == '@')
			i = e + 1;
	h.p = url.p + i;
	h.n = e - i;
	/* The port goes; an IPv6 host [::1] keeps its colons. */
	if (h.n > 0 && h.p[0] == '[' && (end = memchr(h.p, ']', h.n)) != NULL)
		h.n = (size_t)(end - h.p) + 1;
	else if ((end = memchr(h.p, ':', h.n)) != NULL)
		h.n = (size_t)(end - h.p);
	if (h.n > 4 && dg_ascii_istarts(h.p, h.n, "www.")) {
		h.p += 4;
		h.n -= 4;
	}
	return h;
}

/* <li>: a link for a web URL (http, https); any other URL (javascript:,
 * file:) is shown as text, never followed. */
static int
item(dg_buf *b, const dg_src *s, const dg_docopt *o)
{
	dg_str title = s->title, url = s->url, side;
	int web = o->arxiv || dg_ascii_istarts(url.p, url.n, "http://") ||
	    dg_ascii_istarts(url.p, url.n, "https://");

	if (title.n == 0)
		title = o->arxiv ? s->arxiv : url;
	side = o->arxiv ? s->arxiv : web ? host(url) : url;
	if (lit(b, "<li>") != DG_OK)
		return DG_ENOMEM;
	if (web && (lit(b, "<a href=\"") != DG_OK ||
	    (o->arxiv && lit(b, "https://arxiv.org/abs/") != DG_OK) ||
	    dg_href(b, o->arxiv ? s->arxiv.p : url.p,
	    o->arxiv ? s->arxiv.n : url.n) != DG_OK ||
	    lit(b, "\">") != DG_OK))
		return DG_ENOMEM;
	if (textstr(b, title) != DG_OK ||
	    (web && lit(b, "</a>") != DG_OK) ||
	    lit(b, " <span class=\"host\">") != DG_OK ||
	    textstr(b, side) != DG_OK || lit(b, "</span></li>\n") != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

static int
blankline(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static size_t
line_end(dg_str s, size_t i)
{
	while (i < s.n && s.p[i] != '\n')
		i++;
	return i;
}

/* Does the line s[0..n) start a list item or a heading ("- ", "* ",
 * "+ ", "1. ", "#")?  Such a line starts on a line of its own. */
static int
blockstart(const char *s, size_t n)
{
	size_t i = 0, d;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '#')
		return 1;
	if (i + 1 < n && (s[i] == '-' || s[i] == '*' || s[i] == '+') &&
	    s[i + 1] == ' ')
		return 1;
	for (d = i; d < n && s[d] >= '0' && s[d] <= '9'; d++)
		continue;
	return d > i && d + 1 < n && (s[d] == '.' || s[d] == ')') &&
	    s[d + 1] == ' ';
}

/* The summary's paragraphs (runs of lines between blank lines), each a
 * <p>; within one, a list item or heading starts a new line (<br>), and
 * other lines flow on, as markdown has them. */
static int
paragraphs(dg_buf *b, dg_str s)
{
	size_t i = 0, e;
	int open = 0;

	for (; i < s.n; i = e + 1) {
		e = line_end(s, i);
		if (blankline(s.p + i, e - i)) {
			if (open && lit(b, "</p>\n") != DG_OK)
				return DG_ENOMEM;
			open = 0;
			continue;
		}
		if (lit(b, !open ? "<p>" : blockstart(s.p + i, e - i) ?
		    "<br>\n" : "\n") != DG_OK ||
		    text(b, s.p + i, e - i) != DG_OK)
			return DG_ENOMEM;
		open = 1;
	}
	return open ? lit(b, "</p>\n") : DG_OK;
}

/* The group's summaries, each once: a group joins sections when two
 * digests of a day share a category. */
static int
summaries(struct page *p, dg_buf *b, const struct group *g)
{
	unsigned char key[sizeof(size_t) + 20];
	const dg_src *s;
	const char *last = NULL;
	size_t k;
	int created, any = 0;

	memcpy(key, &g->id, sizeof(size_t));
	for (k = 0; k < g->n; k++) {
		s = dg_doc_get(p->d, p->order[g->at + k]);
		/* The records of a section share their summary's bytes. */
		if (s->summary.n == 0 || s->summary.p == last)
			continue;
		last = s->summary.p;
		dg_sha1(s->summary.p, s->summary.n, "", 0, key + sizeof(size_t));
		if (dg_hash_put(p->sums, (const char *)key, sizeof(key),
		    &created) == NULL)
			return DG_ENOMEM;
		if (!created)
			continue;
		if (!any && lit(b, "<details>\n<summary>요약</summary>\n") !=
		    DG_OK)
			return DG_ENOMEM;
		any = 1;
		if (paragraphs(b, s->summary) != DG_OK)
			return DG_ENOMEM;
	}
	return any ? lit(b, "</details>\n") : DG_OK;
}

static int
group(struct page *p, dg_buf *b, const struct group *g)
{
	size_t k;

	if (lit(b, "<section>\n<h3>") != DG_OK ||
	    (g->category.n == 0 ? lit(b, "No category") :
	    textstr(b, g->category)) != DG_OK)
		return DG_ENOMEM;
	if (g->kind.n > 0 && (lit(b, " <span class=\"kind\">") != DG_OK ||
	    textstr(b, g->kind) != DG_OK || lit(b, "</span>") != DG_OK))
		return DG_ENOMEM;
	if (lit(b, "</h3>\n") != DG_OK || summaries(p, b, g) != DG_OK ||
	    lit(b, "<ul>\n") != DG_OK)
		return DG_ENOMEM;
	for (k = 0; k < g->n; k++)
		if (item(b, dg_doc_get(p->d, p->order[g->at + k]), p->o) !=
		    DG_OK)
			return DG_ENOMEM;
	return lit(b, "</ul>\n</section>\n");
}

/* <h2> of a date: an anchor and a <time> when it is a date. */
static int
day(dg_buf *b, dg_str date)
{
	int ok = dg_doc_date(date);

	if (lit(b, "<section>\n<h2") != DG_OK)
		return DG_ENOMEM;
	if (ok && (lit(b, " id=\"") != DG_OK ||
	    dg_buf_add(b, date.p, date.n) != DG_OK ||
	    lit(b, "\"><time datetime=\"") != DG_OK ||
	    dg_buf_add(b, date.p, date.n) != DG_OK ||
	    lit(b, "\">") != DG_OK))
		return DG_ENOMEM;
	if (!ok && dg_buf_addc(b, '>') != DG_OK)
		return DG_ENOMEM;
	if (date.n == 0 ? lit(b, "No date") != DG_OK :
	    textstr(b, date) != DG_OK)
		return DG_ENOMEM;
	return lit(b, ok ? "</time></h2>\n" : "</h2>\n");
}

/* "N sources, FIRST to LAST" (the dates that are dates). */
static int
tally(dg_buf *b, const dg_doc *d)
{
	dg_str first = { "", 0 }, last = { "", 0 }, date;
	size_t i, n = dg_doc_count(d);
	char count[48];
	int len;

	for (i = 0; i < n; i++) {
		date = dg_doc_get(d, i)->date;
		if (!dg_doc_date(date))
			continue;
		if (first.n == 0 || memcmp(date.p, first.p, 10) < 0)
			first = date;
		if (last.n == 0 || memcmp(date.p, last.p, 10) > 0)
			last = date;
	}
	len = snprintf(count, sizeof(count), "%zu source%s", n,
	    n == 1 ? "" : "s");
	if (dg_buf_add(b, count, (size_t)len) != DG_OK)
		return DG_ENOMEM;
	if (first.n == 0)
		return DG_OK;
	if (lit(b, ", ") != DG_OK || dg_buf_add(b, first.p, 10) != DG_OK)
		return DG_ENOMEM;
	if (memcmp(first.p, last.p, 10) == 0)
		return DG_OK;
	if (lit(b, " to ") != DG_OK || dg_buf_add(b, last.p, 10) != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

static int
head(struct page *p, dg_buf *b)
{
	p->tmp.len = 0;
	if (dg_doc_title(p->d, p->o, &p->tmp) != DG_OK ||
	    lit(b, "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"dg-links " DG_VERSION "\">\n"
	    "<title>") != DG_OK ||
	    text(b, p->tmp.p, p->tmp.len) != DG_OK ||
	    lit(b, "</title>\n<style>\n") != DG_OK ||
	    lit(b, style) != DG_OK ||
	    lit(b, "</style>\n</head>\n<body>\n<header>\n<h1>") != DG_OK ||
	    text(b, p->tmp.p, p->tmp.len) != DG_OK ||
	    lit(b, "</h1>\n<p>") != DG_OK || tally(b, p->d) != DG_OK ||
	    lit(b, "</p>\n</header>\n<main>\n") != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

static int
same(dg_str a, dg_str b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

static int
body(struct page *p, dg_buf *b, dg_flush_fn *flush)
{
	size_t i;

	for (i = 0; i < p->ng; i++) {
		if (i == 0 || !same(p->g[i].date, p->g[i - 1].date)) {
			if ((i > 0 && lit(b, "</section>\n") != DG_OK) ||
			    day(b, p->g[i].date) != DG_OK)
				return DG_ENOMEM;
		}
		if (group(p, b, &p->g[i]) != DG_OK)
			return DG_ENOMEM;
		if (flush != NULL)
			flush(b);
	}
	return lit(b, p->ng > 0 ? "</section>\n" : "<p>No sources.</p>\n");
}

int
dg_html_write(dg_buf *b, const dg_doc *d, const dg_docopt *o,
    dg_flush_fn *flush)
{
	struct page p;
	dg_hash *keys;
	int st = DG_ENOMEM;

	memset(&p, 0, sizeof(p));
	p.d = d;
	p.o = o;
	if ((keys = dg_hash_new(sizeof(size_t))) != NULL &&
	    (p.sums = dg_hash_new(0)) != NULL &&
	    find_groups(&p, keys) == DG_OK && lay_out(&p) == DG_OK &&
	    head(&p, b) == DG_OK && body(&p, b, flush) == DG_OK)
		st = lit(b, "</main>\n</body>\n</html>\n");
	dg_hash_free(keys);
	dg_hash_free(p.sums);
	free(p.g);
	free(p.gof);
	free(p.order);
	dg_buf_free(&p.tmp);
	return st;
}
