/*
 * svg.h - pieces for writing SVG: XML escaping, text width, nice axis
 * ticks and compact numbers.  Strings are pointer + length and not
 * NUL-terminated.
 */
#ifndef DG_SVG_H
#define DG_SVG_H

#include "dg.h"

/* Appends s XML-escaped: dg_xml_escape (lib/xml_int.h), the one escaping
 * of dg's XML and HTML. */
int dg_svg_escape(dg_buf *b, const char *s, size_t n);

/* Columns s takes as dg_svg_escape writes it: 2 for East Asian wide and
 * fullwidth characters, 0 for combining marks, 1 for others, including
 * each replaced byte. */
size_t dg_svg_columns(const char *s, size_t n);

/* An axis from 0 to top in count steps of step = mant * 10^exp, mant
 * being 1, 2 or 5. */
typedef struct {
	double step;
	double top;	/* count * step, the first tick >= the maximum */
	unsigned count;	/* steps (ticks are 0, step, ... top) */
	int mant;	/* 1, 2 or 5 */
	int exp;	/* power of ten */
} dg_ticks;

/* Nice ticks for values from 0 to max, about target steps (at least 1).
 * A max that is not above 0 gets the axis 0 to 1. */
void dg_svg_ticks(double max, unsigned target, dg_ticks *t);

/* Appends tick i of t (i * step), written with just the decimals the
 * step needs: 0, 2.5, 0.05, 2000. */
int dg_svg_tick(dg_buf *b, const dg_ticks *t, unsigned i);

/* Appends v (>= 0) rounded to one decimal, without a trailing ".0":
 * a coordinate. */
int dg_svg_coord(dg_buf *b, double v);

#endif
