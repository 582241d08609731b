/*
 * hash_int.h - a hash table of byte-string keys, a set or a map (-u,
 * dg-stats, dg-alias, dg-chart, dg-links' documents).
 */
#ifndef DG_HASH_INT_H
#define DG_HASH_INT_H

#include "dg.h"

/*
 * Open addressing, grows by doubling; each entry holds a copy of its key
 * and `valsize` bytes of value (aligned for any type), zeroed when the
 * key is inserted.  Value pointers stay valid until dg_hash_free.
 * Entries are cut from large blocks that never move: a table of many
 * keys costs few allocations, and a value may point into itself.
 * Keys are hashed with SipHash-1-3 under a key drawn at random once per
 * process, so that input cannot be made to pile into one slot.
 */
typedef struct dg_hash dg_hash;

/* One entry, as listed by dg_hash_entries. */
typedef struct {
	dg_str key;	/* the key (a copy owned by the table) */
	void *val;	/* its value */
} dg_hash_entry;

dg_hash *dg_hash_new(size_t valsize);	/* NULL when out of memory */
/* The value of key, or NULL when absent. */
void *dg_hash_find(const dg_hash *h, const char *key, size_t n);
/* The value of key, inserted zeroed when absent (*created set to 1, else
 * 0; created may be NULL); NULL when out of memory. */
void *dg_hash_put(dg_hash *h, const char *key, size_t n, int *created);
/*
 * The hash every table of this process gives the n bytes at p: keyed,
 * so another process gives others (not for sharding across processes,
 * nor for anything kept).  Safe from any thread.
 */
uint64_t dg_hash_bytes(const char *p, size_t n);
/*
 * dg_hash_put with the key's hash given, as dg_hash_bytes made it: the
 * hashing can then be done apart, as dg-cat -u does it in the threads
 * that read, and the slots of the next keys loaded into cache ahead of
 * their puts (dg_hash_prefetch) instead of waited for one at a time.
 */
void *dg_hash_put_hashed(dg_hash *h, const char *key, size_t n,
    uint64_t hash, int *created);
/* Starts loading the slot of the key with this hash into cache. */
void dg_hash_prefetch(const dg_hash *h, uint64_t hash);
size_t dg_hash_count(const dg_hash *h);
/* An array of all entries (malloc'ed, caller frees; NULL when out of
 * memory or empty), in the order inserted; *n gets the count.  (The
 * hash is keyed at random per process: nothing shows hash order.) */
dg_hash_entry *dg_hash_entries(const dg_hash *h, size_t *n);
/* n bytes (aligned for any type, not zeroed) owned by h and valid until
 * dg_hash_free, for data that values point to; NULL when out of
 * memory. */
void *dg_hash_alloc(dg_hash *h, size_t n);
void dg_hash_free(dg_hash *h);

#endif
