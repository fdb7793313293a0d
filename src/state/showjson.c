/* showjson.c - `terraform show -json` of a state, and of a plan. */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

static bool S_mode(tfs_reader *rd, json_t *obj, tfs_mode *mode)
{
	const char *s;
	if (!tfs_rd_string(rd, obj, "mode", &s))
		return false;
	*mode = s && strcmp(s, "data") == 0 ? TFS_MODE_DATA : TFS_MODE_MANAGED;
	if (s && *mode == TFS_MODE_MANAGED && strcmp(s, "managed") != 0) {
		tfs_jpath_key(&rd->path, "mode");
		return tfs_rd_fail(rd, "unknown mode \"%.40s\"", s);
	}
	return true;
}

static bool S_names(tfs_reader *rd, json_t *obj, tfs_instance *inst)
{
	if (!tfs_rd_string(rd, obj, "type", &inst->type) ||
	    !tfs_rd_string(rd, obj, "name", &inst->name))
		return false;
	if (!inst->type || !*inst->type || !inst->name || !*inst->name)
		return tfs_rd_fail(rd, "resource without \"type\" or \"name\"");
	return true;
}

/* Attributes, or an empty object for null (a deleted or unknown value). */
static json_t *S_values(tfs_reader *rd, json_t *v)
{
	return json_is_object(v) ? v : tfs_rd_own(rd, json_object());
}

static bool S_read_resource(tfs_reader *rd, const char *module, json_t *res,
                            tfs_instance_list *list)
{
	tfs_instance *inst;
	json_t *values, *sens;
	const char *provider, *deposed;
	bool tainted;

	if (!json_is_object(res))
		return tfs_rd_type_error(rd, NULL, "object", res);
	if (!tfs_rd_string(rd, res, "provider_name", &provider) ||
	    !tfs_rd_string(rd, res, "deposed_key", &deposed) ||
	    !tfs_rd_bool(rd, res, "tainted", &tainted))
		return false;
	values = json_object_get(res, "values");
	if (values && !json_is_null(values) && !json_is_object(values))
		return tfs_rd_type_error(rd, "values", "object", values);
	sens = json_object_get(res, "sensitive_values");
	inst = tfs_rd_add(rd, list);
	inst->module = module;
	if (!S_mode(rd, res, &inst->mode) || !S_names(rd, res, inst) ||
	    !tfs_rd_index_key(rd, res, "index", &inst->key) ||
	    !tfs_rd_string_array(rd, res, "depends_on", &inst->depends,
	                         &inst->ndepends))
		return false;
	inst->deposed = deposed;
	inst->tainted = tainted;
	inst->attributes = S_values(rd, values);
	tfs_rd_set_provider(rd, inst, provider);
	tfs_rd_set_address(rd, inst);
	if (sens)
		tfs_redact_mirror(rd, inst, sens);
	tfs_redact_by_name(rd, inst);
	return !tfs_error_is_set(rd->err);
}

static bool S_read_module(tfs_reader *rd, json_t *mod, const char *module,
                          tfs_instance_list *list, int depth)
{
	json_t *resources, *children, *v;
	size_t i, mark = rd->path.len;

	if (depth > TFS_MAX_NESTING)
		return tfs_rd_fail(rd, "modules nested more than %d deep",
		                   TFS_MAX_NESTING);
	if (!json_is_object(mod))
		return tfs_rd_type_error(rd, NULL, "object", mod);
	if (!tfs_rd_array(rd, mod, "resources", &resources) ||
	    !tfs_rd_array(rd, mod, "child_modules", &children))
		return false;
	json_array_foreach(resources, i, v) {
		tfs_jpath_key(&rd->path, "resources");
		tfs_jpath_index(&rd->path, i);
		if (!S_read_resource(rd, module, v, list))
			return false;
		tfs_jpath_reset(&rd->path, mark);
	}
	json_array_foreach(children, i, v) {
		const char *addr;
		tfs_jpath_key(&rd->path, "child_modules");
		tfs_jpath_index(&rd->path, i);
		if (!json_is_object(v))
			return tfs_rd_type_error(rd, NULL, "object", v);
		if (!tfs_rd_string(rd, v, "address", &addr))
			return false;
		if (!addr || !*addr)
			return tfs_rd_fail(rd, "child module without \"address\"");
		if (!S_read_module(rd, v, addr, list, depth + 1))
			return false;
		tfs_jpath_reset(&rd->path, mark);
	}
	return true;
}

