/* topology.c - `tfsight topology`: the containment tree and the edges with
 * their evidence, as indented text and as JSON (docs/topology.md). */
#include <string.h>

#include "tfsight/render.h"

/* ---- text ------------------------------------------------------------------ */

static void S_indent(tfs_buf *b, int depth)
{
	tfs_buf_pad(b, ' ', (size_t)depth * 2);
}

static void S_node_line(tfs_buf *b, const tfs_model *m, size_t n, int depth,
                        bool standby)
{
	const tfs_node *node = &m->nodes[n];

	S_indent(b, depth);
	tfs_buf_addf(b, "%s ", tfs_kind_name(node->kind));
	tfs_buf_add_printable(b, node->label);
	tfs_buf_adds(b, "  (");
	tfs_buf_add_printable(b, node->address);
	tfs_buf_addc(b, ')');
	if (node->detail) {
		tfs_buf_adds(b, "  ");
		tfs_buf_add_printable(b, node->detail);
	}
	if (standby)
		tfs_buf_adds(b, "  (standby)");
	else if (node->az_pending)
		tfs_buf_addf(b, "  [one of %zu AZs, picked at create]", node->nazs);
	else if (node->nazs > 1 && node->kind != TFS_KIND_ECS_SERVICE)
		tfs_buf_addf(b, "  [%zu AZs]", node->nazs); /* a service says it */
	if (node->item && node->env_source != TFS_ENV_UNKNOWN) {
		tfs_buf_adds(b, "  env=");
		tfs_buf_add_printable(b, node->environment);
	}
	tfs_buf_addc(b, '\n');
}

/* The line that ends a list cut at TFS_LIST_ROWS. */
static void S_more(tfs_buf *b, int depth, size_t n, const char *what)
{
	S_indent(b, depth);
	tfs_buf_addf(b, "... and %zu more %s (all of them in `tfsight topology "
	                "--format json`)\n",
	             n, what);
}

static size_t S_shown(size_t n)
{
	return n < TFS_LIST_ROWS ? n : TFS_LIST_ROWS;
}

static void S_ids(tfs_buf *b, const tfs_model *m, const tfs_ids *ids, int depth,
                  bool standby)
{
	size_t shown = S_shown(ids->count);

	for (size_t i = 0; i < shown; i++)
		S_node_line(b, m, ids->items[i], depth, standby);
	if (shown < ids->count)
		S_more(b, depth, ids->count - shown,
		       standby ? "standby resources" : "resources");
}

static void S_vpc_text(tfs_buf *b, const tfs_model *m, const tfs_vpc_group *v)
{
	size_t a, s;

	S_indent(b, 2);
	if (v->vpc == TFS_NONE) {
		tfs_buf_adds(b, "VPC (not known)\n");
	} else {
		const tfs_node *vpc = &m->nodes[v->vpc];
		tfs_buf_adds(b, "VPC ");
		tfs_buf_add_printable(b, vpc->label);
		tfs_buf_adds(b, "  (");
		tfs_buf_add_printable(b, vpc->address);
		tfs_buf_addc(b, ')');
		if (vpc->detail) {
			tfs_buf_adds(b, "  ");
			tfs_buf_add_printable(b, vpc->detail);
		}
		tfs_buf_addc(b, '\n');
	}
	for (a = 0; a < S_shown(v->nazs); a++) {
		const tfs_az_group *az = &v->azs[a];
		S_indent(b, 3);
		tfs_buf_adds(b, "AZ ");
		tfs_buf_add_printable(b, az->name);
		tfs_buf_addc(b, '\n');
		for (s = 0; s < S_shown(az->nsubnets); s++) {
			const tfs_subnet_group *g = &az->subnets[s];
			const tfs_node *sn = &m->nodes[g->subnet];
			S_indent(b, 4);
			tfs_buf_addf(b, "%s subnet ", g->tier == TFS_TIER_UNKNOWN
			                                     ? "unknown (not in this input)"
			                                     : tfs_tier_name(g->tier));
			tfs_buf_add_printable(b, sn->kind == TFS_KIND_EXTERNAL ? sn->address
			                                                       : sn->label);
			if (sn->item) {
				tfs_buf_adds(b, "  (");
				tfs_buf_add_printable(b, sn->address);
				tfs_buf_addc(b, ')');
			}
			if (sn->detail) {
				tfs_buf_adds(b, "  ");
				tfs_buf_add_printable(b, sn->detail);
			}
			if (sn->public_evidence) {
				tfs_buf_adds(b, "  -- ");
				tfs_buf_add_printable(b, sn->public_evidence);
			}
			tfs_buf_addc(b, '\n');
			S_ids(b, m, &g->members, 5, false);
			S_ids(b, m, &g->standby, 5, true);
		}
		if (S_shown(az->nsubnets) < az->nsubnets)
			S_more(b, 4, az->nsubnets - S_shown(az->nsubnets), "subnets");
	}
	if (S_shown(v->nazs) < v->nazs)
		S_more(b, 3, v->nazs - S_shown(v->nazs), "availability zones");
	if (v->members.count) {
		S_indent(b, 3);
		tfs_buf_adds(b, "in the VPC, outside subnets\n");
		S_ids(b, m, &v->members, 4, false);
	}
}

