/* report_html.c - index.html of `tfsight report`: one page that works
 * offline, without JavaScript and under a strict Content-Security-Policy.
 *
 * Sections (their ids are an interface: tests/run-browser.sh checks
 * them): headline, changes (with a baseline), diagram, cost-breakdown,
 * environments (several stacks), largest, savings, checklist, resources,
 * inventory, assumptions.
 *
 * Every string from a state goes through tfs_html_text(); no URL from a
 * state ever reaches an href or src (the only links are the page's own
 * anchors and the stylesheet the caller names).  Element ids are ours
 * (section names, stack indices), never derived from the state. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

enum { CHART_BARS = 8, TODO_MAX = 6 };

/* ---- small pieces ------------------------------------------------------------ */

static void S_text(tfs_buf *b, const char *s)
{
	tfs_html_text(b, s, 0);
}

/* Text whose `backticked` parts are code, as the catalogue writes its
 * remediations and messages; each part escaped. */
static void S_text_code(tfs_buf *b, const char *s, size_t max)
{
	const char *p, *tick;
	bool code = false;
	tfs_buf part;

	if (!s)
		return;
	tfs_buf_init(&part);
	for (p = s;; p = tick + 1) {
		tick = strchr(p, '`');
		tfs_buf_truncate(&part, 0);
		tfs_buf_add(&part, p, tick ? (size_t)(tick - p) : strlen(p));
		if (code)
			tfs_buf_adds(b, "<code>");
		tfs_html_text(b, part.data, max);
		if (code)
			tfs_buf_adds(b, "</code>");
		if (!tick)
			break;
		code = !code;
	}
	tfs_buf_release(&part);
}

static void S_money(tfs_buf *b, double usd)
{
	tfs_money(b, usd);
}

static void S_pct(tfs_buf *b, double part, double total)
{
	if (total > 0)
		tfs_buf_addf(b, "%.1f%%", part / total * 100.0);
	else
		tfs_buf_adds(b, "\xe2\x80\x94");
}

static void S_td_money(tfs_buf *b, double usd)
{
	tfs_buf_adds(b, "<td class=\"num\">");
	S_money(b, usd);
	tfs_buf_adds(b, "</td>");
}

static void S_td_pct(tfs_buf *b, double part, double total)
{
	tfs_buf_adds(b, "<td class=\"num\">");
	S_pct(b, part, total);
	tfs_buf_adds(b, "</td>");
}

/* "+$12.00 (+5.0%)", "-$3.00", "$0.00" */
static void S_change(tfs_buf *b, double base, double head)
{
	double d = head - base;

	if (fabs(d) < 0.005) {
		tfs_buf_adds(b, "$0.00");
		return;
	}
	tfs_buf_adds(b, d > 0 ? "+" : "\xe2\x88\x92");
	S_money(b, fabs(d));
	if (fabs(base) >= 0.005 && fabs(head) >= 0.005)
		tfs_buf_addf(b, " (%+.1f%%)", (head / base - 1.0) * 100.0);
	else if (fabs(base) < 0.005)
		tfs_buf_adds(b, " (new)");
}

static void S_plural(tfs_buf *b, size_t n, const char *one, const char *many)
{
	tfs_buf_addf(b, "%zu %s", n, n == 1 ? one : many);
}

static size_t S_shown(size_t n)
{
	return n < TFS_LIST_ROWS ? n : TFS_LIST_ROWS;
}

/* The words of the row that ends a list cut at its limit (render.h):
 * where is the whole list, in a file beside the page or a command. */
static void S_more_text(tfs_buf *b, size_t n, const char *where)
{
	tfs_buf_addf(b, "and %zu more (all of them in %s)", n, where);
}

/* That row in a table of cols columns with nothing to add up. */
static void S_more_row(tfs_buf *b, size_t cols, size_t n, const char *where)
{
	tfs_buf_addf(b, "<tr class=\"more\"><td colspan=\"%zu\" class=\"note\">",
	             cols);
	S_more_text(b, n, where);
	tfs_buf_adds(b, "</td></tr>\n");
}

static const char *S_status_class(tfs_status s)
{
	switch (s) {
	case TFS_STATUS_FAIL:
		return "s-fail";
	case TFS_STATUS_UNKNOWN:
		return "s-unknown";
	case TFS_STATUS_PASS:
		return "s-pass";
	case TFS_STATUS_NA:
		return "s-na";
	case TFS_STATUS_UNDECIDABLE:
		return "s-undecidable";
	}
	return "s-na";
}

static const char *S_status_label(tfs_status s)
{
	switch (s) {
	case TFS_STATUS_FAIL:
		return "Fail";
	case TFS_STATUS_UNKNOWN:
		return "Unknown";
	case TFS_STATUS_PASS:
		return "Pass";
	case TFS_STATUS_NA:
		return "N/A";
	case TFS_STATUS_UNDECIDABLE:
		return "Manual";
	}
	return "?";
}

static void S_badge(tfs_buf *b, tfs_status s)
{
	tfs_buf_addf(b, "<span class=\"badge %s\">%s</span>", S_status_class(s),
	             S_status_label(s));
}

static void S_sev(tfs_buf *b, tfs_severity s)
{
	const char *n = tfs_severity_name(s);
	tfs_buf_addf(b, "<span class=\"sev sev-%s\">%s</span>", n, n);
}

/* The name people know a stack by: its file stem, and its environment. */
static void S_stack_name(tfs_buf *b, const tfs_report *r, size_t i)
{
	S_text(b, r->stacks[i].name);
}

static void S_stack_label(tfs_buf *b, const tfs_report *r, size_t i)
{
	S_stack_name(b, r, i);
	if (r->stacks[i].environment) {
		tfs_buf_adds(b, " <span class=\"muted\">(");
		tfs_html_text(b, r->stacks[i].environment, 60);
		tfs_buf_adds(b, ")</span>");
	}
}

static void S_title(tfs_buf *b, const tfs_report *r)
{
	size_t i;

	if (r->opt.title) {
		S_text(b, r->opt.title);
		return;
	}
	for (i = 0; i < r->nstacks; i++) {
		if (i)
			tfs_buf_adds(b, ", ");
		S_stack_name(b, r, i);
	}
	if (!r->nstacks)
		tfs_buf_adds(b, "tfsight report");
}

static void S_section(tfs_buf *b, const char *id, const char *heading)
{
	tfs_buf_addf(b, "<section id=\"%s\" aria-labelledby=\"h-%s\">\n"
	                "<h2 id=\"h-%s\">%s</h2>\n",
	             id, id, id, heading);
}

static void S_end_section(tfs_buf *b)
{
	tfs_buf_adds(b, "</section>\n");
}

static const tfs_rollup *S_rollup(const tfs_report *r, const char *dim)
{
	size_t i;
	if (!r->rollups)
		return NULL;
	for (i = 0; i < TFS_ROLLUP_DIMENSIONS; i++)
		if (r->rollups->by[i].dimension &&
		    strcmp(r->rollups->by[i].dimension, dim) == 0)
			return &r->rollups->by[i];
	return NULL;
}

static double S_untagged(const tfs_rollup *ro)
{
	size_t i;
	for (i = 0; ro && i < ro->count; i++)
		if (strcmp(ro->lines[i].key, TFS_UNTAGGED) == 0)
			return ro->lines[i].usd;
	return 0;
}

/* ---- head, navigation --------------------------------------------------------- */

static bool S_has_changes(const tfs_report *r)
{
	return r->opt.baseline != NULL;
}

static void S_head(tfs_buf *b, const tfs_report *r)
{
	tfs_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	                "<meta charset=\"utf-8\">\n");
	/* No script anywhere, no remote load: the page is complete as is. */
	if (r->opt.css_href)
		tfs_buf_adds(b, "<meta http-equiv=\"Content-Security-Policy\" "
		                "content=\"default-src 'none'; style-src 'self'; "
		                "img-src 'self'; base-uri 'none'; "
		                "form-action 'none'\">\n");
	else
		tfs_buf_adds(b, "<meta http-equiv=\"Content-Security-Policy\" "
		                "content=\"default-src 'none'; "
		                "style-src 'unsafe-inline'; img-src data:; "
		                "base-uri 'none'; form-action 'none'\">\n");
	tfs_buf_adds(b, "<meta name=\"viewport\" "
	                "content=\"width=device-width, initial-scale=1\">\n"
	                "<meta name=\"color-scheme\" content=\"light dark\">\n");
	tfs_buf_adds(b, "<meta name=\"generator\" content=\"tfsight");
	if (r->opt.tool_version) {
		tfs_buf_addc(b, ' ');
		S_text(b, r->opt.tool_version);
	}
	tfs_buf_adds(b, "\">\n<title>");
	S_title(b, r);
	tfs_buf_adds(b, " \xe2\x80\x94 tfsight report</title>\n");
	if (r->opt.css_href) {
		tfs_buf_adds(b, "<link rel=\"stylesheet\" href=\"");
		S_text(b, r->opt.css_href);
		tfs_buf_adds(b, "\">\n");
	} else {
		/* an empty icon, so no browser asks the server for one */
		tfs_buf_adds(b, "<link rel=\"icon\" href=\"data:,\">\n<style>\n");
		tfs_render_report_css(b);
		tfs_buf_adds(b, "</style>\n");
	}
	tfs_buf_adds(b, "</head>\n<body>\n<div class=\"page\">\n");
}

static void S_top(tfs_buf *b, const tfs_report *r)
{
	size_t i;

	tfs_buf_adds(b, "<header class=\"top\">\n<h1>");
	S_title(b, r);
	tfs_buf_adds(b, "</h1>\n<p class=\"sub\">Monthly cost estimate and "
	                "architecture review from Terraform state \xc2\xb7 "
	                "AWS sa-east-1 \xc2\xb7 ");
	S_plural(b, r->nstacks, "stack", "stacks");
	tfs_buf_adds(b, ": ");
	for (i = 0; i < r->nstacks; i++) {
		if (i)
			tfs_buf_adds(b, ", ");
		S_stack_label(b, r, i);
	}
	if (r->opt.generated) {
		tfs_buf_adds(b, " \xc2\xb7 generated ");
		S_text(b, r->opt.generated);
	}
	tfs_buf_adds(b, "</p>\n</header>\n");

	tfs_buf_adds(b, "<nav class=\"toc\" aria-label=\"Contents\"><ol>\n"
	                "<li><a href=\"#headline\">Summary</a></li>\n");
	if (S_has_changes(r))
		tfs_buf_adds(b, "<li><a href=\"#changes\">Changes</a></li>\n");
	tfs_buf_adds(b, "<li><a href=\"#diagram\">Diagram</a></li>\n"
	                "<li><a href=\"#cost-breakdown\">Cost breakdown</a></li>\n");
	if (r->nstacks > 1)
		tfs_buf_adds(b, "<li><a href=\"#environments\">Environments</a>"
		                "</li>\n");
	tfs_buf_adds(b, "<li><a href=\"#largest\">Largest resources</a></li>\n"
	                "<li><a href=\"#savings\">Savings</a></li>\n"
	                "<li><a href=\"#checklist\">Checklist</a></li>\n"
	                "<li><a href=\"#resources\">Cost per resource</a></li>\n"
	                "<li><a href=\"#inventory\">Inventory</a></li>\n"
	                "<li><a href=\"#assumptions\">Assumptions</a></li>\n"
	                "</ol></nav>\n<main>\n");
}

