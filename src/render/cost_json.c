/* cost_json.c - `tfsight cost --format json`: a document that validates
 * against Infracost's published schema (one project per input file,
 * resource name = address, money as decimal strings), so the tools people
 * already feed with Infracost JSON can read tfsight's estimates.  Our own
 * facts (price keys, sources, usage sources, status) go in each resource's
 * free-form metadata, the only place the schema leaves open. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tfsight/render.h"


static void S_component(tfs_jw *w, const tfs_cost_component *k)
{
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "name");
	tfs_jw_string(w, k->name);
	tfs_jw_key(w, "unit");
	tfs_jw_string(w, k->unit);
	tfs_jw_key(w, "hourlyQuantity");
	if (k->has_quantity)
		tfs_jw_decimal(w, k->monthly_quantity / TFS_HOURS_PER_MONTH);
	else
		tfs_jw_null(w);
	tfs_jw_key(w, "monthlyQuantity");
	if (k->has_quantity)
		tfs_jw_decimal(w, k->monthly_quantity);
	else
		tfs_jw_null(w);
	tfs_jw_key(w, "price");
	if (k->price_row)
		tfs_jw_string(w, k->price_row->usd_text);
	else
		tfs_jw_null(w);
	tfs_jw_key(w, "hourlyCost");
	if (k->has_quantity && k->price_row)
		tfs_jw_decimal(w, k->monthly_cost / TFS_HOURS_PER_MONTH);
	else
		tfs_jw_null(w);
	tfs_jw_key(w, "monthlyCost");
	if (k->has_quantity && k->price_row)
		tfs_jw_decimal(w, k->monthly_cost);
	else
		tfs_jw_null(w);
	tfs_jw_key(w, "usageBased");
	tfs_jw_bool(w, k->usage_based);
	tfs_jw_key(w, "priceNotFound");
	tfs_jw_bool(w, k->price_row == NULL);
	tfs_jw_object_end(w);
}

static void S_resource(tfs_jw *w, const tfs_cost *c, const tfs_cost_resource *r)
{
	const tfs_node *n = &c->model->nodes[r->node];
	size_t i;

	tfs_jw_object_begin(w);
	tfs_jw_key(w, "name");
	tfs_jw_string(w, r->address);
	tfs_jw_key(w, "resourceType");
	tfs_jw_string(w, r->type);
	tfs_jw_key(w, "tags");
	tfs_jw_object_begin(w);
	for (i = 0; n->item && i < n->item->ntags; i++) {
		tfs_jw_key(w, n->item->tags[i].key);
		tfs_jw_string(w, n->item->tags[i].value);
	}
	tfs_jw_object_end(w);
	tfs_jw_key(w, "metadata");
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "tfsight");
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "status");
	tfs_jw_string(w, tfs_cost_status_name(r->status));
	tfs_jw_key(w, "note");
	tfs_jw_string(w, r->note);
	tfs_jw_key(w, "environment");
	tfs_jw_string(w, n->environment);
	if (r->region) {
		tfs_jw_key(w, "region");
		tfs_jw_string(w, r->region);
	}
	/* a priced resource's parent is what its estimate reads (a function
	 * for its provisioned concurrency), not what bills it */
	if (r->parent != TFS_NONE && r->status == TFS_COST_FREE) {
		tfs_jw_key(w, "billedWith");
		tfs_jw_string(w, c->model->nodes[r->parent].address);
	}
	tfs_jw_key(w, "components");
	tfs_jw_array_begin(w);
	for (i = 0; i < r->ncomponents; i++) {
		const tfs_cost_component *k = &r->components[i];
		tfs_jw_object_begin(w);
		tfs_jw_key(w, "priceKey");
		tfs_jw_string(w, k->price_key);
		tfs_jw_key(w, "priceEffective");
		tfs_jw_string(w, k->price_row ? k->price_row->effective_date : NULL);
		tfs_jw_key(w, "priceSource");
		tfs_jw_string(w, k->price_row ? k->price_row->source : NULL);
		tfs_jw_key(w, "usageSource");
		tfs_jw_string(w, k->usage_source);
		if (k->note) {
			tfs_jw_key(w, "note");
			tfs_jw_string(w, k->note);
		}
		tfs_jw_object_end(w);
	}
	tfs_jw_array_end(w);
	tfs_jw_object_end(w);
	tfs_jw_object_end(w);
	if (tfs_cost_excluded(r)) {
		/* listed, never priced at sa-east-1 rates */
		tfs_jw_key(w, "hourlyCost");
		tfs_jw_null(w);
		tfs_jw_key(w, "monthlyCost");
		tfs_jw_null(w);
		tfs_jw_key(w, "monthlyUsageCost");
		tfs_jw_null(w);
	}
	if (tfs_cost_has_components(r)) {
		tfs_jw_key(w, "hourlyCost");
		tfs_jw_decimal(w, r->monthly_cost / TFS_HOURS_PER_MONTH);
		tfs_jw_key(w, "monthlyCost");
		tfs_jw_decimal(w, r->monthly_cost);
		tfs_jw_key(w, "monthlyUsageCost");
		tfs_jw_decimal(w, r->monthly_usage_cost);
		tfs_jw_key(w, "costComponents");
		tfs_jw_array_begin(w);
		for (i = 0; i < r->ncomponents; i++)
			S_component(w, &r->components[i]);
		tfs_jw_array_end(w);
	}
	tfs_jw_object_end(w);
}


