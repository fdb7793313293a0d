/* test_render.c - the JSON writer and the inventory renderers. */
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
	};
	return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
