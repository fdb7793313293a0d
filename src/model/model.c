/* model.c - nodes for every managed instance, their kind, label and
 * environment, the value indices the joins use, and the invariants. */
#include <stdlib.h>
#include <string.h>

#include "build.h"

typedef struct {
	const char *type;
	tfs_kind kind;
} S_type_kind;

/* Sorted by type (bsearch). */
static const S_type_kind TYPES[] = {
	{"aws_acm_certificate", TFS_KIND_ACM_CERTIFICATE},
	{"aws_alb", TFS_KIND_LOAD_BALANCER},
	{"aws_alb_listener", TFS_KIND_LISTENER},
	{"aws_alb_listener_rule", TFS_KIND_LISTENER_RULE},
	{"aws_alb_target_group", TFS_KIND_TARGET_GROUP},
	{"aws_api_gateway_authorizer", TFS_KIND_API_AUTHORIZER},
	{"aws_api_gateway_domain_name", TFS_KIND_API_DOMAIN},
	{"aws_api_gateway_integration", TFS_KIND_API_INTEGRATION},
	{"aws_api_gateway_method", TFS_KIND_API_ROUTE},
	{"aws_api_gateway_rest_api", TFS_KIND_API},
	{"aws_api_gateway_stage", TFS_KIND_API_STAGE},
	{"aws_apigatewayv2_api", TFS_KIND_API},
	{"aws_apigatewayv2_authorizer", TFS_KIND_API_AUTHORIZER},
	{"aws_apigatewayv2_domain_name", TFS_KIND_API_DOMAIN},
	{"aws_apigatewayv2_integration", TFS_KIND_API_INTEGRATION},
	{"aws_apigatewayv2_route", TFS_KIND_API_ROUTE},
	{"aws_apigatewayv2_stage", TFS_KIND_API_STAGE},
	{"aws_appautoscaling_policy", TFS_KIND_AUTOSCALING_POLICY},
	{"aws_appautoscaling_target", TFS_KIND_AUTOSCALING_TARGET},
	{"aws_cloudfront_distribution", TFS_KIND_CLOUDFRONT},
	{"aws_cloudwatch_dashboard", TFS_KIND_DASHBOARD},
	{"aws_cloudwatch_event_rule", TFS_KIND_EVENT_RULE},
	{"aws_cloudwatch_log_group", TFS_KIND_LOG_GROUP},
	{"aws_cloudwatch_metric_alarm", TFS_KIND_ALARM},
	{"aws_cognito_identity_pool", TFS_KIND_COGNITO_IDENTITY_POOL},
	{"aws_cognito_user_pool", TFS_KIND_COGNITO_USER_POOL},
	{"aws_db_instance", TFS_KIND_RDS_INSTANCE},
	{"aws_db_subnet_group", TFS_KIND_DB_SUBNET_GROUP},
	{"aws_default_route_table", TFS_KIND_ROUTE_TABLE},
	{"aws_default_security_group", TFS_KIND_SECURITY_GROUP},
	{"aws_default_subnet", TFS_KIND_SUBNET},
	{"aws_default_vpc", TFS_KIND_VPC},
	{"aws_dynamodb_table", TFS_KIND_DYNAMODB_TABLE},
	{"aws_ecr_repository", TFS_KIND_ECR_REPOSITORY},
	{"aws_ecs_cluster", TFS_KIND_ECS_CLUSTER},
	{"aws_ecs_service", TFS_KIND_ECS_SERVICE},
	{"aws_ecs_task_definition", TFS_KIND_ECS_TASK_DEFINITION},
	{"aws_eip", TFS_KIND_EIP},
	{"aws_elasticache_cluster", TFS_KIND_ELASTICACHE},
	{"aws_elasticache_replication_group", TFS_KIND_ELASTICACHE},
	{"aws_elb", TFS_KIND_LOAD_BALANCER},
	{"aws_instance", TFS_KIND_EC2_INSTANCE},
	{"aws_internet_gateway", TFS_KIND_INTERNET_GATEWAY},
	{"aws_kms_key", TFS_KIND_KMS_KEY},
	{"aws_lambda_function", TFS_KIND_LAMBDA},
	{"aws_lb", TFS_KIND_LOAD_BALANCER},
	{"aws_lb_listener", TFS_KIND_LISTENER},
	{"aws_lb_listener_rule", TFS_KIND_LISTENER_RULE},
	{"aws_lb_target_group", TFS_KIND_TARGET_GROUP},
	{"aws_main_route_table_association", TFS_KIND_ROUTE_TABLE_ASSOC},
	{"aws_nat_gateway", TFS_KIND_NAT_GATEWAY},
	{"aws_rds_cluster", TFS_KIND_RDS_CLUSTER},
	{"aws_rds_cluster_instance", TFS_KIND_RDS_CLUSTER_INSTANCE},
	{"aws_route", TFS_KIND_ROUTE},
	{"aws_route53_record", TFS_KIND_ROUTE53_RECORD},
	{"aws_route53_zone", TFS_KIND_ROUTE53_ZONE},
	{"aws_route_table", TFS_KIND_ROUTE_TABLE},
	{"aws_route_table_association", TFS_KIND_ROUTE_TABLE_ASSOC},
	{"aws_s3_bucket", TFS_KIND_S3_BUCKET},
	{"aws_secretsmanager_secret", TFS_KIND_SECRET},
	{"aws_security_group", TFS_KIND_SECURITY_GROUP},
	{"aws_security_group_rule", TFS_KIND_SECURITY_GROUP_RULE},
	{"aws_sns_topic", TFS_KIND_SNS_TOPIC},
	{"aws_sqs_queue", TFS_KIND_SQS_QUEUE},
	{"aws_subnet", TFS_KIND_SUBNET},
	{"aws_vpc", TFS_KIND_VPC},
	{"aws_vpc_endpoint", TFS_KIND_VPC_ENDPOINT},
	{"aws_vpc_security_group_egress_rule", TFS_KIND_SECURITY_GROUP_RULE},
	{"aws_vpc_security_group_ingress_rule", TFS_KIND_SECURITY_GROUP_RULE},
	{"aws_wafv2_web_acl", TFS_KIND_WAF_ACL},
	{"aws_wafv2_web_acl_association", TFS_KIND_WAF_ASSOCIATION},
};

