/* cmd_inventory.c - `tfsight inventory`: the reader's view of each input. */
#include <stdlib.h>

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
		{TFS_OPT_STRING, 'o', "output", "FILE",
		 "write to FILE instead of standard output", &output, NULL},
		{TFS_OPT_STRING, 0, "region", "REGION",
		 "region of resources whose state does not record one "
		 "(default sa-east-1)",
		 &region, NULL},
		{TFS_OPT_END, 0, NULL, NULL, NULL, NULL, NULL},
	};
	tfs_state **states;
	tfs_inventory **invs;
	tfs_inventory_set set;
	tfs_error err;
	tfs_buf out;
	char **files;
	int nfiles, i, rc = TFS_EXIT_OK;

	switch (tfs_cli_parse(cmd, opts, argc, argv, &files, &nfiles)) {
	case TFS_PARSE_OK:
		break;
	case TFS_PARSE_HELP:
		return TFS_EXIT_OK;
	case TFS_PARSE_ERROR:
		return TFS_EXIT_USAGE;
	}
	if (nfiles == 0) {
		tfs_cli_usage_error(cmd->name, "no input file (use '-' for "
		                               "standard input)");
		return TFS_EXIT_USAGE;
	}
	tfs_error_init(&err);
	states = xcalloc((size_t)nfiles, sizeof(*states));
	invs = xcalloc((size_t)nfiles, sizeof(*invs));
	for (i = 0; i < nfiles; i++) {
		if (tfs_state_load(&states[i], files[i], &err) != 0) {
			rc = tfs_cli_report(&err);
			goto out;
		}
		invs[i] = tfs_inventory_build(states[i], region);
	}
	set.items = invs;
	set.count = (size_t)nfiles;
	set.default_region = region;
	tfs_buf_init(&out);
	if (format[0] == 'j')
		tfs_render_inventory_json(&set, &out);
	else
		tfs_render_inventory_table(&set, &out);
	if (tfs_cli_write(output, &out, &err) != 0)
		rc = tfs_cli_report(&err);
	tfs_buf_release(&out);
out:
	for (i = 0; i < nfiles; i++) {
		tfs_inventory_free(invs[i]);
		tfs_state_free(states[i]);
	}
	free(invs);
	free(states);
	return rc;
}
