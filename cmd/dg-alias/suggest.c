/* suggest.c - dg-alias -s: spellings of one category, grouped. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii_int.h"
#include "hash_int.h"
#include "map.h"
#include "suggest.h"

/* No rule of dg_suggest_singular leaves fewer letters: "US" is not a
 * form of "use", nor "GP" of "GPS". */
#define MINWORD 3

/* No key group, for the spellings no MAP line can hold. */
#define NONE SIZE_MAX

/* A spelling while grouping. */
struct member {
	size_t root;		/* its group, after the joins */
	dg_hash_entry *e;	/* its hash entry: spelling and count */
};

struct dg_suggest {
	dg_hash *spell;		/* spelling -> uint64_t records */
	dg_hash_entry *ents;	/* its entries, once grouped */
	dg_suggest_group *g;	/* the groups */
	size_t ng;
	dg_suggest_spelling *sp;	/* their spellings */
};

dg_suggest *
dg_suggest_new(void)
{
	dg_suggest *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	if ((s->spell = dg_hash_new(sizeof(uint64_t))) == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

int
dg_suggest_add(dg_suggest *s, const char *cat, size_t n)
{
	uint64_t *count;

	if ((count = dg_hash_put(s->spell, cat, n, NULL)) == NULL)
		return DG_ENOMEM;
	(*count)++;
	return DG_OK;
}

/* --- the key ---------------------------------------------------------- */

static int
letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
alnum(unsigned char c)
{
	return letter(c) || (c >= '0' && c <= '9');
}

static int
wordbyte(unsigned char c)
{
	return alnum(c) || c >= 0x80;
}

/* The punctuation that tells things apart: C++ and C, Q&A and QA. */
static int
symbol(unsigned char c)
{
	return c != '\0' && strchr("#$%&+<=>@^", c) != NULL;
}

static int
ends(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

/* Does w[0..n) end in s, x, z, ch or sh, after which a plural is -es? */
static int
sibilant(const char *w, size_t n)
{
	return ends(w, n, "s") || ends(w, n, "x") || ends(w, n, "z") ||
	    ends(w, n, "ch") || ends(w, n, "sh");
}

/* Words that end in s without being plurals: progress, corpus, analysis. */
static int
keeps_s(const char *w, size_t n)
{
	return ends(w, n, "ss") || ends(w, n, "us") || ends(w, n, "is");
}

size_t
dg_suggest_singular(char *w, size_t n)
{
	/* The plural's ending off: -ies, -es after a sibilant, -s; two
	 * Greek ones: analyses, hypotheses. */
	if (keeps_s(w, n))
		;
	else if (ends(w, n, "yses") || ends(w, n, "theses"))
		w[n - 2] = 'i';
	else if (ends(w, n, "ies") && n - 2 >= MINWORD) {
		w[n - 3] = 'y';
		n -= 2;
	} else if (ends(w, n, "es") && n - 2 >= MINWORD && sibilant(w, n - 2))
		n -= 2;
	else if (ends(w, n, "s") && n - 1 >= MINWORD)
		n--;
	/* Then what a singular shares with its plural, where -s and -es
	 * cannot be told apart: purpose(s) and bias(es) lose their e and
	 * s, movie(s) is movy. */
	if (ends(w, n, "e") && n - 1 >= MINWORD && sibilant(w, n - 1))
		n--;
	if (ends(w, n, "s") && !keeps_s(w, n) && n - 1 >= MINWORD)
		n--;
	else if (ends(w, n, "ie") && n - 1 >= MINWORD) {
		w[n - 2] = 'y';
		n--;
	}
	return n;
}

int
dg_suggest_key(dg_buf *b, const char *s, size_t n)
{
	size_t i = 0, start;
	int letters;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)s[i];
		if (!wordbyte(c)) {
			if (symbol(c) && dg_buf_addc(b, (char)c) != DG_OK)
				return DG_ENOMEM;
			i++;
			continue;
		}
		start = b->len;
		letters = 1;
		for (; i < n && wordbyte((unsigned char)s[i]); i++) {
			c = (unsigned char)s[i];
			letters &= letter(c);
			if (dg_buf_addc(b, (char)dg_ascii_lower(c)) != DG_OK)
				return DG_ENOMEM;
		}
		if (letters)
			b->len = start + dg_suggest_singular(b->p + start,
			    b->len - start);
	}
	return DG_OK;
}

/* --- abbreviations ---------------------------------------------------- */

/* s[0..n) without leading and trailing blanks. */
static dg_str
trim(const char *s, size_t n)
{
	dg_str t;

	while (n > 0 && dg_ascii_blank((unsigned char)s[n - 1]))
		n--;
	while (n > 0 && dg_ascii_blank((unsigned char)*s)) {
		s++;
		n--;
	}
	t.p = s;
	t.n = n;
	return t;
}

/* Is a an abbreviation of x, as dg_suggest_abbrev says? */
static int
abbreviates(dg_str a, dg_str x)
{
	size_t i, j = 0, caps = 0;
	unsigned char c;

	for (i = 0; i < a.n; i++) {
		c = (unsigned char)a.p[i];
		if (!alnum(c) && c != '-' && c != '&' && c != '.')
			return 0;
		caps += c >= 'A' && c <= 'Z';
	}
	if (caps < 2)
		return 0;
	/* The first letter or digit of each must be the same. */
	for (i = 0; i < a.n && !alnum((unsigned char)a.p[i]); i++)
		continue;
	while (j < x.n && !alnum((unsigned char)x.p[j]))
		j++;
	if (i == a.n || j == x.n || dg_ascii_lower((unsigned char)a.p[i]) !=
	    dg_ascii_lower((unsigned char)x.p[j]))
		return 0;
	/* Then every letter of a is found in x, in order. */
	for (; i < a.n; i++) {
		c = dg_ascii_lower((unsigned char)a.p[i]);
		if (!letter(c))
			continue;
		while (j < x.n && dg_ascii_lower((unsigned char)x.p[j]) != c)
			j++;
		if (j == x.n)
			return 0;
		j++;
	}
	return 1;
}

int
dg_suggest_abbrev(const char *s, size_t n, dg_str *a)
{
	dg_str t = trim(s, n), x;
	size_t open;

	if (t.n == 0 || t.p[t.n - 1] != ')')
		return 0;
	for (open = t.n - 1; open > 0 && t.p[open - 1] != '('; open--)
		continue;
	if (open == 0)
		return 0;
	*a = trim(t.p + open, t.n - 1 - open);
	x = trim(t.p, open - 1);
	return x.n > 0 && abbreviates(*a, x);
}

/* --- grouping --------------------------------------------------------- */

/* Can a MAP line hold s?  Not a TAB, LF or CR. */
static int
writable(dg_str s)
{
	size_t i;

	for (i = 0; i < s.n; i++)
		if (s.p[i] == '\t' || s.p[i] == '\n' || s.p[i] == '\r')
			return 0;
	return 1;
}

static uint64_t
count_of(const dg_hash_entry *e)
{
	return *(const uint64_t *)e->val;
}

/* Byte order, a prefix first. */
static int
bytecmp(dg_str a, dg_str b)
{
	int c = memcmp(a.p, b.p, a.n < b.n ? a.n : b.n);

	if (c != 0 || a.n == b.n)
		return c;
	return a.n < b.n ? -1 : 1;
}

/* Union-find over key groups: the root of i, paths halved. */
static size_t
root(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static void
join(size_t *parent, size_t a, size_t b)
{
	a = root(parent, a);
	b = root(parent, b);
	if (a < b)
		parent[b] = a;
	else
		parent[a] = b;
}

/* Members by group, then most records first, then byte order. */
static int
cmp_member(const void *pa, const void *pb)
{
	const struct member *a = pa, *b = pb;
	uint64_t ca = count_of(a->e), cb = count_of(b->e);

	if (a->root != b->root)
		return a->root < b->root ? -1 : 1;
	if (ca != cb)
		return ca > cb ? -1 : 1;
	return bytecmp(a->e->key, b->e->key);
}

/* Groups by most records first, then by the name they are mapped to. */
static int
cmp_group(const void *pa, const void *pb)
{
	const dg_suggest_group *a = pa, *b = pb;

	if (a->records != b->records)
		return a->records > b->records ? -1 : 1;
	return bytecmp(a->s[0].spell, b->s[0].spell);
}

/*
 * Gives each entry its key group in id[] (NONE for spellings in no
 * group) and joins "X (A)" to A's group; *parent is the union-find
 * array over the groups.
 */
static int
key_groups(const dg_hash_entry *e, size_t n, size_t *id, size_t **parent)
{
	dg_hash *keys;
	dg_buf key = {0};
	dg_str a;
	size_t i, nk = 0, *v;
	int st = DG_OK, created;

	if ((keys = dg_hash_new(sizeof(size_t))) == NULL)
		return DG_ENOMEM;
	for (i = 0; i < n && st == DG_OK; i++) {
		key.len = 0;
		id[i] = NONE;
		if (!writable(e[i].key) ||
		    (st = dg_suggest_key(&key, e[i].key.p, e[i].key.n)) !=
		    DG_OK || key.len == 0)
			continue;
		if ((v = dg_hash_put(keys, key.p, key.len, &created)) == NULL)
			st = DG_ENOMEM;
		else {
			if (created)
				*v = nk++;
			id[i] = *v;
		}
	}
	if (st == DG_OK && (*parent = malloc((nk ? nk : 1) *
	    sizeof(**parent))) == NULL)
		st = DG_ENOMEM;
	for (i = 0; st == DG_OK && i < nk; i++)
		(*parent)[i] = i;
	for (i = 0; st == DG_OK && i < n; i++) {
		if (id[i] == NONE || !dg_suggest_abbrev(e[i].key.p, e[i].key.n,
		    &a))
			continue;
		key.len = 0;
		if ((st = dg_suggest_key(&key, a.p, a.n)) == DG_OK &&
		    (v = dg_hash_find(keys, key.p, key.len)) != NULL)
			join(*parent, id[i], *v);
	}
	dg_buf_free(&key);
	dg_hash_free(keys);
	return st;
}

/* Makes the groups of two or more from the sorted members m[0..n). */
static int
make_groups(dg_suggest *s, const struct member *m, size_t n)
{
	dg_hash *forms;
	dg_buf form = {0};
	dg_suggest_group *g;
	dg_suggest_spelling *sp;
	size_t i, j, ng = 0, nsp = 0;
	int st = DG_OK, created;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && m[j].root == m[i].root; j++)
			continue;
		if (j - i >= 2) {
			ng++;
			nsp += j - i;
		}
	}
	if (ng == 0)
		return DG_OK;
	if ((s->g = calloc(ng, sizeof(*s->g))) == NULL ||
	    (s->sp = calloc(nsp, sizeof(*s->sp))) == NULL ||
	    (forms = dg_hash_new(0)) == NULL)
		return DG_ENOMEM;
	g = s->g;
	sp = s->sp;
	for (i = 0; i < n && st == DG_OK; i = j) {
		for (j = i + 1; j < n && m[j].root == m[i].root; j++)
			continue;
		if (j - i < 2)
			continue;
		g->s = sp;
		g->n = j - i;
		for (; i < j && st == DG_OK; i++, sp++) {
			sp->spell = m[i].e->key;
			sp->count = count_of(m[i].e);
			g->records += sp->count;
			/* A form is in one group only: one table serves. */
			form.len = 0;
			created = 0;
			if ((st = dg_map_fold(&form, sp->spell.p,
			    sp->spell.n)) == DG_OK &&
			    dg_hash_put(forms, form.p, form.len, &created) ==
			    NULL)
				st = DG_ENOMEM;
			sp->line = created;
		}
		g++;
	}
	dg_buf_free(&form);
	dg_hash_free(forms);
	s->ng = ng;
	qsort(s->g, ng, sizeof(*s->g), cmp_group);
	return st;
}

