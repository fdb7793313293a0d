/* cost.c - `tfsight cost` as the tree people know from Infracost: each
 * resource, then its components with quantity, unit and monthly cost;
 * usage-based components marked with '*'. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tfsight/render.h"

/* $1,234.56 from unrounded dollars; rounding happens here only. */
void tfs_money(tfs_buf *b, double usd)
{
	char digits[64];
	long long cents = llround(fabs(usd) * 100.0);
	size_t n, i;

	snprintf(digits, sizeof(digits), "%lld", cents / 100);
	n = strlen(digits);
	if (usd < 0 && cents)
		tfs_buf_addc(b, '-');
	tfs_buf_addc(b, '$');
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			tfs_buf_addc(b, ',');
		tfs_buf_addc(b, digits[i]);
	}
	tfs_buf_addf(b, ".%02lld", cents % 100);
}

/* A quantity with at most four decimals, trailing zeros dropped. */
static void S_quantity(tfs_buf *b, double q)
{
	char tmp[64];
	size_t n;

	snprintf(tmp, sizeof(tmp), "%.4f", q);
	n = strlen(tmp);
	while (n > 0 && tmp[n - 1] == '0')
		tmp[--n] = '\0';
	if (n > 0 && tmp[n - 1] == '.')
		tmp[--n] = '\0';
	tfs_buf_adds(b, tmp);
}

enum { NAME_W = 58, QTY_W = 14, UNIT_W = 18, COST_W = 14 };

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
			S_quantity(&qty, k->monthly_quantity);
	} else if (!k->has_quantity) {
		tfs_buf_adds(&cost, "depends on usage: $");
		tfs_buf_adds(&cost, k->price_row->usd_text);
		tfs_buf_adds(&cost, " per ");
		tfs_buf_adds(&cost, k->price_row->unit);
		tfs_buf_add(out, name.data, name.len);
		tfs_buf_adds(out, "  ");
		tfs_buf_add(out, cost.data, cost.len);
		tfs_buf_addc(out, '\n');
		goto done;
	} else {
		S_quantity(&qty, k->monthly_quantity);
		tfs_money(&cost, k->monthly_cost);
	}
	S_row(out, name.data, qty.data, k->unit, cost.data);
done:
	tfs_buf_release(&name);
	tfs_buf_release(&qty);
	tfs_buf_release(&cost);
}

static void S_one(tfs_buf *out, const tfs_cost *c)
{
	size_t i, k;
	tfs_buf t;

	tfs_buf_add_printable(out, c->model->state->source);
	tfs_buf_adds(out, "\n\n");
	S_row(out, " Name", "Monthly qty", "Unit", "Monthly cost");
	tfs_buf_addc(out, '\n');
	for (i = 0; i < c->count; i++) {
		const tfs_cost_resource *r = &c->resources[i];
		if (r->status != TFS_COST_PRICED || r->ncomponents == 0)
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
	tfs_buf_init(&t);
	tfs_money(&t, c->total);
	S_row(out, " OVERALL TOTAL", "", "", t.data);
	tfs_buf_release(&t);
	tfs_buf_addf(out, "\n %zu resources: %zu priced, %zu free, %zu not "
	                  "supported yet",
	             c->count, c->n_priced, c->n_free, c->n_unsupported);
	tfs_buf_addf(out, "; %zu price%s missing; %zu usage-based "
	                  "component%s without usage (*: usage-based)\n",
	             c->missing_prices, c->missing_prices == 1 ? "" : "s",
	             c->pending_usage, c->pending_usage == 1 ? "" : "s");
	if (c->n_unsupported) {
		tfs_buf_adds(out, "\n Not priced:\n");
		for (i = 0; i < c->count; i++) {
			const tfs_cost_resource *r = &c->resources[i];
			if (r->status != TFS_COST_UNSUPPORTED)
				continue;
			tfs_buf_adds(out, "   ");
			tfs_buf_add_printable(out, r->address);
			tfs_buf_adds(out, ": ");
			tfs_buf_add_printable(out, r->note ? r->note : "");
			tfs_buf_addc(out, '\n');
		}
	}
}

void tfs_render_cost_table(const tfs_cost_set *set, tfs_buf *out)
{
	for (size_t f = 0; f < set->count; f++) {
		if (f)
			tfs_buf_addc(out, '\n');
		S_one(out, set->items[f]);
	}
}
