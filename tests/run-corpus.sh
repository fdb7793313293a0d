#!/usr/bin/env bash
# run-corpus.sh - every subcommand on every real state and plan: those of
# tests/fixtures/real (the project's own corpus, SOURCES.md says where each
# comes from) and those of ../shared/fixtures/real.
#
# Each run must exit 0 or 1, or 3 with a message naming the file; no output
# of any run (standard output, standard error, every file a report writes)
# may hold a canary (the corpus's secrets were replaced by TFSIGHT-CANARY-NN
# strings); and the facts of each file of the own corpus (instances,
# subnets, placements, edges, total: tests/corpus-facts.py) must be those
# tests/fixtures/real/FACTS records.  FACTS was reviewed by hand against the
# inputs: a difference is a change of behaviour to be understood, not a
# file to regenerate.
#
# Without ../shared the second set, and without python3 the facts, are
# skipped with one line each (tests/lib.sh); in CI (CI set) that is a
# failure.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
: "${TFSIGHT:?set TFSIGHT to the binary}"
export LC_ALL=C TZ=UTC
unset SOURCE_DATE_EPOCH
own=${CORPUS:-tests/fixtures/real}
shared=${FIXTURES:-../shared/fixtures/real}
work=build/corpus
rm -rf "$work" && mkdir -p "$work"
pass=0 fail=0

commands=("inventory" "inventory --format json" "topology"
	"topology --format json" "cost" "cost --format json" "cost --format csv"
	"check" "check --format json" "check --format sarif"
	"check --format junit" "diagram --format svg" "diagram --format dot")

files=()
for f in "$own"/*; do
	case $f in *.md|*/licenses|*/FACTS) continue ;; esac
	files+=("$f")
done
if [ -f "$shared/SOURCES.md" ]; then
	for f in "$shared"/*; do
		case $f in *.md|*/licenses) continue ;; esac
		files+=("$f")
	done
else
	missing "corpus tests on the shared corpus" "$shared not found" \
		"$SHARED_HOW, or set FIXTURES" || fail=$((fail+1))
fi

# One run: its exit and message, and its output kept for the canary scan.
check_run() {
	local name=$1 f=$2 rc=$3 err=$4
	if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] ||
		{ [ "$rc" -eq 3 ] && [[ $err == "tfsight: error: $f"* ]]; }; then
		pass=$((pass+1))
	else
		echo "FAIL $name $f: exit $rc: ${err:0:300}"
		fail=$((fail+1))
	fi
}

n=0
for f in "${files[@]}"; do
	n=$((n+1))
	out=$work/$n
	mkdir -p "$out"
	i=0
	for c in "${commands[@]}"; do
		i=$((i+1))
		# shellcheck disable=SC2086
		${TEST_WRAPPER:-} "$TFSIGHT" $c "$f" >"$out/$i.out" 2>"$out/$i.err"
		check_run "$c" "$f" $? "$(cat "$out/$i.err")"
	done
	${TEST_WRAPPER:-} "$TFSIGHT" diff "$f" "$f" >"$out/diff.out" 2>"$out/diff.err"
	check_run "diff" "$f" $? "$(cat "$out/diff.err")"
	${TEST_WRAPPER:-} "$TFSIGHT" report -O "$out/report" "$f" >"$out/report.out" 2>"$out/report.err"
	check_run "report" "$f" $? "$(cat "$out/report.err")"
	if hit=$(grep -rl "TFSIGHT-CANARY" "$out" 2>/dev/null); then
		echo "FAIL $f: a canary reached $(echo "$hit" | head -3 | tr '\n' ' ')"
		fail=$((fail+1))
	else
		pass=$((pass+1))
	fi
done

# the facts of the own corpus
if ! command -v python3 >/dev/null; then
	missing "corpus facts of tests/corpus-facts.py" "python3 not found" \
		"make test-deps installs it" || fail=$((fail+1))
elif python3 tests/corpus-facts.py "$TFSIGHT" $(for f in "${files[@]}"; do
	case $f in "$own"/*) echo "$f" ;; esac; done) >"$work/FACTS"; then
	if diff -u "$own/FACTS" "$work/FACTS" >"$work/FACTS.diff"; then
		pass=$((pass+1))
	else
		echo "FAIL corpus facts differ from $own/FACTS (review each line against the input):"
		head -40 "$work/FACTS.diff"
		fail=$((fail+1))
	fi
else
	echo "FAIL tests/corpus-facts.py"
	fail=$((fail+1))
fi
# every file of the own corpus is in SOURCES.md, and has its facts
for f in "${files[@]}"; do
	case $f in "$own"/*) ;; *) continue ;; esac
	b=$(basename "$f")
	if ! grep -q "\`$b\`" "$own/SOURCES.md" || ! grep -qxF "== $b" "$own/FACTS"; then
		echo "FAIL $b: not in SOURCES.md or FACTS"
		fail=$((fail+1))
	fi
done
echo "corpus: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
