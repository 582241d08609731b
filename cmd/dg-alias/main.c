/* dg-alias - rename the categories of dg TSV through a MAP; suggest one. */
#include <stdlib.h>
#include <string.h>

#include "dg.h"
#include "field_int.h"
#include "map.h"
#include "suggest.h"
#include "tsvin_int.h"
#include "util.h"

#define USAGE "[-H] -f MAP [FILE...]\n       dg-alias -s [FILE...]"

static const char help[] =
    "usage: dg-alias " USAGE "\n"
    "Rename the categories of dg TSV records through a MAP of aliases, or\n"
    "suggest a MAP for the spellings of a stream.\n"
    "\n"
    "  -f, --map=MAP   rename each category through MAP, lines PATTERN TAB\n"
    "                  CATEGORY: the first line whose pattern matches wins\n"
    "                  (repeat -f to read more MAP files, in order)\n"
    "  -s, --suggest   print a suggested MAP: each group of spellings that\n"
    "                  differ only in case, blanks, punctuation, a plural\n"
    "                  or an abbreviation, mapped to its most frequent\n"
    "                  spelling\n"
    "  -H, --header    print a header line first (with -f)\n"
    "  -h, --help      show this help and exit\n"
    "  -V, --version   print the version and exit\n"
    "\n"
    "Patterns match the whole category, as in dg-cat: ASCII case folded,\n"
    "blanks normalised.  Suggest, edit, use:\n"
    "  dg-alias -s archive.tsv > aliases.tsv\n"
    "  dg-alias -f aliases.tsv archive.tsv | dg-stats\n"
    "\n"
    "See dg-alias(1).\n";

static const dg_longopt longs[] = {
	{"header", 'H', 0},
	{"map", 'f', 1},
	{"suggest", 's', 0},
	{"help", 'h', 0},
	{"version", 'V', 0},
	{NULL, 0, 0}
};

/* The standard header line, without LF. */
static const char std[] = DG_TSV_HEADER;

/* Bad lines reported per MAP file; the rest are counted. */
#define MAXBAD 5

struct run {
	dg_map *map;		/* -f */
	dg_suggest *sug;	/* -s */
	int header;		/* -H */
	int written;		/* a line went to stdout */
	int status;		/* exit status so far */
	dg_buf scratch;		/* a category unescaped (-s) */
};

/* Reads one MAP file into r->map; returns 0 when it is bad. */
static int
load_map(struct run *r, const char *name)
{
	enum dg_map_status ms;
	dg_reader *rd;
	dg_str line;
	uint64_t bad = 0;
	int fd, st;

	if ((fd = dg_open(name)) < 0)
		return 0;
	if ((rd = dg_reader_new_fd(fd)) == NULL)
		dg_nomem();
	while ((st = dg_reader_next(rd, &line)) == DG_OK) {
		ms = dg_map_line(r->map, line.p, line.n);
		if (ms == DG_MAP_NOMEM)
			dg_nomem();
		if (ms != DG_MAP_RULE && ms != DG_MAP_SKIP && ++bad <= MAXBAD)
			dg_warnl(name, dg_reader_lineno(rd), "%s",
			    dg_map_messages[ms]);
	}
	if (bad > MAXBAD)
		dg_warnx("%s: %ju more bad line%s", dg_filename(name),
		    (uintmax_t)(bad - MAXBAD), bad - MAXBAD > 1 ? "s" : "");
	if (st == DG_EIO) {
		dg_warn("%s", dg_filename(name));
		bad++;
	} else if (st != DG_EOF)
		dg_nomem();
	dg_reader_free(rd);
	dg_close(fd);
	return bad == 0;
}

/* Before the first line out: the header, with -H, unless the line is
 * one. */
static void
begin(struct run *r, int isheader)
{
	if (r->written)
		return;
	if (r->header && !isheader) {
		dg_out(std, sizeof(std) - 1);
		dg_outc('\n');
	}
	r->written = 1;
}

/* Writes line with its category field f replaced by to (NULL: kept). */
static void
put(struct run *r, dg_str line, dg_str f, const dg_str *to)
{
	begin(r, 0);
	if (to == NULL)
		dg_out(line.p, line.n);
	else {
		dg_out(line.p, (size_t)(f.p - line.p));
		dg_out(to->p, to->n);
		dg_out(f.p + f.n, (size_t)(line.p + line.n - (f.p + f.n)));
	}
	dg_outc('\n');
}

