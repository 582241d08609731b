/* svg.c - SVG writing pieces: XML escaping (lib/xml.c), text width, axis
 * ticks. */
#include <math.h>
#include <stdio.h>

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

int
dg_svg_coord(dg_buf *b, double v)
{
	char s[32];
	unsigned long long tenths;
	int len;

	if (!(v > 0))
		v = 0;
	if (v > 1e15)
		v = 1e15;
	tenths = (unsigned long long)(v * 10 + 0.5);
	if (tenths % 10 == 0)
		len = snprintf(s, sizeof(s), "%llu", tenths / 10);
	else
		len = snprintf(s, sizeof(s), "%llu.%llu", tenths / 10,
		    tenths % 10);
	return dg_buf_add(b, s, (size_t)len);
}
