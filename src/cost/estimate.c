/*
 * estimate.c - one estimator per priced resource type, each turning the
 * model's view of a resource into cost components: a quantity per month,
 * the price key it is charged at, and where a usage figure came from.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cost/estimate_int.h"

/* ---- components ------------------------------------------------------------ */

tfs_cost_component *tfs_est_component(tfs_est_ctx *c, const char *name,
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

void tfs_est_set_quantity(tfs_cost_component *k, double q)
{
	k->monthly_quantity = q;
	k->has_quantity = true;
	if (k->price_row)
		k->monthly_cost = q * k->price_row->usd;
}

/* A component whose quantity the state decides. */
void tfs_est_fixed(tfs_est_ctx *c, const char *name, const char *unit, double qty,
                    const char *key)
{
	tfs_est_set_quantity(tfs_est_component(c, name, unit, key), qty);
}

/* A component whose quantity is a usage figure (times factor). */
void tfs_est_usage(tfs_est_ctx *c, const char *name, const char *unit,
                    const char *usage_key, double factor, const char *key)
{
	tfs_cost_component *k = tfs_est_component(c, name, unit, key);
	const tfs_cost_resource *r = c->res;
	double v;

	k->usage_based = true;
	if (tfs_usage_get(c->u, r->address, r->type, usage_key, &v,
	                  &k->usage_source))
		tfs_est_set_quantity(k, v * factor);
	else
		c->res->pending_usage++;
}

void tfs_est_optional_usage(tfs_est_ctx *c, const char *name, const char *unit,
                            const char *usage_key, const char *key)
{
	double v;
	const char *src;
	if (tfs_est_usage_get(c, usage_key, &v, &src))
		tfs_est_usage(c, name, unit, usage_key, 1, key);
}

bool tfs_est_usage_get(tfs_est_ctx *c, const char *usage_key, double *v,
                       const char **source)
{
	return tfs_usage_get(c->u, c->res->address, c->res->type, usage_key, v,
	                     source);
}

void tfs_est_tiered(tfs_est_ctx *c, const char *name, const char *unit,
                    double qty, bool has_qty, const char *source,
                    const double *upper, const char *const *labels,
                    size_t nbands, const char *key_prefix,
                    const char *key_unit)
{
	double lower = 0;
	size_t i;

	if (!has_qty) {
		tfs_cost_component *k = tfs_est_component(
			c, tfs_est_key(c, "%s (%s)", name, labels[0]), unit,
			tfs_est_key(c, "%s.tier1.%s", key_prefix, key_unit));
		k->usage_based = true;
		c->res->pending_usage++;
		return;
	}
	for (i = 0; i < nbands; i++) {
		double top = i + 1 < nbands ? upper[i] : HUGE_VAL;
		double q = qty < top ? qty - lower : top - lower;
		tfs_cost_component *k;
		if (i > 0 && q <= 0)
			break;
		k = tfs_est_component(c, tfs_est_key(c, "%s (%s)", name, labels[i]),
		                      unit, tfs_est_key(c, "%s.tier%d.%s", key_prefix,
		                                  (int)i + 1, key_unit));
		k->usage_based = true;
		k->usage_source = source;
		tfs_est_set_quantity(k, q > 0 ? q : 0);
		lower = top;
	}
}

const char *tfs_est_key(tfs_est_ctx *c, const char *fmt, ...)
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

/* Every caller reads a size or a count: a negative one (hostile or broken
 * state) would make a negative cost, so it counts as absent. */
double tfs_est_num(const json_t *o, const char *key, double dflt)
{
	long long v;
	const json_t *j = json_object_get(o, key);
	if (json_is_real(j))
		return json_real_value(j) >= 0 ? json_real_value(j) : dflt;
	return tfs_attr_int(o, key, &v) && v >= 0 ? (double)v : dflt;
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
		double base = tfs_est_num(s, "base", 0), weight = tfs_est_num(s, "weight", 0);
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

static const json_t *S_strategy(tfs_est_ctx *c, const tfs_node *svc)
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

/* A task's `cpu` (in vCPU) or `memory` (in GB) as AWS accepts them: CPU
 * units or MiB as a number or numeric string ("512"), or with the unit
 * ("0.25 vCPU", "1vcpu", "2 GB", "2GB"; any case).  False, with why, for
 * anything else: the caller shows a line without a price, never $0. */
static bool S_task_size(tfs_est_ctx *c, const json_t *td, const char *key,
                        double *out, const char **why)
{
	const json_t *v = json_object_get(td, key);
	const char *s = json_string_value(v), *unit = strcmp(key, "cpu") == 0
	                                                 ? "vcpu"
	                                                 : "gb";
	char *end;
	double d;

	if (json_is_number(v) && json_number_value(v) > 0) {
		*out = json_number_value(v) / 1024.0;
		return true;
	}
	if (!s || !*s) {
		*why = tfs_est_key(c, "the task definition sets no %s", key);
		return false;
	}
	if (strncmp(s, TFS_AFTER_APPLY, strlen(TFS_AFTER_APPLY)) == 0) {
		*why = tfs_est_key(c, "the task's %s is known only after apply", key);
		return false;
	}
	d = strtod(s, &end);
	if (end != s && d > 0 && d < 1e9) {
		while (*end == ' ')
			end++;
		if (*end == '\0') {
			*out = d / 1024.0;
			return true;
		}
		if (strcasecmp(end, unit) == 0) {
			*out = d;
			return true;
		}
	}
	*why = tfs_est_key(c, "%s \"%s\" is not a size AWS accepts", key, s);
	return false;
}

/* A Fargate line whose quantity the task's size decides, or, when that
 * size cannot be read, the same line with no price and the reason. */
static void S_fargate_line(tfs_est_ctx *c, const char *name, const char *unit,
                           bool known, double qty, const char *why,
                           const char *key)
{
	tfs_cost_component *k;
	if (known) {
		tfs_est_fixed(c, name, unit, qty, key);
		return;
	}
	k = tfs_est_component(c, name, unit, key);
	if (k->price_row) {
		k->price_row = NULL;
		c->res->missing_prices++;
	}
	k->note = why;
}

static void S_ecs_service(tfs_est_ctx *c)
{
	const tfs_node *svc = &c->m->nodes[c->node];
	const char *lt = tfs_attr_str(c->a, "launch_type");
	const json_t *td, *rp, *strategy;
	const char *arch = "x86", *os;
	double tasks = tfs_est_num(c->a, "desired_count", 0), cpu = 0, mem = 0;
	double spot, eph;
	const char *cpu_why = NULL, *mem_why = NULL;
	bool has_cpu, has_mem;

	if (lt && strcmp(lt, "EC2") == 0) {
		c->res->status = TFS_COST_FREE;
		c->res->note = "runs on EC2 container instances, priced there";
		return;
	}
	if (svc->task_definition == TFS_NONE) {
		c->res->status = TFS_COST_UNSUPPORTED;
		c->res->note = "its task definition is not in this input";
		return;
	}
	td = c->m->nodes[svc->task_definition].item->inst->attributes;
	has_cpu = S_task_size(c, td, "cpu", &cpu, &cpu_why);
	has_mem = S_task_size(c, td, "memory", &mem, &mem_why);
	rp = tfs_attr_block(td, "runtime_platform");
	if ((os = tfs_attr_str(rp, "cpu_architecture")) && strcmp(os, "ARM64") == 0)
		arch = "arm";
	os = tfs_attr_str(rp, "operating_system_family");
	strategy = S_strategy(c, svc);
	spot = strategy ? S_spot_share(strategy, tasks) : 0;
	if (os && strncmp(os, "WINDOWS", 7) == 0) {
		double h = tasks * TFS_HOURS_PER_MONTH;
		S_fargate_line(c, "Fargate vCPU (Windows)", "vCPU-hours", has_cpu,
		               cpu * h, cpu_why, "fargate.windows.x86.vcpu_hour");
		S_fargate_line(c, "Fargate Windows licence", "vCPU-hours", has_cpu,
		               cpu * h, cpu_why,
		               "fargate.windows.x86.license.vcpu_hour");
		S_fargate_line(c, "Fargate memory (Windows)", "GB-hours", has_mem,
		               mem * h, mem_why, "fargate.windows.x86.gb_hour");
	} else {
		double od = tasks * (1 - spot) * TFS_HOURS_PER_MONTH;
		double sp = tasks * spot * TFS_HOURS_PER_MONTH;
		if (od > 0 || sp == 0) {
			S_fargate_line(c, tfs_est_key(c, "Fargate vCPU (Linux/%s)", arch),
			               "vCPU-hours", has_cpu, cpu * od, cpu_why,
			               tfs_est_key(c, "fargate.linux.%s.vcpu_hour", arch));
			S_fargate_line(c, tfs_est_key(c, "Fargate memory (Linux/%s)", arch),
			               "GB-hours", has_mem, mem * od, mem_why,
			               tfs_est_key(c, "fargate.linux.%s.gb_hour", arch));
		}
		if (sp > 0) {
			S_fargate_line(c,
			               tfs_est_key(c, "Fargate Spot vCPU (Linux/%s)", arch),
			               "vCPU-hours", has_cpu, cpu * sp, cpu_why,
			               tfs_est_key(c, "fargate.spot.%s.vcpu_hour", arch));
			S_fargate_line(c,
			               tfs_est_key(c, "Fargate Spot memory (Linux/%s)", arch),
			               "GB-hours", has_mem, mem * sp, mem_why,
			               tfs_est_key(c, "fargate.spot.%s.gb_hour", arch));
		}
	}
	/* the first 20 GiB of ephemeral storage come with every task */
	eph = tfs_est_num(tfs_attr_block(td, "ephemeral_storage"), "size_in_gib", 20);
	if (eph > 20)
		tfs_est_fixed(c, "Fargate ephemeral storage above 20 GB", "GB-hours",
		        (eph - 20) * tasks * TFS_HOURS_PER_MONTH,
		        "fargate.ephemeral_storage.gb_hour");
}

/* ---- RDS ----------------------------------------------------------------------- */

static void S_rds_instance(tfs_est_ctx *c)
{
	const char *engine = tfs_attr_str(c->a, "engine");
	const char *cls = tfs_attr_str(c->a, "instance_class");
	const char *storage = tfs_attr_str(c->a, "storage_type");
	bool multi = false;
	const char *az;
	double gb = tfs_est_num(c->a, "allocated_storage", 0);
	double iops = tfs_est_num(c->a, "iops", 0), tput = tfs_est_num(c->a, "storage_throughput", 0);

	if (engine && strncmp(engine, "aurora", 6) == 0) {
		c->res->status = TFS_COST_UNSUPPORTED;
		c->res->note = "Aurora is priced on its cluster instances";
		return;
	}
	tfs_attr_bool(c->a, "multi_az", &multi);
	az = multi ? "multi_az" : "single_az";
	tfs_est_fixed(c, tfs_est_key(c, "Database instance (%s, %s)", cls ? cls : "?",
	                 multi ? "Multi-AZ" : "Single-AZ"),
	        "hours", TFS_HOURS_PER_MONTH,
	        tfs_est_key(c, "rds.%s.%s.%s.hour", engine ? engine : "unknown",
	              cls ? cls : "unknown", az));
	if (!storage)
		storage = "gp2";
	/* magnetic storage is "standard" to Terraform, "magnetic" to the table */
	tfs_est_fixed(c, tfs_est_key(c, "Storage (%s)", storage), "GB-months", gb,
	        tfs_est_key(c, "rds.storage.%s.%s.gb_month",
	                    strcmp(storage, "standard") == 0 ? "magnetic" : storage,
	                    az));
	if (strcmp(storage, "io1") == 0 || strcmp(storage, "io2") == 0)
		tfs_est_fixed(c, tfs_est_key(c, "Provisioned IOPS (%s)", storage), "IOPS-months",
		        iops, tfs_est_key(c, "rds.storage.%s.%s.iops_month", storage, az));
	if (strcmp(storage, "gp3") == 0) {
		/* gp3 includes 3,000 IOPS and 125 MiB/s below 400 GB, and
		 * 12,000 IOPS and 500 MiB/s from 400 GB */
		double base_iops = gb >= 400 ? 12000 : 3000;
		double base_tput = gb >= 400 ? 500 : 125;
		if (iops > base_iops)
			tfs_est_fixed(c, "Provisioned IOPS above the gp3 baseline",
			        "IOPS-months", iops - base_iops,
			        tfs_est_key(c, "rds.storage.gp3.%s.iops_month", az));
		if (tput > base_tput)
			tfs_est_fixed(c, "Throughput above the gp3 baseline", "MiBps-months",
			        tput - base_tput,
			        tfs_est_key(c, "rds.storage.gp3.%s.mibps_month", az));
	}
	tfs_est_usage(c, "Backup storage beyond the free allowance", "GB-months",
	        "additional_backup_storage_gb", 1, "rds.backup.gb_month");
	/* only magnetic storage charges I/O requests, as EBS standard does */
	if (strcmp(storage, "standard") == 0)
		tfs_est_usage(c, "I/O requests (magnetic)", "requests",
		              "monthly_standard_io_requests", 1,
		              "rds.storage.magnetic.io_request");
	else
		tfs_est_unpriced(c, "monthly_standard_io_requests", "rds.storage.",
		                 tfs_est_key(c, "only magnetic (standard) storage is "
		                                "charged for I/O requests, and this "
		                                "one is %s",
		                             storage));
}

tfs_cost_component *tfs_est_public_ipv4(tfs_est_ctx *c, double addresses)
{
	tfs_cost_component *k = tfs_est_component(c, "Public IPv4 address",
	                                          "IP-hours", "vpc.public_ipv4.hour");
	tfs_est_set_quantity(k, addresses * TFS_HOURS_PER_MONTH);
	return k;
}

/* ---- the tables ------------------------------------------------------------------- */

typedef struct {
	const char *type;
	void (*fn)(tfs_est_ctx *c);
} S_estimator;

/* Sorted by type (bsearch). */
static const S_estimator ESTIMATORS[] = {
	{"aws_acmpca_certificate_authority", tfs_est_private_ca},
	{"aws_alb", tfs_est_load_balancer},
	{"aws_api_gateway_rest_api", tfs_est_api_rest},
	{"aws_api_gateway_stage", tfs_est_api_stage},
	{"aws_apigatewayv2_api", tfs_est_api_v2},
	{"aws_cloudfront_distribution", tfs_est_cloudfront},
	{"aws_cloudwatch_dashboard", tfs_est_dashboard},
	{"aws_cloudwatch_event_bus", tfs_est_event_bus},
	{"aws_cloudwatch_log_group", tfs_est_log_group},
	{"aws_cloudwatch_metric_alarm", tfs_est_alarm},
	{"aws_cognito_user_pool", tfs_est_cognito_user_pool},
	{"aws_db_instance", S_rds_instance},
	{"aws_dynamodb_table", tfs_est_dynamodb_table},
	{"aws_ebs_volume", tfs_est_ebs_volume},
	{"aws_ecr_repository", tfs_est_ecr},
	{"aws_ecs_service", S_ecs_service},
	{"aws_eip", tfs_est_eip},
	{"aws_elasticache_cluster", tfs_est_elasticache_cluster},
	{"aws_elasticache_replication_group", tfs_est_elasticache_replication_group},
	{"aws_elb", tfs_est_load_balancer},
	{"aws_instance", tfs_est_instance},
	{"aws_kms_key", tfs_est_kms_key},
	{"aws_lambda_function", tfs_est_lambda},
	{"aws_lambda_provisioned_concurrency_config", tfs_est_lambda_provisioned},
	{"aws_lb", tfs_est_load_balancer},
	{"aws_nat_gateway", tfs_est_nat_gateway},
	{"aws_rds_cluster", tfs_est_rds_cluster},
	{"aws_rds_cluster_instance", tfs_est_rds_cluster_instance},
	{"aws_route53_health_check", tfs_est_route53_health_check},
	{"aws_route53_record", tfs_est_route53_record},
	{"aws_route53_resolver_endpoint", tfs_est_route53_resolver_endpoint},
	{"aws_route53_zone", tfs_est_route53_zone},
	{"aws_s3_bucket", tfs_est_s3_bucket},
	{"aws_secretsmanager_secret", tfs_est_secret},
	{"aws_sns_topic", tfs_est_sns_topic},
	{"aws_sqs_queue", tfs_est_sqs_queue},
	{"aws_vpc_endpoint", tfs_est_vpc_endpoint},
	{"aws_wafv2_web_acl", tfs_est_wafv2_web_acl},
};

static int S_estimator_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const S_estimator *)elem)->type);
}

