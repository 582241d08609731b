/* Unit tests of hash.c: the hash table of byte-string keys. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "hash_int.h"
#include "hashfn_int.h"

START_TEST(test_hash_put_then_find_returns_same_value)
{
	dg_hash *h = dg_hash_new(sizeof(int));
	int *v, created = -1;

	ck_assert_ptr_nonnull(h);
	ck_assert_ptr_null(dg_hash_find(h, "cat", 3));
	v = dg_hash_put(h, "cat", 3, &created);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(created, 1);
	ck_assert_int_eq(*v, 0);
	*v = 42;
	v = dg_hash_put(h, "cat", 3, &created);
	ck_assert_int_eq(created, 0);
	ck_assert_int_eq(*v, 42);
	v = dg_hash_find(h, "cat", 3);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(*v, 42);
	ck_assert_ptr_null(dg_hash_find(h, "ca", 2));
	ck_assert_ptr_null(dg_hash_find(h, "cats", 4));
	ck_assert_uint_eq(dg_hash_count(h), 1);
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_new_values_are_zeroed)
{
	dg_hash *h = dg_hash_new(64);
	unsigned char *v;
	size_t i;

	ck_assert_ptr_nonnull(h);
	v = dg_hash_put(h, "x", 1, NULL);
	ck_assert_ptr_nonnull(v);
	for (i = 0; i < 64; i++)
		ck_assert_uint_eq(v[i], 0);
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_grows_past_many_keys)
{
	dg_hash *h = dg_hash_new(sizeof(size_t));
	char key[32];
	size_t i, *v;
	int n;

	ck_assert_ptr_nonnull(h);
	for (i = 0; i < 100000; i++) {
		n = snprintf(key, sizeof(key), "key-%zu", i);
		v = dg_hash_put(h, key, (size_t)n, NULL);
		ck_assert_ptr_nonnull(v);
		*v = i;
	}
	ck_assert_uint_eq(dg_hash_count(h), 100000);
	for (i = 0; i < 100000; i++) {
		n = snprintf(key, sizeof(key), "key-%zu", i);
		v = dg_hash_find(h, key, (size_t)n);
		ck_assert_ptr_nonnull(v);
		ck_assert_uint_eq(*v, i);
	}
	ck_assert_ptr_null(dg_hash_find(h, "key-100000", 10));
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_keys_with_nul_bytes_are_distinct)
{
	dg_hash *h = dg_hash_new(sizeof(int));
	int *a, *b, *c;

	ck_assert_ptr_nonnull(h);
	a = dg_hash_put(h, "a\0b", 3, NULL);
	*a = 1;
	b = dg_hash_put(h, "a\0c", 3, NULL);
	*b = 2;
	c = dg_hash_put(h, "a", 1, NULL);
	*c = 3;
	ck_assert_uint_eq(dg_hash_count(h), 3);
	ck_assert_int_eq(*(int *)dg_hash_find(h, "a\0b", 3), 1);
	ck_assert_int_eq(*(int *)dg_hash_find(h, "a\0c", 3), 2);
	ck_assert_int_eq(*(int *)dg_hash_find(h, "a", 1), 3);
	ck_assert_ptr_null(dg_hash_find(h, "a\0", 2));
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_empty_key_is_a_key)
{
	dg_hash *h = dg_hash_new(sizeof(int));
	int *v;

	ck_assert_ptr_nonnull(h);
	ck_assert_ptr_null(dg_hash_find(h, "", 0));
	v = dg_hash_put(h, "", 0, NULL);
	ck_assert_ptr_nonnull(v);
	*v = 7;
	ck_assert_int_eq(*(int *)dg_hash_find(h, "", 0), 7);
	ck_assert_uint_eq(dg_hash_count(h), 1);
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_empty_key_may_be_a_null_pointer)
{
	/* An empty dg_buf's p is NULL: its key is the empty key. */
	dg_hash *h = dg_hash_new(sizeof(int));
	int *v;

	ck_assert_ptr_nonnull(h);
	ck_assert_ptr_null(dg_hash_find(h, NULL, 0));
	v = dg_hash_put(h, NULL, 0, NULL);
	ck_assert_ptr_nonnull(v);
	*v = 7;
	ck_assert_int_eq(*(int *)dg_hash_find(h, NULL, 0), 7);
	ck_assert_int_eq(*(int *)dg_hash_find(h, "", 0), 7);
	ck_assert_uint_eq(dg_hash_bytes(NULL, 0), dg_hash_bytes("", 0));
	ck_assert_uint_eq(dg_hash_count(h), 1);
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_entries_lists_every_key_once)
{
	dg_hash *h = dg_hash_new(sizeof(int));
	dg_hash_entry *e;
	char key[16], seen[1000];
	size_t i, n;
	int k, len;

	ck_assert_ptr_nonnull(h);
	ck_assert_ptr_null(dg_hash_entries(h, &n));
	ck_assert_uint_eq(n, 0);
	for (k = 0; k < 1000; k++) {
		len = snprintf(key, sizeof(key), "%d", k);
		*(int *)dg_hash_put(h, key, (size_t)len, NULL) = k;
	}
	e = dg_hash_entries(h, &n);
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(n, 1000);
	memset(seen, 0, sizeof(seen));
	for (i = 0; i < n; i++) {
		k = *(int *)e[i].val;
		len = snprintf(key, sizeof(key), "%d", k);
		dg_check_str(e[i].key, key, "entry key");
		ck_assert_int_eq(seen[k], 0);
		seen[k] = 1;
	}
	free(e);
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_values_stay_put_as_the_table_grows)
{
	dg_hash *h = dg_hash_new(sizeof(size_t));
	size_t *first[100], i, *v;
	char key[32];
	int n;

	ck_assert_ptr_nonnull(h);
	for (i = 0; i < 100; i++) {
		n = snprintf(key, sizeof(key), "early-%zu", i);
		first[i] = dg_hash_put(h, key, (size_t)n, NULL);
		ck_assert_ptr_nonnull(first[i]);
		*first[i] = i;
	}
	/* Many regrowths of the slot array later... */
	for (i = 0; i < 50000; i++) {
		n = snprintf(key, sizeof(key), "late-%zu", i);
		if (dg_hash_put(h, key, (size_t)n, NULL) == NULL)
			break;
	}
	ck_assert_uint_eq(i, 50000);
	/* ...the early values are where they were, and still hold. */
	for (i = 0; i < 100; i++) {
		n = snprintf(key, sizeof(key), "early-%zu", i);
		v = dg_hash_find(h, key, (size_t)n);
		ck_assert_ptr_eq(v, first[i]);
		ck_assert_uint_eq(*v, i);
	}
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_keys_longer_than_a_block_are_kept_whole)
{
	dg_hash *h = dg_hash_new(sizeof(int));
	dg_hash_entry *e;
	size_t lens[] = { 0, 1, 15, 16, 17, 300, 5000, 70000, 200000 };
	size_t nl = sizeof(lens) / sizeof(lens[0]), i, j, n;
	char *key;
	int *v;

	ck_assert_ptr_nonnull(h);
	key = malloc(200001);
	ck_assert_ptr_nonnull(key);
	for (i = 0; i < nl; i++) {
		memset(key, 'a' + (int)i, lens[i]);
		v = dg_hash_put(h, key, lens[i], NULL);
		ck_assert_ptr_nonnull(v);
		*v = (int)i;
		/* Small keys between the big ones share blocks. */
		for (j = i * 50; j < i * 50 + 50; j++)
			*(int *)dg_hash_put(h, (char *)&j, sizeof(j), NULL) = -1;
	}
	ck_assert_uint_eq(dg_hash_count(h), nl * 51);
	for (i = 0; i < nl; i++) {
		memset(key, 'a' + (int)i, lens[i] + 1);
		v = dg_hash_find(h, key, lens[i]);
		ck_assert_ptr_nonnull(v);
		ck_assert_int_eq(*v, (int)i);
		/* One byte more or less is another key. */
		ck_assert_ptr_null(dg_hash_find(h, key, lens[i] + 1));
	}
	e = dg_hash_entries(h, &n);
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(n, nl * 51);
	for (i = 0; i < n; i++) {
		if (*(int *)e[i].val < 0) {
			ck_assert_uint_eq(e[i].key.n, sizeof(size_t));
			continue;
		}
		j = (size_t)*(int *)e[i].val;
		ck_assert_uint_eq(e[i].key.n, lens[j]);
		ck_assert(e[i].key.n == 0 || (e[i].key.p[0] == 'a' + (int)j &&
		    e[i].key.p[e[i].key.n - 1] == 'a' + (int)j));
	}
	free(e);
	free(key);
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_entries_of_many_keys_of_every_length)
{
	dg_hash *h = dg_hash_new(24);
	dg_hash_entry *e;
	char key[600];
	size_t i, n, k, *v;

	ck_assert_ptr_nonnull(h);
	/* Key lengths up to 500 so entries end at every offset of a block;
	 * plain tests in the loops, as Check logs each assertion. */
	for (k = 0; k < 20000; k++) {
		n = (size_t)snprintf(key, sizeof(key), "%zu:", k);
		memset(key + n, 'x', k % 500);
		if ((v = dg_hash_put(h, key, n + k % 500, NULL)) == NULL)
			break;
		v[0] = k;
		v[1] = n + k % 500;
		v[2] = ~k;
	}
	ck_assert_uint_eq(k, 20000);
	e = dg_hash_entries(h, &n);
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(n, 20000);
	for (i = 0; i < n; i++) {
		v = e[i].val;
		if (e[i].key.n != v[1] || v[2] != ~v[0] ||
		    dg_hash_find(h, e[i].key.p, e[i].key.n) != v)
			break;
	}
	ck_assert_msg(i == n, "entry %zu is wrong", i);
	free(e);
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_alloc_is_aligned_and_lasts_until_free)
{
	dg_hash *h = dg_hash_new(sizeof(int));
	size_t sizes[] = { 0, 1, 7, 16, 17, 1000, 100000, 3 };
	size_t ns = sizeof(sizes) / sizeof(sizes[0]), i, j;
	unsigned char *p[8];
	char key[16];
	int n;

	ck_assert_ptr_nonnull(h);
	for (i = 0; i < ns; i++) {
		p[i] = dg_hash_alloc(h, sizes[i]);
		ck_assert_ptr_nonnull(p[i]);
		ck_assert_uint_eq((uintptr_t)p[i] % _Alignof(max_align_t), 0);
		memset(p[i], (int)i + 1, sizes[i]);
		/* Entries and their values do not overlap it. */
		n = snprintf(key, sizeof(key), "k%zu", i);
		*(int *)dg_hash_put(h, key, (size_t)n, NULL) = -1;
	}
	for (i = 0; i < ns; i++)
		for (j = 0; j < sizes[i]; j++)
			ck_assert_uint_eq(p[i][j], i + 1);
	/* Not an entry. */
	ck_assert_uint_eq(dg_hash_count(h), ns);
	ck_assert_ptr_null(dg_hash_alloc(h, SIZE_MAX));
	dg_hash_free(h);
}
END_TEST