static int S_type_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const S_type_kind *)elem)->type);
}

bool tfs_model_tables_sorted(void)
{
	for (size_t i = 1; i < sizeof(TYPES) / sizeof(*TYPES); i++)
		if (strcmp(TYPES[i - 1].type, TYPES[i].type) >= 0)
			return false;
	return true;
}

static tfs_kind S_kind_of(const char *type)
{
	const S_type_kind *t = bsearch(type, TYPES, sizeof(TYPES) / sizeof(*TYPES),
	                               sizeof(*TYPES), S_type_cmp);
	if (t)
		return t->kind;
	if (strncmp(type, "aws_s3_bucket_", 14) == 0)
		return TFS_KIND_S3_BUCKET_CONFIG;
	if (strncmp(type, "aws_iam_", 8) == 0)
		return TFS_KIND_IAM;
	return TFS_KIND_GENERIC;
}

const char *tfs_kind_name(tfs_kind k)
{
	switch (k) {
	case TFS_KIND_VPC: return "vpc";
	case TFS_KIND_SUBNET: return "subnet";
	case TFS_KIND_ROUTE_TABLE: return "route-table";
	case TFS_KIND_ROUTE_TABLE_ASSOC: return "route-table-association";
	case TFS_KIND_ROUTE: return "route";
	case TFS_KIND_INTERNET_GATEWAY: return "internet-gateway";
	case TFS_KIND_NAT_GATEWAY: return "nat-gateway";
	case TFS_KIND_EIP: return "elastic-ip";
	case TFS_KIND_SECURITY_GROUP: return "security-group";
	case TFS_KIND_SECURITY_GROUP_RULE: return "security-group-rule";
	case TFS_KIND_LOAD_BALANCER: return "load-balancer";
	case TFS_KIND_LISTENER: return "listener";
	case TFS_KIND_LISTENER_RULE: return "listener-rule";
	case TFS_KIND_TARGET_GROUP: return "target-group";
	case TFS_KIND_ECS_CLUSTER: return "ecs-cluster";
	case TFS_KIND_ECS_SERVICE: return "ecs-service";
	case TFS_KIND_ECS_TASK_DEFINITION: return "ecs-task-definition";
	case TFS_KIND_RDS_INSTANCE: return "rds-instance";
	case TFS_KIND_RDS_CLUSTER: return "rds-cluster";
	case TFS_KIND_RDS_CLUSTER_INSTANCE: return "rds-cluster-instance";
	case TFS_KIND_DB_SUBNET_GROUP: return "db-subnet-group";
	case TFS_KIND_S3_BUCKET: return "s3-bucket";
	case TFS_KIND_S3_BUCKET_CONFIG: return "s3-bucket-config";
	case TFS_KIND_CLOUDFRONT: return "cloudfront";
	case TFS_KIND_ROUTE53_ZONE: return "route53-zone";
	case TFS_KIND_ROUTE53_RECORD: return "route53-record";
	case TFS_KIND_ACM_CERTIFICATE: return "acm-certificate";
	case TFS_KIND_WAF_ACL: return "waf-web-acl";
	case TFS_KIND_WAF_ASSOCIATION: return "waf-association";
	case TFS_KIND_LOG_GROUP: return "log-group";
	case TFS_KIND_ALARM: return "alarm";
	case TFS_KIND_DASHBOARD: return "dashboard";
	case TFS_KIND_SNS_TOPIC: return "sns-topic";
	case TFS_KIND_SECRET: return "secret";
	case TFS_KIND_KMS_KEY: return "kms-key";
	case TFS_KIND_ECR_REPOSITORY: return "ecr-repository";
	case TFS_KIND_AUTOSCALING_TARGET: return "autoscaling-target";
	case TFS_KIND_AUTOSCALING_POLICY: return "autoscaling-policy";
	case TFS_KIND_LAMBDA: return "lambda";
	case TFS_KIND_ELASTICACHE: return "elasticache";
	case TFS_KIND_EC2_INSTANCE: return "ec2-instance";
	case TFS_KIND_VPC_ENDPOINT: return "vpc-endpoint";
	case TFS_KIND_DYNAMODB_TABLE: return "dynamodb-table";
	case TFS_KIND_IAM: return "iam";
	case TFS_KIND_API: return "api";
	case TFS_KIND_API_ROUTE: return "api-route";
	case TFS_KIND_API_INTEGRATION: return "api-integration";
	case TFS_KIND_API_AUTHORIZER: return "api-authorizer";
	case TFS_KIND_API_STAGE: return "api-stage";
	case TFS_KIND_API_DOMAIN: return "api-domain";
	case TFS_KIND_SQS_QUEUE: return "sqs-queue";
	case TFS_KIND_EVENT_RULE: return "event-rule";
	case TFS_KIND_COGNITO_USER_POOL: return "cognito-user-pool";
	case TFS_KIND_COGNITO_IDENTITY_POOL: return "cognito-identity-pool";
	case TFS_KIND_GENERIC: return "generic";
	case TFS_KIND_EXTERNAL: return "external";
	}
	return "generic";
}

