/*
 * estimate.c - one estimator per priced resource type, each turning the
 * model's view of a resource into cost components: a quantity per month,
 * the price key it is charged at, and where a usage figure came from.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/attr.h"
#include "tfsight/cost.h"

typedef struct S_ctx {
	tfs_cost *cost;
	const tfs_model *m;
	const tfs_pricing *p;
	const tfs_usage *u;
	size_t node;
	const json_t *a;          /* the resource's attributes */
	tfs_cost_resource *res;
	size_t cap;
	tfs_map eip_allocations;  /* allocation ids of the state's EIPs */
	tfs_map cluster_providers; /* cluster name -> capacity providers node */
} S_ctx;

/* ---- components ------------------------------------------------------------ */

static tfs_cost_component *S_component(S_ctx *c, const char *name,
                                       const char *unit, const char *key)
{
	tfs_cost_resource *r = c->res;
	tfs_cost_component *k;

	tfs_grow(&r->components, &c->cap, r->ncomponents + 1,
	         sizeof(*r->components));
	k = &r->components[r->ncomponents++];
	memset(k, 0, sizeof(*k));
	k->name = name;
	k->unit = unit;
	k->price_key = key;
	k->price_row = tfs_pricing_find(c->p, key);
	if (!k->price_row)
		r->missing_prices++;
	return k;
}

static void S_set_quantity(tfs_cost_component *k, double q)
{
	k->monthly_quantity = q;
	k->has_quantity = true;
	if (k->price_row)
		k->monthly_cost = q * k->price_row->usd;
}

/* A component whose quantity the state decides. */
static void S_fixed(S_ctx *c, const char *name, const char *unit, double qty,
                    const char *key)
{
	S_set_quantity(S_component(c, name, unit, key), qty);
}

/* A component whose quantity is a usage figure (times factor). */
static void S_usage(S_ctx *c, const char *name, const char *unit,
                    const char *usage_key, double factor, const char *key)
{
	tfs_cost_component *k = S_component(c, name, unit, key);
	const tfs_cost_resource *r = c->res;
	double v;

	k->usage_based = true;
	if (tfs_usage_get(c->u, r->address, r->type, usage_key, &v,
	                  &k->usage_source))
		S_set_quantity(k, v * factor);
	else
		c->res->pending_usage++;
}

static const char *S_key(S_ctx *c, const char *fmt, ...) TFS_PRINTF(2, 3);

static const char *S_key(S_ctx *c, const char *fmt, ...)
{
	tfs_buf b;
	va_list ap;
	const char *s;

	tfs_buf_init(&b);
	va_start(ap, fmt);
	tfs_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	s = tfs_arena_strndup(&c->cost->arena, b.data, b.len);
	tfs_buf_release(&b);
	return s;
}

static double S_num(const json_t *o, const char *key, double dflt)
{
	long long v;
	const json_t *j = json_object_get(o, key);
	if (json_is_real(j))
		return json_real_value(j);
	return tfs_attr_int(o, key, &v) ? (double)v : dflt;
}

/* ---- ECS on Fargate ------------------------------------------------------------ */

/* Share of a service's tasks on FARGATE_SPOT under a capacity provider
 * strategy: bases first, the rest by weight. */
static double S_spot_share(const json_t *strategy, double tasks)
{
	double base_spot = 0, base_all = 0, w_spot = 0, w_all = 0, rest;
	size_t i;
	json_t *s;

	json_array_foreach(strategy, i, s) {
		const char *cp = tfs_attr_str(s, "capacity_provider");
		double base = S_num(s, "base", 0), weight = S_num(s, "weight", 0);
		bool spot = cp && strcmp(cp, "FARGATE_SPOT") == 0;
		base_all += base;
		w_all += weight;
		if (spot) {
			base_spot += base;
			w_spot += weight;
		}
	}
	if (tasks <= 0)
		return 0;
	if (base_all > tasks) {
		base_spot = base_all > 0 ? base_spot * tasks / base_all : 0;
		base_all = tasks;
	}
	rest = tasks - base_all;
	return (base_spot + (w_all > 0 ? rest * w_spot / w_all : 0)) / tasks;
}

