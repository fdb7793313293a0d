/*
 * estimate_network.c - estimators for networking and management: load
 * balancers, NAT gateways, Elastic IPs, VPC endpoints, CloudWatch,
 * Secrets Manager, KMS, Route 53 and ECR.
 */
#include <stdio.h>
#include <string.h>

#include "cost/estimate_int.h"

/* ---- networking ------------------------------------------------------------------ */

/* What one LCU holds of each dimension, as AWS defines it (an ALB: 25 new
 * connections a second, 3,000 active connections a minute, 1 GB an hour
 * for EC2, container and IP targets, 1,000 rule evaluations a second; an
 * NLB: 800, 100,000 and 1 GB, no rules), and what Infracost's code divides
 * the same figures by (internal/resources/aws/lb.go: new connections by
 * 100, rules only for an ALB).  0: not a dimension. */
static const struct {
	const char *key;
	double alb, nlb, infracost;
} S_LCU_DIMS[] = {
	{"new_connections", 25, 800, 100},
	{"active_connections", 3000, 100000, 3000},
	{"processed_bytes_gb", 1, 1, 1},
	{"rule_evaluations", 1000, 0, 1000},
};

/* The largest dimension's LCUs for the resource's figures, and the entry
 * that gave it: LCUs an hour by AWS's definition, or, with infracost, the
 * figure Infracost's code takes as the month's LCU-hours.  As there, rule
 * evaluations count only beside another dimension.  False: no figure. */
static bool S_lcus(const tfs_usage *u, const char *address, const char *type,
                   bool nlb, bool infracost, double *lcu, const char **src)
{
	bool any = false;
	size_t i;

	*lcu = 0;
	*src = NULL;
	for (i = 0; i < TFS_EST_N(S_LCU_DIMS); i++) {
		double per = infracost ? S_LCU_DIMS[i].infracost
		             : nlb     ? S_LCU_DIMS[i].nlb
		                       : S_LCU_DIMS[i].alb;
		double v;
		const char *s;
		if (infracost && (nlb || !any) &&
		    strcmp(S_LCU_DIMS[i].key, "rule_evaluations") == 0)
			per = 0;
		if (per <= 0 || !tfs_usage_get(u, address, type, S_LCU_DIMS[i].key, &v, &s))
			continue;
		if (!any || v / per > *lcu) {
			*lcu = v / per;
			*src = s;
		}
		any = true;
	}
	return any;
}

/* The LCU line: monthly_lcu_hours when the file gives it (the month's
 * LCU-hours, for figures taken from a bill or from Infracost's reading),
 * else the largest dimension's LCUs an hour times 730. */
static void S_lcu_line(tfs_est_ctx *c, bool nlb)
{
	tfs_cost_component *k = tfs_est_component(
		c, nlb ? "Network LCUs" : "Load balancer capacity units", "LCU-hours",
		nlb ? "elb.nlb.lcu_hour" : "elb.alb.lcu_hour");
	double v, lcu;
	const char *src;
	tfs_buf unused;
	size_t i;

	k->usage_based = true;
	if (!tfs_est_usage_get(c, "monthly_lcu_hours", &v, &src)) {
		if (S_lcus(c->u, c->res->address, c->res->type, nlb, false, &lcu,
		           &src)) {
			k->usage_source = src;
			tfs_est_set_quantity(k, lcu * TFS_HOURS_PER_MONTH);
		} else {
			c->res->pending_usage++;
		}
		return;
	}
	k->usage_source = src;
	tfs_est_set_quantity(k, v);
	tfs_buf_init(&unused);
	for (i = 0; i < TFS_EST_N(S_LCU_DIMS); i++) {
		double d;
		if ((nlb ? S_LCU_DIMS[i].nlb : S_LCU_DIMS[i].alb) > 0 &&
		    tfs_est_usage_get(c, S_LCU_DIMS[i].key, &d, &src))
			tfs_buf_addf(&unused, "%s%s", unused.len ? ", " : "",
			             S_LCU_DIMS[i].key);
	}
	k->note = unused.len
	                  ? tfs_est_key(c, "the month's LCU-hours as "
	                                   "monthly_lcu_hours gives them; not "
	                                   "used for LCUs: %s",
	                                unused.data)
	                  : "the month's LCU-hours as monthly_lcu_hours gives "
	                    "them";
	tfs_buf_release(&unused);
}

