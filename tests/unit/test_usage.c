/* test_usage.c - the usage file: parsing, lookup precedence, wildcards,
 * nested keys, errors with their line:column, unknown-key warnings and the
 * bundled example. */
#include "testutil.h"

#include "tfsight/usage.h"

static tfs_usage *usage_ok(const char *text)
{
	tfs_usage *u = NULL;
	tfs_error err;

	tfs_error_init(&err);
	if (tfs_usage_load_buffer(&u, "u.yml", text, strlen(text), &err)) {
		tfs_buf b;
		tfs_buf_init(&b);
		tfs_error_format(&err, &b);
		print_error("unexpected error: %s\n", b.data);
		tfs_buf_release(&b);
		fail();
	}
	assert_non_null(u);
	return u;
}

/* The formatted message for a file that must be rejected (caller
 * frees). */
static char *usage_err(const char *text, size_t len)
{
	tfs_usage dummy, *u = &dummy;
	tfs_error err;
	tfs_buf b;

	tfs_error_init(&err);
	assert_int_equal(tfs_usage_load_buffer(&u, "u.yml", text, len, &err),
	                 -1);
	assert_null(u);
	assert_int_equal(err.code, TFS_EXIT_INPUT);
	tfs_buf_init(&b);
	tfs_error_format(&err, &b);
	return tfs_buf_detach(&b, NULL);
}

static void expect_err(const char *text, const char *message)
{
	char *m = usage_err(text, strlen(text));
	assert_string_equal(m, message);
	free(m);
}

/* The number for key, and the source that decided it. */
static double num(const tfs_usage *u, const char *address, const char *type,
                  const char *key, const char *source)
{
	const char *from = NULL;
	double v = -1;

	if (!tfs_usage_get(u, address, type, key, &v, &from)) {
		print_error("no %s for %s\n", key, address ? address : type);
		fail();
	}
	assert_string_equal(from, source);
	return v;
}

static void test_precedence(void **s)
{
	tfs_usage *u = usage_ok(
		"version: 0.1\n"
		"resource_usage:\n"
		"  aws_nat_gateway.nat[0]:\n"
		"    monthly_data_processed_gb: 10\n"
		"  aws_nat_gateway.nat[*]:\n"
		"    monthly_data_processed_gb: 20\n"
		"    other_key: 5\n"
		"  aws_nat_gateway.*:\n"
		"    monthly_data_processed_gb: 30\n"
		"    wide_key: 7\n"
		"resource_type_default_usage:\n"
		"  aws_nat_gateway:\n"
		"    monthly_data_processed_gb: 40\n"
		"    other_key: 1\n"
		"    default_only: 2.5\n");
	double v;
	(void)s;

	/* exact > most specific wildcard > type default */
	assert_true(num(u, "aws_nat_gateway.nat[0]", "aws_nat_gateway",
	                "monthly_data_processed_gb",
	                "resource_usage[aws_nat_gateway.nat[0]]") == 10);
	assert_true(num(u, "aws_nat_gateway.nat[1]", "aws_nat_gateway",
	                "monthly_data_processed_gb",
	                "resource_usage[aws_nat_gateway.nat[*]]") == 20);
	assert_true(num(u, "aws_nat_gateway.other", "aws_nat_gateway",
	                "monthly_data_processed_gb",
	                "resource_usage[aws_nat_gateway.*]") == 30);
	assert_true(num(u, "module.x.aws_nat_gateway.a", "aws_nat_gateway",
	                "monthly_data_processed_gb",
	                "resource_type_default_usage[aws_nat_gateway]") == 40);
	/* per key: the exact entry lacks other_key, the wildcard has it */
	assert_true(num(u, "aws_nat_gateway.nat[0]", "aws_nat_gateway",
	                "other_key",
	                "resource_usage[aws_nat_gateway.nat[*]]") == 5);
	/* only the most specific wildcard counts (as in Infracost): nat[*]
	 * lacks wide_key, so the type default is next, which lacks it too */
	assert_false(tfs_usage_get(u, "aws_nat_gateway.nat[1]",
	                           "aws_nat_gateway", "wide_key", &v, NULL));
	assert_true(num(u, "aws_nat_gateway.nat[1]", "aws_nat_gateway",
	                "default_only",
	                "resource_type_default_usage[aws_nat_gateway]") == 2.5);
	/* no type given: no default */
	assert_false(tfs_usage_get(u, "aws_nat_gateway.q", NULL, "default_only",
	                           &v, NULL));
	/* unknown everything; and no usage file at all */
	assert_false(tfs_usage_get(u, "aws_lb.x", "aws_lb", "nope", &v, NULL));
	assert_false(tfs_usage_get(NULL, "aws_lb.x", "aws_lb", "k", &v, NULL));
	assert_int_equal(u->count, 4);
	assert_int_equal(u->entries[2].stars, 1);
	tfs_usage_free(u);
}

