/* diag.c - messages for people: "prog: file:line: message". */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dg.h"

static const char *progname = "dg";

void
dg_setprogname(const char *name)
{
	progname = name;
}

const char *
dg_getprogname(void)
{
	return progname;
}

static void vwarn(const char *, va_list, int) DG_PRINTF(1, 0);

static void
vwarn(const char *fmt, va_list ap, int err)
{
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (err)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
}

void
dg_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap, 0);
	va_end(ap);
}

void
dg_warn(const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap, err);
	va_end(ap);
}

void
dg_warnl(const char *file, uint64_t line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s:%" PRIu64 ": ", progname, dg_filename(file),
	    line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *
dg_filename(const char *operand)
{
	return strcmp(operand, "-") == 0 ? "<stdin>" : operand;
}

int
dg_open(const char *operand)
{
	int fd;

	if (strcmp(operand, "-") == 0)
		return STDIN_FILENO;
	if ((fd = open(operand, O_RDONLY)) < 0)
		dg_warn("%s", operand);
	return fd;
}

void
dg_close(int fd)
{
	if (fd != STDIN_FILENO)
		close(fd);
}

void
dg_version(void)
{
	printf("%s %s\n", progname, DG_VERSION);
}

void
dg_usage(const char *usage)
{
	fprintf(stderr, "usage: %s %s\n", progname, usage);
	exit(DG_EXIT_TROUBLE);
}

void
dg_badopt(const dg_opt *o, int c, const char *usage)
{
	if (o->badlong != NULL)
		dg_warnx(c == ':' ? "option requires an argument -- %.*s" :
		    "unknown option -- %.*s", o->badlen, o->badlong);
	else
		dg_warnx(c == ':' ? "option requires an argument -- %c" :
		    "unknown option -- %c", o->bad);
	dg_usage(usage);
}
