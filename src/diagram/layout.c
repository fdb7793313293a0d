/* layout.c - what the diagram shows and where: the model's resources
 * sorted into AWS groups, repeated ones collapsed, placed on a grid that
 * mirrors the architecture (AZs as columns, public above private subnets,
 * network › compute › data tiers; below the VPC, the serverless lane's
 * entry › compute › messaging › data columns), then the edges routed by
 * route.c. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diagram_int.h"
#include "layout.h"

/* ---- what each node becomes ---------------------------------------------- */

enum { S_HIDE, S_CARD, S_FOLD };

/* Collapse caps: distinct cards per tier of a subnet row, per regional
 * column and in the edge row; subnet rows per VPC; AZ columns. */
enum {
	S_MAX_SLOTS = 6,
	S_MAX_SIDE = 14,
	S_MAX_ROWS = 4,
	S_MAX_AZS = 6,
	S_MAX_TILES = 24,
	S_SAME_KIND = 3, /* this many cards of one kind in a side list: one */
};

static int S_class(tfs_kind k, tfs_placement p)
{
	switch (k) {
	case TFS_KIND_NAT_GATEWAY:
	case TFS_KIND_INTERNET_GATEWAY:
	case TFS_KIND_LOAD_BALANCER:
	case TFS_KIND_ECS_SERVICE:
	case TFS_KIND_RDS_INSTANCE:
	case TFS_KIND_RDS_CLUSTER:
	case TFS_KIND_S3_BUCKET:
	case TFS_KIND_CLOUDFRONT:
	case TFS_KIND_ROUTE53_ZONE:
	case TFS_KIND_ROUTE53_RECORD:
	case TFS_KIND_ACM_CERTIFICATE:
	case TFS_KIND_WAF_ACL:
	case TFS_KIND_LOG_GROUP:
	case TFS_KIND_ALARM:
	case TFS_KIND_DASHBOARD:
	case TFS_KIND_SNS_TOPIC:
	case TFS_KIND_SECRET:
	case TFS_KIND_KMS_KEY:
	case TFS_KIND_ECR_REPOSITORY:
	case TFS_KIND_LAMBDA:
	case TFS_KIND_ELASTICACHE:
	case TFS_KIND_EC2_INSTANCE:
	case TFS_KIND_VPC_ENDPOINT:
	case TFS_KIND_DYNAMODB_TABLE:
	case TFS_KIND_API:
	case TFS_KIND_API_DOMAIN:
	case TFS_KIND_SQS_QUEUE:
	case TFS_KIND_EVENT_RULE:
	case TFS_KIND_COGNITO_USER_POOL:
	case TFS_KIND_COGNITO_IDENTITY_POOL:
	case TFS_KIND_EXTERNAL:
		return S_CARD;
	case TFS_KIND_LISTENER:
	case TFS_KIND_LISTENER_RULE:
	case TFS_KIND_TARGET_GROUP:
	case TFS_KIND_API_ROUTE:
	case TFS_KIND_API_INTEGRATION:
	case TFS_KIND_API_AUTHORIZER:
	case TFS_KIND_API_STAGE:
		return S_FOLD;
	case TFS_KIND_GENERIC:
		return p == TFS_PLACE_SUBNETS ? S_CARD : S_HIDE;
	case TFS_KIND_VPC:
	case TFS_KIND_SUBNET:
	case TFS_KIND_ROUTE_TABLE:
	case TFS_KIND_ROUTE_TABLE_ASSOC:
	case TFS_KIND_ROUTE:
	case TFS_KIND_EIP:
	case TFS_KIND_SECURITY_GROUP:
	case TFS_KIND_SECURITY_GROUP_RULE:
	case TFS_KIND_ECS_CLUSTER:
	case TFS_KIND_ECS_TASK_DEFINITION:
	case TFS_KIND_RDS_CLUSTER_INSTANCE:
	case TFS_KIND_DB_SUBNET_GROUP:
	case TFS_KIND_S3_BUCKET_CONFIG:
	case TFS_KIND_WAF_ASSOCIATION:
	case TFS_KIND_AUTOSCALING_TARGET:
	case TFS_KIND_AUTOSCALING_POLICY:
	case TFS_KIND_IAM:
		return S_HIDE;
	}
	return S_HIDE;
}

/* Network › compute › data, top to bottom inside a subnet. */
static int S_tier(tfs_kind k)
{
	switch (k) {
	case TFS_KIND_NAT_GATEWAY:
	case TFS_KIND_INTERNET_GATEWAY:
	case TFS_KIND_LOAD_BALANCER:
	case TFS_KIND_VPC_ENDPOINT:
		return 0;
	case TFS_KIND_RDS_INSTANCE:
	case TFS_KIND_RDS_CLUSTER:
	case TFS_KIND_RDS_CLUSTER_INSTANCE:
	case TFS_KIND_ELASTICACHE:
	case TFS_KIND_DYNAMODB_TABLE:
		return 2;
	case TFS_KIND_VPC:
	case TFS_KIND_SUBNET:
	case TFS_KIND_ROUTE_TABLE:
	case TFS_KIND_ROUTE_TABLE_ASSOC:
	case TFS_KIND_ROUTE:
	case TFS_KIND_EIP:
	case TFS_KIND_SECURITY_GROUP:
	case TFS_KIND_SECURITY_GROUP_RULE:
	case TFS_KIND_LISTENER:
	case TFS_KIND_LISTENER_RULE:
	case TFS_KIND_TARGET_GROUP:
	case TFS_KIND_ECS_CLUSTER:
	case TFS_KIND_ECS_SERVICE:
	case TFS_KIND_ECS_TASK_DEFINITION:
	case TFS_KIND_DB_SUBNET_GROUP:
	case TFS_KIND_S3_BUCKET:
	case TFS_KIND_S3_BUCKET_CONFIG:
	case TFS_KIND_CLOUDFRONT:
	case TFS_KIND_ROUTE53_ZONE:
	case TFS_KIND_ROUTE53_RECORD:
	case TFS_KIND_ACM_CERTIFICATE:
	case TFS_KIND_WAF_ACL:
	case TFS_KIND_WAF_ASSOCIATION:
	case TFS_KIND_LOG_GROUP:
	case TFS_KIND_ALARM:
	case TFS_KIND_DASHBOARD:
	case TFS_KIND_SNS_TOPIC:
	case TFS_KIND_SECRET:
	case TFS_KIND_KMS_KEY:
	case TFS_KIND_ECR_REPOSITORY:
	case TFS_KIND_AUTOSCALING_TARGET:
	case TFS_KIND_AUTOSCALING_POLICY:
	case TFS_KIND_LAMBDA:
	case TFS_KIND_EC2_INSTANCE:
	case TFS_KIND_IAM:
	case TFS_KIND_API:
	case TFS_KIND_API_ROUTE:
	case TFS_KIND_API_INTEGRATION:
	case TFS_KIND_API_AUTHORIZER:
	case TFS_KIND_API_STAGE:
	case TFS_KIND_API_DOMAIN:
	case TFS_KIND_SQS_QUEUE:
	case TFS_KIND_EVENT_RULE:
	case TFS_KIND_COGNITO_USER_POOL:
	case TFS_KIND_COGNITO_IDENTITY_POOL:
	case TFS_KIND_GENERIC:
	case TFS_KIND_EXTERNAL:
		return 1;
	}
	return 1;
}

/* Edge-row order: how traffic arrives. */
static int S_edge_rank(tfs_kind k)
{
	return k == TFS_KIND_ROUTE53_ZONE || k == TFS_KIND_ROUTE53_RECORD ? 0
	       : k == TFS_KIND_CLOUDFRONT                               ? 1
	       : k == TFS_KIND_WAF_ACL                                  ? 2
	       : k == TFS_KIND_ACM_CERTIFICATE                          ? 3
	                                                                : 4;
}

/* Regional-column order: storage, images, secrets, monitoring. */
static int S_side_rank(tfs_kind k)
{
	return k == TFS_KIND_S3_BUCKET        ? 0
	       : k == TFS_KIND_ECR_REPOSITORY ? 1
	       : k == TFS_KIND_SECRET         ? 2
	       : k == TFS_KIND_KMS_KEY        ? 3
	       : k == TFS_KIND_DYNAMODB_TABLE ? 4
	       : k == TFS_KIND_LAMBDA         ? 5
	       : k == TFS_KIND_LOG_GROUP      ? 6
	       : k == TFS_KIND_ALARM          ? 7
	       : k == TFS_KIND_DASHBOARD      ? 8
	       : k == TFS_KIND_SNS_TOPIC      ? 9
	                                      : 10;
}

/* ---- the serverless lane ------------------------------------------------------
 *
 * Below the VPC, inside the Region, the serverless part is drawn in
 * columns in the order a request flows: entry (custom domains, APIs,
 * Cognito), compute (functions outside VPCs: those with a vpc_config sit
 * in their subnets), messaging (EventBridge rules, SNS, SQS), data
 * (DynamoDB, S3, Secrets Manager). */

enum {
	S_LANE_STAGES = 4,
	S_LANE_MAX = 6,     /* cards per column: past it, groups (S_side_cards) */
	S_PREFIX_DEPTH = 8, /* name segments a prefix group keeps, at most */
};

/* The stage of a kind (0 entry .. 3 data), or -1 when it has none. */
static int S_lane_stage(tfs_kind k)
{
	return k == TFS_KIND_API_DOMAIN || k == TFS_KIND_API ||
	               k == TFS_KIND_COGNITO_USER_POOL ||
	               k == TFS_KIND_COGNITO_IDENTITY_POOL
	               ? 0
	       : k == TFS_KIND_LAMBDA ? 1
	       : k == TFS_KIND_EVENT_RULE || k == TFS_KIND_SNS_TOPIC ||
	               k == TFS_KIND_SQS_QUEUE
	               ? 2
	       : k == TFS_KIND_DYNAMODB_TABLE || k == TFS_KIND_S3_BUCKET ||
	               k == TFS_KIND_SECRET
	               ? 3
	               : -1;
}

/* Kinds that are serverless whatever they join; the others of the lane
 * (SNS topics, tables, buckets, secrets) serve containers and alarms as
 * well, and join the lane only when an edge ties them to one of these. */
static bool S_lane_anchor(tfs_kind k)
{
	int s = S_lane_stage(k);
	return s == 0 || s == 1 || k == TFS_KIND_EVENT_RULE ||
	       k == TFS_KIND_SQS_QUEUE;
}

/* Order inside a column: the way traffic goes through it. */
static int S_lane_rank(tfs_kind k)
{
	return k == TFS_KIND_API_DOMAIN               ? 0
	       : k == TFS_KIND_API                    ? 1
	       : k == TFS_KIND_COGNITO_USER_POOL      ? 2
	       : k == TFS_KIND_COGNITO_IDENTITY_POOL  ? 3
	       : k == TFS_KIND_EVENT_RULE             ? 0
	       : k == TFS_KIND_SNS_TOPIC              ? 1
	       : k == TFS_KIND_SQS_QUEUE              ? 2
	       : k == TFS_KIND_DYNAMODB_TABLE         ? 0
	       : k == TFS_KIND_S3_BUCKET              ? 1
	       : k == TFS_KIND_SECRET                 ? 2
	                                              : 0;
}

static bool S_dependency(tfs_edge_kind k)
{
	switch (k) {
	case TFS_EDGE_SECRET:
	case TFS_EDGE_IMAGE:
	case TFS_EDGE_LOGS:
	case TFS_EDGE_WAF:
	case TFS_EDGE_ALARM:
	case TFS_EDGE_PART:
	case TFS_EDGE_API_INTEGRATION:
	case TFS_EDGE_AUTHORIZER:
	case TFS_EDGE_ON_FAILURE:
	case TFS_EDGE_MAY_ACCESS:
	case TFS_EDGE_IDENTITY_ROLE:
	case TFS_EDGE_CERTIFICATE:
		return true;
	case TFS_EDGE_INTEGRATION:
	case TFS_EDGE_API_MAPPING:
	case TFS_EDGE_EVENT_SOURCE:
	case TFS_EDGE_SUBSCRIPTION:
	case TFS_EDGE_EVENT_TARGET:
	case TFS_EDGE_BUCKET_NOTIFICATION:
	case TFS_EDGE_COGNITO_TRIGGER:
	case TFS_EDGE_DNS_ALIAS:
	case TFS_EDGE_CDN_ORIGIN:
	case TFS_EDGE_LB_LISTENER:
	case TFS_EDGE_LISTENER_TARGET:
	case TFS_EDGE_TARGET:
	case TFS_EDGE_NETWORK:
	case TFS_EDGE_NAT_EGRESS:
		return false;
	}
	return false;
}

/* ---- keys: what collapses with what --------------------------------------- */

/* The module path with instance keys and digit runs replaced by '*', so
 * module.stack_7.module.app["x"] and module.stack_8.module.app["y"] meet. */
static void S_norm_module(tfs_buf *b, const char *s)
{
	while (*s) {
		/* the run up to the next key or digit, in one piece */
		size_t run = strcspn(s, "[0123456789");
		if (run) {
			tfs_buf_add(b, s, run);
			s += run;
			continue;
		}
		if (*s == '[') {
			s++;
			while (*s && *s != ']') {
				if (*s == '"') {
					s++;
					while (*s && *s != '"') {
						if (*s == '\\' && s[1])
							s++;
						s++;
					}
					if (*s)
						s++;
				} else {
					s++;
				}
			}
			if (*s)
				s++;
			tfs_buf_adds(b, "[*]");
		} else if (*s >= '0' && *s <= '9') {
			while (*s >= '0' && *s <= '9')
				s++;
			tfs_buf_addc(b, '*');
		} else {
			tfs_buf_addc(b, *s++);
		}
	}
}