int
dg_suggest_groups(dg_suggest *s, const dg_suggest_group **g, size_t *n)
{
	struct member *m = NULL;
	size_t ne, i, nm = 0, *id = NULL, *parent = NULL;
	int st = DG_ENOMEM;

	*g = NULL;
	*n = 0;
	if (dg_hash_count(s->spell) == 0)
		return DG_OK;
	if ((s->ents = dg_hash_entries(s->spell, &ne)) == NULL ||
	    (id = malloc(ne * sizeof(*id))) == NULL ||
	    (m = malloc(ne * sizeof(*m))) == NULL ||
	    key_groups(s->ents, ne, id, &parent) != DG_OK)
		goto out;
	for (i = 0; i < ne; i++) {
		if (id[i] == NONE)
			continue;
		m[nm].root = root(parent, id[i]);
		m[nm].e = &s->ents[i];
		nm++;
	}
	qsort(m, nm, sizeof(*m), cmp_member);
	if ((st = make_groups(s, m, nm)) == DG_OK) {
		*g = s->g;
		*n = s->ng;
	}
out:
	free(m);
	free(id);
	free(parent);
	return st;
}

/* --- MAP text --------------------------------------------------------- */

/* Appends s without leading and trailing blanks, a run of blanks as one
 * space; with esc, as a pattern matching s alone. */
