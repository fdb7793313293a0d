/* delivery.c - the delivery rules of seeds 002 (ci-cd-github-actions,
 * infrastructure-terraform, ci-cd-terraform-integration): GitHub Actions
 * reach AWS through OIDC, trusted for one repository and, in production,
 * for one environment or branch; Terraform state sits in a versioned,
 * encrypted, private and locked S3 bucket, one state per environment. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/check_int.h"

static const char S_SEED_OIDC[] =
	"Use GitHub Actions secrets for AWS credentials (IAM user or OIDC)";
static const char S_SEED_DEPLOY_REF[] =
	"Trigger deploy only from protected branches or manual dispatch as per "
	"project standards.";
static const char S_SEED_STATE[] =
	"Store Terraform state in S3 with versioning enabled";
static const char S_SEED_LOCK[] =
	"Use DynamoDB for state locking to prevent concurrent modifications";
static const char S_SEED_PER_ENV[] =
	"Define separate workspaces or directories for dev/staging/prod";

/* GitHub's OIDC issuer; enterprises with a unique issuer URL append
 * "/SLUG", and IAM then names the claims "ISSUER/SLUG:sub". */
#define S_GITHUB "token.actions.githubusercontent.com"
/* The audience aws-actions/configure-aws-credentials asks for. */
#define S_STS_AUD "sts.amazonaws.com"

/* ---- GitHub's OIDC provider ------------------------------------------------ */

/* The issuer of an OIDC provider URL or provider ARN tail when it is
 * GitHub's ("token.actions.githubusercontent.com[/SLUG]"), else NULL: the
 * prefix of the condition keys IAM gives its claims. */
static const char *S_github_issuer(tfs_check_ctx *x, const char *url)
{
	size_t n = strlen(S_GITHUB), len;

	if (!url)
		return NULL;
	if (strncasecmp(url, "https://", 8) == 0)
		url += 8;
	if (strncasecmp(url, S_GITHUB, n) != 0 || (url[n] && url[n] != '/'))
		return NULL;
	len = strlen(url);
	while (len > n && url[len - 1] == '/')
		len--;
	return tfs_ck_fmt(x, "%.*s", (int)len, url);
}

/* The GitHub issuer a Federated principal stands for: its ARN's
 * oidc-provider/ tail, or the URL of the provider of this input with that
 * ARN; NULL when it is not GitHub's. */
static const char *S_federated_issuer(tfs_check_ctx *x, const char *arn)
{
	const char *tail = arn ? strstr(arn, ":oidc-provider/") : NULL;
	const char *iss;
	size_t n, it;

	if (tail && strncmp(arn, "arn:", 4) == 0 &&
	    (iss = S_github_issuer(x, tail + strlen(":oidc-provider/"))))
		return iss;
	n = tfs_ck_first(x, "aws_iam_openid_connect_provider", "arn", arn, &it);
	return n != TFS_NONE
	               ? S_github_issuer(x, tfs_attr_str(tfs_ck_attrs(x, n), "url"))
	               : NULL;
}

/* Whether an Action entry (a string or a list, with IAM's wildcards and
 * its case-insensitive action names) covers sts:AssumeRoleWithWebIdentity. */
static bool S_allows_web_identity(const json_t *act)
{
	size_t k, n = json_is_array(act) ? json_array_size(act) : 1;

	for (k = 0; k < n; k++) {
		const json_t *v = json_is_array(act) ? json_array_get(act, k) : act;
		const char *a = json_string_value(v);
		char low[128];
		size_t c;

		if (!a || strlen(a) >= sizeof(low))
			continue;
		for (c = 0; a[c]; c++)
			low[c] = (char)tolower((unsigned char)a[c]);
		low[c] = '\0';
		if (tfs_ck_glob(low, "sts:assumerolewithwebidentity"))
			return true;
	}
	return false;
}

/* The GitHub issuer of an Allow statement that lets a federated GitHub
 * principal assume the role, or NULL when the statement is not one. */
static const char *S_github_statement(tfs_check_ctx *x, const json_t *s)
{
	const json_t *fed = json_object_get(json_object_get(s, "Principal"),
	                                    "Federated");
	size_t k, n = json_is_array(fed) ? json_array_size(fed) : 1;

	if (!tfs_ck_str_eq(json_string_value(json_object_get(s, "Effect")),
	                   "Allow") ||
	    !S_allows_web_identity(json_object_get(s, "Action")))
		return NULL;
	for (k = 0; k < n; k++) {
		const json_t *v = json_is_array(fed) ? json_array_get(fed, k) : fed;
		const char *iss = S_federated_issuer(x, json_string_value(v));
		if (iss)
			return iss;
	}
	return NULL;
}

/* ---- conditions on GitHub's claims ----------------------------------------
 * A condition holds when the claim matches any of its values, and a
 * statement holds when every condition does: a statement is as narrow as
 * its narrowest condition, and a condition as wide as its widest value. */

/* A statement names a claim under a few operators at most (StringEquals,
 * StringLike, their ForAnyValue: and IfExists forms); past this many the
 * rest are not read, which can only make a statement look wider. */
enum { S_MAX_CONDS = 8 };

typedef struct {
	const char *op, *key; /* as written, for the evidence path */
	const json_t *vals;   /* a string, or a list of them */
	bool like;            /* StringLike: '*' and '?' are wildcards */
} S_cond;

typedef struct {
	S_cond c[S_MAX_CONDS];
	size_t n;
} S_conds;

static size_t S_cond_count(const S_cond *c)
{
	return json_is_array(c->vals) ? json_array_size(c->vals) : 1;
}

/* The k-th value of a condition, or NULL when it is not a string. */
static const json_t *S_cond_value(const S_cond *c, size_t k)
{
	const json_t *v = json_is_array(c->vals) ? json_array_get(c->vals, k)
	                                         : c->vals;
	return json_is_string(v) ? v : NULL;
}

static const char *S_cond_path(tfs_check_ctx *x, const char *where,
                               const S_cond *c, size_t k)
{
	return json_is_array(c->vals)
	               ? tfs_ck_fmt(x, "%s.Condition.%s[\"%s\"][%zu]", where,
	                            c->op, c->key, k)
	               : tfs_ck_fmt(x, "%s.Condition.%s[\"%s\"]", where, c->op,
	                            c->key);
}

/* The operators that allow only the values they list, without IAM's set
 * qualifiers and IfExists; false for the others (StringNotEquals,
 * ArnLike, ...), which restrict nothing to a named set. */