tfs_category tfs_kind_category(tfs_kind k)
{
	switch (k) {
	case TFS_KIND_ECS_CLUSTER:
	case TFS_KIND_ECS_SERVICE:
	case TFS_KIND_ECS_TASK_DEFINITION:
	case TFS_KIND_ECR_REPOSITORY:
	case TFS_KIND_LAMBDA:
	case TFS_KIND_EC2_INSTANCE:
	case TFS_KIND_AUTOSCALING_TARGET:
	case TFS_KIND_AUTOSCALING_POLICY:
		return TFS_CAT_COMPUTE;
	case TFS_KIND_RDS_INSTANCE:
	case TFS_KIND_RDS_CLUSTER:
	case TFS_KIND_RDS_CLUSTER_INSTANCE:
	case TFS_KIND_DB_SUBNET_GROUP:
	case TFS_KIND_ELASTICACHE:
	case TFS_KIND_DYNAMODB_TABLE:
		return TFS_CAT_DATABASE;
	case TFS_KIND_S3_BUCKET:
	case TFS_KIND_S3_BUCKET_CONFIG:
		return TFS_CAT_STORAGE;
	case TFS_KIND_VPC:
	case TFS_KIND_SUBNET:
	case TFS_KIND_ROUTE_TABLE:
	case TFS_KIND_ROUTE_TABLE_ASSOC:
	case TFS_KIND_ROUTE:
	case TFS_KIND_INTERNET_GATEWAY:
	case TFS_KIND_NAT_GATEWAY:
	case TFS_KIND_EIP:
	case TFS_KIND_LOAD_BALANCER:
	case TFS_KIND_LISTENER:
	case TFS_KIND_LISTENER_RULE:
	case TFS_KIND_TARGET_GROUP:
	case TFS_KIND_CLOUDFRONT:
	case TFS_KIND_ROUTE53_ZONE:
	case TFS_KIND_ROUTE53_RECORD:
	case TFS_KIND_VPC_ENDPOINT:
	case TFS_KIND_API:
	case TFS_KIND_API_ROUTE:
	case TFS_KIND_API_INTEGRATION:
	case TFS_KIND_API_STAGE:
	case TFS_KIND_API_DOMAIN:
		return TFS_CAT_NETWORKING;
	case TFS_KIND_LOG_GROUP:
	case TFS_KIND_ALARM:
	case TFS_KIND_DASHBOARD:
	case TFS_KIND_SNS_TOPIC:
	case TFS_KIND_SQS_QUEUE:
	case TFS_KIND_EVENT_RULE:
		return TFS_CAT_MANAGEMENT;
	case TFS_KIND_SECURITY_GROUP:
	case TFS_KIND_SECURITY_GROUP_RULE:
	case TFS_KIND_ACM_CERTIFICATE:
	case TFS_KIND_WAF_ACL:
	case TFS_KIND_WAF_ASSOCIATION:
	case TFS_KIND_SECRET:
	case TFS_KIND_KMS_KEY:
	case TFS_KIND_IAM:
	case TFS_KIND_API_AUTHORIZER:
	case TFS_KIND_COGNITO_USER_POOL:
	case TFS_KIND_COGNITO_IDENTITY_POOL:
		return TFS_CAT_SECURITY;
	case TFS_KIND_GENERIC:
	case TFS_KIND_EXTERNAL:
		return TFS_CAT_GENERAL;
	}
	return TFS_CAT_GENERAL;
}

