/* map.c - a dg-alias MAP: its rules, and the answer kept per spelling. */
#include <stdlib.h>
#include <string.h>

#include "ascii_int.h"
#include "field_int.h"
#include "glob_int.h"
#include "hash_int.h"
#include "ident_int.h"
#include "map.h"

const char *const dg_map_messages[DG_MAP_NOMEM] = {
	[DG_MAP_NOTAB] = "no TAB: expected PATTERN TAB CATEGORY",
	[DG_MAP_TABS] = "more than one TAB: expected PATTERN TAB CATEGORY",
	[DG_MAP_NOPATTERN] = "empty pattern",
	[DG_MAP_NOCATEGORY] = "empty category",
	[DG_MAP_BRACKET] = "unclosed [ in the pattern (write \\[ for a plain [)"
};

struct rule {
	dg_glob *g;	/* the pattern */
	dg_buf esc;	/* the category, escaped */
	dg_str to;	/* the same bytes, as handed out */
};

/*
 * A category is matched once per spelling, against the rules in order;
 * but a MAP is mostly literal spellings (dg-alias -s writes nothing
 * else), and a literal pattern matches exactly the categories of its
 * folded form (dg_map_fold).  So the literal rules are looked up by that
 * form, and only the rules with wildcards before the literal one found
 * are tried in turn: a MAP as long as the spellings it renames costs
 * each spelling one lookup, not the whole MAP.
 */
struct dg_map {
	struct rule *r;		/* the rules, in MAP order */
	size_t n;
	size_t cap;
	dg_hash *lit;		/* a literal rule's folded form -> size_t:
				   1 + the index of the first such rule */
	size_t *wild;		/* the indexes of the other rules, in order;
				   cap of them */
	size_t nwild;
	dg_buf fold;		/* a folded form */
	dg_hash *seen;		/* category field -> size_t: 1 + the index
				   of the rule it matched, or 0 */
	dg_buf raw;		/* a category field unescaped */
	dg_buf last;		/* the field of the last dg_map_apply */
	size_t lastrule;	/* its answer, as in seen */
	int haslast;		/* last is set */
};

dg_map *
dg_map_new(void)
{
	dg_map *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	if ((m->seen = dg_hash_new(sizeof(size_t))) == NULL ||
	    (m->lit = dg_hash_new(sizeof(size_t))) == NULL) {
		dg_hash_free(m->seen);
		free(m);
		return NULL;
	}
	return m;
}

/* Is s[0..n) made of blanks only (or empty)? */
static int
allblank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!dg_ascii_blank((unsigned char)s[i]))
			return 0;
	return 1;
}

int
dg_map_fold(dg_buf *b, const char *s, size_t n)
{
	/* As dg_glob_match compares: the one fold of the library. */
	return dg_fold(b, s, n);
}

/* Appends the folded form of the literal pattern p, its escapes undone
 * (an escaped blank is a blank to dg_glob_new too); 0 when p has a
 * wildcard: * ? or [, which a MAP only allows closed. */
static int
literal(dg_buf *b, const char *p, size_t n)
{
	dg_buf plain = {0};
	size_t i;
	int st = DG_OK;

	for (i = 0; i < n && st == DG_OK; i++) {
		if (p[i] == '*' || p[i] == '?' || p[i] == '[') {
			dg_buf_free(&plain);
			return 0;
		}
		if (p[i] == '\\' && i + 1 < n)
			i++;
		st = dg_buf_addc(&plain, p[i]);
	}
	if (st == DG_OK)
		st = dg_map_fold(b, plain.p, plain.len);
	dg_buf_free(&plain);
	return st == DG_OK ? 1 : -1;
}

/* Room for one more rule. */
static int
grow(dg_map *m)
{
	struct rule *r;
	size_t *w, cap = m->cap ? m->cap * 2 : 16;

	if (m->n < m->cap)
		return DG_OK;
	if (cap > SIZE_MAX / sizeof(*r) ||
	    (r = realloc(m->r, cap * sizeof(*r))) == NULL)
		return DG_ENOMEM;
	m->r = r;
	if ((w = realloc(m->wild, cap * sizeof(*w))) == NULL)
		return DG_ENOMEM;
	m->wild = w;
	m->cap = cap;
	return DG_OK;
}

/* Files rule i as literal or wild. */
static int
index_rule(dg_map *m, const char *pat, size_t pn, size_t i)
{
	size_t *v;
	int lit, created;

	m->fold.len = 0;
	if ((lit = literal(&m->fold, pat, pn)) < 0)
		return DG_ENOMEM;
	if (lit) {
		if ((v = dg_hash_put(m->lit, m->fold.p, m->fold.len,
		    &created)) == NULL)
			return DG_ENOMEM;
		if (created)
			*v = i + 1;
		return DG_OK;
	}
	m->wild[m->nwild++] = i;
	return DG_OK;
}

