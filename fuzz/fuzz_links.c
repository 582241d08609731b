/*
 * fuzz_links.c - how dg-links writes sources (dg_json_str, dg_md_text,
 * dg_md_url, dg_url_line) and finds arXiv identifiers (dg_arxiv_id,
 * dg_arxiv_key).  Properties: a JSON string is valid JSON and valid
 * UTF-8 and decodes to the input with each invalid byte made U+FFFD;
 * markdown text is valid UTF-8 without control bytes, with every
 * special character escaped, and keeps one character per input
 * character; a markdown URL or a URL line holds none of the bytes that
 * would end it; an identifier found sits inside the URL, has the shape
 * SPEC gives, is found again in a canonical URL, and its key drops
 * only a vN suffix; a source identity has the prefix of its kind,
 * ignores an added fragment and http against https, and a title key is
 * lower case with single spaces; an Atom feed or HTML page of sources
 * made from the input is valid UTF-8 without a forbidden control, and
 * every '<' in it starts one of the elements the writer makes.
 */
#include <string.h>

#include "fuzz.h"
#include "arxiv_int.h"
#include "ident_int.h"
#include "../cmd/dg-links/atom.h"
#include "../cmd/dg-links/html.h"
#include "../cmd/dg-links/linkfmt.h"
#include "utf8_int.h"

/* Code points of s, an invalid byte counting as one; -1 when not valid
 * UTF-8 and valid is required. */
static long
links_chars(const char *s, size_t n, int valid)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, len;
	uint32_t cp;
	long count = 0;

	for (i = 0; i < n; i += len ? len : 1, count++)
		if ((len = dg_utf8_decode(u + i, n - i, &cp)) == 0 && valid)
			return -1;
	return count;
}

/* s with each invalid UTF-8 byte made U+FFFD. */
static void
links_fffd(dg_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, len;
	uint32_t cp;

	for (i = 0; i < n; i += len ? len : 1)
		if ((len = dg_utf8_decode(u + i, n - i, &cp)) == 0)
			FUZZ_OK(dg_buf_add(b, "\xef\xbf\xbd", 3));
		else
			FUZZ_OK(dg_buf_add(b, s + i, len));
}

static int
links_hex4(const char *s, uint32_t *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		*v <<= 4;
		if (s[i] >= '0' && s[i] <= '9')
			*v |= (uint32_t)(s[i] - '0');
		else if (s[i] >= 'a' && s[i] <= 'f')
			*v |= (uint32_t)(s[i] - 'a' + 10);
		else if (s[i] >= 'A' && s[i] <= 'F')
			*v |= (uint32_t)(s[i] - 'A' + 10);
		else
			return 0;
	}
	return 1;
}

/* Checks that j[0..n) is one JSON string and decodes it into b. */
static void
links_json_decode(dg_buf *b, const char *j, size_t n)
{
	const unsigned char *u = (const unsigned char *)j;
	size_t i, len;
	uint32_t cp, lo;

	FUZZ_CHECK(n >= 2 && j[0] == '"' && j[n - 1] == '"');
	for (i = 1; i < n - 1; i += len) {
		FUZZ_CHECK(u[i] >= 0x20 && u[i] != '"');
		if (u[i] != '\\') {
			len = dg_utf8_decode(u + i, n - 1 - i, &cp);
			FUZZ_CHECK(len > 0);
			/* Raw U+2028 and U+2029 break JavaScript. */
			FUZZ_CHECK(cp != 0x2028 && cp != 0x2029);
			FUZZ_OK(dg_buf_add(b, j + i, len));
			continue;
		}
		FUZZ_CHECK(i + 1 < n - 1);
		len = 2;
		switch (j[i + 1]) {
		case '"': case '\\': case '/':
			FUZZ_OK(dg_buf_addc(b, j[i + 1]));
			break;
		case 'b': FUZZ_OK(dg_buf_addc(b, '\b')); break;
		case 'f': FUZZ_OK(dg_buf_addc(b, '\f')); break;
		case 'n': FUZZ_OK(dg_buf_addc(b, '\n')); break;
		case 'r': FUZZ_OK(dg_buf_addc(b, '\r')); break;
		case 't': FUZZ_OK(dg_buf_addc(b, '\t')); break;
		case 'u':
			FUZZ_CHECK(i + 6 <= n - 1 && links_hex4(j + i + 2, &cp));
			len = 6;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				FUZZ_CHECK(i + 12 <= n - 1 && j[i + 6] == '\\' &&
				    j[i + 7] == 'u' && links_hex4(j + i + 8, &lo) &&
				    lo >= 0xdc00 && lo <= 0xdfff);
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
				len = 12;
			}
			FUZZ_CHECK(cp < 0xdc00 || cp > 0xdfff);
			FUZZ_OK(dg_utf8_put(b, cp));
			break;
		default:
			FUZZ_CHECK(!"a JSON escape");
		}
	}
}

