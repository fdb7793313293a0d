/* test_config.c - tfsight.yml: what it sets, and every way it can be wrong. */
#include "testutil.h"

#include "tfsight/config.h"

static tfs_config *cfg_ok(const char *text)
{
	tfs_config *c;
	tfs_error err;
	tfs_error_init(&err);
	if (tfs_config_load_buffer(&c, "t.yml", text, strlen(text), &err) != 0) {
		fail_msg("unexpected error: %s:%d:%d: %s", err.file, err.line,
		         err.column, err.text);
	}
	return c;
}

static void expect(const char *text, const char *want)
{
	tfs_config *c = NULL;
	tfs_error err;
	tfs_buf b;

	tfs_error_init(&err);
	assert_int_equal(tfs_config_load_buffer(&c, "t.yml", text, strlen(text),
	                                        &err),
	                 -1);
	assert_null(c);
	assert_int_equal(err.code, TFS_EXIT_INPUT);
	tfs_buf_init(&b);
	tfs_error_format(&err, &b);
	if (!strstr(b.data, want))
		fail_msg("got:  %s\nwant: %s", b.data, want);
	tfs_buf_release(&b);
}

static void test_reads_environments(void **s)
{
	tfs_config *c = cfg_ok("version: 1\n"
	                       "environments:\n"
	                       "  tag_keys: [Stage, env]\n"
	                       "  accounts:\n"
	                       "    \"125611408459\": dev\n"
	                       "    \"283165662494\": prod\n");
	(void)s;
	assert_int_equal(c->n_env_tag_keys, 2);
	assert_string_equal(c->env_tag_keys[0], "Stage");
	assert_int_equal(c->n_account_envs, 2);
	assert_string_equal(c->account_envs[2], "283165662494");
	assert_string_equal(c->account_envs[3], "prod");
	tfs_config_free(c);
	c = cfg_ok("version: 1\n");
	assert_null(c->env_tag_keys);
	assert_int_equal(c->n_account_envs, 0);
	tfs_config_free(c);
}

static void test_errors_are_located(void **s)
{
	(void)s;
	expect("", "t.yml: empty configuration");
	expect("environments: {}\n", "missing 'version: 1'");
	expect("version: 2\n", "t.yml:1:10: version '2' is not supported");
	expect("version: 1\nenvironmnets: {}\n",
	       "t.yml:2:1: unknown key 'environmnets'");
	expect("version: 1\nenvironments:\n  accounts:\n    12345: dev\n",
	       "t.yml:4:5: environments.accounts: '12345' is not a 12-digit");
	expect("version: 1\nenvironments:\n  tag_keys: Environment\n",
	       "t.yml:3:13: environments.tag_keys: expected a list, got a scalar");
	expect("version: 1\nenvironments: [a\n", "t.yml:3:1: invalid YAML");
	expect("version: 1\nx: &a [1]\ny: *a\n",
	       "t.yml:3:4: aliases (*name) are not supported");
	expect("- 1\n", "t.yml:1:1: top level: expected a mapping, got a list");
}

/* Nesting past the limit is refused before libyaml builds the document,
 * whose time grows with the square of the depth. */
static void test_depth_limit(void **s)
{
	tfs_buf b;
	int i;
	(void)s;

	tfs_buf_init(&b);
	tfs_buf_adds(&b, "version: 1\nchecks:\n  x: ");
	for (i = 0; i < 100000; i++)
		tfs_buf_addc(&b, '[');
	expect(b.data, "t.yml:3:68: nested deeper than 64 levels, the limit");
	/* 64 levels, the limit itself, reach the key checks */
	tfs_buf_truncate(&b, 0);
	tfs_buf_adds(&b, "version: 1\nx: ");
	for (i = 0; i < 63; i++)
		tfs_buf_addc(&b, '[');
	for (i = 0; i < 63; i++)
		tfs_buf_addc(&b, ']');
	expect(b.data, "unknown key 'x'");
	tfs_buf_release(&b);
}

static void test_example_file(void **s)
{
	tfs_config *c;
	tfs_error err;
	char path[4096];
	const char *root = getenv("TFSIGHT_SRCDIR");
	(void)s;

	snprintf(path, sizeof(path), "%s/examples/tfsight.yml", root ? root : ".");
	tfs_error_init(&err);
	assert_int_equal(tfs_config_load(&c, path, &err), 0);
	assert_int_equal(c->n_account_envs, 2);
	assert_string_equal(c->account_envs[1], "dev");
	tfs_config_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_environments),
		cmocka_unit_test(test_errors_are_located),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_example_file),
	};
	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
