/* test_report_html.c - index.html of `tfsight report`: the sections, the
 * escaping of hostile state strings, the strict-CSP variant, cairo's SVG
 * inlined without id collisions, determinism, and the charts. */
#include <time.h>

#include "testutil.h"

#include "tfsight/diagram.h"
#include "tfsight/render.h"
#include "tfsight/report.h"
#include "../../src/render/report_int.h"

/* Hostile tag values: markup, quotes, a javascript: URL, a control
 * character (the fixture's JSON is single-quoted, hence \\u0027). */
#define HOSTILE_TAGS                                                          \
	"{'Name':'<script>alert(1)</script>','Environment':'dev',"            \
	"'Owner':'javascript:alert(1)','Project':'x\\u0022 onmouseover=\\u0022" \
	"alert(1)','Team':'a\\u0027b\\u0007c'}"

#define STACK                                                                 \
	R("aws_vpc", "main", "{'id':'vpc-1','cidr_block':'10.0.0.0/16',"     \
	  "'tags':" HOSTILE_TAGS "}") ","                                      \
	R("aws_subnet", "a", "{'id':'subnet-a','vpc_id':'vpc-1',"            \
	  "'availability_zone':'sa-east-1a','cidr_block':'10.0.0.0/24',"     \
	  "'tags':{'Environment':'dev'}}") ","                                 \
	R("aws_nat_gateway", "nat", "{'id':'nat-1','subnet_id':'subnet-a',"  \
	  "'allocation_id':'eipalloc-1','tags':{'Environment':'dev',"        \
	  "'Project':'web','Owner':'ops'}}") ","                              \
	R("aws_eip", "idle", "{'id':'eipalloc-2','domain':'vpc',"            \
	  "'association_id':'','tags':{'Environment':'dev'}}")

typedef struct stack {
	fixture f;
	tfs_cost *cost;
	tfs_checks *checks;
} stack;

static stack S_stack(const char *resources)
{
	stack s;
	tfs_check_options o;

	s.f = build(resources);
	s.cost = tfs_cost_estimate(s.f.m, tfs_pricing_bundled(), NULL);
	tfs_check_options_init(&o);
	o.cost = s.cost;
	o.pricing = tfs_pricing_bundled();
	o.today = "2026-11-23";
	s.checks = tfs_checks_run(s.f.m, &o);
	return s;
}

static void S_stack_free(stack *s)
{
	tfs_checks_free(s->checks);
	tfs_cost_free(s->cost);
	release(&s->f);
}

/* Render a report over stacks; opt may be NULL. */
static char *render(stack *st, size_t n, const tfs_report_options *opt)
{
	tfs_report_stack rs[4];
	tfs_report_options o;
	tfs_report *r;
	tfs_buf b;
	size_t i;
	static const char *names[] = {"webapp-dev", "webapp-prod", "c", "d"};

	for (i = 0; i < n; i++) {
		memset(&rs[i], 0, sizeof(rs[i]));
		rs[i].model = st[i].f.m;
		rs[i].cost = st[i].cost;
		rs[i].checks = st[i].checks;
		rs[i].name = names[i];
	}
	if (opt)
		o = *opt;
	else {
		tfs_report_options_init(&o);
		o.pricing = tfs_pricing_bundled();
		o.tool_version = "0.0.0";
	}
	r = tfs_report_build(rs, n, &o);
	tfs_buf_init(&b);
	tfs_render_report_html(r, &b);
	tfs_report_free(r);
	return tfs_buf_detach(&b, NULL);
}

static bool has(const char *html, const char *s)
{
	return strstr(html, s) != NULL;
}

static size_t count(const char *html, const char *s)
{
	size_t n = 0;
	for (const char *p = html; (p = strstr(p, s)) != NULL; p++)
		n++;
	return n;
}

static const char *const SECTIONS[] = {
	"headline", "diagram", "cost-breakdown", "largest", "resources",
	"savings", "checklist", "inventory", "assumptions",
};

static void assert_section(const char *html, const char *id, bool present)
{
	char want[64];
	snprintf(want, sizeof(want), "<section id=\"%s\"", id);
	if (has(html, want) != present)
		fail_msg("section %s: %s", id, present ? "missing" : "unexpected");
}

/* ---- the escaper ------------------------------------------------------------ */