static void S_text_one(tfs_buf *b, const tfs_model *m)
{
	const tfs_tree *t = &m->tree;
	size_t r, v, i;

	tfs_buf_add_printable(b, m->state->source);
	tfs_buf_addf(b, ": %zu resources, %zu data sources, %zu external, "
	                "%zu edges\n\n",
	             m->nresources, m->ndata, m->nnodes - m->nresources, m->nedges);
	tfs_buf_adds(b, "AWS Cloud\n");
	if (t->edge.count) {
		S_indent(b, 1);
		tfs_buf_adds(b, "Edge and global services\n");
		S_ids(b, m, &t->edge, 2, false);
	}
	for (r = 0; r < S_shown(t->nregions); r++) {
		const tfs_region_group *rg = &t->regions[r];
		S_indent(b, 1);
		tfs_buf_adds(b, "Region ");
		tfs_buf_add_printable(b, rg->name);
		tfs_buf_addc(b, '\n');
		for (v = 0; v < S_shown(rg->nvpcs); v++)
			S_vpc_text(b, m, &rg->vpcs[v]);
		if (S_shown(rg->nvpcs) < rg->nvpcs)
			S_more(b, 2, rg->nvpcs - S_shown(rg->nvpcs), "VPCs");
		if (rg->regional.count) {
			S_indent(b, 2);
			tfs_buf_adds(b, "Regional services\n");
			S_ids(b, m, &rg->regional, 3, false);
		}
	}
	if (S_shown(t->nregions) < t->nregions)
		S_more(b, 1, t->nregions - S_shown(t->nregions), "regions");
	if (t->external.count) {
		tfs_buf_adds(b, "Referenced, not in this input\n");
		for (i = 0; i < S_shown(t->external.count); i++) {
			const tfs_node *n = &m->nodes[t->external.items[i]];
			S_indent(b, 1);
			tfs_buf_add_printable(b, n->label);
			tfs_buf_adds(b, ": ");
			tfs_buf_add_printable(b, n->address);
			tfs_buf_addc(b, '\n');
		}
		if (S_shown(t->external.count) < t->external.count)
			S_more(b, 1, t->external.count - S_shown(t->external.count),
			       "references");
	}
	if (m->nedges) {
		tfs_buf_adds(b, "\nEdges\n");
		for (i = 0; i < S_shown(m->nedges); i++) {
			const tfs_edge *e = &m->edges[i];
			S_indent(b, 1);
			tfs_buf_addf(b, "%-16s ", tfs_edge_kind_name(e->kind));
			tfs_buf_add_printable(b, m->nodes[e->from].address);
			tfs_buf_adds(b, " -> ");
			tfs_buf_add_printable(b, m->nodes[e->to].address);
			if (e->label) {
				tfs_buf_adds(b, "  [");
				tfs_buf_add_printable(b, e->label);
				tfs_buf_addc(b, ']');
			}
			tfs_buf_addc(b, '\n');
			S_indent(b, 10);
			tfs_buf_add_printable(b, e->evidence);
			tfs_buf_addc(b, '\n');
		}
		if (S_shown(m->nedges) < m->nedges)
			S_more(b, 1, m->nedges - S_shown(m->nedges), "edges");
	}
}

void tfs_render_topology_text(const tfs_model_set *set, tfs_buf *out)
{
	for (size_t f = 0; f < set->count; f++) {
		if (f)
			tfs_buf_addc(out, '\n');
		S_text_one(out, set->items[f]);
	}
}

/* ---- JSON ---------------------------------------------------------------------- */

static void S_jw_ids(tfs_jw *w, const tfs_ids *ids)
{
	tfs_jw_array_begin(w);
	for (size_t i = 0; i < ids->count; i++)
		tfs_jw_uint(w, ids->items[i]);
	tfs_jw_array_end(w);
}

