/* route.c - orthogonal edge routing.
 *
 * Every box leaves a lane TFS_DG_LANE outside each of its borders (the
 * layout keeps siblings and paddings at least twice that apart), and every
 * card has a line through its centre.  Those lines form a sparse grid; an
 * edge is the cheapest grid path (length, plus a price per bend and per
 * lane already taken) from a side of its source to a side of its target
 * that never enters a box other than the ancestors of its two ends.  The
 * grid has a few lines per box, and the collapse caps of the layout bound
 * the boxes per page, so routing a page costs the same whatever the
 * size of the state. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

#define S_BEND 36.0
#define S_SHARED 0.6 /* extra cost per length unit of a lane already used */

typedef struct {
	const tfs_dpage *p;
	double *xs, *ys;
	size_t nx, ny;
	/* boxes whose interior each step enters: horizontal steps
	 * (nx-1)*ny, then vertical steps nx*(ny-1) */
	size_t *head;
	size_t *pool_box, *pool_next;
	size_t npool, cap_pool;
	unsigned *usage;
	size_t *user_from, *user_to; /* the first edge on each step */
	unsigned *port_in, *port_out; /* per box side: edges ending, leaving */
	size_t nsteps;
	size_t cur_from, cur_to;
	/* per edge */
	unsigned *allowed; /* stamp per box */
	unsigned stamp;
	/* search */
	double *g;
	size_t *from;
	unsigned *seen;
	unsigned char *closed;
	unsigned gen;
	size_t *heap;
	double *heap_f;
	size_t nheap, cap_heap;
} S_router;

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

