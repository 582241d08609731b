/*
 * opener.h - dg-parse's many files, opened a few ahead by a thread of its
 * own while the one before is parsed.
 */
#ifndef DG_PARSE_OPENER_H
#define DG_PARSE_OPENER_H

#include <stddef.h>

typedef struct dg_opener dg_opener;

/* Starts opening the n operands names (kept, not copied) ahead.  NULL
 * when the thread cannot start: then open them all as usual. */
dg_opener *dg_opener_new(char *const *names, size_t n);
/*
 * The next operand's descriptor, in order, or -1 when it is to be opened
 * as usual: "-", anything but a regular file (a FIFO is never opened
 * ahead, which would take it from its writer), and any failure, which
 * the usual open then meets and reports.
 */
int dg_opener_next(dg_opener *o);
/* Ends the thread, closes what it opened that was not handed over, and
 * frees o. */
void dg_opener_free(dg_opener *o);

#endif
