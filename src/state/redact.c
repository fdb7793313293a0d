/*
 * redact.c - sensitive values leave the document before anything else
 * sees it.
 *
 * Three sources decide what is sensitive:
 *   - the state's own marks: sensitive_attributes paths (raw v4), the
 *     sensitive_values / after_sensitive mirrors (show -json, plans);
 *   - keys that hold secrets by nature, marked or not: a string directly
 *     under "password", "secret_string", "private_key", "*_token", ... and
 *     the "value" of a {"name": "DB_PASSWORD", "value": ...} pair;
 *   - the same rules inside container_definitions, a JSON document stored
 *     as a string, which is parsed, redacted and written back.
 * Numbers and booleans under secret-like names (manage_master_user_password)
 * carry no secret and are kept.
 *
 * Decide before redacting: when a mark covers a whole top-level string
 * that holds a JSON document (some providers mark all of
 * container_definitions), the document is parsed, redacted by name, and
 * kept in the instance's sealed set before the attribute is replaced, so
 * checks can still read variable names, logConfiguration or health checks
 * while nothing shows a value of it.  The same holds for a mark on a
 * whole block or map, at the top or inside one (a Lambda function's
 * environment, or its environment[0].variables fed from a sensitive
 * variable): the top-level attribute is kept sealed as it was, since
 * otherwise not even the variable names would be left to decide from.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

enum { MAX_TRACKED_DEPTH = 64 };

typedef struct {
	const char *key; /* NULL for an array index */
	size_t index;
} S_step;

typedef struct {
	tfs_reader *rd;
	tfs_instance *inst; /* whose attributes are walked, or NULL */
	S_step steps[MAX_TRACKED_DEPTH];
	int depth;
	const char **found; /* redacted paths */
	size_t nfound, capfound;
	int changed;
} S_walk;

static const char *const SECRET_KEYS[] = {
	"password",          "passwd",          "master_password",
	"secret",            "secret_string",   "secret_binary",
	"secret_key",        "secret_access_key", "private_key",
	"private_key_pem",   "private_key_openssh", "private_key_pkcs8",
	"token",             "auth_token",      "access_token",
	"refresh_token",     "api_key",         "client_secret",
	"passphrase",        "credentials",     "connection_string",
	"ses_smtp_password_v4", "key_material_base64",
};

static const char *const SECRET_SUFFIXES[] = {
	"_password", "_passwd", "_secret", "_token", "_private_key",
	"_secret_key", "_api_key", "_passphrase", "_credentials",
};

bool tfs_is_secret_key(const char *key)
{
	char low[64];
	size_t n = strlen(key), i;

	if (n < 3 || n >= sizeof(low))
		return false;
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)key[i]);
	low[n] = '\0';
	/* Every secret-like name holds one of these; most keys hold none, and
	 * this is called for every key of every instance. */
	if (!strstr(low, "pass") && !strstr(low, "secret") &&
	    !strstr(low, "token") && !strstr(low, "key") &&
	    !strstr(low, "credential") && !strstr(low, "connection"))
		return false;
	for (i = 0; i < sizeof(SECRET_KEYS) / sizeof(*SECRET_KEYS); i++)
		if (strcmp(low, SECRET_KEYS[i]) == 0)
			return true;
	for (i = 0; i < sizeof(SECRET_SUFFIXES) / sizeof(*SECRET_SUFFIXES); i++) {
		size_t m = strlen(SECRET_SUFFIXES[i]);
		if (n > m && strcmp(low + n - m, SECRET_SUFFIXES[i]) == 0)
			return true;
	}
	return false;
}

static void S_record(S_walk *w, const char *last_key, size_t last_index)
{
	tfs_buf b;
	int i;

	tfs_buf_init(&b);
	for (i = 0; i < w->depth && i < MAX_TRACKED_DEPTH; i++) {
		if (w->steps[i].key)
			tfs_buf_addf(&b, "%s%s", b.len ? "." : "", w->steps[i].key);
		else
			tfs_buf_addf(&b, "[%zu]", w->steps[i].index);
	}
	if (w->depth > MAX_TRACKED_DEPTH)
		tfs_buf_adds(&b, "...");
	if (last_key)
		tfs_buf_addf(&b, "%s%s", b.len ? "." : "", last_key);
	else
		tfs_buf_addf(&b, "[%zu]", last_index);
	tfs_grow(&w->found, &w->capfound, w->nfound + 1, sizeof(*w->found));
	w->found[w->nfound++] =
		tfs_arena_strndup(&w->rd->st->arena, b.data, b.len);
	tfs_buf_release(&b);
	w->changed++;
}

