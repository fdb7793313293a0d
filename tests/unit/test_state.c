/* test_state.c - the state reader: every format, every legacy spelling,
 * secrets and bad input. */
#include "testutil.h"

#include <unistd.h>

#include "state/load.h"   /* tfs_load_json_split */
#include "state/reader.h" /* tfs_is_secret_key */

#define AWS "provider[\\\"registry.terraform.io/hashicorp/aws\\\"]"

/* ---- raw v4 -------------------------------------------------------------- */

static void test_v4_instances_and_keys(void **s)
{
	tfs_state *st = load_ok(
		"{\"version\":4,\"terraform_version\":\"1.9.8\",\"serial\":7,"
		"\"lineage\":\"abc\",\"resources\":["
		"{\"module\":\"module.net.module.sub[\\\"k\\\"]\",\"mode\":\"managed\","
		"\"type\":\"aws_subnet\",\"name\":\"private\",\"provider\":\"module.net."
		AWS "\",\"instances\":["
		"{\"index_key\":10,\"attributes\":{\"id\":\"s10\"}},"
		"{\"index_key\":2,\"attributes\":{\"id\":\"s2\"}}]},"
		"{\"mode\":\"managed\",\"type\":\"aws_ecs_service\",\"name\":\"svc\","
		"\"provider\":\"" AWS ".west\",\"instances\":["
		"{\"index_key\":\"we\\\"b\",\"attributes\":{\"id\":\"x\"}}]},"
		"{\"mode\":\"data\",\"type\":\"aws_caller_identity\",\"name\":\"c\","
		"\"provider\":\"provider.aws\",\"instances\":[{\"attributes\":{}}]}]}");
	const tfs_instance *in;
	(void)s;

	assert_int_equal(st->format, TFS_FORMAT_STATE_V4);
	assert_string_equal(st->terraform_version, "1.9.8");
	assert_true(st->has_serial);
	assert_int_equal(st->serial, 7);
	assert_int_equal(st->resources.count, 4);
	/* sorted: root before modules, managed before data, 2 before 10 */
	assert_string_equal(st->resources.items[0].address,
	                    "aws_ecs_service.svc[\"we\\\"b\"]");
	assert_string_equal(st->resources.items[1].address,
	                    "data.aws_caller_identity.c");
	assert_string_equal(st->resources.items[2].address,
	                    "module.net.module.sub[\"k\"].aws_subnet.private[2]");
	assert_string_equal(st->resources.items[3].address,
	                    "module.net.module.sub[\"k\"].aws_subnet.private[10]");
	in = &st->resources.items[0];
	assert_int_equal(in->key.kind, TFS_KEY_STRING);
	assert_string_equal(in->key.str, "we\"b");
	assert_string_equal(in->provider, "registry.terraform.io/hashicorp/aws");
	assert_string_equal(in->provider_alias, "west");
	in = &st->resources.items[1];
	assert_int_equal(in->mode, TFS_MODE_DATA);
	assert_string_equal(in->provider, "registry.terraform.io/hashicorp/aws");
	assert_null(in->provider_alias);
	in = &st->resources.items[3];
	assert_string_equal(in->module, "module.net.module.sub[\"k\"]");
	assert_int_equal(in->key.kind, TFS_KEY_INT);
	assert_int_equal(in->key.num, 10);
	assert_string_equal(attr(in, "id"), "s10");
	tfs_state_free(st);
}

static void test_v4_legacy_fields(void **s)
{
	/* attributes_flat, instance-level depends_on, tainted, deposed */
	tfs_state *st = load_ok(
		"{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":"
		"\"aws_security_group\",\"name\":\"sg\",\"provider\":"
		"\"module.x.provider.aws.eu\",\"instances\":["
		"{\"status\":\"tainted\",\"attributes_flat\":{\"id\":\"sg-1\","
		"\"ingress.#\":\"1\",\"ingress.123.from_port\":\"443\","
		"\"ingress.123.cidr_blocks.#\":\"1\",\"ingress.123.cidr_blocks.0\":"
		"\"0.0.0.0/0\",\"tags.%\":\"1\",\"tags.Name\":\"web\"},"
		"\"depends_on\":[\"aws_vpc.main\"]},"
		"{\"deposed\":\"00a1\",\"attributes\":{\"id\":\"sg-0\"},"
		"\"dependencies\":[\"aws_vpc.main\",\"aws_vpc.other\"]}]}]}");
	const tfs_instance *cur = &st->resources.items[0];
	const tfs_instance *dep = &st->resources.items[1];
	json_t *ingress;
	(void)s;

	assert_int_equal(st->resources.count, 2);
	assert_null(cur->deposed);
	assert_true(cur->tainted);
	assert_string_equal(cur->provider_alias, "eu");
	assert_int_equal(cur->ndepends, 1);
	assert_string_equal(cur->depends[0], "aws_vpc.main");
	ingress = json_object_get(cur->attributes, "ingress");
	assert_true(json_is_array(ingress));
	assert_int_equal(json_array_size(ingress), 1);
	assert_string_equal(json_string_value(json_object_get(
		                    json_array_get(ingress, 0), "from_port")),
	                    "443");
	assert_string_equal(
		json_string_value(json_array_get(
			json_object_get(json_array_get(ingress, 0), "cidr_blocks"), 0)),
		"0.0.0.0/0");
	assert_string_equal(json_string_value(json_object_get(
		                    json_object_get(cur->attributes, "tags"), "Name")),
	                    "web");
	assert_string_equal(dep->deposed, "00a1");
	assert_string_equal(dep->address, cur->address);
	assert_int_equal(dep->ndepends, 2);
	tfs_state_free(st);
}

