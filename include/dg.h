/*
 * dg.h - the one public header of libdg, the library behind the dg
 * commands (dg-parse, dg-cat, dg-links, dg-stats, dg-chart).
 *
 * The parsing parts of the library have no policy: they never print,
 * exit or touch stdin/stdout.  They return a status and hand records to
 * the caller.  Only the "diagnostics" and "output" families at the end
 * are for commands, like sbase's libutil.
 *
 * Strings that came from input are pointer + length (dg_str) and are NOT
 * NUL-terminated: NUL bytes are data.
 */
#ifndef DG_H
#define DG_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define DG_VERSION "0.1.0"

/* Lets the compiler check printf-style calls of the diagnostics. */
#if defined(__GNUC__)
#define DG_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define DG_PRINTF(fmt, args)
#endif

/* Status codes shared by the library; 0 is success. */
enum dg_status {
	DG_OK = 0,
	DG_EOF,		/* no more input */
	DG_EIO,		/* read failed; errno says why */
	DG_ENOMEM,	/* out of memory */
	DG_EFIELDS,	/* a TSV line has too few fields */
	DG_EESCAPE,	/* a TSV field has a bad backslash escape */
	DG_ESTOP,	/* a callback asked to stop */
	DG_ENUMBER,	/* not a number of the expected form */
	DG_ENEGATIVE,	/* a number below zero */
	DG_ERANGE,	/* a number too large to hold */
	DG_EOVERFLOW	/* a count would pass 2^64 - 1 */
};

/* A byte string from input: not NUL-terminated, may hold NUL bytes. */
typedef struct {
	const char *p;	/* first byte (may be NULL when n is 0) */
	size_t n;	/* length in bytes */
} dg_str;

/* --- ASCII case (ascii.c) ------------------------------------------ */

/* ASCII upper-case letters to lower case, any other byte as it is: no
 * locale, so that input is read alike everywhere.  Inline, as matching
 * and counting call it on every byte. */
static inline unsigned char
dg_ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* Do the n bytes at s equal word, a lower-case C string, ASCII letters
 * folded? */
int dg_ascii_ieq(const char *s, size_t n, const char *word);
/* Do the n bytes at s start with prefix, lower case, ASCII letters
 * folded? */
int dg_ascii_istarts(const char *s, size_t n, const char *prefix);

/* --- growable byte buffer (buf.c) ---------------------------------- */

/* A growable byte buffer; zero-initialise it, free with dg_buf_free. */
typedef struct {
	char *p;	/* the bytes; not NUL-terminated unless you add one */
	size_t len;	/* bytes in use */
	size_t cap;	/* bytes allocated */
} dg_buf;

int dg_buf_reserve(dg_buf *b, size_t more);	/* room for more bytes */
int dg_buf_add(dg_buf *b, const void *p, size_t n);
int dg_buf_addc(dg_buf *b, char c);
void dg_buf_free(dg_buf *b);

/* --- line reader (reader.c) ----------------------------------------- */

/*
 * Reads lines of any length from a file descriptor or a memory block,
 * with large reads and memchr.  A line is handed out without its LF and
 * without the CR of a CRLF; a UTF-8 BOM at the very start is dropped;
 * a last line without LF is still a line; NUL bytes are kept.
 */
typedef struct {
	int fd;			/* -1 when reading memory */
	char *buf;		/* read buffer (owned unless reading memory) */
	size_t cap;		/* its size */
	size_t start;		/* first unconsumed byte */
	size_t end;		/* one past the last byte read */
	size_t scan;		/* where to resume looking for LF */
	int eof;		/* no more bytes will come */
	int bom_checked;	/* the BOM test has been made */
	uint64_t lineno;	/* number of the line last returned, 1-based */
} dg_reader;

void dg_reader_init_fd(dg_reader *r, int fd);
void dg_reader_init_mem(dg_reader *r, const char *p, size_t n);
/* DG_OK with *line set (valid until the next call), DG_EOF, DG_EIO or
 * DG_ENOMEM. */
int dg_reader_next(dg_reader *r, dg_str *line);
/* The file offset of the next line, or -1 when the fd cannot seek. */
off_t dg_reader_tell(const dg_reader *r);
void dg_reader_free(dg_reader *r);

/* --- a regular file in parallel (parallel.c) ------------------------ */

/* A block of whole lines of a file, as dg_parallel_run hands it out.  A
 * worker keeps its dg_block, and the room in its buffers, from one
 * block to the next. */
