/*
 * table_int.h - the dg-stats table format, which dg-stats writes and
 * merges and dg-chart draws: key columns, then three counts.
 */
#ifndef DG_TABLE_INT_H
#define DG_TABLE_INT_H

#include "dg.h"

/* What follows the key columns in a dg-stats header line. */
#define DG_TABLE_COUNTS "\tsources\tsections\tdigests"

/* Is line a dg-stats header, key names then DG_TABLE_COUNTS?  Returns 1
 * and sets *keys to the key names (TAB-separated), or returns 0. */
int dg_table_header(const char *line, size_t n, dg_str *keys);

#endif
