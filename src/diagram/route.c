/* route.c - orthogonal edge routing.
 *
 * Every box leaves a lane TFS_DG_LANE outside each of its borders (the
 * layout keeps siblings and paddings at least twice that apart, and a
 * lane free below every group's header), and every card has lines through
 * its ports.  Those lines form a sparse grid; an edge is the cheapest grid
 * path (length, plus a price per bend, per lane already taken, per line
 * run beside another edge, and for what would make it read as joining a
 * card it does not join) from a port of its source to a port of its
 * target.  It never enters a box other than the ancestors of its two
 * ends, nor a group's header (icon and label): the grid steps and port
 * stubs that would are never taken, so tfs_diagram_check() holds by
 * construction.  The grid has a few lines per box, and the collapse caps
 * of the layout bound the boxes per page, so routing a page costs the same
 * whatever the size of the state. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

#define S_BEND 36.0
#define S_SHARED 0.6 /* extra cost per length unit of a lane already used */
/* a port stub shared with another box's port, or a turn through it: the
 * line would read as joining that box */
#define S_FOREIGN 400.0
#define S_MIXED (TFS_NONE - 1)
#define S_NEAR 10.0        /* parallel lines closer than this read as one */
#define S_NPORTS 6         /* per box (S_ports) */
#define S_PORT_INSET 32.0  /* the second top and bottom port, from the right */

/* Directions: 0 +x, 1 -x, 2 +y (down), 3 -y (up). */
static const int DX[4] = {1, -1, 0, 0}, DY[4] = {0, 0, 1, -1};

typedef struct {
	const tfs_dpage *p;
	double *xs, *ys;
	size_t nx, ny;
	/* a line through cards' ports, not a lane, closer than S_NEAR to
	 * another line: running along it beside the other reads badly */
	bool *crowd_x, *crowd_y;
	/* steps: horizontal (nx-1)*ny, then vertical nx*(ny-1).  The boxes
	 * whose interior a step enters are closed under "parent of" (a child
	 * lies inside its parent), so the step is free for an edge when the
	 * deepest of them are ancestors of its ends: deep is that box
	 * (TFS_NONE: none), and when the step enters unrelated boxes too (it
	 * should not: siblings are a gap with two lanes apart), the others
	 * are listed from head through pool_box and pool_next. */
	size_t *deep, *head;
	size_t *pool_box, *pool_next;
	size_t npool, cap_pool;
	unsigned char *in_header; /* the step crosses a group's header */
	unsigned *usage;
	size_t *user_from, *user_to; /* the first edge on each step */
	unsigned char *user_grant;   /* ... and whether it is a grant */
	unsigned *port_in, *port_out; /* per box side: edges ending, leaving */
	size_t nsteps;
	/* group headers (icon and label), which no edge crosses: the steps
	 * they block are marked with nboxes + the group's index */
	tfs_drect *hdr; /* per box; w == 0 when it has none */
	/* per grid point: the box whose port stub ends there (TFS_NONE, or
	 * S_MIXED), and the boxes every edge through it so far shares */
	size_t *pt_port, *pt_a, *pt_b;
	signed char *pt_dir; /* the outward direction of the stubs ending
	                      * there (-1: none, or several) */
	unsigned *pt_in, *pt_out; /* edges arriving, leaving through its stub */
	size_t cur_from, cur_to;
	bool cur_grant;
	/* per edge */
	unsigned *allowed; /* stamp per box */
	unsigned stamp;
	/* search: borrowed from the workspace */
	double *g;
	size_t *from;
	unsigned *seen;
	unsigned char *closed;
	unsigned gen;
	size_t *heap;
	double *heap_f;
	size_t nheap, cap_heap;
} S_router;

void tfs_dg_route_ws_release(tfs_dg_route_ws *w)
{
	free(w->g);
	free(w->from);
	free(w->seen);
	free(w->closed);
	free(w->heap);
	free(w->heap_f);
	memset(w, 0, sizeof(*w));
}

/* Room for n states in w; a state never seen has seen 0 (gen starts at 1). */
static void S_ws_reserve(tfs_dg_route_ws *w, size_t n)
{
	size_t old = w->cap;
	if (n <= old)
		return;
	w->g = xrealloc(w->g, tfs_mul_size(n, sizeof(*w->g)));
	w->from = xrealloc(w->from, tfs_mul_size(n, sizeof(*w->from)));
	w->seen = xrealloc(w->seen, tfs_mul_size(n, sizeof(*w->seen)));
	w->closed = xrealloc(w->closed, tfs_mul_size(n, sizeof(*w->closed)));
	memset(w->seen + old, 0, (n - old) * sizeof(*w->seen));
	w->cap = n;
}

static int S_dcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static size_t S_unique(double *v, size_t n)
{
	size_t i, k = 0;
	tfs_sort(v, n, sizeof(*v), S_dcmp);
	for (i = 0; i < n; i++)
		if (k == 0 || v[i] - v[k - 1] > 0.01)
			v[k++] = v[i];
	return k;
}

/* Index of the line at v, or TFS_NONE. */
static size_t S_find(const double *v, size_t n, double x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid] < x - 0.01)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && fabs(v[lo] - x) <= 0.01 ? lo : TFS_NONE;
}

