/* test_pricing_facts.c - every row of the price tables in pricing/ has a
 * source and is the fact row it came from in ../shared/pricing-facts/
 * (matched by service, sku_or_type and attribute; unit, usd text and
 * source verbatim), and its effective date is one its source names.
 * Prints "skipped: ../shared not found" when that directory is absent
 * (PRICING_FACTS overrides where it is looked for). */
#include "testutil.h"

#include <dirent.h>
#include <sys/stat.h>

#include "cost/csv.h"
#include "tfsight/pricing.h"

enum { F_SERVICE, F_SKU, F_ATTRIBUTE, F_UNIT, F_USD, F_SOURCE, NFACT };

static const char *const FACT_HEADER[NFACT] = {
	"service", "sku_or_type", "attribute", "unit", "usd", "source",
};

typedef struct fact {
	char *field[NFACT];
	char *where; /* FILE:LINE */
} fact;

typedef struct facts {
	fact *items;
	size_t count, cap;
} facts;

static char facts_dir[4096];

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.csv names in dir, sorted (caller frees each and the array). */
static char **csv_files(const char *dir, size_t *n)
{
	char **names = NULL;
	size_t cap = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	*n = 0;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".csv") == 0) {
			tfs_grow(&names, &cap, *n + 1, sizeof(*names));
			names[(*n)++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof(*names), cmp_str);
	return names;
}

/* The whole file at path (caller frees). */
static char *slurp(const char *path, size_t *len)
{
	char chunk[65536];
	size_t got;
	tfs_buf b;
	FILE *f = fopen(path, "rb");

	assert_non_null(f);
	tfs_buf_init(&b);
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		tfs_buf_add(&b, chunk, got);
	fclose(f);
	return tfs_buf_detach(&b, len);
}

/* Every row of every *.csv in facts_dir, read with the project's RFC 4180
 * reader (the facts are RFC 4180 too). */
static void load_facts(facts *fs)
{
	size_t nfiles, i, k;
	char **files = csv_files(facts_dir, &nfiles);

	assert_true(nfiles > 0);
	for (i = 0; i < nfiles; i++) {
		char path[8192];
		tfs_csv_record rec;
		tfs_error err;
		tfs_csv r;
		size_t len;
		char *data;
		int rc;

		snprintf(path, sizeof(path), "%s/%s", facts_dir, files[i]);
		data = slurp(path, &len);
		tfs_error_init(&err);
		tfs_csv_init(&r, files[i], data, len);
		tfs_csv_record_init(&rec);
		assert_int_equal(tfs_csv_read(&r, &rec, &err), 1);
		assert_int_equal(rec.count, NFACT);
		for (k = 0; k < NFACT; k++)
			assert_string_equal(tfs_csv_field_text(&rec, k),
			                    FACT_HEADER[k]);
		while ((rc = tfs_csv_read(&r, &rec, &err)) > 0) {
			fact *f;
			assert_int_equal(rec.count, NFACT);
			tfs_grow(&fs->items, &fs->cap, fs->count + 1,
			         sizeof(*fs->items));
			f = &fs->items[fs->count++];
			for (k = 0; k < NFACT; k++)
				f->field[k] = xstrdup(tfs_csv_field_text(&rec, k));
			f->where = xmalloc(strlen(files[i]) + 16);
			sprintf(f->where, "%s:%d", files[i], rec.line);
		}
		if (rc < 0) {
			tfs_buf b;
			tfs_buf_init(&b);
			tfs_error_format(&err, &b);
			print_error("%s\n", b.data);
			tfs_buf_release(&b);
		}
		assert_int_equal(rc, 0);
		tfs_csv_record_release(&rec);
		free(data);
		free(files[i]);
	}
	free(files);
}

static void free_facts(facts *fs)
{
	size_t i, k;
	for (i = 0; i < fs->count; i++) {
		for (k = 0; k < NFACT; k++)
			free(fs->items[i].field[k]);
		free(fs->items[i].where);
	}
	free(fs->items);
}

