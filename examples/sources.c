/* sources.c - libdg from another program: print each source of a digest
 * as "category: title".  Build: cc sources.c $(pkg-config --cflags --libs dg) */
#include <stdio.h>
#include <unistd.h>

#include <dg.h>

static int
on_record(const dg_record *rec, void *arg)
{
	(void)arg;
	if (rec->title.n > 0)
		printf("%.*s: %.*s\n", (int)rec->category.n, rec->category.p,
		    (int)rec->title.n, rec->title.p);
	return 0;
}

int
main(void)
{
	dg_parser *p = dg_parser_new(DG_PARSE_NO_SUMMARY, on_record, NULL, NULL);
	dg_reader *r = dg_reader_new_fd(STDIN_FILENO);
	dg_str line;
	int st;

	if (p == NULL || r == NULL || dg_parser_begin(p, "-", 1) != DG_OK)
		return 2;
	while ((st = dg_reader_next(r, &line)) == DG_OK)
		if (dg_parser_line(p, line.p, line.n) != DG_OK)
			return 2;
	if (st != DG_EOF || dg_parser_end(p) != DG_OK)
		return 2;
	dg_reader_free(r);
	dg_parser_free(p);
	return fflush(stdout) == 0 ? 0 : 2;
}
