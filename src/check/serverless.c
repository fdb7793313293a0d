/* serverless.c - the seeds' checklist over the serverless half of a stack
 * (seeds 002 name the rules aws-lambda, aws-sns, aws-dynamodb and
 * aws-cognito): Lambda runtimes, secrets, URLs, failures, logs, tracing,
 * concurrency and AZs; API Gateway authorization, WAF, TLS, access logs
 * and throttling; DynamoDB keys, backups, protection and scaling; SNS and
 * SQS encryption, policies and dead-letter queues; Cognito MFA, passwords,
 * threat protection and deletion protection.
 *
 * Relations come from the model's edges (what triggers a function, where
 * its failures and logs go, which API fronts it); a check joins by value
 * only where the model keeps no edge (a topic's policy resource, a table's
 * scaling target).  One category table each: catalogue.c puts them after
 * the category's other tables. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/check_int.h"

static const char S_SEED_SECRETS[] =
	"No hardcoded secrets in code or Docker images";
static const char S_SEED_OWASP[] = "Follow OWASP Top 10 guidelines";
static const char S_SEED_AT_REST[] = "Data encrypted at rest (RDS, S3)";
static const char S_SEED_LOGS[] = "Log aggregation configured";
static const char S_SEED_MULTIAZ[] =
	"Use Multi-AZ deployments for production high availability";
static const char S_SEED_BACKUPS[] = "Database backups automated";
/* the seeds' closing line ("... and always plan for failure"): the one
 * that speaks of what happens to work that fails */
static const char S_SEED_FAILURE[] = "always plan for failure";

/* ---- helpers ------------------------------------------------------------- */

static const char *S_quote(tfs_check_ctx *x, const char *s)
{
	json_t *j = s ? json_string(s) : NULL;
	const char *v = j ? tfs_ck_value(x, j) : "(absent)";

	json_decref(j);
	return v;
}

/* Whether a plan knows the value at path only after apply: its
 * after_unknown marks the path or a block holding it, or the reader
 * filled an identity in as "(known after apply: ...)". */
static bool S_after_apply(const tfs_check_ctx *x, size_t node, const char *path)
{
	const tfs_inventory_item *it = x->m->nodes[node].item;
	const json_t *unknown = it ? it->inst->unknown : NULL;
	const json_t *v = tfs_ck_path(tfs_ck_attrs(x, node), path);
	char buf[256];
	size_t k, n = strlen(path);

	if (json_is_string(v) && strncmp(json_string_value(v), TFS_AFTER_APPLY,
	                                 strlen(TFS_AFTER_APPLY)) == 0)
		return true;
	if (!json_is_object(unknown) || n >= sizeof(buf))
		return false;
	memcpy(buf, path, n + 1);
	for (k = 1; k <= n; k++) {
		char c = buf[k];
		if (c != '\0' && c != '.' && c != '[')
			continue;
		buf[k] = '\0';
		if (json_is_true(tfs_ck_path(unknown, buf)))
			return true;
		buf[k] = c;
	}
	return false;
}

/* The unknown finding of a value a plan leaves to the apply. */
static void S_later(tfs_check_ctx *x, size_t node, const char *path)
{
	tfs_ck_result(x, node, TFS_STATUS_UNKNOWN, path, "(known after apply)",
	              "the plan leaves %s to the apply, so it cannot be "
	              "checked yet",
	              path);
}

/* A value the input does not give: left to the apply by a plan, or not
 * recorded at all.  Either way, unknown with the reason. */
static void S_absent(tfs_check_ctx *x, size_t node, const char *path)
{
	if (S_after_apply(x, node, path))
		S_later(x, node, path);
	else
		tfs_ck_unknown(x, node, path, "the state does not record %s", path);
}

/* Whether an attribute is recorded at all (a state records most even when
 * empty; a plan may not). */
static bool S_recorded(const tfs_check_ctx *x, size_t node, const char *key)
{
	return json_object_get(tfs_ck_attrs(x, node), key) != NULL;
}

/* Outgoing edges: the model keeps them sorted by their source. */
static size_t S_out_first(const tfs_check_ctx *x, size_t node)
{
	size_t lo = 0, hi = x->m->nedges;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->m->edges[mid].from < node)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define S_FOREACH_OUT(x, e, node)                                              \
	for ((e) = S_out_first((x), (node));                                   \
	     (e) < (x)->m->nedges && (x)->m->edges[e].from == (node); (e)++)
#define S_FOREACH_IN(x, e, node)                                               \
	for ((e) = tfs_ck_in_first((x), (node)); (e) != TFS_NONE;              \
	     (e) = tfs_ck_in_next((x), (e)))

/* The source of the first edge of kind k into node, or TFS_NONE. */
static size_t S_from(const tfs_check_ctx *x, size_t node, tfs_edge_kind k)
{
	size_t e;

	S_FOREACH_IN(x, e, node)
		if (x->m->edges[e].kind == k)
			return x->m->edges[e].from;
	return TFS_NONE;
}

/* Whether node n proved edge e: its evidence reads "ADDRESS(n).attr =
 * value" (tfs_b_edge). */
static bool S_proved_by(const tfs_check_ctx *x, size_t e, size_t n)
{
	const char *ev = x->m->edges[e].evidence;
	const char *addr = tfs_ck_address(x, n);
	size_t len = strlen(addr);

	return ev && strncmp(ev, addr, len) == 0 && ev[len] == '.';
}

/* The attribute path and value an edge's evidence names: relative to node
 * n when n proved it ("dead_letter_config[0].target_arn"), else with the
 * proving address in front, as other cross-resource evidence reads. */
static void S_edge_attr(tfs_check_ctx *x, size_t e, size_t n, const char **attr,
                        const char **value)
{
	const char *ev = x->m->edges[e].evidence;
	const char *eq = ev ? strstr(ev, " = ") : NULL;
	size_t skip =
		S_proved_by(x, e, n) ? strlen(tfs_ck_address(x, n)) + 1 : 0;

	if (!eq || (size_t)(eq - ev) <= skip) {
		*attr = tfs_ck_fmt(x, "%s", ev ? ev : "(edge)");
		*value = NULL;
		return;
	}
	*attr = tfs_ck_fmt(x, "%.*s", (int)(eq - ev - (ptrdiff_t)skip),
	                   ev + skip);
	*value = S_quote(x, eq + 3);
}

/* A list of names for evidence and messages, cut after S_MAX_NAMES so a
 * hostile input cannot make the report grow without bound. */
enum { S_MAX_NAMES = 8 };

typedef struct {
	tfs_buf b;
	size_t n;
} S_names;

static void S_names_init(S_names *l)
{
	tfs_buf_init(&l->b);
	l->n = 0;
}

static void S_names_add(S_names *l, const char *name)
{
	if (l->n < S_MAX_NAMES)
		tfs_buf_addf(&l->b, "%s%.64s", l->n ? ", " : "", name);
	l->n++;
}

/* The list as text in the run's arena; releases the buffer. */
static const char *S_names_done(tfs_check_ctx *x, S_names *l)
{
	const char *s = l->b.data ? l->b.data : "";
	const char *out = l->n > S_MAX_NAMES ? tfs_ck_fmt(x, "%s and %zu more",
	                                                  s, l->n - S_MAX_NAMES)
	                                     : tfs_ck_fmt(x, "%s", s);

	tfs_buf_release(&l->b);
	return out;
}

/* Days since 1970-01-01 of a "YYYY-MM-DD" date (the civil-from-days
 * inverse), or -1 when it is not one. */
