#!/usr/bin/env bash
# run-docs.sh - documents generated from the code match it: docs/checks.md
# is `tfsight check --list --format markdown`, docs/options.md every
# command's `--help-markdown`.  UPDATE=1 rewrites them.
set -u
cd "$(dirname "$0")/.."
: "${TFSIGHT:?set TFSIGHT to the binary}"
pass=0 fail=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
check() { # FILE COMMAND...
	local file=$1
	shift
	if ! "$@" >"$tmp"; then
		echo "FAIL $file: '$*' exited $?"
		fail=$((fail+1))
	elif [ "${UPDATE:-}" = 1 ]; then
		cp "$tmp" "$file"
		pass=$((pass+1))
	elif cmp -s "$tmp" "$file"; then
		pass=$((pass+1))
	else
		echo "FAIL $file differs from '$*' (make golden-update rewrites it):"
		diff -u "$file" "$tmp" | head -20
		fail=$((fail+1))
	fi
}
check docs/checks.md "$TFSIGHT" check --list --format markdown
# docs/options.md: every command's options, as its parser defines them
options_md() {
	printf '# Options\n\n<!-- Generated from the option tables (tfsight COMMAND --help-markdown); do not edit. -->\n\n'
	printf 'Every option of every command, as the command line parses it. The\n'
	printf 'README explains the common ones with examples.\n\n'
	"$TFSIGHT" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }' |
		while read -r cmd; do "$TFSIGHT" "$cmd" --help-markdown || return 1; done
}
check docs/options.md options_md

# The README's option tables are a hand-picked part of docs/options.md:
# every option they name must still be one of that command's.
for cmd in $("$TFSIGHT" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'); do
	opts=$("$TFSIGHT" "$cmd" --help)
	stale=
	for o in $(awk -v h="### \`tfsight $cmd\`" '
			$0 == h { on = 1; next }
			/^### / { on = 0 }
			on && /^\| `/ { split($0, c, "|"); print c[2] }' README.md |
		grep -o -- '--[a-z0-9-]*' | sort -u); do
		grep -q -- "$o\b" <<<"$opts" || stale="$stale $o"
	done
	if [ -z "$stale" ]; then
		pass=$((pass+1))
	else
		echo "FAIL README.md, tfsight $cmd: not options of the command:$stale"
		fail=$((fail+1))
	fi
done
echo "docs: $pass passed, $fail failed"
[ $fail = 0 ]