bool tfs_read_module_tree(tfs_reader *rd, json_t *values,
                          tfs_instance_list *list)
{
	json_t *root_module;
	size_t mark = rd->path.len;
	bool ok;

	if (!json_is_object(values))
		return tfs_rd_type_error(rd, NULL, "object", values);
	if (!tfs_rd_object(rd, values, "root_module", &root_module))
		return false;
	if (!root_module)
		return true;
	tfs_jpath_key(&rd->path, "root_module");
	ok = S_read_module(rd, root_module, "", list, 0);
	tfs_jpath_reset(&rd->path, mark);
	return ok;
}

bool tfs_read_show_json(tfs_reader *rd, json_t *root)
{
	json_t *values;
	bool ok;

	if (!tfs_rd_object(rd, root, "values", &values))
		return false;
	if (!values)
		return true; /* an empty state: show -json prints no values */
	tfs_jpath_key(&rd->path, "values");
	ok = tfs_read_module_tree(rd, values, &rd->st->resources);
	tfs_jpath_reset(&rd->path, 0);
	return ok;
}

/* ---- plans ------------------------------------------------------------ */

static bool S_action(tfs_reader *rd, json_t *actions, tfs_action *out)
{
	const char *a0, *a1;

	if (!json_is_array(actions) || json_array_size(actions) == 0 ||
	    json_array_size(actions) > 2)
		return tfs_rd_fail(rd, "expected \"actions\" as an array of one or "
		                       "two strings");
	a0 = json_string_value(json_array_get(actions, 0));
	a1 = json_string_value(json_array_get(actions, 1));
	if (!a0 || (json_array_size(actions) == 2 && !a1))
		return tfs_rd_fail(rd, "expected \"actions\" as an array of "
		                       "strings");
	if (a1) {
		/* delete-then-create, create-before-destroy, and create and
		 * forget the old object: all replace it */
		if ((strcmp(a0, "delete") == 0 && strcmp(a1, "create") == 0) ||
		    (strcmp(a0, "create") == 0 && (strcmp(a1, "delete") == 0 ||
		                                   strcmp(a1, "forget") == 0)))
			*out = TFS_ACTION_REPLACE;
		else
			return tfs_rd_fail(rd, "unknown actions [\"%.20s\", "
			                       "\"%.20s\"]",
			                   a0, a1);
		return true;
	}
	if (strcmp(a0, "no-op") == 0)
		*out = TFS_ACTION_NOOP;
	else if (strcmp(a0, "create") == 0)
		*out = TFS_ACTION_CREATE;
	else if (strcmp(a0, "read") == 0)
		*out = TFS_ACTION_READ;
	else if (strcmp(a0, "update") == 0)
		*out = TFS_ACTION_UPDATE;
	else if (strcmp(a0, "delete") == 0)
		*out = TFS_ACTION_DELETE;
	else if (strcmp(a0, "forget") == 0)
		*out = TFS_ACTION_FORGET;
	else
		return tfs_rd_fail(rd, "unknown action \"%.20s\"", a0);
	return true;
}

