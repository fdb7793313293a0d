/*
 * plancfg.c - what a plan knows only after apply, from its configuration.
 *
 * A plan that creates a VPC and what is in it knows none of their ids yet:
 * every vpc_id, subnet_id, allocation_id, security_groups, target_group_arn
 * ... is unknown (after_unknown), so no join by value could place or connect
 * anything.  The plan's configuration section still says where each value
 * will come from: every attribute's expression lists its references
 * ("aws_subnet.private[0].id", "aws_subnet.public" with "count.index",
 * "module.vpc.private_subnets", "var.subnet_ids"), and module_calls give each
 * module's inputs and outputs.
 *
 * For identity attributes - those whose value names another resource
 * (*_id, *_ids, *_arn, subnets, security_groups, cluster, an alias's name,
 * an origin's domain_name, ...) - that are unknown, this follows the
 * references to the instances they name:
 *   - resource references in the same module instance, by key when the
 *     reference gives one, else by the referring instance's own key when
 *     the expression uses count.index or each.* (element() wraps, so an
 *     index past the end wraps too), else every instance;
 *   - module outputs through the child module's output expression, var.*
 *     through the parent's module call, to any depth;
 *   - local.* (absent from plan JSON) only when the module instance holds
 *     exactly one resource of the type the attribute names.
 * The value filled in is the target's own value when the plan knows it,
 * else "(known after apply: ADDRESS.ATTRIBUTE)", which is also written on
 * the target, so both ends of every join hold the same text and every
 * later stage joins by value as it does for states.  Whatever is built on
 * such a value shows it, and so says it came from the configuration.
 * Nothing is guessed: a reference that resolves to nothing, or a single
 * value that resolves to several, is left unknown.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

enum { MAX_DEPTH = 16, MAX_STEPS = 8, MAX_ENTRIES = 64 };

/* ---- references ---------------------------------------------------------- */

/* One step of a reference: a name with an optional subscript. */
typedef struct {
	const char *name; /* NUL-terminated, in the pass's arena */
	bool has_key;
	tfs_index_key key;
} S_step;

typedef struct {
	S_step steps[MAX_STEPS];
	int n;
} S_ref;

/* Parse "module.a[\"k\"].aws_x.y[0].id"; false when it is not of that
 * shape. */
static bool S_parse_ref(tfs_arena *ar, const char *s, S_ref *r)
{
	r->n = 0;
	while (*s) {
		S_step *st;
		size_t n = 0;

		if (r->n == MAX_STEPS)
			return false;
		while (isalnum((unsigned char)s[n]) || s[n] == '_' || s[n] == '-')
			n++;
		if (n == 0)
			return false;
		st = &r->steps[r->n++];
		memset(st, 0, sizeof(*st));
		st->name = tfs_arena_strndup(ar, s, n);
		s += n;
		if (*s == '[') {
			s++;
			if (*s == '"') {
				tfs_buf b;
				tfs_buf_init(&b);
				for (s++; *s && *s != '"'; s++) {
					if (*s == '\\' && s[1])
						s++;
					tfs_buf_addc(&b, *s);
				}
				if (*s != '"') {
					tfs_buf_release(&b);
					return false;
				}
				s++;
				st->has_key = true;
				st->key.kind = TFS_KEY_STRING;
				st->key.str = tfs_arena_strndup(ar, b.data, b.len);
				tfs_buf_release(&b);
			} else if (*s == '*') {
				s++; /* a splat: every instance */
			} else if (isdigit((unsigned char)*s)) {
				long long v = 0;
				for (; isdigit((unsigned char)*s); s++) {
					if (v > 100000000)
						return false;
					v = v * 10 + (*s - '0');
				}
				st->has_key = true;
				st->key.kind = TFS_KEY_INT;
				st->key.num = v;
			} else {
				return false;
			}
			if (*s != ']')
				return false;
			s++;
		}
		if (*s == '.')
			s++;
		else if (*s)
			return false;
	}
	return r->n > 0;
}

static bool S_key_eq(const tfs_index_key *a, const tfs_index_key *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == TFS_KEY_INT)
		return a->num == b->num;
	if (a->kind == TFS_KEY_STRING)
		return strcmp(a->str, b->str) == 0;
	return true;
}

static void S_add_key(tfs_buf *b, const tfs_index_key *k)
{
	const char *s;
	if (k->kind == TFS_KEY_INT) {
		tfs_buf_addf(b, "[%lld]", k->num);
	} else if (k->kind == TFS_KEY_STRING) {
		tfs_buf_adds(b, "[\"");
		for (s = k->str; *s; s++) {
			if (*s == '"' || *s == '\\')
				tfs_buf_addc(b, '\\');
			tfs_buf_addc(b, *s);
		}
		tfs_buf_adds(b, "\"]");
	}
}

