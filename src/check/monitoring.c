/* monitoring.c - the seeds' Monitoring checklist: alarms on the critical
 * metrics with someone to tell, log aggregation and retention, Container
 * and Performance Insights, access logs, dashboards. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check/check_int.h"

static const char S_SEED_ALARMS[] = "CloudWatch alarms for critical metrics";
static const char S_SEED_LOGS[] = "Log aggregation configured";

/* ---- the alarm index --------------------------------------------------------
 * Every metric an alarm watches (its own, or each metric_query[].metric[]
 * of a metric-math alarm) is indexed once per dimension:
 *   "namespace \x1f metric \x1f dimension \x1f value" -> alarm node + 1
 * and ECS service metrics also under the pair "ClusterName/ServiceName",
 * since a service name is unique only within its cluster.  One pass over
 * the alarms; each lookup is a hash probe. */

typedef struct {
	tfs_map map;
	tfs_arena keys;
} S_alarms;

static void S_index_metric(S_alarms *ix, size_t alarm, const json_t *m)
{
	const char *ns = tfs_attr_str(m, "namespace");
	const char *metric = tfs_attr_str(m, "metric_name");
	const json_t *dims = json_object_get(m, "dimensions"), *v;
	const char *key, *cluster, *service;

	if (!ns || !metric || !json_is_object(dims))
		return;
	json_object_foreach((json_t *)(uintptr_t)dims, key, v) {
		if (!json_is_string(v))
			continue;
		tfs_map_add(&ix->map,
		            tfs_arena_strfmt(&ix->keys, "%s\x1f%s\x1f%s\x1f%s",
		                             ns, metric, key,
		                             json_string_value(v)),
		            alarm + 1);
	}
	cluster = tfs_attr_str(dims, "ClusterName");
	service = tfs_attr_str(dims, "ServiceName");
	if (cluster && service)
		tfs_map_add(&ix->map,
		            tfs_arena_strfmt(&ix->keys,
		                             "%s\x1f%s\x1f"
		                             "ClusterName/ServiceName"
		                             "\x1f%s/%s",
		                             ns, metric, cluster, service),
		            alarm + 1);
}

static void S_alarms_build(const tfs_check_ctx *x, S_alarms *ix)
{
	size_t i, k;
	const json_t *q;

	tfs_map_init(&ix->map);
	memset(&ix->keys, 0, sizeof(ix->keys));
	TFS_CK_FOREACH(x, i, TFS_KIND_ALARM) {
		const json_t *a = tfs_ck_attrs(x, i);
		S_index_metric(ix, i, a);
		json_array_foreach(json_object_get(a, "metric_query"), k, q)
			S_index_metric(ix, i, tfs_attr_block(q, "metric"));
	}
}

static void S_alarms_release(S_alarms *ix)
{
	tfs_map_release(&ix->map);
	tfs_arena_release(&ix->keys);
}

/* The alarm watching metric with dimension = value, or TFS_NONE. */
static size_t S_alarm(const S_alarms *ix, const char *ns, const char *metric,
                      const char *dimension, const char *value)
{
	char key[1024];
	size_t n;
	int len;

	if (!value)
		return TFS_NONE;
	len = snprintf(key, sizeof(key), "%s\x1f%s\x1f%s\x1f%s", ns, metric,
	               dimension, value);
	if (len < 0 || (size_t)len >= sizeof(key) ||
	    !tfs_map_get(&ix->map, key, &n))
		return TFS_NONE;
	return n - 1;
}

/* A metric a resource needs an alarm on, with equivalents ("5XX from the
 * load balancer or from the targets"). */
typedef struct {
	const char *what; /* "CPU", for messages */
	const char *ns[2];
	const char *metric[2]; /* alternatives, pairwise with ns */
} S_need;

/* Looks each need up; returns the number missing and writes their names
 * ("memory, connections") to *missing and the alarms found to *found. */
