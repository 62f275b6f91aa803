#!/usr/bin/env python3
"""SMTP front for the test Dovecot: accepts mail from any sender to any recipient and
delivers it through LMTP. Dovecot's LMTP only speaks LHLO, not SMTP, hence this relay.

AUTH PLAIN/LOGIN is offered without TLS and is optional: any user name with the test
password is accepted. Like real servers, it refuses some recipients, so that tests can see
how a client handles refusals: a local part starting "reject-" gets a permanent 550, one
starting "tempfail-" a temporary 451. Logs one line per message on stderr (scripts/test-servers.sh
appends it to the relay's log file).

Usage: smtp-relay.py [--listen 127.0.0.1:10025] [--lmtp 127.0.0.1:10024] [--password secret]
"""
import argparse
import asyncio
import logging
import re
import signal
import smtplib

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

log = logging.getLogger("smtp-relay")


def host_port(text):
    host, _, port = text.rpartition(":")
    return host, int(port)


class Relay:
    def __init__(self, lmtp, password):
        self.lmtp = lmtp
        self.password = password.encode()

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.password == self.password
        return AuthResult(success=ok, handled=False)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # SMTPUTF8 is offered so that clients may send raw UTF-8 headers, but Dovecot 2.3's
        # LMTP rejects non-ASCII recipients: refuse them here, permanently and early.
        if not address.isascii():
            return "553 5.6.7 Non-ASCII recipient addresses are not supported here"
        if address.lower().startswith("reject-"):
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown in local recipient table" % address
        if address.lower().startswith("tempfail-"):
            return "451 4.3.0 <%s>: Temporary lookup failure, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # smtplib blocks; keep the event loop free for other connections.
        status = await asyncio.get_running_loop().run_in_executor(None, self.deliver, envelope)
        log.info("from=<%s> to=%s size=%d status=%s", envelope.mail_from.strip("<>"),
                 ",".join(f"<{r}>" for r in envelope.rcpt_tos), len(envelope.content), status)
        return status

    def deliver(self, envelope):
        # DATA lines end in CRLF, but a line may hold a bare LF; LMTP wants CRLF throughout.
        content = re.sub(rb"\r?\n", b"\r\n", envelope.content)
        try:
            with smtplib.LMTP(*self.lmtp, timeout=30) as lmtp:
                lmtp.ehlo()  # sends LHLO
                lmtp.command_encoding = "utf-8"  # Dovecot takes a UTF-8 sender as is
                # Pass on only what the LMTP server announces (8BITMIME, not SMTPUTF8).
                options = []
                for option in envelope.mail_options:
                    key = option.split("=", 1)[0].upper()
                    if key in ("BODY", "SMTPUTF8") and lmtp.has_extn("8bitmime" if key == "BODY" else key):
                        options.append(option)
                code, text = lmtp.mail(envelope.mail_from, options)
                if code != 250:
                    return self.reply(code, text)
                # Check every recipient before sending any data, so that a refused one
                # fails the whole message instead of leaving it half delivered.
                for rcpt in envelope.rcpt_tos:
                    code, text = lmtp.rcpt(rcpt)
                    if code not in (250, 251):
                        return self.reply(code, text)
                # LMTP answers DATA once per recipient; smtplib reads only the first.
                replies = [lmtp.data(content)]
                replies += [lmtp.getreply() for _ in envelope.rcpt_tos[1:]]
                for code, text in replies:
                    if code != 250:
                        return self.reply(code, text)
        except (OSError, smtplib.SMTPException, UnicodeError) as e:
            return f"451 4.4.0 LMTP delivery failed: {e}"
        return "250 2.0.0 OK delivered"

    @staticmethod
    def reply(code, message):
        text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
        return f"{code} {' '.join(text.split())}"


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default="127.0.0.1:10025", type=host_port)
    parser.add_argument("--lmtp", default="127.0.0.1:10024", type=host_port)
    parser.add_argument("--password", default="secret")
    args = parser.parse_args()

    logging.basicConfig(format="%(asctime)s %(name)s: %(message)s", level=logging.INFO)
    # aiosmtpd's own logger: per-command chatter and a deprecation warning on every AUTH.
    logging.getLogger("mail.log").setLevel(logging.ERROR)

    relay = Relay(args.lmtp, args.password)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(relay, hostname="mentormail-test", enable_SMTPUTF8=True,
                     authenticator=relay.authenticate, auth_require_tls=False),
        *args.listen)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    log.info("listening on %s:%d, delivering to LMTP %s:%d", *args.listen, *args.lmtp)
    await stop.wait()
    server.close()
    log.info("stopped")


if __name__ == "__main__":
    asyncio.run(main())
