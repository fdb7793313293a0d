/* diff.c - `tfsight diff` as a pull-request comment (Markdown sized for
 * the platform) and as JSON.
 *
 * The comment: a hidden marker on the first line, the headline, a compact
 * table per project and environment, then the details (resources, check
 * changes) in <details> blocks.  When the comment would pass the
 * platform's limit (counted in characters, not bytes) the details lose
 * their last lines and say so; the headline and the table never do.
 * Conventions from Infracost's comment: whole dollars from $1 up, "+$X
 * (+Y%)", no percent from or to $0. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tfsight/render.h"

static const struct {
	const char *name, *title;
	size_t limit;
	bool details; /* renders <details> */
} S_PLATFORMS[] = {
	[TFS_PLATFORM_GITHUB] = {"github", "GitHub", 65536, true},
	[TFS_PLATFORM_GITLAB] = {"gitlab", "GitLab", 1000000, true},
	[TFS_PLATFORM_AZURE] = {"azure", "Azure DevOps", 150000, true},
	[TFS_PLATFORM_BITBUCKET] = {"bitbucket", "Bitbucket", 32768, false},
};

bool tfs_platform_parse(const char *s, tfs_platform *out)
{
	size_t i;
	for (i = 0; s && i < sizeof(S_PLATFORMS) / sizeof(S_PLATFORMS[0]); i++)
		if (strcmp(s, S_PLATFORMS[i].name) == 0) {
			*out = (tfs_platform)i;
			return true;
		}
	return false;
}

size_t tfs_platform_limit(tfs_platform p)
{
	return S_PLATFORMS[p].limit;
}

/* ---- Markdown text ------------------------------------------------------------ */

void tfs_md_escape(tfs_buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		unsigned cp;
		size_t n = tfs_utf8_hidden((const unsigned char *)s, &cp);
		if (n) {
			/* a bidi override would reorder the comment as shown */
			tfs_buf_add_codepoint(b, cp);
			s += n - 1;
		} else if (c == '<')
			tfs_buf_adds(b, "&lt;");
		else if (c == '>')
			tfs_buf_adds(b, "&gt;");
		else if (c == '&')
			tfs_buf_adds(b, "&amp;");
		else if (c == '@')
			tfs_buf_adds(b, "@\xe2\x80\x8b"); /* no mention: a zero-width
			                                     space follows */
		else if (c == '\n' || c == '\r' || c == '\t')
			tfs_buf_addc(b, ' ');
		else if (c < 0x20 || c == 0x7f)
			tfs_buf_addc(b, '?');
		else if (strchr("\\`*_[]|~!#", c)) {
			tfs_buf_addc(b, '\\');
			tfs_buf_addc(b, (char)c);
		} else
			tfs_buf_addc(b, (char)c);
	}
}

/* Whole dollars from $1 up, cents below: "$1,402", "$0.58". */
void tfs_money_short(tfs_buf *b, double usd)
{
	if (fabs(usd) >= 1.0) {
		tfs_buf t;
		tfs_buf_init(&t);
		tfs_money(&t, round(usd));
		/* "$1,402.00" -> "$1,402" */
		tfs_buf_add(b, t.data, t.len - 3);
		tfs_buf_release(&t);
	} else {
		tfs_money(b, usd);
	}
}

/* "+$120 (+15%)", "-$3", "$0". */
static void S_delta(tfs_buf *b, double base, double head)
{
	double d = head - base;

	if (fabs(d) < 0.005) {
		tfs_buf_adds(b, "$0");
		return;
	}
	tfs_buf_addc(b, d > 0 ? '+' : '-');
	tfs_money_short(b, fabs(d));
	if (fabs(base) >= 0.005 && fabs(head) >= 0.005)
		tfs_buf_addf(b, " (%+.0f%%)", (head / base - 1.0) * 100.0);
}

/* ---- the comment ----------------------------------------------------------- */

static void S_headline(tfs_buf *b, const tfs_diff *d)
{
	double delta = d->head_total - d->base_total;

	if (fabs(delta) < 0.005) {
		tfs_buf_adds(b, "Monthly estimate unchanged at ");
		tfs_money_short(b, d->head_total);
		return;
	}
	tfs_buf_addf(b, "Monthly estimate %s by ",
	             delta > 0 ? "increases" : "decreases");
	tfs_money_short(b, fabs(delta));
	if (fabs(d->base_total) >= 0.005 && fabs(d->head_total) >= 0.005)
		tfs_buf_addf(b, " (%+.0f%%)",
		             (d->head_total / d->base_total - 1.0) * 100.0);
	tfs_buf_adds(b, ", to ");
	tfs_money_short(b, d->head_total);
}

