/* test_model.c - the topology joins, one behaviour at a time, and the
 * model over every real fixture. */
#include "testutil.h"

#include <dirent.h>

#include "tfsight/model.h"

static const tfs_node *node(const tfs_model *m, const char *address)
{
	for (size_t i = 0; i < m->nnodes; i++)
		if (strcmp(m->nodes[i].address, address) == 0)
			return &m->nodes[i];
	fail_msg("no node %s", address);
	return NULL;
}

static size_t idx(const tfs_model *m, const char *address)
{
	return (size_t)(node(m, address) - m->nodes);
}

static const tfs_edge *edge(const tfs_model *m, const char *from,
                            const char *to, tfs_edge_kind kind)
{
	size_t a = idx(m, from), b = idx(m, to);
	for (size_t i = 0; i < m->nedges; i++)
		if (m->edges[i].from == a && m->edges[i].to == b &&
		    m->edges[i].kind == kind)
			return &m->edges[i];
	return NULL;
}

#define R(type, name, attrs)                                                  \
	"{'mode':'managed','type':'" type "','name':'" name "','instances':"   \
	"[{'attributes':" attrs "}]}"
#define RK(type, name, key, attrs)                                            \
	"{'mode':'managed','type':'" type "','name':'" name "','instances':"   \
	"[{'index_key':" key ",'attributes':" attrs "}]}"

static void test_public_only_through_the_right_route(void **s)
{
	fixture f = build(
		R("aws_vpc", "v", "{'id':'vpc-1','cidr_block':'10.0.0.0/16'}") ","
		R("aws_vpc", "w", "{'id':'vpc-2'}") ","
		R("aws_internet_gateway", "igw", "{'id':'igw-1','vpc_id':'vpc-1'}") ","
		R("aws_route_table", "pub", "{'id':'rtb-pub','vpc_id':'vpc-1','route':"
		  "[{'cidr_block':'0.0.0.0/0','gateway_id':'igw-1'}]}") ","
		R("aws_route_table", "nat", "{'id':'rtb-nat','vpc_id':'vpc-1','route':"
		  "[{'cidr_block':'0.0.0.0/0','gateway_id':'','nat_gateway_id':'nat-1'}]}") ","
		R("aws_route_table", "partial", "{'id':'rtb-part','vpc_id':'vpc-1',"
		  "'route':[{'cidr_block':'10.9.0.0/16','gateway_id':'igw-1'}]}") ","
		R("aws_route_table", "sep", "{'id':'rtb-sep','vpc_id':'vpc-1','route':[]}") ","
		R("aws_route", "sep_default", "{'route_table_id':'rtb-sep',"
		  "'destination_cidr_block':'0.0.0.0/0','gateway_id':'igw-1'}") ","
		R("aws_main_route_table_association", "main", "{'vpc_id':'vpc-1',"
		  "'route_table_id':'rtb-pub'}") ","
		R("aws_route_table_association", "a", "{'subnet_id':'subnet-a',"
		  "'route_table_id':'rtb-pub'}") ","
		R("aws_route_table_association", "b", "{'subnet_id':'subnet-b',"
		  "'route_table_id':'rtb-nat'}") ","
		R("aws_route_table_association", "p", "{'subnet_id':'subnet-p',"
		  "'route_table_id':'rtb-part'}") ","
		R("aws_route_table_association", "r", "{'subnet_id':'subnet-r',"
		  "'route_table_id':'rtb-sep'}") ","
		RK("aws_subnet", "s", "0", "{'id':'subnet-a','vpc_id':'vpc-1',"
		   "'availability_zone':'sa-east-1a','map_public_ip_on_launch':false}") ","
		RK("aws_subnet", "s", "1", "{'id':'subnet-b','vpc_id':'vpc-1',"
		   "'availability_zone':'sa-east-1b','map_public_ip_on_launch':true}") ","
		R("aws_subnet", "main", "{'id':'subnet-c','vpc_id':'vpc-1',"
		  "'availability_zone':'sa-east-1a'}") ","
		R("aws_subnet", "partial", "{'id':'subnet-p','vpc_id':'vpc-1',"
		  "'availability_zone':'sa-east-1a'}") ","
		R("aws_subnet", "sep", "{'id':'subnet-r','vpc_id':'vpc-1',"
		  "'availability_zone':'sa-east-1b'}") ","
		R("aws_subnet", "flag", "{'id':'subnet-d','vpc_id':'vpc-2',"
		  "'map_public_ip_on_launch':'true'}") ","
		R("aws_subnet", "tag", "{'id':'subnet-e','vpc_id':'vpc-2',"
		  "'tags':{'Name':'app-Private-1'}}") ","
		R("aws_subnet", "none", "{'id':'subnet-f','vpc_id':'vpc-2'}"));
	const tfs_node *n;
	(void)s;

	n = node(f.m, "aws_subnet.s[0]");
	assert_int_equal(n->tier, TFS_TIER_PUBLIC);
	assert_int_equal(n->public_source, TFS_PUBLIC_ROUTE_TABLE);
	assert_non_null(strstr(n->public_evidence, "igw-1"));
	/* a NAT default route is private, whatever map_public_ip says */
	n = node(f.m, "aws_subnet.s[1]");
	assert_int_equal(n->tier, TFS_TIER_PRIVATE);
	assert_int_equal(n->public_source, TFS_PUBLIC_ROUTE_TABLE);
	/* no association: the VPC's main route table decides */
	assert_int_equal(node(f.m, "aws_subnet.main")->tier, TFS_TIER_PUBLIC);
	/* a route to the IGW that is not the default route */
	assert_int_equal(node(f.m, "aws_subnet.partial")->tier, TFS_TIER_PRIVATE);
	/* a default route declared as its own aws_route */
	assert_int_equal(node(f.m, "aws_subnet.sep")->tier, TFS_TIER_PUBLIC);
	n = node(f.m, "aws_subnet.flag");
	assert_int_equal(n->tier, TFS_TIER_PUBLIC);
	assert_int_equal(n->public_source, TFS_PUBLIC_MAP_PUBLIC_IP);
	n = node(f.m, "aws_subnet.tag");
	assert_int_equal(n->tier, TFS_TIER_PRIVATE);
	assert_int_equal(n->public_source, TFS_PUBLIC_TAG);
	n = node(f.m, "aws_subnet.none");
	assert_int_equal(n->public_source, TFS_PUBLIC_UNKNOWN);
	assert_int_equal(node(f.m, "aws_subnet.s[0]")->vpc, idx(f.m, "aws_vpc.v"));
	release(&f);
}