START_TEST(test_hash_zero_sized_values_still_mark_keys)
{
	dg_hash *h = dg_hash_new(0);
	int created;

	ck_assert_ptr_nonnull(h);
	ck_assert_ptr_nonnull(dg_hash_put(h, "a", 1, &created));
	ck_assert_int_eq(created, 1);
	ck_assert_ptr_nonnull(dg_hash_put(h, "b", 1, &created));
	ck_assert_int_eq(created, 1);
	ck_assert_ptr_nonnull(dg_hash_put(h, "a", 1, &created));
	ck_assert_int_eq(created, 0);
	ck_assert_ptr_nonnull(dg_hash_find(h, "b", 1));
	ck_assert_ptr_null(dg_hash_find(h, "c", 1));
	ck_assert_uint_eq(dg_hash_count(h), 2);
	dg_hash_free(h);
}
END_TEST

/*
 * The test vectors of SipHash: key 00 01 .. 0f, messages 00 01 .. n-1
 * for n from 0 to 63.  SipHash-2-4's are those of the reference code
 * (vectors.h); SipHash-1-3's, the tables' hash, are what OpenSSL 3's
 * SIPHASH MAC gives with c-rounds 1 and d-rounds 3.
 */
static const uint64_t siphash24_vectors[64] = {
	0x726fdb47dd0e0e31ull, 0x74f839c593dc67fdull, 0x0d6c8009d9a94f5aull,
	0x85676696d7fb7e2dull, 0xcf2794e0277187b7ull, 0x18765564cd99a68dull,
	0xcbc9466e58fee3ceull, 0xab0200f58b01d137ull, 0x93f5f5799a932462ull,
	0x9e0082df0ba9e4b0ull, 0x7a5dbbc594ddb9f3ull, 0xf4b32f46226bada7ull,
	0x751e8fbc860ee5fbull, 0x14ea5627c0843d90ull, 0xf723ca908e7af2eeull,
	0xa129ca6149be45e5ull, 0x3f2acc7f57c29bdbull, 0x699ae9f52cbe4794ull,
	0x4bc1b3f0968dd39cull, 0xbb6dc91da77961bdull, 0xbed65cf21aa2ee98ull,
	0xd0f2cbb02e3b67c7ull, 0x93536795e3a33e88ull, 0xa80c038ccd5ccec8ull,
	0xb8ad50c6f649af94ull, 0xbce192de8a85b8eaull, 0x17d835b85bbb15f3ull,
	0x2f2e6163076bcfadull, 0xde4daaaca71dc9a5ull, 0xa6a2506687956571ull,
	0xad87a3535c49ef28ull, 0x32d892fad841c342ull, 0x7127512f72f27cceull,
	0xa7f32346f95978e3ull, 0x12e0b01abb051238ull, 0x15e034d40fa197aeull,
	0x314dffbe0815a3b4ull, 0x027990f029623981ull, 0xcadcd4e59ef40c4dull,
	0x9abfd8766a33735cull, 0x0e3ea96b5304a7d0ull, 0xad0c42d6fc585992ull,
	0x187306c89bc215a9ull, 0xd4a60abcf3792b95ull, 0xf935451de4f21df2ull,
	0xa9538f0419755787ull, 0xdb9acddff56ca510ull, 0xd06c98cd5c0975ebull,
	0xe612a3cb9ecba951ull, 0xc766e62cfcadaf96ull, 0xee64435a9752fe72ull,
	0xa192d576b245165aull, 0x0a8787bf8ecb74b2ull, 0x81b3e73d20b49b6full,
	0x7fa8220ba3b2eceaull, 0x245731c13ca42499ull, 0xb78dbfaf3a8d83bdull,
	0xea1ad565322a1a0bull, 0x60e61c23a3795013ull, 0x6606d7e446282b93ull,
	0x6ca4ecb15c5f91e1ull, 0x9f626da15c9625f3ull, 0xe51b38608ef25f57ull,
	0x958a324ceb064572ull
};

