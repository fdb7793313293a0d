/* inputs.c - what every command that reads states does first. */
#include <stdlib.h>

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

int tfs_inputs_load(tfs_inputs *in, char *const *files, int nfiles,
                    const char *default_region, tfs_error *err)
{
	int i;

	in->count = (size_t)nfiles;
	in->states = xcalloc(in->count, sizeof(*in->states));
	in->invs = xcalloc(in->count, sizeof(*in->invs));
	for (i = 0; i < nfiles; i++) {
		if (tfs_state_load(&in->states[i], files[i], err) != 0) {
			tfs_inputs_release(in);
			return -1;
		}
		in->invs[i] = tfs_inventory_build(in->states[i], default_region);
	}
	return 0;
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

void tfs_cli_model_options(tfs_model_options *opt, const tfs_config *config)
{
	tfs_model_options_init(opt);
	if (!config)
		return;
	opt->env_tag_keys = config->env_tag_keys;
	opt->n_env_tag_keys = config->n_env_tag_keys;
	opt->account_envs = config->account_envs;
	opt->n_account_envs = config->n_account_envs;
}
