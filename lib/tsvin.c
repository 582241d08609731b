/* tsvin.c - reading dg TSV records: headers, fields by name, checks. */
#include <stdlib.h>
#include <string.h>

#include "dg.h"

static void
standard_columns(dg_tsvin *t)
{
	size_t i;

	for (i = 0; i < DG_NFIELDS; i++)
		t->col[i] = i;
	t->ncols = DG_NFIELDS;
}

static void
init(dg_tsvin *t, unsigned need)
{
	memset(&t->header, 0, sizeof(t->header));
	t->need = need;
	t->f = NULL;
	t->nf = t->fcap = 0;
	t->headers = 0;
	standard_columns(t);
}

void
dg_tsvin_init_fd(dg_tsvin *t, int fd, unsigned need)
{
	dg_reader_init_fd(&t->rd, fd);
	init(t, need);
}

void
dg_tsvin_init_mem(dg_tsvin *t, const char *p, size_t n, unsigned need)
{
	dg_reader_init_mem(&t->rd, p, n);
	init(t, need);
}

/* Makes room for n fields in t->f. */
static int
room(dg_tsvin *t, size_t n)
{
	dg_str *f;

	if (n <= t->fcap)
		return DG_OK;
	if ((f = realloc(t->f, n * sizeof(*f))) == NULL)
		return DG_ENOMEM;
	t->f = f;
	t->fcap = n;
	return DG_OK;
}

/* Splits the current line into all its fields. */
static int
split_all(dg_tsvin *t)
{
	size_t nf = dg_tsv_split(t->line.p, t->line.n, t->f, t->fcap);

	if (nf > t->fcap) {
		if (room(t, nf) != DG_OK)
			return DG_ENOMEM;
		dg_tsv_split(t->line.p, t->line.n, t->f, t->fcap);
	}
	t->nf = nf;
	return DG_OK;
}

/*
 * Splits the current line into its first t->ncols fields only, the last
 * of them running to the end of the line (dg_tsvin_field cuts it when
 * asked): the summary, the bulk of a record, is then never scanned.
 */
static int
split_needed(dg_tsvin *t)
{
	const char *p = t->line.p, *end = p + t->line.n, *tab;
	size_t nf = 0;

	if (room(t, t->ncols) != DG_OK)
		return DG_ENOMEM;
	for (;;) {
		tab = NULL;
		if (nf + 1 < t->ncols && p < end)
			tab = memchr(p, '\t', (size_t)(end - p));
		t->f[nf].p = p;
		t->f[nf].n = (size_t)((tab ? tab : end) - p);
		nf++;
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	t->nf = nf;
	return DG_OK;
}

/* Takes the current line as a header if it names every needed field;
 * returns 1 when it did. */
static int
take_header(dg_tsvin *t)
{
	unsigned need = t->need ? t->need : (1u << DG_NFIELDS) - 1;
	size_t col[DG_NFIELDS], ncols = 0, named = 0, i;
	long c;

	for (i = 0; i < DG_NFIELDS; i++) {
		col[i] = 0;
		c = dg_tsv_find(t->f, t->nf, dg_field_names[i]);
		named += c >= 0;
		if (!(need & 1u << i))
			continue;
		if (c < 0)
			return 0;
		col[i] = (size_t)c;
		if ((size_t)c + 1 > ncols)
			ncols = (size_t)c + 1;
	}
	/* A record whose title happens to be "url" is not a header. */
	if (named < 2 && t->nf > 1)
		return 0;
	memcpy(t->col, col, sizeof(col));
	t->ncols = ncols;
	t->header.len = 0;
	if (dg_buf_add(&t->header, t->line.p, t->line.n) != DG_OK)
		return -1;
	return 1;
}

int
dg_tsvin_next(dg_tsvin *t)
{
	static const char std[] = DG_TSV_HEADER;
	int st, first;

	for (;;) {
		first = t->rd.lineno == 0;
		if ((st = dg_reader_next(&t->rd, &t->line)) != DG_OK)
			return st;
		if (t->line.n == sizeof(std) - 1 &&
		    memcmp(t->line.p, std, sizeof(std) - 1) == 0) {
			standard_columns(t);
			t->header.len = 0;
			t->headers++;
			continue;
		}
		if (t->header.len > 0 && t->line.n == t->header.len &&
		    memcmp(t->line.p, t->header.p, t->line.n) == 0) {
			t->headers++;
			continue;
		}
		if ((st = first ? split_all(t) : split_needed(t)) != DG_OK)
			return st;
		if (first) {
			st = take_header(t);
			if (st < 0)
				return DG_ENOMEM;
			if (st > 0) {
				t->headers++;
				continue;
			}
		}
		if (t->nf < t->ncols)
			return DG_EFIELDS;
		return DG_OK;
	}
}

dg_str
dg_tsvin_field(const dg_tsvin *t, enum dg_field id)
{
	dg_str f = t->f[t->col[id]];
	const char *tab;

	/* The last column split_needed made may hold more fields. */
	if (t->col[id] + 1 == t->ncols && f.n > 0 &&
	    (tab = memchr(f.p, '\t', f.n)) != NULL)
		f.n = (size_t)(tab - f.p);
	return f;
}

void
dg_tsvin_free(dg_tsvin *t)
{
	dg_reader_free(&t->rd);
	dg_buf_free(&t->header);
	free(t->f);
	t->f = NULL;
	t->nf = t->fcap = 0;
}
