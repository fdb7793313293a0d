/* engine.c - run the catalogue over a model: the join index, the calls that
 * record findings, severity overrides, waivers and the summary. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <strings.h>
#include <time.h>

#include "check/check_int.h"

typedef struct {
	size_t node, next; /* next: entry index + 1, 0 at the end */
} S_entry;

/* The join index: mutable behind the read-only context, as a cache is. */
struct tfs_ck_join {
	tfs_map pairs;  /* "type\x1fattr" -> 1 once indexed */
	tfs_map values; /* "type\x1fattr\x1fvalue" -> first entry + 1 */
	S_entry *items;
	size_t count, cap;
	tfs_arena keys;
};

/* ---- reading the model ---------------------------------------------------- */

const json_t *tfs_ck_attrs(const tfs_check_ctx *x, size_t node)
{
	const tfs_inventory_item *it = x->m->nodes[node].item;
	return it ? it->inst->attributes : NULL;
}

const char *tfs_ck_type(const tfs_check_ctx *x, size_t node)
{
	const tfs_inventory_item *it = x->m->nodes[node].item;
	return it ? it->inst->type : "";
}

const char *tfs_ck_address(const tfs_check_ctx *x, size_t node)
{
	return x->m->nodes[node].address;
}

const json_t *tfs_ck_path(const json_t *obj, const char *path)
{
	const json_t *v = obj;
	const char *p = path;

	while (v && *p) {
		char key[128];
		size_t n = strcspn(p, ".[");

		if (n) {
			if (n >= sizeof(key) || !json_is_object(v))
				return NULL;
			memcpy(key, p, n);
			key[n] = '\0';
			v = json_object_get(v, key);
			p += n;
		}
		if (*p == '[') {
			char *end;
			unsigned long i = strtoul(p + 1, &end, 10);
			if (*end != ']' || !json_is_array(v))
				return NULL;
			v = json_array_get(v, i);
			p = end + 1;
		}
		if (*p == '.')
			p++;
	}
	return json_is_null(v) ? NULL : v;
}

const char *tfs_ck_env(const tfs_check_ctx *x, size_t node)
{
	const tfs_node *n = &x->m->nodes[node];
	return n->env_source != TFS_ENV_UNKNOWN ? n->environment : x->stack_env;
}

bool tfs_ck_is_prod(const tfs_check_ctx *x, size_t node)
{
	const char *env = tfs_ck_env(x, node);
	size_t i;

	if (!env)
		return true;
	for (i = 0; i < x->n_prod_envs; i++)
		if (strcasecmp(env, x->prod_envs[i]) == 0)
			return true;
	return false;
}

static bool S_prod_name(const tfs_check_ctx *x, const char *env)
{
	size_t i;
	for (i = 0; i < x->n_prod_envs; i++)
		if (strcasecmp(env, x->prod_envs[i]) == 0)
			return true;
	return false;
}

bool tfs_ck_env_same(const tfs_check_ctx *x, const char *a, const char *b)
{
	return a && b &&
	       (strcasecmp(a, b) == 0 || (S_prod_name(x, a) && S_prod_name(x, b)));
}

const char *tfs_ck_account_env(const tfs_check_ctx *x, const char *account)
{
	size_t i;
	for (i = 0; x->config && account && i < x->config->n_account_envs; i++)
		if (strcmp(x->config->account_envs[2 * i], account) == 0)
			return x->config->account_envs[2 * i + 1];
	return NULL;
}

bool tfs_ck_applies(tfs_check_ctx *x, size_t node)
{
	const char *env = tfs_ck_env(x, node);
	bool prod = tfs_ck_is_prod(x, node);

	if (x->def->scope == TFS_SCOPE_PROD && !prod) {
		tfs_ck_na(x, node, "applies to production only; this is %s",
		          env ? env : "not production");
		return false;
	}
	if (x->def->scope == TFS_SCOPE_NONPROD && prod) {
		tfs_ck_na(x, node, "applies outside production only; this is %s",
		          env ? env : "production (no environment found)");
		return false;
	}
	return true;
}

