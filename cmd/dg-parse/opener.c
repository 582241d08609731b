/*
 * opener.c - the next files opened while this one is parsed.
 *
 * An archive is thousands of files of some 25 KB, and a path looked up
 * and a file opened cost about as much as reading 25 KB.  A thread opens
 * the next few files while the current one is parsed; anything out of
 * the ordinary is left to the usual open, so that what is read and said
 * is the same either way.
 */
#include <sys/stat.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "thread.h"
#include "opener.h"

/* Files opened ahead of the one being parsed.  The thread, once ahead by
 * all of them, waits until BATCH are taken: a wait, and a task switch,
 * for each file would cost more than the open. */
#define AHEAD 16
#define BATCH 8

struct dg_opener {
	char *const *names;
	size_t n;
	dg_thread t;		/* its cv: ready or taken moved, or stop
				   set */
	int fd[AHEAD];		/* operand i's is fd[i % AHEAD] */
	size_t ready;		/* operands opened (or left) so far */
	size_t taken;		/* operands handed over */
	size_t wake;		/* the thread waits for taken to reach this */
	int waiting;		/* the parser waits for ready to move */
	int stop;		/* end now */
};

/* Operand name opened, or -1 to leave it to the usual open.  Only what
 * stat calls a regular file is opened: opening a FIFO would stand in for
 * its reader and, closed, cut off its writer. */
static int
open_regular(const char *name)
{
	struct stat st;
	int fd;

	if (strcmp(name, "-") == 0 || stat(name, &st) != 0 ||
	    !S_ISREG(st.st_mode))
		return -1;
	/* Should a FIFO have taken its place since, not to wait on it. */
	if ((fd = open(name, O_RDONLY | O_NONBLOCK)) < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    fcntl(fd, F_SETFL, 0) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static void *
run(void *arg)
{
	dg_opener *o = arg;
	size_t i;
	int fd;

	pthread_mutex_lock(&o->t.mu);
	for (i = 0; i < o->n; i++) {
		if (i >= o->taken + AHEAD) {
			o->wake = i - AHEAD + BATCH;
			while (!o->stop && o->taken < o->wake)
				pthread_cond_wait(&o->t.cv, &o->t.mu);
			o->wake = 0;
		}
		if (o->stop)
			break;
		pthread_mutex_unlock(&o->t.mu);
		fd = open_regular(o->names[i]);
		pthread_mutex_lock(&o->t.mu);
		o->fd[i % AHEAD] = fd;
		o->ready = i + 1;
		if (o->waiting)
			pthread_cond_signal(&o->t.cv);
	}
	pthread_mutex_unlock(&o->t.mu);
	return NULL;
}

dg_opener *
dg_opener_new(char *const *names, size_t n)
{
	dg_opener *o;

	if ((o = calloc(1, sizeof(*o))) == NULL)
		return NULL;
	o->names = names;
	o->n = n;
	if (dg_thread_start(&o->t, run, o) != 0) {
		free(o);
		return NULL;
	}
	return o;
}

int
dg_opener_next(dg_opener *o)
{
	int fd;

	pthread_mutex_lock(&o->t.mu);
	o->waiting = 1;
	while (o->ready <= o->taken)
		pthread_cond_wait(&o->t.cv, &o->t.mu);
	o->waiting = 0;
	fd = o->fd[o->taken % AHEAD];
	o->taken++;
	if (o->taken == o->wake)
		pthread_cond_signal(&o->t.cv);
	pthread_mutex_unlock(&o->t.mu);
	return fd;
}

void
dg_opener_free(dg_opener *o)
{
	size_t i;

	dg_thread_end(&o->t, &o->stop);
	for (i = o->taken; i < o->ready; i++)
		if (o->fd[i % AHEAD] >= 0)
			close(o->fd[i % AHEAD]);
	free(o);
}
