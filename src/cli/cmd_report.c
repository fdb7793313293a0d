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

/* One file of the report.  It is opened under a temporary name before it
 * is rendered, and the rendering streams into it; the renames happen only
 * when every file was written (S_finish), so a failed run leaves the
 * previous report whole and a large report never sits whole in memory. */
typedef struct {
	char *path;
	tfs_buf body;
	tfs_output out;
	bool opened;
	bool committed; /* flushed and closed, waiting for its rename */
	tfs_error err;  /* why the commit failed */
} S_file;

typedef struct {
	const char *dir;
	S_file *items;
	size_t count, cap;
	tfs_error err;
	bool failed; /* a file could not be opened: later ones are not */
} S_files;

/* Register file NAME and return its index in fs->items, whose body is the
 * buffer to render it into.  stream: its bytes go to the file as they
 * come; otherwise they stay in memory until S_finish (the diagram SVG,
 * which the page embeds).  After a failure, the body is a scratch buffer
 * that is never written. */
static size_t S_index(S_files *fs, const char *name, bool stream)
{
	S_file *f;

	tfs_grow(&fs->items, &fs->cap, fs->count + 1, sizeof(*fs->items));
	f = &fs->items[fs->count];
	memset(f, 0, sizeof(*f));
	{
		tfs_buf p;
		tfs_buf_init(&p);
		tfs_buf_addf(&p, "%s/%s", fs->dir, name);
		f->path = tfs_buf_detach(&p, NULL);
	}
	tfs_buf_init(&f->body);
	if (!fs->failed && tfs_output_open(&f->out, f->path, &fs->err) != 0)
		fs->failed = true;
	else if (!fs->failed) {
		f->opened = true;
		f->out.deferred = true;
		if (stream)
			tfs_buf_set_sink(&f->body, f->out.f);
	}
	return fs->count++;
}

/* Flush, sync and close f (on the thread that rendered it: the syncs of
 * the files overlap); false with f->err set when that failed, and the
 * temporary file is then gone. */
static bool S_commit(S_file *f)
{
	if (!f->opened || f->committed)
		return true;
	tfs_error_init(&f->err);
	f->committed = true;
	if (tfs_output_commit(&f->out, &f->body, &f->err) != 0) {
		f->opened = false;
		return false;
	}
	return true;
}

/* Commit every file not committed yet, then rename them all; when one
 * cannot be written, none is renamed and every temporary file is removed.
 * (Renames that fail halfway for another reason, a disk yanked between two
 * of them, can still leave a mix: the files are renamed one by one.) */
