/* cost.c - the seeds' Cost Management checklist: tagging, budgets,
 * lifecycle of old data (S3, logs, images), Fargate Spot off production,
 * and the savings a monthly cost review looks for (gp3, Graviton, idle
 * Elastic IPs), each priced from the bundled tables when it can be. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/check_int.h"
#include "tfsight/cost.h"
#include "tfsight/pricing.h"

static const char S_SEED_TAGS[] = "Resource tagging strategy implemented";
static const char S_SEED_BUDGETS[] = "AWS Budgets and alerts configured";
static const char S_SEED_REVIEW[] = "Conduct monthly cost optimization reviews";

/* ---- savings from the price tables --------------------------------------- */

/* The estimate of a node, when both the estimate and the table are given. */
static const tfs_cost_resource *S_cost_of(const tfs_check_ctx *x, size_t node)
{
	if (!x->cost || !x->pricing || node >= x->cost->count ||
	    x->cost->resources[node].node != node)
		return NULL;
	return &x->cost->resources[node];
}

/* A rewrite of price keys: the part `from` becomes `to`. */
typedef struct {
	const char *from, *to;
} S_swap;

/* What the node's components whose price key contains a swap's `from`
 * would cost less a month at the key with `to` in its place, added to
 * *out.  False, adding nothing, when no component matches or a price on
 * either side is missing: a saving is never guessed. */
static bool S_saving(const tfs_check_ctx *x, size_t node, const S_swap *sw,
                     size_t nsw, double *out)
{
	const tfs_cost_resource *r = S_cost_of(x, node);
	double sum = 0;
	bool any = false;
	size_t i, s;

	if (!r)
		return false;
	for (i = 0; i < r->ncomponents; i++) {
		const tfs_cost_component *k = &r->components[i];
		for (s = 0; k->price_key && s < nsw; s++) {
			const char *at = strstr(k->price_key, sw[s].from);
			const tfs_price *alt;
			char key[256];
			int n;

			if (!at)
				continue;
			n = snprintf(key, sizeof(key), "%.*s%s%s",
			             (int)(at - k->price_key), k->price_key, sw[s].to,
			             at + strlen(sw[s].from));
			if (!k->price_row || !k->has_quantity || n < 0 ||
			    (size_t)n >= sizeof(key) ||
			    !(alt = tfs_pricing_find(x->pricing, key)))
				return false;
			sum += k->monthly_cost - k->monthly_quantity * alt->usd;
			any = true;
			break;
		}
	}
	if (any)
		*out += sum;
	return any;
}

/* ---- COST-TAGS ----------------------------------------------------------- */

static const char *S_tag(const tfs_inventory_item *it, const char *key)
{
	size_t i;
	for (i = 0; it && i < it->ntags; i++)
		if (strcasecmp(it->tags[i].key, key) == 0 && it->tags[i].value &&
		    *it->tags[i].value)
			return it->tags[i].value;
	return NULL;
}

/* The tag keys a resource has, as a JSON array (keys only: the evidence). */
static const char *S_tag_keys(tfs_check_ctx *x, const tfs_inventory_item *it)
{
	const char *r;
	tfs_buf b;
	size_t i;

	tfs_buf_init(&b);
	tfs_buf_addc(&b, '[');
	for (i = 0; i < it->ntags && b.len <= 200; i++) {
		if (i)
			tfs_buf_addc(&b, ',');
		tfs_json_escape(&b, it->tags[i].key);
	}
	tfs_buf_addc(&b, ']');
	r = b.len > 200 ? tfs_ck_fmt(x, "[%zu keys]", it->ntags)
	                : tfs_ck_fmt(x, "%s", b.data);
	tfs_buf_release(&b);
	return r;
}

static void S_tags(tfs_check_ctx *x)
{
	size_t i, k;

	for (i = 0; i < x->m->nresources; i++) {
		const tfs_inventory_item *it = x->m->nodes[i].item;
		tfs_buf missing;
		size_t nmissing = 0;

		if (!it || !json_object_get(tfs_ck_attrs(x, i), "tags_all"))
			continue; /* not a taggable type */
		tfs_buf_init(&missing);
		for (k = 0; k < x->n_required_tags; k++) {
			if (S_tag(it, x->required_tags[k]))
				continue;
			tfs_buf_addf(&missing, "%s%s", nmissing ? ", " : "",
			             x->required_tags[k]);
			nmissing++;
		}
		if (!nmissing)
			tfs_ck_result(x, i, TFS_STATUS_PASS, "tags_all",
			              S_tag_keys(x, it),
			              "carries every required tag, so its cost is "
			              "attributed");
		else
			tfs_ck_result(x, i, TFS_STATUS_FAIL, "tags_all",
			              S_tag_keys(x, it),
			              "no %s tag%s (or empty): its cost cannot be "
			              "attributed to an environment, project or owner",
			              missing.data, nmissing == 1 ? "" : "s");
		tfs_buf_release(&missing);
	}
}

/* ---- COST-ECS-TAG-PROPAGATION -------------------------------------------- */

