/* diff.c - match two estimates resource by resource, total them per
 * project and environment, and compare their checklists finding by
 * finding. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "tfsight/diff.h"

void tfs_diff_options_init(tfs_diff_options *o)
{
	o->project_tag = "Project";
	o->owner_tag = "Owner";
}

const char *tfs_change_name(tfs_change c)
{
	switch (c) {
	case TFS_CHANGE_ADDED:
		return "added";
	case TFS_CHANGE_REMOVED:
		return "removed";
	case TFS_CHANGE_CHANGED:
		return "changed";
	case TFS_CHANGE_UNCHANGED:
		return "unchanged";
	}
	return "?";
}

/* Whether a plan's after_unknown holds any true leaf. */
static bool S_any_unknown(const json_t *v)
{
	const char *k;
	json_t *item;
	size_t i;

	if (json_is_true(v))
		return true;
	if (json_is_object(v)) {
		json_t *obj = (json_t *)(uintptr_t)v;
		json_object_foreach(obj, k, item)
			if (S_any_unknown(item))
				return true;
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, item)
			if (S_any_unknown(item))
				return true;
	}
	return false;
}

/* ---- what changed, value by value --------------------------------------------- */

typedef struct {
	tfs_diff *d;
	const tfs_instance *a, *b; /* for sensitive paths; may be NULL */
	bool replace;              /* the plan replaces the resource */
	tfs_diff_attr *out;
	size_t n, more;
	/* the top-level names of every value listed, counted or not: the
	 * changedAttributes, from the same walk as the changes */
	const char *top;
	const char **keys;
	size_t nkeys;
	tfs_buf path;
} S_attrs;

static bool S_sensitive_path(const tfs_instance *in, const char *path)
{
	size_t i, n;

	if (!in)
		return false;
	for (i = 0; i < in->nsensitive; i++) {
		n = strlen(in->sensitive[i]);
		if (strncmp(path, in->sensitive[i], n) == 0 &&
		    (path[n] == '\0' || path[n] == '.' || path[n] == '['))
			return true;
	}
	return tfs_instance_path_sealed(in, path);
}

