#!/usr/bin/env python3
"""Makes a corpus of varied messages shaped like the ones in mailbox-fixtures/, for
scripts/bench-mail.sh: 00000.eml, 00001.eml, ... in OUTDIR.

    make_corpus.py OUTDIR [COUNT] [--seed N] [--big-mb M]

Shapes, each as the client really sends it: Gmail replies (multipart/alternative, QP,
gmail_quote), Outlook replies (CRLF, windows-1252 QP, divRplyFwdMsg), Apple Mail and
Thunderbird (format=flowed, blockquote type=cite, moz-cite-prefix), iPhone (base64),
sign-up form replies, calendar RSVPs and invitations, CSV exports and other attachments
(base64), delivery status reports, vacation replies, mailing-list posts, forwarded messages,
and text in UTF-8, ISO-8859-1, windows-1252, KOI8-R, GB2312, Shift_JIS and ISO-2022-JP.
Sizes vary from a line to long threads quoted several levels deep and attachments of a few
hundred kB. The same seed gives the same corpus.

--big-mb M writes one more file, big.eml: a short text with a base64 attachment of about
M MB (for the parse-mail memory and CPU check), and nothing else.
"""
import base64
import os
import quopri
import random
import sys

WORDS = ("mentor mentee review patch gerrit nova neutron cinder swift ironic horizon keystone glance "
         "documentation upstream training community release cycle meeting video email chat thursday "
         "evening morning week question answer contribution bug fix test gate zuul devstack summit "
         "project team core reviewer onboarding newcomer session schedule calendar time zone language "
         "thanks please would could should happy first second third next last good great idea plan "
         "the a an and or but with for from into about after before during while because so then").split()
LATIN = "café déjà naïve über Grüße Straße señor año façade élève crème brûlée jalapeño smörgåsbord".split()
RUSSIAN = "привет ментор подопечный обзор исправление встреча неделя вопрос ответ спасибо проект команда".split()
CHINESE = "导师 学员 项目 社区 会议 时间 问题 回答 谢谢 开发 文档 测试 发布 周期 团队 培训".split()
JAPANESE = "メンター メンティー 翻訳 会議 時間 質問 回答 ありがとう 開発 文書 試験 リリース チーム 研修".split()
FIRST = "Ana Wei Sofia Jan Aisha Lena Rahul Dana Marco Amara Kwame Jonas María Élodie Dmitry Hanako Fang Chinedu Tomasz Lucía".split()
LAST = "Lima Chen Rossi Novák Bello Fischer Mehta Whitfield Bianchi Nwosu Mensah Schmidt García Martin Ivanov Sato Wang Okafor Nowak Moreno".split()
DOMAINS = ["example.com", "example.net", "example.org"]

