/*
 * parallel.c - the lines of a regular file, block by block, worked on by
 * several threads and handed on in file order.
 *
 * A block owns the lines that start in its stretch of the file.  Each
 * worker takes the next block number, reads the block with pread (one
 * byte before it, to see whether a line starts there, and on past its
 * end to finish the last line it owns), lets work() have it, then waits
 * for the block's turn and lets emit() have it.  The kernel's copy and
 * the pass over the bytes, nearly all the work, are shared out among the
 * processors: on two, dg-cat takes about as long as cat, which only
 * copies.
 *
 * A file may change while it is read.  The reading goes no further than
 * its size at the start; a read that comes back short finds an earlier
 * end, which every later read keeps to; and the block with the end in
 * it is the last emitted, whichever thread reads what when.  So the
 * blocks emitted join up: whole lines from the start (the last one
 * without LF only where a read found the file ended), nothing after a
 * hole.
 */
#include <sys/stat.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parallel.h"

/* Large enough that the workers seldom wait for each other's turn (dg-cat
 * on 128 KiB blocks took 1.3 times as long), small beside memory. */
#define BLOCK (1024 * 1024)
/* The first read past a block, to finish its last line. */
#define TAIL 4096
/* Beyond this the copies compete for memory, not for processors. */
#define MAX_THREADS 4

struct shared {
	const dg_parallel *par;
	int fd;
	off_t off;		/* where block 0 starts */
	size_t size;		/* bytes per block */
	pthread_mutex_t mu;
	pthread_cond_t cv;	/* turn or end moved */
	off_t eof;		/* no read goes past: the size at the start,
				   or where a read found the file ends */
	int exact;		/* the file did end at eof (else it was
				   found to end there or before) */
	uint64_t next;		/* the next block to take */
	uint64_t turn;		/* the block whose emit is due */
	uint64_t end;		/* the first block not to emit */
	uint64_t lineno;	/* lines before block turn */
	off_t done;		/* where the lines emitted so far end */
	int st;			/* DG_OK, or why the blocks end early */
	int err;		/* errno of the read that failed */
};

struct worker {
	struct shared *s;
	char *buf;		/* the block as read */
	size_t cap;
	dg_block b;
	off_t to;		/* where the block's lines end in the file */
};

/*
 * Reads up to n bytes at off into buf, none at or past s->eof; returns
 * how many, or -1.  Fewer than that allows means that the file now ends
 * sooner: s->eof moves there, for every read after.  *exact is set when
 * the bytes read end where the file did end, as a short read or the
 * size at the start says; a read of nothing says only that it ends at
 * off or before.
 */