static long S_days(const char *ymd)
{
	char *end;
	long y, m, d, era, yoe, doy, doe;

	if (!ymd || strlen(ymd) < 10)
		return -1;
	y = strtol(ymd, &end, 10);
	if (*end != '-')
		return -1;
	m = strtol(end + 1, &end, 10);
	if (*end != '-')
		return -1;
	d = strtol(end + 1, &end, 10);
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* ---- Lambda -------------------------------------------------------------- */

typedef struct {
	const char *id;
	const char *deprecated; /* the day Lambda stops patching it */
} S_runtime;

/* Lambda's runtime deprecation dates, from the AWS Lambda developer guide
 * (lambda-runtimes.html, "Supported runtimes" and "Deprecated runtimes",
 * as of 2026-01; tflint-ruleset-aws's aws_lambda_function_deprecated_runtime
 * keeps the same table).  A runtime fails from its date on, so the finding
 * follows the run's date (SOURCE_DATE_EPOCH, or the clock). */
static const S_runtime S_RUNTIMES[] = {
	{"dotnet10", "2028-11-14"},       {"dotnet5.0", "2022-05-10"},
	{"dotnet6", "2024-11-12"},        {"dotnet7", "2024-05-14"},
	{"dotnet8", "2026-11-10"},        {"dotnetcore1.0", "2019-07-27"},
	{"dotnetcore2.0", "2019-05-30"},  {"dotnetcore2.1", "2022-01-05"},
	{"dotnetcore3.1", "2023-04-03"},  {"go1.x", "2024-01-08"},
	{"java11", "2026-06-30"},         {"java17", "2026-06-30"},
	{"java21", "2029-06-30"},         {"java25", "2029-06-30"},
	{"java8", "2024-01-08"},          {"java8.al2", "2026-06-30"},
	{"nodejs", "2016-10-31"},         {"nodejs10.x", "2021-07-30"},
	{"nodejs12.x", "2023-03-31"},     {"nodejs14.x", "2023-12-04"},
	{"nodejs16.x", "2024-06-12"},     {"nodejs18.x", "2025-09-01"},
	{"nodejs20.x", "2026-04-30"},     {"nodejs22.x", "2027-04-30"},
	{"nodejs24.x", "2028-04-30"},     {"nodejs4.3", "2020-03-05"},
	{"nodejs4.3-edge", "2020-03-05"}, {"nodejs6.10", "2019-08-12"},
	{"nodejs8.10", "2020-03-06"},     {"provided", "2024-01-08"},
	{"provided.al2", "2026-06-30"},   {"provided.al2023", "2029-06-30"},
	{"python2.7", "2021-07-15"},      {"python3.10", "2026-06-30"},
	{"python3.11", "2026-06-30"},     {"python3.12", "2028-10-31"},
	{"python3.13", "2029-06-30"},     {"python3.14", "2029-06-30"},
	{"python3.6", "2022-07-18"},      {"python3.7", "2023-12-04"},
	{"python3.8", "2024-10-14"},      {"python3.9", "2025-12-15"},
	{"ruby2.5", "2021-07-30"},        {"ruby2.7", "2023-11-27"},
	{"ruby3.2", "2026-03-31"},        {"ruby3.3", "2027-03-31"},
	{"ruby3.4", "2028-03-31"},
};

static const S_runtime *S_runtime_find(const char *id)
{
	size_t k;

	for (k = 0; k < sizeof(S_RUNTIMES) / sizeof(*S_RUNTIMES); k++)
		if (strcmp(id, S_RUNTIMES[k].id) == 0)
			return &S_RUNTIMES[k];
	return NULL;
}

static bool S_image(const json_t *a)
{
	return tfs_ck_str_eq(tfs_attr_str(a, "package_type"), "Image");
}

static void S_lambda_runtime(tfs_check_ctx *x)
{
	long today = S_days(x->today);
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_LAMBDA) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *rt = tfs_attr_str(a, "runtime");
		const S_runtime *r;
		long left;

		if (!tfs_ck_applies(x, i))
			continue;
		if (S_image(a)) {
			tfs_ck_na(x, i,
			          "a container-image function has no managed "
			          "runtime: the image's base decides");
			continue;
		}
		if (!rt) {
			if (S_after_apply(x, i, "runtime"))
				S_later(x, i, "runtime");
			else
				tfs_ck_unknown(x, i, "runtime",
				               "the state records no runtime");
			continue;
		}
		if (!(r = S_runtime_find(rt))) {
			tfs_ck_unknown(
				x, i, "runtime",
				"%.40s is not in tfsight's table of Lambda "
				"runtimes (newer than this build?)",
				rt);
			continue;
		}
		left = S_days(r->deprecated) - today;
		if (today >= 0 && left <= 0)
			tfs_ck_fail(
				x, i, "runtime",
				"%s has been deprecated since %s: Lambda no "
				"longer patches it, and creating or updating "
				"functions on it is blocked soon after",
				rt, r->deprecated);
		else if (today >= 0 && left < 183)
			tfs_ck_pass(x, i, "runtime",
			            "%s is supported until %s, less than six "
			            "months away: plan the upgrade",
			            rt, r->deprecated);
		else
			tfs_ck_pass(x, i, "runtime", "%s is supported until %s",
			            rt, r->deprecated);
	}
}

/* The function's environment variables (an object), read from the sealed
 * copy when the input marks the environment or its variables sensitive
 * whole; NULL with *hidden set when they cannot be read, NULL alone when
 * there are none. */
static const json_t *S_env_vars(const tfs_check_ctx *x, size_t i, bool *hidden)
{
	const tfs_inventory_item *it = x->m->nodes[i].item;
	const json_t *env = json_object_get(tfs_ck_attrs(x, i), "environment");
	const json_t *sealed =
		it ? tfs_instance_sealed(it->inst, "environment") : NULL;
	const json_t *blk, *vars;

	*hidden = false;
	if (sealed)
		env = sealed;
	blk = json_is_array(env) ? json_array_get(env, 0) : env;
	vars = json_is_object(blk) ? json_object_get(blk, "variables") : blk;
	if (json_is_string(vars)) {
		*hidden = true; /* "(sensitive)": marked whole, not sealed */
		return NULL;
	}
	return json_is_object(vars) ? vars : NULL;
}

static void S_lambda_env_secrets(tfs_check_ctx *x)
{
	static const char ATTR[] = "environment[0].variables";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_LAMBDA) {
		const json_t *vars, *v;
		const char *key;
		bool hidden;
		S_names found;
		size_t n = 0;

		if (!tfs_ck_applies(x, i))
			continue;
		vars = S_env_vars(x, i, &hidden);
		if (hidden) {
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN, ATTR, TFS_REDACTED,
				"the input marks the environment sensitive "
				"as a whole, so its variables cannot be "
				"read");
			continue;
		}
		if (!vars) {
			if (S_after_apply(x, i, ATTR))
				S_later(x, i, ATTR);
			else
				tfs_ck_pass(x, i, "environment",
				            "the function has no environment "
				            "variables");
			continue;
		}
		S_names_init(&found);
		json_object_foreach((json_t *)(uintptr_t)vars, key, v) {
			n++;
			/* the value decides and is never shown */
			if (tfs_ck_plaintext_secret(key, json_string_value(v)))
				S_names_add(&found, key);
		}
		if (found.n) {
			size_t k = found.n;
			const char *names = S_names_done(x, &found);
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL, ATTR, names,
				"environment variable%s %s %s kept in plain "
				"text in the function's configuration and "
				"the state; keep %s in Secrets Manager or "
				"Parameter Store and pass its name or ARN",
				k == 1 ? "" : "s", names,
				k == 1 ? "looks like a secret"
				       : "look like secrets",
				k == 1 ? "it" : "them");
		} else {
			S_names_done(x, &found);
			tfs_ck_result(
				x, i, TFS_STATUS_PASS, ATTR,
				tfs_ck_fmt(x, "%zu variable%s", n,
			                   n == 1 ? "" : "s"),
				"no environment variable has a secret-like "
				"name or a credential-like value");
		}
	}
}

static void S_lambda_url_auth(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH_TYPE(x, i, "aws_lambda_function_url") {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *auth = tfs_attr_str(a, "authorization_type");
		const char *fn = tfs_attr_str(a, "function_name");

		if (!tfs_ck_applies(x, i))
			continue;
		if (!auth) {
			if (S_after_apply(x, i, "authorization_type"))
				S_later(x, i, "authorization_type");
			else
				tfs_ck_unknown(x, i, "authorization_type",
				               "the state records no "
				               "authorization_type");
		} else if (strcmp(auth, "NONE") == 0) {
			tfs_ck_fail(x, i, "authorization_type",
			            "anyone on the internet can invoke %.80s "
			            "through its URL without signing the "
			            "request",
			            fn ? fn : "the function");
		} else {
			tfs_ck_pass(
				x, i, "authorization_type",
				"callers of the URL must sign their requests "
				"with IAM credentials (%s)",
				auth);
		}
	}
}

/* What an edge kind is when it invokes a function asynchronously (Lambda
 * queues the event, retries twice, then drops it unless told where to
 * send it), or NULL. */
static const char *S_async(tfs_edge_kind k)
{
	if (k == TFS_EDGE_SUBSCRIPTION)
		return "an SNS subscription";
	if (k == TFS_EDGE_EVENT_TARGET)
		return "an EventBridge rule";
	if (k == TFS_EDGE_BUCKET_NOTIFICATION)
		return "an S3 notification";
	return NULL;
}

/* The function's on-failure edge for asynchronous invocations: its own
 * dead_letter_config or an aws_lambda_function_event_invoke_config
 * destination (an event source mapping's on_failure serves its stream,
 * not these).  TFS_NONE when there is none. */
static size_t S_async_failure(const tfs_check_ctx *x, size_t fn)
{
	size_t e, c;

	S_FOREACH_OUT(x, e, fn) {
		if (x->m->edges[e].kind != TFS_EDGE_ON_FAILURE)
			continue;
		if (S_proved_by(x, e, fn))
			return e;
		TFS_CK_FOREACH_TYPE(x, c,
		                    "aws_lambda_function_event_invoke_config")
			if (S_proved_by(x, e, c))
				return e;
	}
	return TFS_NONE;
}

static void S_lambda_dlq(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_LAMBDA) {
		const char *attr, *value, *dlq;
		S_names from;
		size_t e, f;

		if (!tfs_ck_applies(x, i))
			continue;
		S_names_init(&from);
		S_FOREACH_IN(x, e, i) {
			const char *how = S_async(x->m->edges[e].kind);
			if (how)
				S_names_add(
					&from,
					tfs_ck_fmt(
						x, "%s (%s)",
						x->m->nodes[x->m->edges[e].from]
							.address,
						how));
		}
		if (!from.n) {
			S_names_done(x, &from);
			tfs_ck_na(x, i,
			          "nothing in this input invokes the function "
			          "asynchronously (SNS, EventBridge, S3)");
			continue;
		}
		/* the function's own dead-letter queue first: the model keeps one
		 * edge per pair, so a mapping's on-failure edge to the same queue
		 * may be the one that carries the evidence */
		dlq = json_string_value(tfs_ck_path(tfs_ck_attrs(x, i),
		                                    "dead_letter_config[0].target_arn"));
		if (dlq && *dlq && strncmp(dlq, TFS_AFTER_APPLY,
		                           strlen(TFS_AFTER_APPLY)) != 0) {
			const char *to = dlq;
			S_FOREACH_OUT(x, e, i) {
				size_t t = x->m->edges[e].to;
				if (x->m->edges[e].kind == TFS_EDGE_ON_FAILURE &&
				    tfs_ck_str_eq(tfs_attr_str(tfs_ck_attrs(x, t), "arn"),
				                  dlq))
					to = x->m->nodes[t].address;
			}
			S_names_done(x, &from);
			tfs_ck_pass(x, i, "dead_letter_config[0].target_arn",
			            "events that still fail after the retries go to %s",
			            to);
		} else if ((f = S_async_failure(x, i)) != TFS_NONE) {
			S_edge_attr(x, f, i, &attr, &value);
			S_names_done(x, &from);
			tfs_ck_result(
				x, i, TFS_STATUS_PASS, attr, value,
				"events that still fail after the retries "
				"go to %s",
				x->m->nodes[x->m->edges[f].to].address);
		} else if (S_after_apply(x, i, "dead_letter_config")) {
			S_names_done(x, &from);
			S_later(x, i, "dead_letter_config");
		} else {
			tfs_ck_fail(
				x, i, "dead_letter_config",
				"invoked asynchronously by %s, with no "
				"dead-letter queue or on-failure destination: "
				"an event that fails twice more is dropped",
				S_names_done(x, &from));
		}
	}
}