static bool S_read_change(tfs_reader *rd, json_t *rc, bool has_prior)
{
	tfs_instance proto, *inst;
	json_t *change, *after, *sens;
	const char *module, *provider, *deposed, *prev;
	tfs_action action = TFS_ACTION_NONE;
	size_t mark = rd->path.len;

	if (!json_is_object(rc))
		return tfs_rd_type_error(rd, NULL, "object", rc);
	memset(&proto, 0, sizeof(proto));
	if (!tfs_rd_string(rd, rc, "module_address", &module) ||
	    !tfs_rd_string(rd, rc, "provider_name", &provider) ||
	    !tfs_rd_string(rd, rc, "deposed", &deposed) ||
	    !tfs_rd_string(rd, rc, "previous_address", &prev) ||
	    !S_mode(rd, rc, &proto.mode) || !S_names(rd, rc, &proto) ||
	    !tfs_rd_index_key(rd, rc, "index", &proto.key) ||
	    !tfs_rd_object(rd, rc, "change", &change))
		return false;
	if (!change)
		return tfs_rd_fail(rd, "resource change without \"change\"");
	tfs_jpath_key(&rd->path, "change");
	if (!S_action(rd, json_object_get(change, "actions"), &action))
		return false;
	tfs_jpath_reset(&rd->path, mark);
	if (!has_prior && action != TFS_ACTION_CREATE &&
	    action != TFS_ACTION_READ &&
	    json_is_object(json_object_get(change, "before"))) {
		/* an old plan without prior_state: before is the prior */
		json_t *bsens = json_object_get(change, "before_sensitive");
		inst = tfs_rd_add(rd, &rd->st->prior);
		*inst = proto;
		inst->module = module ? module : "";
		inst->deposed = deposed;
		inst->attributes = json_object_get(change, "before");
		tfs_rd_set_provider(rd, inst, provider);
		tfs_rd_set_address(rd, inst);
		if (bsens)
			tfs_redact_mirror(rd, inst, bsens);
		tfs_redact_by_name(rd, inst);
	}
	/* What exists after the apply: deleted and forgotten objects, and
	 * deposed objects (always on their way out), are not part of it. */
	if (deposed || action == TFS_ACTION_DELETE || action == TFS_ACTION_FORGET)
		return true;
	after = json_object_get(change, "after");
	if (after && !json_is_null(after) && !json_is_object(after)) {
		tfs_jpath_key(&rd->path, "change");
		return tfs_rd_type_error(rd, "after", "object", after);
	}
	inst = tfs_rd_add(rd, &rd->st->resources);
	*inst = proto;
	inst->module = module ? module : "";
	inst->action = action;
	inst->previous_address = prev;
	inst->attributes = S_values(rd, after);
	inst->unknown = json_object_get(change, "after_unknown");
	tfs_rd_set_provider(rd, inst, provider);
	tfs_rd_set_address(rd, inst);
	sens = json_object_get(change, "after_sensitive");
	if (sens)
		tfs_redact_mirror(rd, inst, sens);
	tfs_redact_by_name(rd, inst);
	/* before holds the prior values: redact them as well, because the
	 * plan document is what we keep */
	{
		json_t *before = json_object_get(change, "before");
		json_t *bsens = json_object_get(change, "before_sensitive");
		if (json_is_object(before)) {
			tfs_instance tmp = *inst;
			tmp.attributes = before;
			tmp.sealed = NULL; /* the after document's, not these */
			tfs_redact_mirror(rd, &tmp, bsens ? bsens : sens);
			tfs_redact_by_name(rd, &tmp);
		}
	}
	return !tfs_error_is_set(rd->err);
}

/* The aws provider's region in the plan's configuration, when it is a
 * constant. */
static void S_default_region(tfs_reader *rd, json_t *root)
{
	json_t *pc = json_object_get(json_object_get(root, "configuration"),
	                             "provider_config");
	const char *key;
	json_t *v;

	json_object_foreach(pc, key, v) {
		json_t *region;
		if (!json_is_object(v) ||
		    !json_is_string(json_object_get(v, "name")) ||
		    strcmp(json_string_value(json_object_get(v, "name")), "aws") != 0 ||
		    json_object_get(v, "alias") || json_object_get(v, "module_address"))
			continue;
		region = json_object_get(
			json_object_get(json_object_get(v, "expressions"), "region"),
			"constant_value");
		if (json_is_string(region))
			rd->st->default_region = json_string_value(region);
	}
}

bool tfs_read_plan(tfs_reader *rd, json_t *root)
{
	json_t *changes, *planned, *prior, *rc;
	size_t i;

	if (!tfs_rd_array(rd, root, "resource_changes", &changes) ||
	    !tfs_rd_object(rd, root, "planned_values", &planned) ||
	    !tfs_rd_object(rd, root, "prior_state", &prior))
		return false;
	S_default_region(rd, root);
	if (changes) {
		rd->st->change_count = json_array_size(changes);
		json_array_foreach(changes, i, rc) {
			tfs_jpath_key(&rd->path, "resource_changes");
			tfs_jpath_index(&rd->path, i);
			if (!S_read_change(rd, rc, prior != NULL))
				return false;
			tfs_jpath_reset(&rd->path, 0);
		}
	} else if (planned) {
		tfs_jpath_key(&rd->path, "planned_values");
		if (!tfs_read_module_tree(rd, planned, &rd->st->resources))
			return false;
		tfs_jpath_reset(&rd->path, 0);
	}
	if (prior) {
		json_t *values;
		tfs_jpath_key(&rd->path, "prior_state");
		if (!tfs_rd_object(rd, prior, "values", &values))
			return false;
		if (values) {
			tfs_jpath_key(&rd->path, "values");
			if (!tfs_read_module_tree(rd, values, &rd->st->prior))
				return false;
		}
		tfs_jpath_reset(&rd->path, 0);
	}
	tfs_plan_config_refs(rd, root);
	/* planned_values repeat the after values: redact them too, so no
	 * copy of a secret stays in the document */
	if (planned) {
		tfs_instance_list tmp = {NULL, 0, 0};
		tfs_jpath_key(&rd->path, "planned_values");
		tfs_read_module_tree(rd, planned, &tmp);
		tfs_jpath_reset(&rd->path, 0);
		free(tmp.items);
	}
	return !tfs_error_is_set(rd->err);
}
