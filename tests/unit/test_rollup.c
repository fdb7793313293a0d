/* test_rollup.c - roll-ups: untagged cost has its own line, and every
 * roll-up sums to the same total as the resources. */
#include "testutil.h"

#include <math.h>

#include "tfsight/cost.h"

#define R(type, name, attrs)                                                  \
	"{'mode':'managed','type':'" type "','name':'" name "','instances':"   \
	"[{'attributes':" attrs "}]}"

static const tfs_rollup_line *line(const tfs_rollup *r, const char *key)
{
	for (size_t i = 0; i < r->count; i++)
		if (strcmp(r->lines[i].key, key) == 0)
			return &r->lines[i];
	fail_msg("no line %s in %s", key, r->dimension);
	return NULL;
}

static void test_rollups_sum_and_untagged(void **s)
{
	fixture f = build(
		R("aws_kms_key", "a", "{'tags':{'Environment':'prod','Project':'web',"
		  "'Owner':'ana'}}") ","
		R("aws_kms_key", "b", "{'tags':{'Environment':'dev','Project':'web'}}") ","
		R("aws_secretsmanager_secret", "c", "{}") ","
		R("aws_vpc", "free", "{'tags':{'Project':'web'}}"));
	tfs_cost *c = tfs_cost_estimate(f.m, tfs_pricing_bundled(), NULL);
	tfs_rollups *r = tfs_cost_rollups(&c, 1, "Project", "Owner");
	double key = tfs_pricing_find(tfs_pricing_bundled(), "kms.key.month")->usd;
	double secret = tfs_pricing_find(tfs_pricing_bundled(),
	                                 "secretsmanager.secret.month")->usd;
	(void)s;

	assert_true(fabs(r->total - c->total) < 1e-12);
	assert_true(fabs(r->total - (2 * key + secret)) < 1e-12);
	for (size_t d = 0; d < TFS_ROLLUP_DIMENSIONS; d++) {
		double sum = 0;
		for (size_t i = 0; i < r->by[d].count; i++)
			sum += r->by[d].lines[i].usd;
		assert_true(fabs(sum - r->total) < 1e-12);
	}
	assert_true(fabs(line(&r->by[0], "prod")->usd - key) < 1e-12);
	assert_true(fabs(line(&r->by[0], TFS_UNTAGGED)->usd - secret) < 1e-12);
	assert_int_equal(line(&r->by[1], "web")->resources, 2); /* free not counted */
	assert_true(fabs(line(&r->by[2], TFS_UNTAGGED)->usd - (key + secret)) <
	            1e-12);
	assert_string_equal(r->by[3].lines[0].key, "KMS"); /* largest first */
	assert_string_equal(tfs_aws_service_name("aws_route53_zone"), "Route 53");
	assert_string_equal(tfs_aws_service_name("aws_route_table"), "VPC");
	tfs_rollups_free(r);
	tfs_cost_free(c);
	release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rollups_sum_and_untagged),
	};
	return cmocka_run_group_tests_name("rollup", tests, NULL, NULL);
}
