/* predeploy.c - the seeds' Pre-Deployment checklist and house rules:
 * infrastructure as code, sa-east-1 only, the right account per
 * environment, no database password in the state, live waivers. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/check_int.h"

static const char S_SEED_IAC[] =
	"Infrastructure defined as code (Terraform/CloudFormation)";
static const char S_SEED_REGION[] =
	"The only allowed AWS region is **sa-east-1**.";
static const char S_SEED_ACCOUNT[] =
	"Use the correct AWS account per environment";
static const char S_SEED_SECRETS[] =
	"All secrets in AWS Secrets Manager or Parameter Store";

static void S_iac(tfs_check_ctx *x)
{
	const tfs_state *st = x->m->state;

	tfs_ck_result(x, TFS_NONE, TFS_STATUS_PASS, "resources",
	              tfs_ck_fmt(x, "%zu", x->m->nresources),
	              "%zu managed resources are recorded by Terraform in %s",
	              x->m->nresources, st->source);
}

/* ---- ARNs, zones and Regions an instance names ------------------------------
 * Beside the instance's own region (the inventory's), every string of its
 * attributes that places something elsewhere: an ARN (its region and
 * account), an availability zone, or a Region under a key such as
 * region_name or peer_region.  Tags and the instance's own arn, id and
 * region are left out: the inventory reads those. */

enum { S_MAX_DEPTH = 12 };

typedef void (*S_place_fn)(void *ctx, const char *path, const json_t *v,
                           const char *region, const char *account,
                           const char *what);

/* "sa-east-1", "us-gov-west-1": two letters, words, a number. */
static bool S_region_like(const char *s)
{
	size_t n = strlen(s), k = 2, words = 0;

	if (n < 6 || !islower((unsigned char)s[0]) ||
	    !islower((unsigned char)s[1]))
		return false;
	while (k < n && s[k] == '-') {
		size_t m = k + 1;
		while (m < n && islower((unsigned char)s[m]))
			m++;
		if (m == k + 1)
			break;
		words++;
		k = m;
	}
	if (!words || k >= n || s[k] != '-' || !isdigit((unsigned char)s[k + 1]))
		return false;
	for (k++; k < n; k++)
		if (!isdigit((unsigned char)s[k]))
			return false;
	return true;
}

static bool S_region_key(const char *key)
{
	static const char *const KEYS[] = {"region", "region_name", "peer_region",
	                                   "source_region", "destination_region"};
	size_t k;
	for (k = 0; key && k < sizeof(KEYS) / sizeof(KEYS[0]); k++)
		if (strcmp(key, KEYS[k]) == 0)
			return true;
	return false;
}

static void S_place_leaf(const char *key, const json_t *v, const char *path,
                         S_place_fn fn, void *ctx)
{
	const char *s = json_string_value(v);
	size_t n = s ? strlen(s) : 0;
	tfs_arn arn;

	if (!n)
		return;
	if (tfs_arn_parse(s, &arn)) {
		fn(ctx, path, v, arn.region, arn.account, "an ARN");
	} else if (strncmp(s, TFS_AFTER_APPLY, strlen(TFS_AFTER_APPLY)) == 0) {
		/* a plan's ARN to be: it places nothing yet, but joins */
		fn(ctx, path, v, "", NULL, "a value known after apply");
	} else if (key && (strcmp(key, "availability_zone") == 0 ||
	                   strcmp(key, "availability_zones") == 0) &&
	           n >= 3 && n < 32 && islower((unsigned char)s[n - 1]) &&
	           isdigit((unsigned char)s[n - 2])) {
		char region[32];
		memcpy(region, s, n - 1);
		region[n - 1] = '\0';
		if (S_region_like(region))
			fn(ctx, path, v, region, NULL, "an availability zone");
	} else if (S_region_key(key) && S_region_like(s)) {
		fn(ctx, path, v, s, NULL, "a Region");
	}
}

/* Walks v; path[0..len) is its path, key the member name it sits under
 * (an array's elements sit under the array's). */
