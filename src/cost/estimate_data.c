/*
 * estimate_data.c - estimators for storage, edge and messaging: S3,
 * CloudFront, WAF, DynamoDB, SNS and SQS.  Almost everything here is
 * usage-based: the state says what exists, the usage file how much of it
 * is used.
 */
#include <math.h>
#include <string.h>

#include "cost/estimate_int.h"


/* Binary terabytes and petabytes, as AWS's price bands count them. */
#define S_TB 1024.0
#define S_PB (1024.0 * 1024.0)

/* ---- S3 ---------------------------------------------------------------------- */

/* One usage figure of a storage class and what it is charged at. */
typedef struct {
	const char *usage_key; /* under the class: "storage_gb" */
	const char *name;
	const char *unit;
	const char *price_key;
} S_s3_item;

typedef struct {
	const char *usage_class; /* Infracost's map name */
	const char *label;
	const S_s3_item *items;
	size_t nitems;
} S_s3_class;

static const S_s3_item S3_IT[] = {
	{"frequent_access_storage_gb", "Storage (frequent access)", "GB-months",
	 NULL /* tiered, below */},
	{"infrequent_access_storage_gb", "Storage (infrequent access)", "GB-months",
	 "s3.intelligent_tiering.infrequent.gb_month"},
	{"archive_access_storage_gb", "Storage (archive access)", "GB-months",
	 "s3.intelligent_tiering.archive.gb_month"},
	{"deep_archive_access_storage_gb", "Storage (deep archive access)",
	 "GB-months", "s3.intelligent_tiering.deep_archive.gb_month"},
	{"monitored_objects", "Monitoring and automation", "objects",
	 "s3.intelligent_tiering.monitoring.object_month"},
	{"monthly_tier_1_requests", "PUT, COPY, POST, LIST requests", "requests",
	 "s3.intelligent_tiering.put.request"},
	{"monthly_tier_2_requests", "GET, SELECT, and all other requests",
	 "requests", "s3.intelligent_tiering.get.request"},
	{"monthly_lifecycle_transition_requests", "Lifecycle transition",
	 "requests", "s3.lifecycle.to_ia.request"},
};

static const S_s3_item S3_IA[] = {
	{"storage_gb", "Storage", "GB-months", "s3.standard_ia.gb_month"},
	{"monthly_tier_1_requests", "PUT, COPY, POST, LIST requests", "requests",
	 "s3.standard_ia.put.request"},
	{"monthly_tier_2_requests", "GET, SELECT, and all other requests",
	 "requests", "s3.standard_ia.get.request"},
	{"monthly_lifecycle_transition_requests", "Lifecycle transition",
	 "requests", "s3.lifecycle.to_ia.request"},
	{"monthly_data_retrieval_gb", "Retrievals", "GB",
	 "s3.standard_ia.retrieval.gb"},
};

static const S_s3_item S3_ZIA[] = {
	{"storage_gb", "Storage", "GB-months", "s3.one_zone_ia.gb_month"},
	{"monthly_tier_1_requests", "PUT, COPY, POST, LIST requests", "requests",
	 "s3.one_zone_ia.put.request"},
	{"monthly_tier_2_requests", "GET, SELECT, and all other requests",
	 "requests", "s3.one_zone_ia.get.request"},
	{"monthly_lifecycle_transition_requests", "Lifecycle transition",
	 "requests", "s3.lifecycle.to_ia.request"},
	{"monthly_data_retrieval_gb", "Retrievals", "GB",
	 "s3.one_zone_ia.retrieval.gb"},
};

static const S_s3_item S3_GIR[] = {
	{"storage_gb", "Storage", "GB-months", "s3.glacier_ir.gb_month"},
	{"monthly_tier_1_requests", "PUT, COPY, POST, LIST requests", "requests",
	 "s3.glacier_ir.put.request"},
	{"monthly_tier_2_requests", "GET, SELECT, and all other requests",
	 "requests", "s3.glacier_ir.get.request"},
	{"monthly_lifecycle_transition_requests", "Lifecycle transition",
	 "requests", "s3.lifecycle.to_glacier_ir.request"},
	{"monthly_data_retrieval_gb", "Retrievals", "GB",
	 "s3.glacier_ir.retrieval.gb"},
};

