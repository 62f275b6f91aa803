#!/usr/bin/env python3
"""A badly behaved auto-responder for the loop tests: it answers every new message in its
IMAP mailbox with "Re: <subject>" and the same text, over SMTP, and sets no Auto-Submitted or
other header that marks it as automatic (the kind of responder that loops with robots).

Usage: test-responder.py USER IMAP_HOST IMAP_PORT SMTP_HOST SMTP_PORT SECONDS
The password is read from MENTORMAIL_TEST_PASSWORD. Runs for SECONDS, then exits.
"""
import email
import email.utils
import imaplib
import os
import smtplib
import sys
import time
from email.message import EmailMessage

user, imap_host, imap_port, smtp_host, smtp_port, seconds = sys.argv[1:7]
password = os.environ["MENTORMAIL_TEST_PASSWORD"]
address = f"{user}@example.org"
deadline = time.time() + float(seconds)
answered = set()

while time.time() < deadline:
    imap = imaplib.IMAP4(imap_host, int(imap_port))
    imap.login(user, password)
    imap.select("INBOX")
    _, data = imap.uid("SEARCH", None, "ALL")
    for uid in data[0].split():
        if uid in answered:
            continue
        answered.add(uid)
        _, fetched = imap.uid("FETCH", uid, "(BODY.PEEK[])")
        original = email.message_from_bytes(fetched[0][1])
        reply = EmailMessage()
        reply["From"] = address
        reply["To"] = email.utils.parseaddr(original["From"])[1]
        reply["Subject"] = "Re: " + (original["Subject"] or "")
        reply["Message-ID"] = email.utils.make_msgid(domain="example.org")
        if original["Message-ID"]:
            reply["In-Reply-To"] = original["Message-ID"]
        reply.set_content("Thank you for your message! We have received it and will get back to you soon.\n")
        with smtplib.SMTP(smtp_host, int(smtp_port)) as smtp:
            smtp.send_message(reply)
    imap.logout()
    time.sleep(0.2)
