/* ha.c - the seeds' High Availability checklist: Multi-AZ, autoscaling,
 * health checks, load balancing, backups, disaster recovery. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"

static const char S_SEED_MULTIAZ[] =
	"Use Multi-AZ deployments for production high availability";
static const char S_SEED_HEALTH[] = "Health checks implemented";
static const char S_SEED_LB[] = "Load balancer distributing traffic";
static const char S_SEED_BACKUPS[] = "Database backups automated";

/* ---- helpers ------------------------------------------------------------- */

static bool S_daemon(const json_t *svc)
{
	return tfs_ck_str_eq(tfs_attr_str(svc, "scheduling_strategy"), "DAEMON");
}

/* The service's aws_appautoscaling_target on its desired count, or
 * TFS_NONE; *rid gets "service/<cluster>/<name>" (NULL when unknown). */
static size_t S_scaling_target(tfs_check_ctx *x, size_t svc, const char **rid)
{
	const char *cluster = tfs_ck_service_cluster(x, svc);
	const char *name = tfs_attr_str(tfs_ck_attrs(x, svc), "name");
	size_t t, it;

	*rid = NULL;
	if (!cluster || !name)
		return TFS_NONE;
	*rid = tfs_ck_fmt(x, "service/%s/%s", cluster, name);
	TFS_CK_JOIN(x, t, it, "aws_appautoscaling_target", "resource_id",
	            *rid) {
		const char *dim =
			tfs_attr_str(tfs_ck_attrs(x, t), "scalable_dimension");
		if (!dim || strcmp(dim, "ecs:service:DesiredCount") == 0)
			return t;
	}
	return TFS_NONE;
}

/* Data-source subnets (data.aws_subnet) by id, for zones the model has
 * no node for.  Values are instance indices + 1.  Shared (check_int.h). */
void tfs_ck_data_subnets(const tfs_check_ctx *x, tfs_map *out)
{
	const tfs_instance_list *l = &x->m->state->resources;
	size_t j;

	tfs_map_init(out);
	for (j = 0; j < l->count; j++)
		if (l->items[j].mode == TFS_MODE_DATA &&
		    strcmp(l->items[j].type, "aws_subnet") == 0 &&
		    tfs_attr_str(l->items[j].attributes, "id"))
			tfs_map_add(out,
			            tfs_attr_str(l->items[j].attributes, "id"),
			            j + 1);
}

/* The availability zone of a subnet node, or NULL when not recorded. */
static const char *S_subnet_az(const tfs_check_ctx *x, const tfs_map *data,
                               size_t s)
{
	const tfs_node *n = &x->m->nodes[s];
	size_t j;

	if (n->nazs)
		return n->azs[0];
	if (n->kind == TFS_KIND_EXTERNAL && tfs_map_get(data, n->address, &j))
		return tfs_attr_str(
			x->m->state->resources.items[j - 1].attributes,
			"availability_zone");
	return NULL;
}

/* The distinct zones of a node's subnets as evidence ("[\"a\",\"b\"]");
 * *distinct counts them, *unknown counts subnets without a known zone.
 * Shared (check_int.h). */
const char *tfs_ck_az_spread(tfs_check_ctx *x, const tfs_map *data, size_t n,
                             size_t *distinct, size_t *unknown)
{
	const tfs_node *node = &x->m->nodes[n];
	const char **seen = xcalloc(node->nsubnets + 1, sizeof(*seen));
	const char *out;
	tfs_buf b;
	size_t i, k;

	*distinct = *unknown = 0;
	tfs_buf_init(&b);
	tfs_buf_addc(&b, '[');
	for (i = 0; i < node->nsubnets; i++) {
		const char *az = S_subnet_az(x, data, node->subnets[i]);
		if (!az) {
			(*unknown)++;
			continue;
		}
		for (k = 0; k < *distinct && strcmp(seen[k], az) != 0; k++)
			;
		if (k < *distinct)
			continue;
		seen[(*distinct)++] = az;
		tfs_buf_addf(&b, "%s\"%s\"", *distinct > 1 ? "," : "", az);
	}
	tfs_buf_addc(&b, ']');
	out = tfs_ck_fmt(x, "%s", b.data);
	tfs_buf_release(&b);
	free(seen);
	return out;
}

/* The container named name in a parsed container_definitions array. */
static const json_t *S_container(const json_t *defs, const char *name)
{
	size_t i;
	const json_t *c;

	json_array_foreach(defs, i, c)
		if (tfs_ck_str_eq(tfs_attr_str(c, "name"), name))
			return c;
	return NULL;
}

static bool S_has_port(const json_t *c, long long port)
{
	size_t i;
	const json_t *pm;

	json_array_foreach(json_object_get(c, "portMappings"), i, pm) {
		long long p;
		if (tfs_attr_int(pm, "containerPort", &p) && p == port)
			return true;
	}
	return false;
}

static bool S_any_port(const json_t *defs)
{
	size_t i;
	const json_t *c;

	json_array_foreach(defs, i, c)
		if (json_array_size(json_object_get(c, "portMappings")))
			return true;
	return false;
}

/* ---- Multi-AZ ------------------------------------------------------------ */

static void S_rds_multi_az(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_RDS_INSTANCE) {
		bool on;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!tfs_attr_bool(tfs_ck_attrs(x, i), "multi_az", &on))
			tfs_ck_unknown(x, i, "multi_az", "the state does not record "
			                                 "multi_az");
		else if (on)
			tfs_ck_pass(x, i, "multi_az",
			            "a standby in a second AZ takes over on failure");
		else
			tfs_ck_fail(x, i, "multi_az",
			            "single-AZ: an AZ outage stops the database");
	}
}

