/*
 * place.c - containment: which VPC each resource is in, which subnets and
 * AZs it spans, and whether each subnet is public.
 *
 * A subnet is public when its route table (the explicit association, else
 * the VPC's main table) has a default route (0.0.0.0/0 or ::/0) to an
 * internet gateway.  When the state holds neither, map_public_ip_on_launch
 * decides, then a tag naming the tier ("public"/"private" in Name, Tier or
 * Type); otherwise the subnet is treated as private and says so.
 */
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#include "build.h"

/* Route tables' default-route target ("igw-..."), by route table node. */
typedef struct {
	const char **igw; /* per node: IGW id of a default route, or NULL */
	const char **igw_evidence;
	size_t *main_rt;  /* per VPC node: its main route table node */
} S_routes;

static bool S_is_default(const json_t *route)
{
	const char *c4 = tfs_attr_str(route, "cidr_block");
	const char *c4b = tfs_attr_str(route, "destination_cidr_block");
	const char *c6 = tfs_attr_str(route, "ipv6_cidr_block");
	const char *c6b = tfs_attr_str(route, "destination_ipv6_cidr_block");
	return (c4 && strcmp(c4, "0.0.0.0/0") == 0) ||
	       (c4b && strcmp(c4b, "0.0.0.0/0") == 0) ||
	       (c6 && strcmp(c6, "::/0") == 0) || (c6b && strcmp(c6b, "::/0") == 0);
}

/* An internet gateway's id, or a plan's reference to one. */
static const char *S_igw_target(const json_t *route)
{
	const char *g = tfs_attr_str(route, "gateway_id");
	char type[64];
	if (g && tfs_after_apply_type(g, type, sizeof(type)))
		return strcmp(type, "aws_internet_gateway") == 0 ? g : NULL;
	return g && strncmp(g, "igw-", 4) == 0 ? g : NULL;
}

static void S_note_route(tfs_builder *b, S_routes *r, size_t rt,
                         const json_t *route, const char *where)
{
	const char *igw;
	if (rt == TFS_NONE || rt >= b->m->nresources || r->igw[rt] ||
	    !S_is_default(route) || !(igw = S_igw_target(route)))
		return;
	r->igw[rt] = igw;
	r->igw_evidence[rt] = where;
}

/* Record rt as the main route table of vpc; an explicit association
 * overrides what the VPC or the default table says. */
static void S_main_table(S_routes *r, size_t vpc, size_t rt, bool explicit_)
{
	if (vpc == TFS_NONE || rt == TFS_NONE)
		return;
	if (explicit_ || r->main_rt[vpc] == TFS_NONE)
		r->main_rt[vpc] = rt;
}

static void S_collect_routes(tfs_builder *b, S_routes *r)
{
	tfs_model *m = b->m;
	size_t i, j;

	for (i = 0; i < m->nresources; i++) {
		const tfs_node *n = &m->nodes[i];
		json_t *a = tfs_node_attrs(m, i), *route;
		const char *type = n->item->inst->type;

		if (n->kind == TFS_KIND_ROUTE_TABLE) {
			json_array_foreach(json_object_get(a, "route"), j, route)
				S_note_route(b, r, i, route,
				             tfs_arena_strfmt(&m->arena, "%s.route[%zu]",
				                              n->address, j));
			if (strcmp(type, "aws_default_route_table") == 0)
				S_main_table(r, tfs_b_find(b, TFS_KIND_VPC,
				                           tfs_attr_str(a, "vpc_id")),
				             i, false);
		} else if (n->kind == TFS_KIND_ROUTE) {
			S_note_route(b, r,
			             tfs_b_find(b, TFS_KIND_ROUTE_TABLE,
			                        tfs_attr_str(a, "route_table_id")),
			             a, n->address);
		} else if (strcmp(type, "aws_main_route_table_association") == 0) {
			S_main_table(r, tfs_b_find(b, TFS_KIND_VPC,
			                           tfs_attr_str(a, "vpc_id")),
			             tfs_b_find(b, TFS_KIND_ROUTE_TABLE,
			                        tfs_attr_str(a, "route_table_id")),
			             true);
		} else if (n->kind == TFS_KIND_VPC) {
			S_main_table(r, i,
			             tfs_b_find(b, TFS_KIND_ROUTE_TABLE,
			                        tfs_attr_str(a, "main_route_table_id")),
			             false);
		}
	}
}