#define SVC(name, sg, subnets)                                                 \
	R("aws_ecs_service", name, "{'id':'arn:aws:ecs:sa-east-1:1:service/c/" name \
	  "','name':'" name "','network_configuration':[{'security_groups':['" sg   \
	  "'],'subnets':" subnets "}]}")

static void test_service_reaches_db_only_through_its_port(void **s)
{
	fixture f = build(
		SVC("app", "sg-app", "['subnet-1']") ","
		SVC("other", "sg-other", "['subnet-1']") ","
		R("aws_security_group", "app", "{'id':'sg-app','ingress':[]}") ","
		R("aws_security_group", "other", "{'id':'sg-other','ingress':[]}") ","
		R("aws_security_group", "db", "{'id':'sg-db','ingress':[{'from_port':5432,"
		  "'to_port':5432,'protocol':'tcp','security_groups':['sg-app'],"
		  "'cidr_blocks':[],'self':false}]}") ","
		R("aws_security_group", "db2", "{'id':'sg-db2','ingress':[]}") ","
		R("aws_security_group_rule", "wrong_port", "{'type':'ingress',"
		  "'security_group_id':'sg-db2','from_port':3306,'to_port':3306,"
		  "'protocol':'tcp','source_security_group_id':'sg-app'}") ","
		R("aws_security_group", "db3", "{'id':'sg-db3','ingress':[]}") ","
		R("aws_vpc_security_group_ingress_rule", "cidr_only", "{"
		  "'security_group_id':'sg-db3','from_port':5432,'to_port':5432,"
		  "'ip_protocol':'tcp','cidr_ipv4':'10.0.0.0/16'}") ","
		R("aws_vpc_security_group_ingress_rule", "other_in", "{"
		  "'security_group_id':'sg-db3','from_port':0,'to_port':0,"
		  "'ip_protocol':'-1','referenced_security_group_id':'sg-other'}") ","
		R("aws_db_instance", "db", "{'identifier':'db','engine':'postgres',"
		  "'port':5432,'vpc_security_group_ids':['sg-db']}") ","
		R("aws_db_instance", "db2", "{'identifier':'db2','engine':'postgres',"
		  "'vpc_security_group_ids':['sg-db2']}") ","
		R("aws_db_instance", "db3", "{'identifier':'db3','engine':'postgres',"
		  "'vpc_security_group_ids':['sg-db3']}"));
	const tfs_edge *e;
	(void)s;

	e = edge(f.m, "aws_ecs_service.app", "aws_db_instance.db", TFS_EDGE_NETWORK);
	assert_non_null(e);
	assert_string_equal(e->label, "tcp/5432");
	assert_non_null(strstr(e->evidence, "aws_security_group.db.ingress[0]"));
	assert_null(edge(f.m, "aws_ecs_service.other", "aws_db_instance.db",
	                 TFS_EDGE_NETWORK));
	/* 3306 is open, the database listens on 5432 (engine default) */
	assert_null(edge(f.m, "aws_ecs_service.app", "aws_db_instance.db2",
	                 TFS_EDGE_NETWORK));
	/* a CIDR rule names no service; all traffic from sg-other does */
	assert_null(edge(f.m, "aws_ecs_service.app", "aws_db_instance.db3",
	                 TFS_EDGE_NETWORK));
	assert_non_null(edge(f.m, "aws_ecs_service.other", "aws_db_instance.db3",
	                     TFS_EDGE_NETWORK));
	/* the ECS subnet is not in this state: an external node */
	assert_int_equal(node(f.m, "subnet-1")->kind, TFS_KIND_EXTERNAL);
	assert_int_equal(node(f.m, "aws_ecs_service.app")->nsubnets, 1);
	release(&f);
}

