/* testutil.h - helpers shared by the cmocka unit tests. */
#ifndef TFSIGHT_TESTUTIL_H
#define TFSIGHT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tfsight/state.h"

/* Load JSON text; fails the test when the reader rejects it. */
static inline tfs_state *load_ok(const char *text)
{
	tfs_error err;
	tfs_state *st = NULL;
	tfs_error_init(&err);
	if (tfs_state_load_buffer(&st, "test.json", text, strlen(text), &err)) {
		tfs_buf b;
		tfs_buf_init(&b);
		tfs_error_format(&err, &b);
		print_error("unexpected error: %s\n", b.data);
		tfs_buf_release(&b);
		fail();
	}
	return st;
}

/* Load JSON text that must be rejected; returns the formatted message. */
static inline char *load_err(const char *text, size_t len)
{
	tfs_error err;
	tfs_state *st = NULL;
	tfs_buf b;
	tfs_error_init(&err);
	assert_int_not_equal(tfs_state_load_buffer(&st, "bad.json", text, len,
	                                           &err),
	                     0);
	assert_null(st);
	assert_int_equal(err.code, TFS_EXIT_INPUT);
	tfs_buf_init(&b);
	tfs_error_format(&err, &b);
	return tfs_buf_detach(&b, NULL);
}

static inline const tfs_instance *find(const tfs_instance_list *l,
                                       const char *address)
{
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->items[i].address, address) == 0)
			return &l->items[i];
	print_error("no instance %s\n", address);
	fail();
	return NULL;
}

static inline const char *attr(const tfs_instance *in, const char *key)
{
	return json_string_value(json_object_get(in->attributes, key));
}

/* The whole document the state keeps, as text (for secret checks). */
static inline char *dump_all(const tfs_state *st)
{
	tfs_buf b;
	char *s;
	tfs_buf_init(&b);
	s = json_dumps(st->root, JSON_COMPACT);
	tfs_buf_adds(&b, s ? s : "");
	free(s);
	if (st->owned) {
		s = json_dumps(st->owned, JSON_COMPACT);
		tfs_buf_adds(&b, s ? s : "");
		free(s);
	}
	return tfs_buf_detach(&b, NULL);
}

/* Read a file relative to the repository root (TFSIGHT_SRCDIR). */
static inline char *read_repo_file(const char *rel, size_t *len)
{
	const char *root = getenv("TFSIGHT_SRCDIR");
	char path[4096];
	FILE *f;
	tfs_buf b;
	char chunk[65536];
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", root ? root : ".", rel);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	tfs_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		tfs_buf_add(&b, chunk, n);
	fclose(f);
	return tfs_buf_detach(&b, len);
}

/* ---- a state built from resources, with its inventory and model -------- */

#include "tfsight/model.h"

/* JSON written with single quotes, for readability. */
static inline char *q(const char *s)
{
	char *out = strdup(s);
	for (char *p = out; *p; p++)
		if (*p == '\'')
			*p = '"';
	return out;
}

typedef struct {
	tfs_state *st;
	tfs_inventory *inv;
	tfs_model *m;
} fixture;

static inline fixture build(const char *single_quoted_resources)
{
	fixture f;
	tfs_model_options opt;
	tfs_buf b;
	char *json;

	tfs_buf_init(&b);
	tfs_buf_adds(&b, "{'version':4,'resources':[");
	tfs_buf_adds(&b, single_quoted_resources);
	tfs_buf_adds(&b, "]}");
	json = q(b.data);
	tfs_buf_release(&b);
	f.st = load_ok(json);
	free(json);
	f.inv = tfs_inventory_build(f.st, TFS_DEFAULT_REGION);
	tfs_model_options_init(&opt);
	f.m = tfs_model_build(f.st, f.inv, &opt);
	assert_null(tfs_model_check(f.m));
	return f;
}

/* A repository file (TFSIGHT_SRCDIR) as a fixture: the bundled examples.
 * Environments come from the Environment tag, as without a config. */
static inline fixture build_example(const char *rel)
{
	fixture f;
	tfs_model_options opt;
	tfs_error err;
	size_t len = 0;
	char *text = read_repo_file(rel, &len);

	if (!text)
		fail_msg("cannot read %s (set TFSIGHT_SRCDIR)", rel);
	tfs_error_init(&err);
	if (tfs_state_load_buffer(&f.st, rel, text, len, &err) != 0)
		fail_msg("%s: %s", rel, err.text);
	free(text);
	f.inv = tfs_inventory_build(f.st, TFS_DEFAULT_REGION);
	tfs_model_options_init(&opt);
	f.m = tfs_model_build(f.st, f.inv, &opt);
	assert_null(tfs_model_check(f.m));
	return f;
}

