/* test_diff.c - the diff engine (matching, totals, groups, check changes)
 * and the pull-request comment (money format, escaping, size limits per
 * platform counted in characters). */
#include <math.h>

#include "testutil.h"

#include "tfsight/diff.h"
#include "tfsight/render.h"

typedef struct {
	fixture f;
	tfs_cost *cost;
	tfs_checks *checks;
} side;

static side make_side(const char *resources)
{
	side s;
	tfs_check_options o;

	s.f = build(resources);
	s.cost = tfs_cost_estimate(s.f.m, tfs_pricing_bundled(), NULL);
	tfs_check_options_init(&o);
	o.today = "2026-11-23";
	o.cost = s.cost;
	o.pricing = tfs_pricing_bundled();
	s.checks = tfs_checks_run(s.f.m, &o);
	return s;
}

static void free_side(side *s)
{
	tfs_checks_free(s->checks);
	tfs_cost_free(s->cost);
	release(&s->f);
}

static tfs_diff *diff_of(const side *a, const side *b)
{
	tfs_diff_side x, y;

	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	x.cost = a->cost;
	x.checks = a->checks;
	y.cost = b->cost;
	y.checks = b->checks;
	return tfs_diff_build(&x, &y, NULL);
}

static char *markdown(const tfs_diff *d, tfs_platform p, size_t max)
{
	tfs_diff_view v;
	tfs_buf b;

	memset(&v, 0, sizeof(v));
	v.diff = d;
	v.base_name = "base.tfstate";
	v.head_name = "head.tfstate";
	v.platform = p;
	v.max_chars = max;
	tfs_buf_init(&b);
	tfs_render_diff_markdown(&v, &b);
	return tfs_buf_detach(&b, NULL);
}

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

#define NAT(name)                                                             \
	R("aws_nat_gateway", name, "{'id':'nat-" name "','connectivity_type':"   \
	  "'public','tags_all':{'Project':'shop','Environment':'prod'}}")
#define DBI(name, maz)                                                        \
	R("aws_db_instance", name, "{'identifier':'" name "','engine':"        \
	  "'postgres','instance_class':'db.t4g.micro','allocated_storage':20,"  \
	  "'storage_type':'gp3','multi_az':" maz ",'tags_all':{'Project':"      \
	  "'shop','Environment':'prod'}}")

static void test_matching_and_totals(void **s)
{
	(void)s;
	side a = make_side(NAT("a") "," NAT("b") "," DBI("db", "false"));
	side b = make_side(NAT("a") "," DBI("db", "true") ","
	                   R("aws_sqs_queue", "q", "{}"));
	tfs_diff *d = diff_of(&a, &b);
	size_t i;
	double sum_base = 0, sum_head = 0;

	assert_int_equal(d->added, 1);
	assert_int_equal(d->removed, 1);
	assert_int_equal(d->changed, 1);
	assert_int_equal(d->unchanged, 1);
	assert_int_equal(d->nresources, 3);
	/* totals equal the estimates, and the groups add up to them */
	assert_true(fabs(d->base_total - a.cost->total) < 1e-9);
	assert_true(fabs(d->head_total - b.cost->total) < 1e-9);
	for (i = 0; i < d->ngroups; i++) {
		sum_base += d->groups[i].base_usd;
		sum_head += d->groups[i].head_usd;
	}
	assert_true(fabs(sum_base - d->base_total) < 1e-9);
	assert_true(fabs(sum_head - d->head_total) < 1e-9);
	/* the largest change first: the NAT gateway ($72) before Multi-AZ */
	assert_string_equal(d->resources[0].address, "aws_nat_gateway.b");
	assert_int_equal(d->resources[0].change, TFS_CHANGE_REMOVED);
	assert_string_equal(d->resources[1].address, "aws_db_instance.db");
	assert_int_equal(d->resources[1].nchanged_keys, 1);
	assert_string_equal(d->resources[1].changed_keys[0], "multi_az");
	/* Multi-AZ doubles the instance */
	assert_true(fabs(d->resources[1].head_usd -
	                 2 * d->resources[1].base_usd) < 1.0);
	assert_int_equal(d->resources[2].change, TFS_CHANGE_ADDED);
	/* and the checklist: Multi-AZ fixed */
	assert_true(d->has_checks);
	for (i = 0; i < d->nfixed; i++)
		if (strcmp(d->fixed[i]->check->id, "HA-RDS-MULTIAZ") == 0)
			break;
	assert_true(i < d->nfixed);
	tfs_diff_free(d);

	d = diff_of(&b, &a); /* the other way: a new failure */
	for (i = 0; i < d->nnew_failures; i++)
		if (strcmp(d->new_failures[i]->check->id, "HA-RDS-MULTIAZ") == 0)
			break;
	assert_true(i < d->nnew_failures);
	assert_int_equal(tfs_diff_worst_new(d) >= TFS_SEV_HIGH, true);
	tfs_diff_free(d);
	free_side(&a);
	free_side(&b);
}