static tfs_placement S_default_placement(tfs_kind k)
{
	switch (k) {
	case TFS_KIND_SUBNET:
	case TFS_KIND_NAT_GATEWAY:
	case TFS_KIND_LOAD_BALANCER:
	case TFS_KIND_ECS_SERVICE:
	case TFS_KIND_RDS_INSTANCE:
	case TFS_KIND_RDS_CLUSTER:
	case TFS_KIND_RDS_CLUSTER_INSTANCE:
	case TFS_KIND_ELASTICACHE:
	case TFS_KIND_EC2_INSTANCE:
	case TFS_KIND_VPC_ENDPOINT:
	case TFS_KIND_LAMBDA:
		return TFS_PLACE_SUBNETS; /* else VPC or regional, see place.c */
	case TFS_KIND_VPC:
	case TFS_KIND_ROUTE_TABLE:
	case TFS_KIND_ROUTE_TABLE_ASSOC:
	case TFS_KIND_ROUTE:
	case TFS_KIND_INTERNET_GATEWAY:
	case TFS_KIND_SECURITY_GROUP:
	case TFS_KIND_SECURITY_GROUP_RULE:
	case TFS_KIND_LISTENER:
	case TFS_KIND_LISTENER_RULE:
	case TFS_KIND_TARGET_GROUP:
	case TFS_KIND_DB_SUBNET_GROUP:
		return TFS_PLACE_VPC;
	case TFS_KIND_CLOUDFRONT:
	case TFS_KIND_ROUTE53_ZONE:
	case TFS_KIND_ROUTE53_RECORD:
	case TFS_KIND_ACM_CERTIFICATE:
	case TFS_KIND_WAF_ACL:
	case TFS_KIND_WAF_ASSOCIATION:
	case TFS_KIND_IAM:
		return TFS_PLACE_EDGE;
	case TFS_KIND_EIP:
	case TFS_KIND_ECS_CLUSTER:
	case TFS_KIND_ECS_TASK_DEFINITION:
	case TFS_KIND_S3_BUCKET:
	case TFS_KIND_S3_BUCKET_CONFIG:
	case TFS_KIND_LOG_GROUP:
	case TFS_KIND_ALARM:
	case TFS_KIND_DASHBOARD:
	case TFS_KIND_SNS_TOPIC:
	case TFS_KIND_SECRET:
	case TFS_KIND_KMS_KEY:
	case TFS_KIND_ECR_REPOSITORY:
	case TFS_KIND_AUTOSCALING_TARGET:
	case TFS_KIND_AUTOSCALING_POLICY:
	case TFS_KIND_DYNAMODB_TABLE:
	case TFS_KIND_API:
	case TFS_KIND_API_ROUTE:
	case TFS_KIND_API_INTEGRATION:
	case TFS_KIND_API_AUTHORIZER:
	case TFS_KIND_API_STAGE:
	case TFS_KIND_API_DOMAIN:
	case TFS_KIND_SQS_QUEUE:
	case TFS_KIND_EVENT_RULE:
	case TFS_KIND_COGNITO_USER_POOL:
	case TFS_KIND_COGNITO_IDENTITY_POOL:
	case TFS_KIND_GENERIC:
		return TFS_PLACE_REGIONAL;
	case TFS_KIND_EXTERNAL:
		return TFS_PLACE_EXTERNAL;
	}
	return TFS_PLACE_REGIONAL;
}

const char *tfs_edge_kind_name(tfs_edge_kind k)
{
	switch (k) {
	case TFS_EDGE_DNS_ALIAS: return "dns-alias";
	case TFS_EDGE_CDN_ORIGIN: return "cdn-origin";
	case TFS_EDGE_LB_LISTENER: return "lb-listener";
	case TFS_EDGE_LISTENER_TARGET: return "listener-target";
	case TFS_EDGE_TARGET: return "target";
	case TFS_EDGE_NETWORK: return "network";
	case TFS_EDGE_SECRET: return "secret";
	case TFS_EDGE_IMAGE: return "image";
	case TFS_EDGE_LOGS: return "logs";
	case TFS_EDGE_NAT_EGRESS: return "nat-egress";
	case TFS_EDGE_ALARM: return "alarm";
	case TFS_EDGE_WAF: return "waf";
	case TFS_EDGE_PART: return "part";
	case TFS_EDGE_API_INTEGRATION: return "api-integration";
	case TFS_EDGE_INTEGRATION: return "integration";
	case TFS_EDGE_AUTHORIZER: return "authorizer";
	case TFS_EDGE_API_MAPPING: return "api-mapping";
	case TFS_EDGE_EVENT_SOURCE: return "event-source";
	case TFS_EDGE_SUBSCRIPTION: return "subscription";
	case TFS_EDGE_EVENT_TARGET: return "event-target";
	case TFS_EDGE_BUCKET_NOTIFICATION: return "bucket-notification";
	case TFS_EDGE_COGNITO_TRIGGER: return "cognito-trigger";
	case TFS_EDGE_ON_FAILURE: return "on-failure";
	case TFS_EDGE_MAY_ACCESS: return "may-access";
	case TFS_EDGE_IDENTITY_ROLE: return "identity-role";
	case TFS_EDGE_CERTIFICATE: return "certificate";
	}
	return "edge";
}

const char *tfs_placement_name(tfs_placement p)
{
	switch (p) {
	case TFS_PLACE_SUBNETS: return "subnets";
	case TFS_PLACE_VPC: return "vpc";
	case TFS_PLACE_REGIONAL: return "regional";
	case TFS_PLACE_EDGE: return "edge";
	case TFS_PLACE_EXTERNAL: return "external";
	}
	return "regional";
}

const char *tfs_category_name(tfs_category c)
{
	switch (c) {
	case TFS_CAT_COMPUTE: return "compute";
	case TFS_CAT_DATABASE: return "database";
	case TFS_CAT_STORAGE: return "storage";
	case TFS_CAT_NETWORKING: return "networking";
	case TFS_CAT_MANAGEMENT: return "management";
	case TFS_CAT_SECURITY: return "security";
	case TFS_CAT_GENERAL: return "general";
	}
	return "general";
}

const char *tfs_env_source_name(tfs_env_source s)
{
	switch (s) {
	case TFS_ENV_TAG: return "tag";
	case TFS_ENV_ACCOUNT: return "account";
	case TFS_ENV_FLAG: return "flag";
	case TFS_ENV_UNKNOWN: return "unknown";
	}
	return "unknown";
}