static void S_plural(tfs_buf *b, size_t n, const char *one, const char *many)
{
	tfs_buf_addf(b, "%zu %s", n, n == 1 ? one : many);
}

static void S_check_counts(tfs_buf *b, const tfs_diff *d)
{
	S_plural(b, d->nnew_failures, "new failure", "new failures");
	tfs_buf_adds(b, ", ");
	tfs_buf_addf(b, "%zu fixed", d->nfixed);
}

static void S_head(tfs_buf *b, const tfs_diff_view *v)
{
	const tfs_diff *d = v->diff;
	size_t i, shown = 0, nrest = 0;
	double rest_base = 0, rest_head = 0;

	if (S_PLATFORMS[v->platform].details) {
		tfs_buf_adds(b, "[//]: <> (tfsight");
		if (v->tag) {
			tfs_buf_addc(b, ':');
			tfs_md_escape(b, v->tag);
		}
		tfs_buf_adds(b, ")\n");
	}
	tfs_buf_adds(b, "#### ");
	S_headline(b, d);
	tfs_buf_adds(b, "\n\n");
	tfs_buf_adds(b, "Resources: ");
	tfs_buf_addf(b, "%zu added, %zu removed, %zu changed", d->added,
	             d->removed, d->changed);
	if (d->has_checks) {
		tfs_buf_adds(b, " · Checklist: ");
		S_check_counts(b, d);
	}
	tfs_buf_adds(b, "\n\n");
	tfs_buf_adds(b, "| Project | Environment | Baseline | New | Change |\n"
	                "|---|---|--:|--:|--:|\n");
	for (i = 0; i < d->ngroups; i++) {
		const tfs_diff_group *g = &d->groups[i];
		if (fabs(g->head_usd - g->base_usd) < 0.005 && !v->show_all)
			continue;
		/* the table is never cut for the platform's limit, so it has
		 * a limit of its own: a project and environment per instance
		 * would make it as long as the state */
		if (shown++ >= TFS_LIST_SUMMARY) {
			nrest++;
			rest_base += g->base_usd;
			rest_head += g->head_usd;
			continue;
		}
		tfs_buf_adds(b, "| ");
		tfs_md_escape(b, g->project);
		tfs_buf_adds(b, " | ");
		tfs_md_escape(b, g->environment);
		tfs_buf_adds(b, " | ");
		tfs_money_short(b, g->base_usd);
		tfs_buf_adds(b, " | ");
		tfs_money_short(b, g->head_usd);
		tfs_buf_adds(b, " | ");
		S_delta(b, g->base_usd, g->head_usd);
		tfs_buf_adds(b, " |\n");
	}
	if (nrest) {
		tfs_buf_addf(b, "| … and %zu more (all of them in `tfsight diff "
		                "--format json`) | | ",
		             nrest);
		tfs_money_short(b, rest_base);
		tfs_buf_adds(b, " | ");
		tfs_money_short(b, rest_head);
		tfs_buf_adds(b, " | ");
		S_delta(b, rest_base, rest_head);
		tfs_buf_adds(b, " |\n");
	}
	tfs_buf_adds(b, "| **Total** | | **");
	tfs_money_short(b, d->base_total);
	tfs_buf_adds(b, "** | **");
	tfs_money_short(b, d->head_total);
	tfs_buf_adds(b, "** | **");
	S_delta(b, d->base_total, d->head_total);
	tfs_buf_adds(b, "** |\n");
	{
		tfs_buf t;
		tfs_buf_init(&t);
		if (tfs_excluded_phrase(&t, d->head_other_region, d->head_not_aws)) {
			tfs_buf_adds(b, "\nNot in the estimate: ");
			tfs_md_escape(b, t.data);
			tfs_buf_adds(b, " (the price tables are for sa-east-1 AWS "
			                "only).\n");
		}
		tfs_buf_release(&t);
	}
	if (d->unknown_after_apply) {
		tfs_buf_adds(b, "\n");
		S_plural(b, d->unknown_after_apply, "resource has",
		         "resources have");
		tfs_buf_adds(b, " values known only after apply; their cost is "
		                "what the known values give and may change.\n");
	}
}

