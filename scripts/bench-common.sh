# Shared by the process benchmarks (sourced, not run): GNU time for peak memory, and the
# release binary to time.

# Installs GNU time when /usr/bin/time is missing; $1 names the calling script in errors.
need_gnu_time() {
    [[ -x /usr/bin/time ]] && return
    ((EUID == 0)) || { echo "$1: /usr/bin/time is missing: apt-get install time" >&2; exit 69; }
    echo "== installing time (GNU time)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends time >/dev/null \
        || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends time >/dev/null; }
}

# Sets `binary`: $MENTORMAIL_BINARY, else a release build made now; $1 names the calling script.
release_binary() {
    binary=${MENTORMAIL_BINARY:-}
    if [[ -z $binary ]]; then
        echo "== building mentormail (release)"
        swift build -c release --product mentormail 2>&1 | tail -n 1
        binary=$(swift build -c release --show-bin-path)/mentormail
    fi
    [[ -x $binary ]] || { echo "$1: no mentormail binary at $binary" >&2; exit 69; }
}