static void S_ecs_multi_az(tfs_check_ctx *x)
{
	static const char ATTR[] = "network_configuration[0].subnets";
	tfs_map data;
	size_t i;

	tfs_ck_data_subnets(x, &data);
	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		size_t distinct, unknown;
		const char *azs;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!x->m->nodes[i].nsubnets) {
			tfs_ck_unknown(x, i, ATTR,
			               "the state records no subnets for "
			               "the tasks");
			continue;
		}
		azs = tfs_ck_az_spread(x, &data, i, &distinct, &unknown);
		if (distinct >= 2)
			tfs_ck_result(
				x, i, TFS_STATUS_PASS, ATTR, azs,
				"tasks are placed across %zu AZs and survive "
				"an AZ outage",
				distinct);
		else if (unknown)
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN, ATTR, azs,
				"%zu of the subnets are not in this input, so "
				"their AZs are unknown",
				unknown);
		else
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL, ATTR, azs,
				"every subnet is in one AZ: an AZ outage stops "
				"the service");
	}
	tfs_map_release(&data);
}

static void S_ecs_min_tasks(tfs_check_ctx *x)
{
	long min = x->th->prod_min_tasks;
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *rid;
		size_t t;
		long long n, floor;

		if (!tfs_ck_applies(x, i))
			continue;
		if (S_daemon(a)) {
			tfs_ck_na(
				x, i,
				"a DAEMON service runs one task per instance");
			continue;
		}
		if (!tfs_attr_int(a, "desired_count", &n)) {
			tfs_ck_unknown(
				x, i, "desired_count",
				"the state does not record desired_count");
			continue;
		}
		if (n >= min) {
			tfs_ck_pass(
				x, i, "desired_count",
				"%lld tasks: one can fail while the others "
				"serve",
				n);
			continue;
		}
		t = S_scaling_target(x, i, &rid);
		if (t != TFS_NONE &&
		    tfs_attr_int(tfs_ck_attrs(x, t), "min_capacity", &floor) &&
		    floor >= min)
			tfs_ck_result(
				x, i, TFS_STATUS_PASS,
				tfs_ck_fmt(x, "%s.min_capacity",
			                   tfs_ck_address(x, t)),
				tfs_ck_fmt(x, "%lld", floor),
				"desired_count is %lld but the scaling target "
				"keeps at least %lld tasks",
				n, floor);
		else
			tfs_ck_fail(
				x, i, "desired_count",
				"%lld task%s, fewer than %ld: one task failure "
				"or AZ outage stops the service",
				n, n == 1 ? "" : "s", min);
	}
}

static void S_lb_multi_az(tfs_check_ctx *x)
{
	tfs_map data;
	size_t i;

	tfs_ck_data_subnets(x, &data);
	TFS_CK_FOREACH(x, i, TFS_KIND_LOAD_BALANCER) {
		const json_t *a = tfs_ck_attrs(x, i);
		const json_t *zones = json_object_get(a, "availability_zones");
		size_t distinct, unknown;
		const char *azs;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!x->m->nodes[i].nsubnets && json_array_size(zones)) {
			/* a classic ELB may name its zones directly */
			distinct = json_array_size(zones);
			if (distinct >= 2)
				tfs_ck_pass(x, i, "availability_zones",
				            "spans %zu AZs", distinct);
			else
				tfs_ck_fail(
					x, i, "availability_zones",
					"one AZ: an AZ outage takes the load "
					"balancer down");
			continue;
		}
		if (!x->m->nodes[i].nsubnets) {
			tfs_ck_unknown(
				x, i, "subnets",
				"the state records no subnets for the load "
				"balancer");
			continue;
		}
		azs = tfs_ck_az_spread(x, &data, i, &distinct, &unknown);
		if (distinct >= 2)
			tfs_ck_result(
				x, i, TFS_STATUS_PASS, "subnets", azs,
				"nodes in %zu AZs keep serving when one AZ "
				"fails",
				distinct);
		else if (unknown)
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN, "subnets", azs,
				"%zu of the subnets are not in this input, so "
				"their AZs are unknown",
				unknown);
		else
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL, "subnets", azs,
				"every subnet is in one AZ: an AZ outage takes "
				"the load balancer down");
	}
	tfs_map_release(&data);
}

/* ---- autoscaling --------------------------------------------------------- */