/* ---- headline ------------------------------------------------------------------- */

/* A failing check of one stack, for "what to do first". */
typedef struct todo {
	size_t stack;
	const tfs_check_summary *s;
} todo;

static int S_cmp_todo(const void *pa, const void *pb)
{
	const todo *a = pa, *b = pb;
	if (a->s->severity != b->s->severity)
		return a->s->severity > b->s->severity ? -1 : 1;
	if (a->stack != b->stack)
		return a->stack < b->stack ? -1 : 1;
	/* catalogue order: summaries are one array per stack */
	return a->s < b->s ? -1 : a->s > b->s;
}


static void S_todo(tfs_buf *b, const tfs_report *r)
{
	size_t n = 0, i, k, shown;
	todo *t;

	for (i = 0; i < r->nstacks; i++)
		n += r->stacks[i].checks->nsummary;
	t = xcalloc(n + 1, sizeof(*t));
	n = 0;
	for (i = 0; i < r->nstacks; i++) {
		const tfs_checks *c = r->stacks[i].checks;
		for (k = 0; k < c->nsummary; k++)
			if (c->summary[k].status == TFS_STATUS_FAIL) {
				t[n].stack = i;
				t[n].s = &c->summary[k];
				n++;
			}
	}
	tfs_sort(t, n, sizeof(*t), S_cmp_todo);
	tfs_buf_adds(b, "<div>\n<h3>What to fix first</h3>\n");
	if (!n)
		tfs_buf_adds(b, "<p>No check fails. See the <a href=\"#checklist\">"
		                "checklist</a> for unknowns and manual items.</p>\n");
	else
		tfs_buf_adds(b, "<ol class=\"todo\">\n");
	shown = n < TODO_MAX ? n : TODO_MAX;
	for (i = 0; i < shown; i++) {
		const tfs_check_def *d = t[i].s->check;
		size_t nf = t[i].s->counts[TFS_STATUS_FAIL];
		tfs_buf_adds(b, "<li>");
		S_sev(b, t[i].s->severity);
		tfs_buf_adds(b, " <a href=\"#");
		tfs_buf_addf(b, "c%zu-", t[i].stack);
		S_text(b, d->id);
		tfs_buf_adds(b, "\">");
		S_text(b, d->title);
		tfs_buf_adds(b, "</a> <span class=\"muted\">\xe2\x80\x94 ");
		S_plural(b, nf, "resource", "resources");
		if (r->nstacks > 1) {
			tfs_buf_adds(b, " in ");
			S_stack_name(b, r, t[i].stack);
		}
		tfs_buf_adds(b, "</span><span class=\"fix\">");
		S_text_code(b, d->remediation, 0);
		tfs_buf_adds(b, "</span></li>\n");
	}
	if (n) {
		tfs_buf_adds(b, "</ol>\n");
		if (n > shown)
			tfs_buf_addf(b, "<p class=\"note\">and %zu more failing "
			                "check%s in the <a href=\"#checklist\">"
			                "checklist</a>.</p>\n",
			             n - shown, n - shown == 1 ? "" : "s");
	}
	if (r->nsavings) {
		tfs_buf_adds(b, "<p>Also: <a href=\"#savings\">save ");
		S_money(b, r->savings_total);
		tfs_buf_adds(b, " a month</a> (");
		S_plural(b, r->nsavings, "opportunity", "opportunities");
		tfs_buf_adds(b, ").</p>\n");
	}
	tfs_buf_adds(b, "</div>\n");
	free(t);
}

static void S_drivers(tfs_buf *b, const tfs_report *r)
{
	const tfs_rollup *svc = S_rollup(r, "service");
	size_t i, n;

	tfs_buf_adds(b, "<div>\n<h3>What drives the cost</h3>\n");
	if (!svc || !svc->count || r->total <= 0) {
		tfs_buf_adds(b, "<p>Nothing priced costs money.</p>\n</div>\n");
		return;
	}
	n = svc->count < 3 ? svc->count : 3;
	tfs_buf_adds(b, "<p>");
	for (i = 0; i < n; i++) {
		if (i)
			tfs_buf_adds(b, i + 1 == n ? " and " : ", ");
		tfs_buf_adds(b, "<b>");
		tfs_html_text(b, svc->lines[i].key, 60);
		tfs_buf_adds(b, "</b> ");
		tfs_money_short(b, svc->lines[i].usd);
		tfs_buf_adds(b, " (");
		tfs_buf_addf(b, "%.0f%%", svc->lines[i].usd / r->total * 100.0);
		tfs_buf_addc(b, ')');
	}
	tfs_buf_adds(b, " make up ");
	{
		double sum = 0;
		for (i = 0; i < n; i++)
			sum += svc->lines[i].usd;
		tfs_buf_addf(b, "%.0f%%", sum / r->total * 100.0);
	}
	tfs_buf_adds(b, " of the total.</p>\n");
	if (r->nlargest) {
		n = r->nlargest < 3 ? r->nlargest : 3;
		tfs_buf_adds(b, "<p>Largest resources: ");
		for (i = 0; i < n; i++) {
			const tfs_cost_resource *res = r->largest[i].res;
			if (i)
				tfs_buf_adds(b, "; ");
			tfs_buf_adds(b, "<span class=\"addr\">");
			S_text(b, res->address);
			tfs_buf_adds(b, "</span> ");
			tfs_money_short(b, res->monthly_cost);
		}
		tfs_buf_adds(b, " (<a href=\"#largest\">top ");
		tfs_buf_addf(b, "%d", TFS_REPORT_LARGEST);
		tfs_buf_adds(b, "</a>).</p>\n");
	}
	tfs_buf_adds(b, "</div>\n");
}

static void S_headline(tfs_buf *b, const tfs_report *r)
{
	const tfs_rollup *env = S_rollup(r, "environment");
	size_t i, s, failing = 0;

	tfs_buf_adds(b, "<section id=\"headline\" aria-labelledby=\"h-headline\">\n"
	                "<h2 id=\"h-headline\">Summary</h2>\n<div class=\"band\">\n");
	/* the total */
	tfs_buf_adds(b, "<div class=\"card\"><h3>Estimated monthly cost</h3>"
	                "<div class=\"big\">");
	tfs_money_short(b, r->total);
	tfs_buf_adds(b, "<span class=\"unit\"> / month</span>"
	                "</div>");
	if (S_has_changes(r)) {
		tfs_buf_adds(b, "<div>");
		S_change(b, r->opt.baseline->base_total, r->opt.baseline->head_total);
		tfs_buf_adds(b, " since the <a href=\"#changes\">baseline</a></div>");
	}
	tfs_buf_adds(b, "<div class=\"muted\">on-demand list prices, USD, "
	                "730 hours a month</div></div>\n");
	/* per environment */
	tfs_buf_adds(b, "<div class=\"card\"><h3>Per environment</h3><ul>");
	for (i = 0; env && i < env->count && i < TFS_LIST_SUMMARY; i++) {
		tfs_buf_adds(b, "<li><span>");
		tfs_html_text(b, env->lines[i].key, 60);
		tfs_buf_adds(b, "</span><span class=\"v\">");
		tfs_money_short(b, env->lines[i].usd);
		tfs_buf_adds(b, "</span></li>");
	}
	if (env && env->count > TFS_LIST_SUMMARY) {
		double rest = 0;
		for (i = TFS_LIST_SUMMARY; i < env->count; i++)
			rest += env->lines[i].usd;
		tfs_buf_addf(b, "<li><span>%zu more (in the <a href=\"#cost-breakdown"
		                "\">breakdown</a>)</span><span class=\"v\">",
		             env->count - TFS_LIST_SUMMARY);
		tfs_money_short(b, rest);
		tfs_buf_adds(b, "</span></li>");
	}
	if (!env || !env->count)
		tfs_buf_adds(b, "<li>nothing priced</li>");
	tfs_buf_adds(b, "</ul></div>\n");
	/* checklist */
	for (s = 0; s < TFS_SEV_COUNT; s++)
		failing += r->failed[s];
	tfs_buf_adds(b, "<div class=\"card\"><h3>Checklist</h3><div class=\"mid\">");
	tfs_buf_addf(b, "%zu / %zu pass", r->checks_passed, r->checks_decided);
	tfs_buf_adds(b, "</div><div>");
	S_plural(b, failing, "failing finding", "failing findings");
	tfs_buf_adds(b, "</div><ul class=\"sevs\">");
	for (s = TFS_SEV_COUNT; s-- > 0;) {
		tfs_buf_adds(b, "<li>");
		tfs_buf_addf(b, "<b>%zu</b> ", r->failed[s]);
		S_sev(b, (tfs_severity)s);
		tfs_buf_adds(b, "</li>");
	}
	tfs_buf_adds(b, "</ul></div>\n");
	/* savings */
	tfs_buf_adds(b, "<div class=\"card\"><h3>Savings found</h3>"
	                "<div class=\"mid\">");
	if (r->nsavings) {
		tfs_money_short(b, r->savings_total);
		tfs_buf_adds(b, " / month</div><div>");
		S_plural(b, r->nsavings, "opportunity", "opportunities");
		tfs_buf_adds(b, " priced from the price tables \xc2\xb7 "
		                "<a href=\"#savings\">see them</a>");
	} else
		tfs_buf_adds(b, "none</div><div>the cost checks found nothing to "
		                "save");
	tfs_buf_adds(b, "</div></div>\n</div>\n");
	/* counts */
	tfs_buf_adds(b, "<ul class=\"counts\" aria-label=\"Resources\">");
	tfs_buf_addf(b, "<li><b>%zu</b> resources priced</li>", r->n_priced);
	tfs_buf_addf(b, "<li><b>%zu</b> free</li>", r->n_free);
	tfs_buf_addf(b, "<li><b>%zu</b> not priced yet</li>", r->n_unsupported);
	if (r->n_no_price)
		tfs_buf_addf(b, "<li><b>%zu</b> with a price missing</li>",
		             r->n_no_price);
	if (r->n_other_region)
		tfs_buf_addf(b, "<li><b>%zu</b> outside sa-east-1, not priced</li>",
		             r->n_other_region);
	if (r->n_not_aws)
		tfs_buf_addf(b, "<li><b>%zu</b> not AWS, not priced</li>",
		             r->n_not_aws);
	tfs_buf_addf(b, "<li><b>%zu</b> price%s missing</li>", r->missing_prices,
	             r->missing_prices == 1 ? "" : "s");
	tfs_buf_addf(b, "<li><b>%zu</b> usage-based component%s without usage"
	                "</li>",
	             r->pending_usage, r->pending_usage == 1 ? "" : "s");
	tfs_buf_adds(b, "</ul>\n<div class=\"split\">\n");
	S_drivers(b, r);
	S_todo(b, r);
	tfs_buf_adds(b, "</div>\n");
	S_end_section(b);
}

