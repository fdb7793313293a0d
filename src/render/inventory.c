/* inventory.c - `tfsight inventory` as a terminal table and as JSON. */
#include <string.h>

#include "tfsight/render.h"

/* ---- table ------------------------------------------------------------- */

enum { MAX_CELL = 60, NCOLS = 6 };

static const char *const HEADERS[NCOLS] = {
	"ADDRESS", "TYPE", "PROVIDER", "REGION", "STATUS", "TAGS",
};

static void S_cell(tfs_buf *b, const char *s)
{
	tfs_text_cell(b, s, MAX_CELL);
}

static void S_status(tfs_buf *b, const tfs_instance *in)
{
	if (in->action != TFS_ACTION_NONE && in->action != TFS_ACTION_NOOP)
		tfs_buf_adds(b, tfs_action_name(in->action));
	if (in->tainted)
		tfs_buf_addf(b, "%stainted", b->len ? "," : "");
	if (in->deposed)
		tfs_buf_addf(b, "%sdeposed", b->len ? "," : "");
	if (in->mode == TFS_MODE_DATA)
		tfs_buf_addf(b, "%sdata", b->len ? "," : "");
}

static void S_cells(const tfs_inventory_item *it, tfs_buf cells[NCOLS])
{
	const tfs_instance *in = it->inst;
	size_t t;

	for (t = 0; t < NCOLS; t++)
		tfs_buf_truncate(&cells[t], 0);
	S_cell(&cells[0], in->address);
	S_cell(&cells[1], in->type);
	tfs_buf_adds(&cells[2], tfs_provider_short_name(in->provider));
	if (in->provider_alias)
		tfs_buf_addf(&cells[2], ".%s", in->provider_alias);
	{
		tfs_buf tmp;
		tfs_buf_init(&tmp);
		tfs_buf_adds(&tmp, it->region);
		if (it->region_source == TFS_REGION_DEFAULT)
			tfs_buf_addc(&tmp, '*');
		S_cell(&cells[3], tmp.data);
		tfs_buf_release(&tmp);
	}
	{
		tfs_buf tmp;
		tfs_buf_init(&tmp);
		S_status(&tmp, in);
		tfs_buf_add(&cells[4], tmp.data, tmp.len);
		tfs_buf_release(&tmp);
	}
	{
		tfs_buf tmp;
		tfs_buf_init(&tmp);
		for (t = 0; t < it->ntags; t++)
			tfs_buf_addf(&tmp, "%s%s=%s", t ? "," : "", it->tags[t].key,
			             it->tags[t].value);
		S_cell(&cells[5], tmp.data);
		tfs_buf_release(&tmp);
	}
}

/* "and 12 more instances (all of them in ...)", for a list cut at
 * TFS_LIST_ROWS. */
static void S_more(tfs_buf *out, size_t n, const char *what)
{
	tfs_buf_addf(out, "... and %zu more %s (all of them in `tfsight "
	                  "inventory --format json`)\n",
	             n, what);
}

