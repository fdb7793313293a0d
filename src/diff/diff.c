/* diff.c - match two estimates resource by resource, total them per
 * project and environment, and compare their checklists finding by
 * finding. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "tfsight/diff.h"

void tfs_diff_options_init(tfs_diff_options *o)
{
	o->project_tag = "Project";
	o->owner_tag = "Owner";
}

const char *tfs_change_name(tfs_change c)
{
	switch (c) {
	case TFS_CHANGE_ADDED:
		return "added";
	case TFS_CHANGE_REMOVED:
		return "removed";
	case TFS_CHANGE_CHANGED:
		return "changed";
	case TFS_CHANGE_UNCHANGED:
		return "unchanged";
	}
	return "?";
}

/* Whether a plan's after_unknown holds any true leaf. */
static bool S_any_unknown(const json_t *v)
{
	const char *k;
	json_t *item;
	size_t i;

	if (json_is_true(v))
		return true;
	if (json_is_object(v)) {
		json_t *obj = (json_t *)(uintptr_t)v;
		json_object_foreach(obj, k, item)
			if (S_any_unknown(item))
				return true;
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, item)
			if (S_any_unknown(item))
				return true;
	}
	return false;
}

static int S_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Top-level attribute names whose values differ, sorted. */
static void S_changed_keys(tfs_diff *d, tfs_diff_resource *r,
                           const json_t *a, const json_t *b)
{
	json_t *oa = (json_t *)(uintptr_t)a, *ob = (json_t *)(uintptr_t)b;
	const char *k;
	json_t *v;
	size_t n = 0, cap = json_object_size(a) + json_object_size(b);

	if (!cap)
		return;
	r->changed_keys = tfs_arena_alloc(&d->arena,
	                                  tfs_mul_size(cap, sizeof(char *)));
	json_object_foreach(oa, k, v)
		if (!json_equal(v, json_object_get(b, k)))
			r->changed_keys[n++] = tfs_arena_strdup(&d->arena, k);
	json_object_foreach(ob, k, v)
		if (!json_object_get(a, k) && !json_is_null(v))
			r->changed_keys[n++] = tfs_arena_strdup(&d->arena, k);
	tfs_sort(r->changed_keys, n, sizeof(char *), S_cmp_str);
	r->nchanged_keys = n;
}

static void S_group_add(tfs_diff *d, tfs_map *index, size_t *cap,
                        const tfs_diff_item *it, bool head)
{
	const char *key;
	size_t g;

	key = tfs_arena_strfmt(&d->arena, "%s\x1f%s", it->project,
	                       it->environment);
	if (!tfs_map_get(index, key, &g)) {
		g = d->ngroups++;
		tfs_grow(&d->groups, cap, d->ngroups, sizeof(*d->groups));
		memset(&d->groups[g], 0, sizeof(d->groups[g]));
		d->groups[g].project = it->project;
		d->groups[g].environment = it->environment;
		tfs_map_put(index, key, g);
	}
	if (head)
		d->groups[g].head_usd += it->usd;
	else
		d->groups[g].base_usd += it->usd;
}

/* The items of an estimate: one per resource node.  Against a saved
 * estimate, which lists priced and free resources only, the types not
 * priced yet are left out, or they would all read as added. */
static tfs_diff_item *S_items(tfs_diff *d, const tfs_cost *c,
                              const tfs_diff_options *o, bool priced_only,
                              size_t *count)
{
	tfs_diff_item *items = tfs_arena_alloc(
		&d->arena, tfs_mul_size(c->count + 1, sizeof(*items)));
	size_t i, n = 0;

	for (i = 0; i < c->count; i++) {
		const tfs_cost_resource *r = &c->resources[i];
		const tfs_node *node = &c->model->nodes[r->node];
		const tfs_instance *in = node->item->inst;
		tfs_diff_item *it;
		const char *tag;

		if (in->deposed)
			continue; /* on its way out; its cost is the current one's */
		if (priced_only && (r->status == TFS_COST_UNSUPPORTED ||
		                    tfs_cost_excluded(r)))
			continue;
		it = &items[n++];
		memset(it, 0, sizeof(*it));
		it->address = in->address;
		it->previous_address = in->previous_address;
		it->type = in->type;
		it->environment = node->env_source == TFS_ENV_UNKNOWN
		                          ? TFS_UNTAGGED
		                          : node->environment;
		tag = tfs_node_tag(node, o->project_tag);
		it->project = tag ? tag : TFS_UNTAGGED;
		tag = tfs_node_tag(node, o->owner_tag);
		it->owner = tag ? tag : TFS_UNTAGGED;
		it->usd = r->monthly_cost;
		it->missing_prices = r->missing_prices;
		it->attributes = in->attributes;
		it->unknown_after_apply = in->unknown && S_any_unknown(in->unknown);
	}
	*count = n;
	return items;
}