static const char *S_dim_title(const char *dim)
{
	if (strcmp(dim, "environment") == 0)
		return "Environment";
	if (strcmp(dim, "project") == 0)
		return "Project";
	if (strcmp(dim, "owner") == 0)
		return "Owner";
	if (strcmp(dim, "service") == 0)
		return "AWS service";
	if (strcmp(dim, "module") == 0)
		return "Module";
	return dim;
}

/* ---- changes since the baseline ----------------------------------------------- */

static void S_moves(tfs_buf *b, const tfs_report_moves *mv)
{
	size_t i;
	double base = 0, head = 0; /* of the lines past the limit */

	tfs_buf_adds(b, "<div class=\"scroll\"><table>\n<caption>By ");
	S_text(b, mv->dimension);
	tfs_buf_adds(b, "</caption>\n<thead><tr><th scope=\"col\">");
	S_text(b, S_dim_title(mv->dimension));
	tfs_buf_adds(b, "</th><th class=\"num\" scope=\"col\">Baseline</th>"
	                "<th class=\"num\" scope=\"col\">Now</th>"
	                "<th class=\"num\" scope=\"col\">Change</th></tr></thead>"
	                "\n<tbody>\n");
	for (i = 0; i < mv->count; i++) {
		const tfs_report_move *m = &mv->lines[i];
		bool untagged = strcmp(m->key, TFS_UNTAGGED) == 0;
		if (i >= TFS_LIST_ROWS) {
			base += m->base_usd;
			head += m->head_usd;
			continue;
		}
		tfs_buf_addf(b, "<tr%s><th scope=\"row\">",
		             untagged ? " class=\"untagged\"" : "");
		tfs_html_text(b, m->key, 200);
		tfs_buf_adds(b, "</th>");
		S_td_money(b, m->base_usd);
		S_td_money(b, m->head_usd);
		tfs_buf_adds(b, "<td class=\"num\">");
		S_change(b, m->base_usd, m->head_usd);
		tfs_buf_adds(b, "</td></tr>\n");
	}
	if (mv->count > TFS_LIST_ROWS) {
		tfs_buf_adds(b, "<tr class=\"more\"><th scope=\"row\">");
		S_more_text(b, mv->count - TFS_LIST_ROWS,
		            "<code>tfsight diff --format json</code>");
		tfs_buf_adds(b, "</th>");
		S_td_money(b, base);
		S_td_money(b, head);
		tfs_buf_adds(b, "<td class=\"num\">");
		S_change(b, base, head);
		tfs_buf_adds(b, "</td></tr>\n");
	}
	if (!mv->count)
		tfs_buf_adds(b, "<tr><td colspan=\"4\">no change</td></tr>\n");
	tfs_buf_adds(b, "</tbody></table></div>\n");
}

static void S_movers_table(tfs_buf *b, const char *caption,
                           const tfs_diff_resource *const *rs, size_t n)
{
	size_t i;

	tfs_buf_addf(b, "<div class=\"scroll\"><table>\n<caption>%s</caption>\n",
	             caption);
	tfs_buf_adds(b, "<thead><tr><th scope=\"col\">Resource</th>"
	                "<th scope=\"col\">Type</th>"
	                "<th class=\"num\" scope=\"col\">Baseline</th>"
	                "<th class=\"num\" scope=\"col\">Now</th>"
	                "<th class=\"num\" scope=\"col\">Change</th></tr></thead>"
	                "\n<tbody>\n");
	for (i = 0; i < n; i++) {
		const tfs_diff_resource *d = rs[i];
		tfs_buf_adds(b, "<tr><th scope=\"row\" class=\"addr\">");
		S_text(b, d->address);
		tfs_buf_adds(b, "</th><td><code>");
		S_text(b, d->type);
		tfs_buf_adds(b, "</code> <span class=\"muted\">");
		S_text(b, tfs_change_name(d->change));
		tfs_buf_adds(b, "</span></td>");
		S_td_money(b, d->base_usd);
		S_td_money(b, d->head_usd);
		tfs_buf_adds(b, "<td class=\"num\">");
		S_change(b, d->base_usd, d->head_usd);
		tfs_buf_adds(b, "</td></tr>\n");
	}
	if (!n)
		tfs_buf_adds(b, "<tr><td colspan=\"5\">none</td></tr>\n");
	tfs_buf_adds(b, "</tbody></table></div>\n");
}

static void S_added_removed(tfs_buf *b, const tfs_diff *d, tfs_change which,
                            const char *caption)
{
	size_t i, k, n = 0;
	double rest = 0;

	for (i = 0; i < d->nresources; i++)
		if (d->resources[i].change == which)
			n++;
	tfs_buf_addf(b, "<h3>%s (%zu)</h3>\n", caption, n);
	if (!n) {
		tfs_buf_adds(b, "<p class=\"note\">none</p>\n");
		return;
	}
	tfs_buf_adds(b, "<div class=\"scroll\"><table>\n<thead><tr>"
	                "<th scope=\"col\">Resource</th><th scope=\"col\">Type</th>"
	                "<th class=\"num\" scope=\"col\">Monthly</th></tr></thead>"
	                "\n<tbody>\n");
	for (i = 0, k = 0; i < d->nresources; i++) {
		const tfs_diff_resource *x = &d->resources[i];
		if (x->change != which)
			continue;
		if (k++ >= TFS_LIST_ROWS) {
			rest += which == TFS_CHANGE_REMOVED ? x->base_usd : x->head_usd;
			continue;
		}
		tfs_buf_adds(b, "<tr><th scope=\"row\" class=\"addr\">");
		S_text(b, x->address);
		tfs_buf_adds(b, "</th><td><code>");
		S_text(b, x->type);
		tfs_buf_adds(b, "</code></td>");
		S_td_money(b, which == TFS_CHANGE_REMOVED ? x->base_usd : x->head_usd);
		tfs_buf_adds(b, "</tr>\n");
	}
	if (n > TFS_LIST_ROWS) {
		tfs_buf_adds(b, "<tr class=\"more\"><th scope=\"row\" colspan=\"2\">");
		S_more_text(b, n - TFS_LIST_ROWS,
		            "<code>tfsight diff --format json</code>");
		tfs_buf_adds(b, "</th>");
		S_td_money(b, rest);
		tfs_buf_adds(b, "</tr>\n");
	}
	tfs_buf_adds(b, "</tbody></table></div>\n");
}

static void S_changes(tfs_buf *b, const tfs_report *r)
{
	const tfs_diff *d = r->opt.baseline;
	size_t i;

	S_section(b, "changes", "Changes since the baseline");
	tfs_buf_adds(b, "<p>Compared with <b>");
	S_text(b, r->opt.baseline_name ? r->opt.baseline_name : "the baseline");
	tfs_buf_adds(b, "</b>: ");
	S_money(b, d->base_total);
	tfs_buf_adds(b, " \xe2\x86\x92 ");
	S_money(b, d->head_total);
	tfs_buf_adds(b, " a month, <b>");
	S_change(b, d->base_total, d->head_total);
	tfs_buf_adds(b, "</b>. ");
	tfs_buf_addf(b, "%zu added, %zu removed, %zu changed, %zu unchanged.",
	             d->added, d->removed, d->changed, d->unchanged);
	tfs_buf_adds(b, "</p>\n<div class=\"grid2\">\n");
	for (i = 0; i < TFS_REPORT_MOVE_DIMENSIONS; i++)
		if (r->moves[i].dimension)
			S_moves(b, &r->moves[i]);
	tfs_buf_adds(b, "</div>\n<h3>Top movers</h3>\n");
	S_movers_table(b, "Up", r->movers_up, r->nmovers_up);
	S_movers_table(b, "Down", r->movers_down, r->nmovers_down);
	S_added_removed(b, d, TFS_CHANGE_ADDED, "Added");
	S_added_removed(b, d, TFS_CHANGE_REMOVED, "Removed");
	S_end_section(b);
}

/* ---- diagram ---------------------------------------------------------------------- */

static void S_node_item(tfs_buf *b, const tfs_model *m, size_t i,
                        bool standby)
{
	const tfs_node *n = &m->nodes[i];
	tfs_buf_adds(b, "<li><span class=\"addr\">");
	S_text(b, n->address);
	tfs_buf_adds(b, "</span>");
	if (n->label && n->item && strcmp(n->label, n->item->inst->name) != 0) {
		tfs_buf_adds(b, " \xe2\x80\x9c");
		tfs_html_text(b, n->label, 80);
		tfs_buf_adds(b, "\xe2\x80\x9d");
	}
	if (standby)
		tfs_buf_adds(b, " (standby)");
	tfs_buf_adds(b, "</li>\n");
}

/* The item that ends a list of the placement cut at TFS_LIST_ROWS. */
static void S_more_item(tfs_buf *b, size_t n, size_t shown)
{
	if (shown >= n)
		return;
	tfs_buf_adds(b, "<li class=\"note\">");
	S_more_text(b, n - shown, "<code>tfsight topology --format json</code>");
	tfs_buf_adds(b, "</li>\n");
}

static void S_ids(tfs_buf *b, const tfs_model *m, const tfs_ids *ids,
                  bool standby)
{
	size_t i;
	if (!ids->count)
		return;
	tfs_buf_adds(b, "<ul>\n");
	for (i = 0; i < S_shown(ids->count); i++)
		S_node_item(b, m, ids->items[i], standby);
	S_more_item(b, ids->count, i);
	tfs_buf_adds(b, "</ul>\n");
}

/* The diagram as text: the resources by placement, for those who cannot
 * see it and for search. */
