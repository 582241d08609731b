/* hash.c - a hash table of byte-string keys (open addressing). */
#include <stdlib.h>
#include <string.h>

#include "hash_int.h"

/*
 * Memory is cut from big blocks that never move, so pointers into it
 * last and freeing is one call per block.  Entries have blocks of their
 * own, packed in the order inserted, so that listing them reads memory
 * in order rather than hopping about as the slots would.
 */
typedef struct block {
	struct block *next;
	size_t size;	/* bytes after the header */
	size_t used;	/* of them, cut off */
} block;

typedef struct {
	block *first, *last;	/* every block, in the order made */
	block *cur;		/* the one being cut, or NULL */
	size_t blocksize;	/* bytes of the next shared block */
} arena;

/* A slot keeps the hash beside the entry, so probing and growing compare
 * and place hashes without touching the entries. */
typedef struct {
	uint64_t hash;
	char *e;	/* the entry, NULL when empty */
} slot;

/* An entry is the value (valsize bytes, aligned first), its key length
 * (a size_t) and the key bytes. */
struct dg_hash {
	slot *slot;	/* cap slots */
	size_t cap;	/* a power of two */
	size_t count;	/* entries in use */
	size_t valsize;	/* bytes of value, rounded up for alignment */
	arena ent;	/* the entries */
	arena data;	/* dg_hash_alloc */
};

#define ALIGN 16
/* Blocks start small (a table may hold a few keys) and double up to
 * BLOCKMAX; a request above a quarter of one gets a block of its own. */
#define BLOCKMIN 1024
#define BLOCKMAX 65536

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
block_header(void)
{
	return (sizeof(block) + ALIGN - 1) / ALIGN * ALIGN;
}

static char *
block_data(block *b)
{
	return (char *)b + block_header();
}

/* A new block of size bytes, put last in a's list; NULL when out of
 * memory. */
static block *
arena_block(arena *a, size_t size)
{
	block *b;

	if (size > SIZE_MAX - block_header() ||
	    (b = malloc(block_header() + size)) == NULL)
		return NULL;
	b->next = NULL;
	b->size = size;
	b->used = 0;
	if (a->last != NULL)
		a->last->next = b;
	else
		a->first = b;
	a->last = b;
	return b;
}

/* n (a multiple of ALIGN) bytes of a, or NULL when out of memory. */
static char *
arena_alloc(arena *a, size_t n)
{
	block *b;

	if (a->cur == NULL || n > a->cur->size - a->cur->used) {
		/* A big request would waste much of a shared block. */
		if (n > a->blocksize / 4) {
			if ((b = arena_block(a, n)) == NULL)
				return NULL;
			b->used = n;
			return block_data(b);
		}
		if ((a->cur = arena_block(a, a->blocksize)) == NULL)
			return NULL;
		if (a->blocksize < BLOCKMAX)
			a->blocksize *= 2;
	}
	a->cur->used += n;
	return block_data(a->cur) + a->cur->used - n;
}

static void
arena_free(arena *a)
{
	block *b, *next;

	for (b = a->first; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
}

/* n rounded up to ALIGN, or 0 when that overflows. */
static size_t
aligned(size_t n)
{
	return n > SIZE_MAX - ALIGN ? 0 : (n + ALIGN - 1) / ALIGN * ALIGN;
}

void *
dg_hash_alloc(dg_hash *h, size_t n)
{
	n = n == 0 ? ALIGN : aligned(n);
	return n == 0 ? NULL : arena_alloc(&h->data, n);
}

/* Bytes of the entry of a key of n bytes, or 0 when too many. */
static size_t
entry_size(const dg_hash *h, size_t n)
{
	if (n > SIZE_MAX - h->valsize - sizeof(size_t))
		return 0;
	return aligned(h->valsize + sizeof(size_t) + n);
}

static size_t *
keylen_of(const dg_hash *h, char *e)
{
	return (size_t *)(void *)(e + h->valsize);
}

static char *
key_of(const dg_hash *h, char *e)
{
	return e + h->valsize + sizeof(size_t);
}

dg_hash *
dg_hash_new(size_t valsize)
{
	dg_hash *h;

	if (valsize > SIZE_MAX / 2 || (h = calloc(1, sizeof(*h))) == NULL)
		return NULL;
	h->cap = 64;
	h->valsize = aligned(valsize);
	h->ent.blocksize = BLOCKMIN;
	h->data.blocksize = BLOCKMIN;
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
	const slot *s;

	for (s = &h->slot[i]; s->e != NULL; s = &h->slot[i]) {
		if (s->hash == hash && *keylen_of(h, s->e) == n &&
		    (n == 0 || memcmp(key_of(h, s->e), key, n) == 0))
			break;
		i = (i + 1) & (h->cap - 1);
	}
	return i;
}

void *
dg_hash_find(const dg_hash *h, const char *key, size_t n)
{
	return h->slot[lookup(h, key, n, dg_hash_bytes(key, n))].e;
}

static int
grow(dg_hash *h)
{
	slot *old = h->slot;
	size_t oldcap = h->cap, mask, i, j;

	if (oldcap > SIZE_MAX / 2 / sizeof(*old) ||
	    (h->slot = calloc(oldcap * 2, sizeof(*h->slot))) == NULL) {
		h->slot = old;
		return DG_ENOMEM;
	}
	h->cap = oldcap * 2;
	mask = h->cap - 1;
	for (i = 0; i < oldcap; i++) {
		if (old[i].e == NULL)
			continue;
		j = (size_t)old[i].hash & mask;
		while (h->slot[j].e != NULL)
			j = (j + 1) & mask;
		h->slot[j] = old[i];
	}
	free(old);
	return DG_OK;
}

void *
dg_hash_put(dg_hash *h, const char *key, size_t n, int *created)
{
	uint64_t hash = dg_hash_bytes(key, n);
	size_t i = lookup(h, key, n, hash), size;
	char *e;

	if (created != NULL)
		*created = 0;
	if (h->slot[i].e != NULL)
		return h->slot[i].e;
	/* Keep the load under 3/4: probes compare hashes in the slot
	 * array, so a longer run costs little next to a bigger array. */
	if (h->count + 1 > h->cap / 4 * 3) {
		if (grow(h) != DG_OK)
			return NULL;
		i = lookup(h, key, n, hash);
	}
	if ((size = entry_size(h, n)) == 0 ||
	    (e = arena_alloc(&h->ent, size)) == NULL)
		return NULL;
	memset(e, 0, h->valsize);
	*keylen_of(h, e) = n;
	if (n > 0)
		memcpy(key_of(h, e), key, n);
	h->slot[i].hash = hash;
	h->slot[i].e = e;
	h->count++;
	if (created != NULL)
		*created = 1;
	return e;
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
	block *b;
	size_t off, k = 0;
	char *e;

	*n = 0;
	if (h->count == 0 || (v = calloc(h->count, sizeof(*v))) == NULL)
		return NULL;
	/* The blocks, not the slots: entries are read in memory order. */
	for (b = h->ent.first; b != NULL; b = b->next)
		for (off = 0; off < b->used; k++) {
			e = block_data(b) + off;
			v[k].key.p = key_of(h, e);
			v[k].key.n = *keylen_of(h, e);
			v[k].val = e;
			off += entry_size(h, v[k].key.n);
		}
	*n = k;
	return v;
}

void
dg_hash_free(dg_hash *h)
{
	if (h == NULL)
		return;
	arena_free(&h->ent);
	arena_free(&h->data);
	free(h->slot);
	free(h);
}
