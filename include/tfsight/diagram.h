/*
 * diagram.h - the architecture diagram: a layout computed as data, then
 * drawn with cairo (PNG, SVG, PDF) or exported as Graphviz DOT.
 *
 * Calling sequence:
 *
 *	tfs_diagram_options o;
 *	tfs_diagram_options_init(&o);
 *	o.cost = cost;                    (optional: monthly cost per node)
 *	tfs_diagram *d = tfs_diagram_layout(model, &o);
 *	assert(tfs_diagram_check(d) == NULL);
 *	tfs_diagram_render_svg(d, 0, &buf);      (page 0, the first)
 *	tfs_diagram_free(d);
 *
 * The layout follows the AWS conventions: users and the internet above
 * the AWS Cloud box; edge services (Route 53, CloudFront, WAF, ACM) in a
 * row at the top of the cloud; each Region holds its VPC (availability
 * zones as columns, public subnets above private ones, and inside a
 * subnet network › compute › data tiers top to bottom) and, to its
 * right, the regional services (S3, ECR, Secrets Manager, CloudWatch, ...).
 * Resources the diagram does not draw (security groups, route tables,
 * listeners, target groups, IAM, ...) are folded into what they serve or
 * counted in the legend.
 *
 * Large states: resources that differ only by module instance
 * (module.app[3], module.stack_7) are collapsed into one box ("12× ..."),
 * and so are repeated instances of a resource and, past a cap, resources
 * of one kind; VPCs that differ only by module instance share one page.
 * When more than one such VPC has anything to draw, page 0 is an overview
 * (a tile per VPC) and every VPC gets its own page.
 *
 * Ownership: a diagram owns everything it points to (one arena, and the
 * font its text was measured in, which its renderers draw with) and
 * borrows nothing: the model, costs and options may be freed after
 * tfs_diagram_layout() returns.  Every string in it is valid UTF-8
 * without control characters, already elided to fit its box.
 *
 * Determinism: the same inputs give the same layout, and the same layout
 * gives byte-identical SVG, PNG and DOT (and PDF, whose dates are fixed).
 */
#ifndef TFSIGHT_DIAGRAM_H
#define TFSIGHT_DIAGRAM_H

#include "tfsight/cost.h"
#include "tfsight/model.h"

typedef struct tfs_diagram_options {
	const tfs_cost *cost;       /* monthly cost per node, or NULL */
	const unsigned *failed;     /* failed checks per model node (nnodes
	                             * entries), or NULL */
	const char *environment;    /* draw only this environment, or NULL */
	const char *title;          /* NULL: the input's file name */
	const char *date;           /* shown in the title block, or NULL */
} tfs_diagram_options;

typedef enum tfs_dbox_kind {
	TFS_DBOX_CLOUD,          /* AWS Cloud */
	TFS_DBOX_REGION,
	TFS_DBOX_VPC,
	TFS_DBOX_AZ,
	TFS_DBOX_SUBNET_PUBLIC,
	TFS_DBOX_SUBNET_PRIVATE,
	TFS_DBOX_SUBNET_UNKNOWN, /* not in this input: public or private unknown */
	TFS_DBOX_NODE,           /* a resource, or a collapsed set of them */
	TFS_DBOX_USERS,          /* users and the internet, outside the cloud */
	TFS_DBOX_TITLE,
	TFS_DBOX_LEGEND,
} tfs_dbox_kind;

typedef struct tfs_drect {
	double x, y, w, h;
} tfs_drect;

/* One line of text, drawn left-aligned with its baseline at y. */
typedef struct tfs_dtext {
	const char *text;   /* sanitised UTF-8, elided ("…") to fit */
	double x, y;
	double size;        /* font size, in points */
	double width;       /* its measured advance */
	bool bold;
	unsigned colour;    /* 0xRRGGBB */
} tfs_dtext;