/* Append what differs between price p and fact f; nothing when p is f. */
static void differences(const tfs_price *p, const fact *f, tfs_buf *out)
{
	if (strcmp(p->unit, f->field[F_UNIT]) != 0)
		tfs_buf_addf(out, " unit '%s', the fact says '%s';", p->unit,
		             f->field[F_UNIT]);
	if (strcmp(p->usd_text, f->field[F_USD]) != 0)
		tfs_buf_addf(out, " usd '%s', the fact says '%s';", p->usd_text,
		             f->field[F_USD]);
	if (strcmp(p->source, f->field[F_SOURCE]) != 0)
		tfs_buf_adds(out, " the source text differs;");
}

/* Append the problems of price p to out; nothing when it is sound. */
static void check_row(const tfs_price *p, const facts *fs, tfs_buf *out)
{
	const fact *first = NULL;
	size_t j;

	if (!*p->source)
		tfs_buf_adds(out, " no source;");
	if (*p->effective_date && !strstr(p->source, p->effective_date))
		tfs_buf_addf(out, " effective date %s is not named by its source;",
		             p->effective_date);
	/* A few facts repeat service, sku_or_type and attribute with another
	 * price (tiers labelled alike): the row must equal one of them. */
	for (j = 0; j < fs->count; j++) {
		const fact *f = &fs->items[j];
		tfs_buf diff;
		bool same;

		if (strcmp(p->service, f->field[F_SERVICE]) != 0 ||
		    strcmp(p->sku, f->field[F_SKU]) != 0 ||
		    strcmp(p->attribute, f->field[F_ATTRIBUTE]) != 0)
			continue;
		tfs_buf_init(&diff);
		differences(p, f, &diff);
		same = diff.len == 0;
		tfs_buf_release(&diff);
		if (same)
			return;
		if (!first)
			first = f;
	}
	if (!first) {
		tfs_buf_adds(out, " no fact row has its service, sku_or_type and "
		                  "attribute;");
		return;
	}
	tfs_buf_addf(out, " differs from %s:", first->where);
	differences(p, first, out);
}

static void test_every_row_is_a_fact(void **s)
{
	const char *root = getenv("TFSIGHT_SRCDIR");
	facts fs = {NULL, 0, 0};
	char **names, **paths, dir[4096];
	size_t nfiles, i, bad = 0;
	tfs_pricing *t;
	tfs_error err;
	tfs_buf msg;
	(void)s;

	load_facts(&fs);
	snprintf(dir, sizeof(dir), "%s/pricing", root ? root : ".");
	names = csv_files(dir, &nfiles);
	assert_true(nfiles > 0);
	paths = xcalloc(nfiles, sizeof(*paths));
	for (i = 0; i < nfiles; i++) {
		paths[i] = xmalloc(strlen(dir) + strlen(names[i]) + 2);
		sprintf(paths[i], "%s/%s", dir, names[i]);
	}
	tfs_error_init(&err);
	tfs_buf_init(&msg);
	if (tfs_pricing_load_files(&t, (const char *const *)paths, nfiles,
	                           &err) != 0) {
		/* a row without a source is rejected here: "empty source" */
		tfs_error_format(&err, &msg);
		print_error("%s\n", msg.data);
		fail();
	}
	for (i = 0; i < t->count; i++) {
		tfs_buf_truncate(&msg, 0);
		check_row(&t->rows[i], &fs, &msg);
		if (msg.len) {
			print_error("pricing: %s:%s\n", t->rows[i].key, msg.data);
			bad++;
		}
	}
	if (bad)
		print_error("%zu of %zu prices do not match the facts in %s\n",
		            bad, t->count, facts_dir);
	assert_int_equal(bad, 0);

	tfs_buf_release(&msg);
	tfs_pricing_free(t);
	for (i = 0; i < nfiles; i++) {
		free(paths[i]);
		free(names[i]);
	}
	free(paths);
	free(names);
	free_facts(&fs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_row_is_a_fact),
	};
	const char *env = getenv("PRICING_FACTS");
	const char *root = getenv("TFSIGHT_SRCDIR");
	struct stat sb;

	if (env && *env)
		snprintf(facts_dir, sizeof(facts_dir), "%s", env);
	else
		snprintf(facts_dir, sizeof(facts_dir), "%s/../shared/pricing-facts",
		         root ? root : ".");
	if (stat(facts_dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		printf("pricing-facts: skipped: ../shared not found\n");
		return 0;
	}
	return cmocka_run_group_tests_name("pricing-facts", tests, NULL, NULL);
}
