/*
 * fuzz_glob.c - glob patterns (dg_glob_new, dg_glob_match).
 * Properties: on printable ASCII without blanks, the result is
 * fnmatch(3)'s on both sides lowered (when no range or class, where
 * folding rules may differ, is used); a string and its blank-normalised form
 * match alike; a string matches itself with every byte escaped, and
 * matches '*'.
 *
 * Input: first byte k, then k bytes of pattern (mod the size), then the
 * string.
 */
#include <fnmatch.h>
#include <string.h>

#include "fuzz.h"
#include "ascii_int.h"
#include "glob_int.h"

static int
glob_match(const char *p, size_t pn, const char *s, size_t sn)
{
	dg_glob *g;
	int m;

	FUZZ_CHECK((g = dg_glob_new(p, pn)) != NULL);
	m = dg_glob_match(g, s, sn);
	FUZZ_CHECK(m == 0 || m == 1);
	dg_glob_free(g);
	return m;
}

static int
glob_plain(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < 0x21 || s[i] > 0x7e)
			return 0;
	return 1;
}

/* A lowered C string copy of s, for fnmatch. */
static char *
glob_lower(const char *s, size_t n)
{
	char *c;
	size_t i;

	FUZZ_CHECK((c = malloc(n + 1)) != NULL);
	for (i = 0; i < n; i++)
		c[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i];
	c[n] = '\0';
	return c;
}

static void
glob_versus_fnmatch(const char *p, size_t pn, const char *s, size_t sn)
{
	char *cp, *cs;
	int want, ranges;

	if (!glob_plain(p, pn) || !glob_plain(s, sn))
		return;
	/* Ranges and classes fold differently (glibc folds the string
	 * byte, dg every byte of the range): compare without them. */
	ranges = memchr(p, '[', pn) != NULL && (memchr(p, '-', pn) != NULL ||
	    memchr(p, ':', pn) != NULL);
	/* fnmatch takes a final lone \ as an error, dg as a \. */
	if (ranges || (pn > 0 && p[pn - 1] == '\\'))
		return;
	cp = glob_lower(p, pn);
	cs = glob_lower(s, sn);
	want = fnmatch(cp, cs, 0);
	if (want == 0 || want == FNM_NOMATCH)
		FUZZ_CHECK(glob_match(p, pn, s, sn) == (want == 0));
	free(cp);
	free(cs);
}

/* s with blank runs made one space, trimmed. */
static size_t
glob_normal(char *out, const char *s, size_t n)
{
	size_t i, k = 0;
	int blank = 0;

	for (i = 0; i < n; i++) {
		if (dg_ascii_blank((unsigned char)s[i])) {
			blank = 1;
			continue;
		}
		if (blank && k > 0)
			out[k++] = ' ';
		blank = 0;
		out[k++] = s[i];
	}
	return k;
}

int
fuzz_glob(const uint8_t *data, size_t size)
{
	const char *p, *s;
	char *buf;
	size_t pn, sn, i, k;

	if (size == 0)
		return 0;
	pn = data[0] % size;
	p = (const char *)data + 1;
	s = p + pn;
	sn = size - 1 - pn;

	glob_versus_fnmatch(p, pn, s, sn);

	FUZZ_CHECK((buf = malloc(2 * sn + 1)) != NULL);
	k = glob_normal(buf, s, sn);
	FUZZ_CHECK(glob_match(p, pn, s, sn) == glob_match(p, pn, buf, k));

	/* Every byte escaped, blanks as they are: the string itself. */
	for (i = k = 0; i < sn; i++) {
		if (s[i] != ' ' && s[i] != '\t')
			buf[k++] = '\\';
		buf[k++] = s[i];
	}
	FUZZ_CHECK(glob_match(buf, k, s, sn) == 1);
	FUZZ_CHECK(glob_match("*", 1, s, sn) == 1);
	free(buf);
	return 0;
}
