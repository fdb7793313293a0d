#!/usr/bin/env bash
# run-readme.sh - every shell example of README.md and docs/*.md runs as
# written, from the top of a fresh checkout after make.
#
# Each command line of a fenced sh, bash or console block (console: the
# lines after "$ "; a line ending in \ goes on) must exit 0, or N when its
# comment says "exits N".  The only exceptions are commands that need AWS,
# a network or a CI platform, marked by their comment "# not run: WHY" and
# counted as skipped.  make and ./bootstrap lines are the build itself
# (make test would run this test again): they are checked with make -n.
#
# The blocks of each document run in order in a scratch copy of the top
# level (symlinks to the checkout; build/tfsight is $TFSIGHT; reports/ is
# copied), with HOME and TMPDIR in it and SOURCE_DATE_EPOCH set, so that
# what the examples write (out/) never reaches the checkout.  Nothing they
# print or write may hold a canary of the examples (examples/README.md).
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
repo=$PWD
tfsight=${TFSIGHT:-$repo/build/tfsight}
case $tfsight in /*) ;; *) tfsight=$repo/$tfsight ;; esac
if [ ! -x "$tfsight" ]; then
	echo "FAIL readme: $tfsight is not built (make)"
	exit 1
fi
# the commands run as in a fresh shell, not as children of make test
unset MAKEFLAGS MFLAGS MAKELEVEL
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0 notrun=0 dry=0

# commands FILE: "LINE<TAB>COMMAND" for each command line of FILE's sh,
# bash and console blocks.
commands() {
	awk '
	/^```/ {
		if (lang == "") { lang = substr($0, 4); sub(/[ \t].*/, "", lang)
			if (lang == "") lang = "-"; next }
		lang = ""; next
	}
	lang != "sh" && lang != "bash" && lang != "console" { next }
	lang == "console" && cmd == "" { if ($0 !~ /^\$ /) next; sub(/^\$ /, "") }
	{
		if (cmd == "") start = NR
		line = $0
		if (line ~ /\\$/) { cmd = cmd substr(line, 1, length(line) - 1); next }
		cmd = cmd line
		if (cmd ~ /[^ \t]/ && cmd !~ /^[ \t]*#/) print start "\t" cmd
		cmd = ""
	}' "$1"
}

# scratch DIR: the top level of the checkout as a fresh clone after make.
scratch() {
	local dir=$1 e
	mkdir -p "$dir/build" "$dir/home" "$dir/tmp"
	for e in "$repo"/* "$repo"/.[!.]*; do
		case ${e##*/} in build | out | reports | .git) ;; *) ln -s "$e" "$dir/" ;; esac
	done
	ln -s "$tfsight" "$dir/build/tfsight"
	cp -r "$repo/reports" "$dir/reports"
}

for doc in README.md docs/*.md; do
	list=$(commands "$doc")
	[ -n "$list" ] || continue
	root=$work/$(basename "$doc" .md)
	scratch "$root"
	logs=$root/tmp/logs
	mkdir -p "$logs"
	while IFS=$'\t' read -r line cmd; do
		where="$doc:$line"
		comment=
		if [[ $cmd =~ [[:space:]]#[[:space:]](.*)$ ]]; then
			comment=${BASH_REMATCH[1]}
		fi
		if [[ $comment == "not run:"* ]]; then
			notrun=$((notrun+1))
			continue
		fi
		want=0
		if [[ $comment =~ (^|[^a-z])exits\ ([0-9]+) ]]; then
			want=${BASH_REMATCH[2]}
		fi
		log=$logs/$line
		# the build itself: a dry run of the same make command
		if [[ $cmd =~ ^(make|\./bootstrap)([[:space:]]+([^#]*))?(#.*)?$ ]]; then
			args=${BASH_REMATCH[3]}
			dry=$((dry+1))
			# shellcheck disable=SC2086
			if ! (cd "$root" && sh -n bootstrap && make -n $args) >"$log" 2>&1; then
				echo "FAIL $where: '$cmd': make -n $args fails:"
				tail -n 5 "$log" | sed 's/^/    /'
				fail=$((fail+1))
			fi
			continue
		fi
		(cd "$root" && HOME=$root/home TMPDIR=$root/tmp \
			SOURCE_DATE_EPOCH=1793491200 timeout 300 \
			bash -o pipefail -c "$cmd") </dev/null >"$log" 2>&1
		rc=$?
		if [ "$rc" -eq "$want" ]; then
			pass=$((pass+1))
		else
			echo "FAIL $where: exit $rc, the document says $want: $cmd"
			tail -n 5 "$log" | sed 's/^/    /'
			fail=$((fail+1))
		fi
	done <<<"$list"
	if hit=$(grep -rl "TFSIGHT-CANARY" "$logs" "$root/out" 2>/dev/null); then
		echo "FAIL $doc: a canary reached $(echo "$hit" | head -3 | tr '\n' ' ')"
		fail=$((fail+1))
	fi
done
echo "readme: $pass passed, $fail failed, $dry make lines checked with make -n," \
	"$notrun skipped (documented: need AWS, a network or a CI platform)"
[ "$fail" -eq 0 ]
