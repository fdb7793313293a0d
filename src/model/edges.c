/*
 * edges.c - how traffic and references flow, each edge with the attribute
 * that proves it.  Every join is a hash lookup by value (ARN, ID, name, DNS
 * name); a value the state does not hold becomes an external node.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"

/* "dualstack.Name-1.sa-east-1.elb.amazonaws.com." -> "name-1.sa-east-..." */
static const char *S_dns(tfs_builder *b, const char *s)
{
	char *out, *p;
	size_t n;

	if (!s)
		return NULL;
	if (strncmp(s, "dualstack.", 10) == 0)
		s += 10;
	n = strlen(s);
	if (n && s[n - 1] == '.')
		n--;
	out = tfs_arena_strndup(&b->m->arena, s, n);
	for (p = out; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

/* DNS names are matched in lower case: index them so. */
static void S_index_dns(tfs_builder *b)
{
	tfs_model *m = b->m;
	for (size_t i = 0; i < m->nresources; i++) {
		json_t *a = tfs_node_attrs(m, i);
		tfs_kind k = m->nodes[i].kind;
		if (k == TFS_KIND_LOAD_BALANCER) {
			tfs_b_index(b, k, S_dns(b, tfs_attr_str(a, "dns_name")), i);
		} else if (k == TFS_KIND_CLOUDFRONT) {
			tfs_b_index(b, k, S_dns(b, tfs_attr_str(a, "domain_name")), i);
		} else if (k == TFS_KIND_S3_BUCKET) {
			tfs_b_index(b, k,
			            S_dns(b, tfs_attr_str(a, "bucket_regional_domain_name")),
			            i);
			tfs_b_index(b, k, S_dns(b, tfs_attr_str(a, "bucket_domain_name")),
			            i);
		} else if (k == TFS_KIND_API_DOMAIN) {
			/* what a Route 53 alias to a custom domain names */
			tfs_b_index(b, k,
			            S_dns(b, tfs_attr_str(tfs_attr_block(
			                                      a, "domain_name_configuration"),
			                                  "target_domain_name")),
			            i);
			tfs_b_index(b, k, S_dns(b, tfs_attr_str(a, "regional_domain_name")),
			            i);
			tfs_b_index(b, k,
			            S_dns(b, tfs_attr_str(a, "cloudfront_domain_name")), i);
		}
	}
}

static size_t S_first(tfs_builder *b, const char *value, const tfs_kind *kinds,
                      size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t f = tfs_b_find(b, kinds[i], value);
		if (f != TFS_NONE)
			return f;
	}
	return TFS_NONE;
}

/* ---- DNS and CDN ------------------------------------------------------------ */

static void S_dns_alias(tfs_builder *b, size_t n)
{
	static const tfs_kind TARGETS[] = {TFS_KIND_CLOUDFRONT,
	                                   TFS_KIND_LOAD_BALANCER,
	                                   TFS_KIND_S3_BUCKET, TFS_KIND_API_DOMAIN,
	                                   TFS_KIND_LAMBDA};
	json_t *blk;
	size_t i;

	json_array_foreach(json_object_get(tfs_node_attrs(b->m, n), "alias"), i,
	                   blk) {
		const char *raw = tfs_attr_str(blk, "name");
		const char *name = S_dns(b, raw);
		size_t to;
		if (!name)
			continue;
		to = S_first(b, name, TARGETS, sizeof(TARGETS) / sizeof(*TARGETS));
		if (to == TFS_NONE)
			to = tfs_b_find_or_external(b, TFS_KIND_GENERIC, name);
		tfs_b_edge(b, n, to, TFS_EDGE_DNS_ALIAS, n,
		           tfs_arena_strfmt(&b->m->arena, "alias[%zu].name", i), raw,
		           NULL);
	}
}

static void S_cdn_origins(tfs_builder *b, size_t n)
{
	static const tfs_kind TARGETS[] = {TFS_KIND_S3_BUCKET,
	                                   TFS_KIND_LOAD_BALANCER};
	json_t *a = tfs_node_attrs(b->m, n), *blk;
	const char *acl = tfs_attr_str(a, "web_acl_id");
	size_t i;

	json_array_foreach(json_object_get(a, "origin"), i, blk) {
		const char *raw = tfs_attr_str(blk, "domain_name");
		const char *name = S_dns(b, raw);
		size_t to;
		if (!name)
			continue;
		to = S_first(b, name, TARGETS, 2);
		if (to == TFS_NONE)
			to = tfs_b_find_or_external(b, TFS_KIND_GENERIC, name);
		tfs_b_edge(b, n, to, TFS_EDGE_CDN_ORIGIN, n,
		           tfs_arena_strfmt(&b->m->arena, "origin[%zu].domain_name", i),
		           raw, NULL);
	}
	if (acl)
		tfs_b_edge(b, tfs_b_find_or_external(b, TFS_KIND_WAF_ACL, acl), n,
		           TFS_EDGE_WAF, n, "web_acl_id", acl, NULL);
}

/* ---- load balancing ---------------------------------------------------------- */

/* target_group_arn and forward { target_group { arn } } of one action. */
static void S_action_targets(tfs_builder *b, size_t listener, size_t src,
                             const json_t *action, const char *path)
{
	const char *tg = tfs_attr_str(action, "target_group_arn");
	json_t *fwd, *t;
	size_t i, j;

	if (tg)
		tfs_b_edge(b, listener,
		           tfs_b_find_or_external(b, TFS_KIND_TARGET_GROUP, tg),
		           TFS_EDGE_LISTENER_TARGET, src,
		           tfs_arena_strfmt(&b->m->arena, "%s.target_group_arn", path),
		           tg, NULL);
	json_array_foreach(json_object_get(action, "forward"), i, fwd)
		json_array_foreach(json_object_get(fwd, "target_group"), j, t) {
			const char *arn = tfs_attr_str(t, "arn");
			if (!arn || (tg && strcmp(arn, tg) == 0))
				continue;
			tfs_b_edge(b, listener,
			           tfs_b_find_or_external(b, TFS_KIND_TARGET_GROUP, arn),
			           TFS_EDGE_LISTENER_TARGET, src,
			           tfs_arena_strfmt(&b->m->arena,
			                            "%s.forward[%zu].target_group[%zu].arn",
			                            path, i, j),
			           arn, NULL);
		}
}

static void S_listener(tfs_builder *b, size_t n, bool is_rule)
{
	json_t *a = tfs_node_attrs(b->m, n), *act;
	const char *key = is_rule ? "action" : "default_action";
	size_t listener = n, i;

	if (is_rule) {
		const char *arn = tfs_attr_str(a, "listener_arn");
		listener = tfs_b_find_or_external(b, TFS_KIND_LISTENER, arn);
		if (listener == TFS_NONE)
			return;
	} else {
		const char *lb = tfs_attr_str(a, "load_balancer_arn");
		if (lb)
			tfs_b_edge(b, tfs_b_find_or_external(b, TFS_KIND_LOAD_BALANCER, lb),
			           n, TFS_EDGE_LB_LISTENER, n, "load_balancer_arn", lb,
			           NULL);
	}
	json_array_foreach(json_object_get(a, key), i, act)
		S_action_targets(b, listener, n, act,
		                 tfs_arena_strfmt(&b->m->arena, "%s[%zu]", key, i));
}

/* ---- ECS ----------------------------------------------------------------------- */

/* "acct.dkr.ecr.region.amazonaws.com/repo:tag" -> ".../repo" */
static const char *S_image_repo(tfs_builder *b, const char *image)
{
	const char *slash = strchr(image, '/'), *end;
	if (!slash || !strstr(image, ".dkr.ecr."))
		return NULL;
	end = strchr(image, '@');
	if (!end)
		end = strchr(slash, ':');
	if (!end)
		end = image + strlen(image);
	return tfs_arena_strndup(&b->m->arena, image, (size_t)(end - image));
}

/* A Secrets Manager ARN with its ":json-key:stage:version" suffix removed. */
static const char *S_secret_arn(tfs_builder *b, const char *v)
{
	const char *p = v;
	int colons = 0;
	if (strncmp(v, "arn:", 4) != 0)
		return v; /* a name */
	for (; *p; p++)
		if (*p == ':' && ++colons == 7)
			break;
	return tfs_arena_strndup(&b->m->arena, v, (size_t)(p - v));
}

/* The node a container definition names: found, or (from a document the
 * input marks sensitive, whose values nothing may show) only found. */
static size_t S_named(tfs_builder *b, tfs_kind kind, const char *value,
                      bool sealed)
{
	return sealed ? tfs_b_find(b, kind, value)
	              : tfs_b_find_or_external(b, kind, value);
}

static void S_container(tfs_builder *b, size_t svc, size_t td, json_t *c,
                        size_t ci, bool sealed)
{
	tfs_arena *ar = &b->m->arena;
	const char *image = tfs_attr_str(c, "image"), *repo, *group;
	json_t *sec;
	size_t i;

	if (image && (repo = S_image_repo(b, image)))
		tfs_b_edge(b, svc, S_named(b, TFS_KIND_ECR_REPOSITORY, repo, sealed),
		           TFS_EDGE_IMAGE, td,
		           tfs_arena_strfmt(ar, "container_definitions[%zu].image", ci),
		           sealed ? TFS_REDACTED : image, NULL);
	json_array_foreach(json_object_get(c, "secrets"), i, sec) {
		const char *from = tfs_attr_str(sec, "valueFrom");
		const char *arn;
		if (!from || strstr(from, ":ssm:"))
			continue;
		arn = S_secret_arn(b, from);
		tfs_b_edge(b, svc, S_named(b, TFS_KIND_SECRET, arn, sealed),
		           TFS_EDGE_SECRET, td,
		           tfs_arena_strfmt(ar,
		                            "container_definitions[%zu].secrets[%zu]."
		                            "valueFrom",
		                            ci, i),
		           sealed ? TFS_REDACTED : from, NULL);
	}
	group = tfs_attr_str(
		json_object_get(tfs_attr_block(c, "logConfiguration"), "options"),
		"awslogs-group");
	if (!group)
		group = tfs_attr_str(
			json_object_get(json_object_get(c, "logConfiguration"), "options"),
			"awslogs-group");
	if (group)
		tfs_b_edge(b, svc, S_named(b, TFS_KIND_LOG_GROUP, group, sealed),
		           TFS_EDGE_LOGS, td,
		           tfs_arena_strfmt(ar,
		                            "container_definitions[%zu].logConfiguration."
		                            "options.awslogs-group",
		                            ci),
		           sealed ? TFS_REDACTED : group, NULL);
}

static size_t S_task_definition(tfs_builder *b, const char *ref)
{
	const char *p;
	size_t td = tfs_b_find(b, TFS_KIND_ECS_TASK_DEFINITION, ref);
	if (td != TFS_NONE || !ref)
		return td;
	/* arn:...:task-definition/family:rev -> family:rev */
	p = strstr(ref, ":task-definition/");
	if (p)
		td = tfs_b_find(b, TFS_KIND_ECS_TASK_DEFINITION,
		                p + strlen(":task-definition/"));
	return td != TFS_NONE ? td
	                      : tfs_b_find_or_external(b, TFS_KIND_ECS_TASK_DEFINITION,
	                                               ref);
}

static void S_ecs_service(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n), *lb, *defs, *c;
	const char *ref = tfs_attr_str(a, "task_definition");
	size_t i, td;

	json_array_foreach(json_object_get(a, "load_balancer"), i, lb) {
		const char *tg = tfs_attr_str(lb, "target_group_arn");
		long long port;
		char label[32];
		if (!tg)
			continue;
		label[0] = '\0';
		if (tfs_attr_int(lb, "container_port", &port))
			snprintf(label, sizeof(label), "%lld", port);
		tfs_b_edge(b, tfs_b_find_or_external(b, TFS_KIND_TARGET_GROUP, tg), n,
		           TFS_EDGE_TARGET, n,
		           tfs_arena_strfmt(&b->m->arena,
		                            "load_balancer[%zu].target_group_arn", i),
		           tg, label[0] ? label : NULL);
	}
	b->m->nodes[n].cluster =
		tfs_b_find(b, TFS_KIND_ECS_CLUSTER, tfs_attr_str(a, "cluster"));
	td = S_task_definition(b, ref);
	if (td == TFS_NONE || td >= b->m->nresources)
		return;
	b->m->nodes[n].task_definition = td;
	{
		const char *text = tfs_attr_str(tfs_node_attrs(b->m, td),
		                                "container_definitions");
		json_t *sealed = tfs_instance_sealed(b->m->nodes[td].item->inst,
		                                     "container_definitions");
		defs = sealed ? json_incref(sealed)
		              : json_loads(text ? text : "[]", 0, NULL);
		json_array_foreach(defs, i, c)
			if (json_is_object(c))
				S_container(b, n, td, c, i, sealed != NULL);
		json_decref(defs);
	}
}

