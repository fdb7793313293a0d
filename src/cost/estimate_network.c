/*
 * estimate_network.c - estimators for networking and management: load
 * balancers, NAT gateways, Elastic IPs, VPC endpoints, CloudWatch,
 * Secrets Manager, KMS, Route 53 and ECR.
 */
#include <string.h>

#include "cost/estimate_int.h"

/* ---- networking ------------------------------------------------------------------ */

void tfs_est_load_balancer(tfs_est_ctx *c)
{
	const char *t = tfs_attr_str(c->a, "load_balancer_type");
	const char *type = c->res->type;
	bool internal = false;
	double v, lcu = 0;
	const char *src = NULL;
	tfs_cost_component *k;

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
	/* LCUs: the largest of the dimensions, as Infracost reads them
	 * (new connections/s, active connections/min, GB/hour, rules/s) */
	k = tfs_est_component(c, strcmp(t, "network") == 0 ? "Network LCUs"
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
		tfs_est_set_quantity(k, lcu * TFS_HOURS_PER_MONTH);
	} else {
		c->res->pending_usage++;
	}
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

void tfs_est_alarm(tfs_est_ctx *c)
{
	double period = tfs_est_num(c->a, "period", 60);
	size_t metrics = json_array_size(json_object_get(c->a, "metric_query"));
	tfs_est_fixed(c, period < 60 ? "High-resolution alarm metric" : "Standard alarm metric",
	        "alarm metrics", metrics ? (double)metrics : 1,
	        period < 60 ? "cloudwatch.alarm.high_resolution.month"
	                    : "cloudwatch.alarm.standard.month");
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
	tfs_est_usage(c, "Standard queries", "queries", "monthly_standard_queries", 1,
	        "route53.queries.standard.tier1.query");
}

void tfs_est_ecr(tfs_est_ctx *c)
{
	tfs_est_usage(c, "Storage", "GB-months", "storage_gb", 1, "ecr.storage.gb_month");
}
