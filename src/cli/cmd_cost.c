/* cmd_cost.c - `tfsight cost`: the monthly estimate of every resource. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tfsight/render.h"

static const char *const FORMATS[] = {"table", "json", "csv", "rollup-json",
                                      NULL};
static const char *const CURRENCIES[] = {"USD", "BRL", NULL};

typedef struct {
	const char *format;
	const char *source_date_epoch;
	tfs_cost_set set;
} S_view;

static void S_render(const void *ctx, tfs_buf *out)
{
	const S_view *v = ctx;
	if (strcmp(v->format, "json") == 0)
		tfs_render_cost_json(&v->set, v->source_date_epoch, out);
	else if (strcmp(v->format, "csv") == 0)
		tfs_render_cost_csv(&v->set, out);
	else if (strcmp(v->format, "rollup-json") == 0)
		tfs_render_cost_rollup_json(&v->set, out);
	else
		tfs_render_cost_table(&v->set, out);
}

/* --currency BRL --exchange-rate R: R, or 0 when neither is given; -1 for
 * a usage error. */
static double S_rate(const char *currency, const char *rate_text)
{
	char *end = NULL;
	double rate;

	if (strcmp(currency, "BRL") != 0 && !rate_text)
		return 0;
	if (strcmp(currency, "BRL") != 0 || !rate_text)
		return -1;
	rate = strtod(rate_text, &end);
	return *end || !(rate > 0) || rate > 1e6 ? -1 : rate;
}

static void S_print_warnings(const tfs_usage_warnings *w)
{
	for (size_t i = 0; i < w->count; i++) {
		tfs_buf b;
		tfs_buf_init(&b);
		tfs_buf_add_printable(&b, w->items[i]);
		fprintf(stderr, "tfsight: warning: %s\n", b.data);
		tfs_buf_release(&b);
	}
}

int cmd_cost(int argc, char **argv, const tfs_command *cmd)
{
	const char *format = "table", *output = NULL, *pricing_path = NULL;
	const char *usage_path = NULL;
	const char *currency = "USD", *rate_text = NULL;
	const char *project_tag = "Project", *owner_tag = "Owner";
	const char *region = TFS_DEFAULT_REGION;
	const char *jobs_text = NULL;
	int jobs;
	tfs_env_options env = {0};
	const tfs_option opts[] = {
		TFS_OPT_FORMAT(&format, FORMATS),
		TFS_OPT_OUTPUT(&output),
		{TFS_OPT_STRING, 'u', "usage", "FILE",
		 "usage figures (Infracost's infracost-usage.yml layout)",
		 &usage_path, NULL},
		{TFS_OPT_STRING, 0, "pricing", "FILE",
		 "a price table to use instead of the bundled sa-east-1 one",
		 &pricing_path, NULL},
		{TFS_OPT_CHOICE, 0, "currency", "CURRENCY",
		 "also show figures in this currency (needs --exchange-rate)",
		 &currency, CURRENCIES},
		{TFS_OPT_STRING, 0, "exchange-rate", "RATE",
		 "units of --currency per US dollar (yours; nothing is fetched)",
		 &rate_text, NULL},
		TFS_OPT_ROLLUP_TAGS(&project_tag, &owner_tag),
		TFS_OPT_REGION(&region),
		TFS_OPT_JOBS(&jobs_text),
		TFS_OPT_ENV(&env),
		TFS_OPT_TABLE_END,
	};
	const tfs_pricing *table = tfs_pricing_bundled();
	tfs_pricing *loaded = NULL;
	tfs_usage *usage = NULL;
	tfs_usage_warnings warnings;
	tfs_model_options mopt;
	tfs_analysis_options aopt;
	tfs_analysis an;
	tfs_rollups *rollups;
	tfs_inputs in;
	tfs_error err;
	S_view v;
	char **files;
	int nfiles, rc;

	if ((rc = tfs_cli_parse_files(cmd, opts, argc, argv, &files, &nfiles)) >= 0)
		return rc;
	if ((jobs = tfs_cli_jobs(cmd, jobs_text)) < 0)
		return TFS_EXIT_USAGE;
	v.set.brl_per_usd = S_rate(currency, rate_text);
	if (v.set.brl_per_usd < 0) {
		tfs_cli_usage_error(cmd->name, "--currency BRL and --exchange-rate "
		                               "RATE go together, RATE a positive "
		                               "number");
		return TFS_EXIT_USAGE;
	}
	tfs_error_init(&err);
	tfs_usage_warnings_init(&warnings);
	if ((rc = tfs_env_options_apply(cmd, &env, &mopt)) >= 0)
		goto out_settings;
	if ((pricing_path && tfs_pricing_load(&loaded, pricing_path, &err) != 0) ||
	    (usage_path && tfs_usage_load(&usage, usage_path, &err) != 0) ||
	    tfs_inputs_load(&in, files, nfiles, region, jobs, &err) != 0) {
		rc = tfs_cli_report(&err);
		goto out_settings;
	}
	if (loaded)
		table = loaded;
	memset(&aopt, 0, sizeof(aopt));
	aopt.model = &mopt;
	aopt.pricing = table;
	aopt.usage = usage;
	aopt.jobs = jobs;
	tfs_analyse(&an, &in, &aopt);
	tfs_cost_usage_check(usage, &warnings);
	/* after the key check: a notice is about figures it accepted */
	for (size_t i = 0; i < an.count; i++)
		tfs_cost_lcu_notices(an.costs[i], usage, &warnings);
	S_print_warnings(&warnings);
	rollups = tfs_cost_rollups(an.costs, in.count, project_tag, owner_tag);
	v.format = format;
	v.source_date_epoch = getenv("SOURCE_DATE_EPOCH");
	v.set.items = an.costs;
	v.set.count = in.count;
	v.set.rollups = rollups;
	rc = tfs_cli_emit(output, S_render, &v);
	tfs_rollups_free(rollups);
	tfs_analysis_release(&an);
	tfs_inputs_release(&in);
out_settings:
	tfs_usage_warnings_release(&warnings);
	tfs_env_options_release(&env);
	tfs_usage_free(usage);
	tfs_pricing_free(loaded);
	return rc;
}
