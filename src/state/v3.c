/* v3.c - raw terraform.tfstate, format versions 2 and 3 (Terraform 0.7 to
 * 0.11): modules[] with resources keyed "type.name[.N]" and flatmap
 * attributes. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* ["root", "a", "b"] -> "module.a.module.b" */
static bool S_module_path(tfs_reader *rd, json_t *mod, const char **out)
{
	json_t *path, *v;
	tfs_buf b;
	size_t i;

	*out = "";
	if (!tfs_rd_array(rd, mod, "path", &path))
		return false;
	tfs_buf_init(&b);
	json_array_foreach(path, i, v) {
		if (!json_is_string(v)) {
			tfs_jpath_key(&rd->path, "path");
			tfs_jpath_index(&rd->path, i);
			tfs_buf_release(&b);
			return tfs_rd_fail(rd, "expected string, got %s",
			                   tfs_json_type_name(v));
		}
		if (i == 0 && strcmp(json_string_value(v), "root") == 0)
			continue;
		if (b.len)
			tfs_buf_addc(&b, '.');
		tfs_buf_addf(&b, "module.%s", json_string_value(v));
	}
	*out = tfs_arena_strndup(&rd->st->arena, b.data, b.len);
	tfs_buf_release(&b);
	return true;
}

/* "data.aws_ami.x.2" -> mode data, type aws_ami, name x, key 2 */
static bool S_parse_key(tfs_reader *rd, const char *key, tfs_instance *inst)
{
	tfs_arena *a = &rd->st->arena;
	const char *p = key, *dot, *idx;

	inst->mode = TFS_MODE_MANAGED;
	if (strncmp(p, "data.", 5) == 0) {
		inst->mode = TFS_MODE_DATA;
		p += 5;
	}
	dot = strchr(p, '.');
	if (!dot || dot == p || !dot[1])
		return tfs_rd_fail(rd, "resource key \"%.60s\" is not of the form "
		                       "TYPE.NAME[.INDEX]",
		                   key);
	inst->type = tfs_arena_strndup(a, p, (size_t)(dot - p));
	p = dot + 1;
	idx = strchr(p, '.');
	inst->key.kind = TFS_KEY_NONE;
	if (idx) {
		char *end;
		long long n = strtoll(idx + 1, &end, 10);
		if (!idx[1] || *end || !isdigit((unsigned char)idx[1]))
			return tfs_rd_fail(rd, "resource key \"%.60s\" has a "
			                       "non-numeric index",
			                   key);
		inst->key.kind = TFS_KEY_INT;
		inst->key.num = n;
		inst->name = tfs_arena_strndup(a, p, (size_t)(idx - p));
	} else {
		inst->name = tfs_arena_strdup(a, p);
	}
	return true;
}

/* One "primary" or "deposed[i]" object. */
static bool S_read_object(tfs_reader *rd, const tfs_instance *proto,
                          json_t *obj, const char *deposed)
{
	tfs_instance *inst;
	json_t *flat;
	bool tainted;

	if (!json_is_object(obj))
		return tfs_rd_type_error(rd, NULL, "object", obj);
	if (!tfs_rd_object(rd, obj, "attributes", &flat) ||
	    !tfs_rd_bool(rd, obj, "tainted", &tainted))
		return false;
	inst = tfs_rd_add(rd, &rd->st->resources);
	*inst = *proto;
	inst->tainted = tainted;
	inst->deposed = deposed;
	inst->attributes = tfs_rd_flat_attributes(rd, flat, "attributes");
	if (!inst->attributes)
		return false;
	tfs_rd_set_address(rd, inst);
	tfs_redact_by_name(rd, inst);
	return !tfs_error_is_set(rd->err);
}

static bool S_read_resource(tfs_reader *rd, const char *module,
                            const char *key, json_t *res)
{
	tfs_instance proto;
	json_t *primary, *deposed, *v;
	const char *type, *provider;
	size_t i, mark;

	if (!json_is_object(res))
		return tfs_rd_type_error(rd, NULL, "object", res);
	memset(&proto, 0, sizeof(proto));
	proto.module = module;
	if (!S_parse_key(rd, key, &proto) ||
	    !tfs_rd_string(rd, res, "type", &type) ||
	    !tfs_rd_string(rd, res, "provider", &provider) ||
	    !tfs_rd_object(rd, res, "primary", &primary) ||
	    !tfs_rd_array(rd, res, "deposed", &deposed) ||
	    !tfs_rd_string_array(rd, res, "depends_on", &proto.depends,
	                         &proto.ndepends))
		return false;
	if (type && *type)
		proto.type = type;
	tfs_rd_set_provider(rd, &proto, provider);
	mark = rd->path.len;
	if (primary) {
		bool ok;
		tfs_jpath_key(&rd->path, "primary");
		ok = S_read_object(rd, &proto, primary, NULL);
		tfs_jpath_reset(&rd->path, mark);
		if (!ok)
			return false;
	}
	json_array_foreach(deposed, i, v) {
		bool ok;
		tfs_jpath_key(&rd->path, "deposed");
		tfs_jpath_index(&rd->path, i);
		ok = S_read_object(rd, &proto, v,
		                   tfs_arena_strfmt(&rd->st->arena, "%zu", i));
		tfs_jpath_reset(&rd->path, mark);
		if (!ok)
			return false;
	}
	return true;
}

bool tfs_read_v3(tfs_reader *rd, json_t *root)
{
	json_t *modules, *mod, *resources, *res;
	const char *key;
	size_t i;

	if (!tfs_rd_array(rd, root, "modules", &modules))
		return false;
	json_array_foreach(modules, i, mod) {
		const char *module;
		size_t mark;

		tfs_jpath_key(&rd->path, "modules");
		tfs_jpath_index(&rd->path, i);
		if (!json_is_object(mod))
			return tfs_rd_type_error(rd, NULL, "object", mod);
		if (!S_module_path(rd, mod, &module) ||
		    !tfs_rd_object(rd, mod, "resources", &resources))
			return false;
		mark = rd->path.len;
		json_object_foreach(resources, key, res) {
			bool ok;
			tfs_jpath_key(&rd->path, "resources");
			tfs_jpath_key(&rd->path, key);
			ok = S_read_resource(rd, module, key, res);
			tfs_jpath_reset(&rd->path, mark);
			if (!ok)
				return false;
		}
		tfs_jpath_reset(&rd->path, 0);
	}
	return true;
}