class Maker:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.n = 0

    # ------------------------------------------------------------ small pieces
    def person(self):
        first, last = self.r.choice(FIRST), self.r.choice(LAST)
        address = f"{first.lower()}.{last.lower()}@{self.r.choice(DOMAINS)}"
        address = address.encode("ascii", "ignore").decode() if not address.isascii() else address
        return f"{first} {last}", address.replace("..", ".")

    def sentence(self, words=WORDS, lo=5, hi=18):
        ws = [self.r.choice(words) for _ in range(self.r.randint(lo, hi))]
        if words is WORDS and self.r.random() < 0.15:
            ws.append(self.r.choice(LATIN))
        s = " ".join(ws)
        return s[0].upper() + s[1:] + self.r.choice([".", ".", ".", "?", "!"])

    def paragraphs(self, count, words=WORDS, joiner=" "):
        return "\n\n".join(joiner.join(self.sentence(words) for _ in range(self.r.randint(1, 6))) for _ in range(count))

    def size(self):
        """Paragraph count: mostly short mail, sometimes long."""
        x = self.r.random()
        return 1 if x < 0.3 else self.r.randint(2, 5) if x < 0.8 else self.r.randint(6, 30)

    def date(self):
        return (f"{self.r.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])}, {self.r.randint(1, 28)} Nov 2026 "
                f"{self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}:{self.r.randint(0, 59):02d} "
                f"{self.r.choice(['+0100', '+0000', '-0800', '+0530', '+0900', '+0300'])}")

    def msgid(self, domain):
        return f"<{self.r.getrandbits(64):016x}.{self.n}@{domain}>"

    def received(self):
        return (f"Received: from mail.{self.r.choice(DOMAINS)} (mail.example.net [198.51.100.{self.r.randint(1, 254)}])\n"
                f"\tby mx.example.org with ESMTPS id 4Xm{self.r.getrandbits(40):010x}\n"
                f"\tfor <mentoring@example.org>; {self.date()}\n")

    def dkim(self, domain):
        sig = base64.b64encode(self.r.randbytes(128)).decode()
        return (f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={domain}; s=s1;\n"
                f"\th=from:to:subject:date:message-id;\n\tbh={base64.b64encode(self.r.randbytes(32)).decode()};\n"
                f"\tb={sig[:70]}\n\t {sig[70:]}\n")

    def boundary(self):
        return f"{self.r.getrandbits(96):024x}"

    def qp(self, text, charset="utf-8"):
        return quopri.encodestring(text.encode(charset, "replace")).decode("ascii")

    def b64(self, data):
        enc = base64.b64encode(data).decode("ascii")
        return "\n".join(enc[i:i + 76] for i in range(0, len(enc), 76)) + "\n"

    def flowed(self, text, prefix=""):
        out = []
        for line in text.split("\n"):
            words, cur, first = line.split(" "), "", True
            if len(prefix) + len(line) <= 72:
                out.append(prefix + line)
                continue
            for w in words:
                if cur and len(prefix) + len(cur) + len(w) + 1 > 72:
                    out.append(prefix + cur + " ")
                    cur = w
                else:
                    cur = cur + " " + w if cur else w
            out.append(prefix + cur)
        return "\n".join(out)

    def quoted(self, text, depth=1):
        marker = "> " * depth
        return "\n".join(marker + l if l else marker.rstrip() for l in text.split("\n"))

    def thread(self):
        """A reply's history: earlier messages, each quoting the one before."""
        history = self.paragraphs(self.size())
        for _ in range(self.r.choice([0, 0, 0, 1, 1, 2, 4])):
            history = self.paragraphs(self.r.randint(1, 3)) + "\n\nOn Mon, Nov 2, 2026 at 9:14 AM Someone wrote:\n" + self.quoted(history)
        return history

    def headers(self, sender, subject, domain, extra=""):
        name, address = sender
        return (f"Return-Path: <{address}>\nDelivered-To: mentoring@example.org\n{self.received()}{self.dkim(domain)}"
                f"From: {name} <{address}>\nTo: OpenStack Mentoring <mentoring@example.org>\nSubject: {subject}\n"
                f"Date: {self.date()}\nMessage-ID: {self.msgid(domain)}\n{extra}MIME-Version: 1.0\n")

    def attachment(self, boundary):
        kind = self.r.choice(["application/pdf", "image/png", "image/jpeg", "application/zip", "text/csv"])
        ext = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "application/zip": "zip", "text/csv": "csv"}[kind]
        size = self.r.choice([2_000, 20_000, 60_000, 150_000, 400_000])
        data = self.r.randbytes(size) if kind != "text/csv" else self.csv(size // 100)
        return (f"--{boundary}\nContent-Type: {kind}; name=\"file-{self.n}.{ext}\"\n"
                f"Content-Disposition: attachment; filename=\"file-{self.n}.{ext}\"\nContent-Transfer-Encoding: base64\n\n"
                + self.b64(data))

    def csv(self, rows):
        lines = ['"Timestamp","Email Address","Are you signing up as a mentor or mentee?","Full name","Your time zone"']
        for i in range(rows):
            name, address = self.person()
            lines.append(f'"2026/11/0{self.r.randint(1, 9)} 9:{i % 60:02d}:00 AM GMT+1","{address}","{self.r.choice(["Mentor", "Mentee", "Both"])}","{name}","Europe/Berlin"')
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")

    # ------------------------------------------------------------ message shapes
    def gmail_reply(self):
        sender = self.person()
        new, history = self.paragraphs(self.size()), self.thread()
        attrib = "On Tue, Nov 3, 2026 at 5:05\u202fPM OpenStack Mentoring <mentoring@example.org> wrote:"
        plain = new + "\n\n" + attrib + "\n\n" + self.quoted(history) + "\n"
        html = ('<div dir="ltr">' + "".join(f"<div>{p}</div><div><br></div>" for p in new.split("\n\n")) +
                '</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">' + attrib.replace("<", "&lt;").replace(">", "&gt;") +
                '<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
                + history.replace("\n", "<br>") + "</blockquote></div>\n")
        b = self.boundary()
        body = (f"--{b}\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n{self.qp(plain)}\n"
                f"--{b}\nContent-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n{self.qp(html)}\n--{b}--\n")
        if self.r.random() < 0.08:
            m = self.boundary()
            return (self.headers(sender, "Re: Your mentoring match", "example.com", f"In-Reply-To: <a{self.n}@example.org>\n")
                    + f"Content-Type: multipart/mixed; boundary=\"{m}\"\n\n--{m}\nContent-Type: multipart/alternative; boundary=\"{b}\"\n\n"
                    + body + "\n" + self.attachment(m) + f"--{m}--\n")
        return (self.headers(sender, "Re: Your mentoring match", "example.com", f"In-Reply-To: <a{self.n}@example.org>\n")
                + f"Content-Type: multipart/alternative; boundary=\"{b}\"\n\n" + body)

    def outlook_reply(self):
        sender = self.person()
        new = self.paragraphs(self.size()).replace("'", "\u2019").replace(" - ", " \u2013 ")
        history = self.thread()
        header = ("From: OpenStack Mentoring <mentoring@example.org>\nSent: Wednesday, November 4, 2026 09:30\n"
                  f"To: {sender[0]} <{sender[1]}>\nSubject: Round 4")
        plain = new + "\n\n________________________________\n" + header + "\n\n" + history + "\n"
        html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Windows-1252"></head><body dir="ltr">'
                + "".join(f'<div class="elementToProof">{p}</div><div><br></div>' for p in new.split("\n\n"))
                + '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif">'
                + header.replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>") + "</font></div><div>"
                + history.replace("\n", "<br>\n") + "</div></body></html>\n")
        b = "_000_" + self.boundary() + "_"
        text = (self.headers(sender, "RE: Round 4", "example.com", f"Thread-Topic: Round 4\nIn-Reply-To: <b{self.n}@example.org>\n")
                + f"Content-Type: multipart/alternative;\n\tboundary=\"{b}\"\n\n"
                + f"--{b}\nContent-Type: text/plain; charset=\"Windows-1252\"\nContent-Transfer-Encoding: quoted-printable\n\n{self.qp(plain, 'cp1252')}\n"
                + f"--{b}\nContent-Type: text/html; charset=\"Windows-1252\"\nContent-Transfer-Encoding: quoted-printable\n\n{self.qp(html, 'cp1252')}\n--{b}--\n")
        return text.replace("\n", "\r\n")

    def flowed_reply(self):
        sender = self.person()
        apple = self.r.random() < 0.5
        new, history = self.paragraphs(self.size()), self.thread()
        attrib = "On 5 Nov 2026, at 09:00, OpenStack Mentoring <mentoring@example.org> wrote:"
        plain = self.flowed(new) + "\n\n" + (self.flowed(attrib + "\n\n" + history, "> ") if apple else attrib + "\n" + self.flowed(history, "> ")) + "\n"
        cite = '<blockquote type="cite">' if apple else '<div class="moz-cite-prefix">' + attrib + '<br></div><blockquote type="cite">'
        html = ("<html><body>" + "".join(f"<div>{p}</div>" for p in new.split("\n\n")) + "<div><br>" + cite
                + "".join(f"<div>{p}</div>" for p in history.split("\n")) + "</blockquote></div></body></html>\n")
        b = ("Apple-Mail=_" if apple else "------------") + self.boundary()
        return (self.headers(sender, "Re: How is your mentoring going?", "example.net",
                             "User-Agent: Mozilla Thunderbird\n" if not apple else "X-Mailer: Apple Mail (2.3826.200.121)\n")
                + f"Content-Type: multipart/alternative;\n\tboundary=\"{b}\"\n\n"
                + f"--{b}\nContent-Type: text/plain; charset=utf-8; format=flowed\nContent-Transfer-Encoding: {'quoted-printable' if apple else '8bit'}\n\n"
                + (self.qp(plain) if apple else plain) + f"\n--{b}\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + self.qp(html) + f"\n--{b}--\n")

    def iphone_reply(self):
        sender = self.person()
        text = (self.paragraphs(self.r.randint(1, 2)) + "\n\nSent from my iPhone\n\n> On 4 Nov 2026, at 16:20, OpenStack Mentoring <mentoring@example.org> wrote:\n>\n"
                + self.quoted(self.thread()) + "\n")
        return (self.headers(sender, "Re: Speed Mentoring", "example.net", "X-Mailer: iPhone Mail (22B83)\n")
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + self.b64(text.encode("utf-8")))

    def plain_new(self):
        sender = self.person()
        text = "Hello,\n\n" + self.paragraphs(self.size()) + "\n\nThanks,\n" + sender[0] + ("\n\n-- \n" + sender[0] + "\n" + self.sentence() if self.r.random() < 0.3 else "") + "\n"
        encoding = self.r.choice(["8bit", "quoted-printable", "base64"])
        body = text if encoding == "8bit" else self.qp(text) if encoding == "quoted-printable" else self.b64(text.encode("utf-8"))
        return (self.headers(sender, "Joining the mentoring program", "example.net", "User-Agent: Mutt/2.2.12\n")
                + f"Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: {encoding}\n\n" + body)

    def form_reply(self):
        sender = self.person()
        answers = "\n".join([f"Role: {self.r.choice(['mentor', 'mentee', 'both', 'teacher'])}", f"Name: {sender[0]}",
                             f"Mentoring type: {self.r.choice(['technical', 'career', 'both'])}", "Areas: Nova, documentation",
                             "Time zone: Europe/Madrid", "Languages: English, Spanish", "Interaction: email, video",
                             f"Capacity: {self.r.randint(1, 3)}", "Availability: weekday evenings", "About me: " + self.sentence()])
        form = "Hello,\n\nTo sign up, reply to this message and fill in the lines below.\n\nRole: (mentor, mentee, or both)\nName:\nMentoring type:\nAreas:\nTime zone:\nLanguages:\n"
        text = answers + "\n\nOn 02/11/2026 09:14, OpenStack Mentoring wrote:\n" + self.quoted(form) + "\n"
        return (self.headers(sender, "Re: Joining the mentoring program", "example.net", f"In-Reply-To: <f{self.n}@example.org>\n")
                + "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit\n\n" + self.flowed(text) + "\n")

    def calendar(self):
        sender = self.person()
        method = self.r.choice(["REPLY", "REPLY", "REPLY", "REQUEST"])
        partstat = self.r.choice(["ACCEPTED", "DECLINED", "TENTATIVE"])
        cal = ("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nMETHOD:" + method + "\r\nBEGIN:VEVENT\r\n"
               "DTSTART:20261119T160000Z\r\nDTEND:20261119T173000Z\r\nUID:speed-mentoring-2026-11-19@example.org\r\n"
               f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={partstat};CN={sender[0]};X-NUM-GUESTS=0:mailto:{sender[1]}\r\n"
               "SUMMARY:Speed Mentoring at the Summit\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        b = self.boundary()
        return (self.headers(sender, f"{partstat.title()}: Speed Mentoring at the Summit", "example.net")
                + f"Content-Type: multipart/alternative; boundary=\"{b}\"\n\n--{b}\nContent-Type: text/plain; charset=UTF-8\n\n"
                + f"{sender[0]} has {partstat.lower()} this invitation.\n\n--{b}\nContent-Type: text/calendar; charset=UTF-8; method={method}\n"
                + f"Content-Transfer-Encoding: base64\n\n{self.b64(cal.encode())}--{b}--\n")

    def bounce(self):
        b = self.boundary()
        original = self.plain_new()
        return (f"Return-Path: <>\nDelivered-To: mentoring@example.org\nFrom: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
                f"To: mentoring@example.org\nSubject: Undelivered Mail Returned to Sender\nDate: {self.date()}\nMessage-Id: {self.msgid('mx.example.org')}\n"
                f"Auto-Submitted: auto-replied\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"{b}\"\n\n"
                f"--{b}\nContent-Description: Notification\nContent-Type: text/plain; charset=utf-8\n\nThis is the mail system at host mx.example.org.\n\n"
                f"<gone@example.net>: host mail.example.net said: 550 5.1.1 User unknown\n\n"
                f"--{b}\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; gone@example.net\nAction: failed\nStatus: 5.1.1\n\n"
                f"--{b}\nContent-Type: message/rfc822\n\n{original}\n--{b}--\n")

    def vacation(self):
        sender = self.person()
        return (f"Return-Path: <>\n{self.received()}From: {sender[0]} <{sender[1]}>\nTo: mentoring@example.org\n"
                f"Subject: Out of Office: Your mentoring introduction\nDate: {self.date()}\nMessage-ID: {self.msgid('example.com')}\n"
                f"Auto-Submitted: auto-replied\nX-Autoreply: yes\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
                f"I am out of the office until 16 November.\n{self.sentence()}\n")

    def list_post(self):
        sender = self.person()
        return (self.headers(sender, "[openstack-discuss] " + self.sentence(lo=3, hi=8), "lists.example.org",
                             "List-Id: <openstack-discuss.lists.example.org>\nPrecedence: list\n"
                             "List-Unsubscribe: <mailto:openstack-discuss-leave@lists.example.org>\n")
                + "Content-Type: text/plain; charset=\"us-ascii\"; format=\"flowed\"\n\n" + self.flowed(self.paragraphs(self.size()))
                + "\n_______________________________________________\nopenstack-discuss mailing list -- openstack-discuss@lists.example.org\n")

    def forwarded(self):
        sender = self.person()
        m = self.boundary()
        return (self.headers(sender, "Fwd: sign-up question", "example.org")
                + f"Content-Type: multipart/mixed; boundary=\"{m}\"\n\n--{m}\nContent-Type: text/plain; charset=utf-8\n\n"
                + self.paragraphs(1) + f"\n\n--{m}\nContent-Type: message/rfc822\nContent-Disposition: attachment\n\n"
                + self.gmail_reply() + f"\n--{m}--\n")

    def charset_message(self):
        sender = self.person()
        charset, words, joiner = self.r.choice([
            ("koi8-r", RUSSIAN, " "), ("gb2312", CHINESE, ""), ("iso-2022-jp", JAPANESE, ""), ("shift_jis", JAPANESE, ""),
            ("iso-8859-1", LATIN, " "), ("windows-1252", LATIN, " "), ("iso-8859-2", "Dobrý den děkuji mentor schůzka".split(), " ")])
        text = "\n\n".join(joiner.join(self.sentence(words, 3, 12) for _ in range(self.r.randint(1, 4))) for _ in range(self.size()))
        data = text.encode(charset, "replace")
        encoding = "7bit" if charset == "iso-2022-jp" else self.r.choice(["8bit", "base64", "quoted-printable"])
        body = (data.decode("latin-1") if encoding in ("7bit", "8bit") else self.b64(data) if encoding == "base64"
                else quopri.encodestring(data).decode("ascii"))
        head = self.headers(sender, "=?utf-8?B?" + base64.b64encode(self.sentence(words, 2, 5).encode()).decode() + "?=", "example.com")
        return (head + f"Content-Type: text/plain; charset=\"{charset}\"\nContent-Transfer-Encoding: {encoding}\n\n" + body + "\n").encode("latin-1")

    SHAPES = [("gmail_reply", 16), ("outlook_reply", 12), ("flowed_reply", 12), ("iphone_reply", 8), ("plain_new", 12),
              ("form_reply", 10), ("calendar", 7), ("bounce", 3), ("vacation", 3), ("list_post", 5), ("forwarded", 3),
              ("charset_message", 9)]

    def message(self):
        names = [s for s, _ in self.SHAPES]
        shape = self.r.choices(names, weights=[w for _, w in self.SHAPES])[0]
        made = getattr(self, shape)()
        self.n += 1
        return made if isinstance(made, bytes) else made.encode("utf-8")


def big_message(path, megabytes):
    """A short message with one base64 attachment of about `megabytes` MB (encoded)."""
    raw = os.urandom(int(megabytes * 1_000_000 * 3 / 4))
    b = "big-attachment-boundary"
    with open(path, "wb") as f:
        f.write((f"From: Dana Whitfield <coordinator@example.org>\nTo: mentoring@example.org\nSubject: The whole archive\n"
                 f"Date: Fri, 6 Nov 2026 09:49:03 +0100\nMessage-ID: <big.archive@example.org>\nMIME-Version: 1.0\n"
                 f"Content-Type: multipart/mixed; boundary=\"{b}\"\n\n--{b}\nContent-Type: text/plain; charset=utf-8\n\n"
                 f"Here is the archive of all sign-ups.\n\nDana\n\n--{b}\nContent-Type: application/zip; name=\"archive.zip\"\n"
                 f"Content-Disposition: attachment; filename=\"archive.zip\"\nContent-Transfer-Encoding: base64\n\n").encode())
        enc = base64.b64encode(raw)
        for i in range(0, len(enc), 76):
            f.write(enc[i:i + 76] + b"\n")
        f.write(f"--{b}--\n".encode())
    return len(raw)


def main(argv):
    args = [a for a in argv[1:]]
    seed, big = 2026, None
    if "--seed" in args:
        i = args.index("--seed"); seed = int(args[i + 1]); del args[i:i + 2]
    if "--big-mb" in args:
        i = args.index("--big-mb"); big = float(args[i + 1]); del args[i:i + 2]
    if not args:
        print(__doc__, file=sys.stderr)
        return 64
    out = args[0]
    count = int(args[1]) if len(args) > 1 else 20000
    os.makedirs(out, exist_ok=True)
    if big is not None:
        size = big_message(os.path.join(out, "big.eml"), big)
        print(f"wrote {out}/big.eml with a {size} byte attachment")
        return 0
    maker = Maker(seed)
    total = 0
    for index in range(count):
        data = maker.message()
        total += len(data)
        with open(os.path.join(out, f"{index:05d}.eml"), "wb") as f:
            f.write(data)
    print(f"wrote {count} messages, {total / 1e6:.1f} MB, to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
