/*
 * diagram.c - bench-diagram: the time of the diagram's own work, without
 * reading the state.
 *
 *	bench-diagram [-r RUNS] STATE
 *
 * Reads STATE and builds its model once, then RUNS times (default 5) lays
 * out the diagram and renders every page as SVG, and prints
 * "pages=P boxes=B edges=E layout_ms=L median_ms=M first_ms=F": the
 * median of the layout and routing alone (what dot -Tdot does on the
 * exported DOT), of the layout, routing and cairo SVG rendering (what
 * dot -Tsvg does), and the first run of the latter, which opens the font
 * and loads its glyphs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tfsight/diagram.h"

static double S_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int S_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	int runs = 5, i;
	const char *path;
	tfs_state *st;
	tfs_inventory *inv;
	tfs_model_options mo;
	tfs_model *m;
	tfs_error err;
	double *t, *tl, first = 0;
	size_t pages = 0, boxes = 0, edges = 0;

	if (argc == 4 && strcmp(argv[1], "-r") == 0) {
		runs = atoi(argv[2]);
		path = argv[3];
	} else if (argc == 2) {
		path = argv[1];
	} else {
		fprintf(stderr, "usage: bench-diagram [-r RUNS] STATE\n");
		return 2;
	}
	if (runs < 1)
		runs = 1;
	tfs_error_init(&err);
	if (tfs_state_load(&st, path, &err) != 0) {
		fprintf(stderr, "bench-diagram: cannot read %s: %s\n", path, err.text);
		return 3;
	}
	inv = tfs_inventory_build(st, TFS_DEFAULT_REGION);
	tfs_model_options_init(&mo);
	m = tfs_model_build(st, inv, &mo);
	t = calloc((size_t)runs, sizeof(*t));
	tl = calloc((size_t)runs, sizeof(*tl));
	for (i = 0; i < runs; i++) {
		tfs_diagram_options o;
		tfs_diagram *d;
		tfs_buf b;
		double t0 = S_now_ms();
		tfs_diagram_options_init(&o);
		d = tfs_diagram_layout(m, &o);
		tl[i] = S_now_ms() - t0;
		tfs_buf_init(&b);
		for (size_t p = 0; p < d->npages; p++) {
			tfs_diagram_render_svg(d, p, &b);
			tfs_buf_truncate(&b, 0);
		}
		tfs_buf_release(&b);
		t[i] = S_now_ms() - t0;
		if (i == 0)
			first = t[i];
		pages = d->npages;
		boxes = edges = 0;
		for (size_t p = 0; p < d->npages; p++) {
			boxes += d->pages[p].nboxes;
			edges += d->pages[p].nedges;
		}
		tfs_diagram_free(d);
	}
	qsort(t, (size_t)runs, sizeof(*t), S_cmp);
	qsort(tl, (size_t)runs, sizeof(*tl), S_cmp);
	printf("pages=%zu boxes=%zu edges=%zu layout_ms=%.2f median_ms=%.2f "
	       "first_ms=%.2f\n",
	       pages, boxes, edges, tl[runs / 2], t[runs / 2], first);
	free(t);
	free(tl);
	tfs_model_free(m);
	tfs_inventory_free(inv);
	tfs_state_free(st);
	return 0;
}
