/*
 * period.h - labels that are periods of time, for dg-chart's time axis:
 * a day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY), each a number
 * on a continuous axis (the next period is the next number), and the
 * ticks that label such an axis without overlapping.  Strings are
 * pointer + length, not NUL-terminated.
 */
#ifndef DG_PERIOD_H
#define DG_PERIOD_H

#include "dg.h"

/* What a label is, coarsest first. */
enum dg_period {
	DG_NOPERIOD = 0,	/* not a period */
	DG_YEAR,		/* YYYY: slot is the year */
	DG_MONTH,		/* YYYY-MM: slot is year * 12 + month - 1 */
	DG_DAY			/* YYYY-MM-DD: slot is days from 1970-01-01 */
};

/* Longest label dg_period_format writes ("2024-10-04"). */
#define DG_PERIOD_MAX 10

/*
 * What s is, and its slot in *slot: years 0000 to 9999, months 01 to
 * 12, days that exist in the Gregorian calendar (2024-02-29 does,
 * 2023-02-29 does not).  Exactly those digits and dashes, nothing
 * around them; anything else is DG_NOPERIOD.
 */
int dg_period_parse(const char *s, size_t n, int64_t *slot);

/* Writes the label of slot, a period of kind, at s (no NUL); returns
 * its length, at most DG_PERIOD_MAX.  The inverse of dg_period_parse. */
size_t dg_period_format(char *s, int kind, int64_t slot);

/* The slot of kind that holds slot of the finer (or same) kind from:
 * the month of a day, the year of a month or a day. */
int64_t dg_period_coarsen(int from, int kind, int64_t slot);

/* Which slots of an axis get a label: every step-th period of unit
 * (never finer than the axis), aligned on the calendar. */
typedef struct {
	int unit;	/* DG_DAY, DG_MONTH or DG_YEAR */
	int64_t step;	/* days 1, 2, 7 (Mondays) or 14; months 1, 2, 3
			   or 6 (from January); years 1, 2, 5, 10, 20, ...
			   (multiples of step) */
} dg_pticks;

/*
 * The finest ticks for an axis of kind whose labels do not overlap:
 * slotpx pixels a slot, and a label of n characters needing
 * n * charpx + gap pixels (a label is written in its tick's unit:
 * "2024-10-04", "2024-10", "2024").
 */
void dg_period_ticks(int kind, double slotpx, double charpx, double gap,
    dg_pticks *t);

/* The first tick of t on an axis of kind at slot from or after it. */
int64_t dg_period_next_tick(int kind, const dg_pticks *t, int64_t from);

#endif