static void S_ecs_tag_propagation(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *pt = tfs_attr_str(a, "propagate_tags");
		bool managed, has_managed;

		has_managed = tfs_attr_bool(a, "enable_ecs_managed_tags", &managed);
		if (!json_object_get(a, "propagate_tags") && !has_managed)
			tfs_ck_unknown(x, i, "propagate_tags",
			               "the state records neither propagate_tags nor "
			               "enable_ecs_managed_tags");
		else if (!pt || (strcmp(pt, "SERVICE") != 0 &&
		                 strcmp(pt, "TASK_DEFINITION") != 0))
			tfs_ck_fail(x, i, "propagate_tags",
			            "tasks do not inherit the service's tags, so "
			            "Fargate costs show up untagged");
		else if (!has_managed || !managed)
			tfs_ck_fail(x, i, "enable_ecs_managed_tags",
			            "ECS-managed tags are off, so tasks lack the "
			            "cluster and service tags cost reports group by");
		else
			tfs_ck_pass(x, i, "propagate_tags",
			            "tasks carry the %s's tags and the ECS-managed "
			            "tags, so their cost is attributed",
			            strcmp(pt, "SERVICE") == 0 ? "service"
			                                       : "task definition");
	}
}

/* ---- COST-FARGATE-SPOT-NONPROD ------------------------------------------- */

/* A strategy that places tasks on FARGATE_SPOT. */
static bool S_uses_spot(const json_t *strategy)
{
	size_t i;
	json_t *s;

	json_array_foreach(strategy, i, s) {
		const char *cp = tfs_attr_str(s, "capacity_provider");
		long long w = 0, b = 0;
		tfs_attr_int(s, "weight", &w);
		tfs_attr_int(s, "base", &b);
		if (cp && strcmp(cp, "FARGATE_SPOT") == 0 && (w > 0 || b > 0))
			return true;
	}
	return false;
}

static const S_swap S_TO_SPOT[] = {
	{"fargate.linux.x86.", "fargate.spot.x86."},
	{"fargate.linux.arm.", "fargate.spot.arm."},
};

static bool S_windows_task(const tfs_check_ctx *x, size_t svc)
{
	size_t td = x->m->nodes[svc].task_definition;
	const char *os;

	if (td == TFS_NONE)
		return false;
	os = tfs_attr_str(tfs_attr_block(tfs_ck_attrs(x, td), "runtime_platform"),
	                  "operating_system_family");
	return os && strncmp(os, "WINDOWS", 7) == 0;
}

/* The cluster's default strategy: on the aws_ecs_cluster (older
 * providers) or its aws_ecs_cluster_capacity_providers.  Sets *where to
 * the node that holds it; NULL with *where TFS_NONE when the cluster is
 * not in this input. */
static const json_t *S_cluster_strategy(const tfs_check_ctx *x, size_t svc,
                                        size_t *where)
{
	size_t cl = x->m->nodes[svc].cluster, n, it;
	const json_t *s;

	*where = TFS_NONE;
	if (cl == TFS_NONE || !x->m->nodes[cl].item)
		return NULL;
	*where = cl;
	s = json_object_get(tfs_ck_attrs(x, cl),
	                    "default_capacity_provider_strategy");
	if (json_array_size(s))
		return s;
	TFS_CK_JOIN(x, n, it, "aws_ecs_cluster_capacity_providers", "cluster_name",
	            tfs_attr_str(tfs_ck_attrs(x, cl), "name")) {
		*where = n;
		return json_object_get(tfs_ck_attrs(x, n),
		                       "default_capacity_provider_strategy");
	}
	return NULL;
}

static void S_spot_fail(tfs_check_ctx *x, size_t i, const char *attr,
                        const char *value, const char *why)
{
	double save = 0;

	tfs_ck_result(x, i, TFS_STATUS_FAIL, attr, value,
	              "%s, so every task runs on-demand; outside production "
	              "Fargate Spot costs up to 70%% less",
	              why);
	if (S_saving(x, i, S_TO_SPOT, 2, &save))
		tfs_ck_saving(x, save);
}

static void S_fargate_spot(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const json_t *a = tfs_ck_attrs(x, i);
		const json_t *own = json_object_get(a, "capacity_provider_strategy");
		const char *lt = tfs_attr_str(a, "launch_type");
		const json_t *def;
		size_t where;

		if (!tfs_ck_applies(x, i))
			continue;
		if (lt && strcmp(lt, "EC2") == 0) {
			tfs_ck_na(x, i, "runs on EC2 container instances, not Fargate");
			continue;
		}
		if (S_windows_task(x, i)) {
			tfs_ck_na(x, i, "Fargate Spot does not run Windows tasks");
			continue;
		}
		if (json_array_size(own)) {
			if (S_uses_spot(own))
				tfs_ck_pass(x, i, "capacity_provider_strategy",
				            "its capacity provider strategy places tasks "
				            "on FARGATE_SPOT");
			else
				S_spot_fail(x, i, "capacity_provider_strategy",
				            tfs_ck_value(x, own),
				            "its capacity provider strategy gives "
				            "FARGATE_SPOT no weight");
			continue;
		}
		if (lt) {
			S_spot_fail(x, i, "launch_type",
			            tfs_ck_value(x, json_object_get(a, "launch_type")),
			            tfs_ck_fmt(x, "launch_type %s bypasses capacity "
			                          "providers", lt));
			continue;
		}
		def = S_cluster_strategy(x, i, &where);
		if (where == TFS_NONE)
			tfs_ck_unknown(x, i, "cluster",
			               "no launch type or strategy of its own, and its "
			               "cluster is not in this input");
		else if (S_uses_spot(def))
			tfs_ck_result(x, i, TFS_STATUS_PASS,
			              tfs_ck_fmt(x, "%s.default_capacity_provider_strategy",
			                         tfs_ck_address(x, where)),
			              tfs_ck_value(x, def),
			              "the cluster's default strategy places tasks on "
			              "FARGATE_SPOT");
		else
			S_spot_fail(x, i,
			            tfs_ck_fmt(x, "%s.default_capacity_provider_strategy",
			                       tfs_ck_address(x, where)),
			            tfs_ck_value(x, def),
			            "the cluster's default strategy gives FARGATE_SPOT "
			            "no weight");
	}
}

