#!/usr/bin/env bash
# run-schemas.sh - tfsight's JSON validates against the schemas its readers
# use (../shared/schemas): `cost --format json` against Infracost's, for
# every example, with and without a usage file, and `check --format sarif`
# against OASIS SARIF 2.1.0 (the format GitHub code scanning reads).
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
: "${TFSIGHT:?set TFSIGHT to the binary}"
schemas=${SCHEMAS:-../shared/schemas}
[ -f "$schemas/infracost.schema.json" ] ||
	skip_suite "schema tests" "$schemas not found" "$SHARED_HOW, or set SCHEMAS"
# Debian's python3-jsonschema (make test-deps); any python3 that has it will do
py=$(find_jsonschema) ||
	skip_suite "schema tests" "python3-jsonschema not found" "make test-deps installs it"
export SOURCE_DATE_EPOCH=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# validate NAME SCHEMA COMMAND...: run the command, validate its output
validate() {
	local name=$1 schema=$2 out
	shift 2
	if ! "$@" >"$tmp/out.json" 2>/dev/null; then
		echo "FAIL $name: exit $?"
		fail=$((fail+1))
		return
	fi
	if out=$("$py" -c 'import json,sys,jsonschema
jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' \
		"$schema" "$tmp/out.json" 2>&1); then
		pass=$((pass+1))
	else
		echo "FAIL $name does not validate:"
		echo "$out" | tail -5
		fail=$((fail+1))
	fi
}
for f in examples/*.tfstate; do
	validate "cost --format json $f" "$schemas/infracost.schema.json" \
		"$TFSIGHT" cost --format json "$f"
	validate "cost --format json --usage $f" "$schemas/infracost.schema.json" \
		"$TFSIGHT" cost --format json --usage examples/usage.yml "$f"
	validate "check --format sarif $f" "$schemas/sarif-schema-2.1.0.json" \
		"$TFSIGHT" check --format sarif --config examples/tfsight.yml "$f"
done
echo "schemas: $pass passed, $fail failed"
[ $fail = 0 ]
