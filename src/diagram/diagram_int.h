/* diagram_int.h - what the diagram's files share: geometry constants,
 * colours, text measurement and the glyphs. */
#ifndef TFSIGHT_DIAGRAM_INT_H
#define TFSIGHT_DIAGRAM_INT_H

#include <cairo.h>

#include "tfsight/diagram.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* Geometry, in points.  Every gap between siblings and every padding
 * between a group's border and its children is at least TFS_DG_GAP, so the
 * router always has a free lane at TFS_DG_LANE from each border. */
#define TFS_DG_CARD_W 236.0
#define TFS_DG_CARD_H 64.0
#define TFS_DG_GAP 28.0
#define TFS_DG_LANE (TFS_DG_GAP / 2)
#define TFS_DG_HEADER 40.0
/* From a group's top border to its first child: the header (icon and one
 * line of label), then a lane the router can use below it; subnets have a
 * second line (their name). */
#define TFS_DG_TOP 44.0
#define TFS_DG_SUBNET_TOP 56.0
#define TFS_DG_ICON 36.0
#define TFS_DG_GROUP_ICON 24.0 /* a group's icon, in its top left corner */
#define TFS_DG_MARGIN 24.0

#define TFS_DG_FONT "DejaVu Sans"

/* Colours (research/diagrams.md §5). */
#define TFS_DG_INK 0x232F3E       /* squid ink: text, AWS Cloud */
#define TFS_DG_GREY 0x545B64      /* secondary text, arrows */
#define TFS_DG_LIGHT 0x879196
#define TFS_DG_CARD_BORDER 0xC8CED3
#define TFS_DG_REGION 0x00A4A6
#define TFS_DG_VPC 0x8C4FFF
#define TFS_DG_PUBLIC 0x7AA116
#define TFS_DG_PUBLIC_FILL 0xF2F6E8
#define TFS_DG_PRIVATE 0x00A4A6
#define TFS_DG_PRIVATE_FILL 0xE6F6F7
#define TFS_DG_FAIL 0xDD344C
#define TFS_DG_COST 0x1D8102

unsigned tfs_dg_category_colour(tfs_category c);

/* ---- text ----------------------------------------------------------------- */

/* The diagram's font, TFS_DG_FONT regular and bold, opened once with
 * FreeType from its file (the layout opens it, the diagram keeps it for
 * its renderers), so that neither measuring nor drawing asks fontconfig,
 * whose configuration files alone cost a small diagram a third of its
 * time.  The file is looked for where Debian installs it, else asked of
 * fontconfig; without FreeType's face, cairo's toy font is used. */
typedef struct tfs_dg_fonts tfs_dg_fonts;

tfs_dg_fonts *tfs_dg_fonts_open(void);
void tfs_dg_fonts_close(tfs_dg_fonts *f);
/* Select the font on cr (hinting off, so measures hold on every
 * surface). */
void tfs_dg_font(cairo_t *cr, const tfs_dg_fonts *f, double size, bool bold);

/* Measures with the fonts the renderers draw with: a scaled font per size
 * and weight, made once, with the advances of the characters measured so
 * far (a text's width is the sum of its characters' advances, added in
 * order as cairo places the glyphs: the same number cairo measures). */
typedef struct tfs_dg_measure {
	const tfs_dg_fonts *fonts; /* borrowed */
	struct {
		double size;
		bool bold;
		cairo_scaled_font_t *font;
		double advance[128];     /* ASCII; < 0: not measured yet */
		unsigned long other[64]; /* other code points, open addressing */
		double other_advance[64]; /* (0: an empty slot) */
	} scaled[16];
	size_t nscaled;
} tfs_dg_measure;

void tfs_dg_measure_init(tfs_dg_measure *m, const tfs_dg_fonts *f);
void tfs_dg_measure_release(tfs_dg_measure *m);
double tfs_dg_text_width(tfs_dg_measure *m, const char *s, double size,
                         bool bold);

/* s as valid UTF-8: invalid bytes become U+FFFD, control characters '?';
 * NULL gives "". */
char *tfs_dg_sanitise(tfs_arena *a, const char *s);
/* s cut at a code point boundary with "…" appended so that it measures at
 * most max; s itself when it fits. */
const char *tfs_dg_elide(tfs_arena *a, tfs_dg_measure *m, const char *s,
                         double size, bool bold, double max, double *width);

/* ---- glyphs --------------------------------------------------------------- */

typedef enum tfs_dg_glyph {
	TFS_DG_GLYPH_CLOUD,
	TFS_DG_GLYPH_REGION,
	TFS_DG_GLYPH_VPC,
	TFS_DG_GLYPH_LOCK,
	TFS_DG_GLYPH_USERS,
	TFS_DG_GLYPH_RESOURCE, /* by resource kind */
} tfs_dg_glyph;

/* Draw a white glyph for kind k (TFS_DG_GLYPH_RESOURCE) or a group in the
 * square (x, y, s, s), whose coloured background the caller painted. */
void tfs_dg_draw_glyph(cairo_t *cr, tfs_dg_glyph g, tfs_kind k, double x,
                       double y, double s);

/* The rectangle a group's header covers (its icon and label lines, with a
 * margin), or false when it has none (cards are obstacles whole): no edge
 * crosses it (route.c). */
bool tfs_dg_header(const tfs_dbox *b, tfs_drect *out);

/* The page drawn on cr, in points (the caller scales), its text in f. */
void tfs_dg_draw_page(cairo_t *cr, const tfs_dpage *p, const tfs_dg_fonts *f);

/* Short service names, for labels and the legend. */
const char *tfs_dg_service_name(tfs_kind k);
const char *tfs_dg_plural(tfs_kind k); /* "alarms" */

#endif