static size_t S_coverage(tfs_check_ctx *x, const S_alarms *ix,
                         const S_need *needs, size_t nneeds,
                         const char *dimension, const char *value,
                         const char **missing, const char **found)
{
	tfs_buf miss, hit;
	size_t k, j, nmiss = 0;

	tfs_buf_init(&miss);
	tfs_buf_init(&hit);
	for (k = 0; k < nneeds; k++) {
		size_t a = TFS_NONE;
		for (j = 0; j < 2 && a == TFS_NONE && needs[k].metric[j]; j++)
			a = S_alarm(ix, needs[k].ns[j], needs[k].metric[j],
			            dimension, value);
		if (a == TFS_NONE) {
			tfs_buf_addf(&miss, "%s%s", nmiss ? ", " : "",
			             needs[k].what);
			nmiss++;
		} else {
			tfs_buf_addf(&hit, "%s%s (%s)", hit.len ? ", " : "",
			             needs[k].what, tfs_ck_address(x, a));
		}
	}
	*missing = tfs_ck_fmt(x, "%s", miss.data ? miss.data : "");
	*found = tfs_ck_fmt(x, "%s", hit.data ? hit.data : "");
	tfs_buf_release(&miss);
	tfs_buf_release(&hit);
	return nmiss;
}

/* ---- alarms on the critical metrics -------------------------------------- */

static void S_alarm_ecs(tfs_check_ctx *x)
{
	static const S_need NEEDS[] = {
		{"CPU",
	         {"AWS/ECS", "ECS/ContainerInsights"},
	         {"CPUUtilization", "CpuUtilized"}},
		{"memory",
	         {"AWS/ECS", "ECS/ContainerInsights"},
	         {"MemoryUtilization", "MemoryUtilized"}},
	};
	S_alarms ix;
	size_t i;

	S_alarms_build(x, &ix);
	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const char *name = tfs_attr_str(tfs_ck_attrs(x, i), "name");
		const char *cluster = tfs_ck_service_cluster(x, i);
		const char *missing, *found;
		size_t nmiss;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!name) {
			tfs_ck_unknown(x, i, "name",
			               "the state does not record the "
			               "service name");
			continue;
		}
		nmiss = cluster ? S_coverage(
					  x, &ix, NEEDS, 2,
					  "ClusterName/ServiceName",
					  tfs_ck_fmt(x, "%s/%s", cluster, name),
					  &missing, &found)
		                : S_coverage(x, &ix, NEEDS, 2, "ServiceName",
		                             name, &missing, &found);
		if (!nmiss)
			tfs_ck_pass(x, i, "name", "alarms watch %s", found);
		else
			tfs_ck_fail(
				x, i, "name",
				"no alarm on the service's %s (AWS/ECS, "
				"ClusterName %s): an overloaded service goes "
				"unnoticed",
				missing, cluster ? cluster : "unknown");
	}
	S_alarms_release(&ix);
}

static void S_alarm_rds(tfs_check_ctx *x)
{
	static const S_need INSTANCE[] = {
		{"CPU", {"AWS/RDS"}, {"CPUUtilization"}},
		{"connections", {"AWS/RDS"}, {"DatabaseConnections"}},
		{"free storage", {"AWS/RDS"}, {"FreeStorageSpace"}},
	};
	/* Aurora storage grows by itself; its clusters need no storage alarm */
	static const S_need CLUSTER[] = {
		{"CPU", {"AWS/RDS"}, {"CPUUtilization"}},
		{"connections", {"AWS/RDS"}, {"DatabaseConnections"}},
	};
	S_alarms ix;
	size_t i;

	S_alarms_build(x, &ix);
	for (i = 0; i < x->m->nresources; i++) {
		bool cluster = x->m->nodes[i].kind == TFS_KIND_RDS_CLUSTER;
		const char *attr =
			cluster ? "cluster_identifier" : "identifier";
		const char *id = tfs_attr_str(tfs_ck_attrs(x, i), attr);
		const char *missing, *found;
		size_t nmiss;

		if (x->m->nodes[i].kind != TFS_KIND_RDS_INSTANCE && !cluster)
			continue;
		if (!tfs_ck_applies(x, i))
			continue;
		if (!id) {
			tfs_ck_unknown(x, i, attr,
			               "the state does not record %s", attr);
			continue;
		}
		nmiss = cluster ? S_coverage(x, &ix, CLUSTER, 2,
		                             "DBClusterIdentifier", id,
		                             &missing, &found)
		                : S_coverage(x, &ix, INSTANCE, 3,
		                             "DBInstanceIdentifier", id,
		                             &missing, &found);
		if (!nmiss)
			tfs_ck_pass(x, i, attr, "alarms watch %s", found);
		else
			tfs_ck_fail(x, i, attr,
			            "no alarm on the database's %s (AWS/RDS): "
			            "exhaustion is found by the users first",
			            missing);
	}
	S_alarms_release(&ix);
}