static bool S_string_operator(const char *op, bool *like)
{
	size_t n;

	if (strncasecmp(op, "ForAnyValue:", 12) == 0)
		op += 12;
	else if (strncasecmp(op, "ForAllValues:", 13) == 0)
		op += 13;
	n = strlen(op);
	if (n > 8 && strcasecmp(op + n - 8, "IfExists") == 0)
		n -= 8;
	*like = n == 10 && strncasecmp(op, "StringLike", n) == 0;
	return *like || (n == 12 && strncasecmp(op, "StringEquals", n) == 0) ||
	       (n == 22 && strncasecmp(op, "StringEqualsIgnoreCase", n) == 0);
}

/* Every condition of statement s on the claim ISSUER:claim (condition keys
 * are case-insensitive in IAM); where is the statement's path. */
static void S_claim_conds(tfs_check_ctx *x, const json_t *s,
                          const char *issuer, const char *claim, S_conds *out)
{
	const json_t *cond = json_object_get(s, "Condition");
	const char *op, *key;
	const char *want = tfs_ck_fmt(x, "%s:%s", issuer, claim);
	json_t *block, *vals;

	out->n = 0;
	if (!json_is_object(cond))
		return;
	json_object_foreach((json_t *)(uintptr_t)cond, op, block) {
		bool like;

		if (!json_is_object(block) || !S_string_operator(op, &like))
			continue;
		json_object_foreach(block, key, vals) {
			S_cond *c;

			if (strcasecmp(key, want) != 0 || out->n == S_MAX_CONDS)
				continue;
			c = &out->c[out->n++];
			c->op = op;
			c->key = key;
			c->vals = vals;
			c->like = like;
		}
	}
}

static bool S_wild(char c, bool like)
{
	return like && (c == '*' || c == '?');
}

/* The first wildcard of s[0..n), or n. */
static size_t S_first_wild(const char *s, size_t n, bool like)
{
	size_t k;
	for (k = 0; k < n && !S_wild(s[k], like); k++)
		;
	return k;
}

/* What a value lets in, narrowest first. */
typedef enum {
	S_NO_TOKEN,  /* no token GitHub issues ("*" under StringEquals) */
	S_ONE_REPO,  /* one repository */
	S_ONE_OWNER, /* every repository of one owner */
	S_ANY_REPO,  /* any repository of any owner */
	S_NO_COND,   /* a statement with no condition on the repository */
} S_reach;

/* "OWNER/NAME" (names may carry GitHub's immutable "@ID"): one repository
 * when literal, one owner when the wildcard comes after the slash. */
static S_reach S_repo_name(const char *s, size_t n, bool like)
{
	size_t w = S_first_wild(s, n, like);
	const char *slash = memchr(s, '/', n);
	size_t at = slash ? (size_t)(slash - s) : n;

	if (w < n)
		return w > at && at > 0 ? S_ONE_OWNER : S_ANY_REPO;
	if (!like && memchr(s, '*', n))
		return S_NO_TOKEN;
	return at > 0 && at + 1 < n ? S_ONE_REPO : S_NO_TOKEN;
}

/* Where a subject names its repository: "repo:" (GitHub's default and
 * most templates), "repository:" or "repository_id:" of a customised
 * subject, at the start or after a ':'.  *len gets the key's length. */
static const char *S_sub_key(const char *v, const char *const *keys,
                             size_t nkeys, size_t *len)
{
	const char *p;
	size_t k;

	for (p = v; *p; p++) {
		if (p != v && p[-1] != ':')
			continue;
		for (k = 0; k < nkeys; k++)
			if (strncmp(p, keys[k], strlen(keys[k])) == 0) {
				*len = strlen(keys[k]);
				return p;
			}
	}
	return NULL;
}

/* What one sub value lets in; *repo and *rest point at the repository it
 * names and at what follows it (":environment:prod"). */
static S_reach S_sub_reach(const char *v, bool like, const char **repo,
                           size_t *repo_len, const char **rest)
{
	static const char *const REPO_KEYS[] = {"repo:", "repository:",
	                                        "repository_id:"};
	static const char *const OWNER_KEYS[] = {"repository_owner:",
	                                         "repository_owner_id:"};
	size_t klen = 0, seg;
	const char *p = S_sub_key(v, REPO_KEYS, 3, &klen);
	S_reach r;

	*repo = NULL;
	*repo_len = 0;
	*rest = v + strlen(v);
	if (!p) {
		/* only an owner (a template of repository_owner), or nothing */
		p = S_sub_key(v, OWNER_KEYS, 2, &klen);
		if (!p || S_first_wild(v, strlen(v), like) < (size_t)(p - v))
			return S_ANY_REPO;
		seg = strcspn(p + klen, ":");
		return S_first_wild(p + klen, seg, like) < seg || !seg ? S_ANY_REPO
		                                                      : S_ONE_OWNER;
	}
	/* a wildcard before the key could stand for any other subject */
	if (S_first_wild(v, (size_t)(p - v), like) < (size_t)(p - v))
		return S_ANY_REPO;
	p += klen;
	seg = strcspn(p, ":");
	*repo = p;
	*repo_len = seg;
	*rest = p + seg;
	if (klen == strlen("repository_id:"))
		r = S_first_wild(p, seg, like) < seg ? S_ANY_REPO
		    : seg && strspn(p, "0123456789") == seg ? S_ONE_REPO
		                                            : S_NO_TOKEN;
	else
		r = S_repo_name(p, seg, like);
	return r;
}

/* ---- one verdict per trust document ---------------------------------------- */

typedef struct {
	int rank;            /* worse is larger; -1 before the first statement */
	const char *attr;    /* evidence path */
	const json_t *value; /* its value (NULL: attr's own value is absent) */
	const char *what;    /* for the message: "octo-org/app", "main" */
	size_t statements;   /* GitHub statements seen */
} S_verdict;

typedef void (*S_judge)(tfs_check_ctx *x, const json_t *s, const char *where,
                        const char *issuer, S_verdict *v);

static void S_keep_worst(S_verdict *worst, const S_verdict *one)
{
	size_t n = worst->statements + 1;

	if (worst->rank < one->rank)
		*worst = *one;
	worst->statements = n;
}

/* Statement[] of a trust document, judged one by one; false when no
 * statement lets GitHub in. */
static bool S_judge_doc(tfs_check_ctx *x, const json_t *doc, const char *prefix,
                        S_judge judge, S_verdict *worst)
{
	const json_t *st = json_object_get(doc, "Statement");
	size_t k, n = json_is_array(st) ? json_array_size(st) : 1;

	memset(worst, 0, sizeof(*worst));
	worst->rank = -1;
	for (k = 0; k < n; k++) {
		const json_t *s = json_is_array(st) ? json_array_get(st, k) : st;
		const char *iss = json_is_object(s) ? S_github_statement(x, s) : NULL;
		S_verdict one;

		if (!iss)
			continue;
		memset(&one, 0, sizeof(one));
		judge(x, s, json_is_array(st)
		                    ? tfs_ck_fmt(x, "%s.Statement[%zu]", prefix, k)
		                    : tfs_ck_fmt(x, "%s.Statement", prefix),
		      iss, &one);
		S_keep_worst(worst, &one);
	}
	return worst->statements > 0;
}