/* ---- flatmap ------------------------------------------------------------- */

static void test_flatmap_shapes(void **s)
{
	tfs_state *st = load_ok(
		"{\"version\":3,\"modules\":[{\"path\":[\"root\",\"vpc\"],"
		"\"resources\":{\"aws_subnet.a.1\":{\"type\":\"aws_subnet\","
		"\"provider\":\"provider.aws\",\"depends_on\":[\"aws_vpc.x\"],"
		"\"primary\":{\"id\":\"subnet-1\",\"tainted\":true,\"attributes\":{"
		"\"id\":\"subnet-1\",\"list.#\":\"11\","
		"\"list.0\":\"a\",\"list.1\":\"b\",\"list.2\":\"c\",\"list.3\":\"d\","
		"\"list.4\":\"e\",\"list.5\":\"f\",\"list.6\":\"g\",\"list.7\":\"h\","
		"\"list.8\":\"i\",\"list.9\":\"j\",\"list.10\":\"k\","
		"\"tags.%\":\"2\",\"tags.kubernetes.io/role/elb\":\"1\",\"tags.Name\":"
		"\"n\",\"unknown\":\"74D93920-ED26-11E3-AC10-0800200C9A66\","
		"\"m.%\":\"1\",\"m.inner.%\":\"1\",\"m.inner.k\":\"v\","
		"\"empty.#\":\"0\",\"ab\":\"x\",\"a-b\":\"y\"}}},"
		"\"data.aws_ami.u\":{\"type\":\"aws_ami\",\"primary\":{\"id\":\"ami\","
		"\"attributes\":{}}}}}]}");
	const tfs_instance *in;
	json_t *list, *tags;
	(void)s;

	assert_int_equal(st->format, TFS_FORMAT_STATE_V3);
	assert_int_equal(st->resources.count, 2);
	in = find(&st->resources, "module.vpc.aws_subnet.a[1]");
	assert_true(in->tainted);
	assert_int_equal(in->ndepends, 1);
	list = json_object_get(in->attributes, "list");
	assert_int_equal(json_array_size(list), 11);
	/* numeric order: 10 is last, not third */
	assert_string_equal(json_string_value(json_array_get(list, 2)), "c");
	assert_string_equal(json_string_value(json_array_get(list, 10)), "k");
	tags = json_object_get(in->attributes, "tags");
	assert_int_equal(json_object_size(tags), 2);
	assert_string_equal(
		json_string_value(json_object_get(tags, "kubernetes.io/role/elb")), "1");
	assert_null(json_object_get(in->attributes, "unknown"));
	assert_string_equal(json_string_value(json_object_get(json_object_get(
		                    json_object_get(in->attributes, "m"), "inner"),
	                                                      "k")),
	                    "v");
	assert_int_equal(json_array_size(json_object_get(in->attributes, "empty")),
	                 0);
	assert_string_equal(attr(in, "ab"), "x");
	assert_string_equal(attr(in, "a-b"), "y");
	in = find(&st->resources, "module.vpc.data.aws_ami.u");
	assert_int_equal(in->mode, TFS_MODE_DATA);
	assert_string_equal(in->provider, "registry.terraform.io/hashicorp/aws");
	tfs_state_free(st);
}

/* ---- show -json and plans --------------------------------------------------- */