const char *tfs_public_source_name(tfs_public_source s)
{
	switch (s) {
	case TFS_PUBLIC_ROUTE_TABLE: return "route-table";
	case TFS_PUBLIC_MAP_PUBLIC_IP: return "map_public_ip_on_launch";
	case TFS_PUBLIC_TAG: return "tag";
	case TFS_PUBLIC_UNKNOWN: return "unknown";
	case TFS_PUBLIC_NOT_IN_INPUT: return "not-in-input";
	}
	return "unknown";
}

const char *tfs_tier_name(tfs_tier t)
{
	switch (t) {
	case TFS_TIER_PUBLIC: return "public";
	case TFS_TIER_PRIVATE: return "private";
	case TFS_TIER_UNKNOWN: return "unknown";
	}
	return "unknown";
}

/* Companions of edge services sit with them whatever their kind
 * (aws_cloudfront_origin_access_control, aws_acm_certificate_validation). */
static bool S_edge_type(const char *type)
{
	static const char *const PREFIXES[] = {
		"aws_acm_", "aws_cloudfront_", "aws_wafv2_", "aws_waf_",
		"aws_route53_record", "aws_route53_zone", "aws_shield_",
	};
	for (size_t i = 0; i < sizeof(PREFIXES) / sizeof(*PREFIXES); i++)
		if (strncmp(type, PREFIXES[i], strlen(PREFIXES[i])) == 0)
			return true;
	return false;
}

/* ---- index and helpers ---------------------------------------------------- */

static const char *S_key(tfs_builder *b, tfs_kind kind, const char *value)
{
	tfs_buf_truncate(&b->key, 0);
	tfs_buf_addf(&b->key, "%s|%s", tfs_kind_name(kind), value);
	return b->key.data;
}

void tfs_b_index(tfs_builder *b, tfs_kind kind, const char *value, size_t n)
{
	if (!value || !*value || tfs_map_get(&b->index, S_key(b, kind, value), NULL))
		return;
	tfs_map_put(&b->index, tfs_arena_strdup(&b->m->arena, b->key.data), n);
}

size_t tfs_b_find(tfs_builder *b, tfs_kind kind, const char *value)
{
	size_t n;
	if (!value || !*value)
		return TFS_NONE;
	return tfs_map_get(&b->index, S_key(b, kind, value), &n) ? n : TFS_NONE;
}

static size_t S_new_node(tfs_model *m)
{
	tfs_grow(&m->nodes, &m->cap_nodes, m->nnodes + 1, sizeof(*m->nodes));
	memset(&m->nodes[m->nnodes], 0, sizeof(*m->nodes));
	m->nodes[m->nnodes].vpc = TFS_NONE;
	m->nodes[m->nnodes].task_definition = TFS_NONE;
	m->nodes[m->nnodes].cluster = TFS_NONE;
	m->nodes[m->nnodes].attached = TFS_NONE;
	m->nodes[m->nnodes].part_of = TFS_NONE;
	return m->nnodes++;
}

size_t tfs_b_find_or_external(tfs_builder *b, tfs_kind kind, const char *value)
{
	size_t n = tfs_b_find(b, kind, value);
	tfs_node *node;

	if (n != TFS_NONE || !value || !*value)
		return n;
	/* a redacted value names nothing: no node stands for it */
	if (strcmp(value, TFS_REDACTED) == 0)
		return TFS_NONE;
	n = tfs_b_find(b, TFS_KIND_EXTERNAL, value);
	if (n != TFS_NONE)
		return n;
	n = S_new_node(b->m);
	node = &b->m->nodes[n];
	node->kind = TFS_KIND_EXTERNAL;
	node->address = tfs_arena_strdup(&b->m->arena, value);
	node->label = tfs_arena_strfmt(&b->m->arena, "%s (not in this input)",
	                               tfs_kind_name(kind));
	node->placement = TFS_PLACE_EXTERNAL;
	node->environment = "unknown";
	node->env_source = TFS_ENV_UNKNOWN;
	node->tier = TFS_TIER_UNKNOWN;
	node->public_source = TFS_PUBLIC_NOT_IN_INPUT;
	if (kind == TFS_KIND_SUBNET)
		node->public_evidence = "not in this input: public or private is "
		                        "unknown";
	tfs_b_index(b, TFS_KIND_EXTERNAL, node->address, n);
	return n;
}

void tfs_b_edge_raw(tfs_builder *b, size_t from, size_t to, tfs_edge_kind kind,
                    const char *evidence, const char *label)
{
	tfs_model *m = b->m;
	tfs_edge *e;

	if (from == TFS_NONE || to == TFS_NONE || from == to)
		return;
	tfs_grow(&m->edges, &m->cap_edges, m->nedges + 1, sizeof(*m->edges));
	e = &m->edges[m->nedges++];
	e->from = from;
	e->to = to;
	e->kind = kind;
	e->evidence = evidence;
	e->label = label ? tfs_arena_strdup(&m->arena, label) : NULL;
}

void tfs_b_edge(tfs_builder *b, size_t from, size_t to, tfs_edge_kind kind,
                size_t src, const char *attr, const char *value,
                const char *label)
{
	if (from == TFS_NONE || to == TFS_NONE || from == to)
		return;
	tfs_b_edge_raw(b, from, to, kind,
	               tfs_arena_strfmt(&b->m->arena, "%s.%s = %s",
	                                b->m->nodes[src].address, attr,
	                                value ? value : ""),
	               label);
}

