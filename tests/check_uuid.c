/* Unit tests of the Atom ids' UUIDs: dg-links(1) -f atom, entry and feed
 * ids; cmd/dg-links/uuid.h.  The expected values come from Python's
 * hashlib.sha1 and uuid.uuid5. */
#include <string.h>

#include "check_util.h"
#include "../cmd/dg-links/uuid.h"

static void
sha1_is(const char *p, size_t n, const char *q, const char *want)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char d[20];
	char got[41];
	int i;

	dg_sha1(p, n, q, strlen(q), d);
	for (i = 0; i < 20; i++) {
		got[2 * i] = hex[d[i] >> 4];
		got[2 * i + 1] = hex[d[i] & 15];
	}
	got[40] = '\0';
	ck_assert_str_eq(got, want);
}

START_TEST(test_sha1_known_digests)
{
	char a[1000];

	memset(a, 'a', sizeof(a));
	sha1_is("", 0, "", "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	sha1_is("abc", 3, "", "a9993e364706816aba3e25717850c26c9cd0d89d");
	sha1_is("a", 1, "bc", "a9993e364706816aba3e25717850c26c9cd0d89d");
	/* Around the padding boundary and across blocks. */
	sha1_is(a, 55, "", "c1c8bbdc22796e28c0e15163d20899b65621d65a");
	sha1_is(a, 56, "", "c2db330f6083854c99d4b5bfb6e8f29f201be699");
	sha1_is(a, 64, "", "0098ba824b5c16427bd7a1122a5a442a25ec644d");
	sha1_is(a, 1000, "", "291e9a6c66994949b57ba5e650361e98fc36b1ba");
}
END_TEST

static void
uuid_is(const unsigned char ns[16], const char *name, const char *want)
{
	char got[DG_UUID_LEN + 1];

	dg_uuid5(ns, name, strlen(name), got);
	got[DG_UUID_LEN] = '\0';
	ck_assert_str_eq(got, want);
}

START_TEST(test_uuid5_as_python_makes_it)
{
	/* uuid.NAMESPACE_DNS */
	static const unsigned char dns[16] = {
		0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
		0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8
	};

	uuid_is(dns, "python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d");
	uuid_is(dg_uuid_ns, "", "433a728f-7078-551c-a389-5b1ff775cfa0");
	uuid_is(dg_uuid_ns, "arXiv:2410.13754",
	    "e67230e4-aa6d-5a4b-8404-53993052fe5a");
	uuid_is(dg_uuid_ns, "url://example.org/a",
	    "92a4f84d-da47-55c3-a598-3ecaa10f1402");
}
END_TEST

static Suite *
uuid_suite(void)
{
	Suite *s = suite_create("uuid");
	TCase *tc = tcase_create("uuid");

	tcase_add_test(tc, test_sha1_known_digests);
	tcase_add_test(tc, test_uuid5_as_python_makes_it);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(uuid_suite());
}