static void S_alarm_alb(tfs_check_ctx *x)
{
	static const char NS[] = "AWS/ApplicationELB";
	static const S_need NEEDS[] = {
		{"5XX errors",
	         {NS, NS},
	         {"HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count"}},
		{"response time", {NS}, {"TargetResponseTime"}},
	};
	S_alarms ix;
	size_t i;

	S_alarms_build(x, &ix);
	TFS_CK_FOREACH(x, i, TFS_KIND_LOAD_BALANCER) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *type = tfs_attr_str(a, "load_balancer_type");
		const char *suffix = tfs_attr_str(a, "arn_suffix");
		const char *arn = tfs_attr_str(a, "arn"), *p;
		const char *missing, *found;

		if (!tfs_ck_applies(x, i))
			continue;
		if (tfs_ck_type_is(x, i, "aws_elb") ||
		    (type && strcmp(type, "application") != 0)) {
			tfs_ck_na(x, i, "not an application load balancer");
			continue;
		}
		if (!suffix && arn &&
		    (p = strstr(arn, ":loadbalancer/")) != NULL)
			suffix = p + strlen(":loadbalancer/");
		if (!suffix) {
			tfs_ck_unknown(
				x, i, "arn_suffix",
				"the state records neither arn_suffix nor arn");
			continue;
		}
		if (!S_coverage(x, &ix, NEEDS, 2, "LoadBalancer", suffix,
		                &missing, &found))
			tfs_ck_result(x, i, TFS_STATUS_PASS, "arn_suffix",
			              tfs_ck_fmt(x, "\"%s\"", suffix),
			              "alarms watch %s", found);
		else
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL, "arn_suffix",
				tfs_ck_fmt(x, "\"%s\"", suffix),
				"no alarm on the load balancer's %s "
				"(AWS/ApplicationELB): errors and slowness go "
				"unnoticed",
				missing);
	}
	S_alarms_release(&ix);
}

/* ---- notifications ------------------------------------------------------- */

/* A confirmed subscription to the topic: 1; only pending ones: 0; none: -1. */
static int S_subscribed(const tfs_check_ctx *x, const char *topic)
{
	size_t s, it;
	int best = -1;

	TFS_CK_JOIN(x, s, it, "aws_sns_topic_subscription", "topic_arn",
	            topic) {
		bool pending = false;
		tfs_attr_bool(tfs_ck_attrs(x, s), "pending_confirmation",
		              &pending);
		if (!pending)
			return 1;
		best = 0;
	}
	return best;
}

/* How an alarm's actions reach people, best first. */
typedef enum {
	S_REACH_NONE,    /* no SNS action */
	S_REACH_LONELY,  /* a topic with no subscription */
	S_REACH_PENDING, /* subscriptions pending confirmation */
	S_REACH_OUTSIDE, /* a topic of another state */
	S_REACH_CONFIRMED,
} S_reach;

