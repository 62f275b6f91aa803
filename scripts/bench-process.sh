#!/usr/bin/env bash
# End to end: one `mentormail process` run that reads, stores and answers N messages, against
# the I/O floor on the same servers and the same bytes.
#
#   scripts/bench-process.sh [SIZES]      SIZES default: "1000 10000"
#
# IMAP mode (the real test servers: Dovecot IMAP and the SMTP relay on 127.0.0.1, started with
# scripts/test-servers.sh; what is missing is installed by scripts/setup.sh):
#   1. For each size N, N realistic messages are made from mailbox-fixtures/ (sign-ups asked in
#      prose in plain text and HTML, sign-up forms filled in plain, HTML and quoted, check-in
#      survey answers, calendar and worded RSVPs, an out-of-office auto-reply, a question), each
#      from its own person with its own Message-ID, and written straight into the Maildirs that
#      Dovecot serves for two fresh users: one for the program, one for the floor. Both folders
#      are indexed by Dovecot before anything is timed (as mail delivered by LMTP would be).
#   2. `mentormail process --quiet --json` runs once under /usr/bin/time -v (mailbox imap://,
#      smtp:// outbox): wall seconds, CPU seconds (user + system), peak RSS.
#   3. The floor, in Python (the test venv's, $MENTORMAIL_TEST_PYTHON): imaplib logs in and
#      fetches the floor user's folder in one `UID FETCH 1:* (BODY.PEEK[])`, then smtplib sends
#      the very bytes of the run's N answers (read from its database) over one connection, to
#      recipients of the same shape (a "floor-" prefix, so they too are new mailboxes).
#   4. Checks: every message examined, none failed, none left unflagged, no message answered
#      twice, every answer sent; prints the figures and the ratio process / floor.
# Maildir mode (`maildir:` mailbox, `dir:` outbox) on the same messages, against a floor in
# Python that lists the folder, reads every message file and writes every answer's bytes to
# a file of its own (temporary name, then rename, as the program does).
#
# BENCH_RUNS=R (default 1) repeats each measurement R times on fresh copies and prints
# medians. BENCH_MODES="imap maildir" (default both). MENTORMAIL_BINARY=path uses an existing
# release binary. BENCH_DIR=path keeps the work folders (databases, outboxes, time.txt).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
sizes=${1:-"1000 10000"}
runs=${BENCH_RUNS:-1}
modes=${BENCH_MODES:-"imap maildir"}
for n in $sizes; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "usage: scripts/bench-process.sh [SIZES]   (e.g. \"1000 10000\")" >&2; exit 64; }
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench-process: BENCH_RUNS must be a positive number" >&2; exit 64; }

source scripts/bench-common.sh
need_gnu_time bench-process

if [[ " $modes " == *" imap "* ]]; then
    scripts/setup.sh
    # Servers already answering (another checkout's scripts/test-servers.sh may have started
    # them, and this one's `start` would not know them as its own) are used as they are.
    if ! { (exec 3<>/dev/tcp/127.0.0.1/10143) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/10025) 2>/dev/null; }; then
        scripts/test-servers.sh start
    fi
    eval "$(scripts/test-servers.sh env)"
else
    scripts/setup.sh --build-only
fi

release_binary bench-process

if [[ -n ${BENCH_DIR:-} ]]; then
    work=$BENCH_DIR
    mkdir -p "$work"
