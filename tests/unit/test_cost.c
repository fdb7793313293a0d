/* test_cost.c - every estimator against figures computed here, by hand,
 * from the table's own prices (quantity x price). */
#include "testutil.h"

#include <math.h>

#include "tfsight/cost.h"

#define R(type, name, attrs)                                                  \
	"{'mode':'managed','type':'" type "','name':'" name "','instances':"   \
	"[{'attributes':" attrs "}]}"

static const tfs_pricing *T;

static double price(const char *key)
{
	const tfs_price *p = tfs_pricing_find(T, key);
	if (!p)
		fail_msg("the table has no %s", key);
	return p->usd;
}

static const tfs_cost_resource *res(const tfs_cost *c, const char *address)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->resources[i].address, address) == 0)
			return &c->resources[i];
	fail_msg("no cost for %s", address);
	return NULL;
}

static const tfs_cost_component *comp(const tfs_cost_resource *r,
                                      const char *key)
{
	for (size_t i = 0; i < r->ncomponents; i++)
		if (strcmp(r->components[i].price_key, key) == 0)
			return &r->components[i];
	return NULL;
}

static void near(double got, double want)
{
	if (fabs(got - want) > 1e-9 * (1 + fabs(want)))
		fail_msg("got %.10f, want %.10f", got, want);
}

static tfs_usage *usage(const char *text)
{
	tfs_usage *u;
	tfs_error err;
	tfs_error_init(&err);
	assert_int_equal(tfs_usage_load_buffer(&u, "u.yml", text, strlen(text),
	                                       &err),
	                 0);
	return u;
}

static void test_fargate(void **s)
{
	fixture f = build(
		R("aws_ecs_task_definition", "x86", "{'arn':'arn:td/x86:1','family':"
		  "'x86','revision':1,'cpu':'512','memory':'1024',"
		  "'ephemeral_storage':[{'size_in_gib':50}]}") ","
		R("aws_ecs_task_definition", "arm", "{'arn':'arn:td/arm:1','family':"
		  "'arm','revision':1,'cpu':'256','memory':'512','runtime_platform':"
		  "[{'cpu_architecture':'ARM64','operating_system_family':'LINUX'}]}") ","
		R("aws_ecs_cluster", "c", "{'arn':'arn:cluster/c','name':'c'}") ","
		R("aws_ecs_cluster_capacity_providers", "c", "{'cluster_name':'c',"
		  "'default_capacity_provider_strategy':[{'capacity_provider':"
		  "'FARGATE_SPOT','weight':1,'base':0}]}") ","
		R("aws_ecs_service", "od", "{'name':'od','launch_type':'FARGATE',"
		  "'desired_count':2,'task_definition':'arn:td/x86:1'}") ","
		R("aws_ecs_service", "mix", "{'name':'mix','cluster':'arn:cluster/x',"
		  "'desired_count':5,'task_definition':'arm:1',"
		  "'capacity_provider_strategy':[{'capacity_provider':'FARGATE',"
		  "'weight':1,'base':1},{'capacity_provider':'FARGATE_SPOT',"
		  "'weight':3,'base':0}]}") ","
		R("aws_ecs_service", "spot", "{'name':'spot','cluster':'arn:cluster/c',"
		  "'desired_count':1,'task_definition':'x86:1'}") ","
		R("aws_ecs_service", "ec2", "{'name':'ec2','launch_type':'EC2',"
		  "'desired_count':3,'task_definition':'x86:1'}") ","
		R("aws_ecs_service", "lost", "{'name':'lost','desired_count':1,"
		  "'task_definition':'elsewhere:9'}"));
	tfs_cost *c = tfs_cost_estimate(f.m, T, NULL);
	const tfs_cost_resource *r;
	double h = 730;
	(void)s;

	r = res(c, "aws_ecs_service.od");
	near(comp(r, "fargate.linux.x86.vcpu_hour")->monthly_cost,
	     0.5 * 2 * h * price("fargate.linux.x86.vcpu_hour"));
	near(comp(r, "fargate.linux.x86.gb_hour")->monthly_cost,
	     1.0 * 2 * h * price("fargate.linux.x86.gb_hour"));
	near(comp(r, "fargate.ephemeral_storage.gb_hour")->monthly_cost,
	     30.0 * 2 * h * price("fargate.ephemeral_storage.gb_hour"));
	near(r->monthly_cost,
	     0.5 * 2 * h * price("fargate.linux.x86.vcpu_hour") +
	             1.0 * 2 * h * price("fargate.linux.x86.gb_hour") +
	             30.0 * 2 * h * price("fargate.ephemeral_storage.gb_hour"));
	/* base 1 on FARGATE, the other 4 tasks split 1:3: 3 on Spot */
	r = res(c, "aws_ecs_service.mix");
	near(comp(r, "fargate.linux.arm.vcpu_hour")->monthly_quantity, 0.25 * 2 * h);
	near(comp(r, "fargate.spot.arm.vcpu_hour")->monthly_cost,
	     0.25 * 3 * h * price("fargate.spot.arm.vcpu_hour"));
	near(comp(r, "fargate.spot.arm.gb_hour")->monthly_cost,
	     0.5 * 3 * h * price("fargate.spot.arm.gb_hour"));
	/* no strategy of its own: the cluster's default, all Spot */
	r = res(c, "aws_ecs_service.spot");
	assert_null(comp(r, "fargate.linux.x86.vcpu_hour"));
	near(comp(r, "fargate.spot.x86.vcpu_hour")->monthly_cost,
	     0.5 * h * price("fargate.spot.x86.vcpu_hour"));
	r = res(c, "aws_ecs_service.ec2");
	assert_int_equal(r->status, TFS_COST_FREE);
	assert_int_equal(r->ncomponents, 0);
	r = res(c, "aws_ecs_service.lost");
	assert_int_equal(r->status, TFS_COST_UNSUPPORTED);
	tfs_cost_free(c);
	release(&f);
}

/* Task sizes as AWS accepts them: units, or with the unit in any case.
 * x86 Linux: 0.0696 per vCPU-hour, 0.0076 per GB-hour. */
static void test_fargate_sizes(void **s)
{
	fixture f = build(
		R("aws_ecs_task_definition", "words", "{'arn':'arn:td/words:1',"
		  "'cpu':'1 vCPU','memory':'2 GB'}") ","
		R("aws_ecs_task_definition", "mixed", "{'arn':'arn:td/mixed:1',"
		  "'cpu':'0.25 vcpu','memory':'512'}") ","
		R("aws_ecs_task_definition", "tight", "{'arn':'arn:td/tight:1',"
		  "'cpu':1024,'memory':'3GB'}") ","
		R("aws_ecs_task_definition", "bad", "{'arn':'arn:td/bad:1',"
		  "'cpu':'lots','memory':'2 TB'}") ","
		R("aws_ecs_task_definition", "none", "{'arn':'arn:td/none:1'}") ","
		R("aws_ecs_service", "words", "{'name':'words','launch_type':"
		  "'FARGATE','desired_count':1,'task_definition':'arn:td/words:1'}") ","
		R("aws_ecs_service", "mixed", "{'name':'mixed','launch_type':"
		  "'FARGATE','desired_count':1,'task_definition':'arn:td/mixed:1'}") ","
		R("aws_ecs_service", "tight", "{'name':'tight','launch_type':"
		  "'FARGATE','desired_count':1,'task_definition':'arn:td/tight:1'}") ","
		R("aws_ecs_service", "bad", "{'name':'bad','launch_type':'FARGATE',"
		  "'desired_count':1,'task_definition':'arn:td/bad:1'}") ","
		R("aws_ecs_service", "none", "{'name':'none','launch_type':"
		  "'FARGATE','desired_count':1,'task_definition':'arn:td/none:1'}"));
	tfs_cost *c = tfs_cost_estimate(f.m, T, NULL);
	const tfs_cost_resource *r;
	const tfs_cost_component *k;
	(void)s;

	near(res(c, "aws_ecs_service.words")->monthly_cost,
	     730 * (1 * 0.0696 + 2 * 0.0076));
	near(res(c, "aws_ecs_service.mixed")->monthly_cost,
	     730 * (0.25 * 0.0696 + 0.5 * 0.0076));
	near(res(c, "aws_ecs_service.tight")->monthly_cost,
	     730 * (1 * 0.0696 + 3 * 0.0076));
	/* what cannot be read is a line without a price, never $0 priced */
	r = res(c, "aws_ecs_service.bad");
	assert_int_equal(r->status, TFS_COST_PRICE_NOT_FOUND);
	assert_int_equal(r->missing_prices, 2);
	k = comp(r, "fargate.linux.x86.vcpu_hour");
	assert_null(k->price_row);
	assert_string_equal(k->note, "cpu \"lots\" is not a size AWS accepts");
	assert_string_equal(comp(r, "fargate.linux.x86.gb_hour")->note,
	                    "memory \"2 TB\" is not a size AWS accepts");
	r = res(c, "aws_ecs_service.none");
	assert_int_equal(r->status, TFS_COST_PRICE_NOT_FOUND);
	assert_string_equal(comp(r, "fargate.linux.x86.vcpu_hour")->note,
	                    "the task definition sets no cpu");
	tfs_cost_free(c);
	release(&f);
}

