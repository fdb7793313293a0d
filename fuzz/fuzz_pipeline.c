/* fuzz_pipeline.c - libFuzzer target: the whole pipeline on one input.
 *
 * state -> inventory -> model (invariants hold) -> cost (bundled prices)
 * -> checks -> every renderer into a memory buffer: inventory, topology,
 * cost table/json/csv/roll-ups, checks table/json/sarif/junit, the diagram
 * (layout invariants hold, SVG of page 0), and a diff of the state with
 * itself (and, for a plan, of its prior state with it) as Markdown and
 * JSON.
 *
 * Properties asserted on every output:
 *   - a secret never gets out: when "TFSIGHT-CANARY" is in the input but
 *     no longer anywhere the later stages can see (the redacted
 *     attributes and the instance fields), no output may contain it;
 *   - no ESC, BEL or CR byte reaches an output (they would reach a
 *     terminal raw).
 *
 * TFSIGHT_FUZZ_NO_SVG=1 skips the cairo SVG rendering (the layout and its
 * check still run), for faster runs.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tfsight/check.h"
#include "tfsight/cost.h"
#include "tfsight/diagram.h"
#include "tfsight/diff.h"
#include "tfsight/inventory.h"
#include "tfsight/model.h"
#include "tfsight/render.h"
#include "tfsight/state.h"

#define CANARY "TFSIGHT-CANARY"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool S_has(const void *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle), i;

	if (n < m)
		return false;
	for (i = 0; i + m <= n; i++)
		if (memcmp((const char *)hay + i, needle, m) == 0)
			return true;
	return false;
}

static void S_fail(const char *what, const char *why)
{
	fprintf(stderr, "fuzz_pipeline: %s: %s\n", what, why);
	abort();
}

/* Check one output and empty the buffer for the next renderer. */
static void S_out(tfs_buf *b, const char *what, bool secret_gone)
{
	size_t i;

	if (secret_gone && S_has(b->data, b->len, CANARY))
		S_fail(what, "a redacted secret reached the output");
	for (i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->data[i];
		if (c == 0x1b || c == 0x07 || c == '\r')
			S_fail(what, "a control character reached the output");
	}
	tfs_buf_truncate(b, 0);
}

static void S_add_str(tfs_buf *b, const char *s)
{
	if (s) {
		tfs_buf_adds(b, s);
		tfs_buf_addc(b, '\n');
	}
}

static void S_add_json(tfs_buf *b, const json_t *v)
{
	char *s;

	if (!v)
		return;
	s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	/* json_dumps escapes nothing in "TFSIGHT-CANARY" (plain ASCII) */
	if (s) {
		tfs_buf_adds(b, s);
		free(s);
	}
	tfs_buf_addc(b, '\n');
}

static void S_add_list(tfs_buf *b, const tfs_instance_list *l)
{
	size_t i, j;

	for (i = 0; i < l->count; i++) {
		const tfs_instance *x = &l->items[i];
		S_add_str(b, x->address);
		S_add_str(b, x->module);
		S_add_str(b, x->type);
		S_add_str(b, x->name);
		S_add_str(b, x->key.str);
		S_add_str(b, x->provider);
		S_add_str(b, x->provider_alias);
		S_add_str(b, x->deposed);
		S_add_str(b, x->previous_address);
		S_add_json(b, x->attributes);
		S_add_json(b, x->unknown);
		for (j = 0; j < x->ndepends; j++)
			S_add_str(b, x->depends[j]);
		for (j = 0; j < x->nsensitive; j++)
			S_add_str(b, x->sensitive[j]);
	}
}

/* Whether the canary was in the input and the reader removed every copy
 * of it from what the later stages can see. */
static bool S_secret_gone(const tfs_state *st, const uint8_t *data,
                          size_t size)
{
	tfs_buf b;
	bool gone;

	if (!S_has(data, size, CANARY))
		return false;
	tfs_buf_init(&b);
	S_add_str(&b, st->source);
	S_add_str(&b, st->format_version);
	S_add_str(&b, st->terraform_version);
	S_add_str(&b, st->lineage);
	S_add_str(&b, st->default_region);
	S_add_list(&b, &st->resources);
	S_add_list(&b, &st->prior);
	gone = !S_has(b.data, b.len, CANARY);
	tfs_buf_release(&b);
	return gone;
}

typedef struct {
	tfs_model *model;
	tfs_cost *cost;
	tfs_checks *checks;
} S_side;

static void S_side_build(S_side *s, const tfs_state *st,
                         const tfs_inventory *inv)
{
	tfs_model_options mopt;
	tfs_check_options copt;
	const char *why;

	tfs_model_options_init(&mopt);
	s->model = tfs_model_build(st, inv, &mopt);
	if ((why = tfs_model_check(s->model)) != NULL)
		S_fail("tfs_model_check", why);
	s->cost = tfs_cost_estimate(s->model, tfs_pricing_bundled(), NULL);
	tfs_check_options_init(&copt);
	copt.pricing = tfs_pricing_bundled();
	copt.cost = s->cost;
	copt.today = "2026-01-01";
	s->checks = tfs_checks_run(s->model, &copt);
}

