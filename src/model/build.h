/* build.h - the model builder's shared state (internal to src/model). */
#ifndef TFSIGHT_MODEL_BUILD_H
#define TFSIGHT_MODEL_BUILD_H

#include "attr.h"
#include "tfsight/model.h"

typedef struct tfs_builder {
	tfs_model *m;
	tfs_map index; /* "kind|value" -> node index */
	tfs_buf key;   /* scratch */
} tfs_builder;

static inline json_t *tfs_node_attrs(const tfs_model *m, size_t n)
{
	const tfs_node *node = &m->nodes[n];
	return node->item ? node->item->inst->attributes : NULL;
}

/* Remember node n under (kind, value); the first one wins. */
void tfs_b_index(tfs_builder *b, tfs_kind kind, const char *value, size_t n);
/* Find a node by (kind, value), or TFS_NONE. */
size_t tfs_b_find(tfs_builder *b, tfs_kind kind, const char *value);
/* Find, or make an external node standing for value. */
size_t tfs_b_find_or_external(tfs_builder *b, tfs_kind kind,
                              const char *value);
/* An edge from -> to; its evidence is "ADDRESS(src).attr = value". */
void tfs_b_edge(tfs_builder *b, size_t from, size_t to, tfs_edge_kind kind,
                size_t src, const char *attr, const char *value,
                const char *label);

/* An edge whose evidence is the given text. */
void tfs_b_edge_raw(tfs_builder *b, size_t from, size_t to, tfs_edge_kind kind,
                    const char *evidence, const char *label);

void tfs_place_network(tfs_builder *b); /* place.c */
void tfs_security_rules(tfs_builder *b); /* rules.c */
/* Index of the first rule of security group node sg (rules are sorted by
 * group). */
size_t tfs_rules_first(const tfs_model *m, size_t sg);
void tfs_build_edges(tfs_builder *b);    /* edges.c */
/* serverless.c, from edges.c: the values others join on, then the edges */
void tfs_index_serverless(tfs_builder *b);
void tfs_build_serverless(tfs_builder *b);
void tfs_build_tree(tfs_model *m);       /* tree.c */
void tfs_tree_release(tfs_tree *t);

#endif
