/* pricing.c - price tables read from CSV (--pricing FILE, and the build's
 * generator for the bundled table), looked up by key, written back as CSV.
 * tfs_pricing_bundled() lives in the generated pricing_data.c. */
#include "tfsight/pricing.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cost/csv.h"

enum { MAX_INPUT = 64 * 1024 * 1024 };

typedef enum S_column {
	COL_KEY,
	COL_SERVICE,
	COL_SKU,
	COL_ATTRIBUTE,
	COL_UNIT,
	COL_USD,
	COL_DATE,
	COL_SOURCE,
	NCOLUMNS
} S_column;

static const char *const COLUMN_NAMES[NCOLUMNS] = {
	"key", "service", "sku_or_type", "attribute",
	"unit", "usd", "effective_date", "source",
};

/* A row while the table is being read: where it came from, for messages
 * about duplicate keys. */
typedef struct S_pending {
	tfs_price row;
	const char *file;
	int line;
	size_t seq; /* position in file order */
} S_pending;

typedef struct S_loader {
	tfs_pricing *table;
	S_pending *rows;
	size_t count;
	size_t cap;
} S_loader;

/* ---- messages ----------------------------------------------------------- */

/* ---- field checks ------------------------------------------------------- */

static bool S_valid_key(const char *k)
{
	bool seg_start = true;

	if (!(*k >= 'a' && *k <= 'z'))
		return false;
	for (; *k; k++) {
		if (*k == '.') {
			if (seg_start)
				return false;
			seg_start = true;
			continue;
		}
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ||
		      *k == '_'))
			return false;
		seg_start = false;
	}
	return !seg_start;
}

typedef enum S_usd_status {
	USD_OK,
	USD_NOT_A_NUMBER,
	USD_NEGATIVE,
	USD_OUT_OF_RANGE,
} S_usd_status;

static bool S_digits(const char **p)
{
	const char *start = *p;
	while (**p >= '0' && **p <= '9')
		(*p)++;
	return *p > start;
}

/* [-]DIGITS[.DIGITS][(e|E)[+|-]DIGITS], nothing around it. */
static S_usd_status S_parse_usd(const char *s, double *value)
{
	const char *p = s;
	bool negative = false;

	if (*p == '-') {
		negative = true;
		p++;
	}
	if (!S_digits(&p))
		return USD_NOT_A_NUMBER;
	if (*p == '.') {
		p++;
		if (!S_digits(&p))
			return USD_NOT_A_NUMBER;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!S_digits(&p))
			return USD_NOT_A_NUMBER;
	}
	if (*p)
		return USD_NOT_A_NUMBER;
	if (negative)
		return USD_NEGATIVE;
	errno = 0;
	*value = strtod(s, NULL);
	if (!isfinite(*value) || (errno == ERANGE && *value != 0.0))
		return USD_OUT_OF_RANGE;
	return USD_OK;
}

static bool S_valid_date(const char *d)
{
	static const int DAYS[12] = {31, 29, 31, 30, 31, 30,
	                             31, 31, 30, 31, 30, 31};
	int i, year, month, day;

	if (*d == '\0')
		return true;
	if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(d[i] >= '0' && d[i] <= '9'))
			return false;
	year = atoi(d);
	month = atoi(d + 5);
	day = atoi(d + 8);
	if (year < 1 || month < 1 || month > 12 || day < 1 ||
	    day > DAYS[month - 1])
		return false;
	if (month == 2 && day == 29 &&
	    !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
		return false;
	return true;
}

/* ---- reading ------------------------------------------------------------ */

