#!/usr/bin/env bash
# Installs what is missing, starts the real test mail servers (Dovecot IMAP + SMTP on
# 127.0.0.1), builds, and runs every test. Extra arguments go to `swift test`
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
swift test --skip-build "$@"