/* Terraform's own and its utility providers: no cloud, no charge. */
static bool S_utility_provider(const char *name)
{
	static const char *const NAMES[] = {
		"archive", "cloudinit", "external", "http", "local", "null",
		"random",  "template",  "terraform", "time", "tls",
	};
	for (size_t i = 0; i < sizeof(NAMES) / sizeof(*NAMES); i++)
		if (strcmp(name, NAMES[i]) == 0)
			return true;
	return false;
}

/* A region the input records, other than the one the tables price. */
static const char *S_other_region(const tfs_inventory_item *it)
{
	switch (it->region_source) {
	case TFS_REGION_ATTRIBUTE:
	case TFS_REGION_ARN:
	case TFS_REGION_AZ:
	case TFS_REGION_PROVIDER:
		return strcmp(it->region, TFS_DEFAULT_REGION) != 0 ? it->region
		                                                   : NULL;
	case TFS_REGION_DEFAULT:
	case TFS_REGION_GLOBAL:
		break;
	}
	return NULL;
}

/* ---- usage keys read but not priced ------------------------------------------------ */

/* Keys of Infracost's usage file that tfsight accepts without pricing
 * what they mean (docs/usage-file.md).  A charge whose price the facts
 * lack gets its own line, with the figure and no price (price not found,
 * never $0); a figure that would qualify another line (a reserved term,
 * an operating system) is named on that line, the one whose price key
 * starts with anchor (else the first). */