/* First index with v[i] > x (+eps). */
static size_t S_above(const double *v, size_t n, double x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid] <= x + 0.01)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First index with v[i] >= x - eps. */
static size_t S_from(const double *v, size_t n, double x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid] < x - 0.01)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t S_hstep(const S_router *r, size_t i, size_t j)
{
	return j * (r->nx - 1) + i;
}

static size_t S_vstep(const S_router *r, size_t i, size_t j)
{
	return (r->nx - 1) * r->ny + j * r->nx + i;
}

/* Is a an ancestor of b? */
static bool S_ancestor(const tfs_dpage *p, size_t a, size_t b)
{
	for (b = p->boxes[b].parent; b != TFS_NONE; b = p->boxes[b].parent)
		if (b == a)
			return true;
	return false;
}

/* The step enters box (or, from nboxes on, a header). */
static void S_mark(S_router *r, size_t step, size_t box)
{
	size_t cap = r->cap_pool, d = r->deep[step];

	if (box >= r->p->nboxes) {
		r->in_header[step] = 1;
		return;
	}
	if (d == TFS_NONE || S_ancestor(r->p, d, box)) {
		r->deep[step] = box;
		return;
	}
	if (S_ancestor(r->p, box, d))
		return;
	tfs_grow(&r->pool_box, &r->cap_pool, r->npool + 1, sizeof(*r->pool_box));
	/* pool_next grows with pool_box, only when it grew: a realloc per call
	 * copies the whole array under AddressSanitizer (quadratic) */
	if (r->cap_pool != cap)
		r->pool_next = xrealloc(r->pool_next,
		                        tfs_mul_size(r->cap_pool,
		                                     sizeof(*r->pool_next)));
	r->pool_box[r->npool] = box;
	r->pool_next[r->npool] = r->head[step];
	r->head[step] = r->npool++;
}

bool tfs_dg_header(const tfs_dbox *b, tfs_drect *out)
{
	double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
	size_t k;

	switch (b->kind) {
	case TFS_DBOX_CLOUD:
	case TFS_DBOX_REGION:
	case TFS_DBOX_VPC:
	case TFS_DBOX_SUBNET_PUBLIC:
	case TFS_DBOX_SUBNET_PRIVATE:
	case TFS_DBOX_SUBNET_UNKNOWN:
		/* the icon square in the corner (draw.c) */
		x0 = b->r.x;
		y0 = b->r.y;
		x1 = b->r.x + TFS_DG_GROUP_ICON;
		y1 = b->r.y + TFS_DG_GROUP_ICON;
		break;
	case TFS_DBOX_AZ:
		break;
	case TFS_DBOX_NODE:
	case TFS_DBOX_USERS:
	case TFS_DBOX_TITLE:
	case TFS_DBOX_LEGEND:
		return false;
	}
	for (k = 0; k < b->ntext; k++) {
		const tfs_dtext *t = &b->text[k];
		if (!*t->text)
			continue;
		x0 = fmin(x0, t->x - 3);
		y0 = fmin(y0, t->y - t->size - 1);
		x1 = fmax(x1, t->x + t->width + 3);
		y1 = fmax(y1, t->y + t->size * 0.3 + 1);
	}
	if (!(x1 > x0 && y1 > y0))
		return false;
	/* inside the group, its border excepted */
	out->x = fmax(x0, b->r.x);
	out->y = fmax(y0, b->r.y);
	out->w = fmin(x1, b->r.x + b->r.w) - out->x;
	out->h = fmin(y1, b->r.y + b->r.h) - out->y;
	return out->w > 0 && out->h > 0;
}

/* Mark the steps that enter the open interior of q as blocked by id. */
static void S_mark_rect(S_router *r, const tfs_drect *q, size_t id)
{
	double L = q->x, R = q->x + q->w, T = q->y, B = q->y + q->h;
	size_t j0 = S_above(r->ys, r->ny, T), j1 = S_from(r->ys, r->ny, B);
	size_t i0 = S_above(r->xs, r->nx, L), i1 = S_from(r->xs, r->nx, R);
	size_t i, j;

	/* horizontal steps at rows strictly inside (T, B) whose span
	 * overlaps (L, R): i from i0-1 (xs[i+1] > L) to i1-1 (xs[i] < R) */
	for (j = j0; j < j1; j++)
		for (i = i0 ? i0 - 1 : 0; i < i1 && i + 1 < r->nx; i++)
			S_mark(r, S_hstep(r, i, j), id);
	for (i = i0; i < i1; i++)
		for (j = j0 ? j0 - 1 : 0; j < j1 && j + 1 < r->ny; j++)
			S_mark(r, S_vstep(r, i, j), id);
}

/* Which of the n lines v (sorted) are not lanes of a box and lie closer
 * than S_NEAR to a neighbour? */