static void test_wildcards(void **s)
{
	tfs_usage *u = usage_ok(
		"version: 0.1\n"
		"resource_usage:\n"
		"  module.app.aws_ecs_service.this[*]: {k: 1}\n"
		"  module.stack[*].aws_lb.this: {k: 2}\n"
		"  module.*.aws_lb.*: {k: 3}\n"
		"  aws_s3_bucket.b[\"logs\"]: {k: 4}\n"
		"  module.a.module.b.aws_sqs_queue.q[*]: {k: 5}\n");
	(void)s;

	assert_true(num(u, "module.app.aws_ecs_service.this[\"api\"]", NULL,
	                "k",
	                "resource_usage[module.app.aws_ecs_service.this[*]]") ==
	            1);
	assert_true(num(u, "module.stack[\"sa\"].aws_lb.this", NULL, "k",
	                "resource_usage[module.stack[*].aws_lb.this]") == 2);
	assert_true(num(u, "module.stack[0].aws_lb.this", NULL, "k",
	                "resource_usage[module.stack[*].aws_lb.this]") == 2);
	/* two stars: less specific than one */
	assert_true(num(u, "module.net.aws_lb.edge", NULL, "k",
	                "resource_usage[module.*.aws_lb.*]") == 3);
	assert_true(num(u, "module.stack[0].aws_lb.other", NULL, "k",
	                "resource_usage[module.*.aws_lb.*]") == 3);
	assert_true(num(u, "aws_s3_bucket.b[\"logs\"]", NULL, "k",
	                "resource_usage[aws_s3_bucket.b[\"logs\"]]") == 4);
	assert_true(num(u, "module.a.module.b.aws_sqs_queue.q[\"x.y\"]", NULL,
	                "k",
	                "resource_usage[module.a.module.b.aws_sqs_queue.q[*]]") ==
	            5);

	/* the resource type each entry names, for the unknown-key check */
	assert_string_equal(u->entries[0].type, "aws_ecs_service");
	assert_string_equal(u->entries[1].type, "aws_lb");
	assert_string_equal(u->entries[2].type, "aws_lb");
	assert_string_equal(u->entries[3].type, "aws_s3_bucket");
	assert_string_equal(u->entries[4].type, "aws_sqs_queue");
	tfs_usage_free(u);

	/* fewest '*' first, then the longest pattern: a bare "*" outranks
	 * every two-star pattern, and loses to a longer one-star one */
	u = usage_ok("version: 0.1\n"
	             "resource_usage:\n"
	             "  module.*.aws_lb.*: {k: 3}\n"
	             "  \"*\": {k: 6}\n"
	             "  aws_lb.*: {k: 7}\n");
	assert_true(num(u, "module.net.aws_lb.edge", NULL, "k",
	                "resource_usage[*]") == 6);
	assert_true(num(u, "aws_lb.edge", NULL, "k",
	                "resource_usage[aws_lb.*]") == 7);
	assert_true(num(u, "aws_s3_bucket.b[\"data\"]", NULL, "k",
	                "resource_usage[*]") == 6);
	assert_string_equal(u->entries[0].type, "aws_lb");
	assert_null(u->entries[1].type);
	assert_string_equal(u->entries[2].type, "aws_lb");
	tfs_usage_free(u);
}

