/* cmd_diagram.c - `tfsight diagram`: the architecture as a PNG, SVG or PDF
 * drawn with cairo, or as Graphviz DOT. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "tfsight/check.h"
#include "tfsight/diagram.h"

static const char *const FORMATS[] = {"png", "svg", "pdf", "dot", NULL};

/* The format -o's extension names, or NULL. */
static const char *S_format_of(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	if (!dot || strchr(dot, '/'))
		return NULL;
	if (strcmp(dot, ".png") == 0)
		return "png";
	if (strcmp(dot, ".svg") == 0)
		return "svg";
	if (strcmp(dot, ".pdf") == 0)
		return "pdf";
	if (strcmp(dot, ".dot") == 0 || strcmp(dot, ".gv") == 0)
		return "dot";
	return NULL;
}

/* "out.png", page 3 "webapp-vpc" -> "out-3-webapp-vpc.png". */
static char *S_page_path(const char *path, size_t page, const char *name)
{
	const char *dot = strrchr(path, '.');
	tfs_buf b;

	tfs_buf_init(&b);
	tfs_buf_add(&b, path, (size_t)(dot - path));
	tfs_buf_addf(&b, "-%zu-%s%s", page + 1, name, dot);
	return tfs_buf_detach(&b, NULL);
}

/* The date the title block shows: SOURCE_DATE_EPOCH when set (so builds
 * are reproducible), else today, in UTC. */
typedef struct {
	const tfs_diagram *d;
	const char *format;
	size_t page;
	double scale;
} S_view;

static void S_render(const void *ctx, tfs_buf *out)
{
	const S_view *v = ctx;
	if (strcmp(v->format, "svg") == 0)
		tfs_diagram_render_svg(v->d, v->page, out);
	else if (strcmp(v->format, "png") == 0)
		tfs_diagram_render_png(v->d, v->page, v->scale, out);
	else if (strcmp(v->format, "pdf") == 0)
		tfs_diagram_render_pdf(v->d, out);
	else
		tfs_diagram_render_dot(v->d, out);
}

/* Write the diagram: one file, or for PNG and SVG one file per page. */
static int S_write(const tfs_diagram *d, const char *format, const char *output,
                   double scale)
{
	S_view v = {d, format, 0, scale};
	bool per_page = strcmp(format, "png") == 0 || strcmp(format, "svg") == 0;
	bool to_stdout = !output || strcmp(output, "-") == 0;
	int rc;
	size_t i;

	rc = tfs_cli_emit(to_stdout ? NULL : output, S_render, &v);
	if (rc != TFS_EXIT_OK || !per_page || d->npages < 2)
		return rc;
	if (to_stdout) {
		fprintf(stderr, "tfsight: warning: the diagram has %zu pages; standard "
		                "output got the first (use -o FILE for all)\n",
		        d->npages);
		return rc;
	}
	for (i = 1; i < d->npages && rc == TFS_EXIT_OK; i++) {
		char *path = S_page_path(output, i, d->pages[i].name);
		v.page = i;
		rc = tfs_cli_emit(path, S_render, &v);
		free(path);
	}
	return rc;
}

void tfs_cli_check_layout(const tfs_diagram *d)
{
	tfs_buf where;

	tfs_buf_init(&where);
	if (tfs_diagram_check_where(d, &where))
		fprintf(stderr, "tfsight: warning: the diagram breaks one of its "
		                "own layout rules, %s (a bug in tfsight: please "
		                "report it, with the input if you can)\n",
		        where.data);
	tfs_buf_release(&where);
}

