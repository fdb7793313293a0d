/* tree.c - the containment tree (Cloud › Region › VPC › AZ › subnet) that
 * the text view, the diagram and the report all walk.  Built once, in a
 * fixed order: regions and AZs by name, VPCs and members by node index,
 * public subnets before private ones. */
#include <stdlib.h>
#include <string.h>

#include "build.h"

static void S_ids_add(tfs_ids *ids, size_t n)
{
	if (ids->count && ids->items[ids->count - 1] == n)
		return;
	tfs_grow(&ids->items, &ids->cap, ids->count + 1, sizeof(*ids->items));
	ids->items[ids->count++] = n;
}

static int S_size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

static void S_ids_finish(tfs_ids *ids)
{
	size_t i, out = 0;
	tfs_sort(ids->items, ids->count, sizeof(size_t), S_size_cmp);
	for (i = 0; i < ids->count; i++)
		if (!out || ids->items[out - 1] != ids->items[i])
			ids->items[out++] = ids->items[i];
	ids->count = out;
}

static tfs_region_group *S_region(tfs_tree *t, const char *name)
{
	size_t i;
	for (i = 0; i < t->nregions; i++)
		if (strcmp(t->regions[i].name, name) == 0)
			return &t->regions[i];
	tfs_grow(&t->regions, &t->cap, t->nregions + 1, sizeof(*t->regions));
	memset(&t->regions[t->nregions], 0, sizeof(*t->regions));
	t->regions[t->nregions].name = name;
	return &t->regions[t->nregions++];
}

static tfs_vpc_group *S_vpc(tfs_region_group *r, size_t vpc)
{
	size_t i;
	for (i = 0; i < r->nvpcs; i++)
		if (r->vpcs[i].vpc == vpc)
			return &r->vpcs[i];
	tfs_grow(&r->vpcs, &r->cap, r->nvpcs + 1, sizeof(*r->vpcs));
	memset(&r->vpcs[r->nvpcs], 0, sizeof(*r->vpcs));
	r->vpcs[r->nvpcs].vpc = vpc;
	return &r->vpcs[r->nvpcs++];
}

static tfs_az_group *S_az(tfs_vpc_group *v, const char *name)
{
	size_t i;
	for (i = 0; i < v->nazs; i++)
		if (strcmp(v->azs[i].name, name) == 0)
			return &v->azs[i];
	tfs_grow(&v->azs, &v->cap, v->nazs + 1, sizeof(*v->azs));
	memset(&v->azs[v->nazs], 0, sizeof(*v->azs));
	v->azs[v->nazs].name = name;
	return &v->azs[v->nazs++];
}

static tfs_subnet_group *S_subnet(tfs_az_group *az, size_t subnet)
{
	size_t i;
	for (i = 0; i < az->nsubnets; i++)
		if (az->subnets[i].subnet == subnet)
			return &az->subnets[i];
	tfs_grow(&az->subnets, &az->cap, az->nsubnets + 1, sizeof(*az->subnets));
	memset(&az->subnets[az->nsubnets], 0, sizeof(*az->subnets));
	az->subnets[az->nsubnets].subnet = subnet;
	return &az->subnets[az->nsubnets++];
}

static const char *S_region_of(const tfs_model *m, size_t n)
{
	const tfs_inventory_item *it = m->nodes[n].item;
	return it ? it->region : "unknown";
}

static const char *S_az_of(const tfs_model *m, size_t subnet)
{
	return m->nodes[subnet].nazs ? m->nodes[subnet].azs[0] : "unknown";
}

/* Where subnet s of member n goes. */
static tfs_subnet_group *S_subnet_group(tfs_model *m, size_t s, size_t n)
{
	size_t vpc = m->nodes[s].vpc != TFS_NONE ? m->nodes[s].vpc
	                                         : m->nodes[n].vpc;
	tfs_region_group *r = S_region(&m->tree, S_region_of(m, n));
	return S_subnet(S_az(S_vpc(r, vpc), S_az_of(m, s)), s);
}

static int S_subnet_cmp(const void *pa, const void *pb)
{
	const tfs_subnet_group *a = pa, *b = pb;
	if (a->tier != b->tier)
		return (int)a->tier - (int)b->tier; /* public, private, unknown */
	return a->subnet < b->subnet ? -1 : a->subnet > b->subnet;
}

static int S_az_cmp(const void *a, const void *b)
{
	return strcmp(((const tfs_az_group *)a)->name,
	              ((const tfs_az_group *)b)->name);
}