/* ---- COST-S3-LIFECYCLE --------------------------------------------------- */

typedef struct {
	bool rules;      /* any rule at all */
	bool current;    /* an enabled rule expires or transitions objects */
	bool noncurrent; /* an enabled rule expires or moves old versions */
} S_lifecycle;

static bool S_positive(const json_t *block, const char *key)
{
	long long v;
	return tfs_attr_int(block, key, &v) && v > 0;
}

/* An expiration block that does something: days, a date or delete
 * markers. */
static bool S_expires(const json_t *e)
{
	bool markers = false;
	tfs_attr_bool(e, "expired_object_delete_marker", &markers);
	return e && (S_positive(e, "days") || tfs_attr_str(e, "date") || markers);
}

/* aws_s3_bucket_lifecycle_configuration.rule[] (legacy = false) or the
 * bucket's own lifecycle_rule[] (legacy = true). */
static void S_lifecycle_rules(const json_t *rules, bool legacy, S_lifecycle *l)
{
	size_t i;
	json_t *r;

	json_array_foreach(rules, i, r) {
		const json_t *nce = tfs_attr_block(r, "noncurrent_version_expiration");
		bool on = false;

		l->rules = true;
		if (legacy) {
			tfs_attr_bool(r, "enabled", &on);
		} else {
			const char *st = tfs_attr_str(r, "status");
			on = st && strcmp(st, "Enabled") == 0;
		}
		if (!on)
			continue;
		if (S_expires(tfs_attr_block(r, "expiration")) ||
		    json_array_size(json_object_get(r, "transition")))
			l->current = true;
		if ((nce && (S_positive(nce, "noncurrent_days") ||
		             S_positive(nce, "days"))) ||
		    json_array_size(
			    json_object_get(r, "noncurrent_version_transition")))
			l->noncurrent = true;
	}
}

/* Versioning on: the split resource, else the bucket's own block. */
static bool S_versioned(tfs_check_ctx *x, size_t b)
{
	tfs_ck_s3_setting v;

	tfs_ck_s3_versioning(x, b, &v);
	return v.on;
}

static void S_s3_lifecycle(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH_TYPE(x, i, "aws_s3_bucket") {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *name = tfs_attr_str(a, "bucket");
		S_lifecycle l = {false, false, false};
		const char *attr = "lifecycle_rule";
		const char *value;
		size_t n, it, cfg = TFS_NONE;
		bool versioned;

		if (!name)
			name = tfs_attr_str(a, "id");
		if (!name) {
			tfs_ck_unknown(x, i, "bucket", "the bucket's name is not in "
			                               "the state");
			continue;
		}
		TFS_CK_JOIN(x, n, it, "aws_s3_bucket_lifecycle_configuration", "bucket",
		            name) {
			cfg = n;
			S_lifecycle_rules(json_object_get(tfs_ck_attrs(x, n), "rule"),
			                  false, &l);
		}
		if (cfg != TFS_NONE) {
			attr = tfs_ck_fmt(x, "%s.rule", tfs_ck_address(x, cfg));
			value = tfs_ck_value(x, json_object_get(tfs_ck_attrs(x, cfg),
			                                        "rule"));
		} else {
			S_lifecycle_rules(json_object_get(a, "lifecycle_rule"), true, &l);
			value = tfs_ck_value(x, json_object_get(a, "lifecycle_rule"));
		}
		versioned = S_versioned(x, i);
		if (!l.rules)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, attr, value,
			              "no lifecycle rules: every object is kept, and "
			              "billed, forever");
		else if (!l.current && !l.noncurrent)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, attr, value,
			              "no enabled rule expires or transitions objects, "
			              "so old data stays in S3 Standard");
		else if (versioned && !l.noncurrent)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, attr, value,
			              "versioned, but no rule expires noncurrent "
			              "versions: every overwritten object is kept "
			              "forever");
		else
			tfs_ck_result(x, i, TFS_STATUS_PASS, attr, value,
			              "an enabled lifecycle rule expires or transitions "
			              "old %s",
			              l.current ? "objects" : "versions");
	}
}

/* ---- COST-LOG-RETENTION -------------------------------------------------- */