/* Retention of a log group node, as MON-LOG-RETENTION reads it. */
static void S_group_retention(tfs_check_ctx *x, size_t fn, size_t g,
                              const char *how)
{
	long min = x->th->log_retention_min_days;
	const char *attr =
		tfs_ck_fmt(x, "%s.retention_in_days", tfs_ck_address(x, g));
	const json_t *v =
		json_object_get(tfs_ck_attrs(x, g), "retention_in_days");
	const char *value = tfs_ck_value(x, v);
	long long d;

	if (!tfs_attr_int(tfs_ck_attrs(x, g), "retention_in_days", &d)) {
		if (S_after_apply(x, g, "retention_in_days"))
			tfs_ck_result(x, fn, TFS_STATUS_UNKNOWN, attr,
			              "(known after apply)",
			              "the plan leaves the retention of %s to "
			              "the apply",
			              tfs_ck_address(x, g));
		else
			tfs_ck_result(x, fn, TFS_STATUS_UNKNOWN, attr, value,
			              "%s does not record retention_in_days",
			              tfs_ck_address(x, g));
	} else if (d <= 0) {
		tfs_ck_result(x, fn, TFS_STATUS_FAIL, attr, value,
		              "the function logs to %s (%s), whose logs never "
		              "expire",
		              tfs_ck_address(x, g), how);
	} else if (d < min) {
		tfs_ck_result(x, fn, TFS_STATUS_FAIL, attr, value,
		              "the function's logs (%s) are kept %lld day%s, "
		              "fewer than %ld",
		              tfs_ck_address(x, g), d, d == 1 ? "" : "s", min);
	} else {
		tfs_ck_result(x, fn, TFS_STATUS_PASS, attr, value,
		              "the function logs to %s (%s), kept %lld days",
		              tfs_ck_address(x, g), how, d);
	}
}

/* A function's log group: logging_config.log_group, else Lambda's default
 * /aws/lambda/NAME; the model draws either as a LOGS edge.  Without a
 * group in the input, Lambda creates the default one itself on the first
 * invocation, with no retention: a fail when this state manages log groups
 * (its owners manage them here, and this one is missing), unknown when it
 * manages none (they may live in another state). */
static void S_lambda_logs(tfs_check_ctx *x)
{
	bool groups = tfs_ck_has_type(x, "aws_cloudwatch_log_group");
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_LAMBDA) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *name = tfs_attr_str(a, "function_name");
		const char *custom = tfs_attr_str(
			tfs_attr_block(a, "logging_config"), "log_group");
		size_t e, g = TFS_NONE;

		if (!tfs_ck_applies(x, i))
			continue;
		/* newer providers read the default group back into
		 * logging_config: that is no choice of the owner's */
		if (custom && name &&
		    strncmp(custom, "/aws/lambda/", 12) == 0 &&
		    strcmp(custom + 12, name) == 0)
			custom = NULL;
		S_FOREACH_OUT(x, e, i)
			if (x->m->edges[e].kind == TFS_EDGE_LOGS) {
				g = x->m->edges[e].to;
				break;
			}
		if (g != TFS_NONE && g < x->m->nresources) {
			S_group_retention(x, i, g,
			                  custom ? "logging_config"
			                         : "the default group");
		} else if (custom) {
			tfs_ck_unknown(
				x, i, "logging_config[0].log_group",
				"the function logs to a group that is not "
				"in this input, so its retention is "
				"unknown");
		} else if (!name) {
			tfs_ck_unknown(x, i, "function_name",
			               "the state records no function_name, so "
			               "the default log group cannot be found");
		} else if (groups) {
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL,
				"aws_cloudwatch_log_group",
				S_quote(x,
			                tfs_ck_fmt(x, "/aws/lambda/%s", name)),
				"no log group /aws/lambda/%.80s in this "
				"state: Lambda creates it on the first "
				"invocation, and such a group keeps its logs "
				"forever",
				name);
		} else {
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN,
				"aws_cloudwatch_log_group",
				S_quote(x,
			                tfs_ck_fmt(x, "/aws/lambda/%s", name)),
				"this state manages no log groups, so "
				"whether /aws/lambda/%.80s has a retention "
				"is unknown",
				name);
		}
	}
}

static void S_lambda_xray(tfs_check_ctx *x)
{
	static const char ATTR[] = "tracing_config[0].mode";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_LAMBDA) {
		const char *mode = tfs_attr_str(
			tfs_attr_block(tfs_ck_attrs(x, i), "tracing_config"),
			"mode");

		if (!tfs_ck_applies(x, i))
			continue;
		if (tfs_ck_str_eq(mode, "Active"))
			tfs_ck_pass(x, i, ATTR,
			            "X-Ray samples and traces the function's "
			            "requests");
		else if (!mode && S_after_apply(x, i, ATTR))
			S_later(x, i, ATTR);
		else if (!mode && !S_recorded(x, i, "tracing_config"))
			tfs_ck_unknown(
				x, i, "tracing_config",
				"the state does not record tracing_config");
		else
			tfs_ck_fail(
				x, i, mode ? ATTR : "tracing_config",
				"no active X-Ray tracing: a slow or failing "
				"call cannot be followed through the "
				"function");
	}
}

static bool S_api_private(const tfs_check_ctx *x, size_t api)
{
	const json_t *types;
	const char *t;
	size_t k;

	if (api == TFS_NONE || api >= x->m->nresources)
		return false;
	types = tfs_attr_block(tfs_ck_attrs(x, api), "endpoint_configuration");
	tfs_attr_foreach_str(types, "types", k, t) {
		if (strcmp(t, "PRIVATE") == 0)
			return true;
	}
	return false;
}

/* The API an integration belongs to: a v2 integration is part of its API;
 * a REST integration hangs off a method, which is. */
static size_t S_integration_api(const tfs_check_ctx *x, size_t integ)
{
	size_t api = S_from(x, integ, TFS_EDGE_PART), route;

	if (api != TFS_NONE)
		return api;
	route = S_from(x, integ, TFS_EDGE_API_INTEGRATION);
	return route != TFS_NONE ? S_from(x, route, TFS_EDGE_PART) : TFS_NONE;
}

static void S_lambda_concurrency(tfs_check_ctx *x)
{
	static const char ATTR[] = "reserved_concurrent_executions";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_LAMBDA) {
		size_t e, api = TFS_NONE;
		long long n;

		if (!tfs_ck_applies(x, i))
			continue;
		S_FOREACH_IN(x, e, i) {
			size_t a;
			if (x->m->edges[e].kind != TFS_EDGE_INTEGRATION)
				continue;
			a = S_integration_api(x, x->m->edges[e].from);
			if (a != TFS_NONE && !S_api_private(x, a)) {
				api = a;
				break;
			}
		}
		if (api == TFS_NONE) {
			tfs_ck_na(x, i,
			          "no public API in this input invokes "
			          "the function");
			continue;
		}
		if (!tfs_attr_int(tfs_ck_attrs(x, i), ATTR, &n)) {
			S_absent(x, i, ATTR);
		} else if (n < 0) {
			tfs_ck_fail(
				x, i, ATTR,
				"behind %s with no reserved concurrency: a "
				"burst of requests can take the account's "
				"whole concurrency and throttle every other "
				"function",
				x->m->nodes[api].address);
		} else {
			tfs_ck_pass(
				x, i, ATTR,
				"behind %s, capped at %lld concurrent "
				"executions%s",
				x->m->nodes[api].address, n,
				n == 0 ? " (0: the function is switched off)"
				       : "");
		}
	}
}

static void S_lambda_multi_az(tfs_check_ctx *x)
{
	static const char ATTR[] = "vpc_config[0].subnet_ids";
	tfs_map data;
	size_t i;

	tfs_ck_data_subnets(x, &data);
	TFS_CK_FOREACH(x, i, TFS_KIND_LAMBDA) {
		size_t distinct, unknown;
		const char *azs;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!x->m->nodes[i].nsubnets) {
			if (S_after_apply(x, i, ATTR))
				S_later(x, i, ATTR);
			else
				tfs_ck_na(
					x, i,
					"not attached to a VPC: Lambda runs it "
					"across the Region's AZs");
			continue;
		}
		azs = tfs_ck_az_spread(x, &data, i, &distinct, &unknown);
		if (distinct >= 2)
			tfs_ck_result(x, i, TFS_STATUS_PASS, ATTR, azs,
			              "the function's network interfaces are "
			              "in %zu AZs and survive an AZ outage",
			              distinct);
		else if (unknown)
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN, ATTR, azs,
				"%zu of the subnets are not in this input, "
				"so their AZs are unknown",
				unknown);
		else
			tfs_ck_result(x, i, TFS_STATUS_FAIL, ATTR, azs,
			              "every subnet is in one AZ: an AZ outage "
			              "stops the function");
	}
	tfs_map_release(&data);
}

/* ---- API Gateway --------------------------------------------------------- */

static bool S_rest(const tfs_check_ctx *x, size_t n)
{
	return strncmp(tfs_ck_type(x, n), "aws_api_gateway_", 16) == 0;
}

