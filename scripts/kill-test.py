#!/usr/bin/env python3
"""Kill test: SIGKILL `mentormail process` at seeded random moments while it works through a
few hundred mixed messages on the real test servers (Dovecot IMAP, the SMTP relay), then check
that nothing was lost and nothing doubled.

Messages: first contact from strangers (each answered with the sign-up form), check-in answers
from the people of introduced pairs (each confirmed, the answers applied once), and profile
changes from participants. After the kills, runs finish the work; then:

- lost: a message not recorded, or still unflagged on the server, or never answered;
- doubled: a message answered by two different mails, or check-in answers applied twice.

An answer sent again with the same Message-ID (a kill between the server's acceptance and
"sent") is the documented at-least-once window; it is counted, not failed.

Usage: scripts/kill-test.py [--messages 300] [--kills 50] [--seed 1]
Needs the test servers' environment (scripts/test-servers.sh env) and a built mentormail
($MENTORMAIL_BINARY or .build/debug/mentormail).
"""
import argparse
import email
import email.utils
import imaplib
import os
import random
import shutil
import signal
import smtplib
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from email.message import EmailMessage

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--messages", type=int, default=300)
parser.add_argument("--kills", type=int, default=50)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
rng = random.Random(args.seed)

def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"kill-test: {name} is not set: eval \"$(scripts/test-servers.sh env)\" first")
    return value

imap_url, smtp_url, password = env("MENTORMAIL_TEST_IMAP_URL"), env("MENTORMAIL_TEST_SMTP_URL"), env("MENTORMAIL_TEST_PASSWORD")
imap_host, imap_port = imap_url.split("//")[1].split(":")
smtp_host, smtp_port = smtp_url.split("//")[1].split(":")
binary = os.environ.get("MENTORMAIL_BINARY", os.path.join(ROOT, ".build/debug/mentormail"))
tag = uuid.uuid4().hex[:8]
program_user = f"killprog-{tag}"
program = f"{program_user}@example.org"
folder = tempfile.mkdtemp(prefix=f"mentormail-kill-{tag}-")
os.makedirs(os.path.join(folder, "state"))
config = os.path.join(folder, "mentormail.toml")
with open(config, "w") as f:
    f.write(f"""[program]
name = "Kill Test"
address = "{program}"
coordinators = ["killcoord-{tag}@example.org"]
database = "state/mentormail.sqlite"
templates = "{os.path.join(ROOT, 'templates')}"
[mailbox]
url = "{imap_url}/INBOX"
user = "{program_user}"
password_env = "MENTORMAIL_TEST_PASSWORD"
starttls = "never"
[smtp]
url = "{smtp_url}"
starttls = "never"
""")
DAY0 = "2027-01-11T09:00:00Z"
DAY90 = "2027-04-11T09:00:00Z"
DAY91 = "2027-04-12T09:00:00Z"

def cli(*arguments, now=DAY0, check=True):
    result = subprocess.run([binary, *arguments, "--config", config, "--now", now], capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"kill-test: {' '.join(arguments)} failed ({result.returncode}): {result.stderr}")
    return result

def send(sender, subject, body, in_reply_to=None):
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, program, subject
    message["Message-ID"] = email.utils.make_msgid(domain="example.org")
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    message.set_content(body)
    with smtplib.SMTP(smtp_host, int(smtp_port)) as smtp:
        smtp.send_message(message)
    return message["Message-ID"].strip("<>")

def mailbox(user):
    imap = imaplib.IMAP4(imap_host, int(imap_port))
    imap.login(user, password)
    imap.select("INBOX")
    _, data = imap.uid("SEARCH", None, "ALL")
    messages = []
    for uid in data[0].split():
        _, fetched = imap.uid("FETCH", uid, "(BODY.PEEK[])")
        messages.append(email.message_from_bytes(fetched[0][1]))
    imap.logout()
    return messages

def unflagged(user):
    imap = imaplib.IMAP4(imap_host, int(imap_port))
    imap.login(user, password)
    imap.select("INBOX")
    _, data = imap.uid("SEARCH", None, "UNKEYWORD", "$MentorMailDone")
    imap.logout()
    return len(data[0].split())

def form(role, name):
    return (f"Role: {role}\nName: {name}\nMentoring type: technical\nAreas: Nova\nTime zone: Europe/Madrid\n"
            f"Languages: English\nInteraction: email\n" + ("Capacity: 1\n" if role == "mentor" else ""))

