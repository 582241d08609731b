/*
 * linkfmt.c - how dg-links writes a source: JSON strings, markdown link
 * text and destinations, bare URLs, href attributes (see linkfmt.h).
 *
 * Each writer is a test for the bytes it keeps and a function for one
 * other character, run by escape(): it reserves room for the worst case
 * once (at most 6 output bytes per input byte), then copies runs of
 * bytes that need nothing in bulk and hands the rare others over one by
 * one.  escape() is inline so that each writer gets its own copy, with
 * direct calls (and its byte test inlined in the copying loop).
 */
#include <string.h>

#include "linkfmt.h"
#include "utf8_int.h"
#include "xml_int.h"

static const char hex[] = "0123456789ABCDEF";

/* Room for n input bytes growing to k each, plus a few more. */
static char *
room(dg_buf *b, size_t n, size_t k)
{
	if (n > (SIZE_MAX - 8) / k ||
	    dg_buf_reserve(b, n * k + 8) != DG_OK)
		return NULL;
	return b->p + b->len;
}

static char *
put(char *o, const char *s, size_t n)
{
	memcpy(o, s, n);
	return o + n;
}

/* U+FFFD in UTF-8. */
static char *
fffd(char *o)
{
	return put(o, "\xef\xbf\xbd", 3);
}

/* %XX, the URL escape of byte c. */
static char *
pct(char *o, unsigned char c)
{
	*o++ = '%';
	*o++ = hex[c >> 4];
	*o++ = hex[c & 15];
	return o;
}

/*
 * Appends s to b, at most k bytes out per byte in: runs of bytes plain()
 * keeps are copied in bulk, and each other character is written by
 * one(), which is given what is left of s, returns the end of what it
 * wrote and sets *len to the bytes it used.
 */
static inline int
escape(dg_buf *b, const char *s, size_t n, size_t k,
    int (*plain)(unsigned char),
    char *(*one)(char *o, const unsigned char *u, size_t n, size_t *len))
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j, len;
	char *o;

	if ((o = room(b, n, k)) == NULL)
		return DG_ENOMEM;
	while (i < n) {
		for (j = i; j < n && plain(u[j]); j++)
			continue;
		o = put(o, s + i, j - i);
		if ((i = j) == n)
			break;
		o = one(o, u + i, n - i, &len);
		i += len;
	}
	b->len = (size_t)(o - b->p);
	return DG_OK;
}

static int
jsonplain(unsigned char c)
{
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

static char *
json1(char *o, const unsigned char *u, size_t n, size_t *len)
{
	uint32_t cp;

	*len = 1;
	if (u[0] == '"' || u[0] == '\\') {
		*o++ = '\\';
		*o++ = (char)u[0];
	} else if (u[0] < 0x20) {
		o = put(o, "\\u00", 4);
		*o++ = hex[u[0] >> 4];
		*o++ = hex[u[0] & 15];
	} else if ((*len = dg_utf8_decode(u, n, &cp)) == 0) {
		o = fffd(o);
		*len = 1;
	} else if (cp == 0x2028 || cp == 0x2029) {
		/* Valid JSON, but line breaks to JavaScript. */
		o = put(o, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
	} else {
		o = put(o, (const char *)u, *len);
	}
	return o;
}

int
dg_json_str(dg_buf *b, const char *s, size_t n)
{
	if (dg_buf_addc(b, '"') != DG_OK ||
	    escape(b, s, n, 6, jsonplain, json1) != DG_OK)
		return DG_ENOMEM;
	return dg_buf_addc(b, '"');
}

/* Characters with a meaning in markdown inline text. */
static int
mdspecial(unsigned char c)
{
	switch (c) {
	case '\\': case '`': case '*': case '_': case '[': case ']':
	case '(': case ')': case '<': case '>': case '#': case '!':
	case '&': case '~': case '|':
		return 1;
	}
	return 0;
}

static int
mdtextplain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && !mdspecial(c);
}

static char *
mdtext1(char *o, const unsigned char *u, size_t n, size_t *len)
{
	uint32_t cp;

	*len = 1;
	if (u[0] == '\t' || u[0] == '\n' || u[0] == '\r') {
		*o++ = ' ';
	} else if (u[0] < 0x20 || u[0] == 0x7f) {
		o = fffd(o);
	} else if (u[0] < 0x80) {
		*o++ = '\\';
		*o++ = (char)u[0];
	} else if ((*len = dg_utf8_decode(u, n, &cp)) == 0) {
		o = fffd(o);
		*len = 1;
	} else {
		o = put(o, (const char *)u, *len);
	}
	return o;
}

int
dg_md_text(dg_buf *b, const char *s, size_t n)
{
	return escape(b, s, n, 3, mdtextplain, mdtext1);
}

static int
mdurlplain(unsigned char c)
{
	return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '<' &&
	    c != '>' && c != '"' && c != '\\';
}

static char *
mdurl1(char *o, const unsigned char *u, size_t n, size_t *len)
{
	uint32_t cp;

	if (u[0] == '\\') {
		*len = 1;
		return put(o, "\\\\", 2);
	}
	if (u[0] >= 0x80 && (*len = dg_utf8_decode(u, n, &cp)) > 0)
		return put(o, (const char *)u, *len);
	*len = 1;
	return pct(o, u[0]);
}

int
dg_md_url(dg_buf *b, const char *s, size_t n)
{
	return escape(b, s, n, 3, mdurlplain, mdurl1);
}

static int
urlplain(unsigned char c)
{
	return c >= 0x20 && c != 0x7f;
}

static char *
url1(char *o, const unsigned char *u, size_t n, size_t *len)
{
	(void)n;
	*len = 1;
	return pct(o, u[0]);
}

int
dg_url_line(dg_buf *b, const char *s, size_t n)
{
	return escape(b, s, n, 3, urlplain, url1);
}

/* ASCII an IRI holds as it is, in an attribute (& aside). */
static int
hrefplain(unsigned char c)
{
	return c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' &&
	    c != '\\' && c != '^' && c != '`' && c != '{' && c != '|' &&
	    c != '}' && c != '&';
}

static char *
href1(char *o, const unsigned char *u, size_t n, size_t *len)
{
	uint32_t cp;
	size_t k;

	if (u[0] == '&') {
		*len = 1;
		return put(o, "&amp;", 5);
	}
	if (u[0] < 0x80 || (*len = dg_utf8_decode(u, n, &cp)) == 0) {
		*len = 1;
		return pct(o, u[0]);
	}
	if (!dg_xml_unwanted(cp))
		return put(o, (const char *)u, *len);
	for (k = 0; k < *len; k++)
		o = pct(o, u[k]);
	return o;
}

int
dg_href(dg_buf *b, const char *s, size_t n)
{
	/* %XX for each of a character's 4 bytes at most: 3 out per in. */
	return escape(b, s, n, 5, hrefplain, href1);
}
