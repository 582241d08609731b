/* diag.c - messages for people: "prog: file:line: message". */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static const char *progname = "dg";

void
dg_setprogname(const char *name)
{
	static char buf[BUFSIZ];

	progname = name;
	/* A message goes out in one write when its line ends: lines from
	 * runs in parallel do not interleave, and -w on a big file makes
	 * one system call per warning, not four. */
	setvbuf(stderr, buf, _IOLBF, sizeof(buf));
}

const char *
dg_getprogname(void)
{
	return progname;
}

/*
 * Flood control: a file that draws the same per-line message again and
 * again (a digest fed to a TSV reader, a wrong column) shows the first
 * FLOOD of each kind, then one count at the end of the file.  A kind is
 * a message's format string.
 */
#define FLOOD 5

struct kind {
	const char *fmt;
	uint64_t n;		/* messages of this kind in the file */
	uint64_t first;		/* the line of the first */
};

static struct {
	const char *file;	/* the file the counts are for */
	struct kind *k;
	size_t nk, cap;
	long last;		/* the kind of the last message printed, or
				   -1 when another message came after it */
} flood = { NULL, NULL, 0, 0, -1 };

static void vwarn(const char *, va_list, int) DG_PRINTF(1, 0);

static void
vwarn(const char *fmt, va_list ap, int err)
{
	flood.last = -1;
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (err)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
}

void
dg_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap, 0);
	va_end(ap);
}

void
dg_warn(const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap, err);
	va_end(ap);
}

/* The kind of fmt in file. */
static struct kind *
kind_of(const char *file, const char *fmt)
{
	struct kind *k;
	size_t i;

	if (flood.file != NULL && strcmp(flood.file, file) != 0)
		dg_warn_flush();
	flood.file = file;
	for (i = 0; i < flood.nk; i++)
		if (flood.k[i].fmt == fmt)
			return &flood.k[i];
	if (flood.nk == flood.cap) {
		flood.cap = flood.cap ? 2 * flood.cap : 8;
		if ((k = realloc(flood.k, flood.cap * sizeof(*k))) == NULL)
			dg_nomem();
		flood.k = k;
	}
	k = &flood.k[flood.nk++];
	memset(k, 0, sizeof(*k));
	k->fmt = fmt;
	return k;
}

