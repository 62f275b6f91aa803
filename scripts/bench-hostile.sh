#!/usr/bin/env bash
# Peak memory of one `mentormail process` run over hostile mail: every message must be
# recorded (none dropped, none stopping the run) and the run must stay under 100 MB.
#
#   scripts/bench-hostile.sh
#
# 1. Builds mentormail in release (MENTORMAIL_BINARY=path uses an existing release binary).
# 2. Makes a folder with a config (mailbox `maildir:mailbox`, outbox `dir:outbox`, the
#    repository's templates) and a Maildir holding 15 hostile messages and 3 ordinary
#    sign-ups: a 50 MB base64 attachment, 100 000 header lines, one 5 MB line, MIME nesting
#    1 000 deep, a 20 MB HTML body, a 10 MB quoted-printable part, 10 000 tiny parts, a 1 MB
#    Subject of encoded words, 50 000 recipients in To, a 20 MB text/plain body, a boundary
#    that never closes with 20 MB after it, 100 000 msg-ids in References, HTML nested
#    100 000 elements deep, message/rfc822 nested 1 000 deep, 10 MB of binary with no headers.
# 3. Runs `mentormail process --json` once under /usr/bin/time -v and prints peak RSS, wall
#    seconds and the run's figures; exits 1 when a message was not examined, one failed, or
#    the peak reached $HOSTILE_LIMIT_MB (default 100).
#
# The folder is a temporary one removed at the end, or $HOSTILE_BENCH_DIR, where it is kept
# (with the database, the outbox, report.json, stderr.txt and time.txt).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
limit=${HOSTILE_LIMIT_MB:-100}

source scripts/bench-common.sh
need_gnu_time bench-hostile

[[ -n ${MENTORMAIL_BINARY:-} ]] || scripts/setup.sh --build-only
release_binary bench-hostile

if [[ -n ${HOSTILE_BENCH_DIR:-} ]]; then
    work=$HOSTILE_BENCH_DIR
    rm -rf "$work"
    mkdir -p "$work"
