/* cmd_report.c - `tfsight report`: the page people bring to the monthly
 * cost review, and the files beside it, written all or nothing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "cli.h"
#include "tfsight/config.h"
#include "tfsight/diagram.h"
#include "tfsight/render.h"

/* One file of the report, rendered in memory before any is written. */
typedef struct {
	char *path;
	tfs_buf body;
	tfs_output out;
} S_file;

typedef struct {
	S_file *items;
	size_t count, cap;
} S_files;

static tfs_buf *S_add(S_files *fs, const char *dir, const char *name)
{
	S_file *f;

	tfs_grow(&fs->items, &fs->cap, fs->count + 1, sizeof(*fs->items));
	f = &fs->items[fs->count++];
	memset(f, 0, sizeof(*f));
	{
		tfs_buf p;
		tfs_buf_init(&p);
		tfs_buf_addf(&p, "%s/%s", dir, name);
		f->path = tfs_buf_detach(&p, NULL);
	}
	tfs_buf_init(&f->body);
	return &f->body;
}

/* Every file to a temporary name, then every rename; when one cannot be
 * written, none is renamed and the previous report stays whole. */
static int S_write_all(S_files *fs)
{
	tfs_error err;
	size_t i, opened = 0;
	int rc = TFS_EXIT_OK;

	tfs_error_init(&err);
	for (i = 0; i < fs->count && rc == TFS_EXIT_OK; i++) {
		S_file *f = &fs->items[i];
		if (tfs_output_open(&f->out, f->path, &err) != 0) {
			rc = tfs_cli_report(&err);
			break;
		}
		opened++;
		f->out.deferred = true;
		if (tfs_output_commit(&f->out, &f->body, &err) != 0)
			rc = tfs_cli_report(&err);
	}
	for (i = 0; i < opened; i++) {
		if (rc != TFS_EXIT_OK)
			tfs_output_abandon(&fs->items[i].out);
		else if (tfs_output_publish(&fs->items[i].out, &err) != 0)
			rc = tfs_cli_report(&err);
	}
	return rc;
}

static void S_files_free(S_files *fs)
{
	size_t i;
	for (i = 0; i < fs->count; i++) {
		free(fs->items[i].path);
		tfs_buf_release(&fs->items[i].body);
	}
	free(fs->items);
}

/* "examples/webapp-prod.tfstate" -> "webapp-prod". */
static char *S_stem(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *dot;
	size_t n;

	base = base ? base + 1 : path;
	if (strcmp(path, "-") == 0)
		base = "stdin";
	dot = strrchr(base, '.');
	n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	{
		tfs_buf b;
		tfs_buf_init(&b);
		tfs_buf_add(&b, base, n);
		if (!b.len)
			tfs_buf_adds(&b, "stack");
		return tfs_buf_detach(&b, NULL);
	}
}

/* A directory name from a title or the stems: letters, digits, - and _;
 * several stems give their common prefix ("webapp-dev" + "webapp-prod"
 * -> "webapp"). */