/* Case-insensitive substring test (strcasestr is a GNU extension). */
static bool S_contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] &&
		       tolower((unsigned char)hay[i]) == (unsigned char)needle[i])
			i++;
		if (i == n)
			return true;
	}
	return false;
}

/* A tag that names the tier. */
static int S_tag_tier(const tfs_inventory_item *it, const char **evidence,
                      tfs_arena *a)
{
	static const char *const KEYS[] = {"Tier", "tier", "Type", "type", "Name"};
	size_t k, t;

	for (k = 0; k < sizeof(KEYS) / sizeof(*KEYS); k++)
		for (t = 0; t < it->ntags; t++) {
			const char *v = it->tags[t].value;
			int tier;
			if (strcmp(it->tags[t].key, KEYS[k]) != 0)
				continue;
			if (S_contains_ci(v, "public"))
				tier = 1;
			else if (S_contains_ci(v, "private") || S_contains_ci(v, "isolated"))
				tier = 0;
			else
				continue;
			*evidence = tfs_arena_strfmt(a, "tags.%s = %s", KEYS[k], v);
			return tier;
		}
	return -1;
}

static void S_classify_subnets(tfs_builder *b, const S_routes *r,
                               const size_t *explicit_rt)
{
	tfs_model *m = b->m;
	size_t i;

	for (i = 0; i < m->nresources; i++) {
		tfs_node *n = &m->nodes[i];
		json_t *a = tfs_node_attrs(m, i);
		size_t rt = explicit_rt[i];
		bool mp;
		int tier;

		if (n->kind != TFS_KIND_SUBNET)
			continue;
		if (rt == TFS_NONE && n->vpc != TFS_NONE && n->vpc < m->nresources)
			rt = r->main_rt[n->vpc];
		if (rt != TFS_NONE) {
			n->public_source = TFS_PUBLIC_ROUTE_TABLE;
			n->tier = r->igw[rt] ? TFS_TIER_PUBLIC : TFS_TIER_PRIVATE;
			n->public_evidence =
				r->igw[rt]
					? tfs_arena_strfmt(&m->arena,
					                   "%s: default route to %s",
					                   r->igw_evidence[rt], r->igw[rt])
					: tfs_arena_strfmt(&m->arena,
					                   "%s: no default route to an "
					                   "internet gateway",
					                   m->nodes[rt].address);
		} else if (tfs_attr_bool(a, "map_public_ip_on_launch", &mp)) {
			n->public_source = TFS_PUBLIC_MAP_PUBLIC_IP;
			n->tier = mp ? TFS_TIER_PUBLIC : TFS_TIER_PRIVATE;
			n->public_evidence = tfs_arena_strfmt(
				&m->arena, "%s.map_public_ip_on_launch = %s", n->address,
				mp ? "true" : "false");
		} else if ((tier = S_tag_tier(n->item, &n->public_evidence,
		                              &m->arena)) >= 0) {
			n->public_source = TFS_PUBLIC_TAG;
			n->tier = tier == 1 ? TFS_TIER_PUBLIC : TFS_TIER_PRIVATE;
		} else {
			n->public_source = TFS_PUBLIC_UNKNOWN;
			n->tier = TFS_TIER_PRIVATE;
			n->public_evidence = "no route table, flag or tag in the state";
		}
	}
}

/* ---- subnets of each resource --------------------------------------------- */

static void S_add_subnet(tfs_builder *b, size_t n, const char *subnet_id,
                         tfs_buf *list)
{
	size_t s = tfs_b_find_or_external(b, TFS_KIND_SUBNET, subnet_id);
	size_t *have = (size_t *)(void *)list->data;
	size_t count = list->len / sizeof(size_t), i;

	(void)n;
	if (s == TFS_NONE)
		return;
	for (i = 0; i < count; i++)
		if (have[i] == s)
			return;
	tfs_buf_add(list, &s, sizeof(s));
}

static void S_add_subnet_array(tfs_builder *b, size_t n, const json_t *obj,
                               const char *key, tfs_buf *list)
{
	size_t i;
	const char *s;
	tfs_attr_foreach_str(obj, key, i, s) S_add_subnet(b, n, s, list);
}

/* Subnet ids of a DB (or cache) subnet group named name. */
static void S_add_group_subnets(tfs_builder *b, size_t n, tfs_kind group_kind,
                                const char *name, tfs_buf *list)
{
	size_t g = tfs_b_find(b, group_kind, name);
	if (g != TFS_NONE && g < b->m->nresources)
		S_add_subnet_array(b, n, tfs_node_attrs(b->m, g), "subnet_ids", list);
}

