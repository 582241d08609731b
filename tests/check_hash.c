/* Unit tests of hash.c: the hash table of byte-string keys. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "hash_int.h"

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

START_TEST(test_hash_bytes_is_fnv1a_mixed)
{
	/* Equal bytes hash equal; the NUL byte takes part. */
	ck_assert_uint_eq(dg_hash_bytes("abc", 3), dg_hash_bytes("abc", 3));
	ck_assert_uint_ne(dg_hash_bytes("a\0", 2), dg_hash_bytes("a", 1));
	ck_assert_uint_ne(dg_hash_bytes("ab", 2), dg_hash_bytes("ba", 2));
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
	tcase_add_test(tc, test_hash_entries_lists_every_key_once);
	tcase_add_test(tc, test_hash_values_stay_put_as_the_table_grows);
	tcase_add_test(tc, test_hash_keys_longer_than_a_block_are_kept_whole);
	tcase_add_test(tc, test_hash_entries_of_many_keys_of_every_length);
	tcase_add_test(tc, test_hash_alloc_is_aligned_and_lasts_until_free);
	tcase_add_test(tc, test_hash_zero_sized_values_still_mark_keys);
	tcase_add_test(tc, test_hash_bytes_is_fnv1a_mixed);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(hash_suite());
}