static void S_jw_node_ref(tfs_jw *w, size_t n)
{
	if (n == TFS_NONE)
		tfs_jw_null(w);
	else
		tfs_jw_uint(w, n);
}

static void S_json_node(tfs_jw *w, const tfs_model *m, size_t i)
{
	const tfs_node *n = &m->nodes[i];
	size_t j;

	tfs_jw_object_begin(w);
	tfs_jw_key(w, "id");
	tfs_jw_uint(w, i);
	tfs_jw_key(w, "address");
	tfs_jw_string(w, n->address);
	tfs_jw_key(w, "type");
	tfs_jw_string(w, n->item ? n->item->inst->type : NULL);
	tfs_jw_key(w, "kind");
	tfs_jw_string(w, tfs_kind_name(n->kind));
	tfs_jw_key(w, "category");
	tfs_jw_string(w, tfs_category_name(tfs_kind_category(n->kind)));
	tfs_jw_key(w, "label");
	tfs_jw_string(w, n->label);
	tfs_jw_key(w, "detail");
	tfs_jw_string(w, n->detail);
	tfs_jw_key(w, "placement");
	tfs_jw_string(w, tfs_placement_name(n->placement));
	tfs_jw_key(w, "region");
	tfs_jw_string(w, n->item ? n->item->region : NULL);
	tfs_jw_key(w, "environment");
	tfs_jw_string(w, n->environment);
	tfs_jw_key(w, "environmentSource");
	tfs_jw_string(w, tfs_env_source_name(n->env_source));
	tfs_jw_key(w, "vpc");
	S_jw_node_ref(w, n->vpc);
	tfs_jw_key(w, "subnets");
	tfs_jw_array_begin(w);
	for (j = 0; j < n->nsubnets; j++)
		tfs_jw_uint(w, n->subnets[j]);
	tfs_jw_array_end(w);
	tfs_jw_key(w, "azs");
	tfs_jw_array_begin(w);
	for (j = 0; j < n->nazs; j++)
		tfs_jw_string(w, n->azs[j]);
	tfs_jw_array_end(w);
	if (n->kind == TFS_KIND_SUBNET) {
		tfs_jw_key(w, "tier");
		tfs_jw_string(w, tfs_tier_name(n->tier));
		tfs_jw_key(w, "public");
		if (n->tier == TFS_TIER_UNKNOWN)
			tfs_jw_null(w);
		else
			tfs_jw_bool(w, n->tier == TFS_TIER_PUBLIC);
		tfs_jw_key(w, "publicSource");
		tfs_jw_string(w, tfs_public_source_name(n->public_source));
		tfs_jw_key(w, "publicEvidence");
		tfs_jw_string(w, n->public_evidence);
	}
	tfs_jw_object_end(w);
}

static void S_json_tree(tfs_jw *w, const tfs_model *m)
{
	const tfs_tree *t = &m->tree;
	size_t r, v, a, s;

	tfs_jw_object_begin(w);
	tfs_jw_key(w, "edge");
	S_jw_ids(w, &t->edge);
	tfs_jw_key(w, "regions");
	tfs_jw_array_begin(w);
	for (r = 0; r < t->nregions; r++) {
		const tfs_region_group *rg = &t->regions[r];
		tfs_jw_object_begin(w);
		tfs_jw_key(w, "region");
		tfs_jw_string(w, rg->name);
		tfs_jw_key(w, "vpcs");
		tfs_jw_array_begin(w);
		for (v = 0; v < rg->nvpcs; v++) {
			const tfs_vpc_group *vg = &rg->vpcs[v];
			tfs_jw_object_begin(w);
			tfs_jw_key(w, "vpc");
			S_jw_node_ref(w, vg->vpc);
			tfs_jw_key(w, "azs");
			tfs_jw_array_begin(w);
			for (a = 0; a < vg->nazs; a++) {
				const tfs_az_group *ag = &vg->azs[a];
				tfs_jw_object_begin(w);
				tfs_jw_key(w, "az");
				tfs_jw_string(w, ag->name);
				tfs_jw_key(w, "subnets");
				tfs_jw_array_begin(w);
				for (s = 0; s < ag->nsubnets; s++) {
					tfs_jw_object_begin(w);
					tfs_jw_key(w, "subnet");
					tfs_jw_uint(w, ag->subnets[s].subnet);
					tfs_jw_key(w, "tier");
					tfs_jw_string(w, tfs_tier_name(ag->subnets[s].tier));
					tfs_jw_key(w, "public");
					if (ag->subnets[s].tier == TFS_TIER_UNKNOWN)
						tfs_jw_null(w);
					else
						tfs_jw_bool(w, ag->subnets[s].tier ==
						                       TFS_TIER_PUBLIC);
					tfs_jw_key(w, "resources");
					S_jw_ids(w, &ag->subnets[s].members);
					tfs_jw_key(w, "standby");
					S_jw_ids(w, &ag->subnets[s].standby);
					tfs_jw_object_end(w);
				}
				tfs_jw_array_end(w);
				tfs_jw_object_end(w);
			}
			tfs_jw_array_end(w);
			tfs_jw_key(w, "resources");
			S_jw_ids(w, &vg->members);
			tfs_jw_object_end(w);
		}
		tfs_jw_array_end(w);
		tfs_jw_key(w, "regional");
		S_jw_ids(w, &rg->regional);
		tfs_jw_object_end(w);
	}
	tfs_jw_array_end(w);
	tfs_jw_key(w, "external");
	S_jw_ids(w, &t->external);
	tfs_jw_object_end(w);
}

