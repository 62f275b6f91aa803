#!/usr/bin/env bash
# Time per message of one `mentormail process` run over a local Maildir, to show that a run
# is linear: the microseconds per message stay about the same from 1 000 to 10 000 messages.
#
#   scripts/bench-maildir.sh [SIZES]      SIZES default: "1000 10000"
#
# 1. Builds mentormail in release (MENTORMAIL_BINARY=path uses an existing release binary).
# 2. For each size N, makes a fresh folder with a config (mailbox `maildir:mailbox`, outbox
#    `dir:outbox`, the repository's templates), opens a round, and fills mailbox/new/ with N
#    sign-up messages from N different people, each with its own Message-ID: about half ask to
#    join in prose (plain text or Gmail-style HTML), half send the form filled in.
# 3. Runs `mentormail process --quiet --json` once under /usr/bin/time -v and prints wall
#    seconds, messages per second, microseconds per message and peak RSS. With BENCH_RUNS=R
#    (default 1) each size is run R times on a fresh copy of the same folder and the median
#    run is shown.
#
# The folders live in a temporary folder removed at the end, or in $MAILDIR_BENCH_DIR, where
# they are kept (run-N holds the last run's database, outbox, report.json and time.txt).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
sizes=${1:-"1000 10000"}
runs=${BENCH_RUNS:-1}
for n in $sizes; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "usage: scripts/bench-maildir.sh [SIZES]   (e.g. \"1000 10000\")" >&2; exit 64; }
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench-maildir: BENCH_RUNS must be a positive number" >&2; exit 64; }

source scripts/bench-common.sh
need_gnu_time bench-maildir

[[ -n ${MENTORMAIL_BINARY:-} ]] || scripts/setup.sh --build-only
release_binary bench-maildir

if [[ -n ${MAILDIR_BENCH_DIR:-} ]]; then
    work=$MAILDIR_BENCH_DIR
    mkdir -p "$work"
