/* cmd_pricing.c - `tfsight pricing`: the price table in use (the bundled
 * sa-east-1 table, or --pricing FILE), with the date and source of every
 * price. */
#include <string.h>

#include "cli.h"
#include "tfsight/pricing.h"
#include "tfsight/render.h"

static const char *const FORMATS[] = {"table", "csv", NULL};

typedef struct {
	const char *format;
	const tfs_pricing *table;
} S_view;

static void S_render(const void *ctx, tfs_buf *out)
{
	const S_view *v = ctx;
	if (strcmp(v->format, "csv") == 0)
		tfs_pricing_write_csv(v->table, out);
	else
		tfs_render_pricing_table(v->table, out);
}

int cmd_pricing(int argc, char **argv, const tfs_command *cmd)
{
	const char *format = "table", *output = NULL, *path = NULL;
	const tfs_option opts[] = {
		TFS_OPT_FORMAT(&format, FORMATS),
		{TFS_OPT_STRING, 0, "pricing", "FILE",
		 "use the price table in FILE instead of the bundled one", &path,
		 NULL},
		TFS_OPT_OUTPUT(&output),
		TFS_OPT_TABLE_END,
	};
	const tfs_pricing *table = tfs_pricing_bundled();
	tfs_pricing *loaded = NULL;
	tfs_error err;
	S_view v;
	char **args;
	int nargs, rc;

	switch (tfs_cli_parse(cmd, opts, argc, argv, &args, &nargs)) {
	case TFS_PARSE_OK:
		break;
	case TFS_PARSE_HELP:
		return TFS_EXIT_OK;
	case TFS_PARSE_ERROR:
		return TFS_EXIT_USAGE;
	}
	if (nargs > 0) {
		tfs_cli_usage_error(cmd->name, "unexpected argument '%s' (pricing "
		                               "reads no state)",
		                    args[0]);
		return TFS_EXIT_USAGE;
	}
	tfs_error_init(&err);
	if (path) {
		if (tfs_pricing_load(&loaded, path, &err) != 0)
			return tfs_cli_report(&err);
		table = loaded;
	}
	v.format = format;
	v.table = table;
	rc = tfs_cli_emit(output, S_render, &v);
	tfs_pricing_free(loaded);
	return rc;
}
