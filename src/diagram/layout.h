/* layout.h - the layout's working state, private to src/diagram. */
#ifndef TFSIGHT_DIAGRAM_LAYOUT_H
#define TFSIGHT_DIAGRAM_LAYOUT_H

#include "diagram_int.h"

/* The router's search state, kept from one page to the next so that a
 * layout allocates it once (route.c). */
typedef struct tfs_dg_route_ws {
	double *g;              /* per grid state: cost so far */
	size_t *from;           /* the state before it */
	unsigned *seen;         /* the search (gen) that reached it */
	unsigned char *closed;
	size_t cap;             /* states allocated */
	unsigned gen;
	size_t *heap;
	double *heap_f;
	size_t cap_heap;
} tfs_dg_route_ws;

void tfs_dg_route_ws_release(tfs_dg_route_ws *w);

/* One model being laid out. */
typedef struct layout_ctx {
	const tfs_model *m;
	const tfs_diagram_options *o;
	const tfs_cost *cost;
	const unsigned *failed;
	tfs_diagram *d;
	tfs_dg_measure *meas;
	tfs_dg_route_ws *route;
	tfs_arena tmp;        /* freed when the model is laid out */
	/* per node */
	unsigned char *cls;   /* drawn, folded into another, hidden */
	size_t *fold;         /* the node it is drawn as (itself when drawn) */
	const char **ckey;    /* collapse key: module instances merged */
	const char **bkey;    /* the same without the resource's own index */
	size_t *ckid, *bkid;  /* the keys as numbers (equal keys, equal numbers) */
	bool *visible;        /* passes the environment filter */
	bool *linked;         /* an edge joins it to something drawn */
	unsigned char *lane;  /* the serverless lane: 0 not in it, else 1 + its
	                       * stage (layout.c, S_lane_stage) */
	size_t *head;         /* first link of the node on the current page */
	/* for the title and legend */
	const char *title;
	const char *env_line;
	size_t not_drawn;
	double cost_total;
	size_t unrouted;
} layout_ctx;

/* A box for one resource or a collapsed set, before it has a place. */
typedef struct layout_card {
	size_t first, count;
	tfs_kind kind;
	const char *label;
	bool mixed;        /* its resources have different labels */
	bool kinds_mixed;
	bool by_kind;      /* collapsed by kind: "9 alarms" */
	const char *prefix; /* collapsed by name prefix: "orders-*" */
	size_t zones;      /* Route 53 */
	const char *zone_label;
	bool has_cost;
	double cost;
	bool pending;        /* usage-based parts without usage */
	bool no_price;       /* a part whose price the tables lack */
	bool cost_elsewhere; /* another copy (AZ) shows the cost */
	bool standby;        /* a Multi-AZ database's standby */
	size_t ncopies;      /* AZs the same resource is drawn in */
	unsigned failed;
	/* subnet cards */
	bool in_subnet;
	size_t row, slot, col;
	int tier;
	/* overview tiles */
	size_t subnets, azs, tile;
	size_t box;        /* once placed */
} layout_card;

typedef struct layout_link {
	size_t node, card, next;
} layout_link;

typedef struct layout_page {
	layout_ctx *c;
	tfs_dbox *boxes;
	size_t nboxes, cap_boxes;
	size_t *box_col;   /* AZ column of each card box */
	size_t cap_box_col;
	layout_card *cards;
	size_t ncards, cap_cards;
	layout_link *links;
	size_t nlinks, cap_links;
	tfs_dedge *edges;
	size_t nedges;
	bool only_linked;  /* a VPC page: side cards only when they join it */
	bool *relevant;
} layout_page;

/* Route every edge of p around the boxes (route.c), with the search
 * state in w.  Edges that cannot be routed are removed; returns how many. */
size_t tfs_dg_route(tfs_dpage *p, tfs_arena *a, tfs_dg_route_ws *w);

#endif
