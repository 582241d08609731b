/*
 * dg.h - libdg, the library behind the dg commands: the digest parser
 * and the dg TSV record format, usable from any C program.
 *
 * The parser is fed a digest (markdown) a line at a time and hands one
 * record per source to a callback, as md4c hands blocks to its
 * callbacks; dg_tsv_format writes a record as one dg TSV line, and
 * dg_tsvin reads such lines back.  The library has no policy: it never
 * prints, exits or touches stdin/stdout; every call returns a status.
 * dg-parse(1) states the grammar; dg-tsv(5) the record format.
 *
 * Strings that came from input are pointer + length (dg_str) and are NOT
 * NUL-terminated: NUL bytes are data.
 *
 * Link with -ldg (pkg-config dg).
 */
#ifndef DG_H
#define DG_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

#define DG_VERSION "0.1.0"

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

/* --- line reader (reader.c) ------------------------------------------ */

/*
 * Reads lines of any length from a file descriptor or a memory block,
 * with large reads and memchr.  A line is handed out without its LF and
 * without the CR of a CRLF; a UTF-8 BOM at the very start is dropped;
 * a last line without LF is still a line; NUL bytes are kept.
 */
typedef struct dg_reader dg_reader;

/* NULL when out of memory.  The fd stays the caller's to close. */
dg_reader *dg_reader_new_fd(int fd);
/* Reads p[0..n), which must outlive the reader. */
dg_reader *dg_reader_new_mem(const char *p, size_t n);
/* DG_OK with *line set (valid until the next call), DG_EOF, DG_EIO or
 * DG_ENOMEM. */
int dg_reader_next(dg_reader *r, dg_str *line);
/* The number of the line last returned, 1-based; 0 before the first. */
uint64_t dg_reader_lineno(const dg_reader *r);
/* The file offset of the next line, or -1 when the fd cannot seek. */
off_t dg_reader_tell(const dg_reader *r);
void dg_reader_free(dg_reader *r);

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
/* Index of the field called name in f[0..nf), or -1. */
long dg_tsv_find(const dg_str *f, size_t nf, const char *name);

/*
 * A reader of dg TSV records: skips header lines, finds fields by name
 * where the input starts with a header, and checks the field count.
 * A line is a header when it equals DG_TSV_HEADER, or is the first line
 * of the input and names every field in `need` (a bit 1 << DG_F_x per
 * field) and at least two of the nine (unless it is a single field), or
 * equals the last such header seen.  Without a header the nine fields
 * are taken in order and a line needs at least nine.
 */
typedef struct dg_tsvin dg_tsvin;

/* NULL when out of memory.  The fd stays the caller's to close. */
dg_tsvin *dg_tsvin_new_fd(int fd, unsigned need);
dg_tsvin *dg_tsvin_new_mem(const char *p, size_t n, unsigned need);
/* Reads the records of p[0..n), whole lines from within a file: they
 * are numbered on from lineno (1 or more), and none is taken for the
 * file's first line (no header or BOM is looked for). */
dg_tsvin *dg_tsvin_new_block(const char *p, size_t n, uint64_t lineno,
    unsigned need);
/* DG_OK with a record, DG_EOF, DG_EIO, DG_ENOMEM, or DG_EFIELDS (a line
 * with too few fields: dg_tsvin_fields says how many; the reader can go
 * on with the next line).  Past the first line of an input only the
 * needed fields are split out and the TABs after them only counted: the
 * summary, the bulk of a record, is not scanned. */
int dg_tsvin_next(dg_tsvin *t);
/* Field id of the current record, still escaped (any field; the needed
 * ones are found fastest). */
dg_str dg_tsvin_field(const dg_tsvin *t, enum dg_field id);
/* The current line as read, without its LF. */
dg_str dg_tsvin_line(const dg_tsvin *t);
/* The number of the current line, 1-based. */
uint64_t dg_tsvin_lineno(const dg_tsvin *t);
/* After DG_EFIELDS: the fields the line has, and the fields a line of
 * this input must have. */
size_t dg_tsvin_fields(const dg_tsvin *t);
size_t dg_tsvin_want(const dg_tsvin *t);
/* After DG_EFIELDS: is this input a digest rather than dg TSV?  True
 * when no record came before and the line, with no TAB, reads like
 * markdown (a # heading, a **label**, an image, a list item). */
int dg_tsvin_digest(const dg_tsvin *t);
/* Header lines skipped so far, and the last one that was not
 * DG_TSV_HEADER itself (empty when none). */
uint64_t dg_tsvin_headers(const dg_tsvin *t);
dg_str dg_tsvin_header(const dg_tsvin *t);
/* The file offset of the next line, or -1 when the fd cannot seek. */
off_t dg_tsvin_tell(const dg_tsvin *t);
/* Has a read met the end of the input (all the rest is in memory)? */
int dg_tsvin_eof(const dg_tsvin *t);
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

/* The length of a date, YYYY-MM-DD. */
#define DG_DATE_LEN 10

/* The date a file's name gives (dg-parse(1), Kind and date): the first
 * YYYY-MM-DD or YYYY_MM_DD that is a day of the calendar in its last
 * part, else in its folders', written with dashes to out.  1 when there
 * is one, else 0. */
int dg_name_date(const char *name, size_t n, char out[DG_DATE_LEN]);

/* Appends rec as one dg TSV line (with LF) to b.  esc_summary, when not
 * NULL, is rec->summary already escaped (a section's summary repeats on
 * each of its records: escape it once). */
int dg_tsv_format(dg_buf *b, const dg_record *rec, const dg_str *esc_summary);

#endif