static void test_rules_are_deduplicated(void **s)
{
	/* the group's own block repeats what the rule resource declares */
	fixture f = build(
		R("aws_security_group", "g", "{'id':'sg-g','ingress':[{'from_port':443,"
		  "'to_port':443,'protocol':'tcp','cidr_blocks':['0.0.0.0/0','::/0x'],"
		  "'security_groups':[],'self':false}],'egress':[{'from_port':0,"
		  "'to_port':0,'protocol':'-1','cidr_blocks':['0.0.0.0/0']}]}") ","
		R("aws_security_group_rule", "https", "{'type':'ingress',"
		  "'security_group_id':'sg-g','from_port':443,'to_port':443,"
		  "'protocol':'6','cidr_blocks':['0.0.0.0/0']}"));
	size_t i, ingress = 0;
	(void)s;

	for (i = 0; i < f.m->nrules; i++)
		ingress += f.m->rules[i].ingress;
	assert_int_equal(ingress, 2); /* 0.0.0.0/0 once, and the other CIDR */
	assert_int_equal(f.m->nrules, 3);
	/* the rule resource is the evidence, not the reflecting block */
	assert_string_equal(f.m->rules[0].evidence, "aws_security_group_rule.https");
	release(&f);
}

/* A mesh: a database whose 20 groups each allow the port from the same
 * 20 groups, every service in all 20.  One edge per service, whatever the
 * number of rules, and the evidence says how many more there are. */
static void test_sg_mesh_one_edge_per_pair(void **s)
{
	enum { G = 20, S = 15 };
	tfs_buf b;
	fixture f;
	size_t i, j, edges = 0;
	const tfs_edge *e;
	(void)s;

	tfs_buf_init(&b);
	for (i = 0; i < G; i++) {
		tfs_buf_addf(&b, "{'mode':'managed','type':'aws_security_group',"
		                 "'name':'app%zu','instances':[{'attributes':"
		                 "{'id':'sg-app%zu'}}]},",
		             i, i);
		tfs_buf_addf(&b, "{'mode':'managed','type':'aws_security_group',"
		                 "'name':'db%zu','instances':[{'attributes':"
		                 "{'id':'sg-db%zu','ingress':[",
		             i, i);
		for (j = 0; j < G; j++)
			tfs_buf_addf(&b, "%s{'from_port':5432,'to_port':5432,"
			                 "'protocol':'tcp','cidr_blocks':[],"
			                 "'security_groups':['sg-app%zu'],"
			                 "'self':false}",
			             j ? "," : "", j);
		tfs_buf_adds(&b, "]}}]},");
	}
	for (i = 0; i < S; i++) {
		tfs_buf_addf(&b, "{'mode':'managed','type':'aws_ecs_service',"
		                 "'name':'svc%zu','instances':[{'attributes':"
		                 "{'name':'svc%zu','network_configuration':"
		                 "[{'security_groups':[",
		             i, i);
		for (j = 0; j < G; j++)
			tfs_buf_addf(&b, "%s'sg-app%zu'", j ? "," : "", j);
		tfs_buf_adds(&b, "]}]}}]},");
	}
	tfs_buf_adds(&b, "{'mode':'managed','type':'aws_db_instance','name':"
	                 "'db','instances':[{'attributes':{'engine':'postgres',"
	                 "'vpc_security_group_ids':[");
	for (j = 0; j < G; j++)
		tfs_buf_addf(&b, "%s'sg-db%zu'", j ? "," : "", j);
	tfs_buf_adds(&b, "]}}]}");
	f = build(b.data);
	tfs_buf_release(&b);

	for (i = 0; i < f.m->nedges; i++)
		edges += f.m->edges[i].kind == TFS_EDGE_NETWORK;
	assert_int_equal(edges, S);
	e = edge(f.m, "aws_ecs_service.svc0", "aws_db_instance.db",
	         TFS_EDGE_NETWORK);
	assert_non_null(e);
	/* 20 x 20 rules allow it: three shown, the rest counted */
	assert_non_null(strstr(e->evidence, "; and 397 more rules"));
	release(&f);
}

