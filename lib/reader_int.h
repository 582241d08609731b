/*
 * reader_int.h - the line reader's insides, for the library and its tests.
 */
#ifndef DG_READER_INT_H
#define DG_READER_INT_H

#include "dg.h"

struct dg_reader {
	int fd;			/* -1 when reading memory */
	char *buf;		/* read buffer (owned unless reading memory) */
	size_t cap;		/* its size */
	size_t start;		/* first unconsumed byte */
	size_t end;		/* one past the last byte read */
	size_t scan;		/* where to resume looking for LF */
	int eof;		/* no more bytes will come */
	int bom_checked;	/* the BOM test has been made */
	uint64_t lineno;	/* number of the line last returned, 1-based */
};

/* For readers kept by value (inside a dg_tsvin, in tests): */
void dg_reader_init_fd(dg_reader *r, int fd);
void dg_reader_init_mem(dg_reader *r, const char *p, size_t n);
/* Frees what an init'ed reader holds, not the reader. */
void dg_reader_fini(dg_reader *r);
#endif
