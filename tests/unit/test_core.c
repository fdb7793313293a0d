/* test_core.c - buffers, arenas, errors. */
#include "testutil.h"

static void test_buf_grows_and_formats(void **s)
{
	tfs_buf b;
	char *p;
	size_t len;
	(void)s;

	tfs_buf_init(&b);
	assert_string_equal(b.data, "");
	for (int i = 0; i < 1000; i++)
		tfs_buf_addf(&b, "%d,", i);
	assert_int_equal(b.len, strlen(b.data));
	assert_memory_equal(b.data, "0,1,2,", 6);
	assert_string_equal(b.data + b.len - 4, "999,");
	tfs_buf_truncate(&b, 2);
	assert_string_equal(b.data, "0,");
	tfs_buf_pad(&b, '-', 3);
	assert_string_equal(b.data, "0,---");
	p = tfs_buf_detach(&b, &len);
	assert_int_equal(len, 5);
	assert_null(b.data);
	free(p);
}

static void test_printable_replaces_controls(void **s)
{
	tfs_buf b;
	(void)s;
	tfs_buf_init(&b);
	tfs_buf_add_printable(&b, "a\x1b[31mb\nc\x7f\xc3\xa3");
	assert_string_equal(b.data, "a?[31mb?c?\xc3\xa3");
	assert_int_equal(tfs_utf8_width("s\xc3\xa3o"), 3);
	tfs_buf_release(&b);
}

/* The "Trojan Source" payloads (CVE-2021-42574): bidi overrides and
 * isolates, C1 controls such as CSI, line and paragraph separators are
 * shown as escapes, never obeyed; other non-ASCII text is kept. */
static void test_printable_shows_hidden_code_points(void **s)
{
	tfs_buf b;
	unsigned cp = 0;
	(void)s;
	tfs_buf_init(&b);
	tfs_buf_add_printable(&b, "access_level = \"user\xe2\x80\xae \xe2\x81\xa6"
	                          "// Check if admin\xe2\x81\xa9 \xe2\x81\xa6\"");
	assert_string_equal(b.data, "access_level = \"user\\u{202e} \\u{2066}"
	                            "// Check if admin\\u{2069} \\u{2066}\"");
	tfs_buf_truncate(&b, 0);
	tfs_buf_add_printable(&b, "\xc2\x9b" "31mred\xe2\x80\xa8x\xe2\x80\xa9"
	                          "\xe2\x80\x8f\xd8\x9c\xe2\x80\x94\xc2\xa0");
	assert_string_equal(b.data, "\\u{009b}31mred\\u{2028}x\\u{2029}"
	                            "\\u{200f}\\u{061c}\xe2\x80\x94\xc2\xa0");
	/* truncated sequences at the end are not read past */
	assert_int_equal(tfs_utf8_hidden((const unsigned char *)"\xe2\x80", &cp),
	                 0);
	assert_int_equal(tfs_utf8_hidden((const unsigned char *)"\xc2", &cp), 0);
	tfs_buf_release(&b);
}

static void test_arena(void **s)
{
	tfs_arena a = TFS_ARENA_INIT;
	char *big;
	(void)s;

	for (int i = 0; i < 5000; i++) {
		char *p = tfs_arena_strfmt(&a, "item-%d", i);
		assert_string_equal(p, i == 0 ? "item-0" : p);
		assert_int_equal((uintptr_t)p % 16, 0);
	}
	big = tfs_arena_alloc(&a, 1 << 20); /* larger than a block */
	memset(big, 'x', 1 << 20);
	assert_string_equal(tfs_arena_strndup(&a, "abcdef", 3), "abc");
	tfs_arena_release(&a);
	assert_null(a.head);
}

static void test_error_first_wins_and_format(void **s)
{
	tfs_error err;
	tfs_buf b;
	(void)s;

	tfs_error_init(&err);
	assert_false(tfs_error_is_set(&err));
	assert_false(tfs_error_set(&err, TFS_EXIT_INPUT, "f.json", 3, 7, NULL,
	                           "bad %s", "thing"));
	tfs_error_set(&err, TFS_EXIT_USAGE, "g", 0, 0, "x", "second");
	assert_int_equal(err.code, TFS_EXIT_INPUT);
	tfs_buf_init(&b);
	tfs_error_format(&err, &b);
	assert_string_equal(b.data, "f.json:3:7: bad thing");
	tfs_buf_release(&b);

	tfs_error_init(&err);
	tfs_error_set(&err, TFS_EXIT_INPUT, "f\x1b.json", 0, 0, "resources[0]",
	              "expected object");
	tfs_buf_init(&b);
	tfs_error_format(&err, &b);
	assert_string_equal(b.data, "f?.json: resources[0]: expected object");
	tfs_buf_release(&b);
}

static void test_long_file_name_keeps_its_tail(void **s)
{
	tfs_error err;
	char name[600];
	(void)s;

	memset(name, 'd', sizeof(name));
	strcpy(name + sizeof(name) - 12, "/state.json");
	tfs_error_init(&err);
	tfs_error_set(&err, TFS_EXIT_INPUT, name, 0, 0, NULL, "x");
	assert_memory_equal(err.file, "...", 3);
	assert_string_equal(err.file + strlen(err.file) - 11, "/state.json");
}

static void test_grow(void **s)
{
	int *v = NULL;
	size_t cap = 0;
	(void)s;
	tfs_grow(&v, &cap, 1, sizeof(*v));
	assert_true(cap >= 1);
	tfs_grow(&v, &cap, 1000, sizeof(*v));
	assert_true(cap >= 1000);
	v[999] = 1;
	free(v);
	assert_int_equal(tfs_mul_size(3, 4), 12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_grows_and_formats),
		cmocka_unit_test(test_printable_replaces_controls),
		cmocka_unit_test(test_printable_shows_hidden_code_points),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_error_first_wins_and_format),
		cmocka_unit_test(test_long_file_name_keeps_its_tail),
		cmocka_unit_test(test_grow),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
