/* dg-stats - count dg TSV records per key; merge such counts. */
#include <stdlib.h>
#include <string.h>

#include "field_int.h"
#include "stage_int.h"
#include "stats.h"
#include "table_int.h"
#include "util.h"

#define USAGE "[-Hm] [-b KEY[,KEY...]] [-s ORDER] [FILE...]"

static const char help[] =
    "usage: dg-stats " USAGE "\n"
    "Count sources, sections and digests per key of dg TSV records.\n"
    "\n"
    "  -b, --by=KEY[,KEY...]\n"
    "                   count per category (default), kind, date, month,\n"
    "                   year, file or domain; a column per key, in order\n"
    "  -s, --sort=ORDER sort by count (most sources first; default) or key\n"
    "  -H, --header     print the header line first\n"
    "  -m, --merge      merge dg-stats outputs, summing per key\n"
    "  -h, --help       show this help and exit\n"
    "  -V, --version    print the version and exit\n"
    "\n"
    "Options may follow the files; KEY and ORDER match in any case.\n"
    "See dg-stats(1).\n";

static const dg_longopt longs[] = {
	{"by", 'b', 1},
	{"header", 'H', 0},
	{"merge", 'm', 0},
	{"sort", 's', 1},
	{"help", 'h', 0},
	{"version", 'V', 0},
	{NULL, 0, 0}
};

struct run {
	dg_stats *s;		/* the counts; NULL until the key columns
				   are known */
	int *keys;		/* the key columns: -b's, or when merging,
				   the first header's */
	size_t nkeys;		/* how many; 0 until known */
	int named;		/* -m: -b or a header named the keys (rows
				   before both only say there is one) */
	size_t maxkeys;		/* how many keys there are: keys, hkeys, f
				   and kf have room for as many */
	int *hkeys;		/* -m: the keys a header names */
	dg_str *f;		/* the key fields of a record, the key
				   columns of a row */
	enum dg_field *kf;	/* the fields the keys come from */
	dg_buf scratch;		/* for unescaping */
	int status;		/* exit status so far */
	int otherkey;		/* -m: the rows follow a header naming
				   other keys, and are left out */
};

/* The key called name, which is in the table. */
static int
key(const char *name)
{
	return dg_stats_key_lookup(name, strlen(name));
}

/* Appends the names of the n keys, sep between them. */
static void
keylist(dg_buf *b, const int *keys, size_t n, char sep)
{
	const char *const *names = dg_stats_key_names();
	size_t i;

	for (i = 0; i < n; i++)
		if ((i > 0 && dg_buf_addc(b, sep) != DG_OK) ||
		    dg_buf_add(b, names[keys[i]], strlen(names[keys[i]])) !=
		    DG_OK)
			dg_nomem();
}