typedef struct tfs_dbox {
	tfs_dbox_kind kind;
	size_t parent;      /* box index on the same page, or TFS_NONE */
	tfs_drect r;
	/* TFS_DBOX_NODE: what it stands for */
	size_t node;        /* the first model node, or TFS_NONE */
	size_t count;       /* model nodes it stands for (collapsed: > 1) */
	tfs_kind rkind;
	tfs_category category;
	bool has_cost;
	double cost;        /* monthly USD of what it stands for */
	unsigned failed;    /* failed checks of what it stands for */
	/* text, inside text_area */
	tfs_drect text_area;
	tfs_dtext *text;
	size_t ntext;
} tfs_dbox;

typedef enum tfs_dedge_style {
	TFS_DEDGE_TRAFFIC,    /* solid, with an arrowhead */
	TFS_DEDGE_DEPENDENCY, /* dashed: secrets, images, logs, WAF */
} tfs_dedge_style;

typedef struct tfs_dedge {
	size_t from, to;      /* box indices, in the direction of traffic */
	tfs_dedge_style style;
	bool from_users;      /* drawn from the users box, not from the model */
	tfs_edge_kind kind;   /* the model edge (when !from_users) */
	double *pts;          /* x0, y0, x1, y1, ...: an orthogonal polyline */
	size_t npts;          /* points (pairs) */
	tfs_dtext *label;     /* "tcp/5432", or NULL */
} tfs_dedge;

typedef struct tfs_dpage {
	const char *name;     /* "overview", or a slug of the VPC's label */
	double width, height; /* in points */
	tfs_dbox *boxes;      /* parents before their children */
	size_t nboxes;
	tfs_dedge *edges;
	size_t nedges;
} tfs_dpage;

struct tfs_dg_fonts;

typedef struct tfs_diagram {
	tfs_dpage *pages;
	size_t npages;
	tfs_arena arena;
	size_t cap_pages;           /* private */
	struct tfs_dg_fonts *fonts; /* private: the font the text was measured
	                             * in, for the renderers (NULL: they open
	                             * it) */
} tfs_diagram;

void tfs_diagram_options_init(tfs_diagram_options *o);

/* The layout of one model: never NULL (an empty state gives one page with
 * the title, the cloud and the legend). */
tfs_diagram *tfs_diagram_layout(const tfs_model *m,
                                const tfs_diagram_options *o);
/* Several inputs, their pages one after the other; costs and failed may
 * be NULL, or hold NULL entries. */
tfs_diagram *tfs_diagram_layout_many(const tfs_model *const *models,
                                     const tfs_cost *const *costs,
                                     const unsigned *const *failed, size_t n,
                                     const tfs_diagram_options *o);
void tfs_diagram_free(tfs_diagram *d);

/* NULL, or a description of the first violated invariant: every box
 * inside its parent, siblings disjoint, every edge orthogonal with its
 * ends on the borders of its boxes, crossing no box but their ancestors
 * and no group's label (icon and text), every text inside its box and its
 * text area. */
const char *tfs_diagram_check(const tfs_diagram *d);
/* The same, and when an invariant is violated, where: appended to where
 * (when not NULL) as "page 1 of 3: edge crosses an unrelated box: edge 3
 * from box 10 (node ecs-service) to box 2 (node external) crosses box 8
 * (vpc) (segment 1)" (indices from 0, pages from 1).  Pages, boxes and
 * edges are named by number and kind only, never by a text of the input. */
const char *tfs_diagram_check_where(const tfs_diagram *d, tfs_buf *where);

/* ---- output ------------------------------------------------------------- */

/* One page as SVG or PNG (scale: pixels per point, e.g. 2). */
void tfs_diagram_render_svg(const tfs_diagram *d, size_t page, tfs_buf *out);
void tfs_diagram_render_png(const tfs_diagram *d, size_t page, double scale,
                            tfs_buf *out);
/* Every page, one PDF page each. */
void tfs_diagram_render_pdf(const tfs_diagram *d, tfs_buf *out);
/* Graphviz DOT: one digraph per page, with the same boxes (clusters for
 * the groups) and edges, for people who want to restyle it. */
void tfs_diagram_render_dot(const tfs_diagram *d, tfs_buf *out);

const char *tfs_dbox_kind_name(tfs_dbox_kind k);

/* Release the font caches cairo keeps for the whole process (so leak
 * checkers see a clean exit).  Call once no surface is in use: at the end
 * of a command or of a test program. */
void tfs_diagram_release_caches(void);

#endif
