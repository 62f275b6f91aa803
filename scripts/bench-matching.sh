#!/usr/bin/env bash
# Benchmarks MatchingCore against scipy.optimize.linear_sum_assignment (optimal assignment) and
# the PyPI `matching` package (stable matching): builds Benchmarks/ in release, installs scipy,
# numpy and matching into a virtualenv under /tmp, and runs Benchmarks/compare.py, which prints
# times, ratios and peak memory and fails if any result differs. Takes several minutes.
# Usage: scripts/bench-matching.sh [compare.py options, e.g. --quick or --densities 0.01,0.05]
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${MATCHING_BENCH_STATE:-${TMPDIR:-/tmp}/mentormail-matching-bench}
MATCHING_VERSION=1.4.3
say() { echo "bench-matching: $*" >&2; }

mkdir -p "$STATE"
PACKAGE=$REPO/Benchmarks
if ! grep -q '\.library(name: "MatchingCore"' "$REPO/Package.swift"; then
  # The root package does not export MatchingCore yet: build against a copy of its manifest
  # that does, next to links to the real sources.
  say "Package.swift has no MatchingCore library product; building through an overlay in $STATE/overlay"
  OVERLAY=$STATE/overlay
  rm -rf "$OVERLAY"
  mkdir -p "$OVERLAY/Benchmarks"
  sed 's|^\( *\)products: \[|\1products: [\n        .library(name: "MatchingCore", targets: ["MatchingCore"]),|' \
    "$REPO/Package.swift" >"$OVERLAY/Package.swift"
  ln -s "$REPO/Sources" "$OVERLAY/Sources"
  ln -s "$REPO/Tests" "$OVERLAY/Tests"
  cp -R "$REPO/Benchmarks/Package.swift" "$REPO/Benchmarks/Sources" "$OVERLAY/Benchmarks/"
  PACKAGE=$OVERLAY/Benchmarks
fi

say "building matching-bench (release)"
swift build -c release --package-path "$PACKAGE" --scratch-path "$STATE/build" --product matching-bench >&2
BIN=$(swift build -c release --package-path "$PACKAGE" --scratch-path "$STATE/build" --show-bin-path)/matching-bench

VENV=$STATE/venv
if [[ ! -x $VENV/bin/python ]]; then
  say "creating $VENV"
  # System site packages: a scipy/numpy already installed there is used as is.
  python3 -m venv --system-site-packages "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check scipy numpy "matching==$MATCHING_VERSION" >&2

exec "$VENV/bin/python" "$REPO/Benchmarks/compare.py" --bench "$BIN" --work "$STATE/work" "$@"
