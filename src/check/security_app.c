/* security_app.c - the seeds' Security checklist for identity, workloads,
 * secrets and audit: IAM least privilege, container hardening, ECR, secret
 * rotation, encryption of logs and volumes, CloudTrail, GuardDuty, MFA. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/check_int.h"

/* ---- small helpers ------------------------------------------------------- */

/* A boolean inside a JSON document (container definitions), also when
 * written as a string; false when absent or of another type. */
static bool S_json_bool(const json_t *v, bool *out)
{
	if (json_is_boolean(v)) {
		*out = json_is_true(v);
		return true;
	}
	if (json_is_string(v)) {
		if (strcasecmp(json_string_value(v), "true") == 0)
			return *out = true, true;
		if (strcasecmp(json_string_value(v), "false") == 0)
			return *out = false, true;
	}
	return false;
}

static bool S_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The AWS-managed AdministratorAccess policy, in any partition. */
static bool S_is_admin_arn(const char *arn)
{
	return arn && S_ends_with(arn, ":iam::aws:policy/AdministratorAccess");
}

/* ---- container definitions --------------------------------------------------
 * One finding per task definition; the evidence names the container:
 * "container_definitions[api].readonlyRootFilesystem".  S_agg keeps the
 * worst container result and the containers that share it. */

/* Evidence lists at most this many names ("a, b, c and 4 more"), so a
 * hostile document cannot make the report grow without bound. */
enum { S_MAX_VALUES = 6, S_MAX_NAMES = 8 };

/* Appends a name to a list of n names so far (n counts those left out). */
static const char *S_list_add(tfs_check_ctx *x, const char *list, size_t n,
                              const char *name)
{
	if (n == 0)
		return name;
	return n < S_MAX_NAMES ? tfs_ck_fmt(x, "%s, %s", list, name) : list;
}

/* The list for a message: "a, b" or "a, b ... and 3 more". */
static const char *S_list_text(tfs_check_ctx *x, const char *list, size_t n)
{
	return n > S_MAX_NAMES
	               ? tfs_ck_fmt(x, "%s and %zu more", list, n - S_MAX_NAMES)
	               : list;
}

typedef struct {
	tfs_status st;        /* worst so far: fail, unknown, pass */
	bool any;
	const char *attr;     /* the first container at st */
	const char *value;
	const char *names;    /* "api, web": the containers at st */
	size_t n;             /* how many containers are at st */
	size_t total;
	const char *key;      /* "readonlyRootFilesystem" */
	const char *values[S_MAX_VALUES]; /* distinct values, for a pass */
	size_t nvalues;
} S_agg;

static int S_rank(tfs_status s)
{
	switch (s) {
	case TFS_STATUS_FAIL:
		return 3;
	case TFS_STATUS_UNKNOWN:
		return 2;
	case TFS_STATUS_PASS:
		return 1;
	case TFS_STATUS_NA:
	case TFS_STATUS_UNDECIDABLE:
		return 0;
	}
	return 0;
}

static void S_agg_init(S_agg *g, const char *key)
{
	memset(g, 0, sizeof(*g));
	g->st = TFS_STATUS_NA;
	g->key = key;
}

static const char *S_container_name(tfs_check_ctx *x, const json_t *c,
                                    size_t idx)
{
	const char *name = json_string_value(json_object_get(c, "name"));
	return name && *name ? name : tfs_ck_fmt(x, "%zu", idx);
}

static void S_agg_add(tfs_check_ctx *x, S_agg *g, const char *cname,
                      tfs_status st, const char *value)
{
	size_t k;

	g->total++;
	for (k = 0; k < g->nvalues && strcmp(g->values[k], value) != 0; k++)
		;
	if (k == g->nvalues && g->nvalues < S_MAX_VALUES)
		g->values[g->nvalues++] = value;
	if (g->any && S_rank(st) < S_rank(g->st))
		return;
	if (!g->any || S_rank(st) > S_rank(g->st)) {
		g->any = true;
		g->st = st;
		g->attr = tfs_ck_fmt(x, "container_definitions[%s].%s", cname,
		                     g->key);
		g->value = value;
		g->names = cname;
		g->n = 1;
		return;
	}
	g->names = S_list_add(x, g->names, g->n++, cname);
}

/* The evidence of a passing task definition: one container's path, or
 * "container_definitions[*].key" with the distinct values found. */
static const char *S_agg_pass_attr(tfs_check_ctx *x, const S_agg *g)
{
	return g->total == 1 ? g->attr
	                     : tfs_ck_fmt(x, "container_definitions[*].%s",
	                                  g->key);
}

static const char *S_agg_pass_value(tfs_check_ctx *x, const S_agg *g)
{
	const char *v = g->nvalues ? g->values[0] : "(absent)";
	size_t k;

	for (k = 1; k < g->nvalues; k++)
		v = tfs_ck_fmt(x, "%s, %s", v, g->values[k]);
	return v;
}

/* The container definitions of a task definition as an array, or NULL
 * after recording an unknown finding.  The caller json_decrefs it. */
static json_t *S_containers(tfs_check_ctx *x, size_t i)
{
	json_t *defs = tfs_ck_json_attr(x, i, "container_definitions");

	if (json_is_array(defs) && json_array_size(defs) > 0)
		return defs;
	json_decref(defs);
	tfs_ck_unknown(x, i, "container_definitions",
	               "the container definitions cannot be read as a JSON "
	               "list, so the containers cannot be checked");
	return NULL;
}

/* ---- SEC-IAM-LEAST-PRIV -------------------------------------------------- */

/* Actions that take no resource ARN, so Resource "*" is the only choice. */
static bool S_unscopable(const char *action)
{
	static const char *const NAMES[] = {
		"ecr:GetAuthorizationToken", "sts:GetCallerIdentity",
		"xray:PutTraceSegments", "xray:PutTelemetryRecords",
		"xray:GetSamplingRules", "xray:GetSamplingTargets",
		"xray:GetSamplingStatisticSummaries",
		"cloudwatch:PutMetricData", "cloudwatch:GetMetricData",
		"cloudwatch:GetMetricStatistics",
		"cloudwatch:GetMetricWidgetImage",
		"ssmmessages:CreateControlChannel",
		"ssmmessages:CreateDataChannel",
		"ssmmessages:OpenControlChannel",
		"ssmmessages:OpenDataChannel",
		"secretsmanager:GetRandomPassword",
		"kms:CreateKey", "kms:GenerateRandom",
		"s3:ListAllMyBuckets", "s3:GetAccountPublicAccessBlock",
		"iam:GetAccountSummary", "iam:GetAccountPasswordPolicy",
		"tag:GetResources", "pricing:GetProducts",
	};
	const char *colon = strchr(action, ':');
	const char *verb = colon ? colon + 1 : action;
	size_t k;

	for (k = 0; k < sizeof(NAMES) / sizeof(NAMES[0]); k++)
		if (strcasecmp(action, NAMES[k]) == 0)
			return true;
	if (strncasecmp(action, "ce:", 3) == 0)
		return true;
	/* Describe* and (outside S3) List* mostly act on the account */
	if (strncasecmp(verb, "Describe", 8) == 0)
		return true;
	return strncasecmp(verb, "List", 4) == 0 &&
	       strncasecmp(action, "s3:", 3) != 0;
}

