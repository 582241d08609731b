/* model.c - a chart's lines grouped into bars or columns, and stacks. */
#include <stdlib.h>
#include <string.h>

#include "hash_int.h"
#include "model.h"
#include "period.h"

static const char empty_text[] = "(empty)", other_text[] = "other";

dg_str
dg_model_text(dg_str s)
{
	if (s.n == 0) {
		s.p = empty_text;
		s.n = sizeof(empty_text) - 1;
	}
	return s;
}

const dg_group *
dg_model_group(const dg_model *m, size_t i, dg_group *tmp)
{
	if (m->g != NULL)
		return &m->g[i];
	memset(tmp, 0, sizeof(*tmp));
	tmp->label = m->line[i].label;
	tmp->v = m->line[i].v;
	tmp->merged = m->line[i].merged;
	tmp->other = m->line[i].merged > 0;
	return tmp;
}

void
dg_model_free(dg_model *m)
{
	free(m->g);
	free(m->s);
	free(m->ser);
	m->g = NULL;
	m->s = NULL;
	m->ser = NULL;
}

/* The kind of period every first key is (empty ones aside), or
 * DG_NOPERIOD: a time axis for the chart. */
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

/* A line's place: its bar or column (the slot of its period, or the
 * first line of its first key), its series' rank, and its own place in
 * the input, so that the sort is stable. */
struct item {
	int64_t key;
	size_t rank;
	size_t i;
};

static int
by_place(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Is series a ahead of b: a larger total, or the same and its key
 * first in byte order (shorter first)? */
static int
ahead(const dg_series *a, const dg_series *b)
{
	size_t n = a->label.n < b->label.n ? a->label.n : b->label.n;
	int c;

	if (a->total.isint && b->total.isint && a->total.u != b->total.u)
		return a->total.u > b->total.u;
	if (a->total.d != b->total.d)
		return a->total.d > b->total.d;
	if ((c = n ? memcmp(a->label.p, b->label.p, n) : 0) != 0)
		return c < 0;
	return a->label.n < b->label.n;
}

/* Sorts the series ids in order by ahead (a merge sort: qsort has no
 * argument for the series). */
static void
rank_sort(size_t *id, size_t *tmp, size_t n, const dg_series *all)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	rank_sort(id, tmp, h, all);
	rank_sort(id + h, tmp, n - h, all);
	while (i < h || j < n)
		tmp[k++] = j == n || (i < h && !ahead(&all[id[j]],
		    &all[id[i]])) ? id[i++] : id[j++];
	memcpy(id, tmp, n * sizeof(*id));
}

/*
 * The second keys: each line's series rank in rank[i] (at most top:
 * top is "other"), and m->ser the series drawn, largest first.
 */
static int
series(const dg_chart *c, dg_model *m, size_t top, size_t *rank)
{
	dg_hash *h;
	dg_series *all = NULL;
	size_t *id = NULL, *tmp = NULL, *v, n = 0, i;
	int st = DG_ENOMEM;

	if ((h = dg_hash_new(sizeof(size_t))) == NULL ||
	    (all = calloc(c->n + 1, sizeof(*all))) == NULL)
		goto out;
	for (i = 0; i < c->n; i++) {
		if ((v = dg_hash_put(h, c->bar[i].key2.p, c->bar[i].key2.n,
		    NULL)) == NULL)
			goto out;
		if (*v == 0) {
			*v = ++n;
			all[n - 1].label = c->bar[i].key2;
			all[n - 1].total.isint = 1;
		}
		rank[i] = *v - 1;	/* its id, until ranked */
		(void)dg_value_add(&all[*v - 1].total, &c->bar[i].v);
	}
	if ((id = malloc((n + 1) * sizeof(*id))) == NULL ||
	    (tmp = malloc((n + 1) * sizeof(*tmp))) == NULL ||
	    (m->ser = calloc(top + 1, sizeof(*m->ser))) == NULL)
		goto out;
	for (i = 0; i < n; i++)
		id[i] = i;
	rank_sort(id, tmp, n, all);
	for (i = 0; i < n; i++)
		tmp[id[i]] = i < top ? i : top;	/* rank of each id */
	for (i = 0; i < c->n; i++)
		rank[i] = tmp[rank[i]];
	m->nser = n < top ? n : top;
	for (i = 0; i < m->nser; i++)
		m->ser[i] = all[id[i]];
	if (n > top) {
		m->ser[top].label.p = other_text;
		m->ser[top].label.n = sizeof(other_text) - 1;
		m->ser[top].total.isint = 1;
		m->ser[top].merged = n - top;
		for (i = top; i < n; i++)
			(void)dg_value_add(&m->ser[top].total,
			    &all[id[i]].total);
		m->nser++;
	}
	st = DG_OK;
out:
	dg_hash_free(h);
	free(all);
	free(id);
	free(tmp);
	return st;
}