static void S_push(S_walk *w, const char *key, size_t index)
{
	if (w->depth < MAX_TRACKED_DEPTH) {
		w->steps[w->depth].key = key;
		w->steps[w->depth].index = index;
	}
	w->depth++;
}

static json_t *S_redacted(void)
{
	return json_string(TFS_REDACTED);
}

static bool S_already(const json_t *v)
{
	return json_is_string(v) && strcmp(json_string_value(v), TFS_REDACTED) == 0;
}

/* ---- by name ---------------------------------------------------------- */

static void S_walk_value(S_walk *w, json_t *v);
static void S_embedded_json(S_walk *w, json_t *obj, void *iter);

/* {"name": "DJANGO_SECRET_KEY", "value": "..."} */
static void S_name_value_pair(S_walk *w, json_t *obj)
{
	json_t *name = json_object_get(obj, "name");
	json_t *value = json_object_get(obj, "value");

	if (json_is_string(name) && json_is_string(value) && !S_already(value) &&
	    tfs_is_secret_key(json_string_value(name))) {
		json_object_set_new(obj, "value", S_redacted());
		S_record(w, "value", 0);
	}
}

static void S_walk_object(S_walk *w, json_t *obj)
{
	void *it;

	S_name_value_pair(w, obj);
	for (it = json_object_iter(obj); it; it = json_object_iter_next(obj, it)) {
		const char *key = json_object_iter_key(it);
		json_t *v = json_object_iter_value(it);

		if (json_is_string(v)) {
			if (S_already(v))
				continue;
			if (tfs_is_secret_key(key)) {
				json_object_iter_set_new(obj, it, S_redacted());
				S_record(w, key, 0);
			} else if (strcmp(key, "container_definitions") == 0) {
				S_embedded_json(w, obj, it);
			}
			continue;
		}
		if (json_is_array(v) && tfs_is_secret_key(key)) {
			/* a list of secrets: every string in it */
			size_t i;
			json_t *e;
			S_push(w, key, 0);
			json_array_foreach(v, i, e) {
				if (json_is_string(e) && !S_already(e)) {
					json_array_set_new(v, i, S_redacted());
					S_record(w, NULL, i);
				} else {
					S_push(w, NULL, i);
					S_walk_value(w, e);
					w->depth--;
				}
			}
			w->depth--;
			continue;
		}
		if (json_is_object(v) || json_is_array(v)) {
			S_push(w, key, 0);
			S_walk_value(w, v);
			w->depth--;
		}
	}
}

static void S_walk_value(S_walk *w, json_t *v)
{
	size_t i;
	json_t *e;

	if (json_is_object(v)) {
		S_walk_object(w, v);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, e) {
			if (json_is_object(e) || json_is_array(e)) {
				S_push(w, NULL, i);
				S_walk_value(w, e);
				w->depth--;
			}
		}
	}
}

static int S_dump_to_buf(const char *data, size_t size, void *ctx)
{
	tfs_buf_add(ctx, data, size);
	return 0;
}

/* container_definitions: a JSON array stored as a string. */
static void S_embedded_json(S_walk *w, json_t *obj, void *iter)
{
	json_t *v = json_object_iter_value(iter);
	const char *key = json_object_iter_key(iter);
	int before = w->changed;
	json_t *doc;

	doc = json_loads(json_string_value(v), 0, NULL);
	if (!doc)
		return; /* not JSON: left as it is, like any other string */
	S_push(w, key, 0);
	S_walk_value(w, doc);
	w->depth--;
	if (w->changed != before) {
		tfs_buf text;
		tfs_buf_init(&text);
		if (json_dump_callback(doc, S_dump_to_buf, &text,
		                       JSON_COMPACT | JSON_PRESERVE_ORDER) == 0)
			json_object_iter_set_new(obj, iter, json_string(text.data));
		tfs_buf_release(&text);
	}
	json_decref(doc);
}

