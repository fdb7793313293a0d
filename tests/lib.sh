# shellcheck shell=sh
# tests/lib.sh - sourced by tests/run-*.sh (and by the Makefile's
# check-test-deps): how a suite finds the tools it needs, and the one way it
# says it cannot run without them.
#
# A suite, or a part of one, that cannot run here because a tool or
# ../shared is missing prints exactly one line,
#     skipped: WHAT (WHY; HOW TO ENABLE IT)
# and tests/run-suites.sh counts it in the summary of make test.  In CI (CI
# set; .ci/run sets it) a missing tool is a failure instead: CI runs all.
# POSIX sh, so that any shell may source it; it sets no options.

# skipped WHAT WHY: a part left out here, printed and counted; never a
# failure, even in CI (e.g. the largest inputs under valgrind).
skipped() {
	echo "skipped: $1 ($2)"
	if [ -n "${TEST_SKIPS:-}" ]; then echo "$1" >>"$TEST_SKIPS"; fi
}

# missing WHAT WHY HOW: part of a suite cannot run for want of a tool.
# Returns 0 when skipped; in CI prints a failure and returns 1, so that
# callers write `missing ... || fail=$((fail+1))`.
missing() {
	if [ -n "${CI:-}" ]; then
		echo "FAIL $1: $2 (CI must run it; $3)"
		return 1
	fi
	skipped "$1" "$2; $3"
}

# skip_suite WHAT WHY HOW: the whole suite cannot run; ends the script with
# 77 (skipped, as automake counts it) or, in CI, 1.
skip_suite() {
	if missing "$1" "$2" "$3"; then exit 77; fi
	exit 1
}

# find_chromium: the path of the first Chromium (or Chrome) on PATH.
find_chromium() {
	for b in chromium chromium-browser google-chrome; do
		if command -v "$b"; then return 0; fi
	done
	return 1
}

# find_jsonschema: a python3 that can import jsonschema.  Debian's
# python3-jsonschema belongs to /usr/bin/python3, which a python3 earlier on
# PATH (pyenv, a venv) may not see.
find_jsonschema() {
	for p in /usr/bin/python3 python3; do
		if "$p" -c 'import jsonschema' 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

# have_test_tools: whether everything make test-deps installs is here.
have_test_tools() {
	pkg-config --exists cmocka 2>/dev/null && command -v python3 >/dev/null &&
		find_jsonschema >/dev/null && find_chromium >/dev/null
}

# The project's shared directory (fixtures, schemas, pricing facts, seeds)
# sits beside the checkout; this says how to get it where a suite says it
# is missing.
# shellcheck disable=SC2034
SHARED_HOW="put the project's shared directory at ../shared to run it"
