#!/usr/bin/env bash
# run-schemas.sh - tfsight's JSON validates against the schemas its readers
# use (../shared/schemas): `cost --format json` against Infracost's, for
# every example, with and without a usage file.
set -u
cd "$(dirname "$0")/.."
: "${TFSIGHT:?set TFSIGHT to the binary}"
schemas=${SCHEMAS:-../shared/schemas}
if [ ! -f "$schemas/infracost.schema.json" ]; then
	echo "schemas: skipped: ../shared not found"
	exit 0
fi
# Debian's python3-jsonschema (make deps); any python3 that has it will do
py=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import jsonschema' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
	echo "schemas: FAIL: python3-jsonschema is missing (run make deps)"
	echo "schemas: 0 passed, 1 failed"
	exit 1
fi
export SOURCE_DATE_EPOCH=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for f in examples/*.tfstate; do
	for usage in "" "--usage examples/usage.yml"; do
		# shellcheck disable=SC2086
		if ! "$TFSIGHT" cost --format json $usage "$f" >"$tmp/cost.json" 2>/dev/null; then
			echo "FAIL cost --format json $usage $f: exit $?"
			fail=$((fail+1))
			continue
		fi
		if out=$("$py" -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' \
			"$schemas/infracost.schema.json" "$tmp/cost.json" 2>&1); then
			pass=$((pass+1))
		else
			echo "FAIL cost --format json $usage $f does not validate:"
			echo "$out" | tail -5
			fail=$((fail+1))
		fi
	done
done
echo "schemas: $pass passed, $fail failed"
[ $fail = 0 ]
