/*
 * format_int.h - a section's records as dg TSV lines, for dg-parse: the
 * fields they share are escaped once for the section, so that each
 * record adds only its title and URL to them.
 */
#ifndef DG_FORMAT_INT_H
#define DG_FORMAT_INT_H

#include "dg.h"

/* The fields around title and URL, escaped, with their TABs. */
typedef struct {
	dg_buf head;	/* date TAB kind TAB category TAB */
	dg_buf tail;	/* file TAB section TAB emoji TAB summary LF */
} dg_tsv_shared;

/* Sets sh from rec: all but its title and URL.  esc_summary as for
 * dg_tsv_format. */
int dg_tsv_share(dg_tsv_shared *sh, const dg_record *rec,
    const dg_str *esc_summary);
/* Appends to b the line of a record that shares sh: the same bytes as
 * dg_tsv_format of rec whenever rec differs from the record sh was set
 * from in its title and URL alone. */
int dg_tsv_format_shared(dg_buf *b, const dg_tsv_shared *sh,
    const dg_record *rec);
void dg_tsv_shared_free(dg_tsv_shared *sh);

#endif