static void S_places(const json_t *v, const char *key, char *path, size_t len,
                     size_t cap, int depth, S_place_fn fn, void *ctx)
{
	const char *k;
	json_t *e;
	size_t i;

	if (depth > S_MAX_DEPTH)
		return;
	if (json_is_string(v)) {
		S_place_leaf(key, v, path, fn, ctx);
	} else if (json_is_array(v)) {
		json_array_foreach((json_t *)(uintptr_t)v, i, e) {
			int w = snprintf(path + len, cap - len, "[%zu]", i);
			if (w > 0 && (size_t)w < cap - len)
				S_places(e, key, path, len + (size_t)w, cap, depth + 1,
				         fn, ctx);
			path[len] = '\0';
		}
	} else if (json_is_object(v)) {
		json_object_foreach((json_t *)(uintptr_t)v, k, e) {
			int w;
			if (depth == 0 &&
			    (strcmp(k, "arn") == 0 || strcmp(k, "id") == 0 ||
			     strcmp(k, "region") == 0 || strcmp(k, "tags") == 0 ||
			     strcmp(k, "tags_all") == 0))
				continue;
			w = snprintf(path + len, cap - len, "%s%s", len ? "." : "", k);
			if (w > 0 && (size_t)w < cap - len)
				S_places(e, k, path, len + (size_t)w, cap, depth + 1, fn,
				         ctx);
			path[len] = '\0';
		}
	}
}

static void S_each_place(const json_t *attrs, S_place_fn fn, void *ctx)
{
	char path[512];

	path[0] = '\0';
	S_places(attrs, NULL, path, 0, sizeof(path), 0, fn, ctx);
}

/* ---- PRE-REGION -----------------------------------------------------------
 * What AWS itself requires in us-east-1: what CloudFront names there (its
 * viewer certificate, CLOUDFRONT-scope web ACL, Lambda@Edge functions),
 * the certificate of an edge-optimised API or a Cognito custom domain
 * (both served by CloudFront), Route 53's query-log group and DNSSEC key,
 * and alarms on CloudFront, Route 53 and billing metrics (published there
 * only).  A us-east-1 resource is excepted when its ARN is, extends or is
 * extended by one of those ("...:function:edge" and its ":3"; a topic and
 * its subscriptions), or when it has no ARN of its own and names one (a
 * certificate's validation); what an excepted resource names in us-east-1
 * (an alarm's topic) is excepted in turn. */

typedef struct {
	const char **arns;
	size_t n, cap;
	bool *excepted; /* per resource node */
} S_use1;

static bool S_is_use1(const char *region)
{
	return strcmp(region, "us-east-1") == 0;
}

/* arn without the ":*" some attributes append (log groups). */
static size_t S_arn_len(const char *arn)
{
	size_t n = strlen(arn);
	return n > 2 && strcmp(arn + n - 2, ":*") == 0 ? n - 2 : n;
}

static bool S_after_apply(const char *s)
{
	return s && strncmp(s, TFS_AFTER_APPLY, strlen(TFS_AFTER_APPLY)) == 0;
}

/* One ARN is the other, or extends it by ":..."; a plan's ARN to be only
 * matches itself. */
static bool S_arn_related(const char *a, const char *b)
{
	size_t na = S_arn_len(a), nb = S_arn_len(b), m = na < nb ? na : nb;

	if (S_after_apply(a) || S_after_apply(b))
		return strcmp(a, b) == 0;

	if (strncmp(a, b, m) != 0)
		return false;
	return na == nb || (na > nb ? a[m] : b[m]) == ':';
}

static bool S_use1_has(const S_use1 *u, const char *arn)
{
	size_t k;
	for (k = 0; arn && k < u->n; k++)
		if (S_arn_related(u->arns[k], arn))
			return true;
	return false;
}

/* Takes in a us-east-1 ARN, or a plan's ARN to be ("(known after apply:
 * aws_acm_certificate.cdn.arn)", which the certificate holds too). */
