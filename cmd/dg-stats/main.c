/* dg-stats - count dg TSV records per key; merge such counts. */
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "table_int.h"
#include "util.h"

#define USAGE "[-Hm] [-b KEY] [-s ORDER] [FILE...]"

static const char help[] =
    "usage: dg-stats " USAGE "\n"
    "Count sources, sections and digests per key of dg TSV records.\n"
    "\n"
    "  -b KEY         count per category (default), kind, date, month, year,\n"
    "                 file or domain\n"
    "  -s ORDER       sort by count (most sources first; default) or key\n"
    "  -H             print the header line first\n"
    "  -m             merge dg-stats outputs, summing per key\n"
    "  -h, --help     show this help and exit\n"
    "  -V, --version  print the version and exit\n"
    "\n"
    "See dg-stats(1).\n";

struct run {
	dg_stats *s;		/* the counts */
	int by;			/* the key, or -1 until -b or a header */
	int status;		/* exit status so far */
	int otherkey;		/* -m: the rows follow a header naming
				   another key, and are left out */
};

/* The key called name, which is in the table. */
static int
key(const char *name)
{
	return dg_stats_key_lookup(name, strlen(name));
}

static void
table(struct run *r, int by)
{
	if ((r->s = dg_stats_new(by)) == NULL)
		dg_nomem();
}

