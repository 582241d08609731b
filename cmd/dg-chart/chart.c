/* chart.c - a horizontal bar chart as a standalone SVG document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "svg.h"

/*
 * Geometry, in pixels.  Text widths are estimated from columns (wide
 * East Asian characters count two): COL is a generous width of one
 * column of 13px sans-serif, so labels are never cut (label_width adds
 * for wider letters).
 */
#define PAD	16	/* outer margin */
#define TOP	48	/* from the top to the first bar row */
#define ROW	24	/* one bar row */
#define BAR	16	/* bar thickness */
#define GAP	8	/* between labels, bars and value labels */
#define COL	8.4	/* one column of 13px label text (0.65em) */
#define VCOL	7.0	/* one column of 12px value text */
#define MINPLOT	200	/* narrowest plot area before the chart widens */
#define AXIS	20	/* below the bars, for the tick labels */

#define FONTS "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', " \
    "'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', " \
    "'Malgun Gothic', 'Noto Sans CJK JP', 'Noto Sans CJK SC', " \
    "'Hiragino Sans', 'Microsoft YaHei', sans-serif"

static const char style[] =
    "<style>\n"
    "svg { font-family: " FONTS "; font-size: 13px; }\n"
    ".bg { fill: #ffffff; }\n"
    ".fg { fill: #1f2328; }\n"
    ".mu { fill: #59636e; }\n"
    ".grid { stroke: #d8dee4; }\n"
    ".bar { fill: #4e79a7; }\n"
    ".other { fill: #9aa5b1; }\n"
    ".row:hover .bar { fill: #2f5d8a; }\n"
    "@media (prefers-color-scheme: dark) {\n"
    "  .bg { fill: #0d1117; }\n"
    "  .fg { fill: #e6edf3; }\n"
    "  .mu { fill: #9198a1; }\n"
    "  .grid { stroke: #30363d; }\n"
    "  .bar { fill: #6ca0dc; }\n"
    "  .other { fill: #6e7681; }\n"
    "  .row:hover .bar { fill: #9cc3ee; }\n"
    "}\n"
    "</style>\n";

/* Output is handed to c->out in blocks of about this much. */
#define BLOCK (1024 * 1024)

/* A writer: the buffer, where its bytes go when it fills, and a sticky
 * error, so the drawing code reads straight through. */
struct w {
	dg_buf *b;
	const dg_chart *c;
	int err;
};

/* Hands the buffer on, when there is somewhere to hand it, and makes
 * room for n more bytes. */
static int
grow(struct w *w, size_t n)
{
	if (w->err != DG_OK)
		return 0;
	if (w->c->out != NULL && w->b->len > 0) {
		if ((w->err = w->c->out(w->c->arg, w->b->p, w->b->len)) !=
		    DG_OK)
			return 0;
		w->b->len = 0;
	}
	if ((w->err = dg_buf_reserve(w->b, n > BLOCK ? n : BLOCK)) != DG_OK)
		return 0;
	return 1;
}

/* Is there room for n more bytes (after an error, never)? */
static inline int
room(struct w *w, size_t n)
{
	if (w->err == DG_OK && w->b->cap - w->b->len >= n)
		return 1;
	return grow(w, n);
}

static inline void
putn(struct w *w, const char *s, size_t n)
{
	if (room(w, n)) {
		memcpy(w->b->p + w->b->len, s, n);
		w->b->len += n;
	}
}

static inline void
put(struct w *w, const char *s)
{
	putn(w, s, strlen(s));
}

static void
esc(struct w *w, dg_str s)
{
	if (w->err == DG_OK)
		w->err = dg_svg_escape(w->b, s.p, s.n);
}

static inline void
coord(struct w *w, double v)
{
	if (room(w, DG_SVG_NUM))
		w->b->len += dg_svg_coord_str(w->b->p + w->b->len, v);
}

/* name="v" with a leading space: name holds ' name="'. */
static inline void
attr(struct w *w, const char *name, double v)
{
	size_t k = strlen(name);
	char *p;

	if (!room(w, k + DG_SVG_NUM + 1))
		return;
	p = w->b->p + w->b->len;
	memcpy(p, name, k);
	k += dg_svg_coord_str(p + k, v);
	p[k++] = '"';
	w->b->len += k;
}

static void
value(struct w *w, const dg_value *v)
{
	if (room(w, DG_SVG_NUM))
		w->err = dg_svg_value(w->b, v);
}

static dg_str
label_of(const dg_bar *bar)
{
	static const char empty[] = "(empty)";
	dg_str s = bar->label;

	if (s.n == 0) {
		s.p = empty;
		s.n = sizeof(empty) - 1;
	}
	return s;
}

/*
 * The width of a label: COL a column, more for the letters wider than
 * that in common sans fonts (DejaVu Sans: capitals up to 0.79em, W, m
 * and @ about 1em), so that a label of capitals is not cut either.
 */