static void S_ecs_autoscaling(tfs_check_ctx *x)
{
	static const char TARGET[] = "aws_appautoscaling_target";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const json_t *ta;
		const char *rid, *how = NULL;
		size_t t, p, it;
		long long lo, hi;

		if (!tfs_ck_applies(x, i))
			continue;
		if (S_daemon(tfs_ck_attrs(x, i))) {
			tfs_ck_na(
				x, i,
				"a DAEMON service runs one task per instance; "
				"it does not scale by count");
			continue;
		}
		t = S_scaling_target(x, i, &rid);
		if (!rid) {
			tfs_ck_unknown(
				x, i, "cluster",
				"the service's cluster or name is not "
				"recorded, so its scaling target cannot be "
				"found");
			continue;
		}
		if (t == TFS_NONE) {
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL, TARGET, "(absent)",
				"no scaling target for %s: the task count "
				"stays fixed under load",
				rid);
			continue;
		}
		ta = tfs_ck_attrs(x, t);
		if (!tfs_attr_int(ta, "min_capacity", &lo) ||
		    !tfs_attr_int(ta, "max_capacity", &hi)) {
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN,
				tfs_ck_fmt(x, "%s.min_capacity",
			                   tfs_ck_address(x, t)),
				tfs_ck_value(x,
			                     tfs_ck_path(ta, "min_capacity")),
				"%s does not record min_capacity and "
				"max_capacity",
				tfs_ck_address(x, t));
			continue;
		}
		TFS_CK_JOIN(x, p, it, "aws_appautoscaling_policy",
		            "resource_id", rid) {
			const json_t *pa = tfs_ck_attrs(x, p);
			const char *type = tfs_attr_str(pa, "policy_type");
			if (!type || strcmp(type, "StepScaling") == 0) {
				how = "step scaling";
				break;
			}
			if (strcmp(type, "TargetTrackingScaling") == 0) {
				const json_t *tt = tfs_attr_block(
					pa, "target_tracking_scaling_policy_"
					    "configuration");
				const json_t *pm = tfs_attr_block(
					tt, "predefined_metric_specification");
				const char *metric =
					tfs_attr_str(pm, "predefined_metric_type");
				how = metric ? metric : "a custom metric";
				break;
			}
		}
		if (hi <= lo)
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL,
				tfs_ck_fmt(x, "%s.max_capacity",
			                   tfs_ck_address(x, t)),
				tfs_ck_fmt(x, "%lld", hi),
				"max_capacity %lld is not above min_capacity "
				"%lld: the target cannot add tasks",
				hi, lo);
		else if (tfs_ck_is_prod(x, i) && lo < x->th->prod_min_tasks)
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL,
				tfs_ck_fmt(x, "%s.min_capacity",
			                   tfs_ck_address(x, t)),
				tfs_ck_fmt(x, "%lld", lo),
				"min_capacity %lld lets production scale in "
				"below %ld tasks",
				lo, x->th->prod_min_tasks);
		else if (!how)
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL,
				"aws_appautoscaling_policy", "(absent)",
				"a scaling target (%lld-%lld) but no scaling "
				"policy: nothing changes the task count",
				lo, hi);
		else
			tfs_ck_result(
				x, i, TFS_STATUS_PASS,
				tfs_ck_fmt(x, "%s.max_capacity",
			                   tfs_ck_address(x, t)),
				tfs_ck_fmt(x, "%lld", hi),
				"scales between %lld and %lld tasks on %s", lo,
				hi, how);
	}
}

/* ---- health checks ------------------------------------------------------- */

static void S_lb_health_check(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_TARGET_GROUP) {
		const json_t *a = tfs_ck_attrs(x, i);
		const json_t *hc = tfs_attr_block(a, "health_check");
		const char *proto, *path;
		bool on = true;
		long long every = 0;

		if (!tfs_ck_applies(x, i))
			continue;
		if (tfs_ck_str_eq(tfs_attr_str(a, "target_type"), "lambda")) {
			tfs_ck_na(x, i,
			          "Lambda targets are invoked, not probed");
			continue;
		}
		if (!hc) {
			tfs_ck_unknown(
				x, i, "health_check",
				"the state does not record health_check");
			continue;
		}
		if (tfs_attr_bool(hc, "enabled", &on) && !on) {
			tfs_ck_fail(
				x, i, "health_check[0].enabled",
				"health checks are off: the load balancer "
				"keeps sending traffic to dead targets");
			continue;
		}
		proto = tfs_attr_str(hc, "protocol");
		if (!proto)
			proto = tfs_attr_str(a, "protocol");
		path = tfs_attr_str(hc, "path");
		tfs_attr_int(hc, "interval", &every);
		if (proto && (strcmp(proto, "HTTP") == 0 ||
		              strcmp(proto, "HTTPS") == 0)) {
			if (!path)
				tfs_ck_fail(x, i, "health_check[0].path",
				            "an %s health check without a path",
				            proto);
			else
				tfs_ck_pass(
					x, i, "health_check[0].path",
					"probed every %llds; unhealthy targets "
					"stop getting traffic",
					every);
		} else {
			tfs_ck_pass(
				x, i, "health_check[0].enabled",
				"probed every %llds; unhealthy targets stop "
				"getting traffic",
				every);
		}
	}
}

static void S_container_health_check(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_TASK_DEFINITION) {
		json_t *defs;
		const json_t *c, *first = NULL, *missing = NULL;
		size_t k, essential = 0, bad = 0;

		if (!tfs_ck_applies(x, i))
			continue;
		defs = tfs_ck_json_attr(x, i, "container_definitions");
		if (!json_is_array(defs)) {
			tfs_ck_unknown(
				x, i, "container_definitions",
				"the container definitions cannot be read");
			json_decref(defs);
			continue;
		}
		json_array_foreach(defs, k, c) {
			bool ess = true;
			const json_t *cmd;
			if (!json_is_object(c))
				continue;
			tfs_attr_bool(c, "essential", &ess);
			if (!ess)
				continue;
			essential++;
			if (!first)
				first = c;
			cmd = json_object_get(json_object_get(c, "healthCheck"),
			                      "command");
			if (!json_array_size(cmd)) {
				bad++;
				if (!missing)
					missing = c;
			}
		}
		if (!essential) {
			tfs_ck_unknown(x, i, "container_definitions",
			               "no essential container is defined");
		} else if (missing) {
			const char *name = tfs_attr_str(missing, "name");
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL,
				tfs_ck_fmt(x,
			                   "container_definitions[%s]."
			                   "healthCheck.command",
			                   name ? name : "?"),
				"(absent)",
				"%zu of %zu essential containers have no "
				"health check: ECS cannot replace a hung "
				"container",
				bad, essential);
		} else {
			const char *name = tfs_attr_str(first, "name");
			tfs_ck_result(
				x, i, TFS_STATUS_PASS,
				tfs_ck_fmt(x,
			                   "container_definitions[%s]."
			                   "healthCheck.command",
			                   essential == 1 && name ? name : "*"),
				tfs_ck_value(x, json_object_get(
							json_object_get(
								first,
								"healthCheck"),
							"command")),
				"every essential container (%zu) has a health "
				"check, so ECS replaces unhealthy tasks",
				essential);
		}
		json_decref(defs);
	}
}

