/*
 * chart.h - a bar or column chart as one standalone SVG 1.1 document,
 * for dg-chart(1): horizontal bars in input order, or columns on a
 * time axis when every label is a day, a month or a year.  Strings are
 * pointer + length, raw bytes (not NUL-terminated; any bytes: they are
 * escaped on output).
 */
#ifndef DG_CHART_H
#define DG_CHART_H

#include "dg.h"
#include "num_int.h"

/* One bar: a line of input. */
typedef struct {
	dg_str label;		/* as read (the first key); empty shows as
				   "(empty)" */
	dg_str key2;		/* the second key, in a chart of two */
	dg_value v;		/* its value, >= 0 */
	uint64_t merged;	/* 0; for the "other" bar, the rows it sums */
} dg_bar;

/* Second keys drawn by default: the colours of the palette. */
#define DG_TOP 7

/* How to draw. */
enum dg_layout {
	DG_AUTO,	/* columns on a time axis when every label is a
			   period of one kind (and none is "other"), else
			   bars; with two keys columns always */
	DG_BARS,	/* horizontal bars in input order, always */
	DG_COLUMNS	/* columns: on a time axis as DG_AUTO would, else
			   in input order */
};

/* What to draw. */
typedef struct {
	dg_str title;		/* the heading, also the SVG <title> */
	dg_str what;		/* what the values are ("sources"), named on
				   the value axis; empty: "value" */
	const dg_bar *bar;	/* the bars, in input order */
	size_t n;		/* how many; 0 draws a "no data" chart */
	int keys;		/* 1; or 2: a column (or bar) per first key,
				   stacked by the second */
	size_t top;		/* two keys: the second keys of the largest
				   totals drawn, the rest summed as "other";
				   0 for DG_TOP */
	dg_str key2name;	/* what the second keys are ("category"), or
				   empty */
	int layout;		/* an enum dg_layout */
	unsigned width;		/* pixels; widened when labels need it */
	int shares;		/* add each bar's share of the total */
	/* NULL, or where the document goes as it is written, in blocks:
	 * out(arg, bytes, n) returns DG_OK or an error that stops the
	 * writing (and is returned). */
	int (*out)(void *arg, const char *p, size_t n);
	void *arg;
} dg_chart;

/* Appends the SVG document for c to b, or with c->out set hands it to
 * c->out a block at a time (b is then the block, left empty).  The same
 * chart always gives the same bytes.  DG_OK, DG_ENOMEM, an error of
 * c->out, or DG_ERANGE (before any output) when the total of the values
 * does not fit in a double. */
int dg_chart_svg(dg_buf *b, const dg_chart *c);

#endif