static void S_placement(tfs_buf *b, const tfs_model *m)
{
	const tfs_tree *t = &m->tree;
	size_t r, v, a, s;

	tfs_buf_adds(b, "<div class=\"placement\"><ul>\n");
	if (t->edge.count) {
		tfs_buf_adds(b, "<li>Edge and global services\n");
		S_ids(b, m, &t->edge, false);
		tfs_buf_adds(b, "</li>\n");
	}
	for (r = 0; r < S_shown(t->nregions); r++) {
		const tfs_region_group *rg = &t->regions[r];
		tfs_buf_adds(b, "<li>Region ");
		S_text(b, rg->name);
		tfs_buf_adds(b, "\n<ul>\n");
		for (v = 0; v < S_shown(rg->nvpcs); v++) {
			const tfs_vpc_group *vg = &rg->vpcs[v];
			tfs_buf_adds(b, "<li>VPC ");
			if (vg->vpc != TFS_NONE) {
				tfs_buf_adds(b, "<span class=\"addr\">");
				S_text(b, m->nodes[vg->vpc].address);
				tfs_buf_adds(b, "</span>");
			} else
				tfs_buf_adds(b, "(not in this input)");
			tfs_buf_adds(b, "\n<ul>\n");
			for (a = 0; a < S_shown(vg->nazs); a++) {
				const tfs_az_group *az = &vg->azs[a];
				tfs_buf_adds(b, "<li>Availability zone ");
				S_text(b, az->name);
				tfs_buf_adds(b, "\n<ul>\n");
				for (s = 0; s < S_shown(az->nsubnets); s++) {
					const tfs_subnet_group *sg = &az->subnets[s];
					tfs_buf_addf(b, "<li>%s <span class=\"addr\">",
					             sg->tier == TFS_TIER_PUBLIC ? "Public subnet"
					             : sg->tier == TFS_TIER_PRIVATE
					                     ? "Private subnet"
					                     : "Subnet (not in this input)");
					S_text(b, m->nodes[sg->subnet].address);
					tfs_buf_adds(b, "</span>\n");
					S_ids(b, m, &sg->members, false);
					S_ids(b, m, &sg->standby, true);
					tfs_buf_adds(b, "</li>\n");
				}
				S_more_item(b, az->nsubnets, s);
				tfs_buf_adds(b, "</ul></li>\n");
			}
			S_more_item(b, vg->nazs, a);
			if (vg->members.count) {
				tfs_buf_adds(b, "<li>In the VPC, outside subnets\n");
				S_ids(b, m, &vg->members, false);
				tfs_buf_adds(b, "</li>\n");
			}
			tfs_buf_adds(b, "</ul></li>\n");
		}
		S_more_item(b, rg->nvpcs, v);
		if (rg->regional.count) {
			tfs_buf_adds(b, "<li>Regional services\n");
			S_ids(b, m, &rg->regional, false);
			tfs_buf_adds(b, "</li>\n");
		}
		tfs_buf_adds(b, "</ul></li>\n");
	}
	S_more_item(b, t->nregions, r);
	if (t->external.count) {
		tfs_buf_adds(b, "<li>Referenced, not in this input\n");
		S_ids(b, m, &t->external, false);
		tfs_buf_adds(b, "</li>\n");
	}
	tfs_buf_adds(b, "</ul></div>\n");
}

static void S_diagram(tfs_buf *b, const tfs_report *r)
{
	size_t i, v, a;

	S_section(b, "diagram", "Architecture");
	for (i = 0; i < r->nstacks; i++) {
		const tfs_model *m = r->stacks[i].model;
		const char *svg = r->opt.diagram_svg ? r->opt.diagram_svg[i] : NULL;
		size_t nvpc = 0, naz = 0;
		tfs_buf title, desc;
		char prefix[32];
		bool drawn;

		for (v = 0; v < m->tree.nregions; v++) {
			nvpc += m->tree.regions[v].nvpcs;
			for (a = 0; a < m->tree.regions[v].nvpcs; a++)
				naz += m->tree.regions[v].vpcs[a].nazs;
		}
		if (r->nstacks > 1) {
			tfs_buf_adds(b, "<h3>");
			S_stack_label(b, r, i);
			tfs_buf_adds(b, "</h3>\n");
		}
		tfs_buf_init(&title);
		tfs_buf_init(&desc);
		tfs_buf_adds(&title, "Architecture diagram of ");
		tfs_buf_adds(&title, r->stacks[i].name);
		tfs_buf_addf(&desc, "%zu resources: %zu VPC%s across %zu "
		                    "availability zone%s, %zu edge and global "
		                    "resource%s above it, regional services beside "
		                    "it. The list of resources by placement below "
		                    "says the same in text.",
		             m->nresources, nvpc, nvpc == 1 ? "" : "s", naz,
		             naz == 1 ? "" : "s", m->tree.edge.count,
		             m->tree.edge.count == 1 ? "" : "s");
		snprintf(prefix, sizeof(prefix), "d%zu", i);
		tfs_buf_adds(b, "<figure>\n<div class=\"frame\">\n");
		drawn = svg && tfs_html_embed_svg(b, svg, prefix, title.data,
		                                  desc.data);
		if (!drawn)
			tfs_buf_adds(b, "<p>No diagram was drawn for this stack.</p>\n");
		tfs_buf_adds(b, "</div>\n<figcaption>");
		S_text(b, desc.data);
		tfs_buf_adds(b, "</figcaption>\n</figure>\n");
		tfs_buf_adds(b, "<details><summary>Resources by placement (text "
		                "alternative to the diagram)</summary>\n");
		S_placement(b, m);
		tfs_buf_adds(b, "</details>\n");
		tfs_buf_release(&title);
		tfs_buf_release(&desc);
	}
	S_end_section(b);
}

/* ---- cost breakdown ----------------------------------------------------------- */

static void S_chart_rollup(tfs_buf *b, const tfs_report *r,
                           const tfs_rollup *ro, const char *id,
                           const char *title)
{
	tfs_html_bar bars[CHART_BARS + 1];
	size_t n = 0, i;
	double others = 0;
	size_t nothers = 0;

	if (!ro || !ro->count)
		return;
	for (i = 0; i < ro->count; i++) {
		if (n < CHART_BARS) {
			bars[n].label = ro->lines[i].key;
			bars[n].usd = ro->lines[i].usd;
			bars[n].muted = strcmp(ro->lines[i].key, TFS_UNTAGGED) == 0;
			n++;
		} else {
			others += ro->lines[i].usd;
			nothers++;
		}
	}
	if (nothers) {
		bars[n].label = nothers == 1 ? "1 other" : "others";
		bars[n].usd = others;
		bars[n].muted = true;
		n++;
	}
	tfs_buf_adds(b, "<figure>\n");
	tfs_html_bar_chart(b, id, title, bars, n, r->total);
	tfs_buf_addf(b, "<figcaption>%s</figcaption>\n</figure>\n", title);
}

static void S_rollup_table(tfs_buf *b, const tfs_report *r,
                           const tfs_rollup *ro)
{
	size_t i, rest_n = 0;
	double rest = 0;
	const char *title = S_dim_title(ro->dimension);

	tfs_buf_addf(b, "<div class=\"scroll\"><table>\n<caption>By %s"
	                "</caption>\n<thead><tr><th scope=\"col\">%s</th>"
	                "<th class=\"num\" scope=\"col\">Resources</th>"
	                "<th class=\"num\" scope=\"col\">Monthly</th>"
	                "<th class=\"num\" scope=\"col\">Share</th></tr></thead>\n"
	                "<tbody>\n",
	             ro->dimension, title);
	for (i = 0; i < ro->count; i++) {
		const tfs_rollup_line *l = &ro->lines[i];
		bool untagged = strcmp(l->key, TFS_UNTAGGED) == 0;
		if (i >= TFS_LIST_ROWS) { /* dearest first: the rest */
			rest += l->usd;
			rest_n += l->resources;
			continue;
		}
		tfs_buf_addf(b, "<tr%s><th scope=\"row\"%s>",
		             untagged ? " class=\"untagged\"" : "",
		             strcmp(ro->dimension, "module") == 0 ? " class=\"addr\""
		                                                  : "");
		tfs_html_text(b, l->key, 200);
		tfs_buf_addf(b, "</th><td class=\"num\">%zu</td>", l->resources);
		S_td_money(b, l->usd);
		S_td_pct(b, l->usd, r->total);
		tfs_buf_adds(b, "</tr>\n");
	}
	if (ro->count > TFS_LIST_ROWS) {
		tfs_buf_adds(b, "<tr class=\"more\"><th scope=\"row\">");
		S_more_text(b, ro->count - TFS_LIST_ROWS, "cost.csv");
		tfs_buf_addf(b, "</th><td class=\"num\">%zu</td>", rest_n);
		S_td_money(b, rest);
		S_td_pct(b, rest, r->total);
		tfs_buf_adds(b, "</tr>\n");
	}
	tfs_buf_adds(b, "</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\">"
	                "Total</th><td></td>");
	S_td_money(b, r->rollups->total);
	tfs_buf_adds(b, "<td class=\"num\">100%</td></tr></tfoot></table></div>\n");
}

static void S_breakdown(tfs_buf *b, const tfs_report *r)
{
	size_t i;
	const tfs_rollup *proj = S_rollup(r, "project");
	const tfs_rollup *own = S_rollup(r, "owner");

	S_section(b, "cost-breakdown", "Cost breakdown");
	if (!r->rollups) {
		tfs_buf_adds(b, "<p>Nothing was priced.</p>\n");
		S_end_section(b);
		return;
	}
	tfs_buf_adds(b, "<div class=\"grid2\">\n");
	S_chart_rollup(b, r, S_rollup(r, "service"), "chart-service",
	               "Monthly cost by AWS service");
	S_chart_rollup(b, r, S_rollup(r, "environment"), "chart-environment",
	               "Monthly cost by environment");
	tfs_buf_adds(b, "</div>\n");
	/* untagged spend, weighted by cost */
	tfs_buf_adds(b, "<p>Untagged spend: ");
	S_money(b, S_untagged(proj));
	tfs_buf_adds(b, " (");
	S_pct(b, S_untagged(proj), r->total);
	tfs_buf_adds(b, ") has no <code>");
	S_text(b, r->opt.project_tag ? r->opt.project_tag : "Project");
	tfs_buf_adds(b, "</code> tag, ");
	S_money(b, S_untagged(own));
	tfs_buf_adds(b, " (");
	S_pct(b, S_untagged(own), r->total);
	tfs_buf_adds(b, ") no <code>");
	S_text(b, r->opt.owner_tag ? r->opt.owner_tag : "Owner");
	tfs_buf_adds(b, "</code> tag.</p>\n<div class=\"grid2\">\n");
	for (i = 0; i < TFS_ROLLUP_DIMENSIONS; i++)
		if (r->rollups->by[i].dimension)
			S_rollup_table(b, r, &r->rollups->by[i]);
	tfs_buf_adds(b, "</div>\n");
	S_end_section(b);
}

/* ---- environments side by side ----------------------------------------------- */

static void S_stack_heads(tfs_buf *b, const tfs_report *r, const char *first)
{
	size_t i;
	tfs_buf_addf(b, "<thead><tr><th scope=\"col\">%s</th>", first);
	for (i = 0; i < r->nstacks; i++) {
		tfs_buf_adds(b, "<th class=\"num\" scope=\"col\">");
		S_stack_label(b, r, i);
		tfs_buf_adds(b, "</th>");
	}
	tfs_buf_adds(b, "</tr></thead>\n");
}