static void S_log_retention(tfs_check_ctx *x)
{
	size_t i;
	long max = x->th->nonprod_log_retention_max_days;

	TFS_CK_FOREACH(x, i, TFS_KIND_LOG_GROUP) {
		long long days;

		if (!tfs_attr_int(tfs_ck_attrs(x, i), "retention_in_days", &days) ||
		    days < 0)
			tfs_ck_unknown(x, i, "retention_in_days",
			               "the state does not record a retention");
		else if (days == 0)
			tfs_ck_fail(x, i, "retention_in_days",
			            "logs never expire, so their storage grows every "
			            "month");
		else if (!tfs_ck_is_prod(x, i) && days > max)
			tfs_ck_fail(x, i, "retention_in_days",
			            "kept %lld days, beyond the %ld-day ceiling for "
			            "non-production logs",
			            days, max);
		else
			tfs_ck_pass(x, i, "retention_in_days",
			            "logs expire after %lld days", days);
	}
}

/* ---- COST-BUDGETS -------------------------------------------------------- */

/* A notification with a threshold and somebody to tell. */
static bool S_alerts(const json_t *budget)
{
	size_t i;
	json_t *n;

	json_array_foreach(json_object_get(budget, "notification"), i, n) {
		const json_t *th = json_object_get(n, "threshold");
		if (!th || json_is_null(th))
			continue;
		if (json_array_size(json_object_get(n, "subscriber_email_addresses")) ||
		    json_array_size(json_object_get(n, "subscriber_sns_topic_arns")))
			return true;
	}
	return false;
}

static void S_budgets(tfs_check_ctx *x)
{
	size_t i;
	bool any = false;

	TFS_CK_FOREACH_TYPE(x, i, "aws_budgets_budget") {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *type = tfs_attr_str(a, "budget_type");

		any = true;
		if (S_alerts(a))
			tfs_ck_pass(x, i, "notification",
			            "the budget%s%s alerts its subscribers at a "
			            "threshold",
			            type ? " of type " : "", type ? type : "");
		else
			tfs_ck_fail(x, i, "notification",
			            "the budget has no notification with a subscriber, "
			            "so nobody hears when spend runs over");
	}
	if (!any)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_UNKNOWN, "aws_budgets_budget",
		              NULL,
		              "not found in this state: budgets are often kept in "
		              "the payer account's state");
}

/* ---- COST-ECR-LIFECYCLE -------------------------------------------------- */

static void S_ecr_policy(tfs_check_ctx *x, size_t repo, size_t pol)
{
	json_t *doc = tfs_ck_json_attr(x, pol, "policy");
	const json_t *rules = json_object_get(doc, "rules");
	const char *unknown_type = NULL;
	size_t k, unknown_at = 0;
	json_t *r;

	if (!json_is_array(rules)) {
		tfs_ck_result(x, repo, TFS_STATUS_UNKNOWN,
		              tfs_ck_fmt(x, "%s.policy", tfs_ck_address(x, pol)),
		              NULL, "the lifecycle policy cannot be read as JSON "
		                    "with rules");
		json_decref(doc);
		return;
	}
	json_array_foreach(rules, k, r) {
		const json_t *sel = json_object_get(r, "selection");
		const char *ct = tfs_attr_str(sel, "countType");
		const char *act = tfs_attr_str(json_object_get(r, "action"), "type");

		if (!ct || (act && strcmp(act, "expire") != 0))
			continue;
		if (strcmp(ct, "imageCountMoreThan") == 0 ||
		    strcmp(ct, "sinceImagePushed") == 0) {
			tfs_ck_result(x, repo, TFS_STATUS_PASS,
			              tfs_ck_fmt(x,
			                         "%s.policy.rules[%zu].selection.countType",
			                         tfs_ck_address(x, pol), k),
			              tfs_ck_value(x, json_object_get(sel, "countType")),
			              "a lifecycle rule expires old images");
			json_decref(doc);
			return;
		}
		if (!unknown_type) {
			unknown_type = ct;
			unknown_at = k;
		}
	}
	if (unknown_type)
		tfs_ck_result(x, repo, TFS_STATUS_UNKNOWN,
		              tfs_ck_fmt(x, "%s.policy.rules[%zu].selection.countType",
		                         tfs_ck_address(x, pol), unknown_at),
		              tfs_ck_fmt(x, "\"%.60s\"", unknown_type),
		              "tfsight does not know this countType");
	else
		tfs_ck_result(x, repo, TFS_STATUS_FAIL,
		              tfs_ck_fmt(x, "%s.policy.rules",
		                         tfs_ck_address(x, pol)),
		              tfs_ck_value(x, rules),
		              "no rule expires images by count or age, so old "
		              "images pile up as storage");
	json_decref(doc);
}

static void S_ecr_lifecycle(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH_TYPE(x, i, "aws_ecr_repository") {
		const char *name = tfs_attr_str(tfs_ck_attrs(x, i), "name");
		size_t n, it, pol = TFS_NONE;

		if (!name) {
			tfs_ck_unknown(x, i, "name", "the repository's name is not in "
			                             "the state");
			continue;
		}
		TFS_CK_JOIN(x, n, it, "aws_ecr_lifecycle_policy", "repository", name) {
			pol = n;
			break;
		}
		if (pol == TFS_NONE)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, "aws_ecr_lifecycle_policy",
			              "(absent)",
			              "no lifecycle policy: every pushed image is kept "
			              "and billed as storage");
		else
			S_ecr_policy(x, i, pol);
	}
}

