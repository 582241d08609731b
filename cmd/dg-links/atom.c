/* atom.c - dg-links -f atom (see atom.h and dg-links(1)). */
#include <stdio.h>
#include <string.h>

#include "atom.h"
#include "hash_int.h"
#include "linkfmt.h"
#include "uuid.h"
#include "xml_int.h"

/* The time of a feed or entry without a date: the first Atom can say,
 * so that the output depends on the input alone. */
#define NO_DATE "1970-01-01"

static int
lit(dg_buf *b, const char *s)
{
	return dg_buf_add(b, s, strlen(s));
}

static int
text(dg_buf *b, dg_str s)
{
	return dg_xml_escape(b, s.p, s.n);
}

/* INDENT<id>urn:uuid:UUID</id>, the UUID named by name[0..n). */
static int
id_elem(dg_buf *b, const char *indent, const char *name, size_t n)
{
	char id[DG_UUID_LEN];

	dg_uuid5(dg_uuid_ns, name, n, id);
	if (lit(b, indent) != DG_OK || lit(b, "<id>urn:uuid:") != DG_OK ||
	    dg_buf_add(b, id, sizeof(id)) != DG_OK ||
	    lit(b, "</id>\n") != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

/* INDENT<ELEM>DATET00:00:00Z</ELEM> */
static int
time_elem(dg_buf *b, const char *indent, const char *elem, const char *date,
    size_t n)
{
	if (lit(b, indent) != DG_OK || dg_buf_addc(b, '<') != DG_OK ||
	    lit(b, elem) != DG_OK || dg_buf_addc(b, '>') != DG_OK ||
	    dg_buf_add(b, date, n) != DG_OK ||
	    lit(b, "T00:00:00Z</") != DG_OK || lit(b, elem) != DG_OK ||
	    lit(b, ">\n") != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

/* The feed's own elements; tmp is scratch. */
static int
head(dg_buf *b, const dg_doc *d, const dg_docopt *o, dg_buf *tmp)
{
	dg_str latest = dg_doc_latest(d);

	if (latest.n == 0) {
		latest.p = NO_DATE;
		latest.n = strlen(NO_DATE);
	}
	if (lit(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ko\">\n")
	    != DG_OK)
		return DG_ENOMEM;
	/* The id is named by the options and the self link or the title:
	 * "feed", LF, u and a as given, LF, then that. */
	tmp->len = 0;
	if (lit(tmp, "feed\n") != DG_OK ||
	    lit(tmp, o->unique ? "u" : "") != DG_OK ||
	    lit(tmp, o->arxiv ? "a\n" : "\n") != DG_OK ||
	    (o->self != NULL ? lit(tmp, o->self) : dg_doc_title(d, o, tmp))
	    != DG_OK ||
	    id_elem(b, "  ", tmp->p, tmp->len) != DG_OK)
		return DG_ENOMEM;
	tmp->len = 0;
	if (dg_doc_title(d, o, tmp) != DG_OK ||
	    lit(b, "  <title>") != DG_OK ||
	    dg_xml_escape(b, tmp->p, tmp->len) != DG_OK ||
	    lit(b, "</title>\n") != DG_OK ||
	    time_elem(b, "  ", "updated", latest.p, latest.n) != DG_OK ||
	    lit(b, "  <author><name>dg</name></author>\n"
	    "  <generator version=\"" DG_VERSION "\">dg</generator>\n")
	    != DG_OK)
		return DG_ENOMEM;
	if (o->self != NULL && (lit(b, "  <link rel=\"self\" href=\"") != DG_OK ||
	    dg_href(b, o->self, strlen(o->self)) != DG_OK ||
	    lit(b, "\"/>\n") != DG_OK))
		return DG_ENOMEM;
	return DG_OK;
}

/*
 * The name of an entry's id in tmp: the source's identity with -u;
 * without, that, the date, the kind and the section, each TSV-escaped,
 * LF between, and
 * for the second and later such record (the same source twice in one
 * section) LF and its number, 2, 3...
 */
static int
entry_name(dg_buf *tmp, const dg_src *s, const dg_docopt *o, dg_hash *seen)
{
	uint64_t *count;
	char num[24];
	int len;

	tmp->len = 0;
	if (o->unique)
		return dg_buf_add(tmp, s->key.p, s->key.n);
	/* Each part TSV-escaped, so that no LF in one is taken for the LF
	 * between two: names of different records never meet. */
	if (dg_tsv_escape(tmp, s->key.p, s->key.n) != DG_OK ||
	    dg_buf_addc(tmp, '\n') != DG_OK ||
	    dg_tsv_escape(tmp, s->date.p, s->date.n) != DG_OK ||
	    dg_buf_addc(tmp, '\n') != DG_OK ||
	    dg_tsv_escape(tmp, s->kind.p, s->kind.n) != DG_OK ||
	    dg_buf_addc(tmp, '\n') != DG_OK ||
	    dg_tsv_escape(tmp, s->section.p, s->section.n) != DG_OK ||
	    (count = dg_hash_put(seen, tmp->p, tmp->len, NULL)) == NULL)
		return DG_ENOMEM;
	if (++*count == 1)
		return DG_OK;
	len = snprintf(num, sizeof(num), "\n%llu", (unsigned long long)*count);
	return dg_buf_add(tmp, num, (size_t)len);
}

static int
category(dg_buf *b, dg_str term)
{
	if (term.n == 0)
		return DG_OK;
	if (lit(b, "    <category term=\"") != DG_OK ||
	    text(b, term) != DG_OK || lit(b, "\"/>\n") != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

static int
entry(dg_buf *b, const dg_src *s, const dg_docopt *o, dg_hash *seen,
    dg_buf *tmp)
{
	dg_str title = s->title;
	int dated = dg_doc_date(s->date);

	if (title.n == 0)
		title = o->arxiv ? s->arxiv : s->url;
	if (lit(b, "  <entry>\n") != DG_OK ||
	    entry_name(tmp, s, o, seen) != DG_OK ||
	    id_elem(b, "    ", tmp->p, tmp->len) != DG_OK ||
	    lit(b, "    <title>") != DG_OK || text(b, title) != DG_OK ||
	    lit(b, "</title>\n    <link href=\"") != DG_OK)
		return DG_ENOMEM;
	if (o->arxiv ? lit(b, "https://arxiv.org/abs/") != DG_OK ||
	    dg_href(b, s->arxiv.p, s->arxiv.n) != DG_OK :
	    dg_href(b, s->url.p, s->url.n) != DG_OK)
		return DG_ENOMEM;
	if (lit(b, "\"/>\n") != DG_OK ||
	    (dated && time_elem(b, "    ", "published", s->date.p,
	    s->date.n) != DG_OK) ||
	    time_elem(b, "    ", "updated", dated ? s->date.p : NO_DATE,
	    dated ? s->date.n : strlen(NO_DATE)) != DG_OK ||
	    category(b, s->kind) != DG_OK ||
	    category(b, s->category) != DG_OK)
		return DG_ENOMEM;
	if (s->summary.n > 0 &&
	    (lit(b, "    <summary type=\"text\">") != DG_OK ||
	    text(b, s->summary) != DG_OK || lit(b, "</summary>\n") != DG_OK))
		return DG_ENOMEM;
	return lit(b, "  </entry>\n");
}

int
dg_atom_write(dg_buf *b, const dg_doc *d, const dg_docopt *o,
    dg_flush_fn *flush)
{
	dg_buf tmp = {0};
	dg_hash *seen;
	size_t i;
	int st;

	if ((seen = dg_hash_new(sizeof(uint64_t))) == NULL)
		return DG_ENOMEM;
	st = head(b, d, o, &tmp);
	for (i = 0; st == DG_OK && i < dg_doc_count(d); i++) {
		if (flush != NULL)
			flush(b);
		st = entry(b, dg_doc_get(d, i), o, seen, &tmp);
	}
	if (st == DG_OK)
		st = lit(b, "</feed>\n");
	dg_hash_free(seen);
	dg_buf_free(&tmp);
	return st;
}
