/* dg-links - the sources of dg TSV records: URLs, arXiv ids, lists, an
 * Atom feed, a web page. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dg.h"
#include "arxiv_int.h"
#include "atom.h"
#include "doc.h"
#include "field_int.h"
#include "hash_int.h"
#include "html.h"
#include "ident_int.h"
#include "unique_int.h"
#include "linkfmt.h"
#include "util.h"

#define USAGE "[-Hau] [-f url|tsv|md|json|atom|html] [-t title] " \
    "[--self url] [FILE...]"

static const char help[] =
    "usage: dg-links " USAGE "\n"
    "Print the sources of dg TSV records, one per line, or as one feed\n"
    "or page.\n"
    "\n"
    "  -f, --format=FORMAT  the output format, one of:\n"
    "         url           the URL (the default)\n"
    "         tsv           title TAB url, TSV-escaped\n"
    "         md            a markdown list: - [Title](URL)\n"
    "         json          one JSON object per line: date, kind, category,\n"
    "                       title, url\n"
    "         atom          one Atom feed, an entry per source\n"
    "         html          one web page: sources by date and category,\n"
    "                       with the summaries\n"
    "  -t, --title=TITLE    the title of the feed or page (atom, html)\n"
    "      --self=URL       where the feed is published: its self link\n"
    "                       (atom)\n"
    "  -a, --arxiv          arXiv identifiers instead of URLs (2410.13754v1)\n"
    "  -u, --unique         drop repeats: each source once, by its identity\n"
    "                       (an arXiv paper whatever its version, http =\n"
    "                       https, no www., #fragment or trailing /; see\n"
    "                       dg-links(1))\n"
    "  -H, --header         print a header line first (url and tsv formats)\n"
    "  -h, --help           show this help and exit\n"
    "  -V, --version        print the version and exit\n"
    "\n"
    "See dg-links(1).\n";

struct run;

enum { SELF = 1000 };

static const dg_longopt longs[] = {
	{"arxiv", 'a', 0},
	{"format", 'f', 1},
	{"header", 'H', 0},
	{"self", SELF, 1},
	{"title", 't', 1},
	{"unique", 'u', 0},
	{"help", 'h', 0},
	{"version", 'V', 0},
	{NULL, 0, 0}
};

/* Options only some formats take. */
enum {
	TAKES_TITLE = 1,	/* -t */
	TAKES_SELF = 2		/* --self */
};

/*
 * An output format: one row of this table is all there is to a format.
 * A format writes a line per source, or one document of all of them:
 * line() builds the line of a source in r->out (without its LF) from
 * r->raw, the fields unescaped, t, the record as read, and id, the
 * arXiv identifier under -a; doc() writes the document of the sources
 * kept, flushing as it goes.
 */
struct format {
	const char *name;	/* -f NAME, matched in any case */
	const char *header[2];	/* -H line, without and with -a; or NULL */
	unsigned needs;		/* the fields it reads: 1u << DG_F_x */
	int (*line)(struct run *r, const dg_tsvin *t, dg_str id);
	int (*doc)(dg_buf *b, const dg_doc *d, const dg_docopt *o,
	    dg_flush_fn *flush);
	unsigned takes;		/* TAKES_x */
};

struct run {
	const struct format *fmt;	/* -f */
	int arxiv;		/* -a */
	dg_hash *seen;		/* -u: identities printed so far; else NULL */
	dg_buf key;		/* the identity of the current source, with -u
				   or for a document */
	dg_doc *doc;		/* the sources kept for a document, or NULL */
	dg_docopt docopt;	/* what the document is asked for */
	int printed;		/* a source was printed, or kept for a
				   document */
	int status;		/* trouble so far */
	dg_buf scratch[DG_NFIELDS];	/* unescaped fields */
	dg_str raw[DG_NFIELDS];	/* the needed fields, unescaped */
	dg_buf out;		/* the line being written; with -u, the
				   lines of the batch */
	dg_buf notes;		/* -u: the batch's notes (unique_int.h) */
	size_t batched;		/* -u: the lines in the batch */
	size_t batch_lines;	/* -u: and the most it holds */
};

/* -u gathers this many lines (or BATCH_BYTES) before it looks their
 * sources up, a few slots ahead: dg-links -u took 1.5 times as long as
 * dg-links, much of it waiting on the slot of each key in turn.  A
 * terminal gets each line as it comes. */