static void S_keys(layout_ctx *c, size_t n)
{
	const tfs_node *nd = &c->m->nodes[n];
	const tfs_instance *in = nd->item ? nd->item->inst : NULL;
	tfs_buf b;
	size_t base;

	if (nd->kind == TFS_KIND_ROUTE53_ZONE || nd->kind == TFS_KIND_ROUTE53_RECORD) {
		c->ckey[n] = c->bkey[n] = "route53";
		return;
	}
	if (nd->kind == TFS_KIND_ACM_CERTIFICATE) {
		c->ckey[n] = c->bkey[n] = "acm";
		return;
	}
	if (!in) {
		c->ckey[n] = c->bkey[n] = tfs_arena_strfmt(&c->tmp, "ext:%s",
		                                           nd->address);
		return;
	}
	tfs_buf_init(&b);
	S_norm_module(&b, in->module);
	if (*in->module)
		tfs_buf_addc(&b, '.');
	tfs_buf_adds(&b, in->type);
	tfs_buf_addc(&b, '.');
	tfs_buf_adds(&b, in->name);
	base = b.len;
	c->bkey[n] = tfs_arena_strndup(&c->tmp, b.data, b.len);
	if (in->key.kind == TFS_KEY_INT) {
		/* "[%lld]", without printf: this runs for every instance */
		char digits[24];
		size_t k = sizeof(digits);
		unsigned long long v = in->key.num < 0 ? 0 - (unsigned long long)in->key.num
		                                       : (unsigned long long)in->key.num;
		do
			digits[--k] = (char)('0' + v % 10);
		while ((v /= 10) != 0);
		if (in->key.num < 0)
			digits[--k] = '-';
		tfs_buf_addc(&b, '[');
		tfs_buf_add(&b, digits + k, sizeof(digits) - k);
		tfs_buf_addc(&b, ']');
	} else if (in->key.kind == TFS_KEY_STRING) {
		tfs_buf_adds(&b, "[\"");
		tfs_buf_adds(&b, in->key.str);
		tfs_buf_adds(&b, "\"]");
	}
	c->ckey[n] = b.len == base ? c->bkey[n]
	                           : tfs_arena_strndup(&c->tmp, b.data, b.len);
	tfs_buf_release(&b);
}

/* ---- context -------------------------------------------------------------- */

static void *S_zalloc(tfs_arena *a, size_t n, size_t size)
{
	size_t bytes = tfs_mul_size(n ? n : 1, size);
	void *p = tfs_arena_alloc(a, bytes);
	memset(p, 0, bytes);
	return p;
}

static bool S_visible(const layout_ctx *c, size_t n)
{
	const tfs_node *nd = &c->m->nodes[n];
	if (!c->o->environment)
		return true;
	return nd->environment && strcmp(nd->environment, c->o->environment) == 0;
}

static void S_ctx_init(layout_ctx *c, const tfs_model *m, const tfs_cost *cost,
                       const unsigned *failed, const tfs_diagram_options *o,
                       tfs_diagram *d, tfs_dg_measure *meas)
{
	size_t n, i;

	memset(c, 0, sizeof(*c));
	c->m = m;
	c->o = o;
	c->cost = cost;
	c->failed = failed;
	c->d = d;
	c->meas = meas;
	n = m->nnodes;
	c->cls = S_zalloc(&c->tmp, n, sizeof(*c->cls));
	c->fold = S_zalloc(&c->tmp, n, sizeof(*c->fold));
	c->ckey = S_zalloc(&c->tmp, n, sizeof(*c->ckey));
	c->bkey = S_zalloc(&c->tmp, n, sizeof(*c->bkey));
	c->ckid = S_zalloc(&c->tmp, n, sizeof(*c->ckid));
	c->bkid = S_zalloc(&c->tmp, n, sizeof(*c->bkid));
	c->visible = S_zalloc(&c->tmp, n, sizeof(*c->visible));
	c->head = S_zalloc(&c->tmp, n, sizeof(*c->head));
	c->linked = S_zalloc(&c->tmp, n, sizeof(*c->linked));
	for (i = 0; i < n; i++) {
		const tfs_node *nd = &m->nodes[i];
		c->visible[i] = S_visible(c, i);
		c->cls[i] = (unsigned char)S_class(nd->kind, nd->placement);
		c->fold[i] = i;
		c->head[i] = TFS_NONE;
		S_keys(c, i);
	}
	/* the keys as numbers: the same key, the same number */
	{
		tfs_map ids;
		size_t next = 0;
		tfs_map_init(&ids);
		for (i = 0; i < n; i++) {
			if (!tfs_map_get(&ids, c->bkey[i], &c->bkid[i])) {
				c->bkid[i] = next++;
				tfs_map_put(&ids, c->bkey[i], c->bkid[i]);
			}
			if (c->ckey[i] == c->bkey[i]) {
				c->ckid[i] = c->bkid[i]; /* no index: the same key */
			} else if (!tfs_map_get(&ids, c->ckey[i], &c->ckid[i])) {
				c->ckid[i] = next++;
				tfs_map_put(&ids, c->ckey[i], c->ckid[i]);
			}
		}
		tfs_map_release(&ids);
	}
	/* listeners fold into their load balancer, target groups into the
	 * load balancer of a listener that forwards to them */
	for (i = 0; i < m->nedges; i++)
		if (m->edges[i].kind == TFS_EDGE_LB_LISTENER)
			c->fold[m->edges[i].to] = m->edges[i].from;
	for (i = 0; i < m->nedges; i++)
		if (m->edges[i].kind == TFS_EDGE_LISTENER_TARGET &&
		    c->fold[m->edges[i].from] != m->edges[i].from)
			c->fold[m->edges[i].to] = c->fold[m->edges[i].from];
	/* an API's routes, stages and authorizers fold into it, and its
	 * integrations with their route, so an integration's edge reads
	 * API -> Lambda */
	for (i = 0; i < m->nedges; i++)
		if (m->edges[i].kind == TFS_EDGE_PART &&
		    c->cls[m->edges[i].to] == S_FOLD)
			c->fold[m->edges[i].to] = m->edges[i].from;
	for (i = 0; i < m->nedges; i++)
		if (m->edges[i].kind == TFS_EDGE_API_INTEGRATION &&
		    c->fold[m->edges[i].from] != m->edges[i].from)
			c->fold[m->edges[i].to] = c->fold[m->edges[i].from];
	for (i = 0; i < n; i++)
		if (c->cls[i] == S_FOLD && c->fold[i] == i)
			c->cls[i] = S_HIDE;
	/* external nodes are drawn when they join something drawn */
	for (i = 0; i < m->nedges; i++) {
		size_t a = c->fold[m->edges[i].from], b = c->fold[m->edges[i].to];
		if (c->cls[a] == S_CARD && c->cls[b] == S_CARD) {
			c->linked[a] = true;
			c->linked[b] = true;
		}
	}
	/* the serverless lane: regional cards of its kinds, the shared ones
	 * (topics, tables, buckets, secrets) when an edge other than an
	 * alarm's joins them to a function, an API, a pool, a rule or a
	 * queue (in a VPC or not) */
	c->lane = S_zalloc(&c->tmp, n, sizeof(*c->lane));
	for (i = 0; i < n; i++) {
		const tfs_node *nd = &m->nodes[i];
		if (c->cls[i] == S_CARD && c->fold[i] == i &&
		    nd->placement == TFS_PLACE_REGIONAL && S_lane_anchor(nd->kind))
			c->lane[i] = (unsigned char)(1 + S_lane_stage(nd->kind));
	}
	for (i = 0; i < m->nedges; i++) {
		size_t a = c->fold[m->edges[i].from], b = c->fold[m->edges[i].to];
		for (int end = 0; end < 2; end++) {
			size_t x = end ? b : a, y = end ? a : b;
			const tfs_node *nx = &m->nodes[x];
			if (m->edges[i].kind == TFS_EDGE_ALARM || c->lane[x] ||
			    c->cls[x] != S_CARD || nx->placement != TFS_PLACE_REGIONAL ||
			    S_lane_stage(nx->kind) < 0 || !c->visible[x] ||
			    !c->visible[y] || c->cls[y] != S_CARD ||
			    !S_lane_anchor(m->nodes[y].kind))
				continue;
			c->lane[x] = (unsigned char)(1 + S_lane_stage(nx->kind));
		}
	}
	for (i = 0; i < n; i++) {
		if (!c->visible[i])
			continue;
		if (i < m->nresources && c->cls[i] != S_CARD &&
		    m->nodes[i].kind != TFS_KIND_VPC &&
		    m->nodes[i].kind != TFS_KIND_SUBNET)
			c->not_drawn++;
		if (c->cost && i < c->cost->count)
			c->cost_total += c->cost->resources[i].monthly_cost;
	}
}

/* ---- pages ---------------------------------------------------------------- */

static size_t S_text_cap(tfs_dbox_kind k)
{
	return k == TFS_DBOX_LEGEND || k == TFS_DBOX_TITLE ? 16 : 6;
}

static size_t S_add_box(layout_page *p, tfs_dbox_kind kind, size_t parent,
                        double x, double y, double w, double h)
{
	tfs_dbox *b;

	tfs_grow(&p->boxes, &p->cap_boxes, p->nboxes + 1, sizeof(*p->boxes));
	b = &p->boxes[p->nboxes];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->parent = parent;
	b->r.x = x;
	b->r.y = y;
	b->r.w = w;
	b->r.h = h;
	b->node = TFS_NONE;
	b->text = S_zalloc(&p->c->d->arena, S_text_cap(kind), sizeof(*b->text));
	b->text_area = b->r;
	return p->nboxes++;
}

static void S_text(layout_page *p, size_t box, const char *s, double x,
                   double y, double size, bool bold, unsigned colour,
                   double max)
{
	tfs_dbox *b = &p->boxes[box];
	tfs_dtext *t;
	double w;

	if (b->ntext >= S_text_cap(b->kind) || max <= 0)
		return;
	t = &b->text[b->ntext];
	t->text = tfs_dg_elide(&p->c->d->arena, p->c->meas,
	                       tfs_dg_sanitise(&p->c->d->arena, s), size, bold,
	                       max, &w);
	if (!*t->text)
		return;
	t->x = x;
	t->y = y;
	t->size = size;
	t->width = w;
	t->bold = bold;
	t->colour = colour;
	b->ntext++;
}

/* A card: one entry per (page, what it stands for). */
static size_t S_card_new(layout_page *p, tfs_kind kind)
{
	layout_card *cd;

	tfs_grow(&p->cards, &p->cap_cards, p->ncards + 1, sizeof(*p->cards));
	cd = &p->cards[p->ncards];
	memset(cd, 0, sizeof(*cd));
	cd->first = TFS_NONE;
	cd->kind = kind;
	cd->box = TFS_NONE;
	return p->ncards++;
}

static void S_card_add(layout_page *p, size_t card, size_t n)
{
	const layout_ctx *c = p->c;
	layout_card *cd = &p->cards[card];
	const tfs_node *nd = &c->m->nodes[n];

	if (cd->first == TFS_NONE) {
		cd->first = n;
		cd->label = nd->label;
	} else if (cd->label && nd->label && strcmp(cd->label, nd->label) != 0) {
		cd->mixed = true;
	}
	if (nd->kind == TFS_KIND_ROUTE53_ZONE) {
		cd->zones++;
		if (cd->zones == 1)
			cd->zone_label = nd->label;
	}
	if (nd->kind != cd->kind && !(cd->kind == TFS_KIND_ROUTE53_ZONE &&
	                              nd->kind == TFS_KIND_ROUTE53_RECORD))
		cd->kinds_mixed = true;
	cd->count++;
	if (c->cost && n < c->cost->count) {
		cd->has_cost = true;
		cd->cost += c->cost->resources[n].monthly_cost;
		cd->pending |= c->cost->resources[n].pending_usage > 0;
		cd->no_price |= c->cost->resources[n].missing_prices > 0;
	}
	if (c->failed)
		cd->failed += c->failed[n];
	/* node -> card link, for the edges */
	tfs_grow(&p->links, &p->cap_links, p->nlinks + 1, sizeof(*p->links));
	p->links[p->nlinks].card = card;
	p->links[p->nlinks].next = c->head[n];
	p->links[p->nlinks].node = n;
	p->c->head[n] = p->nlinks++;
}

/* Cards of a list of nodes (edge row, regional column, a column of the
 * serverless lane), grouped by key, then:
 *  - beside the VPC and in the edge row, by kind where one kind has
 *    S_SAME_KIND distinct cards or more, or the list exceeds max;
 *  - in the lane, where functions come by the dozen and their edges are
 *    the point, only as far as max needs: a kind with many cards goes by
 *    name prefix first ("orders-*": the functions of one service, which a
 *    team names alike), then by kind (S_lane_groups). */
typedef enum {
	S_LIST_SIDE,
	S_LIST_EDGE,
	S_LIST_LANE,
} S_list;

typedef struct {
	size_t node;
	int rank;
	const char *key;
	const char *group; /* what it collapses by: its key, else (the lane) a
	                    * name prefix, or "" for its kind */
} S_entry;

static int S_entry_cmp(const void *pa, const void *pb)
{
	const S_entry *a = pa, *b = pb;
	int k;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->group != a->key || b->group != b->key) {
		if ((k = strcmp(a->group, b->group)) != 0)
			return k;
	}
	if ((k = strcmp(a->key, b->key)) != 0)
		return k;
	return a->node < b->node ? -1 : a->node > b->node;
}

static bool S_name_sep(char ch)
{
	return ch == '-' || ch == '_' || ch == '.' || ch == '/' || ch == ':' ||
	       ch == ' ';
}

/* The segments of a name: "svc-a-1" has three (a trailing separator
 * starts none). */
static size_t S_name_segments(const char *s)
{
	size_t n = 1;
	for (; *s; s++)
		n += S_name_sep(*s) && s[1];
	return n;
}

/* The first depth segments of s and "*" ("svc-a-*" for depth 2), or s
 * itself when it has no more segments than that. */
static const char *S_name_prefix(tfs_arena *a, const char *s, size_t depth)
{
	size_t i, seps = 0;
	for (i = 0; s[i]; i++)
		if (S_name_sep(s[i]) && s[i + 1] && ++seps == depth) {
			char *out = tfs_arena_alloc(a, i + 3);
			memcpy(out, s, i + 1);
			out[i + 1] = '*';
			out[i + 2] = '\0';
			return out;
		}
	return s;
}

/* Depth of grouping per kind in the lane: S_BY_KEY, a prefix depth
 * (1 ..  S_PREFIX_DEPTH segments), or S_BY_KIND. */
enum { S_BY_KIND = 0, S_BY_KEY = -1 };

/* Its name, for prefixes: the label of the first node of its key. */
static const char *S_entry_name(const layout_ctx *c, const S_entry *rep)
{
	const char *l = c->m->nodes[rep->node].label;
	return l ? l : "";
}