/* ---- nodes ---------------------------------------------------------------- */

static const char *const DEFAULT_ENV_KEYS[] = {"Environment", "environment",
                                               "env", "Env"};

static void S_environment(tfs_node *node, const tfs_model_options *opt)
{
	const tfs_inventory_item *it = node->item;
	const char *const *keys = opt->env_tag_keys;
	size_t nkeys = opt->n_env_tag_keys, k, t;

	if (!keys) {
		keys = DEFAULT_ENV_KEYS;
		nkeys = sizeof(DEFAULT_ENV_KEYS) / sizeof(*DEFAULT_ENV_KEYS);
	}
	for (k = 0; k < nkeys; k++)
		for (t = 0; t < it->ntags; t++)
			if (strcmp(it->tags[t].key, keys[k]) == 0 &&
			    it->tags[t].value[0]) {
				node->environment = it->tags[t].value;
				node->env_source = TFS_ENV_TAG;
				return;
			}
	if (it->account)
		for (k = 0; k + 1 < opt->n_account_envs * 2; k += 2)
			if (strcmp(opt->account_envs[k], it->account) == 0) {
				node->environment = opt->account_envs[k + 1];
				node->env_source = TFS_ENV_ACCOUNT;
				return;
			}
	if (opt->default_env) {
		node->environment = opt->default_env;
		node->env_source = TFS_ENV_FLAG;
		return;
	}
	node->environment = "unknown";
	node->env_source = TFS_ENV_UNKNOWN;
}

static const char *S_label(const tfs_inventory_item *it)
{
	const json_t *a = it->inst->attributes;
	const char *s;
	size_t t;

	for (t = 0; t < it->ntags; t++)
		if (strcmp(it->tags[t].key, "Name") == 0 && it->tags[t].value[0])
			return it->tags[t].value;
	/* the resource's own name where AWS has one */
	if ((s = tfs_attr_str(a, "name")) || (s = tfs_attr_str(a, "identifier")) ||
	    (s = tfs_attr_str(a, "bucket")) || (s = tfs_attr_str(a, "family")) ||
	    (s = tfs_attr_str(a, "cluster_identifier")) ||
	    (s = tfs_attr_str(a, "function_name")) ||
	    (s = tfs_attr_str(a, "alarm_name")))
		return s;
	return it->inst->name;
}

/* A web ACL of REGIONAL scope (it protects load balancers and APIs), an
 * association of one (CloudFront names its ACL itself, so every
 * association is a regional ACL's) and a certificate outside us-east-1
 * (CloudFront takes only those) are regional resources, though their
 * kinds are the edge's. */
static bool S_regional_at_edge(const tfs_node *node,
                               const tfs_inventory_item *it)
{
	const char *scope;

	if (node->kind == TFS_KIND_WAF_ASSOCIATION)
		return true;
	if (node->kind == TFS_KIND_WAF_ACL) {
		scope = tfs_attr_str(it->inst->attributes, "scope");
		return scope && strcmp(scope, "REGIONAL") == 0;
	}
	if (node->kind == TFS_KIND_ACM_CERTIFICATE)
		return it->region && strcmp(it->region, "us-east-1") != 0 &&
		       strcmp(it->region, "global") != 0 &&
		       strcmp(it->region, "unknown") != 0;
	return false;
}

/* Index each node under the values others use to refer to it (DNS names
 * are indexed in lower case by edges.c). */
static void S_index_node(tfs_builder *b, size_t n)
{
	const tfs_node *node = &b->m->nodes[n];
	const json_t *a = node->item->inst->attributes;
	tfs_kind k = node->kind;

	tfs_b_index(b, k, tfs_attr_str(a, "id"), n);
	tfs_b_index(b, k, tfs_attr_str(a, "arn"), n);
	if (k == TFS_KIND_LOAD_BALANCER || k == TFS_KIND_CLOUDFRONT ||
	    k == TFS_KIND_TARGET_GROUP) {
		tfs_b_index(b, k, tfs_attr_str(a, "arn_suffix"), n);
		tfs_b_index(b, k, tfs_attr_str(a, "name"), n);
	} else if (k == TFS_KIND_S3_BUCKET) {
		tfs_b_index(b, k, tfs_attr_str(a, "bucket"), n);
	} else if (k == TFS_KIND_ECS_CLUSTER || k == TFS_KIND_ECS_SERVICE ||
	           k == TFS_KIND_LOG_GROUP || k == TFS_KIND_SECRET ||
	           k == TFS_KIND_DB_SUBNET_GROUP || k == TFS_KIND_SNS_TOPIC) {
		tfs_b_index(b, k, tfs_attr_str(a, "name"), n);
	} else if (k == TFS_KIND_RDS_INSTANCE) {
		tfs_b_index(b, k, tfs_attr_str(a, "identifier"), n);
	} else if (k == TFS_KIND_RDS_CLUSTER) {
		tfs_b_index(b, k, tfs_attr_str(a, "cluster_identifier"), n);
	} else if (k == TFS_KIND_ECR_REPOSITORY) {
		tfs_b_index(b, k, tfs_attr_str(a, "repository_url"), n);
	} else if (k == TFS_KIND_ECS_TASK_DEFINITION) {
		long long rev;
		const char *fam = tfs_attr_str(a, "family");
		if (fam && tfs_attr_int(a, "revision", &rev))
			tfs_b_index(b, k,
			            tfs_arena_strfmt(&b->m->arena, "%s:%lld", fam, rev),
			            n);
		tfs_b_index(b, k, fam, n);
	} else if (k == TFS_KIND_LAMBDA) {
		tfs_b_index(b, k, tfs_attr_str(a, "function_name"), n);
	} else if (k == TFS_KIND_ELASTICACHE) {
		tfs_b_index(b, k, tfs_attr_str(a, "cluster_id"), n);
		tfs_b_index(b, k, tfs_attr_str(a, "replication_group_id"), n);
	}
}

