/* cmd_inventory.c - `tfsight inventory`: the reader's view of each input. */
#include "cli.h"
#include "tfsight/render.h"

static const char *const FORMATS[] = {"table", "json", NULL};

typedef struct {
	const char *format;
	tfs_inventory_set set;
} S_view;

static void S_render(const void *ctx, tfs_buf *out)
{
	const S_view *v = ctx;
	if (v->format[0] == 'j')
		tfs_render_inventory_json(&v->set, out);
	else
		tfs_render_inventory_table(&v->set, out);
}

int cmd_inventory(int argc, char **argv, const tfs_command *cmd)
{
	const char *format = "table", *output = NULL;
	const char *region = TFS_DEFAULT_REGION;
	const char *jobs_text = NULL;
	int jobs;
	const tfs_option opts[] = {
		TFS_OPT_FORMAT(&format, FORMATS),
		TFS_OPT_OUTPUT(&output),
		TFS_OPT_REGION(&region),
		TFS_OPT_JOBS(&jobs_text),
		TFS_OPT_TABLE_END,
	};
	tfs_inputs in;
	tfs_error err;
	S_view v;
	char **files;
	int nfiles, rc;

	if ((rc = tfs_cli_parse_files(cmd, opts, argc, argv, &files, &nfiles)) >= 0)
		return rc;
	if ((jobs = tfs_cli_jobs(cmd, jobs_text)) < 0)
		return TFS_EXIT_USAGE;
	tfs_error_init(&err);
	if (tfs_inputs_load(&in, files, nfiles, region, jobs, &err) != 0)
		return tfs_cli_report(&err);
	v.format = format;
	v.set.items = in.invs;
	v.set.count = in.count;
	v.set.default_region = region;
	rc = tfs_cli_emit(output, S_render, &v);
	tfs_inputs_release(&in);
	return rc;
}
