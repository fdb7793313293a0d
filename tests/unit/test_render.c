/* test_render.c - the JSON writer, the inventory renderers, and the
 * limits of the lists in the text outputs and the diff comment. */
#include <math.h>
#include <stdio.h>

#include "testutil.h"

#include "tfsight/render.h"

static void test_json_escape(void **s)
{
	tfs_buf b;
	(void)s;
	tfs_buf_init(&b);
	tfs_json_escape(&b, "a\"b\\c\n\t\x01\x7f</script>\xc3\xa3");
	assert_string_equal(b.data,
	                    "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f</script>\xc3\xa3\"");
	tfs_buf_release(&b);
}

static void test_json_writer_layout(void **s)
{
	tfs_buf b;
	tfs_jw w;
	json_t *back;
	(void)s;

	tfs_buf_init(&b);
	tfs_jw_init(&w, &b);
	tfs_jw_object_begin(&w);
	tfs_jw_key(&w, "a");
	tfs_jw_int(&w, -3);
	tfs_jw_key(&w, "empty");
	tfs_jw_array_begin(&w);
	tfs_jw_array_end(&w);
	tfs_jw_key(&w, "list");
	tfs_jw_array_begin(&w);
	tfs_jw_string(&w, "x");
	tfs_jw_null(&w);
	tfs_jw_bool(&w, true);
	tfs_jw_object_begin(&w);
	tfs_jw_object_end(&w);
	tfs_jw_array_end(&w);
	tfs_jw_object_end(&w);
	assert_string_equal(b.data, "{\n"
	                            "  \"a\": -3,\n"
	                            "  \"empty\": [],\n"
	                            "  \"list\": [\n"
	                            "    \"x\",\n"
	                            "    null,\n"
	                            "    true,\n"
	                            "    {}\n"
	                            "  ]\n"
	                            "}\n");
	back = json_loads(b.data, 0, NULL);
	assert_non_null(back);
	json_decref(back);
	tfs_buf_release(&b);
}

static void test_inventory_hostile_strings(void **s)
{
	tfs_state *st = load_ok(
		"{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":"
		"\"aws_vpc\",\"name\":\"v\",\"instances\":[{\"index_key\":"
		"\"\\u001b[2J\\\"<img>\",\"attributes\":{\"tags\":{\"Name\":"
		"\"\\u001b]0;pwned\\u0007\",\"Long\":\""
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		"\"}}}]}]}");
	tfs_inventory *inv = tfs_inventory_build(st, TFS_DEFAULT_REGION);
	tfs_inventory_set set = {&inv, 1, TFS_DEFAULT_REGION};
	tfs_buf b;
	json_t *back;
	(void)s;

	tfs_buf_init(&b);
	tfs_render_inventory_table(&set, &b);
	assert_null(strchr(b.data, '\x1b'));
	assert_null(strchr(b.data, '\x07'));
	assert_non_null(strstr(b.data, "..."));
	tfs_buf_truncate(&b, 0);
	tfs_render_inventory_json(&set, &b);
	back = json_loads(b.data, 0, NULL);
	assert_non_null(back);
	assert_string_equal(
		json_string_value(json_object_get(
			json_array_get(json_object_get(json_array_get(json_object_get(
				                                  back, "inputs"),
			                                          0),
			                               "instances"),
			               0),
			"index")),
		"\x1b[2J\"<img>");
	json_decref(back);
	tfs_buf_release(&b);
	tfs_inventory_free(inv);
	tfs_state_free(st);
}

static void test_csv_field(void **s)
{
	tfs_buf b;
	(void)s;
	tfs_buf_init(&b);
	tfs_csv_field(&b, "plain");
	tfs_buf_addc(&b, '|');
	tfs_csv_field(&b, "a,b \"q\"\nline");
	tfs_buf_addc(&b, '|');
	tfs_csv_field(&b, "=HYPERLINK(\"x\")");
	tfs_buf_addc(&b, '|');
	tfs_csv_field(&b, "-1");
	tfs_buf_addc(&b, '|');
	tfs_csv_field(&b, "");
	assert_string_equal(b.data, "plain|\"a,b \"\"q\"\"\nline\"|"
	                            "\"'=HYPERLINK(\"\"x\"\")\"|\"'-1\"|");
	/* ESC, BEL, CR, DEL never reach the file raw (hostile suite) */
	tfs_buf_truncate(&b, 0);
	tfs_csv_field(&b, "a\x1b[31m\x07\r\nb\x7f\tc");
	assert_string_equal(b.data, "\"a?[31m??\nb?\tc\"");
	tfs_buf_release(&b);
}