else
    work=$(mktemp -d /tmp/mentormail-maildir-bench.XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
now=2026-11-03T09:00:00Z

# Writes $1/mentormail.toml, opens a round and puts $2 sign-up messages into $1/mailbox/new/.
prepare() {
    local folder=$1 count=$2
    rm -rf "$folder"
    mkdir -p "$folder"
    cat >"$folder/mentormail.toml" <<EOF
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
    "$binary" round open 2026-Q4 --closes 2026-11-30 --now "$now" --quiet --config "$folder/mentormail.toml" >/dev/null
    python3 - "$folder/mailbox" "$count" <<'PY'
import os, random, sys
from email.header import Header
from datetime import datetime, timedelta, timezone
from email.utils import formataddr, format_datetime

folder, count = sys.argv[1], int(sys.argv[2])
for sub in ("new", "cur", "tmp"):
    os.makedirs(os.path.join(folder, sub), exist_ok=True)
rng = random.Random(2026)
start = datetime(2026, 11, 2, 8, 0, tzinfo=timezone(timedelta(hours=1)))

first_names = ["María", "Akira", "Priya", "Olusegun", "Chen", "Sofia", "Lukas", "Fatima", "Diego", "Anna",
               "Mehmet", "Aisha", "Jonas", "Mei", "Rahul", "Elena", "Kwame", "Ines", "Tomasz", "Yuki",
               "Amara", "Pedro", "Leila", "Nikolai", "Grace", "Hiroshi", "Zanele", "Camille", "Arjun", "Sara"]
last_names = ["García", "Tanaka", "Sharma", "Adeyemi", "Wei", "Rossi", "Müller", "Haddad", "Fernández", "Nowak",
              "Yılmaz", "Okafor", "Berg", "Lin", "Iyer", "Popescu", "Mensah", "Silva", "Kowalski", "Sato",
              "Nwosu", "Costa", "Karimi", "Ivanov", "O'Brien", "Kato", "Dlamini", "Dubois", "Patel", "Lindqvist"]
domains = ["example.net", "example.com", "mail.example.org", "students.example.edu", "corp.example.com"]
areas = ["Nova", "documentation", "Neutron", "Cinder", "upstream training", "community", "Keystone",
         "infra", "QA", "Horizon", "i18n", "security", "Ironic", "release management", "UX"]
zones = ["Europe/Madrid", "America/New_York", "Asia/Kolkata", "UTC+2", "Barcelona", "Asia/Tokyo",
         "Africa/Lagos", "America/Sao_Paulo", "Europe/Berlin", "Australia/Sydney", "UTC-5", "Asia/Shanghai"]
languages = ["English", "Spanish", "Japanese", "Hindi", "Portuguese", "German", "French", "Chinese", "Polish", "Turkish"]
media = ["email", "video", "IRC", "chat", "in person"]
availability = ["weekday evenings after 19:00", "Tuesday and Thursday mornings", "weekends",
                "lunch breaks, Monday to Friday", "any afternoon, my time"]
about = ["I have been fixing small documentation bugs for a few months and would like to start reviewing code.",
         "I run OpenStack at work and want to contribute upstream for the first time.",
         "I am a student and would like guidance on my first real patch.",
         "I have been a core reviewer for years and would be glad to help newcomers.",
         "I organise our local user group and can help people find their way in the community."]
openings = ["Hello,", "Hi there,", "Dear coordinators,", "Good morning,", "Hi!"]
requests = [
    "I saw the post about the mentoring program and I would love to join as a mentee.",
    "I'd like to join the mentoring program. I have been contributing small fixes to {area}.",
    "A colleague told me about the mentoring program; could I sign up as a mentor?",
    "I'm new to OpenStack and would like some guidance on becoming a regular contributor to {area}.",
    "Is there still room in the next mentoring round? I would like to take part.",
]
form_quote = """> To sign up, reply to this message and fill in the lines below after the
> colons. Keep one answer per line; you can leave a line empty if it does not
> apply to you.
>
> Role: (mentor, mentee, or both)
> Name:
> Mentoring type: (technical, career, or both)
> Areas: (e.g. Nova, documentation, upstream training, community)
> Time zone: (e.g. Europe/Madrid, UTC+2, or your city)
> Languages: (e.g. English, Spanish)
> Interaction: (IRC, email, video, chat, in person)
> Capacity: (mentors only: how many mentees at once; 1 if unsure)
> Availability: (e.g. weekday evenings)
> About me:
>
> --
> OpenStack Mentoring <mentoring@example.org>
"""

def headers(i, name, address, subject, extra):
    date = format_datetime(start + timedelta(seconds=i))
    lines = [f"Return-Path: <{address}>", "Delivered-To: mentoring@example.org",
             f"Received: from mail.{address.split('@')[1]} by mx.example.org with ESMTPS id B{i:08d}\n"
             f"\tfor <mentoring@example.org>; {date}",
             f"Message-ID: <{rng.getrandbits(64):016x}.{i}@{address.split('@')[1]}>", f"Date: {date}",
             "MIME-Version: 1.0", f"From: {formataddr((str(Header(name, 'utf-8')), address))}",
             "To: OpenStack Mentoring <mentoring@example.org>", f"Subject: {subject}"]
    return "\n".join(lines + extra) + "\n"

def prose(i, name, address):
    first = name.split()[0]
    body = (f"{rng.choice(openings)}\n\n{rng.choice(requests).format(area=rng.choice(areas))}\n\n"
            f"I live in {rng.choice(zones).split('/')[-1].replace('_', ' ')}. How do I sign up?\n\nThanks,\n{first}\n")
    subject = rng.choice(["Joining the mentoring program", "Mentoring", "Sign up", "Question about mentoring"])
    if rng.random() < 0.3:  # Gmail: multipart/alternative with an HTML twin
        boundary = f"000000000000{rng.getrandbits(48):012x}"
        html = "".join(f"<div dir=\"ltr\">{line}</div>" if line else "<div><br></div>" for line in body.splitlines())
        return headers(i, name, address, subject, [f'Content-Type: multipart/alternative; boundary="{boundary}"']) + (
            f"\n--{boundary}\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: 8bit\n\n{body}\n"
            f"--{boundary}\nContent-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: 8bit\n\n{html}\n--{boundary}--\n")
    return headers(i, name, address, subject, ["Content-Type: text/plain; charset=UTF-8; format=flowed",
                                               "Content-Transfer-Encoding: 8bit"]) + "\n" + body

def form(i, name, address):
    role = rng.choice(["mentee", "mentee", "mentor", "both"])
    ours = f"<{rng.getrandbits(80):020x}@example.org>"
    body = "\n".join([
        f"Role: {role}", f"Name: {name}", f"Mentoring type: {rng.choice(['technical', 'career', 'both'])}",
        f"Areas: {', '.join(rng.sample(areas, rng.randint(1, 3)))}", f"Time zone: {rng.choice(zones)}",
        f"Languages: {', '.join(rng.sample(languages, rng.randint(1, 3)))}",
        f"Interaction: {', '.join(rng.sample(media, rng.randint(1, 3)))}",
        f"Capacity: {rng.randint(1, 4) if role != 'mentee' else ''}", f"Availability: {rng.choice(availability)}",
        f"About me: {rng.choice(about)}", "", "Thanks!", name.split()[0], "",
        "On 02/11/2026 09:14, OpenStack Mentoring wrote:", form_quote])
    return headers(i, name, address, "Re: Joining the mentoring program",
                   [f"In-Reply-To: {ours}", f"References: {ours}", "User-Agent: Mozilla Thunderbird",
                    "Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit"]) + "\n" + body

for i in range(count):
    name = f"{rng.choice(first_names)} {rng.choice(last_names)}"
    local = name.lower().replace(" ", ".").replace("'", "")
    local = local.encode("ascii", "ignore").decode() or "person"
    address = f"{local}.{i}@{rng.choice(domains)}"
    text = (prose if i % 2 == 0 else form)(i, name, address)
    data = text.replace("\n", "\r\n").encode("utf-8")
    # Maildir names: delivery time first, so name order is arrival order.
    with open(os.path.join(folder, "new", f"{1793602800 + i}.M{i:06d}P4242.bench,S={len(data)}"), "wb") as f:
        f.write(data)
PY
}

# Prints "wall_seconds peak_rss_kb processed" for one run in folder $1.
measure() {
    local folder=$1 out
    out=$(cd "$folder" && /usr/bin/time -v -o time.txt "$binary" process --config mentormail.toml --quiet --json --now "$now" 2>stderr.txt) \
        || { echo "bench-maildir: mentormail process failed in $folder:" >&2; tail -n 5 "$folder/stderr.txt" >&2; exit 70; }
    printf '%s\n' "$out" >"$folder/report.json"
    python3 - "$folder/time.txt" "$folder/report.json" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)", text).group(1)
seconds = 0.0
for part in wall.split(":"):
    seconds = seconds * 60 + float(part)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
report = json.loads(open(sys.argv[2]).read())
print(f"{seconds:.3f} {rss} {report['examined']}")
PY
}

echo "== mentormail process over a Maildir, $runs run(s) per size (median shown), binary $binary"
printf '%9s %9s %10s %12s %12s %11s\n' messages processed "wall s" "messages/s" "µs/message" "peak RSS MB"
for n in $sizes; do
    prepare "$work/template-$n" "$n"
    results=()
    for ((r = 1; r <= runs; r++)); do
        rm -rf "$work/run-$n"
        cp -a "$work/template-$n" "$work/run-$n"
        results+=("$(measure "$work/run-$n")")
    done
    [[ -n ${MAILDIR_BENCH_DIR:-} ]] || rm -rf "$work/template-$n" "$work/run-$n"
    printf '%s\n' "${results[@]}" | python3 -c '
import sys
n = int(sys.argv[1])
rows = sorted((float(w), int(k), int(p)) for w, k, p in (line.split() for line in sys.stdin))
wall, rss, processed = rows[len(rows) // 2]
note = "" if processed == n else "   (not every message was examined!)"
print(f"{n:>9} {processed:>9} {wall:>10.2f} {n / wall:>12.0f} {wall / n * 1e6:>12.0f} {rss / 1024:>11.1f}{note}")
' "$n"
done
