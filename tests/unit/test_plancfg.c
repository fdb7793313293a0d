/* test_plancfg.c - a plan's unknown identity attributes, filled in from its
 * configuration's references (src/state/plancfg.c). */
#include "testutil.h"

#define P(rest) "(known after apply: " rest ")"

static fixture S_plan_fixture(void)
{
	return build_example("tests/fixtures/plans/vpc-ecs-rds-create.json");
}

static const char *S_at(const tfs_instance *in, const char *path)
{
	json_t *v = in->attributes;
	char *copy = strdup(path), *tok, *save = NULL;
	for (tok = strtok_r(copy, ".", &save); tok && v;
	     tok = strtok_r(NULL, ".", &save)) {
		char *br = strchr(tok, '[');
		if (br) {
			*br = '\0';
			v = json_object_get(v, tok);
			v = json_array_get(v, (size_t)atoi(br + 1));
		} else {
			v = json_object_get(v, tok);
		}
	}
	free(copy);
	return json_string_value(v);
}

/* A module that builds the network, for_each subnets, NAT gateways per
 * public subnet, and a root stack that uses the module's outputs. */
static void test_real_shapes(void **s)
{
	fixture f = S_plan_fixture();
	const tfs_instance_list *l = &f.st->resources;
	const tfs_instance *nat =
		find(l, "module.network.aws_nat_gateway.this[\"sa-east-1b\"]");
	const tfs_instance *svc = find(l, "aws_ecs_service.api");
	const tfs_instance *rt =
		find(l, "module.network.aws_route_table.private[\"sa-east-1a\"]");
	json_t *subnets;
	(void)s;

	/* for_each = aws_subnet.public, subnet_id = each.value.id */
	assert_string_equal(attr(nat, "subnet_id"),
	                    P("module.network.aws_subnet.public[\"sa-east-1b\"].id"));
	/* aws_eip.nat[each.key].id */
	assert_string_equal(attr(nat, "allocation_id"),
	                    P("module.network.aws_eip.nat[\"sa-east-1b\"].id"));
	/* the target holds the same text */
	assert_string_equal(
		attr(find(l, "module.network.aws_subnet.public[\"sa-east-1b\"]"), "id"),
		P("module.network.aws_subnet.public[\"sa-east-1b\"].id"));
	/* a module output that is every instance, in key order */
	subnets = json_object_get(
		json_array_get(json_object_get(svc->attributes, "network_configuration"),
		               0),
		"subnets");
	assert_int_equal(json_array_size(subnets), 2);
	assert_string_equal(json_string_value(json_array_get(subnets, 0)),
	                    P("module.network.aws_subnet.private[\"sa-east-1a\"].id"));
	assert_string_equal(json_string_value(json_array_get(subnets, 1)),
	                    P("module.network.aws_subnet.private[\"sa-east-1b\"].id"));
	/* nested blocks, and *_arn attributes take the target's arn */
	assert_string_equal(S_at(svc, "load_balancer[0].target_group_arn"),
	                    P("aws_lb_target_group.api.arn"));
	assert_string_equal(attr(svc, "cluster"), P("aws_ecs_cluster.main.id"));
	assert_string_equal(S_at(rt, "route[0].nat_gateway_id"),
	                    P("module.network.aws_nat_gateway.this[\"sa-east-1a\"].id"));
	/* module.network.public_subnet_ids[0]: element 0 of the output */
	assert_string_equal(attr(find(l, "aws_instance.bastion[0]"), "subnet_id"),
	                    P("module.network.aws_subnet.public[\"sa-east-1a\"].id"));
	/* known values stay as they are */
	assert_string_equal(attr(find(l, "aws_lb_listener.https"), "certificate_arn"),
	                    "arn:aws:acm:sa-east-1:111122223333:certificate/"
	                    "0f3c6a52-8d63-4d3b-9b1e-8f2f4b6f0a11");
	/* and a secret stays redacted */
	assert_string_equal(attr(find(l, "aws_db_instance.main"), "password"),
	                    TFS_REDACTED);
	release(&f);
}