static const tfs_diff_item *S_side_items(tfs_diff *d, const tfs_diff_side *s,
                                         const tfs_diff_options *o,
                                         bool priced_only, size_t *count)
{
	if (s->cost)
		return S_items(d, s->cost, o, priced_only, count);
	*count = s->nitems;
	return s->items;
}

static void S_describe(tfs_diff_resource *res, const tfs_diff_item *it)
{
	res->type = it->type;
	res->environment = it->environment;
	res->project = it->project;
	res->owner = it->owner;
	res->service = tfs_aws_service_name(it->type);
}

static int S_cmp_group(const void *pa, const void *pb)
{
	const tfs_diff_group *a = pa, *b = pb;
	int r = strcmp(a->project, b->project);
	return r ? r : strcmp(a->environment, b->environment);
}

static int S_cmp_resource(const void *pa, const void *pb)
{
	const tfs_diff_resource *a = pa, *b = pb;
	double da = fabs(a->head_usd - a->base_usd);
	double db = fabs(b->head_usd - b->base_usd);

	if (da != db)
		return da > db ? -1 : 1;
	if (a->change != b->change)
		return a->change < b->change ? -1 : 1;
	return strcmp(a->address, b->address);
}

static void S_resources(tfs_diff *d, const tfs_diff_item *base, size_t nbase,
                        const tfs_diff_item *head, size_t nhead)
{
	tfs_map by_address, groups;
	bool *matched = xcalloc(nbase + 1, sizeof(bool));
	size_t cap = 0, gcap = 0, i, r;

	tfs_map_init(&by_address);
	tfs_map_init(&groups);
	for (i = 0; i < nbase; i++) {
		tfs_map_add(&by_address, base[i].address, i);
		d->base_total += base[i].usd;
		S_group_add(d, &groups, &gcap, &base[i], false);
	}
	for (i = 0; i < nhead; i++) {
		const tfs_diff_item *h = &head[i];
		tfs_diff_resource res;
		bool found = tfs_map_get(&by_address, h->address, &r) ||
		             (h->previous_address &&
		              tfs_map_get(&by_address, h->previous_address, &r));

		d->head_total += h->usd;
		S_group_add(d, &groups, &gcap, h, true);
		memset(&res, 0, sizeof(res));
		res.address = h->address;
		S_describe(&res, h);
		res.head_usd = h->usd;
		res.missing_prices = h->missing_prices;
		res.unknown_after_apply = h->unknown_after_apply;
		if (found && !matched[r]) {
			const tfs_diff_item *b = &base[r];
			matched[r] = true;
			res.base_usd = b->usd;
			res.missing_prices += b->missing_prices;
			if (strcmp(b->address, h->address) != 0)
				res.previous_address = b->address;
			if (b->attributes && h->attributes)
				S_changed_keys(d, &res, b->attributes, h->attributes);
			res.change = res.nchanged_keys || res.previous_address ||
			                     fabs(b->usd - h->usd) >= 5e-7
			                     ? TFS_CHANGE_CHANGED
			                     : TFS_CHANGE_UNCHANGED;
		} else {
			res.change = TFS_CHANGE_ADDED;
		}
		if (res.unknown_after_apply)
			d->unknown_after_apply++;
		if (res.change == TFS_CHANGE_UNCHANGED) {
			d->unchanged++;
			continue;
		}
		if (res.change == TFS_CHANGE_ADDED)
			d->added++;
		else
			d->changed++;
		tfs_grow(&d->resources, &cap, d->nresources + 1,
		         sizeof(*d->resources));
		d->resources[d->nresources++] = res;
	}
	for (i = 0; i < nbase; i++) {
		tfs_diff_resource res;
		if (matched[i])
			continue;
		memset(&res, 0, sizeof(res));
		res.change = TFS_CHANGE_REMOVED;
		res.address = base[i].address;
		S_describe(&res, &base[i]);
		res.base_usd = base[i].usd;
		res.missing_prices = base[i].missing_prices;
		d->removed++;
		tfs_grow(&d->resources, &cap, d->nresources + 1,
		         sizeof(*d->resources));
		d->resources[d->nresources++] = res;
	}
	tfs_sort(d->resources, d->nresources, sizeof(*d->resources),
	         S_cmp_resource);
	tfs_sort(d->groups, d->ngroups, sizeof(*d->groups), S_cmp_group);
	tfs_map_release(&by_address);
	tfs_map_release(&groups);
	free(matched);
}