/* The worst wildcard grant of a document; rank: 3 for every action
 * ("*", NotAction), 2 for every action of a service, 1 for Resource "*". */
typedef struct {
	const char *attr;  /* "policy.Statement[1].Action" */
	const char *value; /* "\"s3:*\"" */
	const char *why;   /* "allows every s3 action" */
	int rank;
	size_t count;      /* offending entries over the document */
} S_iam_hit;

static bool S_action_is_wild(const char *a)
{
	return strcmp(a, "*") == 0 || S_ends_with(a, ":*");
}

static void S_iam_add(S_iam_hit *h, int rank, const char *attr,
                      const char *value, const char *why)
{
	if (!h->count++ || rank > h->rank) {
		h->rank = rank;
		h->attr = attr;
		h->value = value;
		h->why = why;
	}
}

static void S_iam_statement(tfs_check_ctx *x, S_iam_hit *h, const json_t *s,
                            const char *where)
{
	const json_t *act = json_object_get(s, "Action");
	const json_t *res = json_object_get(s, "Resource");
	const json_t *v;
	const char *effect = json_string_value(json_object_get(s, "Effect"));
	bool res_star = false, has_cond;
	size_t k, n;

	if (!effect || strcmp(effect, "Allow") != 0)
		return;
	if (json_object_get(s, "NotAction")) {
		S_iam_add(h, 3, tfs_ck_fmt(x, "%s.NotAction", where),
		          tfs_ck_value(x, json_object_get(s, "NotAction")),
		          "allows every action except those listed "
		          "(NotAction)");
		return;
	}
	has_cond = json_object_size(json_object_get(s, "Condition")) > 0;
	n = json_is_array(res) ? json_array_size(res) : 1;
	for (k = 0; k < n; k++) {
		v = json_is_array(res) ? json_array_get(res, k) : res;
		if (json_is_string(v) && strcmp(json_string_value(v), "*") == 0)
			res_star = true;
	}
	n = json_is_array(act) ? json_array_size(act) : 1;
	for (k = 0; k < n; k++) {
		const char *a;
		v = json_is_array(act) ? json_array_get(act, k) : act;
		a = json_string_value(v);
		if (!a)
			continue;
		if (S_action_is_wild(a)) {
			bool all = strcmp(a, "*") == 0 || strcmp(a, "*:*") == 0;
			const char *path =
				json_is_array(act)
					? tfs_ck_fmt(x, "%s.Action[%zu]", where, k)
					: tfs_ck_fmt(x, "%s.Action", where);
			const char *why =
				all ? "allows every action"
				    : tfs_ck_fmt(x, "allows every %.*s action",
				                 (int)(strlen(a) - 2), a);
			S_iam_add(h, all ? 3 : 2, path, tfs_ck_value(x, v), why);
		} else if (res_star && !has_cond && !S_unscopable(a)) {
			S_iam_add(h, 1, tfs_ck_fmt(x, "%s.Resource", where),
			          "\"*\"",
			          tfs_ck_fmt(x, "allows %s on every resource", a));
		}
	}
}

/* Scans one policy document; false when it is not a policy. */
static bool S_iam_document(tfs_check_ctx *x, S_iam_hit *h, const json_t *doc,
                           const char *prefix)
{
	const json_t *st = json_object_get(doc, "Statement");
	size_t k;

	if (json_is_object(st)) {
		S_iam_statement(x, h, st,
		                tfs_ck_fmt(x, "%s.Statement", prefix));
		return true;
	}
	if (!json_is_array(st))
		return false;
	for (k = 0; k < json_array_size(st); k++) {
		const json_t *one = json_array_get(st, k);
		if (json_is_object(one))
			S_iam_statement(x, h, one,
			                tfs_ck_fmt(x, "%s.Statement[%zu]", prefix,
			                           k));
	}
	return true;
}

static void S_iam_report(tfs_check_ctx *x, size_t i, const S_iam_hit *h,
                         const char *what)
{
	if (h->count)
		tfs_ck_result(x, i, TFS_STATUS_FAIL, h->attr, h->value,
		              "%s %s%s; grant only the actions and resources "
		              "the workload needs",
		              what, h->why,
		              h->count > 1 ? tfs_ck_fmt(x, " (and %zu more wildcard "
		                                           "grants)",
		                                        h->count - 1)
		                           : "");
}

/* aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy,
 * aws_iam_group_policy: the `policy` JSON string. */
static void S_iam_policy_resource(tfs_check_ctx *x, size_t i)
{
	json_t *doc = tfs_ck_json_attr(x, i, "policy");
	S_iam_hit h;

	memset(&h, 0, sizeof(h));
	if (!doc || !S_iam_document(x, &h, doc, "policy"))
		tfs_ck_result(x, i, TFS_STATUS_UNKNOWN, "policy",
		              tfs_ck_value(x, json_object_get(tfs_ck_attrs(x, i),
		                                              "policy")),
		              "the policy cannot be read as an IAM policy "
		              "document");
	else if (h.count)
		S_iam_report(x, i, &h, "the policy");
	else
		tfs_ck_result(x, i, TFS_STATUS_PASS, "policy.Statement",
		              tfs_ck_value(x, json_object_get(doc, "Statement")),
		              "no Allow statement uses a wildcard action, "
		              "NotAction or Resource \"*\" on actions that can "
		              "be scoped");
	json_decref(doc);
}

static void S_iam_role(tfs_check_ctx *x, size_t i)
{
	const json_t *a = tfs_ck_attrs(x, i);
	const json_t *inl = json_object_get(a, "inline_policy");
	const char *arn;
	S_iam_hit h;
	size_t k, unread = 0;

	memset(&h, 0, sizeof(h));
	tfs_attr_foreach_str(a, "managed_policy_arns", k, arn) {
		if (S_is_admin_arn(arn)) {
			const char *path =
				tfs_ck_fmt(x, "managed_policy_arns[%zu]", k);
			tfs_ck_fail(x, i, path,
			            "the role has AdministratorAccess, every "
			            "action on every resource; attach a policy "
			            "scoped to what it needs");
			return;
		}
	}
	for (k = 0; k < json_array_size(inl); k++) {
		const json_t *one = json_array_get(inl, k);
		const json_t *p = json_object_get(one, "policy");
		json_t *doc;

		if (!json_is_string(p) || !json_string_length(p))
			continue;
		doc = json_loadb(json_string_value(p), json_string_length(p),
		                 JSON_DECODE_ANY, NULL);
		if (!doc || !S_iam_document(x, &h, doc,
		                            tfs_ck_fmt(x, "inline_policy[%zu].policy",
		                                       k)))
			unread++;
		json_decref(doc);
	}
	if (h.count)
		S_iam_report(x, i, &h, "an inline policy of the role");
	else if (unread)
		tfs_ck_unknown(x, i, "inline_policy",
		               "%zu inline polic%s cannot be read as IAM "
		               "policy documents",
		               unread, unread == 1 ? "y" : "ies");
	else
		tfs_ck_pass(x, i, "managed_policy_arns",
		            "the role has no AdministratorAccess and no inline "
		            "wildcard grant");
}