static void test_no_change(void **s)
{
	(void)s;
	side a = make_side(NAT("a") "," DBI("db", "false"));
	side b = make_side(NAT("a") "," DBI("db", "false"));
	tfs_diff *d = diff_of(&a, &b);
	char *md = markdown(d, TFS_PLATFORM_GITHUB, 0);

	assert_int_equal(d->nresources, 0);
	assert_int_equal(d->nnew_failures, 0);
	assert_int_equal(d->nfixed, 0);
	assert_int_equal(tfs_diff_worst_new(d), -1);
	assert_non_null(strstr(md, "[//]: <> (tfsight)\n#### Monthly estimate "
	                           "unchanged at $"));
	assert_null(strstr(md, "<details>"));
	free(md);
	tfs_diff_free(d);
	free_side(&a);
	free_side(&b);
}

static void test_money_conventions(void **s)
{
	(void)s;
	tfs_buf b;

	tfs_buf_init(&b);
	tfs_money_short(&b, 1401.6);
	tfs_buf_adds(&b, " ");
	tfs_money_short(&b, 0.584);
	tfs_buf_adds(&b, " ");
	tfs_money_short(&b, 1.0);
	assert_string_equal(b.data, "$1,402 $0.58 $1");
	tfs_buf_release(&b);
}

static void test_markdown_escaping(void **s)
{
	(void)s;
	tfs_buf b;

	tfs_buf_init(&b);
	tfs_md_escape(&b, "<script>@here | *x* [a](javascript:1)\n`rm`");
	assert_null(strstr(b.data, "<script>"));
	assert_null(strstr(b.data, "@here"));
	assert_non_null(strstr(b.data, "@\xe2\x80\x8bhere"));
	assert_null(strstr(b.data, " | "));
	assert_null(strstr(b.data, "\n"));
	assert_non_null(strstr(b.data, "\\[a\\]"));
	assert_non_null(strstr(b.data, "\\`rm\\`"));
	tfs_buf_release(&b);
}

/* n queues whose names hold multi-byte characters, so a byte count and a
 * character count differ. */
static char *many(size_t n)
{
	tfs_buf b;
	tfs_buf_init(&b);
	for (size_t i = 0; i < n; i++)
		tfs_buf_addf(&b, "%s{'mode':'managed','type':'aws_sqs_queue','name':"
		                 "'fila_de_produção_número_%zu_com_um_nome_bem_longo',"
		                 "'instances':[{'attributes':{}}]}",
		             i ? "," : "", i);
	return tfs_buf_detach(&b, NULL);
}

