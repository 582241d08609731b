/* dg-cat - keep the dg TSV records of some categories, like grep. */
#include <stdlib.h>
#include <string.h>

#include "daterange.h"
#include "dg.h"
#include "field_int.h"
#include "glob_int.h"
#include "parallel.h"
#include "unique_int.h"
#include "util.h"

#define USAGE \
    "[-Hquv] [-d RANGE] [-k KIND] [-e CATEGORY]... [CATEGORY] [FILE...]"

static const char help[] =
    "usage: dg-cat " USAGE "\n"
    "Keep the dg TSV records whose category matches a shell glob.\n"
    "\n"
    "  -e, --category=CATEGORY\n"
    "                      a pattern (repeat for more; then no CATEGORY\n"
    "                      operand)\n"
    "  -d, --date=RANGE    keep only records dated in RANGE (repeat for\n"
    "                      more): D, D:, :D or D1:D2, each D YYYY, YYYY-MM\n"
    "                      or YYYY-MM-DD\n"
    "  -k, --kind=KIND     keep only records of this kind too (Papers, News)\n"
    "  -u, --unique        keep only the first record of each source\n"
    "  -v, --invert        keep the records whose category does not match\n"
    "  -q, --quiet         print nothing; exit 0 at the first match\n"
    "  -H, --header        print a header line first\n"
    "  -h, --help          show this help and exit\n"
    "  -V, --version       print the version and exit\n"
    "\n"
    "Patterns match the whole category, ASCII case folded, blanks\n"
    "normalised: dg-cat 'model*' digests.tsv\n"
    "Ranges include both ends: dg-cat -d 2024-10:2024-11 '*' is October\n"
    "and November.\n"
    "Options may follow operands; without -e, the first operand is the\n"
    "CATEGORY, wherever the options are.\n"
    "\n"
    "See dg-cat(1).\n";

/* The long options: each maps to its short letter; --regexp is grep's
 * name for -e. */
static const dg_longopt longs[] = {
	{"category", 'e', 1},
	{"date", 'd', 1},
	{"header", 'H', 0},
	{"invert", 'v', 0},
	{"kind", 'k', 1},
	{"quiet", 'q', 0},
	{"regexp", 'e', 1},
	{"unique", 'u', 0},
	{"help", 'h', 0},
	{"version", 'V', 0},
	{NULL, 0, 0}
};

/* The standard header line, without LF. */
static const char std[] = DG_TSV_HEADER;

struct run {
	dg_glob **cat;		/* category patterns, OR-ed */
	size_t ncat;
	dg_glob **kind;		/* kind patterns (-k), OR-ed; none: any */
	size_t nkind;
	dg_daterange *date;	/* date ranges (-d), OR-ed; none: any */
	size_t ndate;
	unsigned need;		/* the fields matched */
	int invert;		/* -v */
	int quiet;		/* -q */
	int header;		/* -H */
	int written;		/* something went to stdout */
	int selected;		/* a record was selected */
	int status;		/* trouble so far */
	const char *name;	/* the file being read */
	dg_buf scratch;		/* an unescaped field */
	dg_hash *seen;		/* -u: the identities of the sources kept */
	dg_buf key;		/* -u: the current record's identity */
};

static dg_glob *
compile(const char *pat)
{
	dg_glob *g;

	if ((g = dg_glob_new(pat, strlen(pat))) == NULL)
		dg_nomem();
	return g;
}

/* Does one of the n patterns match field id of the record?  -1 on a bad
 * escape, reported, or with name NULL on any trouble, unreported. */