static void S_iam_attachment(tfs_check_ctx *x, size_t i)
{
	const char *arn = tfs_attr_str(tfs_ck_attrs(x, i), "policy_arn");

	if (!arn)
		tfs_ck_unknown(x, i, "policy_arn",
		               "the attachment records no policy ARN");
	else if (S_is_admin_arn(arn))
		tfs_ck_fail(x, i, "policy_arn",
		            "attaches AdministratorAccess, every action on "
		            "every resource; attach a policy scoped to what is "
		            "needed");
	else
		tfs_ck_pass(x, i, "policy_arn",
		            "attaches a policy other than AdministratorAccess; "
		            "policies of this state are checked on their own");
}

static void S_iam_least_priv(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		const char *t;

		if (x->m->nodes[i].kind != TFS_KIND_IAM)
			continue;
		t = tfs_ck_type(x, i);
		if (strcmp(t, "aws_iam_policy") == 0 ||
		    strcmp(t, "aws_iam_role_policy") == 0 ||
		    strcmp(t, "aws_iam_user_policy") == 0 ||
		    strcmp(t, "aws_iam_group_policy") == 0)
			S_iam_policy_resource(x, i);
		else if (strcmp(t, "aws_iam_role") == 0)
			S_iam_role(x, i);
		else if (strcmp(t, "aws_iam_role_policy_attachment") == 0 ||
		         strcmp(t, "aws_iam_user_policy_attachment") == 0 ||
		         strcmp(t, "aws_iam_group_policy_attachment") == 0 ||
		         strcmp(t, "aws_iam_policy_attachment") == 0)
			S_iam_attachment(x, i);
	}
}

/* ---- SEC-ECS-NO-PLAINTEXT-SECRETS ---------------------------------------- */

/* A name that says its value is a secret: DJANGO_SECRET_KEY, DB_PASSWORD,
 * GITHUB_TOKEN.  Names that point at a secret (…_ARN, …_SECRET_NAME) or
 * describe one (…_TTL) are not. */
static bool S_secret_name(const char *name)
{
	static const char *const PARTS[] = {
		"PASSWORD", "PASSWD",     "SECRET",      "TOKEN",
		"CREDENTIAL", "APIKEY",   "API_KEY",     "PRIVATE_KEY",
		"PRIVATEKEY", "ACCESS_KEY", "PASSPHRASE", "AUTH_DATA",
		"SIGNING_KEY", "ENCRYPTION_KEY", "CONNECTION_STRING",
	};
	static const char *const WORDS[] = {"PWD", "PASS"};
	static const char *const POINTERS[] = {
		"ARN",   "NAME",    "ID",      "PATH",   "FILE",    "TTL",
		"EXPIRY", "EXPIRES", "LIFETIME", "TIMEOUT", "LENGTH", "REGION",
		"ENABLED", "HEADER", "TYPE",   "ENDPOINT",
	};
	char up[128];
	const char *last;
	size_t n = strlen(name), k;
	bool hit = false;

	if (n == 0 || n >= sizeof(up))
		return false;
	for (k = 0; k < n; k++)
		up[k] = isalnum((unsigned char)name[k])
		                ? (char)toupper((unsigned char)name[k])
		                : '_';
	up[n] = '\0';
	for (k = 0; !hit && k < sizeof(PARTS) / sizeof(PARTS[0]); k++)
		hit = strstr(up, PARTS[k]) != NULL;
	if (hit && strstr(up, "TOKENIZER"))
		hit = false;
	for (k = 0; !hit && k < sizeof(WORDS) / sizeof(WORDS[0]); k++) {
		const char *p = up;
		size_t m = strlen(WORDS[k]);
		while (!hit && (p = strstr(p, WORDS[k])) != NULL) {
			hit = (p == up || p[-1] == '_') &&
			      (p[m] == '\0' || p[m] == '_');
			p += m;
		}
	}
	if (!hit)
		return false;
	last = strrchr(up, '_');
	last = last ? last + 1 : up;
	for (k = 0; k < sizeof(POINTERS) / sizeof(POINTERS[0]); k++)
		if (strcmp(last, POINTERS[k]) == 0 && last != up)
			return false;
	return true;
}

/* A value that carries a credential whatever its name: a URL with a
 * password (postgres://u:p@host) or an AWS access key ID. */
static bool S_credential_value(const char *v)
{
	const char *p = strstr(v, "://");
	size_t k;

	if (p) {
		size_t auth = strcspn(p + 3, "/?#");
		const char *at = memchr(p + 3, '@', auth);
		const char *colon = at ? memchr(p + 3, ':', (size_t)(at - p - 3))
		                       : NULL;
		if (colon && colon + 1 < at)
			return true;
	}
	for (p = v; *p; p++) {
		if ((strncmp(p, "AKIA", 4) != 0 && strncmp(p, "ASIA", 4) != 0) ||
		    (p > v && isalnum((unsigned char)p[-1])))
			continue;
		for (k = 4; k < 20 && (isupper((unsigned char)p[k]) ||
		                       isdigit((unsigned char)p[k]));
		     k++)
			;
		if (k == 20 && !isalnum((unsigned char)p[20]))
			return true;
	}
	return false;
}

/* Whether a plain environment variable holds a secret (see check_int.h);
 * shared with the Lambda check in serverless.c. */
bool tfs_ck_plaintext_secret(const char *name, const char *val)
{
	if (!name)
		return false;
	/* the reader redacts values under secret names */
	if (val && strcmp(val, TFS_REDACTED) == 0)
		return true;
	if (S_secret_name(name) && !(val && strncmp(val, "arn:", 4) == 0))
		return true;
	return val && S_credential_value(val);
}

/* The name of a variable of environment[] that holds a secret, or NULL.
 * Only the name is ever reported. */
static const char *S_env_secret(const json_t *pair)
{
	const char *name = json_string_value(json_object_get(pair, "name"));
	const char *val = json_string_value(json_object_get(pair, "value"));

	return tfs_ck_plaintext_secret(name, val) ? name : NULL;
}

