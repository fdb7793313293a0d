/*
 * estimate_int.h - private to src/cost/estimate*.c: the estimator context
 * and the helpers every estimator builds its cost components with.
 *
 * estimate.c holds the helpers, the ESTIMATORS/FREE/USAGE_KEYS tables and
 * the driver; estimate_<area>.c hold the estimators of one area.
 */
#ifndef TFSIGHT_COST_ESTIMATE_INT_H
#define TFSIGHT_COST_ESTIMATE_INT_H

#include "model/attr.h"
#include "tfsight/cost.h"

typedef struct tfs_est_ctx {
	tfs_cost *cost;
	const tfs_model *m;
	const tfs_pricing *p;
	const tfs_usage *u;
	size_t node;
	const json_t *a;           /* the resource's attributes */
	tfs_cost_resource *res;
	size_t cap;
	tfs_map eip_addresses;     /* public IPs of the state's EIPs */
	tfs_map cluster_providers; /* cluster name -> capacity providers node */
	tfs_map rds_clusters;      /* cluster_identifier -> aws_rds_cluster node */
	tfs_map ebs_volumes;       /* ids of the state's aws_ebs_volume */
	tfs_map functions;         /* Lambda name and ARN -> node */
	tfs_map sns_subscriptions; /* "topic ARN|protocol" -> count */
} tfs_est_ctx;

#define TFS_EST_N(a) (sizeof(a) / sizeof(*(a)))

/* The component added last, to attach a note to. */
static inline tfs_cost_component *tfs_est_last(tfs_est_ctx *c)
{
	return &c->res->components[c->res->ncomponents - 1];
}

/* A component charged at price key `key` (looked up now; a key the table
 * lacks counts as a missing price). */
tfs_cost_component *tfs_est_component(tfs_est_ctx *c, const char *name,
                                      const char *unit, const char *key);
void tfs_est_set_quantity(tfs_cost_component *k, double q);
/* A component whose quantity the state decides. */
void tfs_est_fixed(tfs_est_ctx *c, const char *name, const char *unit,
                   double qty, const char *key);
/* A component whose quantity is a usage figure (times factor). */
void tfs_est_usage(tfs_est_ctx *c, const char *name, const char *unit,
                   const char *usage_key, double factor, const char *key);
/* A usage-based component shown only when the usage file names it (an
 * occasional charge: restores, on-demand backups). */
void tfs_est_optional_usage(tfs_est_ctx *c, const char *name,
                            const char *unit, const char *usage_key,
                            const char *key);
/* The usage figure for key, if the usage file gives one. */
bool tfs_est_usage_get(tfs_est_ctx *c, const char *usage_key, double *v,
                       const char **source);
/* A usage quantity split across a tiered price's bands: upper[i] is the
 * cumulative upper bound of band i+1 (the last band is unbounded and has
 * no entry), labels[i] its name; band i+1 is charged at
 * KEY_PREFIX.tierN.KEY_UNIT.  Without usage: one pending component at
 * tier1. */
void tfs_est_tiered(tfs_est_ctx *c, const char *name, const char *unit,
                    double qty, bool has_qty, const char *source,
                    const double *upper, const char *const *labels,
                    size_t nbands, const char *key_prefix,
                    const char *key_unit);
const char *tfs_est_key(tfs_est_ctx *c, const char *fmt, ...) TFS_PRINTF(2, 3);
double tfs_est_num(const json_t *o, const char *key, double dflt);
tfs_cost_component *tfs_est_public_ipv4(tfs_est_ctx *c, double addresses);
/* When the usage file gives usage_key for the resource, the note "usage
 * key KEY is read but not priced: WHY" on its first component whose price
 * key starts with anchor (NULL or none: its first), after any note there:
 * for an accepted figure the estimate does not use in this case. */
void tfs_est_unpriced(tfs_est_ctx *c, const char *usage_key,
                      const char *anchor, const char *why);

/* free.c: whether the type has no charge of its own (status and note
 * set); then, once every resource has its status, the parents named. */
bool tfs_est_free(tfs_est_ctx *c);
/* Whether the free-type table is in bsearch order (tested). */
bool tfs_est_free_sorted(void);
void tfs_est_free_notes(tfs_cost *cost);

/* estimate_network.c */
void tfs_est_load_balancer(tfs_est_ctx *c);
void tfs_est_nat_gateway(tfs_est_ctx *c);
void tfs_est_eip(tfs_est_ctx *c);
void tfs_est_vpc_endpoint(tfs_est_ctx *c);
void tfs_est_alarm(tfs_est_ctx *c);
void tfs_est_dashboard(tfs_est_ctx *c);
void tfs_est_log_group(tfs_est_ctx *c);
void tfs_est_secret(tfs_est_ctx *c);
void tfs_est_kms_key(tfs_est_ctx *c);
void tfs_est_route53_zone(tfs_est_ctx *c);
void tfs_est_route53_record(tfs_est_ctx *c);
void tfs_est_route53_health_check(tfs_est_ctx *c);
void tfs_est_private_ca(tfs_est_ctx *c);
void tfs_est_route53_resolver_endpoint(tfs_est_ctx *c);
void tfs_est_ecr(tfs_est_ctx *c);

/* estimate_data.c */
void tfs_est_s3_bucket(tfs_est_ctx *c);
void tfs_est_cloudfront(tfs_est_ctx *c);
void tfs_est_wafv2_web_acl(tfs_est_ctx *c);
void tfs_est_dynamodb_table(tfs_est_ctx *c);
void tfs_est_sns_topic(tfs_est_ctx *c);
void tfs_est_sqs_queue(tfs_est_ctx *c);

/* estimate_serverless.c */
void tfs_est_api_rest(tfs_est_ctx *c);
void tfs_est_api_v2(tfs_est_ctx *c);
void tfs_est_api_stage(tfs_est_ctx *c);
void tfs_est_cognito_user_pool(tfs_est_ctx *c);
void tfs_est_lambda_provisioned(tfs_est_ctx *c);
void tfs_est_event_bus(tfs_est_ctx *c);

/* estimate_compute.c */
void tfs_est_instance(tfs_est_ctx *c);
void tfs_est_ebs_volume(tfs_est_ctx *c);
void tfs_est_lambda(tfs_est_ctx *c);
void tfs_est_elasticache_cluster(tfs_est_ctx *c);
void tfs_est_elasticache_replication_group(tfs_est_ctx *c);
void tfs_est_rds_cluster(tfs_est_ctx *c);
void tfs_est_rds_cluster_instance(tfs_est_ctx *c);

#endif