/* ---- network flows: compute -> data store ------------------------------------- */

typedef struct {
	size_t sg, node;
} S_pair;

static int S_pair_cmp(const void *pa, const void *pb)
{
	const S_pair *a = pa, *b = pb;
	if (a->sg != b->sg)
		return a->sg < b->sg ? -1 : 1;
	return a->node < b->node ? -1 : a->node > b->node;
}

static const json_t *S_sg_list(const tfs_model *m, size_t n, const char **key)
{
	json_t *a = tfs_node_attrs(m, n);
	tfs_kind k = m->nodes[n].kind;

	if (k == TFS_KIND_ECS_SERVICE) {
		*key = "network_configuration[0].security_groups";
		return json_object_get(tfs_attr_block(a, "network_configuration"),
		                       "security_groups");
	}
	if (k == TFS_KIND_LAMBDA) {
		*key = "vpc_config[0].security_group_ids";
		return json_object_get(tfs_attr_block(a, "vpc_config"),
		                       "security_group_ids");
	}
	if (k == TFS_KIND_EC2_INSTANCE || k == TFS_KIND_RDS_INSTANCE ||
	    k == TFS_KIND_RDS_CLUSTER) {
		*key = "vpc_security_group_ids";
		return json_object_get(a, "vpc_security_group_ids");
	}
	if (k == TFS_KIND_ELASTICACHE) {
		*key = "security_group_ids";
		return json_object_get(a, "security_group_ids");
	}
	return NULL;
}