static void S_use1_add(S_use1 *u, const char *arn)
{
	tfs_arn a;

	if (!S_after_apply(arn) &&
	    (!tfs_arn_parse(arn, &a) || !S_is_use1(a.region)))
		return;
	if (S_use1_has(u, arn))
		return;
	tfs_grow(&u->arns, &u->cap, u->n + 1, sizeof(*u->arns));
	u->arns[u->n++] = arn;
}

static void S_use1_add_place(void *ctx, const char *path, const json_t *v,
                             const char *region, const char *account,
                             const char *what)
{
	(void)path;
	(void)region;
	(void)account;
	(void)what;
	S_use1_add(ctx, json_string_value(v)); /* it keeps what belongs */
}

typedef struct {
	const S_use1 *u;
	bool hit;
} S_names_ctx;

static void S_names_place(void *ctx, const char *path, const json_t *v,
                          const char *region, const char *account,
                          const char *what)
{
	S_names_ctx *c = ctx;
	(void)path;
	(void)region;
	(void)account;
	if (strcmp(what, "a Region") != 0 &&
	    strcmp(what, "an availability zone") != 0 &&
	    S_use1_has(c->u, json_string_value(v)))
		c->hit = true;
}

/* Marks node i excepted and takes in what it names in us-east-1. */
static void S_use1_except(tfs_check_ctx *x, S_use1 *u, size_t i)
{
	const json_t *a = tfs_ck_attrs(x, i);

	u->excepted[i] = true;
	S_use1_add(u, tfs_attr_str(a, "arn"));
	S_use1_add(u, tfs_attr_str(a, "id"));
	S_each_place(a, S_use1_add_place, u);
}

/* An alarm on a metric CloudWatch publishes in us-east-1 only. */
static bool S_global_metric_alarm(const json_t *a)
{
	static const char *const NS[] = {"AWS/CloudFront", "AWS/Route53",
	                                 "AWS/Billing"};
	const char *ns = tfs_attr_str(a, "namespace");
	const json_t *q;
	size_t k, j = 0;

	/* the alarm's own metric, else each query's */
	for (;;) {
		for (k = 0; ns && k < sizeof(NS) / sizeof(NS[0]); k++)
			if (strcmp(ns, NS[k]) == 0)
				return true;
		q = json_array_get(json_object_get(a, "metric_query"), j++);
		if (!q)
			return false;
		ns = tfs_attr_str(tfs_attr_block(q, "metric"), "namespace");
	}
}

static void S_use1_build(tfs_check_ctx *x, S_use1 *u)
{
	size_t i, pass;
	bool changed = true;

	memset(u, 0, sizeof(*u));
	u->excepted = xcalloc(x->m->nresources + 1, sizeof(*u->excepted));
	for (i = 0; i < x->m->nresources; i++) {
		const char *t = tfs_ck_type(x, i);
		const json_t *a = tfs_ck_attrs(x, i);
		const tfs_inventory_item *it = x->m->nodes[i].item;

		if (strncmp(t, "aws_cloudfront_", 15) == 0 ||
		    strcmp(t, "aws_route53_query_log") == 0 ||
		    strcmp(t, "aws_route53_key_signing_key") == 0)
			S_each_place(a, S_use1_add_place, u);
		else if (strcmp(t, "aws_api_gateway_domain_name") == 0 ||
		         strcmp(t, "aws_cognito_user_pool_domain") == 0)
			S_use1_add(u, tfs_attr_str(a, "certificate_arn"));
		else if ((strncmp(t, "aws_wafv2_", 10) == 0 &&
		          tfs_ck_str_eq(tfs_attr_str(a, "scope"), "CLOUDFRONT")) ||
		         (strcmp(t, "aws_cloudwatch_metric_alarm") == 0 && it &&
		          S_is_use1(it->region) && S_global_metric_alarm(a)))
			S_use1_except(x, u, i);
	}
	for (pass = 0; changed && pass < 8; pass++) {
		changed = false;
		for (i = 0; i < x->m->nresources; i++) {
			const tfs_inventory_item *it = x->m->nodes[i].item;
			const json_t *a = tfs_ck_attrs(x, i);
			const char *arn = tfs_attr_str(a, "arn");
			tfs_arn own;
			bool has_arn;
			S_names_ctx c = {u, false};

			if (u->excepted[i] || !it || !S_is_use1(it->region))
				continue;
			if (!tfs_arn_parse(arn, &own) && !S_after_apply(arn))
				arn = tfs_attr_str(a, "id");
			has_arn = tfs_arn_parse(arn, &own) || S_after_apply(arn);
			if (has_arn)
				c.hit = S_use1_has(u, arn) ||
				        S_use1_has(u, tfs_attr_str(a, "qualified_arn"));
			else
				S_each_place(a, S_names_place, &c);
			if (c.hit) {
				S_use1_except(x, u, i);
				changed = true;
			}
		}
	}
}