static const S_s3_item S3_GFR[] = {
	{"storage_gb", "Storage", "GB-months", "s3.glacier_flexible.gb_month"},
	{"monthly_tier_1_requests", "PUT, COPY, POST, LIST requests", "requests",
	 "s3.glacier_flexible.put.request"},
	{"monthly_tier_2_requests", "GET, SELECT, and all other requests",
	 "requests", "s3.glacier_flexible.get.request"},
	{"monthly_lifecycle_transition_requests", "Lifecycle transition",
	 "requests", "s3.lifecycle.to_glacier_flexible.request"},
	{"monthly_standard_data_retrieval_requests", "Retrieval requests (standard)",
	 "requests", "s3.glacier_flexible.restore.standard.request"},
	{"monthly_standard_data_retrieval_gb", "Retrievals (standard)", "GB",
	 "s3.glacier_flexible.retrieval.standard.gb"},
	{"monthly_bulk_data_retrieval_requests", "Retrieval requests (bulk)",
	 "requests", "s3.glacier_flexible.restore.bulk.request"},
	{"monthly_bulk_data_retrieval_gb", "Retrievals (bulk)", "GB",
	 "s3.glacier_flexible.retrieval.bulk.gb"},
	{"monthly_expedited_data_retrieval_requests",
	 "Retrieval requests (expedited)", "requests",
	 "s3.glacier_flexible.restore.expedited.request"},
	{"monthly_expedited_data_retrieval_gb", "Retrievals (expedited)", "GB",
	 "s3.glacier_flexible.retrieval.expedited.gb"},
};

static const S_s3_item S3_GDA[] = {
	{"storage_gb", "Storage", "GB-months", "s3.glacier_deep_archive.gb_month"},
	{"monthly_tier_1_requests", "PUT, COPY, POST, LIST requests", "requests",
	 "s3.glacier_deep_archive.put.request"},
	{"monthly_tier_2_requests", "GET, SELECT, and all other requests",
	 "requests", "s3.glacier_deep_archive.get.request"},
	{"monthly_lifecycle_transition_requests", "Lifecycle transition",
	 "requests", "s3.lifecycle.to_glacier_deep_archive.request"},
	{"monthly_standard_data_retrieval_requests", "Retrieval requests (standard)",
	 "requests", "s3.glacier_deep_archive.restore.standard.request"},
	{"monthly_standard_data_retrieval_gb", "Retrievals (standard)", "GB",
	 "s3.glacier_deep_archive.retrieval.standard.gb"},
	{"monthly_bulk_data_retrieval_requests", "Retrieval requests (bulk)",
	 "requests", "s3.glacier_deep_archive.restore.bulk.request"},
	{"monthly_bulk_data_retrieval_gb", "Retrievals (bulk)", "GB",
	 "s3.glacier_deep_archive.retrieval.bulk.gb"},
	{"early_delete_gb", "Early delete", "GB-months",
	 "s3.glacier_deep_archive.early_delete.gb_month"},
};

/* The classes other than Standard, shown only when the usage file gives
 * one of their figures. */
static const S_s3_class S3_CLASSES[] = {
	{"intelligent_tiering", "Intelligent-Tiering", S3_IT, TFS_EST_N(S3_IT)},
	{"standard_infrequent_access", "Standard-IA", S3_IA, TFS_EST_N(S3_IA)},
	{"one_zone_infrequent_access", "One Zone-IA", S3_ZIA, TFS_EST_N(S3_ZIA)},
	{"glacier_instant_retrieval", "Glacier Instant Retrieval", S3_GIR,
	 TFS_EST_N(S3_GIR)},
	{"glacier_flexible_retrieval", "Glacier Flexible Retrieval", S3_GFR,
	 TFS_EST_N(S3_GFR)},
	{"glacier_deep_archive", "Glacier Deep Archive", S3_GDA, TFS_EST_N(S3_GDA)},
};

/* s3.standard.tierN.gb_month and s3.intelligent_tiering.frequent.tierN */
static const double S3_BANDS[] = {50 * S_TB, 500 * S_TB};
static const char *const S3_LABELS[] = {"first 50 TB", "next 450 TB",
                                        "over 500 TB"};

static void S_s3_storage_tiered(tfs_est_ctx *c, const char *name,
                                const char *usage_key, const char *prefix)
{
	double gb = 0;
	const char *src = NULL;
	bool has = tfs_est_usage_get(c, usage_key, &gb, &src);
	tfs_est_tiered(c, name, "GB-months", gb, has, src, S3_BANDS, S3_LABELS,
	               TFS_EST_N(S3_LABELS), prefix, "gb_month");
}