static const json_t *S_strategy(S_ctx *c, const tfs_node *svc)
{
	const json_t *s = json_object_get(c->a, "capacity_provider_strategy");
	size_t cp;

	if (json_array_size(s))
		return s;
	if (svc->cluster == TFS_NONE)
		return NULL;
	s = json_object_get(c->m->nodes[svc->cluster].item->inst->attributes,
	                    "default_capacity_provider_strategy");
	if (json_array_size(s))
		return s;
	if (tfs_map_get(&c->cluster_providers,
	                tfs_attr_str(c->m->nodes[svc->cluster].item->inst->attributes,
	                             "name"),
	                &cp))
		return json_object_get(c->m->nodes[cp].item->inst->attributes,
		                       "default_capacity_provider_strategy");
	return NULL;
}

static void S_ecs_service(S_ctx *c)
{
	const tfs_node *svc = &c->m->nodes[c->node];
	const char *lt = tfs_attr_str(c->a, "launch_type");
	const json_t *td, *rp, *strategy;
	const char *arch = "x86", *os;
	double tasks = S_num(c->a, "desired_count", 0), cpu, mem, spot, eph;

	if (lt && strcmp(lt, "EC2") == 0) {
		c->res->status = TFS_COST_FREE;
		c->res->note = "runs on EC2 container instances, priced there";
		return;
	}
	if (svc->task_definition == TFS_NONE) {
		c->res->status = TFS_COST_UNSUPPORTED;
		c->res->note = "its task definition is not in this state";
		return;
	}
	td = c->m->nodes[svc->task_definition].item->inst->attributes;
	cpu = S_num(td, "cpu", 0) / 1024.0;
	mem = S_num(td, "memory", 0) / 1024.0;
	rp = tfs_attr_block(td, "runtime_platform");
	if ((os = tfs_attr_str(rp, "cpu_architecture")) && strcmp(os, "ARM64") == 0)
		arch = "arm";
	os = tfs_attr_str(rp, "operating_system_family");
	strategy = S_strategy(c, svc);
	spot = strategy ? S_spot_share(strategy, tasks) : 0;
	if (os && strncmp(os, "WINDOWS", 7) == 0) {
		double h = tasks * TFS_HOURS_PER_MONTH;
		S_fixed(c, "Fargate vCPU (Windows)", "vCPU-hours", cpu * h,
		        "fargate.windows.x86.vcpu_hour");
		S_fixed(c, "Fargate Windows licence", "vCPU-hours", cpu * h,
		        "fargate.windows.x86.license.vcpu_hour");
		S_fixed(c, "Fargate memory (Windows)", "GB-hours", mem * h,
		        "fargate.windows.x86.gb_hour");
	} else {
		double od = tasks * (1 - spot) * TFS_HOURS_PER_MONTH;
		double sp = tasks * spot * TFS_HOURS_PER_MONTH;
		if (od > 0 || sp == 0) {
			S_fixed(c, S_key(c, "Fargate vCPU (Linux/%s)", arch), "vCPU-hours",
			        cpu * od, S_key(c, "fargate.linux.%s.vcpu_hour", arch));
			S_fixed(c, S_key(c, "Fargate memory (Linux/%s)", arch), "GB-hours",
			        mem * od, S_key(c, "fargate.linux.%s.gb_hour", arch));
		}
		if (sp > 0) {
			S_fixed(c, S_key(c, "Fargate Spot vCPU (Linux/%s)", arch),
			        "vCPU-hours", cpu * sp,
			        S_key(c, "fargate.spot.%s.vcpu_hour", arch));
			S_fixed(c, S_key(c, "Fargate Spot memory (Linux/%s)", arch),
			        "GB-hours", mem * sp,
			        S_key(c, "fargate.spot.%s.gb_hour", arch));
		}
	}
	/* the first 20 GiB of ephemeral storage come with every task */
	eph = S_num(tfs_attr_block(td, "ephemeral_storage"), "size_in_gib", 20);
	if (eph > 20)
		S_fixed(c, "Fargate ephemeral storage above 20 GB", "GB-hours",
		        (eph - 20) * tasks * TFS_HOURS_PER_MONTH,
		        "fargate.ephemeral_storage.gb_hour");
}

/* ---- RDS ----------------------------------------------------------------------- */