/* The bar or column of each line: the slot of its period on a time
 * axis, else the first line with its first key. */
static int
places(const dg_chart *c, dg_model *m, struct item *it, size_t *n)
{
	dg_hash *h = NULL;
	size_t i, *v;

	if (m->kind == DG_NOPERIOD && (h = dg_hash_new(sizeof(size_t))) ==
	    NULL)
		return DG_ENOMEM;
	*n = 0;
	for (i = 0; i < c->n; i++) {
		if (m->kind == DG_NOPERIOD) {
			if ((v = dg_hash_put(h, c->bar[i].label.p,
			    c->bar[i].label.n, NULL)) == NULL) {
				dg_hash_free(h);
				return DG_ENOMEM;
			}
			if (*v == 0)
				*v = i + 1;
			it[*n].key = (int64_t)*v;
		} else if (c->bar[i].label.n == 0) {
			m->left++;
			/* Part of the total, which is finite. */
			(void)dg_value_add(&m->leftv, &c->bar[i].v);
			continue;
		} else
			(void)dg_period_parse(c->bar[i].label.p,
			    c->bar[i].label.n, &it[*n].key);
		it[*n].i = i;
		(*n)++;
	}
	dg_hash_free(h);
	return DG_OK;
}

/* Groups the lines by place (and with two keys, by series within). */
static void
stack(const dg_chart *c, dg_model *m, const struct item *it, size_t n)
{
	dg_group *g = NULL;
	dg_seg *s = NULL;
	const dg_bar *bar;
	size_t i;

	for (i = 0; i < n; i++) {
		bar = &c->bar[it[i].i];
		if (g == NULL || it[i].key != it[i - 1].key) {
			g = &m->g[m->ng++];
			g->label = bar->label;
			g->slot = it[i].key;
			g->v.isint = 1;
			g->seg = m->ns;
			s = NULL;
		}
		(void)dg_value_add(&g->v, &bar->v);
		if (m->keys == 1) {
			g->merged++;	/* lines, until the end */
			continue;
		}
		if (s == NULL || it[i].rank != it[i - 1].rank) {
			s = &m->s[m->ns++];
			s->series = it[i].rank;
			s->v.isint = 1;
			g->nseg++;
		}
		(void)dg_value_add(&s->v, &bar->v);
		s->lines++;
	}
	/* One line is no sum. */
	for (i = 0; m->keys == 1 && i < m->ng; i++)
		if (m->g[i].merged == 1)
			m->g[i].merged = 0;
}

int
dg_model_build(dg_model *m, const dg_chart *c)
{
	struct item *it = NULL;
	size_t *rank = NULL, n, i;
	int st;

	memset(m, 0, sizeof(*m));
	m->sum.isint = m->leftv.isint = 1;
	m->keys = c->keys == 2 ? 2 : 1;
	for (i = 0; i < c->n; i++)
		if ((st = dg_value_add(&m->sum, &c->bar[i].v)) != DG_OK)
			return st;
	m->line = c->bar;
	m->kind = time_kind(c);
	m->columns = m->kind != DG_NOPERIOD || c->layout == DG_COLUMNS ||
	    (m->keys == 2 && c->layout != DG_BARS);
	if (m->kind == DG_NOPERIOD && m->keys == 1) {
		/* A bar a line, as they come: the lines themselves. */
		m->ng = c->n;
		for (i = 0; i < c->n; i++)
			if (c->bar[i].v.d > m->max)
				m->max = c->bar[i].v.d;
		return DG_OK;
	}
	st = DG_ENOMEM;
	if ((m->g = calloc(c->n + 1, sizeof(*m->g))) == NULL ||
	    (it = malloc((c->n + 1) * sizeof(*it))) == NULL ||
	    (m->keys == 2 && ((rank = calloc(c->n + 1, sizeof(*rank))) ==
	    NULL || (m->s = calloc(c->n + 1, sizeof(*m->s))) == NULL ||
	    series(c, m, c->top ? c->top : DG_TOP, rank) != DG_OK)) ||
	    places(c, m, it, &n) != DG_OK) {
		free(it);
		free(rank);
		return st;
	}
	for (i = 0; i < n; i++)
		it[i].rank = rank != NULL ? rank[it[i].i] : 0;
	qsort(it, n, sizeof(*it), by_place);
	stack(c, m, it, n);
	free(it);
	free(rank);
	if (m->kind != DG_NOPERIOD && m->ng > 0) {
		m->first = m->g[0].slot;
		m->last = m->g[m->ng - 1].slot;
	}
	for (i = 0; i < m->ng; i++)
		if (m->g[i].v.d > m->max)
			m->max = m->g[i].v.d;
	return DG_OK;
}
