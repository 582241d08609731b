#include <string.h>

#include "check_util.h"

int
dg_check_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}

void
dg_check_str(dg_str got, const char *want, const char *what)
{
	size_t n = strlen(want);

	ck_assert_msg(got.n == n && (n == 0 || memcmp(got.p, want, n) == 0),
	    "%s: got \"%.*s\" (%zu bytes), want \"%s\"", what, (int)got.n,
	    got.p ? got.p : "", got.n, want);
}
