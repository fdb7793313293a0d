/* test_inventory.c - region, account and tags of each instance. */
#include "testutil.h"

#include "tfsight/inventory.h"

static const tfs_inventory_item *item(const tfs_inventory *inv,
                                      const char *address)
{
	for (size_t i = 0; i < inv->count; i++)
		if (strcmp(inv->items[i].inst->address, address) == 0)
			return &inv->items[i];
	fail_msg("no item %s", address);
	return NULL;
}

#define RES(type, name, provider, attrs)                                     \
	"{\"mode\":\"managed\",\"type\":\"" type "\",\"name\":\"" name         \
	"\",\"provider\":\"" provider "\",\"instances\":[{\"attributes\":"     \
	attrs "}]}"
#define AWS "provider[\\\"registry.terraform.io/hashicorp/aws\\\"]"

static void test_region_sources_in_order(void **s)
{
	tfs_state *st = load_ok(
		"{\"version\":4,\"resources\":["
		RES("aws_s3_bucket", "attr", AWS,
		    "{\"region\":\"us-west-2\",\"arn\":\"arn:aws:s3:::b\"}") ","
		RES("aws_vpc", "arn", AWS,
		    "{\"arn\":\"arn:aws:ec2:sa-east-1:283165662494:vpc/vpc-1\"}") ","
		RES("aws_ecs_service", "id", AWS,
		    "{\"id\":\"arn:aws:ecs:sa-east-1:125611408459:service/c/s\"}") ","
		RES("aws_ebs_volume", "az", AWS, "{\"availability_zone\":\"eu-west-1b\"}") ","
		RES("aws_iam_role", "global", AWS,
		    "{\"arn\":\"arn:aws:iam::283165662494:role/r\"}") ","
		RES("aws_route53_record", "rec", AWS, "{\"name\":\"www\"}") ","
		RES("aws_acm_certificate", "east", AWS ".us_east_1",
		    "{\"arn\":\"arn:aws:acm:us-east-1:1:certificate/x\"}") ","
		RES("aws_acm_certificate_validation", "east", AWS ".us_east_1", "{}") ","
		RES("aws_s3_bucket", "noregion", AWS, "{\"arn\":\"arn:aws:s3:::nb\"}") ","
		RES("null_resource", "n", "provider.null", "{}")
		"]}");
	tfs_inventory *inv = tfs_inventory_build(st, "ap-south-1");
	const tfs_inventory_item *it;
	(void)s;

	it = item(inv, "aws_s3_bucket.attr");
	assert_string_equal(it->region, "us-west-2");
	assert_int_equal(it->region_source, TFS_REGION_ATTRIBUTE);
	it = item(inv, "aws_vpc.arn");
	assert_string_equal(it->region, "sa-east-1");
	assert_int_equal(it->region_source, TFS_REGION_ARN);
	assert_string_equal(it->account, "283165662494");
	it = item(inv, "aws_ecs_service.id");
	assert_string_equal(it->account, "125611408459");
	assert_int_equal(it->region_source, TFS_REGION_ARN);
	it = item(inv, "aws_ebs_volume.az");
	assert_string_equal(it->region, "eu-west-1");
	assert_int_equal(it->region_source, TFS_REGION_AZ);
	it = item(inv, "aws_iam_role.global");
	assert_string_equal(it->region, "global");
	assert_int_equal(it->region_source, TFS_REGION_GLOBAL);
	it = item(inv, "aws_route53_record.rec");
	assert_int_equal(it->region_source, TFS_REGION_GLOBAL);
	/* the provider alias's region, from its other resources */
	it = item(inv, "aws_acm_certificate_validation.east");
	assert_string_equal(it->region, "us-east-1");
	assert_int_equal(it->region_source, TFS_REGION_PROVIDER);
	/* the default provider: most of its resources are in sa-east-1 */
	it = item(inv, "aws_s3_bucket.noregion");
	assert_string_equal(it->region, "sa-east-1");
	assert_int_equal(it->region_source, TFS_REGION_PROVIDER);
	/* nothing tells: the caller's default */
	it = item(inv, "null_resource.n");
	assert_string_equal(it->region, "ap-south-1");
	assert_int_equal(it->region_source, TFS_REGION_DEFAULT);
	tfs_inventory_free(inv);
	tfs_state_free(st);
}

static void test_plan_provider_region(void **s)
{
	tfs_state *st = load_ok(
		"{\"format_version\":\"1.2\",\"configuration\":{\"provider_config\":"
		"{\"aws\":{\"name\":\"aws\",\"expressions\":{\"region\":"
		"{\"constant_value\":\"sa-east-1\"}}}}},\"resource_changes\":[{"
		"\"address\":\"aws_vpc.v\",\"mode\":\"managed\",\"type\":\"aws_vpc\","
		"\"name\":\"v\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\","
		"\"change\":{\"actions\":[\"create\"],\"after\":{}}}]}");
	tfs_inventory *inv = tfs_inventory_build(st, "us-east-2");
	(void)s;
	assert_string_equal(inv->items[0].region, "sa-east-1");
	assert_int_equal(inv->items[0].region_source, TFS_REGION_PROVIDER);
	tfs_inventory_free(inv);
	tfs_state_free(st);
}

static void test_tags_and_counts(void **s)
{
	tfs_state *st = load_ok(
		"{\"version\":4,\"resources\":["
		RES("aws_vpc", "a", AWS,
		    "{\"tags\":{\"Name\":\"a\"},\"tags_all\":{\"Name\":\"a\","
		    "\"Environment\":\"prod\",\"Owner\":\"<script>x</script>\"}}") ","
		RES("aws_vpc", "b", AWS, "{\"tags\":{\"Name\":\"b\",\"N\":5},\"tags_all\":{}}") ","
		RES("aws_subnet", "c", AWS, "{\"tags\":null}") ","
		"{\"mode\":\"data\",\"type\":\"aws_vpc\",\"name\":\"d\",\"instances\":"
		"[{\"attributes\":{}}]}]}");
	tfs_inventory *inv = tfs_inventory_build(st, TFS_DEFAULT_REGION);
	const tfs_inventory_item *it;
	(void)s;

	it = item(inv, "aws_vpc.a");
	assert_int_equal(it->ntags, 3);
	assert_string_equal(it->tags[0].key, "Environment"); /* sorted */
	assert_string_equal(it->tags[2].value, "<script>x</script>");
	it = item(inv, "aws_vpc.b"); /* empty tags_all: falls back to tags */
	assert_int_equal(it->ntags, 2);
	assert_string_equal(it->tags[0].key, "N");
	assert_string_equal(it->tags[0].value, "5");
	assert_int_equal(item(inv, "aws_subnet.c")->ntags, 0);
	assert_int_equal(inv->managed, 3);
	assert_int_equal(inv->data, 1);
	assert_int_equal(inv->ntypes, 3);
	assert_string_equal(inv->types[0].type, "aws_subnet");
	assert_string_equal(inv->types[1].type, "aws_vpc");
	assert_int_equal(inv->types[1].count, 2);
	assert_string_equal(inv->types[2].type, "data.aws_vpc");
	tfs_inventory_free(inv);
	tfs_state_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_region_sources_in_order),
		cmocka_unit_test(test_plan_provider_region),
		cmocka_unit_test(test_tags_and_counts),
	};
	return cmocka_run_group_tests_name("inventory", tests, NULL, NULL);
}
