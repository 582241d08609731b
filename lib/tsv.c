/* tsv.c - dg TSV escaping, unescaping and field splitting (SPEC §3). */
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "dg.h"
#include "tsv_int.h"

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

/* Escapes the bytes of s[i..end) one at a time from d[o]; returns the
 * new o. */
static size_t
bytes(char *d, size_t o, const unsigned char *s, size_t i, size_t end)
{
	for (; i < end; i++)
		if (esc[s[i]] == 0)
			d[o++] = (char)s[i];
		else {
			d[o++] = '\\';
			d[o++] = esc[s[i]];
		}
	return o;
}

/*
 * Copy and scan in one pass: each block is stored before it is tested,
 * as text is mostly bytes that stand for themselves; a block that holds
 * one of the five is done again byte by byte over the copy.  A store
 * never passes the end of the output: a block is written only while
 * at least its length of input is left, and each input byte gives at
 * least one output byte.
 */
size_t
dg_tsv_escape_words(char *d, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0;
	uint64_t w;

	while (n - i >= 8) {
		memcpy(&w, p + i, 8);
		memcpy(d + o, &w, 8);
		/* NUL, TAB, LF and CR are all below 14; the byte loop
		 * sorts out the other small ones. */
		if (has_less(w, 14) | has_less(w ^ ONES * '\\', 1))
			o = bytes(d, o, p, i, i + 8);
		else
			o += 8;
		i += 8;
	}
	return bytes(d, o, p, i, n);
}

#if defined(DG_TSV_ESCAPE_SSE2)
/* The mask of the bytes of x that are escaped: below 14 (min(x, 13) ==
 * x: unsigned x <= 13) or a backslash; the lowest bit is the first
 * byte. */
static unsigned
special(__m128i x)
{
	const __m128i below = _mm_set1_epi8(13), bs = _mm_set1_epi8('\\');

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmpeq_epi8(_mm_min_epu8(x, below), x),
	    _mm_cmpeq_epi8(x, bs)));
}

/*
 * The same thirty-two, then sixteen, bytes at a time, and a block that
 * holds one of the five is copied up to it, not redone: the mask tells
 * where it is.  Two vectors a step save a third of the loop's work on
 * text, mostly lines of some 80 bytes (a summary).
 */
size_t
dg_tsv_escape_sse2(char *d, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0, k;
	__m128i x, y;
	unsigned m;

	while (n - i >= 32) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		y = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 16));
		_mm_storeu_si128((__m128i *)(void *)(d + o), x);
		_mm_storeu_si128((__m128i *)(void *)(d + o + 16), y);
		m = special(x) | special(y) << 16;
		if (m == 0) {
			i += 32;
			o += 32;
			continue;
		}
		k = (size_t)__builtin_ctz(m);
		o = bytes(d, o + k, p, i + k, i + k + 1);
		i += k + 1;
	}
	if (n - i >= 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		_mm_storeu_si128((__m128i *)(void *)(d + o), x);
		/* After a byte of the five, the rest of the block byte by
		 * byte: fewer than 32 are left. */
		if (special(x) == 0) {
			i += 16;
			o += 16;
		}
	}
	return bytes(d, o, p, i, n);
}
#endif

size_t
dg_tsv_escape_to(char *d, const char *s, size_t n)
{
#if defined(DG_TSV_ESCAPE_SSE2)
	return dg_tsv_escape_sse2(d, s, n);
#else
	return dg_tsv_escape_words(d, s, n);
#endif
}

int
dg_tsv_escape(dg_buf *b, const char *s, size_t n)
{
	if (n == 0)
		return DG_OK;
	if (dg_buf_reserve(b, n * 2) != DG_OK)
		return DG_ENOMEM;
	b->len += dg_tsv_escape_to(b->p + b->len, s, n);
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