static void S_ecs_grace_period(tfs_check_ctx *x)
{
	static const char ATTR[] = "health_check_grace_period_seconds";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const json_t *a = tfs_ck_attrs(x, i);
		long long s;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!json_array_size(json_object_get(a, "load_balancer"))) {
			tfs_ck_na(
				x, i,
				"not behind a load balancer; the grace period "
				"applies to load balancer health checks only");
			continue;
		}
		if (!tfs_attr_int(a, ATTR, &s))
			tfs_ck_unknown(x, i, ATTR,
			               "the state does not record %s", ATTR);
		else if (s > 0)
			tfs_ck_pass(
				x, i, ATTR,
				"new tasks get %llds to start before health "
				"checks count",
				s);
		else
			tfs_ck_fail(
				x, i, ATTR,
				"no grace period: a slow-starting task can be "
				"killed before it is ready");
	}
}

/* ---- load balancing ------------------------------------------------------ */

/* The target group node of an ARN, or TFS_NONE. */
static size_t S_target_group(const tfs_check_ctx *x, const char *arn)
{
	size_t n, it;

	n = tfs_ck_first(x, "aws_lb_target_group", "arn", arn, &it);
	if (n == TFS_NONE)
		n = tfs_ck_first(x, "aws_alb_target_group", "arn", arn, &it);
	return n;
}

static bool S_has_listener(const tfs_check_ctx *x, size_t tg)
{
	size_t e;

	for (e = tfs_ck_in_first(x, tg); e != TFS_NONE;
	     e = tfs_ck_in_next(x, e))
		if (x->m->edges[e].kind == TFS_EDGE_LISTENER_TARGET)
			return true;
	return false;
}

/* Judges one load_balancer[k] block; returns false after recording a
 * failure or unknown. */
static bool S_lb_block(tfs_check_ctx *x, size_t svc, size_t k, const json_t *lb,
                       const json_t *defs, bool awsvpc)
{
	const char *arn = tfs_attr_str(lb, "target_group_arn");
	const char *cname = tfs_attr_str(lb, "container_name");
	const char *attr;
	const json_t *c;
	size_t tg;
	long long port;

	if (!arn)
		return true; /* elb_name: a classic load balancer */
	attr = tfs_ck_fmt(x, "load_balancer[%zu].target_group_arn", k);
	tg = S_target_group(x, arn);
	if (tg == TFS_NONE) {
		tfs_ck_unknown(x, svc, attr,
		               "the target group is not in this "
		               "state, so its listeners are unknown");
		return false;
	}
	if (!S_has_listener(x, tg)) {
		tfs_ck_fail(x, svc, attr,
		            "no listener or listener rule forwards to %s: the "
		            "service gets no traffic",
		            tfs_ck_address(x, tg));
		return false;
	}
	if (awsvpc &&
	    !tfs_ck_str_eq(tfs_attr_str(tfs_ck_attrs(x, tg), "target_type"), "ip")) {
		tfs_ck_result(
			x, svc, TFS_STATUS_FAIL,
			tfs_ck_fmt(x, "%s.target_type", tfs_ck_address(x, tg)),
			tfs_ck_value(x, tfs_ck_path(tfs_ck_attrs(x, tg),
		                                    "target_type")),
			"awsvpc tasks register by IP, but the target group's "
			"target_type is not \"ip\"");
		return false;
	}
	if (defs && cname && tfs_attr_int(lb, "container_port", &port)) {
		c = S_container(defs, cname);
		if (!c || !S_has_port(c, port)) {
			tfs_ck_fail(
				x, svc,
				tfs_ck_fmt(x,
			                   "load_balancer[%zu].container_port",
			                   k),
				"container %s does not map port %lld in the "
				"task definition",
				cname, port);
			return false;
		}
	}
	return true;
}

static void S_ecs_behind_lb(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const json_t *a = tfs_ck_attrs(x, i), *lb;
		size_t td = x->m->nodes[i].task_definition, k, n;
		json_t *defs = NULL;
		bool ok = true, awsvpc;

		if (!tfs_ck_applies(x, i))
			continue;
		if (td != TFS_NONE) {
			defs = tfs_ck_json_attr(x, td, "container_definitions");
			if (!json_is_array(defs)) {
				json_decref(defs);
				defs = NULL;
			}
		}
		awsvpc =
			json_array_size(
				json_object_get(a, "network_configuration")) ||
			(td != TFS_NONE &&
		         tfs_ck_str_eq(tfs_attr_str(tfs_ck_attrs(x, td), "network_mode"),
		              "awsvpc"));
		n = json_array_size(json_object_get(a, "load_balancer"));
		if (!n) {
			if (defs && !S_any_port(defs))
				tfs_ck_na(
					x, i,
					"no container maps a port; a worker "
					"needs no load balancer");
			else if (!defs && td == TFS_NONE)
				tfs_ck_unknown(
					x, i, "load_balancer",
					"no load balancer, and the task "
					"definition is not in this input to "
					"tell whether the service serves "
					"traffic");
			else
				tfs_ck_fail(
					x, i, "load_balancer",
					"no load balancer: traffic reaches no "
					"task, or one task directly");
			json_decref(defs);
			continue;
		}
		json_array_foreach(json_object_get(a, "load_balancer"), k, lb)
			if (ok && !S_lb_block(x, i, k, lb, defs, awsvpc))
				ok = false;
		if (ok)
			tfs_ck_pass(
				x, i, "load_balancer[0].target_group_arn",
				"a listener forwards to the service's target "
				"group, which spreads requests over its tasks");
		json_decref(defs);
	}
}

/* ---- backups and disaster recovery --------------------------------------- */

static bool S_is_rds(const tfs_check_ctx *x, size_t i)
{
	tfs_kind k = x->m->nodes[i].kind;
	return k == TFS_KIND_RDS_INSTANCE || k == TFS_KIND_RDS_CLUSTER;
}

static bool S_replica(const tfs_check_ctx *x, size_t i)
{
	return tfs_ck_type_is(x, i, "aws_db_instance") &&
	       tfs_attr_str(tfs_ck_attrs(x, i), "replicate_source_db");
}

