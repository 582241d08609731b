/* thread.c - a thread of dg-parse's own, started and ended. */
#include "thread.h"

int
dg_thread_start(dg_thread *t, void *(*run)(void *), void *arg)
{
	if (pthread_mutex_init(&t->mu, NULL) != 0)
		return -1;
	if (pthread_cond_init(&t->cv, NULL) != 0)
		goto nocond;
	if (pthread_create(&t->id, NULL, run, arg) != 0)
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
