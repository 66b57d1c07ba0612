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
# as for verify), and jq. Exits with verify's status (1 on a FAIL, or a SKIP).
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

# report NAME: the figures of one run.
report() {
    cat "$out/$1".*.json | jq -rs --argjson base "$BASELINE" '
      def r2: . * 100 | round / 100;
      def pad(n): tostring | (" " * ([n - length, 0] | max)) + .;
      (map(select(.reason == "summary"))) as $runs
      | (map(select(.reason == "sample"))) as $samples
      | ($runs | map(.samples) | add) as $n
      | ($runs | map(.seconds) | add) as $s
      | ($n / $s) as $rate
      | "runs (specs/, tests/fixtures/matrix): " + ($runs | map("\(.samples) samples in \(.seconds | r2) s, \(.passed) passed, \(.failed) failed, \(.skipped) skipped") | join("; ")),
        "samples: \($n)",
        "seconds: \($s | r2)",
        "samples/s: \($rate | r2)",
        "ratio to the \($base) samples/s baseline: \($rate / $base | r2)x (target >= 10x)  \(if $rate / $base >= 10 then "MET" else "NOT MET" end)",
        "",
        "column                    samples  seconds  s/sample",
        ($samples | group_by(.column) | map({c: .[0].column, n: length, s: (map(.seconds) | add)})
          | sort_by(-.s)[] | "\(.c + (" " * (24 - (.c | length))))  \(.n | pad(7))  \(.s | r2 | pad(7))  \(.s / .n | r2 | pad(8))")'
}

rate() {
    cat "$out/$1".*.json | jq -s 'map(select(.reason == "summary")) | (map(.samples) | add) / (map(.seconds) | add)'
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
    jq -rn --argjson a "$(rate after)" --argjson b "$(rate before)" \
        '"after / before, back to back: \($a * 100 | round / 100) / \($b * 100 | round / 100) samples/s = \($a / $b * 100 | round / 100)x"'
fi
if [ "$status" -ne 0 ]; then
    echo "verify exited $status (a FAIL, or a SKIP under --require-all):" >&2
    cat "$out"/*.err | grep -v '^\[' | tail -20 >&2
fi
exit "$status"
