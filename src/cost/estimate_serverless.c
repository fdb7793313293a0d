/*
 * estimate_serverless.c - estimators for the serverless half: API Gateway
 * (REST, HTTP, WebSocket, REST caches), Cognito user pools, Lambda
 * provisioned concurrency and EventBridge buses.  Usage keys are
 * Infracost's where Infracost has the resource; free tiers are never
 * subtracted, and each line a free tier may cover says so.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cost/estimate_int.h"

/* ---- API Gateway ---------------------------------------------------------------- */

/* REST: one price for the first billion (the feed's 333M + 667M keys),
 * then 1B-20B, then over 20B. */
static const double REST_BANDS[] = {333e6, 1e9, 20e9};
static const char *const REST_LABELS[] = {"first 333M", "next 667M",
                                          "next 19B", "over 20B"};
static const double HTTP_BANDS[] = {300e6};
static const char *const HTTP_LABELS[] = {"first 300M", "over 300M"};
static const double WS_BANDS[] = {1e9};
static const char *const WS_LABELS[] = {"first 1B", "over 1B"};

static const char FREE_TIER_API[] =
	"free tier: 1M requests a month for 12 months may apply (not "
	"subtracted)";

/* quantity x units of size: a request (or message) of up to `unit` KB is
 * one, a larger one is billed as several */
static double S_metered(tfs_est_ctx *c, double n, const char *size_key,
                        double unit)
{
	double kb;
	const char *src;
	if (tfs_est_usage_get(c, size_key, &kb, &src) && kb > unit)
		return n * ceil(kb / unit);
	return n;
}

void tfs_est_api_rest(tfs_est_ctx *c)
{
	double n = 0;
	const char *src = NULL;
	bool has = tfs_est_usage_get(c, "monthly_requests", &n, &src);

	tfs_est_tiered(c, "Requests", "requests", n, has, src, REST_BANDS,
	               REST_LABELS, TFS_EST_N(REST_LABELS), "apigateway.rest",
	               "request");
	tfs_est_last(c)->note = FREE_TIER_API;
	c->res->note = "a stage's cache is priced on its aws_api_gateway_stage";
}

void tfs_est_api_v2(tfs_est_ctx *c)
{
	const char *proto = tfs_attr_str(c->a, "protocol_type");
	double n = 0, mins = 0;
	const char *src = NULL, *msrc = NULL;
	bool has;

	if (proto && strcmp(proto, "WEBSOCKET") == 0) {
		has = tfs_est_usage_get(c, "monthly_messages", &n, &src);
		/* messages are metered in 32 KB units */
		if (has)
			n = S_metered(c, n, "message_size_kb", 32);
		tfs_est_tiered(c, "Messages", "messages", n, has, src, WS_BANDS,
		               WS_LABELS, TFS_EST_N(WS_LABELS), "apigateway.websocket",
		               "message");
		tfs_est_last(c)->note = "free tier: 1M messages a month for 12 months may "
		                  "apply (not subtracted)";
		if (tfs_est_usage_get(c, "monthly_connection_mins", &mins, &msrc)) {
			tfs_cost_component *k = tfs_est_component(
				c, "Connection minutes", "minutes",
				"apigateway.websocket.connection_minute");
			k->usage_based = true;
			k->usage_source = msrc;
			tfs_est_set_quantity(k, mins);
		} else {
			tfs_est_usage(c, "Connection minutes", "minutes",
			              "monthly_connection_mins", 1,
			              "apigateway.websocket.connection_minute");
		}
		return;
	}
	has = tfs_est_usage_get(c, "monthly_requests", &n, &src);
	/* HTTP API requests are metered in 512 KB units */
	if (has)
		n = S_metered(c, n, "request_size_kb", 512);
	tfs_est_tiered(c, "Requests", "requests", n, has, src, HTTP_BANDS,
	               HTTP_LABELS, TFS_EST_N(HTTP_LABELS), "apigateway.http",
	               "request");
	tfs_est_last(c)->note = FREE_TIER_API;
}

