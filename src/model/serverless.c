/*
 * serverless.c - the edges of the serverless half: API Gateway (an API's
 * routes, integrations, authorizers, stages and custom domains), what
 * triggers each Lambda function (event source mappings, SNS subscriptions,
 * EventBridge targets, S3 notifications, Cognito triggers), where failures
 * go (dead-letter queues, on-failure destinations, redrive policies), each
 * function's log group, and what its role's policies let it reach
 * ("may access": a permission, not traffic).
 *
 * As everywhere in the model, every join is a lookup by value (id, ARN,
 * name, an ARN taken apart from an invoke ARN or an issuer URL), and every
 * edge carries the attribute that proves it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"

static const char *S_type(const tfs_model *m, size_t n)
{
	return m->nodes[n].item->inst->type;
}

static bool S_is(const tfs_model *m, size_t n, const char *type)
{
	return strcmp(S_type(m, n), type) == 0;
}

/* ---- indices ---------------------------------------------------------------- */

/* "arn:aws:apigateway:sa-east-1:lambda:path/2015-03-31/functions/FN/invocations"
 * -> FN; anything else as it is. */
static const char *S_function_of(tfs_builder *b, const char *uri)
{
	const char *p, *q;
	if (!uri || !(p = strstr(uri, ":lambda:path/")) ||
	    !(p = strstr(p, "/functions/")))
		return uri;
	p += strlen("/functions/");
	q = strstr(p, "/invocations");
	return tfs_arena_strndup(&b->m->arena, p, q ? (size_t)(q - p) : strlen(p));
}

/* A function by name, ARN, qualified ARN or invoke URI. */
static size_t S_function(tfs_builder *b, const char *ref)
{
	const char *fn = S_function_of(b, ref);
	size_t n = tfs_b_find(b, TFS_KIND_LAMBDA, fn);
	const char *colon;

	if (n != TFS_NONE || !fn)
		return n;
	/* arn:...:function:NAME:QUALIFIER */
	colon = strstr(fn, ":function:");
	if (colon && (colon = strchr(colon + 10, ':')) != NULL)
		n = tfs_b_find(b, TFS_KIND_LAMBDA,
		               tfs_arena_strndup(&b->m->arena, fn,
		                                 (size_t)(colon - fn)));
	return n;
}

static const char *S_key3(tfs_builder *b, const json_t *a, const char *k1,
                          const char *k2, const char *k3)
{
	const char *x = tfs_attr_str(a, k1), *y = tfs_attr_str(a, k2);
	const char *z = k3 ? tfs_attr_str(a, k3) : "";
	if (!x || !y || !z)
		return NULL;
	return tfs_arena_strfmt(&b->m->arena, "%s|%s|%s", x, y, z);
}

