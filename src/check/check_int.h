/*
 * check_int.h - what a check function sees: the model, the thresholds, a
 * join index over attribute values, and the calls that record findings.
 *
 * A check is one function over the model:
 *
 *	static void S_rds_multi_az(tfs_check_ctx *x)
 *	{
 *		size_t i;
 *		TFS_CK_FOREACH(x, i, TFS_KIND_RDS_INSTANCE) {
 *			bool on;
 *			if (!tfs_ck_applies(x, i))
 *				continue;              (recorded not-applicable)
 *			if (!tfs_attr_bool(tfs_ck_attrs(x, i), "multi_az", &on))
 *				tfs_ck_unknown(x, i, "multi_az", "...");
 *			else if (on)
 *				tfs_ck_pass(x, i, "multi_az", "a standby ...");
 *			else
 *				tfs_ck_fail(x, i, "multi_az", "single-AZ: ...");
 *		}
 *	}
 *
 * tfs_ck_pass/fail/unknown read the value at the attribute path from the
 * node's attributes for the evidence ("a.b[0].c"; "(absent)" when missing);
 * tfs_ck_result() takes the value from the caller, for values found inside
 * JSON strings (container definitions, policies) or computed from joins.
 * Messages are printf formats.  A check that finds nothing to look at
 * records nothing: its summary reads not-applicable.
 */
#ifndef TFSIGHT_CHECK_INT_H
#define TFSIGHT_CHECK_INT_H

#include <jansson.h>

#include "model/attr.h"
#include "tfsight/check.h"
#include "tfsight/config.h"

struct tfs_check_ctx {
	const tfs_model *m;
	const tfs_check_def *def; /* the check running */
	const tfs_thresholds *th;
	const char *const *required_tags;
	size_t n_required_tags;
	const char *const *prod_envs;
	size_t n_prod_envs;
	const tfs_check_options *options;
	const tfs_config *config; /* NULL without a config file */
	const char *today;        /* "YYYY-MM-DD" */
	const char *stack_env;    /* the environment most resources name */
	const struct tfs_cost *cost;       /* NULL: savings are not computed */
	const struct tfs_pricing *pricing; /* NULL: likewise */
	/* private to engine.c */
	struct tfs_checks *out;
	struct tfs_ck_join *join; /* built as the checks ask (engine.c) */
	tfs_map type_first;    /* Terraform type -> its first node + 1 */
	size_t *type_next;     /* per node: the next one of its type */
	size_t *in_head; /* incoming edges: first edge index + 1 per node */
	size_t *in_next;
};

/* Every resource node of one kind, in node order. */
#define TFS_CK_FOREACH(x, i, k)                                               \
	for ((i) = 0; (i) < (x)->m->nresources; (i)++)                         \
		if ((x)->m->nodes[i].kind == (k))

/* Every resource node of one Terraform type (for kinds the model lumps),
 * in node order; visits that type's nodes only. */
#define TFS_CK_FOREACH_TYPE(x, i, t)                                          \
	for ((i) = tfs_ck_type_first((x), (t)); (i) != TFS_NONE;               \
	     (i) = (x)->type_next[i])

/* The first resource node of a type, or TFS_NONE. */
size_t tfs_ck_type_first(const tfs_check_ctx *x, const char *type);

const json_t *tfs_ck_attrs(const tfs_check_ctx *x, size_t node);
const char *tfs_ck_type(const tfs_check_ctx *x, size_t node);
const char *tfs_ck_address(const tfs_check_ctx *x, size_t node);

/* The value at a path like "a.b[0].c" (objects by key, arrays by index),
 * or NULL. */
const json_t *tfs_ck_path(const json_t *obj, const char *path);

/* Small joins and comparisons every category needs. */
bool tfs_ck_str_eq(const char *a, const char *b); /* NULL never equal */
bool tfs_ck_type_is(const tfs_check_ctx *x, size_t node, const char *type);
/* An ECS service's cluster name: its cluster node's, else its ARN's tail. */
const char *tfs_ck_service_cluster(const tfs_check_ctx *x, size_t svc);
/* A bucket's name (or an S3 sub-resource's bucket): bucket, else id. */
const char *tfs_ck_bucket_name(const json_t *attrs);

/* A bucket's versioning, default encryption or Block Public Access as the
 * state records them (s3_settings.c): the split sub-resource joined by
 * bucket name, else the bucket's read-back block (or, for Block Public
 * Access, the account's).  Each check decides what a reading means. */
