#!/usr/bin/env bash
# Side-by-side timings of `avenant diff` against `git diff --no-index --word-diff` on the bench
# pairs: median wall time of N runs, the ratio, and peak RSS (/usr/bin/time -v) against the inputs.
# Usage: benches/compare.sh [AVENANT_BINARY] [RUNS]   (build with `cargo build --release` first)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/target/release/avenant}"
runs="${2:-5}"
bench="${BENCH_DIR:-$here/../shared/corpus/bench}"
[ -x "$bin" ] || { echo "binaire introuvable : $bin (cargo build --release)" >&2; exit 2; }

# median wall seconds of `runs` runs of the command
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'
}
# peak RSS in MB and CPU seconds (user + sys, less sensitive to other load than wall time) of one run
rss_cpu() {
  { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } |
    awk -F: '/Maximum resident/ {m = $2 / 1024} /User time|System time/ {c += $2} END {printf "%.1f %.3f", m, c}'
}

echo "machine: $(uname -m), $(nproc) cœurs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), charge $(cut -d' ' -f1 /proc/loadavg)"
echo "avenant: $bin ; $runs runs, médiane"
printf '%-22s %7s %9s %6s %8s %8s %6s %8s %8s %7s\n' pair git_s avenant_s ratio git_cpu av_cpu ratio git_MB av_MB rss/in
for pair in "code-du-travail-2011-12-31 code-du-travail-2015-04-01" "code-civil-2012-12-31 code-civil-2015-04-01"; do
  set -- $pair
  a="$bench/$1.md"; b="$bench/$2.md"
  [ -f "$a" ] && [ -f "$b" ] || continue
  inputs_mb=$(echo "($(stat -c %s "$a") + $(stat -c %s "$b")) / 1048576" | bc -l)
  g=$(median git diff --no-index --word-diff "$a" "$b")
  v=$(median "$bin" diff --format json "$a" "$b")
  read -r gr gc <<<"$(rss_cpu git diff --no-index --word-diff "$a" "$b")"
  read -r vr vc <<<"$(rss_cpu "$bin" diff --format json "$a" "$b")"
  printf '%-22s %7s %9s %6.2f %8s %8s %6.2f %8s %8s %7.2f\n' "${1%-*-*-*} diff" "$g" "$v" \
    "$(echo "$v / $g" | bc -l)" "$gc" "$vc" "$(echo "if ($gc > 0) $vc / $gc else 0" | bc -l)" "$gr" "$vr" "$(echo "$vr / $inputs_mb" | bc -l)"
done