static void test_cdn_and_dns_by_name(void **s)
{
	fixture f = build(
		R("aws_lb", "alb", "{'arn':'arn:aws:elasticloadbalancing:sa-east-1:1:"
		  "loadbalancer/app/a/1','dns_name':'A-1.sa-east-1.elb.amazonaws.com',"
		  "'subnets':[]}") ","
		R("aws_s3_bucket", "b", "{'bucket':'bkt','arn':'arn:aws:s3:::bkt',"
		  "'bucket_regional_domain_name':'bkt.s3.sa-east-1.amazonaws.com'}") ","
		R("aws_cloudfront_distribution", "cdn", "{'domain_name':'d1.cloudfront.net',"
		  "'origin':[{'domain_name':'bkt.s3.sa-east-1.amazonaws.com'},"
		  "{'domain_name':'a-1.sa-east-1.elb.amazonaws.com'},"
		  "{'domain_name':'api.example.com'}]}") ","
		R("aws_route53_record", "www", "{'name':'www','alias':[{'name':"
		  "'D1.cloudfront.net.'}]}") ","
		R("aws_route53_record", "api", "{'name':'api','alias':[{'name':"
		  "'dualstack.a-1.sa-east-1.elb.amazonaws.com'}]}"));
	const tfs_edge *e;
	(void)s;

	assert_non_null(edge(f.m, "aws_cloudfront_distribution.cdn",
	                     "aws_s3_bucket.b", TFS_EDGE_CDN_ORIGIN));
	e = edge(f.m, "aws_cloudfront_distribution.cdn", "aws_lb.alb",
	         TFS_EDGE_CDN_ORIGIN);
	assert_non_null(e);
	assert_string_equal(e->evidence, "aws_cloudfront_distribution.cdn."
	                                 "origin[1].domain_name = "
	                                 "a-1.sa-east-1.elb.amazonaws.com");
	assert_non_null(edge(f.m, "aws_cloudfront_distribution.cdn",
	                     "api.example.com", TFS_EDGE_CDN_ORIGIN));
	assert_int_equal(node(f.m, "api.example.com")->kind, TFS_KIND_EXTERNAL);
	assert_non_null(edge(f.m, "aws_route53_record.www",
	                     "aws_cloudfront_distribution.cdn", TFS_EDGE_DNS_ALIAS));
	assert_non_null(edge(f.m, "aws_route53_record.api", "aws_lb.alb",
	                     TFS_EDGE_DNS_ALIAS));
	assert_int_equal(node(f.m, "aws_cloudfront_distribution.cdn")->placement,
	                 TFS_PLACE_EDGE);
	release(&f);
}

static void test_instances_kept_apart_and_placed(void **s)
{
	fixture f = build(
		R("aws_vpc", "v", "{'id':'vpc-1'}") ","
		RK("aws_subnet", "p", "0", "{'id':'subnet-0','vpc_id':'vpc-1',"
		   "'availability_zone':'sa-east-1a'}") ","
		RK("aws_subnet", "p", "1", "{'id':'subnet-1','vpc_id':'vpc-1',"
		   "'availability_zone':'sa-east-1b'}") ","
		RK("aws_ecs_service", "s", "'a'", "{'name':'a','network_configuration':"
		   "[{'subnets':['subnet-0'],'security_groups':[]}]}") ","
		RK("aws_ecs_service", "s", "'b'", "{'name':'b','network_configuration':"
		   "[{'subnets':['subnet-0','subnet-1'],'security_groups':[]}]}") ","
		R("aws_db_subnet_group", "g", "{'name':'dbg','subnet_ids':['subnet-0',"
		  "'subnet-1']}") ","
		R("aws_db_instance", "d", "{'identifier':'d','db_subnet_group_name':'dbg',"
		  "'vpc_security_group_ids':[]}"));
	const tfs_node *a = node(f.m, "aws_ecs_service.s[\"a\"]");
	const tfs_node *b = node(f.m, "aws_ecs_service.s[\"b\"]");
	const tfs_node *d = node(f.m, "aws_db_instance.d");
	(void)s;

	assert_ptr_not_equal(a, b);
	assert_int_equal(a->nazs, 1);
	assert_string_equal(a->azs[0], "sa-east-1a");
	assert_int_equal(b->nazs, 2);
	assert_int_equal(d->nsubnets, 2); /* through its DB subnet group */
	assert_int_equal(d->vpc, idx(f.m, "aws_vpc.v"));
	/* the tree holds the multi-AZ service in both AZs */
	assert_int_equal(f.m->tree.nregions, 1);
	assert_int_equal(f.m->tree.regions[0].nvpcs, 1);
	assert_int_equal(f.m->tree.regions[0].vpcs[0].nazs, 2);
	assert_int_equal(f.m->tree.regions[0].vpcs[0].azs[1].subnets[0].members.count,
	                 2); /* b and d in sa-east-1b */
	release(&f);
}

