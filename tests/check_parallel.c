/* Unit tests of dg_parallel_run: a regular file in blocks of whole lines,
 * worked on in parallel and handed on in order. */
#include <sys/types.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "../cmd/dg-cat/parallel.h"

/* What emit saw. */
struct seen {
	dg_buf all;		/* the blocks, in the order emitted */
	uint64_t lines;		/* the lines they held */
	uint64_t blocks;	/* how many blocks held lines */
	int misnumbered;	/* a block's lineno was not the lines before */
	int broken;		/* a block began or ended inside a line */
};

static uint64_t
count_lines(const char *p, size_t n)
{
	const char *e = p + n, *nl;
	uint64_t lines = 0;

	while (p < e) {
		lines++;
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			break;
		p = nl + 1;
	}
	return lines;
}

/* work: the block's bytes and line count, for emit. */
static void
copy_block(void *arg, dg_block *b)
{
	(void)arg;
	ck_assert_int_eq(dg_buf_add(&b->out, b->p, b->n), DG_OK);
	b->lines = count_lines(b->p, b->n);
}

static uint64_t
append_block(void *arg, dg_block *b)
{
	struct seen *s = arg;

	if (b->lineno != s->lines)
		s->misnumbered = 1;
	if (b->out.len > 0) {
		/* Only the file's last line may lack its LF. */
		if (s->all.len > 0 && s->all.p[s->all.len - 1] != '\n')
			s->broken = 1;
		s->blocks++;
	}
	ck_assert_int_eq(dg_buf_add(&s->all, b->out.p, b->out.len), DG_OK);
	s->lines += b->lines;
	return b->lines;
}

/* A copy of a file's blocks into s, block and threads as given. */
static void
copier(dg_parallel *par, struct seen *s, size_t block, int threads)
{
	memset(s, 0, sizeof(*s));
	memset(par, 0, sizeof(*par));
	par->work = copy_block;
	par->emit = append_block;
	par->arg = s;
	par->block = block;
	par->threads = threads;
}

/* Runs the copy over the n bytes at p from offset off, and checks that
 * every line came through once, whole, in order, with its number. */
static void
copies(const char *p, size_t n, off_t off, size_t block, int threads)
{
	dg_parallel par;
	struct seen s;
	int fd;

	copier(&par, &s, block, threads);
	par.lineno = count_lines(p, (size_t)off);
	s.lines = par.lineno;
	fd = dg_check_temp_file(p, n);
	ck_assert_int_eq(dg_parallel_run(&par, fd, off), DG_OK);
	ck_assert_msg(s.all.len == n - (size_t)off &&
	    memcmp(s.all.p ? s.all.p : "", p + off, s.all.len) == 0,
	    "block %zu, %d threads, %zu bytes from %lld: got %zu bytes back",
	    block, threads, n, (long long)off, s.all.len);
	ck_assert_uint_eq(s.lines, count_lines(p, n));
	ck_assert_msg(!s.misnumbered, "block %zu: a lineno is wrong", block);
	ck_assert_msg(!s.broken, "block %zu: a line was cut", block);
	ck_assert_int_eq(lseek(fd, 0, SEEK_CUR), (off_t)n);
	close(fd);
	dg_buf_free(&s.all);
}

#define TEXT(s) { s, sizeof(s) - 1 }

START_TEST(test_parallel_blocks_are_whole_lines_in_order)
{
	static const struct {
		const char *p;
		size_t n;
	} text[] = {
		TEXT(""), TEXT("a"), TEXT("a\n"), TEXT("\n"), TEXT("\n\n\n"),
		TEXT("ab\ncd"), TEXT("one\ntwo\nthree\n"),
		TEXT("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\ny\n"),
		TEXT("a\r\nb\r\n\0c\n\r"),
	};
	size_t i, block;
	int threads;

	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		for (block = 1; block <= 9; block++)
			for (threads = 1; threads <= 3; threads++)
				copies(text[i].p, text[i].n, 0, block, threads);
}
END_TEST

/* Lines of many lengths, some far longer than a block. */
static void
mixed_lines(dg_buf *b, size_t nlines, size_t longest)
{
	uint32_t seed = 7;
	size_t i, len;

	for (i = 0; i < nlines; i++) {
		seed = seed * 1103515245u + 12345u;
		len = (seed >> 8) % (i % 17 == 0 ? longest : 40);
		/* One assertion per line: Check records each one. */
		ck_assert_int_eq(dg_buf_reserve(b, len + 1), DG_OK);
		while (len-- > 0)
			b->p[b->len++] = (char)('a' + len % 26);
		b->p[b->len++] = '\n';
	}
}