static int S_finish(S_files *fs)
{
	size_t i;
	int rc = TFS_EXIT_OK;

	if (fs->failed)
		rc = tfs_cli_report(&fs->err);
	for (i = 0; i < fs->count; i++) {
		S_file *f = &fs->items[i];
		bool ok = f->committed ? f->opened : S_commit(f);
		if (!ok && f->committed && rc == TFS_EXIT_OK)
			rc = tfs_cli_report(&f->err);
	}
	/* A rename fails when a directory stands in its way: find that before
	 * renaming anything, so no file of the previous report is replaced. */
	for (i = 0; i < fs->count && rc == TFS_EXIT_OK; i++) {
		struct stat sb;
		if (stat(fs->items[i].path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			tfs_error_set(&fs->err, TFS_EXIT_OUTPUT, fs->items[i].path, 0,
			              0, NULL, "cannot write: a directory is in the "
			                       "way");
			rc = tfs_cli_report(&fs->err);
		}
	}
	for (i = 0; i < fs->count; i++) {
		S_file *f = &fs->items[i];
		if (!f->opened)
			continue;
		if (rc != TFS_EXIT_OK)
			tfs_output_abandon(&f->out);
		else if (tfs_output_publish(&f->out, &fs->err) != 0)
			rc = tfs_cli_report(&fs->err);
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

/* ---- rendering ---------------------------------------------------------- */

typedef enum {
	S_COST_JSON,
	S_DIAGRAM, /* the stack's SVG and PNG */
	S_CHECKS_JSON,
	S_COST_CSV,
	S_SUMMARY,
	S_HTML, /* embeds the diagrams: in the second round */
	S_CSS
} S_what;

typedef struct {
	S_what what;
	size_t stack;  /* S_DIAGRAM */
	tfs_buf *out;  /* the file's buffer; S_DIAGRAM: the SVG */
	tfs_buf *out2; /* S_DIAGRAM: the PNG */
	S_file *done;  /* committed when rendered (the SVG waits for the page) */
} S_task;

/* The analyses the renderers read, never write. */
typedef struct {
	const tfs_report *report;
	tfs_model **models;
	tfs_cost **costs;
	tfs_checks **checks;
	size_t count;
	char **svgs; /* per stack: the diagram SVG, for the page */
	const char *source_date_epoch;
	S_task *tasks;
} S_render;

static void S_render_one(void *ctx, size_t i)
{
	const S_render *r = ctx;
	const S_task *t = &r->tasks[i];
	tfs_cost_set cs;
	tfs_check_set ks;

	memset(&cs, 0, sizeof(cs));
	cs.items = r->costs;
	cs.count = r->count;
	cs.rollups = r->report->rollups;
	memset(&ks, 0, sizeof(ks));
	ks.items = r->checks;
	ks.count = r->count;
	ks.tool_version = TFSIGHT_VERSION;
	switch (t->what) {
	case S_COST_JSON:
		tfs_render_cost_json(&cs, r->source_date_epoch, t->out);
		break;
	case S_DIAGRAM: {
		tfs_diagram_options dgo;
		tfs_diagram *dg;
		unsigned *failed = tfs_checks_failed_per_node(r->checks[t->stack]);

		tfs_diagram_options_init(&dgo);
		dgo.cost = r->costs[t->stack];
		dgo.failed = failed;
		dg = tfs_diagram_layout(r->models[t->stack], &dgo);
		tfs_cli_check_layout(dg);
		tfs_diagram_render_svg(dg, 0, t->out);
		tfs_diagram_render_png(dg, 0, 1.0, t->out2);
		r->svgs[t->stack] = t->out->data; /* this task's own slot */
		tfs_diagram_free(dg);
		free(failed);
		break;
	}
	case S_CHECKS_JSON:
		tfs_render_checks_json(&ks, t->out);
		break;
	case S_COST_CSV:
		tfs_render_cost_csv(&cs, t->out);
		break;
	case S_SUMMARY:
		tfs_render_report_markdown(r->report, t->out);
		break;
	case S_HTML:
		tfs_render_report_html(r->report, t->out);
		break;
	case S_CSS:
		tfs_render_report_css(t->out);
		break;
	}
	if (t->done)
		(void)S_commit(t->done); /* S_finish reports a failure */
}

/* Open every file, then render them in two rounds: everything the page
 * does not embed (the largest first, so the threads finish together),
 * then the page and its stylesheet. */
static void S_render_all(S_render *r, S_files *fs, char *const *stems,
                         bool external_css, int jobs)
{
	S_task *t = xcalloc(2 * r->count + 7, sizeof(*t));
	size_t n = 0, first_round, i;
	size_t *idx = xcalloc(2 * r->count + 7, sizeof(*idx));
	char name[300];

	/* register first: S_add moves the buffers while fs grows */
	t[n].what = S_COST_JSON;
	idx[n++] = S_index(fs, "cost.json", true);
	for (i = 0; i < r->count; i++) {
		t[n].what = S_DIAGRAM;
		t[n].stack = i;
		if (i == 0)
			snprintf(name, sizeof(name), "diagram.svg");
		else
			snprintf(name, sizeof(name), "diagram-%s.svg", stems[i]);
		idx[n++] = S_index(fs, name, false);
		if (i == 0)
			snprintf(name, sizeof(name), "diagram.png");
		else
			snprintf(name, sizeof(name), "diagram-%s.png", stems[i]);
		(void)S_index(fs, name, true); /* the PNG follows its SVG */
	}
	t[n].what = S_CHECKS_JSON;
	idx[n++] = S_index(fs, "checks.json", true);
	t[n].what = S_COST_CSV;
	idx[n++] = S_index(fs, "cost.csv", true);
	t[n].what = S_SUMMARY;
	idx[n++] = S_index(fs, "summary.md", true);
	first_round = n;
	t[n].what = S_HTML;
	idx[n++] = S_index(fs, "index.html", true);
	if (external_css) {
		t[n].what = S_CSS;
		idx[n++] = S_index(fs, "report.css", true);
	}
	for (i = 0; i < n; i++) {
		t[i].out = &fs->items[idx[i]].body;
		t[i].done = &fs->items[idx[i]];
		if (t[i].what == S_DIAGRAM) {
			t[i].out2 = &fs->items[idx[i] + 1].body;
			t[i].done = &fs->items[idx[i] + 1];
		}
	}
	r->tasks = t;
	tfs_parallel_for(first_round, jobs, S_render_one, r);
	tfs_diagram_release_caches();
	r->tasks = t + first_round;
	tfs_parallel_for(n - first_round, jobs, S_render_one, r);
	free(idx);
	free(t);
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
		TFS_OPT_ROLLUP_TAGS(&project_tag, &owner_tag),
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
	if (S_mkdirs(dir) != 0) {
		tfs_error_set(&err, TFS_EXIT_OUTPUT, dir, 0, 0, NULL,
		              "cannot create the directory: %s", strerror(errno));
		rc = tfs_cli_report(&err);
		goto out_analyses;
	}
	files.dir = dir;
	tfs_error_init(&files.err);

	tfs_report_options_init(&ropt);
	ropt.title = title;
	ropt.pricing = pricing;
	ropt.usage = usage;
	ropt.usage_name = usage_path;
	ropt.baseline = diff;
	ropt.baseline_name = baseline_path;
	ropt.project_tag = project_tag;
	ropt.owner_tag = owner_tag;
	ropt.diagram_svg = (const char *const *)svgs; /* filled below */
	ropt.css_href = external_css ? "report.css" : NULL;
	ropt.generated = date ? tfs_source_date(datebuf, sizeof(datebuf)) : NULL;
	ropt.tool_version = TFSIGHT_VERSION;
	report = tfs_report_build(stacks, in.count, &ropt);

	/* every file, rendered on the threads -j allows */
	{
		S_render r;
		memset(&r, 0, sizeof(r));
		r.report = report;
		r.models = models;
		r.costs = costs;
		r.checks = checks;
		r.count = in.count;
		r.svgs = svgs;
		r.source_date_epoch = getenv("SOURCE_DATE_EPOCH");
		S_render_all(&r, &files, stems, external_css, jobs);
	}
	rc = S_finish(&files);
	if (rc == TFS_EXIT_OK)
		fprintf(stderr, "tfsight: wrote %s/index.html and %zu more files\n",
		        dir, files.count - 1);

	tfs_report_free(report);
	S_files_free(&files);
out_analyses:
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
