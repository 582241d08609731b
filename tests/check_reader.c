/* Unit tests of the line reader (SPEC §2 "Bytes") and of dg_buf. */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_util.h"
#include "reader_int.h"

/* Asserts that the next line of r is the n bytes at want. */
static void
next_is(dg_reader *r, const char *want, size_t n)
{
	dg_str line;

	ck_assert_int_eq(dg_reader_next(r, &line), DG_OK);
	ck_assert_msg(line.n == n && (n == 0 || memcmp(line.p, want, n) == 0),
	    "line %llu: got \"%.*s\" (%zu bytes), want %zu bytes",
	    (unsigned long long)r->lineno, (int)line.n, line.p ? line.p : "",
	    line.n, n);
}

/* Asserts that r has no more lines, also when asked again. */
static void
next_is_eof(dg_reader *r)
{
	dg_str line;

	ck_assert_int_eq(dg_reader_next(r, &line), DG_EOF);
	ck_assert_int_eq(dg_reader_next(r, &line), DG_EOF);
}

/* --- input with known lines, for the large tests ------------------------ */

#define MAXLINES 4096

/* Input bytes and, for each line, where its text is in them. */
struct input {
	dg_buf data;
	size_t off[MAXLINES];
	size_t len[MAXLINES];
	size_t nlines;
};

static uint32_t seed;

static uint32_t
rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

/* Appends a line of n bytes (any byte but LF, not ending in CR) ended by
 * term ("\n", "\r\n" or "" for the last line). */
static void
add_line(struct input *in, size_t n, const char *term)
{
	size_t i;
	char c;

	ck_assert_uint_lt(in->nlines, MAXLINES);
	in->off[in->nlines] = in->data.len;
	in->len[in->nlines] = n;
	in->nlines++;
	ck_assert_int_eq(dg_buf_reserve(&in->data, n + 2), DG_OK);
	for (i = 0; i < n; i++) {
		c = (char)(rnd() & 0xff);
		if (c == '\n' || (i + 1 == n && c == '\r'))
			c = 'x';
		in->data.p[in->data.len++] = c;
	}
	dg_buf_add(&in->data, term, strlen(term));
}

/* Lines longer than the reader's buffer, with CR, NUL and high bytes
 * inside, a CRLF end and no final newline. */
static void
long_lines(struct input *in)
{
	seed = 42;
	add_line(in, 5, "\n");
	add_line(in, 5 * 1024 * 1024 + 17, "\r\n");
	add_line(in, 0, "\n");
	add_line(in, 3, "\n");
	add_line(in, 3 * 1024 * 1024 + 1, "");
}

/* Many lines of all sizes, so that lines straddle every read. */
static void
many_lines(struct input *in)
{
	size_t i;

	seed = 7;
	for (i = 0; i < 3000; i++)
		add_line(in, rnd() % 2000, rnd() % 3 == 0 ? "\r\n" : "\n");
	add_line(in, 100, "");
}

static void
expect_lines(dg_reader *r, const struct input *in)
{
	size_t i;

	for (i = 0; i < in->nlines; i++) {
		next_is(r, in->data.p + in->off[i], in->len[i]);
		ck_assert_uint_eq(r->lineno, i + 1);
	}
	next_is_eof(r);
}

/* Feeds the bytes at p to a pipe from a child process, in chunks of the
 * given sizes (cycled), sleeping a little after the first ones so that
 * the reader sees them apart; returns the read end. */
static int
pipe_writer(const char *p, size_t n, const size_t *chunks, size_t nchunks,
    pid_t *pid)
{
	struct timespec ts = { 0, 2 * 1000 * 1000 };
	size_t i, k;
	int fd[2];

	ck_assert_int_eq(pipe(fd), 0);
	*pid = fork();
	ck_assert_int_ge(*pid, 0);
	if (*pid == 0) {
		close(fd[0]);
		for (i = 0; n > 0; i++) {
			k = chunks[i % nchunks];
			if (k > n)
				k = n;
			if (write(fd[1], p, k) != (ssize_t)k)
				_exit(1);
			p += k;
			n -= k;
			if (i < 16)
				nanosleep(&ts, NULL);
		}
		_exit(0);
	}
	close(fd[1]);
	return fd[0];
}

