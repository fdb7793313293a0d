/* test_check_monitoring.c - the Monitoring checks: each with a passing and
 * a failing state (and its unknown case), hostile attribute types, and the
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

#define TOPIC "arn:aws:sns:sa-east-1:1:alerts"
#define ALARM(name, ns, metric, dims)                                         \
	R("aws_cloudwatch_metric_alarm", name, "{'alarm_name':'" name "',"      \
	  "'namespace':'" ns "','metric_name':'" metric "','dimensions':" dims  \
	  ",'actions_enabled':true,'alarm_actions':['" TOPIC "']}")
#define SVC(name)                                                             \
	R("aws_ecs_service", name, "{'name':'" name "','cluster':"              \
	  "'arn:aws:ecs:sa-east-1:1:cluster/c'}")
#define ECS_DIMS(svc) "{'ClusterName':'c','ServiceName':'" svc "'}"

/* ---- alarms -------------------------------------------------------------- */

static void test_alarm_ecs(void **s)
{
	(void)s;
	fixture f = build(
		SVC("ok") "," SVC("cpuonly") "," SVC("math") "," SVC("insights") ","
		SVC("elsewhere") ","
		ALARM("ok_cpu", "AWS/ECS", "CPUUtilization", ECS_DIMS("ok")) ","
		ALARM("ok_mem", "AWS/ECS", "MemoryUtilization", ECS_DIMS("ok")) ","
		ALARM("cpu", "AWS/ECS", "CPUUtilization", ECS_DIMS("cpuonly")) ","
		/* the same service name in another cluster does not count */
		ALARM("other_cpu", "AWS/ECS", "CPUUtilization",
		      "{'ClusterName':'d','ServiceName':'elsewhere'}") ","
		ALARM("other_mem", "AWS/ECS", "MemoryUtilization",
		      "{'ClusterName':'d','ServiceName':'elsewhere'}") ","
		ALARM("ci_cpu", "ECS/ContainerInsights", "CpuUtilized",
		      ECS_DIMS("insights")) ","
		ALARM("ci_mem", "ECS/ContainerInsights", "MemoryUtilized",
		      ECS_DIMS("insights")) ","
		/* metric math: the metrics sit in metric_query[].metric[] */
		R("aws_cloudwatch_metric_alarm", "math", "{'alarm_name':'math',"
		  "'metric_query':[{'id':'a','metric':[{'namespace':'AWS/ECS',"
		  "'metric_name':'CPUUtilization','dimensions':" ECS_DIMS("math")
		  "}]},{'id':'b','metric':[{'namespace':'AWS/ECS','metric_name':"
		  "'MemoryUtilization','dimensions':" ECS_DIMS("math") "}]},"
		  "{'id':'e','expression':'a+b','metric':[]}]}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *ok = finding_of(c, "MON-ALARM-ECS", "aws_ecs_service.ok");
	const tfs_finding *bad =
		finding_of(c, "MON-ALARM-ECS", "aws_ecs_service.cpuonly");

	assert_int_equal(ok->status, TFS_STATUS_PASS);
	assert_non_null(strstr(ok->message, "aws_cloudwatch_metric_alarm.ok_cpu"));
	assert_int_equal(bad->status, TFS_STATUS_FAIL);
	assert_non_null(strstr(bad->message, "memory"));
	assert_null(strstr(bad->message, "CPU,"));
	EXPECT("MON-ALARM-ECS", "aws_ecs_service.math", PASS);
	EXPECT("MON-ALARM-ECS", "aws_ecs_service.insights", PASS);
	EXPECT("MON-ALARM-ECS", "aws_ecs_service.elsewhere", FAIL);
	tfs_checks_free(c);
	release(&f);
}

static void test_alarm_rds(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_db_instance", "ok", "{'identifier':'ok'}") ","
		R("aws_db_instance", "part", "{'identifier':'part'}") ","
		R("aws_db_instance", "anon", "{}") ","
		R("aws_rds_cluster", "aurora", "{'cluster_identifier':'aurora'}") ","
		ALARM("cpu", "AWS/RDS", "CPUUtilization",
		      "{'DBInstanceIdentifier':'ok'}") ","
		ALARM("conn", "AWS/RDS", "DatabaseConnections",
		      "{'DBInstanceIdentifier':'ok'}") ","
		ALARM("disk", "AWS/RDS", "FreeStorageSpace",
		      "{'DBInstanceIdentifier':'ok'}") ","
		ALARM("pcpu", "AWS/RDS", "CPUUtilization",
		      "{'DBInstanceIdentifier':'part'}") ","
		ALARM("acpu", "AWS/RDS", "CPUUtilization",
		      "{'DBClusterIdentifier':'aurora'}") ","
		ALARM("aconn", "AWS/RDS", "DatabaseConnections",
		      "{'DBClusterIdentifier':'aurora'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *part =
		finding_of(c, "MON-ALARM-RDS", "aws_db_instance.part");

	EXPECT("MON-ALARM-RDS", "aws_db_instance.ok", PASS);
	assert_int_equal(part->status, TFS_STATUS_FAIL);
	assert_string_equal(part->attribute, "identifier");
	assert_string_equal(part->value, "\"part\"");
	assert_non_null(strstr(part->message, "connections, free storage"));
	EXPECT("MON-ALARM-RDS", "aws_db_instance.anon", UNKNOWN);
	EXPECT("MON-ALARM-RDS", "aws_rds_cluster.aurora", PASS);
	tfs_checks_free(c);
	release(&f);
}

#define ALB(name, extra)                                                      \
	R("aws_lb", name, "{'arn':'arn:aws:elasticloadbalancing:sa-east-1:1:"   \
	  "loadbalancer/app/" name "/1','load_balancer_type':'application'"     \
	  extra "}")

static void test_alarm_alb(void **s)
{
	(void)s;
	fixture f = build(
		ALB("ok", ",'arn_suffix':'app/ok/1'") "," ALB("errors", "") ","
		R("aws_lb", "nlb", "{'arn':'arn:n','load_balancer_type':'network'}")
		"," R("aws_lb", "anon", "{}") ","
		ALARM("ok5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
		      "{'LoadBalancer':'app/ok/1'}") ","
		/* a target-group alarm carries the load balancer too */
		ALARM("oklat", "AWS/ApplicationELB", "TargetResponseTime",
		      "{'LoadBalancer':'app/ok/1','TargetGroup':'targetgroup/t/1'}")
		"," ALARM("e5xx", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count",
		          "{'LoadBalancer':'app/errors/1'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *e = finding_of(c, "MON-ALARM-ALB", "aws_lb.errors");

	EXPECT("MON-ALARM-ALB", "aws_lb.ok", PASS);
	/* no arn_suffix: derived from the ARN */
	assert_int_equal(e->status, TFS_STATUS_FAIL);
	assert_string_equal(e->value, "\"app/errors/1\"");
	assert_non_null(strstr(e->message, "response time"));
	EXPECT("MON-ALARM-ALB", "aws_lb.nlb", NA);
	EXPECT("MON-ALARM-ALB", "aws_lb.anon", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

#define ACT(name, extra)                                                      \
	R("aws_cloudwatch_metric_alarm", name, "{'alarm_name':'" name "'" extra \
	  "}")

static void test_alarm_actions(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_sns_topic", "alerts", "{'arn':'" TOPIC "'}") ","
		R("aws_sns_topic", "quiet", "{'arn':'arn:aws:sns:sa-east-1:1:quiet'}")
		"," R("aws_sns_topic", "new", "{'arn':'arn:aws:sns:sa-east-1:1:new'}")
		"," R("aws_sns_topic_subscription", "mail", "{'topic_arn':'" TOPIC
		      "','protocol':'email','pending_confirmation':false}")
		"," R("aws_sns_topic_subscription", "wait", "{'topic_arn':"
		      "'arn:aws:sns:sa-east-1:1:new','pending_confirmation':true}")
		"," ACT("ok", ",'actions_enabled':true,'alarm_actions':['" TOPIC "']")
		"," ACT("disabled", ",'actions_enabled':false,'alarm_actions':['"
		    TOPIC "']")
		"," ACT("none", ",'alarm_actions':[]")
		"," ACT("quiet", ",'alarm_actions':['arn:aws:sns:sa-east-1:1:quiet']")
		"," ACT("pending", ",'alarm_actions':['arn:aws:sns:sa-east-1:1:new']")
		"," ACT("outside", ",'alarm_actions':['arn:aws:sns:sa-east-1:9:x']")
		"," ACT("scaling", ",'alarm_actions':['arn:aws:autoscaling:sa-east-1:"
		    "1:scalingPolicy:x']")
		"," ACT("best", ",'alarm_actions':['arn:aws:sns:sa-east-1:1:quiet','"
		    TOPIC "']"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *best = finding_of(c, "MON-ALARM-ACTIONS",
	                                     "aws_cloudwatch_metric_alarm.best");

	EXPECT("MON-ALARM-ACTIONS", "aws_cloudwatch_metric_alarm.ok", PASS);
	EXPECT("MON-ALARM-ACTIONS", "aws_cloudwatch_metric_alarm.disabled", FAIL);
	EXPECT("MON-ALARM-ACTIONS", "aws_cloudwatch_metric_alarm.none", FAIL);
	EXPECT("MON-ALARM-ACTIONS", "aws_cloudwatch_metric_alarm.quiet", FAIL);
	EXPECT("MON-ALARM-ACTIONS", "aws_cloudwatch_metric_alarm.pending", UNKNOWN);
	EXPECT("MON-ALARM-ACTIONS", "aws_cloudwatch_metric_alarm.outside", UNKNOWN);
	EXPECT("MON-ALARM-ACTIONS", "aws_cloudwatch_metric_alarm.scaling", NA);
	/* the action that reaches people is the evidence */
	assert_int_equal(best->status, TFS_STATUS_PASS);
	assert_string_equal(best->attribute, "alarm_actions[1]");
	assert_string_equal(best->value, "\"" TOPIC "\"");
	tfs_checks_free(c);
	release(&f);

	/* no alarm at all: nothing to judge here, said once for the stack */
	f = build(R("aws_sns_topic", "alerts", "{'arn':'" TOPIC "'}"));
	c = run_checks(&f, NULL);
	EXPECT("MON-ALARM-ACTIONS", NULL, UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

/* ---- logs ---------------------------------------------------------------- */

#define LOGS(group)                                                           \
	"{`name`:`app`,`logConfiguration`:{`logDriver`:`awslogs`,`options`:{"   \
	"`awslogs-group`:`" group "`,`awslogs-region`:`sa-east-1`}}}"
#define TD(name, defs)                                                        \
	R("aws_ecs_task_definition", name, "{'family':'" name "',"              \
	  "'container_definitions':'" defs "'}")

static void test_log_retention(void **s)
{
	(void)s;
	fixture f = buildq(
		R("aws_cloudwatch_log_group", "ok", "{'name':'/ecs/ok',"
		  "'retention_in_days':30}") ","
		R("aws_cloudwatch_log_group", "forever", "{'name':'/ecs/forever',"
		  "'retention_in_days':0}") ","
		R("aws_cloudwatch_log_group", "short", "{'name':'/ecs/short',"
		  "'retention_in_days':3}") ","
		R("aws_cloudwatch_log_group", "unset", "{'name':'/ecs/unset'}") ","
		TD("managed", "[" LOGS("/ecs/ok") "]") ","
		TD("foreign", "[" LOGS("/ecs/elsewhere") "]") ","
		TD("nolog", "[{`name`:`app`}]") ","
		TD("firelens", "[{`name`:`app`,`logConfiguration`:{`logDriver`:"
		               "`awsfirelens`}}]") ","
		TD("broken", "{"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *td =
		finding_of(c, "MON-LOG-RETENTION", "aws_ecs_task_definition.managed");
	const tfs_finding *fe = finding_of(c, "MON-LOG-RETENTION",
	                                   "aws_cloudwatch_log_group.forever");

	EXPECT("MON-LOG-RETENTION", "aws_cloudwatch_log_group.ok", PASS);
	assert_int_equal(fe->status, TFS_STATUS_FAIL);
	assert_string_equal(fe->attribute, "retention_in_days");
	assert_string_equal(fe->value, "0");
	EXPECT("MON-LOG-RETENTION", "aws_cloudwatch_log_group.short", FAIL);
	EXPECT("MON-LOG-RETENTION", "aws_cloudwatch_log_group.unset", UNKNOWN);
	assert_int_equal(td->status, TFS_STATUS_PASS);
	assert_string_equal(td->attribute, "container_definitions[app]."
	                                   "logConfiguration.options."
	                                   "awslogs-group");
	assert_string_equal(td->value, "\"/ecs/ok\"");
	EXPECT("MON-LOG-RETENTION", "aws_ecs_task_definition.foreign", UNKNOWN);
	EXPECT("MON-LOG-RETENTION", "aws_ecs_task_definition.nolog", FAIL);
	EXPECT("MON-LOG-RETENTION", "aws_ecs_task_definition.firelens", PASS);
	EXPECT("MON-LOG-RETENTION", "aws_ecs_task_definition.broken", UNKNOWN);
	tfs_checks_free(c);

	/* the floor comes from tfsight.yml */
	c = run_checks(&f, "version: 1\nchecks:\n  thresholds:\n"
	                   "    log_retention_min_days: 1\n");
	EXPECT("MON-LOG-RETENTION", "aws_cloudwatch_log_group.short", PASS);
	tfs_checks_free(c);
	release(&f);
}

/* ---- insights, access logs, dashboards ----------------------------------- */

static void test_container_insights(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_ecs_cluster", "on", "{'name':'on','setting':[{'name':"
		  "'containerInsights','value':'enhanced'}]}") ","
		R("aws_ecs_cluster", "off", "{'name':'off','setting':[{'name':"
		  "'containerInsights','value':'disabled'}]}") ","
		R("aws_ecs_cluster", "dflt", "{'name':'dflt','setting':[]}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("MON-CONTAINER-INSIGHTS", "aws_ecs_cluster.on", PASS);
	assert_string_equal(finding_of(c, "MON-CONTAINER-INSIGHTS",
	                               "aws_ecs_cluster.off")->value,
	                    "\"disabled\"");
	EXPECT("MON-CONTAINER-INSIGHTS", "aws_ecs_cluster.off", FAIL);
	/* the account default decides, and it is not in this state */
	EXPECT("MON-CONTAINER-INSIGHTS", "aws_ecs_cluster.dflt", UNKNOWN);
	tfs_checks_free(c);
	release(&f);

	f = build(R("aws_ecs_cluster", "dflt", "{'name':'dflt'}") ","
	          R("aws_ecs_account_setting_default", "ci", "{'name':"
	            "'containerInsights','value':'enabled'}"));
	c = run_checks(&f, NULL);
	EXPECT("MON-CONTAINER-INSIGHTS", "aws_ecs_cluster.dflt", PASS);
	tfs_checks_free(c);
	release(&f);
}

static void test_rds_insights(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_db_instance", "ok", "{'performance_insights_enabled':true,"
		  "'monitoring_interval':60,'monitoring_role_arn':'arn:role',"
		  "'enabled_cloudwatch_logs_exports':['postgresql']}") ","
		R("aws_db_instance", "off", "{'performance_insights_enabled':false,"
		  "'monitoring_interval':0,'monitoring_role_arn':'',"
		  "'enabled_cloudwatch_logs_exports':[]}") ","
		R("aws_db_instance", "nologs", "{'performance_insights_enabled':true,"
		  "'monitoring_interval':60,'monitoring_role_arn':'arn:role',"
		  "'enabled_cloudwatch_logs_exports':[]}") ","
		/* no Performance Insights on a small MySQL class */
		R("aws_db_instance", "small", "{'engine':'mysql','instance_class':"
		  "'db.t3.micro','performance_insights_enabled':false,"
		  "'monitoring_interval':30,'monitoring_role_arn':'arn:role',"
		  "'enabled_cloudwatch_logs_exports':['error']}") ","
		R("aws_rds_cluster_instance", "member", "{'performance_insights_"
		  "enabled':true,'monitoring_interval':'15','monitoring_role_arn':"
		  "'arn:role'}") ","
		R("aws_db_instance", "unset", "{}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *off =
		finding_of(c, "MON-RDS-INSIGHTS", "aws_db_instance.off");

	EXPECT("MON-RDS-INSIGHTS", "aws_db_instance.ok", PASS);
	assert_int_equal(off->status, TFS_STATUS_FAIL);
	assert_string_equal(off->attribute, "performance_insights_enabled");
	assert_string_equal(off->value, "false");
	assert_string_equal(finding_of(c, "MON-RDS-INSIGHTS",
	                               "aws_db_instance.nologs")->attribute,
	                    "enabled_cloudwatch_logs_exports");
	EXPECT("MON-RDS-INSIGHTS", "aws_db_instance.small", PASS);
	EXPECT("MON-RDS-INSIGHTS", "aws_rds_cluster_instance.member", PASS);
	EXPECT("MON-RDS-INSIGHTS", "aws_db_instance.unset", UNKNOWN);
	tfs_checks_free(c);
	release(&f);
}

static void test_alb_access_logs(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_lb", "ok", "{'arn':'a1','access_logs':[{'enabled':true,"
		  "'bucket':'logs'}]}") ","
		R("aws_lb", "off", "{'arn':'a2','access_logs':[{'enabled':false,"
		  "'bucket':''}]}") ","
		R("aws_lb", "nobucket", "{'arn':'a3','access_logs':[{'enabled':"
		  "'true','bucket':''}]}") ","
		R("aws_lb", "empty", "{'arn':'a4','access_logs':[]}") ","
		R("aws_lb", "unset", "{'arn':'a5'}") ","
		R("aws_lb", "gwlb", "{'arn':'a6','load_balancer_type':'gateway'}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("MON-ALB-ACCESS-LOGS", "aws_lb.ok", PASS);
	EXPECT("MON-ALB-ACCESS-LOGS", "aws_lb.off", FAIL);
	EXPECT("MON-ALB-ACCESS-LOGS", "aws_lb.nobucket", FAIL);
	EXPECT("MON-ALB-ACCESS-LOGS", "aws_lb.empty", FAIL);
	EXPECT("MON-ALB-ACCESS-LOGS", "aws_lb.unset", UNKNOWN);
	EXPECT("MON-ALB-ACCESS-LOGS", "aws_lb.gwlb", NA);
	tfs_checks_free(c);
	release(&f);
}

static void test_cf_logging(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_cloudfront_distribution", "legacy", "{'arn':'arn:cf1',"
		  "'logging_config':[{'bucket':'logs.s3.amazonaws.com'}]}") ","
		R("aws_cloudfront_distribution", "v2", "{'arn':'arn:cf2',"
		  "'logging_config':[]}") ","
		R("aws_cloudfront_distribution", "half", "{'arn':'arn:cf3',"
		  "'logging_config':[]}") ","
		R("aws_cloudfront_distribution", "none", "{'arn':'arn:cf4',"
		  "'logging_config':[]}") ","
		R("aws_cloudwatch_log_delivery_source", "v2", "{'name':'cf2',"
		  "'resource_arn':'arn:cf2','log_type':'ACCESS_LOGS'}") ","
		R("aws_cloudwatch_log_delivery", "v2", "{'delivery_source_name':"
		  "'cf2','delivery_destination_arn':'arn:dest'}") ","
		R("aws_cloudwatch_log_delivery_source", "half", "{'name':'cf3',"
		  "'resource_arn':'arn:cf3'}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("MON-CF-LOGGING", "aws_cloudfront_distribution.legacy", PASS);
	EXPECT("MON-CF-LOGGING", "aws_cloudfront_distribution.v2", PASS);
	EXPECT("MON-CF-LOGGING", "aws_cloudfront_distribution.half", FAIL);
	EXPECT("MON-CF-LOGGING", "aws_cloudfront_distribution.none", FAIL);
	tfs_checks_free(c);
	release(&f);
}

static void test_dashboard(void **s)
{
	(void)s;
	fixture f = build(R("aws_cloudwatch_dashboard", "main",
	                    "{'dashboard_name':'main'}"));
	tfs_checks *c = run_checks(&f, NULL);

	EXPECT("MON-DASHBOARD", "aws_cloudwatch_dashboard.main", PASS);
	tfs_checks_free(c);
	release(&f);

	f = build(R("aws_sns_topic", "t", "{'arn':'" TOPIC "'}"));
	c = run_checks(&f, NULL);
	EXPECT("MON-DASHBOARD", NULL, FAIL);
	assert_string_equal(finding_of(c, "MON-DASHBOARD", NULL)->attribute,
	                    "aws_cloudwatch_dashboard");
	tfs_checks_free(c);
	release(&f);
}

/* ---- the catalogue rows -------------------------------------------------- */

static void test_rows(void **s)
{
	(void)s;
	fixture f = build(R("aws_sns_topic", "t", "{'arn':'" TOPIC "'}"));
	tfs_checks *c = run_checks(&f, NULL);
	size_t i, n = 0;

	assert_int_equal(summary_of(c, "MON-ERROR-TRACKING"),
	                 TFS_STATUS_UNDECIDABLE);
	assert_int_equal(summary_of(c, "MON-PERF-BASELINE"),
	                 TFS_STATUS_UNDECIDABLE);
	assert_string_equal(tfs_check_find("MON-ERROR-TRACKING")->checklist,
	                    "Error tracking implemented");
	for (i = 0; i < tfs_check_count(); i++) {
		const tfs_check_def *r = tfs_check_at(i);
		if (r->category != TFS_CHECKCAT_MONITORING)
			continue;
		n++;
		assert_true(strncmp(r->id, "MON-", 4) == 0);
		assert_true(r->checklist[0] != '\0');
		assert_true(r->run != NULL || r->undecidable != NULL);
		if (r->run)
			assert_non_null(strchr(r->remediation, '`'));
	}
	assert_int_equal(n, 12 + 3); /* monitoring.c, serverless.c */
	tfs_checks_free(c);
	release(&f);
}

/* Wrong types everywhere: nothing crashes, nothing passes by accident. */
static void test_hostile(void **s)
{
	(void)s;
	fixture f = buildq(
		R("aws_ecs_service", "svc", "{'name':['x'],'cluster':7}") ","
		R("aws_cloudwatch_metric_alarm", "a", "{'namespace':1,'dimensions':"
		  "'x','metric_query':'y','alarm_actions':{'a':1},"
		  "'actions_enabled':'perhaps'}") ","
		R("aws_cloudwatch_metric_alarm", "b", "{'namespace':'AWS/ECS',"
		  "'metric_name':'CPUUtilization','dimensions':{'ServiceName':3},"
		  "'metric_query':[1,{'metric':'z'}],'alarm_actions':[1,null]}") ","
		R("aws_cloudwatch_log_group", "g", "{'retention_in_days':'week'}") ","
		TD("td", "[1,{`logConfiguration`:7},{`logConfiguration`:{"
		         "`logDriver`:`awslogs`,`options`:[]}}]") ","
		R("aws_ecs_cluster", "c", "{'setting':'on'}") ","
		R("aws_db_instance", "db", "{'performance_insights_enabled':'very',"
		  "'enabled_cloudwatch_logs_exports':'all'}") ","
		R("aws_lb", "lb", "{'access_logs':'s3'}") ","
		R("aws_cloudfront_distribution", "cf", "{'logging_config':[1]}"));
	tfs_checks *c = run_checks(&f, NULL);
	size_t i;

	for (i = 0; i < c->count; i++)
		if (c->findings[i].check->category == TFS_CHECKCAT_MONITORING &&
		    c->findings[i].status == TFS_STATUS_PASS)
			fail_msg("%s passed on %s", c->findings[i].check->id,
			         c->findings[i].address);
	EXPECT("MON-LOG-RETENTION", "aws_cloudwatch_log_group.g", UNKNOWN);
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
		/* dev has one alarm (ALB 5XX): no ECS, RDS or latency alarms */
		{"MON-ALARM-ECS", TFS_STATUS_PASS, TFS_STATUS_FAIL},
		{"MON-ALARM-RDS", TFS_STATUS_PASS, TFS_STATUS_FAIL},
		{"MON-ALARM-ALB", TFS_STATUS_PASS, TFS_STATUS_FAIL},
		/* every alarm notifies a topic with an email subscription */
		{"MON-ALARM-ACTIONS", TFS_STATUS_PASS, TFS_STATUS_PASS},
		/* dev log groups never expire */
		{"MON-LOG-RETENTION", TFS_STATUS_PASS, TFS_STATUS_FAIL},
		{"MON-CONTAINER-INSIGHTS", TFS_STATUS_PASS, TFS_STATUS_PASS},
		{"MON-RDS-INSIGHTS", TFS_STATUS_PASS, TFS_STATUS_FAIL},
		{"MON-ALB-ACCESS-LOGS", TFS_STATUS_PASS, TFS_STATUS_PASS},
		{"MON-CF-LOGGING", TFS_STATUS_PASS, TFS_STATUS_PASS},
		{"MON-DASHBOARD", TFS_STATUS_PASS, TFS_STATUS_FAIL},
		{"MON-ERROR-TRACKING", TFS_STATUS_UNDECIDABLE,
		 TFS_STATUS_UNDECIDABLE},
		{"MON-PERF-BASELINE", TFS_STATUS_UNDECIDABLE,
		 TFS_STATUS_UNDECIDABLE},
	};
	fixture p, d;
	tfs_checks *cp, *cd;
	size_t i;
	const tfs_finding *alb;
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
	/* prod's latency alarm is on a target group; it still covers the ALB */
	alb = finding_of(cp, "MON-ALARM-ALB", "module.app.aws_lb.this");
	assert_non_null(strstr(alb->message, "target_response_time"));
	alb = finding_of(cd, "MON-ALARM-ALB", "module.app.aws_lb.this");
	assert_non_null(strstr(alb->message, "response time"));
	assert_null(strstr(alb->message, "5XX"));
	assert_string_equal(finding_of(cd, "MON-LOG-RETENTION",
	                               "module.app.aws_cloudwatch_log_group."
	                               "service[\"api\"]")->value,
	                    "0");
	assert_int_equal(status_of(cd, "MON-DASHBOARD", NULL), TFS_STATUS_FAIL);
	tfs_checks_free(cp);
	tfs_checks_free(cd);
	release(&p);
	release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alarm_ecs),
		cmocka_unit_test(test_alarm_rds),
		cmocka_unit_test(test_alarm_alb),
		cmocka_unit_test(test_alarm_actions),
		cmocka_unit_test(test_log_retention),
		cmocka_unit_test(test_container_insights),
		cmocka_unit_test(test_rds_insights),
		cmocka_unit_test(test_alb_access_logs),
		cmocka_unit_test(test_cf_logging),
		cmocka_unit_test(test_dashboard),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_examples),
	};
	return cmocka_run_group_tests_name("check_monitoring", tests, NULL, NULL);
}
