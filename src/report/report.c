/* report.c - the figures the report shows, decided once for the HTML page
 * and the Markdown summary: totals and counts, the largest resources, the
 * savings the checks found, the change since a baseline by environment,
 * service and owner, and the environment comparison. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tfsight/report.h"

void tfs_report_options_init(tfs_report_options *o)
{
	memset(o, 0, sizeof(*o));
	o->project_tag = "Project";
	o->owner_tag = "Owner";
}

static int S_cmp_largest(const void *pa, const void *pb)
{
	const tfs_report_resource *a = pa, *b = pb;
	if (a->res->monthly_cost != b->res->monthly_cost)
		return a->res->monthly_cost > b->res->monthly_cost ? -1 : 1;
	if (a->stack != b->stack)
		return a->stack < b->stack ? -1 : 1;
	return strcmp(a->res->address, b->res->address);
}

static void S_largest(tfs_report *r)
{
	tfs_report_resource *all;
	size_t n = 0, i, k;

	for (i = 0; i < r->nstacks; i++)
		n += r->stacks[i].cost->count;
	all = xcalloc(n + 1, sizeof(*all));
	n = 0;
	for (i = 0; i < r->nstacks; i++)
		for (k = 0; k < r->stacks[i].cost->count; k++) {
			const tfs_cost_resource *res = &r->stacks[i].cost->resources[k];
			if (!tfs_cost_has_components(res) || res->monthly_cost <= 0)
				continue;
			all[n].stack = i;
			all[n].res = res;
			n++;
		}
	tfs_sort(all, n, sizeof(*all), S_cmp_largest);
	r->nlargest = n < TFS_REPORT_LARGEST ? n : TFS_REPORT_LARGEST;
	r->largest = tfs_arena_alloc(&r->arena,
	                             (r->nlargest + 1) * sizeof(*r->largest));
	memcpy(r->largest, all, r->nlargest * sizeof(*all));
	free(all);
}

static int S_cmp_saving(const void *pa, const void *pb)
{
	const tfs_report_saving *a = pa, *b = pb;
	if (a->finding->monthly_saving != b->finding->monthly_saving)
		return a->finding->monthly_saving > b->finding->monthly_saving ? -1
		                                                                : 1;
	if (a->stack != b->stack)
		return a->stack < b->stack ? -1 : 1;
	return a->finding < b->finding ? -1 : a->finding > b->finding;
}

static void S_savings(tfs_report *r)
{
	size_t i, k, n = 0;

	for (i = 0; i < r->nstacks; i++)
		n += r->stacks[i].checks->count;
	r->savings = tfs_arena_alloc(&r->arena, (n + 1) * sizeof(*r->savings));
	for (i = 0; i < r->nstacks; i++) {
		const tfs_checks *c = r->stacks[i].checks;
		for (k = 0; k < c->count; k++) {
			const tfs_finding *f = &c->findings[k];
			if (f->status != TFS_STATUS_FAIL || f->waiver || !f->has_saving ||
			    f->monthly_saving < 0.005)
				continue;
			r->savings[r->nsavings].stack = i;
			r->savings[r->nsavings].finding = f;
			r->nsavings++;
			r->savings_total += f->monthly_saving;
		}
	}
	tfs_sort(r->savings, r->nsavings, sizeof(*r->savings), S_cmp_saving);
}

/* ---- the change since the baseline ------------------------------------------ */

static int S_cmp_move(const void *pa, const void *pb)
{
	const tfs_report_move *a = pa, *b = pb;
	double da = fabs(a->head_usd - a->base_usd);
	double db = fabs(b->head_usd - b->base_usd);
	if (da != db)
		return da > db ? -1 : 1;
	return strcmp(a->key, b->key);
}

static void S_moves_by(tfs_report *r, tfs_report_moves *mv,
                       const char *dimension, size_t which)
{
	const tfs_diff *d = r->opt.baseline;
	tfs_map index;
	size_t i, cap = 0, g;

	mv->dimension = dimension;
	tfs_map_init(&index);
	for (i = 0; i < d->nresources; i++) {
		const tfs_diff_resource *res = &d->resources[i];
		const char *key = which == 0   ? res->environment
		                  : which == 1 ? res->service
		                               : res->owner;
		if (!key)
			key = TFS_UNTAGGED;
		if (!tfs_map_get(&index, key, &g)) {
			g = mv->count++;
			tfs_grow(&mv->lines, &cap, mv->count, sizeof(*mv->lines));
			memset(&mv->lines[g], 0, sizeof(mv->lines[g]));
			mv->lines[g].key = key;
			tfs_map_put(&index, key, g);
		}
		mv->lines[g].base_usd += res->base_usd;
		mv->lines[g].head_usd += res->head_usd;
	}
	tfs_map_release(&index);
	tfs_sort(mv->lines, mv->count, sizeof(*mv->lines), S_cmp_move);
}