START_TEST(test_parallel_lines_of_any_length_across_blocks)
{
	static const size_t blocks[] = { 13, 64, 100, 4096 };
	dg_buf b;
	size_t i;
	int threads;

	memset(&b, 0, sizeof(b));
	mixed_lines(&b, 400, 300);
	for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		for (threads = 1; threads <= 4; threads++) {
			copies(b.p, b.len, 0, blocks[i], threads);
			copies(b.p, b.len - 1, 0, blocks[i], threads);
		}
	dg_buf_free(&b);
}
END_TEST

/* The defaults: blocks of 1 MiB, lines running on past them by more than
 * the first read after a block. */
START_TEST(test_parallel_default_blocks_and_threads)
{
	dg_buf b;

	memset(&b, 0, sizeof(b));
	mixed_lines(&b, 6000, 20000);
	ck_assert_uint_gt(b.len, 3 * 1024 * 1024);
	copies(b.p, b.len, 0, 0, 0);
	dg_buf_free(&b);
}
END_TEST

START_TEST(test_parallel_starts_at_offset_numbering_on)
{
	static const char text[] = "abc\ndef\nghi\njkl\n";
	size_t block;

	for (block = 1; block <= 6; block++) {
		copies(text, sizeof(text) - 1, 4, block, 2);
		copies(text, sizeof(text) - 1, 12, block, 2);
		copies(text, sizeof(text) - 1, 16, block, 2);
	}
}
END_TEST

/* The file that grow_file writes to. */
static int growing = -1;

/* work: copy_block, and a writer finishing the file's last line (and
 * adding one more) once a block ends in the middle of it. */
static void
grow_file(void *arg, dg_block *b)
{
	copy_block(arg, b);
	if (b->n > 0 && b->p[b->n - 1] != '\n') {
		ck_assert_int_eq(lseek(growing, 0, SEEK_END), 11);
		dg_check_write_all(growing, "jk\nlm\n", 6);
	}
}

/* What is read of a file being written is whole lines up to where a read
 * first met its end, not the lines after the end of a cut one. */
START_TEST(test_parallel_growing_file_ends_at_first_end_seen)
{
	static const char text[] = "abc\ndefg\nhi";
	dg_parallel par;
	struct seen s;
	size_t block;

	for (block = 1; block <= 5; block++) {
		copier(&par, &s, block, 1);
		par.work = grow_file;
		growing = dg_check_temp_file(text, sizeof(text) - 1);
		ck_assert_int_eq(dg_parallel_run(&par, growing, 0), DG_OK);
		dg_check_str((dg_str){ s.all.p, s.all.len }, text, "read");
		close(growing);
		dg_buf_free(&s.all);
	}
}
END_TEST

/*
 * A file that changes while it is read: changing_read, as par.read_at,
 * grows it or cuts it short at a chosen read.  Reads and changes take
 * turns under a lock, so that each read sees one version of the file;
 * every version is a prefix of chg.full.
 */
enum change {
	GROW,			/* the rest of full is appended */
	CUT			/* cut to chg.cut bytes, later all of full */
};

static struct {
	pthread_mutex_t mu;
	int fd;
	enum change how;
	int at;			/* GROW: after this read (0: after the first
				   that comes back short); CUT: before it */
	int regrow;		/* CUT: reads that see the file cut */
	int calls;		/* reads so far */
	int changed;		/* 1 once changed, 2 once grown again (CUT) */
	int cut_call;		/* the read that first saw it cut */
	dg_buf full;		/* the last version */
	size_t size;		/* the first version: full's first size bytes */
	size_t cut;		/* CUT: the bytes left */
} chg = { PTHREAD_MUTEX_INITIALIZER, -1, GROW, 0, 0, 0, 0, 0,
    { NULL, 0, 0 }, 0, 0 };

/* Makes the file chg.full's first n bytes. */
static void
set_file(size_t n)
{
	ck_assert_int_eq(pwrite(chg.fd, chg.full.p, n, 0), (ssize_t)n);
	ck_assert_int_eq(ftruncate(chg.fd, (off_t)n), 0);
}

