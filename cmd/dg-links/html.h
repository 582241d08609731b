/*
 * html.h - dg-links -f html: the sources of a document as one standalone
 * HTML page, grouped by date (newest first), then by kind and category,
 * each group with its summary.  dg-links(1) says what each element holds
 * and why.
 */
#ifndef DG_HTML_H
#define DG_HTML_H

#include "doc.h"

/* Appends the page of d to b, calling flush (when not NULL) after each
 * group.  DG_OK or DG_ENOMEM. */
int dg_html_write(dg_buf *b, const dg_doc *d, const dg_docopt *o,
    dg_flush_fn *flush);

#endif
