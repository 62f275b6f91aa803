#!/usr/bin/env bash
# Builds mentormail in release and installs it as PREFIX/bin/mentormail. The shipped mail
# templates are built into the binary: `mentormail init` writes them, with nothing else installed.
# Usage: scripts/install.sh [PREFIX]   (default /usr/local)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PREFIX=${1:-/usr/local}

scripts/setup.sh --build-only
swift build -c release --product mentormail
bin=$(swift build -c release --show-bin-path)/mentormail
install -d "$PREFIX/bin"
install -m 0755 "$bin" "$PREFIX/bin/mentormail"
echo "install: $PREFIX/bin/mentormail" >&2