# 1. Pairs introduced on day 0, surveys on day 90 (no kills yet).
pairs = max(2, min(20, args.messages // 15))
people = [(f"killmentee{i}-{tag}", "mentee") for i in range(pairs)] + [(f"killmentor{i}-{tag}", "mentor") for i in range(pairs)]
cli("round", "open", "R", "--closes", "2027-02-01")
for user, role in people:
    send(f"{user}@example.org", "Sign up", form(role, user.split("-")[0].title()))
time.sleep(1)
cli("process", now=DAY0)
cli("match", "--round", "R", now=DAY0)
cli("round", "approve", "R", now=DAY0)
cli("process", now=DAY0)
cli("process", now=DAY90)

# 2. The mixed batch, sent in waves; each wave is processed by runs killed at random moments.
shapes = ["1. 5\n2. yes\n3. good fit\n4. continue", "4, sometimes, good fit, continue", "5 yes good fit continue",
          "It is going great, we meet every week, a good fit, let's continue."]
surveys = {}
for user, _ in people:
    survey = next((m for m in reversed(mailbox(user)) if "how is your mentoring" in (m["Subject"] or "")), None)
    if survey is None:
        sys.exit(f"kill-test: {user} got no check-in survey")
    surveys[user] = survey
plan = [(user, "checkin") for user, _ in people] + [(user, "profile") for user, _ in people]
plan += [(f"killstranger{index}-{tag}", "stranger") for index in range(max(0, args.messages - len(plan)))]
plan = plan[:args.messages]
waves = max(1, min(args.kills, 10))
sent = []  # (sender user, message id, kind)
kills = runs = 0

def send_planned(user, kind):
    if kind == "checkin":
        survey = surveys[user]
        return send(f"{user}@example.org", "Re: " + survey["Subject"], rng.choice(shapes), survey["Message-ID"])
    if kind == "profile":
        return send(f"{user}@example.org", "Profile", f"Availability: evenings {rng.randint(1, 9)} to {rng.randint(10, 23)}")
    return send(f"{user}@example.org", "Joining", f"Hello, I would like to join ({rng.random()}).")

for wave in range(waves):
    for user, kind in plan[wave * len(plan) // waves:(wave + 1) * len(plan) // waves]:
        sent.append((user, send_planned(user, kind), kind))
    time.sleep(0.5)
    target = args.kills * (wave + 1) // waves
    attempts = 0
    while kills < target and attempts < 6 * args.kills:
        attempts += 1
        runs += 1
        process = subprocess.Popen([binary, "process", "--config", config, "--now", DAY91, "--quiet"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.02, 0.4))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1

# 3. Runs that finish the work.
for _ in range(3):
    cli("process", now=DAY91, check=False)

# 4. Nothing lost, nothing doubled.
database = sqlite3.connect(os.path.join(folder, "state/mentormail.sqlite"))
recorded = {row[0]: row[1] for row in database.execute("SELECT messageID, disposition FROM inboundMessage")}
lost, doubled, resent = [], [], 0
answers = {}
for user in {user for user, _, _ in sent}:
    for message in mailbox(user):
        if (message["From"] or "").find(program) < 0 or not message["In-Reply-To"]:
            continue
        answers.setdefault(message["In-Reply-To"].strip().strip("<>"), []).append(message["Message-ID"])
for user, message_id, kind in sent:
    if message_id not in recorded:
        lost.append(f"{kind} {message_id} from {user}: not recorded")
        continue
    ids = answers.get(message_id, [])
    if not ids:
        lost.append(f"{kind} {message_id} from {user}: never answered ({recorded[message_id]})")
    if len(set(ids)) > 1:
        doubled.append(f"{kind} {message_id} from {user}: {len(set(ids))} different answers")
    resent += len(ids) - len(set(ids))
for (replies,) in database.execute("SELECT replies FROM survey WHERE replies <> ''"):
    if "\n---\n" in replies:
        doubled.append("check-in answers applied twice")
left = unflagged(program_user)
if left:
    lost.append(f"{left} message(s) still unflagged on the server")
print(f"kill-test: seed {args.seed}, {len(sent)} messages ({sum(1 for s in sent if s[2] == 'checkin')} check-in answers), "
      f"{kills} kills in {runs} runs: lost {len(lost)}, doubled {len(doubled)}, resent with the same Message-ID {resent}")
for line in (lost + doubled)[:20]:
    print("  " + line)
database.close()
if lost or doubled:
    print(f"kill-test: kept the run's folder for a look: {folder}")
    sys.exit(1)
shutil.rmtree(folder)
