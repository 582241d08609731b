/*
 * tsvin_int.h - the TSV reader's insides, for the library and its tests.
 */
#ifndef DG_TSVIN_INT_H
#define DG_TSVIN_INT_H

#include "dg.h"
#include "reader_int.h"

/* The number of TABs in s[0..n), or enough when there are more; the
 * offsets of the first npos of them (npos <= enough) go to pos. */
size_t dg_tsv_tabs(const char *s, size_t n, size_t *pos, size_t npos,
    size_t enough);

struct dg_tsvin {
	struct dg_reader rd;		/* the line source */
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
	uint64_t records;	/* records handed out so far */
	int within;		/* reads a block from within a file: no
				   header, no BOM, no verdict on the file */
	int stop_headers;	/* hand header lines out too */
	int isheader;		/* the line handed out is a header */
};

/* For readers kept by value (in tests): */
void dg_tsvin_init_fd(dg_tsvin *t, int fd, unsigned need);
void dg_tsvin_init_mem(dg_tsvin *t, const char *p, size_t n, unsigned need);
void dg_tsvin_init_block(dg_tsvin *t, const char *p, size_t n,
    uint64_t lineno, unsigned need);
/*
 * For a filter that copies every line it does not change (dg-alias):
 * dg_tsvin_next hands out header lines too, after taking them as it
 * would, with DG_OK; dg_tsvin_isheader then says 1 and dg_tsvin_line is
 * the header (dg_tsvin_field is not to be asked).
 */
void dg_tsvin_stop_at_headers(dg_tsvin *t);
int dg_tsvin_isheader(const dg_tsvin *t);
/* Frees what an init'ed reader holds, not the reader. */
void dg_tsvin_fini(dg_tsvin *t);
#endif