static void S_alarm_actions(tfs_check_ctx *x)
{
	size_t i, alarms = 0;

	TFS_CK_FOREACH(x, i, TFS_KIND_ALARM) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *act, *attr, *value;
		S_reach best = S_REACH_NONE;
		size_t k, at = 0, nact = 0;
		bool on = true;

		alarms++;
		if (!tfs_ck_applies(x, i))
			continue;
		if (tfs_attr_bool(a, "actions_enabled", &on) && !on) {
			tfs_ck_fail(
				x, i, "actions_enabled",
				"actions are disabled: the alarm notifies "
				"nobody");
			continue;
		}
		tfs_attr_foreach_str(a, "alarm_actions", k, act) {
			size_t it;
			int sub;
			S_reach r;

			nact++;
			if (!strstr(act, ":sns:"))
				continue;
			if (tfs_ck_first(x, "aws_sns_topic", "arn", act, &it) ==
			    TFS_NONE)
				r = S_REACH_OUTSIDE;
			else if ((sub = S_subscribed(x, act)) > 0)
				r = S_REACH_CONFIRMED;
			else
				r = sub == 0 ? S_REACH_PENDING : S_REACH_LONELY;
			if (r > best) {
				best = r;
				at = k;
			}
		}
		attr = tfs_ck_fmt(x, "alarm_actions[%zu]", at);
		value = tfs_ck_value(
			x, json_array_get(json_object_get(a, "alarm_"
		                                             "actions"),
		                          at));
		switch (best) {
		case S_REACH_CONFIRMED:
			tfs_ck_result(x, i, TFS_STATUS_PASS, attr, value,
			              "notifies an SNS topic with a confirmed "
			              "subscription");
			break;
		case S_REACH_OUTSIDE:
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN, attr, value,
				"notifies a topic that is not in this input, "
				"so its subscribers are unknown");
			break;
		case S_REACH_PENDING:
			tfs_ck_result(x, i, TFS_STATUS_UNKNOWN, attr, value,
			              "the topic's subscriptions were pending "
			              "confirmation at the last refresh");
			break;
		case S_REACH_LONELY:
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL, attr, value,
				"the topic has no subscription: nobody hears "
				"the alarm");
			break;
		case S_REACH_NONE:
			if (nact)
				tfs_ck_na(
					x, i,
					"a scaling or recovery trigger (no SNS "
					"action), not an alert");
			else
				tfs_ck_fail(
					x, i, "alarm_actions",
					"no alarm_actions: the alarm changes "
					"state and nobody is told");
			break;
		}
	}
	if (!alarms)
		tfs_ck_result(
			x, TFS_NONE, TFS_STATUS_UNKNOWN,
			"aws_cloudwatch_metric_alarm", NULL,
			"no aws_cloudwatch_metric_alarm in this state, so no "
			"notification to check; alarms may live in another "
			"state");
}

/* ---- logs ---------------------------------------------------------------- */

static void S_log_group_retention(tfs_check_ctx *x, size_t i)
{
	static const char ATTR[] = "retention_in_days";
	long min = x->th->log_retention_min_days;
	long long d;

	if (!tfs_attr_int(tfs_ck_attrs(x, i), ATTR, &d))
		tfs_ck_unknown(x, i, ATTR, "the state does not record %s",
		               ATTR);
	else if (d <= 0)
		tfs_ck_fail(
			x, i, ATTR,
			"logs never expire: storage grows without bound and no "
			"retention policy applies");
	else if (d < min)
		tfs_ck_fail(
			x, i, ATTR,
			"logs are kept %lld day%s, fewer than %ld: incidents "
			"cannot be investigated",
			d, d == 1 ? "" : "s", min);
	else
		tfs_ck_pass(x, i, ATTR, "logs are kept %lld days", d);
}

/* Every container of a task definition ships its logs to a managed log
 * group (or through FireLens). */
static void S_task_logs(tfs_check_ctx *x, size_t i)
{
	json_t *defs = tfs_ck_json_attr(x, i, "container_definitions");
	const json_t *c;
	size_t k, n = 0, fire = 0;
	bool done = false;

	if (!json_is_array(defs)) {
		tfs_ck_unknown(x, i, "container_definitions",
		               "the container definitions cannot be read");
		json_decref(defs);
		return;
	}
	json_array_foreach(defs, k, c) {
		const json_t *lc = json_object_get(c, "logConfiguration");
		const char *name = tfs_attr_str(c, "name");
		const char *driver = tfs_attr_str(lc, "logDriver");
		const char *group = tfs_attr_str(json_object_get(lc, "options"),
		                                 "awslogs-group");
		const char *base;
		size_t g, it;

		if (!json_is_object(c))
			continue;
		n++;
		base = tfs_ck_fmt(x,
		                  "container_definitions[%s].logConfiguration",
		                  name ? name : "?");
		if (tfs_ck_str_eq(driver, "awsfirelens")) {
			fire++;
			continue;
		}
		if (!tfs_ck_str_eq(driver, "awslogs")) {
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL,
				tfs_ck_fmt(x, "%s.logDriver", base),
				tfs_ck_value(x,
			                     json_object_get(lc, "logDriver")),
				"container %s does not send its logs to "
				"CloudWatch Logs: they are lost with the task",
				name ? name : "?");
			done = true;
			break;
		}
		g = tfs_ck_first(x, "aws_cloudwatch_log_group", "name", group,
		                 &it);
		if (g == TFS_NONE) {
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN,
				tfs_ck_fmt(x, "%s.options.awslogs-group", base),
				tfs_ck_value(x, json_object_get(
							json_object_get(
								lc, "options"),
							"awslogs-group")),
				"container %s logs to a group that is not in "
				"this state, so its retention is unknown",
				name ? name : "?");
			done = true;
			break;
		}
	}
	if (!done && !n) {
		tfs_ck_unknown(x, i, "container_definitions",
		               "no container is defined");
	} else if (!done) {
		const json_t *c0 = json_array_get(defs, 0);
		const char *name = tfs_attr_str(c0, "name");
		tfs_ck_result(
			x, i, TFS_STATUS_PASS,
			tfs_ck_fmt(x,
		                   "container_definitions[%s]."
		                   "logConfiguration.options.awslogs-group",
		                   n == 1 && name ? name : "*"),
			n == 1 ? tfs_ck_value(x, tfs_ck_path(c0,
		                                             "logConfiguration."
		                                             "options."
		                                             "awslogs-group"))
			       : tfs_ck_fmt(x, "%zu containers", n),
			"every container (%zu) ships its logs to a log group "
			"managed in this state%s",
			n, fire ? " or through FireLens" : "");
	}
	json_decref(defs);
}

