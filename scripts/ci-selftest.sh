#!/usr/bin/env bash
# Proves `snipgen check`, as .ci/run uses it, fails on a stale committed output/: a scratch
# copy of specs/ and output/ gets one generated file changed, and check must exit 1 naming it.
set -euo pipefail
cd "$(dirname "$0")/.."
# SNIPGEN_BIN: a binary already built from this tree; else the debug build (CI has one).
bin="${SNIPGEN_BIN:-}"
if [ -z "$bin" ]; then cargo build --quiet; bin=target/debug/snipgen; fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -R specs output "$scratch/"
# The first committed sample, in a stable order.
victim=$(cd "$scratch" && find output -type f -name '*.sh' | LC_ALL=C sort | head -n 1)
[ -n "$victim" ] || { echo "ci-selftest: no sample found under output/" >&2; exit 1; }
"$bin" check --specs "$scratch/specs" --out "$scratch/output" >/dev/null ||
  { echo "ci-selftest: check fails on an untouched copy of output/" >&2; exit 1; }
printf '# stale\n' >>"$scratch/$victim"
if "$bin" check --specs "$scratch/specs" --out "$scratch/output" >"$scratch/report.txt"; then
  echo "ci-selftest: check passed although $victim was changed" >&2
  exit 1
fi
grep -q "stale    $scratch/$victim" "$scratch/report.txt" ||
  { echo "ci-selftest: check failed without naming $victim:" >&2; cat "$scratch/report.txt" >&2; exit 1; }
echo "ci-selftest: check catches a stale $victim"