static void S_ecs_plaintext_secrets(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_TASK_DEFINITION) {
		json_t *defs = S_containers(x, i);
		const char *attr = NULL, *names = NULL;
		size_t c, nfound = 0, nvars = 0, nfiles = 0;
		json_t *cd;

		if (!defs)
			continue;
		json_array_foreach(defs, c, cd) {
			const json_t *env = json_object_get(cd, "environment");
			const char *cname = S_container_name(x, cd, c);
			size_t e;

			nfiles += json_array_size(
				json_object_get(cd, "environmentFiles"));
			for (e = 0; e < json_array_size(env); e++) {
				const json_t *pair = json_array_get(env, e);
				const char *name = S_env_secret(pair);

				nvars += json_is_object(pair);
				if (!name)
					continue;
				if (!nfound)
					attr = tfs_ck_fmt(x, "container_definitions[%s]"
					                     ".environment",
					                  cname);
				names = S_list_add(x, names, nfound++, name);
			}
		}
		if (nfound)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, attr,
			              S_list_text(x, names, nfound),
			              "environment variable%s %s %s kept in "
			              "plain text in the task definition and "
			              "the state; pass %s through `secrets` "
			              "from Secrets Manager or Parameter Store",
			              nfound == 1 ? "" : "s",
			              S_list_text(x, names, nfound),
			              nfound == 1 ? "looks like a secret"
			                          : "look like secrets",
			              nfound == 1 ? "it" : "them");
		else
			tfs_ck_result(x, i, TFS_STATUS_PASS,
			              "container_definitions[*].environment",
			              tfs_ck_fmt(x, "[%zu item%s]", nvars,
			                         nvars == 1 ? "" : "s"),
			              "no environment variable has a "
			              "secret-like name or a credential-like "
			              "value%s",
			              nfiles ? "; the environment files on S3 are not "
			                       "in the state and were not read"
			                     : "");
		json_decref(defs);
	}
}

/* ---- container hardening ------------------------------------------------- */

static bool S_windows(tfs_check_ctx *x, size_t i)
{
	const json_t *rp = tfs_attr_block(tfs_ck_attrs(x, i), "runtime_platform");
	const char *os = tfs_attr_str(rp, "operating_system_family");
	return os && strncasecmp(os, "WINDOWS", 7) == 0;
}

static void S_ecs_nonroot(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_TASK_DEFINITION) {
		json_t *defs, *cd;
		S_agg g;
		size_t c;

		if (S_windows(x, i)) {
			tfs_ck_na(x, i, "Windows containers have no Linux user");
			continue;
		}
		if (!(defs = S_containers(x, i)))
			continue;
		S_agg_init(&g, "user");
		json_array_foreach(defs, c, cd) {
			const json_t *u = json_object_get(cd, "user");
			const char *user = json_string_value(u);
			tfs_status st = TFS_STATUS_PASS;
			size_t len = user ? strcspn(user, ":") : 0;

			if (!user || !*user)
				st = TFS_STATUS_UNKNOWN;
			else if ((len == 4 && strncmp(user, "root", 4) == 0) ||
			         (len == 1 && user[0] == '0'))
				st = TFS_STATUS_FAIL;
			S_agg_add(x, &g, S_container_name(x, cd, c), st,
			          tfs_ck_value(x, user && *user ? u : NULL));
		}
		if (g.st == TFS_STATUS_FAIL)
			tfs_ck_result(x, i, g.st, g.attr, g.value,
			              "container%s %s run%s as root, so a "
			              "breakout or bug acts with full "
			              "privileges; set `user` to a non-root "
			              "UID",
			              g.n == 1 ? "" : "s",
			              S_list_text(x, g.names, g.n),
			              g.n == 1 ? "s" : "");
		else if (g.st == TFS_STATUS_UNKNOWN)
			tfs_ck_result(x, i, g.st, g.attr, g.value,
			              "container%s %s set%s no `user`, so the "
			              "image's USER decides, and the image is "
			              "not in the state",
			              g.n == 1 ? "" : "s",
			              S_list_text(x, g.names, g.n),
			              g.n == 1 ? "s" : "");
		else
			tfs_ck_result(x, i, g.st, S_agg_pass_attr(x, &g),
			              S_agg_pass_value(x, &g),
			              "every container runs as a non-root "
			              "user");
		json_decref(defs);
	}
}

static void S_ecs_readonly_root(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_TASK_DEFINITION) {
		json_t *defs = S_containers(x, i), *cd;
		S_agg g;
		size_t c;

		if (!defs)
			continue;
		S_agg_init(&g, "readonlyRootFilesystem");
		json_array_foreach(defs, c, cd) {
			const json_t *v =
				json_object_get(cd, "readonlyRootFilesystem");
			bool on = false;

			S_json_bool(v, &on);
			S_agg_add(x, &g, S_container_name(x, cd, c),
			          on ? TFS_STATUS_PASS : TFS_STATUS_FAIL,
			          tfs_ck_value(x, v));
		}
		if (g.st == TFS_STATUS_FAIL)
			tfs_ck_result(x, i, g.st, g.attr, g.value,
			              "container%s %s can write to %s root "
			              "filesystem, so an intruder can change "
			              "the running code; set "
			              "`readonlyRootFilesystem` to true and "
			              "mount volumes for scratch space",
			              g.n == 1 ? "" : "s",
			              S_list_text(x, g.names, g.n),
			              g.n == 1 ? "its" : "their");
		else
			tfs_ck_result(x, i, g.st, S_agg_pass_attr(x, &g),
			              S_agg_pass_value(x, &g),
			              "every container has a read-only root "
			              "filesystem");
		json_decref(defs);
	}
}

static void S_ecs_nonpriv(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_TASK_DEFINITION) {
		const char *pid = tfs_attr_str(tfs_ck_attrs(x, i), "pid_mode");
		json_t *defs, *cd;
		S_agg g;
		size_t c;

		if (pid && strcmp(pid, "host") == 0) {
			tfs_ck_fail(x, i, "pid_mode",
			            "the task shares the host's process "
			            "namespace, so its containers see and "
			            "signal host processes");
			continue;
		}
		if (!(defs = S_containers(x, i)))
			continue;
		S_agg_init(&g, "privileged");
		json_array_foreach(defs, c, cd) {
			const json_t *v = json_object_get(cd, "privileged");
			bool on = false;

			S_json_bool(v, &on);
			S_agg_add(x, &g, S_container_name(x, cd, c),
			          on ? TFS_STATUS_FAIL : TFS_STATUS_PASS,
			          tfs_ck_value(x, v));
		}
		if (g.st == TFS_STATUS_FAIL)
			tfs_ck_result(x, i, g.st, g.attr, g.value,
			              "container%s %s run%s privileged, with "
			              "root access to the host's devices; "
			              "remove `privileged`",
			              g.n == 1 ? "" : "s",
			              S_list_text(x, g.names, g.n),
			              g.n == 1 ? "s" : "");
		else
			tfs_ck_result(x, i, g.st, S_agg_pass_attr(x, &g),
			              S_agg_pass_value(x, &g),
			              "no container is privileged and the task "
			              "keeps its own process namespace");
		json_decref(defs);
	}
}

