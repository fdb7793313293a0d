/* test_check.c - the check engine: config (thresholds, overrides,
 * waivers), scopes, summaries, the pre-deployment checks, and the renderers
 * (evidence shown, secrets never, hostile strings escaped). */
#include "testutil.h"

#include "tfsight/render.h"

#define DB(name, extra)                                                       \
	R("aws_db_instance", name,                                             \
	  "{'identifier':'" name "','arn':'arn:aws:rds:sa-east-1:111111111111:" \
	  "db:" name "','multi_az':false" extra "}")

static char *render(const tfs_checks *c,
                    void (*fn)(const tfs_check_set *, tfs_buf *))
{
	tfs_checks *items[1] = {(tfs_checks *)(uintptr_t)c};
	tfs_check_set set = {items, 1, "0.0.0"};
	tfs_buf b;

	tfs_buf_init(&b);
	fn(&set, &b);
	return tfs_buf_detach(&b, NULL);
}

/* ---- config ------------------------------------------------------------- */

static char *config_error(const char *yaml)
{
	tfs_config *c = NULL;
	tfs_error err;
	tfs_buf b;

	tfs_error_init(&err);
	if (tfs_config_load_buffer(&c, "t.yml", yaml, strlen(yaml), &err) == 0) {
		int rc = tfs_check_config_validate(c, &err);
		tfs_config_free(c);
		if (rc == 0)
			return NULL;
	}
	tfs_buf_init(&b);
	tfs_error_format(&err, &b);
	return tfs_buf_detach(&b, NULL);
}

static void test_config_checks_section(void **s)
{
	(void)s;
	tfs_config *c = NULL;
	tfs_error err;
	const char *yaml =
		"version: 1\n"
		"checks:\n"
		"  required_tags: [Team]\n"
		"  prod_environments: [live]\n"
		"  thresholds:\n"
		"    backup_retention_min_days: 3\n"
		"    prod_min_tasks: 4\n"
		"  severity:\n"
		"    HA-RDS-MULTIAZ: low\n"
		"  waivers:\n"
		"    - check: HA-RDS-MULTIAZ\n"
		"      address: 'aws_db_instance.*'\n"
		"      reason: cost accepted\n"
		"      expires: 2027-01-31\n";

	tfs_error_init(&err);
	assert_int_equal(tfs_config_load_buffer(&c, "t.yml", yaml, strlen(yaml),
	                                        &err), 0);
	assert_int_equal(c->n_required_tags, 1);
	assert_string_equal(c->required_tags[0], "Team");
	assert_string_equal(c->prod_envs[0], "live");
	assert_int_equal(c->thresholds.backup_retention_min_days, 3);
	assert_int_equal(c->thresholds.backup_retention_max_days, 30);
	assert_int_equal(c->thresholds.prod_min_tasks, 4);
	assert_int_equal(c->n_overrides, 1);
	assert_int_equal(c->n_waivers, 1);
	assert_string_equal(c->waivers[0].expires, "2027-01-31");
	assert_int_equal(c->waivers[0].line, 11);
	assert_int_equal(tfs_check_config_validate(c, &err), 0);
	tfs_config_free(c);
}