static void S_parity_row(tfs_buf *b, const tfs_report *r,
                         const tfs_report_parity *p)
{
	size_t i;

	tfs_buf_addf(b, "<tr%s><th scope=\"row\">",
	             p->differs ? " class=\"differs\"" : "");
	if (p->is_check) {
		const tfs_check_def *d = p->checks[0]->check;
		tfs_buf_adds(b, "<code>");
		S_text(b, d->id);
		tfs_buf_adds(b, "</code> ");
		S_text(b, d->title);
	} else {
		tfs_buf_adds(b, "<code>");
		S_text(b, p->what);
		tfs_buf_adds(b, "</code>");
	}
	tfs_buf_adds(b, "</th>");
	for (i = 0; i < r->nstacks; i++) {
		if (p->is_check) {
			tfs_buf_adds(b, "<td class=\"num\">");
			if (p->checks[i])
				S_badge(b, p->checks[i]->status);
			tfs_buf_adds(b, "</td>");
		} else
			tfs_buf_addf(b, "<td class=\"num\">%zu</td>", p->counts[i]);
	}
	tfs_buf_adds(b, "</tr>\n");
}

/* The rows of one parity table (those that differ, or not), at most
 * TFS_LIST_ROWS of them. */
static void S_parity_rows(tfs_buf *b, const tfs_report *r, bool checks,
                          bool differs, size_t n)
{
	size_t i, shown = 0;

	for (i = 0; i < r->nparity && shown < TFS_LIST_ROWS; i++)
		if (r->parity[i].is_check == checks &&
		    r->parity[i].differs == differs) {
			S_parity_row(b, r, &r->parity[i]);
			shown++;
		}
	if (shown < n)
		S_more_row(b, r->nstacks + 1, n - shown,
		           checks ? "checks.json"
		                  : "<code>tfsight inventory --format json</code>");
}

static void S_parity(tfs_buf *b, const tfs_report *r, bool checks)
{
	size_t i, ndiff = 0, nsame = 0;

	for (i = 0; i < r->nparity; i++)
		if (r->parity[i].is_check == checks) {
			if (r->parity[i].differs)
				ndiff++;
			else
				nsame++;
		}
	tfs_buf_addf(b, "<h3>%s that differ (%zu)</h3>\n",
	             checks ? "Checks" : "Resource types", ndiff);
	if (ndiff) {
		tfs_buf_adds(b, "<div class=\"scroll\"><table>\n");
		S_stack_heads(b, r, checks ? "Check" : "Resource type");
		tfs_buf_adds(b, "<tbody>\n");
		S_parity_rows(b, r, checks, true, ndiff);
		tfs_buf_adds(b, "</tbody></table></div>\n");
	} else
		tfs_buf_adds(b, "<p class=\"note\">none</p>\n");
	if (nsame) {
		tfs_buf_addf(b, "<details><summary>%zu %s the same everywhere"
		                "</summary>\n<div class=\"scroll\"><table>\n",
		             nsame, checks ? "checks" : "resource types");
		S_stack_heads(b, r, checks ? "Check" : "Resource type");
		tfs_buf_adds(b, "<tbody>\n");
		S_parity_rows(b, r, checks, false, nsame);
		tfs_buf_adds(b, "</tbody></table></div></details>\n");
	}
}

static void S_environments(tfs_buf *b, const tfs_report *r)
{
	const tfs_rollup *svc = S_rollup(r, "service");
	size_t nsvc = svc ? svc->count : 0, nrows = S_shown(nsvc), i, k, s;
	double *cell;
	tfs_map row;

	S_section(b, "environments", "Environments side by side");
	/* cost by service per stack: rows in the order of the overall
	 * roll-up, so the largest service comes first; the services past
	 * TFS_LIST_ROWS share row nrows, what the roll-up lacks row
	 * nrows + 1 */
	cell = xcalloc((nrows + 2) * r->nstacks, sizeof(*cell));
	tfs_map_init(&row);
	for (i = 0; i < nsvc; i++)
		tfs_map_put(&row, svc->lines[i].key, i < nrows ? i : nrows);
	for (s = 0; s < r->nstacks; s++) {
		const tfs_cost *c = r->stacks[s].cost;
		for (k = 0; k < c->count; k++) {
			const tfs_cost_resource *res = &c->resources[k];
			size_t at;
			if (!tfs_cost_has_components(res))
				continue;
			if (!tfs_map_get(&row, tfs_aws_service_name(res->type), &at))
				at = nrows + 1; /* not in the roll-up: kept apart */
			cell[at * r->nstacks + s] += res->monthly_cost;
		}
	}
	tfs_buf_adds(b, "<div class=\"scroll\"><table>\n<caption>Monthly cost by "
	                "AWS service</caption>\n");
	S_stack_heads(b, r, "AWS service");
	tfs_buf_adds(b, "<tbody>\n");
	for (i = 0; i <= nrows + 1; i++) {
		bool any = false;
		for (s = 0; s < r->nstacks; s++)
			if (fabs(cell[i * r->nstacks + s]) >= 0.005)
				any = true;
		if ((i == nrows && nsvc == nrows) || (i == nrows + 1 && !any))
			continue;
		tfs_buf_adds(b, "<tr><th scope=\"row\">");
		if (i < nrows)
			S_text(b, svc->lines[i].key);
		else if (i == nrows)
			S_more_text(b, nsvc - nrows, "cost.csv");
		else
			tfs_buf_adds(b, "other");
		tfs_buf_adds(b, "</th>");
		for (s = 0; s < r->nstacks; s++)
			S_td_money(b, cell[i * r->nstacks + s]);
		tfs_buf_adds(b, "</tr>\n");
	}
	tfs_buf_adds(b, "</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\">"
	                "Total</th>");
	for (s = 0; s < r->nstacks; s++)
		S_td_money(b, r->stacks[s].cost->total);
	tfs_buf_adds(b, "</tr>\n<tr><th scope=\"row\">Checklist score</th>");
	for (s = 0; s < r->nstacks; s++)
		tfs_buf_addf(b, "<td class=\"num\">%zu / %zu</td>",
		             r->stacks[s].checks->checks_passed,
		             r->stacks[s].checks->checks_decided);
	tfs_buf_adds(b, "</tr>\n<tr><th scope=\"row\">Failing findings "
	                "(critical / high / medium)</th>");
	for (s = 0; s < r->nstacks; s++) {
		const tfs_checks *c = r->stacks[s].checks;
		tfs_buf_addf(b, "<td class=\"num\">%zu / %zu / %zu</td>",
		             c->failed[TFS_SEV_CRITICAL], c->failed[TFS_SEV_HIGH],
		             c->failed[TFS_SEV_MEDIUM]);
	}
	tfs_buf_adds(b, "</tr></tfoot></table></div>\n");
	tfs_map_release(&row);
	free(cell);

	tfs_buf_adds(b, "<p class=\"note\">Environment parity: the same checks "
	                "and the same kinds of resources everywhere, so that "
	                "what passes in staging passes in production. Rows "
	                "marked <b>(differs)</b> are not the same in every "
	                "stack (highlighted); a production-only check reads N/A "
	                "elsewhere."
	                "</p>\n");
	S_parity(b, r, true);
	S_parity(b, r, false);
	S_end_section(b);
}

/* ---- largest, savings ------------------------------------------------------------ */

static void S_largest(tfs_buf *b, const tfs_report *r)
{
	size_t i, k;

	S_section(b, "largest", "Largest resources");
	if (!r->nlargest) {
		tfs_buf_adds(b, "<p>Nothing priced costs money.</p>\n");
		S_end_section(b);
		return;
	}
	tfs_buf_adds(b, "<div class=\"scroll\"><table>\n<thead><tr>"
	                "<th class=\"num\" scope=\"col\">#</th>"
	                "<th scope=\"col\">Resource</th>"
	                "<th scope=\"col\">Type</th>");
	if (r->nstacks > 1)
		tfs_buf_adds(b, "<th scope=\"col\">Stack</th>");
	tfs_buf_adds(b, "<th scope=\"col\">Largest component</th>"
	                "<th class=\"num\" scope=\"col\">Monthly</th>"
	                "<th class=\"num\" scope=\"col\">Share</th></tr></thead>\n"
	                "<tbody>\n");
	for (i = 0; i < r->nlargest; i++) {
		const tfs_cost_resource *res = r->largest[i].res;
		const tfs_cost_component *top = NULL;
		for (k = 0; k < res->ncomponents; k++)
			if (!top || res->components[k].monthly_cost > top->monthly_cost)
				top = &res->components[k];
		tfs_buf_addf(b, "<tr><td class=\"num\">%zu</td>"
		                "<th scope=\"row\" class=\"addr\">",
		             i + 1);
		S_text(b, res->address);
		tfs_buf_adds(b, "</th><td><code>");
		S_text(b, res->type);
		tfs_buf_adds(b, "</code></td>");
		if (r->nstacks > 1) {
			tfs_buf_adds(b, "<td>");
			S_stack_name(b, r, r->largest[i].stack);
			tfs_buf_adds(b, "</td>");
		}
		tfs_buf_adds(b, "<td>");
		if (top)
			S_text(b, top->name);
		tfs_buf_adds(b, "</td>");
		S_td_money(b, res->monthly_cost);
		S_td_pct(b, res->monthly_cost, r->total);
		tfs_buf_adds(b, "</tr>\n");
	}
	tfs_buf_adds(b, "</tbody></table></div>\n");
	S_end_section(b);
}

static void S_evidence(tfs_buf *b, const tfs_finding *f)
{
	if (!f->attribute)
		return;
	tfs_buf_adds(b, "<span class=\"evidence\"><code>");
	tfs_html_text(b, f->attribute, 160);
	if (f->value) {
		tfs_buf_adds(b, " = ");
		tfs_html_text(b, f->value, 160);
	}
	tfs_buf_adds(b, "</code></span>");
}