static const char *S_lower_host(tfs_builder *b, const char *url)
{
	const char *p = url ? strstr(url, "://") : NULL;
	char *h, *q;
	size_t n;

	if (!p)
		return NULL;
	p += 3;
	n = strcspn(p, "/:");
	h = tfs_arena_strndup(&b->m->arena, p, n);
	for (q = h; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	return h;
}

void tfs_index_serverless(tfs_builder *b)
{
	tfs_model *m = b->m;
	size_t i;

	for (i = 0; i < m->nresources; i++) {
		json_t *a = tfs_node_attrs(m, i);
		tfs_kind k = m->nodes[i].kind;
		const char *s;

		switch (k) {
		case TFS_KIND_API:
			tfs_b_index(b, k, tfs_attr_str(a, "execution_arn"), i);
			tfs_b_index(b, k, tfs_attr_str(a, "name"), i);
			break;
		case TFS_KIND_API_ROUTE:
			/* a REST method, by API, resource and HTTP method */
			tfs_b_index(b, k, S_key3(b, a, "rest_api_id", "resource_id",
			                         "http_method"),
			            i);
			break;
		case TFS_KIND_API_INTEGRATION:
			tfs_b_index(b, k, S_key3(b, a, "rest_api_id", "resource_id",
			                         "http_method"),
			            i);
			break;
		case TFS_KIND_API_STAGE:
			tfs_b_index(b, k, S_key3(b, a, "api_id", "name", NULL), i);
			tfs_b_index(b, k, S_key3(b, a, "rest_api_id", "stage_name", NULL),
			            i);
			break;
		case TFS_KIND_API_DOMAIN:
			tfs_b_index(b, k, tfs_attr_str(a, "domain_name"), i);
			break;
		case TFS_KIND_LAMBDA:
			tfs_b_index(b, k, tfs_attr_str(a, "invoke_arn"), i);
			tfs_b_index(b, k, tfs_attr_str(a, "qualified_arn"), i);
			break;
		case TFS_KIND_SQS_QUEUE:
			tfs_b_index(b, k, tfs_attr_str(a, "url"), i);
			tfs_b_index(b, k, tfs_attr_str(a, "name"), i);
			break;
		case TFS_KIND_DYNAMODB_TABLE:
			tfs_b_index(b, TFS_KIND_DYNAMODB_TABLE,
			            tfs_attr_str(a, "stream_arn"), i);
			tfs_b_index(b, k, tfs_attr_str(a, "name"), i);
			break;
		case TFS_KIND_EVENT_RULE:
			tfs_b_index(b, k, tfs_attr_str(a, "name"), i);
			break;
		case TFS_KIND_COGNITO_USER_POOL:
			tfs_b_index(b, k, tfs_attr_str(a, "endpoint"), i);
			break;
		case TFS_KIND_GENERIC:
			/* a function URL stands for its function, by host */
			if (S_is(m, i, "aws_lambda_function_url") &&
			    (s = S_lower_host(b, tfs_attr_str(a, "function_url")))) {
				size_t fn = S_function(b, tfs_attr_str(a, "function_name"));
				if (fn != TFS_NONE)
					tfs_b_index(b, TFS_KIND_LAMBDA, s, fn);
			}
			break;
		case TFS_KIND_VPC:
		case TFS_KIND_SUBNET:
		case TFS_KIND_ROUTE_TABLE:
		case TFS_KIND_ROUTE_TABLE_ASSOC:
		case TFS_KIND_ROUTE:
		case TFS_KIND_INTERNET_GATEWAY:
		case TFS_KIND_NAT_GATEWAY:
		case TFS_KIND_EIP:
		case TFS_KIND_SECURITY_GROUP:
		case TFS_KIND_SECURITY_GROUP_RULE:
		case TFS_KIND_LOAD_BALANCER:
		case TFS_KIND_LISTENER:
		case TFS_KIND_LISTENER_RULE:
		case TFS_KIND_TARGET_GROUP:
		case TFS_KIND_ECS_CLUSTER:
		case TFS_KIND_ECS_SERVICE:
		case TFS_KIND_ECS_TASK_DEFINITION:
		case TFS_KIND_RDS_INSTANCE:
		case TFS_KIND_RDS_CLUSTER:
		case TFS_KIND_RDS_CLUSTER_INSTANCE:
		case TFS_KIND_DB_SUBNET_GROUP:
		case TFS_KIND_S3_BUCKET:
		case TFS_KIND_S3_BUCKET_CONFIG:
		case TFS_KIND_CLOUDFRONT:
		case TFS_KIND_ROUTE53_ZONE:
		case TFS_KIND_ROUTE53_RECORD:
		case TFS_KIND_ACM_CERTIFICATE:
		case TFS_KIND_WAF_ACL:
		case TFS_KIND_WAF_ASSOCIATION:
		case TFS_KIND_LOG_GROUP:
		case TFS_KIND_ALARM:
		case TFS_KIND_DASHBOARD:
		case TFS_KIND_SNS_TOPIC:
		case TFS_KIND_SECRET:
		case TFS_KIND_KMS_KEY:
		case TFS_KIND_ECR_REPOSITORY:
		case TFS_KIND_AUTOSCALING_TARGET:
		case TFS_KIND_AUTOSCALING_POLICY:
		case TFS_KIND_ELASTICACHE:
		case TFS_KIND_EC2_INSTANCE:
		case TFS_KIND_VPC_ENDPOINT:
		case TFS_KIND_IAM:
		case TFS_KIND_API_AUTHORIZER:
		case TFS_KIND_COGNITO_IDENTITY_POOL:
		case TFS_KIND_EXTERNAL:
			break;
		}
	}
}

/* ---- API Gateway ------------------------------------------------------------ */

static size_t S_api(tfs_builder *b, const json_t *a, const char **attr,
                    const char **id)
{
	*attr = "api_id";
	if (!(*id = tfs_attr_str(a, "api_id"))) {
		*attr = "rest_api_id";
		*id = tfs_attr_str(a, "rest_api_id");
	}
	return tfs_b_find_or_external(b, TFS_KIND_API, *id);
}

/* What an integration reaches: a function, a load balancer's listener, a
 * VPC link, or a URL outside. */
static void S_integration_target(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	const char *attr = S_is(b->m, n, "aws_api_gateway_integration")
	                           ? "uri"
	                           : "integration_uri";
	const char *uri = tfs_attr_str(a, attr), *conn;
	size_t to = S_function(b, uri);

	if (to == TFS_NONE)
		to = tfs_b_find(b, TFS_KIND_LISTENER, uri);
	if (to == TFS_NONE)
		to = tfs_b_find(b, TFS_KIND_LOAD_BALANCER, uri);
	if (to == TFS_NONE && uri && (strstr(uri, ":function:") ||
	                              strstr(uri, "://")))
		to = tfs_b_find_or_external(b, strstr(uri, "://") ? TFS_KIND_GENERIC
		                                                  : TFS_KIND_LAMBDA,
		                            S_function_of(b, uri));
	if (to != TFS_NONE)
		tfs_b_edge(b, n, to, TFS_EDGE_INTEGRATION, n, attr, uri, NULL);
	if ((conn = tfs_attr_str(a, "connection_id")) != NULL)
		tfs_b_edge(b, n, tfs_b_find_or_external(b, TFS_KIND_GENERIC, conn),
		           TFS_EDGE_INTEGRATION, n, "connection_id", conn, NULL);
}

static void S_route(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	const char *attr, *id, *target = tfs_attr_str(a, "target");
	size_t api, integ = TFS_NONE;

	attr = id = NULL;
	api = S_api(b, a, &attr, &id);

	tfs_b_edge(b, api, n, TFS_EDGE_PART, n, attr, id, NULL);
	if (target && strncmp(target, "integrations/", 13) == 0) {
		integ = tfs_b_find(b, TFS_KIND_API_INTEGRATION, target + 13);
		if (integ != TFS_NONE)
			tfs_b_edge(b, n, integ, TFS_EDGE_API_INTEGRATION, n, "target",
			           target, NULL);
	} else if (S_is(b->m, n, "aws_api_gateway_method")) {
		const char *key = S_key3(b, a, "rest_api_id", "resource_id",
		                         "http_method");
		integ = tfs_b_find(b, TFS_KIND_API_INTEGRATION, key);
		if (integ != TFS_NONE)
			tfs_b_edge_raw(b, n, integ, TFS_EDGE_API_INTEGRATION,
			               tfs_arena_strfmt(&b->m->arena,
			                                "%s: the same rest_api_id, "
			                                "resource_id and http_method",
			                                b->m->nodes[integ].address),
			               NULL);
	}
}

static void S_authorizer(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n), *jwt;
	const char *attr, *id, *s;
	size_t api = S_api(b, a, &attr, &id), to, i;

	tfs_b_edge(b, api, n, TFS_EDGE_PART, n, attr, id, NULL);
	/* a JWT issuer of a Cognito pool: https://cognito-idp.REGION.amazonaws.com/POOL */
	jwt = tfs_attr_block(a, "jwt_configuration");
	if ((s = tfs_attr_str(jwt, "issuer")) != NULL) {
		const char *host = strstr(s, "://");
		const char *pool = strrchr(s, '/');
		to = host ? tfs_b_find(b, TFS_KIND_COGNITO_USER_POOL, host + 3)
		          : TFS_NONE;
		if (to == TFS_NONE && pool && strstr(s, "cognito-idp."))
			to = tfs_b_find_or_external(b, TFS_KIND_COGNITO_USER_POOL,
			                            pool + 1);
		if (to != TFS_NONE)
			tfs_b_edge(b, n, to, TFS_EDGE_AUTHORIZER, n,
			           "jwt_configuration[0].issuer", s, NULL);
	}
	tfs_attr_foreach_str(a, "provider_arns", i, s)
		tfs_b_edge(b, n,
		           tfs_b_find_or_external(b, TFS_KIND_COGNITO_USER_POOL, s),
		           TFS_EDGE_AUTHORIZER, n,
		           tfs_arena_strfmt(&b->m->arena, "provider_arns[%zu]", i), s,
		           NULL);
	if ((s = tfs_attr_str(a, "authorizer_uri")) != NULL &&
	    (to = S_function(b, s)) != TFS_NONE)
		tfs_b_edge(b, n, to, TFS_EDGE_AUTHORIZER, n, "authorizer_uri", s,
		           NULL);
}