static void test_money(void **s)
{
	tfs_buf b;
	(void)s;
	tfs_buf_init(&b);
	tfs_money(&b, 1234567.891);
	tfs_buf_addc(&b, ' ');
	tfs_money(&b, 0.004);
	tfs_buf_addc(&b, ' ');
	tfs_money(&b, 0.005);
	tfs_buf_addc(&b, ' ');
	tfs_money(&b, -12.5);
	tfs_buf_addc(&b, ' ');
	tfs_money(&b, 999.999);
	assert_string_equal(b.data, "$1,234,567.89 $0.00 $0.01 -$12.50 $1,000.00");
	/* beyond a long long of cents, and beyond any number at all */
	tfs_buf_truncate(&b, 0);
	tfs_money(&b, 1e20);
	tfs_buf_addc(&b, ' ');
	tfs_money(&b, -1e300 * 1e10);
	tfs_buf_addc(&b, ' ');
	tfs_money_brl(&b, 1234567.891);
	assert_string_equal(b.data, "$100,000,000,000,000,000,000.00 "
	                            "$(too large) R$ 1.234.567,89");
	tfs_buf_truncate(&b, 0);
	tfs_money(&b, ldexp(1, 1020)); /* 1.12e307, exactly: 308 digits */
	assert_int_equal(b.len, 1 + 308 + 102 + 3); /* $, digits, commas, .00 */
	assert_string_equal(b.data + b.len - 3, ".00");
	tfs_buf_release(&b);
}

static void test_decimal_extremes(void **s)
{
	tfs_buf b;
	(void)s;
	tfs_buf_init(&b);
	tfs_decimal(&b, ldexp(1, 1020), 10);
	{
		char ref[400];
		snprintf(ref, sizeof(ref), "%.0f", ldexp(1, 1020));
		assert_int_equal(b.len, 308); /* every digit, none cut short */
		assert_string_equal(b.data, ref);
	}
	tfs_buf_truncate(&b, 0);
	tfs_decimal(&b, -0.00000000001, 10);
	tfs_buf_addc(&b, ' ');
	tfs_decimal(&b, 12.5, 10);
	assert_string_equal(b.data, "0 12.5");
	tfs_buf_release(&b);
}

/* A PR comment shows a bidi override or a C1 control as an escape. */
static void test_markdown_hidden_code_points(void **s)
{
	tfs_buf b;
	(void)s;
	tfs_buf_init(&b);
	tfs_md_escape(&b, "cost\xe2\x80\xae" "01$\xe2\x81\xa9 \xc2\x9b" "2J");
	assert_string_equal(b.data, "cost\\u{202e}01$\\u{2069} \\u{009b}2J");
	tfs_buf_release(&b);
}

/* ---- bounded lists: the text outputs of a state with many instances ----- */

/* n Elastic IPs, every other one idle (a failing COST-IDLE-EIP each), each
 * of its own project (n diff groups, n lines of the roll-up by project),
 * and n/10 log groups that never expire, each of its own owner. */
static char *S_many_json(size_t n)
{
	tfs_buf b;
	size_t i;

	tfs_buf_init(&b);
	tfs_buf_adds(&b, "{\"version\":4,\"resources\":[{\"mode\":\"managed\","
	                 "\"type\":\"aws_eip\",\"name\":\"ip\",\"instances\":[");
	for (i = 0; i < n; i++)
		tfs_buf_addf(&b, "%s{\"index_key\":%zu,\"attributes\":{\"id\":"
		                 "\"eipalloc-%zu\",\"domain\":\"vpc\","
		                 "\"association_id\":\"%s\",\"tags\":{"
		                 "\"Environment\":\"dev\",\"Project\":\"p%zu\"}}}",
		             i ? "," : "", i, i, i % 2 ? "" : "eipassoc-1", i);
	tfs_buf_adds(&b, "]},{\"mode\":\"managed\",\"type\":"
	                 "\"aws_cloudwatch_log_group\",\"name\":\"g\","
	                 "\"instances\":[");
	for (i = 0; i < n / 10; i++)
		tfs_buf_addf(&b, "%s{\"index_key\":%zu,\"attributes\":{\"name\":"
		                 "\"/g/%zu\",\"retention_in_days\":0,\"tags\":{"
		                 "\"Environment\":\"dev\",\"Owner\":\"o%zu\"}}}",
		             i ? "," : "", i, i, i);
	tfs_buf_adds(&b, "]}]}");
	return tfs_buf_detach(&b, NULL);
}

