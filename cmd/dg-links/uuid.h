/*
 * uuid.h - name-based UUIDs (RFC 9562 version 5, SHA-1) for the Atom ids
 * of dg-links: the same name gives the same id on every run and machine.
 */
#ifndef DG_UUID_H
#define DG_UUID_H

#include "dg.h"

/* The namespace of dg-links' names, bfc311dc-c2a6-4cea-9aa4-9627ec054138
 * (a random UUID, fixed once): python3 -c 'import uuid; print(uuid.uuid5(
 * uuid.UUID("bfc311dc-c2a6-4cea-9aa4-9627ec054138"), NAME))' gives the
 * same ids. */
extern const unsigned char dg_uuid_ns[16];

/* The length of a UUID in text: 8-4-4-4-12 hex digits. */
#define DG_UUID_LEN 36

/* Writes the version 5 UUID of name[0..n) in namespace ns to out, in
 * lower-case hex with dashes (not NUL-terminated). */
void dg_uuid5(const unsigned char ns[16], const char *name, size_t n,
    char out[DG_UUID_LEN]);

/* SHA-1 (FIPS 180-4) of the concatenation of p[0..n) and q[0..m). */
void dg_sha1(const void *p, size_t n, const void *q, size_t m,
    unsigned char out[20]);

#endif
