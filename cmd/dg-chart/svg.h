/*
 * svg.h - pieces for writing SVG: XML escaping, text width, nice axis
 * ticks and compact numbers.  Strings are pointer + length and not
 * NUL-terminated.
 */
#ifndef DG_SVG_H
#define DG_SVG_H

#include "dg.h"
#include "num_int.h"

/* Appends s XML-escaped: dg_xml_escape (lib/xml_int.h), the one escaping
 * of dg's XML and HTML. */
int dg_svg_escape(dg_buf *b, const char *s, size_t n);

/* Columns s takes as dg_svg_escape writes it: 2 for East Asian wide and
 * fullwidth characters, 0 for combining marks, 1 for others, including
 * each replaced byte. */
size_t dg_svg_columns(const char *s, size_t n);

/* An axis from 0 to top in count steps of step = mant * 10^exp, mant
 * being 1, 2, 5 or 25 (steps of 25, 250, ...). */
typedef struct {
	double step;
	double top;	/* count * step, the first tick >= the maximum */
	unsigned count;	/* steps (ticks are 0, step, ... top) */
	int mant;	/* 1, 2, 5 or 25 */
	int exp;	/* power of ten */
} dg_ticks;

/* The most steps an axis has, however long: more would end it at a
 * less round number (446 in 9 steps: 450). */
#define DG_SVG_MOSTSTEPS 6

/*
 * Nice ticks for values from 0 to max in at most most steps (at least
 * 1, at most DG_SVG_MOSTSTEPS): of all steps 1, 2 or 5 times a power of
 * ten, and 25 times one, the one whose top, the first multiple of the
 * step at or above max, is lowest, and of those the smallest step (446
 * in 5 steps: 0 to 500 by 100; in 3: by 250).  With whole set (the
 * values are counts), no step is below 1.  A max that is not above 0
 * gets the axis 0 to 1.
 */
void dg_svg_ticks(double max, unsigned most, int whole, dg_ticks *t);

/* Appends tick i of t (i * step), written with just the decimals the
 * step needs and a comma between thousands: 0, 2.5, 0.05, 2,000. */
int dg_svg_tick(dg_buf *b, const dg_ticks *t, unsigned i);

/* Room for any number the _str functions below write. */
#define DG_SVG_NUM 48

/* Writes v in decimal at s (no NUL); returns the length, at most 20. */
size_t dg_svg_u64(char *s, uint64_t v);

/* Writes v (>= 0, at most 1e15) rounded to one decimal, without a
 * trailing ".0", at s: a coordinate.  Returns the length. */
size_t dg_svg_coord_str(char *s, double v);

/* Appends that coordinate to b. */
int dg_svg_coord(dg_buf *b, double v);

/* Appends v as dg_value_format does, with a comma between thousands
 * of its integer part (1,234, 1,234.5; 1e+20 as it is). */
int dg_svg_value(dg_buf *b, const dg_value *v);

/* Writes " (12.5%)", part's share of total with one decimal as printf's
 * "%.1f" rounds it (" (0.0%)" when total is 0), at s.  Returns the
 * length. */
size_t dg_svg_share_str(char *s, double part, double total);

#endif