typedef struct many {
	fixture f;
	tfs_cost *cost;
	tfs_checks *checks;
	tfs_rollups *rollups;
} many;

static many S_many(size_t n)
{
	char *json = S_many_json(n);
	tfs_model_options mo;
	tfs_check_options co;
	many x;

	x.f.st = load_ok(json);
	free(json);
	x.f.inv = tfs_inventory_build(x.f.st, TFS_DEFAULT_REGION);
	tfs_model_options_init(&mo);
	x.f.m = tfs_model_build(x.f.st, x.f.inv, &mo);
	x.cost = tfs_cost_estimate(x.f.m, tfs_pricing_bundled(), NULL);
	tfs_check_options_init(&co);
	co.cost = x.cost;
	co.pricing = tfs_pricing_bundled();
	co.today = "2026-11-23";
	x.checks = tfs_checks_run(x.f.m, &co);
	x.rollups = tfs_cost_rollups(&x.cost, 1, "Project", "Owner");
	return x;
}

static void S_many_free(many *x)
{
	tfs_rollups_free(x->rollups);
	tfs_checks_free(x->checks);
	tfs_cost_free(x->cost);
	release(&x->f);
}

enum { SMALL = 2000, LARGE = 20000 };

/* The four text outputs of x, one after another into out[0..3]. */
static void S_render_text(const many *x, tfs_buf out[4])
{
	tfs_inventory *inv = x->f.inv;
	tfs_model *m = x->f.m;
	tfs_cost *cost = x->cost;
	tfs_checks *checks = x->checks;
	tfs_inventory_set is = {&inv, 1, TFS_DEFAULT_REGION};
	tfs_model_set ms = {&m, 1};
	tfs_cost_set cs = {&cost, 1, x->rollups, 0};
	tfs_check_set ks = {&checks, 1, "0.0.0"};

	for (int i = 0; i < 4; i++)
		tfs_buf_init(&out[i]);
	tfs_render_inventory_table(&is, &out[0]);
	tfs_render_topology_text(&ms, &out[1]);
	tfs_render_cost_table(&cs, &out[2]);
	tfs_render_checks_table(&ks, &out[3]);
}

static bool S_within(size_t a, size_t b, double pct)
{
	double lo = (double)(a < b ? a : b), hi = (double)(a < b ? b : a);
	return hi <= lo * (1 + pct / 100);
}

static bool S_has(const tfs_buf *b, const char *s)
{
	return strstr(b->data, s) != NULL;
}

/* inventory, topology, cost and check: each list cut at its limit with
 * a line naming where the rest is, the totals over every instance, and
 * the same size for 2,000 and 20,000 Elastic IPs. */