/* Map the header's names to columns: field_of[c] is the field of column c. */
static bool S_header(const char *name, const tfs_csv_record *rec,
                     size_t field_of[NCOLUMNS], tfs_error *err)
{
	bool seen[NCOLUMNS] = {false};
	char ex[TFS_EXCERPT_SIZE];
	size_t i;
	int c;

	for (i = 0; i < rec->count; i++) {
		const char *text = tfs_csv_field_text(rec, i);
		const tfs_csv_field *f = &rec->fields[i];

		for (c = 0; c < NCOLUMNS; c++)
			if (strcmp(text, COLUMN_NAMES[c]) == 0)
				break;
		tfs_excerpt(ex, sizeof(ex), text);
		if (c == NCOLUMNS)
			return tfs_error_set(err, TFS_EXIT_INPUT, name, f->line,
			                     f->column, NULL,
			                     "unknown column '%s' (the header is "
			                     "%s)",
			                     ex, TFS_PRICING_HEADER);
		if (seen[c])
			return tfs_error_set(err, TFS_EXIT_INPUT, name, f->line,
			                     f->column, NULL,
			                     "column '%s' appears twice", ex);
		seen[c] = true;
		field_of[c] = i;
	}
	for (c = 0; c < NCOLUMNS; c++)
		if (!seen[c])
			return tfs_error_set(err, TFS_EXIT_INPUT, name, rec->line,
			                     1, NULL,
			                     "missing column '%s' (the header is "
			                     "%s)",
			                     COLUMN_NAMES[c], TFS_PRICING_HEADER);
	return true;
}

/* Check one field and store it in row. */
static bool S_field(S_loader *ld, const char *name, S_column c,
                    const char *text, const tfs_csv_field *f,
                    tfs_price *row, tfs_error *err)
{
	tfs_arena *a = &ld->table->arena;
	char ex[TFS_EXCERPT_SIZE];
	const char *copy;

	if (*text == '\0' && c != COL_DATE)
		return tfs_error_set(err, TFS_EXIT_INPUT, name, f->line,
		                     f->column, NULL, "empty %s",
		                     COLUMN_NAMES[c]);
	tfs_excerpt(ex, sizeof(ex), text);
	copy = tfs_arena_strndup(a, text, f->len);
	switch (c) {
	case COL_KEY:
		if (!S_valid_key(text))
			return tfs_error_set(err, TFS_EXIT_INPUT, name, f->line,
			                     f->column, NULL,
			                     "invalid key '%s' (lowercase letters, "
			                     "digits and '_' in segments joined by "
			                     "'.')",
			                     ex);
		row->key = copy;
		break;
	case COL_SERVICE:
		row->service = copy;
		break;
	case COL_SKU:
		row->sku = copy;
		break;
	case COL_ATTRIBUTE:
		row->attribute = copy;
		break;
	case COL_UNIT:
		row->unit = copy;
		break;
	case COL_USD:
		switch (S_parse_usd(text, &row->usd)) {
		case USD_OK:
			break;
		case USD_NOT_A_NUMBER:
			return tfs_error_set(err, TFS_EXIT_INPUT, name, f->line,
			                     f->column, NULL,
			                     "usd '%s' is not a number", ex);
		case USD_NEGATIVE:
			return tfs_error_set(err, TFS_EXIT_INPUT, name, f->line,
			                     f->column, NULL,
			                     "usd '%s' is negative", ex);
		case USD_OUT_OF_RANGE:
			return tfs_error_set(err, TFS_EXIT_INPUT, name, f->line,
			                     f->column, NULL,
			                     "usd '%s' is out of range", ex);
		}
		row->usd_text = copy;
		break;
	case COL_DATE:
		if (!S_valid_date(text))
			return tfs_error_set(err, TFS_EXIT_INPUT, name, f->line,
			                     f->column, NULL,
			                     "invalid effective_date '%s' (expected "
			                     "YYYY-MM-DD, or empty when the source "
			                     "names no date)",
			                     ex);
		row->effective_date = copy;
		break;
	case COL_SOURCE:
		row->source = copy;
		break;
	case NCOLUMNS:
		break;
	}
	return true;
}