typedef struct {
	const char *p;		/* the lines with their LFs (the last line of
				   a file may have none) */
	size_t n;
	uint64_t lineno;	/* lines before the block: exact in emit, in
				   work only the first line's (a lower bound) */
	uint64_t lines;		/* for work to tell emit; 0 at first */
	int redo;		/* for work to tell emit; 0 at first */
	dg_buf out;		/* for work's output; empty at first */
	dg_buf scratch;		/* for work's own use */
} dg_block;

typedef struct {
	/* Runs on several blocks at once, one per thread: it may change
	 * only the block. */
	void (*work)(void *arg, dg_block *b);
	/* Runs on each block in file order, one at a time; returns the
	 * number of lines in the block. */
	uint64_t (*emit)(void *arg, dg_block *b);
	void *arg;
	uint64_t lineno;	/* lines before the offset given: 1 or more,
				   as the caller reads a file's first line
				   (its BOM, its header) itself */
	size_t block;		/* bytes per block; 0: 1 MiB */
	int threads;		/* 0: one per processor, up to 4 */
	/* Reads as pread(2) does, from several threads at once; NULL:
	 * pread.  For tests, which change the file as it is read. */
	ssize_t (*read_at)(int fd, void *buf, size_t n, off_t off);
} dg_parallel;

/* Is fd a regular file of more than one block from off, so that
 * dg_parallel_run has work to share out?  (Pipes cannot be cut into
 * blocks, and files such as /proc's tell no size.) */
int dg_parallel_worth(const dg_parallel *par, int fd, off_t off);
/*
 * Cuts the regular file fd, from offset off where a line starts, into
 * blocks of whole lines, and hands each to work, in parallel, and then
 * to emit, in order.  A file that changes meanwhile is read no further
 * than its size at the start, nor than where a read finds it ends: the
 * blocks emitted join up from off, with no hole, and only the last line
 * may lack its LF, where a read found the file ended.  Leaves the fd's
 * offset after the last line emitted.  DG_OK, or DG_EIO (errno says
 * why) when a read failed, DG_ENOMEM when memory ran out: the blocks
 * before have been emitted, and the offset is at the end of the file.
 */
int dg_parallel_run(const dg_parallel *par, int fd, off_t off);

/* --- UTF-8 (utf8.c) ----------------------------------------------------- */

/* Decodes one code point at s[0..n); returns its length in bytes (1..4)
 * and stores it in *cp, or returns 0 and stores the byte in *cp when the
 * sequence is not valid UTF-8 (overlong, surrogate, truncated...). */
size_t dg_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Is cp one of the code points SPEC.md counts as emoji for markers? */
int dg_is_emoji(uint32_t cp);
/* Appends cp as UTF-8 to b. */
int dg_utf8_put(dg_buf *b, uint32_t cp);
/* Terminal columns of cp: 2 for East Asian wide and fullwidth, 0 for
 * combining marks and joiners, 1 otherwise. */
int dg_utf8_width(uint32_t cp);

/* --- dg TSV (tsv.c, tsvin.c) -------------------------------------------- */

/* The nine fields of a dg TSV record, in stream order. */
enum dg_field {
	DG_F_DATE,
	DG_F_KIND,
	DG_F_CATEGORY,
	DG_F_TITLE,
	DG_F_URL,
	DG_F_FILE,
	DG_F_SECTION,
	DG_F_EMOJI,
	DG_F_SUMMARY,
	DG_NFIELDS
};

/* The header line (without LF) and the field names it is made of. */
#define DG_TSV_HEADER \
	"date\tkind\tcategory\ttitle\turl\tfile\tsection\temoji\tsummary"
extern const char *const dg_field_names[DG_NFIELDS];

/* Appends s escaped (\\ \t \n \r \0) to b. */
int dg_tsv_escape(dg_buf *b, const char *s, size_t n);
/* Appends s unescaped to b; DG_EESCAPE on a backslash not followed by
 * one of \ t n r 0 (then *bad, if not NULL, is its offset in s). */
int dg_tsv_unescape(dg_buf *b, const char *s, size_t n, size_t *bad);
/* Splits line at TABs into f[0..max); returns the number of fields the
 * line has, which may be more than max. */
size_t dg_tsv_split(const char *line, size_t n, dg_str *f, size_t max);
/* The number of TABs in s[0..n), or enough when there are more; the
 * offsets of the first npos of them (npos <= enough) go to pos. */
size_t dg_tsv_tabs(const char *s, size_t n, size_t *pos, size_t npos,
    size_t enough);
/* Index of the field called name in f[0..nf), or -1. */
long dg_tsv_find(const dg_str *f, size_t nf, const char *name);

