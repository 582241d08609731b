/* dg-parse - daily digest files to dg TSV, one record per source. */
/* F_SETPIPE_SZ, where the system has it (Linux). */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dg.h"
#include "stage_int.h"
#include "format_int.h"
#include "opener.h"
#include "util.h"
#include "writer.h"

/* Records are gathered and written this many bytes at a time, straight
 * to the descriptor (through stdio they would be copied once more), by
 * a thread of their own (writer.c).  Chunks of 128 KiB kept the two
 * threads waiting on each other: 1.3 times as long into a pipe. */
#define CHUNK (512 * 1024)
/* The pipe asked for when stdout is one: see widen_pipe. */
#define PIPE_SIZE (1024 * 1024)

#define USAGE "[-HSw] [--strict] [FILE...]"

static const char help[] =
    "usage: dg-parse " USAGE "\n"
    "Turn daily digest files into dg TSV, one record per source.\n"
    "\n"
    "  -H, --header      print the header line first\n"
    "  -S, --no-summary  leave the summary field empty\n"
    "  -w, --warn        warn about lines outside any section, and about\n"
    "                    a date that disagrees with the file's name\n"
    "      --strict      make those lines, and files without a section,\n"
    "                    errors\n"
    "  -h, --help        show this help and exit\n"
    "  -V, --version     print the version and exit\n"
    "\n"
    "Options may follow the files.\n"
    "See dg-parse(1).\n";

enum { STRICT = 1000 };

static const dg_longopt longs[] = {
	{"header", 'H', 0},
	{"no-summary", 'S', 0},
	{"warn", 'w', 0},
	{"strict", STRICT, 0},
	{"help", 'h', 0},
	{"version", 'V', 0},
	{NULL, 0, 0}
};

struct run {
	const char *name;	/* the file being parsed */
	int warn;		/* -w */
	int strict;		/* --strict */
	int status;		/* exit status so far */
	int nomem;		/* a callback ran out of memory */
	dg_buf out;		/* records not yet written */
	size_t chunk;		/* written once out holds this much */
	dg_writer *writer;	/* writes the chunks; NULL: write them here */
	dg_tsv_shared shared;	/* the fields of the current section */
	uint64_t sec;		/* which section that is; 0 for none */
	char namedate[DG_DATE_LEN];	/* -w: the date in the file's name */
	int datecheck;		/* -w: it has one, and no warning yet */
};

static void
flush(struct run *r)
{
	if (r->writer != NULL)
		dg_writer_put(r->writer, &r->out);
	else
		dg_out(r->out.p, r->out.len);
	r->out.len = 0;
}

/* Everything is written: the writer's thread has ended. */
static void
finish(struct run *r)
{
	flush(r);
	if (r->writer != NULL)
		dg_writer_free(r->writer);
	r->writer = NULL;
}

static void
written(struct run *r)
{
	if (r->out.len >= r->chunk)
		flush(r);
}

/* What was parsed is still written. */
static _Noreturn void
nomem(struct run *r)
{
	finish(r);
	dg_nomem();
}

/*
 * A bigger pipe when stdout is one, where the system allows: dg-parse
 * writes about twice what it reads, and with Linux's default 64 KiB
 * pipe each write of a chunk blocks halfway until the reader has
 * emptied it, a task switch each time.  The pipe is the reader's too:
 * it then holds up to 1 MiB.  No pipe, or a refusal (over
 * /proc/sys/fs/pipe-max-size or the user's pipe quota), and the size
 * stays as it is.
 */
static void
widen_pipe(void)
{
#ifdef F_SETPIPE_SZ
	struct stat st;

	if (fstat(STDOUT_FILENO, &st) == 0 && S_ISFIFO(st.st_mode) &&
	    fcntl(STDOUT_FILENO, F_GETPIPE_SZ) < PIPE_SIZE)
		(void)fcntl(STDOUT_FILENO, F_SETPIPE_SZ, PIPE_SIZE);
#endif
}

/* Chunks straight to the descriptor, by the writer's thread when one
 * can start; a terminal gets each record as it comes, through stdio's
 * line buffering. */
static void
output(struct run *r)
{
	if (isatty(STDOUT_FILENO))
		return;
	setvbuf(stdout, NULL, _IONBF, 0);
	widen_pipe();
	r->chunk = CHUNK;
	r->writer = dg_writer_new();
}

/* -w: a date in the digest (its title or an image line) that is not the
 * date in its file's name, as where a stale image path was kept; said
 * once a file. */
static void
check_date(struct run *r, const dg_record *rec)
{
	if (rec->date.n != DG_DATE_LEN ||
	    memcmp(rec->date.p, r->namedate, DG_DATE_LEN) == 0)
		return;
	dg_warnx("%s: warning: date %.*s in the digest disagrees with %.*s in "
	    "its name", dg_filename(r->name), (int)rec->date.n, rec->date.p,
	    DG_DATE_LEN, r->namedate);
	r->datecheck = 0;
}

static int
on_record(const dg_record *rec, void *arg)
{
	struct run *r = arg;

	/* A section's records differ in title and URL alone (SPEC §2:
	 * the date and kind are set for the sections after them): escape
	 * the rest, the summary above all, once. */
	if (rec->section != r->sec) {
		if (r->datecheck)
			check_date(r, rec);
		if (dg_tsv_share(&r->shared, rec, NULL) != DG_OK) {
			r->nomem = 1;
			return 1;
		}
		r->sec = rec->section;
	}
	if (dg_tsv_format_shared(&r->out, &r->shared, rec) != DG_OK) {
		r->nomem = 1;
		return 1;
	}
	written(r);
	return 0;
}

