/*
 * util.h - the small runtime the dg commands share, as sbase's libutil:
 * messages for people, option parsing, checked stdout and exit codes.
 * Not part of libdg: this is where the policy lives.
 */
#ifndef DG_UTIL_H
#define DG_UTIL_H

#include <stdint.h>

#include "dg.h"

/* Lets the compiler check printf-style calls of the diagnostics. */
#if defined(__GNUC__)
#define DG_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define DG_PRINTF(fmt, args)
#endif

/* --- options (opt.c) ------------------------------------------------------ */

/* A long option: name without "--", the letter it stands for (a short
 * option letter, or a value above 255 for an option with no short
 * form), and whether it takes an argument. */
typedef struct {
	const char *name;
	int letter;
	int has_arg;
} dg_longopt;

/*
 * Option parsing as GNU tools do it: short options cluster (-uf json),
 * long options come from a table (--format=json, --format json, or an
 * unambiguous prefix: --form), options may follow operands (the
 * operands are moved behind them, in order), "--" ends options, and
 * with POSIXLY_CORRECT set the first operand does too.  Zero-initialise,
 * call dg_opt_next until it returns -1; the operands are then
 * argv[o.ind..argc).
 */
typedef struct {
	int ind;		/* next argv element; 1 to start */
	size_t pos;		/* position inside a short-option cluster */
	const char *arg;	/* the argument of the option just returned */
	const char *name;	/* its long name, when given long */
	int bad;		/* the offending letter, on '?' or ':' */
	const char *badlong;	/* the offending long option, on '?', ':'
				   or '=' */
	int badlen;		/* the length of its name */
	int ambiguous;		/* on '?': badlong is the prefix of several */
	int nops;		/* operands set aside so far */
	int start;		/* where the current option began */
} dg_opt;

/* Returns the next option letter, '?' for an unknown (or ambiguous)
 * option, ':' for a missing argument, '=' for an argument given to a
 * long option that takes none (--strict=yes), or -1 when the options
 * are done.  Reorders argv. */
int dg_opt_next(dg_opt *o, int argc, char *argv[], const char *shorts,
    const dg_longopt *longs);

/*
 * Option values that are words (dg-stats -b month, dg-links -f json)
 * match in any case.  Returns the index of arg in the NULL-ended list
 * words, or reports "unknown WHAT 'arg'; WHATs: a, b, c" and exits 2.
 */
int dg_word(const char *what, const char *arg, const char *const *words);

/* --- messages and files (diag.c) ---------------------------------------- */

/* Exit statuses of every dg command. */
enum dg_exit {
	DG_EXIT_OK = 0,		/* success */
	DG_EXIT_NONE = 1,	/* nothing selected (dg-cat, dg-links) */
	DG_EXIT_TROUBLE = 2	/* usage, unreadable file, bad input, write error */
};

/* The program name used in messages; set once at the top of main, before
 * any output to stderr, which it makes line-buffered: each message goes
 * out in one write. */
void dg_setprogname(const char *name);
const char *dg_getprogname(void);
/* "prog: message\n" on stderr. */
void dg_warnx(const char *fmt, ...) DG_PRINTF(1, 2);
/* "prog: message: strerror(errno)\n" on stderr. */
void dg_warn(const char *fmt, ...) DG_PRINTF(1, 2);
/* "prog: file:line: message\n" on stderr; after 5 messages of one kind
 * (one fmt) in a file, the rest are counted, and dg_warn_flush says how
 * many. */
void dg_warnl(const char *file, uint64_t line, const char *fmt, ...)
    DG_PRINTF(3, 4);
/* Ends a file's messages: "prog: file: 95 more lines like this" for
 * each kind that was cut short.  dg_close calls it. */
void dg_warn_flush(void);
/* The name of an operand for messages: "<stdin>" for "-". */
const char *dg_filename(const char *operand);
/* What the command reads, for the hint dg_open gives when it is to read
 * a terminal: "dg TSV", "digests". */
void dg_setinput(const char *what);
/* Opens an operand ("-" is stdin) for reading; -1 with a message on
 * failure.  Standard input that is a terminal gets a one-line hint on
 * stderr first ("reading dg TSV from the terminal; see dg-cat -h"). */
int dg_open(const char *operand);
/* Closes an fd returned by dg_open (not stdin), and ends the file's
 * messages (dg_warn_flush). */
void dg_close(int fd);
/* Says "out of memory" and exits 2. */
_Noreturn void dg_nomem(void);
/* Reports the first bad escape of field f (called field) as
 * "prog: file:line: bad escape \q in the title". */
void dg_warn_escape(const char *file, uint64_t line, const char *field,
    dg_str f);
/* Prints "prog: usage ..." (the text given) on stderr and exits 2. */
_Noreturn void dg_usage(const char *usage);
/* Reports a bad option found by dg_opt_next, then dg_usage. */
_Noreturn void dg_badopt(const dg_opt *o, int c, const char *usage);
/* The default of every option switch: -h (--help) prints help and -V
 * (--version) the version, both exiting 0; anything else is a bad
 * option (dg_badopt). */
_Noreturn void dg_stdopt(const dg_opt *o, int c, const char *help,
    const char *usage);
/* Reports a bad argument of option c, just returned by dg_opt_next,
 * naming the option as given ("prog: --width: not a width: 0", or
 * "-W: ..."), then dg_usage. */
_Noreturn void dg_badarg(const dg_opt *o, int c, const char *usage,
    const char *fmt, ...) DG_PRINTF(4, 5);

/* Reports a dg_tsvin_next status other than DG_OK and DG_EOF: a read
 * error, a line with too few fields, or a digest where dg TSV was due
 * (said once; the file is done with).  Out of memory exits.  Returns 1
 * when the input can be read on, 0 when it is done with. */
int dg_tsvin_trouble(const dg_tsvin *t, const char *name, int st);
/* The next record of t, read from the file called name: 1 when there is
 * one, 0 when the file is done with.  What is wrong on the way is
 * reported (dg_tsvin_trouble) and sets *status to DG_EXIT_TROUBLE. */
int dg_tsvin_record(dg_tsvin *t, const char *name, int *status);

/* --- checked stdout (out.c) --------------------------------------------- */

/* What every command does first: its name for messages, what it reads
 * (dg_setinput), stdout's buffer (dg_out_init). */
void dg_start(const char *prog, const char *input);
/* Gives stdout a large buffer, suited to pipes. */
void dg_out_init(void);
/* Writes n bytes to stdout; on failure reports and exits (a closed pipe
 * ends the process as SIGPIPE would, quietly; other errors exit 2). */
void dg_out(const void *p, size_t n);
/* Reports a write to stdout that failed with errno err, as dg_out does,
 * and exits: for a thread that writes for another (dg-parse). */
_Noreturn void dg_out_failed(int err);
/* Writes one byte to stdout, as dg_out does (cheaper than a dg_out of
 * one byte: a line's LF). */
void dg_outc(int c);
/* Flushes and closes stdout; returns the exit status to use: status, or
 * DG_EXIT_TROUBLE when writing failed. */
int dg_out_close(int status);
/* -h: prints the help text on stdout and exits 0. */
_Noreturn void dg_help(const char *text);
/* -V: prints "prog VERSION" on stdout and exits 0. */
_Noreturn void dg_version(void);

#endif