else
    work=$(mktemp -d /tmp/mentormail-process-bench.XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
now=2026-11-03T09:00:00Z
tag=$(date +%s)$$
python=${MENTORMAIL_TEST_PYTHON:-python3}
doveadm=$(PATH=$PATH:/usr/sbin command -v doveadm || true)

# Makes $2 messages as files in folder $1 (Maildir names, arrival order = name order).
make_messages() {
    python3 - "$1" "$2" "$root/mailbox-fixtures" <<'PY'
import os, random, re, sys
folder, count, fixtures = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(folder, exist_ok=True)
rng = random.Random(2026)
# (fixture, weight): mostly sign-ups, as a program's inbox is in its busy week.
shapes = [("signup-request-plain.eml", 14), ("signup-request-gmail-html.eml", 12), ("signup-request-outlook.eml", 10),
          ("form-reply-plain.eml", 14), ("form-reply-gmail-html.eml", 12), ("form-reply-outlook-quoted.eml", 8),
          ("form-reply-two-errors.eml", 4), ("checkin-reply-gmail-html.eml", 4), ("checkin-reply-numbered-thunderbird.eml", 3),
          ("checkin-reply-outlook-inline.eml", 3), ("rsvp-google-accepted.eml", 3), ("rsvp-outlook-accepted.eml", 2),
          ("rsvp-apple-accepted.eml", 2), ("rsvp-words-gmail-yes.eml", 2), ("vacation-autoreply.eml", 4),
          ("question-apple-mail.eml", 3)]
texts = {}
for name, _ in shapes:
    data = open(os.path.join(fixtures, name), "rb").read().replace(b"\r\n", b"\n")
    head, _, body = data.partition(b"\n\n")
    lines, kept = head.split(b"\n"), []
    skip = False
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            if not skip: kept.append(line)
            continue
        field = line.split(b":", 1)[0].lower()
        skip = field in (b"from", b"message-id", b"return-path", b"sender", b"reply-to")
        if not skip: kept.append(line)
    texts[name] = (b"\n".join(kept), body)
names = [n for n, w in shapes for _ in range(w)]
first = ["Maria", "Akira", "Priya", "Olusegun", "Chen", "Sofia", "Lukas", "Fatima", "Diego", "Anna", "Mehmet", "Aisha"]
last = ["Garcia", "Tanaka", "Sharma", "Adeyemi", "Wei", "Rossi", "Muller", "Haddad", "Fernandez", "Nowak", "Okafor"]
domains = ["example.net", "example.com", "mail.example.org", "students.example.edu"]
for i in range(count):
    name = names[rng.randrange(len(names))]
    head, body = texts[name]
    person = f"{rng.choice(first)} {rng.choice(last)}"
    domain = rng.choice(domains)
    address = f"{person.lower().replace(' ', '.')}.{i}@{domain}"
    top = (f"Return-Path: <{address}>\nFrom: {person} <{address}>\n"
           f"Message-ID: <bench.{i}.{rng.getrandbits(48):012x}@{domain}>\n").encode()
    data = (top + head + b"\n\n" + body).replace(b"\n", b"\r\n")
    with open(os.path.join(folder, f"{1793602800 + i}.M{i:06d}P4242.bench,S={len(data)}"), "wb") as f:
        f.write(data)
PY
}

# Writes a config into folder $1: mailbox URL $2 (and IMAP user $3), outbox URL $4.
write_config() {
    local folder=$1 mailbox=$2 user=$3 smtp=$4 login=""
    if [[ -n $user ]]; then
        login="user = \"$user\"
password_env = \"MENTORMAIL_TEST_PASSWORD\"
starttls = \"never\""
    fi
    cat >"$folder/mentormail.toml" <<EOF
[program]
name = "OpenStack Mentoring"
address = "${user:-mentoring}@example.org"
coordinators = ["coordinator@example.org"]
database = "mentormail.sqlite"
templates = "$root/templates"

[mailbox]
url = "$mailbox"
$login

[smtp]
url = "$smtp"
$( [[ $smtp == smtp:* ]] && echo 'starttls = "never"' )
EOF
    "$binary" round open 2026-Q4 --closes 2026-11-30 --now "$now" --quiet --config "$folder/mentormail.toml" >/dev/null
}

# Puts the messages of folder $1 into Dovecot user $2's INBOX and lets Dovecot index them.
fill_dovecot() {
    local messages=$1 user=$2 new
    "$doveadm" -c "$MENTORMAIL_TEST_DOVECOT_CONF" mailbox status -u "$user" messages INBOX >/dev/null
    new=$MENTORMAIL_TEST_MAIL_DIR/$user/new
    [[ -d $new ]] || { echo "bench-process: Dovecot made no Maildir at $new" >&2; exit 70; }
    cp "$messages"/* "$new"/
    chown -R --reference="$MENTORMAIL_TEST_MAIL_DIR/$user" "$MENTORMAIL_TEST_MAIL_DIR/$user"
    "$doveadm" -c "$MENTORMAIL_TEST_DOVECOT_CONF" mailbox status -u "$user" messages INBOX >/dev/null
}

# Runs `process` in folder $1 under /usr/bin/time; prints "wall cpu rss_kb".
time_process() {
    local folder=$1
    (cd "$folder" && /usr/bin/time -v -o time.txt "$binary" process --config mentormail.toml --quiet --json --now "$now" \
        >report.json 2>stderr.txt) || {
        echo "bench-process: mentormail process failed in $folder (exit $?):" >&2; tail -n 5 "$folder/stderr.txt" >&2; exit 70; }
    python3 - "$folder/time.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
wall = 0.0
for part in re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)", text).group(1).split(":"):
    wall = wall * 60 + float(part)
cpu = sum(float(re.search(rf"{k} time \(seconds\): ([0-9.]+)", text).group(1)) for k in ("User", "System"))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
print(f"{wall:.3f} {cpu:.3f} {rss}")
PY
}

# Checks the run in folder $1 over $2 messages; with $3 (a Dovecot user), that none is unflagged there.
check_run() {
    local folder=$1 n=$2 user=${3:-} left=0
    if [[ -n $user ]]; then
        left=$("$doveadm" -c "$MENTORMAIL_TEST_DOVECOT_CONF" search -u "$user" mailbox INBOX unkeyword '$MentorMailDone' | wc -l)
    else
        left=$(find "$folder/mailbox/new" -type f | wc -l)
    fi
    python3 - "$folder" "$n" "$left" <<'PY'
import json, sqlite3, sys
folder, n, left = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
report = json.load(open(f"{folder}/report.json"))
db = sqlite3.connect(f"{folder}/mentormail.sqlite")
recorded = db.execute("SELECT count(*) FROM inboundMessage").fetchone()[0]
doubled = db.execute("SELECT count(*) FROM (SELECT inboundID FROM outboxMessage WHERE inboundID IS NOT NULL "
                     "GROUP BY inboundID HAVING count(*) > 1)").fetchone()[0]
unanswered = db.execute("SELECT count(*) FROM inboundMessage i WHERE i.disposition IN ('answered', 'helped') AND NOT EXISTS "
                        "(SELECT 1 FROM outboxMessage o WHERE o.inboundID = i.id)").fetchone()[0]
unsent = db.execute("SELECT count(*) FROM outboxMessage WHERE status != 'sent'").fetchone()[0]
problems = []
if report["examined"] != n: problems.append(f"examined {report['examined']} of {n}")
if recorded != n: problems.append(f"recorded {recorded} of {n}")
if report["failed"]: problems.append(f"{report['failed']} failed")
if left: problems.append(f"{left} left unflagged")
if doubled: problems.append(f"{doubled} answered twice")
if unanswered: problems.append(f"{unanswered} answered or helped without an answer")
if unsent: problems.append(f"{unsent} answers not sent")
if problems:
    sys.exit("bench-process: " + "; ".join(problems))
PY
}

# The IMAP + SMTP floor: prints wall seconds.
imap_floor() {
    local user=$1 folder=$2
    "$python" - "$user" "$folder/mentormail.sqlite" "$MENTORMAIL_TEST_IMAP_URL" "$MENTORMAIL_TEST_SMTP_URL" \
        "$MENTORMAIL_TEST_PASSWORD" <<'PY'
import imaplib, smtplib, sqlite3, sys, time
user, database, imap_url, smtp_url, password = sys.argv[1:]
imap_host, imap_port = imap_url.split("//")[1].split(":")
smtp_host, smtp_port = smtp_url.split("//")[1].split(":")
rows = sqlite3.connect(database).execute("SELECT raw, sender, recipients FROM outboxMessage ORDER BY id").fetchall()
start = time.perf_counter()
imap = imaplib.IMAP4(imap_host, int(imap_port))
imap.login(user, password)
imap.select("INBOX")
status, data = imap.uid("FETCH", "1:*", "(BODY.PEEK[])")
fetched = sum(1 for item in data if isinstance(item, tuple))
imap.logout()
smtp = smtplib.SMTP(smtp_host, int(smtp_port))
for raw, sender, recipients in rows:
    smtp.sendmail(sender, ["floor-" + r for r in recipients.split(",")], raw)
smtp.quit()
print(f"{time.perf_counter() - start:.3f} {fetched} {len(rows)}")
PY
}

# The Maildir floor: list, read every message, write every answer (temporary file, rename).
file_floor() {
    local messages=$1 folder=$2
    python3 - "$messages" "$folder/mentormail.sqlite" "$folder/floor-out" <<'PY'
import os, sqlite3, sys, time
messages, database, out = sys.argv[1:]
rows = sqlite3.connect(database).execute("SELECT raw FROM outboxMessage ORDER BY id").fetchall()
os.makedirs(out, exist_ok=True)
start = time.perf_counter()
read = 0
for name in sorted(os.listdir(messages)):
    with open(os.path.join(messages, name), "rb") as f:
        read += len(f.read())
for number, (raw,) in enumerate(rows, 1):
    temporary, target = os.path.join(out, f".{number}.tmp"), os.path.join(out, f"{number:04d}.eml")
    with open(temporary, "wb") as f:
        f.write(raw)
    os.rename(temporary, target)
print(f"{time.perf_counter() - start:.3f} {read} {len(rows)}")
PY
}

median() { python3 -c 'import sys, statistics; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

echo "== mentormail process end to end, $runs run(s) per size (medians), binary $binary"
printf '%-8s %8s %9s %9s %12s %9s %8s\n' mode messages "wall s" "CPU s" "peak RSS MB" "floor s" ratio
for n in $sizes; do
    messages=$work/messages-$n
    rm -rf "$messages"
    make_messages "$messages" "$n"
    for mode in $modes; do
        walls=() cpus=() rsss=() floors=()
        for ((r = 1; r <= runs; r++)); do
            folder=$work/$mode-$n-$r
            rm -rf "$folder"
            mkdir -p "$folder"
            if [[ $mode == imap ]]; then
                user=bench-$tag-$n-$r
                write_config "$folder" "$MENTORMAIL_TEST_IMAP_URL/INBOX" "$user" "$MENTORMAIL_TEST_SMTP_URL"
                fill_dovecot "$messages" "$user"
                fill_dovecot "$messages" "benchfloor-$tag-$n-$r"
                read -r wall cpu rss < <(time_process "$folder")
                check_run "$folder" "$n" "$user"
                read -r floor fetched sent < <(imap_floor "benchfloor-$tag-$n-$r" "$folder")
                ((fetched == n)) || { echo "bench-process: the floor fetched $fetched of $n" >&2; exit 70; }
            else
                write_config "$folder" "maildir:mailbox" "" "dir:outbox"
                mkdir -p "$folder/mailbox/new" "$folder/mailbox/cur" "$folder/mailbox/tmp"
                cp "$messages"/* "$folder/mailbox/new/"
                read -r wall cpu rss < <(time_process "$folder")
                check_run "$folder" "$n"
                read -r floor _ _ < <(file_floor "$messages" "$folder")
            fi
            walls+=("$wall") cpus+=("$cpu") rsss+=("$rss") floors+=("$floor")
            [[ -n ${BENCH_DIR:-} ]] || rm -rf "$folder"
        done
        wall=$(median "${walls[@]}") cpu=$(median "${cpus[@]}") rss=$(median "${rsss[@]}") floor=$(median "${floors[@]}")
        python3 -c 'import sys
mode, n, wall, cpu, rss, floor = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:])
print(f"{mode:<8} {n:>8} {wall:>9.2f} {cpu:>9.2f} {rss / 1024:>12.1f} {floor:>9.2f} {wall / floor:>7.2f}x")' \
            "$mode" "$n" "$wall" "$cpu" "$rss" "$floor"
    done
    [[ -n ${BENCH_DIR:-} ]] || rm -rf "$messages"
done