static void test_show_json_modules(void **s)
{
	tfs_state *st = load_ok(
		"{\"format_version\":\"1.0\",\"terraform_version\":\"1.5.0\","
		"\"values\":{\"root_module\":{\"resources\":[{\"address\":\"aws_vpc.v\","
		"\"mode\":\"managed\",\"type\":\"aws_vpc\",\"name\":\"v\","
		"\"provider_name\":\"registry.terraform.io/hashicorp/aws\","
		"\"values\":{\"id\":\"vpc-1\"}}],\"child_modules\":[{\"address\":"
		"\"module.a\",\"resources\":[{\"address\":\"module.a.aws_db_instance.d[0]\","
		"\"mode\":\"managed\",\"type\":\"aws_db_instance\",\"name\":\"d\","
		"\"index\":0,\"provider_name\":\"aws\",\"values\":{\"username\":\"u\","
		"\"endpoint\":\"e\"},\"sensitive_values\":{\"endpoint\":true}}],"
		"\"child_modules\":[{\"address\":\"module.a.module.b\",\"resources\":["
		"{\"address\":\"module.a.module.b.aws_s3_bucket.x\",\"mode\":\"managed\","
		"\"type\":\"aws_s3_bucket\",\"name\":\"x\",\"values\":null}]}]}]}}}");
	const tfs_instance *in;
	(void)s;

	assert_int_equal(st->format, TFS_FORMAT_SHOW_JSON);
	assert_int_equal(st->resources.count, 3);
	in = find(&st->resources, "module.a.aws_db_instance.d[0]");
	assert_string_equal(in->provider, "registry.terraform.io/hashicorp/aws");
	assert_string_equal(attr(in, "endpoint"), TFS_REDACTED);
	assert_string_equal(attr(in, "username"), "u");
	assert_int_equal(in->nsensitive, 1);
	assert_string_equal(in->sensitive[0], "endpoint");
	in = find(&st->resources, "module.a.module.b.aws_s3_bucket.x");
	assert_true(json_is_object(in->attributes));
	tfs_state_free(st);
}

static void test_plan_actions_and_prior(void **s)
{
	tfs_state *st = load_ok(
		"{\"format_version\":\"1.2\",\"configuration\":{\"provider_config\":"
		"{\"aws\":{\"name\":\"aws\",\"expressions\":{\"region\":"
		"{\"constant_value\":\"sa-east-1\"}}}}},"
		"\"prior_state\":{\"values\":{\"root_module\":{\"resources\":["
		"{\"address\":\"aws_nat_gateway.n\",\"mode\":\"managed\",\"type\":"
		"\"aws_nat_gateway\",\"name\":\"n\",\"values\":{\"id\":\"nat-1\"}},"
		"{\"address\":\"aws_db_instance.d\",\"mode\":\"managed\",\"type\":"
		"\"aws_db_instance\",\"name\":\"d\",\"values\":{\"multi_az\":false}}]}}},"
		"\"resource_changes\":["
		"{\"address\":\"aws_nat_gateway.n\",\"mode\":\"managed\",\"type\":"
		"\"aws_nat_gateway\",\"name\":\"n\",\"change\":{\"actions\":[\"delete\"],"
		"\"before\":{\"id\":\"nat-1\"},\"after\":null}},"
		"{\"address\":\"aws_db_instance.d\",\"mode\":\"managed\",\"type\":"
		"\"aws_db_instance\",\"name\":\"d\",\"previous_address\":\"aws_db_instance.old\","
		"\"change\":{\"actions\":[\"update\"],\"before\":{\"multi_az\":false},"
		"\"after\":{\"multi_az\":true,\"password\":\"p\"},"
		"\"after_unknown\":{\"endpoint\":true},\"after_sensitive\":{\"password\":true}}},"
		"{\"address\":\"module.m.aws_ecs_service.s[\\\"api\\\"]\",\"module_address\":"
		"\"module.m\",\"mode\":\"managed\",\"type\":\"aws_ecs_service\",\"name\":\"s\","
		"\"index\":\"api\",\"change\":{\"actions\":[\"create\"],\"before\":null,"
		"\"after\":{\"desired_count\":2}}},"
		"{\"address\":\"aws_lb.l\",\"mode\":\"managed\",\"type\":\"aws_lb\",\"name\":"
		"\"l\",\"change\":{\"actions\":[\"delete\",\"create\"],\"after\":{}}}]}");
	const tfs_instance *in;
	(void)s;

	assert_int_equal(st->format, TFS_FORMAT_PLAN_JSON);
	assert_string_equal(st->default_region, "sa-east-1");
	assert_int_equal(st->resources.count, 3); /* the NAT is deleted */
	assert_int_equal(st->prior.count, 2);
	in = find(&st->resources, "aws_db_instance.d");
	assert_int_equal(in->action, TFS_ACTION_UPDATE);
	assert_string_equal(in->previous_address, "aws_db_instance.old");
	assert_true(json_is_true(json_object_get(in->attributes, "multi_az")));
	assert_string_equal(attr(in, "password"), TFS_REDACTED);
	assert_true(json_is_true(json_object_get(in->unknown, "endpoint")));
	in = find(&st->resources, "module.m.aws_ecs_service.s[\"api\"]");
	assert_int_equal(in->action, TFS_ACTION_CREATE);
	assert_string_equal(in->module, "module.m");
	in = find(&st->resources, "aws_lb.l");
	assert_int_equal(in->action, TFS_ACTION_REPLACE);
	find(&st->prior, "aws_nat_gateway.n");
	tfs_state_free(st);
}

