/* field.c - a dg TSV field back to its raw bytes (see lib/field_int.h). */
#include <string.h>

#include "field_int.h"

int
dg_field_raw(dg_str f, dg_buf *scratch, dg_str *raw)
{
	int st;

	if (f.n == 0 || memchr(f.p, '\\', f.n) == NULL) {
		*raw = f;
		return DG_OK;
	}
	scratch->len = 0;
	if ((st = dg_tsv_unescape(scratch, f.p, f.n, NULL)) != DG_OK)
		return st;
	raw->p = scratch->p;
	raw->n = scratch->len;
	return DG_OK;
}
