/* report_css.c - the report's stylesheet: inline in index.html, or
 * report.css beside it for servers with a strict CSP (Jenkins).
 *
 * Colours are custom properties on :root, overridden for
 * prefers-color-scheme: dark and forced light for print.  Every text pair
 * meets WCAG AA (4.5:1; computed with the WCAG formula): body #1f2328 on
 * #fff 15.8, muted #57606a on #f6f8fa 6.0, badges 5.0 to 10.2; dark body
 * #e6edf3 on #0d1117 16.0, muted #9da7b3 on #161b22 7.1, badges 4.6 to
 * 9.5.  Status and severity are always written out, never colour alone. */
#include "report_int.h"

static const char *const CSS[] = {
	":root{--bg:#fff;--fg:#1f2328;--muted:#57606a;--panel:#f6f8fa;"
	"--border:#d0d7de;--accent:#0a58ca;--bar:#1f6feb;--bar-muted:#6e7781;"
	"--fail-fg:#a40e26;--fail-bg:#ffebe9;--pass-fg:#116329;"
	"--pass-bg:#dafbe1;--unknown-fg:#7d4e00;--unknown-bg:#fff8c5;"
	"--na-fg:#57606a;--na-bg:#eaeef2;--undec-fg:#6639ba;"
	"--undec-bg:#fbefff;--crit:#a40e26;--high:#bc4c00;--med:#f2cc60;"
	"--med-fg:#1f2328;--low:#0969da;--info:#57606a;--diff:#fff8c5;"
	"color-scheme:light dark}\n",
	"@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;"
	"--muted:#9da7b3;--panel:#161b22;--border:#30363d;--accent:#6cb6ff;"
	"--bar:#4493f8;--bar-muted:#8b949e;--fail-fg:#ffaba8;"
	"--fail-bg:#3c1618;--pass-fg:#7ee2a8;--pass-bg:#0f2d1a;"
	"--unknown-fg:#f2cc60;--unknown-bg:#3b2b00;--na-fg:#c9d1d9;"
	"--na-bg:#262c36;--undec-fg:#d2a8ff;--undec-bg:#2b1f45;--crit:#b62324;"
	"--high:#9a4200;--med:#d4a72c;--low:#1f6feb;--info:#545d68;"
	"--diff:#3b2b00}}\n",
	"*{box-sizing:border-box}\n",
	"html{background:var(--bg);color:var(--fg)}\n",
	"body{margin:0;font:15px/1.5 system-ui,-apple-system,\"Segoe UI\","
	"\"DejaVu Sans\",Roboto,sans-serif;background:var(--bg);"
	"color:var(--fg)}\n",
	"a{color:var(--accent)}\n",
	"code,.addr,.mono{font-family:ui-monospace,\"DejaVu Sans Mono\","
	"Menlo,Consolas,monospace;font-size:.88em;overflow-wrap:break-word}\n",
	".page{max-width:1240px;margin:0 auto;padding:0 24px 48px}\n",
	"header.top{border-bottom:1px solid var(--border);padding:20px 0 12px}\n",
	"header.top h1{margin:0;font-size:1.7em;line-height:1.2;"
	"overflow-wrap:anywhere}\n",
	"header.top .sub{margin:4px 0 0;color:var(--muted)}\n",
	"nav.toc{margin:12px 0 8px;font-size:.93em}\n",
	"nav.toc ol{list-style:none;margin:0;padding:0;display:flex;"
	"flex-wrap:wrap;gap:4px 18px}\n",
	"section{margin-top:36px}\n",
	"h2{font-size:1.35em;border-bottom:1px solid var(--border);"
	"padding-bottom:4px;margin:0 0 12px}\n",
	"h3{font-size:1.1em;margin:22px 0 8px}\n",
	"h4{font-size:1em;margin:16px 0 6px}\n",
	".muted,.note{color:var(--muted)}\n",
	".note{font-size:.93em}\n",
	/* headline band */
	".band{display:grid;grid-template-columns:minmax(260px,1.3fr) "
	"repeat(3,minmax(180px,1fr));gap:12px;margin-top:16px}\n",
	".card{background:var(--panel);border:1px solid var(--border);"
	"border-radius:8px;padding:12px 16px;break-inside:avoid}\n",
	".card h3{margin:0 0 6px;font-size:.8em;font-weight:600;"
	"letter-spacing:.04em;text-transform:uppercase;color:var(--muted)}\n",
	".big{font-size:2.6em;font-weight:700;line-height:1.1;"
	"font-variant-numeric:tabular-nums}\n",
	".big .unit{font-size:.45em;font-weight:400;color:var(--muted)}\n",
	".mid{font-size:1.7em;font-weight:700;line-height:1.15}\n",
	".card ul{list-style:none;margin:0;padding:0}\n",
	".card li{display:flex;justify-content:space-between;gap:12px}\n",
	".card li .v{font-weight:600;font-variant-numeric:tabular-nums}\n",
	".counts{display:flex;flex-wrap:wrap;gap:6px 20px;margin:12px 0 0;"
	"padding:0;list-style:none;color:var(--muted)}\n",
	".counts b{color:var(--fg)}\n",
	".split{display:grid;grid-template-columns:1fr 1fr;gap:24px}\n",
	".todo{margin:0;padding-left:1.4em}\n",
	".todo li{margin:0 0 8px}\n",
	".todo .fix{display:block;color:var(--muted);font-size:.93em}\n",
	/* badges: text always, colour as a second cue */
	".badge,.sev{display:inline-block;min-width:4.6em;padding:0 6px;"
	"border-radius:4px;font-size:.78em;font-weight:700;letter-spacing:.03em;"
	"text-align:center;text-transform:uppercase;white-space:nowrap;"
	"border:1px solid transparent;line-height:1.6}\n",
	".s-fail{color:var(--fail-fg);background:var(--fail-bg);"
	"border-color:var(--fail-fg)}\n",
	".s-pass{color:var(--pass-fg);background:var(--pass-bg)}\n",
	".s-unknown{color:var(--unknown-fg);background:var(--unknown-bg)}\n",
	".s-na{color:var(--na-fg);background:var(--na-bg)}\n",
	".s-undecidable{color:var(--undec-fg);background:var(--undec-bg)}\n",
	".s-waived{color:var(--na-fg);background:var(--na-bg)}\n",
	".sev{min-width:4.2em;color:#fff}\n",
	".sev-critical{background:var(--crit)}\n",
	".sev-high{background:var(--high)}\n",
	".sev-medium{background:var(--med);color:var(--med-fg)}\n",
	".sev-low{background:var(--low)}\n",
	".sev-info{background:var(--info)}\n",
	".sevs{display:flex;flex-wrap:wrap;gap:4px 10px;margin:6px 0 0;"
	"padding:0;list-style:none}\n",
	".sevs li{display:inline}\n",
	/* tables */
	".scroll{overflow-x:auto}\n",
	"table{border-collapse:collapse;width:100%;margin:6px 0 14px;"
	"font-size:.93em}\n",
	"caption{text-align:left;font-weight:600;padding:4px 0}\n",
	"th,td{text-align:left;vertical-align:top;padding:5px 8px;"
	"border-bottom:1px solid var(--border)}\n",
	"thead th{background:var(--panel);font-weight:600;"
	"border-bottom:2px solid var(--border)}\n",
	"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;"
	"white-space:nowrap}\n",
	"tr.total td,tr.total th{font-weight:700;border-top:2px solid "
	"var(--border)}\n",
	"tr.untagged th,tr.untagged td{color:var(--unknown-fg);"
	"font-style:italic}\n",
	"tr.differs th,tr.differs td{background:var(--diff)}\n",
	"tbody.res th{font-weight:600}\n",
	"tbody.res tr.comp th,tbody.res tr.comp td{border-bottom:none;"
	"padding-top:2px;padding-bottom:2px;font-weight:400}\n",
	"tbody.res tr.comp th{padding-left:28px}\n",
	"tbody.res{border-bottom:1px solid var(--border)}\n",
	".grid2{display:grid;grid-template-columns:repeat(auto-fit,"
	"minmax(420px,1fr));gap:0 28px}\n",
	/* checklist */
	".checks td:first-child{width:7.5em}\n",
	".checks td:last-child{width:6.5em}\n",
	".findings{margin:4px 0 0;padding-left:1.1em}\n",
	".findings li{margin:2px 0}\n",
	".evidence{display:block;color:var(--muted)}\n",
	".fixhint{display:block;margin-top:4px}\n",
	/* figures */
	"figure{margin:8px 0 16px}\n",
	"figcaption{color:var(--muted);font-size:.93em;margin-top:4px}\n",
	".frame{background:#fff;border:1px solid var(--border);"
	"border-radius:8px;padding:8px;overflow:auto}\n",
	"svg.diagram{display:block;width:100%;height:auto}\n",
	"svg.chart{display:block;width:100%;max-width:640px;height:auto}\n",
	".chart-label,.chart-value{fill:var(--fg)}\n",
	".bar{fill:var(--bar)}\n",
	".bar-muted{fill:var(--bar-muted)}\n",
	"details{margin:6px 0}\n",
	"summary{cursor:pointer;color:var(--accent)}\n",
	".placement ul{margin:0;padding-left:1.2em}\n",
	".placement li{margin:1px 0}\n",
	".tags{color:var(--muted);font-size:.88em;overflow-wrap:anywhere}\n",
	"footer{margin-top:40px;padding-top:8px;border-top:1px solid "
	"var(--border);color:var(--muted);font-size:.88em}\n",
	"@media (max-width:900px){.band{grid-template-columns:1fr 1fr}"
	".split{grid-template-columns:1fr}}\n",
	"@media (max-width:560px){.band{grid-template-columns:1fr}}\n",
	/* print: light, no navigation, tables kept together where they can */
	"@media print{:root{--bg:#fff;--fg:#000;--muted:#3d444d;--panel:#fff;"
	"--border:#999;--accent:#000;--bar:#1f6feb;--bar-muted:#6e7781;"
	"--fail-fg:#a40e26;--fail-bg:#fff;--pass-fg:#116329;--pass-bg:#fff;"
	"--unknown-fg:#7d4e00;--unknown-bg:#fff;--na-fg:#3d444d;--na-bg:#fff;"
	"--undec-fg:#6639ba;--undec-bg:#fff;--crit:#a40e26;--high:#bc4c00;"
	"--med:#f2cc60;--low:#0969da;--info:#57606a;--diff:#f3f3f3}"
	"body{font-size:10.5pt}.page{max-width:none;padding:0}"
	"nav.toc{display:none}section{margin-top:18px}"
	"h2{break-after:avoid}h3,h4{break-after:avoid}"
	"tr,.card,figure{break-inside:avoid}thead{display:table-header-group}"
	".badge,.sev{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	".scroll,.frame{overflow:visible}a{text-decoration:none}}\n",
};

void tfs_render_report_css(tfs_buf *out)
{
	size_t i;
	for (i = 0; i < sizeof(CSS) / sizeof(CSS[0]); i++)
		tfs_buf_adds(out, CSS[i]);
}