static void test_plan_without_prior_state(void **s)
{
	/* format 0.1 plans may lack prior_state: before is the prior */
	tfs_state *st = load_ok(
		"{\"format_version\":\"0.1\",\"resource_changes\":["
		"{\"address\":\"aws_eip.e\",\"mode\":\"managed\",\"type\":\"aws_eip\","
		"\"name\":\"e\",\"change\":{\"actions\":[\"delete\"],\"before\":"
		"{\"id\":\"eip\"},\"after\":null}},"
		"{\"address\":\"aws_vpc.v\",\"mode\":\"managed\",\"type\":\"aws_vpc\","
		"\"name\":\"v\",\"change\":{\"actions\":[\"create\"],\"before\":null,"
		"\"after\":{}}}]}");
	(void)s;
	assert_int_equal(st->resources.count, 1);
	assert_int_equal(st->prior.count, 1);
	assert_string_equal(st->prior.items[0].address, "aws_eip.e");
	tfs_state_free(st);
}

/* ---- encodings -------------------------------------------------------------- */

static void utf16(const char *text, bool be, tfs_buf *out)
{
	tfs_buf_init(out);
	tfs_buf_add(out, be ? "\xfe\xff" : "\xff\xfe", 2);
	for (const char *p = text; *p; p++) {
		char pair[2] = {be ? 0 : *p, be ? *p : 0};
		tfs_buf_add(out, pair, 2);
	}
}

static void test_encodings(void **s)
{
	const char *doc = "{\"version\":4,\"resources\":[{\"mode\":\"managed\","
	                  "\"type\":\"aws_vpc\",\"name\":\"v\",\"instances\":"
	                  "[{\"attributes\":{\"id\":\"vpc\"}}]}]}";
	tfs_state *st;
	tfs_error err;
	tfs_buf b;
	(void)s;

	for (int be = 0; be < 2; be++) {
		utf16(doc, be, &b);
		tfs_error_init(&err);
		assert_int_equal(tfs_state_load_buffer(&st, "u16", b.data, b.len, &err),
		                 0);
		assert_int_equal(st->resources.count, 1);
		tfs_state_free(st);
		tfs_buf_release(&b);
	}
	tfs_buf_init(&b);
	tfs_buf_adds(&b, "\xef\xbb\xbf");
	tfs_buf_adds(&b, doc);
	tfs_error_init(&err);
	assert_int_equal(tfs_state_load_buffer(&st, "bom", b.data, b.len, &err), 0);
	tfs_state_free(st);
	tfs_buf_release(&b);
}

static void test_big_integers_are_read(void **s)
{
	/* a v3 backend hash beyond 64 bits, as Terraform 0.11 wrote it */
	tfs_state *st = load_ok("{\"version\":3,\"serial\":8,\"backend\":{\"hash\":"
	                        "10669755453527594976},\"modules\":[]}");
	(void)s;
	assert_int_equal(st->serial, 8);
	tfs_state_free(st);
}

/* ---- secrets ------------------------------------------------------------- */