typedef struct {
	const char *type, *key;
	tfs_usage_kind kind;
	const char *name, *unit, *price_key; /* a charge; NULL: a qualifier */
	const char *anchor;
	const char *why;
} S_unpriced_key;

#define S_WHY_RESERVED "the estimate uses on-demand rates (reserved rates " \
	"are out of its scope)"
#define S_WHY_CREDITS "the facts hold no sa-east-1 price for CPU credits"
#define S_WHY_PI "the facts hold no sa-east-1 price for Performance " \
	"Insights API requests"
#define S_WHY_SELECT "the facts hold no sa-east-1 price for S3 Select"
#define S_WHY_EARLY "the facts hold no sa-east-1 price for early deletion " \
	"from this class"
#define S_WHY_SHIELD "Origin Shield is not priced yet (the facts hold the " \
	"sa-east-1 and us-east-1 rates only)"
#define S_WHY_BACKTRACK "the facts hold no sa-east-1 price for Aurora " \
	"Backtrack"
#define S_Q(type, key, kind, anchor, why) \
	{type, key, kind, NULL, NULL, NULL, anchor, why}
#define S_C(type, key, name, unit, price_key, why) \
	{type, key, TFS_USAGE_NUMBER, name, unit, price_key, NULL, why}
#define S_N TFS_USAGE_NUMBER
#define S_S TFS_USAGE_STRING
#define S_CF "aws_cloudfront_distribution"
#define S_S3 "aws_s3_bucket"
#define S_GFR "glacier_flexible_retrieval."