static void test_values_nested_strings_and_nulls(void **s)
{
	tfs_usage *u = usage_ok(
		"version: \"0.1\"\n"
		"resource_usage:\n"
		"  aws_s3_bucket.b:\n"
		"    standard:\n"
		"      storage_gb: 100\n"
		"      monthly_tier_1_requests: 1e3\n"
		"    storage_class: STANDARD_IA\n"
		"    quoted: \"12\"\n"
		"    empty:\n"
		"    nothing: ~\n"
		"    zero: -0\n"
		"    small: .5\n"
		"  aws_s3_bucket.none:\n"
		"resource_type_default_usage: ~\n");
	const char *text, *from;
	double v;
	(void)s;

	assert_true(num(u, "aws_s3_bucket.b", "aws_s3_bucket",
	                "standard.storage_gb",
	                "resource_usage[aws_s3_bucket.b]") == 100);
	assert_true(num(u, "aws_s3_bucket.b", "aws_s3_bucket",
	                "standard.monthly_tier_1_requests",
	                "resource_usage[aws_s3_bucket.b]") == 1000);
	assert_true(num(u, "aws_s3_bucket.b", NULL, "zero",
	                "resource_usage[aws_s3_bucket.b]") == 0);
	assert_true(num(u, "aws_s3_bucket.b", NULL, "small",
	                "resource_usage[aws_s3_bucket.b]") == 0.5);
	assert_true(tfs_usage_get_string(u, "aws_s3_bucket.b", NULL,
	                                 "storage_class", &text, &from));
	assert_string_equal(text, "STANDARD_IA");
	assert_string_equal(from, "resource_usage[aws_s3_bucket.b]");
	/* a quoted number is a string; the other getter finds nothing */
	assert_false(tfs_usage_get(u, "aws_s3_bucket.b", NULL, "quoted", &v,
	                           NULL));
	assert_true(tfs_usage_get_string(u, "aws_s3_bucket.b", NULL, "quoted",
	                                 &text, NULL));
	assert_string_equal(text, "12");
	assert_false(tfs_usage_get_string(u, "aws_s3_bucket.b", NULL,
	                                  "standard.storage_gb", &text, NULL));
	/* the map itself and null values are not values */
	assert_false(tfs_usage_get(u, "aws_s3_bucket.b", NULL, "standard", &v,
	                           NULL));
	assert_false(tfs_usage_get(u, "aws_s3_bucket.b", NULL, "empty", &v,
	                           NULL));
	assert_false(tfs_usage_get_string(u, "aws_s3_bucket.b", NULL,
	                                  "nothing", &text, NULL));
	assert_int_equal(u->count, 2);
	assert_int_equal(u->entries[0].count, 6);
	assert_int_equal(u->entries[0].values[0].line, 5);
	assert_int_equal(u->entries[0].values[0].column, 7);
	assert_int_equal(u->entries[1].count, 0);
	tfs_usage_free(u);
}

static void test_bom_and_flow_style(void **s)
{
	tfs_usage *u = usage_ok("\xef\xbb\xbf"
	                        "version: 0.1\n"
	                        "resource_usage: {aws_nat_gateway.n: "
	                        "{monthly_data_processed_gb: 3}}\n");
	char *m;
	(void)s;

	assert_true(num(u, "aws_nat_gateway.n", NULL,
	                "monthly_data_processed_gb",
	                "resource_usage[aws_nat_gateway.n]") == 3);
	tfs_usage_free(u);
	/* the mark does not count the byte-order mark */
	m = usage_err("\xef\xbb\xbf" "version: 0.2\n", 16);
	assert_string_equal(m, "u.yml:1:10: unsupported usage file version "
	                       "'0.2' (the supported version is 0.1)");
	free(m);
}

static void test_empty_files(void **s)
{
	(void)s;
	expect_err("", "u.yml: empty usage file (expected 'version: 0.1' at "
	               "the top)");
	expect_err("# only a comment\n\n",
	           "u.yml: empty usage file (expected 'version: 0.1' at "
	           "the top)");
	expect_err("---\n", "u.yml:2:1: empty usage file (expected "
	                    "'version: 0.1' at the top)");
	expect_err("\xef\xbb\xbf", "u.yml: empty usage file (expected "
	                           "'version: 0.1' at the top)");
}