static bool S_document(const json_t *v)
{
	const char *s = json_string_value(v);
	while (s && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r'))
		s++;
	return s && (*s == '[' || *s == '{');
}

/* A container by its size: "[2 items]", "{1 key}". */
static const char *S_size(tfs_arena *ar, const json_t *v)
{
	if (json_is_array(v))
		return tfs_arena_strfmt(ar, "[%zu item%s]", json_array_size(v),
		                        json_array_size(v) == 1 ? "" : "s");
	return tfs_arena_strfmt(ar, "{%zu key%s}", json_object_size(v),
	                        json_object_size(v) == 1 ? "" : "s");
}

/* A short, safe rendering of one side's value. */
static const char *S_show(S_attrs *x, const tfs_instance *in, const json_t *v)
{
	tfs_arena *ar = &x->d->arena;
	char buf[256];
	size_t n;

	if (!v)
		return "(absent)";
	if (S_sensitive_path(in, x->path.data) ||
	    (json_is_string(v) && strcmp(json_string_value(v), TFS_REDACTED) == 0))
		return TFS_REDACTED;
	if (json_is_array(v) || json_is_object(v))
		return S_size(ar, v);
	if (S_document(v)) {
		/* by size, as the container it holds, when the other side has no
		 * document to compare it with (unknown, absent, plain text);
		 * never quoted, since secrets by name are redacted only in
		 * container_definitions */
		json_t *doc = json_loads(json_string_value(v), 0, NULL);
		const char *s = doc ? S_size(ar, doc) : "(not valid JSON)";
		json_decref(doc);
		return s;
	}
	if (json_is_string(v) && json_string_length(v) > 60) {
		tfs_buf t;
		const char *s;
		tfs_buf_init(&t);
		tfs_buf_add(&t, json_string_value(v), 57);
		/* whole UTF-8 sequences only */
		while (t.len && ((unsigned char)t.data[t.len - 1] & 0xc0) == 0x80)
			tfs_buf_truncate(&t, t.len - 1);
		if (t.len && ((unsigned char)t.data[t.len - 1] & 0xc0) == 0xc0)
			tfs_buf_truncate(&t, t.len - 1);
		tfs_buf_adds(&t, "...");
		{
			json_t *cut = json_string(t.data);
			n = cut ? json_dumpb(cut, buf, sizeof(buf), JSON_ENCODE_ANY) : 0;
			json_decref(cut);
		}
		tfs_buf_release(&t);
		s = n && n < sizeof(buf) ? tfs_arena_strndup(ar, buf, n) : "(text)";
		return s;
	}
	n = json_dumpb(v, buf, sizeof(buf), JSON_ENCODE_ANY | JSON_COMPACT);
	return n && n < sizeof(buf) ? tfs_arena_strndup(ar, buf, n) : "(value)";
}

/* One value at the current path, listed or counted, and its top-level
 * name. */
static void S_add(S_attrs *x, const char *before, const char *after)
{
	if (x->top && (!x->nkeys || strcmp(x->keys[x->nkeys - 1], x->top) != 0))
		x->keys[x->nkeys++] = tfs_arena_strdup(&x->d->arena, x->top);
	if (x->n == TFS_DIFF_MAX_ATTRS) {
		x->more++;
		return;
	}
	x->out[x->n].path = tfs_arena_strndup(&x->d->arena, x->path.data,
	                                      x->path.len);
	x->out[x->n].before = before;
	x->out[x->n].after = after;
	x->n++;
}

static void S_leaf(S_attrs *x, const json_t *a, const json_t *b,
                   const json_t *unknown)
{
	const char *before, *after;

	before = S_show(x, x->a, a);
	after = json_is_true(unknown) && !b ? TFS_DIFF_UNKNOWN : S_show(x, x->b, b);
	if (strcmp(before, after) == 0 && strcmp(before, TFS_REDACTED) != 0)
		after = tfs_arena_strfmt(&x->d->arena, "%s (changed inside)", after);
	S_add(x, before, after);
}

static int S_cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of a and of b (either may be NULL or not an object), each
 * once, sorted: paths come in their order.  Free the array. */
static const char **S_keys(const json_t *a, const json_t *b, size_t *count)
{
	const char **keys, *k;
	json_t *v;
	size_t n = 0;

	keys = xmalloc(tfs_mul_size(json_object_size(a) + json_object_size(b) + 1,
	                            sizeof(*keys)));
	json_object_foreach((json_t *)(uintptr_t)a, k, v)
		keys[n++] = k;
	json_object_foreach((json_t *)(uintptr_t)b, k, v)
		if (!json_object_get(a, k))
			keys[n++] = k;
	tfs_sort(keys, n, sizeof(*keys), S_cmp_cstr);
	*count = n;
	return keys;
}

static bool S_hidden(const S_attrs *x)
{
	return S_sensitive_path(x->a, x->path.data) ||
	       S_sensitive_path(x->b, x->path.data);
}

/* A value the same on both sides, of a resource the plan replaces: the
 * new object takes it anew, and a sensitive value is redacted alike on
 * both sides whether it differs or not (it may be what forces the
 * replacement), so each one set is listed as "(sensitive)" rather than
 * left out.  Nothing else of it is. */
static void S_same(S_attrs *x, const json_t *v, int depth)
{
	size_t mark = x->path.len, i, n;

	if (!v || json_is_null(v) || depth > 32)
		return;
	if (mark && S_hidden(x)) {
		S_add(x, TFS_REDACTED, TFS_REDACTED);
		return;
	}
	if (json_is_object(v)) {
		const char **keys = S_keys(v, NULL, &n);
		for (i = 0; i < n; i++) {
			tfs_buf_addf(&x->path, "%s%s", mark ? "." : "", keys[i]);
			if (!depth)
				x->top = keys[i];
			S_same(x, json_object_get(v, keys[i]), depth + 1);
			tfs_buf_truncate(&x->path, mark);
		}
		free(keys);
	} else if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++) {
			tfs_buf_addf(&x->path, "[%zu]", i);
			S_same(x, json_array_get(v, i), depth + 1);
			tfs_buf_truncate(&x->path, mark);
		}
	}
}