/* Sorted by type, then key (tested). */
static const S_unpriced_key UNPRICED[] = {
	S_Q(S_CF, "custom_ssl_certificates", S_N, NULL,
	    "dedicated-IP custom SSL (ssl_support_method vip) is not priced yet"),
	S_Q(S_CF, "monthly_encryption_requests", S_N, NULL,
	    "field-level encryption is priced by viewer region, and the figure "
	    "names none"),
	S_Q(S_CF, "monthly_shield_requests.australia", S_N, NULL, S_WHY_SHIELD),
	S_Q(S_CF, "monthly_shield_requests.europe", S_N, NULL, S_WHY_SHIELD),
	S_Q(S_CF, "monthly_shield_requests.india", S_N, NULL, S_WHY_SHIELD),
	S_Q(S_CF, "monthly_shield_requests.japan", S_N, NULL, S_WHY_SHIELD),
	S_Q(S_CF, "monthly_shield_requests.singapore", S_N, NULL, S_WHY_SHIELD),
	S_Q(S_CF, "monthly_shield_requests.south_america", S_N, NULL, S_WHY_SHIELD),
	S_Q(S_CF, "monthly_shield_requests.south_korea", S_N, NULL, S_WHY_SHIELD),
	S_Q(S_CF, "monthly_shield_requests.us", S_N, NULL, S_WHY_SHIELD),
	S_C("aws_cloudwatch_event_bus", "archive_storage_gb", "Archive storage",
	    "GB-months", "eventbridge.archive.storage.gb_month",
	    "the facts hold no sa-east-1 price for EventBridge archives"),
	S_C("aws_cloudwatch_event_bus", "monthly_archive_processing_gb",
	    "Archive processing", "GB", "eventbridge.archive.processing.gb",
	    "the facts hold no sa-east-1 price for EventBridge archives"),
	S_C("aws_cloudwatch_event_bus", "monthly_schema_discovery_events",
	    "Schema discovery", "events", "eventbridge.schema_discovery.event",
	    "the facts hold no sa-east-1 price for EventBridge schema discovery"),
	S_C("aws_db_instance", "monthly_additional_performance_insights_requests",
	    "Performance Insights API requests", "requests",
	    "rds.performance_insights.api.request", S_WHY_PI),
	S_Q("aws_db_instance", "monthly_cpu_credit_hrs", S_N, "rds.", S_WHY_CREDITS),
	S_Q("aws_db_instance", "reserved_instance_payment_option", S_S, "rds.",
	    S_WHY_RESERVED),
	S_Q("aws_db_instance", "reserved_instance_term", S_S, "rds.", S_WHY_RESERVED),
	S_Q("aws_elasticache_cluster", "reserved_instance_payment_option", S_S,
	    "elasticache.", S_WHY_RESERVED),
	S_Q("aws_elasticache_cluster", "reserved_instance_term", S_S,
	    "elasticache.", S_WHY_RESERVED),
	S_Q("aws_elasticache_replication_group", "reserved_instance_payment_option",
	    S_S, "elasticache.", S_WHY_RESERVED),
	S_Q("aws_elasticache_replication_group", "reserved_instance_term", S_S,
	    "elasticache.", S_WHY_RESERVED),
	S_Q("aws_instance", "monthly_cpu_credit_hrs", S_N, "ec2.", S_WHY_CREDITS),
	S_Q("aws_instance", "operating_system", S_S, "ec2.",
	    "instances are priced at Linux rates, the only ones the facts hold"),
	S_Q("aws_instance", "reserved_instance_payment_option", S_S, "ec2.",
	    S_WHY_RESERVED),
	S_Q("aws_instance", "reserved_instance_term", S_S, "ec2.", S_WHY_RESERVED),
	S_Q("aws_instance", "reserved_instance_type", S_S, "ec2.", S_WHY_RESERVED),
	S_Q("aws_instance", "vcpu_count", S_N, "ec2.", S_WHY_CREDITS),
	S_Q("aws_rds_cluster", "average_statements_per_hr", S_N, NULL,
	    S_WHY_BACKTRACK),
	S_Q("aws_rds_cluster", "backtrack_window_hrs", S_N, NULL, S_WHY_BACKTRACK),
	S_Q("aws_rds_cluster", "capacity_units_per_hr", S_N, NULL,
	    "the facts hold no sa-east-1 price for Aurora Serverless v1 capacity "
	    "(Serverless v2 is priced on aws_rds_cluster_instance)"),
	S_Q("aws_rds_cluster", "change_records_per_statement", S_N, NULL,
	    S_WHY_BACKTRACK),
	S_C("aws_rds_cluster_instance",
	    "monthly_additional_performance_insights_requests",
	    "Performance Insights API requests", "requests",
	    "rds.performance_insights.api.request", S_WHY_PI),
	S_Q("aws_rds_cluster_instance", "monthly_cpu_credit_hrs", S_N, "aurora.",
	    S_WHY_CREDITS),
	S_Q("aws_rds_cluster_instance", "reserved_instance_payment_option", S_S,
	    "aurora.", S_WHY_RESERVED),
	S_Q("aws_rds_cluster_instance", "reserved_instance_term", S_S, "aurora.",
	    S_WHY_RESERVED),
	S_Q("aws_rds_cluster_instance", "vcpu_count", S_N, "aurora.",
	    S_WHY_CREDITS),
	S_C(S_S3, S_GFR "early_delete_gb", "Glacier Flexible Retrieval Early delete",
	    "GB-months", "s3.glacier_flexible.early_delete.gb_month", S_WHY_EARLY),
	S_C(S_S3, S_GFR "monthly_bulk_select_data_returned_gb",
	    "Glacier Flexible Retrieval S3 Select data returned (bulk)", "GB",
	    "s3.glacier_flexible.select.bulk.returned.gb", S_WHY_SELECT),
	S_C(S_S3, S_GFR "monthly_bulk_select_data_scanned_gb",
	    "Glacier Flexible Retrieval S3 Select data scanned (bulk)", "GB",
	    "s3.glacier_flexible.select.bulk.scanned.gb", S_WHY_SELECT),
	S_C(S_S3, S_GFR "monthly_expedited_select_data_returned_gb",
	    "Glacier Flexible Retrieval S3 Select data returned (expedited)", "GB",
	    "s3.glacier_flexible.select.expedited.returned.gb", S_WHY_SELECT),
	S_C(S_S3, S_GFR "monthly_expedited_select_data_scanned_gb",
	    "Glacier Flexible Retrieval S3 Select data scanned (expedited)", "GB",
	    "s3.glacier_flexible.select.expedited.scanned.gb", S_WHY_SELECT),
	S_C(S_S3, S_GFR "monthly_standard_select_data_returned_gb",
	    "Glacier Flexible Retrieval S3 Select data returned (standard)", "GB",
	    "s3.glacier_flexible.select.standard.returned.gb", S_WHY_SELECT),
	S_C(S_S3, S_GFR "monthly_standard_select_data_scanned_gb",
	    "Glacier Flexible Retrieval S3 Select data scanned (standard)", "GB",
	    "s3.glacier_flexible.select.standard.scanned.gb", S_WHY_SELECT),
	S_C(S_S3, "intelligent_tiering.early_delete_gb",
	    "Intelligent-Tiering Early delete", "GB-months",
	    "s3.intelligent_tiering.early_delete.gb_month", S_WHY_EARLY),
	S_C(S_S3, "intelligent_tiering.monthly_select_data_returned_gb",
	    "Intelligent-Tiering S3 Select data returned", "GB",
	    "s3.intelligent_tiering.select.returned.gb", S_WHY_SELECT),
	S_C(S_S3, "intelligent_tiering.monthly_select_data_scanned_gb",
	    "Intelligent-Tiering S3 Select data scanned", "GB",
	    "s3.intelligent_tiering.select.scanned.gb", S_WHY_SELECT),
	S_C(S_S3, "object_tags", "Object tags", "tag-months",
	    "s3.object_tags.tag_month",
	    "the facts hold no sa-east-1 price for object tags"),
	S_C(S_S3, "one_zone_infrequent_access.monthly_select_data_returned_gb",
	    "One Zone-IA S3 Select data returned", "GB",
	    "s3.one_zone_ia.select.returned.gb", S_WHY_SELECT),
	S_C(S_S3, "one_zone_infrequent_access.monthly_select_data_scanned_gb",
	    "One Zone-IA S3 Select data scanned", "GB",
	    "s3.one_zone_ia.select.scanned.gb", S_WHY_SELECT),
	S_C(S_S3, "standard.monthly_select_data_returned_gb",
	    "Standard S3 Select data returned", "GB",
	    "s3.standard.select.returned.gb", S_WHY_SELECT),
	S_C(S_S3, "standard.monthly_select_data_scanned_gb",
	    "Standard S3 Select data scanned", "GB",
	    "s3.standard.select.scanned.gb", S_WHY_SELECT),
	S_C(S_S3, "standard_infrequent_access.monthly_select_data_returned_gb",
	    "Standard-IA S3 Select data returned", "GB",
	    "s3.standard_ia.select.returned.gb", S_WHY_SELECT),
	S_C(S_S3, "standard_infrequent_access.monthly_select_data_scanned_gb",
	    "Standard-IA S3 Select data scanned", "GB",
	    "s3.standard_ia.select.scanned.gb", S_WHY_SELECT),
	S_Q("aws_sns_topic", "macos_subscriptions", S_N, NULL,
	    "the facts hold no sa-east-1 price for macOS push deliveries"),
	S_Q("aws_sns_topic", "sms_notification_price", S_N, "sns.sms.",
	    "prices come only from tfsight's price table, never from the usage "
	    "file"),
	S_Q("aws_wafv2_web_acl", "managed_rule_group_rules", S_N, "waf.rule.",
	    "AWS charges per rule or rule group in the web ACL, which the state's "
	    "rules already count"),
	S_Q("aws_wafv2_web_acl", "rule_group_rules", S_N, "waf.rule.",
	    "AWS charges per rule or rule group in the web ACL, which the state's "
	    "rules already count"),
};

