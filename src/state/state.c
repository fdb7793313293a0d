/*
 * state.c - format detection, the reader's shared helpers, and the
 * neutral instance list (addresses, providers, order).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load.h"
#include "reader.h"

/* ---- JSON path -------------------------------------------------------- */

static void S_jpath_add(tfs_jpath *p, const char *s, size_t n)
{
	size_t room = sizeof(p->buf) - 1 - p->len;
	if (n > room)
		n = room;
	memcpy(p->buf + p->len, s, n);
	p->len += n;
	p->buf[p->len] = '\0';
}

void tfs_jpath_key(tfs_jpath *p, const char *key)
{
	if (p->len)
		S_jpath_add(p, ".", 1);
	S_jpath_add(p, key, strlen(key));
}

void tfs_jpath_index(tfs_jpath *p, size_t i)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof(tmp), "[%zu]", i);
	S_jpath_add(p, tmp, (size_t)n);
}

void tfs_jpath_reset(tfs_jpath *p, size_t mark)
{
	p->len = mark;
	p->buf[mark] = '\0';
}

/* ---- typed access ----------------------------------------------------- */

const char *tfs_json_type_name(const json_t *v)
{
	if (!v)
		return "nothing";
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "object";
	case JSON_ARRAY:
		return "array";
	case JSON_STRING:
		return "string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "boolean";
	case JSON_NULL:
		return "null";
	}
	return "value";
}

bool tfs_rd_fail(tfs_reader *rd, const char *fmt, ...)
{
	char text[sizeof(rd->err->text)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	return tfs_error_set(rd->err, TFS_EXIT_INPUT, rd->st->source, 0, 0,
	                     rd->path.buf[0] ? rd->path.buf : NULL,
	                     "%s", text);
}

bool tfs_rd_type_error(tfs_reader *rd, const char *key, const char *want,
                       const json_t *got)
{
	size_t mark = rd->path.len;
	if (key)
		tfs_jpath_key(&rd->path, key);
	tfs_rd_fail(rd, "expected %s, got %s", want, tfs_json_type_name(got));
	tfs_jpath_reset(&rd->path, mark);
	return false;
}

static json_t *S_member(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	return json_is_null(v) ? NULL : v;
}

bool tfs_rd_string(tfs_reader *rd, json_t *obj, const char *key,
                   const char **out)
{
	json_t *v = S_member(obj, key);
	*out = NULL;
	if (!v)
		return true;
	if (!json_is_string(v))
		return tfs_rd_type_error(rd, key, "string", v);
	*out = json_string_value(v);
	return true;
}

bool tfs_rd_array(tfs_reader *rd, json_t *obj, const char *key, json_t **out)
{
	json_t *v = S_member(obj, key);
	*out = NULL;
	if (!v)
		return true;
	if (!json_is_array(v))
		return tfs_rd_type_error(rd, key, "array", v);
	*out = v;
	return true;
}

bool tfs_rd_object(tfs_reader *rd, json_t *obj, const char *key, json_t **out)
{
	json_t *v = S_member(obj, key);
	*out = NULL;
	if (!v)
		return true;
	if (!json_is_object(v))
		return tfs_rd_type_error(rd, key, "object", v);
	*out = v;
	return true;
}

bool tfs_rd_bool(tfs_reader *rd, json_t *obj, const char *key, bool *out)
{
	json_t *v = S_member(obj, key);
	*out = false;
	if (!v)
		return true;
	if (!json_is_boolean(v))
		return tfs_rd_type_error(rd, key, "boolean", v);
	*out = json_is_true(v);
	return true;
}

bool tfs_rd_string_array(tfs_reader *rd, json_t *obj, const char *key,
                         const char ***out, size_t *n)
{
	json_t *arr, *v;
	size_t i;

	*out = NULL;
	*n = 0;
	if (!tfs_rd_array(rd, obj, key, &arr))
		return false;
	if (!arr || json_array_size(arr) == 0)
		return true;
	*out = tfs_arena_alloc(&rd->st->arena,
	                       tfs_mul_size(json_array_size(arr), sizeof(char *)));
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v)) {
			size_t mark = rd->path.len;
			tfs_jpath_key(&rd->path, key);
			tfs_jpath_index(&rd->path, i);
			tfs_rd_fail(rd, "expected string, got %s",
			            tfs_json_type_name(v));
			tfs_jpath_reset(&rd->path, mark);
			return false;
		}
		(*out)[(*n)++] = json_string_value(v);
	}
	return true;
}

