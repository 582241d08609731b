/*
 * fuzz_chart.c - SVG text escaping (dg_svg_escape), chart values
 * (dg_num_value, dg_value_format) and whole charts (dg_chart_svg).
 * Properties: escaped text is valid UTF-8 holding no character XML
 * forbids, no control, no raw < > " ' and no & that does not start an
 * entity; a value read back from its formatting is the same value; a
 * chart is a well-formed XML document (one root, tags balanced,
 * attributes quoted, entities known) in valid UTF-8 whose coordinates
 * are plain numbers, and the same chart gives the same bytes.
 *
 * Input: the first line is the title, each other line "label TAB value",
 * or in a chart of two keys (as the size decides) "label TAB key TAB
 * value" (lines whose value does not read are left out).  The size also
 * picks the layout, shares, -n's "other" bars and the width.
 */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "../cmd/dg-chart/chart.h"
#include "num_int.h"
#include "../cmd/dg-chart/svg.h"
#include "utf8_int.h"

/* Is the character at s[0..n) one XML 1.0 allows and dg writes? */
static size_t
chart_char(const char *s, size_t n)
{
	uint32_t cp;
	size_t len;

	len = dg_utf8_decode((const unsigned char *)s, n, &cp);
	FUZZ_CHECK(len > 0);
	FUZZ_CHECK(cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r');
	FUZZ_CHECK(cp != 0xfffe && cp != 0xffff);
	return len;
}

/* Length of the entity or character reference at s[0..n), '&' first. */
static size_t
chart_entity(const char *s, size_t n)
{
	static const char *const names[] = { "amp;", "lt;", "gt;", "quot;",
	    "apos;" };
	size_t i, k;

	for (i = 0; i < 5; i++) {
		k = strlen(names[i]);
		if (n > k && memcmp(s + 1, names[i], k) == 0)
			return k + 1;
	}
	FUZZ_CHECK(n > 3 && s[1] == '#');
	i = 2;
	if (s[2] == 'x') {
		for (i = 3; i < n && strchr("0123456789abcdefABCDEF", s[i]) &&
		    s[i] != '\0'; i++)
			continue;
		FUZZ_CHECK(i > 3);
	} else {
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		FUZZ_CHECK(i > 2);
	}
	FUZZ_CHECK(i < n && s[i] == ';');
	return i + 1;
}

/* Checks text (not markup) s[0..n): characters and references only,
 * and no quote when noquote. */
static void
chart_text(const char *s, size_t n, int noquote)
{
	size_t i;

	for (i = 0; i < n;) {
		FUZZ_CHECK(s[i] != '<');
		FUZZ_CHECK(!noquote || (s[i] != '"' && s[i] != '\''));
		if (s[i] == '&')
			i += chart_entity(s + i, n - i);
		else
			i += chart_char(s + i, n - i);
	}
}

static void
chart_escape(const char *s, size_t n)
{
	dg_buf b = { NULL, 0, 0 };
	size_t i;

	FUZZ_OK(dg_svg_escape(&b, s, n));
	chart_text(b.p, b.len, 1);
	for (i = 0; i < b.len; i++) {
		FUZZ_CHECK(b.p[i] != '>' && b.p[i] != '\t' && b.p[i] != '\n' &&
		    b.p[i] != '\r' && b.p[i] != 0x7f);
		/* C1 controls, U+0080-U+009F. */
		FUZZ_CHECK(i + 1 >= b.len || (unsigned char)b.p[i] != 0xc2 ||
		    (unsigned char)b.p[i + 1] >= 0xa0);
	}
	dg_buf_free(&b);
}

static int
chart_namechar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_' ||
	    c == '.';
}

/* A coordinate or size attribute holds a plain number. */
static void
chart_number(const char *name, size_t nn, const char *v, size_t n)
{
	static const char *const numeric[] = { "x", "y", "x1", "x2", "y1",
	    "y2", "width", "height", "rx" };
	size_t i, k, dots = 0;

	for (i = 0; i < sizeof(numeric) / sizeof(numeric[0]); i++)
		if (strlen(numeric[i]) == nn && memcmp(numeric[i], name, nn) == 0)
			break;
	if (i == sizeof(numeric) / sizeof(numeric[0]))
		return;
	FUZZ_CHECK(n > 0);
	for (k = 0; k < n; k++) {
		FUZZ_CHECK((v[k] >= '0' && v[k] <= '9') || v[k] == '.');
		dots += v[k] == '.';
	}
	FUZZ_CHECK(dots <= 1);
}

