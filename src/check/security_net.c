/* security_net.c - the seeds' Security checklist for the network, the data
 * and the edge: HTTPS and TLS on load balancers and CloudFront, HSTS, TLS
 * to the database and to S3, encryption at rest, security groups as
 * whitelists, private databases and buckets, OAC and WAF. */
#include <fnmatch.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/check_int.h"

static const char S_SEED_TRANSIT[] =
	"All traffic encrypted in transit (HTTPS, TLS)";
static const char S_SEED_TLS12[] =
	"Use TLS 1.2 or higher (disable older versions)";
static const char S_SEED_REST[] = "Data encrypted at rest (RDS, S3)";
static const char S_SEED_WHITELIST[] =
	"Security groups configured as whitelists";

/* HSTS max-age the seeds' "Configure HSTS headers" is held to: one year,
 * the value browsers' preload lists ask for. */
#define S_HSTS_MIN_AGE 31536000LL

/* ---- helpers ------------------------------------------------------------- */

static const char *S_quote(tfs_check_ctx *x, const char *s)
{
	return s ? tfs_ck_fmt(x, "\"%s\"", s) : "(absent)";
}

/* A JSON value that is a string or an array of strings contains s. */
static bool S_json_has(const json_t *v, const char *s)
{
	const json_t *e;
	size_t i;

	if (json_is_string(v))
		return strcmp(json_string_value(v), s) == 0;
	json_array_foreach(v, i, e)
		if (json_is_string(e) && strcmp(json_string_value(e), s) == 0)
			return true;
	return false;
}

/* The object member whose key matches case-insensitively (condition keys
 * such as aws:SecureTransport are case-insensitive in IAM). */
static const json_t *S_get_ci(const json_t *obj, const char *key)
{
	const char *k;
	json_t *v;
	void *tmp;

	if (!json_is_object(obj))
		return NULL;
	json_object_foreach_safe((json_t *)(uintptr_t)obj, tmp, k, v)
		if (strcasecmp(k, key) == 0)
			return v;
	return NULL;
}

/* Statement[] of a policy document (a single statement object too). */
static size_t S_nstatements(const json_t *doc)
{
	const json_t *s = json_object_get(doc, "Statement");
	return json_is_object(s) ? 1 : json_array_size(s);
}

static const json_t *S_statement(const json_t *doc, size_t k)
{
	const json_t *s = json_object_get(doc, "Statement");
	return json_is_object(s) ? s : json_array_get(s, k);
}

/* The bucket policy of a bucket node: its aws_s3_bucket_policy, else the
 * bucket's own read-back `policy`.  *src is the node holding it. */
static json_t *S_bucket_policy(tfs_check_ctx *x, size_t bucket, size_t *src)
{
	size_t p, it;
	json_t *doc;

	TFS_CK_JOIN(x, p, it, "aws_s3_bucket_policy", "bucket",
	            tfs_ck_bucket_name(tfs_ck_attrs(x, bucket))) {
		if ((doc = tfs_ck_json_attr(x, p, "policy")) != NULL) {
			*src = p;
			return doc;
		}
	}
	*src = bucket;
	return tfs_ck_json_attr(x, bucket, "policy");
}

/* ---- load balancer listeners --------------------------------------------- */

static bool S_is_listener(const tfs_check_ctx *x, size_t n)
{
	return x->m->nodes[n].kind == TFS_KIND_LISTENER;
}

/* The index of the default action of this type, or -1. */
static long S_action(const json_t *a, const char *type)
{
	const json_t *act;
	size_t k;

	json_array_foreach(json_object_get(a, "default_action"), k, act)
		if (tfs_ck_str_eq(tfs_attr_str(act, "type"), type))
			return (long)k;
	return -1;
}

/* A listener rule on this listener that forwards (plain HTTP when the
 * listener is HTTP), or TFS_NONE. */
static size_t S_forwarding_rule(const tfs_check_ctx *x, const char *listener)
{
	static const char *const TYPES[] = {"aws_lb_listener_rule",
	                                    "aws_alb_listener_rule"};
	size_t t, r, it, k;
	const json_t *act;

	for (t = 0; t < 2; t++)
		TFS_CK_JOIN(x, r, it, TYPES[t], "listener_arn", listener)
			json_array_foreach(json_object_get(tfs_ck_attrs(x, r), "action"),
			                   k, act)
				if (tfs_ck_str_eq(tfs_attr_str(act, "type"), "forward"))
					return r;
	return TFS_NONE;
}

/* An HTTP listener: it must redirect to HTTPS, and no rule may forward. */
static void S_http_listener(tfs_check_ctx *x, size_t i, const json_t *a)
{
	const json_t *acts = json_object_get(a, "default_action");
	long k = S_action(a, "redirect");
	const json_t *redir =
		k < 0 ? NULL
		      : tfs_attr_block(json_array_get(acts, (size_t)k), "redirect");
	size_t rule;

	if (!tfs_ck_str_eq(tfs_attr_str(redir, "protocol"), "HTTPS"))
		tfs_ck_fail(x, i, k < 0 ? "default_action[0].type"
		                        : tfs_ck_fmt(x, "default_action[%ld].redirect"
		                                        "[0].protocol", k),
		            "plain HTTP is served instead of redirected to HTTPS, "
		            "so requests and cookies cross the internet "
		            "unencrypted");
	else if ((rule = S_forwarding_rule(x, tfs_attr_str(a, "arn"))) !=
	         TFS_NONE)
		tfs_ck_result(x, i, TFS_STATUS_FAIL,
		              tfs_ck_fmt(x, "%s.action[*].type",
		                         tfs_ck_address(x, rule)),
		              "\"forward\"",
		              "the default action redirects, but rule %s forwards "
		              "plain HTTP to targets", tfs_ck_address(x, rule));
	else
		tfs_ck_pass(x, i, tfs_ck_fmt(x, "default_action[%ld].redirect[0]"
		                                ".protocol", k),
		            "plain HTTP is redirected to HTTPS");
}

static void S_lb_https(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		const json_t *a;
		const char *proto;

		if (!S_is_listener(x, i) || !tfs_ck_applies(x, i))
			continue;
		a = tfs_ck_attrs(x, i);
		proto = tfs_attr_str(a, "protocol");
		if (!proto)
			tfs_ck_unknown(x, i, "protocol",
			               "the state does not record the listener's "
			               "protocol");
		else if (strcmp(proto, "HTTP") == 0)
			S_http_listener(x, i, a);
		else if (strcmp(proto, "GENEVE") == 0)
			tfs_ck_na(x, i, "a Gateway Load Balancer listener carries "
			                "packets, not sessions");
		else if (strcmp(proto, "HTTPS") != 0 && strcmp(proto, "TLS") != 0)
			tfs_ck_unknown(x, i, "protocol",
			               "%s passes bytes through; whether the "
			               "application encrypts them the state cannot "
			               "tell", proto);
		else if (tfs_attr_str(a, "certificate_arn"))
			tfs_ck_pass(x, i, "protocol", "%s with a certificate: traffic "
			                              "is encrypted to the load "
			                              "balancer", proto);
		else
			tfs_ck_unknown(x, i, "certificate_arn",
			               "%s listener without a certificate ARN in the "
			               "state", proto);
	}
}

/* TLS 1.2+ predefined policies, and the outdated ones Trivy AVD-AWS-0047
 * denies (TLS 1.0/1.1, and the TLS13-1-2 Ext1/Ext2 variants with legacy
 * ciphers).  fnmatch patterns; FIPS and PQ variants match the same. */
static const char *const S_TLS_DENY[] = {
	"ELBSecurityPolicy-20[0-9][0-9]-*",  /* 2011-08, 2015-05, 2016-08 */
	"ELBSecurityPolicy-TLS-1-0-*",
	"ELBSecurityPolicy-TLS-1-1-*",
	"ELBSecurityPolicy-FS-2018-06",
	"ELBSecurityPolicy-FS-1-1-*",
	"ELBSecurityPolicy-TLS13-1-0-*",
	"ELBSecurityPolicy-TLS13-1-1-*",
	"ELBSecurityPolicy-TLS13-1-2-Ext1-*",
	"ELBSecurityPolicy-TLS13-1-2-Ext2-*",
	"ELBSample-*",
};
static const char *const S_TLS_ALLOW[] = {
	"ELBSecurityPolicy-TLS-1-2-*",
	"ELBSecurityPolicy-FS-1-2-*",
	"ELBSecurityPolicy-TLS13-1-2-*",
	"ELBSecurityPolicy-TLS13-1-3-*",
};

