/* rollup.c - cost by environment, project, owner, AWS service and module,
 * with untagged cost as a line of its own: never hidden, and every roll-up
 * sums to the same total. */
#include <stdlib.h>
#include <string.h>

#include "tfsight/cost.h"

typedef struct {
	const char *prefix;
	const char *service;
} S_service;

/* Longest prefixes first where they overlap (aws_lb_... before aws_lb). */
static const S_service SERVICES[] = {
	{"aws_acm_", "ACM"},
	{"aws_alb", "Elastic Load Balancing"},
	{"aws_api_gateway_", "API Gateway"},
	{"aws_apigatewayv2_", "API Gateway"},
	{"aws_appautoscaling_", "Application Auto Scaling"},
	{"aws_cloudfront_", "CloudFront"},
	{"aws_cloudwatch_event_", "EventBridge"},
	{"aws_cloudwatch_", "CloudWatch"},
	{"aws_cognito_", "Cognito"},
	{"aws_db_", "RDS"},
	{"aws_dynamodb_", "DynamoDB"},
	{"aws_ebs_", "EC2"},
	{"aws_ecr_", "ECR"},
	{"aws_ecs_", "ECS"},
	{"aws_eip", "VPC"},
	{"aws_elasticache_", "ElastiCache"},
	{"aws_elb", "Elastic Load Balancing"},
	{"aws_iam_", "IAM"},
	{"aws_instance", "EC2"},
	{"aws_internet_gateway", "VPC"},
	{"aws_kinesis_", "Kinesis"},
	{"aws_kms_", "KMS"},
	{"aws_lambda_", "Lambda"},
	{"aws_lb", "Elastic Load Balancing"},
	{"aws_nat_gateway", "VPC"},
	{"aws_rds_", "RDS"},
	{"aws_route53_", "Route 53"},
	{"aws_route", "VPC"},
	{"aws_s3_", "S3"},
	{"aws_secretsmanager_", "Secrets Manager"},
	{"aws_security_group", "VPC"},
	{"aws_sns_", "SNS"},
	{"aws_sfn_", "Step Functions"},
	{"aws_sqs_", "SQS"},
	{"aws_ssm_", "Systems Manager"},
	{"aws_subnet", "VPC"},
	{"aws_vpc", "VPC"},
	{"aws_wafv2_", "WAF"},
};

const char *tfs_aws_service_name(const char *type)
{
	for (size_t i = 0; i < sizeof(SERVICES) / sizeof(*SERVICES); i++)
		if (strncmp(type, SERVICES[i].prefix, strlen(SERVICES[i].prefix)) == 0)
			return SERVICES[i].service;
	return type;
}

typedef struct {
	tfs_map index;
	tfs_rollup_line *lines;
	size_t count, cap;
} S_acc;

static void S_add(S_acc *a, const char *key, double usd)
{
	size_t at;
	if (!tfs_map_get(&a->index, key, &at)) {
		tfs_grow(&a->lines, &a->cap, a->count + 1, sizeof(*a->lines));
		at = a->count++;
		a->lines[at].key = key;
		a->lines[at].usd = 0;
		a->lines[at].resources = 0;
		tfs_map_put(&a->index, key, at);
	}
	a->lines[at].usd += usd;
	a->lines[at].resources++;
}

static int S_line_cmp(const void *pa, const void *pb)
{
	const tfs_rollup_line *a = pa, *b = pb;
	if (a->usd != b->usd)
		return a->usd > b->usd ? -1 : 1;
	return strcmp(a->key, b->key);
}

static const char *S_tag(const tfs_node *n, const char *key)
{
	const char *v = tfs_node_tag(n, key);
	return v ? v : TFS_UNTAGGED;
}

tfs_rollups *tfs_cost_rollups(tfs_cost *const *costs, size_t n,
                              const char *project_tag, const char *owner_tag)
{
	static const char *const NAMES[TFS_ROLLUP_DIMENSIONS] = {
		"environment", "project", "owner", "service", "module",
	};
	tfs_rollups *r = xcalloc(1, sizeof(*r));
	S_acc acc[TFS_ROLLUP_DIMENSIONS];
	size_t d, f, i;

	memset(acc, 0, sizeof(acc));
	for (d = 0; d < TFS_ROLLUP_DIMENSIONS; d++)
		tfs_map_init(&acc[d].index);
	for (f = 0; f < n; f++) {
		const tfs_model *m = costs[f]->model;
		for (i = 0; i < costs[f]->count; i++) {
			const tfs_cost_resource *res = &costs[f]->resources[i];
			const tfs_node *node = &m->nodes[res->node];
			const char *mod = node->item->inst->module;
			if (!tfs_cost_has_components(res))
				continue;
			node = tfs_node_tag_owner(m, node, project_tag, owner_tag);
			r->total += res->monthly_cost;
			S_add(&acc[0], strcmp(node->environment, "unknown") == 0
			                       ? TFS_UNTAGGED
			                       : node->environment,
			      res->monthly_cost);
			S_add(&acc[1], S_tag(node, project_tag), res->monthly_cost);
			S_add(&acc[2], S_tag(node, owner_tag), res->monthly_cost);
			S_add(&acc[3], tfs_aws_service_name(res->type), res->monthly_cost);
			S_add(&acc[4], mod[0] ? mod : "(root module)", res->monthly_cost);
		}
	}
	for (d = 0; d < TFS_ROLLUP_DIMENSIONS; d++) {
		tfs_sort(acc[d].lines, acc[d].count, sizeof(*acc[d].lines), S_line_cmp);
		r->by[d].dimension = NAMES[d];
		r->by[d].lines = acc[d].lines;
		r->by[d].count = acc[d].count;
		tfs_map_release(&acc[d].index);
	}
	return r;
}

void tfs_rollups_free(tfs_rollups *r)
{
	if (!r)
		return;
	for (size_t d = 0; d < TFS_ROLLUP_DIMENSIONS; d++)
		free(r->by[d].lines);
	tfs_arena_release(&r->arena);
	free(r);
}
