/* tsvin.c - reading dg TSV records: headers, fields by name, checks. */
#include <stdlib.h>
#include <string.h>

#include "stage_int.h"
#include "tsvin_int.h"

/* The column of a field a custom header does not name. */
#define ABSENT SIZE_MAX

/* Sets t->nneed from t->need and the columns. */
static void
needed_columns(dg_tsvin *t)
{
	size_t i;

	t->nneed = 1;
	for (i = 0; i < DG_NFIELDS; i++)
		if ((t->need == 0 || t->need & 1u << i) &&
		    t->col[i] + 1 > t->nneed)
			t->nneed = t->col[i] + 1;
}

static void
standard_columns(dg_tsvin *t)
{
	size_t i;

	for (i = 0; i < DG_NFIELDS; i++)
		t->col[i] = i;
	t->ncols = DG_NFIELDS;
	needed_columns(t);
}

/* All but the reader, which the caller sets up after. */
static void
init(dg_tsvin *t, unsigned need)
{
	memset(t, 0, sizeof(*t));
	t->need = need;
	standard_columns(t);
}

void
dg_tsvin_init_fd(dg_tsvin *t, int fd, unsigned need)
{
	init(t, need);
	dg_reader_init_fd(&t->rd, fd);
}

void
dg_tsvin_init_mem(dg_tsvin *t, const char *p, size_t n, unsigned need)
{
	init(t, need);
	dg_reader_init_mem(&t->rd, p, n);
}

void
dg_tsvin_init_block(dg_tsvin *t, const char *p, size_t n, uint64_t lineno,
    unsigned need)
{
	init(t, need);
	dg_reader_init_mem(&t->rd, p, n);
	t->rd.bom_checked = 1;
	t->rd.lineno = lineno;
	t->within = 1;
}

dg_tsvin *
dg_tsvin_new_fd(int fd, unsigned need)
{
	dg_tsvin *t = malloc(sizeof(*t));

	if (t != NULL)
		dg_tsvin_init_fd(t, fd, need);
	return t;
}

dg_tsvin *
dg_tsvin_new_mem(const char *p, size_t n, unsigned need)
{
	dg_tsvin *t = malloc(sizeof(*t));

	if (t != NULL)
		dg_tsvin_init_mem(t, p, n, need);
	return t;
}

dg_tsvin *
dg_tsvin_new_block(const char *p, size_t n, uint64_t lineno, unsigned need)
{
	dg_tsvin *t = malloc(sizeof(*t));

	if (t != NULL)
		dg_tsvin_init_block(t, p, n, lineno, need);
	return t;
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
	t->nf = t->nfields = nf;
	return DG_OK;
}

/*
 * Splits out the first t->nneed fields of the current line, and one more
 * that runs to the end of it (dg_tsvin_field cuts it when asked), while
 * counting the TABs up to the t->ncols fields it must have.
 */