static bool S_is_compute(tfs_kind k)
{
	return k == TFS_KIND_ECS_SERVICE || k == TFS_KIND_LAMBDA ||
	       k == TFS_KIND_EC2_INSTANCE;
}

static long S_db_port(const json_t *a)
{
	long long p;
	const char *engine = tfs_attr_str(a, "engine");
	if (tfs_attr_int(a, "port", &p) && p > 0)
		return (long)p;
	if (!engine)
		return 0;
	if (strstr(engine, "postgres"))
		return 5432;
	if (strstr(engine, "mysql") || strstr(engine, "mariadb"))
		return 3306;
	if (strstr(engine, "redis") || strstr(engine, "valkey"))
		return 6379;
	if (strstr(engine, "memcached"))
		return 11211;
	return 0;
}

/* The rules that let one compute node reach one data store, kept while a
 * data store's edges are gathered: the first few for the evidence, the
 * number of the others. */
enum { S_RULES_SHOWN = 3 };
typedef struct {
	size_t stamp; /* the data store being gathered + 1 */
	size_t nrules;
	size_t rules[S_RULES_SHOWN];
} S_reach;

typedef struct {
	size_t peer_sg, rule;
} S_allow;

static int S_allow_cmp(const void *pa, const void *pb)
{
	const S_allow *a = pa, *b = pb;
	if (a->peer_sg != b->peer_sg)
		return a->peer_sg < b->peer_sg ? -1 : 1;
	return a->rule < b->rule ? -1 : a->rule > b->rule;
}