bool tfs_ck_str_eq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

bool tfs_ck_type_is(const tfs_check_ctx *x, size_t node, const char *type)
{
	return strcmp(tfs_ck_type(x, node), type) == 0;
}

const char *tfs_ck_service_cluster(const tfs_check_ctx *x, size_t svc)
{
	size_t c = x->m->nodes[svc].cluster;
	const char *name = NULL, *arn, *slash;

	if (c != TFS_NONE && c < x->m->nresources)
		name = tfs_attr_str(tfs_ck_attrs(x, c), "name");
	if (name)
		return name;
	arn = tfs_attr_str(tfs_ck_attrs(x, svc), "cluster");
	slash = arn ? strrchr(arn, '/') : NULL;
	name = slash ? slash + 1 : arn;
	return name && *name ? name : NULL;
}

const char *tfs_ck_bucket_name(const json_t *a)
{
	const char *b = tfs_attr_str(a, "bucket");
	return b ? b : tfs_attr_str(a, "id");
}

/* ---- the join index --------------------------------------------------------- */

/* "type\x1fattr" (value NULL) or "type\x1fattr\x1fvalue" in buf when it
 * fits, else in *heap (freed by the caller). */
static const char *S_key(char *buf, size_t size, char **heap, const char *type,
                         const char *attr, const char *value)
{
	size_t need = strlen(type) + strlen(attr) +
	              (value ? strlen(value) + 1 : 0) + 2;
	char *key = need <= size ? buf : (*heap = xmalloc(need));
	if (value)
		snprintf(key, need, "%s\x1f%s\x1f%s", type, attr, value);
	else
		snprintf(key, need, "%s\x1f%s", type, attr);
	return key;
}

/* Index the nodes of type by attr: newest first, so each chain reads in
 * node order. */
static void S_join_index(const tfs_check_ctx *x, const char *type,
                         const char *attr)
{
	struct tfs_ck_join *j = x->join;
	size_t *nodes = NULL, n = 0, cap = 0, i;

	TFS_CK_FOREACH_TYPE(x, i, type) {
		tfs_grow(&nodes, &cap, n + 1, sizeof(*nodes));
		nodes[n++] = i;
	}
	while (n-- > 0) {
		const char *v = tfs_attr_str(tfs_ck_attrs(x, nodes[n]), attr);
		char buf[512], *heap = NULL;
		const char *key;
		size_t head = 0;

		if (!v)
			continue;
		key = S_key(buf, sizeof(buf), &heap, type, attr, v);
		if (!tfs_map_get(&j->values, key, &head))
			key = tfs_arena_strdup(&j->keys, key);
		tfs_grow(&j->items, &j->cap, j->count + 1, sizeof(*j->items));
		j->items[j->count].node = nodes[n];
		j->items[j->count].next = head;
		j->count++;
		tfs_map_put(&j->values, key, j->count); /* keeps a stored key */
		free(heap);
	}
	free(nodes);
}

/* The per-type chains: type_first maps a type to its first node + 1,
 * type_next[node] is the next node of the same type (TFS_NONE at the
 * end), so a check over one type visits that type's nodes only. */
static void S_type_index(tfs_check_ctx *x)
{
	size_t i;

	tfs_map_init(&x->type_first);
	x->type_next = xmalloc(tfs_mul_size(x->m->nresources + 1,
	                                    sizeof(*x->type_next)));
	for (i = x->m->nresources; i-- > 0;) {
		size_t head = 0;
		tfs_map_get(&x->type_first, tfs_ck_type(x, i), &head);
		x->type_next[i] = head ? head - 1 : TFS_NONE;
		tfs_map_put(&x->type_first, tfs_ck_type(x, i), i + 1);
	}
}

size_t tfs_ck_type_first(const tfs_check_ctx *x, const char *type)
{
	size_t head = 0;
	tfs_map_get(&x->type_first, type, &head);
	return head ? head - 1 : TFS_NONE;
}

