/* test_diagram.c - the diagram's layout as data: the invariants on every
 * example and fixture, the AWS grid (AZ columns, public above private,
 * tiers), collapsing, costs and findings, hostile labels, determinism. */
#include "testutil.h"

#include <dirent.h>

#include "diagram/diagram_int.h"
#include "tfsight/cost.h"
#include "tfsight/diagram.h"
#include "tfsight/pricing.h"

typedef struct {
	tfs_state *st;
	tfs_inventory *inv;
	tfs_model *m;
} S_loaded;

static S_loaded load_example(const char *rel)
{
	S_loaded l;
	tfs_model_options opt;
	tfs_error err;
	size_t len;
	char *text = read_repo_file(rel, &len);
	static const char *const ACCOUNTS[] = {"125611408459", "dev",
	                                       "283165662494", "prod"};

	assert_non_null(text);
	tfs_error_init(&err);
	assert_int_equal(tfs_state_load_buffer(&l.st, rel, text, len, &err), 0);
	free(text);
	l.inv = tfs_inventory_build(l.st, TFS_DEFAULT_REGION);
	tfs_model_options_init(&opt);
	opt.account_envs = ACCOUNTS;
	opt.n_account_envs = 2;
	l.m = tfs_model_build(l.st, l.inv, &opt);
	return l;
}

static void unload(S_loaded *l)
{
	tfs_model_free(l->m);
	tfs_inventory_free(l->inv);
	tfs_state_free(l->st);
}

static const tfs_dbox *box_of(const tfs_dpage *p, tfs_kind k, size_t nth)
{
	for (size_t i = 0; i < p->nboxes; i++)
		if (p->boxes[i].kind == TFS_DBOX_NODE && p->boxes[i].rkind == k &&
		    nth-- == 0)
			return &p->boxes[i];
	return NULL;
}

static size_t count_boxes(const tfs_dpage *p, tfs_dbox_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nboxes; i++)
		n += p->boxes[i].kind == k;
	return n;
}

static tfs_dbox_kind parent_kind(const tfs_dpage *p, const tfs_dbox *b)
{
	assert_int_not_equal(b->parent, TFS_NONE);
	return p->boxes[b->parent].kind;
}

/* Lay out m plainly, with costs and with every resource failing a check,
 * and fail the test naming the input and the place when an invariant of
 * tfs_diagram_check() is broken on any page.  Returns the pages of the
 * plain layout. */
static size_t check_all_pages(const char *name, const tfs_model *m)
{
	tfs_cost *c = tfs_cost_estimate(m, tfs_pricing_bundled(), NULL);
	unsigned *failed = xcalloc(m->nnodes ? m->nnodes : 1, sizeof(*failed));
	size_t i, pages = 0;

	for (i = 0; i < m->nnodes; i++)
		failed[i] = 1 + (unsigned)(i % 3);
	for (int variant = 0; variant < 3; variant++) {
		tfs_diagram_options o;
		tfs_diagram *d;
		tfs_buf where;
		tfs_diagram_options_init(&o);
		o.cost = variant >= 1 ? c : NULL;
		o.failed = variant == 2 ? failed : NULL;
		d = tfs_diagram_layout(m, &o);
		tfs_buf_init(&where);
		if (tfs_diagram_check_where(d, &where))
			fail_msg("%s (variant %d): %s", name, variant, where.data);
		tfs_buf_release(&where);
		if (variant == 0)
			pages = d->npages;
		tfs_diagram_free(d);
	}
	free(failed);
	tfs_cost_free(c);
	return pages;
}

/* The entries of a directory, sorted (free each and the array); NULL when
 * it is absent. */