static ssize_t
changing_read(int fd, void *buf, size_t n, off_t off)
{
	ssize_t k;

	pthread_mutex_lock(&chg.mu);
	chg.calls++;
	if (chg.how == CUT && chg.changed == 0 && chg.calls == chg.at) {
		set_file(chg.cut);
		chg.changed = 1;
		chg.cut_call = chg.calls;
	} else if (chg.how == CUT && chg.changed == 1 &&
	    chg.calls >= chg.cut_call + chg.regrow) {
		set_file(chg.full.len);
		chg.changed = 2;
	}
	k = pread(fd, buf, n, off);
	if (chg.how == GROW && chg.changed == 0 && (chg.at > 0 ?
	    chg.calls == chg.at : k >= 0 && (size_t)k < n)) {
		set_file(chg.full.len);
		chg.changed = 1;
	}
	pthread_mutex_unlock(&chg.mu);
	return k;
}

/* Numbered lines of many lengths, every ninth long bytes, from line
 * from on, to n bytes or a little more. */
static void
numbered_lines(dg_buf *b, unsigned from, size_t n, size_t longest)
{
	char num[16];
	unsigned i;
	size_t len;

	for (i = from; b->len < n; i++) {
		len = (size_t)snprintf(num, sizeof(num), "%u:", i);
		ck_assert_int_eq(dg_buf_add(b, num, len), DG_OK);
		len = i % 9 == 0 ? longest : i * 7 % 23;
		ck_assert_int_eq(dg_buf_reserve(b, len + 1), DG_OK);
		while (len-- > 0)
			b->p[b->len++] = (char)('a' + (i + len) % 26);
		b->p[b->len++] = '\n';
	}
}

/*
 * Reads the file as it changes (how, at, cut, regrow as in chg) in
 * blocks of block bytes on threads threads; checks that what came out
 * is whole lines of one version from its start, with no hole, never
 * past the size at the start; returns whether the change was made.
 */
static int
read_changing(enum change how, int at, size_t cut, int regrow,
    size_t block, int threads)
{
	dg_parallel par;
	struct seen s;
	size_t len;
	int st;

	copier(&par, &s, block, threads);
	par.read_at = changing_read;
	par.lineno = 0;
	chg.how = how;
	chg.at = at;
	chg.cut = cut;
	chg.regrow = regrow;
	chg.calls = chg.changed = chg.cut_call = 0;
	set_file(chg.size);
	st = dg_parallel_run(&par, chg.fd, 0);
	len = s.all.len;
	ck_assert_msg(st == DG_OK, "status %d", st);
	ck_assert_msg(len <= chg.size && (len == 0 ||
	    memcmp(s.all.p, chg.full.p, len) == 0),
	    "%s at read %d (cut to %zu, %d reads), block %zu, %d threads: "
	    "%zu bytes are no prefix of the file's %zu",
	    how == GROW ? "grown" : "cut", at, cut, regrow, block, threads,
	    len, chg.size);
	/* Whole lines: a last line without LF only where the file ended. */
	ck_assert_msg(len == 0 || s.all.p[len - 1] == '\n' ||
	    (how == CUT && chg.changed > 0 && len == cut),
	    "cut at read %d to %zu (%d reads), block %zu, %d threads: "
	    "a torn line ends the %zu bytes", at, cut, regrow, block,
	    threads, len);
	/* Grown or not seen cut: the file as it was at the start. */
	if (how == GROW || chg.changed == 0)
		ck_assert_msg(len == chg.size, "%s at read %d, block %zu, "
		    "%d threads: %zu bytes of %zu", how == GROW ? "grown" :
		    "cut", at, block, threads, len, chg.size);
	ck_assert_uint_eq(s.lines, len > 0 ? count_lines(s.all.p, len) : 0);
	ck_assert(!s.misnumbered);
	ck_assert(!s.broken);
	/* The offset is left where the lines handed out end. */
	ck_assert_int_eq(lseek(chg.fd, 0, SEEK_CUR), (off_t)len);
	dg_buf_free(&s.all);
	return chg.changed > 0;
}

/* The file of about n bytes that read_changing reads, its every ninth
 * line longest bytes; what a writer adds is as much again. */
static void
changing_file(size_t n, size_t longest)
{
	memset(&chg.full, 0, sizeof(chg.full));
	numbered_lines(&chg.full, 1, n, longest);
	chg.size = chg.full.len;
	numbered_lines(&chg.full, 100000, 2 * n, longest);
	chg.fd = dg_check_temp_file("", 0);
}

static void
changed_file(void)
{
	close(chg.fd);
	dg_buf_free(&chg.full);
}

/* Small files in small blocks, lines longer than a block; and a line
 * longer than the steps that read on past a block. */
static const struct {
	size_t n, longest, block;
} change_files[] = {
	{ 700, 150, 16 }, { 700, 150, 64 }, { 30000, 9000, 4096 }
};
static const int change_threads[] = { 1, 2, 4 };
#define NFILES (sizeof(change_files) / sizeof(change_files[0]))
#define NTHREADS (sizeof(change_threads) / sizeof(change_threads[0]))

