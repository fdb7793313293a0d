/* cmd_diff.c - `tfsight diff BASE HEAD` or `tfsight diff PLAN`: what a
 * change does to the monthly cost and to the checklist, as a pull-request
 * comment or JSON; the gates trip after the output is written. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tfsight/config.h"
#include "tfsight/render.h"

static const char *const FORMATS[] = {"markdown", "json", NULL};
static const char *const PLATFORMS[] = {"github", "gitlab", "azure",
                                        "bitbucket", NULL};
static const char *const SEVERITIES[] = {"critical", "high", "medium", "low",
                                         "info", NULL};

static void S_render(const void *ctx, tfs_buf *out)
{
	tfs_render_diff_markdown(ctx, out);
}

static void S_render_json(const void *ctx, tfs_buf *out)
{
	tfs_render_diff_json(ctx, out);
}

/* --fail-on-increase: "250" dollars or "10%".  Returns false when text is
 * neither. */
/* A tag is written inside the comment's hidden marker, "[//]: <> (tfsight:
 * TAG)", and matched by the CI step that updates the comment: a ")" or a
 * "-->" would end the marker early, so only a name's characters are taken. */
static bool S_tag_ok(const char *tag)
{
	size_t n = strlen(tag);
	if (n == 0 || n > 64)
		return false;
	for (; *tag; tag++)
		if (!isalnum((unsigned char)*tag) && !strchr("._-/", *tag))
			return false;
	return true;
}

static bool S_threshold(const char *text, double *value, bool *percent)
{
	char *end;
	double v = strtod(text, &end);

	*percent = *end == '%';
	if (*percent)
		end++;
	if (end == text || *end || !(v >= 0) || v > 1e12)
		return false;
	*value = v;
	return true;
}

/* One side: a model, its estimate and its checks, from a state. */
typedef struct {
	tfs_model *model;
	tfs_cost *cost;
	tfs_checks *checks;
	tfs_inventory *inv; /* owned only for a plan's prior view */
} S_side;

static void S_side_build(S_side *s, const tfs_state *st, tfs_inventory *inv,
                         const tfs_model_options *mopt,
                         const tfs_check_options *copt,
                         const tfs_usage *usage)
{
	tfs_check_options o = *copt;

	s->model = tfs_model_build(st, inv, mopt);
	s->cost = tfs_cost_estimate(s->model, o.pricing, usage);
	o.cost = s->cost;
	s->checks = tfs_checks_run(s->model, &o);
}

static void S_side_free(S_side *s)
{
	tfs_checks_free(s->checks);
	tfs_cost_free(s->cost);
	tfs_model_free(s->model);
	tfs_inventory_free(s->inv);
}

