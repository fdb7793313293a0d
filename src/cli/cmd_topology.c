/* cmd_topology.c - `tfsight topology`: the architecture the state
 * describes, with the evidence for every edge. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "tfsight/render.h"

static const char *const FORMATS[] = {"text", "json", NULL};

typedef struct {
	const char *format;
	tfs_model_set set;
} S_view;

static void S_render(const void *ctx, tfs_buf *out)
{
	const S_view *v = ctx;
	if (v->format[0] == 'j')
		tfs_render_topology_json(&v->set, out);
	else
		tfs_render_topology_text(&v->set, out);
}

int cmd_topology(int argc, char **argv, const tfs_command *cmd)
{
	const char *format = "text", *output = NULL;
	const char *region = TFS_DEFAULT_REGION;
	const char *jobs_text = NULL;
	int jobs;
	tfs_env_options env = {0};
	const tfs_option opts[] = {
		TFS_OPT_FORMAT(&format, FORMATS),
		TFS_OPT_OUTPUT(&output),
		TFS_OPT_REGION(&region),
		TFS_OPT_JOBS(&jobs_text),
		TFS_OPT_ENV(&env),
		TFS_OPT_TABLE_END,
	};
	tfs_model_options mopt;
	tfs_analysis_options aopt;
	tfs_analysis an;
	tfs_inputs in;
	tfs_error err;
	S_view v;
	char **files;
	int nfiles, rc;

	if ((rc = tfs_cli_parse_files(cmd, opts, argc, argv, &files, &nfiles)) >= 0)
		return rc;
	if ((jobs = tfs_cli_jobs(cmd, jobs_text)) < 0)
		return TFS_EXIT_USAGE;
	if ((rc = tfs_env_options_apply(cmd, &env, &mopt)) >= 0) {
		tfs_env_options_release(&env);
		return rc;
	}
	tfs_error_init(&err);
	if (tfs_inputs_load(&in, files, nfiles, region, jobs, &err) != 0) {
		tfs_env_options_release(&env);
		return tfs_cli_report(&err);
	}
	memset(&aopt, 0, sizeof(aopt));
	aopt.model = &mopt;
	aopt.jobs = jobs;
	tfs_analyse(&an, &in, &aopt);
	v.format = format;
	v.set.items = an.models;
	v.set.count = in.count;
	rc = tfs_cli_emit(output, S_render, &v);
	tfs_analysis_release(&an);
	tfs_env_options_release(&env);
	tfs_inputs_release(&in);
	return rc;
}
