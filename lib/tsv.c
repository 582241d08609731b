/* tsv.c - dg TSV escaping, unescaping and field splitting (SPEC §3). */
#include <stdint.h>
#include <string.h>

#include "dg.h"

const char *const dg_field_names[DG_NFIELDS] = {
	"date", "kind", "category", "title", "url", "file", "section",
	"emoji", "summary"
};

/* The letter each byte is escaped with after a backslash, or 0 when the
 * byte stands for itself. */
static const char esc[256] = {
	['\0'] = '0', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\'
};

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Does the word hold a byte less than n (n <= 128)?  Exact, from "Bit
 * Twiddling Hacks". */
static uint64_t
has_less(uint64_t x, unsigned n)
{
	return (x - ONES * n) & ~x & HIGHS;
}

/* Where the run of bytes that stand for themselves, from i, ends.  Text
 * is mostly such runs: test eight bytes at a time for the five that are
 * escaped. */
static size_t
plain_run(const unsigned char *p, size_t i, size_t n)
{
	uint64_t w;

	while (n - i >= 8) {
		memcpy(&w, p + i, 8);
		/* NUL, TAB, LF and CR are all below 14; the byte loop
		 * sorts out the other small ones. */
		if (has_less(w, 14) | has_less(w ^ ONES * '\\', 1))
			break;
		i += 8;
	}
	while (i < n && esc[p[i]] == 0)
		i++;
	return i;
}

int
dg_tsv_escape(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, run;

	if (n == 0)
		return DG_OK;
	/* Worst case doubles; reserving once keeps the loop free of checks. */
	if (dg_buf_reserve(b, n * 2) != DG_OK)
		return DG_ENOMEM;
	for (i = 0; i < n;) {
		run = plain_run(p, i, n);
		memcpy(b->p + b->len, s + i, run - i);
		b->len += run - i;
		if (run == n)
			break;
		b->p[b->len++] = '\\';
		b->p[b->len++] = esc[p[run]];
		i = run + 1;
	}
	return DG_OK;
}

int
dg_tsv_unescape(dg_buf *b, const char *s, size_t n, size_t *bad)
{
	const char *bs, *end, *start = s;
	char c;

	if (n == 0)
		return DG_OK;
	end = s + n;
	if (dg_buf_reserve(b, n) != DG_OK)
		return DG_ENOMEM;
	while ((bs = memchr(s, '\\', (size_t)(end - s))) != NULL) {
		memcpy(b->p + b->len, s, (size_t)(bs - s));
		b->len += (size_t)(bs - s);
		switch (bs + 1 < end ? bs[1] : 'x') {
		case '\\': c = '\\'; break;
		case 't': c = '\t'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case '0': c = '\0'; break;
		default:
			if (bad != NULL)
				*bad = (size_t)(bs - start);
			return DG_EESCAPE;
		}
		b->p[b->len++] = c;
		s = bs + 2;
		if (s == end)
			return DG_OK;
	}
	memcpy(b->p + b->len, s, (size_t)(end - s));
	b->len += (size_t)(end - s);
	return DG_OK;
}

size_t
dg_tsv_split(const char *line, size_t n, dg_str *f, size_t max)
{
	const char *p = line, *end = n > 0 ? line + n : line, *tab;
	size_t nf = 0;

	for (;;) {
		tab = p < end ? memchr(p, '\t', (size_t)(end - p)) : NULL;
		if (nf < max) {
			f[nf].p = p;
			f[nf].n = (size_t)((tab ? tab : end) - p);
		}
		nf++;
		if (tab == NULL)
			return nf;
		p = tab + 1;
	}
}

long
dg_tsv_find(const dg_str *f, size_t nf, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; i < nf; i++)
		if (f[i].n == len && memcmp(f[i].p, name, len) == 0)
			return (long)i;
	return -1;
}
