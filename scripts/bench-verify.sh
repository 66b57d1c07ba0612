#!/bin/sh
# Measures `snipgen verify` (issue 13 item 5): builds the release binary, runs
# `verify --require-all --message-format json` over specs/ and tests/fixtures/matrix (every
# client of every language), and prints samples, seconds, samples/s, the ratio to the
# baseline before batching (403 samples in about 100 s: 4.03 samples/s) and whether the
# >= 10x target is met, then each column's seconds (the sum of its samples' seconds; a
# batched sample counts its share of its batch), slowest first.
#
# Usage: scripts/bench-verify.sh [--before BIN] [verify options, e.g. --jobs 2]
#   --before BIN  first run the same with another snipgen binary (e.g. main's), back to back,
#                 and print the ratio between the two runs too: on a busy machine that ratio
#                 means more than either run's samples/s.
# BENCH_VERIFY_OUT=DIR keeps the JSON lines of each run there (NAME.FOLDER.json).
# Needs scripts/install-runtimes.sh and scripts/install-docs-tools.sh run once (SNIPGEN_RUNTIMES
# as for verify), and python3. Exits with verify's status (1 on a FAIL, or a SKIP).
set -eu
cd "$(dirname "$0")/.."
BASELINE=4.03
before=
if [ "${1:-}" = --before ]; then
    before=$2
    shift 2
fi
if [ -n "${BENCH_VERIFY_OUT:-}" ]; then
    out=$BENCH_VERIFY_OUT
    mkdir -p "$out"
else
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
fi

cargo build --release --quiet
status=0

# run NAME BIN [ARGS]: both spec folders with BIN; the JSON lines in $out/NAME.*.json.
run() {
    name=$1 bin=$2
    shift 2
    for specs in specs tests/fixtures/matrix; do
        file="$out/$name.$(printf %s "$specs" | tr / _)"
        "$bin" verify --specs "$specs" --require-all --message-format json "$@" >"$file.json" 2>"$file.err" \
            || status=$?
    done
}

# report NAME: the figures of one run (python3, which Debian and the runtimes have; jq may not).
report() {
    python3 - "$BASELINE" "$out/$1".*.json <<'EOF'
import json, sys
from collections import defaultdict
base = float(sys.argv[1])
lines = [json.loads(l) for f in sys.argv[2:] for l in open(f) if l.startswith("{")]
runs = [l for l in lines if l.get("reason") == "summary"]
n = sum(r["samples"] for r in runs)
s = sum(r["seconds"] for r in runs)
rate = n / s
print("runs (specs/, tests/fixtures/matrix): " + "; ".join(
    f"{r['samples']} samples in {r['seconds']:.2f} s, {r['passed']} passed, {r['failed']} failed, {r['skipped']} skipped"
    for r in runs))
print(f"samples: {n}")
print(f"seconds: {s:.2f}")
print(f"samples/s: {rate:.2f}")
verdict = "MET" if rate / base >= 10 else "NOT MET"
print(f"ratio to the {base} samples/s baseline: {rate / base:.2f}x (target >= 10x)  {verdict}")
print()
print("column                    samples  seconds  s/sample")
columns = defaultdict(lambda: [0, 0.0])
for l in lines:
    if l.get("reason") == "sample":
        columns[l["column"]][0] += 1
        columns[l["column"]][1] += l["seconds"]
for c, (k, t) in sorted(columns.items(), key=lambda x: -x[1][1]):
    print(f"{c:<24}  {k:>7}  {t:>7.2f}  {t / k:>8.2f}")
EOF
}

rate() {
    python3 -c 'import json, sys
runs = [json.loads(l) for f in sys.argv[1:] for l in open(f) if "\"summary\"" in l]
print(sum(r["samples"] for r in runs) / sum(r["seconds"] for r in runs))' "$out/$1".*.json
}

if [ -n "$before" ]; then
    run before "$before" "$@"
    echo "== before: $before"
    report before
    echo
    echo "== after: target/release/snipgen"
fi
run after ./target/release/snipgen "$@"
report after
if [ -n "$before" ]; then
    echo
    python3 -c 'import sys; a, b = map(float, sys.argv[1:])
print(f"after / before, back to back: {a:.2f} / {b:.2f} samples/s = {a / b:.2f}x")' "$(rate after)" "$(rate before)"
fi
if [ "$status" -ne 0 ]; then
    echo "verify exited $status (a FAIL, or a SKIP under --require-all):" >&2
    cat "$out"/*.err | grep -v '^\[' | tail -20 >&2
fi
exit "$status"