static void S_stage(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	const char *attr, *id, *dest;
	size_t api = S_api(b, a, &attr, &id);

	tfs_b_edge(b, api, n, TFS_EDGE_PART, n, attr, id, NULL);
	dest = tfs_attr_str(tfs_attr_block(a, "access_log_settings"),
	                    "destination_arn");
	if (dest)
		tfs_b_edge(b, n, tfs_b_find_or_external(b, TFS_KIND_LOG_GROUP, dest),
		           TFS_EDGE_LOGS, n, "access_log_settings[0].destination_arn",
		           dest, NULL);
}

/* aws_apigatewayv2_api_mapping, aws_api_gateway_base_path_mapping */
static void S_mapping(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	const char *dn = tfs_attr_str(a, "domain_name"), *attr, *id;
	size_t domain = tfs_b_find_or_external(b, TFS_KIND_API_DOMAIN, dn);
	size_t api = S_api(b, a, &attr, &id);

	tfs_b_edge(b, domain, api, TFS_EDGE_API_MAPPING, n, attr, id, NULL);
}

/* ---- what triggers a function ------------------------------------------------- */

/* A queue, a table's stream, a topic, a function: by ARN or URL. */
static size_t S_endpoint(tfs_builder *b, const char *v, bool external)
{
	static const tfs_kind KINDS[] = {
		TFS_KIND_LAMBDA, TFS_KIND_SQS_QUEUE, TFS_KIND_SNS_TOPIC,
		TFS_KIND_DYNAMODB_TABLE, TFS_KIND_EVENT_RULE, TFS_KIND_S3_BUCKET,
		TFS_KIND_ECS_CLUSTER, TFS_KIND_LOG_GROUP,
	};
	size_t i, n;

	if (!v)
		return TFS_NONE;
	if ((n = S_function(b, v)) != TFS_NONE)
		return n;
	for (i = 1; i < sizeof(KINDS) / sizeof(*KINDS); i++)
		if ((n = tfs_b_find(b, KINDS[i], v)) != TFS_NONE)
			return n;
	if ((n = tfs_b_find(b, TFS_KIND_GENERIC, v)) != TFS_NONE)
		return n;
	return external ? tfs_b_find_or_external(
		                  b, strstr(v, ":sqs:")      ? TFS_KIND_SQS_QUEUE
		                     : strstr(v, ":sns:")    ? TFS_KIND_SNS_TOPIC
		                     : strstr(v, ":lambda:") ? TFS_KIND_LAMBDA
		                                             : TFS_KIND_GENERIC,
		                  v)
	                : TFS_NONE;
}