/* A REST stage with its cache on: the cache's hours, by size. */
void tfs_est_api_stage(tfs_est_ctx *c)
{
	const char *size = tfs_attr_str(c->a, "cache_cluster_size");
	char sz[16];
	size_t i;

	/* "0.5" -> apigateway.cache.0_5gb.hour */
	snprintf(sz, sizeof(sz), "%s", size ? size : "unknown");
	for (i = 0; sz[i]; i++)
		if (sz[i] == '.')
			sz[i] = '_';
	tfs_est_fixed(c, tfs_est_key(c, "Cache (%s GB)", size ? size : "?"),
	              "hours", TFS_HOURS_PER_MONTH,
	              tfs_est_key(c, "apigateway.cache.%sgb.hour", sz));
}

/* ---- Cognito ------------------------------------------------------------------------ */

/* The MAU bands as the feed labels them: 0-50k, 50k-950k, 950k-9.95M,
 * over; advanced security: first 50k, next 50k, next 900k, next 9M, over. */
static const double POOL_BANDS[] = {50e3, 950e3, 9.95e6};
static const char *const POOL_LABELS[] = {"0-50k", "50k-950k", "950k-9.95M",
                                          "over 9.95M"};
static const double ASF_BANDS[] = {50e3, 100e3, 1e6, 10e6};
static const char *const ASF_LABELS[] = {"first 50k", "next 50k", "next 900k",
                                         "next 9M", "over 10M"};

void tfs_est_cognito_user_pool(tfs_est_ctx *c)
{
	const char *tier = tfs_attr_str(c->a, "user_pool_tier");
	const char *asf = tfs_attr_str(tfs_attr_block(c->a, "user_pool_add_ons"),
	                               "advanced_security_mode");
	double mau = 0;
	const char *src = NULL;
	bool has = tfs_est_usage_get(c, "monthly_active_users", &mau, &src);

	if (tier && strcmp(tier, "LITE") != 0 && strcmp(tier, "ESSENTIALS") != 0 &&
	    strcmp(tier, "PLUS") != 0)
		tier = NULL;
	if (tier) {
		/* the feature-plan tiers: their sa-east-1 prices are not in the
		 * facts, so the line says the price is missing */
		char lower[16];
		size_t i;
		for (i = 0; tier[i] && i + 1 < sizeof(lower); i++)
			lower[i] = (char)(tier[i] | 0x20);
		lower[i] = '\0';
		tfs_est_usage(c, tfs_est_key(c, "Monthly active users (%s)", tier),
		              "MAUs", "monthly_active_users", 1,
		              tfs_est_key(c, "cognito.%s.mau", lower));
		return;
	}
	tfs_est_tiered(c, "Monthly active users", "MAUs", mau, has, src,
	               POOL_BANDS, POOL_LABELS, TFS_EST_N(POOL_LABELS),
	               "cognito.user_pool", "mau");
	tfs_est_last(c)->note = "free tier: the first 50,000 MAUs a month may be free "
	                  "(not subtracted)";
	if (asf && (strcmp(asf, "AUDIT") == 0 || strcmp(asf, "ENFORCED") == 0))
		tfs_est_tiered(c, "Advanced security MAUs", "MAUs", mau, has, src,
		               ASF_BANDS, ASF_LABELS, TFS_EST_N(ASF_LABELS),
		               "cognito.advanced_security", "mau");
}

/* ---- Lambda provisioned concurrency ------------------------------------------------------ */