/* Short facts shown beside a node's label. */
static const char *S_detail(tfs_builder *b, const tfs_node *node)
{
	const json_t *a = node->item->inst->attributes;
	tfs_arena *ar = &b->m->arena;
	const char *s, *t;
	long long n;
	bool flag;

	tfs_kind k = node->kind;

	if (k == TFS_KIND_VPC || k == TFS_KIND_SUBNET)
		return tfs_attr_str(a, "cidr_block");
	if (k == TFS_KIND_RDS_INSTANCE) {
		s = tfs_attr_str(a, "engine");
		t = tfs_attr_str(a, "instance_class");
		if (!s && !t)
			return NULL;
		return tfs_arena_strfmt(ar, "%s %s%s", s ? s : "?", t ? t : "?",
		                        tfs_attr_bool(a, "multi_az", &flag) && flag
		                                ? " Multi-AZ"
		                                : " Single-AZ");
	}
	if (k == TFS_KIND_ECS_SERVICE) {
		/* with its task count once placed (place.c) */
		const char *lt = tfs_attr_str(a, "launch_type");
		if (json_array_size(json_object_get(a, "capacity_provider_strategy")))
			lt = "capacity providers";
		return lt;
	}
	if (k == TFS_KIND_ECS_TASK_DEFINITION) {
		s = tfs_attr_str(a, "cpu");
		t = tfs_attr_str(a, "memory");
		return s && t ? tfs_arena_strfmt(ar, "%s CPU / %s MiB", s, t) : NULL;
	}
	if (k == TFS_KIND_LOAD_BALANCER) {
		s = tfs_attr_str(a, "load_balancer_type");
		if (tfs_attr_bool(a, "internal", &flag))
			return tfs_arena_strfmt(ar, "%s %s", s ? s : "classic",
			                        flag ? "internal" : "internet-facing");
		return s;
	}
	if (k == TFS_KIND_LISTENER) {
		s = tfs_attr_str(a, "protocol");
		if (tfs_attr_int(a, "port", &n))
			return tfs_arena_strfmt(ar, "%s:%lld", s ? s : "?", n);
		return s;
	}
	if (k == TFS_KIND_ELASTICACHE)
		return tfs_attr_str(a, "node_type");
	if (k == TFS_KIND_EC2_INSTANCE)
		return tfs_attr_str(a, "instance_type");
	if (k == TFS_KIND_ROUTE53_RECORD)
		return tfs_attr_str(a, "type");
	return NULL; /* no short facts worth a label */
}

void tfs_model_options_init(tfs_model_options *opt)
{
	memset(opt, 0, sizeof(*opt));
}

static int S_edge_cmp(const void *pa, const void *pb)
{
	const tfs_edge *a = pa, *b = pb;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	return strcmp(a->evidence, b->evidence);
}

/* Sort, and keep one edge per (from, to, kind): the first evidence. */
static void S_finish_edges(tfs_model *m)
{
	size_t i, out = 0;

	tfs_sort(m->edges, m->nedges, sizeof(*m->edges), S_edge_cmp);
	for (i = 0; i < m->nedges; i++) {
		if (out && m->edges[out - 1].from == m->edges[i].from &&
		    m->edges[out - 1].to == m->edges[i].to &&
		    m->edges[out - 1].kind == m->edges[i].kind)
			continue;
		m->edges[out++] = m->edges[i];
	}
	m->nedges = out;
}

tfs_model *tfs_model_build(const tfs_state *st, const tfs_inventory *inv,
                           const tfs_model_options *opt)
{
	tfs_model *m = xcalloc(1, sizeof(*m));
	tfs_builder b;
	size_t i;

	m->state = st;
	m->inv = inv;
	memset(&b, 0, sizeof(b));
	b.m = m;
	tfs_map_init(&b.index);
	tfs_buf_init(&b.key);
	for (i = 0; i < inv->count; i++) {
		const tfs_inventory_item *it = &inv->items[i];
		size_t n;
		tfs_node *node;

		if (it->inst->mode == TFS_MODE_DATA) {
			m->ndata++;
			continue;
		}
		n = S_new_node(m);
		node = &m->nodes[n];
		node->item = it;
		node->kind = S_kind_of(it->inst->type);
		node->address = it->inst->address;
		node->label = S_label(it);
		node->placement = S_default_placement(node->kind);
		if (node->placement == TFS_PLACE_REGIONAL &&
		    (S_edge_type(it->inst->type) ||
		     strcmp(it->region, "global") == 0))
			node->placement = TFS_PLACE_EDGE;
		else if (S_regional_at_edge(node, it))
			node->placement = TFS_PLACE_REGIONAL;
		node->public_source = TFS_PUBLIC_UNKNOWN;
		node->tier = TFS_TIER_PRIVATE;
		S_environment(node, opt);
		node->detail = S_detail(&b, node);
	}
	m->nresources = m->nnodes;
	/* deposed objects are indexed after current ones, so joins by value
	 * find the current object */
	for (i = 0; i < m->nresources; i++)
		if (!m->nodes[i].item->inst->deposed)
			S_index_node(&b, i);
	for (i = 0; i < m->nresources; i++)
		if (m->nodes[i].item->inst->deposed)
			S_index_node(&b, i);
	tfs_place_network(&b);
	tfs_security_rules(&b);
	tfs_build_edges(&b);
	for (i = 0; i < m->nedges; i++)
		if (m->edges[i].kind == TFS_EDGE_PART &&
		    m->nodes[m->edges[i].to].part_of == TFS_NONE)
			m->nodes[m->edges[i].to].part_of = m->edges[i].from;
	S_finish_edges(m);
	tfs_build_tree(m);
	tfs_map_release(&b.index);
	tfs_buf_release(&b.key);
	return m;
}