static void S_use1_release(S_use1 *u)
{
	free(u->arns);
	free(u->excepted);
}

/* The first place of an instance outside sa-east-1, and how many. */
typedef struct {
	tfs_check_ctx *x;
	const S_use1 *u;
	bool excepted; /* the instance itself is in us-east-1 by rule */
	const char *attr, *value, *region, *what;
	size_t count;
} S_elsewhere;

static void S_elsewhere_place(void *ctx, const char *path, const json_t *v,
                              const char *region, const char *account,
                              const char *what)
{
	S_elsewhere *e = ctx;
	const char *s = json_string_value(v);

	(void)account;
	if (!*region || strchr(region, '*') || !S_region_like(region) ||
	    strcmp(region, TFS_DEFAULT_REGION) == 0)
		return;
	if (S_is_use1(region) &&
	    (e->excepted ||
	     (strcmp(what, "an ARN") == 0 &&
	      (S_use1_has(e->u, s) || strstr(s, ":global/") != NULL))))
		return; /* required there (a CLOUDFRONT web ACL is "global/") */
	if (!e->count++) {
		e->attr = tfs_ck_fmt(e->x, "%s", path);
		e->value = tfs_ck_value(e->x, v);
		e->region = tfs_ck_fmt(e->x, "%s", region);
		e->what = what;
	}
}

/* A finding for an instance that names something outside sa-east-1;
 * false when it names nothing there. */
static bool S_region_refs(tfs_check_ctx *x, size_t i, const S_use1 *u)
{
	S_elsewhere e;

	memset(&e, 0, sizeof(e));
	e.x = x;
	e.u = u;
	e.excepted = u->excepted[i];
	S_each_place(tfs_ck_attrs(x, i), S_elsewhere_place, &e);
	if (!e.count)
		return false;
	tfs_ck_result(x, i, TFS_STATUS_FAIL, e.attr, e.value,
	              "names %s in %s, outside sa-east-1%s", e.what, e.region,
	              e.count > 1 ? tfs_ck_fmt(x, " (and %zu more place%s "
	                                          "elsewhere)",
	                                       e.count - 1,
	                                       e.count == 2 ? "" : "s")
	                          : "");
	return true;
}