static void test_rds(void **s)
{
	fixture f = build(
		R("aws_db_instance", "prod", "{'identifier':'p','engine':'postgres',"
		  "'instance_class':'db.t4g.medium','multi_az':true,'storage_type':"
		  "'gp3','allocated_storage':100,'iops':5000,'storage_throughput':125}") ","
		R("aws_db_instance", "dev", "{'identifier':'d','engine':'postgres',"
		  "'instance_class':'db.t4g.micro','multi_az':false,'storage_type':"
		  "'gp2','allocated_storage':20}") ","
		R("aws_db_instance", "odd", "{'identifier':'o','engine':'oracle-ee',"
		  "'instance_class':'db.m5.large','allocated_storage':20}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n  aws_db_instance.prod:\n"
	                     "    additional_backup_storage_gb: 50\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	r = res(c, "aws_db_instance.prod");
	near(r->monthly_cost,
	     730 * price("rds.postgres.db.t4g.medium.multi_az.hour") +
	             100 * price("rds.storage.gp3.multi_az.gb_month") +
	             2000 * price("rds.storage.gp3.multi_az.iops_month") +
	             50 * price("rds.backup.gb_month"));
	assert_string_equal(comp(r, "rds.backup.gb_month")->usage_source,
	                    "resource_usage[aws_db_instance.prod]");
	r = res(c, "aws_db_instance.dev");
	near(r->monthly_cost,
	     730 * price("rds.postgres.db.t4g.micro.single_az.hour") +
	             20 * price("rds.storage.gp2.single_az.gb_month"));
	assert_int_equal(r->pending_usage, 1); /* backups: no usage given */
	assert_false(comp(r, "rds.backup.gb_month")->has_quantity);
	/* a class the table lacks: missing, and adds nothing */
	r = res(c, "aws_db_instance.odd");
	assert_int_equal(r->missing_prices, 1);
	assert_null(comp(r, "rds.oracle-ee.db.m5.large.single_az.hour")->price_row);
	near(r->monthly_cost, 20 * price("rds.storage.gp2.single_az.gb_month"));
	assert_int_equal(c->missing_prices, 1);
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

/* A negative size or count (a broken or hostile state) counts as absent,
 * never as a negative cost (found by tests/run-hostile.sh). */
static void test_negative_quantities(void **s)
{
	fixture f = build(
		R("aws_db_instance", "neg", "{'identifier':'n','engine':'postgres',"
		  "'instance_class':'db.t4g.micro','multi_az':false,'storage_type':"
		  "'gp2','allocated_storage':-20}") ","
		R("aws_db_instance", "huge", "{'identifier':'h','engine':'postgres',"
		  "'instance_class':'db.t4g.micro','multi_az':false,'storage_type':"
		  "'gp2','allocated_storage':-1e308}") ","
		R("aws_ebs_volume", "v", "{'type':'gp3','size':-1,'iops':-5}"));
	tfs_cost *c = tfs_cost_estimate(f.m, T, NULL);
	(void)s;

	for (size_t i = 0; i < c->count; i++) {
		const tfs_cost_resource *r = &c->resources[i];
		assert_true(r->monthly_cost >= 0);
		for (size_t k = 0; k < r->ncomponents; k++)
			assert_true(!r->components[k].has_quantity ||
			            r->components[k].monthly_quantity >= 0);
	}
	near(res(c, "aws_db_instance.neg")->monthly_cost,
	     730 * price("rds.postgres.db.t4g.micro.single_az.hour"));
	assert_true(c->total >= 0);
	tfs_cost_free(c);
	release(&f);
}

static void test_network(void **s)
{
	fixture f = build(
		R("aws_subnet", "a", "{'id':'subnet-a','availability_zone':'sa-east-1a'}") ","
		R("aws_subnet", "b", "{'id':'subnet-b','availability_zone':'sa-east-1b'}") ","
		R("aws_lb", "pub", "{'arn':'arn:lb/pub','load_balancer_type':"
		  "'application','internal':false,'subnets':['subnet-a','subnet-b']}") ","
		R("aws_lb", "int", "{'arn':'arn:lb/int','load_balancer_type':"
		  "'network','internal':true,'subnets':['subnet-a']}") ","
		R("aws_eip", "nat", "{'id':'eipalloc-1','allocation_id':'eipalloc-1',"
		  "'association_id':'eipassoc-1'}") ","
		R("aws_eip", "idle", "{'id':'eipalloc-2','allocation_id':'eipalloc-2'}") ","
		R("aws_nat_gateway", "with_eip", "{'subnet_id':'subnet-a',"
		  "'allocation_id':'eipalloc-1','connectivity_type':'public'}") ","
		R("aws_nat_gateway", "other_eip", "{'subnet_id':'subnet-b',"
		  "'allocation_id':'eipalloc-9','connectivity_type':'public'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n  aws_lb.pub:\n"
	                     "    new_connections: 50\n    processed_bytes_gb: 1\n"
	                     "resource_type_default_usage:\n  aws_nat_gateway:\n"
	                     "    monthly_data_processed_gb: 100\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	r = res(c, "aws_lb.pub");
	/* LCUs: max(50/25, 1/1) = 2 per hour; one public IPv4 per AZ */
	near(r->monthly_cost, 730 * price("elb.alb.hour") +
	                              2 * 730 * price("elb.alb.lcu_hour") +
	                              2 * 730 * price("vpc.public_ipv4.hour"));
	r = res(c, "aws_lb.int");
	assert_null(comp(r, "vpc.public_ipv4.hour"));
	near(comp(r, "elb.nlb.hour")->monthly_cost, 730 * price("elb.nlb.hour"));
	assert_int_equal(r->pending_usage, 1);
	/* the NAT's address is charged on its aws_eip, once */
	r = res(c, "aws_nat_gateway.with_eip");
	assert_null(comp(r, "vpc.public_ipv4.hour"));
	near(r->monthly_cost, 730 * price("nat.hour") + 100 * price("nat.gb"));
	assert_string_equal(comp(r, "nat.gb")->usage_source,
	                    "resource_type_default_usage[aws_nat_gateway]");
	r = res(c, "aws_nat_gateway.other_eip");
	near(comp(r, "vpc.public_ipv4.hour")->monthly_cost,
	     730 * price("vpc.public_ipv4.hour"));
	r = res(c, "aws_eip.idle");
	near(r->monthly_cost, 730 * price("vpc.public_ipv4.hour"));
	assert_non_null(r->note);
	/* free and totals */
	assert_int_equal(res(c, "aws_subnet.a")->status, TFS_COST_FREE);
	{
		double sum = 0;
		for (size_t i = 0; i < c->count; i++)
			sum += c->resources[i].monthly_cost;
		near(c->total, sum);
	}
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_management_and_usage_warnings(void **s)
{
	fixture f = build(
		R("aws_cloudwatch_metric_alarm", "a", "{'period':60}") ","
		R("aws_cloudwatch_metric_alarm", "fast", "{'period':10}") ","
		R("aws_route53_zone", "z", "{'name':'example.com'}") ","
		R("aws_route53_record", "alias", "{'alias':[{'name':'x'}]}") ","
		R("aws_route53_record", "plain", "{'alias':[]}") ","
		R("aws_secretsmanager_secret", "s", "{'name':'s'}") ","
		R("aws_cognito_user_pool", "p", "{'name':'p'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_secretsmanager_secret.s:\n    monthly_requests: 1000\n"
	                     "    typo_requests: 5\n"
	                     "  aws_cognito_user_pool.p:\n    monthly_active_users: 10\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	tfs_usage_warnings w;
	(void)s;

	near(res(c, "aws_cloudwatch_metric_alarm.a")->monthly_cost,
	     price("cloudwatch.alarm.standard.month"));
	near(res(c, "aws_cloudwatch_metric_alarm.fast")->monthly_cost,
	     price("cloudwatch.alarm.high_resolution.month"));
	near(res(c, "aws_route53_zone.z")->monthly_cost,
	     price("route53.zone.tier1.month"));
	assert_int_equal(res(c, "aws_route53_record.alias")->status, TFS_COST_FREE);
	assert_int_equal(res(c, "aws_route53_record.plain")->pending_usage, 1);
	near(res(c, "aws_secretsmanager_secret.s")->monthly_cost,
	     price("secretsmanager.secret.month") +
	             1000 * price("secretsmanager.api.request"));
	/* a pool without a feature plan is priced at the legacy MAU rates */
	near(res(c, "aws_cognito_user_pool.p")->monthly_cost,
	     10 * price("cognito.user_pool.tier1.mau"));
	tfs_usage_warnings_init(&w);
	assert_int_equal(tfs_cost_usage_check(u, &w), 1);
	assert_non_null(strstr(w.items[0], "u.yml:5:5: unknown usage key "
	                                   "'typo_requests'"));
	tfs_usage_warnings_release(&w);
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static double sum_components(const tfs_cost_resource *r)
{
	double t = 0;
	for (size_t i = 0; i < r->ncomponents; i++)
		t += r->components[i].monthly_cost;
	return t;
}

static void test_s3(void **s)
{
	fixture f = build(
		R("aws_s3_bucket", "big", "{'bucket':'big'}") ","
		R("aws_s3_bucket", "bare", "{'bucket':'bare'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n  aws_s3_bucket.big:\n"
	                     "    standard:\n      storage_gb: 60000\n"
	                     "      monthly_tier_1_requests: 1000\n"
	                     "      monthly_tier_2_requests: 2000\n"
	                     "    standard_infrequent_access:\n      storage_gb: 100\n"
	                     "    glacier_flexible_retrieval:\n"
	                     "      monthly_tier_2_requests: 10\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	tfs_usage_warnings w;
	(void)s;

	/* 60,000 GB: the first 50 TB (51,200 GB) at tier1, 8,800 at tier2 */
	r = res(c, "aws_s3_bucket.big");
	/* the table has no Glacier Flexible Retrieval GET price: priced, with
	 * that one price missing, never a silent $0 */
	assert_int_equal(r->status, TFS_COST_PRICE_NOT_FOUND);
	assert_int_equal(r->missing_prices, 1);
	near(comp(r, "s3.standard.tier1.gb_month")->monthly_quantity, 51200);
	near(comp(r, "s3.standard.tier2.gb_month")->monthly_quantity, 8800);
	assert_null(comp(r, "s3.standard.tier3.gb_month"));
	near(r->monthly_cost, 51200 * price("s3.standard.tier1.gb_month") +
	                              8800 * price("s3.standard.tier2.gb_month") +
	                              1000 * price("s3.standard.put.request") +
	                              2000 * price("s3.standard.get.request") +
	                              100 * price("s3.standard_ia.gb_month"));
	/* Glacier Flexible GET requests: not in the table */
	assert_int_equal(r->missing_prices, 1);
	assert_null(comp(r, "s3.glacier_flexible.get.request")->price_row);
	assert_int_equal(r->pending_usage, 0);
	/* no usage: Standard only, depends on usage */
	r = res(c, "aws_s3_bucket.bare");
	assert_int_equal(r->ncomponents, 3);
	assert_int_equal(r->pending_usage, 3);
	near(r->monthly_cost, 0);
	tfs_usage_warnings_init(&w);
	assert_int_equal(tfs_cost_usage_check(u, &w), 0);
	tfs_usage_warnings_release(&w);
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_cloudfront(void **s)
{
	fixture f = build(
		R("aws_cloudfront_distribution", "cdn", "{'id':'E1'}") ","
		R("aws_cloudfront_distribution", "bare", "{'id':'E2'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_cloudfront_distribution.cdn:\n"
	                     "    monthly_data_transfer_to_internet_gb:\n"
	                     "      us: 60000\n      south_america: 100\n"
	                     "    monthly_https_requests:\n      south_america: 1000000\n"
	                     "    monthly_http_requests:\n      us: 500000\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	tfs_usage_warnings w;
	(void)s;

	/* 60,000 GB to the US group: 10,240 + 40,960 + 8,800 */
	r = res(c, "aws_cloudfront_distribution.cdn");
	near(comp(r, "cloudfront.data_out.us_mx_ca.tier1.gb")->monthly_quantity,
	     10240);
	near(comp(r, "cloudfront.data_out.us_mx_ca.tier2.gb")->monthly_quantity,
	     40960);
	near(comp(r, "cloudfront.data_out.us_mx_ca.tier3.gb")->monthly_quantity,
	     8800);
	assert_null(comp(r, "cloudfront.data_out.us_mx_ca.tier4.gb"));
	near(r->monthly_cost,
	     10240 * price("cloudfront.data_out.us_mx_ca.tier1.gb") +
	             40960 * price("cloudfront.data_out.us_mx_ca.tier2.gb") +
	             8800 * price("cloudfront.data_out.us_mx_ca.tier3.gb") +
	             100 * price("cloudfront.data_out.south_america.tier1.gb") +
	             1e6 * price("cloudfront.requests.south_america.https.request") +
	             5e5 * price("cloudfront.requests.united_states.http.request"));
	assert_int_equal(r->missing_prices, 0);
	assert_int_equal(r->pending_usage, 0);
	/* no usage: the South America group's rates, depending on usage */
	r = res(c, "aws_cloudfront_distribution.bare");
	assert_int_equal(r->pending_usage, 3);
	assert_non_null(comp(r, "cloudfront.data_out.south_america.tier1.gb"));
	assert_non_null(comp(r, "cloudfront.requests.south_america.https.request"));
	assert_non_null(r->note);
	tfs_usage_warnings_init(&w);
	assert_int_equal(tfs_cost_usage_check(u, &w), 0);
	tfs_usage_warnings_release(&w);
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_waf(void **s)
{
	fixture f = build(
		R("aws_wafv2_web_acl", "acl", "{'name':'acl','scope':'REGIONAL',"
		  "'capacity':700,'rule':[{'name':'a'},{'name':'b'},{'name':'c'}]}") ","
		R("aws_wafv2_web_acl", "wide", "{'name':'wide','scope':'CLOUDFRONT',"
		  "'capacity':1800,'rule':[{'name':'a'}]}") ","
		R("aws_wafv2_web_acl", "wider", "{'name':'wider','capacity':2300,"
		  "'rule':[]}"));
	tfs_usage *u = usage("version: 0.1\nresource_type_default_usage:\n"
	                     "  aws_wafv2_web_acl:\n    monthly_requests: 2000000\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	r = res(c, "aws_wafv2_web_acl.acl");
	near(r->monthly_cost, price("waf.web_acl.month") + 3 * price("waf.rule.month") +
	                              2e6 * price("waf.requests.base.request"));
	/* 1,800 WCU: the up-to-2,000-WCU request rate */
	r = res(c, "aws_wafv2_web_acl.wide");
	near(r->monthly_cost, price("waf.web_acl.month") + price("waf.rule.month") +
	                              2e6 * price("waf.requests.wcu_2000.request"));
	assert_non_null(r->note);
	/* 2,300 WCU: the 2,500 step is not in the table */
	r = res(c, "aws_wafv2_web_acl.wider");
	assert_int_equal(r->missing_prices, 1);
	assert_null(comp(r, "waf.requests.wcu_2500.request")->price_row);
	near(r->monthly_cost, price("waf.web_acl.month"));
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_dynamodb(void **s)
{
	fixture f = build(
		R("aws_dynamodb_table", "od", "{'name':'od','billing_mode':"
		  "'PAY_PER_REQUEST','point_in_time_recovery':[{'enabled':true}]}") ","
		R("aws_dynamodb_table", "prov", "{'name':'prov','billing_mode':"
		  "'PROVISIONED','read_capacity':5,'write_capacity':2,"
		  "'table_class':'STANDARD_INFREQUENT_ACCESS'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n  aws_dynamodb_table.od:\n"
	                     "    monthly_write_request_units: 1000000\n"
	                     "    monthly_read_request_units: 2000000\n"
	                     "    storage_gb: 10\n    pitr_backup_storage_gb: 4\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	r = res(c, "aws_dynamodb_table.od");
	near(r->monthly_cost, 1e6 * price("dynamodb.on_demand.wru") +
	                              2e6 * price("dynamodb.on_demand.rru") +
	                              10 * price("dynamodb.storage.standard.gb_month") +
	                              4 * price("dynamodb.backup.pitr.gb_month"));
	r = res(c, "aws_dynamodb_table.prov");
	near(r->monthly_cost,
	     2 * 730 * price("dynamodb.provisioned.standard_ia.wcu_hour") +
	             5 * 730 * price("dynamodb.provisioned.standard_ia.rcu_hour"));
	assert_int_equal(r->pending_usage, 1); /* storage */
	assert_null(comp(r, "dynamodb.backup.pitr.gb_month"));
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_lambda(void **s)
{
	fixture f = build(
		R("aws_lambda_function", "x86", "{'function_name':'x86',"
		  "'memory_size':512,'architectures':['x86_64']}") ","
		R("aws_lambda_function", "arm", "{'function_name':'arm',"
		  "'memory_size':10240,'architectures':['arm64'],"
		  "'ephemeral_storage':[{'size':1024}]}") ","
		R("aws_lambda_function", "bare", "{'function_name':'bare'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_lambda_function.x86:\n    monthly_requests: 1000000\n"
	                     "    request_duration_ms: 100.4\n"
	                     "  aws_lambda_function.arm:\n"
	                     "    monthly_requests: 1000000000\n"
	                     "    request_duration_ms: 1000\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	/* 1M x 101 ms (rounded up) x 0.5 GB = 50,500 GB-s, all in tier 1 */
	r = res(c, "aws_lambda_function.x86");
	near(r->monthly_cost, 1e6 * price("lambda.x86.request") +
	                              50500 * price("lambda.x86.duration.tier1.gb_second"));
	/* 1B x 1 s x 10 GB = 10B GB-s: 7.5B at Arm tier 1, 2.5B at tier 2;
	 * 512 MB of ephemeral storage above the free 512 MB */
	r = res(c, "aws_lambda_function.arm");
	near(comp(r, "lambda.arm.duration.tier2.gb_second")->monthly_quantity, 2.5e9);
	near(r->monthly_cost,
	     1e9 * price("lambda.arm.request") +
	             7.5e9 * price("lambda.arm.duration.tier1.gb_second") +
	             2.5e9 * price("lambda.arm.duration.tier2.gb_second") +
	             1e9 * 0.5 * price("lambda.arm.ephemeral_storage.gb_second"));
	r = res(c, "aws_lambda_function.bare");
	assert_int_equal(r->pending_usage, 2);
	assert_non_null(comp(r, "lambda.x86.duration.tier1.gb_second"));
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_elasticache(void **s)
{
	fixture f = build(
		R("aws_elasticache_cluster", "one", "{'cluster_id':'one','engine':"
		  "'redis','node_type':'cache.t4g.micro','num_cache_nodes':2,"
		  "'snapshot_retention_limit':3}") ","
		R("aws_elasticache_cluster", "member", "{'cluster_id':'m',"
		  "'replication_group_id':'rg','node_type':'cache.r6g.large'}") ","
		R("aws_elasticache_cluster", "mc", "{'cluster_id':'mc','engine':"
		  "'memcached','node_type':'cache.t3.micro','num_cache_nodes':1}") ","
		R("aws_elasticache_replication_group", "rg", "{'replication_group_id':"
		  "'rg','engine':'valkey','node_type':'cache.r6g.large',"
		  "'num_node_groups':2,'replicas_per_node_group':1}") ","
		R("aws_elasticache_replication_group", "simple", "{'replication_group_id':"
		  "'s','node_type':'cache.t3.small','num_node_groups':1,"
		  "'replicas_per_node_group':0,'num_cache_clusters':3}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_elasticache_cluster.one:\n"
	                     "    snapshot_storage_size_gb: 5\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	/* 3 snapshots kept, one free: 2 x 5 GB */
	r = res(c, "aws_elasticache_cluster.one");
	near(r->monthly_cost, 2 * 730 * price("elasticache.redis.cache.t4g.micro.hour") +
	                              10 * price("elasticache.redis.backup.gb_month"));
	assert_int_equal(res(c, "aws_elasticache_cluster.member")->status,
	                 TFS_COST_FREE);
	/* Memcached nodes: no row */
	r = res(c, "aws_elasticache_cluster.mc");
	assert_int_equal(r->missing_prices, 1);
	near(r->monthly_cost, 0);
	/* 2 shards x (1 primary + 1 replica) */
	near(res(c, "aws_elasticache_replication_group.rg")->monthly_cost,
	     4 * 730 * price("elasticache.valkey.cache.r6g.large.hour"));
	near(res(c, "aws_elasticache_replication_group.simple")->monthly_cost,
	     3 * 730 * price("elasticache.redis.cache.t3.small.hour"));
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_ec2_ebs(void **s)
{
	fixture f = build(
		R("aws_ebs_volume", "data", "{'id':'vol-data','availability_zone':"
		  "'sa-east-1a','type':'st1','size':500}") ","
		R("aws_ebs_volume", "fast", "{'id':'vol-fast','availability_zone':"
		  "'sa-east-1a','type':'io2','size':100,'iops':1000}") ","
		R("aws_ebs_volume", "old", "{'id':'vol-old','availability_zone':"
		  "'sa-east-1a','type':'standard','size':10}") ","
		R("aws_eip", "web", "{'id':'eipalloc-1','allocation_id':'eipalloc-1',"
		  "'public_ip':'203.0.113.9','instance':'i-2'}") ","
		R("aws_instance", "app", "{'id':'i-1','instance_type':'t3.micro',"
		  "'public_ip':'198.51.100.1','root_block_device':[{'volume_type':"
		  "'gp3','volume_size':30,'iops':4000,'throughput':200}],"
		  "'ebs_block_device':[{'device_name':'/dev/sdf','volume_type':'io1',"
		  "'volume_size':100,'iops':500},{'device_name':'/dev/sdg',"
		  "'volume_id':'vol-data','volume_type':'st1','volume_size':500}]}") ","
		R("aws_instance", "web", "{'id':'i-2','instance_type':'i4i.large',"
		  "'public_ip':'203.0.113.9','root_block_device':[{'volume_type':"
		  "'gp2','volume_size':8}]}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n  aws_ebs_volume.old:\n"
	                     "    monthly_standard_io_requests: 1000000\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	/* gp3: 1,000 IOPS and 75 MiB/s above the baseline; the attached
	 * aws_ebs_volume is priced on its own resource */
	r = res(c, "aws_instance.app");
	near(r->monthly_cost, 730 * price("ec2.linux.t3.micro.hour") +
	                              30 * price("ebs.gp3.gb_month") +
	                              1000 * price("ebs.gp3.iops_month") +
	                              75 * price("ebs.gp3.mibps_month") +
	                              100 * price("ebs.io1.gb_month") +
	                              500 * price("ebs.io1.iops_month") +
	                              730 * price("vpc.public_ipv4.hour"));
	assert_null(comp(r, "ebs.st1.gb_month"));
	/* a type the table lacks; its address is the aws_eip's */
	r = res(c, "aws_instance.web");
	assert_int_equal(r->missing_prices, 1);
	assert_null(comp(r, "vpc.public_ipv4.hour"));
	near(r->monthly_cost, 8 * price("ebs.gp2.gb_month"));
	near(res(c, "aws_ebs_volume.data")->monthly_cost,
	     500 * price("ebs.st1.gb_month"));
	r = res(c, "aws_ebs_volume.fast");
	assert_int_equal(r->missing_prices, 2); /* io2 GB and IOPS */
	near(r->monthly_cost, 0);
	near(res(c, "aws_ebs_volume.old")->monthly_cost,
	     10 * price("ebs.standard.gb_month") +
	             1e6 * price("ebs.standard.io_request"));
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_sns_sqs(void **s)
{
	fixture f = build(
		R("aws_sns_topic", "t", "{'name':'t'}") ","
		R("aws_sns_topic", "f", "{'name':'f.fifo','fifo_topic':true}") ","
		R("aws_sqs_queue", "q", "{'name':'q','fifo_queue':false}") ","
		R("aws_sqs_queue", "big", "{'name':'big.fifo','fifo_queue':true}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_sns_topic.t:\n    monthly_requests: 2000000\n"
	                     "  aws_sns_topic.f:\n    monthly_requests: 1000\n"
	                     "  aws_sqs_queue.q:\n    monthly_requests: 3000000\n"
	                     "    request_size_kb: 100\n"
	                     "  aws_sqs_queue.big:\n    monthly_requests: 150000000000\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	near(res(c, "aws_sns_topic.t")->monthly_cost, 2e6 * price("sns.api.request"));
	near(res(c, "aws_sns_topic.f")->monthly_cost,
	     1000 * price("sns.fifo.api.request"));
	/* 100 KB requests count twice (64 KB chunks) */
	near(res(c, "aws_sqs_queue.q")->monthly_cost,
	     6e6 * price("sqs.standard.tier1.request"));
	/* 150 billion FIFO requests: 100 billion at tier 1, 50 at tier 2 */
	r = res(c, "aws_sqs_queue.big");
	near(r->monthly_cost, 100e9 * price("sqs.fifo.tier1.request") +
	                              50e9 * price("sqs.fifo.tier2.request"));
	near(r->monthly_cost, sum_components(r));
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_aurora(void **s)
{
	fixture f = build(
		R("aws_rds_cluster", "io", "{'cluster_identifier':'io','engine':"
		  "'aurora-postgresql','storage_type':'aurora-iopt1',"
		  "'backup_retention_period':1}") ","
		R("aws_rds_cluster", "std", "{'cluster_identifier':'std','engine':"
		  "'aurora-mysql','backup_retention_period':7}") ","
		R("aws_rds_cluster_instance", "io1", "{'identifier':'io1',"
		  "'cluster_identifier':'io','engine':'aurora-postgresql',"
		  "'instance_class':'db.r6g.large'}") ","
		R("aws_rds_cluster_instance", "std1", "{'identifier':'std1',"
		  "'cluster_identifier':'std','engine':'aurora-mysql',"
		  "'instance_class':'db.t4g.medium'}") ","
		R("aws_rds_cluster_instance", "lost", "{'identifier':'lost',"
		  "'cluster_identifier':'elsewhere','engine':'aurora-postgresql',"
		  "'instance_class':'db.r6g.large'}") ","
		R("aws_rds_cluster_instance", "sv2", "{'identifier':'sv2',"
		  "'cluster_identifier':'io','engine':'aurora-postgresql',"
		  "'instance_class':'db.serverless'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_rds_cluster.std:\n    storage_gb: 100\n"
	                     "    read_requests_per_sec: 10\n"
	                     "    write_requests_per_sec: 5\n"
	                     "    backup_snapshot_size_gb: 20\n"
	                     "  aws_rds_cluster.io:\n    storage_gb: 50\n"
	                     "  aws_rds_cluster_instance.sv2:\n"
	                     "    capacity_units_per_hr: 2\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	/* 15 I/O per second over 730 hours; 6 daily snapshots beyond the free */
	near(res(c, "aws_rds_cluster.std")->monthly_cost,
	     100 * price("aurora.storage.standard.gb_month") +
	             15 * 730 * 3600 * price("aurora.storage.standard.io_request") +
	             6 * 20 * price("aurora.mysql.backup.gb_month"));
	r = res(c, "aws_rds_cluster.io");
	assert_null(comp(r, "aurora.storage.standard.io_request"));
	near(r->monthly_cost, 50 * price("aurora.storage.io_optimized.gb_month"));
	near(res(c, "aws_rds_cluster_instance.io1")->monthly_cost,
	     730 * price("aurora.postgres.db.r6g.large.io_optimized.hour"));
	near(res(c, "aws_rds_cluster_instance.std1")->monthly_cost,
	     730 * price("aurora.mysql.db.t4g.medium.standard.hour"));
	r = res(c, "aws_rds_cluster_instance.lost");
	near(r->monthly_cost, 730 * price("aurora.postgres.db.r6g.large.standard.hour"));
	assert_non_null(r->note);
	near(res(c, "aws_rds_cluster_instance.sv2")->monthly_cost,
	     2 * 730 * price("aurora.postgres.serverless_v2.io_optimized.acu_hour"));
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

/* A public IPv4 address is charged once, and the estimate's note and the
 * idle-address check read the same rule. */
static void test_one_address_one_price(void **s)
{
	fixture f = build(
		R("aws_eip", "nat", "{'id':'eipalloc-1','allocation_id':'eipalloc-1',"
		  "'association_id':null,'instance':'','network_interface':''}") ","
		R("aws_nat_gateway", "nat", "{'id':'nat-1','allocation_id':"
		  "'eipalloc-1','connectivity_type':'public'}") ","
		R("aws_nat_gateway", "alone", "{'id':'nat-2','allocation_id':"
		  "'eipalloc-9','connectivity_type':'public'}") ","
		R("aws_eip", "idle", "{'id':'eipalloc-2','allocation_id':'eipalloc-2',"
		  "'association_id':'','instance':'','network_interface':''}") ","
		R("aws_eip", "planned", "{'domain':'vpc'}"));
	tfs_cost *c = tfs_cost_estimate(f.m, T, NULL);
	tfs_checks *k = run_checks(&f, NULL);
	const tfs_cost_resource *r;
	(void)s;

	r = res(c, "aws_nat_gateway.nat");
	assert_null(comp(r, "vpc.public_ipv4.hour"));
	assert_string_equal(r->note,
	                    "its public IPv4 address is charged on aws_eip.nat");
	r = res(c, "aws_eip.nat");
	near(r->monthly_cost, 730 * price("vpc.public_ipv4.hour"));
	assert_string_equal(r->note, "the public IPv4 address of aws_nat_gateway.nat");
	assert_int_equal(status_of(k, "COST-IDLE-EIP", "aws_eip.nat"),
	                 TFS_STATUS_PASS);
	/* its EIP is not in this input: the NAT carries the address */
	assert_non_null(comp(res(c, "aws_nat_gateway.alone"), "vpc.public_ipv4.hour"));
	assert_string_equal(res(c, "aws_eip.idle")->note,
	                    "not associated with anything");
	assert_int_equal(status_of(k, "COST-IDLE-EIP", "aws_eip.idle"),
	                 TFS_STATUS_FAIL);
	assert_string_equal(res(c, "aws_eip.planned")->note,
	                    "whether it is associated is not recorded yet");
	assert_int_equal(status_of(k, "COST-IDLE-EIP", "aws_eip.planned"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(k);
	tfs_cost_free(c);
	release(&f);
}

/* Outside sa-east-1, or not AWS: listed, never priced at sa-east-1 rates,
 * and counted as left out; free stays free anywhere. */
static void test_other_regions_and_providers(void **s)
{
	fixture f = build(
		R("aws_nat_gateway", "eu", "{'id':'nat-1','subnet_id':'subnet-1',"
		  "'availability_zone':'eu-west-1a'}") ","
		R("aws_lb", "use1", "{'arn':'arn:aws:elasticloadbalancing:us-east-1:"
		  "111122223333:loadbalancer/app/x/1','internal':true}") ","
		R("aws_vpc", "eu", "{'id':'vpc-1','arn':'arn:aws:ec2:eu-west-1:"
		  "111122223333:vpc/vpc-1'}") ","
		R("aws_nat_gateway", "home", "{'id':'nat-2','availability_zone':"
		  "'sa-east-1a'}") ","
		R("google_compute_instance", "vm", "{'name':'vm','zone':"
		  "'us-central1-a'}") ","
		R("random_id", "suffix", "{'hex':'ab12'}"));
	tfs_cost *c = tfs_cost_estimate(f.m, T, NULL);
	const tfs_cost_resource *r;
	(void)s;

	r = res(c, "aws_nat_gateway.eu");
	assert_int_equal(r->status, TFS_COST_OTHER_REGION);
	assert_string_equal(r->region, "eu-west-1");
	assert_int_equal(r->ncomponents, 0);
	assert_int_equal(res(c, "aws_lb.use1")->status, TFS_COST_OTHER_REGION);
	assert_int_equal(res(c, "aws_vpc.eu")->status, TFS_COST_FREE);
	assert_int_equal(res(c, "google_compute_instance.vm")->status,
	                 TFS_COST_NOT_AWS);
	assert_int_equal(res(c, "random_id.suffix")->status, TFS_COST_FREE);
	assert_int_equal(c->n_other_region, 2);
	assert_int_equal(c->n_not_aws, 1);
	/* the total is the one sa-east-1 NAT gateway's hours and address */
	near(c->total, 730 * price("nat.hour") + 730 * price("vpc.public_ipv4.hour"));
	tfs_cost_free(c);
	release(&f);
}

/* No charge of its own: free, with the resource it is billed with. */
static void test_free_names_its_parent(void **s)
{
	fixture f = build(
		R("aws_apigatewayv2_api", "http", "{'id':'a1b2c3','name':'http'}") ","
		R("aws_apigatewayv2_route", "get", "{'api_id':'a1b2c3','route_key':"
		  "'GET /'}") ","
		R("aws_lambda_permission", "api", "{'function_name':'gone'}") ","
		R("aws_security_group", "web", "{'id':'sg-1'}") ","
		R("aws_security_group_rule", "in", "{'security_group_id':'sg-1'}") ","
		R("aws_iam_role", "task", "{'name':'task'}"));
	tfs_cost *c = tfs_cost_estimate(f.m, T, NULL);
	const tfs_cost_resource *r;
	(void)s;

	r = res(c, "aws_apigatewayv2_route.get");
	assert_int_equal(r->status, TFS_COST_FREE);
	assert_string_equal(r->note, "billed with aws_apigatewayv2_api.http");
	assert_string_equal(c->model->nodes[r->parent].address,
	                    "aws_apigatewayv2_api.http");
	/* the API itself is billed by its requests */
	assert_int_equal(res(c, "aws_apigatewayv2_api.http")->status,
	                 TFS_COST_PRICED);
	assert_int_equal(res(c, "aws_apigatewayv2_api.http")->pending_usage, 1);
	assert_string_equal(res(c, "aws_lambda_permission.api")->note,
	                    "billed with its aws_lambda_function (not in this "
	                    "input)");
	assert_string_equal(res(c, "aws_security_group_rule.in")->note,
	                    "part of aws_security_group.web, which has no charge "
	                    "either");
	assert_string_equal(res(c, "aws_iam_role.task")->note, "IAM has no charge");
	tfs_cost_free(c);
	release(&f);
}

/* An internet-facing ALB has an address per AZ; without subnets, the two
 * AWS requires, said as an assumption. */
static void test_alb_addresses(void **s)
{
	fixture f = build(
		R("aws_lb", "three", "{'load_balancer_type':'application',"
		  "'internal':false,'subnets':['subnet-a','subnet-b','subnet-c']}") ","
		R("aws_lb", "none", "{'load_balancer_type':'application',"
		  "'internal':false}"));
	tfs_cost *c = tfs_cost_estimate(f.m, T, NULL);
	const tfs_cost_component *k;
	(void)s;

	k = comp(res(c, "aws_lb.three"), "vpc.public_ipv4.hour");
	near(k->monthly_quantity, 3 * 730);
	assert_null(k->note);
	k = comp(res(c, "aws_lb.none"), "vpc.public_ipv4.hour");
	near(k->monthly_quantity, 2 * 730);
	assert_non_null(strstr(k->note, "AWS requires at least two"));
	tfs_cost_free(c);
	release(&f);
}

/* The serverless estimators.  Each figure is worked out here from the
 * facts' prices (pricing/sa-east-1.csv rows quoted), not read back from
 * the table. */
static void test_api_gateway(void **s)
{
	fixture f = build(
		R("aws_api_gateway_rest_api", "rest", "{'id':'r1','name':'rest'}") ","
		R("aws_api_gateway_stage", "cached", "{'rest_api_id':'r1',"
		  "'stage_name':'prod','cache_cluster_enabled':true,"
		  "'cache_cluster_size':'0.5'}") ","
		R("aws_api_gateway_stage", "plain", "{'rest_api_id':'r1',"
		  "'stage_name':'dev','cache_cluster_enabled':false}") ","
		R("aws_apigatewayv2_api", "http", "{'id':'h1','name':'http',"
		  "'protocol_type':'HTTP'}") ","
		R("aws_apigatewayv2_api", "ws", "{'id':'w1','name':'ws',"
		  "'protocol_type':'WEBSOCKET'}") ","
		R("aws_apigatewayv2_api", "idle", "{'id':'i1','name':'idle',"
		  "'protocol_type':'HTTP'}"));
	tfs_usage *u = usage(
		"version: 0.1\nresource_usage:\n"
		"  aws_api_gateway_rest_api.rest:\n    monthly_requests: 1500000000\n"
		"  aws_apigatewayv2_api.http:\n    monthly_requests: 400000000\n"
		"    request_size_kb: 1024\n"
		"  aws_apigatewayv2_api.ws:\n    monthly_messages: 2000000\n"
		"    message_size_kb: 40\n    monthly_connection_mins: 1000000\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	assert_true(tfs_cost_tables_sorted());
	/* REST: the first 1B at 0.00000425, the next 0.5B at 0.00000361 */
	near(res(c, "aws_api_gateway_rest_api.rest")->monthly_cost,
	     1e9 * 0.00000425 + 0.5e9 * 0.00000361);
	/* a cache of 0.5 GB: 730 h x 0.028 */
	near(res(c, "aws_api_gateway_stage.cached")->monthly_cost, 730 * 0.028);
	assert_int_equal(res(c, "aws_api_gateway_stage.plain")->status,
	                 TFS_COST_FREE);
	/* HTTP: a 1 MB request is two 512 KB units: 800M requests, 300M at
	 * 0.00000159 and 500M at 0.00000143 */
	near(res(c, "aws_apigatewayv2_api.http")->monthly_cost,
	     300e6 * 0.00000159 + 500e6 * 0.00000143);
	/* WebSocket: a 40 KB message is two 32 KB units; minutes at
	 * 0.000000388 */
	near(res(c, "aws_apigatewayv2_api.ws")->monthly_cost,
	     4e6 * 0.00000155 + 1e6 * 0.000000388);
	/* without usage, the request line waits for it and names the free tier */
	r = res(c, "aws_apigatewayv2_api.idle");
	assert_int_equal(r->pending_usage, 1);
	assert_non_null(strstr(r->components[0].note, "free tier"));
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_cognito(void **s)
{
	fixture f = build(
		R("aws_cognito_user_pool", "legacy", "{'name':'legacy',"
		  "'user_pool_add_ons':[{'advanced_security_mode':'ENFORCED'}]}") ","
		R("aws_cognito_user_pool", "plus", "{'name':'plus',"
		  "'user_pool_tier':'PLUS'}") ","
		R("aws_cognito_identity_pool", "ids", "{'identity_pool_name':'ids'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_cognito_user_pool.legacy:\n"
	                     "    monthly_active_users: 120000\n"
	                     "  aws_cognito_user_pool.plus:\n"
	                     "    monthly_active_users: 120000\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	/* MAUs: 50k at 0.0055 + 70k at 0.0046; advanced security: 50k at
	 * 0.05 + 50k at 0.035 + 20k at 0.02 */
	near(res(c, "aws_cognito_user_pool.legacy")->monthly_cost,
	     50e3 * 0.0055 + 70e3 * 0.0046 + 50e3 * 0.05 + 50e3 * 0.035 +
	             20e3 * 0.02);
	/* the feature-plan tiers have no sa-east-1 price in the facts */
	r = res(c, "aws_cognito_user_pool.plus");
	assert_int_equal(r->status, TFS_COST_PRICE_NOT_FOUND);
	assert_non_null(comp(r, "cognito.plus.mau"));
	assert_int_equal(res(c, "aws_cognito_identity_pool.ids")->status,
	                 TFS_COST_FREE);
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_lambda_snapstart_provisioned(void **s)
{
	fixture f = build(
		R("aws_lambda_function", "py", "{'function_name':'py',"
		  "'runtime':'python3.12','memory_size':2048,'architectures':"
		  "['x86_64'],'snap_start':[{'apply_on':'PublishedVersions'}]}") ","
		R("aws_lambda_function", "java", "{'function_name':'java',"
		  "'runtime':'java21','memory_size':2048,'snap_start':"
		  "[{'apply_on':'PublishedVersions'}]}") ","
		R("aws_lambda_function", "api", "{'function_name':'api',"
		  "'arn':'arn:aws:lambda:sa-east-1:1:function:api','memory_size':"
		  "1024,'architectures':['arm64']}") ","
		R("aws_lambda_provisioned_concurrency_config", "pc",
		  "{'function_name':'api','qualifier':'live',"
		  "'provisioned_concurrent_executions':2}") ","
		R("aws_lambda_provisioned_concurrency_config", "orphan",
		  "{'function_name':'gone','provisioned_concurrent_executions':2}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_lambda_function.py:\n"
	                     "    monthly_snapstart_restores: 1000\n"
	                     "  aws_lambda_provisioned_concurrency_config.pc:\n"
	                     "    monthly_requests: 1000000\n"
	                     "    request_duration_ms: 99.2\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	/* cache: 2 GB x 730 h x 3600 s x 0.0000019855; restores: 1000 x 2 GB
	 * x 0.0001817973 */
	r = res(c, "aws_lambda_function.py");
	near(comp(r, "lambda.snapstart.cache.gb_second")->monthly_cost,
	     2.0 * 730 * 3600 * 0.0000019855);
	near(comp(r, "lambda.snapstart.restore.gb")->monthly_cost,
	     1000 * 2.0 * 0.0001817973);
	r = res(c, "aws_lambda_function.java");
	assert_null(comp(r, "lambda.snapstart.cache.gb_second"));
	assert_string_equal(r->note, "SnapStart for Java has no charge");
	/* 2 executions x 1 GB x 730 h x 3600 s x 0.0000053098, and 1M x 100 ms
	 * (rounded up) x 1 GB x 0.0000123894 */
	near(res(c, "aws_lambda_provisioned_concurrency_config.pc")->monthly_cost,
	     2 * 1.0 * 730 * 3600 * 0.0000053098 + 1e6 * 0.1 * 0.0000123894);
	r = res(c, "aws_lambda_provisioned_concurrency_config.orphan");
	assert_int_equal(r->status, TFS_COST_UNSUPPORTED);
	assert_non_null(strstr(r->note, "not in this input"));
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

static void test_events_streams_deliveries(void **s)
{
	fixture f = build(
		R("aws_cloudwatch_event_bus", "bus", "{'name':'orders'}") ","
		R("aws_cloudwatch_event_rule", "tick", "{'name':'tick',"
		  "'schedule_expression':'rate(5 minutes)'}") ","
		R("aws_cloudwatch_event_target", "t", "{'rule':'tick'}") ","
		R("aws_dynamodb_table", "orders", "{'name':'orders','billing_mode':"
		  "'PAY_PER_REQUEST','stream_enabled':true,'replica':"
		  "[{'region_name':'sa-east-1'},{'region_name':'us-east-1'}]}") ","
		R("aws_sns_topic", "events", "{'name':'events','arn':"
		  "'arn:aws:sns:sa-east-1:1:events'}") ","
		R("aws_sns_topic_subscription", "l1", "{'topic_arn':"
		  "'arn:aws:sns:sa-east-1:1:events','protocol':'lambda'}") ","
		R("aws_sns_topic_subscription", "e1", "{'topic_arn':"
		  "'arn:aws:sns:sa-east-1:1:events','protocol':'email'}") ","
		R("aws_sns_topic_subscription", "e2", "{'topic_arn':"
		  "'arn:aws:sns:sa-east-1:1:events','protocol':'email'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_dynamodb_table.orders:\n"
	                     "    monthly_write_request_units: 1000000\n"
	                     "    monthly_streams_read_request_units: 2000000\n"
	                     "    on_demand_backup_storage_gb: 10\n"
	                     "  aws_sns_topic.events:\n"
	                     "    monthly_requests: 1000000\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	/* custom events: no price in the facts, so the bus says so */
	assert_int_equal(res(c, "aws_cloudwatch_event_bus.bus")->status,
	                 TFS_COST_PRICE_NOT_FOUND);
	/* a custom bus carries custom events; partner events need a partner's */
	assert_int_equal(res(c, "aws_cloudwatch_event_bus.bus")->ncomponents, 1);
	assert_non_null(comp(res(c, "aws_cloudwatch_event_bus.bus"),
	                     "eventbridge.custom_events.event"));
	assert_int_equal(res(c, "aws_cloudwatch_event_rule.tick")->status,
	                 TFS_COST_FREE);
	assert_string_equal(res(c, "aws_cloudwatch_event_target.t")->note,
	                    "part of aws_cloudwatch_event_rule.tick, which has "
	                    "no charge either");
	/* one replica in sa-east-1: 1M replicated writes at 0.0000009375;
	 * streams 2M x 0.0000003; backups 10 GB x 0.15; us-east-1 named */
	r = res(c, "aws_dynamodb_table.orders");
	near(comp(r, "dynamodb.on_demand.replicated.wru")->monthly_cost,
	     1e6 * 0.0000009375);
	near(comp(r, "dynamodb.streams.request")->monthly_cost, 2e6 * 0.0000003);
	near(comp(r, "dynamodb.backup.on_demand.gb_month")->monthly_cost,
	     10 * 0.15);
	assert_null(comp(r, "dynamodb.restore.gb"));
	assert_non_null(strstr(r->note, "us-east-1"));
	/* 1M publishes x 0.0000005, two email subscriptions: 2M x 0.00002,
	 * Lambda deliveries free */
	r = res(c, "aws_sns_topic.events");
	near(r->monthly_cost, 1e6 * 0.0000005 + 2e6 * 0.00002);
	assert_non_null(comp(r, "sns.sqs_lambda.notification"));
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

/* A price literal copied from pricing/sa-east-1.csv into a test, checked
 * against the bundled table so that the test's arithmetic uses it. */
static double lit(const char *key, double usd)
{
	near(price(key), usd);
	return usd;
}

static const char *warning_with(const tfs_usage_warnings *w, const char *text)
{
	for (size_t i = 0; i < w->count; i++)
		if (strstr(w->items[i], text))
			return w->items[i];
	return NULL;
}

/* LCUs as AWS defines them: an ALB LCU is 25 new connections a second,
 * 3,000 active connections a minute, 1 GB an hour, 1,000 rule evaluations
 * a second; an NLB LCU 800, 100,000 and 1 GB.  The month is 730 hours.
 * Infracost's code takes max(new/100, active/3000, GB, rules/1000) (rules
 * only beside another figure; none for an NLB) as the month's LCU-hours. */
static void test_lcu_readings(void **s)
{
	fixture f = build(
		R("aws_lb", "avg", "{'load_balancer_type':'application','internal':true}") ","
		R("aws_lb", "monthly", "{'load_balancer_type':'application','internal':true}") ","
		R("aws_lb", "both", "{'load_balancer_type':'application','internal':true}") ","
		R("aws_lb", "zero", "{'load_balancer_type':'application','internal':true}") ","
		R("aws_lb", "rules", "{'load_balancer_type':'application','internal':true}") ","
		R("aws_lb", "nlb", "{'load_balancer_type':'network','internal':true}") ","
		R("aws_lb", "none", "{'load_balancer_type':'application','internal':true}"));
	tfs_usage *u = usage("version: 0.1\n"
	                     "resource_usage:\n"
	                     "  aws_lb.avg:\n"                 /* line 3 */
	                     "    new_connections: 15\n"
	                     "    active_connections: 400\n"
	                     "    processed_bytes_gb: 0.25\n"
	                     "    rule_evaluations: 30\n"
	                     "  aws_lb.monthly:\n"             /* line 8 */
	                     "    monthly_lcu_hours: 250\n"
	                     "  aws_lb.both:\n"                /* line 10 */
	                     "    monthly_lcu_hours: 1000\n"
	                     "    new_connections: 10000\n"
	                     "    rule_evaluations: 10000\n"
	                     "  aws_lb.zero:\n"                /* line 14 */
	                     "    new_connections: 0\n"
	                     "    active_connections: 0\n"
	                     "    processed_bytes_gb: 0\n"
	                     "    rule_evaluations: 0\n"
	                     "  aws_lb.rules:\n"               /* line 19 */
	                     "    rule_evaluations: 30\n"
	                     "  aws_lb.nlb:\n"                 /* line 21 */
	                     "    new_connections: 1600\n"
	                     "    active_connections: 50000\n"
	                     "    processed_bytes_gb: 1.5\n");
	/* elb.alb.lcu_hour,ELB,ALB,...,LCU-hour,0.011
	 * elb.nlb.lcu_hour,ELB,NLB,...,LCU-hour,0.00825 */
	double alb = lit("elb.alb.lcu_hour", 0.011);
	double nlb = lit("elb.nlb.lcu_hour", 0.00825);
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_component *k;
	tfs_usage_warnings w;
	(void)s;

	/* max(15/25 = 0.6, 400/3000, 0.25/1, 30/1000) = 0.6 LCU an hour */
	k = comp(res(c, "aws_lb.avg"), "elb.alb.lcu_hour");
	near(k->monthly_quantity, 0.6 * 730);
	near(k->monthly_cost, 438 * alb);
	assert_string_equal(k->usage_source, "resource_usage[aws_lb.avg]");
	/* monthly_lcu_hours is the month's LCU-hours; the others are unused */
	k = comp(res(c, "aws_lb.monthly"), "elb.alb.lcu_hour");
	near(k->monthly_cost, 250 * alb);
	assert_string_equal(k->note, "the month's LCU-hours as monthly_lcu_hours "
	                             "gives them");
	k = comp(res(c, "aws_lb.both"), "elb.alb.lcu_hour");
	near(k->monthly_cost, 1000 * alb);
	assert_string_equal(k->note, "the month's LCU-hours as monthly_lcu_hours "
	                             "gives them; not used for LCUs: "
	                             "new_connections, rule_evaluations");
	k = comp(res(c, "aws_lb.zero"), "elb.alb.lcu_hour");
	assert_true(k->has_quantity);
	near(k->monthly_cost, 0);
	/* 30/1000 LCU an hour, 730 hours */
	near(comp(res(c, "aws_lb.rules"), "elb.alb.lcu_hour")->monthly_cost,
	     0.03 * 730 * alb);
	/* NLB: max(1600/800 = 2, 50000/100000, 1.5/1) = 2 LCUs an hour */
	k = comp(res(c, "aws_lb.nlb"), "elb.nlb.lcu_hour");
	near(k->monthly_quantity, 2 * 730);
	near(k->monthly_cost, 1460 * nlb);
	assert_int_equal(res(c, "aws_lb.none")->pending_usage, 1);
	assert_false(comp(res(c, "aws_lb.none"), "elb.alb.lcu_hour")->has_quantity);

	/* the notices: none where monthly_lcu_hours decides, where every
	 * figure is 0 or where there is none; the usage check itself is quiet */
	tfs_usage_warnings_init(&w);
	assert_int_equal(tfs_cost_usage_check(u, &w), 0);
	assert_int_equal(tfs_cost_lcu_notices(c, u, &w), 3);
	/* Infracost: max(15/100, 400/3000, 0.25, 30/1000) = 0.25; 438/0.25 */
	assert_non_null(warning_with(
		&w, "u.yml:3:3: aws_lb.avg: LCU figures read as AWS defines them "
		    "(averages a second, a minute, an hour): 438 LCU-hours a month; "
		    "Infracost reads the same figures as 0.25 LCU-hours (1752x "
		    "fewer); give monthly_lcu_hours to set the month's LCU-hours"));
	/* Infracost counts rules only beside another figure: 0 */
	assert_non_null(warning_with(
		&w, "u.yml:19:3: aws_lb.rules: LCU figures read as AWS defines "
		    "them (averages a second, a minute, an hour): 21.9 LCU-hours a "
		    "month; Infracost reads the same figures as 0 LCU-hours; give"));
	/* NLB, Infracost: max(1600/100, 50000/3000, 1.5) = 16.6667;
	 * 1460 / 16.6667 = 87.6 */
	assert_non_null(warning_with(
		&w, "u.yml:21:3: aws_lb.nlb: LCU figures read as AWS defines them "
		    "(averages a second, a minute, an hour): 1460 LCU-hours a month; "
		    "Infracost reads the same figures as 16.6667 LCU-hours (87.6x "
		    "fewer)"));
	assert_null(warning_with(&w, "aws_lb.monthly"));
	assert_null(warning_with(&w, "aws_lb.both"));
	assert_null(warning_with(&w, "aws_lb.zero"));
	assert_null(warning_with(&w, "aws_lb.none"));
	tfs_usage_warnings_release(&w);
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

/* Infracost's own example usage file, the entries of the types tfsight
 * prices (tests/fixtures/usage/, SOURCES.md there): every key accepted
 * unchanged, and each one priced, or named as read but not priced. */
static void test_infracost_example_usage(void **s)
{
	const char *name = "tests/fixtures/usage/infracost-usage-example.yml";
	size_t len = 0;
	char *text = read_repo_file(name, &len);
	fixture f = build(
		R("aws_alb", "my_alb", "{'internal':true}") ","
		R("aws_lb", "my_lb", "{'load_balancer_type':'network','internal':true}") ","
		R("aws_instance", "my_instance", "{'instance_type':'t3.micro'}") ","
		R("aws_db_instance", "my_db", "{'engine':'mysql','instance_class':"
		  "'db.t3.micro','storage_type':'standard','allocated_storage':20}") ","
		R("aws_route53_record", "my_record", "{'alias':[]}") ","
		R("aws_lambda_provisioned_concurrency_config", "my_config",
		  "{'function_name':'elsewhere','provisioned_concurrent_executions':2}") ","
		R("aws_rds_cluster", "my_cluster", "{'engine':'aurora-mysql',"
		  "'backup_retention_period':1}") ","
		R("aws_cloudfront_distribution", "my_s3_distribution", "{}") ","
		R("aws_s3_bucket", "my_bucket", "{}") ","
		R("aws_sns_topic", "my_sns_topic", "{'arn':'arn:topic'}") ","
		R("aws_cloudwatch_event_bus", "my_events", "{'name':'b'}") ","
		R("aws_wafv2_web_acl", "my_waf2", "{'rule':[{'name':'a'},{'name':'b'}],"
		  "'capacity':10}"));
	const tfs_cost_resource *r;
	const tfs_cost_component *k;
	tfs_usage_warnings w;
	tfs_usage *u = NULL;
	tfs_error err;
	tfs_cost *c;
	(void)s;

	if (!text)
		fail_msg("cannot read %s (set TFSIGHT_SRCDIR)", name);
	tfs_error_init(&err);
	if (tfs_usage_load_buffer(&u, "infracost-usage-example.yml", text, len,
	                          &err) != 0)
		fail_msg("%s: %s", name, err.text);
	free(text);
	tfs_usage_warnings_init(&w);
	assert_int_equal(tfs_cost_usage_check(u, &w), 0);
	c = tfs_cost_estimate(f.m, T, u);

	/* Infracost's ALB figures: 10,000 new connections/s, 10,000 active
	 * connections/min, 1,000 GB/h, 10,000 rule evaluations/s: max(400,
	 * 3.33, 1000, 10) = 1000 LCUs an hour, x 730 h; Infracost's code reads
	 * max(100, 3.33, 1000, 10) = 1000 LCU-hours a month.
	 * elb.alb.lcu_hour 0.011, elb.nlb.lcu_hour 0.00825 per LCU-hour */
	near(comp(res(c, "aws_alb.my_alb"), "elb.alb.lcu_hour")->monthly_cost,
	     1000 * 730 * lit("elb.alb.lcu_hour", 0.011));
	/* the same figures on an NLB: max(12.5, 0.1, 1000) = 1000 an hour */
	near(comp(res(c, "aws_lb.my_lb"), "elb.nlb.lcu_hour")->monthly_cost,
	     1000 * 730 * lit("elb.nlb.lcu_hour", 0.00825));
	assert_int_equal(tfs_cost_lcu_notices(c, u, &w), 2);
	assert_string_equal(
		w.items[0],
		"infracost-usage-example.yml:96:3: aws_alb.my_alb: LCU figures read "
		"as AWS defines them (averages a second, a minute, an hour): 730000 "
		"LCU-hours a month; Infracost reads the same figures as 1000 "
		"LCU-hours (730x fewer); give monthly_lcu_hours to set the month's "
		"LCU-hours");
	assert_non_null(strstr(w.items[1], ":102:3: aws_lb.my_lb: "));

	/* monthly_hrs 450 x ec2.linux.t3.micro.hour 0.0168; the other keys
	 * named on the line, one note per reason */
	k = comp(res(c, "aws_instance.my_instance"), "ec2.linux.t3.micro.hour");
	assert_true(k->usage_based);
	near(k->monthly_cost, 450 * lit("ec2.linux.t3.micro.hour", 0.0168));
	assert_string_equal(
		k->note,
		"usage keys monthly_cpu_credit_hrs and vcpu_count are read but not "
		"priced: the facts hold no sa-east-1 price for CPU credits; usage key "
		"operating_system is read but not priced: instances are priced at "
		"Linux rates, the only ones the facts hold; usage keys "
		"reserved_instance_payment_option, reserved_instance_term and "
		"reserved_instance_type are read but not priced: the estimate uses "
		"on-demand rates (reserved rates are out of its scope)");

	/* magnetic ("standard") storage: 20 GB x 0.19, 10,000 I/O requests x
	 * 0.00000014; Performance Insights API requests have no price */
	r = res(c, "aws_db_instance.my_db");
	near(comp(r, "rds.storage.magnetic.single_az.gb_month")->monthly_cost,
	     20 * lit("rds.storage.magnetic.single_az.gb_month", 0.19));
	near(comp(r, "rds.storage.magnetic.io_request")->monthly_cost,
	     10000 * lit("rds.storage.magnetic.io_request", 0.00000014));
	k = comp(r, "rds.performance_insights.api.request");
	assert_null(k->price_row);
	near(k->monthly_quantity, 10000);
	assert_string_equal(k->note, "usage key monthly_additional_performance_"
	                             "insights_requests is read but not priced: the "
	                             "facts hold no sa-east-1 price for Performance "
	                             "Insights API requests");
	assert_int_equal(r->status, TFS_COST_PRICE_NOT_FOUND);
	assert_non_null(strstr(comp(r, "rds.mysql.db.t3.micro.single_az.hour")->note,
	                       "usage keys reserved_instance_payment_option and "
	                       "reserved_instance_term are read but not priced"));

	/* queries: standard 1B x 0.0000004 + 0.1B x 0.0000002; latency
	 * 1B x 0.0000006 + 0.2B x 0.0000003; geo 1B x 0.0000007 + 0.5B x
	 * 0.00000035 */
	near(res(c, "aws_route53_record.my_record")->monthly_cost,
	     1e9 * lit("route53.queries.standard.tier1.query", 0.0000004) +
	             1e8 * lit("route53.queries.standard.tier2.query", 0.0000002) +
	             1e9 * lit("route53.queries.latency.tier1.query", 0.0000006) +
	             2e8 * lit("route53.queries.latency.tier2.query", 0.0000003) +
	             1e9 * lit("route53.queries.geo.tier1.query", 0.0000007) +
	             5e8 * lit("route53.queries.geo.tier2.query", 0.00000035));

	/* its function is not in the input: memory_mb 512, arm64, 100 hours,
	 * 2 executions: 2 x 0.5 GB x 100 h x 3600 s GB-seconds; 10M requests
	 * x 0.35 s x 0.5 GB with it */
	r = res(c, "aws_lambda_provisioned_concurrency_config.my_config");
	assert_int_equal(r->status, TFS_COST_PRICED);
	k = comp(r, "lambda.arm.provisioned_concurrency.gb_second");
	near(k->monthly_cost,
	     2 * 0.5 * 100 * 3600 *
	             lit("lambda.arm.provisioned_concurrency.gb_second", 0.0000053098));
	assert_true(k->usage_based);
	near(comp(r, "lambda.arm.provisioned_duration.gb_second")->monthly_cost,
	     1e7 * 0.35 * 0.5 *
	             lit("lambda.arm.provisioned_duration.gb_second", 0.0000123894));

	/* snapshot export 200 GB x 0.015; Backtrack and Serverless v1 named */
	r = res(c, "aws_rds_cluster.my_cluster");
	near(comp(r, "aurora.mysql.snapshot_export.gb")->monthly_cost,
	     200 * lit("aurora.mysql.snapshot_export.gb", 0.015));
	assert_string_equal(
		r->components[0].note,
		"usage keys average_statements_per_hr, backtrack_window_hrs and "
		"change_records_per_statement are read but not priced: the facts hold "
		"no sa-east-1 price for Aurora Backtrack; usage key "
		"capacity_units_per_hr is read but not priced: the facts hold no "
		"sa-east-1 price for Aurora Serverless v1 capacity (Serverless v2 is "
		"priced on aws_rds_cluster_instance)");

	/* 1,200 invalidation paths x 0.005 (the account's first 1,000 are
	 * named, not subtracted); 5M real-time log lines x 0.00000001 */
	r = res(c, "aws_cloudfront_distribution.my_s3_distribution");
	k = comp(r, "cloudfront.invalidation.tier2.path");
	near(k->monthly_cost, 1200 * lit("cloudfront.invalidation.tier2.path", 0.005));
	assert_non_null(strstr(k->note, "first 1,000 paths"));
	near(comp(r, "cloudfront.realtime_logs.log_line")->monthly_cost,
	     5e6 * lit("cloudfront.realtime_logs.log_line", 0.00000001));
	assert_non_null(strstr(r->components[0].note,
	                       "usage key custom_ssl_certificates is read but not "
	                       "priced"));
	assert_non_null(strstr(r->components[0].note,
	                       "usage keys monthly_shield_requests.australia, "));

	/* charges without a price: a line each, never $0 */
	r = res(c, "aws_s3_bucket.my_bucket");
	assert_int_equal(r->status, TFS_COST_PRICE_NOT_FOUND);
	k = comp(r, "s3.object_tags.tag_month");
	assert_null(k->price_row);
	near(k->monthly_quantity, 1e7);
	assert_string_equal(k->note, "usage key object_tags is read but not "
	                             "priced: the facts hold no sa-east-1 price for "
	                             "object tags");
	assert_null(comp(r, "s3.standard.select.scanned.gb")->price_row);
	r = res(c, "aws_cloudwatch_event_bus.my_events");
	assert_int_equal(r->ncomponents, 4);
	assert_null(comp(r, "eventbridge.archive.storage.gb_month")->price_row);

	r = res(c, "aws_sns_topic.my_sns_topic");
	assert_non_null(strstr(comp(r, "sns.sms.notification")->note,
	                       "usage key sms_notification_price is read but not "
	                       "priced"));
	assert_non_null(strstr(r->components[0].note,
	                       "usage key macos_subscriptions is read but not "
	                       "priced"));
	/* two rules in the state x waf.rule.month 1 */
	k = comp(res(c, "aws_wafv2_web_acl.my_waf2"), "waf.rule.month");
	near(k->monthly_cost, 2 * lit("waf.rule.month", 1));
	assert_string_equal(k->note, "usage keys managed_rule_group_rules and "
	                             "rule_group_rules are read but not priced: AWS "
	                             "charges per rule or rule group in the web ACL, "
	                             "which the state's rules already count");
	tfs_usage_warnings_release(&w);
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

/* Route 53 health checks and Resolver endpoints.  Facts: basic check of
 * an AWS endpoint 0.50 (beyond the account's free 50), outside AWS 0.75,
 * each optional feature 1.00 (AWS) / 2.00 (outside); Resolver ENI-hour
 * 0.125, queries 0.40 per 1M for the first 1B. */
static void test_route53_health_and_resolver(void **s)
{
	fixture f = build(
		R("aws_route53_health_check", "alb", "{'type':'HTTPS_STR_MATCH',"
		  "'fqdn':'a-1.sa-east-1.elb.amazonaws.com','request_interval':10,"
		  "'measure_latency':true}") ","
		R("aws_route53_health_check", "ext", "{'type':'HTTP',"
		  "'fqdn':'status.example.com','request_interval':30}") ","
		R("aws_route53_health_check", "told", "{'type':'HTTPS',"
		  "'fqdn':'api.example.com','request_interval':30}") ","
		R("aws_route53_health_check", "calc", "{'type':'CALCULATED'}") ","
		R("aws_route53_resolver_endpoint", "in", "{'direction':'INBOUND',"
		  "'ip_address':[{'subnet_id':'s1'},{'subnet_id':'s2'},"
		  "{'subnet_id':'s3'}]}") ","
		R("aws_route53_resolver_endpoint", "out", "{'direction':'OUTBOUND'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_route53_health_check.told:\n"
	                     "    endpoint_type: aws\n"
	                     "  aws_route53_resolver_endpoint.in:\n"
	                     "    monthly_queries: 1500000000\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	/* AWS endpoint + HTTPS + string matching + fast interval + latency */
	near(res(c, "aws_route53_health_check.alb")->monthly_cost,
	     0.50 + 4 * 1.00);
	r = res(c, "aws_route53_health_check.ext");
	near(r->monthly_cost, 0.75);
	assert_non_null(strstr(r->components[0].note, "assumed: an endpoint "
	                                                "outside AWS"));
	near(res(c, "aws_route53_health_check.told")->monthly_cost, 0.50 + 1.00);
	near(res(c, "aws_route53_health_check.calc")->monthly_cost, 0.50);
	/* 3 ENIs x 730 h; 1B queries at 0.40 per 1M and 0.5B at 0.20 */
	near(res(c, "aws_route53_resolver_endpoint.in")->monthly_cost,
	     3 * 730 * 0.125 + 1e9 * 0.0000004 + 0.5e9 * 0.0000002);
	r = res(c, "aws_route53_resolver_endpoint.out");
	near(r->monthly_cost, 2 * 730 * 0.125);
	assert_non_null(strstr(r->components[0].note, "assumed: 2 IP addresses"));
	assert_int_equal(r->pending_usage, 1);
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

/* Alarm metrics as AWS bills them: a metric math alarm per metric it
 * queries (0.135 each in sa-east-1), an anomaly detection band three. */
static void test_alarm_metrics(void **s)
{
	fixture f = build(
		R("aws_cloudwatch_metric_alarm", "band", "{'metric_query':["
		  "{'id':'m1','metric':[{'metric_name':'CPUUtilization',"
		  "'period':300}]},{'id':'ad1','expression':"
		  "'ANOMALY_DETECTION_BAND(m1, 2)'}]}") ","
		R("aws_cloudwatch_metric_alarm", "math", "{'metric_query':["
		  "{'id':'a','metric':[{'metric_name':'Errors','period':60}]},"
		  "{'id':'b','metric':[{'metric_name':'Invocations','period':60}]},"
		  "{'id':'rate','expression':'a / b * 100'}]}"));
	tfs_cost *c = tfs_cost_estimate(f.m, T, NULL);
	const tfs_cost_resource *r;
	(void)s;

	r = res(c, "aws_cloudwatch_metric_alarm.band");
	near(r->monthly_cost, 3 * 0.135);
	assert_non_null(strstr(r->components[0].note, "anomaly detection band"));
	near(res(c, "aws_cloudwatch_metric_alarm.math")->monthly_cost, 2 * 0.135);
	tfs_cost_free(c);
	release(&f);
}

/* Private CA: 400 a month in general-purpose mode, 50 in short-lived
 * mode; issued certificates have no fact, so a figure for them is a line
 * without a price. */
static void test_private_ca(void **s)
{
	fixture f = build(
		R("aws_acmpca_certificate_authority", "gp", "{'type':'ROOT'}") ","
		R("aws_acmpca_certificate_authority", "short", "{'type':"
		  "'SUBORDINATE','usage_mode':'SHORT_LIVED_CERTIFICATE'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_acmpca_certificate_authority.short:\n"
	                     "    monthly_requests: 1000\n");
	tfs_cost *c = tfs_cost_estimate(f.m, T, u);
	const tfs_cost_resource *r;
	(void)s;

	r = res(c, "aws_acmpca_certificate_authority.gp");
	near(r->monthly_cost, 400);
	assert_int_equal(r->status, TFS_COST_PRICED);
	r = res(c, "aws_acmpca_certificate_authority.short");
	near(r->monthly_cost, 50);
	assert_int_equal(r->status, TFS_COST_PRICE_NOT_FOUND);
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fargate),
		cmocka_unit_test(test_fargate_sizes),
		cmocka_unit_test(test_rds),
		cmocka_unit_test(test_negative_quantities),
		cmocka_unit_test(test_network),
		cmocka_unit_test(test_management_and_usage_warnings),
		cmocka_unit_test(test_s3),
		cmocka_unit_test(test_cloudfront),
		cmocka_unit_test(test_waf),
		cmocka_unit_test(test_dynamodb),
		cmocka_unit_test(test_lambda),
		cmocka_unit_test(test_elasticache),
		cmocka_unit_test(test_ec2_ebs),
		cmocka_unit_test(test_sns_sqs),
		cmocka_unit_test(test_aurora),
		cmocka_unit_test(test_one_address_one_price),
		cmocka_unit_test(test_other_regions_and_providers),
		cmocka_unit_test(test_free_names_its_parent),
		cmocka_unit_test(test_alb_addresses),
		cmocka_unit_test(test_api_gateway),
		cmocka_unit_test(test_alarm_metrics),
		cmocka_unit_test(test_private_ca),
		cmocka_unit_test(test_route53_health_and_resolver),
		cmocka_unit_test(test_cognito),
		cmocka_unit_test(test_lambda_snapstart_provisioned),
		cmocka_unit_test(test_events_streams_deliveries),
		cmocka_unit_test(test_lcu_readings),
		cmocka_unit_test(test_infracost_example_usage),
	};
	T = tfs_pricing_bundled();
	return cmocka_run_group_tests_name("cost", tests, NULL, NULL);
}
