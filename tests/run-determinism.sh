#!/usr/bin/env bash
# run-determinism.sh - the same input gives the same bytes: every command
# twice, and on one thread against two (-j), over both examples at once.
set -u
cd "$(dirname "$0")/.."
: "${TFSIGHT:?set TFSIGHT to the binary}"
pass=0 fail=0
work=build/determinism
# cost JSON stamps timeGenerated; fix the clock so two runs may differ only
# by what the code does
export SOURCE_DATE_EPOCH=1793491200
rm -rf "$work" && mkdir -p "$work"
files=(examples/webapp-dev.tfstate examples/webapp-prod.tfstate
       examples/webapp-dev.tfstate)
cfg=(--config examples/tfsight.yml)
commands=(
	"inventory --format json"
	"topology --format json --config examples/tfsight.yml"
	"cost --format json --usage examples/usage.yml"
	"cost --format csv"
	"check --format json --config examples/tfsight.yml"
	"check --format sarif --config examples/tfsight.yml"
	"diagram --format svg --config examples/tfsight.yml"
)
run() { # NAME ARGS...
	local name=$1
	shift
	# shellcheck disable=SC2068
	${TEST_WRAPPER:-} "$TFSIGHT" $@ >"$work/$name" 2>/dev/null
}
i=0
for c in "${commands[@]}"; do
	i=$((i+1))
	# shellcheck disable=SC2086
	run "$i.a" $c -j 1 "${files[@]}"
	# shellcheck disable=SC2086
	run "$i.b" $c -j 1 "${files[@]}"
	# shellcheck disable=SC2086
	run "$i.c" $c -j 2 "${files[@]}"
	if cmp -s "$work/$i.a" "$work/$i.b" && cmp -s "$work/$i.a" "$work/$i.c" &&
	   [ -s "$work/$i.a" ]; then
		pass=$((pass+1))
	else
		echo "FAIL $c: output differs between runs or between -j 1 and -j 2"
		fail=$((fail+1))
	fi
done
# the report directory, file for file
for j in 1 2; do
	${TEST_WRAPPER:-} "$TFSIGHT" report "${cfg[@]}" -j $j --out "$work/report-$j" \
		examples/webapp-dev.tfstate examples/webapp-prod.tfstate >/dev/null 2>&1
done
if diff -r -q "$work/report-1" "$work/report-2" >/dev/null 2>&1 &&
   [ -s "$work/report-1/index.html" ]; then
	pass=$((pass+1))
else
	echo "FAIL report: the files differ between -j 1 and -j 2"
	fail=$((fail+1))
fi
echo "determinism: $pass passed, $fail failed"
[ $fail = 0 ]