static void test_size_limits_in_characters(void **s)
{
	(void)s;
	static const tfs_platform ALL[] = {TFS_PLATFORM_GITHUB,
	                                   TFS_PLATFORM_AZURE,
	                                   TFS_PLATFORM_BITBUCKET};
	char *big = many(1500);
	side a = make_side(NAT("a"));
	side b = make_side(big);
	tfs_diff *d = diff_of(&a, &b);
	size_t i;

	assert_int_equal(tfs_platform_limit(TFS_PLATFORM_GITHUB), 65536);
	assert_int_equal(tfs_platform_limit(TFS_PLATFORM_GITLAB), 1000000);
	assert_int_equal(tfs_platform_limit(TFS_PLATFORM_AZURE), 150000);
	assert_int_equal(tfs_platform_limit(TFS_PLATFORM_BITBUCKET), 32768);
	for (i = 0; i < sizeof(ALL) / sizeof(ALL[0]); i++) {
		char *md = markdown(d, ALL[i], 0);
		size_t n = chars(md);
		assert_true(n <= tfs_platform_limit(ALL[i]));
		/* the headline and the table are whole; the cut is announced */
		assert_non_null(strstr(md, "#### Monthly estimate"));
		assert_non_null(strstr(md, "| **Total** |"));
		assert_non_null(strstr(md, "lines were left out to fit"));
		/* close to the limit: the cut is not wasteful */
		assert_true(n > tfs_platform_limit(ALL[i]) - 400);
		/* bytes exceed characters here: the budget is in characters */
		assert_true(strlen(md) > n);
		if (ALL[i] == TFS_PLATFORM_BITBUCKET) {
			assert_null(strstr(md, "<details>"));
			assert_null(strstr(md, "[//]: <>"));
			assert_non_null(strstr(md, "*(generated by tfsight)*"));
		} else {
			/* every <details> opened is closed */
			const char *p = md;
			size_t open = 0, close = 0;
			while ((p = strstr(p, "<details>")) != NULL)
				open++, p++;
			p = md;
			while ((p = strstr(p, "</details>")) != NULL)
				close++, p++;
			assert_int_equal(open, close);
		}
		free(md);
	}
	/* GitLab's million holds all of it */
	{
		char *md = markdown(d, TFS_PLATFORM_GITLAB, 0);
		assert_null(strstr(md, "left out"));
		free(md);
	}
	/* a tiny limit still keeps the headline and the table */
	{
		char *md = markdown(d, TFS_PLATFORM_GITHUB, 100);
		assert_non_null(strstr(md, "| **Total** |"));
		char want[64];
		snprintf(want, sizeof(want), "%zu lines were left out",
		         d->nresources + d->nnew_failures + d->nfixed);
		assert_non_null(strstr(md, want));
		free(md);
	}
	tfs_diff_free(d);
	free_side(&a);
	free_side(&b);
	free(big);
}

/* Last month's cost.json as the baseline: the same totals and changes as
 * the state it was written from, without attribute names. */
static void test_saved_estimate_baseline(void **s)
{
	(void)s;
	side a = make_side(NAT("a") "," NAT("b") "," DBI("db", "false") ","
	                   R("aws_sqs_queue", "free", "{}"));
	side b = make_side(NAT("a") "," DBI("db", "true") ","
	                   R("aws_sqs_queue", "free", "{}"));
	tfs_cost *items[1] = {a.cost};
	tfs_cost_set set;
	tfs_diff_saved *saved = NULL;
	tfs_diff_side x, y;
	tfs_diff *d, *ref;
	tfs_error err;
	tfs_buf json;
	json_t *root;

	memset(&set, 0, sizeof(set));
	set.items = items;
	set.count = 1;
	tfs_buf_init(&json);
	tfs_render_cost_json(&set, "0", &json);
	root = json_loads(json.data, 0, NULL);
	assert_non_null(root);
	assert_true(tfs_diff_is_estimate(root));
	tfs_error_init(&err);
	assert_int_equal(tfs_diff_saved_read(&saved, "cost.json", root, "Project",
	                                     "Owner", &err),
	                 0);
	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	x.items = saved->items;
	x.nitems = saved->count;
	y.cost = b.cost;
	d = tfs_diff_build(&x, &y, NULL);
	ref = diff_of(&a, &b);
	assert_true(fabs(d->base_total - ref->base_total) < 1e-6);
	assert_true(fabs(d->head_total - ref->head_total) < 1e-9);
	assert_int_equal(d->added, ref->added);
	assert_int_equal(d->removed, ref->removed);
	assert_int_equal(d->changed, 1); /* the database's cost moved */
	assert_int_equal(d->resources[0].nchanged_keys, 0);
	assert_int_equal(d->ngroups, 2); /* (untagged) and shop, as in the state */
	assert_string_equal(d->groups[1].project, "shop");
	assert_string_equal(d->groups[1].environment, "prod");
	assert_false(d->has_checks);
	tfs_diff_free(ref);
	tfs_diff_free(d);
	tfs_diff_saved_free(saved);

	/* not an estimate: refused with the path */
	root = json_loads("{\"projects\":[{\"breakdown\":{\"resources\":7}}],"
	                  "\"currency\":\"USD\"}", 0, NULL);
	assert_int_equal(tfs_diff_saved_read(&saved, "x.json", root, "Project",
	                                     "Owner", &err),
	                 -1);
	assert_string_equal(err.path, "projects[0].breakdown.resources");
	tfs_buf_release(&json);
	free_side(&a);
	free_side(&b);
}

/* Every changed row says what changed: leaf paths, old -> new, never a
 * sensitive value or the text of a document that is not valid JSON. */
