/* dg-chart - label TAB value lines to a standalone SVG bar chart. */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "table_int.h"
#include "stage_int.h"
#include "util.h"

#define USAGE "[-BCp] [-f FIELD] [-n TOP] [-t TITLE] [-W WIDTH] [FILE...]"

static const char help[] =
    "usage: dg-chart " USAGE "\n"
    "Draw label TAB value lines (dg-stats output) as an SVG bar chart, or\n"
    "as columns on a time axis when every label is a date, month or year;\n"
    "key TAB key TAB value lines (dg-stats -H -b month,category) as\n"
    "stacked columns.\n"
    "\n"
    "  -B, --bars         horizontal bars in input order, even for dates\n"
    "  -C, --columns      columns, even for labels that are not dates\n"
    "  -f, --field=FIELD  take values from column FIELD: a number (default\n"
    "                     2) or a name in the input's header line\n"
    "  -n, --top=TOP      keep the first TOP bars, the rest summed into\n"
    "                     \"other\" (two keys: the TOP largest second keys)\n"
    "  -p, --percent      add each bar's share of the total\n"
    "  -t, --title=TITLE  the chart's title\n"
    "  -W, --width=WIDTH  the chart's width in pixels (default 800; -w is\n"
    "                     the same)\n"
    "  -h, --help         show this help and exit\n"
    "  -V, --version      print the version and exit\n"
    "\n"
    "See dg-chart(1).\n";

static const dg_longopt longs[] = {
	{"bars", 'B', 0},
	{"columns", 'C', 0},
	{"field", 'f', 1},
	{"percent", 'p', 0},
	{"title", 't', 1},
	{"top", 'n', 1},
	{"width", 'W', 1},
	{"help", 'h', 0},
	{"version", 'V', 0},
	{NULL, 0, 0}
};

/* A line while reading: its keys are offsets into the label arena,
 * which moves as it grows. */
struct row {
	size_t off, len;	/* the first key, the label */
	size_t off2, len2;	/* the second key, with two */
	dg_value v;
};

struct run {
	size_t col;		/* value column, 1-based; 0 until a header
				   names fieldname */
	int colset;		/* -f gave a number */
	const char *fieldname;	/* -f NAME, or NULL */
	int keys;		/* key columns: 1 or 2; 0 until the first
				   file's first line says */
	size_t top;		/* -n, or 0 for all */
	int status;
	struct row *rows;	/* the first top + 1 rows with one key and
				   -n, else all */
	size_t n, cap;
	uint64_t rest;		/* rows past those, summed into restv */
	dg_value restv;
	dg_value total;		/* of every row taken: kept finite, so the
				   chart's sums and shares are too */
	dg_buf labels;		/* label arena */
	dg_buf title;		/* title from a header, when no -t */
	int titled;		/* title is set */
	dg_buf key2name;	/* the second key's name, from a header */
	dg_buf what;		/* the value column's name, from a header */
	int named;		/* what is set */
	dg_str *f;		/* fields of the current line */
	size_t fcap;
};

/* How many key columns a dg-stats header line has, or 0 when line is
 * none. */
static int
stats_keys(dg_str line)
{
	dg_str keys;
	size_t i;
	int k = 1;

	if (!dg_table_header(line.p, line.n, &keys))
		return 0;
	for (i = 0; i < keys.n && k < 3; i++)
		k += keys.p[i] == '\t';
	return k;
}

/* Splits line into r->f; returns the field count. */
static size_t
split(struct run *r, dg_str line)
{
	size_t nf = dg_tsv_split(line.p, line.n, r->f, r->fcap);
	dg_str *f;

	if (nf > r->fcap) {
		if ((f = realloc(r->f, nf * sizeof(*f))) == NULL)
			dg_nomem();
		r->f = f;
		r->fcap = nf;
		dg_tsv_split(line.p, line.n, r->f, r->fcap);
	}
	return nf;
}

/* Appends the unescaped field s to b, with "and" before it when and is
 * set; 0 on a bad escape. */
static int
name_to(dg_buf *b, const char *and, dg_str s)
{
	if (and != NULL && dg_buf_add(b, and, strlen(and)) != DG_OK)
		dg_nomem();
	return dg_tsv_unescape(b, s.p, s.n, NULL) == DG_OK;
}

/* Takes a title like "Sources by category", or "Sources by month and
 * category" with two keys, from a header line (in r->f) whose value is
 * in column col, unless there is one. */
