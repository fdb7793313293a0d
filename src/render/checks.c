/* checks.c - `tfsight check` for people (the seeds' checklist filled in,
 * each line with its evidence) and for machines (tfsight's JSON), and the
 * catalogue (`--list`) as a table, Markdown (docs/checks.md) or JSON. */
#include <stdio.h>
#include <string.h>

#include "tfsight/render.h"

/* The box in front of a checklist line. */
static const char *S_box(tfs_status s)
{
	switch (s) {
	case TFS_STATUS_FAIL:
		return "[ ]";
	case TFS_STATUS_UNKNOWN:
		return "[?]";
	case TFS_STATUS_PASS:
		return "[x]";
	case TFS_STATUS_NA:
		return "[-]";
	case TFS_STATUS_UNDECIDABLE:
		return "[~]";
	}
	return "[ ]";
}

static void S_upper(tfs_buf *b, const char *s)
{
	for (; *s; s++)
		tfs_buf_addc(b, (char)(*s >= 'a' && *s <= 'z' ? *s - 32 : *s));
}

static void S_evidence(tfs_buf *out, const tfs_finding *f)
{
	if (!f->attribute)
		return;
	tfs_buf_adds(out, "  ");
	tfs_text_cell(out, f->attribute, 60);
	if (f->value) {
		tfs_buf_adds(out, " = ");
		tfs_text_cell(out, f->value, 60);
	}
}

static void S_finding_line(tfs_buf *out, const tfs_finding *f)
{
	tfs_buf_adds(out, "      ");
	if (f->status == TFS_STATUS_FAIL && f->waiver)
		tfs_buf_adds(out, "WAIVED ");
	else {
		S_upper(out, tfs_status_name(f->status));
		tfs_buf_addc(out, ' ');
	}
	tfs_text_cell(out, f->address ? f->address : "(stack)", 90);
	S_evidence(out, f);
	tfs_buf_adds(out, "\n        ");
	tfs_text_cell(out, f->message, 200);
	if (f->has_saving && !f->waiver) {
		tfs_buf_adds(out, " (saves ");
		tfs_money(out, f->monthly_saving);
		tfs_buf_adds(out, "/month)");
	}
	tfs_buf_addc(out, '\n');
	if (f->waiver) {
		tfs_buf_adds(out, "        waiver: ");
		tfs_text_cell(out, f->waiver, 200);
		tfs_buf_addc(out, '\n');
	}
}

static void S_counts(tfs_buf *out, const tfs_check_summary *s)
{
	static const tfs_status ORDER[] = {TFS_STATUS_PASS, TFS_STATUS_FAIL,
	                                   TFS_STATUS_UNKNOWN, TFS_STATUS_NA};
	const char *sep = "";
	size_t i;

	tfs_buf_adds(out, "      ");
	for (i = 0; i < sizeof(ORDER) / sizeof(ORDER[0]); i++) {
		if (!s->counts[ORDER[i]])
			continue;
		tfs_buf_addf(out, "%s%zu %s", sep, s->counts[ORDER[i]],
		             tfs_status_name(ORDER[i]));
		sep = ", ";
	}
	if (s->waived)
		tfs_buf_addf(out, "%s%zu waived", sep, s->waived);
	tfs_buf_addc(out, '\n');
}

static void S_summary_line(tfs_buf *out, const tfs_checks *c)
{
	size_t s;
	const char *sep = " (";

	tfs_buf_addf(out, "Score: %zu of %zu decided checks pass", c->checks_passed,
	             c->checks_decided);
	tfs_buf_addf(out, "; %zu failing finding%s",
	             c->counts[TFS_STATUS_FAIL] - c->waived,
	             c->counts[TFS_STATUS_FAIL] - c->waived == 1 ? "" : "s");
	for (s = TFS_SEV_COUNT; s-- > 0;) {
		if (!c->failed[s])
			continue;
		tfs_buf_addf(out, "%s%zu %s", sep, c->failed[s],
		             tfs_severity_name((tfs_severity)s));
		sep = ", ";
	}
	if (sep[0] == ',')
		tfs_buf_addc(out, ')');
	if (c->waived)
		tfs_buf_addf(out, ", %zu waived", c->waived);
	tfs_buf_addf(out, "; %zu unknown\n", c->counts[TFS_STATUS_UNKNOWN]);
	if (c->monthly_saving > 0) {
		tfs_buf_adds(out, "Savings found: ");
		tfs_money(out, c->monthly_saving);
		tfs_buf_adds(out, " a month\n");
	}
}