/* -f: copies the line, its category renamed (a header as it is). */
static void
rename_record(struct run *r, const dg_tsvin *t, const char *name)
{
	dg_str line = dg_tsvin_line(t), f;
	const dg_str *to;
	int st;

	if (dg_tsvin_isheader(t)) {
		begin(r, 1);
		dg_out(line.p, line.n);
		dg_outc('\n');
		return;
	}
	f = dg_tsvin_field(t, DG_F_CATEGORY);
	if ((st = dg_map_apply(r->map, f, &to)) == DG_EESCAPE) {
		dg_warn_escape(name, dg_tsvin_lineno(t), "category", f);
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if (st != DG_OK)
		dg_nomem();
	put(r, line, f, to);
}

/* -s: counts the record's category. */
static void
count_record(struct run *r, const dg_tsvin *t, const char *name)
{
	dg_str f = dg_tsvin_field(t, DG_F_CATEGORY), raw;
	int st;

	if ((st = dg_field_raw(f, &r->scratch, &raw)) == DG_EESCAPE) {
		dg_warn_escape(name, dg_tsvin_lineno(t), "category", f);
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if (st != DG_OK || dg_suggest_add(r->sug, raw.p, raw.n) != DG_OK)
		dg_nomem();
}

static void
do_file(struct run *r, const char *name)
{
	dg_tsvin *t;
	int fd;

	if ((fd = dg_open(name)) < 0) {
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if ((t = dg_tsvin_new_fd(fd, 1u << DG_F_CATEGORY)) == NULL)
		dg_nomem();
	if (r->map != NULL)
		dg_tsvin_stop_at_headers(t);
	while (dg_tsvin_record(t, name, &r->status)) {
		if (r->map != NULL)
			rename_record(r, t, name);
		else
			count_record(r, t, name);
	}
	dg_tsvin_free(t);
	dg_close(fd);
}

/* -s: the groups, as MAP text, a blank line between two. */
static void
suggest(struct run *r)
{
	static const char intro[] =
	    "# Suggested by dg-alias -s.  Lines PATTERN TAB CATEGORY: the "
	    "first\n# whose pattern matches a category renames it; see "
	    "dg-alias(1).\n";
	const dg_suggest_group *g;
	dg_buf b = {0};
	size_t i, n;

	if (dg_suggest_groups(r->sug, &g, &n) != DG_OK)
		dg_nomem();
	if (n > 0)
		dg_out(intro, sizeof(intro) - 1);
	for (i = 0; i < n; i++) {
		b.len = 0;
		if (dg_buf_addc(&b, '\n') != DG_OK ||
		    dg_suggest_format(&b, &g[i]) != DG_OK)
			dg_nomem();
		dg_out(b.p, b.len);
	}
	dg_buf_free(&b);
}

/* Does an operand, or their absence, mean standard input? */
static int
reads_stdin(int argc, char *argv[], int ind)
{
	if (ind == argc)
		return 1;
	for (; ind < argc; ind++)
		if (strcmp(argv[ind], "-") == 0)
			return 1;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct run r;
	dg_opt o;
	const char **maps;
	size_t nmaps = 0, i;
	int c, sflag = 0, ok = 1;

	dg_start("dg-alias", "dg TSV");
	memset(&r, 0, sizeof(r));
	memset(&o, 0, sizeof(o));
	/* Never more MAP files than arguments. */
	if ((maps = calloc((size_t)argc, sizeof(*maps))) == NULL)
		dg_nomem();
	while ((c = dg_opt_next(&o, argc, argv, "f:sHhV", longs)) != -1) {
		switch (c) {
		case 'f':
			if (o.arg[0] == '\0')
				dg_badarg(&o, c, USAGE, "no MAP file named");
			maps[nmaps++] = o.arg;
			break;
		case 's':
			sflag = 1;
			break;
		case 'H':
			r.header = 1;
			break;
		default:
			dg_stdopt(&o, c, help, USAGE);
		}
	}
	if (nmaps == 0 && !sflag) {
		dg_warnx("no -f MAP or -s given");
		dg_usage(USAGE);
	}
	if (nmaps > 0 && sflag) {
		dg_warnx("-f and -s cannot go together");
		dg_usage(USAGE);
	}
	if (sflag && r.header) {
		dg_warnx("-H goes with -f, not -s");
		dg_usage(USAGE);
	}
	for (i = 0; i < nmaps; i++)
		if (strcmp(maps[i], "-") == 0 &&
		    reads_stdin(argc, argv, o.ind)) {
			dg_warnx("-f -: standard input cannot be both MAP "
			    "and input");
			dg_usage(USAGE);
		}
	if (sflag && (r.sug = dg_suggest_new()) == NULL)
		dg_nomem();
	if (nmaps > 0 && (r.map = dg_map_new()) == NULL)
		dg_nomem();
	/* Every MAP is read, and found good, before any output. */
	for (i = 0; i < nmaps; i++)
		ok &= load_map(&r, maps[i]);
	free(maps);
	if (!ok) {
		dg_map_free(r.map);
		return dg_out_close(DG_EXIT_TROUBLE);
	}
	if (o.ind == argc)
		do_file(&r, "-");
	for (; o.ind < argc; o.ind++)
		do_file(&r, argv[o.ind]);
	if (r.sug != NULL)
		suggest(&r);
	else
		begin(&r, 0);
	dg_map_free(r.map);
	dg_suggest_free(r.sug);
	dg_buf_free(&r.scratch);
	return dg_out_close(r.status);
}