static void test_config_errors_name_the_place(void **s)
{
	(void)s;
	static const struct {
		const char *yaml, *want;
	} cases[] = {
		{"version: 1\nchecks:\n  treshold: {}\n",
		 "t.yml:3:3: unknown key 'checks.treshold'"},
		{"version: 1\nchecks:\n  thresholds:\n    prod_min_tasks: two\n",
		 "t.yml:4:21: prod_min_tasks: 'two' is not a whole number"},
		{"version: 1\nchecks:\n  severity:\n    NO-SUCH: high\n",
		 "t.yml:4:5: checks.severity: no check 'NO-SUCH'"},
		{"version: 1\nchecks:\n  severity:\n    HA-RDS-MULTIAZ: urgent\n",
		 "t.yml:4:5: checks.severity.HA-RDS-MULTIAZ: 'urgent' is not a "
		 "severity"},
		{"version: 1\nchecks:\n  waivers:\n    - check: HA-RDS-MULTIAZ\n",
		 "t.yml:4:7: checks.waivers[]: 'reason' is required"},
		{"version: 1\nchecks:\n  waivers:\n    - check: X\n      reason: r\n",
		 "t.yml:4:7: checks.waivers: no check 'X'"},
		{"version: 1\nchecks:\n  waivers:\n    - {check: HA-RDS-MULTIAZ, "
		 "reason: r, expires: 31/01/2027}\n",
		 "'31/01/2027' is not a date (YYYY-MM-DD)"},
		{"version: 1\nchecks:\n  thresholds:\n"
		 "    backup_retention_min_days: 40\n",
		 "backup_retention_min_days is above backup_retention_max_days"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *msg = config_error(cases[i].yaml);
		if (!msg || !strstr(msg, cases[i].want))
			fail_msg("case %zu: got '%s', want '%s'", i,
			         msg ? msg : "(accepted)", cases[i].want);
		free(msg);
	}
}

/* ---- engine --------------------------------------------------------------- */

static void test_scope_override_and_waiver(void **s)
{
	(void)s;
	fixture f = build(DB("a", ",'tags_all':{'Environment':'prod'}") ","
	                  DB("b", ",'tags_all':{'Environment':'dev'}") ","
	                  DB("c", ",'tags_all':{'Environment':'prod'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fa;

	fa = finding_of(c, "HA-RDS-MULTIAZ", "aws_db_instance.a");
	assert_int_equal(fa->status, TFS_STATUS_FAIL);
	assert_string_equal(fa->attribute, "multi_az");
	assert_string_equal(fa->value, "false");
	assert_string_equal(fa->environment, "prod");
	assert_int_equal(fa->severity, TFS_SEV_HIGH);
	assert_int_equal(status_of(c, "HA-RDS-MULTIAZ", "aws_db_instance.b"),
	                 TFS_STATUS_NA);
	assert_int_equal(summary_of(c, "HA-RDS-MULTIAZ"), TFS_STATUS_FAIL);
	assert_int_equal(c->failed[TFS_SEV_HIGH] >= 2, true);
	tfs_checks_free(c);

	c = run_checks(&f, "version: 1\nchecks:\n"
	                   "  severity: {HA-RDS-MULTIAZ: low}\n"
	                   "  waivers:\n"
	                   "    - {check: HA-RDS-MULTIAZ, address: 'aws_db_*.a',"
	                   " reason: accepted, expires: 2027-01-01}\n"
	                   "    - {check: HA-RDS-MULTIAZ, address: '*.c',"
	                   " reason: lapsed, expires: 2026-01-01}\n");
	fa = finding_of(c, "HA-RDS-MULTIAZ", "aws_db_instance.a");
	assert_int_equal(fa->severity, TFS_SEV_LOW);
	assert_string_equal(fa->waiver, "accepted");
	/* the expired waiver covers nothing and is itself a failure */
	assert_null(finding_of(c, "HA-RDS-MULTIAZ", "aws_db_instance.c")->waiver);
	assert_int_equal(summary_of(c, "PRE-WAIVER-EXPIRED"), TFS_STATUS_FAIL);
	for (size_t i = 0; i < c->nsummary; i++)
		if (strcmp(c->summary[i].check->id, "HA-RDS-MULTIAZ") == 0) {
			assert_int_equal(c->summary[i].waived, 1);
			assert_int_equal(c->summary[i].counts[TFS_STATUS_FAIL], 1);
			assert_int_equal(c->summary[i].severity, TFS_SEV_LOW);
		}
	assert_int_equal(c->waived >= 1, true);
	tfs_checks_free(c);
	release(&f);
}

static void test_failures_per_node(void **s)
{
	(void)s;
	fixture f = build(DB("a", ",'tags_all':{'Environment':'prod'}") ","
	                  DB("b", ",'tags_all':{'Environment':'prod'}"));
	tfs_checks *c = run_checks(&f, "version: 1\nchecks:\n  waivers:\n"
	                               "    - {check: HA-RDS-MULTIAZ, "
	                               "address: '*.b', reason: r}\n");
	unsigned *n = tfs_checks_failed_per_node(c);
	size_t a = TFS_NONE, b = TFS_NONE, i, fa = 0;

	for (i = 0; i < f.m->nresources; i++) {
		if (strcmp(f.m->nodes[i].address, "aws_db_instance.a") == 0)
			a = i;
		if (strcmp(f.m->nodes[i].address, "aws_db_instance.b") == 0)
			b = i;
	}
	for (i = 0; i < c->count; i++)
		if (c->findings[i].node == a &&
		    c->findings[i].status == TFS_STATUS_FAIL &&
		    !c->findings[i].waiver)
			fa++;
	assert_true(fa >= 1);
	assert_int_equal(n[a], fa);
	/* b's Multi-AZ failure is waived: it is not counted */
	for (i = 0, fa = 0; i < c->count; i++)
		if (c->findings[i].node == b &&
		    c->findings[i].status == TFS_STATUS_FAIL &&
		    !c->findings[i].waiver)
			fa++;
	assert_int_equal(n[b], fa);
	assert_int_equal(n[a], n[b] + 1);
	free(n);
	tfs_checks_free(c);
	release(&f);
}

static void test_waived_only_failure_passes_summary(void **s)
{
	(void)s;
	fixture f = build(DB("a", ",'tags_all':{'Environment':'prod'}"));
	tfs_checks *c = run_checks(&f, "version: 1\nchecks:\n  waivers:\n"
	                               "    - {check: HA-RDS-MULTIAZ, reason: ok}\n");
	assert_int_equal(summary_of(c, "HA-RDS-MULTIAZ"), TFS_STATUS_PASS);
	assert_int_equal(c->waived, 1);
	assert_int_equal(status_of(c, "PRE-WAIVER-EXPIRED", NULL),
	                 TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);
}

static void test_unknown_environment_follows_the_stack(void **s)
{
	(void)s;
	/* b names no environment; the stack is dev, so the prod-only check
	 * does not apply to it either */
	fixture f = build(DB("a", ",'tags_all':{'Environment':'dev'}") ","
	                  DB("b", ""));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fb = finding_of(c, "HA-RDS-MULTIAZ",
	                                   "aws_db_instance.b");
	assert_int_equal(fb->status, TFS_STATUS_NA);
	assert_string_equal(fb->environment, "dev");
	tfs_checks_free(c);
	release(&f);

	/* nothing names one: the stricter reading, production */
	f = build(DB("b", ""));
	c = run_checks(&f, NULL);
	assert_int_equal(status_of(c, "HA-RDS-MULTIAZ", "aws_db_instance.b"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

static void test_every_catalogue_row_is_complete(void **s)
{
	(void)s;
	size_t n = tfs_check_count();
	int last_cat = -1;

	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		const tfs_check_def *d = tfs_check_at(i);
		assert_non_null(d->id);
		assert_true(strlen(d->id) > 3);
		assert_ptr_equal(tfs_check_find(d->id), d);
		assert_true(strlen(d->title) > 5);
		assert_true(strlen(d->checklist) > 5);
		assert_non_null(d->refs);
		assert_true(strlen(d->remediation) > 10);
		assert_true(d->run != NULL || (d->undecidable && *d->undecidable));
		assert_true((int)d->category >= last_cat);
		last_cat = (int)d->category;
		for (size_t k = i + 1; k < n; k++)
			if (strcmp(tfs_check_at(k)->id, d->id) == 0)
				fail_msg("%s appears twice", d->id);
	}
	assert_null(tfs_check_find("NO-SUCH-CHECK"));
}

/* ---- pre-deployment ------------------------------------------------------- */

static void test_region_rule(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_s3_bucket", "a", "{'bucket':'a','region':'sa-east-1'}") ","
		R("aws_acm_certificate", "cdn", "{'arn':'arn:aws:acm:us-east-1:"
		  "111111111111:certificate/x'}") ","
		R("aws_cloudfront_distribution", "d", "{'id':'E1','viewer_certificate'"
		  ":[{'acm_certificate_arn':'arn:aws:acm:us-east-1:111111111111:"
		  "certificate/x'}]}") ","
		R("aws_sqs_queue", "q", "{'arn':'arn:aws:sqs:us-east-1:111111111111:q'}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fq = finding_of(c, "PRE-REGION", "aws_sqs_queue.q");

	assert_int_equal(fq->status, TFS_STATUS_FAIL);
	assert_string_equal(fq->value, "us-east-1");
	/* the CloudFront certificate is the allowed exception */
	for (size_t i = 0; i < c->count; i++)
		if (c->findings[i].address &&
		    strcmp(c->findings[i].address, "aws_acm_certificate.cdn") == 0)
			assert_string_not_equal(c->findings[i].check->id, "PRE-REGION");
	assert_int_equal(status_of(c, "PRE-CF-CERT-REGION",
	                           "aws_cloudfront_distribution.d"),
	                 TFS_STATUS_PASS);
	tfs_checks_free(c);
	release(&f);

	f = build(R("aws_s3_bucket", "a", "{'bucket':'a','region':'sa-east-1'}") ","
	          R("aws_cloudfront_distribution", "d", "{'viewer_certificate':"
	            "[{'acm_certificate_arn':'arn:aws:acm:sa-east-1:1:"
	            "certificate/y'}]}"));
	c = run_checks(&f, NULL);
	assert_int_equal(status_of(c, "PRE-REGION", NULL), TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "PRE-CF-CERT-REGION",
	                           "aws_cloudfront_distribution.d"),
	                 TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

static void test_account_rule(void **s)
{
	(void)s;
	fixture f = build(
		R("aws_sqs_queue", "a", "{'arn':'arn:aws:sqs:sa-east-1:111111111111:a',"
		  "'tags_all':{'Environment':'dev'}}") ","
		R("aws_sqs_queue", "b", "{'arn':'arn:aws:sqs:sa-east-1:222222222222:b',"
		  "'tags_all':{'Environment':'dev'}}") ","
		R("aws_sqs_queue", "c", "{'arn':'arn:aws:sqs:sa-east-1:333333333333:c'}"));
	tfs_checks *c = run_checks(&f, NULL);
	assert_int_equal(status_of(c, "PRE-ACCOUNT", NULL), TFS_STATUS_UNKNOWN);
	tfs_checks_free(c);

	c = run_checks(&f, "version: 1\nenvironments:\n  accounts:\n"
	                   "    '111111111111': dev\n    '222222222222': prod\n");
	assert_int_equal(status_of(c, "PRE-ACCOUNT", "aws_sqs_queue.b"),
	                 TFS_STATUS_FAIL);
	assert_string_equal(finding_of(c, "PRE-ACCOUNT", "aws_sqs_queue.b")->value,
	                    "222222222222");
	assert_int_equal(status_of(c, "PRE-ACCOUNT", "aws_sqs_queue.c"),
	                 TFS_STATUS_FAIL);
	assert_int_equal(summary_of(c, "PRE-ACCOUNT"), TFS_STATUS_FAIL);
	tfs_checks_free(c);
	release(&f);
}

static void test_rds_password(void **s)
{
	(void)s;
	fixture f = build(
		DB("plain", ",'password':'TFSIGHT-CANARY-unit'") ","
		DB("managed", ",'password':null,'manage_master_user_password':true") ","
		DB("none", ",'password':null") ","
		DB("replica", ",'password':'x','replicate_source_db':'plain'"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fp = finding_of(c, "PRE-RDS-MANAGED-PASSWORD",
	                                   "aws_db_instance.plain");
	char *json = render(c, tfs_render_checks_json);
	char *table = render(c, tfs_render_checks_table);

	assert_int_equal(fp->status, TFS_STATUS_FAIL);
	assert_string_equal(fp->value, "\"(sensitive)\"");
	assert_int_equal(status_of(c, "PRE-RDS-MANAGED-PASSWORD",
	                           "aws_db_instance.managed"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "PRE-RDS-MANAGED-PASSWORD",
	                           "aws_db_instance.none"),
	                 TFS_STATUS_PASS);
	assert_int_equal(status_of(c, "PRE-RDS-MANAGED-PASSWORD",
	                           "aws_db_instance.replica"),
	                 TFS_STATUS_NA);
	assert_null(strstr(json, "CANARY"));
	assert_null(strstr(table, "CANARY"));
	free(json);
	free(table);
	tfs_checks_free(c);
	release(&f);
}

static void test_iac_and_undecidable(void **s)
{
	(void)s;
	fixture f = build(R("aws_sqs_queue", "q", "{}"));
	tfs_checks *c = run_checks(&f, NULL);
	const tfs_finding *fi = finding_of(c, "PRE-IAC", NULL);

	assert_int_equal(fi->status, TFS_STATUS_PASS);
	assert_string_equal(fi->value, "1");
	assert_int_equal(status_of(c, "PRE-MIGRATIONS", NULL),
	                 TFS_STATUS_UNDECIDABLE);
	assert_int_equal(summary_of(c, "PRE-MIGRATIONS"), TFS_STATUS_UNDECIDABLE);
	tfs_checks_free(c);
	release(&f);
}

/* ---- renderers -------------------------------------------------------------- */

static void test_hostile_strings_are_escaped(void **s)
{
	(void)s;
	fixture f = build(
		"{'mode':'managed','type':'aws_db_instance','name':'x',"
		"'instances':[{'index_key':'<script>\\\"&\\u0001\\r','attributes':"
		"{'multi_az':false,'tags_all':{'Environment':'<b>prod</b>'}}}]}");
	tfs_checks *c = run_checks(&f, "version: 1\nchecks:\n"
	                               "  prod_environments: ['<b>prod</b>']\n");
	char *junit = render(c, tfs_render_checks_junit);
	char *sarif = render(c, tfs_render_checks_sarif);
	char *table = render(c, tfs_render_checks_table);
	json_t *parsed = json_loads(sarif, 0, NULL);

	assert_null(strstr(junit, "<script>"));
	assert_non_null(strstr(junit, "&lt;script&gt;"));
	assert_null(strstr(junit, "\x01"));
	assert_null(strstr(junit, "\r")); /* a character reference instead */
	assert_non_null(parsed);
	json_decref(parsed);
	assert_null(strstr(table, "\x01"));
	free(junit);
	free(sarif);
	free(table);
	tfs_checks_free(c);
	release(&f);
}

static void test_sarif_fingerprints_differ(void **s)
{
	(void)s;
	fixture f = build(DB("a", "") "," DB("b", ""));
	tfs_checks *c = run_checks(&f, NULL);
	char *sarif = render(c, tfs_render_checks_sarif);
	json_t *doc = json_loads(sarif, 0, NULL);
	json_t *results = json_object_get(
		json_array_get(json_object_get(doc, "runs"), 0), "results");
	const char *seen[64];
	size_t n = 0, i, k;

	assert_non_null(results);
	assert_true(json_array_size(results) >= 2);
	for (i = 0; i < json_array_size(results) && n < 64; i++) {
		json_t *r = json_array_get(results, i);
		const char *fp = json_string_value(json_object_get(
			json_object_get(r, "partialFingerprints"),
			"primaryLocationLineHash"));
		assert_non_null(fp);
		for (k = 0; k < n; k++)
			assert_string_not_equal(seen[k], fp);
		seen[n++] = fp;
	}
	json_decref(doc);
	free(sarif);
	tfs_checks_free(c);
	release(&f);
}

static void test_catalogue_markdown_lists_every_check(void **s)
{
	(void)s;
	tfs_buf b;
	size_t i;

	tfs_buf_init(&b);
	tfs_render_check_catalogue("markdown", &b);
	for (i = 0; i < tfs_check_count(); i++) {
		char needle[80];
		snprintf(needle, sizeof(needle), "| `%s` |", tfs_check_at(i)->id);
		if (!strstr(b.data, needle))
			fail_msg("%s missing from the Markdown catalogue",
			         tfs_check_at(i)->id);
	}
	tfs_buf_release(&b);
}

static bool S_same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* On 8 threads, the checks find exactly what one thread finds, in the
 * same order, with the same summary. */
static void test_threads_find_the_same(void **s)
{
	fixture f = build_example("examples/webapp-dev.tfstate");
	tfs_check_options o;
	tfs_checks *one, *many;
	size_t i;
	(void)s;

	tfs_check_options_init(&o);
	o.today = "2026-11-23";
	one = tfs_checks_run(f.m, &o);
	o.jobs = 8;
	many = tfs_checks_run(f.m, &o);
	assert_true(one->count > 100);
	assert_int_equal(one->count, many->count);
	for (i = 0; i < one->count; i++) {
		const tfs_finding *a = &one->findings[i], *b = &many->findings[i];
		assert_ptr_equal(a->check, b->check);
		assert_int_equal(a->status, b->status);
		assert_int_equal(a->node, b->node);
		assert_true(S_same_str(a->attribute, b->attribute));
		assert_true(S_same_str(a->value, b->value));
		assert_true(S_same_str(a->message, b->message));
	}
	for (i = 0; i < one->nsummary; i++)
		assert_int_equal(one->summary[i].status, many->summary[i].status);
	assert_int_equal(one->checks_passed, many->checks_passed);
	tfs_checks_free(one);
	tfs_checks_free(many);
	release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_checks_section),
		cmocka_unit_test(test_config_errors_name_the_place),
		cmocka_unit_test(test_scope_override_and_waiver),
		cmocka_unit_test(test_waived_only_failure_passes_summary),
		cmocka_unit_test(test_failures_per_node),
		cmocka_unit_test(test_unknown_environment_follows_the_stack),
		cmocka_unit_test(test_every_catalogue_row_is_complete),
		cmocka_unit_test(test_region_rule),
		cmocka_unit_test(test_account_rule),
		cmocka_unit_test(test_rds_password),
		cmocka_unit_test(test_iac_and_undecidable),
		cmocka_unit_test(test_hostile_strings_are_escaped),
		cmocka_unit_test(test_sarif_fingerprints_differ),
		cmocka_unit_test(test_catalogue_markdown_lists_every_check),
		cmocka_unit_test(test_threads_find_the_same),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
