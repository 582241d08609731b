/*
 * arxiv.c - arXiv identifiers in arxiv.org URLs (see lib/arxiv_int.h).
 */
#include <string.h>

#include "arxiv_int.h"
#include "ascii_int.h"

static int
islower_(char c)
{
	return c >= 'a' && c <= 'z';
}

/* Index after the run of digits at s[i..n). */
static size_t
digits(const char *s, size_t i, size_t n)
{
	while (i < n && dg_ascii_digit((unsigned char)s[i]))
		i++;
	return i;
}

/* Index after the identifier (without version) at s[i..n), or 0. */
static size_t
ident(const char *s, size_t i, size_t n)
{
	size_t j;

	/* New style: YYMM.NNNN or YYMM.NNNNN. */
	j = digits(s, i, n);
	if (j == i + 4 && j < n && s[j] == '.') {
		j = digits(s, j + 1, n);
		if (j == i + 9 || j == i + 10)
			return j;
		return 0;
	}
	/* Old style: archive[.CLASS]/YYMMNNN, e.g. cond-mat.str-el/0101001. */
	if (i >= n || !islower_(s[i]))
		return 0;
	for (j = i; j < n && (islower_(s[j]) || s[j] == '-'); j++)
		continue;
	if (j < n && s[j] == '.') {
		if (++j >= n || !dg_ascii_alpha((unsigned char)s[j]))
			return 0;
		while (j < n && (dg_ascii_alpha((unsigned char)s[j]) ||
		    s[j] == '-'))
			j++;
	}
	if (j >= n || s[j] != '/')
		return 0;
	i = j + 1;
	j = digits(s, i, n);
	return j == i + 7 ? j : 0;
}

/* The offset after "http://" or "https://" (any case) at the start of
 * u[0..n), or 0. */
static size_t
web_scheme(const char *u, size_t n)
{
	size_t i = 4;

	if (n < 7 || !dg_ascii_ieq(u, 4, "http"))
		return 0;
	if (u[i] == 's' || u[i] == 'S')
		i++;
	return n - i >= 3 && memcmp(u + i, "://", 3) == 0 ? i + 3 : 0;
}

/* The length of name when u[0..n) starts with it (any case) followed
 * by its end, a '/' or a ':'; else 0.  Inline, to compare with a name
 * of known length. */
static inline size_t
host_len(const char *u, size_t n, const char *name)
{
	size_t len = strlen(name);

	if (!dg_ascii_istarts(u, n, name) ||
	    (n > len && u[len] != '/' && u[len] != ':'))
		return 0;
	return len;
}

/*
 * The length of the arXiv host (arxiv.org, www.arxiv.org or
 * export.arxiv.org, any case) that starts u[0..n), or 0.  Most URLs are
 * not arXiv's and every one is tried: the first letter picks the one
 * name to compare, without looking for where the host ends.
 */
static size_t
arxiv_host(const char *u, size_t n)
{
	if (n == 0)
		return 0;
	switch (dg_ascii_lower((unsigned char)u[0])) {
	case 'a':
		return host_len(u, n, "arxiv.org");
	case 'w':
		return host_len(u, n, "www.arxiv.org");
	case 'e':
		return host_len(u, n, "export.arxiv.org");
	}
	return 0;
}

int
dg_arxiv_id(const char *url, size_t n, dg_str *id)
{
	size_t i, h, start, end;

	if ((i = web_scheme(url, n)) == 0 ||
	    (h = arxiv_host(url + i, n - i)) == 0)
		return 0;
	i += h;
	if (i < n && url[i] == ':') {
		h = i + 1;
		if ((i = digits(url, h, n)) == h)
			return 0;
	}
	if (n - i < 5 || (memcmp(url + i, "/abs/", 5) != 0 &&
	    memcmp(url + i, "/pdf/", 5) != 0))
		return 0;
	start = i + 5;
	if ((end = ident(url, start, n)) == 0)
		return 0;
	if (end + 1 < n && url[end] == 'v' &&
	    dg_ascii_digit((unsigned char)url[end + 1]))
		end = digits(url, end + 1, n);
	i = end;
	if (n - i >= 4 && memcmp(url + i, ".pdf", 4) == 0)
		i += 4;
	if (i < n && url[i] == '/')
		i++;
	if (i < n && url[i] != '?' && url[i] != '#')
		return 0;
	id->p = url + start;
	id->n = end - start;
	return 1;
}

dg_str
dg_arxiv_key(dg_str id)
{
	size_t j = id.n;

	while (j > 0 && dg_ascii_digit((unsigned char)id.p[j - 1]))
		j--;
	if (j < id.n && j >= 2 && id.p[j - 1] == 'v' &&
	    dg_ascii_digit((unsigned char)id.p[j - 2]))
		id.n = j - 1;
	return id;
}