/* ---- COST-RDS-GP3 and COST-EBS-GP3 --------------------------------------- */

static const S_swap S_RDS_GP3[] = {{"rds.storage.gp2.", "rds.storage.gp3."}};
static const S_swap S_EBS_GP3[] = {{"ebs.gp2.gb_month", "ebs.gp3.gb_month"}};

static void S_rds_gp3(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_RDS_INSTANCE) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *st = tfs_attr_str(a, "storage_type");
		const char *engine = tfs_attr_str(a, "engine");
		double save = 0;

		if (strcmp(tfs_ck_type(x, i), "aws_db_instance") != 0)
			continue;
		if (engine && strncmp(engine, "aurora", 6) == 0) {
			tfs_ck_na(x, i, "Aurora storage has no volume type");
			continue;
		}
		if (!st) {
			tfs_ck_unknown(x, i, "storage_type",
			               "the state does not record the storage type");
		} else if (strcmp(st, "gp2") == 0) {
			tfs_ck_fail(x, i, "storage_type",
			            "gp2 gets 3 IOPS per GiB; gp3 includes 3,000 IOPS "
			            "and 125 MiB/s at about the same price per GiB");
			if (S_saving(x, i, S_RDS_GP3, 1, &save) && save >= 0.005)
				tfs_ck_saving(x, save);
		} else if (strcmp(st, "gp3") == 0) {
			tfs_ck_pass(x, i, "storage_type", "uses gp3 storage");
		} else {
			tfs_ck_na(x, i, "%s storage is chosen for its IOPS; gp3 is "
			                "compared only with gp2", st);
		}
	}
}

static void S_ebs_gp3(tfs_check_ctx *x)
{
	size_t i, k;

	for (i = 0; i < x->m->nresources; i++) {
		const char *type = tfs_ck_type(x, i);
		const json_t *a = tfs_ck_attrs(x, i);
		const char *attr = NULL, *vt;
		double save = 0;
		json_t *d;

		if (strcmp(type, "aws_ebs_volume") == 0) {
			attr = "type";
			vt = tfs_attr_str(a, "type");
		} else if (strcmp(type, "aws_instance") == 0) {
			/* the first gp2 device, else the root device's type */
			attr = "root_block_device[0].volume_type";
			vt = tfs_attr_str(tfs_attr_block(a, "root_block_device"),
			                  "volume_type");
			json_array_foreach(json_object_get(a, "ebs_block_device"), k, d) {
				const char *t = tfs_attr_str(d, "volume_type");
				if (vt && strcmp(vt, "gp2") == 0)
					break;
				if (t && (!vt || strcmp(t, "gp2") == 0)) {
					vt = t;
					attr = tfs_ck_fmt(x, "ebs_block_device[%zu].volume_type",
					                  k);
				}
			}
		} else {
			continue;
		}
		if (!vt)
			tfs_ck_unknown(x, i, attr, "the state records no volume type");
		else if (strcmp(vt, "gp2") == 0) {
			tfs_ck_fail(x, i, attr,
			            "gp2 volume: gp3 costs about 20%% less per GiB and "
			            "includes 3,000 IOPS and 125 MiB/s");
			if (S_saving(x, i, S_EBS_GP3, 1, &save) && save >= 0.005)
				tfs_ck_saving(x, save);
		} else if (strcmp(vt, "gp3") == 0)
			tfs_ck_pass(x, i, attr, "uses gp3 volumes");
		else
			tfs_ck_na(x, i, "%s volumes are compared with gp3 only when gp2",
			          vt);
	}
}

/* ---- COST-GRAVITON ------------------------------------------------------- */

/* An instance class "[db.|cache.]FAMILY.SIZE": whether the family is
 * Graviton (t4g, m6gd, c7gn, a1), and otherwise the Graviton families of
 * the same shape (general purpose, memory, compute, burstable).  Returns
 * false when the class cannot be read. */
typedef struct {
	const char *prefix; /* "db.", "cache." or "" */
	char family[16];
	const char *size;
	bool graviton;
	const char *alt[2]; /* Graviton families, NULL when none */
} S_class;