static int
matches(const dg_tsvin *t, enum dg_field id, dg_glob **g, size_t n,
    dg_buf *scratch, const char *name)
{
	dg_str f = dg_tsvin_field(t, id), raw;
	size_t i;
	int st;

	if ((st = dg_field_raw(f, scratch, &raw)) != DG_OK) {
		if (name == NULL)
			return -1;
		if (st == DG_ENOMEM)
			dg_nomem();
		dg_warn_escape(name, dg_tsvin_lineno(t), dg_field_names[id], f);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (dg_glob_match(g[i], raw.p, raw.n))
			return 1;
	return 0;
}

/* Is the record's date in one of the -d ranges?  The field is compared
 * as it is: an escape makes it no date. */
static int
dated(const struct run *r, const dg_tsvin *t)
{
	dg_str d = dg_tsvin_field(t, DG_F_DATE);
	size_t i;

	for (i = 0; i < r->ndate; i++)
		if (dg_daterange_has(&r->date[i], d.p, d.n))
			return 1;
	return 0;
}

/* Is the current record selected?  -1 on bad input, reported unless
 * name is NULL.  The category is looked at even when the kind or the
 * date already say no, so that its bad escapes are always reported. */
static int
selected(const struct run *r, const dg_tsvin *t, dg_buf *scratch,
    const char *name)
{
	int k = 1, d = 1, c;

	if (r->nkind > 0 && (k = matches(t, DG_F_KIND, r->kind, r->nkind,
	    scratch, name)) < 0)
		return -1;
	if (r->ndate > 0)
		d = dated(r, t);
	if ((c = matches(t, DG_F_CATEGORY, r->cat, r->ncat, scratch,
	    name)) < 0)
		return -1;
	return k && d && c != r->invert;
}

static void
put(struct run *r, const char *p, size_t n)
{
	dg_out(p, n);
	dg_outc('\n');
	r->written = 1;
}

/* -H: the header goes before the first record. */
static void
heading(struct run *r)
{
	if (r->header && !r->written)
		put(r, std, sizeof(std) - 1);
}

/*
 * The first line of a file was a header (dg_tsvin skipped it): it goes
 * out when nothing has yet, as it describes the records that follow.
 * The reader keeps a header other than the standard one.
 */
static void
file_header(struct run *r, const dg_tsvin *t)
{
	dg_str h = dg_tsvin_header(t);

	if (r->quiet || r->written)
		return;
	if (h.n > 0)
		put(r, h.p, h.n);
	else
		put(r, std, sizeof(std) - 1);
}

/* -u: is the current record the first of its source (SOURCE IDENTITY
 * in dg-links(1))?  Records with neither title nor URL always are.  -1
 * on a bad escape, reported. */
static int
first_time(struct run *r, const dg_tsvin *t)
{
	enum dg_ident kind;
	enum dg_field bad;
	int st, created;

	if ((st = dg_unique_key(t, &r->scratch, &r->key, &kind, &bad)) ==
	    DG_ENOMEM)
		dg_nomem();
	if (st != DG_OK) {
		dg_warn_escape(r->name, dg_tsvin_lineno(t),
		    dg_field_names[bad], dg_tsvin_field(t, bad));
		return -1;
	}
	if (kind == DG_IDENT_NONE)
		return 1;
	if (dg_hash_put(r->seen, r->key.p, r->key.len, &created) == NULL)
		dg_nomem();
	return created;
}

/* Deals with what dg_tsvin_next said (st) of t's next line; returns 1
 * when t is done with. */
static int
handle(struct run *r, const dg_tsvin *t, int st)
{
	dg_str line;
	int sel;

	if (st == DG_EOF)
		return 1;
	if (st != DG_OK) {
		r->status = DG_EXIT_TROUBLE;
		return !dg_tsvin_trouble(t, r->name, st);
	}
	if ((sel = selected(r, t, &r->scratch, r->name)) < 0) {
		r->status = DG_EXIT_TROUBLE;
		return 0;
	}
	if (!sel || (r->seen != NULL && (sel = first_time(r, t)) <= 0)) {
		if (sel < 0)
			r->status = DG_EXIT_TROUBLE;
		return 0;
	}
	r->selected = 1;
	if (r->quiet)
		return 1;
	heading(r);
	line = dg_tsvin_line(t);
	put(r, line.p, line.n);
	return 0;
}

/* In parallel: selects the records of a block into b->out, or leaves
 * the block to emit when a line needs a message (or memory ran out: only
 * emit, which alone writes to stdout, may exit). */
static void
work(void *arg, dg_block *b)
{
	const struct run *r = arg;
	dg_tsvin *t;
	dg_str line;
	enum dg_ident kind;
	enum dg_field bad;
	int st, sel;

	if ((t = dg_tsvin_new_block(b->p, b->n, b->lineno, r->need)) == NULL) {
		b->redo = 1;
		return;
	}
	while ((st = dg_tsvin_next(t)) == DG_OK) {
		if ((sel = selected(r, t, &b->scratch, NULL)) < 0)
			break;
		if (!sel)
			continue;
		line = dg_tsvin_line(t);
		/* -u: the identity is worked out here, looked up in emit. */
		if (r->seen != NULL && (dg_unique_key(t, &b->scratch, &b->key,
		    &kind, &bad) != DG_OK || dg_unique_note(&b->notes,
		    line.n + 1, kind == DG_IDENT_NONE ? NULL : b->key.p,
		    b->key.len) != DG_OK))
			break;
		if (dg_buf_add(&b->out, line.p, line.n) != DG_OK ||
		    dg_buf_addc(&b->out, '\n') != DG_OK)
			break;
	}
	b->redo = st != DG_EOF;
	b->lines = dg_tsvin_lineno(t) - b->lineno;
	dg_tsvin_free(t);
}

/* Lines selected, each with its LF (with -u, a run of lines that are
 * each the first of their source). */
static void
put_run(void *arg, const char *p, size_t n)
{
	struct run *r = arg;

	heading(r);
	dg_out(p, n);
	r->written = 1;
}

/* In file order: writes what work selected, or goes over the block
 * again line by line, with messages. */
static uint64_t
emit(void *arg, dg_block *b)
{
	struct run *r = arg;
	dg_tsvin *t;
	uint64_t lines;
	int kept;

	if (!b->redo && r->seen != NULL) {
		if ((kept = dg_unique_block(r->seen, b->out.p, &b->notes,
		    put_run, r)) < 0)
			dg_nomem();
		r->selected |= kept;
		return b->lines;
	}
	if (!b->redo) {
		if (b->out.len > 0) {
			r->selected = 1;
			put_run(r, b->out.p, b->out.len);
		}
		return b->lines;
	}
	if ((t = dg_tsvin_new_block(b->p, b->n, b->lineno, r->need)) == NULL)
		dg_nomem();
	while (!handle(r, t, dg_tsvin_next(t)))
		continue;
	lines = dg_tsvin_lineno(t) - b->lineno;
	dg_tsvin_free(t);
	return lines;
}

/* Filters the rest of a large regular file in parallel; 0 when it
 * does not. */
static int
in_parallel(struct run *r, dg_tsvin *t, int fd)
{
	dg_parallel par;
	off_t off;
	int st;

	/* After a header of its own, a standard header line would change
	 * the columns for the lines below it, which blocks read at the same
	 * time cannot know; -q wants one record, not all.  A reader that
	 * met the end of the file holds all of it to be read, should it
	 * have grown since. */
	if (r->quiet || dg_tsvin_header(t).n > 0 ||
	    dg_tsvin_eof(t) ||
	    (off = dg_tsvin_tell(t)) < 0)
		return 0;
	memset(&par, 0, sizeof(par));
	par.work = work;
	par.emit = emit;
	par.arg = r;
	par.lineno = dg_tsvin_lineno(t);
	if (!dg_parallel_worth(&par, fd, off))
		return 0;
	if ((st = dg_parallel_run(&par, fd, off)) != DG_OK) {
		r->status = DG_EXIT_TROUBLE;
		dg_tsvin_trouble(t, r->name, st);
	}
	return 1;
}

/* Filters one file; returns 1 when -q has its answer. */
static int
cat_file(struct run *r, const char *name)
{
	dg_tsvin *t;
	int fd, st, done;

	if ((fd = dg_open(name)) < 0) {
		r->status = DG_EXIT_TROUBLE;
		return 0;
	}
	r->name = name;
	if ((t = dg_tsvin_new_fd(fd, r->need)) == NULL)
		dg_nomem();
	st = dg_tsvin_next(t);
	if (dg_tsvin_headers(t) > 0)
		file_header(r, t);
	done = handle(r, t, st);
	/* A file whose first line is no record may be a digest: the line
	 * reader alone can say so, once. */
	if (!done && st == DG_OK)
		done = in_parallel(r, t, fd);
	while (!done)
		done = handle(r, t, dg_tsvin_next(t));
	dg_tsvin_free(t);
	dg_close(fd);
	return r->quiet && r->selected;
}

/* -d: parses s into *d, or says how it is wrong and exits 2. */
static void
date_range(dg_daterange *d, const char *s)
{
	switch (dg_daterange_parse(d, s)) {
	case DG_DATERANGE_OK:
		return;
	case DG_DATERANGE_BACKWARDS:
		dg_warnx("bad date range '%s': it ends before it starts", s);
		break;
	default:
		dg_warnx("bad date range '%s': use D, D:, :D or D1:D2 with "
		    "each D YYYY, YYYY-MM or YYYY-MM-DD", s);
	}
	dg_usage(USAGE);
}

static void
free_all(struct run *r)
{
	size_t i;

	for (i = 0; i < r->ncat; i++)
		dg_glob_free(r->cat[i]);
	for (i = 0; i < r->nkind; i++)
		dg_glob_free(r->kind[i]);
	free(r->cat);
	free(r->kind);
	free(r->date);
	dg_buf_free(&r->scratch);
	dg_buf_free(&r->key);
	dg_hash_free(r->seen);
}

int
main(int argc, char *argv[])
{
	struct run r;
	dg_opt o;
	int c, stop = 0;

	dg_start("dg-cat", "dg TSV");
	memset(&r, 0, sizeof(r));
	memset(&o, 0, sizeof(o));
	/* Never more patterns than arguments. */
	if ((r.cat = calloc((size_t)argc, sizeof(*r.cat))) == NULL ||
	    (r.kind = calloc((size_t)argc, sizeof(*r.kind))) == NULL ||
	    (r.date = calloc((size_t)argc, sizeof(*r.date))) == NULL)
		dg_nomem();
	while ((c = dg_opt_next(&o, argc, argv, "d:e:Hk:quvhV",
	    longs)) != -1) {
		switch (c) {
		case 'd':
			date_range(&r.date[r.ndate++], o.arg);
			break;
		case 'e':
			r.cat[r.ncat++] = compile(o.arg);
			break;
		case 'H':
			r.header = 1;
			break;
		case 'k':
			r.kind[r.nkind++] = compile(o.arg);
			break;
		case 'q':
			r.quiet = 1;
			break;
		case 'u':
			if (r.seen == NULL && (r.seen = dg_hash_new(0)) == NULL)
				dg_nomem();
			break;
		case 'v':
			r.invert = 1;
			break;
		default:
			dg_stdopt(&o, c, help, USAGE);
		}
	}
	if (r.ncat == 0) {
		if (o.ind == argc) {
			dg_warnx("no CATEGORY given");
			dg_usage(USAGE);
		}
		r.cat[r.ncat++] = compile(argv[o.ind++]);
	}
	r.need = 1u << DG_F_CATEGORY;
	if (r.nkind > 0)
		r.need |= 1u << DG_F_KIND;
	if (r.ndate > 0)
		r.need |= 1u << DG_F_DATE;
	if (r.seen != NULL)
		r.need |= 1u << DG_F_URL | 1u << DG_F_TITLE;
	if (o.ind == argc)
		stop = cat_file(&r, "-");
	for (; o.ind < argc && !stop; o.ind++)
		stop = cat_file(&r, argv[o.ind]);
	/* -H promises a header even when nothing was selected. */
	if (!r.quiet)
		heading(&r);
	free_all(&r);
	if (r.quiet && r.selected)
		return dg_out_close(DG_EXIT_OK);
	if (r.status != 0)
		return dg_out_close(r.status);
	return dg_out_close(r.selected ? DG_EXIT_OK : DG_EXIT_NONE);
}
