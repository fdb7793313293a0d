/* text.c - the diagram's text: one font, opened once, for measuring and
 * drawing; sanitising state-derived strings into valid UTF-8, eliding to a
 * width. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

#include "diagram_int.h"

struct tfs_dg_fonts {
	cairo_font_face_t *face[2]; /* regular, bold */
	cairo_font_options_t *options;
};

/* The face in the font file at path (or what fontconfig finds for the
 * family when path is NULL), or NULL.  A pattern naming the file makes
 * cairo open it directly: fontconfig's configuration is read only when no
 * known file exists. */
static cairo_font_face_t *S_ft_open(const char *path, bool bold)
{
	cairo_font_face_t *cf = NULL;
	FcPattern *pat = NULL, *match = NULL, *file_pat;
	int index = 0;

	if (!path) {
		FcResult res;
		FcChar8 *file;
		pat = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, TFS_DG_FONT,
		                     FC_WEIGHT, FcTypeInteger,
		                     bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR,
		                     (char *)NULL);
		if (!pat)
			return NULL;
		FcConfigSubstitute(NULL, pat, FcMatchPattern);
		FcDefaultSubstitute(pat);
		match = FcFontMatch(NULL, pat, &res);
		if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
			path = (const char *)file;
		if (match)
			(void)FcPatternGetInteger(match, FC_INDEX, 0, &index);
	} else if (access(path, R_OK) != 0) {
		return NULL;
	}
	file_pat = path ? FcPatternCreate() : NULL;
	if (file_pat &&
	    FcPatternAddString(file_pat, FC_FILE, (const FcChar8 *)path) &&
	    FcPatternAddInteger(file_pat, FC_INDEX, index)) {
		cf = cairo_ft_font_face_create_for_pattern(file_pat);
		if (cairo_font_face_status(cf) != CAIRO_STATUS_SUCCESS) {
			cairo_font_face_destroy(cf);
			cf = NULL;
		}
	}
	if (file_pat)
		FcPatternDestroy(file_pat);
	if (match)
		FcPatternDestroy(match);
	if (pat)
		FcPatternDestroy(pat);
	return cf;
}