static void S_event_source_mapping(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	const char *src = tfs_attr_str(a, "event_source_arn");
	const char *fn = tfs_attr_str(a, "function_arn");
	const char *dest;
	size_t f = S_function(b, fn ? fn : tfs_attr_str(a, "function_name"));

	if (f == TFS_NONE)
		f = S_endpoint(b, tfs_attr_str(a, "function_name"), true);
	if (src)
		tfs_b_edge(b, S_endpoint(b, src, true), f, TFS_EDGE_EVENT_SOURCE, n,
		           "event_source_arn", src, NULL);
	dest = tfs_attr_str(
		tfs_attr_block(tfs_attr_block(a, "destination_config"), "on_failure"),
		"destination_arn");
	if (dest)
		tfs_b_edge(b, f, S_endpoint(b, dest, true), TFS_EDGE_ON_FAILURE, n,
		           "destination_config[0].on_failure[0].destination_arn", dest,
		           NULL);
}

static void S_subscription(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	const char *topic = tfs_attr_str(a, "topic_arn");
	const char *proto = tfs_attr_str(a, "protocol");
	const char *ep = tfs_attr_str(a, "endpoint");
	size_t t = tfs_b_find_or_external(b, TFS_KIND_SNS_TOPIC, topic), to;

	/* an email address or a phone number is not a node */
	if (!proto || !ep || (strcmp(proto, "lambda") != 0 &&
	                      strcmp(proto, "sqs") != 0 &&
	                      strcmp(proto, "firehose") != 0 &&
	                      strncmp(proto, "http", 4) != 0))
		return;
	to = S_endpoint(b, ep, true);
	tfs_b_edge(b, t, to, TFS_EDGE_SUBSCRIPTION, n, "endpoint", ep, proto);
}

static void S_event_target(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	const char *rule = tfs_attr_str(a, "rule"), *arn = tfs_attr_str(a, "arn");
	const char *dlq = tfs_attr_str(tfs_attr_block(a, "dead_letter_config"), "arn");
	size_t r = tfs_b_find_or_external(b, TFS_KIND_EVENT_RULE, rule);

	if (arn)
		tfs_b_edge(b, r, S_endpoint(b, arn, true), TFS_EDGE_EVENT_TARGET, n,
		           "arn", arn, NULL);
	if (dlq)
		tfs_b_edge(b, r, S_endpoint(b, dlq, true), TFS_EDGE_ON_FAILURE, n,
		           "dead_letter_config[0].arn", dlq, NULL);
}

