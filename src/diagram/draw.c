/* draw.c - a laid-out page on a cairo surface, and the SVG, PNG and PDF
 * outputs.  Nothing here decides a position: the layout did. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>

#include "diagram_int.h"

static void S_rgb(cairo_t *cr, unsigned c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 0xFF) / 255.0,
	                     ((c >> 8) & 0xFF) / 255.0, (c & 0xFF) / 255.0);
}

/* A group's dashed outline (AZs, subnets not in the input). */
static void S_dashed(cairo_t *cr, const tfs_drect *r, unsigned colour,
                     double width, const double dashes[2])
{
	S_rgb(cr, colour);
	cairo_set_line_width(cr, width);
	cairo_set_dash(cr, dashes, 2, 0);
	cairo_rectangle(cr, r->x, r->y, r->w, r->h);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
}

static void S_rounded(cairo_t *cr, double x, double y, double w, double h,
                      double r)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
	cairo_arc(cr, x + r, y + r, r, M_PI, 1.5 * M_PI);
	cairo_close_path(cr);
}

static void S_icon(cairo_t *cr, unsigned colour, tfs_dg_glyph g, tfs_kind k,
                   double x, double y, double s)
{
	S_rgb(cr, colour);
	S_rounded(cr, x, y, s, s, s * 0.08);
	cairo_fill(cr);
	tfs_dg_draw_glyph(cr, g, k, x, y, s);
}

static void S_texts(cairo_t *cr, const tfs_dbox *b, const tfs_dg_fonts *f)
{
	size_t i;
	for (i = 0; i < b->ntext; i++) {
		const tfs_dtext *t = &b->text[i];
		tfs_dg_font(cr, f, t->size, t->bold);
		S_rgb(cr, t->colour);
		cairo_move_to(cr, t->x, t->y);
		cairo_show_text(cr, t->text);
	}
}

static void S_group(cairo_t *cr, const tfs_dbox *b)
{
	const tfs_drect *r = &b->r;
	double dots[] = {1.2, 3.2}, dashes[] = {6, 4};

	switch (b->kind) {
	case TFS_DBOX_CLOUD:
		S_rgb(cr, TFS_DG_INK);
		cairo_set_line_width(cr, 1.2);
		cairo_rectangle(cr, r->x, r->y, r->w, r->h);
		cairo_stroke(cr);
		S_icon(cr, TFS_DG_INK, TFS_DG_GLYPH_CLOUD, TFS_KIND_VPC, r->x, r->y,
		       TFS_DG_GROUP_ICON);
		break;
	case TFS_DBOX_REGION:
		S_rgb(cr, TFS_DG_REGION);
		cairo_set_line_width(cr, 1.4);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		cairo_set_dash(cr, dots, 2, 0);
		cairo_rectangle(cr, r->x, r->y, r->w, r->h);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
		S_icon(cr, TFS_DG_REGION, TFS_DG_GLYPH_REGION, TFS_KIND_VPC, r->x, r->y,
		       TFS_DG_GROUP_ICON);
		break;
	case TFS_DBOX_VPC:
		S_rgb(cr, TFS_DG_VPC);
		cairo_set_line_width(cr, 1.4);
		cairo_rectangle(cr, r->x, r->y, r->w, r->h);
		cairo_stroke(cr);
		S_icon(cr, TFS_DG_VPC, TFS_DG_GLYPH_VPC, TFS_KIND_VPC, r->x, r->y,
		       TFS_DG_GROUP_ICON);
		break;
	case TFS_DBOX_AZ:
		S_dashed(cr, r, TFS_DG_REGION, 1.2, dashes);
		break;
	case TFS_DBOX_SUBNET_PUBLIC:
	case TFS_DBOX_SUBNET_PRIVATE: {
		bool pub = b->kind == TFS_DBOX_SUBNET_PUBLIC;
		S_rgb(cr, pub ? TFS_DG_PUBLIC_FILL : TFS_DG_PRIVATE_FILL);
		cairo_rectangle(cr, r->x, r->y, r->w, r->h);
		cairo_fill(cr);
		S_icon(cr, pub ? TFS_DG_PUBLIC : TFS_DG_PRIVATE, TFS_DG_GLYPH_LOCK,
		       TFS_KIND_SUBNET, r->x, r->y, TFS_DG_GROUP_ICON);
		break;
	}
	case TFS_DBOX_SUBNET_UNKNOWN:
		/* neither green nor blue: nothing says which it is */
		S_dashed(cr, r, TFS_DG_GREY, 1, dashes);
		S_icon(cr, TFS_DG_GREY, TFS_DG_GLYPH_LOCK, TFS_KIND_SUBNET, r->x, r->y,
		       TFS_DG_GROUP_ICON);
		break;
	case TFS_DBOX_LEGEND:
		S_rgb(cr, 0xFAFAFA);
		cairo_rectangle(cr, r->x, r->y, r->w, r->h);
		cairo_fill_preserve(cr);
		S_rgb(cr, TFS_DG_CARD_BORDER);
		cairo_set_line_width(cr, 1);
		cairo_stroke(cr);
		break;
	case TFS_DBOX_NODE:
	case TFS_DBOX_USERS:
	case TFS_DBOX_TITLE:
		break;
	}
}