static void test_errors(void **s)
{
	(void)s;
	/* version */
	expect_err("version: 0.2\n",
	           "u.yml:1:10: unsupported usage file version '0.2' (the "
	           "supported version is 0.1)");
	expect_err("version:\n", "u.yml:1:9: version is nothing: expected 0.1");
	expect_err("version: [0.1]\n",
	           "u.yml:1:10: version is a list: expected 0.1");
	expect_err("resource_usage: {}\n",
	           "u.yml:1:1: missing 'version: 0.1'");
	/* shapes */
	expect_err("- version: 0.1\n",
	           "u.yml:1:1: the usage file is a list: expected a map with "
	           "version, resource_usage and resource_type_default_usage");
	expect_err("version: 0.1\nresource_usage:\n  - aws_nat_gateway.n\n",
	           "u.yml:3:3: resource_usage is a list: expected a map");
	expect_err("version: 0.1\nresource_usage: 5\n",
	           "u.yml:2:17: resource_usage is a value: expected a map");
	expect_err("version: 0.1\nresource_usage:\n  aws_nat_gateway.n: 5\n",
	           "u.yml:3:22: resource_usage['aws_nat_gateway.n'] is a value: "
	           "expected a map of usage keys");
	expect_err("version: 0.1\nresource_type_default_usage:\n"
	           "  aws_nat_gateway: [1, 2]\n",
	           "u.yml:3:20: resource_type_default_usage['aws_nat_gateway'] "
	           "is a list: expected a map of usage keys");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x:\n"
	           "    processed_bytes_gb: [1]\n",
	           "u.yml:4:25: 'processed_bytes_gb' is a list: expected a "
	           "number, a string or a map");
	expect_err("version: 0.1\nresource_usage:\n  aws_s3_bucket.x:\n"
	           "    standard:\n      deep:\n        storage_gb: 1\n",
	           "u.yml:6:9: 'standard.deep' holds a map: usage values nest "
	           "one level at most");
	expect_err("version: 0.1\nresource_usage:\n  ? [a]\n  : {k: 1}\n",
	           "u.yml:3:5: a key must be text, not a list");
	expect_err("version: 0.1\nresource_usage:\n  \"\": {k: 1}\n",
	           "u.yml:3:3: empty key");
	expect_err("version: 0.1\nresource_usages: {}\n",
	           "u.yml:2:1: unknown top-level key 'resource_usages' "
	           "(expected version, resource_usage or "
	           "resource_type_default_usage)");
	/* duplicates, at every level and after flattening */
	expect_err("version: 0.1\nversion: 0.1\n",
	           "u.yml:2:1: duplicate key 'version' (first at line 1)");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: {a: 1}\n"
	           "  aws_lb.x: {a: 2}\n",
	           "u.yml:4:3: duplicate key 'aws_lb.x' (first at line 3)");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x:\n"
	           "    a: 1\n    a: 2\n",
	           "u.yml:5:5: duplicate key 'a' (first at line 4)");
	expect_err("version: 0.1\nresource_usage:\n  aws_s3_bucket.x:\n"
	           "    standard.storage_gb: 1\n"
	           "    standard:\n      storage_gb: 2\n",
	           "u.yml:6:7: duplicate key 'standard.storage_gb' (first at "
	           "line 4)");
	expect_err("version: 0.1\nresource_usage:\n  aws_s3_bucket.x:\n"
	           "    standard: {storage_gb: 1}\n"
	           "    standard: {monthly_tier_1_requests: 2}\n",
	           "u.yml:5:5: duplicate key 'standard' (first at line 4)");
	/* numbers */
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: {k: -5}\n",
	           "u.yml:3:17: number '-5' for 'k' is negative (usage figures "
	           "are monthly amounts, 0 or more)");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: {k: .nan}\n",
	           "u.yml:3:17: '.nan' for 'k' is not a finite number");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: {k: -.Inf}\n",
	           "u.yml:3:17: '-.Inf' for 'k' is not a finite number");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: {k: 1e999}\n",
	           "u.yml:3:17: number '1e999' for 'k' is out of range "
	           "(0 to 1e15)");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: {k: 1e16}\n",
	           "u.yml:3:17: number '1e16' for 'k' is out of range "
	           "(0 to 1e15)");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: {k: 1e-999}\n",
	           "u.yml:3:17: number '1e-999' for 'k' is out of range "
	           "(0 to 1e15)");
	/* anchors, aliases, tags */
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: &a {k: 1}\n"
	           "  aws_lb.y: *a\n",
	           "u.yml:3:13: anchors are not supported (nor aliases)");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.y: *a\n",
	           "u.yml:3:13: aliases are not supported");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: {k: !!str 5}\n",
	           "u.yml:3:17: tags are not supported");
	/* documents */
	expect_err("version: 0.1\n---\nversion: 0.1\n",
	           "u.yml:2:1: more than one YAML document (one usage file per "
	           "file)");
}