static void S_api_auth(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_API_ROUTE) {
		const json_t *a = tfs_ck_attrs(x, i);
		bool rest = S_rest(x, i);
		const char *attr =
			rest ? "authorization" : "authorization_type";
		const char *auth = tfs_attr_str(a, attr);
		const char *what = rest ? tfs_attr_str(a, "http_method")
		                        : tfs_attr_str(a, "route_key");
		size_t api = S_from(x, i, TFS_EDGE_PART);
		const json_t *aa = api != TFS_NONE && api < x->m->nresources
		                           ? tfs_ck_attrs(x, api)
		                           : NULL;
		bool key = false;

		if (!tfs_ck_applies(x, i))
			continue;
		if (what && (strcmp(what, "OPTIONS") == 0 ||
		             strncmp(what, "OPTIONS ", 8) == 0)) {
			tfs_ck_na(x, i,
			          "a CORS preflight (OPTIONS): browsers "
			          "send it without credentials");
			continue;
		}
		if (!rest &&
		    tfs_ck_str_eq(tfs_attr_str(aa, "protocol_type"),
		                  "WEBSOCKET") &&
		    !tfs_ck_str_eq(what, "$connect")) {
			tfs_ck_na(x, i,
			          "a WebSocket API authorizes once, on "
			          "its $connect route");
			continue;
		}
		if (S_api_private(x, api)) {
			tfs_ck_na(x, i,
			          "a private API: reachable only through "
			          "the VPC endpoints its policy allows");
			continue;
		}
		if (!auth) {
			S_absent(x, i, attr);
		} else if (strcmp(auth, "NONE") == 0) {
			tfs_attr_bool(a, "api_key_required", &key);
			tfs_ck_fail(
				x, i, attr,
				"%s%.80s%s accepts calls from anyone%s; add "
				"an authorizer, or waive a deliberately "
				"public route in tfsight.yml",
				rest ? "method " : "route \"",
				what ? what : "?", rest ? "" : "\"",
				key ? " (an API key identifies a client for "
				      "usage plans; it does not authorize)"
				    : "");
		} else {
			tfs_ck_pass(x, i, attr, "callers are authorized (%s)",
			            auth);
		}
	}
}

/* A web ACL of this state by ARN, or TFS_NONE. */
static size_t S_acl(const tfs_check_ctx *x, const char *arn)
{
	size_t it;
	return tfs_ck_first(x, "aws_wafv2_web_acl", "arn", arn, &it);
}

static void S_waf_verdict(tfs_check_ctx *x, size_t stage, const char *attr,
                          const char *acl_arn)
{
	size_t acl = S_acl(x, acl_arn);
	const json_t *rules =
		acl != TFS_NONE ? json_object_get(tfs_ck_attrs(x, acl), "rule")
				: NULL;

	if (json_is_array(rules) && json_array_size(rules) == 0)
		tfs_ck_result(x, stage, TFS_STATUS_FAIL,
		              tfs_ck_fmt(x, "%s.rule", tfs_ck_address(x, acl)),
		              "[]",
		              "web ACL %s has no rules, so it filters nothing",
		              tfs_ck_address(x, acl));
	else if (acl != TFS_NONE)
		tfs_ck_result(x, stage, TFS_STATUS_PASS, attr,
		              S_quote(x, acl_arn),
		              "the stage is protected by web ACL %s with %zu "
		              "rule%s",
		              tfs_ck_address(x, acl), json_array_size(rules),
		              json_array_size(rules) == 1 ? "" : "s");
	else
		tfs_ck_result(x, stage, TFS_STATUS_PASS, attr,
		              S_quote(x, acl_arn),
		              "the stage is protected by a web ACL managed "
		              "outside this state");
}

/* Public REST API stages in production have a web ACL: the model's WAF
 * edge (an aws_wafv2_web_acl_association naming the stage's ARN), else
 * the stage's own read-back web_acl_arn.  The rest of the rule is SEC-WAF's
 * (security_net.c), for API Gateway. */
static void S_api_waf(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_API_STAGE) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *own = tfs_attr_str(a, "web_acl_arn");
		size_t e, assoc = TFS_NONE;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!S_rest(x, i)) {
			tfs_ck_na(x, i,
			          "HTTP and WebSocket APIs cannot take a "
			          "web ACL; put CloudFront with a WAF in "
			          "front");
			continue;
		}
		if (S_api_private(x, S_from(x, i, TFS_EDGE_PART))) {
			tfs_ck_na(x, i,
			          "a private API: not reachable from the "
			          "internet");
			continue;
		}
		S_FOREACH_IN(x, e, i)
			if (x->m->edges[e].kind == TFS_EDGE_WAF) {
				assoc = e;
				break;
			}
		if (assoc != TFS_NONE) {
			size_t from = x->m->edges[assoc].from;
			const char *acl_arn =
				from < x->m->nresources
					? tfs_attr_str(tfs_ck_attrs(x, from),
			                               "arn")
					: x->m->nodes[from].address;
			const char *attr, *value;
			size_t n;

			/* "ASSOC.resource_arn = stage": show its web_acl_arn */
			S_edge_attr(x, assoc, i, &attr, &value);
			n = strlen(attr);
			if (n > 13 &&
			    strcmp(attr + n - 13, ".resource_arn") == 0)
				attr = tfs_ck_fmt(x, "%.*s.web_acl_arn",
				                  (int)(n - 13), attr);
			S_waf_verdict(x, i, attr,
			              acl_arn ? acl_arn
			                      : x->m->nodes[from].address);
		} else if (own) {
			S_waf_verdict(x, i, "web_acl_arn", own);
		} else if (S_after_apply(x, i, "arn")) {
			S_later(x, i, "arn");
		} else {
			tfs_ck_fail(x, i, "web_acl_arn",
			            "no web ACL is associated with this public "
			            "stage (aws_wafv2_web_acl_association)");
		}
	}
}

/* TLS 1.2 and newer: the classic TLS_1_2 and the enhanced policies
 * ("SecurityPolicy_TLS13_1_3_2025_09", "SecurityPolicy_TLS12_...") */
static int S_tls_policy(const char *p)
{
	if (strcmp(p, "TLS_1_2") == 0 || strstr(p, "TLS13") ||
	    strstr(p, "TLS12"))
		return 1;
	if (strcmp(p, "TLS_1_0") == 0 || strstr(p, "TLS10") ||
	    strstr(p, "TLS11"))
		return 0;
	return -1;
}

static void S_api_tls(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_API_DOMAIN) {
		bool rest = S_rest(x, i);
		const char *attr = rest ? "security_policy"
		                        : "domain_name_configuration[0]"
		                          ".security_policy";
		const json_t *v = tfs_ck_path(tfs_ck_attrs(x, i), attr);
		const char *p = json_string_value(v);
		int ok;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!p || !*p) {
			if (S_after_apply(x, i, attr))
				S_later(x, i, attr);
			else
				tfs_ck_unknown(x, i, attr,
				               "the state does not record the "
				               "domain's security policy");
			continue;
		}
		ok = S_tls_policy(p);
		if (ok > 0)
			tfs_ck_pass(x, i, attr,
			            "clients must use TLS 1.2 or newer");
		else if (ok == 0)
			tfs_ck_fail(x, i, attr,
			            "the domain still accepts TLS 1.0 and 1.1, "
			            "which have known weaknesses");
		else
			tfs_ck_unknown(
				x, i, attr,
				"%.60s is a security policy tfsight does "
				"not know",
				p);
	}
}

static void S_api_access_logs(tfs_check_ctx *x)
{
	static const char ATTR[] = "access_log_settings[0].destination_arn";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_API_STAGE) {
		const char *dest =
			tfs_attr_str(tfs_attr_block(tfs_ck_attrs(x, i),
		                                    "access_log_settings"),
		                     "destination_arn");

		if (!tfs_ck_applies(x, i))
			continue;
		if (dest)
			tfs_ck_pass(
				x, i, ATTR,
				"every request is logged to the destination");
		else if (S_after_apply(x, i, ATTR))
			S_later(x, i, ATTR);
		else if (!S_recorded(x, i, "access_log_settings"))
			tfs_ck_unknown(x, i, "access_log_settings",
			               "the state does not record "
			               "access_log_settings");
		else
			tfs_ck_fail(x, i, "access_log_settings",
			            "no access logs: who called the API, and "
			            "what it answered, cannot be traced");
	}
}

/* A limit set by API Gateway's throttle settings: a positive number (0
 * and -1 mean "not set" in the provider's read-back). */
static bool S_limit(const json_t *o, const char *key, double *out)
{
	const json_t *v = json_object_get(o, key);
	double d = json_is_number(v)   ? json_number_value(v)
	           : json_is_string(v) ? strtod(json_string_value(v), NULL)
	                               : 0;

	*out = d;
	return d > 0;
}

/* A throttle on a REST stage: an aws_api_gateway_method_settings of the
 * stage (any method path), or a usage plan over it. */
static bool S_rest_throttle(tfs_check_ctx *x, size_t stage, const char **attr,
                            const char **value)
{
	const json_t *a = tfs_ck_attrs(x, stage);
	const char *api = tfs_attr_str(a, "rest_api_id");
	const char *name = tfs_attr_str(a, "stage_name");
	size_t s, it, k;
	double rate, burst;

	TFS_CK_JOIN(x, s, it, "aws_api_gateway_method_settings", "rest_api_id",
	            api) {
		const json_t *sa = tfs_ck_attrs(x, s);
		const json_t *set = tfs_attr_block(sa, "settings");
		bool r, b;

		if (!tfs_ck_str_eq(tfs_attr_str(sa, "stage_name"), name))
			continue;
		/* settings without a limit are the evidence of a failure */
		*attr = tfs_ck_fmt(x, "%s.settings[0].throttling_rate_limit",
		                   tfs_ck_address(x, s));
		*value = tfs_ck_value(x, json_object_get(set,
		                                         "throttling_rate_limit"));
		r = S_limit(set, "throttling_rate_limit", &rate);
		b = S_limit(set, "throttling_burst_limit", &burst);
		if (r || b) {
			const char *key = r ? "throttling_rate_limit"
			                    : "throttling_burst_limit";
			*attr = tfs_ck_fmt(x, "%s.settings[0].%s",
			                   tfs_ck_address(x, s), key);
			*value = tfs_ck_value(x, json_object_get(set, key));
			return true;
		}
	}
	TFS_CK_FOREACH_TYPE(x, s, "aws_api_gateway_usage_plan") {
		const json_t *ua = tfs_ck_attrs(x, s);
		const json_t *st, *th = tfs_attr_block(ua, "throttle_settings");
		bool covers = false;

		json_array_foreach(json_object_get(ua, "api_stages"), k, st)
			if (tfs_ck_str_eq(tfs_attr_str(st, "api_id"), api) &&
			    tfs_ck_str_eq(tfs_attr_str(st, "stage"), name))
				covers = true;
		if (covers && (S_limit(th, "rate_limit", &rate) ||
		               S_limit(th, "burst_limit", &burst))) {
			*attr = tfs_ck_fmt(x,
			                   "%s.throttle_settings[0].rate_limit",
			                   tfs_ck_address(x, s));
			*value = tfs_ck_value(
				x, json_object_get(th, "rate_limit"));
			return true;
		}
	}
	return false;
}