static bool S_parse(S_loader *ld, const char *name, const char *data,
                    size_t len, tfs_error *err)
{
	size_t field_of[NCOLUMNS] = {0};
	const char *file = tfs_arena_strdup(&ld->table->arena, name);
	size_t before = ld->count;
	tfs_csv_record rec;
	tfs_csv r;
	bool ok = false;
	int rc;

	tfs_csv_init(&r, file, data, len);
	tfs_csv_record_init(&rec);
	rc = tfs_csv_read(&r, &rec, err);
	if (rc == 0)
		tfs_error_set(err, TFS_EXIT_INPUT, file, 0, 0, NULL,
		              "empty file (expected the header %s)",
		              TFS_PRICING_HEADER);
	if (rc <= 0 || !S_header(file, &rec, field_of, err))
		goto out;
	while ((rc = tfs_csv_read(&r, &rec, err)) > 0) {
		S_pending *p;
		int c;

		if (rec.count != NCOLUMNS) {
			const tfs_csv_field *f =
				rec.count > NCOLUMNS ? &rec.fields[NCOLUMNS] : NULL;
			tfs_error_set(err, TFS_EXIT_INPUT, file,
			              f ? f->line : rec.line, f ? f->column : 1,
			              NULL, "row has %zu field%s, the header has %d",
			              rec.count, rec.count == 1 ? "" : "s",
			              (int)NCOLUMNS);
			goto out;
		}
		tfs_grow(&ld->rows, &ld->cap, ld->count + 1, sizeof(*ld->rows));
		p = &ld->rows[ld->count];
		memset(p, 0, sizeof(*p));
		for (c = 0; c < NCOLUMNS; c++)
			if (!S_field(ld, file, (S_column)c,
			             tfs_csv_field_text(&rec, field_of[c]),
			             &rec.fields[field_of[c]], &p->row, err))
				goto out;
		p->file = file;
		p->line = rec.line;
		p->seq = ld->count++;
	}
	if (rc < 0)
		goto out;
	if (ld->count == before) {
		tfs_error_set(err, TFS_EXIT_INPUT, file, 0, 0, NULL,
		              "no price rows after the header");
		goto out;
	}
	ok = true;
out:
	tfs_csv_record_release(&rec);
	return ok;
}

