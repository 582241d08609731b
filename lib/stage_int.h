/*
 * stage_int.h - what kind of input a first line shows, so that a command
 * handed the wrong stage's input (a digest where dg TSV was due, dg TSV
 * where a table of counts was) can say so once, and name the command to
 * put first.
 */
#ifndef DG_STAGE_INT_H
#define DG_STAGE_INT_H

#include "dg.h"

/* Does the line, with no TAB, read like a digest's markdown: a # heading
 * (its title), a **label**, an image, a list item? */
int dg_stage_digest(const char *p, size_t n);
/* Is the line dg TSV: the header, or a record (nine fields or more, the
 * first a YYYY-MM-DD date or empty, the seventh a section number)? */
int dg_stage_tsv(const char *p, size_t n);

#endif