static void S_resource_subnets(tfs_builder *b, size_t n, tfs_buf *list)
{
	tfs_model *m = b->m;
	json_t *a = tfs_node_attrs(m, n), *blk;
	size_t i;

	tfs_kind k = m->nodes[n].kind;

	if (k == TFS_KIND_NAT_GATEWAY || k == TFS_KIND_EC2_INSTANCE) {
		S_add_subnet(b, n, tfs_attr_str(a, "subnet_id"), list);
	} else if (k == TFS_KIND_LOAD_BALANCER) {
		S_add_subnet_array(b, n, a, "subnets", list);
		json_array_foreach(json_object_get(a, "subnet_mapping"), i, blk)
			S_add_subnet(b, n, tfs_attr_str(blk, "subnet_id"), list);
	} else if (k == TFS_KIND_ECS_SERVICE) {
		S_add_subnet_array(b, n, tfs_attr_block(a, "network_configuration"),
		                   "subnets", list);
	} else if (k == TFS_KIND_RDS_INSTANCE || k == TFS_KIND_RDS_CLUSTER ||
	           k == TFS_KIND_RDS_CLUSTER_INSTANCE) {
		S_add_group_subnets(b, n, TFS_KIND_DB_SUBNET_GROUP,
		                    tfs_attr_str(a, "db_subnet_group_name"), list);
	} else if (k == TFS_KIND_ELASTICACHE) {
		S_add_group_subnets(b, n, TFS_KIND_GENERIC,
		                    tfs_attr_str(a, "subnet_group_name"), list);
	} else if (k == TFS_KIND_LAMBDA) {
		S_add_subnet_array(b, n, tfs_attr_block(a, "vpc_config"), "subnet_ids",
		                   list);
	} else if (k == TFS_KIND_VPC_ENDPOINT) {
		S_add_subnet_array(b, n, a, "subnet_ids", list);
	}
}

static int S_str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void S_set_subnets(tfs_builder *b, size_t n, const tfs_buf *list)
{
	tfs_model *m = b->m;
	size_t count = list->len / sizeof(size_t), i, nazs = 0;
	const size_t *ids = (const size_t *)(const void *)list->data;
	const char **azs;
	tfs_node *node = &m->nodes[n];

	node->nsubnets = count;
	node->subnets = tfs_arena_alloc(&m->arena, tfs_mul_size(count, sizeof(size_t)));
	memcpy(node->subnets, ids, count * sizeof(size_t));
	azs = tfs_arena_alloc(&m->arena, tfs_mul_size(count, sizeof(char *)));
	for (i = 0; i < count; i++) {
		const tfs_node *s = &m->nodes[ids[i]];
		if (s->nazs)
			azs[nazs++] = s->azs[0];
		if (node->vpc == TFS_NONE && s->vpc != TFS_NONE)
			node->vpc = s->vpc;
	}
	tfs_sort(azs, nazs, sizeof(*azs), S_str_cmp);
	node->nazs = 0;
	for (i = 0; i < nazs; i++)
		if (!node->nazs || strcmp(azs[node->nazs - 1], azs[i]) != 0)
			azs[node->nazs++] = azs[i];
	node->azs = azs;
}

/* ---- as deployed ---------------------------------------------------------- */

static const char *S_subnet_az(const tfs_model *m, size_t s)
{
	return m->nodes[s].nazs ? m->nodes[s].azs[0] : NULL;
}

/* A database sits in one subnet of its group: the one in its own
 * availability_zone; a Multi-AZ one also has a standby, in another AZ of the
 * group (the first by name: AWS does not record which). */