static void S_table(const tfs_inventory *inv, const char *default_region,
                    tfs_buf *out)
{
	size_t width[NCOLS], i, c;
	size_t shown = inv->count < TFS_LIST_ROWS ? inv->count : TFS_LIST_ROWS;
	tfs_buf cells[NCOLS];
	bool any_default = false;

	/* the columns are as wide as the rows shown need */
	for (c = 0; c < NCOLS; c++) {
		tfs_buf_init(&cells[c]);
		width[c] = strlen(HEADERS[c]);
	}
	for (i = 0; i < shown; i++) {
		S_cells(&inv->items[i], cells);
		for (c = 0; c < NCOLS; c++) {
			size_t w = tfs_utf8_width(cells[c].data);
			if (w > width[c])
				width[c] = w;
		}
		any_default |= inv->items[i].region_source == TFS_REGION_DEFAULT;
	}
	for (c = 0; c < NCOLS; c++) {
		tfs_buf_adds(out, HEADERS[c]);
		if (c + 1 < NCOLS)
			tfs_buf_pad(out, ' ', width[c] - strlen(HEADERS[c]) + 2);
	}
	tfs_buf_addc(out, '\n');
	for (i = 0; i < shown; i++) {
		size_t last = NCOLS - 1;
		S_cells(&inv->items[i], cells);
		while (last > 0 && cells[last].len == 0)
			last--;
		for (c = 0; c <= last; c++) {
			tfs_buf_add(out, cells[c].data, cells[c].len);
			if (c < last)
				tfs_buf_pad(out, ' ',
				            width[c] - tfs_utf8_width(cells[c].data) + 2);
		}
		tfs_buf_addc(out, '\n');
	}
	if (shown < inv->count)
		S_more(out, inv->count - shown, "instances");
	if (any_default)
		tfs_buf_addf(out, "\n* region not recorded in the state; assumed "
		                  "%s (--region)\n",
		             default_region);
	for (c = 0; c < NCOLS; c++)
		tfs_buf_release(&cells[c]);
}

static void S_types(const tfs_inventory *inv, tfs_buf *out)
{
	size_t width = 4, i;
	size_t shown = inv->ntypes < TFS_LIST_ROWS ? inv->ntypes : TFS_LIST_ROWS;

	for (i = 0; i < shown; i++) {
		size_t w = tfs_utf8_width(inv->types[i].type);
		if (w > width)
			width = w;
	}
	tfs_buf_adds(out, "\nTYPE");
	tfs_buf_pad(out, ' ', width - 4 + 2);
	tfs_buf_adds(out, "COUNT\n");
	for (i = 0; i < shown; i++) {
		tfs_buf_add_printable(out, inv->types[i].type);
		tfs_buf_pad(out, ' ',
		            width - tfs_utf8_width(inv->types[i].type) + 2);
		tfs_buf_addf(out, "%zu\n", inv->types[i].count);
	}
	if (shown < inv->ntypes)
		S_more(out, inv->ntypes - shown, "types");
}

void tfs_render_inventory_table(const tfs_inventory_set *set, tfs_buf *out)
{
	size_t f;

	for (f = 0; f < set->count; f++) {
		const tfs_inventory *inv = set->items[f];
		const tfs_state *st = inv->state;

		if (f)
			tfs_buf_addc(out, '\n');
		tfs_buf_add_printable(out, st->source);
		tfs_buf_addf(out, ": %s", tfs_input_format_name(st->format));
		if (st->terraform_version) {
			tfs_buf_adds(out, ", Terraform ");
			tfs_buf_add_printable(out, st->terraform_version);
		}
		if (st->has_serial)
			tfs_buf_addf(out, ", serial %llu", st->serial);
		tfs_buf_addf(out, ", %zu managed and %zu data instances\n\n",
		             inv->managed, inv->data);
		if (inv->count == 0) {
			tfs_buf_adds(out, "(no resources)\n");
			continue;
		}
		S_table(inv, set->default_region, out);
		S_types(inv, out);
	}
}

/* ---- JSON ---------------------------------------------------------------- */