static void test_ecs_references(void **s)
{
	fixture f = build(
		R("aws_ecs_task_definition", "t", "{'arn':'arn:aws:ecs:sa-east-1:1:"
		  "task-definition/api:3','family':'api','revision':3,"
		  "'container_definitions':'[{\\'name\\':\\'api\\',\\'image\\':"
		  "\\'1.dkr.ecr.sa-east-1.amazonaws.com/app/api:1.2\\',\\'secrets\\':"
		  "[{\\'name\\':\\'DB\\',\\'valueFrom\\':\\'arn:aws:secretsmanager:"
		  "sa-east-1:1:secret:db-AbC:password::\\'}],\\'logConfiguration\\':{"
		  "\\'logDriver\\':\\'awslogs\\',\\'options\\':{\\'awslogs-group\\':"
		  "\\'/ecs/api\\'}}}]'}") ","
		R("aws_ecs_service", "svc", "{'name':'api','task_definition':'api:3',"
		  "'load_balancer':[{'target_group_arn':'arn:tg','container_port':8000}]}") ","
		R("aws_ecr_repository", "r", "{'repository_url':"
		  "'1.dkr.ecr.sa-east-1.amazonaws.com/app/api'}") ","
		R("aws_secretsmanager_secret", "db", "{'arn':'arn:aws:secretsmanager:"
		  "sa-east-1:1:secret:db-AbC','name':'db'}") ","
		R("aws_cloudwatch_log_group", "l", "{'name':'/ecs/api'}") ","
		R("aws_lb_target_group", "tg", "{'arn':'arn:tg'}"));
	const tfs_edge *e;
	(void)s;

	assert_non_null(edge(f.m, "aws_ecs_service.svc", "aws_ecr_repository.r",
	                     TFS_EDGE_IMAGE));
	e = edge(f.m, "aws_ecs_service.svc", "aws_secretsmanager_secret.db",
	         TFS_EDGE_SECRET);
	assert_non_null(e);
	assert_non_null(strstr(e->evidence, "aws_ecs_task_definition.t."
	                                    "container_definitions[0].secrets[0]"));
	assert_non_null(edge(f.m, "aws_ecs_service.svc",
	                     "aws_cloudwatch_log_group.l", TFS_EDGE_LOGS));
	e = edge(f.m, "aws_lb_target_group.tg", "aws_ecs_service.svc",
	         TFS_EDGE_TARGET);
	assert_non_null(e);
	assert_string_equal(e->label, "8000");
	release(&f);
}

/* ---- every real fixture ----------------------------------------------------- */

static void test_real_fixtures(void **s)
{
	const char *root = getenv("TFSIGHT_SRCDIR");
	char dir[4096];
	struct dirent **names;
	int n, i, seen = 0;
	(void)s;

	snprintf(dir, sizeof(dir), "%s/../shared/fixtures/real", root ? root : ".");
	n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		print_message("skipped: ../shared not found\n");
		skip();
	}
	for (i = 0; i < n; i++) {
		char path[8192];
		tfs_error err;
		tfs_state *st;
		size_t managed = 0, j;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		tfs_error_init(&err);
		if (names[i]->d_name[0] == '.' || strstr(names[i]->d_name, ".md") ||
		    strcmp(names[i]->d_name, "licenses") == 0 ||
		    tfs_state_load(&st, path, &err) != 0) {
			free(names[i]);
			continue; /* rejected inputs are tests/run-fixtures.sh's */
		}
		{
			tfs_inventory *inv = tfs_inventory_build(st, TFS_DEFAULT_REGION);
			tfs_model_options opt;
			tfs_model *m;
			const char *bad;
			tfs_model_options_init(&opt);
			m = tfs_model_build(st, inv, &opt);
			bad = tfs_model_check(m);
			if (bad)
				fail_msg("%s: %s", names[i]->d_name, bad);
			for (j = 0; j < st->resources.count; j++)
				managed += st->resources.items[j].mode == TFS_MODE_MANAGED;
			/* nothing dropped: one node per managed instance */
			assert_int_equal(m->nresources, managed);
			assert_int_equal(m->nresources + m->ndata, st->resources.count);
			tfs_model_free(m);
			tfs_inventory_free(inv);
		}
		tfs_state_free(st);
		free(names[i]);
		seen++;
	}
	free(names);
	assert_true(seen >= 80);
}

