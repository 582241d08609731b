/* format.c - a parsed record as one dg TSV line. */
#include <inttypes.h>
#include <stdio.h>

#include "dg.h"

int
dg_tsv_format(dg_buf *b, const dg_record *rec, const dg_str *esc_summary)
{
	const dg_str *f[] = { &rec->date, &rec->kind, &rec->category,
	    &rec->title, &rec->url, &rec->file };
	char num[24];
	size_t i;
	int n;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (dg_tsv_escape(b, f[i]->p, f[i]->n) != DG_OK ||
		    dg_buf_addc(b, '\t') != DG_OK)
			return DG_ENOMEM;
	n = snprintf(num, sizeof(num), "%" PRIu64 "\t", rec->section);
	if (dg_buf_add(b, num, (size_t)n) != DG_OK ||
	    dg_tsv_escape(b, rec->emoji.p, rec->emoji.n) != DG_OK ||
	    dg_buf_addc(b, '\t') != DG_OK)
		return DG_ENOMEM;
	if (esc_summary != NULL) {
		if (dg_buf_add(b, esc_summary->p, esc_summary->n) != DG_OK)
			return DG_ENOMEM;
	} else if (dg_tsv_escape(b, rec->summary.p, rec->summary.n) != DG_OK)
		return DG_ENOMEM;
	return dg_buf_addc(b, '\n');
}
