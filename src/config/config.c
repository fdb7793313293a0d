/* config.c - tfsight.yml through libyaml's document API.  Only the shapes
 * documented in config.h are read; aliases are refused, so a hostile file
 * cannot make a small document stand for a huge one. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "tfsight/config.h"

enum { MAX_CONFIG = 4 * 1024 * 1024 };

typedef struct {
	tfs_config *c;
	yaml_document_t *doc;
	tfs_error *err;
} S_ctx;

static bool S_fail(S_ctx *x, const yaml_node_t *at, const char *fmt, ...)
	TFS_PRINTF(3, 4);

static bool S_fail(S_ctx *x, const yaml_node_t *at, const char *fmt, ...)
{
	char text[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	/* libyaml's marks count from zero */
	return tfs_error_set(x->err, TFS_EXIT_INPUT, x->c->source,
	                     at ? (int)at->start_mark.line + 1 : 0,
	                     at ? (int)at->start_mark.column + 1 : 0, NULL, "%s",
	                     text);
}

static const char *S_kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE:
		return "a scalar";
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_MAPPING_NODE:
		return "a mapping";
	case YAML_NO_NODE:
		break;
	}
	return "nothing";
}

static const char *S_scalar(S_ctx *x, const yaml_node_t *n, const char *what)
{
	if (n->type != YAML_SCALAR_NODE) {
		S_fail(x, n, "%s: expected a scalar, got %s", what, S_kind(n));
		return NULL;
	}
	return tfs_arena_strndup(&x->c->arena, (const char *)n->data.scalar.value,
	                         n->data.scalar.length);
}

static bool S_expect_mapping(S_ctx *x, const yaml_node_t *n, const char *what)
{
	if (n->type == YAML_MAPPING_NODE)
		return true;
	return S_fail(x, n, "%s: expected a mapping, got %s", what, S_kind(n));
}

/* A list of scalars into *out / *count; what names the key in messages. */
static bool S_strings(S_ctx *x, yaml_node_t *n, const char *what,
                      const char ***out, size_t *count)
{
	yaml_node_item_t *it;
	size_t i = 0;

	if (n->type != YAML_SEQUENCE_NODE)
		return S_fail(x, n, "%s: expected a list, got %s", what, S_kind(n));
	*out = tfs_arena_alloc(
		&x->c->arena,
		tfs_mul_size((size_t)(n->data.sequence.items.top -
		                      n->data.sequence.items.start) + 1,
		             sizeof(char *)));
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top;
	     it++) {
		const char *s = S_scalar(x, yaml_document_get_node(x->doc, *it), what);
		if (!s)
			return false;
		(*out)[i++] = s;
	}
	*count = i;
	return true;
}

static bool S_accounts(S_ctx *x, yaml_node_t *n)
{
	yaml_node_pair_t *p;
	size_t count = 0;

	if (!S_expect_mapping(x, n, "environments.accounts"))
		return false;
	x->c->account_envs = tfs_arena_alloc(
		&x->c->arena,
		tfs_mul_size(2 * (size_t)(n->data.mapping.pairs.top -
		                          n->data.mapping.pairs.start) + 2,
		             sizeof(char *)));
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(x->doc, p->key);
		const char *acct = S_scalar(x, k, "environments.accounts key");
		const char *env = acct ? S_scalar(x, yaml_document_get_node(x->doc,
		                                                             p->value),
		                                  "environments.accounts value")
		                       : NULL;
		size_t i;

		if (!env)
			return false;
		if (strlen(acct) != 12 || strspn(acct, "0123456789") != 12)
			return S_fail(x, k, "environments.accounts: '%.40s' is not a "
			                    "12-digit AWS account ID (quote it: \"0123...\")",
			              acct);
		for (i = 0; i < count; i++)
			if (strcmp(x->c->account_envs[2 * i], acct) == 0)
				return S_fail(x, k, "environments.accounts: account %s "
				                    "appears twice",
				              acct);
		x->c->account_envs[2 * count] = acct;
		x->c->account_envs[2 * count + 1] = env;
		count++;
	}
	x->c->n_account_envs = count;
	return true;
}