static void S_ecs_no_public_ip(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const json_t *nc = tfs_attr_block(tfs_ck_attrs(x, i),
		                                  "network_configuration");
		const char *path = "network_configuration[0].assign_public_ip";
		bool on;

		if (!nc)
			tfs_ck_na(x, i, "no awsvpc network configuration: the tasks "
			                "get no address of their own");
		else if (!tfs_attr_bool(nc, "assign_public_ip", &on))
			tfs_ck_unknown(x, i, path,
			               "the state does not record "
			               "assign_public_ip");
		else if (on)
			tfs_ck_fail(x, i, path,
			            "tasks get public IP addresses, reachable "
			            "from the internet past the load balancer; "
			            "run them in private subnets with NAT");
		else
			tfs_ck_pass(x, i, path,
			            "tasks get no public IP and are reached "
			            "only through the network path in front of "
			            "them");
	}
}

/* ---- ECR ----------------------------------------------------------------- */

/* The registry scanning configuration that scans `repo` on push or
 * continuously, or TFS_NONE; *filter is the pattern that covers it. */
static size_t S_registry_scans(tfs_check_ctx *x, const char *repo,
                               const json_t **filter)
{
	size_t i;

	if (!repo)
		return TFS_NONE;
	TFS_CK_FOREACH_TYPE(x, i, "aws_ecr_registry_scanning_configuration") {
		const json_t *rules = json_object_get(tfs_ck_attrs(x, i), "rule");
		size_t r, f;

		for (r = 0; r < json_array_size(rules); r++) {
			const json_t *rule = json_array_get(rules, r);
			const char *freq = tfs_attr_str(rule, "scan_frequency");
			const json_t *filters = json_object_get(rule,
			                                        "repository_filter");

			if (!freq || strcmp(freq, "MANUAL") == 0)
				continue;
			for (f = 0; f < json_array_size(filters); f++) {
				const json_t *flt = json_array_get(filters, f);
				const char *pat = tfs_attr_str(flt, "filter");
				if (pat && tfs_ck_glob(pat, repo)) {
					*filter = json_object_get(flt, "filter");
					return i;
				}
			}
		}
	}
	return TFS_NONE;
}

static void S_ecr_scan(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECR_REPOSITORY) {
		const json_t *a = tfs_ck_attrs(x, i);
		const json_t *isc =
			tfs_attr_block(a, "image_scanning_configuration");
		const char *path = "image_scanning_configuration[0].scan_on_push";
		const json_t *filter = NULL;
		size_t reg = S_registry_scans(x, tfs_attr_str(a, "name"),
		                              &filter);
		bool on = false;
		bool known = tfs_attr_bool(isc, "scan_on_push", &on);

		if (known && on)
			tfs_ck_pass(x, i, path,
			            "images are scanned for vulnerabilities on "
			            "push");
		else if (reg != TFS_NONE)
			tfs_ck_result(x, i, TFS_STATUS_PASS,
			              tfs_ck_fmt(x, "%s.rule[].repository_filter",
			                         tfs_ck_address(x, reg)),
			              tfs_ck_value(x, filter),
			              "the registry scanning configuration %s "
			              "scans this repository",
			              tfs_ck_address(x, reg));
		else if (!known)
			tfs_ck_unknown(x, i, path,
			               "the state does not record scan_on_push "
			               "and no registry scanning configuration "
			               "is in it");
		else
			tfs_ck_fail(x, i, path,
			            "pushed images are not scanned for "
			            "vulnerabilities, by the repository or by "
			            "a registry scanning configuration in this "
			            "state");
	}
}

static void S_ecr_immutable(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_ECR_REPOSITORY) {
		const char *m = tfs_attr_str(tfs_ck_attrs(x, i),
		                             "image_tag_mutability");

		if (!m)
			tfs_ck_unknown(x, i, "image_tag_mutability",
			               "the state does not record the tag "
			               "mutability");
		else if (strcmp(m, "IMMUTABLE") == 0)
			tfs_ck_pass(x, i, "image_tag_mutability",
			            "a pushed tag always names the same image, "
			            "so a deployment runs what was tested and "
			            "scanned");
		else if (strcmp(m, "IMMUTABLE_WITH_EXCLUSION") == 0)
			tfs_ck_pass(x, i, "image_tag_mutability",
			            "tags are immutable except those the "
			            "exclusion filters name; deploy by an "
			            "immutable tag");
		else
			tfs_ck_fail(x, i, "image_tag_mutability",
			            "a tag can be pushed again with another "
			            "image, so a deployment may not run what "
			            "was tested");
	}
}

/* ---- SEC-SECRETS-KMS-ROTATION -------------------------------------------- */

/* Days between rotations from rotation_rules[0], or -1 when not known
 * (*cron set when a cron schedule decides). */
static long long S_rotation_days(const json_t *rules, bool *cron)
{
	const char *expr = tfs_attr_str(rules, "schedule_expression");
	long long days;

	*cron = false;
	if (tfs_attr_int(rules, "automatically_after_days", &days) && days > 0)
		return days;
	if (expr && strncmp(expr, "rate(", 5) == 0) {
		char *end;
		long long n = strtoll(expr + 5, &end, 10);
		while (*end == ' ')
			end++;
		if (n > 0 && strncmp(end, "day", 3) == 0)
			return n;
		if (n > 0 && strncmp(end, "hour", 4) == 0)
			return (n + 23) / 24;
	}
	if (expr && strncmp(expr, "cron(", 5) == 0)
		*cron = true;
	return -1;
}

static void S_secrets_rotation(tfs_check_ctx *x)
{
	long max = x->th->secret_rotation_max_days;
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_SECRET) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *kms = tfs_attr_str(a, "kms_key_id");
		size_t r = TFS_NONE, it;
		const json_t *rules;
		const char *rattr, *rval, *sub;
		long long days = -1;
		bool on = true, cron = false;

		if (strcmp(tfs_ck_type(x, i), "aws_secretsmanager_secret") != 0)
			continue;
		r = tfs_ck_first(x, "aws_secretsmanager_secret_rotation",
		                 "secret_id", tfs_attr_str(a, "arn"), &it);
		if (r == TFS_NONE)
			r = tfs_ck_first(x, "aws_secretsmanager_secret_rotation",
			                 "secret_id", tfs_attr_str(a, "name"), &it);
		if (r != TFS_NONE) {
			const json_t *ra = tfs_ck_attrs(x, r);
			rules = tfs_attr_block(ra, "rotation_rules");
			if (!tfs_attr_bool(ra, "rotation_enabled", &on))
				on = true;
			days = S_rotation_days(rules, &cron);
			sub = days < 0 && tfs_attr_str(rules, "schedule_expression")
			              ? "rotation_rules[0].schedule_expression"
			              : "rotation_rules[0].automatically_after_days";
			rattr = tfs_ck_fmt(x, "%s.%s", tfs_ck_address(x, r), sub);
			rval = tfs_ck_value(x, tfs_ck_path(ra, sub));
		} else if (tfs_attr_bool(a, "rotation_enabled", &on) && on) {
			/* provider v4: rotation kept on the secret itself */
			rules = tfs_attr_block(a, "rotation_rules");
			days = S_rotation_days(rules, &cron);
			rattr = "rotation_rules[0].automatically_after_days";
			rval = tfs_ck_value(x, tfs_ck_path(a, rattr));
			r = i;
		} else {
			rattr = "aws_secretsmanager_secret_rotation";
			rval = "(absent)";
		}

		if (r == TFS_NONE || !on)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, rattr,
			              r == TFS_NONE ? rval : "false",
			              "the secret is never rotated, so a "
			              "leaked value stays valid; add an "
			              "`aws_secretsmanager_secret_rotation`%s",
			              kms ? "" : ", and encrypt it with a customer KMS "
			                         "key");
		else if (days > max)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, rattr, rval,
			              "rotated every %lld days, more than the "
			              "%ld the policy allows",
			              days, max);
		else if (days < 0 && cron)
			tfs_ck_result(x, i, TFS_STATUS_UNKNOWN, rattr, rval,
			              "rotated on a cron schedule whose "
			              "interval is not worked out; check it is "
			              "at most %ld days",
			              max);
		else if (days < 0)
			tfs_ck_result(x, i, TFS_STATUS_UNKNOWN, rattr, rval,
			              "the rotation interval cannot be read");
		else if (!kms)
			tfs_ck_fail(x, i, "kms_key_id",
			            "encrypted with the AWS-managed key, whose "
			            "use cannot be limited by key policy; set "
			            "a customer KMS key");
		else
			tfs_ck_result(x, i, TFS_STATUS_PASS, rattr, rval,
			              "rotated every %lld days with a customer "
			              "KMS key",
			              days);
	}
}