static bool S_class_parse(const char *cls, const char *prefix, S_class *c)
{
	const char *p, *dot;
	size_t n, letters = 0, digits = 0;
	char letter;

	memset(c, 0, sizeof(*c));
	if (!cls || strncmp(cls, prefix, strlen(prefix)) != 0)
		return false;
	c->prefix = prefix;
	p = cls + strlen(prefix);
	dot = strchr(p, '.');
	n = dot ? (size_t)(dot - p) : 0;
	if (!n || n >= sizeof(c->family) || !dot[1])
		return false;
	memcpy(c->family, p, n);
	c->size = dot + 1;
	while (letters < n && p[letters] >= 'a' && p[letters] <= 'z')
		letters++;
	while (letters + digits < n && p[letters + digits] >= '0' &&
	       p[letters + digits] <= '9')
		digits++;
	if (!letters || !digits)
		return false;
	c->graviton = p[letters + digits] == 'g' ||
	              (letters == 1 && p[0] == 'a' && p[1] == '1');
	if (c->graviton || letters != 1)
		return true;
	letter = p[0];
	{
		bool local_nvme = memchr(p + letters + digits, 'd',
		                         n - letters - digits) != NULL;
		switch (letter) {
		case 't':
			c->alt[0] = "t4g";
			break;
		case 'm':
			c->alt[0] = local_nvme ? "m6gd" : "m6g";
			c->alt[1] = local_nvme ? "m7gd" : "m7g";
			break;
		case 'r':
			c->alt[0] = local_nvme ? "r6gd" : "r6g";
			c->alt[1] = local_nvme ? "r7gd" : "r7g";
			break;
		case 'c':
			c->alt[0] = local_nvme ? "c6gd" : "c6g";
			c->alt[1] = local_nvme ? "c7gd" : "c7g";
			break;
		}
	}
	return true;
}

/* Records the finding for an instance class; attr names it. */
static void S_graviton_class(tfs_check_ctx *x, size_t i, const char *attr,
                             const char *cls, const char *prefix)
{
	S_class c;
	const char *best = NULL;
	double best_save = 0;
	bool priced = false;
	size_t k;

	if (!cls) {
		tfs_ck_unknown(x, i, attr, "the state does not record the class");
		return;
	}
	if (!S_class_parse(cls, prefix, &c)) {
		tfs_ck_unknown(x, i, attr, "the class cannot be read");
		return;
	}
	if (c.graviton) {
		tfs_ck_pass(x, i, attr, "runs on Graviton (arm64)");
		return;
	}
	if (!c.alt[0]) {
		tfs_ck_na(x, i, "the %s family has no Graviton counterpart",
		          c.family);
		return;
	}
	/* the cheapest counterpart the price table knows */
	for (k = 0; k < 2 && c.alt[k]; k++) {
		const char *to = tfs_ck_fmt(x, "%s%s.%s", prefix, c.alt[k], c.size);
		S_swap sw;
		double save = 0;

		sw.from = tfs_ck_fmt(x, ".%s.", cls);
		sw.to = tfs_ck_fmt(x, ".%s.", to);
		if (S_saving(x, i, &sw, 1, &save) && (!priced || save > best_save)) {
			priced = true;
			best = to;
			best_save = save;
		}
	}
	if (!best)
		best = tfs_ck_fmt(x, "%s%s.%s", prefix, c.alt[0], c.size);
	tfs_ck_fail(x, i, attr,
	            "x86 class: the Graviton %s has the same vCPUs and memory "
	            "for less",
	            best);
	if (priced && best_save > 0)
		tfs_ck_saving(x, best_save);
}

static const S_swap S_TO_ARM[] = {
	{"fargate.linux.x86.", "fargate.linux.arm."},
	{"fargate.spot.x86.", "fargate.spot.arm."},
};

static bool S_fargate_task(const json_t *td)
{
	size_t k;
	const char *s;

	tfs_attr_foreach_str(td, "requires_compatibilities", k, s)
		if (strcmp(s, "FARGATE") == 0)
			return true;
	return false;
}

/* Fargate task definitions: runtime_platform[0].cpu_architecture, with the
 * saving summed over the services that run them. */
static void S_graviton_fargate(tfs_check_ctx *x)
{
	size_t i, n = x->m->nresources;
	double *save = xcalloc(n + 1, sizeof(*save));
	unsigned char *priced = xcalloc(n + 1, 1); /* 1 priced, 2 not */

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		size_t td = x->m->nodes[i].task_definition;
		if (td == TFS_NONE || td >= n)
			continue;
		priced[td] |= S_saving(x, i, S_TO_ARM, 2, &save[td]) ? 1 : 2;
	}
	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_TASK_DEFINITION) {
		const json_t *a = tfs_ck_attrs(x, i);
		const json_t *rp = tfs_attr_block(a, "runtime_platform");
		const char *arch = tfs_attr_str(rp, "cpu_architecture");
		const char *os = tfs_attr_str(rp, "operating_system_family");
		const char *attr = "runtime_platform[0].cpu_architecture";

		if (!S_fargate_task(a))
			tfs_ck_na(x, i, "not a Fargate task definition");
		else if (os && strncmp(os, "WINDOWS", 7) == 0)
			tfs_ck_na(x, i, "Windows tasks run on x86 only");
		else if (arch && strcmp(arch, "ARM64") == 0)
			tfs_ck_pass(x, i, attr, "runs on Graviton (ARM64)");
		else if (arch && strcmp(arch, "X86_64") != 0)
			tfs_ck_unknown(x, i, attr, "an architecture tfsight does not "
			                           "know");
		else {
			tfs_ck_fail(x, i, attr,
			            "%s: Fargate on ARM64 costs about 20%% less for the "
			            "same vCPU and memory (the image must be built for "
			            "arm64)",
			            arch ? "x86_64" : "no architecture, so x86_64");
			if (priced[i] == 1 && save[i] > 0)
				tfs_ck_saving(x, save[i]);
		}
	}
	free(save);
	free(priced);
}

