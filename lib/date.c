/* date.c - the calendar (see date_int.h). */
#include "ascii_int.h"
#include "date_int.h"

int
dg_date_month_days(int64_t y, int m)
{
	static const unsigned char days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* The number the n digits at s write, or -1. */
static int
digits(const char *s, size_t n)
{
	int v = 0;

	for (; n > 0; n--, s++) {
		if (!dg_ascii_digit((unsigned char)*s))
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

int
dg_date_valid(const char *s, size_t n)
{
	int y, m, d;

	return n == DG_DATE_LEN && s[4] == '-' && s[7] == '-' &&
	    (y = digits(s, 4)) >= 0 && (m = digits(s + 5, 2)) >= 1 &&
	    m <= 12 && (d = digits(s + 8, 2)) >= 1 &&
	    d <= dg_date_month_days(y, m);
}
