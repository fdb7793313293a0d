/* text.c - the diagram's text: one font setup for measuring and drawing,
 * sanitising state-derived strings into valid UTF-8, eliding to a width. */
#include <string.h>

#include "diagram_int.h"

void tfs_dg_font(cairo_t *cr, double size, bool bold)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_select_font_face(cr, TFS_DG_FONT, CAIRO_FONT_SLANT_NORMAL,
	                       bold ? CAIRO_FONT_WEIGHT_BOLD
	                            : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);
}

void tfs_dg_measure_init(tfs_dg_measure *m)
{
	m->surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	m->cr = cairo_create(m->surface);
}

void tfs_dg_measure_release(tfs_dg_measure *m)
{
	cairo_destroy(m->cr);
	cairo_surface_destroy(m->surface);
	m->cr = NULL;
	m->surface = NULL;
}

double tfs_dg_text_width(tfs_dg_measure *m, const char *s, double size,
                         bool bold)
{
	cairo_text_extents_t e;

	tfs_dg_font(m->cr, size, bold);
	cairo_text_extents(m->cr, s, &e);
	return e.x_advance;
}

/* Length of the valid UTF-8 sequence at p (n bytes left), 0 if invalid. */
static size_t S_utf8_len(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	size_t len, i;
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

char *tfs_dg_sanitise(tfs_arena *a, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), i = 0;
	tfs_buf b;
	char *out;

	tfs_buf_init(&b);
	while (i < n) {
		size_t len = S_utf8_len(p + i, n - i);
		if (len == 0) {
			tfs_buf_adds(&b, "\xEF\xBF\xBD");
			i++;
		} else if (len == 1 && (p[i] < 0x20 || p[i] == 0x7F)) {
			tfs_buf_addc(&b, '?');
			i++;
		} else if (len == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0) {
			/* C1 controls */
			tfs_buf_addc(&b, '?');
			i += 2;
		} else {
			tfs_buf_add(&b, p + i, len);
			i += len;
		}
	}
	out = tfs_arena_strndup(a, b.data, b.len);
	tfs_buf_release(&b);
	return out;
}

const char *tfs_dg_elide(tfs_arena *a, tfs_dg_measure *m, const char *s,
                         double size, bool bold, double max, double *width)
{
	static const char ELLIPSIS[] = "\xE2\x80\xA6";
	double w = tfs_dg_text_width(m, s, size, bold);
	size_t lo, hi, n = strlen(s);
	tfs_buf b;
	const char *out;

	if (w <= max) {
		*width = w;
		return s;
	}
	/* binary search on the byte length, snapped to code points */
	lo = 0;
	hi = n;
	tfs_buf_init(&b);
	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;
		while (mid > 0 && ((unsigned char)s[mid] & 0xC0) == 0x80)
			mid--;
		if (mid <= lo) {
			hi = lo;
			break;
		}
		tfs_buf_truncate(&b, 0);
		tfs_buf_add(&b, s, mid);
		tfs_buf_adds(&b, ELLIPSIS);
		if (tfs_dg_text_width(m, b.data, size, bold) <= max)
			lo = mid;
		else
			hi = mid - 1;
	}
	while (lo > 0 && ((unsigned char)s[lo] & 0xC0) == 0x80)
		lo--;
	tfs_buf_truncate(&b, 0);
	tfs_buf_add(&b, s, lo);
	tfs_buf_adds(&b, ELLIPSIS);
	w = tfs_dg_text_width(m, b.data, size, bold);
	if (w > max) {
		tfs_buf_truncate(&b, 0);
		w = 0;
	}
	out = tfs_arena_strndup(a, b.data, b.len);
	tfs_buf_release(&b);
	*width = w;
	return out;
}