static void test_reasons(void **s)
{
	side a = make_side(
		R("aws_db_instance", "db", "{'identifier':'db','engine':'postgres',"
		  "'instance_class':'db.t4g.micro','password':'x1','allocated_storage':20}") ","
		R("aws_ecs_task_definition", "t", "{'family':'t','container_definitions':"
		  "'[{\\\"name\\\":\\\"api\\\",\\\"image\\\":\\\"app:1.4.1\\\"}]'}") ","
		R("aws_ecs_task_definition", "bad", "{'family':'bad','container_definitions':"
		  "'[{\\\"name\\\":\\\"PASSWORD-CANARY'}"));
	side b = make_side(
		R("aws_db_instance", "db", "{'identifier':'db','engine':'postgres',"
		  "'instance_class':'db.t4g.small','password':'x2','allocated_storage':20}") ","
		R("aws_ecs_task_definition", "t", "{'family':'t','container_definitions':"
		  "'[{\\\"name\\\":\\\"api\\\",\\\"image\\\":\\\"app:1.4.2\\\"}]'}") ","
		R("aws_ecs_task_definition", "bad", "{'family':'bad','container_definitions':"
		  "'[{\\\"name\\\":\\\"OTHER-CANARY'}"));
	tfs_diff *d = diff_of(&a, &b);
	const tfs_diff_resource *db = NULL, *td = NULL, *bad = NULL;
	char *md;
	size_t i;
	(void)s;

	for (i = 0; i < d->nresources; i++) {
		const tfs_diff_resource *r = &d->resources[i];
		if (strcmp(r->address, "aws_db_instance.db") == 0)
			db = r;
		else if (strcmp(r->address, "aws_ecs_task_definition.t") == 0)
			td = r;
		else if (strcmp(r->address, "aws_ecs_task_definition.bad") == 0)
			bad = r;
	}
	assert_non_null(db);
	assert_int_equal(db->nattrs, 1); /* the password is redacted on both */
	assert_string_equal(db->attrs[0].path, "instance_class");
	assert_string_equal(db->attrs[0].before, "\"db.t4g.micro\"");
	assert_string_equal(db->attrs[0].after, "\"db.t4g.small\"");
	assert_non_null(td);
	assert_string_equal(td->attrs[0].path, "container_definitions[0].image");
	assert_string_equal(td->attrs[0].after, "\"app:1.4.2\"");
	assert_non_null(bad);
	assert_string_equal(bad->attrs[0].before, "(not valid JSON)");
	md = markdown(d, TFS_PLATFORM_GITHUB, 0);
	assert_non_null(strstr(md, "instance\\_class: \"db.t4g.micro\" → "
	                           "\"db.t4g.small\""));
	assert_null(strstr(md, "CANARY"));
	for (i = 0; i < d->nresources; i++)
		if (d->resources[i].change == TFS_CHANGE_CHANGED)
			assert_true(d->resources[i].nattrs || d->resources[i].reason);
	free(md);
	tfs_diff_free(d);
	free_side(&a);
	free_side(&b);
}

/* The PR summary says what the estimate leaves out, and the row says why. */
static void test_not_priced_named(void **s)
{
#define HOME R("aws_nat_gateway", "home", "{'id':'nat-home',"               \
	         "'availability_zone':'sa-east-1a'}")
	side a = make_side(HOME);
	side b = make_side(HOME ","
		R("aws_nat_gateway", "eu", "{'id':'nat-eu','availability_zone':"
		  "'eu-west-1a'}"));
	tfs_diff *d = diff_of(&a, &b);
	char *md = markdown(d, TFS_PLATFORM_GITHUB, 0);
	(void)s;

	assert_int_equal(d->head_other_region, 1);
	assert_non_null(strstr(md, "Not in the estimate: 1 resource outside "
	                           "sa-east-1"));
	assert_non_null(strstr(md, "outside sa-east-1 (eu-west-1): not priced "
	                           "| – | not priced |"));
	free(md);
	tfs_diff_free(d);
	free_side(&a);
	free_side(&b);
}

/* ---- `tfsight diff PLAN`: a plan's prior state against its planned values -- */

/* A plan, in single quotes: its prior state's resources and its changes. */
#define PLAN(prior, changes)                                                  \
	"{'format_version':'1.2','prior_state':{'values':{'root_module':"       \
	"{'resources':[" prior "]}}},'resource_changes':[" changes "]}"
#define PRIOR(type, name, values)                                             \
	"{'address':'" type "." name "','mode':'managed','type':'" type "',"    \
	"'name':'" name "','values':" values "}"