static void S_region(tfs_check_ctx *x)
{
	size_t i, inside = 0, unrecorded = 0, excepted = 0, failed = 0;
	S_use1 u;

	S_use1_build(x, &u);
	for (i = 0; i < x->m->nresources; i++) {
		const tfs_inventory_item *it = x->m->nodes[i].item;

		if (!it)
			continue;
		if (it->region_source != TFS_REGION_GLOBAL &&
		    it->region_source != TFS_REGION_DEFAULT &&
		    strcmp(it->region, TFS_DEFAULT_REGION) != 0 &&
		    !u.excepted[i]) {
			failed++;
			tfs_ck_result(x, i, TFS_STATUS_FAIL, "region", it->region,
			              "in %s (%s), outside sa-east-1", it->region,
			              tfs_region_source_name(it->region_source));
			continue;
		}
		if (S_region_refs(x, i, &u)) {
			failed++;
			continue;
		}
		if (it->region_source == TFS_REGION_GLOBAL)
			continue;
		if (it->region_source == TFS_REGION_DEFAULT)
			unrecorded++;
		else if (u.excepted[i])
			excepted++;
		else
			inside++;
	}
	if (!failed && inside + excepted)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_PASS, "region",
		              "\"sa-east-1\"",
		              "all %zu resources that record a region are in "
		              "sa-east-1%s%s",
		              inside + excepted,
		              excepted ? " or, where AWS requires it for CloudFront "
		                         "and other global services, in us-east-1"
		                       : "",
		              unrecorded ? "; the others record none" : "");
	else if (!failed && unrecorded)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_UNKNOWN, "region", NULL,
		              "no resource records its region (no ARNs, no "
		              "availability zones)");
	S_use1_release(&u);
}

static void S_cf_cert_region(tfs_check_ctx *x)
{
	size_t d;

	TFS_CK_FOREACH(x, d, TFS_KIND_CLOUDFRONT) {
		const json_t *vc = tfs_attr_block(tfs_ck_attrs(x, d),
		                                  "viewer_certificate");
		const char *arn = tfs_attr_str(vc, "acm_certificate_arn");
		tfs_arn parts;

		if (!arn) {
			tfs_ck_na(x, d, "uses no ACM certificate");
			continue;
		}
		if (!tfs_arn_parse(arn, &parts))
			tfs_ck_unknown(x, d, "viewer_certificate[0].acm_certificate_arn",
			               "the certificate ARN cannot be read");
		else if (strcmp(parts.region, "us-east-1") == 0)
			tfs_ck_pass(x, d, "viewer_certificate[0].acm_certificate_arn",
			            "the viewer certificate is in us-east-1");
		else
			tfs_ck_fail(x, d, "viewer_certificate[0].acm_certificate_arn",
			            "the viewer certificate is in %s; CloudFront "
			            "accepts only us-east-1 certificates",
			            parts.region[0] ? parts.region : "no region");
	}
}

/* ---- PRE-ACCOUNT ---------------------------------------------------------- */

/* The first ARN an instance names in another environment's account. */
typedef struct {
	tfs_check_ctx *x;
	const char *env; /* the instance's environment */
	const char *attr, *value, *account, *owner;
	size_t count;
} S_foreign;

static void S_foreign_place(void *ctx, const char *path, const json_t *v,
                            const char *region, const char *account,
                            const char *what)
{
	S_foreign *f = ctx;
	const char *owner;

	(void)region;
	(void)what;
	if (!account || strlen(account) != 12 ||
	    strspn(account, "0123456789") != 12)
		return; /* "aws" (managed policies), "" (S3), partners' ids */
	owner = tfs_ck_account_env(f->x, account);
	if (!owner || tfs_ck_env_same(f->x, owner, f->env))
		return;
	if (!f->count++) {
		f->attr = tfs_ck_fmt(f->x, "%s", path);
		f->value = tfs_ck_value(f->x, v);
		f->account = tfs_ck_fmt(f->x, "%s", account);
		f->owner = owner;
	}
}

/* A finding for an instance of a known environment that names an ARN in
 * the account of another (a prod service on a dev role or topic); false
 * when it names none. */
static bool S_account_refs(tfs_check_ctx *x, size_t i)
{
	const tfs_node *n = &x->m->nodes[i];
	S_foreign f;

	if (n->env_source == TFS_ENV_UNKNOWN || !n->environment)
		return false;
	memset(&f, 0, sizeof(f));
	f.x = x;
	f.env = n->environment;
	S_each_place(tfs_ck_attrs(x, i), S_foreign_place, &f);
	if (!f.count)
		return false;
	tfs_ck_result(x, i, TFS_STATUS_FAIL, f.attr, f.value,
	              "a %s resource that names an ARN in account %s, which is "
	              "%s's%s",
	              n->environment, f.account, f.owner,
	              f.count > 1 ? tfs_ck_fmt(x, " (and %zu more such ARN%s)",
	                                       f.count - 1,
	                                       f.count == 2 ? "" : "s")
	                          : "");
	return true;
}

