/*
 * field_int.h - a dg TSV field back to its raw bytes, cheaply (lib/field.c).
 */
#ifndef DG_FIELD_INT_H
#define DG_FIELD_INT_H

#include "dg.h"

/*
 * Sets *raw to field f unescaped: f itself when it holds no backslash
 * (the usual case: no copy), else a copy unescaped into scratch, which is
 * emptied first and reused from record to record.  DG_OK, DG_ENOMEM or
 * DG_EESCAPE (dg_warn_escape reports it).
 */
int dg_field_raw(dg_str f, dg_buf *scratch, dg_str *raw);

#endif
