#!/usr/bin/env bash
# Renders a round report (from `mentormail match --report FILE.html`) in headless Chromium
# and saves a PNG, to check that it looks right in a real browser.
# Usage: scripts/screenshot-report.sh REPORT.html [OUT.png]
set -euo pipefail

report=${1:?usage: scripts/screenshot-report.sh REPORT.html [OUT.png]}
out=${2:-${report%.html}.png}
[[ -f $report ]] || { echo "screenshot-report: no such file: $report" >&2; exit 1; }

if ! command -v chromium >/dev/null; then
  echo "screenshot-report: installing chromium" >&2
  ((EUID == 0)) || { echo "screenshot-report: run as root or install chromium first" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# --no-sandbox: Chromium refuses to run as root with its sandbox; the page is our own file.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1400 \
  --screenshot="$(realpath -m "$out")" "file://$(realpath "$report")" 2>/dev/null
echo "screenshot-report: wrote $out" >&2