static void S_side_free(S_side *s)
{
	tfs_checks_free(s->checks);
	tfs_cost_free(s->cost);
	tfs_model_free(s->model);
}

static void S_diff(const S_side *base, const S_side *head, tfs_buf *b,
                   bool gone)
{
	tfs_diff_side bs, hs;
	tfs_diff_options dopt;
	tfs_diff_view v;
	tfs_diff *d;

	memset(&bs, 0, sizeof(bs));
	memset(&hs, 0, sizeof(hs));
	bs.cost = base->cost;
	bs.checks = base->checks;
	hs.cost = head->cost;
	hs.checks = head->checks;
	tfs_diff_options_init(&dopt);
	d = tfs_diff_build(&bs, &hs, &dopt);
	memset(&v, 0, sizeof(v));
	v.diff = d;
	v.base_name = "base";
	v.head_name = "head";
	v.tag = "fuzz";
	v.platform = TFS_PLATFORM_GITHUB;
	tfs_render_diff_markdown(&v, b);
	S_out(b, "diff markdown", gone);
	tfs_render_diff_json(&v, b);
	S_out(b, "diff json", gone);
	tfs_diff_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int no_svg = -1;
	tfs_state *st = NULL;
	tfs_inventory *inv;
	tfs_rollups *rollups;
	tfs_diagram_options dopt;
	tfs_diagram *dg;
	tfs_error err;
	tfs_buf b;
	S_side side;
	const char *why;
	bool gone;

	if (no_svg < 0) {
		const char *e = getenv("TFSIGHT_FUZZ_NO_SVG");
		no_svg = e && *e && strcmp(e, "0") != 0;
		/* cairo's font caches live for the process: release them at
		 * exit so LeakSanitizer sees only what an input leaked */
		atexit(tfs_diagram_release_caches);
		tfs_state_use_arena(); /* as the command line reads states */
	}
	tfs_error_init(&err);
	if (tfs_state_load_buffer(&st, "fuzz.json", (const char *)data, size,
	                          &err) != 0)
		return 0;
	gone = S_secret_gone(st, data, size);
	tfs_buf_init(&b);

	inv = tfs_inventory_build(st, TFS_DEFAULT_REGION);
	{
		tfs_inventory_set set = {&inv, 1, TFS_DEFAULT_REGION};
		tfs_render_inventory_table(&set, &b);
		S_out(&b, "inventory table", gone);
		tfs_render_inventory_json(&set, &b);
		S_out(&b, "inventory json", gone);
	}

	S_side_build(&side, st, inv);
	{
		tfs_model_set set = {&side.model, 1};
		tfs_render_topology_text(&set, &b);
		S_out(&b, "topology text", gone);
		tfs_render_topology_json(&set, &b);
		S_out(&b, "topology json", gone);
	}
	rollups = tfs_cost_rollups(&side.cost, 1, "Project", "Owner");
	{
		tfs_cost_set set = {&side.cost, 1, rollups, 5.0};
		tfs_render_cost_table(&set, &b);
		S_out(&b, "cost table", gone);
		tfs_render_cost_json(&set, "0", &b);
		S_out(&b, "cost json", gone);
		tfs_render_cost_csv(&set, &b);
		S_out(&b, "cost csv", gone);
		tfs_render_cost_rollup_json(&set, &b);
		S_out(&b, "cost rollup json", gone);
	}
	tfs_rollups_free(rollups);
	{
		tfs_check_set set = {&side.checks, 1, "0.0.0-fuzz"};
		tfs_render_checks_table(&set, &b);
		S_out(&b, "checks table", gone);
		tfs_render_checks_json(&set, &b);
		S_out(&b, "checks json", gone);
		tfs_render_checks_sarif(&set, &b);
		S_out(&b, "checks sarif", gone);
		tfs_render_checks_junit(&set, &b);
		S_out(&b, "checks junit", gone);
	}

	tfs_diagram_options_init(&dopt);
	dopt.cost = side.cost;
	dg = tfs_diagram_layout(side.model, &dopt);
	if ((why = tfs_diagram_check(dg)) != NULL)
		S_fail("tfs_diagram_check", why);
	tfs_diagram_render_dot(dg, &b);
	S_out(&b, "diagram dot", gone);
	if (!no_svg) {
		tfs_diagram_render_svg(dg, 0, &b);
		S_out(&b, "diagram svg", gone);
	}
	tfs_diagram_free(dg);

	S_diff(&side, &side, &b, gone);
	if (st->format == TFS_FORMAT_PLAN_JSON) {
		tfs_state prior;
		tfs_inventory *pinv;
		S_side base;
		tfs_state_prior_view(st, &prior);
		pinv = tfs_inventory_build(&prior, TFS_DEFAULT_REGION);
		S_side_build(&base, &prior, pinv);
		S_diff(&base, &side, &b, gone);
		S_side_free(&base);
		tfs_inventory_free(pinv);
	}

	S_side_free(&side);
	tfs_inventory_free(inv);
	tfs_buf_release(&b);
	tfs_state_free(st);
	return 0;
}
