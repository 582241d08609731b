/* Unit tests of the option parser: POSIX syntax plus long options. */
#include <stdlib.h>
#include <string.h>

#include "check_util.h"
#include "util.h"

#define SHORTS "HSwf:k:"

static const dg_longopt longs[] = {
	{ "strict", 's', 0 },
	{ "format", 'f', 1 },
	{ "help", 'h', 0 },
	{ "version", 'V', 0 },
	{ NULL, 0, 0 }
};

/* Writable copies of the arguments, as main gets them. */
static char pool[1024];
static char *av[32];
static int ac;

/* Sets av/ac to the NULL-ended list v and resets o. */
static void
args(dg_opt *o, const char *const *v)
{
	size_t used = 0, n;

	memset(o, 0, sizeof(*o));
	for (ac = 0; v[ac] != NULL; ac++) {
		n = strlen(v[ac]) + 1;
		ck_assert_uint_le(used + n, sizeof(pool));
		memcpy(pool + used, v[ac], n);
		av[ac] = pool + used;
		used += n;
	}
	av[ac] = NULL;
}

static int
next(dg_opt *o)
{
	return dg_opt_next(o, ac, av, SHORTS, longs);
}

/* Asserts that the next option is c with argument arg (NULL: none). */
static void
next_is(dg_opt *o, int c, const char *arg)
{
	int got = next(o);

	ck_assert_msg(got == c, "got option %d '%c', want '%c'", got,
	    got > 0 ? got : '?', c);
	if (arg == NULL)
		ck_assert_ptr_null(o->arg);
	else {
		ck_assert_ptr_nonnull(o->arg);
		ck_assert_str_eq(o->arg, arg);
	}
}

/* Asserts that options end with av[ind] as the first operand. */
static void
end_at(dg_opt *o, int ind)
{
	ck_assert_int_eq(next(o), -1);
	ck_assert_int_eq(o->ind, ind);
}

START_TEST(test_opt_no_arguments)
{
	static const char *const v[] = { "dg", NULL };
	dg_opt o;

	args(&o, v);
	end_at(&o, 1);
}
END_TEST

START_TEST(test_opt_separate_flags)
{
	static const char *const v[] = { "dg", "-H", "-S", "file", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'H', NULL);
	next_is(&o, 'S', NULL);
	end_at(&o, 3);
}
END_TEST

START_TEST(test_opt_cluster)
{
	static const char *const v[] = { "dg", "-HSw", "file", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'H', NULL);
	next_is(&o, 'S', NULL);
	next_is(&o, 'w', NULL);
	end_at(&o, 2);
}
END_TEST

START_TEST(test_opt_attached_argument)
{
	static const char *const v[] = { "dg", "-fjson", "file", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'f', "json");
	end_at(&o, 2);
}
END_TEST

START_TEST(test_opt_detached_argument)
{
	static const char *const v[] = { "dg", "-f", "json", "file", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'f', "json");
	end_at(&o, 3);
}
END_TEST

START_TEST(test_opt_cluster_ends_with_argument)
{
	static const char *const v1[] = { "dg", "-Hfjson", "-S", NULL };
	static const char *const v2[] = { "dg", "-Hwf", "json", "-S", NULL };
	dg_opt o;

	args(&o, v1);
	next_is(&o, 'H', NULL);
	next_is(&o, 'f', "json");
	next_is(&o, 'S', NULL);
	end_at(&o, 3);
	args(&o, v2);
	next_is(&o, 'H', NULL);
	next_is(&o, 'w', NULL);
	next_is(&o, 'f', "json");
	next_is(&o, 'S', NULL);
	end_at(&o, 4);
}
END_TEST

START_TEST(test_opt_argument_may_look_like_option)
{
	static const char *const v[] = { "dg", "-f", "-H", "-k", "--", "file",
	    NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'f', "-H");
	next_is(&o, 'k', "--");
	end_at(&o, 5);
}
END_TEST

START_TEST(test_opt_empty_argument)
{
	static const char *const v[] = { "dg", "-f", "", "--format=", "x",
	    NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'f', "");
	next_is(&o, 'f', "");
	end_at(&o, 4);
}
END_TEST

START_TEST(test_opt_double_dash_ends_options)
{
	static const char *const v[] = { "dg", "-H", "--", "-S", "--strict",
	    NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'H', NULL);
	end_at(&o, 3);
}
END_TEST

START_TEST(test_opt_double_dash_alone)
{
	static const char *const v[] = { "dg", "--", NULL };
	dg_opt o;

	args(&o, v);
	end_at(&o, 2);
}
END_TEST

START_TEST(test_opt_dash_is_operand)
{
	static const char *const v[] = { "dg", "-H", "-", "-S", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'H', NULL);
	next_is(&o, 'S', NULL);
	end_at(&o, 3);
	ck_assert_str_eq(av[3], "-");
}
END_TEST

