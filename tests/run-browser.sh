#!/usr/bin/env bash
# run-browser.sh DIR... - open each report DIR/index.html from disk in
# headless Chromium and check what a person would see:
#   - no console message at all (the page has no script, so any message is
#     a CSP violation, a blocked load or a parse problem);
#   - the sections are there, and every link of the contents resolves;
#   - nothing from the state became markup: no script, no event handler,
#     no javascript: URL, no link leaving the page, no embedded content;
#   - with --external-css (DIR/report.css beside it): no inline style or
#     script at all, as Jenkins' CSP requires;
#   - a screenshot, kept in $BROWSER_SHOTS (default build/browser/) for a
#     person to look at.
# Console messages are read from Chromium's own log (--enable-logging=stderr
# --v=0 prints each as "INFO:CONSOLE"); a canary page with a known error
# proves first that this still catches them.
# Without DIR arguments, $TFSIGHT writes the reports to test: the prod
# example, prod and dev side by side, prod with a baseline, prod with
# --external-css, and the hostile state of tests/hostile (names that are
# markup, quotes and javascript: URLs, which must arrive as text).
# Prints "browser: N passed, M failed".  Without Chromium the suite is
# skipped in one line (tests/lib.sh), and fails in CI.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
export LC_ALL=C

browser=$(find_chromium) ||
	skip_suite "browser tests" "chromium not found" "make test-deps installs it"

shots=${BROWSER_SHOTS:-build/browser}
mkdir -p "$shots"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

ok() { pass=$((pass+1)); }
bad() { echo "FAIL $*"; fail=$((fail+1)); }