static bool S_rds_engine_on_graviton(const char *engine)
{
	return engine && (strncmp(engine, "aurora", 6) == 0 ||
	                  strcmp(engine, "postgres") == 0 ||
	                  strcmp(engine, "mysql") == 0 ||
	                  strcmp(engine, "mariadb") == 0);
}

static void S_graviton(tfs_check_ctx *x)
{
	size_t i;

	S_graviton_fargate(x);
	for (i = 0; i < x->m->nresources; i++) {
		const char *type = tfs_ck_type(x, i);
		const json_t *a = tfs_ck_attrs(x, i);

		if (strcmp(type, "aws_db_instance") == 0 ||
		    strcmp(type, "aws_rds_cluster_instance") == 0) {
			const char *engine = tfs_attr_str(a, "engine");
			const char *cls = tfs_attr_str(a, "instance_class");
			if (engine && !S_rds_engine_on_graviton(engine))
				tfs_ck_na(x, i, "Graviton classes run MySQL, MariaDB and "
				                "PostgreSQL only; this is %s", engine);
			else if (cls && strcmp(cls, "db.serverless") == 0)
				tfs_ck_na(x, i, "Aurora Serverless picks its own hardware");
			else
				S_graviton_class(x, i, "instance_class", cls, "db.");
		} else if (strcmp(type, "aws_elasticache_cluster") == 0 ||
		           strcmp(type, "aws_elasticache_replication_group") == 0) {
			if (tfs_attr_str(a, "replication_group_id") &&
			    strcmp(type, "aws_elasticache_cluster") == 0)
				tfs_ck_na(x, i, "a member of a replication group, checked "
				                "there");
			else
				S_graviton_class(x, i, "node_type",
				                 tfs_attr_str(a, "node_type"), "cache.");
		} else if (strcmp(type, "aws_instance") == 0) {
			S_graviton_class(x, i, "instance_type",
			                 tfs_attr_str(a, "instance_type"), "");
		}
	}
}

/* ---- COST-IDLE-EIP ------------------------------------------------------- */

static void S_idle_eip(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH_TYPE(x, i, "aws_eip") {
		const tfs_cost_resource *r;
		tfs_eip_use use;

		tfs_model_eip_use(x->m, i, &use);
		switch (use.state) {
		case TFS_EIP_IN_USE:
			if (use.by != TFS_NONE)
				tfs_ck_result(x, i, TFS_STATUS_PASS, use.attr,
				              tfs_ck_fmt(x, "\"%s\"",
				                         use.value ? use.value : ""),
				              "used by %s", tfs_ck_address(x, use.by));
			else
				tfs_ck_pass(x, i, use.attr, "%s, so in use",
				            strcmp(use.attr, "association_id") == 0
				                    ? "associated"
				            : strcmp(use.attr, "instance") == 0
				                    ? "attached to an instance"
				                    : "attached to a network interface");
			break;
		case TFS_EIP_UNKNOWN:
			tfs_ck_unknown(x, i, use.attr,
			               "the input records no association, instance or "
			               "network interface, and nothing in it uses the "
			               "allocation");
			break;
		case TFS_EIP_IDLE:
			tfs_ck_fail(x, i, use.attr,
			            "not associated with anything, yet its public IPv4 "
			            "address is billed every hour");
			r = S_cost_of(x, i);
			if (r && r->status == TFS_COST_PRICED && r->ncomponents)
				tfs_ck_saving(x, r->monthly_cost);
			break;
		}
	}
}

/* ---- the table ----------------------------------------------------------- */