static void S_rds_instance(S_ctx *c)
{
	const char *engine = tfs_attr_str(c->a, "engine");
	const char *cls = tfs_attr_str(c->a, "instance_class");
	const char *storage = tfs_attr_str(c->a, "storage_type");
	bool multi = false;
	const char *az;
	double gb = S_num(c->a, "allocated_storage", 0);
	double iops = S_num(c->a, "iops", 0), tput = S_num(c->a, "storage_throughput", 0);

	if (engine && strncmp(engine, "aurora", 6) == 0) {
		c->res->status = TFS_COST_UNSUPPORTED;
		c->res->note = "Aurora is priced on its cluster instances";
		return;
	}
	tfs_attr_bool(c->a, "multi_az", &multi);
	az = multi ? "multi_az" : "single_az";
	S_fixed(c, S_key(c, "Database instance (%s, %s)", cls ? cls : "?",
	                 multi ? "Multi-AZ" : "Single-AZ"),
	        "hours", TFS_HOURS_PER_MONTH,
	        S_key(c, "rds.%s.%s.%s.hour", engine ? engine : "unknown",
	              cls ? cls : "unknown", az));
	if (!storage)
		storage = "gp2";
	S_fixed(c, S_key(c, "Storage (%s)", storage), "GB-months", gb,
	        S_key(c, "rds.storage.%s.%s.gb_month", storage, az));
	if (strcmp(storage, "io1") == 0 || strcmp(storage, "io2") == 0)
		S_fixed(c, S_key(c, "Provisioned IOPS (%s)", storage), "IOPS-months",
		        iops, S_key(c, "rds.storage.%s.%s.iops_month", storage, az));
	if (strcmp(storage, "gp3") == 0) {
		/* gp3 includes 3,000 IOPS and 125 MiB/s below 400 GB, and
		 * 12,000 IOPS and 500 MiB/s from 400 GB */
		double base_iops = gb >= 400 ? 12000 : 3000;
		double base_tput = gb >= 400 ? 500 : 125;
		if (iops > base_iops)
			S_fixed(c, "Provisioned IOPS above the gp3 baseline",
			        "IOPS-months", iops - base_iops,
			        S_key(c, "rds.storage.gp3.%s.iops_month", az));
		if (tput > base_tput)
			S_fixed(c, "Throughput above the gp3 baseline", "MiBps-months",
			        tput - base_tput,
			        S_key(c, "rds.storage.gp3.%s.mibps_month", az));
	}
	S_usage(c, "Backup storage beyond the free allowance", "GB-months",
	        "additional_backup_storage_gb", 1, "rds.backup.gb_month");
}

/* ---- networking ------------------------------------------------------------------ */

static void S_public_ipv4(S_ctx *c, double addresses)
{
	S_fixed(c, "Public IPv4 address", "IP-hours",
	        addresses * TFS_HOURS_PER_MONTH, "vpc.public_ipv4.hour");
}

