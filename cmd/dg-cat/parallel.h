/*
 * parallel.h - dg-cat's reader of a large regular file: blocks of whole
 * lines worked on by a thread per processor, emitted in file order.
 */
#ifndef DG_CAT_PARALLEL_H
#define DG_CAT_PARALLEL_H

#include <sys/types.h>

#include "dg.h"

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
	dg_buf notes;		/* for work to tell emit more of that
				   output; empty at first */
	dg_buf scratch, key;	/* for work's own use */
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

#endif