static void test_malformed_yaml(void **s)
{
	(void)s;
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: {k: 1\n",
	           "u.yml:4:1: invalid YAML: did not find expected ',' or '}' "
	           "(while parsing a flow mapping at line 3, column 13)");
	expect_err("version: 0.1\n\tresource_usage: {}\n",
	           "u.yml:2:1: invalid YAML: found a tab character that "
	           "violates indentation (while scanning a plain scalar at "
	           "line 1, column 10)");
	expect_err("version: \"0.1\n",
	           "u.yml:2:1: invalid YAML: found unexpected end of stream "
	           "(while scanning a quoted scalar at line 1, column 10)");
	/* reader errors: invalid UTF-8, a NUL byte */
	expect_err("version: 0.1\n# \xff\n",
	           "u.yml:2:3: invalid YAML: invalid leading UTF-8 octet");
	{
		char *m = usage_err("version: 0.1\n\0\n", 15);
		assert_string_equal(m, "u.yml:2:1: invalid YAML: control "
		                       "characters are not allowed");
		free(m);
	}
	/* an escaped NUL in a key or a value */
	expect_err("version: 0.1\nresource_usage:\n  \"a\\0b\": {k: 1}\n",
	           "u.yml:3:3: a key holds a NUL character");
	expect_err("version: 0.1\nresource_usage:\n  aws_lb.x: {k: \"a\\0\"}\n",
	           "u.yml:3:17: the value of 'k' holds a NUL character");
}

static void test_hostile_input(void **s)
{
	enum { DEPTH = 200000 };
	char *text = malloc(DEPTH * 2 + 64), *m;
	size_t n, i;
	(void)s;

	/* deep flow nesting stops at the first level the grammar refuses */
	n = (size_t)sprintf(text, "version: 0.1\nresource_usage:\n  x: {k: ");
	for (i = 0; i < DEPTH; i++)
		text[n++] = '[';
	for (i = 0; i < DEPTH; i++)
		text[n++] = ']';
	text[n++] = '}';
	m = usage_err(text, n);
	assert_string_equal(m, "u.yml:3:10: 'k' is a list: expected a number, "
	                       "a string or a map");
	free(m);
	free(text);

	/* over the size limit */
	text = calloc(1, TFS_USAGE_MAX_INPUT + 1);
	memset(text, '#', TFS_USAGE_MAX_INPUT + 1);
	m = usage_err(text, TFS_USAGE_MAX_INPUT + 1);
	assert_string_equal(m, "u.yml: larger than 8 MiB, not a usage file");
	free(m);
	free(text);

	/* long keys are quoted as an excerpt; controls never reach a
	 * message */
	m = usage_err("version: 0.1\nresource_usage:\n  aws_lb.x:\n"
	              "    a_very_long_usage_key_name_that_goes_on_and_on: 1\n"
	              "    a_very_long_usage_key_name_that_goes_on_and_on: 2\n"
	              "    \"\\e[31m\": 1\n",
	              strlen("version: 0.1\nresource_usage:\n  aws_lb.x:\n"
	                     "    a_very_long_usage_key_name_that_goes_on_and_on:"
	                     " 1\n"
	                     "    a_very_long_usage_key_name_that_goes_on_and_on:"
	                     " 2\n"));
	assert_string_equal(m, "u.yml:5:5: duplicate key 'a_very_long_usage_"
	                       "key_name_that_goes_on_...' (first at line 4)");
	free(m);

	/* a pattern full of stars against a long address stays cheap */
	{
		tfs_usage *u;
		tfs_buf b;
		char addr[4096];
		double v;

		tfs_buf_init(&b);
		/* over 1024 characters: an explicit key ("? KEY") */
		tfs_buf_adds(&b, "version: 0.1\nresource_usage:\n  ? \"");
		for (i = 0; i < 1000; i++)
			tfs_buf_adds(&b, "*a");
		tfs_buf_adds(&b, "*b\"\n  : {k: 1}\n");
		u = usage_ok(b.data);
		memset(addr, 'a', sizeof(addr) - 1);
		addr[sizeof(addr) - 1] = '\0';
		assert_false(tfs_usage_get(u, addr, NULL, "k", &v, NULL));
		tfs_usage_free(u);
		tfs_buf_release(&b);
	}
}

