/*
 * free.c - resources with no charge of their own, and what they are billed
 * with.
 *
 * A route of an HTTP API, a Lambda permission or a security group rule
 * costs nothing by itself: the API's requests, the function's invocations
 * are billed on the parent.  Such a resource is listed as free with the
 * parent named ("billed with aws_apigatewayv2_api.http"), so a reader never
 * takes it for a type tfsight cannot price.  Types that are free for other
 * reasons (IAM, a VPC, a subnet) say why.  "Not supported" stays for
 * billable types without an estimator.
 */
#include <stdlib.h>
#include <string.h>

#include "cost/estimate_int.h"

typedef struct {
	const char *type;
	const char *attr;    /* names the parent, or NULL */
	const char *parents; /* the parent's types, comma-separated */
	const char *why;     /* without a parent: why it is free */
} S_free;

#define P(type, attr, parents) {type, attr, parents, NULL}
#define W(type, why) {type, NULL, NULL, why}

static const char NO_CHARGE[] = "no charge of its own";
static const char CONFIG[] = "configuration, no charge of its own";
static const char API[] = "aws_api_gateway_rest_api";
static const char APIV2[] = "aws_apigatewayv2_api";
static const char LB[] = "aws_lb,aws_alb";
static const char LISTENER[] = "aws_lb_listener,aws_alb_listener";
static const char BUCKET[] = "aws_s3_bucket";
static const char LAMBDA[] = "aws_lambda_function";
static const char POOL[] = "aws_cognito_user_pool";
static const char BUS[] = "aws_cloudwatch_event_bus";
static const char SG[] = "aws_security_group,aws_default_security_group";
static const char RT[] = "aws_route_table,aws_default_route_table";

