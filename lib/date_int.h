/*
 * date_int.h - the calendar (proleptic Gregorian), for the commands that
 * read dates: dg-cat -d, dg-chart's time axis, dg-links' feeds and pages.
 */
#ifndef DG_DATE_INT_H
#define DG_DATE_INT_H

#include <stdint.h>

#include "dg.h"

/* The days in month m (1 to 12) of year y. */
int dg_date_month_days(int64_t y, int m);
/* Is s[0..n) a day of the calendar, written YYYY-MM-DD? */
int dg_date_valid(const char *s, size_t n);

#endif