size_t tfs_ck_first(const tfs_check_ctx *x, const char *type, const char *attr,
                    const char *value, size_t *it)
{
	struct tfs_ck_join *j = x->join;
	char buf[512], *heap = NULL;
	const char *pair;
	size_t head = 0;

	*it = 0;
	if (!value)
		return TFS_NONE;
	pair = S_key(buf, sizeof(buf), &heap, type, attr, NULL);
	if (!tfs_map_get(&j->pairs, pair, NULL)) {
		tfs_map_put(&j->pairs, tfs_arena_strdup(&j->keys, pair), 1);
		S_join_index(x, type, attr);
	}
	free(heap);
	heap = NULL;
	tfs_map_get(&j->values, S_key(buf, sizeof(buf), &heap, type, attr, value),
	            &head);
	free(heap);
	*it = head;
	return tfs_ck_next(x, it);
}

size_t tfs_ck_next(const tfs_check_ctx *x, size_t *it)
{
	const S_entry *e;

	if (*it == 0)
		return TFS_NONE;
	e = &x->join->items[*it - 1];
	*it = e->next;
	return e->node;
}

bool tfs_ck_has_type(const tfs_check_ctx *x, const char *type)
{
	size_t i;
	TFS_CK_FOREACH_TYPE(x, i, type)
		if (x->m->nodes[i].item &&
		    x->m->nodes[i].item->inst->mode == TFS_MODE_MANAGED)
			return true;
	return false;
}

size_t tfs_ck_in_first(const tfs_check_ctx *x, size_t node)
{
	return x->in_head[node] ? x->in_head[node] - 1 : TFS_NONE;
}

size_t tfs_ck_in_next(const tfs_check_ctx *x, size_t edge)
{
	return x->in_next[edge] ? x->in_next[edge] - 1 : TFS_NONE;
}

/* ---- recording findings ----------------------------------------------------- */

const char *tfs_ck_fmt(tfs_check_ctx *x, const char *fmt, ...)
{
	va_list ap;
	const char *s;

	va_start(ap, fmt);
	s = tfs_arena_vstrfmt(&x->out->arena, fmt, ap);
	va_end(ap);
	return s;
}

const char *tfs_ck_value(tfs_check_ctx *x, const json_t *v)
{
	char buf[1280]; /* a string of 200 bytes escapes to at most 1202 */
	size_t n;

	if (!v)
		return "(absent)";
	if (json_is_array(v))
		return json_array_size(v) == 0
		               ? "[]"
		               : tfs_ck_fmt(x, "[%zu item%s]", json_array_size(v),
		                            json_array_size(v) == 1 ? "" : "s");
	if (json_is_object(v))
		return json_object_size(v) == 0 ? "{}" : "{...}";
	if (json_is_string(v) && json_string_length(v) > 200)
		return tfs_ck_fmt(x, "(a string of %zu bytes)", json_string_length(v));
	n = json_dumpb(v, buf, sizeof(buf), JSON_ENCODE_ANY | JSON_COMPACT);
	if (n == 0 || n >= sizeof(buf))
		return n ? tfs_ck_fmt(x, "(a value of %zu bytes)", n)
		         : "(unprintable)";
	return tfs_arena_strndup(&x->out->arena, buf, n);
}

/* Whether attr (a path) starts in a document the input marks sensitive
 * whole: decided from, never shown. */
static bool S_sealed_path(const tfs_check_ctx *x, size_t node, const char *attr)
{
	return node != TFS_NONE && x->m->nodes[node].item &&
	       tfs_instance_path_sealed(x->m->nodes[node].item->inst, attr);
}

static const char *S_document_value(tfs_check_ctx *x, const json_t *v);

/* Every finding passes here, whoever made its value: a value read from a
 * sealed path is "(sensitive)", and an attribute that holds a JSON
 * document (valid or not) is shown by what it is, never by its text, even
 * when a check quoted it itself. */