/* What the model makes of it: placed, public/private by route, connected. */
static void test_model_places_and_connects(void **s)
{
	fixture f = S_plan_fixture();
	const tfs_model *m = f.m;
	size_t i, nat = TFS_NONE, pub = TFS_NONE, lb = TFS_NONE, svc = TFS_NONE,
	          db = TFS_NONE;
	bool target = false, network = false;
	(void)s;

	for (i = 0; i < m->nresources; i++) {
		const char *a = m->nodes[i].address;
		if (strcmp(a, "module.network.aws_nat_gateway.this[\"sa-east-1a\"]") == 0)
			nat = i;
		else if (strcmp(a, "module.network.aws_subnet.public[\"sa-east-1a\"]") == 0)
			pub = i;
		else if (strcmp(a, "aws_lb.api") == 0)
			lb = i;
		else if (strcmp(a, "aws_ecs_service.api") == 0)
			svc = i;
		else if (strcmp(a, "aws_db_instance.main") == 0)
			db = i;
	}
	assert_true(nat != TFS_NONE && pub != TFS_NONE && lb != TFS_NONE &&
	            svc != TFS_NONE && db != TFS_NONE);
	assert_int_equal(m->nodes[nat].placement, TFS_PLACE_SUBNETS);
	assert_int_equal(m->nodes[nat].nsubnets, 1);
	assert_int_equal(m->nodes[nat].subnets[0], pub);
	/* public: its route table's default route goes to the IGW */
	assert_int_equal(m->nodes[pub].public_source, TFS_PUBLIC_ROUTE_TABLE);
	assert_int_equal(m->nodes[pub].tier, TFS_TIER_PUBLIC);
	assert_int_equal(m->nodes[lb].nazs, 2);
	assert_int_equal(m->nodes[svc].nsubnets, 2);
	for (i = 0; i < m->nedges; i++) {
		const tfs_edge *e = &m->edges[i];
		if (e->kind == TFS_EDGE_TARGET && e->to == svc) {
			target = true;
			assert_non_null(strstr(e->evidence, "(known after apply: "));
		}
		if (e->kind == TFS_EDGE_NETWORK && e->from == svc && e->to == db)
			network = true;
	}
	assert_true(target);
	assert_true(network);
	release(&f);
}

/* A small plan: one config module, resource_changes with unknowns. */
static tfs_state *S_mini(const char *config_resources, const char *changes)
{
	tfs_buf b;
	char *json;
	tfs_state *st;

	tfs_buf_init(&b);
	tfs_buf_addf(&b,
	             "{'format_version':'1.2','resource_changes':[%s],"
	             "'configuration':{'root_module':{%s}}}",
	             changes, config_resources);
	json = q(b.data);
	tfs_buf_release(&b);
	st = load_ok(json);
	free(json);
	return st;
}

static void test_rules(void **s)
{
	/* count.index picks the same index and wraps as element() does; a
	 * single value that could be either of two is left unknown; a local
	 * with two candidates is left unknown */
	tfs_state *st = S_mini(
		"'resources':["
		"{'address':'aws_subnet.a','mode':'managed','type':'aws_subnet',"
		" 'name':'a','expressions':{},'count_expression':{'constant_value':2}},"
		"{'address':'aws_nat_gateway.n','mode':'managed','type':"
		" 'aws_nat_gateway','name':'n','count_expression':{'constant_value':3},"
		" 'expressions':{'subnet_id':{'references':['aws_subnet.a',"
		" 'count.index']}}},"
		"{'address':'aws_instance.i','mode':'managed','type':'aws_instance',"
		" 'name':'i','expressions':{'subnet_id':{'references':"
		" ['aws_subnet.a']},'vpc_security_group_ids':{'references':"
		" ['local.sgs']}}},"
		"{'address':'aws_security_group.x','mode':'managed','type':"
		" 'aws_security_group','name':'x','expressions':{}},"
		"{'address':'aws_security_group.y','mode':'managed','type':"
		" 'aws_security_group','name':'y','expressions':{}}]",
		"{'address':'aws_subnet.a[0]','mode':'managed','type':'aws_subnet',"
		" 'name':'a','index':0,'change':{'actions':['create'],'after':{},"
		" 'after_unknown':{'id':true}}},"
		"{'address':'aws_subnet.a[1]','mode':'managed','type':'aws_subnet',"
		" 'name':'a','index':1,'change':{'actions':['create'],'after':{},"
		" 'after_unknown':{'id':true}}},"
		"{'address':'aws_nat_gateway.n[2]','mode':'managed','type':"
		" 'aws_nat_gateway','name':'n','index':2,'change':{'actions':"
		" ['create'],'after':{},'after_unknown':{'subnet_id':true}}},"
		"{'address':'aws_instance.i','mode':'managed','type':'aws_instance',"
		" 'name':'i','change':{'actions':['create'],'after':{},"
		" 'after_unknown':{'subnet_id':true,'vpc_security_group_ids':true}}},"
		"{'address':'aws_security_group.x','mode':'managed','type':"
		" 'aws_security_group','name':'x','change':{'actions':['create'],"
		" 'after':{},'after_unknown':{'id':true}}},"
		"{'address':'aws_security_group.y','mode':'managed','type':"
		" 'aws_security_group','name':'y','change':{'actions':['create'],"
		" 'after':{},'after_unknown':{'id':true}}}");
	const tfs_instance *in;
	(void)s;

	in = find(&st->resources, "aws_nat_gateway.n[2]");
	assert_string_equal(attr(in, "subnet_id"), P("aws_subnet.a[0].id"));
	in = find(&st->resources, "aws_instance.i");
	assert_null(json_object_get(in->attributes, "subnet_id"));
	assert_null(json_object_get(in->attributes, "vpc_security_group_ids"));
	tfs_state_free(st);
}