static void S_card(cairo_t *cr, const tfs_dbox *b, const tfs_dg_fonts *f)
{
	const tfs_drect *r = &b->r;
	double s = TFS_DG_ICON, iy = r->y + (r->h - s) / 2;

	S_rgb(cr, 0xFFFFFF);
	S_rounded(cr, r->x + 0.5, r->y + 0.5, r->w - 1, r->h - 1, 4);
	cairo_fill_preserve(cr);
	if (b->failed) {
		S_rgb(cr, TFS_DG_FAIL);
		cairo_set_line_width(cr, 1.6);
	} else {
		S_rgb(cr, TFS_DG_CARD_BORDER);
		cairo_set_line_width(cr, 1);
	}
	cairo_stroke(cr);
	if (b->kind == TFS_DBOX_USERS)
		S_icon(cr, TFS_DG_INK, TFS_DG_GLYPH_USERS, TFS_KIND_GENERIC, r->x + 10,
		       iy, s);
	else
		S_icon(cr, tfs_dg_category_colour(b->category), TFS_DG_GLYPH_RESOURCE,
		       b->rkind, r->x + 10, iy, s);
	if (b->count > 1 && b->kind == TFS_DBOX_NODE && b->rkind != TFS_KIND_VPC) {
		/* a second card edge behind: it stands for several */
		S_rgb(cr, TFS_DG_CARD_BORDER);
		cairo_set_line_width(cr, 1);
		cairo_move_to(cr, r->x + 4, r->y + r->h - 2.5);
		cairo_line_to(cr, r->x + r->w - 4, r->y + r->h - 2.5);
		cairo_stroke(cr);
	}
	if (b->failed) {
		char num[16];
		cairo_text_extents_t e;
		double cx = r->x + r->w - 12, cy = r->y + 12;
		S_rgb(cr, TFS_DG_FAIL);
		cairo_new_sub_path(cr);
		cairo_arc(cr, cx, cy, 8, 0, 2 * M_PI);
		cairo_fill(cr);
		snprintf(num, sizeof(num), "%u", b->failed > 99 ? 99 : b->failed);
		tfs_dg_font(cr, f, 8, true);
		cairo_text_extents(cr, num, &e);
		S_rgb(cr, 0xFFFFFF);
		cairo_move_to(cr, cx - e.x_advance / 2, cy + 3);
		cairo_show_text(cr, num);
	}
}

/* A grant (may access) is no traffic and must not read as one: a thin
 * dotted line and an open arrowhead, where traffic is solid and filled
 * and a use dashed and filled. */
static bool S_grant(const tfs_dedge *e)
{
	return e->kind == TFS_EDGE_MAY_ACCESS && !e->from_users;
}

static void S_line_style(cairo_t *cr, tfs_dedge_style style, bool grant)
{
	double dash[] = {4, 3}, dots[] = {0.1, 2.6};

	if (grant) {
		S_rgb(cr, TFS_DG_LIGHT);
		cairo_set_line_width(cr, 1.2);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		cairo_set_dash(cr, dots, 2, 0);
	} else if (style == TFS_DEDGE_DEPENDENCY) {
		S_rgb(cr, TFS_DG_LIGHT);
		cairo_set_line_width(cr, 1.1);
		cairo_set_dash(cr, dash, 2, 0);
	} else {
		S_rgb(cr, TFS_DG_GREY);
		cairo_set_line_width(cr, 1.4);
	}
}

/* The arrowhead at (ex, ey) pointing along (ux, uy), half as wide as w:
 * filled, or open (a grant's). */
static void S_head(cairo_t *cr, double ex, double ey, double ux, double uy,
                   double head, double w, bool open)
{
	cairo_set_dash(cr, NULL, 0, 0);
	if (open) {
		cairo_move_to(cr, ex - ux * head - uy * w, ey - uy * head + ux * w);
		cairo_line_to(cr, ex, ey);
		cairo_line_to(cr, ex - ux * head + uy * w, ey - uy * head - ux * w);
		cairo_set_line_width(cr, 1.1);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
		cairo_stroke(cr);
		return;
	}
	cairo_move_to(cr, ex, ey);
	cairo_line_to(cr, ex - ux * head - uy * w, ey - uy * head + ux * w);
	cairo_line_to(cr, ex - ux * head + uy * w, ey - uy * head - ux * w);
	cairo_close_path(cr);
	cairo_fill(cr);
}

