#!/usr/bin/env bash
# run-reports.sh - the reports checked in under reports/ are what the
# current code writes (examples/reports.sh), file for file; and a report
# that cannot be written whole leaves the previous one untouched.
set -u
cd "$(dirname "$0")/.."
: "${TFSIGHT:?set TFSIGHT to the binary}"
pass=0 fail=0
work=build/reports-check
rm -rf "$work" && mkdir -p "$work"

if ${TEST_WRAPPER:-} bash examples/reports.sh "$TFSIGHT" "$work/new" 2>"$work/err"; then
	for dir in "$work"/new/*/; do
		name=$(basename "$dir")
		if diff -r -q "reports/$name" "$dir" >"$work/diff" 2>&1; then
			pass=$((pass+1))
		else
			echo "FAIL reports/$name differs from what the code writes (make demo rewrites it):"
			head -5 "$work/diff"
			fail=$((fail+1))
		fi
	done
else
	echo "FAIL examples/reports.sh: $(tail -1 "$work/err")"
	fail=$((fail+1))
fi

# All or nothing: with one file blocked (a directory in its place) the run
# fails and every file of the previous report is as it was.  The page is
# renamed late and the estimate early; both are tried.
for blocked in index.html cost.json; do
	prev=$work/prev-$blocked
	cp -r reports/webapp-dev "$prev"
	rm -f "$prev/$blocked" && mkdir "$prev/$blocked"
	before=$(cd "$prev" && find . -type f -exec md5sum {} + | sort)
	${TEST_WRAPPER:-} "$TFSIGHT" report --out "$prev" --title changed \
		examples/webapp-prod.tfstate >/dev/null 2>"$work/err2"
	rc=$?
	after=$(cd "$prev" && find . -type f -exec md5sum {} + | sort)
	leftover=$(find "$prev" -name '.*.tfsight-*' | head -1)
	if [ $rc -eq 4 ] && [ "$before" = "$after" ] && [ -z "$leftover" ] &&
	   grep -q "$blocked: cannot write" "$work/err2"; then
		pass=$((pass+1))
	else
		echo "FAIL a failed report ($blocked blocked) changed the previous one (exit $rc, leftover '$leftover'): $(cat "$work/err2")"
		fail=$((fail+1))
	fi
done

# A run killed mid-write (kill -9) leaves its temporary files; the next
# run into the same directory removes those of dead processes, never a
# live one's.
stale=$work/stale
cp -r reports/webapp-dev "$stale"
sh -c 'exit 0' &
dead=$!
wait "$dead"
printf 'half' >"$stale/.index.html.tfsight-$dead.AbC123"
printf 'half' >"$stale/.cost.json.tfsight-$dead.XyZ789"
sleep 300 &
live=$!
printf 'busy' >"$stale/.index.html.tfsight-$live.LiVe00"
${TEST_WRAPPER:-} "$TFSIGHT" report --out "$stale" examples/webapp-dev.tfstate \
	>/dev/null 2>&1
rc=$?
kill "$live" 2>/dev/null
left=$(cd "$stale" && find . -name '.*.tfsight-*' | sort | tr '\n' ' ')
if [ $rc -eq 0 ] && [ "$left" = "./.index.html.tfsight-$live.LiVe00 " ]; then
	pass=$((pass+1))
else
	echo "FAIL stale temporary files: exit $rc, left '$left'"
	fail=$((fail+1))
fi

# A bad input writes nothing at all.
${TEST_WRAPPER:-} "$TFSIGHT" report --out "$work/none" tests/bad/truncated.json >/dev/null 2>&1
rc=$?
if [ $rc -eq 3 ] && [ ! -e "$work/none" ]; then
	pass=$((pass+1))
else
	echo "FAIL a bad input: exit $rc, or $work/none was created"
	fail=$((fail+1))
fi
echo "reports: $pass passed, $fail failed"
[ $fail = 0 ]