#define BATCH_LINES 64
#define BATCH_BYTES (64 * 1024)

/* Unescapes the needed fields into r->raw; -1 on a bad escape
 * (reported). */
static int
unescape(struct run *r, const dg_tsvin *t, const char *name)
{
	enum dg_field id;
	dg_str f;
	int st;

	for (id = 0; id < DG_NFIELDS; id++) {
		if (!(r->fmt->needs & 1u << id))
			continue;
		f = dg_tsvin_field(t, id);
		st = dg_field_raw(f, &r->scratch[id], &r->raw[id]);
		if (st == DG_ENOMEM)
			dg_nomem();
		if (st != DG_OK) {
			dg_warn_escape(name, dg_tsvin_lineno(t), dg_field_names[id], f);
			return -1;
		}
	}
	return 0;
}

/* Puts the current source's identity into r->key.  Only sources with
 * a URL come here, so the title plays no part in it. */
static int
url_key(struct run *r)
{
	dg_str notitle = { NULL, 0 };
	enum dg_ident kind;

	r->key.len = 0;
	return dg_ident(&r->key, r->raw[DG_F_URL], notitle, &kind);
}

/* Is the current source new?  Always, without -u.  Its identity goes
 * to r->key when -u or a document needs it. */
static int
first_time(struct run *r)
{
	int created;

	if (r->seen == NULL && r->doc == NULL)
		return 1;
	if (url_key(r) != DG_OK)
		dg_nomem();
	if (r->seen == NULL)
		return 1;
	if (dg_hash_put(r->seen, r->key.p, r->key.len, &created) == NULL)
		dg_nomem();
	return created;
}

static int
json_field(dg_buf *b, const char *name, dg_str s)
{
	if (dg_buf_add(b, name, strlen(name)) != DG_OK)
		return DG_ENOMEM;
	return dg_json_str(b, s.p, s.n);
}

static int
url_line(struct run *r, const dg_tsvin *t, dg_str id)
{
	dg_str url = r->raw[DG_F_URL];

	(void)t;
	if (r->arxiv)
		return dg_buf_add(&r->out, id.p, id.n);
	return dg_url_line(&r->out, url.p, url.n);
}

/* Title TAB URL, still escaped: the fields as they came. */
static int
tsv_line(struct run *r, const dg_tsvin *t, dg_str id)
{
	dg_str f = dg_tsvin_field(t, DG_F_TITLE);

	if (dg_buf_add(&r->out, f.p, f.n) != DG_OK ||
	    dg_buf_addc(&r->out, '\t') != DG_OK)
		return DG_ENOMEM;
	if (!r->arxiv)
		id = dg_tsvin_field(t, DG_F_URL);
	return dg_buf_add(&r->out, id.p, id.n);
}

static int
md_line(struct run *r, const dg_tsvin *t, dg_str id)
{
	static const char abs[] = "https://arxiv.org/abs/";
	dg_buf *b = &r->out;
	dg_str url = r->raw[DG_F_URL], title = r->raw[DG_F_TITLE];

	(void)t;
	if (title.n == 0)
		title = r->arxiv ? id : url;
	if (dg_buf_add(b, "- [", 3) != DG_OK ||
	    dg_md_text(b, title.p, title.n) != DG_OK ||
	    dg_buf_add(b, "](", 2) != DG_OK)
		return DG_ENOMEM;
	if (r->arxiv && (dg_buf_add(b, abs, sizeof(abs) - 1) != DG_OK ||
	    dg_buf_add(b, id.p, id.n) != DG_OK))
		return DG_ENOMEM;
	if (!r->arxiv && dg_md_url(b, url.p, url.n) != DG_OK)
		return DG_ENOMEM;
	return dg_buf_addc(b, ')');
}

static int
json_line(struct run *r, const dg_tsvin *t, dg_str id)
{
	dg_buf *b = &r->out;

	(void)t;
	if (json_field(b, "{\"date\":", r->raw[DG_F_DATE]) != DG_OK ||
	    json_field(b, ",\"kind\":", r->raw[DG_F_KIND]) != DG_OK ||
	    json_field(b, ",\"category\":", r->raw[DG_F_CATEGORY]) != DG_OK ||
	    json_field(b, ",\"title\":", r->raw[DG_F_TITLE]) != DG_OK ||
	    json_field(b, ",\"url\":", r->raw[DG_F_URL]) != DG_OK ||
	    (r->arxiv && json_field(b, ",\"arxiv\":", id) != DG_OK))
		return DG_ENOMEM;
	return dg_buf_addc(b, '}');
}

