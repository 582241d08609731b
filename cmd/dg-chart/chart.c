/*
 * chart.c - bar and column charts as standalone SVG documents: bars in
 * input order, or columns on a time axis (one slot per day, month or
 * year from the first to the last, so that gaps show).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "period.h"
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
/* Columns: */
#define PLOTH	240	/* height of the plot */
#define TCOL	6.6	/* one column of 11px tick text */
#define MINSLOT	4	/* narrowest slot of a time axis: a column of 3
			   and a gap of 1 before the chart widens */
#define MAXPLOT	16000	/* widest plot a time axis widens to */
#define MAXCOLW	48	/* widest column */
#define ROTSLOT	18	/* narrowest slot under a slanted label */
#define SLANT	0.7071	/* sin and cos of the 45 degree slant */

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

static const char empty_label[] = "(empty)";

/* One bar or column: a line of input, or on a time axis a period (the
 * lines with its label summed). */
struct group {
	dg_str label;		/* raw; empty shows as "(empty)" */
	int64_t slot;		/* on a time axis, its period's slot */
	dg_value v;
	uint64_t merged;	/* lines summed into it: the "other" bar's,
				   or a period's when more than one */
	int other;		/* the "other" bar of -n */
};

/* What is drawn, from the chart's lines. */
struct model {
	int kind;		/* the periods of a time axis, or
				   DG_NOPERIOD */
	int columns;		/* columns, not bars */
	struct group *g;	/* bars or columns, in the order drawn */
	size_t ng;
	int64_t first, last;	/* time axis: slots of the first and last
				   period */
	uint64_t left;		/* time axis: lines with an empty label,
				   left off it */
	dg_value leftv;		/* their total */
	dg_value sum;		/* of every value */
	double max;		/* the largest bar or column */
};

static dg_str
label_of(const struct group *g)
{
	dg_str s = g->label;

	if (s.n == 0) {
		s.p = empty_label;
		s.n = sizeof(empty_label) - 1;
	}
	return s;
}

/* The kind of period every label is (empty ones aside), or DG_NOPERIOD:
 * a time axis for the chart. */
static int
time_kind(const dg_chart *c)
{
	int kind = DG_NOPERIOD, k;
	int64_t slot;
	size_t i;

	if (c->layout == DG_BARS)
		return DG_NOPERIOD;
	for (i = 0; i < c->n; i++) {
		if (c->bar[i].merged > 0)
			return DG_NOPERIOD;	/* "other" has no time */
		if (c->bar[i].label.n == 0)
			continue;
		k = dg_period_parse(c->bar[i].label.p, c->bar[i].label.n,
		    &slot);
		if (k == DG_NOPERIOD || (kind != DG_NOPERIOD && k != kind))
			return DG_NOPERIOD;
		kind = k;
	}
	return kind;
}

/* A line on the time axis: its slot, and its place in the input (the
 * sort is stable, so summing follows input order). */
struct stamp {
	int64_t slot;
	size_t i;
};