static void S_savings(tfs_buf *b, const tfs_report *r)
{
	size_t i;

	S_section(b, "savings", "Savings opportunities");
	if (!r->nsavings) {
		tfs_buf_adds(b, "<p>The cost checks (Fargate Spot outside "
		                "production, Graviton, gp2 to gp3, idle Elastic IPs, "
		                "\xe2\x80\xa6) found nothing to save.</p>\n");
		S_end_section(b);
		return;
	}
	tfs_buf_adds(b, "<p>Acting on these saves <b>");
	S_money(b, r->savings_total);
	tfs_buf_adds(b, " a month</b> (");
	S_pct(b, r->savings_total, r->total);
	tfs_buf_adds(b, " of the estimate), each saving computed from the "
	                "price tables.</p>\n");
	tfs_buf_adds(b, "<div class=\"scroll\"><table>\n<thead><tr>"
	                "<th class=\"num\" scope=\"col\">Saves / month</th>"
	                "<th scope=\"col\">Opportunity</th>"
	                "<th scope=\"col\">Resource and evidence</th>"
	                "<th scope=\"col\">How</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < S_shown(r->nsavings); i++) {
		const tfs_finding *f = r->savings[i].finding;
		tfs_buf_adds(b, "<tr>");
		S_td_money(b, f->monthly_saving);
		tfs_buf_adds(b, "<td><b>");
		S_text(b, f->check->title);
		tfs_buf_adds(b, "</b><span class=\"evidence mono\">");
		S_text(b, f->check->id);
		tfs_buf_adds(b, "</span></td><td><span class=\"addr\">");
		S_text(b, f->address ? f->address : "(stack)");
		tfs_buf_adds(b, "</span>");
		if (r->nstacks > 1) {
			tfs_buf_adds(b, " <span class=\"muted\">in ");
			S_stack_name(b, r, r->savings[i].stack);
			tfs_buf_adds(b, "</span>");
		}
		S_evidence(b, f);
		tfs_buf_adds(b, "<span class=\"evidence\">");
		S_text_code(b, f->message, 0);
		tfs_buf_adds(b, "</span></td><td>");
		S_text_code(b, f->check->remediation, 0);
		tfs_buf_adds(b, "</td></tr>\n");
	}
	if (i < r->nsavings) {
		double rest = 0;
		size_t k;
		for (k = i; k < r->nsavings; k++) /* largest first: the rest */
			rest += r->savings[k].finding->monthly_saving;
		tfs_buf_adds(b, "<tr class=\"more\">");
		S_td_money(b, rest);
		tfs_buf_adds(b, "<td colspan=\"3\" class=\"note\">");
		S_more_text(b, r->nsavings - i, "checks.json");
		tfs_buf_adds(b, "</td></tr>\n");
	}
	tfs_buf_adds(b, "</tbody>\n<tfoot><tr class=\"total\">");
	S_td_money(b, r->savings_total);
	tfs_buf_adds(b, "<th scope=\"row\" colspan=\"3\">Total</th></tr></tfoot>"
	                "</table></div>\n");
	S_end_section(b);
}

/* ---- checklist -------------------------------------------------------------------- */

static void S_finding(tfs_buf *b, const tfs_finding *f)
{
	tfs_buf_adds(b, "<li>");
	if (f->status == TFS_STATUS_FAIL && f->waiver)
		tfs_buf_adds(b, "<span class=\"badge s-waived\">Waived</span> ");
	else if (f->status != TFS_STATUS_FAIL) {
		S_badge(b, f->status);
		tfs_buf_addc(b, ' ');
	}
	tfs_buf_adds(b, "<span class=\"addr\">");
	S_text(b, f->address ? f->address : "(whole stack)");
	tfs_buf_adds(b, "</span>");
	S_evidence(b, f);
	tfs_buf_adds(b, "<span class=\"evidence\">");
	S_text_code(b, f->message, 400);
	if (f->has_saving && !f->waiver && f->monthly_saving >= 0.005) {
		tfs_buf_adds(b, " Saves ");
		S_money(b, f->monthly_saving);
		tfs_buf_adds(b, " a month.");
	}
	tfs_buf_adds(b, "</span>");
	if (f->waiver) {
		tfs_buf_adds(b, "<span class=\"evidence\">Waiver: ");
		tfs_html_text(b, f->waiver, 200);
		tfs_buf_adds(b, "</span>");
	}
	tfs_buf_adds(b, "</li>\n");
}

static void S_counts(tfs_buf *b, const tfs_check_summary *s)
{
	static const tfs_status ORDER[] = {TFS_STATUS_FAIL, TFS_STATUS_UNKNOWN,
	                                   TFS_STATUS_PASS, TFS_STATUS_NA};
	const char *sep = "";
	size_t i;

	for (i = 0; i < sizeof(ORDER) / sizeof(ORDER[0]); i++) {
		size_t n = s->counts[ORDER[i]];
		if (ORDER[i] == TFS_STATUS_FAIL)
			n -= s->waived;
		if (!n)
			continue;
		tfs_buf_addf(b, "%s%zu %s", sep, n,
		             ORDER[i] == TFS_STATUS_NA ? "not applicable"
		                                       : tfs_status_name(ORDER[i]));
		sep = ", ";
	}
	if (s->waived)
		tfs_buf_addf(b, "%s%zu waived", sep, s->waived);
}

static void S_check_row(tfs_buf *b, const tfs_checks *c, size_t stack,
                        const tfs_check_summary *s)
{
	const tfs_check_def *d = s->check;
	size_t k, shown = 0, listed = 0;

	tfs_buf_adds(b, "<tr><td>");
	S_badge(b, s->status);
	tfs_buf_addf(b, "</td><td id=\"c%zu-", stack);
	S_text(b, d->id);
	tfs_buf_adds(b, "\"><b>");
	S_text(b, d->title);
	tfs_buf_adds(b, "</b> <span class=\"muted mono\">");
	S_text(b, d->id);
	tfs_buf_adds(b, "</span>");
	if (s->status == TFS_STATUS_UNDECIDABLE) {
		tfs_buf_adds(b, "<span class=\"evidence\">Check by hand: ");
		S_text(b, d->undecidable);
		tfs_buf_adds(b, "</span>");
	} else if (s->nfindings) {
		tfs_buf_adds(b, "<span class=\"evidence\">");
		S_counts(b, s);
		tfs_buf_adds(b, "</span>");
	}
	/* failures, waivers and unknowns one by one, up to a limit */
	for (k = s->first; k < s->first + s->nfindings; k++) {
		const tfs_finding *f = &c->findings[k];
		if (f->status != TFS_STATUS_FAIL && f->status != TFS_STATUS_UNKNOWN)
			continue;
		listed++;
		if (shown == TFS_LIST_FINDINGS)
			continue;
		if (!shown)
			tfs_buf_adds(b, "<ul class=\"findings\">\n");
		S_finding(b, f);
		shown++;
	}
	if (shown)
		tfs_buf_adds(b, "</ul>");
	if (listed > shown)
		tfs_buf_addf(b, "<span class=\"evidence\">and %zu more in "
		                "checks.json</span>",
		             listed - shown);
	if (s->status == TFS_STATUS_FAIL) {
		tfs_buf_adds(b, "<span class=\"fixhint\"><b>Fix:</b> ");
		S_text_code(b, d->remediation, 0);
		tfs_buf_adds(b, "</span>");
	}
	tfs_buf_adds(b, "</td><td>");
	S_sev(b, s->severity);
	tfs_buf_adds(b, "</td></tr>\n");
}

static void S_checklist_stack(tfs_buf *b, const tfs_report *r, size_t stack)
{
	const tfs_checks *c = r->stacks[stack].checks;
	size_t cat, i, s, failing = 0;

	for (s = 0; s < TFS_SEV_COUNT; s++)
		failing += c->failed[s];
	if (r->nstacks > 1) {
		tfs_buf_adds(b, "<h3>");
		S_stack_label(b, r, stack);
		tfs_buf_adds(b, "</h3>\n");
	}
	tfs_buf_addf(b, "<p><b>%zu of %zu</b> decided checks pass; ",
	             c->checks_passed, c->checks_decided);
	S_plural(b, failing, "failing finding", "failing findings");
	tfs_buf_addf(b, ", %zu unknown", c->counts[TFS_STATUS_UNKNOWN]);
	if (c->waived)
		tfs_buf_addf(b, ", %zu waived", c->waived);
	tfs_buf_adds(b, ".</p>\n");
	for (cat = 0; cat < TFS_CHECKCAT_COUNT; cat++) {
		size_t n[TFS_STATUS_COUNT] = {0}, total = 0;
		for (i = 0; i < c->nsummary; i++)
			if ((size_t)c->summary[i].check->category == cat) {
				n[c->summary[i].status]++;
				total++;
			}
		if (!total)
			continue;
		tfs_buf_addf(b, "<h4>%s <span class=\"muted\">\xe2\x80\x94 %zu "
		                "pass, %zu fail, %zu unknown, %zu manual</span></h4>\n",
		             tfs_check_category_title((tfs_check_category)cat),
		             n[TFS_STATUS_PASS], n[TFS_STATUS_FAIL],
		             n[TFS_STATUS_UNKNOWN], n[TFS_STATUS_UNDECIDABLE]);
		tfs_buf_adds(b, "<div class=\"scroll\"><table class=\"checks\">\n"
		                "<thead><tr><th scope=\"col\">Status</th>"
		                "<th scope=\"col\">Check, evidence and fix</th>"
		                "<th scope=\"col\">Severity</th></tr></thead>\n"
		                "<tbody>\n");
		for (i = 0; i < c->nsummary; i++)
			if ((size_t)c->summary[i].check->category == cat)
				S_check_row(b, c, stack, &c->summary[i]);
		tfs_buf_adds(b, "</tbody></table></div>\n");
	}
}

static void S_checklist(tfs_buf *b, const tfs_report *r)
{
	size_t i;

	S_section(b, "checklist", "Checklist");
	tfs_buf_adds(b, "<p class=\"note\">The best-practices checklist, "
	                "decided from the state. <b>Unknown</b>: the state "
	                "cannot tell (it says what is missing). <b>Manual</b>: "
	                "no state can tell; check it by hand. <b>N/A</b>: does "
	                "not apply here (a production-only check on dev).</p>\n");
	for (i = 0; i < r->nstacks; i++)
		S_checklist_stack(b, r, i);
	S_end_section(b);
}

/* ---- cost per resource ------------------------------------------------------- */

static int S_cmp_cost(const void *pa, const void *pb)
{
	const tfs_cost_resource *a = *(const tfs_cost_resource *const *)pa;
	const tfs_cost_resource *b = *(const tfs_cost_resource *const *)pb;
	if (a->monthly_cost != b->monthly_cost)
		return a->monthly_cost > b->monthly_cost ? -1 : 1;
	return strcmp(a->address, b->address);
}

/* 9000000 -> "9,000,000"; decimals as tfs_decimal writes them. */
static void S_quantity(tfs_buf *b, double q)
{
	tfs_buf t;
	size_t i, n;

	tfs_buf_init(&t);
	tfs_decimal(&t, q, 4);
	for (n = 0; n < t.len && t.data[n] != '.'; n++)
		;
	for (i = 0; i < t.len; i++) {
		if (i && i < n && t.data[i - 1] != '-' && (n - i) % 3 == 0)
			tfs_buf_addc(b, ',');
		tfs_buf_addc(b, t.data[i]);
	}
	tfs_buf_release(&t);
}