static void S_account(tfs_check_ctx *x)
{
	size_t i, agree = 0, failed = 0, seen = 0;

	if (!x->config || !x->config->n_account_envs) {
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_UNKNOWN,
		              "environments.accounts", NULL,
		              "no account map in tfsight.yml (environments.accounts) "
		              "to compare accounts with");
		return;
	}
	for (i = 0; i < x->m->nresources; i++) {
		const tfs_node *n = &x->m->nodes[i];
		const char *acct = n->item ? n->item->account : NULL;
		const char *want;

		if (!acct) {
			failed += S_account_refs(x, i);
			continue;
		}
		seen++;
		want = tfs_ck_account_env(x, acct);
		if (!want) {
			failed++;
			tfs_ck_result(x, i, TFS_STATUS_FAIL, "arn (account)", acct,
			              "account %s is not one of the accounts in "
			              "tfsight.yml",
			              acct);
		} else if (n->env_source == TFS_ENV_TAG && n->environment &&
		           !tfs_ck_env_same(x, n->environment, want)) {
			failed++;
			tfs_ck_result(x, i, TFS_STATUS_FAIL, "arn (account)", acct,
			              "tagged %s but in account %s, which is %s's",
			              n->environment, acct, want);
		} else if (S_account_refs(x, i)) {
			failed++;
		} else {
			agree++;
		}
	}
	if (!failed && agree)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_PASS, "arn (account)", NULL,
		              "all %zu resources with an ARN are in their "
		              "environment's account",
		              agree);
	else if (!seen && !failed)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_UNKNOWN, "arn", NULL,
		              "no resource records an ARN, so no account is known");
}

static void S_rds_password(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		const tfs_kind k = x->m->nodes[i].kind;
		const json_t *a;
		bool managed = false;

		if (k != TFS_KIND_RDS_INSTANCE && k != TFS_KIND_RDS_CLUSTER)
			continue;
		a = tfs_ck_attrs(x, i);
		if (strcmp(tfs_ck_type(x, i), "aws_db_instance") == 0 &&
		    tfs_attr_str(a, "replicate_source_db")) {
			tfs_ck_na(x, i, "a read replica has no password of its own");
			continue;
		}
		tfs_attr_bool(a, "manage_master_user_password", &managed);
		if (managed)
			tfs_ck_pass(x, i, "manage_master_user_password",
			            "RDS keeps the master password in Secrets Manager");
		else if (json_is_null(json_object_get(a, "password")) ||
		         !json_object_get(a, "password"))
			tfs_ck_pass(x, i, "password",
			            "no master password is stored in the state");
		else
			tfs_ck_fail(x, i, "password",
			            "the master password sits in the state in plain "
			            "text");
	}
}

static void S_waivers(tfs_check_ctx *x)
{
	size_t i, live = 0;

	for (i = 0; x->config && i < x->config->n_waivers; i++) {
		const tfs_waiver *w = &x->config->waivers[i];
		if (w->expires && strcmp(w->expires, x->today) < 0)
			tfs_ck_result(x, TFS_NONE, TFS_STATUS_FAIL,
			              tfs_ck_fmt(x, "checks.waivers[%zu].expires", i),
			              w->expires,
			              "the waiver of %s for %s (%s line %d) expired on "
			              "%s; its findings count again",
			              w->check, w->address, x->config->source, w->line,
			              w->expires);
		else
			live++;
	}
	if (live)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_PASS, "checks.waivers", NULL,
		              "%zu waiver%s in force", live, live == 1 ? "" : "s");
}