static size_t S_chars(const char *s, size_t len)
{
	size_t n = 0, i;
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The details, as lines: each is mandatory (block structure) or an item
 * that may be left out when the comment is too long. */
typedef struct {
	tfs_buf text;
	size_t *starts; /* line i is text[starts[i] .. starts[i+1]) */
	bool *item;
	size_t n, cap, cap2;
	/* Items are written until they alone pass the limit; the rest are
	 * only counted: the cut keeps items in order and none after the
	 * first it drops, so no later one could be shown. */
	size_t limit, item_chars, skipped;
} S_lines;

/* Whether to write the next item; false: it is counted as left out. */
static bool S_room(S_lines *l)
{
	if (l->item_chars <= l->limit)
		return true;
	l->skipped++;
	return false;
}

/* After an item: its characters towards the limit. */
static void S_item_done(S_lines *l)
{
	size_t at = l->starts[l->n - 1];
	l->item_chars += S_chars(l->text.data + at, l->text.len - at);
}

static void S_line_begin(S_lines *l, bool item)
{
	tfs_grow(&l->starts, &l->cap, l->n + 2, sizeof(*l->starts));
	tfs_grow(&l->item, &l->cap2, l->n + 1, sizeof(*l->item));
	l->starts[l->n] = l->text.len;
	l->item[l->n] = item;
	l->n++;
}

static void S_fixed(S_lines *l, const char *s)
{
	S_line_begin(l, false);
	tfs_buf_adds(&l->text, s);
}

static void S_resource_line(S_lines *l, const tfs_diff_resource *r)
{
	tfs_buf *b = &l->text;
	size_t k, shown = 0;
	int pass;

	S_line_begin(l, true);
	/* a replacement destroys the object: the row says so, as the plan
	 * does ("must be replaced"), not merely "changed" */
	tfs_buf_addf(b, "| %s | ",
	             r->change == TFS_CHANGE_ADDED     ? "+ added"
	             : r->change == TFS_CHANGE_REMOVED ? "− removed"
	             : r->action == TFS_ACTION_REPLACE ? "−/+ replaced"
	                                               : "~ changed");
	tfs_md_escape(b, r->address);
	if (r->previous_address) {
		tfs_buf_adds(b, " (moved from ");
		tfs_md_escape(b, r->previous_address);
		tfs_buf_addc(b, ')');
	}
	tfs_buf_adds(b, " | ");
	/* what changed: three values, old -> new, those the plan knows first:
	 * a replacement turns every value the provider computes into "(known
	 * after apply)", which would crowd out what forces it */
	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < r->nattrs && shown < 3; k++) {
			const tfs_diff_attr *at = &r->attrs[k];
			if ((strcmp(at->after, TFS_DIFF_UNKNOWN) == 0) != (pass == 1))
				continue;
			if (shown++)
				tfs_buf_adds(b, "; ");
			tfs_md_escape(b, at->path);
			tfs_buf_adds(b, ": ");
			tfs_md_escape(b, at->before);
			/* hidden on both sides: "(sensitive) → (sensitive)" says
			 * no more */
			if (strcmp(at->before, TFS_REDACTED) == 0 &&
			    strcmp(at->after, TFS_REDACTED) == 0)
				continue;
			tfs_buf_adds(b, " → ");
			tfs_md_escape(b, at->after);
		}
	if (r->nattrs + r->nattrs_more > shown)
		tfs_buf_addf(b, "; and %zu more", r->nattrs + r->nattrs_more - shown);
	if (r->reason)
		tfs_md_escape(b, r->reason);
	if (r->not_priced) {
		if (r->nattrs || r->reason)
			tfs_buf_adds(b, "; ");
		tfs_md_escape(b, r->not_priced);
	}
	else if (r->unknown_after_apply && r->change != TFS_CHANGE_CHANGED)
		tfs_buf_adds(b, "known after apply");
	tfs_buf_adds(b, " | ");
	if (r->change == TFS_CHANGE_ADDED)
		tfs_buf_adds(b, "–");
	else
		tfs_money_short(b, r->base_usd);
	tfs_buf_adds(b, " | ");
	if (r->change == TFS_CHANGE_REMOVED)
		tfs_buf_adds(b, "–");
	else if (r->not_priced)
		tfs_buf_adds(b, "not priced");
	else
		tfs_money_short(b, r->head_usd);
	tfs_buf_adds(b, " | ");
	S_delta(b, r->base_usd, r->head_usd);
	if (r->missing_prices)
		tfs_buf_adds(b, " (price missing)");
	tfs_buf_adds(b, " |\n");
}