static void
count_file(struct run *r, const char *name)
{
	enum dg_field kf = dg_stats_key_field(r->by);
	unsigned need = 1u << kf | 1u << DG_F_TITLE | 1u << DG_F_URL |
	    1u << DG_F_FILE | 1u << DG_F_SECTION;
	dg_str key;
	dg_tsvin *t;
	int fd, st;

	if ((fd = dg_open(name)) < 0) {
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if ((t = dg_tsvin_new_fd(fd, need)) == NULL)
		dg_nomem();
	while ((st = dg_tsvin_next(t)) != DG_EOF) {
		if (st != DG_OK) {
			r->status = DG_EXIT_TROUBLE;
			if (dg_tsvin_trouble(t, name, st))
				continue;
			break;
		}
		key = dg_tsvin_field(t, kf);
		st = dg_stats_add(r->s, key, dg_tsvin_field(t, DG_F_TITLE),
		    dg_tsvin_field(t, DG_F_URL), dg_tsvin_field(t, DG_F_FILE),
		    dg_tsvin_field(t, DG_F_SECTION));
		if (st == DG_EESCAPE) {
			dg_warn_escape(name, dg_tsvin_lineno(t), dg_field_names[kf], key);
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

static const char *const countname[] = { "", "sources", "sections",
    "digests" };

static void
merge_line(struct run *r, const char *name, uint64_t lineno, dg_str line)
{
	const char *const *names = dg_stats_key_names();
	uint64_t count[3];
	dg_str key;
	size_t nf;
	int st, bad = 0, h;

	if ((h = dg_stats_header(line.p, line.n)) >= 0) {
		if (h == -2)
			return;
		if (r->by < 0)
			r->by = h;
		r->otherkey = h != r->by;
		if (r->otherkey) {
			dg_warnl(name, lineno, "%s counts, merging by %s",
			    names[h], names[r->by]);
			r->status = DG_EXIT_TROUBLE;
		}
		return;
	}
	if (r->otherkey)
		return;
	st = dg_stats_parse_row(line.p, line.n, &key, count, &nf, &bad);
	if (st == DG_OK && (st = dg_stats_merge(r->s, key, count)) == DG_OK)
		return;
	r->status = DG_EXIT_TROUBLE;
	switch (st) {
	case DG_EFIELDS:
		dg_warnl(name, lineno, "expected 4 fields, got %zu", nf);
		break;
	case DG_ENUMBER:
		dg_warnl(name, lineno, "%s: not a count", countname[bad]);
		break;
	case DG_ERANGE:
		dg_warnl(name, lineno, "%s: count overflows 64 bits",
		    countname[bad]);
		break;
	case DG_EESCAPE:
		dg_warn_escape(name, lineno, "key", key);
		break;
	case DG_EOVERFLOW:
		dg_warnl(name, lineno, "sum overflows 64 bits");
		break;
	default:
		dg_nomem();
	}
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
	while ((st = dg_reader_next(rd, &line)) == DG_OK)
		merge_line(r, name, dg_reader_lineno(rd), line);
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

/*
 * Merged keys were summed as they are, since a header naming them may
 * come late; now that the key is known, category and kind keys are
 * folded, each group showing the spelling that sorts first.
 */
static void
refold(struct run *r)
{
	dg_stats *folded;
	dg_stats_row *rows;
	dg_buf key = {0};
	uint64_t count[3];
	size_t i, n;
	int st;

	if (!dg_stats_key_folds(r->by))
		return;
	if ((folded = dg_stats_new(r->by)) == NULL)
		dg_nomem();
	if (dg_stats_rows(r->s, 1, &rows, &n) != DG_OK)
		dg_nomem();
	for (i = 0; i < n; i++) {
		key.len = 0;
		if (dg_tsv_escape(&key, rows[i].key.p, rows[i].key.n) != DG_OK)
			dg_nomem();
		count[0] = rows[i].sources;
		count[1] = rows[i].sections;
		count[2] = rows[i].digests;
		if ((st = dg_stats_merge(folded, (dg_str){ key.p, key.len },
		    count)) == DG_EOVERFLOW) {
			dg_warnx("sum overflows 64 bits for %s %.*s",
			    dg_stats_key_names()[r->by], (int)key.len, key.p);
			r->status = DG_EXIT_TROUBLE;
		} else if (st != DG_OK)
			dg_nomem();
	}
	free(rows);
	dg_buf_free(&key);
	dg_stats_free(r->s);
	r->s = folded;
}

static void
print(struct run *r, int merge, int header, int sortkey)
{
	const char *name;
	dg_stats_row *rows;
	dg_buf b = {0};
	size_t i, n;

	if (r->by < 0)
		r->by = key("category");
	name = dg_stats_key_names()[r->by];
	if (merge)
		refold(r);
	if (header && (dg_buf_add(&b, name, strlen(name)) != DG_OK ||
	    dg_buf_add(&b, DG_TABLE_COUNTS "\n",
	    sizeof(DG_TABLE_COUNTS "\n") - 1) != DG_OK))
		dg_nomem();
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

int
main(int argc, char *argv[])
{
	struct run r;
	dg_opt o;
	int c, header = 0, merge = 0, sortkey = 0;

	dg_setprogname("dg-stats");
	dg_setinput("dg TSV or dg-stats tables");
	dg_out_init();
	memset(&r, 0, sizeof(r));
	memset(&o, 0, sizeof(o));
	r.by = -1;
	while ((c = dg_opt_next(&o, argc, argv, "b:s:HmhV",
	    dg_std_longopts)) != -1) {
		switch (c) {
		case 'b':
			if ((r.by = key(o.arg)) < 0) {
				dg_warnx("-b: unknown key: %s", o.arg);
				dg_usage(USAGE);
			}
			break;
		case 's':
			if (strcmp(o.arg, "count") == 0)
				sortkey = 0;
			else if (strcmp(o.arg, "key") == 0)
				sortkey = 1;
			else {
				dg_warnx("-s: unknown order: %s", o.arg);
				dg_usage(USAGE);
			}
			break;
		case 'H':
			header = 1;
			break;
		case 'm':
			merge = 1;
			break;
		case 'h':
			dg_help(help);
			break;
		case 'V':
			dg_version();
			break;
		default:
			dg_badopt(&o, c, USAGE);
		}
	}
	/* Merged keys are summed as they are until the end (refold). */
	if (merge)
		table(&r, key("date"));
	else {
		if (r.by < 0)
			r.by = key("category");
		table(&r, r.by);
	}
	if (o.ind == argc)
		do_file(&r, merge, "-");
	for (; o.ind < argc; o.ind++)
		do_file(&r, merge, argv[o.ind]);
	print(&r, merge, header, sortkey);
	dg_stats_free(r.s);
	return dg_out_close(r.status);
}
