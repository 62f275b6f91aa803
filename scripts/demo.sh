#!/usr/bin/env bash
# Installs what is missing, builds mentormail, and runs `mentormail demo`: the whole story
# of a program on mailbox-fixtures/, with a local Maildir and a folder outbox (no server).
# Extra arguments go to `mentormail demo` (e.g. --dir /tmp/demo).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh --build-only
echo "demo: building" >&2
swift build --product mentormail
"$(swift build --show-bin-path)/mentormail" demo "$@"