static void S_log_retention(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		tfs_kind k = x->m->nodes[i].kind;

		if (k != TFS_KIND_LOG_GROUP &&
		    k != TFS_KIND_ECS_TASK_DEFINITION)
			continue;
		if (!tfs_ck_applies(x, i))
			continue;
		if (k == TFS_KIND_LOG_GROUP)
			S_log_group_retention(x, i);
		else
			S_task_logs(x, i);
	}
}

/* ---- insights and access logs -------------------------------------------- */

/* The account default of a setting, when this state manages it. */
static const char *S_account_setting(const tfs_check_ctx *x, const char *name)
{
	size_t s, it;

	TFS_CK_JOIN(x, s, it, "aws_ecs_account_setting_default", "name", name)
		return tfs_attr_str(tfs_ck_attrs(x, s), "value");
	return NULL;
}

static bool S_insights_on(const char *v)
{
	return tfs_ck_str_eq(v, "enabled") || tfs_ck_str_eq(v, "enhanced");
}

static void S_container_insights(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_CLUSTER) {
		const json_t *s;
		const char *value = NULL, *dflt;
		size_t k, at = 0;

		if (!tfs_ck_applies(x, i))
			continue;
		json_array_foreach(
			json_object_get(tfs_ck_attrs(x, i), "setting"), k, s)
			if (tfs_ck_str_eq(tfs_attr_str(s, "name"),
			         "containerInsights")) {
				value = tfs_attr_str(s, "value");
				at = k;
				break;
			}
		if (value) {
			const char *attr =
				tfs_ck_fmt(x, "setting[%zu].value", at);
			if (S_insights_on(value))
				tfs_ck_pass(x, i, attr,
				            "Container Insights collects task "
				            "and service metrics");
			else
				tfs_ck_fail(x, i, attr,
				            "Container Insights is off: no "
				            "per-task CPU, memory or network "
				            "metrics");
			continue;
		}
		dflt = S_account_setting(x, "containerInsights");
		if (S_insights_on(dflt))
			tfs_ck_result(
				x, i, TFS_STATUS_PASS,
				"aws_ecs_account_setting_default.value",
				tfs_ck_fmt(x, "\"%s\"", dflt),
				"the account default turns Container Insights "
				"on");
		else if (dflt)
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL,
				"aws_ecs_account_setting_default.value",
				tfs_ck_fmt(x, "\"%s\"", dflt),
				"neither the cluster nor the account default "
				"turns Container Insights on");
		else
			tfs_ck_unknown(
				x, i, "setting",
				"the cluster does not set containerInsights, "
				"so the account default decides, and it is "
				"not in this input");
	}
}

/* Performance Insights is not offered on the smallest MySQL/MariaDB
 * classes (Checkov CKV_AWS_353 reports those as unknown). */
