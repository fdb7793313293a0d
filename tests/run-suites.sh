#!/usr/bin/env bash
# run-suites.sh SUITE... - run tests/run-SUITE.sh for each SUITE, all of
# them whatever fails (one failure should not hide the next), then one line:
#     N suites passed, M skipped[, F failed: NAMES]
# A suite exits 0 (passed), 77 (it could not run here) or anything else
# (failed).  M counts the "skipped:" lines (tests/lib.sh), whole suites and
# parts of suites alike, so a suite that ran without its ../shared half is
# counted in both N and M.  Exits 1 when any suite failed.
set -u
cd "$(dirname "$0")/.."
TEST_SKIPS=$(mktemp)
export TEST_SKIPS
trap 'rm -f "$TEST_SKIPS"' EXIT
pass=0 fail=0 failed=
for s in "$@"; do
	tests/run-"$s".sh
	case $? in
	0) pass=$((pass+1)) ;;
	77) ;;
	*) fail=$((fail+1)) failed="$failed $s" ;;
	esac
done
skip=$(wc -l <"$TEST_SKIPS")
suites=suites
[ "$pass" -ne 1 ] || suites=suite
if [ "$fail" -eq 0 ]; then
	echo "$pass $suites passed, $skip skipped"
else
	echo "$pass $suites passed, $skip skipped, $fail failed:$failed"
fi
[ "$fail" -eq 0 ]
