#!/usr/bin/env bash
# Side-by-side timings of `avenant diff` against `git diff --no-index --word-diff` on the bench
# pairs: the minimum wall and CPU time of N runs (the least disturbed by other load on a shared
# machine), the ratios, and peak RSS (/usr/bin/time -v) against the inputs; then the scaling
# t(2n)/t(n) (CPU) on inputs doubled by concatenation, the Code du travail and adversarial ones.
# Then peak RSS of `parse` on a 19.4 MB text against its size; then `draft` and `apply` against
# git on the same pairs, and their scaling on generated texts: every article changed, then
# every article moved (the exit code of `draft` printed: 2 when it refuses its act).
# Usage: benches/compare.sh [AVENANT_BINARY] [RUNS]   (build with `cargo build --release` first)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/target/release/avenant}"
runs="${2:-5}"
bench="${BENCH_DIR:-$here/../shared/corpus/bench}"
[ -x "$bin" ] || { echo "binaire introuvable : $bin (cargo build --release)" >&2; exit 2; }

# minimum wall seconds of `runs` runs of the command
wall() {
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | head -1 | awk '{printf "%.3f", $1}'
}
# peak RSS in MB (largest) and CPU seconds (user + sys, smallest) over `runs` runs
rss_cpu() {
  for _ in $(seq "$runs"); do
    { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } |
      awk -F: '/Maximum resident/ {m = $2 / 1024} /User time|System time/ {c += $2} END {printf "%.1f %.3f\n", m, c}'
  done | sort -k2 -g | awk 'NR == 1 {c = $2} {if ($1 > m) m = $1} END {printf "%.1f %.3f", m, c}'
}

echo "machine: $(uname -m), $(nproc) cœurs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), charge $(cut -d' ' -f1 /proc/loadavg)"
echo "avenant: $bin ; $runs runs, minimum"
printf '%-22s %7s %9s %6s %8s %8s %6s %8s %8s %7s\n' pair git_s avenant_s ratio git_cpu av_cpu ratio git_MB av_MB rss/in
for pair in "code-du-travail-2011-12-31 code-du-travail-2015-04-01" "code-civil-2012-12-31 code-civil-2015-04-01"; do
  set -- $pair
  a="$bench/$1.md"; b="$bench/$2.md"
  [ -f "$a" ] && [ -f "$b" ] || continue
  inputs_mb=$(echo "($(stat -c %s "$a") + $(stat -c %s "$b")) / 1048576" | bc -l)
  g=$(wall git diff --no-index --word-diff "$a" "$b")
  v=$(wall "$bin" diff --format json "$a" "$b")
  read -r gr gc <<<"$(rss_cpu git diff --no-index --word-diff "$a" "$b")"
  read -r vr vc <<<"$(rss_cpu "$bin" diff --format json "$a" "$b")"
  printf '%-22s %7s %9s %6.2f %8s %8s %6.2f %8s %8s %7.2f\n' "${1%-*-*-*} diff" "$g" "$v" \
    "$(echo "$v / $g" | bc -l)" "$gc" "$vc" "$(echo "if ($gc > 0) $vc / $gc else 0" | bc -l)" "$gr" "$vr" "$(echo "$vr / $inputs_mb" | bc -l)"
done

# Scaling: the same command on each input and on the input doubled by concatenation.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Parsing a 19.4 MB text (both Code du travail versions, the new one twice, both Code civil
# versions, one after the other): peak RSS against the input, for each output format, and CPU.
big=(code-du-travail-2011-12-31 code-du-travail-2015-04-01 code-du-travail-2015-04-01 code-civil-2012-12-31 code-civil-2015-04-01)
if all=$(for f in "${big[@]}"; do [ -f "$bench/$f.md" ] || exit 1; echo "$bench/$f.md"; done); then
  # shellcheck disable=SC2086
  cat $all >"$tmp/big.md"
  big_mb=$(echo "$(stat -c %s "$tmp/big.md") / 1048576" | bc -l)
  echo
  printf '%-22s %8s %8s %8s %7s\n' "parse ($(printf '%.1f' "$big_mb") MB)" format av_cpu av_MB rss/in
  for format in outline json md; do
    read -r pr pc <<<"$(rss_cpu "$bin" parse --format "$format" "$tmp/big.md")"
    printf '%-22s %8s %8s %8s %7.2f\n' "" "$format" "$pc" "$pr" "$(echo "$pr / $big_mb" | bc -l)"
  done