/* rest: the change's other fields after "actions", from a comma on */
#define CHANGE(type, name, actions, rest)                                     \
	"{'address':'" type "." name "','mode':'managed','type':'" type "',"    \
	"'name':'" name "','change':{'actions':" actions rest "}}"

typedef struct {
	tfs_state *st, prior;
	tfs_inventory *inv[2];
	tfs_model *m[2];
	tfs_cost *cost[2];
	tfs_diff *d;
} plan_diff;

static void plan_open(plan_diff *p, const char *single_quoted)
{
	char *json = q(single_quoted);
	const tfs_state *sides[2];
	tfs_model_options opt;
	tfs_diff_side x, y;
	int i;

	p->st = load_ok(json);
	free(json);
	tfs_state_prior_view(p->st, &p->prior);
	sides[0] = &p->prior;
	sides[1] = p->st;
	tfs_model_options_init(&opt);
	for (i = 0; i < 2; i++) {
		p->inv[i] = tfs_inventory_build(sides[i], TFS_DEFAULT_REGION);
		p->m[i] = tfs_model_build(sides[i], p->inv[i], &opt);
		p->cost[i] = tfs_cost_estimate(p->m[i], tfs_pricing_bundled(), NULL);
	}
	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	x.cost = p->cost[0];
	y.cost = p->cost[1];
	p->d = tfs_diff_build(&x, &y, NULL);
}

static void plan_close(plan_diff *p)
{
	int i;

	tfs_diff_free(p->d);
	for (i = 0; i < 2; i++) {
		tfs_cost_free(p->cost[i]);
		tfs_model_free(p->m[i]);
		tfs_inventory_free(p->inv[i]);
	}
	tfs_state_free(p->st);
}

static const tfs_diff_resource *row(const tfs_diff *d, const char *address)
{
	for (size_t i = 0; i < d->nresources; i++)
		if (strcmp(d->resources[i].address, address) == 0)
			return &d->resources[i];
	fail_msg("no row for %s", address);
	return NULL;
}

static char *json_of(const tfs_diff *d)
{
	tfs_diff_view v;
	tfs_buf b;

	memset(&v, 0, sizeof(v));
	v.diff = d;
	v.base_name = "the plan's prior state";
	v.head_name = "plan.json";
	tfs_buf_init(&b);
	tfs_render_diff_json(&v, &b);
	return tfs_buf_detach(&b, NULL);
}

/* The resource of the diff JSON named address. */
static json_t *json_row(json_t *root, const char *address)
{
	json_t *r;
	size_t i;

	json_array_foreach(json_object_get(root, "resources"), i, r)
		if (strcmp(json_string_value(json_object_get(r, "name")), address) == 0)
			return r;
	fail_msg("no resource %s in the JSON", address);
	return NULL;
}

#define DOC "'{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}'"

/* A JSON document kept in a string is valid whether or not the other side
 * has one to compare it with: against an unknown after it is shown by
 * size, never as "(not valid JSON)"; an invalid one still is, and a
 * sealed one is "(sensitive)". */
static void test_plan_document_against_unknown(void **s)
{
	plan_diff p;
	const tfs_diff_resource *r;
	(void)s;

	plan_open(&p, PLAN(
		PRIOR("aws_sqs_queue_policy", "ok", "{'id':'q1','policy':" DOC "}") ","
		PRIOR("aws_sqs_queue_policy", "bad", "{'id':'q2','policy':"
		      "'{\\\"Version\\\":'}") ","
		PRIOR("aws_sqs_queue_policy", "sealed", "{'id':'q3','policy':" DOC
		      "},'sensitive_values':{'policy':true}"),
		CHANGE("aws_sqs_queue_policy", "ok", "['update']",
		       ",'before':{'id':'q1','policy':" DOC "},'after':{'id':'q1'},"
		       "'after_unknown':{'policy':true}") ","
		CHANGE("aws_sqs_queue_policy", "bad", "['update']",
		       ",'before':{'id':'q2','policy':'{\\\"Version\\\":'},"
		       "'after':{'id':'q2'},'after_unknown':{'policy':true}") ","
		CHANGE("aws_sqs_queue_policy", "sealed", "['update']",
		       ",'before':{'id':'q3','policy':" DOC "},'after':{'id':'q3'},"
		       "'after_unknown':{'policy':true},"
		       "'before_sensitive':{'policy':true}")));
	r = row(p.d, "aws_sqs_queue_policy.ok");
	assert_int_equal(r->nattrs, 1);
	assert_string_equal(r->attrs[0].path, "policy");
	assert_string_equal(r->attrs[0].before, "{2 keys}");
	assert_string_equal(r->attrs[0].after, TFS_DIFF_UNKNOWN);
	r = row(p.d, "aws_sqs_queue_policy.bad");
	assert_string_equal(r->attrs[0].before, "(not valid JSON)");
	r = row(p.d, "aws_sqs_queue_policy.sealed");
	assert_string_equal(r->attrs[0].before, TFS_REDACTED);
	plan_close(&p);
}

