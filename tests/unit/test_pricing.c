/* test_pricing.c - the CSV reader, price tables (parsing, errors, lookup,
 * CSV output) and the bundled table. */
#include "testutil.h"

#include <unistd.h>

#include "cost/csv.h"
#include "tfsight/pricing.h"

#define HEADER TFS_PRICING_HEADER "\n"

static tfs_pricing *table_ok(const char *text)
{
	tfs_pricing *t = NULL;
	tfs_error err;

	tfs_error_init(&err);
	if (tfs_pricing_load_buffer(&t, "t.csv", text, strlen(text), &err)) {
		tfs_buf b;
		tfs_buf_init(&b);
		tfs_error_format(&err, &b);
		print_error("unexpected error: %s\n", b.data);
		tfs_buf_release(&b);
		fail();
	}
	assert_non_null(t);
	return t;
}

/* The formatted message for a table that must be rejected (caller
 * frees). */
static char *table_err(const char *text, size_t len)
{
	tfs_pricing dummy, *t = &dummy;
	tfs_error err;
	tfs_buf b;

	tfs_error_init(&err);
	assert_int_equal(tfs_pricing_load_buffer(&t, "t.csv", text, len, &err),
	                 -1);
	assert_null(t);
	assert_int_equal(err.code, TFS_EXIT_INPUT);
	tfs_buf_init(&b);
	tfs_error_format(&err, &b);
	return tfs_buf_detach(&b, NULL);
}

/* ---- the CSV reader ------------------------------------------------------ */

static void test_csv_fields_lines_and_columns(void **s)
{
	const char *text = "\xef\xbb\xbf"
	                   "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
	                   "\n"
	                   "\"two\nlines\",,\xc3\xa3x,\n"
	                   "last,\"\"";
	tfs_csv_record rec;
	tfs_error err;
	tfs_csv r;
	(void)s;

	tfs_error_init(&err);
	tfs_csv_init(&r, "x.csv", text, strlen(text));
	tfs_csv_record_init(&rec);

	assert_int_equal(tfs_csv_read(&r, &rec, &err), 1);
	assert_int_equal(rec.count, 3);
	assert_int_equal(rec.line, 1);
	assert_string_equal(tfs_csv_field_text(&rec, 0), "a");
	assert_string_equal(tfs_csv_field_text(&rec, 1), "b,c");
	assert_string_equal(tfs_csv_field_text(&rec, 2), "say \"hi\"");
	assert_int_equal(rec.fields[1].column, 3);
	assert_int_equal(rec.fields[2].column, 9);

	/* the empty line is skipped; a quoted field spans two lines */
	assert_int_equal(tfs_csv_read(&r, &rec, &err), 1);
	assert_int_equal(rec.line, 3);
	assert_int_equal(rec.count, 4);
	assert_string_equal(tfs_csv_field_text(&rec, 0), "two\nlines");
	assert_string_equal(tfs_csv_field_text(&rec, 1), "");
	assert_string_equal(tfs_csv_field_text(&rec, 2), "\xc3\xa3x");
	assert_string_equal(tfs_csv_field_text(&rec, 3), "");
	assert_int_equal(rec.fields[1].line, 4);
	assert_int_equal(rec.fields[1].column, 8);
	assert_int_equal(rec.fields[3].column, 12); /* columns count characters */

	/* the last record has no line end */
	assert_int_equal(tfs_csv_read(&r, &rec, &err), 1);
	assert_int_equal(rec.line, 5);
	assert_int_equal(rec.count, 2);
	assert_string_equal(tfs_csv_field_text(&rec, 1), "");
	assert_int_equal(tfs_csv_read(&r, &rec, &err), 0);
	assert_false(tfs_error_is_set(&err));
	tfs_csv_record_release(&rec);
}

