/* test_check_ha.c - the High Availability checks: each with a passing and a
 * failing state (and its unknown case), hostile attribute types, and the
 * two bundled examples. */
#include "testutil.h"

/* The status of check id on address in the checks c of the test. */
#define EXPECT(id, address, st)                                               \
	assert_int_equal(status_of(c, (id), (address)), TFS_STATUS_##st)

/* Like build(), with ` standing for a quote inside a JSON string (the
 * container definitions): ` becomes \". */
static fixture buildq(const char *s)
{
	size_t n = strlen(s), i, k = 0;
	char *out = malloc(2 * n + 1);
	fixture f;

	for (i = 0; i < n; i++) {
		if (s[i] == '`')
			out[k++] = '\\', out[k++] = '"';
		else
			out[k++] = s[i];
	}
	out[k] = '\0';
	f = build(out);
	free(out);
	return f;
}

#define DEV "'tags_all':{'Environment':'dev'}"
#define PROD "'tags_all':{'Environment':'prod'}"

#define CLUSTER                                                               \
	R("aws_ecs_cluster", "c", "{'name':'c','arn':'arn:aws:ecs:sa-east-1:1:"  \
	  "cluster/c','id':'arn:aws:ecs:sa-east-1:1:cluster/c'}")
#define SVC(name, extra)                                                      \
	R("aws_ecs_service", name, "{'name':'" name "','cluster':'arn:aws:ecs:"  \
	  "sa-east-1:1:cluster/c'" extra "}")
#define TARGET(name, lo, hi)                                                  \
	R("aws_appautoscaling_target", name, "{'resource_id':'service/c/" name  \
	  "','scalable_dimension':'ecs:service:DesiredCount','service_namespace'" \
	  ":'ecs','min_capacity':" lo ",'max_capacity':" hi "}")
#define POLICY(name)                                                          \
	R("aws_appautoscaling_policy", name, "{'resource_id':'service/c/" name  \
	  "','policy_type':'TargetTrackingScaling',"                            \
	  "'target_tracking_scaling_policy_configuration':[{"                   \
	  "'predefined_metric_specification':[{'predefined_metric_type':"       \
	  "'ECSServiceAverageCPUUtilization'}]}]}")
#define SUBNET(name, az)                                                      \
	R("aws_subnet", name, "{'id':'subnet-" name "','vpc_id':'vpc-1',"        \
	  "'availability_zone':'" az "'}")
#define DB(name, extra)                                                       \
	R("aws_db_instance", name,                                             \
	  "{'identifier':'" name "','arn':'arn:aws:rds:sa-east-1:1:db:" name     \
	  "'" extra "}")
#define BUCKET(name, extra)                                                   \
	R("aws_s3_bucket", name, "{'bucket':'" name "','id':'" name "','arn':"   \
	  "'arn:aws:s3:::" name "'" extra "}")

/* ---- autoscaling, Multi-AZ, task count ----------------------------------- */

static void test_autoscaling(void **s)
{
	(void)s;
	fixture f = build(CLUSTER "," SVC("ok", "") "," TARGET("ok", "2", "6")
	                  "," POLICY("ok") "," SVC("none", "") ","
	                  SVC("nopolicy", "") "," TARGET("nopolicy", "2", "4") ","
	                  SVC("flat", "") "," TARGET("flat", "2", "2") ","
	                  POLICY("flat") "," SVC("low", "") ","
	                  TARGET("low", "1", "4") "," POLICY("low") ","
	                  R("aws_ecs_service", "orphan", "{'name':'orphan'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *ok =
		finding_of(c, "HA-ECS-AUTOSCALING", "aws_ecs_service.ok");

	assert_int_equal(ok->status, TFS_STATUS_PASS);
	assert_string_equal(ok->attribute,
	                    "aws_appautoscaling_target.ok.max_capacity");
	assert_string_equal(ok->value, "6");
	assert_non_null(strstr(ok->message, "ECSServiceAverageCPUUtilization"));
	EXPECT("HA-ECS-AUTOSCALING", "aws_ecs_service.none", FAIL);
	assert_non_null(strstr(finding_of(c, "HA-ECS-AUTOSCALING",
	                                  "aws_ecs_service.none")->message,
	                       "service/c/none"));
	EXPECT("HA-ECS-AUTOSCALING", "aws_ecs_service.nopolicy", FAIL);
	EXPECT("HA-ECS-AUTOSCALING", "aws_ecs_service.flat", FAIL);
	/* no environment counts as production: min_capacity 1 is too low */
	EXPECT("HA-ECS-AUTOSCALING", "aws_ecs_service.low", FAIL);
	EXPECT("HA-ECS-AUTOSCALING", "aws_ecs_service.orphan", UNKNOWN);
	assert_int_equal(summary_of(c, "HA-ECS-AUTOSCALING"), TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);

	/* outside production a floor of one task is fine */
	f = build(CLUSTER "," SVC("low", ", " DEV) "," TARGET("low", "1", "4") ","
	          POLICY("low"));
	c = run_checks(&f, NULL);
	EXPECT("HA-ECS-AUTOSCALING", "aws_ecs_service.low", PASS);
	tfs_checks_free(c);
	release(&f);
}

static void test_ecs_multi_az(void **s)
{
	(void)s;
	fixture f = build(
		SUBNET("a", "sa-east-1a") "," SUBNET("b", "sa-east-1b") ","
		SVC("spread", ",'network_configuration':[{'subnets':['subnet-a',"
		              "'subnet-b']}]")
		"," SVC("one", ",'network_configuration':[{'subnets':['subnet-a']}]")
		"," SVC("other", ",'network_configuration':[{'subnets':['subnet-a',"
		                 "'subnet-x']}]")
		"," SVC("data", ",'network_configuration':[{'subnets':['subnet-a',"
		                "'subnet-d']}]")
		"," SVC("bare", "") ","
		"{'mode':'data','type':'aws_subnet','name':'d','instances':[{"
		"'attributes':{'id':'subnet-d','availability_zone':'sa-east-1c'}}]}");
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *p =
		finding_of(c, "HA-ECS-MULTIAZ", "aws_ecs_service.spread");

	assert_int_equal(p->status, TFS_STATUS_PASS);
	assert_string_equal(p->attribute, "network_configuration[0].subnets");
	assert_string_equal(p->value, "[\"sa-east-1a\",\"sa-east-1b\"]");
	EXPECT("HA-ECS-MULTIAZ", "aws_ecs_service.one", FAIL);
	EXPECT("HA-ECS-MULTIAZ", "aws_ecs_service.other", UNKNOWN);
	/* a data.aws_subnet tells the zone of a subnet of another state */
	EXPECT("HA-ECS-MULTIAZ", "aws_ecs_service.data", PASS);
	EXPECT("HA-ECS-MULTIAZ", "aws_ecs_service.bare", UNKNOWN);
	tfs_checks_free(c);
	release(&f);

	f = build(SUBNET("a", "sa-east-1a") ","
	          SVC("one", ",'network_configuration':[{'subnets':['subnet-a']}],"
	                     DEV));
	c = run_checks(&f, NULL);
	EXPECT("HA-ECS-MULTIAZ", "aws_ecs_service.one", NA);
	tfs_checks_free(c);
	release(&f);
}

static void test_min_tasks(void **s)
{
	(void)s;
	fixture f = build(CLUSTER "," SVC("two", ",'desired_count':2") ","
	                  SVC("one", ",'desired_count':1") ","
	                  SVC("scaled", ",'desired_count':1") ","
	                  TARGET("scaled", "2", "4") "," SVC("unset", "") ","
	                  SVC("daemon", ",'scheduling_strategy':'DAEMON'"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-ECS-MIN-TASKS", "aws_ecs_service.two", PASS);
	EXPECT("HA-ECS-MIN-TASKS", "aws_ecs_service.one", FAIL);
	assert_string_equal(finding_of(c, "HA-ECS-MIN-TASKS",
	                               "aws_ecs_service.one")->value, "1");
	EXPECT("HA-ECS-MIN-TASKS", "aws_ecs_service.scaled", PASS);
	EXPECT("HA-ECS-MIN-TASKS", "aws_ecs_service.unset", UNKNOWN);
	EXPECT("HA-ECS-MIN-TASKS", "aws_ecs_service.daemon", NA);
	tfs_checks_free(c);

	/* the threshold comes from tfsight.yml */
	c = run_checks(&f, "version: 1\nchecks:\n  thresholds:\n"
	                   "    prod_min_tasks: 3\n");
	EXPECT("HA-ECS-MIN-TASKS", "aws_ecs_service.two", FAIL);
	tfs_checks_free(c);
	release(&f);

	f = build(SVC("one", ",'desired_count':1," DEV));
	c = run_checks(&f, NULL);
	EXPECT("HA-ECS-MIN-TASKS", "aws_ecs_service.one", NA);
	tfs_checks_free(c);
	release(&f);
}

static void test_lb_multi_az(void **s)
{
	(void)s;
	fixture f = build(
		SUBNET("a", "sa-east-1a") "," SUBNET("b", "sa-east-1b") ","
		R("aws_lb", "two", "{'arn':'arn:lb2','subnets':['subnet-a','subnet-b']}")
		"," R("aws_lb", "one", "{'arn':'arn:lb1','subnet_mapping':[{"
		                        "'subnet_id':'subnet-a'}]}")
		"," R("aws_lb", "ext", "{'arn':'arn:lb3','subnets':['subnet-q']}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-LB-MULTIAZ", "aws_lb.two", PASS);
	EXPECT("HA-LB-MULTIAZ", "aws_lb.one", FAIL);
	EXPECT("HA-LB-MULTIAZ", "aws_lb.ext", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- health checks ------------------------------------------------------- */

static void test_lb_health_check(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_lb_target_group", "ok", "{'arn':'arn:tg1','protocol':'HTTP',"
		  "'health_check':[{'enabled':true,'path':'/health','interval':30}]}")
		"," R("aws_lb_target_group", "off", "{'arn':'arn:tg2','health_check':"
		      "[{'enabled':false,'path':'/'}]}")
		"," R("aws_lb_target_group", "nopath", "{'arn':'arn:tg3','protocol':"
		      "'HTTPS','health_check':[{'enabled':true,'path':''}]}")
		"," R("aws_lb_target_group", "tcp", "{'arn':'arn:tg4','protocol':'TCP',"
		      "'health_check':[{'enabled':'true','interval':'10'}]}")
		"," R("aws_lb_target_group", "unset", "{'arn':'arn:tg5'}")
		"," R("aws_lb_target_group", "fn", "{'arn':'arn:tg6','target_type':"
		      "'lambda'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *ok =
		finding_of(c, "HA-LB-HEALTHCHECK", "aws_lb_target_group.ok");

	assert_int_equal(ok->status, TFS_STATUS_PASS);
	assert_string_equal(ok->attribute, "health_check[0].path");
	assert_string_equal(ok->value, "\"/health\"");
	EXPECT("HA-LB-HEALTHCHECK", "aws_lb_target_group.off", FAIL);
	EXPECT("HA-LB-HEALTHCHECK", "aws_lb_target_group.nopath", FAIL);
	/* flatmap spellings ("true", "10") read as values */
	EXPECT("HA-LB-HEALTHCHECK", "aws_lb_target_group.tcp", PASS);
	EXPECT("HA-LB-HEALTHCHECK", "aws_lb_target_group.unset", UNKNOWN);
	EXPECT("HA-LB-HEALTHCHECK", "aws_lb_target_group.fn", NA);
	tfs_checks_free(c);
	release(&f);
}

#define TD(name, defs)                                                        \
	R("aws_ecs_task_definition", name, "{'family':'" name "','arn':'td-"   \
	  name "','network_mode':'awsvpc','container_definitions':'" defs "'}")

static void test_container_health_check(void **s)
{
	(void)s;
	fixture f = buildq(
		TD("ok", "[{`name`:`app`,`essential`:true,`healthCheck`:{`command`:"
		         "[`CMD-SHELL`,`true`]}},{`name`:`side`,`essential`:false}]")
		"," TD("missing", "[{`name`:`app`,`healthCheck`:{`command`:[`CMD`]}},"
		                  "{`name`:`proxy`,`essential`:true}]")
		"," TD("empty", "[{`name`:`app`,`healthCheck`:{`command`:[]}}]")
		"," TD("garbage", "not json")
		"," TD("wrongtype", "{`name`:`app`}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *bad = finding_of(c, "HA-ECS-CONTAINER-HEALTHCHECK",
	                                    "aws_ecs_task_definition.missing");

	EXPECT("HA-ECS-CONTAINER-HEALTHCHECK", "aws_ecs_task_definition.ok", PASS);
	assert_int_equal(bad->status, TFS_STATUS_FAIL);
	assert_string_equal(bad->attribute,
	                    "container_definitions[proxy].healthCheck.command");
	assert_string_equal(bad->value, "(absent)");
	EXPECT("HA-ECS-CONTAINER-HEALTHCHECK", "aws_ecs_task_definition.empty", FAIL);
	EXPECT("HA-ECS-CONTAINER-HEALTHCHECK", "aws_ecs_task_definition.garbage", UNKNOWN);
	EXPECT("HA-ECS-CONTAINER-HEALTHCHECK", "aws_ecs_task_definition.wrongtype", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

static void test_grace_period(void **s)
{
	(void)s;
	fixture f = build(
		SVC("ok", ",'load_balancer':[{'target_group_arn':'arn:tg'}],"
		          "'health_check_grace_period_seconds':60")
		"," SVC("zero", ",'load_balancer':[{'target_group_arn':'arn:tg'}],"
		                "'health_check_grace_period_seconds':0")
		"," SVC("unset", ",'load_balancer':[{'target_group_arn':'arn:tg'}]")
		"," SVC("nolb", ",'load_balancer':[]"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-ECS-GRACE-PERIOD", "aws_ecs_service.ok", PASS);
	EXPECT("HA-ECS-GRACE-PERIOD", "aws_ecs_service.zero", FAIL);
	EXPECT("HA-ECS-GRACE-PERIOD", "aws_ecs_service.unset", UNKNOWN);
	EXPECT("HA-ECS-GRACE-PERIOD", "aws_ecs_service.nolb", NA);
	tfs_checks_free(c);
	release(&f);
}

/* ---- load balancing ------------------------------------------------------ */

#define WEB_TD                                                                \
	TD("web", "[{`name`:`web`,`portMappings`:[{`containerPort`:8000}]}]")
#define WORKER_TD TD("worker", "[{`name`:`worker`}]")
#define LB_SVC(name, tg, port)                                                \
	SVC(name, ",'task_definition':'td-web','network_configuration':[{}],"  \
	    "'load_balancer':[{'target_group_arn':'" tg "','container_name':"    \
	    "'web','container_port':" port "}]")

static void test_behind_lb(void **s)
{
	(void)s;
	fixture f = buildq(
		WEB_TD "," WORKER_TD ","
		R("aws_lb_target_group", "tg", "{'arn':'arn:tg','target_type':'ip'}")
		"," R("aws_lb_target_group", "lonely", "{'arn':'arn:lonely',"
		      "'target_type':'ip'}")
		"," R("aws_lb_target_group", "inst", "{'arn':'arn:inst',"
		      "'target_type':'instance'}")
		"," R("aws_lb_target_group", "ruled", "{'arn':'arn:ruled',"
		      "'target_type':'ip'}")
		"," R("aws_lb_listener", "l", "{'arn':'arn:l','load_balancer_arn':"
		      "'arn:lb','default_action':[{'type':'forward',"
		      "'target_group_arn':'arn:tg'},{'type':'forward','forward':[{"
		      "'target_group':[{'arn':'arn:inst'}]}]}]}")
		"," R("aws_lb_listener_rule", "r", "{'arn':'arn:r','listener_arn':"
		      "'arn:l','action':[{'type':'forward','target_group_arn':"
		      "'arn:ruled'}]}")
		"," LB_SVC("ok", "arn:tg", "8000") "," LB_SVC("rule", "arn:ruled", "8000")
		"," LB_SVC("lonely", "arn:lonely", "8000")
		"," LB_SVC("port", "arn:tg", "9000")
		"," LB_SVC("inst", "arn:inst", "8000")
		"," LB_SVC("away", "arn:elsewhere", "8000")
		"," SVC("direct", ",'task_definition':'td-web','load_balancer':[]")
		"," SVC("worker", ",'task_definition':'td-worker','load_balancer':[]")
		"," SVC("blind", ",'task_definition':'arn:other','load_balancer':[]"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-ECS-BEHIND-LB", "aws_ecs_service.ok", PASS);
	EXPECT("HA-ECS-BEHIND-LB", "aws_ecs_service.rule", PASS);
	EXPECT("HA-ECS-BEHIND-LB", "aws_ecs_service.lonely", FAIL);
	EXPECT("HA-ECS-BEHIND-LB", "aws_ecs_service.port", FAIL);
	assert_string_equal(finding_of(c, "HA-ECS-BEHIND-LB",
	                               "aws_ecs_service.port")->attribute,
	                    "load_balancer[0].container_port");
	EXPECT("HA-ECS-BEHIND-LB", "aws_ecs_service.inst", FAIL);
	assert_string_equal(finding_of(c, "HA-ECS-BEHIND-LB",
	                               "aws_ecs_service.inst")->attribute,
	                    "aws_lb_target_group.inst.target_type");
	assert_non_null(strstr(finding_of(c, "HA-ECS-BEHIND-LB",
	                                  "aws_ecs_service.lonely")->message,
	                       "no listener"));
	EXPECT("HA-ECS-BEHIND-LB", "aws_ecs_service.away", UNKNOWN);
	EXPECT("HA-ECS-BEHIND-LB", "aws_ecs_service.direct", FAIL);
	EXPECT("HA-ECS-BEHIND-LB", "aws_ecs_service.worker", NA);
	EXPECT("HA-ECS-BEHIND-LB", "aws_ecs_service.blind", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

static void test_lb_deletion_protection(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_lb", "on", "{'arn':'arn:1','enable_deletion_protection':true}")
		"," R("aws_lb", "off", "{'arn':'arn:2','enable_deletion_protection':"
		                       "false}")
		"," R("aws_alb", "unset", "{'arn':'arn:3'}")
		"," R("aws_elb", "classic", "{'arn':'arn:4'}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-DR-LB-DELPROT", "aws_lb.on", PASS);
	EXPECT("HA-DR-LB-DELPROT", "aws_lb.off", FAIL);
	EXPECT("HA-DR-LB-DELPROT", "aws_alb.unset", UNKNOWN);
	EXPECT("HA-DR-LB-DELPROT", "aws_elb.classic", NA);
	tfs_checks_free(c);
	release(&f);

	f = build(R("aws_lb", "off", "{'arn':'arn:2','enable_deletion_protection':"
	                             "false," DEV "}"));
	c = run_checks(&f, NULL);
	EXPECT("HA-DR-LB-DELPROT", "aws_lb.off", NA);
	tfs_checks_free(c);
	release(&f);
}

/* ---- backups and disaster recovery --------------------------------------- */

static void test_backup_retention(void **s)
{
	(void)s;
	fixture f = build(
		DB("ok", ",'backup_retention_period':14") ","
		DB("short", ",'backup_retention_period':1") ","
		DB("off", ",'backup_retention_period':0") ","
		DB("long", ",'backup_retention_period':35") ","
		DB("text", ",'backup_retention_period':'7'") ","
		DB("hostile", ",'backup_retention_period':{'days':7}") ","
		DB("replica", ",'replicate_source_db':'ok','backup_retention_period':0")
		"," R("aws_rds_cluster", "aurora", "{'cluster_identifier':'aurora',"
		      "'backup_retention_period':7}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fl =
		finding_of(c, "HA-RDS-BACKUP-RETENTION", "aws_db_instance.short");

	EXPECT("HA-RDS-BACKUP-RETENTION", "aws_db_instance.ok", PASS);
	assert_int_equal(fl->status, TFS_STATUS_FAIL);
	assert_string_equal(fl->attribute, "backup_retention_period");
	assert_string_equal(fl->value, "1");
	EXPECT("HA-RDS-BACKUP-RETENTION", "aws_db_instance.off", FAIL);
	EXPECT("HA-RDS-BACKUP-RETENTION", "aws_db_instance.long", FAIL);
	EXPECT("HA-RDS-BACKUP-RETENTION", "aws_db_instance.text", PASS);
	EXPECT("HA-RDS-BACKUP-RETENTION", "aws_db_instance.hostile", UNKNOWN);
	EXPECT("HA-RDS-BACKUP-RETENTION", "aws_db_instance.replica", NA);
	EXPECT("HA-RDS-BACKUP-RETENTION", "aws_rds_cluster.aurora", PASS);
	tfs_checks_free(c);

	/* bounds from tfsight.yml */
	c = run_checks(&f, "version: 1\nchecks:\n  thresholds:\n"
	                   "    backup_retention_min_days: 1\n"
	                   "    backup_retention_max_days: 35\n");
	EXPECT("HA-RDS-BACKUP-RETENTION", "aws_db_instance.short", PASS);
	EXPECT("HA-RDS-BACKUP-RETENTION", "aws_db_instance.long", PASS);
	tfs_checks_free(c);
	release(&f);
}

static void test_rds_protect(void **s)
{
	(void)s;
	fixture f = build(
		DB("ok", ",'deletion_protection':true,'skip_final_snapshot':false,"
		         "'final_snapshot_identifier':'ok-final',"
		         "'copy_tags_to_snapshot':true")
		"," DB("unprotected", ",'deletion_protection':false")
		"," DB("nosnap", ",'deletion_protection':true,'skip_final_snapshot':"
		                 "true")
		"," DB("noname", ",'deletion_protection':true,'skip_final_snapshot':"
		                 "false,'final_snapshot_identifier':null")
		"," DB("notags", ",'deletion_protection':true,'skip_final_snapshot':"
		                 "false,'final_snapshot_identifier':'x',"
		                 "'copy_tags_to_snapshot':false")
		"," DB("unset", ""));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-DR-RDS-PROTECT", "aws_db_instance.ok", PASS);
	EXPECT("HA-DR-RDS-PROTECT", "aws_db_instance.unprotected", FAIL);
	assert_string_equal(finding_of(c, "HA-DR-RDS-PROTECT",
	                               "aws_db_instance.nosnap")->attribute,
	                    "skip_final_snapshot");
	EXPECT("HA-DR-RDS-PROTECT", "aws_db_instance.noname", FAIL);
	EXPECT("HA-DR-RDS-PROTECT", "aws_db_instance.notags", FAIL);
	EXPECT("HA-DR-RDS-PROTECT", "aws_db_instance.unset", UNKNOWN);
	tfs_checks_free(c);
	release(&f);

	f = build(DB("dev", ",'deletion_protection':false," DEV));
	c = run_checks(&f, NULL);
	EXPECT("HA-DR-RDS-PROTECT", "aws_db_instance.dev", NA);
	tfs_checks_free(c);
	release(&f);
}

static void test_backup_plan(void **s)
{
	(void)s;
	fixture f = build(DB("a", "") "," DB("b", "") "," DB("tagged", ","
	                  "'tags_all':{'Backup':'daily'}") ","
	                  R("aws_backup_selection", "sel", "{'plan_id':'p',"
	                    "'resources':['arn:aws:rds:sa-east-1:1:db:a'],"
	                    "'selection_tag':[{'type':'STRINGEQUALS','key':"
	                    "'Backup','value':'daily'}]}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-DR-RDS-BACKUP-PLAN", "aws_db_instance.a", PASS);
	EXPECT("HA-DR-RDS-BACKUP-PLAN", "aws_db_instance.b", FAIL);
	EXPECT("HA-DR-RDS-BACKUP-PLAN", "aws_db_instance.tagged", PASS);
	tfs_checks_free(c);
	release(&f);

	/* wildcards; and without any AWS Backup resource: unknown */
	f = build(DB("a", "") "," R("aws_backup_selection", "sel", "{'resources':"
	                            "['arn:aws:rds:*:*:db:*']}"));
	c = run_checks(&f, NULL);
	EXPECT("HA-DR-RDS-BACKUP-PLAN", "aws_db_instance.a", PASS);
	tfs_checks_free(c);
	release(&f);
	f = build(DB("a", "") "," R("aws_db_instance_automated_backups_replication",
	                            "x", "{'source_db_instance_arn':"
	                            "'arn:aws:rds:sa-east-1:1:db:a'}")
	          "," DB("b", ""));
	c = run_checks(&f, NULL);
	EXPECT("HA-DR-RDS-BACKUP-PLAN", "aws_db_instance.a", PASS);
	EXPECT("HA-DR-RDS-BACKUP-PLAN", "aws_db_instance.b", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

static void test_s3_versioning(void **s)
{
	(void)s;
	fixture f = build(
		BUCKET("child", ",'versioning':[{'enabled':false}]") ","
		R("aws_s3_bucket_versioning", "child", "{'bucket':'child',"
		  "'versioning_configuration':[{'status':'Enabled'}]}") ","
		BUCKET("suspended", ",'versioning':[{'enabled':true}]") ","
		R("aws_s3_bucket_versioning", "suspended", "{'bucket':'suspended',"
		  "'versioning_configuration':[{'status':'Suspended'}]}") ","
		BUCKET("legacy_on", ",'versioning':[{'enabled':true}]") ","
		BUCKET("legacy_off", ",'versioning':[{'enabled':false}]") ","
		BUCKET("bare", "") ","
		BUCKET("hostile", ",'versioning':'yes please'"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *child =
		finding_of(c, "HA-DR-S3-VERSIONING", "aws_s3_bucket.child");

	/* the child resource wins over the bucket's stale attribute */
	assert_int_equal(child->status, TFS_STATUS_PASS);
	assert_string_equal(child->attribute,
	                    "aws_s3_bucket_versioning.child."
	                    "versioning_configuration[0].status");
	assert_string_equal(child->value, "\"Enabled\"");
	EXPECT("HA-DR-S3-VERSIONING", "aws_s3_bucket.suspended", FAIL);
	EXPECT("HA-DR-S3-VERSIONING", "aws_s3_bucket.legacy_on", PASS);
	EXPECT("HA-DR-S3-VERSIONING", "aws_s3_bucket.legacy_off", FAIL);
	EXPECT("HA-DR-S3-VERSIONING", "aws_s3_bucket.bare", UNKNOWN);
	EXPECT("HA-DR-S3-VERSIONING", "aws_s3_bucket.hostile", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

static void test_s3_replication(void **s)
{
	(void)s;
	fixture f = build(
		BUCKET("src", ",'region':'sa-east-1'") ","
		BUCKET("dst", ",'region':'us-east-1'") ","
		BUCKET("near", ",'region':'sa-east-1'") ","
		BUCKET("same", ",'region':'sa-east-1'") ","
		BUCKET("far", ",'region':'sa-east-1'") ","
		BUCKET("off", ",'region':'sa-east-1'") ","
		BUCKET("legacy", ",'region':'sa-east-1','replication_configuration':"
		       "[{'rules':[{'status':'Enabled','destination':[{'bucket':"
		       "'arn:aws:s3:::dst'}]}]}]") ","
		BUCKET("none", ",'region':'sa-east-1'") ","
		R("aws_s3_bucket_replication_configuration", "src", "{'bucket':'src',"
		  "'rule':[{'status':'Enabled','destination':[{'bucket':"
		  "'arn:aws:s3:::dst'}]}]}") ","
		R("aws_s3_bucket_replication_configuration", "same", "{'bucket':"
		  "'same','rule':[{'status':'Enabled','destination':[{'bucket':"
		  "'arn:aws:s3:::near'}]}]}") ","
		R("aws_s3_bucket_replication_configuration", "far", "{'bucket':'far',"
		  "'rule':[{'status':'Enabled','destination':[{'bucket':"
		  "'arn:aws:s3:::elsewhere'}]}]}") ","
		R("aws_s3_bucket_replication_configuration", "off", "{'bucket':'off',"
		  "'rule':[{'status':'Disabled','destination':[{'bucket':"
		  "'arn:aws:s3:::dst'}]}]}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-DR-S3-REPLICATION", "aws_s3_bucket.src", PASS);
	EXPECT("HA-DR-S3-REPLICATION", "aws_s3_bucket.legacy", PASS);
	EXPECT("HA-DR-S3-REPLICATION", "aws_s3_bucket.same", FAIL);
	EXPECT("HA-DR-S3-REPLICATION", "aws_s3_bucket.far", UNKNOWN);
	EXPECT("HA-DR-S3-REPLICATION", "aws_s3_bucket.off", FAIL);
	EXPECT("HA-DR-S3-REPLICATION", "aws_s3_bucket.none", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

static void test_cf_failover(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_cloudfront_distribution", "ok", "{'arn':'arn:cf1',"
		  "'origin_group':[{'origin_id':'g','failover_criteria':[{"
		  "'status_codes':[500,502]}]}]}") ","
		R("aws_cloudfront_distribution", "nocodes", "{'arn':'arn:cf2',"
		  "'origin_group':[{'origin_id':'g','failover_criteria':[]}]}") ","
		R("aws_cloudfront_distribution", "single", "{'arn':'arn:cf3',"
		  "'origin_group':[]}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-DR-CF-FAILOVER", "aws_cloudfront_distribution.ok", PASS);
	EXPECT("HA-DR-CF-FAILOVER", "aws_cloudfront_distribution.nocodes", FAIL);
	EXPECT("HA-DR-CF-FAILOVER", "aws_cloudfront_distribution.single", NA);
	tfs_checks_free(c);
	release(&f);
}

static void test_circuit_breaker(void **s)
{
	(void)s;
	fixture f = build(
		SVC("ok", ",'deployment_circuit_breaker':[{'enable':true,"
		          "'rollback':true}]")
		"," SVC("off", ",'deployment_circuit_breaker':[{'enable':false,"
		               "'rollback':false}]")
		"," SVC("noroll", ",'deployment_circuit_breaker':[{'enable':true,"
		                  "'rollback':false}]")
		"," SVC("empty", ",'deployment_circuit_breaker':[]")
		"," SVC("unset", "")
		"," SVC("bluegreen", ",'deployment_controller':[{'type':'CODE_DEPLOY'}]"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("HA-ECS-CIRCUIT-BREAKER", "aws_ecs_service.ok", PASS);
	EXPECT("HA-ECS-CIRCUIT-BREAKER", "aws_ecs_service.off", FAIL);
	assert_string_equal(finding_of(c, "HA-ECS-CIRCUIT-BREAKER",
	                               "aws_ecs_service.off")->attribute,
	                    "deployment_circuit_breaker[0].enable");
	EXPECT("HA-ECS-CIRCUIT-BREAKER", "aws_ecs_service.noroll", FAIL);
	EXPECT("HA-ECS-CIRCUIT-BREAKER", "aws_ecs_service.empty", FAIL);
	EXPECT("HA-ECS-CIRCUIT-BREAKER", "aws_ecs_service.unset", UNKNOWN);
	EXPECT("HA-ECS-CIRCUIT-BREAKER", "aws_ecs_service.bluegreen", NA);
	tfs_checks_free(c);
	release(&f);
}

/* ---- the catalogue rows -------------------------------------------------- */

static void test_rows(void **s)
{
	(void)s;
	fixture f = build(DB("a", ""));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_check_def *d = tfs_check_find("HA-DR-PLAN");
	size_t i;

	assert_non_null(d);
	assert_null(d->run);
	assert_string_equal(d->checklist, "Disaster recovery plan documented");
	assert_int_equal(summary_of(c, "HA-DR-PLAN"), TFS_STATUS_UNDECIDABLE);
	/* every HA row quotes its seed line and names what to set */
	for (i = 0; i < tfs_check_count(); i++) {
		const tfs_check_def *r = tfs_check_at(i);
		if (r->category != TFS_CHECKCAT_HA)
			continue;
		assert_true(strncmp(r->id, "HA-", 3) == 0);
		assert_true(r->checklist[0] != '\0');
		assert_true(r->run != NULL || r->undecidable != NULL);
		if (r->run)
			assert_non_null(strchr(r->remediation, '`'));
	}
	assert_int_equal(tfs_check_find("HA-ECS-MIN-TASKS")->scope,
	                 TFS_SCOPE_PROD);
	assert_int_equal(tfs_check_find("HA-DR-RDS-PROTECT")->scope,
	                 TFS_SCOPE_PROD);
	tfs_checks_free(c);
	release(&f);
}

/* Wrong types everywhere: nothing crashes, nothing passes by accident. */
static void test_hostile(void **s)
{
	(void)s;
	fixture f = buildq(
		R("aws_ecs_service", "svc", "{'name':7,'cluster':[],'desired_count':"
		  "'many','load_balancer':'x','network_configuration':{},"
		  "'deployment_circuit_breaker':'on','task_definition':'td'}")
		"," R("aws_ecs_task_definition", "td", "{'family':'td',"
		      "'container_definitions':'[1,`a`,{`essential`:`yes`}]'}")
		"," R("aws_lb_target_group", "tg", "{'health_check':'yes'}")
		"," R("aws_lb", "lb", "{'subnets':'subnet-a','availability_zones':3}")
		"," R("aws_db_instance", "db", "{'deletion_protection':'maybe',"
		      "'replicate_source_db':5,'arn':['x']}")
		"," R("aws_s3_bucket", "b", "{'bucket':1,'replication_configuration':"
		      "[{'rules':'all'}]}")
		"," R("aws_cloudfront_distribution", "cf", "{'origin_group':[1,2]}")
		"," R("aws_appautoscaling_target", "t", "{'resource_id':null}"));
	tfs_checks *c = run_checks(&f, NULL);
	size_t i;

	for (i = 0; i < c->count; i++)
		if (c->findings[i].check->category == TFS_CHECKCAT_HA &&
		    c->findings[i].status == TFS_STATUS_PASS)
			fail_msg("%s passed on %s", c->findings[i].check->id,
			         c->findings[i].address);
	EXPECT("HA-ECS-MIN-TASKS", "aws_ecs_service.svc", UNKNOWN);
	EXPECT("HA-DR-RDS-PROTECT", "aws_db_instance.db", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- the bundled examples ------------------------------------------------ */

typedef struct {
	const char *id;
	tfs_status prod, dev;
} expect;

static tfs_checks *run_example(const char *rel, fixture *f)
{
	*f = build_example(rel);
	return run_checks(f, NULL);
}

static void test_examples(void **s)
{
	static const expect WANT[] = {
		{"HA-RDS-MULTIAZ", TFS_STATUS_PASS, TFS_STATUS_NA},
		/* prod: the web service has no autoscaling (a known finding) */
		{"HA-ECS-AUTOSCALING", TFS_STATUS_FAIL, TFS_STATUS_FAIL},
		{"HA-ECS-MULTIAZ", TFS_STATUS_PASS, TFS_STATUS_NA},
		{"HA-ECS-MIN-TASKS", TFS_STATUS_PASS, TFS_STATUS_NA},
		{"HA-LB-HEALTHCHECK", TFS_STATUS_PASS, TFS_STATUS_PASS},
		{"HA-ECS-CONTAINER-HEALTHCHECK", TFS_STATUS_PASS, TFS_STATUS_PASS},
		{"HA-ECS-GRACE-PERIOD", TFS_STATUS_PASS, TFS_STATUS_PASS},
		{"HA-LB-MULTIAZ", TFS_STATUS_PASS, TFS_STATUS_NA},
		{"HA-ECS-BEHIND-LB", TFS_STATUS_PASS, TFS_STATUS_PASS},
		{"HA-RDS-BACKUP-RETENTION", TFS_STATUS_PASS, TFS_STATUS_FAIL},
		{"HA-DR-RDS-PROTECT", TFS_STATUS_PASS, TFS_STATUS_NA},
		{"HA-DR-RDS-BACKUP-PLAN", TFS_STATUS_UNKNOWN, TFS_STATUS_UNKNOWN},
		{"HA-DR-S3-VERSIONING", TFS_STATUS_PASS, TFS_STATUS_FAIL},
		{"HA-DR-S3-REPLICATION", TFS_STATUS_UNKNOWN, TFS_STATUS_UNKNOWN},
		{"HA-DR-LB-DELPROT", TFS_STATUS_PASS, TFS_STATUS_NA},
		{"HA-DR-CF-FAILOVER", TFS_STATUS_NA, TFS_STATUS_NA},
		{"HA-ECS-CIRCUIT-BREAKER", TFS_STATUS_PASS, TFS_STATUS_FAIL},
		{"HA-DR-PLAN", TFS_STATUS_UNDECIDABLE, TFS_STATUS_UNDECIDABLE},
	};
	fixture p, d;
	tfs_checks *cp, *cd;
	size_t i;
	(void)s;

	cp = run_example("examples/webapp-prod.tfstate", &p);
	cd = run_example("examples/webapp-dev.tfstate", &d);
	for (i = 0; i < sizeof(WANT) / sizeof(WANT[0]); i++) {
		if (summary_of(cp, WANT[i].id) != WANT[i].prod)
			fail_msg("prod %s: %s", WANT[i].id,
			         tfs_status_name(summary_of(cp, WANT[i].id)));
		if (summary_of(cd, WANT[i].id) != WANT[i].dev)
			fail_msg("dev %s: %s", WANT[i].id,
			         tfs_status_name(summary_of(cd, WANT[i].id)));
	}
	/* the one prod failure is the web service's missing autoscaling */
	assert_int_equal(status_of(cp, "HA-ECS-AUTOSCALING",
	                           "module.app.aws_ecs_service.this[\"api\"]"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(cp, "HA-ECS-AUTOSCALING",
	                           "module.app.aws_ecs_service.this[\"web\"]"),
	                 TFS_STATUS_FAIL);
	/* dev: retention 1 day, circuit breaker off, two unversioned buckets */
	assert_string_equal(finding_of(cd, "HA-RDS-BACKUP-RETENTION",
	                               "module.database.aws_db_instance.this")
	                            ->value,
	                    "1");
	assert_int_equal(status_of(cd, "HA-DR-S3-VERSIONING",
	                           "module.cdn.aws_s3_bucket.assets"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(cd, "HA-DR-S3-VERSIONING",
	                           "module.cdn.aws_s3_bucket.uploads"),
	                 TFS_STATUS_FAIL);
	assert_string_equal(finding_of(cd, "HA-DR-S3-VERSIONING",
	                               "module.cdn.aws_s3_bucket.uploads")->value,
	                    "\"Suspended\"");
	assert_int_equal(status_of(cd, "HA-DR-S3-VERSIONING",
	                           "module.cdn.aws_s3_bucket.logs"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(status_of(cd, "HA-ECS-CIRCUIT-BREAKER",
	                           "module.app.aws_ecs_service.this[\"web\"]"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(cp);
	tfs_checks_free(cd);
	release(&p);
	release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_autoscaling),
		cmocka_unit_test(test_ecs_multi_az),
		cmocka_unit_test(test_min_tasks),
		cmocka_unit_test(test_lb_multi_az),
		cmocka_unit_test(test_lb_health_check),
		cmocka_unit_test(test_container_health_check),
		cmocka_unit_test(test_grace_period),
		cmocka_unit_test(test_behind_lb),
		cmocka_unit_test(test_lb_deletion_protection),
		cmocka_unit_test(test_backup_retention),
		cmocka_unit_test(test_rds_protect),
		cmocka_unit_test(test_backup_plan),
		cmocka_unit_test(test_s3_versioning),
		cmocka_unit_test(test_s3_replication),
		cmocka_unit_test(test_cf_failover),
		cmocka_unit_test(test_circuit_breaker),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_examples),
	};
	return cmocka_run_group_tests_name("check_ha", tests, NULL, NULL);
}