static void S_rds_backup_retention(tfs_check_ctx *x)
{
	static const char ATTR[] = "backup_retention_period";
	long lo = x->th->backup_retention_min_days;
	long hi = x->th->backup_retention_max_days;
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		long long d;

		if (!S_is_rds(x, i) || !tfs_ck_applies(x, i))
			continue;
		if (S_replica(x, i)) {
			tfs_ck_na(
				x, i,
				"a read replica; its source keeps the backups");
			continue;
		}
		if (!tfs_attr_int(tfs_ck_attrs(x, i), ATTR, &d))
			tfs_ck_unknown(x, i, ATTR,
			               "the state does not record %s", ATTR);
		else if (d <= 0)
			tfs_ck_fail(
				x, i, ATTR,
				"automated backups are off: no point-in-time "
				"restore");
		else if (d < lo)
			tfs_ck_fail(
				x, i, ATTR,
				"backups are kept %lld day%s, fewer than %ld: "
				"a problem found later cannot be restored",
				d, d == 1 ? "" : "s", lo);
		else if (d > hi)
			tfs_ck_fail(
				x, i, ATTR,
				"backups are kept %lld days, more than the "
				"policy's %ld",
				d, hi);
		else
			tfs_ck_pass(
				x, i, ATTR,
				"automated backups are kept %lld days (policy "
				"%ld-%ld)",
				d, lo, hi);
	}
}

static void S_rds_protect(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		const json_t *a;
		bool del, skip = false, copy = true, replica;
		const char *why = NULL, *attr = NULL;

		if (!S_is_rds(x, i) || !tfs_ck_applies(x, i))
			continue;
		a = tfs_ck_attrs(x, i);
		replica = S_replica(x, i);
		if (!tfs_attr_bool(a, "deletion_protection", &del)) {
			tfs_ck_unknown(
				x, i, "deletion_protection",
				"the state does not record "
				"deletion_protection");
			continue;
		}
		tfs_attr_bool(a, "skip_final_snapshot", &skip);
		tfs_attr_bool(a, "copy_tags_to_snapshot", &copy);
		if (!del) {
			attr = "deletion_protection";
			why = "deletion protection is off: one destroy removes "
			      "the database";
		} else if (skip && !replica) {
			attr = "skip_final_snapshot";
			why = "no final snapshot is taken when the database is "
			      "deleted";
		} else if (!replica &&
		           !tfs_attr_str(a, "final_snapshot_identifier") &&
		           json_object_get(a, "final_snapshot_identifier")) {
			attr = "final_snapshot_identifier";
			why = "no final_snapshot_identifier: the delete fails "
			      "or takes no final snapshot";
		} else if (!copy) {
			attr = "copy_tags_to_snapshot";
			why = "snapshots do not carry the database's tags";
		}
		if (why)
			tfs_ck_fail(x, i, attr, "%s", why);
		else
			tfs_ck_pass(x, i, "deletion_protection",
			            "deletion protection is on%s",
			            replica ? ""
			                    : " and a final snapshot is kept");
	}
}

/* Whether an aws_backup_selection names the database (by ARN pattern or
 * by one of its tags). */
static bool S_selected(const tfs_check_ctx *x, size_t sel, size_t db,
                       const char *arn)
{
	const json_t *a = tfs_ck_attrs(x, sel), *t;
	const tfs_inventory_item *it = x->m->nodes[db].item;
	const char *r;
	size_t i, k;

	tfs_attr_foreach_str(a, "resources", i, r)
		if (fnmatch(r, arn, 0) == 0)
			return true;
	json_array_foreach(json_object_get(a, "selection_tag"), i, t) {
		const char *key = tfs_attr_str(t, "key");
		const char *value = tfs_attr_str(t, "value");
		for (k = 0; it && key && value && k < it->ntags; k++)
			if (tfs_ck_str_eq(it->tags[k].key, key) &&
			    tfs_ck_str_eq(it->tags[k].value, value))
				return true;
	}
	return false;
}

/* The first node, in node order, that backs up the database with this
 * ARN beyond RDS's own retention: a backup selection or an automated
 * backups replication.  TFS_NONE when none. */
static size_t S_backed_up_by(const tfs_check_ctx *x, size_t db, const char *arn)
{
	size_t s, sel = TFS_NONE, rep = TFS_NONE;

	TFS_CK_FOREACH_TYPE(x, s, "aws_backup_selection")
		if (S_selected(x, s, db, arn)) {
			sel = s;
			break;
		}
	TFS_CK_FOREACH_TYPE(x, s, "aws_db_instance_automated_backups_replication")
		if (tfs_ck_str_eq(tfs_attr_str(tfs_ck_attrs(x, s),
		                               "source_db_instance_arn"),
		                  arn)) {
			rep = s;
			break;
		}
	return sel < rep ? sel : rep;
}

static void S_rds_backup_plan(tfs_check_ctx *x)
{
	size_t i, s, nsel = 0;

	TFS_CK_FOREACH_TYPE(x, s, "aws_backup_selection")
		nsel++;
	for (i = 0; i < x->m->nresources; i++) {
		const char *arn;
		const char *by = NULL;

		if (!S_is_rds(x, i) || !tfs_ck_applies(x, i))
			continue;
		arn = tfs_attr_str(tfs_ck_attrs(x, i), "arn");
		if (!arn) {
			tfs_ck_unknown(x, i, "arn",
			               "the state does not record the ARN");
			continue;
		}
		s = S_backed_up_by(x, i, arn);
		if (s != TFS_NONE)
			by = tfs_ck_address(x, s);
		if (by)
			tfs_ck_pass(x, i, "arn",
			            "backed up beyond RDS's own "
			            "retention by %s",
			            by);
		else if (nsel)
			tfs_ck_fail(
				x, i, "arn",
				"no AWS Backup selection in this state covers "
				"the database");
		else
			tfs_ck_unknown(
				x, i, "arn",
				"no AWS Backup plan or backup replication in "
				"this state; AWS Backup is often managed "
				"centrally in another state");
	}
}