static void test_csv_rejects(void **s)
{
	static const struct {
		const char *text;
		size_t len;
		const char *message;
	} cases[] = {
		{"a,\"b\nc", 0, "x.csv:1:3: unterminated quoted field"},
		{"a,b\"c\n", 0,
		 "x.csv:1:4: quote inside an unquoted field (quote the whole "
		 "field and double the quote)"},
		{"\"a\"b,c\n", 0,
		 "x.csv:1:4: unexpected character after a closing quote "
		 "(expected ',' or the end of the line)"},
		{"a,b\rc\n", 0, "x.csv:1:4: carriage return outside quotes"},
		{"ok\n\xc3\xa3,\xff\n", 0, "x.csv:2:3: invalid UTF-8"},
		{"ok\n\xed\xa0\x80\n", 0, "x.csv:2:1: invalid UTF-8"},
		{"ok\n\xc0\xaf\n", 0, "x.csv:2:1: invalid UTF-8"},
		{"a,b\0c\n", 6, "x.csv:1:4: NUL byte"},
	};
	size_t i;
	(void)s;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
		tfs_csv_record rec;
		tfs_error err;
		tfs_csv r;
		tfs_buf b;
		int rc;

		tfs_error_init(&err);
		tfs_csv_init(&r, "x.csv", cases[i].text, len);
		tfs_csv_record_init(&rec);
		while ((rc = tfs_csv_read(&r, &rec, &err)) > 0)
			;
		tfs_csv_record_release(&rec);
		assert_int_equal(rc, -1);
		tfs_buf_init(&b);
		tfs_error_format(&err, &b);
		assert_string_equal(b.data, cases[i].message);
		tfs_buf_release(&b);
	}
}

/* ---- tables -------------------------------------------------------------- */

static void test_table_parses_quoted_fields_in_any_column_order(void **s)
{
	const char *text =
		"source,usd,key,service,sku_or_type,attribute,unit,effective_date\r\n"
		"\"feed, pub 2025-10-28; \"\"quoted\"\"\",0.093,nat.hour,VPC,"
		"NAT gateway,\"hour\n(two lines)\",hour,2025-10-28\r\n"
		"\r\n"
		"page (no date),4e-07,waf.requests.base.request,WAFv2,Requests,"
		"base,request,\r\n";
	tfs_pricing *t = table_ok(text);
	const tfs_price *p;
	(void)s;

	assert_int_equal(t->count, 2);
	assert_false(t->bundled);
	assert_string_equal(t->name, "t.csv");
	p = tfs_pricing_find(t, "nat.hour");
	assert_non_null(p);
	assert_string_equal(p->service, "VPC");
	assert_string_equal(p->sku, "NAT gateway");
	assert_string_equal(p->attribute, "hour\n(two lines)");
	assert_string_equal(p->unit, "hour");
	assert_string_equal(p->usd_text, "0.093");
	assert_true(p->usd == 0.093);
	assert_string_equal(p->effective_date, "2025-10-28");
	assert_string_equal(p->source, "feed, pub 2025-10-28; \"quoted\"");
	p = tfs_pricing_find(t, "waf.requests.base.request");
	assert_non_null(p);
	assert_true(p->usd == 4e-07);
	assert_string_equal(p->effective_date, "");
	tfs_pricing_free(t);
}