bool tfs_rd_index_key(tfs_reader *rd, json_t *obj, const char *key,
                      tfs_index_key *out)
{
	json_t *v = S_member(obj, key);
	double d;

	memset(out, 0, sizeof(*out));
	if (!v)
		return true;
	if (json_is_string(v)) {
		out->kind = TFS_KEY_STRING;
		out->str = json_string_value(v);
		return true;
	}
	if (json_is_integer(v)) {
		out->kind = TFS_KEY_INT;
		out->num = (long long)json_integer_value(v);
		return true;
	}
	if (json_is_real(v)) {
		d = json_real_value(v);
		if (d == floor(d) && fabs(d) < 9e15) {
			out->kind = TFS_KEY_INT;
			out->num = (long long)d;
			return true;
		}
	}
	return tfs_rd_type_error(rd, key, "integer or string", v);
}

/* ---- instances -------------------------------------------------------- */

tfs_instance *tfs_rd_add(tfs_reader *rd, tfs_instance_list *list)
{
	tfs_instance *inst;
	(void)rd;
	tfs_grow(&list->items, &list->cap, list->count + 1, sizeof(*list->items));
	inst = &list->items[list->count++];
	memset(inst, 0, sizeof(*inst));
	inst->module = "";
	return inst;
}

static void S_add_hcl_string(tfs_buf *b, const char *s)
{
	tfs_buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			tfs_buf_addc(b, '\\');
		tfs_buf_addc(b, *s);
	}
	tfs_buf_addc(b, '"');
}

void tfs_rd_set_address(tfs_reader *rd, tfs_instance *inst)
{
	tfs_buf b;

	tfs_buf_init(&b);
	if (inst->module[0]) {
		tfs_buf_adds(&b, inst->module);
		tfs_buf_addc(&b, '.');
	}
	if (inst->mode == TFS_MODE_DATA)
		tfs_buf_adds(&b, "data.");
	tfs_buf_addf(&b, "%s.%s", inst->type, inst->name);
	switch (inst->key.kind) {
	case TFS_KEY_NONE:
		break;
	case TFS_KEY_INT:
		tfs_buf_addf(&b, "[%lld]", inst->key.num);
		break;
	case TFS_KEY_STRING:
		tfs_buf_addc(&b, '[');
		S_add_hcl_string(&b, inst->key.str);
		tfs_buf_addc(&b, ']');
		break;
	}
	inst->address = tfs_arena_strndup(&rd->st->arena, b.data, b.len);
	tfs_buf_release(&b);
}

static const char *S_provider_from_type(tfs_reader *rd, const char *type)
{
	const char *us = strchr(type, '_');
	size_t n = us ? (size_t)(us - type) : strlen(type);
	return tfs_arena_strfmt(&rd->st->arena,
	                        "registry.terraform.io/hashicorp/%.*s", (int)n,
	                        type);
}

void tfs_rd_set_provider(tfs_reader *rd, tfs_instance *inst, const char *ref)
{
	tfs_arena *a = &rd->st->arena;
	const char *p, *q;

	inst->provider_alias = NULL;
	if (!ref || !*ref) {
		inst->provider = S_provider_from_type(rd, inst->type);
		return;
	}
	/* module.x.provider["host/ns/name"].alias (0.13 and later) */
	p = strstr(ref, "provider[\"");
	if (p) {
		p += strlen("provider[\"");
		q = strchr(p, '"');
		if (!q) {
			inst->provider = tfs_arena_strdup(a, p);
			return;
		}
		inst->provider = tfs_arena_strndup(a, p, (size_t)(q - p));
		if (q[1] == ']' && q[2] == '.' && q[3])
			inst->provider_alias = tfs_arena_strdup(a, q + 3);
		return;
	}
	/* module.x.provider.aws.alias (0.12) */
	p = strstr(ref, "provider.");
	if (p == ref || (p && p[-1] == '.')) {
		p += strlen("provider.");
		while (*p == ' ')
			p++; /* "provider. null" is seen in the wild */
		q = strchr(p, '.');
		if (q && q[1])
			inst->provider_alias = tfs_arena_strdup(a, q + 1);
		ref = q ? tfs_arena_strndup(a, p, (size_t)(q - p)) : p;
	}
	/* "aws" (show -json of 0.12) or a full source address */
	if (!strchr(ref, '/'))
		inst->provider = tfs_arena_strfmt(
			a, "registry.terraform.io/hashicorp/%s", ref);
	else
		inst->provider = tfs_arena_strdup(a, ref);
}

json_t *tfs_rd_own(tfs_reader *rd, json_t *obj)
{
	if (!rd->st->owned)
		rd->st->owned = json_array();
	json_array_append_new(rd->st->owned, obj);
	return obj;
}

const char *tfs_provider_short_name(const char *provider)
{
	const char *slash = strrchr(provider, '/');
	return slash ? slash + 1 : provider;
}