/* A condition the statement lacks: the evidence is its Condition block. */
static void S_missing(tfs_check_ctx *x, const json_t *s, const char *where,
                      int rank, S_verdict *v)
{
	v->rank = rank;
	v->attr = tfs_ck_fmt(x, "%s.Condition", where);
	v->value = json_object_get(s, "Condition");
}

/* SEC-OIDC-GITHUB-SUB: the narrowest condition on sub, or (AWS STS since
 * 2026) on the repository / repository_id claims themselves. */
static void S_judge_repo(tfs_check_ctx *x, const json_t *s, const char *where,
                         const char *issuer, S_verdict *v)
{
	static const char *const CLAIMS[] = {"sub", "repository",
	                                     "repository_id"};
	size_t q, c, k;

	v->rank = -1;
	for (q = 0; q < 3; q++) {
		S_conds cs;

		S_claim_conds(x, s, issuer, CLAIMS[q], &cs);
		for (c = 0; c < cs.n; c++) {
			const S_cond *cd = &cs.c[c];
			S_verdict cv;

			memset(&cv, 0, sizeof(cv));
			cv.rank = -1;
			/* the widest value decides for the condition */
			for (k = 0; k < S_cond_count(cd); k++) {
				const json_t *jv = S_cond_value(cd, k);
				const char *val = json_string_value(jv), *repo = val;
				const char *rest;
				size_t len = val ? strlen(val) : 0;
				S_reach r;

				if (!val)
					continue;
				if (q == 0)
					r = S_sub_reach(val, cd->like, &repo, &len, &rest);
				else if (q == 1)
					r = S_repo_name(val, len, cd->like);
				else
					r = S_first_wild(val, len, cd->like) < len
					            ? S_ANY_REPO
					            : S_ONE_REPO;
				if ((int)r <= cv.rank)
					continue;
				cv.rank = (int)r;
				cv.attr = S_cond_path(x, where, cd, k);
				cv.value = jv;
				cv.what = !repo ? NULL
				          : q == 2 ? tfs_ck_fmt(x, "with id %s", val)
				                   : tfs_ck_fmt(x, "%.*s", (int)len, repo);
			}
			/* the narrowest condition decides for the statement */
			if (cv.rank >= 0 && (v->rank < 0 || cv.rank < v->rank))
				*v = cv;
		}
	}
	if (v->rank < 0)
		S_missing(x, s, where, S_NO_COND, v);
}

/* What a subject's context names after its repository: an environment
 * ("environment:prod") or a branch or tag ("ref:refs/heads/main"), with
 * no wildcard in the name's first character; NULL when it names neither
 * (":pull_request", ":*", nothing at all). */
static const char *S_context_name(tfs_check_ctx *x, const char *rest,
                                  bool like)
{
	const char *p = rest;

	while (*p == ':') {
		const char *tok = p + 1;
		size_t n = strcspn(tok, ":");

		if (S_first_wild(tok, n, like) == 0)
			return NULL; /* any context from here on */
		if (n == 11 && strncmp(tok, "environment", 11) == 0) {
			const char *name = tok + 12;
			size_t m = strcspn(name, ":");
			return tok[11] == ':' && m && !S_wild(name[0], like)
			               ? tfs_ck_fmt(x, "environment %.*s", (int)m,
			                            name)
			               : NULL;
		}
		if (n == 3 && strncmp(tok, "ref", 3) == 0) {
			const char *ref = tok + 4;
			size_t m = strcspn(ref, ":");
			if (tok[3] != ':')
				return NULL;
			if (m > 11 && strncmp(ref, "refs/heads/", 11) == 0 &&
			    !S_wild(ref[11], like))
				return tfs_ck_fmt(x, "branch %.*s", (int)m - 11,
				                  ref + 11);
			if (m > 10 && strncmp(ref, "refs/tags/", 10) == 0 &&
			    !S_wild(ref[10], like))
				return tfs_ck_fmt(x, "tag %.*s", (int)m - 10, ref + 10);
			return NULL;
		}
		if (S_first_wild(tok, n, like) < n)
			return NULL;
		p = tok + n; /* another claim of a customised subject */
	}
	return NULL;
}

/* SEC-OIDC-GITHUB-PROD-REF: rank 1 when a condition names an environment
 * or branch in every value, 2 when one value names neither, 3 when no
 * condition bears on it. */
static void S_judge_ref(tfs_check_ctx *x, const json_t *s, const char *where,
                        const char *issuer, S_verdict *v)
{
	static const char *const CLAIMS[] = {"sub", "environment", "ref"};
	size_t q, c, k;

	v->rank = -1;
	for (q = 0; q < 3; q++) {
		S_conds cs;

		S_claim_conds(x, s, issuer, CLAIMS[q], &cs);
		for (c = 0; c < cs.n; c++) {
			const S_cond *cd = &cs.c[c];
			S_verdict cv;
			const char *names = NULL;

			memset(&cv, 0, sizeof(cv));
			cv.rank = -1;
			for (k = 0; k < S_cond_count(cd); k++) {
				const json_t *jv = S_cond_value(cd, k);
				const char *val = json_string_value(jv);
				const char *name = NULL, *repo, *rest;
				size_t len;

				if (!val)
					continue;
				if (q == 0) {
					S_sub_reach(val, cd->like, &repo, &len, &rest);
					name = S_context_name(x, rest, cd->like);
				} else if (*val && !S_wild(val[0], cd->like)) {
					name = q == 1 ? tfs_ck_fmt(x, "environment %s", val)
					              : S_context_name(
					                        x, tfs_ck_fmt(x, ":ref:%s", val),
					                        cd->like);
				}
				if (cv.rank == 2)
					continue;
				if (!name || cv.rank < 0) {
					cv.rank = name ? 1 : 2;
					cv.attr = S_cond_path(x, where, cd, k);
					cv.value = jv;
				}
				if (name)
					names = names ? tfs_ck_fmt(x, "%s, %s", names, name)
					              : name;
			}
			cv.what = names;
			if (cv.rank >= 0 && (v->rank < 0 || cv.rank < v->rank))
				*v = cv;
		}
	}
	if (v->rank < 0)
		S_missing(x, s, where, 3, v);
}