START_TEST(test_opt_options_may_follow_operands)
{
	/* GNU style: the operands move behind the options, in order. */
	static const char *const v[] = { "dg", "-H", "LLM", "-S", "a.tsv",
	    "--format", "md", "-kx", "b.tsv", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'H', NULL);
	next_is(&o, 'S', NULL);
	next_is(&o, 'f', "md");
	next_is(&o, 'k', "x");
	end_at(&o, 6);
	ck_assert_str_eq(av[6], "LLM");
	ck_assert_str_eq(av[7], "a.tsv");
	ck_assert_str_eq(av[8], "b.tsv");
}
END_TEST

START_TEST(test_opt_cluster_after_operand)
{
	static const char *const v[] = { "dg", "a", "-HS", "-k", "x", "b",
	    NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'H', NULL);
	next_is(&o, 'S', NULL);
	next_is(&o, 'k', "x");
	end_at(&o, 4);
	ck_assert_str_eq(av[4], "a");
	ck_assert_str_eq(av[5], "b");
}
END_TEST

START_TEST(test_opt_double_dash_after_operands)
{
	static const char *const v[] = { "dg", "a", "-H", "--", "-S", "b",
	    NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'H', NULL);
	end_at(&o, 3);
	ck_assert_str_eq(av[3], "a");
	ck_assert_str_eq(av[4], "-S");
	ck_assert_str_eq(av[5], "b");
}
END_TEST

START_TEST(test_opt_posixly_correct_first_operand_stops_parsing)
{
	/* POSIX: no permutation, "-S" after an operand is an operand. */
	static const char *const v[] = { "dg", "-H", "LLM", "-S", "--strict",
	    NULL };
	dg_opt o;

	setenv("POSIXLY_CORRECT", "1", 1);
	args(&o, v);
	next_is(&o, 'H', NULL);
	end_at(&o, 2);
	ck_assert_str_eq(av[3], "-S");
	unsetenv("POSIXLY_CORRECT");
}
END_TEST

START_TEST(test_opt_long_options)
{
	static const char *const v[] = { "dg", "--strict", "-H", "--help",
	    "--version", "file", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 's', NULL);
	next_is(&o, 'H', NULL);
	next_is(&o, 'h', NULL);
	next_is(&o, 'V', NULL);
	end_at(&o, 5);
}
END_TEST

START_TEST(test_opt_long_with_equals_argument)
{
	static const char *const v[] = { "dg", "--format=json", "--format=a=b",
	    NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'f', "json");
	next_is(&o, 'f', "a=b");
	end_at(&o, 3);
}
END_TEST

START_TEST(test_opt_long_with_detached_argument)
{
	static const char *const v[] = { "dg", "--format", "md", "-H", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'f', "md");
	next_is(&o, 'H', NULL);
	end_at(&o, 4);
}
END_TEST

START_TEST(test_opt_long_unambiguous_prefix)
{
	static const char *const v[] = { "dg", "--str", "--form=md",
	    "--strictly", "--Strict", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 's', NULL);
	ck_assert_str_eq(o.name, "strict");
	next_is(&o, 'f', "md");
	ck_assert_int_eq(next(&o), '?');
	ck_assert_str_eq(o.badlong, "strictly");
	ck_assert_int_eq(next(&o), '?');
	ck_assert_str_eq(o.badlong, "Strict");
	end_at(&o, 5);
}
END_TEST

START_TEST(test_opt_long_ambiguous_prefix)
{
	static const dg_longopt two[] = {
		{ "header", 'H', 0 },
		{ "help", 'h', 0 },
		{ "regexp", 'e', 1 },
		{ "category", 'e', 1 },
		{ "regex", 'e', 1 },
		{ NULL, 0, 0 }
	};
	static const char *const v[] = { "dg", "--he", "--hel", "--reg", "x",
	    NULL };
	dg_opt o;

	args(&o, v);
	ck_assert_int_eq(dg_opt_next(&o, ac, av, SHORTS, two), '?');
	ck_assert(o.ambiguous);
	ck_assert_int_eq(o.badlen, 2);
	ck_assert_int_eq(dg_opt_next(&o, ac, av, SHORTS, two), 'h');
	/* Two names of one option are not a choice. */
	ck_assert_int_eq(dg_opt_next(&o, ac, av, SHORTS, two), 'e');
	ck_assert_str_eq(o.arg, "x");
}
END_TEST

START_TEST(test_opt_unknown_short)
{
	static const char *const v[] = { "dg", "-Hx", "-S", "-:", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'H', NULL);
	ck_assert_int_eq(next(&o), '?');
	ck_assert_int_eq(o.bad, 'x');
	ck_assert_ptr_null(o.badlong);
	/* Parsing can go on after an unknown option. */
	next_is(&o, 'S', NULL);
	/* ':' in shorts marks arguments; it is never an option. */
	ck_assert_int_eq(next(&o), '?');
	ck_assert_int_eq(o.bad, ':');
	end_at(&o, 4);
}
END_TEST

START_TEST(test_opt_unknown_long)
{
	static const char *const v[] = { "dg", "--bogus", "--bogus=1", "-w",
	    NULL };
	dg_opt o;

	args(&o, v);
	ck_assert_int_eq(next(&o), '?');
	ck_assert_ptr_nonnull(o.badlong);
	ck_assert_str_eq(o.badlong, "bogus");
	ck_assert_int_eq(next(&o), '?');
	ck_assert_ptr_nonnull(o.badlong);
	ck_assert(strncmp(o.badlong, "bogus", 5) == 0);
	next_is(&o, 'w', NULL);
	end_at(&o, 4);
}
END_TEST