static void S_component(tfs_buf *b, const tfs_cost_component *k)
{
	tfs_buf_adds(b, "<tr class=\"comp\"><th scope=\"row\">");
	S_text(b, k->name);
	if (k->usage_based)
		tfs_buf_adds(b, " <span class=\"muted\">(usage)</span>");
	if (k->note) {
		tfs_buf_adds(b, "<br><span class=\"note\">");
		S_text(b, k->note);
		tfs_buf_adds(b, "</span>");
	}
	tfs_buf_adds(b, "</th><td class=\"num\">");
	if (k->has_quantity)
		S_quantity(b, k->monthly_quantity);
	tfs_buf_adds(b, "</td><td>");
	S_text(b, k->unit);
	tfs_buf_adds(b, "</td><td class=\"num\">");
	if (k->price_row) {
		tfs_buf_addc(b, '$');
		S_text(b, k->price_row->usd_text);
	}
	tfs_buf_adds(b, "</td><td class=\"num\">");
	if (!k->price_row)
		tfs_buf_adds(b, "<span class=\"badge s-unknown\">price not found"
		                "</span>");
	else if (!k->has_quantity)
		tfs_buf_adds(b, "<span class=\"muted\">depends on usage</span>");
	else
		S_money(b, k->monthly_cost);
	tfs_buf_adds(b, "</td></tr>\n");
}

static void S_other_resources(tfs_buf *b, const tfs_cost *c,
                              tfs_cost_status which, const char *caption)
{
	size_t i, n = 0, shown = 0;

	for (i = 0; i < c->count; i++)
		if (c->resources[i].status == which)
			n++;
	if (!n)
		return;
	tfs_buf_addf(b, "<details><summary>%s (%zu)</summary>\n"
	                "<div class=\"scroll\"><table>\n<thead><tr>"
	                "<th scope=\"col\">Resource</th><th scope=\"col\">Type</th>"
	                "<th scope=\"col\">Why</th></tr></thead>\n<tbody>\n",
	             caption, n);
	for (i = 0; i < c->count; i++) {
		const tfs_cost_resource *res = &c->resources[i];
		if (res->status != which || shown++ >= TFS_LIST_ROWS)
			continue;
		tfs_buf_adds(b, "<tr><th scope=\"row\" class=\"addr\">");
		S_text(b, res->address);
		tfs_buf_adds(b, "</th><td><code>");
		S_text(b, res->type);
		tfs_buf_adds(b, "</code></td><td>");
		S_text(b, res->note);
		tfs_buf_adds(b, "</td></tr>\n");
	}
	if (n > TFS_LIST_ROWS)
		S_more_row(b, 3, n - TFS_LIST_ROWS,
		           which == TFS_COST_FREE ? "cost.json"
		           : which == TFS_COST_UNSUPPORTED
		                   ? "<code>tfsight inventory --format json</code>"
		                   : "cost.csv");
	tfs_buf_adds(b, "</tbody></table></div></details>\n");
}

static void S_resources(tfs_buf *b, const tfs_report *r)
{
	size_t s, i, k;

	S_section(b, "resources", "Cost per resource");
	tfs_buf_adds(b, "<p class=\"note\">Every priced resource with its cost "
	                "components, most expensive first. <i>(usage)</i> marks "
	                "a usage-based component: its quantity comes from the "
	                "usage file, and without one it shows its unit price "
	                "and adds nothing.</p>\n");
	for (s = 0; s < r->nstacks; s++) {
		const tfs_cost *c = r->stacks[s].cost;
		const tfs_cost_resource **sorted;
		size_t n = 0;

		if (r->nstacks > 1) {
			tfs_buf_adds(b, "<h3>");
			S_stack_label(b, r, s);
			tfs_buf_adds(b, " \xe2\x80\x94 ");
			S_money(b, c->total);
			tfs_buf_adds(b, "</h3>\n");
		}
		sorted = xcalloc(c->count + 1, sizeof(*sorted));
		for (i = 0; i < c->count; i++)
			if (tfs_cost_has_components(&c->resources[i]))
				sorted[n++] = &c->resources[i];
		tfs_sort(sorted, n, sizeof(*sorted), S_cmp_cost);
		tfs_buf_adds(b, "<div class=\"scroll\"><table>\n<thead><tr>"
		                "<th scope=\"col\">Resource / component</th>"
		                "<th class=\"num\" scope=\"col\">Monthly qty</th>"
		                "<th scope=\"col\">Unit</th>"
		                "<th class=\"num\" scope=\"col\">Price (USD)</th>"
		                "<th class=\"num\" scope=\"col\">Monthly</th></tr>"
		                "</thead>\n");
		for (i = 0; i < S_shown(n); i++) {
			const tfs_cost_resource *res = sorted[i];
			tfs_buf_adds(b, "<tbody class=\"res\">\n<tr><th scope=\"rowgroup\" "
			                "colspan=\"4\"><span class=\"addr\">");
			S_text(b, res->address);
			tfs_buf_adds(b, "</span> <span class=\"muted\">");
			S_text(b, res->type);
			if (res->note) {
				tfs_buf_adds(b, " \xe2\x80\x94 ");
				S_text(b, res->note);
			}
			tfs_buf_adds(b, "</span></th>");
			S_td_money(b, res->monthly_cost);
			tfs_buf_adds(b, "</tr>\n");
			for (k = 0; k < res->ncomponents; k++)
				S_component(b, &res->components[k]);
			tfs_buf_adds(b, "</tbody>\n");
		}
		if (i < n) {
			double rest = 0;
			for (k = i; k < n; k++) /* dearest first: the rest */
				rest += sorted[k]->monthly_cost;
			tfs_buf_adds(b, "<tbody class=\"more\">\n<tr><th scope=\"rowgroup\" "
			                "colspan=\"4\">");
			S_more_text(b, n - i, "cost.json and cost.csv");
			tfs_buf_adds(b, "</th>");
			S_td_money(b, rest);
			tfs_buf_adds(b, "</tr>\n</tbody>\n");
		}
		tfs_buf_adds(b, "<tfoot><tr class=\"total\"><th scope=\"row\" "
		                "colspan=\"4\">Total");
		if (r->nstacks > 1) {
			tfs_buf_addc(b, ' ');
			S_stack_name(b, r, s);
		}
		tfs_buf_adds(b, "</th>");
		S_td_money(b, c->total);
		tfs_buf_adds(b, "</tr></tfoot></table></div>\n");
		free(sorted);
		S_other_resources(b, c, TFS_COST_FREE, "Free resources");
		S_other_resources(b, c, TFS_COST_UNSUPPORTED,
		                  "Resources tfsight does not price yet");
		S_other_resources(b, c, TFS_COST_OTHER_REGION,
		                  "Outside sa-east-1: not priced");
		S_other_resources(b, c, TFS_COST_NOT_AWS, "Not AWS: not priced");
	}
	S_end_section(b);
}

/* ---- inventory ------------------------------------------------------------------- */

static void S_where(tfs_buf *b, const tfs_model *m, const tfs_node *n)
{
	size_t i;

	switch (n->placement) {
	case TFS_PLACE_SUBNETS:
		for (i = 0; i < n->nsubnets; i++) {
			const tfs_node *sub = &m->nodes[n->subnets[i]];
			if (i)
				tfs_buf_adds(b, ", ");
			tfs_buf_adds(b, sub->tier == TFS_TIER_PUBLIC    ? "public "
			                : sub->tier == TFS_TIER_PRIVATE ? "private "
			                                                : "unknown ");
			if (sub->nazs)
				S_text(b, sub->azs[0]);
			else
				tfs_html_text(b, sub->label, 40);
		}
		if (!n->nsubnets)
			tfs_buf_adds(b, "subnets");
		return;
	case TFS_PLACE_VPC:
		tfs_buf_adds(b, "VPC");
		return;
	case TFS_PLACE_REGIONAL:
		tfs_buf_adds(b, "regional");
		return;
	case TFS_PLACE_EDGE:
		tfs_buf_adds(b, "edge / global");
		return;
	case TFS_PLACE_EXTERNAL:
		tfs_buf_adds(b, "not in this input");
		return;
	}
}

static void S_inventory(tfs_buf *b, const tfs_report *r)
{
	size_t s, i, t;

	S_section(b, "inventory", "Inventory");
	for (s = 0; s < r->nstacks; s++) {
		const tfs_model *m = r->stacks[s].model;
		tfs_buf_adds(b, "<h3>");
		S_stack_label(b, r, s);
		tfs_buf_adds(b, " \xe2\x80\x94 ");
		S_plural(b, m->nresources, "resource", "resources");
		tfs_buf_adds(b, "</h3>\n<div class=\"scroll\"><table>\n<thead><tr>"
		                "<th scope=\"col\">Resource</th>"
		                "<th scope=\"col\">Type</th>"
		                "<th scope=\"col\">Placement</th>"
		                "<th scope=\"col\">Environment</th>"
		                "<th scope=\"col\">Tags</th></tr></thead>\n<tbody>\n");
		for (i = 0; i < S_shown(m->nresources); i++) {
			const tfs_node *n = &m->nodes[i];
			tfs_buf_adds(b, "<tr><th scope=\"row\" class=\"addr\">");
			S_text(b, n->address);
			tfs_buf_adds(b, "</th><td><code>");
			if (n->item)
				S_text(b, n->item->inst->type);
			tfs_buf_adds(b, "</code></td><td>");
			S_where(b, m, n);
			tfs_buf_adds(b, "</td><td>");
			if (n->env_source != TFS_ENV_UNKNOWN)
				tfs_html_text(b, n->environment, 40);
			tfs_buf_adds(b, "</td><td class=\"tags\">");
			for (t = 0; n->item && t < n->item->ntags; t++) {
				if (t)
					tfs_buf_adds(b, ", ");
				tfs_html_text(b, n->item->tags[t].key, 60);
				tfs_buf_addc(b, '=');
				tfs_html_text(b, n->item->tags[t].value, 120);
			}
			tfs_buf_adds(b, "</td></tr>\n");
		}
		if (i < m->nresources)
			S_more_row(b, 5, m->nresources - i,
			           "<code>tfsight inventory --format json</code>");
		tfs_buf_adds(b, "</tbody></table></div>\n");
	}
	S_end_section(b);
}

/* ---- assumptions -------------------------------------------------------------- */

static int S_cmp_price(const void *pa, const void *pb)
{
	const tfs_price *a = *(const tfs_price *const *)pa;
	const tfs_price *b = *(const tfs_price *const *)pb;
	return strcmp(a->key, b->key);
}

