/*
 * doc.h - the sources of one whole document (dg-links -f atom, -f html),
 * kept in memory: a document names its selection and its latest date
 * before it lists them, and a page groups them by date.  Strings are
 * pointer + length, raw (unescaped), not NUL-terminated.
 */
#ifndef DG_DOC_H
#define DG_DOC_H

#include "dg.h"

/* One source, as the document writers see it. */
typedef struct {
	dg_str date, kind, category, title, url, section, summary;
	dg_str arxiv;	/* -a: the arXiv identifier as written; else empty */
	dg_str key;	/* the source's identity (lib/ident_int.h) */
} dg_src;

/* What the user asked of the document. */
typedef struct {
	dg_str title;		/* -t; used when has_title */
	int has_title;
	const char *self;	/* --self URL, or NULL */
	int unique;		/* -u */
	int arxiv;		/* -a */
} dg_docopt;

/* Called by the writers between parts of a document, to pass on and
 * empty b; NULL keeps the whole document in b. */
typedef void dg_flush_fn(dg_buf *b);

typedef struct dg_doc dg_doc;

dg_doc *dg_doc_new(void);	/* NULL when out of memory */
/* Keeps a copy of s; a summary equal to the last one kept is shared (the
 * sources of one section follow each other).  DG_OK or DG_ENOMEM. */
int dg_doc_add(dg_doc *d, const dg_src *s);
size_t dg_doc_count(const dg_doc *d);
const dg_src *dg_doc_get(const dg_doc *d, size_t i);
/* Appends the document's title: o->title, or one naming the selection,
 * "KIND, ...: CATEGORY, CATEGORY, CATEGORY and N more" (spellings as
 * first seen, grouped as dg_fold groups them), "Sources" when empty. */
int dg_doc_title(const dg_doc *d, const dg_docopt *o, dg_buf *b);
/* The latest date of the sources that is a date (dg_doc_date); empty
 * when none is. */
dg_str dg_doc_latest(const dg_doc *d);
/* Is s a date of the calendar written YYYY-MM-DD (2024-02-29, not
 * 2023-02-29 or 2024-13-01)? */
int dg_doc_date(dg_str s);
void dg_doc_free(dg_doc *d);

#endif