static void S_vrecord(tfs_check_ctx *x, size_t node, tfs_status st,
                      const char *attr, const char *value, const char *fmt,
                      va_list ap)
{
	tfs_checks *c = x->out;
	tfs_finding *f;

	if (value && S_sealed_path(x, node, attr)) {
		value = TFS_REDACTED;
	} else if (value && attr && node != TFS_NONE) {
		const json_t *raw = tfs_ck_path(tfs_ck_attrs(x, node), attr);
		const char *doc = json_is_string(raw) ? S_document_value(x, raw)
		                                      : NULL;
		if (doc)
			value = doc;
	}

	tfs_grow(&c->findings, &c->cap, c->count + 1, sizeof(*c->findings));
	f = &c->findings[c->count++];
	memset(f, 0, sizeof(*f));
	f->check = x->def;
	f->status = st;
	f->severity = x->def->severity;
	f->node = node;
	if (node != TFS_NONE) {
		f->address = x->m->nodes[node].address;
		f->environment = tfs_ck_env(x, node);
	}
	f->attribute = attr ? tfs_arena_strdup(&c->arena, attr) : NULL;
	f->value = value ? tfs_arena_strdup(&c->arena, value) : NULL;
	f->message = tfs_arena_vstrfmt(&c->arena, fmt, ap);
}

void tfs_ck_result(tfs_check_ctx *x, size_t node, tfs_status st,
                   const char *attr, const char *value, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_vrecord(x, node, st, attr, value, fmt, ap);
	va_end(ap);
}

/* A JSON document kept in a string (container definitions, a policy) is
 * evidence by what it is, never by its text: a document that is not valid
 * JSON is quoted nowhere, since whatever it holds (a password in a
 * truncated environment list) was never parsed and so never redacted. */
static const char *S_document_value(tfs_check_ctx *x, const json_t *v)
{
	json_error_t e;
	json_t *doc;
	const char *s = json_string_value(v);
	size_t n = json_string_length(v);

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) { /* a BOM */
		s += 3;
		n -= 3;
	}
	while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
		s++;
		n--;
	}
	if (!n || (*s != '[' && *s != '{'))
		return NULL;
	doc = json_loadb(json_string_value(v), json_string_length(v), 0, &e);
	if (!doc)
		return tfs_ck_fmt(x, "(not valid JSON at offset %d)", e.position);
	json_decref(doc);
	return tfs_ck_fmt(x, "(a JSON document of %zu bytes)",
	                  json_string_length(v));
}

static void S_vattr(tfs_check_ctx *x, size_t node, tfs_status st,
                    const char *attr, const char *fmt, va_list ap)
{
	const char *value = NULL;
	/* a JSON document's value is replaced in S_vrecord, for every finding */
	if (attr && node != TFS_NONE)
		value = tfs_ck_value(x, tfs_ck_path(tfs_ck_attrs(x, node), attr));
	S_vrecord(x, node, st, attr, value, fmt, ap);
}

void tfs_ck_pass(tfs_check_ctx *x, size_t node, const char *attr,
                 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_vattr(x, node, TFS_STATUS_PASS, attr, fmt, ap);
	va_end(ap);
}

void tfs_ck_fail(tfs_check_ctx *x, size_t node, const char *attr,
                 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_vattr(x, node, TFS_STATUS_FAIL, attr, fmt, ap);
	va_end(ap);
}

void tfs_ck_unknown(tfs_check_ctx *x, size_t node, const char *attr,
                    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_vattr(x, node, TFS_STATUS_UNKNOWN, attr, fmt, ap);
	va_end(ap);
}

void tfs_ck_na(tfs_check_ctx *x, size_t node, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_vrecord(x, node, TFS_STATUS_NA, NULL, NULL, fmt, ap);
	va_end(ap);
}

void tfs_ck_saving(tfs_check_ctx *x, double monthly_usd)
{
	if (!x->out->count)
		return;
	x->out->findings[x->out->count - 1].monthly_saving = monthly_usd;
	x->out->findings[x->out->count - 1].has_saving = true;
}