static bool S_match_any(const char *const *pats, size_t n, const char *s)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (fnmatch(pats[i], s, 0) == 0)
			return true;
	return false;
}

static void S_lb_tls_policy(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		const json_t *a;
		const char *proto, *pol;

		if (!S_is_listener(x, i) || !tfs_ck_applies(x, i))
			continue;
		a = tfs_ck_attrs(x, i);
		proto = tfs_attr_str(a, "protocol");
		pol = tfs_attr_str(a, "ssl_policy");
		if (!tfs_ck_str_eq(proto, "HTTPS") && !tfs_ck_str_eq(proto, "TLS")) {
			tfs_ck_na(x, i, "a plain %s listener negotiates no TLS (see "
			          "SEC-LB-HTTPS)", proto ? proto : "(no protocol)");
		} else if (!pol) {
			tfs_ck_unknown(x, i, "ssl_policy",
			               "the state does not record the TLS policy");
		} else if (S_match_any(S_TLS_DENY,
		                       sizeof(S_TLS_DENY) / sizeof(*S_TLS_DENY),
		                       pol)) {
			tfs_ck_fail(x, i, "ssl_policy",
			            "%s is outdated: it accepts TLS 1.0/1.1 or legacy "
			            "ciphers", pol);
		} else if (S_match_any(S_TLS_ALLOW,
		                       sizeof(S_TLS_ALLOW) / sizeof(*S_TLS_ALLOW),
		                       pol)) {
			tfs_ck_pass(x, i, "ssl_policy",
			            "%s accepts TLS 1.2 or later only", pol);
		} else {
			tfs_ck_unknown(x, i, "ssl_policy",
			               "%s is not a predefined policy tfsight knows; "
			               "check its minimum TLS version", pol);
		}
	}
}

/* ---- CloudFront ---------------------------------------------------------- */

/* Cache behaviours: k = 0 is default_cache_behavior[0], then the ordered
 * ones.  *path names it for evidence. */
static size_t S_nbehaviors(const json_t *a)
{
	return 1 + json_array_size(json_object_get(a, "ordered_cache_behavior"));
}

static const json_t *S_behavior(tfs_check_ctx *x, const json_t *a, size_t k,
                                const char **path)
{
	if (k == 0) {
		*path = "default_cache_behavior[0]";
		return tfs_attr_block(a, "default_cache_behavior");
	}
	*path = tfs_ck_fmt(x, "ordered_cache_behavior[%zu]", k - 1);
	return json_array_get(json_object_get(a, "ordered_cache_behavior"), k - 1);
}

static bool S_viewer_https(const char *vpp)
{
	return tfs_ck_str_eq(vpp, "redirect-to-https") || tfs_ck_str_eq(vpp, "https-only");
}

/* Whether every behaviour sends viewers to HTTPS (for match-viewer). */
static bool S_all_viewers_https(tfs_check_ctx *x, const json_t *a)
{
	size_t k, n = S_nbehaviors(a);
	const char *path;

	for (k = 0; k < n; k++)
		if (!S_viewer_https(tfs_attr_str(S_behavior(x, a, k, &path),
		                                 "viewer_protocol_policy")))
			return false;
	return true;
}

static void S_cf_viewer_https(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_CLOUDFRONT) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *path, *bad = NULL, *missing = NULL;
		size_t k, n = S_nbehaviors(a), nbad = 0;

		if (!tfs_ck_applies(x, i))
			continue;
		for (k = 0; k < n; k++) {
			const json_t *b = S_behavior(x, a, k, &path);
			const char *vpp = tfs_attr_str(b, "viewer_protocol_policy");
			if (!vpp) {
				if (!missing)
					missing = path;
			} else if (!S_viewer_https(vpp)) {
				if (!bad)
					bad = path;
				nbad++;
			}
		}
		if (bad)
			tfs_ck_fail(x, i,
			            tfs_ck_fmt(x, "%s.viewer_protocol_policy", bad),
			            "%zu cache behaviour%s serve%s viewers over plain "
			            "HTTP", nbad, nbad == 1 ? "" : "s",
			            nbad == 1 ? "s" : "");
		else if (missing)
			tfs_ck_unknown(x, i,
			               tfs_ck_fmt(x, "%s.viewer_protocol_policy",
			                          missing),
			               "the state does not record the viewer protocol "
			               "policy");
		else
			tfs_ck_pass(x, i, "default_cache_behavior[0]"
			                  ".viewer_protocol_policy",
			            "all %zu cache behaviour%s redirect viewers to "
			            "HTTPS or accept HTTPS only", n, n == 1 ? "" : "s");
	}
}

static void S_cf_tls(tfs_check_ctx *x)
{
	static const char *const OK[] = {"TLSv1.2_2021", "TLSv1.2_2025",
	                                 "TLSv1.3_2025"};
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_CLOUDFRONT) {
		const json_t *vc = tfs_attr_block(tfs_ck_attrs(x, i),
		                                  "viewer_certificate");
		const char *min = tfs_attr_str(vc, "minimum_protocol_version");
		const char *sni = tfs_attr_str(vc, "ssl_support_method");
		bool def = false;
		size_t k;

		if (!tfs_ck_applies(x, i))
			continue;
		if (!vc) {
			tfs_ck_unknown(x, i, "viewer_certificate",
			               "the state does not record the viewer "
			               "certificate");
			continue;
		}
		if (tfs_attr_bool(vc, "cloudfront_default_certificate", &def) &&
		    def) {
			tfs_ck_fail(x, i,
			            "viewer_certificate[0].cloudfront_default_certificate",
			            "the default *.cloudfront.net certificate lets "
			            "viewers negotiate TLS 1.0");
			continue;
		}
		if (!tfs_attr_str(vc, "acm_certificate_arn") &&
		    !tfs_attr_str(vc, "iam_certificate_id")) {
			tfs_ck_unknown(x, i, "viewer_certificate[0].acm_certificate_arn",
			               "the state records no certificate for the "
			               "distribution");
			continue;
		}
		for (k = 0; min && k < sizeof(OK) / sizeof(*OK); k++)
			if (strcmp(min, OK[k]) == 0)
				break;
		if (!min)
			tfs_ck_unknown(x, i,
			               "viewer_certificate[0].minimum_protocol_version",
			               "the state does not record the minimum TLS "
			               "version");
		else if (k == sizeof(OK) / sizeof(*OK))
			tfs_ck_fail(x, i,
			            "viewer_certificate[0].minimum_protocol_version",
			            "%s lets viewers use TLS older than 1.2 or legacy "
			            "ciphers", min);
		else if (!tfs_ck_str_eq(sni, "sni-only"))
			tfs_ck_fail(x, i, "viewer_certificate[0].ssl_support_method",
			            "%s: serve HTTPS through SNI rather than dedicated "
			            "IP addresses", sni ? sni : "no SSL support method");
		else
			tfs_ck_pass(x, i,
			            "viewer_certificate[0].minimum_protocol_version",
			            "a custom certificate over SNI with %s as the "
			            "minimum", min);
	}
}

