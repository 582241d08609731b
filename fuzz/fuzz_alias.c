/*
 * fuzz_alias.c - dg-alias MAP files (dg_map_line, dg_map_apply) and
 * suggestions (dg_suggest_*) on arbitrary bytes.  Properties: a MAP
 * renames a category as trying its rules' globs in order would (its
 * literal rules are looked up, not tried), and says the same when asked
 * again; the suggested MAP has no bad line, renames every spelling of a
 * group to the group's name, and no other spelling without a TAB.
 *
 * Input: first byte k, then k * 4 bytes (mod the size) of MAP, then
 * categories, one a line.
 */
#include <string.h>

#include "fuzz.h"
#include "ascii_int.h"
#include "ident_int.h"
#include "glob_int.h"
#include "hash_int.h"
#include "../cmd/dg-alias/map.h"
#include "../cmd/dg-alias/suggest.h"

/* The next line of p[*i..n), without its LF. */
static int
alias_line(const char *p, size_t n, size_t *i, dg_str *line)
{
	const char *lf;

	if (*i >= n)
		return 0;
	line->p = p + *i;
	lf = memchr(line->p, '\n', n - *i);
	line->n = lf != NULL ? (size_t)(lf - line->p) : n - *i;
	*i += line->n + 1;
	return 1;
}