void tfs_model_free(tfs_model *m)
{
	if (!m)
		return;
	free(m->nodes);
	free(m->edges);
	free(m->rules);
	tfs_tree_release(&m->tree);
	tfs_arena_release(&m->arena);
	free(m);
}

const char *tfs_model_check(const tfs_model *m)
{
	size_t i, j;

	for (i = 0; i < m->nedges; i++)
		if (m->edges[i].from >= m->nnodes || m->edges[i].to >= m->nnodes)
			return "an edge ends outside the node list";
	for (i = 0; i < m->nnodes; i++) {
		const tfs_node *n = &m->nodes[i];
		if (n->vpc != TFS_NONE &&
		    (n->vpc >= m->nnodes ||
		     (m->nodes[n->vpc].kind != TFS_KIND_VPC &&
		      m->nodes[n->vpc].kind != TFS_KIND_EXTERNAL)))
			return "a node's VPC is not a VPC";
		if (n->kind == TFS_KIND_SUBNET && n->nsubnets)
			return "a subnet sits in a subnet";
		for (j = 0; j < n->nsubnets; j++) {
			const tfs_node *s = &m->nodes[n->subnets[j]];
			if (n->subnets[j] >= m->nnodes ||
			    (s->kind != TFS_KIND_SUBNET && s->kind != TFS_KIND_EXTERNAL))
				return "a node sits in something that is not a subnet";
		}
		if (n->placement == TFS_PLACE_SUBNETS && n->nsubnets == 0)
			return "a node placed in subnets has none";
		if ((i < m->nresources) != (n->item != NULL))
			return "resource and external nodes are out of order";
	}
	for (i = 0; i < m->nrules; i++)
		if (m->rules[i].sg >= m->nnodes)
			return "a security group rule without its group";
	return NULL;
}

void tfs_model_eip_use(const tfs_model *m, size_t eip, tfs_eip_use *out)
{
	static const char *const OWN[] = {"association_id", "instance",
	                                  "network_interface"};
	const tfs_node *n = &m->nodes[eip];
	const json_t *a = n->item ? n->item->inst->attributes : NULL;
	bool recorded = false;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->by = TFS_NONE;
	for (i = 0; i < sizeof(OWN) / sizeof(*OWN); i++) {
		const char *v = tfs_attr_str(a, OWN[i]);
		if (v) {
			out->state = TFS_EIP_IN_USE;
			out->attr = OWN[i];
			out->value = v;
			return;
		}
		recorded = recorded || json_object_get(a, OWN[i]);
	}
	if (n->attached != TFS_NONE) {
		out->state = TFS_EIP_IN_USE;
		out->attr = "allocation_id";
		out->value = tfs_attr_str(a, "allocation_id");
		if (!out->value)
			out->value = tfs_attr_str(a, "id");
		out->by = n->attached;
		return;
	}
	out->state = recorded ? TFS_EIP_IDLE : TFS_EIP_UNKNOWN;
	out->attr = "association_id";
}

const tfs_node *tfs_node_tag_owner(const tfs_model *m, const tfs_node *n,
                                   const char *project_tag,
                                   const char *owner_tag)
{
	if (n->part_of == TFS_NONE || n->env_source != TFS_ENV_UNKNOWN ||
	    (project_tag && tfs_node_tag(n, project_tag)) ||
	    (owner_tag && tfs_node_tag(n, owner_tag)))
		return n;
	return &m->nodes[n->part_of];
}

const char *tfs_node_tag(const tfs_node *n, const char *key)
{
	for (size_t t = 0; n->item && t < n->item->ntags; t++)
		if (strcmp(n->item->tags[t].key, key) == 0 && n->item->tags[t].value[0])
			return n->item->tags[t].value;
	return NULL;
}

const char *tfs_model_main_env(const tfs_model *m)
{
	tfs_map count;
	size_t i, best = 0, n;
	const char *env = NULL;

	tfs_map_init(&count);
	for (i = 0; i < m->nresources; i++) {
		if (m->nodes[i].env_source == TFS_ENV_UNKNOWN)
			continue;
		n = 0;
		tfs_map_get(&count, m->nodes[i].environment, &n);
		tfs_map_put(&count, m->nodes[i].environment, ++n);
		if (n > best) {
			best = n;
			env = m->nodes[i].environment;
		}
	}
	tfs_map_release(&count);
	return env;
}
