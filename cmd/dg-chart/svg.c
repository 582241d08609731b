/* svg.c - SVG writing pieces: XML escaping, text width, axis ticks. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "num_int.h"
#include "svg.h"
#include "utf8_int.h"

/* What each ASCII byte becomes: NULL to copy it as is. */
static const char *const ascii[128] = {
	[0x00] = "\xef\xbf\xbd", [0x01] = "\xef\xbf\xbd",
	[0x02] = "\xef\xbf\xbd", [0x03] = "\xef\xbf\xbd",
	[0x04] = "\xef\xbf\xbd", [0x05] = "\xef\xbf\xbd",
	[0x06] = "\xef\xbf\xbd", [0x07] = "\xef\xbf\xbd",
	[0x08] = "\xef\xbf\xbd", ['\t'] = "&#9;", ['\n'] = "&#10;",
	[0x0b] = "\xef\xbf\xbd", [0x0c] = "\xef\xbf\xbd", ['\r'] = "&#13;",
	[0x0e] = "\xef\xbf\xbd", [0x0f] = "\xef\xbf\xbd",
	[0x10] = "\xef\xbf\xbd", [0x11] = "\xef\xbf\xbd",
	[0x12] = "\xef\xbf\xbd", [0x13] = "\xef\xbf\xbd",
	[0x14] = "\xef\xbf\xbd", [0x15] = "\xef\xbf\xbd",
	[0x16] = "\xef\xbf\xbd", [0x17] = "\xef\xbf\xbd",
	[0x18] = "\xef\xbf\xbd", [0x19] = "\xef\xbf\xbd",
	[0x1a] = "\xef\xbf\xbd", [0x1b] = "\xef\xbf\xbd",
	[0x1c] = "\xef\xbf\xbd", [0x1d] = "\xef\xbf\xbd",
	[0x1e] = "\xef\xbf\xbd", [0x1f] = "\xef\xbf\xbd",
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;",
	['\''] = "&#39;", [0x7f] = "\xef\xbf\xbd"
};

#define REPLACEMENT "\xef\xbf\xbd"

/* Is cp kept out of the output (a control or an XML non-character)? */
static int
unwanted(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff;
}

int
dg_svg_escape(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *rep;
	size_t i = 0, run, len;
	uint32_t cp;

	while (i < n) {
		for (run = i; run < n && p[run] < 0x80 && ascii[p[run]] == NULL;
		    run++)
			continue;
		if (dg_buf_add(b, s + i, run - i) != DG_OK)
			return DG_ENOMEM;
		if ((i = run) == n)
			break;
		if (p[i] < 0x80) {
			rep = ascii[p[i]];
			len = 1;
		} else {
			len = dg_utf8_decode(p + i, n - i, &cp);
			rep = len == 0 || unwanted(cp) ? REPLACEMENT : NULL;
			if (len == 0)
				len = 1;
		}
		if (rep != NULL ? dg_buf_add(b, rep, strlen(rep)) :
		    dg_buf_add(b, s + i, len))
			return DG_ENOMEM;
		i += len;
	}
	return DG_OK;
}

size_t
dg_svg_columns(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, cols = 0, len;
	uint32_t cp;

	while (i < n) {
		if (p[i] < 0x80) {
			cols++;
			i++;
			continue;
		}
		len = dg_utf8_decode(p + i, n - i, &cp);
		if (len == 0 || unwanted(cp)) {
			cols++;
			i += len ? len : 1;
			continue;
		}
		cols += (size_t)dg_utf8_width(cp);
		i += len;
	}
	return cols;
}