static void
on_stray(uint64_t lineno, void *arg)
{
	struct run *r = arg;

	if (r->strict) {
		dg_warnl(r->name, lineno, "line outside any section");
		r->status = DG_EXIT_TROUBLE;
	} else if (r->warn)
		dg_warnl(r->name, lineno, "warning: line outside any section");
}

/* Parses what rd reads of file name. */
static void
parse(dg_parser *p, struct run *r, const char *name, dg_reader *rd)
{
	dg_str line;
	int st, readerr;

	r->name = name;
	r->sec = 0;
	r->datecheck = r->warn && dg_name_date(name, strlen(name), r->namedate);
	st = dg_parser_begin(p, name, strlen(name));
	if (st == DG_OK && (st = dg_reader_next(rd, &line)) == DG_OK &&
	    dg_stage_tsv(line.p, line.n)) {
		dg_warnx("%s: this is dg TSV, already parsed; use it as it is: "
		    "dg-cat ... %s", dg_filename(name), name);
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if (st == DG_OK)
		st = dg_parser_line(p, line.p, line.n);
	while (st == DG_OK && (st = dg_reader_next(rd, &line)) == DG_OK)
		st = dg_parser_line(p, line.p, line.n);
	if ((readerr = st == DG_EIO)) {
		dg_warn("%s", dg_filename(name));
		r->status = DG_EXIT_TROUBLE;
	}
	/* After a read error, what was read still counts. */
	if (st == DG_EOF || st == DG_EIO)
		st = dg_parser_end(p);
	if (st == DG_ENOMEM || r->nomem)
		nomem(r);
	/* The count of held-back warnings before the verdict on the file. */
	dg_warn_flush();
	if (!readerr && dg_parser_sections(p) == 0) {
		if (r->strict) {
			dg_warnx("%s: no section found", dg_filename(name));
			r->status = DG_EXIT_TROUBLE;
		} else
			dg_warnx("%s: warning: no section found",
			    dg_filename(name));
	}
}

/*
 * The usual open of operand name, when the opener (*o, if not NULL) left
 * it.  Should descriptors run out (a small ulimit -n) while the opener
 * holds some ahead, the opener ends, closing those, and name is tried
 * again: the files after it are opened each in its turn, as without
 * the opener, and none fails for the opening ahead.
 */
static int
open_file(dg_opener **o, const char *name)
{
	int fd;

	if (*o == NULL || strcmp(name, "-") == 0)
		return dg_open(name);
	if ((fd = open(name, O_RDONLY)) < 0 &&
	    (errno == EMFILE || errno == ENFILE)) {
		dg_opener_free(*o);
		*o = NULL;
		return dg_open(name);
	}
	if (fd < 0)
		dg_warn("%s", name);
	return fd;
}

/* Parses file name, opened ahead by *o or else in its turn. */
static void
parse_file(dg_parser *p, struct run *r, const char *name, dg_opener **o)
{
	dg_reader *rd;
	int fd = *o != NULL ? dg_opener_next(*o) : -1;

	if (fd < 0 && (fd = open_file(o, name)) < 0) {
		r->status = DG_EXIT_TROUBLE;
		return;
	}
	if ((rd = dg_reader_new_fd(fd)) == NULL)
		nomem(r);
	parse(p, r, name, rd);
	dg_reader_free(rd);
	dg_close(fd);
}

/*
 * Are descriptors 0, 1 and 2 open?  The next open takes a closed one's
 * number: a file opened ahead would be read as "-" in place of the
 * closed stdin, where the usual open would come after that read.
 */
static int
std_fds_open(void)
{
	int fd;

	for (fd = 0; fd <= STDERR_FILENO; fd++)
		if (fcntl(fd, F_GETFD) < 0)
			return 0;
	return 1;
}

/* The operands in order, the next few opened ahead where there are
 * several. */
static void
parse_all(dg_parser *p, struct run *r, char *const *names, size_t n)
{
	dg_opener *o = n > 1 && std_fds_open() ? dg_opener_new(names, n) :
	    NULL;
	size_t i;

	for (i = 0; i < n; i++)
		parse_file(p, r, names[i], &o);
	if (o != NULL)
		dg_opener_free(o);
}

int
main(int argc, char *argv[])
{
	static const char header[] = DG_TSV_HEADER "\n";
	struct run r;
	dg_parser *p;
	dg_opener *none = NULL;
	dg_opt o;
	int c, header_first = 0, flags = 0;

	dg_start("dg-parse", "digests");
	memset(&r, 0, sizeof(r));
	memset(&o, 0, sizeof(o));
	while ((c = dg_opt_next(&o, argc, argv, "HSwhV", longs)) != -1) {
		switch (c) {
		case 'H':
			header_first = 1;
			break;
		case 'S':
			flags |= DG_PARSE_NO_SUMMARY;
			break;
		case 'w':
			r.warn = 1;
			break;
		case STRICT:
			r.strict = 1;
			break;
		default:
			dg_stdopt(&o, c, help, USAGE);
		}
	}
	if ((p = dg_parser_new(flags, on_record, on_stray, &r)) == NULL)
		dg_nomem();
	output(&r);
	if (header_first && dg_buf_add(&r.out, header, sizeof(header) - 1) !=
	    DG_OK)
		dg_nomem();
	written(&r);
	if (o.ind == argc)
		parse_file(p, &r, "-", &none);
	parse_all(p, &r, argv + o.ind, (size_t)(argc - o.ind));
	finish(&r);
	dg_parser_free(p);
	dg_buf_free(&r.out);
	dg_tsv_shared_free(&r.shared);
	return dg_out_close(r.status);
}