static void S_finding_line(S_lines *l, const tfs_finding *f)
{
	tfs_buf *b = &l->text;

	S_line_begin(l, true);
	tfs_buf_addf(b, "- **%s** %s ", tfs_severity_name(f->severity),
	             f->check->id);
	tfs_md_escape(b, f->check->title);
	tfs_buf_adds(b, " — ");
	tfs_md_escape(b, f->address ? f->address : "the stack");
	if (f->attribute) {
		tfs_buf_adds(b, ": ");
		tfs_md_escape(b, f->attribute);
		if (f->value) {
			tfs_buf_adds(b, " = ");
			tfs_md_escape(b, f->value);
		}
	}
	tfs_buf_adds(b, " (");
	tfs_md_escape(b, f->message);
	tfs_buf_adds(b, ")\n");
}

static void S_open(S_lines *l, bool details, const char *summary)
{
	tfs_buf *b = &l->text;
	S_line_begin(l, false);
	if (details) {
		tfs_buf_adds(b, "\n<details><summary>");
		tfs_buf_adds(b, summary);
		tfs_buf_adds(b, "</summary>\n\n");
	} else {
		tfs_buf_adds(b, "\n**");
		tfs_buf_adds(b, summary);
		tfs_buf_adds(b, "**\n\n");
	}
}

static void S_details(S_lines *l, const tfs_diff_view *v)
{
	const tfs_diff *d = v->diff;
	bool det = S_PLATFORMS[v->platform].details;
	char summary[160];
	size_t i;

	if (d->nresources) {
		snprintf(summary, sizeof(summary),
		         "Resources: %zu added, %zu removed, %zu changed", d->added,
		         d->removed, d->changed);
		S_open(l, det, summary);
		S_fixed(l, "| | Resource | What changed | Baseline | New | Change |\n"
		           "|---|---|---|--:|--:|--:|\n");
		for (i = 0; i < d->nresources; i++)
			if (S_room(l)) {
				S_resource_line(l, &d->resources[i]);
				S_item_done(l);
			}
		if (det)
			S_fixed(l, "\n</details>\n");
	}
	if (d->has_checks && (d->nnew_failures || d->nfixed)) {
		tfs_buf t;
		tfs_buf_init(&t);
		tfs_buf_adds(&t, "Checklist: ");
		S_check_counts(&t, d);
		S_open(l, det, t.data);
		tfs_buf_release(&t);
		if (d->nnew_failures) {
			S_fixed(l, "New failures:\n\n");
			for (i = 0; i < d->nnew_failures; i++)
				if (S_room(l)) {
					S_finding_line(l, d->new_failures[i]);
					S_item_done(l);
				}
		}
		if (d->nfixed) {
			S_fixed(l, d->nnew_failures ? "\nFixed:\n\n" : "Fixed:\n\n");
			for (i = 0; i < d->nfixed; i++)
				if (S_room(l)) {
					S_finding_line(l, d->fixed[i]);
					S_item_done(l);
				}
		}
		if (det)
			S_fixed(l, "\n</details>\n");
	}
	tfs_grow(&l->starts, &l->cap, l->n + 1, sizeof(*l->starts));
	l->starts[l->n] = l->text.len;
}

static void S_foot(tfs_buf *b, const tfs_diff_view *v)
{
	tfs_buf_adds(b, "\n<sub>tfsight estimate from the bundled sa-east-1 price "
	                "tables; ");
	tfs_md_escape(b, v->base_name);
	tfs_buf_adds(b, " → ");
	tfs_md_escape(b, v->head_name);
	tfs_buf_adds(b, ".</sub>\n");
	if (!S_PLATFORMS[v->platform].details) {
		tfs_buf_adds(b, "\n*(generated by tfsight");
		if (v->tag) {
			tfs_buf_adds(b, ": ");
			tfs_md_escape(b, v->tag);
		}
		tfs_buf_adds(b, ")*\n");
	}
}