static void test_unknown_keys_warn_in_file_order(void **s)
{
	static const tfs_usage_key KNOWN[] = {
		{"aws_nat_gateway", "monthly_data_processed_gb",
		 TFS_USAGE_NUMBER},
		{"aws_s3_bucket", "standard.storage_gb", TFS_USAGE_NUMBER},
		{"aws_s3_bucket", "storage_class", TFS_USAGE_STRING},
	};
	tfs_usage *u = usage_ok(
		"version: 0.1\n"
		"resource_type_default_usage:\n"
		"  aws_nat_gateway:\n"
		"    foo: 1\n"
		"resource_usage:\n"
		"  module.n.aws_nat_gateway.this[*]:\n"
		"    monthly_data_processed_gb: 5\n"
		"    monthly_data_processed: 5\n"
		"  aws_s3_bucket.b[\"x\"]:\n"
		"    standard:\n"
		"      storage_gb: lots\n"
		"      storage: 3\n"
		"    storage_class: 4\n"
		"  module.x.*:\n"
		"    anything: 1\n");
	tfs_usage_warnings w;
	(void)s;

	tfs_usage_warnings_init(&w);
	assert_int_equal(tfs_usage_check(u, KNOWN, 3, &w), 5);
	assert_int_equal(w.count, 5);
	assert_string_equal(w.items[0], "u.yml:4:5: unknown usage key 'foo' "
	                                "for aws_nat_gateway");
	/* a near miss names the key it is closest to */
	assert_string_equal(w.items[1], "u.yml:8:5: unknown usage key "
	                                "'monthly_data_processed' for "
	                                "aws_nat_gateway (did you mean "
	                                "'monthly_data_processed_gb'?)");
	assert_string_equal(w.items[2], "u.yml:11:7: usage key "
	                                "'standard.storage_gb' for "
	                                "aws_s3_bucket should be a number, not "
	                                "'lots'; ignored");
	assert_string_equal(w.items[3], "u.yml:12:7: unknown usage key "
	                                "'standard.storage' for aws_s3_bucket "
	                                "(did you mean 'standard.storage_gb'?)");
	assert_string_equal(w.items[4], "u.yml:13:5: usage key 'storage_class' "
	                                "for aws_s3_bucket should be a string, "
	                                "not '4'; ignored");
	/* the wrong kind is never handed out */
	{
		double v;
		assert_false(tfs_usage_get(u, "aws_s3_bucket.b[\"x\"]",
		                           "aws_s3_bucket", "standard.storage_gb",
		                           &v, NULL));
	}
	tfs_usage_warnings_release(&w);
	assert_int_equal(w.count, 0);
	assert_int_equal(tfs_usage_check(NULL, KNOWN, 3, &w), 0);
	tfs_usage_free(u);
}