static int
split_needed(dg_tsvin *t)
{
	size_t npos = t->nneed < t->ncols ? t->nneed : t->ncols - 1;
	size_t i, start = 0, ntabs;

	if (room(t, npos + 1) != DG_OK)
		return DG_ENOMEM;
	if (t->npos < npos) {
		free(t->pos);
		if ((t->pos = malloc(npos * sizeof(*t->pos))) == NULL)
			return DG_ENOMEM;
		t->npos = npos;
	}
	ntabs = dg_tsv_tabs(t->line.p, t->line.n, t->pos, npos, t->ncols - 1);
	t->nfields = ntabs + 1;
	t->nf = (ntabs < npos ? ntabs : npos) + 1;
	for (i = 0; i + 1 < t->nf; i++) {
		t->f[i].p = t->line.p + start;
		t->f[i].n = t->pos[i] - start;
		start = t->pos[i] + 1;
	}
	t->f[i].p = t->line.p + start;
	t->f[i].n = t->line.n - start;
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
		c = dg_tsv_find(t->f, t->nf, dg_field_names[i]);
		named += c >= 0;
		col[i] = c >= 0 ? (size_t)c : ABSENT;
		if (!(need & 1u << i))
			continue;
		if (c < 0)
			return 0;
		if ((size_t)c + 1 > ncols)
			ncols = (size_t)c + 1;
	}
	/* A record whose title happens to be "url" is not a header; a
	 * line too short to be a record is ("url\tnote"). */
	if (named < 2 && t->nf >= DG_NFIELDS)
		return 0;
	memcpy(t->col, col, sizeof(col));
	t->ncols = ncols;
	needed_columns(t);
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

	t->isheader = 0;
	for (;;) {
		first = t->rd.lineno == 0;
		if ((st = dg_reader_next(&t->rd, &t->line)) != DG_OK)
			return st;
		if (t->line.n == sizeof(std) - 1 &&
		    memcmp(t->line.p, std, sizeof(std) - 1) == 0) {
			standard_columns(t);
			t->header.len = 0;
			goto header;
		}
		if (t->header.len > 0 && t->line.n == t->header.len &&
		    memcmp(t->line.p, t->header.p, t->line.n) == 0)
			goto header;
		if ((st = first ? split_all(t) : split_needed(t)) != DG_OK)
			return st;
		if (first) {
			st = take_header(t);
			if (st < 0)
				return DG_ENOMEM;
			if (st > 0)
				goto header;
		}
		if (t->nfields < t->ncols)
			return DG_EFIELDS;
		t->records++;
		return DG_OK;
header:		/* skipped, or handed out */
		t->headers++;
		if (t->stop_headers) {
			t->isheader = 1;
			return DG_OK;
		}
	}
}

dg_str
dg_tsvin_field(const dg_tsvin *t, enum dg_field id)
{
	size_t col = t->col[id], i;
	dg_str f = t->f[col < t->nf ? col : t->nf - 1];
	const char *tab;

	if (col == ABSENT) {
		f.p = t->line.p;
		f.n = 0;
		return f;
	}
	if (col + 1 < t->nf)
		return f;
	/* The last field split out runs to the end of the line: walk on
	 * to the field asked for, then cut it at its TAB. */
	for (i = t->nf - 1; i < col; i++) {
		if (f.n == 0 || (tab = memchr(f.p, '\t', f.n)) == NULL) {
			f.p += f.n;	/* the line is shorter: empty */
			f.n = 0;
			return f;
		}
		f.n -= (size_t)(tab + 1 - f.p);
		f.p = tab + 1;
	}
	if (f.n > 0 && (tab = memchr(f.p, '\t', f.n)) != NULL)
		f.n = (size_t)(tab - f.p);
	return f;
}

void
dg_tsvin_stop_at_headers(dg_tsvin *t)
{
	t->stop_headers = 1;
}

int
dg_tsvin_isheader(const dg_tsvin *t)
{
	return t->isheader;
}

dg_str
dg_tsvin_line(const dg_tsvin *t)
{
	return t->line;
}

uint64_t
dg_tsvin_lineno(const dg_tsvin *t)
{
	return t->rd.lineno;
}

size_t
dg_tsvin_fields(const dg_tsvin *t)
{
	return t->nfields;
}

size_t
dg_tsvin_want(const dg_tsvin *t)
{
	return t->ncols;
}

uint64_t
dg_tsvin_headers(const dg_tsvin *t)
{
	return t->headers;
}

dg_str
dg_tsvin_header(const dg_tsvin *t)
{
	dg_str h;

	h.p = t->header.p;
	h.n = t->header.len;
	return h;
}

int
dg_tsvin_digest(const dg_tsvin *t)
{
	if (t->within || t->records > 0 || t->nfields != 1)
		return 0;
	return dg_stage_digest(t->line.p, t->line.n);
}

off_t
dg_tsvin_tell(const dg_tsvin *t)
{
	return dg_reader_tell(&t->rd);
}

int
dg_tsvin_eof(const dg_tsvin *t)
{
	return t->rd.eof;
}

void
dg_tsvin_fini(dg_tsvin *t)
{
	dg_reader_fini(&t->rd);
	dg_buf_free(&t->header);
	free(t->f);
	free(t->pos);
	t->f = NULL;
	t->pos = NULL;
	t->npos = 0;
	t->nf = t->fcap = 0;
}

void
dg_tsvin_free(dg_tsvin *t)
{
	if (t == NULL)
		return;
	dg_tsvin_fini(t);
	free(t);
}