typedef enum tfs_ck_s3_from {
	TFS_CK_S3_RESOURCE, /* aws_s3_bucket_versioning, ..._public_access_block */
	TFS_CK_S3_BUCKET,   /* the bucket's own block (versioning[0], ...) */
	TFS_CK_S3_ACCOUNT,  /* aws_s3_account_public_access_block, all four on */
	TFS_CK_S3_NONE,     /* nothing in this input says */
} tfs_ck_s3_from;

typedef struct tfs_ck_s3_setting {
	tfs_ck_s3_from from;
	size_t node;       /* the node that says it, or TFS_NONE */
	const char *attr;  /* evidence: a bucket path, or "ADDRESS.path" */
	const char *value; /* evidence value, as tfs_ck_value() shows it */
	const char *state; /* versioning status ("Enabled", "true"), the SSE
	                      algorithm, or the first BPA flag not on; NULL
	                      when not recorded (or, BPA, none is off) */
	bool known;        /* the state records the setting */
	bool on;           /* versioned / a valid algorithm / all four on */
} tfs_ck_s3_setting;

void tfs_ck_s3_versioning(tfs_check_ctx *x, size_t bucket,
                          tfs_ck_s3_setting *out);
void tfs_ck_s3_sse(tfs_check_ctx *x, size_t bucket, tfs_ck_s3_setting *out);
void tfs_ck_s3_bpa(tfs_check_ctx *x, size_t bucket, tfs_ck_s3_setting *out);
/* AES256, aws:kms or aws:kms:dsse. */
bool tfs_ck_s3_sse_algorithm_ok(const char *alg);

/* Glob: '*' any run of characters, '?' one (waivers, IAM actions). */
bool tfs_ck_glob(const char *pattern, const char *s);

/* Whether a plain environment variable holds a secret (security_app.c):
 * a secret-like name (DB_PASSWORD, not DB_PASSWORD_ARN) unless its value
 * is an ARN, a credential-like value (a URL with a password, an access key
 * ID), or a value the reader redacted.  Decides only; report the name. */
bool tfs_ck_plaintext_secret(const char *name, const char *value);

/* Availability zones of a node's subnets (ha.c).  tfs_ck_data_subnets()
 * indexes the data.aws_subnet instances by id (release with
 * tfs_map_release()); tfs_ck_az_spread() returns the distinct zones as
 * evidence ("[\"a\",\"b\"]"), counts them in *distinct and the subnets of
 * unknown zone in *unknown. */
void tfs_ck_data_subnets(const tfs_check_ctx *x, tfs_map *out);
const char *tfs_ck_az_spread(tfs_check_ctx *x, const tfs_map *data, size_t n,
                             size_t *distinct, size_t *unknown);

/* A node's environment: its own (tag, account, flag), else the one most
 * resources of the stack name, else NULL. */
const char *tfs_ck_env(const tfs_check_ctx *x, size_t node);

/* Production, by tfs_ck_env() and checks.prod_environments.  A node
 * without any environment counts as production: the stricter reading. */
bool tfs_ck_is_prod(const tfs_check_ctx *x, size_t node);

/* Whether two environment names are one: equal in any case, or both in
 * checks.prod_environments ("prod" and "production"). */
bool tfs_ck_env_same(const tfs_check_ctx *x, const char *a, const char *b);

/* The environment tfsight.yml environments.accounts gives an account ID,
 * or NULL. */
const char *tfs_ck_account_env(const tfs_check_ctx *x, const char *account);

/* Whether the running check's scope covers the node; records a
 * not-applicable finding when it does not. */
bool tfs_ck_applies(tfs_check_ctx *x, size_t node);

/* ---- joins by value -------------------------------------------------------
 * Any top-level string attribute of any type.  The nodes of `type` are
 * indexed by `attr` the first time that pair is asked for, so a run pays
 * only for the joins its checks make.
 * tfs_ck_first() returns the first node of `type` whose `attr` equals value
 * (TFS_NONE when none, also when value is NULL) and sets the cursor *it;
 * tfs_ck_next() the following one, in node order:
 *
 *	size_t n, it;
 *	TFS_CK_JOIN(x, n, it, "aws_s3_bucket_versioning", "bucket", name) {...}
 */
size_t tfs_ck_first(const tfs_check_ctx *x, const char *type, const char *attr,
                    const char *value, size_t *it);
size_t tfs_ck_next(const tfs_check_ctx *x, size_t *it);

