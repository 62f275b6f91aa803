#!/usr/bin/env bash
# Reply extraction, read right or not: MentorMail against the well-known Python reply parsers,
# on the held-out cases in Benchmarks/replies/cases (messages from many clients and languages,
# plain and HTML, each with the text the person wrote).
#
#   scripts/eval-replies.sh [--show=READER]     READER: a name's start, e.g. MentorMail, talon
#
# 1. Builds `mentormail` in release (MENTORMAIL_BINARY=path uses an existing binary instead).
# 2. Installs email-reply-parser, mail-parser-reply, talon and quotequail from PyPI into a
#    throwaway virtualenv ($REPLY_EVAL_VENV, default /tmp/mentormail-reply-eval); a parser that
#    does not install is left out and said so.
# 3. Runs Benchmarks/replies/evaluate.py: every reader on every case, in one run, and prints
#    the share each reads right (whitespace-collapsed text equal to the expected text), for
#    messages with a text part and for HTML-only ones. --show lists a reader's misses.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

binary=${MENTORMAIL_BINARY:-}
if [[ -z $binary ]]; then
    echo "== building mentormail (release)"
    swift build -c release --product mentormail 2>&1 | tail -n 1
    binary=$root/.build/release/mentormail
fi

venv=${REPLY_EVAL_VENV:-/tmp/mentormail-reply-eval}
if [[ ! -x $venv/bin/python ]]; then
    echo "== installing the Python reply parsers into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip >/dev/null 2>&1 || true
fi
for package in email-reply-parser mail-parser-reply talon quotequail; do
    "$venv/bin/pip" show --quiet "$package" >/dev/null 2>&1 \
        || "$venv/bin/pip" install --quiet "$package" >/dev/null 2>&1 \
        || echo "(could not install $package: it is left out)" >&2
done

echo "== reading $(ls Benchmarks/replies/cases/*.eml | wc -l) cases"
"$venv/bin/python" -W ignore Benchmarks/replies/evaluate.py "$binary" Benchmarks/replies/cases "$@"