/* SEC-OIDC-GITHUB-AUD: rank 0 when a condition allows sts.amazonaws.com
 * only, 1 when the audiences allowed include another, 2 when none is
 * named. */
static void S_judge_aud(tfs_check_ctx *x, const json_t *s, const char *where,
                        const char *issuer, S_verdict *v)
{
	S_conds cs;
	size_t c, k;

	S_claim_conds(x, s, issuer, "aud", &cs);
	v->rank = -1;
	for (c = 0; c < cs.n; c++) {
		const S_cond *cd = &cs.c[c];
		S_verdict cv;

		memset(&cv, 0, sizeof(cv));
		cv.rank = -1;
		for (k = 0; k < S_cond_count(cd) && cv.rank < 1; k++) {
			const json_t *jv = S_cond_value(cd, k);
			const char *val = json_string_value(jv);

			if (!val)
				continue;
			cv.rank = strcmp(val, S_STS_AUD) == 0 ? 0 : 1;
			cv.attr = S_cond_path(x, where, cd, k);
			cv.value = jv;
		}
		if (cv.rank >= 0 && (v->rank < 0 || cv.rank < v->rank))
			*v = cv;
	}
	if (v->rank < 0)
		S_missing(x, s, where, 2, v);
}

/* ---- the roles and documents that trust GitHub ------------------------------
 * Every aws_iam_role's assume_role_policy, and every aws_iam_policy_document
 * data source whose document no role of this input uses (its role is in
 * another state, or known only after apply): those are reported for the
 * stack, by the data source's address. */

typedef struct {
	size_t node;        /* the role, or TFS_NONE for a data source */
	const char *prefix; /* "assume_role_policy", "data.x.y.json" */
	const json_t *doc;  /* NULL: not known until apply, or not JSON */
	bool unreadable;    /* names GitHub's issuer, but is not JSON */
} S_trust;

typedef void (*S_trust_fn)(tfs_check_ctx *x, const S_trust *t);

/* A plan's role whose trust is known only after apply. */
static bool S_after_apply(const tfs_check_ctx *x, size_t role)
{
	const tfs_inventory_item *it = x->m->nodes[role].item;
	return it && it->inst->unknown &&
	       json_is_true(json_object_get(it->inst->unknown,
	                                    "assume_role_policy"));
}

static bool S_has_github_provider(tfs_check_ctx *x)
{
	size_t i;
	TFS_CK_FOREACH_TYPE(x, i, "aws_iam_openid_connect_provider")
		if (S_github_issuer(x, tfs_attr_str(tfs_ck_attrs(x, i), "url")))
			return true;
	return false;
}

static void S_each_trust(tfs_check_ctx *x, S_trust_fn fn)
{
	const tfs_inventory *inv = x->m->inv;
	json_t **docs = NULL;
	size_t ndocs = 0, cap = 0, i, k;
	bool provider = S_has_github_provider(x);

	TFS_CK_FOREACH_TYPE(x, i, "aws_iam_role") {
		json_t *doc = tfs_ck_json_attr(x, i, "assume_role_policy");
		const char *raw = tfs_attr_str(tfs_ck_attrs(x, i),
		                               "assume_role_policy");
		S_trust t = {i, "assume_role_policy", doc, false};

		if (doc) {
			tfs_grow(&docs, &cap, ndocs + 1, sizeof(*docs));
			docs[ndocs++] = doc;
			fn(x, &t);
		} else if (raw && strstr(raw, S_GITHUB)) {
			t.unreadable = true;
			fn(x, &t);
		} else if (provider && S_after_apply(x, i)) {
			fn(x, &t);
		}
	}
	for (i = 0; inv && i < inv->count; i++) {
		const tfs_instance *in = inv->items[i].inst;
		const json_t *j = json_object_get(in->attributes, "json");
		json_t *doc;
		bool used = false;

		if (in->mode != TFS_MODE_DATA ||
		    strcmp(in->type, "aws_iam_policy_document") != 0 ||
		    !json_is_string(j))
			continue;
		doc = json_loadb(json_string_value(j), json_string_length(j), 0,
		                 NULL);
		for (k = 0; doc && k < ndocs && !used; k++)
			used = json_equal(doc, docs[k]);
		if (doc && !used) {
			S_trust t = {TFS_NONE, tfs_ck_fmt(x, "%s.json", in->address),
			             doc, false};
			fn(x, &t);
		}
		json_decref(doc);
	}
	for (k = 0; k < ndocs; k++)
		json_decref(docs[k]);
	free(docs);
}

/* Production, for a role by its own environment, for a data source by the
 * stack's (none: production, the stricter reading). */
static bool S_trust_prod(const tfs_check_ctx *x, const S_trust *t)
{
	size_t k;

	if (t->node != TFS_NONE)
		return tfs_ck_is_prod(x, t->node);
	if (!x->stack_env)
		return true;
	for (k = 0; k < x->n_prod_envs; k++)
		if (strcasecmp(x->stack_env, x->prod_envs[k]) == 0)
			return true;
	return false;
}

/* Records a finding on the role, or on the stack for a data source. */
static void S_trust_result(tfs_check_ctx *x, const S_trust *t, tfs_status st,
                           const S_verdict *v, const char *msg)
{
	tfs_ck_result(x, t->node, st, v->attr, tfs_ck_value(x, v->value), "%s%s",
	              t->node == TFS_NONE
	                      ? tfs_ck_fmt(x, "%.*s: ",
	                                   (int)(strlen(t->prefix) - 5), t->prefix)
	                      : "",
	              msg);
}

/* The finding for a trust not known until apply, or false to go on. */
static bool S_trust_pending(tfs_check_ctx *x, const S_trust *t)
{
	if (t->doc)
		return false;
	/* an unread document is shown by what it is, never by its text */
	if (t->unreadable)
		tfs_ck_result(x, t->node, TFS_STATUS_UNKNOWN, "assume_role_policy",
		              "(not a JSON document)",
		              "the trust policy names GitHub's OIDC issuer but "
		              "cannot be read as a policy document");
	else
		tfs_ck_unknown(x, t->node, "assume_role_policy",
		               "the trust policy is known only after apply, and "
		               "this plan creates GitHub's OIDC provider, so the "
		               "role may trust it");
	return true;
}

/* ---- SEC-OIDC-GITHUB-SUB --------------------------------------------------- */

