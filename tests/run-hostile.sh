#!/usr/bin/env bash
# run-hostile.sh - every command on every malformed file of tests/bad exits
# 3 with a located message (never a crash), and on the hostile-but-valid
# states of tests/hostile exits 0 with no secret, no control character and
# no unescaped markup of the input in its output.
set -u
cd "$(dirname "$0")/.."
: "${TFSIGHT:?set TFSIGHT to the binary}"
export LC_ALL=C
pass=0 fail=0
# The file is the last argument of each; diff compares the dev example with it.
commands=("inventory" "inventory --format json" "topology" "topology --format json"
	"cost --format json" "check" "check --format json" "check --format sarif"
	"check --format junit" "diagram --format svg"
	"diff examples/webapp-dev.tfstate")
# Formats where markup of the input must arrive escaped.
markup='^(check --format junit|diagram --format svg|diff .*)$'

for f in tests/bad/*; do
	for c in "${commands[@]}"; do
		# shellcheck disable=SC2086
		err=$(${TEST_WRAPPER:-} "$TFSIGHT" $c "$f" 2>&1 >/dev/null)
		rc=$?
		if [ $rc -eq 3 ] && [[ $err == "tfsight: error: $f"* ]]; then
			pass=$((pass+1))
		else
			echo "FAIL $c $f: exit $rc: $err"
			fail=$((fail+1))
		fi
	done
done

for f in tests/hostile/*; do
	for c in "${commands[@]}"; do
		# shellcheck disable=SC2086
		out=$(${TEST_WRAPPER:-} "$TFSIGHT" $c "$f" 2>&1)
		rc=$?
		why=
		[ $rc -eq 0 ] || why="exit $rc"
		grep -q "TFSIGHT-CANARY" <<<"$out" && why="$why; a secret reached the output"
		# ESC, BEL and CR from the input must not reach a terminal raw
		LC_ALL=C grep -q $'[\x1b\x07\r]' <<<"$out" && why="$why; a control character reached the output"
		if [[ $c =~ $markup ]] && grep -qi '<script' <<<"$out"; then
			why="$why; markup of the input reached the output unescaped"
		fi
		if [ -z "$why" ]; then
			pass=$((pass+1))
		else
			echo "FAIL $c $f:$why"
			fail=$((fail+1))
		fi
	done
done
echo "hostile: $pass passed, $fail failed"
[ $fail = 0 ]