static void S_save(S_walk *w, tfs_instance *inst)
{
	const char **all;
	size_t i;

	if (w->nfound == 0)
		return;
	all = tfs_arena_alloc(&w->rd->st->arena,
	                      tfs_mul_size(inst->nsensitive + w->nfound,
	                                   sizeof(char *)));
	for (i = 0; i < inst->nsensitive; i++)
		all[i] = inst->sensitive[i];
	for (i = 0; i < w->nfound; i++)
		all[inst->nsensitive + i] = w->found[i];
	inst->sensitive = all;
	inst->nsensitive += w->nfound;
	free(w->found);
}

static void S_walk_init(S_walk *w, tfs_reader *rd)
{
	memset(w, 0, sizeof(*w));
	w->rd = rd;
}

/* A value the input marks sensitive, about to be replaced: a whole
 * top-level string holding a JSON document, or a whole block or map at
 * any depth.  Keep the document, or the top-level attribute holding the
 * block, redacted by name, for decisions (see above).  A marked scalar
 * inside a block needs nothing: the names around it stay readable. */
static void S_seal(S_walk *w, const char *key, const json_t *v)
{
	S_walk inner;
	json_t *doc;

	if (!w->inst)
		return;
	if (w->depth != 0) {
		if ((!json_is_object(v) && !json_is_array(v)) ||
		    w->depth > MAX_TRACKED_DEPTH || !w->steps[0].key)
			return;
		key = w->steps[0].key;
		v = json_object_get(w->inst->attributes, key);
	}
	if (!key || (w->inst->sealed && json_object_get(w->inst->sealed, key)))
		return; /* kept already, by an earlier mark */
	if (json_is_string(v))
		doc = json_loadb(json_string_value(v), json_string_length(v), 0,
		                 NULL);
	else if (json_is_object(v) || json_is_array(v))
		doc = json_deep_copy(v);
	else
		return;
	if (!doc)
		return; /* not a document: nothing to decide from */
	S_walk_init(&inner, w->rd);
	S_walk_value(&inner, doc);
	free(inner.found);
	if (!w->inst->sealed)
		w->inst->sealed = tfs_rd_own(w->rd, json_object());
	json_object_set_new(w->inst->sealed, key, doc);
}

void tfs_redact_by_name(tfs_reader *rd, tfs_instance *inst)
{
	S_walk w;
	S_walk_init(&w, rd);
	w.inst = inst;
	S_walk_value(&w, inst->attributes);
	S_save(&w, inst);
}

/* ---- by mirror (sensitive_values, after_sensitive) ---------------------- */

static void S_all_leaves(S_walk *w, json_t *v);

static void S_mirror(S_walk *w, json_t *v, json_t *m)
{
	if (json_is_object(v) && json_is_object(m)) {
		const char *key;
		json_t *mv;
		json_object_foreach(m, key, mv) {
			json_t *child = json_object_get(v, key);
			if (!child || json_is_null(child))
				continue;
			if (json_is_true(mv)) {
				if (!S_already(child)) {
					S_seal(w, key, child);
					json_object_set_new(v, key, S_redacted());
					S_record(w, key, 0);
				}
			} else if (json_is_object(mv) || json_is_array(mv)) {
				S_push(w, key, 0);
				S_mirror(w, child, mv);
				w->depth--;
			}
		}
	} else if (json_is_array(v) && json_is_array(m)) {
		size_t i;
		json_t *mv;
		json_array_foreach(m, i, mv) {
			json_t *child = json_array_get(v, i);
			if (!child || json_is_null(child))
				continue;
			if (json_is_true(mv)) {
				if (!S_already(child)) {
					S_seal(w, NULL, child);
					json_array_set_new(v, i, S_redacted());
					S_record(w, NULL, i);
				}
			} else if (json_is_object(mv) || json_is_array(mv)) {
				S_push(w, NULL, i);
				S_mirror(w, child, mv);
				w->depth--;
			}
		}
	} else if (json_is_true(m)) {
		S_all_leaves(w, v);
	}
}