tfs_dg_fonts *tfs_dg_fonts_open(void)
{
	static const char *const FILES[2][3] = {
		{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
		 "/usr/share/fonts/dejavu/DejaVuSans.ttf",
		 "/usr/share/fonts/TTF/DejaVuSans.ttf"},
		{"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
		 "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
		 "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"},
	};
	tfs_dg_fonts *f = xcalloc(1, sizeof(*f));
	size_t w, k;

	for (w = 0; w < 2; w++) {
		for (k = 0; k < 3 && !f->face[w]; k++)
			f->face[w] = S_ft_open(FILES[w][k], w == 1);
		if (!f->face[w])
			f->face[w] = S_ft_open(NULL, w == 1);
		if (!f->face[w])
			f->face[w] = cairo_toy_font_face_create(
				TFS_DG_FONT, CAIRO_FONT_SLANT_NORMAL,
				w ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	}
	f->options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(f->options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(f->options, CAIRO_HINT_STYLE_NONE);
	return f;
}

void tfs_dg_fonts_close(tfs_dg_fonts *f)
{
	if (!f)
		return;
	cairo_font_face_destroy(f->face[0]);
	cairo_font_face_destroy(f->face[1]);
	cairo_font_options_destroy(f->options);
	free(f);
}

void tfs_dg_font(cairo_t *cr, const tfs_dg_fonts *f, double size, bool bold)
{
	cairo_set_font_face(cr, f->face[bold ? 1 : 0]);
	cairo_set_font_size(cr, size);
	cairo_set_font_options(cr, f->options);
}

void tfs_dg_measure_init(tfs_dg_measure *m, const tfs_dg_fonts *f)
{
	memset(m, 0, sizeof(*m));
	m->fonts = f;
}

void tfs_dg_measure_release(tfs_dg_measure *m)
{
	size_t i;
	for (i = 0; i < m->nscaled; i++)
		cairo_scaled_font_destroy(m->scaled[i].font);
	m->nscaled = 0;
}

static cairo_scaled_font_t *S_scaled_font(const tfs_dg_measure *m,
                                          double size, bool bold)
{
	cairo_matrix_t fm, ctm;
	cairo_matrix_init_scale(&fm, size, size);
	cairo_matrix_init_identity(&ctm);
	return cairo_scaled_font_create(m->fonts->face[bold ? 1 : 0], &fm, &ctm,
	                                m->fonts->options);
}

/* The table entry for size and weight, made on first use; SIZE_MAX when
 * the table is full (the diagram uses a handful). */
static size_t S_scaled(tfs_dg_measure *m, double size, bool bold)
{
	size_t i, c;

	for (i = 0; i < m->nscaled; i++)
		if (m->scaled[i].size == size && m->scaled[i].bold == bold)
			return i;
	if (m->nscaled == sizeof(m->scaled) / sizeof(m->scaled[0]))
		return SIZE_MAX;
	m->scaled[i].size = size;
	m->scaled[i].bold = bold;
	m->scaled[i].font = S_scaled_font(m, size, bold);
	for (c = 0; c < 128; c++)
		m->scaled[i].advance[c] = -1;
	memset(m->scaled[i].other, 0, sizeof(m->scaled[i].other));
	m->nscaled++;
	return i;
}

static size_t S_utf8_len(const unsigned char *p, size_t n);

/* Where the advance of the code point cp (the n bytes at p) is kept in
 * entry k, measured on first use; NULL when the table is full. */
static double *S_advance(tfs_dg_measure *m, size_t k, const unsigned char *p,
                         size_t n, unsigned long cp)
{
	cairo_text_extents_t e;
	char one[5];
	double *adv;

	if (cp < 0x80) {
		adv = &m->scaled[k].advance[cp];
	} else {
		size_t i = (cp * 2654435761u) % 64, tries;
		for (tries = 0; tries < 64; tries++, i = (i + 1) % 64)
			if (m->scaled[k].other[i] == cp || m->scaled[k].other[i] == 0)
				break;
		if (tries == 64)
			return NULL;
		adv = &m->scaled[k].other_advance[i];
		if (m->scaled[k].other[i] == cp)
			return adv;
		m->scaled[k].other[i] = cp;
		*adv = -1;
	}
	if (*adv < 0) {
		memcpy(one, p, n);
		one[n] = 0;
		cairo_scaled_font_text_extents(m->scaled[k].font, one, &e);
		*adv = e.x_advance;
	}
	return adv;
}

double tfs_dg_text_width(tfs_dg_measure *m, const char *s, double size,
                         bool bold)
{
	cairo_text_extents_t e;
	size_t k = S_scaled(m, size, bold), n = strlen(s), i = 0;
	const unsigned char *p = (const unsigned char *)s;
	double w = 0;

	while (k != SIZE_MAX && i < n) {
		size_t len = S_utf8_len(p + i, n - i), b;
		unsigned long cp = len == 1 ? p[i] : p[i] & (0x7Fu >> len);
		double *adv;
		for (b = 1; b < len; b++)
			cp = (cp << 6) | (p[i + b] & 0x3Fu);
		adv = len && cp ? S_advance(m, k, p + i, len, cp) : NULL;
		if (!adv)
			break;
		w += *adv;
		i += len;
	}
	if (i == n)
		return w;
	/* not valid UTF-8, or the tables are full: cairo measures it whole */
	if (k == SIZE_MAX) {
		cairo_scaled_font_t *sf = S_scaled_font(m, size, bold);
		cairo_scaled_font_text_extents(sf, s, &e);
		cairo_scaled_font_destroy(sf);
	} else {
		cairo_scaled_font_text_extents(m->scaled[k].font, s, &e);
	}
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
