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
		R("aws_s3_bucket", "b", "{'bucket':'b'}"));
	tfs_usage *u = usage("version: 0.1\nresource_usage:\n"
	                     "  aws_secretsmanager_secret.s:\n    monthly_requests: 1000\n"
	                     "    typo_requests: 5\n"
	                     "  aws_s3_bucket.b:\n    standard:\n      storage_gb: 10\n");
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
	assert_int_equal(res(c, "aws_s3_bucket.b")->status, TFS_COST_UNSUPPORTED);
	tfs_usage_warnings_init(&w);
	assert_int_equal(tfs_cost_usage_check(u, &w), 2);
	assert_non_null(strstr(w.items[0], "u.yml:5:5: unknown usage key "
	                                   "'typo_requests'"));
	assert_non_null(strstr(w.items[1], "does not price aws_s3_bucket yet"));
	tfs_usage_warnings_release(&w);
	tfs_cost_free(c);
	tfs_usage_free(u);
	release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fargate),
		cmocka_unit_test(test_rds),
		cmocka_unit_test(test_network),
		cmocka_unit_test(test_management_and_usage_warnings),
	};
	T = tfs_pricing_bundled();
	return cmocka_run_group_tests_name("cost", tests, NULL, NULL);
}