START_TEST(test_opt_unknown_long_without_table)
{
	static const char *const v[] = { "dg", "--strict", NULL };
	dg_opt o;

	args(&o, v);
	ck_assert_int_eq(dg_opt_next(&o, ac, av, SHORTS, NULL), '?');
	ck_assert_str_eq(o.badlong, "strict");
}
END_TEST

START_TEST(test_opt_missing_argument_short)
{
	static const char *const v1[] = { "dg", "-f", NULL };
	static const char *const v2[] = { "dg", "-Hk", NULL };
	dg_opt o;

	args(&o, v1);
	ck_assert_int_eq(next(&o), ':');
	ck_assert_int_eq(o.bad, 'f');
	ck_assert_ptr_null(o.badlong);
	ck_assert_ptr_null(o.arg);
	args(&o, v2);
	next_is(&o, 'H', NULL);
	ck_assert_int_eq(next(&o), ':');
	ck_assert_int_eq(o.bad, 'k');
}
END_TEST

START_TEST(test_opt_missing_argument_long)
{
	static const char *const v[] = { "dg", "--format", NULL };
	dg_opt o;

	args(&o, v);
	ck_assert_int_eq(next(&o), ':');
	ck_assert_ptr_nonnull(o.badlong);
	ck_assert_str_eq(o.badlong, "format");
	ck_assert_ptr_null(o.arg);
}
END_TEST

START_TEST(test_opt_argument_to_no_argument_long_is_error)
{
	static const char *const v[] = { "dg", "--help=x", "--strict=", NULL };
	dg_opt o;

	args(&o, v);
	ck_assert_int_eq(next(&o), '=');
	ck_assert_ptr_nonnull(o.badlong);
	ck_assert_int_eq(o.badlen, 4);
	ck_assert(strncmp(o.badlong, "help", 4) == 0);
	ck_assert_int_eq(next(&o), '=');
	ck_assert_ptr_nonnull(o.badlong);
	ck_assert_int_eq(o.badlen, 6);
	ck_assert(strncmp(o.badlong, "strict", 6) == 0);
	end_at(&o, 3);
}
END_TEST

START_TEST(test_opt_arg_cleared_between_options)
{
	static const char *const v[] = { "dg", "-fjson", "-H", "--format=x",
	    "--strict", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 'f', "json");
	next_is(&o, 'H', NULL);
	next_is(&o, 'f', "x");
	next_is(&o, 's', NULL);
	end_at(&o, 5);
}
END_TEST

START_TEST(test_opt_long_after_operand_is_option)
{
	static const char *const v[] = { "dg", "file", "--strict", NULL };
	dg_opt o;

	args(&o, v);
	next_is(&o, 's', NULL);
	end_at(&o, 2);
	ck_assert_str_eq(av[2], "file");
}
END_TEST

static Suite *
opt_suite(void)
{
	Suite *s = suite_create("opt");
	TCase *tc = tcase_create("opt");

	tcase_add_test(tc, test_opt_no_arguments);
	tcase_add_test(tc, test_opt_separate_flags);
	tcase_add_test(tc, test_opt_cluster);
	tcase_add_test(tc, test_opt_attached_argument);
	tcase_add_test(tc, test_opt_detached_argument);
	tcase_add_test(tc, test_opt_cluster_ends_with_argument);
	tcase_add_test(tc, test_opt_argument_may_look_like_option);
	tcase_add_test(tc, test_opt_empty_argument);
	tcase_add_test(tc, test_opt_double_dash_ends_options);
	tcase_add_test(tc, test_opt_double_dash_alone);
	tcase_add_test(tc, test_opt_dash_is_operand);
	tcase_add_test(tc, test_opt_posixly_correct_first_operand_stops_parsing);
	tcase_add_test(tc, test_opt_options_may_follow_operands);
	tcase_add_test(tc, test_opt_cluster_after_operand);
	tcase_add_test(tc, test_opt_double_dash_after_operands);
	tcase_add_test(tc, test_opt_long_options);
	tcase_add_test(tc, test_opt_long_with_equals_argument);
	tcase_add_test(tc, test_opt_long_with_detached_argument);
	tcase_add_test(tc, test_opt_long_unambiguous_prefix);
	tcase_add_test(tc, test_opt_long_ambiguous_prefix);
	tcase_add_test(tc, test_opt_unknown_short);
	tcase_add_test(tc, test_opt_unknown_long);
	tcase_add_test(tc, test_opt_unknown_long_without_table);
	tcase_add_test(tc, test_opt_missing_argument_short);
	tcase_add_test(tc, test_opt_missing_argument_long);
	tcase_add_test(tc, test_opt_argument_to_no_argument_long_is_error);
	tcase_add_test(tc, test_opt_arg_cleared_between_options);
	tcase_add_test(tc, test_opt_long_after_operand_is_option);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return dg_check_run(opt_suite());
}