/* Everything below v is sensitive (a mark on a whole object). */
static void S_all_leaves(S_walk *w, json_t *v)
{
	if (json_is_object(v)) {
		void *it;
		for (it = json_object_iter(v); it; it = json_object_iter_next(v, it)) {
			json_t *c = json_object_iter_value(it);
			if (json_is_null(c) || S_already(c))
				continue;
			S_seal(w, json_object_iter_key(it), c);
			json_object_iter_set_new(v, it, S_redacted());
			S_record(w, json_object_iter_key(it), 0);
		}
	} else if (json_is_array(v)) {
		size_t i;
		for (i = 0; i < json_array_size(v); i++) {
			if (json_is_null(json_array_get(v, i)) ||
			    S_already(json_array_get(v, i)))
				continue;
			S_seal(w, NULL, json_array_get(v, i));
			json_array_set_new(v, i, S_redacted());
			S_record(w, NULL, i);
		}
	}
}

void tfs_redact_mirror(tfs_reader *rd, tfs_instance *inst, json_t *mirror)
{
	S_walk w;
	S_walk_init(&w, rd);
	w.inst = inst;
	S_mirror(&w, inst->attributes, mirror);
	S_save(&w, inst);
}

/* ---- by path (sensitive_attributes) ------------------------------------ */

/* The value of one step: {"type": "get_attr", "value": "password"} or
 * {"type": "index", "value": 0} (newer Terraform may wrap the index as
 * {"value": 0, "type": "number"}). */
static json_t *S_step_value(json_t *step)
{
	json_t *v = json_object_get(step, "value");
	if (json_is_object(v) && json_object_get(v, "value"))
		v = json_object_get(v, "value");
	return v;
}

/* Follow one path; false when its shape is not understood. */
static bool S_follow(S_walk *w, json_t *attrs, json_t *path)
{
	json_t *cur = attrs, *step, *parent = NULL;
	const char *last_key = NULL;
	size_t last_index = 0, i, n;

	if (!json_is_array(path) || (n = json_array_size(path)) == 0)
		return false;
	w->depth = 0;
	for (i = 0; i < n; i++) {
		const char *type;
		json_t *sv;

		step = json_array_get(path, i);
		type = json_string_value(json_object_get(step, "type"));
		sv = S_step_value(step);
		if (!type)
			return false;
		parent = cur;
		if (i > 0) {
			S_push(w, last_key, last_index);
		}
		if ((strcmp(type, "get_attr") == 0 || strcmp(type, "index") == 0) &&
		    json_is_string(sv)) {
			/* an attribute, or a map key */
			last_key = json_string_value(sv);
			cur = json_is_object(cur) ? json_object_get(cur, last_key)
			                          : NULL;
		} else if (strcmp(type, "index") == 0 && json_is_number(sv)) {
			double d = json_number_value(sv);
			last_key = NULL;
			last_index = d >= 0 && d < 1e15 ? (size_t)d : (size_t)-1;
			cur = json_is_array(cur) ? json_array_get(cur, last_index)
			                         : NULL;
		} else {
			return false;
		}
		if (!cur)
			return true; /* a path to nothing: nothing to hide */
	}
	if (json_is_null(cur) || S_already(cur))
		return true;
	S_seal(w, last_key, cur);
	if (last_key && json_is_object(parent))
		json_object_set_new(parent, last_key, S_redacted());
	else if (!last_key && json_is_array(parent))
		json_array_set_new(parent, last_index, S_redacted());
	S_record(w, last_key, last_index);
	return true;
}

void tfs_redact_paths(tfs_reader *rd, tfs_instance *inst, json_t *paths)
{
	S_walk w;
	size_t i;
	json_t *path;

	S_walk_init(&w, rd);
	w.inst = inst;
	json_array_foreach(paths, i, path) {
		if (!S_follow(&w, inst->attributes, path)) {
			/* A mark we cannot read still means "secret here": hide
			 * every value of the instance rather than risk it. */
			w.depth = 0;
			S_all_leaves(&w, inst->attributes);
		}
	}
	w.depth = 0;
	S_save(&w, inst);
}

json_t *tfs_instance_sealed(const tfs_instance *in, const char *attr)
{
	return in && in->sealed ? json_object_get(in->sealed, attr) : NULL;
}

bool tfs_instance_path_sealed(const tfs_instance *in, const char *path)
{
	char head[128];
	size_t n;

	if (!in || !in->sealed || !path)
		return false;
	n = strcspn(path, ".[");
	if (n >= sizeof(head))
		return false;
	memcpy(head, path, n);
	head[n] = '\0';
	return tfs_instance_sealed(in, head) != NULL;
}