#define SECRET "'{\\\"api_key\\\":\\\"TFSIGHT-CANARY-UNIT\\\"}'"

/* A replacement reads as one ("must be replaced"), not as "changed", and
 * lists the sensitive value that may force it as "(sensitive)", never its
 * text; an update lists no sensitive value that reads the same. */
static void test_plan_replacement_sensitive(void **s)
{
	plan_diff p;
	const tfs_diff_resource *r;
	char *md, *js;
	size_t i;
	(void)s;

	plan_open(&p, PLAN(
		PRIOR("aws_secretsmanager_secret_version", "app",
		      "{'secret_id':'s','secret_string':" SECRET ",'arn':'arn:1',"
		      "'secret_binary':null},'sensitive_values':{'secret_string':"
		      "true,'secret_binary':true}") ","
		PRIOR("aws_db_instance", "db", "{'identifier':'db','engine':"
		      "'postgres','instance_class':'db.t4g.micro','password':"
		      "'TFSIGHT-CANARY-UNIT','allocated_storage':20}"),
		CHANGE("aws_secretsmanager_secret_version", "app",
		       "['delete','create']",
		       ",'before':{'secret_id':'s','secret_string':" SECRET ","
		       "'arn':'arn:1','secret_binary':null},"
		       "'after':{'secret_id':'s','secret_string':" SECRET ","
		       "'secret_binary':null},'after_unknown':{'arn':true},"
		       "'before_sensitive':{'secret_string':true,'secret_binary':true},"
		       "'after_sensitive':{'secret_string':true,'secret_binary':true},"
		       "'replace_paths':[['secret_string']]") ","
		CHANGE("aws_db_instance", "db", "['update']",
		       ",'before':{'identifier':'db','engine':'postgres',"
		       "'instance_class':'db.t4g.micro','password':"
		       "'TFSIGHT-CANARY-UNIT','allocated_storage':20},"
		       "'after':{'identifier':'db','engine':'postgres',"
		       "'instance_class':'db.t4g.small','password':"
		       "'TFSIGHT-CANARY-UNIT','allocated_storage':20},"
		       "'after_sensitive':{'password':true}")));
	r = row(p.d, "aws_secretsmanager_secret_version.app");
	assert_int_equal(r->change, TFS_CHANGE_CHANGED);
	assert_int_equal(r->action, TFS_ACTION_REPLACE);
	for (i = 0; i < r->nattrs; i++)
		if (strcmp(r->attrs[i].path, "secret_string") == 0)
			break;
	assert_true(i < r->nattrs);
	assert_string_equal(r->attrs[i].before, TFS_REDACTED);
	assert_string_equal(r->attrs[i].after, TFS_REDACTED);
	/* null on both sides: nothing to list */
	for (i = 0; i < r->nattrs; i++)
		assert_string_not_equal(r->attrs[i].path, "secret_binary");
	r = row(p.d, "aws_db_instance.db");
	assert_int_equal(r->action, TFS_ACTION_UPDATE);
	assert_int_equal(r->nattrs, 1);
	assert_string_equal(r->attrs[0].path, "instance_class");

	md = markdown(p.d, TFS_PLATFORM_GITHUB, 0);
	/* the known values first, then those the apply computes */
	assert_non_null(strstr(md, "| −/+ replaced | aws\\_secretsmanager\\_secret"
	                           "\\_version.app | secret\\_string: (sensitive); "
	                           "arn: \"arn:1\" → (known after apply) |"));
	assert_non_null(strstr(md, "| ~ changed | aws\\_db\\_instance.db |"));
	assert_null(strstr(md, "CANARY"));
	js = json_of(p.d);
	assert_null(strstr(js, "CANARY"));
	free(js);
	free(md);
	plan_close(&p);
}

/* Every resource of the JSON has its action: the plan's, and between two
 * states what the difference amounts to. */
