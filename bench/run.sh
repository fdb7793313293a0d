#!/usr/bin/env bash
# run.sh - the body of `make bench`: generate large synthetic states, time
# every command in COMMANDS on each, and print one table.
#
#   bench/run.sh BUILD_DIR
#
# BUILD_DIR holds tfsight, bench-gen, bench-parse and bench-measure (make
# bench builds them into build/bench) and receives the generated states
# (state-N.tfstate, regenerated only when missing or older than bench-gen or
# the reference) and the raw figures (bench-results.tsv).
#
# Environment (all optional):
#   BENCH_SIZES          copies of the reference per state  (1 10 50 100 175 500)
#   BENCH_RUNS           measured runs per command and size (5; one more
#                        unmeasured warm-up run precedes them)
#   BENCH_REF            the reference state         (examples/webapp-prod.tfstate)
#   BENCH_TARGET_COPIES  sizes the target is checked at  (100 175 500)
#   BENCH_TARGET_PCT     allowed overhead over the baseline, time and memory (10)
#   BENCH_DIAGRAM_SIZES  copies the diagram is compared with dot at (1 10 50 100)
#   BENCH_DIAGRAM_TARGET how many times faster than dot the diagram must be (10)
#
# Times are the median wall time of the runs, memory the largest peak RSS.
# bench-measure runs the commands of one state in turns, so a change in the
# machine's load hits all of them alike; the ratios are the figures to read.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:?usage: bench/run.sh BUILD_DIR}
REF=${BENCH_REF:-examples/webapp-prod.tfstate}
read -ra SIZES <<<"${BENCH_SIZES:-1 10 50 100 175 500}"
read -ra TARGET_COPIES <<<"${BENCH_TARGET_COPIES:-100 175 500}"
RUNS=${BENCH_RUNS:-5}
PCT=${BENCH_TARGET_PCT:-10}
# Linearity: time at LIN_HI copies over time at LIN_LO copies (ideal
# LIN_HI/LIN_LO); printed when both sizes are measured.
LIN_LO=50 LIN_HI=500

# The commands measured on every state, "NAME|COMMAND LINE"; @FILE@ stands
# for the state (no other word may contain spaces).  Standard output goes to
# /dev/null.  The first is the baseline every other one is compared with.
# A new subcommand is one more line here (and a column in the table).
COMMANDS=(
	"bare|$BUILD/bench-parse @FILE@"
	"inventory|$BUILD/tfsight inventory --format json @FILE@"
	"topology|$BUILD/tfsight topology --format json @FILE@"
	"cost|$BUILD/tfsight cost --format json @FILE@"
	"check|$BUILD/tfsight check --format json @FILE@"
	"diagram|$BUILD/tfsight diagram --format svg -o $BUILD/bench-diagram.svg @FILE@"
	"report|$BUILD/tfsight report --out $BUILD/bench-report @FILE@"
	"report-j1|$BUILD/tfsight report -j 1 --out $BUILD/bench-report-j1 @FILE@"
	"diff|$BUILD/tfsight diff --format json @FILE@ @FILE@"
)

GEN=$BUILD/bench-gen
MEASURE=$BUILD/bench-measure
RESULTS=$BUILD/bench-results.tsv
for tool in "$GEN" "$MEASURE" "$BUILD/bench-parse" "$BUILD/tfsight" "$BUILD/bench-diagram"; do
	[ -x "$tool" ] || { echo "run.sh: $tool is missing (run make bench)" >&2; exit 1; }
done

NAMES=()
for c in "${COMMANDS[@]}"; do NAMES+=("${c%%|*}"); done
BASE=${NAMES[0]}

declare -A MS KIB BYTES INST

# x / y, with d decimals; "-" when y is 0.
ratio() { awk -v x="$1" -v y="$2" -v d="${3:-2}" 'BEGIN { if (y == 0) print "-"; else printf "%.*f\n", d, x / y }'; }

# ---- states ---------------------------------------------------------------