static bool *S_crowded(const tfs_dpage *p, const double *v, size_t n, bool x)
{
	bool *lane = xcalloc(n, sizeof(*lane)), *out = xcalloc(n, sizeof(*out));
	size_t b, i;

	for (b = 0; b < p->nboxes; b++) {
		const tfs_drect *q = &p->boxes[b].r;
		double lo = (x ? q->x : q->y) - TFS_DG_LANE;
		double hi = x ? q->x + q->w + TFS_DG_LANE : q->y + q->h + TFS_DG_LANE;
		size_t a = S_find(v, n, lo), c = S_find(v, n, hi);
		if (a != TFS_NONE)
			lane[a] = true;
		if (c != TFS_NONE)
			lane[c] = true;
	}
	for (i = 0; i < n; i++)
		out[i] = !lane[i] && ((i > 0 && v[i] - v[i - 1] < S_NEAR) ||
		                      (i + 1 < n && v[i + 1] - v[i] < S_NEAR));
	free(lane);
	return out;
}

static void S_grid(S_router *r)
{
	const tfs_dpage *p = r->p;
	size_t i, b, n = 0;

	r->xs = xcalloc(p->nboxes * 4 + 1, sizeof(*r->xs));
	r->ys = xcalloc(p->nboxes * 4 + 1, sizeof(*r->ys));
	r->hdr = xcalloc(p->nboxes + 1, sizeof(*r->hdr));
	for (b = 0; b < p->nboxes; b++) {
		const tfs_drect *q = &p->boxes[b].r;
		r->xs[n] = q->x - TFS_DG_LANE;
		r->ys[n++] = q->y - TFS_DG_LANE;
		r->xs[n] = q->x + q->w + TFS_DG_LANE;
		r->ys[n++] = q->y + q->h + TFS_DG_LANE;
		if (p->boxes[b].kind == TFS_DBOX_NODE || p->boxes[b].kind == TFS_DBOX_USERS) {
			r->xs[n] = q->x + q->w / 2;
			r->ys[n++] = q->y + q->h / 2;
			r->xs[n] = q->x + q->w - S_PORT_INSET;
			r->ys[n++] = q->y + q->h / 2;
		}
		tfs_dg_header(&p->boxes[b], &r->hdr[b]);
	}
	r->nx = S_unique(r->xs, n);
	r->ny = S_unique(r->ys, n);
	if (r->nx < 2 || r->ny < 2)
		return;
	r->crowd_x = S_crowded(p, r->xs, r->nx, true);
	r->crowd_y = S_crowded(p, r->ys, r->ny, false);
	r->nsteps = (r->nx - 1) * r->ny + r->nx * (r->ny - 1);
	r->deep = xmalloc(r->nsteps * sizeof(*r->deep));
	r->head = xmalloc(r->nsteps * sizeof(*r->head));
	for (i = 0; i < r->nsteps; i++)
		r->deep[i] = r->head[i] = TFS_NONE;
	r->in_header = xcalloc(r->nsteps, sizeof(*r->in_header));
	r->usage = xcalloc(r->nsteps, sizeof(*r->usage));
	r->user_from = xmalloc(r->nsteps * sizeof(*r->user_from));
	r->user_to = xmalloc(r->nsteps * sizeof(*r->user_to));
	r->user_grant = xcalloc(r->nsteps, sizeof(*r->user_grant));
	r->pt_port = xmalloc(r->nx * r->ny * sizeof(*r->pt_port));
	r->pt_dir = xmalloc(r->nx * r->ny * sizeof(*r->pt_dir));
	memset(r->pt_dir, -1, r->nx * r->ny * sizeof(*r->pt_dir));
	r->pt_a = xmalloc(r->nx * r->ny * sizeof(*r->pt_a));
	r->pt_b = xmalloc(r->nx * r->ny * sizeof(*r->pt_b));
	r->pt_in = xcalloc(r->nx * r->ny, sizeof(*r->pt_in));
	r->pt_out = xcalloc(r->nx * r->ny, sizeof(*r->pt_out));
	for (i = 0; i < r->nx * r->ny; i++)
		r->pt_port[i] = r->pt_a[i] = r->pt_b[i] = TFS_NONE;
	for (b = 0; b < p->nboxes; b++) {
		S_mark_rect(r, &p->boxes[b].r, b);
		if (r->hdr[b].w > 0)
			S_mark_rect(r, &r->hdr[b], p->nboxes + b);
	}
}

/* May the current edge take the step?  Not into a box other than its
 * ends' ancestors, nor through any header. */
static bool S_free(const S_router *r, size_t step)
{
	size_t k;
	if (r->in_header[step] ||
	    (r->deep[step] != TFS_NONE && r->allowed[r->deep[step]] != r->stamp))
		return false;
	for (k = r->head[step]; k != TFS_NONE; k = r->pool_next[k])
		if (r->allowed[r->pool_box[k]] != r->stamp)
			return false;
	return true;
}

/* Is the edge that first took step a fan-out or a fan-in with the
 * current one, or are both grants?  Grants (may access) share their lanes
 * as a fan does: one role's grants, from every function of a stack to its
 * tables and queues, then run as a few dotted trunks, not a mesh that
 * goes round the lane (the pairs are in tfsight topology). */
static bool S_related(const S_router *r, size_t step)
{
	return r->user_from[step] == r->cur_from || r->user_to[step] == r->cur_to ||
	       (r->cur_grant && r->user_grant[step]);
}

