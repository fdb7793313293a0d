/* cost.c - `tfsight cost` as the tree people know from Infracost: each
 * resource, then its components with quantity, unit and monthly cost;
 * usage-based components marked with '*'. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tfsight/render.h"

/* prefix, thousands grouped by sep, cents after point, from an unrounded
 * amount; rounding happens here only.  Beyond 1e15 (where a long long of
 * cents would not be exact, and at last overflows) printf does the
 * rounding. */
static void S_money(tfs_buf *b, double v, const char *prefix, char sep,
                    char point)
{
	char digits[400]; /* DBL_MAX has 309 digits */
	const char *frac;
	size_t n, i;
	bool zero;

	if (!isfinite(v)) {
		tfs_buf_adds(b, prefix);
		tfs_buf_adds(b, "(too large)");
		return;
	}
	if (fabs(v) < 1e15) {
		long long cents = llround(fabs(v) * 100.0);
		snprintf(digits, sizeof(digits), "%lld.%02lld", cents / 100,
		         cents % 100);
	} else {
		snprintf(digits, sizeof(digits), "%.2f", fabs(v));
	}
	frac = strchr(digits, '.');
	n = (size_t)(frac - digits);
	zero = strcmp(digits, "0.00") == 0;
	if (v < 0 && !zero)
		tfs_buf_addc(b, '-');
	tfs_buf_adds(b, prefix);
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			tfs_buf_addc(b, sep);
		tfs_buf_addc(b, digits[i]);
	}
	tfs_buf_addc(b, point);
	tfs_buf_adds(b, frac + 1);
}

/* $1,234.56 */
void tfs_money(tfs_buf *b, double usd)
{
	S_money(b, usd, "$", ',', '.');
}

/* R$ 1.234,56 */
void tfs_money_brl(tfs_buf *b, double brl)
{
	S_money(b, brl, "R$ ", '.', ',');
}


enum { NAME_W = 66, QTY_W = 14, UNIT_W = 18, COST_W = 14 };

static void S_row(tfs_buf *out, const char *name, const char *qty,
                  const char *unit, const char *cost)
{
	size_t w = tfs_utf8_width(name);
	tfs_buf_adds(out, name);
	tfs_buf_pad(out, ' ', w < NAME_W ? NAME_W - w : 1);
	tfs_buf_pad(out, ' ', strlen(qty) < QTY_W ? QTY_W - strlen(qty) : 1);
	tfs_buf_adds(out, qty);
	tfs_buf_adds(out, "  ");
	tfs_buf_adds(out, unit);
	tfs_buf_pad(out, ' ', strlen(unit) < UNIT_W ? UNIT_W - strlen(unit) : 1);
	tfs_buf_pad(out, ' ', strlen(cost) < COST_W ? COST_W - strlen(cost) : 1);
	tfs_buf_adds(out, cost);
	tfs_buf_addc(out, '\n');
}

static void S_component(tfs_buf *out, const tfs_cost_component *k, bool last)
{
	tfs_buf name, qty, cost;

	tfs_buf_init(&name);
	tfs_buf_init(&qty);
	tfs_buf_init(&cost);
	tfs_buf_adds(&name, last ? " └─ " : " ├─ ");
	tfs_text_cell(&name, k->name, NAME_W - 8);
	if (k->usage_based)
		tfs_buf_adds(&name, " *");
	if (!k->price_row) {
		tfs_buf_adds(&cost, "price not found");
		if (k->has_quantity)
			tfs_decimal(&qty, k->monthly_quantity, 4);
	} else if (!k->has_quantity) {
		tfs_buf_adds(&cost, "depends on usage: $");
		tfs_buf_adds(&cost, k->price_row->usd_text);
		tfs_buf_adds(&cost, " per ");
		tfs_buf_adds(&cost, k->price_row->unit);
		/* no quantity column: the rate is the line's figure */
		tfs_buf_add(out, name.data, name.len);
		tfs_buf_adds(out, "  ");
		tfs_buf_add(out, cost.data, cost.len);
		tfs_buf_addc(out, '\n');
	} else {
		tfs_decimal(&qty, k->monthly_quantity, 4);
		tfs_money(&cost, k->monthly_cost);
	}
	if (k->has_quantity || !k->price_row)
		S_row(out, name.data, qty.data, k->unit, cost.data);
	if (k->note) {
		tfs_buf_adds(out, last ? "      " : " │    ");
		tfs_buf_add_printable(out, k->note);
		tfs_buf_addc(out, '\n');
	}
	tfs_buf_release(&name);
	tfs_buf_release(&qty);
	tfs_buf_release(&cost);
}

