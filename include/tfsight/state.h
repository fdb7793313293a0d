/*
 * state.h - the state reader: any Terraform state or plan JSON in, one
 * neutral list of resource instances out.
 *
 * Accepted, detected from content (never from the file name):
 *   - raw terraform.tfstate version 4 (Terraform 0.12 and later), including
 *     the legacy attributes_flat and instance-level depends_on;
 *   - raw terraform.tfstate version 2 and 3 (Terraform 0.7 - 0.11), whose
 *     flatmap attributes are expanded into nested objects;
 *   - `terraform show -json` of a state (format_version 0.x and 1.x);
 *   - plan JSON (`terraform show -json PLAN`): resources hold the planned
 *     values, prior holds the state the plan started from.
 * UTF-8 with or without a byte-order mark, and UTF-16 (LE or BE) with one.
 *
 * Calling sequence:
 *
 *	tfs_error err;
 *	tfs_state *st;
 *	tfs_error_init(&err);
 *	if (tfs_state_load(&st, "terraform.tfstate", &err) != 0)
 *		... report err, exit err.code ...
 *	for (size_t i = 0; i < st->resources.count; i++)
 *		... st->resources.items[i] ...
 *	tfs_state_free(st);
 *
 * Ownership: the state owns everything reachable from it (strings, the
 * parsed JSON document, the attribute objects).  Pointers into it stay valid
 * until tfs_state_free().
 *
 * Secrets: before tfs_state_load() returns, every value named by the input's
 * own sensitivity marks (sensitive_attributes, sensitive_values,
 * after_sensitive) and every string under a secret-by-nature key (password,
 * secret_string, private_key, tokens, ...) has been replaced in the document
 * by TFS_REDACTED, and its path recorded in the instance's sensitive list.
 * No later stage can see the original value.
 *
 * Order: instances are sorted by module, mode, type, name, index key and
 * deposed key, so every later stage sees the same order for the same input.
 */
#ifndef TFSIGHT_STATE_H
#define TFSIGHT_STATE_H

#include "tfsight/core.h"

struct json_t;

#define TFS_REDACTED "(sensitive)"

/* A plan's identity attribute that is known only after apply, filled in
 * from the plan's configuration: "(known after apply:
 * module.vpc.aws_subnet.private[0].id)".  The instance it names holds the
 * same text at that attribute, so joins by value work on plans as on
 * states; see src/state/plancfg.c. */
#define TFS_AFTER_APPLY "(known after apply: "

/* Whether value is such a text; *type gets the resource type it names
 * ("aws_internet_gateway").  False when not, or when size is too small. */
bool tfs_after_apply_type(const char *value, char *type, size_t size);

typedef enum tfs_input_format {
	TFS_FORMAT_STATE_V4,
	TFS_FORMAT_STATE_V3,
	TFS_FORMAT_SHOW_JSON,
	TFS_FORMAT_PLAN_JSON,
} tfs_input_format;

typedef enum tfs_mode {
	TFS_MODE_MANAGED,
	TFS_MODE_DATA,
} tfs_mode;

typedef enum tfs_key_kind {
	TFS_KEY_NONE,   /* a single instance */
	TFS_KEY_INT,    /* count */
	TFS_KEY_STRING, /* for_each */
} tfs_key_kind;

typedef struct tfs_index_key {
	tfs_key_kind kind;
	long long num;   /* TFS_KEY_INT */
	const char *str; /* TFS_KEY_STRING */
} tfs_index_key;

/* What a plan does to an instance; TFS_ACTION_NONE outside plans. */
typedef enum tfs_action {
	TFS_ACTION_NONE,
	TFS_ACTION_NOOP,
	TFS_ACTION_CREATE,
	TFS_ACTION_READ,
	TFS_ACTION_UPDATE,
	TFS_ACTION_REPLACE,
	TFS_ACTION_DELETE,
	TFS_ACTION_FORGET,
} tfs_action;