/* How many cards kind k makes at depth d; e sorted by key. */
static size_t S_lane_count(const layout_ctx *c, const S_entry *e, size_t ne,
                           tfs_kind k, int d, tfs_arena *a)
{
	tfs_map seen;
	size_t i, n = 0;
	const char *prev = NULL;

	tfs_map_init(&seen);
	for (i = 0; i < ne; i++) {
		const char *g;
		if (c->m->nodes[e[i].node].kind != k ||
		    (prev && strcmp(prev, e[i].key) == 0))
			continue;
		prev = e[i].key;
		g = d == S_BY_KEY   ? e[i].key
		    : d == S_BY_KIND ? ""
		                     : S_name_prefix(a, S_entry_name(c, &e[i]),
		                                     (size_t)d);
		n += tfs_map_add(&seen, g, 0);
	}
	tfs_map_release(&seen);
	return n;
}

/* Decide each kind's depth, so that the column has at most max cards
 * where it can: while it has more, the kind with the most cards (the
 * first of them in kind order) goes one level coarser.  Then name each
 * entry's group.  e is sorted by key. */
static void S_lane_groups(const layout_ctx *c, S_entry *e, size_t ne,
                          size_t max, tfs_arena *a, int depth[])
{
	size_t groups[TFS_KIND_EXTERNAL + 1] = {0};
	size_t segs[TFS_KIND_EXTERNAL + 1] = {0};
	size_t total = 0, i;
	const char *prev = NULL, *name = "";

	for (i = 0; i <= TFS_KIND_EXTERNAL; i++)
		depth[i] = S_BY_KEY;
	for (i = 0; i < ne; i++) {
		tfs_kind k = c->m->nodes[e[i].node].kind;
		size_t sg = S_name_segments(S_entry_name(c, &e[i]));
		if (!prev || strcmp(prev, e[i].key) != 0) {
			groups[k]++;
			total++;
		}
		prev = e[i].key;
		if (sg > segs[k])
			segs[k] = sg;
	}
	while (total > max) {
		size_t best = TFS_KIND_EXTERNAL + 1;
		for (i = 0; i <= TFS_KIND_EXTERNAL; i++)
			if (depth[i] != S_BY_KIND && groups[i] > 1 &&
			    (best > TFS_KIND_EXTERNAL || groups[i] > groups[best]))
				best = i;
		if (best > TFS_KIND_EXTERNAL)
			break;
		if (depth[best] == S_BY_KEY)
			depth[best] = segs[best] > S_PREFIX_DEPTH ? S_PREFIX_DEPTH
			                                         : (int)segs[best] - 1;
		else
			depth[best]--;
		if (depth[best] < 0)
			depth[best] = S_BY_KIND;
		total -= groups[best];
		groups[best] = S_lane_count(c, e, ne, (tfs_kind)best, depth[best], a);
		total += groups[best];
	}
	prev = NULL;
	for (i = 0; i < ne; i++) {
		int d = depth[c->m->nodes[e[i].node].kind];
		/* a key's nodes stay together: the prefix of its first name */
		if (!prev || strcmp(prev, e[i].key) != 0)
			name = S_entry_name(c, &e[i]);
		prev = e[i].key;
		e[i].group = d == S_BY_KEY    ? e[i].key
		             : d == S_BY_KIND ? ""
		                              : S_name_prefix(a, name, (size_t)d);
	}
}

static void S_side_cards(layout_page *p, const size_t *nodes, size_t n,
                         S_list list, size_t max, size_t **out,
                         size_t *nout)
{
	layout_ctx *c = p->c;
	S_entry *e = xcalloc(n ? n : 1, sizeof(*e));
	size_t ne = 0, i, j, distinct = 0;
	size_t kind_count[TFS_KIND_EXTERNAL + 1] = {0};
	bool by_kind[TFS_KIND_EXTERNAL + 1] = {0};
	int depth[TFS_KIND_EXTERNAL + 1];
	const char *prev = NULL;
	tfs_arena names = TFS_ARENA_INIT; /* the lane's prefixes */

	for (i = 0; i < n; i++) {
		size_t nd = nodes[i];
		tfs_kind k = c->m->nodes[nd].kind;
		if (!c->visible[nd] || c->cls[nd] != S_CARD)
			continue;
		if (k == TFS_KIND_EXTERNAL && !c->linked[nd])
			continue;
		if (p->only_linked && !p->relevant[nd])
			continue;
		e[ne].node = nd;
		e[ne].rank = list == S_LIST_EDGE   ? S_edge_rank(k)
		             : list == S_LIST_LANE ? S_lane_rank(k)
		                                   : S_side_rank(k);
		e[ne].key = e[ne].group = c->ckey[nd];
		ne++;
	}
	tfs_sort(e, ne, sizeof(*e), S_entry_cmp);
	if (list == S_LIST_LANE) {
		S_lane_groups(c, e, ne, max, &names, depth);
		for (i = 0; i <= TFS_KIND_EXTERNAL; i++)
			by_kind[i] = depth[i] == S_BY_KIND;
		tfs_sort(e, ne, sizeof(*e), S_entry_cmp);
	} else {
		/* distinct keys per kind */
		for (i = 0; i < ne; i++) {
			if (!prev || strcmp(prev, e[i].key) != 0) {
				kind_count[c->m->nodes[e[i].node].kind]++;
				distinct++;
			}
			prev = e[i].key;
		}
		for (i = 0; i <= TFS_KIND_EXTERNAL; i++) {
			by_kind[i] = kind_count[i] >= S_SAME_KIND || distinct > max;
			depth[i] = by_kind[i] ? S_BY_KIND : S_BY_KEY;
		}
	}
	/* Route 53 and ACM already collapse by their key */
	*out = xcalloc(ne ? ne : 1, sizeof(**out));
	*nout = 0;
	for (i = 0; i < ne; i = j) {
		tfs_kind k = c->m->nodes[e[i].node].kind;
		size_t card;
		for (j = i + 1; j < ne; j++) {
			tfs_kind kj = c->m->nodes[e[j].node].kind;
			/* beside the VPC a key is the unit (Route 53's zones and
			 * records share one); a prefix is a kind's */
			if (by_kind[k] ? kj != k
			               : (list == S_LIST_LANE && kj != k) ||
			                         strcmp(e[j].group, e[i].group) != 0)
				break;
		}
		card = S_card_new(p, k == TFS_KIND_ROUTE53_RECORD
		                          ? TFS_KIND_ROUTE53_ZONE
		                          : k);
		p->cards[card].by_kind = by_kind[k] && k != TFS_KIND_ROUTE53_ZONE &&
		                         k != TFS_KIND_ROUTE53_RECORD &&
		                         k != TFS_KIND_ACM_CERTIFICATE;
		if (depth[k] > 0)
			p->cards[card].prefix = tfs_arena_strdup(&c->tmp, e[i].group);
		for (size_t t = i; t < j; t++)
			S_card_add(p, card, e[t].node);
		(*out)[(*nout)++] = card;
	}
	tfs_arena_release(&names);
	free(e);
}

/* ---- card text ---------------------------------------------------------- */

static void S_money(tfs_buf *b, double v)
{
	long long cents;

	/* A hostile state's sizes (1e308 GB) make costs past what long long
	 * cents hold: converting those is undefined, so they are capped. */
	if (!(v < 1e15 && v > -1e15))
		v = v < 0 ? -1e15 : 1e15;
	cents = (long long)(v * 100 + (v >= 0 ? 0.5 : -0.5));
	long long whole = (cents < 0 ? -cents : cents) / 100;
	char digits[32];
	size_t len, i;

	if (cents < 0)
		tfs_buf_addc(b, '-');
	tfs_buf_addc(b, '$');
	snprintf(digits, sizeof(digits), "%lld", whole);
	len = strlen(digits);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			tfs_buf_addc(b, ',');
		tfs_buf_addc(b, digits[i]);
	}
	tfs_buf_addf(b, ".%02lld", (cents < 0 ? -cents : cents) % 100);
}

/* "FARGATE, 2 tasks over 2 AZs" -> "Fargate · 2 tasks over 2 AZs"; a
 * service drawn in several AZs says its count on the copy that shows its
 * cost, so no count reads as per AZ. */
static void S_ecs_lines(layout_ctx *c, const layout_card *cd,
                        const tfs_node *nd, tfs_buf *l2, tfs_buf *l3)
{
	const char *d = nd->detail, *x;
	long cpu, mem;

	if (d && (x = strstr(d, ", ")) != NULL) {
		size_t n = (size_t)(x - d);
		if (n == 7 && strncmp(d, "FARGATE", 7) == 0)
			tfs_buf_adds(l2, "Fargate");
		else if (n == 3 && strncmp(d, "EC2", 3) == 0)
			tfs_buf_adds(l2, "EC2");
		else
			tfs_buf_add(l2, d, n);
		tfs_buf_adds(l2, " \xC2\xB7 ");
		tfs_buf_adds(l2, cd->ncopies > 1 && cd->cost_elsewhere ? "same service"
		                                                       : x + 2);
	} else if (d) {
		tfs_buf_adds(l2, d);
	} else {
		tfs_buf_adds(l2, "ECS service");
	}
	if (nd->task_definition != TFS_NONE &&
	    (d = c->m->nodes[nd->task_definition].detail) != NULL &&
	    sscanf(d, "%ld CPU / %ld MiB", &cpu, &mem) == 2) {
		if (cpu % 1024 == 0)
			tfs_buf_addf(l3, "%ld vCPU", cpu / 1024);
		else
			tfs_buf_addf(l3, "%.2g vCPU", (double)cpu / 1024);
		if (mem % 1024 == 0)
			tfs_buf_addf(l3, " \xC2\xB7 %ld GB", mem / 1024);
		else
			tfs_buf_addf(l3, " \xC2\xB7 %ld MB", mem);
	}
}

static void S_card_text(layout_page *p, size_t box, const layout_card *cd)
{
	layout_ctx *c = p->c;
	const tfs_node *nd = &c->m->nodes[cd->first];
	tfs_dbox *b = &p->boxes[box];
	tfs_buf l1, l2, l3, l4;
	double tx = b->r.x + 10 + TFS_DG_ICON + 10, right = b->r.x + b->r.w - 8;
	double w1;

	tfs_buf_init(&l1);
	tfs_buf_init(&l2);
	tfs_buf_init(&l3);
	tfs_buf_init(&l4);
	if (cd->kind == TFS_KIND_VPC) {
		/* an overview tile's summary */
		tfs_buf_adds(&l1, cd->label ? cd->label : "VPC");
		tfs_buf_addf(&l2, "%zu subnet%s \xC2\xB7 %zu AZ%s", cd->subnets,
		             cd->subnets == 1 ? "" : "s", cd->azs,
		             cd->azs == 1 ? "" : "s");
		tfs_buf_addf(&l3, "%zu resource%s", cd->count,
		             cd->count == 1 ? "" : "s");
	} else if (cd->kind == TFS_KIND_ROUTE53_ZONE) {
		tfs_buf_adds(&l1, cd->zones == 1 && cd->zone_label ? cd->zone_label
		                                                   : "Route 53");
		if (cd->zones)
			tfs_buf_addf(&l2, "Route 53 \xC2\xB7 %zu hosted zone%s", cd->zones,
			             cd->zones == 1 ? "" : "s");
		else
			tfs_buf_adds(&l2, "Route 53 (zone not in this input)");
		tfs_buf_addf(&l3, "%zu record%s", cd->count - cd->zones,
		             cd->count - cd->zones == 1 ? "" : "s");
	} else if (cd->kind == TFS_KIND_ACM_CERTIFICATE && cd->count > 1) {
		tfs_buf_adds(&l1, "Certificate Manager");
		tfs_buf_addf(&l2, "%zu certificates", cd->count);
	} else if (cd->prefix && cd->mixed && cd->count > 1) {
		/* "orders-* (12 functions)"; the count on the second line when
		 * the prefix leaves it no room */
		tfs_buf_addf(&l1, "%s (%zu %s)", cd->prefix, cd->count,
		             tfs_dg_plural(cd->kind));
		if (tfs_dg_text_width(c->meas, tfs_dg_sanitise(&c->tmp, l1.data), 10,
		                      true) > right - tx - (cd->failed ? 22 : 0)) {
			tfs_buf_truncate(&l1, 0);
			tfs_buf_adds(&l1, cd->prefix);
			tfs_buf_addf(&l2, "%s \xC2\xB7 %zu %s",
			             tfs_dg_service_name(cd->kind), cd->count,
			             tfs_dg_plural(cd->kind));
		} else {
			tfs_buf_adds(&l2, tfs_dg_service_name(cd->kind));
		}
	} else if (cd->by_kind && cd->count > 1) {
		tfs_buf_adds(&l1, tfs_dg_service_name(cd->kind));
		tfs_buf_addf(&l2, "%zu %s", cd->count, tfs_dg_plural(cd->kind));
	} else {
		if (cd->count > 1)
			tfs_buf_addf(&l1, "%zu\xC3\x97 ", cd->count);
		tfs_buf_adds(&l1, cd->mixed ? c->bkey[cd->first] : nd->label);
		switch (nd->kind) {
		case TFS_KIND_ECS_SERVICE:
			S_ecs_lines(c, cd, nd, &l2, &l3);
			break;
		case TFS_KIND_RDS_INSTANCE:
		case TFS_KIND_RDS_CLUSTER: {
			const char *d = nd->detail, *sp = d ? strrchr(d, ' ') : NULL;
			if (sp) {
				const char *sp1 = memchr(d, ' ', (size_t)(sp - d));
				if (sp1) {
					tfs_buf_add(&l2, d, (size_t)(sp1 - d));
					tfs_buf_adds(&l2, " \xC2\xB7 ");
					tfs_buf_add(&l2, sp1 + 1, (size_t)(sp - sp1 - 1));
				} else {
					tfs_buf_add(&l2, d, (size_t)(sp - d));
				}
				tfs_buf_adds(&l3, sp + 1);
			} else {
				tfs_buf_adds(&l2, d ? d : tfs_dg_service_name(nd->kind));
			}
			if (cd->standby) {
				tfs_buf_truncate(&l3, 0);
				tfs_buf_adds(&l3, "standby");
			}
			break;
		}
		case TFS_KIND_LOAD_BALANCER: {
			const char *d = nd->detail ? nd->detail : "";
			tfs_buf_adds(&l2, strncmp(d, "application", 11) == 0 ? "ALB"
			                  : strncmp(d, "network", 7) == 0   ? "NLB"
			                  : strncmp(d, "gateway", 7) == 0   ? "GWLB"
			                                                    : "Load balancer");
			if (strstr(d, "internal"))
				tfs_buf_adds(&l2, " \xC2\xB7 internal");
			else if (strstr(d, "internet-facing"))
				tfs_buf_adds(&l2, " \xC2\xB7 internet-facing");
			break;
		}
		case TFS_KIND_VPC:
		case TFS_KIND_SUBNET:
		case TFS_KIND_ROUTE_TABLE:
		case TFS_KIND_ROUTE_TABLE_ASSOC:
		case TFS_KIND_ROUTE:
		case TFS_KIND_INTERNET_GATEWAY:
		case TFS_KIND_NAT_GATEWAY:
		case TFS_KIND_EIP:
		case TFS_KIND_SECURITY_GROUP:
		case TFS_KIND_SECURITY_GROUP_RULE:
		case TFS_KIND_LISTENER:
		case TFS_KIND_LISTENER_RULE:
		case TFS_KIND_TARGET_GROUP:
		case TFS_KIND_ECS_CLUSTER:
		case TFS_KIND_ECS_TASK_DEFINITION:
		case TFS_KIND_RDS_CLUSTER_INSTANCE:
		case TFS_KIND_DB_SUBNET_GROUP:
		case TFS_KIND_S3_BUCKET:
		case TFS_KIND_S3_BUCKET_CONFIG:
		case TFS_KIND_CLOUDFRONT:
		case TFS_KIND_ROUTE53_ZONE:
		case TFS_KIND_ROUTE53_RECORD:
		case TFS_KIND_ACM_CERTIFICATE:
		case TFS_KIND_WAF_ACL:
		case TFS_KIND_WAF_ASSOCIATION:
		case TFS_KIND_LOG_GROUP:
		case TFS_KIND_ALARM:
		case TFS_KIND_DASHBOARD:
		case TFS_KIND_SNS_TOPIC:
		case TFS_KIND_SECRET:
		case TFS_KIND_KMS_KEY:
		case TFS_KIND_ECR_REPOSITORY:
		case TFS_KIND_AUTOSCALING_TARGET:
		case TFS_KIND_AUTOSCALING_POLICY:
		case TFS_KIND_LAMBDA:
		case TFS_KIND_ELASTICACHE:
		case TFS_KIND_EC2_INSTANCE:
		case TFS_KIND_VPC_ENDPOINT:
		case TFS_KIND_DYNAMODB_TABLE:
		case TFS_KIND_IAM:
		case TFS_KIND_API:
		case TFS_KIND_API_ROUTE:
		case TFS_KIND_API_INTEGRATION:
		case TFS_KIND_API_AUTHORIZER:
		case TFS_KIND_API_STAGE:
		case TFS_KIND_API_DOMAIN:
		case TFS_KIND_SQS_QUEUE:
		case TFS_KIND_EVENT_RULE:
		case TFS_KIND_COGNITO_USER_POOL:
		case TFS_KIND_COGNITO_IDENTITY_POOL:
		case TFS_KIND_GENERIC:
		case TFS_KIND_EXTERNAL:
			tfs_buf_adds(&l2, nd->kind == TFS_KIND_GENERIC && nd->item
			                          ? nd->item->inst->type
			                          : tfs_dg_service_name(nd->kind));
			if (nd->detail && nd->kind != TFS_KIND_SUBNET)
				tfs_buf_addf(&l3, "%s", nd->detail);
			break;
		}
	}
	if (c->cost && cd->has_cost && !cd->cost_elsewhere) {
		/* a resource drawn in several AZs shows its cost once; a part
		 * without a price is said, never shown as $0 */
		if (cd->no_price && cd->cost == 0) {
			tfs_buf_adds(&l4, "price missing");
		} else {
			S_money(&l4, cd->cost);
			tfs_buf_adds(&l4, "/mo");
			if (cd->no_price)
				tfs_buf_adds(&l4, " + price missing");
			else if (cd->pending)
				tfs_buf_adds(&l4, " + usage");
		}
		if (cd->ncopies > 1)
			tfs_buf_addf(&l4, " (%zu AZs)", cd->ncopies);
	}
	b->text_area.x = tx;
	b->text_area.y = b->r.y + 4;
	b->text_area.w = right - tx;
	b->text_area.h = b->r.h - 8;
	/* a failed-checks badge takes the top-right corner */
	w1 = right - tx - (cd->failed ? 22 : 0);
	{
		double y = b->r.y + 17;
		double step = l3.len && l4.len ? 12.5 : 14;
		if (!(l3.len && l4.len) && !(l2.len && (l3.len || l4.len)))
			y += 8;
		else if (!(l3.len && l4.len))
			y += 4;
		S_text(p, box, l1.data, tx, y, 10, true, TFS_DG_INK, w1);
		if (l2.len)
			S_text(p, box, l2.data, tx, y += step, 9, false, TFS_DG_GREY,
			       right - tx);
		if (l3.len)
			S_text(p, box, l3.data, tx, y += step, 9, false, TFS_DG_GREY,
			       right - tx);
		if (l4.len)
			S_text(p, box, l4.data, tx, y += step, 9, true, TFS_DG_COST,
			       right - tx);
	}
	tfs_buf_release(&l1);
	tfs_buf_release(&l2);
	tfs_buf_release(&l3);
	tfs_buf_release(&l4);
}