/* Checks that doc[0..n) is one well-formed XML document. */
static void
chart_xml(const char *doc, size_t n)
{
	const char *stack[64], *p = doc, *end = doc + n, *q, *name;
	size_t depth = 0, len[64], nn;
	int roots = 0;
	char quote;

	while (p < end) {
		q = memchr(p, '<', (size_t)(end - p));
		if (q == NULL)
			q = end;
		chart_text(p, (size_t)(q - p), 0);
		/* Outside the root, only white space. */
		for (; depth == 0 && p < q; p++)
			FUZZ_CHECK(*p == ' ' || *p == '\t' || *p == '\r' ||
			    *p == '\n');
		if ((p = q) == end)
			break;
		if (end - p >= 5 && memcmp(p, "<?xml", 5) == 0) {
			FUZZ_CHECK(p == doc);
			while (p + 1 < end && (p[0] != '?' || p[1] != '>'))
				p++;
			FUZZ_CHECK(p + 1 < end);
			p += 2;
			continue;
		}
		if (p[1] == '/') {
			FUZZ_CHECK(depth > 0);
			depth--;
			FUZZ_CHECK(p + 2 + len[depth] < end &&
			    memcmp(p + 2, stack[depth], len[depth]) == 0 &&
			    p[2 + len[depth]] == '>');
			p += 3 + len[depth];
			continue;
		}
		name = ++p;
		while (p < end && chart_namechar(*p))
			p++;
		FUZZ_CHECK(p > name && p < end);
		nn = (size_t)(p - name);
		for (;;) {
			const char *an, *v;
			size_t ann;

			while (p < end && (*p == ' ' || *p == '\n'))
				p++;
			FUZZ_CHECK(p < end);
			if (*p == '>' || *p == '/')
				break;
			for (an = p; p < end && chart_namechar(*p); p++)
				continue;
			ann = (size_t)(p - an);
			FUZZ_CHECK(ann > 0 && p + 1 < end && *p == '=' &&
			    (p[1] == '"' || p[1] == '\''));
			quote = p[1];
			v = p + 2;
			FUZZ_CHECK((q = memchr(v, quote, (size_t)(end - v))) !=
			    NULL);
			chart_text(v, (size_t)(q - v), 0);
			chart_number(an, ann, v, (size_t)(q - v));
			p = q + 1;
			/* Attributes are apart. */
			FUZZ_CHECK(p < end && (*p == ' ' || *p == '\n' ||
			    *p == '>' || *p == '/'));
		}
		FUZZ_CHECK(depth > 0 || roots++ == 0);
		if (*p == '/') {
			FUZZ_CHECK(p + 1 < end && p[1] == '>');
			p += 2;
			continue;
		}
		p++;
		FUZZ_CHECK(depth < 64);
		stack[depth] = name;
		len[depth++] = nn;
	}
	FUZZ_CHECK(depth == 0 && roots == 1);
}

/* A value reads back as itself from its formatting. */
static void
chart_value(const dg_value *v)
{
	dg_buf b = { NULL, 0, 0 };
	dg_value w;

	FUZZ_CHECK(isfinite(v->d) && v->d >= 0);
	FUZZ_CHECK(!v->isint || (double)v->u == v->d);
	FUZZ_OK(dg_value_format(&b, v));
	FUZZ_OK(dg_num_value(b.p, b.len, &w));
	/* "3.0" is no integer as written, but formats as "3". */
	FUZZ_CHECK(w.isint || !v->isint);
	if (v->isint)
		FUZZ_CHECK(w.u == v->u);
	else
		FUZZ_CHECK(fabs(w.d - v->d) <= 1e-14 * v->d);
	dg_buf_free(&b);
}

int
fuzz_chart(const uint8_t *data, size_t size)
{
	const char *s = size > 0 ? (const char *)data : "", *end = s + size;
	const char *nl, *tab, *tab2;
	dg_bar *bar;
	dg_chart c;
	dg_buf one = { NULL, 0, 0 }, two = { NULL, 0, 0 };
	size_t nbar = 0;
	int st;

	chart_escape(s, size);
	FUZZ_CHECK((bar = calloc(size / 2 + 1, sizeof(*bar))) != NULL);
	memset(&c, 0, sizeof(c));
	c.keys = (int)(size / 6 % 2) + 1;
	nl = memchr(s, '\n', size);
	c.title.p = s;
	c.title.n = nl != NULL ? (size_t)(nl - s) : size;
	for (s = nl != NULL ? nl + 1 : end; s < end; s = nl + 1) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		if ((tab = memchr(s, '\t', (size_t)(nl - s))) == NULL)
			continue;
		tab2 = tab;
		if (c.keys == 2 && (tab2 = memchr(tab + 1, '\t',
		    (size_t)(nl - tab - 1))) == NULL)
			continue;
		if (dg_num_value(tab2 + 1, (size_t)(nl - tab2 - 1),
		    &bar[nbar].v) != DG_OK)
			continue;
		chart_value(&bar[nbar].v);
		bar[nbar].label.p = s;
		bar[nbar].label.n = (size_t)(tab - s);
		bar[nbar].key2.p = tab + 1;
		bar[nbar].key2.n = (size_t)(tab2 - tab) - (tab2 > tab);
		bar[nbar].merged = c.keys == 1 && size & 8 && nbar % 3 == 2 ?
		    nbar : 0;
		nbar++;
	}
	c.bar = bar;
	c.n = nbar;
	c.width = 100 + (unsigned)(size % 900);
	c.shares = (int)(size & 1);
	c.layout = (int)(size / 2 % 3);
	c.top = size / 16 % 4;
	st = dg_chart_svg(&one, &c);
	FUZZ_CHECK(st == DG_OK || st == DG_ERANGE);
	if (st == DG_OK) {
		chart_xml(one.p, one.len);
		FUZZ_OK(dg_chart_svg(&two, &c));
		FUZZ_CHECK(one.len == two.len &&
		    memcmp(one.p, two.p, one.len) == 0);
	}
	free(bar);
	dg_buf_free(&one);
	dg_buf_free(&two);
	return 0;
}