/* -b KEY[,KEY...]: each key once, in any case. */
static void
set_keys(struct run *r, const char *arg)
{
	const char *p = arg, *comma;
	char *word;
	size_t i, n;
	int k;

	r->nkeys = 0;
	for (;;) {
		comma = strchr(p, ',');
		n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		if ((word = strndup(p, n)) == NULL)
			dg_nomem();
		k = dg_word("key", word, dg_stats_key_names());
		free(word);
		for (i = 0; i < r->nkeys; i++)
			if (r->keys[i] == k) {
				dg_warnx("-b %s: key '%s' given twice", arg,
				    dg_stats_key_names()[k]);
				exit(DG_EXIT_TROUBLE);
			}
		r->keys[r->nkeys++] = k;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}

/* The table of the n keys. */
static void
table(struct run *r, const int *keys, size_t n)
{
	if ((r->s = dg_stats_new(keys, n)) == NULL)
		dg_nomem();
}

/* The first of the key fields or columns in r->f with a bad escape. */
static size_t
bad_escape(struct run *r)
{
	dg_str raw;
	size_t i;

	for (i = 0; i + 1 < r->nkeys; i++)
		if (dg_field_raw(r->f[i], &r->scratch, &raw) == DG_EESCAPE)
			break;
	return i;
}

static void
count_file(struct run *r, const char *name)
{
	unsigned need = 1u << DG_F_TITLE | 1u << DG_F_URL |
	    1u << DG_F_FILE | 1u << DG_F_SECTION;
	dg_tsvin *t;
	size_t i;
	int fd, st;

	for (i = 0; i < r->nkeys; i++) {
		r->kf[i] = dg_stats_key_field(r->keys[i]);
		need |= 1u << r->kf[i];
	}
	if ((fd = dg_open(name)) < 0) {
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if ((t = dg_tsvin_new_fd(fd, need)) == NULL)
		dg_nomem();
	while (dg_tsvin_record(t, name, &r->status)) {
		for (i = 0; i < r->nkeys; i++)
			r->f[i] = dg_tsvin_field(t, r->kf[i]);
		st = dg_stats_add(r->s, r->f, dg_tsvin_field(t, DG_F_TITLE),
		    dg_tsvin_field(t, DG_F_URL), dg_tsvin_field(t, DG_F_FILE),
		    dg_tsvin_field(t, DG_F_SECTION));
		if (st == DG_EESCAPE) {
			i = bad_escape(r);
			dg_warn_escape(name, dg_tsvin_lineno(t),
			    dg_field_names[r->kf[i]], r->f[i]);
			r->status = DG_EXIT_TROUBLE;
		} else if (st == DG_EOVERFLOW) {
			dg_warnl(name, dg_tsvin_lineno(t), "count overflows 64 bits");
			r->status = DG_EXIT_TROUBLE;
		} else if (st != DG_OK)
			dg_nomem();
	}
	dg_tsvin_free(t);
	dg_close(fd);
}

/*
 * -m sums rows as they are, each key column's bytes as written, since
 * the header naming the keys may come late; the table is made when the
 * number of key columns is known.  refold then folds what folds.
 */
static void
raw_table(struct run *r)
{
	int *keys;
	size_t i;

	if (r->s != NULL)
		return;
	if ((keys = calloc(r->nkeys, sizeof(*keys))) == NULL)
		dg_nomem();
	for (i = 0; i < r->nkeys; i++)
		keys[i] = key("date");
	table(r, keys, r->nkeys);
	free(keys);
}

/* A header line of n keys (r->hkeys) while merging. */
static void
merge_header(struct run *r, const char *name, uint64_t lineno, size_t n)
{
	dg_buf theirs = {0}, ours = {0};

	/* The first names the keys, unless -b did; rows before it can
	 * only have had one key column. */
	if (!r->named && (r->nkeys == 0 || r->nkeys == n)) {
		memcpy(r->keys, r->hkeys, n * sizeof(*r->keys));
		r->nkeys = n;
		r->named = 1;
		r->otherkey = 0;
		raw_table(r);
		return;
	}
	r->otherkey = !r->named || r->nkeys != n ||
	    memcmp(r->keys, r->hkeys, n * sizeof(*r->keys)) != 0;
	if (!r->otherkey)
		return;
	keylist(&theirs, r->hkeys, n, ',');
	if (r->named)
		keylist(&ours, r->keys, r->nkeys, ',');
	else if (dg_buf_add(&ours, "one-key", 7) != DG_OK)
		dg_nomem();
	dg_warnl(name, lineno, "a %.*s table, merging %.*s tables",
	    (int)theirs.len, theirs.p, (int)ours.len, ours.p);
	r->status = DG_EXIT_TROUBLE;
	dg_buf_free(&theirs);
	dg_buf_free(&ours);
}

static const char *const countname[] = { "", "sources", "sections",
    "digests" };

static void
merge_line(struct run *r, const char *name, uint64_t lineno, dg_str line)
{
	uint64_t count[3];
	size_t nf, n;
	int st, bad = 0, h;

	h = dg_stats_header(line.p, line.n, r->hkeys, r->maxkeys, &n);
	if (h == 1)
		merge_header(r, name, lineno, n);
	if (h >= 0 || r->otherkey)
		return;
	if (r->nkeys == 0)
		r->nkeys = 1;
	raw_table(r);
	st = dg_stats_parse_row(line.p, line.n, r->nkeys, r->f, count, &nf,
	    &bad);
	if (st == DG_OK && (st = dg_stats_merge(r->s, r->f, count)) == DG_OK)
		return;
	r->status = DG_EXIT_TROUBLE;
	switch (st) {
	case DG_EFIELDS:
		dg_warnl(name, lineno, "expected %zu fields, got %zu",
		    r->nkeys + 3, nf);
		break;
	case DG_ENUMBER:
		dg_warnl(name, lineno, "%s: not a count", countname[bad]);
		break;
	case DG_ERANGE:
		dg_warnl(name, lineno, "%s: count overflows 64 bits",
		    countname[bad]);
		break;
	case DG_EESCAPE:
		dg_warn_escape(name, lineno, "key", r->f[bad_escape(r)]);
		break;
	case DG_EOVERFLOW:
		dg_warnl(name, lineno, "sum overflows 64 bits");
		break;
	default:
		dg_nomem();
	}
}

/* -m handed a digest or dg TSV, by its first line: said once, with the
 * commands to put first; the file is skipped. */
static int
wrong_stage(const char *name, dg_str line)
{
	if (dg_stage_digest(line.p, line.n))
		dg_warnx("%s: this is a digest, not a dg-stats table; count it "
		    "first: dg-parse %s | dg-stats", dg_filename(name), name);
	else if (dg_stage_tsv(line.p, line.n))
		dg_warnx("%s: this is dg TSV, not a dg-stats table; count it "
		    "first: dg-stats %s", dg_filename(name), name);
	else
		return 0;
	return 1;
}

static void
merge_file(struct run *r, const char *name)
{
	dg_reader *rd;
	dg_str line;
	int fd, st;

	if ((fd = dg_open(name)) < 0) {
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if ((rd = dg_reader_new_fd(fd)) == NULL)
		dg_nomem();
	r->otherkey = 0;
	while ((st = dg_reader_next(rd, &line)) == DG_OK) {
		if (dg_reader_lineno(rd) == 1 && wrong_stage(name, line)) {
			r->status = DG_EXIT_TROUBLE;
			st = DG_EOF;
			break;
		}
		merge_line(r, name, dg_reader_lineno(rd), line);
	}
	if (st == DG_EIO) {
		dg_warn("%s", dg_filename(name));
		r->status = DG_EXIT_TROUBLE;
	} else if (st != DG_EOF)
		dg_nomem();
	dg_reader_free(rd);
	dg_close(fd);
}

static void
do_file(struct run *r, int merge, const char *name)
{
	if (merge)
		merge_file(r, name);
	else
		count_file(r, name);
}

/* Is a key column folded? */
static int
folds(const struct run *r)
{
	size_t i;

	for (i = 0; i < r->nkeys; i++)
		if (dg_stats_key_folds(r->keys[i]))
			return 1;
	return 0;
}

/*
 * Merged rows were summed as they are (raw_table); now that the keys
 * are known, the columns that fold are folded, each group showing the
 * spelling that sorts first.
 */
static void
refold(struct run *r)
{
	dg_stats *raw = r->s;
	dg_stats_row *rows;
	dg_buf key = {0}, shown = {0};
	uint64_t count[3];
	size_t i, j, n, *off;
	int st;

	if (raw == NULL) {
		table(r, r->keys, r->nkeys);
		return;
	}
	if (!folds(r))
		return;
	if ((off = calloc(r->nkeys + 1, sizeof(*off))) == NULL)
		dg_nomem();
	table(r, r->keys, r->nkeys);
	if (dg_stats_rows(raw, 1, &rows, &n) != DG_OK)
		dg_nomem();
	for (i = 0; i < n; i++) {
		key.len = 0;
		for (j = 0; j < r->nkeys; j++) {
			off[j] = key.len;
			if (dg_tsv_escape(&key, rows[i].key[j].p,
			    rows[i].key[j].n) != DG_OK)
				dg_nomem();
		}
		off[j] = key.len;
		for (j = 0; j < r->nkeys; j++) {
			r->f[j].p = key.p != NULL ? key.p + off[j] : "";
			r->f[j].n = off[j + 1] - off[j];
		}
		count[0] = rows[i].sources;
		count[1] = rows[i].sections;
		count[2] = rows[i].digests;
		if ((st = dg_stats_merge(r->s, r->f, count)) ==
		    DG_EOVERFLOW) {
			shown.len = 0;
			keylist(&shown, r->keys, r->nkeys, ',');
			for (j = 0; j < r->nkeys; j++)
				if (dg_buf_add(&shown, j > 0 ? ", " : " ",
				    j > 0 ? 2 : 1) != DG_OK ||
				    dg_buf_add(&shown, r->f[j].p, r->f[j].n) !=
				    DG_OK)
					dg_nomem();
			dg_warnx("sum overflows 64 bits for %.*s",
			    (int)shown.len, shown.p);
			r->status = DG_EXIT_TROUBLE;
		} else if (st != DG_OK)
			dg_nomem();
	}
	free(rows);
	dg_stats_free(raw);
	free(off);
	dg_buf_free(&key);
	dg_buf_free(&shown);
}

static void
print(struct run *r, int merge, int header, int sortkey)
{
	dg_stats_row *rows;
	dg_buf b = {0};
	size_t i, n;

	if (merge && !r->named) {
		r->keys[0] = key("category");
		r->nkeys = 1;
	}
	if (merge)
		refold(r);
	if (header) {
		keylist(&b, r->keys, r->nkeys, '\t');
		if (dg_buf_add(&b, DG_TABLE_COUNTS "\n",
		    sizeof(DG_TABLE_COUNTS "\n") - 1) != DG_OK)
			dg_nomem();
	}
	if (dg_stats_rows(r->s, sortkey, &rows, &n) != DG_OK)
		dg_nomem();
	for (i = 0; i < n; i++) {
		if (dg_stats_format(&b, &rows[i]) != DG_OK)
			dg_nomem();
		if (b.len >= 65536) {
			dg_out(b.p, b.len);
			b.len = 0;
		}
	}
	dg_out(b.p, b.len);
	free(rows);
	dg_buf_free(&b);
}

/* -s: by count or by key, in that order of dg_word's numbers. */
static const char *const sorts[] = { "count", "key", NULL };

int
main(int argc, char *argv[])
{
	struct run r;
	dg_opt o;
	int c, header = 0, merge = 0, sortkey = 0;

	dg_start("dg-stats", "dg TSV or dg-stats tables");
	memset(&r, 0, sizeof(r));
	memset(&o, 0, sizeof(o));
	while (dg_stats_key_names()[r.maxkeys] != NULL)
		r.maxkeys++;
	if ((r.keys = calloc(r.maxkeys, sizeof(*r.keys))) == NULL ||
	    (r.hkeys = calloc(r.maxkeys, sizeof(*r.hkeys))) == NULL ||
	    (r.f = calloc(r.maxkeys, sizeof(*r.f))) == NULL ||
	    (r.kf = calloc(r.maxkeys, sizeof(*r.kf))) == NULL)
		dg_nomem();
	while ((c = dg_opt_next(&o, argc, argv, "b:s:HmhV", longs)) != -1) {
		switch (c) {
		case 'b':
			set_keys(&r, o.arg);
			break;
		case 's':
			sortkey = dg_word("sort", o.arg, sorts);
			break;
		case 'H':
			header = 1;
			break;
		case 'm':
			merge = 1;
			break;
		default:
			dg_stdopt(&o, c, help, USAGE);
		}
	}
	r.named = r.nkeys > 0;
	if (!merge) {
		if (r.nkeys == 0) {
			r.keys[0] = key("category");
			r.nkeys = 1;
		}
		table(&r, r.keys, r.nkeys);
	}
	if (o.ind == argc)
		do_file(&r, merge, "-");
	for (; o.ind < argc; o.ind++)
		do_file(&r, merge, argv[o.ind]);
	print(&r, merge, header, sortkey);
	dg_stats_free(r.s);
	free(r.keys);
	free(r.hkeys);
	free(r.f);
	free(r.kf);
	dg_buf_free(&r.scratch);
	return dg_out_close(r.status);
}
