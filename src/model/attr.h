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



/* Numbers and booleans, also when a flatmap state wrote them as strings.
 * Return false when absent or not convertible. */
bool tfs_attr_int(const json_t *obj, const char *key, long long *out);
bool tfs_attr_bool(const json_t *obj, const char *key, bool *out);
/* The first object of a nested block (a list of one object), or NULL. */
json_t *tfs_attr_block(const json_t *obj, const char *key);
/* The strings of an array attribute (non-strings skipped). */
#define tfs_attr_foreach_str(obj, key, i, s)                                  \
	for ((i) = 0; (i) < json_array_size(json_object_get((obj), (key))); (i)++) \
		if (((s) = json_string_value(                                       \
			     json_array_get(json_object_get((obj), (key)), (i)))) != NULL)
#endif
