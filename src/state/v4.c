/* v4.c - raw terraform.tfstate, format version 4 (Terraform 0.12+). */
#include <string.h>

#include "reader.h"

static bool S_read_mode(tfs_reader *rd, json_t *res, tfs_mode *mode)
{
	const char *s;

	if (!tfs_rd_string(rd, res, "mode", &s))
		return false;
	if (!s || strcmp(s, "managed") == 0)
		*mode = TFS_MODE_MANAGED;
	else if (strcmp(s, "data") == 0)
		*mode = TFS_MODE_DATA;
	else {
		size_t mark = rd->path.len;
		tfs_jpath_key(&rd->path, "mode");
		tfs_rd_fail(rd, "unknown mode \"%.40s\" (expected \"managed\" "
		                "or \"data\")", s);
		tfs_jpath_reset(&rd->path, mark);
		return false;
	}
	return true;
}

static bool S_required_string(tfs_reader *rd, json_t *obj, const char *key,
                              const char **out)
{
	if (!tfs_rd_string(rd, obj, key, out))
		return false;
	if (!*out || !**out) {
		size_t mark = rd->path.len;
		tfs_jpath_key(&rd->path, key);
		tfs_rd_fail(rd, "missing or empty");
		tfs_jpath_reset(&rd->path, mark);
		return false;
	}
	return true;
}

static bool S_read_instance(tfs_reader *rd, const tfs_instance *proto,
                            json_t *obj)
{
	tfs_instance *inst;
	json_t *attrs, *flat, *sens;
	const char *status, *deposed;
	const char **deps;
	size_t ndeps;

	if (!json_is_object(obj))
		return tfs_rd_type_error(rd, NULL, "object", obj);
	if (!tfs_rd_object(rd, obj, "attributes", &attrs) ||
	    !tfs_rd_object(rd, obj, "attributes_flat", &flat) ||
	    !tfs_rd_array(rd, obj, "sensitive_attributes", &sens) ||
	    !tfs_rd_string(rd, obj, "status", &status) ||
	    !tfs_rd_string(rd, obj, "deposed", &deposed))
		return false;
	inst = tfs_rd_add(rd, &rd->st->resources);
	*inst = *proto;
	if (!tfs_rd_index_key(rd, obj, "index_key", &inst->key))
		return false;
	inst->tainted = status && strcmp(status, "tainted") == 0;
	inst->deposed = deposed;
	inst->attributes =
		attrs ? attrs : tfs_rd_flat_attributes(rd, flat, "attributes_flat");
	if (!inst->attributes)
		return false;
	if (!tfs_rd_string_array(rd, obj, "dependencies", &deps, &ndeps))
		return false;
	if (!deps && !tfs_rd_string_array(rd, obj, "depends_on", &deps, &ndeps))
		return false;
	inst->depends = deps;
	inst->ndepends = ndeps;
	tfs_rd_set_address(rd, inst);
	if (sens)
		tfs_redact_paths(rd, inst, sens);
	tfs_redact_by_name(rd, inst);
	return !tfs_error_is_set(rd->err);
}

static bool S_read_resource(tfs_reader *rd, json_t *res)
{
	tfs_instance proto;
	json_t *instances, *v;
	const char *module, *provider;
	size_t i;

	if (!json_is_object(res))
		return tfs_rd_type_error(rd, NULL, "object", res);
	memset(&proto, 0, sizeof(proto));
	if (!tfs_rd_string(rd, res, "module", &module) ||
	    !S_read_mode(rd, res, &proto.mode) ||
	    !S_required_string(rd, res, "type", &proto.type) ||
	    !S_required_string(rd, res, "name", &proto.name) ||
	    !tfs_rd_string(rd, res, "provider", &provider) ||
	    !tfs_rd_array(rd, res, "instances", &instances))
		return false;
	proto.module = module ? module : "";
	tfs_rd_set_provider(rd, &proto, provider);
	json_array_foreach(instances, i, v) {
		size_t mark = rd->path.len;
		bool ok;
		tfs_jpath_key(&rd->path, "instances");
		tfs_jpath_index(&rd->path, i);
		ok = S_read_instance(rd, &proto, v);
		tfs_jpath_reset(&rd->path, mark);
		if (!ok)
			return false;
	}
	return true;
}

bool tfs_read_v4(tfs_reader *rd, json_t *root)
{
	json_t *resources, *res;
	size_t i;

	if (!tfs_rd_array(rd, root, "resources", &resources))
		return false;
	json_array_foreach(resources, i, res) {
		bool ok;
		tfs_jpath_key(&rd->path, "resources");
		tfs_jpath_index(&rd->path, i);
		ok = S_read_resource(rd, res);
		tfs_jpath_reset(&rd->path, 0);
		if (!ok)
			return false;
	}
	return true;
}
