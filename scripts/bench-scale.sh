#!/usr/bin/env bash
# Times snipgen at scale: for each N (default 5000 10000 50000) synthetic specs (the shape of
# benches/generate.rs), a cold `generate` into an empty folder, a warm `generate` with nothing
# changed, and a `check`; prints seconds, microseconds per spec and peak RSS (/usr/bin/time -v),
# and how time per spec at the largest N compares with the smallest (issue 13 asks <= 1.2x).
#
# Usage: scripts/bench-scale.sh [N...]     (builds target/release/snipgen first)
# On a shared machine the seconds are noisy; compare rows of one run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES=("$@")
[ "${#SIZES[@]}" -gt 0 ] || SIZES=(5000 10000 50000)
[ -x /usr/bin/time ] || { echo "bench-scale: /usr/bin/time (GNU time) is needed" >&2; exit 1; }
(cd "$ROOT" && cargo build --quiet --release)
BIN="$ROOT/target/release/snipgen"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

make_specs() { # make_specs DIR N
  mkdir -p "$1"
  local i method body
  local methods=(GET POST PUT PATCH DELETE)
  for ((i = 0; i < $2; i++)); do
    method=${methods[i % 5]}
    body=""
    if [ "$method" != GET ] && [ "$method" != DELETE ]; then
      body="body:
  form:
    grant_type: client_credentials
    scope: \"read write $i\"
    audience: https://api.example.com/$i
    state: \"s&t=a+t e\"
    nonce: n$i
"
    fi
    printf 'title: Endpoint %d\nmethod: %s\nurl: https://api%d.example.com/v1/items/%d/{{id}}\nheaders:\n  Accept: application/json\n  X-Request-Id: req-%d\n  User-Agent: bench/1.0\n%s' \
      "$i" "$method" $((i % 7)) "$i" "$i" "$body" >"$1/endpoint-$(printf %06d "$i").yaml"
  done
}

# timed LABEL N CMD...: one RESULT line from GNU time's report.
timed() {
  local label="$1" n="$2"; shift 2
  /usr/bin/time -v "$@" >/dev/null 2>"$TMP/time.txt" || { cat "$TMP/time.txt" >&2; exit 1; }
  awk -v label="$label" -v n="$n" '
    /Elapsed \(wall clock\)/ { split($NF, p, ":"); s = (length(p) == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /Maximum resident set size/ { rss = $NF }
    END { printf "RESULT %s %d %.2f %.1f %.0f\n", label, n, s, s * 1e6 / n, rss / 1024 }' "$TMP/time.txt"
}

for n in "${SIZES[@]}"; do
  echo "[bench-scale] $n specs" >&2
  rm -rf "$TMP/specs" "$TMP/out"
  make_specs "$TMP/specs" "$n"
  timed cold "$n" "$BIN" generate --specs "$TMP/specs" --out "$TMP/out"
  timed warm "$n" "$BIN" generate --specs "$TMP/specs" --out "$TMP/out"
  timed check "$n" "$BIN" check --specs "$TMP/specs" --out "$TMP/out"
done >"$TMP/results.txt"

awk '
  { key = $2; n = $3; per[key, n] = $5; row[++rows] = $0; if (!(key in lo) || n < lo[key]) lo[key] = n; if (n > hi[key]) hi[key] = n }
  END {
    printf "%-6s %7s %8s %8s %9s\n", "run", "specs", "seconds", "us/spec", "peak RSS"
    for (i = 1; i <= rows; i++) { split(row[i], f, " "); printf "%-6s %7d %8.2f %8.1f %6d MB\n", f[2], f[3], f[4], f[5], f[6] }
    for (k in lo) if (hi[k] != lo[k])
      printf "%s: time per spec at %d is %.2fx that at %d\n", k, hi[k], per[k, hi[k]] / per[k, lo[k]], lo[k]
  }' "$TMP/results.txt"
