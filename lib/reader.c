/* reader.c - lines of any length from a file descriptor or memory. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "reader_int.h"

/* Reads of 128 KiB, as cat makes: few system calls, and the bytes are
 * still in cache when memchr goes over them.  The buffer doubles when a
 * line is longer. */
#define READ_SIZE (128 * 1024)

void
dg_reader_init_fd(dg_reader *r, int fd)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
}

dg_reader *
dg_reader_new_fd(int fd)
{
	dg_reader *r = malloc(sizeof(*r));

	if (r != NULL)
		dg_reader_init_fd(r, fd);
	return r;
}

dg_reader *
dg_reader_new_mem(const char *p, size_t n)
{
	dg_reader *r = malloc(sizeof(*r));

	if (r != NULL)
		dg_reader_init_mem(r, p, n);
	return r;
}

void
dg_reader_init_mem(dg_reader *r, const char *p, size_t n)
{
	memset(r, 0, sizeof(*r));
	r->fd = -1;
	/* Reading memory never writes to the buffer. */
	r->buf = (char *)(uintptr_t)p;
	r->end = n;
	r->eof = 1;
}

/* Makes room to read more: moves the unconsumed bytes to the front, or
 * grows the buffer when they fill it. */
static int
make_room(dg_reader *r)
{
	size_t keep = r->end - r->start;
	char *p;

	if (r->start > 0 && keep < r->cap / 2) {
		memmove(r->buf, r->buf + r->start, keep);
		r->scan -= r->start;
		r->end = keep;
		r->start = 0;
	}
	if (r->cap - r->end >= READ_SIZE / 2)
		return DG_OK;
	if (r->cap > SIZE_MAX / 2 - READ_SIZE) {
		errno = ENOMEM;
		return DG_ENOMEM;
	}
	if ((p = realloc(r->buf, r->cap ? r->cap * 2 : READ_SIZE)) == NULL)
		return DG_ENOMEM;
	r->buf = p;
	r->cap = r->cap ? r->cap * 2 : READ_SIZE;
	return DG_OK;
}

static int
fill(dg_reader *r)
{
	ssize_t n;

	if (make_room(r) != DG_OK)
		return DG_ENOMEM;
	do
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return DG_EIO;
	if (n == 0)
		r->eof = 1;
	r->end += (size_t)n;
	return DG_OK;
}

int
dg_reader_next(dg_reader *r, dg_str *line)
{
	char *nl;
	size_t len;
	int st;

	for (;;) {
		if (!r->bom_checked && (r->end - r->start >= 3 || r->eof)) {
			r->bom_checked = 1;
			if (r->end - r->start >= 3 &&
			    memcmp(r->buf + r->start, "\xef\xbb\xbf", 3) == 0)
				r->start += 3;
			if (r->scan < r->start)
				r->scan = r->start;
		}
		if (r->bom_checked) {
			nl = NULL;
			if (r->end > r->scan)
				nl = memchr(r->buf + r->scan, '\n',
				    r->end - r->scan);
			if (nl != NULL)
				break;
			r->scan = r->end;
			if (r->eof) {
				if (r->start == r->end)
					return DG_EOF;
				nl = r->buf + r->end;	/* last line, no LF */
				break;
			}
		}
		if ((st = fill(r)) != DG_OK)
			return st;
	}
	len = (size_t)(nl - (r->buf + r->start));
	line->p = r->buf + r->start;
	/* Only the CR of a CRLF is dropped: a lone CR is data. */
	if (len > 0 && line->p[len - 1] == '\r' && nl < r->buf + r->end)
		len--;
	line->n = len;
	r->start = (size_t)(nl - r->buf) + (nl < r->buf + r->end);
	r->scan = r->start;
	r->lineno++;
	return DG_OK;
}

off_t
dg_reader_tell(const dg_reader *r)
{
	off_t at;

	if (r->fd < 0 || (at = lseek(r->fd, 0, SEEK_CUR)) < 0)
		return -1;
	return at - (off_t)(r->end - r->start);
}

uint64_t
dg_reader_lineno(const dg_reader *r)
{
	return r->lineno;
}

void
dg_reader_fini(dg_reader *r)
{
	if (r->fd >= 0)
		free(r->buf);
	r->buf = NULL;
	r->cap = r->start = r->end = r->scan = 0;
}

void
dg_reader_free(dg_reader *r)
{
	if (r == NULL)
		return;
	dg_reader_fini(r);
	free(r);
}