/* What running beside an edge already routed costs, for step (i, j) of
 * length len: on a parallel line closer than S_NEAR, two lines read as one
 * thick line, or as a mistake; a fan-out or a fan-in had better share the
 * lane itself. */
static double S_near(const S_router *r, bool horizontal, size_t i, size_t j,
                     double len)
{
	double cost = 0;
	int side;
	for (side = -1; side <= 1; side += 2) {
		size_t step;
		if (horizontal) {
			size_t nj = j + (size_t)side;
			if ((side < 0 && j == 0) || nj >= r->ny ||
			    fabs(r->ys[nj] - r->ys[j]) >= S_NEAR)
				continue;
			step = S_hstep(r, i, nj);
		} else {
			size_t ni = i + (size_t)side;
			if ((side < 0 && i == 0) || ni >= r->nx ||
			    fabs(r->xs[ni] - r->xs[i]) >= S_NEAR)
				continue;
			step = S_vstep(r, ni, j);
		}
		if (r->usage[step])
			cost = fmax(cost, S_related(r, step) ? 20 + len * S_SHARED
			                                     : 40 + len * S_SHARED * 2);
	}
	return cost;
}

/* Does an edge through grid point pt read as joining a box it does not
 * join?  Another box's port stub ends there. */
static bool S_foreign_port(const S_router *r, size_t pt)
{
	size_t b = r->pt_port[pt];
	return b != TFS_NONE && b != r->cur_from && b != r->cur_to;
}

/* Would box b's port stub ending at pt, going out in direction dir, read
 * as joining an edge that does not belong to it?  Another box's port ends
 * there, or an edge that does not have b at an end went through, or, one
 * gap further on, another box's stub faces it: across the gap between the
 * serverless lane's columns (two lanes wide) the two stubs are one line. */
static bool S_port_taken(const S_router *r, size_t pt, size_t b, int dir)
{
	size_t i = pt % r->nx, j = pt / r->nx;
	long ni = (long)i, nj = (long)j;

	if (r->pt_port[pt] != TFS_NONE && r->pt_port[pt] != b)
		return true;
	if (r->pt_a[pt] != TFS_NONE && r->pt_a[pt] != b && r->pt_b[pt] != b)
		return true;
	/* the lines of other boxes cross the gap: look along it */
	for (;;) {
		size_t next;
		ni += DX[dir];
		nj += DY[dir];
		if (ni < 0 || nj < 0 || ni >= (long)r->nx || nj >= (long)r->ny ||
		    fabs(r->xs[ni] - r->xs[i]) + fabs(r->ys[nj] - r->ys[j]) >
		            TFS_DG_GAP + 0.01)
			return false;
		next = (size_t)nj * r->nx + (size_t)ni;
		if (r->pt_port[next] != TFS_NONE && r->pt_port[next] != b &&
		    r->pt_dir[next] == (dir ^ 1))
			return true;
	}
}

/* Edge (f, t) went through pt: keep the boxes all edges through it share. */
static void S_pass(S_router *r, size_t pt, size_t f, size_t t)
{
	size_t a = r->pt_a[pt], b = r->pt_b[pt];
	if (a == TFS_NONE) {
		r->pt_a[pt] = f;
		r->pt_b[pt] = t;
		return;
	}
	r->pt_a[pt] = a == f || a == t ? a : S_MIXED;
	r->pt_b[pt] = b == f || b == t ? b : S_MIXED;
	if (r->pt_a[pt] == S_MIXED)
		r->pt_a[pt] = r->pt_b[pt];
}

/* ---- heap ------------------------------------------------------------------ */

static void S_push(S_router *r, size_t s, double f)
{
	size_t i, cap = r->cap_heap;
	tfs_grow(&r->heap, &r->cap_heap, r->nheap + 1, sizeof(*r->heap));
	if (r->cap_heap != cap) /* heap_f grows with heap, as pool_next */
		r->heap_f = xrealloc(r->heap_f,
		                     tfs_mul_size(r->cap_heap, sizeof(*r->heap_f)));
	i = r->nheap++;
	while (i > 0) {
		size_t up = (i - 1) / 2;
		if (r->heap_f[up] < f || (r->heap_f[up] == f && r->heap[up] < s))
			break;
		r->heap[i] = r->heap[up];
		r->heap_f[i] = r->heap_f[up];
		i = up;
	}
	r->heap[i] = s;
	r->heap_f[i] = f;
}

static size_t S_pop(S_router *r, double *f)
{
	size_t top = r->heap[0], i = 0, s;
	double last_f;
	*f = r->heap_f[0];
	r->nheap--;
	if (!r->nheap)
		return top;
	s = r->heap[r->nheap];
	last_f = r->heap_f[r->nheap];
	for (;;) {
		size_t a = 2 * i + 1, b = a + 1, m = i;
		double mf = last_f;
		size_t ms = s;
		if (a < r->nheap && (r->heap_f[a] < mf || (r->heap_f[a] == mf && r->heap[a] < ms)))
			m = a, mf = r->heap_f[a], ms = r->heap[a];
		if (b < r->nheap && (r->heap_f[b] < mf || (r->heap_f[b] == mf && r->heap[b] < ms)))
			m = b;
		if (m == i)
			break;
		r->heap[i] = r->heap[m];
		r->heap_f[i] = r->heap_f[m];
		i = m;
	}
	r->heap[i] = s;
	r->heap_f[i] = last_f;
	return top;
}