static void S_cf_origin_https(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_CLOUDFRONT) {
		const json_t *a = tfs_ck_attrs(x, i), *o;
		size_t k, custom = 0;
		const char *bad = NULL, *why = NULL, *unknown = NULL, *ok = NULL;

		if (!tfs_ck_applies(x, i))
			continue;
		json_array_foreach(json_object_get(a, "origin"), k, o) {
			const json_t *c = tfs_attr_block(o, "custom_origin_config");
			const char *pp = tfs_attr_str(c, "origin_protocol_policy");
			const json_t *p;
			size_t j;

			if (!c)
				continue;
			if (!custom++)
				ok = tfs_ck_fmt(x, "origin[%zu].custom_origin_config[0]"
				                   ".origin_protocol_policy", k);
			if (!pp) {
				if (!unknown)
					unknown = tfs_ck_fmt(x, "origin[%zu].custom_origin_config"
					                        "[0].origin_protocol_policy", k);
				continue;
			}
			if (strcmp(pp, "http-only") == 0 ||
			    (strcmp(pp, "match-viewer") == 0 &&
			     !S_all_viewers_https(x, a))) {
				if (!bad) {
					bad = tfs_ck_fmt(x, "origin[%zu].custom_origin_config"
					                    "[0].origin_protocol_policy", k);
					why = tfs_ck_fmt(x, "origin %s is reached over plain "
					                    "HTTP",
					                 tfs_attr_str(o, "domain_name")
					                     ? tfs_attr_str(o, "domain_name")
					                     : "(unnamed)");
				}
				continue;
			}
			json_array_foreach(json_object_get(c, "origin_ssl_protocols"), j,
			                   p) {
				if (json_is_string(p) &&
				    strcmp(json_string_value(p), "TLSv1.2") != 0 && !bad) {
					bad = tfs_ck_fmt(x, "origin[%zu].custom_origin_config"
					                    "[0].origin_ssl_protocols", k);
					why = tfs_ck_fmt(x, "origin %s still allows %s",
					                 tfs_attr_str(o, "domain_name")
					                     ? tfs_attr_str(o, "domain_name")
					                     : "(unnamed)",
					                 json_string_value(p));
				}
			}
		}
		if (!custom)
			tfs_ck_na(x, i, "no custom origin; S3 origins follow the "
			                "viewer's protocol (see SEC-CF-VIEWER-HTTPS)");
		else if (bad)
			tfs_ck_fail(x, i, bad, "%s", why);
		else if (unknown)
			tfs_ck_unknown(x, i, unknown, "the state does not record the "
			                              "origin protocol policy");
		else
			tfs_ck_pass(x, i, ok,
			            "%zu custom origin%s reached over HTTPS with TLS "
			            "1.2", custom, custom == 1 ? " is" : "s are");
	}
}

/* One behaviour's HSTS: pass, fail or unknown, with the reason. */
static tfs_status S_hsts(tfs_check_ctx *x, const json_t *b, const char **why,
                         long long *age)
{
	const char *id = tfs_attr_str(b, "response_headers_policy_id");
	const json_t *sts;
	size_t p, it;
	bool over = false;

	if (!id) {
		*why = "no response headers policy, so browsers get no "
		       "Strict-Transport-Security header";
		return TFS_STATUS_FAIL;
	}
	p = tfs_ck_first(x, "aws_cloudfront_response_headers_policy", "id", id,
	                 &it);
	if (p == TFS_NONE) {
		*why = tfs_ck_fmt(x, "response headers policy %s is not in this "
		                     "state (an AWS managed policy?), so its HSTS "
		                     "header is unknown", id);
		return TFS_STATUS_UNKNOWN;
	}
	sts = tfs_attr_block(tfs_attr_block(tfs_ck_attrs(x, p),
	                                    "security_headers_config"),
	                     "strict_transport_security");
	if (!sts) {
		*why = tfs_ck_fmt(x, "policy %s sets no Strict-Transport-Security "
		                     "header", tfs_ck_address(x, p));
		return TFS_STATUS_FAIL;
	}
	if (!tfs_attr_int(sts, "access_control_max_age_sec", age) ||
	    *age < S_HSTS_MIN_AGE) {
		*why = tfs_ck_fmt(x, "policy %s keeps HSTS for less than a year "
		                     "(31536000 s)", tfs_ck_address(x, p));
		return TFS_STATUS_FAIL;
	}
	if (!tfs_attr_bool(sts, "override", &over) || !over) {
		*why = tfs_ck_fmt(x, "policy %s does not override the origin's "
		                     "Strict-Transport-Security header",
		                  tfs_ck_address(x, p));
		return TFS_STATUS_FAIL;
	}
	return TFS_STATUS_PASS;
}

static void S_cf_hsts(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_CLOUDFRONT) {
		const json_t *a = tfs_ck_attrs(x, i);
		size_t k, n = S_nbehaviors(a), nfail = 0;
		const char *fpath = NULL, *fwhy = NULL, *upath = NULL, *uwhy = NULL;
		long long age = 0, min_age = -1;

		if (!tfs_ck_applies(x, i))
			continue;
		for (k = 0; k < n; k++) {
			const char *path, *why = NULL;
			const json_t *b = S_behavior(x, a, k, &path);
			tfs_status st = S_hsts(x, b, &why, &age);

			path = tfs_ck_fmt(x, "%s.response_headers_policy_id", path);
			if (st == TFS_STATUS_FAIL && !nfail++) {
				fpath = path;
				fwhy = why;
			} else if (st == TFS_STATUS_UNKNOWN && !upath) {
				upath = path;
				uwhy = why;
			} else if (st == TFS_STATUS_PASS &&
			           (min_age < 0 || age < min_age)) {
				min_age = age;
			}
		}
		if (nfail)
			tfs_ck_fail(x, i, fpath, "%s%s", fwhy,
			            nfail > 1 ? tfs_ck_fmt(x, " (%zu behaviours)", nfail)
			                      : "");
		else if (upath)
			tfs_ck_unknown(x, i, upath, "%s", uwhy);
		else
			tfs_ck_pass(x, i,
			            "default_cache_behavior[0].response_headers_policy_id",
			            "every behaviour sends Strict-Transport-Security "
			            "with a max-age of %lld s (one year, 31536000 s, "
			            "or more)", min_age);
	}
}

/* An origin domain that is an S3 REST endpoint (not a website endpoint). */
static bool S_s3_rest_domain(const char *d)
{
	size_t n = d ? strlen(d) : 0;

	if (!d || strstr(d, ".s3-website"))
		return false;
	return n > 14 && strcmp(d + n - 14, ".amazonaws.com") == 0 &&
	       (strstr(d, ".s3.") || strstr(d, ".s3-"));
}

/* A bucket policy lets cloudfront.amazonaws.com read without naming a
 * distribution or account: any distribution anywhere could read it. */
static bool S_cf_grant_unscoped(const json_t *doc)
{
	size_t k, n = S_nstatements(doc);

	for (k = 0; k < n; k++) {
		const json_t *s = S_statement(doc, k);
		const json_t *pr = json_object_get(s, "Principal");
		const json_t *cond = json_object_get(s, "Condition");
		const char *op;
		json_t *v;
		void *tmp;
		bool scoped = false;

		if (!tfs_ck_str_eq(tfs_attr_str(s, "Effect"), "Allow") ||
		    !S_json_has(json_object_get(pr, "Service"),
		                "cloudfront.amazonaws.com"))
			continue;
		if (json_is_object(cond))
			json_object_foreach_safe((json_t *)(uintptr_t)cond, tmp, op, v)
				if (S_get_ci(v, "aws:SourceArn") ||
				    S_get_ci(v, "aws:SourceAccount"))
					scoped = true;
		if (!scoped)
			return true;
	}
	return false;
}