/* b's unknown mirror (a plan's after_unknown) goes down with it. */
static void S_walk(S_attrs *x, const json_t *a, const json_t *b,
                   const json_t *u, int depth)
{
	size_t mark = x->path.len, i;

	if (json_equal((json_t *)(uintptr_t)a, (json_t *)(uintptr_t)b)) {
		if (x->replace)
			S_same(x, a, depth);
		return;
	}
	if (depth > 32 || json_is_true(u) || S_hidden(x)) {
		S_leaf(x, a, b, u);
		return;
	}
	if (json_is_object(a) && json_is_object(b)) {
		size_t n;
		const char **keys = S_keys(a, b, &n);
		for (i = 0; i < n; i++) {
			const json_t *va = json_object_get(a, keys[i]);
			const json_t *vb = json_object_get(b, keys[i]);
			/* null and absent read the same in state and plan */
			const json_t *vu = json_object_get(u, keys[i]);
			if ((!va || json_is_null(va)) && (!vb || json_is_null(vb)) &&
			    !json_is_true(vu))
				continue;
			tfs_buf_addf(&x->path, "%s%s", mark ? "." : "", keys[i]);
			if (!depth)
				x->top = keys[i];
			S_walk(x, va, vb, vu, depth + 1);
			tfs_buf_truncate(&x->path, mark);
		}
		free(keys);
		return;
	}
	if (json_is_array(a) && json_is_array(b) &&
	    json_array_size(a) == json_array_size(b)) {
		for (i = 0; i < json_array_size(a); i++) {
			tfs_buf_addf(&x->path, "[%zu]", i);
			S_walk(x, json_array_get(a, i), json_array_get(b, i),
			       json_array_get(u, i), depth + 1);
			tfs_buf_truncate(&x->path, mark);
		}
		return;
	}
	if (S_document(a) && S_document(b)) {
		/* container definitions, policies: compared inside */
		json_t *da = json_loads(json_string_value(a), 0, NULL);
		json_t *db = json_loads(json_string_value(b), 0, NULL);
		if (da && db)
			S_walk(x, da, db, NULL, depth + 1);
		else
			S_leaf(x, a, b, NULL);
		json_decref(da);
		json_decref(db);
		return;
	}
	S_leaf(x, a, b, u);
}

static void S_changed_attrs(tfs_diff *d, tfs_diff_resource *r,
                            const tfs_diff_item *a, const tfs_diff_item *b)
{
	S_attrs x;

	memset(&x, 0, sizeof(x));
	x.d = d;
	x.a = a->inst;
	x.b = b->inst;
	x.replace = b->inst && b->inst->action == TFS_ACTION_REPLACE;
	x.out = tfs_arena_alloc(&d->arena,
	                        TFS_DIFF_MAX_ATTRS * sizeof(*x.out));
	x.keys = tfs_arena_alloc(
		&d->arena, tfs_mul_size(json_object_size(a->attributes) +
		                                json_object_size(b->attributes) + 1,
		                        sizeof(*x.keys)));
	tfs_buf_init(&x.path);
	S_walk(&x, a->attributes, b->attributes, b->inst ? b->inst->unknown : NULL,
	       0);
	tfs_buf_release(&x.path);
	r->attrs = x.out;
	r->nattrs = x.n;
	r->nattrs_more = x.more;
	r->changed_keys = x.keys;
	r->nchanged_keys = x.nkeys;
}

static const char S_OTHER_ESTIMATE[] =
	"the same values, another estimate: usage figures or prices differ";