static void test_table_rejects_bad_rows(void **s)
{
	static const struct {
		const char *text;
		const char *message;
	} cases[] = {
		{"", "t.csv: empty file (expected the header " TFS_PRICING_HEADER
		     ")"},
		{HEADER, "t.csv: no price rows after the header"},
		{"key,service,sku_or_type,attribute,unit,effective_date,source\n",
		 "t.csv:1:1: missing column 'usd' (the header is "
		 TFS_PRICING_HEADER ")"},
		{TFS_PRICING_HEADER ",price\n",
		 "t.csv:1:66: unknown column 'price' (the header is "
		 TFS_PRICING_HEADER ")"},
		{"key,key\n", "t.csv:1:5: column 'key' appears twice"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,0.093,2025-10-28\n",
		 "t.csv:2:1: row has 7 fields, the header has 8"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,0.093,2025-10-28,s,x\n",
		 "t.csv:2:47: row has 9 fields, the header has 8"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,,2025-10-28,s\n",
		 "t.csv:2:28: empty usd"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,0.0.9,2025-10-28,s\n",
		 "t.csv:2:28: usd '0.0.9' is not a number"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,$0.09,2025-10-28,s\n",
		 "t.csv:2:28: usd '$0.09' is not a number"},
		{HEADER "nat.hour,VPC,NAT,hour,hour, 0.09,2025-10-28,s\n",
		 "t.csv:2:28: usd ' 0.09' is not a number"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,.5,2025-10-28,s\n",
		 "t.csv:2:28: usd '.5' is not a number"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,-0.093,2025-10-28,s\n",
		 "t.csv:2:28: usd '-0.093' is negative"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,1e999,2025-10-28,s\n",
		 "t.csv:2:28: usd '1e999' is out of range"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,0.093,2025-10-28,\n",
		 "t.csv:2:45: empty source"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,0.093,2025-10-28,\"\"\n",
		 "t.csv:2:45: empty source"},
		{HEADER "nat.hour,,NAT,hour,hour,0.093,2025-10-28,s\n",
		 "t.csv:2:10: empty service"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,0.093,28/10/2025,s\n",
		 "t.csv:2:34: invalid effective_date '28/10/2025' (expected "
		 "YYYY-MM-DD, or empty when the source names no date)"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,0.093,2025-02-29,s\n",
		 "t.csv:2:34: invalid effective_date '2025-02-29' (expected "
		 "YYYY-MM-DD, or empty when the source names no date)"},
		{HEADER "Nat.Hour,VPC,NAT,hour,hour,0.093,,s\n",
		 "t.csv:2:1: invalid key 'Nat.Hour' (lowercase letters, digits "
		 "and '_' in segments joined by '.')"},
		{HEADER "nat..hour,VPC,NAT,hour,hour,0.093,,s\n",
		 "t.csv:2:1: invalid key 'nat..hour' (lowercase letters, digits "
		 "and '_' in segments joined by '.')"},
		{HEADER "nat.hour.,VPC,NAT,hour,hour,0.093,,s\n",
		 "t.csv:2:1: invalid key 'nat.hour.' (lowercase letters, digits "
		 "and '_' in segments joined by '.')"},
		{HEADER "n\xc3\xa3t-hour-and-a-very-long-name-that-goes-on-and-on,"
		        "VPC,NAT,hour,hour,0.093,,s\n",
		 "t.csv:2:1: invalid key 'n\xc3\xa3t-hour-and-a-very-long-name-that-"
		 "goes-...' (lowercase letters, digits and '_' in segments joined "
		 "by '.')"},
		{HEADER "nat.hour,VPC,NAT,hour,hour,0.093,,s\n"
		        "nat.gb,VPC,NAT,gb,GB,0.093,,s\n"
		        "nat.hour,VPC,NAT,hour,hour,0.1,,s\n",
		 "t.csv:4:1: duplicate key 'nat.hour' (first at line 2)"},
		{HEADER "nat.hour,VPC,NAT,\"hour,hour,0.093,,s\n",
		 "t.csv:2:18: unterminated quoted field"},
	};
	size_t i;
	(void)s;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *msg = table_err(cases[i].text, strlen(cases[i].text));
		if (strcmp(msg, cases[i].message) != 0)
			print_error("case %zu\n", i);
		assert_string_equal(msg, cases[i].message);
		free(msg);
	}
}

static void test_first_error_in_file_order_wins(void **s)
{
	/* two duplicated keys: the one whose repeat comes first is named */
	const char *text = HEADER "b.x,S,K,A,u,1,,s\n"
	                          "a.x,S,K,A,u,1,,s\n"
	                          "b.x,S,K,A,u,1,,s\n"
	                          "a.x,S,K,A,u,1,,s\n"
	                          "b.x,S,K,A,u,1,,s\n";
	char *msg = table_err(text, strlen(text));
	(void)s;
	assert_string_equal(msg, "t.csv:4:1: duplicate key 'b.x' (first at line "
	                         "2)");
	free(msg);
}

