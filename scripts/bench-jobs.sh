#!/usr/bin/env bash
# The scheduled-work phase of `mentormail process` with many ongoing pairs: builds
# Benchmarks/ in release and runs jobs-bench, which seeds N pairs with their check-in jobs
# and times the phase when nothing is due (median of R runs) and when every check-in is due.
# Usage: scripts/bench-jobs.sh [pairs (10000)] [runs (25)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh --build-only
swift build -c release --package-path Benchmarks --product jobs-bench >&2
"$(swift build -c release --package-path Benchmarks --show-bin-path)/jobs-bench" "$@"
