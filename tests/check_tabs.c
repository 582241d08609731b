/* Unit tests of finding the TABs of a line (tabs.c), against a byte loop. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "tsvin_int.h"

static size_t
naive_tabs(const char *s, size_t n, size_t *pos, size_t npos, size_t enough)
{
	size_t i, c = 0;

	for (i = 0; i < n && c < enough; i++)
		if (s[i] == '\t') {
			if (c < npos)
				pos[c] = i;
			c++;
		}
	return c;
}

START_TEST(test_tabs_count_and_place_like_a_byte_loop)
{
	/* Lines of every length up to 300, with TABs at random places,
	 * starting at every offset of a 32-byte block, for counts that
	 * stop early or not at all: the 32-byte blocks, their edges and
	 * the tail must all agree with the byte loop. */
	static const size_t enoughs[] = { 0, 1, 2, 3, 8, 9, 40, 1000 };
	char buf[340];
	size_t pos[12], want[12], n, off, e, npos, got, c, i;
	uint32_t x = 12345;

	for (n = 0; n <= 300; n++)
		for (off = 0; off < 32; off += 5) {
			for (i = 0; i < n; i++) {
				x = x * 1103515245 + 12345;
				/* TAB, a byte that is TAB with its top bit
				 * set, NUL, or text. */
				switch (x >> 28) {
				case 0: case 1: case 2: buf[off + i] = '\t';
					break;
				case 3: buf[off + i] = (char)0x89; break;
				case 4: buf[off + i] = '\0'; break;
				default: buf[off + i] = 'a'; break;
				}
			}
			for (e = 0; e < sizeof(enoughs) / sizeof(enoughs[0]);
			    e++) {
				npos = enoughs[e] < 12 ? enoughs[e] : 12;
				c = naive_tabs(buf + off, n, want, npos,
				    enoughs[e]);
				got = dg_tsv_tabs(buf + off, n, pos, npos,
				    enoughs[e]);
				ck_assert_msg(got == c, "length %zu offset %zu "
				    "enough %zu: %zu TABs, want %zu", n, off,
				    enoughs[e], got, c);
				for (i = 0; i < c && i < npos; i++)
					ck_assert_msg(pos[i] == want[i],
					    "length %zu: TAB %zu at %zu, want "
					    "%zu", n, i, pos[i], want[i]);
			}
		}
}
END_TEST

START_TEST(test_tabs_stop_at_enough)
{
	char line[200];
	size_t pos[3] = { 0, 0, 99 };

	memset(line, '\t', sizeof(line));
	ck_assert_uint_eq(dg_tsv_tabs(line, sizeof(line), pos, 2, 8), 8);
	ck_assert_uint_eq(pos[0], 0);
	ck_assert_uint_eq(pos[1], 1);
	ck_assert_uint_eq(pos[2], 99);	/* only npos are stored */
	ck_assert_uint_eq(dg_tsv_tabs(line, sizeof(line), NULL, 0, 500),
	    200);
	ck_assert_uint_eq(dg_tsv_tabs(line, 0, NULL, 0, 5), 0);
}
END_TEST

static Suite *
tabs_suite(void)
{
	Suite *su = suite_create("tabs");
	TCase *tc = tcase_create("tabs");

	tcase_add_test(tc, test_tabs_count_and_place_like_a_byte_loop);
	tcase_add_test(tc, test_tabs_stop_at_enough);
	suite_add_tcase(su, tc);
	return su;
}

int
main(void)
{
	return dg_check_run(tabs_suite());
}
