#!/usr/bin/env bash
# Mail parsing throughput and memory: Swift (the Mail module, release build) against Python's
# standard `email` package, on the same generated files.
#
#   scripts/bench-mail.sh [SIZES]      SIZES default: "2500 5000 10000 20000"
#
# 1. Builds the nested package Benchmarks/mail (release; it depends on the Mail library only).
# 2. Generates a corpus of varied messages shaped like mailbox-fixtures/ with
#    Benchmarks/mail/make_corpus.py into $MAIL_BENCH_DIR (default /tmp/mentormail-mail-corpus),
#    once: the same seed gives the same files.
# 3. For each size N, runs both sides on the first N files, each in a fresh process that reads,
#    parses, extracts and drops one message at a time: Swift to the best text and the reply
#    (as MentorMail's MailReading does), Python to get_body(('plain', 'html')).get_content().
#    Prints messages/s, MB/s, the ratio and peak memory (ru_maxrss): flat in N when streaming.
# 4. Runs `mentormail parse-mail --json` (release) on a 50 MB message with a huge base64
#    attachment and prints its CPU time (must stay under 1 s) and peak RSS.
#    MENTORMAIL_BINARY=path uses an existing release binary instead of building one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
sizes=${1:-"2500 5000 10000 20000"}
corpus=${MAIL_BENCH_DIR:-/tmp/mentormail-mail-corpus}
largest=0
for n in $sizes; do
    [[ $n =~ ^[0-9]+$ ]] || { echo "usage: scripts/bench-mail.sh [SIZES]" >&2; exit 64; }
    (( n > largest )) && largest=$n
done

echo "== building Benchmarks/mail (release)"
swift build -c release --package-path Benchmarks/mail 2>&1 | tail -n 1
bench=$root/Benchmarks/mail/.build/release/mail-bench

stamp="$corpus/.made-with-seed-2026-count-$largest"
if [[ ! -f $stamp ]]; then
    echo "== generating $largest messages in $corpus"
    rm -rf "$corpus"
    python3 Benchmarks/mail/make_corpus.py "$corpus" "$largest" --seed 2026
    touch "$stamp"
fi
# Both sides read from the page cache, not the disk.
cat "$corpus"/*.eml > /dev/null

python3 - "$bench" "$corpus" $sizes <<'PY'
import json, subprocess, sys
bench, corpus, sizes = sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3:]]
def run(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])
print(f"{'messages':>9} {'MB':>7} | {'Swift msg/s':>11} {'MB/s':>7} {'RSS MB':>7} | {'Python msg/s':>12} {'MB/s':>6} {'RSS MB':>7} | {'ratio':>6}")
for n in sizes:
    swift = run([bench, corpus, str(n)])
    python = run([sys.executable, "Benchmarks/mail/bench_python.py", corpus, str(n)])
    mb = swift["bytes"] / 1e6
    s_rate, p_rate = n / swift["seconds"], n / python["seconds"]
    print(f"{n:>9} {mb:>7.1f} | {s_rate:>11.0f} {mb / swift['seconds']:>7.1f} {swift['maxrss_kb'] / 1024:>7.1f} | "
          f"{p_rate:>12.0f} {mb / python['seconds']:>6.1f} {python['maxrss_kb'] / 1024:>7.1f} | {s_rate / p_rate:>5.1f}x")
    if python.get("errors"):
        print(f"{'':>9} (Python could not decode {python['errors']} bodies; Swift decoded {swift['with_text']} of {n})")
PY

echo
echo "== parse-mail on a 50 MB message with a base64 attachment"
binary=${MENTORMAIL_BINARY:-}
if [[ -z $binary ]]; then
    swift build -c release --product mentormail 2>&1 | tail -n 1
    binary=$root/.build/release/mentormail
fi
big=$(mktemp -d /tmp/mentormail-big.XXXXXX)
trap 'rm -rf "$big"' EXIT
python3 Benchmarks/mail/make_corpus.py "$big" --big-mb 50 >/dev/null
python3 - "$binary" "$big/big.eml" <<'PY'
import os, resource, subprocess, sys
binary, path = sys.argv[1], sys.argv[2]
result = subprocess.run([binary, "parse-mail", "--json", path], capture_output=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
size = os.path.getsize(path) / 1e6
print(f"file {size:.1f} MB: exit {result.returncode}, CPU {cpu:.3f} s (user {usage.ru_utime:.3f} + sys {usage.ru_stime:.3f}), "
      f"peak RSS {usage.ru_maxrss / 1024:.1f} MB, output {len(result.stdout)} bytes")
print("CPU under 1 s: " + ("yes" if cpu < 1.0 and result.returncode == 0 else "NO"))
sys.exit(0 if cpu < 1.0 and result.returncode == 0 else 1)
PY
