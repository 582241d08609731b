/* Unit tests of dg-parse's files opened ahead: cmd/dg-parse/opener.h. */
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_util.h"
#include "../cmd/dg-parse/opener.h"

enum { NFILES = 40 };

static char dir[32];
static char dash[] = "-";
static char *names[NFILES + 8];

/* dir/name, in memory that lasts the test. */
static char *
path(const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);

	ck_assert_ptr_nonnull(p);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

/* A regular file whose bytes say which it is. */
static char *
numbered(int i)
{
	char name[32], text[32];
	char *p;
	int fd;

	snprintf(name, sizeof(name), "f%d.md", i);
	snprintf(text, sizeof(text), "file %d\n", i);
	p = path(name);
	ck_assert_int_ge(fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600), 0);
	dg_check_write_all(fd, text, strlen(text));
	close(fd);
	return p;
}

/* fd holds file i's bytes. */
static void
is_file(int fd, int i)
{
	char got[32], want[32];
	ssize_t n;

	ck_assert_msg(fd >= 0, "file %d should come open", i);
	snprintf(want, sizeof(want), "file %d\n", i);
	n = read(fd, got, sizeof(got));
	ck_assert_int_eq(n, (ssize_t)strlen(want));
	ck_assert(memcmp(got, want, (size_t)n) == 0);
	close(fd);
}

/* Open descriptors of this process. */
static int
open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	if (d == NULL)
		return -1;
	while (readdir(d) != NULL)
		n++;
	closedir(d);
	return n;
}

static void
setup(void)
{
	strcpy(dir, "/tmp/dg-openerXXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
teardown(void)
{
	char cmd[64];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_regular_files_come_open_in_order)
{
	dg_opener *o;
	int i;

	for (i = 0; i < NFILES; i++)
		names[i] = numbered(i);
	ck_assert_ptr_nonnull(o = dg_opener_new(names, NFILES));
	for (i = 0; i < NFILES; i++)
		is_file(dg_opener_next(o), i);
	dg_opener_free(o);
}
END_TEST

START_TEST(test_the_rest_is_left_to_the_usual_open)
{
	dg_opener *o;
	char *fifo = path("fifo"), *sub = path("sub");
	int i, fd;

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	names[0] = numbered(0);
	names[1] = dash;
	names[2] = fifo;
	names[3] = sub;
	names[4] = path("missing");
	names[5] = numbered(5);
	ck_assert_ptr_nonnull(o = dg_opener_new(names, 6));
	for (i = 0; i < 6; i++) {
		fd = dg_opener_next(o);
		if (i == 0 || i == 5)
			is_file(fd, i);
		else
			ck_assert_msg(fd == -1, "%s should be left", names[i]);
	}
	dg_opener_free(o);
	/* The FIFO was never opened: a writer still finds no reader. */
	ck_assert_int_eq(open(fifo, O_WRONLY | O_NONBLOCK), -1);
	ck_assert_int_eq(errno, ENXIO);
}
END_TEST

START_TEST(test_free_closes_what_was_not_taken)
{
	struct timespec pause = {0, 100 * 1000 * 1000};
	dg_opener *o;
	int i, before = open_fds();

	ck_assert_int_ge(before, 0);
	for (i = 0; i < NFILES; i++)
		names[i] = numbered(i);
	ck_assert_ptr_nonnull(o = dg_opener_new(names, NFILES));
	is_file(dg_opener_next(o), 0);
	is_file(dg_opener_next(o), 1);
	/* Give the thread time to open ahead all it may. */
	nanosleep(&pause, NULL);
	dg_opener_free(o);
	ck_assert_int_eq(open_fds(), before);
}
END_TEST

static Suite *
opener_suite(void)
{
	Suite *s = suite_create("opener");
	TCase *tc = tcase_create("opener");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_regular_files_come_open_in_order);
	tcase_add_test(tc, test_the_rest_is_left_to_the_usual_open);
	tcase_add_test(tc, test_free_closes_what_was_not_taken);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(opener_suite());
}