static struct dirent **list_dir(const char *dir, int *n)
{
	struct dirent **names;
	*n = scandir(dir, &names, NULL, alphasort);
	return *n < 0 ? NULL : names;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* A state file's text as a model, or false when the reader rejects it. */
static bool load_text(S_loaded *l, const char *name, const char *text,
                      size_t len)
{
	tfs_model_options opt;
	tfs_error err;

	tfs_error_init(&err);
	if (tfs_state_load_buffer(&l->st, name, text, len, &err) != 0)
		return false;
	l->inv = tfs_inventory_build(l->st, TFS_DEFAULT_REGION);
	tfs_model_options_init(&opt);
	l->m = tfs_model_build(l->st, l->inv, &opt);
	return true;
}

static void test_example_grid(void **s)
{
	S_loaded l = load_example("examples/webapp-prod.tfstate");
	tfs_diagram_options o;
	tfs_diagram *d;
	const tfs_dpage *p;
	const tfs_dbox *alb, *api, *db, *cdn, *r53, *s3, *vpc = NULL, *az[2];
	size_t i, naz = 0;
	(void)s;

	tfs_diagram_options_init(&o);
	d = tfs_diagram_layout(l.m, &o);
	assert_null(tfs_diagram_check(d));
	assert_int_equal(d->npages, 1);
	p = &d->pages[0];
	/* one VPC, two AZ columns side by side, a public and a private
	 * subnet in each, public above */
	assert_int_equal(count_boxes(p, TFS_DBOX_VPC), 1);
	assert_int_equal(count_boxes(p, TFS_DBOX_AZ), 2);
	assert_int_equal(count_boxes(p, TFS_DBOX_SUBNET_PUBLIC), 2);
	assert_int_equal(count_boxes(p, TFS_DBOX_SUBNET_PRIVATE), 2);
	for (i = 0; i < p->nboxes; i++) {
		if (p->boxes[i].kind == TFS_DBOX_VPC)
			vpc = &p->boxes[i];
		if (p->boxes[i].kind == TFS_DBOX_AZ)
			az[naz++] = &p->boxes[i];
	}
	assert_true(az[0]->r.x + az[0]->r.w < az[1]->r.x);
	assert_true(az[0]->r.y == az[1]->r.y);
	for (i = 0; i < p->nboxes; i++) {
		const tfs_dbox *b = &p->boxes[i];
		if (b->kind == TFS_DBOX_SUBNET_PUBLIC) {
			for (size_t j = 0; j < p->nboxes; j++)
				if (p->boxes[j].kind == TFS_DBOX_SUBNET_PRIVATE &&
				    p->boxes[j].parent == b->parent)
					assert_true(b->r.y + b->r.h < p->boxes[j].r.y);
		}
	}
	/* ALB in public subnets, ECS and RDS in private ones, data below
	 * compute; one copy per AZ */
	alb = box_of(p, TFS_KIND_LOAD_BALANCER, 0);
	api = box_of(p, TFS_KIND_ECS_SERVICE, 0);
	db = box_of(p, TFS_KIND_RDS_INSTANCE, 0);
	assert_non_null(box_of(p, TFS_KIND_LOAD_BALANCER, 1));
	assert_null(box_of(p, TFS_KIND_LOAD_BALANCER, 2));
	assert_int_equal(parent_kind(p, alb), TFS_DBOX_SUBNET_PUBLIC);
	assert_int_equal(parent_kind(p, api), TFS_DBOX_SUBNET_PRIVATE);
	assert_int_equal(parent_kind(p, db), TFS_DBOX_SUBNET_PRIVATE);
	assert_true(api->r.y + api->r.h < db->r.y);
	/* edge services above the region, regional services beside the VPC */
	cdn = box_of(p, TFS_KIND_CLOUDFRONT, 0);
	r53 = box_of(p, TFS_KIND_ROUTE53_ZONE, 0);
	s3 = box_of(p, TFS_KIND_S3_BUCKET, 0);
	assert_int_equal(parent_kind(p, cdn), TFS_DBOX_CLOUD);
	assert_int_equal(parent_kind(p, r53), TFS_DBOX_CLOUD);
	assert_true(cdn->r.y + cdn->r.h < vpc->r.y);
	assert_int_equal(parent_kind(p, s3), TFS_DBOX_REGION);
	assert_true(s3->r.x > vpc->r.x + vpc->r.w);
	/* labels: the Name tag, launch type and tasks, engine and class */
	assert_string_equal(alb->text[0].text, "webapp-prod-alb");
	assert_non_null(strstr(api->text[1].text, "Fargate"));
	/* the count once, on the copy that shows the cost */
	assert_non_null(strstr(api->text[1].text, "2 tasks over 2 AZs"));
	{
		size_t k, same = 0;
		const tfs_dbox *copy;
		for (k = 1; (copy = box_of(p, TFS_KIND_ECS_SERVICE, k)) != NULL; k++)
			if (strcmp(copy->text[0].text, api->text[0].text) == 0) {
				assert_non_null(strstr(copy->text[1].text, "same service"));
				same++;
			}
		assert_int_equal(same, 1);
	}
	assert_non_null(strstr(db->text[1].text, "postgres"));
	assert_non_null(strstr(db->text[1].text, "db.t4g.medium"));
	/* Multi-AZ: the primary in its availability_zone, the standby in the
	 * other AZ, labelled so */
	assert_string_equal(db->text[2].text, "Multi-AZ");
	assert_string_equal(box_of(p, TFS_KIND_RDS_INSTANCE, 1)->text[2].text,
	                    "standby");
	assert_null(box_of(p, TFS_KIND_RDS_INSTANCE, 2));
	/* edges: ALB -> service labelled with the port, service -> RDS */
	{
		bool port = false, net = false, users = false;
		for (i = 0; i < p->nedges; i++) {
			const tfs_dedge *e = &p->edges[i];
			if (&p->boxes[e->from] == alb && e->label &&
			    strcmp(e->label->text, "port 8000") == 0)
				port = true;
			if (p->boxes[e->to].rkind == TFS_KIND_RDS_INSTANCE && e->label &&
			    strcmp(e->label->text, "tcp/5432") == 0)
				net = true;
			users |= e->from_users;
		}
		assert_true(port);
		assert_true(net);
		assert_true(users);
	}
	tfs_diagram_free(d);
	unload(&l);
}

static void test_costs_and_findings(void **s)
{
	S_loaded l = load_example("examples/webapp-dev.tfstate");
	tfs_cost *c = tfs_cost_estimate(l.m, tfs_pricing_bundled(), NULL);
	unsigned *failed = xcalloc(l.m->nnodes, sizeof(*failed));
	tfs_diagram_options o;
	tfs_diagram *d;
	const tfs_dpage *p;
	size_t i, db = TFS_NONE, marked = 0;
	bool legend_total = false;
	(void)s;

	for (i = 0; i < l.m->nnodes; i++)
		if (l.m->nodes[i].kind == TFS_KIND_RDS_INSTANCE)
			db = i;
	assert_int_not_equal(db, TFS_NONE);
	failed[db] = 3;
	tfs_diagram_options_init(&o);
	o.cost = c;
	o.failed = failed;
	d = tfs_diagram_layout(l.m, &o);
	assert_null(tfs_diagram_check(d));
	p = &d->pages[0];
	for (i = 0; i < p->nboxes; i++) {
		const tfs_dbox *b = &p->boxes[i];
		if (b->kind == TFS_DBOX_NODE && b->failed) {
			assert_int_equal(b->failed, 3);
			assert_int_equal(b->node, db);
			marked++;
		}
		if (b->kind == TFS_DBOX_NODE && b->node == db) {
			assert_true(b->has_cost);
			assert_true(b->cost == c->resources[db].monthly_cost);
		}
		if (b->kind == TFS_DBOX_LEGEND)
			for (size_t k = 0; k < b->ntext; k++)
				legend_total |= strstr(b->text[k].text, "Monthly estimate") != NULL;
	}
	/* a Single-AZ database is drawn once */
	assert_int_equal(marked, 1);
	assert_true(legend_total);
	tfs_diagram_free(d);
	free(failed);
	tfs_cost_free(c);
	unload(&l);
}

static void test_deterministic_output(void **s)
{
	S_loaded l = load_example("examples/webapp-prod.tfstate");
	tfs_diagram_options o;
	tfs_buf a, b;
	(void)s;

	tfs_diagram_options_init(&o);
	tfs_buf_init(&a);
	tfs_buf_init(&b);
	for (int round = 0; round < 2; round++) {
		tfs_diagram *d = tfs_diagram_layout(l.m, &o);
		tfs_buf *out = round ? &b : &a;
		tfs_diagram_render_svg(d, 0, out);
		tfs_diagram_render_dot(d, out);
		tfs_diagram_free(d);
	}
	assert_true(a.len > 1000);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	assert_non_null(strstr(a.data, "<svg"));
	assert_non_null(strstr(a.data, "digraph"));
	tfs_buf_release(&a);
	tfs_buf_release(&b);
	unload(&l);
}

#define R(type, name, attrs)                                                  \
	"{'mode':'managed','type':'" type "','name':'" name "','instances':"   \
	"[{'attributes':" attrs "}]}"

static void test_hostile_labels(void **s)
{
	fixture f = build(
		R("aws_vpc", "v", "{'id':'vpc-1','tags':{'Name':'<script>alert(1)</script>'}}") ","
		R("aws_subnet", "a", "{'id':'subnet-a','vpc_id':'vpc-1',"
		  "'availability_zone':'sa-east-1a','tags':{'Name':'a \\\"quoted\\\" \\\\ back\\nslash'}}") ","
		R("aws_instance", "i", "{'id':'i-1','subnet_id':'subnet-a','instance_type':'t3.micro',"
		  "'tags':{'Name':'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'}}"));
	tfs_diagram_options o;
	tfs_diagram *d;
	tfs_buf dot;
	const tfs_dbox *inst;
	(void)s;

	tfs_diagram_options_init(&o);
	o.title = "title \"with\" \\ quotes\nand a line";
	d = tfs_diagram_layout(f.m, &o);
	assert_null(tfs_diagram_check(d));
	inst = box_of(&d->pages[0], TFS_KIND_EC2_INSTANCE, 0);
	assert_non_null(inst);
	/* elided to fit, ending in an ellipsis */
	assert_non_null(strstr(inst->text[0].text, "\xE2\x80\xA6"));
	assert_true(inst->text[0].width <= inst->text_area.w);
	tfs_buf_init(&dot);
	tfs_diagram_render_dot(d, &dot);
	/* quotes and backslashes escaped, no raw line break in a string */
	assert_non_null(strstr(dot.data, "\\\"quoted\\\""));
	assert_null(strstr(dot.data, "quoted\" "));
	assert_non_null(strstr(dot.data, "<script>"));
	tfs_buf_release(&dot);
	tfs_buf_init(&dot);
	tfs_diagram_render_svg(d, 0, &dot);
	/* cairo draws text as glyphs: no markup of the input in the SVG */
	assert_null(strstr(dot.data, "<script"));
	tfs_buf_release(&dot);
	tfs_diagram_free(d);
	release(&f);
}

static void test_sanitise(void **s)
{
	tfs_arena a = TFS_ARENA_INIT;
	tfs_dg_fonts *fonts = tfs_dg_fonts_open();
	tfs_dg_measure m;
	double w;
	const char *e;
	(void)s;

	assert_string_equal(tfs_dg_sanitise(&a, "ok \xC3\xA9"), "ok \xC3\xA9");
	assert_string_equal(tfs_dg_sanitise(&a, "bad \xFF\xC3"), "bad \xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(tfs_dg_sanitise(&a, "a\tb\x1b"), "a?b?");
	assert_string_equal(tfs_dg_sanitise(&a, "\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(tfs_dg_sanitise(&a, NULL), "");
	tfs_dg_measure_init(&m, fonts);
	e = tfs_dg_elide(&a, &m, "short", 10, false, 500, &w);
	assert_string_equal(e, "short");
	e = tfs_dg_elide(&a, &m, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 10, false, 30, &w);
	assert_true(w <= 30);
	assert_non_null(strstr(e, "\xE2\x80\xA6"));
	e = tfs_dg_elide(&a, &m, "abc", 10, false, 1, &w);
	assert_string_equal(e, "");
	tfs_dg_measure_release(&m);
	tfs_dg_fonts_close(fonts);
	tfs_arena_release(&a);
}

/* Many copies of one module stack, one VPC each: collapsed, bounded. */
static void test_repeated_modules_collapse(void **s)
{
	tfs_buf b;
	fixture f;
	tfs_diagram_options o;
	tfs_diagram *d;
	size_t i, k;
	(void)s;

	tfs_buf_init(&b);
	for (i = 0; i < 60; i++) {
		if (i)
			tfs_buf_adds(&b, ",");
		tfs_buf_addf(&b,
			"{'module':'module.app[%zu]','mode':'managed','type':'aws_vpc','name':'v',"
			"'instances':[{'attributes':{'id':'vpc-%zu','tags':{'Name':'app'}}}]},"
			"{'module':'module.app[%zu]','mode':'managed','type':'aws_subnet','name':'s',"
			"'instances':[{'index_key':0,'attributes':{'id':'subnet-%zua','vpc_id':'vpc-%zu',"
			"'availability_zone':'sa-east-1a'}},{'index_key':1,'attributes':"
			"{'id':'subnet-%zub','vpc_id':'vpc-%zu','availability_zone':'sa-east-1b'}}]},"
			"{'module':'module.app[%zu]','mode':'managed','type':'aws_instance','name':'web',"
			"'instances':[{'index_key':0,'attributes':{'id':'i-%zu','subnet_id':'subnet-%zua',"
			"'instance_type':'t3.small'}}]}",
			i, i, i, i, i, i, i, i, i, i);
	}
	f = build(b.data);
	tfs_buf_release(&b);
	tfs_diagram_options_init(&o);
	d = tfs_diagram_layout(f.m, &o);
	assert_null(tfs_diagram_check(d));
	/* one VPC key: a single page, one box for the 60 instances */
	assert_int_equal(d->npages, 1);
	k = 0;
	for (i = 0; i < d->pages[0].nboxes; i++) {
		const tfs_dbox *bx = &d->pages[0].boxes[i];
		if (bx->kind == TFS_DBOX_NODE && bx->rkind == TFS_KIND_EC2_INSTANCE) {
			assert_int_equal(bx->count, 60);
			assert_non_null(strstr(bx->text[0].text, "60\xC3\x97"));
			k++;
		}
		if (bx->kind == TFS_DBOX_VPC)
			assert_int_equal(bx->count, 60);
	}
	assert_int_equal(k, 1);
	assert_true(d->pages[0].nboxes < 30);
	tfs_diagram_free(d);
	release(&f);
}

static void test_pages_per_vpc_and_env_filter(void **s)
{
	fixture f = build(
		R("aws_vpc", "a", "{'id':'vpc-a','tags':{'Name':'one','Environment':'prod'}}") ","
		R("aws_vpc", "b", "{'id':'vpc-b','tags':{'Name':'two','Environment':'dev'}}") ","
		R("aws_subnet", "a", "{'id':'subnet-a','vpc_id':'vpc-a','availability_zone':"
		  "'sa-east-1a','tags':{'Environment':'prod'}}") ","
		R("aws_subnet", "b", "{'id':'subnet-b','vpc_id':'vpc-b','availability_zone':"
		  "'sa-east-1a','tags':{'Environment':'dev'}}") ","
		R("aws_instance", "a", "{'id':'i-a','subnet_id':'subnet-a','tags':{'Environment':'prod'}}") ","
		R("aws_instance", "b", "{'id':'i-b','subnet_id':'subnet-b','tags':{'Environment':'dev'}}") ","
		R("aws_s3_bucket", "logs", "{'id':'logs','bucket':'logs','tags':{'Environment':'dev'}}"));
	tfs_diagram_options o;
	tfs_diagram *d;
	(void)s;

	tfs_diagram_options_init(&o);
	d = tfs_diagram_layout(f.m, &o);
	assert_null(tfs_diagram_check(d));
	assert_int_equal(d->npages, 3);
	assert_string_equal(d->pages[0].name, "overview");
	assert_int_equal(count_boxes(&d->pages[0], TFS_DBOX_VPC), 2);
	assert_int_equal(count_boxes(&d->pages[1], TFS_DBOX_VPC), 1);
	assert_string_equal(d->pages[1].name, "one");
	tfs_diagram_free(d);
	o.environment = "prod";
	d = tfs_diagram_layout(f.m, &o);
	assert_null(tfs_diagram_check(d));
	assert_int_equal(d->npages, 1);
	assert_non_null(box_of(&d->pages[0], TFS_KIND_EC2_INSTANCE, 0));
	assert_null(box_of(&d->pages[0], TFS_KIND_EC2_INSTANCE, 1));
	assert_null(box_of(&d->pages[0], TFS_KIND_S3_BUCKET, 0));
	tfs_diagram_free(d);
	release(&f);
}

/* A card whose price the tables lack says so, never "$0.00/mo". */
static void test_price_missing_card(void **s)
{
	fixture f = build(
		R("aws_cognito_user_pool", "plus", "{'id':'sa-east-1_P','name':"
		  "'plus','user_pool_tier':'PLUS'}") ","
		R("aws_sqs_queue", "q", "{'name':'q','arn':"
		  "'arn:aws:sqs:sa-east-1:1:q'}"));
	tfs_cost *c = tfs_cost_estimate(f.m, tfs_pricing_bundled(), NULL);
	tfs_diagram_options o;
	tfs_diagram *d;
	const tfs_dbox *b;
	bool said = false, dollars = false;
	(void)s;

	tfs_diagram_options_init(&o);
	o.cost = c;
	d = tfs_diagram_layout(f.m, &o);
	b = box_of(&d->pages[0], TFS_KIND_COGNITO_USER_POOL, 0);
	assert_non_null(b);
	for (size_t k = 0; k < b->ntext; k++) {
		said |= strcmp(b->text[k].text, "price missing") == 0;
		dollars |= strstr(b->text[k].text, "$") != NULL;
	}
	assert_true(said);
	assert_false(dollars);
	/* a queue waiting for usage still shows its $0 with "+ usage" */
	b = box_of(&d->pages[0], TFS_KIND_SQS_QUEUE, 0);
	assert_non_null(b);
	said = false;
	for (size_t k = 0; k < b->ntext; k++)
		said |= strstr(b->text[k].text, "+ usage") != NULL;
	assert_true(said);
	tfs_diagram_free(d);
	tfs_cost_free(c);
	release(&f);
}

static void test_empty_state(void **s)
{
	fixture f = build("");
	tfs_diagram_options o;
	tfs_diagram *d;
	tfs_buf b;
	(void)s;

	tfs_diagram_options_init(&o);
	d = tfs_diagram_layout(f.m, &o);
	assert_null(tfs_diagram_check(d));
	assert_int_equal(d->npages, 1);
	tfs_buf_init(&b);
	tfs_diagram_render_png(d, 0, 1, &b);
	assert_memory_equal(b.data, "\x89PNG", 4);
	tfs_buf_truncate(&b, 0);
	tfs_diagram_render_pdf(d, &b);
	assert_memory_equal(b.data, "%PDF", 4);
	tfs_buf_release(&b);
	tfs_diagram_free(d);
	release(&f);
}

/* Every page of every state in dir the reader accepts; returns how many,
 * or -1 when dir is absent. */
static int S_check_fixture_dir(const char *dir)
{
	struct dirent **names;
	int n, i, seen = 0;

	names = list_dir(dir, &n);
	if (!names)
		return -1;
	for (i = 0; i < n; i++) {
		char path[8192];
		tfs_error err;
		tfs_state *st;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		tfs_error_init(&err);
		if (names[i]->d_name[0] == '.' || strstr(names[i]->d_name, ".md") ||
		    strcmp(names[i]->d_name, "licenses") == 0 ||
		    strcmp(names[i]->d_name, "FACTS") == 0 ||
		    tfs_state_load(&st, path, &err) != 0) {
			free(names[i]);
			continue;
		}
		{
			tfs_inventory *inv = tfs_inventory_build(st, TFS_DEFAULT_REGION);
			tfs_model_options opt;
			tfs_model *m;
			tfs_model_options_init(&opt);
			m = tfs_model_build(st, inv, &opt);
			check_all_pages(names[i]->d_name, m);
			tfs_model_free(m);
			tfs_inventory_free(inv);
			tfs_state_free(st);
			seen++;
		}
		free(names[i]);
	}
	free(names);
	return seen;
}

static void test_real_fixtures(void **s)
{
	const char *root = getenv("TFSIGHT_SRCDIR");
	char dir[4096];
	int shared, own;
	(void)s;

	/* our own corpus (the serverless states among it), then the shared
	 * one when it is there */
	snprintf(dir, sizeof(dir), "%s/tests/fixtures/real", root ? root : ".");
	own = S_check_fixture_dir(dir);
	assert_true(own > 10);
	snprintf(dir, sizeof(dir), "%s/../shared/fixtures/real", root ? root : ".");
	shared = S_check_fixture_dir(dir);
	if (shared < 0)
		print_message("../shared not found: its fixtures skipped\n");
	else
		assert_true(shared > 10);
}

/* Call fn on each file of the repository's directory dir_rel whose name
 * starts with prefix and ends with suffix, by its path from the top;
 * returns how many. */
static int S_each_repo_file(const char *dir_rel, const char *prefix,
                            const char *suffix, void (*fn)(const char *rel))
{
	const char *root = getenv("TFSIGHT_SRCDIR");
	char dir[4096];
	struct dirent **names;
	int n, i, seen = 0;

	snprintf(dir, sizeof(dir), "%s/%s", root ? root : ".", dir_rel);
	names = list_dir(dir, &n);
	assert_non_null(names);
	for (i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		if (strncmp(name, prefix, strlen(prefix)) == 0 &&
		    ends_with(name, suffix)) {
			char rel[512];
			snprintf(rel, sizeof(rel), "%s/%s", dir_rel, name);
			fn(rel);
			seen++;
		}
		free(names[i]);
	}
	free(names);
	return seen;
}

static void S_check_example(const char *rel)
{
	S_loaded l = load_example(rel);
	check_all_pages(rel, l.m);
	unload(&l);
}

/* Every page of every example, plain, with costs and with findings. */
static void test_examples_every_page(void **s)
{
	(void)s;
	assert_true(S_each_repo_file("examples", "", ".tfstate",
	                             S_check_example) >= 2);
}

static void S_check_regression(const char *rel)
{
	size_t len;
	char *text = read_repo_file(rel, &len);
	S_loaded l;

	assert_non_null(text);
	if (!load_text(&l, rel, text, len))
		fail_msg("%s: the state reader rejects it", rel);
	free(text);
	/* the crossing was on the overview: there must be one */
	if (strstr(rel, "edge-crosses-box"))
		assert_true(check_all_pages(rel, l.m) > 1);
	else
		check_all_pages(rel, l.m);
	unload(&l);
}

/* The fuzzer's reproducers: an edge to the external box on the overview
 * page was routed through an unrelated, empty VPC box (the router looked
 * up the grid step beside the one a horizontal move takes). */
static void test_fuzz_regressions(void **s)
{
	(void)s;
	assert_true(S_each_repo_file("fuzz/regressions", "pipeline-", ".json",
	                             S_check_regression) >= 2);
}

/* The same invariants on many smaller states: the examples and the
 * reproducer with resources left out (a fixed pseudo-random choice), so
 * that the router meets many more arrangements of boxes than the files
 * themselves give. */
static void test_subsets_every_page(void **s)
{
	static const char *const FILES[] = {
		"examples/webapp-prod.tfstate",
		"examples/webapp-dev.tfstate",
		"fuzz/regressions/pipeline-edge-crosses-box.orig.json",
	};
	uint32_t rnd = 12345;
	(void)s;

	for (size_t f = 0; f < sizeof(FILES) / sizeof(FILES[0]); f++) {
		size_t len;
		char *text = read_repo_file(FILES[f], &len);
		json_error_t jerr;
		json_t *doc;
		assert_non_null(text);
		doc = json_loadb(text, len, 0, &jerr);
		free(text);
		assert_non_null(doc);
		for (int variant = 0; variant < 24; variant++) {
			json_t *copy = json_deep_copy(doc);
			json_t *all = json_object_get(copy, "resources"), *kept = json_array();
			size_t i;
			char name[600], *out;
			S_loaded l;
			for (i = 0; i < json_array_size(all); i++) {
				rnd = rnd * 1103515245u + 12345u;
				if ((rnd >> 16) % 8 < 5)
					json_array_append(kept, json_array_get(all, i));
			}
			json_object_set_new(copy, "resources", kept);
			out = json_dumps(copy, JSON_COMPACT);
			snprintf(name, sizeof(name), "%s, subset %d", FILES[f], variant);
			if (!load_text(&l, name, out, strlen(out)))
				fail_msg("%s: the state reader rejects it", name);
			check_all_pages(name, l.m);
			unload(&l);
			free(out);
			json_decref(copy);
		}
		json_decref(doc);
	}
}

/* ---- the serverless lane ---------------------------------------------------- */

#define ACCT "111122223333"
#define FN_ARN(name) "arn:aws:lambda:sa-east-1:" ACCT ":function:" name
#define INVOKE(name) "arn:aws:apigateway:sa-east-1:lambda:path/2015-03-31/" \
	"functions/" FN_ARN(name) "/invocations"
#define QUEUE_ARN "arn:aws:sqs:sa-east-1:" ACCT ":orders-queue"
#define TABLE_ARN "arn:aws:dynamodb:sa-east-1:" ACCT ":table/orders"
/* a role whose inline policy lets its functions write the table and the
 * queue */
#define GRANT(what, arn)                                                      \
	"{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"" what "\\\","      \
	"\\\"Resource\\\":\\\"" arn "\\\"}"

/* The node box of kind k whose title is label, or NULL. */
static const tfs_dbox *box_named(const tfs_dpage *p, tfs_kind k,
                                 const char *label)
{
	for (size_t i = 0; i < p->nboxes; i++)
		if (p->boxes[i].kind == TFS_DBOX_NODE && p->boxes[i].rkind == k &&
		    p->boxes[i].ntext && strcmp(p->boxes[i].text[0].text, label) == 0)
			return &p->boxes[i];
	return NULL;
}

/* The edge from box a to box b, or NULL. */
static const tfs_dedge *edge_between(const tfs_dpage *p, const tfs_dbox *a,
                                     const tfs_dbox *b)
{
	for (size_t i = 0; i < p->nedges; i++)
		if (&p->boxes[p->edges[i].from] == a && &p->boxes[p->edges[i].to] == b)
			return &p->edges[i];
	return NULL;
}

static bool overlaps(const tfs_drect *a, const tfs_drect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h &&
	       b->y < a->y + a->h;
}

/* An API -> integration -> function chain, the function writing a table
 * and a queue that a second function consumes, beside a VPC whose own
 * function (vpc_config) stays in its subnet. */
static fixture S_serverless_chain(void)
{
	return build(
		R("aws_vpc", "v", "{'id':'vpc-1','tags':{'Name':'app'}}") ","
		R("aws_subnet", "a", "{'id':'subnet-a','vpc_id':'vpc-1',"
		  "'availability_zone':'sa-east-1a','cidr_block':'10.0.1.0/24'}") ","
		R("aws_apigatewayv2_api", "api", "{'id':'api-1','name':'orders-api',"
		  "'protocol_type':'HTTP','execution_arn':'arn:aws:execute-api:sa-east-1:"
		  ACCT ":api-1'}") ","
		R("aws_apigatewayv2_integration", "create", "{'id':'int-1','api_id':"
		  "'api-1','integration_type':'AWS_PROXY','integration_uri':'"
		  INVOKE("orders-create") "'}") ","
		R("aws_apigatewayv2_route", "create", "{'id':'r-1','api_id':'api-1',"
		  "'route_key':'POST /orders','target':'integrations/int-1'}") ","
		R("aws_iam_role", "fn", "{'id':'orders','name':'orders','arn':"
		  "'arn:aws:iam::" ACCT ":role/orders','inline_policy':[{'name':'p',"
		  "'policy':'{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":["
		  GRANT("dynamodb:PutItem", TABLE_ARN) ","
		  GRANT("sqs:SendMessage", QUEUE_ARN) "]}'}]}") ","
		R("aws_lambda_function", "create", "{'id':'orders-create',"
		  "'function_name':'orders-create','arn':'" FN_ARN("orders-create") "',"
		  "'invoke_arn':'" INVOKE("orders-create") "','role':"
		  "'arn:aws:iam::" ACCT ":role/orders'}") ","
		R("aws_lambda_function", "worker", "{'id':'orders-worker',"
		  "'function_name':'orders-worker','arn':'" FN_ARN("orders-worker") "',"
		  "'invoke_arn':'" INVOKE("orders-worker") "'}") ","
		R("aws_lambda_function", "inside", "{'id':'orders-sync',"
		  "'function_name':'orders-sync','arn':'" FN_ARN("orders-sync") "',"
		  "'vpc_config':[{'subnet_ids':['subnet-a'],'security_group_ids':[]}]}") ","
		R("aws_lambda_event_source_mapping", "worker", "{'id':'esm-1',"
		  "'event_source_arn':'" QUEUE_ARN "','function_arn':'"
		  FN_ARN("orders-worker") "'}") ","
		R("aws_sqs_queue", "q", "{'id':'https://sqs.sa-east-1.amazonaws.com/"
		  ACCT "/orders-queue','name':'orders-queue','arn':'" QUEUE_ARN "',"
		  "'url':'https://sqs.sa-east-1.amazonaws.com/" ACCT "/orders-queue'}") ","
		R("aws_dynamodb_table", "t", "{'id':'orders','name':'orders','arn':'"
		  TABLE_ARN "'}"));
}

static void test_serverless_lane(void **s)
{
	fixture f = S_serverless_chain();
	tfs_diagram_options o;
	tfs_diagram *d;
	const tfs_dpage *p;
	const tfs_dbox *api, *fn, *worker, *inside, *q, *t, *vpc = NULL;
	const tfs_dedge *e;
	bool users_to_api = false, legend = false;
	tfs_buf dot;
	size_t i;
	(void)s;

	check_all_pages("serverless chain", f.m);
	tfs_diagram_options_init(&o);
	d = tfs_diagram_layout(f.m, &o);
	assert_null(tfs_diagram_check(d));
	assert_int_equal(d->npages, 1);
	p = &d->pages[0];
	for (i = 0; i < p->nboxes; i++)
		if (p->boxes[i].kind == TFS_DBOX_VPC)
			vpc = &p->boxes[i];
	assert_non_null(vpc);
	api = box_named(p, TFS_KIND_API, "orders-api");
	fn = box_named(p, TFS_KIND_LAMBDA, "orders-create");
	worker = box_named(p, TFS_KIND_LAMBDA, "orders-worker");
	inside = box_named(p, TFS_KIND_LAMBDA, "orders-sync");
	q = box_named(p, TFS_KIND_SQS_QUEUE, "orders-queue");
	t = box_named(p, TFS_KIND_DYNAMODB_TABLE, "orders");
	assert_non_null(api);
	assert_non_null(fn);
	assert_non_null(worker);
	assert_non_null(inside);
	assert_non_null(q);
	assert_non_null(t);
	/* the lane: in the Region, outside the VPC, entry, compute, messaging
	 * and data left to right; the two functions in one column */
	{
		const tfs_dbox *lane[] = {api, fn, worker, q, t};
		for (i = 0; i < sizeof(lane) / sizeof(*lane); i++) {
			assert_int_equal(parent_kind(p, lane[i]), TFS_DBOX_REGION);
			assert_false(overlaps(&lane[i]->r, &vpc->r));
			assert_true(lane[i]->r.y > vpc->r.y + vpc->r.h);
		}
	}
	assert_true(api->r.x + api->r.w < fn->r.x);
	assert_true(fn->r.x + fn->r.w < q->r.x);
	assert_true(q->r.x + q->r.w < t->r.x);
	assert_true(fn->r.x == worker->r.x);
	/* a chain of single cards is a straight line */
	assert_true(api->r.y == fn->r.y);
	/* (c) the function with a vpc_config stays in its subnet */
	assert_int_equal(parent_kind(p, inside), TFS_DBOX_SUBNET_PRIVATE);
	/* traffic solid: API -> function, queue -> its consumer */
	e = edge_between(p, api, fn);
	assert_non_null(e);
	assert_int_equal(e->style, TFS_DEDGE_TRAFFIC);
	assert_int_equal(e->kind, TFS_EDGE_INTEGRATION);
	e = edge_between(p, q, worker);
	assert_non_null(e);
	assert_int_equal(e->style, TFS_DEDGE_TRAFFIC);
	assert_int_equal(e->kind, TFS_EDGE_EVENT_SOURCE);
	/* grants: never traffic */
	e = edge_between(p, fn, t);
	assert_non_null(e);
	assert_int_equal(e->kind, TFS_EDGE_MAY_ACCESS);
	assert_int_not_equal(e->style, TFS_DEDGE_TRAFFIC);
	e = edge_between(p, fn, q);
	assert_non_null(e);
	assert_int_equal(e->kind, TFS_EDGE_MAY_ACCESS);
	/* the internet reaches the API, which nothing else fronts */
	for (i = 0; i < p->nedges; i++)
		users_to_api |= p->edges[i].from_users && &p->boxes[p->edges[i].to] == api;
	assert_true(users_to_api);
	for (i = 0; i < p->nboxes; i++)
		if (p->boxes[i].kind == TFS_DBOX_LEGEND)
			for (size_t k = 0; k < p->boxes[i].ntext; k++)
				legend |= strstr(p->boxes[i].text[k].text, "may access") != NULL;
	assert_true(legend);
	tfs_buf_init(&dot);
	tfs_diagram_render_dot(d, &dot);
	assert_non_null(strstr(dot.data, "style=dotted"));
	tfs_buf_release(&dot);
	tfs_diagram_free(d);
	release(&f);
}

/* (b) Fifty functions of two services: two boxes, "svc-a-* (25
 * functions)", with the API's edges collapsed onto them; the page no
 * bigger than a handful of functions would make it. */
static void test_serverless_groups(void **s)
{
	tfs_buf b;
	fixture f;
	tfs_diagram_options o;
	tfs_diagram *d;
	const tfs_dpage *p;
	const tfs_dbox *api, *ga, *gb;
	size_t i, fns = 0, to_fns = 0;
	(void)s;

	tfs_buf_init(&b);
	tfs_buf_adds(&b, R("aws_apigatewayv2_api", "api", "{'id':'api-1',"
	                   "'name':'svc-api','protocol_type':'HTTP'}"));
	for (i = 0; i < 50; i++) {
		char name[16];
		snprintf(name, sizeof(name), "svc-%c-%zu", i < 25 ? 'a' : 'b',
		         i % 25 + 1);
		tfs_buf_addf(&b,
			",{'mode':'managed','type':'aws_lambda_function','name':'fn',"
			"'instances':[{'index_key':'%s','attributes':{'id':'%s',"
			"'function_name':'%s','arn':'arn:aws:lambda:sa-east-1:" ACCT
			":function:%s'}}]}"
			",{'mode':'managed','type':'aws_apigatewayv2_integration','name':"
			"'i%zu','instances':[{'attributes':{'id':'int-%zu','api_id':"
			"'api-1','integration_uri':'arn:aws:lambda:sa-east-1:" ACCT
			":function:%s'}}]}"
			",{'mode':'managed','type':'aws_apigatewayv2_route','name':'r%zu',"
			"'instances':[{'attributes':{'id':'r-%zu','api_id':'api-1',"
			"'target':'integrations/int-%zu'}}]}",
			name, name, name, name, i, i, name, i, i, i);
	}
	f = build(b.data);
	tfs_buf_release(&b);
	check_all_pages("fifty functions", f.m);
	tfs_diagram_options_init(&o);
	d = tfs_diagram_layout(f.m, &o);
	assert_null(tfs_diagram_check(d));
	p = &d->pages[0];
	api = box_of(p, TFS_KIND_API, 0);
	ga = box_named(p, TFS_KIND_LAMBDA, "svc-a-* (25 functions)");
	gb = box_named(p, TFS_KIND_LAMBDA, "svc-b-* (25 functions)");
	assert_non_null(api);
	assert_non_null(ga);
	assert_non_null(gb);
	assert_int_equal(ga->count, 25);
	assert_int_equal(gb->count, 25);
	for (i = 0; i < p->nboxes; i++)
		fns += p->boxes[i].kind == TFS_DBOX_NODE &&
		       p->boxes[i].rkind == TFS_KIND_LAMBDA;
	assert_int_equal(fns, 2);
	/* fifty integrations, two lines */
	for (i = 0; i < p->nedges; i++)
		to_fns += &p->boxes[p->edges[i].from] == api &&
		          p->boxes[p->edges[i].to].rkind == TFS_KIND_LAMBDA;
	assert_int_equal(to_fns, 2);
	assert_non_null(edge_between(p, api, ga));
	assert_non_null(edge_between(p, api, gb));
	assert_true(p->nboxes < 16);
	assert_true(p->width < 1600 && p->height < 1000);
	tfs_diagram_free(d);
	release(&f);
}

/* Names with nothing in common, past a column's cap: one box of the kind;
 * a few services' functions: a box per service, a lone one by its name. */
static void test_serverless_group_levels(void **s)
{
	static const char *const UNRELATED[] = {"alpha", "bravo", "charlie",
	                                        "delta", "echo", "foxtrot",
	                                        "golf", "hotel"};
	static const char *const SERVICES[] = {"orders-create", "orders-list",
	                                       "orders-get", "users-get",
	                                       "users-put", "users-delete",
	                                       "billing-run"};
	for (int round = 0; round < 2; round++) {
		const char *const *names = round ? SERVICES : UNRELATED;
		size_t n = round ? 7 : 8, i, fns = 0;
		tfs_buf b;
		fixture f;
		tfs_diagram_options o;
		tfs_diagram *d;
		const tfs_dpage *p;
		tfs_buf_init(&b);
		for (i = 0; i < n; i++)
			tfs_buf_addf(&b,
				"%s{'mode':'managed','type':'aws_lambda_function','name':'f%zu',"
				"'instances':[{'attributes':{'function_name':'%s','arn':"
				"'arn:aws:lambda:sa-east-1:" ACCT ":function:%s'}}]}",
				i ? "," : "", i, names[i], names[i]);
		f = build(b.data);
		tfs_buf_release(&b);
		tfs_diagram_options_init(&o);
		d = tfs_diagram_layout(f.m, &o);
		assert_null(tfs_diagram_check(d));
		p = &d->pages[0];
		for (i = 0; i < p->nboxes; i++)
			fns += p->boxes[i].kind == TFS_DBOX_NODE &&
			       p->boxes[i].rkind == TFS_KIND_LAMBDA;
		if (round == 0) {
			const tfs_dbox *all = box_named(p, TFS_KIND_LAMBDA, "Lambda");
			assert_int_equal(fns, 1);
			assert_non_null(all);
			assert_int_equal(all->count, 8);
			assert_string_equal(all->text[1].text, "8 functions");
		} else {
			assert_int_equal(fns, 3);
			assert_non_null(box_named(p, TFS_KIND_LAMBDA, "orders-* (3 functions)"));
			assert_non_null(box_named(p, TFS_KIND_LAMBDA, "users-* (3 functions)"));
			assert_non_null(box_named(p, TFS_KIND_LAMBDA, "billing-run"));
		}
		tfs_diagram_free(d);
		release(&f);
	}
	(void)s;
}

/* A real HTTP API in front of a function (localstack's sample): the lane
 * reads Users -> API -> function, left to right. */
static void test_serverless_real_fixture(void **s)
{
	S_loaded l = load_example(
		"tests/fixtures/real/localstacksamples__apigwv2_go_lambda.tfstate");
	tfs_diagram_options o;
	tfs_diagram *d;
	const tfs_dpage *p;
	const tfs_dbox *api, *fn;
	const tfs_dedge *e;
	bool users = false;
	(void)s;

	tfs_diagram_options_init(&o);
	d = tfs_diagram_layout(l.m, &o);
	assert_null(tfs_diagram_check(d));
	p = &d->pages[0];
	api = box_of(p, TFS_KIND_API, 0);
	fn = box_of(p, TFS_KIND_LAMBDA, 0);
	assert_non_null(api);
	assert_non_null(fn);
	assert_int_equal(parent_kind(p, api), TFS_DBOX_REGION);
	assert_int_equal(parent_kind(p, fn), TFS_DBOX_REGION);
	assert_true(api->r.x + api->r.w < fn->r.x);
	e = edge_between(p, api, fn);
	assert_non_null(e);
	assert_int_equal(e->style, TFS_DEDGE_TRAFFIC);
	for (size_t i = 0; i < p->nedges; i++)
		users |= p->edges[i].from_users && &p->boxes[p->edges[i].to] == api;
	assert_true(users);
	tfs_diagram_free(d);
	unload(&l);
}

/* The same serverless state, twice: the same SVG and DOT bytes. */
static void test_serverless_deterministic(void **s)
{
	fixture f = S_serverless_chain();
	tfs_diagram_options o;
	tfs_buf a, b;
	(void)s;

	tfs_diagram_options_init(&o);
	tfs_buf_init(&a);
	tfs_buf_init(&b);
	for (int round = 0; round < 2; round++) {
		tfs_diagram *d = tfs_diagram_layout(f.m, &o);
		tfs_buf *out = round ? &b : &a;
		tfs_diagram_render_svg(d, 0, out);
		tfs_diagram_render_dot(d, out);
		tfs_diagram_free(d);
	}
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	tfs_buf_release(&a);
	tfs_buf_release(&b);
	release(&f);
}

/* What the command prints when an invariant breaks: the page, the edge
 * and the box it crosses, by number and kind. */
static void test_check_where(void **s)
{
	tfs_dbox boxes[3];
	double pts[4] = {60, 20, 150, 20};
	tfs_dedge edge;
	tfs_dpage page;
	tfs_diagram d;
	tfs_buf where;
	size_t i;
	(void)s;

	memset(boxes, 0, sizeof(boxes));
	for (i = 0; i < 3; i++) {
		boxes[i].kind = TFS_DBOX_NODE;
		boxes[i].parent = TFS_NONE;
		boxes[i].node = TFS_NONE;
		boxes[i].rkind = i == 1 ? TFS_KIND_RDS_INSTANCE : TFS_KIND_EC2_INSTANCE;
		boxes[i].r = (tfs_drect){10 + 70 * (double)i, 10, 50, 20};
		boxes[i].text_area = boxes[i].r;
	}
	memset(&edge, 0, sizeof(edge));
	edge.from = 0;
	edge.to = 2;
	edge.pts = pts;
	edge.npts = 2;
	memset(&page, 0, sizeof(page));
	page.name = "diagram";
	page.width = 220;
	page.height = 50;
	page.boxes = boxes;
	page.nboxes = 3;
	page.edges = &edge;
	page.nedges = 1;
	memset(&d, 0, sizeof(d));
	d.pages = &page;
	d.npages = 1;
	tfs_buf_init(&where);
	assert_string_equal(tfs_diagram_check_where(&d, &where),
	                    "edge crosses an unrelated box");
	assert_string_equal(where.data,
	                    "page 1 of 1: edge crosses an unrelated box: edge 0 "
	                    "from box 0 (node ec2-instance) to box 2 (node "
	                    "ec2-instance) crosses box 1 (node rds-instance) "
	                    "(segment 0)");
	assert_string_equal(tfs_diagram_check(&d), "edge crosses an unrelated box");
	/* around the middle box instead: valid */
	{
		double around[8] = {60, 20, 70, 20, 70, 40, 150, 40};
		boxes[2].r.y = 30;
		edge.pts = around;
		edge.npts = 4;
		page.height = 60;
		tfs_buf_truncate(&where, 0);
		assert_null(tfs_diagram_check_where(&d, &where));
		assert_int_equal(where.len, 0);
	}
	tfs_buf_release(&where);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_grid),
		cmocka_unit_test(test_costs_and_findings),
		cmocka_unit_test(test_deterministic_output),
		cmocka_unit_test(test_hostile_labels),
		cmocka_unit_test(test_sanitise),
		cmocka_unit_test(test_repeated_modules_collapse),
		cmocka_unit_test(test_pages_per_vpc_and_env_filter),
		cmocka_unit_test(test_price_missing_card),
		cmocka_unit_test(test_empty_state),
		cmocka_unit_test(test_real_fixtures),
		cmocka_unit_test(test_examples_every_page),
		cmocka_unit_test(test_fuzz_regressions),
		cmocka_unit_test(test_subsets_every_page),
		cmocka_unit_test(test_check_where),
		cmocka_unit_test(test_serverless_lane),
		cmocka_unit_test(test_serverless_groups),
		cmocka_unit_test(test_serverless_group_levels),
		cmocka_unit_test(test_serverless_real_fixture),
		cmocka_unit_test(test_serverless_deterministic),
	};
	int rc = cmocka_run_group_tests_name("diagram", tests, NULL, NULL);
	tfs_diagram_release_caches();
	return rc;
}