/* Drawn as deployed: a database in its own AZ, a Multi-AZ one with its
 * standby in another; a subnet that is not in the input is of unknown
 * tier, neither public nor private. */
static void test_as_deployed(void **s)
{
	fixture f = build(
		R("aws_subnet", "a", "{'id':'subnet-a','availability_zone':'sa-east-1a',"
		  "'map_public_ip_on_launch':false}") ","
		R("aws_subnet", "b", "{'id':'subnet-b','availability_zone':'sa-east-1b',"
		  "'map_public_ip_on_launch':false}") ","
		R("aws_subnet", "c", "{'id':'subnet-c','availability_zone':'sa-east-1c',"
		  "'map_public_ip_on_launch':false}") ","
		R("aws_db_subnet_group", "g", "{'name':'g','subnet_ids':['subnet-a',"
		  "'subnet-b','subnet-c']}") ","
		R("aws_db_instance", "single", "{'db_subnet_group_name':'g',"
		  "'availability_zone':'sa-east-1b','multi_az':false}") ","
		R("aws_db_instance", "multi", "{'db_subnet_group_name':'g',"
		  "'availability_zone':'sa-east-1c','multi_az':true}") ","
		R("aws_db_instance", "planned", "{'db_subnet_group_name':'g'}") ","
		R("aws_lb", "lb", "{'subnets':['subnet-a','subnet-zzz']}"));
	const tfs_node *n;
	const tfs_tree *t;
	size_t a, k, standby = 0;
	(void)s;

	assert_true(tfs_model_tables_sorted());
	n = node(f.m, "aws_db_instance.single");
	assert_int_equal(n->nsubnets, 1);
	assert_string_equal(n->azs[0], "sa-east-1b");
	assert_null(n->standby_az);
	n = node(f.m, "aws_db_instance.multi");
	assert_int_equal(n->nsubnets, 2);
	assert_string_equal(n->standby_az, "sa-east-1a");
	assert_true(node(f.m, "aws_db_instance.planned")->az_pending);
	assert_int_equal(node(f.m, "aws_db_instance.planned")->nsubnets, 3);
	/* the tree holds the standby apart, in sa-east-1a only */
	t = &f.m->tree;
	for (a = 0; a < t->regions[0].vpcs[0].nazs; a++) {
		const tfs_az_group *az = &t->regions[0].vpcs[0].azs[a];
		for (k = 0; k < az->nsubnets; k++)
			if (az->subnets[k].standby.count) {
				assert_string_equal(az->name, "sa-east-1a");
				standby += az->subnets[k].standby.count;
			}
	}
	assert_int_equal(standby, 1);
	n = &f.m->nodes[node(f.m, "aws_lb.lb")->subnets[1]];
	assert_int_equal(n->kind, TFS_KIND_EXTERNAL);
	assert_int_equal(n->tier, TFS_TIER_UNKNOWN);
	assert_int_equal(n->public_source, TFS_PUBLIC_NOT_IN_INPUT);
	release(&f);
}

/* The serverless half: an HTTP API's route -> integration -> function,
 * its JWT authorizer -> user pool, custom domain -> API, and what
 * triggers a function, where its failures go, its logs, and what its role
 * lets it reach. */