else
    work=$(mktemp -d /tmp/mentormail-hostile-bench.XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
now=2026-11-03T09:00:00Z

cat >"$work/mentormail.toml" <<EOF
[program]
name = "OpenStack Mentoring"
address = "mentoring@example.org"
coordinators = ["coordinator@example.org"]
database = "mentormail.sqlite"
templates = "$root/templates"

[mailbox]
url = "maildir:mailbox"

[smtp]
url = "dir:outbox"
EOF
"$binary" round open 2026-Q4 --closes 2026-11-30 --now "$now" --quiet --config "$work/mentormail.toml" >/dev/null

echo "== writing the hostile Maildir"
python3 - "$work/mailbox" <<'PY'
import base64, os, random, sys

folder = sys.argv[1]
for sub in ("new", "cur", "tmp"):
    os.makedirs(os.path.join(folder, sub), exist_ok=True)
rng = random.Random(2026)
MB = 1024 * 1024
count = 0

def head(i, subject, sender=None, extra=()):
    sender = sender or f"hostile{i}@example.net"
    lines = [f"Return-Path: <{sender}>", f"Message-ID: <hostile.{i}@example.net>",
             f"Date: Mon, 02 Nov 2026 08:{i:02d}:00 +0100", "MIME-Version: 1.0",
             f"From: Hostile {i} <{sender}>", "To: OpenStack Mentoring <mentoring@example.org>",
             f"Subject: {subject}", *extra]
    return ("\r\n".join(lines) + "\r\n").encode()

def write(name, chunks):
    """One message, from an iterable of byte strings, written as it is made."""
    global count
    count += 1
    path = os.path.join(folder, "new", f"{1793602800 + count}.M{count:06d}P4242.{name}")
    with open(path, "wb") as f:
        for chunk in chunks:
            f.write(chunk)

def lines_of(total, line):
    """About `total` bytes of `line` repeated, in chunks."""
    block = line * max(1, (1 * MB) // len(line))
    written = 0
    while written < total:
        yield block
        written += len(block)

intro = b"Hello,\r\n\r\nI would like to join the mentoring program as a mentee.\r\n\r\nThanks,\r\nSam\r\n"

# 1. A 50 MB base64 attachment after a short text.
def attachment():
    b = "b1-attachment"
    yield head(1, "My CV", extra=[f'Content-Type: multipart/mixed; boundary="{b}"'])
    yield f"\r\n--{b}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n".encode() + intro
    yield f"--{b}\r\nContent-Type: application/pdf; name=\"cv.pdf\"\r\nContent-Disposition: attachment; filename=\"cv.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n".encode()
    raw = rng.randbytes(57 * 1024)
    line = b"".join(base64.b64encode(raw[k:k + 57]) + b"\r\n" for k in range(0, len(raw), 57))
    yield from lines_of(50 * MB, line)
    yield f"--{b}--\r\n".encode()
write("attachment", attachment())

# 2. 100 000 header lines.
def many_headers():
    yield head(2, "Many headers")
    yield from (f"X-Trace-{k}: hop {k} via relay{k % 97}.example.net\r\n".encode() for k in range(100_000))
    yield b"Content-Type: text/plain; charset=UTF-8\r\n\r\n" + intro
write("headers", many_headers())

# 3. One 5 MB line.
write("longline", [head(3, "One long line", extra=["Content-Type: text/plain; charset=UTF-8"]), b"\r\n", intro,
                   b"x" * (5 * MB), b"\r\n"])

# 4. MIME nesting 1 000 deep.
def nesting():
    yield head(4, "Deep", extra=['Content-Type: multipart/mixed; boundary="d0"'])
    yield b"\r\n"
    for k in range(1, 1000):
        yield f"--d{k - 1}\r\nContent-Type: multipart/mixed; boundary=\"d{k}\"\r\n\r\n".encode()
    yield b"--d999\r\nContent-Type: text/plain\r\n\r\n" + intro
    for k in range(999, -1, -1):
        yield f"--d{k}--\r\n".encode()
write("nesting", nesting())

# 5. A 20 MB HTML body.
write("html", [head(5, "HTML", extra=["Content-Type: text/html; charset=UTF-8"]), b"\r\n<html><body><p>Hello, I would like to join.</p>\r\n",
               *lines_of(20 * MB, b"<div>Some <b>bold</b> words and a <a href=\"https://example.org/x\">link</a>.</div>\r\n"),
               b"</body></html>\r\n"])

# 6. A 10 MB quoted-printable text part.
write("qp", [head(6, "QP", extra=["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable"]),
             b"\r\n", intro, *lines_of(10 * MB, b"Caf=C3=A9 con leche =E2=82=AC and a soft line break that goes on=\r\n")])

# 7. 10 000 tiny parts.
def tiny_parts():
    yield head(7, "Tiny parts", extra=['Content-Type: multipart/mixed; boundary="t"'])
    yield b"\r\n--t\r\nContent-Type: text/plain\r\n\r\n" + intro
    for k in range(10_000):
        yield f"--t\r\nContent-Type: application/octet-stream; name=\"p{k}.bin\"\r\n\r\nx\r\n".encode()
    yield b"--t--\r\n"
write("parts", tiny_parts())

# 8. A 1 MB Subject of encoded words.
word = "=?UTF-8?B?" + base64.b64encode("¡Hola, quiero unirme! ".encode()).decode() + "?="
write("subject", [head(8, " ".join([word] * (MB // (len(word) + 1))), extra=["Content-Type: text/plain"]), b"\r\n", intro])

# 9. 50 000 recipients in To.
to = ",\r\n ".join(f"Person {k} <person{k}@example.com>" for k in range(50_000))
write("recipients", [head(9, "To everyone", extra=[f"Cc: {to}", "Content-Type: text/plain"]), b"\r\n", intro])

# 10. A 20 MB text/plain body.
write("text", [head(10, "Long text", extra=["Content-Type: text/plain; charset=UTF-8"]), b"\r\n", intro,
               *lines_of(20 * MB, b"> quoted history that goes on and on, line after line of it\r\n")])

# 11. A boundary that never closes, 20 MB after it.
write("boundary", [head(11, "Unclosed", extra=['Content-Type: multipart/mixed; boundary="never"']),
                   b"\r\n--never\r\nContent-Type: text/plain\r\n\r\n", intro,
                   *lines_of(20 * MB, b"--neverending but not the boundary line, 20 MB of it\r\n")])

# 12. 100 000 msg-ids in References.
refs = "\r\n ".join(f"<ref.{k}.{rng.getrandbits(32):08x}@example.org>" for k in range(100_000))
write("references", [head(12, "Re: thread", extra=[f"References: {refs}", "Content-Type: text/plain"]), b"\r\n", intro])

# 13. HTML nested 100 000 elements deep.
write("deephtml", [head(13, "Deep HTML", extra=["Content-Type: text/html"]), b"\r\n<html><body>",
                   b"<div>" * 100_000, b"I would like to join.", b"</div>" * 100_000, b"</body></html>\r\n"])

# 14. message/rfc822 nested 1 000 deep.
def rfc822():
    yield head(14, "Fwd: Fwd: Fwd:", extra=["Content-Type: message/rfc822"])
    yield b"\r\n"
    for k in range(1000):
        yield f"From: level{k}@example.net\r\nSubject: Fwd {k}\r\nContent-Type: message/rfc822\r\n\r\n".encode()
    yield b"Subject: bottom\r\n\r\n" + intro
write("rfc822", rfc822())

# 15. 10 MB of binary, no headers at all.
write("binary", [rng.randbytes(MB)] * 10)

# Ordinary sign-ups: they must be answered as always.
for k in range(3):
    write(f"signup{k}", [head(20 + k, "Joining the mentoring program", sender=f"person{k}@example.com",
                              extra=["Content-Type: text/plain; charset=UTF-8"]), b"\r\n", intro])
print(count)
PY
total=$(find "$work/mailbox/new" -type f | wc -l)
du -sh "$work/mailbox" | awk -v n="$total" '{print "   " n " messages, " $1}'

echo "== mentormail process --json over them (binary $binary)"
status=0
(cd "$work" && /usr/bin/time -v -o time.txt "$binary" process --config mentormail.toml --json --now "$now" \
    >report.json 2>stderr.txt) || status=$?
python3 - "$work/time.txt" "$work/report.json" "$total" "$limit" "$status" <<'PY'
import json, re, sys
time_file, report_file, total, limit, status = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
text = open(time_file).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)", text).group(1)
seconds = 0.0
for part in wall.split(":"):
    seconds = seconds * 60 + float(part)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
try:
    report = json.loads(open(report_file).read())
except ValueError:
    print(f"bench-hostile: the run printed no report (exit {status}); see stderr.txt")
    sys.exit(1)
keys = ["examined", "answered", "helped", "held", "waiting", "ignored", "failed", "sent", "sendFailures"]
print(f"peak RSS {rss:.1f} MB   wall {seconds:.2f} s   exit {status}")
print("   ".join(f"{k} {report.get(k, 0)}" for k in keys))
for problem in report.get("problems", []):
    print(f"problem: {problem}")
problems = []
if report["examined"] != total:
    problems.append(f"{report['examined']} of {total} messages examined")
recorded = sum(report[k] for k in ["answered", "helped", "held", "waiting", "ignored", "failed"])
if recorded != total:
    problems.append(f"{recorded} of {total} messages recorded")
if report["failed"]:
    problems.append(f"{report['failed']} message(s) failed")
if rss >= limit:
    problems.append(f"peak RSS {rss:.1f} MB is not under {limit:.0f} MB")
for p in problems:
    print(f"bench-hostile: {p}")
sys.exit(1 if problems else 0)
PY