/* ---- one edge ------------------------------------------------------------ */


/* Ports (S_ports): right, left, bottom, top in the middles of the sides,
 * then bottom and top near the right corner; their outward directions,
 * and what leaving or arriving there costs more than the best side
 * (traffic leaves downwards best and arrives from above best). */
static const int S_PORT_DIR[S_NPORTS] = {0, 1, 2, 3, 2, 3};
static const double S_PORT_OUT[S_NPORTS] = {10, 10, 0, 24, 14, 38};
static const double S_PORT_IN[S_NPORTS] = {10, 10, 24, 0, 38, 14};

typedef struct {
	size_t i, j;   /* the stub's end on the grid */
	int dir;       /* outward */
	double px, py; /* the port on the border */
	bool ok;
} S_port;

/* Does the segment enter the open interior of a box the current edge may
 * not enter, or a header?  (The stubs between a port and the grid are not
 * grid steps.) */
static bool S_blocked(const S_router *r, double x0, double y0, double x1,
                      double y1)
{
	double lx = x0 < x1 ? x0 : x1, hx = x0 < x1 ? x1 : x0;
	double ly = y0 < y1 ? y0 : y1, hy = y0 < y1 ? y1 : y0;
	size_t b;
	for (b = 0; b < r->p->nboxes * 2; b++) {
		const tfs_drect *q = b < r->p->nboxes ? &r->p->boxes[b].r
		                                      : &r->hdr[b - r->p->nboxes];
		if ((b >= r->p->nboxes || r->allowed[b] != r->stamp) && q->w > 0 &&
		    lx < q->x + q->w - 0.01 && hx > q->x + 0.01 &&
		    ly < q->y + q->h - 0.01 && hy > q->y + 0.01)
			return true;
	}
	return false;
}

/* The ports of q: the middles of its four sides, and on the bottom and
 * the top a second one S_PORT_INSET from the right corner (a group's
 * header covers the middle of a card's top when the card is the first
 * under it), each with its stub out to the lane TFS_DG_LANE away.  A port
 * whose stub is not on the grid or enters a box or a header is not used. */
static void S_ports(const S_router *r, const tfs_drect *q, S_port out[S_NPORTS])
{
	double cx = q->x + q->w / 2, cy = q->y + q->h / 2;
	double ox = q->x + q->w - S_PORT_INSET;
	double px[S_NPORTS] = {q->x + q->w, q->x, cx, cx, ox, ox};
	double py[S_NPORTS] = {cy, cy, q->y + q->h, q->y, q->y + q->h, q->y};
	int k;
	for (k = 0; k < S_NPORTS; k++) {
		int d = S_PORT_DIR[k];
		double sx = px[k] + DX[d] * TFS_DG_LANE, sy = py[k] + DY[d] * TFS_DG_LANE;
		out[k].i = S_find(r->xs, r->nx, sx);
		out[k].j = S_find(r->ys, r->ny, sy);
		out[k].dir = d;
		out[k].px = px[k];
		out[k].py = py[k];
		out[k].ok = out[k].i != TFS_NONE && out[k].j != TFS_NONE &&
		            !S_blocked(r, px[k], py[k], sx, sy);
	}
}

/* Box b's port stub ends at grid point pt, going out in direction dir. */
static void S_claim(S_router *r, size_t pt, size_t b, int dir)
{
	if (r->pt_port[pt] == TFS_NONE) {
		r->pt_port[pt] = b;
		r->pt_dir[pt] = (signed char)dir;
	} else if (r->pt_port[pt] != b) {
		r->pt_port[pt] = S_MIXED;
	}
	if (r->pt_dir[pt] != dir)
		r->pt_dir[pt] = -1;
}

static int S_opposite(int d)
{
	return d ^ 1;
}

