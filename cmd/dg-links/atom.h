/*
 * atom.h - dg-links -f atom: the sources of a document as one Atom 1.0
 * feed (RFC 4287).  dg-links(1) says what each element holds and why.
 */
#ifndef DG_ATOM_H
#define DG_ATOM_H

#include "doc.h"

/* Appends the feed of d to b, calling flush (when not NULL) after each
 * entry.  DG_OK or DG_ENOMEM. */
int dg_atom_write(dg_buf *b, const dg_doc *d, const dg_docopt *o,
    dg_flush_fn *flush);

#endif