static int
spaced(dg_buf *b, const char *s, size_t n, int esc)
{
	dg_str t = trim(s, n);
	size_t i, start = b->len;
	char c;

	for (i = 0; i < t.n; i++) {
		c = t.p[i];
		if (dg_ascii_blank((unsigned char)c)) {
			if (!dg_ascii_blank((unsigned char)t.p[i + 1]) &&
			    dg_buf_addc(b, ' ') != DG_OK)
				return DG_ENOMEM;
			continue;
		}
		if (esc && (c == '*' || c == '?' || c == '[' || c == '\\' ||
		    (c == '#' && b->len == start)) &&
		    dg_buf_addc(b, '\\') != DG_OK)
			return DG_ENOMEM;
		if (dg_buf_addc(b, c) != DG_OK)
			return DG_ENOMEM;
	}
	return DG_OK;
}

int
dg_suggest_pattern(dg_buf *b, const char *s, size_t n)
{
	return spaced(b, s, n, 1);
}

static int
comment(dg_buf *b, uint64_t count, dg_str spell)
{
	char num[32];
	int len = snprintf(num, sizeof(num), "# %" PRIu64 "\t", count);

	if (dg_buf_add(b, num, (size_t)len) != DG_OK ||
	    dg_buf_add(b, spell.p, spell.n) != DG_OK ||
	    dg_buf_addc(b, '\n') != DG_OK)
		return DG_ENOMEM;
	return DG_OK;
}

int
dg_suggest_format(dg_buf *b, const dg_suggest_group *g)
{
	char head[64];
	dg_str to = g->s[0].spell;
	size_t i;
	int len;

	len = snprintf(head, sizeof(head), "# %" PRIu64 " records, %zu "
	    "spellings\n", g->records, g->n);
	if (dg_buf_add(b, head, (size_t)len) != DG_OK)
		return DG_ENOMEM;
	for (i = 0; i < g->n; i++)
		if (comment(b, g->s[i].count, g->s[i].spell) != DG_OK)
			return DG_ENOMEM;
	for (i = 0; i < g->n; i++) {
		if (!g->s[i].line)
			continue;
		if (spaced(b, g->s[i].spell.p, g->s[i].spell.n, 1) != DG_OK ||
		    dg_buf_addc(b, '\t') != DG_OK ||
		    spaced(b, to.p, to.n, 0) != DG_OK ||
		    dg_buf_addc(b, '\n') != DG_OK)
			return DG_ENOMEM;
	}
	return DG_OK;
}

void
dg_suggest_free(dg_suggest *s)
{
	if (s == NULL)
		return;
	dg_hash_free(s->spell);
	free(s->ents);
	free(s->g);
	free(s->sp);
	free(s);
}
