#!/usr/bin/env bash
# Builds mentormail in release and installs it with its mail templates:
#   PREFIX/bin/mentormail and PREFIX/share/mentormail/templates/ (where `mentormail init` finds them).
# Usage: scripts/install.sh [PREFIX]   (default /usr/local)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PREFIX=${1:-/usr/local}

scripts/setup.sh --build-only
swift build -c release --product mentormail
bin=$(swift build -c release --show-bin-path)/mentormail
install -d "$PREFIX/bin" "$PREFIX/share/mentormail/templates"
install -m 0755 "$bin" "$PREFIX/bin/mentormail"
install -m 0644 templates/*.mustache "$PREFIX/share/mentormail/templates/"
# The translations: one folder per language (templates/es/, ...).
for folder in templates/*/; do
    language=$(basename "$folder")
    install -d "$PREFIX/share/mentormail/templates/$language"
    install -m 0644 "$folder"*.mustache "$PREFIX/share/mentormail/templates/$language/"
done
echo "install: $PREFIX/bin/mentormail and $PREFIX/share/mentormail/templates" >&2