static void test_secrets_never_survive(void **s)
{
	static const char *const docs[] = {
		/* marked by sensitive_attributes, including an index step */
		"{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":"
		"\"aws_secretsmanager_secret_version\",\"name\":\"v\",\"instances\":"
		"[{\"attributes\":{\"secret_string\":\"CANARY1\",\"list\":[\"ok\","
		"\"CANARY2\"],\"obj\":{\"k\":\"CANARY3\"}},\"sensitive_attributes\":["
		"[{\"type\":\"get_attr\",\"value\":\"secret_string\"}],"
		"[{\"type\":\"get_attr\",\"value\":\"list\"},{\"type\":\"index\","
		"\"value\":{\"value\":1,\"type\":\"number\"}}],"
		"[{\"type\":\"get_attr\",\"value\":\"obj\"},{\"type\":\"index\","
		"\"value\":{\"value\":\"k\",\"type\":\"string\"}}]]}]}]}",
		/* unmarked, secret by name, at any depth */
		"{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":"
		"\"aws_db_instance\",\"name\":\"d\",\"instances\":[{\"attributes\":"
		"{\"password\":\"CANARY1\",\"nested\":[{\"auth_token\":\"CANARY2\"}],"
		"\"tags\":{\"DB_PASSWORD\":\"CANARY3\"},\"api_keys\":\"x\","
		"\"environment\":[{\"name\":\"DJANGO_SECRET_KEY\",\"value\":\"CANARY4\"}],"
		"\"manage_master_user_password\":true}}]}]}",
		/* inside container_definitions, a JSON string */
		"{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":"
		"\"aws_ecs_task_definition\",\"name\":\"t\",\"instances\":[{\"attributes\":"
		"{\"container_definitions\":\"[{\\\"name\\\":\\\"api\\\",\\\"environment\\\":"
		"[{\\\"name\\\":\\\"DB_PASSWORD\\\",\\\"value\\\":\\\"CANARY1\\\"},"
		"{\\\"name\\\":\\\"MODE\\\",\\\"value\\\":\\\"prod\\\"}]}]\"}}]}]}",
		/* legacy flatmap */
		"{\"version\":3,\"modules\":[{\"path\":[\"root\"],\"resources\":{"
		"\"aws_db_instance.d\":{\"type\":\"aws_db_instance\",\"primary\":{"
		"\"id\":\"d\",\"attributes\":{\"password\":\"CANARY1\"}}}}}]}",
		/* plans: after, before, planned values, prior state */
		"{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":"
		"{\"resources\":[{\"address\":\"aws_db_instance.d\",\"mode\":\"managed\","
		"\"type\":\"aws_db_instance\",\"name\":\"d\",\"values\":{\"password\":"
		"\"CANARY1\",\"x\":\"CANARY5\"},\"sensitive_values\":{\"x\":true}}]}},"
		"\"resource_changes\":[{\"address\":\"aws_db_instance.d\",\"mode\":"
		"\"managed\",\"type\":\"aws_db_instance\",\"name\":\"d\",\"change\":{"
		"\"actions\":[\"update\"],\"before\":{\"password\":\"CANARY2\",\"x\":"
		"\"CANARY6\"},\"after\":{\"password\":\"CANARY3\",\"x\":\"CANARY7\"},"
		"\"after_sensitive\":{\"x\":true},\"before_sensitive\":{\"x\":true}}}],"
		"\"prior_state\":{\"values\":{\"root_module\":{\"resources\":[{"
		"\"address\":\"aws_db_instance.d\",\"mode\":\"managed\",\"type\":"
		"\"aws_db_instance\",\"name\":\"d\",\"values\":{\"password\":\"CANARY4\","
		"\"x\":\"CANARY8\"},\"sensitive_values\":{\"x\":true}}]}}}}",
		/* a mark this reader does not understand: hide everything */
		"{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":"
		"\"aws_x\",\"name\":\"d\",\"instances\":[{\"attributes\":{\"odd\":"
		"\"CANARY1\"},\"sensitive_attributes\":[[{\"kind\":\"??\"}]]}]}]}",
	};
	(void)s;

	for (size_t i = 0; i < sizeof(docs) / sizeof(*docs); i++) {
		tfs_state *st = load_ok(docs[i]);
		char *all = dump_all(st);
		if (strstr(all, "CANARY")) {
			print_error("doc %zu keeps a secret: %s\n", i, all);
			fail();
		}
		free(all);
		tfs_state_free(st);
	}
}

static void test_secret_paths_and_kept_values(void **s)
{
	tfs_state *st = load_ok(
		"{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":"
		"\"aws_db_instance\",\"name\":\"d\",\"instances\":[{\"attributes\":"
		"{\"password\":\"p\",\"manage_master_user_password\":true,"
		"\"master_user_secret\":[{\"secret_arn\":\"arn:x\"}],"
		"\"environment\":[{\"name\":\"MODE\",\"value\":\"prod\"}]}}]}]}");
	const tfs_instance *in = &st->resources.items[0];
	json_t *mus;
	(void)s;

	assert_int_equal(in->nsensitive, 1);
	assert_string_equal(in->sensitive[0], "password");
	/* booleans under secret-like names and ARNs of secrets are kept */
	assert_true(json_is_true(
		json_object_get(in->attributes, "manage_master_user_password")));
	mus = json_array_get(json_object_get(in->attributes, "master_user_secret"), 0);
	assert_string_equal(json_string_value(json_object_get(mus, "secret_arn")),
	                    "arn:x");
	assert_string_equal(
		json_string_value(json_object_get(
			json_array_get(json_object_get(in->attributes, "environment"), 0),
			"value")),
		"prod");
	assert_true(tfs_is_secret_key("DB_PASSWORD"));
	assert_true(tfs_is_secret_key("github_token"));
	assert_false(tfs_is_secret_key("secret_arn"));
	assert_false(tfs_is_secret_key("kms_key_id"));
	assert_false(tfs_is_secret_key("tokenizer"));
	tfs_state_free(st);
}