/* Why a changed resource shows no value. */
static const char *S_reason(const tfs_diff_resource *r, const tfs_diff_item *a,
                            const tfs_diff_item *b)
{
	if (r->nattrs)
		return NULL;
	if (!a->attributes || !b->attributes)
		return "the estimate changed; a saved estimate records no values "
		       "to compare";
	if (b->inst && b->inst->action == TFS_ACTION_REPLACE &&
	    fabs(a->usd - b->usd) < 5e-7)
		return "the plan replaces it; no value it shows differs";
	if (b->inst && b->inst->action == TFS_ACTION_UPDATE &&
	    fabs(a->usd - b->usd) < 5e-7)
		return b->inst->nsensitive ? "the plan changes only sensitive values"
		                           : "the plan updates it; no value it "
		                             "shows differs";
	if (fabs(a->usd - b->usd) >= 5e-7)
		return S_OTHER_ESTIMATE; /* or its parent's values: S_priced_from */
	if (r->previous_address)
		return "moved; no value changed";
	return "known after apply";
}

static void S_group_add(tfs_diff *d, tfs_map *index, size_t *cap,
                        const tfs_diff_item *it, bool head)
{
	const char *key;
	size_t g;

	key = tfs_arena_strfmt(&d->arena, "%s\x1f%s", it->project,
	                       it->environment);
	if (!tfs_map_get(index, key, &g)) {
		g = d->ngroups++;
		tfs_grow(&d->groups, cap, d->ngroups, sizeof(*d->groups));
		memset(&d->groups[g], 0, sizeof(d->groups[g]));
		d->groups[g].project = it->project;
		d->groups[g].environment = it->environment;
		tfs_map_put(index, key, g);
	}
	if (head)
		d->groups[g].head_usd += it->usd;
	else
		d->groups[g].base_usd += it->usd;
}

/* The items of an estimate: one per resource node.  Against a saved
 * estimate, which lists priced and free resources only, the types not
 * priced yet are left out, or they would all read as added. */
static tfs_diff_item *S_items(tfs_diff *d, const tfs_cost *c,
                              const tfs_diff_options *o, bool priced_only,
                              size_t *count)
{
	tfs_diff_item *items = tfs_arena_alloc(
		&d->arena, tfs_mul_size(c->count + 1, sizeof(*items)));
	size_t i, n = 0;

	for (i = 0; i < c->count; i++) {
		const tfs_cost_resource *r = &c->resources[i];
		const tfs_node *node = &c->model->nodes[r->node];
		const tfs_instance *in = node->item->inst;
		/* environment and tags as the cost's roll-ups read them */
		const tfs_node *owner = tfs_node_tag_owner(c->model, node,
		                                           o->project_tag,
		                                           o->owner_tag);
		tfs_diff_item *it;
		const char *tag;

		if (in->deposed)
			continue; /* on its way out; its cost is the current one's */
		if (priced_only && (r->status == TFS_COST_UNSUPPORTED ||
		                    tfs_cost_excluded(r)))
			continue;
		it = &items[n++];
		memset(it, 0, sizeof(*it));
		it->address = in->address;
		it->previous_address = in->previous_address;
		it->type = in->type;
		it->environment = owner->env_source == TFS_ENV_UNKNOWN
		                          ? TFS_UNTAGGED
		                          : owner->environment;
		tag = tfs_node_tag(owner, o->project_tag);
		it->project = tag ? tag : TFS_UNTAGGED;
		tag = tfs_node_tag(owner, o->owner_tag);
		it->owner = tag ? tag : TFS_UNTAGGED;
		it->usd = r->monthly_cost;
		it->missing_prices = r->missing_prices;
		if (tfs_cost_excluded(r)) {
			it->not_priced = r->note;
			it->not_aws = r->status == TFS_COST_NOT_AWS;
		}
		it->attributes = in->attributes;
		it->unknown_after_apply = in->unknown && S_any_unknown(in->unknown);
		it->inst = in;
		if (r->parent != TFS_NONE)
			it->priced_from = c->model->nodes[r->parent].address;
	}
	*count = n;
	return items;
}

