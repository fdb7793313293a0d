/* attr.c - attribute access shared by the model's views. */
#include <stdlib.h>
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

bool tfs_attr_int(const json_t *obj, const char *key, long long *out)
{
	json_t *v = json_object_get(obj, key);
	const char *s;
	char *end;

	if (json_is_integer(v)) {
		*out = (long long)json_integer_value(v);
		return true;
	}
	if (json_is_real(v)) {
		double d = json_real_value(v);
		if (d > -9e18 && d < 9e18) {
			*out = (long long)d;
			return true;
		}
		return false;
	}
	s = json_string_value(v);
	if (!s || !*s)
		return false;
	*out = strtoll(s, &end, 10);
	return *end == '\0';
}

bool tfs_attr_bool(const json_t *obj, const char *key, bool *out)
{
	json_t *v = json_object_get(obj, key);
	const char *s = json_string_value(v);

	if (json_is_boolean(v)) {
		*out = json_is_true(v);
		return true;
	}
	if (s && (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)) {
		*out = s[0] == 't';
		return true;
	}
	return false;
}

json_t *tfs_attr_block(const json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	return json_is_object(v) ? v : NULL;
}