static void test_escape(void **s)
{
	(void)s;
	tfs_buf b;

	tfs_buf_init(&b);
	tfs_html_text(&b, "a<b>&\"'\x01\x7f z", 0);
	assert_string_equal(b.data, "a&lt;b&gt;&amp;&quot;&#39;\xef\xbf\xbd"
	                            "\xef\xbf\xbd z");
	tfs_buf_truncate(&b, 0);
	tfs_html_text(&b, "S\xc3\xa3o Paulo", 3);
	assert_string_equal(b.data, "S\xc3\xa3o\xe2\x80\xa6");
	tfs_buf_truncate(&b, 0);
	tfs_html_text(&b, "abc", 3);
	assert_string_equal(b.data, "abc");
	/* a bidi override is shown, not obeyed */
	tfs_buf_truncate(&b, 0);
	tfs_html_text(&b, "a\xe2\x80\xae" "b\xc2\x9b", 0);
	assert_string_equal(b.data, "a\\u{202e}b\\u{009b}");
	tfs_buf_truncate(&b, 0);
	tfs_html_text(&b, NULL, 0);
	assert_int_equal(b.len, 0);
	tfs_buf_release(&b);
}

/* ---- the page ------------------------------------------------------------------- */

static void test_sections_one_stack(void **s)
{
	(void)s;
	stack st = S_stack(STACK);
	char *html = render(&st, 1, NULL);
	size_t i;

	for (i = 0; i < sizeof(SECTIONS) / sizeof(SECTIONS[0]); i++)
		assert_section(html, SECTIONS[i], true);
	assert_section(html, "changes", false);
	assert_section(html, "environments", false);
	assert_true(has(html, "<!DOCTYPE html>"));
	assert_true(has(html, "</html>\n"));
	/* the headline: total, environments, score, severities, counts */
	assert_true(has(html, "Estimated monthly cost"));
	assert_true(has(html, "Per environment"));
	assert_true(has(html, "pass</div>"));
	assert_true(has(html, "sev-critical"));
	assert_true(has(html, "resources priced"));
	/* the idle EIP is a saving, with its amount */
	assert_true(has(html, "COST-IDLE-EIP"));
	assert_true(has(html, "Acting on these saves"));
	/* the checklist grouped as in the seeds */
	assert_true(has(html, "Pre-Deployment"));
	assert_true(has(html, "Cost Management"));
	assert_true(strstr(html, ">Security <") < strstr(html, ">Monitoring <"));
	/* inline: a CSP that forbids every remote load and every script */
	assert_true(has(html, "default-src 'none'; style-src 'unsafe-inline'"));
	assert_true(has(html, "<style>"));
	assert_false(has(html, "script-src"));
	assert_false(has(html, "<script"));
	/* no timestamp unless asked */
	assert_false(has(html, "generated "));
	free(html);
	S_stack_free(&st);
}

