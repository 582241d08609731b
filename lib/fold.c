/* fold.c - blanks made one space, and ASCII case folded (ascii_int.h). */
#include "ascii_int.h"

/* A byte at a time: keys are short, and calls per word cost more. */
static int
blanks(dg_buf *b, const char *s, size_t n, int lower)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	char *d, *start;

	if (n == 0)
		return DG_OK;
	/* The result is never longer than s. */
	if (dg_buf_reserve(b, n) != DG_OK)
		return DG_ENOMEM;
	d = start = b->p + b->len;
	while (i < n) {
		while (i < n && dg_ascii_blank(p[i]))
			i++;
		if (i == n)
			break;
		if (d != start)
			*d++ = ' ';
		if (lower)
			for (; i < n && !dg_ascii_blank(p[i]); i++)
				*d++ = (char)dg_ascii_lower(p[i]);
		else
			for (; i < n && !dg_ascii_blank(p[i]); i++)
				*d++ = (char)p[i];
	}
	b->len = (size_t)(d - b->p);
	return DG_OK;
}

int
dg_blanks(dg_buf *b, const char *s, size_t n)
{
	return blanks(b, s, n, 0);
}

int
dg_fold(dg_buf *b, const char *s, size_t n)
{
	return blanks(b, s, n, 1);
}
