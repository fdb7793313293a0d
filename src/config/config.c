/* config.c - tfsight.yml through libyaml's document API.  Only the shapes
 * documented in config.h are read; aliases are refused, so a hostile file
 * cannot make a small document stand for a huge one. */
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

static bool S_tag_keys(S_ctx *x, yaml_node_t *n)
{
	yaml_node_item_t *it;
	size_t count = 0;

	if (n->type != YAML_SEQUENCE_NODE)
		return S_fail(x, n, "environments.tag_keys: expected a list, got %s",
		              S_kind(n));
	x->c->env_tag_keys = tfs_arena_alloc(
		&x->c->arena,
		tfs_mul_size((size_t)(n->data.sequence.items.top -
		                      n->data.sequence.items.start) + 1,
		             sizeof(char *)));
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top;
	     it++) {
		const char *s = S_scalar(x, yaml_document_get_node(x->doc, *it),
		                         "environments.tag_keys[]");
		if (!s)
			return false;
		x->c->env_tag_keys[count++] = s;
	}
	x->c->n_env_tag_keys = count;
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
			ok = S_tag_keys(x, v);
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
		} else {
			ok = S_fail(x, k, "unknown key '%.40s' (expected version or "
			                  "environments)",
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
 * exponential tree.  libyaml reports them only as events. */
static bool S_no_aliases(tfs_config *c, const char *data, size_t len,
                         tfs_error *err)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	bool ok = true, done = false;

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