static void test_actions_in_json(void **s)
{
	static const struct {
		const char *address, *action;
	} WANT[] = {
		{"aws_sqs_queue.added", "create"},
		{"aws_sqs_queue.updated", "update"},
		{"aws_sqs_queue.gone", "delete"},
		{"aws_lb.replaced", "replace"},
		{"aws_sqs_queue.moved", "no-op"},
	};
	plan_diff p;
	json_t *root, *r;
	char *js;
	size_t i;
	(void)s;

	plan_open(&p, PLAN(
		PRIOR("aws_sqs_queue", "updated", "{'name':'u',"
		      "'visibility_timeout_seconds':30}") ","
		PRIOR("aws_sqs_queue", "gone", "{'name':'g'}") ","
		PRIOR("aws_lb", "replaced", "{'name':'lb','internal':false}") ","
		PRIOR("aws_sqs_queue", "old", "{'name':'m'}"),
		CHANGE("aws_sqs_queue", "added", "['create']",
		       ",'before':null,'after':{'name':'a'}") ","
		CHANGE("aws_sqs_queue", "updated", "['update']",
		       ",'before':{'name':'u','visibility_timeout_seconds':30},"
		       "'after':{'name':'u','visibility_timeout_seconds':60}") ","
		CHANGE("aws_sqs_queue", "gone", "['delete']",
		       ",'before':{'name':'g'},'after':null") ","
		CHANGE("aws_lb", "replaced", "['create','delete']",
		       ",'before':{'name':'lb','internal':false},"
		       "'after':{'name':'lb','internal':true}") ","
		"{'address':'aws_sqs_queue.moved','previous_address':"
		"'aws_sqs_queue.old','mode':'managed','type':'aws_sqs_queue',"
		"'name':'moved','change':{'actions':['no-op'],'before':"
		"{'name':'m'},'after':{'name':'m'}}}"));
	js = json_of(p.d);
	root = json_loads(js, 0, NULL);
	assert_non_null(root);
	assert_int_equal(json_array_size(json_object_get(root, "resources")),
	                 sizeof(WANT) / sizeof(*WANT));
	for (i = 0; i < sizeof(WANT) / sizeof(*WANT); i++) {
		r = json_row(root, WANT[i].address);
		assert_string_equal(json_string_value(json_object_get(r, "action")),
		                    WANT[i].action);
	}
	json_decref(root);
	free(js);
	plan_close(&p);

	/* two states: created, deleted, updated; a cost-only change is no-op */
	{
		side a = make_side(NAT("a") "," DBI("db", "false"));
		side b = make_side(DBI("db", "true") "," R("aws_sqs_queue", "q", "{}"));
		tfs_diff *d = diff_of(&a, &b);
		assert_int_equal(row(d, "aws_nat_gateway.a")->action,
		                 TFS_ACTION_DELETE);
		assert_int_equal(row(d, "aws_db_instance.db")->action,
		                 TFS_ACTION_UPDATE);
		assert_int_equal(row(d, "aws_sqs_queue.q")->action,
		                 TFS_ACTION_CREATE);
		tfs_diff_free(d);
		free_side(&a);
		free_side(&b);
	}
}

/* changedAttributes are the top-level names of the changes, from the same
 * walk: a value the plan turns from null to unknown is in both, and names
 * past the listed changes are still named. */
