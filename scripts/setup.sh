#!/usr/bin/env bash
# Installs what building and testing mentormail needs, skipping what is already there:
# Debian packages (C libraries, Dovecot for the test IMAP/LMTP server) and aiosmtpd
# (the test SMTP server) in a virtualenv under the test state dir. Safe to run again.
# Usage: scripts/setup.sh [--build-only]   (--build-only: just what `swift build` needs)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Under /tmp by default: the unprivileged mail user must reach it, and a repository
# under a private home folder would not do.
STATE=${MENTORMAIL_TEST_STATE:-${TMPDIR:-/tmp}/mentormail-test-servers}
[[ $STATE == /* ]] || STATE=$PWD/$STATE
VENV=$STATE/venv
AIOSMTPD_VERSION=1.4.6
ICALENDAR_VERSION=6.1.0   # tests read our invitations back with Python's icalendar too
APT_PACKAGES=(libcurl4-openssl-dev libxml2-dev libsqlite3-dev tzdata)  # tzdata: time zones of people and events
TEST_APT_PACKAGES=(dovecot-imapd dovecot-lmtpd openssl)

say() { echo "setup: $*" >&2; }
die() { echo "setup: error: $*" >&2; exit 1; }

case ${1:-} in
  --build-only) build_only=1 ;;
  "") build_only=0; APT_PACKAGES+=("${TEST_APT_PACKAGES[@]}") ;;
  *) echo "usage: $0 [--build-only]" >&2; exit 2 ;;
esac

installed() { [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]; }

command -v dpkg-query >/dev/null || die "this script expects a Debian-like system (dpkg/apt)"

missing=()
for p in "${APT_PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
if ((!build_only)); then
  if ! command -v python3 >/dev/null; then
    missing+=(python3 python3-venv)
  elif ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    missing+=(python3-venv)
  fi
fi

if ((${#missing[@]})); then
  ((EUID == 0)) || die "missing Debian packages: ${missing[*]}
  install them as root (e.g. sudo apt-get install ${missing[*]}) or run this script as root"
  say "installing ${missing[*]}"
  # Package scripts would otherwise start a system-wide Dovecot on ports 143/993.
  # Where no policy exists yet, forbid service starts for the duration of the install.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  export DEBIAN_FRONTEND=noninteractive
  mkdir -p "$STATE"
  log=$STATE/apt.log  # apt's chatter goes here; its tail is shown on failure
  : >"$log"
  run_apt() { apt-get "$@" >>"$log" 2>&1 || { tail -n 20 "$log" >&2; die "apt-get $* failed (see $log)"; }; }
  run_apt update
  run_apt install -y --no-install-recommends "${missing[@]}"
  # If a system Dovecot got started anyway (e.g. by systemd), stop it: the tests run their own.
  pidfile=/run/dovecot/master.pid
  if [[ -s $pidfile ]] && kill -0 "$(<"$pidfile")" 2>/dev/null; then
    say "stopping the system Dovecot started by the package install"
    if command -v systemctl >/dev/null && systemctl is-active --quiet dovecot 2>/dev/null; then
      systemctl stop dovecot.service dovecot.socket 2>/dev/null || true
    fi
    kill "$(<"$pidfile")" 2>/dev/null || true
  fi
else
  say "Debian packages present"
fi

# aiosmtpd (the test SMTP server) and icalendar (a second reader of our invitations, in the
# tests) go into a private virtualenv so that nothing system-wide is touched.
check_aiosmtpd="import sys, aiosmtpd, icalendar; sys.exit(aiosmtpd.__version__ != '$AIOSMTPD_VERSION' or icalendar.__version__ != '$ICALENDAR_VERSION')"
if ((build_only)); then
  :
elif "$VENV/bin/python" -c "$check_aiosmtpd" 2>/dev/null; then
  say "aiosmtpd $AIOSMTPD_VERSION and icalendar $ICALENDAR_VERSION present in $VENV"
else
  say "installing aiosmtpd $AIOSMTPD_VERSION and icalendar $ICALENDAR_VERSION into $VENV"
  mkdir -p "$STATE"
  python3 -m venv --clear "$VENV" >&2 || die "could not create a Python virtualenv in $VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION" \
    "icalendar==$ICALENDAR_VERSION" >&2 \
    || die "pip install aiosmtpd==$AIOSMTPD_VERSION icalendar==$ICALENDAR_VERSION failed"
fi

say "done"
