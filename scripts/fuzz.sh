#!/usr/bin/env bash
# Fuzzes the Mail module with libFuzzer + AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS] [TARGET]
#
# SECONDS  how long each target runs (default 60)
# TARGET   fuzz-message | fuzz-html | fuzz-reply | fuzz-ical | fuzz-form | fuzz-csv | fuzz-config
#          (default: all seven, one after the other)
#
# Builds the nested package Fuzz/ (release, -sanitize=fuzzer,address), seeds a fresh temporary
# corpus from mailbox-fixtures/ (whole messages, and their HTML, text and calendar parts for
# the targets that read those), runs each target, and prints executions, coverage and crashes.
# Crash, timeout and out-of-memory inputs are kept in $FUZZ_ARTIFACTS (default
# /tmp/mentormail-fuzz-artifacts); reproduce one with:
#   SWIFT_BACKTRACE=enable=no Fuzz/.build/release/TARGET FILE   (libFuzzer prints the failure)
# Environment: FUZZ_CONFIG=debug for a debug build, FUZZ_KEEP_CORPUS=1 to keep the corpus,
# FUZZ_FLAGS="-fork=1 -ignore_crashes=1" to keep going past a crash (each one is saved).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

seconds=${1:-60}
targets=${2:-"fuzz-message fuzz-html fuzz-reply fuzz-ical fuzz-form fuzz-csv fuzz-config"}
config=${FUZZ_CONFIG:-release}
artifacts=${FUZZ_ARTIFACTS:-/tmp/mentormail-fuzz-artifacts}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET]" >&2; exit 64; }
for target in $targets; do
    case $target in fuzz-message|fuzz-html|fuzz-reply|fuzz-ical|fuzz-form|fuzz-csv|fuzz-config) ;;
    *) echo "unknown target $target (fuzz-message, fuzz-html, fuzz-reply, fuzz-ical, fuzz-form, fuzz-csv, fuzz-config)" >&2; exit 64 ;;
    esac
done

# SwiftPM's --sanitize=fuzzer makes libFuzzer provide main(); ASan for the Swift code goes
# through -Xswiftc, since passing both through --sanitize is unreliable here.
echo "== building Fuzz/ ($config, fuzzer + address sanitizer)"
(cd Fuzz && swift build -c "$config" --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address 2>&1 \
    | grep -v "Cannot export local symbol" | tail -n 3)
bin=$root/Fuzz/.build/$config

work=$(mktemp -d /tmp/mentormail-fuzz.XXXXXX)
trap '[[ -n ${FUZZ_KEEP_CORPUS:-} ]] || rm -rf "$work"' EXIT
mkdir -p "$artifacts"
touch "$work/.start"

# Seed corpora from the fixtures, one folder per target.
python3 - "$root/mailbox-fixtures" "$work" "$root" <<'PY'
import email, email.policy, hashlib, os, re, sys
fixtures, work, root = sys.argv[1], sys.argv[2], sys.argv[3]
charsets = [None, "utf-8", "windows-1252", "iso-8859-1", "iso-2022-jp", "koi8-r", "gb2312", "shift_jis", "utf-16", "big5", "x-unknown"]
def put(target, data):
    folder = os.path.join(work, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
for name in sorted(os.listdir(fixtures)):
    if not name.endswith(".eml"):
        continue
    raw = open(os.path.join(fixtures, name), "rb").read()
    put("fuzz-message", raw)
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        if part.is_multipart():
            continue
        body = part.get_payload(decode=True) or b""
        kind = part.get_content_type()
        if kind == "text/html":
            charset = (part.get_content_charset() or "").lower()
            index = charsets.index(charset) if charset in charsets else 0
            put("fuzz-html", bytes([index]) + body)
        elif kind == "text/plain":
            put("fuzz-reply", body)
            put("fuzz-form", body)
        elif kind in ("text/calendar", "application/ics"):
            put("fuzz-ical", body)
        elif kind == "text/csv" or (part.get_filename() or "").endswith(".csv"):
            put("fuzz-csv", body)
# Config seeds: the example `init` writes and the README's reference.
example = open(os.path.join(root, "Sources/MentorMail/ConfigExample.swift"), encoding="utf-8").read()
match = re.search(r'"""\n(.*?)\n\s*"""', example, re.S)
if match:
    put("fuzz-config", "\n".join(line[4:] for line in match.group(1).split("\n")).encode())
readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
for block in re.findall(r"```toml\n(.*?)```", readme, re.S):
    put("fuzz-config", block.encode())
put("fuzz-csv", b"Email Address,Name,Role,Mentoring type,Time zone,Languages\na@example.org,\"A, B\",mentee,technical,UTC,English\n")
put("fuzz-form", "1. 5\n2. yes\n3. good fit\n4. continue\n5. nothing".encode())
for target in ("fuzz-message", "fuzz-html", "fuzz-reply", "fuzz-ical", "fuzz-form", "fuzz-csv", "fuzz-config"):
    os.makedirs(os.path.join(work, target), exist_ok=True)
PY

declare -A max_len=([fuzz-message]=65536 [fuzz-html]=32768 [fuzz-reply]=32768 [fuzz-ical]=16384
                   [fuzz-form]=16384 [fuzz-csv]=32768 [fuzz-config]=8192)
failed=0
summary=()
for target in $targets; do
    corpus=$work/$target
    seeds=$(ls "$corpus" | wc -l)
    log=$work/$target.log
    echo "== $target: ${seconds}s from $seeds seed inputs"
    status=0
    LSAN_OPTIONS=suppressions=$root/Fuzz/lsan.supp:print_suppressions=0 "$bin/$target" "$corpus" -dict="$root/Fuzz/mail.dict" -max_total_time="$seconds" \
        -max_len="${max_len[$target]}" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target-" ${FUZZ_FLAGS:-} >"$log" 2>&1 || status=$?
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [[ -n $execs ]] || execs=$(grep -o '^#[0-9]*' <<<"$last" | tr -d '#' || echo "?")
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [[ -n $rate ]] || rate=$(grep -o 'exec/s:\? [0-9]*' <<<"$last" | grep -o '[0-9]*$' || echo "?")
    rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo "?")
    ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo "?")
    corp=$(grep -o 'corp: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo "?")
    line="$target: $execs executions ($rate/s), coverage $cov edges / $ft features, corpus $corp, peak RSS ${rss:-?} MB"
    saved=$(find "$artifacts" -name "$target-*" -newer "$work/.start" | wc -l)
    (( saved == 0 )) || line="$line, $saved new crash/timeout/oom inputs in $artifacts"
    if (( status != 0 || saved > 0 )); then
        failed=1
        crash=$(grep -o "Test unit written to [^ ]*" "$log" | tail -n 1 | sed 's/Test unit written to //')
        line="$line — FAILED (exit $status): ${crash:-see $artifacts/$target.log}"
        grep -E "Swift runtime failure|Fatal error|ERROR: (AddressSanitizer|libFuzzer)|^SUMMARY: " "$log" | head -n 3 || true
        grep -m 1 -E " at /.*/Sources/Mail/" "$log" || true
        cp "$log" "$artifacts/$target.log"
    fi
    echo "$line"
    summary+=("$line")
done

echo
echo "== summary ($seconds s per target)"
printf '%s\n' "${summary[@]}"
exit $failed