/* A writer appends whole lines at any moment, one of them just after a
 * read found the end: what is read is the file as it was at the start,
 * whole, nothing after a hole. */
START_TEST(test_parallel_file_growing_as_read)
{
	size_t i, j, block;
	int at;

	for (i = 0; i < NFILES; i++) {
		changing_file(change_files[i].n, change_files[i].longest);
		block = change_files[i].block;
		for (j = 0; j < NTHREADS; j++) {
			read_changing(GROW, 0, 0, 0, block,
			    change_threads[j]);
			for (at = 1; read_changing(GROW, at, 0, 0, block,
			    change_threads[j]); at++)
				continue;
		}
		changed_file();
	}
}
END_TEST

/* A writer truncates the file and writes it again, the same lines and
 * more, at any moment: what is read is whole lines from the start,
 * with no hole, up to no further than an end a read found. */
START_TEST(test_parallel_file_cut_and_rewritten_as_read)
{
	size_t cuts[4], i, j, c, block;
	const char *nl;
	int at, regrow;

	for (i = 0; i < NFILES; i++) {
		changing_file(change_files[i].n, change_files[i].longest);
		block = change_files[i].block;
		nl = memchr(chg.full.p + chg.size / 2, '\n', chg.size / 2);
		ck_assert_ptr_nonnull(nl);
		cuts[0] = 0;
		cuts[1] = (size_t)(nl - chg.full.p) + 1;  /* after a line */
		cuts[2] = cuts[1] - 2;			  /* inside one */
		cuts[3] = chg.size - 1;			  /* no last LF */
		for (j = 0; j < NTHREADS; j++)
			for (c = 0; c < 4; c++)
				for (regrow = 1; regrow <= 3; regrow += 2)
					for (at = 1; read_changing(CUT, at,
					    cuts[c], regrow, block,
					    change_threads[j]); at++)
						continue;
		changed_file();
	}
}
END_TEST

START_TEST(test_parallel_read_error_is_eio)
{
	dg_parallel par;
	struct seen s;
	int fd;

	copier(&par, &s, 0, 2);
	fd = open("/", O_RDONLY);
	ck_assert_int_ge(fd, 0);
	errno = 0;
	ck_assert_int_eq(dg_parallel_run(&par, fd, 0), DG_EIO);
	ck_assert_int_eq(errno, EISDIR);
	ck_assert_uint_eq(s.blocks, 0);
	close(fd);
}
END_TEST

START_TEST(test_parallel_worth_it_on_regular_files_past_a_block)
{
	dg_parallel par;
	struct seen s;
	int fd, p[2];

	copier(&par, &s, 0, 0);
	fd = dg_check_temp_file("a\nb\n", 4);
	ck_assert(!dg_parallel_worth(&par, fd, 0));
	par.block = 3;
	ck_assert(dg_parallel_worth(&par, fd, 0));
	ck_assert(!dg_parallel_worth(&par, fd, 1));
	close(fd);
	par.block = 1;
	ck_assert_int_eq(pipe(p), 0);
	dg_check_write_all(p[1], "a\nb\n", 4);
	ck_assert(!dg_parallel_worth(&par, p[0], 0));
	close(p[0]);
	close(p[1]);
	fd = open("/", O_RDONLY);
	ck_assert(!dg_parallel_worth(&par, fd, 0));
	close(fd);
}
END_TEST

static Suite *
parallel_suite(void)
{
	Suite *s = suite_create("parallel");
	TCase *tc = tcase_create("parallel");

	tcase_add_test(tc, test_parallel_blocks_are_whole_lines_in_order);
	tcase_add_test(tc, test_parallel_lines_of_any_length_across_blocks);
	tcase_add_test(tc, test_parallel_default_blocks_and_threads);
	tcase_add_test(tc, test_parallel_starts_at_offset_numbering_on);
	tcase_add_test(tc, test_parallel_growing_file_ends_at_first_end_seen);
	tcase_add_test(tc, test_parallel_read_error_is_eio);
	tcase_add_test(tc, test_parallel_worth_it_on_regular_files_past_a_block);
	suite_add_tcase(s, tc);
	/* Thousands of runs: slow on a sanitizer build. */
	tc = tcase_create("changing");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_parallel_file_growing_as_read);
	tcase_add_test(tc, test_parallel_file_cut_and_rewritten_as_read);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(parallel_suite());
}
