/*
 * opt.c - option parsing as GNU tools do it: short options that cluster
 * (-uf json), long options from a table (--format=json, --format json,
 * or any unambiguous prefix, --form), and options after operands (dg-cat
 * LLM file.tsv -v): the operands are moved behind the options, in their
 * order, as GNU getopt does.  "--" ends options; with POSIXLY_CORRECT in
 * the environment the first operand does too.
 */
#include <stdlib.h>
#include <string.h>

#include "ascii_int.h"
#include "util.h"

/* Moves argv[a..b) before argv[m..a)... that is, rotates argv[m..b) so
 * that argv[a..b) comes first, each block keeping its order. */
static void
rotate(char *argv[], int m, int a, int b)
{
	char *t;
	int i, k;

	/* b - a single steps: few arguments, and simple. */
	for (k = a; k < b; k++) {
		t = argv[k];
		for (i = k; i > m + (k - a); i--)
			argv[i] = argv[i - 1];
		argv[m + (k - a)] = t;
	}
}

/* The table entry for --name (len bytes): an exact name, or else the one
 * name it is a prefix of; NULL, with *ambiguous set, when there are
 * more. */
static const dg_longopt *
find_long(const char *name, size_t len, const dg_longopt *longs,
    int *ambiguous)
{
	const dg_longopt *l, *found = NULL;
	int n = 0;

	*ambiguous = 0;
	for (l = longs; l != NULL && l->name != NULL; l++) {
		if (strncmp(l->name, name, len) != 0)
			continue;
		if (strlen(l->name) == len)
			return l;
		/* Two names for one option are one choice. */
		if (found == NULL || found->letter != l->letter)
			n++;
		found = l;
	}
	*ambiguous = n > 1;
	return n == 1 ? found : NULL;
}

static int
long_option(dg_opt *o, int argc, char *argv[], const dg_longopt *longs)
{
	const char *name = argv[o->ind] + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const dg_longopt *l;

	o->ind++;
	o->badlong = name;
	o->badlen = (int)len;
	if (len == 0) {
		o->badlen = (int)strlen(name);	/* --=x */
		return '?';
	}
	if ((l = find_long(name, len, longs, &o->ambiguous)) == NULL)
		return '?';
	/* Messages name the option, not the prefix typed. */
	o->name = o->badlong = l->name;
	o->badlen = (int)strlen(l->name);
	if (!l->has_arg)
		return eq != NULL ? '=' : l->letter;
	if (eq != NULL)
		o->arg = eq + 1;
	else if (o->ind < argc)
		o->arg = argv[o->ind++];
	else
		return ':';
	return l->letter;
}

static int
short_option(dg_opt *o, int argc, char *argv[], const char *shorts)
{
	const char *a = argv[o->ind], *spec;
	int c = (unsigned char)a[o->pos++];

	if (a[o->pos] == '\0') {
		o->pos = 0;
		o->ind++;
	}
	spec = c == ':' ? NULL : strchr(shorts, c);
	if (spec == NULL) {
		o->bad = c;
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (o->pos != 0) {
		/* The rest of the cluster is the argument: -fjson. */
		o->arg = a + o->pos;
		o->pos = 0;
		o->ind++;
	} else if (o->ind < argc)
		o->arg = argv[o->ind++];
	else {
		o->bad = c;
		return ':';
	}
	return c;
}

static int
is_operand(const char *a)
{
	return a[0] != '-' || a[1] == '\0';
}

int
dg_opt_next(dg_opt *o, int argc, char *argv[], const char *shorts,
    const dg_longopt *longs)
{
	int c;

	if (o->ind == 0)
		o->ind = 1;
	o->arg = NULL;
	o->name = NULL;
	o->bad = 0;
	o->badlong = NULL;
	o->ambiguous = 0;
	if (o->pos == 0) {
		/* Operands are set aside, just before o->ind. */
		while (o->ind < argc && is_operand(argv[o->ind])) {
			if (getenv("POSIXLY_CORRECT") != NULL)
				break;
			o->ind++;
			o->nops++;
		}
		if (o->ind >= argc || is_operand(argv[o->ind])) {
			o->ind -= o->nops;
			return -1;
		}
		if (strcmp(argv[o->ind], "--") == 0) {
			/* The operands after it follow those set aside. */
			rotate(argv, o->ind - o->nops, o->ind, o->ind + 1);
			o->ind += 1 - o->nops;
			return -1;
		}
		o->start = o->ind;
		if (argv[o->ind][1] == '-')
			c = long_option(o, argc, argv, longs);
		else {
			o->pos = 1;
			c = short_option(o, argc, argv, shorts);
		}
	} else
		c = short_option(o, argc, argv, shorts);
	/* An option done with, and its argument, go before the operands
	 * set aside. */
	if (o->pos == 0 && o->nops > 0)
		rotate(argv, o->start - o->nops, o->start, o->ind);
	return c;
}

int
dg_word(const char *what, const char *arg, const char *const *words)
{
	size_t i, n = strlen(arg);
	char *list = NULL;
	size_t len = 0;

	for (i = 0; words[i] != NULL; i++)
		if (dg_ascii_ieq(arg, n, words[i]))
			return (int)i;
	for (i = 0; words[i] != NULL; i++)
		len += strlen(words[i]) + 2;
	if ((list = malloc(len + 1)) == NULL)
		dg_nomem();
	list[0] = '\0';
	for (i = 0; words[i] != NULL; i++) {
		if (i > 0)
			strcat(list, ", ");
		strcat(list, words[i]);
	}
	dg_warnx("unknown %s '%s'; %ss: %s", what, arg, what, list);
	free(list);
	exit(DG_EXIT_TROUBLE);
}