/* ---- errors ----------------------------------------------------------------- */

static void expect_error(const char *text, const char *want)
{
	char *msg = load_err(text, strlen(text));
	if (!strstr(msg, want)) {
		print_error("got:  %s\nwant: %s\n", msg, want);
		fail();
	}
	free(msg);
}

static void test_errors_name_the_place(void **s)
{
	(void)s;
	expect_error("", "bad.json: file is empty");
	expect_error("{\"version\": 4,\n \"resources\": [",
	             "bad.json:2:");
	expect_error("{\"version\":4,\"resources\":[{\"type\":\"a\",\"name\":\"b\","
	             "\"instances\":[]},{\"type\":\"a\",\"name\":\"c\",\"instances\":"
	             "[{\"attributes\":{}},\"x\"]}]}",
	             "bad.json: resources[1].instances[1]: expected object, got string");
	expect_error("{\"version\":4,\"resources\":[{\"type\":\"a\",\"name\":\"b\","
	             "\"instances\":[{\"attributes\":{\"tags\":{}},"
	             "\"dependencies\":\"x\"}]}]}",
	             "resources[0].instances[0].dependencies: expected array, got string");
	expect_error("{\"version\":1}", "state format version 1");
	expect_error("{\"version\":9}", "newer than this tfsight understands");
	expect_error("[]", "expected a JSON object");
	expect_error("{\"a\":1}", "not a Terraform state or plan");
	expect_error("{\"format_version\":\"3.1\",\"values\":{}}",
	             "format_version \"3.1\" is not supported");
	expect_error("{\"version\":4,\"resources\":[{\"type\":\"a\",\"name\":\"b\","
	             "\"instances\":[{\"index_key\":1.5}]}]}",
	             "resources[0].instances[0].index_key: expected integer or string");
	/* never quote a string token that may be a secret */
	{
		const char *t = "{\"version\":4,\"x\":\"CANARY";
		char *msg = load_err(t, strlen(t));
		assert_null(strstr(msg, "CANARY"));
		free(msg);
	}
}

static void test_hostile_sizes(void **s)
{
	size_t n = 100000, i;
	char *deep = malloc(n + 1);
	char *msg;
	(void)s;

	for (i = 0; i < n; i++)
		deep[i] = '[';
	deep[n] = '\0';
	msg = load_err(deep, n);
	assert_non_null(strstr(msg, "maximum parsing depth"));
	free(msg);
	free(deep);
	/* a flatmap key nested 10,000 levels is refused, not recursed */
	{
		tfs_buf b;
		tfs_buf_init(&b);
		tfs_buf_adds(&b, "{\"version\":3,\"modules\":[{\"path\":[\"root\"],"
		                 "\"resources\":{\"a.b\":{\"primary\":{\"attributes\":{\"");
		for (i = 0; i < 10000; i++)
			tfs_buf_adds(&b, "k.");
		tfs_buf_adds(&b, "k\":\"v\"}}}}}]}");
		msg = load_err(b.data, b.len);
		assert_non_null(strstr(msg, "nested more than"));
		free(msg);
		tfs_buf_release(&b);
	}
}

/* A flatmap key that is both a leaf and a collection ("tags" beside
 * "tags.Name", "l.0" beside "l.0.b"; the empty key beside ".") read past
 * the end of the leaf's key (AddressSanitizer, tests/hostile/
 * v3-flatmap-oddities.tfstate): the collection wins. */
static void test_flatmap_leaf_and_collection(void **s)
{
	tfs_state *st = load_ok(
		"{\"version\":3,\"modules\":[{\"path\":[\"root\"],\"resources\":"
		"{\"aws_vpc.a\":{\"type\":\"aws_vpc\",\"primary\":{\"id\":\"v\","
		"\"attributes\":{\"tags\":\"x\",\"tags.Name\":\"y\",\"l.#\":\"1\","
		"\"l.0\":\"a\",\"l.0.b\":\"c\",\"\":\"e\",\".\":\"d\"}}}}}]}");
	const json_t *a = st->resources.items[0].attributes;
	(void)s;

	assert_string_equal(json_string_value(json_object_get(
		                    json_object_get(a, "tags"), "Name")),
	                    "y");
	assert_string_equal(json_string_value(json_object_get(
		                    json_array_get(json_object_get(a, "l"), 0), "b")),
	                    "c");
	tfs_state_free(st);
}