static int S_vpc_cmp(const void *pa, const void *pb)
{
	size_t a = ((const tfs_vpc_group *)pa)->vpc;
	size_t b = ((const tfs_vpc_group *)pb)->vpc;
	return a < b ? -1 : a > b;
}

static int S_region_cmp(const void *a, const void *b)
{
	return strcmp(((const tfs_region_group *)a)->name,
	              ((const tfs_region_group *)b)->name);
}

static void S_finish(tfs_tree *t)
{
	size_t r, v, a, s;

	S_ids_finish(&t->edge);
	S_ids_finish(&t->external);
	tfs_sort(t->regions, t->nregions, sizeof(*t->regions), S_region_cmp);
	for (r = 0; r < t->nregions; r++) {
		tfs_region_group *rg = &t->regions[r];
		S_ids_finish(&rg->regional);
		tfs_sort(rg->vpcs, rg->nvpcs, sizeof(*rg->vpcs), S_vpc_cmp);
		for (v = 0; v < rg->nvpcs; v++) {
			tfs_vpc_group *vg = &rg->vpcs[v];
			S_ids_finish(&vg->members);
			tfs_sort(vg->azs, vg->nazs, sizeof(*vg->azs), S_az_cmp);
			for (a = 0; a < vg->nazs; a++) {
				tfs_az_group *ag = &vg->azs[a];
				tfs_sort(ag->subnets, ag->nsubnets, sizeof(*ag->subnets),
				      S_subnet_cmp);
				for (s = 0; s < ag->nsubnets; s++) {
					S_ids_finish(&ag->subnets[s].members);
					S_ids_finish(&ag->subnets[s].standby);
				}
			}
		}
	}
}

void tfs_build_tree(tfs_model *m)
{
	tfs_tree *t = &m->tree;
	size_t i, j;

	for (i = 0; i < m->nnodes; i++) {
		const tfs_node *n = &m->nodes[i];
		switch (n->placement) {
		case TFS_PLACE_EDGE:
			S_ids_add(&t->edge, i);
			break;
		case TFS_PLACE_EXTERNAL:
			S_ids_add(&t->external, i);
			break;
		case TFS_PLACE_REGIONAL:
			S_ids_add(&S_region(t, S_region_of(m, i))->regional, i);
			break;
		case TFS_PLACE_VPC: {
			tfs_region_group *r = S_region(t, S_region_of(m, i));
			if (n->kind == TFS_KIND_VPC) {
				S_vpc(r, i);
			} else if (n->kind == TFS_KIND_SUBNET) {
				tfs_subnet_group *g =
					S_subnet(S_az(S_vpc(r, n->vpc), S_az_of(m, i)), i);
				g->tier = n->tier;
			} else {
				S_ids_add(&S_vpc(r, n->vpc)->members, i);
			}
			break;
		}
		case TFS_PLACE_SUBNETS:
			for (j = 0; j < n->nsubnets; j++) {
				tfs_subnet_group *g = S_subnet_group(m, n->subnets[j], i);
				const char *az = S_az_of(m, n->subnets[j]);
				g->tier = m->nodes[n->subnets[j]].tier;
				S_ids_add(n->standby_az && strcmp(az, n->standby_az) == 0
				                  ? &g->standby
				                  : &g->members,
				          i);
			}
			break;
		}
	}
	S_finish(t);
}

static void S_ids_release(tfs_ids *ids)
{
	free(ids->items);
}

void tfs_tree_release(tfs_tree *t)
{
	size_t r, v, a, s;

	S_ids_release(&t->edge);
	S_ids_release(&t->external);
	for (r = 0; r < t->nregions; r++) {
		tfs_region_group *rg = &t->regions[r];
		S_ids_release(&rg->regional);
		for (v = 0; v < rg->nvpcs; v++) {
			tfs_vpc_group *vg = &rg->vpcs[v];
			S_ids_release(&vg->members);
			for (a = 0; a < vg->nazs; a++) {
				for (s = 0; s < vg->azs[a].nsubnets; s++) {
					S_ids_release(&vg->azs[a].subnets[s].members);
					S_ids_release(&vg->azs[a].subnets[s].standby);
				}
				free(vg->azs[a].subnets);
			}
			free(vg->azs);
		}
		free(rg->vpcs);
	}
	free(t->regions);
	memset(t, 0, sizeof(*t));
}