static void S_edge(cairo_t *cr, const tfs_dedge *e)
{
	size_t i, n = e->npts;
	const double *v = e->pts;
	double ex = v[n * 2 - 2], ey = v[n * 2 - 1];
	double px = v[n * 2 - 4], py = v[n * 2 - 3];
	double len = hypot(ex - px, ey - py), ux, uy, head = 7.5;

	if (len <= 0)
		return;
	ux = (ex - px) / len;
	uy = (ey - py) / len;
	S_line_style(cr, e->style, S_grant(e));
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_move_to(cr, v[0], v[1]);
	for (i = 1; i + 1 < n; i++)
		cairo_line_to(cr, v[i * 2], v[i * 2 + 1]);
	/* an open head's stroke ends at its tip: the line stops short */
	cairo_line_to(cr, ex - ux * (head - 1), ey - uy * (head - 1));
	cairo_stroke(cr);
	S_head(cr, ex, ey, ux, uy, head, 3.8, S_grant(e));
}

static void S_edge_label(cairo_t *cr, const tfs_dedge *e,
                         const tfs_dg_fonts *f)
{
	const tfs_dtext *t = e->label;
	if (!t || !*t->text)
		return;
	S_rgb(cr, 0xFFFFFF);
	cairo_rectangle(cr, t->x - 2, t->y - t->size * 0.85, t->width + 4,
	                t->size * 1.15);
	cairo_fill(cr);
	tfs_dg_font(cr, f, t->size, false);
	S_rgb(cr, t->colour);
	cairo_move_to(cr, t->x, t->y);
	cairo_show_text(cr, t->text);
}

static void S_legend_marks(cairo_t *cr, const tfs_dbox *b)
{
	static const tfs_category CATS[] = {TFS_CAT_COMPUTE, TFS_CAT_DATABASE,
	                                    TFS_CAT_STORAGE, TFS_CAT_NETWORKING,
	                                    TFS_CAT_MANAGEMENT, TFS_CAT_SECURITY};
	size_t i;

	/* texts 1..6 are the categories, 7 traffic, 8 uses, and on the same
	 * row 9, when the page draws grants, may access (layout.c) */
	for (i = 0; i < 6 && i + 1 < b->ntext; i++) {
		const tfs_dtext *t = &b->text[i + 1];
		S_rgb(cr, tfs_dg_category_colour(CATS[i]));
		S_rounded(cr, t->x - 15, t->y - 9, 11, 11, 2);
		cairo_fill(cr);
	}
	for (i = 7; i <= 9 && i < b->ntext && b->text[i].y == b->text[7].y; i++) {
		const tfs_dtext *t = &b->text[i];
		double y = t->y - 3.5;
		S_line_style(cr, i == 7 ? TFS_DEDGE_TRAFFIC : TFS_DEDGE_DEPENDENCY,
		             i == 9);
		cairo_move_to(cr, t->x - 30, y);
		cairo_line_to(cr, t->x - 12, y);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		if (i == 9) {
			S_head(cr, t->x - 5, y, 1, 0, 7, 3.5, true);
			continue;
		}
		cairo_move_to(cr, t->x - 5, y);
		cairo_line_to(cr, t->x - 12, y - 3.5);
		cairo_line_to(cr, t->x - 12, y + 3.5);
		cairo_close_path(cr);
		cairo_fill(cr);
	}
}

void tfs_dg_draw_page(cairo_t *cr, const tfs_dpage *p, const tfs_dg_fonts *f)
{
	size_t i;

	S_rgb(cr, 0xFFFFFF);
	cairo_paint(cr);
	for (i = 0; i < p->nboxes; i++) {
		const tfs_dbox *b = &p->boxes[i];
		if (b->kind != TFS_DBOX_NODE && b->kind != TFS_DBOX_USERS)
			S_group(cr, b);
	}
	for (i = 0; i < p->nedges; i++)
		if (p->edges[i].npts >= 2)
			S_edge(cr, &p->edges[i]);
	for (i = 0; i < p->nboxes; i++) {
		const tfs_dbox *b = &p->boxes[i];
		if (b->kind == TFS_DBOX_NODE || b->kind == TFS_DBOX_USERS)
			S_card(cr, b, f);
		if (b->kind == TFS_DBOX_LEGEND)
			S_legend_marks(cr, b);
		S_texts(cr, b, f);
	}
	for (i = 0; i < p->nedges; i++)
		S_edge_label(cr, &p->edges[i], f);
}

/* ---- surfaces ---------------------------------------------------------------- */