/* Sorted by type (bsearch). */
static const S_free FREE[] = {
	W("aws_acm_certificate", "public certificates have no charge"),
	P("aws_acm_certificate_validation", "certificate_arn", "aws_acm_certificate"),
	P("aws_alb_listener", "load_balancer_arn", LB),
	P("aws_alb_listener_rule", "listener_arn", LISTENER),
	W("aws_alb_target_group", "billed with the load balancer that forwards to it"),
	W("aws_api_gateway_account", CONFIG),
	W("aws_api_gateway_api_key", NO_CHARGE),
	P("aws_api_gateway_authorizer", "rest_api_id", API),
	P("aws_api_gateway_base_path_mapping", "api_id", API),
	P("aws_api_gateway_deployment", "rest_api_id", API),
	W("aws_api_gateway_domain_name", "custom domain names have no charge"),
	P("aws_api_gateway_gateway_response", "rest_api_id", API),
	P("aws_api_gateway_integration", "rest_api_id", API),
	P("aws_api_gateway_integration_response", "rest_api_id", API),
	P("aws_api_gateway_method", "rest_api_id", API),
	P("aws_api_gateway_method_response", "rest_api_id", API),
	P("aws_api_gateway_method_settings", "rest_api_id", API),
	P("aws_api_gateway_model", "rest_api_id", API),
	P("aws_api_gateway_request_validator", "rest_api_id", API),
	P("aws_api_gateway_resource", "rest_api_id", API),
	P("aws_api_gateway_stage", "rest_api_id", API), /* without a cache */
	W("aws_api_gateway_usage_plan", NO_CHARGE),
	P("aws_api_gateway_usage_plan_key", "usage_plan_id",
	  "aws_api_gateway_usage_plan"),
	W("aws_api_gateway_vpc_link",
	  "no charge of its own: its network load balancer is billed"),
	P("aws_apigatewayv2_api_mapping", "api_id", APIV2),
	P("aws_apigatewayv2_authorizer", "api_id", APIV2),
	P("aws_apigatewayv2_deployment", "api_id", APIV2),
	W("aws_apigatewayv2_domain_name", "custom domain names have no charge"),
	P("aws_apigatewayv2_integration", "api_id", APIV2),
	P("aws_apigatewayv2_integration_response", "api_id", APIV2),
	P("aws_apigatewayv2_model", "api_id", APIV2),
	P("aws_apigatewayv2_route", "api_id", APIV2),
	P("aws_apigatewayv2_route_response", "api_id", APIV2),
	P("aws_apigatewayv2_stage", "api_id", APIV2),
	W("aws_apigatewayv2_vpc_link", "HTTP API VPC links have no charge"),
	W("aws_appautoscaling_policy", NO_CHARGE),
	W("aws_appautoscaling_target", NO_CHARGE),
	W("aws_cloudfront_cache_policy", CONFIG),
	W("aws_cloudfront_origin_access_control", CONFIG),
	W("aws_cloudfront_origin_access_identity", CONFIG),
	W("aws_cloudfront_origin_request_policy", CONFIG),
	W("aws_cloudfront_response_headers_policy", CONFIG),
	P("aws_cloudwatch_event_api_destination", "connection_arn",
	  "aws_cloudwatch_event_connection"),
	P("aws_cloudwatch_event_bus_policy", "event_bus_name", BUS),
	W("aws_cloudwatch_event_connection", NO_CHARGE),
	P("aws_cloudwatch_event_permission", "event_bus_name", BUS),
	W("aws_cloudwatch_event_rule",
	  "rules have no charge: custom events are billed on their bus, events "
	  "from AWS services to the default bus are free"),
	P("aws_cloudwatch_event_target", "rule", "aws_cloudwatch_event_rule"),
	W("aws_cloudwatch_log_resource_policy", CONFIG),
	P("aws_cloudwatch_log_stream", "log_group_name", "aws_cloudwatch_log_group"),
	P("aws_cloudwatch_log_subscription_filter", "log_group_name",
	  "aws_cloudwatch_log_group"),
	W("aws_cognito_identity_pool", "identity pools have no charge"),
	P("aws_cognito_identity_pool_roles_attachment", "identity_pool_id",
	  "aws_cognito_identity_pool"),
	P("aws_cognito_identity_provider", "user_pool_id", POOL),
	P("aws_cognito_resource_server", "user_pool_id", POOL),
	P("aws_cognito_user_group", "user_pool_id", POOL),
	P("aws_cognito_user_pool_client", "user_pool_id", POOL),
	P("aws_cognito_user_pool_domain", "user_pool_id", POOL),
	P("aws_cognito_user_pool_ui_customization", "user_pool_id", POOL),
	W("aws_customer_gateway", NO_CHARGE),
	W("aws_db_option_group", CONFIG),
	W("aws_db_parameter_group", CONFIG),
	W("aws_db_subnet_group", CONFIG),
	W("aws_default_network_acl", NO_CHARGE),
	W("aws_default_route_table", NO_CHARGE),
	W("aws_default_security_group", NO_CHARGE),
	W("aws_default_subnet", NO_CHARGE),
	W("aws_default_vpc", NO_CHARGE),
	P("aws_dynamodb_table_item", "table_name", "aws_dynamodb_table"),
	P("aws_ecr_lifecycle_policy", "repository", "aws_ecr_repository"),
	P("aws_ecr_repository_policy", "repository", "aws_ecr_repository"),
	W("aws_ecs_cluster", "no charge of its own: its services and instances are "
	                     "billed"),
	P("aws_ecs_cluster_capacity_providers", "cluster_name", "aws_ecs_cluster"),
	W("aws_ecs_task_definition", "billed through the services that run it"),
	W("aws_egress_only_internet_gateway",
	  "no charge of its own: data transfer is billed"),
	P("aws_eip_association", "allocation_id", "aws_eip"),
	W("aws_elasticache_parameter_group", CONFIG),
	W("aws_elasticache_subnet_group", CONFIG),
	W("aws_internet_gateway", "no charge of its own: data transfer is billed"),
	W("aws_key_pair", NO_CHARGE),
	P("aws_kms_alias", "target_key_id", "aws_kms_key"),
	P("aws_lambda_alias", "function_name", LAMBDA),
	P("aws_lambda_event_source_mapping", "function_name", LAMBDA),
	P("aws_lambda_function_event_invoke_config", "function_name", LAMBDA),
	P("aws_lambda_function_url", "function_name", LAMBDA),
	W("aws_lambda_layer_version", NO_CHARGE),
	W("aws_lambda_layer_version_permission", NO_CHARGE),
	P("aws_lambda_permission", "function_name", LAMBDA),
	W("aws_launch_configuration", "billed through the instances it launches"),
	W("aws_launch_template", "billed through the instances it launches"),
	P("aws_lb_listener", "load_balancer_arn", LB),
	P("aws_lb_listener_certificate", "listener_arn", LISTENER),
	P("aws_lb_listener_rule", "listener_arn", LISTENER),
	W("aws_lb_target_group", "billed with the load balancer that forwards to it"),
	P("aws_lb_target_group_attachment", "target_group_arn",
	  "aws_lb_target_group,aws_alb_target_group"),
	P("aws_main_route_table_association", "route_table_id", RT),
	W("aws_network_acl", NO_CHARGE),
	W("aws_network_acl_association", NO_CHARGE),
	W("aws_network_acl_rule", NO_CHARGE),
	W("aws_placement_group", NO_CHARGE),
	W("aws_rds_cluster_parameter_group", CONFIG),
	P("aws_route", "route_table_id", RT),
	W("aws_route_table", NO_CHARGE),
	P("aws_route_table_association", "route_table_id", RT),
	P("aws_s3_bucket_accelerate_configuration", "bucket", BUCKET),
	P("aws_s3_bucket_acl", "bucket", BUCKET),
	P("aws_s3_bucket_cors_configuration", "bucket", BUCKET),
	P("aws_s3_bucket_lifecycle_configuration", "bucket", BUCKET),
	P("aws_s3_bucket_logging", "bucket", BUCKET),
	P("aws_s3_bucket_notification", "bucket", BUCKET),
	P("aws_s3_bucket_ownership_controls", "bucket", BUCKET),
	P("aws_s3_bucket_policy", "bucket", BUCKET),
	P("aws_s3_bucket_public_access_block", "bucket", BUCKET),
	P("aws_s3_bucket_request_payment_configuration", "bucket", BUCKET),
	P("aws_s3_bucket_server_side_encryption_configuration", "bucket", BUCKET),
	P("aws_s3_bucket_versioning", "bucket", BUCKET),
	P("aws_s3_bucket_website_configuration", "bucket", BUCKET),
	P("aws_secretsmanager_secret_policy", "secret_arn",
	  "aws_secretsmanager_secret"),
	P("aws_secretsmanager_secret_rotation", "secret_id",
	  "aws_secretsmanager_secret"),
	P("aws_secretsmanager_secret_version", "secret_id",
	  "aws_secretsmanager_secret"),
	W("aws_security_group", NO_CHARGE),
	P("aws_security_group_rule", "security_group_id", SG),
	P("aws_sns_topic_policy", "arn", "aws_sns_topic"),
	P("aws_sns_topic_subscription", "topic_arn", "aws_sns_topic"),
	P("aws_sqs_queue_policy", "queue_url", "aws_sqs_queue"),
	P("aws_sqs_queue_redrive_allow_policy", "queue_url", "aws_sqs_queue"),
	P("aws_sqs_queue_redrive_policy", "queue_url", "aws_sqs_queue"),
	W("aws_subnet", NO_CHARGE),
	P("aws_volume_attachment", "volume_id", "aws_ebs_volume"),
	W("aws_vpc", NO_CHARGE),
	W("aws_vpc_dhcp_options", NO_CHARGE),
	W("aws_vpc_dhcp_options_association", NO_CHARGE),
	P("aws_vpc_security_group_egress_rule", "security_group_id", SG),
	P("aws_vpc_security_group_ingress_rule", "security_group_id", SG),
	W("aws_vpn_gateway", "no charge of its own: VPN connections are billed"),
	P("aws_wafv2_web_acl_association", "web_acl_arn", "aws_wafv2_web_acl"),
};