static void S_breakdown(tfs_jw *w, const tfs_cost *c, bool empty)
{
	size_t i;

	tfs_jw_object_begin(w);
	tfs_jw_key(w, "resources");
	tfs_jw_array_begin(w);
	for (i = 0; !empty && i < c->count; i++)
		if (tfs_cost_has_components(&c->resources[i]) ||
		    tfs_cost_excluded(&c->resources[i]))
			S_resource(w, c, &c->resources[i]);
	tfs_jw_array_end(w);
	tfs_jw_key(w, "freeResources");
	tfs_jw_array_begin(w);
	for (i = 0; !empty && i < c->count; i++)
		if (c->resources[i].status == TFS_COST_FREE)
			S_resource(w, c, &c->resources[i]);
	tfs_jw_array_end(w);
	tfs_jw_key(w, "totalHourlyCost");
	tfs_jw_decimal(w, empty ? 0 : c->total / TFS_HOURS_PER_MONTH);
	tfs_jw_key(w, "totalMonthlyCost");
	tfs_jw_decimal(w, empty ? 0 : c->total);
	tfs_jw_key(w, "totalMonthlyUsageCost");
	tfs_jw_decimal(w, empty ? 0 : c->usage_total);
	tfs_jw_object_end(w);
}

typedef struct {
	const char *type;
	size_t count;
} S_type_count;

static int S_type_cmp(const void *a, const void *b)
{
	return strcmp(((const S_type_count *)a)->type,
	              ((const S_type_count *)b)->type);
}

typedef bool (*S_filter)(const tfs_cost_resource *r);

static bool S_is_priced(const tfs_cost_resource *r)
{
	return tfs_cost_has_components(r);
}

static bool S_is_unsupported(const tfs_cost_resource *r)
{
	return r->status == TFS_COST_UNSUPPORTED;
}

static bool S_has_missing_price(const tfs_cost_resource *r)
{
	return r->missing_prices > 0;
}

static bool S_is_usage_based(const tfs_cost_resource *r)
{
	for (size_t k = 0; k < r->ncomponents; k++)
		if (r->components[k].usage_based)
			return true;
	return false;
}

static size_t S_count(const tfs_cost *const *costs, size_t n, S_filter keep)
{
	size_t total = 0;
	for (size_t f = 0; f < n; f++)
		for (size_t i = 0; i < costs[f]->count; i++)
			total += keep(&costs[f]->resources[i]);
	return total;
}

