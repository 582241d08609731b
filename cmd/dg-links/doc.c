/* doc.c - the sources of one whole document (see doc.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii_int.h"
#include "date_int.h"
#include "doc.h"
#include "hash_int.h"
#include "ident_int.h"

struct dg_doc {
	dg_hash *mem;		/* owns the strings (dg_hash_alloc: they
				   never move) */
	dg_src *v;		/* the sources, in input order */
	size_t n, cap;
	dg_str summary;		/* the last summary kept */
};

dg_doc *
dg_doc_new(void)
{
	dg_doc *d;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	if ((d->mem = dg_hash_new(0)) == NULL) {
		free(d);
		return NULL;
	}
	return d;
}

/* A copy of s owned by d in *to. */
static int
keep(dg_doc *d, dg_str *to, dg_str s)
{
	char *p;

	to->p = "";
	to->n = 0;
	if (s.n == 0)
		return DG_OK;
	if ((p = dg_hash_alloc(d->mem, s.n)) == NULL)
		return DG_ENOMEM;
	memcpy(p, s.p, s.n);
	to->p = p;
	to->n = s.n;
	return DG_OK;
}

static int
same(dg_str a, dg_str b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

int
dg_doc_add(dg_doc *d, const dg_src *s)
{
	dg_src c;
	dg_src *v;
	size_t cap;

	if (d->n == d->cap) {
		cap = d->cap ? d->cap * 2 : 64;
		if (cap > SIZE_MAX / sizeof(*v) ||
		    (v = realloc(d->v, cap * sizeof(*v))) == NULL)
			return DG_ENOMEM;
		d->v = v;
		d->cap = cap;
	}
	if (keep(d, &c.date, s->date) != DG_OK ||
	    keep(d, &c.kind, s->kind) != DG_OK ||
	    keep(d, &c.category, s->category) != DG_OK ||
	    keep(d, &c.title, s->title) != DG_OK ||
	    keep(d, &c.url, s->url) != DG_OK ||
	    keep(d, &c.section, s->section) != DG_OK ||
	    keep(d, &c.arxiv, s->arxiv) != DG_OK ||
	    keep(d, &c.key, s->key) != DG_OK)
		return DG_ENOMEM;
	if (d->n > 0 && same(s->summary, d->summary))
		c.summary = d->summary;
	else if (keep(d, &c.summary, s->summary) != DG_OK)
		return DG_ENOMEM;
	d->summary = c.summary;
	d->v[d->n++] = c;
	return DG_OK;
}

size_t
dg_doc_count(const dg_doc *d)
{
	return d->n;
}

const dg_src *
dg_doc_get(const dg_doc *d, size_t i)
{
	return &d->v[i];
}

/* Appends name to list (", " between) when its group is new in seen;
 * *count counts the groups, and only the first max are listed. */
static int
name(dg_hash *seen, dg_buf *fold, char tag, dg_str s, dg_buf *list,
    size_t *count, size_t max)
{
	int created;

	fold->len = 0;
	if (dg_buf_addc(fold, tag) != DG_OK ||
	    dg_fold(fold, s.p, s.n) != DG_OK)
		return DG_ENOMEM;
	if (fold->len == 1)
		return DG_OK;
	if (dg_hash_put(seen, fold->p, fold->len, &created) == NULL)
		return DG_ENOMEM;
	if (!created || ++*count > max)
		return DG_OK;
	if ((list->len > 0 && dg_buf_add(list, ", ", 2) != DG_OK) ||
	    dg_buf_add(list, s.p, s.n) != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

/* The categories a default title lists before "and N more". */
#define TITLE_CATEGORIES 3

static int
default_title(const dg_doc *d, dg_buf *b, dg_hash *seen, dg_buf *fold,
    dg_buf *kinds, dg_buf *cats)
{
	size_t i, nkinds = 0, ncats = 0;
	char more[48];
	int len;

	for (i = 0; i < d->n; i++)
		if (name(seen, fold, 'k', d->v[i].kind, kinds, &nkinds,
		    SIZE_MAX) != DG_OK ||
		    name(seen, fold, 'c', d->v[i].category, cats, &ncats,
		    TITLE_CATEGORIES) != DG_OK)
			return DG_ENOMEM;
	if (nkinds == 0 && ncats == 0)
		return dg_buf_add(b, "Sources", 7);
	if (dg_buf_add(b, kinds->p, kinds->len) != DG_OK ||
	    (nkinds > 0 && ncats > 0 && dg_buf_add(b, ": ", 2) != DG_OK) ||
	    dg_buf_add(b, cats->p, cats->len) != DG_OK)
		return DG_ENOMEM;
	if (ncats <= TITLE_CATEGORIES)
		return DG_OK;
	len = snprintf(more, sizeof(more), " and %zu more",
	    ncats - TITLE_CATEGORIES);
	return dg_buf_add(b, more, (size_t)len);
}

int
dg_doc_title(const dg_doc *d, const dg_docopt *o, dg_buf *b)
{
	dg_buf fold = {0}, kinds = {0}, cats = {0};
	dg_hash *seen;
	int st;

	if (o->has_title)
		return dg_buf_add(b, o->title.p, o->title.n);
	if ((seen = dg_hash_new(0)) == NULL)
		return DG_ENOMEM;
	st = default_title(d, b, seen, &fold, &kinds, &cats);
	dg_hash_free(seen);
	dg_buf_free(&fold);
	dg_buf_free(&kinds);
	dg_buf_free(&cats);
	return st;
}

dg_str
dg_doc_latest(const dg_doc *d)
{
	dg_str best = { "", 0 };
	size_t i;

	for (i = 0; i < d->n; i++)
		if (dg_doc_date(d->v[i].date) && (best.n == 0 ||
		    memcmp(d->v[i].date.p, best.p, best.n) > 0))
			best = d->v[i].date;
	return best;
}

int
dg_doc_date(dg_str s)
{
	return dg_date_valid(s.p, s.n);
}

void
dg_doc_free(dg_doc *d)
{
	if (d == NULL)
		return;
	dg_hash_free(d->mem);
	free(d->v);
	free(d);
}