static void S_json_item(tfs_jw *w, const tfs_inventory_item *it)
{
	const tfs_instance *in = it->inst;
	size_t i;

	tfs_jw_object_begin(w);
	tfs_jw_key(w, "address");
	tfs_jw_string(w, in->address);
	tfs_jw_key(w, "module");
	tfs_jw_string(w, in->module);
	tfs_jw_key(w, "mode");
	tfs_jw_string(w, in->mode == TFS_MODE_DATA ? "data" : "managed");
	tfs_jw_key(w, "type");
	tfs_jw_string(w, in->type);
	tfs_jw_key(w, "name");
	tfs_jw_string(w, in->name);
	tfs_jw_key(w, "index");
	switch (in->key.kind) {
	case TFS_KEY_NONE:
		tfs_jw_null(w);
		break;
	case TFS_KEY_INT:
		tfs_jw_int(w, in->key.num);
		break;
	case TFS_KEY_STRING:
		tfs_jw_string(w, in->key.str);
		break;
	}
	tfs_jw_key(w, "provider");
	tfs_jw_string(w, in->provider);
	tfs_jw_key(w, "providerAlias");
	tfs_jw_string(w, in->provider_alias);
	tfs_jw_key(w, "region");
	tfs_jw_string(w, it->region);
	tfs_jw_key(w, "regionSource");
	tfs_jw_string(w, tfs_region_source_name(it->region_source));
	tfs_jw_key(w, "account");
	tfs_jw_string(w, it->account);
	tfs_jw_key(w, "tags");
	tfs_jw_object_begin(w);
	for (i = 0; i < it->ntags; i++) {
		tfs_jw_key(w, it->tags[i].key);
		tfs_jw_string(w, it->tags[i].value);
	}
	tfs_jw_object_end(w);
	tfs_jw_key(w, "tainted");
	tfs_jw_bool(w, in->tainted);
	tfs_jw_key(w, "deposed");
	tfs_jw_string(w, in->deposed);
	if (in->action != TFS_ACTION_NONE) {
		tfs_jw_key(w, "action");
		tfs_jw_string(w, tfs_action_name(in->action));
	}
	tfs_jw_key(w, "sensitiveAttributes");
	tfs_jw_array_begin(w);
	for (i = 0; i < in->nsensitive; i++)
		tfs_jw_string(w, in->sensitive[i]);
	tfs_jw_array_end(w);
	tfs_jw_object_end(w);
}

void tfs_render_inventory_json(const tfs_inventory_set *set, tfs_buf *out)
{
	tfs_jw w;
	size_t f, i, total = 0;

	tfs_jw_init(&w, out);
	tfs_jw_object_begin(&w);
	tfs_jw_key(&w, "inputs");
	tfs_jw_array_begin(&w);
	for (f = 0; f < set->count; f++) {
		const tfs_inventory *inv = set->items[f];
		const tfs_state *st = inv->state;

		total += inv->count;
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "path");
		tfs_jw_string(&w, st->source);
		tfs_jw_key(&w, "format");
		tfs_jw_string(&w, tfs_input_format_name(st->format));
		tfs_jw_key(&w, "terraformVersion");
		tfs_jw_string(&w, st->terraform_version);
		tfs_jw_key(&w, "serial");
		if (st->has_serial)
			tfs_jw_uint(&w, st->serial);
		else
			tfs_jw_null(&w);
		tfs_jw_key(&w, "lineage");
		tfs_jw_string(&w, st->lineage);
		tfs_jw_key(&w, "instanceCount");
		tfs_jw_uint(&w, inv->count);
		if (st->format == TFS_FORMAT_PLAN_JSON) {
			tfs_jw_key(&w, "resourceChanges");
			tfs_jw_uint(&w, st->change_count);
			tfs_jw_key(&w, "priorInstanceCount");
			tfs_jw_uint(&w, st->prior.count);
		}
		tfs_jw_key(&w, "countsByType");
		tfs_jw_object_begin(&w);
		for (i = 0; i < inv->ntypes; i++) {
			tfs_jw_key(&w, inv->types[i].type);
			tfs_jw_uint(&w, inv->types[i].count);
		}
		tfs_jw_object_end(&w);
		tfs_jw_key(&w, "instances");
		tfs_jw_array_begin(&w);
		for (i = 0; i < inv->count; i++)
			S_json_item(&w, &inv->items[i]);
		tfs_jw_array_end(&w);
		tfs_jw_object_end(&w);
	}
	tfs_jw_array_end(&w);
	tfs_jw_key(&w, "totalInstances");
	tfs_jw_uint(&w, total);
	tfs_jw_object_end(&w);
}