static bool S_environments(S_ctx *x, yaml_node_t *n)
{
	yaml_node_pair_t *p;

	if (!S_expect_mapping(x, n, "environments"))
		return false;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(x->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(x->doc, p->value);
		const char *key = S_scalar(x, k, "environments key");
		bool ok;

		if (!key)
			return false;
		if (strcmp(key, "tag_keys") == 0)
			ok = S_strings(x, v, "environments.tag_keys", &x->c->env_tag_keys,
			               &x->c->n_env_tag_keys);
		else if (strcmp(key, "accounts") == 0)
			ok = S_accounts(x, v);
		else
			ok = S_fail(x, k, "unknown key 'environments.%.40s' (expected "
			                  "tag_keys or accounts)",
			            key);
		if (!ok)
			return false;
	}
	return true;
}

void tfs_thresholds_default(tfs_thresholds *t)
{
	t->backup_retention_min_days = 7;
	t->backup_retention_max_days = 30;
	t->log_retention_min_days = 7;
	t->nonprod_log_retention_max_days = 90;
	t->prod_min_tasks = 2;
	t->secret_rotation_max_days = 90;
}

static bool S_days(S_ctx *x, yaml_node_t *n, const char *what, long *out)
{
	const char *s = S_scalar(x, n, what);
	char *end;
	long v;

	if (!s)
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < 0 || v > 36500)
		return S_fail(x, n, "%s: '%.40s' is not a whole number from 0 to "
		                    "36500",
		              what, s);
	*out = v;
	return true;
}

static const struct {
	const char *key;
	size_t offset;
} S_THRESHOLDS[] = {
	{"backup_retention_min_days",
	 offsetof(tfs_thresholds, backup_retention_min_days)},
	{"backup_retention_max_days",
	 offsetof(tfs_thresholds, backup_retention_max_days)},
	{"log_retention_min_days", offsetof(tfs_thresholds, log_retention_min_days)},
	{"nonprod_log_retention_max_days",
	 offsetof(tfs_thresholds, nonprod_log_retention_max_days)},
	{"prod_min_tasks", offsetof(tfs_thresholds, prod_min_tasks)},
	{"secret_rotation_max_days",
	 offsetof(tfs_thresholds, secret_rotation_max_days)},
};

static bool S_thresholds(S_ctx *x, yaml_node_t *n)
{
	yaml_node_pair_t *p;

	if (!S_expect_mapping(x, n, "checks.thresholds"))
		return false;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(x->doc, p->key);
		const char *key = S_scalar(x, k, "checks.thresholds key");
		size_t i;

		if (!key)
			return false;
		for (i = 0; i < sizeof(S_THRESHOLDS) / sizeof(S_THRESHOLDS[0]); i++)
			if (strcmp(key, S_THRESHOLDS[i].key) == 0)
				break;
		if (i == sizeof(S_THRESHOLDS) / sizeof(S_THRESHOLDS[0]))
			return S_fail(x, k, "unknown key 'checks.thresholds.%.40s'", key);
		if (!S_days(x, yaml_document_get_node(x->doc, p->value), key,
		            (long *)(void *)((char *)&x->c->thresholds +
		                             S_THRESHOLDS[i].offset)))
			return false;
	}
	if (x->c->thresholds.backup_retention_min_days >
	    x->c->thresholds.backup_retention_max_days)
		return S_fail(x, n, "checks.thresholds: backup_retention_min_days is "
		                    "above backup_retention_max_days");
	return true;
}

static bool S_severity(S_ctx *x, yaml_node_t *n)
{
	yaml_node_pair_t *p;
	size_t count = 0;

	if (!S_expect_mapping(x, n, "checks.severity"))
		return false;
	x->c->overrides = tfs_arena_alloc(
		&x->c->arena, tfs_mul_size((size_t)(n->data.mapping.pairs.top -
		                                    n->data.mapping.pairs.start) + 1,
		                           sizeof(*x->c->overrides)));
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(x->doc, p->key);
		tfs_severity_override *o = &x->c->overrides[count];

		o->check = S_scalar(x, k, "checks.severity key");
		o->severity = o->check ? S_scalar(x, yaml_document_get_node(
			                                     x->doc, p->value),
		                                  "checks.severity value")
		                       : NULL;
		if (!o->severity)
			return false;
		o->line = (int)k->start_mark.line + 1;
		o->column = (int)k->start_mark.column + 1;
		count++;
	}
	x->c->n_overrides = count;
	return true;
}