void tfs_est_s3_bucket(tfs_est_ctx *c)
{
	size_t i, j;

	S_s3_storage_tiered(c, "Standard storage", "standard.storage_gb",
	                    "s3.standard");
	tfs_est_usage(c, "Standard PUT, COPY, POST, LIST requests", "requests",
	              "standard.monthly_tier_1_requests", 1,
	              "s3.standard.put.request");
	tfs_est_usage(c, "Standard GET, SELECT, and all other requests",
	              "requests", "standard.monthly_tier_2_requests", 1,
	              "s3.standard.get.request");
	for (i = 0; i < TFS_EST_N(S3_CLASSES); i++) {
		const S_s3_class *k = &S3_CLASSES[i];
		for (j = 0; j < k->nitems; j++) {
			const S_s3_item *it = &k->items[j];
			const char *key = tfs_est_key(c, "%s.%s", k->usage_class,
			                              it->usage_key);
			double v;
			const char *src;
			if (!tfs_est_usage_get(c, key, &v, &src))
				continue;
			if (!it->price_key) {
				S_s3_storage_tiered(
					c, tfs_est_key(c, "%s %s", k->label, it->name),
					key, "s3.intelligent_tiering.frequent");
				continue;
			}
			tfs_est_usage(c, tfs_est_key(c, "%s %s", k->label, it->name),
			              it->unit, key, 1, it->price_key);
		}
	}
}

/* ---- CloudFront ------------------------------------------------------------- */

/* Infracost's region keys, and the table's groups for them: the data-out
 * groups are the pricing page's, the request and to-origin groups the
 * feed's (pricing/README.md). */
static const struct {
	const char *usage;
	const char *label;
	const char *data_out;
	const char *requests;
} CF_REGIONS[] = {
	{"us", "US/Mexico/Canada", "us_mx_ca", "united_states"},
	{"europe", "Europe, Israel", "europe_il_tr", "eu"},
	{"south_africa", "South Africa, Kenya, Middle East", "za_ke_ng_me",
	 "south_africa"},
	{"south_america", "South America", "south_america", "south_america"},
	{"japan", "Japan", "japan", "japan"},
	{"australia", "Australia, New Zealand", "au_nz", "australia"},
	{"asia_pacific", "Asia Pacific", "asia", "asia_pacific"},
	{"india", "India", "india", "india"},
};

/* cloudfront.data_out.GROUP.tierN.gb */
static const double CF_BANDS[] = {10 * S_TB, 50 * S_TB, 150 * S_TB,
                                  500 * S_TB, 1 * S_PB, 5 * S_PB};
static const char *const CF_LABELS[] = {
	"first 10 TB", "next 40 TB", "next 100 TB", "next 350 TB",
	"next 524 TB", "next 4 PB",  "over 5 PB",
};

static void S_cloudfront_region(tfs_est_ctx *c, size_t r, bool pending)
{
	const char *u = CF_REGIONS[r].usage, *label = CF_REGIONS[r].label;
	const char *group = CF_REGIONS[r].requests;
	const char *key, *src = NULL;
	double v = 0;
	bool has;

	key = tfs_est_key(c, "monthly_data_transfer_to_internet_gb.%s", u);
	has = tfs_est_usage_get(c, key, &v, &src);
	if (has || pending)
		tfs_est_tiered(c, tfs_est_key(c, "Data out, %s",
		                              label),
		               "GB", v, has, src, CF_BANDS, CF_LABELS,
		               TFS_EST_N(CF_LABELS),
		               tfs_est_key(c, "cloudfront.data_out.%s",
		                           CF_REGIONS[r].data_out),
		               "gb");
	key = tfs_est_key(c, "monthly_data_transfer_to_origin_gb.%s", u);
	if (tfs_est_usage_get(c, key, &v, &src))
		tfs_est_usage(c, tfs_est_key(c, "Data transfer out to origin, %s", label),
		              "GB", key, 1,
		              tfs_est_key(c, "cloudfront.to_origin.%s.gb", group));
	key = tfs_est_key(c, "monthly_http_requests.%s", u);
	if (pending || tfs_est_usage_get(c, key, &v, &src))
		tfs_est_usage(c, tfs_est_key(c, "HTTP requests, %s", label),
		              "requests", key, 1,
		              tfs_est_key(c, "cloudfront.requests.%s.http.request",
		                          group));
	key = tfs_est_key(c, "monthly_https_requests.%s", u);
	if (pending || tfs_est_usage_get(c, key, &v, &src))
		tfs_est_usage(c, tfs_est_key(c, "HTTPS requests, %s", label),
		              "requests", key, 1,
		              tfs_est_key(c, "cloudfront.requests.%s.https.request",
		                          group));
}