/* Counts by type of the resources keep() selects, sorted by type. */
static void S_counts(tfs_jw *w, const tfs_cost *const *costs, size_t n,
                     S_filter keep)
{
	S_type_count *tc = NULL;
	size_t ntc = 0, cap = 0, f, i, at;
	tfs_map index;

	tfs_map_init(&index);
	for (f = 0; f < n; f++)
		for (i = 0; i < costs[f]->count; i++) {
			const tfs_cost_resource *r = &costs[f]->resources[i];
			if (!keep(r))
				continue;
			if (tfs_map_get(&index, r->type, &at)) {
				tc[at].count++;
				continue;
			}
			tfs_grow(&tc, &cap, ntc + 1, sizeof(*tc));
			tc[ntc].type = r->type;
			tc[ntc].count = 1;
			tfs_map_put(&index, r->type, ntc++);
		}
	tfs_map_release(&index);
	tfs_sort(tc, ntc, sizeof(*tc), S_type_cmp);
	tfs_jw_object_begin(w);
	for (i = 0; i < ntc; i++) {
		tfs_jw_key(w, tc[i].type);
		tfs_jw_uint(w, tc[i].count);
	}
	tfs_jw_object_end(w);
	free(tc);
}

static void S_summary(tfs_jw *w, const tfs_cost *const *costs, size_t n)
{
	size_t all = 0;
	for (size_t f = 0; f < n; f++)
		all += costs[f]->count;
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "totalResources");
	tfs_jw_uint(w, all);
	tfs_jw_key(w, "totalDetectedResources");
	tfs_jw_uint(w, all);
	tfs_jw_key(w, "totalSupportedResources");
	tfs_jw_uint(w, S_count(costs, n, S_is_priced));
	tfs_jw_key(w, "totalUnsupportedResources");
	tfs_jw_uint(w, S_count(costs, n, S_is_unsupported));
	tfs_jw_key(w, "totalUsageBasedResources");
	tfs_jw_uint(w, S_count(costs, n, S_is_usage_based));
	tfs_jw_key(w, "totalNoPriceResources");
	tfs_jw_uint(w, S_count(costs, n, S_has_missing_price));
	tfs_jw_key(w, "supportedResourceCounts");
	S_counts(w, costs, n, S_is_priced);
	tfs_jw_key(w, "unsupportedResourceCounts");
	S_counts(w, costs, n, S_is_unsupported);
	tfs_jw_key(w, "noPriceResourceCounts");
	S_counts(w, costs, n, S_has_missing_price);
	tfs_jw_object_end(w);
}

/* What the total leaves out, as the schema's project warnings. */
static void S_warnings(tfs_jw *w, const tfs_cost *c)
{
	tfs_buf t;

	if (!c->n_other_region && !c->n_not_aws)
		return;
	tfs_buf_init(&t);
	tfs_excluded_phrase(&t, c->n_other_region, c->n_not_aws);
	tfs_buf_adds(&t, " not priced: the price tables are for sa-east-1 AWS "
	                 "only, so the total leaves them out");
	tfs_jw_key(w, "warnings");
	tfs_jw_array_begin(w);
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "code");
	tfs_jw_uint(w, 1);
	tfs_jw_key(w, "message");
	tfs_jw_string(w, t.data);
	tfs_jw_key(w, "data");
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "outsideRegion");
	tfs_jw_uint(w, c->n_other_region);
	tfs_jw_key(w, "notAws");
	tfs_jw_uint(w, c->n_not_aws);
	tfs_jw_object_end(w);
	tfs_jw_key(w, "isError");
	tfs_jw_bool(w, false);
	tfs_jw_object_end(w);
	tfs_jw_array_end(w);
	tfs_buf_release(&t);
}

/* RFC 3339 from SOURCE_DATE_EPOCH when set (reproducible output), else
 * the current time. */