static bool S_pi_unsupported(const json_t *a)
{
	const char *engine = tfs_attr_str(a, "engine");
	const char *cls = tfs_attr_str(a, "instance_class");

	return engine && cls &&
	       (strstr(engine, "mysql") || strstr(engine, "mariadb")) &&
	       (strstr(cls, ".micro") || strstr(cls, ".small"));
}

static void S_rds_insights(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		tfs_kind k = x->m->nodes[i].kind;
		const json_t *a;
		bool pi = false, logs_apply = k == TFS_KIND_RDS_INSTANCE;
		long long every = 0;
		const char *mode;
		tfs_buf miss;
		const char *first = NULL;

		if (k != TFS_KIND_RDS_INSTANCE &&
		    k != TFS_KIND_RDS_CLUSTER_INSTANCE)
			continue;
		if (!tfs_ck_applies(x, i))
			continue;
		a = tfs_ck_attrs(x, i);
		if (!json_object_get(a, "performance_insights_enabled") &&
		    !json_object_get(a, "monitoring_interval")) {
			tfs_ck_unknown(
				x, i, "performance_insights_enabled",
				"the state records neither Performance "
				"Insights nor Enhanced Monitoring");
			continue;
		}
		tfs_attr_bool(a, "performance_insights_enabled", &pi);
		mode = tfs_attr_str(a, "database_insights_mode");
		if (tfs_ck_str_eq(mode, "advanced"))
			pi = true;
		tfs_attr_int(a, "monitoring_interval", &every);
		tfs_buf_init(&miss);
		if (!pi && !S_pi_unsupported(a)) {
			tfs_buf_adds(&miss, "Performance Insights");
			first = "performance_insights_enabled";
		}
		if (every <= 0 || !tfs_attr_str(a, "monitoring_role_arn")) {
			tfs_buf_addf(&miss, "%sEnhanced Monitoring",
			             miss.len ? ", " : "");
			if (!first)
				first = "monitoring_interval";
		}
		if (logs_apply && !json_array_size(json_object_get(
					  a, "enabled_cloudwatch_logs_"
					     "exports"))) {
			tfs_buf_addf(&miss, "%slog exports",
			             miss.len ? ", " : "");
			if (!first)
				first = "enabled_cloudwatch_logs_exports";
		}
		if (first)
			tfs_ck_fail(
				x, i, first,
				"%s %s off: slow queries and load cannot be "
				"traced",
				miss.data,
				strchr(miss.data, ',') ? "are" : "is");
		else
			tfs_ck_pass(
				x, i, "performance_insights_enabled",
				"Performance Insights, Enhanced Monitoring "
				"(%llds)%s are on",
				every, logs_apply ? " and log exports" : "");
		tfs_buf_release(&miss);
	}
}

static void S_alb_access_logs(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_LOAD_BALANCER) {
		const json_t *a = tfs_ck_attrs(x, i);
		const json_t *al = tfs_attr_block(a, "access_logs");
		bool on = false;

		if (!tfs_ck_applies(x, i))
			continue;
		if (tfs_ck_str_eq(tfs_attr_str(a, "load_balancer_type"), "gateway")) {
			tfs_ck_na(x, i,
			          "a gateway load balancer has no access logs");
			continue;
		}
		if (!json_object_get(a, "access_logs")) {
			tfs_ck_unknown(x, i, "access_logs",
			               "the state does not record access_logs");
			continue;
		}
		tfs_attr_bool(al, "enabled", &on);
		if (!on)
			tfs_ck_fail(
				x, i,
				al ? "access_logs[0].enabled" : "access_logs",
				"no access logs: requests cannot be traced "
				"after an incident");
		else if (!tfs_attr_str(al, "bucket"))
			tfs_ck_fail(x, i, "access_logs[0].bucket",
			            "access logs are on but name no bucket");
		else
			tfs_ck_pass(x, i, "access_logs[0].bucket",
			            "every request is logged to S3");
	}
}

/* A CloudWatch vended-log delivery (standard logging v2) of the
 * distribution: its delivery source and a delivery from it. */