/* Charges of the distribution as a whole, shown when the usage file gives
 * their figure.  Invalidations: every path at the rate beyond the first
 * 1,000, which are the account's (named, never subtracted). */
static void S_cloudfront_extras(tfs_est_ctx *c)
{
	double v;
	const char *src;

	if (tfs_est_usage_get(c, "monthly_invalidation_requests", &v, &src)) {
		tfs_est_usage(c, "Invalidation paths", "paths",
		              "monthly_invalidation_requests", 1,
		              "cloudfront.invalidation.tier2.path");
		tfs_est_last(c)->note =
			"free tier: the account's first 1,000 paths a month are free "
			"(not subtracted)";
	}
	tfs_est_optional_usage(c, "Real-time log lines", "log lines",
	                       "monthly_log_lines", "cloudfront.realtime_logs.log_line");
}

void tfs_est_cloudfront(tfs_est_ctx *c)
{
	size_t r, before = c->res->ncomponents;

	for (r = 0; r < TFS_EST_N(CF_REGIONS); r++)
		S_cloudfront_region(c, r, false);
	if (c->res->ncomponents == before) {
		/* no usage at all: show the rates of the viewers nearest the
		 * stack, the South America group */
		for (r = 0; r < TFS_EST_N(CF_REGIONS); r++)
			if (strcmp(CF_REGIONS[r].usage, "south_america") == 0)
				S_cloudfront_region(c, r, true);
		S_cloudfront_extras(c);
		c->res->note = "no usage: the South America group's rates are shown";
		return;
	}
	S_cloudfront_extras(c);
	c->res->note = "the free tier (1 TB and 10M requests a month) is not "
	               "subtracted";
}

/* ---- WAF ----------------------------------------------------------------------- */

void tfs_est_wafv2_web_acl(tfs_est_ctx *c)
{
	size_t rules = json_array_size(json_object_get(c->a, "rule"));
	double wcu = tfs_est_num(c->a, "capacity", 0);
	const char *scope = tfs_attr_str(c->a, "scope");
	const char *req;

	tfs_est_fixed(c, "Web ACL", "months", 1, "waf.web_acl.month");
	if (rules)
		tfs_est_fixed(c, "Rules", "rule-months", (double)rules,
		              "waf.rule.month");
	/* up to 1500 WCU: the base rate; above, the rate of the next
	 * 500-WCU step (the table has 2000 and 5000 only) */
	if (wcu <= 1500)
		req = "waf.requests.base.request";
	else
		req = tfs_est_key(c, "waf.requests.wcu_%d.request",
		                  (int)(ceil(wcu / 500) * 500));
	tfs_est_usage(c, wcu <= 1500 ? "Requests"
	                             : tfs_est_key(c, "Requests (%d WCU)", (int)wcu),
	              "requests", "monthly_requests", 1, req);
	if (scope && strcmp(scope, "CLOUDFRONT") == 0)
		c->res->note = "CloudFront scope: priced at the regional web ACL "
		               "rates (the table does not tell them apart)";
}

/* ---- DynamoDB -------------------------------------------------------------------- */

/* Global-table replicas: replicated writes are billed in the replica's
 * region, priced here only when that is sa-east-1. */
