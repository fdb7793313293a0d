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
 * Every key is optional except version.  An unknown key is an error (a typo
 * must not silently do nothing), reported with its line and column.  The
 * check settings (required tags, severities, waivers, thresholds) join this
 * file with the checks.
 *
 * Ownership: the config owns every string it returns; they stay valid until
 * tfs_config_free().
 */
#ifndef TFSIGHT_CONFIG_H
#define TFSIGHT_CONFIG_H

#include "tfsight/core.h"

typedef struct tfs_config {
	const char *source;          /* the file name */
	const char **env_tag_keys;   /* NULL when the file names none */
	size_t n_env_tag_keys;
	const char **account_envs;   /* pairs: account ID, environment */
	size_t n_account_envs;       /* number of pairs */
	tfs_arena arena;
} tfs_config;

/* Returns 0, or -1 with err set (TFS_EXIT_INPUT, file, line, column). */
int tfs_config_load(tfs_config **out, const char *path, tfs_error *err);
int tfs_config_load_buffer(tfs_config **out, const char *name,
                           const char *data, size_t len, tfs_error *err);
void tfs_config_free(tfs_config *c);

#endif
