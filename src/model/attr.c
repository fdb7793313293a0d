/* attr.c - attribute access shared by the model's views. */
#include <string.h>

#include "attr.h"

const char *tfs_attr_str(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s && *s ? s : NULL;
}

static bool S_field(const char **p, char *dst, size_t size)
{
	const char *colon = strchr(*p, ':');
	size_t n;

	if (!colon)
		return false;
	n = (size_t)(colon - *p);
	if (n >= size)
		return false;
	memcpy(dst, *p, n);
	dst[n] = '\0';
	*p = colon + 1;
	return true;
}

bool tfs_arn_parse(const char *s, tfs_arn *out)
{
	const char *p;

	if (!s || strncmp(s, "arn:", 4) != 0)
		return false;
	p = s + 4;
	return S_field(&p, out->partition, sizeof(out->partition)) &&
	       S_field(&p, out->service, sizeof(out->service)) &&
	       S_field(&p, out->region, sizeof(out->region)) &&
	       S_field(&p, out->account, sizeof(out->account)) &&
	       out->partition[0] && out->service[0];
}
