/* predeploy.c - the seeds' Pre-Deployment checklist and house rules:
 * infrastructure as code, sa-east-1 only, the right account per
 * environment, no database password in the state, live waivers. */
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

/* CloudFront requires its certificate, and a CLOUDFRONT-scope web ACL, in
 * us-east-1; those are the only regional resources allowed elsewhere.
 * cf_certs holds the certificate ARNs the distributions use. */
static bool S_cloudfront_us_east_1(tfs_check_ctx *x, size_t n,
                                   const tfs_map *cf_certs)
{
	const char *type = tfs_ck_type(x, n);
	const json_t *a = tfs_ck_attrs(x, n);
	const char *arn = tfs_attr_str(a, "arn");

	if (strcmp(type, "aws_wafv2_web_acl") == 0) {
		const char *scope = tfs_attr_str(a, "scope");
		return scope && strcmp(scope, "CLOUDFRONT") == 0;
	}
	if (strcmp(type, "aws_acm_certificate") != 0 &&
	    strcmp(type, "aws_acm_certificate_validation") != 0)
		return false;
	if (strcmp(type, "aws_acm_certificate_validation") == 0)
		arn = tfs_attr_str(a, "certificate_arn");
	return tfs_map_get(cf_certs, arn, NULL);
}

static void S_region(tfs_check_ctx *x)
{
	size_t i, inside = 0, unrecorded = 0, excepted = 0, failed = 0;
	tfs_map cf_certs;

	tfs_map_init(&cf_certs);
	TFS_CK_FOREACH(x, i, TFS_KIND_CLOUDFRONT) {
		const char *used = tfs_attr_str(
			tfs_attr_block(tfs_ck_attrs(x, i), "viewer_certificate"),
			"acm_certificate_arn");
		if (used)
			tfs_map_put(&cf_certs, used, i);
	}

	for (i = 0; i < x->m->nresources; i++) {
		const tfs_inventory_item *it = x->m->nodes[i].item;

		if (!it || it->region_source == TFS_REGION_GLOBAL)
			continue;
		if (it->region_source == TFS_REGION_DEFAULT) {
			unrecorded++;
			continue;
		}
		if (strcmp(it->region, TFS_DEFAULT_REGION) == 0) {
			inside++;
			continue;
		}
		if (strcmp(it->region, "us-east-1") == 0 &&
		    S_cloudfront_us_east_1(x, i, &cf_certs)) {
			excepted++;
			continue;
		}
		failed++;
		tfs_ck_result(x, i, TFS_STATUS_FAIL, "region", it->region,
		              "in %s (%s), outside sa-east-1", it->region,
		              tfs_region_source_name(it->region_source));
	}
	if (!failed && inside + excepted)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_PASS, "region",
		              "\"sa-east-1\"",
		              "all %zu resources that record a region are in "
		              "sa-east-1%s%s",
		              inside + excepted,
		              excepted ? " or, for CloudFront's certificate and web "
		                         "ACL, in us-east-1 as AWS requires"
		                       : "",
		              unrecorded ? "; the others record none" : "");
	else if (!failed && unrecorded)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_UNKNOWN, "region", NULL,
		              "no resource records its region (no ARNs, no "
		              "availability zones)");
	tfs_map_release(&cf_certs);
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

static const char *S_account_env(const tfs_check_ctx *x, const char *account)
{
	size_t i;
	for (i = 0; x->config && i < x->config->n_account_envs; i++)
		if (strcmp(x->config->account_envs[2 * i], account) == 0)
			return x->config->account_envs[2 * i + 1];
	return NULL;
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

		if (!acct)
			continue;
		seen++;
		want = S_account_env(x, acct);
		if (!want) {
			failed++;
			tfs_ck_result(x, i, TFS_STATUS_FAIL, "arn (account)", acct,
			              "account %s is not one of the accounts in "
			              "tfsight.yml",
			              acct);
		} else if (n->env_source == TFS_ENV_TAG && n->environment &&
		           strcasecmp(n->environment, want) != 0) {
			failed++;
			tfs_ck_result(x, i, TFS_STATUS_FAIL, "arn (account)", acct,
			              "tagged %s but in account %s, which is %s's",
			              n->environment, acct, want);
		} else {
			agree++;
		}
	}
	if (!failed && agree)
		tfs_ck_result(x, TFS_NONE, TFS_STATUS_PASS, "arn (account)", NULL,
		              "all %zu resources with an ARN are in their "
		              "environment's account",
		              agree);
	else if (!seen)
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
	 "Set the provider's `region = \"sa-east-1\"`; only CloudFront's ACM "
	 "certificate and CLOUDFRONT-scope WAF belong in us-east-1 (an aliased "
	 "provider).",
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
