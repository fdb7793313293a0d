/* saved.c - last month's estimate as a side of a diff: the cost JSON that
 * `tfsight cost --format json` and `tfsight report` write (Infracost's
 * layout), read back resource by resource. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "tfsight/diff.h"

bool tfs_diff_is_estimate(const json_t *root)
{
	return json_is_object(root) && json_is_array(json_object_get(root, "projects")) &&
	       json_is_string(json_object_get(root, "currency"));
}

static int S_fail(tfs_error *err, const char *name, const char *path,
                  const char *what)
{
	tfs_error_set(err, TFS_EXIT_INPUT, name, 0, 0, path, "%s", what);
	return -1;
}

/* A tag's non-empty value, or TFS_UNTAGGED. */
static const char *S_tag(const json_t *tags, const char *key)
{
	const char *v = json_string_value(json_object_get(tags, key));
	return v && *v ? v : TFS_UNTAGGED;
}

/* Money as Infracost writes it: a decimal string, or null. */
static bool S_money(const json_t *v, double *out)
{
	char *end;

	if (json_is_null(v) || !v) {
		*out = 0;
		return true;
	}
	if (json_is_number(v)) {
		*out = json_number_value(v);
		return true;
	}
	if (!json_is_string(v))
		return false;
	*out = strtod(json_string_value(v), &end);
	return end != json_string_value(v) && *end == '\0' && *out > -1e15 &&
	       *out < 1e15;
}

int tfs_diff_saved_read(tfs_diff_saved **out, const char *name, json_t *root,
                        const char *project_tag, const char *owner_tag,
                        tfs_error *err)
{
	tfs_diff_saved *s = xcalloc(1, sizeof(*s));
	json_t *projects = json_object_get(root, "projects"), *p;
	size_t i, k, cap = 0;
	char path[96];

	*out = NULL;
	s->root = root;
	s->source = tfs_arena_strdup(&s->arena, name);
	if (!tfs_diff_is_estimate(root)) {
		tfs_diff_saved_free(s);
		return S_fail(err, name, NULL, "not a saved estimate (expected "
		                               "projects and currency)");
	}
	json_array_foreach(projects, i, p) {
	    /* priced resources, then free ones (Infracost's freeResources) */
	    static const char *const LISTS[] = {"resources", "freeResources"};
	    size_t l;
	    for (l = 0; l < 2; l++) {
		json_t *resources = json_object_get(
			json_object_get(p, "breakdown"), LISTS[l]);
		json_t *r;

		if (!resources && l == 1)
			continue;
		if (!json_is_array(resources)) {
			snprintf(path, sizeof(path), "projects[%zu].breakdown.%s", i,
			         LISTS[l]);
			tfs_diff_saved_free(s);
			return S_fail(err, name, path, "expected an array");
		}
		json_array_foreach(resources, k, r) {
			const char *address = json_string_value(json_object_get(r, "name"));
			const char *type = json_string_value(
				json_object_get(r, "resourceType"));
			const char *env = json_string_value(json_object_get(
				json_object_get(json_object_get(r, "metadata"), "tfsight"),
				"environment"));
			json_t *tags = json_object_get(r, "tags");
			tfs_diff_item *it;
			double usd;

			snprintf(path, sizeof(path), "projects[%zu].breakdown.%s[%zu]",
			         i, LISTS[l], k);
			if (!address || !type) {
				tfs_diff_saved_free(s);
				return S_fail(err, name, path,
				              "a resource needs a name and a resourceType");
			}
			if (!S_money(json_object_get(r, "monthlyCost"), &usd)) {
				tfs_diff_saved_free(s);
				return S_fail(err, name, path,
				              "monthlyCost is not an amount");
			}
			tfs_grow(&s->items, &cap, s->count + 1, sizeof(*s->items));
			it = &s->items[s->count++];
			memset(it, 0, sizeof(*it));
			it->address = address;
			it->type = type;
			it->environment = env && *env && strcmp(env, "unknown") != 0
			                          ? env
			                          : TFS_UNTAGGED;
			it->project = S_tag(tags, project_tag);
			it->owner = S_tag(tags, owner_tag);
			it->usd = usd;
		}
	    }
	}
	*out = s;
	return 0;
}

void tfs_diff_saved_free(tfs_diff_saved *s)
{
	if (!s)
		return;
	free(s->items);
	json_decref(s->root);
	tfs_arena_release(&s->arena);
	free(s);
}