/* Environments of a stack, for its heading: "dev", "dev, prod", or none. */
static void S_envs(tfs_buf *out, const tfs_model *m)
{
	const char *seen[8];
	size_t n = 0, i, k;

	for (i = 0; i < m->nresources && n < 8; i++) {
		const char *e = m->nodes[i].environment;
		if (m->nodes[i].env_source == TFS_ENV_UNKNOWN)
			continue;
		for (k = 0; k < n && strcmp(seen[k], e) != 0; k++)
			;
		if (k == n)
			seen[n++] = e;
	}
	if (!n)
		return;
	tfs_buf_adds(out, " (environment ");
	for (k = 0; k < n; k++) {
		if (k)
			tfs_buf_adds(out, ", ");
		tfs_text_cell(out, seen[k], 30);
	}
	tfs_buf_addc(out, ')');
}

static void S_table_one(tfs_buf *out, const tfs_checks *c)
{
	int cat = -1;
	size_t i, k;

	tfs_buf_adds(out, "Checklist for ");
	tfs_text_cell(out, c->model->state->source, 120);
	S_envs(out, c->model);
	tfs_buf_addc(out, '\n');
	S_summary_line(out, c);
	for (i = 0; i < c->nsummary; i++) {
		const tfs_check_summary *s = &c->summary[i];
		const tfs_check_def *d = s->check;
		size_t shown = 0, more = 0;

		if ((int)d->category != cat) {
			cat = (int)d->category;
			tfs_buf_addf(out, "\n%s\n",
			             tfs_check_category_title(d->category));
		}
		tfs_buf_addf(out, "  %s %-28s %s", S_box(s->status), d->id,
		             d->title);
		tfs_buf_addf(out, " [%s]\n", tfs_severity_name(s->severity));
		if (s->status == TFS_STATUS_UNDECIDABLE) {
			tfs_buf_adds(out, "      not decidable from state: ");
			tfs_buf_adds(out, d->undecidable);
			tfs_buf_addc(out, '\n');
			continue;
		}
		/* failures, waivers and unknowns one by one, up to
		 * TFS_LIST_FINDINGS; passes and not-applicable as counts, or
		 * their one stack-level line */
		for (k = s->first; k < s->first + s->nfindings; k++) {
			const tfs_finding *f = &c->findings[k];
			if (f->status == TFS_STATUS_FAIL ||
			    f->status == TFS_STATUS_UNKNOWN ||
			    (!f->address && s->nfindings == 1)) {
				if (shown < TFS_LIST_FINDINGS)
					S_finding_line(out, f);
				else
					more++;
				shown++;
			}
		}
		if (more)
			tfs_buf_addf(out, "      ... and %zu more (all of them in "
			                  "`tfsight check --format json`)\n",
			             more);
		if (shown < s->nfindings || more)
			S_counts(out, s);
		if (s->status == TFS_STATUS_FAIL) {
			tfs_buf_adds(out, "      fix: ");
			tfs_buf_adds(out, d->remediation);
			tfs_buf_addc(out, '\n');
		}
	}
}

void tfs_render_checks_table(const tfs_check_set *set, tfs_buf *out)
{
	size_t i;
	for (i = 0; i < set->count; i++) {
		if (i)
			tfs_buf_addc(out, '\n');
		S_table_one(out, set->items[i]);
	}
}

/* ---- JSON ------------------------------------------------------------------ */

static void S_json_counts(tfs_jw *w, const size_t *counts)
{
	int s;
	tfs_jw_object_begin(w);
	for (s = 0; s < TFS_STATUS_COUNT; s++) {
		tfs_jw_key(w, tfs_status_name((tfs_status)s));
		tfs_jw_uint(w, counts[s]);
	}
	tfs_jw_object_end(w);
}