/* "YYYY-MM-DD" with a plausible month and day. */
static bool S_is_date(const char *s)
{
	int y, m, d;
	char tail;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return false;
	return y >= 1970 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
	       strspn(s, "0123456789-") == 10;
}

static bool S_waiver(S_ctx *x, yaml_node_t *n, tfs_waiver *w)
{
	yaml_node_pair_t *p;

	if (!S_expect_mapping(x, n, "checks.waivers[]"))
		return false;
	w->line = (int)n->start_mark.line + 1;
	w->column = (int)n->start_mark.column + 1;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(x->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(x->doc, p->value);
		const char *key = S_scalar(x, k, "checks.waivers[] key");
		const char **dest;

		if (!key)
			return false;
		if (strcmp(key, "check") == 0)
			dest = &w->check;
		else if (strcmp(key, "address") == 0)
			dest = &w->address;
		else if (strcmp(key, "reason") == 0)
			dest = &w->reason;
		else if (strcmp(key, "expires") == 0)
			dest = &w->expires;
		else
			return S_fail(x, k, "unknown key 'checks.waivers[].%.40s' "
			                    "(expected check, address, reason or "
			                    "expires)",
			              key);
		if (!(*dest = S_scalar(x, v, key)))
			return false;
		if (dest == &w->expires && !S_is_date(w->expires))
			return S_fail(x, v, "checks.waivers[].expires: '%.40s' is not "
			                    "a date (YYYY-MM-DD)",
			              w->expires);
	}
	if (!w->check)
		return S_fail(x, n, "checks.waivers[]: 'check' is required");
	if (!w->reason || !*w->reason)
		return S_fail(x, n, "checks.waivers[]: 'reason' is required (say "
		                    "why the finding is accepted)");
	if (!w->address)
		w->address = "*";
	return true;
}

static bool S_waivers(S_ctx *x, yaml_node_t *n)
{
	yaml_node_item_t *it;
	size_t count = 0;

	if (n->type != YAML_SEQUENCE_NODE)
		return S_fail(x, n, "checks.waivers: expected a list, got %s",
		              S_kind(n));
	x->c->waivers = tfs_arena_alloc(
		&x->c->arena, tfs_mul_size((size_t)(n->data.sequence.items.top -
		                                    n->data.sequence.items.start) + 1,
		                           sizeof(*x->c->waivers)));
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top;
	     it++) {
		tfs_waiver *w = &x->c->waivers[count];
		memset(w, 0, sizeof(*w));
		if (!S_waiver(x, yaml_document_get_node(x->doc, *it), w))
			return false;
		count++;
	}
	x->c->n_waivers = count;
	return true;
}

static bool S_checks(S_ctx *x, yaml_node_t *n)
{
	yaml_node_pair_t *p;

	if (!S_expect_mapping(x, n, "checks"))
		return false;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(x->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(x->doc, p->value);
		const char *key = S_scalar(x, k, "checks key");
		bool ok;

		if (!key)
			return false;
		if (strcmp(key, "required_tags") == 0)
			ok = S_strings(x, v, "checks.required_tags",
			               &x->c->required_tags, &x->c->n_required_tags);
		else if (strcmp(key, "prod_environments") == 0)
			ok = S_strings(x, v, "checks.prod_environments",
			               &x->c->prod_envs, &x->c->n_prod_envs);
		else if (strcmp(key, "state_buckets") == 0)
			ok = S_strings(x, v, "checks.state_buckets",
			               &x->c->state_buckets, &x->c->n_state_buckets);
		else if (strcmp(key, "thresholds") == 0)
			ok = S_thresholds(x, v);
		else if (strcmp(key, "severity") == 0)
			ok = S_severity(x, v);
		else if (strcmp(key, "waivers") == 0)
			ok = S_waivers(x, v);
		else
			ok = S_fail(x, k, "unknown key 'checks.%.40s' (expected "
			                  "required_tags, prod_environments, "
			                  "state_buckets, thresholds, severity or "
			                  "waivers)",
			            key);
		if (!ok)
			return false;
	}
	return true;
}

