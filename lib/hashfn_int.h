/*
 * hashfn_int.h - the hash function of hash.c, and a look inside its
 * tables, for the tests.
 */
#ifndef DG_HASHFN_INT_H
#define DG_HASHFN_INT_H

#include <stddef.h>
#include <stdint.h>

struct dg_hash;

/* SipHash-c-d (c rounds a word, d at the end) of the n bytes at p under
 * key, read as two little-endian numbers: the reference algorithm.  The
 * tables use SipHash-1-3. */
uint64_t dg_siphash(int c, int d, const unsigned char key[16],
    const char *p, size_t n);
/* A new key: from getrandom or /dev/urandom, else from the clocks and
 * the process id. */
void dg_hash_makekey(unsigned char key[16]);
/* Probes that finding every key of h takes, summed: 1 for a key in the
 * slot its hash names, 1 more for each slot it sits past that one.
 * Divided by dg_hash_count, the cost of a find or a put. */
size_t dg_hash_probes(const struct dg_hash *h);

#endif
