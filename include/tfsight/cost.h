/*
 * cost.h - the monthly cost of every resource, from the price tables and
 * the usage file, as cost components a person can trace to a price row.
 *
 *	tfs_cost *c = tfs_cost_estimate(model, pricing, usage);  (usage may be NULL)
 *	for (i = 0; i < c->count; i++) ... c->resources[i] ...
 *	tfs_cost_free(c);
 *
 * Rules of the house:
 *   - 730 hours a month;
 *   - a price the table lacks is a component with price_row NULL: it adds
 *     nothing to the total and is counted in missing_prices, never guessed,
 *     and its resource's status says so (price-not-found);
 *   - only sa-east-1 is priced: a resource whose region the input records
 *     as another (its region attribute, ARN, AZ or provider configuration)
 *     is listed as outside the region, and a resource of another provider
 *     as not AWS; neither is priced at sa-east-1 rates, and the summary
 *     counts what the total leaves out;
 *   - a usage-based component without a usage figure has has_quantity
 *     false: it shows its unit price ("depends on usage") and adds nothing;
 *   - totals are sums of unrounded component costs.
 *
 * Ownership: the cost borrows the model and the price table (both must
 * outlive it) and owns its arrays and strings.
 *
 * Adding a priced type: an estimator in src/cost/estimate_<area>.c
 * (network, data, compute), its row in ESTIMATORS and its usage keys in
 * USAGE_KEYS (src/cost/estimate.c, both sorted), and a unit test whose
 * expected figures are computed in the test from the table's prices.
 */
#ifndef TFSIGHT_COST_H
#define TFSIGHT_COST_H

#include "tfsight/model.h"
#include "tfsight/pricing.h"
#include "tfsight/usage.h"

#define TFS_HOURS_PER_MONTH 730.0

typedef struct tfs_cost_component {
	const char *name;          /* "Fargate vCPU (Linux/x86)" */
	const char *unit;          /* "vCPU-hours", "GB", "months" */
	double monthly_quantity;   /* when has_quantity */
	bool has_quantity;
	bool usage_based;
	const char *usage_source;  /* the usage entry that gave the quantity */
	const char *price_key;
	const tfs_price *price_row; /* NULL: the table has no such price */
	double monthly_cost;       /* quantity x price, unrounded; 0 if unknown */
	const char *note;          /* an assumption it rests on, or NULL */
} tfs_cost_component;

typedef enum tfs_cost_status {
	TFS_COST_PRICED,          /* has components, every one with its price */
	TFS_COST_PRICE_NOT_FOUND, /* has components; the table lacks a price */
	TFS_COST_FREE,            /* no charge of its own (note: why, or the
	                             resource it is billed with) */
	TFS_COST_UNSUPPORTED,     /* billable; tfsight has no estimator yet */
	TFS_COST_OTHER_REGION,    /* outside sa-east-1: not priced */
	TFS_COST_NOT_AWS,         /* another provider's: not priced */
} tfs_cost_status;

typedef struct tfs_cost_resource {
	size_t node;               /* model node index */
	const char *address;
	const char *type;
	const char *resource_id;   /* its ARN, else its id, else NULL */
	tfs_cost_status status;
	const char *note;          /* why free, why unsupported, or a caveat */
	const char *region;        /* outside the region: which one */
	size_t parent;             /* free: the node it is billed with;
	                              priced: the node whose values price
	                              it (provisioned concurrency: its
	                              function); else TFS_NONE */
	tfs_cost_component *components;
	size_t ncomponents;
	double monthly_cost;       /* sum of the components */
	double monthly_usage_cost; /* of which usage-based components */
	size_t missing_prices;
	size_t pending_usage;      /* usage-based components without usage */
} tfs_cost_resource;

typedef struct tfs_cost {
	const tfs_model *model;
	tfs_cost_resource *resources; /* one per resource node, in node order */
	size_t count;
	double total;
	double usage_total;        /* of which usage-based components */
	size_t n_priced, n_free, n_unsupported;
	size_t n_no_price;         /* price-not-found */
	size_t n_other_region, n_not_aws; /* left out of the total */
	size_t missing_prices, pending_usage;
	tfs_arena arena;
} tfs_cost;

tfs_cost *tfs_cost_estimate(const tfs_model *m, const tfs_pricing *p,
                            const tfs_usage *u);
void tfs_cost_free(tfs_cost *c);

const char *tfs_cost_status_name(tfs_cost_status s);

/* Whether the resource has cost components (priced, or priced with a
 * price missing): what the cost tree, the totals and the roll-ups show. */
static inline bool tfs_cost_has_components(const tfs_cost_resource *r)
{
	return (r->status == TFS_COST_PRICED ||
	        r->status == TFS_COST_PRICE_NOT_FOUND) &&
	       r->ncomponents > 0;
}

/* Whether the resource is left out of the estimate: outside sa-east-1 or
 * not an AWS resource. */
static inline bool tfs_cost_excluded(const tfs_cost_resource *r)
{
	return r->status == TFS_COST_OTHER_REGION ||
	       r->status == TFS_COST_NOT_AWS;
}

/* ---- roll-ups -------------------------------------------------------------- */

#define TFS_UNTAGGED "(untagged)"

typedef struct tfs_rollup_line {
	const char *key;   /* an environment, tag value, service or module; or
	                    * TFS_UNTAGGED for resources without the tag */
	double usd;        /* sum of unrounded resource costs */
	size_t resources;  /* priced resources counted in it */
} tfs_rollup_line;

typedef struct tfs_rollup {
	const char *dimension; /* "environment", "project", "owner", "service",
	                        * "module" */
	tfs_rollup_line *lines; /* by cost, largest first, then by key */
	size_t count;
} tfs_rollup;

enum { TFS_ROLLUP_DIMENSIONS = 5 };

typedef struct tfs_rollups {
	tfs_rollup by[TFS_ROLLUP_DIMENSIONS]; /* environment, project, owner,
	                                       * service, module */
	double total;                         /* equals every roll-up's sum */
	tfs_arena arena;
} tfs_rollups;

/* Totals over every input by environment (from the model), by the
 * project_tag and owner_tag values (TFS_UNTAGGED where absent), by AWS
 * service and by module.  Every line of every roll-up sums to total. */
tfs_rollups *tfs_cost_rollups(tfs_cost *const *costs, size_t n,
                              const char *project_tag, const char *owner_tag);
void tfs_rollups_free(tfs_rollups *r);
/* "ECS", "RDS", "ELB", ... for a resource type. */
const char *tfs_aws_service_name(const char *type);

/* Warnings for the usage file against the keys the estimators read: an
 * unknown key of a priced type, a value of the wrong kind, and one note per
 * entry for a type tfsight does not price yet.  Returns how many it added. */
size_t tfs_cost_usage_check(const tfs_usage *u, tfs_usage_warnings *w);

/* One notice per load balancer of the estimate whose LCU-hours, read from
 * the usage file's averages as AWS defines LCUs, are more than 10x away
 * from Infracost's reading of the same figures (docs/usage-file.md), as
 * "FILE:LINE:COL: ADDRESS: ..." in w.  None where monthly_lcu_hours
 * gives the LCU-hours.  Returns how many it added. */
size_t tfs_cost_lcu_notices(const tfs_cost *c, const tfs_usage *u,
                            tfs_usage_warnings *w);

/* Whether the estimator, usage-key and free-type tables are in the order
 * their lookups (bsearch) need: a test, not a run-time check. */
bool tfs_cost_tables_sorted(void);

#endif