json_t *tfs_ck_json_attr(const tfs_check_ctx *x, size_t node, const char *attr)
{
	const json_t *a = tfs_ck_attrs(x, node);
	const json_t *v = a ? json_object_get(a, attr) : NULL;
	json_t *sealed;

	/* marked sensitive whole: decide from the sealed document */
	if (json_is_string(v) && strcmp(json_string_value(v), TFS_REDACTED) == 0 &&
	    x->m->nodes[node].item &&
	    (sealed = tfs_instance_sealed(x->m->nodes[node].item->inst, attr)))
		return json_incref(sealed);
	if (json_is_string(v))
		return json_loadb(json_string_value(v), json_string_length(v),
		                  JSON_DECODE_ANY, NULL);
	/* a plan may hold the decoded value already */
	if (json_is_array(v) || json_is_object(v))
		return json_incref((json_t *)(uintptr_t)v);
	return NULL;
}

/* ---- overrides, waivers, the run ---------------------------------------------- */

int tfs_check_config_validate(const tfs_config *c, tfs_error *err)
{
	size_t i;
	tfs_severity sev;

	if (!c)
		return 0;
	for (i = 0; i < c->n_overrides; i++) {
		const tfs_severity_override *o = &c->overrides[i];
		if (!tfs_check_find(o->check))
			return tfs_error_set(err, TFS_EXIT_INPUT, c->source, o->line,
			                     o->column, NULL,
			                     "checks.severity: no check '%.60s' (see "
			                     "tfsight check --list)",
			                     o->check),
			       -1;
		if (!tfs_severity_parse(o->severity, &sev))
			return tfs_error_set(err, TFS_EXIT_INPUT, c->source, o->line,
			                     o->column, NULL,
			                     "checks.severity.%s: '%.40s' is not a "
			                     "severity (info, low, medium, high, "
			                     "critical)",
			                     o->check, o->severity),
			       -1;
	}
	for (i = 0; i < c->n_waivers; i++) {
		const tfs_waiver *w = &c->waivers[i];
		if (!tfs_check_find(w->check))
			return tfs_error_set(err, TFS_EXIT_INPUT, c->source, w->line,
			                     w->column, NULL,
			                     "checks.waivers: no check '%.60s' (see "
			                     "tfsight check --list)",
			                     w->check),
			       -1;
	}
	return 0;
}

void tfs_check_options_init(tfs_check_options *o)
{
	memset(o, 0, sizeof(*o));
}

bool tfs_ck_glob(const char *p, const char *s)
{
	return tfs_glob(p, s);
}

static void S_today(const tfs_check_options *o, char out[11])
{
	if (o->today)
		snprintf(out, 11, "%s", o->today);
	else if (!tfs_source_date(out, 11))
		snprintf(out, 11, "1970-01-01");
}

static void S_apply_config(tfs_checks *c, const tfs_config *cfg,
                           const char *today)
{
	size_t i, k;

	if (!cfg)
		return;
	for (i = 0; i < c->count; i++) {
		tfs_finding *f = &c->findings[i];
		for (k = 0; k < cfg->n_overrides; k++)
			if (strcmp(cfg->overrides[k].check, f->check->id) == 0)
				tfs_severity_parse(cfg->overrides[k].severity, &f->severity);
		if (f->status != TFS_STATUS_FAIL)
			continue;
		for (k = 0; k < cfg->n_waivers; k++) {
			const tfs_waiver *w = &cfg->waivers[k];
			if (strcmp(w->check, f->check->id) != 0)
				continue;
			if (w->expires && strcmp(w->expires, today) < 0)
				continue; /* expired: reported by PRE-WAIVER-EXPIRED */
			if (tfs_ck_glob(w->address, f->address ? f->address : ""))
				f->waiver = w->reason;
		}
	}
}

static int S_cmp_finding(const void *pa, const void *pb)
{
	const tfs_finding *a = pa, *b = pb;
	int r;

	if (a->node != b->node)
		return a->node < b->node ? -1 : 1;
	if ((r = strcmp(a->attribute ? a->attribute : "",
	                b->attribute ? b->attribute : "")) != 0)
		return r;
	return strcmp(a->message, b->message);
}