/* ---- the pass's indices ------------------------------------------------------ */

/* One resource of one module instance: the chain of its instances. */
typedef struct {
	const char *module; /* module instance path */
	const char *type;
	tfs_mode mode;
	size_t *insts;      /* indices into st->resources, sorted by key */
	size_t n, cap;
	size_t next_same_type; /* next base of this module and type, + 1 */
} S_base;

typedef struct {
	tfs_state *st;
	tfs_arena ar;        /* everything of this pass */
	tfs_map modules;     /* config module path -> index + 1 */
	json_t **mods;
	size_t nmods, capmods;
	tfs_map resources;   /* "cfgpath|address" -> config resource + 1 */
	json_t **cres;
	size_t ncres, capcres;
	tfs_map bases;       /* "module|mode|type.name" -> base + 1 */
	tfs_map by_type;     /* "module|type" -> first base + 1 */
	S_base *b;
	size_t nb, capb;
	const char **modpaths; /* distinct module instance paths, sorted */
	size_t nmodpaths;
	tfs_map prior;       /* address -> prior index + 1 */
	tfs_buf key;
} S_ctx;

typedef struct {
	size_t inst;      /* index into st->resources */
	const char *attr; /* its attribute the value is */
} S_target;

typedef struct {
	S_target *items;
	size_t n, cap;
} S_targets;

static void S_targets_add(S_targets *t, size_t inst, const char *attr)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->items[i].inst == inst && strcmp(t->items[i].attr, attr) == 0)
			return;
	tfs_grow(&t->items, &t->cap, t->n + 1, sizeof(*t->items));
	t->items[t->n].inst = inst;
	t->items[t->n].attr = attr;
	t->n++;
}

/* "module.a[0].module.b[\"x\"]" -> "module.a.module.b" */
static const char *S_strip_keys(S_ctx *c, const char *path)
{
	tfs_buf_truncate(&c->key, 0);
	while (*path) {
		if (*path == '[') {
			bool q = false;
			for (path++; *path && (q || *path != ']'); path++) {
				if (q && *path == '\\' && path[1])
					path++;
				else if (*path == '"')
					q = !q;
			}
			if (*path)
				path++;
			continue;
		}
		tfs_buf_addc(&c->key, *path++);
	}
	return tfs_arena_strndup(&c->ar, c->key.data, c->key.len);
}

static const char *S_join(S_ctx *c, const char *a, const char *sep,
                          const char *b)
{
	return tfs_arena_strfmt(&c->ar, "%s%s%s", a, *a ? sep : "", b);
}

static void S_index_modules(S_ctx *c, json_t *mod, const char *path, int depth)
{
	const char *name;
	json_t *call, *r;
	size_t i;

	if (!json_is_object(mod) || depth > TFS_MAX_NESTING ||
	    tfs_map_get(&c->modules, path, NULL))
		return;
	tfs_grow(&c->mods, &c->capmods, c->nmods + 1, sizeof(*c->mods));
	c->mods[c->nmods++] = mod;
	tfs_map_put(&c->modules, path, c->nmods);
	json_array_foreach(json_object_get(mod, "resources"), i, r) {
		const char *addr = json_string_value(json_object_get(r, "address"));
		if (!json_is_object(r) || !addr)
			continue;
		tfs_grow(&c->cres, &c->capcres, c->ncres + 1, sizeof(*c->cres));
		c->cres[c->ncres++] = r;
		tfs_map_add(&c->resources,
		            tfs_arena_strfmt(&c->ar, "%s|%s", path, addr), c->ncres);
	}
	json_object_foreach(json_object_get(mod, "module_calls"), name, call)
		S_index_modules(c, json_object_get(call, "module"),
		                S_join(c, path, ".", tfs_arena_strfmt(&c->ar,
		                                                      "module.%s",
		                                                      name)),
		                depth + 1);
}

static json_t *S_cfg_module(S_ctx *c, const char *modinst)
{
	size_t i;
	return tfs_map_get(&c->modules, S_strip_keys(c, modinst), &i)
	               ? c->mods[i - 1]
	               : NULL;
}

static int S_inst_key_cmp(const tfs_index_key *a, const tfs_index_key *b)
{
	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	if (a->kind == TFS_KEY_INT)
		return a->num < b->num ? -1 : a->num > b->num;
	if (a->kind == TFS_KEY_STRING)
		return strcmp(a->str, b->str);
	return 0;
}

/* For sorting a base's instances by key (qsort has no context). */
static _Thread_local const tfs_instance *S_sort_items;

static int S_by_key(const void *pa, const void *pb)
{
	const tfs_instance *a = &S_sort_items[*(const size_t *)pa];
	const tfs_instance *b = &S_sort_items[*(const size_t *)pb];
	int d = S_inst_key_cmp(&a->key, &b->key);
	return d ? d : (*(const size_t *)pa > *(const size_t *)pb) -
	                       (*(const size_t *)pa < *(const size_t *)pb);
}