/* ---- the checklist ---------------------------------------------------------- */

static bool S_failing(const tfs_finding *f)
{
	return f->status == TFS_STATUS_FAIL && !f->waiver;
}

static const char *S_key(tfs_arena *a, const tfs_finding *f)
{
	return tfs_arena_strfmt(a, "%s\x1f%s\x1f%s", f->check->id,
	                        f->address ? f->address : "",
	                        f->attribute ? f->attribute : "");
}

/* Failures of `of` whose key does not fail in `other`. */
static const tfs_finding **S_only(tfs_diff *d, const tfs_checks *of,
                                  const tfs_checks *other, size_t *count)
{
	const tfs_finding **out;
	tfs_map failing;
	size_t i, n = 0, v;

	tfs_map_init(&failing);
	for (i = 0; i < other->count; i++)
		if (S_failing(&other->findings[i]))
			tfs_map_put(&failing, S_key(&d->arena, &other->findings[i]), i);
	out = tfs_arena_alloc(&d->arena,
	                      tfs_mul_size(of->count + 1, sizeof(*out)));
	for (i = 0; i < of->count; i++)
		if (S_failing(&of->findings[i]) &&
		    !tfs_map_get(&failing, S_key(&d->arena, &of->findings[i]), &v))
			out[n++] = &of->findings[i];
	tfs_map_release(&failing);
	*count = n;
	return out;
}

static int S_cmp_new(const void *pa, const void *pb)
{
	const tfs_finding *a = *(const tfs_finding *const *)pa;
	const tfs_finding *b = *(const tfs_finding *const *)pb;

	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	/* findings keep catalogue order, then node order: keep it */
	return a < b ? -1 : a > b;
}

tfs_diff *tfs_diff_build(const tfs_diff_side *base, const tfs_diff_side *head,
                         const tfs_diff_options *o)
{
	tfs_diff *d = xcalloc(1, sizeof(*d));
	tfs_diff_options defaults;

	if (!o) {
		tfs_diff_options_init(&defaults);
		o = &defaults;
	}
	{
		size_t nb, nh;
		bool saved = !base->cost || !head->cost;
		const tfs_diff_item *b = S_side_items(d, base, o, saved, &nb);
		const tfs_diff_item *h = S_side_items(d, head, o, saved, &nh);
		S_resources(d, b, nb, h, nh);
	}
	if (base->checks && head->checks) {
		d->has_checks = true;
		d->new_failures = S_only(d, head->checks, base->checks,
		                         &d->nnew_failures);
		d->fixed = S_only(d, base->checks, head->checks, &d->nfixed);
		tfs_sort(d->new_failures, d->nnew_failures,
		         sizeof(*d->new_failures), S_cmp_new);
		tfs_sort(d->fixed, d->nfixed, sizeof(*d->fixed), S_cmp_new);
	}
	return d;
}

void tfs_diff_free(tfs_diff *d)
{
	if (!d)
		return;
	free(d->groups);
	free(d->resources);
	tfs_arena_release(&d->arena);
	free(d);
}

int tfs_diff_worst_new(const tfs_diff *d)
{
	int worst = -1;
	size_t i;
	for (i = 0; i < d->nnew_failures; i++)
		if ((int)d->new_failures[i]->severity > worst)
			worst = (int)d->new_failures[i]->severity;
	return worst;
}