static size_t S_place_card(layout_page *p, size_t card, size_t parent,
                           double x, double y)
{
	layout_card *cd = &p->cards[card];
	size_t box = S_add_box(p, TFS_DBOX_NODE, parent, x, y, TFS_DG_CARD_W,
	                       TFS_DG_CARD_H);
	tfs_dbox *b = &p->boxes[box];

	b->node = cd->first;
	b->count = cd->count;
	b->rkind = cd->kind;
	b->category = cd->kind == TFS_KIND_VPC ? TFS_CAT_NETWORKING
	                                       : tfs_kind_category(cd->kind);
	b->has_cost = cd->has_cost;
	b->cost = cd->cost;
	b->failed = cd->failed;
	cd->box = box;
	tfs_grow(&p->box_col, &p->cap_box_col, p->nboxes, sizeof(*p->box_col));
	p->box_col[box] = cd->col;
	S_card_text(p, box, cd);
	return box;
}

/* A group's header: icon square (or none) and its label. */
static void S_group_label(layout_page *p, size_t box, const char *label,
                          const char *extra, bool icon, bool centred,
                          unsigned colour)
{
	tfs_dbox *b = &p->boxes[box];
	double x = b->r.x + (icon ? 32 : 10), max = b->r.w - (icon ? 32 : 10) - 10;
	tfs_buf t;

	tfs_buf_init(&t);
	tfs_buf_adds(&t, label);
	if (extra && *extra)
		tfs_buf_addf(&t, "  \xC2\xB7  %s", extra);
	b->text_area.x = b->r.x + (icon ? 32 : 10);
	b->text_area.y = b->r.y + 2;
	b->text_area.w = max;
	b->text_area.h = 24;
	S_text(p, box, t.data, x, b->r.y + 17, 10.5, true, colour, max);
	if (centred && b->ntext) {
		tfs_dtext *tx = &b->text[b->ntext - 1];
		tx->x = b->r.x + (b->r.w - tx->width) / 2;
	}
	tfs_buf_release(&t);
}

/* ---- the VPC detail: AZ columns x subnet rows x tiers ---------------------- */

typedef struct {
	size_t node;
	size_t row, az;
	int tier;
	size_t rank; /* the n-th distinct resource of its kind in its AZ */
	bool standby; /* a Multi-AZ database's standby copy */
} S_member;

/* A small hash map from a pair of numbers to a number, for the slots of
 * a subnet row (keys interned as numbers: no strings to format). */
typedef struct {
	size_t *ka, *kb, *val;
	size_t cap, n;
} S_pmap;

static size_t S_pmap_at(const S_pmap *m, size_t a, size_t b)
{
	/* mixed well: the keys are small consecutive numbers, which linear
	 * probing would otherwise pile up in runs */
	uint64_t h = (uint64_t)a * 0x9E3779B97F4A7C15u + (uint64_t)b;
	size_t i;
	h ^= h >> 30;
	h *= 0xBF58476D1CE4E5B9u;
	h ^= h >> 27;
	h *= 0x94D049BB133111EBu;
	h ^= h >> 31;
	i = (size_t)h & (m->cap - 1);
	while (m->ka[i] != TFS_NONE && (m->ka[i] != a || m->kb[i] != b))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void S_pmap_init(S_pmap *m, size_t expect)
{
	size_t i;
	m->cap = 16;
	while (m->cap < expect * 2)
		m->cap *= 2;
	m->n = 0;
	m->ka = xmalloc(tfs_mul_size(m->cap, sizeof(*m->ka)));
	m->kb = xmalloc(tfs_mul_size(m->cap, sizeof(*m->kb)));
	m->val = xmalloc(tfs_mul_size(m->cap, sizeof(*m->val)));
	for (i = 0; i < m->cap; i++)
		m->ka[i] = TFS_NONE;
}

static void S_pmap_release(S_pmap *m)
{
	free(m->ka);
	free(m->kb);
	free(m->val);
}

/* The value of (a, b), or TFS_NONE.  a is never TFS_NONE. */
static size_t S_pmap_get(const S_pmap *m, size_t a, size_t b)
{
	size_t i = S_pmap_at(m, a, b);
	return m->ka[i] == TFS_NONE ? TFS_NONE : m->val[i];
}

/* Set (a, b) to v; the map holds at most the expected number of keys. */
static void S_pmap_put(S_pmap *m, size_t a, size_t b, size_t v)
{
	size_t i = S_pmap_at(m, a, b);
	if (m->ka[i] == TFS_NONE)
		m->n++;
	m->ka[i] = a;
	m->kb[i] = b;
	m->val[i] = v;
}

typedef struct {
	const char *key;
	tfs_tier tier;
} S_row;

typedef struct {
	size_t first;  /* first subnet node, TFS_NONE when empty */
	size_t count;
	const char *label, *cidr;
	bool mixed;
} S_cell;

typedef struct {
	size_t nvpcs;
	size_t first_vpc;
	const char **azs;
	size_t naz, cap_az;
	S_row *rows;
	size_t nrows, cap_rows;
	S_cell *cells; /* nrows x naz */
	S_member *mem;
	size_t nmem, cap_mem;
	size_t *vpc_cards; /* IGW, endpoints: cards */
	size_t nvpc_cards;
	/* per (row, tier): slots */
	size_t nslots[S_MAX_ROWS][3], cols[S_MAX_ROWS][3];
	double row_h[S_MAX_ROWS];
	double az_inner_w, w, h, az_h;
	size_t total_subnets;
} S_vpcview;

static size_t S_az_index(S_vpcview *v, const char *name)
{
	size_t i;
	for (i = 0; i < v->naz; i++)
		if (strcmp(v->azs[i], name) == 0)
			return i;
	tfs_grow(&v->azs, &v->cap_az, v->naz + 1, sizeof(*v->azs));
	v->azs[v->naz] = name;
	return v->naz++;
}

static int S_str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The subnet row a subnet group belongs to. */
static size_t S_row_index(S_vpcview *v, const char *key, tfs_tier tier)
{
	size_t i;
	for (i = 0; i < v->nrows; i++)
		if (v->rows[i].tier == tier && strcmp(v->rows[i].key, key) == 0)
			return i;
	tfs_grow(&v->rows, &v->cap_rows, v->nrows + 1, sizeof(*v->rows));
	v->rows[v->nrows].key = key;
	v->rows[v->nrows].tier = tier;
	return v->nrows++;
}

static int S_row_cmp(const void *pa, const void *pb)
{
	const S_row *a = pa, *b = pb;
	if (a->tier != b->tier)
		return (int)a->tier - (int)b->tier; /* public, private, unknown */
	return strcmp(a->key, b->key);
}

static int S_member_cmp(const void *pa, const void *pb)
{
	const S_member *a = pa, *b = pb;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->tier != b->tier)
		return a->tier < b->tier ? -1 : 1;
	return a->node < b->node ? -1 : a->node > b->node;
}

/* A Single-AZ database lives in one AZ, though its subnet group spans
 * several: it is drawn in the first. */
static bool S_single_az(const tfs_node *nd)
{
	size_t n;
	if (nd->kind != TFS_KIND_RDS_INSTANCE || !nd->detail || nd->nazs < 2)
		return false;
	n = strlen(nd->detail);
	return n >= 9 && strcmp(nd->detail + n - 9, "Single-AZ") == 0;
}

/* Build the view of the VPC groups vg[0..n) (one collapse key). */
/* What groups a member into a slot at a level: 0 the n-th resource of
 * its kind (nat[0] in one AZ and nat[1] in the next share it), 1 its
 * resource (web[0..399]), 2 its kind. */
static void S_slot_key(const layout_ctx *c, const S_member *mb, size_t level,
                       size_t *a, size_t *b)
{
	switch (level) {
	case 0:
		*a = c->bkid[mb->node];
		*b = mb->rank;
		return;
	case 1:
		*a = c->bkid[mb->node];
		*b = TFS_NONE;
		return;
	default:
		*a = TFS_NONE - 1;
		*b = (size_t)c->m->nodes[mb->node].kind;
		return;
	}
}