static void S_replicas(tfs_est_ctx *c, bool on_demand)
{
	const json_t *reps = json_object_get(c->a, "replica"), *r;
	tfs_buf away;
	size_t i, nhere = 0;

	tfs_buf_init(&away);
	json_array_foreach(reps, i, r) {
		const char *region = tfs_attr_str(r, "region_name");
		if (region && strcmp(region, TFS_DEFAULT_REGION) == 0) {
			nhere++;
			continue;
		}
		tfs_buf_addf(&away, "%s%s", away.len ? ", " : "",
		             region ? region : "?");
	}
	if (nhere) {
		if (on_demand) {
			tfs_est_usage(c, "Replicated write request units", "rWRUs",
			              "monthly_write_request_units", (double)nhere,
			              "dynamodb.on_demand.replicated.wru");
		} else {
			tfs_est_fixed(c, "Replicated write capacity units", "rWCU-hours",
			              tfs_est_num(c->a, "write_capacity", 0) *
			                      TFS_HOURS_PER_MONTH * (double)nhere,
			              "dynamodb.provisioned.replicated.wcu_hour");
		}
	}
	if (away.len)
		c->res->note = tfs_est_key(c, "replicas outside sa-east-1 (%s): not "
		                              "priced",
		                           away.data);
	tfs_buf_release(&away);
}

void tfs_est_dynamodb_table(tfs_est_ctx *c)
{
	const char *mode = tfs_attr_str(c->a, "billing_mode");
	const char *cls = tfs_attr_str(c->a, "table_class");
	bool ia = cls && strcmp(cls, "STANDARD_INFREQUENT_ACCESS") == 0;
	const char *sfx = ia ? ".standard_ia" : "";
	const json_t *pitr = tfs_attr_block(c->a, "point_in_time_recovery");
	bool pitr_on = false;

	if (mode && strcmp(mode, "PAY_PER_REQUEST") == 0) {
		tfs_est_usage(c, "Write request units", "WRUs",
		              "monthly_write_request_units", 1,
		              tfs_est_key(c, "dynamodb.on_demand%s.wru", sfx));
		tfs_est_usage(c, "Read request units", "RRUs",
		              "monthly_read_request_units", 1,
		              tfs_est_key(c, "dynamodb.on_demand%s.rru", sfx));
	} else {
		tfs_est_fixed(c, "Write capacity units", "WCU-hours",
		              tfs_est_num(c->a, "write_capacity", 0) *
		                      TFS_HOURS_PER_MONTH,
		              tfs_est_key(c, "dynamodb.provisioned%s.wcu_hour", sfx));
		tfs_est_fixed(c, "Read capacity units", "RCU-hours",
		              tfs_est_num(c->a, "read_capacity", 0) *
		                      TFS_HOURS_PER_MONTH,
		              tfs_est_key(c, "dynamodb.provisioned%s.rcu_hour", sfx));
		c->res->note = "provisioned capacity as the state records it "
		               "(auto scaling is not followed)";
	}
	tfs_est_usage(c, "Data storage", "GB-months", "storage_gb", 1,
	              ia ? "dynamodb.storage.standard_ia.gb_month"
	                 : "dynamodb.storage.standard.gb_month");
	if (pitr)
		tfs_attr_bool(pitr, "enabled", &pitr_on);
	if (pitr_on)
		tfs_est_usage(c, "Point-in-time recovery backup storage", "GB-months",
		              "pitr_backup_storage_gb", 1,
		              "dynamodb.backup.pitr.gb_month");
	tfs_est_optional_usage(c, "On-demand backup storage", "GB-months",
	                       "on_demand_backup_storage_gb",
	                       "dynamodb.backup.on_demand.gb_month");
	tfs_est_optional_usage(c, "Restored data", "GB", "monthly_data_restored_gb",
	                       "dynamodb.restore.gb");
	{
		bool streams = false;
		tfs_attr_bool(c->a, "stream_enabled", &streams);
		if (streams)
			tfs_est_usage(c, "Streams read request units", "requests",
			              "monthly_streams_read_request_units", 1,
			              "dynamodb.streams.request");
	}
	S_replicas(c, mode && strcmp(mode, "PAY_PER_REQUEST") == 0);
}

/* ---- SNS, SQS --------------------------------------------------------------------- */

/* Deliveries by protocol: what each published message costs per
 * subscription of that protocol.  The count comes from the usage file
 * (Infracost's *_subscriptions keys), else from the topic's
 * aws_sns_topic_subscription resources in this input. */
