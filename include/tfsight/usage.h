/*
 * usage.h - the usage file: monthly usage figures that the state cannot
 * know (GB through a NAT gateway, requests to a bucket, ...), in
 * Infracost's infracost-usage.yml layout (docs/usage-file.md):
 *
 *	version: 0.1
 *	resource_usage:
 *	  module.network.aws_nat_gateway.this[*]:
 *	    monthly_data_processed_gb: 250
 *	  module.cdn.aws_s3_bucket.assets:
 *	    standard:
 *	      storage_gb: 40
 *	resource_type_default_usage:
 *	  aws_cloudwatch_log_group:
 *	    monthly_data_ingested_gb: 5
 *
 * Values are non-negative numbers (at most 1e15) or strings; a map one
 * level deep is stored under key paths ("standard.storage_gb").  A null
 * value ("key:" with nothing after it, "~", "null") is the same as leaving
 * the key out.  In resource_usage, '*' in an address matches any run of
 * characters, as in Infracost ("aws_x.y[*]", "module.m[*].aws_x.y").
 *
 * Lookup precedence, per key, as Infracost merges them: the entry whose
 * address equals the resource's; else the most specific wildcard entry
 * that matches it (fewest '*', then the longest pattern, then byte order),
 * and only that one; else the resource type's default.  The first of these
 * that holds the key decides.  A value of the other kind (a string where a
 * number is asked for) decides too: the getter then returns false, and
 * tfs_usage_check() warns about it.
 *
 * Calling sequence:
 *
 *	tfs_usage *u = NULL;
 *	if (path && tfs_usage_load(&u, path, &err) != 0)
 *		... report err (FILE:LINE:COL: text), exit err.code (3) ...
 *	tfs_usage_warnings w;
 *	tfs_usage_warnings_init(&w);
 *	tfs_usage_check(u, KNOWN_KEYS, nknown, &w);
 *	... the CLI prints w.items[0 .. w.count) ...
 *	tfs_usage_warnings_release(&w);
 *	double gb;
 *	const char *from;
 *	if (tfs_usage_get(u, inst->address, inst->type,
 *	                  "monthly_data_processed_gb", &gb, &from))
 *		... a usage-based quantity, shown with its source `from` ...
 *	else
 *		... "depends on usage" ...
 *	tfs_usage_free(u);
 *
 * Every function accepts u == NULL (no usage file): getters find nothing
 * and the check finds nothing to warn about.
 *
 * Ownership: a loaded usage file owns its entries, values and every string
 * they point to (sources included); they stay valid until tfs_usage_free().
 * Warnings are owned by the tfs_usage_warnings list.
 *
 * Errors: the loaders fill err (code TFS_EXIT_INPUT, the file name, and the
 * 1-based line and column of the offending node) and return -1 with *out
 * NULL, at the first of: malformed YAML, a file over 8 MiB, no document,
 * more than one document, a version other than 0.1 or none, an unknown
 * top-level key, a list or a scalar where a map is expected, a map deeper
 * than one level, a duplicate key (also after flattening: "a.b" and
 * a: {b: ...}), an anchor, an alias or a tag, a negative or out-of-range
 * number, .nan or .inf.  They never print.
 */
#ifndef TFSIGHT_USAGE_H
#define TFSIGHT_USAGE_H

#include "tfsight/core.h"

#define TFS_USAGE_MAX_INPUT (8 * 1024 * 1024)
#define TFS_USAGE_MAX_NUMBER 1e15

typedef enum tfs_usage_kind {
	TFS_USAGE_NUMBER,
	TFS_USAGE_STRING,
} tfs_usage_kind;

typedef enum tfs_usage_section {
	TFS_USAGE_RESOURCE,     /* resource_usage: keyed by address */
	TFS_USAGE_TYPE_DEFAULT, /* resource_type_default_usage: by type */
} tfs_usage_section;

typedef struct tfs_usage_value {
	const char *key;     /* "monthly_requests", "standard.storage_gb" */
	tfs_usage_kind kind;
	double number;       /* TFS_USAGE_NUMBER */
	const char *text;    /* the scalar as written, both kinds */
	int line, column;    /* of the key, 1-based */
} tfs_usage_value;

typedef struct tfs_usage_entry {
	tfs_usage_section section;
	const char *name;     /* the address (pattern) or the type */
	const char *type;     /* the resource type it is for; NULL when a
	                       * wildcard pattern names none ("module.x.*") */
	const char *source;   /* "resource_usage[NAME]" or
	                       * "resource_type_default_usage[NAME]" */
	size_t stars;         /* '*' in name; 0 for an exact address */
	const tfs_usage_value *values; /* file order */
	size_t count;
	int line, column;     /* of the name */
} tfs_usage_entry;

typedef struct tfs_usage {
	const char *name;               /* the file as given, or "<stdin>" */
	const tfs_usage_entry *entries; /* file order, both sections */
	size_t count;

	/* private to usage.c */
	tfs_arena arena;
	tfs_map exact;       /* address -> entry index */
	tfs_map types;       /* type -> entry index */
	size_t *wildcards;   /* entry indices, most specific first */
	size_t nwildcards;
	tfs_usage_entry *own; /* = entries, owned (xmalloc) */
} tfs_usage;

/* A usage key an estimator reads, e.g. {"aws_nat_gateway",
 * "monthly_data_processed_gb", TFS_USAGE_NUMBER}.  Estimators own static
 * tables of these; the CLI hands their concatenation to the check. */
typedef struct tfs_usage_key {
	const char *type;
	const char *key;
	tfs_usage_kind kind;
} tfs_usage_key;

typedef struct tfs_usage_warnings {
	char **items; /* "FILE:LINE:COL: text", each owned by the list */
	size_t count;
	size_t cap;
} tfs_usage_warnings;

/* Read a usage file; path "-" reads standard input.  Returns 0, or -1
 * with err set. */
int tfs_usage_load(tfs_usage **out, const char *path, tfs_error *err);

/* Read a usage file from memory; name is used in messages and warnings.
 * Same contract as tfs_usage_load(). */
int tfs_usage_load_buffer(tfs_usage **out, const char *name,
                          const char *data, size_t len, tfs_error *err);

/* The number for key (a key path for nested values) that applies to the
 * resource at address, of the given type (either may be NULL).  Returns
 * true with *out and, when source is not NULL, *source set to the deciding
 * entry's source; false when no entry holds the key, or the deciding
 * entry holds a string. */
bool tfs_usage_get(const tfs_usage *u, const char *address, const char *type,
                   const char *key, double *out, const char **source);

/* The same for a string value (e.g. a storage class name). */
bool tfs_usage_get_string(const tfs_usage *u, const char *address,
                          const char *type, const char *key,
                          const char **out, const char **source);

/* Append a warning, in file order, for every value whose (type, key) is
 * not in known[0 .. nknown), and for every value of the wrong kind.
 * Entries whose type cannot be told (a pattern naming none) are skipped.
 * Returns the number of warnings added. */
size_t tfs_usage_check(const tfs_usage *u, const tfs_usage_key *known,
                       size_t nknown, tfs_usage_warnings *warnings);

void tfs_usage_warnings_init(tfs_usage_warnings *w);
void tfs_usage_warnings_release(tfs_usage_warnings *w);

/* Free a loaded usage file; NULL is allowed. */
void tfs_usage_free(tfs_usage *u);

#endif
