/*
 * thread.h - a thread of dg-parse's own (writer.c, opener.c), with the
 * lock and the condition it shares with the parsing.
 */
#ifndef DG_PARSE_THREAD_H
#define DG_PARSE_THREAD_H

#include <pthread.h>

typedef struct {
	pthread_t id;
	pthread_mutex_t mu;
	pthread_cond_t cv;
} dg_thread;

/* Makes the lock and the condition, then starts run(arg); 0, or -1 with
 * nothing left made. */
int dg_thread_start(dg_thread *t, void *(*run)(void *), void *arg);
/* Sets *stop under the lock and signals, so that the thread ends; waits
 * for it, then undoes the lock and the condition. */
void dg_thread_end(dg_thread *t, int *stop);

#endif
