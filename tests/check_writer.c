/* Unit tests of dg-parse's writer thread: cmd/dg-parse/writer.h. */
#include <signal.h>
#include <stdio.h>
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

static Suite *
writer_suite(void)
{
	Suite *s = suite_create("writer");
	TCase *tc = tcase_create("writer");

	tcase_add_test(tc, test_chunks_are_written_whole_and_in_order);
	tcase_add_test(tc, test_no_chunk_writes_nothing);
	tcase_add_test_raise_signal(tc,
	    test_closed_pipe_ends_the_process_by_sigpipe, SIGPIPE);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(writer_suite());
}