static void S_sub_one(tfs_check_ctx *x, const S_trust *t)
{
	S_verdict v;

	if (S_trust_pending(x, t) ||
	    !S_judge_doc(x, t->doc, t->prefix, S_judge_repo, &v))
		return;
	switch ((S_reach)v.rank) {
	case S_ONE_REPO:
		S_trust_result(x, t, TFS_STATUS_PASS, &v,
		               tfs_ck_fmt(x, "only repository %s can assume the "
		                             "role through GitHub's OIDC provider",
		                          v.what));
		break;
	case S_NO_TOKEN:
		S_trust_result(x, t, TFS_STATUS_PASS, &v,
		               "no token GitHub issues matches the condition as "
		               "written (StringEquals takes * literally), so no "
		               "workflow can assume the role through it");
		break;
	case S_ONE_OWNER:
		S_trust_result(x, t, TFS_STATUS_FAIL, &v,
		               "every repository of one GitHub owner, including "
		               "forks and any repository created later, can assume "
		               "the role; name one repository "
		               "(repo:OWNER/NAME:environment:ENV)");
		break;
	case S_ANY_REPO:
		S_trust_result(x, t, TFS_STATUS_FAIL, &v,
		               "any GitHub repository, of any owner, can assume the "
		               "role: the condition names no repository");
		break;
	case S_NO_COND:
		S_trust_result(x, t, TFS_STATUS_FAIL, &v,
		               "no " S_GITHUB ":sub condition: a workflow in any "
		               "GitHub repository can assume the role");
		break;
	}
}

static void S_oidc_sub(tfs_check_ctx *x)
{
	S_each_trust(x, S_sub_one);
}

/* ---- SEC-OIDC-GITHUB-PROD-REF ---------------------------------------------- */

static void S_ref_one(tfs_check_ctx *x, const S_trust *t)
{
	S_verdict v;

	if (!t->doc) {
		if (t->node == TFS_NONE || tfs_ck_applies(x, t->node))
			S_trust_pending(x, t);
		return;
	}
	if (!S_judge_doc(x, t->doc, t->prefix, S_judge_ref, &v))
		return;
	if (t->node != TFS_NONE && !tfs_ck_applies(x, t->node))
		return;
	if (t->node == TFS_NONE && !S_trust_prod(x, t)) {
		tfs_ck_na(x, TFS_NONE, "%.*s: applies to production only; this "
		                       "stack is %s",
		          (int)(strlen(t->prefix) - 5), t->prefix, x->stack_env);
		return;
	}
	if (v.rank == 1)
		S_trust_result(x, t, TFS_STATUS_PASS, &v,
		               tfs_ck_fmt(x, "only workflow runs for %s can assume "
		                             "this production role",
		                          v.what));
	else if (v.rank == 2)
		S_trust_result(x, t, TFS_STATUS_FAIL, &v,
		               "the trust names no GitHub environment or branch, so "
		               "a run from any branch, tag or pull request can "
		               "assume this production role; add "
		               ":environment:NAME (with protection rules) or "
		               ":ref:refs/heads/main to the sub");
	else
		S_trust_result(x, t, TFS_STATUS_FAIL, &v,
		               "no condition on sub, environment or ref: a run from "
		               "any branch, tag or pull request can assume this "
		               "production role");
}

static void S_oidc_prod_ref(tfs_check_ctx *x)
{
	S_each_trust(x, S_ref_one);
}

/* ---- SEC-OIDC-GITHUB-AUD --------------------------------------------------- */

static void S_aud_one(tfs_check_ctx *x, const S_trust *t)
{
	S_verdict v;

	if (S_trust_pending(x, t) ||
	    !S_judge_doc(x, t->doc, t->prefix, S_judge_aud, &v))
		return;
	if (v.rank == 0)
		S_trust_result(x, t, TFS_STATUS_PASS, &v,
		               "the role accepts only tokens issued for "
		               S_STS_AUD);
	else if (v.rank == 1)
		S_trust_result(x, t, TFS_STATUS_FAIL, &v,
		               "the aud condition allows an audience other than "
		               S_STS_AUD ", the one aws-actions/configure-aws-"
		               "credentials asks for");
	else
		S_trust_result(x, t, TFS_STATUS_FAIL, &v,
		               "no " S_GITHUB ":aud condition: the role accepts a "
		               "token issued for any audience the provider lists");
}

static void S_oidc_aud(tfs_check_ctx *x)
{
	S_each_trust(x, S_aud_one);
}

/* ---- SEC-OIDC-GITHUB-PROVIDER ---------------------------------------------- */

static void S_oidc_provider(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH_TYPE(x, i, "aws_iam_openid_connect_provider") {
		const json_t *a = tfs_ck_attrs(x, i);
		const json_t *ids = json_object_get(a, "client_id_list");
		const char *id;
		size_t k, hit = TFS_NONE;

		if (!S_github_issuer(x, tfs_attr_str(a, "url")))
			continue;
		tfs_attr_foreach_str(a, "client_id_list", k, id)
			if (hit == TFS_NONE && strcmp(id, S_STS_AUD) == 0)
				hit = k;
		if (!json_is_array(ids))
			tfs_ck_unknown(x, i, "client_id_list",
			               "the state does not record the provider's "
			               "audiences");
		else if (hit == TFS_NONE)
			tfs_ck_fail(x, i, "client_id_list",
			            "the provider does not accept the audience "
			            S_STS_AUD ", which aws-actions/configure-aws-"
			            "credentials asks for; add it to client_id_list");
		else
			tfs_ck_pass(x, i, tfs_ck_fmt(x, "client_id_list[%zu]", hit),
			            "GitHub's provider accepts tokens for "
			            S_STS_AUD "%s",
			            json_array_size(ids) > 1
			                    ? tfs_ck_fmt(x, " (and %zu other "
			                                    "audience%s)",
			                                 json_array_size(ids) - 1,
			                                 json_array_size(ids) == 2
			                                         ? ""
			                                         : "s")
			                    : "");
	}
}

/* ---- the Terraform state bucket ------------------------------------------ */

/* Whether a name or tag value says "Terraform state": tfstate,
 * terraform-state or tf-state (spaces and underscores read as dashes, any
 * case), not followed by a letter other than a plural s ("tf-statements"
 * is not state). */
static bool S_state_word(const char *s)
{
	static const char *const WORDS[] = {"tfstate", "terraform-state",
	                                    "tf-state"};
	char low[256];
	size_t n = 0, k;

	for (; s && *s && n + 1 < sizeof(low); s++)
		low[n++] = *s == ' ' || *s == '_'
		                   ? '-'
		                   : (char)tolower((unsigned char)*s);
	low[n] = '\0';
	for (k = 0; k < sizeof(WORDS) / sizeof(WORDS[0]); k++) {
		const char *p = low;
		size_t m = strlen(WORDS[k]);
		while ((p = strstr(p, WORDS[k])) != NULL) {
			const char *end = p + m;
			if (*end == 's')
				end++;
			if (!isalpha((unsigned char)*end))
				return true;
			p++;
		}
	}
	return false;
}