static double
label_width(dg_str s)
{
	double w = COL * (double)dg_svg_columns(s.p, s.n);
	size_t i;

	for (i = 0; i < s.n; i++) {
		if (s.p[i] == 'M' || s.p[i] == 'W' || s.p[i] == 'm' ||
		    s.p[i] == 'w' || s.p[i] == '@' || s.p[i] == '%')
			w += COL * 0.6;
		else if ((s.p[i] >= 'A' && s.p[i] <= 'Z') || s.p[i] == '&')
			w += COL * 0.25;
	}
	return w;
}

static size_t
share_columns(const dg_chart *c)
{
	return c->shares ? 9 : 0;	/* " (100.0%)" */
}

/* Each bar's texts, written once (into an arena) and used in the
 * description, the tooltip and beside the bar. */
struct text {
	size_t lab;	/* the escaped label at lab... */
	size_t val;	/* ...up to val, its value (and share) up to end */
	size_t end;
};

struct texts {
	dg_buf a;	/* the arena */
	struct text *t;	/* one per bar */
};

/* The escaped label of bar i. */
static void
label_text(struct w *w, const struct texts *x, size_t i)
{
	putn(w, x->a.p + x->t[i].lab, x->t[i].val - x->t[i].lab);
}

/* The value of bar i, and its share with shares. */
static void
value_text(struct w *w, const struct texts *x, size_t i)
{
	putn(w, x->a.p + x->t[i].val, x->t[i].end - x->t[i].val);
}

/* "label: value (share)", or "other (N rows): value (share)". */
static void
phrase(struct w *w, const struct texts *x, const dg_bar *bar, size_t i)
{
	char s[48];

	label_text(w, x, i);
	if (bar->merged > 0) {
		snprintf(s, sizeof(s), " (%llu %s)",
		    (unsigned long long)bar->merged,
		    bar->merged == 1 ? "row" : "rows");
		put(w, s);
	}
	putn(w, ": ", 2);
	value_text(w, x, i);
}

