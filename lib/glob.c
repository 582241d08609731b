/*
 * glob.c - shell glob patterns matched against whole categories, ASCII
 * case folded and blanks normalised (see lib/glob_int.h).
 *
 * A pattern compiles to a list of tokens: a star, or a set of bytes (a
 * literal, '?' or a bracket expression) held as a 256-bit map indexed by
 * the folded byte.  The match is the iterative star-backtracking loop: on
 * a mismatch it only moves the last star one byte on, so it is
 * O(pattern * string) whatever the pattern.
 */
#include <stdlib.h>
#include <string.h>

#include "glob_int.h"
#include "ascii_int.h"

struct tok {
	unsigned char set[32];	/* bytes matched (folded), by bit */
	unsigned char star;	/* a '*': the set is unused */
};

struct dg_glob {
	struct tok *t;
	size_t n;
};

/* The byte as compared: ASCII upper case to lower, a blank to space. */
static unsigned char
fold(unsigned char c)
{
	return dg_ascii_blank(c) ? ' ' : dg_ascii_lower(c);
}

static void
setbit(unsigned char *set, unsigned char c)
{
	c = fold(c);
	set[c >> 3] |= 1u << (c & 7);
}

static int
hasbit(const unsigned char *set, unsigned char c)
{
	return set[c >> 3] >> (c & 7) & 1;
}

static int
inclass(const char *name, size_t n, unsigned c)
{
	int lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
	int digit = dg_ascii_digit(c);
	int print = c >= ' ' && c < 0x7f;

#define IS(s) (n == sizeof(s) - 1 && memcmp(name, s, n) == 0)
	if (IS("alpha"))
		return lower || upper;
	if (IS("digit"))
		return digit;
	if (IS("alnum"))
		return lower || upper || digit;
	if (IS("upper"))
		return upper;
	if (IS("lower"))
		return lower;
	if (IS("space"))
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (IS("blank"))
		return c == ' ' || c == '\t';
	if (IS("punct"))
		return print && c != ' ' && !lower && !upper && !digit;
	if (IS("xdigit"))
		return digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	if (IS("cntrl"))
		return c < ' ' || c == 0x7f;
	if (IS("print"))
		return print;
	if (IS("graph"))
		return print && c != ' ';
#undef IS
	return 0;	/* an unknown class matches no byte */
}

/* One byte of a bracket expression at p[*j], with its \ escape. */
static unsigned char
bracketbyte(const char *p, size_t n, size_t *j)
{
	if (p[*j] == '\\' && *j + 1 < n)
		(*j)++;
	return (unsigned char)p[(*j)++];
}

/*
 * Parses the bracket expression whose '[' is at p[i] into set; returns
 * the index after its ']', or 0 when it is not closed.
 */
static size_t
bracket(const char *p, size_t n, size_t i, unsigned char *set)
{
	unsigned char pos[32] = {0};
	size_t j = i + 1, k;
	int neg = 0, first = 1;
	unsigned c, lo, hi;

	if (j < n && (p[j] == '!' || p[j] == '^')) {
		neg = 1;
		j++;
	}
	for (;;) {
		if (j >= n)
			return 0;
		if (p[j] == ']' && !first)
			break;
		first = 0;
		if (p[j] == '[' && j + 1 < n && p[j + 1] == ':') {
			for (k = j + 2; k + 1 < n; k++)
				if (p[k] == ':' && p[k + 1] == ']')
					break;
			if (k + 1 < n) {
				for (c = 0; c < 256; c++)
					if (inclass(p + j + 2, k - j - 2, c))
						setbit(pos, c);
				j = k + 2;
				continue;
			}
		}
		lo = hi = bracketbyte(p, n, &j);
		if (j + 1 < n && p[j] == '-' && p[j + 1] != ']') {
			j++;
			hi = bracketbyte(p, n, &j);
		}
		for (c = lo; c <= hi; c++)
			setbit(pos, c);
	}
	for (k = 0; k < 32; k++)
		set[k] = neg ? ~pos[k] : pos[k];
	return j + 1;
}

dg_glob *
dg_glob_new(const char *p, size_t n)
{
	dg_glob *g;
	struct tok tk;
	size_t i = 0, next;
	int blank = 0;

	if ((g = malloc(sizeof(*g))) == NULL)
		return NULL;
	if ((g->t = calloc(n + 1, sizeof(*g->t))) == NULL) {
		free(g);
		return NULL;
	}
	g->n = 0;
	while (i < n) {
		memset(&tk, 0, sizeof(tk));
		next = i + 1;
		if (p[i] == '*') {
			tk.star = 1;
		} else if (p[i] == '?') {
			memset(tk.set, 0xff, sizeof(tk.set));
		} else if (p[i] == '[' && (next = bracket(p, n, i, tk.set)) != 0) {
			/* the set is made */
		} else {
			if (p[i] == '\\' && i + 1 < n)
				i++;
			next = i + 1;
			if (dg_ascii_blank((unsigned char)p[i])) {
				/* Blanks collapse; leading ones are dropped
				 * and trailing ones never flushed. */
				blank = 1;
				i = next;
				continue;
			}
			setbit(tk.set, (unsigned char)p[i]);
		}
		i = next;
		if (blank && g->n > 0) {
			setbit(g->t[g->n].set, ' ');
			g->n++;
		}
		blank = 0;
		if (tk.star && g->n > 0 && g->t[g->n - 1].star)
			continue;	/* ** is * */
		g->t[g->n++] = tk;
	}
	return g;
}

/* Walks p as dg_glob_new does: escapes and bracket expressions. */
size_t
dg_glob_unclosed(const char *p, size_t n)
{
	unsigned char set[32];
	size_t i = 0, next;

	while (i < n) {
		if (p[i] == '\\' && i + 1 < n)
			i += 2;
		else if (p[i] != '[')
			i++;
		else if ((next = bracket(p, n, i, set)) == 0)
			return i;
		else
			i = next;
	}
	return n;
}

/* Index of the first non-blank byte at or after i. */
static size_t
skipblanks(const char *s, size_t i, size_t n)
{
	while (i < n && dg_ascii_blank((unsigned char)s[i]))
		i++;
	return i;
}

/*
 * The string is walked as its normalised form: from its first non-blank
 * byte to its last, a run of blanks being one space.
 */
int
dg_glob_match(const dg_glob *g, const char *s, size_t n)
{
	const struct tok *t = g->t;
	size_t p = 0, i, e = n, star = (size_t)-1, si = 0, next;
	unsigned char c;

	while (e > 0 && dg_ascii_blank((unsigned char)s[e - 1]))
		e--;
	i = skipblanks(s, 0, e);
	while (i < e) {
		c = fold((unsigned char)s[i]);
		next = c == ' ' ? skipblanks(s, i, e) : i + 1;
		if (p < g->n && t[p].star) {
			/* A last star takes the rest, whatever it is
			 * (dg-cat '*' selects every category). */
			if (p + 1 == g->n)
				return 1;
			star = p++;
			si = i;
		} else if (p < g->n && hasbit(t[p].set, c)) {
			p++;
			i = next;
		} else if (star != (size_t)-1) {
			/* Let the last star take one more byte. */
			p = star + 1;
			c = fold((unsigned char)s[si]);
			si = c == ' ' ? skipblanks(s, si, e) : si + 1;
			i = si;
		} else {
			return 0;
		}
	}
	while (p < g->n && t[p].star)
		p++;
	return p == g->n;
}

void
dg_glob_free(dg_glob *g)
{
	if (g == NULL)
		return;
	free(g->t);
	free(g);
}