static void S_vpcview_build(layout_page *p, tfs_vpc_group *const *vg, size_t n,
                            S_vpcview *v)
{
	layout_ctx *c = p->c;
	size_t g, a, s, i, r, t;
	bool generic_rows = false;
	size_t *vpc_nodes = NULL, nvn = 0, cap_vn = 0;

	memset(v, 0, sizeof(*v));
	v->nvpcs = n;
	v->first_vpc = vg[0]->vpc;
	/* AZs, sorted */
	for (g = 0; g < n; g++)
		for (a = 0; a < vg[g]->nazs; a++)
			(void)S_az_index(v, vg[g]->azs[a].name);
	tfs_sort(v->azs, v->naz, sizeof(*v->azs), S_str_cmp);
	if (v->naz > S_MAX_AZS)
		v->naz = S_MAX_AZS; /* the rest are folded into the last */
	/* rows: by subnet key, public first; generic past the cap */
again:
	v->nrows = 0;
	for (g = 0; g < n; g++)
		for (a = 0; a < vg[g]->nazs; a++)
			for (s = 0; s < vg[g]->azs[a].nsubnets; s++) {
				const tfs_subnet_group *sg = &vg[g]->azs[a].subnets[s];
				(void)S_row_index(v, generic_rows ? "" : c->bkey[sg->subnet],
				                  sg->tier);
			}
	if (v->nrows > S_MAX_ROWS && !generic_rows) {
		generic_rows = true;
		goto again;
	}
	tfs_sort(v->rows, v->nrows, sizeof(*v->rows), S_row_cmp);
	v->cells = S_zalloc(&c->tmp, v->nrows * (v->naz ? v->naz : 1),
	                    sizeof(*v->cells));
	for (i = 0; i < v->nrows * v->naz; i++)
		v->cells[i].first = TFS_NONE;
	/* cells and members */
	for (g = 0; g < n; g++)
		for (a = 0; a < vg[g]->nazs; a++) {
			const tfs_az_group *az = &vg[g]->azs[a];
			size_t ai;
			for (ai = 0; ai < v->naz && strcmp(v->azs[ai], az->name) != 0; ai++)
				;
			if (ai == v->naz)
				ai = v->naz - 1;
			for (s = 0; s < az->nsubnets; s++) {
				const tfs_subnet_group *sg = &az->subnets[s];
				const tfs_node *sn = &c->m->nodes[sg->subnet];
				S_cell *cell;
				r = S_row_index(v, generic_rows ? "" : c->bkey[sg->subnet],
				                sg->tier);
				cell = &v->cells[r * v->naz + ai];
				if (cell->first == TFS_NONE) {
					cell->first = sg->subnet;
					cell->label = sn->label;
					cell->cidr = sn->kind == TFS_KIND_SUBNET ? sn->detail : NULL;
				} else if (strcmp(cell->label, sn->label) != 0) {
					cell->mixed = true;
				}
				cell->count++;
				v->total_subnets++;
				for (i = 0; i < sg->members.count + sg->standby.count; i++) {
					bool standby = i >= sg->members.count;
					size_t m = c->fold[standby ? sg->standby.items[i - sg->members.count]
					                           : sg->members.items[i]];
					if (!c->visible[m] || c->cls[m] != S_CARD)
						continue;
					if (S_single_az(&c->m->nodes[m]) &&
					    strcmp(az->name, c->m->nodes[m].azs[0]) != 0)
						continue;
					tfs_grow(&v->mem, &v->cap_mem, v->nmem + 1, sizeof(*v->mem));
					v->mem[v->nmem].node = m;
					v->mem[v->nmem].row = r;
					v->mem[v->nmem].az = ai;
					v->mem[v->nmem].tier = S_tier(c->m->nodes[m].kind);
					v->mem[v->nmem].standby = standby;
					v->nmem++;
				}
			}
		}
	tfs_sort(v->mem, v->nmem, sizeof(*v->mem), S_member_cmp);
	/* slots per (row, tier): distinct keys at the coarsest level needed */
	for (i = 0; i < v->nmem;) {
		size_t j, level, k, nslots = 0;
		S_pmap slots;
		r = v->mem[i].row;
		t = (size_t)v->mem[i].tier;
		for (j = i; j < v->nmem && v->mem[j].row == r &&
		            (size_t)v->mem[j].tier == t;
		     j++)
			;
		/* level 0: the n-th distinct resource of a kind in its AZ, so
		 * that nat[0] in one AZ and nat[1] in the next share a slot */
		{
			S_pmap ranks, counts;
			S_pmap_init(&ranks, j - i);
			S_pmap_init(&counts, j - i);
			for (k = i; k < j; k++) {
				size_t nd = v->mem[k].node, az = v->mem[k].az;
				size_t rank = S_pmap_get(&ranks, az, c->ckid[nd]);
				if (rank == TFS_NONE) {
					size_t count = S_pmap_get(&counts, az, c->bkid[nd]);
					rank = count == TFS_NONE ? 0 : count;
					S_pmap_put(&counts, az, c->bkid[nd], rank + 1);
					S_pmap_put(&ranks, az, c->ckid[nd], rank);
				}
				v->mem[k].rank = rank;
			}
			S_pmap_release(&ranks);
			S_pmap_release(&counts);
		}
		for (level = 0; level < 3; level++) {
			S_pmap_init(&slots, j - i);
			nslots = 0;
			for (k = i; k < j; k++) {
				size_t ka, kb;
				S_slot_key(c, &v->mem[k], level, &ka, &kb);
				if (S_pmap_get(&slots, ka, kb) == TFS_NONE)
					S_pmap_put(&slots, ka, kb, nslots++);
			}
			if (nslots <= S_MAX_SLOTS || level == 2)
				break;
			S_pmap_release(&slots);
		}
		/* one card per (az, slot) */
		{
			size_t *card_of = xcalloc(tfs_mul_size(nslots, v->naz),
			                          sizeof(*card_of));
			for (k = 0; k < nslots * v->naz; k++)
				card_of[k] = TFS_NONE;
			for (k = i; k < j; k++) {
				size_t nd = v->mem[k].node, slot, ci, ka, kb;
				bool seen = false;
				S_slot_key(c, &v->mem[k], level, &ka, &kb);
				slot = S_pmap_get(&slots, ka, kb);
				ci = slot * v->naz + v->mem[k].az;
				if (card_of[ci] == TFS_NONE) {
					card_of[ci] = S_card_new(p, c->m->nodes[nd].kind);
					p->cards[card_of[ci]].row = r;
					p->cards[card_of[ci]].tier = (int)t;
					p->cards[card_of[ci]].slot = slot;
					p->cards[card_of[ci]].col = v->mem[k].az;
					p->cards[card_of[ci]].by_kind = level == 2;
					p->cards[card_of[ci]].in_subnet = true;
					p->cards[card_of[ci]].standby = v->mem[k].standby;
				}
				/* a resource listed in several subnets of one cell
				 * counts once */
				for (size_t l = c->head[nd]; l != TFS_NONE; l = p->links[l].next)
					if (p->links[l].card == card_of[ci])
						seen = true;
				if (!seen)
					S_card_add(p, card_of[ci], nd);
			}
			free(card_of);
		}
		S_pmap_release(&slots);
		if (r < S_MAX_ROWS && t < 3) {
			v->nslots[r][t] = nslots;
			v->cols[r][t] = nslots < 3 ? nslots : 3;
		}
		i = j;
	}
	/* a card drawn in several AZs for the same resources shows the cost on
	 * its leftmost copy only */
	for (i = 0; i < p->ncards; i++) {
		layout_card *cd = &p->cards[i];
		if (!cd->in_subnet || cd->count != 1)
			continue;
		for (size_t l = c->head[cd->first]; l != TFS_NONE; l = p->links[l].next) {
			layout_card *o = &p->cards[p->links[l].card];
			if (o == cd || !o->in_subnet)
				continue;
			cd->ncopies++;
			/* the primary shows it, never a standby */
			if (!o->standby && (cd->standby || o->col < cd->col))
				cd->cost_elsewhere = true;
		}
		cd->ncopies++;
		if (cd->standby)
			cd->cost_elsewhere = true;
	}
	/* VPC-level cards: internet gateways, endpoints */
	for (g = 0; g < n; g++)
		for (i = 0; i < vg[g]->members.count; i++) {
			size_t m = vg[g]->members.items[i];
			if (c->visible[m] && c->cls[m] == S_CARD && c->fold[m] == m) {
				tfs_grow(&vpc_nodes, &cap_vn, nvn + 1, sizeof(*vpc_nodes));
				vpc_nodes[nvn++] = m;
			}
		}
	S_side_cards(p, vpc_nodes, nvn, S_LIST_SIDE, 4, &v->vpc_cards,
	             &v->nvpc_cards);
	free(vpc_nodes);
	/* sizes */
	{
		double cw = TFS_DG_CARD_W, ch = TFS_DG_CARD_H, gap = TFS_DG_GAP;
		double inner = cw;
		v->az_h = TFS_DG_TOP;
		for (r = 0; r < v->nrows && r < S_MAX_ROWS; r++) {
			double h = TFS_DG_SUBNET_TOP;
			bool any = false;
			for (t = 0; t < 3; t++) {
				size_t cols = v->cols[r][t], rows;
				if (!v->nslots[r][t])
					continue;
				rows = (v->nslots[r][t] + cols - 1) / cols;
				if (cols * cw + (cols - 1) * gap > inner)
					inner = cols * cw + (cols - 1) * gap;
				h += (any ? gap : 0) + rows * ch + (rows - 1) * gap;
				any = true;
			}
			if (!any)
				h = TFS_DG_HEADER + 12;
			h += gap;
			v->row_h[r] = h;
			v->az_h += h + gap;
		}
		v->az_inner_w = inner;
		/* AZ: gap | subnet (gap | inner | gap) | gap */
		v->w = TFS_DG_GAP + v->naz * (inner + 4 * gap) +
		       (v->naz ? v->naz - 1 : 0) * gap + TFS_DG_GAP;
		if (v->nvpc_cards * (cw + gap) + gap > v->w)
			v->w = v->nvpc_cards * (cw + gap) + gap;
		if (v->w < 2 * cw)
			v->w = 2 * cw;
		v->h = TFS_DG_TOP + (v->nvpc_cards ? ch + gap : 0) +
		       (v->naz ? v->az_h : 0) + TFS_DG_GAP - (v->naz ? TFS_DG_GAP : 0);
		if (v->naz)
			v->h += TFS_DG_GAP;
		if (v->h < TFS_DG_HEADER + 20)
			v->h = TFS_DG_HEADER + 20;
	}
}

static const char *S_vpc_title(layout_page *p, size_t vpc, size_t nvpcs,
                               tfs_buf *extra)
{
	const layout_ctx *c = p->c;
	const tfs_node *vn = vpc == TFS_NONE ? NULL : &c->m->nodes[vpc];
	tfs_buf t;
	const char *s;

	tfs_buf_init(&t);
	if (nvpcs > 1)
		tfs_buf_addf(&t, "%zu\xC3\x97 ", nvpcs);
	tfs_buf_addf(&t, "VPC %s", vn ? vn->label : "(unknown)");
	if (vn && vn->kind == TFS_KIND_VPC && vn->detail)
		tfs_buf_adds(extra, vn->detail);
	else if (vn && vn->kind == TFS_KIND_EXTERNAL)
		tfs_buf_adds(extra, "not in this input");
	s = tfs_arena_strdup(&p->c->tmp, t.data);
	tfs_buf_release(&t);
	return s;
}

static void S_vpcview_emit(layout_page *p, S_vpcview *v, size_t parent,
                           double x, double y)
{
	double cw = TFS_DG_CARD_W, ch = TFS_DG_CARD_H, gap = TFS_DG_GAP;
	double azw = v->az_inner_w + 4 * gap, cy;
	size_t vpc, i, a, r;
	tfs_buf extra;
	const char *title;

	tfs_buf_init(&extra);
	title = S_vpc_title(p, v->first_vpc, v->nvpcs, &extra);
	vpc = S_add_box(p, TFS_DBOX_VPC, parent, x, y, v->w, v->h);
	p->boxes[vpc].node = v->first_vpc;
	p->boxes[vpc].count = v->nvpcs;
	S_group_label(p, vpc, title, extra.data, true, false, TFS_DG_INK);
	tfs_buf_release(&extra);
	cy = y + TFS_DG_TOP;
	if (v->nvpc_cards) {
		/* internet gateway and endpoints, centred over the AZs */
		double rw = v->nvpc_cards * cw + (v->nvpc_cards - 1) * gap;
		double cx = x + (v->w - rw) / 2;
		for (i = 0; i < v->nvpc_cards; i++)
			S_place_card(p, v->vpc_cards[i], vpc, cx + i * (cw + gap), cy);
		cy += ch + gap;
	}
	for (a = 0; a < v->naz; a++) {
		double ax = x + gap + a * (azw + gap), ry;
		size_t az = S_add_box(p, TFS_DBOX_AZ, vpc, ax, cy, azw, v->az_h);
		tfs_buf name;
		tfs_buf_init(&name);
		tfs_buf_addf(&name, "Availability Zone %s", v->azs[a]);
		S_group_label(p, az, name.data, NULL, false, true, TFS_DG_INK);
		tfs_buf_release(&name);
		ry = cy + TFS_DG_TOP;
		for (r = 0; r < v->nrows && r < S_MAX_ROWS; r++) {
			const S_cell *cell = &v->cells[r * v->naz + a];
			double sx = ax + gap, sw = azw - 2 * gap, ty;
			size_t sb, t;
			tfs_buf label, cidr;
			if (cell->first == TFS_NONE) {
				ry += v->row_h[r] + gap;
				continue;
			}
			sb = S_add_box(p, v->rows[r].tier == TFS_TIER_PUBLIC
			                          ? TFS_DBOX_SUBNET_PUBLIC
			                  : v->rows[r].tier == TFS_TIER_PRIVATE
			                          ? TFS_DBOX_SUBNET_PRIVATE
			                          : TFS_DBOX_SUBNET_UNKNOWN,
			               az, sx, ry, sw, v->row_h[r]);
			p->boxes[sb].node = cell->first;
			p->boxes[sb].count = cell->count;
			tfs_buf_init(&label);
			tfs_buf_init(&cidr);
			tfs_buf_adds(&label, v->rows[r].tier == TFS_TIER_PUBLIC
			                             ? "Public subnet"
			                     : v->rows[r].tier == TFS_TIER_PRIVATE
			                             ? "Private subnet"
			                             : "Subnet not in this input");
			if (cell->count > 1)
				tfs_buf_addf(&cidr, "\xC3\x97%zu subnets", cell->count);
			else if (cell->cidr)
				tfs_buf_adds(&cidr, cell->cidr);
			S_group_label(p, sb, label.data, cidr.data, true, false,
			              v->rows[r].tier == TFS_TIER_PUBLIC    ? 0x248814
			              : v->rows[r].tier == TFS_TIER_PRIVATE ? 0x147EBA
			                                                    : TFS_DG_GREY);
			/* the subnet's name on a second line when it says more */
			if (cell->label && !cell->mixed) {
				tfs_dbox *b = &p->boxes[sb];
				b->text_area.h = 34;
				S_text(p, sb, cell->label, b->r.x + 32, b->r.y + 30, 8.5,
				       false, TFS_DG_GREY, b->r.w - 42);
			}
			tfs_buf_release(&label);
			tfs_buf_release(&cidr);
			ty = ry + TFS_DG_SUBNET_TOP;
			for (t = 0; t < 3; t++) {
				size_t ns = v->nslots[r][t], cols = v->cols[r][t], rows, k;
				double rowx;
				if (!ns)
					continue;
				rows = (ns + cols - 1) / cols;
				rowx = sx + (sw - (cols * cw + (cols - 1) * gap)) / 2;
				for (k = 0; k < p->ncards; k++) {
					layout_card *cd = &p->cards[k];
					if (!cd->in_subnet || cd->row != r || cd->tier != (int)t ||
					    cd->col != a || cd->box != TFS_NONE)
						continue;
					S_place_card(p, k, sb,
					             rowx + (double)(cd->slot % cols) * (cw + gap),
					             ty + (double)(cd->slot / cols) * (ch + gap));
				}
				ty += rows * ch + (rows - 1) * gap + gap;
			}
			ry += v->row_h[r] + gap;
		}
	}
}