const tfs_check_def tfs_checks_predeploy[] = {
	{"PRE-IAC", "Infrastructure is defined as code",
	 TFS_CHECKCAT_PREDEPLOY, TFS_SEV_INFO, TFS_SCOPE_ALL, S_SEED_IAC,
	 "Well-Architected OPS05-BP01",
	 "Keep every resource in Terraform; import what was made by hand "
	 "(terraform import).",
	 S_iac, NULL},
	{"PRE-REGION", "Every regional resource is in sa-east-1",
	 TFS_CHECKCAT_PREDEPLOY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_REGION,
	 "house rule (seeds: AWS region and accounts)",
	 "Set the provider's `region = \"sa-east-1\"` and name no ARN, zone or "
	 "Region elsewhere; only what AWS requires in us-east-1 (CloudFront's "
	 "ACM certificate, CLOUDFRONT-scope WAF, Lambda@Edge, alarms on "
	 "CloudFront, Route 53 or billing metrics) belongs there, through an "
	 "aliased provider.",
	 S_region, NULL},
	{"PRE-CF-CERT-REGION", "CloudFront's certificate is in us-east-1",
	 TFS_CHECKCAT_PREDEPLOY, TFS_SEV_HIGH, TFS_SCOPE_ALL,
	 "Use AWS Certificate Manager (ACM) for SSL/TLS certificates",
	 "AWS requirement (CloudFront viewer certificates come from us-east-1)",
	 "Create the `aws_acm_certificate` with a `provider = aws.us_east_1` "
	 "alias and set `viewer_certificate.acm_certificate_arn` to it.",
	 S_cf_cert_region, NULL},
	{"PRE-ACCOUNT", "Each environment runs in its own account",
	 TFS_CHECKCAT_PREDEPLOY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_ACCOUNT,
	 "house rule (seeds: dev 125611408459, prod 283165662494); "
	 "Well-Architected SEC01-BP01",
	 "Point the environment's backend and provider at its own account "
	 "(`assume_role` / `allowed_account_ids`); map accounts in tfsight.yml "
	 "`environments.accounts`.",
	 S_account, NULL},
	{"PRE-RDS-MANAGED-PASSWORD", "No database password in the state",
	 TFS_CHECKCAT_PREDEPLOY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_SECRETS,
	 "Security Hub SecretsManager.1 (related); Terraform docs: "
	 "manage_master_user_password",
	 "Set `manage_master_user_password = true` on `aws_db_instance` / "
	 "`aws_rds_cluster` and drop `password`.",
	 S_rds_password, NULL},
	{"PRE-WAIVER-EXPIRED", "No waiver has expired", TFS_CHECKCAT_PREDEPLOY,
	 TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "(tfsight) An accepted finding is waived with a reason and an expiry "
	 "date",
	 "tfsight.yml checks.waivers",
	 "Fix the finding, or renew the waiver with a new `expires` date and "
	 "reason in tfsight.yml.",
	 S_waivers, NULL},
	{"PRE-TESTS", "Unit and integration tests pass", TFS_CHECKCAT_PREDEPLOY,
	 TFS_SEV_INFO, TFS_SCOPE_ALL, "Unit and integration tests passing", "",
	 "Run them in CI before `terraform apply`.", NULL,
	 "test results are not recorded in Terraform state"},
	{"PRE-MIGRATIONS", "Database migrations are tested",
	 TFS_CHECKCAT_PREDEPLOY, TFS_SEV_INFO, TFS_SCOPE_ALL,
	 "Database migrations tested", "",
	 "Run migrations against a staging copy before production.", NULL,
	 "migrations run inside the application, not in Terraform"},
	{"PRE-BACKUP-DOCS", "Backup and recovery procedures are documented",
	 TFS_CHECKCAT_PREDEPLOY, TFS_SEV_INFO, TFS_SCOPE_ALL,
	 "Backup and recovery procedures documented",
	 "Well-Architected REL09-BP04",
	 "Write the runbook and test a restore.", NULL,
	 "documents and restore tests live outside Terraform state"},
};
const size_t tfs_checks_predeploy_count =
	sizeof(tfs_checks_predeploy) / sizeof(tfs_checks_predeploy[0]);
