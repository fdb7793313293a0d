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

#endif