static const uint64_t siphash13_vectors[64] = {
	0xabac0158050fc4dcull, 0xc9f49bf37d57ca93ull, 0x82cb9b024dc7d44dull,
	0x8bf80ab8e7ddf7fbull, 0xcf75576088d38328ull, 0xdef9d52f49533b67ull,
	0xc50d2b50c59f22a7ull, 0xd3927d989bb11140ull, 0x369095118d299a8eull,
	0x25a48eb36c063de4ull, 0x79de85ee92ff097full, 0x70c118c1f94dc352ull,
	0x78a384b157b4d9a2ull, 0x306f760c1229ffa7ull, 0x605aa111c0f95d34ull,
	0xd320d86d2a519956ull, 0xcc4fdd1a7d908b66ull, 0x9cf2689063dbd80cull,
	0x8ffc389cb473e63eull, 0xf21f9de58d297d1cull, 0xc0dc2f46a6cce040ull,
	0xb992abfe2b45f844ull, 0x7ffe7b9ba320872eull, 0x525a0e7fdae6c123ull,
	0xf464aeb267349c8cull, 0x45cd5928705b0979ull, 0x3a3e35e3ca9913a5ull,
	0xa91dc74e4ade3b35ull, 0xfb0bed02ef6cd00dull, 0x88d93cb44ab1e1f4ull,
	0x540f11d643c5e663ull, 0x2370dd1f8c21d1bcull, 0x81157b6c16a7b60dull,
	0x4d54b9e57a8ff9bfull, 0x759f12781f2a753eull, 0xcea1a3bebf186b91ull,
	0x2cf508d3ada26206ull, 0xb6101c2da3c33057ull, 0xb3f47496ae3a36a1ull,
	0x626b57547b108392ull, 0xc1d2363299e41531ull, 0x667cc1923f1ad944ull,
	0x65704ffec8138825ull, 0x24f280d1c28949a6ull, 0xc2ca1cedfaf8876bull,
	0xc2164bfc9f042196ull, 0xa16e9c9368b1d623ull, 0x49fb169c8b5114fdull,
	0x9f3143f8df074c46ull, 0xc6fdaf2412cc86b3ull, 0x7eaf49d10a52098full,
	0x1cf313559d292f9aull, 0xc44a30dda2f41f12ull, 0x36fae98943a71ed0ull,
	0x318fb34c73f0bce6ull, 0xa27abf3670a7e980ull, 0xb4bcc0db243c6d75ull,
	0x23f8d852fdb71513ull, 0x8f035f4da67d8a08ull, 0xd89cd0e5b7e8f148ull,
	0xf6f4e6bcf7a644eeull, 0xaec59ad80f1837f2ull, 0xc3b2f6154b6694e0ull,
	0x9d199062b7bbb3a8ull
};

