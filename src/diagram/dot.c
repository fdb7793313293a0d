/* dot.c - the same boxes and edges as Graphviz DOT, for people who want to
 * restyle the diagram: groups become clusters, cards nodes. */
#include <stdlib.h>
#include <string.h>

#include "diagram_int.h"

/* A DOT quoted string: quotes and backslashes escaped, line breaks as \n,
 * other control characters (the diagram has none) as '?'. */
static void S_quoted(tfs_buf *b, const char *s)
{
	tfs_buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			tfs_buf_addc(b, '\\');
		if (*s == '\n')
			tfs_buf_adds(b, "\\n");
		else if ((unsigned char)*s < 0x20 || *s == 0x7F)
			tfs_buf_addc(b, '?');
		else
			tfs_buf_addc(b, *s);
	}
	tfs_buf_addc(b, '"');
}

static void S_label(tfs_buf *b, const tfs_dbox *box)
{
	tfs_buf t;
	size_t i;

	tfs_buf_init(&t);
	for (i = 0; i < box->ntext; i++) {
		if (i)
			tfs_buf_addc(&t, '\n');
		tfs_buf_adds(&t, box->text[i].text);
	}
	S_quoted(b, t.data);
	tfs_buf_release(&t);
}

static void S_colour(tfs_buf *b, unsigned c)
{
	tfs_buf_addf(b, "\"#%06X\"", c & 0xFFFFFF);
}

static void S_box(tfs_buf *b, const tfs_dpage *p, size_t i,
                  const size_t *first_child, const size_t *next, int depth)
{
	const tfs_dbox *box = &p->boxes[i];
	size_t c;

	tfs_buf_pad(b, '\t', (size_t)depth);
	if (box->kind == TFS_DBOX_NODE || box->kind == TFS_DBOX_USERS) {
		tfs_buf_addf(b, "n%zu [label=", i);
		S_label(b, box);
		tfs_buf_adds(b, ", color=");
		S_colour(b, box->kind == TFS_DBOX_USERS
		                    ? TFS_DG_INK
		                    : tfs_dg_category_colour(box->category));
		if (box->failed)
			tfs_buf_adds(b, ", penwidth=2, fontcolor=\"#DD344C\"");
		tfs_buf_adds(b, "];\n");
		return;
	}
	tfs_buf_addf(b, "subgraph cluster_%zu {\n", i);
	tfs_buf_pad(b, '\t', (size_t)depth + 1);
	tfs_buf_adds(b, "label=");
	S_label(b, box);
	tfs_buf_adds(b, "; color=");
	switch (box->kind) {
	case TFS_DBOX_CLOUD:
		S_colour(b, TFS_DG_INK);
		break;
	case TFS_DBOX_REGION:
		S_colour(b, TFS_DG_REGION);
		tfs_buf_adds(b, "; style=dotted");
		break;
	case TFS_DBOX_VPC:
		S_colour(b, TFS_DG_VPC);
		break;
	case TFS_DBOX_AZ:
		S_colour(b, TFS_DG_REGION);
		tfs_buf_adds(b, "; style=dashed");
		break;
	case TFS_DBOX_SUBNET_PUBLIC:
		S_colour(b, TFS_DG_PUBLIC);
		tfs_buf_adds(b, "; style=filled; fillcolor=\"#F2F6E8\"");
		break;
	case TFS_DBOX_SUBNET_PRIVATE:
		S_colour(b, TFS_DG_PRIVATE);
		tfs_buf_adds(b, "; style=filled; fillcolor=\"#E6F6F7\"");
		break;
	case TFS_DBOX_SUBNET_UNKNOWN:
		S_colour(b, TFS_DG_GREY);
		tfs_buf_adds(b, "; style=dashed");
		break;
	case TFS_DBOX_NODE:
	case TFS_DBOX_USERS:
	case TFS_DBOX_TITLE:
	case TFS_DBOX_LEGEND:
		S_colour(b, TFS_DG_CARD_BORDER);
		break;
	}
	tfs_buf_adds(b, ";\n");
	for (c = first_child[i]; c != TFS_NONE; c = next[c])
		S_box(b, p, c, first_child, next, depth + 1);
	tfs_buf_pad(b, '\t', (size_t)depth);
	tfs_buf_adds(b, "}\n");
}

void tfs_diagram_render_dot(const tfs_diagram *d, tfs_buf *out)
{
	size_t pg, i;

	for (pg = 0; pg < d->npages; pg++) {
		const tfs_dpage *p = &d->pages[pg];
		size_t *first = xmalloc((p->nboxes + 1) * sizeof(*first));
		size_t *next = xmalloc((p->nboxes + 1) * sizeof(*next));
		size_t *last = xmalloc((p->nboxes + 1) * sizeof(*last));

		for (i = 0; i <= p->nboxes; i++)
			first[i] = next[i] = last[i] = TFS_NONE;
		for (i = 0; i < p->nboxes; i++) {
			size_t par = p->boxes[i].parent == TFS_NONE ? p->nboxes
			                                            : p->boxes[i].parent;
			if (last[par] == TFS_NONE)
				first[par] = i;
			else
				next[last[par]] = i;
			last[par] = i;
		}
		tfs_buf_adds(out, "digraph ");
		S_quoted(out, p->name);
		tfs_buf_adds(out, " {\n"
		                  "\tgraph [rankdir=TB, compound=true, fontname=\"DejaVu Sans\", "
		                  "fontsize=11, labeljust=l];\n"
		                  "\tnode [shape=box, style=\"rounded\", fontname=\"DejaVu Sans\", "
		                  "fontsize=10];\n"
		                  "\tedge [color=\"#545B64\", fontname=\"DejaVu Sans\", "
		                  "fontsize=9];\n");
		for (i = first[p->nboxes]; i != TFS_NONE; i = next[i]) {
			/* the title and legend are the renderer's, not the graph's */
			if (p->boxes[i].kind == TFS_DBOX_TITLE ||
			    p->boxes[i].kind == TFS_DBOX_LEGEND)
				continue;
			S_box(out, p, i, first, next, 1);
		}
		for (i = 0; i < p->nedges; i++) {
			const tfs_dedge *e = &p->edges[i];
			/* a grant (may access) dotted with an open head, as drawn */
			bool grant = e->kind == TFS_EDGE_MAY_ACCESS && !e->from_users;
			tfs_buf_addf(out, "\tn%zu -> n%zu", e->from, e->to);
			if (e->style == TFS_DEDGE_DEPENDENCY || e->label) {
				tfs_buf_adds(out, " [");
				if (grant)
					tfs_buf_adds(out, "style=dotted, color=\"#879196\", "
					                  "arrowhead=vee");
				else if (e->style == TFS_DEDGE_DEPENDENCY)
					tfs_buf_adds(out, "style=dashed, color=\"#879196\"");
				if (e->label) {
					tfs_buf_adds(out, e->style == TFS_DEDGE_DEPENDENCY ? ", " : "");
					tfs_buf_adds(out, "label=");
					S_quoted(out, e->label->text);
				}
				tfs_buf_adds(out, "]");
			}
			tfs_buf_adds(out, ";\n");
		}
		tfs_buf_adds(out, "}\n");
		free(first);
		free(next);
		free(last);
	}
}