static const tfs_diff_item *S_side_items(tfs_diff *d, const tfs_diff_side *s,
                                         const tfs_diff_options *o,
                                         bool priced_only, size_t *count)
{
	if (s->cost)
		return S_items(d, s->cost, o, priced_only, count);
	*count = s->nitems;
	return s->items;
}

static void S_describe(tfs_diff_resource *res, const tfs_diff_item *it)
{
	res->type = it->type;
	res->environment = it->environment;
	res->project = it->project;
	res->owner = it->owner;
	res->service = tfs_aws_service_name(it->type);
}

static int S_cmp_group(const void *pa, const void *pb)
{
	const tfs_diff_group *a = pa, *b = pb;
	int r = strcmp(a->project, b->project);
	return r ? r : strcmp(a->environment, b->environment);
}

static int S_cmp_resource(const void *pa, const void *pb)
{
	const tfs_diff_resource *a = pa, *b = pb;
	double da = fabs(a->head_usd - a->base_usd);
	double db = fabs(b->head_usd - b->base_usd);

	if (da != db)
		return da > db ? -1 : 1;
	if (a->change != b->change)
		return a->change < b->change ? -1 : 1;
	return strcmp(a->address, b->address);
}

/* Whether the changed resource r changes its top-level attribute key to
 * a value known before apply (one past the listed changes counts as
 * known). */
static bool S_known_change(const tfs_diff_resource *r, const char *key)
{
	size_t i, n = strlen(key);
	bool listed = false;

	for (i = 0; i < r->nattrs; i++) {
		const char *p = r->attrs[i].path;
		if (strncmp(p, key, n) != 0 ||
		    (p[n] != '\0' && p[n] != '.' && p[n] != '['))
			continue;
		listed = true;
		if (strcmp(r->attrs[i].after, TFS_DIFF_UNKNOWN) != 0)
			return true;
	}
	return !listed && r->nattrs_more;
}

/* A cost that moved while no value of the resource did, when its estimate
 * reads another resource's values (a function's memory size prices its
 * provisioned concurrency) and that one changes: the reason names it and
 * what it changes, rather than usage figures or prices.  from[i] is the
 * address d->resources[i] is priced from, or NULL.  The names are those
 * known before apply, which the estimate prices (all, when none is). */
static void S_priced_from(tfs_diff *d, const char *const *from)
{
	tfs_map changed;
	size_t i, k, p;

	tfs_map_init(&changed);
	for (i = 0; i < d->nresources; i++)
		if (d->resources[i].change == TFS_CHANGE_CHANGED)
			tfs_map_add(&changed, d->resources[i].address, i);
	for (i = 0; i < d->nresources; i++) {
		tfs_diff_resource *r = &d->resources[i];
		const tfs_diff_resource *pr;
		size_t known = 0, shown = 0;
		tfs_buf t;

		if (r->reason != S_OTHER_ESTIMATE || !from[i] ||
		    !tfs_map_get(&changed, from[i], &p) ||
		    !d->resources[p].nchanged_keys)
			continue;
		pr = &d->resources[p];
		for (k = 0; k < pr->nchanged_keys; k++)
			known += S_known_change(pr, pr->changed_keys[k]);
		tfs_buf_init(&t);
		tfs_buf_addf(&t, "priced from %s, which changes ", pr->address);
		for (k = 0; k < pr->nchanged_keys; k++) {
			if (known && !S_known_change(pr, pr->changed_keys[k]))
				continue;
			if (shown == 3)
				break;
			tfs_buf_addf(&t, "%s%s", shown ? ", " : "",
			             pr->changed_keys[k]);
			shown++;
		}
		if ((known ? known : pr->nchanged_keys) > shown)
			tfs_buf_addf(&t, " and %zu more",
			             (known ? known : pr->nchanged_keys) - shown);
		r->reason = tfs_arena_strndup(&d->arena, t.data, t.len);
		tfs_buf_release(&t);
	}
	tfs_map_release(&changed);
}

