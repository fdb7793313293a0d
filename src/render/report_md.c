/* report_md.c - summary.md: the report's headline in Markdown, for a wiki
 * page, a chat message or a ticket: what the stacks cost, what drives it,
 * what is not production-ready and what to do first. */
#include <math.h>
#include <string.h>

#include "tfsight/render.h"

static void S_title(tfs_buf *out, const tfs_report *r)
{
	size_t i;

	tfs_buf_adds(out, "# ");
	if (r->opt.title) {
		tfs_md_escape(out, r->opt.title);
	} else {
		for (i = 0; i < r->nstacks; i++) {
			if (i)
				tfs_buf_adds(out, ", ");
			tfs_md_escape(out, r->stacks[i].name);
		}
	}
	tfs_buf_adds(out, ": monthly cost and checklist\n\n");
}

static void S_headline(tfs_buf *out, const tfs_report *r)
{
	const tfs_rollup *env = &r->rollups->by[0];
	const char *sep = " (";
	size_t i, shown = 0, nrest = 0;
	double rest = 0;
	int s;

	tfs_buf_adds(out, "**");
	tfs_money_short(out, r->total);
	tfs_buf_adds(out, " a month**");
	for (i = 0; i < env->count; i++) {
		if (env->lines[i].usd < 0.005)
			continue;
		if (shown++ >= TFS_LIST_SUMMARY) {
			nrest++;
			rest += env->lines[i].usd;
			continue;
		}
		tfs_buf_addf(out, "%s", sep);
		tfs_md_escape(out, env->lines[i].key);
		tfs_buf_adds(out, " ");
		tfs_money_short(out, env->lines[i].usd);
		sep = ", ";
	}
	if (nrest) {
		tfs_buf_addf(out, ", %zu more ", nrest);
		tfs_money_short(out, rest);
	}
	if (sep[0] == ',')
		tfs_buf_addc(out, ')');
	tfs_buf_adds(out, ", estimated from the bundled sa-east-1 price tables.\n\n");
	tfs_buf_addf(out, "- Checklist: %zu of %zu decided checks pass",
	             r->checks_passed, r->checks_decided);
	sep = "; failing: ";
	for (s = TFS_SEV_COUNT - 1; s >= 0; s--) {
		if (!r->failed[s])
			continue;
		tfs_buf_addf(out, "%s%zu %s", sep, r->failed[s],
		             tfs_severity_name((tfs_severity)s));
		sep = ", ";
	}
	tfs_buf_adds(out, ".\n");
	tfs_buf_addf(out, "- Resources: %zu estimated, %zu free, %zu not priced "
	                  "yet; %zu missing price%s, %zu usage-based component%s "
	                  "without usage.\n",
	             r->n_priced + r->n_no_price, r->n_free, r->n_unsupported,
	             r->missing_prices, r->missing_prices == 1 ? "" : "s",
	             r->pending_usage, r->pending_usage == 1 ? "" : "s");
	if (r->n_other_region || r->n_not_aws) {
		tfs_buf_adds(out, "- Not in the total: ");
		tfs_excluded_phrase(out, r->n_other_region, r->n_not_aws);
		tfs_buf_adds(out, " (the price tables are for sa-east-1 AWS "
		                  "only).\n");
	}
	if (r->nsavings) {
		tfs_buf_adds(out, "- Savings the checks found: ");
		tfs_money_short(out, r->savings_total);
		tfs_buf_adds(out, " a month.\n");
	}
	tfs_buf_addc(out, '\n');
}