#define F(x) (1u << DG_F_##x)
#define DOCFIELDS (F(DATE) | F(KIND) | F(CATEGORY) | F(TITLE) | F(URL) | \
    F(SECTION) | F(SUMMARY))

static const struct format formats[] = {
	{ "url", { "url\n", "arxiv\n" }, F(URL), url_line, NULL, 0 },
	{ "tsv", { "title\turl\n", "title\tarxiv\n" }, F(TITLE) | F(URL),
	    tsv_line, NULL, 0 },
	{ "md", { NULL, NULL }, F(TITLE) | F(URL), md_line, NULL, 0 },
	{ "json", { NULL, NULL },
	    F(DATE) | F(KIND) | F(CATEGORY) | F(TITLE) | F(URL), json_line,
	    NULL, 0 },
	{ "atom", { NULL, NULL }, DOCFIELDS, NULL, dg_atom_write,
	    TAKES_TITLE | TAKES_SELF },
	{ "html", { NULL, NULL }, DOCFIELDS, NULL, dg_html_write,
	    TAKES_TITLE }
};

#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

/* Appends the names of the formats that take option flag: "a, b or
 * c". */
static void
format_names(dg_buf *b, unsigned flag)
{
	size_t i, n = 0, k = 0;
	const char *sep;

	for (i = 0; i < NFORMATS; i++)
		n += (formats[i].takes & flag) != 0;
	for (i = 0; i < NFORMATS; i++) {
		if (!(formats[i].takes & flag))
			continue;
		sep = k == 0 ? "" : k + 1 == n ? " or " : ", ";
		if (dg_buf_add(b, sep, strlen(sep)) != DG_OK ||
		    dg_buf_add(b, formats[i].name,
		    strlen(formats[i].name)) != DG_OK)
			dg_nomem();
		k++;
	}
}

/* The format called name, in any case; an unknown one lists the
 * formats, as every word value does (dg_word). */
static const struct format *
format_named(const char *name)
{
	const char *names[NFORMATS + 1];
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		names[i] = formats[i].name;
	names[NFORMATS] = NULL;
	return &formats[dg_word("format", name, names)];
}

/* A usage error unless format f takes the option given. */
static void
check_takes(const struct format *f, unsigned flag, const char *option)
{
	dg_buf list = {0};

	if (f->takes & flag)
		return;
	format_names(&list, flag);
	dg_warnx("%s needs -f %.*s", option, (int)list.len, list.p);
	dg_usage(USAGE);
}

/* The source, raw, as a document keeps it. */
static void
keep(struct run *r, dg_str id)
{
	dg_src s;

	s.date = r->raw[DG_F_DATE];
	s.kind = r->raw[DG_F_KIND];
	s.category = r->raw[DG_F_CATEGORY];
	s.title = r->raw[DG_F_TITLE];
	s.url = r->raw[DG_F_URL];
	s.section = r->raw[DG_F_SECTION];
	s.summary = r->raw[DG_F_SUMMARY];
	s.arxiv = id;
	s.key.p = r->key.p;
	s.key.n = r->key.len;
	if (dg_doc_add(r->doc, &s) != DG_OK)
		dg_nomem();
}

static void
flush(dg_buf *b)
{
	dg_out(b->p, b->len);
	b->len = 0;
}

static void
put_lines(void *arg, const char *p, size_t n)
{
	(void)arg;
	dg_out(p, n);
}

/* -u: writes the lines of the batch that are the first of their
 * source. */
static void
flush_batch(struct run *r)
{
	int kept;

	if (r->batched == 0)
		return;
	if ((kept = dg_unique_block(r->seen, r->out.p, &r->notes, put_lines,
	    NULL)) < 0)
		dg_nomem();
	r->printed |= kept;
	r->out.len = 0;
	r->notes.len = 0;
	r->batched = 0;
}

/* -u, a line per source: the source's line goes into the batch, with its
 * identity, to be written or dropped with the batch. */