START_TEST(test_hash_siphash_gives_the_reference_vectors)
{
	unsigned char key[16];
	char msg[64];
	size_t n;

	for (n = 0; n < 16; n++)
		key[n] = (unsigned char)n;
	for (n = 0; n < 64; n++)
		msg[n] = (char)n;
	for (n = 0; n < 64; n++) {
		ck_assert_msg(dg_siphash(2, 4, key, msg, n) ==
		    siphash24_vectors[n], "SipHash-2-4 of %zu bytes", n);
		ck_assert_msg(dg_siphash(1, 3, key, msg, n) ==
		    siphash13_vectors[n], "SipHash-1-3 of %zu bytes", n);
	}
}
END_TEST

START_TEST(test_hash_bytes_is_keyed_siphash13)
{
	unsigned char a[16], b[16], zero[16] = { 0 };

	/* Equal bytes hash equal; the NUL byte takes part. */
	ck_assert_uint_eq(dg_hash_bytes("abc", 3), dg_hash_bytes("abc", 3));
	ck_assert_uint_ne(dg_hash_bytes("a\0", 2), dg_hash_bytes("a", 1));
	ck_assert_uint_ne(dg_hash_bytes("ab", 2), dg_hash_bytes("ba", 2));
	/* Under a key of the process's own, not a fixed one. */
	ck_assert_uint_ne(dg_hash_bytes("abc", 3),
	    dg_siphash(1, 3, zero, "abc", 3));
	dg_hash_makekey(a);
	dg_hash_makekey(b);
	ck_assert(memcmp(a, b, 16) != 0);
	ck_assert(memcmp(a, zero, 16) != 0);
}
END_TEST

