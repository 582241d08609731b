/*
 * cat1.c - the floors of `make bench`: cat with one buffer for all its
 * files, as dg-parse reads them.
 *
 * usage: cat1 [-p] [-o OUTPUT] FILE...
 *
 * GNU cat maps and unmaps a fresh 128 KiB buffer for every file, which on
 * thousands of small files costs it more than the reading; this reads
 * every file through one 128 KiB buffer and writes what it read.
 *
 * -o OUTPUT: read the files all the same, but write the bytes of OUTPUT
 * instead, as much of it after each read as keeps pace with the input:
 * reading dg-parse's input and writing its exact output with no parsing
 * in between.  -p: ask for a 1 MiB pipe on stdout, as dg-parse does.
 */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUF (128 * 1024)

static char buf[BUF], obuf[BUF];

static void
die(const char *what)
{
	fprintf(stderr, "cat1: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void
put(const char *p, size_t n)
{
	ssize_t w;

	for (; n > 0; p += w, n -= (size_t)w)
		if ((w = write(STDOUT_FILENO, p, n)) < 0)
			die("write");
}

/* Copies OUTPUT to stdout up to byte `upto` of it. */
static void
out_upto(int ofd, off_t *done, off_t upto)
{
	ssize_t r;
	size_t want;

	while (*done < upto) {
		want = upto - *done < BUF ? (size_t)(upto - *done) : BUF;
		if ((r = read(ofd, obuf, want)) < 0)
			die("read output");
		if (r == 0)
			return;
		put(obuf, (size_t)r);
		*done += r;
	}
}

int
main(int argc, char *argv[])
{
	struct stat st;
	off_t in_total = 0, in_done = 0, out_total = 0, out_done = 0;
	const char *output = NULL;
	ssize_t r;
	int c, fd, ofd = -1, i;

	while ((c = getopt(argc, argv, "po:")) != -1)
		switch (c) {
		case 'p':
#ifdef F_SETPIPE_SZ
			fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1024 * 1024);
#endif
			break;
		case 'o':
			output = optarg;
			break;
		default:
			fputs("usage: cat1 [-p] [-o OUTPUT] FILE...\n", stderr);
			return 2;
		}
	if (output != NULL) {
		if ((ofd = open(output, O_RDONLY)) < 0 || fstat(ofd, &st) != 0)
			die(output);
		out_total = st.st_size;
		for (i = optind; i < argc; i++) {
			if (stat(argv[i], &st) != 0)
				die(argv[i]);
			in_total += st.st_size;
		}
	}
	for (i = optind; i < argc; i++) {
		if ((fd = open(argv[i], O_RDONLY)) < 0)
			die(argv[i]);
		while ((r = read(fd, buf, BUF)) > 0) {
			in_done += r;
			if (ofd < 0)
				put(buf, (size_t)r);
			else
				out_upto(ofd, &out_done, in_total == 0 ?
				    out_total : (off_t)((double)out_total *
				    (double)in_done / (double)in_total));
		}
		if (r < 0)
			die(argv[i]);
		close(fd);
	}
	if (ofd >= 0)
		out_upto(ofd, &out_done, out_total);
	return 0;
}