void
dg_warnl(const char *file, uint64_t line, const char *fmt, ...)
{
	struct kind *k = kind_of(file, fmt);
	va_list ap;

	if (k->n++ == 0)
		k->first = line;
	if (k->n > FLOOD)
		return;
	fprintf(stderr, "%s: %s:%" PRIu64 ": ", progname, dg_filename(file),
	    line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	flood.last = (long)(k - flood.k);
}

void
dg_warn_flush(void)
{
	const char *name = flood.file ? dg_filename(flood.file) : "";
	struct kind *k;
	size_t i;

	/* "Like this" is for the line just above: the kind of the last
	 * message printed, if it goes first. */
	if (flood.last >= 0 && flood.k[flood.last].n > FLOOD) {
		k = &flood.k[flood.last];
		fprintf(stderr, "%s: %s: %" PRIu64 " more %s like this\n",
		    progname, name, k->n - FLOOD,
		    k->n - FLOOD == 1 ? "line" : "lines");
		k->n = 0;
	}
	for (i = 0; i < flood.nk; i++) {
		k = &flood.k[i];
		if (k->n > FLOOD)
			fprintf(stderr, "%s: %s: %" PRIu64 " more %s like line %"
			    PRIu64 "\n", progname, name, k->n - FLOOD,
			    k->n - FLOOD == 1 ? "line" : "lines", k->first);
	}
	flood.nk = 0;
	flood.file = NULL;
	flood.last = -1;
}

const char *
dg_filename(const char *operand)
{
	return strcmp(operand, "-") == 0 ? "<stdin>" : operand;
}

static const char *input = "its input";

void
dg_setinput(const char *what)
{
	input = what;
}

int
dg_open(const char *operand)
{
	static int hinted;
	int fd;

	if (strcmp(operand, "-") == 0) {
		/* A command left waiting on the terminal looks hung. */
		if (!hinted && isatty(STDIN_FILENO))
			dg_warnx("reading %s from the terminal; see %s -h",
			    input, progname);
		hinted = 1;
		return STDIN_FILENO;
	}
	if ((fd = open(operand, O_RDONLY)) < 0)
		dg_warn("%s", operand);
	return fd;
}

void
dg_close(int fd)
{
	dg_warn_flush();
	if (fd != STDIN_FILENO)
		close(fd);
}

_Noreturn void
dg_nomem(void)
{
	dg_warnx("out of memory");
	exit(DG_EXIT_TROUBLE);
}

void
dg_warn_escape(const char *file, uint64_t line, const char *field, dg_str f)
{
	dg_buf scratch = {0};
	size_t bad = f.n;
	unsigned char c;

	/* Unescaping finds the offset; out of memory, blame the end. */
	dg_tsv_unescape(&scratch, f.p, f.n, &bad);
	dg_buf_free(&scratch);

	if (bad + 1 >= f.n)
		dg_warnl(file, line, "bad escape: \\ at the end of the %s",
		    field);
	else if ((c = (unsigned char)f.p[bad + 1]) > ' ' && c < 0x7f)
		dg_warnl(file, line, "bad escape \\%c in the %s", c, field);
	else
		dg_warnl(file, line,
		    "bad escape: \\ then byte 0x%02x in the %s", c, field);
}

_Noreturn void
dg_usage(const char *usage)
{
	fprintf(stderr, "usage: %s %s\n", progname, usage);
	exit(DG_EXIT_TROUBLE);
}

_Noreturn void
dg_badopt(const dg_opt *o, int c, const char *usage)
{
	if (o->badlong != NULL && o->ambiguous)
		dg_warnx("ambiguous option -- %.*s", o->badlen, o->badlong);
	else if (o->badlong != NULL && c == '=')
		dg_warnx("option takes no argument -- %.*s", o->badlen,
		    o->badlong);
	else if (o->badlong != NULL)
		dg_warnx(c == ':' ? "option requires an argument -- %.*s" :
		    "unknown option -- %.*s", o->badlen, o->badlong);
	else
		dg_warnx(c == ':' ? "option requires an argument -- %c" :
		    "unknown option -- %c", o->bad);
	dg_usage(usage);
}

_Noreturn void
dg_stdopt(const dg_opt *o, int c, const char *help, const char *usage)
{
	if (c == 'h')
		dg_help(help);
	if (c == 'V')
		dg_version();
	dg_badopt(o, c, usage);
}

_Noreturn void
dg_badarg(const dg_opt *o, int c, const char *usage, const char *fmt, ...)
{
	va_list ap;

	flood.last = -1;
	if (o->name != NULL)
		fprintf(stderr, "%s: --%s: ", progname, o->name);
	else
		fprintf(stderr, "%s: -%c: ", progname, c);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	dg_usage(usage);
}

int
dg_tsvin_trouble(const dg_tsvin *t, const char *name, int st)
{
	switch (st) {
	case DG_EFIELDS:
		if (dg_tsvin_digest(t)) {
			dg_warnx("%s: this is a digest, not dg TSV; parse it "
			    "first: dg-parse %s | %s ...", dg_filename(name),
			    name, progname);
			return 0;
		}
		dg_warnl(name, dg_tsvin_lineno(t), "expected %zu fields, got %zu",
		    dg_tsvin_want(t), dg_tsvin_fields(t));
		return 1;
	case DG_EIO:
		dg_warn("%s", dg_filename(name));
		return 0;
	default:
		dg_nomem();
	}
}

int
dg_tsvin_record(dg_tsvin *t, const char *name, int *status)
{
	int st;

	while ((st = dg_tsvin_next(t)) != DG_EOF) {
		if (st == DG_OK)
			return 1;
		*status = DG_EXIT_TROUBLE;
		if (!dg_tsvin_trouble(t, name, st))
			break;
	}
	return 0;
}
