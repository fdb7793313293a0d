/* cmd_topology.c - `tfsight topology`: the architecture the state
 * describes, with the evidence for every edge. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tfsight/config.h"
#include "tfsight/render.h"

static const char *const FORMATS[] = {"text", "json", NULL};

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

int cmd_topology(int argc, char **argv, const tfs_command *cmd)
{
	const char *format = "text", *output = NULL, *env_tag = NULL;
	const char *region = TFS_DEFAULT_REGION, *environment = NULL;
	const char *account_env = NULL, *config_path = NULL;
	const tfs_option opts[] = {
		{TFS_OPT_CHOICE, 'f', "format", "FORMAT", "output format", &format,
		 FORMATS},
		TFS_OPT_OUTPUT(&output),
		TFS_OPT_REGION(&region),
		{TFS_OPT_STRING, 'c', "config", "FILE",
		 "tfsight.yml: environment tag keys and account map", &config_path,
		 NULL},
		{TFS_OPT_STRING, 0, "env-tag", "KEY",
		 "tag key naming the environment (default Environment, "
		 "environment, env)",
		 &env_tag, NULL},
		{TFS_OPT_STRING, 0, "account-env", "ACCOUNT=ENV,...",
		 "environment of each account ID, for resources no tag names",
		 &account_env, NULL},
		{TFS_OPT_STRING, 0, "environment", "ENV",
		 "environment of resources that no tag names", &environment, NULL},
		TFS_OPT_TABLE_END,
	};
	tfs_model_options mopt;
	tfs_model **models;
	tfs_model_set set;
	tfs_inputs in;
	tfs_error err;
	tfs_output o;
	tfs_config *config;
	char **pairs;
	size_t npairs = 0;
	tfs_buf out;
	char **files;
	int nfiles, rc;
	size_t i;

	if ((rc = tfs_cli_parse_files(cmd, opts, argc, argv, &files, &nfiles)) >= 0)
		return rc;
	tfs_error_init(&err);
	if (tfs_inputs_load(&in, files, nfiles, region, &err) != 0)
		return tfs_cli_report(&err);
	config = NULL;
	if (config_path && tfs_config_load(&config, config_path, &err) != 0) {
		tfs_inputs_release(&in);
		return tfs_cli_report(&err);
	}
	tfs_cli_model_options(&mopt, config);
	if (env_tag) {
		mopt.env_tag_keys = &env_tag;
		mopt.n_env_tag_keys = 1;
	}
	mopt.default_env = environment;
	pairs = NULL;
	if (account_env) {
		if (S_parse_account_env(account_env, &pairs, &npairs) != 0) {
			tfs_cli_usage_error(cmd->name,
			                    "--account-env expects ACCOUNT=ENV[,ACCOUNT=ENV...]");
			tfs_config_free(config);
			tfs_inputs_release(&in);
			return TFS_EXIT_USAGE;
		}
		mopt.account_envs = (const char *const *)pairs;
		mopt.n_account_envs = npairs;
	}
	models = xcalloc(in.count, sizeof(*models));
	for (i = 0; i < in.count; i++)
		models[i] = tfs_model_build(in.states[i], in.invs[i], &mopt);
	set.items = models;
	set.count = in.count;
	rc = TFS_EXIT_OK;
	if (tfs_output_open(&o, output, &err) != 0) {
		rc = tfs_cli_report(&err);
	} else {
		tfs_buf_init(&out);
		tfs_buf_set_sink(&out, o.f);
		if (format[0] == 'j')
			tfs_render_topology_json(&set, &out);
		else
			tfs_render_topology_text(&set, &out);
		if (tfs_output_commit(&o, &out, &err) != 0)
			rc = tfs_cli_report(&err);
		tfs_buf_release(&out);
	}
	for (i = 0; i < in.count; i++)
		tfs_model_free(models[i]);
	free(models);
	if (pairs)
		free(pairs[0]);
	free(pairs);
	tfs_config_free(config);
	tfs_inputs_release(&in);
	return rc;
}