static void S_bucket_notification(tfs_builder *b, size_t n)
{
	static const struct {
		const char *block, *key;
	} TARGETS[] = {
		{"lambda_function", "lambda_function_arn"},
		{"queue", "queue_arn"},
		{"topic", "topic_arn"},
	};
	json_t *a = tfs_node_attrs(b->m, n), *blk;
	size_t bucket = tfs_b_find_or_external(b, TFS_KIND_S3_BUCKET,
	                                       tfs_attr_str(a, "bucket"));
	size_t t, i;

	for (t = 0; t < sizeof(TARGETS) / sizeof(*TARGETS); t++)
		json_array_foreach(json_object_get(a, TARGETS[t].block), i, blk) {
			const char *v = tfs_attr_str(blk, TARGETS[t].key);
			if (v)
				tfs_b_edge(b, bucket, S_endpoint(b, v, true),
				           TFS_EDGE_BUCKET_NOTIFICATION, n,
				           tfs_arena_strfmt(&b->m->arena, "%s[%zu].%s",
				                            TARGETS[t].block, i,
				                            TARGETS[t].key),
				           v, NULL);
		}
}

/* ---- a function's own: failures, logs ---------------------------------------- */

static void S_function_edges(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	const char *dlq = tfs_attr_str(tfs_attr_block(a, "dead_letter_config"),
	                               "target_arn");
	const char *group = tfs_attr_str(tfs_attr_block(a, "logging_config"),
	                                 "log_group");
	const char *name = tfs_attr_str(a, "function_name");
	size_t lg;

	if (dlq)
		tfs_b_edge(b, n, S_endpoint(b, dlq, true), TFS_EDGE_ON_FAILURE, n,
		           "dead_letter_config[0].target_arn", dlq, NULL);
	if (group) {
		tfs_b_edge(b, n, tfs_b_find_or_external(b, TFS_KIND_LOG_GROUP, group),
		           TFS_EDGE_LOGS, n, "logging_config[0].log_group", group, NULL);
	} else if (name &&
	           (lg = tfs_b_find(b, TFS_KIND_LOG_GROUP,
	                            tfs_arena_strfmt(&b->m->arena, "/aws/lambda/%s",
	                                             name))) != TFS_NONE) {
		/* Lambda writes to /aws/lambda/NAME unless told otherwise */
		tfs_b_edge_raw(b, n, lg, TFS_EDGE_LOGS,
		               tfs_arena_strfmt(&b->m->arena,
		                                "%s: /aws/lambda/%s, the function's "
		                                "default log group",
		                                b->m->nodes[lg].address, name),
		               NULL);
	}
}

static void S_invoke_config(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	json_t *dc = tfs_attr_block(a, "destination_config");
	const char *dest = tfs_attr_str(tfs_attr_block(dc, "on_failure"),
	                                "destination");
	size_t f = S_function(b, tfs_attr_str(a, "function_name"));

	if (dest && f != TFS_NONE)
		tfs_b_edge(b, f, S_endpoint(b, dest, true), TFS_EDGE_ON_FAILURE, n,
		           "destination_config[0].on_failure[0].destination", dest,
		           NULL);
}

/* redrive_policy: {"deadLetterTargetArn": "...", "maxReceiveCount": 4} */
static void S_redrive(tfs_builder *b, size_t n, size_t queue)
{
	const char *text = tfs_attr_str(tfs_node_attrs(b->m, n), "redrive_policy");
	json_t *doc = text ? json_loads(text, 0, NULL) : NULL;
	const char *dlq = tfs_attr_str(doc, "deadLetterTargetArn");

	if (dlq && queue != TFS_NONE)
		tfs_b_edge(b, queue, S_endpoint(b, dlq, true), TFS_EDGE_ON_FAILURE, n,
		           "redrive_policy.deadLetterTargetArn", dlq, NULL);
	json_decref(doc);
}

/* ---- Cognito ----------------------------------------------------------------- */

static void S_user_pool(tfs_builder *b, size_t n)
{
	json_t *lc = tfs_attr_block(tfs_node_attrs(b->m, n), "lambda_config");
	const char *key;
	json_t *v;

	/* pre_sign_up, post_confirmation, pre_token_generation, ... */
	json_object_foreach(lc, key, v) {
		const char *fn = json_string_value(v);
		size_t f;
		if (!fn || !*fn || (f = S_endpoint(b, fn, true)) == TFS_NONE)
			continue;
		tfs_b_edge(b, n, f, TFS_EDGE_COGNITO_TRIGGER, n,
		           tfs_arena_strfmt(&b->m->arena, "lambda_config[0].%s", key),
		           fn, key);
	}
}

static void S_pool_part(tfs_builder *b, size_t n)
{
	const char *id = tfs_attr_str(tfs_node_attrs(b->m, n), "user_pool_id");
	if (id)
		tfs_b_edge(b, tfs_b_find_or_external(b, TFS_KIND_COGNITO_USER_POOL, id),
		           n, TFS_EDGE_PART, n, "user_pool_id", id, NULL);
}