void tfs_est_lambda_provisioned(tfs_est_ctx *c)
{
	const char *fn = tfs_attr_str(c->a, "function_name");
	double execs = tfs_est_num(c->a, "provisioned_concurrent_executions", 0);
	size_t f = TFS_NONE;
	const json_t *fa = NULL, *archs;
	const char *arch;
	double mem, n = 0, ms = 0;
	const char *src = NULL, *ms_src = NULL, *h_src = NULL, *ua = NULL;
	double hours = TFS_HOURS_PER_MONTH, umem = 0;
	bool arm, has_hours, in_input;
	tfs_cost_component *pc;

	in_input = fn && tfs_map_get(&c->functions, fn, &f);
	/* without the function, Infracost's memory_mb (and architecture)
	 * stand for its memory_size (and architectures) */
	if (!in_input && !tfs_est_usage_get(c, "memory_mb", &umem, &src)) {
		c->res->status = TFS_COST_UNSUPPORTED;
		c->res->note = "its function is not in this input: its memory size "
		               "prices the concurrency";
		return;
	}
	if (in_input) {
		fa = c->m->nodes[f].item->inst->attributes;
		c->res->parent = f; /* its values price it: a diff names it */
		archs = json_object_get(fa, "architectures");
		arm = json_is_string(json_array_get(archs, 0)) &&
		      strcmp(json_string_value(json_array_get(archs, 0)), "arm64") == 0;
		mem = tfs_est_num(fa, "memory_size", 128) / 1024.0;
	} else {
		arm = tfs_usage_get_string(c->u, c->res->address, c->res->type,
		                           "architecture", &ua, &src) &&
		      strcmp(ua, "arm64") == 0;
		mem = umem / 1024.0;
		c->res->note = "its function is not in this input: priced from the "
		               "usage keys memory_mb and architecture";
	}
	arch = arm ? "arm" : "x86";
	/* Infracost's monthly_duration_hrs: the hours it is configured */
	has_hours = tfs_est_usage_get(c, "monthly_duration_hrs", &hours, &h_src);
	pc = tfs_est_component(c, tfs_est_key(c, "Provisioned concurrency (%s)",
	                                     arm ? "Arm" : "x86"),
	                      "GB-seconds",
	                      tfs_est_key(c, "lambda.%s.provisioned_concurrency."
	                                     "gb_second",
	                                  arch));
	tfs_est_set_quantity(pc, execs * mem * hours * 3600);
	if (has_hours) {
		pc->usage_based = true;
		pc->usage_source = h_src;
	} else {
		pc->note = "assumed: configured all month";
	}
	if (in_input) {
		tfs_est_unpriced(c, "memory_mb", NULL,
		                 "the function's memory_size in this input decides");
		tfs_est_unpriced(c, "architecture", NULL,
		                 "the function's architectures in this input decide");
	}
	if (tfs_est_usage_get(c, "monthly_requests", &n, &src) &&
	    tfs_est_usage_get(c, "request_duration_ms", &ms, &ms_src)) {
		tfs_cost_component *k = tfs_est_component(
			c, "Duration with provisioned concurrency", "GB-seconds",
			tfs_est_key(c, "lambda.%s.provisioned_duration.gb_second", arch));
		k->usage_based = true;
		k->usage_source = ms_src;
		tfs_est_set_quantity(k, n * ceil(ms) / 1000.0 * mem);
	} else {
		tfs_cost_component *k = tfs_est_component(
			c, "Duration with provisioned concurrency", "GB-seconds",
			tfs_est_key(c, "lambda.%s.provisioned_duration.gb_second", arch));
		k->usage_based = true;
		c->res->pending_usage++;
	}
}

/* ---- EventBridge ------------------------------------------------------------------------- */

void tfs_est_event_bus(tfs_est_ctx *c)
{
	/* events from AWS services to the default bus are free; custom and
	 * partner events are billed, at a price the facts do not hold.  A
	 * partner's bus (event_source_name) carries that partner's events. */
	const char *partner = tfs_attr_str(c->a, "event_source_name");
	if (partner && *partner)
		tfs_est_usage(c, "Third-party events", "events",
		              "monthly_third_party_events", 1,
		              "eventbridge.partner_events.event");
	else
		tfs_est_usage(c, "Custom events", "events", "monthly_custom_events",
		              1, "eventbridge.custom_events.event");
}