static void S_api_throttling(tfs_check_ctx *x)
{
	static const char V2[] =
		"default_route_settings[0].throttling_rate_limit";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_API_STAGE) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *attr, *value;
		double rate, burst;

		if (!tfs_ck_applies(x, i))
			continue;
		if (S_rest(x, i)) {
			attr = NULL;
			value = NULL;
			if (S_rest_throttle(x, i, &attr, &value))
				tfs_ck_result(
					x, i, TFS_STATUS_PASS, attr, value,
					"requests above the limit are "
					"refused with 429 before they reach "
					"the backend");
			else
				tfs_ck_result(
					x, i, TFS_STATUS_FAIL,
					attr ? attr
					     : "aws_api_gateway_method_settings",
					value ? value : "(absent)",
					"no throttle on the stage (method "
					"settings or a usage plan): only the "
					"account-wide limit stands between a "
					"flood and the backend");
			continue;
		}
		{
			const json_t *d =
				tfs_attr_block(a, "default_route_settings");
			bool r = S_limit(d, "throttling_rate_limit", &rate);
			bool b = S_limit(d, "throttling_burst_limit", &burst);

			if (r || b)
				tfs_ck_pass(
					x, i,
					r ? V2
					  : "default_route_settings[0]"
					    ".throttling_burst_limit",
					"requests above the limit are refused "
					"with 429 before they reach the "
					"integrations");
			else if (S_after_apply(x, i, "default_route_settings"))
				S_later(x, i, "default_route_settings");
			else
				tfs_ck_fail(
					x, i, d ? V2 : "default_route_settings",
					"no default route throttle: only the "
					"account-wide limit stands between a "
					"flood and the integrations");
		}
	}
}

/* ---- DynamoDB ------------------------------------------------------------ */

/* A key of this input by ARN: the key, or an alias of it. */
static size_t S_kms_key(const tfs_check_ctx *x, const char *arn)
{
	size_t it, n = tfs_ck_first(x, "aws_kms_key", "arn", arn, &it);

	if (n == TFS_NONE)
		n = tfs_ck_first(x, "aws_kms_alias", "arn", arn, &it);
	if (n == TFS_NONE)
		n = tfs_ck_first(x, "aws_kms_alias", "target_key_arn", arn,
		                 &it);
	return n;
}

/* DynamoDB always encrypts at rest, which is all the seeds' line asks;
 * a customer key adds a key policy and CloudTrail record of every use
 * (hence low severity).  State records the AWS-managed key's ARN too when
 * encryption is on without a key named, so a key not in this input is
 * unknown. */
static void S_dynamodb_kms(tfs_check_ctx *x)
{
	static const char KEY[] = "server_side_encryption[0].kms_key_arn";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_DYNAMODB_TABLE) {
		const json_t *sse = tfs_attr_block(tfs_ck_attrs(x, i),
		                                   "server_side_encryption");
		const char *arn = tfs_attr_str(sse, "kms_key_arn");
		bool on = false;
		size_t k;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!S_recorded(x, i, "server_side_encryption")) {
			if (S_after_apply(x, i, "server_side_encryption"))
				S_later(x, i, "server_side_encryption");
			else
				tfs_ck_unknown(x, i, "server_side_encryption",
				               "the state does not record "
				               "server_side_encryption");
			continue;
		}
		tfs_attr_bool(sse, "enabled", &on);
		if (!on) {
			tfs_ck_fail(
				x, i,
				sse ? "server_side_encryption[0].enabled"
				    : "server_side_encryption",
				"encrypted only with an AWS-owned key, whose "
				"use no key policy limits and no CloudTrail "
				"event records");
		} else if (!arn) {
			if (S_after_apply(x, i, KEY))
				S_later(x, i, KEY);
			else
				tfs_ck_fail(
					x, i, KEY,
					"encrypted with the AWS-managed key "
					"aws/dynamodb, whose key policy cannot "
					"be limited; name a customer key");
		} else if (strstr(arn, ":alias/aws/")) {
			tfs_ck_fail(
				x, i, KEY,
				"encrypted with an AWS-managed key, whose key "
				"policy cannot be limited; name a customer "
				"key");
		} else if ((k = S_kms_key(x, arn)) != TFS_NONE) {
			tfs_ck_pass(x, i, KEY,
			            "encrypted with the customer key %s",
			            tfs_ck_address(x, k));
		} else if (S_after_apply(x, i, KEY)) {
			tfs_ck_pass(x, i, KEY,
			            "encrypted with a customer key this plan "
			            "creates");
		} else {
			tfs_ck_unknown(
				x, i, KEY,
				"the key is not in this input: a customer "
				"key of another state, or the AWS-managed "
				"aws/dynamodb key (state records either as "
				"a key ARN)");
		}
	}
}

static void S_dynamodb_pitr(tfs_check_ctx *x)
{
	static const char ATTR[] = "point_in_time_recovery[0].enabled";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_DYNAMODB_TABLE) {
		const json_t *p = tfs_attr_block(tfs_ck_attrs(x, i),
		                                 "point_in_time_recovery");
		bool on = false;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!S_recorded(x, i, "point_in_time_recovery")) {
			if (S_after_apply(x, i, "point_in_time_recovery"))
				S_later(x, i, "point_in_time_recovery");
			else
				tfs_ck_unknown(x, i, "point_in_time_recovery",
				               "the state does not record "
				               "point_in_time_recovery");
		} else if (tfs_attr_bool(p, "enabled", &on) && on) {
			tfs_ck_pass(
				x, i, ATTR,
				"the table can be restored to any second of "
				"the last 35 days");
		} else {
			tfs_ck_fail(x, i, p ? ATTR : "point_in_time_recovery",
			            "no point-in-time recovery: a bad write or "
			            "delete cannot be rolled back");
		}
	}
}

static void S_dynamodb_protect(tfs_check_ctx *x)
{
	static const char ATTR[] = "deletion_protection_enabled";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_DYNAMODB_TABLE) {
		bool on;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!tfs_attr_bool(tfs_ck_attrs(x, i), ATTR, &on)) {
			S_absent(x, i, ATTR);
		} else if (on) {
			tfs_ck_pass(x, i, ATTR,
			            "the table cannot be deleted until the "
			            "protection is turned off");
		} else {
			tfs_ck_fail(x, i, ATTR,
			            "a destroy or a stray delete removes the "
			            "table and its data at once");
		}
	}
}

/* The aws_appautoscaling_target of one dimension of a table, and whether
 * a policy drives it. */
static size_t S_table_target(tfs_check_ctx *x, const char *rid, const char *dim,
                             bool *policy)
{
	size_t t, p, it, found = TFS_NONE;

	*policy = false;
	TFS_CK_JOIN(x, t, it, "aws_appautoscaling_target", "resource_id", rid)
		if (tfs_ck_str_eq(tfs_attr_str(tfs_ck_attrs(x, t),
		                               "scalable_dimension"),
		                  dim)) {
			found = t;
			break;
		}
	if (found == TFS_NONE)
		return TFS_NONE;
	TFS_CK_JOIN(x, p, it, "aws_appautoscaling_policy", "resource_id", rid)
		if (tfs_ck_str_eq(tfs_attr_str(tfs_ck_attrs(x, p),
		                               "scalable_dimension"),
		                  dim))
			*policy = true;
	return found;
}

static void S_dynamodb_autoscaling(tfs_check_ctx *x)
{
	static const char *const DIMS[2] = {
		"dynamodb:table:ReadCapacityUnits",
		"dynamodb:table:WriteCapacityUnits",
	};
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_DYNAMODB_TABLE) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *mode = tfs_attr_str(a, "billing_mode");
		const char *name = tfs_attr_str(a, "name"), *rid;
		S_names missing;
		size_t d, t[2];
		bool policy[2];

		if (!tfs_ck_applies(x, i))
			continue;
		if (tfs_ck_str_eq(mode, "PAY_PER_REQUEST")) {
			tfs_ck_pass(
				x, i, "billing_mode",
				"on-demand: capacity follows the traffic and "
				"idle hours cost nothing");
			continue;
		}
		if (!mode || !name) {
			const char *what = mode ? "name" : "billing_mode";
			S_absent(x, i, what);
			continue;
		}
		rid = tfs_ck_fmt(x, "table/%s", name);
		S_names_init(&missing);
		for (d = 0; d < 2; d++) {
			t[d] = S_table_target(x, rid, DIMS[d], &policy[d]);
			if (t[d] == TFS_NONE)
				S_names_add(&missing,
				            d ? "write (no scaling target)"
				              : "read (no scaling target)");
			else if (!policy[d])
				S_names_add(&missing, d ? "write (no policy)"
				                        : "read (no policy)");
		}
		if (!missing.n) {
			S_names_done(x, &missing);
			tfs_ck_result(
				x, i, TFS_STATUS_PASS,
				tfs_ck_fmt(x, "%s.resource_id",
			                   tfs_ck_address(x, t[0])),
				S_quote(x, rid),
				"provisioned read and write capacity scale "
				"with the traffic");
		} else {
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL, "billing_mode",
				S_quote(x, mode),
				"provisioned capacity that does not scale: "
				"%s for %s; you pay the peak at every hour, "
				"or throttle above it",
				S_names_done(x, &missing), rid);
		}
	}
}