static void S_identity_roles(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	const char *id = tfs_attr_str(a, "identity_pool_id"), *key;
	size_t pool = tfs_b_find_or_external(b, TFS_KIND_COGNITO_IDENTITY_POOL, id);
	json_t *v;

	json_object_foreach(json_object_get(a, "roles"), key, v) {
		const char *arn = json_string_value(v);
		if (arn)
			tfs_b_edge(b, pool, tfs_b_find_or_external(b, TFS_KIND_IAM, arn),
			           TFS_EDGE_IDENTITY_ROLE, n,
			           tfs_arena_strfmt(&b->m->arena, "roles.%s", key), arn,
			           key);
	}
}

/* ---- what a function's role lets it reach -------------------------------------- */

typedef struct {
	const char *arn;
	size_t node;
} S_arn;

typedef struct {
	const char *arn;
	size_t node;
	int rank; /* 0: a typed resource; 1: a generic one (ties: node order) */
} S_arn_row;

static int S_arn_row_cmp(const void *pa, const void *pb)
{
	const S_arn_row *a = pa, *b = pb;
	int c = strcmp(a->arn, b->arn);
	if (c)
		return c;
	if (a->rank != b->rank)
		return a->rank - b->rank;
	return a->node < b->node ? -1 : a->node > b->node;
}

/* Types whose `arn` attribute is another resource's: an event target's is
 * its target, a secret version's its secret, a topic policy's its topic. */
static bool S_echoes_arn(const char *type)
{
	static const char *const ECHO[] = {
		"aws_cloudwatch_event_target",
		"aws_secretsmanager_secret_version",
		"aws_sns_topic_policy",
	};
	for (size_t i = 0; i < sizeof(ECHO) / sizeof(*ECHO); i++)
		if (strcmp(type, ECHO[i]) == 0)
			return true;
	return false;
}

typedef struct {
	S_arn *arns; /* every resource's ARN, sorted */
	size_t narns;
	tfs_map roles;          /* role name -> first policy source + 1 */
	size_t *next;           /* per node: the next policy of the role */
} S_grants;

/* The nodes a Resource names: exact, or a wildcard (a table's "index/" or
 * "stream/" parts, a secret's name prefix) over the ARNs that share its
 * fixed prefix. */
static void S_resources(const S_grants *g, const char *pattern, size_t *out,
                        size_t *nout, size_t cap)
{
	const char *star = strchr(pattern, '*');
	size_t plen = star ? (size_t)(star - pattern) : strlen(pattern);
	size_t fixed = plen, lo = 0, hi = g->narns;

	/* a bare "*", or a wildcard before the resource part, grants too
	 * much to draw: the least-privilege check says so */
	if (plen < 20 || strncmp(pattern, "arn:", 4) != 0)
		return;
	if (star && pattern[plen - 1] == '/')
		fixed--; /* a trailing "/" wildcard covers the ARN before it */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strncmp(g->arns[mid].arn, pattern, fixed) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < g->narns && *nout < cap &&
	       strncmp(g->arns[lo].arn, pattern, fixed) == 0;
	     lo++) {
		const char *arn = g->arns[lo].arn;
		if (star ? tfs_glob(pattern, arn) || strlen(arn) == fixed
		         : strcmp(arn, pattern) == 0)
			out[(*nout)++] = g->arns[lo].node;
	}
}

static const char *S_actions(tfs_builder *b, const json_t *st, size_t *n)
{
	const json_t *act = json_object_get(st, "Action");
	tfs_buf t;
	const char *s;
	size_t i;

	*n = 0;
	tfs_buf_init(&t);
	if (json_is_string(act)) {
		tfs_buf_adds(&t, json_string_value(act));
		*n = 1;
	}
	for (i = 0; i < json_array_size(act); i++)
		if ((s = json_string_value(json_array_get(act, i))) != NULL) {
			if ((*n)++ < 3)
				tfs_buf_addf(&t, "%s%s", t.len ? ", " : "", s);
		}
	if (*n > 3)
		tfs_buf_addf(&t, " and %zu more", *n - 3);
	s = tfs_arena_strndup(&b->m->arena, t.data, t.len);
	tfs_buf_release(&t);
	return s;
}

