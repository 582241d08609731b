/* Unit tests of dg-parse's writer thread: cmd/dg-parse/writer.h. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "../cmd/dg-parse/writer.h"

/* Chunk i of the test: i bytes of a letter that changes with i, so that
 * a chunk out of order, lost or written twice shows. */
static void
make_chunk(dg_buf *b, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		ck_assert(dg_buf_addc(b, (char)('a' + i % 26)) == DG_OK);
}

/* Points stdout, unbuffered as dg-parse makes it, at an unlinked
 * temporary file; returns its descriptor. */
static int
stdout_to_temp(void)
{
	int fd = dg_check_temp_file("", 0);

	ck_assert_int_ge(dup2(fd, STDOUT_FILENO), 0);
	setvbuf(stdout, NULL, _IONBF, 0);
	return fd;
}

START_TEST(test_chunks_are_written_whole_and_in_order)
{
	enum { N = 600 };
	dg_writer *w;
	dg_buf b = {0}, want = {0};
	char *got;
	size_t i;
	int fd = stdout_to_temp();

	ck_assert_ptr_nonnull(w = dg_writer_new());
	for (i = 0; i < N; i++) {
		make_chunk(&b, i);
		make_chunk(&want, i);
		dg_writer_put(w, &b);
		/* What comes back is free to fill: empty. */
		ck_assert_uint_eq(b.len, 0);
	}
	dg_writer_free(w);
	dg_buf_free(&b);
	ck_assert_int_eq(lseek(fd, 0, SEEK_END), (off_t)want.len);
	ck_assert_ptr_nonnull(got = malloc(want.len));
	ck_assert_int_eq(pread(fd, got, want.len, 0), (ssize_t)want.len);
	ck_assert(memcmp(got, want.p, want.len) == 0);
	free(got);
	dg_buf_free(&want);
}
END_TEST

START_TEST(test_no_chunk_writes_nothing)
{
	int fd = stdout_to_temp();
	dg_writer *w;

	ck_assert_ptr_nonnull(w = dg_writer_new());
	dg_writer_free(w);
	ck_assert_int_eq(lseek(fd, 0, SEEK_END), 0);
}
END_TEST

/* As dg_out does in the one thread: a reader gone ends the process
 * by SIGPIPE, even when the signal was ignored. */
START_TEST(test_closed_pipe_ends_the_process_by_sigpipe)
{
	int p[2];
	dg_writer *w;
	dg_buf b = {0};

	signal(SIGPIPE, SIG_IGN);
	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_ge(dup2(p[1], STDOUT_FILENO), 0);
	close(p[0]);
	setvbuf(stdout, NULL, _IONBF, 0);
	ck_assert_ptr_nonnull(w = dg_writer_new());
	make_chunk(&b, 10);
	dg_writer_put(w, &b);
	dg_writer_free(w);
	ck_abort_msg("the write to a closed pipe should not return");
}
END_TEST

/* Points stdout, unbuffered, at /dev/full, where every write fails. */
static void
stdout_to_full(void)
{
	int fd = open("/dev/full", O_WRONLY);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_ge(dup2(fd, STDOUT_FILENO), 0);
	close(fd);
	setvbuf(stdout, NULL, _IONBF, 0);
}

/*
 * A failed write is for the thread that puts to report (dg_out_failed),
 * not for the writer's own: that one would say "write error" in the
 * middle of a message the other thread was printing, or before messages
 * it goes on to print, and end the process under it.
 */
START_TEST(test_a_failed_write_is_not_reported_by_the_writer_thread)
{
	struct timespec pause = { 0, 200 * 1000 * 1000 };
	dg_writer *w;
	dg_buf b = {0};
	int err = dg_check_temp_file("", 0);

	ck_assert_int_ge(dup2(err, STDERR_FILENO), 0);
	stdout_to_full();
	ck_assert_ptr_nonnull(w = dg_writer_new());
	make_chunk(&b, 10);
	dg_writer_put(w, &b);
	/* Time for the write to fail: the process lives on, silent. */
	nanosleep(&pause, NULL);
	ck_assert_int_eq(lseek(err, 0, SEEK_END), 0);
	dg_buf_free(&b);
}
END_TEST

/* The next put, or the end, reports it: "write error", status 2. */
START_TEST(test_a_failed_write_is_reported_by_the_next_put)
{
	dg_writer *w;
	dg_buf b = {0};

	ck_assert_int_ge(dup2(dg_check_temp_file("", 0), STDERR_FILENO), 0);
	stdout_to_full();
	ck_assert_ptr_nonnull(w = dg_writer_new());
	make_chunk(&b, 10);
	dg_writer_put(w, &b);
	make_chunk(&b, 11);
	dg_writer_put(w, &b);
	dg_writer_put(w, &b);
	ck_abort_msg("a put after a failed write should not return");
}
END_TEST

START_TEST(test_a_failed_write_is_reported_at_the_end)
{
	dg_writer *w;
	dg_buf b = {0};

	ck_assert_int_ge(dup2(dg_check_temp_file("", 0), STDERR_FILENO), 0);
	stdout_to_full();
	ck_assert_ptr_nonnull(w = dg_writer_new());
	make_chunk(&b, 10);
	dg_writer_put(w, &b);
	dg_writer_free(w);
	ck_abort_msg("the end after a failed write should not return");
}
END_TEST

static Suite *
writer_suite(void)
{
	Suite *s = suite_create("writer");
	TCase *tc = tcase_create("writer");

	tcase_add_test(tc, test_chunks_are_written_whole_and_in_order);
	tcase_add_test(tc, test_no_chunk_writes_nothing);
	tcase_add_test_raise_signal(tc,
	    test_closed_pipe_ends_the_process_by_sigpipe, SIGPIPE);
	tcase_add_test(tc,
	    test_a_failed_write_is_not_reported_by_the_writer_thread);
	tcase_add_exit_test(tc, test_a_failed_write_is_reported_by_the_next_put,
	    2);
	tcase_add_exit_test(tc, test_a_failed_write_is_reported_at_the_end,
	    2);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(writer_suite());
}
