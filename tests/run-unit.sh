#!/usr/bin/env bash
# run-unit.sh - the cmocka unit tests: each binary of $UNIT_TESTS (make
# builds them into $(BUILD)/tests), from the top of the checkout, under
# $TEST_WRAPPER.  Without cmocka nothing could be built: the suite is
# skipped.  Some tests also read ../shared (the real fixtures, the pricing
# facts, the seeds' checklist); without it they skip those parts, said here
# once for all of them.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
pkg-config --exists cmocka 2>/dev/null ||
	skip_suite "unit tests" "libcmocka-dev not found" "make test-deps installs it"
pass=0 fail=0
if [ ! -d ../shared/fixtures/real ] || [ ! -d ../shared/pricing-facts ] ||
	[ ! -d ../shared/seeds ]; then
	missing "unit tests on ../shared's fixtures, pricing facts and seeds" \
		"../shared not found" "$SHARED_HOW" || fail=$((fail+1))
fi
for t in ${UNIT_TESTS:?set UNIT_TESTS to the test binaries}; do
	# shellcheck disable=SC2086
	if TFSIGHT_SRCDIR=$PWD ${TEST_WRAPPER:-} "$t"; then
		pass=$((pass+1))
	else
		fail=$((fail+1))
	fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
