/* format.c - a parsed record as one dg TSV line. */
#include <string.h>

#include "dg.h"
#include "format_int.h"
#include "num_int.h"
#include "tsv_int.h"

/* Appends s escaped and then c. */
static int
field(dg_buf *b, dg_str s, char c)
{
	if (dg_buf_reserve(b, s.n * 2 + 1) != DG_OK)
		return DG_ENOMEM;
	b->len += dg_tsv_escape_to(b->p + b->len, s.p, s.n);
	b->p[b->len++] = c;
	return DG_OK;
}

/* The section number and a TAB. */
static int
number(dg_buf *b, uint64_t v)
{
	if (dg_num_put(b, v) != DG_OK)
		return DG_ENOMEM;
	return dg_buf_addc(b, '\t');
}

/* date TAB kind TAB category TAB */
static int
head(dg_buf *b, const dg_record *rec)
{
	if (field(b, rec->date, '\t') != DG_OK ||
	    field(b, rec->kind, '\t') != DG_OK ||
	    field(b, rec->category, '\t') != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

/* file TAB section TAB emoji TAB summary LF */
static int
tail(dg_buf *b, const dg_record *rec, const dg_str *esc_summary)
{
	if (field(b, rec->file, '\t') != DG_OK ||
	    number(b, rec->section) != DG_OK ||
	    field(b, rec->emoji, '\t') != DG_OK)
		return DG_ENOMEM;
	if (esc_summary == NULL)
		return field(b, rec->summary, '\n');
	if (dg_buf_add(b, esc_summary->p, esc_summary->n) != DG_OK)
		return DG_ENOMEM;
	return dg_buf_addc(b, '\n');
}

int
dg_tsv_format(dg_buf *b, const dg_record *rec, const dg_str *esc_summary)
{
	if (head(b, rec) != DG_OK || field(b, rec->title, '\t') != DG_OK ||
	    field(b, rec->url, '\t') != DG_OK)
		return DG_ENOMEM;
	return tail(b, rec, esc_summary);
}

int
dg_tsv_share(dg_tsv_shared *sh, const dg_record *rec,
    const dg_str *esc_summary)
{
	sh->head.len = 0;
	sh->tail.len = 0;
	if (head(&sh->head, rec) != DG_OK)
		return DG_ENOMEM;
	return tail(&sh->tail, rec, esc_summary);
}

int
dg_tsv_format_shared(dg_buf *b, const dg_tsv_shared *sh,
    const dg_record *rec)
{
	char *d;

	/* One reservation for the whole line: a record is mostly its
	 * summary, which is copied as it is. */
	if (dg_buf_reserve(b, sh->head.len + rec->title.n * 2 + 1 +
	    rec->url.n * 2 + 1 + sh->tail.len) != DG_OK)
		return DG_ENOMEM;
	d = b->p + b->len;
	memcpy(d, sh->head.p, sh->head.len);
	d += sh->head.len;
	d += dg_tsv_escape_to(d, rec->title.p, rec->title.n);
	*d++ = '\t';
	d += dg_tsv_escape_to(d, rec->url.p, rec->url.n);
	*d++ = '\t';
	memcpy(d, sh->tail.p, sh->tail.len);
	b->len = (size_t)(d - b->p) + sh->tail.len;
	return DG_OK;
}

void
dg_tsv_shared_free(dg_tsv_shared *sh)
{
	dg_buf_free(&sh->head);
	dg_buf_free(&sh->tail);
}