#undef P
#undef W

bool tfs_est_free_sorted(void)
{
	for (size_t i = 1; i < sizeof(FREE) / sizeof(*FREE); i++)
		if (strcmp(FREE[i - 1].type, FREE[i].type) >= 0)
			return false;
	return true;
}

static int S_free_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const S_free *)elem)->type);
}

static const S_free *S_find(const char *type)
{
	return bsearch(type, FREE, sizeof(FREE) / sizeof(*FREE), sizeof(*FREE),
	               S_free_cmp);
}

bool tfs_est_free(tfs_est_ctx *c)
{
	const char *type = c->res->type;
	const S_free *f;

	if (strncmp(type, "aws_iam_", 8) == 0) {
		c->res->status = TFS_COST_FREE;
		c->res->note = "IAM has no charge";
		return true;
	}
	/* API Gateway stages and SSM parameters are free unless they turn a
	 * billed feature on */
	if (strcmp(type, "aws_api_gateway_stage") == 0) {
		bool cache = false;
		if (tfs_attr_bool(c->a, "cache_cluster_enabled", &cache) && cache)
			return false;
	} else if (strcmp(type, "aws_ssm_parameter") == 0) {
		const char *tier = tfs_attr_str(c->a, "tier");
		if (tier && strcmp(tier, "Standard") != 0)
			return false;
		c->res->status = TFS_COST_FREE;
		c->res->note = "standard parameters have no charge";
		return true;
	}
	if (!(f = S_find(type)))
		return false;
	c->res->status = TFS_COST_FREE;
	c->res->note = f->why;
	return true;
}