static inline void release(fixture *f)
{
	tfs_model_free(f->m);
	tfs_inventory_free(f->inv);
	tfs_state_free(f->st);
}

/* ---- checks over a built fixture -------------------------------------------
 *
 *	fixture f = build(R(...) "," R(...));
 *	tfs_checks *c = run_checks(&f, NULL);          (or a tfsight.yml text)
 *	assert_int_equal(status_of(c, "HA-RDS-MULTIAZ", "aws_db_instance.db"),
 *	                 TFS_STATUS_FAIL);
 *	tfs_checks_free(c); release(&f);
 */

#include "tfsight/check.h"
#include "tfsight/config.h"

#ifndef R
#define R(type, name, attrs)                                                  \
	"{'mode':'managed','type':'" type "','name':'" name "','instances':"   \
	"[{'attributes':" attrs "}]}"
#define RK(type, name, key, attrs)                                            \
	"{'mode':'managed','type':'" type "','name':'" name "','instances':"   \
	"[{'index_key':" key ",'attributes':" attrs "}]}"
#endif

/* Run the catalogue; yaml (tfsight.yml text) may be NULL.  The config is
 * kept alive in a static slot until the next call (tests are serial). */
static inline tfs_checks *run_checks(fixture *f, const char *yaml)
{
	static tfs_config *cfg;
	tfs_check_options o;
	tfs_error err;

	tfs_config_free(cfg);
	cfg = NULL;
	tfs_error_init(&err);
	if (yaml) {
		if (tfs_config_load_buffer(&cfg, "tfsight.yml", yaml, strlen(yaml),
		                           &err) != 0)
			fail_msg("config: %s", err.text);
		assert_int_equal(tfs_check_config_validate(cfg, &err), 0);
	}
	tfs_check_options_init(&o);
	o.config = cfg;
	o.today = "2026-11-23";
	return tfs_checks_run(f->m, &o);
}

/* Like build(), with ` standing for an escaped quote inside a JSON string
 * attribute (a policy, container definitions): ` becomes \" before
 * build() turns the single quotes into double ones. */
static inline fixture B(const char *text)
{
	tfs_buf b;
	fixture f;
	const char *p;

	tfs_buf_init(&b);
	for (p = text; *p; p++) {
		if (*p == '`')
			tfs_buf_adds(&b, "\\\"");
		else
			tfs_buf_addc(&b, *p);
	}
	f = build(b.data);
	tfs_buf_release(&b);
	return f;
}

/* Every finding of a run as text, one line each (attribute, value,
 * message, address), for "never printed" assertions; the caller frees. */
static inline char *all_text(const tfs_checks *c)
{
	tfs_buf b;
	size_t i;

	tfs_buf_init(&b);
	for (i = 0; i < c->count; i++) {
		const tfs_finding *f = &c->findings[i];
		tfs_buf_addf(&b, "%s|%s|%s|%s\n", f->attribute ? f->attribute : "",
		             f->value ? f->value : "", f->message,
		             f->address ? f->address : "");
	}
	return tfs_buf_detach(&b, NULL);
}

/* The finding of check id on address (NULL: the stack-level finding).
 * Fails the test when there is none, or more than one. */
static inline const tfs_finding *finding_of(const tfs_checks *c,
                                            const char *id,
                                            const char *address)
{
	const tfs_finding *hit = NULL;
	for (size_t i = 0; i < c->count; i++) {
		const tfs_finding *f = &c->findings[i];
		if (strcmp(f->check->id, id) != 0)
			continue;
		if (address ? !f->address || strcmp(f->address, address) != 0
		            : f->address != NULL)
			continue;
		if (hit)
			fail_msg("%s on %s: more than one finding", id,
			         address ? address : "(stack)");
		hit = f;
	}
	if (!hit)
		fail_msg("%s on %s: no finding", id, address ? address : "(stack)");
	return hit;
}

static inline tfs_status status_of(const tfs_checks *c, const char *id,
                                   const char *address)
{
	return finding_of(c, id, address)->status;
}

/* The check's summary status over the whole stack. */
static inline tfs_status summary_of(const tfs_checks *c, const char *id)
{
	for (size_t i = 0; i < c->nsummary; i++)
		if (strcmp(c->summary[i].check->id, id) == 0)
			return c->summary[i].status;
	fail_msg("no check %s in the catalogue", id);
	return TFS_STATUS_NA;
}

#endif