for n in "${SIZES[@]}"; do
	f=$BUILD/state-$n.tfstate
	if [ -f "$f" ] && [ "$f" -nt "$GEN" ] && [ "$f" -nt "$REF" ]; then
		continue
	fi
	echo "generating $f ($n copies of $REF)" >&2
	"$GEN" -o "$f" "$REF" "$n"
done

# ---- measure and print ----------------------------------------------------

hdr1=$(printf '%6s %8s %9s' copies "size" instances)
hdr2=$(printf '%6s %8s %9s' "" MB "")
for name in "${NAMES[@]}"; do
	if [ "$name" = "$BASE" ]; then
		hdr1+=$(printf ' | %22s' "$name")
		hdr2+=$(printf ' | %10s %11s' "ms" "MiB")
	else
		hdr1+=$(printf ' | %42s' "$name (vs $BASE)")
		hdr2+=$(printf ' | %10s %11s %9s %9s' "ms" "MiB" "time x" "RSS x")
	fi
done

echo "tfsight bench: $REF copied into module.stack_<i>; median wall time" \
     "of $RUNS runs, largest peak RSS; ratios are command / $BASE"
echo
echo "$hdr1"
echo "$hdr2"

printf 'copies\tbytes\tinstances\tcommand\truns\tmin_ms\tmedian_ms\tmax_ms\tmax_rss_kib\n' >"$RESULTS"
for n in "${SIZES[@]}"; do
	f=$BUILD/state-$n.tfstate
	BYTES[$n]=$(stat -c %s "$f")
	# every instance object, managed or data, has exactly one schema_version
	INST[$n]=$(grep -c '"schema_version":' "$f" || true)
	row=$(printf '%6s %8s %9s' "$n" "$(ratio "${BYTES[$n]}" 1000000 1)" "${INST[$n]}")
	# all commands in one bench-measure call: it runs them in turns
	argv=()
	for c in "${COMMANDS[@]}"; do
		if [ ${#argv[@]} -gt 0 ]; then argv+=("::"); fi
		read -ra words <<<"${c#*|}"
		for w in "${words[@]}"; do
			if [ "$w" = "@FILE@" ]; then w=$f; fi
			argv+=("$w")
		done
	done
	# the commands' own messages (report's "wrote ...") go to a log
	mapfile -t lines < <("$MEASURE" -r "$RUNS" -- "${argv[@]}" 2>>"$BUILD/bench-stderr.log")
	[ ${#lines[@]} -eq ${#NAMES[@]} ] ||
		{ echo "run.sh: measuring failed on $f" >&2; exit 1; }
	for k in "${!NAMES[@]}"; do
		name=${NAMES[$k]}
		# runs=5 min_ms=... median_ms=... max_ms=... max_rss_kib=...
		declare -A m=()
		for kv in ${lines[$k]}; do m[${kv%%=*}]=${kv#*=}; done
		MS[$name,$n]=${m[median_ms]}
		KIB[$name,$n]=${m[max_rss_kib]}
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "${BYTES[$n]}" \
			"${INST[$n]}" "$name" "${m[runs]}" "${m[min_ms]}" \
			"${m[median_ms]}" "${m[max_ms]}" "${m[max_rss_kib]}" >>"$RESULTS"
		unset m
		ms=$(ratio "${MS[$name,$n]}" 1 1)
		mib=$(ratio "${KIB[$name,$n]}" 1024 1)
		if [ "$name" = "$BASE" ]; then
			row+=$(printf ' | %10s %11s' "$ms" "$mib")
		else
			row+=$(printf ' | %10s %11s %9s %9s' "$ms" "$mib" \
				"$(ratio "${MS[$name,$n]}" "${MS[$BASE,$n]}")" \
				"$(ratio "${KIB[$name,$n]}" "${KIB[$BASE,$n]}")")
		fi
	done
	echo "$row"
done

# ---- linearity ------------------------------------------------------------

if [ -n "${MS[$BASE,$LIN_LO]:-}" ] && [ -n "${MS[$BASE,$LIN_HI]:-}" ]; then
	line="linearity, time at $LIN_HI / time at $LIN_LO copies (ideal $(ratio $LIN_HI $LIN_LO 1)):"
	sep=" "
	for name in "${NAMES[@]}"; do
		line+="$sep$name $(ratio "${MS[$name,$LIN_HI]}" "${MS[$name,$LIN_LO]}" 1)"
		sep=", "
	done
	echo
	echo "$line"
fi

# ---- target ---------------------------------------------------------------

echo
for n in "${TARGET_COPIES[@]}"; do
	if [ -z "${MS[$BASE,$n]:-}" ]; then continue; fi
	for name in "${NAMES[@]}"; do
		if [ "$name" = "$BASE" ]; then continue; fi
		# the targets: the reader's (inventory, +10 %) and the report's
		# (within 1.5x, at -j N and at -j 1); the other commands are
		# measured for their linearity and for the record
		case $name in
		inventory) pct=$PCT ;;
		report | report-j1) pct=${BENCH_REPORT_PCT:-50} ;;
		*) continue ;;
		esac
		read -r dt dm ok < <(awk -v t="${MS[$name,$n]}" -v bt="${MS[$BASE,$n]}" \
			-v m="${KIB[$name,$n]}" -v bm="${KIB[$BASE,$n]}" -v p="$pct" 'BEGIN {
			dt = (t / bt - 1) * 100; dm = (m / bm - 1) * 100
			printf "%+.1f %+.1f %s\n", dt, dm, (dt <= p && dm <= p) ? "MET" : "NOT-MET" }')
		printf 'target %s <= +%s%% time and RSS over %s, %s copies (%s MB, %s instances): %s%% time, %s%% RSS: %s\n' \
			"$name" "$pct" "$BASE" "$n" "$(ratio "${BYTES[$n]}" 1000000 1)" \
			"${INST[$n]}" "$dt" "$dm" "${ok/-/ }"
	done
done
# ---- diagram against Graphviz ------------------------------------------------
# The diagram against Graphviz's dot on the DOT export of the same boxes,
# clusters and edges, in the same bench-measure call: on the synthetic
# states and on one VPC holding 1,000 resources (bench/gen-vpc.py).  Two
# comparisons, each net of both programs' start-up:
#   render: our layout, routing and cairo SVG of every page (bench-diagram's
#           median_ms) against dot -Tsvg minus dot -Tsvg on an empty graph;
#   layout: our layout and routing alone (bench-diagram's layout_ms)
#           against dot -Tdot (layout, positions written out) minus dot
#           -Tdot on an empty graph.
# The whole command (tfsight diagram -f pdf, reading the state included)
# is shown beside dot -Tsvg's whole run.  Graphviz is Debian's; `make
# bench` installs it when missing.
read -ra DSIZES <<<"${BENCH_DIAGRAM_SIZES:-1 10 50 100}"
DTARGET=${BENCH_DIAGRAM_TARGET:-10}
if command -v dot >/dev/null 2>&1; then
	VPC=$BUILD/vpc-1000.tfstate
	if [ ! -f "$VPC" ] || [ bench/gen-vpc.py -nt "$VPC" ]; then
		python3 bench/gen-vpc.py 1000 >"$VPC.tmp" && mv "$VPC.tmp" "$VPC"
	fi
	echo
	echo "diagram vs Graphviz dot on the DOT export of the same diagram (median of $RUNS runs)"
	# dot's own start-up (plugins, fonts), measured on an empty graph
	echo 'digraph g {}' >"$BUILD/empty.dot"
	mapfile -t lines < <("$MEASURE" -r "$RUNS" -- dot -Tsvg -o /dev/null "$BUILD/empty.dot" :: \
		dot -Tdot -o /dev/null "$BUILD/empty.dot")
	dot0=$(tr ' ' '\n' <<<"${lines[0]}" | sed -n 's/^median_ms=//p')
	dotl0=$(tr ' ' '\n' <<<"${lines[1]}" | sed -n 's/^median_ms=//p')
	echo "(command: the whole tfsight diagram -f pdf, reading the state included, and dot -Tsvg's"
	echo " whole run; render: bench-diagram's layout + routing + cairo SVG of every page against"
	echo " dot -Tsvg less its $dot0 ms on an empty graph; layout: bench-diagram's layout + routing"
	echo " against dot -Tdot less its $dotl0 ms on an empty graph; x: how many times faster)"
	printf '%-18s %9s %6s | %8s %6s %8s %6s | %8s %8s %6s | %8s %8s %6s\n' "" "" "" \
		command MiB "dot -Tsvg" x render "dot net" x layout "dot net" x
	printf '%-18s %9s %6s | %8s %6s %8s %6s | %8s %8s %6s | %8s %8s %6s\n' state instances \
		boxes ms "" ms "" ms ms "" ms ms ""
	declare -A DMS DLS
	TGT=()
	states=()
	for n in "${DSIZES[@]}"; do states+=("$BUILD/state-$n.tfstate"); done
	states+=("$VPC")
	for f in "${states[@]}"; do
		[ -f "$f" ] || continue
		"$BUILD/tfsight" diagram -f dot "$f" >"$f.dot"
		mapfile -t lines < <("$MEASURE" -r "$RUNS" -- \
			"$BUILD/tfsight" diagram -f pdf -o /dev/null "$f" :: \
			dot -Tsvg -o /dev/null "$f.dot" :: dot -Tdot -o /dev/null "$f.dot")
		[ ${#lines[@]} -eq 3 ] || { echo "run.sh: measuring the diagram failed on $f" >&2; exit 1; }
		declare -A a=() b=() c=() l=()
		for kv in ${lines[0]}; do a[${kv%%=*}]=${kv#*=}; done
		for kv in ${lines[1]}; do b[${kv%%=*}]=${kv#*=}; done
		for kv in ${lines[2]}; do c[${kv%%=*}]=${kv#*=}; done
		for kv in $("$BUILD/bench-diagram" -r "$RUNS" "$f"); do l[${kv%%=*}]=${kv#*=}; done
		DMS[$f]=${l[median_ms]}
		DLS[$f]=${l[layout_ms]}
		net=$(awk -v d="${b[median_ms]}" -v z="$dot0" 'BEGIN { n = d - z; printf "%.1f\n", (n > 0 ? n : 0) }')
		netl=$(awk -v d="${c[median_ms]}" -v z="$dotl0" 'BEGIN { n = d - z; printf "%.1f\n", (n > 0 ? n : 0) }')
		r_cmd=$(ratio "${b[median_ms]}" "${a[median_ms]}" 1)
		r_render=$(ratio "$net" "${l[median_ms]}" 1)
		r_layout=$(ratio "$netl" "${l[layout_ms]}" 1)
		printf '%-18s %9s %6s | %8s %6s %8s %6s | %8s %8s %6s | %8s %8s %6s\n' "$(basename "$f")" \
			"$(grep -c '"schema_version":' "$f" || true)" "${l[boxes]}" \
			"$(ratio "${a[median_ms]}" 1 1)" "$(ratio "${a[max_rss_kib]}" 1024 1)" \
			"$(ratio "${b[median_ms]}" 1 1)" "${r_cmd}x" \
			"$(ratio "${l[median_ms]}" 1 1)" "$net" "${r_render}x" \
			"$(ratio "${l[layout_ms]}" 1 2)" "$netl" "${r_layout}x"
		for name in diagram dot-svg dot-dot; do
			case $name in
			diagram) declare -n m=a ;;
			dot-svg) declare -n m=b ;;
			dot-dot) declare -n m=c ;;
			esac
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(basename "$f")" \
				"$(stat -c %s "$f")" "-" "$name" "${m[runs]}" "${m[min_ms]}" \
				"${m[median_ms]}" "${m[max_ms]}" "${m[max_rss_kib]}" >>"$RESULTS"
			unset -n m
		done
		TGT+=("$(awk -v r="$r_layout" -v q="$r_render" -v t="$DTARGET" -v f="$(basename "$f")" 'BEGIN {
			printf "target diagram >= %sx faster than dot (net) on %s: layout + routing %s (%sx), with the SVG rendering %s (%sx)\n",
				t, f, (r + 0 >= t ? "MET" : "NOT MET"), r, (q + 0 >= t ? "MET" : "NOT MET"), q }')")
		unset a b c l
	done
	for t in "${TGT[@]}"; do echo "$t"; done
	lo=$BUILD/state-${DSIZES[1]:-10}.tfstate hi=$BUILD/state-${DSIZES[-1]}.tfstate
	if [ -n "${DMS[$lo]:-}" ] && [ -n "${DMS[$hi]:-}" ] && [ "$lo" != "$hi" ]; then
		echo "diagram linearity, time at ${DSIZES[-1]} / time at ${DSIZES[1]:-10} copies" \
			"(ideal $(ratio "${DSIZES[-1]}" "${DSIZES[1]:-10}" 1)): layout + routing" \
			"$(ratio "${DLS[$hi]}" "${DLS[$lo]}" 1), with the SVG rendering" \
			"$(ratio "${DMS[$hi]}" "${DMS[$lo]}" 1)"
	fi
else
	echo
	echo "diagram vs dot: skipped (Graphviz 'dot' not installed)"
fi

# ---- security-group mesh ---------------------------------------------------------
# The network join on its worst case (bench/gen-sg-mesh.py): GROUPS x GROUPS
# rules between GROUPS x SERVICES memberships.  topology against the bare
# parse, at two sizes: time and memory must follow the state's size.
for mesh in ${BENCH_MESH:-60x60 400x100}; do
	MESH=$BUILD/mesh-$mesh.tfstate
	if [ ! -f "$MESH" ] || [ bench/gen-sg-mesh.py -nt "$MESH" ]; then
		python3 bench/gen-sg-mesh.py "${mesh%x*}" "${mesh#*x}" >"$MESH.tmp" &&
			mv "$MESH.tmp" "$MESH"
	fi
	mapfile -t lines < <("$MEASURE" -r "$RUNS" -- \
		"$BUILD/bench-parse" "$MESH" :: \
		"$BUILD/tfsight" topology --format json "$MESH")
	declare -A m0=() m1=()
	for kv in ${lines[0]}; do m0[${kv%%=*}]=${kv#*=}; done
	for kv in ${lines[1]}; do m1[${kv%%=*}]=${kv#*=}; done
	echo
	echo "sg mesh $mesh ($(($(stat -c %s "$MESH") / 1024)) KiB): bare ${m0[median_ms]} ms" \
		"${m0[max_rss_kib]} KiB; topology ${m1[median_ms]} ms ${m1[max_rss_kib]} KiB" \
		"($(ratio "${m1[median_ms]}" "${m0[median_ms]}")x time," \
		"$(ratio "${m1[max_rss_kib]}" "${m0[max_rss_kib]}")x memory)"
	unset m0 m1
done

# ---- many instances ---------------------------------------------------------------
# bench/gen-many.py N: N Elastic IPs, N/10 log groups, N/10 buckets, each
# failing checks of its own.  The outputs for people cut every list at a
# fixed number of lines (include/tfsight/render.h), so their bytes must stay
# the same from one N to the next (the JSON and CSV beside them grow).
# One line per N (BENCH_MANY, default 10000 100000) and command: median
# time, peak memory, bytes written (report: index.html + summary.md; the
# JSON and CSV files apart).
echo
printf '%-28s %-9s %10s %9s %12s\n' "many instances" command "median ms" "peak MiB" "bytes"
for n in ${BENCH_MANY:-10000 100000}; do
	MANY=$BUILD/many-$n.tfstate MANYH=$BUILD/many-$n-head.tfstate
	if [ ! -f "$MANYH" ] || [ bench/gen-many.py -nt "$MANYH" ]; then
		python3 bench/gen-many.py "$n" >"$MANY.tmp" && mv "$MANY.tmp" "$MANY"
		python3 bench/gen-many.py "$n" --head >"$MANYH.tmp" && mv "$MANYH.tmp" "$MANYH"
	fi
	R=$BUILD/many-report
	many=(report inventory topology cost check diff)
	declare -A mcmd=(
		[report]="$BUILD/tfsight report --out $R $MANY"
		[inventory]="$BUILD/tfsight inventory $MANY"
		[topology]="$BUILD/tfsight topology $MANY"
		[cost]="$BUILD/tfsight cost $MANY"
		[check]="$BUILD/tfsight check $MANY"
		[diff]="$BUILD/tfsight diff --format markdown $MANY $MANYH"
	)
	args=() bytes=()
	for c in "${many[@]}"; do
		[ ${#args[@]} = 0 ] || args+=(::)
		# shellcheck disable=SC2206
		args+=(${mcmd[$c]})
		${mcmd[$c]} >"$BUILD/many.out" 2>/dev/null
		if [ "$c" = report ]; then
			bytes+=("$(($(stat -c %s "$R/index.html") + $(stat -c %s "$R/summary.md")))")
			json=$(($(stat -c %s "$R/cost.json") + $(stat -c %s "$R/checks.json") + $(stat -c %s "$R/cost.csv")))
		else
			bytes+=("$(stat -c %s "$BUILD/many.out")")
		fi
	done
	mapfile -t lines < <("$MEASURE" -r "$RUNS" -- "${args[@]}")
	for i in "${!many[@]}"; do
		declare -A m=()
		for kv in ${lines[$i]}; do m[${kv%%=*}]=${kv#*=}; done
		printf '%-28s %-9s %10s %9s %12s\n' "$(basename "$MANY") ($(($(stat -c %s "$MANY") >> 20)) MiB)" \
			"${many[$i]}" "${m[median_ms]}" "$((m[max_rss_kib] >> 10))" "${bytes[$i]}"
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "many-$n" "$(stat -c %s "$MANY")" \
			"-" "${many[$i]}" "${m[runs]}" "${m[min_ms]}" "${m[median_ms]}" \
			"${m[max_ms]}" "${m[max_rss_kib]}" >>"$RESULTS"
		unset m
	done
	echo "  (the report's cost.json, checks.json and cost.csv: $json bytes, complete)"
	unset mcmd
done

# ---- parallel inputs -----------------------------------------------------------
# The same 20 states (copies of the 10-copy state) read and checked on one
# thread and on two: the output must be byte-identical, the time shorter.
PAR_N=${BENCH_PARALLEL_STATES:-20}
PAR_SRC=$BUILD/state-10.tfstate
if [ -f "$PAR_SRC" ]; then
	mkdir -p "$BUILD/parallel"
	par=()
	for i in $(seq 1 "$PAR_N"); do
		ln -sf "../state-10.tfstate" "$BUILD/parallel/s$i.tfstate"
		par+=("$BUILD/parallel/s$i.tfstate")
	done
	"$BUILD/tfsight" check -j 1 --format json "${par[@]}" >"$BUILD/parallel/j1.json"
	"$BUILD/tfsight" check -j 2 --format json "${par[@]}" >"$BUILD/parallel/j2.json"
	same=$(cmp -s "$BUILD/parallel/j1.json" "$BUILD/parallel/j2.json" && echo identical || echo DIFFERENT)
	mapfile -t lines < <("$MEASURE" -r "$RUNS" -- \
		"$BUILD/tfsight" check -j 1 --format json "${par[@]}" :: \
		"$BUILD/tfsight" check -j 2 --format json "${par[@]}")
	declare -A p1=() p2=()
	for kv in ${lines[0]}; do p1[${kv%%=*}]=${kv#*=}; done
	for kv in ${lines[1]}; do p2[${kv%%=*}]=${kv#*=}; done
	echo
	echo "parallel: tfsight check on $PAR_N states of 10 copies: -j 1 ${p1[median_ms]} ms," \
		"-j 2 ${p2[median_ms]} ms, speed-up $(ratio "${p1[median_ms]}" "${p2[median_ms]}")" \
		"on $(nproc) cores; output $same"
fi

echo
echo "raw figures (min/median/max ms, peak RSS KiB): $RESULTS"