/* ---- SNS and SQS --------------------------------------------------------- */

static void S_msg_encryption(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		tfs_kind k = x->m->nodes[i].kind;
		const json_t *a;
		const char *kms;
		bool sse;

		if (k != TFS_KIND_SNS_TOPIC && k != TFS_KIND_SQS_QUEUE)
			continue;
		if (!tfs_ck_applies(x, i))
			continue;
		a = tfs_ck_attrs(x, i);
		kms = tfs_attr_str(a, "kms_master_key_id");
		if (kms) {
			tfs_ck_pass(x, i, "kms_master_key_id",
			            "messages are encrypted at rest with a KMS "
			            "key");
		} else if (S_after_apply(x, i, "kms_master_key_id")) {
			S_later(x, i, "kms_master_key_id");
		} else if (k == TFS_KIND_SQS_QUEUE &&
		           tfs_attr_bool(a, "sqs_managed_sse_enabled", &sse)) {
			if (sse)
				tfs_ck_pass(
					x, i, "sqs_managed_sse_enabled",
					"messages are encrypted at rest with "
					"SQS-managed keys (SSE-SQS)");
			else
				tfs_ck_fail(x, i, "sqs_managed_sse_enabled",
				            "messages wait in the queue "
				            "unencrypted: set a KMS key or "
				            "SSE-SQS");
		} else if (k == TFS_KIND_SQS_QUEUE ||
		           !S_recorded(x, i, "kms_master_key_id")) {
			tfs_ck_unknown(
				x, i, "kms_master_key_id",
				"the state records neither a KMS key nor "
				"the managed encryption setting");
		} else {
			tfs_ck_fail(x, i, "kms_master_key_id",
			            "messages are stored unencrypted until "
			            "delivered: set a KMS key");
		}
	}
}

/* Condition keys that pin down who may call (the caller's account,
 * organization, source resource or network); a condition on anything
 * else (aws:SecureTransport) still lets everyone in. */
static bool S_scoping_key(const char *key)
{
	static const char *const KEYS[] = {
		"aws:SourceArn",
		"aws:SourceAccount",
		"aws:SourceOwner",
		"aws:SourceOrgID",
		"aws:SourceOrgPaths",
		"aws:PrincipalOrgID",
		"aws:PrincipalOrgPaths",
		"aws:PrincipalAccount",
		"aws:PrincipalArn",
		"aws:PrincipalServiceName",
		"aws:SourceVpc",
		"aws:SourceVpce",
		"aws:SourceIp",
		"aws:VpcSourceIp",
		"aws:userid",
		"aws:username",
	};
	size_t k;

	for (k = 0; k < sizeof(KEYS) / sizeof(*KEYS); k++)
		if (strcasecmp(key, KEYS[k]) == 0)
			return true;
	return false;
}

/* Whether a statement's Condition names the caller. */
static bool S_scoped(const json_t *cond)
{
	const char *op, *key;
	const json_t *keys, *v;

	json_object_foreach((json_t *)(uintptr_t)cond, op, keys) {
		json_object_foreach((json_t *)(uintptr_t)keys, key, v) {
			(void)v;
			if (S_scoping_key(key))
				return true;
		}
	}
	return false;
}

static bool S_star(const json_t *v)
{
	size_t k;

	if (json_is_string(v))
		return strcmp(json_string_value(v), "*") == 0;
	for (k = 0; k < json_array_size(v); k++)
		if (S_star(json_array_get(v, k)))
			return true;
	return false;
}

/* "*", {"AWS": "*"}, {"AWS": ["*", ...]} */
static bool S_everyone(const json_t *p)
{
	return json_is_string(p) ? S_star(p)
	                         : S_star(json_object_get(p, "AWS"));
}

/* The first statement of a policy that lets anyone in; its path in
 * *where.  -1 when the document is not a policy. */
static int S_public_statement(tfs_check_ctx *x, const json_t *doc,
                              const char *prefix, const char **where,
                              const char **value, const char **why)
{
	const json_t *sts = json_object_get(doc, "Statement"), *st;
	size_t k, n;

	if (!json_is_object(sts) && !json_is_array(sts))
		return -1;
	n = json_is_array(sts) ? json_array_size(sts) : 1;
	for (k = 0; k < n; k++) {
		const json_t *cond, *p;
		const char *path;

		st = json_is_array(sts) ? json_array_get(sts, k) : sts;
		if (!tfs_ck_str_eq(tfs_attr_str(st, "Effect"), "Allow"))
			continue;
		path = json_is_array(sts)
		               ? tfs_ck_fmt(x, "%s.Statement[%zu]", prefix, k)
		               : tfs_ck_fmt(x, "%s.Statement", prefix);
		cond = json_object_get(st, "Condition");
		if ((p = json_object_get(st, "NotPrincipal")) != NULL) {
			*where = tfs_ck_fmt(x, "%s.NotPrincipal", path);
			*value = tfs_ck_value(x, p);
			*why = "allows everyone but the principals it lists "
			       "(NotPrincipal)";
			return 1;
		}
		p = json_object_get(st, "Principal");
		if (!S_everyone(p) || S_scoped(cond))
			continue;
		*where = tfs_ck_fmt(x, "%s.Principal", path);
		*value = tfs_ck_value(x, p);
		*why = json_object_size(cond)
		               ? "allows any principal, with a Condition that "
		                 "does not name the caller (source account, "
		                 "ARN, organization or network)"
		               : "allows any principal, with no Condition";
		return 1;
	}
	return 0;
}

/* The node whose `policy` governs a topic or queue: a separate policy
 * resource when there is one (it replaces the inline attribute), else the
 * topic or queue itself. */
static size_t S_policy_source(tfs_check_ctx *x, size_t i)
{
	const json_t *a = tfs_ck_attrs(x, i);
	size_t p, it;

	if (x->m->nodes[i].kind == TFS_KIND_SNS_TOPIC)
		p = tfs_ck_first(x, "aws_sns_topic_policy", "arn",
		                 tfs_attr_str(a, "arn"), &it);
	else if ((p = tfs_ck_first(x, "aws_sqs_queue_policy", "queue_url",
	                           tfs_attr_str(a, "url"), &it)) == TFS_NONE)
		p = tfs_ck_first(x, "aws_sqs_queue_policy", "queue_url",
		                 tfs_attr_str(a, "id"), &it);
	return p != TFS_NONE ? p : i;
}

static void S_msg_public_policy(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		tfs_kind k = x->m->nodes[i].kind;
		size_t src;
		const char *prefix, *where, *value, *why;
		json_t *doc;
		int r;

		if (k != TFS_KIND_SNS_TOPIC && k != TFS_KIND_SQS_QUEUE)
			continue;
		if (!tfs_ck_applies(x, i))
			continue;
		src = S_policy_source(x, i);
		prefix = src == i ? "policy"
		                  : tfs_ck_fmt(x, "%s.policy",
		                               tfs_ck_address(x, src));
		if (!tfs_attr_str(tfs_ck_attrs(x, src), "policy")) {
			if (S_after_apply(x, src, "policy"))
				S_later(x, i, prefix);
			else
				tfs_ck_result(
					x, i, TFS_STATUS_PASS, prefix,
					"(absent)",
					"no access policy: only the owning "
					"account can use it");
			continue;
		}
		doc = tfs_ck_json_attr(x, src, "policy");
		r = doc ? S_public_statement(x, doc, prefix, &where, &value,
		                             &why)
		        : -1;
		if (r < 0)
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN, prefix,
				tfs_ck_value(
					x, json_object_get(tfs_ck_attrs(x, src),
			                                   "policy")),
				"the policy cannot be read as a policy "
				"document");
		else if (r > 0)
			tfs_ck_result(
				x, i, TFS_STATUS_FAIL, where, value,
				"a statement %s: anyone with an AWS account "
				"can use the %s",
				why,
				k == TFS_KIND_SNS_TOPIC ? "topic" : "queue");
		else
			tfs_ck_result(
				x, i, TFS_STATUS_PASS,
				tfs_ck_fmt(x, "%s.Statement", prefix),
				tfs_ck_value(x,
			                     json_object_get(doc, "Statement")),
				"no statement allows everyone without a "
				"condition naming the caller");
		json_decref(doc);
	}
}

/* Queues a Lambda function reads (an event source mapping) keep messages
 * that keep failing: the model's ON_FAILURE edge from the queue (its
 * redrive_policy, or an aws_sqs_queue_redrive_policy). */
static void S_sqs_dlq(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_SQS_QUEUE) {
		size_t e, reader = TFS_NONE, dlq = TFS_NONE;
		const char *attr, *value;

		if (!tfs_ck_applies(x, i))
			continue;
		S_FOREACH_OUT(x, e, i) {
			tfs_edge_kind k = x->m->edges[e].kind;
			if (k == TFS_EDGE_EVENT_SOURCE && reader == TFS_NONE)
				reader = x->m->edges[e].to;
			if (k == TFS_EDGE_ON_FAILURE && dlq == TFS_NONE)
				dlq = e;
		}
		if (reader == TFS_NONE) {
			tfs_ck_na(x, i,
			          "no Lambda function in this input reads "
			          "the queue");
		} else if (dlq != TFS_NONE) {
			S_edge_attr(x, dlq, i, &attr, &value);
			tfs_ck_result(x, i, TFS_STATUS_PASS, attr, value,
			              "messages %s cannot process are moved to "
			              "%s",
			              x->m->nodes[reader].address,
			              x->m->nodes[x->m->edges[dlq].to].address);
		} else if (S_after_apply(x, i, "redrive_policy")) {
			S_later(x, i, "redrive_policy");
		} else {
			tfs_ck_fail(
				x, i, "redrive_policy",
				"%s reads the queue, with no dead-letter "
				"queue: a message that always fails is retried "
				"until it expires, blocking its batch",
				x->m->nodes[reader].address);
		}
	}
}