static bool S_route_one(S_router *r, tfs_dedge *e, tfs_arena *a)
{
	const tfs_dpage *p = r->p;
	const tfs_dbox *src = &p->boxes[e->from], *dst = &p->boxes[e->to];
	S_port sp[S_NPORTS], tp[S_NPORTS];
	size_t b, best_state = TFS_NONE;
	int best_port = -1, src_port = -1, d, pk;
	double best = INFINITY;

	r->stamp++;
	r->cur_from = e->from;
	r->cur_to = e->to;
	r->cur_grant = e->kind == TFS_EDGE_MAY_ACCESS && !e->from_users;
	for (b = src->parent; b != TFS_NONE; b = p->boxes[b].parent)
		r->allowed[b] = r->stamp;
	for (b = dst->parent; b != TFS_NONE; b = p->boxes[b].parent)
		r->allowed[b] = r->stamp;
	S_ports(r, &src->r, sp);
	S_ports(r, &dst->r, tp);
	r->gen++;
	r->nheap = 0;
	for (pk = 0; pk < S_NPORTS; pk++) {
		size_t s, pt;
		double g;
		if (!sp[pk].ok)
			continue;
		d = sp[pk].dir;
		pt = sp[pk].j * r->nx + sp[pk].i;
		s = pt * 4 + (size_t)d;
		/* never where another edge arrives */
		/* leaving where another edge arrives reads as its continuation */
		g = S_PORT_OUT[pk] + (r->port_in[e->from * 4 + (size_t)d] ? 120 : 0) +
		    (S_port_taken(r, pt, e->from, d) || r->pt_in[pt] ? S_FOREIGN : 0);
		if (r->seen[s] == r->gen && r->g[s] <= g)
			continue;
		r->seen[s] = r->gen;
		r->closed[s] = 0;
		r->g[s] = g;
		r->from[s] = TFS_NONE;
		S_push(r, s, g);
	}
	while (r->nheap) {
		double f;
		size_t s = S_pop(r, &f), pt = s / 4, i = pt % r->nx, j = pt / r->nx;
		int dir = (int)(s % 4);
		if (f >= best)
			break;
		if (r->closed[s])
			continue;
		r->closed[s] = 1;
		/* a target port here? */
		for (pk = 0; pk < S_NPORTS; pk++) {
			double cost;
			if (!tp[pk].ok || tp[pk].i != i || tp[pk].j != j)
				continue;
			d = tp[pk].dir;
			/* the last move goes inward: opposite of the port's side */
			cost = r->g[s] + (dir == S_opposite(d) ? 0 : S_BEND) +
			       S_PORT_IN[pk] +
			       (r->port_out[e->to * 4 + (size_t)d] ? 120 : 0) +
			       (S_port_taken(r, pt, e->to, d) || r->pt_out[pt] ? S_FOREIGN
			                                                     : 0);
			if (dir == d)
				cost += 2 * S_BEND; /* a U-turn into the box */
			if (cost < best) {
				best = cost;
				best_state = s;
				best_port = pk;
			}
		}
		for (d = 0; d < 4; d++) {
			long ni = (long)i + DX[d], nj = (long)j + DY[d];
			size_t step, ns;
			double len, g;
			if (d == S_opposite(dir))
				continue;
			if (ni < 0 || nj < 0 || ni >= (long)r->nx || nj >= (long)r->ny)
				continue;
			/* the step between (i, j) and (ni, nj) is named by its
			 * lower end: a move in -x or -y starts at the higher one */
			if (DX[d])
				step = S_hstep(r, DX[d] > 0 ? i : (size_t)ni, j);
			else
				step = S_vstep(r, i, DY[d] > 0 ? j : (size_t)nj);
			if (!S_free(r, step))
				continue;
			len = DX[d] ? fabs(r->xs[ni] - r->xs[i]) : fabs(r->ys[nj] - r->ys[j]);
			g = r->g[s] + len + (d == dir ? 0 : S_BEND);
			if (DX[d] ? r->crowd_y[j] : r->crowd_x[i])
				g += len * 0.3;
			if (S_foreign_port(r, (size_t)nj * r->nx + (size_t)ni))
				g += S_FOREIGN;
			if (r->usage[step]) {
				/* sharing a lane reads as one line: fine for a fan-out or
				 * a fan-in, misleading between unrelated edges */
				if (S_related(r, step))
					g += len * S_SHARED * 0.2;
				else
					g += len * S_SHARED * 6 + 80;
			}
			g += S_near(r, DX[d] != 0, DX[d] ? (DX[d] > 0 ? i : (size_t)ni) : i,
			            DX[d] ? j : (DY[d] > 0 ? j : (size_t)nj), len);
			ns = (((size_t)nj * r->nx) + (size_t)ni) * 4 + (size_t)d;
			if (r->seen[ns] == r->gen && (r->closed[ns] || r->g[ns] <= g))
				continue;
			r->seen[ns] = r->gen;
			r->closed[ns] = 0;
			r->g[ns] = g;
			r->from[ns] = s;
			{
				/* the distance to the nearest target stub, and a bend
				 * when it is on neither line through here */
				double h = INFINITY;
				for (int t = 0; t < S_NPORTS; t++)
					if (tp[t].ok) {
						double hh = fabs(r->xs[tp[t].i] - r->xs[ni]) +
						            fabs(r->ys[tp[t].j] - r->ys[nj]);
						if (tp[t].i != (size_t)ni && tp[t].j != (size_t)nj)
							hh += S_BEND;
						if (hh < h)
							h = hh;
					}
				/* no better than the path found: the result is the
				 * same without it */
				if (g + h < best)
					S_push(r, ns, g + h);
			}
		}
	}
	if (best_state == TFS_NONE)
		return false;
	/* the path, target to source, then reversed and simplified */
	{
		size_t n = 0, cap = 16, s, k, m;
		double *v = xmalloc(cap * 2 * sizeof(*v));
		v[n * 2] = tp[best_port].px;
		v[n * 2 + 1] = tp[best_port].py;
		n++;
		for (s = best_state; s != TFS_NONE; s = r->from[s]) {
			size_t pt = s / 4;
			S_pass(r, pt, e->from, e->to);
			if (n + 2 > cap) {
				cap *= 2;
				v = xrealloc(v, cap * 2 * sizeof(*v));
			}
			v[n * 2] = r->xs[pt % r->nx];
			v[n * 2 + 1] = r->ys[pt / r->nx];
			n++;
			if (r->from[s] != TFS_NONE) {
				/* mark the lane used */
				size_t q = r->from[s] / 4;
				size_t i0 = q % r->nx, j0 = q / r->nx, i1 = pt % r->nx, j1 = pt / r->nx;
				size_t step = j0 == j1 ? S_hstep(r, i0 < i1 ? i0 : i1, j0)
				                       : S_vstep(r, i0, j0 < j1 ? j0 : j1);
				if (!r->usage[step]) {
					r->user_from[step] = e->from;
					r->user_to[step] = e->to;
					r->user_grant[step] = r->cur_grant;
				}
				r->usage[step]++;
			}
		}
		/* the source port: the one whose stub ends at the start state,
		 * going its way */
		{
			size_t s0 = best_state;
			while (r->from[s0] != TFS_NONE)
				s0 = r->from[s0];
			for (pk = 0; pk < S_NPORTS && src_port < 0; pk++)
				if (sp[pk].ok && sp[pk].dir == (int)(s0 % 4) &&
				    sp[pk].j * r->nx + sp[pk].i == s0 / 4)
					src_port = pk;
			v[n * 2] = sp[src_port].px;
			v[n * 2 + 1] = sp[src_port].py;
			n++;
			r->port_out[e->from * 4 + s0 % 4]++;
			r->port_in[e->to * 4 + (size_t)tp[best_port].dir]++;
			S_claim(r, s0 / 4, e->from, (int)(s0 % 4));
			S_claim(r, best_state / 4, e->to, tp[best_port].dir);
			r->pt_out[s0 / 4]++;
			r->pt_in[best_state / 4]++;
		}
		/* reverse */
		for (k = 0; k < n / 2; k++) {
			double tx = v[k * 2], ty = v[k * 2 + 1];
			v[k * 2] = v[(n - 1 - k) * 2];
			v[k * 2 + 1] = v[(n - 1 - k) * 2 + 1];
			v[(n - 1 - k) * 2] = tx;
			v[(n - 1 - k) * 2 + 1] = ty;
		}
		/* drop repeated and collinear points */
		m = 0;
		for (k = 0; k < n; k++) {
			double x = v[k * 2], y = v[k * 2 + 1];
			if (m >= 1 && fabs(v[(m - 1) * 2] - x) < 0.01 &&
			    fabs(v[(m - 1) * 2 + 1] - y) < 0.01)
				continue;
			if (m >= 2) {
				double ax = v[(m - 2) * 2], ay = v[(m - 2) * 2 + 1];
				double bx = v[(m - 1) * 2], by = v[(m - 1) * 2 + 1];
				if ((fabs(ax - bx) < 0.01 && fabs(bx - x) < 0.01) ||
				    (fabs(ay - by) < 0.01 && fabs(by - y) < 0.01)) {
					v[(m - 1) * 2] = x;
					v[(m - 1) * 2 + 1] = y;
					continue;
				}
			}
			v[m * 2] = x;
			v[m * 2 + 1] = y;
			m++;
		}
		e->npts = m;
		e->pts = tfs_arena_alloc(a, m * 2 * sizeof(*e->pts));
		memcpy(e->pts, v, m * 2 * sizeof(*v));
		free(v);
	}
	return true;
}