static bool S_cf_delivery(const tfs_check_ctx *x, const char *arn,
                          const char **source)
{
	size_t s, d, it;

	*source = NULL;
	TFS_CK_JOIN(x, s, it, "aws_cloudwatch_log_delivery_source",
	            "resource_arn", arn) {
		const char *name = tfs_attr_str(tfs_ck_attrs(x, s), "name");
		*source = tfs_ck_address(x, s);
		TFS_CK_FOREACH_TYPE(x, d, "aws_cloudwatch_log_delivery")
			if (tfs_ck_str_eq(tfs_attr_str(tfs_ck_attrs(x, d),
			                                "delivery_source_name"),
			                  name))
				return true;
	}
	return false;
}

static void S_cf_logging(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_CLOUDFRONT) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *bucket = tfs_attr_str(
			tfs_attr_block(a, "logging_config"), "bucket");
		const char *source;

		if (!tfs_ck_applies(x, i))
			continue;
		if (bucket)
			tfs_ck_pass(x, i, "logging_config[0].bucket",
			            "viewer requests are logged to S3");
		else if (S_cf_delivery(x, tfs_attr_str(a, "arn"), &source))
			tfs_ck_result(
				x, i, TFS_STATUS_PASS,
				"aws_cloudwatch_log_delivery_source.resource_arn",
				tfs_ck_value(x, json_object_get(a, "arn")),
				"viewer requests are delivered through %s",
				source);
		else if (source)
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL,
				"aws_cloudwatch_log_delivery", "(absent)",
				"%s has no aws_cloudwatch_log_delivery: "
				"nothing is logged",
				source);
		else
			tfs_ck_fail(
				x, i, "logging_config",
				"no access logging: viewer requests cannot be "
				"traced");
	}
}

static void S_dashboard(tfs_check_ctx *x)
{
	size_t i, n = 0;

	TFS_CK_FOREACH(x, i, TFS_KIND_DASHBOARD) {
		n++;
		if (tfs_ck_applies(x, i))
			tfs_ck_pass(
				x, i, "dashboard_name",
				"a CloudWatch dashboard shows the stack's "
				"metrics");
	}
	if (!n)
		tfs_ck_result(
			x, TFS_NONE, TFS_STATUS_FAIL,
			"aws_cloudwatch_dashboard", "(absent)",
			"no aws_cloudwatch_dashboard in this state: nobody "
			"sees the stack's health at a glance");
}