static void S_json_summary(tfs_jw *w, const tfs_checks *c)
{
	int s;

	tfs_jw_object_begin(w);
	tfs_jw_key(w, "checksPassed");
	tfs_jw_uint(w, c->checks_passed);
	tfs_jw_key(w, "checksDecided");
	tfs_jw_uint(w, c->checks_decided);
	tfs_jw_key(w, "findings");
	S_json_counts(w, c->counts);
	tfs_jw_key(w, "failedBySeverity");
	tfs_jw_object_begin(w);
	for (s = TFS_SEV_COUNT; s-- > 0;) {
		tfs_jw_key(w, tfs_severity_name((tfs_severity)s));
		tfs_jw_uint(w, c->failed[s]);
	}
	tfs_jw_object_end(w);
	tfs_jw_key(w, "waived");
	tfs_jw_uint(w, c->waived);
	tfs_jw_key(w, "monthlySaving");
	tfs_jw_decimal(w, c->monthly_saving);
	tfs_jw_object_end(w);
}

void tfs_jw_finding_fields(tfs_jw *w, const tfs_finding *f)
{
	tfs_jw_key(w, "status");
	tfs_jw_string(w, tfs_status_name(f->status));
	tfs_jw_key(w, "address");
	tfs_jw_string(w, f->address);
	tfs_jw_key(w, "environment");
	tfs_jw_string(w, f->environment);
	tfs_jw_key(w, "attribute");
	tfs_jw_string(w, f->attribute);
	tfs_jw_key(w, "value");
	tfs_jw_string(w, f->value);
	tfs_jw_key(w, "message");
	tfs_jw_string(w, f->message);
	if (f->waiver) {
		tfs_jw_key(w, "waiver");
		tfs_jw_string(w, f->waiver);
	}
	if (f->has_saving) {
		tfs_jw_key(w, "monthlySaving");
		tfs_jw_decimal(w, f->monthly_saving);
	}
}

static void S_json_def(tfs_jw *w, const tfs_check_def *d)
{
	tfs_jw_key(w, "id");
	tfs_jw_string(w, d->id);
	tfs_jw_key(w, "title");
	tfs_jw_string(w, d->title);
	tfs_jw_key(w, "category");
	tfs_jw_string(w, tfs_check_category_name(d->category));
	tfs_jw_key(w, "scope");
	tfs_jw_string(w, tfs_check_scope_name(d->scope));
	tfs_jw_key(w, "checklist");
	tfs_jw_string(w, d->checklist);
	tfs_jw_key(w, "references");
	tfs_jw_string(w, d->refs);
	tfs_jw_key(w, "remediation");
	tfs_jw_string(w, d->remediation);
	tfs_jw_key(w, "decidable");
	tfs_jw_bool(w, d->run != NULL);
	if (!d->run) {
		tfs_jw_key(w, "undecidableReason");
		tfs_jw_string(w, d->undecidable);
	}
}

void tfs_render_checks_json(const tfs_check_set *set, tfs_buf *out)
{
	tfs_jw w;
	size_t i, k, f;

	tfs_jw_init(&w, out);
	tfs_jw_object_begin(&w);
	tfs_jw_key(&w, "version");
	tfs_jw_string(&w, "1");
	tfs_jw_key(&w, "stacks");
	tfs_jw_array_begin(&w);
	for (i = 0; i < set->count; i++) {
		const tfs_checks *c = set->items[i];
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "source");
		tfs_jw_string(&w, c->model->state->source);
		tfs_jw_key(&w, "summary");
		S_json_summary(&w, c);
		tfs_jw_key(&w, "checks");
		tfs_jw_array_begin(&w);
		for (k = 0; k < c->nsummary; k++) {
			const tfs_check_summary *s = &c->summary[k];
			tfs_jw_object_begin(&w);
			S_json_def(&w, s->check);
			tfs_jw_key(&w, "severity");
			tfs_jw_string(&w, tfs_severity_name(s->severity));
			tfs_jw_key(&w, "status");
			tfs_jw_string(&w, tfs_status_name(s->status));
			tfs_jw_key(&w, "counts");
			S_json_counts(&w, s->counts);
			tfs_jw_key(&w, "waived");
			tfs_jw_uint(&w, s->waived);
			tfs_jw_key(&w, "findings");
			tfs_jw_array_begin(&w);
			for (f = s->first; f < s->first + s->nfindings; f++) {
				tfs_jw_object_begin(&w);
				tfs_jw_finding_fields(&w, &c->findings[f]);
				tfs_jw_object_end(&w);
			}
			tfs_jw_array_end(&w);
			tfs_jw_object_end(&w);
		}
		tfs_jw_array_end(&w);
		tfs_jw_object_end(&w);
	}
	tfs_jw_array_end(&w);
	tfs_jw_object_end(&w);
	tfs_buf_addc(out, '\n');
}

