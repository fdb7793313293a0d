/* check.c - the layout's invariants, checked on the data before anything
 * is drawn (by the command, and by the unit tests on every example and
 * fixture). */
#include <math.h>
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

/* Where the first violation is: its page, and the edge, boxes and item
 * (segment or text) involved, TFS_NONE when not. */
typedef struct {
	const char *what;
	size_t page, edge, box, other, item;
} S_fault;

static const char *S_fail(S_fault *f, size_t page, const char *what,
                          size_t edge, size_t box, size_t other, size_t item)
{
	f->what = what;
	f->page = page;
	f->edge = edge;
	f->box = box;
	f->other = other;
	f->item = item;
	return what;
}

static const char *S_check(const tfs_diagram *d, S_fault *f)
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
				return S_fail(f, pg, "box outside its parent", TFS_NONE,
				              i, b->parent, TFS_NONE);
			if (b->r.w <= 0 || b->r.h <= 0 || b->r.x < 0 || b->r.y < 0 ||
			    b->r.x + b->r.w > p->width + S_EPS ||
			    b->r.y + b->r.h > p->height + S_EPS)
				return S_fail(f, pg, "box outside the page", TFS_NONE, i,
				              TFS_NONE, TFS_NONE);
			for (k = 0; k < b->ntext; k++)
				if (!S_text_fits(b, &b->text[k]))
					return S_fail(f, pg, "text overflows its box",
					              TFS_NONE, i, TFS_NONE, k);
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
						bad = S_fail(f, pg, "sibling boxes overlap",
						             TFS_NONE, j, k, TFS_NONE);
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
				return S_fail(f, pg, "edge without a path", i, TFS_NONE,
				              TFS_NONE, TFS_NONE);
			if (!S_on_border(&p->boxes[e->from].r, v[0], v[1]))
				return S_fail(f, pg, "edge does not start on its source",
				              i, e->from, TFS_NONE, TFS_NONE);
			if (!S_on_border(&p->boxes[e->to].r, v[n * 2 - 2], v[n * 2 - 1]))
				return S_fail(f, pg, "edge does not end on its target", i,
				              e->to, TFS_NONE, TFS_NONE);
			for (k = 0; k + 1 < n; k++) {
				double x0 = v[k * 2], y0 = v[k * 2 + 1];
				double x1 = v[k * 2 + 2], y1 = v[k * 2 + 3];
				if (fabs(x0 - x1) > S_EPS && fabs(y0 - y1) > S_EPS)
					return S_fail(f, pg, "edge segment not orthogonal",
					              i, TFS_NONE, TFS_NONE, k);
				for (j = 0; j < p->nboxes; j++) {
					tfs_drect h;
					if (tfs_dg_header(&p->boxes[j], &h) &&
					    S_enters(&h, x0, y0, x1, y1))
						return S_fail(f, pg,
						              "edge crosses a group's label", i,
						              j, TFS_NONE, k);
					if (S_ancestor(p, j, e->from) || S_ancestor(p, j, e->to))
						continue;
					if (S_enters(&p->boxes[j].r, x0, y0, x1, y1))
						return S_fail(f, pg,
						              "edge crosses an unrelated box", i,
						              j, TFS_NONE, k);
				}
			}
		}
	}
	return NULL;
}

/* "box 8 (vpc)", "box 10 (node ecs-service)": kinds and indices only, no
 * text of the input (a label may hold what should not be printed). */
static void S_box_name(tfs_buf *b, const tfs_dpage *p, size_t i)
{
	if (i >= p->nboxes) {
		tfs_buf_addf(b, "box %zu (none)", i);
		return;
	}
	tfs_buf_addf(b, "box %zu (%s", i, tfs_dbox_kind_name(p->boxes[i].kind));
	if (p->boxes[i].kind == TFS_DBOX_NODE)
		tfs_buf_addf(b, " %s", tfs_kind_name(p->boxes[i].rkind));
	tfs_buf_adds(b, ")");
}

const char *tfs_diagram_check(const tfs_diagram *d)
{
	return tfs_diagram_check_where(d, NULL);
}

const char *tfs_diagram_check_where(const tfs_diagram *d, tfs_buf *where)
{
	S_fault f;
	const tfs_dpage *p;

	if (!S_check(d, &f))
		return NULL;
	if (!where)
		return f.what;
	p = &d->pages[f.page];
	tfs_buf_addf(where, "page %zu of %zu: %s", f.page + 1, d->npages, f.what);
	if (f.edge != TFS_NONE) {
		const tfs_dedge *e = &p->edges[f.edge];
		tfs_buf_addf(where, ": edge %zu from ", f.edge);
		S_box_name(where, p, e->from);
		tfs_buf_adds(where, " to ");
		S_box_name(where, p, e->to);
		if (f.box != TFS_NONE && f.box != e->from && f.box != e->to) {
			tfs_buf_adds(where, " crosses ");
			S_box_name(where, p, f.box);
		}
		if (f.item != TFS_NONE)
			tfs_buf_addf(where, " (segment %zu)", f.item);
	} else {
		tfs_buf_adds(where, ": ");
		S_box_name(where, p, f.box);
		if (f.other != TFS_NONE) {
			tfs_buf_adds(where, " and ");
			S_box_name(where, p, f.other);
		}
		if (f.item != TFS_NONE)
			tfs_buf_addf(where, " (text %zu)", f.item);
	}
	return f.what;
}