const tfs_check_def tfs_checks_monitoring[] = {
	{"MON-ALARM-ECS", "ECS services have CPU and memory alarms",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_ALARMS,
	 "Well-Architected REL06-BP01, REL11-BP01",
	 "Add `aws_cloudwatch_metric_alarm`s with `namespace = \"AWS/ECS\"`, "
	 "`metric_name` `CPUUtilization` and `MemoryUtilization`, and "
	 "`dimensions = { ClusterName, ServiceName }` for each service.",
	 S_alarm_ecs, NULL},
	{"MON-ALARM-RDS", "Databases have CPU, connection and storage alarms",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_ALARMS,
	 "Well-Architected REL06-BP01",
	 "Add `aws_cloudwatch_metric_alarm`s with `namespace = \"AWS/RDS\"`, "
	 "`metric_name` `CPUUtilization`, `DatabaseConnections` and "
	 "`FreeStorageSpace`, and `dimensions = { DBInstanceIdentifier }` "
	 "(Aurora: `DBClusterIdentifier`).",
	 S_alarm_rds, NULL},
	{"MON-ALARM-ALB", "Load balancers have 5XX and latency alarms",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_ALARMS,
	 "Well-Architected REL06-BP01",
	 "Add `aws_cloudwatch_metric_alarm`s with `namespace = "
	 "\"AWS/ApplicationELB\"`, `metric_name` `HTTPCode_ELB_5XX_Count` (or "
	 "`HTTPCode_Target_5XX_Count`) and `TargetResponseTime`, and "
	 "`dimensions = { LoadBalancer = aws_lb.arn_suffix }`.",
	 S_alarm_alb, NULL},
	{"MON-ALARM-ACTIONS", "Alarms notify someone", TFS_CHECKCAT_MONITORING,
	 TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "Alert notifications configured (email/Slack)",
	 "Checkov CKV_AWS_319; Security Hub CloudWatch.15, CloudWatch.17; "
	 "Well-Architected REL11-BP06",
	 "Set `actions_enabled = true` and `alarm_actions = "
	 "[aws_sns_topic.alerts.arn]` on `aws_cloudwatch_metric_alarm`, and "
	 "add an `aws_sns_topic_subscription` (email, or Slack through AWS "
	 "Chatbot).",
	 S_alarm_actions, NULL},
	{"MON-LOG-RETENTION", "Logs are aggregated and kept for a set time",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_LOGS,
	 "Checkov CKV_AWS_66, CKV_AWS_338; Security Hub CloudWatch.16, ECS.9; "
	 "KICS ef0b316a-211e-42f1-888e-64efe172b755; Terrascan AC_AWS_0452",
	 "Set `retention_in_days` on `aws_cloudwatch_log_group` (at least "
	 "checks.thresholds.log_retention_min_days, default 7) and point each "
	 "container's `logConfiguration` (`logDriver = \"awslogs\"`, "
	 "`awslogs-group`) at such a group.",
	 S_log_retention, NULL},
	{"MON-CONTAINER-INSIGHTS", "ECS clusters have Container Insights",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "Enable CloudWatch Container Insights for ECS",
	 "Checkov CKV_AWS_65; Trivy AVD-AWS-0034; Security Hub ECS.12; KICS "
	 "97cb0688-369a-4d26-b1f7-86c4c91231bc; Well-Architected REL06-BP02",
	 "Add `setting { name = \"containerInsights\", value = \"enabled\" }` "
	 "to `aws_ecs_cluster`.",
	 S_container_insights, NULL},
	{"MON-RDS-INSIGHTS",
	 "Databases have Performance Insights, Enhanced "
	 "Monitoring and log exports",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Enable RDS Performance Insights for database query analysis",
	 "Checkov CKV_AWS_353, CKV_AWS_118, CKV_AWS_129; Trivy AVD-AWS-0133; "
	 "Security Hub RDS.6, RDS.9; Terrascan AC_AWS_0454",
	 "Set `performance_insights_enabled = true`, `monitoring_interval = "
	 "60` with a `monitoring_role_arn`, and "
	 "`enabled_cloudwatch_logs_exports` on `aws_db_instance`.",
	 S_rds_insights, NULL},
	{"MON-ALB-ACCESS-LOGS", "Load balancers write access logs",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_LOGS,
	 "Checkov CKV_AWS_91; Security Hub ELB.5; Well-Architected REL06-BP01",
	 "Set `access_logs { enabled = true, bucket = ... }` on `aws_lb`.",
	 S_alb_access_logs, NULL},
	{"MON-CF-LOGGING", "CloudFront writes access logs",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "Enable CloudFront access logs for analytics",
	 "Checkov CKV_AWS_86; Trivy AVD-AWS-0010; Security Hub CloudFront.5; "
	 "KICS 94690d79-b3b0-43de-b656-84ebef5753e5; Terrascan AC_AWS_0025",
	 "Set `logging_config { bucket = ... }` on "
	 "`aws_cloudfront_distribution`, or add an "
	 "`aws_cloudwatch_log_delivery_source` and "
	 "`aws_cloudwatch_log_delivery` for it.",
	 S_cf_logging, NULL},
	{"MON-DASHBOARD", "A CloudWatch dashboard exists",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Dashboards for real-time monitoring",
	 "house rule (seeds: Monitoring & Logging)",
	 "Add an `aws_cloudwatch_dashboard` with the stack's key metrics.",
	 S_dashboard, NULL},
	{"MON-ERROR-TRACKING", "Application errors are tracked",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_INFO, TFS_SCOPE_ALL,
	 "Error tracking implemented", "",
	 "Report application exceptions to an error tracker (Sentry, "
	 "CloudWatch Application Signals, ...).",
	 NULL,
	 "error tracking lives in the application code and its SDK, not "
	 "in Terraform state"},
	{"MON-PERF-BASELINE", "A performance baseline is established",
	 TFS_CHECKCAT_MONITORING, TFS_SEV_INFO, TFS_SCOPE_ALL,
	 "Performance baseline established", "",
	 "Load-test the stack and record the normal latency, throughput and "
	 "resource use.",
	 NULL,
	 "a baseline is measured from running traffic; the state holds "
	 "configuration only"},
};
const size_t tfs_checks_monitoring_count =
	sizeof(tfs_checks_monitoring) / sizeof(tfs_checks_monitoring[0]);
