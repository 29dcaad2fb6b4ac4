#!/bin/sh
# Runs the libFuzzer targets (fuzz/fuzz_*.c): configures build-fuzz with
# clang and RECOUP_FUZZ=ON, builds them, and runs each for SECONDS
# (default 600) on a copy of its seed corpus in fuzz/corpus/<target>.
# Prints each target's coverage (libFuzzer's cov: edges and ft: features)
# and fails when one crashes, leaks or times out; the input that did it is
# kept in build-fuzz/artifacts/.
#
#   sh scripts/fuzz.sh [SECONDS [TARGET...]]
#
# FUZZ_BUILD overrides the build directory, FUZZ_JOBS the build's -j.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-"amount scenario lint transcript plan drill rubric lexicon database"}
build=${FUZZ_BUILD:-build-fuzz}

cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DRECOUP_FUZZ=ON \
	-DRECOUP_WERROR=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target fuzz -j"${FUZZ_JOBS:-2}"

# Largest input per target: the biggest seed with room to grow, so one
# input stays fast.
max_len() {
	case $1 in
	amount) echo 512 ;;
	drill|transcript|lexicon) echo 8192 ;;
	scenario|lint|plan|rubric) echo 24576 ;;
	database) echo 65536 ;;
	esac
}

mkdir -p "$build/artifacts" "$build/corpus"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=""
summary=""
for t in $targets; do
	bin="$build/fuzz_$t"
	[ -x "$bin" ] || { echo "fuzz: no target '$t'" >&2; exit 2; }
	# New inputs go to a working corpus outside the tree; the seeds stay
	# as they are.
	work="$build/corpus/$t"
	mkdir -p "$work"
	log="$build/fuzz_$t.log"
	echo "== fuzz_$t: ${secs}s =="
	if "$bin" -max_total_time="$secs" -max_len="$(max_len "$t")" \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$build/artifacts/$t-" \
	    "$work" "fuzz/corpus/$t" >"$log" 2>&1; then
		status=ok
	else
		status=FAILED
		failed="$failed $t"
		grep -E 'ERROR|SUMMARY|Test unit written|^    #[0-9]' "$log" | head -40
	fi
	cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
	execs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log" | grep -Eo '[0-9]+$' || true)
	line=$(printf '%-11s %-7s %s, %s runs' "$t" "$status" "${cov:-cov: ?}" "${execs:-?}")
	echo "$line"
	summary="$summary$line
"
done
echo "== fuzzing: ${secs}s per target =="
printf '%s' "$summary"
if [ -n "$failed" ]; then
	echo "fuzz: failed:$failed (logs: $build/fuzz_<target>.log, inputs: $build/artifacts/)" >&2
	exit 1
fi