static void
links_json(const char *s, size_t n)
{
	dg_buf out = { NULL, 0, 0 }, dec = { NULL, 0, 0 }, want = { NULL, 0, 0 };

	FUZZ_OK(dg_json_str(&out, s, n));
	FUZZ_CHECK(links_chars(out.p, out.len, 1) >= 0);
	links_json_decode(&dec, out.p, out.len);
	links_fffd(&want, s, n);
	FUZZ_CHECK(dec.len == want.len &&
	    (want.len == 0 || memcmp(dec.p, want.p, want.len) == 0));
	dg_buf_free(&out);
	dg_buf_free(&dec);
	dg_buf_free(&want);
}

static void
links_md_text(const char *s, size_t n)
{
	static const char special[] = "\\`*_[]()<>#!&~|";
	dg_buf out = { NULL, 0, 0 };
	size_t i;
	long chars = 0;

	FUZZ_OK(dg_md_text(&out, s, n));
	FUZZ_CHECK(links_chars(out.p, out.len, 1) >= 0);
	for (i = 0; i < out.len; i++, chars++) {
		FUZZ_CHECK((unsigned char)out.p[i] >= 0x20);
		if (out.p[i] == '\\') {
			FUZZ_CHECK(i + 1 < out.len &&
			    strchr(special, out.p[i + 1]) != NULL &&
			    out.p[i + 1] != '\0');
			i++;
		} else
			FUZZ_CHECK(strchr(special, out.p[i]) == NULL);
		/* Skip the rest of a multibyte character. */
		while (i + 1 < out.len && ((unsigned char)out.p[i + 1] & 0xc0) ==
		    0x80)
			i++;
	}
	FUZZ_CHECK(chars == links_chars(s, n, 0));
	dg_buf_free(&out);
}

static void
links_urls(const char *s, size_t n)
{
	dg_buf out = { NULL, 0, 0 };
	size_t i, ctl = 0;
	unsigned char c;

	FUZZ_OK(dg_md_url(&out, s, n));
	FUZZ_CHECK(links_chars(out.p, out.len, 1) >= 0);
	for (i = 0; i < out.len; i++) {
		c = (unsigned char)out.p[i];
		FUZZ_CHECK(c > 0x20 && c != 0x7f && strchr("()<>\"", c) == NULL);
		if (c == '\\') {
			FUZZ_CHECK(i + 1 < out.len && out.p[i + 1] == '\\');
			i++;
		}
	}
	out.len = 0;
	FUZZ_OK(dg_url_line(&out, s, n));
	for (i = 0; i < n; i++)
		ctl += (unsigned char)s[i] < 0x20 || s[i] == 0x7f;
	FUZZ_CHECK(out.len == n + 2 * ctl);
	for (i = 0; i < out.len; i++)
		FUZZ_CHECK((unsigned char)out.p[i] >= 0x20 && out.p[i] != 0x7f);
	dg_buf_free(&out);
}

/* Is id[0..n) an identifier of the shape SPEC gives, version kept?
 * New style 2410.13754, old style archive[.CLASS]/YYMMNNN. */
