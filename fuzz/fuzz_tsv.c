/*
 * fuzz_tsv.c - dg TSV escaping, unescaping, splitting and the record
 * reader (dg_tsvin) on arbitrary bytes.  Properties: escape then
 * unescape is the identity and escaped text holds no TAB, LF, CR or
 * NUL; unescape then escape is the identity on text without those;
 * a bad escape is reported at a backslash that starts no valid escape;
 * split fields put back together give the line; dg_tsv_tabs counts and
 * places TABs as split does; every record dg_tsvin hands out has the
 * fields it needs, and each field it gives is the one split gives.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "tsvin_int.h"

static int
tsv_special(char c)
{
	return c == '\t' || c == '\n' || c == '\r' || c == '\0';
}

static void
tsv_escapes(const char *s, size_t n)
{
	dg_buf e = { NULL, 0, 0 }, u = { NULL, 0, 0 }, prefix = { NULL, 0, 0 };
	size_t i, bad = (size_t)-1;
	int raw = 0, st;

	FUZZ_OK(dg_tsv_escape(&e, s, n));
	for (i = 0; i < e.len; i++)
		FUZZ_CHECK(!tsv_special(e.p[i]));
	/* e.p is NULL when nothing was escaped: that must do too. */
	FUZZ_OK(dg_tsv_unescape(&u, e.p, e.len, NULL));
	FUZZ_CHECK(u.len == n && (n == 0 || memcmp(u.p, s, n) == 0));

	/* The other way round, on the input taken as escaped text. */
	for (i = 0; i < n; i++)
		raw |= tsv_special(s[i]);
	u.len = e.len = 0;
	st = dg_tsv_unescape(&u, s, n, &bad);
	if (st == DG_OK) {
		FUZZ_CHECK(u.len <= n);
		if (!raw) {
			FUZZ_OK(dg_tsv_escape(&e, u.p, u.len));
			FUZZ_CHECK(e.len == n &&
			    (n == 0 || memcmp(e.p, s, n) == 0));
		}
	} else {
		FUZZ_CHECK(st == DG_EESCAPE);
		FUZZ_CHECK(bad < n && s[bad] == '\\');
		FUZZ_CHECK(bad + 1 == n ||
		    strchr("\\tnr0", s[bad + 1]) == NULL || s[bad + 1] == '\0');
		FUZZ_OK(dg_tsv_unescape(&prefix, s, bad, NULL));
	}
	dg_buf_free(&e);
	dg_buf_free(&u);
	dg_buf_free(&prefix);
}

static void
tsv_split(const char *s, size_t n)
{
	dg_str f[8];
	size_t nf, i, tabs = 0, at = 0;

	for (i = 0; i < n; i++)
		tabs += s[i] == '\t';
	nf = dg_tsv_split(s, n, f, 8);
	FUZZ_CHECK(nf == tabs + 1);
	for (i = 0; i < nf && i < 8; i++) {
		FUZZ_CHECK(f[i].p == s + at);
		FUZZ_CHECK(at + f[i].n <= n);
		FUZZ_CHECK(f[i].n == 0 || memchr(f[i].p, '\t', f[i].n) == NULL);
		at += f[i].n;
		FUZZ_CHECK(at == n ? i + 1 == nf : s[at] == '\t');
		at++;
	}
	/* The TABs end the fields split out; counting stops at enough. */
	for (i = 0; i < 10; i++) {
		size_t pos[7], npos = i < 7 ? i : 7, got, k;

		got = dg_tsv_tabs(s, n, pos, npos, i);
		FUZZ_CHECK(got == (tabs < i ? tabs : i));
		for (k = 0; k < got && k < npos; k++)
			FUZZ_CHECK(pos[k] == (size_t)(f[k].p + f[k].n - s));
	}
	FUZZ_CHECK(dg_tsv_tabs(s, n, NULL, 0, n + 1) == tabs);
}

static void
tsv_records(const char *s, size_t n, unsigned need)
{
	static const char std[] = DG_TSV_HEADER;
	dg_tsvin t;
	dg_str f, *all;
	uint64_t last = 0;
	size_t id, nall;
	int st;

	dg_tsvin_init_mem(&t, s, n, need);
	while ((st = dg_tsvin_next(&t)) != DG_EOF) {
		FUZZ_CHECK(st == DG_OK || st == DG_EFIELDS);
		FUZZ_CHECK(t.rd.lineno > last);
		last = t.rd.lineno;
		FUZZ_CHECK(t.line.n != sizeof(std) - 1 ||
		    memcmp(t.line.p, std, t.line.n) != 0);
		nall = dg_tsv_split(t.line.p, t.line.n, NULL, 0);
		if (st == DG_EFIELDS) {
			FUZZ_CHECK(t.nfields < t.ncols && t.nfields == nall);
			continue;
		}
		FUZZ_CHECK(t.nfields >= t.ncols && nall >= t.ncols);
		if ((all = malloc(nall * sizeof(*all))) == NULL)
			abort();
		dg_tsv_split(t.line.p, t.line.n, all, nall);
		for (id = 0; id < DG_NFIELDS; id++) {
			f = dg_tsvin_field(&t, (enum dg_field)id);
			FUZZ_CHECK(f.p >= t.line.p &&
			    f.p + f.n <= t.line.p + t.line.n);
			if (need == 0 || need & 1u << id)
				FUZZ_CHECK(t.col[id] < nall);
			/* Any field, needed or not, is the one split finds;
			 * one the header does not name is empty. */
			if (t.col[id] < nall)
				FUZZ_CHECK(f.p == all[t.col[id]].p &&
				    f.n == all[t.col[id]].n);
			else
				FUZZ_CHECK(f.n == 0);
		}
		free(all);
	}
	dg_tsvin_fini(&t);
}

int
fuzz_tsv(const uint8_t *data, size_t size)
{
	/* What dg-cat, dg-links and dg-stats ask for, and everything. */
	static const unsigned needs[] = {
		0,
		1u << DG_F_KIND | 1u << DG_F_CATEGORY,
		1u << DG_F_DATE | 1u << DG_F_KIND | 1u << DG_F_CATEGORY |
		    1u << DG_F_TITLE | 1u << DG_F_URL,
		1u << DG_F_URL | 1u << DG_F_FILE | 1u << DG_F_SECTION,
		(1u << DG_NFIELDS) - 1
	};
	const char *s = (const char *)data;
	const char *nl;
	size_t i;

	tsv_escapes(s, size);
	nl = size > 0 ? memchr(s, '\n', size) : NULL;
	tsv_split(s, nl != NULL ? (size_t)(nl - s) : size);
	for (i = 0; i < sizeof(needs) / sizeof(needs[0]); i++)
		tsv_records(s, size, needs[i]);
	return 0;
}
