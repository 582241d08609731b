/* buf.c - growable byte buffers. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dg.h"

int
dg_buf_reserve(dg_buf *b, size_t more)
{
	size_t cap;
	char *p;

	if (b->cap - b->len >= more)
		return DG_OK;
	if (more > SIZE_MAX / 2 - b->len) {
		errno = ENOMEM;
		return DG_ENOMEM;
	}
	cap = b->cap ? b->cap : 256;
	while (cap - b->len < more)
		cap *= 2;
	if ((p = realloc(b->p, cap)) == NULL)
		return DG_ENOMEM;
	b->p = p;
	b->cap = cap;
	return DG_OK;
}

int
dg_buf_add(dg_buf *b, const void *p, size_t n)
{
	if (n == 0)
		return DG_OK;
	if (dg_buf_reserve(b, n) != DG_OK)
		return DG_ENOMEM;
	memcpy(b->p + b->len, p, n);
	b->len += n;
	return DG_OK;
}

int
dg_buf_addc(dg_buf *b, char c)
{
	if (b->len == b->cap && dg_buf_reserve(b, 1) != DG_OK)
		return DG_ENOMEM;
	b->p[b->len++] = c;
	return DG_OK;
}

void
dg_buf_free(dg_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
