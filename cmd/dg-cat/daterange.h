/*
 * daterange.h - dg-cat -d: a range of days, parsed once from the option,
 * then tested against each record's date field as bytes (no parsing per
 * record: YYYY-MM-DD sorts as text in the order of the days).
 */
#ifndef DG_CAT_DATERANGE_H
#define DG_CAT_DATERANGE_H

#include <stddef.h>

/* The days from lo to hi, both included; an open end is the first or
 * the last day that four digits can write. */
typedef struct {
	char lo[10];		/* the first day, YYYY-MM-DD, no NUL */
	char hi[10];		/* the last day, YYYY-MM-DD, no NUL */
} dg_daterange;

/* What dg_daterange_parse found. */
enum dg_daterange_status {
	DG_DATERANGE_OK,	/* a range */
	DG_DATERANGE_BAD,	/* not D, D:, :D or D1:D2 of real dates */
	DG_DATERANGE_BACKWARDS	/* D1:D2 with D2 before D1 */
};

/*
 * Parses s, a C string: D (every day of D), D: (from D on), :D (up to
 * D) or D1:D2, each D a YYYY, YYYY-MM or YYYY-MM-DD that exists in the
 * Gregorian calendar (month 01-12, day 01 to the month's last).  An end
 * stands for its first day at the start of a range and for its last at
 * the end: 2024-10:2024-11 is 2024-10-01 to 2024-11-30.
 */
enum dg_daterange_status dg_daterange_parse(dg_daterange *r, const char *s);

/* Is the date field (n bytes at p, not NUL-terminated, still escaped) a
 * real YYYY-MM-DD in r?  Anything else (empty, garbage, 2024-02-30) is
 * in no range. */
int dg_daterange_has(const dg_daterange *r, const char *p, size_t n);

#endif