void tfs_render_topology_json(const tfs_model_set *set, tfs_buf *out)
{
	tfs_jw w;
	size_t f, i;

	tfs_jw_init(&w, out);
	tfs_jw_object_begin(&w);
	tfs_jw_key(&w, "inputs");
	tfs_jw_array_begin(&w);
	for (f = 0; f < set->count; f++) {
		const tfs_model *m = set->items[f];
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "path");
		tfs_jw_string(&w, m->state->source);
		tfs_jw_key(&w, "format");
		tfs_jw_string(&w, tfs_input_format_name(m->state->format));
		tfs_jw_key(&w, "summary");
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "resources");
		tfs_jw_uint(&w, m->nresources);
		tfs_jw_key(&w, "dataSources");
		tfs_jw_uint(&w, m->ndata);
		tfs_jw_key(&w, "external");
		tfs_jw_uint(&w, m->nnodes - m->nresources);
		tfs_jw_key(&w, "edges");
		tfs_jw_uint(&w, m->nedges);
		tfs_jw_object_end(&w);
		tfs_jw_key(&w, "nodes");
		tfs_jw_array_begin(&w);
		for (i = 0; i < m->nnodes; i++)
			S_json_node(&w, m, i);
		tfs_jw_array_end(&w);
		tfs_jw_key(&w, "containment");
		S_json_tree(&w, m);
		tfs_jw_key(&w, "edges");
		tfs_jw_array_begin(&w);
		for (i = 0; i < m->nedges; i++) {
			const tfs_edge *e = &m->edges[i];
			tfs_jw_object_begin(&w);
			tfs_jw_key(&w, "from");
			tfs_jw_uint(&w, e->from);
			tfs_jw_key(&w, "to");
			tfs_jw_uint(&w, e->to);
			tfs_jw_key(&w, "kind");
			tfs_jw_string(&w, tfs_edge_kind_name(e->kind));
			tfs_jw_key(&w, "label");
			tfs_jw_string(&w, e->label);
			tfs_jw_key(&w, "evidence");
			tfs_jw_string(&w, e->evidence);
			tfs_jw_object_end(&w);
		}
		tfs_jw_array_end(&w);
		tfs_jw_key(&w, "securityGroupRules");
		tfs_jw_array_begin(&w);
		for (i = 0; i < m->nrules; i++) {
			const tfs_sg_rule *r = &m->rules[i];
			tfs_jw_object_begin(&w);
			tfs_jw_key(&w, "securityGroup");
			tfs_jw_uint(&w, r->sg);
			tfs_jw_key(&w, "direction");
			tfs_jw_string(&w, r->ingress ? "ingress" : "egress");
			tfs_jw_key(&w, "protocol");
			tfs_jw_string(&w, r->protocol);
			tfs_jw_key(&w, "fromPort");
			tfs_jw_int(&w, r->from_port);
			tfs_jw_key(&w, "toPort");
			tfs_jw_int(&w, r->to_port);
			tfs_jw_key(&w, "cidr");
			tfs_jw_string(&w, r->cidr);
			tfs_jw_key(&w, "peerSecurityGroup");
			S_jw_node_ref(&w, r->peer_sg);
			tfs_jw_key(&w, "evidence");
			tfs_jw_string(&w, r->evidence);
			tfs_jw_object_end(&w);
		}
		tfs_jw_array_end(&w);
		tfs_jw_object_end(&w);
	}
	tfs_jw_array_end(&w);
	tfs_jw_object_end(&w);
}
