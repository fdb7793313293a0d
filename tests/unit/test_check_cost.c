/* test_check_cost.c - the Cost Management checks: one passing and one
 * failing state each (and the unknown case where there is one), savings
 * computed from the bundled price table, hostile attribute types, and the
 * two examples. */
#include "testutil.h"

#include <math.h>

#include "tfsight/cost.h"
#include "tfsight/inventory.h"
#include "tfsight/pricing.h"

#define DEV "'tags_all':{'Environment':'dev'}"
#define PROD "'tags_all':{'Environment':'prod'}"

static double price(const char *key)
{
	const tfs_price *p = tfs_pricing_find(tfs_pricing_bundled(), key);
	if (!p)
		fail_msg("no price %s in the bundled table", key);
	return p->usd;
}

static void near(double got, double want)
{
	if (fabs(got - want) > 1e-9)
		fail_msg("got %.12f, want %.12f", got, want);
}

/* Checks with a real cost estimate of the same model (bundled prices). */
static tfs_checks *run_priced(fixture *f, tfs_cost **cost)
{
	tfs_check_options o;

	*cost = tfs_cost_estimate(f->m, tfs_pricing_bundled(), NULL);
	tfs_check_options_init(&o);
	o.cost = *cost;
	o.pricing = tfs_pricing_bundled();
	o.today = "2026-11-23";
	return tfs_checks_run(f->m, &o);
}

static size_t count_for(const tfs_checks *c, const char *id,
                        const char *address)
{
	size_t i, n = 0;
	for (i = 0; i < c->count; i++)
		if (strcmp(c->findings[i].check->id, id) == 0 &&
		    c->findings[i].address &&
		    strcmp(c->findings[i].address, address) == 0)
			n++;
	return n;
}

/* ---- tags ---------------------------------------------------------------- */

