/* check.c - the layout's invariants, checked on the data before anything
 * is drawn (unit tests run it on every example and fixture). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "diagram_int.h"

#define S_EPS 0.01

static bool S_inside(const tfs_drect *in, const tfs_drect *out)
{
	return in->x >= out->x - S_EPS && in->y >= out->y - S_EPS &&
	       in->x + in->w <= out->x + out->w + S_EPS &&
	       in->y + in->h <= out->y + out->h + S_EPS;
}

static bool S_overlap(const tfs_drect *a, const tfs_drect *b)
{
	return a->x < b->x + b->w - S_EPS && b->x < a->x + a->w - S_EPS &&
	       a->y < b->y + b->h - S_EPS && b->y < a->y + a->h - S_EPS;
}

static bool S_on_border(const tfs_drect *r, double x, double y)
{
	bool in_x = x >= r->x - S_EPS && x <= r->x + r->w + S_EPS;
	bool in_y = y >= r->y - S_EPS && y <= r->y + r->h + S_EPS;
	return (in_x && (fabs(y - r->y) < S_EPS || fabs(y - r->y - r->h) < S_EPS)) ||
	       (in_y && (fabs(x - r->x) < S_EPS || fabs(x - r->x - r->w) < S_EPS));
}

/* Does the segment enter the open interior of r? */
static bool S_enters(const tfs_drect *r, double x0, double y0, double x1,
                     double y1)
{
	double lx = x0 < x1 ? x0 : x1, hx = x0 < x1 ? x1 : x0;
	double ly = y0 < y1 ? y0 : y1, hy = y0 < y1 ? y1 : y0;
	return lx < r->x + r->w - S_EPS && hx > r->x + S_EPS &&
	       ly < r->y + r->h - S_EPS && hy > r->y + S_EPS;
}

static bool S_ancestor(const tfs_dpage *p, size_t anc, size_t b)
{
	for (b = p->boxes[b].parent; b != TFS_NONE; b = p->boxes[b].parent)
		if (b == anc)
			return true;
	return false;
}

static bool S_text_fits(const tfs_dbox *b, const tfs_dtext *t)
{
	const tfs_drect *a = &b->text_area;
	double top = t->y - t->size * 0.95, bottom = t->y + t->size * 0.25;
	return t->x >= a->x - S_EPS && t->x + t->width <= a->x + a->w + S_EPS &&
	       top >= b->r.y - S_EPS && bottom <= b->r.y + b->r.h + S_EPS &&
	       S_inside(a, &b->r);
}

/* The checker names the invariant; TFSIGHT_DIAGRAM_DEBUG prints where. */
static const char *S_fail(size_t page, const char *what, size_t a, size_t b)
{
	if (getenv("TFSIGHT_DIAGRAM_DEBUG"))
		fprintf(stderr, "diagram check: page %zu: %s (%zu, %zu)\n", page, what,
		        a, b);
	return what;
}

const char *tfs_diagram_check(const tfs_diagram *d)
{
	size_t pg, i, j, k;

	for (pg = 0; pg < d->npages; pg++) {
		const tfs_dpage *p = &d->pages[pg];
		size_t *first_child, *next_sibling;
		const char *bad = NULL;

		for (i = 0; i < p->nboxes; i++) {
			const tfs_dbox *b = &p->boxes[i];
			if (b->parent != TFS_NONE &&
			    (b->parent >= i || !S_inside(&b->r, &p->boxes[b->parent].r)))
				return S_fail(pg, "box outside its parent", i,
				              b->parent);
			if (b->r.w <= 0 || b->r.h <= 0 || b->r.x < 0 || b->r.y < 0 ||
			    b->r.x + b->r.w > p->width + S_EPS ||
			    b->r.y + b->r.h > p->height + S_EPS)
				return S_fail(pg, "box outside the page", i, i);
			for (k = 0; k < b->ntext; k++)
				if (!S_text_fits(b, &b->text[k]))
					return S_fail(pg, "text overflows its box", i,
					              k);
		}
		/* siblings: sweep the children of each parent (roots included) */
		first_child = xmalloc((p->nboxes + 1) * sizeof(*first_child));
		next_sibling = xmalloc((p->nboxes + 1) * sizeof(*next_sibling));
		for (i = 0; i <= p->nboxes; i++)
			first_child[i] = next_sibling[i] = TFS_NONE;
		for (i = p->nboxes; i-- > 0;) {
			size_t par = p->boxes[i].parent == TFS_NONE ? p->nboxes
			                                            : p->boxes[i].parent;
			next_sibling[i] = first_child[par];
			first_child[par] = i;
		}
		for (i = 0; i <= p->nboxes && !bad; i++)
			for (j = first_child[i]; j != TFS_NONE && !bad; j = next_sibling[j])
				for (k = next_sibling[j]; k != TFS_NONE; k = next_sibling[k])
					if (S_overlap(&p->boxes[j].r, &p->boxes[k].r)) {
						bad = S_fail(pg, "sibling boxes overlap",
						             j, k);
						break;
					}
		free(first_child);
		free(next_sibling);
		if (bad)
			return bad;
		for (i = 0; i < p->nedges; i++) {
			const tfs_dedge *e = &p->edges[i];
			const double *v = e->pts;
			size_t n = e->npts;
			if (e->from >= p->nboxes || e->to >= p->nboxes || n < 2)
				return S_fail(pg, "edge without a path", i, i);
			if (!S_on_border(&p->boxes[e->from].r, v[0], v[1]))
				return S_fail(pg,
				              "edge does not start on its source", i, e->from);
			if (!S_on_border(&p->boxes[e->to].r, v[n * 2 - 2], v[n * 2 - 1]))
				return S_fail(pg,
				              "edge does not end on its target", i, e->to);
			for (k = 0; k + 1 < n; k++) {
				double x0 = v[k * 2], y0 = v[k * 2 + 1];
				double x1 = v[k * 2 + 2], y1 = v[k * 2 + 3];
				if (fabs(x0 - x1) > S_EPS && fabs(y0 - y1) > S_EPS)
					return S_fail(pg, "edge segment not orthogonal",
					              i, k);
				for (j = 0; j < p->nboxes; j++) {
					if (S_ancestor(p, j, e->from) || S_ancestor(p, j, e->to))
						continue;
					if (S_enters(&p->boxes[j].r, x0, y0, x1, y1))
						return S_fail(pg,
						              "edge crosses an unrelated box", i, j);
				}
			}
		}
	}
	return NULL;
}
