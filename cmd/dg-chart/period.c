/* period.c - days, months and years as slots of a time axis. */
#include <string.h>

#include "date_int.h"
#include "period.h"

/* Floor division and its remainder (never negative): days before
 * 1970 are negative slots. */
static int64_t
fdiv(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int64_t
fmod_(int64_t a, int64_t b)
{
	return a - fdiv(a, b) * b;
}

/* The smallest multiple of step, plus offset, at or after v. */
static int64_t
ceil_to(int64_t v, int64_t step, int64_t offset)
{
	return v + fmod_(offset - v, step);
}

/* Days from 1970-01-01 to y-m-d (H. Hinnant's days_from_civil). */
static int64_t
days_from(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = fdiv(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date of day z, the inverse of days_from. */
static void
civil(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = fdiv(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* The number in s[0..n) of ASCII digits only, or -1. */
static int64_t
digits(const char *s, size_t n)
{
	int64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
dg_period_parse(const char *s, size_t n, int64_t *slot)
{
	int64_t y, m, d;

	if (n != 4 && n != 7 && n != 10)
		return DG_NOPERIOD;
	if ((y = digits(s, 4)) < 0)
		return DG_NOPERIOD;
	if (n == 4) {
		*slot = y;
		return DG_YEAR;
	}
	if (s[4] != '-' || (m = digits(s + 5, 2)) < 1 || m > 12)
		return DG_NOPERIOD;
	if (n == 7) {
		*slot = y * 12 + m - 1;
		return DG_MONTH;
	}
	if (s[7] != '-' || (d = digits(s + 8, 2)) < 1 ||
	    d > dg_date_month_days(y, (int)m))
		return DG_NOPERIOD;
	*slot = days_from(y, (int)m, (int)d);
	return DG_DAY;
}

/* Writes v, 0 to 9999, in width digits at s. */
static void
put_digits(char *s, int64_t v, int width)
{
	while (width-- > 0) {
		s[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

size_t
dg_period_format(char *s, int kind, int64_t slot)
{
	int64_t y;
	int m, d;

	if (kind == DG_YEAR) {
		put_digits(s, slot, 4);
		return 4;
	}
	if (kind == DG_MONTH) {
		put_digits(s, fdiv(slot, 12), 4);
		s[4] = '-';
		put_digits(s + 5, fmod_(slot, 12) + 1, 2);
		return 7;
	}
	civil(slot, &y, &m, &d);
	put_digits(s, y, 4);
	s[4] = '-';
	put_digits(s + 5, m, 2);
	s[7] = '-';
	put_digits(s + 8, d, 2);
	return 10;
}

int64_t
dg_period_coarsen(int from, int kind, int64_t slot)
{
	int64_t y;
	int m, d;

	if (from == kind)
		return slot;
	if (from == DG_MONTH)
		return fdiv(slot, 12);
	civil(slot, &y, &m, &d);
	return kind == DG_MONTH ? y * 12 + m - 1 : y;
}

/* A candidate tick: its unit, its step, and the fewest slots of the
 * axis between two of its ticks (a month is 28 days or more). */
struct cand {
	int unit;
	int64_t step;
	int64_t slots;
};

void
dg_period_ticks(int kind, double slotpx, double charpx, double gap,
    dg_pticks *t)
{
	static const struct cand day[] = {
		{ DG_DAY, 1, 1 }, { DG_DAY, 2, 2 }, { DG_DAY, 7, 7 },
		{ DG_DAY, 14, 14 }, { DG_MONTH, 1, 28 }, { DG_MONTH, 2, 59 },
		{ DG_MONTH, 3, 89 }, { DG_MONTH, 6, 181 }
	}, month[] = {
		{ DG_MONTH, 1, 1 }, { DG_MONTH, 2, 2 }, { DG_MONTH, 3, 3 },
		{ DG_MONTH, 6, 6 }
	};
	static const int years[3] = { 1, 2, 5 };
	static const double chars[4] = { 0, 4, 7, 10 };
	const struct cand *c = kind == DG_DAY ? day : month;
	size_t i, n = kind == DG_DAY ? 8 : kind == DG_MONTH ? 4 : 0;
	int64_t p, per;

	for (i = 0; i < n; i++)
		if ((double)c[i].slots * slotpx >= chars[c[i].unit] * charpx +
		    gap) {
			t->unit = c[i].unit;
			t->step = c[i].step;
			return;
		}
	/* Years: 1, 2, 5, 10, 20, 50, ... (in the axis's slots, a year
	 * is 365 days or 12 months). */
	per = kind == DG_DAY ? 365 : kind == DG_MONTH ? 12 : 1;
	t->unit = DG_YEAR;
	for (p = 1; p <= 1000; p *= 10)
		for (i = 0; i < 3; i++) {
			t->step = years[i] * p;
			if ((double)(t->step * per) * slotpx >=
			    chars[DG_YEAR] * charpx + gap)
				return;
		}
	t->step = 10000;	/* only year 0: the axis is too narrow */
}

int64_t
dg_period_next_tick(int kind, const dg_pticks *t, int64_t from)
{
	int64_t y, mi;
	int m, d;

	if (t->unit == kind)
		/* Weeks start on Mondays: 1970-01-05 is day 4. */
		return ceil_to(from, t->step, kind == DG_DAY && t->step >= 7 ?
		    4 : 0);
	if (kind == DG_MONTH) {
		y = ceil_to(from, 12, 0) / 12;
		return ceil_to(y, t->step, 0) * 12;
	}
	civil(from, &y, &m, &d);
	if (t->unit == DG_MONTH) {
		mi = ceil_to(y * 12 + m - 1 + (d > 1), t->step, 0);
		return days_from(fdiv(mi, 12), (int)fmod_(mi, 12) + 1, 1);
	}
	y = ceil_to(y + (m > 1 || d > 1), t->step, 0);
	return days_from(y, 1, 1);
}