static int S_strcmp0(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

int tfs_instance_cmp(const tfs_instance *a, const tfs_instance *b)
{
	int c;

	if ((c = strcmp(a->module, b->module)) != 0)
		return c;
	if (a->mode != b->mode)
		return a->mode == TFS_MODE_MANAGED ? -1 : 1;
	if ((c = strcmp(a->type, b->type)) != 0)
		return c;
	if ((c = strcmp(a->name, b->name)) != 0)
		return c;
	if (a->key.kind != b->key.kind)
		return (int)a->key.kind - (int)b->key.kind;
	if (a->key.kind == TFS_KEY_INT && a->key.num != b->key.num)
		return a->key.num < b->key.num ? -1 : 1;
	if (a->key.kind == TFS_KEY_STRING &&
	    (c = strcmp(a->key.str, b->key.str)) != 0)
		return c;
	if (!a->deposed != !b->deposed)
		return a->deposed ? 1 : -1;
	return S_strcmp0(a->deposed, b->deposed);
}

static int S_qsort_cmp(const void *a, const void *b)
{
	return tfs_instance_cmp(a, b);
}

static void S_sort(tfs_instance_list *list)
{
	if (list->count > 1)
		tfs_sort(list->items, list->count, sizeof(*list->items), S_qsort_cmp);
}

const char *tfs_input_format_name(tfs_input_format f)
{
	switch (f) {
	case TFS_FORMAT_STATE_V4:
		return "tfstate-v4";
	case TFS_FORMAT_STATE_V3:
		return "tfstate-v3";
	case TFS_FORMAT_SHOW_JSON:
		return "show-json";
	case TFS_FORMAT_PLAN_JSON:
		return "plan-json";
	}
	return "unknown";
}

const char *tfs_action_name(tfs_action a)
{
	switch (a) {
	case TFS_ACTION_NONE:
		return "";
	case TFS_ACTION_NOOP:
		return "no-op";
	case TFS_ACTION_CREATE:
		return "create";
	case TFS_ACTION_READ:
		return "read";
	case TFS_ACTION_UPDATE:
		return "update";
	case TFS_ACTION_REPLACE:
		return "replace";
	case TFS_ACTION_DELETE:
		return "delete";
	case TFS_ACTION_FORGET:
		return "forget";
	}
	return "";
}

/* ---- detection -------------------------------------------------------- */

static bool S_read_header(tfs_reader *rd, json_t *root)
{
	tfs_state *st = rd->st;
	json_t *serial = json_object_get(root, "serial");
	const char *s;

	if (!tfs_rd_string(rd, root, "terraform_version", &s))
		return false;
	st->terraform_version = s;
	if (!tfs_rd_string(rd, root, "lineage", &s))
		return false;
	st->lineage = s;
	if (json_is_integer(serial) && json_integer_value(serial) >= 0) {
		st->serial = (unsigned long long)json_integer_value(serial);
		st->has_serial = true;
	} else if (json_is_real(serial) && json_real_value(serial) >= 0 &&
	           json_real_value(serial) < 1.8e19 &&
	           json_real_value(serial) == floor(json_real_value(serial))) {
		st->serial = (unsigned long long)json_real_value(serial);
		st->has_serial = true;
	} else if (serial && !json_is_null(serial)) {
		return tfs_rd_type_error(rd, "serial", "non-negative integer",
		                         serial);
	}
	return true;
}

static bool S_read_raw_state(tfs_reader *rd, json_t *root, json_t *version)
{
	double v;

	if (!json_is_number(version))
		return tfs_rd_type_error(rd, "version", "integer", version);
	v = json_number_value(version);
	if (v != floor(v))
		return tfs_rd_fail(rd, "state format version %g is not an "
		                       "integer", v);
	rd->st->state_version = v > 1e6 ? 1000000 : (int)v;
	if (v == 4) {
		rd->st->format = TFS_FORMAT_STATE_V4;
		return tfs_read_v4(rd, root);
	}
	if (v == 3 || v == 2) {
		rd->st->format = TFS_FORMAT_STATE_V3;
		return tfs_read_v3(rd, root);
	}
	if (v == 1 || v == 0)
		return tfs_rd_fail(
			rd, "state format version %d (Terraform 0.6 and earlier) "
			    "is not supported; Terraform 0.12 or later upgrades it "
			    "to version 4 the next time it writes the state "
			    "(e.g. 'terraform apply -refresh-only')",
			(int)v);
	if (v > 4)
		return tfs_rd_fail(rd, "state format version %g is newer than "
		                       "this tfsight understands (up to 4)", v);
	return tfs_rd_fail(rd, "state format version %g is not valid", v);
}

static bool S_check_format_version(tfs_reader *rd, json_t *root)
{
	const char *fv;

	if (!tfs_rd_string(rd, root, "format_version", &fv))
		return false;
	rd->st->format_version = fv;
	if (fv && !(fv[0] == '0' || fv[0] == '1') )
		return tfs_rd_fail(rd, "format_version \"%.20s\" is not "
		                       "supported (expected 0.x or 1.x)", fv);
	if (fv && fv[1] != '.' && fv[1] != '\0')
		return tfs_rd_fail(rd, "format_version \"%.20s\" is not "
		                       "supported (expected 0.x or 1.x)", fv);
	return true;
}

static bool S_dispatch(tfs_reader *rd, json_t *root)
{
	json_t *version;

	if (!json_is_object(root))
		return tfs_rd_fail(rd, "expected a JSON object (a Terraform state "
		                       "or plan), got %s",
		                   tfs_json_type_name(root));
	if (!S_read_header(rd, root))
		return false;
	version = json_object_get(root, "version");
	if (version && !json_object_get(root, "format_version"))
		return S_read_raw_state(rd, root, version);
	if (json_object_get(root, "format_version") ||
	    json_object_get(root, "values") ||
	    json_object_get(root, "planned_values") ||
	    json_object_get(root, "resource_changes")) {
		if (!S_check_format_version(rd, root))
			return false;
		if (json_object_get(root, "planned_values") ||
		    json_object_get(root, "resource_changes") ||
		    json_object_get(root, "prior_state")) {
			rd->st->format = TFS_FORMAT_PLAN_JSON;
			return tfs_read_plan(rd, root);
		}
		rd->st->format = TFS_FORMAT_SHOW_JSON;
		return tfs_read_show_json(rd, root);
	}
	return tfs_rd_fail(rd, "not a Terraform state or plan: expected "
	                       "\"version\" (a terraform.tfstate) or "
	                       "\"format_version\" (terraform show -json) at the "
	                       "top level");
}

static int S_finish(tfs_state *st, json_t *root, tfs_error *err,
                    tfs_state **out)
{
	tfs_reader rd;

	memset(&rd, 0, sizeof(rd));
	rd.st = st;
	rd.err = err;
	st->root = root;
	if (!S_dispatch(&rd, root))
		return -1;
	S_sort(&st->resources);
	S_sort(&st->prior);
	*out = st;
	return 0;
}

static tfs_state *S_new(const char *name)
{
	tfs_state *st = xcalloc(1, sizeof(*st));
	st->source = tfs_arena_strdup(&st->arena,
	                              strcmp(name, "-") == 0 ? "<stdin>" : name);
	return st;
}

enum { LARGE_FILE = 4 * 1024 * 1024 };

/* Parse with st's arena bound (jalloc.c), then read the document. */
static int S_load(tfs_state **out, tfs_state *st, const char *path,
                  const char *data, size_t len, int jobs, tfs_error *err)
{
	json_t *root = NULL;
	int rc;

	*out = NULL;
	{
		/* a large file makes a large document: huge-page blocks */
		struct stat sb;
		st->arena.large = !data && stat(path, &sb) == 0 &&
		                  S_ISREG(sb.st_mode) && sb.st_size >= LARGE_FILE;
	}
	st->doc_in_arena = tfs_json_bind(&st->arena);
	if (!data && jobs > 1)
		root = tfs_load_json_split(path, jobs,
		                           st->doc_in_arena ? &st->arena : NULL);
	if (!root)
		root = data ? tfs_load_json_buffer(path, data, len, err)
		            : tfs_load_json_file(path, err);
	if (!root) {
		tfs_json_bind(NULL);
		tfs_state_free(st);
		return -1;
	}
	rc = S_finish(st, root, err, out);
	tfs_json_bind(NULL);
	if (rc != 0)
		tfs_state_free(st);
	return rc;
}

int tfs_state_load(tfs_state **out, const char *path, tfs_error *err)
{
	return S_load(out, S_new(path), path, NULL, 0, 1, err);
}

int tfs_state_load_jobs(tfs_state **out, const char *path, int jobs,
                        tfs_error *err)
{
	return S_load(out, S_new(path), path, NULL, 0, jobs, err);
}

int tfs_state_load_buffer(tfs_state **out, const char *name, const char *data,
                          size_t len, tfs_error *err)
{
	return S_load(out, S_new(name), name, data ? data : "", len, 1, err);
}

void tfs_state_free(tfs_state *st)
{
	if (!st)
		return;
	/* The arena and the lists go first: freeing a large block after the
	 * document's millions of small ones makes glibc consolidate them all,
	 * which cost a tenth of a run on large states. */
	free(st->resources.items);
	free(st->prior.items);
	tfs_arena_release(&st->arena); /* with the document, when it is there */
	if (!st->doc_in_arena) {
		json_decref(st->owned);
		json_decref(st->root);
	}
	free(st);
}

void tfs_state_prior_view(const tfs_state *plan, tfs_state *view)
{
	*view = *plan;
	view->resources = plan->prior;
	memset(&view->prior, 0, sizeof(view->prior));
	view->change_count = 0;
}