typedef struct tfs_instance {
	const char *address;  /* module.a.aws_subnet.b["k"], data.aws_x.y[0] */
	const char *module;   /* "" in the root module, else module.a.module.b */
	tfs_mode mode;
	const char *type;
	const char *name;
	tfs_index_key key;
	const char *provider;       /* registry.terraform.io/hashicorp/aws */
	const char *provider_alias; /* NULL for the default configuration */
	const char *deposed;        /* deposed object key, NULL for current */
	bool tainted;
	tfs_action action;                /* plans only */
	const char *previous_address;     /* plans: moved from, or NULL */
	struct json_t *attributes;        /* object, never NULL, redacted */
	struct json_t *unknown;           /* plans: after_unknown, or NULL */
	const char **depends;             /* absolute addresses */
	size_t ndepends;
	const char **sensitive;           /* redacted attribute paths */
	size_t nsensitive;
	/* Top-level attributes the input marks sensitive whole that hold a
	 * JSON document in a string (container_definitions, a policy): the
	 * parsed document, keyed by attribute, with every secret-by-name value
	 * redacted as elsewhere.  For decisions inside the process only (a
	 * check reading variable names or logConfiguration, an edge joining an
	 * image to its repository): nothing read from here is ever shown; see
	 * tfs_instance_sealed().  NULL when there is none. */
	struct json_t *sealed;
} tfs_instance;

typedef struct tfs_instance_list {
	tfs_instance *items;
	size_t count;
	size_t cap;
} tfs_instance_list;

typedef struct tfs_state {
	const char *source;            /* the name the user gave, "-" -> "<stdin>" */
	tfs_input_format format;
	int state_version;             /* raw states: the top-level version */
	const char *format_version;    /* show -json and plans, else NULL */
	const char *terraform_version; /* NULL when absent */
	const char *lineage;           /* NULL when absent */
	unsigned long long serial;
	bool has_serial;
	const char *default_region;    /* plans: the aws provider's constant region */
	tfs_instance_list resources;   /* the state, or a plan's planned values */
	tfs_instance_list prior;       /* plans: the prior state; else empty */
	size_t change_count;           /* plans: entries of resource_changes */

	/* private to the reader */
	struct json_t *root;
	struct json_t *owned; /* objects the reader built (expanded flatmaps) */
	tfs_arena arena;
	bool doc_in_arena;    /* root and owned live in arena (jalloc.c) */
} tfs_state;

/* Read every state's document into that state's arena from now on: faster
 * to build and to release than value-by-value malloc.  Process-wide (it
 * installs jansson's allocator hooks); call it once before any thread that
 * uses jansson starts, e.g. first thing in main().  Optional: without it,
 * documents are malloc'ed as jansson does by default. */
void tfs_state_use_arena(void);

/* Load path ("-" reads standard input).  Returns 0, or -1 with err set
 * (err->code is TFS_EXIT_INPUT). */
int tfs_state_load(tfs_state **out, const char *path, tfs_error *err);

/* The same, parsing a large raw state on up to jobs threads (the result is
 * the same document). */
int tfs_state_load_jobs(tfs_state **out, const char *path, int jobs,
                        tfs_error *err);

/* Load from memory; name is used in messages.  Same contract as above. */
int tfs_state_load_buffer(tfs_state **out, const char *name, const char *data,
                          size_t len, tfs_error *err);

void tfs_state_free(tfs_state *st);

/* The state a plan started from, as a state of its own: *view shares
 * everything with plan (which must outlive it) and lists plan->prior as
 * its resources.  Never pass a view to tfs_state_free(). */
void tfs_state_prior_view(const tfs_state *plan, tfs_state *view);

const char *tfs_input_format_name(tfs_input_format f);
const char *tfs_action_name(tfs_action a);

/* "aws" from "registry.terraform.io/hashicorp/aws". */
const char *tfs_provider_short_name(const char *provider);

/* The sealed document of attribute attr (see tfs_instance.sealed), or NULL.
 * Borrowed: it lives as long as the state. */
struct json_t *tfs_instance_sealed(const tfs_instance *in, const char *attr);

/* Whether an attribute path ("container_definitions[0].image") starts in a
 * sealed document: its values are decided from, never shown. */
bool tfs_instance_path_sealed(const tfs_instance *in, const char *path);

/* Compare two instances by their sort order (module, mode, type, name,
 * key, deposed). */
int tfs_instance_cmp(const tfs_instance *a, const tfs_instance *b);

#endif
