/*
 * render.h - output formats.  Every renderer takes finished, read-only
 * analysis results and appends to a tfs_buf; none computes a figure another
 * renderer would need, and none writes files (the CLI does, atomically).
 *
 * Every string that came from a state reaches output only through the
 * escaper of its format: tfs_jw_string() for JSON, tfs_buf_add_printable()
 * (control characters replaced) for terminal tables.
 *
 * Adding a format: one file in src/render/, one function here with the
 * same shape as the others, a golden test per example under tests/golden/.
 */
#ifndef TFSIGHT_RENDER_H
#define TFSIGHT_RENDER_H

#include "tfsight/check.h"
#include "tfsight/cost.h"
#include "tfsight/diff.h"
#include "tfsight/inventory.h"
#include "tfsight/model.h"
#include "tfsight/pricing.h"
#include "tfsight/report.h"

/* ---- bounded lists ----------------------------------------------------------
 *
 * A list with a line per instance (resource, component, finding, edge, tag
 * value) in an output for people (the text tables, index.html, summary.md,
 * the diff comment) shows its first lines in its own order, the most
 * expensive first where it is a cost list, then one line "and N more (all
 * of them in FILE)" naming the output that has every one, with the amount
 * of the rest where the list has amounts.  Totals are over every line,
 * shown or not.  JSON and CSV are complete.  So those outputs grow with the
 * distinct things to say, not with the instance count (a state of 10^6
 * Elastic IPs made a 3 GB report).  Each limit is well above what the
 * bundled examples reach (139 resources, 82 edges, 8 findings listed under
 * one check, 15 services), so their outputs show every line. */
enum {
	/* rows of a table or a tree's list: resources, components, inventory,
	 * nodes, edges, roll-up lines (text and HTML) */
	TFS_LIST_ROWS = 200,
	/* findings listed under one check (text and HTML) */
	TFS_LIST_FINDINGS = 25,
	/* lines of a summary: summary.md's lists and tables, the diff
	 * comment's table, the report's headline card */
	TFS_LIST_SUMMARY = 30,
};

/* ---- terminal text --------------------------------------------------------- */

/* Append s with control characters replaced by '?', cut to max display
 * columns (ending in "...") when it is wider; max 0: no limit. */
void tfs_text_cell(tfs_buf *b, const char *s, size_t max);
/* v with at most `decimals` decimals, trailing zeros dropped, never "-0":
 * how quantities and money are written wherever they are not rounded to
 * cents for a person ("0.0000004", "730", "12.5"). */
void tfs_decimal(tfs_buf *b, double v, int decimals);

/* What an estimate leaves out, for every renderer's total line: "3
 * resources outside sa-east-1 and 1 not on AWS"; nothing when both are
 * zero.  Returns whether it wrote anything. */
bool tfs_excluded_phrase(tfs_buf *b, size_t other_region, size_t not_aws);

/* RFC 4180 field: quoted when it holds a comma, quote or line break; a
 * leading = + - @ is quoted behind a ' so no spreadsheet runs it. */
void tfs_csv_field(tfs_buf *b, const char *s);

/* ---- JSON writer -------------------------------------------------------- */

enum { TFS_JW_MAX_DEPTH = 64 };

/* Pretty-printed (two-space indent), in call order, byte-stable. */
typedef struct tfs_jw {
	tfs_buf *out;
	int depth;
	bool has_items[TFS_JW_MAX_DEPTH];
	bool after_key;
} tfs_jw;

void tfs_jw_init(tfs_jw *w, tfs_buf *out);
void tfs_jw_object_begin(tfs_jw *w);
void tfs_jw_object_end(tfs_jw *w);
void tfs_jw_array_begin(tfs_jw *w);
void tfs_jw_array_end(tfs_jw *w);
void tfs_jw_key(tfs_jw *w, const char *key);
void tfs_jw_string(tfs_jw *w, const char *s); /* NULL writes null */
void tfs_jw_int(tfs_jw *w, long long v);
void tfs_jw_uint(tfs_jw *w, unsigned long long v);
void tfs_jw_bool(tfs_jw *w, bool v);
void tfs_jw_null(tfs_jw *w);
/* A decimal number as a JSON string (tfs_decimal, 10 decimals), the way
 * Infracost writes money. */
void tfs_jw_decimal(tfs_jw *w, double v);

/* ---- inventory ------------------------------------------------------------ */

typedef struct tfs_inventory_set {
	tfs_inventory *const *items; /* one per input file, in argument order */
	size_t count;
	const char *default_region;
} tfs_inventory_set;

void tfs_render_inventory_table(const tfs_inventory_set *set, tfs_buf *out);
void tfs_render_inventory_json(const tfs_inventory_set *set, tfs_buf *out);

/* ---- cost ------------------------------------------------------------------ */

typedef struct tfs_cost_set {
	tfs_cost *const *items; /* one per input file, in argument order */
	size_t count;
	const tfs_rollups *rollups; /* over all items, or NULL */
	double brl_per_usd;         /* > 0: show reais as well, at this rate */
} tfs_cost_set;

