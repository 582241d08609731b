/* out.c - stdout for commands: big buffer, every write checked. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* Matches the reader's chunk and a pipe's capacity many times over. */
#define OUT_BUF (128 * 1024)

void
dg_out_init(void)
{
	/* glibc ignores the size when it is to allocate the buffer itself. */
	static char buf[OUT_BUF];

	setvbuf(stdout, buf, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF,
	    sizeof(buf));
}

/* A closed pipe ends us quietly, as SIGPIPE's default would even when
 * our parent left the signal ignored; anything else is trouble. */
static _Noreturn void
write_failed(void)
{
	if (errno == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
		_Exit(DG_EXIT_TROUBLE);
	}
	dg_warn("write error");
	_Exit(DG_EXIT_TROUBLE);
}

void
dg_out_failed(int err)
{
	errno = err;
	write_failed();
}

void
dg_out(const void *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, stdout) != n)
		write_failed();
}

void
dg_start(const char *prog, const char *input)
{
	dg_setprogname(prog);
	dg_setinput(input);
	dg_out_init();
}

void
dg_outc(int c)
{
	if (putc(c, stdout) == EOF)
		write_failed();
}

int
dg_out_close(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		write_failed();
	if (fclose(stdout) != 0)
		write_failed();
	return status;
}

_Noreturn void
dg_help(const char *text)
{
	dg_out(text, strlen(text));
	exit(dg_out_close(DG_EXIT_OK));
}

_Noreturn void
dg_version(void)
{
	printf("%s %s\n", dg_getprogname(), DG_VERSION);
	exit(dg_out_close(DG_EXIT_OK));
}