START_TEST(test_hash_entries_come_in_the_order_inserted)
{
	dg_hash *h = dg_hash_new(sizeof(int));
	dg_hash_entry *e;
	char key[16];
	size_t i, n;
	int k, len;

	/* Hash order would change from one run to the next. */
	ck_assert_ptr_nonnull(h);
	for (k = 0; k < 5000; k++) {
		len = snprintf(key, sizeof(key), "%d", (k * 7919) % 5000);
		*(int *)dg_hash_put(h, key, (size_t)len, NULL) = k;
		/* Again: a key already there keeps its place. */
		if (k % 3 == 0)
			dg_hash_put(h, key, (size_t)len, NULL);
	}
	e = dg_hash_entries(h, &n);
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(n, 5000);
	for (i = 0; i < n; i++)
		if (*(int *)e[i].val != (int)i)
			break;
	ck_assert_uint_eq(i, n);
	free(e);
	dg_hash_free(h);
}
END_TEST

/*
 * Keys made to collide under the table's first hash, FNV-1a (64-bit)
 * then h ^ h >> 29, whose slot was taken from the low bits: a Joux
 * multicollision, as in issue 14.  After FLOOD_A and after FLOOD_B, two
 * blocks of 16 digits, FNV-1a states agree in their low 48 bits when
 * they started from a state whose low 6 bits are 13, as after
 * FLOOD_PREFIX.  (A digit is below 64: xoring it in changes the low 6
 * bits alone, so how the states of two runs of digits drift apart
 * depends on those 6 bits and nothing else.)  Either block ends in such
 * a state again, so blocks chain: the prefix then k blocks, each A or
 * B, make 2^k keys whose FNV-1a states agree in their low 48 bits; the
 * old slot of each, bits 0-18 and 29-47 mixed, is the same in any table
 * of up to 2^19 slots.  The pair came from a birthday search over 23
 * million blocks of random digits (ten seconds).
 */
#define FLOOD_PREFIX "https://example.org/"
#define FLOOD_A "8614945780458847"
#define FLOOD_B "0542587889301129"
#define FLOOD_BLOCKS 12
#define FLOOD_N ((size_t)1 << FLOOD_BLOCKS)
#define FLOOD_LEN (sizeof(FLOOD_PREFIX) - 1 + FLOOD_BLOCKS * 16)

/* The hash the table had before issue 14. */
static uint64_t
old_hash(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ull;
	return h ^ h >> 29;
}