static void
title_from(struct run *r, size_t col)
{
	dg_str value = r->f[col - 1], label = r->f[0];

	if (r->titled || value.n == 0)
		return;
	if (!name_to(&r->title, NULL, value) || (label.n > 0 &&
	    (!name_to(&r->title, " by ", label) || (r->keys == 2 &&
	    r->f[1].n > 0 && !name_to(&r->title, " and ", r->f[1]))))) {
		r->title.len = 0;
		return;
	}
	if (r->title.p[0] >= 'a' && r->title.p[0] <= 'z')
		r->title.p[0] -= 'a' - 'A';
	if (r->keys == 2 && !name_to(&r->key2name, NULL, r->f[1]))
		r->key2name.len = 0;
	r->titled = 1;
}

/* Takes what the values are from the name of column col of a header
 * line (in r->f), unless the first header said. */
static void
what_from(struct run *r, size_t col)
{
	if (r->named || r->f[col - 1].n == 0)
		return;
	if (!name_to(&r->what, NULL, r->f[col - 1])) {
		r->what.len = 0;
		return;
	}
	r->named = 1;
}

/* Skips a file whose first line is wrong for the chart (said). */
static int
bad_header(struct run *r, int *skip)
{
	r->status = DG_EXIT_TROUBLE;
	*skip = 1;
	return 1;
}

/*
 * Handles the first line of a file when it may be a header; returns 1
 * when it was one (or the file is to be skipped: *skip set).  The key
 * columns: as many as a dg-stats header names (one or two); with -f NAME
 * in another header, two when NAME is the third column, else one; one
 * without a header.  The first file sets how many; the others must
 * agree.
 */
static int
header(struct run *r, const char *name, dg_str line, size_t nf, int *skip)
{
	int keys = stats_keys(line);
	dg_value v;
	size_t i;

	if (keys > 2) {
		dg_warnl(name, 1, "more than two key columns: dg-chart draws "
		    "one or two");
		return bad_header(r, skip);
	}
	if (r->fieldname != NULL) {
		for (i = 0; i < nf; i++)
			if (r->f[i].n == strlen(r->fieldname) &&
			    memcmp(r->f[i].p, r->fieldname, r->f[i].n) == 0)
				break;
		if (i == nf) {
			dg_warnl(name, 1, "no column named %s", r->fieldname);
			return bad_header(r, skip);
		}
		if (keys == 0)
			keys = i == 2 ? 2 : 1;
		if (i < (size_t)keys) {
			dg_warnl(name, 1, i == 0 ? "%s is the label column" :
			    "%s is a key column", r->fieldname);
			return bad_header(r, skip);
		}
		r->col = i + 1;
	} else if (keys > 0) {
		if (!r->colset)
			r->col = (size_t)keys + 1;
		else if (r->col <= (size_t)keys) {
			dg_warnl(name, 1, "column %zu is a key column", r->col);
			return bad_header(r, skip);
		}
	} else if (nf >= r->col && dg_num_value(r->f[r->col - 1].p,
	    r->f[r->col - 1].n, &v) == DG_ENUMBER)
		keys = 1;	/* any header naming the value column */
	else {
		if (r->keys == 0)
			r->keys = 1;
		return 0;	/* data */
	}
	if (r->keys == 0)
		r->keys = keys;
	else if (keys != r->keys) {
		dg_warnl(name, 1, "%d key %s, but the first file had %d", keys,
		    keys == 1 ? "column" : "columns", r->keys);
		return bad_header(r, skip);
	}
	if (nf >= r->col) {
		title_from(r, r->col);
		what_from(r, r->col);
	}
	return 1;
}

/* Appends the unescaped key s to the label arena, at *off for *len;
 * 0 on a bad escape (said, as in what). */
static int
key(struct run *r, const char *name, uint64_t lineno, const char *what,
    dg_str s, size_t *off, size_t *len)
{
	int st;

	*off = r->labels.len;
	if ((st = dg_tsv_unescape(&r->labels, s.p, s.n, NULL)) ==
	    DG_EESCAPE) {
		r->labels.len = *off;
		dg_warn_escape(name, lineno, what, s);
		r->status = DG_EXIT_TROUBLE;
		return 0;
	} else if (st != DG_OK)
		dg_nomem();
	*len = r->labels.len - *off;
	return 1;
}