const tfs_check_def tfs_checks_cost[] = {
	{"COST-TAGS", "Every taggable resource carries the required tags",
	 TFS_CHECKCAT_COST, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_TAGS,
	 "Security Hub AWS Resource Tagging Standard (e.g. ECS.13, ECS.14, "
	 "ECS.15); KICS e38a8e0a-b88b-4902-b3fe-b0fcb17d5c10; Well-Architected "
	 "COST03-BP02",
	 "Set the required tags (tfsight.yml `checks.required_tags`; default "
	 "`Environment`, `Project`, `Owner`) in the provider's `default_tags` "
	 "block, or in each resource's `tags`; `tags_all` shows the result.",
	 S_tags, NULL},
	{"COST-ECS-TAG-PROPAGATION", "ECS tasks inherit their service's tags",
	 TFS_CHECKCAT_COST, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_TAGS,
	 "Well-Architected COST03-BP02",
	 "Set `propagate_tags = \"SERVICE\"` (or `\"TASK_DEFINITION\"`) and "
	 "`enable_ecs_managed_tags = true` on `aws_ecs_service`.",
	 S_ecs_tag_propagation, NULL},
	{"COST-BUDGETS", "An AWS budget alerts on spend", TFS_CHECKCAT_COST,
	 TFS_SEV_LOW, TFS_SCOPE_ALL, S_SEED_BUDGETS,
	 "Well-Architected COST02-BP05, COST03-BP05",
	 "Add an `aws_budgets_budget` (`budget_type = \"COST\"`, `limit_amount`, "
	 "`time_unit`) with a `notification` block naming "
	 "`subscriber_email_addresses` or `subscriber_sns_topic_arns`.",
	 S_budgets, NULL},
	{"COST-FARGATE-SPOT-NONPROD", "Non-production ECS services use Fargate "
	 "Spot", TFS_CHECKCAT_COST, TFS_SEV_LOW, TFS_SCOPE_NONPROD,
	 "Use Fargate Spot for development and staging environments",
	 "Well-Architected COST07",
	 "Drop `launch_type` from `aws_ecs_service` and set a "
	 "`capacity_provider_strategy` with `capacity_provider = "
	 "\"FARGATE_SPOT\"` and a `weight` above 0 (the cluster's "
	 "`aws_ecs_cluster_capacity_providers` must list `FARGATE_SPOT`).",
	 S_fargate_spot, NULL},
	{"COST-S3-LIFECYCLE", "S3 buckets expire or archive old data",
	 TFS_CHECKCAT_COST, TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Lifecycle policies for old data",
	 "Checkov CKV2_AWS_61, CKV_AWS_300; Security Hub S3.13, S3.10; "
	 "Well-Architected COST04",
	 "Add an `aws_s3_bucket_lifecycle_configuration` with an enabled `rule` "
	 "that sets `expiration` or `transition`, and "
	 "`noncurrent_version_expiration` on versioned buckets.",
	 S_s3_lifecycle, NULL},
	{"COST-LOG-RETENTION", "Log groups expire their logs", TFS_CHECKCAT_COST,
	 TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Set log retention periods to balance cost and compliance",
	 "Checkov CKV_AWS_66; Security Hub CloudWatch.16; KICS "
	 "ef0b316a-211e-42f1-888e-64efe172b755; Terrascan AC_AWS_0452",
	 "Set `retention_in_days` on `aws_cloudwatch_log_group` (not 0; outside "
	 "production at most tfsight.yml "
	 "`checks.thresholds.nonprod_log_retention_max_days`).",
	 S_log_retention, NULL},
	{"COST-ECR-LIFECYCLE", "ECR repositories expire old images",
	 TFS_CHECKCAT_COST, TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Use ECR lifecycle policies to automatically remove old images",
	 "Security Hub ECR.3",
	 "Add an `aws_ecr_lifecycle_policy` for the repository whose `policy` "
	 "has a rule with `selection.countType` `imageCountMoreThan` or "
	 "`sinceImagePushed` and `action.type = \"expire\"`.",
	 S_ecr_lifecycle, NULL},
	{"COST-RDS-GP3", "RDS storage is gp3, not gp2", TFS_CHECKCAT_COST,
	 TFS_SEV_LOW, TFS_SCOPE_ALL, S_SEED_REVIEW, "",
	 "Set `storage_type = \"gp3\"` on `aws_db_instance` (applied online).",
	 S_rds_gp3, NULL},
	{"COST-EBS-GP3", "EBS volumes are gp3, not gp2", TFS_CHECKCAT_COST,
	 TFS_SEV_LOW, TFS_SCOPE_ALL, S_SEED_REVIEW, "",
	 "Set `type = \"gp3\"` on `aws_ebs_volume`, or `volume_type = \"gp3\"` "
	 "in `aws_instance` `root_block_device` / `ebs_block_device`.",
	 S_ebs_gp3, NULL},
	{"COST-GRAVITON", "Compute and databases run on Graviton",
	 TFS_CHECKCAT_COST, TFS_SEV_INFO, TFS_SCOPE_ALL, S_SEED_REVIEW, "",
	 "Set `runtime_platform { cpu_architecture = \"ARM64\" }` on "
	 "`aws_ecs_task_definition` (with an arm64 image), or a Graviton "
	 "`instance_class` / `node_type` / `instance_type` (t4g, m6g/m7g, "
	 "r6g/r7g, c6g/c7g).",
	 S_graviton, NULL},
	{"COST-IDLE-EIP", "No Elastic IP sits unattached", TFS_CHECKCAT_COST,
	 TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Check for idle resources (stopped instances, unattached volumes)", "",
	 "Remove the unused `aws_eip`, or attach it (`aws_eip_association`, "
	 "`instance`, or a NAT gateway's `allocation_id`).",
	 S_idle_eip, NULL},
	{"COST-RIGHT-SIZING", "Instances are right-sized to their usage",
	 TFS_CHECKCAT_COST, TFS_SEV_INFO, TFS_SCOPE_ALL,
	 "Right-sized instances based on usage", "",
	 "Review CPU and memory use in CloudWatch or AWS Compute Optimizer and "
	 "resize `instance_class`, `cpu` / `memory` or `instance_type`.",
	 NULL,
	 "utilisation lives in CloudWatch metrics, not in Terraform state"},
	{"COST-EXPLORER-REVIEWS", "Cost Explorer reviews are scheduled",
	 TFS_CHECKCAT_COST, TFS_SEV_INFO, TFS_SCOPE_ALL,
	 "Cost Explorer reviews scheduled", "",
	 "Put a monthly cost review in the team's calendar, with Cost Explorer "
	 "grouped by the cost-allocation tags.",
	 NULL, "a review schedule is a team practice that no state records"},
};
const size_t tfs_checks_cost_count =
	sizeof(tfs_checks_cost) / sizeof(tfs_checks_cost[0]);