/* ---- labels ------------------------------------------------------------- */

static bool S_hits(const tfs_drect *a, const tfs_drect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h &&
	       b->y < a->y + a->h;
}

/* Is the label rectangle of edge self clear of cards, texts, the labels
 * before it and the lines of the other edges (by 2 points)? */
static bool S_label_free(const tfs_dpage *p, size_t self, const tfs_drect *q)
{
	tfs_drect wide = {q->x - 2, q->y - 2, q->w + 4, q->h + 4};
	size_t i, k;
	for (i = 0; i < p->nboxes; i++) {
		const tfs_dbox *b = &p->boxes[i];
		if ((b->kind == TFS_DBOX_NODE || b->kind == TFS_DBOX_USERS) &&
		    S_hits(q, &b->r))
			return false;
		for (k = 0; k < b->ntext; k++) {
			const tfs_dtext *t = &b->text[k];
			tfs_drect tr = {t->x, t->y - t->size, t->width, t->size * 1.3};
			if (S_hits(q, &tr))
				return false;
		}
	}
	for (i = 0; i < self; i++) {
		const tfs_dtext *t = p->edges[i].label;
		if (t && p->edges[i].npts >= 2) {
			tfs_drect tr = {t->x - 2, t->y - t->size, t->width + 4, t->size * 1.3};
			if (S_hits(q, &tr))
				return false;
		}
	}
	for (i = 0; i < p->nedges; i++) {
		const tfs_dedge *e = &p->edges[i];
		if (i == self)
			continue;
		for (k = 0; k + 1 < e->npts; k++) {
			double x0 = e->pts[k * 2], y0 = e->pts[k * 2 + 1];
			double x1 = e->pts[k * 2 + 2], y1 = e->pts[k * 2 + 3];
			tfs_drect sr = {fmin(x0, x1), fmin(y0, y1), fabs(x1 - x0) + 0.02,
			                fabs(y1 - y0) + 0.02};
			if (S_hits(&wide, &sr))
				return false;
		}
	}
	return true;
}