/* One policy document (a JSON string) granting to function fn. */
static void S_policy(tfs_builder *b, const S_grants *g, size_t fn, size_t src,
                     const char *attr, const char *text)
{
	json_t *doc = text ? json_loads(text, 0, NULL) : NULL;
	json_t *sts = json_object_get(doc, "Statement"), *st;
	size_t i, k, r;

	if (json_is_object(sts)) {
		json_t *one = json_array();
		json_array_append(one, sts);
		json_object_set_new(doc, "Statement", one);
		sts = one;
	}
	json_array_foreach(sts, i, st) {
		const json_t *res = json_object_get(st, "Resource");
		const char *eff = tfs_attr_str(st, "Effect"), *acts;
		size_t nacts, hits[16], nhits = 0;

		if (!eff || strcmp(eff, "Allow") != 0)
			continue;
		acts = S_actions(b, st, &nacts);
		if (json_is_string(res))
			S_resources(g, json_string_value(res), hits, &nhits, 16);
		for (k = 0; k < json_array_size(res); k++)
			if (json_is_string(json_array_get(res, k)))
				S_resources(g, json_string_value(json_array_get(res, k)),
				            hits, &nhits, 16);
		for (r = 0; r < nhits; r++)
			tfs_b_edge_raw(
				b, fn, hits[r], TFS_EDGE_MAY_ACCESS,
				tfs_arena_strfmt(&b->m->arena,
				                 "%s.%s Statement[%zu] allows %s on %s",
				                 b->m->nodes[src].address, attr, i, acts,
				                 b->m->nodes[hits[r]].address),
				"may access");
	}
	json_decref(doc);
}

static void S_grants_build(tfs_builder *b, S_grants *g)
{
	tfs_model *m = b->m;
	size_t i, cap = 0;

	memset(g, 0, sizeof(*g));
	tfs_map_init(&g->roles);
	g->next = xmalloc(tfs_mul_size(m->nresources + 1, sizeof(*g->next)));
	S_arn_row *rows = NULL;
	size_t nrows = 0, j;

	for (i = 0; i < m->nresources; i++) {
		const char *arn = tfs_attr_str(tfs_node_attrs(m, i), "arn");
		const char *role = NULL;
		g->next[i] = 0;
		if (arn && !S_echoes_arn(S_type(m, i))) {
			tfs_grow(&rows, &cap, nrows + 1, sizeof(*rows));
			rows[nrows].arn = arn;
			rows[nrows].node = i;
			rows[nrows].rank = m->nodes[i].kind == TFS_KIND_GENERIC;
			nrows++;
		}
		if (S_is(m, i, "aws_iam_role_policy") ||
		    S_is(m, i, "aws_iam_role_policy_attachment"))
			role = tfs_attr_str(tfs_node_attrs(m, i), "role");
		if (role) {
			size_t head = 0;
			tfs_map_get(&g->roles, role, &head);
			g->next[i] = head;
			tfs_map_put(&g->roles, role, i + 1);
		}
	}
	/* one node per ARN: the resource itself before anything else that
	 * happens to record the same ARN */
	tfs_sort(rows, nrows, sizeof(*rows), S_arn_row_cmp);
	g->arns = xmalloc(tfs_mul_size(nrows + 1, sizeof(*g->arns)));
	for (i = 0; i < nrows; i = j) {
		g->arns[g->narns].arn = rows[i].arn;
		g->arns[g->narns].node = rows[i].node;
		g->narns++;
		for (j = i + 1; j < nrows && strcmp(rows[j].arn, rows[i].arn) == 0;)
			j++;
	}
	free(rows);
}

static void S_may_access(tfs_builder *b, const S_grants *g, size_t fn)
{
	tfs_model *m = b->m;
	const char *role_arn = tfs_attr_str(tfs_node_attrs(m, fn), "role");
	size_t role = tfs_b_find(b, TFS_KIND_IAM, role_arn), p, i;
	const char *name;
	json_t *blk;

	if (role == TFS_NONE || role >= m->nresources)
		return;
	name = tfs_attr_str(tfs_node_attrs(m, role), "name");
	json_array_foreach(json_object_get(tfs_node_attrs(m, role), "inline_policy"),
	                   i, blk)
		S_policy(b, g, fn, role,
		         tfs_arena_strfmt(&m->arena, "inline_policy[%zu].policy", i),
		         tfs_attr_str(blk, "policy"));
	if (!name || !tfs_map_get(&g->roles, name, &p))
		return;
	for (; p; p = g->next[p - 1]) {
		size_t src = p - 1;
		json_t *a = tfs_node_attrs(m, src);
		if (S_is(m, src, "aws_iam_role_policy")) {
			S_policy(b, g, fn, src, "policy", tfs_attr_str(a, "policy"));
		} else {
			size_t pol = tfs_b_find(b, TFS_KIND_IAM,
			                        tfs_attr_str(a, "policy_arn"));
			if (pol != TFS_NONE && pol < m->nresources)
				S_policy(b, g, fn, pol, "policy",
				         tfs_attr_str(tfs_node_attrs(m, pol), "policy"));
		}
	}
}