#undef S_Q
#undef S_C
#undef S_N
#undef S_S
#undef S_CF
#undef S_S3
#undef S_GFR

static bool S_usage_has(tfs_est_ctx *c, const char *key)
{
	double v;
	const char *s, *src;
	return tfs_usage_get(c->u, c->res->address, c->res->type, key, &v, &src) ||
	       tfs_usage_get_string(c->u, c->res->address, c->res->type, key, &s,
	                            &src);
}

static void S_add_note(tfs_est_ctx *c, const char *anchor, const char *text)
{
	tfs_cost_resource *r = c->res;
	tfs_cost_component *k = &r->components[0];
	size_t i;

	for (i = 0; anchor && i < r->ncomponents; i++)
		if (strncmp(r->components[i].price_key, anchor, strlen(anchor)) == 0) {
			k = &r->components[i];
			break;
		}
	k->note = k->note ? tfs_est_key(c, "%s; %s", k->note, text) : text;
}

void tfs_est_unpriced(tfs_est_ctx *c, const char *usage_key,
                      const char *anchor, const char *why)
{
	if (c->res->ncomponents && S_usage_has(c, usage_key))
		S_add_note(c, anchor, tfs_est_key(c, "usage key %s is read but not "
		                                     "priced: %s",
		                                  usage_key, why));
}

/* The unpriced keys the usage file gives for the resource: a line for a
 * charge, else one note per qualified line and reason ("usage keys a and b
 * are read but not priced: why"). */
