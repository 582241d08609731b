/*
 * chart.c - bar and column charts as standalone SVG documents: bars in
 * input order, or columns on a time axis (one slot per day, month or
 * year from the first to the last, so that gaps show); with two keys,
 * stacked by the second, in colours told apart by colour-blind readers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "model.h"
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
#define NAMEROW	20	/* for the name of the values on their axis */
/* Columns: */
#define PLOTH	240	/* height of the plot */
#define TCOL	6.6	/* one column of 11px tick text */
#define MINSLOT	4	/* narrowest slot of a time axis: a column of 3
			   and a gap of 1 before the chart widens */
#define MAXPLOT	16000	/* widest plot a time axis widens to */
#define MAXCOLW	48	/* widest column */
#define ROTSLOT	18	/* narrowest slot under a slanted label */
#define SLANT	0.7071	/* sin and cos of the 45 degree slant */
/* The legend of a stacked chart: */
#define KEYROW	20	/* one row of it */
#define SWATCH	12	/* a colour's square */
#define KEYGAP	18	/* after an entry */
#define KCOL	(COL * 12 / 13)	/* one column of 12px legend text */

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

/*
 * The colours of stacked charts: the Okabe-Ito palette, which readers
 * with any common colour blindness tell apart, in its order, without its
 * black (which would vanish on a dark background); they read on both
 * backgrounds.  The rest, "other", is grey.  Swatches have a faint
 * outline (yellow on white needs one); segments a thin line of the
 * background between them.
 */
#define NCOLOURS 7
static const char *const colours[NCOLOURS] = {
	"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00",
	"#cc79a7"
};

static const char stack_style[] =
    "<style>\n"
    ".s1 { fill: #e69f00; }\n"
    ".s2 { fill: #56b4e9; }\n"
    ".s3 { fill: #009e73; }\n"
    ".s4 { fill: #f0e442; }\n"
    ".s5 { fill: #0072b2; }\n"
    ".s6 { fill: #d55e00; }\n"
    ".s7 { fill: #cc79a7; }\n"
    ".so { fill: #9aa5b1; }\n"
    ".key rect { stroke: #1f2328; stroke-opacity: 0.3; }\n"
    ".row rect { stroke: #ffffff; stroke-width: 0.5; }\n"
    ".row rect:hover { fill-opacity: 0.75; }\n"
    "@media (prefers-color-scheme: dark) {\n"
    "  .so { fill: #6e7681; }\n"
    "  .key rect { stroke: #e6edf3; }\n"
    "  .row rect { stroke: #0d1117; }\n"
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


/* --- texts -------------------------------------------------------------- */

/*
 * The width of a label: COL a column, more for the letters wider than
 * that in common sans fonts (DejaVu Sans: capitals up to 0.79em, W, m
 * and @ about 1em), so that a label of capitals is not cut either.
 * extra[c] is what ASCII letter c adds, in hundredths of a column.
 */
static const unsigned char extra[128] = {
	['%'] = 60, ['&'] = 25, ['@'] = 60,
	['A'] = 25, ['B'] = 25, ['C'] = 25, ['D'] = 25, ['E'] = 25,
	['F'] = 25, ['G'] = 25, ['H'] = 25, ['I'] = 25, ['J'] = 25,
	['K'] = 25, ['L'] = 25, ['M'] = 60, ['N'] = 25, ['O'] = 25,
	['P'] = 25, ['Q'] = 25, ['R'] = 25, ['S'] = 25, ['T'] = 25,
	['U'] = 25, ['V'] = 25, ['W'] = 60, ['X'] = 25, ['Y'] = 25,
	['Z'] = 25, ['m'] = 60, ['w'] = 60
};

static double
label_width(dg_str s)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0, run, cols = 0, more = 0;

	while (i < s.n) {
		if (p[i] >= 0x80) {
			/* A run of non-ASCII bytes: whole characters. */
			for (run = i; run < s.n && p[run] >= 0x80; run++)
				continue;
			cols += dg_svg_columns(s.p + i, run - i);
			i = run;
			continue;
		}
		cols++;
		more += extra[p[i++]];
	}
	return COL * (double)cols + COL * (double)more / 100;
}