void tfs_render_diff_markdown(const tfs_diff_view *v, tfs_buf *out)
{
	size_t limit = v->max_chars ? v->max_chars
	                            : S_PLATFORMS[v->platform].limit;
	tfs_buf head, foot, note;
	S_lines l;
	size_t used, fixed = 0, i, dropped = 0;

	tfs_buf_init(&head);
	tfs_buf_init(&foot);
	tfs_buf_init(&note);
	memset(&l, 0, sizeof(l));
	tfs_buf_init(&l.text);
	l.limit = limit;
	S_head(&head, v);
	S_foot(&foot, v);
	S_details(&l, v);
	tfs_buf_addf(&note, "\n> **Note:** NNNNNNNNNN lines were left out to fit "
	                    "%s's %zu-character limit; `tfsight diff --format "
	                    "json` has them all.\n",
	             S_PLATFORMS[v->platform].title, limit);
	used = S_chars(head.data, head.len) + S_chars(foot.data, foot.len);
	for (i = 0; i < l.n; i++)
		if (!l.item[i])
			fixed += S_chars(l.text.data + l.starts[i],
			                 l.starts[i + 1] - l.starts[i]);
	tfs_buf_add(out, head.data, head.len);
	if (used + S_chars(l.text.data, l.text.len) <= limit) {
		tfs_buf_add(out, l.text.data, l.text.len);
	} else {
		size_t budget = limit > used + fixed + S_chars(note.data, note.len)
		                        ? limit - used - fixed -
		                                  S_chars(note.data, note.len)
		                        : 0;
		for (i = 0; i < l.n; i++) {
			size_t len = l.starts[i + 1] - l.starts[i];
			size_t c = S_chars(l.text.data + l.starts[i], len);
			if (l.item[i] && (dropped || c > budget)) {
				dropped++;
				continue;
			}
			if (l.item[i])
				budget -= c;
			tfs_buf_add(out, l.text.data + l.starts[i], len);
		}
		dropped += l.skipped;
		tfs_buf_addf(out, "\n> **Note:** %zu line%s %s left out to fit %s's "
		                  "%zu-character limit; `tfsight diff --format "
		                  "json` has them all.\n",
		             dropped, dropped == 1 ? "" : "s",
		             dropped == 1 ? "was" : "were",
		             S_PLATFORMS[v->platform].title, limit);
	}
	tfs_buf_add(out, foot.data, foot.len);
	tfs_buf_release(&head);
	tfs_buf_release(&foot);
	tfs_buf_release(&note);
	tfs_buf_release(&l.text);
	free(l.starts);
	free(l.item);
}

/* ---- JSON -------------------------------------------------------------------- */

static void S_json_pct(tfs_jw *w, double base, double head)
{
	if (fabs(base) >= 0.005 && fabs(head) >= 0.005)
		tfs_jw_decimal(w, (head / base - 1.0) * 100.0);
	else
		tfs_jw_null(w);
}

static void S_json_finding(tfs_jw *w, const tfs_finding *f)
{
	tfs_jw_object_begin(w);
	tfs_jw_key(w, "id");
	tfs_jw_string(w, f->check->id);
	tfs_jw_key(w, "title");
	tfs_jw_string(w, f->check->title);
	tfs_jw_key(w, "severity");
	tfs_jw_string(w, tfs_severity_name(f->severity));
	tfs_jw_finding_fields(w, f);
	tfs_jw_object_end(w);
}