static void
head(struct w *w, const dg_chart *c, const struct texts *x, double width,
    double height, const dg_value *sum)
{
	char s[64];
	size_t i;

	put(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
	attr(w, " width=\"", width);
	attr(w, " height=\"", height);
	put(w, " viewBox=\"0 0 ");
	coord(w, width);
	put(w, " ");
	coord(w, height);
	put(w, "\" role=\"img\" aria-labelledby=\"dg-title dg-desc\""
	    " font-family=\"" FONTS "\" font-size=\"13\">\n"
	    "<title id=\"dg-title\">");
	esc(w, c->title);
	put(w, "</title>\n<desc id=\"dg-desc\">");
	if (c->n == 0)
		put(w, "No data.");
	else {
		snprintf(s, sizeof(s), "Bar chart of %zu %s, total ", c->n,
		    c->n == 1 ? "value" : "values");
		put(w, s);
		value(w, sum);
		put(w, ". ");
		for (i = 0; i < c->n; i++) {
			phrase(w, x, &c->bar[i], i);
			put(w, i + 1 < c->n ? "; " : ".");
		}
	}
	put(w, "</desc>\n");
	put(w, style);
	put(w, "<rect class=\"bg\" fill=\"#ffffff\"");
	attr(w, " width=\"", width);
	attr(w, " height=\"", height);
	put(w, "/>\n<text class=\"fg\" fill=\"#1f2328\" font-size=\"16\""
	    " font-weight=\"bold\"");
	attr(w, " x=\"", PAD);
	attr(w, " y=\"", PAD + 16);
	put(w, ">");
	esc(w, c->title);
	put(w, "</text>\n");
}

static void
grid(struct w *w, const dg_ticks *t, double x0, double plot, double y1)
{
	double x;
	unsigned i;

	put(w, "<g class=\"grid\" stroke=\"#d8dee4\" stroke-width=\"1\">\n");
	for (i = 0; i <= t->count; i++) {
		x = x0 + plot * i / t->count;
		put(w, "<line");
		attr(w, " x1=\"", x);
		attr(w, " y1=\"", TOP - 4);
		attr(w, " x2=\"", x);
		attr(w, " y2=\"", y1 + 4);
		put(w, "/>\n");
	}
	put(w, "</g>\n<g class=\"mu\" fill=\"#59636e\" font-size=\"11\""
	    " text-anchor=\"middle\">\n");
	for (i = 0; i <= t->count; i++) {
		put(w, "<text");
		attr(w, " x=\"", x0 + plot * i / t->count);
		attr(w, " y=\"", y1 + 18);
		put(w, ">");
		if (w->err == DG_OK)
			w->err = dg_svg_tick(w->b, t, i);
		put(w, "</text>\n");
	}
	put(w, "</g>\n");
}

static void
bars(struct w *w, const dg_chart *c, const struct texts *x,
    const dg_ticks *t, double lx, double x0, double plot)
{
	const dg_bar *bar;
	double y, len;
	size_t i;

	for (i = 0; i < c->n; i++) {
		bar = &c->bar[i];
		y = TOP + (double)i * ROW + (ROW - BAR) / 2.0;
		/* Divided first: plot * v overflows for v near the largest
		 * double. */
		len = plot * (bar->v.d / t->top);
		if (bar->v.d > 0 && len < 1)
			len = 1;	/* a value above zero stays visible */
		put(w, "<g class=\"row\"><title>");
		phrase(w, x, bar, i);
		put(w, "</title>\n<text class=\"fg\" fill=\"#1f2328\""
		    " text-anchor=\"end\"");
		attr(w, " x=\"", lx);
		attr(w, " y=\"", y + 12.5);
		put(w, ">");
		label_text(w, x, i);
		put(w, bar->merged ? "</text>\n<rect class=\"other\""
		    " fill=\"#9aa5b1\"" : "</text>\n<rect class=\"bar\""
		    " fill=\"#4e79a7\"");
		attr(w, " x=\"", x0);
		attr(w, " y=\"", y);
		attr(w, " width=\"", len);
		attr(w, " height=\"", BAR);
		put(w, "/>\n<text class=\"mu\" fill=\"#59636e\""
		    " font-size=\"12\"");
		attr(w, " x=\"", x0 + len + 4);
		attr(w, " y=\"", y + 12);
		put(w, ">");
		value_text(w, x, i);
		put(w, "</text></g>\n");
	}
}

/*
 * Writes the texts of every bar into x, and finds the widest label and
 * value.  DG_OK or DG_ENOMEM.
 */
static int
measure(const dg_chart *c, double total, struct texts *x, double *labelw,
    double *valuew)
{
	char s[DG_SVG_NUM];
	struct text *t;
	size_t i, vn;
	double cw;

	if ((x->t = malloc((c->n + 1) * sizeof(*x->t))) == NULL)
		return DG_ENOMEM;
	*labelw = *valuew = 0;
	for (i = 0; i < c->n; i++) {
		t = &x->t[i];
		t->lab = x->a.len;
		if (dg_svg_escape(&x->a, label_of(&c->bar[i]).p,
		    label_of(&c->bar[i]).n) != DG_OK)
			return DG_ENOMEM;
		t->val = x->a.len;
		if (dg_svg_value(&x->a, &c->bar[i].v) != DG_OK)
			return DG_ENOMEM;
		vn = x->a.len - t->val;
		if (c->shares && dg_buf_add(&x->a, s, dg_svg_share_str(s,
		    c->bar[i].v.d, total)) != DG_OK)
			return DG_ENOMEM;
		t->end = x->a.len;
		cw = label_width(label_of(&c->bar[i]));
		if (cw > *labelw)
			*labelw = cw;
		cw = VCOL * (double)(vn + share_columns(c));
		if (cw > *valuew)
			*valuew = cw;
	}
	return DG_OK;
}

int
dg_chart_svg(dg_buf *b, const dg_chart *c)
{
	struct w w = { b, c, DG_OK };
	struct texts x = { { NULL, 0, 0 }, NULL };
	dg_value sum = { 0, 0, 1 };
	double labelw, valuew, width, height, plot, x0, max = 0;
	dg_ticks t;
	size_t i;
	int st;

	for (i = 0; i < c->n; i++) {
		if ((st = dg_value_add(&sum, &c->bar[i].v)) != DG_OK)
			return st;
		if (c->bar[i].v.d > max)
			max = c->bar[i].v.d;
	}
	if (measure(c, sum.d, &x, &labelw, &valuew) != DG_OK) {
		free(x.t);
		dg_buf_free(&x.a);
		return DG_ENOMEM;
	}
	width = c->width;
	x0 = PAD + labelw + GAP;
	plot = width - x0 - 4 - valuew - PAD;
	if (plot < MINPLOT) {
		plot = MINPLOT;
		width = x0 + plot + 4 + valuew + PAD;
	}
	height = c->n == 0 ? TOP + ROW * 2 + PAD :
	    TOP + (double)c->n * ROW + AXIS + PAD;
	head(&w, c, &x, width, height, &sum);
	if (c->n == 0) {
		put(&w, "<text class=\"mu\" fill=\"#59636e\"");
		attr(&w, " x=\"", PAD);
		attr(&w, " y=\"", TOP + ROW);
		put(&w, ">No data</text>\n");
	} else {
		/* About one tick per 100 pixels. */
		dg_svg_ticks(max, plot >= 200 ? (unsigned)(plot / 100) : 2,
		    &t);
		grid(&w, &t, x0, plot, TOP + (double)c->n * ROW);
		bars(&w, c, &x, &t, x0 - GAP, x0, plot);
	}
	put(&w, "</svg>\n");
	if (w.err == DG_OK && c->out != NULL && b->len > 0 &&
	    (w.err = c->out(c->arg, b->p, b->len)) == DG_OK)
		b->len = 0;
	free(x.t);
	dg_buf_free(&x.a);
	return w.err;
}