static bool S_root(S_ctx *x, yaml_node_t *root)
{
	yaml_node_pair_t *p;
	bool have_version = false;

	if (!root)
		return S_fail(x, NULL, "empty configuration (expected at least "
		                       "'version: 1')");
	if (!S_expect_mapping(x, root, "top level"))
		return false;
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(x->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(x->doc, p->value);
		const char *key = S_scalar(x, k, "top-level key");
		bool ok = true;

		if (!key)
			return false;
		if (strcmp(key, "version") == 0) {
			const char *ver = S_scalar(x, v, "version");
			if (!ver)
				return false;
			if (strcmp(ver, "1") != 0)
				return S_fail(x, v, "version '%.20s' is not supported "
				                    "(expected 1)",
				              ver);
			have_version = true;
		} else if (strcmp(key, "environments") == 0) {
			ok = S_environments(x, v);
		} else if (strcmp(key, "checks") == 0) {
			ok = S_checks(x, v);
		} else {
			ok = S_fail(x, k, "unknown key '%.40s' (expected version, "
			                  "environments or checks)",
			            key);
		}
		if (!ok)
			return false;
	}
	if (!have_version)
		return S_fail(x, root, "missing 'version: 1'");
	return true;
}

/* Refuse aliases: the document API would let a few lines stand for an
 * exponential tree.  libyaml reports them only as events.  Refuse nesting
 * deeper than TFS_YAML_MAX_DEPTH too, before the document load: libyaml's
 * time grows with the square of the depth (100k levels: 46 s). */
static bool S_no_aliases(tfs_config *c, const char *data, size_t len,
                         tfs_error *err)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	bool ok = true, done = false;
	int depth = 0;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev))
			break; /* the document load reports syntax errors */
		if (ev.type == YAML_ALIAS_EVENT) {
			tfs_error_set(err, TFS_EXIT_INPUT, c->source,
			              (int)ev.start_mark.line + 1,
			              (int)ev.start_mark.column + 1, NULL,
			              "aliases (*name) are not supported");
			ok = false;
		} else if ((ev.type == YAML_SEQUENCE_START_EVENT ||
		            ev.type == YAML_MAPPING_START_EVENT) &&
		           ++depth > TFS_YAML_MAX_DEPTH) {
			tfs_error_set(err, TFS_EXIT_INPUT, c->source,
			              (int)ev.start_mark.line + 1,
			              (int)ev.start_mark.column + 1, NULL,
			              "nested deeper than %d levels, the limit",
			              TFS_YAML_MAX_DEPTH);
			ok = false;
		} else if (ev.type == YAML_SEQUENCE_END_EVENT ||
		           ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
		}
		done = ev.type == YAML_STREAM_END_EVENT || !ok;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return ok;
}

int tfs_config_load_buffer(tfs_config **out, const char *name,
                           const char *data, size_t len, tfs_error *err)
{
	tfs_config *c = xcalloc(1, sizeof(*c));
	yaml_parser_t parser;
	yaml_document_t doc;
	S_ctx x;
	bool ok;

	*out = NULL;
	c->source = tfs_arena_strdup(&c->arena, name);
	tfs_thresholds_default(&c->thresholds);
	if (!S_no_aliases(c, data, len, err)) {
		tfs_config_free(c);
		return -1;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		tfs_error_set(err, TFS_EXIT_INPUT, name,
		              (int)parser.problem_mark.line + 1,
		              (int)parser.problem_mark.column + 1, NULL,
		              "invalid YAML: %s",
		              parser.problem ? parser.problem : "cannot parse");
		yaml_parser_delete(&parser);
		tfs_config_free(c);
		return -1;
	}
	x.c = c;
	x.doc = &doc;
	x.err = err;
	ok = S_root(&x, yaml_document_get_root_node(&doc));
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (!ok) {
		tfs_config_free(c);
		return -1;
	}
	*out = c;
	return 0;
}

int tfs_config_load(tfs_config **out, const char *path, tfs_error *err)
{
	tfs_buf b;
	int rc = -1;

	*out = NULL;
	tfs_buf_init(&b);
	if (tfs_read_file(path, path, MAX_CONFIG, "a configuration file", &b, err))
		rc = tfs_config_load_buffer(out, path, b.data, b.len, err);
	tfs_buf_release(&b);
	return rc;
}

void tfs_config_free(tfs_config *c)
{
	if (!c)
		return;
	tfs_arena_release(&c->arena);
	free(c);
}
