/* inputs.c - what every command that reads states does first. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tfsight/config.h"
#include "tfsight/inventory.h"
#include "tfsight/model.h"

int tfs_cli_parse_files(const tfs_command *cmd, const tfs_option *opts,
                        int argc, char **argv, char ***files, int *nfiles)
{
	switch (tfs_cli_parse(cmd, opts, argc, argv, files, nfiles)) {
	case TFS_PARSE_OK:
		break;
	case TFS_PARSE_HELP:
		return TFS_EXIT_OK;
	case TFS_PARSE_ERROR:
		return TFS_EXIT_USAGE;
	}
	if (*nfiles == 0) {
		tfs_cli_usage_error(cmd->name, "no input file (use '-' for "
		                               "standard input)");
		return TFS_EXIT_USAGE;
	}
	return -1;
}

typedef struct {
	tfs_inputs *in;
	char *const *files;
	const char *region;
	tfs_error *errs;
	int file_jobs; /* threads each file may parse on */
} S_load;

static void S_load_one(void *ctx, size_t i)
{
	S_load *l = ctx;

	tfs_error_init(&l->errs[i]);
	if (tfs_state_load_jobs(&l->in->states[i], l->files[i], l->file_jobs,
	                        &l->errs[i]) == 0)
		l->in->invs[i] = tfs_inventory_build(l->in->states[i], l->region);
}

int tfs_inputs_load(tfs_inputs *in, char *const *files, int nfiles,
                    const char *default_region, int jobs, tfs_error *err)
{
	S_load l;
	size_t i;

	in->count = (size_t)nfiles;
	in->states = xcalloc(in->count, sizeof(*in->states));
	in->invs = xcalloc(in->count, sizeof(*in->invs));
	l.in = in;
	l.files = files;
	l.region = default_region;
	l.errs = xcalloc(in->count, sizeof(*l.errs));
	/* standard input can be read once, by one thread */
	for (i = 0; i < in->count; i++)
		if (strcmp(files[i], "-") == 0)
			jobs = 1;
	/* threads left over by few files parse within a file */
	l.file_jobs = jobs / nfiles > 1 ? jobs / nfiles : 1;
	tfs_parallel_for(in->count, jobs, S_load_one, &l);
	/* the first failure in argument order, as a serial run reports it */
	for (i = 0; i < in->count; i++)
		if (!in->states[i]) {
			*err = l.errs[i];
			free(l.errs);
			tfs_inputs_release(in);
			return -1;
		}
	free(l.errs);
	return 0;
}

int tfs_cli_jobs(const tfs_command *cmd, const char *text)
{
	char *end;
	long n;

	if (!text)
		return tfs_cpu_count();
	n = strtol(text, &end, 10);
	if (end == text || *end || n < 1 || n > 64) {
		tfs_cli_usage_error(cmd->name, "-j takes a number of threads from 1 "
		                               "to 64");
		return -1;
	}
	return (int)n;
}

void tfs_inputs_release(tfs_inputs *in)
{
	for (size_t i = 0; i < in->count; i++) {
		tfs_inventory_free(in->invs[i]);
		tfs_state_free(in->states[i]);
	}
	free(in->invs);
	free(in->states);
	in->invs = NULL;
	in->states = NULL;
	in->count = 0;
}

/* "111=dev,222=prod" -> {"111", "dev", "222", "prod"}; the strings live in
 * one copy, pairs[0]. */
static int S_parse_account_env(const char *spec, char ***out, size_t *n)
{
	char *copy = xstrdup(spec), *p = copy, **v = NULL;
	size_t cap = 0, count = 0;

	for (;;) {
		char *comma = strchr(p, ',');
		char *eq = strchr(p, '=');
		if (comma)
			*comma = '\0';
		if (!eq || eq == p || !eq[1] || (comma && eq > comma)) {
			free(copy);
			free(v);
			return -1;
		}
		*eq = '\0';
		tfs_grow(&v, &cap, count + 2, sizeof(*v));
		v[count++] = p;
		v[count++] = eq + 1;
		if (!comma)
			break;
		p = comma + 1;
	}
	*out = v;
	*n = count / 2;
	return 0;
}

int tfs_env_options_apply(const tfs_command *cmd, tfs_env_options *e,
                          tfs_model_options *opt)
{
	tfs_error err;
	size_t npairs = 0;

	tfs_model_options_init(opt);
	e->config = NULL;
	e->pairs = NULL;
	if (e->account_env &&
	    S_parse_account_env(e->account_env, &e->pairs, &npairs) != 0) {
		tfs_cli_usage_error(cmd->name,
		                    "--account-env expects ACCOUNT=ENV[,ACCOUNT=ENV...]");
		return TFS_EXIT_USAGE;
	}
	tfs_error_init(&err);
	if (e->config_path && tfs_config_load(&e->config, e->config_path, &err))
		return tfs_cli_report(&err);
	if (e->config) {
		opt->env_tag_keys = e->config->env_tag_keys;
		opt->n_env_tag_keys = e->config->n_env_tag_keys;
		opt->account_envs = e->config->account_envs;
		opt->n_account_envs = e->config->n_account_envs;
	}
	if (e->env_tag) {
		opt->env_tag_keys = &e->env_tag;
		opt->n_env_tag_keys = 1;
	}
	if (e->pairs) {
		opt->account_envs = (const char *const *)e->pairs;
		opt->n_account_envs = npairs;
	}
	opt->default_env = e->environment;
	return -1;
}

void tfs_env_options_release(tfs_env_options *e)
{
	tfs_config_free(e->config);
	e->config = NULL;
	if (e->pairs)
		free(e->pairs[0]);
	free(e->pairs);
	e->pairs = NULL;
}
