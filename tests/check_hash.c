/* Unit tests of hash.c: the hash table of byte-string keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_util.h"

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
	tcase_add_test(tc, test_hash_bytes_is_fnv1a_mixed);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(hash_suite());
}