static void S_s3_versioning(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_S3_BUCKET) {
		tfs_ck_s3_setting v;

		if (!tfs_ck_applies(x, i))
			continue;
		tfs_ck_s3_versioning(x, i, &v);
		if (!v.known)
			tfs_ck_result(x, i, TFS_STATUS_UNKNOWN, v.attr, v.value,
			              "no aws_s3_bucket_versioning and the bucket "
			              "does not record versioning");
		else if (v.on)
			tfs_ck_result(x, i, TFS_STATUS_PASS, v.attr, v.value,
			              "versioned: an overwritten or deleted "
			              "object can be restored");
		else if (v.from == TFS_CK_S3_RESOURCE)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, v.attr, v.value,
			              "versioning is %s: an overwrite or delete "
			              "cannot be undone",
			              v.state);
		else
			tfs_ck_result(x, i, TFS_STATUS_FAIL, v.attr, v.value,
			              "not versioned: an overwrite or delete "
			              "cannot be undone");
	}
}

static const char *S_region_of(const tfs_check_ctx *x, size_t n)
{
	const char *r = tfs_attr_str(tfs_ck_attrs(x, n), "region");
	const tfs_inventory_item *it = x->m->nodes[n].item;

	if (r)
		return r;
	return it && it->region_source != TFS_REGION_DEFAULT ? it->region
	                                                     : NULL;
}

/* The destination bucket ARN of the first enabled rule in rules[] (key
 * "rule" for the v4 resource, "rules" for the legacy attribute); *rules
 * counts the rules. */
static const char *S_replica_dest(const json_t *cfg, const char *key,
                                  size_t *rules)
{
	const json_t *r;
	size_t i;

	*rules = json_array_size(json_object_get(cfg, key));
	json_array_foreach(json_object_get(cfg, key), i, r)
		if (tfs_ck_str_eq(tfs_attr_str(r, "status"), "Enabled"))
			return tfs_attr_str(tfs_attr_block(r, "destination"),
			                    "bucket");
	return NULL;
}

static void S_s3_replication(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_S3_BUCKET) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *dest = NULL, *attr = NULL, *here, *there;
		size_t r, it, rules = 0, d;

		if (!tfs_ck_applies(x, i))
			continue;
		TFS_CK_JOIN(x, r, it, "aws_s3_bucket_replication_configuration",
		            "bucket", tfs_ck_bucket_name(a)) {
			dest = S_replica_dest(tfs_ck_attrs(x, r), "rule",
			                      &rules);
			attr = tfs_ck_fmt(x, "%s.rule", tfs_ck_address(x, r));
			break;
		}
		if (!attr) {
			dest = S_replica_dest(
				tfs_attr_block(a, "replication_configuration"),
				"rules", &rules);
			if (rules)
				attr = "replication_configuration[0].rules";
		}
		if (!attr) {
			tfs_ck_unknown(
				x, i, "replication_configuration",
				"not replicated to another Region; whether the "
				"bucket holds critical data the state cannot "
				"tell");
			continue;
		}
		if (!dest) {
			tfs_ck_result(x, i, TFS_STATUS_FAIL, attr,
			              tfs_ck_fmt(x, "[%zu rules]", rules),
			              "no replication rule is Enabled");
			continue;
		}
		d = tfs_ck_first(x, "aws_s3_bucket", "arn", dest, &it);
		here = S_region_of(x, i);
		there = d != TFS_NONE ? S_region_of(x, d) : NULL;
		attr = tfs_ck_fmt(x, "%s[*].destination[0].bucket", attr);
		dest = tfs_ck_fmt(x, "\"%s\"", dest);
		if (!here || !there)
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN, attr, dest,
				"replicates to a bucket whose Region this "
				"state does not record (S3 ARNs carry none)");
		else if (strcmp(here, there) == 0)
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL, attr, dest,
				"replicates within %s: a Region outage takes "
				"both copies",
				here);
		else
			tfs_ck_result(x, i, TFS_STATUS_PASS, attr, dest,
			              "replicates from %s to %s", here, there);
	}
}

static void S_lb_deletion_protection(tfs_check_ctx *x)
{
	static const char ATTR[] = "enable_deletion_protection";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_LOAD_BALANCER) {
		bool on;

		if (!tfs_ck_applies(x, i))
			continue;
		if (tfs_ck_type_is(x, i, "aws_elb")) {
			tfs_ck_na(x, i,
			          "a classic load balancer has no deletion "
			          "protection");
			continue;
		}
		if (!tfs_attr_bool(tfs_ck_attrs(x, i), ATTR, &on))
			tfs_ck_unknown(x, i, ATTR,
			               "the state does not record %s", ATTR);
		else if (on)
			tfs_ck_pass(x, i, ATTR,
			            "a destroy cannot remove the load "
			            "balancer by mistake");
		else
			tfs_ck_fail(x, i, ATTR,
			            "one destroy removes the load balancer "
			            "and its DNS name");
	}
}

static void S_cf_failover(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_CLOUDFRONT) {
		const json_t *groups =
			json_object_get(tfs_ck_attrs(x, i), "origin_group");
		const json_t *g;
		size_t k, bad = 0;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!json_array_size(groups)) {
			tfs_ck_na(
				x, i,
				"no origin group: each behaviour has one "
				"origin, and the seeds leave multi-region "
				"failover for the future");
			continue;
		}
		json_array_foreach(groups, k, g) {
			const json_t *fc =
				tfs_attr_block(g, "failover_criteria");
			if (!json_array_size(
				    json_object_get(fc, "status_codes")))
				bad++;
		}
		if (bad)
			tfs_ck_fail(
				x, i, "origin_group[*].failover_criteria",
				"%zu origin group%s without failover status "
				"codes",
				bad, bad == 1 ? "" : "s");
		else
			tfs_ck_pass(
				x, i, "origin_group",
				"CloudFront fails over to a second origin on "
				"errors");
	}
}

