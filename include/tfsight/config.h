/*
 * config.h - tfsight.yml, the settings a team keeps beside its Terraform.
 *
 *	version: 1
 *	environments:
 *	  tag_keys: [Environment, environment, env]   # first match wins
 *	  accounts:                                   # account ID -> environment
 *	    "125611408459": dev
 *	    "283165662494": prod
 *
 *	checks:
 *	  required_tags: [environment, project, owner]  # matched in any case
 *	  prod_environments: [prod, production]
 *	  state_buckets: [acme-terraform]        # PRE-STATE-*; default: by name/tag
 *	  thresholds:
 *	    backup_retention_min_days: 7
 *	    backup_retention_max_days: 30
 *	    log_retention_min_days: 7            # every environment
 *	    nonprod_log_retention_max_days: 90   # cost ceiling off production
 *	    prod_min_tasks: 2
 *	    secret_rotation_max_days: 90
 *	  severity:                               # per-check overrides
 *	    SEC-LOGS-KMS: info
 *	  waivers:
 *	    - check: SEC-WAF
 *	      address: "module.cdn.*"             # * and ? match any characters
 *	      reason: "WAF is attached by the security team's stack"
 *	      expires: 2027-03-31                 # optional; then reported
 *
 * Every key is optional except version.  An unknown key is an error (a typo
 * must not silently do nothing), reported with its line and column.  Check
 * IDs are validated against the catalogue by tfs_check_config_validate().
 *
 * Ownership: the config owns every string it returns; they stay valid until
 * tfs_config_free().
 */
#ifndef TFSIGHT_CONFIG_H
#define TFSIGHT_CONFIG_H

#include "tfsight/core.h"

typedef struct tfs_waiver {
	const char *check;   /* check ID */
	const char *address; /* pattern over resource addresses */
	const char *reason;
	const char *expires; /* "YYYY-MM-DD", or NULL for none */
	int line, column;
} tfs_waiver;

typedef struct tfs_severity_override {
	const char *check;
	const char *severity; /* validated: info, low, medium, high, critical */
	int line, column;
} tfs_severity_override;

typedef struct tfs_thresholds {
	long backup_retention_min_days;
	long backup_retention_max_days;
	long log_retention_min_days;
	long nonprod_log_retention_max_days;
	long prod_min_tasks;
	long secret_rotation_max_days;
} tfs_thresholds;

/* The defaults above, for runs without a config file. */
void tfs_thresholds_default(tfs_thresholds *t);

typedef struct tfs_config {
	const char *source;          /* the file name */
	const char **env_tag_keys;   /* NULL when the file names none */
	size_t n_env_tag_keys;
	const char **account_envs;   /* pairs: account ID, environment */
	size_t n_account_envs;       /* number of pairs */
	const char **required_tags;  /* NULL: environment, project, owner */
	size_t n_required_tags;
	const char **prod_envs;      /* NULL: prod, production */
	size_t n_prod_envs;
	const char **state_buckets;  /* NULL: recognised by name and tags */
	size_t n_state_buckets;
	tfs_thresholds thresholds;
	tfs_severity_override *overrides;
	size_t n_overrides;
	tfs_waiver *waivers;
	size_t n_waivers;
	tfs_arena arena;
} tfs_config;

/* Returns 0, or -1 with err set (TFS_EXIT_INPUT, file, line, column). */
int tfs_config_load(tfs_config **out, const char *path, tfs_error *err);
int tfs_config_load_buffer(tfs_config **out, const char *name,
                           const char *data, size_t len, tfs_error *err);
void tfs_config_free(tfs_config *c);

#endif