if [ $# -eq 0 ]; then
	if [ -z "${TFSIGHT:-}" ]; then
		echo "usage: tests/run-browser.sh DIR...  (or set TFSIGHT)" >&2
		exit 2
	fi
	ex="--config examples/tfsight.yml --usage examples/usage.yml"
	prod=examples/webapp-prod.tfstate dev=examples/webapp-dev.tfstate
	reports="$work/reports"
	while read -r name args; do
		# shellcheck disable=SC2086
		if ! "$TFSIGHT" report -O "$reports/$name" $args \
			>"$work/$name.out" 2>&1; then
			bad "tfsight report $args: $(tail -1 "$work/$name.out")"
			continue
		fi
		set -- "$@" "$reports/$name"
	done <<EOF
webapp-prod $ex $prod
webapp-prod-dev $ex $prod $dev
webapp-prod-baseline $ex --baseline $dev $prod
webapp-prod-jenkins $ex --external-css $prod
hostile tests/hostile/names.tfstate
EOF
fi

# chromium URL LOG [ARGS...]: stdout of the browser, its log in LOG
chromium_run() {
	local url=$1 log=$2
	shift 2
	timeout 120 "$browser" --headless=new --no-sandbox --disable-gpu \
		--hide-scrollbars --no-first-run --no-default-browser-check \
		--disable-extensions --disable-background-networking \
		--disable-component-update --disable-sync --mute-audio \
		--user-data-dir="$log.profile" \
		--enable-logging=stderr --v=0 "$@" "$url" 2>"$log"
}

console_lines() { grep -a 'CONSOLE' "$1"; }

# ---- the canary: the detection itself must work ------------------------------
mkdir -p "$work/canary"
cat >"$work/canary/index.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'">
<link rel="stylesheet" href="blocked.css">
<script>console.error("tfsight-canary");</script>
</head><body><p>canary</p></body></html>
EOF
chromium_run "file://$work/canary/index.html" "$work/canary.log" \
	--dump-dom >"$work/canary.dom"
if console_lines "$work/canary.log" | grep -q 'tfsight-canary' &&
	console_lines "$work/canary.log" | grep -q 'Content Security Policy'; then
	ok
else
	bad "canary: console errors and CSP violations are not detected" \
		"(log: $(grep -ac . "$work/canary.log") lines)"
fi

# ---- the reports ---------------------------------------------------------------
# One browser per report, a few at once: the DOM as the browser built it, its
# console, and a screenshot of the top of the page for a person.
n=0
for dir in "$@"; do
	n=$((n+1))
	[ -f "$dir/index.html" ] || continue
	abs=$(cd "$dir" && pwd)/index.html
	rm -f "$shots/$(basename "$dir").png"
	{
		chromium_run "file://$abs" "$work/$n.log" --dump-dom \
			--screenshot="$shots/$(basename "$dir").png" \
			--window-size=1280,4000 >"$work/$n.dom"
		echo $? >"$work/$n.rc"
	} &
	# a few at a time: each is a whole browser
	while [ "$(jobs -rp | wc -l)" -ge "${BROWSER_JOBS:-3}" ]; do
		wait -n
	done
done
wait

sections="headline diagram cost-breakdown largest resources savings checklist inventory assumptions"
n=0
for dir in "$@"; do
	n=$((n+1))
	name=$(basename "$dir")
	page="$dir/index.html"
	if [ ! -f "$page" ]; then
		bad "$dir: no index.html"
		continue
	fi
	dom="$work/$n.dom"
	log="$work/$n.log"

	# 1. it loads, and the console stays silent
	if [ "$(cat "$work/$n.rc")" != 0 ] || [ ! -s "$dom" ]; then
		bad "$dir: chromium could not load the page"
		continue
	fi
	if console_lines "$log" >/dev/null; then
		bad "$dir: console messages:"
		console_lines "$log" | sed 's/^/    /' | head -20
	else
		ok
	fi

	# 2. the sections, and every link of the contents resolves
	missing=
	for s in $sections; do
		grep -aq "<section id=\"$s\"" "$dom" || missing="$missing $s"
	done
	for a in $(grep -ao 'href="#[A-Za-z0-9_-]*"' "$dom" | sort -u |
		sed 's/href="#//; s/"$//'); do
		grep -aq " id=\"$a\"" "$dom" || missing="$missing #$a"
	done
	if [ -n "$missing" ]; then
		bad "$dir: missing sections or link targets:$missing"
	else
		ok
	fi

	# 3. the state stayed text
	why=
	grep -aqi '<script' "$dom" && why="$why; a <script> element"
	grep -aEqi '<[^<>]*[[:space:]]on[a-z]+="' "$dom" && why="$why; an event handler attribute"
	grep -aEqi '(href|src|action|formaction)="[[:space:]]*(javascript|vbscript|data:text):' "$dom" &&
		why="$why; a javascript: URL"
	grep -aEqi '<(iframe|object|embed|img|form|input|base|meta http-equiv="refresh")' "$dom" &&
		why="$why; embedded or active content"
	others=$(grep -aEo '(href|src)="[^"]*"' "$dom" |
		grep -avE '^(href|src)="(#[A-Za-z0-9_-]+|data:,|report\.css)"$' | sort -u | head -5)
	[ -n "$others" ] && why="$why; links that leave the page: $(echo $others)"
	if [ -z "$why" ]; then
		ok
	else
		bad "$dir:${why#;}"
	fi

	# 4. Jenkins: with report.css beside it, nothing inline at all
	if [ -f "$dir/report.css" ]; then
		why=
		grep -aqi '<style' "$page" && why="$why; a <style> element"
		grep -aEqi '<[^<>]*[[:space:]]style="' "$page" && why="$why; a style attribute"
		grep -aqi '<script' "$page" && why="$why; a script"
		grep -aq 'href="report.css"' "$page" || why="$why; no link to report.css"
		if [ -z "$why" ]; then
			ok
		else
			bad "$dir (external CSS):${why#;}"
		fi
	fi

	# 5. a screenshot for a person
	if [ -s "$shots/$name.png" ]; then
		ok
	else
		bad "$dir: no screenshot"
	fi
done

echo "browser: $pass passed, $fail failed"
[ $fail -eq 0 ]