/* Why bucket node i holds Terraform state (for the message), or NULL.  A
 * list in tfsight.yml replaces the guess from names and tags. */
static const char *S_state_bucket_why(tfs_check_ctx *x, size_t i)
{
	static const char *const KEYS[] = {"Purpose", "Usage", "Role", "Name"};
	const tfs_inventory_item *it = x->m->nodes[i].item;
	const char *name = tfs_ck_bucket_name(tfs_ck_attrs(x, i));
	size_t k, t;

	if (!tfs_ck_type_is(x, i, "aws_s3_bucket"))
		return NULL;
	if (x->config && x->config->state_buckets) {
		for (k = 0; k < x->config->n_state_buckets; k++)
			if (tfs_ck_str_eq(name, x->config->state_buckets[k]))
				return "named in tfsight.yml checks.state_buckets";
		return NULL;
	}
	if (S_state_word(name))
		return "named like a Terraform state bucket";
	for (t = 0; it && t < it->ntags; t++)
		for (k = 0; k < sizeof(KEYS) / sizeof(KEYS[0]); k++)
			if (strcasecmp(it->tags[t].key, KEYS[k]) == 0 &&
			    S_state_word(it->tags[t].value))
				return tfs_ck_fmt(x, "tagged %s = %s", it->tags[t].key,
				                  it->tags[t].value);
	return NULL;
}

/* The stack-level finding when no state bucket is in the input. */
static void S_no_state_bucket(tfs_check_ctx *x)
{
	const tfs_config *c = x->config;
	const char *names = NULL;
	size_t k;

	if (!c || !c->state_buckets) {
		tfs_ck_na(x, TFS_NONE,
		          "no Terraform state bucket in this input: one is "
		          "recognised by a name with tfstate, terraform-state or "
		          "tf-state, a Purpose, Usage, Role or Name tag saying so, "
		          "or tfsight.yml checks.state_buckets");
		return;
	}
	for (k = 0; k < c->n_state_buckets; k++)
		names = names ? tfs_ck_fmt(x, "%s, %s", names, c->state_buckets[k])
		              : c->state_buckets[k];
	tfs_ck_result(x, TFS_NONE, TFS_STATUS_UNKNOWN, "checks.state_buckets",
	              names ? names : "[]",
	              "tfsight.yml names the state bucket%s, but none is in this "
	              "input; a state bucket is often bootstrapped in a state of "
	              "its own",
	              c->n_state_buckets == 1 ? "" : "s");
}

/* One shortfall of a state bucket: the first sets the evidence. */
typedef struct {
	const char *attr, *value;
	const char *list; /* "not versioned, block_public_policy is off" */
} S_short;

static void S_short_add(tfs_check_ctx *x, S_short *s,
                        const tfs_ck_s3_setting *set, const char *what)
{
	if (!s->attr) {
		s->attr = set->attr;
		s->value = set->value;
	}
	s->list = s->list ? tfs_ck_fmt(x, "%s, %s", s->list, what) : what;
}

static void S_state_bucket(tfs_check_ctx *x)
{
	size_t i;
	bool any = false;

	TFS_CK_FOREACH(x, i, TFS_KIND_S3_BUCKET) {
		const char *why = S_state_bucket_why(x, i);
		tfs_ck_s3_setting v, e, p;
		S_short fail = {NULL, NULL, NULL}, unk = {NULL, NULL, NULL};

		if (!why)
			continue;
		any = true;
		tfs_ck_s3_versioning(x, i, &v);
		tfs_ck_s3_sse(x, i, &e);
		tfs_ck_s3_bpa(x, i, &p);
		if (!v.known)
			S_short_add(x, &unk, &v, "versioning is not recorded");
		else if (!v.on)
			S_short_add(x, &fail, &v,
			            "not versioned, so a corrupted or deleted state "
			            "cannot be restored");
		if (e.from == TFS_CK_S3_NONE)
			S_short_add(x, &fail, &e,
			            "no default encryption is declared");
		else if (!e.known)
			S_short_add(x, &unk, &e,
			            "the encryption configuration records no "
			            "algorithm");
		else if (!e.on)
			S_short_add(x, &fail, &e,
			            tfs_ck_fmt(x, "%s is not an S3 encryption "
			                          "algorithm",
			                       e.state));
		if (!p.on)
			S_short_add(x, &fail, &p,
			            p.from == TFS_CK_S3_RESOURCE
			                    ? tfs_ck_fmt(x, "%s is off", p.state)
			                    : "no Block Public Access is declared");
		if (fail.list)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, fail.attr, fail.value,
			              "the Terraform state bucket (%s) falls short: "
			              "%s; the state holds every value Terraform "
			              "manages, secrets included",
			              why, fail.list);
		else if (unk.list)
			tfs_ck_result(x, i, TFS_STATUS_UNKNOWN, unk.attr, unk.value,
			              "the Terraform state bucket (%s): %s", why,
			              unk.list);
		else
			tfs_ck_result(x, i, TFS_STATUS_PASS, v.attr, v.value,
			              "the Terraform state bucket (%s) is versioned, "
			              "encrypted by default with %s and blocks public "
			              "access",
			              why, e.state);
	}
	if (!any)
		S_no_state_bucket(x);
}

/* ---- PRE-STATE-LOCK ------------------------------------------------------- */

/* Whether the Terraform that wrote the input can lock in S3 itself
 * (use_lockfile, 1.10 and later): 1 yes, 0 no, -1 not recorded. */
static int S_native_lock(const tfs_state *st)
{
	const char *v = st->terraform_version;
	char *end;
	long major, minor;

	if (!v)
		return -1;
	major = strtol(v, &end, 10);
	if (end == v || *end != '.')
		return -1;
	minor = strtol(end + 1, NULL, 10);
	return major > 1 || (major == 1 && minor >= 10);
}