static void test_text_outputs_bounded(void **s)
{
	many x[2] = {S_many(SMALL), S_many(LARGE)};
	tfs_buf out[2][4];
	char want[200];
	size_t n, k;
	(void)s;

	for (k = 0; k < 2; k++)
		S_render_text(&x[k], out[k]);
	for (k = 0; k < 2; k++) {
		n = k ? LARGE : SMALL;
		/* inventory: TFS_LIST_ROWS rows of n + n/10 instances */
		snprintf(want, sizeof(want), "... and %zu more instances (all of "
		         "them in `tfsight inventory --format json`)\n",
		         n + n / 10 - TFS_LIST_ROWS);
		assert_true(S_has(&out[k][0], want));
		snprintf(want, sizeof(want), "aws_eip                   %zu\n", n);
		assert_true(S_has(&out[k][0], want));
		/* topology: the regional services */
		snprintf(want, sizeof(want), "... and %zu more resources (all of "
		         "them in `tfsight topology --format json`)\n",
		         n + n / 10 - TFS_LIST_ROWS);
		assert_true(S_has(&out[k][1], want));
		/* cost: the dearest TFS_LIST_ROWS resources, the rest summed;
		 * the total over all of them (n EIPs at $3.65) */
		snprintf(want, sizeof(want), " ... and %zu more resources",
		         n + n / 10 - TFS_LIST_ROWS);
		assert_true(S_has(&out[k][2], want));
		assert_true(S_has(&out[k][2], "none dearer than those above; all "
		                               "of them in `tfsight cost --format "
		                               "json`"));
		/* the roll-up by project: n projects and the log groups' none */
		snprintf(want, sizeof(want), "   ... and %zu more",
		         n + 1 - TFS_LIST_ROWS);
		assert_true(S_has(&out[k][2], want));
		assert_true(S_has(&out[k][2], "(all of them in `tfsight cost "
		                               "--format rollup-json`)"));
		snprintf(want, sizeof(want), "$%s.00\n", k ? "73,000" : "7,300");
		assert_true(S_has(&out[k][2], want));
		/* check: TFS_LIST_FINDINGS of the n/2 idle addresses */
		snprintf(want, sizeof(want), "      ... and %zu more (all of them "
		         "in `tfsight check --format json`)\n      %zu pass, %zu "
		         "fail\n",
		         n / 2 - TFS_LIST_FINDINGS, n / 2, n / 2);
		assert_true(S_has(&out[k][3], want));
	}
	assert_false(S_has(&out[0][2], "aws_eip.ip[1999]\n"));
	for (k = 0; k < 4; k++) {
		if (!S_within(out[0][k].len, out[1][k].len, 10))
			fail_msg("output %zu: %zu bytes for %d instances, %zu for %d",
			         k, out[0][k].len, SMALL, out[1][k].len, LARGE);
		tfs_buf_release(&out[0][k]);
		tfs_buf_release(&out[1][k]);
	}
	S_many_free(&x[0]);
	S_many_free(&x[1]);
}

/* The diff comment: the table per project and environment has a limit of
 * its own (the platform's limit never cuts it), the details are cut to
 * the platform's limit; the size does not follow the count. */
static void test_diff_markdown_bounded(void **s)
{
	tfs_buf out[2];
	char want[160];
	size_t k;
	(void)s;

	for (k = 0; k < 2; k++) {
		size_t n = k ? LARGE : SMALL;
		many base = S_many(n), head = S_many(n / 2);
		tfs_diff_side bs = {base.cost, NULL, 0, base.checks};
		tfs_diff_side hs = {head.cost, NULL, 0, head.checks};
		tfs_diff *d = tfs_diff_build(&bs, &hs, NULL);
		tfs_diff_view v;

		memset(&v, 0, sizeof(v));
		v.diff = d;
		v.base_name = "base";
		v.head_name = "head";
		v.platform = TFS_PLATFORM_GITHUB;
		tfs_buf_init(&out[k]);
		tfs_render_diff_markdown(&v, &out[k]);
		/* n/2 projects lost their address: n/2 - 30 in the last row */
		snprintf(want, sizeof(want), "| … and %zu more (all of them in "
		         "`tfsight diff --format json`) | | $",
		         n / 2 - TFS_LIST_SUMMARY);
		assert_true(S_has(&out[k], want));
		assert_true(S_has(&out[k], "| **Total** | | **"));
		assert_true(S_has(&out[k], "left out to fit GitHub's 65536-character "
		                           "limit"));
		tfs_diff_free(d);
		S_many_free(&base);
		S_many_free(&head);
	}
	assert_true(S_within(out[0].len, out[1].len, 10));
	assert_true(out[1].len < 65536 * 3); /* characters, at most 3 bytes */
	tfs_buf_release(&out[0]);
	tfs_buf_release(&out[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_escape),
		cmocka_unit_test(test_json_writer_layout),
		cmocka_unit_test(test_inventory_hostile_strings),
		cmocka_unit_test(test_csv_field),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_decimal_extremes),
		cmocka_unit_test(test_markdown_hidden_code_points),
		cmocka_unit_test(test_text_outputs_bounded),
		cmocka_unit_test(test_diff_markdown_bounded),
	};
	return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
