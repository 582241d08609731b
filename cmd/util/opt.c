/* opt.c - POSIX option parsing, with long options from a table. */
#include <string.h>

#include "util.h"

static int
long_option(dg_opt *o, int argc, char *const argv[], const dg_longopt *longs)
{
	const char *name = argv[o->ind] + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);

	o->ind++;
	o->badlong = name;
	o->badlen = (int)len;
	for (; longs != NULL && longs->name != NULL; longs++) {
		if (strlen(longs->name) != len ||
		    strncmp(longs->name, name, len) != 0)
			continue;
		if (!longs->has_arg)
			return eq != NULL ? '=' : longs->letter;
		if (eq != NULL)
			o->arg = eq + 1;
		else if (o->ind < argc)
			o->arg = argv[o->ind++];
		else
			return ':';
		return longs->letter;
	}
	return '?';
}

int
dg_opt_next(dg_opt *o, int argc, char *const argv[], const char *shorts,
    const dg_longopt *longs)
{
	const char *a, *spec;
	int c;

	if (o->ind == 0)
		o->ind = 1;
	o->arg = NULL;
	o->bad = 0;
	o->badlong = NULL;
	if (o->pos == 0) {
		if (o->ind >= argc)
			return -1;
		a = argv[o->ind];
		if (a[0] != '-' || a[1] == '\0')
			return -1;
		if (strcmp(a, "--") == 0) {
			o->ind++;
			return -1;
		}
		if (a[1] == '-')
			return long_option(o, argc, argv, longs);
		o->pos = 1;
	}
	a = argv[o->ind];
	c = (unsigned char)a[o->pos++];
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