static void S_load_balancer(S_ctx *c)
{
	const char *t = tfs_attr_str(c->a, "load_balancer_type");
	const char *type = c->res->type;
	bool internal = false;
	double v, lcu = 0;
	const char *src = NULL;
	tfs_cost_component *k;

	tfs_attr_bool(c->a, "internal", &internal);
	if (strcmp(type, "aws_elb") == 0) {
		S_fixed(c, "Classic load balancer", "hours", TFS_HOURS_PER_MONTH,
		        "elb.classic.hour");
		S_usage(c, "Data processed", "GB", "monthly_data_processed_gb", 1,
		        "elb.classic.gb");
		return;
	}
	if (!t)
		t = "application";
	if (strcmp(t, "application") != 0 && strcmp(t, "network") != 0) {
		c->res->status = TFS_COST_UNSUPPORTED;
		c->res->note = "only application and network load balancers are priced";
		return;
	}
	S_fixed(c, strcmp(t, "network") == 0 ? "Network load balancer"
	                                     : "Application load balancer",
	        "hours", TFS_HOURS_PER_MONTH,
	        strcmp(t, "network") == 0 ? "elb.nlb.hour" : "elb.alb.hour");
	/* LCUs: the largest of the dimensions, as Infracost reads them
	 * (new connections/s, active connections/min, GB/hour, rules/s) */
	k = S_component(c, strcmp(t, "network") == 0 ? "Network LCUs"
	                                             : "Load balancer capacity units",
	                "LCU-hours",
	                strcmp(t, "network") == 0 ? "elb.nlb.lcu_hour"
	                                          : "elb.alb.lcu_hour");
	k->usage_based = true;
	{
		static const struct {
			const char *key;
			double per_lcu_alb, per_lcu_nlb;
		} DIMS[] = {
			{"new_connections", 25, 800},
			{"active_connections", 3000, 100000},
			{"processed_bytes_gb", 1, 1},
			{"rule_evaluations", 1000, 0},
		};
		for (size_t i = 0; i < sizeof(DIMS) / sizeof(*DIMS); i++) {
			double per = strcmp(t, "network") == 0 ? DIMS[i].per_lcu_nlb
			                                       : DIMS[i].per_lcu_alb;
			const char *s;
			if (per > 0 && tfs_usage_get(c->u, c->res->address, type,
			                             DIMS[i].key, &v, &s)) {
				if (!src || v / per > lcu)
					src = s;
				if (v / per > lcu)
					lcu = v / per;
			}
		}
	}
	if (src) {
		k->usage_source = src;
		S_set_quantity(k, lcu * TFS_HOURS_PER_MONTH);
	} else {
		c->res->pending_usage++;
	}
	if (!internal)
		S_public_ipv4(c, (double)(c->m->nodes[c->node].nazs
		                                  ? c->m->nodes[c->node].nazs
		                                  : 1));
}

static void S_nat_gateway(S_ctx *c)
{
	const char *ct = tfs_attr_str(c->a, "connectivity_type");
	const char *alloc = tfs_attr_str(c->a, "allocation_id");

	S_fixed(c, "NAT gateway", "hours", TFS_HOURS_PER_MONTH, "nat.hour");
	S_usage(c, "Data processed", "GB", "monthly_data_processed_gb", 1,
	        "nat.gb");
	/* its Elastic IP is charged on the aws_eip when the state holds it */
	if ((!ct || strcmp(ct, "public") == 0) &&
	    !(alloc && tfs_map_get(&c->eip_allocations, alloc, NULL)))
		S_public_ipv4(c, 1);
}

static void S_eip(S_ctx *c)
{
	S_public_ipv4(c, 1);
	if (!tfs_attr_str(c->a, "association_id") &&
	    !tfs_attr_str(c->a, "instance") &&
	    !tfs_attr_str(c->a, "network_interface"))
		c->res->note = "not associated with anything";
}

static void S_vpc_endpoint(S_ctx *c)
{
	const char *t = tfs_attr_str(c->a, "vpc_endpoint_type");
	if (!t || strcmp(t, "Interface") != 0) {
		c->res->status = TFS_COST_FREE;
		c->res->note = "gateway endpoints are free";
		return;
	}
	S_fixed(c, "Interface endpoint", "endpoint-AZ-hours",
	        (double)(c->m->nodes[c->node].nsubnets
	                         ? c->m->nodes[c->node].nsubnets
	                         : 1) *
	                TFS_HOURS_PER_MONTH,
	        "vpc.interface_endpoint.az_hour");
	S_usage(c, "Data processed", "GB", "monthly_data_processed_gb", 1,
	        "vpc.interface_endpoint.tier1.gb");
}

/* ---- management, security, storage ------------------------------------------------ */

static void S_alarm(S_ctx *c)
{
	double period = S_num(c->a, "period", 60);
	size_t metrics = json_array_size(json_object_get(c->a, "metric_query"));
	S_fixed(c, period < 60 ? "High-resolution alarm metric" : "Standard alarm metric",
	        "alarm metrics", metrics ? (double)metrics : 1,
	        period < 60 ? "cloudwatch.alarm.high_resolution.month"
	                    : "cloudwatch.alarm.standard.month");
}

static void S_dashboard(S_ctx *c)
{
	S_fixed(c, "Dashboard", "months", 1, "cloudwatch.dashboard.month");
	c->res->note = "the account's first 3 dashboards are free";
}

