/* ascii.c - comparing words with ASCII letters folded to lower case. */
#include <string.h>

#include "ascii_int.h"

int
dg_ascii_ieq(const char *s, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (word[i] == '\0' ||
		    dg_ascii_lower((unsigned char)s[i]) != (unsigned char)word[i])
			return 0;
	return word[n] == '\0';
}

int
dg_ascii_istarts(const char *s, size_t n, const char *prefix)
{
	size_t len = strlen(prefix);

	return n >= len && dg_ascii_ieq(s, len, prefix);
}