static void S_circuit_breaker(tfs_check_ctx *x)
{
	static const char ATTR[] = "deployment_circuit_breaker";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const json_t *a = tfs_ck_attrs(x, i);
		const json_t *cb = tfs_attr_block(a, ATTR);
		const char *ctl = tfs_attr_str(
			tfs_attr_block(a, "deployment_controller"), "type");
		bool on = false, back = false;

		if (!tfs_ck_applies(x, i))
			continue;
		if (ctl && strcmp(ctl, "ECS") != 0) {
			tfs_ck_na(x, i,
			          "deployments are run by %s, not by ECS's "
			          "rolling update",
			          ctl);
			continue;
		}
		if (!json_object_get(a, ATTR)) {
			tfs_ck_unknown(x, i, ATTR,
			               "the state does not record %s", ATTR);
			continue;
		}
		tfs_attr_bool(cb, "enable", &on);
		tfs_attr_bool(cb, "rollback", &back);
		if (!on)
			tfs_ck_fail(
				x, i,
				cb ? "deployment_circuit_breaker[0].enable"
				   : ATTR,
				"no circuit breaker: a failing deployment "
				"keeps replacing tasks");
		else if (!back)
			tfs_ck_fail(
				x, i, "deployment_circuit_breaker[0].rollback",
				"a failed deployment stops but is not rolled "
				"back");
		else
			tfs_ck_pass(
				x, i, "deployment_circuit_breaker[0].rollback",
				"a failed deployment stops and rolls back to "
				"the last good one");
	}
}