static void S_cf_oac(tfs_check_ctx *x)
{
	tfs_map buckets;
	size_t i;

	/* bucket domain names -> bucket node + 1 */
	tfs_map_init(&buckets);
	TFS_CK_FOREACH(x, i, TFS_KIND_S3_BUCKET) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *d;
		if ((d = tfs_attr_str(a, "bucket_regional_domain_name")))
			tfs_map_add(&buckets, d, i + 1);
		if ((d = tfs_attr_str(a, "bucket_domain_name")))
			tfs_map_add(&buckets, d, i + 1);
	}
	TFS_CK_FOREACH(x, i, TFS_KIND_CLOUDFRONT) {
		const json_t *a = tfs_ck_attrs(x, i), *o;
		size_t k, s3 = 0, oai = 0;
		const char *bad = NULL, *why = NULL, *val = NULL, *ok = NULL;

		if (!tfs_ck_applies(x, i))
			continue;
		json_array_foreach(json_object_get(a, "origin"), k, o) {
			const char *d = tfs_attr_str(o, "domain_name");
			const char *oac = tfs_attr_str(o, "origin_access_control_id");
			const char *ident = tfs_attr_str(
				tfs_attr_block(o, "s3_origin_config"),
				"origin_access_identity");
			size_t b = 0, c, it, src;
			json_t *doc;

			if (bad)
				break;
			if (d && strstr(d, ".s3-website")) {
				bad = tfs_ck_fmt(x, "origin[%zu].domain_name", k);
				val = S_quote(x, d);
				why = tfs_ck_fmt(x, "origin %s is an S3 website endpoint, "
				                    "which only serves public buckets", d);
				continue;
			}
			if (!(d && tfs_map_get(&buckets, d, &b)) && !S_s3_rest_domain(d) &&
			    !tfs_attr_block(o, "s3_origin_config"))
				continue;
			if (!s3++)
				ok = tfs_ck_fmt(x, oac ? "origin[%zu].origin_access_"
				                         "control_id"
				                       : "origin[%zu].s3_origin_config[0]."
				                         "origin_access_identity", k);
			if (oac) {
				c = tfs_ck_first(x, "aws_cloudfront_origin_access_control",
				                 "id", oac, &it);
				if (c != TFS_NONE &&
				    tfs_ck_str_eq(tfs_attr_str(tfs_ck_attrs(x, c), "signing_behavior"),
				         "never")) {
					bad = tfs_ck_fmt(x, "origin[%zu].origin_access_control_id",
					                 k);
					val = S_quote(x, oac);
					why = tfs_ck_fmt(x, "%s never signs requests, so the "
					                    "bucket must be public",
					                 tfs_ck_address(x, c));
					continue;
				}
			} else if (ident) {
				oai++;
			} else {
				bad = tfs_ck_fmt(x, "origin[%zu].origin_access_control_id", k);
				val = "(absent)";
				why = tfs_ck_fmt(x, "S3 origin %s has neither OAC nor OAI, "
				                    "so the bucket must be public to serve "
				                    "it", d ? d : "(unnamed)");
				continue;
			}
			if (!b)
				continue;
			doc = S_bucket_policy(x, b - 1, &src);
			if (doc && S_cf_grant_unscoped(doc)) {
				bad = tfs_ck_fmt(x, "%s.policy", tfs_ck_address(x, src));
				val = "(a statement without AWS:SourceArn)";
				why = tfs_ck_fmt(x, "the policy of %s lets any CloudFront "
				                    "distribution read it (no AWS:SourceArn "
				                    "condition)",
				                 tfs_ck_address(x, b - 1));
			}
			json_decref(doc);
		}
		if (bad)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, bad, val, "%s", why);
		else if (!s3)
			tfs_ck_na(x, i, "no S3 origin");
		else
			tfs_ck_pass(x, i, ok,
			            "%zu S3 origin%s read%s only through %s", s3,
			            s3 == 1 ? "" : "s", s3 == 1 ? "s" : "",
			            oai == s3 ? "a legacy origin access identity (OAC is "
			                        "its successor)"
			            : oai     ? "OAC or a legacy origin access identity"
			                      : "origin access control");
	}
	tfs_map_release(&buckets);
}

/* ---- WAF ----------------------------------------------------------------- */

/* A web ACL of this state by ARN (WAFv2), or by id (WAF Classic ids in
 * web_acl_id); TFS_NONE when it is managed elsewhere. */
static size_t S_acl(const tfs_check_ctx *x, const char *ref)
{
	size_t it, n = tfs_ck_first(x, "aws_wafv2_web_acl", "arn", ref, &it);
	return n != TFS_NONE ? n : tfs_ck_first(x, "aws_waf_web_acl", "id", ref,
	                                        &it);
}

/* Record the finding for a resource a web ACL (ref, found at attr) guards:
 * fail when the ACL is in this state with no rules. */
static void S_waf_report(tfs_check_ctx *x, size_t n, const char *attr,
                         const char *ref, const char *what)
{
	size_t acl = S_acl(x, ref);
	const json_t *rules =
		acl != TFS_NONE ? json_object_get(tfs_ck_attrs(x, acl), "rule") : NULL;

	if (json_is_array(rules) && json_array_size(rules) == 0)
		tfs_ck_result(x, n, TFS_STATUS_FAIL,
		              tfs_ck_fmt(x, "%s.rule", tfs_ck_address(x, acl)), "[]",
		              "web ACL %s has no rules, so it filters nothing",
		              tfs_ck_address(x, acl));
	else if (acl != TFS_NONE)
		tfs_ck_result(x, n, TFS_STATUS_PASS, attr, S_quote(x, ref),
		              "%s is protected by web ACL %s with %zu rule%s", what,
		              tfs_ck_address(x, acl), json_array_size(rules),
		              json_array_size(rules) == 1 ? "" : "s");
	else
		tfs_ck_result(x, n, TFS_STATUS_PASS, attr, S_quote(x, ref),
		              "%s is protected by a web ACL managed outside this "
		              "state", what);
}

static void S_waf(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_LOAD_BALANCER) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *type = tfs_attr_str(a, "load_balancer_type");
		const char *arn = tfs_attr_str(a, "arn");
		bool internal = false;
		size_t as, it;

		if (!tfs_ck_applies(x, i))
			continue;
		if (tfs_ck_type_is(x, i, "aws_elb")) {
			tfs_ck_na(x, i, "a classic load balancer cannot take a WAF; "
			                "move to an ALB");
			continue;
		}
		if (type && strcmp(type, "application") != 0) {
			tfs_ck_na(x, i, "WAF attaches to application load balancers, "
			                "not %s ones", type);
			continue;
		}
		if (tfs_attr_bool(a, "internal", &internal) && internal) {
			tfs_ck_na(x, i, "internal: not reachable from the internet");
			continue;
		}
		as = tfs_ck_first(x, "aws_wafv2_web_acl_association", "resource_arn",
		                  arn, &it);
		if (as != TFS_NONE)
			S_waf_report(x, i,
			             tfs_ck_fmt(x, "%s.web_acl_arn",
			                        tfs_ck_address(x, as)),
			             tfs_attr_str(tfs_ck_attrs(x, as), "web_acl_arn"),
			             "the load balancer");
		else if ((as = tfs_ck_first(x, "aws_wafregional_web_acl_association",
		                            "resource_arn", arn, &it)) != TFS_NONE)
			tfs_ck_result(x, i, TFS_STATUS_PASS,
			              tfs_ck_fmt(x, "%s.resource_arn",
			                         tfs_ck_address(x, as)),
			              S_quote(x, arn),
			              "a WAF Classic web ACL is associated (WAF Classic "
			              "is retired; move to WAFv2)");
		else
			tfs_ck_fail(x, i, "arn", "no web ACL is associated with this "
			                         "internet-facing load balancer "
			                         "(aws_wafv2_web_acl_association)");
	}
	TFS_CK_FOREACH(x, i, TFS_KIND_CLOUDFRONT) {
		const char *id = tfs_attr_str(tfs_ck_attrs(x, i), "web_acl_id");

		if (!tfs_ck_applies(x, i))
			continue;
		if (!id)
			tfs_ck_fail(x, i, "web_acl_id",
			            "no web ACL filters requests to the distribution");
		else
			S_waf_report(x, i, "web_acl_id", id, "the distribution");
	}
}

/* ---- security groups ----------------------------------------------------- */

/* The first rule of a group in m->rules (sorted by group). */
static size_t S_rules_first(const tfs_model *m, size_t sg)
{
	size_t lo = 0, hi = m->nrules;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->rules[mid].sg < sg)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool S_world(const char *cidr)
{
	return tfs_ck_str_eq(cidr, "0.0.0.0/0") || tfs_ck_str_eq(cidr, "::/0");
}

static bool S_all_proto(const tfs_sg_rule *r)
{
	return strcmp(r->protocol, "-1") == 0;
}

static const char *S_rule_desc(tfs_check_ctx *x, const tfs_sg_rule *r)
{
	const char *ports =
		S_all_proto(r) ? "all traffic"
		: r->from_port == r->to_port
			? tfs_ck_fmt(x, "%s/%ld", r->protocol, r->from_port)
			: tfs_ck_fmt(x, "%s/%ld-%ld", r->protocol, r->from_port,
			             r->to_port);
	return tfs_ck_fmt(x, "%s from %s", ports,
	                  r->cidr ? r->cidr
	                  : r->peer_sg_id ? r->peer_sg_id : "(nothing)");
}

/* Evidence path of a rule relative to the finding's node when the rule is
 * an in-line block of it ("ingress[1]"), else the declaring address. */
static const char *S_rule_attr(tfs_check_ctx *x, const tfs_sg_rule *r,
                               size_t node)
{
	const char *addr = x->m->nodes[node].address;
	size_t n = strlen(addr);

	if (r->evidence && strncmp(r->evidence, addr, n) == 0 &&
	    r->evidence[n] == '.')
		return r->evidence + n + 1;
	return r->evidence ? r->evidence : "ingress";
}

