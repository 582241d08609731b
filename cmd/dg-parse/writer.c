/*
 * writer.c - a chunk written while the next is made.
 *
 * dg-parse writes about twice what it reads.  Done in turn with the
 * parsing, the writes into a pipe hold it up twice: while the kernel
 * copies each chunk, and each time the pipe is full until its reader
 * has emptied some.  Here one thread parses and another writes: two
 * buffers, one being filled, one being written, swapped under a lock.
 *
 * A failed write is reported by the parsing thread, at its next put or
 * at the end: reported here, it would cut into a message that thread
 * was printing, and come after messages that thread went on to print.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"
#include "thread.h"
#include "writer.h"

struct dg_writer {
	dg_thread t;		/* its cv: full or done changed */
	dg_buf chunk;		/* being written, or empty and free */
	int full;		/* chunk is to be written */
	int done;		/* no chunk will come */
	int err;		/* errno of the write that failed, or 0 */
};

/* Writes the n bytes at p to stdout (unbuffered); 0, or errno.  A
 * closed pipe ends the process here by SIGPIPE, unless it is ignored. */
static int
write_out(const char *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, stdout) != n)
		return errno != 0 ? errno : EIO;
	return 0;
}

static void *
run(void *arg)
{
	dg_writer *w = arg;
	int err;

	pthread_mutex_lock(&w->t.mu);
	for (;;) {
		while (!w->full && !w->done)
			pthread_cond_wait(&w->t.cv, &w->t.mu);
		if (!w->full)
			break;
		/* The other thread does not touch chunk while it is full;
		 * after a failure, nothing more is written. */
		err = w->err;
		pthread_mutex_unlock(&w->t.mu);
		if (err == 0)
			err = write_out(w->chunk.p, w->chunk.len);
		pthread_mutex_lock(&w->t.mu);
		w->err = err;
		w->chunk.len = 0;
		w->full = 0;
		pthread_cond_signal(&w->t.cv);
	}
	pthread_mutex_unlock(&w->t.mu);
	return NULL;
}

dg_writer *
dg_writer_new(void)
{
	dg_writer *w;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	if (dg_thread_start(&w->t, run, w) != 0) {
		free(w);
		return NULL;
	}
	return w;
}

void
dg_writer_put(dg_writer *w, dg_buf *b)
{
	dg_buf empty;
	int err;

	pthread_mutex_lock(&w->t.mu);
	while (w->full)
		pthread_cond_wait(&w->t.cv, &w->t.mu);
	if ((err = w->err) != 0) {
		pthread_mutex_unlock(&w->t.mu);
		dg_out_failed(err);
	}
	empty = w->chunk;
	w->chunk = *b;
	*b = empty;
	w->full = 1;
	pthread_cond_signal(&w->t.cv);
	pthread_mutex_unlock(&w->t.mu);
}

void
dg_writer_free(dg_writer *w)
{
	int err;

	dg_thread_end(&w->t, &w->done);
	err = w->err;
	dg_buf_free(&w->chunk);
	free(w);
	if (err != 0)
		dg_out_failed(err);
}