static void S_resources(tfs_diff *d, const tfs_diff_item *base, size_t nbase,
                        const tfs_diff_item *head, size_t nhead)
{
	tfs_map by_address, groups;
	bool *matched = xcalloc(nbase + 1, sizeof(bool));
	const char **from = NULL; /* per resource: what it is priced from */
	size_t cap = 0, gcap = 0, fcap = 0, i, r;

	tfs_map_init(&by_address);
	tfs_map_init(&groups);
	for (i = 0; i < nbase; i++) {
		tfs_map_add(&by_address, base[i].address, i);
		d->base_total += base[i].usd;
		S_group_add(d, &groups, &gcap, &base[i], false);
	}
	for (i = 0; i < nhead; i++) {
		const tfs_diff_item *h = &head[i];
		tfs_diff_resource res;
		bool found = tfs_map_get(&by_address, h->address, &r) ||
		             (h->previous_address &&
		              tfs_map_get(&by_address, h->previous_address, &r));

		d->head_total += h->usd;
		S_group_add(d, &groups, &gcap, h, true);
		memset(&res, 0, sizeof(res));
		res.address = h->address;
		S_describe(&res, h);
		res.head_usd = h->usd;
		res.missing_prices = h->missing_prices;
		res.not_priced = h->not_priced;
		if (h->not_priced && h->not_aws)
			d->head_not_aws++;
		else if (h->not_priced)
			d->head_other_region++;
		res.unknown_after_apply = h->unknown_after_apply;
		if (found && !matched[r]) {
			const tfs_diff_item *b = &base[r];
			matched[r] = true;
			res.base_usd = b->usd;
			res.missing_prices += b->missing_prices;
			if (strcmp(b->address, h->address) != 0)
				res.previous_address = b->address;
			if (b->attributes && h->attributes)
				S_changed_attrs(d, &res, b, h);
			res.change = res.nchanged_keys || res.previous_address ||
			                     fabs(b->usd - h->usd) >= 5e-7 ||
			                     (h->inst && (h->inst->action ==
			                                          TFS_ACTION_UPDATE ||
			                                  h->inst->action ==
			                                          TFS_ACTION_REPLACE))
			                     ? TFS_CHANGE_CHANGED
			                     : TFS_CHANGE_UNCHANGED;
			if (res.change == TFS_CHANGE_CHANGED)
				res.reason = S_reason(&res, b, h);
			res.action = res.nchanged_keys ? TFS_ACTION_UPDATE
			                               : TFS_ACTION_NOOP;
		} else {
			res.change = TFS_CHANGE_ADDED;
			res.action = TFS_ACTION_CREATE;
		}
		/* a plan says what it does; two states only what differs */
		if (h->inst && h->inst->action != TFS_ACTION_NONE)
			res.action = h->inst->action;
		if (res.unknown_after_apply)
			d->unknown_after_apply++;
		if (res.change == TFS_CHANGE_UNCHANGED) {
			d->unchanged++;
			continue;
		}
		if (res.change == TFS_CHANGE_ADDED)
			d->added++;
		else
			d->changed++;
		tfs_grow(&d->resources, &cap, d->nresources + 1,
		         sizeof(*d->resources));
		tfs_grow(&from, &fcap, d->nresources + 1, sizeof(*from));
		from[d->nresources] = h->priced_from;
		d->resources[d->nresources++] = res;
	}
	for (i = 0; i < nbase; i++) {
		tfs_diff_resource res;
		if (matched[i])
			continue;
		memset(&res, 0, sizeof(res));
		res.change = TFS_CHANGE_REMOVED;
		/* what exists in base only: a plan deletes it (or forgets it,
		 * which its prior state does not record) */
		res.action = TFS_ACTION_DELETE;
		res.address = base[i].address;
		S_describe(&res, &base[i]);
		res.base_usd = base[i].usd;
		res.missing_prices = base[i].missing_prices;
		res.not_priced = base[i].not_priced;
		d->removed++;
		tfs_grow(&d->resources, &cap, d->nresources + 1,
		         sizeof(*d->resources));
		tfs_grow(&from, &fcap, d->nresources + 1, sizeof(*from));
		from[d->nresources] = NULL;
		d->resources[d->nresources++] = res;
	}
	S_priced_from(d, from);
	free(from);
	tfs_sort(d->resources, d->nresources, sizeof(*d->resources),
	         S_cmp_resource);
	tfs_sort(d->groups, d->ngroups, sizeof(*d->groups), S_cmp_group);
	tfs_map_release(&by_address);
	tfs_map_release(&groups);
	free(matched);
}