static void test_changed_keys_agree(void **s)
{
	plan_diff p;
	const tfs_diff_resource *r;
	tfs_buf before, after;
	size_t i, k;
	(void)s;

	tfs_buf_init(&before);
	tfs_buf_init(&after);
	for (i = 0; i < 70; i++) {
		tfs_buf_addf(&before, ",'k%02zu':%zu", i, i);
		tfs_buf_addf(&after, ",'k%02zu':%zu", i, i + 1);
	}
	{
		char *doc;
		tfs_buf plan;
		tfs_buf_init(&plan);
		tfs_buf_addf(&plan, PLAN(PRIOR("aws_sqs_queue", "q",
		                               "{'name':'q','wo':null}") ","
		                         PRIOR("aws_sqs_queue", "many", "{'name':'m'%s}"),
		                         CHANGE("aws_sqs_queue", "q", "['update']",
		                                ",'before':{'name':'q','wo':null},"
		                                "'after':{'name':'q'},"
		                                "'after_unknown':{'wo':true}") ","
		                         CHANGE("aws_sqs_queue", "many", "['update']",
		                                ",'before':{'name':'m'%s},"
		                                "'after':{'name':'m'%s}")),
		             before.data, before.data, after.data);
		doc = tfs_buf_detach(&plan, NULL);
		plan_open(&p, doc);
		free(doc);
	}
	r = row(p.d, "aws_sqs_queue.q");
	assert_int_equal(r->nattrs, 1);
	assert_string_equal(r->attrs[0].path, "wo");
	assert_string_equal(r->attrs[0].before, "null");
	assert_string_equal(r->attrs[0].after, TFS_DIFF_UNKNOWN);
	assert_int_equal(r->nchanged_keys, 1);
	assert_string_equal(r->changed_keys[0], "wo");
	r = row(p.d, "aws_sqs_queue.many");
	assert_int_equal(r->nattrs, TFS_DIFF_MAX_ATTRS);
	assert_int_equal(r->nattrs_more, 70 - TFS_DIFF_MAX_ATTRS);
	assert_int_equal(r->nchanged_keys, 70);
	for (k = 0; k < r->nchanged_keys; k++) {
		char want[24];
		snprintf(want, sizeof(want), "k%02zu", k);
		assert_string_equal(r->changed_keys[k], want);
		if (k < r->nattrs)
			assert_string_equal(r->attrs[k].path, want);
	}
	/* every listed change's top-level name is among them, in any row */
	for (i = 0; i < p.d->nresources; i++) {
		r = &p.d->resources[i];
		for (k = 0; k < r->nattrs; k++) {
			size_t n = strcspn(r->attrs[k].path, ".["), j;
			for (j = 0; j < r->nchanged_keys; j++)
				if (strlen(r->changed_keys[j]) == n &&
				    strncmp(r->changed_keys[j], r->attrs[k].path, n) == 0)
					break;
			assert_true(j < r->nchanged_keys);
		}
	}
	plan_close(&p);
	tfs_buf_release(&before);
	tfs_buf_release(&after);
}

#define FN(mem)                                                               \
	"{'function_name':'api','arn':'arn:aws:lambda:sa-east-1:1:function:api'," \
	"'memory_size':" mem ",'architectures':['x86_64']}"
#define PC "{'function_name':'api','qualifier':'live'," \
	   "'provisioned_concurrent_executions':2}"

/* A cost that moves because another resource its estimate reads changes
 * (a function's memory size prices its provisioned concurrency) says so,
 * rather than blaming usage figures or prices; the cost JSON still names
 * no parent a priced resource is "billed with". */
static void test_priced_from_parent(void **s)
{
	plan_diff p;
	const tfs_diff_resource *r;
	tfs_cost *items[1];
	tfs_cost_set set;
	tfs_buf b;
	(void)s;

	plan_open(&p, PLAN(
		PRIOR("aws_lambda_function", "api", FN("512")) ","
		PRIOR("aws_lambda_provisioned_concurrency_config", "pc", PC),
		CHANGE("aws_lambda_function", "api", "['update']",
		       ",'before':" FN("512") ",'after':" FN("1024")) ","
		CHANGE("aws_lambda_provisioned_concurrency_config", "pc", "['no-op']",
		       ",'before':" PC ",'after':" PC)));
	r = row(p.d, "aws_lambda_provisioned_concurrency_config.pc");
	assert_int_equal(r->action, TFS_ACTION_NOOP);
	assert_int_equal(r->nattrs, 0);
	assert_true(fabs(r->head_usd - 2 * r->base_usd) < 1e-6);
	assert_string_equal(r->reason, "priced from aws_lambda_function.api, "
	                               "which changes memory_size");
	items[0] = p.cost[1];
	memset(&set, 0, sizeof(set));
	set.items = items;
	set.count = 1;
	tfs_buf_init(&b);
	tfs_render_cost_json(&set, "0", &b);
	assert_null(strstr(b.data, "billedWith"));
	tfs_buf_release(&b);
	plan_close(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matching_and_totals),
		cmocka_unit_test(test_no_change),
		cmocka_unit_test(test_money_conventions),
		cmocka_unit_test(test_markdown_escaping),
		cmocka_unit_test(test_size_limits_in_characters),
		cmocka_unit_test(test_saved_estimate_baseline),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_not_priced_named),
		cmocka_unit_test(test_plan_document_against_unknown),
		cmocka_unit_test(test_plan_replacement_sensitive),
		cmocka_unit_test(test_actions_in_json),
		cmocka_unit_test(test_changed_keys_agree),
		cmocka_unit_test(test_priced_from_parent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