static void S_movers(tfs_report *r)
{
	const tfs_diff *d = r->opt.baseline;
	size_t i;

	/* resources come largest change first */
	r->movers_up = tfs_arena_alloc(&r->arena, 11 * sizeof(*r->movers_up));
	r->movers_down = tfs_arena_alloc(&r->arena, 11 * sizeof(*r->movers_down));
	for (i = 0; i < d->nresources; i++) {
		const tfs_diff_resource *res = &d->resources[i];
		double delta = res->head_usd - res->base_usd;
		if (delta >= 0.005 && r->nmovers_up < 10)
			r->movers_up[r->nmovers_up++] = res;
		else if (delta <= -0.005 && r->nmovers_down < 10)
			r->movers_down[r->nmovers_down++] = res;
	}
}

/* ---- the environment comparison ---------------------------------------------- */

static int S_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void S_parity(tfs_report *r)
{
	size_t nchecks = r->stacks[0].checks->nsummary, i, k, ntypes = 0, cap;
	const char **types;
	tfs_map seen;

	/* the resource types of every stack, sorted */
	tfs_map_init(&seen);
	cap = 1;
	for (i = 0; i < r->nstacks; i++)
		cap += r->stacks[i].model->inv->ntypes;
	types = xcalloc(cap, sizeof(*types));
	for (i = 0; i < r->nstacks; i++) {
		const tfs_inventory *inv = r->stacks[i].model->inv;
		for (k = 0; k < inv->ntypes; k++)
			if (tfs_map_add(&seen, inv->types[k].type, 0))
				types[ntypes++] = inv->types[k].type;
	}
	tfs_sort(types, ntypes, sizeof(*types), S_cmp_str);
	r->parity = tfs_arena_alloc(
		&r->arena, (nchecks + ntypes + 1) * sizeof(*r->parity));
	for (k = 0; k < nchecks; k++) {
		tfs_report_parity *p = &r->parity[r->nparity++];
		memset(p, 0, sizeof(*p));
		p->what = r->stacks[0].checks->summary[k].check->id;
		p->is_check = true;
		p->checks = tfs_arena_alloc(&r->arena,
		                            r->nstacks * sizeof(*p->checks));
		for (i = 0; i < r->nstacks; i++) {
			p->checks[i] = &r->stacks[i].checks->summary[k];
			if (p->checks[i]->status != p->checks[0]->status)
				p->differs = true;
		}
	}
	for (k = 0; k < ntypes; k++) {
		tfs_report_parity *p = &r->parity[r->nparity++];
		memset(p, 0, sizeof(*p));
		p->what = types[k];
		p->counts = tfs_arena_alloc(&r->arena,
		                            r->nstacks * sizeof(*p->counts));
		memset(p->counts, 0, r->nstacks * sizeof(*p->counts));
		for (i = 0; i < r->nstacks; i++) {
			const tfs_inventory *inv = r->stacks[i].model->inv;
			size_t t;
			for (t = 0; t < inv->ntypes; t++)
				if (strcmp(inv->types[t].type, types[k]) == 0)
					p->counts[i] = inv->types[t].count;
			if (p->counts[i] != p->counts[0])
				p->differs = true;
		}
	}
	free(types);
	tfs_map_release(&seen);
}

tfs_report *tfs_report_build(const tfs_report_stack *stacks, size_t n,
                             const tfs_report_options *o)
{
	tfs_report *r = xcalloc(1, sizeof(*r));
	tfs_cost **costs;
	size_t i, s;

	r->opt = *o;
	r->nstacks = n;
	r->stacks = tfs_arena_alloc(&r->arena, (n + 1) * sizeof(*r->stacks));
	memcpy(r->stacks, stacks, n * sizeof(*stacks));
	costs = xcalloc(n + 1, sizeof(*costs));
	for (i = 0; i < n; i++) {
		const tfs_cost *c = stacks[i].cost;
		const tfs_checks *k = stacks[i].checks;
		r->stacks[i].environment = tfs_model_main_env(stacks[i].model);
		r->total += c->total;
		r->n_priced += c->n_priced;
		r->n_free += c->n_free;
		r->n_unsupported += c->n_unsupported;
		r->n_no_price += c->n_no_price;
		r->n_other_region += c->n_other_region;
		r->n_not_aws += c->n_not_aws;
		r->missing_prices += c->missing_prices;
		r->pending_usage += c->pending_usage;
		r->checks_passed += k->checks_passed;
		r->checks_decided += k->checks_decided;
		for (s = 0; s < TFS_SEV_COUNT; s++)
			r->failed[s] += k->failed[s];
		costs[i] = (tfs_cost *)(uintptr_t)c;
	}
	r->rollups = tfs_cost_rollups(costs, n, o->project_tag, o->owner_tag);
	free(costs);
	S_largest(r);
	S_savings(r);
	if (o->baseline) {
		S_moves_by(r, &r->moves[0], "environment", 0);
		S_moves_by(r, &r->moves[1], "service", 1);
		S_moves_by(r, &r->moves[2], "owner", 2);
		S_movers(r);
	}
	if (n > 1)
		S_parity(r);
	return r;
}

void tfs_report_free(tfs_report *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < TFS_REPORT_MOVE_DIMENSIONS; i++)
		free(r->moves[i].lines);
	tfs_rollups_free(r->rollups);
	tfs_arena_release(&r->arena);
	free(r);
}
