/* s3_settings.c - what the state says about a bucket's versioning, default
 * encryption and Block Public Access, read once for every check that asks
 * (HA-DR-S3-VERSIONING, SEC-S3-SSE, SEC-S3-BPA, the cost lifecycle check,
 * PRE-STATE-BUCKET), so they can never disagree on what the state holds.
 * Each check decides what a reading means; this file only finds it. */
#include <string.h>

#include "check/check_int.h"

static void S_init(tfs_ck_s3_setting *s)
{
	memset(s, 0, sizeof(*s));
	s->from = TFS_CK_S3_NONE;
	s->node = TFS_NONE;
}

/* The value at a path of a node's attributes, as tfs_ck_pass() would show
 * it (the paths read here hold scalars and blocks, never documents). */
static const char *S_value_at(tfs_check_ctx *x, size_t node, const char *path)
{
	return tfs_ck_value(x, tfs_ck_path(tfs_ck_attrs(x, node), path));
}

void tfs_ck_s3_versioning(tfs_check_ctx *x, size_t bucket,
                          tfs_ck_s3_setting *s)
{
	const json_t *a = tfs_ck_attrs(x, bucket);
	const char *status = NULL;
	size_t v, it;

	S_init(s);
	TFS_CK_JOIN(x, v, it, "aws_s3_bucket_versioning", "bucket",
	            tfs_ck_bucket_name(a)) {
		status = tfs_attr_str(
			tfs_attr_block(tfs_ck_attrs(x, v), "versioning_configuration"),
			"status");
		if (status)
			break;
	}
	if (status) {
		s->from = TFS_CK_S3_RESOURCE;
		s->node = v;
		s->attr = tfs_ck_fmt(x, "%s.versioning_configuration[0].status",
		                     tfs_ck_address(x, v));
		s->value = tfs_ck_fmt(x, "\"%s\"", status);
		s->state = status;
		s->known = true;
		s->on = strcmp(status, "Enabled") == 0;
		return;
	}
	/* no split resource with a status: the bucket's read-back block */
	if (tfs_attr_bool(tfs_attr_block(a, "versioning"), "enabled", &s->on)) {
		s->from = TFS_CK_S3_BUCKET;
		s->node = bucket;
		s->attr = "versioning[0].enabled";
		s->state = s->on ? "true" : "false";
		s->known = true;
	} else {
		s->attr = "versioning";
	}
	s->value = S_value_at(x, bucket, s->attr);
}

/* The default SSE algorithm of an SSE configuration's rule[] (the
 * resource's `rule`, or the legacy block's `rule`). */
static const char *S_sse_algorithm(const json_t *cfg, size_t *rule)
{
	const json_t *r;
	size_t k;

	json_array_foreach(json_object_get(cfg, "rule"), k, r) {
		const char *alg = tfs_attr_str(
			tfs_attr_block(r, "apply_server_side_encryption_by_default"),
			"sse_algorithm");
		if (alg) {
			*rule = k;
			return alg;
		}
	}
	return NULL;
}

bool tfs_ck_s3_sse_algorithm_ok(const char *alg)
{
	return tfs_ck_str_eq(alg, "AES256") || tfs_ck_str_eq(alg, "aws:kms") ||
	       tfs_ck_str_eq(alg, "aws:kms:dsse");
}

void tfs_ck_s3_sse(tfs_check_ctx *x, size_t bucket, tfs_ck_s3_setting *s)
{
	const json_t *a = tfs_ck_attrs(x, bucket);
	const char *alg = NULL;
	size_t c, it, rule = 0, cfg = TFS_NONE;

	S_init(s);
	TFS_CK_JOIN(x, c, it, "aws_s3_bucket_server_side_encryption_configuration",
	            "bucket", tfs_ck_bucket_name(a)) {
		cfg = c;
		if ((alg = S_sse_algorithm(tfs_ck_attrs(x, c), &rule)))
			break;
	}
	if (cfg != TFS_NONE) {
		s->from = TFS_CK_S3_RESOURCE;
		s->node = cfg;
		s->attr = tfs_ck_fmt(
			x, "%s.rule[%zu].apply_server_side_encryption_by_default[0]"
			   ".sse_algorithm", tfs_ck_address(x, cfg), rule);
		s->value = alg ? tfs_ck_fmt(x, "\"%s\"", alg) : "(absent)";
		s->state = alg;
		s->known = alg != NULL;
		s->on = tfs_ck_s3_sse_algorithm_ok(alg);
		return;
	}
	/* no SSE resource: the bucket's read-back block, if any */
	alg = S_sse_algorithm(
		tfs_attr_block(a, "server_side_encryption_configuration"), &rule);
	if (alg) {
		s->from = TFS_CK_S3_BUCKET;
		s->node = bucket;
		s->attr = tfs_ck_fmt(x, "server_side_encryption_configuration[0]"
		                        ".rule[%zu].apply_server_side_encryption_"
		                        "by_default[0].sse_algorithm",
		                     rule);
		s->state = alg;
		s->known = true;
		s->on = tfs_ck_s3_sse_algorithm_ok(alg);
	} else {
		s->attr = "server_side_encryption_configuration";
	}
	s->value = S_value_at(x, bucket, s->attr);
}

static const char *const S_BPA_FLAGS[] = {
	"block_public_acls", "block_public_policy", "ignore_public_acls",
	"restrict_public_buckets",
};

/* The first of the four flags that is not true, or NULL when all are. */
static const char *S_bpa_gap(const json_t *a)
{
	size_t k;
	bool on;

	for (k = 0; k < 4; k++)
		if (!tfs_attr_bool(a, S_BPA_FLAGS[k], &on) || !on)
			return S_BPA_FLAGS[k];
	return NULL;
}

void tfs_ck_s3_bpa(tfs_check_ctx *x, size_t bucket, tfs_ck_s3_setting *s)
{
	size_t b, it, acct = TFS_NONE, i;

	S_init(s);
	b = tfs_ck_first(x, "aws_s3_bucket_public_access_block", "bucket",
	                 tfs_ck_bucket_name(tfs_ck_attrs(x, bucket)), &it);
	if (b != TFS_NONE) {
		s->from = TFS_CK_S3_RESOURCE;
		s->node = b;
		s->state = S_bpa_gap(tfs_ck_attrs(x, b));
		s->on = s->state == NULL;
		s->known = true;
		s->attr = tfs_ck_fmt(x, "%s.%s", tfs_ck_address(x, b),
		                     s->on ? "restrict_public_buckets" : s->state);
		s->value = s->on ? "true"
		                 : S_value_at(x, b, s->state);
		return;
	}
	TFS_CK_FOREACH_TYPE(x, i, "aws_s3_account_public_access_block")
		if (!S_bpa_gap(tfs_ck_attrs(x, i))) {
			acct = i;
			break;
		}
	if (acct != TFS_NONE) {
		s->from = TFS_CK_S3_ACCOUNT;
		s->node = acct;
		s->attr = tfs_ck_fmt(x, "%s.restrict_public_buckets",
		                     tfs_ck_address(x, acct));
		s->value = "true";
		s->on = s->known = true;
		return;
	}
	s->attr = "bucket";
	s->value = S_value_at(x, bucket, "bucket");
}