const tfs_check_def tfs_checks_ha[] = {
	{"HA-RDS-MULTIAZ", "RDS runs Multi-AZ in production", TFS_CHECKCAT_HA,
	 TFS_SEV_HIGH, TFS_SCOPE_PROD, "Multi-AZ enabled for RDS",
	 "Security Hub RDS.5, RDS.15; Checkov CKV_AWS_157; Well-Architected "
	 "REL10-BP01",
	 "Set `multi_az = true` on `aws_db_instance` (Aurora: two "
	 "`aws_rds_cluster_instance` in different AZs).",
	 S_rds_multi_az, NULL},
	{"HA-ECS-AUTOSCALING", "ECS services autoscale", TFS_CHECKCAT_HA,
	 TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "Auto-scaling configured for ECS services",
	 "Well-Architected REL07-BP01",
	 "Add an `aws_appautoscaling_target` (`service_namespace = \"ecs\"`, "
	 "`resource_id = \"service/<cluster>/<service>\"`, `max_capacity` "
	 "above `min_capacity`) and an `aws_appautoscaling_policy` "
	 "(`TargetTrackingScaling` on CPU, memory or request count).",
	 S_ecs_autoscaling, NULL},
	{"HA-ECS-MULTIAZ", "ECS tasks run in two or more AZs in production",
	 TFS_CHECKCAT_HA, TFS_SEV_HIGH, TFS_SCOPE_PROD, S_SEED_MULTIAZ,
	 "Well-Architected REL10-BP01",
	 "List private subnets of at least two AZs in "
	 "`network_configuration.subnets` of `aws_ecs_service`.",
	 S_ecs_multi_az, NULL},
	{"HA-ECS-MIN-TASKS", "Production services run at least two tasks",
	 TFS_CHECKCAT_HA, TFS_SEV_HIGH, TFS_SCOPE_PROD, S_SEED_MULTIAZ,
	 "house rule (tfsight.yml checks.thresholds.prod_min_tasks); "
	 "Well-Architected REL10-BP01",
	 "Set `desired_count` (or the scaling target's `min_capacity`) of "
	 "`aws_ecs_service` to at least 2.",
	 S_ecs_min_tasks, NULL},
	{"HA-LB-HEALTHCHECK", "Target groups health-check their targets",
	 TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_HEALTH,
	 "Checkov CKV_AWS_261; Security Hub ELB.21; Well-Architected "
	 "REL11-BP01",
	 "Set `health_check { enabled = true, path = \"/health\", matcher, "
	 "interval, healthy_threshold }` on `aws_lb_target_group`.",
	 S_lb_health_check, NULL},
	{"HA-ECS-CONTAINER-HEALTHCHECK",
	 "Essential containers have a health check",
	 TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "Implement health checks in Dockerfiles and ECS task definitions",
	 "Well-Architected REL11-BP01, REL11-BP03",
	 "Add `healthCheck = { command = [\"CMD-SHELL\", \"...\"] }` to each "
	 "essential container in `container_definitions` of "
	 "`aws_ecs_task_definition`.",
	 S_container_health_check, NULL},
	{"HA-ECS-GRACE-PERIOD",
	 "Services behind a load balancer have a health check grace period",
	 TFS_CHECKCAT_HA, TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Implement health checks with grace periods for startup",
	 "Well-Architected REL11-BP03",
	 "Set `health_check_grace_period_seconds` on `aws_ecs_service` to the "
	 "application's start-up time.",
	 S_ecs_grace_period, NULL},
	{"HA-LB-MULTIAZ", "Load balancers span two or more AZs in production",
	 TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_PROD, S_SEED_MULTIAZ,
	 "Checkov CKV_AWS_152; Security Hub ELB.13; Well-Architected "
	 "REL10-BP01, REL02-BP01",
	 "List subnets of at least two AZs in `subnets` (or `subnet_mapping`) "
	 "of `aws_lb`.",
	 S_lb_multi_az, NULL},
	{"HA-ECS-BEHIND-LB", "Web services sit behind a load balancer",
	 TFS_CHECKCAT_HA, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_LB,
	 "Well-Architected REL11-BP02",
	 "Add a `load_balancer { target_group_arn, container_name, "
	 "container_port }` block to `aws_ecs_service`, with an "
	 "`aws_lb_listener` or `aws_lb_listener_rule` forwarding to an "
	 "`aws_lb_target_group` with `target_type = \"ip\"`.",
	 S_ecs_behind_lb, NULL},
	{"HA-RDS-BACKUP-RETENTION",
	 "Database backups are kept for the policy's days", TFS_CHECKCAT_HA,
	 TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_BACKUPS,
	 "Security Hub RDS.11; Checkov CKV_AWS_133; Trivy AVD-AWS-0077; KICS "
	 "1dc73fb4-5b51-430c-8c5f-25dcf9090b02, "
	 "e542bd46-58c4-4e0f-a52a-1fb4f9548e02; Terrascan AC_AWS_0052, "
	 "AC_AWS_0495; Well-Architected REL09-BP03",
	 "Set `backup_retention_period` on `aws_db_instance` / "
	 "`aws_rds_cluster` within "
	 "checks.thresholds.backup_retention_min_days.._max_days (default "
	 "7-30).",
	 S_rds_backup_retention, NULL},
	{"HA-DR-RDS-PROTECT", "Production databases survive a destroy",
	 TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_PROD,
	 "Take manual RDS snapshots before major database changes",
	 "Security Hub RDS.8, RDS.7, RDS.17, RDS.16; Checkov CKV_AWS_293, "
	 "CKV_AWS_139, CKV2_AWS_60, CKV_AWS_313; Trivy AVD-AWS-0177, "
	 "AVD-AWS-0343; Well-Architected REL09-BP01",
	 "Set `deletion_protection = true`, `skip_final_snapshot = false` with "
	 "a `final_snapshot_identifier`, and `copy_tags_to_snapshot = true` on "
	 "`aws_db_instance` / `aws_rds_cluster`.",
	 S_rds_protect, NULL},
	{"HA-DR-RDS-BACKUP-PLAN", "Databases are in an AWS Backup plan",
	 TFS_CHECKCAT_HA, TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Use AWS Backup for centralized backup management (future)",
	 "Checkov CKV2_AWS_8, CKV_AWS_245; Security Hub RDS.26; "
	 "Well-Architected REL09-BP03, REL13-BP02",
	 "Add the database ARN to `resources` of an `aws_backup_selection` (or "
	 "an `aws_db_instance_automated_backups_replication` for a "
	 "cross-Region copy).",
	 S_rds_backup_plan, NULL},
	{"HA-DR-S3-VERSIONING", "S3 buckets are versioned", TFS_CHECKCAT_HA,
	 TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "Enable versioning on S3 buckets for rollback capability",
	 "Checkov CKV_AWS_21; Trivy AVD-AWS-0090; Security Hub S3.14; KICS "
	 "568a4d22-3517-44a6-a7ad-6a7eed88722c; Terrascan AC_AWS_0214; "
	 "Well-Architected REL09",
	 "Add an `aws_s3_bucket_versioning` with `versioning_configuration { "
	 "status = \"Enabled\" }` for the bucket.",
	 S_s3_versioning, NULL},
	{"HA-DR-S3-REPLICATION", "S3 buckets replicate to another Region",
	 TFS_CHECKCAT_HA, TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Implement cross-region replication for critical S3 buckets",
	 "Checkov CKV_AWS_144; Security Hub S3.7; Well-Architected REL02-BP01",
	 "Add an `aws_s3_bucket_replication_configuration` with an Enabled "
	 "`rule` whose `destination.bucket` is in another Region.",
	 S_s3_replication, NULL},
	{"HA-DR-LB-DELPROT",
	 "Production load balancers have deletion protection",
	 TFS_CHECKCAT_HA, TFS_SEV_LOW, TFS_SCOPE_PROD, S_SEED_LB,
	 "Checkov CKV_AWS_150; Security Hub ELB.6; KICS "
	 "alb_deletion_protection_disabled",
	 "Set `enable_deletion_protection = true` on `aws_lb`.",
	 S_lb_deletion_protection, NULL},
	{"HA-DR-CF-FAILOVER", "CloudFront origin groups fail over",
	 TFS_CHECKCAT_HA, TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Plan for multi-region failover (future)",
	 "Checkov CKV_AWS_310; Security Hub CloudFront.4; Well-Architected "
	 "REL02-BP01",
	 "Add an `origin_group` with `failover_criteria { status_codes = [500, "
	 "502, 503, 504] }` and two `member` origins to "
	 "`aws_cloudfront_distribution`.",
	 S_cf_failover, NULL},
	{"HA-ECS-CIRCUIT-BREAKER", "ECS deployments roll back on failure",
	 TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "Implement circuit breakers to prevent failed deployments",
	 "house rule (seeds: AWS Fargate & ECS)",
	 "Set `deployment_circuit_breaker { enable = true, rollback = true }` "
	 "on `aws_ecs_service`.",
	 S_circuit_breaker, NULL},
	{"HA-DR-PLAN", "A disaster recovery plan is documented",
	 TFS_CHECKCAT_HA, TFS_SEV_INFO, TFS_SCOPE_ALL,
	 "Disaster recovery plan documented",
	 "Well-Architected REL09-BP04, REL13-BP02",
	 "Write the runbook (RTO, RPO, restore steps) and test a restore "
	 "quarterly.",
	 NULL,
	 "a recovery plan and its restore tests are documents, not Terraform "
	 "resources"},
};
const size_t tfs_checks_ha_count =
	sizeof(tfs_checks_ha) / sizeof(tfs_checks_ha[0]);
