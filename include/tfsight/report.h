/*
 * report.h - what `tfsight report` puts on the page, decided once for
 * every format that shows it (index.html, summary.md): the analysis behind
 * the report.  Renderers read a finished tfs_report and compute nothing.
 *
 *	tfs_report_stack stacks[n] = {{model, cost, checks, "webapp-prod"}, ...};
 *	tfs_report *r = tfs_report_build(stacks, n, &opt);
 *	tfs_render_report_html(r, &buf);
 *	tfs_render_report_markdown(r, &buf);
 *	tfs_report_free(r);
 *
 * Ownership: the report borrows the stacks (their model, cost and checks),
 * the pricing, the usage, the baseline diff and the diagram text, which
 * must outlive it; it owns its own arrays.
 */
#ifndef TFSIGHT_REPORT_H
#define TFSIGHT_REPORT_H

#include "tfsight/check.h"
#include "tfsight/cost.h"
#include "tfsight/diff.h"
#include "tfsight/pricing.h"
#include "tfsight/usage.h"

/* One input file. */
typedef struct tfs_report_stack {
	const tfs_model *model;
	const tfs_cost *cost;
	const tfs_checks *checks;
	const char *name;        /* the file's stem: "webapp-prod" */
	/* set by tfs_report_build: */
	const char *environment; /* the environment most resources name, or
	                            NULL */
} tfs_report_stack;

/* A saving a check found: its finding, ordered by saving, largest first. */
typedef struct tfs_report_saving {
	size_t stack;
	const tfs_finding *finding; /* has_saving, unwaived failure */
} tfs_report_saving;

/* A resource among the most expensive. */
typedef struct tfs_report_resource {
	size_t stack;
	const tfs_cost_resource *res;
} tfs_report_resource;

/* A change since the baseline, summed by one dimension. */
typedef struct tfs_report_move {
	const char *key;        /* environment, service or owner */
	double base_usd, head_usd;
} tfs_report_move;

typedef struct tfs_report_moves {
	const char *dimension;  /* "environment", "service", "owner" */
	tfs_report_move *lines; /* by |change|, largest first, then key */
	size_t count;
} tfs_report_moves;

/* One row of the environment comparison: a check, or a resource type,
 * side by side over the stacks. */
typedef struct tfs_report_parity {
	const char *what;        /* a check ID, or a resource type */
	bool is_check;
	const tfs_check_summary **checks; /* per stack (is_check), or NULL */
	size_t *counts;          /* per stack: instances of the type */
	bool differs;            /* not the same everywhere */
} tfs_report_parity;

enum { TFS_REPORT_MOVE_DIMENSIONS = 3, TFS_REPORT_LARGEST = 10 };

typedef struct tfs_report_options {
	const char *title;            /* NULL: the stack names */
	const tfs_pricing *pricing;   /* the table the estimate used */
	const tfs_usage *usage;       /* NULL when no usage file */
	const char *usage_name;
	const tfs_diff *baseline;     /* NULL without --baseline */
	const char *baseline_name;
	const char *project_tag;      /* "Project" */
	const char *owner_tag;        /* "Owner" */
	/* the diagram as SVG documents, one per stack (NULL: none drawn) */
	const char *const *diagram_svg;
	const char *css_href;         /* NULL: CSS inline; else a <link> */
	const char *generated;        /* a date to print, or NULL */
	const char *tool_version;
} tfs_report_options;

typedef struct tfs_report {
	tfs_report_options opt;
	tfs_report_stack *stacks;
	size_t nstacks;
	/* headline */
	double total;                 /* every stack */
	size_t n_priced, n_free, n_unsupported, missing_prices, pending_usage;
	size_t n_no_price, n_other_region, n_not_aws;
	size_t checks_passed, checks_decided; /* summed over stacks */
	size_t failed[TFS_SEV_COUNT];
	tfs_rollups *rollups;         /* over all stacks */
	tfs_report_resource *largest; /* at most TFS_REPORT_LARGEST */
	size_t nlargest;
	tfs_report_saving *savings;   /* every priced saving */
	size_t nsavings;
	double savings_total;
	/* baseline (when opt.baseline) */
	tfs_report_moves moves[TFS_REPORT_MOVE_DIMENSIONS];
	const tfs_diff_resource **movers_up, **movers_down; /* at most 10 each */
	size_t nmovers_up, nmovers_down;
	/* environment comparison (when nstacks > 1) */
	tfs_report_parity *parity;
	size_t nparity;
	tfs_arena arena;
} tfs_report;

void tfs_report_options_init(tfs_report_options *o);
/* stacks is copied; its pointers are borrowed. */
tfs_report *tfs_report_build(const tfs_report_stack *stacks, size_t n,
                             const tfs_report_options *o);
void tfs_report_free(tfs_report *r);

#endif
