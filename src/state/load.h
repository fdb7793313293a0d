/* load.h - read and decode an input file into a jansson document. */
#ifndef TFSIGHT_STATE_LOAD_H
#define TFSIGHT_STATE_LOAD_H

#include <jansson.h>

#include "tfsight/core.h"

/* name "-" reads standard input.  Returns a new reference, or NULL with err
 * set. */
json_t *tfs_load_json_file(const char *name, tfs_error *err);
json_t *tfs_load_json_buffer(const char *name, const char *data, size_t len,
                             tfs_error *err);

/* A raw state file whose top-level "resources" array is parsed in pieces
 * on up to `jobs` threads (split.c).  NULL when it declines: small or not
 * a regular file, not a single top-level array, anything that does not
 * parse; the caller then parses the file whole.  doc_arena: the arena
 * bound to the calling thread, or NULL. */
json_t *tfs_load_json_split(const char *name, int jobs, tfs_arena *doc_arena);

/* Bind arena a to the calling thread's jansson allocations until
 * tfs_json_bind(NULL); see jalloc.c.  Returns whether values now come from a
 * (false when tfs_state_use_arena() was not called: the values are then
 * malloc'ed and released with json_decref as usual). */
bool tfs_json_bind(tfs_arena *a);

#endif