static void test_load_from_file(void **s)
{
	tfs_usage *u = NULL;
	tfs_error err;
	tfs_buf b;
	(void)s;

	tfs_error_init(&err);
	assert_int_equal(tfs_usage_load(&u, "/nonexistent/u.yml", &err), -1);
	assert_null(u);
	tfs_buf_init(&b);
	tfs_error_format(&err, &b);
	assert_string_equal(b.data, "/nonexistent/u.yml: cannot open: No such "
	                            "file or directory");
	tfs_buf_release(&b);
	tfs_error_init(&err);
	assert_int_equal(tfs_usage_load(&u, "/", &err), -1);
	assert_string_equal(err.text, "is a directory, not a usage file");
}

static void test_example_usage_file(void **s)
{
	const char *root = getenv("TFSIGHT_SRCDIR");
	char path[4096];
	const char *from;
	tfs_usage *u = NULL;
	tfs_error err;
	double v;
	(void)s;

	snprintf(path, sizeof(path), "%s/examples/usage.yml", root ? root : ".");
	tfs_error_init(&err);
	if (tfs_usage_load(&u, path, &err) != 0) {
		print_error("%s: %s\n", path, err.text);
		fail();
	}
	assert_true(num(u, "module.network.aws_nat_gateway.this[1]",
	                "aws_nat_gateway", "monthly_data_processed_gb",
	                "resource_usage[module.network.aws_nat_gateway.this[*]]")
	            == 120);
	assert_true(num(u, "module.cdn.aws_cloudfront_distribution.this",
	                "aws_cloudfront_distribution",
	                "monthly_data_transfer_to_internet_gb.south_america",
	                "resource_usage[module.cdn.aws_cloudfront_distribution."
	                "this]") == 450);
	assert_true(num(u, "module.cdn.aws_s3_bucket.logs", "aws_s3_bucket",
	                "standard.storage_gb",
	                "resource_usage[module.cdn.aws_s3_bucket.logs]") == 80);
	/* exact over wildcard, wildcard over nothing */
	assert_true(num(u, "module.app.aws_ecr_repository.this[\"backend\"]",
	                "aws_ecr_repository", "storage_gb",
	                "resource_usage[module.app.aws_ecr_repository.this["
	                "\"backend\"]]") == 6);
	assert_true(num(u, "module.app.aws_ecr_repository.this[\"frontend\"]",
	                "aws_ecr_repository", "storage_gb",
	                "resource_usage[module.app.aws_ecr_repository.this[*]]")
	            == 2.5);
	/* exact over type default, per key */
	assert_true(num(u, "module.app.aws_cloudwatch_log_group.service[\"api\"]",
	                "aws_cloudwatch_log_group", "monthly_data_ingested_gb",
	                "resource_usage[module.app.aws_cloudwatch_log_group."
	                "service[\"api\"]]") == 30);
	assert_true(num(u, "module.app.aws_cloudwatch_log_group.service[\"api\"]",
	                "aws_cloudwatch_log_group", "monthly_data_scanned_gb",
	                "resource_type_default_usage[aws_cloudwatch_log_group]")
	            == 2);
	assert_true(num(u, "module.app.aws_cloudwatch_log_group.service[\"web\"]",
	                "aws_cloudwatch_log_group", "monthly_data_ingested_gb",
	                "resource_type_default_usage[aws_cloudwatch_log_group]")
	            == 8);
	assert_true(tfs_usage_get(u, "module.database.aws_db_instance.this",
	                          "aws_db_instance",
	                          "additional_backup_storage_gb", &v, &from));
	assert_true(v == 140);
	tfs_usage_free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_wildcards),
		cmocka_unit_test(test_values_nested_strings_and_nulls),
		cmocka_unit_test(test_bom_and_flow_style),
		cmocka_unit_test(test_empty_files),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_malformed_yaml),
		cmocka_unit_test(test_hostile_input),
		cmocka_unit_test(test_unknown_keys_warn_in_file_order),
		cmocka_unit_test(test_load_from_file),
		cmocka_unit_test(test_example_usage_file),
	};
	return cmocka_run_group_tests_name("usage", tests, NULL, NULL);
}
