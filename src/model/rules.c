/*
 * rules.c - security group rules from all three ways Terraform writes them
 * (in-line ingress/egress blocks, aws_security_group_rule, and
 * aws_vpc_security_group_ingress_rule / _egress_rule), split into one flow
 * per source and deduplicated: after a refresh the group's own blocks repeat
 * the rules that separate resources declare.
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"

static const char *S_protocol(const char *p)
{
	if (!p || !*p || strcmp(p, "-1") == 0 || strcmp(p, "all") == 0)
		return "-1";
	if (strcmp(p, "6") == 0)
		return "tcp";
	if (strcmp(p, "17") == 0)
		return "udp";
	if (strcmp(p, "1") == 0)
		return "icmp";
	return p;
}

/* "123456789012/sg-0abc" (another account's group) -> "sg-0abc" */
static const char *S_sg_id(const char *s)
{
	const char *slash = s ? strchr(s, '/') : NULL;
	return slash ? slash + 1 : s;
}

typedef struct {
	tfs_builder *b;
	tfs_map seen;
	tfs_buf key;
} S_ctx;

static void S_add(S_ctx *c, size_t sg, bool ingress, const char *proto,
                  long from, long to, const char *cidr, const char *peer,
                  const char *evidence)
{
	tfs_model *m = c->b->m;
	tfs_sg_rule *r;

	if (sg == TFS_NONE)
		return;
	proto = S_protocol(proto);
	if (strcmp(proto, "-1") == 0) {
		from = 0;
		to = 65535;
	}
	tfs_buf_truncate(&c->key, 0);
	tfs_buf_addf(&c->key, "%zu|%d|%s|%ld|%ld|%s|%s", sg, ingress, proto, from,
	             to, cidr ? cidr : "", peer ? peer : "");
	if (tfs_map_get(&c->seen, c->key.data, NULL))
		return;
	tfs_map_put(&c->seen, tfs_arena_strdup(&m->arena, c->key.data), 0);
	tfs_grow(&m->rules, &m->cap_rules, m->nrules + 1, sizeof(*m->rules));
	r = &m->rules[m->nrules++];
	r->sg = sg;
	r->ingress = ingress;
	r->protocol = proto;
	r->from_port = from;
	r->to_port = to;
	r->cidr = cidr;
	r->peer_sg_id = peer;
	r->peer_sg = peer ? tfs_b_find_or_external(c->b, TFS_KIND_SECURITY_GROUP,
	                                           peer)
	                  : TFS_NONE;
	r->evidence = evidence;
}

static long S_port(const json_t *o, const char *key)
{
	long long v;
	return tfs_attr_int(o, key, &v) && v >= -1 && v <= 65535 ? (long)v : 0;
}

/* One block or rule resource: every source becomes one flow. */
static void S_block(S_ctx *c, size_t sg, bool ingress, const json_t *o,
                    const char *proto_key, const char *evidence)
{
	const char *proto = tfs_attr_str(o, proto_key);
	long from = S_port(o, "from_port"), to = S_port(o, "to_port");
	const char *s;
	size_t i;
	bool self;

	tfs_attr_foreach_str(o, "cidr_blocks", i, s)
		S_add(c, sg, ingress, proto, from, to, s, NULL, evidence);
	tfs_attr_foreach_str(o, "ipv6_cidr_blocks", i, s)
		S_add(c, sg, ingress, proto, from, to, s, NULL, evidence);
	tfs_attr_foreach_str(o, "security_groups", i, s)
		S_add(c, sg, ingress, proto, from, to, NULL, S_sg_id(s), evidence);
	if ((s = tfs_attr_str(o, "source_security_group_id")))
		S_add(c, sg, ingress, proto, from, to, NULL, S_sg_id(s), evidence);
	if ((s = tfs_attr_str(o, "referenced_security_group_id")))
		S_add(c, sg, ingress, proto, from, to, NULL, S_sg_id(s), evidence);
	if ((s = tfs_attr_str(o, "cidr_ipv4")))
		S_add(c, sg, ingress, proto, from, to, s, NULL, evidence);
	if ((s = tfs_attr_str(o, "cidr_ipv6")))
		S_add(c, sg, ingress, proto, from, to, s, NULL, evidence);
	if (tfs_attr_bool(o, "self", &self) && self)
		S_add(c, sg, ingress, proto, from, to, NULL,
		      tfs_attr_str(tfs_node_attrs(c->b->m, sg), "id"), evidence);
}

/* Rules sorted by group, then direction and contents: the model's order,
 * and what lets a join find one group's rules by binary search. */
static int S_rule_cmp(const void *pa, const void *pb)
{
	const tfs_sg_rule *a = pa, *b = pb;
	int c;

	if (a->sg != b->sg)
		return a->sg < b->sg ? -1 : 1;
	if (a->ingress != b->ingress)
		return a->ingress ? -1 : 1;
	if ((c = strcmp(a->protocol, b->protocol)) != 0)
		return c;
	if (a->from_port != b->from_port)
		return a->from_port < b->from_port ? -1 : 1;
	if (a->to_port != b->to_port)
		return a->to_port < b->to_port ? -1 : 1;
	if ((c = strcmp(a->cidr ? a->cidr : "", b->cidr ? b->cidr : "")) != 0)
		return c;
	return strcmp(a->peer_sg_id ? a->peer_sg_id : "",
	              b->peer_sg_id ? b->peer_sg_id : "");
}

size_t tfs_rules_first(const tfs_model *m, size_t sg)
{
	size_t lo = 0, hi = m->nrules;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->rules[mid].sg < sg)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void tfs_security_rules(tfs_builder *b)
{
	tfs_model *m = b->m;
	size_t i, j;
	S_ctx c;

	c.b = b;
	tfs_map_init(&c.seen);
	tfs_buf_init(&c.key);
	/* Separate rule resources first: their evidence names the resource
	 * that declares the rule, not the group that reflects it. */
	for (i = 0; i < m->nresources; i++) {
		json_t *a = tfs_node_attrs(m, i);
		const char *type = m->nodes[i].item->inst->type;
		size_t sg;

		if (m->nodes[i].kind != TFS_KIND_SECURITY_GROUP_RULE)
			continue;
		sg = tfs_b_find_or_external(b, TFS_KIND_SECURITY_GROUP,
		                            tfs_attr_str(a, "security_group_id"));
		if (strcmp(type, "aws_security_group_rule") == 0) {
			const char *t = tfs_attr_str(a, "type");
			S_block(&c, sg, !t || strcmp(t, "egress") != 0, a, "protocol",
			        m->nodes[i].address);
		} else {
			S_block(&c, sg, strstr(type, "_ingress_") != NULL, a,
			        "ip_protocol", m->nodes[i].address);
		}
	}
	for (i = 0; i < m->nresources; i++) {
		json_t *a = tfs_node_attrs(m, i), *blk;
		if (m->nodes[i].kind != TFS_KIND_SECURITY_GROUP)
			continue;
		json_array_foreach(json_object_get(a, "ingress"), j, blk)
			S_block(&c, i, true, blk, "protocol",
			        tfs_arena_strfmt(&m->arena, "%s.ingress[%zu]",
			                         m->nodes[i].address, j));
		json_array_foreach(json_object_get(a, "egress"), j, blk)
			S_block(&c, i, false, blk, "protocol",
			        tfs_arena_strfmt(&m->arena, "%s.egress[%zu]",
			                         m->nodes[i].address, j));
	}
	tfs_sort(m->rules, m->nrules, sizeof(*m->rules), S_rule_cmp);
	tfs_map_release(&c.seen);
	tfs_buf_release(&c.key);
}