/*
 * A reader of dg TSV records: skips header lines, finds fields by name
 * where the input starts with a header, and checks the field count.
 * A line is a header when it equals DG_TSV_HEADER, or is the first line
 * of the input and names every field in `need` and at least two of the
 * nine (unless it is a single field), or equals the last such header
 * seen; t->headers counts the header lines skipped.  Without a header
 * the nine fields are taken in order and a line needs at least nine.
 */
typedef struct {
	dg_reader rd;		/* the line source */
	unsigned need;		/* bit (1 << DG_F_x) for each field needed */
	size_t col[DG_NFIELDS];	/* column of each field in the line */
	size_t ncols;		/* fields a line must have at least */
	size_t nneed;		/* the needed fields are in the first nneed
				   columns */
	dg_buf header;		/* the last non-standard header line */
	dg_str *f;		/* fields split out of the current line */
	size_t nf;		/* how many */
	size_t fcap;		/* room in f */
	size_t nfields;		/* fields the line has, counted up to ncols */
	size_t *pos;		/* offsets of the TABs that end fields in f */
	size_t npos;		/* room in pos */
	dg_str line;		/* the current line, as read */
	uint64_t headers;	/* header lines skipped so far */
} dg_tsvin;

void dg_tsvin_init_fd(dg_tsvin *t, int fd, unsigned need);
void dg_tsvin_init_mem(dg_tsvin *t, const char *p, size_t n, unsigned need);
/* Reads the records of a block of a file without a header of its own:
 * its lines are numbered on from b->lineno, which must be 1 or more, as
 * none is the file's first line (no header or BOM is looked for). */
void dg_tsvin_init_block(dg_tsvin *t, const dg_block *b, unsigned need);
/* DG_OK with a record, DG_EOF, DG_EIO, DG_ENOMEM, or DG_EFIELDS
 * (t->nfields holds the count found, t->ncols the count expected; the
 * reader can go on with the next line).  Past the first line of an input
 * only the first t->nneed fields are split out, the last of them running
 * to the end of the line, and the TABs after it are only counted: the
 * summary, the bulk of a record, is not scanned. */
int dg_tsvin_next(dg_tsvin *t);
/* Field id of the current record, still escaped (any field; the needed
 * ones are found fastest). */
dg_str dg_tsvin_field(const dg_tsvin *t, enum dg_field id);
void dg_tsvin_free(dg_tsvin *t);

/* --- the digest parser (digest.c) --------------------------------------- */

/* One source of one section of a digest; all strings raw (unescaped). */
typedef struct {
	dg_str date;		/* YYYY-MM-DD, or empty */
	dg_str kind;		/* "Papers", "News", ... or empty */
	dg_str category;	/* heading text without marker, blanks folded */
	dg_str title;		/* source title, trimmed; may be empty */
	dg_str url;		/* source URL; may be empty */
	dg_str file;		/* the name given to dg_parser_begin */
	dg_str emoji;		/* the heading's marker, or empty */
	dg_str summary;		/* the section's summary; empty with
				   DG_PARSE_NO_SUMMARY */
	uint64_t section;	/* 1-based section number within the file */
	uint64_t lineno;	/* line of the source item, or of the heading
				   for a section without sources */
} dg_record;

/* Called for each record; a non-zero return stops the parse (the parser
 * then returns DG_ESTOP). */
typedef int (*dg_record_fn)(const dg_record *rec, void *arg);
/* Called for each line that fits nowhere (not data), with its number. */
typedef void (*dg_stray_fn)(uint64_t lineno, void *arg);

enum dg_parse_flags {
	DG_PARSE_NO_SUMMARY = 1	/* do not keep summaries (dg-parse -S) */
};

typedef struct dg_parser dg_parser;

/* NULL when out of memory.  stray may be NULL. */
dg_parser *dg_parser_new(unsigned flags, dg_record_fn rec, dg_stray_fn stray,
    void *arg);
/* Starts a new file called name (used for the file field and for the
 * fallback date); n is its length. */
int dg_parser_begin(dg_parser *p, const char *name, size_t n);
/* Feeds the next line of the file (without LF; CR already dropped). */
int dg_parser_line(dg_parser *p, const char *line, size_t n);
/* Ends the file: flushes the last section. */
int dg_parser_end(dg_parser *p);
/* Sections found in the current file so far. */
uint64_t dg_parser_sections(const dg_parser *p);
void dg_parser_free(dg_parser *p);
/* Parses a whole file held in memory: begin + lines + end. */
int dg_parse_mem(dg_parser *p, const char *name, size_t namelen,
    const char *text, size_t n);

/* Appends rec as one dg TSV line (with LF) to b.  esc_summary, when not
 * NULL, is rec->summary already escaped (a section's summary repeats on
 * each of its records: escape it once). */
