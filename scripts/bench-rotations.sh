#!/usr/bin/env bash
# Speed Mentoring rotations (TableRotations.solve): builds Benchmarks/ in release and runs
# rotations-bench on 500 mentees × 60 mentors × 4 rotations and 2 000 × 200 × 5, each with
# "areas" scores (10 per shared area, 5 for the wanted kind of mentoring) and uniform random
# ones, 5 solves per instance. Prints the median seconds, interest, upper bound, ratio and
# repeated mentee pairs, and exits 1 unless every instance keeps every hard rule, reaches 99 %
# of the bound and has a median under 1 s.
# Usage: scripts/bench-rotations.sh [--mentees N --mentors M --rotations R] [--shape areas|uniform] [--runs K]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
swift build -c release --package-path Benchmarks --product rotations-bench >&2
if ! "$(swift build -c release --package-path Benchmarks --show-bin-path)/rotations-bench" "$@"; then
  echo "bench-rotations: an instance missed a target (rules, 99 % of the bound, or 1 s)" >&2
  exit 1
fi