static ssize_t
readat(struct shared *s, char *buf, size_t n, off_t off, int *exact)
{
	ssize_t (*rd)(int, void *, size_t, off_t) = s->par->read_at ?
	    s->par->read_at : pread;
	size_t got = 0;
	off_t eof;
	ssize_t k;

	pthread_mutex_lock(&s->mu);
	eof = s->eof;
	*exact = s->exact;
	pthread_mutex_unlock(&s->mu);
	if (off >= eof) {
		*exact = 0;
		return 0;
	}
	if ((off_t)n >= eof - off)
		n = (size_t)(eof - off);
	else
		*exact = 0;
	while (got < n) {
		k = rd(s->fd, buf + got, n - got, off + (off_t)got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			break;
		got += (size_t)k;
	}
	if (got < n) {
		*exact = got > 0;
		pthread_mutex_lock(&s->mu);
		if (off + (off_t)got < s->eof) {
			s->eof = off + (off_t)got;
			s->exact = *exact;
		} else if (off + (off_t)got == s->eof && *exact)
			s->exact = 1;
		pthread_mutex_unlock(&s->mu);
	}
	return (ssize_t)got;
}

static int
room(struct worker *w, size_t n)
{
	char *p;

	if (n <= w->cap)
		return DG_OK;
	if ((p = realloc(w->buf, n)) == NULL)
		return DG_ENOMEM;
	w->buf = p;
	w->cap = n;
	return DG_OK;
}

/*
 * Reads block k into w->b: DG_OK (it may own no line, when one line
 * runs across it; *last is set when the end of the file is in it, so
 * that no block after it may be emitted), DG_EOF when the file ends
 * before it, DG_EIO or DG_ENOMEM.
 */
static int
load(struct worker *w, uint64_t k, int *last)
{
	struct shared *s = w->s;
	size_t back = k > 0, len, first, more = TAIL;
	off_t from = s->off + (off_t)(k * s->size) - (off_t)back;
	ssize_t got;
	char *nl;
	int exact;		/* the bytes in hand end where the file did */

	*last = 0;
	if (room(w, s->size + back) != DG_OK)
		return DG_ENOMEM;
	if ((got = readat(s, w->buf, s->size + back, from, &exact)) < 0)
		return DG_EIO;
	len = (size_t)got;
	if (len <= back)
		return DG_EOF;
	/* A line starts at the block, or after the first LF in it. */
	if (back && w->buf[0] != '\n') {
		nl = memchr(w->buf, '\n', len);
		first = nl != NULL ? (size_t)(nl - w->buf) + 1 : len;
	} else {
		first = back;
	}
	/* The file ends inside the block, and so does its last line. */
	*last = len < s->size + back;
	/* Else the last line it owns ends at the next LF, maybe past the
	 * block: read on in small steps first, as lines are short beside a
	 * block.  Each step reads again the last byte in hand, to see
	 * that the file still goes that far. */
	while (!*last && first < len && w->buf[len - 1] != '\n') {
		if (room(w, len + more) != DG_OK)
			return DG_ENOMEM;
		got = readat(s, w->buf + len - 1, more + 1,
		    from + (off_t)len - 1, &exact);
		if (got < 0)
			return DG_EIO;
		if (got > 0 && (nl = memchr(w->buf + len - 1, '\n',
		    (size_t)got)) != NULL) {
			len = (size_t)(nl - w->buf) + 1;
			break;
		}
		if (got > 0)
			len += (size_t)got - 1;
		*last = (size_t)got < more + 1;
		if (more < s->size)
			more *= 2;
	}
	/* A line cut by the end of the file is its last line, as for a
	 * reader, when the file did end there.  When it was found only to
	 * end there or before, cut shorter, the line in hand may be of an
	 * older, longer file: the block ends before it. */
	if (*last && !exact)
		while (len > first && w->buf[len - 1] != '\n')
			len--;
	w->b.p = w->buf + first;
	w->b.n = len - first;
	w->to = from + (off_t)len;
	return DG_OK;
}

/* Waits for block k's turn; returns 0 when the blocks end before it. */
static int
wait_turn(struct shared *s, uint64_t k)
{
	int mine;

	pthread_mutex_lock(&s->mu);
	while (s->turn != k && s->turn < s->end)
		pthread_cond_wait(&s->cv, &s->mu);
	mine = k < s->end;
	pthread_mutex_unlock(&s->mu);
	return mine;
}

/* No block from k on is emitted: st says why (DG_EOF: the file ended). */
static void
end_at(struct shared *s, uint64_t k, int st, int err)
{
	pthread_mutex_lock(&s->mu);
	if (k < s->end) {
		s->end = k;
		s->st = st == DG_EOF ? DG_OK : st;
		s->err = err;
	}
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

static void *
work_on(void *arg)
{
	struct worker *w = arg;
	struct shared *s = w->s;
	uint64_t k, lines;
	int st, last = 0;

	for (;;) {
		pthread_mutex_lock(&s->mu);
		k = s->next++;
		pthread_mutex_unlock(&s->mu);
		if ((st = load(w, k, &last)) != DG_OK) {
			end_at(s, k, st, errno);
			break;
		}
		/* The end of the file ends the reading, as for a reader
		 * going through once: should the file grow back, a later
		 * block would go on after a hole. */
		if (last)
			end_at(s, k + 1, DG_EOF, 0);
		w->b.lineno = s->par->lineno;
		w->b.lines = 0;
		w->b.redo = 0;
		w->b.out.len = 0;
		w->b.notes.len = 0;
		s->par->work(s->par->arg, &w->b);
		if (!wait_turn(s, k))
			break;
		/* Only the turn's holder touches s->lineno until it passes. */
		w->b.lineno = s->lineno;
		lines = s->par->emit(s->par->arg, &w->b);
		pthread_mutex_lock(&s->mu);
		s->lineno += lines;
		if (w->b.n > 0)
			s->done = w->to;
		s->turn++;
		pthread_cond_broadcast(&s->cv);
		pthread_mutex_unlock(&s->mu);
	}
	return NULL;
}

static int
nthreads(const dg_parallel *par)
{
	long n = par->threads;

	if (n <= 0) {
		n = sysconf(_SC_NPROCESSORS_ONLN);
		if (n > MAX_THREADS)
			n = MAX_THREADS;
	}
	return n < 1 ? 1 : (int)n;
}

static size_t
block_size(const dg_parallel *par)
{
	return par->block > 0 ? par->block : BLOCK;
}

int
dg_parallel_worth(const dg_parallel *par, int fd, off_t off)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size - off > (off_t)block_size(par);
}

int
dg_parallel_run(const dg_parallel *par, int fd, off_t off)
{
	struct shared s;
	struct stat sb;
	struct worker *w;
	pthread_t *tid;
	int n, i, started;

	if (fstat(fd, &sb) != 0)
		return DG_EIO;
	memset(&s, 0, sizeof(s));
	s.par = par;
	s.fd = fd;
	s.off = off;
	s.size = block_size(par);
	s.eof = sb.st_size;
	s.exact = 1;
	s.end = UINT64_MAX;
	s.lineno = par->lineno;
	s.done = off;
	n = nthreads(par);
	w = calloc((size_t)n, sizeof(*w));
	tid = calloc((size_t)n, sizeof(*tid));
	if (w == NULL || tid == NULL) {
		free(w);
		free(tid);
		return DG_ENOMEM;
	}
	pthread_mutex_init(&s.mu, NULL);
	pthread_cond_init(&s.cv, NULL);
	/* Worker 0 is this thread; a thread that cannot start leaves its
	 * share to the others. */
	for (i = 0; i < n; i++)
		w[i].s = &s;
	for (started = 1; started < n; started++)
		if (pthread_create(&tid[started], NULL, work_on,
		    &w[started]) != 0)
			break;
	work_on(&w[0]);
	for (i = 1; i < started; i++)
		pthread_join(tid[i], NULL);
	pthread_cond_destroy(&s.cv);
	pthread_mutex_destroy(&s.mu);
	for (i = 0; i < n; i++) {
		free(w[i].buf);
		dg_buf_free(&w[i].b.out);
		dg_buf_free(&w[i].b.notes);
		dg_buf_free(&w[i].b.scratch);
		dg_buf_free(&w[i].b.key);
	}
	free(w);
	free(tid);
	/* Leave the offset where a reader going through once leaves it,
	 * after the last line it read, for the next command on the same
	 * file description; after a failure, at the end of the file. */
	if (s.st == DG_OK) {
		lseek(fd, s.done, SEEK_SET);
		return DG_OK;
	}
	lseek(fd, 0, SEEK_END);
	errno = s.err;
	return s.st;
}
