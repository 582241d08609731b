/* hash.c - a hash table of byte-string keys (open addressing). */
/* MADV_HUGEPAGE, where the system has it (Linux). */
#define _DEFAULT_SOURCE
#include <sys/mman.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__) && defined(__has_include)
#if __has_include(<sys/random.h>)
#include <sys/random.h>
#define HAVE_GETRANDOM 1
#endif
#endif

#include "hash_int.h"

#include "hashfn_int.h"

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
	size_t blocksize;	/* bytes of the next shared block, its
				   header included */
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
	uint64_t key0, key1;	/* the process's key, copied */
};

#define ALIGN 16
/* Blocks start small (a table may hold a few keys) and double up to
 * BLOCKMAX, one huge page with their header; a request above a quarter
 * of one gets a block of its own. */
#define BLOCKMIN 1024
#define BLOCKMAX HUGE
/* Memory of this size or more comes in whole huge pages (big_alloc). */
#define HUGE (2 * 1024 * 1024)

/*
 * Keys come from input that others write (URLs, categories), so the
 * hash is keyed: SipHash-1-3 (Aumasson and Bernstein) under 16 bytes
 * drawn at random once per process.  Without the key no one can choose
 * keys that share a slot: the unkeyed FNV-1a used before let 2^17
 * URLs of digits share one, and the table went quadratic (issue 14).
 * Nothing about a table's contents or order depends on the key, only
 * where in the slot array each entry sits.
 */
#define ROTL(x, b) ((x) << (b) | (x) >> (64 - (b)))
#define SIPROUND(v0, v1, v2, v3) do {					\
	v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);	\
	v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;				\
	v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;				\
	v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);	\
} while (0)

/* The 8 bytes at p as a little-endian number (one load on most
 * machines: compilers know the idiom, once it is inline). */
static inline uint64_t
le64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	    (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	    (uint64_t)p[7] << 56;
}

/* SipHash-c-d of the n bytes at s under the key k0, k1.  Inline, so
 * that the table's calls get their rounds unrolled. */