static void S_mark(S_router *r, size_t step, size_t box)
{
	size_t cap = r->cap_pool;

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

static void S_grid(S_router *r)
{
	const tfs_dpage *p = r->p;
	size_t i, j, b, n = 0;

	r->xs = xcalloc(p->nboxes * 3 + 1, sizeof(*r->xs));
	r->ys = xcalloc(p->nboxes * 3 + 1, sizeof(*r->ys));
	for (b = 0; b < p->nboxes; b++) {
		const tfs_drect *q = &p->boxes[b].r;
		r->xs[n] = q->x - TFS_DG_LANE;
		r->ys[n++] = q->y - TFS_DG_LANE;
		r->xs[n] = q->x + q->w + TFS_DG_LANE;
		r->ys[n++] = q->y + q->h + TFS_DG_LANE;
		if (p->boxes[b].kind == TFS_DBOX_NODE || p->boxes[b].kind == TFS_DBOX_USERS) {
			r->xs[n] = q->x + q->w / 2;
			r->ys[n++] = q->y + q->h / 2;
		}
	}
	r->nx = S_unique(r->xs, n);
	r->ny = S_unique(r->ys, n);
	if (r->nx < 2 || r->ny < 2)
		return;
	r->nsteps = (r->nx - 1) * r->ny + r->nx * (r->ny - 1);
	r->head = xmalloc(r->nsteps * sizeof(*r->head));
	for (i = 0; i < r->nsteps; i++)
		r->head[i] = TFS_NONE;
	r->usage = xcalloc(r->nsteps, sizeof(*r->usage));
	r->user_from = xmalloc(r->nsteps * sizeof(*r->user_from));
	r->user_to = xmalloc(r->nsteps * sizeof(*r->user_to));
	for (b = 0; b < p->nboxes; b++) {
		const tfs_drect *q = &p->boxes[b].r;
		double L = q->x, R = q->x + q->w, T = q->y, B = q->y + q->h;
		size_t j0 = S_above(r->ys, r->ny, T), j1 = S_from(r->ys, r->ny, B);
		size_t i0 = S_above(r->xs, r->nx, L), i1 = S_from(r->xs, r->nx, R);
		/* horizontal steps at rows strictly inside (T, B) whose span
		 * overlaps (L, R): i from i0-1 (xs[i+1] > L) to i1-1 (xs[i] < R) */
		for (j = j0; j < j1; j++)
			for (i = i0 ? i0 - 1 : 0; i < i1 && i + 1 < r->nx; i++)
				S_mark(r, S_hstep(r, i, j), b);
		for (i = i0; i < i1; i++)
			for (j = j0 ? j0 - 1 : 0; j < j1 && j + 1 < r->ny; j++)
				S_mark(r, S_vstep(r, i, j), b);
	}
}

static bool S_free(const S_router *r, size_t step)
{
	size_t k;
	for (k = r->head[step]; k != TFS_NONE; k = r->pool_next[k])
		if (r->allowed[r->pool_box[k]] != r->stamp)
			return false;
	return true;
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

/* Directions: 0 +x, 1 -x, 2 +y (down), 3 -y (up). */
static const int DX[4] = {1, -1, 0, 0}, DY[4] = {0, 0, 1, -1};

typedef struct {
	size_t i, j;   /* the stub's end on the grid */
	int dir;       /* outward */
	double px, py; /* the port on the border */
	bool ok;
} S_port;

static void S_ports(const S_router *r, const tfs_drect *q, S_port out[4])
{
	double cx = q->x + q->w / 2, cy = q->y + q->h / 2;
	double px[4] = {q->x + q->w, q->x, cx, cx};
	double py[4] = {cy, cy, q->y + q->h, q->y};
	int d;
	for (d = 0; d < 4; d++) {
		double sx = px[d] + DX[d] * TFS_DG_LANE, sy = py[d] + DY[d] * TFS_DG_LANE;
		out[d].i = S_find(r->xs, r->nx, sx);
		out[d].j = S_find(r->ys, r->ny, sy);
		out[d].dir = d;
		out[d].px = px[d];
		out[d].py = py[d];
		out[d].ok = out[d].i != TFS_NONE && out[d].j != TFS_NONE;
	}
}

static int S_opposite(int d)
{
	return d ^ 1;
}

static bool S_route_one(S_router *r, tfs_dedge *e, tfs_arena *a)
{
	const tfs_dpage *p = r->p;
	const tfs_dbox *src = &p->boxes[e->from], *dst = &p->boxes[e->to];
	S_port sp[4], tp[4];
	size_t N = r->nx * r->ny, b, best_state = TFS_NONE;
	int best_port = -1, d;
	double best = INFINITY;

	r->stamp++;
	r->cur_from = e->from;
	r->cur_to = e->to;
	for (b = src->parent; b != TFS_NONE; b = p->boxes[b].parent)
		r->allowed[b] = r->stamp;
	for (b = dst->parent; b != TFS_NONE; b = p->boxes[b].parent)
		r->allowed[b] = r->stamp;
	S_ports(r, &src->r, sp);
	S_ports(r, &dst->r, tp);
	r->gen++;
	r->nheap = 0;
	for (d = 0; d < 4; d++) {
		size_t s;
		if (!sp[d].ok)
			continue;
		s = ((sp[d].j * r->nx) + sp[d].i) * 4 + (size_t)d;
		r->seen[s] = r->gen;
		r->closed[s] = 0;
		/* traffic leaves downwards best, never where another arrives */
		r->g[s] = (d == 2 ? 0 : d == 3 ? 24 : 10) +
		          (r->port_in[e->from * 4 + (size_t)d] ? 120 : 0);
		r->from[s] = TFS_NONE;
		S_push(r, s, r->g[s]);
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
		for (d = 0; d < 4; d++) {
			double cost;
			if (!tp[d].ok || tp[d].i != i || tp[d].j != j)
				continue;
			/* the last move goes inward: opposite of the port's side */
			cost = r->g[s] + (dir == S_opposite(d) ? 0 : S_BEND) +
			       (d == 3 ? 0 : d == 2 ? 24 : 10) +
			       (r->port_out[e->to * 4 + (size_t)d] ? 120 : 0);
			if (dir == d)
				cost += 2 * S_BEND; /* a U-turn into the box */
			if (cost < best) {
				best = cost;
				best_state = s;
				best_port = d;
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
			if (DX[d])
				step = S_hstep(r, d > 0 ? i : (size_t)ni, j);
			else
				step = S_vstep(r, i, d == 2 ? j : (size_t)nj);
			if (!S_free(r, step))
				continue;
			len = DX[d] ? fabs(r->xs[ni] - r->xs[i]) : fabs(r->ys[nj] - r->ys[j]);
			g = r->g[s] + len + (d == dir ? 0 : S_BEND);
			if (r->usage[step]) {
				/* sharing a lane reads as one line: fine for a fan-out or
				 * a fan-in, misleading between unrelated edges */
				if (r->user_from[step] == r->cur_from ||
				    r->user_to[step] == r->cur_to)
					g += len * S_SHARED * 0.2;
				else
					g += len * S_SHARED * 6 + 80;
			}
			ns = (((size_t)nj * r->nx) + (size_t)ni) * 4 + (size_t)d;
			if (r->seen[ns] == r->gen && (r->closed[ns] || r->g[ns] <= g))
				continue;
			r->seen[ns] = r->gen;
			r->closed[ns] = 0;
			r->g[ns] = g;
			r->from[ns] = s;
			{
				double h = INFINITY;
				for (int t = 0; t < 4; t++)
					if (tp[t].ok) {
						double hh = fabs(r->xs[tp[t].i] - r->xs[ni]) +
						            fabs(r->ys[tp[t].j] - r->ys[nj]);
						if (hh < h)
							h = hh;
					}
				S_push(r, ns, g + h);
			}
		}
	}
	(void)N;
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
				}
				r->usage[step]++;
			} else {
				int sd = (int)(s % 4);
				(void)sd;
			}
		}
		/* the source port: the start state's direction names its side */
		{
			size_t s0 = best_state;
			while (r->from[s0] != TFS_NONE)
				s0 = r->from[s0];
			v[n * 2] = sp[s0 % 4].px;
			v[n * 2 + 1] = sp[s0 % 4].py;
			n++;
			r->port_out[e->from * 4 + s0 % 4]++;
			r->port_in[e->to * 4 + (size_t)best_port]++;
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

/* Is the label rectangle clear of cards, texts and the labels before? */
static bool S_label_free(const tfs_dpage *p, size_t upto, const tfs_drect *q)
{
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
	for (i = 0; i < upto; i++) {
		const tfs_dtext *t = p->edges[i].label;
		if (t && p->edges[i].npts >= 2) {
			tfs_drect tr = {t->x - 2, t->y - t->size, t->width + 4, t->size * 1.3};
			if (S_hits(q, &tr))
				return false;
		}
	}
	return true;
}

/* A label sits beside one of its edge's segments, where it covers no card,
 * no text and no other label: above a horizontal segment or to the right
 * of a vertical one, near the middle first. */
static void S_place_labels(tfs_dpage *p)
{
	static const double AT[] = {0.5, 0.3, 0.7, 0.15, 0.85};
	size_t i, k, a;

	for (i = 0; i < p->nedges; i++) {
		tfs_dedge *e = &p->edges[i];
		tfs_dtext *t = e->label;
		bool done = false;
		if (!t || e->npts < 2)
			continue;
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
					q.y = my - 3 - t->size;
				} else {
					if (fabs(y1 - y0) < t->size * 2)
						continue;
					q.x = mx + 3;
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
		if (!done) {
			/* beside the first segment, whatever it covers */
			t->x = e->pts[0] + 3;
			t->y = (e->pts[1] + e->pts[3]) / 2 + t->size / 2;
		}
	}
}

size_t tfs_dg_route(tfs_dpage *p, tfs_arena *a)
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
	r.g = xmalloc(states * sizeof(*r.g));
	r.from = xmalloc(states * sizeof(*r.from));
	r.seen = xcalloc(states, sizeof(*r.seen));
	r.closed = xcalloc(states, sizeof(*r.closed));
	r.allowed = xcalloc(p->nboxes, sizeof(*r.allowed));
	r.port_in = xcalloc(p->nboxes * 4, sizeof(*r.port_in));
	r.port_out = xcalloc(p->nboxes * 4, sizeof(*r.port_out));
	/* traffic first: it gets the straightest lanes */
	for (int pass = 0; pass < 2; pass++)
		for (i = 0; i < p->nedges; i++) {
			tfs_dedge *e = &p->edges[i];
			if ((pass == 0) != (e->style == TFS_DEDGE_TRAFFIC))
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
out:
	free(r.xs);
	free(r.ys);
	free(r.head);
	free(r.pool_box);
	free(r.pool_next);
	free(r.usage);
	free(r.user_from);
	free(r.user_to);
	free(r.port_in);
	free(r.port_out);
	free(r.allowed);
	free(r.g);
	free(r.from);
	free(r.seen);
	free(r.closed);
	free(r.heap);
	free(r.heap_f);
	return failed;
}