static void S_summarise(tfs_checks *c, size_t ncat, const tfs_config *cfg)
{
	size_t i, f = 0;

	c->summary = tfs_arena_alloc(&c->arena,
	                             tfs_mul_size(ncat + 1, sizeof(*c->summary)));
	c->nsummary = ncat;
	for (i = 0; i < ncat; i++) {
		tfs_check_summary *s = &c->summary[i];
		size_t k;

		memset(s, 0, sizeof(*s));
		s->check = tfs_check_at(i);
		s->severity = s->check->severity;
		for (k = 0; cfg && k < cfg->n_overrides; k++)
			if (strcmp(cfg->overrides[k].check, s->check->id) == 0)
				tfs_severity_parse(cfg->overrides[k].severity, &s->severity);
		s->first = f;
		while (f < c->count && c->findings[f].check == s->check) {
			const tfs_finding *fd = &c->findings[f];
			if (fd->status == TFS_STATUS_FAIL && fd->waiver)
				s->waived++;
			else
				s->counts[fd->status]++;
			f++;
		}
		s->nfindings = f - s->first;
		if (s->counts[TFS_STATUS_FAIL])
			s->status = TFS_STATUS_FAIL;
		else if (s->counts[TFS_STATUS_UNKNOWN])
			s->status = TFS_STATUS_UNKNOWN;
		else if (s->counts[TFS_STATUS_PASS] || s->waived)
			s->status = TFS_STATUS_PASS;
		else if (s->counts[TFS_STATUS_UNDECIDABLE])
			s->status = TFS_STATUS_UNDECIDABLE;
		else
			s->status = TFS_STATUS_NA;
		if (s->status == TFS_STATUS_PASS || s->status == TFS_STATUS_FAIL)
			c->checks_decided++;
		if (s->status == TFS_STATUS_PASS)
			c->checks_passed++;
	}
	for (i = 0; i < c->count; i++) {
		const tfs_finding *fd = &c->findings[i];
		c->counts[fd->status]++;
		if (fd->status == TFS_STATUS_FAIL) {
			if (fd->waiver) {
				c->waived++;
			} else {
				c->failed[fd->severity]++;
				if (fd->has_saving)
					c->monthly_saving += fd->monthly_saving;
			}
		}
	}
}

/* ---- running the catalogue ------------------------------------------------- */

/* A run of consecutive catalogue entries, checked on one thread into its
 * own findings, arena and join cache.  The runs are joined in catalogue
 * order, so the findings are those of one thread running them all. */
typedef struct {
	size_t first, last; /* catalogue entries [first, last) */
	tfs_checks out;
	struct tfs_ck_join join;
} S_part;

typedef struct {
	const tfs_check_ctx *proto; /* everything but out, join and def */
	S_part *parts;
} S_parts;

static void S_run_part(void *ctx, size_t k)
{
	const S_parts *ps = ctx;
	S_part *p = &ps->parts[k];
	tfs_check_ctx x = *ps->proto;
	size_t i;

	x.out = &p->out;
	x.join = &p->join;
	for (i = p->first; i < p->last; i++) {
		size_t start = p->out.count;
		x.def = tfs_check_at(i);
		if (x.def->run)
			x.def->run(&x);
		else
			tfs_ck_result(&x, TFS_NONE, TFS_STATUS_UNDECIDABLE, NULL, NULL,
			              "%s", x.def->undecidable);
		tfs_sort(p->out.findings + start, p->out.count - start,
		         sizeof(*p->out.findings), S_cmp_finding);
	}
}

/* Run the catalogue into c on up to jobs threads: a few runs per thread,
 * taken in turn, so a slow check does not leave the others idle. */
