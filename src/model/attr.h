/* attr.h - read attribute values whatever their JSON spelling (flatmap
 * states keep numbers and booleans as strings). */
#ifndef TFSIGHT_MODEL_ATTR_H
#define TFSIGHT_MODEL_ATTR_H

#include <jansson.h>
#include <stdbool.h>

/* The string at key, or NULL when absent, null, empty or not a string. */
const char *tfs_attr_str(const json_t *obj, const char *key);

/* Split an ARN; returns false when s is not one.  The fields point into
 * buffers of the given size. */
typedef struct tfs_arn {
	char partition[32];
	char service[64];
	char region[32];
	char account[32];
} tfs_arn;
bool tfs_arn_parse(const char *s, tfs_arn *out);

#endif