fi
gen() { # gen KIND SEED FILE: adversarial inputs, deterministic (awk's srand)
  awk -v kind="$1" -v seed="$2" 'BEGIN {
    srand(seed); print "Convention\n"
    if (kind == "same") for (i = 1; i <= 3000; i++) { if (seed == 2 && i % 3 == 0) continue; print "Article " i "\n\nLe présent article s'"'"'applique aux salariés.\n" }
    if (kind == "oneword") for (i = 1; i <= 5000; i++) print "Article " i "\n\nmot" int(rand() * 50) "\n"
    if (kind == "long") { printf "Article 1er : Objet\n\n"; for (i = 0; i < 60000; i++) printf "mot%d ", int(rand() * 300); print "." }
  }' >"$3"
}
for kind in same oneword long; do gen "$kind" 1 "$tmp/$kind-a.md"; gen "$kind" 2 "$tmp/$kind-b.md"; done
echo
printf '%-28s %8s %8s %7s\n' "scaling (CPU s)" n 2n "2n/n"
cases=("code-du-travail|$bench/code-du-travail-2011-12-31.md|$bench/code-du-travail-2015-04-01.md")
for kind in same oneword long; do cases+=("$kind|$tmp/$kind-a.md|$tmp/$kind-b.md"); done
for c in "${cases[@]}"; do
  IFS='|' read -r name a b <<<"$c"
  [ -f "$a" ] && [ -f "$b" ] || continue
  cat "$a" "$a" >"$tmp/2a.md"; cat "$b" "$b" >"$tmp/2b.md"
  read -r _ t1 <<<"$(rss_cpu "$bin" diff --format json "$a" "$b")"
  read -r _ t2 <<<"$(rss_cpu "$bin" diff --format json "$tmp/2a.md" "$tmp/2b.md")"
  printf '%-28s %8s %8s %7.2f\n' "$name" "$t1" "$t2" "$(echo "if ($t1 > 0) $t2 / $t1 else 0" | bc -l)"
done

# draft and apply against git word-diff on the same pair (CPU seconds, user + sys: the machine may
# be shared); apply is timed on the act draft printed (none when draft refuses it, exit 2).
cpu() { { /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null || true; } | tail -1 | awk '{printf "%.3f", $1 + $2}'; }
printf '\n%-22s %8s %8s %7s %8s %7s\n' pair git_cpu draft draft/g apply apply/g
for pair in "code-du-travail-2011-12-31 code-du-travail-2015-04-01" "code-civil-2012-12-31 code-civil-2015-04-01"; do
  set -- $pair
  a="$bench/$1.md"; b="$bench/$2.md"
  [ -f "$a" ] && [ -f "$b" ] || continue
  gc=$(cpu git diff --no-index --word-diff "$a" "$b")
  gc=$(echo "if ($gc < 0.01) 0.01 else $gc" | bc -l)
  dc=$(cpu sh -c '"$0" draft "$1" "$2" > "$3"' "$bin" "$a" "$b" "$tmp/act.md")
  if [ -s "$tmp/act.md" ]; then
    ac=$(cpu "$bin" apply "$a" "$tmp/act.md"); ar=$(echo "$ac / $gc" | bc -l)
  else
    ac="refusé"; ar=0
  fi
  printf '%-22s %8.3f %8s %7.1f %8s %7.1f\n' "${1%-*-*-*}" "$gc" "$dc" "$(echo "$dc / $gc" | bc -l)" "$ac" "$ar"
done

# scaling: a generated convention of n articles, every one changed (one amount each)
gen() { awk -v n="$1" -v f="$2" 'BEGIN { print "Convention de partenariat\n"; for (k = 1; k <= n; k++) printf "Article %d : Engagement %d\n\nLe partenaire %d verse une somme de %d euros au titre de l'\''année.\n\nLe comité se réunit chaque mois.\n\n", k, k, k, k * f }'; }
printf '\n%-8s %8s %9s %8s %9s\n' articles draft t2n/tn apply t2n/tn
pd=""; pa=""
for n in 500 1000 2000 4000 8000; do
  gen "$n" 1 > "$tmp/old.md"; gen "$n" 2 > "$tmp/new.md"
  d=$(cpu sh -c '"$0" draft "$1" "$2" > "$3"' "$bin" "$tmp/old.md" "$tmp/new.md" "$tmp/act.md")
  a=$(cpu "$bin" apply "$tmp/old.md" "$tmp/act.md")
  rd=$([ -n "$pd" ] && echo "$d / ($pd + 0.001)" | bc -l || echo 0)
  ra=$([ -n "$pa" ] && echo "$a / ($pa + 0.001)" | bc -l || echo 0)
  printf '%-8s %8s %9.2f %8s %9.2f\n' "$n" "$d" "$rd" "$a" "$ra"
  pd=$d; pa=$a
done

# scaling: the same convention of n articles, every article moved (the new version puts them in
# a shuffled order, awk's srand(7)): each moved article is drafted deleted and inserted again.
shuffled() { awk -v n="$1" -v shuf="$2" 'BEGIN { srand(7); print "Convention de partenariat\n"; for (k = 1; k <= n; k++) o[k] = k; if (shuf) for (k = n; k > 1; k--) { j = int(rand() * k) + 1; t = o[k]; o[k] = o[j]; o[j] = t }; for (i = 1; i <= n; i++) { k = o[i]; printf "Article %d : Engagement %d\n\nLe partenaire %d verse une somme de %d euros au titre de l'\''année %d.\n\nLe comité %d se réunit chaque mois.\n\n", k, k, k, k * 3, k, k } }'; }
printf '\n%-8s %8s %9s %s\n' moved draft t2n/tn exit
pd=""
for n in 1000 2000 4000 8000; do
  shuffled "$n" 0 > "$tmp/old.md"; shuffled "$n" 1 > "$tmp/new.md"
  d=$(cpu sh -c '"$0" draft "$1" "$2" > "$3"' "$bin" "$tmp/old.md" "$tmp/new.md" "$tmp/act.md")
  code=0; "$bin" draft "$tmp/old.md" "$tmp/new.md" >/dev/null 2>&1 || code=$?
  rd=$([ -n "$pd" ] && echo "$d / ($pd + 0.001)" | bc -l || echo 0)
  printf '%-8s %8s %9.2f %s\n' "$n" "$d" "$rd" "$code"
  pd=$d
done