/* ---- encryption at rest: logs and volumes -------------------------------- */

static void S_logs_kms(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_LOG_GROUP) {
		const json_t *a = tfs_ck_attrs(x, i);

		if (!json_object_get(a, "kms_key_id"))
			tfs_ck_unknown(x, i, "kms_key_id",
			               "the state does not record kms_key_id");
		else if (tfs_attr_str(a, "kms_key_id"))
			tfs_ck_pass(x, i, "kms_key_id",
			            "log events are encrypted with a customer "
			            "KMS key");
		else
			tfs_ck_fail(x, i, "kms_key_id",
			            "log events, which can carry personal data "
			            "and tokens, are encrypted only with the "
			            "service key; set `kms_key_id`");
	}
}

/* Whether an ECS service runs on Fargate (launch type or capacity
 * provider strategy). */
static bool S_service_fargate(const json_t *a)
{
	const char *lt = tfs_attr_str(a, "launch_type");
	const json_t *cps = json_object_get(a, "capacity_provider_strategy");
	size_t k;

	if (lt && strcmp(lt, "FARGATE") == 0)
		return true;
	for (k = 0; k < json_array_size(cps); k++) {
		const char *cp = tfs_attr_str(json_array_get(cps, k),
		                              "capacity_provider");
		if (cp && strncmp(cp, "FARGATE", 7) == 0)
			return true;
	}
	return false;
}

/* Whether FARGATE is among a cluster's capacity providers. */
static bool S_cluster_fargate(tfs_check_ctx *x, size_t cl)
{
	const char *name = tfs_attr_str(tfs_ck_attrs(x, cl), "name");
	size_t n, it;

	TFS_CK_JOIN(x, n, it, "aws_ecs_cluster_capacity_providers",
	            "cluster_name", name) {
		const char *cp;
		size_t k;
		tfs_attr_foreach_str(tfs_ck_attrs(x, n), "capacity_providers", k,
		                     cp) {
			if (strncmp(cp, "FARGATE", 7) == 0)
				return true;
		}
	}
	return false;
}

/* Fargate encrypts task ephemeral storage always; a customer key is an
 * option of the cluster. */
static void S_fargate_storage(tfs_check_ctx *x)
{
	static const char PATH[] =
		"configuration[0].managed_storage_configuration[0]"
		".fargate_ephemeral_storage_kms_key_id";
	bool *fargate = xcalloc(x->m->nresources + 1, sizeof(bool));
	size_t i;

	/* a Fargate service marks its cluster */
	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		size_t cl = x->m->nodes[i].cluster;
		if (cl != TFS_NONE && cl < x->m->nresources &&
		    S_service_fargate(tfs_ck_attrs(x, i)))
			fargate[cl] = true;
	}
	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_CLUSTER) {
		const json_t *v = tfs_ck_path(tfs_ck_attrs(x, i), PATH);

		if (json_is_string(v) && json_string_length(v))
			tfs_ck_pass(x, i, PATH,
			            "Fargate ephemeral storage is encrypted with a "
			            "customer KMS key");
		else if (fargate[i] || S_cluster_fargate(x, i))
			tfs_ck_pass(x, i, PATH,
			            "Fargate always encrypts task ephemeral "
			            "storage, here with an AWS-owned key");
	}
	free(fargate);
}

static void S_ebs_ephemeral(tfs_check_ctx *x)
{
	size_t i;
	bool account = false;

	TFS_CK_FOREACH_TYPE(x, i, "aws_ebs_encryption_by_default") {
		bool on;
		account = true;
		if (!tfs_attr_bool(tfs_ck_attrs(x, i), "enabled", &on))
			tfs_ck_unknown(x, i, "enabled",
			               "the state does not record the setting");
		else if (on)
			tfs_ck_pass(x, i, "enabled",
			            "new EBS volumes in this account and "
			            "Region are encrypted");
		else
			tfs_ck_fail(x, i, "enabled",
			            "new EBS volumes are not encrypted by "
			            "default");
	}
	if (!account)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_UNKNOWN,
		              "aws_ebs_encryption_by_default", NULL,
		              "no aws_ebs_encryption_by_default in this state; "
		              "the account setting is often managed in another "
		              "state");
	TFS_CK_FOREACH_TYPE(x, i, "aws_ebs_volume") {
		bool on;
		if (!tfs_attr_bool(tfs_ck_attrs(x, i), "encrypted", &on))
			tfs_ck_unknown(x, i, "encrypted",
			               "the state does not record encrypted");
		else if (on)
			tfs_ck_pass(x, i, "encrypted", "the volume is encrypted");
		else
			tfs_ck_fail(x, i, "encrypted",
			            "the volume and its snapshots are not "
			            "encrypted");
	}
	TFS_CK_FOREACH(x, i, TFS_KIND_EC2_INSTANCE) {
		const json_t *rb = tfs_attr_block(tfs_ck_attrs(x, i),
		                                  "root_block_device");
		const char *path = "root_block_device[0].encrypted";
		bool on;
		if (!tfs_attr_bool(rb, "encrypted", &on))
			tfs_ck_unknown(x, i, path,
			               "the state does not record whether the "
			               "root volume is encrypted");
		else if (on)
			tfs_ck_pass(x, i, path, "the root volume is encrypted");
		else
			tfs_ck_fail(x, i, path,
			            "the root volume is not encrypted");
	}
	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const json_t *vc = tfs_attr_block(tfs_ck_attrs(x, i),
		                                  "volume_configuration");
		const json_t *ebs = tfs_attr_block(vc, "managed_ebs_volume");
		const char *path = "volume_configuration[0].managed_ebs_volume[0]"
		                   ".encrypted";
		bool on;
		if (!ebs)
			continue;
		if (!tfs_attr_bool(ebs, "encrypted", &on))
			tfs_ck_unknown(x, i, path,
			               "the state does not record whether the "
			               "task volumes are encrypted");
		else if (on)
			tfs_ck_pass(x, i, path,
			            "the tasks' EBS volumes are encrypted");
		else
			tfs_ck_fail(x, i, path,
			            "the tasks' EBS volumes are not encrypted");
	}
	S_fargate_storage(x);
}