void
dg_svg_ticks(double max, unsigned target, dg_ticks *t)
{
	double raw, p = 1, n;
	int e = 0, m;

	if (!(max > 0))
		max = 1;
	if (target == 0)
		target = 1;
	raw = max / target;
	/* p = 10^e, the power of ten at or below raw. */
	while (p * 10 <= raw) {
		p *= 10;
		e++;
	}
	while (p > raw && e > -320) {
		p /= 10;
		e--;
	}
	if (raw <= p)
		m = 1;
	else if (raw <= 2 * p)
		m = 2;
	else if (raw <= 5 * p)
		m = 5;
	else {
		m = 1;
		p *= 10;
		e++;
	}
	t->mant = m;
	t->exp = e;
	t->step = m * p;
	/* Round up, forgiving the error of max / step (3 / 0.1 > 30). */
	n = (double)(unsigned long long)(max / t->step);
	if (n * t->step < max * (1 - 1e-12))
		n++;
	if (n < 1)
		n = 1;
	t->count = (unsigned)n;
	t->top = n * t->step;
	/* Near the largest double no round top is finite: then the ticks
	 * split max itself. */
	if (isinf(t->top)) {
		t->count = target;
		t->step = max / target;
		t->top = max;
	}
}

int
dg_svg_tick(dg_buf *b, const dg_ticks *t, unsigned i)
{
	char s[400];
	double v = i == t->count ? t->top : i * t->step;
	int len;

	/* Beyond 15 digits, or very small, in exponent form. */
	if (t->exp >= 15 || t->exp < -6)
		len = snprintf(s, sizeof(s), "%.6g", v);
	else
		len = snprintf(s, sizeof(s), "%.*f", t->exp < 0 ? -t->exp : 0,
		    v);
	if (len < 0 || (size_t)len >= sizeof(s))
		return DG_ENOMEM;
	return dg_buf_add(b, s, (size_t)len);
}

/* "00" to "99": two digits a step. */
static const char pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

size_t
dg_svg_u64(char *s, uint64_t v)
{
	uint64_t x = v;
	size_t n = 1, i;

	while (x >= 10) {
		x /= 10;
		n++;
	}
	for (i = n; i >= 2; i -= 2) {
		memcpy(s + i - 2, pairs + v % 100 * 2, 2);
		v /= 100;
	}
	if (i == 1)
		s[0] = (char)('0' + v);
	return n;
}

size_t
dg_svg_coord_str(char *s, double v)
{
	uint64_t tenths;
	size_t n;

	if (!(v > 0))
		v = 0;
	if (v > 1e15)
		v = 1e15;
	tenths = (uint64_t)(v * 10 + 0.5);
	n = dg_svg_u64(s, tenths / 10);
	if (tenths % 10 != 0) {
		s[n++] = '.';
		s[n++] = (char)('0' + tenths % 10);
	}
	return n;
}

int
dg_svg_coord(dg_buf *b, double v)
{
	char s[DG_SVG_NUM];

	return dg_buf_add(b, s, dg_svg_coord_str(s, v));
}

int
dg_svg_value(dg_buf *b, const dg_value *v)
{
	char s[DG_SVG_NUM];

	if (!v->isint)
		return dg_value_format(b, v);
	return dg_buf_add(b, s, dg_svg_u64(s, v->u));
}

size_t
dg_svg_share_str(char *s, double part, double total)
{
	double x = total > 0 ? part / total * 100 : 0.0, t;
	uint64_t r;
	size_t n;
	int len;

	/*
	 * The tenths by arithmetic, as printf's "%.1f" would round them,
	 * except near a tie (x * 10 within a hair of a half), where the
	 * double's exact decimal decides: printf is asked then.
	 */
	t = x * 10;
	if (!(x >= 0 && x <= 1e15) || (t - (double)(uint64_t)t > 0.5 - 1e-6 &&
	    t - (double)(uint64_t)t < 0.5 + 1e-6)) {
		len = snprintf(s, DG_SVG_NUM, " (%.1f%%)", x);
		return len > 0 && len < DG_SVG_NUM ? (size_t)len : 0;
	}
	s[0] = ' ';
	s[1] = '(';
	r = (uint64_t)(t + 0.5);
	n = 2 + dg_svg_u64(s + 2, r / 10);
	s[n++] = '.';
	s[n++] = (char)('0' + r % 10);
	s[n++] = '%';
	s[n++] = ')';
	return n;
}