static void
add_row(struct run *r, const char *name, uint64_t lineno,
    const dg_value *v)
{
	struct row *p, row;
	dg_value total = r->total;
	size_t start = r->labels.len;

	/* A line that would make the sum infinite is bad, not the chart. */
	if (dg_value_add(&total, v) != DG_OK) {
		dg_warnl(name, lineno, "sum of values too large");
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if (r->keys == 1 && r->top > 0 && r->n > r->top) {
		r->total = total;
		/* No larger than the total: cannot overflow. */
		(void)dg_value_add(&r->restv, v);
		r->rest++;
		return;
	}
	row.off2 = row.len2 = 0;
	if (!key(r, name, lineno, "label", r->f[0], &row.off, &row.len) ||
	    (r->keys == 2 && !key(r, name, lineno, "second key", r->f[1],
	    &row.off2, &row.len2))) {
		r->labels.len = start;
		return;
	}
	r->total = total;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		if ((p = realloc(r->rows, r->cap * sizeof(*p))) == NULL)
			dg_nomem();
		r->rows = p;
	}
	row.v = *v;
	r->rows[r->n++] = row;
}

static void
data_line(struct run *r, const char *name, uint64_t lineno, size_t nf)
{
	dg_str f;
	dg_value v;
	int st;

	if (nf < r->col) {
		dg_warnl(name, lineno, "expected %zu fields, got %zu", r->col,
		    nf);
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	f = r->f[r->col - 1];
	if ((st = dg_num_value(f.p, f.n, &v)) == DG_OK) {
		add_row(r, name, lineno, &v);
		return;
	}
	r->status = DG_EXIT_TROUBLE;
	if (st == DG_ENEGATIVE)
		dg_warnl(name, lineno, "negative value");
	else if (st == DG_ERANGE)
		dg_warnl(name, lineno, "value too large");
	else if (st == DG_ENUMBER)
		dg_warnl(name, lineno, "value is not a number");
	else
		dg_nomem();
}

/* dg TSV or a digest where a table of counts was due, by its first
 * line: said once, with the commands to put first; the file is
 * skipped. */
static int
wrong_stage(const char *name, dg_str line)
{
	if (dg_stage_tsv(line.p, line.n))
		dg_warnx("%s: this is dg TSV, not a table of counts; count it "
		    "first: dg-stats %s | dg-chart", dg_filename(name), name);
	else if (dg_stage_digest(line.p, line.n))
		dg_warnx("%s: this is a digest, not a table of counts; parse and "
		    "count it first: dg-parse %s | dg-stats | dg-chart",
		    dg_filename(name), name);
	else
		return 0;
	return 1;
}

static void
read_file(struct run *r, const char *name)
{
	dg_reader *rd;
	dg_str line;
	size_t nf;
	int fd, st = DG_EOF, skip = 0;

	if ((fd = dg_open(name)) < 0) {
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if (r->fieldname != NULL)
		r->col = 0;
	if ((rd = dg_reader_new_fd(fd)) == NULL)
		dg_nomem();
	while (!skip && (st = dg_reader_next(rd, &line)) == DG_OK) {
		if (dg_reader_lineno(rd) == 1 && wrong_stage(name, line)) {
			r->status = DG_EXIT_TROUBLE;
			skip = 1;
			break;
		}
		nf = split(r, line);
		if (dg_reader_lineno(rd) == 1 && header(r, name, line, nf,
		    &skip))
			continue;
		/* A dg-stats header further on, as where tables were
		 * concatenated. */
		if (stats_keys(line) == r->keys) {
			if (r->col <= nf) {
				title_from(r, r->col);
				what_from(r, r->col);
			}
			continue;
		}
		data_line(r, name, dg_reader_lineno(rd), nf);
	}
	if (!skip && st == DG_EIO) {
		dg_warn("%s", dg_filename(name));
		r->status = DG_EXIT_TROUBLE;
	} else if (!skip && st != DG_EOF)
		dg_nomem();
	dg_reader_free(rd);
	dg_close(fd);
}

/* A number option's argument, from min up; 0 when it is not one. */
static size_t
number(const char *s, size_t min)
{
	uint64_t v;

	if (dg_num_u64(s, strlen(s), &v) != DG_OK || v < min ||
	    v > 100000000)
		return 0;
	return (size_t)v;
}

/* The chart's blocks go straight to stdout (a failed write exits). */
static int
emit(void *arg, const char *p, size_t n)
{
	(void)arg;
	dg_out(p, n);
	return DG_OK;
}

/* The key at off in the label arena (which is NULL while every key is
 * empty). */
static dg_str
arena_str(const struct run *r, size_t off, size_t len)
{
	dg_str s;

	s.p = len > 0 ? r->labels.p + off : "";
	s.n = len;
	return s;
}

static void
draw(struct run *r, const char *title, int layout, unsigned width,
    int shares)
{
	static const char other[] = "other", untitled[] = "dg-chart";
	dg_buf out = { NULL, 0, 0 };
	dg_chart c;
	dg_bar *bar;
	size_t i;

	if ((bar = calloc(r->n + 1, sizeof(*bar))) == NULL)
		dg_nomem();
	for (i = 0; i < r->n; i++) {
		bar[i].label = arena_str(r, r->rows[i].off, r->rows[i].len);
		bar[i].key2 = arena_str(r, r->rows[i].off2, r->rows[i].len2);
		bar[i].v = r->rows[i].v;
	}
	/* Not needed any more: the chart needs room of its own. */
	free(r->rows);
	r->rows = NULL;
	/* The rows past the top, one or more, become "other" (SPEC). */
	if (r->keys == 1 && r->top > 0 && r->n > r->top) {
		bar[r->top].label.p = other;
		bar[r->top].label.n = sizeof(other) - 1;
		bar[r->top].merged = r->rest + 1;
		/* Part of the total, which is finite. */
		(void)dg_value_add(&bar[r->top].v, &r->restv);
	}
	if (title != NULL) {
		c.title.p = title;
		c.title.n = strlen(title);
	} else if (r->titled) {
		c.title.p = r->title.p;
		c.title.n = r->title.len;
	} else {
		c.title.p = untitled;
		c.title.n = sizeof(untitled) - 1;
	}
	c.bar = bar;
	c.n = r->n;
	c.keys = r->keys == 2 ? 2 : 1;
	c.top = r->top;
	c.key2name.p = r->key2name.p;
	c.key2name.n = r->key2name.len;
	c.what.p = r->what.p;
	c.what.n = r->what.len;
	c.layout = layout;
	c.width = width;
	c.shares = shares;
	c.out = emit;
	c.arg = NULL;
	/* The total is finite, so only memory can fail. */
	if (dg_chart_svg(&out, &c) != DG_OK)
		dg_nomem();
	dg_buf_free(&out);
	free(bar);
}

int
main(int argc, char *argv[])
{
	struct run r;
	dg_opt o;
	const char *title = NULL;
	unsigned width = 800;
	int c, shares = 0, layout = DG_AUTO;

	dg_start("dg-chart", "label TAB value lines");
	memset(&r, 0, sizeof(r));
	memset(&o, 0, sizeof(o));
	r.col = 2;
	r.restv.isint = 1;
	r.total.isint = 1;
	while ((c = dg_opt_next(&o, argc, argv, "BCf:n:pt:W:w:hV",
	    longs)) != -1) {
		switch (c) {
		case 'B':
			layout = DG_BARS;
			break;
		case 'C':
			layout = DG_COLUMNS;
			break;
		case 'f':
			r.fieldname = NULL;
			r.colset = 0;
			if (o.arg[0] >= '0' && o.arg[0] <= '9') {
				r.colset = 1;
				if ((r.col = number(o.arg, 2)) == 0)
					dg_badarg(&o, c, USAGE, "not a column "
					    "of values (2 or more): %s", o.arg);
			} else if (o.arg[0] == '\0')
				dg_badarg(&o, c, USAGE, "empty field name");
			else
				r.fieldname = o.arg;
			break;
		case 'n':
			if ((r.top = number(o.arg, 1)) == 0)
				dg_badarg(&o, c, USAGE,
				    "not a number of bars: %s", o.arg);
			break;
		case 'p':
			shares = 1;
			break;
		case 't':
			title = o.arg;
			break;
		case 'W':
		case 'w':	/* the contract's letter; -W beside it, as
				   dg-parse's -w is "warn" */
			if ((width = (unsigned)number(o.arg, 1)) == 0)
				dg_badarg(&o, c, USAGE, "not a width: %s",
				    o.arg);
			break;
		default:
			dg_stdopt(&o, c, help, USAGE);
		}
	}
	if (o.ind == argc)
		read_file(&r, "-");
	for (; o.ind < argc; o.ind++)
		read_file(&r, argv[o.ind]);
	draw(&r, title, layout, width, shares);
	free(r.rows);
	free(r.f);
	dg_buf_free(&r.labels);
	dg_buf_free(&r.title);
	dg_buf_free(&r.key2name);
	dg_buf_free(&r.what);
	return dg_out_close(r.status);
}
