#!/usr/bin/env bash
# run-golden.sh - end-to-end tests of the binary against expected files.
#
# Each case is a directory tests/golden/CASE/ holding
#   cmd            the arguments to tfsight, one shell line (run from the
#                  repository root; $WORK is a scratch directory of the case)
#   setup          optional: a bash script that creates inputs in $WORK
#   stdin          optional: fed to standard input
#   env            optional: NAME=VALUE lines exported for the command
#   expected.out   expected standard output
#   expected.err   expected standard error
#   expected.exit  expected exit status
# A case passes when all three match byte for byte.  UPDATE=1 rewrites the
# expected files from the current binary instead (make golden-update).
# Without python3 the cases whose setup runs it are skipped with one line
# (tests/lib.sh; a failure in CI).
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
: "${TFSIGHT:?set TFSIGHT to the binary}"
export LC_ALL=C TZ=UTC
unset SOURCE_DATE_EPOCH

pass=0 fail=0
have_python=1
if ! command -v python3 >/dev/null; then
	have_python=
	missing "golden cases whose setup runs python3" "python3 not found" \
		"make test-deps installs it" || fail=$((fail+1))
fi
for dir in tests/golden/*/; do
	name=$(basename "$dir")
	if [ -z "$have_python" ] && grep -qs python3 "$dir/setup"; then
		continue
	fi
	WORK=build/golden-work/$name
	rm -rf "$WORK" && mkdir -p "$WORK"
	export WORK
	if [ -f "$dir/setup" ]; then
		bash "$dir/setup" || { echo "FAIL $name: setup failed"; fail=$((fail+1)); continue; }
	fi
	args=$(cat "$dir/cmd")
	stdin=/dev/null
	[ -f "$dir/stdin" ] && stdin=$dir/stdin
	(
		if [ -f "$dir/env" ]; then
			while IFS= read -r kv; do [ -n "$kv" ] && export "${kv?}"; done <"$dir/env"
		fi
		# shellcheck disable=SC2086
		eval "${TEST_WRAPPER:-} \"\$TFSIGHT\" $args" <"$stdin" >"$WORK/out" 2>"$WORK/err"
		echo $? >"$WORK/exit"
	)
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$WORK/out" "$dir/expected.out"
		cp "$WORK/err" "$dir/expected.err"
		cp "$WORK/exit" "$dir/expected.exit"
		pass=$((pass+1))
		continue
	fi
	ok=1
	for f in out err exit; do
		if ! cmp -s "$dir/expected.$f" "$WORK/$f"; then
			[ $ok = 1 ] && echo "FAIL $name"
			ok=0
			diff -u "$dir/expected.$f" "$WORK/$f" | head -20
		fi
	done
	if [ $ok = 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); fi
done
# No output of any case may carry a secret of the inputs (examples/README.md);
# the states a setup derived from the examples carry them, as inputs.
if grep -rl --exclude='*.tfstate' "TFSIGHT-CANARY" build/golden-work >/dev/null 2>&1; then
	echo "FAIL secret canary found in output:"
	grep -rl --exclude='*.tfstate' "TFSIGHT-CANARY" build/golden-work
	fail=$((fail+1))
fi
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
