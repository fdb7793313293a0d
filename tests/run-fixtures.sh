#!/usr/bin/env bash
# run-fixtures.sh - every real state and plan in ../shared/fixtures/real is
# read, nothing in it is dropped, and its topology builds.
#
# The expected instance count of each file comes from the fixtures' own
# catalogue (SOURCES.md, column "Res / inst", counted independently of
# tfsight): all instances for raw states and show -json, all entries of
# resource_changes for plans.  The one legacy v1 state must be rejected
# with a message that says how to upgrade it.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
: "${TFSIGHT:?set TFSIGHT to the binary}"
dir=${FIXTURES:-../shared/fixtures/real}
[ -f "$dir/SOURCES.md" ] ||
	skip_suite "fixture tests" "$dir not found" "$SHARED_HOW, or set FIXTURES"
export LC_ALL=C
pass=0 fail=0
# | `file` | repo | licence | format | tf | res / inst | types |
while IFS='|' read -r _ file _ _ format _ counts _; do
	file=$(echo "$file" | tr -d ' `')
	want=$(echo "$counts" | sed -E 's/^ *[0-9]+ \/ ([0-9]+).*/\1/')
	path=$dir/$file
	out=$(${TEST_WRAPPER:-} "$TFSIGHT" inventory --format json "$path" 2>&1)
	rc=$?
	case "$format" in
	*"tfstate v1"*)
		if [ $rc -eq 3 ] && grep -q "state format version 1 (Terraform 0.6 and earlier) is not supported" <<<"$out"; then
			pass=$((pass+1))
		else
			echo "FAIL $file: v1 state not rejected as expected (exit $rc): $out"
			fail=$((fail+1))
		fi
		continue ;;
	esac
	if [ $rc -ne 0 ]; then
		echo "FAIL $file: exit $rc: $out"
		fail=$((fail+1))
		continue
	fi
	case "$format" in
	*plan*) got=$(grep -m1 '"resourceChanges"' <<<"$out" | tr -dc 0-9) ;;
	*) got=$(grep -m1 '"instanceCount"' <<<"$out" | tr -dc 0-9) ;;
	esac
	if [ "$got" != "$want" ]; then
		echo "FAIL $file: $got instances read, SOURCES.md counts $want"
		fail=$((fail+1))
		continue
	fi
	# the topology of every readable input builds, whatever it holds
	if ! tout=$(${TEST_WRAPPER:-} "$TFSIGHT" topology --format json "$path" 2>&1 >/dev/null); then
		echo "FAIL $file: topology: $tout"
		fail=$((fail+1))
		continue
	fi
	pass=$((pass+1))
done < <(grep -E '^\| `[^`]+` \|' "$dir/SOURCES.md")
# every data file is in the catalogue
n=$(find "$dir" -maxdepth 1 -type f ! -name SOURCES.md | wc -l)
if [ $((pass + fail)) -ne "$n" ]; then
	echo "FAIL catalogue: $((pass + fail)) files listed, $n present"
	fail=$((fail+1))
fi
echo "fixtures: $pass passed, $fail failed"
[ $fail = 0 ]