int dg_tsv_format(dg_buf *b, const dg_record *rec, const dg_str *esc_summary);

/* --- hash table of byte-string keys (hash.c) ------------------------------ */

/*
 * Open addressing, grows by doubling; each entry holds a copy of its key
 * and `valsize` bytes of value (aligned for any type), zeroed when the
 * key is inserted.  Value pointers stay valid until dg_hash_free.
 * Entries are cut from large blocks that never move: a table of many
 * keys costs few allocations, and a value may point into itself.
 */
typedef struct dg_hash dg_hash;

/* One entry, as listed by dg_hash_entries. */
typedef struct {
	dg_str key;	/* the key (a copy owned by the table) */
	void *val;	/* its value */
} dg_hash_entry;

dg_hash *dg_hash_new(size_t valsize);	/* NULL when out of memory */
/* The value of key, or NULL when absent. */
void *dg_hash_find(const dg_hash *h, const char *key, size_t n);
/* The value of key, inserted zeroed when absent (*created set to 1, else
 * 0; created may be NULL); NULL when out of memory. */
void *dg_hash_put(dg_hash *h, const char *key, size_t n, int *created);
size_t dg_hash_count(const dg_hash *h);
/* An array of all entries (malloc'ed, caller frees; NULL when out of
 * memory or empty), in no particular order; *n gets the count. */
dg_hash_entry *dg_hash_entries(const dg_hash *h, size_t *n);
/* n bytes (aligned for any type, not zeroed) owned by h and valid until
 * dg_hash_free, for data that values point to; NULL when out of
 * memory. */
void *dg_hash_alloc(dg_hash *h, size_t n);
void dg_hash_free(dg_hash *h);
/* The hash function used (FNV-1a, 64-bit), for callers that shard. */
uint64_t dg_hash_bytes(const char *p, size_t n);

/* --- options (opt.c) ------------------------------------------------------ */

/* A long option: name without "--", and the short letter it stands for. */
typedef struct {
	const char *name;
	int letter;
	int has_arg;
} dg_longopt;

/*
 * POSIX option parsing: options come before operands, "--" ends them,
 * short options cluster (-uf json), and long options from a table
 * (--strict).  Zero-initialise, then call dg_opt_next until it returns -1.
 */
typedef struct {
	int ind;		/* next argv element; 1 to start */
	size_t pos;		/* position inside a short-option cluster */
	const char *arg;	/* the argument of the option just returned */
	int bad;		/* the offending letter, on '?' or ':' */
	const char *badlong;	/* the offending long option, on '?', ':'
				   or '=' */
	int badlen;		/* the length of its name */
} dg_opt;

/* Returns the next option letter, '?' for an unknown option, ':' for a
 * missing argument, '=' for an argument given to a long option that takes
 * none (--strict=yes), or -1 at the first operand or after "--". */
int dg_opt_next(dg_opt *o, int argc, char *const argv[], const char *shorts,
    const dg_longopt *longs);

/* --- for commands: diagnostics and output (diag.c, out.c) --------------- */

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
/* "prog: file:line: message\n" on stderr. */
void dg_warnl(const char *file, uint64_t line, const char *fmt, ...)
    DG_PRINTF(3, 4);
/* The name of an operand for messages: "<stdin>" for "-". */
const char *dg_filename(const char *operand);
/* Opens an operand ("-" is stdin) for reading; -1 with a message on
 * failure. */
int dg_open(const char *operand);
/* Closes an fd returned by dg_open (not stdin). */
void dg_close(int fd);
/* The long options of every command: --help (-h) and --version (-V). */
extern const dg_longopt dg_std_longopts[];
/* -h: prints the help text on stdout and exits 0. */
_Noreturn void dg_help(const char *text);
/* -V: prints "prog VERSION" on stdout and exits 0. */
_Noreturn void dg_version(void);
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

/* Reports a dg_tsvin_next status other than DG_OK and DG_EOF: a read
 * error or a line with too few fields (out of memory exits).  Returns 1
 * when the input can be read on, 0 when it is done with. */
int dg_tsvin_trouble(const dg_tsvin *t, const char *name, int st);

/* Gives stdout a large buffer, suited to pipes. */
void dg_out_init(void);
/* Writes n bytes to stdout; on failure reports and exits (a closed pipe
 * ends the process as SIGPIPE would, quietly; other errors exit 2). */
void dg_out(const void *p, size_t n);
/* Flushes and closes stdout; returns the exit status to use: status, or
 * DG_EXIT_TROUBLE when writing failed. */
int dg_out_close(int status);

#endif