static int
links_id_shape(const char *id, size_t n)
{
	const char *slash;
	size_t i = 0, j;

	while (i < n && id[i] >= '0' && id[i] <= '9')
		i++;
	if (i == 4 && i < n && id[i] == '.') {
		for (j = ++i; i < n && id[i] >= '0' && id[i] <= '9'; i++)
			continue;
		if (i - j != 4 && i - j != 5)
			return 0;
	} else {
		if (i != 0 || (slash = memchr(id, '/', n)) == NULL ||
		    slash == id)
			return 0;
		i = (size_t)(slash - id) + 1;
		for (j = i; i < n && id[i] >= '0' && id[i] <= '9'; i++)
			continue;
		if (i - j != 7)
			return 0;
	}
	if (i == n)
		return 1;
	if (id[i++] != 'v' || i == n)
		return 0;
	while (i < n && id[i] >= '0' && id[i] <= '9')
		i++;
	return i == n;
}

static void
links_arxiv(const char *s, size_t n)
{
	static const char *const pre[] = {
		"https://arxiv.org/abs/", "http://export.arxiv.org/pdf/"
	};
	dg_str id, key, again;
	dg_buf u = { NULL, 0, 0 };
	size_t i;

	if (!dg_arxiv_id(s, n, &id))
		return;
	FUZZ_CHECK(id.n > 0 && id.p >= s && id.p + id.n <= s + n);
	FUZZ_CHECK(links_id_shape(id.p, id.n));
	key = dg_arxiv_key(id);
	FUZZ_CHECK(key.p == id.p && key.n > 0 && key.n <= id.n);
	FUZZ_CHECK(key.n == id.n || (id.p[key.n] == 'v' && key.n + 1 < id.n));
	again = dg_arxiv_key(key);
	FUZZ_CHECK(again.n == key.n);
	for (i = 0; i < 2; i++) {
		u.len = 0;
		FUZZ_OK(dg_buf_add(&u, pre[i], strlen(pre[i])));
		FUZZ_OK(dg_buf_add(&u, id.p, id.n));
		FUZZ_CHECK(dg_arxiv_id(u.p, u.len, &again));
		FUZZ_CHECK(again.n == id.n && memcmp(again.p, id.p, id.n) == 0);
	}
	dg_buf_free(&u);
}

/* The identity key of (url, title) in b; returns its kind. */
static enum dg_ident
links_key(dg_buf *b, const char *url, size_t un, const char *t, size_t tn)
{
	dg_str u = { url, un }, title = { t, tn };
	enum dg_ident kind;

	b->len = 0;
	FUZZ_OK(dg_ident(b, u, title, &kind));
	return kind;
}

static void
links_ident(const char *s, size_t n)
{
	dg_buf k = { NULL, 0, 0 }, k2 = { NULL, 0, 0 }, u = { NULL, 0, 0 };
	enum dg_ident kind;
	size_t i;

	kind = links_key(&k, s, n, "x", 1);
	FUZZ_CHECK((n == 0) == (kind == DG_IDENT_TITLE));
	if (kind == DG_IDENT_ARXIV)
		FUZZ_CHECK(k.len > 6 && memcmp(k.p, "arXiv:", 6) == 0);
	if (kind == DG_IDENT_URL)
		FUZZ_CHECK(k.len >= 4 && memcmp(k.p, "url:", 4) == 0);
	if (n > 0) {
		/* An added fragment changes nothing, nor does https. */
		FUZZ_OK(dg_buf_add(&u, s, n));
		FUZZ_OK(dg_buf_add(&u, "#x", 2));
		links_key(&k2, u.p, u.len, "", 0);
		FUZZ_CHECK(k2.len == k.len && memcmp(k.p, k2.p, k.len) == 0);
		if (n >= 7 && memcmp(s, "http://", 7) == 0) {
			u.len = 0;
			FUZZ_OK(dg_buf_add(&u, "https:", 6));
			FUZZ_OK(dg_buf_add(&u, s + 5, n - 5));
			links_key(&k2, u.p, u.len, "", 0);
			FUZZ_CHECK(k2.len == k.len &&
			    memcmp(k.p, k2.p, k.len) == 0);
		}
	}
	if (links_key(&k, "", 0, s, n) == DG_IDENT_NONE) {
		FUZZ_CHECK(k.len == 0);
	} else {
		FUZZ_CHECK(k.len > 6 && memcmp(k.p, "title:", 6) == 0);
		FUZZ_CHECK(k.p[6] != ' ' && k.p[k.len - 1] != ' ');
		for (i = 6; i < k.len; i++)
			FUZZ_CHECK(!(k.p[i] >= 'A' && k.p[i] <= 'Z') &&
			    k.p[i] != '\t' && k.p[i] != '\n' &&
			    k.p[i] != '\r' && (k.p[i] != ' ' || k.p[i - 1] != ' '));
	}
	dg_buf_free(&k);
	dg_buf_free(&k2);
	dg_buf_free(&u);
}

