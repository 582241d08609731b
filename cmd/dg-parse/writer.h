/*
 * writer.h - dg-parse's output to a pipe or a file: each chunk of records
 * is written by a thread of its own while the next is made.
 */
#ifndef DG_PARSE_WRITER_H
#define DG_PARSE_WRITER_H

#include "dg.h"

typedef struct dg_writer dg_writer;

/* Starts the thread that writes to stdout (unbuffered).  NULL when it
 * cannot: then write the chunks yourself. */
dg_writer *dg_writer_new(void);
/* Hands the bytes of *b to be written, and gives *b back as an empty
 * buffer (with room).  Waits while the chunk before is being written.
 * A write that failed before is reported here, as dg_out reports it
 * (dg_out_failed): a closed pipe ends the process quietly, any other
 * error with a message and status 2. */
void dg_writer_put(dg_writer *w, dg_buf *b);
/* Waits until every chunk is written, ends the thread and frees w; then
 * reports a failed write as dg_writer_put does. */
void dg_writer_free(dg_writer *w);

#endif