/* ---- Cognito ------------------------------------------------------------- */

static void S_cognito_mfa(tfs_check_ctx *x)
{
	static const char ATTR[] = "mfa_configuration";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_COGNITO_USER_POOL) {
		const char *m = tfs_attr_str(tfs_ck_attrs(x, i), ATTR);

		if (!tfs_ck_applies(x, i))
			continue;
		if (!m) {
			S_absent(x, i, ATTR);
		} else if (strcmp(m, "ON") == 0) {
			tfs_ck_pass(x, i, ATTR,
			            "every user signs in with a second factor");
		} else if (strcmp(m, "OPTIONAL") == 0) {
			tfs_ck_pass(x, i, ATTR,
			            "users can turn on a second factor (not "
			            "required of all)");
		} else {
			tfs_ck_fail(x, i, ATTR,
			            "no second factor: a leaked or guessed "
			            "password is enough to sign in");
		}
	}
}

/* At least 8 characters, and at least three of the four character classes
 * unless the policy asks for a passphrase (14 and more), as NIST SP
 * 800-63B prefers length to composition. */
static void S_cognito_password(tfs_check_ctx *x)
{
	static const char *const CLASSES[4] = {
		"require_lowercase",
		"require_uppercase",
		"require_numbers",
		"require_symbols",
	};
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_COGNITO_USER_POOL) {
		const json_t *pp =
			json_object_get(tfs_ck_attrs(x, i), "password_policy");
		const json_t *p =
			tfs_attr_block(tfs_ck_attrs(x, i), "password_policy");
		long long len;
		int c, classes = 0;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!pp) {
			if (S_after_apply(x, i, "password_policy"))
				S_later(x, i, "password_policy");
			else
				tfs_ck_unknown(x, i, "password_policy",
				               "the state does not record "
				               "password_policy");
			continue;
		}
		if (!p) {
			tfs_ck_pass(
				x, i, "password_policy",
				"Cognito's default policy applies: 8 "
				"characters with all four character classes");
			continue;
		}
		if (!tfs_attr_int(p, "minimum_length", &len)) {
			tfs_ck_unknown(x, i,
			               "password_policy[0].minimum_length",
			               "the policy does not record "
			               "minimum_length");
			continue;
		}
		for (c = 0; c < 4; c++) {
			bool on = false;
			tfs_attr_bool(p, CLASSES[c], &on);
			classes += on;
		}
		if (len < 8)
			tfs_ck_fail(x, i, "password_policy[0].minimum_length",
			            "passwords of %lld characters are allowed, "
			            "fewer than 8",
			            len);
		else if (classes < 3 && len < 14)
			tfs_ck_fail(
				x, i, "password_policy[0].minimum_length",
				"%lld characters with only %d of the four "
				"character classes required: require three, "
				"or at least 14 characters",
				len, classes);
		else
			tfs_ck_pass(x, i, "password_policy[0].minimum_length",
			            "at least %lld characters, %d of the four "
			            "character classes required",
			            len, classes);
	}
}

/* Threat protection (advanced security): AUDIT records risky sign-ins,
 * ENFORCED also blocks them.  It is switched on by advanced_security_mode;
 * the Plus tier only makes it available. */
static void S_cognito_threat(tfs_check_ctx *x)
{
	static const char ATTR[] =
		"user_pool_add_ons[0].advanced_security_mode";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_COGNITO_USER_POOL) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *mode =
			tfs_attr_str(tfs_attr_block(a, "user_pool_add_ons"),
		                     "advanced_security_mode");
		const char *tier = tfs_attr_str(a, "user_pool_tier");

		if (!tfs_ck_applies(x, i))
			continue;
		if (tfs_ck_str_eq(mode, "ENFORCED"))
			tfs_ck_pass(
				x, i, ATTR,
				"risky sign-ins and compromised credentials "
				"are detected and blocked");
		else if (tfs_ck_str_eq(mode, "AUDIT"))
			tfs_ck_pass(
				x, i, ATTR,
				"risky sign-ins are detected and logged (audit "
				"mode: not blocked)");
		else if (!mode && S_after_apply(x, i, "user_pool_add_ons"))
			S_later(x, i, "user_pool_add_ons");
		else if (!mode && !S_recorded(x, i, "user_pool_add_ons"))
			tfs_ck_unknown(x, i, "user_pool_add_ons",
			               "the state does not record "
			               "user_pool_add_ons");
		else
			tfs_ck_fail(
				x, i, mode ? ATTR : "user_pool_add_ons",
				"threat protection is off%s: credential "
				"stuffing and sign-ins from unusual places go "
				"unnoticed",
				tfs_ck_str_eq(tier, "PLUS")
					? " although the Plus tier includes it"
					: "");
	}
}

static void S_cognito_protect(tfs_check_ctx *x)
{
	static const char ATTR[] = "deletion_protection";
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_COGNITO_USER_POOL) {
		const char *p = tfs_attr_str(tfs_ck_attrs(x, i), ATTR);

		if (!tfs_ck_applies(x, i))
			continue;
		if (!p) {
			S_absent(x, i, ATTR);
		} else if (strcmp(p, "ACTIVE") == 0) {
			tfs_ck_pass(x, i, ATTR,
			            "the pool cannot be deleted until the "
			            "protection is turned off");
		} else {
			tfs_ck_fail(x, i, ATTR,
			            "a destroy deletes the pool and every user "
			            "account in it, which no backup restores");
		}
	}
}

/* ---- the tables ---------------------------------------------------------- */

const tfs_check_def tfs_checks_serverless_security[] = {
	{"SEC-LAMBDA-RUNTIME", "Lambda functions run on a supported runtime",
         TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
         "Schedule infrastructure upgrades during maintenance windows",
         "house rule (seeds 002: aws-lambda); Security Hub Lambda.2; Checkov "
         "CKV_AWS_363; TFLint aws_lambda_function_deprecated_runtime",
         "Set `runtime` of `aws_lambda_function` to a supported version "
         "(python3.13, nodejs22.x, java21, provided.al2023, ...) and test the "
         "function on it.",
         S_lambda_runtime, NULL},
	{"SEC-LAMBDA-ENV-SECRETS",
         "No secrets in plain Lambda environment variables",
         TFS_CHECKCAT_SECURITY, TFS_SEV_CRITICAL, TFS_SCOPE_ALL, S_SEED_SECRETS,
         "Checkov CKV_AWS_45; house rule (seeds 002: aws-lambda, "
         "aws-secrets-manager)",
         "Keep the value in an `aws_secretsmanager_secret` or an SSM "
         "`SecureString` parameter and put only its name or ARN in "
         "`environment.variables` of `aws_lambda_function`; read it at start "
         "(the Parameters and Secrets Lambda extension caches it).",
         S_lambda_env_secrets, NULL},
	{"SEC-LAMBDA-URL-AUTH", "Lambda function URLs require IAM auth",
         TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_OWASP,
         "Checkov CKV_AWS_258; house rule (seeds 002: aws-lambda)",
         "Set `authorization_type = \"AWS_IAM\"` on `aws_lambda_function_url`, "
         "or front the function with API Gateway and an authorizer.",
         S_lambda_url_auth, NULL},
	{"SEC-API-AUTH", "API routes and methods require authorization",
         TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_OWASP,
         "Security Hub APIGateway.8; Checkov CKV_AWS_59, CKV_AWS_309; Trivy "
         "AVD-AWS-0004",
         "Set `authorization_type` (`JWT`, `AWS_IAM`, `CUSTOM`) with an "
         "`authorizer_id` on `aws_apigatewayv2_route`, or `authorization` "
         "(`COGNITO_USER_POOLS`, `CUSTOM`, `AWS_IAM`) on "
         "`aws_api_gateway_method`; waive a deliberately public route in "
         "tfsight.yml `checks.waivers`.",
         S_api_auth, NULL},
	{"SEC-API-WAF", "Public REST API stages have a WAF in production",
         TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_PROD,
         "Implement Web Application Firewall (WAF) rules on ALB",
         "Security Hub APIGateway.4; Checkov CKV2_AWS_29; the SEC-WAF rule "
         "for API Gateway",
         "Associate a REGIONAL `aws_wafv2_web_acl` with the stage through "
         "`aws_wafv2_web_acl_association` (`resource_arn` = "
         "`aws_api_gateway_stage.arn`), with `rule` blocks (AWS managed rule "
         "groups).",
         S_api_waf, NULL},
	{"SEC-API-TLS", "API custom domains require TLS 1.2",
         TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
         "Use TLS 1.2 or higher (disable older versions)",
         "Checkov CKV_AWS_206; Trivy AVD-AWS-0005",
         "Set `domain_name_configuration.security_policy = \"TLS_1_2\"` on "
         "`aws_apigatewayv2_domain_name`, or `security_policy = \"TLS_1_2\"` "
         "on `aws_api_gateway_domain_name`.",
         S_api_tls, NULL},
	{"SEC-DYNAMODB-KMS", "DynamoDB tables use a customer KMS key",
         TFS_CHECKCAT_SECURITY, TFS_SEV_LOW, TFS_SCOPE_ALL, S_SEED_AT_REST,
         "Checkov CKV_AWS_119; Trivy AVD-AWS-0025",
         "Set `server_side_encryption { enabled = true, kms_key_arn = "
         "aws_kms_key.x.arn }` on `aws_dynamodb_table`.",
         S_dynamodb_kms, NULL},
	{"SEC-MSG-ENCRYPTION",
         "SNS topics and SQS queues are encrypted at rest",
         TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_AT_REST,
         "Security Hub SNS.1, SQS.1; Checkov CKV_AWS_26, CKV_AWS_27; Trivy "
         "AVD-AWS-0095, AVD-AWS-0096",
         "Set `kms_master_key_id` on `aws_sns_topic`, and "
         "`sqs_managed_sse_enabled = true` or `kms_master_key_id` on "
         "`aws_sqs_queue`.",
         S_msg_encryption, NULL},
	{"SEC-MSG-PUBLIC-POLICY", "SNS and SQS policies do not allow everyone",
         TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL,
         "IAM policies follow least privilege",
         "Checkov CKV_AWS_169, CKV_AWS_168; AWS Config "
         "sns-topic-no-public-access; KICS "
         "b26d2b7e-60f6-413d-a3a1-a57db24aa2b3",
         "Name the principals in the `policy` of `aws_sns_topic_policy` / "
         "`aws_sqs_queue_policy` (or the topic's or queue's `policy`), or add "
         "a `Condition` on `aws:SourceArn`, `aws:SourceAccount` or "
         "`aws:PrincipalOrgID` to a `Principal \"*\"` statement.",
         S_msg_public_policy, NULL},
	{"SEC-COGNITO-MFA", "Cognito user pools offer or require MFA",
         TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
         "MFA enabled for production access",
         "KICS ec28bf61-a474-4dbe-b414-6dd3a067d6f0; house rule (seeds 002: "
         "aws-cognito)",
         "Set `mfa_configuration = \"ON\"` (or `\"OPTIONAL\"`) with "
         "`software_token_mfa_configuration { enabled = true }` on "
         "`aws_cognito_user_pool`.",
         S_cognito_mfa, NULL},
	{"SEC-COGNITO-PASSWORD", "Cognito password policies are strong",
         TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_OWASP,
         "house rule (seeds 002: aws-cognito); NIST SP 800-63B 5.1.1; "
         "Well-Architected SEC02-BP01",
         "Set `password_policy { minimum_length = 8 (or more), "
         "require_lowercase, require_uppercase, require_numbers, "
         "require_symbols }` on `aws_cognito_user_pool` (three classes, or at "
         "least 14 characters).",
         S_cognito_password, NULL},
	{"SEC-COGNITO-THREAT", "Cognito threat protection is on in production",
         TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_PROD, S_SEED_OWASP,
         "Security Hub Cognito.1; house rule (seeds 002: aws-cognito)",
         "Set `user_pool_add_ons { advanced_security_mode = \"ENFORCED\" }` "
         "(or `\"AUDIT\"`) on `aws_cognito_user_pool` (`user_pool_tier = "
         "\"PLUS\"`).",
         S_cognito_threat, NULL},
};
const size_t tfs_checks_serverless_security_count =
	sizeof(tfs_checks_serverless_security) /
	sizeof(tfs_checks_serverless_security[0]);