/* ---- a page --------------------------------------------------------------- */

typedef struct {
	const char *name;
	S_vpcview *views; /* detail: one; overview: none */
	size_t nviews;
	tfs_vpc_group ***tiles; /* overview: VPC groups by key */
	size_t *ntile_groups;
	size_t ntiles;
	size_t *side;     /* regional cards */
	size_t nside;
	size_t *lane[S_LANE_STAGES]; /* the serverless lane's cards, by stage */
	size_t nlane[S_LANE_STAGES];
	double lw, lh;    /* the lane's area, below the VPC area */
	double vw, vh;    /* the VPC area */
	double left_w, left_h; /* both, one above the other */
	double side_w, side_h;
	size_t side_cols, side_rows;
	double w, h;
} S_region;

static void S_side_size(S_region *rg, double vh)
{
	double ch = TFS_DG_CARD_H, gap = TFS_DG_GAP;
	size_t per_col = (size_t)((vh + gap) / (ch + gap));

	if (per_col < 4)
		per_col = 4;
	if (!rg->nside) {
		rg->side_w = rg->side_h = 0;
		return;
	}
	rg->side_cols = (rg->nside + per_col - 1) / per_col;
	rg->side_rows = (rg->nside + rg->side_cols - 1) / rg->side_cols;
	rg->side_w = rg->side_cols * TFS_DG_CARD_W + (rg->side_cols - 1) * gap;
	rg->side_h = rg->side_rows * ch + (rg->side_rows - 1) * gap;
}

static size_t S_lane_cards(const S_region *rg)
{
	size_t n = 0;
	for (size_t s = 0; s < S_LANE_STAGES; s++)
		n += rg->nlane[s];
	return n;
}

/* The region's cards beside the VPC: the serverless lane's, stage by
 * stage, and the other regional services in their columns. */
static void S_region_cards(layout_page *p, const tfs_region_group *rg,
                           S_region *R)
{
	const layout_ctx *c = p->c;
	size_t *stage[S_LANE_STAGES], nstage[S_LANE_STAGES] = {0};
	size_t *rest = NULL, nrest = 0, i, s, nl = 0;

	for (i = 0; i < rg->regional.count; i++)
		nl += c->lane[rg->regional.items[i]] != 0;
	if (!nl) {
		/* no lane: the columns as they always were */
		S_side_cards(p, rg->regional.items, rg->regional.count, S_LIST_SIDE,
		             S_MAX_SIDE, &R->side, &R->nside);
		return;
	}
	for (s = 0; s < S_LANE_STAGES; s++)
		stage[s] = xcalloc(nl, sizeof(**stage));
	rest = xcalloc(rg->regional.count, sizeof(*rest));
	for (i = 0; i < rg->regional.count; i++) {
		size_t nd = rg->regional.items[i];
		if (c->lane[nd]) {
			s = (size_t)c->lane[nd] - 1;
			stage[s][nstage[s]++] = nd;
		} else {
			rest[nrest++] = nd;
		}
	}
	S_side_cards(p, rest, nrest, S_LIST_SIDE, S_MAX_SIDE, &R->side,
	             &R->nside);
	for (s = 0; s < S_LANE_STAGES; s++) {
		S_side_cards(p, stage[s], nstage[s], S_LIST_LANE, S_LANE_MAX,
		             &R->lane[s], &R->nlane[s]);
		free(stage[s]);
	}
	free(rest);
}

static void S_region_release(S_region *R)
{
	for (size_t i = 0; i < R->nviews; i++) {
		S_vpcview *v = &R->views[i];
		free(v->azs);
		free(v->rows);
		free(v->mem);
		free(v->vpc_cards);
	}
	free(R->views);
	free(R->side);
	for (size_t s = 0; s < S_LANE_STAGES; s++)
		free(R->lane[s]);
	free(R->tiles);
	free(R->ntile_groups);
}

/* The lane's columns: one per stage that has cards, entry to data left to
 * right, wide apart (two lanes for the edges between them), each from the
 * top, so that a chain of single cards is a straight line. */
static void S_lane_size(S_region *R)
{
	double ch = TFS_DG_CARD_H, gap = TFS_DG_GAP;
	size_t s, cols = 0, rows = 0;

	for (s = 0; s < S_LANE_STAGES; s++)
		if (R->nlane[s]) {
			cols++;
			if (R->nlane[s] > rows)
				rows = R->nlane[s];
		}
	R->lw = cols ? cols * TFS_DG_CARD_W + (cols - 1) * 2 * gap : 0;
	R->lh = rows ? rows * ch + (rows - 1) * gap : 0;
}

static void S_lane_emit(layout_page *p, const S_region *R, size_t parent,
                        double x, double y)
{
	double cw = TFS_DG_CARD_W, ch = TFS_DG_CARD_H, gap = TFS_DG_GAP;
	size_t s, i;

	for (s = 0; s < S_LANE_STAGES; s++) {
		if (!R->nlane[s])
			continue;
		for (i = 0; i < R->nlane[s]; i++)
			S_place_card(p, R->lane[s][i], parent, x,
			             y + (double)i * (ch + gap));
		x += cw + 2 * gap;
	}
}

/* Map edges to box pairs, dedupe, route. */
typedef struct {
	size_t from, to;
	tfs_dedge_style style;
	bool users;
	tfs_edge_kind kind;
	const char *label;
} S_pair;

static int S_pair_cmp(const void *pa, const void *pb)
{
	const S_pair *a = pa, *b = pb;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	if (a->style != b->style)
		return a->style < b->style ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return 0;
}

static void S_push_pair(S_pair **v, size_t *n, size_t *cap, size_t from,
                        size_t to, tfs_dedge_style style, bool users,
                        tfs_edge_kind kind, const char *label)
{
	if (from == to)
		return;
	tfs_grow(v, cap, *n + 1, sizeof(**v));
	(*v)[*n].from = from;
	(*v)[*n].to = to;
	(*v)[*n].style = style;
	(*v)[*n].users = users;
	(*v)[*n].kind = kind;
	(*v)[*n].label = label;
	(*n)++;
}

/* The boxes (copies) node n is drawn as, on this page. */
static size_t S_copies(layout_page *p, size_t n, size_t *out, size_t max)
{
	size_t k = 0, l;
	for (l = p->c->head[n]; l != TFS_NONE && k < max; l = p->links[l].next) {
		size_t box = p->cards[p->links[l].card].box, i;
		bool dup = false;
		if (box == TFS_NONE)
			continue;
		for (i = 0; i < k; i++)
			dup |= out[i] == box;
		if (!dup)
			out[k++] = box;
	}
	/* by column, left to right */
	for (size_t i = 1; i < k; i++)
		for (size_t j = i; j > 0 && p->boxes[out[j]].r.x < p->boxes[out[j - 1]].r.x; j--) {
			size_t t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return k;
}

static int S_span_cmp(const void *pa, const void *pb)
{
	const size_t *a = pa, *b = pb;
	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	return a[1] < b[1] ? -1 : a[1] > b[1];
}

/* A grant (may access) between two boxes that another edge already joins,
 * either way, says nothing more: the queue a function consumes has to be
 * readable by it.  Those are dropped; v keeps its order. */
static void S_drop_granted(S_pair *v, size_t *nv)
{
	size_t *joined = xcalloc(*nv ? *nv * 2 : 2, sizeof(*joined));
	size_t nj = 0, i, k = 0;

	for (i = 0; i < *nv; i++)
		if (v[i].kind != TFS_EDGE_MAY_ACCESS || v[i].users) {
			joined[nj * 2] = v[i].from < v[i].to ? v[i].from : v[i].to;
			joined[nj * 2 + 1] = v[i].from < v[i].to ? v[i].to : v[i].from;
			nj++;
		}
	tfs_sort(joined, nj, 2 * sizeof(*joined), S_span_cmp);
	for (i = 0; i < *nv; i++) {
		size_t key[2] = {v[i].from < v[i].to ? v[i].from : v[i].to,
		                 v[i].from < v[i].to ? v[i].to : v[i].from};
		if (v[i].kind == TFS_EDGE_MAY_ACCESS && !v[i].users &&
		    bsearch(key, joined, nj, 2 * sizeof(*joined), S_span_cmp))
			continue;
		v[k++] = v[i];
	}
	*nv = k;
	free(joined);
}

static void S_edges(layout_page *p, size_t users_box)
{
	layout_ctx *c = p->c;
	const tfs_model *m = c->m;
	S_pair *v = NULL;
	size_t nv = 0, cap = 0, i, j, k;
	enum { MAXC = 16 };
	size_t fb[MAXC], tb[MAXC];

	size_t last_f = TFS_NONE, last_t = TFS_NONE;
	tfs_edge_kind last_k = TFS_EDGE_ALARM;
	for (i = 0; i < m->nedges; i++) {
		const tfs_edge *e = &m->edges[i];
		size_t f = c->fold[e->from], t = c->fold[e->to], nf, nt, cf, ct;
		tfs_dedge_style st = S_dependency(e->kind) ? TFS_DEDGE_DEPENDENCY
		                                           : TFS_DEDGE_TRAFFIC;
		const char *label = e->label;
		/* alarms are counted on their card; a certificate is drawn in
		 * the edge row, and a line to it from every listener and domain
		 * would say little */
		if (e->kind == TFS_EDGE_ALARM || e->kind == TFS_EDGE_CERTIFICATE ||
		    f == t)
			continue;
		if (!c->visible[f] || !c->visible[t] || c->head[f] == TFS_NONE ||
		    c->head[t] == TFS_NONE)
			continue;
		/* collapsed cards: runs of model edges between the same two cards
		 * (the edges are sorted by source) give the same lines */
		cf = p->links[c->head[f]].card;
		ct = p->links[c->head[t]].card;
		if (cf == last_f && ct == last_t && e->kind == last_k)
			continue;
		last_f = cf;
		last_t = ct;
		last_k = e->kind;
		nf = S_copies(p, f, fb, MAXC);
		nt = S_copies(p, t, tb, MAXC);
		if (!nf || !nt)
			continue;
		if (e->kind == TFS_EDGE_TARGET && label)
			label = tfs_arena_strfmt(&c->tmp, "port %s", label);
		if (st == TFS_DEDGE_DEPENDENCY) {
			/* one line, from the copy nearest the target */
			size_t from = fb[nf - 1];
			if (p->boxes[tb[0]].r.x < p->boxes[fb[0]].r.x)
				from = fb[0];
			S_push_pair(&v, &nv, &cap, from, tb[0], st, false, e->kind, NULL);
			continue;
		}
		for (j = 0; j < nf; j++) {
			if (nf > 1 && nt > 1) {
				size_t to = tb[0];
				for (k = 0; k < nt; k++)
					if (p->box_col[tb[k]] == p->box_col[fb[j]])
						to = tb[k];
				S_push_pair(&v, &nv, &cap, fb[j], to, st, false, e->kind, label);
			} else {
				for (k = 0; k < nt; k++)
					S_push_pair(&v, &nv, &cap, fb[j], tb[k], st, false, e->kind,
					            label);
			}
		}
	}
	/* users: to DNS, else the CDN, else internet-facing load balancers,
	 * else the internet gateways */
	if (users_box != TFS_NONE) {
		static const tfs_kind ENTRY[] = {TFS_KIND_ROUTE53_ZONE,
		                                 TFS_KIND_CLOUDFRONT,
		                                 TFS_KIND_LOAD_BALANCER,
		                                 TFS_KIND_INTERNET_GATEWAY};
		for (k = 0; k < sizeof(ENTRY) / sizeof(ENTRY[0]); k++) {
			size_t found = 0;
			for (i = 0; i < p->nboxes; i++) {
				const tfs_dbox *b = &p->boxes[i];
				if (b->kind != TFS_DBOX_NODE || b->rkind != ENTRY[k])
					continue;
				if (ENTRY[k] == TFS_KIND_LOAD_BALANCER &&
				    (!m->nodes[b->node].detail ||
				     !strstr(m->nodes[b->node].detail, "internet-facing")))
					continue;
				S_push_pair(&v, &nv, &cap, users_box, i, TFS_DEDGE_TRAFFIC, true,
				            TFS_EDGE_DNS_ALIAS, NULL);
				found++;
			}
			if (found)
				break;
		}
		/* and every API, or custom domain, of the serverless lane that
		 * nothing drawn sends traffic to: its endpoint is public */
		for (i = 0; i < p->nboxes; i++) {
			const tfs_dbox *b = &p->boxes[i];
			bool entered = false;
			if (b->kind != TFS_DBOX_NODE || b->node == TFS_NONE ||
			    !c->lane[b->node] ||
			    (b->rkind != TFS_KIND_API && b->rkind != TFS_KIND_API_DOMAIN))
				continue;
			for (k = 0; k < nv && !entered; k++)
				entered = v[k].to == i && v[k].style == TFS_DEDGE_TRAFFIC;
			if (!entered)
				S_push_pair(&v, &nv, &cap, users_box, i, TFS_DEDGE_TRAFFIC,
				            true, TFS_EDGE_DNS_ALIAS, NULL);
		}
	}
	tfs_sort(v, nv, sizeof(*v), S_pair_cmp);
	S_drop_granted(v, &nv);
	p->edges = xcalloc(nv ? nv : 1, sizeof(*p->edges));
	p->nedges = 0;
	for (i = 0; i < nv; i++) {
		tfs_dedge *e;
		if (i > 0 && v[i].from == v[i - 1].from && v[i].to == v[i - 1].to &&
		    v[i].style == v[i - 1].style)
			continue;
		e = &p->edges[p->nedges++];
		memset(e, 0, sizeof(*e));
		e->from = v[i].from;
		e->to = v[i].to;
		e->style = v[i].style;
		e->from_users = v[i].users;
		e->kind = v[i].kind;
		if (v[i].label) {
			e->label = S_zalloc(&c->d->arena, 1, sizeof(*e->label));
			e->label->text = tfs_dg_sanitise(&c->d->arena, v[i].label);
			e->label->size = 8.5;
			e->label->colour = TFS_DG_GREY;
			e->label->width = tfs_dg_text_width(c->meas, e->label->text, 8.5,
			                                    false);
		}
	}
	free(v);
}

static const char *S_slug(tfs_arena *a, const char *s)
{
	tfs_buf b;
	const char *out;
	tfs_buf_init(&b);
	for (; *s && b.len < 48; s++) {
		char ch = *s;
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
		    ch == '_' || ch == '.')
			tfs_buf_addc(&b, ch);
		else if (ch >= 'A' && ch <= 'Z')
			tfs_buf_addc(&b, (char)(ch - 'A' + 'a'));
		else if (b.len && b.data[b.len - 1] != '-')
			tfs_buf_addc(&b, '-');
	}
	while (b.len && (b.data[b.len - 1] == '-' || b.data[b.len - 1] == '.'))
		b.len--, b.data[b.len] = '\0';
	out = tfs_arena_strdup(a, b.len ? b.data : "vpc");
	tfs_buf_release(&b);
	return out;
}