int cmd_diagram(int argc, char **argv, const tfs_command *cmd)
{
	const char *format = NULL, *output = NULL, *usage_path = NULL;
	const char *pricing_path = NULL, *only_env = NULL, *title = NULL;
	const char *scale_text = NULL;
	const char *region = TFS_DEFAULT_REGION;
	const char *jobs_text = NULL;
	int jobs;
	bool costs = false, findings = false, date = false;
	tfs_env_options env = {0};
	const tfs_option opts[] = {
		TFS_OPT_FORMAT(&format, FORMATS),
		{TFS_OPT_STRING, 'o', "output", "FILE",
		 "write to FILE (png/svg/pdf/dot; the format follows its extension); "
		 "svg and dot may go to standard output",
		 &output, NULL},
		{TFS_OPT_FLAG, 0, "costs", NULL,
		 "show the monthly cost on every box and the total in the legend",
		 &costs, NULL},
		{TFS_OPT_STRING, 'u', "usage", "FILE",
		 "usage figures for --costs (infracost-usage.yml layout)",
		 &usage_path, NULL},
		{TFS_OPT_STRING, 0, "pricing", "FILE",
		 "a price table for --costs instead of the bundled one",
		 &pricing_path, NULL},
		{TFS_OPT_FLAG, 0, "findings", NULL,
		 "mark resources with failed checks", &findings, NULL},
		{TFS_OPT_STRING, 0, "env", "ENV",
		 "draw only the resources of this environment", &only_env, NULL},
		{TFS_OPT_STRING, 0, "title", "TEXT",
		 "title of the diagram (default: the input's file name)", &title,
		 NULL},
		{TFS_OPT_FLAG, 0, "date", NULL,
		 "print the date in the title block (SOURCE_DATE_EPOCH, else today)",
		 &date, NULL},
		{TFS_OPT_STRING, 0, "scale", "N",
		 "PNG pixels per point, 1 to 4 (default 2)", &scale_text, NULL},
		TFS_OPT_REGION(&region),
		TFS_OPT_JOBS(&jobs_text),
		TFS_OPT_ENV(&env),
		TFS_OPT_TABLE_END,
	};
	const tfs_pricing *table = tfs_pricing_bundled();
	tfs_pricing *loaded = NULL;
	tfs_usage *usage = NULL;
	tfs_model_options mopt;
	tfs_check_options copt;
	tfs_analysis_options aopt;
	tfs_analysis an;
	unsigned **failed = NULL;
	tfs_diagram_options dopt;
	tfs_diagram *d;
	tfs_inputs in;
	tfs_error err;
	char **files, datebuf[32];
	int nfiles, rc;
	double scale = 2;
	size_t i;

	if ((rc = tfs_cli_parse_files(cmd, opts, argc, argv, &files, &nfiles)) >= 0)
		return rc;
	if ((jobs = tfs_cli_jobs(cmd, jobs_text)) < 0)
		return TFS_EXIT_USAGE;
	if (!format)
		format = S_format_of(output);
	if (!format) {
		if (output && strcmp(output, "-") != 0)
			tfs_cli_usage_error(cmd->name, "cannot tell the format of '%s': "
			                               "use --format png|svg|pdf|dot",
			                    output);
		else
			tfs_cli_usage_error(cmd->name, "give -o FILE, or --format svg|dot "
			                               "for standard output");
		return TFS_EXIT_USAGE;
	}
	if ((!output || strcmp(output, "-") == 0) &&
	    (strcmp(format, "png") == 0 || strcmp(format, "pdf") == 0)) {
		tfs_cli_usage_error(cmd->name, "%s output needs -o FILE", format);
		return TFS_EXIT_USAGE;
	}
	if (scale_text) {
		char *end;
		scale = strtod(scale_text, &end);
		if (*end || !(scale >= 1 && scale <= 4)) {
			tfs_cli_usage_error(cmd->name, "--scale takes a number from 1 to 4");
			return TFS_EXIT_USAGE;
		}
	}
	if ((usage_path || pricing_path) && !costs) {
		tfs_cli_usage_error(cmd->name, "--usage and --pricing go with --costs");
		return TFS_EXIT_USAGE;
	}
	tfs_error_init(&err);
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
	if (findings && tfs_check_config_validate(env.config, &err) != 0) {
		rc = tfs_cli_report(&err);
		tfs_inputs_release(&in);
		goto out_settings;
	}
	tfs_check_options_init(&copt);
	copt.config = env.config;
	memset(&aopt, 0, sizeof(aopt));
	aopt.model = &mopt;
	aopt.pricing = costs ? table : NULL;
	aopt.usage = usage;
	aopt.checks = findings ? &copt : NULL;
	aopt.jobs = jobs;
	tfs_analyse(&an, &in, &aopt);
	failed = xcalloc(in.count, sizeof(*failed));
	for (i = 0; findings && i < in.count; i++)
		failed[i] = tfs_checks_failed_per_node(an.checks[i]);
	tfs_diagram_options_init(&dopt);
	dopt.environment = only_env;
	dopt.title = title;
	dopt.date = date ? tfs_source_date(datebuf, sizeof(datebuf)) : NULL;
	d = tfs_diagram_layout_many((const tfs_model *const *)an.models,
	                            (const tfs_cost *const *)an.costs,
	                            (const unsigned *const *)failed, in.count,
	                            &dopt);
	if (strcmp(format, "dot") != 0) /* DOT has no geometry */
		tfs_cli_check_layout(d);
	rc = S_write(d, format, output, scale);
	tfs_diagram_free(d);
	tfs_diagram_release_caches();
	for (i = 0; i < in.count; i++)
		free(failed[i]);
	free(failed);
	tfs_analysis_release(&an);
	tfs_inputs_release(&in);
out_settings:
	tfs_env_options_release(&env);
	tfs_usage_free(usage);
	tfs_pricing_free(loaded);
	return rc;
}