/* Does every '<' of the document start one of the names in tags? */
static void
links_tags(const char *d, size_t n, const char *const *tags)
{
	const char *lt, *end = d + n;
	size_t i, k;

	for (; (lt = memchr(d, '<', (size_t)(end - d))) != NULL; d = lt + 1) {
		for (i = 0; tags[i] != NULL; i++) {
			k = strlen(tags[i]);
			if ((size_t)(end - lt - 1) > k &&
			    memcmp(lt + 1, tags[i], k) == 0 &&
			    strchr(" >/", lt[1 + k]) != NULL)
				break;
		}
		FUZZ_CHECK(tags[i] != NULL);
	}
}

static void
links_doc_text(const char *d, size_t n)
{
	const unsigned char *u = (const unsigned char *)d;
	size_t i;

	FUZZ_CHECK(links_chars(d, n, 1) >= 0);
	for (i = 0; i < n; i++)
		FUZZ_CHECK(u[i] >= 0x20 || u[i] == '\t' || u[i] == '\n' ||
		    u[i] == '\r');
}

/* Sources from the input: LF-separated fields, seven to a source. */
static void
links_docs(const char *s, size_t n)
{
	static const char *const atom[] = {
		"?xml", "feed", "/feed", "id", "/id", "title", "/title",
		"updated", "/updated", "author", "/author", "name", "/name",
		"generator", "/generator", "link", "entry", "/entry",
		"published", "/published", "category", "summary", "/summary",
		NULL
	};
	static const char *const html[] = {
		"!DOCTYPE", "html", "/html", "head", "/head", "meta", "title",
		"/title", "style", "/style", "body", "/body", "header",
		"/header", "h1", "/h1", "h2", "/h2", "h3", "/h3", "p", "/p",
		"main", "/main", "section", "/section", "details", "/details",
		"summary", "/summary", "ul", "/ul", "li", "/li", "a", "/a",
		"span", "/span", "time", "/time", "br", NULL
	};
	dg_str f[7];
	dg_src src;
	dg_docopt o;
	dg_buf b = { NULL, 0, 0 };
	dg_doc *d;
	const char *nl;
	size_t k = 0, i;

	FUZZ_CHECK((d = dg_doc_new()) != NULL);
	memset(&o, 0, sizeof(o));
	o.unique = n > 0 && s[0] == 'u';
	o.arxiv = n > 1 && s[1] == 'a';
	while (n > 0) {
		nl = memchr(s, '\n', n);
		f[k].p = s;
		f[k].n = nl ? (size_t)(nl - s) : n;
		i = f[k].n + (nl != NULL);
		s += i;
		n -= i;
		if (++k < 7 && n > 0)
			continue;
		for (; k < 7; k++)
			f[k] = f[0];
		src.date = f[0], src.kind = f[1], src.category = f[2];
		src.title = f[3], src.url = f[4], src.section = f[5];
		src.summary = f[6], src.arxiv = f[3], src.key = f[4];
		FUZZ_OK(dg_doc_add(d, &src));
		k = 0;
	}
	FUZZ_OK(dg_atom_write(&b, d, &o, NULL));
	links_doc_text(b.p, b.len);
	links_tags(b.p, b.len, atom);
	b.len = 0;
	FUZZ_OK(dg_html_write(&b, d, &o, NULL));
	links_doc_text(b.p, b.len);
	links_tags(b.p, b.len, html);
	dg_buf_free(&b);
	dg_doc_free(d);
}

int
fuzz_links(const uint8_t *data, size_t size)
{
	const char *s = size > 0 ? (const char *)data : "";

	links_json(s, size);
	links_md_text(s, size);
	links_urls(s, size);
	links_arxiv(s, size);
	links_ident(s, size);
	links_docs(s, size);
	return 0;
}