static void test_hostile_is_text(void **s)
{
	(void)s;
	stack st = S_stack(STACK);
	char *html = render(&st, 1, NULL);
	const char *p;

	assert_false(has(html, "<script"));
	assert_true(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	/* the quote cannot end an attribute: no handler appears */
	assert_false(has(html, "\" onmouseover"));
	assert_true(has(html, "x&quot; onmouseover=&quot;alert(1)"));
	assert_true(has(html, "a&#39;b\xef\xbf\xbd" "c"));
	assert_false(has(html, "\x07"));
	/* a javascript: value is text, never a link */
	assert_true(has(html, "javascript:alert(1)"));
	for (p = html; (p = strstr(p, "href=\"")) != NULL; p += 6)
		if (p[6] != '#' && strncmp(p + 6, "data:,\"", 7) != 0)
			fail_msg("a link that leaves the page: %.40s", p);
	assert_false(has(html, "src="));
	free(html);
	S_stack_free(&st);
}

static void test_external_css(void **s)
{
	(void)s;
	stack st = S_stack(STACK);
	tfs_report_options o;
	char *html;
	tfs_buf css;

	tfs_report_options_init(&o);
	o.pricing = tfs_pricing_bundled();
	o.css_href = "report.css";
	html = render(&st, 1, &o);
	assert_true(has(html, "<link rel=\"stylesheet\" href=\"report.css\">"));
	assert_true(has(html, "style-src 'self'"));
	assert_false(has(html, "unsafe-inline"));
	assert_false(has(html, "<style"));
	assert_false(has(html, " style=\""));
	assert_false(has(html, "<script"));
	assert_false(has(html, "data:"));
	free(html);

	tfs_buf_init(&css);
	tfs_render_report_css(&css);
	assert_true(has(css.data, "prefers-color-scheme:dark"));
	assert_true(has(css.data, "@media print"));
	assert_false(has(css.data, "</style"));
	assert_false(has(css.data, "url("));
	tfs_buf_release(&css);
	S_stack_free(&st);
}

static void test_deterministic_and_dated(void **s)
{
	(void)s;
	stack st = S_stack(STACK);
	tfs_report_options o;
	char *a = render(&st, 1, NULL), *b = render(&st, 1, NULL), *c;

	assert_string_equal(a, b);
	tfs_report_options_init(&o);
	o.pricing = tfs_pricing_bundled();
	o.generated = "2026-11-01";
	o.title = "Monthly <review>";
	c = render(&st, 1, &o);
	assert_true(has(c, "generated 2026-11-01"));
	assert_true(has(c, "<h1>Monthly &lt;review&gt;</h1>"));
	free(a);
	free(b);
	free(c);
	S_stack_free(&st);
}

/* ---- several stacks, a baseline ------------------------------------------------ */

#define PROD_STACK                                                            \
	R("aws_vpc", "main", "{'id':'vpc-9','cidr_block':'10.9.0.0/16',"     \
	  "'tags':{'Environment':'prod'}}") ","                                \
	R("aws_nat_gateway", "nat", "{'id':'nat-9','tags':{'Environment':"   \
	  "'prod','Project':'web','Owner':'ops'}}") ","                       \
	R("aws_nat_gateway", "nat2", "{'id':'nat-8','tags':{'Environment':"  \
	  "'prod','Project':'web','Owner':'ops'}}")

static void test_environments_and_changes(void **s)
{
	(void)s;
	stack st[2] = {S_stack(STACK), S_stack(PROD_STACK)};
	tfs_report_options o;
	tfs_diff_side base = {0}, head = {0};
	tfs_diff_options dopt;
	tfs_diff *d;
	char *html;

	html = render(st, 2, NULL);
	assert_section(html, "environments", true);
	assert_section(html, "changes", false);
	assert_true(has(html, "<a href=\"#environments\">"));
	assert_true(has(html, "Checks that differ"));
	assert_true(has(html, "Resource types that differ"));
	assert_true(has(html, "class=\"differs\""));
	free(html);

	/* last month had only the dev stack's VPC and NAT gateway */
	base.cost = st[0].cost;
	head.cost = st[1].cost;
	tfs_diff_options_init(&dopt);
	d = tfs_diff_build(&base, &head, &dopt);
	tfs_report_options_init(&o);
	o.pricing = tfs_pricing_bundled();
	o.baseline = d;
	o.baseline_name = "last-<month>.tfstate";
	html = render(&st[1], 1, &o);
	assert_section(html, "changes", true);
	assert_true(has(html, "<a href=\"#changes\">"));
	assert_true(has(html, "last-&lt;month&gt;.tfstate"));
	assert_true(has(html, "Top movers"));
	assert_true(has(html, "since the <a href=\"#changes\">baseline</a>"));
	free(html);
	tfs_diff_free(d);
	S_stack_free(&st[0]);
	S_stack_free(&st[1]);
}

/* ---- cairo's SVG, inlined ------------------------------------------------------ */

static const char FAKE_SVG[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<svg xmlns=\"http://www.w3.org/2000/svg\" "
	"xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"200pt\" "
	"height=\"100pt\" viewBox=\"0 0 200 100\" version=\"1.1\">\n"
	"<defs>\n<g>\n<symbol overflow=\"visible\" id=\"glyph0-1\">\n"
	"<path style=\"stroke:none;\" d=\"M 0 0 L 1 1 Z\"/>\n</symbol>\n"
	"<clipPath id=\"clip1\"><rect x=\"0\" y=\"0\" width=\"5\" "
	"height=\"5\"/></clipPath>\n</g>\n</defs>\n"
	"<g clip-path=\"url(#clip1)\" clip-rule=\"nonzero\" onload=\"x()\">\n"
	"<path style=\" stroke:none;fill-rule:nonzero;fill:rgb(100%,0%,0%);"
	"fill-opacity:1;\" d=\"M 1 1 L 2 2 Z\"/>\n"
	"<use xlink:href=\"#glyph0-1\" x=\"1\" y=\"2\"/>\n"
	"<use xlink:href=\"http://evil.example/x.svg#a\" x=\"1\" y=\"2\"/>\n"
	"</g>\n</svg>\n";

static void test_embed_svg(void **s)
{
	(void)s;
	tfs_buf b;

	tfs_buf_init(&b);
	assert_true(tfs_html_embed_svg(&b, FAKE_SVG, "d0", "T <1>", "D"));
	assert_true(tfs_html_embed_svg(&b, FAKE_SVG, "d1", "T2", "D2"));
	assert_false(has(b.data, "<?xml"));
	assert_int_equal(count(b.data, "role=\"img\""), 2);
	assert_true(has(b.data, "aria-labelledby=\"d0-title d0-desc\""));
	assert_true(has(b.data, "<title id=\"d0-title\">T &lt;1&gt;</title>"));
	assert_true(has(b.data, "<desc id=\"d1-desc\">D2</desc>"));
	assert_true(has(b.data, "viewBox=\"0 0 200 100\""));
	/* every id and reference carries its diagram's prefix */
	assert_true(has(b.data, "id=\"d0-glyph0-1\""));
	assert_true(has(b.data, "id=\"d1-glyph0-1\""));
	assert_true(has(b.data, "xlink:href=\"#d0-glyph0-1\""));
	assert_true(has(b.data, "xlink:href=\"#d1-glyph0-1\""));
	assert_true(has(b.data, "clip-path=\"url(#d1-clip1)\""));
	assert_false(has(b.data, "id=\"glyph"));
	assert_false(has(b.data, "\"#glyph"));
	assert_false(has(b.data, "url(#clip"));
	/* no inline style, no handler, nothing from outside */
	assert_false(has(b.data, "style="));
	assert_true(has(b.data, " stroke=\"none\" fill-rule=\"nonzero\" "
	                        "fill=\"rgb(100%,0%,0%)\" fill-opacity=\"1\""));
	assert_false(has(b.data, "onload"));
	assert_false(has(b.data, "evil"));
	/* what it cannot inline it leaves out whole */
	tfs_buf_truncate(&b, 0);
	assert_false(tfs_html_embed_svg(&b, "<svg><script>x</script></svg>", "d",
	                                "t", "d"));
	assert_false(tfs_html_embed_svg(&b, "<svg><g id=\"x\"", "d", "t", "d"));
	assert_false(tfs_html_embed_svg(&b, "no svg", "d", "t", "d"));
	assert_false(tfs_html_embed_svg(&b, NULL, "d", "t", "d"));
	assert_int_equal(b.len, 0);
	tfs_buf_release(&b);
}

/* The real diagram of two stacks on one page. */
static void test_real_diagrams(void **s)
{
	(void)s;
	stack st[2] = {S_stack(STACK), S_stack(PROD_STACK)};
	tfs_buf svg[2];
	const char *docs[2];
	tfs_report_options o;
	char *html;
	size_t i;

	for (i = 0; i < 2; i++) {
		tfs_diagram_options dopt;
		tfs_diagram *d;
		tfs_diagram_options_init(&dopt);
		dopt.cost = st[i].cost;
		d = tfs_diagram_layout(st[i].f.m, &dopt);
		tfs_buf_init(&svg[i]);
		tfs_diagram_render_svg(d, 0, &svg[i]);
		tfs_diagram_free(d);
		docs[i] = svg[i].data;
	}
	tfs_report_options_init(&o);
	o.pricing = tfs_pricing_bundled();
	o.diagram_svg = docs;
	html = render(st, 2, &o);
	assert_int_equal(count(html, "class=\"diagram\" role=\"img\""), 2);
	assert_false(has(html, "No diagram was drawn"));
	assert_false(has(html, " style=\""));
	assert_false(has(html, "id=\"glyph"));
	assert_false(has(html, "id=\"surface"));
	assert_true(has(html, "id=\"d0-surface"));
	assert_true(has(html, "id=\"d1-surface"));
	/* the text alternative beside it */
	assert_true(has(html, "Resources by placement"));
	assert_true(has(html, "Availability zone sa-east-1a"));
	free(html);
	for (i = 0; i < 2; i++)
		tfs_buf_release(&svg[i]);
	S_stack_free(&st[0]);
	S_stack_free(&st[1]);
	tfs_diagram_release_caches();
}

/* ---- charts ----------------------------------------------------------------- */

static void test_chart(void **s)
{
	(void)s;
	tfs_html_bar bars[2] = {{"<RDS>", 300, false}, {TFS_UNTAGGED, 100, true}};
	tfs_buf b;

	tfs_buf_init(&b);
	tfs_html_bar_chart(&b, "chart-x", "Cost by <service>", bars, 2, 400);
	assert_true(has(b.data, "role=\"img\" aria-labelledby=\"chart-x\""));
	assert_true(has(b.data, "<title id=\"chart-x\">Cost by &lt;service&gt;"));
	assert_true(has(b.data, "&lt;RDS&gt;"));
	assert_true(has(b.data, "$300 \xc2\xb7 75%"));
	assert_true(has(b.data, "class=\"bar bar-muted\""));
	assert_false(has(b.data, "style="));
	tfs_buf_release(&b);
}

/* ---- size: bounded, whatever the number of resources ---------------------------- */

static void test_many_resources(void **s)
{
	(void)s;
	enum { N = 3000 };
	tfs_buf res;
	stack st;
	char *html, want[160];
	size_t i;

	tfs_buf_init(&res);
	for (i = 0; i < N; i++) {
		if (i)
			tfs_buf_addc(&res, ',');
		tfs_buf_addf(&res, R("aws_cloudwatch_log_group", "g%zu",
		                     "{'name':'/g/%zu','retention_in_days':7,"
		                     "'tags':{'Environment':'dev'}}"),
		             i, i);
	}
	st = S_stack(res.data);
	html = render(&st, 1, NULL);
	/* the dearest TFS_LIST_ROWS, then a row for the rest */
	assert_int_equal(count(html, "<tbody class=\"res\">"), TFS_LIST_ROWS);
	snprintf(want, sizeof(want), "and %d more (all of them in cost.json and "
	         "cost.csv)</th><td class=\"num\">$0.00</td>",
	         N - TFS_LIST_ROWS);
	assert_true(has(html, want));
	free(html);
	S_stack_free(&st);
	tfs_buf_release(&res);
}

/* n Elastic IPs, every other one idle (a saving each), each in an
 * environment, a project and with an owner of its own, and n/5 log groups
 * that never expire (usage-based components without usage). */
static stack S_many(size_t n)
{
	tfs_buf b;
	size_t i;
	stack st;

	tfs_buf_init(&b);
	for (i = 0; i < n; i++)
		tfs_buf_addf(&b, "%s" RK("aws_eip", "ip", "%zu",
		                        "{'id':'eipalloc-%zu','domain':'vpc',"
		                        "'association_id':'%s','tags':{"
		                        "'Environment':'e%zu','Project':'p%zu',"
		                        "'Owner':'o%zu'}}"),
		             i ? "," : "", i, i, i % 2 ? "" : "eipassoc-1", i, i, i);
	for (i = 0; i < n / 5; i++)
		tfs_buf_addf(&b, "," RK("aws_cloudwatch_log_group", "g", "%zu",
		                        "{'name':'/g/%zu','retention_in_days':0,"
		                        "'tags':{'Environment':'dev'}}"),
		             i, i);
	st = S_stack(b.data);
	tfs_buf_release(&b);
	return st;
}

static char *S_markdown(stack *st, const tfs_report_options *opt)
{
	tfs_report_stack rs;
	tfs_report *r;
	tfs_buf b;

	memset(&rs, 0, sizeof(rs));
	rs.model = st->f.m;
	rs.cost = st->cost;
	rs.checks = st->checks;
	rs.name = "many";
	r = tfs_report_build(&rs, 1, opt);
	tfs_buf_init(&b);
	tfs_render_report_markdown(r, &b);
	tfs_report_free(r);
	return tfs_buf_detach(&b, NULL);
}

/* doc holds fmt with the count n (a macro: the format is checked). */
#define S_want(doc, fmt, n)                                                   \
	do {                                                                  \
		char want_[300];                                              \
		snprintf(want_, sizeof(want_), fmt, (size_t)(n));             \
		if (!has(doc, want_))                                         \
			fail_msg("missing: %s", want_);                       \
	} while (0)

static bool S_within(size_t a, size_t b, double pct)
{
	double lo = (double)(a < b ? a : b), hi = (double)(a < b ? b : a);
	return hi <= lo * (1 + pct / 100);
}

/* index.html and summary.md of 2,000 and of 20,000 Elastic IPs, with a
 * baseline that had twice as many: every per-instance list cut at its
 * limit with a row naming where the rest is, the totals over all of them,
 * and the same size at both counts. */
static void test_report_bounded(void **s)
{
	enum { SMALL = 2000, LARGE = 20000 };
	size_t html_len[2], md_len[2], k;
	(void)s;

	for (k = 0; k < 2; k++) {
		size_t n = k ? LARGE : SMALL;
		stack base = S_many(2 * n), st = S_many(n);
		tfs_diff_side bs = {base.cost, NULL, 0, NULL};
		tfs_diff_side hs = {st.cost, NULL, 0, NULL};
		tfs_diff *d = tfs_diff_build(&bs, &hs, NULL);
		tfs_report_options o;
		char *html, *md;

		tfs_report_options_init(&o);
		o.pricing = tfs_pricing_bundled();
		o.tool_version = "0.0.0";
		o.baseline = d;
		o.baseline_name = "last-month.tfstate";
		html = render(&st, 1, &o);
		md = S_markdown(&st, &o);
		html_len[k] = strlen(html);
		md_len[k] = strlen(md);

		/* cost per resource: the dearest, the rest in one row */
		assert_int_equal(count(html, "<tbody class=\"res\">"), TFS_LIST_ROWS);
		S_want(html, "and %zu more (all of them in cost.json and "
		             "cost.csv)</th>", n + n / 5 - TFS_LIST_ROWS);
		/* the total is over every resource: n at $3.65 */
		assert_true(has(html, k ? "Total</th><td class=\"num\">$73,000.00"
		                        : "Total</th><td class=\"num\">$7,300.00"));
		S_want(html, "and %zu more (all of them in <code>tfsight inventory "
		             "--format json</code>)</td></tr>",
		       n + n / 5 - TFS_LIST_ROWS);
		S_want(html, "<li class=\"note\">and %zu more (all of them in "
		             "<code>tfsight topology --format json</code>)</li>",
		       n + n / 5 - TFS_LIST_ROWS);
		S_want(html, "and %zu more (all of them in checks.json)</td></tr>",
		       n / 2 - TFS_LIST_ROWS); /* savings */
		S_want(html, "and %zu more in checks.json", /* COST-IDLE-EIP */
		       n / 2 - TFS_LIST_FINDINGS);
		S_want(html, "<tr class=\"more\"><th scope=\"row\">and %zu more "
		             "(all of them in cost.csv)</th>",
		       n - TFS_LIST_ROWS + 1); /* by project, owner: and none */
		/* usage-based components without usage: several a log group */
		assert_true(st.cost->pending_usage > n / 5);
		S_want(html, "and %zu more (all of them in cost.csv)</td></tr>",
		       st.cost->pending_usage - TFS_LIST_ROWS);
		/* the baseline's second half is gone */
		S_want(html, "<h3>Removed (%zu)</h3>", n + n / 5);
		S_want(html, "and %zu more (all of them in <code>tfsight diff "
		             "--format json</code>)</th>",
		       n + n / 5 - TFS_LIST_ROWS);
		S_want(html, "and %zu more (all of them in <code>tfsight diff "
		             "--format json</code>)</th>",
		       n + 1 - TFS_LIST_ROWS); /* moves by environment, owner */
		S_want(html, "<li><span>%zu more (in the <a href=\"#cost-breakdown"
		             "\">breakdown</a>)</span>",
		       n + 1 - TFS_LIST_SUMMARY); /* the headline's environments */

		S_want(md, "| … and %zu more | all of them in checks.json |",
		       n / 2 - TFS_LIST_SUMMARY);
		S_want(md, "| … and %zu more (all of them in cost.csv) | $",
		       n + 1 - TFS_LIST_SUMMARY); /* by environment */
		/* the headline names those that cost something: not dev */
		S_want(md, ", %zu more $", n - TFS_LIST_SUMMARY);
		free(html);
		free(md);
		tfs_diff_free(d);
		S_stack_free(&base);
		S_stack_free(&st);
	}
	if (!S_within(html_len[0], html_len[1], 10) ||
	    !S_within(md_len[0], md_len[1], 10))
		fail_msg("index.html %zu and %zu bytes, summary.md %zu and %zu "
		         "for %d and %d addresses",
		         html_len[0], html_len[1], md_len[0], md_len[1], SMALL,
		         LARGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_sections_one_stack),
		cmocka_unit_test(test_hostile_is_text),
		cmocka_unit_test(test_external_css),
		cmocka_unit_test(test_deterministic_and_dated),
		cmocka_unit_test(test_environments_and_changes),
		cmocka_unit_test(test_embed_svg),
		cmocka_unit_test(test_real_diagrams),
		cmocka_unit_test(test_chart),
		cmocka_unit_test(test_many_resources),
		cmocka_unit_test(test_report_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