/* ---- audit and threat detection ------------------------------------------ */

static bool S_trail_covers(tfs_check_ctx *x, size_t i)
{
	const json_t *a = tfs_ck_attrs(x, i);
	bool multi = false, logging = true;

	tfs_attr_bool(a, "is_multi_region_trail", &multi);
	tfs_attr_bool(a, "enable_logging", &logging);
	return multi && logging;
}

/* Notes a shortfall of a trail: the first attribute, and every reason. */
static void S_short(tfs_check_ctx *x, bool ok, const char *path,
                    const char *what, const char **attr, const char **missing)
{
	if (ok)
		return;
	if (!*attr)
		*attr = path;
	*missing = *missing ? tfs_ck_fmt(x, "%s, %s", *missing, what) : what;
}

static void S_cloudtrail(tfs_check_ctx *x)
{
	size_t i, covering = TFS_NONE;

	if (!tfs_ck_has_type(x, "aws_cloudtrail")) {
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_UNKNOWN, "aws_cloudtrail",
		              NULL,
		              "no aws_cloudtrail in this state; CloudTrail is "
		              "often an organization trail managed in another "
		              "account's state");
		return;
	}
	TFS_CK_FOREACH_TYPE(x, i, "aws_cloudtrail")
		if (covering == TFS_NONE && S_trail_covers(x, i))
			covering = i;
	TFS_CK_FOREACH_TYPE(x, i, "aws_cloudtrail") {
		const json_t *a = tfs_ck_attrs(x, i);
		bool logging = true, multi = false, valid = false;
		const char *attr = NULL, *missing = NULL;

		tfs_attr_bool(a, "enable_logging", &logging);
		tfs_attr_bool(a, "is_multi_region_trail", &multi);
		tfs_attr_bool(a, "enable_log_file_validation", &valid);
		S_short(x, logging, "enable_logging", "logging is stopped",
		        &attr, &missing);
		S_short(x, multi || (covering != TFS_NONE && covering != i),
		        "is_multi_region_trail", "it covers one Region only",
		        &attr, &missing);
		S_short(x, valid, "enable_log_file_validation",
		        "log files are not validated", &attr, &missing);
		S_short(x, tfs_attr_str(a, "kms_key_id") != NULL, "kms_key_id",
		        "logs are not encrypted with a KMS key", &attr, &missing);
		S_short(x, tfs_attr_str(a, "cloud_watch_logs_group_arn") != NULL,
		        "cloud_watch_logs_group_arn",
		        "events do not reach CloudWatch Logs for alarms", &attr,
		        &missing);
		if (missing)
			tfs_ck_fail(x, i, attr, "the trail falls short: %s",
			            missing);
		else
			tfs_ck_pass(x, i, "is_multi_region_trail",
			            "API calls are logged in every Region, "
			            "validated, KMS-encrypted and sent to "
			            "CloudWatch Logs");
	}
}

static void S_guardduty(tfs_check_ctx *x)
{
	size_t i;

	if (!tfs_ck_has_type(x, "aws_guardduty_detector")) {
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_UNKNOWN,
		              "aws_guardduty_detector", NULL,
		              "no aws_guardduty_detector in this state; "
		              "GuardDuty is often enabled by a delegated "
		              "administrator account");
		return;
	}
	TFS_CK_FOREACH_TYPE(x, i, "aws_guardduty_detector") {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *id = tfs_attr_str(a, "id");
		size_t f, it;
		bool on = true;
		const char *runtime = NULL;

		if (!tfs_attr_bool(a, "enable", &on)) {
			tfs_ck_unknown(x, i, "enable",
			               "the state does not record whether the "
			               "detector is enabled");
			continue;
		}
		if (!on) {
			tfs_ck_fail(x, i, "enable",
			            "the detector is suspended, so threats go "
			            "undetected");
			continue;
		}
		TFS_CK_JOIN(x, f, it, "aws_guardduty_detector_feature",
		            "detector_id", id) {
			const json_t *fa = tfs_ck_attrs(x, f);
			const char *name = tfs_attr_str(fa, "name");
			if (name && strcmp(name, "RUNTIME_MONITORING") == 0)
				runtime = tfs_attr_str(fa, "status");
		}
		if (runtime && strcmp(runtime, "ENABLED") != 0 &&
		    tfs_ck_has_type(x, "aws_ecs_service"))
			tfs_ck_result(x, i, TFS_STATUS_FAIL,
			              "aws_guardduty_detector_feature"
			              "[RUNTIME_MONITORING].status",
			              tfs_ck_fmt(x, "\"%s\"", runtime),
			              "the detector is on but Runtime "
			              "Monitoring is off, so threats inside "
			              "the ECS tasks go unseen");
		else
			tfs_ck_pass(x, i, "enable",
			            "GuardDuty watches the account for "
			            "threats%s",
			            runtime ? ", with Runtime Monitoring" : "");
	}
}

/* ---- the table ----------------------------------------------------------- */

