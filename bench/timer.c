/*
 * timer.c - wall time and peak memory of shell commands, side by side.
 *
 * usage: timer ROUNDS NAME COMMAND [NAME COMMAND]...
 *
 * Runs every COMMAND with `sh -c`, stdin from /dev/null and stdout to
 * /dev/null, once as a warm-up (page cache, binaries) and then ROUNDS
 * times.  The rounds are interleaved (a b c a b c ...) so that a burst of
 * load from elsewhere hits every command alike.  Prints, per command:
 *
 *	NAME TAB best-seconds TAB median-seconds TAB peak-RSS-KiB TAB status
 *	    TAB cpu-seconds
 *
 * Peak RSS is the largest of any process the command ran (wait4 reports
 * the maximum over the shell and the children it waited for); status is
 * the highest exit status of all runs (127: not found), so that a failed
 * run, which is usually fast, cannot pass for a good time.  cpu-seconds
 * is the processor time (user and system) of the run with the best wall
 * time, all its processes together: on a busy machine a pipeline's two
 * ends take turns on a processor, and its wall time nears this sum.
 */
#define _DEFAULT_SOURCE
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct cmd {
	const char *name;
	const char *text;
	double *secs;		/* one per round */
	double best;		/* the best wall time so far */
	double cpu;		/* processor time of that run */
	long maxrss;		/* KiB */
	int status;		/* highest exit status seen */
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
run(struct cmd *c)
{
	struct rusage ru;
	double t0;
	pid_t pid;
	int st, fd;

	t0 = now();
	if ((pid = fork()) == -1) {
		perror("timer: fork");
		exit(2);
	}
	if (pid == 0) {
		if ((fd = open("/dev/null", O_RDWR)) == -1)
			_exit(127);
		dup2(fd, 0);
		dup2(fd, 1);
		execl("/bin/sh", "sh", "-c", c->text, (char *)NULL);
		_exit(127);
	}
	while (wait4(pid, &st, 0, &ru) == -1)
		if (errno != EINTR) {
			perror("timer: wait4");
			exit(2);
		}
	t0 = now() - t0;
	if (c->best == 0 || t0 < c->best) {
		c->best = t0;
		c->cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	}
	if (ru.ru_maxrss > c->maxrss)
		c->maxrss = ru.ru_maxrss;
	st = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	if (st > c->status)
		c->status = st;
	return t0;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char *argv[])
{
	struct cmd *c;
	int rounds, r, i, n;

	if (argc < 4 || argc % 2 != 0 || (rounds = atoi(argv[1])) < 1) {
		fputs("usage: timer ROUNDS NAME COMMAND [NAME COMMAND]...\n",
		    stderr);
		return 2;
	}
	n = (argc - 2) / 2;
	if ((c = calloc((size_t)n, sizeof(*c))) == NULL)
		return 2;
	for (i = 0; i < n; i++) {
		c[i].name = argv[2 + 2 * i];
		c[i].text = argv[3 + 2 * i];
		if ((c[i].secs = calloc((size_t)rounds, sizeof(double))) ==
		    NULL)
			return 2;
	}
	for (i = 0; i < n; i++) {
		run(&c[i]);
		c[i].best = 0;
	}
	for (r = 0; r < rounds; r++)
		for (i = 0; i < n; i++)
			c[i].secs[r] = run(&c[i]);
	for (i = 0; i < n; i++) {
		qsort(c[i].secs, (size_t)rounds, sizeof(double), cmp);
		printf("%s\t%.4f\t%.4f\t%ld\t%d\t%.4f\n", c[i].name,
		    c[i].secs[0], c[i].secs[rounds / 2], c[i].maxrss,
		    c[i].status, c[i].cpu);
	}
	return 0;
}