/* Key i of the flood (FLOOD_LEN bytes, then a NUL). */
static void
flood_key(size_t i, char *key)
{
	size_t k;

	strcpy(key, FLOOD_PREFIX);
	for (k = 0; k < FLOOD_BLOCKS; k++)
		strcat(key, i >> k & 1 ? FLOOD_B : FLOOD_A);
}

/* Key i of as many keys of random digits, after the same prefix. */
static void
random_key(size_t i, char *key)
{
	uint64_t x = i * 0x9e3779b97f4a7c15ull + 1;
	size_t k;

	strcpy(key, FLOOD_PREFIX);
	for (k = sizeof(FLOOD_PREFIX) - 1; k < FLOOD_LEN; k++) {
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		key[k] = (char)('0' + (x >> 33) % 10);
	}
	key[k] = '\0';
}

/* Probes per find in a table of FLOOD_N keys made by make, after
 * checking that each is there once. */
static double
probes_per_find(void (*make)(size_t, char *))
{
	dg_hash *h = dg_hash_new(sizeof(size_t));
	char key[FLOOD_LEN + 1];
	size_t i, *v;
	double mean;
	int created;

	ck_assert_ptr_nonnull(h);
	for (i = 0; i < FLOOD_N; i++) {
		make(i, key);
		if ((v = dg_hash_put(h, key, FLOOD_LEN, &created)) == NULL ||
		    !created)
			break;
		*v = i;
	}
	ck_assert_uint_eq(i, FLOOD_N);
	for (i = 0; i < FLOOD_N; i++) {
		make(i, key);
		if ((v = dg_hash_find(h, key, FLOOD_LEN)) == NULL || *v != i)
			break;
	}
	ck_assert_uint_eq(i, FLOOD_N);
	ck_assert_uint_eq(dg_hash_count(h), FLOOD_N);
	mean = (double)dg_hash_probes(h) / (double)dg_hash_count(h);
	dg_hash_free(h);
	return mean;
}

START_TEST(test_hash_keys_made_to_collide_cost_what_random_keys_cost)
{
	char key[FLOOD_LEN + 1];
	uint64_t slot0;
	double flood, plain;
	size_t i;

	/* They do collide under the old hash, in tables of up to 2^19
	 * slots: every put would have probed past all the keys before. */
	flood_key(0, key);
	slot0 = old_hash(key, FLOOD_LEN) & 0x7ffff;
	for (i = 1; i < FLOOD_N; i++) {
		flood_key(i, key);
		if ((old_hash(key, FLOOD_LEN) & 0x7ffff) != slot0)
			break;
	}
	ck_assert_uint_eq(i, FLOOD_N);
	flood = probes_per_find(flood_key);
	plain = probes_per_find(random_key);
	ck_assert_msg(flood < 4 && flood < plain + 0.5,
	    "probes per find: %.2f for keys made to collide, %.2f for "
	    "random keys", flood, plain);
}
END_TEST

static Suite *
hash_suite(void)
{
	Suite *s = suite_create("hash");
	TCase *tc = tcase_create("hash");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_hash_put_then_find_returns_same_value);
	tcase_add_test(tc, test_hash_new_values_are_zeroed);
	tcase_add_test(tc, test_hash_grows_past_many_keys);
	tcase_add_test(tc, test_hash_keys_with_nul_bytes_are_distinct);
	tcase_add_test(tc, test_hash_empty_key_is_a_key);
	tcase_add_test(tc, test_hash_empty_key_may_be_a_null_pointer);
	tcase_add_test(tc, test_hash_entries_lists_every_key_once);
	tcase_add_test(tc, test_hash_values_stay_put_as_the_table_grows);
	tcase_add_test(tc, test_hash_keys_longer_than_a_block_are_kept_whole);
	tcase_add_test(tc, test_hash_entries_of_many_keys_of_every_length);
	tcase_add_test(tc, test_hash_alloc_is_aligned_and_lasts_until_free);
	tcase_add_test(tc, test_hash_zero_sized_values_still_mark_keys);
	tcase_add_test(tc, test_hash_siphash_gives_the_reference_vectors);
	tcase_add_test(tc, test_hash_bytes_is_keyed_siphash13);
	tcase_add_test(tc, test_hash_entries_come_in_the_order_inserted);
	tcase_add_test(tc,
	    test_hash_keys_made_to_collide_cost_what_random_keys_cost);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(hash_suite());
}