static int S_str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void S_index_instances(S_ctx *c)
{
	tfs_instance_list *l = &c->st->resources;
	size_t i, j, cap = 0;

	for (i = 0; i < l->count; i++) {
		const tfs_instance *in = &l->items[i];
		const char *k;
		size_t b;

		if (in->deposed)
			continue;
		k = tfs_arena_strfmt(&c->ar, "%s|%d|%s.%s", in->module, (int)in->mode,
		                     in->type, in->name);
		if (!tfs_map_get(&c->bases, k, &b)) {
			const char *tk = tfs_arena_strfmt(&c->ar, "%s|%s", in->module,
			                                  in->type);
			size_t head = 0;
			tfs_grow(&c->b, &c->capb, c->nb + 1, sizeof(*c->b));
			memset(&c->b[c->nb], 0, sizeof(*c->b));
			c->b[c->nb].module = in->module;
			c->b[c->nb].type = in->type;
			c->b[c->nb].mode = in->mode;
			b = ++c->nb;
			tfs_map_put(&c->bases, k, b);
			if (in->mode == TFS_MODE_MANAGED) {
				tfs_map_get(&c->by_type, tk, &head);
				c->b[b - 1].next_same_type = head;
				tfs_map_put(&c->by_type, tk, b);
			}
			tfs_grow(&c->modpaths, &cap, c->nmodpaths + 1,
			         sizeof(*c->modpaths));
			c->modpaths[c->nmodpaths++] = in->module;
		}
		tfs_grow(&c->b[b - 1].insts, &c->b[b - 1].cap, c->b[b - 1].n + 1,
		         sizeof(size_t));
		c->b[b - 1].insts[c->b[b - 1].n++] = i;
	}
	S_sort_items = l->items;
	for (i = 0; i < c->nb; i++)
		tfs_sort(c->b[i].insts, c->b[i].n, sizeof(size_t), S_by_key);
	S_sort_items = NULL;
	tfs_sort(c->modpaths, c->nmodpaths, sizeof(*c->modpaths), S_str_cmp);
	for (i = j = 0; i < c->nmodpaths; i++)
		if (!j || strcmp(c->modpaths[j - 1], c->modpaths[i]) != 0)
			c->modpaths[j++] = c->modpaths[i];
	c->nmodpaths = j;
	for (i = 0; i < c->st->prior.count; i++)
		tfs_map_add(&c->prior, c->st->prior.items[i].address, i + 1);
}

static const S_base *S_find_base(S_ctx *c, const char *modinst, tfs_mode mode,
                                 const char *type, const char *name)
{
	size_t b;
	return tfs_map_get(&c->bases,
	                   tfs_arena_strfmt(&c->ar, "%s|%d|%s.%s", modinst,
	                                    (int)mode, type, name),
	                   &b)
	               ? &c->b[b - 1]
	               : NULL;
}

/* ---- what an attribute is -------------------------------------------------- */