/* ---- naming the parent -------------------------------------------------------- */

/* Every type some row names as a parent, once. */
static void S_parent_types(tfs_map *types, tfs_arena *ar)
{
	for (size_t j = 0; j < sizeof(FREE) / sizeof(*FREE); j++) {
		const char *p = FREE[j].parents;
		while (p && *p) {
			size_t len = strcspn(p, ",");
			tfs_map_add(types, tfs_arena_strndup(ar, p, len), 1);
			p += len + (p[len] == ',');
		}
	}
}

static void S_index(tfs_map *idx, tfs_arena *ar, const char *type,
                    const char *value, size_t node)
{
	if (value && *value)
		tfs_map_add(idx, tfs_arena_strfmt(ar, "%s|%s", type, value), node);
}

void tfs_est_free_notes(tfs_cost *cost)
{
	const tfs_model *m = cost->model;
	static const char *const KEYS[] = {"id", "arn", "name", "bucket",
	                                   "function_name", "url"};
	tfs_map idx, types;
	tfs_arena ar = TFS_ARENA_INIT;
	size_t i, k;
	bool any = false;

	for (i = 0; i < cost->count && !any; i++) {
		const S_free *f = cost->resources[i].status == TFS_COST_FREE
		                          ? S_find(cost->resources[i].type)
		                          : NULL;
		any = f && f->attr;
	}
	if (!any)
		return;
	/* every node of a type some free resource names as its parent, by the
	 * values a reference to it may hold */
	tfs_map_init(&idx);
	tfs_map_init(&types);
	S_parent_types(&types, &ar);
	for (i = 0; i < m->nresources; i++) {
		const tfs_instance *in = m->nodes[i].item->inst;
		if (!tfs_map_get(&types, in->type, NULL))
			continue;
		for (k = 0; k < sizeof(KEYS) / sizeof(*KEYS); k++)
			S_index(&idx, &ar, in->type, tfs_attr_str(in->attributes, KEYS[k]),
			        i);
	}
	for (i = 0; i < cost->count; i++) {
		tfs_cost_resource *r = &cost->resources[i];
		const S_free *f = r->status == TFS_COST_FREE ? S_find(r->type) : NULL;
		const char *v, *list;
		size_t p = TFS_NONE, len;
		char first[64];

		if (!f || !f->attr)
			continue;
		v = tfs_attr_str(m->nodes[r->node].item->inst->attributes, f->attr);
		for (list = f->parents; v && *list && p == TFS_NONE;) {
			char type[64];
			len = strcspn(list, ",");
			if (len < sizeof(type)) {
				memcpy(type, list, len);
				type[len] = '\0';
				if (!tfs_map_get(&idx, tfs_arena_strfmt(&ar, "%s|%s", type, v),
				                 &p))
					p = TFS_NONE;
			}
			list += len + (list[len] == ',');
		}
		if (p != TFS_NONE) {
			r->parent = p;
			r->note = tfs_arena_strfmt(
				&cost->arena,
				cost->resources[p].status == TFS_COST_FREE
					? "part of %s, which has no charge either"
					: "billed with %s",
				m->nodes[p].address);
			continue;
		}
		len = strcspn(f->parents, ",");
		snprintf(first, sizeof(first), "%.*s", (int)len, f->parents);
		r->note = tfs_arena_strfmt(&cost->arena,
		                           "billed with its %s (not in this input)",
		                           first);
	}
	tfs_map_release(&idx);
	tfs_map_release(&types);
	tfs_arena_release(&ar);
}