/* Most expensive first, then in the table's order (the array's). */
static int S_cmp_cost(const void *pa, const void *pb)
{
	const tfs_cost_resource *a = *(const tfs_cost_resource *const *)pa;
	const tfs_cost_resource *b = *(const tfs_cost_resource *const *)pb;
	if (a->monthly_cost != b->monthly_cost)
		return a->monthly_cost > b->monthly_cost ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Which priced resources the table shows: all of them, or, past
 * TFS_LIST_ROWS, the most expensive ones (still in the table's order, so
 * a cut table reads like a whole one).  NULL: all; else a flag per
 * resource, and *rest_usd what the others cost together. */
static bool *S_pick(const tfs_cost *c, size_t *nrest, double *rest_usd)
{
	const tfs_cost_resource **priced;
	bool *show;
	size_t n = 0, i;

	*nrest = 0;
	*rest_usd = 0;
	for (i = 0; i < c->count; i++)
		n += tfs_cost_has_components(&c->resources[i]);
	if (n <= TFS_LIST_ROWS)
		return NULL;
	priced = xcalloc(n, sizeof(*priced));
	n = 0;
	for (i = 0; i < c->count; i++)
		if (tfs_cost_has_components(&c->resources[i]))
			priced[n++] = &c->resources[i];
	tfs_sort(priced, n, sizeof(*priced), S_cmp_cost);
	show = xcalloc(c->count, sizeof(*show));
	for (i = 0; i < n; i++) {
		if (i < TFS_LIST_ROWS) {
			show[priced[i] - c->resources] = true;
			continue;
		}
		(*nrest)++;
		*rest_usd += priced[i]->monthly_cost;
	}
	free(priced);
	return show;
}

static void S_one(tfs_buf *out, const tfs_cost *c)
{
	size_t i, k, nrest, nunpriced = 0;
	double rest_usd;
	bool *show = S_pick(c, &nrest, &rest_usd);
	tfs_buf t;

	tfs_buf_add_printable(out, c->model->state->source);
	tfs_buf_adds(out, "\n\n");
	S_row(out, " Name", "Monthly qty", "Unit", "Monthly cost");
	tfs_buf_addc(out, '\n');
	for (i = 0; i < c->count; i++) {
		const tfs_cost_resource *r = &c->resources[i];
		if (!tfs_cost_has_components(r) || (show && !show[i]))
			continue;
		tfs_buf_addc(out, ' ');
		tfs_buf_add_printable(out, r->address);
		if (r->note) {
			tfs_buf_adds(out, "  (");
			tfs_buf_add_printable(out, r->note);
			tfs_buf_addc(out, ')');
		}
		tfs_buf_addc(out, '\n');
		for (k = 0; k < r->ncomponents; k++)
			S_component(out, &r->components[k], k + 1 == r->ncomponents);
		tfs_buf_addc(out, '\n');
	}
	free(show);
	tfs_buf_init(&t);
	if (nrest) {
		tfs_buf name;
		tfs_buf_init(&name);
		tfs_buf_addf(&name, " ... and %zu more resources", nrest);
		tfs_money(&t, rest_usd);
		S_row(out, name.data, "", "", t.data);
		tfs_buf_adds(out, "     none dearer than those above; all of them in "
		                  "`tfsight cost --format json`\n\n");
		tfs_buf_truncate(&t, 0);
		tfs_buf_release(&name);
	}
	tfs_money(&t, c->total);
	S_row(out, " OVERALL TOTAL", "", "", t.data);
	tfs_buf_truncate(&t, 0);
	if (tfs_excluded_phrase(&t, c->n_other_region, c->n_not_aws))
		tfs_buf_addf(out, " (excludes %s: not priced)\n", t.data);
	tfs_buf_release(&t);
	tfs_buf_addf(out, "\n %zu resources: %zu priced, ", c->count, c->n_priced);
	if (c->n_no_price)
		tfs_buf_addf(out, "%zu with a price missing, ", c->n_no_price);
	tfs_buf_addf(out, "%zu free, %zu not supported yet", c->n_free,
	             c->n_unsupported);
	if (c->n_other_region)
		tfs_buf_addf(out, ", %zu outside sa-east-1", c->n_other_region);
	if (c->n_not_aws)
		tfs_buf_addf(out, ", %zu not AWS", c->n_not_aws);
	tfs_buf_addf(out, "; %zu price%s missing; %zu usage-based "
	                  "component%s without usage (*: usage-based)\n",
	             c->missing_prices, c->missing_prices == 1 ? "" : "s",
	             c->pending_usage, c->pending_usage == 1 ? "" : "s");
	if (c->n_unsupported || c->n_other_region || c->n_not_aws) {
		tfs_buf_adds(out, "\n Not priced:\n");
		for (i = 0; i < c->count; i++) {
			const tfs_cost_resource *r = &c->resources[i];
			if (r->status != TFS_COST_UNSUPPORTED && !tfs_cost_excluded(r))
				continue;
			if (nunpriced++ >= TFS_LIST_ROWS)
				continue;
			tfs_buf_adds(out, "   ");
			tfs_buf_add_printable(out, r->address);
			tfs_buf_adds(out, ": ");
			tfs_buf_add_printable(out, r->note ? r->note : "");
			tfs_buf_addc(out, '\n');
		}
		if (nunpriced > TFS_LIST_ROWS)
			tfs_buf_addf(out, "   ... and %zu more (all of them in `tfsight "
			                  "inventory --format json`)\n",
			             nunpriced - TFS_LIST_ROWS);
	}
}

static void S_amount(tfs_buf *out, double usd, double rate)
{
	tfs_buf t;
	tfs_buf_init(&t);
	tfs_money(&t, usd);
	tfs_buf_pad(out, ' ', t.len < 14 ? 14 - t.len : 1);
	tfs_buf_add(out, t.data, t.len);
	if (rate > 0) {
		tfs_buf_truncate(&t, 0);
		tfs_money_brl(&t, usd * rate);
		tfs_buf_pad(out, ' ', t.len < 18 ? 18 - t.len : 1);
		tfs_buf_add(out, t.data, t.len);
	}
	tfs_buf_release(&t);
}

static void S_rollups(tfs_buf *out, const tfs_rollups *r, double rate)
{
	for (size_t d = 0; d < TFS_ROLLUP_DIMENSIONS; d++) {
		const tfs_rollup *ru = &r->by[d];
		double rest = 0;
		tfs_buf_addf(out, "\n By %s\n", ru->dimension);
		for (size_t i = 0; i < ru->count; i++) {
			size_t w;
			if (i >= TFS_LIST_ROWS) {
				rest += ru->lines[i].usd; /* lines come dearest first */
				continue;
			}
			tfs_buf_adds(out, "   ");
			{
				tfs_buf cell;
				tfs_buf_init(&cell);
				tfs_text_cell(&cell, ru->lines[i].key, 44);
				w = tfs_utf8_width(cell.data);
				tfs_buf_add(out, cell.data, cell.len);
				tfs_buf_release(&cell);
			}
			tfs_buf_pad(out, ' ', w < 44 ? 44 - w : 1);
			S_amount(out, ru->lines[i].usd, rate);
			tfs_buf_addc(out, '\n');
		}
		if (ru->count > TFS_LIST_ROWS) {
			char more[64];
			snprintf(more, sizeof(more), "... and %zu more",
			         ru->count - TFS_LIST_ROWS);
			tfs_buf_adds(out, "   ");
			tfs_buf_adds(out, more);
			tfs_buf_pad(out, ' ', 44 - strlen(more));
			S_amount(out, rest, rate);
			tfs_buf_adds(out, "\n   (all of them in `tfsight cost --format "
			                  "rollup-json`)\n");
		}
	}
	tfs_buf_adds(out, "\n   ");
	tfs_buf_adds(out, "Total");
	tfs_buf_pad(out, ' ', 44 - 5);
	S_amount(out, r->total, rate);
	tfs_buf_addc(out, '\n');
	if (rate > 0)
		tfs_buf_addf(out, "\n Reais at %.4f BRL per USD (--exchange-rate)\n",
		             rate);
}

void tfs_render_cost_table(const tfs_cost_set *set, tfs_buf *out)
{
	for (size_t f = 0; f < set->count; f++) {
		if (f)
			tfs_buf_addc(out, '\n');
		S_one(out, set->items[f]);
	}
	if (set->rollups)
		S_rollups(out, set->rollups, set->brl_per_usd);
}

/* ---- roll-up JSON --------------------------------------------------------- */


static void S_money_fields(tfs_jw *w, double usd, double rate)
{
	tfs_jw_key(w, "monthlyCostUsd");
	tfs_jw_decimal(w, usd);
	if (rate > 0) {
		tfs_jw_key(w, "monthlyCostBrl");
		tfs_jw_decimal(w, usd * rate);
	}
}

void tfs_render_cost_rollup_json(const tfs_cost_set *set, tfs_buf *out)
{
	const tfs_rollups *r = set->rollups;
	double rate = set->brl_per_usd;
	tfs_jw w;
	size_t f;

	tfs_jw_init(&w, out);
	tfs_jw_object_begin(&w);
	tfs_jw_key(&w, "exchangeRate");
	if (rate > 0) {
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "from");
		tfs_jw_string(&w, "USD");
		tfs_jw_key(&w, "to");
		tfs_jw_string(&w, "BRL");
		tfs_jw_key(&w, "rate");
		tfs_jw_decimal(&w, rate);
		tfs_jw_object_end(&w);
	} else {
		tfs_jw_null(&w);
	}
	tfs_jw_key(&w, "inputs");
	tfs_jw_array_begin(&w);
	for (f = 0; f < set->count; f++) {
		const tfs_cost *c = set->items[f];
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "path");
		tfs_jw_string(&w, c->model->state->source);
		S_money_fields(&w, c->total, rate);
		tfs_jw_key(&w, "resources");
		tfs_jw_uint(&w, c->count);
		tfs_jw_key(&w, "priced");
		tfs_jw_uint(&w, c->n_priced);
		tfs_jw_key(&w, "free");
		tfs_jw_uint(&w, c->n_free);
		tfs_jw_key(&w, "unsupported");
		tfs_jw_uint(&w, c->n_unsupported);
		tfs_jw_key(&w, "priceNotFound");
		tfs_jw_uint(&w, c->n_no_price);
		tfs_jw_key(&w, "outsideRegion");
		tfs_jw_uint(&w, c->n_other_region);
		tfs_jw_key(&w, "notAws");
		tfs_jw_uint(&w, c->n_not_aws);
		tfs_jw_key(&w, "missingPrices");
		tfs_jw_uint(&w, c->missing_prices);
		tfs_jw_key(&w, "pendingUsage");
		tfs_jw_uint(&w, c->pending_usage);
		tfs_jw_object_end(&w);
	}
	tfs_jw_array_end(&w);
	tfs_jw_key(&w, "total");
	tfs_jw_object_begin(&w);
	S_money_fields(&w, r ? r->total : 0, rate);
	tfs_jw_object_end(&w);
	tfs_jw_key(&w, "rollups");
	tfs_jw_object_begin(&w);
	for (size_t d = 0; r && d < TFS_ROLLUP_DIMENSIONS; d++) {
		tfs_jw_key(&w, r->by[d].dimension);
		tfs_jw_array_begin(&w);
		for (size_t i = 0; i < r->by[d].count; i++) {
			tfs_jw_object_begin(&w);
			tfs_jw_key(&w, "key");
			tfs_jw_string(&w, r->by[d].lines[i].key);
			S_money_fields(&w, r->by[d].lines[i].usd, rate);
			tfs_jw_key(&w, "resources");
			tfs_jw_uint(&w, r->by[d].lines[i].resources);
			tfs_jw_object_end(&w);
		}
		tfs_jw_array_end(&w);
	}
	tfs_jw_object_end(&w);
	tfs_jw_object_end(&w);
}
