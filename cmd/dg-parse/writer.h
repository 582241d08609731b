/*
 * writer.h - dg-parse's output to a pipe or a file: each chunk of records
 * is written by a thread of its own while the next is made.
 */
#ifndef DG_PARSE_WRITER_H
#define DG_PARSE_WRITER_H

#include "dg.h"

typedef struct dg_writer dg_writer;

/* Starts the thread that writes to stdout (through dg_out: a closed pipe
 * ends the process quietly, any other write error with a message and
 * status 2).  NULL when it cannot: then write the chunks yourself. */
dg_writer *dg_writer_new(void);
/* Hands the bytes of *b to be written, and gives *b back as an empty
 * buffer (with room).  Waits while the chunk before is being written. */
void dg_writer_put(dg_writer *w, dg_buf *b);
/* Waits until every chunk is written, ends the thread and frees w. */
void dg_writer_free(dg_writer *w);

#endif