void tfs_render_diff_json(const tfs_diff_view *v, tfs_buf *out)
{
	const tfs_diff *d = v->diff;
	tfs_jw w;
	size_t i, k;

	tfs_jw_init(&w, out);
	tfs_jw_object_begin(&w);
	tfs_jw_key(&w, "version");
	tfs_jw_string(&w, "1");
	tfs_jw_key(&w, "currency");
	tfs_jw_string(&w, "USD");
	tfs_jw_key(&w, "baseline");
	tfs_jw_string(&w, v->base_name);
	tfs_jw_key(&w, "head");
	tfs_jw_string(&w, v->head_name);
	tfs_jw_key(&w, "pastTotalMonthlyCost");
	tfs_jw_decimal(&w, d->base_total);
	tfs_jw_key(&w, "totalMonthlyCost");
	tfs_jw_decimal(&w, d->head_total);
	tfs_jw_key(&w, "diffTotalMonthlyCost");
	tfs_jw_decimal(&w, d->head_total - d->base_total);
	tfs_jw_key(&w, "diffPercent");
	S_json_pct(&w, d->base_total, d->head_total);
	tfs_jw_key(&w, "summary");
	tfs_jw_object_begin(&w);
	tfs_jw_key(&w, "added");
	tfs_jw_uint(&w, d->added);
	tfs_jw_key(&w, "removed");
	tfs_jw_uint(&w, d->removed);
	tfs_jw_key(&w, "changed");
	tfs_jw_uint(&w, d->changed);
	tfs_jw_key(&w, "unchanged");
	tfs_jw_uint(&w, d->unchanged);
	tfs_jw_key(&w, "outsideRegion");
	tfs_jw_uint(&w, d->head_other_region);
	tfs_jw_key(&w, "notAws");
	tfs_jw_uint(&w, d->head_not_aws);
	tfs_jw_key(&w, "unknownAfterApply");
	tfs_jw_uint(&w, d->unknown_after_apply);
	tfs_jw_object_end(&w);
	tfs_jw_key(&w, "groups");
	tfs_jw_array_begin(&w);
	for (i = 0; i < d->ngroups; i++) {
		const tfs_diff_group *g = &d->groups[i];
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "project");
		tfs_jw_string(&w, g->project);
		tfs_jw_key(&w, "environment");
		tfs_jw_string(&w, g->environment);
		tfs_jw_key(&w, "pastMonthlyCost");
		tfs_jw_decimal(&w, g->base_usd);
		tfs_jw_key(&w, "monthlyCost");
		tfs_jw_decimal(&w, g->head_usd);
		tfs_jw_key(&w, "diffMonthlyCost");
		tfs_jw_decimal(&w, g->head_usd - g->base_usd);
		tfs_jw_object_end(&w);
	}
	tfs_jw_array_end(&w);
	tfs_jw_key(&w, "resources");
	tfs_jw_array_begin(&w);
	for (i = 0; i < d->nresources; i++) {
		const tfs_diff_resource *r = &d->resources[i];
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "name");
		tfs_jw_string(&w, r->address);
		tfs_jw_key(&w, "resourceType");
		tfs_jw_string(&w, r->type);
		tfs_jw_key(&w, "change");
		tfs_jw_string(&w, tfs_change_name(r->change));
		tfs_jw_key(&w, "action");
		tfs_jw_string(&w, tfs_action_name(r->action));
		tfs_jw_key(&w, "previousAddress");
		tfs_jw_string(&w, r->previous_address);
		tfs_jw_key(&w, "pastMonthlyCost");
		tfs_jw_decimal(&w, r->base_usd);
		tfs_jw_key(&w, "monthlyCost");
		tfs_jw_decimal(&w, r->head_usd);
		tfs_jw_key(&w, "diffMonthlyCost");
		tfs_jw_decimal(&w, r->head_usd - r->base_usd);
		tfs_jw_key(&w, "unknownAfterApply");
		tfs_jw_bool(&w, r->unknown_after_apply);
		tfs_jw_key(&w, "missingPrices");
		tfs_jw_uint(&w, r->missing_prices);
		tfs_jw_key(&w, "changedAttributes");
		tfs_jw_array_begin(&w);
		for (k = 0; k < r->nchanged_keys; k++)
			tfs_jw_string(&w, r->changed_keys[k]);
		tfs_jw_array_end(&w);
		tfs_jw_key(&w, "changes");
		tfs_jw_array_begin(&w);
		for (k = 0; k < r->nattrs; k++) {
			tfs_jw_object_begin(&w);
			tfs_jw_key(&w, "path");
			tfs_jw_string(&w, r->attrs[k].path);
			tfs_jw_key(&w, "before");
			tfs_jw_string(&w, r->attrs[k].before);
			tfs_jw_key(&w, "after");
			tfs_jw_string(&w, r->attrs[k].after);
			tfs_jw_object_end(&w);
		}
		tfs_jw_array_end(&w);
		tfs_jw_key(&w, "moreChanges");
		tfs_jw_uint(&w, r->nattrs_more);
		tfs_jw_key(&w, "reason");
		tfs_jw_string(&w, r->reason);
		tfs_jw_key(&w, "notPriced");
		tfs_jw_string(&w, r->not_priced);
		tfs_jw_object_end(&w);
	}
	tfs_jw_array_end(&w);
	tfs_jw_key(&w, "checks");
	if (!d->has_checks) {
		tfs_jw_null(&w);
	} else {
		tfs_jw_object_begin(&w);
		tfs_jw_key(&w, "newFailures");
		tfs_jw_array_begin(&w);
		for (i = 0; i < d->nnew_failures; i++)
			S_json_finding(&w, d->new_failures[i]);
		tfs_jw_array_end(&w);
		tfs_jw_key(&w, "fixed");
		tfs_jw_array_begin(&w);
		for (i = 0; i < d->nfixed; i++)
			S_json_finding(&w, d->fixed[i]);
		tfs_jw_array_end(&w);
		tfs_jw_object_end(&w);
	}
	tfs_jw_object_end(&w);
	tfs_buf_addc(out, '\n');
}