static void S_log_group(S_ctx *c)
{
	S_usage(c, "Data ingested", "GB", "monthly_data_ingested_gb", 1,
	        "cloudwatch.logs.standard.ingest.gb");
	S_usage(c, "Archival storage", "GB-months", "storage_gb", 1,
	        "cloudwatch.logs.storage.gb_month");
	S_usage(c, "Insights queries (data scanned)", "GB",
	        "monthly_data_scanned_gb", 1, "cloudwatch.logs.insights.scanned.gb");
}

static void S_secret(S_ctx *c)
{
	S_fixed(c, "Secret", "months", 1, "secretsmanager.secret.month");
	S_usage(c, "API requests", "requests", "monthly_requests", 1,
	        "secretsmanager.api.request");
}

static void S_kms_key(S_ctx *c)
{
	S_fixed(c, "Customer managed key", "months", 1, "kms.key.month");
	S_usage(c, "Requests", "requests", "monthly_requests", 1,
	        "kms.requests.symmetric.request");
}

static void S_route53_zone(S_ctx *c)
{
	S_fixed(c, "Hosted zone", "months", 1, "route53.zone.tier1.month");
}

/* Queries are charged by record; alias queries to AWS resources are free. */
static void S_route53_record(S_ctx *c)
{
	if (json_array_size(json_object_get(c->a, "alias"))) {
		c->res->status = TFS_COST_FREE;
		c->res->note = "alias queries to AWS resources are free";
		return;
	}
	S_usage(c, "Standard queries", "queries", "monthly_standard_queries", 1,
	        "route53.queries.standard.tier1.query");
}

static void S_ecr(S_ctx *c)
{
	S_usage(c, "Storage", "GB-months", "storage_gb", 1, "ecr.storage.gb_month");
}

/* ---- the tables ------------------------------------------------------------------- */

typedef struct {
	const char *type;
	void (*fn)(S_ctx *c);
} S_estimator;

/* Sorted by type (bsearch). */
static const S_estimator ESTIMATORS[] = {
	{"aws_alb", S_load_balancer},
	{"aws_cloudwatch_dashboard", S_dashboard},
	{"aws_cloudwatch_log_group", S_log_group},
	{"aws_cloudwatch_metric_alarm", S_alarm},
	{"aws_db_instance", S_rds_instance},
	{"aws_ecr_repository", S_ecr},
	{"aws_ecs_service", S_ecs_service},
	{"aws_eip", S_eip},
	{"aws_elb", S_load_balancer},
	{"aws_kms_key", S_kms_key},
	{"aws_lb", S_load_balancer},
	{"aws_nat_gateway", S_nat_gateway},
	{"aws_route53_record", S_route53_record},
	{"aws_route53_zone", S_route53_zone},
	{"aws_secretsmanager_secret", S_secret},
	{"aws_vpc_endpoint", S_vpc_endpoint},
};

/* Types AWS charges nothing for (their cost, if any, is on another
 * resource), sorted. */
static const char *const FREE[] = {
	"aws_acm_certificate",
	"aws_acm_certificate_validation",
	"aws_alb_listener",
	"aws_alb_listener_rule",
	"aws_alb_target_group",
	"aws_appautoscaling_policy",
	"aws_appautoscaling_target",
	"aws_cloudfront_origin_access_control",
	"aws_cloudfront_origin_access_identity",
	"aws_cloudfront_response_headers_policy",
	"aws_db_parameter_group",
	"aws_db_subnet_group",
	"aws_default_route_table",
	"aws_default_security_group",
	"aws_default_subnet",
	"aws_default_vpc",
	"aws_ecr_lifecycle_policy",
	"aws_ecs_cluster",
	"aws_ecs_cluster_capacity_providers",
	"aws_ecs_task_definition",
	"aws_internet_gateway",
	"aws_kms_alias",
	"aws_lb_listener",
	"aws_lb_listener_rule",
	"aws_lb_target_group",
	"aws_lb_target_group_attachment",
	"aws_main_route_table_association",
	"aws_route",
	"aws_route_table",
	"aws_route_table_association",
	"aws_s3_bucket_acl",
	"aws_s3_bucket_lifecycle_configuration",
	"aws_s3_bucket_logging",
	"aws_s3_bucket_ownership_controls",
	"aws_s3_bucket_policy",
	"aws_s3_bucket_public_access_block",
	"aws_s3_bucket_server_side_encryption_configuration",
	"aws_s3_bucket_versioning",
	"aws_secretsmanager_secret_version",
	"aws_security_group",
	"aws_security_group_rule",
	"aws_sns_topic_subscription",
	"aws_subnet",
	"aws_vpc",
	"aws_vpc_security_group_egress_rule",
	"aws_vpc_security_group_ingress_rule",
	"aws_wafv2_web_acl_association",
};