static bool S_ends(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Whether attribute attr (of nested block `block`, or NULL at the top)
 * names another resource. */
static bool S_identity(const char *type, const char *block, const char *attr)
{
	/* attributes that name another resource on some types only: an
	 * EventBridge target's arn, a subscription's endpoint, the function
	 * of a mapping, permission, URL or invoke config */
	if (!block && strcmp(type, "aws_cloudwatch_event_target") == 0 &&
	    strcmp(attr, "arn") == 0)
		return true;
	if (!block && strcmp(type, "aws_sns_topic_subscription") == 0 &&
	    strcmp(attr, "endpoint") == 0)
		return true;
	if (!block && strncmp(type, "aws_lambda_", 11) == 0 &&
	    strcmp(type, "aws_lambda_function") != 0 &&
	    strcmp(attr, "function_name") == 0)
		return true;
	static const char *const NAMES[] = {
		"cluster", "db_subnet_group_name", "instance", "security_groups",
		"subnet_group_name", "subnets", "task_definition",
	};
	size_t i;

	if (block && strcmp(block, "alias") == 0)
		return strcmp(attr, "name") == 0 || strcmp(attr, "zone_id") == 0;
	if (block && strcmp(block, "origin") == 0 &&
	    strcmp(attr, "domain_name") == 0)
		return true;
	if (strcmp(attr, "id") == 0 || strcmp(attr, "arn") == 0 ||
	    strcmp(attr, "owner_id") == 0)
		return false;
	if (S_ends(attr, "_id") || S_ends(attr, "_ids") || S_ends(attr, "_arn") ||
	    S_ends(attr, "_arns"))
		return true;
	for (i = 0; i < sizeof(NAMES) / sizeof(*NAMES); i++)
		if (strcmp(attr, NAMES[i]) == 0)
			return true;
	return false;
}

/* Whether the attribute holds a list of identities. */
static bool S_list_attr(const char *attr)
{
	return S_ends(attr, "_ids") || S_ends(attr, "_arns") ||
	       strcmp(attr, "subnets") == 0 || strcmp(attr, "security_groups") == 0;
}

/* The type a local's value must be of, for the one-candidate rule. */
static const char *S_type_for(const char *attr)
{
	static const struct {
		const char *attr, *type;
	} T[] = {
		{"allocation_id", "aws_eip"},
		{"cluster", "aws_ecs_cluster"},
		{"db_subnet_group_name", "aws_db_subnet_group"},
		{"gateway_id", "aws_internet_gateway"},
		{"instance_id", "aws_instance"},
		{"listener_arn", "aws_lb_listener"},
		{"load_balancer_arn", "aws_lb"},
		{"nat_gateway_id", "aws_nat_gateway"},
		{"route_table_id", "aws_route_table"},
		{"secondary_allocation_ids", "aws_eip"},
		{"security_group_id", "aws_security_group"},
		{"security_group_ids", "aws_security_group"},
		{"security_groups", "aws_security_group"},
		{"source_security_group_id", "aws_security_group"},
		{"subnet_id", "aws_subnet"},
		{"subnet_ids", "aws_subnet"},
		{"subnets", "aws_subnet"},
		{"target_group_arn", "aws_lb_target_group"},
		{"task_definition", "aws_ecs_task_definition"},
		{"vpc_id", "aws_vpc"},
		{"vpc_security_group_ids", "aws_security_group"},
	};
	for (size_t i = 0; i < sizeof(T) / sizeof(*T); i++)
		if (strcmp(T[i].attr, attr) == 0)
			return T[i].type;
	return NULL;
}

/* Which attribute of a target a reference without one means. */
static const char *S_target_attr(const char *attr, const char *block,
                                 const char *type)
{
	bool lb = strcmp(type, "aws_lb") == 0 || strcmp(type, "aws_alb") == 0 ||
	          strcmp(type, "aws_elb") == 0;
	if (S_ends(attr, "arn") || S_ends(attr, "arns") ||
	    strcmp(attr, "endpoint") == 0 || strcmp(attr, "function_name") == 0)
		return "arn";
	if (block && strcmp(block, "alias") == 0 && strcmp(attr, "name") == 0)
		return lb ? "dns_name" : "domain_name";
	if (block && strcmp(block, "alias") == 0 && strcmp(attr, "zone_id") == 0)
		return lb ? "zone_id" : "hosted_zone_id";
	if (block && strcmp(block, "origin") == 0)
		return lb ? "dns_name" : strcmp(type, "aws_s3_bucket") == 0
		                             ? "bucket_regional_domain_name"
		                             : "domain_name";
	if (strcmp(attr, "db_subnet_group_name") == 0 ||
	    strcmp(attr, "subnet_group_name") == 0)
		return "name";
	return "id";
}

/* ---- resolving -------------------------------------------------------------- */

typedef struct {
	const char *attr;  /* the referring attribute */
	const char *block; /* its nested block, or NULL */
	const tfs_index_key *key; /* the referring instance's (or module's) key */
	json_t *for_each;  /* the referring resource's for_each references */
	bool count_index, each;
	bool each_value;   /* each.value, or an attribute of it */
	const char *each_attr; /* that attribute ("id" of each.value.id) */
} S_use;

/* An instance of base b for the use: by the reference's key, else by the
 * referring instance's key when the expression indexes with it, else all. */
static void S_pick(S_ctx *c, const S_base *b, const S_step *st, const S_use *u,
                   const char *attr, S_targets *out)
{
	tfs_instance *items = c->st->resources.items;
	size_t i;

	if (st && st->has_key) {
		for (i = 0; i < b->n; i++)
			if (S_key_eq(&items[b->insts[i]].key, &st->key))
				S_targets_add(out, b->insts[i], attr);
		return;
	}
	if (u->key && ((u->count_index && u->key->kind == TFS_KEY_INT) ||
	               (u->each && u->key->kind == TFS_KEY_STRING))) {
		for (i = 0; i < b->n; i++)
			if (S_key_eq(&items[b->insts[i]].key, u->key)) {
				S_targets_add(out, b->insts[i], attr);
				return;
			}
		if (u->key->kind == TFS_KEY_INT && b->n && u->key->num >= 0 &&
		    items[b->insts[0]].key.kind == TFS_KEY_INT) {
			S_targets_add(out, b->insts[(size_t)u->key->num % b->n], attr);
			return;
		}
	}
	for (i = 0; i < b->n; i++)
		S_targets_add(out, b->insts[i], attr);
}

static void S_resolve(S_ctx *c, json_t *refs, const char *modinst,
                      const S_use *use, int depth, S_targets *out);

/* Element idx of what resolved, when it names one. */
static void S_take(S_targets *from, const S_step *idx, S_targets *out)
{
	size_t i;
	if (idx && idx->has_key && idx->key.kind == TFS_KEY_INT) {
		if ((size_t)idx->key.num < from->n)
			S_targets_add(out, from->items[idx->key.num].inst,
			              from->items[idx->key.num].attr);
		return;
	}
	for (i = 0; i < from->n; i++)
		S_targets_add(out, from->items[i].inst, from->items[i].attr);
}

static void S_module_output(S_ctx *c, const S_ref *r, const char *modinst,
                            const S_use *use, int depth, S_targets *out)
{
	const char *name = r->steps[1].name, *prefix;
	json_t *call, *child_cfg, *refs;
	S_use inner = *use;
	size_t i;

	if (r->n < 3)
		return;
	call = json_object_get(json_object_get(S_cfg_module(c, modinst),
	                                       "module_calls"),
	                       name);
	if (!json_is_object(call))
		return;
	child_cfg = json_object_get(call, "module");
	refs = json_object_get(
		json_object_get(json_object_get(json_object_get(child_cfg, "outputs"),
		                                r->steps[2].name),
		                "expression"),
		"references");
	if (!json_is_array(refs))
		return;
	inner.key = NULL;
	inner.count_index = inner.each = false;
	prefix = S_join(c, modinst, ".", tfs_arena_strfmt(&c->ar, "module.%s", name));
	/* every instance of the module the reference names */
	for (i = 0; i < c->nmodpaths; i++) {
		const char *p = c->modpaths[i], *rest;
		size_t n = strlen(prefix);
		S_targets tmp = {NULL, 0, 0};
		tfs_buf k;

		if (strncmp(p, prefix, n) != 0)
			continue;
		rest = p + n;
		if (*rest == '[') {
			if (r->steps[1].has_key) {
				tfs_buf_init(&k);
				S_add_key(&k, &r->steps[1].key);
				if (strncmp(rest, k.data, k.len) != 0 ||
				    (rest[k.len] && rest[k.len] != '.')) {
					tfs_buf_release(&k);
					continue;
				}
				rest += k.len;
				tfs_buf_release(&k);
			} else {
				while (*rest && *rest != '.')
					rest++; /* the module's own key, any */
			}
		}
		if (*rest) /* a module further down: reached by its own path */
			continue;
		S_resolve(c, refs, p, &inner, depth + 1, &tmp);
		S_take(&tmp, &r->steps[2], out);
		free(tmp.items);
	}
}

/* var.NAME inside module instance modinst: the parent's module call. */
static void S_module_var(S_ctx *c, const S_ref *r, const char *modinst,
                         const S_use *use, int depth, S_targets *out)
{
	const char *last = NULL, *p, *parent, *name;
	json_t *call, *refs;
	S_ref self;
	S_use outer = *use;
	S_targets tmp = {NULL, 0, 0};

	if (!*modinst || r->n < 2)
		return;
	/* the last "module.NAME[KEY]" of the path */
	for (p = modinst; (p = strstr(p, "module.")) != NULL; p += 7)
		if (p == modinst || p[-1] == '.')
			last = p;
	if (!last || !S_parse_ref(&c->ar, last, &self) || self.n != 2)
		return;
	parent = last == modinst ? ""
	                         : tfs_arena_strndup(&c->ar, modinst,
	                                             (size_t)(last - modinst - 1));
	name = self.steps[1].name;
	call = json_object_get(json_object_get(S_cfg_module(c, parent),
	                                       "module_calls"),
	                       name);
	refs = json_object_get(
		json_object_get(json_object_get(call, "expressions"),
		                r->steps[1].name),
		"references");
	if (!json_is_array(refs))
		return;
	/* count.index in a module call is the module instance's index */
	outer.key = self.steps[1].has_key ? &self.steps[1].key : NULL;
	outer.count_index = outer.each = false;
	S_resolve(c, refs, parent, &outer, depth + 1, &tmp);
	S_take(&tmp, r->n > 2 ? &r->steps[2] : NULL, out);
	free(tmp.items);
}

/* The other spelling of a type, where the provider has two. */
static const char *S_alias_type(const char *type)
{
	if (strcmp(type, "aws_lb") == 0)
		return "aws_alb";
	if (strcmp(type, "aws_lb_target_group") == 0)
		return "aws_alb_target_group";
	if (strcmp(type, "aws_lb_listener") == 0)
		return "aws_alb_listener";
	if (strcmp(type, "aws_vpc") == 0)
		return "aws_default_vpc";
	return NULL;
}

/* local.* cannot be followed (plan JSON leaves locals out): take the one
 * resource of the attribute's type in the module instance, if there is
 * exactly one. */
static void S_only_candidate(S_ctx *c, const char *modinst, const S_use *use,
                             S_targets *out)
{
	const char *types[2];
	size_t b, count = 0, first = 0, v;
	S_targets tmp = {NULL, 0, 0};

	types[0] = S_type_for(use->attr);
	if (!types[0])
		return;
	types[1] = S_alias_type(types[0]);
	for (v = 0; v < 2 && types[v]; v++)
		if (tfs_map_get(&c->by_type,
		                tfs_arena_strfmt(&c->ar, "%s|%s", modinst, types[v]),
		                &b))
			for (; b; b = c->b[b - 1].next_same_type)
				if (!count++)
					first = b;
	if (count != 1)
		return;
	S_pick(c, &c->b[first - 1], NULL, use,
	       S_target_attr(use->attr, use->block, c->b[first - 1].type), &tmp);
	/* a single value needs a single candidate */
	if (tmp.n == 1 || S_list_attr(use->attr))
		S_take(&tmp, NULL, out);
	free(tmp.items);
}

typedef struct {
	S_ref ref;
	int root_len; /* steps naming what is referred to */
} S_entry;

/* Steps that name the thing referred to: type.name, data.type.name,
 * module.name.output, var.name. */
static int S_root_len(const S_ref *r)
{
	const char *h = r->steps[0].name;
	if (strcmp(h, "data") == 0)
		return r->n >= 3 ? 3 : 0;
	if (strcmp(h, "module") == 0)
		return r->n >= 3 ? 3 : 0;
	if (strcmp(h, "var") == 0 || strcmp(h, "local") == 0)
		return r->n >= 2 ? 2 : 0;
	if (strcmp(h, "count") == 0 || strcmp(h, "each") == 0 ||
	    strcmp(h, "path") == 0 || strcmp(h, "terraform") == 0 ||
	    strcmp(h, "self") == 0)
		return 0;
	return r->n >= 2 ? 2 : 0;
}

static bool S_same_root(const S_entry *a, const S_ref *b, int blen)
{
	if (a->root_len != blen)
		return false;
	for (int i = 0; i < blen; i++) {
		if (strcmp(a->ref.steps[i].name, b->steps[i].name) != 0)
			return false;
		/* module keys are part of the root; a resource's key is not */
		if (i < blen - 1 &&
		    (a->ref.steps[i].has_key != b->steps[i].has_key ||
		     (b->steps[i].has_key &&
		      !S_key_eq(&a->ref.steps[i].key, &b->steps[i].key))))
			return false;
	}
	return true;
}

/* Terraform lists each reference with its shorter forms
 * ("aws_x.y[0].id", "aws_x.y[0]", "aws_x.y"): keep the most specific of
 * each thing referred to, and every distinct key. */
static size_t S_entries(S_ctx *c, json_t *refs, S_entry *e, S_use *u,
                        bool *local)
{
	size_t n = 0, i, j;
	json_t *v;

	json_array_foreach(refs, i, v) {
		const char *s = json_string_value(v);
		S_ref r;
		int len;
		bool merged = false;

		if (!s || !S_parse_ref(&c->ar, s, &r))
			continue;
		if (strcmp(r.steps[0].name, "count") == 0) {
			u->count_index = true;
		} else if (strcmp(r.steps[0].name, "each") == 0) {
			u->each = true;
			if (r.n >= 2 && strcmp(r.steps[1].name, "value") == 0) {
				u->each_value = true;
				if (r.n >= 3 && !u->each_attr)
					u->each_attr = r.steps[2].name;
			}
		} else if (strcmp(r.steps[0].name, "local") == 0)
			*local = true;
		if ((len = S_root_len(&r)) == 0 || strcmp(r.steps[0].name, "local") == 0)
			continue;
		for (j = 0; j < n && !merged; j++) {
			S_step *ka, *kb;
			if (!S_same_root(&e[j], &r, len))
				continue;
			ka = &e[j].ref.steps[len - 1];
			kb = &r.steps[len - 1];
			if (ka->has_key && kb->has_key && !S_key_eq(&ka->key, &kb->key))
				continue; /* another instance: an entry of its own */
			merged = true;
			if (kb->has_key && !ka->has_key)
				e[j].ref = r; /* a key beats none */
			else if (kb->has_key == ka->has_key && r.n > e[j].ref.n)
				e[j].ref = r; /* an attribute beats none */
		}
		if (!merged && n < MAX_ENTRIES) {
			e[n].ref = r;
			e[n].root_len = len;
			n++;
		}
	}
	/* an entry without key yields to keyed ones of the same root */
	for (i = j = 0; i < n; i++) {
		bool covered = false;
		size_t k;
		if (!e[i].ref.steps[e[i].root_len - 1].has_key)
			for (k = 0; k < n && !covered; k++)
				covered = k != i && S_same_root(&e[k], &e[i].ref, e[i].root_len) &&
				          e[k].ref.steps[e[k].root_len - 1].has_key;
		if (!covered)
			e[j++] = e[i];
	}
	return j;
}

static void S_resolve(S_ctx *c, json_t *refs, const char *modinst,
                      const S_use *use, int depth, S_targets *out)
{
	S_entry *e;
	S_use u = *use;
	bool local = false;
	size_t n, i, before = out->n;

	if (depth > MAX_DEPTH || !json_is_array(refs))
		return;
	e = xmalloc(sizeof(*e) * MAX_ENTRIES);
	u.each_value = false;
	u.each_attr = NULL;
	n = S_entries(c, refs, e, &u, &local);
	for (i = 0; i < n; i++) {
		const S_ref *r = &e[i].ref;
		const char *h = r->steps[0].name;
		const S_base *b;
		bool data = strcmp(h, "data") == 0;
		int off = data ? 1 : 0;

		if (strcmp(h, "module") == 0) {
			S_module_output(c, r, modinst, &u, depth, out);
		} else if (strcmp(h, "var") == 0) {
			S_module_var(c, r, modinst, &u, depth, out);
		} else if ((b = S_find_base(c, modinst,
		                            data ? TFS_MODE_DATA : TFS_MODE_MANAGED,
		                            r->steps[off].name,
		                            r->steps[off + 1].name)) != NULL) {
			const char *attr = r->n > off + 2
			                           ? r->steps[off + 2].name
			                           : S_target_attr(u.attr, u.block, b->type);
			S_pick(c, b, &r->steps[off + 1], &u, attr, out);
		}
	}
	/* for_each = aws_subnet.public, subnet_id = each.value.id: the
	 * instance of the same key */
	if (out->n == before && u.each_value && u.key &&
	    u.key->kind == TFS_KEY_STRING && u.for_each) {
		S_use fe = u;
		S_targets tmp = {NULL, 0, 0};
		size_t k;
		fe.for_each = NULL;
		fe.each = true;
		fe.count_index = false;
		S_resolve(c, u.for_each, modinst, &fe, depth + 1, &tmp);
		for (k = 0; k < tmp.n; k++)
			S_targets_add(out, tmp.items[k].inst,
			              u.each_attr ? u.each_attr : tmp.items[k].attr);
		free(tmp.items);
	}
	if (out->n == before && local)
		S_only_candidate(c, modinst, &u, out);
	free(e);
}

/* ---- filling values in ---------------------------------------------------------- */

static bool S_known_string(const json_t *v)
{
	return json_is_string(v) && json_string_length(v) > 0 &&
	       strcmp(json_string_value(v), TFS_REDACTED) != 0;
}

/* The target's value: known in the plan, else (its id does not change on
 * update) in the prior state, else the after-apply text, written on the
 * target too so both ends agree. */
static const char *S_target_value(S_ctx *c, const S_target *t)
{
	tfs_instance *in = &c->st->resources.items[t->inst];
	json_t *v = json_object_get(in->attributes, t->attr);
	size_t p;

	if (S_known_string(v))
		return json_string_value(v);
	if (json_is_string(v)) /* redacted: nothing to join on */
		return NULL;
	if ((in->action == TFS_ACTION_UPDATE || in->action == TFS_ACTION_NOOP) &&
	    tfs_map_get(&c->prior, in->address, &p)) {
		json_t *pv = json_object_get(c->st->prior.items[p - 1].attributes,
		                             t->attr);
		if (S_known_string(pv))
			return json_string_value(pv);
	}
	v = json_string(tfs_arena_strfmt(&c->ar, TFS_AFTER_APPLY "%s.%s)",
	                                 in->address, t->attr));
	json_object_set_new(in->attributes, t->attr, v);
	return json_string_value(v);
}

static json_t *S_value(S_ctx *c, const S_targets *t, bool list)
{
	json_t *arr;
	const char *one = NULL;
	size_t i, j;

	if (t->n == 0)
		return NULL;
	arr = json_array();
	for (i = 0; i < t->n; i++) {
		const char *v = S_target_value(c, &t->items[i]);
		bool dup = false;
		if (!v)
			continue;
		for (j = 0; j < json_array_size(arr) && !dup; j++)
			dup = strcmp(json_string_value(json_array_get(arr, j)), v) == 0;
		if (!dup)
			json_array_append_new(arr, json_string(v));
	}
	if (list)
		return json_array_size(arr) ? arr : (json_decref(arr), NULL);
	if (json_array_size(arr) == 1)
		one = json_string_value(json_array_get(arr, 0));
	{
		json_t *s = one ? json_string(one) : NULL;
		json_decref(arr);
		return s;
	}
}

/* Whether an expressions object is a single nested block rather than an
 * expression ({"references": ...} or {"constant_value": ...}). */
static bool S_is_block(json_t *v)
{
	return json_is_object(v) && !json_object_get(v, "references") &&
	       !json_object_get(v, "constant_value") && json_object_size(v) > 0;
}

static void S_fill(S_ctx *c, tfs_instance *in, json_t *cres, json_t *expr,
                   json_t *attrs, json_t *unknown, const char *block,
                   int depth)
{
	const char *k;
	json_t *ev;

	if (depth > MAX_DEPTH || !json_is_object(attrs) || !json_is_object(unknown))
		return;
	json_object_foreach(expr, k, ev) {
		json_t *uv = json_object_get(unknown, k);

		if (json_is_array(ev) || S_is_block(ev)) {
			json_t *av = json_object_get(attrs, k);
			size_t i, n = json_is_array(ev) ? json_array_size(ev) : 1;
			for (i = 0; i < n; i++) {
				json_t *eb = json_is_array(ev) ? json_array_get(ev, i) : ev;
				json_t *ab = json_is_array(av) ? json_array_get(av, i) : av;
				json_t *ub = json_is_array(uv) ? json_array_get(uv, i) : uv;
				S_fill(c, in, cres, eb, ab, ub, k, depth + 1);
			}
			continue;
		}
		if (!json_is_true(uv) || !S_identity(in->type, block, k))
			continue;
		{
			S_use use;
			S_targets t = {NULL, 0, 0};
			json_t *v;

			memset(&use, 0, sizeof(use));
			use.attr = k;
			use.block = block;
			use.key = in->key.kind != TFS_KEY_NONE ? &in->key : NULL;
			use.for_each = json_object_get(
				json_object_get(cres, "for_each_expression"), "references");
			S_resolve(c, json_object_get(ev, "references"), in->module, &use,
			          0, &t);
			v = S_value(c, &t, S_list_attr(k));
			if (v)
				json_object_set_new(attrs, k, v);
			free(t.items);
		}
	}
}

void tfs_plan_config_refs(tfs_reader *rd, json_t *root)
{
	json_t *cfg = json_object_get(json_object_get(root, "configuration"),
	                              "root_module");
	tfs_state *st = rd->st;
	S_ctx c;
	size_t i;

	if (!json_is_object(cfg))
		return;
	memset(&c, 0, sizeof(c));
	c.st = st;
	tfs_map_init(&c.modules);
	tfs_map_init(&c.resources);
	tfs_map_init(&c.bases);
	tfs_map_init(&c.by_type);
	tfs_map_init(&c.prior);
	tfs_buf_init(&c.key);
	S_index_modules(&c, cfg, "", 0);
	S_index_instances(&c);
	for (i = 0; i < st->resources.count; i++) {
		tfs_instance *in = &st->resources.items[i];
		size_t r;
		if (!json_is_object(in->unknown) || in->deposed ||
		    !tfs_map_get(&c.resources,
		                 tfs_arena_strfmt(&c.ar, "%s|%s%s.%s",
		                                  S_strip_keys(&c, in->module),
		                                  in->mode == TFS_MODE_DATA ? "data."
		                                                            : "",
		                                  in->type, in->name),
		                 &r))
			continue;
		S_fill(&c, in, c.cres[r - 1],
		       json_object_get(c.cres[r - 1], "expressions"),
		       in->attributes, in->unknown, NULL, 0);
	}
	for (i = 0; i < c.nb; i++)
		free(c.b[i].insts);
	free(c.b);
	free(c.mods);
	free(c.cres);
	free(c.modpaths);
	tfs_map_release(&c.modules);
	tfs_map_release(&c.resources);
	tfs_map_release(&c.bases);
	tfs_map_release(&c.by_type);
	tfs_map_release(&c.prior);
	tfs_buf_release(&c.key);
	tfs_arena_release(&c.ar);
}

bool tfs_after_apply_type(const char *v, char *type, size_t size)
{
	const char *p, *end;
	size_t n = strlen(TFS_AFTER_APPLY);

	if (!v || strncmp(v, TFS_AFTER_APPLY, n) != 0)
		return false;
	p = v + n;
	/* skip module.NAME[KEY]. steps, then data. */
	while (strncmp(p, "module.", 7) == 0) {
		bool q = false;
		for (p += 7; *p && (q || *p != '.'); p++) {
			if (q && *p == '\\' && p[1])
				p++;
			else if (*p == '"')
				q = !q;
		}
		if (*p == '.')
			p++;
	}
	if (strncmp(p, "data.", 5) == 0)
		p += 5;
	end = strchr(p, '.');
	if (!end || (size_t)(end - p) >= size)
		return false;
	memcpy(type, p, (size_t)(end - p));
	type[end - p] = '\0';
	return true;
}