static void test_serverless_edges(void **s)
{
#define ACCT "arn:aws:lambda:sa-east-1:111122223333:function:"
#define QARN "arn:aws:sqs:sa-east-1:111122223333:"
	fixture f = build(
		R("aws_apigatewayv2_api", "http", "{'id':'a1b2c3','name':'orders',"
		  "'protocol_type':'HTTP','execution_arn':'arn:aws:execute-api:"
		  "sa-east-1:111122223333:a1b2c3'}") ","
		R("aws_apigatewayv2_route", "get", "{'id':'r1','api_id':'a1b2c3',"
		  "'route_key':'GET /orders','target':'integrations/i1',"
		  "'authorization_type':'JWT','authorizer_id':'au1'}") ","
		R("aws_apigatewayv2_integration", "fn", "{'id':'i1','api_id':'a1b2c3',"
		  "'integration_type':'AWS_PROXY','integration_uri':"
		  "'arn:aws:apigateway:sa-east-1:lambda:path/2015-03-31/functions/"
		  ACCT "orders-api/invocations'}") ","
		R("aws_apigatewayv2_authorizer", "jwt", "{'id':'au1','api_id':'a1b2c3',"
		  "'authorizer_type':'JWT','jwt_configuration':[{'audience':['c1'],"
		  "'issuer':'https://cognito-idp.sa-east-1.amazonaws.com/"
		  "sa-east-1_Ab12Cd34E'}]}") ","
		R("aws_apigatewayv2_domain_name", "api", "{'id':'api.x.com.br',"
		  "'domain_name':'api.x.com.br','domain_name_configuration':"
		  "[{'target_domain_name':'d-abc.execute-api.sa-east-1.amazonaws.com'}]}") ","
		R("aws_apigatewayv2_api_mapping", "m", "{'api_id':'a1b2c3',"
		  "'domain_name':'api.x.com.br','stage':'$default'}") ","
		R("aws_route53_record", "api", "{'name':'api.x.com.br','type':'A',"
		  "'alias':[{'name':'d-abc.execute-api.sa-east-1.amazonaws.com',"
		  "'zone_id':'Z1','evaluate_target_health':false}]}") ","
		R("aws_cognito_user_pool", "users", "{'id':'sa-east-1_Ab12Cd34E',"
		  "'endpoint':'cognito-idp.sa-east-1.amazonaws.com/sa-east-1_Ab12Cd34E',"
		  "'lambda_config':[{'pre_sign_up':'" ACCT "orders-signup'}]}") ","
		R("aws_lambda_function", "api", "{'function_name':'orders-api','arn':'"
		  ACCT "orders-api','role':'arn:aws:iam::111122223333:role/api',"
		  "'dead_letter_config':[{'target_arn':'" QARN "dlq'}]}") ","
		R("aws_lambda_function", "signup", "{'function_name':'orders-signup',"
		  "'arn':'" ACCT "orders-signup'}") ","
		R("aws_cloudwatch_log_group", "api", "{'name':'/aws/lambda/orders-api',"
		  "'arn':'arn:aws:logs:sa-east-1:111122223333:log-group:/aws/lambda/"
		  "orders-api'}") ","
		R("aws_sqs_queue", "jobs", "{'id':'https://sqs.sa-east-1.amazonaws.com/"
		  "111122223333/jobs','url':'https://sqs.sa-east-1.amazonaws.com/"
		  "111122223333/jobs','name':'jobs','arn':'" QARN "jobs',"
		  "'redrive_policy':'{\\\"deadLetterTargetArn\\\":\\\"" QARN "dlq\\\","
		  "\\\"maxReceiveCount\\\":4}'}") ","
		R("aws_sqs_queue", "dlq", "{'name':'dlq','arn':'" QARN "dlq'}") ","
		R("aws_lambda_event_source_mapping", "jobs", "{'event_source_arn':'"
		  QARN "jobs','function_arn':'" ACCT "orders-api'}") ","
		R("aws_dynamodb_table", "orders", "{'name':'orders','arn':"
		  "'arn:aws:dynamodb:sa-east-1:111122223333:table/orders'}") ","
		R("aws_iam_role", "api", "{'name':'api','arn':"
		  "'arn:aws:iam::111122223333:role/api'}") ","
		R("aws_iam_role_policy", "api", "{'role':'api','policy':'{\\\"Statement\\\":"
		  "[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":[\\\"dynamodb:GetItem\\\"],"
		  "\\\"Resource\\\":\\\"arn:aws:dynamodb:sa-east-1:111122223333:table/"
		  "orders/*\\\"}]}'}"));
	(void)s;
#undef ACCT
#undef QARN

	assert_non_null(edge(f.m, "aws_apigatewayv2_api.http",
	                     "aws_apigatewayv2_route.get", TFS_EDGE_PART));
	assert_non_null(edge(f.m, "aws_apigatewayv2_route.get",
	                     "aws_apigatewayv2_integration.fn",
	                     TFS_EDGE_API_INTEGRATION));
	assert_non_null(edge(f.m, "aws_apigatewayv2_integration.fn",
	                     "aws_lambda_function.api", TFS_EDGE_INTEGRATION));
	assert_non_null(edge(f.m, "aws_apigatewayv2_authorizer.jwt",
	                     "aws_cognito_user_pool.users", TFS_EDGE_AUTHORIZER));
	assert_non_null(edge(f.m, "aws_apigatewayv2_domain_name.api",
	                     "aws_apigatewayv2_api.http", TFS_EDGE_API_MAPPING));
	assert_non_null(edge(f.m, "aws_route53_record.api",
	                     "aws_apigatewayv2_domain_name.api", TFS_EDGE_DNS_ALIAS));
	assert_non_null(edge(f.m, "aws_cognito_user_pool.users",
	                     "aws_lambda_function.signup",
	                     TFS_EDGE_COGNITO_TRIGGER));
	assert_non_null(edge(f.m, "aws_sqs_queue.jobs", "aws_lambda_function.api",
	                     TFS_EDGE_EVENT_SOURCE));
	assert_non_null(edge(f.m, "aws_sqs_queue.jobs", "aws_sqs_queue.dlq",
	                     TFS_EDGE_ON_FAILURE));
	assert_non_null(edge(f.m, "aws_lambda_function.api", "aws_sqs_queue.dlq",
	                     TFS_EDGE_ON_FAILURE));
	assert_non_null(edge(f.m, "aws_lambda_function.api",
	                     "aws_cloudwatch_log_group.api", TFS_EDGE_LOGS));
	assert_non_null(strstr(edge(f.m, "aws_lambda_function.api",
	                            "aws_dynamodb_table.orders",
	                            TFS_EDGE_MAY_ACCESS)->evidence,
	                       "dynamodb:GetItem"));
	release(&f);
}

/* Parts, certificates, and grants that reach the resource an ARN names,
 * not another resource that records the same ARN. */
static void test_serverless_parts(void **s)
{
#define QARN "arn:aws:sqs:sa-east-1:111122223333:"
#define CERT "arn:aws:acm:sa-east-1:111122223333:certificate/1"
	fixture f = build(
		R("aws_lambda_function", "fn", "{'function_name':'fn','arn':"
		  "'arn:aws:lambda:sa-east-1:111122223333:function:fn','role':"
		  "'arn:aws:iam::111122223333:role/fn'}") ","
		R("aws_lambda_alias", "live", "{'function_name':'fn','name':'live'}") ","
		R("aws_lambda_provisioned_concurrency_config", "pc",
		  "{'function_name':'fn','qualifier':'live'}") ","
		R("aws_cloudwatch_event_bus", "bus", "{'id':'orders','name':'orders',"
		  "'arn':'arn:aws:events:sa-east-1:111122223333:event-bus/orders'}") ","
		R("aws_cloudwatch_event_rule", "placed", "{'name':'placed',"
		  "'event_bus_name':'orders'}") ","
		R("aws_cloudwatch_event_rule", "tick", "{'name':'tick',"
		  "'event_bus_name':'default'}") ","
		R("aws_cloudwatch_event_target", "q", "{'rule':'placed','arn':'"
		  QARN "jobs'}") ","
		R("aws_sqs_queue", "jobs", "{'name':'jobs','arn':'" QARN "jobs'}") ","
		R("aws_acm_certificate", "api", "{'arn':'" CERT "'}") ","
		R("aws_apigatewayv2_domain_name", "api", "{'domain_name':'api.x',"
		  "'domain_name_configuration':[{'certificate_arn':'" CERT "'}]}") ","
		R("aws_iam_role", "fn", "{'name':'fn','arn':"
		  "'arn:aws:iam::111122223333:role/fn'}") ","
		R("aws_iam_role_policy", "fn", "{'role':'fn','policy':'{\\\"Statement"
		  "\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":"
		  "\\\"sqs:SendMessage\\\",\\\"Resource\\\":\\\"" QARN
		  "jobs\\\"}]}'}"));
	(void)s;
#undef QARN
#undef CERT

	assert_non_null(edge(f.m, "aws_lambda_function.fn", "aws_lambda_alias.live",
	                     TFS_EDGE_PART));
	assert_non_null(edge(f.m, "aws_lambda_function.fn",
	                     "aws_lambda_provisioned_concurrency_config.pc",
	                     TFS_EDGE_PART));
	assert_non_null(edge(f.m, "aws_cloudwatch_event_bus.bus",
	                     "aws_cloudwatch_event_rule.placed", TFS_EDGE_PART));
	assert_null(edge(f.m, "aws_cloudwatch_event_bus.bus",
	                 "aws_cloudwatch_event_rule.tick", TFS_EDGE_PART));
	assert_non_null(edge(f.m, "aws_apigatewayv2_domain_name.api",
	                     "aws_acm_certificate.api", TFS_EDGE_CERTIFICATE));
	/* the target records the queue's ARN; the grant is on the queue */
	assert_non_null(edge(f.m, "aws_lambda_function.fn", "aws_sqs_queue.jobs",
	                     TFS_EDGE_MAY_ACCESS));
	assert_null(edge(f.m, "aws_lambda_function.fn",
	                 "aws_cloudwatch_event_target.q", TFS_EDGE_MAY_ACCESS));
	release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_public_only_through_the_right_route),
		cmocka_unit_test(test_service_reaches_db_only_through_its_port),
		cmocka_unit_test(test_rules_are_deduplicated),
		cmocka_unit_test(test_sg_mesh_one_edge_per_pair),
		cmocka_unit_test(test_cdn_and_dns_by_name),
		cmocka_unit_test(test_instances_kept_apart_and_placed),
		cmocka_unit_test(test_ecs_references),
		cmocka_unit_test(test_real_fixtures),
		cmocka_unit_test(test_as_deployed),
		cmocka_unit_test(test_serverless_edges),
		cmocka_unit_test(test_serverless_parts),
	};
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