static void S_rollup(tfs_buf *out, const tfs_rollup *ru, const char *title,
                     const char *column)
{
	size_t i;
	double rest = 0;

	tfs_buf_addf(out, "## Cost by %s\n\n| %s | Monthly |\n|---|--:|\n", title,
	             column);
	for (i = 0; i < ru->count; i++) {
		if (i >= TFS_LIST_SUMMARY) {
			rest += ru->lines[i].usd; /* dearest first: the rest */
			continue;
		}
		tfs_buf_adds(out, "| ");
		tfs_md_escape(out, ru->lines[i].key);
		tfs_buf_adds(out, " | ");
		tfs_money(out, ru->lines[i].usd);
		tfs_buf_adds(out, " |\n");
	}
	if (ru->count > TFS_LIST_SUMMARY) {
		tfs_buf_addf(out, "| … and %zu more (all of them in cost.csv) | ",
		             ru->count - TFS_LIST_SUMMARY);
		tfs_money(out, rest);
		tfs_buf_adds(out, " |\n");
	}
	tfs_buf_addc(out, '\n');
}

static void S_largest(tfs_buf *out, const tfs_report *r)
{
	size_t i;

	if (!r->nlargest)
		return;
	tfs_buf_adds(out, "## Largest resources\n\n| Resource | Type | Monthly "
	                  "|\n|---|---|--:|\n");
	for (i = 0; i < r->nlargest; i++) {
		const tfs_report_resource *l = &r->largest[i];
		tfs_buf_adds(out, "| ");
		if (r->nstacks > 1) {
			tfs_md_escape(out, r->stacks[l->stack].name);
			tfs_buf_adds(out, ": ");
		}
		tfs_md_escape(out, l->res->address);
		tfs_buf_adds(out, " | ");
		tfs_md_escape(out, l->res->type);
		tfs_buf_adds(out, " | ");
		tfs_money(out, l->res->monthly_cost);
		tfs_buf_adds(out, " |\n");
	}
	tfs_buf_addc(out, '\n');
}

static void S_finding(tfs_buf *out, const tfs_report *r, size_t stack,
                      const tfs_finding *f)
{
	tfs_buf_addf(out, "- **%s** %s ", tfs_severity_name(f->severity),
	             f->check->id);
	tfs_md_escape(out, f->check->title);
	tfs_buf_adds(out, ": ");
	if (r->nstacks > 1) {
		tfs_md_escape(out, r->stacks[stack].name);
		tfs_buf_adds(out, " ");
	}
	tfs_md_escape(out, f->address ? f->address : "the stack");
	if (f->attribute) {
		tfs_buf_adds(out, " (");
		tfs_md_escape(out, f->attribute);
		if (f->value) {
			tfs_buf_adds(out, " = ");
			tfs_md_escape(out, f->value);
		}
		tfs_buf_addc(out, ')');
	}
	tfs_buf_adds(out, ". ");
	tfs_md_escape(out, f->message);
	tfs_buf_addc(out, '\n');
}

static void S_savings(tfs_buf *out, const tfs_report *r)
{
	size_t i;
	double rest = 0;

	if (!r->nsavings)
		return;
	tfs_buf_adds(out, "## Savings opportunities\n\n| Saving a month | Check "
	                  "| Resource |\n|--:|---|---|\n");
	for (i = 0; i < r->nsavings; i++) {
		const tfs_finding *f = r->savings[i].finding;
		if (i >= TFS_LIST_SUMMARY) {
			rest += f->monthly_saving; /* largest first: the rest */
			continue;
		}
		tfs_buf_adds(out, "| ");
		tfs_money(out, f->monthly_saving);
		tfs_buf_addf(out, " | %s | ", f->check->id);
		if (r->nstacks > 1) {
			tfs_md_escape(out, r->stacks[r->savings[i].stack].name);
			tfs_buf_adds(out, ": ");
		}
		tfs_md_escape(out, f->address ? f->address : "the stack");
		tfs_buf_adds(out, " |\n");
	}
	if (r->nsavings > TFS_LIST_SUMMARY) {
		tfs_buf_adds(out, "| ");
		tfs_money(out, rest);
		tfs_buf_addf(out, " | … and %zu more | all of them in checks.json |\n",
		             r->nsavings - TFS_LIST_SUMMARY);
	}
	tfs_buf_addc(out, '\n');
}

