/*
 * linkfmt.c - how dg-links writes a source: JSON strings, markdown link
 * text and destinations, bare URLs, href attributes (see linkfmt.h).
 *
 * Each writer reserves room for the worst case once (at most 6 output
 * bytes per input byte), then copies runs of bytes that need nothing in
 * bulk and handles the rare others one by one.
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

static int
jsonplain(unsigned char c)
{
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

int
dg_json_str(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j, len;
	uint32_t cp;
	char *o;

	if ((o = room(b, n, 6)) == NULL)
		return DG_ENOMEM;
	*o++ = '"';
	while (i < n) {
		for (j = i; j < n && jsonplain(u[j]); j++)
			continue;
		o = put(o, s + i, j - i);
		if ((i = j) == n)
			break;
		len = 1;
		if (u[i] == '"' || u[i] == '\\') {
			*o++ = '\\';
			*o++ = s[i];
		} else if (u[i] < 0x20) {
			o = put(o, "\\u00", 4);
			*o++ = hex[u[i] >> 4];
			*o++ = hex[u[i] & 15];
		} else if ((len = dg_utf8_decode(u + i, n - i, &cp)) == 0) {
			o = fffd(o);
			len = 1;
		} else if (cp == 0x2028 || cp == 0x2029) {
			/* Valid JSON, but line breaks to JavaScript. */
			o = put(o, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
		} else {
			o = put(o, s + i, len);
		}
		i += len;
	}
	*o++ = '"';
	b->len = (size_t)(o - b->p);
	return DG_OK;
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

int
dg_md_text(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j, len;
	uint32_t cp;
	char *o;

	if ((o = room(b, n, 3)) == NULL)
		return DG_ENOMEM;
	while (i < n) {
		for (j = i; j < n && u[j] >= 0x20 && u[j] < 0x7f &&
		    !mdspecial(u[j]); j++)
			continue;
		o = put(o, s + i, j - i);
		if ((i = j) == n)
			break;
		len = 1;
		if (u[i] == '\t' || u[i] == '\n' || u[i] == '\r') {
			*o++ = ' ';
		} else if (u[i] < 0x20 || u[i] == 0x7f) {
			o = fffd(o);
		} else if (u[i] < 0x80) {
			*o++ = '\\';
			*o++ = s[i];
		} else if ((len = dg_utf8_decode(u + i, n - i, &cp)) == 0) {
			o = fffd(o);
			len = 1;
		} else {
			o = put(o, s + i, len);
		}
		i += len;
	}
	b->len = (size_t)(o - b->p);
	return DG_OK;
}

static int
mdurlplain(unsigned char c)
{
	return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '<' &&
	    c != '>' && c != '"' && c != '\\';
}

int
dg_md_url(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j, len;
	uint32_t cp;
	char *o;

	if ((o = room(b, n, 3)) == NULL)
		return DG_ENOMEM;
	while (i < n) {
		for (j = i; j < n && mdurlplain(u[j]); j++)
			continue;
		o = put(o, s + i, j - i);
		if ((i = j) == n)
			break;
		len = 1;
		if (u[i] == '\\') {
			o = put(o, "\\\\", 2);
		} else if (u[i] >= 0x80 &&
		    (len = dg_utf8_decode(u + i, n - i, &cp)) > 0) {
			o = put(o, s + i, len);
		} else {
			o = pct(o, u[i]);
			len = 1;
		}
		i += len;
	}
	b->len = (size_t)(o - b->p);
	return DG_OK;
}

int
dg_url_line(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j;
	char *o;

	if ((o = room(b, n, 3)) == NULL)
		return DG_ENOMEM;
	while (i < n) {
		for (j = i; j < n && u[j] >= 0x20 && u[j] != 0x7f; j++)
			continue;
		o = put(o, s + i, j - i);
		if ((i = j) == n)
			break;
		o = pct(o, u[i++]);
	}
	b->len = (size_t)(o - b->p);
	return DG_OK;
}

/* ASCII an IRI holds as it is, in an attribute (& aside). */
static int
hrefplain(unsigned char c)
{
	return c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' &&
	    c != '\\' && c != '^' && c != '`' && c != '{' && c != '|' &&
	    c != '}' && c != '&';
}

int
dg_href(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j, k, len;
	uint32_t cp;
	char *o;

	/* %XX for each of a character's 4 bytes at most: 3 out per in. */
	if ((o = room(b, n, 5)) == NULL)
		return DG_ENOMEM;
	while (i < n) {
		for (j = i; j < n && hrefplain(u[j]); j++)
			continue;
		o = put(o, s + i, j - i);
		if ((i = j) == n)
			break;
		len = 1;
		if (u[i] == '&') {
			o = put(o, "&amp;", 5);
		} else if (u[i] < 0x80 ||
		    (len = dg_utf8_decode(u + i, n - i, &cp)) == 0) {
			o = pct(o, u[i]);
			len = 1;
		} else if (dg_xml_unwanted(cp)) {
			for (k = 0; k < len; k++)
				o = pct(o, u[i + k]);
		} else {
			o = put(o, s + i, len);
		}
		i += len;
	}
	b->len = (size_t)(o - b->p);
	return DG_OK;
}
