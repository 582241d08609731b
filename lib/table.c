/* table.c - the dg-stats table format (see lib/table_int.h). */
#include <string.h>

#include "table_int.h"

int
dg_table_header(const char *line, size_t n, dg_str *keys)
{
	static const char tail[] = DG_TABLE_COUNTS;
	size_t tn = sizeof(tail) - 1;

	if (n < tn || memcmp(line + n - tn, tail, tn) != 0)
		return 0;
	keys->p = line;
	keys->n = n - tn;
	return 1;
}
