/*
 * unique_int.h - the first record of each source (SOURCE IDENTITY in
 * dg-links(1)), for dg-cat -u and dg-links -u: a record's identity, and
 * the lines of many records kept or dropped a batch at a time.
 */
#ifndef DG_UNIQUE_INT_H
#define DG_UNIQUE_INT_H

#include "dg.h"
#include "hash_int.h"
#include "ident_int.h"

/*
 * Puts into key (emptied first) the identity of t's current record,
 * unescaping its URL, or with no URL its title, through scratch; *kind
 * says what it came from.  DG_OK; DG_ENOMEM; or on a bad escape another
 * status, with *bad the field that has it.
 */
int dg_unique_key(const dg_tsvin *t, dg_buf *scratch, dg_buf *key,
    enum dg_ident *kind, enum dg_field *bad);

/*
 * A batch is lines (each ending in LF) one after the other, and notes,
 * saying of each its length and its identity: made where the records are
 * read (dg-cat's threads, dg-links' loop), kept or dropped by
 * dg_unique_block.
 *
 * Notes the next line of a batch: its length with its LF, and its
 * identity key (none, for a line always kept: NULL), with the key's hash,
 * so that the hashing is done where the note is made.  DG_OK or
 * DG_ENOMEM.
 */
int dg_unique_note(dg_buf *notes, size_t len, const char *key, size_t n);

/*
 * Goes over the lines of a batch, in order, as notes describes them, and
 * hands each run of those that are the first of their source to put;
 * the keys go into seen.  Returns 1 when a line was kept, 0 when none
 * was, -1 when memory ran out (the lines kept before the one it ran out
 * on have then been handed on).
 */
int dg_unique_block(dg_hash *seen, const char *lines, const dg_buf *notes,
    void (*put)(void *arg, const char *p, size_t n), void *arg);

#endif