static int S_pending_cmp(const void *a, const void *b)
{
	const S_pending *x = a, *y = b;
	int c = strcmp(x->row.key, y->row.key);

	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sort by key; the duplicate reported is the one met first in file
 * order. */
static bool S_finish(S_loader *ld, tfs_error *err)
{
	const S_pending *dup = NULL, *first = NULL;
	size_t i, start = 0;
	tfs_price *rows;

	qsort(ld->rows, ld->count, sizeof(*ld->rows), S_pending_cmp);
	for (i = 1; i < ld->count; i++) {
		/* rows[start] is the first of its key in file order */
		if (strcmp(ld->rows[i].row.key, ld->rows[start].row.key) != 0) {
			start = i;
			continue;
		}
		if (!dup || ld->rows[i].seq < dup->seq) {
			dup = &ld->rows[i];
			first = &ld->rows[start];
		}
	}
	if (dup) {
		char ex[TFS_EXCERPT_SIZE];
		tfs_excerpt(ex, sizeof(ex), dup->row.key);
		if (strcmp(dup->file, first->file) == 0)
			return tfs_error_set(err, TFS_EXIT_INPUT, dup->file,
			                     dup->line, 1, NULL,
			                     "duplicate key '%s' (first at line %d)",
			                     ex, first->line);
		return tfs_error_set(err, TFS_EXIT_INPUT, dup->file, dup->line, 1,
		                     NULL, "duplicate key '%s' (first at %s:%d)",
		                     ex, first->file, first->line);
	}
	rows = tfs_arena_alloc(&ld->table->arena,
	                       tfs_mul_size(ld->count, sizeof(*rows)));
	for (i = 0; i < ld->count; i++)
		rows[i] = ld->rows[i].row;
	ld->table->rows = rows;
	ld->table->count = ld->count;
	return true;
}

/* A new, empty table (xcalloc leaves the arena empty). */
static tfs_pricing *S_new_table(void)
{
	return xcalloc(1, sizeof(tfs_pricing));
}

static int S_done(S_loader *ld, bool ok, tfs_pricing **out)
{
	free(ld->rows);
	if (!ok) {
		tfs_pricing_free(ld->table);
		*out = NULL;
		return -1;
	}
	*out = ld->table;
	return 0;
}

int tfs_pricing_load_buffer(tfs_pricing **out, const char *name,
                            const char *data, size_t len, tfs_error *err)
{
	S_loader ld = {S_new_table(), NULL, 0, 0};
	bool ok;

	ld.table->name = tfs_arena_strdup(&ld.table->arena, name);
	ok = S_parse(&ld, name, data, len, err) && S_finish(&ld, err);
	return S_done(&ld, ok, out);
}

int tfs_pricing_load_files(tfs_pricing **out, const char *const *paths,
                           size_t npaths, tfs_error *err)
{
	S_loader ld = {S_new_table(), NULL, 0, 0};
	tfs_buf name;
	bool ok = npaths > 0;
	size_t i;

	if (!ok)
		tfs_error_set(err, TFS_EXIT_INPUT, NULL, 0, 0, NULL,
		              "no price table to read");
	tfs_buf_init(&name);
	for (i = 0; ok && i < npaths; i++) {
		tfs_buf data;
		const char *shown = strcmp(paths[i], "-") ? paths[i] : "<stdin>";

		tfs_buf_addf(&name, "%s%s", i ? ", " : "", shown);
		tfs_buf_init(&data);
		ok = tfs_read_file(paths[i], shown, MAX_INPUT, "a price table",
		                   &data, err) &&
		     S_parse(&ld, shown, data.data, data.len, err);
		tfs_buf_release(&data);
	}
	ld.table->name = tfs_arena_strdup(&ld.table->arena, name.data);
	tfs_buf_release(&name);
	ok = ok && S_finish(&ld, err);
	return S_done(&ld, ok, out);
}

int tfs_pricing_load(tfs_pricing **out, const char *path, tfs_error *err)
{
	return tfs_pricing_load_files(out, &path, 1, err);
}

/* ---- lookup and output ---------------------------------------------------- */

static int S_find_cmp(const void *key, const void *row)
{
	return strcmp(key, ((const tfs_price *)row)->key);
}

const tfs_price *tfs_pricing_find(const tfs_pricing *t, const char *key)
{
	if (!t || !key || t->count == 0)
		return NULL;
	return bsearch(key, t->rows, t->count, sizeof(*t->rows), S_find_cmp);
}

static void S_csv_field(tfs_buf *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		tfs_buf_adds(out, s);
		return;
	}
	tfs_buf_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			tfs_buf_addc(out, '"');
		tfs_buf_addc(out, *s);
	}
	tfs_buf_addc(out, '"');
}

void tfs_pricing_write_csv(const tfs_pricing *t, tfs_buf *out)
{
	size_t i;

	tfs_buf_adds(out, TFS_PRICING_HEADER "\n");
	for (i = 0; i < t->count; i++) {
		const tfs_price *p = &t->rows[i];
		const char *fields[NCOLUMNS];
		int c;

		fields[COL_KEY] = p->key;
		fields[COL_SERVICE] = p->service;
		fields[COL_SKU] = p->sku;
		fields[COL_ATTRIBUTE] = p->attribute;
		fields[COL_UNIT] = p->unit;
		fields[COL_USD] = p->usd_text;
		fields[COL_DATE] = p->effective_date;
		fields[COL_SOURCE] = p->source;
		for (c = 0; c < NCOLUMNS; c++) {
			if (c)
				tfs_buf_addc(out, ',');
			S_csv_field(out, fields[c]);
		}
		tfs_buf_addc(out, '\n');
	}
}

void tfs_pricing_free(tfs_pricing *t)
{
	if (!t)
		return;
	tfs_arena_release(&t->arena);
	free(t);
}

void tfs_pricing_span(const tfs_pricing *t, const char **oldest,
                      const char **newest, size_t *undated)
{
	size_t i;

	*oldest = *newest = NULL;
	*undated = 0;
	for (i = 0; i < t->count; i++) {
		const char *d = t->rows[i].effective_date;
		if (!*d) {
			(*undated)++;
			continue;
		}
		if (!*oldest || strcmp(d, *oldest) < 0)
			*oldest = d;
		if (!*newest || strcmp(d, *newest) > 0)
			*newest = d;
	}
}
