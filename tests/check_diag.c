/* Unit tests of diag.c: how messages reach people. */
#include <sys/socket.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "util.h"

enum {
	WARNX, WARN, WARNL_FILE, WARNL_STDIN, BADARG_SHORT, BADARG_LONG,
	STDOPT_HELP, STDOPT_VERSION, STDOPT_BAD, TSVIN_RECORD
};

/* Two records, a line of two fields between them. */
static const char tsv[] = "\t\tA\t\t\t\t1\t\t\nshort\tline\n"
    "\t\tB\t\t\t\t2\t\t\n";

/* The exit status of the last child message() ran. */
static int exitcode;

/*
 * Runs one kind of message in a child whose stderr is a packet socket,
 * where every write is a packet of its own, then ends the child with
 * _Exit, which flushes nothing.  got gets the first packet, the first
 * write of the message; the return is how many packets there were.
 */
static int
message(int kind, char *got, size_t size)
{
	int sv[2], status, packets = 0;
	char buf[512];
	dg_opt o;
	ssize_t n;
	pid_t pid;

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	ck_assert_int_ge(pid = fork(), 0);
	if (pid == 0) {
		close(sv[0]);
		dup2(sv[1], STDERR_FILENO);
		/* -h and -V write to stdout: not into the test's output. */
		dup2(open("/dev/null", O_WRONLY), STDOUT_FILENO);
		dg_setprogname("dg-test");
		memset(&o, 0, sizeof(o));
		switch (kind) {
		case WARNX:
			dg_warnx("no %s given", "CATEGORY");
			break;
		case WARN:
			errno = ENOSPC;
			dg_warn("write error");
			break;
		case WARNL_FILE:
			dg_warnl("notes.tsv", 12, "expected %d fields, got %d",
			    9, 3);
			break;
		case BADARG_SHORT:
			dg_badarg(&o, 'W', "[-W WIDTH]", "not a width: %s", "0");
		case BADARG_LONG:
			o.name = "width";
			dg_badarg(&o, 'W', "[-W WIDTH]", "not a width: %s", "0");
		case STDOPT_HELP:
			dg_stdopt(&o, 'h', "help\n", "[-h]");
		case STDOPT_VERSION:
			dg_stdopt(&o, 'V', "help\n", "[-h]");
		case STDOPT_BAD:
			o.bad = 'z';
			dg_stdopt(&o, '?', "help\n", "[-h]");
		case TSVIN_RECORD: {
			dg_tsvin *t = dg_tsvin_new_mem(tsv, sizeof(tsv) - 1, 0);
			int records = 0, st = 0;

			while (dg_tsvin_record(t, "x.tsv", &st))
				records++;
			_Exit(10 * st + records);
		}
		default:
			dg_warnl("-", 3, "bad escape");
		}
		_Exit(0);
	}
	close(sv[1]);
	got[0] = '\0';
	while ((n = recv(sv[0], buf, sizeof(buf), 0)) > 0)
		if (packets++ == 0) {
			ck_assert_uint_lt((size_t)n, size);
			memcpy(got, buf, (size_t)n);
			got[n] = '\0';
		}
	close(sv[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	exitcode = WEXITSTATUS(status);
	return packets;
}

START_TEST(test_message_names_program)
{
	char got[512];

	ck_assert_int_eq(message(WARNX, got, sizeof(got)), 1);
	ck_assert_str_eq(got, "dg-test: no CATEGORY given\n");
}
END_TEST

START_TEST(test_message_ends_with_system_error)
{
	char got[512];

	ck_assert_int_eq(message(WARN, got, sizeof(got)), 1);
	ck_assert_str_eq(got, "dg-test: write error: No space left on device\n");
}
END_TEST

START_TEST(test_message_names_file_and_line)
{
	char got[512];

	ck_assert_int_eq(message(WARNL_FILE, got, sizeof(got)), 1);
	ck_assert_str_eq(got,
	    "dg-test: notes.tsv:12: expected 9 fields, got 3\n");
}
END_TEST

START_TEST(test_message_calls_stdin_by_name)
{
	char got[512];

	ck_assert_int_eq(message(WARNL_STDIN, got, sizeof(got)), 1);
	ck_assert_str_eq(got, "dg-test: <stdin>:3: bad escape\n");
}
END_TEST

START_TEST(test_bad_argument_names_short_option)
{
	char got[512];

	ck_assert_int_eq(message(BADARG_SHORT, got, sizeof(got)), 2);
	ck_assert_str_eq(got, "dg-test: -W: not a width: 0\n");
	ck_assert_int_eq(exitcode, DG_EXIT_TROUBLE);
}
END_TEST

START_TEST(test_bad_argument_names_long_option_as_given)
{
	char got[512];

	ck_assert_int_eq(message(BADARG_LONG, got, sizeof(got)), 2);
	ck_assert_str_eq(got, "dg-test: --width: not a width: 0\n");
	ck_assert_int_eq(exitcode, DG_EXIT_TROUBLE);
}
END_TEST

START_TEST(test_stdopt_help_and_version_exit_0_quietly)
{
	char got[512];

	ck_assert_int_eq(message(STDOPT_HELP, got, sizeof(got)), 0);
	ck_assert_int_eq(exitcode, DG_EXIT_OK);
	ck_assert_int_eq(message(STDOPT_VERSION, got, sizeof(got)), 0);
	ck_assert_int_eq(exitcode, DG_EXIT_OK);
}
END_TEST

START_TEST(test_stdopt_other_is_bad_option)
{
	char got[512];

	ck_assert_int_eq(message(STDOPT_BAD, got, sizeof(got)), 2);
	ck_assert_str_eq(got, "dg-test: unknown option -- z\n");
	ck_assert_int_eq(exitcode, DG_EXIT_TROUBLE);
}
END_TEST

/* The records of a file, the trouble on the way reported and counted
 * in the exit status. */
START_TEST(test_tsvin_record_reports_and_reads_on)
{
	char got[512];

	ck_assert_int_eq(message(TSVIN_RECORD, got, sizeof(got)), 1);
	ck_assert_str_eq(got, "dg-test: x.tsv:2: expected 9 fields, got 2\n");
	ck_assert_int_eq(exitcode, 10 * DG_EXIT_TROUBLE + 2);
}
END_TEST

static Suite *
diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("diag");

	/* Each test asserts one write per message, out before _Exit: lines
	 * from runs in parallel do not interleave, none is lost. */
	tcase_add_test(tc, test_message_names_program);
	tcase_add_test(tc, test_message_ends_with_system_error);
	tcase_add_test(tc, test_message_names_file_and_line);
	tcase_add_test(tc, test_message_calls_stdin_by_name);
	tcase_add_test(tc, test_bad_argument_names_short_option);
	tcase_add_test(tc, test_bad_argument_names_long_option_as_given);
	tcase_add_test(tc, test_stdopt_help_and_version_exit_0_quietly);
	tcase_add_test(tc, test_stdopt_other_is_bad_option);
	tcase_add_test(tc, test_tsvin_record_reports_and_reads_on);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(diag_suite());
}
