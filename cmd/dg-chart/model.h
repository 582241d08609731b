/*
 * model.h - what dg-chart draws, from a chart's lines: the bars or
 * columns in the order drawn, each the sum of its lines, stacked by the
 * second key in a chart of two; and whether they stand on a time axis.
 * Strings point into the chart's lines (or are constants).
 */
#ifndef DG_MODEL_H
#define DG_MODEL_H

#include "chart.h"

/* One stacked segment: the lines of a bar or column with one second
 * key (or any of those summed as "other"). */
typedef struct {
	size_t series;		/* its series in dg_model.ser */
	dg_value v;		/* their sum */
	uint64_t lines;		/* how many lines */
} dg_seg;

/* One second key: a colour. */
typedef struct {
	dg_str label;		/* raw; "other" for the rest */
	dg_value total;		/* over every bar or column */
	uint64_t merged;	/* "other": the second keys it sums; else 0 */
} dg_series;

/* One bar or column. */
typedef struct {
	dg_str label;		/* raw first key; empty shows as "(empty)" */
	int64_t slot;		/* on a time axis, its period's slot */
	dg_value v;		/* its total */
	uint64_t merged;	/* lines summed into it, when they are not
				   stacked: the "other" bar's, or a period's
				   when more than one; else 0 */
	int other;		/* the "other" bar of -n */
	size_t seg, nseg;	/* two keys: its segments, bottom (or left)
				   first, are dg_model.s[seg .. seg + nseg) */
} dg_group;

typedef struct {
	int kind;		/* the periods of a time axis, or
				   DG_NOPERIOD */
	int columns;		/* columns, not bars */
	int keys;		/* 1, or 2: stacked */
	dg_group *g;		/* bars or columns, in the order drawn: time
				   order on a time axis, else input order
				   (of first keys, with two); NULL for bars
				   or columns that are the lines themselves
				   (one key, no time axis): see
				   dg_model_group */
	const dg_bar *line;	/* the chart's lines */
	size_t ng;
	dg_seg *s;		/* two keys: the segments */
	size_t ns;
	dg_series *ser;		/* two keys: the second keys drawn, largest
				   total first (ties: byte order), then
				   "other" when there are more */
	size_t nser;
	int64_t first, last;	/* time axis: slots of the first and last
				   period */
	uint64_t left;		/* time axis: lines with an empty first key,
				   left off it */
	dg_value leftv;		/* their total */
	dg_value sum;		/* of every value */
	double max;		/* the largest bar or column */
} dg_model;

/* Builds m from the lines of c: DG_OK, DG_ENOMEM, or DG_ERANGE when the
 * total does not fit in a double.  Free with dg_model_free, whatever it
 * returned. */
int dg_model_build(dg_model *m, const dg_chart *c);
void dg_model_free(dg_model *m);

/* Bar or column i: m->g[i], or made in *tmp from line i when the bars
 * are the lines (a chart of a million bars needs no copy of them). */
const dg_group *dg_model_group(const dg_model *m, size_t i, dg_group *tmp);

/* s, or "(empty)" when it is empty: the text of a key. */
dg_str dg_model_text(dg_str s);

#endif