static const struct {
	const char *protocol, *usage_key, *name, *price_key, *free_tier;
} SNS_DELIVERIES[] = {
	{"http", "http_subscriptions", "HTTP/S notifications",
	 "sns.http.tier2.notification",
	 "free tier: the account's first 100,000 HTTP/S notifications a month "
	 "are free (not subtracted)"},
	{"email", "email_subscriptions", "Email notifications",
	 "sns.email.tier2.notification",
	 "free tier: the account's first 1,000 email notifications a month are "
	 "free (not subtracted)"},
	{"firehose", "kinesis_subscriptions", "Kinesis Data Firehose messages",
	 "sns.firehose.message", NULL},
	{"application", "mobile_push_subscriptions", "Mobile push notifications",
	 "sns.mobile_push.notification", NULL},
	{"sms", "sms_subscriptions", "SMS notifications", "sns.sms.notification",
	 NULL},
	{"lambda", "lambda_subscriptions", "Lambda deliveries",
	 "sns.sqs_lambda.notification", NULL},
	{"sqs", "sqs_subscriptions", "SQS deliveries", "sns.sqs_lambda.notification",
	 NULL},
};

static double S_subscriptions(tfs_est_ctx *c, const char *protocol,
                              const char *usage_key, const char **src)
{
	const char *arn = tfs_attr_str(c->a, "arn");
	double n = 0;
	size_t count = 0;

	if (tfs_est_usage_get(c, usage_key, &n, src))
		return n;
	*src = NULL;
	if (arn) {
		tfs_map_get(&c->sns_subscriptions,
		            tfs_est_key(c, "%s|%s", arn, protocol), &count);
		if (strcmp(protocol, "http") == 0) { /* http and https */
			size_t more = 0;
			tfs_map_get(&c->sns_subscriptions,
			            tfs_est_key(c, "%s|https", arn), &more);
			count += more;
		}
	}
	return (double)count;
}

void tfs_est_sns_topic(tfs_est_ctx *c)
{
	bool fifo = false, has;
	double n = 0, kb = 0;
	const char *src = NULL, *kb_src;
	size_t i;

	tfs_attr_bool(c->a, "fifo_topic", &fifo);
	tfs_est_usage(c, fifo ? "FIFO API requests" : "API requests", "requests",
	              "monthly_requests", 1,
	              fifo ? "sns.fifo.api.request" : "sns.api.request");
	tfs_est_last(c)->note =
		"free tier: the account's first 1M requests a month are free (not "
		"subtracted)";
	has = tfs_est_usage_get(c, "monthly_requests", &n, &src);
	/* every 64 KB of a message is billed as one request */
	if (has && tfs_est_usage_get(c, "request_size_kb", &kb, &kb_src) && kb > 64)
		n *= ceil(kb / 64);
	for (i = 0; i < sizeof(SNS_DELIVERIES) / sizeof(*SNS_DELIVERIES); i++) {
		const char *ssrc;
		double subs = S_subscriptions(c, SNS_DELIVERIES[i].protocol,
		                              SNS_DELIVERIES[i].usage_key, &ssrc);
		tfs_cost_component *k;
		if (subs <= 0)
			continue;
		k = tfs_est_component(c, SNS_DELIVERIES[i].name, "notifications",
		                      SNS_DELIVERIES[i].price_key);
		k->usage_based = true;
		k->note = SNS_DELIVERIES[i].free_tier;
		if (has) {
			k->usage_source = ssrc ? ssrc : src;
			tfs_est_set_quantity(k, n * subs);
		} else {
			c->res->pending_usage++;
		}
	}
}

/* sqs.QUEUE.tierN.request: bounds from a secondary source (pricing/README.md) */
static const double SQS_BANDS[] = {100e9, 200e9};
static const char *const SQS_LABELS[] = {"first 100 billion", "next 100 billion",
                                         "over 200 billion"};

void tfs_est_sqs_queue(tfs_est_ctx *c)
{
	bool fifo = false;
	double n = 0, kb = 0;
	const char *src = NULL, *kb_src;
	bool has;

	tfs_attr_bool(c->a, "fifo_queue", &fifo);
	has = tfs_est_usage_get(c, "monthly_requests", &n, &src);
	/* every 64 KB chunk of a request is billed as one request */
	if (has && tfs_est_usage_get(c, "request_size_kb", &kb, &kb_src) && kb > 64)
		n *= ceil(kb / 64);
	tfs_est_tiered(c, fifo ? "FIFO requests" : "Requests", "requests", n, has,
	               src, SQS_BANDS, SQS_LABELS, TFS_EST_N(SQS_LABELS),
	               fifo ? "sqs.fifo" : "sqs.standard", "request");
	c->res->note = "the account's free 1M requests a month are not "
	               "subtracted; tier bounds from a secondary source";
}
