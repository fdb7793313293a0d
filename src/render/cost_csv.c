/* cost_csv.c - `tfsight cost --format csv`: one row per cost component,
 * with FinOps FOCUS column names where the concept is the same and
 * tfsight's own columns prefixed x_, as FOCUS asks.  No billing-period
 * columns: an estimate has no period, and output carries no timestamp. */
#include <stdio.h>
#include <string.h>

#include "tfsight/render.h"

void tfs_csv_field(tfs_buf *b, const char *s)
{
	bool quote = false;
	const char *p;

	if (!s)
		return;
	/* A leading = + - @ (or tab, CR) makes spreadsheets run a formula: a
	 * tag value must stay text. */
	if (strchr("=+-@\t\r", s[0]) && s[0]) {
		tfs_buf_adds(b, "\"'");
		quote = true;
	} else {
		for (p = s; *p && !quote; p++)
			quote = *p == ',' || *p == '"' || *p == '\n' || *p == '\r';
		if (quote)
			tfs_buf_addc(b, '"');
	}
	/* Control characters other than tab and line feed (ESC, BEL, CR, ...)
	 * would reach a terminal that shows the file: replaced, as in the
	 * other renderers. */
	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		unsigned cp;
		size_t n = tfs_utf8_hidden((const unsigned char *)p, &cp);
		if (n) { /* bidi and C1 controls: shown, as everywhere */
			tfs_buf_add_codepoint(b, cp);
			p += n - 1;
			continue;
		}
		if (c == '"')
			tfs_buf_addc(b, '"');
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			c = '?';
		tfs_buf_addc(b, (char)c);
	}
	if (quote)
		tfs_buf_addc(b, '"');
}


static const char *S_service_category(tfs_category c)
{
	switch (c) {
	case TFS_CAT_COMPUTE:
		return "Compute";
	case TFS_CAT_DATABASE:
		return "Databases";
	case TFS_CAT_STORAGE:
		return "Storage";
	case TFS_CAT_NETWORKING:
		return "Networking";
	case TFS_CAT_MANAGEMENT:
		return "Management and Governance";
	case TFS_CAT_SECURITY:
		return "Security";
	case TFS_CAT_GENERAL:
		break;
	}
	return "Other";
}

static const char *const COLUMNS =
	"ResourceId,ResourceName,ResourceType,RegionId,SubAccountId,"
	"ServiceCategory,ChargeCategory,ChargeDescription,PricingQuantity,"
	"PricingUnit,ListUnitPrice,ListCost,EffectiveCost,BillingCurrency,Tags,"
	"x_ResourceAddress,x_Environment,x_PriceKey,x_UsageBased,"
	"x_PriceNotFound,x_UsageSource,x_Status,x_Note\n";

/* A resource left out of the estimate gets one row without a quantity or
 * a cost, so a spreadsheet of the CSV sees it. */
static const tfs_cost_component S_NOT_PRICED = {
	"not priced", NULL, 0, false, false, NULL, NULL, NULL, 0, NULL,
};

static void S_row(tfs_buf *out, const tfs_cost *c, const tfs_cost_resource *r,
                  const tfs_cost_component *k)
{
	const tfs_node *n = &c->model->nodes[r->node];
	tfs_buf tags;
	size_t t;

	tfs_csv_field(out, r->resource_id);
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, n->label);
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, r->type);
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, n->item ? n->item->region : NULL);
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, n->item ? n->item->account : NULL);
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, S_service_category(tfs_kind_category(n->kind)));
	tfs_buf_adds(out, ",Usage,");
	tfs_csv_field(out, k->name);
	tfs_buf_addc(out, ',');
	if (k->has_quantity)
		tfs_decimal(out, k->monthly_quantity, 10);
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, k->unit);
	tfs_buf_addc(out, ',');
	if (k->price_row)
		tfs_buf_adds(out, k->price_row->usd_text);
	tfs_buf_addc(out, ',');
	if (k->has_quantity && k->price_row)
		tfs_decimal(out, k->monthly_cost, 10);
	tfs_buf_addc(out, ',');
	if (k->has_quantity && k->price_row)
		tfs_decimal(out, k->monthly_cost, 10);
	tfs_buf_adds(out, ",USD,");
	tfs_buf_init(&tags);
	if (n->item && n->item->ntags) {
		tfs_buf_addc(&tags, '{');
		for (t = 0; t < n->item->ntags; t++) {
			if (t)
				tfs_buf_addc(&tags, ',');
			tfs_json_escape(&tags, n->item->tags[t].key);
			tfs_buf_addc(&tags, ':');
			tfs_json_escape(&tags, n->item->tags[t].value);
		}
		tfs_buf_addc(&tags, '}');
	}
	tfs_csv_field(out, tags.data);
	tfs_buf_release(&tags);
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, r->address);
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, n->environment);
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, k->price_key);
	tfs_buf_adds(out, k->usage_based ? ",true," : ",false,");
	tfs_buf_adds(out, k->price_row ? "false," : "true,");
	tfs_csv_field(out, k->usage_source);
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, tfs_cost_status_name(r->status));
	tfs_buf_addc(out, ',');
	tfs_csv_field(out, k->note ? k->note : r->note);
	tfs_buf_addc(out, '\n');
}

void tfs_render_cost_csv(const tfs_cost_set *set, tfs_buf *out)
{
	tfs_buf_adds(out, COLUMNS);
	for (size_t f = 0; f < set->count; f++) {
		const tfs_cost *c = set->items[f];
		for (size_t i = 0; i < c->count; i++) {
			if (tfs_cost_excluded(&c->resources[i]))
				S_row(out, c, &c->resources[i], &S_NOT_PRICED);
			for (size_t k = 0; k < c->resources[i].ncomponents; k++)
				S_row(out, c, &c->resources[i],
				      &c->resources[i].components[k]);
		}
	}
}
