/*
 * writer.c - a chunk written while the next is made.
 *
 * dg-parse writes about twice what it reads.  Done in turn with the
 * parsing, the writes into a pipe hold it up twice: while the kernel
 * copies each chunk, and each time the pipe is full until its reader
 * has emptied some.  Here one thread parses and another writes: two
 * buffers, one being filled, one being written, swapped under a lock.
 */
#include <pthread.h>
#include <stdlib.h>

#include "util.h"
#include "writer.h"

struct dg_writer {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;	/* full or done changed */
	dg_buf chunk;		/* being written, or empty and free */
	int full;		/* chunk is to be written */
	int done;		/* no chunk will come */
};

static void *
run(void *arg)
{
	dg_writer *w = arg;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->full && !w->done)
			pthread_cond_wait(&w->cv, &w->mu);
		if (!w->full)
			break;
		/* The other thread does not touch chunk while it is full. */
		pthread_mutex_unlock(&w->mu);
		dg_out(w->chunk.p, w->chunk.len);
		pthread_mutex_lock(&w->mu);
		w->chunk.len = 0;
		w->full = 0;
		pthread_cond_signal(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

dg_writer *
dg_writer_new(void)
{
	dg_writer *w;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	if (pthread_mutex_init(&w->mu, NULL) != 0)
		goto nomutex;
	if (pthread_cond_init(&w->cv, NULL) != 0)
		goto nocond;
	if (pthread_create(&w->thread, NULL, run, w) != 0)
		goto nothread;
	return w;
nothread:
	pthread_cond_destroy(&w->cv);
nocond:
	pthread_mutex_destroy(&w->mu);
nomutex:
	free(w);
	return NULL;
}

void
dg_writer_put(dg_writer *w, dg_buf *b)
{
	dg_buf empty;

	pthread_mutex_lock(&w->mu);
	while (w->full)
		pthread_cond_wait(&w->cv, &w->mu);
	empty = w->chunk;
	w->chunk = *b;
	*b = empty;
	w->full = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

void
dg_writer_free(dg_writer *w)
{
	pthread_mutex_lock(&w->mu);
	w->done = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	dg_buf_free(&w->chunk);
	free(w);
}