/* A label sits beside one of its edge's segments, where it covers no card,
 * no text, no other label and no other edge: above a horizontal segment or
 * to the right of a vertical one, near the middle first, else below or to
 * the left. */
static void S_place_labels(tfs_dpage *p)
{
	static const double AT[] = {0.5, 0.3, 0.7, 0.15, 0.85};
	size_t i, k, a;
	int side;

	for (i = 0; i < p->nedges; i++) {
		tfs_dedge *e = &p->edges[i];
		tfs_dtext *t = e->label;
		bool done = false;
		if (!t || e->npts < 2)
			continue;
		for (side = 0; side < 2 && !done; side++) {
			for (a = 0; a < sizeof(AT) / sizeof(AT[0]) && !done; a++)
				for (k = 0; k + 1 < e->npts && !done; k++) {
					double x0 = e->pts[k * 2], y0 = e->pts[k * 2 + 1];
					double x1 = e->pts[k * 2 + 2], y1 = e->pts[k * 2 + 3];
					double mx = x0 + (x1 - x0) * AT[a], my = y0 + (y1 - y0) * AT[a];
					tfs_drect q;
					if (fabs(y0 - y1) < 0.01) {
						if (fabs(x1 - x0) < t->width + 12)
							continue;
						q.x = mx - t->width / 2 - 2;
						q.y = side ? my + 3 : my - 3 - t->size;
					} else {
						if (fabs(y1 - y0) < t->size * 2)
							continue;
						q.x = side ? mx - 3 - t->width - 4 : mx + 3;
						q.y = my - t->size / 2 - 1;
					}
					q.w = t->width + 4;
					q.h = t->size * 1.3;
					if (S_label_free(p, i, &q)) {
						t->x = q.x + 2;
						t->y = q.y + t->size;
						done = true;
					}
				}
		}
		if (!done) {
			/* beside the first segment, whatever it covers */
			t->x = e->pts[0] + 3;
			t->y = (e->pts[1] + e->pts[3]) / 2 + t->size / 2;
		}
	}
}

size_t tfs_dg_route(tfs_dpage *p, tfs_arena *a, tfs_dg_route_ws *w)
{
	S_router r;
	size_t i, k = 0, failed = 0, states;

	memset(&r, 0, sizeof(r));
	r.p = p;
	if (!p->nedges)
		return 0;
	S_grid(&r);
	if (r.nx < 2 || r.ny < 2) {
		failed = p->nedges;
		p->nedges = 0;
		goto out;
	}
	states = tfs_mul_size(tfs_mul_size(r.nx, r.ny), 4);
	S_ws_reserve(w, states);
	r.g = w->g;
	r.from = w->from;
	r.seen = w->seen;
	r.closed = w->closed;
	r.gen = w->gen;
	r.heap = w->heap;
	r.heap_f = w->heap_f;
	r.cap_heap = w->cap_heap;
	r.allowed = xcalloc(p->nboxes, sizeof(*r.allowed));
	r.port_in = xcalloc(p->nboxes * 4, sizeof(*r.port_in));
	r.port_out = xcalloc(p->nboxes * 4, sizeof(*r.port_out));
	/* traffic first: it gets the straightest lanes; then uses; grants
	 * (may access: a permission, drawn dotted) take what is left */
	for (int pass = 0; pass < 3; pass++)
		for (i = 0; i < p->nedges; i++) {
			tfs_dedge *e = &p->edges[i];
			int want = e->style == TFS_DEDGE_TRAFFIC ? 0
			           : e->kind == TFS_EDGE_MAY_ACCESS && !e->from_users
			                   ? 2
			                   : 1;
			if (pass != want)
				continue;
			if (!S_route_one(&r, e, a)) {
				e->npts = 0;
				failed++;
			}
		}
	for (i = 0; i < p->nedges; i++)
		if (p->edges[i].npts >= 2)
			p->edges[k++] = p->edges[i];
	p->nedges = k;
	S_place_labels(p);
	w->gen = r.gen;
	w->heap = r.heap;
	w->heap_f = r.heap_f;
	w->cap_heap = r.cap_heap;
out:
	free(r.xs);
	free(r.ys);
	free(r.crowd_x);
	free(r.crowd_y);
	free(r.hdr);
	free(r.pt_port);
	free(r.pt_dir);
	free(r.pt_a);
	free(r.pt_b);
	free(r.pt_in);
	free(r.pt_out);
	free(r.deep);
	free(r.head);
	free(r.in_header);
	free(r.pool_box);
	free(r.pool_next);
	free(r.usage);
	free(r.user_from);
	free(r.user_to);
	free(r.user_grant);
	free(r.port_in);
	free(r.port_out);
	free(r.allowed);
	return failed;
}
