/* pricing.c - `tfsight pricing` as a terminal table: one row per price,
 * prices aligned on the decimal point, sources as numbered footnotes. */
#include <stdlib.h>
#include <string.h>

#include "tfsight/render.h"

enum { MAX_UNIT = 30, NCOLS = 5 };

static const char *const HEADERS[NCOLS] = {
	"KEY", "UNIT", "USD", "EFFECTIVE", "SOURCE",
};

/* A distinct source and its footnote number (by first use in key order). */
typedef struct S_source {
	const char *text;
	size_t first; /* first row that cites it */
	size_t number;
} S_source;

static int S_by_text(const void *a, const void *b)
{
	const S_source *x = a, *y = b;
	int c = strcmp(x->text, y->text);

	if (c)
		return c;
	return x->first < y->first ? -1 : x->first > y->first;
}

static int S_by_first(const void *a, const void *b)
{
	const S_source *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

/* The distinct sources, sorted by text, numbered by first use; *n set. */
static S_source *S_sources(const tfs_pricing *t, size_t *n)
{
	S_source *s = xcalloc(t->count, sizeof(*s));
	size_t i, k = 0;

	for (i = 0; i < t->count; i++) {
		s[i].text = t->rows[i].source;
		s[i].first = i;
	}
	tfs_sort(s, t->count, sizeof(*s), S_by_text);
	for (i = 0; i < t->count; i++)
		if (k == 0 || strcmp(s[k - 1].text, s[i].text) != 0)
			s[k++] = s[i];
	tfs_sort(s, k, sizeof(*s), S_by_first);
	for (i = 0; i < k; i++)
		s[i].number = i + 1;
	tfs_sort(s, k, sizeof(*s), S_by_text);
	*n = k;
	return s;
}

/* The footnote number of text in s (sorted by text, one entry per text). */
static size_t S_number(const S_source *s, size_t n, const char *text)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s[mid].text, text);
		if (c == 0)
			return s[mid].number;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Widths of the integer part and of the rest ('.' and decimals) of a
 * price, so that the column lines up on the decimal point. */
static void S_usd_parts(const char *usd, size_t *whole, size_t *rest)
{
	const char *dot = strchr(usd, '.');

	*whole = dot ? (size_t)(dot - usd) : strlen(usd);
	*rest = strlen(usd) - *whole;
}

static void S_summary(const tfs_pricing *t, tfs_buf *out)
{
	const char *lo, *hi;
	size_t undated;

	tfs_pricing_span(t, &lo, &hi, &undated);
	tfs_buf_adds(out, "price table: ");
	tfs_buf_add_printable(out, t->name);
	if (t->bundled)
		tfs_buf_adds(out, " (bundled)");
	tfs_buf_addf(out, "\n%zu price%s in USD per unit", t->count,
	             t->count == 1 ? "" : "s");
	if (lo && strcmp(lo, hi) == 0)
		tfs_buf_addf(out, ", effective %s", lo);
	else if (lo)
		tfs_buf_addf(out, ", effective %s to %s", lo, hi);
	if (undated)
		tfs_buf_addf(out, "; %zu undated (the source records no date)",
		             undated);
	tfs_buf_adds(out, "\n\n");
}

void tfs_render_pricing_table(const tfs_pricing *t, tfs_buf *out)
{
	size_t width[NCOLS], whole_w = 0, rest_w = 0, nsrc, i, c;
	S_source *src = S_sources(t, &nsrc);
	tfs_buf cell;

	tfs_buf_init(&cell);
	for (c = 0; c < NCOLS; c++)
		width[c] = strlen(HEADERS[c]);
	for (i = 0; i < t->count; i++) {
		const tfs_price *p = &t->rows[i];
		size_t whole, rest, w;

		tfs_buf_truncate(&cell, 0);
		tfs_text_cell(&cell, p->key, 0);
		if ((w = tfs_utf8_width(cell.data)) > width[0])
			width[0] = w;
		tfs_buf_truncate(&cell, 0);
		tfs_text_cell(&cell, p->unit, MAX_UNIT);
		if ((w = tfs_utf8_width(cell.data)) > width[1])
			width[1] = w;
		S_usd_parts(p->usd_text, &whole, &rest);
		if (whole > whole_w)
			whole_w = whole;
		if (rest > rest_w)
			rest_w = rest;
		w = *p->effective_date ? strlen(p->effective_date)
		                       : strlen("undated");
		if (w > width[3])
			width[3] = w;
	}
	if (whole_w + rest_w > width[2])
		width[2] = whole_w + rest_w;

	S_summary(t, out);
	for (c = 0; c < NCOLS; c++) {
		tfs_buf_adds(out, HEADERS[c]);
		if (c + 1 < NCOLS)
			tfs_buf_pad(out, ' ', width[c] - strlen(HEADERS[c]) + 2);
	}
	tfs_buf_addc(out, '\n');
	for (i = 0; i < t->count; i++) {
		const tfs_price *p = &t->rows[i];
		const char *date = *p->effective_date ? p->effective_date
		                                      : "undated";
		size_t whole, rest;

		tfs_buf_truncate(&cell, 0);
		tfs_text_cell(&cell, p->key, 0);
		tfs_buf_add(out, cell.data, cell.len);
		tfs_buf_pad(out, ' ', width[0] - tfs_utf8_width(cell.data) + 2);
		tfs_buf_truncate(&cell, 0);
		tfs_text_cell(&cell, p->unit, MAX_UNIT);
		tfs_buf_add(out, cell.data, cell.len);
		tfs_buf_pad(out, ' ', width[1] - tfs_utf8_width(cell.data) + 2);
		S_usd_parts(p->usd_text, &whole, &rest);
		tfs_buf_pad(out, ' ', whole_w - whole);
		tfs_buf_adds(out, p->usd_text);
		tfs_buf_pad(out, ' ', width[2] - whole_w - rest + 2);
		tfs_buf_adds(out, date);
		tfs_buf_pad(out, ' ', width[3] - strlen(date) + 2);
		tfs_buf_addf(out, "[%zu]\n", S_number(src, nsrc, p->source));
	}

	tfs_sort(src, nsrc, sizeof(*src), S_by_first);
	tfs_buf_adds(out, "\nsources:\n");
	for (i = 0; i < nsrc; i++) {
		tfs_buf_addf(out, "  [%zu] ", src[i].number);
		tfs_buf_add_printable(out, src[i].text);
		tfs_buf_addc(out, '\n');
	}
	tfs_buf_release(&cell);
	free(src);
}