int cmd_diff(int argc, char **argv, const tfs_command *cmd)
{
	const char *format = "markdown", *output = NULL, *platform = "github";
	const char *tag = NULL, *fail_increase = NULL, *fail_on = NULL;
	const char *usage_path = NULL, *project_tag = "Project";
	const char *region = TFS_DEFAULT_REGION;
	const char *jobs_text = NULL;
	int jobs;
	bool show_all = false;
	tfs_env_options env = {0};
	const tfs_option opts[] = {
		TFS_OPT_FORMAT(&format, FORMATS),
		TFS_OPT_OUTPUT(&output),
		{TFS_OPT_CHOICE, 0, "platform", "NAME",
		 "size and features of the comment: github (default), gitlab, "
		 "azure, bitbucket",
		 &platform, PLATFORMS},
		{TFS_OPT_STRING, 0, "tag", "NAME",
		 "name the comment's marker, so each stack keeps its own comment",
		 &tag, NULL},
		{TFS_OPT_STRING, 0, "fail-on-increase", "AMOUNT|PCT%",
		 "exit 1 when the monthly total rises by more than this (dollars, "
		 "or a percentage)",
		 &fail_increase, NULL},
		{TFS_OPT_CHOICE, 0, "fail-on", "SEVERITY",
		 "exit 1 when the change brings a new failure this severe or worse",
		 &fail_on, SEVERITIES},
		{TFS_OPT_FLAG, 0, "show-all", NULL,
		 "list unchanged projects in the table too", &show_all, NULL},
		{TFS_OPT_STRING, 'u', "usage", "FILE",
		 "usage figures (Infracost's infracost-usage.yml layout)",
		 &usage_path, NULL},
		{TFS_OPT_STRING, 0, "project-tag", "KEY",
		 "tag key of the project column (default Project)", &project_tag,
		 NULL},
		TFS_OPT_REGION(&region),
		TFS_OPT_JOBS(&jobs_text),
		TFS_OPT_ENV(&env),
		TFS_OPT_TABLE_END,
	};
	tfs_usage *usage = NULL;
	tfs_model_options mopt;
	tfs_check_options copt;
	tfs_diff_options dopt;
	tfs_diff_side bs, hs;
	tfs_diff_view v;
	tfs_diff *d;
	tfs_state prior;
	S_side base, head;
	tfs_inputs in;
	tfs_error err;
	double threshold = 0;
	bool percent = false;
	char **files;
	int nfiles, rc;

	if ((rc = tfs_cli_parse_files(cmd, opts, argc, argv, &files, &nfiles)) >= 0)
		return rc;
	if ((jobs = tfs_cli_jobs(cmd, jobs_text)) < 0)
		return TFS_EXIT_USAGE;
	if (nfiles > 2) {
		tfs_cli_usage_error(cmd->name, "give BASE and HEAD, or one PLAN");
		return TFS_EXIT_USAGE;
	}
	if (fail_increase && !S_threshold(fail_increase, &threshold, &percent)) {
		tfs_cli_usage_error(cmd->name, "--fail-on-increase takes dollars "
		                               "(250) or a percentage (10%%)");
		return TFS_EXIT_USAGE;
	}
	if (tag && !S_tag_ok(tag)) {
		tfs_cli_usage_error(cmd->name, "--tag takes 1 to 64 letters, digits "
		                               "and . _ - / (it names the comment's "
		                               "hidden marker)");
		return TFS_EXIT_USAGE;
	}
	memset(&v, 0, sizeof(v));
	tfs_platform_parse(platform, &v.platform);
	tfs_error_init(&err);
	if ((rc = tfs_env_options_apply(cmd, &env, &mopt)) >= 0)
		goto out_settings;
	if (tfs_check_config_validate(env.config, &err) != 0 ||
	    (usage_path && tfs_usage_load(&usage, usage_path, &err) != 0) ||
	    tfs_inputs_load(&in, files, nfiles, region, jobs, &err) != 0) {
		rc = tfs_cli_report(&err);
		goto out_settings;
	}
	if (nfiles == 1 && in.states[0]->format != TFS_FORMAT_PLAN_JSON) {
		tfs_error_set(&err, TFS_EXIT_INPUT, in.states[0]->source, 0, 0, NULL,
		              "one file must be a plan (terraform show -json "
		              "PLAN); to compare states give BASE and HEAD");
		rc = tfs_cli_report(&err);
		tfs_inputs_release(&in);
		goto out_settings;
	}
	tfs_check_options_init(&copt);
	copt.config = env.config;
	copt.pricing = tfs_pricing_bundled();
	memset(&base, 0, sizeof(base));
	memset(&head, 0, sizeof(head));
	if (nfiles == 1) {
		tfs_state_prior_view(in.states[0], &prior);
		base.inv = tfs_inventory_build(&prior, region);
		S_side_build(&base, &prior, base.inv, &mopt, &copt, usage);
		S_side_build(&head, in.states[0], in.invs[0], &mopt, &copt, usage);
		v.base_name = "the plan's prior state";
		v.head_name = in.states[0]->source;
	} else {
		S_side_build(&base, in.states[0], in.invs[0], &mopt, &copt, usage);
		S_side_build(&head, in.states[1], in.invs[1], &mopt, &copt, usage);
		v.base_name = in.states[0]->source;
		v.head_name = in.states[1]->source;
	}
	bs.cost = base.cost;
	bs.checks = base.checks;
	hs.cost = head.cost;
	hs.checks = head.checks;
	tfs_diff_options_init(&dopt);
	dopt.project_tag = project_tag;
	d = tfs_diff_build(&bs, &hs, &dopt);
	v.diff = d;
	v.tag = tag;
	v.show_all = show_all;
	rc = tfs_cli_emit(output, strcmp(format, "json") == 0 ? S_render_json
	                                                      : S_render,
	                  &v);
	if (rc == TFS_EXIT_OK && fail_increase) {
		double delta = d->head_total - d->base_total;
		bool over = percent ? (d->base_total > 0
		                               ? delta / d->base_total * 100.0 >
		                                         threshold
		                               : delta > 0)
		                    : delta > threshold;
		if (over) {
			fprintf(stderr, "tfsight: the monthly estimate rises by more "
			                "than %s\n",
			        fail_increase);
			rc = TFS_EXIT_GATE;
		}
	}
	if (rc == TFS_EXIT_OK && fail_on) {
		tfs_severity gate = TFS_SEV_INFO;
		tfs_severity_parse(fail_on, &gate);
		if (tfs_diff_worst_new(d) >= (int)gate) {
			fprintf(stderr, "tfsight: the change brings a new %s failure\n",
			        tfs_severity_name((tfs_severity)tfs_diff_worst_new(d)));
			rc = TFS_EXIT_GATE;
		}
	}
	tfs_diff_free(d);
	S_side_free(&head);
	S_side_free(&base);
	tfs_inputs_release(&in);
out_settings:
	tfs_env_options_release(&env);
	tfs_usage_free(usage);
	return rc;
}