/* The first (security group, compute node) pair of group sg. */
static size_t S_first_pair(const S_pair *pairs, size_t npairs, size_t sg)
{
	S_pair probe = {sg, 0};
	size_t lo = 0, hi = npairs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (S_pair_cmp(&pairs[mid], &probe) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* One edge from a compute node to a data store, whatever the number of
 * rules and groups that allow it: the evidence names the first rules and
 * counts the rest.  Work and memory grow with the rules and the pairs,
 * never with their product (60 groups x 60 services is 3,600 edges, not
 * 216,000 per database). */
static void S_network(tfs_builder *b)
{
	tfs_model *m = b->m;
	S_pair *pairs = NULL;
	S_allow *allows = NULL;
	S_reach *reach;
	size_t *touched;
	size_t npairs = 0, cap = 0, acap = 0, tcap = 0, i, r;

	/* (security group, compute node) pairs, sorted by group */
	for (i = 0; i < m->nresources; i++) {
		const char *key, *id;
		const json_t *list;
		size_t j;
		if (!S_is_compute(m->nodes[i].kind) ||
		    !(list = S_sg_list(m, i, &key)))
			continue;
		for (j = 0; j < json_array_size(list); j++) {
			size_t sg;
			id = json_string_value(json_array_get(list, j));
			sg = tfs_b_find(b, TFS_KIND_SECURITY_GROUP, id);
			if (sg == TFS_NONE)
				continue;
			tfs_grow(&pairs, &cap, npairs + 1, sizeof(*pairs));
			pairs[npairs].sg = sg;
			pairs[npairs].node = i;
			npairs++;
		}
	}
	tfs_sort(pairs, npairs, sizeof(*pairs), S_pair_cmp);
	reach = xcalloc(m->nresources + 1, sizeof(*reach));
	touched = NULL;

	for (i = 0; i < m->nresources; i++) {
		tfs_kind k = m->nodes[i].kind;
		const char *key;
		const json_t *list;
		long port;
		size_t j, nallows = 0, ntouched = 0, a, t;
		char label[32];

		if (k != TFS_KIND_RDS_INSTANCE && k != TFS_KIND_RDS_CLUSTER &&
		    k != TFS_KIND_ELASTICACHE)
			continue;
		port = S_db_port(tfs_node_attrs(m, i));
		list = S_sg_list(m, i, &key);
		/* the rules of its groups that allow its port from a group */
		for (j = 0; j < json_array_size(list) && port > 0; j++) {
			size_t sg = tfs_b_find(b, TFS_KIND_SECURITY_GROUP,
			                       json_string_value(json_array_get(list, j)));
			if (sg == TFS_NONE)
				continue;
			for (r = tfs_rules_first(m, sg);
			     r < m->nrules && m->rules[r].sg == sg; r++) {
				const tfs_sg_rule *rule = &m->rules[r];
				if (!rule->ingress ||
				    rule->peer_sg == TFS_NONE || rule->from_port > port ||
				    rule->to_port < port ||
				    (strcmp(rule->protocol, "tcp") != 0 &&
				     strcmp(rule->protocol, "-1") != 0))
					continue;
				tfs_grow(&allows, &acap, nallows + 1, sizeof(*allows));
				allows[nallows].peer_sg = rule->peer_sg;
				allows[nallows].rule = r;
				nallows++;
			}
		}
		if (!nallows)
			continue;
		/* each peer group's members once, with every rule naming it */
		tfs_sort(allows, nallows, sizeof(*allows), S_allow_cmp);
		for (a = 0; a < nallows;) {
			size_t end = a, p;
			while (end < nallows && allows[end].peer_sg == allows[a].peer_sg)
				end++;
			for (p = S_first_pair(pairs, npairs, allows[a].peer_sg);
			     p < npairs && pairs[p].sg == allows[a].peer_sg; p++) {
				S_reach *rc = &reach[pairs[p].node];
				size_t x;
				if (rc->stamp != i + 1) {
					rc->stamp = i + 1;
					rc->nrules = 0;
					tfs_grow(&touched, &tcap, ntouched + 1,
					         sizeof(*touched));
					touched[ntouched++] = pairs[p].node;
				}
				for (x = a; x < end; x++) {
					if (rc->nrules < S_RULES_SHOWN)
						rc->rules[rc->nrules] = allows[x].rule;
					rc->nrules++;
				}
			}
			a = end;
		}
		snprintf(label, sizeof(label), "tcp/%ld", port);
		for (t = 0; t < ntouched; t++) {
			const S_reach *rc = &reach[touched[t]];
			size_t shown = rc->nrules < S_RULES_SHOWN ? rc->nrules
			                                          : S_RULES_SHOWN, x;
			tfs_buf ev;
			tfs_buf_init(&ev);
			for (x = 0; x < shown; x++) {
				const tfs_sg_rule *rule = &m->rules[rc->rules[x]];
				tfs_buf_addf(&ev, "%s%s allows %s from %s", x ? "; " : "",
				             rule->evidence, label, rule->peer_sg_id);
			}
			if (rc->nrules > shown)
				tfs_buf_addf(&ev, "; and %zu more rules",
				             rc->nrules - shown);
			tfs_b_edge_raw(b, touched[t], i, TFS_EDGE_NETWORK,
			               tfs_arena_strndup(&m->arena, ev.data, ev.len),
			               label);
			tfs_buf_release(&ev);
		}
	}
	free(touched);
	free(reach);
	free(allows);
	free(pairs);
}

/* ---- NAT, alarms, WAF ----------------------------------------------------------- */

static void S_nat(tfs_builder *b, size_t n, const size_t *igw_of_vpc)
{
	tfs_model *m = b->m;
	const char *ct = tfs_attr_str(tfs_node_attrs(m, n), "connectivity_type");
	size_t vpc = m->nodes[n].vpc;

	if ((ct && strcmp(ct, "private") == 0) || vpc == TFS_NONE ||
	    vpc >= m->nresources || igw_of_vpc[vpc] == TFS_NONE)
		return;
	tfs_b_edge(b, n, igw_of_vpc[vpc], TFS_EDGE_NAT_EGRESS, igw_of_vpc[vpc],
	           "vpc_id", tfs_attr_str(tfs_node_attrs(m, igw_of_vpc[vpc]),
	                                  "vpc_id"),
	           NULL);
}

typedef struct {
	const char *dimension;
	tfs_kind kind;
} S_dim;

static const S_dim DIMENSIONS[] = {
	{"LoadBalancer", TFS_KIND_LOAD_BALANCER},
	{"TargetGroup", TFS_KIND_TARGET_GROUP},
	{"ServiceName", TFS_KIND_ECS_SERVICE},
	{"DBInstanceIdentifier", TFS_KIND_RDS_INSTANCE},
	{"DBClusterIdentifier", TFS_KIND_RDS_CLUSTER},
	{"CacheClusterId", TFS_KIND_ELASTICACHE},
	{"FunctionName", TFS_KIND_LAMBDA},
	{"InstanceId", TFS_KIND_EC2_INSTANCE},
	{"DistributionId", TFS_KIND_CLOUDFRONT},
	{"TableName", TFS_KIND_DYNAMODB_TABLE},
	{"NatGatewayId", TFS_KIND_NAT_GATEWAY},
	{"BucketName", TFS_KIND_S3_BUCKET},
	{"QueueName", TFS_KIND_SQS_QUEUE},
	{"ApiId", TFS_KIND_API},
	{"ApiName", TFS_KIND_API},
	{"TopicName", TFS_KIND_SNS_TOPIC},
	{"UserPool", TFS_KIND_COGNITO_USER_POOL},
};

static void S_alarm(tfs_builder *b, size_t n)
{
	json_t *a = tfs_node_attrs(b->m, n);
	json_t *dims = json_object_get(a, "dimensions");
	const char *s;
	size_t i, to = TFS_NONE;

	/* the most specific dimension names the watched resource */
	for (i = 0; i < sizeof(DIMENSIONS) / sizeof(*DIMENSIONS); i++) {
		const char *v = tfs_attr_str(dims, DIMENSIONS[i].dimension);
		size_t f;
		if (!v)
			continue;
		f = tfs_b_find(b, DIMENSIONS[i].kind, v);
		if (f == TFS_NONE)
			continue;
		to = f;
		if (DIMENSIONS[i].kind != TFS_KIND_LOAD_BALANCER)
			break; /* a target group or service is more precise */
	}
	for (i = 0; i < sizeof(DIMENSIONS) / sizeof(*DIMENSIONS); i++) {
		const char *v = tfs_attr_str(dims, DIMENSIONS[i].dimension);
		if (v && to != TFS_NONE &&
		    tfs_b_find(b, DIMENSIONS[i].kind, v) == to) {
			tfs_b_edge(b, n, to, TFS_EDGE_ALARM, n,
			           tfs_arena_strfmt(&b->m->arena, "dimensions.%s",
			                            DIMENSIONS[i].dimension),
			           v, NULL);
			break;
		}
	}
	tfs_attr_foreach_str(a, "alarm_actions", i, s)
		if (strstr(s, ":sns:"))
			tfs_b_edge(b, n, tfs_b_find_or_external(b, TFS_KIND_SNS_TOPIC, s),
			           TFS_EDGE_ALARM, n,
			           tfs_arena_strfmt(&b->m->arena, "alarm_actions[%zu]", i),
			           s, NULL);
}

static void S_waf_association(tfs_builder *b, size_t n)
{
	static const tfs_kind TARGETS[] = {TFS_KIND_LOAD_BALANCER,
	                                   TFS_KIND_CLOUDFRONT, TFS_KIND_API_STAGE,
	                                   TFS_KIND_COGNITO_USER_POOL};
	json_t *a = tfs_node_attrs(b->m, n);
	const char *acl = tfs_attr_str(a, "web_acl_arn");
	const char *res = tfs_attr_str(a, "resource_arn");
	size_t to = S_first(b, res, TARGETS, sizeof(TARGETS) / sizeof(*TARGETS));

	if (!acl || !res)
		return;
	if (to == TFS_NONE)
		to = tfs_b_find_or_external(b, TFS_KIND_GENERIC, res);
	tfs_b_edge(b, tfs_b_find_or_external(b, TFS_KIND_WAF_ACL, acl), to,
	           TFS_EDGE_WAF, n, "resource_arn", res, NULL);
}

/* ---- Elastic IPs ---------------------------------------------------------------- */

static void S_attach(tfs_builder *b, size_t user, const char *attr,
                     const char *alloc)
{
	tfs_model *m = b->m;
	size_t e = tfs_b_find(b, TFS_KIND_EIP, alloc);

	if (e == TFS_NONE || e >= m->nresources)
		return;
	if (m->nodes[e].attached == TFS_NONE) {
		m->nodes[e].attached = user;
		m->nodes[e].attached_evidence = tfs_arena_strfmt(
			&m->arena, "%s.%s = %s", m->nodes[user].address, attr, alloc);
	}
	if (m->nodes[user].attached == TFS_NONE)
		m->nodes[user].attached = e;
}

/* Which NAT gateway or association uses each Elastic IP's allocation. */
static void S_eips(tfs_builder *b)
{
	tfs_model *m = b->m;
	size_t i, k;
	const char *s;

	for (i = 0; i < m->nresources; i++)
		if (m->nodes[i].kind == TFS_KIND_EIP)
			tfs_b_index(b, TFS_KIND_EIP,
			            tfs_attr_str(tfs_node_attrs(m, i), "allocation_id"), i);
	for (i = 0; i < m->nresources; i++) {
		json_t *a = tfs_node_attrs(m, i);
		if (m->nodes[i].kind == TFS_KIND_NAT_GATEWAY) {
			S_attach(b, i, "allocation_id", tfs_attr_str(a, "allocation_id"));
			tfs_attr_foreach_str(a, "secondary_allocation_ids", k, s)
				S_attach(b, i,
				         tfs_arena_strfmt(&m->arena,
				                          "secondary_allocation_ids[%zu]", k),
				         s);
		} else if (strcmp(m->nodes[i].item->inst->type,
		                  "aws_eip_association") == 0) {
			S_attach(b, i, "allocation_id", tfs_attr_str(a, "allocation_id"));
		}
	}
}

/* The ACM certificates a listener, a distribution or an API custom domain
 * serves, when they are in the input (a certificate of another state says
 * nothing the diagram or the checks use). */
static void S_certificates(tfs_builder *b, size_t n, tfs_kind k)
{
	static const struct {
		tfs_kind kind;
		const char *block, *attr;
	} AT[] = {
		{TFS_KIND_LISTENER, NULL, "certificate_arn"},
		{TFS_KIND_CLOUDFRONT, "viewer_certificate", "acm_certificate_arn"},
		{TFS_KIND_API_DOMAIN, "domain_name_configuration", "certificate_arn"},
		{TFS_KIND_API_DOMAIN, NULL, "regional_certificate_arn"},
		{TFS_KIND_API_DOMAIN, NULL, "certificate_arn"},
	};
	const json_t *a = tfs_node_attrs(b->m, n);

	for (size_t i = 0; i < sizeof(AT) / sizeof(*AT); i++) {
		const char *arn;
		size_t cert;
		if (AT[i].kind != k)
			continue;
		arn = tfs_attr_str(AT[i].block ? tfs_attr_block(a, AT[i].block) : a,
		                   AT[i].attr);
		cert = tfs_b_find(b, TFS_KIND_ACM_CERTIFICATE, arn);
		if (cert != TFS_NONE)
			tfs_b_edge(b, n, cert, TFS_EDGE_CERTIFICATE, n,
			           AT[i].block ? tfs_arena_strfmt(&b->m->arena,
			                                          "%s[0].%s",
			                                          AT[i].block,
			                                          AT[i].attr)
			                       : AT[i].attr,
			           arn, NULL);
	}
}

void tfs_build_edges(tfs_builder *b)
{
	tfs_model *m = b->m;
	size_t nres = m->nresources, i;
	size_t *igw_of_vpc = xmalloc(tfs_mul_size(nres ? nres : 1, sizeof(size_t)));

	S_index_dns(b);
	tfs_index_serverless(b);
	for (i = 0; i < nres; i++)
		igw_of_vpc[i] = TFS_NONE;
	for (i = 0; i < nres; i++) {
		size_t v = m->nodes[i].vpc;
		if (m->nodes[i].kind == TFS_KIND_INTERNET_GATEWAY && v < nres &&
		    igw_of_vpc[v] == TFS_NONE)
			igw_of_vpc[v] = i;
	}
	for (i = 0; i < nres; i++) {
		tfs_kind k = m->nodes[i].kind;
		S_certificates(b, i, k);
		if (k == TFS_KIND_ROUTE53_RECORD)
			S_dns_alias(b, i);
		else if (k == TFS_KIND_CLOUDFRONT)
			S_cdn_origins(b, i);
		else if (k == TFS_KIND_LISTENER || k == TFS_KIND_LISTENER_RULE)
			S_listener(b, i, k == TFS_KIND_LISTENER_RULE);
		else if (k == TFS_KIND_ECS_SERVICE)
			S_ecs_service(b, i);
		else if (k == TFS_KIND_NAT_GATEWAY)
			S_nat(b, i, igw_of_vpc);
		else if (k == TFS_KIND_ALARM)
			S_alarm(b, i);
		else if (k == TFS_KIND_WAF_ASSOCIATION)
			S_waf_association(b, i);
	}
	free(igw_of_vpc);
	tfs_build_serverless(b);
	S_eips(b);
	S_network(b);
}