/* ---- the checklist ---------------------------------------------------------- */

static bool S_failing(const tfs_finding *f)
{
	return f->status == TFS_STATUS_FAIL && !f->waiver;
}

static const char *S_key(tfs_arena *a, const tfs_finding *f)
{
	return tfs_arena_strfmt(a, "%s\x1f%s\x1f%s", f->check->id,
	                        f->address ? f->address : "",
	                        f->attribute ? f->attribute : "");
}

/* Failures of `of` whose key does not fail in `other`. */
static const tfs_finding **S_only(tfs_diff *d, const tfs_checks *of,
                                  const tfs_checks *other, size_t *count)
{
	const tfs_finding **out;
	tfs_map failing;
	size_t i, n = 0, v;

	tfs_map_init(&failing);
	for (i = 0; i < other->count; i++)
		if (S_failing(&other->findings[i]))
			tfs_map_put(&failing, S_key(&d->arena, &other->findings[i]), i);
	out = tfs_arena_alloc(&d->arena,
	                      tfs_mul_size(of->count + 1, sizeof(*out)));
	for (i = 0; i < of->count; i++)
		if (S_failing(&of->findings[i]) &&
		    !tfs_map_get(&failing, S_key(&d->arena, &of->findings[i]), &v))
			out[n++] = &of->findings[i];
	tfs_map_release(&failing);
	*count = n;
	return out;
}

static int S_cmp_new(const void *pa, const void *pb)
{
	const tfs_finding *a = *(const tfs_finding *const *)pa;
	const tfs_finding *b = *(const tfs_finding *const *)pb;

	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	/* findings keep catalogue order, then node order: keep it */
	return a < b ? -1 : a > b;
}

tfs_diff *tfs_diff_build(const tfs_diff_side *base, const tfs_diff_side *head,
                         const tfs_diff_options *o)
{
	tfs_diff *d = xcalloc(1, sizeof(*d));
	tfs_diff_options defaults;

	if (!o) {
		tfs_diff_options_init(&defaults);
		o = &defaults;
	}
	{
		size_t nb, nh;
		bool saved = !base->cost || !head->cost;
		const tfs_diff_item *b = S_side_items(d, base, o, saved, &nb);
		const tfs_diff_item *h = S_side_items(d, head, o, saved, &nh);
		S_resources(d, b, nb, h, nh);
	}
	if (base->checks && head->checks) {
		d->has_checks = true;
		d->new_failures = S_only(d, head->checks, base->checks,
		                         &d->nnew_failures);
		d->fixed = S_only(d, base->checks, head->checks, &d->nfixed);
		tfs_sort(d->new_failures, d->nnew_failures,
		         sizeof(*d->new_failures), S_cmp_new);
		tfs_sort(d->fixed, d->nfixed, sizeof(*d->fixed), S_cmp_new);
	}
	return d;
}

void tfs_diff_free(tfs_diff *d)
{
	if (!d)
		return;
	free(d->groups);
	free(d->resources);
	tfs_arena_release(&d->arena);
	free(d);
}

int tfs_diff_worst_new(const tfs_diff *d)
{
	int worst = -1;
	size_t i;
	for (i = 0; i < d->nnew_failures; i++)
		if ((int)d->new_failures[i]->severity > worst)
			worst = (int)d->new_failures[i]->severity;
	return worst;
}
