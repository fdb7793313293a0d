/* cmd_cost.c - `tfsight cost`: the monthly estimate of every resource. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tfsight/config.h"
#include "tfsight/render.h"

static const char *const FORMATS[] = {"table", "json", "csv", "rollup-json",
                                      NULL};
static const char *const CURRENCIES[] = {"USD", "BRL", NULL};

int cmd_cost(int argc, char **argv, const tfs_command *cmd)
{
	const char *format = "table", *output = NULL, *pricing_path = NULL;
	const char *usage_path = NULL, *config_path = NULL;
	const char *currency = "USD", *rate_text = NULL;
	const char *project_tag = "Project", *owner_tag = "Owner";
	const char *region = TFS_DEFAULT_REGION;
	const tfs_option opts[] = {
		{TFS_OPT_CHOICE, 'f', "format", "FORMAT", "output format", &format,
		 FORMATS},
		TFS_OPT_OUTPUT(&output),
		{TFS_OPT_STRING, 'u', "usage", "FILE",
		 "usage figures (Infracost's infracost-usage.yml layout)",
		 &usage_path, NULL},
		{TFS_OPT_STRING, 0, "pricing", "FILE",
		 "a price table to use instead of the bundled sa-east-1 one",
		 &pricing_path, NULL},
		{TFS_OPT_STRING, 'c', "config", "FILE", "tfsight.yml", &config_path,
		 NULL},
		{TFS_OPT_CHOICE, 0, "currency", "CURRENCY",
		 "also show figures in this currency (needs --exchange-rate)",
		 &currency, CURRENCIES},
		{TFS_OPT_STRING, 0, "exchange-rate", "RATE",
		 "units of --currency per US dollar (yours; nothing is fetched)",
		 &rate_text, NULL},
		{TFS_OPT_STRING, 0, "project-tag", "KEY",
		 "tag key of the project roll-up (default Project)", &project_tag,
		 NULL},
		{TFS_OPT_STRING, 0, "owner-tag", "KEY",
		 "tag key of the owner roll-up (default Owner)", &owner_tag, NULL},
		TFS_OPT_REGION(&region),
		TFS_OPT_TABLE_END,
	};
	const tfs_pricing *table = tfs_pricing_bundled();
	tfs_pricing *loaded = NULL;
	tfs_usage *usage = NULL;
	tfs_config *config = NULL;
	tfs_usage_warnings warnings;
	tfs_model_options mopt;
	tfs_model **models = NULL;
	tfs_cost **costs = NULL;
	tfs_cost_set set;
	tfs_rollups *rollups;
	tfs_inputs in;
	tfs_error err;
	tfs_output o;
	tfs_buf out;
	char **files;
	int nfiles, rc;
	size_t i;

	if ((rc = tfs_cli_parse_files(cmd, opts, argc, argv, &files, &nfiles)) >= 0)
		return rc;
	set.brl_per_usd = 0;
	if (strcmp(currency, "BRL") == 0 || rate_text) {
		char *end = NULL;
		double rate = rate_text ? strtod(rate_text, &end) : 0;
		if (strcmp(currency, "BRL") != 0 || !rate_text || *end || !(rate > 0) ||
		    rate > 1e6) {
			tfs_cli_usage_error(cmd->name,
			                    "--currency BRL and --exchange-rate RATE go "
			                    "together, RATE a positive number");
			return TFS_EXIT_USAGE;
		}
		set.brl_per_usd = rate;
	}
	tfs_error_init(&err);
	tfs_usage_warnings_init(&warnings);
	if ((pricing_path && tfs_pricing_load(&loaded, pricing_path, &err) != 0) ||
	    (usage_path && tfs_usage_load(&usage, usage_path, &err) != 0) ||
	    (config_path && tfs_config_load(&config, config_path, &err) != 0)) {
		rc = tfs_cli_report(&err);
		goto out_settings;
	}
	if (loaded)
		table = loaded;
	if (tfs_inputs_load(&in, files, nfiles, region, &err) != 0) {
		rc = tfs_cli_report(&err);
		goto out_settings;
	}
	tfs_cli_model_options(&mopt, config);
	models = xcalloc(in.count, sizeof(*models));
	costs = xcalloc(in.count, sizeof(*costs));
	for (i = 0; i < in.count; i++) {
		models[i] = tfs_model_build(in.states[i], in.invs[i], &mopt);
		costs[i] = tfs_cost_estimate(models[i], table, usage);
	}
	tfs_cost_usage_check(usage, &warnings);
	for (i = 0; i < warnings.count; i++) {
		tfs_buf w;
		tfs_buf_init(&w);
		tfs_buf_add_printable(&w, warnings.items[i]);
		fprintf(stderr, "tfsight: warning: %s\n", w.data);
		tfs_buf_release(&w);
	}
	set.items = costs;
	set.count = in.count;
	rollups = tfs_cost_rollups(costs, in.count, project_tag, owner_tag);
	set.rollups = rollups;
	rc = TFS_EXIT_OK;
	if (tfs_output_open(&o, output, &err) != 0) {
		rc = tfs_cli_report(&err);
	} else {
		tfs_buf_init(&out);
		tfs_buf_set_sink(&out, o.f);
		if (strcmp(format, "json") == 0)
			tfs_render_cost_json(&set, getenv("SOURCE_DATE_EPOCH"), &out);
		else if (strcmp(format, "csv") == 0)
			tfs_render_cost_csv(&set, &out);
		else if (strcmp(format, "rollup-json") == 0)
			tfs_render_cost_rollup_json(&set, &out);
		else
			tfs_render_cost_table(&set, &out);
		if (tfs_output_commit(&o, &out, &err) != 0)
			rc = tfs_cli_report(&err);
		tfs_buf_release(&out);
	}
	tfs_rollups_free(rollups);
	for (i = 0; i < in.count; i++) {
		tfs_cost_free(costs[i]);
		tfs_model_free(models[i]);
	}
	free(costs);
	free(models);
	tfs_inputs_release(&in);
out_settings:
	tfs_usage_warnings_release(&warnings);
	tfs_config_free(config);
	tfs_usage_free(usage);
	tfs_pricing_free(loaded);
	return rc;
}