static int
by_time(const void *a, const void *b)
{
	const struct stamp *x = a, *y = b;

	if (x->slot != y->slot)
		return x->slot < y->slot ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The periods of the time axis, in time order, each the sum of its
 * lines; lines with an empty label are counted in m->left. */
static int
periods(const dg_chart *c, struct model *m)
{
	struct stamp *st;
	struct group *g;
	size_t i, n = 0;

	if ((st = malloc((c->n + 1) * sizeof(*st))) == NULL)
		return DG_ENOMEM;
	for (i = 0; i < c->n; i++) {
		if (c->bar[i].label.n == 0) {
			m->left++;
			/* Part of the total, which is finite. */
			(void)dg_value_add(&m->leftv, &c->bar[i].v);
			continue;
		}
		(void)dg_period_parse(c->bar[i].label.p, c->bar[i].label.n,
		    &st[n].slot);
		st[n++].i = i;
	}
	qsort(st, n, sizeof(*st), by_time);
	for (i = 0; i < n; i++) {
		g = &m->g[m->ng];
		if (m->ng > 0 && g[-1].slot == st[i].slot) {
			(void)dg_value_add(&g[-1].v, &c->bar[st[i].i].v);
			g[-1].merged = g[-1].merged ? g[-1].merged + 1 : 2;
			continue;
		}
		g->label = c->bar[st[i].i].label;
		g->slot = st[i].slot;
		g->v = c->bar[st[i].i].v;
		m->ng++;
	}
	m->first = m->g[0].slot;
	m->last = m->g[m->ng - 1].slot;
	free(st);
	return DG_OK;
}

/* Builds m from c: DG_OK, DG_ENOMEM or DG_ERANGE. */
static int
model(const dg_chart *c, struct model *m)
{
	size_t i;
	int st;

	memset(m, 0, sizeof(*m));
	m->sum.isint = m->leftv.isint = 1;
	for (i = 0; i < c->n; i++)
		if ((st = dg_value_add(&m->sum, &c->bar[i].v)) != DG_OK)
			return st;
	if ((m->g = calloc(c->n + 1, sizeof(*m->g))) == NULL)
		return DG_ENOMEM;
	m->kind = time_kind(c);
	m->columns = m->kind != DG_NOPERIOD || c->layout == DG_COLUMNS;
	if (m->kind != DG_NOPERIOD) {
		if (periods(c, m) != DG_OK)
			return DG_ENOMEM;
	} else {
		for (i = 0; i < c->n; i++) {
			m->g[i].label = c->bar[i].label;
			m->g[i].v = c->bar[i].v;
			m->g[i].merged = c->bar[i].merged;
			m->g[i].other = c->bar[i].merged > 0;
		}
		m->ng = c->n;
	}
	for (i = 0; i < m->ng; i++)
		if (m->g[i].v.d > m->max)
			m->max = m->g[i].v.d;
	return DG_OK;
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

/* Each group's texts, written once (into an arena) and used in the
 * description, the tooltip and beside the bar. */
struct text {
	size_t lab;	/* the escaped label at lab... */
	size_t val;	/* ...up to val, its value (and share) up to end */
	size_t end;
};

struct texts {
	dg_buf a;	/* the arena */
	struct text *t;	/* one per group */
	double labelw;	/* the widest label */
	size_t valuen;	/* the longest value, in characters */
};

/* The escaped label of group i. */
static void
label_text(struct w *w, const struct texts *x, size_t i)
{
	putn(w, x->a.p + x->t[i].lab, x->t[i].val - x->t[i].lab);
}

/* The value of group i, and its share with shares. */
static void
value_text(struct w *w, const struct texts *x, size_t i)
{
	putn(w, x->a.p + x->t[i].val, x->t[i].end - x->t[i].val);
}

/* " (N rows)" */
static void
rows(struct w *w, uint64_t n)
{
	char s[48];

	snprintf(s, sizeof(s), " (%llu %s)", (unsigned long long)n,
	    n == 1 ? "row" : "rows");
	put(w, s);
}

/* "label: value (share)", or "other (N rows): value (share)". */
static void
phrase(struct w *w, const struct texts *x, const struct group *g, size_t i)
{
	label_text(w, x, i);
	if (g->merged > 0)
		rows(w, g->merged);
	putn(w, ": ", 2);
	value_text(w, x, i);
}

/* Writes the texts of every group into x, and finds the widest label
 * and the longest value.  DG_OK or DG_ENOMEM. */
static int
measure(const dg_chart *c, const struct model *m, struct texts *x)
{
	char s[DG_SVG_NUM];
	struct text *t;
	size_t i, vn;
	double cw;

	if ((x->t = malloc((m->ng + 1) * sizeof(*x->t))) == NULL)
		return DG_ENOMEM;
	x->labelw = 0;
	x->valuen = 0;
	for (i = 0; i < m->ng; i++) {
		t = &x->t[i];
		t->lab = x->a.len;
		if (dg_svg_escape(&x->a, label_of(&m->g[i]).p,
		    label_of(&m->g[i]).n) != DG_OK)
			return DG_ENOMEM;
		t->val = x->a.len;
		if (dg_svg_value(&x->a, &m->g[i].v) != DG_OK)
			return DG_ENOMEM;
		vn = x->a.len - t->val;
		if (c->shares && dg_buf_add(&x->a, s, dg_svg_share_str(s,
		    m->g[i].v.d, m->sum.d)) != DG_OK)
			return DG_ENOMEM;
		t->end = x->a.len;
		cw = label_width(label_of(&m->g[i]));
		if (cw > x->labelw)
			x->labelw = cw;
		if (vn + share_columns(c) > x->valuen)
			x->valuen = vn + share_columns(c);
	}
	return DG_OK;
}

static const char *const kind_names[4][2] = {
	{ "", "" }, { "year", "years" }, { "month", "months" },
	{ "day", "days" }
};

/* "day", "days"... for n periods of kind. */
static const char *
kind_name(int kind, uint64_t n)
{
	return kind_names[kind][n != 1];
}

/* The period of slot, as a label. */
static void
period(struct w *w, int kind, int64_t slot)
{
	char s[DG_PERIOD_MAX];

	putn(w, s, dg_period_format(s, kind, slot));
}

/* " lines with an empty label, total V": what a time axis left out. */
static void
left_out(struct w *w, const struct model *m)
{
	char s[64];

	snprintf(s, sizeof(s), "%llu %s with an empty label, total ",
	    (unsigned long long)m->left, m->left == 1 ? "line" : "lines");
	put(w, s);
	value(w, &m->leftv);
}

/* What the chart shows, in words, for the <desc>. */
static void
describe(struct w *w, const dg_chart *c, const struct model *m,
    const struct texts *x)
{
	char s[96];
	uint64_t slots;
	size_t i;

	if (c->n == 0) {
		put(w, "No data.");
		return;
	}
	if (m->kind != DG_NOPERIOD) {
		slots = (uint64_t)(m->last - m->first) + 1;
		put(w, "Column chart by ");
		put(w, kind_name(m->kind, 1));
		put(w, ", ");
		period(w, m->kind, m->first);
		put(w, " to ");
		period(w, m->kind, m->last);
		snprintf(s, sizeof(s), ": %llu %s, %llu of them empty; total ",
		    (unsigned long long)slots, kind_name(m->kind, slots),
		    (unsigned long long)(slots - m->ng));
		put(w, s);
	} else {
		snprintf(s, sizeof(s), "%s chart of %zu %s, total ",
		    m->columns ? "Column" : "Bar", m->ng,
		    m->ng == 1 ? "value" : "values");
		put(w, s);
	}
	value(w, &m->sum);
	put(w, ". ");
	for (i = 0; i < m->ng; i++) {
		phrase(w, x, &m->g[i], i);
		put(w, i + 1 < m->ng ? "; " : ".");
	}
	if (m->left > 0) {
		put(w, " Not on the time axis: ");
		left_out(w, m);
		put(w, ".");
	}
}

static void
head(struct w *w, const dg_chart *c, const struct model *m,
    const struct texts *x, double width, double height)
{
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
	describe(w, c, m, x);
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

/* Tick i of t. */
static void
tick(struct w *w, const dg_ticks *t, unsigned i)
{
	if (w->err == DG_OK)
		w->err = dg_svg_tick(w->b, t, i);
}

/* The characters of the widest tick label of t. */
static size_t
tick_columns(const dg_ticks *t)
{
	dg_buf b = { NULL, 0, 0 };
	size_t n = 0;
	unsigned i;

	for (i = 0; i <= t->count; i++) {
		b.len = 0;
		if (dg_svg_tick(&b, t, i) == DG_OK && b.len > n)
			n = b.len;
	}
	dg_buf_free(&b);
	return n;
}

/* --- horizontal bars ---------------------------------------------------- */

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
		tick(w, t, i);
		put(w, "</text>\n");
	}
	put(w, "</g>\n");
}

static void
bars(struct w *w, const struct model *m, const struct texts *x,
    const dg_ticks *t, double lx, double x0, double plot)
{
	const struct group *g;
	double y, len;
	size_t i;

	for (i = 0; i < m->ng; i++) {
		g = &m->g[i];
		y = TOP + (double)i * ROW + (ROW - BAR) / 2.0;
		/* Divided first: plot * v overflows for v near the largest
		 * double. */
		len = plot * (g->v.d / t->top);
		if (g->v.d > 0 && len < 1)
			len = 1;	/* a value above zero stays visible */
		put(w, "<g class=\"row\"><title>");
		phrase(w, x, g, i);
		put(w, "</title>\n<text class=\"fg\" fill=\"#1f2328\""
		    " text-anchor=\"end\"");
		attr(w, " x=\"", lx);
		attr(w, " y=\"", y + 12.5);
		put(w, ">");
		label_text(w, x, i);
		put(w, g->other ? "</text>\n<rect class=\"other\""
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

static void
bar_chart(struct w *w, const dg_chart *c, const struct model *m,
    const struct texts *x)
{
	double width, height, plot, x0, valuew = VCOL * (double)x->valuen;
	dg_ticks t;

	width = c->width;
	x0 = PAD + x->labelw + GAP;
	plot = width - x0 - 4 - valuew - PAD;
	if (plot < MINPLOT) {
		plot = MINPLOT;
		width = x0 + plot + 4 + valuew + PAD;
	}
	height = TOP + (double)m->ng * ROW + AXIS + PAD;
	head(w, c, m, x, width, height);
	/* About one tick per 100 pixels. */
	dg_svg_ticks(m->max, plot >= 200 ? (unsigned)(plot / 100) : 2, &t);
	grid(w, &t, x0, plot, TOP + (double)m->ng * ROW);
	bars(w, m, x, &t, x0 - GAP, x0, plot);
}

/* --- columns ------------------------------------------------------------ */

/* Where the columns go. */
struct cols {
	double x0;		/* left of the plot */
	double plot;		/* its width */
	double slot;		/* the width of a slot */
	double colw;		/* of a column, centred in its slot */
	double y0, y1;		/* top and bottom (the zero line) */
	double labely;		/* baseline of the labels under the plot */
	int slant;		/* labels at 45 degrees */
	int values;		/* values over the columns */
	double width, height;
	dg_ticks t;		/* the value axis */
	dg_pticks pt;		/* the time axis */
};

/* The place of group i along the axis: its slot. */
static double
place(const struct model *m, size_t i)
{
	return m->kind != DG_NOPERIOD ? (double)(m->g[i].slot - m->first) :
	    (double)i;
}

static void
column_layout(const dg_chart *c, const struct model *m,
    const struct texts *x, struct cols *k)
{
	double slots, right = PAD, minslot = MINSLOT, fit;

	slots = m->kind != DG_NOPERIOD ? (double)(m->last - m->first) + 1 :
	    (double)m->ng;
	dg_svg_ticks(m->max, PLOTH / 48, &k->t);
	k->x0 = PAD + TCOL * (double)tick_columns(&k->t) + GAP;
	if (m->kind != DG_NOPERIOD)
		/* Half a date under the last slot. */
		right += TCOL * DG_PERIOD_MAX / 2;
	else if (x->labelw + 4 > (c->width - k->x0 - right) / slots) {
		/*
		 * Labels too wide for their slots slant down to the left
		 * from the middle of the slot: the first one needs room
		 * there.  x0 + slot / 2 - labelw * SLANT >= PAD, where
		 * slot = (width - x0 - right) / slots, or at least ROTSLOT.
		 */
		k->slant = 1;
		minslot = ROTSLOT;
		fit = (PAD + x->labelw * SLANT - (c->width - right) /
		    (2 * slots)) / (1 - 1 / (2 * slots));
		if ((c->width - fit - right) / slots < ROTSLOT)
			fit = PAD + x->labelw * SLANT - ROTSLOT / 2.0;
		if (fit > k->x0)
			k->x0 = fit;
	}
	k->plot = c->width - k->x0 - right;
	if (k->plot < MINPLOT)
		k->plot = MINPLOT;
	k->slot = k->plot / slots;
	if (k->slot < minslot) {
		fit = m->kind != DG_NOPERIOD && slots * minslot > MAXPLOT ?
		    MAXPLOT : slots * minslot;
		if (fit > k->plot)
			k->plot = fit;
		k->slot = k->plot / slots;
	}
	k->width = k->x0 + k->plot + right;
	/* A column and a gap of a fifth (at least 1) while slots are wide
	 * enough; beyond MAXPLOT they touch, at least 1 wide. */
	k->colw = k->slot >= MINSLOT ? k->slot - (k->slot >= 5 ? k->slot / 5 :
	    1) : k->slot;
	if (k->colw > MAXCOLW)
		k->colw = MAXCOLW;
	if (k->colw < 1)
		k->colw = 1;
	k->values = VCOL * (double)x->valuen <= k->slot - 2;
	k->y0 = TOP + 16;
	k->y1 = k->y0 + PLOTH;
	k->labely = k->y1 + 18;
	k->height = k->labely + PAD;
	if (k->slant)
		k->height = k->y1 + 12 + x->labelw * SLANT + PAD;
	if (m->left > 0)
		k->height += 20;
	if (m->kind != DG_NOPERIOD)
		dg_period_ticks(m->kind, k->slot, TCOL, 2 * GAP, &k->pt);
}

/* The value axis: grid lines and their labels, left of the plot. */
static void
value_axis(struct w *w, const struct cols *k)
{
	double y;
	unsigned i;

	put(w, "<g class=\"grid\" stroke=\"#d8dee4\" stroke-width=\"1\">\n");
	for (i = 0; i <= k->t.count; i++) {
		y = k->y1 - (double)PLOTH * i / k->t.count;
		put(w, "<line");
		attr(w, " x1=\"", k->x0 - 4);
		attr(w, " y1=\"", y);
		attr(w, " x2=\"", k->x0 + k->plot);
		attr(w, " y2=\"", y);
		put(w, "/>\n");
	}
	put(w, "</g>\n<g class=\"mu\" fill=\"#59636e\" font-size=\"11\""
	    " text-anchor=\"end\">\n");
	for (i = 0; i <= k->t.count; i++) {
		put(w, "<text");
		attr(w, " x=\"", k->x0 - 8);
		attr(w, " y=\"", k->y1 - (double)PLOTH * i / k->t.count + 4);
		put(w, ">");
		tick(w, &k->t, i);
		put(w, "</text>\n");
	}
	put(w, "</g>\n");
}

/* The time axis: a mark and a label at each tick. */
static void
time_axis(struct w *w, const struct model *m, const struct cols *k)
{
	int64_t s;
	double cx;

	put(w, "<g class=\"mu\" fill=\"#59636e\" font-size=\"11\""
	    " text-anchor=\"middle\">\n");
	for (s = dg_period_next_tick(m->kind, &k->pt, m->first);
	    s <= m->last; s = dg_period_next_tick(m->kind, &k->pt, s + 1)) {
		cx = k->x0 + ((double)(s - m->first) + 0.5) * k->slot;
		put(w, "<rect");
		attr(w, " x=\"", cx - 0.5);
		attr(w, " y=\"", k->y1);
		put(w, " width=\"1\" height=\"4\"/><text");
		attr(w, " x=\"", cx);
		attr(w, " y=\"", k->labely);
		put(w, ">");
		period(w, k->pt.unit, dg_period_coarsen(m->kind, k->pt.unit,
		    s));
		put(w, "</text>\n");
	}
	put(w, "</g>\n");
}

/* The labels of columns in input order, each under its column. */
static void
column_labels(struct w *w, const struct model *m, const struct texts *x,
    const struct cols *k)
{
	double cx, y = k->slant ? k->y1 + 12 : k->labely;
	size_t i;

	put(w, k->slant ? "<g class=\"fg\" fill=\"#1f2328\" font-size=\"12\""
	    " text-anchor=\"end\">\n" : "<g class=\"fg\" fill=\"#1f2328\""
	    " font-size=\"12\" text-anchor=\"middle\">\n");
	for (i = 0; i < m->ng; i++) {
		cx = k->x0 + ((double)i + 0.5) * k->slot;
		put(w, "<text");
		attr(w, " x=\"", cx);
		attr(w, " y=\"", y);
		if (k->slant) {
			put(w, " transform=\"rotate(-45 ");
			coord(w, cx);
			put(w, " ");
			coord(w, y);
			put(w, ")\"");
		}
		put(w, ">");
		label_text(w, x, i);
		put(w, "</text>\n");
	}
	put(w, "</g>\n");
}

static void
columns(struct w *w, const struct model *m, const struct texts *x,
    const struct cols *k)
{
	const struct group *g;
	double cx, h;
	size_t i;

	for (i = 0; i < m->ng; i++) {
		g = &m->g[i];
		cx = k->x0 + (place(m, i) + 0.5) * k->slot;
		h = PLOTH * (g->v.d / k->t.top);
		if (g->v.d > 0 && h < 1)
			h = 1;	/* a value above zero stays visible */
		put(w, "<g class=\"row\"><title>");
		phrase(w, x, g, i);
		put(w, g->other ? "</title>\n<rect class=\"other\""
		    " fill=\"#9aa5b1\"" : "</title>\n<rect class=\"bar\""
		    " fill=\"#4e79a7\"");
		attr(w, " x=\"", cx - k->colw / 2);
		attr(w, " y=\"", k->y1 - h);
		attr(w, " width=\"", k->colw);
		attr(w, " height=\"", h);
		put(w, "/>");
		if (k->values) {
			put(w, "\n<text class=\"mu\" fill=\"#59636e\""
			    " font-size=\"11\" text-anchor=\"middle\"");
			attr(w, " x=\"", cx);
			attr(w, " y=\"", k->y1 - h - 4);
			put(w, ">");
			value_text(w, x, i);
			put(w, "</text>");
		}
		put(w, "</g>\n");
	}
}

static void
column_chart(struct w *w, const dg_chart *c, const struct model *m,
    const struct texts *x)
{
	struct cols k;

	memset(&k, 0, sizeof(k));
	column_layout(c, m, x, &k);
	head(w, c, m, x, k.width, k.height);
	value_axis(w, &k);
	if (m->kind != DG_NOPERIOD)
		time_axis(w, m, &k);
	else
		column_labels(w, m, x, &k);
	columns(w, m, x, &k);
	if (m->left > 0) {
		put(w, "<text class=\"mu\" fill=\"#59636e\" font-size=\"12\"");
		attr(w, " x=\"", PAD);
		attr(w, " y=\"", k.height - PAD - 4);
		put(w, ">Not on the time axis: ");
		left_out(w, m);
		put(w, "</text>\n");
	}
}

int
dg_chart_svg(dg_buf *b, const dg_chart *c)
{
	struct w w = { b, c, DG_OK };
	struct texts x = { { NULL, 0, 0 }, NULL, 0, 0 };
	struct model m;
	int st;

	if ((st = model(c, &m)) != DG_OK || (st = measure(c, &m, &x)) !=
	    DG_OK) {
		free(m.g);
		free(x.t);
		dg_buf_free(&x.a);
		return st;
	}
	if (c->n == 0) {
		/* As wide as a bar chart of nothing. */
		head(&w, c, &m, &x, c->width < PAD + GAP + MINPLOT + 4 + PAD ?
		    PAD + GAP + MINPLOT + 4 + PAD : c->width, TOP + ROW * 2 +
		    PAD);
		put(&w, "<text class=\"mu\" fill=\"#59636e\"");
		attr(&w, " x=\"", PAD);
		attr(&w, " y=\"", TOP + ROW);
		put(&w, ">No data</text>\n");
	} else if (m.columns)
		column_chart(&w, c, &m, &x);
	else
		bar_chart(&w, c, &m, &x);
	put(&w, "</svg>\n");
	if (w.err == DG_OK && c->out != NULL && b->len > 0 &&
	    (w.err = c->out(c->arg, b->p, b->len)) == DG_OK)
		b->len = 0;
	free(m.g);
	free(x.t);
	dg_buf_free(&x.a);
	return w.err;
}