static void S_state_lock(tfs_check_ctx *x)
{
	size_t i, t, table = TFS_NONE;
	const char *key_type = NULL;
	int native = S_native_lock(x->m->state);
	bool any = false;

	TFS_CK_FOREACH_TYPE(x, t, "aws_dynamodb_table") {
		const json_t *a = tfs_ck_attrs(x, t);
		const json_t *at;
		size_t k;

		if (!tfs_ck_str_eq(tfs_attr_str(a, "hash_key"), "LockID"))
			continue;
		table = t;
		json_array_foreach(json_object_get(a, "attribute"), k, at)
			if (tfs_ck_str_eq(tfs_attr_str(at, "name"), "LockID"))
				key_type = tfs_attr_str(at, "type");
		break;
	}
	TFS_CK_FOREACH(x, i, TFS_KIND_S3_BUCKET) {
		const char *why = S_state_bucket_why(x, i);

		if (!why)
			continue;
		any = true;
		if (table != TFS_NONE && key_type && strcmp(key_type, "S") != 0)
			tfs_ck_result(x, i, TFS_STATUS_FAIL,
			              tfs_ck_fmt(x, "%s.attribute[LockID].type",
			                         tfs_ck_address(x, table)),
			              tfs_ck_fmt(x, "\"%s\"", key_type),
			              "the lock table %s keys LockID as %s; Terraform "
			              "writes it as a string (S), so no lock can be "
			              "taken",
			              tfs_ck_address(x, table), key_type);
		else if (table != TFS_NONE)
			tfs_ck_result(x, i, TFS_STATUS_PASS,
			              tfs_ck_fmt(x, "%s.hash_key",
			                         tfs_ck_address(x, table)),
			              "\"LockID\"",
			              "%s (hash key LockID) can hold the state locks, "
			              "so two runs cannot write the state at once",
			              tfs_ck_address(x, table));
		else
			tfs_ck_result(
				x, i, TFS_STATUS_UNKNOWN, "aws_dynamodb_table",
				NULL,
				"no DynamoDB table with hash key LockID in this "
				"input; %s",
				native == 0
				        ? tfs_ck_fmt(x, "Terraform %s wrote this input, "
				                        "older than 1.10's S3 locking "
				                        "(use_lockfile), so the lock "
				                        "table would have to live in "
				                        "another state",
				                     x->m->state->terraform_version)
				        : "Terraform 1.10 and later can lock in S3 "
				          "itself (use_lockfile = true in the backend "
				          "block), which no state records");
	}
	if (!any)
		S_no_state_bucket(x);
}

/* ---- PRE-STATE-PER-ENV ----------------------------------------------------- */

enum { S_MAX_GROUPS = 8 };

/* Resources counted by environment or account: the first few distinct
 * names, each with its count and first address. */
typedef struct {
	const char *name[S_MAX_GROUPS];
	const char *label[S_MAX_GROUPS]; /* accounts: "1234 (prod)" */
	size_t count[S_MAX_GROUPS];
	size_t first[S_MAX_GROUPS];
	size_t n, more;
} S_groups;

static void S_group_add(S_groups *g, const tfs_check_ctx *x, const char *name,
                        const char *label, size_t node, bool env)
{
	size_t k;

	for (k = 0; k < g->n; k++)
		if (env ? tfs_ck_env_same(x, g->name[k], name)
		        : strcmp(g->name[k], name) == 0) {
			g->count[k]++;
			return;
		}
	if (g->n == S_MAX_GROUPS) {
		g->more++;
		return;
	}
	g->name[g->n] = name;
	g->label[g->n] = label;
	g->count[g->n] = 1;
	g->first[g->n] = node;
	g->n++;
}

/* "prod (12, e.g. aws_x.a), dev (3, e.g. aws_y.b)". */
static const char *S_group_text(tfs_check_ctx *x, const S_groups *g)
{
	const char *s = NULL;
	size_t k;

	for (k = 0; k < g->n; k++) {
		const char *one = tfs_ck_fmt(x, "%s (%zu, e.g. %s)", g->label[k],
		                             g->count[k],
		                             tfs_ck_address(x, g->first[k]));
		s = s ? tfs_ck_fmt(x, "%s, %s", s, one) : one;
	}
	return g->more ? tfs_ck_fmt(x, "%s and %zu more", s, g->more) : s;
}

static const char *S_group_names(tfs_check_ctx *x, const S_groups *g)
{
	const char *s = NULL;
	size_t k;

	for (k = 0; k < g->n; k++)
		s = s ? tfs_ck_fmt(x, "%s, %s", s, g->name[k]) : g->name[k];
	return s;
}

/* The environment the input's path names ("environments/prod/x.json",
 * "backend/dev/terraform.tfstate"), with *dir the directory as written;
 * NULL when it names none. */
static const char *S_path_env(tfs_check_ctx *x, const char *path,
                              const char **dir)
{
	static const char *const DIRS[] = {"backend/", "environments/", "envs/",
	                                   "env/"};
	char *p = (char *)(uintptr_t)tfs_ck_fmt(x, "%s", path ? path : "");
	char *q;
	size_t k;

	for (q = p; *q; q++)
		if (*q == '\\')
			*q = '/';
	for (q = p; *q; q++) {
		if (q != p && q[-1] != '/')
			continue;
		for (k = 0; k < sizeof(DIRS) / sizeof(DIRS[0]); k++) {
			size_t n = strlen(DIRS[k]), m;
			if (strncasecmp(q, DIRS[k], n) != 0)
				continue;
			m = strcspn(q + n, "/");
			if (!m || q[n + m] != '/')
				continue;
			*dir = tfs_ck_fmt(x, "%.*s", (int)(n + m + 1), q);
			return tfs_ck_fmt(x, "%.*s", (int)m, q + n);
		}
	}
	return NULL;
}

static void S_state_per_env(tfs_check_ctx *x)
{
	S_groups envs, accts;
	const char *dir = NULL;
	const char *path_env = S_path_env(x, x->m->state->source, &dir);
	size_t i;

	memset(&envs, 0, sizeof(envs));
	memset(&accts, 0, sizeof(accts));
	for (i = 0; i < x->m->nresources; i++) {
		const tfs_node *n = &x->m->nodes[i];
		const char *acct = n->item ? n->item->account : NULL;

		if (n->env_source == TFS_ENV_TAG || n->env_source == TFS_ENV_ACCOUNT)
			S_group_add(&envs, x, n->environment, n->environment, i, true);
		if (acct && strlen(acct) == 12 &&
		    strspn(acct, "0123456789") == 12) {
			const char *env = tfs_ck_account_env(x, acct);
			S_group_add(&accts, x, acct,
			            env ? tfs_ck_fmt(x, "%s (%s)", acct, env) : acct, i,
			            false);
		}
	}
	if (envs.n > 1) {
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_FAIL, "environment",
		              S_group_names(x, &envs),
		              "one state holds resources of %zu environments: %s; "
		              "each environment needs a state of its own "
		              "(backend/{environment}/), so a plan for one cannot "
		              "change another",
		              envs.n + envs.more, S_group_text(x, &envs));
		return;
	}
	if (accts.n > 1) {
		size_t k, mapped = 0;
		const char *env0 = tfs_ck_account_env(x, accts.name[0]);
		bool same = env0 != NULL;

		for (k = 0; k < accts.n; k++) {
			const char *e = tfs_ck_account_env(x, accts.name[k]);
			mapped += e != NULL;
			same = same && e && tfs_ck_env_same(x, e, env0);
		}
		if (!same) {
			tfs_ck_result(x, TFS_NONE, TFS_STATUS_FAIL, "arn (account)",
			              S_group_names(x, &accts),
			              "one state holds resources of %zu AWS accounts: "
			              "%s; each environment's account needs a state of "
			              "its own (backend/{environment}/)%s",
			              accts.n + accts.more, S_group_text(x, &accts),
			              mapped < accts.n
			                      ? "; map the accounts in tfsight.yml "
			                        "environments.accounts if they are one "
			                        "environment's"
			                      : "");
			return;
		}
	}
	if (envs.n == 1 && path_env && !tfs_ck_env_same(x, path_env, envs.name[0])) {
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_FAIL, "source",
		              tfs_ck_fmt(x, "\"%s\"", x->m->state->source),
		              "the file sits under %s, but its resources are %s's; "
		              "the state of one environment was written to "
		              "another's backend",
		              dir, envs.name[0]);
		return;
	}
	if (envs.n == 1)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_PASS, "environment",
		              envs.name[0], "one environment in this state: %s%s",
		              envs.name[0],
		              path_env ? tfs_ck_fmt(x, ", kept under %s", dir) : "");
	else if (accts.n == 1)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_PASS, "arn (account)",
		              accts.name[0],
		              "one AWS account in this state: %s (no resource names "
		              "its environment)",
		              accts.name[0]);
	else
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_UNKNOWN, "environment", NULL,
		              "no resource names its environment (tag or "
		              "tfsight.yml environments.accounts) or records an "
		              "account, so whether the state mixes environments "
		              "cannot be told");
}