static void S_run_parts(const tfs_check_ctx *proto, tfs_checks *c, int jobs)
{
	size_t ncat = tfs_check_count();
	size_t nparts = jobs > 1 ? (size_t)jobs * 4 : 1, k;
	S_parts ps;

	if (nparts > ncat)
		nparts = ncat ? ncat : 1;
	ps.proto = proto;
	ps.parts = xcalloc(nparts, sizeof(*ps.parts));
	for (k = 0; k < nparts; k++) {
		ps.parts[k].first = ncat * k / nparts;
		ps.parts[k].last = ncat * (k + 1) / nparts;
	}
	tfs_parallel_for(nparts, jobs, S_run_part, &ps);
	for (k = 0; k < nparts; k++) {
		S_part *p = &ps.parts[k];
		tfs_grow(&c->findings, &c->cap, c->count + p->out.count,
		         sizeof(*c->findings));
		if (p->out.count)
			memcpy(c->findings + c->count, p->out.findings,
			       p->out.count * sizeof(*c->findings));
		c->count += p->out.count;
		tfs_arena_adopt(&c->arena, &p->out.arena);
		free(p->out.findings);
		free(p->join.items);
		tfs_arena_release(&p->join.keys);
		tfs_map_release(&p->join.pairs);
		tfs_map_release(&p->join.values);
	}
	free(ps.parts);
}

tfs_checks *tfs_checks_run(const tfs_model *m, const tfs_check_options *o)
{
	static const char *const DEFAULT_TAGS[] = {"environment", "project",
	                                           "owner"};
	static const char *const DEFAULT_PROD[] = {"prod", "production"};
	const tfs_config *cfg = o ? o->config : NULL;
	tfs_checks *c = xcalloc(1, sizeof(*c));
	tfs_thresholds th;
	tfs_check_ctx x;
	size_t ncat = tfs_check_count(), i;
	char today[11];

	c->model = m;
	memset(&x, 0, sizeof(x));
	x.m = m;
	x.out = c;
	if (cfg) {
		th = cfg->thresholds;
	} else {
		tfs_thresholds_default(&th);
	}
	x.th = &th;
	x.required_tags = cfg && cfg->required_tags ? cfg->required_tags
	                                            : DEFAULT_TAGS;
	x.n_required_tags = cfg && cfg->required_tags ? cfg->n_required_tags : 3;
	x.prod_envs = cfg && cfg->prod_envs ? cfg->prod_envs : DEFAULT_PROD;
	x.n_prod_envs = cfg && cfg->prod_envs ? cfg->n_prod_envs : 2;
	x.options = o;
	x.config = cfg;
	x.today = today;
	x.stack_env = tfs_model_main_env(m);
	x.cost = o ? o->cost : NULL;
	x.pricing = o ? o->pricing : NULL;
	S_today(o ? o : &(tfs_check_options){0}, today);

	S_type_index(&x);
	x.in_head = xcalloc(m->nnodes + 1, sizeof(size_t));
	x.in_next = xcalloc(m->nedges + 1, sizeof(size_t));
	for (i = m->nedges; i-- > 0;) {
		x.in_next[i] = x.in_head[m->edges[i].to];
		x.in_head[m->edges[i].to] = i + 1;
	}
	S_run_parts(&x, c, o && o->jobs > 1 ? o->jobs : 1);
	S_apply_config(c, cfg, today);
	S_summarise(c, ncat, cfg);

	free(x.in_head);
	free(x.in_next);
	tfs_map_release(&x.type_first);
	free(x.type_next);
	return c;
}

void tfs_checks_free(tfs_checks *c)
{
	if (!c)
		return;
	free(c->findings);
	tfs_arena_release(&c->arena);
	free(c);
}

int tfs_checks_worst(const tfs_checks *c)
{
	int s;
	for (s = TFS_SEV_COUNT - 1; s >= 0; s--)
		if (c->failed[s])
			return s;
	return -1;
}

unsigned *tfs_checks_failed_per_node(const tfs_checks *c)
{
	unsigned *n = xcalloc(c->model->nnodes + 1, sizeof(*n));
	size_t i;

	for (i = 0; i < c->count; i++) {
		const tfs_finding *f = &c->findings[i];
		if (f->status == TFS_STATUS_FAIL && !f->waiver && f->node != TFS_NONE)
			n[f->node]++;
	}
	return n;
}
