/*
 * pricing_gen.c - build-time tool: reads the price tables in pricing/ with
 * the same reader as --pricing (so a table the build accepts is a table
 * the binary accepts) and writes them to standard output as C data: the
 * bundled table that tfs_pricing_bundled() returns.
 *
 *	pricing-gen pricing/sa-east-1.csv ... > build/gen/pricing_data.c
 *
 * Exit status: 0, or 1 with "pricing-gen: error: FILE:LINE:COL: ..." on
 * standard error (the build stops there), 2 for a usage error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tfsight/pricing.h"

enum { FIELDS_PER_ROW = 8 };

/* A C string literal for s: quotes, backslashes, '?' (trigraphs exist in
 * C11) and every byte outside printable ASCII escaped. */
static void S_literal(tfs_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	tfs_buf_addc(out, '"');
	for (; *p; p++) {
		if (*p == '"' || *p == '\\' || *p == '?')
			tfs_buf_addf(out, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			tfs_buf_addf(out, "\\%03o", *p);
		else
			tfs_buf_addc(out, (char)*p);
	}
	tfs_buf_addc(out, '"');
}

/* The shortest %g form of v that reads back as exactly v. */
static void S_double(tfs_buf *out, double v)
{
	char text[64];
	int prec;

	for (prec = 1; prec <= 17; prec++) {
		snprintf(text, sizeof(text), "%.*g", prec, v);
		if (strtod(text, NULL) == v)
			break;
	}
	tfs_buf_adds(out, text);
}

static int S_strptr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The eight strings of a row, in column order. */
static void S_fields(const tfs_price *p, const char **f)
{
	f[0] = p->key;
	f[1] = p->service;
	f[2] = p->sku;
	f[3] = p->attribute;
	f[4] = p->unit;
	f[5] = p->usd_text;
	f[6] = p->effective_date;
	f[7] = p->source;
}

/* Every distinct string once, as S_sN; rows point at them. */
static void S_generate(const tfs_pricing *t, tfs_buf *out)
{
	size_t n = 0, npool = 0, i, j;
	const char **pool;

	pool = xmalloc(tfs_mul_size(tfs_mul_size(t->count, FIELDS_PER_ROW) + 1,
	                            sizeof(*pool)));
	pool[n++] = t->name;
	for (i = 0; i < t->count; i++) {
		S_fields(&t->rows[i], pool + n);
		n += FIELDS_PER_ROW;
	}
	qsort(pool, n, sizeof(*pool), S_strptr_cmp);
	for (i = 0; i < n; i++)
		if (npool == 0 || strcmp(pool[npool - 1], pool[i]) != 0)
			pool[npool++] = pool[i];

	tfs_buf_adds(out, "/* pricing_data.c - the bundled price table, "
	                  "generated from ");
	tfs_buf_add_printable(out, t->name);
	tfs_buf_adds(out, "\n * by src/cost/gen/pricing_gen.c; do not edit. */\n"
	                  "#include \"tfsight/pricing.h\"\n\n");
	for (i = 0; i < npool; i++) {
		tfs_buf_addf(out, "static const char S_s%zu[] = ", i);
		S_literal(out, pool[i]);
		tfs_buf_adds(out, ";\n");
	}
	tfs_buf_addf(out, "\nstatic const tfs_price S_ROWS[%zu] = {\n",
	             t->count);
	for (i = 0; i < t->count; i++) {
		const char *f[FIELDS_PER_ROW];

		S_fields(&t->rows[i], f);
		tfs_buf_adds(out, "\t{");
		for (j = 0; j < FIELDS_PER_ROW; j++) {
			const char **hit = bsearch(&f[j], pool, npool,
			                           sizeof(*pool), S_strptr_cmp);
			if (j == 5) {
				S_double(out, t->rows[i].usd);
				tfs_buf_adds(out, ", ");
			}
			tfs_buf_addf(out, "S_s%zu%s", (size_t)(hit - pool),
			             j + 1 < FIELDS_PER_ROW ? ", " : "");
		}
		tfs_buf_adds(out, "},\n");
	}
	tfs_buf_adds(out, "};\n\n");
	{
		const char **hit = bsearch(&t->name, pool, npool, sizeof(*pool),
		                           S_strptr_cmp);
		tfs_buf_addf(out,
		             "static const tfs_pricing S_TABLE = {S_s%zu, true, "
		             "S_ROWS, %zu, TFS_ARENA_INIT};\n\n",
		             (size_t)(hit - pool), t->count);
	}
	tfs_buf_adds(out, "const tfs_pricing *tfs_pricing_bundled(void)\n{\n"
	                  "\treturn &S_TABLE;\n}\n");
	free(pool);
}

int main(int argc, char **argv)
{
	tfs_pricing *t;
	tfs_error err;
	tfs_buf out;
	int rc = 0;

	if (argc < 2) {
		fputs("usage: pricing-gen FILE.csv... > pricing_data.c\n", stderr);
		return 2;
	}
	tfs_error_init(&err);
	if (tfs_pricing_load_files(&t, (const char *const *)(argv + 1),
	                           (size_t)(argc - 1), &err) != 0) {
		tfs_buf msg;
		tfs_buf_init(&msg);
		tfs_error_format(&err, &msg);
		fprintf(stderr, "pricing-gen: error: %s\n", msg.data);
		tfs_buf_release(&msg);
		return 1;
	}
	tfs_buf_init(&out);
	S_generate(t, &out);
	if (fwrite(out.data, 1, out.len, stdout) != out.len ||
	    fflush(stdout) != 0) {
		fputs("pricing-gen: error: writing output failed\n", stderr);
		rc = 1;
	}
	tfs_buf_release(&out);
	tfs_pricing_free(t);
	return rc;
}
