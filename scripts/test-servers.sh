#!/usr/bin/env bash
# Throwaway mail servers for the tests, all state in one directory:
#   Dovecot   IMAP 127.0.0.1:10143 (STARTTLS offered), IMAPS 10993, LMTP 10024; any user,
#             password "secret"; a self-signed certificate in STATE/tls/cert.pem
#   SMTP      127.0.0.1:10025 (scripts/smtp-relay.py), delivers into Dovecot via LMTP
# Usage: scripts/test-servers.sh start|stop|status|env
# State dir: $MENTORMAIL_TEST_STATE, default /tmp/mentormail-test-servers. Run scripts/setup.sh first.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Under /tmp by default: the unprivileged mail user must reach it, and a repository
# under a private home folder would not do.
STATE=${MENTORMAIL_TEST_STATE:-${TMPDIR:-/tmp}/mentormail-test-servers}
[[ $STATE == /* ]] || STATE=$PWD/$STATE
[[ ! -d $STATE ]] || STATE=$(cd "$STATE" && pwd)
HOST=127.0.0.1 IMAP_PORT=10143 IMAPS_PORT=10993 LMTP_PORT=10024 SMTP_PORT=10025 PASSWORD=secret

say() { echo "test-servers: $*" >&2; }
die() { say "error: $*"; exit 1; }

# Prints the pid recorded in $STATE/$1.pid if that process is alive and its command line
# contains $2 (guards against a reused pid); otherwise removes the stale pid file.
live_pid() {
  local file=$STATE/$1.pid pid
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  if [[ $pid =~ ^[0-9]+$ ]] && running "$pid" &&
     tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"; then
    echo "$pid"
  else
    rm -f "$file"
    return 1
  fi
}
dovecot_pid() { live_pid dovecot "$STATE/dovecot.conf"; }
relay_pid() { live_pid smtp-relay "$HERE/smtp-relay.py"; }

# Like kill -0, but a zombie counts as gone: it may wait a while for a slow init to reap it.
running() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# Pids whose command line contains $1. Finds our servers when their pid files are gone
# (say, the state dir was wiped while they ran); the patterns hold full paths.
pids_matching() {
  local f args
  for f in /proc/[0-9]*/cmdline; do
    mapfile -d '' args 2>/dev/null <"$f" || continue
    [[ " ${args[*]} " == *" $1 "* ]] && { f=${f#/proc/}; echo "${f%/cmdline}"; }
  done
  return 0
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# True if the server on port $1 greets with a line starting with $2. An open port alone
# says little: Dovecot's master accepts even while the service behind it fails to start.
greets() {
  (exec 3<>"/dev/tcp/$HOST/$1" && IFS= read -r -t 2 line <&3 && [[ $line == "$2"* ]]) 2>/dev/null
}
all_greet() { greets "$IMAP_PORT" "* OK" && port_open "$IMAPS_PORT" && greets "$LMTP_PORT" 220 && greets "$SMTP_PORT" 220; }

stop_pids() {  # pid...: TERM, up to 5 s to exit, then KILL
  local pid left=()
  kill -TERM "$@" 2>/dev/null || true
  for _ in $(seq 50); do
    left=()
    for pid; do running "$pid" && left+=("$pid"); done
    ((${#left[@]})) || return 0
    sleep 0.1
  done
  say "pid ${left[*]} ignored TERM, killing"
  kill -KILL "${left[@]}" 2>/dev/null || true
}

stop_all() {
  local pid pids=()
  # Dovecot's own run/master.pid also finds a master whose pid file we lost.
  if pid=$(dovecot_pid) || { [[ -s $STATE/run/master.pid ]] &&
       cp "$STATE/run/master.pid" "$STATE/dovecot.pid" && pid=$(dovecot_pid); }; then
    say "stopping dovecot (pid $pid)"
    pids+=("$pid")
  fi
  if pid=$(relay_pid); then say "stopping smtp relay (pid $pid)"; pids+=("$pid"); fi
  ((${#pids[@]} == 0)) || stop_pids "${pids[@]}"
  # A stale master.pid naming a reused pid would make Dovecot refuse to start.
  rm -f "$STATE/dovecot.pid" "$STATE/smtp-relay.pid" "$STATE/run/master.pid"
}

write_env() {
  local lines="export MENTORMAIL_TEST_IMAP_URL=imap://$HOST:$IMAP_PORT
export MENTORMAIL_TEST_IMAPS_URL=imaps://$HOST:$IMAPS_PORT
export MENTORMAIL_TEST_CA_FILE=$STATE/tls/cert.pem
export MENTORMAIL_TEST_SMTP_URL=smtp://$HOST:$SMTP_PORT
export MENTORMAIL_TEST_PASSWORD=$PASSWORD
export MENTORMAIL_TEST_PYTHON=$STATE/venv/bin/python
export MENTORMAIL_TEST_DOVECOT_CONF=$STATE/dovecot.conf
export MENTORMAIL_TEST_MAIL_DIR=$STATE/mail"
  [[ -d $STATE ]] && echo "$lines" >"$STATE/env"
  echo "$lines"
}

write_dovecot_conf() {
  local mail_uid mail_gid internal_user internal_group login_user no_chroot=
  if ((EUID == 0)); then
    # Dovecot refuses root as the mail user: Maildirs belong to "nobody". Its own helper
    # processes run as the users the dovecot-core package creates.
    mail_uid=$(id -u nobody) mail_gid=$(id -g nobody)
    internal_user=dovecot internal_group=dovecot login_user=dovenull
    if ! id dovecot >/dev/null 2>&1 || ! id dovenull >/dev/null 2>&1; then
      die "users dovecot/dovenull missing: run scripts/setup.sh"
    fi
  else
    # Unprivileged: everything runs as the calling user, and chroot is not allowed.
    mail_uid=$(id -u) mail_gid=$(id -g)
    internal_user=$(id -un) internal_group=$(id -gn) login_user=$(id -un)
    no_chroot="service anvil {
  chroot =
}
service imap-login {
  chroot =
}
service imap-urlauth-login {
  chroot =
}"
  fi
  mkdir -p "$STATE/run" "$STATE/lib" "$STATE/mail" "$STATE/home"
  chown "$mail_uid:$mail_gid" "$STATE/mail" "$STATE/home"
  if ((EUID == 0)) && ! setpriv --reuid="$mail_uid" --regid="$mail_gid" --clear-groups \
       test -w "$STATE/mail" -a -w "$STATE/home"; then
    die "user nobody cannot reach $STATE/mail (a parent directory is not searchable by others);
  set MENTORMAIL_TEST_STATE to a directory such as /tmp/mentormail-test"
  fi
  # A self-signed certificate for 127.0.0.1, so tests can check TLS (imaps, STARTTLS) and
  # that verification fails without the CA file.
  if [[ ! -s $STATE/tls/cert.pem || ! -s $STATE/tls/key.pem ]]; then
    mkdir -p "$STATE/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=127.0.0.1" \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
      -keyout "$STATE/tls/key.pem" -out "$STATE/tls/cert.pem" 2>/dev/null || die "openssl could not make a test certificate"
  fi
  cat >"$STATE/dovecot.conf" <<EOF
# Generated by scripts/test-servers.sh for tests; rewritten on every start.
instance_name = mentormail-test
# Everything Dovecot writes stays in the state dir, apart from any system Dovecot.
base_dir = $STATE/run
state_dir = $STATE/lib
log_path = $STATE/dovecot.log
default_internal_user = $internal_user
default_internal_group = $internal_group
default_login_user = $login_user
first_valid_uid = $mail_uid

protocols = imap lmtp
listen = $HOST
# TLS on the imaps port and by STARTTLS on the plain one (optional there).
ssl = yes
ssl_cert = <$STATE/tls/cert.pem
ssl_key = <$STATE/tls/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
# alice, Alice and alice@example.org (IMAP login or LMTP recipient) are one mailbox.
auth_username_format = %Ln
passdb {
  driver = static
  args = password=$PASSWORD
}
userdb {
  driver = static
  args = uid=$mail_uid gid=$mail_gid home=$STATE/home/%n
}

mail_location = maildir:$STATE/mail/%n
mail_fsync = never
# No statistics: a login process waiting for the stats socket delays shutdown by seconds.
stats_writer_socket_path =
postmaster_address = postmaster@example.org
namespace inbox {
  inbox = yes
  separator = /
}

service imap-login {
  inet_listener imap {
    address = $HOST
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = $HOST
    port = $IMAPS_PORT
  }
}
service lmtp {
  inet_listener lmtp {
    address = $HOST
    port = $LMTP_PORT
  }
}
$no_chroot
EOF
}

cmd_start() {
  local venv_python dovecot d r port strays=()
  # /usr/sbin is often not on a non-root user's PATH.
  dovecot=$(PATH=$PATH:/usr/sbin command -v dovecot) || die "dovecot not installed: run scripts/setup.sh"
  venv_python=$STATE/venv/bin/python
  "$venv_python" -c 'import aiosmtpd' 2>/dev/null || die "aiosmtpd missing in $STATE/venv: run scripts/setup.sh"
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  # Unix socket paths (base_dir + up to ~30 chars) must stay below 108 bytes.
  ((${#STATE} <= 70)) || die "state dir path too long for Dovecot's sockets: $STATE (set MENTORMAIL_TEST_STATE)"

  if d=$(dovecot_pid) && r=$(relay_pid) && all_greet; then
    say "already running (dovecot pid $d, smtp relay pid $r)"
    write_env >/dev/null
    return
  fi
  stop_all  # whatever is left of an earlier or half-started run
  if port_open "$IMAP_PORT" || port_open "$IMAPS_PORT" || port_open "$LMTP_PORT" || port_open "$SMTP_PORT"; then
    mapfile -t strays < <(pids_matching "$STATE/dovecot.conf"; pids_matching "$HERE/smtp-relay.py")
    if ((${#strays[@]})); then
      say "stopping servers whose pid files were lost: ${strays[*]}"
      stop_pids "${strays[@]}"
    fi
  fi
  for port in "$IMAP_PORT" "$IMAPS_PORT" "$LMTP_PORT" "$SMTP_PORT"; do
    ! port_open "$port" || die "port $HOST:$port is taken by another program"
  done

  write_dovecot_conf
  # -F: stay in the foreground, so that $! is the master's pid.
  "$dovecot" -c "$STATE/dovecot.conf" -F </dev/null >>"$STATE/dovecot.log" 2>&1 &
  d=$!
  "$venv_python" "$HERE/smtp-relay.py" --listen "$HOST:$SMTP_PORT" --lmtp "$HOST:$LMTP_PORT" \
    --password "$PASSWORD" </dev/null >>"$STATE/smtp-relay.log" 2>&1 &
  r=$!
  echo "$d" >"$STATE/dovecot.pid"
  echo "$r" >"$STATE/smtp-relay.pid"

  # Poll by plain pid here: until the children have exec'd, their command lines are ours.
  local deadline=$((SECONDS + 10))
  while ((SECONDS < deadline)); do
    if all_greet; then
      write_env >/dev/null
      say "running: IMAP $HOST:$IMAP_PORT (imaps $IMAPS_PORT), LMTP $HOST:$LMTP_PORT, SMTP $HOST:$SMTP_PORT; state in $STATE"
      return
    fi
    if ! running "$d" || ! running "$r"; then break; fi  # one died: no use waiting
    sleep 0.1
  done
  say "servers did not come up; last log lines:"
  tail -n 5 "$STATE/dovecot.log" "$STATE/smtp-relay.log" >&2 || true
  stop_pids "$d" "$r"
  rm -f "$STATE/dovecot.pid" "$STATE/smtp-relay.pid"
  exit 1
}

cmd_status() {
  local pid ok=0
  if pid=$(dovecot_pid); then
    echo "dovecot: running, pid $pid; IMAP $HOST:$IMAP_PORT $(greets "$IMAP_PORT" "* OK" && echo up || echo DOWN)," \
         "LMTP $HOST:$LMTP_PORT $(greets "$LMTP_PORT" 220 && echo up || echo DOWN)"
  else
    echo "dovecot: stopped"; ok=1
  fi
  if pid=$(relay_pid); then
    echo "smtp relay: running, pid $pid; SMTP $HOST:$SMTP_PORT $(greets "$SMTP_PORT" 220 && echo up || echo DOWN)"
  else
    echo "smtp relay: stopped"; ok=1
  fi
  echo "state dir: $STATE"
  return "$ok"
}

case ${1:-} in
  start) cmd_start ;;
  stop) [[ -d $STATE ]] && stop_all; say "stopped" ;;
  status) cmd_status ;;
  env) write_env ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