void tfs_est_load_balancer(tfs_est_ctx *c)
{
	const char *t = tfs_attr_str(c->a, "load_balancer_type");
	const char *type = c->res->type;
	bool internal = false;

	tfs_attr_bool(c->a, "internal", &internal);
	if (strcmp(type, "aws_elb") == 0) {
		tfs_est_fixed(c, "Classic load balancer", "hours", TFS_HOURS_PER_MONTH,
		        "elb.classic.hour");
		tfs_est_usage(c, "Data processed", "GB", "monthly_data_processed_gb", 1,
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
	tfs_est_fixed(c, strcmp(t, "network") == 0 ? "Network load balancer"
	                                     : "Application load balancer",
	        "hours", TFS_HOURS_PER_MONTH,
	        strcmp(t, "network") == 0 ? "elb.nlb.hour" : "elb.alb.hour");
	S_lcu_line(c, strcmp(t, "network") == 0);
	/* one address per AZ it serves, and AWS takes one subnet per AZ; when
	 * the input names no subnet, the two AZs AWS requires at least */
	if (!internal) {
		const tfs_node *n = &c->m->nodes[c->node];
		if (n->nsubnets)
			tfs_est_public_ipv4(c, (double)n->nsubnets);
		else
			tfs_est_public_ipv4(c, 2)->note =
				"assumed: 2 AZs: the input names no subnets, and AWS requires at "
				"least two";
	}
}

/* A figure for a notice: at most 4 decimals, no trailing zeros. */
static void S_figure(tfs_buf *b, double v)
{
	char s[64];
	size_t n;

	snprintf(s, sizeof(s), "%.4f", v);
	n = strlen(s);
	while (n > 0 && s[n - 1] == '0')
		n--;
	if (n > 0 && s[n - 1] == '.')
		n--;
	tfs_buf_add(b, s, n);
}

/* The same usage file gives LCU-hours 730 to 2,920 times apart read as
 * AWS defines LCUs and as Infracost's code does: say so, where the
 * figures are, whenever the two are more than 10x apart. */
size_t tfs_cost_lcu_notices(const tfs_cost *cost, const tfs_usage *u,
                            tfs_usage_warnings *w)
{
	size_t i, j, before = w->count;

	if (!cost || !u)
		return 0;
	for (i = 0; i < cost->count; i++) {
		const tfs_cost_resource *r = &cost->resources[i];
		const tfs_cost_component *k = NULL;
		const tfs_usage_entry *en = NULL;
		double ours, theirs, v;
		const char *src;
		bool nlb;
		tfs_buf b;

		if (!tfs_cost_has_components(r) ||
		    (strcmp(r->type, "aws_lb") != 0 && strcmp(r->type, "aws_alb") != 0))
			continue;
		for (j = 0; j < r->ncomponents && !k; j++)
			if (strcmp(r->components[j].price_key, "elb.alb.lcu_hour") == 0 ||
			    strcmp(r->components[j].price_key, "elb.nlb.lcu_hour") == 0)
				k = &r->components[j];
		if (!k || !k->has_quantity ||
		    tfs_usage_get(u, r->address, r->type, "monthly_lcu_hours", &v, &src))
			continue;
		nlb = strcmp(k->price_key, "elb.nlb.lcu_hour") == 0;
		ours = k->monthly_quantity;
		if (!S_lcus(u, r->address, r->type, nlb, true, &theirs, &src))
			theirs = 0;
		if (ours <= theirs * 10 && theirs <= ours * 10)
			continue;
		for (j = 0; j < u->count && !en; j++)
			if (k->usage_source && strcmp(u->entries[j].source, k->usage_source) == 0)
				en = &u->entries[j];
		tfs_buf_init(&b);
		tfs_buf_add_printable(&b, u->name);
		if (en)
			tfs_buf_addf(&b, ":%d:%d", en->line, en->column);
		tfs_buf_adds(&b, ": ");
		tfs_buf_add_printable(&b, r->address);
		tfs_buf_adds(&b, ": LCU figures read as AWS defines them (averages a "
		                 "second, a minute, an hour): ");
		S_figure(&b, ours);
		tfs_buf_adds(&b, " LCU-hours a month; Infracost reads the same figures "
		                 "as ");
		S_figure(&b, theirs);
		tfs_buf_adds(&b, " LCU-hours");
		if (theirs > 0 && ours > 0) {
			tfs_buf_adds(&b, " (");
			S_figure(&b, ours > theirs ? ours / theirs : theirs / ours);
			tfs_buf_adds(&b, ours > theirs ? "x fewer)" : "x more)");
		}
		tfs_buf_adds(&b, "; give monthly_lcu_hours to set the month's "
		                 "LCU-hours");
		/* the same address in another input says nothing new */
		for (j = 0; j < w->count && strcmp(w->items[j], b.data) != 0; j++)
			;
		if (j < w->count) {
			tfs_buf_release(&b);
			continue;
		}
		tfs_grow(&w->items, &w->cap, w->count + 1, sizeof(*w->items));
		w->items[w->count++] = tfs_buf_detach(&b, NULL);
	}
	return w->count - before;
}

void tfs_est_nat_gateway(tfs_est_ctx *c)
{
	const char *ct = tfs_attr_str(c->a, "connectivity_type");
	const tfs_node *n = &c->m->nodes[c->node];

	tfs_est_fixed(c, "NAT gateway", "hours", TFS_HOURS_PER_MONTH, "nat.hour");
	tfs_est_usage(c, "Data processed", "GB", "monthly_data_processed_gb", 1,
	        "nat.gb");
	/* a public address is charged once: on its aws_eip when this input
	 * holds it, else here */
	if (ct && strcmp(ct, "public") != 0)
		return;
	if (n->attached != TFS_NONE)
		c->res->note = tfs_est_key(c, "its public IPv4 address is charged on %s",
		                           c->m->nodes[n->attached].address);
	else
		tfs_est_public_ipv4(c, 1);
}

void tfs_est_eip(tfs_est_ctx *c)
{
	tfs_eip_use use;

	tfs_est_public_ipv4(c, 1);
	tfs_model_eip_use(c->m, c->node, &use);
	if (use.state == TFS_EIP_IDLE)
		c->res->note = "not associated with anything";
	else if (use.state == TFS_EIP_UNKNOWN)
		c->res->note = "whether it is associated is not recorded yet";
	else if (use.by != TFS_NONE)
		c->res->note = tfs_est_key(c, "the public IPv4 address of %s",
		                           c->m->nodes[use.by].address);
}

void tfs_est_vpc_endpoint(tfs_est_ctx *c)
{
	const char *t = tfs_attr_str(c->a, "vpc_endpoint_type");
	if (!t || strcmp(t, "Interface") != 0) {
		c->res->status = TFS_COST_FREE;
		c->res->note = "gateway endpoints are free";
		return;
	}
	tfs_est_fixed(c, "Interface endpoint", "endpoint-AZ-hours",
	        (double)(c->m->nodes[c->node].nsubnets
	                         ? c->m->nodes[c->node].nsubnets
	                         : 1) *
	                TFS_HOURS_PER_MONTH,
	        "vpc.interface_endpoint.az_hour");
	tfs_est_usage(c, "Data processed", "GB", "monthly_data_processed_gb", 1,
	        "vpc.interface_endpoint.tier1.gb");
}

/* ---- management, security, storage ------------------------------------------------ */

/* The alarm metrics AWS bills an alarm for: one per metric it queries
 * (a math expression adds none of its own), and an anomaly detection band
 * three (the metric and the band's two bounds, as AWS's pricing page and
 * Infracost count it); a plain alarm is one. */
static double S_alarm_metrics(const json_t *a, bool *anomaly)
{
	const json_t *qs = json_object_get(a, "metric_query"), *q;
	size_t i, metrics = 0, bands = 0;

	*anomaly = false;
	json_array_foreach(qs, i, q) {
		const char *expr = tfs_attr_str(q, "expression");
		if (json_array_size(json_object_get(q, "metric")))
			metrics++;
		else if (expr && strstr(expr, "ANOMALY_DETECTION_BAND"))
			bands++;
	}
	if (!json_array_size(qs))
		return 1;
	*anomaly = bands > 0;
	/* a band counts its metric among its three */
	return (double)(bands * 3 + (metrics > bands ? metrics - bands : 0));
}

void tfs_est_alarm(tfs_est_ctx *c)
{
	double period = tfs_est_num(c->a, "period", 60);
	bool anomaly;
	double metrics = S_alarm_metrics(c->a, &anomaly);

	tfs_est_fixed(c, period < 60 ? "High-resolution alarm metric" : "Standard alarm metric",
	        "alarm metrics", metrics > 0 ? metrics : 1,
	        period < 60 ? "cloudwatch.alarm.high_resolution.month"
	                    : "cloudwatch.alarm.standard.month");
	if (anomaly)
		tfs_est_last(c)->note =
			"an anomaly detection band is 3 alarm metrics: the metric "
			"and its upper and lower bounds";
}

void tfs_est_dashboard(tfs_est_ctx *c)
{
	tfs_est_fixed(c, "Dashboard", "months", 1, "cloudwatch.dashboard.month");
	c->res->note = "the account's first 3 dashboards are free";
}

void tfs_est_log_group(tfs_est_ctx *c)
{
	tfs_est_usage(c, "Data ingested", "GB", "monthly_data_ingested_gb", 1,
	        "cloudwatch.logs.standard.ingest.gb");
	tfs_est_usage(c, "Archival storage", "GB-months", "storage_gb", 1,
	        "cloudwatch.logs.storage.gb_month");
	tfs_est_usage(c, "Insights queries (data scanned)", "GB",
	        "monthly_data_scanned_gb", 1, "cloudwatch.logs.insights.scanned.gb");
}

void tfs_est_secret(tfs_est_ctx *c)
{
	tfs_est_fixed(c, "Secret", "months", 1, "secretsmanager.secret.month");
	tfs_est_usage(c, "API requests", "requests", "monthly_requests", 1,
	        "secretsmanager.api.request");
}

void tfs_est_kms_key(tfs_est_ctx *c)
{
	tfs_est_fixed(c, "Customer managed key", "months", 1, "kms.key.month");
	tfs_est_usage(c, "Requests", "requests", "monthly_requests", 1,
	        "kms.requests.symmetric.request");
}

void tfs_est_route53_zone(tfs_est_ctx *c)
{
	tfs_est_fixed(c, "Hosted zone", "months", 1, "route53.zone.tier1.month");
}

/* Queries are charged by record; alias queries to AWS resources are free. */
void tfs_est_route53_record(tfs_est_ctx *c)
{
	if (json_array_size(json_object_get(c->a, "alias"))) {
		c->res->status = TFS_COST_FREE;
		c->res->note = "alias queries to AWS resources are free";
		return;
	}
	/* each query kind: the first billion a month at one rate, the rest at
	 * the next; Infracost's other kinds shown when the usage file gives
	 * them */
	{
		static const double BAND[] = {1e9};
		static const char *const LABELS[] = {"first 1B", "over 1B"};
		double q = 0;
		const char *qsrc = NULL;
		bool has = tfs_est_usage_get(c, "monthly_standard_queries", &q, &qsrc);
		static const struct {
			const char *key, *name, *prefix;
		} KINDS[] = {
			{"monthly_latency_based_queries", "Latency-based routing queries",
			 "route53.queries.latency"},
			{"monthly_geo_queries", "Geo DNS and geoproximity queries",
			 "route53.queries.geo"},
		};
		tfs_est_tiered(c, "Standard queries", "queries", q, has, qsrc, BAND,
		               LABELS, TFS_EST_N(LABELS), "route53.queries.standard",
		               "query");
		for (size_t i = 0; i < TFS_EST_N(KINDS); i++) {
			const char *src;
			if (tfs_est_usage_get(c, KINDS[i].key, &q, &src))
				tfs_est_tiered(c, KINDS[i].name, "queries", q, true, src,
				               BAND, LABELS, TFS_EST_N(LABELS),
				               KINDS[i].prefix, "query");
		}
	}
}

void tfs_est_ecr(tfs_est_ctx *c)
{
	tfs_est_usage(c, "Storage", "GB-months", "storage_gb", 1, "ecr.storage.gb_month");
}

/* ---- Route 53 health checks and Resolver endpoints ------------------------------ */

/* Whether a health check's endpoint is in AWS, which AWS bills at the lower
 * rate: the usage file says (Infracost's endpoint_type), else an endpoint
 * whose name AWS gives out; else it is taken to be outside AWS, the higher
 * rate, and the line says so. */
static bool S_aws_endpoint(tfs_est_ctx *c, const char **why)
{
	static const char *const AWS_SUFFIXES[] = {
		".amazonaws.com", ".cloudfront.net", ".awsglobalaccelerator.com",
	};
	const char *fqdn = tfs_attr_str(c->a, "fqdn");
	const char *type = tfs_attr_str(c->a, "type");
	const char *given = NULL;

	*why = NULL;
	if (tfs_usage_get_string(c->u, c->res->address, c->res->type,
	                         "endpoint_type", &given, NULL))
		return strcmp(given, "aws") == 0;
	/* a check of other checks or of an alarm watches nothing outside */
	if (type && (strcmp(type, "CALCULATED") == 0 ||
	             strcmp(type, "CLOUDWATCH_METRIC") == 0 ||
	             strcmp(type, "RECOVERY_CONTROL") == 0))
		return true;
	for (size_t i = 0; fqdn && i < TFS_EST_N(AWS_SUFFIXES); i++) {
		size_t n = strlen(fqdn), s = strlen(AWS_SUFFIXES[i]);
		if (n > s && strcmp(fqdn + n - s, AWS_SUFFIXES[i]) == 0)
			return true;
	}
	*why = "assumed: an endpoint outside AWS (endpoint_type: aws in the "
	       "usage file prices it as AWS's)";
	return false;
}

void tfs_est_route53_health_check(tfs_est_ctx *c)
{
	const char *type = tfs_attr_str(c->a, "type");
	const char *why;
	bool aws = S_aws_endpoint(c, &why), latency = false;
	const char *feature = aws ? "route53.health_check.aws.optional_feature.month"
	                          : "route53.health_check.non_aws.optional_feature.month";
	double interval = tfs_est_num(c->a, "request_interval", 30);

	if (aws) {
		tfs_est_fixed(c, "Health check (AWS endpoint)", "checks", 1,
		              "route53.health_check.aws.tier2.month");
		tfs_est_last(c)->note =
			"free tier: the account's first 50 checks of AWS endpoints "
			"are free (not subtracted)";
	} else {
		tfs_est_fixed(c, "Health check (endpoint outside AWS)", "checks", 1,
		              "route53.health_check.non_aws.month");
		tfs_est_last(c)->note = why;
	}
	/* each optional feature is billed on its own */
	if (type && strncmp(type, "HTTPS", 5) == 0)
		tfs_est_fixed(c, "Optional feature: HTTPS", "features", 1, feature);
	if (type && strstr(type, "STR_MATCH"))
		tfs_est_fixed(c, "Optional feature: string matching", "features", 1,
		              feature);
	if (interval > 0 && interval < 30)
		tfs_est_fixed(c, "Optional feature: fast interval (10 s)",
		              "features", 1, feature);
	if (tfs_attr_bool(c->a, "measure_latency", &latency) && latency)
		tfs_est_fixed(c, "Optional feature: latency measurement", "features",
		              1, feature);
}

/* An inbound or outbound Resolver endpoint: one ENI per IP address, all
 * month, and its queries. */
void tfs_est_route53_resolver_endpoint(tfs_est_ctx *c)
{
	static const double BAND[] = {1e9};
	static const char *const LABELS[] = {"first 1B", "over 1B"};
	size_t enis = json_array_size(json_object_get(c->a, "ip_address"));
	double q = 0;
	const char *src = NULL;
	bool has = tfs_est_usage_get(c, "monthly_queries", &q, &src);

	bool assumed = enis == 0;

	if (assumed)
		enis = 2; /* AWS requires two */
	tfs_est_fixed(c, "Endpoint ENIs", "ENI-hours",
	              (double)enis * TFS_HOURS_PER_MONTH,
	              "route53.resolver.endpoint.eni_hour");
	if (assumed)
		tfs_est_last(c)->note = "assumed: 2 IP addresses, the least AWS "
		                        "allows (the input names none)";
	tfs_est_tiered(c, "Queries", "queries", q, has, src, BAND, LABELS,
	               TFS_EST_N(LABELS), "route53.resolver.queries", "query");
}

/* ---- AWS Private CA ------------------------------------------------------------ */

/* A private CA costs by its mode every month it exists (disabled too, until
 * deleted); the certificates it issues are billed per certificate, at
 * prices the facts do not hold. */
void tfs_est_private_ca(tfs_est_ctx *c)
{
	const char *mode = tfs_attr_str(c->a, "usage_mode");
	bool short_lived = mode && strcmp(mode, "SHORT_LIVED_CERTIFICATE") == 0;

	tfs_est_fixed(c, short_lived ? "Private CA (short-lived certificate mode)"
	                             : "Private CA (general-purpose mode)",
	              "CA-months", 1,
	              short_lived ? "private_ca.short_lived.month"
	                          : "private_ca.general_purpose.month");
	tfs_est_optional_usage(c, "Private certificates issued", "certificates",
	                       "monthly_requests",
	                       short_lived ? "private_ca.short_lived.certificate"
	                                   : "private_ca.general_purpose.certificate");
}