static void
batch(struct run *r, const dg_tsvin *t, dg_str id)
{
	size_t start = r->out.len;

	if (url_key(r) != DG_OK ||
	    r->fmt->line(r, t, id) != DG_OK ||
	    dg_buf_addc(&r->out, '\n') != DG_OK ||
	    dg_unique_note(&r->notes, r->out.len - start, r->key.p,
	    r->key.len) != DG_OK) {
		/* The batch so far goes out, as its lines would have gone
		 * one at a time. */
		r->out.len = start;
		flush_batch(r);
		dg_nomem();
	}
	if (++r->batched >= r->batch_lines || r->out.len >= BATCH_BYTES)
		flush_batch(r);
}

static void
links_file(struct run *r, const char *name)
{
	dg_tsvin *t;
	dg_str id = { NULL, 0 };
	int fd;

	if ((fd = dg_open(name)) < 0) {
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if ((t = dg_tsvin_new_fd(fd, r->fmt->needs)) == NULL)
		dg_nomem();
	while (dg_tsvin_record(t, name, &r->status)) {
		if (dg_tsvin_field(t, DG_F_URL).n == 0)
			continue;
		if (unescape(r, t, name) < 0) {
			r->status = DG_EXIT_TROUBLE;
			continue;
		}
		if (r->arxiv && !dg_arxiv_id(r->raw[DG_F_URL].p,
		    r->raw[DG_F_URL].n, &id))
			continue;
		if (r->seen != NULL && r->doc == NULL) {
			batch(r, t, id);
			continue;
		}
		if (!first_time(r))
			continue;
		r->printed = 1;
		if (r->doc != NULL) {
			keep(r, id);
			continue;
		}
		r->out.len = 0;
		if (r->fmt->line(r, t, id) != DG_OK ||
		    dg_buf_addc(&r->out, '\n') != DG_OK)
			dg_nomem();
		dg_out(r->out.p, r->out.len);
	}
	flush_batch(r);
	dg_tsvin_free(t);
	dg_close(fd);
}

int
main(int argc, char *argv[])
{
	struct run r;
	dg_opt o;
	const char *h;
	size_t i;
	const char *title_opt = "-t";	/* as typed, for messages */
	int c, header = 0, unique = 0;

	dg_start("dg-links", "dg TSV");
	memset(&r, 0, sizeof(r));
	memset(&o, 0, sizeof(o));
	r.fmt = &formats[0];
	while ((c = dg_opt_next(&o, argc, argv, "af:Ht:uhV", longs)) != -1) {
		switch (c) {
		case 'a':
			r.arxiv = 1;
			break;
		case 'f':
			r.fmt = format_named(o.arg);
			break;
		case 'H':
			header = 1;
			break;
		case 't':
			r.docopt.title.p = o.arg;
			r.docopt.title.n = strlen(o.arg);
			r.docopt.has_title = 1;
			title_opt = o.name != NULL ? "--title" : "-t";
			break;
		case SELF:
			r.docopt.self = o.arg;
			break;
		case 'u':
			unique = 1;
			break;
		default:
			dg_stdopt(&o, c, help, USAGE);
		}
	}
	if (r.docopt.has_title)
		check_takes(r.fmt, TAKES_TITLE, title_opt);
	if (r.docopt.self != NULL)
		check_takes(r.fmt, TAKES_SELF, "--self");
	r.docopt.unique = unique;
	r.docopt.arxiv = r.arxiv;
	if (unique && (r.seen = dg_hash_new(0)) == NULL)
		dg_nomem();
	r.batch_lines = isatty(STDOUT_FILENO) ? 1 : BATCH_LINES;
	if (r.fmt->doc != NULL && (r.doc = dg_doc_new()) == NULL)
		dg_nomem();
	if (header && (h = r.fmt->header[r.arxiv]) != NULL)
		dg_out(h, strlen(h));
	if (o.ind == argc)
		links_file(&r, "-");
	for (; o.ind < argc; o.ind++)
		links_file(&r, argv[o.ind]);
	/* A document is written even when empty (and the status 1). */
	if (r.doc != NULL) {
		r.out.len = 0;
		if (r.fmt->doc(&r.out, r.doc, &r.docopt, flush) != DG_OK)
			dg_nomem();
		flush(&r.out);
		dg_doc_free(r.doc);
	}
	dg_hash_free(r.seen);
	for (i = 0; i < DG_NFIELDS; i++)
		dg_buf_free(&r.scratch[i]);
	dg_buf_free(&r.out);
	dg_buf_free(&r.notes);
	dg_buf_free(&r.key);
	if (r.status != 0)
		return dg_out_close(r.status);
	return dg_out_close(r.printed ? DG_EXIT_OK : DG_EXIT_NONE);
}