static void S_sg_public_ingress(tfs_check_ctx *x)
{
	tfs_map lb_sgs;
	size_t i;

	/* groups of internet-facing load balancers */
	tfs_map_init(&lb_sgs);
	TFS_CK_FOREACH(x, i, TFS_KIND_LOAD_BALANCER) {
		const json_t *a = tfs_ck_attrs(x, i);
		const char *s;
		bool internal = false;
		size_t k;

		if (tfs_attr_bool(a, "internal", &internal) && internal)
			continue;
		tfs_attr_foreach_str(a, "security_groups", k, s)
			tfs_map_add(&lb_sgs, s, i + 1);
	}
	for (i = 0; i < x->m->nnodes; i++) {
		const tfs_node *node = &x->m->nodes[i];
		const tfs_sg_rule *first = NULL;
		const char *id;
		size_t r, lb = 0, nbad = 0, exempt = 0, nrules = 0;

		if (node->kind != TFS_KIND_SECURITY_GROUP &&
		    node->kind != TFS_KIND_EXTERNAL)
			continue;
		r = S_rules_first(x->m, i);
		if (node->kind == TFS_KIND_EXTERNAL &&
		    (r == x->m->nrules || x->m->rules[r].sg != i ||
		     !x->m->rules[r].ingress))
			continue; /* not a group with ingress rules in this state */
		if (!tfs_ck_applies(x, i))
			continue;
		id = i < x->m->nresources ? tfs_attr_str(tfs_ck_attrs(x, i), "id")
		                          : node->address;
		tfs_map_get(&lb_sgs, id ? id : "", &lb);
		for (; r < x->m->nrules && x->m->rules[r].sg == i; r++) {
			const tfs_sg_rule *rule = &x->m->rules[r];

			if (!rule->ingress)
				continue;
			nrules++;
			if (!S_world(rule->cidr))
				continue;
			if (lb && strcmp(rule->protocol, "tcp") == 0 &&
			    rule->from_port == rule->to_port &&
			    (rule->from_port == 80 || rule->from_port == 443)) {
				exempt++;
				continue;
			}
			if (!nbad++)
				first = rule;
		}
		if (nbad)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, S_rule_attr(x, first, i),
			              S_rule_desc(x, first),
			              "open to the internet: %s%s", S_rule_desc(x, first),
			              nbad > 1 ? tfs_ck_fmt(x, " and %zu more rule%s",
			                                    nbad - 1,
			                                    nbad > 2 ? "s" : "")
			                       : "");
		else if (exempt)
			tfs_ck_result(x, i, TFS_STATUS_PASS, "ingress",
			              tfs_ck_fmt(x, "[%zu rule%s]", nrules,
			                         nrules == 1 ? "" : "s"),
			              "only TCP 80/443 from the internet, on the group "
			              "of internet-facing load balancer %s",
			              x->m->nodes[lb - 1].address);
		else
			tfs_ck_result(x, i, TFS_STATUS_PASS, "ingress",
			              tfs_ck_fmt(x, "[%zu rule%s]", nrules,
			                         nrules == 1 ? "" : "s"),
			              "no ingress from 0.0.0.0/0 or ::/0");
	}
	tfs_map_release(&lb_sgs);
}

static bool S_covers(const char *proto, long from, long to, long long port,
                     bool has_port)
{
	if (!has_port || tfs_ck_str_eq(proto, "-1"))
		return true;
	return tfs_ck_str_eq(proto, "tcp") && from <= port && port <= to;
}

/* Whether a raw rule block (protocol under proto_key, from_port, to_port)
 * covers the port; a block without ports covers every port. */
static bool S_rule_covers(const json_t *blk, const char *proto_key,
                          long long port, bool has_port)
{
	const char *p = tfs_attr_str(blk, proto_key);
	long long f, t;

	if (!tfs_attr_int(blk, "from_port", &f) ||
	    !tfs_attr_int(blk, "to_port", &t)) {
		f = 0;
		t = 65535;
	}
	if (!p || strcmp(p, "all") == 0)
		p = "-1";
	else if (strcmp(p, "6") == 0)
		p = "tcp";
	return S_covers(p, (long)f, (long)t, port, has_port);
}

/* Prefix-list sources on a group: in-line ingress blocks and the two rule
 * resource types.  Returns the evidence path of the first, or NULL. */
static const char *S_prefix_list_source(tfs_check_ctx *x, size_t sg,
                                        long long port, bool has_port)
{
	const json_t *a = tfs_ck_attrs(x, sg), *blk;
	const char *id = tfs_attr_str(a, "id");
	size_t k, r, it;

	json_array_foreach(json_object_get(a, "ingress"), k, blk)
		if (json_array_size(json_object_get(blk, "prefix_list_ids")) &&
		    S_rule_covers(blk, "protocol", port, has_port))
			return tfs_ck_fmt(x, "%s.ingress[%zu].prefix_list_ids",
			                  tfs_ck_address(x, sg), k);
	TFS_CK_JOIN(x, r, it, "aws_security_group_rule", "security_group_id", id) {
		const json_t *ra = tfs_ck_attrs(x, r);
		if (tfs_ck_str_eq(tfs_attr_str(ra, "type"), "ingress") &&
		    json_array_size(json_object_get(ra, "prefix_list_ids")) &&
		    S_rule_covers(ra, "protocol", port, has_port))
			return tfs_ck_fmt(x, "%s.prefix_list_ids", tfs_ck_address(x, r));
	}
	TFS_CK_JOIN(x, r, it, "aws_vpc_security_group_ingress_rule",
	            "security_group_id", id) {
		const json_t *ra = tfs_ck_attrs(x, r);
		if (tfs_attr_str(ra, "prefix_list_id") &&
		    S_rule_covers(ra, "ip_protocol", port, has_port))
			return tfs_ck_fmt(x, "%s.prefix_list_id", tfs_ck_address(x, r));
	}
	return NULL;
}

static void S_sg_db_from_app(tfs_check_ctx *x)
{
	tfs_map app;
	size_t i, napp = 0;

	/* the ECS services' groups: the only sources a database should allow */
	tfs_map_init(&app);
	TFS_CK_FOREACH(x, i, TFS_KIND_ECS_SERVICE) {
		const json_t *nc = tfs_attr_block(tfs_ck_attrs(x, i),
		                                  "network_configuration");
		const char *s;
		size_t k;

		napp++;
		tfs_attr_foreach_str(nc, "security_groups", k, s)
			tfs_map_add(&app, s, i + 1);
	}
	for (i = 0; i < x->m->nresources; i++) {
		const tfs_kind kind = x->m->nodes[i].kind;
		const json_t *a;
		const char *s, *missing = NULL, *bad_attr = NULL, *bad = NULL;
		const char *unverified = NULL, *bad_value = NULL;
		long long port = 0;
		bool has_port;
		size_t k, nsg = 0, good = 0;

		if (kind != TFS_KIND_RDS_INSTANCE && kind != TFS_KIND_RDS_CLUSTER)
			continue;
		if (!tfs_ck_applies(x, i))
			continue;
		a = tfs_ck_attrs(x, i);
		has_port = tfs_attr_int(a, "port", &port) && port > 0;
		tfs_attr_foreach_str(a, "vpc_security_group_ids", k, s) {
			size_t it, sg = tfs_ck_first(x, "aws_security_group", "id", s,
			                             &it);
			size_t r;
			const char *pl;

			nsg++;
			if (sg == TFS_NONE) {
				if (!missing)
					missing = s;
				continue;
			}
			for (r = S_rules_first(x->m, sg);
			     r < x->m->nrules && x->m->rules[r].sg == sg && !bad; r++) {
				const tfs_sg_rule *rule = &x->m->rules[r];
				size_t hit = 0;

				if (!rule->ingress ||
				    !S_covers(rule->protocol, rule->from_port, rule->to_port,
				              port, has_port))
					continue;
				if (rule->cidr) {
					bad_attr = S_rule_attr(x, rule, i);
					bad_value = S_rule_desc(x, rule);
					bad = tfs_ck_fmt(x, "%s allows %s", tfs_ck_address(x, sg),
					                 S_rule_desc(x, rule));
				} else if (tfs_map_get(&app, rule->peer_sg_id, &hit)) {
					good++;
				} else if (!napp) {
					if (!unverified)
						unverified = rule->peer_sg_id;
				} else {
					bad_attr = S_rule_attr(x, rule, i);
					bad_value = S_rule_desc(x, rule);
					bad = tfs_ck_fmt(x, "%s allows %s, which is not an ECS "
					                    "service's group",
					                 tfs_ck_address(x, sg),
					                 S_rule_desc(x, rule));
				}
			}
			if (!bad && (pl = S_prefix_list_source(x, sg, port, has_port))) {
				bad_attr = pl;
				bad = tfs_ck_fmt(x, "%s allows a prefix list, not only the "
				                    "application's groups",
				                 tfs_ck_address(x, sg));
			}
			if (bad)
				break;
		}
		if (bad)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, bad_attr, bad_value,
			              "%s; only the application's security groups "
			              "should reach the database", bad);
		else if (!nsg)
			tfs_ck_unknown(x, i, "vpc_security_group_ids",
			               "no security group recorded; the VPC's default "
			               "group would apply");
		else if (missing)
			tfs_ck_unknown(x, i, "vpc_security_group_ids",
			               "security group %s is not in this input, so its "
			               "rules are unknown", missing);
		else if (unverified)
			tfs_ck_unknown(x, i, "vpc_security_group_ids",
			               "the database allows %s, and there is no ECS "
			               "service in this state to compare it with",
			               unverified);
		else if (!good)
			tfs_ck_pass(x, i, "vpc_security_group_ids",
			            "no ingress rule reaches the database port");
		else
			tfs_ck_pass(x, i, "vpc_security_group_ids",
			            "only the ECS services' security groups reach the "
			            "database%s",
			            has_port ? tfs_ck_fmt(x, " on port %lld", port) : "");
	}
	tfs_map_release(&app);
}