static inline uint64_t
siphash(int c, int d, uint64_t k0, uint64_t k1, const unsigned char *s,
    size_t n)
{
	uint64_t v0 = k0 ^ 0x736f6d6570736575ull;
	uint64_t v1 = k1 ^ 0x646f72616e646f6dull;
	uint64_t v2 = k0 ^ 0x6c7967656e657261ull;
	uint64_t v3 = k1 ^ 0x7465646279746573ull;
	uint64_t m;
	size_t j, whole = n - (n & 7);
	int i;

	/* Indices, not a pointer moved: an empty key may be a null
	 * pointer (an empty dg_buf), and NULL + 0 is undefined. */
	for (j = 0; j < whole; j += 8) {
		m = le64(s + j);
		v3 ^= m;
		for (i = 0; i < c; i++)
			SIPROUND(v0, v1, v2, v3);
		v0 ^= m;
	}
	/* The last 0-7 bytes, and the length's low byte on top.  Past 8
	 * bytes, they are the high end of the last 8 read as one. */
	m = (uint64_t)n << 56;
	if (n >= 8 && whole < n)
		m |= le64(s + n - 8) >> (64 - 8 * (n - whole));
	else
		for (j = whole; j < n; j++)
			m |= (uint64_t)s[j] << (8 * (j - whole));
	v3 ^= m;
	for (i = 0; i < c; i++)
		SIPROUND(v0, v1, v2, v3);
	v0 ^= m;
	v2 ^= 0xff;
	for (i = 0; i < d; i++)
		SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t
dg_siphash(int c, int d, const unsigned char key[16], const char *p,
    size_t n)
{
	return siphash(c, d, le64(key), le64(key + 8),
	    (const unsigned char *)p, n);
}

/* Fills p with n bytes from the system's random source; 0 when there
 * is none (no getrandom, no readable /dev/urandom). */
static int
random_bytes(unsigned char *p, size_t n)
{
	ssize_t r = 0;
	int fd;

#ifdef HAVE_GETRANDOM
	/* Not to wait for entropy at boot: /dev/urandom does not. */
	for (; n > 0; p += r, n -= (size_t)r)
		if ((r = getrandom(p, n, GRND_NONBLOCK)) < 0) {
			if (errno != EINTR)
				break;
			r = 0;
		}
	if (n == 0)
		return 1;
#endif
	if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	for (; n > 0; p += r, n -= (size_t)r)
		if ((r = read(fd, p, n)) <= 0) {
			if (r < 0 && errno == EINTR) {
				r = 0;
				continue;
			}
			break;
		}
	close(fd);
	return n == 0;
}

void
dg_hash_makekey(unsigned char key[16])
{
	static const unsigned char zero[16];
	unsigned char seed[33];
	struct timespec ts;
	uint64_t x;
	int saved = errno;

	if (!random_bytes(key, 16)) {
		/* Worse than random, better than fixed: the clocks, the
		 * process and (with ASLR) where its stack is, hashed. */
		memset(seed, 0, sizeof(seed));
		if (clock_gettime(CLOCK_REALTIME, &ts) == 0) {
			x = (uint64_t)ts.tv_sec * 1000000000u +
			    (uint64_t)ts.tv_nsec;
			memcpy(seed, &x, 8);
		}
		if (clock_gettime(CLOCK_MONOTONIC, &ts) == 0) {
			x = (uint64_t)ts.tv_sec * 1000000000u +
			    (uint64_t)ts.tv_nsec;
			memcpy(seed + 8, &x, 8);
		}
		x = (uint64_t)getpid();
		memcpy(seed + 16, &x, 8);
		x = (uint64_t)(uintptr_t)&ts;
		memcpy(seed + 24, &x, 8);
		x = dg_siphash(2, 4, zero, (char *)seed, sizeof(seed));
		memcpy(key, &x, 8);
		seed[32] = 1;
		x = dg_siphash(2, 4, zero, (char *)seed, sizeof(seed));
		memcpy(key + 8, &x, 8);
	}
	errno = saved;
}

/* The key of this process, set by the first dg_hash_new. */
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static uint64_t key0, key1;

static void
make_key(void)
{
	unsigned char k[16];

	dg_hash_makekey(k);
	key0 = le64(k);
	key1 = le64(k + 8);
}

/* The hash of key under h's copy of the process key. */
static uint64_t
hash_of(const dg_hash *h, const char *key, size_t n)
{
	return siphash(1, 3, h->key0, h->key1, (const unsigned char *)key,
	    n);
}

uint64_t
dg_hash_bytes(const char *p, size_t n)
{
	pthread_once(&key_once, make_key);
	return siphash(1, 3, key0, key1, (const unsigned char *)p, n);
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

/*
 * At least *n bytes, for a part of a table that is big: in whole 2 MiB
 * pages, which Linux is asked to back with huge pages.  The table of the
 * sources of a big archive is tens of megabytes: faulted in 4 KiB at a
 * time, it cost dg-links -u 7,000 page faults, a fifth of its time over
 * dg-links.  *n grows to what was given; NULL when out of memory.
 */
static void *
big_alloc(size_t *n)
{
	size_t all;
	void *p;

	if (*n > SIZE_MAX - HUGE)
		return NULL;
	all = (*n + HUGE - 1) / HUGE * HUGE;
	if ((p = aligned_alloc(HUGE, all)) == NULL)
		return NULL;
#ifdef MADV_HUGEPAGE
	(void)madvise(p, all, MADV_HUGEPAGE);
#endif
	*n = all;
	return p;
}

/* A new block of size bytes or more, put last in a's list; NULL when
 * out of memory. */
static block *
arena_block(arena *a, size_t size)
{
	size_t all;
	block *b;

	if (size > SIZE_MAX - block_header())
		return NULL;
	all = block_header() + size;
	if (all < HUGE)
		b = malloc(all);
	else if ((b = big_alloc(&all)) != NULL)
		size = all - block_header();
	if (b == NULL)
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
		if ((a->cur = arena_block(a, a->blocksize -
		    block_header())) == NULL)
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
	pthread_once(&key_once, make_key);
	h->key0 = key0;
	h->key1 = key1;
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

/* The slot holding key, or the empty slot where it would go.  Inline:
 * every put and find is one. */
static inline size_t
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
	return h->slot[lookup(h, key, n, hash_of(h, key, n))].e;
}

static int
grow(dg_hash *h)
{
	slot *old = h->slot;
	size_t oldcap = h->cap, mask, i, j, size;

	if (oldcap > SIZE_MAX / 2 / sizeof(*old))
		return DG_ENOMEM;
	size = oldcap * 2 * sizeof(*old);
	if (size < HUGE)
		h->slot = calloc(oldcap * 2, sizeof(*h->slot));
	else if ((h->slot = big_alloc(&size)) != NULL)
		memset(h->slot, 0, size);
	if (h->slot == NULL) {
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

void
dg_hash_prefetch(const dg_hash *h, uint64_t hash)
{
#if defined(__GNUC__)
	__builtin_prefetch(&h->slot[(size_t)hash & (h->cap - 1)]);
#else
	(void)h;
	(void)hash;
#endif
}

void *
dg_hash_put(dg_hash *h, const char *key, size_t n, int *created)
{
	return dg_hash_put_hashed(h, key, n, hash_of(h, key, n), created);
}

void *
dg_hash_put_hashed(dg_hash *h, const char *key, size_t n, uint64_t hash,
    int *created)
{
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
	if (h->valsize > 0)	/* a set of keys has no values */
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

size_t
dg_hash_probes(const dg_hash *h)
{
	size_t i, n = 0;

	for (i = 0; i < h->cap; i++)
		if (h->slot[i].e != NULL)
			n += ((i - (size_t)h->slot[i].hash) & (h->cap - 1)) + 1;
	return n;
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