static char *S_slug(const char *title, char *const *stems, size_t n)
{
	tfs_buf b;
	size_t len, i, k;
	const char *src = title ? title : stems[0];

	len = strlen(src);
	if (!title)
		for (i = 1; i < n; i++) {
			for (k = 0; k < len && stems[i][k] == src[k]; k++)
				;
			len = k;
		}
	tfs_buf_init(&b);
	for (i = 0; i < len; i++) {
		char c = src[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		          (c >= '0' && c <= '9') || c == '-' || c == '_';
		if (ok)
			tfs_buf_addc(&b, c);
		else if (b.len && b.data[b.len - 1] != '-')
			tfs_buf_addc(&b, '-');
	}
	while (b.len && (b.data[b.len - 1] == '-' || b.data[b.len - 1] == '_'))
		tfs_buf_truncate(&b, b.len - 1);
	if (!b.len)
		tfs_buf_adds(&b, "stacks");
	return tfs_buf_detach(&b, NULL);
}

static int S_mkdirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (mkdir(p, 0755) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* The baseline: a state (raw, show -json, a plan) or a saved estimate. */
typedef struct {
	tfs_state *state;
	tfs_inventory *inv;
	tfs_model *model;
	tfs_cost *cost;
	tfs_diff_saved *saved;
} S_baseline;

static int S_baseline_load(S_baseline *b, const char *path, const char *region,
                           const tfs_model_options *mopt,
                           const tfs_pricing *pricing, const tfs_usage *usage,
                           const char *project_tag, const char *owner_tag,
                           tfs_error *err)
{
	tfs_buf text;
	json_t *root;
	int rc = -1;

	memset(b, 0, sizeof(*b));
	tfs_buf_init(&text);
	if (!tfs_read_file(path, path, (size_t)1 << 31, "a state or a saved "
	                   "estimate", &text, err)) {
		tfs_buf_release(&text);
		return -1;
	}
	root = json_loadb(text.data, text.len, 0, NULL);
	if (root && tfs_diff_is_estimate(root)) {
		rc = tfs_diff_saved_read(&b->saved, path, root, project_tag,
		                         owner_tag, err);
	} else {
		json_decref(root);
		if (tfs_state_load_buffer(&b->state, path, text.data, text.len,
		                          err) == 0) {
			b->inv = tfs_inventory_build(b->state, region);
			b->model = tfs_model_build(b->state, b->inv, mopt);
			b->cost = tfs_cost_estimate(b->model, pricing, usage);
			rc = 0;
		}
	}
	tfs_buf_release(&text);
	return rc;
}

static void S_baseline_free(S_baseline *b)
{
	tfs_cost_free(b->cost);
	tfs_model_free(b->model);
	tfs_inventory_free(b->inv);
	tfs_state_free(b->state);
	tfs_diff_saved_free(b->saved);
}

int cmd_report(int argc, char **argv, const tfs_command *cmd)
{
	const char *out_dir = NULL, *usage_path = NULL, *title = NULL;
	const char *baseline_path = NULL, *region = TFS_DEFAULT_REGION;
	const char *jobs_text = NULL;
	int jobs;
	const char *project_tag = "Project", *owner_tag = "Owner";
	bool external_css = false, date = false;
	tfs_env_options env = {0};
	const tfs_option opts[] = {
		{TFS_OPT_STRING, 'O', "out", "DIR",
		 "write the report here (default reports/NAME, NAME from --title "
		 "or the file names)",
		 &out_dir, NULL},
		{TFS_OPT_STRING, 'u', "usage", "FILE",
		 "usage figures (Infracost's infracost-usage.yml layout)",
		 &usage_path, NULL},
		{TFS_OPT_STRING, 't', "title", "TEXT", "the report's title", &title,
		 NULL},
		{TFS_OPT_STRING, 'b', "baseline", "FILE",
		 "last month's state or cost.json: adds the change since then",
		 &baseline_path, NULL},
		{TFS_OPT_FLAG, 0, "external-css", NULL,
		 "link report.css instead of inline CSS (strict CSPs, e.g. "
		 "Jenkins)",
		 &external_css, NULL},
		{TFS_OPT_FLAG, 0, "date", NULL,
		 "print the date (SOURCE_DATE_EPOCH, else today) on the report",
		 &date, NULL},
		{TFS_OPT_STRING, 0, "project-tag", "KEY",
		 "tag key of the project roll-up (default Project)", &project_tag,
		 NULL},
		{TFS_OPT_STRING, 0, "owner-tag", "KEY",
		 "tag key of the owner roll-up (default Owner)", &owner_tag, NULL},
		TFS_OPT_REGION(&region),
		TFS_OPT_JOBS(&jobs_text),
		TFS_OPT_ENV(&env),
		TFS_OPT_TABLE_END,
	};
	const tfs_pricing *pricing = tfs_pricing_bundled();
	tfs_usage *usage = NULL;
	tfs_model_options mopt;
	tfs_check_options copt;
	tfs_report_options ropt;
	tfs_report_stack *stacks = NULL;
	tfs_analysis_options aopt;
	tfs_analysis an = {0};
	tfs_model **models;
	tfs_cost **costs;
	tfs_checks **checks;
	char **stems = NULL, **svgs = NULL, *slug = NULL, *dir = NULL;
	S_baseline base;
	tfs_diff *diff = NULL;
	tfs_report *report = NULL;
	S_files files;
	tfs_inputs in;
	tfs_error err;
	char **paths, datebuf[16];
	int npaths, rc;
	size_t i;

	memset(&files, 0, sizeof(files));
	memset(&base, 0, sizeof(base));
	if ((rc = tfs_cli_parse_files(cmd, opts, argc, argv, &paths, &npaths)) >= 0)
		return rc;
	if ((jobs = tfs_cli_jobs(cmd, jobs_text)) < 0)
		return TFS_EXIT_USAGE;
	if (baseline_path && npaths > 1) {
		tfs_cli_usage_error(cmd->name, "--baseline compares one stack: give "
		                               "one FILE with it");
		return TFS_EXIT_USAGE;
	}
	tfs_error_init(&err);
	if ((rc = tfs_env_options_apply(cmd, &env, &mopt)) >= 0)
		goto out_settings;
	if (tfs_check_config_validate(env.config, &err) != 0 ||
	    (usage_path && tfs_usage_load(&usage, usage_path, &err) != 0) ||
	    tfs_inputs_load(&in, paths, npaths, region, jobs, &err) != 0) {
		rc = tfs_cli_report(&err);
		goto out_settings;
	}
	if (baseline_path &&
	    S_baseline_load(&base, baseline_path, region, &mopt, pricing, usage,
	                    project_tag, owner_tag, &err) != 0) {
		rc = tfs_cli_report(&err);
		goto out_inputs;
	}

	/* analyses */
	tfs_check_options_init(&copt);
	copt.config = env.config;
	memset(&aopt, 0, sizeof(aopt));
	aopt.model = &mopt;
	aopt.pricing = pricing;
	aopt.usage = usage;
	aopt.checks = &copt;
	aopt.jobs = jobs;
	tfs_analyse(&an, &in, &aopt);
	models = an.models;
	costs = an.costs;
	checks = an.checks;
	stems = xcalloc(in.count, sizeof(*stems));
	svgs = xcalloc(in.count + 1, sizeof(*svgs));
	stacks = xcalloc(in.count, sizeof(*stacks));
	for (i = 0; i < in.count; i++) {
		stems[i] = S_stem(paths[i]);
		stacks[i].model = models[i];
		stacks[i].cost = costs[i];
		stacks[i].checks = checks[i];
		stacks[i].name = stems[i];
	}
	if (baseline_path) {
		tfs_diff_side bs, hs;
		tfs_diff_options dopt;
		memset(&bs, 0, sizeof(bs));
		memset(&hs, 0, sizeof(hs));
		bs.cost = base.cost;
		if (base.saved) {
			bs.items = base.saved->items;
			bs.nitems = base.saved->count;
		}
		hs.cost = costs[0];
		tfs_diff_options_init(&dopt);
		dopt.project_tag = project_tag;
		dopt.owner_tag = owner_tag;
		diff = tfs_diff_build(&bs, &hs, &dopt);
	}
	slug = S_slug(title, stems, in.count);
	if (out_dir) {
		dir = xstrdup(out_dir);
	} else {
		tfs_buf d;
		tfs_buf_init(&d);
		tfs_buf_addf(&d, "reports/%s", slug);
		dir = tfs_buf_detach(&d, NULL);
	}

	/* the diagrams, one per stack: files and the page's inline SVG */
	for (i = 0; i < in.count; i++) {
		tfs_diagram_options dgo;
		tfs_diagram *dg;
		unsigned *failed = tfs_checks_failed_per_node(checks[i]);
		tfs_buf *svg, *png;
		char name[300];

		tfs_diagram_options_init(&dgo);
		dgo.cost = costs[i];
		dgo.failed = failed;
		dg = tfs_diagram_layout(models[i], &dgo);
		if (i == 0) {
			svg = S_add(&files, dir, "diagram.svg");
			png = S_add(&files, dir, "diagram.png");
		} else {
			snprintf(name, sizeof(name), "diagram-%s.svg", stems[i]);
			svg = S_add(&files, dir, name);
			snprintf(name, sizeof(name), "diagram-%s.png", stems[i]);
			png = S_add(&files, dir, name);
		}
		tfs_diagram_render_svg(dg, 0, svg);
		tfs_diagram_render_png(dg, 0, 1.0, png);
		svgs[i] = svg->data;
		tfs_diagram_free(dg);
		free(failed);
	}
	tfs_diagram_release_caches();

	tfs_report_options_init(&ropt);
	ropt.title = title;
	ropt.pricing = pricing;
	ropt.usage = usage;
	ropt.usage_name = usage_path;
	ropt.baseline = diff;
	ropt.baseline_name = baseline_path;
	ropt.project_tag = project_tag;
	ropt.owner_tag = owner_tag;
	ropt.diagram_svg = (const char *const *)svgs;
	ropt.css_href = external_css ? "report.css" : NULL;
	ropt.generated = date ? tfs_source_date(datebuf, sizeof(datebuf)) : NULL;
	ropt.tool_version = TFSIGHT_VERSION;
	report = tfs_report_build(stacks, in.count, &ropt);

	tfs_render_report_html(report, S_add(&files, dir, "index.html"));
	if (external_css)
		tfs_render_report_css(S_add(&files, dir, "report.css"));
	tfs_render_report_markdown(report, S_add(&files, dir, "summary.md"));
	{
		tfs_cost_set cs;
		tfs_check_set ks;
		memset(&cs, 0, sizeof(cs));
		cs.items = costs;
		cs.count = in.count;
		cs.rollups = report->rollups;
		tfs_render_cost_json(&cs, getenv("SOURCE_DATE_EPOCH"),
		                     S_add(&files, dir, "cost.json"));
		tfs_render_cost_csv(&cs, S_add(&files, dir, "cost.csv"));
		ks.items = checks;
		ks.count = in.count;
		ks.tool_version = TFSIGHT_VERSION;
		tfs_render_checks_json(&ks, S_add(&files, dir, "checks.json"));
	}
	if (S_mkdirs(dir) != 0) {
		tfs_error_set(&err, TFS_EXIT_OUTPUT, dir, 0, 0, NULL,
		              "cannot create the directory: %s", strerror(errno));
		rc = tfs_cli_report(&err);
	} else {
		rc = S_write_all(&files);
	}
	if (rc == TFS_EXIT_OK)
		fprintf(stderr, "tfsight: wrote %s/index.html and %zu more files\n",
		        dir, files.count - 1);

	tfs_report_free(report);
	S_files_free(&files);
	tfs_diff_free(diff);
	for (i = 0; i < in.count; i++)
		free(stems[i]);
	tfs_analysis_release(&an);
	free(stacks);
	free(svgs);
	free(stems);
	free(slug);
	free(dir);
out_inputs:
	S_baseline_free(&base);
	tfs_inputs_release(&in);
out_settings:
	tfs_env_options_release(&env);
	tfs_usage_free(usage);
	return rc;
}