static void S_database_zones(tfs_builder *b, size_t n)
{
	tfs_model *m = b->m;
	tfs_node *node = &m->nodes[n];
	const char *az = tfs_attr_str(tfs_node_attrs(m, n), "availability_zone");
	const char *standby = NULL, *s_az;
	bool multi = false, found = false;
	tfs_buf list;
	size_t i;

	if (node->nsubnets == 0)
		return;
	if (!az) {
		node->az_pending = node->nazs > 1;
		return;
	}
	if (node->kind == TFS_KIND_RDS_INSTANCE)
		tfs_attr_bool(tfs_node_attrs(m, n), "multi_az", &multi);
	for (i = 0; i < node->nsubnets; i++) {
		s_az = S_subnet_az(m, node->subnets[i]);
		if (!s_az)
			continue;
		if (strcmp(s_az, az) == 0)
			found = true;
		else if (multi && (!standby || strcmp(s_az, standby) < 0))
			standby = s_az;
	}
	if (!found)
		return; /* its zone is none of the group's known ones: as listed */
	tfs_buf_init(&list);
	for (i = 0; i < node->nsubnets; i++) {
		s_az = S_subnet_az(m, node->subnets[i]);
		if (s_az && (strcmp(s_az, az) == 0 ||
		             (standby && strcmp(s_az, standby) == 0)))
			tfs_buf_add(&list, &node->subnets[i], sizeof(size_t));
	}
	S_set_subnets(b, n, &list);
	node->standby_az = standby;
	tfs_buf_release(&list);
}

/* An ECS service's task count, said once for all its AZs. */
static void S_service_detail(tfs_builder *b, size_t n)
{
	tfs_node *node = &b->m->nodes[n];
	json_t *a = tfs_node_attrs(b->m, n);
	const char *lt = tfs_attr_str(a, "launch_type");
	long long count;

	if (json_array_size(json_object_get(a, "capacity_provider_strategy")))
		lt = "capacity providers";
	if (!tfs_attr_int(a, "desired_count", &count))
		return;
	node->detail = tfs_arena_strfmt(
		&b->m->arena, "%s, %lld task%s%s", lt ? lt : "?", count,
		count == 1 ? "" : "s",
		node->nazs > 1 ? tfs_arena_strfmt(&b->m->arena, " over %zu AZs",
		                                  node->nazs)
		               : "");
}