/* Adds the rule pat -> cat: the category without leading and trailing
 * spaces, runs of spaces made one, then escaped. */
static enum dg_map_status
add(dg_map *m, const char *pat, size_t pn, const char *cat, size_t cn)
{
	dg_buf norm = {0}, esc = {0};
	size_t i;
	int st = DG_OK;

	for (i = 0; i < cn && st == DG_OK; i++)
		if (cat[i] != ' ' || (norm.len > 0 && i + 1 < cn &&
		    cat[i + 1] != ' '))
			st = dg_buf_addc(&norm, cat[i]);
	if (st == DG_OK)
		st = dg_tsv_escape(&esc, norm.p, norm.len);
	dg_buf_free(&norm);
	if (st == DG_OK)
		st = grow(m);
	if (st == DG_OK && (m->r[m->n].g = dg_glob_new(pat, pn)) == NULL)
		st = DG_ENOMEM;
	if (st == DG_OK && (st = index_rule(m, pat, pn, m->n)) != DG_OK)
		dg_glob_free(m->r[m->n].g);
	if (st != DG_OK) {
		dg_buf_free(&esc);
		return DG_MAP_NOMEM;
	}
	m->r[m->n].esc = esc;
	m->r[m->n].to.p = esc.p;
	m->r[m->n].to.n = esc.len;
	m->n++;
	return DG_MAP_RULE;
}

enum dg_map_status
dg_map_line(dg_map *m, const char *line, size_t n)
{
	const char *tab;
	size_t i, pn;

	for (i = 0; i < n && dg_ascii_blank((unsigned char)line[i]); i++)
		continue;
	if (i == n || line[i] == '#')
		return DG_MAP_SKIP;
	if ((tab = memchr(line, '\t', n)) == NULL)
		return DG_MAP_NOTAB;
	pn = (size_t)(tab - line);
	if (memchr(tab + 1, '\t', n - pn - 1) != NULL)
		return DG_MAP_TABS;
	if (allblank(line, pn))
		return DG_MAP_NOPATTERN;
	if (allblank(tab + 1, n - pn - 1))
		return DG_MAP_NOCATEGORY;
	if (dg_glob_unclosed(line, pn) != pn)
		return DG_MAP_BRACKET;
	return add(m, line, pn, tab + 1, n - pn - 1);
}

size_t
dg_map_rules(const dg_map *m)
{
	return m->n;
}

/* 1 + the index of the first rule matching raw, or 0; (size_t)-1
 * when out of memory. */
static size_t
match(dg_map *m, dg_str raw)
{
	size_t i, *v, first;

	m->fold.len = 0;
	if (dg_map_fold(&m->fold, raw.p, raw.n) != DG_OK)
		return (size_t)-1;
	v = dg_hash_find(m->lit, m->fold.p, m->fold.len);
	first = v != NULL ? *v : 0;
	for (i = 0; i < m->nwild && (first == 0 || m->wild[i] < first); i++)
		if (dg_glob_match(m->r[m->wild[i]].g, raw.p, raw.n))
			return m->wild[i] + 1;
	return first;
}

int
dg_map_apply(dg_map *m, dg_str f, const dg_str **to)
{
	size_t *v, rule;
	dg_str raw;
	int st;

	/* The records of a section come together, with one category. */
	if (m->haslast && f.n == m->last.len &&
	    (f.n == 0 || memcmp(f.p, m->last.p, f.n) == 0)) {
		rule = m->lastrule;
	} else {
		if ((v = dg_hash_find(m->seen, f.p, f.n)) == NULL) {
			if ((st = dg_field_raw(f, &m->raw, &raw)) != DG_OK)
				return st;
			if ((rule = match(m, raw)) == (size_t)-1 ||
			    (v = dg_hash_put(m->seen, f.p, f.n, NULL)) == NULL)
				return DG_ENOMEM;
			*v = rule;
		}
		rule = *v;
		m->last.len = 0;
		if (dg_buf_add(&m->last, f.p, f.n) != DG_OK)
			return DG_ENOMEM;
		m->lastrule = rule;
		m->haslast = 1;
	}
	*to = rule == 0 ? NULL : &m->r[rule - 1].to;
	return DG_OK;
}

void
dg_map_free(dg_map *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++) {
		dg_glob_free(m->r[i].g);
		dg_buf_free(&m->r[i].esc);
	}
	free(m->r);
	free(m->wild);
	dg_hash_free(m->lit);
	dg_hash_free(m->seen);
	dg_buf_free(&m->fold);
	dg_buf_free(&m->raw);
	dg_buf_free(&m->last);
	free(m);
}
