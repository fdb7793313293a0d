/* reader.h - internals shared by the state reader's format parsers. */
#ifndef TFSIGHT_STATE_READER_H
#define TFSIGHT_STATE_READER_H

#include <jansson.h>

#include "tfsight/state.h"

/* Deepest module nesting or flatmap key we follow; far beyond real use. */
enum { TFS_MAX_NESTING = 256 };

/* The JSON path of the value being read, for messages. */
typedef struct tfs_jpath {
	char buf[256];
	size_t len;
} tfs_jpath;

void tfs_jpath_key(tfs_jpath *p, const char *key);
void tfs_jpath_index(tfs_jpath *p, size_t i);
void tfs_jpath_reset(tfs_jpath *p, size_t mark);

typedef struct tfs_reader {
	tfs_state *st;
	tfs_error *err;
	tfs_jpath path;
} tfs_reader;

/* Set the error at the current path; always returns false. */
bool tfs_rd_fail(tfs_reader *rd, const char *fmt, ...) TFS_PRINTF(2, 3);
/* "expected T, got U" at path + key. */
bool tfs_rd_type_error(tfs_reader *rd, const char *key, const char *want,
                       const json_t *got);
const char *tfs_json_type_name(const json_t *v);

/* Typed member access.  A missing or null member yields the default and
 * true; a member of the wrong type sets the error and returns false. */
bool tfs_rd_string(tfs_reader *rd, json_t *obj, const char *key,
                   const char **out);
bool tfs_rd_array(tfs_reader *rd, json_t *obj, const char *key, json_t **out);
bool tfs_rd_object(tfs_reader *rd, json_t *obj, const char *key,
                   json_t **out);
bool tfs_rd_bool(tfs_reader *rd, json_t *obj, const char *key, bool *out);
/* An array of strings, copied into the arena. */
bool tfs_rd_string_array(tfs_reader *rd, json_t *obj, const char *key,
                         const char ***out, size_t *n);
/* index_key / index: absent, integer or string. */
bool tfs_rd_index_key(tfs_reader *rd, json_t *obj, const char *key,
                      tfs_index_key *out);

tfs_instance *tfs_rd_add(tfs_reader *rd, tfs_instance_list *list);
/* Fill in inst->address from module, mode, type, name and key. */
void tfs_rd_set_address(tfs_reader *rd, tfs_instance *inst);
/* Normalise a provider reference of any vintage into inst->provider and
 * inst->provider_alias; type is the fallback when ref is NULL or "". */
void tfs_rd_set_provider(tfs_reader *rd, tfs_instance *inst, const char *ref);
/* Keep obj alive for the state's lifetime (steals the reference). */
json_t *tfs_rd_own(tfs_reader *rd, json_t *obj);

/* Format parsers; each returns false with the error set. */
bool tfs_read_v4(tfs_reader *rd, json_t *root);
bool tfs_read_v3(tfs_reader *rd, json_t *root);
bool tfs_read_show_json(tfs_reader *rd, json_t *root);
bool tfs_read_plan(tfs_reader *rd, json_t *root);
/* values.root_module (or planned_values / prior_state.values) into list. */
bool tfs_read_module_tree(tfs_reader *rd, json_t *values,
                          tfs_instance_list *list);

/* Fill a plan's unknown identity attributes from its configuration's
 * references (plancfg.c); call once every instance is read. */
void tfs_plan_config_refs(tfs_reader *rd, json_t *root);

/* Expand a flatmap (v3 attributes, v4 attributes_flat) into a new object
 * kept by the state; flat is emptied. */
json_t *tfs_flatmap_expand(tfs_reader *rd, json_t *flat);
/* The attributes of an instance stored as the flatmap at key (NULL flat: an
 * empty object); NULL with the error set. */
json_t *tfs_rd_flat_attributes(tfs_reader *rd, json_t *flat, const char *key);

/* Redaction (redact.c). */
void tfs_redact_paths(tfs_reader *rd, tfs_instance *inst, json_t *paths);
void tfs_redact_mirror(tfs_reader *rd, tfs_instance *inst, json_t *mirror);
void tfs_redact_by_name(tfs_reader *rd, tfs_instance *inst);
bool tfs_is_secret_key(const char *key);

#endif