void tfs_place_network(tfs_builder *b)
{
	tfs_model *m = b->m;
	size_t nres = m->nresources, i;
	S_routes r;
	size_t *explicit_rt;
	tfs_buf list;

	/* Elasticache subnet groups are generic nodes; index them by name. */
	for (i = 0; i < nres; i++)
		if (strcmp(m->nodes[i].item->inst->type,
		           "aws_elasticache_subnet_group") == 0)
			tfs_b_index(b, TFS_KIND_GENERIC,
			            tfs_attr_str(tfs_node_attrs(m, i), "name"), i);

	/* VPC of everything that names one; AZ of every subnet. */
	for (i = 0; i < nres; i++) {
		json_t *a = tfs_node_attrs(m, i);
		const char *vpc_id = tfs_attr_str(a, "vpc_id");
		size_t v;

		if (m->nodes[i].kind == TFS_KIND_SUBNET) {
			const char *az = tfs_attr_str(a, "availability_zone");
			if (az) {
				m->nodes[i].azs = tfs_arena_alloc(&m->arena, sizeof(char *));
				m->nodes[i].azs[0] = az;
				m->nodes[i].nazs = 1;
			}
		}
		if (m->nodes[i].kind == TFS_KIND_VPC || !vpc_id)
			continue;
		v = tfs_b_find_or_external(b, TFS_KIND_VPC, vpc_id);
		m->nodes[i].vpc = v;
	}

	r.igw = xcalloc(nres ? nres : 1, sizeof(*r.igw));
	r.igw_evidence = xcalloc(nres ? nres : 1, sizeof(*r.igw_evidence));
	r.main_rt = xmalloc(tfs_mul_size(nres ? nres : 1, sizeof(*r.main_rt)));
	explicit_rt = xmalloc(tfs_mul_size(nres ? nres : 1, sizeof(*explicit_rt)));
	for (i = 0; i < nres; i++)
		r.main_rt[i] = explicit_rt[i] = TFS_NONE;
	S_collect_routes(b, &r);
	for (i = 0; i < nres; i++) {
		json_t *a = tfs_node_attrs(m, i);
		size_t s;
		if (strcmp(m->nodes[i].item->inst->type,
		           "aws_route_table_association") != 0)
			continue;
		s = tfs_b_find(b, TFS_KIND_SUBNET, tfs_attr_str(a, "subnet_id"));
		if (s != TFS_NONE && s < nres)
			explicit_rt[s] = tfs_b_find(b, TFS_KIND_ROUTE_TABLE,
			                            tfs_attr_str(a, "route_table_id"));
	}
	S_classify_subnets(b, &r, explicit_rt);
	free(r.igw);
	free(r.igw_evidence);
	free(r.main_rt);
	free(explicit_rt);

	/* Resources in subnets; without subnets, in their VPC or regional. */
	tfs_buf_init(&list);
	for (i = 0; i < nres; i++) {
		if (m->nodes[i].placement != TFS_PLACE_SUBNETS ||
		    m->nodes[i].kind == TFS_KIND_SUBNET)
			continue;
		tfs_buf_truncate(&list, 0);
		S_resource_subnets(b, i, &list);
		if (list.len) {
			S_set_subnets(b, i, &list);
		} else {
			tfs_node *n = &m->nodes[i];
			n->placement = n->vpc != TFS_NONE ? TFS_PLACE_VPC
			                                  : TFS_PLACE_REGIONAL;
		}
	}
	tfs_buf_release(&list);
	for (i = 0; i < nres; i++) {
		tfs_kind k = m->nodes[i].kind;
		if (k == TFS_KIND_RDS_INSTANCE || k == TFS_KIND_RDS_CLUSTER_INSTANCE)
			S_database_zones(b, i);
		else if (k == TFS_KIND_ECS_SERVICE)
			S_service_detail(b, i);
	}
	/* A subnet is placed in its VPC. */
	for (i = 0; i < nres; i++)
		if (m->nodes[i].kind == TFS_KIND_SUBNET)
			m->nodes[i].placement = TFS_PLACE_VPC;
	/* Listeners and their rules are in their load balancer's VPC; a DB
	 * subnet group in its subnets' VPC. */
	for (i = 0; i < nres; i++) {
		json_t *a = tfs_node_attrs(m, i);
		size_t lb = TFS_NONE, s;
		tfs_kind k = m->nodes[i].kind;
		if (k == TFS_KIND_LISTENER_RULE) {
			s = tfs_b_find(b, TFS_KIND_LISTENER,
			               tfs_attr_str(a, "listener_arn"));
			if (s != TFS_NONE)
				lb = tfs_b_find(b, TFS_KIND_LOAD_BALANCER,
				                tfs_attr_str(tfs_node_attrs(m, s),
				                             "load_balancer_arn"));
		} else if (k == TFS_KIND_LISTENER) {
			lb = tfs_b_find(b, TFS_KIND_LOAD_BALANCER,
			                tfs_attr_str(a, "load_balancer_arn"));
		} else if (k == TFS_KIND_ROUTE_TABLE_ASSOC || k == TFS_KIND_ROUTE) {
			s = tfs_b_find(b, TFS_KIND_ROUTE_TABLE,
			               tfs_attr_str(a, "route_table_id"));
			if (s != TFS_NONE && m->nodes[i].vpc == TFS_NONE)
				m->nodes[i].vpc = m->nodes[s].vpc;
		} else if (k == TFS_KIND_SECURITY_GROUP_RULE &&
		           m->nodes[i].vpc == TFS_NONE) {
			/* a rule is in its group's VPC */
			s = tfs_b_find(b, TFS_KIND_SECURITY_GROUP,
			               tfs_attr_str(a, "security_group_id"));
			if (s != TFS_NONE)
				m->nodes[i].vpc = m->nodes[s].vpc;
		} else if (k == TFS_KIND_DB_SUBNET_GROUP) {
			s = tfs_b_find(b, TFS_KIND_SUBNET,
			               json_string_value(json_array_get(
				               json_object_get(a, "subnet_ids"), 0)));
			if (s != TFS_NONE)
				m->nodes[i].vpc = m->nodes[s].vpc;
		}
		if (lb != TFS_NONE)
			m->nodes[i].vpc = m->nodes[lb].vpc;
	}
	/* Any other type that names its VPC (a network ACL, a VPN gateway)
	 * is drawn in it. */
	for (i = 0; i < nres; i++)
		if (m->nodes[i].kind == TFS_KIND_GENERIC &&
		    m->nodes[i].placement == TFS_PLACE_REGIONAL &&
		    m->nodes[i].vpc != TFS_NONE)
			m->nodes[i].placement = TFS_PLACE_VPC;
	/* VPC-level nodes that name no VPC stay regional. */
	for (i = 0; i < nres; i++)
		if (m->nodes[i].placement == TFS_PLACE_VPC &&
		    m->nodes[i].vpc == TFS_NONE && m->nodes[i].kind != TFS_KIND_VPC)
			m->nodes[i].placement = TFS_PLACE_REGIONAL;
}