static void S_unpriced(tfs_est_ctx *c)
{
	bool done[TFS_EST_N(UNPRICED)] = {false};
	size_t i, j;

	if (!c->u || !c->res->ncomponents)
		return;
	for (i = 0; i < TFS_EST_N(UNPRICED); i++) {
		const S_unpriced_key *q = &UNPRICED[i];
		tfs_buf keys;
		size_t n = 0;
		const char *last = NULL;

		if (done[i] || strcmp(q->type, c->res->type) != 0 ||
		    !S_usage_has(c, q->key))
			continue;
		if (q->name) {
			tfs_est_usage(c, q->name, q->unit, q->key, 1, q->price_key);
			if (!tfs_est_last(c)->price_row)
				tfs_est_last(c)->note =
					tfs_est_key(c, "usage key %s is read but not "
					               "priced: %s",
					            q->key, q->why);
			continue;
		}
		tfs_buf_init(&keys);
		for (j = i; j < TFS_EST_N(UNPRICED); j++) {
			const S_unpriced_key *o = &UNPRICED[j];
			if (done[j] || o->name || strcmp(o->type, q->type) != 0 ||
			    strcmp(o->why, q->why) != 0 ||
			    (o->anchor ? !q->anchor || strcmp(o->anchor, q->anchor) != 0
			               : q->anchor != NULL) ||
			    !S_usage_has(c, o->key))
				continue;
			done[j] = true;
			if (last)
				tfs_buf_addf(&keys, "%s%s", n > 1 ? ", " : "", last);
			last = o->key;
			n++;
		}
		if (n > 1)
			tfs_buf_addf(&keys, " and %s", last);
		S_add_note(c, q->anchor,
		           n > 1 ? tfs_est_key(c, "usage keys %s are read but not "
		                                  "priced: %s",
		                               keys.data, q->why)
		                 : tfs_est_key(c, "usage key %s is read but not "
		                                  "priced: %s",
		                               q->key, q->why));
		tfs_buf_release(&keys);
	}
}

static void S_estimate_one(tfs_est_ctx *c)
{
	const tfs_inventory_item *it = c->m->nodes[c->node].item;
	const char *type = c->res->type, *provider, *region;
	const S_estimator *e;

	provider = tfs_provider_short_name(it->inst->provider);
	if (strcmp(provider, "aws") != 0) {
		if (S_utility_provider(provider)) {
			c->res->status = TFS_COST_FREE;
			c->res->note = "a Terraform utility resource: no cloud charge";
		} else {
			c->res->status = TFS_COST_NOT_AWS;
			c->res->note = tfs_est_key(c, "not an AWS resource (%s): not "
			                              "priced",
			                           provider);
		}
		return;
	}
	/* free is free in every region */
	if (tfs_est_free(c))
		return;
	if ((region = S_other_region(it)) != NULL) {
		c->res->status = TFS_COST_OTHER_REGION;
		c->res->region = region;
		c->res->note = tfs_est_key(c, "outside sa-east-1 (%s): not priced",
		                           region);
		return;
	}
	e = bsearch(type, ESTIMATORS, sizeof(ESTIMATORS) / sizeof(*ESTIMATORS),
	            sizeof(*ESTIMATORS), S_estimator_cmp);
	if (e) {
		c->res->status = TFS_COST_PRICED;
		c->cap = 0;
		e->fn(c);
		if (c->res->status == TFS_COST_PRICED)
			S_unpriced(c);
		if (c->res->status == TFS_COST_PRICED && c->res->missing_prices)
			c->res->status = TFS_COST_PRICE_NOT_FOUND;
		return;
	}
	c->res->status = TFS_COST_UNSUPPORTED;
	c->res->note = "tfsight does not price this type yet";
}