/* ---- the catalogue -------------------------------------------------------- */

static void S_list_table(tfs_buf *out)
{
	size_t i, n = tfs_check_count();
	int cat = -1;

	for (i = 0; i < n; i++) {
		const tfs_check_def *d = tfs_check_at(i);
		if ((int)d->category != cat) {
			cat = (int)d->category;
			tfs_buf_addf(out, "%s%s\n", i ? "\n" : "",
			             tfs_check_category_title(d->category));
		}
		tfs_buf_addf(out, "  %-28s %-8s %-8s %s%s\n", d->id,
		             tfs_severity_name(d->severity),
		             tfs_check_scope_name(d->scope), d->title,
		             d->run ? "" : " (not decidable from state)");
	}
	tfs_buf_addf(out, "\n%zu checks\n", n);
}

/* Markdown table cell: pipes escaped, nothing else needs it here (the
 * catalogue is our own text). */
static void S_md_cell(tfs_buf *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			tfs_buf_addc(out, '\\');
		tfs_buf_addc(out, *s);
	}
}

static void S_list_markdown(tfs_buf *out)
{
	size_t i, n = tfs_check_count();
	int cat = -1;

	tfs_buf_adds(out,
	             "# Checks\n\n"
	             "<!-- Generated by `tfsight check --list --format markdown`;"
	             " do not edit. -->\n\n"
	             "Every check `tfsight check` runs, in the order of the "
	             "seeds' Best Practices Checklist. Statuses are explained in "
	             "[cli.md](cli.md#check); thresholds, severity overrides and "
	             "waivers in [config.md](config.md). A scope of `prod` means "
	             "the check applies to production resources only, `non-prod` "
	             "the opposite.\n");
	for (i = 0; i < n; i++) {
		const tfs_check_def *d = tfs_check_at(i);
		if ((int)d->category != cat) {
			cat = (int)d->category;
			tfs_buf_addf(out, "\n## %s\n\n",
			             tfs_check_category_title(d->category));
			tfs_buf_adds(out, "| ID | Check | Severity | Scope | "
			                  "Checklist line | References | Fix |\n"
			                  "|---|---|---|---|---|---|---|\n");
		}
		tfs_buf_addf(out, "| `%s` | ", d->id);
		S_md_cell(out, d->title);
		if (!d->run) {
			tfs_buf_adds(out, " *(not decidable from state: ");
			S_md_cell(out, d->undecidable);
			tfs_buf_adds(out, ")*");
		}
		tfs_buf_addf(out, " | %s | %s | ", tfs_severity_name(d->severity),
		             tfs_check_scope_name(d->scope));
		S_md_cell(out, d->checklist);
		tfs_buf_adds(out, " | ");
		S_md_cell(out, d->refs);
		tfs_buf_adds(out, " | ");
		S_md_cell(out, d->remediation);
		tfs_buf_adds(out, " |\n");
	}
}

static void S_list_json(tfs_buf *out)
{
	size_t i, n = tfs_check_count();
	tfs_jw w;

	tfs_jw_init(&w, out);
	tfs_jw_object_begin(&w);
	tfs_jw_key(&w, "version");
	tfs_jw_string(&w, "1");
	tfs_jw_key(&w, "checks");
	tfs_jw_array_begin(&w);
	for (i = 0; i < n; i++) {
		const tfs_check_def *d = tfs_check_at(i);
		tfs_jw_object_begin(&w);
		S_json_def(&w, d);
		tfs_jw_key(&w, "severity");
		tfs_jw_string(&w, tfs_severity_name(d->severity));
		tfs_jw_object_end(&w);
	}
	tfs_jw_array_end(&w);
	tfs_jw_object_end(&w);
	tfs_buf_addc(out, '\n');
}

void tfs_render_check_catalogue(const char *format, tfs_buf *out)
{
	if (strcmp(format, "markdown") == 0)
		S_list_markdown(out);
	else if (strcmp(format, "json") == 0)
		S_list_json(out);
	else
		S_list_table(out);
}
