#!/usr/bin/env bash
# Prints an event's sheet (from `mentormail event sheet ID --output FILE.html`) to PDF in
# headless Chromium, as a coordinator's browser would, and checks it has one page per
# rotation; also saves a PNG of the first page to look at.
# Usage: scripts/check-event-sheet.sh SHEET.html ROTATIONS [OUT-PREFIX]
#   exit 0: the PDF has ROTATIONS pages; 1: it does not; 69: Chromium is missing and cannot be installed.
set -euo pipefail

sheet=${1:?usage: scripts/check-event-sheet.sh SHEET.html ROTATIONS [OUT-PREFIX]}
rotations=${2:?usage: scripts/check-event-sheet.sh SHEET.html ROTATIONS [OUT-PREFIX]}
prefix=${3:-${sheet%.html}}
[[ -f $sheet ]] || { echo "check-event-sheet: no such file: $sheet" >&2; exit 1; }

if ! command -v chromium >/dev/null; then
  echo "check-event-sheet: installing chromium" >&2
  ((EUID == 0)) || { echo "check-event-sheet: run as root or install chromium first" >&2; exit 69; }
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
    || { echo "check-event-sheet: could not install chromium" >&2; exit 69; }
fi

url="file://$(realpath "$sheet")"
# --no-sandbox: Chromium refuses to run as root with its sandbox; the page is our own file.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-pdf-header-footer)
chromium "${flags[@]}" --print-to-pdf="$(realpath -m "$prefix.pdf")" "$url" 2>/dev/null
chromium "${flags[@]}" --window-size=900,1200 --screenshot="$(realpath -m "$prefix.png")" "$url" 2>/dev/null

# Each page of the PDF is one "/Type /Page" object (the tree itself is "/Type /Pages").
pages=$(grep -a -c -E '/Type\s*/Page([^s]|$)' "$prefix.pdf" || true)
echo "check-event-sheet: $prefix.pdf has $pages page(s) for $rotations rotation(s); first page in $prefix.png" >&2
[[ $pages == "$rotations" ]]
