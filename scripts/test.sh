#!/usr/bin/env bash
# Installs what is missing, starts the real test mail servers (Dovecot IMAP + SMTP on
# 127.0.0.1), builds, and runs every test, then a short kill test (SIGKILL at random moments
# of a mixed run). Extra arguments go to `swift test` and skip the kill test
# (e.g. scripts/test.sh --filter EndToEndTests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh
scripts/test-servers.sh start
trap 'scripts/test-servers.sh stop' EXIT
eval "$(scripts/test-servers.sh env)"

echo "test: building" >&2
swift build --build-tests
echo "test: running" >&2
# The tests' own folders go to one scratch folder, removed when the run ends.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/mentormail-tests.XXXXXX")
# Some tests run the program as an unprivileged user, who must reach their folders.
chmod 755 "$scratch"
trap 'rm -rf "$scratch"; scripts/test-servers.sh stop' EXIT
TMPDIR=$scratch swift test --skip-build "$@"
if (($# == 0)); then
  # SIGKILL at seeded random moments of a mixed run: nothing lost, nothing doubled
  # (scripts/kill-test.py --messages 300 --kills 50 is the long version).
  echo "test: kill test" >&2
  python3 scripts/kill-test.py --messages 60 --kills 10 --seed 1
fi
