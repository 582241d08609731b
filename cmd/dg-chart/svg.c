/* svg.c - SVG writing pieces: XML escaping (lib/xml.c), text width, axis
 * ticks. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "num_int.h"
#include "svg.h"
#include "utf8_int.h"
#include "xml_int.h"

int
dg_svg_escape(dg_buf *b, const char *s, size_t n)
{
	return dg_xml_escape(b, s, n);
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
		if (len == 0 || dg_xml_unwanted(cp)) {
			cols++;
			i += len ? len : 1;
			continue;
		}
		cols += (size_t)dg_utf8_width(cp);
		i += len;
	}
	return cols;
}

/* The steps a tick axis may take, in a decade: 1, 2, 2.5 (only from
 * 25 up: no quarter ticks for counts) and 5 times a power of ten. */
static const int mants[4] = { 10, 20, 25, 50 };

void
dg_svg_ticks(double max, unsigned most, int whole, dg_ticks *t)
{
	double p = 1, step, n, top, best = 0;
	int e = 0, i, found = 0;

	if (!(max > 0))
		max = 1;
	if (most == 0)
		most = 1;
	if (most > DG_SVG_MOSTSTEPS)
		most = DG_SVG_MOSTSTEPS;
	/* p = 10^e, a power of ten at or below max / most. */
	while (p * 10 <= max / most) {
		p *= 10;
		e++;
	}
	while (p > max / most && e > -320) {
		p /= 10;
		e--;
	}
	/*
	 * Up the steps from there: the first that needs at most most
	 * intervals, then any larger one whose top is lower still (446 in
	 * 3: 200 gives 600, 250 gives 500).  A step at or above the best
	 * top cannot give a lower one.
	 */
	for (; !found || p < best; p *= 10, e++)
		for (i = 0; i < 4; i++) {
			if ((mants[i] == 25 && e < 1) || (whole && e < 0))
				continue;
			step = p * mants[i] / 10;
			/* Rounded up, forgiving the error of max / step
			 * (3 / 0.1 > 30). */
			n = (double)(unsigned long long)(max / step);
			if (n * step < max * (1 - 1e-12))
				n++;
			if (n < 1)
				n = 1;
			top = n * step;
			if (n > most || (found && top >= best))
				continue;
			found = 1;
			best = top;
			t->step = step;
			t->count = (unsigned)n;
			t->top = top;
			t->mant = mants[i] == 25 ? 25 : mants[i] / 10;
			t->exp = mants[i] == 25 ? e - 1 : e;
		}
	/* Near the largest double no round top is finite: then the ticks
	 * split max itself. */
	if (isinf(t->top)) {
		t->count = most;
		t->step = max / most;
		t->top = max;
	}
}

/*
 * Copies the number s[0..n) to d with a comma between each three digits
 * of its integer part ("1234.5" to "1,234.5"); one in exponent form is
 * copied as it is.  Returns the length written.
 */
static size_t
group(char *d, const char *s, size_t n)
{
	size_t i, k = 0, digits = 0;

	for (i = 0; i < n; i++)
		if (s[i] == 'e' || s[i] == 'E') {
			memcpy(d, s, n);
			return n;
		}
	while (digits < n && s[digits] >= '0' && s[digits] <= '9')
		digits++;
	for (i = 0; i < n; i++) {
		if (i > 0 && i < digits && (digits - i) % 3 == 0)
			d[k++] = ',';
		d[k++] = s[i];
	}
	return k;
}

int
dg_svg_tick(dg_buf *b, const dg_ticks *t, unsigned i)
{
	char s[400], g[560];
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
	return dg_buf_add(b, g, group(g, s, (size_t)len));
}

/* "00" to "99": two digits a step. */
static const char pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

size_t
dg_svg_u64(char *s, uint64_t v)
{
	uint64_t x = v / 100000;
	size_t n, i;

	/* Coordinates have a few digits: counted without a loop. */
	n = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5;
	while (x > 0) {
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
	char s[DG_SVG_NUM], g[2 * DG_SVG_NUM];
	dg_buf f = { NULL, 0, 0 };
	size_t n;
	int st;

	if (v->isint) {
		/* Backwards from the end of g: digits, a comma each three. */
		uint64_t u = v->u;

		n = 0;
		do {
			if (n % 4 == 3)
				g[sizeof(g) - ++n] = ',';
			g[sizeof(g) - ++n] = (char)('0' + u % 10);
			u /= 10;
		} while (u > 0);
		return dg_buf_add(b, g + sizeof(g) - n, n);
	}
	/* At most 15 digits and a point, or an exponent: it fits. */
	if ((st = dg_value_format(&f, v)) == DG_OK && f.len < sizeof(s))
		st = dg_buf_add(b, g, group(g, f.p, f.len));
	else if (st == DG_OK)
		st = dg_buf_add(b, f.p, f.len);
	dg_buf_free(&f);
	return st;
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
