/* stage.c - telling a digest and dg TSV by a line (see stage_int.h). */
#include <string.h>

#include "ascii_int.h"
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

/* Is f[0..n) a date as dg-parse writes it, YYYY-MM-DD? */
static int
date_like(const char *f, size_t n)
{
	size_t i;

	if (n != 10 || f[4] != '-' || f[7] != '-')
		return 0;
	for (i = 0; i < n; i++)
		if (i != 4 && i != 7 && !dg_ascii_digit((unsigned char)f[i]))
			return 0;
	return 1;
}

int
dg_stage_tsv(const char *p, size_t n)
{
	static const char std[] = DG_TSV_HEADER;
	dg_str f[DG_NFIELDS];
	size_t i, nf;

	if (n == sizeof(std) - 1 && memcmp(p, std, n) == 0)
		return 1;
	/* A record: nine fields or more, the first a date or empty, the
	 * section a number. */
	if ((nf = dg_tsv_split(p, n, f, DG_NFIELDS)) < DG_NFIELDS)
		return 0;
	if (f[DG_F_DATE].n != 0 && !date_like(f[DG_F_DATE].p, f[DG_F_DATE].n))
		return 0;
	if (f[DG_F_SECTION].n == 0)
		return 0;
	for (i = 0; i < f[DG_F_SECTION].n; i++)
		if (!dg_ascii_digit((unsigned char)f[DG_F_SECTION].p[i]))
			return 0;
	return 1;
}