static void test_tags(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_vpc", "ok", "{'id':'vpc-1','tags_all':{'Environment':'dev',"
		  "'PROJECT':'web','owner':'me'}}") ","
		R("aws_vpc", "no_owner", "{'id':'vpc-2','tags_all':{'Environment':"
		  "'dev','Project':'web','Owner':''}}") ","
		R("aws_acm_certificate", "bare", "{'arn':'arn:aws:acm:us-east-1:1:"
		  "certificate/x','tags':null,'tags_all':{}}") ","
		R("aws_route_table_association", "a", "{'id':'rtbassoc-1'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	assert_int_equal(status_of(c, "COST-TAGS", "aws_vpc.ok"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "COST-TAGS", "aws_vpc.no_owner");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "tags_all");
	assert_string_equal(fd->value, "[\"Environment\",\"Owner\",\"Project\"]");
	assert_non_null(strstr(fd->message, "no owner tag"));
	fd = finding_of(c, "COST-TAGS", "aws_acm_certificate.bare");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "[]");
	/* not taggable: no tags_all, no finding */
	assert_int_equal(count_for(c, "COST-TAGS",
	                           "aws_route_table_association.a"), 0);
	tfs_checks_free(c);

	/* the config's required tags, in any case */
	c = run_checks(&f, "version: 1\nchecks:\n  required_tags: [OWNER]\n");
	assert_int_equal(status_of(c, "COST-TAGS", "aws_vpc.ok"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-TAGS", "aws_vpc.no_owner"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

static void test_ecs_tag_propagation(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_ecs_service", "ok", "{'name':'ok','propagate_tags':'SERVICE',"
		  "'enable_ecs_managed_tags':true}") ","
		R("aws_ecs_service", "none", "{'name':'none','propagate_tags':'NONE',"
		  "'enable_ecs_managed_tags':true}") ","
		R("aws_ecs_service", "unmanaged", "{'name':'u','propagate_tags':"
		  "'TASK_DEFINITION','enable_ecs_managed_tags':'false'}") ","
		R("aws_ecs_service", "bare", "{'name':'bare'}"));
	tfs_checks *c = run_checks(&f, NULL);

	assert_int_equal(status_of(c, "COST-ECS-TAG-PROPAGATION",
	                           "aws_ecs_service.ok"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-ECS-TAG-PROPAGATION",
	                           "aws_ecs_service.none"),
	                 TFS_STATUS_FAIL);
	assert_string_equal(finding_of(c, "COST-ECS-TAG-PROPAGATION",
	                               "aws_ecs_service.unmanaged")->attribute,
	                    "enable_ecs_managed_tags");
	assert_int_equal(status_of(c, "COST-ECS-TAG-PROPAGATION",
	                           "aws_ecs_service.unmanaged"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-ECS-TAG-PROPAGATION",
	                           "aws_ecs_service.bare"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- budgets ------------------------------------------------------------- */

static void test_budgets(void **s)
{
	(void)s;
	fixture f = build(R("aws_vpc", "v", "{'id':'vpc-1'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd = finding_of(c, "COST-BUDGETS", NULL);

	assert_int_equal(fd->status, TFS_STATUS_UNKNOWN);
	assert_non_null(strstr(fd->message, "not found in this state"));
	tfs_checks_free(c);
	release(&f);

	f = build(R("aws_budgets_budget", "ok", "{'name':'m','budget_type':'COST',"
	            "'limit_amount':'100','time_unit':'MONTHLY','notification':"
	            "[{'threshold':80,'comparison_operator':'GREATER_THAN',"
	            "'subscriber_email_addresses':['a@example.com'],"
	            "'subscriber_sns_topic_arns':[]}]}") ","
	          R("aws_budgets_budget", "mute", "{'name':'n','budget_type':"
	            "'COST','notification':[{'threshold':80,"
	            "'subscriber_email_addresses':[],"
	            "'subscriber_sns_topic_arns':[]}]}"));
	c = run_checks(&f, NULL);
	assert_int_equal(status_of(c, "COST-BUDGETS", "aws_budgets_budget.ok"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-BUDGETS", "aws_budgets_budget.mute"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(summary_of(c, "COST-BUDGETS"), TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

/* ---- Fargate Spot -------------------------------------------------------- */

#define TD(name, arch)                                                        \
	R("aws_ecs_task_definition", name,                                     \
	  "{'arn':'arn:aws:ecs:sa-east-1:1:task-definition/" name ":1',"       \
	  "'family':'" name "','cpu':'512','memory':'1024',"                   \
	  "'requires_compatibilities':['FARGATE'],'runtime_platform':"         \
	  "[{'cpu_architecture':'" arch "','operating_system_family':'LINUX'}]," \
	  DEV "}")
#define SVC(name, extra)                                                      \
	R("aws_ecs_service", name,                                             \
	  "{'name':'" name "','desired_count':2,'task_definition':"            \
	  "'arn:aws:ecs:sa-east-1:1:task-definition/x86:1'" extra "}")

static void test_fargate_spot(void **s)
{
	(void)s;
	fixture f = build(
		TD("x86", "X86_64") ","
		R("aws_ecs_cluster", "c", "{'arn':'arn:aws:ecs:sa-east-1:1:cluster/c',"
		  "'name':'c'," DEV "}") ","
		R("aws_ecs_cluster", "d", "{'arn':'arn:aws:ecs:sa-east-1:1:cluster/d',"
		  "'name':'d'," DEV "}") ","
		R("aws_ecs_cluster_capacity_providers", "c", "{'cluster_name':'c',"
		  "'capacity_providers':['FARGATE','FARGATE_SPOT'],"
		  "'default_capacity_provider_strategy':[{'capacity_provider':"
		  "'FARGATE_SPOT','weight':1,'base':0}]}") ","
		R("aws_ecs_cluster_capacity_providers", "d", "{'cluster_name':'d',"
		  "'capacity_providers':['FARGATE'],"
		  "'default_capacity_provider_strategy':[{'capacity_provider':"
		  "'FARGATE','weight':1,'base':0}]}") ","
		SVC("od", ",'launch_type':'FARGATE'," DEV) ","
		SVC("spot", ",'launch_type':'','capacity_provider_strategy':"
		    "[{'capacity_provider':'FARGATE','weight':1,'base':1},"
		    "{'capacity_provider':'FARGATE_SPOT','weight':3,'base':0}],"
		    DEV) ","
		SVC("nospot", ",'capacity_provider_strategy':[{'capacity_provider':"
		    "'FARGATE','weight':1,'base':0}]," DEV) ","
		SVC("bycluster", ",'cluster':'arn:aws:ecs:sa-east-1:1:cluster/c',"
		    DEV) ","
		SVC("bycluster_od", ",'cluster':'arn:aws:ecs:sa-east-1:1:cluster/d',"
		    DEV) ","
		SVC("lost", ",'cluster':'arn:aws:ecs:sa-east-1:1:cluster/gone',"
		    DEV) ","
		SVC("ec2", ",'launch_type':'EC2'," DEV) ","
		SVC("live", ",'launch_type':'FARGATE'," PROD));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "COST-FARGATE-SPOT-NONPROD", "aws_ecs_service.od");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "launch_type");
	assert_string_equal(fd->value, "\"FARGATE\"");
	assert_false(fd->has_saving); /* no estimate given */
	assert_int_equal(status_of(c, "COST-FARGATE-SPOT-NONPROD",
	                           "aws_ecs_service.spot"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-FARGATE-SPOT-NONPROD",
	                           "aws_ecs_service.nospot"),
	                 TFS_STATUS_FAIL);
	fd = finding_of(c, "COST-FARGATE-SPOT-NONPROD",
	                "aws_ecs_service.bycluster");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute, "aws_ecs_cluster_capacity_providers.c."
	                                   "default_capacity_provider_strategy");
	assert_int_equal(status_of(c, "COST-FARGATE-SPOT-NONPROD",
	                           "aws_ecs_service.bycluster_od"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-FARGATE-SPOT-NONPROD",
	                           "aws_ecs_service.lost"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "COST-FARGATE-SPOT-NONPROD",
	                           "aws_ecs_service.ec2"),
	                 TFS_STATUS_NA);
	assert_int_equal(status_of(c, "COST-FARGATE-SPOT-NONPROD",
	                           "aws_ecs_service.live"),
	                 TFS_STATUS_NA);
	tfs_checks_free(c);
	release(&f);
}

/* ---- S3 lifecycle -------------------------------------------------------- */

#define BUCKET(name, extra)                                                   \
	R("aws_s3_bucket", name, "{'id':'" name "','bucket':'" name "'" extra "}")
#define LIFECYCLE(name, rule)                                                 \
	R("aws_s3_bucket_lifecycle_configuration", name,                       \
	  "{'bucket':'" name "','rule':[" rule "]}")
#define VERSIONING(name, status)                                              \
	R("aws_s3_bucket_versioning", name, "{'bucket':'" name "',"            \
	  "'versioning_configuration':[{'status':'" status "'}]}")

static void test_s3_lifecycle(void **s)
{
	(void)s;
	fixture f = build(
		BUCKET("expire", "") ","
		LIFECYCLE("expire", "{'status':'Enabled','expiration':[{'days':30,"
		          "'date':'','expired_object_delete_marker':false}],"
		          "'transition':[],'noncurrent_version_expiration':[]}") ","
		BUCKET("none", ",'lifecycle_rule':[]") ","
		BUCKET("off", "") ","
		LIFECYCLE("off", "{'status':'Disabled','expiration':[{'days':30}]}") ","
		BUCKET("abort", "") ","
		LIFECYCLE("abort", "{'status':'Enabled','expiration':[],"
		          "'abort_incomplete_multipart_upload':"
		          "[{'days_after_initiation':7}]}") ","
		BUCKET("versioned", "") ","
		VERSIONING("versioned", "Enabled") ","
		LIFECYCLE("versioned", "{'status':'Enabled','transition':"
		          "[{'days':30,'storage_class':'GLACIER'}]}") ","
		BUCKET("versioned_ok", "") ","
		VERSIONING("versioned_ok", "Enabled") ","
		LIFECYCLE("versioned_ok", "{'status':'Enabled',"
		          "'noncurrent_version_expiration':[{'noncurrent_days':30}]}")
		","
		BUCKET("legacy", ",'lifecycle_rule':[{'enabled':true,'expiration':"
		       "[{'days':90}]}]"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "COST-S3-LIFECYCLE", "aws_s3_bucket.expire");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute,
	                    "aws_s3_bucket_lifecycle_configuration.expire.rule");
	fd = finding_of(c, "COST-S3-LIFECYCLE", "aws_s3_bucket.none");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "lifecycle_rule");
	assert_string_equal(fd->value, "[]");
	assert_int_equal(status_of(c, "COST-S3-LIFECYCLE", "aws_s3_bucket.off"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-S3-LIFECYCLE", "aws_s3_bucket.abort"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-S3-LIFECYCLE",
	                           "aws_s3_bucket.versioned"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-S3-LIFECYCLE",
	                           "aws_s3_bucket.versioned_ok"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-S3-LIFECYCLE", "aws_s3_bucket.legacy"),
	                 TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);
}

/* ---- log retention ------------------------------------------------------- */

static void test_log_retention(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_cloudwatch_log_group", "forever", "{'name':'a',"
		  "'retention_in_days':0," PROD "}") ","
		R("aws_cloudwatch_log_group", "prod_year", "{'name':'b',"
		  "'retention_in_days':365," PROD "}") ","
		R("aws_cloudwatch_log_group", "dev_year", "{'name':'c',"
		  "'retention_in_days':'365'," DEV "}") ","
		R("aws_cloudwatch_log_group", "dev_month", "{'name':'d',"
		  "'retention_in_days':30," DEV "}") ","
		R("aws_cloudwatch_log_group", "odd", "{'name':'e',"
		  "'retention_in_days':'soon'," DEV "}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "COST-LOG-RETENTION",
	                "aws_cloudwatch_log_group.forever");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "0");
	assert_int_equal(status_of(c, "COST-LOG-RETENTION",
	                           "aws_cloudwatch_log_group.prod_year"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-LOG-RETENTION",
	                           "aws_cloudwatch_log_group.dev_year"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-LOG-RETENTION",
	                           "aws_cloudwatch_log_group.dev_month"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-LOG-RETENTION",
	                           "aws_cloudwatch_log_group.odd"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);

	c = run_checks(&f, "version: 1\nchecks:\n  thresholds:\n"
	                   "    nonprod_log_retention_max_days: 400\n");
	assert_int_equal(status_of(c, "COST-LOG-RETENTION",
	                           "aws_cloudwatch_log_group.dev_year"),
	                 TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);
}

/* ---- ECR lifecycle ------------------------------------------------------- */

#define REPO(name)                                                            \
	R("aws_ecr_repository", name, "{'name':'" name "','arn':'arn:aws:ecr:" \
	  "sa-east-1:1:repository/" name "'}")
#define ECR_POLICY(name, policy)                                              \
	R("aws_ecr_lifecycle_policy", name, "{'repository':'" name "',"        \
	  "'policy':'" policy "'}")

static void test_ecr_lifecycle(void **s)
{
	(void)s;
	fixture f = build(
		REPO("kept") ","
		ECR_POLICY("kept", "{\\'rules\\':[{\\'rulePriority\\':1,"
		           "\\'selection\\':{\\'tagStatus\\':\\'any\\',"
		           "\\'countType\\':\\'imageCountMoreThan\\',"
		           "\\'countNumber\\':30},\\'action\\':{\\'type\\':"
		           "\\'expire\\'}}]}") ","
		REPO("bare") ","
		REPO("odd") ","
		ECR_POLICY("odd", "{\\'rules\\':[{\\'selection\\':{\\'countType\\':"
		           "\\'sinceImageDreamed\\'}}]}") ","
		REPO("broken") ","
		ECR_POLICY("broken", "not json"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fd;

	fd = finding_of(c, "COST-ECR-LIFECYCLE", "aws_ecr_repository.kept");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_string_equal(fd->attribute, "aws_ecr_lifecycle_policy.kept.policy."
	                                   "rules[0].selection.countType");
	assert_string_equal(fd->value, "\"imageCountMoreThan\"");
	assert_int_equal(status_of(c, "COST-ECR-LIFECYCLE",
	                           "aws_ecr_repository.bare"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-ECR-LIFECYCLE",
	                           "aws_ecr_repository.odd"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "COST-ECR-LIFECYCLE",
	                           "aws_ecr_repository.broken"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- gp3, Graviton, idle EIPs, with savings from the table --------------- */

#define DB(name, extra)                                                       \
	R("aws_db_instance", name, "{'identifier':'" name "','engine':"        \
	  "'postgres','multi_az':false,'allocated_storage':20" extra "}")

static void test_rds_gp3(void **s)
{
	(void)s;
	fixture f = build(
		DB("gp2", ",'storage_type':'gp2','instance_class':'db.t4g.micro'") ","
		DB("gp3", ",'storage_type':'gp3','instance_class':'db.t4g.micro'") ","
		DB("io1", ",'storage_type':'io1','instance_class':'db.t4g.micro',"
		   "'iops':1000") ","
		DB("unknown", ",'instance_class':'db.t4g.micro'"));
	tfs_cost *cost;
	tfs_checks *c = run_priced(&f, &cost);
	const tfs_finding *fd;

	fd = finding_of(c, "COST-RDS-GP3", "aws_db_instance.gp2");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->value, "\"gp2\"");
	/* sa-east-1 prices gp2 and gp3 storage alike: a saving is attached
	 * only when the tables show one */
	assert_int_equal(fd->has_saving,
	                 price("rds.storage.gp2.single_az.gb_month") -
	                                 price("rds.storage.gp3.single_az."
	                                       "gb_month") >=
	                         0.005 / 20);
	if (fd->has_saving)
		near(fd->monthly_saving,
		     20 * (price("rds.storage.gp2.single_az.gb_month") -
		           price("rds.storage.gp3.single_az.gb_month")));
	assert_int_equal(status_of(c, "COST-RDS-GP3", "aws_db_instance.gp3"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-RDS-GP3", "aws_db_instance.io1"),
	                 TFS_STATUS_NA);
	assert_int_equal(status_of(c, "COST-RDS-GP3", "aws_db_instance.unknown"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	tfs_cost_free(cost);
	release(&f);
}

static void test_ebs_gp3(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_ebs_volume", "old", "{'id':'vol-1','type':'gp2','size':100}")
		","
		R("aws_ebs_volume", "new", "{'id':'vol-2','type':'gp3','size':100}")
		","
		R("aws_instance", "vm", "{'id':'i-1','instance_type':'t4g.micro',"
		  "'root_block_device':[{'volume_type':'gp3','volume_size':8}],"
		  "'ebs_block_device':[{'device_name':'/dev/sdf','volume_type':"
		  "'gp2','volume_size':50}]}"));
	tfs_cost *cost;
	tfs_checks *c = run_priced(&f, &cost);
	const tfs_finding *fd;
	double d = price("ebs.gp2.gb_month") - price("ebs.gp3.gb_month");

	fd = finding_of(c, "COST-EBS-GP3", "aws_ebs_volume.old");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	near(fd->monthly_saving, 100 * d);
	assert_int_equal(status_of(c, "COST-EBS-GP3", "aws_ebs_volume.new"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "COST-EBS-GP3", "aws_instance.vm");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "ebs_block_device[0].volume_type");
	near(fd->monthly_saving, 50 * d);
	tfs_checks_free(c);
	tfs_cost_free(cost);
	release(&f);
}

static void test_graviton(void **s)
{
	(void)s;
	fixture f = build(
		DB("x86", ",'storage_type':'gp3','instance_class':'db.t3.micro'") ","
		DB("arm", ",'storage_type':'gp3','instance_class':'db.m7g.large'") ","
		R("aws_db_instance", "mssql", "{'identifier':'s','engine':"
		  "'sqlserver-ex','instance_class':'db.t3.small'}") ","
		R("aws_elasticache_cluster", "cache", "{'cluster_id':'c','engine':"
		  "'redis','node_type':'cache.m5.large','num_cache_nodes':1}") ","
		R("aws_instance", "vm", "{'id':'i-1','instance_type':'c5.large',"
		  "'root_block_device':[{'volume_type':'gp3','volume_size':8}]}") ","
		R("aws_instance", "gpu", "{'id':'i-2','instance_type':'g4dn.xlarge'}")
		","
		TD("x86", "X86_64") ","
		TD("arm", "ARM64") ","
		R("aws_ecs_task_definition", "plain", "{'arn':'arn:aws:ecs:sa-east-1:"
		  "1:task-definition/plain:1','requires_compatibilities':['FARGATE'],"
		  "'runtime_platform':[]}") ","
		R("aws_ecs_task_definition", "onec2", "{'arn':'arn:aws:ecs:sa-east-1:"
		  "1:task-definition/onec2:1','requires_compatibilities':['EC2']}") ","
		SVC("a", ",'launch_type':'FARGATE'," DEV) ","
		SVC("b", ",'launch_type':'FARGATE'," DEV));
	tfs_cost *cost;
	tfs_checks *c = run_priced(&f, &cost);
	const tfs_finding *fd;
	double h = 730;

	fd = finding_of(c, "COST-GRAVITON", "aws_db_instance.x86");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_non_null(strstr(fd->message, "db.t4g.micro"));
	near(fd->monthly_saving,
	     h * (price("rds.postgres.db.t3.micro.single_az.hour") -
	          price("rds.postgres.db.t4g.micro.single_az.hour")));
	assert_int_equal(status_of(c, "COST-GRAVITON", "aws_db_instance.arm"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-GRAVITON", "aws_db_instance.mssql"),
	                 TFS_STATUS_NA);
	/* the cheaper of m6g and m7g */
	fd = finding_of(c, "COST-GRAVITON", "aws_elasticache_cluster.cache");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_non_null(strstr(fd->message, "cache.m6g.large"));
	near(fd->monthly_saving,
	     h * (price("elasticache.redis.cache.m5.large.hour") -
	          price("elasticache.redis.cache.m6g.large.hour")));
	fd = finding_of(c, "COST-GRAVITON", "aws_instance.vm");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	near(fd->monthly_saving, h * (price("ec2.linux.c5.large.hour") -
	                              price("ec2.linux.c6g.large.hour")));
	assert_int_equal(status_of(c, "COST-GRAVITON", "aws_instance.gpu"),
	                 TFS_STATUS_NA);
	/* two services of 2 tasks, 0.5 vCPU and 1 GB each, run "x86" */
	fd = finding_of(c, "COST-GRAVITON", "aws_ecs_task_definition.x86");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "runtime_platform[0].cpu_architecture");
	near(fd->monthly_saving,
	     2 * 2 * h *
	             (0.5 * (price("fargate.linux.x86.vcpu_hour") -
	                     price("fargate.linux.arm.vcpu_hour")) +
	              1.0 * (price("fargate.linux.x86.gb_hour") -
	                     price("fargate.linux.arm.gb_hour"))));
	assert_int_equal(status_of(c, "COST-GRAVITON",
	                           "aws_ecs_task_definition.arm"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "COST-GRAVITON", "aws_ecs_task_definition.plain");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_false(fd->has_saving); /* no service runs it */
	assert_int_equal(status_of(c, "COST-GRAVITON",
	                           "aws_ecs_task_definition.onec2"),
	                 TFS_STATUS_NA);
	tfs_checks_free(c);
	tfs_cost_free(cost);
	release(&f);
}

static void test_idle_eip(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_eip", "idle", "{'id':'eipalloc-1','allocation_id':'eipalloc-1',"
		  "'association_id':'','instance':'','network_interface':''}") ","
		R("aws_eip", "used", "{'id':'eipalloc-2','allocation_id':'eipalloc-2',"
		  "'association_id':'eipassoc-2','instance':'',"
		  "'network_interface':'eni-2'}") ","
		R("aws_eip", "nat", "{'id':'eipalloc-3','allocation_id':'eipalloc-3',"
		  "'association_id':'','instance':'','network_interface':''}") ","
		R("aws_nat_gateway", "n", "{'id':'nat-1','allocation_id':"
		  "'eipalloc-3'}") ","
		R("aws_eip", "blank", "{'id':'eipalloc-4'}"));
	tfs_cost *cost;
	tfs_checks *c = run_priced(&f, &cost);
	const tfs_finding *fd;

	fd = finding_of(c, "COST-IDLE-EIP", "aws_eip.idle");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_string_equal(fd->attribute, "association_id");
	assert_string_equal(fd->value, "\"\"");
	assert_true(fd->has_saving);
	near(fd->monthly_saving, 730 * price("vpc.public_ipv4.hour"));
	assert_int_equal(status_of(c, "COST-IDLE-EIP", "aws_eip.used"),
	                 TFS_STATUS_PASS);
	fd = finding_of(c, "COST-IDLE-EIP", "aws_eip.nat");
	assert_int_equal(fd->status, TFS_STATUS_PASS);
	assert_non_null(strstr(fd->message, "aws_nat_gateway.n"));
	assert_int_equal(status_of(c, "COST-IDLE-EIP", "aws_eip.blank"),
	                 TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);
	tfs_cost_free(cost);
	release(&f);
}

/* The Fargate Spot saving is the difference of the two priced
 * configurations; without prices, no saving is attached. */
static void test_spot_saving(void **s)
{
	(void)s;
	fixture f = build(
		TD("x86", "X86_64") ","
		SVC("od", ",'launch_type':'FARGATE'," DEV));
	tfs_cost *cost;
	tfs_checks *c = run_priced(&f, &cost);
	const tfs_finding *fd;
	double h = 730, od, spot;

	fd = finding_of(c, "COST-FARGATE-SPOT-NONPROD", "aws_ecs_service.od");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	assert_true(fd->has_saving);
	od = 2 * h * (0.5 * price("fargate.linux.x86.vcpu_hour") +
	              1.0 * price("fargate.linux.x86.gb_hour"));
	spot = 2 * h * (0.5 * price("fargate.spot.x86.vcpu_hour") +
	                1.0 * price("fargate.spot.x86.gb_hour"));
	near(fd->monthly_saving, od - spot);
	assert_true(c->monthly_saving >= od - spot);
	tfs_checks_free(c);
	tfs_cost_free(cost);

	/* a table without the Spot rows: no saving, never a guess */
	{
		static const char CSV[] =
			TFS_PRICING_HEADER "\n"
			"fargate.linux.x86.gb_hour,ECS,Fargate,memory,GB-hour,0.0076,,t\n"
			"fargate.linux.x86.vcpu_hour,ECS,Fargate,vCPU,vCPU-hour,0.0696,,"
			"t\n";
		tfs_pricing *t = NULL;
		tfs_error err;
		tfs_check_options o;

		tfs_error_init(&err);
		assert_int_equal(tfs_pricing_load_buffer(&t, "t.csv", CSV,
		                                         strlen(CSV), &err), 0);
		cost = tfs_cost_estimate(f.m, t, NULL);
		tfs_check_options_init(&o);
		o.cost = cost;
		o.pricing = t;
		c = tfs_checks_run(f.m, &o);
		fd = finding_of(c, "COST-FARGATE-SPOT-NONPROD", "aws_ecs_service.od");
		assert_int_equal(fd->status, TFS_STATUS_FAIL);
		assert_false(fd->has_saving);
		tfs_checks_free(c);
		tfs_cost_free(cost);
		tfs_pricing_free(t);
	}
	release(&f);
}

/* Wrong types everywhere: findings, never a crash. */
static void test_hostile_types(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_vpc", "v", "{'id':'vpc-1','tags_all':'not a map'}") ","
		R("aws_ecs_service", "svc", "{'name':'s','launch_type':7,"
		  "'capacity_provider_strategy':'FARGATE_SPOT','propagate_tags':[],"
		  "'enable_ecs_managed_tags':'perhaps'," DEV "}") ","
		R("aws_ecs_task_definition", "td", "{'runtime_platform':'ARM64',"
		  "'requires_compatibilities':'FARGATE'}") ","
		R("aws_s3_bucket", "b", "{'bucket':'b','lifecycle_rule':{'x':1},"
		  "'versioning':'yes'}") ","
		R("aws_s3_bucket_lifecycle_configuration", "b", "{'bucket':'b',"
		  "'rule':[1,'two',{'status':true,'expiration':'soon'}]}") ","
		R("aws_cloudwatch_log_group", "g", "{'retention_in_days':[30]}") ","
		R("aws_budgets_budget", "bb", "{'notification':'email me'}") ","
		R("aws_ecr_repository", "r", "{'name':'r'}") ","
		R("aws_ecr_lifecycle_policy", "r", "{'repository':'r','policy':"
		  "'{\\'rules\\':[1,{\\'selection\\':7}]}'}") ","
		R("aws_db_instance", "db", "{'engine':5,'instance_class':'db.',"
		  "'storage_type':{}}") ","
		R("aws_instance", "i", "{'instance_type':'.x','ebs_block_device':7,"
		  "'root_block_device':'gp2'}") ","
		R("aws_eip", "e", "{'association_id':5,'instance':null}"));
	tfs_cost *cost;
	tfs_checks *c = run_priced(&f, &cost);

	assert_true(c->count > 0);
	assert_int_equal(status_of(c, "COST-LOG-RETENTION",
	                           "aws_cloudwatch_log_group.g"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "COST-GRAVITON", "aws_db_instance.db"),
	                 TFS_STATUS_UNKNOWN);
	assert_int_equal(status_of(c, "COST-ECR-LIFECYCLE", "aws_ecr_repository.r"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	tfs_cost_free(cost);
	release(&f);
}

#define WEB_TD "module.app.aws_ecs_task_definition.this[\"web\"]"

/* ---- the examples -------------------------------------------------------- */

static void test_examples(void **s)
{
	(void)s;
	fixture e = build_example("examples/webapp-prod.tfstate");
	fixture f;
	tfs_cost *cost;
	tfs_checks *c;
	const tfs_finding *fd;
	double h = 730;

	f.st = e.st;
	f.inv = e.inv;
	f.m = e.m;
	c = run_priced(&f, &cost);
	assert_int_equal(summary_of(c, "COST-TAGS"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "COST-ECS-TAG-PROPAGATION"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-BUDGETS", NULL), TFS_STATUS_UNKNOWN);
	assert_int_equal(summary_of(c, "COST-FARGATE-SPOT-NONPROD"),
	                 TFS_STATUS_NA);
	assert_int_equal(summary_of(c, "COST-S3-LIFECYCLE"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "COST-LOG-RETENTION"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "COST-ECR-LIFECYCLE"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "COST-RDS-GP3"), TFS_STATUS_PASS);
	assert_int_equal(summary_of(c, "COST-EBS-GP3"), TFS_STATUS_NA);
	assert_int_equal(summary_of(c, "COST-IDLE-EIP"), TFS_STATUS_PASS);
	/* the web task definition is x86_64 in both stacks */
	assert_int_equal(status_of(c, "COST-GRAVITON",
	                           "module.database.aws_db_instance.this"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-GRAVITON",
	                           WEB_TD),
	                 TFS_STATUS_FAIL);
	assert_int_equal(summary_of(c, "COST-RIGHT-SIZING"),
	                 TFS_STATUS_UNDECIDABLE);
	assert_int_equal(summary_of(c, "COST-EXPLORER-REVIEWS"),
	                 TFS_STATUS_UNDECIDABLE);
	tfs_checks_free(c);
	tfs_cost_free(cost);
	release(&e);

	e = build_example("examples/webapp-dev.tfstate");
	f.st = e.st;
	f.inv = e.inv;
	f.m = e.m;
	c = run_priced(&f, &cost);
	assert_int_equal(summary_of(c, "COST-TAGS"), TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-TAGS",
	                           "module.cdn.aws_s3_bucket.uploads"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-TAGS", "aws_acm_certificate.cdn"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-TAGS", "module.cdn.aws_s3_bucket.logs"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-BUDGETS", NULL), TFS_STATUS_UNKNOWN);
	fd = finding_of(c, "COST-FARGATE-SPOT-NONPROD",
	                "module.app.aws_ecs_service.this[\"api\"]");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	/* api: 1 task of 0.5 vCPU and 1 GB on ARM64 */
	near(fd->monthly_saving,
	     h * (0.5 * (price("fargate.linux.arm.vcpu_hour") -
	                 price("fargate.spot.arm.vcpu_hour")) +
	          1.0 * (price("fargate.linux.arm.gb_hour") -
	                 price("fargate.spot.arm.gb_hour"))));
	assert_int_equal(status_of(c, "COST-FARGATE-SPOT-NONPROD",
	                           "module.app.aws_ecs_service.this[\"web\"]"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-S3-LIFECYCLE",
	                           "module.cdn.aws_s3_bucket.uploads"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-S3-LIFECYCLE",
	                           "module.cdn.aws_s3_bucket.assets"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(c, "COST-S3-LIFECYCLE",
	                           "module.cdn.aws_s3_bucket.logs"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "COST-LOG-RETENTION",
	                           "module.app.aws_cloudwatch_log_group."
	                           "service[\"api\"]"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(summary_of(c, "COST-ECR-LIFECYCLE"), TFS_STATUS_PASS);
	fd = finding_of(c, "COST-RDS-GP3", "module.database.aws_db_instance.this");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	near(fd->monthly_saving,
	     20 * (price("rds.storage.gp2.single_az.gb_month") -
	           price("rds.storage.gp3.single_az.gb_month")));
	assert_int_equal(status_of(c, "COST-GRAVITON",
	                           WEB_TD),
	                 TFS_STATUS_FAIL);
	fd = finding_of(c, "COST-IDLE-EIP", "aws_eip.bastion");
	assert_int_equal(fd->status, TFS_STATUS_FAIL);
	near(fd->monthly_saving, h * price("vpc.public_ipv4.hour"));
	assert_int_equal(status_of(c, "COST-IDLE-EIP",
	                           "module.network.aws_eip.nat[0]"),
	                 TFS_STATUS_PASS);
	tfs_checks_free(c);
	tfs_cost_free(cost);
	release(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_ecs_tag_propagation),
		cmocka_unit_test(test_budgets),
		cmocka_unit_test(test_fargate_spot),
		cmocka_unit_test(test_s3_lifecycle),
		cmocka_unit_test(test_log_retention),
		cmocka_unit_test(test_ecr_lifecycle),
		cmocka_unit_test(test_rds_gp3),
		cmocka_unit_test(test_ebs_gp3),
		cmocka_unit_test(test_graviton),
		cmocka_unit_test(test_idle_eip),
		cmocka_unit_test(test_spot_saving),
		cmocka_unit_test(test_hostile_types),
		cmocka_unit_test(test_examples),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
