/*
 * writer.c - a chunk written while the next is made.
 *
 * dg-parse writes about twice what it reads.  Done in turn with the
 * parsing, the writes into a pipe hold it up twice: while the kernel
 * copies each chunk, and each time the pipe is full until its reader
 * has emptied some.  Here one thread parses and another writes: two
 * buffers, one being filled, one being written, swapped under a lock.
 */
#include <stdlib.h>

#include "util.h"
#include "thread.h"
#include "writer.h"

struct dg_writer {
	dg_thread t;		/* its cv: full or done changed */
	dg_buf chunk;		/* being written, or empty and free */
	int full;		/* chunk is to be written */
	int done;		/* no chunk will come */
};

static void *
run(void *arg)
{
	dg_writer *w = arg;

	pthread_mutex_lock(&w->t.mu);
	for (;;) {
		while (!w->full && !w->done)
			pthread_cond_wait(&w->t.cv, &w->t.mu);
		if (!w->full)
			break;
		/* The other thread does not touch chunk while it is full. */
		pthread_mutex_unlock(&w->t.mu);
		dg_out(w->chunk.p, w->chunk.len);
		pthread_mutex_lock(&w->t.mu);
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

	pthread_mutex_lock(&w->t.mu);
	while (w->full)
		pthread_cond_wait(&w->t.cv, &w->t.mu);
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
	dg_thread_end(&w->t, &w->done);
	dg_buf_free(&w->chunk);
	free(w);
}