static void test_modules_vars_and_counted_modules(void **s)
{
	/* module.app[1] takes var.subnet from the call, where count.index is
	 * the module's own index; its output reaches the root */
	tfs_state *st = S_mini(
		"'resources':["
		"{'address':'aws_subnet.s','mode':'managed','type':'aws_subnet',"
		" 'name':'s','count_expression':{'constant_value':2},"
		" 'expressions':{}},"
		"{'address':'aws_lb.lb','mode':'managed','type':'aws_lb','name':'lb',"
		" 'expressions':{'security_groups':{'references':"
		" ['module.app[1].sg_id','module.app[1]','module.app']}}}],"
		"'module_calls':{'app':{'source':'./app','count_expression':"
		" {'constant_value':2},'expressions':{'subnet':{'references':"
		" ['aws_subnet.s','count.index']}},'module':{"
		" 'outputs':{'sg_id':{'expression':{'references':"
		"  ['aws_security_group.g.id','aws_security_group.g']}}},"
		" 'resources':[{'address':'aws_instance.i','mode':'managed','type':"
		"  'aws_instance','name':'i','expressions':{'subnet_id':"
		"  {'references':['var.subnet']}}},"
		"  {'address':'aws_security_group.g','mode':'managed','type':"
		"  'aws_security_group','name':'g','expressions':{}}]}}}",
		"{'address':'aws_subnet.s[0]','mode':'managed','type':'aws_subnet',"
		" 'name':'s','index':0,'change':{'actions':['no-op'],'after':"
		" {'id':'subnet-0'},'after_unknown':{}}},"
		"{'address':'aws_subnet.s[1]','mode':'managed','type':'aws_subnet',"
		" 'name':'s','index':1,'change':{'actions':['no-op'],'after':"
		" {'id':'subnet-1'},'after_unknown':{}}},"
		"{'address':'module.app[1].aws_instance.i','module_address':"
		" 'module.app[1]','mode':'managed','type':'aws_instance','name':'i',"
		" 'change':{'actions':['create'],'after':{},'after_unknown':"
		" {'subnet_id':true}}},"
		"{'address':'module.app[1].aws_security_group.g','module_address':"
		" 'module.app[1]','mode':'managed','type':'aws_security_group',"
		" 'name':'g','change':{'actions':['create'],'after':{},"
		" 'after_unknown':{'id':true}}},"
		"{'address':'aws_lb.lb','mode':'managed','type':'aws_lb','name':'lb',"
		" 'change':{'actions':['create'],'after':{},'after_unknown':"
		" {'security_groups':true}}}");
	const tfs_instance *in;
	json_t *sgs;
	(void)s;

	/* a known target gives its value, not a placeholder */
	in = find(&st->resources, "module.app[1].aws_instance.i");
	assert_string_equal(attr(in, "subnet_id"), "subnet-1");
	in = find(&st->resources, "aws_lb.lb");
	sgs = json_object_get(in->attributes, "security_groups");
	assert_int_equal(json_array_size(sgs), 1);
	assert_string_equal(json_string_value(json_array_get(sgs, 0)),
	                    P("module.app[1].aws_security_group.g.id"));
	tfs_state_free(st);
}

static void test_after_apply_type(void **s)
{
	char t[64];
	(void)s;
	assert_true(tfs_after_apply_type(
		P("module.a[\"x.y\"].module.b.aws_internet_gateway.this[0].id"), t,
		sizeof(t)));
	assert_string_equal(t, "aws_internet_gateway");
	assert_true(tfs_after_apply_type(P("data.aws_vpc.main.id"), t, sizeof(t)));
	assert_string_equal(t, "aws_vpc");
	assert_false(tfs_after_apply_type("igw-123", t, sizeof(t)));
	assert_false(tfs_after_apply_type(P("aws_internet_gateway.x.id"), t, 4));
	assert_false(tfs_after_apply_type(NULL, t, sizeof(t)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_shapes),
		cmocka_unit_test(test_model_places_and_connects),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_modules_vars_and_counted_modules),
		cmocka_unit_test(test_after_apply_type),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