static void
reap(pid_t pid)
{
	int status;

	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* --- the line reader ---------------------------------------------------- */

START_TEST(test_reader_lf_ends_lines)
{
	dg_reader r;

	dg_reader_init_mem(&r, "one\ntwo\nthree\n", 14);
	next_is(&r, "one", 3);
	next_is(&r, "two", 3);
	next_is(&r, "three", 5);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_crlf_drops_cr)
{
	dg_reader r;

	dg_reader_init_mem(&r, "a\r\nbc\r\n\r\nd\n", 11);
	next_is(&r, "a", 1);
	next_is(&r, "bc", 2);
	next_is(&r, "", 0);
	next_is(&r, "d", 1);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_crlf_drops_only_one_cr)
{
	dg_reader r;

	dg_reader_init_mem(&r, "x\r\r\n", 4);
	next_is(&r, "x\r", 2);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_lone_cr_is_data)
{
	dg_reader r;

	dg_reader_init_mem(&r, "a\rb\n\r\rc\n\rd\n", 11);
	next_is(&r, "a\rb", 3);
	next_is(&r, "\r\rc", 3);
	next_is(&r, "\rd", 2);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_bom_only_at_start)
{
	dg_reader r;

	dg_reader_init_mem(&r, "\xef\xbb\xbf" "a\n\xef\xbb\xbf" "b\n", 10);
	next_is(&r, "a", 1);
	next_is(&r, "\xef\xbb\xbf" "b", 4);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_bom_alone_is_no_line)
{
	dg_reader r;

	dg_reader_init_mem(&r, "\xef\xbb\xbf", 3);
	next_is_eof(&r);
	dg_reader_init_mem(&r, "\xef\xbb\xbf\n", 4);
	next_is(&r, "", 0);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_partial_bom_is_data)
{
	dg_reader r;

	dg_reader_init_mem(&r, "\xef\xbbx\n", 4);
	next_is(&r, "\xef\xbbx", 3);
	next_is_eof(&r);
	dg_reader_init_mem(&r, "\xef\xbb", 2);
	next_is(&r, "\xef\xbb", 2);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_no_final_newline)
{
	dg_reader r;

	dg_reader_init_mem(&r, "a\nlast", 6);
	next_is(&r, "a", 1);
	next_is(&r, "last", 4);
	ck_assert_uint_eq(r.lineno, 2);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_final_newline_adds_no_empty_line)
{
	dg_reader r;

	dg_reader_init_mem(&r, "a\n", 2);
	next_is(&r, "a", 1);
	next_is_eof(&r);
	dg_reader_init_mem(&r, "\n\n", 2);
	next_is(&r, "", 0);
	next_is(&r, "", 0);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_nul_inside_line)
{
	dg_reader r;

	dg_reader_init_mem(&r, "a\0b\nc\0\n\0", 8);
	next_is(&r, "a\0b", 3);
	next_is(&r, "c\0", 2);
	next_is(&r, "\0", 1);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_invalid_utf8_is_data)
{
	dg_reader r;

	dg_reader_init_mem(&r, "\xff\xfe\xc0\x80\n\x80", 6);
	next_is(&r, "\xff\xfe\xc0\x80", 4);
	next_is(&r, "\x80", 1);
	next_is_eof(&r);
}
END_TEST

START_TEST(test_reader_empty_input)
{
	dg_reader r;
	int fd;

	dg_reader_init_mem(&r, NULL, 0);
	next_is_eof(&r);
	ck_assert_uint_eq(r.lineno, 0);
	dg_reader_init_mem(&r, "", 0);
	next_is_eof(&r);
	fd = dg_check_temp_file("", 0);
	dg_reader_init_fd(&r, fd);
	next_is_eof(&r);
	ck_assert_uint_eq(r.lineno, 0);
	dg_reader_fini(&r);
	close(fd);
}
END_TEST

START_TEST(test_reader_lineno_counts_lines)
{
	dg_reader r;

	dg_reader_init_mem(&r, "a\n\nb\r\nc", 7);
	ck_assert_uint_eq(r.lineno, 0);
	next_is(&r, "a", 1);
	ck_assert_uint_eq(r.lineno, 1);
	next_is(&r, "", 0);
	ck_assert_uint_eq(r.lineno, 2);
	next_is(&r, "b", 1);
	ck_assert_uint_eq(r.lineno, 3);
	next_is(&r, "c", 1);
	ck_assert_uint_eq(r.lineno, 4);
	next_is_eof(&r);
	ck_assert_uint_eq(r.lineno, 4);
}
END_TEST

START_TEST(test_reader_fd_small_input)
{
	static const char text[] = "\xef\xbb\xbfone\r\ntwo\0\nthree";
	dg_reader r;
	int fd;

	fd = dg_check_temp_file(text, sizeof(text) - 1);
	dg_reader_init_fd(&r, fd);
	next_is(&r, "one", 3);
	next_is(&r, "two\0", 4);
	next_is(&r, "three", 5);
	next_is_eof(&r);
	dg_reader_fini(&r);
	close(fd);
}
END_TEST

START_TEST(test_reader_tell_is_offset_of_next_line)
{
	static const char text[] = "\xef\xbb\xbf" "ab\r\ncd\nef";
	dg_reader r;
	int fd;

	fd = dg_check_temp_file(text, sizeof(text) - 1);
	dg_reader_init_fd(&r, fd);
	next_is(&r, "ab", 2);
	ck_assert_int_eq(dg_reader_tell(&r), 7);
	next_is(&r, "cd", 2);
	ck_assert_int_eq(dg_reader_tell(&r), 10);
	next_is(&r, "ef", 2);
	ck_assert_int_eq(dg_reader_tell(&r), 12);
	dg_reader_fini(&r);
	close(fd);
}
END_TEST

START_TEST(test_reader_tell_of_pipe_or_memory_is_minus_one)
{
	dg_reader r;
	dg_str line;
	int p[2];

	ck_assert_int_eq(pipe(p), 0);
	dg_check_write_all(p[1], "a\nb\n", 4);
	close(p[1]);
	dg_reader_init_fd(&r, p[0]);
	ck_assert_int_eq(dg_reader_next(&r, &line), DG_OK);
	ck_assert_int_eq(dg_reader_tell(&r), -1);
	dg_reader_fini(&r);
	close(p[0]);
	dg_reader_init_mem(&r, "a\nb\n", 4);
	ck_assert_int_eq(dg_reader_next(&r, &line), DG_OK);
	ck_assert_int_eq(dg_reader_tell(&r), -1);
	dg_reader_fini(&r);
}
END_TEST

START_TEST(test_reader_read_error_is_eio)
{
	dg_reader r;
	dg_str line;
	int fd;

	/* Reading a directory fails with EISDIR, as for a bad operand. */
	fd = open("/", O_RDONLY);
	ck_assert_int_ge(fd, 0);
	dg_reader_init_fd(&r, fd);
	errno = 0;
	ck_assert_int_eq(dg_reader_next(&r, &line), DG_EIO);
	ck_assert_int_eq(errno, EISDIR);
	dg_reader_fini(&r);
	close(fd);
}
END_TEST

START_TEST(test_reader_mem_does_not_own_buffer)
{
	char *p = malloc(4);
	dg_reader r;

	ck_assert_ptr_nonnull(p);
	memcpy(p, "ab\nc", 4);
	dg_reader_init_mem(&r, p, 4);
	next_is(&r, "ab", 2);
	dg_reader_fini(&r);
	/* Still ours: a second free would abort (and ASan would say so). */
	ck_assert_int_eq(p[3], 'c');
	free(p);
}
END_TEST

START_TEST(test_reader_line_longer_than_buffer)
{
	struct input *in = calloc(1, sizeof(*in));
	dg_reader r;
	int fd;

	ck_assert_ptr_nonnull(in);
	long_lines(in);
	fd = dg_check_temp_file(in->data.p, in->data.len);
	dg_reader_init_fd(&r, fd);
	expect_lines(&r, in);
	dg_reader_fini(&r);
	close(fd);

	/* The same bytes held in memory. */
	dg_reader_init_mem(&r, in->data.p, in->data.len);
	expect_lines(&r, in);
	dg_buf_free(&in->data);
	free(in);
}
END_TEST

START_TEST(test_reader_line_longer_than_buffer_from_pipe)
{
	static const size_t chunks[] = { 4093, 1, 7, 65536 + 3, 100 };
	struct input *in = calloc(1, sizeof(*in));
	dg_reader r;
	pid_t pid;
	int fd;

	ck_assert_ptr_nonnull(in);
	long_lines(in);
	fd = pipe_writer(in->data.p, in->data.len, chunks, 5, &pid);
	dg_reader_init_fd(&r, fd);
	expect_lines(&r, in);
	dg_reader_fini(&r);
	close(fd);
	reap(pid);
	dg_buf_free(&in->data);
	free(in);
}
END_TEST

START_TEST(test_reader_lines_straddle_reads)
{
	static const size_t chunks[] = { 1, 3, 4093, 511, 70000 };
	struct input *in = calloc(1, sizeof(*in));
	dg_reader r;
	pid_t pid;
	int fd;

	ck_assert_ptr_nonnull(in);
	many_lines(in);
	ck_assert_uint_gt(in->data.len, 1024 * 1024);
	fd = dg_check_temp_file(in->data.p, in->data.len);
	dg_reader_init_fd(&r, fd);
	expect_lines(&r, in);
	dg_reader_fini(&r);
	close(fd);

	fd = pipe_writer(in->data.p, in->data.len, chunks, 5, &pid);
	dg_reader_init_fd(&r, fd);
	expect_lines(&r, in);
	dg_reader_fini(&r);
	close(fd);
	reap(pid);
	dg_buf_free(&in->data);
	free(in);
}
END_TEST

START_TEST(test_reader_bom_and_crlf_split_across_reads)
{
	/* Each piece is written apart: the BOM byte by byte, a CR in one
	 * read and its LF in the next. */
	static const char text[] =
	    "\xef\xbb\xbf" "x\r\n" "\xef\xbb\xbf" "y\n" "z\r" "\n" "end";
	static const size_t chunks[] = { 1, 1, 2, 1, 1, 5, 2, 1, 3 };
	dg_reader r;
	pid_t pid;
	int fd;

	fd = pipe_writer(text, sizeof(text) - 1, chunks, 9, &pid);
	dg_reader_init_fd(&r, fd);
	next_is(&r, "x", 1);
	next_is(&r, "\xef\xbb\xbf" "y", 4);
	next_is(&r, "z", 1);
	next_is(&r, "end", 3);
	next_is_eof(&r);
	dg_reader_fini(&r);
	close(fd);
	reap(pid);
}
END_TEST

/* --- dg_buf --------------------------------------------------------------- */

START_TEST(test_buf_add_appends_any_bytes)
{
	dg_buf b = { 0 };
	size_t i;

	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(dg_buf_add(&b, "a\0b", 3), DG_OK);
	ck_assert_uint_eq(b.len, 3000);
	ck_assert_uint_ge(b.cap, b.len);
	for (i = 0; i < 1000; i++)
		ck_assert(memcmp(b.p + 3 * i, "a\0b", 3) == 0);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_buf_addc_appends_one_byte)
{
	dg_buf b = { 0 };
	size_t i;

	for (i = 0; i < 600; i++)
		ck_assert_int_eq(dg_buf_addc(&b, (char)i), DG_OK);
	ck_assert_uint_eq(b.len, 600);
	for (i = 0; i < 600; i++)
		ck_assert_int_eq((unsigned char)b.p[i], i & 0xff);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_buf_add_nothing_is_ok)
{
	dg_buf b = { 0 };

	ck_assert_int_eq(dg_buf_add(&b, NULL, 0), DG_OK);
	ck_assert_uint_eq(b.len, 0);
	dg_buf_add(&b, "xy", 2);
	ck_assert_int_eq(dg_buf_add(&b, NULL, 0), DG_OK);
	dg_check_str((dg_str){ b.p, b.len }, "xy", "buffer");
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_buf_reserve_gives_room)
{
	dg_buf b = { 0 };
	char *p;
	size_t i;

	dg_buf_add(&b, "ab", 2);
	ck_assert_int_eq(dg_buf_reserve(&b, 5000), DG_OK);
	ck_assert_uint_ge(b.cap - b.len, 5000);
	dg_check_str((dg_str){ b.p, b.len }, "ab", "kept bytes");
	/* Adding within the reserved room does not move the bytes. */
	p = b.p;
	for (i = 0; i < 5000; i++)
		dg_buf_addc(&b, 'c');
	ck_assert_ptr_eq(b.p, p);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_buf_reserve_overflow_is_enomem)
{
	dg_buf b = { 0 };

	dg_buf_add(&b, "abc", 3);
	ck_assert_int_eq(dg_buf_reserve(&b, SIZE_MAX), DG_ENOMEM);
	ck_assert_int_eq(dg_buf_reserve(&b, SIZE_MAX - 3), DG_ENOMEM);
	ck_assert_int_eq(dg_buf_add(&b, "x", SIZE_MAX / 2), DG_ENOMEM);
	dg_check_str((dg_str){ b.p, b.len }, "abc", "buffer after failure");
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_buf_free_resets)
{
	dg_buf b = { 0 };

	dg_buf_add(&b, "abc", 3);
	dg_buf_free(&b);
	ck_assert_ptr_null(b.p);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
	dg_buf_free(&b);
	ck_assert_int_eq(dg_buf_add(&b, "z", 1), DG_OK);
	dg_check_str((dg_str){ b.p, b.len }, "z", "reused buffer");
	dg_buf_free(&b);
}
END_TEST

static Suite *
reader_suite(void)
{
	Suite *s = suite_create("reader");
	TCase *tc = tcase_create("lines");
	TCase *big = tcase_create("big");
	TCase *buf = tcase_create("buf");

	tcase_add_test(tc, test_reader_lf_ends_lines);
	tcase_add_test(tc, test_reader_crlf_drops_cr);
	tcase_add_test(tc, test_reader_crlf_drops_only_one_cr);
	tcase_add_test(tc, test_reader_lone_cr_is_data);
	tcase_add_test(tc, test_reader_bom_only_at_start);
	tcase_add_test(tc, test_reader_bom_alone_is_no_line);
	tcase_add_test(tc, test_reader_partial_bom_is_data);
	tcase_add_test(tc, test_reader_no_final_newline);
	tcase_add_test(tc, test_reader_final_newline_adds_no_empty_line);
	tcase_add_test(tc, test_reader_nul_inside_line);
	tcase_add_test(tc, test_reader_invalid_utf8_is_data);
	tcase_add_test(tc, test_reader_empty_input);
	tcase_add_test(tc, test_reader_lineno_counts_lines);
	tcase_add_test(tc, test_reader_fd_small_input);
	tcase_add_test(tc, test_reader_tell_is_offset_of_next_line);
	tcase_add_test(tc, test_reader_tell_of_pipe_or_memory_is_minus_one);
	tcase_add_test(tc, test_reader_read_error_is_eio);
	tcase_add_test(tc, test_reader_mem_does_not_own_buffer);
	tcase_add_test(tc, test_reader_bom_and_crlf_split_across_reads);
	suite_add_tcase(s, tc);

	/* Megabytes through real file descriptors: slow under sanitizers. */
	tcase_set_timeout(big, 120);
	tcase_add_test(big, test_reader_line_longer_than_buffer);
	tcase_add_test(big, test_reader_line_longer_than_buffer_from_pipe);
	tcase_add_test(big, test_reader_lines_straddle_reads);
	suite_add_tcase(s, big);

	tcase_add_test(buf, test_buf_add_appends_any_bytes);
	tcase_add_test(buf, test_buf_addc_appends_one_byte);
	tcase_add_test(buf, test_buf_add_nothing_is_ok);
	tcase_add_test(buf, test_buf_reserve_gives_room);
	tcase_add_test(buf, test_buf_reserve_overflow_is_enomem);
	tcase_add_test(buf, test_buf_free_resets);
	suite_add_tcase(s, buf);
	return s;
}

int
main(void)
{
	return dg_check_run(reader_suite());
}
