/* dg-links - the sources of dg TSV records: URLs, arXiv ids, lists. */
#include <stdlib.h>
#include <string.h>

#include "dg.h"
#include "arxiv_int.h"
#include "ascii_int.h"
#include "field_int.h"
#include "hash_int.h"
#include "ident_int.h"
#include "linkfmt.h"
#include "util.h"

#define USAGE "[-Hau] [-f url|tsv|md|json] [FILE...]"

static const char help[] =
    "usage: dg-links " USAGE "\n"
    "Print the sources of dg TSV records, one per line.\n"
    "\n"
    "  -f url         the URL (the default)\n"
    "  -f tsv         title TAB url, TSV-escaped\n"
    "  -f md          a markdown list: - [Title](URL)\n"
    "  -f json        one JSON object per line: date, kind, category,\n"
    "                 title, url\n"
    "  -a             arXiv identifiers instead of URLs (2410.13754v1)\n"
    "  -u             drop repeats: each source once, by its identity\n"
    "                 (an arXiv paper whatever its version, http = https,\n"
    "                 no www., #fragment or trailing /; see dg-links(1))\n"
    "  -H             print a header line first (url and tsv formats)\n"
    "  -h, --help     show this help and exit\n"
    "  -V, --version  print the version and exit\n"
    "\n"
    "See dg-links(1).\n";

struct run;

/*
 * An output format: one row of this table is all there is to a format.
 * line() builds the line of a source in r->out (without its LF) from
 * r->raw, the fields unescaped, t, the record as read, and id, the
 * arXiv identifier under -a.
 */
struct format {
	const char *name;	/* -f NAME, matched in any case */
	const char *header[2];	/* -H line, without and with -a; or NULL */
	unsigned needs;		/* the fields it reads: 1u << DG_F_x */
	int (*line)(struct run *r, const dg_tsvin *t, dg_str id);
};

struct run {
	const struct format *fmt;	/* -f */
	int arxiv;		/* -a */
	dg_hash *seen;		/* -u: identities printed so far; else NULL */
	dg_buf key;		/* -u: the identity of the current source */
	int printed;		/* a source was printed */
	int status;		/* trouble so far */
	dg_buf scratch[DG_NFIELDS];	/* unescaped fields */
	dg_str raw[DG_NFIELDS];	/* the needed fields, unescaped */
	dg_buf out;		/* the line being written */
};

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

/* Is the source at url new?  Always, without -u.  Only sources with a
 * URL come here, so the title plays no part in their identity. */
static int
first_time(struct run *r, dg_str url)
{
	dg_str notitle = { NULL, 0 };
	enum dg_ident kind;
	int created;

	if (r->seen == NULL)
		return 1;
	r->key.len = 0;
	if (dg_ident(&r->key, url, notitle, &kind) != DG_OK ||
	    dg_hash_put(r->seen, r->key.p, r->key.len, &created) == NULL)
		dg_nomem();
	return created;
}

static void
json_field(dg_buf *b, const char *name, dg_str s)
{
	if (dg_buf_add(b, name, strlen(name)) != DG_OK ||
	    dg_json_str(b, s.p, s.n) != DG_OK)
		dg_nomem();
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
	json_field(b, "{\"date\":", r->raw[DG_F_DATE]);
	json_field(b, ",\"kind\":", r->raw[DG_F_KIND]);
	json_field(b, ",\"category\":", r->raw[DG_F_CATEGORY]);
	json_field(b, ",\"title\":", r->raw[DG_F_TITLE]);
	json_field(b, ",\"url\":", r->raw[DG_F_URL]);
	if (r->arxiv)
		json_field(b, ",\"arxiv\":", id);
	return dg_buf_addc(b, '}');
}

#define F(x) (1u << DG_F_##x)

static const struct format formats[] = {
	{ "url", { "url\n", "arxiv\n" }, F(URL), url_line },
	{ "tsv", { "title\turl\n", "title\tarxiv\n" }, F(TITLE) | F(URL),
	    tsv_line },
	{ "md", { NULL, NULL }, F(TITLE) | F(URL), md_line },
	{ "json", { NULL, NULL },
	    F(DATE) | F(KIND) | F(CATEGORY) | F(TITLE) | F(URL), json_line }
};

#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

/* The format called name, in any case; a usage error listing the
 * formats when there is none. */
static const struct format *
format_named(const char *name)
{
	dg_buf list = {0};
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (dg_ascii_ieq(name, strlen(name), formats[i].name))
			return &formats[i];
	for (i = 0; i < NFORMATS; i++)
		if ((i > 0 && dg_buf_add(&list, ", ", 2) != DG_OK) ||
		    dg_buf_add(&list, formats[i].name,
		    strlen(formats[i].name)) != DG_OK)
			dg_nomem();
	dg_warnx("unknown format '%s'; formats: %.*s", name, (int)list.len,
	    list.p);
	dg_usage(USAGE);
}

static void
links_file(struct run *r, const char *name)
{
	dg_tsvin *t;
	dg_str id = { NULL, 0 };
	int fd, st;

	if ((fd = dg_open(name)) < 0) {
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if ((t = dg_tsvin_new_fd(fd, r->fmt->needs)) == NULL)
		dg_nomem();
	while ((st = dg_tsvin_next(t)) != DG_EOF) {
		if (st != DG_OK) {
			r->status = DG_EXIT_TROUBLE;
			if (dg_tsvin_trouble(t, name, st))
				continue;
			break;
		}
		if (dg_tsvin_field(t, DG_F_URL).n == 0)
			continue;
		if (unescape(r, t, name) < 0) {
			r->status = DG_EXIT_TROUBLE;
			continue;
		}
		if (r->arxiv && !dg_arxiv_id(r->raw[DG_F_URL].p,
		    r->raw[DG_F_URL].n, &id))
			continue;
		if (!first_time(r, r->raw[DG_F_URL]))
			continue;
		r->out.len = 0;
		if (r->fmt->line(r, t, id) != DG_OK ||
		    dg_buf_addc(&r->out, '\n') != DG_OK)
			dg_nomem();
		dg_out(r->out.p, r->out.len);
		r->printed = 1;
	}
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
	int c, header = 0, unique = 0;

	dg_setprogname("dg-links");
	dg_out_init();
	memset(&r, 0, sizeof(r));
	memset(&o, 0, sizeof(o));
	r.fmt = &formats[0];
	while ((c = dg_opt_next(&o, argc, argv, "af:HuhV",
	    dg_std_longopts)) != -1) {
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
		case 'u':
			unique = 1;
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
	if (unique && (r.seen = dg_hash_new(0)) == NULL)
		dg_nomem();
	if (header && (h = r.fmt->header[r.arxiv]) != NULL)
		dg_out(h, strlen(h));
	if (o.ind == argc)
		links_file(&r, "-");
	for (; o.ind < argc; o.ind++)
		links_file(&r, argv[o.ind]);
	dg_hash_free(r.seen);
	for (i = 0; i < DG_NFIELDS; i++)
		dg_buf_free(&r.scratch[i]);
	dg_buf_free(&r.out);
	dg_buf_free(&r.key);
	if (r.status != 0)
		return dg_out_close(r.status);
	return dg_out_close(r.printed ? DG_EXIT_OK : DG_EXIT_NONE);
}
