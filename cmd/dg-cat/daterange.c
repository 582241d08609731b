/* daterange.c - dg-cat -d: ranges of days (daterange.h). */
#include <string.h>

#include "date_int.h"
#include "daterange.h"

/* The two digits at p as a number; -1 when they are not digits. */
static int
two(const char *p)
{
	unsigned a = (unsigned)(unsigned char)p[0] - '0';
	unsigned b = (unsigned)(unsigned char)p[1] - '0';

	return a > 9 || b > 9 ? -1 : (int)(a * 10 + b);
}

/*
 * Is D (n bytes at p) a real YYYY, YYYY-MM or YYYY-MM-DD?  Sets *year and
 * *month (0 for a YYYY).
 */
static int
real(const char *p, size_t n, int *year, int *month)
{
	int century, day;

	*month = 0;
	if ((n != 4 && n != 7 && n != 10) || (century = two(p)) < 0 ||
	    (*year = two(p + 2)) < 0)
		return 0;
	*year += century * 100;
	if (n == 4)
		return 1;
	if (p[4] != '-' || (*month = two(p + 5)) < 1 || *month > 12)
		return 0;
	if (n == 7)
		return 1;
	/* Every month has 28 days: the calendar only for the last few. */
	return p[7] == '-' && (day = two(p + 8)) >= 1 &&
	    (day <= 28 || day <= dg_date_month_days(*year, *month));
}

/* Sets first and last to the first and last day of D (n bytes at p);
 * 0 when D is not a real date. */
static int
days_of(const char *p, size_t n, char first[10], char last[10])
{
	int year, month, last_day;

	if (!real(p, n, &year, &month))
		return 0;
	/* What D leaves out: from January the 1st to December the 31st. */
	memcpy(first, "0000-01-01", 10);
	memcpy(first, p, n);
	memcpy(last, "0000-12-31", 10);
	memcpy(last, p, n);
	if (n == 7) {
		last_day = dg_date_month_days(year, month);
		last[8] = (char)('0' + last_day / 10);
		last[9] = (char)('0' + last_day % 10);
	}
	return 1;
}

enum dg_daterange_status
dg_daterange_parse(dg_daterange *r, const char *s)
{
	const char *colon = strchr(s, ':');
	size_t n = strlen(s), left;
	char unused[10];

	if (colon == NULL)
		return days_of(s, n, r->lo, r->hi) ? DG_DATERANGE_OK :
		    DG_DATERANGE_BAD;
	/* ":" alone bounds nothing; "a:b:c" is not a range. */
	if (n == 1 || strchr(colon + 1, ':') != NULL)
		return DG_DATERANGE_BAD;
	memcpy(r->lo, "0000-01-01", 10);
	memcpy(r->hi, "9999-12-31", 10);
	left = (size_t)(colon - s);
	if (left > 0 && !days_of(s, left, r->lo, unused))
		return DG_DATERANGE_BAD;
	if (n - left - 1 > 0 && !days_of(colon + 1, n - left - 1, unused,
	    r->hi))
		return DG_DATERANGE_BAD;
	if (memcmp(r->lo, r->hi, 10) > 0)
		return DG_DATERANGE_BACKWARDS;
	return DG_DATERANGE_OK;
}

/* memcmp of two dates, by hand: they differ early (in the year, the
 * month), and a call to the library's costs more than those bytes. */
static int
order(const char *a, const char *b)
{
	size_t i;

	for (i = 0; i < 10; i++)
		if (a[i] != b[i])
			return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
	return 0;
}

int
dg_daterange_has(const dg_daterange *r, const char *p, size_t n)
{
	int year, month;

	/* The bytes first, the calendar only for a field within them. */
	return n == 10 && order(p, r->lo) >= 0 && order(p, r->hi) <= 0 &&
	    real(p, n, &year, &month);
}
