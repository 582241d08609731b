/* stage.c - telling a digest and dg TSV by a line (see stage_int.h). */
#include <string.h>

#include "stage_int.h"

int
dg_stage_digest(const char *p, size_t n)
{
	if (n > 0 && memchr(p, '\t', n) != NULL)
		return 0;
	return (n >= 1 && p[0] == '#') ||
	    (n >= 2 && memcmp(p, "**", 2) == 0) ||
	    (n >= 2 && memcmp(p, "![", 2) == 0) ||
	    (n >= 2 && (p[0] == '-' || p[0] == '*') && p[1] == ' ');
}

int
dg_stage_tsv(const char *p, size_t n)
{
	static const char std[] = DG_TSV_HEADER;
	size_t i, tabs = 0;

	if (n == sizeof(std) - 1 && memcmp(p, std, n) == 0)
		return 1;
	for (i = 0; i < n && tabs < DG_NFIELDS - 1; i++)
		tabs += p[i] == '\t';
	return tabs == DG_NFIELDS - 1;
}