/* Critical and high failures: what stands between the stack and
 * production. */
static void S_blockers(tfs_buf *out, const tfs_report *r)
{
	size_t i, k, shown = 0, total = 0;
	int sev;

	for (i = 0; i < r->nstacks; i++)
		total += r->stacks[i].checks->failed[TFS_SEV_CRITICAL] +
		         r->stacks[i].checks->failed[TFS_SEV_HIGH];
	tfs_buf_adds(out, "## Not production-ready: critical and high failures\n\n");
	if (!total) {
		tfs_buf_adds(out, "None.\n\n");
		return;
	}
	/* critical first, then high; each in checklist order */
	for (sev = TFS_SEV_CRITICAL; sev >= TFS_SEV_HIGH; sev--)
		for (i = 0; i < r->nstacks; i++) {
			const tfs_checks *c = r->stacks[i].checks;
			for (k = 0; k < c->count && shown < TFS_LIST_SUMMARY;
			     k++) {
				const tfs_finding *f = &c->findings[k];
				if (f->status == TFS_STATUS_FAIL && !f->waiver &&
				    (int)f->severity == sev) {
					S_finding(out, r, i, f);
					shown++;
				}
			}
		}
	if (shown < total)
		tfs_buf_addf(out, "- … and %zu more in index.html and checks.json\n",
		             total - shown);
	tfs_buf_addc(out, '\n');
}

static void S_baseline(tfs_buf *out, const tfs_report *r)
{
	const tfs_diff *d = r->opt.baseline;
	double delta;
	size_t i;

	if (!d)
		return;
	delta = d->head_total - d->base_total;
	tfs_buf_adds(out, "## Since ");
	tfs_md_escape(out, r->opt.baseline_name);
	tfs_buf_adds(out, "\n\n");
	if (fabs(delta) < 0.005) {
		tfs_buf_adds(out, "The monthly estimate is unchanged.");
	} else {
		tfs_buf_addf(out, "The monthly estimate %s by ",
		             delta > 0 ? "increased" : "decreased");
		tfs_money_short(out, fabs(delta));
		tfs_buf_adds(out, " (");
		tfs_money_short(out, d->base_total);
		tfs_buf_adds(out, " → ");
		tfs_money_short(out, d->head_total);
		tfs_buf_adds(out, ").");
	}
	tfs_buf_addf(out, " %zu resources added, %zu removed, %zu changed.\n\n",
	             d->added, d->removed, d->changed);
	for (i = 0; i < r->nmovers_up + r->nmovers_down; i++) {
		const tfs_diff_resource *m = i < r->nmovers_up
		                                     ? r->movers_up[i]
		                                     : r->movers_down[i - r->nmovers_up];
		double dm = m->head_usd - m->base_usd;
		tfs_buf_addf(out, "- %s", tfs_change_name(m->change));
		tfs_buf_adds(out, " ");
		tfs_md_escape(out, m->address);
		tfs_buf_adds(out, ": ");
		tfs_buf_addc(out, dm > 0 ? '+' : '-');
		tfs_money(out, fabs(dm));
		tfs_buf_addc(out, '\n');
	}
	tfs_buf_addc(out, '\n');
}

void tfs_render_report_markdown(const tfs_report *r, tfs_buf *out)
{
	S_title(out, r);
	S_headline(out, r);
	S_baseline(out, r);
	S_blockers(out, r);
	S_savings(out, r);
	S_rollup(out, &r->rollups->by[0], "environment", "Environment");
	S_rollup(out, &r->rollups->by[3], "service", "Service");
	S_largest(out, r);
	tfs_buf_adds(out, "<sub>tfsight ");
	tfs_buf_adds(out, r->opt.tool_version ? r->opt.tool_version : "");
	tfs_buf_adds(out, "; the whole report is in index.html.</sub>\n");
}
