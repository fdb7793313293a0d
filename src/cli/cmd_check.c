/* cmd_check.c - `tfsight check`: the seeds' checklist decided from state,
 * each finding with its evidence; `--fail-on` gates CI after the output is
 * written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tfsight/config.h"
#include "tfsight/render.h"

static const char *const FORMATS[] = {"table", "json", "sarif", "junit",
                                      "markdown", NULL};
static const char *const SEVERITIES[] = {"critical", "high", "medium", "low",
                                         "info", NULL};

typedef struct {
	const char *format;
	tfs_check_set set;
} S_view;

static void S_render(const void *ctx, tfs_buf *out)
{
	const S_view *v = ctx;
	if (strcmp(v->format, "json") == 0)
		tfs_render_checks_json(&v->set, out);
	else if (strcmp(v->format, "sarif") == 0)
		tfs_render_checks_sarif(&v->set, out);
	else if (strcmp(v->format, "junit") == 0)
		tfs_render_checks_junit(&v->set, out);
	else
		tfs_render_checks_table(&v->set, out);
}

static void S_render_list(const void *ctx, tfs_buf *out)
{
	tfs_render_check_catalogue(ctx, out);
}

/* Parse, and answer --list, which needs no input file.  Returns -1 to go
 * on, else the exit status. */
static int S_parse(const tfs_command *cmd, const tfs_option *opts, int argc,
                   char **argv, char ***files, int *nfiles, const bool *listp,
                   const char *const *formatp, const char *const *outputp)
{
	switch (tfs_cli_parse(cmd, opts, argc, argv, files, nfiles)) {
	case TFS_PARSE_OK:
		break;
	case TFS_PARSE_HELP:
		return TFS_EXIT_OK;
	case TFS_PARSE_ERROR:
		return TFS_EXIT_USAGE;
	}
	if (*listp) {
		const char *f = *formatp;
		if (*nfiles) {
			tfs_cli_usage_error(cmd->name, "--list takes no input file");
			return TFS_EXIT_USAGE;
		}
		if (strcmp(f, "table") && strcmp(f, "json") && strcmp(f, "markdown")) {
			tfs_cli_usage_error(cmd->name, "--list writes table, json or "
			                               "markdown");
			return TFS_EXIT_USAGE;
		}
		return tfs_cli_emit(*outputp, S_render_list, f);
	}
	if (strcmp(*formatp, "markdown") == 0) {
		tfs_cli_usage_error(cmd->name, "markdown is the format of --list "
		                               "(for a pull-request comment use "
		                               "tfsight diff)");
		return TFS_EXIT_USAGE;
	}
	if (*nfiles == 0) {
		tfs_cli_usage_error(cmd->name, "no input file (use '-' for "
		                               "standard input)");
		return TFS_EXIT_USAGE;
	}
	return -1;
}

int cmd_check(int argc, char **argv, const tfs_command *cmd)
{
	const char *format = "table", *output = NULL, *fail_on = NULL;
	const char *usage_path = NULL;
	const char *region = TFS_DEFAULT_REGION;
	const char *jobs_text = NULL;
	int jobs;
	bool list = false;
	tfs_env_options env = {0};
	const tfs_option opts[] = {
		TFS_OPT_FORMAT(&format, FORMATS),
		TFS_OPT_OUTPUT(&output),
		{TFS_OPT_CHOICE, 0, "fail-on", "SEVERITY",
		 "exit 1 when an unwaived failure of this severity or worse exists "
		 "(after writing the output)",
		 &fail_on, SEVERITIES},
		{TFS_OPT_FLAG, 0, "list", NULL,
		 "print the catalogue of checks instead (table, json or markdown)",
		 &list, NULL},
		{TFS_OPT_STRING, 'u', "usage", "FILE",
		 "usage figures for the savings of cost checks", &usage_path, NULL},
		TFS_OPT_REGION(&region),
		TFS_OPT_JOBS(&jobs_text),
		TFS_OPT_ENV(&env),
		TFS_OPT_TABLE_END,
	};
	tfs_usage *usage = NULL;
	tfs_model_options mopt;
	tfs_check_options copt;
	tfs_analysis_options aopt;
	tfs_analysis an;
	tfs_inputs in;
	tfs_error err;
	tfs_severity gate = TFS_SEV_INFO;
	S_view v;
	char **files;
	int nfiles, rc;
	size_t i;

	if ((rc = S_parse(cmd, opts, argc, argv, &files, &nfiles, &list,
	                  &format, &output)) >= 0)
		return rc;
	if ((jobs = tfs_cli_jobs(cmd, jobs_text)) < 0)
		return TFS_EXIT_USAGE;
	if (fail_on)
		tfs_severity_parse(fail_on, &gate);
	tfs_error_init(&err);
	if ((rc = tfs_env_options_apply(cmd, &env, &mopt)) >= 0)
		goto out_settings;
	if (tfs_check_config_validate(env.config, &err) != 0 ||
	    (usage_path && tfs_usage_load(&usage, usage_path, &err) != 0) ||
	    tfs_inputs_load(&in, files, nfiles, region, jobs, &err) != 0) {
		rc = tfs_cli_report(&err);
		goto out_settings;
	}
	tfs_check_options_init(&copt);
	copt.config = env.config;
	aopt.model = &mopt;
	aopt.pricing = tfs_pricing_bundled();
	aopt.usage = usage;
	aopt.checks = &copt;
	aopt.jobs = jobs;
	tfs_analyse(&an, &in, &aopt);
	v.format = format;
	v.set.items = an.checks;
	v.set.count = in.count;
	v.set.tool_version = TFSIGHT_VERSION;
	rc = tfs_cli_emit(output, S_render, &v);
	if (rc == TFS_EXIT_OK && fail_on)
		for (i = 0; i < in.count; i++)
			if (tfs_checks_worst(an.checks[i]) >= (int)gate)
				rc = TFS_EXIT_GATE;
	tfs_analysis_release(&an);
	tfs_inputs_release(&in);
out_settings:
	tfs_env_options_release(&env);
	tfs_usage_free(usage);
	return rc;
}