static void S_legend(layout_page *p, double x, double y, double w)
{
	layout_ctx *c = p->c;
	/* the renderer draws a swatch before each (draw.c, same order) */
	static const char *const NAMES[] = {"Compute", "Database", "Storage",
	                                    "Networking", "Management",
	                                    "Security"};
	double h = 74, tx;
	size_t box, i;
	tfs_buf t;
	unsigned failed_boxes = 0;
	bool grants = false;

	for (i = 0; i < p->nedges; i++)
		grants |= p->edges[i].kind == TFS_EDGE_MAY_ACCESS &&
		          !p->edges[i].from_users;
	/* wide enough for its row of entries */
	if (w < (grants ? 1220 : 980))
		w = grants ? 1220 : 980;
	box = S_add_box(p, TFS_DBOX_LEGEND, TFS_NONE, x, y, w, h);
	tfs_dbox *b = &p->boxes[box];
	b->text_area = b->r;
	S_text(p, box, "Legend", x + 12, y + 18, 10, true, TFS_DG_INK, 100);
	/* category swatches are drawn by the renderer at these texts */
	tx = x + 12;
	for (i = 0; i < 6; i++) {
		S_text(p, box, NAMES[i], tx + 16, y + 38, 9, false, TFS_DG_INK, 90);
		tx += 16 + p->boxes[box].text[p->boxes[box].ntext - 1].width + 18;
	}
	/* arrows */
	S_text(p, box, "traffic", tx + 34, y + 38, 9, false, TFS_DG_INK, 80);
	tx += 34 + p->boxes[box].text[p->boxes[box].ntext - 1].width + 18;
	S_text(p, box, "uses (secrets, images, logs, WAF)", tx + 34, y + 38, 9,
	       false, TFS_DG_INK, 260);
	/* grants, on the pages that draw one: the renderer knows the entry
	 * by its place in the row (draw.c) */
	if (grants) {
		tx += 34 + p->boxes[box].text[p->boxes[box].ntext - 1].width + 18;
		S_text(p, box, "may access (an IAM grant, not traffic)", tx + 34,
		       y + 38, 9, false, TFS_DG_INK, x + w - 12 - (tx + 34));
	}
	tfs_buf_init(&t);
	if (c->cost) {
		tfs_buf_adds(&t, "Monthly estimate (sa-east-1): ");
		S_money(&t, c->cost_total);
		tfs_buf_addf(&t, " for %zu resources", c->cost->count);
		S_text(p, box, t.data, x + 12, y + 60, 9.5, true, TFS_DG_COST,
		       w / 2 - 12);
	}
	for (i = 0; i < p->nboxes; i++)
		if (p->boxes[i].kind == TFS_DBOX_NODE && p->boxes[i].failed)
			failed_boxes++;
	tfs_buf_truncate(&t, 0);
	if (c->failed)
		tfs_buf_addf(&t, "%u box%s with failed checks  \xC2\xB7  ", failed_boxes,
		             failed_boxes == 1 ? "" : "es");
	tfs_buf_addf(&t, "%zu supporting resource%s not drawn (IAM, security "
	                 "groups, route tables, listeners, ...)",
	             c->not_drawn, c->not_drawn == 1 ? "" : "s");
	{
		double lx = c->cost ? x + w / 2 : x + 12;
		S_text(p, box, t.data, lx, y + 60, 9, false, TFS_DG_GREY,
		       x + w - 12 - lx);
	}
	tfs_buf_release(&t);
}

typedef struct {
	bool overview;
	tfs_vpc_group ***keys; /* VPC groups by key */
	size_t *nkey;
	size_t nkeys;
	size_t detail; /* the key shown in detail, or TFS_NONE */
	const char *region; /* the detail's region */
	size_t page_no, npages;
} S_spec;

/* Everything on one page. */
static void S_page(layout_ctx *c, const S_spec *spec)
{
	const tfs_model *m = c->m;
	layout_page pg;
	layout_page *p = &pg;
	S_region *regions;
	size_t nreg = 0, r, i, k;
	size_t *edge_cards = NULL, nedge = 0, *ext_cards = NULL, next = 0;
	double cw = TFS_DG_CARD_W, ch = TFS_DG_CARD_H, gap = TFS_DG_GAP;
	double regions_w = 0, regions_h = 0, cloud_w, cloud_h, edge_h = 0;
	double top, x0 = TFS_DG_MARGIN;
	size_t edge_per_row = 1, edge_rows = 0;
	size_t title_box, users_box = TFS_NONE, cloud;
	bool users;
	tfs_dpage *out;

	memset(p, 0, sizeof(*p));
	p->c = c;
	/* pages about one VPC show only what joins it */
	if (spec->detail != TFS_NONE && spec->nkeys > 1) {
		p->only_linked = true;
		p->relevant = S_zalloc(&c->tmp, m->nnodes, sizeof(*p->relevant));
		bool *inside = S_zalloc(&c->tmp, m->nnodes, sizeof(*inside));
		for (k = 0; k < spec->nkey[spec->detail]; k++) {
			const tfs_vpc_group *g = spec->keys[spec->detail][k];
			for (size_t a = 0; a < g->nazs; a++)
				for (size_t s = 0; s < g->azs[a].nsubnets; s++)
					for (i = 0; i < g->azs[a].subnets[s].members.count; i++)
						inside[c->fold[g->azs[a].subnets[s].members.items[i]]] = true;
			for (i = 0; i < g->members.count; i++)
				inside[c->fold[g->members.items[i]]] = true;
		}
		for (i = 0; i < m->nedges; i++) {
			size_t f = c->fold[m->edges[i].from], t = c->fold[m->edges[i].to];
			if (inside[f])
				p->relevant[t] = true;
			if (inside[t])
				p->relevant[f] = true;
		}
	}
	/* regions */
	regions = xcalloc(m->tree.nregions ? m->tree.nregions : 1, sizeof(*regions));
	for (r = 0; r < m->tree.nregions; r++) {
		const tfs_region_group *rg = &m->tree.regions[r];
		S_region *R = &regions[nreg];
		memset(R, 0, sizeof(*R));
		R->name = rg->name;
		if (spec->overview) {
			R->tiles = xcalloc(spec->nkeys ? spec->nkeys : 1, sizeof(*R->tiles));
			R->ntile_groups = xcalloc(spec->nkeys ? spec->nkeys : 1,
			                          sizeof(*R->ntile_groups));
			for (k = 0; k < spec->nkeys && R->ntiles < S_MAX_TILES; k++) {
				const tfs_vpc_group *g0 = spec->keys[k][0];
				bool here = false;
				for (i = 0; i < rg->nvpcs; i++)
					here |= &rg->vpcs[i] == g0;
				if (!here)
					continue;
				R->tiles[R->ntiles] = spec->keys[k];
				R->ntile_groups[R->ntiles] = spec->nkey[k];
				R->ntiles++;
			}
		} else if (spec->detail != TFS_NONE) {
			const tfs_vpc_group *g0 = spec->keys[spec->detail][0];
			bool here = false;
			for (i = 0; i < rg->nvpcs; i++)
				here |= &rg->vpcs[i] == g0;
			if (here) {
				R->views = xcalloc(1, sizeof(*R->views));
				R->nviews = 1;
				S_vpcview_build(p, spec->keys[spec->detail],
				                spec->nkey[spec->detail], R->views);
			}
		}
		S_region_cards(p, rg, R);
		if (!R->nviews && !R->ntiles && !R->nside && !S_lane_cards(R)) {
			S_region_release(R);
			continue;
		}
		nreg++;
	}
	/* tiles: summary cards (their members link to them) */
	for (r = 0; r < nreg; r++) {
		S_region *R = &regions[r];
		for (k = 0; k < R->ntiles; k++) {
			size_t card = S_card_new(p, TFS_KIND_VPC);
			layout_card *cd;
			size_t subnets = 0, azs = 0;
			for (size_t g = 0; g < R->ntile_groups[k]; g++) {
				const tfs_vpc_group *vg = R->tiles[k][g];
				if (vg->nazs > azs)
					azs = vg->nazs;
				for (size_t a = 0; a < vg->nazs; a++) {
					subnets += vg->azs[a].nsubnets;
					for (size_t s = 0; s < vg->azs[a].nsubnets; s++) {
						const tfs_ids *ids = &vg->azs[a].subnets[s].members;
						for (i = 0; i < ids->count; i++) {
							size_t nd = c->fold[ids->items[i]];
							bool seen = false;
							if (!c->visible[nd] || c->cls[nd] != S_CARD)
								continue;
							for (size_t l = c->head[nd]; l != TFS_NONE; l = p->links[l].next)
								seen |= p->links[l].card == card;
							if (!seen)
								S_card_add(p, card, nd);
						}
					}
				}
				for (i = 0; i < vg->members.count; i++) {
					size_t nd = vg->members.items[i];
					if (c->visible[nd] && c->cls[nd] == S_CARD && c->fold[nd] == nd)
						S_card_add(p, card, nd);
				}
			}
			cd = &p->cards[card];
			cd->kind = TFS_KIND_VPC;
			cd->subnets = subnets;
			cd->azs = azs;
			cd->label = NULL;
			cd->tile = k;
		}
	}
	/* edge services and external nodes */
	S_side_cards(p, m->tree.edge.items, m->tree.edge.count, S_LIST_EDGE,
	             S_MAX_SIDE, &edge_cards, &nedge);
	S_side_cards(p, m->tree.external.items, m->tree.external.count,
	             S_LIST_SIDE, 6, &ext_cards, &next);
	users = nedge > 0;
	for (r = 0; r < nreg && !users; r++) {
		for (i = 0; i < regions[r].nviews; i++)
			users |= regions[r].views[i].nvpc_cards > 0;
		/* an API is an entry point of its own (S_edges) */
		for (i = 0; i < regions[r].nlane[0]; i++) {
			tfs_kind kd = p->cards[regions[r].lane[0][i]].kind;
			users |= kd == TFS_KIND_API || kd == TFS_KIND_API_DOMAIN;
		}
	}
	/* sizes */
	for (r = 0; r < nreg; r++) {
		S_region *R = &regions[r];
		if (R->nviews) {
			R->vw = R->views[0].w;
			R->vh = R->views[0].h;
		} else if (R->ntiles) {
			size_t cols = R->ntiles < 4 ? R->ntiles : 4;
			size_t rows = (R->ntiles + cols - 1) / cols;
			double tw = cw + 2 * gap, th = TFS_DG_TOP + ch + gap;
			R->vw = cols * tw + (cols - 1) * gap;
			R->vh = rows * th + (rows - 1) * gap;
		}
		/* the lane below the VPC area, two lanes apart */
		S_lane_size(R);
		R->left_w = R->vw > R->lw ? R->vw : R->lw;
		R->left_h = R->vh + (R->vh > 0 && R->lh > 0 ? 2 * gap : 0) + R->lh;
		S_side_size(R, R->left_h);
		R->w = gap + R->left_w + (R->left_w > 0 && R->side_w > 0 ? gap : 0) +
		       R->side_w + gap;
		if (R->w < 2 * cw + 2 * gap)
			R->w = 2 * cw + 2 * gap;
		R->h = TFS_DG_TOP + (R->left_h > R->side_h ? R->left_h : R->side_h) +
		       gap;
		regions_w += R->w + (r ? gap : 0);
		if (R->h > regions_h)
			regions_h = R->h;
	}
	if (nedge) {
		double avail = regions_w > 4 * (cw + gap) ? regions_w : 4 * (cw + gap);
		edge_per_row = (size_t)((avail + gap) / (cw + gap));
		if (edge_per_row < 1)
			edge_per_row = 1;
		edge_rows = (nedge + edge_per_row - 1) / edge_per_row;
		edge_h = edge_rows * ch + (edge_rows - 1) * gap + gap;
		if ((nedge < edge_per_row ? nedge : edge_per_row) * (cw + gap) - gap >
		    regions_w)
			regions_w = (nedge < edge_per_row ? nedge : edge_per_row) * (cw + gap) - gap;
	}
	cloud_w = gap + (regions_w > 0 ? regions_w : 2 * cw) + gap;
	cloud_h = TFS_DG_TOP + edge_h + (nreg ? regions_h : ch) + gap;
	/* title */
	{
		tfs_buf sub;
		const char *title = c->title;
		double tw;
		title_box = S_add_box(p, TFS_DBOX_TITLE, TFS_NONE, x0, TFS_DG_MARGIN,
		                      cloud_w, 44);
		tfs_buf_init(&sub);
		tfs_buf_adds(&sub, c->env_line);
		if (spec->npages > 1) {
			if (sub.len)
				tfs_buf_adds(&sub, "  \xC2\xB7  ");
			tfs_buf_addf(&sub, "page %zu of %zu", spec->page_no, spec->npages);
			if (spec->overview)
				tfs_buf_adds(&sub, ": overview");
		}
		tw = cloud_w < 520 ? 520 : cloud_w;
		p->boxes[title_box].r.w = tw;
		p->boxes[title_box].text_area = p->boxes[title_box].r;
		S_text(p, title_box, title, x0, TFS_DG_MARGIN + 18, 17, true,
		       TFS_DG_INK, tw);
		S_text(p, title_box, sub.data, x0, TFS_DG_MARGIN + 37, 9.5, false,
		       TFS_DG_GREY, tw);
		tfs_buf_release(&sub);
	}
	top = TFS_DG_MARGIN + 44 + gap;
	/* users and external nodes, above the cloud */
	if (users || next) {
		double ux = x0 + gap;
		if (users) {
			users_box = S_add_box(p, TFS_DBOX_USERS, TFS_NONE, ux, top, cw, ch);
			p->boxes[users_box].text_area.x = ux + 10 + TFS_DG_ICON + 10;
			p->boxes[users_box].text_area.w = cw - 10 - TFS_DG_ICON - 18;
			S_text(p, users_box, "Users", ux + 56, top + 29, 10.5, true,
			       TFS_DG_INK, cw - 64);
			S_text(p, users_box, "internet", ux + 56, top + 43, 9, false,
			       TFS_DG_GREY, cw - 64);
			ux += cw + gap;
		}
		for (i = 0; i < next; i++, ux += cw + gap)
			S_place_card(p, ext_cards[i], TFS_NONE, ux, top);
		top += ch + gap + 8;
		if (ux - gap > cloud_w + x0)
			cloud_w = ux - gap - x0;
	}
	/* the cloud */
	cloud = S_add_box(p, TFS_DBOX_CLOUD, TFS_NONE, x0, top, cloud_w, cloud_h);
	S_group_label(p, cloud, "AWS Cloud", NULL, true, false, TFS_DG_INK);
	{
		double y = top + TFS_DG_TOP;
		double rx = x0 + gap;
		for (i = 0; i < nedge; i++)
			S_place_card(p, edge_cards[i], cloud,
			             x0 + gap + (double)(i % edge_per_row) * (cw + gap),
			             y + (double)(i / edge_per_row) * (ch + gap));
		y += edge_h;
		for (r = 0; r < nreg; r++) {
			S_region *R = &regions[r];
			size_t rb = S_add_box(p, TFS_DBOX_REGION, cloud, rx, y, R->w,
			                      regions_h);
			double iy = y + TFS_DG_TOP, ix = rx + gap;
			tfs_buf name;
			tfs_buf_init(&name);
			tfs_buf_addf(&name, "Region %s", R->name);
			S_group_label(p, rb, name.data, NULL, true, false, TFS_DG_INK);
			tfs_buf_release(&name);
			if (R->nviews)
				S_vpcview_emit(p, &R->views[0], rb, ix, iy);
			for (k = 0; k < R->ntiles; k++) {
				size_t cols = R->ntiles < 4 ? R->ntiles : 4;
				double tw = cw + 2 * gap, th = TFS_DG_TOP + ch + gap;
				double tx = ix + (double)(k % cols) * (tw + gap);
				double ty = iy + (double)(k / cols) * (th + gap);
				size_t vb, card;
				tfs_buf extra;
				const char *t;
				tfs_buf_init(&extra);
				t = S_vpc_title(p, R->tiles[k][0]->vpc, R->ntile_groups[k], &extra);
				vb = S_add_box(p, TFS_DBOX_VPC, rb, tx, ty, tw, th);
				p->boxes[vb].node = R->tiles[k][0]->vpc;
				p->boxes[vb].count = R->ntile_groups[k];
				S_group_label(p, vb, t, extra.data, true, false, TFS_DG_INK);
				tfs_buf_release(&extra);
				for (card = 0; card < p->ncards; card++)
					if (p->cards[card].kind == TFS_KIND_VPC && p->cards[card].box == TFS_NONE &&
					    p->cards[card].tile == k && p->cards[card].first != TFS_NONE)
						break;
				if (card < p->ncards) {
					p->cards[card].label = "VPC resources";
					S_place_card(p, card, vb, tx + gap, ty + TFS_DG_TOP);
				} else {
					/* say so, rather than leave the tile blank */
					tfs_dbox *b = &p->boxes[vb];
					b->text_area.h = th - 4;
					S_text(p, vb, "no subnets or resources in this state",
					       b->text_area.x, ty + TFS_DG_TOP + 14, 9, false,
					       TFS_DG_GREY, b->text_area.w);
				}
			}
			{
				double sx = ix + R->left_w + (R->left_w > 0 ? gap : 0);
				for (i = 0; i < R->nside; i++)
					S_place_card(p, R->side[i], rb,
					             sx + (double)(i / R->side_rows) * (cw + gap),
					             iy + (double)(i % R->side_rows) * (ch + gap));
			}
			S_lane_emit(p, R, rb, ix,
			            iy + R->vh + (R->vh > 0 ? 2 * gap : 0));
			rx += R->w + gap;
		}
	}
	/* edges, then the legend (which names the styles they use) */
	S_edges(p, users_box);
	S_legend(p, x0, top + cloud_h + gap, cloud_w);
	/* the page */
	tfs_grow(&c->d->pages, &c->d->cap_pages, c->d->npages + 1,
	         sizeof(*c->d->pages));
	out = &c->d->pages[c->d->npages++];
	memset(out, 0, sizeof(*out));
	if (spec->overview)
		out->name = "overview";
	else if (spec->detail != TFS_NONE && spec->keys[spec->detail][0]->vpc != TFS_NONE)
		out->name = S_slug(&c->d->arena,
		                   m->nodes[spec->keys[spec->detail][0]->vpc].label);
	else
		out->name = "diagram";
	{
		double w = 0, h = 0;
		for (i = 0; i < p->nboxes; i++) {
			const tfs_drect *rr = &p->boxes[i].r;
			if (rr->x + rr->w > w)
				w = rr->x + rr->w;
			if (rr->y + rr->h > h)
				h = rr->y + rr->h;
		}
		out->width = w + TFS_DG_MARGIN;
		out->height = h + TFS_DG_MARGIN;
	}
	out->nboxes = p->nboxes;
	out->boxes = S_zalloc(&c->d->arena, p->nboxes, sizeof(*out->boxes));
	memcpy(out->boxes, p->boxes, p->nboxes * sizeof(*out->boxes));
	out->nedges = p->nedges;
	out->edges = S_zalloc(&c->d->arena, p->nedges, sizeof(*out->edges));
	memcpy(out->edges, p->edges, p->nedges * sizeof(*out->edges));
	c->unrouted += tfs_dg_route(out, &c->d->arena, c->route);
	/* reset the node -> card links for the next page */
	for (i = 0; i < p->nlinks; i++)
		c->head[p->links[i].node] = TFS_NONE;
	for (r = 0; r < nreg; r++)
		S_region_release(&regions[r]);
	free(regions);
	free(edge_cards);
	free(ext_cards);
	free(p->boxes);
	free(p->cards);
	free(p->links);
	free(p->edges);
	free(p->box_col);
}