/* ---- parts -------------------------------------------------------------------- */

/* A function's alias, URL, provisioned concurrency or invoke config. */
static void S_function_part(tfs_builder *b, size_t n)
{
	const char *fn = tfs_attr_str(tfs_node_attrs(b->m, n), "function_name");
	tfs_b_edge(b, S_function(b, fn), n, TFS_EDGE_PART, n, "function_name", fn,
	           NULL);
}

/* A rule of a custom bus (the default bus is no resource of the state). */
static void S_bus_rule(tfs_builder *b, size_t n)
{
	const char *bus = tfs_attr_str(tfs_node_attrs(b->m, n), "event_bus_name");
	size_t at;

	if (!bus || strcmp(bus, "default") == 0)
		return;
	at = tfs_b_find(b, TFS_KIND_GENERIC, bus);
	if (at != TFS_NONE && at < b->m->nresources &&
	    S_is(b->m, at, "aws_cloudwatch_event_bus"))
		tfs_b_edge(b, at, n, TFS_EDGE_PART, n, "event_bus_name", bus, NULL);
}

/* ---- all of it --------------------------------------------------------------- */

void tfs_build_serverless(tfs_builder *b)
{
	tfs_model *m = b->m;
	S_grants g;
	size_t i;
	bool any_function = false;

	for (i = 0; i < m->nresources; i++) {
		const char *type = S_type(m, i);
		tfs_kind k = m->nodes[i].kind;

		if (k == TFS_KIND_API_ROUTE) {
			S_route(b, i);
		} else if (k == TFS_KIND_API_INTEGRATION) {
			S_integration_target(b, i);
			if (!S_is(m, i, "aws_api_gateway_integration")) {
				const char *attr = NULL, *id = NULL;
				size_t api = S_api(b, tfs_node_attrs(m, i), &attr, &id);
				tfs_b_edge(b, api, i, TFS_EDGE_PART, i, attr, id, NULL);
			}
		} else if (k == TFS_KIND_API_AUTHORIZER) {
			S_authorizer(b, i);
		} else if (k == TFS_KIND_API_STAGE) {
			S_stage(b, i);
		} else if (k == TFS_KIND_LAMBDA) {
			S_function_edges(b, i);
			any_function = true;
		} else if (k == TFS_KIND_SQS_QUEUE) {
			S_redrive(b, i, i);
		} else if (k == TFS_KIND_COGNITO_USER_POOL) {
			S_user_pool(b, i);
		} else if (k == TFS_KIND_EVENT_RULE) {
			S_bus_rule(b, i);
		} else if (strcmp(type, "aws_lambda_alias") == 0 ||
		           strcmp(type, "aws_lambda_function_url") == 0 ||
		           strcmp(type, "aws_lambda_provisioned_concurrency_config") ==
		                   0) {
			S_function_part(b, i);
		} else if (strcmp(type, "aws_apigatewayv2_api_mapping") == 0 ||
		           strcmp(type, "aws_api_gateway_base_path_mapping") == 0) {
			S_mapping(b, i);
		} else if (strcmp(type, "aws_lambda_event_source_mapping") == 0) {
			S_event_source_mapping(b, i);
		} else if (strcmp(type, "aws_sns_topic_subscription") == 0) {
			S_subscription(b, i);
		} else if (strcmp(type, "aws_cloudwatch_event_target") == 0) {
			S_event_target(b, i);
		} else if (strcmp(type, "aws_s3_bucket_notification") == 0) {
			S_bucket_notification(b, i);
		} else if (strcmp(type, "aws_lambda_function_event_invoke_config") == 0) {
			S_function_part(b, i);
			S_invoke_config(b, i);
		} else if (strcmp(type, "aws_sqs_queue_redrive_policy") == 0) {
			S_redrive(b, i,
			          tfs_b_find(b, TFS_KIND_SQS_QUEUE,
			                     tfs_attr_str(tfs_node_attrs(m, i),
			                                  "queue_url")));
		} else if (strcmp(type, "aws_cognito_user_pool_client") == 0 ||
		           strcmp(type, "aws_cognito_user_pool_domain") == 0) {
			S_pool_part(b, i);
		} else if (strcmp(type,
		                  "aws_cognito_identity_pool_roles_attachment") == 0) {
			S_identity_roles(b, i);
		}
	}
	if (!any_function)
		return;
	S_grants_build(b, &g);
	for (i = 0; i < m->nresources; i++)
		if (m->nodes[i].kind == TFS_KIND_LAMBDA)
			S_may_access(b, &g, i);
	free(g.arns);
	free(g.next);
	tfs_map_release(&g.roles);
}