const tfs_check_def tfs_checks_security_app[] = {
	{"SEC-IAM-LEAST-PRIV", "IAM policies grant no wildcard permissions",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL,
	 "IAM policies follow least privilege",
	 "Security Hub IAM.1, IAM.21, KMS.1, KMS.2; Checkov CKV_AWS_62, "
	 "CKV_AWS_63, CKV_AWS_355, CKV_AWS_274, CKV_AWS_286-290; Trivy "
	 "AVD-AWS-0057, AVD-AWS-0345; Terrascan AC_AWS_0143, AC_AWS_0144, "
	 "AC_AWS_0146, AC_AWS_0147, AC_AWS_0474",
	 "Name the actions and resource ARNs in the `policy` of "
	 "`aws_iam_policy` / `aws_iam_role_policy` (no `\"*\"`, `svc:*` or "
	 "`NotAction`), and attach a scoped policy instead of "
	 "`AdministratorAccess` (`policy_arn`).",
	 S_iam_least_priv, NULL},
	{"SEC-ECS-NO-PLAINTEXT-SECRETS",
	 "No secrets in plain container environment variables",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_CRITICAL, TFS_SCOPE_ALL,
	 "No hardcoded secrets in code or Docker images",
	 "Security Hub ECS.8; Trivy AVD-AWS-0036; Terrascan AC_AWS_0095",
	 "Move the variable from `environment` to `secrets` (`name`, "
	 "`valueFrom` = a Secrets Manager or SSM parameter ARN) in the "
	 "`container_definitions` of `aws_ecs_task_definition`.",
	 S_ecs_plaintext_secrets, NULL},
	{"SEC-ECS-NONROOT", "Containers run as a non-root user",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "Run containers as non-root users for security",
	 "Security Hub ECS.20",
	 "Set `user` (\"1000:1000\") on every container in the "
	 "`container_definitions` of `aws_ecs_task_definition`.",
	 S_ecs_nonroot, NULL},
	{"SEC-ECS-READONLY-ROOT", "Containers have a read-only root filesystem",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "**Immutable Infrastructure**: Deploy new versions rather than "
	 "modifying existing infrastructure",
	 "Security Hub ECS.5; Checkov CKV_AWS_336",
	 "Set `readonlyRootFilesystem = true` on every container in the "
	 "`container_definitions` of `aws_ecs_task_definition`; give scratch "
	 "space through `volume` and `mountPoints`.",
	 S_ecs_readonly_root, NULL},
	{"SEC-ECS-NONPRIV", "Containers are not privileged",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL,
	 "Run containers as non-root users for security",
	 "Security Hub ECS.4, ECS.3; Checkov CKV_AWS_334, CKV_AWS_335",
	 "Remove `privileged` from the `container_definitions` and "
	 "`pid_mode = \"host\"` from `aws_ecs_task_definition`.",
	 S_ecs_nonpriv, NULL},
	{"SEC-ECS-NO-PUBLIC-IP", "ECS tasks get no public IP address",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL,
	 "Security groups configured as whitelists",
	 "Security Hub ECS.2; Checkov CKV_AWS_333",
	 "Set `network_configuration.assign_public_ip = false` on "
	 "`aws_ecs_service` and place the tasks in private subnets.",
	 S_ecs_no_public_ip, NULL},
	{"SEC-ECR-SCAN", "ECR scans images for vulnerabilities",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL,
	 "Docker images scanned for vulnerabilities",
	 "Security Hub ECR.1; Checkov CKV_AWS_163; Trivy AVD-AWS-0030; "
	 "Terrascan AC_AWS_0083",
	 "Set `image_scanning_configuration.scan_on_push = true` on "
	 "`aws_ecr_repository`, or scan the registry with "
	 "`aws_ecr_registry_scanning_configuration`.",
	 S_ecr_scan, NULL},
	{"SEC-ECR-IMMUTABLE", "ECR image tags are immutable",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "**Immutable Infrastructure**: Deploy new versions rather than "
	 "modifying existing infrastructure",
	 "Security Hub ECR.2; Checkov CKV_AWS_51; Trivy AVD-AWS-0031; "
	 "Terrascan AC_AWS_0447",
	 "Set `image_tag_mutability = \"IMMUTABLE\"` on `aws_ecr_repository` "
	 "and tag images with the commit SHA.",
	 S_ecr_immutable, NULL},
	{"SEC-SECRETS-KMS-ROTATION",
	 "Secrets are rotated and encrypted with a customer key",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "**Secrets Manager**: Secure secret storage and rotation",
	 "Security Hub SecretsManager.1, SecretsManager.4; Checkov "
	 "CKV_AWS_149, CKV2_AWS_57, CKV_AWS_304; Trivy AVD-AWS-0098; "
	 "Terrascan AC_AWS_0500",
	 "Add an `aws_secretsmanager_secret_rotation` with "
	 "`rotation_rules.automatically_after_days` within the policy "
	 "(tfsight.yml `secret_rotation_max_days`), and set `kms_key_id` on "
	 "`aws_secretsmanager_secret`.",
	 S_secrets_rotation, NULL},
	{"SEC-LOGS-KMS", "Log groups are encrypted with a KMS key",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Data encrypted at rest (RDS, S3)",
	 "Checkov CKV_AWS_158; Trivy AVD-AWS-0017; Terrascan AC_AWS_0451; "
	 "Control Tower CT.CLOUDWATCH.PR.3",
	 "Set `kms_key_id` on `aws_cloudwatch_log_group` (the key policy must "
	 "allow the logs service).",
	 S_logs_kms, NULL},
	{"SEC-EBS-EPHEMERAL", "Volumes and task storage are encrypted",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_LOW, TFS_SCOPE_ALL,
	 "Enable encryption at rest for RDS, S3, and EBS volumes",
	 "Security Hub EC2.7, EC2.3; Checkov CKV_AWS_106, CKV_AWS_3, "
	 "CKV_AWS_189; Trivy AVD-AWS-0026",
	 "Manage `aws_ebs_encryption_by_default` with `enabled = true`; set "
	 "`encrypted = true` on `aws_ebs_volume` and ECS "
	 "`volume_configuration.managed_ebs_volume`.",
	 S_ebs_ephemeral, NULL},
	{"SEC-CLOUDTRAIL", "CloudTrail logs API calls in every Region",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL,
	 "CloudTrail enabled for audit logging",
	 "Security Hub CloudTrail.1, CloudTrail.2, CloudTrail.4, "
	 "CloudTrail.5; Checkov CKV_AWS_67, CKV_AWS_251, CKV_AWS_36, "
	 "CKV_AWS_35, CKV_AWS_252, CKV2_AWS_10; Trivy AVD-AWS-0014, "
	 "AVD-AWS-0016, AVD-AWS-0015, AVD-AWS-0162; Terrascan AC_AWS_0448, "
	 "AC_AWS_0034, AC_AWS_0446, AC_AWS_0033",
	 "Add an `aws_cloudtrail` with `is_multi_region_trail`, "
	 "`enable_log_file_validation`, `kms_key_id` and "
	 "`cloud_watch_logs_group_arn` (or confirm the organization trail).",
	 S_cloudtrail, NULL},
	{"SEC-GUARDDUTY", "GuardDuty detects threats", TFS_CHECKCAT_SECURITY,
	 TFS_SEV_HIGH, TFS_SCOPE_ALL,
	 "Implement AWS GuardDuty for threat detection",
	 "Security Hub GuardDuty.1, GuardDuty.12; Checkov CKV_AWS_238, "
	 "CKV2_AWS_3",
	 "Add an `aws_guardduty_detector` with `enable = true` and an "
	 "`aws_guardduty_detector_feature` `RUNTIME_MONITORING` for ECS "
	 "Fargate (or confirm the delegated administrator enables it).",
	 S_guardduty, NULL},
	{"SEC-MFA", "MFA protects production access", TFS_CHECKCAT_SECURITY,
	 TFS_SEV_HIGH, TFS_SCOPE_PROD, "MFA enabled for production access", "",
	 "Require MFA in the identity provider or IAM Identity Center, and "
	 "with an `aws:MultiFactorAuthPresent` condition on roles people "
	 "assume.",
	 NULL,
	 "who must use MFA is set in the identity provider and on IAM users, "
	 "not recorded in Terraform state"},
};
const size_t tfs_checks_security_app_count =
	sizeof(tfs_checks_security_app) / sizeof(tfs_checks_security_app[0]);