/* "$1,234.56": money is rounded here, for display only. */
void tfs_money(tfs_buf *b, double usd);
/* "R$ 1.234,56" (Brazilian separators) from unrounded reais. */
void tfs_money_brl(tfs_buf *b, double brl);
/* The roll-ups as a JSON document of tfsight's own (docs/cost.md). */
void tfs_render_cost_rollup_json(const tfs_cost_set *set, tfs_buf *out);
void tfs_render_cost_table(const tfs_cost_set *set, tfs_buf *out);
/* Infracost's JSON layout; timeGenerated from source_date_epoch (the
 * SOURCE_DATE_EPOCH the caller read) when given, else now. */
void tfs_render_cost_json(const tfs_cost_set *set, const char *source_date_epoch,
                          tfs_buf *out);
/* One row per cost component, FinOps FOCUS column names where they fit. */
void tfs_render_cost_csv(const tfs_cost_set *set, tfs_buf *out);

/* ---- pricing ------------------------------------------------------------- */

void tfs_render_pricing_table(const tfs_pricing *t, tfs_buf *out);

/* ---- topology ------------------------------------------------------------ */

typedef struct tfs_model_set {
	tfs_model *const *items; /* one per input file, in argument order */
	size_t count;
} tfs_model_set;

void tfs_render_topology_text(const tfs_model_set *set, tfs_buf *out);
void tfs_render_topology_json(const tfs_model_set *set, tfs_buf *out);

/* ---- checks ----------------------------------------------------------------- */

typedef struct tfs_check_set {
	tfs_checks *const *items; /* one per input file, in argument order */
	size_t count;
	const char *tool_version; /* for SARIF's driver */
} tfs_check_set;

/* The seeds' checklist filled in: per category, each check with its box
 * ([x] pass, [ ] fail, [?] unknown, [-] not applicable, [~] not
 * decidable), failures and unknowns with their evidence and the fix. */
void tfs_render_checks_table(const tfs_check_set *set, tfs_buf *out);
/* tfsight's own JSON (docs/checks.md): every finding with its evidence. */
void tfs_render_checks_json(const tfs_check_set *set, tfs_buf *out);
/* A finding's own fields (status, address, environment, attribute, value,
 * message, waiver, monthlySaving) into the open JSON object. */
void tfs_jw_finding_fields(tfs_jw *w, const tfs_finding *f);
/* SARIF 2.1.0 for code scanning: failures only, waived ones suppressed. */
void tfs_render_checks_sarif(const tfs_check_set *set, tfs_buf *out);
/* JUnit XML: one testcase per check and resource. */
void tfs_render_checks_junit(const tfs_check_set *set, tfs_buf *out);
/* The catalogue: format "table", "markdown" (docs/checks.md) or "json". */
void tfs_render_check_catalogue(const char *format, tfs_buf *out);

/* ---- diff (pull-request comments) ------------------------------------------ */

typedef enum tfs_platform {
	TFS_PLATFORM_GITHUB,    /* 65,536 characters */
	TFS_PLATFORM_GITLAB,    /* 1,000,000 */
	TFS_PLATFORM_AZURE,     /* 150,000 */
	TFS_PLATFORM_BITBUCKET, /* 32,768; no <details>, a visible marker */
} tfs_platform;

bool tfs_platform_parse(const char *s, tfs_platform *out);
size_t tfs_platform_limit(tfs_platform p);

typedef struct tfs_diff_view {
	const tfs_diff *diff;
	const char *base_name, *head_name; /* what was compared, for people */
	const char *tag;       /* marker suffix: one comment per stack, or NULL */
	tfs_platform platform;
	size_t max_chars;      /* 0: the platform's limit */
	bool show_all;         /* table rows also for unchanged groups */
} tfs_diff_view;

/* Markdown text from the state: HTML, emphasis, links, tables and
 * @mentions defused; line breaks become spaces. */
void tfs_md_escape(tfs_buf *b, const char *s);
/* "$1,402" from $1 up, "$0.58" below (Infracost's comment convention). */
void tfs_money_short(tfs_buf *b, double usd);
void tfs_render_diff_markdown(const tfs_diff_view *v, tfs_buf *out);
void tfs_render_diff_json(const tfs_diff_view *v, tfs_buf *out);

/* ---- report ------------------------------------------------------------------- */

/* index.html: one self-contained page (inline CSS unless r->opt.css_href,
 * the diagrams as inline SVG, no script needed to read it). */
void tfs_render_report_html(const tfs_report *r, tfs_buf *out);
/* The report's stylesheet, for --external-css (report.css beside it). */
void tfs_render_report_css(tfs_buf *out);
/* summary.md: the headline figures and what to do first, in Markdown. */
void tfs_render_report_markdown(const tfs_report *r, tfs_buf *out);

#endif