/* A serial is a whole number: 1.5 is refused, not truncated to 1 (found
 * by tests/run-hostile.sh); 3.0 (integers read as reals) is fine. */
static void test_serial_fraction(void **s)
{
	static const char bad[] = "{\"version\":4,\"serial\":1.5,"
	                          "\"resources\":[]}";
	char *msg = load_err(bad, sizeof(bad) - 1);
	tfs_state *st;
	(void)s;

	assert_non_null(strstr(msg, "serial"));
	free(msg);
	st = load_ok("{\"version\":4,\"serial\":3.0,\"resources\":[]}");
	assert_true(st->has_serial);
	assert_int_equal(st->serial, 3);
	tfs_state_free(st);
}

/* ---- large states parsed in pieces (split.c) ------------------------------ */

/* A raw state of more than 4 MiB whose values hold everything the split's
 * pass must not be fooled by: brackets, braces, commas, quotes and escaped
 * quotes in strings, a nested key named "resources", a "resources" string
 * value; extra is appended inside the top-level object. */
static char *S_big_state(const char *extra)
{
	char path[] = "/tmp/tfsight-test-split-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	size_t i;

	assert_non_null(f);
	fputs("{\n  \"version\": 4, \"serial\": 3, \"lineage\": \"l\",\n"
	      "  \"outputs\": {\"resources\": {\"value\": \"[,]\", "
	      "\"type\": \"string\"}},\n  \"resources\": [", f);
	for (i = 0; i < 12000; i++)
		fprintf(f, "%s\n    {\"mode\": \"managed\", \"type\": \"aws_s3_bucket\","
		        " \"name\": \"b%zu\", \"provider\": \"provider[\\\"registry."
		        "terraform.io/hashicorp/aws\\\"]\", \"instances\": [{"
		        "\"attributes\": {\"id\": \"b-%zu\", \"bucket\": \"x],{\\\"\\\\"
		        "\\\",[}\", \"policy\": \"{\\\"resources\\\": [1, 2]}\", "
		        "\"tags\": {\"resources\": \"a, b\", \"Name\": \"n%zu\"}, "
		        "\"list\": [[1, 2], [\"]\", \"[\"], {\"k\": [3, 4]}], "
		        "\"pad\": \"%0200d\"}}]}",
		        i ? "," : "", i, i, i, 0);
	fprintf(f, "\n  ]%s\n}\n", extra);
	assert_int_equal(fclose(f), 0);
	return strdup(path);
}

/* Load path on 1 and on 4 threads: the same state, instance by instance. */
static void S_same_split(const char *path)
{
	tfs_state *a = NULL, *b = NULL;
	tfs_error e1, e2;
	size_t i;

	tfs_error_init(&e1);
	tfs_error_init(&e2);
	assert_int_equal(tfs_state_load_jobs(&a, path, 1, &e1), 0);
	assert_int_equal(tfs_state_load_jobs(&b, path, 4, &e2), 0);
	assert_int_equal(a->resources.count, 12000);
	assert_int_equal(a->resources.count, b->resources.count);
	assert_int_equal(a->serial, b->serial);
	for (i = 0; i < a->resources.count; i++) {
		assert_string_equal(a->resources.items[i].address,
		                    b->resources.items[i].address);
		assert_true(json_equal(a->resources.items[i].attributes,
		                       b->resources.items[i].attributes));
	}
	assert_string_equal(attr(&b->resources.items[7], "bucket"),
	                    "x],{\"\\\",[}");
	assert_true(json_equal(a->root, b->root));
	tfs_state_free(a);
	tfs_state_free(b);
}

/* An error is the serial parse's error, line and all. */
static void S_same_error(const char *path)
{
	tfs_state *a = NULL, *b = NULL;
	tfs_error e1, e2;
	tfs_buf m1, m2;

	tfs_error_init(&e1);
	tfs_error_init(&e2);
	assert_int_equal(tfs_state_load_jobs(&a, path, 1, &e1), -1);
	assert_int_equal(tfs_state_load_jobs(&b, path, 4, &e2), -1);
	tfs_buf_init(&m1);
	tfs_buf_init(&m2);
	tfs_error_format(&e1, &m1);
	tfs_error_format(&e2, &m2);
	assert_string_equal(m1.data, m2.data);
	tfs_buf_release(&m1);
	tfs_buf_release(&m2);
}