static int
alias_same(dg_str a, dg_str b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

/* The new name of raw category c through m (escaped), or p NULL. */
static dg_str
alias_apply(dg_map *m, dg_str c)
{
	dg_buf esc = { NULL, 0, 0 };
	const dg_str *to, *again;
	dg_str r = { NULL, 0 };

	FUZZ_OK(dg_tsv_escape(&esc, c.p, c.n));
	FUZZ_OK(dg_map_apply(m, (dg_str){ esc.p, esc.len }, &to));
	FUZZ_OK(dg_map_apply(m, (dg_str){ esc.p, esc.len }, &again));
	FUZZ_CHECK(to == again);
	dg_buf_free(&esc);
	if (to != NULL)
		r = *to;
	return r;
}

/* The MAP m of map[0..mn), and beside it a map of each rule alone. */
static void
alias_map(const char *map, size_t mn, const char *cats, size_t cn)
{
	dg_map *m, **one;
	dg_glob **g;
	dg_str line, got, want;
	size_t i = 0, n = 0, j, first;
	enum dg_map_status st;
	int hit;

	FUZZ_CHECK((m = dg_map_new()) != NULL);
	FUZZ_CHECK((g = calloc(mn + 1, sizeof(*g))) != NULL);
	FUZZ_CHECK((one = calloc(mn + 1, sizeof(*one))) != NULL);
	while (alias_line(map, mn, &i, &line)) {
		st = dg_map_line(m, line.p, line.n);
		FUZZ_CHECK(st <= DG_MAP_BRACKET);
		if (st != DG_MAP_RULE)
			continue;
		FUZZ_CHECK((one[n] = dg_map_new()) != NULL);
		FUZZ_CHECK(dg_map_line(one[n], line.p, line.n) == DG_MAP_RULE);
		FUZZ_CHECK((g[n] = dg_glob_new(line.p, (size_t)((const char *)
		    memchr(line.p, '\t', line.n) - line.p))) != NULL);
		n++;
	}
	FUZZ_CHECK(dg_map_rules(m) == n);
	i = 0;
	while (alias_line(cats, cn, &i, &line)) {
		first = n;
		for (j = 0; j < n; j++) {
			hit = dg_glob_match(g[j], line.p, line.n);
			want = alias_apply(one[j], line);
			FUZZ_CHECK(hit == (want.p != NULL));
			if (hit && first == n)
				first = j;
		}
		got = alias_apply(m, line);
		if (first == n) {
			FUZZ_CHECK(got.p == NULL);
			continue;
		}
		want = alias_apply(one[first], line);
		FUZZ_CHECK(got.p != NULL && alias_same(got, want));
	}
	for (j = 0; j < n; j++) {
		dg_glob_free(g[j]);
		dg_map_free(one[j]);
	}
	free(g);
	free(one);
	dg_map_free(m);
}

/* The name s[0..n) is renamed to: blanks trimmed and made one, escaped. */
static void
alias_name(dg_buf *b, dg_str s)
{
	dg_buf t = { NULL, 0, 0 };
	size_t i;

	for (i = 0; i < s.n; i++)
		if (!dg_ascii_blank((unsigned char)s.p[i]))
			FUZZ_OK(dg_buf_addc(&t, s.p[i]));
		else if (t.len > 0 && i + 1 < s.n &&
		    !dg_ascii_blank((unsigned char)s.p[i + 1]))
			FUZZ_OK(dg_buf_addc(&t, ' '));
	b->len = 0;
	FUZZ_OK(dg_tsv_escape(b, t.p, t.len));
	dg_buf_free(&t);
}

static void
alias_suggest(const char *cats, size_t cn)
{
	dg_suggest *s;
	const dg_suggest_group *g;
	dg_buf text = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	dg_buf fold = { NULL, 0, 0 };
	dg_hash *grouped;
	dg_map *m;
	dg_str line, got;
	size_t i = 0, ng, j, k;

	FUZZ_CHECK((s = dg_suggest_new()) != NULL);
	while (alias_line(cats, cn, &i, &line))
		FUZZ_OK(dg_suggest_add(s, line.p, line.n));
	FUZZ_OK(dg_suggest_groups(s, &g, &ng));
	FUZZ_CHECK((grouped = dg_hash_new(0)) != NULL);
	for (j = 0; j < ng; j++) {
		FUZZ_CHECK(g[j].n >= 2 && g[j].s[0].line);
		FUZZ_CHECK(j == 0 || g[j].records <= g[j - 1].records);
		FUZZ_OK(dg_suggest_format(&text, &g[j]));
		/* A MAP line matches case and blanks folded: a spelling
		 * left out (it holds a CR, say) is renamed all the same
		 * when it folds as a grouped one does. */
		for (k = 0; k < g[j].n; k++) {
			fold.len = 0;
			FUZZ_OK(dg_fold(&fold, g[j].s[k].spell.p,
			    g[j].s[k].spell.n));
			FUZZ_CHECK(dg_hash_put(grouped, fold.p, fold.len,
			    NULL) != NULL);
		}
	}
	FUZZ_CHECK((m = dg_map_new()) != NULL);
	i = 0;
	while (alias_line(text.p, text.len, &i, &line))
		FUZZ_CHECK(dg_map_line(m, line.p, line.n) <= DG_MAP_SKIP);
	for (j = 0; j < ng; j++) {
		alias_name(&want, g[j].s[0].spell);
		for (k = 0; k < g[j].n; k++) {
			got = alias_apply(m, g[j].s[k].spell);
			FUZZ_CHECK(got.p != NULL &&
			    alias_same(got, (dg_str){ want.p, want.len }));
		}
	}
	i = 0;
	while (alias_line(cats, cn, &i, &line)) {
		fold.len = 0;
		FUZZ_OK(dg_fold(&fold, line.p, line.n));
		if (memchr(line.p, '\t', line.n) == NULL &&
		    dg_hash_find(grouped, fold.p, fold.len) == NULL)
			FUZZ_CHECK(alias_apply(m, line).p == NULL);
	}
	dg_map_free(m);
	dg_hash_free(grouped);
	dg_buf_free(&text);
	dg_buf_free(&want);
	dg_buf_free(&fold);
	dg_suggest_free(s);
}

int
fuzz_alias(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	size_t k;

	if (size == 0)
		return 0;
	k = 1 + (size_t)data[0] * 4 % size;
	if (k > size)
		k = size;
	alias_map(p + 1, k - 1, p + k, size - k);
	alias_suggest(p + k, size - k);
	return 0;
}
