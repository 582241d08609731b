/*
 * ident.c - one identity per source (see lib/ident_int.h).
 *
 * A URL is read as RFC 3986 splits it: scheme ":" ["//" authority] path
 * ["?" query] ["#" fragment], the authority being [userinfo "@"] host
 * [":" port] and the host maybe an [IPv6] literal.  Only the parts the
 * rule names are changed; everything else is compared byte for byte.
 */
#include <string.h>

#include "arxiv_int.h"
#include "ascii_int.h"
#include "ident_int.h"

static int
schemechar(char c)
{
	return dg_ascii_alpha((unsigned char)c) ||
	    dg_ascii_digit((unsigned char)c) || c == '+' ||
	    c == '-' || c == '.';
}

/* Writes s[0..n) at o with ASCII letters lower-cased; returns the end. */
static char *
put_lower(char *o, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		*o++ = (char)dg_ascii_lower((unsigned char)s[i]);
	return o;
}

static char *
put(char *o, const char *s, size_t n)
{
	memcpy(o, s, n);
	return o + n;
}

/* The length of the scheme that starts u[0..n) (before its ':'), or 0. */
static size_t
scheme(const char *u, size_t n)
{
	size_t i;

	if (n == 0 || !dg_ascii_alpha((unsigned char)u[0]))
		return 0;
	for (i = 1; i < n && schemechar(u[i]); i++)
		continue;
	return i < n && u[i] == ':' ? i : 0;
}

/*
 * Writes the authority a[0..n) at o and returns the end: the user info
 * (up to the last '@') as written, the host lower-cased without a
 * leading "www.", and the port unless it is empty or, on the web (http,
 * https), 80 or 443.
 */
static char *
authority(char *o, const char *a, size_t n, int web)
{
	size_t h, e;
	const char *port;

	for (h = n; h > 0 && a[h - 1] != '@'; h--)
		continue;
	e = h;
	if (e < n && a[e] == '[')	/* [2001:db8::1] holds colons */
		while (e < n && a[e++] != ']')
			continue;
	while (e < n && a[e] != ':')
		e++;
	o = put(o, a, h);
	if (e - h > 4 && dg_ascii_istarts(a + h, e - h, "www."))
		h += 4;
	o = put_lower(o, a + h, e - h);
	if (e == n)
		return o;
	port = a + e + 1;
	if (n - e == 1 || (web && (dg_ascii_ieq(port, n - e - 1, "80") ||
	    dg_ascii_ieq(port, n - e - 1, "443"))))
		return o;
	return put(o, a + e, n - e);
}

/* The bytes a plain host stops at: the end of the authority ('/',
 * '?') and what only other authorities hold ('@', ':'). */
static const unsigned char hoststop[256] = {
	['/'] = 1, ['?'] = 1, ['@'] = 1, [':'] = 1
};

/*
 * Writes the authority that starts u[i..n) at o as authority() does,
 * sets *end to where it ends (at the path's '/', the query's '?' or n)
 * and returns the end of what it wrote.  Most authorities are a host
 * alone, which one pass finds and writes; the others are written again.
 */
static char *
host_or_authority(char *o, const char *u, size_t i, size_t n, int web,
    size_t *end)
{
	char *start = o;
	size_t a = i;
	int www = n - i > 4 && dg_ascii_istarts(u + i, n - i, "www.");

	if (www)
		a += 4;
	while (a < n && !hoststop[(unsigned char)u[a]])
		*o++ = (char)dg_ascii_lower((unsigned char)u[a++]);
	if (a == n || u[a] == '/' || u[a] == '?') {
		*end = a;
		if (www && a == i + 4)	/* "www." alone is the host */
			o = put_lower(start, u + i, 4);
		return o;
	}
	while (a < n && u[a] != '/' && u[a] != '?')
		a++;
	*end = a;
	return authority(start, u + i, a - i, web);
}

/* Appends the key of URL u[0..n): never longer than "url:" and u, so
 * that room is made once and the parts are written in place. */
static int
url_key(dg_buf *b, const char *u, size_t n)
{
	const char *frag = memchr(u, '#', n), *query;
	size_t s, i, a, q, p;
	char *o;
	int web;

	if (frag != NULL)
		n = (size_t)(frag - u);
	if (dg_buf_reserve(b, 4 + n) != DG_OK)
		return DG_ENOMEM;
	o = put(b->p + b->len, "url:", 4);
	s = scheme(u, n);
	i = s > 0 ? s + 1 : 0;
	if (n - i < 2 || u[i] != '/' || u[i + 1] != '/') {
		/* mailto:, urn:, or no scheme at all: as written. */
		o = put_lower(o, u, i);
		o = put(o, u + i, n - i);
		b->len = (size_t)(o - b->p);
		return DG_OK;
	}
	/* http: and https: (or none, "//host/") become one "//". */
	web = s == 0 || (s == 4 && dg_ascii_ieq(u, s, "http")) ||
	    (s == 5 && dg_ascii_ieq(u, s, "https"));
	if (!web)
		o = put_lower(o, u, i);
	o = put(o, "//", 2);
	o = host_or_authority(o, u, i + 2, n, web, &a);
	query = memchr(u + a, '?', n - a);
	q = query != NULL ? (size_t)(query - u) : n;
	p = q > a && u[q - 1] == '/' ? q - 1 : q;
	o = put(o, u + a, p - a);
	o = put(o, u + q, n - q);
	b->len = (size_t)(o - b->p);
	return DG_OK;
}

int
dg_ident(dg_buf *b, dg_str url, dg_str title, enum dg_ident *kind)
{
	dg_str id;
	size_t start = b->len;

	if (url.n > 0 && dg_arxiv_id(url.p, url.n, &id)) {
		*kind = DG_IDENT_ARXIV;
		id = dg_arxiv_key(id);
		if (dg_buf_reserve(b, 6 + id.n) != DG_OK)
			return DG_ENOMEM;
		memcpy(b->p + b->len, "arXiv:", 6);
		memcpy(b->p + b->len + 6, id.p, id.n);
		b->len += 6 + id.n;
		return DG_OK;
	}
	if (url.n > 0) {
		*kind = DG_IDENT_URL;
		return url_key(b, url.p, url.n);
	}
	*kind = DG_IDENT_TITLE;
	if (dg_buf_add(b, "title:", 6) != DG_OK ||
	    dg_fold(b, title.p, title.n) != DG_OK)
		return DG_ENOMEM;
	/* A blank title is no title. */
	if (b->len == start + 6) {
		b->len = start;
		*kind = DG_IDENT_NONE;
	}
	return DG_OK;
}