static void S_time(tfs_jw *w, const char *epoch)
{
	char tmp[32];
	time_t t = time(NULL);
	struct tm tm;

	if (epoch && *epoch) {
		char *end;
		long long v = strtoll(epoch, &end, 10);
		if (!*end && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	strftime(tmp, sizeof(tmp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	tfs_jw_string(w, tmp);
}

void tfs_render_cost_json(const tfs_cost_set *set, const char *source_date_epoch,
                          tfs_buf *out)
{
	const tfs_cost *const *costs = (const tfs_cost *const *)set->items;
	double total = 0, usage = 0;
	size_t f;
	tfs_jw w;

	for (f = 0; f < set->count; f++) {
		total += costs[f]->total;
		usage += costs[f]->usage_total;
	}
	tfs_jw_init(&w, out);
	tfs_jw_object_begin(&w);
	tfs_jw_key(&w, "version");
	tfs_jw_string(&w, "0.2");
	tfs_jw_key(&w, "metadata");
	tfs_jw_object_begin(&w);
	{
		static const char *const VCS[] = {
			"vcsBranch", "vcsCommitSha", "vcsCommitAuthorName",
			"vcsCommitAuthorEmail", "vcsCommitTimestamp", "vcsCommitMessage",
		};
		tfs_jw_key(&w, "infracostCommand");
		tfs_jw_string(&w, "tfsight cost");
		for (size_t i = 0; i < sizeof(VCS) / sizeof(*VCS); i++) {
			tfs_jw_key(&w, VCS[i]);
			tfs_jw_string(&w, "");
		}
	}
	tfs_jw_object_end(&w);
	tfs_jw_key(&w, "currency");
	tfs_jw_string(&w, "USD");
	tfs_jw_key(&w, "projects");
	tfs_jw_array_begin(&w);
	for (f = 0; f < set->count; f++) {
		const tfs_cost *c = costs[f];
		const tfs_state *st = c->model->state;
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "name");
		tfs_jw_string(&w, st->source);
		tfs_jw_key(&w, "displayName");
		tfs_jw_string(&w, st->source);
		tfs_jw_key(&w, "metadata");
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "path");
		tfs_jw_string(&w, st->source);
		tfs_jw_key(&w, "type");
		tfs_jw_string(&w, st->format == TFS_FORMAT_PLAN_JSON
		                          ? "terraform_plan_json"
		                          : "terraform_state_json");
		S_warnings(&w, c);
		tfs_jw_object_end(&w);
		tfs_jw_key(&w, "pastBreakdown");
		S_breakdown(&w, c, true);
		tfs_jw_key(&w, "breakdown");
		S_breakdown(&w, c, false);
		tfs_jw_key(&w, "diff");
		S_breakdown(&w, c, false);
		tfs_jw_key(&w, "summary");
		S_summary(&w, &costs[f], 1);
		tfs_jw_object_end(&w);
	}
	tfs_jw_array_end(&w);
	tfs_jw_key(&w, "totalHourlyCost");
	tfs_jw_decimal(&w, total / TFS_HOURS_PER_MONTH);
	tfs_jw_key(&w, "totalMonthlyCost");
	tfs_jw_decimal(&w, total);
	tfs_jw_key(&w, "totalMonthlyUsageCost");
	tfs_jw_decimal(&w, usage);
	tfs_jw_key(&w, "pastTotalHourlyCost");
	tfs_jw_decimal(&w, 0);
	tfs_jw_key(&w, "pastTotalMonthlyCost");
	tfs_jw_decimal(&w, 0);
	tfs_jw_key(&w, "pastTotalMonthlyUsageCost");
	tfs_jw_decimal(&w, 0);
	tfs_jw_key(&w, "diffTotalHourlyCost");
	tfs_jw_decimal(&w, total / TFS_HOURS_PER_MONTH);
	tfs_jw_key(&w, "diffTotalMonthlyCost");
	tfs_jw_decimal(&w, total);
	tfs_jw_key(&w, "diffTotalMonthlyUsageCost");
	tfs_jw_decimal(&w, usage);
	tfs_jw_key(&w, "timeGenerated");
	S_time(&w, source_date_epoch);
	tfs_jw_key(&w, "summary");
	S_summary(&w, costs, set->count);
	tfs_jw_object_end(&w);
}
