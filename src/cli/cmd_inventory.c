/* cmd_inventory.c - `tfsight inventory`: the reader's view of each input. */
#include "cli.h"
#include "tfsight/render.h"

static const char *const FORMATS[] = {"table", "json", NULL};

int cmd_inventory(int argc, char **argv, const tfs_command *cmd)
{
	const char *format = "table", *output = NULL;
	const char *region = TFS_DEFAULT_REGION;
	const tfs_option opts[] = {
		{TFS_OPT_CHOICE, 'f', "format", "FORMAT", "output format", &format,
		 FORMATS},
		TFS_OPT_OUTPUT(&output),
		TFS_OPT_REGION(&region),
		TFS_OPT_TABLE_END,
	};
	tfs_inventory_set set;
	tfs_inputs in;
	tfs_error err;
	tfs_output o;
	tfs_buf out;
	char **files;
	int nfiles, rc;

	if ((rc = tfs_cli_parse_files(cmd, opts, argc, argv, &files, &nfiles)) >= 0)
		return rc;
	tfs_error_init(&err);
	if (tfs_inputs_load(&in, files, nfiles, region, &err) != 0)
		return tfs_cli_report(&err);
	set.items = in.invs;
	set.count = in.count;
	set.default_region = region;
	rc = TFS_EXIT_OK;
	if (tfs_output_open(&o, output, &err) != 0) {
		rc = tfs_cli_report(&err);
		goto out;
	}
	tfs_buf_init(&out);
	tfs_buf_set_sink(&out, o.f);
	if (format[0] == 'j')
		tfs_render_inventory_json(&set, &out);
	else
		tfs_render_inventory_table(&set, &out);
	if (tfs_output_commit(&o, &out, &err) != 0)
		rc = tfs_cli_report(&err);
	tfs_buf_release(&out);
out:
	tfs_inputs_release(&in);
	return rc;
}
