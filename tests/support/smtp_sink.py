#!/usr/bin/env python3
"""An SMTP server for the tests (Signpost::Test::SmtpSink): smtp_sink.py DIR [PORT].

Listens on 127.0.0.1 (PORT, or a free one) and prints "listening PORT" once
it serves. Every accepted message becomes DIR/NNNNNN.eml (raw, as received)
with its envelope in DIR/NNNNNN.json, written before the .eml appears.
DIR/config.json is read afresh for every command, so the test can change the
answers at any time:
  {"refuse": {"rcpt@x": "550 5.1.1 No such user"},   answered to RCPT
   "refuse_data": {"rcpt@x": "554 5.7.1 Spam"},      answered to DATA
   "hang": false,          true: DATA is never answered
   "auth": {"user": "password"}}   AUTH PLAIN/LOGIN offered and required
"""
import asyncio
import json
import logging
import os
import signal
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult

directory = sys.argv[1]


def config():
    try:
        with open(os.path.join(directory, "config.json"), encoding="utf-8") as file:
            return json.load(file)
    except FileNotFoundError:
        return {}


def say(text):
    print(text, file=sys.stderr, flush=True)


def write(name, data):
    # Written whole, then renamed: the test never sees half a file.
    temporary = os.path.join(directory, "." + name + ".tmp")
    with open(temporary, "wb") as file:
        file.write(data)
    os.replace(temporary, os.path.join(directory, name))


class Handler:
    def __init__(self):
        self.count = len([n for n in os.listdir(directory) if n.endswith(".eml")])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = config().get("refuse", {}).get(address.lower())
        say(f"RCPT {address}: {reply or '250'}")
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        settings = config()
        if settings.get("hang"):
            say(f"DATA for {envelope.rcpt_tos}: hanging")
            await asyncio.Event().wait()  # until the client goes away
        refusals = settings.get("refuse_data", {})
        for address in envelope.rcpt_tos:
            if address.lower() in refusals:
                say(f"DATA for {envelope.rcpt_tos}: {refusals[address.lower()]}")
                return refusals[address.lower()]
        self.count += 1
        name = f"{self.count:06d}"
        user = session.auth_data.login.decode() if session.authenticated else None
        write(name + ".json", json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                                          "user": user}).encode())
        write(name + ".eml", envelope.original_content)
        say(f"DATA for {envelope.rcpt_tos}: stored {name}.eml")
        return "250 OK stored " + name


def authenticate(server, session, envelope, mechanism, auth_data):
    users = config().get("auth", {})
    login, password = auth_data.login.decode(), auth_data.password.decode()
    ok = login in users and users[login] == password
    say(f"AUTH {mechanism} {login}: {'ok' if ok else 'refused'}")
    # handled=False: aiosmtpd answers a failure with 535 itself.
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


async def main():
    # Deliberate: AUTH without TLS, on loopback only; and aiosmtpd's own
    # deprecation notes would only bury what this script says.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    loop = asyncio.get_running_loop()
    handler = Handler()

    def session():
        # Per connection, so that credentials set later apply to the next one.
        # Without them AUTH is not offered: aiosmtpd hides it until TLS, which never comes.
        auth = bool(config().get("auth"))
        return SMTP(handler, hostname="sink.test", loop=loop, authenticator=authenticate,
                    auth_require_tls=not auth, auth_required=auth)

    server = await loop.create_server(session, "127.0.0.1", int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    # SIGTERM is a clean exit (status 0); hung sessions are simply dropped.
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print("listening", server.sockets[0].getsockname()[1], flush=True)
    await stop.wait()
    server.close()


asyncio.run(main())