/* The usage keys the estimators read, with their kind. */
static const tfs_usage_key USAGE_KEYS[] = {
	{"aws_acmpca_certificate_authority", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_alb", "active_connections", TFS_USAGE_NUMBER},
	{"aws_alb", "monthly_lcu_hours", TFS_USAGE_NUMBER},
	{"aws_alb", "new_connections", TFS_USAGE_NUMBER},
	{"aws_alb", "processed_bytes_gb", TFS_USAGE_NUMBER},
	{"aws_alb", "rule_evaluations", TFS_USAGE_NUMBER},
	{"aws_api_gateway_rest_api", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_apigatewayv2_api", "message_size_kb", TFS_USAGE_NUMBER},
	{"aws_apigatewayv2_api", "monthly_connection_mins", TFS_USAGE_NUMBER},
	{"aws_apigatewayv2_api", "monthly_messages", TFS_USAGE_NUMBER},
	{"aws_apigatewayv2_api", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_apigatewayv2_api", "request_size_kb", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_internet_gb.asia_pacific", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_internet_gb.australia", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_internet_gb.europe", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_internet_gb.india", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_internet_gb.japan", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_internet_gb.south_africa", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_internet_gb.south_america", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_internet_gb.us", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_origin_gb.asia_pacific", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_origin_gb.australia", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_origin_gb.europe", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_origin_gb.india", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_origin_gb.japan", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_origin_gb.south_africa", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_origin_gb.south_america", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_data_transfer_to_origin_gb.us", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_http_requests.asia_pacific", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_http_requests.australia", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_http_requests.europe", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_http_requests.india", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_http_requests.japan", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_http_requests.south_africa", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_http_requests.south_america", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_http_requests.us", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_https_requests.asia_pacific", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_https_requests.australia", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_https_requests.europe", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_https_requests.india", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_https_requests.japan", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_https_requests.south_africa", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_https_requests.south_america", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_https_requests.us", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_invalidation_requests", TFS_USAGE_NUMBER},
	{"aws_cloudfront_distribution", "monthly_log_lines", TFS_USAGE_NUMBER},
	{"aws_cloudwatch_event_bus", "monthly_custom_events", TFS_USAGE_NUMBER},
	{"aws_cloudwatch_event_bus", "monthly_third_party_events", TFS_USAGE_NUMBER},
	{"aws_cloudwatch_log_group", "monthly_data_ingested_gb", TFS_USAGE_NUMBER},
	{"aws_cloudwatch_log_group", "monthly_data_scanned_gb", TFS_USAGE_NUMBER},
	{"aws_cloudwatch_log_group", "storage_gb", TFS_USAGE_NUMBER},
	{"aws_cognito_user_pool", "monthly_active_users", TFS_USAGE_NUMBER},
	{"aws_db_instance", "additional_backup_storage_gb", TFS_USAGE_NUMBER},
	{"aws_db_instance", "monthly_standard_io_requests", TFS_USAGE_NUMBER},
	{"aws_dynamodb_table", "monthly_data_restored_gb", TFS_USAGE_NUMBER},
	{"aws_dynamodb_table", "monthly_read_request_units", TFS_USAGE_NUMBER},
	{"aws_dynamodb_table", "monthly_streams_read_request_units", TFS_USAGE_NUMBER},
	{"aws_dynamodb_table", "monthly_write_request_units", TFS_USAGE_NUMBER},
	{"aws_dynamodb_table", "on_demand_backup_storage_gb", TFS_USAGE_NUMBER},
	{"aws_dynamodb_table", "pitr_backup_storage_gb", TFS_USAGE_NUMBER},
	{"aws_dynamodb_table", "storage_gb", TFS_USAGE_NUMBER},
	{"aws_ebs_volume", "monthly_standard_io_requests", TFS_USAGE_NUMBER},
	{"aws_ecr_repository", "storage_gb", TFS_USAGE_NUMBER},
	{"aws_elasticache_cluster", "snapshot_storage_size_gb", TFS_USAGE_NUMBER},
	{"aws_elasticache_replication_group", "snapshot_storage_size_gb", TFS_USAGE_NUMBER},
	{"aws_elb", "monthly_data_processed_gb", TFS_USAGE_NUMBER},
	{"aws_instance", "monthly_hrs", TFS_USAGE_NUMBER},
	{"aws_kms_key", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_lambda_function", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_lambda_function", "monthly_snapstart_restores", TFS_USAGE_NUMBER},
	{"aws_lambda_function", "request_duration_ms", TFS_USAGE_NUMBER},
	{"aws_lambda_provisioned_concurrency_config", "architecture", TFS_USAGE_STRING},
	{"aws_lambda_provisioned_concurrency_config", "memory_mb", TFS_USAGE_NUMBER},
	{"aws_lambda_provisioned_concurrency_config", "monthly_duration_hrs", TFS_USAGE_NUMBER},
	{"aws_lambda_provisioned_concurrency_config", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_lambda_provisioned_concurrency_config", "request_duration_ms", TFS_USAGE_NUMBER},
	{"aws_lb", "active_connections", TFS_USAGE_NUMBER},
	{"aws_lb", "monthly_lcu_hours", TFS_USAGE_NUMBER},
	{"aws_lb", "new_connections", TFS_USAGE_NUMBER},
	{"aws_lb", "processed_bytes_gb", TFS_USAGE_NUMBER},
	{"aws_lb", "rule_evaluations", TFS_USAGE_NUMBER},
	{"aws_nat_gateway", "monthly_data_processed_gb", TFS_USAGE_NUMBER},
	{"aws_rds_cluster", "backup_snapshot_size_gb", TFS_USAGE_NUMBER},
	{"aws_rds_cluster", "read_requests_per_sec", TFS_USAGE_NUMBER},
	{"aws_rds_cluster", "snapshot_export_size_gb", TFS_USAGE_NUMBER},
	{"aws_rds_cluster", "storage_gb", TFS_USAGE_NUMBER},
	{"aws_rds_cluster", "write_requests_per_sec", TFS_USAGE_NUMBER},
	{"aws_rds_cluster_instance", "capacity_units_per_hr", TFS_USAGE_NUMBER},
	{"aws_route53_health_check", "endpoint_type", TFS_USAGE_STRING},
	{"aws_route53_record", "monthly_geo_queries", TFS_USAGE_NUMBER},
	{"aws_route53_record", "monthly_latency_based_queries", TFS_USAGE_NUMBER},
	{"aws_route53_record", "monthly_standard_queries", TFS_USAGE_NUMBER},
	{"aws_route53_resolver_endpoint", "monthly_queries", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_deep_archive.early_delete_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_deep_archive.monthly_bulk_data_retrieval_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_deep_archive.monthly_bulk_data_retrieval_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_deep_archive.monthly_lifecycle_transition_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_deep_archive.monthly_standard_data_retrieval_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_deep_archive.monthly_standard_data_retrieval_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_deep_archive.monthly_tier_1_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_deep_archive.monthly_tier_2_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_deep_archive.storage_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_flexible_retrieval.monthly_bulk_data_retrieval_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_flexible_retrieval.monthly_bulk_data_retrieval_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_flexible_retrieval.monthly_expedited_data_retrieval_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_flexible_retrieval.monthly_expedited_data_retrieval_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_flexible_retrieval.monthly_lifecycle_transition_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_flexible_retrieval.monthly_standard_data_retrieval_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_flexible_retrieval.monthly_standard_data_retrieval_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_flexible_retrieval.monthly_tier_1_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_flexible_retrieval.monthly_tier_2_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_flexible_retrieval.storage_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_instant_retrieval.monthly_data_retrieval_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_instant_retrieval.monthly_lifecycle_transition_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_instant_retrieval.monthly_tier_1_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_instant_retrieval.monthly_tier_2_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "glacier_instant_retrieval.storage_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "intelligent_tiering.archive_access_storage_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "intelligent_tiering.deep_archive_access_storage_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "intelligent_tiering.frequent_access_storage_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "intelligent_tiering.infrequent_access_storage_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "intelligent_tiering.monitored_objects", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "intelligent_tiering.monthly_lifecycle_transition_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "intelligent_tiering.monthly_tier_1_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "intelligent_tiering.monthly_tier_2_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "one_zone_infrequent_access.monthly_data_retrieval_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "one_zone_infrequent_access.monthly_lifecycle_transition_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "one_zone_infrequent_access.monthly_tier_1_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "one_zone_infrequent_access.monthly_tier_2_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "one_zone_infrequent_access.storage_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "standard.monthly_tier_1_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "standard.monthly_tier_2_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "standard.storage_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "standard_infrequent_access.monthly_data_retrieval_gb", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "standard_infrequent_access.monthly_lifecycle_transition_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "standard_infrequent_access.monthly_tier_1_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "standard_infrequent_access.monthly_tier_2_requests", TFS_USAGE_NUMBER},
	{"aws_s3_bucket", "standard_infrequent_access.storage_gb", TFS_USAGE_NUMBER},
	{"aws_secretsmanager_secret", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_sns_topic", "email_subscriptions", TFS_USAGE_NUMBER},
	{"aws_sns_topic", "http_subscriptions", TFS_USAGE_NUMBER},
	{"aws_sns_topic", "kinesis_subscriptions", TFS_USAGE_NUMBER},
	{"aws_sns_topic", "lambda_subscriptions", TFS_USAGE_NUMBER},
	{"aws_sns_topic", "mobile_push_subscriptions", TFS_USAGE_NUMBER},
	{"aws_sns_topic", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_sns_topic", "request_size_kb", TFS_USAGE_NUMBER},
	{"aws_sns_topic", "sms_subscriptions", TFS_USAGE_NUMBER},
	{"aws_sns_topic", "sqs_subscriptions", TFS_USAGE_NUMBER},
	{"aws_sqs_queue", "monthly_requests", TFS_USAGE_NUMBER},
	{"aws_sqs_queue", "request_size_kb", TFS_USAGE_NUMBER},
	{"aws_vpc_endpoint", "monthly_data_processed_gb", TFS_USAGE_NUMBER},
	{"aws_wafv2_web_acl", "monthly_requests", TFS_USAGE_NUMBER},
};

static bool S_priced_type(const char *type);

bool tfs_cost_tables_sorted(void)
{
	size_t i;
	for (i = 1; i < sizeof(ESTIMATORS) / sizeof(*ESTIMATORS); i++)
		if (strcmp(ESTIMATORS[i - 1].type, ESTIMATORS[i].type) >= 0)
			return false;
	for (i = 1; i < sizeof(USAGE_KEYS) / sizeof(*USAGE_KEYS); i++) {
		int t = strcmp(USAGE_KEYS[i - 1].type, USAGE_KEYS[i].type);
		if (t > 0 || (t == 0 && strcmp(USAGE_KEYS[i - 1].key,
		                               USAGE_KEYS[i].key) >= 0))
			return false;
	}
	/* sorted too, every type priced, and no key both read and unpriced */
	for (i = 0; i < TFS_EST_N(UNPRICED); i++) {
		int t = i ? strcmp(UNPRICED[i - 1].type, UNPRICED[i].type) : -1;
		if (t > 0 || (t == 0 && strcmp(UNPRICED[i - 1].key,
		                               UNPRICED[i].key) >= 0))
			return false;
		if (!S_priced_type(UNPRICED[i].type))
			return false;
		for (size_t j = 0; j < TFS_EST_N(USAGE_KEYS); j++)
			if (strcmp(USAGE_KEYS[j].type, UNPRICED[i].type) == 0 &&
			    strcmp(USAGE_KEYS[j].key, UNPRICED[i].key) == 0)
				return false;
	}
	return tfs_est_free_sorted();
}

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
	tfs_grow(&known, &cap, n + TFS_EST_N(UNPRICED), sizeof(*known));
	memcpy(known, USAGE_KEYS, sizeof(USAGE_KEYS));
	/* read but not priced: accepted, the estimate says so */
	for (i = 0; i < TFS_EST_N(UNPRICED); i++) {
		known[n].type = UNPRICED[i].type;
		known[n].key = UNPRICED[i].key;
		known[n].kind = UNPRICED[i].kind;
		n++;
	}
	/* Keys of types tfsight does not price are not checked one by one:
	 * one note per such entry says its figures go unused. */
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
	case TFS_COST_PRICE_NOT_FOUND:
		return "price-not-found";
	case TFS_COST_OTHER_REGION:
		return "outside-region";
	case TFS_COST_NOT_AWS:
		return "not-aws";
	}
	return "unsupported";
}

tfs_cost *tfs_cost_estimate(const tfs_model *m, const tfs_pricing *p,
                            const tfs_usage *u)
{
	tfs_cost *cost = xcalloc(1, sizeof(*cost));
	tfs_est_ctx c;
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
	tfs_map_init(&c.eip_addresses);
	tfs_map_init(&c.cluster_providers);
	tfs_map_init(&c.rds_clusters);
	tfs_map_init(&c.ebs_volumes);
	tfs_map_init(&c.functions);
	tfs_map_init(&c.sns_subscriptions);
	for (i = 0; i < m->nresources; i++) {
		const tfs_instance *in = m->nodes[i].item->inst;
		const char *s;
		if (strcmp(in->type, "aws_eip") == 0) {
			if ((s = tfs_attr_str(in->attributes, "public_ip")) && *s)
				tfs_map_put(&c.eip_addresses, s, i);
		} else if (strcmp(in->type, "aws_ecs_cluster_capacity_providers") == 0 &&
		           (s = tfs_attr_str(in->attributes, "cluster_name"))) {
			tfs_map_put(&c.cluster_providers, s, i);
		} else if (strcmp(in->type, "aws_rds_cluster") == 0 &&
		           (s = tfs_attr_str(in->attributes, "cluster_identifier"))) {
			tfs_map_put(&c.rds_clusters, s, i);
		} else if (strcmp(in->type, "aws_lambda_function") == 0) {
			if ((s = tfs_attr_str(in->attributes, "function_name")))
				tfs_map_add(&c.functions, s, i);
			if ((s = tfs_attr_str(in->attributes, "arn")))
				tfs_map_add(&c.functions, s, i);
		} else if (strcmp(in->type, "aws_sns_topic_subscription") == 0 &&
		           (s = tfs_attr_str(in->attributes, "topic_arn")) &&
		           tfs_attr_str(in->attributes, "protocol")) {
			const char *k = tfs_est_key(&c, "%s|%s", s,
			                            tfs_attr_str(in->attributes, "protocol"));
			size_t n = 0;
			tfs_map_get(&c.sns_subscriptions, k, &n);
			tfs_map_put(&c.sns_subscriptions, k, n + 1);
		} else if (strcmp(in->type, "aws_ebs_volume") == 0 &&
		           (s = tfs_attr_str(in->attributes, "id"))) {
			tfs_map_put(&c.ebs_volumes, s, i);
		}
	}
	for (i = 0; i < m->nresources; i++) {
		tfs_cost_resource *r = &cost->resources[i];
		size_t k;

		r->node = i;
		r->parent = TFS_NONE;
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
		for (k = 0; k < r->ncomponents; k++) {
			r->monthly_cost += r->components[k].monthly_cost;
			if (r->components[k].usage_based)
				r->monthly_usage_cost += r->components[k].monthly_cost;
		}
		cost->total += r->monthly_cost;
		cost->usage_total += r->monthly_usage_cost;
		cost->missing_prices += r->missing_prices;
		cost->pending_usage += r->pending_usage;
		switch (r->status) {
		case TFS_COST_PRICED:
			cost->n_priced++;
			break;
		case TFS_COST_PRICE_NOT_FOUND:
			cost->n_no_price++;
			break;
		case TFS_COST_FREE:
			cost->n_free++;
			break;
		case TFS_COST_UNSUPPORTED:
			cost->n_unsupported++;
			break;
		case TFS_COST_OTHER_REGION:
			cost->n_other_region++;
			break;
		case TFS_COST_NOT_AWS:
			cost->n_not_aws++;
			break;
		}
	}
	tfs_est_free_notes(cost);
	tfs_map_release(&c.eip_addresses);
	tfs_map_release(&c.cluster_providers);
	tfs_map_release(&c.rds_clusters);
	tfs_map_release(&c.ebs_volumes);
	tfs_map_release(&c.functions);
	tfs_map_release(&c.sns_subscriptions);
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