/* Does VPC group g hold anything to draw inside it? */
static bool S_vpc_has_inside(const layout_ctx *c, const tfs_vpc_group *g)
{
	size_t a, s, i;
	for (a = 0; a < g->nazs; a++)
		for (s = 0; s < g->azs[a].nsubnets; s++) {
			if (c->visible[g->azs[a].subnets[s].subnet])
				return true;
			for (i = 0; i < g->azs[a].subnets[s].members.count; i++)
				if (c->visible[g->azs[a].subnets[s].members.items[i]])
					return true;
		}
	for (i = 0; i < g->members.count; i++)
		if (c->visible[g->members.items[i]] && c->cls[g->members.items[i]] == S_CARD)
			return true;
	return false;
}

/* Does VPC group g hold anything to draw: the VPC itself, or something
 * inside it? */
static bool S_vpc_has_content(const layout_ctx *c, const tfs_vpc_group *g)
{
	return (g->vpc != TFS_NONE && c->visible[g->vpc]) ||
	       S_vpc_has_inside(c, g);
}

static void S_layout_model(layout_ctx *c)
{
	const tfs_model *m = c->m;
	tfs_map keymap;
	tfs_vpc_group ***keys = NULL;
	size_t *nkey = NULL, nkeys = 0, cap_keys = 0, cap_nkey = 0, r, v, k;
	size_t *caps = NULL, cap_caps = 0;
	S_spec spec;

	tfs_map_init(&keymap);
	for (r = 0; r < m->tree.nregions; r++)
		for (v = 0; v < m->tree.regions[r].nvpcs; v++) {
			tfs_vpc_group *g = &m->tree.regions[r].vpcs[v];
			const char *key;
			size_t idx;
			if (!S_vpc_has_content(c, g))
				continue;
			key = tfs_arena_strfmt(&c->tmp, "%s|%s", m->tree.regions[r].name,
			                       g->vpc == TFS_NONE ? "?" : c->ckey[g->vpc]);
			if (!tfs_map_get(&keymap, key, &idx)) {
				idx = nkeys;
				tfs_map_put(&keymap, key, idx);
				tfs_grow(&keys, &cap_keys, nkeys + 1, sizeof(*keys));
				tfs_grow(&nkey, &cap_nkey, nkeys + 1, sizeof(*nkey));
				tfs_grow(&caps, &cap_caps, nkeys + 1, sizeof(*caps));
				keys[nkeys] = NULL;
				nkey[nkeys] = 0;
				caps[nkeys] = 0;
				nkeys++;
			}
			tfs_grow(&keys[idx], &caps[idx], nkey[idx] + 1, sizeof(**keys));
			keys[idx][nkey[idx]++] = g;
		}
	memset(&spec, 0, sizeof(spec));
	spec.keys = keys;
	spec.nkey = nkey;
	spec.nkeys = nkeys;
	if (nkeys <= 1) {
		spec.detail = nkeys ? 0 : TFS_NONE;
		spec.page_no = spec.npages = 1;
		S_page(c, &spec);
	} else {
		/* a page per VPC with something inside it: an empty one has
		 * its tile on the overview, and nothing more to show */
		bool *inside = xcalloc(nkeys, sizeof(*inside));
		size_t ninside = 0;
		for (k = 0; k < nkeys; k++) {
			for (v = 0; v < nkey[k] && !inside[k]; v++)
				inside[k] = S_vpc_has_inside(c, keys[k][v]);
			ninside += inside[k];
		}
		spec.npages = ninside + 1;
		spec.overview = true;
		spec.detail = TFS_NONE;
		spec.page_no = 1;
		S_page(c, &spec);
		spec.overview = false;
		for (k = 0; k < nkeys; k++) {
			if (!inside[k])
				continue;
			spec.detail = k;
			spec.page_no++;
			S_page(c, &spec);
		}
		free(inside);
	}
	for (k = 0; k < nkeys; k++)
		free(keys[k]);
	free(keys);
	free(nkey);
	free(caps);
	tfs_map_release(&keymap);
}

/* ---- public --------------------------------------------------------------- */

void tfs_diagram_options_init(tfs_diagram_options *o)
{
	memset(o, 0, sizeof(*o));
}

static const char *S_basename(tfs_arena *a, const char *path)
{
	const char *s = strrchr(path, '/'), *dot;
	s = s ? s + 1 : path;
	dot = strrchr(s, '.');
	if (dot && dot != s)
		return tfs_arena_strndup(a, s, (size_t)(dot - s));
	return tfs_arena_strdup(a, s);
}

/* The environment most resources name, for the title block. */
static const char *S_main_env(const tfs_model *m)
{
	const char *best = NULL;
	size_t best_n = 0, i, j;
	/* few distinct environments: count by scanning the distinct ones */
	const char *seen[16];
	size_t count[16], nseen = 0;
	for (i = 0; i < m->nresources; i++) {
		const char *e = m->nodes[i].environment;
		if (!e || m->nodes[i].env_source == TFS_ENV_UNKNOWN)
			continue;
		for (j = 0; j < nseen && strcmp(seen[j], e) != 0; j++)
			;
		if (j == nseen) {
			if (nseen == 16)
				continue;
			seen[nseen] = e;
			count[nseen++] = 0;
		}
		count[j]++;
	}
	for (j = 0; j < nseen; j++)
		if (count[j] > best_n || (count[j] == best_n && strcmp(seen[j], best) < 0))
			best = seen[j], best_n = count[j];
	return best;
}

tfs_diagram *tfs_diagram_layout_many(const tfs_model *const *models,
                                     const tfs_cost *const *costs,
                                     const unsigned *const *failed, size_t n,
                                     const tfs_diagram_options *o)
{
	tfs_diagram *d = xcalloc(1, sizeof(*d));
	tfs_dg_measure meas;
	tfs_dg_route_ws route;
	size_t i;

	d->fonts = tfs_dg_fonts_open();
	tfs_dg_measure_init(&meas, d->fonts);
	memset(&route, 0, sizeof(route));
	for (i = 0; i < n; i++) {
		layout_ctx c;
		const tfs_model *m = models[i];
		const tfs_state *st = m->state;
		tfs_buf env;
		const char *e;

		S_ctx_init(&c, m, costs ? costs[i] : NULL, failed ? failed[i] : NULL,
		           o, d, &meas);
		c.route = &route;
		c.title = o->title ? o->title
		                   : S_basename(&c.tmp, st && st->source ? st->source
		                                                         : "tfsight");
		tfs_buf_init(&env);
		e = o->environment ? o->environment : S_main_env(m);
		if (e)
			tfs_buf_addf(&env, "environment %s", e);
		if (st && st->has_serial)
			tfs_buf_addf(&env, "%sstate serial %llu", env.len ? "  \xC2\xB7  " : "",
			             st->serial);
		if (o->date)
			tfs_buf_addf(&env, "%s%s", env.len ? "  \xC2\xB7  " : "", o->date);
		c.env_line = tfs_arena_strdup(&c.tmp, env.data);
		tfs_buf_release(&env);
		S_layout_model(&c);
		tfs_arena_release(&c.tmp);
	}
	tfs_dg_measure_release(&meas);
	tfs_dg_route_ws_release(&route);
	return d;
}

tfs_diagram *tfs_diagram_layout(const tfs_model *m, const tfs_diagram_options *o)
{
	const tfs_cost *costs[1] = {o->cost};
	const unsigned *failed[1] = {o->failed};
	return tfs_diagram_layout_many(&m, costs, failed, 1, o);
}

void tfs_diagram_free(tfs_diagram *d)
{
	if (!d)
		return;
	tfs_arena_release(&d->arena);
	free(d->pages);
	tfs_dg_fonts_close(d->fonts);
	free(d);
}

const char *tfs_dbox_kind_name(tfs_dbox_kind k)
{
	switch (k) {
	case TFS_DBOX_CLOUD:
		return "cloud";
	case TFS_DBOX_REGION:
		return "region";
	case TFS_DBOX_VPC:
		return "vpc";
	case TFS_DBOX_AZ:
		return "az";
	case TFS_DBOX_SUBNET_PUBLIC:
		return "public-subnet";
	case TFS_DBOX_SUBNET_PRIVATE:
		return "private-subnet";
	case TFS_DBOX_SUBNET_UNKNOWN:
		return "unknown-subnet";
	case TFS_DBOX_NODE:
		return "node";
	case TFS_DBOX_USERS:
		return "users";
	case TFS_DBOX_TITLE:
		return "title";
	case TFS_DBOX_LEGEND:
		return "legend";
	}
	return "?";
}