static size_t
share_columns(const dg_chart *c)
{
	return c->shares ? 9 : 0;	/* " (100.0%)" */
}

/* Each group's texts, written once (into an arena) and used in the
 * description, the tooltip and beside the bar; and each series'. */
struct text {
	size_t lab;	/* the escaped label at lab... */
	size_t val;	/* ...up to val, its value (and share) up to end */
	size_t end;
};

struct texts {
	dg_buf a;	/* the arena */
	struct text *t;	/* one per group */
	struct text *st;	/* one per series: its escaped label */
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

/* The escaped label of series k. */
static void
series_text(struct w *w, const struct texts *x, size_t k)
{
	putn(w, x->a.p + x->st[k].lab, x->st[k].end - x->st[k].lab);
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
phrase(struct w *w, const struct texts *x, const dg_group *g, size_t i)
{
	label_text(w, x, i);
	if (g->merged > 0)
		rows(w, g->merged);
	putn(w, ": ", 2);
	value_text(w, x, i);
}

/* Appends s escaped to the arena: DG_OK or DG_ENOMEM. */
static int
text_add(struct texts *x, dg_str s)
{
	s = dg_model_text(s);
	return dg_svg_escape(&x->a, s.p, s.n);
}

/* Writes the texts of every group and series into x, and finds the
 * widest label and the longest value.  DG_OK or DG_ENOMEM. */
static int
measure(const dg_chart *c, const dg_model *m, struct texts *x)
{
	char s[DG_SVG_NUM];
	const dg_group *g;
	dg_group tmp;
	struct text *t;
	size_t i, vn;
	double cw;

	if ((x->t = malloc((m->ng + 1) * sizeof(*x->t))) == NULL ||
	    (x->st = malloc((m->nser + 1) * sizeof(*x->st))) == NULL)
		return DG_ENOMEM;
	x->labelw = 0;
	x->valuen = 0;
	for (i = 0; i < m->ng; i++) {
		g = dg_model_group(m, i, &tmp);
		t = &x->t[i];
		t->lab = x->a.len;
		if (text_add(x, g->label) != DG_OK)
			return DG_ENOMEM;
		t->val = x->a.len;
		if (dg_svg_value(&x->a, &g->v) != DG_OK)
			return DG_ENOMEM;
		vn = x->a.len - t->val;
		if (c->shares && dg_buf_add(&x->a, s, dg_svg_share_str(s,
		    g->v.d, m->sum.d)) != DG_OK)
			return DG_ENOMEM;
		t->end = x->a.len;
		cw = label_width(dg_model_text(g->label));
		if (cw > x->labelw)
			x->labelw = cw;
		if (vn + share_columns(c) > x->valuen)
			x->valuen = vn + share_columns(c);
	}
	for (i = 0; i < m->nser; i++) {
		x->st[i].lab = x->a.len;
		if (text_add(x, m->ser[i].label) != DG_OK)
			return DG_ENOMEM;
		x->st[i].end = x->a.len;
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
left_out(struct w *w, const dg_model *m)
{
	char s[64];

	snprintf(s, sizeof(s), "%llu %s with an empty label, total ",
	    (unsigned long long)m->left, m->left == 1 ? "line" : "lines");
	put(w, s);
	value(w, &m->leftv);
}

/* The legend text of series k: "other (N more)" for the rest. */
static void
series_name(struct w *w, const dg_model *m, const struct texts *x,
    size_t k)
{
	char s[48];

	series_text(w, x, k);
	if (m->ser[k].merged > 0) {
		snprintf(s, sizeof(s), " (%llu more)",
		    (unsigned long long)m->ser[k].merged);
		put(w, s);
	}
}

/* "the colours: LLM (40), Vision (22), other (3 more, 13)." */
static void
describe_series(struct w *w, const dg_chart *c, const dg_model *m,
    const struct texts *x)
{
	char s[48];
	size_t k;

	put(w, " Colours by ");
	if (c->key2name.n > 0)
		esc(w, c->key2name);
	else
		put(w, "second key");
	put(w, ": ");
	for (k = 0; k < m->nser; k++) {
		series_text(w, x, k);
		put(w, " (");
		if (m->ser[k].merged > 0) {
			snprintf(s, sizeof(s), "%llu more, ",
			    (unsigned long long)m->ser[k].merged);
			put(w, s);
		}
		value(w, &m->ser[k].total);
		put(w, k + 1 < m->nser ? "), " : ").");
	}
}

/* "LLM 5, Vision 4, other 3": the segments of group g. */
static void
describe_stack(struct w *w, const dg_model *m, const struct texts *x,
    const dg_group *g)
{
	size_t k;

	put(w, ", of which ");
	for (k = 0; k < g->nseg; k++) {
		series_text(w, x, m->s[g->seg + k].series);
		put(w, " ");
		value(w, &m->s[g->seg + k].v);
		if (k + 1 < g->nseg)
			put(w, ", ");
	}
}

/* What the values are: the chart's name for them, or "value". */
static void
what(struct w *w, const dg_chart *c)
{
	if (c->what.n > 0)
		esc(w, c->what);
	else
		put(w, "value");
}

/*
 * What the chart shows, in words, for the <desc>: "Bar chart of
 * sources: 7 bars, total 12.", "Column chart of sources by day,
 * 2024-10-01 to 2024-10-21 (21 days, 15 of them empty): total 76.",
 * "Stacked column chart of ...", then every bar or column.
 */
static void
describe(struct w *w, const dg_chart *c, const dg_model *m,
    const struct texts *x)
{
	char s[96];
	const dg_group *g;
	dg_group tmp;
	uint64_t slots;
	size_t i;

	if (c->n == 0) {
		put(w, "No data.");
		return;
	}
	put(w, m->keys == 2 ? "Stacked " : "");
	put(w, m->columns ? (m->keys == 2 ? "column" : "Column") :
	    (m->keys == 2 ? "bar" : "Bar"));
	put(w, " chart of ");
	what(w, c);
	if (m->kind != DG_NOPERIOD) {
		slots = (uint64_t)(m->last - m->first) + 1;
		put(w, " by ");
		put(w, kind_name(m->kind, 1));
		put(w, ", ");
		period(w, m->kind, m->first);
		put(w, " to ");
		period(w, m->kind, m->last);
		snprintf(s, sizeof(s), " (%llu %s, %llu of them empty)",
		    (unsigned long long)slots, kind_name(m->kind, slots),
		    (unsigned long long)(slots - m->ng));
	} else
		snprintf(s, sizeof(s), ": %zu %s", m->ng, m->columns ?
		    (m->ng == 1 ? "column" : "columns") : (m->ng == 1 ?
		    "bar" : "bars"));
	put(w, s);
	put(w, m->kind != DG_NOPERIOD ? ": total " : ", total ");
	value(w, &m->sum);
	put(w, ".");
	if (m->keys == 2)
		describe_series(w, c, m, x);
	put(w, " ");
	for (i = 0; i < m->ng; i++) {
		g = dg_model_group(m, i, &tmp);
		phrase(w, x, g, i);
		if (m->keys == 2)
			describe_stack(w, m, x, g);
		put(w, i + 1 < m->ng ? "; " : ".");
	}
	if (m->left > 0) {
		put(w, " Not on the time axis: ");
		left_out(w, m);
		put(w, ".");
	}
}

/* --- the document ------------------------------------------------------- */

static void
head(struct w *w, const dg_chart *c, const dg_model *m,
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
	if (m->keys == 2)
		put(w, stack_style);
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

/* The class and fill of series k: ' class="s1" fill="#e69f00"'. */
static void
paint(struct w *w, const dg_model *m, size_t k)
{
	char s[64];

	if (m->ser[k].merged > 0)
		put(w, " class=\"so\" fill=\"#9aa5b1\"");
	else {
		snprintf(s, sizeof(s), " class=\"s%zu\" fill=\"%s\"",
		    k % NCOLOURS + 1, colours[k % NCOLOURS]);
		put(w, s);
	}
}

/* The width of series k's legend entry. */
static double
key_width(const dg_model *m, size_t k)
{
	dg_str s = dg_model_text(m->ser[k].label);

	/* " (N more)" is at most 12 columns more. */
	return SWATCH + 6 + label_width(s) * 12 / 13 +
	    (m->ser[k].merged > 0 ? KCOL * 12 : 0) + KEYGAP;
}

/* The legend: rows of swatches and names from the left, as wide as
 * width allows.  With draw unset, only how many rows. */
static size_t
legend(struct w *w, const dg_model *m, const struct texts *x, double width,
    double y, int draw)
{
	double kx = PAD, kw;
	size_t k, nrows = m->nser > 0;

	if (draw)
		put(w, "<g class=\"key\" font-size=\"12\">\n");
	for (k = 0; k < m->nser; k++) {
		kw = key_width(m, k);
		if (kx > PAD && kx + kw - KEYGAP > width - PAD) {
			kx = PAD;
			nrows++;
		}
		if (draw) {
			put(w, "<rect");
			paint(w, m, k);
			attr(w, " x=\"", kx);
			attr(w, " y=\"", y + (nrows - 1) * KEYROW);
			attr(w, " width=\"", SWATCH);
			attr(w, " height=\"", SWATCH);
			put(w, "/><text class=\"fg\" fill=\"#1f2328\"");
			attr(w, " x=\"", kx + SWATCH + 6);
			attr(w, " y=\"", y + (nrows - 1) * KEYROW + 10.5);
			put(w, ">");
			series_name(w, m, x, k);
			put(w, "</text>\n");
		}
		kx += kw;
	}
	if (draw)
		put(w, "</g>\n");
	return nrows;
}

/* The height the legend takes at width: nothing with one key. */
static double
legend_height(const dg_model *m, const struct texts *x, double width)
{
	if (m->keys == 1)
		return 0;
	return (double)legend(NULL, m, x, width, 0, 0) * KEYROW + 4;
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

/*
 * The edges of a stack from the zero line z: edge k is where segment k
 * ends, at z + len * (the sum of the segments up to k) / top (len
 * negative for columns, which grow up), in tenths of a pixel, so that
 * the segments written touch exactly.
 */
static double
edge(double z, double len, double sum, double top)
{
	double e = z + len * (sum / top);

	return (double)(int64_t)(e * 10 + (e >= 0 ? 0.5 : -0.5)) / 10;
}

/* The tooltip of segment k of group i: "K1, K2: value", with the
 * lines when more than one, or always for "other". */
static void
segment_title(struct w *w, const dg_model *m, const struct texts *x,
    size_t i, const dg_seg *s)
{
	put(w, "<title>");
	label_text(w, x, i);
	put(w, ", ");
	series_text(w, x, s->series);
	if (s->lines > 1 || m->ser[s->series].merged > 0)
		rows(w, s->lines);
	put(w, ": ");
	value(w, &s->v);
	put(w, "</title>");
}

/* --- horizontal bars ---------------------------------------------------- */

static void
grid(struct w *w, const dg_ticks *t, double x0, double plot, double y0,
    double y1)
{
	double x;
	unsigned i;

	put(w, "<g class=\"grid\" stroke=\"#d8dee4\" stroke-width=\"1\">\n");
	for (i = 0; i <= t->count; i++) {
		x = x0 + plot * i / t->count;
		put(w, "<line");
		attr(w, " x1=\"", x);
		attr(w, " y1=\"", y0 - 4);
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

/* The segments of stacked bar i, left to right. */
static double
bar_stack(struct w *w, const dg_model *m, const struct texts *x,
    const dg_ticks *t, size_t i, double x0, double plot, double y)
{
	const dg_group *g = &m->g[i];
	const dg_seg *s;
	double sum = 0, a = x0, b = x0;
	size_t k;

	for (k = 0; k < g->nseg; k++) {
		s = &m->s[g->seg + k];
		sum += s->v.d;
		b = edge(x0, plot, sum, t->top);
		put(w, "<rect");
		paint(w, m, s->series);
		attr(w, " x=\"", a);
		attr(w, " y=\"", y);
		attr(w, " width=\"", b - a);
		attr(w, " height=\"", BAR);
		put(w, ">");
		segment_title(w, m, x, i, s);
		put(w, "</rect>\n");
		a = b;
	}
	return b - x0;
}

/* ' name="v"' written once, for an attribute every bar has. */
struct fixed {
	char s[DG_SVG_NUM + 16];
	size_t n;
};

static void
fix(struct fixed *f, const char *name, double v)
{
	f->n = strlen(name);
	memcpy(f->s, name, f->n);
	f->n += dg_svg_coord_str(f->s + f->n, v);
	f->s[f->n++] = '"';
}

static void
bars(struct w *w, const dg_model *m, const struct texts *x,
    const dg_ticks *t, double y0, double lx, double x0, double plot)
{
	const dg_group *g;
	dg_group tmp;
	struct fixed lxs, x0s, hs;
	double y, len;
	size_t i;

	fix(&lxs, " x=\"", lx);
	fix(&x0s, " x=\"", x0);
	fix(&hs, " height=\"", BAR);
	for (i = 0; i < m->ng; i++) {
		g = dg_model_group(m, i, &tmp);
		y = y0 + (double)i * ROW + (ROW - BAR) / 2.0;
		/* Divided first: plot * v overflows for v near the largest
		 * double. */
		len = plot * (g->v.d / t->top);
		if (g->v.d > 0 && len < 1 && m->keys == 1)
			len = 1;	/* a value above zero stays visible */
		put(w, "<g class=\"row\"><title>");
		phrase(w, x, g, i);
		put(w, "</title>\n<text class=\"fg\" fill=\"#1f2328\""
		    " text-anchor=\"end\"");
		putn(w, lxs.s, lxs.n);
		attr(w, " y=\"", y + 12.5);
		put(w, ">");
		label_text(w, x, i);
		if (m->keys == 2) {
			put(w, "</text>\n");
			len = bar_stack(w, m, x, t, i, x0, plot, y);
			put(w, "<text class=\"mu\" fill=\"#59636e\""
			    " font-size=\"12\"");
		} else {
			put(w, g->other ? "</text>\n<rect class=\"other\""
			    " fill=\"#9aa5b1\"" : "</text>\n<rect class=\"bar\""
			    " fill=\"#4e79a7\"");
			putn(w, x0s.s, x0s.n);
			attr(w, " y=\"", y);
			attr(w, " width=\"", len);
			putn(w, hs.s, hs.n);
			put(w, "/>\n<text class=\"mu\" fill=\"#59636e\""
			    " font-size=\"12\"");
		}
		attr(w, " x=\"", x0 + len + 4);
		attr(w, " y=\"", y + 12);
		put(w, ">");
		value_text(w, x, i);
		put(w, "</text></g>\n");
	}
}

static void
bar_chart(struct w *w, const dg_chart *c, const dg_model *m,
    const struct texts *x)
{
	double width, height, plot, x0, y0, valuew = VCOL * (double)x->valuen;
	dg_ticks t;

	width = c->width;
	x0 = PAD + x->labelw + GAP;
	plot = width - x0 - 4 - valuew - PAD;
	if (plot < MINPLOT) {
		plot = MINPLOT;
		width = x0 + plot + 4 + valuew + PAD;
	}
	y0 = TOP + legend_height(m, x, width);
	height = y0 + (double)m->ng * ROW + AXIS + NAMEROW + PAD;
	head(w, c, m, x, width, height);
	if (m->keys == 2)
		legend(w, m, x, width, TOP - 4, 1);
	/* At most one tick per 100 pixels. */
	dg_svg_ticks(m->max, plot >= 200 ? (unsigned)(plot / 100) : 2,
	    m->sum.isint, &t);
	grid(w, &t, x0, plot, y0, y0 + (double)m->ng * ROW);
	/* What the values are, under the middle of their axis. */
	put(w, "<text class=\"mu\" fill=\"#59636e\" font-size=\"12\""
	    " text-anchor=\"middle\"");
	attr(w, " x=\"", x0 + plot / 2);
	attr(w, " y=\"", y0 + (double)m->ng * ROW + AXIS + 16);
	put(w, ">");
	what(w, c);
	put(w, "</text>\n");
	bars(w, m, x, &t, y0, x0 - GAP, x0, plot);
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
place(const dg_model *m, size_t i)
{
	return m->kind != DG_NOPERIOD ? (double)(m->g[i].slot - m->first) :
	    (double)i;
}

static void
column_layout(const dg_chart *c, const dg_model *m,
    const struct texts *x, struct cols *k)
{
	double slots, right = PAD, minslot = MINSLOT, fit;

	slots = m->kind != DG_NOPERIOD ? (double)(m->last - m->first) + 1 :
	    (double)m->ng;
	dg_svg_ticks(m->max, PLOTH / 40, m->sum.isint, &k->t);
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
	k->y0 = TOP + legend_height(m, x, k->width) + NAMEROW + 8;
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
value_axis(struct w *w, const dg_chart *c, const struct cols *k)
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
	/* What the values are, over their axis. */
	put(w, "<text class=\"mu\" fill=\"#59636e\" font-size=\"12\"");
	attr(w, " x=\"", PAD);
	attr(w, " y=\"", k->y0 - 16);
	put(w, ">");
	what(w, c);
	put(w, "</text>\n");
}

/* The time axis: a mark and a label at each tick. */
static void
time_axis(struct w *w, const dg_model *m, const struct cols *k)
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
column_labels(struct w *w, const dg_model *m, const struct texts *x,
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

/* The segments of stacked column i, bottom up; returns its height. */
static double
column_stack(struct w *w, const dg_model *m, const struct texts *x,
    const struct cols *k, size_t i, double cx)
{
	const dg_group *g = &m->g[i];
	const dg_seg *s;
	double sum = 0, a = k->y1, b = k->y1;
	size_t j;

	for (j = 0; j < g->nseg; j++) {
		s = &m->s[g->seg + j];
		sum += s->v.d;
		b = edge(k->y1, -PLOTH, sum, k->t.top);
		put(w, "<rect");
		paint(w, m, s->series);
		attr(w, " x=\"", cx - k->colw / 2);
		attr(w, " y=\"", b);
		attr(w, " width=\"", k->colw);
		attr(w, " height=\"", a - b);
		put(w, ">");
		segment_title(w, m, x, i, s);
		put(w, "</rect>\n");
		a = b;
	}
	return k->y1 - b;
}

static void
columns(struct w *w, const dg_model *m, const struct texts *x,
    const struct cols *k)
{
	const dg_group *g;
	dg_group tmp;
	double cx, h;
	size_t i;

	for (i = 0; i < m->ng; i++) {
		g = dg_model_group(m, i, &tmp);
		cx = k->x0 + (place(m, i) + 0.5) * k->slot;
		put(w, "<g class=\"row\"><title>");
		phrase(w, x, g, i);
		put(w, "</title>\n");
		if (m->keys == 2)
			h = column_stack(w, m, x, k, i, cx);
		else {
			h = PLOTH * (g->v.d / k->t.top);
			if (g->v.d > 0 && h < 1)
				h = 1;	/* above zero stays visible */
			put(w, g->other ? "<rect class=\"other\""
			    " fill=\"#9aa5b1\"" : "<rect class=\"bar\""
			    " fill=\"#4e79a7\"");
			attr(w, " x=\"", cx - k->colw / 2);
			attr(w, " y=\"", k->y1 - h);
			attr(w, " width=\"", k->colw);
			attr(w, " height=\"", h);
			put(w, "/>");
		}
		if (k->values) {
			put(w, m->keys == 1 ? "\n" : "");
			put(w, "<text class=\"mu\" fill=\"#59636e\""
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
column_chart(struct w *w, const dg_chart *c, const dg_model *m,
    const struct texts *x)
{
	struct cols k;

	memset(&k, 0, sizeof(k));
	column_layout(c, m, x, &k);
	head(w, c, m, x, k.width, k.height);
	if (m->keys == 2)
		legend(w, m, x, k.width, TOP - 4, 1);
	value_axis(w, c, &k);
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
	struct texts x = { { NULL, 0, 0 }, NULL, NULL, 0, 0 };
	dg_model m;
	int st;

	if ((st = dg_model_build(&m, c)) != DG_OK || (st = measure(c, &m,
	    &x)) != DG_OK) {
		dg_model_free(&m);
		free(x.t);
		free(x.st);
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
	dg_model_free(&m);
	free(x.t);
	free(x.st);
	dg_buf_free(&x.a);
	return w.err;
}
