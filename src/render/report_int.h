/*
 * report_int.h - what the files of the HTML report share: the escaper,
 * the inline SVG charts and the embedding of cairo's SVG diagrams
 * (report_html.c, report_svg.c, report_css.c).
 */
#ifndef TFSIGHT_REPORT_INT_H
#define TFSIGHT_REPORT_INT_H

#include "tfsight/render.h"

/* HTML (and inline SVG) text or attribute value: & < > " ' as entities,
 * C0 control characters and DEL as U+FFFD; max > 0 cuts the text to max
 * code points ending in "…".  NULL appends nothing. */
void tfs_html_text(tfs_buf *b, const char *s, size_t max);

/* One bar of a chart: a label from the state, its amount. */
typedef struct tfs_html_bar {
	const char *label;
	double usd;
	bool muted;  /* the untagged line, or "others" */
} tfs_html_bar;

/* A horizontal bar chart as inline SVG, bars in the order given, each
 * with its amount and share of total; id names its <title> (a plain
 * ASCII id of ours, never from the state). */
void tfs_html_bar_chart(tfs_buf *b, const char *id, const char *title,
                        const tfs_html_bar *bars, size_t n, double total);

/* cairo's SVG document inlined: the XML prolog dropped, every id and
 * every reference to one (href="#…", url(#…)) prefixed with prefix so
 * that several diagrams can share a page, style="…" turned into
 * presentation attributes (no inline style under a strict CSP), event
 * attributes and external references dropped.  The <svg> gets role="img"
 * and a <title> and <desc> (prefix-title, prefix-desc).  Returns false,
 * appending nothing, when svg is not a document it can inline. */
bool tfs_html_embed_svg(tfs_buf *b, const char *svg, const char *prefix,
                        const char *title, const char *desc);

#endif