/* Whether the split takes the file (rather than declining to a whole
 * parse): the comparisons above would pass either way.  Nothing is bound,
 * so the document is malloc'ed in either allocation mode. */
static bool S_splits(const char *path)
{
	json_t *doc = tfs_load_json_split(path, 4, NULL);
	bool took = doc != NULL;
	if (doc)
		assert_int_equal(json_array_size(json_object_get(doc, "resources")),
		                 12000);
	json_decref(doc);
	return took;
}

static void S_split_cases(void)
{
	char *path = S_big_state("");
	assert_true(S_splits(path));
	S_same_split(path);
	unlink(path);
	/* the last "resources" wins, as in a serial parse: the split declines */
	free(path);
	path = S_big_state(", \"resources\": []");
	assert_false(S_splits(path));
	{
		tfs_state *st = NULL;
		tfs_error e;
		tfs_error_init(&e);
		assert_int_equal(tfs_state_load_jobs(&st, path, 4, &e), 0);
		assert_int_equal(st->resources.count, 0);
		tfs_state_free(st);
	}
	unlink(path);
	free(path);
	path = S_big_state(", \"broken\": [}");
	assert_false(S_splits(path));
	S_same_error(path);
	unlink(path);
	free(path);
}

static void test_split_parse(void **s)
{
	(void)s;
	S_split_cases();
}

/* Last: it installs the arena allocator for the rest of the process. */
static void test_split_parse_in_arenas(void **s)
{
	(void)s;
	tfs_state_use_arena();
	S_split_cases();
}

/* A whole container_definitions marked sensitive: replaced in the
 * document, kept sealed (redacted by name) for decisions. */
static void test_sealed_documents(void **s)
{
	tfs_state *st = load_ok(
		"{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":"
		"\"aws_ecs_task_definition.t\",\"mode\":\"managed\",\"type\":"
		"\"aws_ecs_task_definition\",\"name\":\"t\",\"change\":{\"actions\":"
		"[\"update\"],\"before\":{\"container_definitions\":\"[{\\\"name\\\":"
		"\\\"app\\\",\\\"environment\\\":[{\\\"name\\\":\\\"DB_PASSWORD\\\","
		"\\\"value\\\":\\\"OLD-CANARY\\\"}]}]\"},\"after\":"
		"{\"container_definitions\":\"[{\\\"name\\\":\\\"app\\\",\\\"user\\\":"
		"\\\"1000\\\",\\\"environment\\\":[{\\\"name\\\":\\\"DB_PASSWORD\\\","
		"\\\"value\\\":\\\"NEW-CANARY\\\"}]}]\"},\"before_sensitive\":"
		"{\"container_definitions\":true},\"after_sensitive\":"
		"{\"container_definitions\":true}}}]}");
	const tfs_instance *in = find(&st->resources, "aws_ecs_task_definition.t");
	json_t *doc = tfs_instance_sealed(in, "container_definitions");
	char *all = dump_all(st);
	(void)s;

	assert_string_equal(attr(in, "container_definitions"), TFS_REDACTED);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(
		                    json_array_get(doc, 0), "user")),
	                    "1000");
	assert_string_equal(
		json_string_value(json_object_get(
			json_array_get(json_object_get(json_array_get(doc, 0),
			                               "environment"),
			               0),
			"value")),
		TFS_REDACTED);
	/* the after document, not the before one, and no copy of a secret */
	assert_null(strstr(all, "OLD-CANARY"));
	assert_null(strstr(all, "NEW-CANARY"));
	assert_null(tfs_instance_sealed(in, "family"));
	free(all);
	tfs_state_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_v4_instances_and_keys),
		cmocka_unit_test(test_v4_legacy_fields),
		cmocka_unit_test(test_flatmap_shapes),
		cmocka_unit_test(test_show_json_modules),
		cmocka_unit_test(test_plan_actions_and_prior),
		cmocka_unit_test(test_plan_without_prior_state),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_big_integers_are_read),
		cmocka_unit_test(test_secrets_never_survive),
		cmocka_unit_test(test_secret_paths_and_kept_values),
		cmocka_unit_test(test_sealed_documents),
		cmocka_unit_test(test_errors_name_the_place),
		cmocka_unit_test(test_hostile_sizes),
		cmocka_unit_test(test_serial_fraction),
		cmocka_unit_test(test_flatmap_leaf_and_collection),
		cmocka_unit_test(test_split_parse),
		cmocka_unit_test(test_split_parse_in_arenas), /* last */
	};
	return cmocka_run_group_tests_name("state", tests, NULL, NULL);
}
