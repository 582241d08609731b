#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

void
dg_check_write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		ck_assert_int_gt(w, 0);
		p += w;
		n -= (size_t)w;
	}
}

int
dg_check_temp_file(const char *p, size_t n)
{
	char path[] = "/tmp/dg-checkXXXXXX";
	int fd;

	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	unlink(path);
	dg_check_write_all(fd, p, n);
	ck_assert_int_eq(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}