static void S_sg_default(tfs_check_ctx *x)
{
	tfs_map managed;
	size_t i;

	tfs_map_init(&managed);
	TFS_CK_FOREACH_TYPE(x, i, "aws_default_security_group") {
		const json_t *a = tfs_ck_attrs(x, i);
		const json_t *in = json_object_get(a, "ingress");
		const json_t *out = json_object_get(a, "egress");
		const char *vpc = tfs_attr_str(a, "vpc_id");

		if (vpc)
			tfs_map_add(&managed, vpc, i + 1);
		if (!tfs_ck_applies(x, i))
			continue;
		if (!json_is_array(in) || !json_is_array(out))
			tfs_ck_unknown(x, i, !json_is_array(in) ? "ingress" : "egress",
			               "the state does not record the default group's "
			               "rules");
		else if (json_array_size(in))
			tfs_ck_fail(x, i, "ingress", "the default group allows "
			                             "inbound traffic; anything placed "
			                             "in it by default is reachable");
		else if (json_array_size(out))
			tfs_ck_fail(x, i, "egress", "the default group allows outbound "
			                            "traffic");
		else
			tfs_ck_pass(x, i, "ingress", "the default group allows no "
			                             "traffic");
	}
	TFS_CK_FOREACH(x, i, TFS_KIND_VPC) {
		const char *id = tfs_attr_str(tfs_ck_attrs(x, i), "id");

		if (id && tfs_map_get(&managed, id, NULL))
			continue;
		if (!tfs_ck_applies(x, i))
			continue;
		tfs_ck_unknown(x, i, "id",
		               "the VPC's default security group is not managed "
		               "here (aws_default_security_group); AWS creates it "
		               "allowing traffic among its members and all "
		               "outbound traffic");
	}
	tfs_map_release(&managed);
}

/* ---- databases ----------------------------------------------------------- */

/* The parameter that forces TLS for an engine, and its "on" values. */
static const char *S_tls_param(const char *engine)
{
	if (!engine)
		return NULL;
	if (strstr(engine, "postgres") || strncmp(engine, "sqlserver", 9) == 0)
		return "rds.force_ssl";
	if (strstr(engine, "mysql") || strcmp(engine, "mariadb") == 0)
		return "require_secure_transport";
	return NULL;
}

static bool S_on(const char *v)
{
	return v && (strcmp(v, "1") == 0 || strcasecmp(v, "on") == 0 ||
	             strcasecmp(v, "true") == 0);
}

static void S_rds_tls(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		const tfs_kind kind = x->m->nodes[i].kind;
		const bool cluster = kind == TFS_KIND_RDS_CLUSTER;
		const char *gattr = cluster ? "db_cluster_parameter_group_name"
		                            : "parameter_group_name";
		const char *gtype = cluster ? "aws_rds_cluster_parameter_group"
		                            : "aws_db_parameter_group";
		const json_t *a, *p;
		const char *engine, *param, *group;
		size_t g, it, k;
		const char *value = NULL, *path = NULL;

		if (kind != TFS_KIND_RDS_INSTANCE && !cluster)
			continue;
		if (!tfs_ck_applies(x, i))
			continue;
		a = tfs_ck_attrs(x, i);
		engine = tfs_attr_str(a, "engine");
		param = S_tls_param(engine);
		group = tfs_attr_str(a, gattr);
		if (!param) {
			tfs_ck_unknown(x, i, "engine",
			               "tfsight knows no TLS-forcing parameter for "
			               "engine %s", engine ? engine : "(absent)");
			continue;
		}
		if (!group || strncmp(group, "default.", 8) == 0) {
			tfs_ck_unknown(x, i, gattr,
			               "%s is an AWS default parameter group: its %s "
			               "value is not in the state",
			               group ? group : "(no group)", param);
			continue;
		}
		g = tfs_ck_first(x, gtype, "name", group, &it);
		if (g == TFS_NONE) {
			tfs_ck_unknown(x, i, gattr,
			               "parameter group %s is not in this input", group);
			continue;
		}
		json_array_foreach(json_object_get(tfs_ck_attrs(x, g), "parameter"),
		                   k, p)
			if (tfs_ck_str_eq(tfs_attr_str(p, "name"), param)) {
				value = tfs_attr_str(p, "value");
				path = tfs_ck_fmt(x, "%s.parameter[%zu].value",
				                  tfs_ck_address(x, g), k);
				break;
			}
		if (!path)
			tfs_ck_unknown(x, i, gattr,
			               "%s does not set %s, so the engine default "
			               "applies, which the state does not record",
			               tfs_ck_address(x, g), param);
		else if (S_on(value))
			tfs_ck_result(x, i, TFS_STATUS_PASS, path, S_quote(x, value),
			              "%s is on: clients must connect over TLS", param);
		else
			tfs_ck_result(x, i, TFS_STATUS_FAIL, path, S_quote(x, value),
			              "%s is off: clients may connect without TLS",
			              param);
	}
}

static void S_rds_encrypted(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		const tfs_kind kind = x->m->nodes[i].kind;
		const json_t *a;
		bool on;

		if (kind != TFS_KIND_RDS_INSTANCE && kind != TFS_KIND_RDS_CLUSTER)
			continue;
		if (!tfs_ck_applies(x, i))
			continue;
		a = tfs_ck_attrs(x, i);
		if (!tfs_attr_bool(a, "storage_encrypted", &on))
			tfs_ck_unknown(x, i, "storage_encrypted",
			               "the state does not record storage_encrypted");
		else if (!on)
			tfs_ck_fail(x, i, "storage_encrypted",
			            "storage, backups and snapshots are unencrypted; "
			            "encryption can only be added by restoring a copy");
		else if (tfs_attr_str(a, "kms_key_id"))
			tfs_ck_pass(x, i, "storage_encrypted",
			            "encrypted at rest with a KMS key");
		else
			tfs_ck_pass(x, i, "storage_encrypted",
			            "encrypted at rest with the AWS managed key");
	}
}

static void S_rds_not_public(tfs_check_ctx *x)
{
	size_t i;

	for (i = 0; i < x->m->nresources; i++) {
		const tfs_kind kind = x->m->nodes[i].kind;
		bool pub;

		if (kind != TFS_KIND_RDS_INSTANCE &&
		    kind != TFS_KIND_RDS_CLUSTER_INSTANCE)
			continue;
		if (!tfs_ck_applies(x, i))
			continue;
		if (!tfs_attr_bool(tfs_ck_attrs(x, i), "publicly_accessible", &pub))
			tfs_ck_unknown(x, i, "publicly_accessible",
			               "the state does not record publicly_accessible");
		else if (pub)
			tfs_ck_fail(x, i, "publicly_accessible",
			            "the database gets a public IP address and DNS "
			            "name; only its security group stands in the way");
		else
			tfs_ck_pass(x, i, "publicly_accessible",
			            "reachable from inside the VPC only");
	}
}

/* ---- S3 ------------------------------------------------------------------ */

