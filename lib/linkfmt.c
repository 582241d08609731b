/*
 * linkfmt.c - how dg-links writes a source: JSON strings, markdown link
 * text and destinations, bare URLs (see include/dg/linkfmt.h).
 *
 * Each writer copies runs of bytes that need nothing in bulk and handles
 * the rare others one by one.
 */
#include "dg/linkfmt.h"

static const char hex[] = "0123456789ABCDEF";
static const char fffd[] = "\xef\xbf\xbd";	/* U+FFFD in UTF-8 */

static int
add(dg_buf *b, const void *p, size_t n)
{
	return dg_buf_add(b, p, n) != 0 ? DG_ENOMEM : 0;
}

/* %XX, the URL escape of byte c. */
static int
pct(dg_buf *b, unsigned char c)
{
	char e[3] = { '%', hex[c >> 4], hex[c & 15] };

	return add(b, e, sizeof(e));
}

/* Length of the valid UTF-8 sequence at u[0..n), 0 when invalid. */
static size_t
utf8len(const unsigned char *u, size_t n, uint32_t *cp)
{
	return dg_utf8_decode(u, n, cp);
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
	char e[6] = { '\\', 'u', '0', '0', 0, 0 };
	size_t i = 0, j, len;
	uint32_t cp;
	int r;

	if (add(b, "\"", 1))
		return DG_ENOMEM;
	while (i < n) {
		for (j = i; j < n && jsonplain(u[j]); j++)
			continue;
		if (add(b, s + i, j - i))
			return DG_ENOMEM;
		if ((i = j) == n)
			break;
		if (u[i] == '"' || u[i] == '\\') {
			e[1] = s[i];
			r = add(b, e, 2);
			e[1] = 'u';
			len = 1;
		} else if (u[i] < 0x20) {
			e[4] = hex[u[i] >> 4];
			e[5] = hex[u[i] & 15];
			r = add(b, e, 6);
			len = 1;
		} else if ((len = utf8len(u + i, n - i, &cp)) == 0) {
			r = add(b, fffd, 3);
			len = 1;
		} else if (cp == 0x2028 || cp == 0x2029) {
			/* Valid JSON, but line breaks to JavaScript. */
			r = add(b, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
		} else {
			r = add(b, s + i, len);
		}
		if (r)
			return DG_ENOMEM;
		i += len;
	}
	return add(b, "\"", 1);
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
	char e[2] = { '\\', 0 };
	size_t i = 0, j, len;
	uint32_t cp;
	int r;

	while (i < n) {
		for (j = i; j < n && u[j] >= 0x20 && u[j] < 0x7f &&
		    !mdspecial(u[j]); j++)
			continue;
		if (add(b, s + i, j - i))
			return DG_ENOMEM;
		if ((i = j) == n)
			break;
		len = 1;
		if (u[i] == '\t' || u[i] == '\n' || u[i] == '\r') {
			r = add(b, " ", 1);
		} else if (u[i] < 0x20 || u[i] == 0x7f) {
			r = add(b, fffd, 3);
		} else if (u[i] < 0x80) {
			e[1] = s[i];
			r = add(b, e, 2);
		} else if ((len = utf8len(u + i, n - i, &cp)) == 0) {
			r = add(b, fffd, 3);
			len = 1;
		} else {
			r = add(b, s + i, len);
		}
		if (r)
			return DG_ENOMEM;
		i += len;
	}
	return 0;
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
	int r;

	while (i < n) {
		for (j = i; j < n && mdurlplain(u[j]); j++)
			continue;
		if (add(b, s + i, j - i))
			return DG_ENOMEM;
		if ((i = j) == n)
			break;
		len = 1;
		if (u[i] == '\\')
			r = add(b, "\\\\", 2);
		else if (u[i] < 0x80 || (len = utf8len(u + i, n - i, &cp)) == 0)
			r = pct(b, u[i]);
		else
			r = add(b, s + i, len);
		if (r)
			return DG_ENOMEM;
		i += len ? len : 1;
	}
	return 0;
}

int
dg_url_line(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && u[j] >= 0x20 && u[j] != 0x7f; j++)
			continue;
		if (add(b, s + i, j - i))
			return DG_ENOMEM;
		if ((i = j) == n)
			break;
		if (pct(b, u[i++]))
			return DG_ENOMEM;
	}
	return 0;
}