const tfs_check_def tfs_checks_serverless_monitoring[] = {
	{"MON-LAMBDA-LOGS", "Lambda functions log to a group with a retention",
         TFS_CHECKCAT_MONITORING, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
         "Set log retention periods to balance cost and compliance",
         "Checkov CKV_AWS_66, CKV_AWS_338; Security Hub CloudWatch.16; house "
         "rule (seeds 002: aws-lambda, observability and logging)",
         "Add an `aws_cloudwatch_log_group` named "
         "`/aws/lambda/<function_name>` "
         "(or the one `logging_config.log_group` names) with "
         "`retention_in_days` of at least checks.thresholds."
         "log_retention_min_days.",
         S_lambda_logs, NULL},
	{"MON-LAMBDA-XRAY", "Production Lambda functions trace with X-Ray",
         TFS_CHECKCAT_MONITORING, TFS_SEV_LOW, TFS_SCOPE_PROD,
         "Use AWS X-Ray for distributed tracing (optional)",
         "Checkov CKV_AWS_50; Trivy AVD-AWS-0066; KICS "
         "8152e0cf-d2f0-47ad-96d5-d003a76eabd1",
         "Set `tracing_config { mode = \"Active\" }` on `aws_lambda_function` "
         "(the role needs `xray:PutTraceSegments`).",
         S_lambda_xray, NULL},
	{"MON-API-ACCESS-LOGS", "API Gateway stages write access logs",
         TFS_CHECKCAT_MONITORING, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_LOGS,
         "Security Hub APIGateway.1, APIGateway.9; Checkov CKV_AWS_76, "
         "CKV_AWS_95; Trivy AVD-AWS-0001",
         "Set `access_log_settings { destination_arn = "
         "aws_cloudwatch_log_group.x.arn, format = ... }` on "
         "`aws_apigatewayv2_stage` / `aws_api_gateway_stage`.",
         S_api_access_logs, NULL},
};
const size_t tfs_checks_serverless_monitoring_count =
	sizeof(tfs_checks_serverless_monitoring) /
	sizeof(tfs_checks_serverless_monitoring[0]);

const tfs_check_def tfs_checks_serverless_ha[] = {
	{"HA-LAMBDA-DLQ", "Asynchronously invoked functions keep failed events",
         TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_FAILURE,
         "Checkov CKV_AWS_116; house rule (seeds 002: aws-lambda, aws-sns)",
         "Set `dead_letter_config { target_arn = aws_sqs_queue.dlq.arn }` on "
         "`aws_lambda_function`, or an "
         "`aws_lambda_function_event_invoke_config` "
         "with `destination_config { on_failure { destination = ... } }`.",
         S_lambda_dlq, NULL},
	{"HA-LAMBDA-CONCURRENCY",
         "Functions behind a public API have reserved concurrency",
         TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_FAILURE,
         "Checkov CKV_AWS_115; Well-Architected REL05-BP02",
         "Set `reserved_concurrent_executions` on `aws_lambda_function` to the "
         "most the function and what it calls can take.",
         S_lambda_concurrency, NULL},
	{"HA-LAMBDA-MULTIAZ",
         "VPC functions span two or more AZs in production", TFS_CHECKCAT_HA,
         TFS_SEV_MEDIUM, TFS_SCOPE_PROD, S_SEED_MULTIAZ,
         "Security Hub Lambda.5; Well-Architected REL10-BP01",
         "List private subnets of at least two AZs in "
         "`vpc_config.subnet_ids` of `aws_lambda_function`.",
         S_lambda_multi_az, NULL},
	{"HA-API-THROTTLING", "API Gateway stages throttle requests",
         TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_FAILURE,
         "Well-Architected REL05-BP02",
         "Set `default_route_settings { throttling_rate_limit, "
         "throttling_burst_limit }` on `aws_apigatewayv2_stage`; for REST, an "
         "`aws_api_gateway_method_settings` (`method_path = \"*/*\"`, "
         "`settings { throttling_rate_limit, throttling_burst_limit }`) or an "
         "`aws_api_gateway_usage_plan` with `throttle_settings`.",
         S_api_throttling, NULL},
	{"HA-SQS-DLQ", "Queues that feed Lambda have a dead-letter queue",
         TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_FAILURE,
         "house rule (seeds 002: aws-lambda); Well-Architected REL05-BP04",
         "Set `redrive_policy = jsonencode({ deadLetterTargetArn = "
         "aws_sqs_queue.dlq.arn, maxReceiveCount = 5 })` on `aws_sqs_queue` "
         "(or an `aws_sqs_queue_redrive_policy`).",
         S_sqs_dlq, NULL},
	{"HA-DR-DYNAMODB-PITR", "Production tables have point-in-time recovery",
         TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_PROD, S_SEED_BACKUPS,
         "Security Hub DynamoDB.2; Checkov CKV_AWS_28; Trivy AVD-AWS-0024",
         "Set `point_in_time_recovery { enabled = true }` on "
         "`aws_dynamodb_table`.",
         S_dynamodb_pitr, NULL},
	{"HA-DR-DYNAMODB-PROTECT", "Production tables have deletion protection",
         TFS_CHECKCAT_HA, TFS_SEV_MEDIUM, TFS_SCOPE_PROD, S_SEED_FAILURE,
         "Security Hub DynamoDB.6; house rule (seeds 002: aws-dynamodb)",
         "Set `deletion_protection_enabled = true` on `aws_dynamodb_table`.",
         S_dynamodb_protect, NULL},
	{"HA-DR-COGNITO-PROTECT",
         "Production user pools have deletion protection", TFS_CHECKCAT_HA,
         TFS_SEV_MEDIUM, TFS_SCOPE_PROD, S_SEED_FAILURE,
         "AWS Config cognito-user-pool-deletion-protection-enabled; house rule "
         "(seeds 002: aws-cognito)",
         "Set `deletion_protection = \"ACTIVE\"` on `aws_cognito_user_pool`.",
         S_cognito_protect, NULL},
};
const size_t tfs_checks_serverless_ha_count =
	sizeof(tfs_checks_serverless_ha) / sizeof(tfs_checks_serverless_ha[0]);

const tfs_check_def tfs_checks_serverless_cost[] = {
	{"COST-DYNAMODB-AUTOSCALING", "Provisioned DynamoDB tables autoscale",
         TFS_CHECKCAT_COST, TFS_SEV_LOW, TFS_SCOPE_ALL,
         "Auto-scaling to match demand",
         "Security Hub DynamoDB.1; Well-Architected COST09-BP03",
         "Set `billing_mode = \"PAY_PER_REQUEST\"` on `aws_dynamodb_table`, or "
         "add `aws_appautoscaling_target`s (`resource_id = \"table/<name>\"`, "
         "`scalable_dimension` `dynamodb:table:ReadCapacityUnits` and "
         "`WriteCapacityUnits`) with a `TargetTrackingScaling` "
         "`aws_appautoscaling_policy` each.",
         S_dynamodb_autoscaling, NULL},
};
const size_t tfs_checks_serverless_cost_count =
	sizeof(tfs_checks_serverless_cost) /
	sizeof(tfs_checks_serverless_cost[0]);
