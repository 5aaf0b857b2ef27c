"""A mail server stand-in on loopback for the e-mail delivery tests (aiosmtpd).

It makes a throwaway certificate for 127.0.0.1 in DIR (cert.pem, the one the client must trust), listens on a free
loopback port with STARTTLS required before AUTH (or TLS from the start with --implicit-tls), takes only the account
--user/--password, and writes each message it takes to DIR as mail-N.eml and, parsed by Python's own e-mail package,
mail-N.json (envelope, whether it came over TLS, headers, lines over 78 characters, and each MIME part's type, name,
size, first bytes, SHA-256 and text).
--refuse RCPT answers 550 to that recipient; --busy N answers 451 to the first N MAIL commands; --fake-starttls
answers STARTTLS with 250 and stays in the clear (a downgrade a client must not take for consent). It prints
"PORT <n>" when it listens and stops when its standard input closes.
"""
import argparse
import asyncio
import hashlib
import json
import os
import ssl
import subprocess
import sys
import threading
from email import policy
from email.parser import BytesParser

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user", default="ops@shop.example")
    parser.add_argument("--password", default="secret")
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--busy", type=int, default=0)
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--no-tls", action="store_true")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--fake-starttls", action="store_true")
    args = parser.parse_args()

    cert, key = os.path.join(args.dir, "cert.pem"), os.path.join(args.dir, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    state = {"mails": 0, "busy": args.busy}

    class Handler:
        async def handle_MAIL(self, server, session, envelope, address, options):
            if state["busy"] > 0:
                state["busy"] -= 1
                return "451 4.3.2 busy, try again later"
            envelope.mail_from = address
            return "250 OK"

        async def handle_RCPT(self, server, session, envelope, address, options):
            if address in args.refuse:
                return "550 5.1.1 no such mailbox"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            state["mails"] += 1
            base = os.path.join(args.dir, "mail-%d" % state["mails"])
            raw = envelope.original_content or envelope.content
            with open(base + ".eml", "wb") as f:
                f.write(raw)
            message = BytesParser(policy=policy.default).parsebytes(raw)
            parts = []
            for part in message.walk():
                if part.is_multipart():
                    continue
                payload = part.get_payload(decode=True) or b""
                entry = {"type": part.get_content_type(), "filename": part.get_filename(), "size": len(payload),
                         "magic": payload[:4].hex(),
                         "sha256": hashlib.sha256(payload).hexdigest()}
                if part.get_content_maintype() == "text":
                    entry["text"] = part.get_content()
                parts.append(entry)
            summary = {
                "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                "tls": session.ssl is not None, "authenticated": bool(session.authenticated),
                "subject": str(message["subject"]), "from": str(message["from"]), "to": str(message["to"]),
                "date": str(message["date"]), "message_id": str(message["message-id"]),
                "defects": [str(d) for part in message.walk() for d in part.defects],
                "long_lines": [line.decode("ascii", "replace") for line in raw.split(b"\r\n") if len(line) > 78],
                "bare_lf": raw.replace(b"\r\n", b"").count(b"\n"),
                "parts": parts,
            }
            with open(base + ".json.tmp", "w") as f:
                json.dump(summary, f, ensure_ascii=False)
            os.replace(base + ".json.tmp", base + ".json")
            return "250 2.0.0 queued as %d" % state["mails"]

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == args.user.encode() \
            and auth_data.password == args.password.encode()
        return AuthResult(success=ok, handled=False)

    class FakeStartTLS(SMTP):
        """Says yes to STARTTLS without starting it (what a man in the middle stripping TLS would say)."""
        async def smtp_STARTTLS(self, arg):
            await self.push("250 OK")

    def factory():
        if args.fake_starttls:
            return FakeStartTLS(Handler(), tls_context=context, authenticator=authenticator, auth_required=True,
                                auth_require_tls=False)
        if args.no_tls:
            return SMTP(Handler(), authenticator=authenticator, auth_required=True, auth_require_tls=False)
        if args.implicit_tls:
            return SMTP(Handler(), authenticator=authenticator, auth_required=True, auth_require_tls=False)
        return SMTP(Handler(), tls_context=context, require_starttls=True, authenticator=authenticator,
                    auth_required=True, auth_require_tls=True)

    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(
        factory, args.host, 0, ssl=context if args.implicit_tls else None))
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
    threading.Thread(target=lambda: (sys.stdin.read(), loop.call_soon_threadsafe(loop.stop)), daemon=True).start()
    loop.run_forever()


if __name__ == "__main__":
    main()