static char *write_temp(const char *text)
{
	char *path = xstrdup("/tmp/tfsight-pricing-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void test_files_merge_and_duplicates_name_both_files(void **s)
{
	char *a = write_temp(HEADER "nat.hour,VPC,NAT,hour,hour,0.093,,s\n");
	char *b = write_temp(HEADER "nat.gb,VPC,NAT,GB,GB,0.093,,s\n");
	char *c = write_temp(HEADER "x.y,S,K,A,u,1,,s\nnat.hour,S,K,A,u,1,,s\n");
	const char *ab[] = {a, b}, *ac[] = {a, c};
	tfs_pricing *t;
	tfs_error err;
	tfs_buf want, got;
	(void)s;

	tfs_error_init(&err);
	assert_int_equal(tfs_pricing_load_files(&t, ab, 2, &err), 0);
	assert_int_equal(t->count, 2);
	tfs_buf_init(&want);
	tfs_buf_addf(&want, "%s, %s", a, b);
	assert_string_equal(t->name, want.data);
	assert_non_null(tfs_pricing_find(t, "nat.gb"));
	tfs_pricing_free(t);

	assert_int_equal(tfs_pricing_load_files(&t, ac, 2, &err), -1);
	assert_null(t);
	tfs_buf_truncate(&want, 0);
	tfs_buf_addf(&want, "%s:3:1: duplicate key 'nat.hour' (first at %s:2)",
	             c, a);
	tfs_buf_init(&got);
	tfs_error_format(&err, &got);
	assert_string_equal(got.data, want.data);

	tfs_error_init(&err);
	assert_int_equal(tfs_pricing_load(&t, "/nonexistent/p.csv", &err), -1);
	tfs_buf_truncate(&got, 0);
	tfs_error_format(&err, &got);
	assert_string_equal(got.data, "/nonexistent/p.csv: cannot open: No such "
	                              "file or directory");
	tfs_error_init(&err);
	assert_int_equal(tfs_pricing_load(&t, "/tmp", &err), -1);
	tfs_buf_truncate(&got, 0);
	tfs_error_format(&err, &got);
	assert_string_equal(got.data, "/tmp: is a directory, not a price table");

	tfs_buf_release(&want);
	tfs_buf_release(&got);
	unlink(a);
	unlink(b);
	unlink(c);
	free(a);
	free(b);
	free(c);
}

static void test_lookup(void **s)
{
	tfs_pricing *t = table_ok(HEADER "m.b,S,K,A,u,2,,s\n"
	                                 "z.z,S,K,A,u,3,,s\n"
	                                 "a.a,S,K,A,u,1,,s\n"
	                                 "m.a,S,K,A,u,0,,s\n");
	(void)s;

	assert_string_equal(t->rows[0].key, "a.a");
	assert_string_equal(t->rows[3].key, "z.z");
	assert_true(tfs_pricing_find(t, "a.a")->usd == 1);
	assert_true(tfs_pricing_find(t, "m.a")->usd == 0);
	assert_true(tfs_pricing_find(t, "m.b")->usd == 2);
	assert_true(tfs_pricing_find(t, "z.z")->usd == 3);
	assert_null(tfs_pricing_find(t, "m"));
	assert_null(tfs_pricing_find(t, "m.c"));
	assert_null(tfs_pricing_find(t, ""));
	assert_null(tfs_pricing_find(t, NULL));
	assert_null(tfs_pricing_find(NULL, "a.a"));
	tfs_pricing_free(t);
	tfs_pricing_free(NULL);
}

static void test_csv_output_round_trips(void **s)
{
	const char *text =
		HEADER "b.b,\"S, \"\"quoted\"\"\",K,\"two\nlines\",u,0.50,,s\n"
		       "a.a,S,K,A,u,1e-7,2024-02-29,\"a,b\"\n";
	tfs_pricing *t = table_ok(text), *again;
	tfs_buf out, out2;
	(void)s;

	tfs_buf_init(&out);
	tfs_pricing_write_csv(t, &out);
	assert_string_equal(out.data,
	                    HEADER "a.a,S,K,A,u,1e-7,2024-02-29,\"a,b\"\n"
	                           "b.b,\"S, \"\"quoted\"\"\",K,\"two\nlines\","
	                           "u,0.50,,s\n");
	again = table_ok(out.data);
	tfs_buf_init(&out2);
	tfs_pricing_write_csv(again, &out2);
	assert_string_equal(out.data, out2.data);
	tfs_buf_release(&out);
	tfs_buf_release(&out2);
	tfs_pricing_free(t);
	tfs_pricing_free(again);
}

/* ---- the bundled table ------------------------------------------------------ */

static void test_bundled_table_is_the_checked_in_csv(void **s)
{
	const tfs_pricing *t = tfs_pricing_bundled();
	char *csv;
	size_t len;
	tfs_buf out;
	(void)s;

	assert_true(t->bundled);
	assert_string_equal(t->name, "pricing/sa-east-1.csv");
	csv = read_repo_file("pricing/sa-east-1.csv", &len);
	assert_non_null(csv);
	/* the CSV is kept sorted and minimally quoted, so writing the bundled
	 * table back reproduces it byte for byte */
	tfs_buf_init(&out);
	tfs_pricing_write_csv(t, &out);
	assert_int_equal(out.len, len);
	assert_memory_equal(out.data, csv, len);
	tfs_buf_release(&out);
	free(csv);
}

static void test_bundled_table_rows(void **s)
{
	const tfs_pricing *t = tfs_pricing_bundled();
	size_t i;
	(void)s;

	assert_true(t->count > 500);
	for (i = 0; i < t->count; i++) {
		const tfs_price *p = &t->rows[i];
		if (i)
			assert_true(strcmp(t->rows[i - 1].key, p->key) < 0);
		assert_true(p->usd == strtod(p->usd_text, NULL));
		assert_true(p->usd >= 0);
		assert_true(*p->source);
		assert_ptr_equal(tfs_pricing_find(t, p->key), p);
	}
	/* the keys the estimators start from */
	assert_true(tfs_pricing_find(t, "fargate.linux.x86.vcpu_hour")->usd ==
	            0.0696);
	assert_true(tfs_pricing_find(t, "fargate.linux.arm.gb_hour")->usd ==
	            0.00612);
	assert_true(tfs_pricing_find(t, "fargate.spot.x86.vcpu_hour")->usd ==
	            0.02337032);
	assert_true(tfs_pricing_find(t, "rds.postgres.db.t4g.micro.single_az."
	                                "hour")->usd == 0.034);
	assert_true(tfs_pricing_find(t, "rds.postgres.db.t4g.micro.multi_az."
	                                "hour")->usd == 0.069);
	assert_true(tfs_pricing_find(t, "rds.storage.gp3.single_az.gb_month")
	                ->usd == 0.219);
	assert_true(tfs_pricing_find(t, "elb.alb.hour")->usd == 0.034);
	assert_true(tfs_pricing_find(t, "elb.alb.lcu_hour")->usd == 0.011);
	assert_true(tfs_pricing_find(t, "nat.hour")->usd == 0.093);
	assert_true(tfs_pricing_find(t, "nat.gb")->usd == 0.093);
	assert_true(tfs_pricing_find(t, "vpc.public_ipv4.hour")->usd == 0.005);
	assert_true(tfs_pricing_find(t, "s3.standard.tier1.gb_month")->usd ==
	            0.0405);
	assert_true(tfs_pricing_find(t, "cloudwatch.alarm.standard.month")->usd ==
	            0.135);
	assert_true(tfs_pricing_find(t, "route53.zone.tier1.month")->usd == 0.5);
	assert_true(tfs_pricing_find(t, "secretsmanager.secret.month")->usd ==
	            0.4);
	assert_string_equal(tfs_pricing_find(t, "nat.hour")->effective_date,
	                    "2025-10-28");
	/* absent from the facts, so absent here: never a made-up number */
	assert_null(tfs_pricing_find(t, "ebs.io2.gb_month"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_fields_lines_and_columns),
		cmocka_unit_test(test_csv_rejects),
		cmocka_unit_test(test_table_parses_quoted_fields_in_any_column_order),
		cmocka_unit_test(test_table_rejects_bad_rows),
		cmocka_unit_test(test_first_error_in_file_order_wins),
		cmocka_unit_test(test_files_merge_and_duplicates_name_both_files),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_csv_output_round_trips),
		cmocka_unit_test(test_bundled_table_is_the_checked_in_csv),
		cmocka_unit_test(test_bundled_table_rows),
	};
	return cmocka_run_group_tests_name("pricing", tests, NULL, NULL);
}