static void S_s3_sse(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_S3_BUCKET) {
		tfs_ck_s3_setting e;

		if (!tfs_ck_applies(x, i))
			continue;
		tfs_ck_s3_sse(x, i, &e);
		if (e.from == TFS_CK_S3_RESOURCE) {
			if (!e.known)
				tfs_ck_result(x, i, TFS_STATUS_UNKNOWN, e.attr, e.value,
				              "the SSE configuration records no algorithm");
			else if (e.on)
				tfs_ck_result(x, i, TFS_STATUS_PASS, e.attr, e.value,
				              "new objects are encrypted with %s by "
				              "default", e.state);
			else
				tfs_ck_result(x, i, TFS_STATUS_FAIL, e.attr, e.value,
				              "%s is not an S3 encryption algorithm",
				              e.state);
			continue;
		}
		/* the bucket's read-back block shows the AWS default (SSE-S3)
		 * whether or not anyone asked for it: only KMS says someone did */
		if (e.state && strncmp(e.state, "aws:kms", 7) == 0)
			tfs_ck_result(x, i, TFS_STATUS_PASS, e.attr, e.value,
			              "the bucket reads back %s default encryption",
			              e.state);
		else
			tfs_ck_result(x, i, TFS_STATUS_FAIL, e.attr, e.value,
			              "no aws_s3_bucket_server_side_encryption_"
			              "configuration: encryption at rest is left to the "
			              "AWS default (SSE-S3)%s, not declared in Terraform",
			              e.state ? ", which the bucket reads back" : "");
	}
}

static void S_s3_bpa(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_S3_BUCKET) {
		tfs_ck_s3_setting p;

		if (!tfs_ck_applies(x, i))
			continue;
		tfs_ck_s3_bpa(x, i, &p);
		if (p.from == TFS_CK_S3_RESOURCE && p.on)
			tfs_ck_result(x, i, TFS_STATUS_PASS, p.attr, p.value,
			              "all four Block Public Access settings are on");
		else if (p.from == TFS_CK_S3_RESOURCE)
			tfs_ck_result(x, i, TFS_STATUS_FAIL, p.attr, p.value,
			              "%s is off: a public ACL or policy can expose the "
			              "bucket", p.state);
		else if (p.from == TFS_CK_S3_ACCOUNT)
			tfs_ck_result(x, i, TFS_STATUS_PASS, p.attr, p.value,
			              "the account-level Block Public Access covers "
			              "the bucket");
		else
			tfs_ck_result(x, i, TFS_STATUS_FAIL, p.attr, p.value,
			              "no aws_s3_bucket_public_access_block; AWS blocks "
			              "public access on new buckets and an account-level "
			              "block may exist elsewhere, but Terraform does not "
			              "enforce either");
	}
}

/* Whether a statement denies every S3 action when aws:SecureTransport is
 * false. */
static bool S_denies_http(const json_t *s)
{
	const json_t *act = json_object_get(s, "Action");
	const json_t *v = S_get_ci(
		S_get_ci(json_object_get(s, "Condition"), "Bool"),
		"aws:SecureTransport");

	if (!tfs_ck_str_eq(tfs_attr_str(s, "Effect"), "Deny"))
		return false;
	if (!S_json_has(act, "s3:*") && !S_json_has(act, "*"))
		return false;
	return json_is_false(v) || S_json_has(v, "false");
}

static void S_s3_tls_only(tfs_check_ctx *x)
{
	size_t i;

	TFS_CK_FOREACH(x, i, TFS_KIND_S3_BUCKET) {
		size_t src, k, n;
		json_t *doc;
		bool raw;

		if (!tfs_ck_applies(x, i))
			continue;
		doc = S_bucket_policy(x, i, &src);
		raw = tfs_attr_str(tfs_ck_attrs(x, src), "policy") != NULL;
		if (!doc) {
			if (raw)
				tfs_ck_result(x, i, TFS_STATUS_UNKNOWN,
				              tfs_ck_fmt(x, "%s.policy",
				                         tfs_ck_address(x, src)),
				              NULL, "the bucket policy is not valid JSON");
			else
				tfs_ck_fail(x, i, "policy",
				            "no bucket policy denies plain-HTTP requests "
				            "(aws:SecureTransport = false)");
			continue;
		}
		n = S_nstatements(doc);
		for (k = 0; k < n; k++)
			if (S_denies_http(S_statement(doc, k)))
				break;
		if (k < n)
			tfs_ck_result(x, i, TFS_STATUS_PASS,
			              tfs_ck_fmt(x, "%s.policy.Statement[%zu].Condition"
			                            ".Bool.aws:SecureTransport",
			                         tfs_ck_address(x, src), k),
			              "\"false\"",
			              "the bucket policy denies requests not made over "
			              "TLS");
		else
			tfs_ck_result(x, i, TFS_STATUS_FAIL,
			              tfs_ck_fmt(x, "%s.policy", tfs_ck_address(x, src)),
			              tfs_ck_fmt(x, "[%zu statement%s]", n,
			                         n == 1 ? "" : "s"),
			              "the bucket policy does not deny s3:* when "
			              "aws:SecureTransport is false, so plain-HTTP "
			              "requests are accepted");
		json_decref(doc);
	}
}

/* ---- the table ----------------------------------------------------------- */

