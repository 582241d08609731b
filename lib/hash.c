/* hash.c - a hash table of byte-string keys (open addressing). */
#include <stdlib.h>
#include <string.h>

#include "dg.h"

/* Each slot points to an entry allocated as one block: the value (aligned
 * first), then the key bytes. */
typedef struct {
	uint64_t hash;
	size_t keylen;
	/* value, then key, follow */
} entry;

struct dg_hash {
	entry **slot;	/* cap slots, NULL when empty */
	size_t cap;	/* a power of two */
	size_t count;	/* entries in use */
	size_t valsize;	/* bytes of value, rounded up for alignment */
};

#define ALIGN 16

uint64_t
dg_hash_bytes(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3ull;
	/* Mix the high bits down: slots are taken from the low bits. */
	return h ^ h >> 29;
}

static size_t
header_size(void)
{
	return (sizeof(entry) + ALIGN - 1) / ALIGN * ALIGN;
}

static void *
value_of(entry *e)
{
	return (char *)e + header_size();
}

static char *
key_of(const dg_hash *h, entry *e)
{
	return (char *)e + header_size() + h->valsize;
}

dg_hash *
dg_hash_new(size_t valsize)
{
	dg_hash *h;

	if ((h = calloc(1, sizeof(*h))) == NULL)
		return NULL;
	h->cap = 64;
	h->valsize = (valsize + ALIGN - 1) / ALIGN * ALIGN;
	if ((h->slot = calloc(h->cap, sizeof(*h->slot))) == NULL) {
		free(h);
		return NULL;
	}
	return h;
}

/* The slot holding key, or the empty slot where it would go. */
static size_t
lookup(const dg_hash *h, const char *key, size_t n, uint64_t hash)
{
	size_t i = (size_t)hash & (h->cap - 1);
	entry *e;

	while ((e = h->slot[i]) != NULL) {
		if (e->hash == hash && e->keylen == n &&
		    (n == 0 || memcmp(key_of(h, e), key, n) == 0))
			break;
		i = (i + 1) & (h->cap - 1);
	}
	return i;
}

void *
dg_hash_find(const dg_hash *h, const char *key, size_t n)
{
	entry *e = h->slot[lookup(h, key, n, dg_hash_bytes(key, n))];

	return e ? value_of(e) : NULL;
}

static int
grow(dg_hash *h)
{
	entry **old = h->slot;
	size_t oldcap = h->cap, i, j;

	if ((h->slot = calloc(oldcap * 2, sizeof(*h->slot))) == NULL) {
		h->slot = old;
		return DG_ENOMEM;
	}
	h->cap = oldcap * 2;
	for (i = 0; i < oldcap; i++) {
		if (old[i] == NULL)
			continue;
		j = (size_t)old[i]->hash & (h->cap - 1);
		while (h->slot[j] != NULL)
			j = (j + 1) & (h->cap - 1);
		h->slot[j] = old[i];
	}
	free(old);
	return DG_OK;
}

void *
dg_hash_put(dg_hash *h, const char *key, size_t n, int *created)
{
	uint64_t hash = dg_hash_bytes(key, n);
	size_t i = lookup(h, key, n, hash);
	entry *e;

	if (created != NULL)
		*created = 0;
	if (h->slot[i] != NULL)
		return value_of(h->slot[i]);
	/* Keep the load under 1/2 so probes stay short. */
	if ((h->count + 1) * 2 > h->cap) {
		if (grow(h) != DG_OK)
			return NULL;
		i = lookup(h, key, n, hash);
	}
	if (n > SIZE_MAX - header_size() - h->valsize ||
	    (e = calloc(1, header_size() + h->valsize + n)) == NULL)
		return NULL;
	e->hash = hash;
	e->keylen = n;
	if (n > 0)
		memcpy(key_of(h, e), key, n);
	h->slot[i] = e;
	h->count++;
	if (created != NULL)
		*created = 1;
	return value_of(e);
}

size_t
dg_hash_count(const dg_hash *h)
{
	return h->count;
}

dg_hash_entry *
dg_hash_entries(const dg_hash *h, size_t *n)
{
	dg_hash_entry *v;
	size_t i, k = 0;

	*n = 0;
	if (h->count == 0 || (v = calloc(h->count, sizeof(*v))) == NULL)
		return NULL;
	for (i = 0; i < h->cap; i++) {
		if (h->slot[i] == NULL)
			continue;
		v[k].key.p = key_of(h, h->slot[i]);
		v[k].key.n = h->slot[i]->keylen;
		v[k].val = value_of(h->slot[i]);
		k++;
	}
	*n = k;
	return v;
}

void
dg_hash_free(dg_hash *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->cap; i++)
		free(h->slot[i]);
	free(h->slot);
	free(h);
}