/* ---- the tables ------------------------------------------------------------ */

const tfs_check_def tfs_checks_delivery_predeploy[] = {
	{"PRE-STATE-BUCKET",
	 "The Terraform state bucket is versioned, encrypted and private",
	 TFS_CHECKCAT_PREDEPLOY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_STATE,
	 "house rule (seeds 002: infrastructure-terraform, "
	 "ci-cd-terraform-integration); Terraform docs: S3 backend; Security "
	 "Hub S3.14 (versioning), S3.8 (Block Public Access)",
	 "Give the state bucket an `aws_s3_bucket_versioning` with `status = "
	 "\"Enabled\"`, an `aws_s3_bucket_server_side_encryption_configuration` "
	 "and an `aws_s3_bucket_public_access_block` with all four settings "
	 "true; name it in tfsight.yml `checks.state_buckets` if its name does "
	 "not say tfstate.",
	 S_state_bucket, NULL},
	{"PRE-STATE-LOCK", "Terraform state is locked while it is written",
	 TFS_CHECKCAT_PREDEPLOY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_LOCK,
	 "house rule (seeds 000: Remote state in S3 with DynamoDB locking); "
	 "Terraform docs: S3 backend state locking",
	 "Set `use_lockfile = true` in the `backend \"s3\"` block (Terraform "
	 "1.10+), or create an `aws_dynamodb_table` with `hash_key = "
	 "\"LockID\"` (type S) and name it in `dynamodb_table`.",
	 S_state_lock, NULL},
	{"PRE-STATE-PER-ENV", "Each environment has a state of its own",
	 TFS_CHECKCAT_PREDEPLOY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_PER_ENV,
	 "house rule (seeds 002: infrastructure-terraform, "
	 "`backend/{environment}/`, `environments/{environment}/`)",
	 "Split the configuration per environment (`environments/<env>/`) with "
	 "its own backend key (`backend/<env>/`) and, per the seeds, its own "
	 "account; move resources with `terraform state mv` or `removed` / "
	 "`import` blocks.",
	 S_state_per_env, NULL},
};
const size_t tfs_checks_delivery_predeploy_count =
	sizeof(tfs_checks_delivery_predeploy) /
	sizeof(tfs_checks_delivery_predeploy[0]);

const tfs_check_def tfs_checks_delivery_security[] = {
	{"SEC-OIDC-GITHUB-SUB",
	 "GitHub Actions roles trust one repository only",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_CRITICAL, TFS_SCOPE_ALL, S_SEED_OIDC,
	 "house rule (seeds 002: ci-cd-github-actions, OIDC per environment); "
	 "Checkov CKV_AWS_358; Datadog CSPM "
	 "aws-iam-role-trust-policy-misconfigured-github; GitHub docs: "
	 "configuring OpenID Connect in Amazon Web Services",
	 "In the role's `assume_role_policy`, add a `StringEquals` (or "
	 "`StringLike`) condition on `token.actions.githubusercontent.com:sub` "
	 "that names one repository: `repo:OWNER/NAME:environment:ENV` (no "
	 "`repo:*`, no `repo:OWNER/*`).",
	 S_oidc_sub, NULL},
	{"SEC-OIDC-GITHUB-PROD-REF",
	 "Production GitHub Actions roles trust one environment or branch",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_PROD, S_SEED_DEPLOY_REF,
	 "house rule (seeds 002: ci-cd-github-actions, deploy from protected "
	 "branches); Checkov CKV_AWS_358 (related); GitHub docs: example "
	 "subject claims",
	 "Scope the production role's `token.actions.githubusercontent.com:sub` "
	 "to a protected environment (`repo:OWNER/NAME:environment:prod`) or "
	 "branch (`repo:OWNER/NAME:ref:refs/heads/main`).",
	 S_oidc_prod_ref, NULL},
	{"SEC-OIDC-GITHUB-AUD", "GitHub Actions roles accept only the STS audience",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_OIDC,
	 "house rule (seeds 002: ci-cd-github-actions); Checkov CKV_AWS_358 "
	 "(related); GitHub docs: configuring OpenID Connect in Amazon Web "
	 "Services",
	 "Add `\"StringEquals\": {\"token.actions.githubusercontent.com:aud\": "
	 "\"sts.amazonaws.com\"}` to the role's `assume_role_policy`.",
	 S_oidc_aud, NULL},
	{"SEC-OIDC-GITHUB-PROVIDER",
	 "GitHub's OIDC provider accepts the STS audience",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_LOW, TFS_SCOPE_ALL, S_SEED_OIDC,
	 "house rule (seeds 002: ci-cd-github-actions); GitHub docs: adding "
	 "the identity provider to AWS",
	 "Set `client_id_list = [\"sts.amazonaws.com\"]` on the "
	 "`aws_iam_openid_connect_provider` for "
	 "`https://token.actions.githubusercontent.com`.",
	 S_oidc_provider, NULL},
};
const size_t tfs_checks_delivery_security_count =
	sizeof(tfs_checks_delivery_security) /
	sizeof(tfs_checks_delivery_security[0]);