static int S_estimator_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const S_estimator *)elem)->type);
}

static int S_str_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static void S_estimate_one(S_ctx *c)
{
	const char *type = c->res->type;
	const S_estimator *e;

	e = bsearch(type, ESTIMATORS, sizeof(ESTIMATORS) / sizeof(*ESTIMATORS),
	            sizeof(*ESTIMATORS), S_estimator_cmp);
	if (e) {
		c->res->status = TFS_COST_PRICED;
		c->cap = 0;
		e->fn(c);
		return;
	}
	if (strncmp(type, "aws_iam_", 8) == 0 ||
	    bsearch(type, FREE, sizeof(FREE) / sizeof(*FREE), sizeof(*FREE),
	            S_str_cmp)) {
		c->res->status = TFS_COST_FREE;
		return;
	}
	c->res->status = TFS_COST_UNSUPPORTED;
	c->res->note = "tfsight does not price this type yet";
}

/* The usage keys the estimators read, with their kind. */
static const tfs_usage_key USAGE_KEYS[] = {
	{"aws_alb", "active_connections", TFS_USAGE_NUMBER},
	{"aws_alb", "new_connections", TFS_USAGE_NUMBER},
	{"aws_alb", "processed_bytes_gb", TFS_USAGE_NUMBER},
	{"aws_alb", "rule_evaluations", TFS_USAGE_NUMBER},
	{"aws_cloudwatch_log_group", "monthly_data_ingested_gb", TFS_USAGE_NUMBER},
	{"aws_cloudwatch_log_group", "monthly_data_scanned_gb", TFS_USAGE_NUMBER},
	{"aws_cloudwatch_log_group", "storage_gb", TFS_USAGE_NUMBER},
	{"aws_db_instance", "additional_backup_storage_gb", TFS_USAGE_NUMBER},
	{"aws_ecr_repository", "storage_gb", TFS_USAGE_NUMBER},
	{"aws_elb", "monthly_data_processed_gb", TFS_USAGE_NUMBER},
	{"aws_kms_key", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_lb", "active_connections", TFS_USAGE_NUMBER},
	{"aws_lb", "new_connections", TFS_USAGE_NUMBER},
	{"aws_lb", "processed_bytes_gb", TFS_USAGE_NUMBER},
	{"aws_lb", "rule_evaluations", TFS_USAGE_NUMBER},
	{"aws_nat_gateway", "monthly_data_processed_gb", TFS_USAGE_NUMBER},
	{"aws_route53_record", "monthly_standard_queries", TFS_USAGE_NUMBER},
	{"aws_secretsmanager_secret", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_vpc_endpoint", "monthly_data_processed_gb", TFS_USAGE_NUMBER},
};

static bool S_priced_type(const char *type)
{
	return bsearch(type, ESTIMATORS, sizeof(ESTIMATORS) / sizeof(*ESTIMATORS),
	               sizeof(*ESTIMATORS), S_estimator_cmp) != NULL;
}

size_t tfs_cost_usage_check(const tfs_usage *u, tfs_usage_warnings *w)
{
	size_t n = sizeof(USAGE_KEYS) / sizeof(*USAGE_KEYS), cap = 0, i, j;
	size_t before = w->count;
	tfs_usage_key *known = NULL;
	tfs_buf note;

	if (!u)
		return 0;
	/* Keys of types tfsight does not price are not checked one by one:
	 * one note per such entry says its figures go unused. */
	tfs_grow(&known, &cap, n, sizeof(*known));
	memcpy(known, USAGE_KEYS, sizeof(USAGE_KEYS));
	tfs_buf_init(&note);
	for (i = 0; i < u->count; i++) {
		const tfs_usage_entry *e = &u->entries[i];
		if (!e->type || S_priced_type(e->type))
			continue;
		for (j = 0; j < e->count; j++) {
			tfs_grow(&known, &cap, n + 1, sizeof(*known));
			known[n].type = e->type;
			known[n].key = e->values[j].key;
			known[n].kind = e->values[j].kind;
			n++;
		}
	}
	tfs_usage_check(u, known, n, w);
	for (i = 0; i < u->count; i++) {
		const tfs_usage_entry *e = &u->entries[i];
		if (!e->type || S_priced_type(e->type))
			continue;
		tfs_buf_truncate(&note, 0);
		tfs_buf_addf(&note, "%s:%d:%d: usage for %s is not used: tfsight "
		                    "does not price %s yet",
		             u->name, e->line, e->column, e->name, e->type);
		tfs_grow(&w->items, &w->cap, w->count + 1, sizeof(*w->items));
		w->items[w->count++] = xstrdup(note.data);
	}
	tfs_buf_release(&note);
	free(known);
	return w->count - before;
}

const char *tfs_cost_status_name(tfs_cost_status s)
{
	switch (s) {
	case TFS_COST_PRICED:
		return "priced";
	case TFS_COST_FREE:
		return "free";
	case TFS_COST_UNSUPPORTED:
		return "unsupported";
	}
	return "unsupported";
}

tfs_cost *tfs_cost_estimate(const tfs_model *m, const tfs_pricing *p,
                            const tfs_usage *u)
{
	tfs_cost *cost = xcalloc(1, sizeof(*cost));
	S_ctx c;
	size_t i;

	cost->model = m;
	cost->count = m->nresources;
	cost->resources = xcalloc(m->nresources ? m->nresources : 1,
	                          sizeof(*cost->resources));
	memset(&c, 0, sizeof(c));
	c.cost = cost;
	c.m = m;
	c.p = p;
	c.u = u;
	tfs_map_init(&c.eip_allocations);
	tfs_map_init(&c.cluster_providers);
	for (i = 0; i < m->nresources; i++) {
		const tfs_instance *in = m->nodes[i].item->inst;
		const char *s;
		if (strcmp(in->type, "aws_eip") == 0) {
			if ((s = tfs_attr_str(in->attributes, "allocation_id")))
				tfs_map_put(&c.eip_allocations, s, i);
			if ((s = tfs_attr_str(in->attributes, "id")))
				tfs_map_put(&c.eip_allocations, s, i);
		} else if (strcmp(in->type, "aws_ecs_cluster_capacity_providers") == 0 &&
		           (s = tfs_attr_str(in->attributes, "cluster_name"))) {
			tfs_map_put(&c.cluster_providers, s, i);
		}
	}
	for (i = 0; i < m->nresources; i++) {
		tfs_cost_resource *r = &cost->resources[i];
		size_t k;

		r->node = i;
		r->address = m->nodes[i].address;
		r->type = m->nodes[i].item->inst->type;
		r->resource_id = tfs_attr_str(m->nodes[i].item->inst->attributes, "arn");
		if (!r->resource_id)
			r->resource_id =
				tfs_attr_str(m->nodes[i].item->inst->attributes, "id");
		c.node = i;
		c.a = m->nodes[i].item->inst->attributes;
		c.res = r;
		S_estimate_one(&c);
		for (k = 0; k < r->ncomponents; k++)
			r->monthly_cost += r->components[k].monthly_cost;
		cost->total += r->monthly_cost;
		cost->missing_prices += r->missing_prices;
		cost->pending_usage += r->pending_usage;
		switch (r->status) {
		case TFS_COST_PRICED:
			cost->n_priced++;
			break;
		case TFS_COST_FREE:
			cost->n_free++;
			break;
		case TFS_COST_UNSUPPORTED:
			cost->n_unsupported++;
			break;
		}
	}
	tfs_map_release(&c.eip_allocations);
	tfs_map_release(&c.cluster_providers);
	return cost;
}

void tfs_cost_free(tfs_cost *c)
{
	size_t i;
	if (!c)
		return;
	for (i = 0; i < c->count; i++)
		free(c->resources[i].components);
	free(c->resources);
	tfs_arena_release(&c->arena);
	free(c);
}