const tfs_check_def tfs_checks_security_net[] = {
	/* in transit */
	{"SEC-LB-HTTPS", "Load balancer listeners serve HTTPS or redirect to it",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_TRANSIT,
	 "Checkov CKV_AWS_2, CKV2_AWS_20, CKV_AWS_378; Trivy AVD-AWS-0054; "
	 "Security Hub ELB.1, ELB.18; Terrascan AC_AWS_0491; KICS "
	 "alb_listening_on_http",
	 "Set `protocol = \"HTTPS\"` with a `certificate_arn` on "
	 "`aws_lb_listener`; on port 80 use `default_action { type = "
	 "\"redirect\" redirect { protocol = \"HTTPS\", port = \"443\", "
	 "status_code = \"HTTP_301\" } }`.",
	 S_lb_https, NULL},
	{"SEC-LB-TLS-POLICY", "Load balancer TLS policies accept TLS 1.2 or later "
	 "only", TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_TLS12,
	 "Trivy AVD-AWS-0047 (its deny-list, followed here); Checkov CKV_AWS_103; "
	 "Security Hub ELB.17",
	 "Set `ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\"` (or a "
	 "TLS13-1-3 policy) on `aws_lb_listener`.  Passes: TLS-1-2-*, FS-1-2-*, "
	 "TLS13-1-2-*, TLS13-1-3-*.  Fails, as Trivy does: 2016-08 and other "
	 "dated policies, TLS-1-0-*, TLS-1-1-*, FS-2018-06, FS-1-1-*, "
	 "TLS13-1-0-*, TLS13-1-1-* (TLS 1.0/1.1) and TLS13-1-2-Ext1/Ext2 "
	 "(legacy ciphers); stricter than Checkov, which passes any TLS13 "
	 "policy, and looser than Security Hub ELB.17's fixed list.",
	 S_lb_tls_policy, NULL},
	{"SEC-CF-VIEWER-HTTPS", "CloudFront serves viewers over HTTPS only",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_TRANSIT,
	 "Checkov CKV_AWS_34; Trivy AVD-AWS-0012; Security Hub CloudFront.3",
	 "Set `viewer_protocol_policy = \"redirect-to-https\"` (or "
	 "`\"https-only\"`) in `default_cache_behavior` and every "
	 "`ordered_cache_behavior` of `aws_cloudfront_distribution`.",
	 S_cf_viewer_https, NULL},
	{"SEC-CF-TLS", "CloudFront uses its own certificate with TLS 1.2 or "
	 "later", TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_TLS12,
	 "Checkov CKV_AWS_174, CKV2_AWS_42; Trivy AVD-AWS-0013; Security Hub "
	 "CloudFront.7, CloudFront.8, CloudFront.15",
	 "Set `viewer_certificate { acm_certificate_arn = ..., "
	 "minimum_protocol_version = \"TLSv1.2_2021\", ssl_support_method = "
	 "\"sni-only\" }` on `aws_cloudfront_distribution` (not "
	 "`cloudfront_default_certificate`).",
	 S_cf_tls, NULL},
	{"SEC-CF-ORIGIN-HTTPS", "CloudFront reaches custom origins over HTTPS",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_TRANSIT,
	 "Checkov CKV2_AWS_72, CKV2_AWS_54; Security Hub CloudFront.9, "
	 "CloudFront.10; Terrascan AC_AWS_0024",
	 "Set `custom_origin_config { origin_protocol_policy = \"https-only\", "
	 "origin_ssl_protocols = [\"TLSv1.2\"] }` on each custom `origin` of "
	 "`aws_cloudfront_distribution`.",
	 S_cf_origin_https, NULL},
	{"SEC-CF-HSTS", "CloudFront sends an HSTS header for at least a year",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL,
	 "Configure HSTS headers for security",
	 "house rule (seeds: SSL/TLS with ACM); one year (31536000 s) is the "
	 "max-age HSTS preload lists require",
	 "Add an `aws_cloudfront_response_headers_policy` with "
	 "`security_headers_config { strict_transport_security { "
	 "access_control_max_age_sec = 31536000, override = true, "
	 "include_subdomains = true } }` and set `response_headers_policy_id` on "
	 "every cache behaviour.",
	 S_cf_hsts, NULL},
	{"SEC-RDS-TLS", "Databases require TLS connections",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_TRANSIT,
	 "Checkov CKV2_AWS_69; Security Hub RDS.41, RDS.44",
	 "Use a custom `aws_db_parameter_group` (`aws_rds_cluster_parameter_group` "
	 "for Aurora) with `parameter { name = \"rds.force_ssl\", value = \"1\" }` "
	 "(PostgreSQL, SQL Server) or `require_secure_transport = \"ON\"` "
	 "(MySQL, MariaDB), and set `parameter_group_name`.",
	 S_rds_tls, NULL},
	{"SEC-S3-TLS-ONLY", "S3 bucket policies deny plain-HTTP requests",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_TRANSIT,
	 "Security Hub S3.5",
	 "Add to the bucket's `aws_s3_bucket_policy` a statement `Effect = "
	 "\"Deny\"`, `Action = \"s3:*\"`, `Principal = \"*\"`, `Condition = { "
	 "Bool = { \"aws:SecureTransport\" = \"false\" } }` on the bucket and "
	 "its objects.",
	 S_s3_tls_only, NULL},
	/* at rest */
	{"SEC-RDS-ENCRYPTED", "Database storage is encrypted",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL, S_SEED_REST,
	 "Checkov CKV_AWS_16, CKV_AWS_96, CKV_AWS_327; Trivy AVD-AWS-0080, "
	 "AVD-AWS-0079; Security Hub RDS.3, RDS.27; Terrascan AC_AWS_0058",
	 "Set `storage_encrypted = true` (and `kms_key_id` for a customer key) "
	 "on `aws_db_instance` / `aws_rds_cluster`; an existing database needs "
	 "an encrypted snapshot restore.",
	 S_rds_encrypted, NULL},
	{"SEC-S3-SSE", "S3 buckets declare default encryption",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_REST,
	 "Checkov CKV_AWS_19, CKV_AWS_145; Trivy AVD-AWS-0088, AVD-AWS-0132; "
	 "Security Hub S3.17; Terrascan AC_AWS_0207",
	 "Add an `aws_s3_bucket_server_side_encryption_configuration` with "
	 "`rule { apply_server_side_encryption_by_default { sse_algorithm = "
	 "\"aws:kms\" } }` (or `\"AES256\"`) for the bucket.",
	 S_s3_sse, NULL},
	/* whitelists */
	{"SEC-SG-PUBLIC-INGRESS", "Security groups open nothing to the internet "
	 "but a public load balancer's 80/443", TFS_CHECKCAT_SECURITY,
	 TFS_SEV_CRITICAL, TFS_SCOPE_ALL, S_SEED_WHITELIST,
	 "Checkov CKV_AWS_24, CKV_AWS_25, CKV_AWS_260, CKV_AWS_277; Trivy "
	 "AVD-AWS-0107; Security Hub EC2.18, EC2.19; Terrascan AC_AWS_0231, "
	 "AC_AWS_0275, AC_AWS_0227, AC_AWS_0228, AC_AWS_0229",
	 "Replace `0.0.0.0/0` / `::/0` sources in `ingress` of "
	 "`aws_security_group` (or `aws_security_group_rule`, "
	 "`aws_vpc_security_group_ingress_rule`) with the peer group "
	 "(`security_groups` / `referenced_security_group_id`) or a known CIDR; "
	 "only an internet-facing `aws_lb`'s group may take TCP 80/443 from "
	 "anywhere.",
	 S_sg_public_ingress, NULL},
	{"SEC-SG-DB-FROM-APP", "Databases accept connections only from the "
	 "application's security groups", TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH,
	 TFS_SCOPE_ALL,
	 "Use security groups to restrict database access to ECS tasks only",
	 "Security Hub EC2.19; Terrascan AC_AWS_0295, AC_AWS_0304, AC_AWS_0289",
	 "Allow the database port in the database's `aws_security_group` only "
	 "from the ECS services' groups (`security_groups` / "
	 "`source_security_group_id`); remove `cidr_blocks` and "
	 "`prefix_list_ids`.",
	 S_sg_db_from_app, NULL},
	{"SEC-SG-DEFAULT", "Default security groups allow no traffic",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_MEDIUM, TFS_SCOPE_ALL, S_SEED_WHITELIST,
	 "Checkov CKV2_AWS_12; Trivy AVD-AWS-0173; Security Hub EC2.2",
	 "Manage each VPC's default group with an `aws_default_security_group` "
	 "(`vpc_id`) that declares no `ingress` and no `egress` blocks.",
	 S_sg_default, NULL},
	{"SEC-RDS-NOT-PUBLIC", "Databases are not publicly accessible",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_CRITICAL, TFS_SCOPE_ALL, S_SEED_WHITELIST,
	 "Checkov CKV_AWS_17; Trivy AVD-AWS-0180; Security Hub RDS.2; Terrascan "
	 "AC_AWS_0054",
	 "Set `publicly_accessible = false` on `aws_db_instance` / "
	 "`aws_rds_cluster_instance` and keep them in private subnets.",
	 S_rds_not_public, NULL},
	{"SEC-S3-BPA", "S3 buckets block public access", TFS_CHECKCAT_SECURITY,
	 TFS_SEV_HIGH, TFS_SCOPE_ALL, "Block public access by default",
	 "Checkov CKV2_AWS_6, CKV_AWS_53, CKV_AWS_54, CKV_AWS_55, CKV_AWS_56; "
	 "Trivy AVD-AWS-0094, AVD-AWS-0086, AVD-AWS-0087, AVD-AWS-0091, "
	 "AVD-AWS-0093; Security Hub S3.8, S3.1; Terrascan AC_AWS_0496",
	 "Add an `aws_s3_bucket_public_access_block` for the bucket with "
	 "`block_public_acls`, `block_public_policy`, `ignore_public_acls` and "
	 "`restrict_public_buckets` all `true` (or an "
	 "`aws_s3_account_public_access_block`).",
	 S_s3_bpa, NULL},
	{"SEC-CF-OAC", "CloudFront reads S3 origins through origin access "
	 "control", TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL,
	 "Use CloudFront Origin Access Identity (OAI) for S3 security",
	 "Checkov CKV2_AWS_46; Security Hub CloudFront.13, CloudFront.12",
	 "Create an `aws_cloudfront_origin_access_control` (`s3`, `always`, "
	 "`sigv4`), set `origin_access_control_id` on the S3 `origin`, and grant "
	 "`cloudfront.amazonaws.com` in the `aws_s3_bucket_policy` with an "
	 "`AWS:SourceArn` condition naming the distribution.",
	 S_cf_oac, NULL},
	{"SEC-WAF", "Internet-facing load balancers and CloudFront have a WAF",
	 TFS_CHECKCAT_SECURITY, TFS_SEV_HIGH, TFS_SCOPE_ALL,
	 "Implement Web Application Firewall (WAF) rules on ALB",
	 "Checkov CKV2_AWS_28, CKV_AWS_68, CKV_AWS_175; Trivy AVD-AWS-0011; "
	 "Security Hub ELB.16, CloudFront.6, WAF.10; KICS "
	 "0afa6ab8-a047-48cf-be07-93a2f8c34cf7; Terrascan AC_AWS_0032",
	 "Associate an `aws_wafv2_web_acl` (scope REGIONAL) with each public ALB "
	 "through `aws_wafv2_web_acl_association`, and set `web_acl_id` on "
	 "`aws_cloudfront_distribution` to a CLOUDFRONT-scope ACL; give each "
	 "ACL `rule` blocks (AWS managed rule groups).",
	 S_waf, NULL},
};
const size_t tfs_checks_security_net_count =
	sizeof(tfs_checks_security_net) / sizeof(tfs_checks_security_net[0]);
