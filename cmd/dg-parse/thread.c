/* thread.c - a thread of dg-parse's own, started and ended. */
#include "thread.h"

/* The stack of a thread that only opens or writes files: glibc's default
 * (the stack's ulimit, 8 MiB) is address space that a small ulimit -v
 * cannot spare.  Where the system wants more, it keeps its default. */
#define STACK (256 * 1024)

int
dg_thread_start(dg_thread *t, void *(*run)(void *), void *arg)
{
	pthread_attr_t attr;
	int st;

	if (pthread_mutex_init(&t->mu, NULL) != 0)
		return -1;
	if (pthread_cond_init(&t->cv, NULL) != 0)
		goto nocond;
	if (pthread_attr_init(&attr) != 0)
		goto nothread;
	(void)pthread_attr_setstacksize(&attr, STACK);
	st = pthread_create(&t->id, &attr, run, arg);
	pthread_attr_destroy(&attr);
	if (st != 0)
		goto nothread;
	return 0;
nothread:
	pthread_cond_destroy(&t->cv);
nocond:
	pthread_mutex_destroy(&t->mu);
	return -1;
}

void
dg_thread_end(dg_thread *t, int *stop)
{
	pthread_mutex_lock(&t->mu);
	*stop = 1;
	pthread_cond_signal(&t->cv);
	pthread_mutex_unlock(&t->mu);
	pthread_join(t->id, NULL);
	pthread_cond_destroy(&t->cv);
	pthread_mutex_destroy(&t->mu);
}
