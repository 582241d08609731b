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
isalpha_(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
schemechar(char c)
{
	return isalpha_(c) || (c >= '0' && c <= '9') || c == '+' ||
	    c == '-' || c == '.';
}

/* Appends s[0..n) with ASCII letters lower-cased. */
static int
add_lower(dg_buf *b, const char *s, size_t n)
{
	size_t i;

	if (dg_buf_reserve(b, n) != DG_OK)
		return DG_ENOMEM;
	for (i = 0; i < n; i++)
		b->p[b->len++] = (char)dg_ascii_lower((unsigned char)s[i]);
	return DG_OK;
}

/* The length of the scheme that starts u[0..n) (before its ':'), or 0. */
static size_t
scheme(const char *u, size_t n)
{
	size_t i;

	if (n == 0 || !isalpha_(u[0]))
		return 0;
	for (i = 1; i < n && schemechar(u[i]); i++)
		continue;
	return i < n && u[i] == ':' ? i : 0;
}

/*
 * Appends the authority a[0..n): the user info as written, the host
 * lower-cased without a leading "www.", and the port unless it is empty
 * or, on the web (http, https), 80 or 443.
 */
static int
authority(dg_buf *b, const char *a, size_t n, int web)
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
	if (dg_buf_add(b, a, h) != DG_OK)
		return DG_ENOMEM;
	if (e - h > 4 && dg_ascii_istarts(a + h, e - h, "www."))
		h += 4;
	if (add_lower(b, a + h, e - h) != DG_OK)
		return DG_ENOMEM;
	if (e == n)
		return DG_OK;
	port = a + e + 1;
	if (n - e == 1 || (web && (dg_ascii_ieq(port, n - e - 1, "80") ||
	    dg_ascii_ieq(port, n - e - 1, "443"))))
		return DG_OK;
	return dg_buf_add(b, a + e, n - e);
}

static int
url_key(dg_buf *b, const char *u, size_t n)
{
	const char *frag = memchr(u, '#', n), *query;
	size_t s, i, a, q, p;
	int web;

	if (frag != NULL)
		n = (size_t)(frag - u);
	if (dg_buf_add(b, "url:", 4) != DG_OK)
		return DG_ENOMEM;
	s = scheme(u, n);
	i = s > 0 ? s + 1 : 0;
	if (n - i < 2 || u[i] != '/' || u[i + 1] != '/') {
		/* mailto:, urn:, or no scheme at all: as written. */
		if (add_lower(b, u, i) != DG_OK)
			return DG_ENOMEM;
		return dg_buf_add(b, u + i, n - i);
	}
	/* http: and https: (or none, "//host/") become one "//". */
	web = s == 0 || (s == 4 && dg_ascii_ieq(u, s, "http")) ||
	    (s == 5 && dg_ascii_ieq(u, s, "https"));
	if (!web && add_lower(b, u, i) != DG_OK)
		return DG_ENOMEM;
	i += 2;
	for (a = i; a < n && u[a] != '/' && u[a] != '?'; a++)
		continue;
	query = memchr(u + a, '?', n - a);
	q = query != NULL ? (size_t)(query - u) : n;
	p = q > a && u[q - 1] == '/' ? q - 1 : q;
	if (dg_buf_add(b, "//", 2) != DG_OK ||
	    authority(b, u + i, a - i, web) != DG_OK ||
	    dg_buf_add(b, u + a, p - a) != DG_OK ||
	    dg_buf_add(b, u + q, n - q) != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

int
dg_fold(dg_buf *b, const char *s, size_t n)
{
	size_t i, start = b->len;
	int blank = 0;

	/* The result is never longer than s. */
	if (dg_buf_reserve(b, n) != DG_OK)
		return DG_ENOMEM;
	for (i = 0; i < n; i++) {
		if (dg_ascii_blank((unsigned char)s[i])) {
			blank = b->len > start;
			continue;
		}
		if (blank)
			b->p[b->len++] = ' ';
		b->p[b->len++] = (char)dg_ascii_lower((unsigned char)s[i]);
		blank = 0;
	}
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
		if (dg_buf_add(b, "arXiv:", 6) != DG_OK)
			return DG_ENOMEM;
		return dg_buf_add(b, id.p, id.n);
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