static void S_prices_used(tfs_buf *b, const tfs_report *r)
{
	const tfs_price **used;
	size_t n = 0, cap = 0, s, i, k;
	const char *first = NULL, *last = NULL;
	tfs_map seen;

	tfs_map_init(&seen);
	used = NULL;
	for (s = 0; s < r->nstacks; s++) {
		const tfs_cost *c = r->stacks[s].cost;
		for (i = 0; i < c->count; i++)
			for (k = 0; k < c->resources[i].ncomponents; k++) {
				const tfs_price *p = c->resources[i].components[k].price_row;
				if (!p || !tfs_map_add(&seen, p->key, 0))
					continue;
				tfs_grow(&used, &cap, n + 1, sizeof(*used));
				used[n++] = p;
			}
	}
	tfs_sort(used, n, sizeof(*used), S_cmp_price);
	for (i = 0; i < n; i++) {
		const char *d = used[i]->effective_date;
		if (!d || !*d)
			continue;
		if (!first || strcmp(d, first) < 0)
			first = d;
		if (!last || strcmp(d, last) > 0)
			last = d;
	}
	tfs_buf_adds(b, "<h3>Prices</h3>\n<p>Price table: <b>");
	if (r->opt.pricing) {
		S_text(b, r->opt.pricing->name);
		tfs_buf_addf(b, "</b>%s, %zu prices",
		             r->opt.pricing->bundled ? " (bundled with tfsight)" : "",
		             r->opt.pricing->count);
	} else
		tfs_buf_adds(b, "unknown</b>");
	tfs_buf_addf(b, "; this estimate used %zu of them", n);
	if (first) {
		tfs_buf_adds(b, ", effective ");
		S_text(b, first);
		if (strcmp(first, last) != 0) {
			tfs_buf_adds(b, " to ");
			S_text(b, last);
		}
	}
	tfs_buf_adds(b, ".</p>\n");
	if (n) {
		tfs_buf_adds(b, "<details><summary>The prices this estimate used"
		                "</summary>\n<div class=\"scroll\"><table>\n<thead>"
		                "<tr><th scope=\"col\">Key</th>"
		                "<th scope=\"col\">What</th>"
		                "<th class=\"num\" scope=\"col\">USD</th>"
		                "<th scope=\"col\">Per</th>"
		                "<th scope=\"col\">Effective</th>"
		                "<th scope=\"col\">Source</th></tr></thead>\n<tbody>\n");
		for (i = 0; i < n; i++) {
			const tfs_price *p = used[i];
			tfs_buf_adds(b, "<tr><th scope=\"row\" class=\"mono\">");
			S_text(b, p->key);
			tfs_buf_adds(b, "</th><td>");
			S_text(b, p->service);
			tfs_buf_adds(b, " \xc2\xb7 ");
			S_text(b, p->sku);
			tfs_buf_adds(b, " \xc2\xb7 ");
			S_text(b, p->attribute);
			tfs_buf_adds(b, "</td><td class=\"num\">");
			S_text(b, p->usd_text);
			tfs_buf_adds(b, "</td><td>");
			S_text(b, p->unit);
			tfs_buf_adds(b, "</td><td>");
			S_text(b, *p->effective_date ? p->effective_date : "undated");
			tfs_buf_adds(b, "</td><td class=\"tags\">");
			S_text(b, p->source);
			tfs_buf_adds(b, "</td></tr>\n");
		}
		tfs_buf_adds(b, "</tbody></table></div></details>\n");
	}
	free(used);
	tfs_map_release(&seen);
}

static void S_usage(tfs_buf *b, const tfs_report *r)
{
	const tfs_usage *u = r->opt.usage;
	size_t i, k, rows = 0;

	tfs_buf_adds(b, "<h3>Usage values</h3>\n");
	if (!u) {
		tfs_buf_adds(b, "<p>No usage file was given: usage-based components "
		                "(data through a NAT gateway, requests, log "
		                "ingestion, \xe2\x80\xa6) show their unit price and add "
		                "nothing to the totals.</p>\n");
		return;
	}
	tfs_buf_adds(b, "<p>From <b>");
	S_text(b, r->opt.usage_name ? r->opt.usage_name : u->name);
	tfs_buf_adds(b, "</b> (Infracost's usage-file layout).</p>\n");
	tfs_buf_adds(b, "<div class=\"scroll\"><table>\n<thead><tr>"
	                "<th scope=\"col\">Applies to</th><th scope=\"col\">Key</th>"
	                "<th class=\"num\" scope=\"col\">Value</th></tr></thead>\n"
	                "<tbody>\n");
	for (i = 0; i < u->count; i++) {
		const tfs_usage_entry *e = &u->entries[i];
		for (k = 0; k < e->count; k++) {
			if (rows++ >= TFS_LIST_ROWS)
				continue;
			tfs_buf_adds(b, "<tr><th scope=\"row\" class=\"addr\">");
			S_text(b, e->name);
			if (e->section == TFS_USAGE_TYPE_DEFAULT)
				tfs_buf_adds(b, " <span class=\"muted\">(every resource "
				                "of the type)</span>");
			tfs_buf_adds(b, "</th><td><code>");
			S_text(b, e->values[k].key);
			tfs_buf_adds(b, "</code></td><td class=\"num\">");
			tfs_html_text(b, e->values[k].text, 80);
			tfs_buf_adds(b, "</td></tr>\n");
		}
	}
	if (rows > TFS_LIST_ROWS)
		S_more_row(b, 3, rows - TFS_LIST_ROWS, "the usage file");
	tfs_buf_adds(b, "</tbody></table></div>\n");
}

static void S_not_priced(tfs_buf *b, const tfs_report *r)
{
	size_t s, i, k, nmiss = 0, npend = 0, rows = 0;

	tfs_buf_adds(b, "<h3>What is not priced</h3>\n<ul>\n");
	tfs_buf_addf(b, "<li>%zu resource%s of types tfsight does not price yet "
	                "(listed under each stack in <a href=\"#resources\">cost "
	                "per resource</a>); they add nothing to the total.</li>\n",
	             r->n_unsupported, r->n_unsupported == 1 ? "" : "s");
	tfs_buf_addf(b, "<li>%zu free resource%s (no charge of their own; each "
	                "says what it is billed with).</li>\n",
	             r->n_free, r->n_free == 1 ? "" : "s");
	if (r->n_other_region || r->n_not_aws) {
		tfs_buf_adds(b, "<li>");
		tfs_excluded_phrase(b, r->n_other_region, r->n_not_aws);
		tfs_buf_adds(b, ": the price tables are for sa-east-1 AWS only, so "
		                "the total leaves them out.</li>\n");
	}
	tfs_buf_adds(b, "<li>Data transfer out to the internet beyond what the "
	                "usage file names, taxes, support plans, Savings Plans, "
	                "Reserved Instances and the free tier.</li>\n</ul>\n");
	for (s = 0; s < r->nstacks; s++) {
		const tfs_cost *c = r->stacks[s].cost;
		for (i = 0; i < c->count; i++)
			for (k = 0; k < c->resources[i].ncomponents; k++) {
				const tfs_cost_component *x = &c->resources[i].components[k];
				if (!x->price_row)
					nmiss++;
				else if (!x->has_quantity)
					npend++;
			}
	}
	if (!nmiss && !npend)
		return;
	tfs_buf_addf(b, "<div class=\"scroll\"><table>\n<caption>Missing prices "
	                "(%zu) and usage-based components without usage (%zu)"
	                "</caption>\n<thead><tr><th scope=\"col\">Resource</th>"
	                "<th scope=\"col\">Component</th>"
	                "<th scope=\"col\">What is missing</th></tr></thead>\n"
	                "<tbody>\n",
	             nmiss, npend);
	for (s = 0; s < r->nstacks; s++) {
		const tfs_cost *c = r->stacks[s].cost;
		for (i = 0; i < c->count; i++)
			for (k = 0; k < c->resources[i].ncomponents; k++) {
				const tfs_cost_component *x = &c->resources[i].components[k];
				if ((x->price_row && x->has_quantity) ||
				    rows++ >= TFS_LIST_ROWS)
					continue;
				tfs_buf_adds(b, "<tr><th scope=\"row\" class=\"addr\">");
				S_text(b, c->resources[i].address);
				tfs_buf_adds(b, "</th><td>");
				S_text(b, x->name);
				tfs_buf_adds(b, "</td><td>");
				if (!x->price_row) {
					tfs_buf_adds(b, "the price <code>");
					S_text(b, x->price_key);
					tfs_buf_adds(b, "</code> is not in the table");
				} else {
					tfs_buf_adds(b, "a usage figure: $");
					S_text(b, x->price_row->usd_text);
					tfs_buf_adds(b, " per ");
					S_text(b, x->price_row->unit);
				}
				tfs_buf_adds(b, "</td></tr>\n");
			}
	}
	if (rows > TFS_LIST_ROWS)
		S_more_row(b, 3, rows - TFS_LIST_ROWS, "cost.csv");
	tfs_buf_adds(b, "</tbody></table></div>\n");
}

static void S_assumptions(tfs_buf *b, const tfs_report *r)
{
	S_section(b, "assumptions", "Assumptions");
	tfs_buf_adds(b, "<ul>\n<li>Region sa-east-1 (S\xc3\xa3o Paulo); "
	                "on-demand list prices in US dollars, before taxes and "
	                "discounts.</li>\n<li>730 hours a month; every figure is "
	                "computed unrounded and rounded to cents for display "
	                "only, so a total is the sum of its lines.</li>\n"
	                "<li>A price the table lacks is shown as missing and "
	                "counted, never guessed.</li>\n<li>The estimate reads the "
	                "Terraform state only: no cloud credentials, no "
	                "billing data. Actual bills differ by usage.</li>\n"
	                "</ul>\n");
	S_prices_used(b, r);
	S_usage(b, r);
	S_not_priced(b, r);
	S_end_section(b);
}

/* ---- the page -------------------------------------------------------------------- */

void tfs_render_report_html(const tfs_report *r, tfs_buf *out)
{
	S_head(out, r);
	S_top(out, r);
	S_headline(out, r);
	if (S_has_changes(r))
		S_changes(out, r);
	S_diagram(out, r);
	S_breakdown(out, r);
	if (r->nstacks > 1)
		S_environments(out, r);
	S_largest(out, r);
	S_savings(out, r);
	S_checklist(out, r);
	S_resources(out, r);
	S_inventory(out, r);
	S_assumptions(out, r);
	tfs_buf_adds(out, "</main>\n<footer>Generated by tfsight");
	if (r->opt.tool_version) {
		tfs_buf_addc(out, ' ');
		S_text(out, r->opt.tool_version);
	}
	if (r->opt.generated) {
		tfs_buf_adds(out, " on ");
		S_text(out, r->opt.generated);
	}
	tfs_buf_adds(out, " from Terraform state, offline. Machine-readable "
	                  "files beside this page: cost.json, checks.json, "
	                  "cost.csv, summary.md.</footer>\n</div>\n</body>\n"
	                  "</html>\n");
}