static cairo_status_t S_write(void *closure, const unsigned char *data,
                              unsigned int length)
{
	tfs_buf_add(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

static const tfs_dpage *S_page(const tfs_diagram *d, size_t page)
{
	static const tfs_dpage EMPTY = {"empty", 100, 100, NULL, 0, NULL, 0};
	return page < d->npages ? &d->pages[page] : &EMPTY;
}

/* cairo numbers SVG surfaces ("surface12") with a process-wide counter;
 * renumber them in order of appearance so that a page gives the same
 * bytes however many were drawn before it in this process. */
static void S_svg_canonical(const tfs_buf *in, tfs_buf *out)
{
	static const char KEY[] = "surface";
	unsigned long *seen = NULL;
	size_t nseen = 0, cap = 0, i = 0, start = 0;

	while (i < in->len) {
		const char *hit = strstr(in->data + i, KEY);
		size_t at, end;
		unsigned long v = 0, k;
		if (!hit)
			break;
		at = (size_t)(hit - in->data);
		end = at + sizeof(KEY) - 1;
		i = end;
		if (at == 0 || (in->data[at - 1] != '"' && in->data[at - 1] != '#') ||
		    end >= in->len || in->data[end] < '0' || in->data[end] > '9')
			continue;
		while (end < in->len && in->data[end] >= '0' && in->data[end] <= '9')
			v = v * 10 + (unsigned long)(in->data[end++] - '0');
		for (k = 0; k < nseen && seen[k] != v; k++)
			;
		if (k == nseen) {
			tfs_grow(&seen, &cap, nseen + 1, sizeof(*seen));
			seen[nseen++] = v;
		}
		tfs_buf_add(out, in->data + start, end - start - (end - at - (sizeof(KEY) - 1)));
		tfs_buf_addf(out, "%lu", k + 1);
		start = i = end;
	}
	tfs_buf_add(out, in->data + start, in->len - start);
	free(seen);
}

/* The diagram's font, or, for a diagram made otherwise than by the layout,
 * one opened for this call (in *own, to close). */
static const tfs_dg_fonts *S_fonts(const tfs_diagram *d, tfs_dg_fonts **own)
{
	*own = d->fonts ? NULL : tfs_dg_fonts_open();
	return d->fonts ? d->fonts : *own;
}

void tfs_diagram_render_svg(const tfs_diagram *d, size_t page, tfs_buf *out)
{
	const tfs_dpage *p = S_page(d, page);
	tfs_dg_fonts *own;
	const tfs_dg_fonts *f = S_fonts(d, &own);
	tfs_buf raw;
	cairo_surface_t *s;
	cairo_t *cr;

	tfs_buf_init(&raw);
	s = cairo_svg_surface_create_for_stream(S_write, &raw, p->width, p->height);
	cr = cairo_create(s);
	cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
	tfs_dg_draw_page(cr, p, f);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	S_svg_canonical(&raw, out);
	tfs_buf_release(&raw);
	tfs_dg_fonts_close(own);
}

void tfs_diagram_render_png(const tfs_diagram *d, size_t page, double scale,
                            tfs_buf *out)
{
	const tfs_dpage *p = S_page(d, page);
	double w = p->width * scale, h = p->height * scale;
	tfs_dg_fonts *own;
	const tfs_dg_fonts *f = S_fonts(d, &own);
	cairo_surface_t *s;
	cairo_t *cr;

	/* cairo's image surfaces stop at 32767 pixels a side */
	if (w > 32000 || h > 32000) {
		double k = 32000 / (w > h ? w : h);
		scale *= k;
		w *= k;
		h *= k;
	}
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(w),
	                               (int)ceil(h));
	cr = cairo_create(s);
	cairo_scale(cr, scale, scale);
	tfs_dg_draw_page(cr, p, f);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	cairo_surface_write_to_png_stream(s, S_write, out);
	cairo_surface_destroy(s);
	tfs_dg_fonts_close(own);
}

void tfs_diagram_render_pdf(const tfs_diagram *d, tfs_buf *out)
{
	const tfs_dpage *p = S_page(d, 0);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(S_write, out,
	                                                         p->width, p->height);
	cairo_t *cr = cairo_create(s);
	tfs_dg_fonts *own;
	const tfs_dg_fonts *f = S_fonts(d, &own);
	size_t i;

	/* fixed dates: the same input gives the same bytes */
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
	                               "2000-01-01T00:00:00Z");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE,
	                               "2000-01-01T00:00:00Z");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "tfsight");
	for (i = 0; i < (d->npages ? d->npages : 1); i++) {
		p = S_page(d, i);
		cairo_pdf_surface_set_size(s, p->width, p->height);
		tfs_dg_draw_page(cr, p, f);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	tfs_dg_fonts_close(own);
}

void tfs_diagram_release_caches(void)
{
	cairo_debug_reset_static_data();
	FcFini();
}