#define TFS_CK_JOIN(x, n, it, type, attr, value)                              \
	for ((n) = tfs_ck_first((x), (type), (attr), (value), &(it));          \
	     (n) != TFS_NONE; (n) = tfs_ck_next((x), &(it)))

/* Whether any resource of this type is in the state (managed only). */
bool tfs_ck_has_type(const tfs_check_ctx *x, const char *type);

/* Incoming model edges of a node: iterate e from tfs_ck_in_first() while
 * e != TFS_NONE, e = tfs_ck_in_next(); x->m->edges[e].from is the source. */
size_t tfs_ck_in_first(const tfs_check_ctx *x, size_t node);
size_t tfs_ck_in_next(const tfs_check_ctx *x, size_t edge);

/* ---- findings ------------------------------------------------------------- */

void tfs_ck_pass(tfs_check_ctx *x, size_t node, const char *attr,
                 const char *fmt, ...) TFS_PRINTF(4, 5);
void tfs_ck_fail(tfs_check_ctx *x, size_t node, const char *attr,
                 const char *fmt, ...) TFS_PRINTF(4, 5);
void tfs_ck_unknown(tfs_check_ctx *x, size_t node, const char *attr,
                    const char *fmt, ...) TFS_PRINTF(4, 5);
void tfs_ck_na(tfs_check_ctx *x, size_t node, const char *fmt, ...)
	TFS_PRINTF(3, 4);
/* node may be TFS_NONE for a finding about the whole stack (no CloudTrail
 * in this state); attr and value may be NULL. */
void tfs_ck_result(tfs_check_ctx *x, size_t node, tfs_status st,
                   const char *attr, const char *value, const char *fmt, ...)
	TFS_PRINTF(6, 7);

/* Attach a monthly saving (USD) to the finding just recorded. */
void tfs_ck_saving(tfs_check_ctx *x, double monthly_usd);

/* A short, safe rendering of a JSON value for evidence: scalars as JSON
 * ("\"HTTP\"", false, 3), containers as "[3 items]" / "{...}", NULL as
 * "(absent)".  The string lives in the check run's arena. */
const char *tfs_ck_value(tfs_check_ctx *x, const json_t *v);
/* A string in the run's arena (printf format). */
const char *tfs_ck_fmt(tfs_check_ctx *x, const char *fmt, ...) TFS_PRINTF(2, 3);

/* JSON held in a string attribute (container_definitions, policies),
 * parsed; the caller owns the result (json_decref).  NULL when absent or
 * not JSON.  When the input marks the attribute sensitive whole, the
 * sealed document (tfs_instance.sealed): every finding whose attribute
 * path starts in it shows its value as "(sensitive)", whatever the check
 * passes. */
json_t *tfs_ck_json_attr(const tfs_check_ctx *x, size_t node, const char *attr);

/* ---- the category tables ---------------------------------------------------
 * Each category file defines its table; catalogue.c puts them in order. */
extern const tfs_check_def tfs_checks_predeploy[];
extern const size_t tfs_checks_predeploy_count;
extern const tfs_check_def tfs_checks_delivery_predeploy[]; /* state */
extern const size_t tfs_checks_delivery_predeploy_count;
extern const tfs_check_def tfs_checks_security_net[]; /* network, data, edge */
extern const size_t tfs_checks_security_net_count;
extern const tfs_check_def tfs_checks_security_app[]; /* IAM, containers, audit */
extern const size_t tfs_checks_security_app_count;
extern const tfs_check_def tfs_checks_delivery_security[]; /* GitHub OIDC */
extern const size_t tfs_checks_delivery_security_count;
extern const tfs_check_def tfs_checks_serverless_security[]; /* serverless.c */
extern const size_t tfs_checks_serverless_security_count;
extern const tfs_check_def tfs_checks_monitoring[];
extern const size_t tfs_checks_monitoring_count;
extern const tfs_check_def tfs_checks_serverless_monitoring[];
extern const size_t tfs_checks_serverless_monitoring_count;
extern const tfs_check_def tfs_checks_ha[];
extern const size_t tfs_checks_ha_count;
extern const tfs_check_def tfs_checks_serverless_ha[];
extern const size_t tfs_checks_serverless_ha_count;
extern const tfs_check_def tfs_checks_cost[];
extern const size_t tfs_checks_cost_count;
extern const tfs_check_def tfs_checks_serverless_cost[];
extern const size_t tfs_checks_serverless_cost_count;

#endif
