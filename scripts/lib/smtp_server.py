#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for Gazette's tests (aiosmtpd, from PyPI).

It offers STARTTLS with a certificate from a throwaway certificate authority
(written to --dir as ca.pem, for the client to trust), requires AUTH (PLAIN or
LOGIN, only after TLS) with --user/--password, and writes every message it
accepts to --dir/mail/N.eml, with N.json holding the envelope. It prints
"READY <port> <ca.pem>" when it listens, and stops on SIGTERM or when its
standard input closes. Addresses starting with "reject-" are refused with 550,
"later-" with 451, to test permanent and passing failures. With --log-only
(benchmarks) it keeps no files: one line per message in mail/received.log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import json
import signal
import socket
import ssl
import sys
import threading
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def make_certificates(folder: Path) -> ssl.SSLContext:
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Gazette test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    (folder / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "server.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "server.key").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "server.pem", folder / "server.key")
    return context


class Mailbox:
    def __init__(self, folder: Path, log_only: bool = False):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()
        # Benchmarks: one line per message ("<unix ms> <recipient>") in received.log, no files.
        self.log = (folder / "received.log").open("a", buffering=1) if log_only else None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject-"):
            return "550 5.1.1 No such mailbox here"
        if address.startswith("later-"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.log is not None:
            stamp = int(dt.datetime.now(dt.timezone.utc).timestamp() * 1000)
            for address in envelope.rcpt_tos:
                self.log.write(f"{stamp} {address}\n")
            return "250 2.0.0 Queued"
        with self.lock:
            self.count += 1
            number = self.count
        (self.folder / f"{number}.eml").write_bytes(envelope.original_content or envelope.content)
        (self.folder / f"{number}.json").write_text(
            json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos, "options": envelope.mail_options})
        )
        return "250 2.0.0 Queued"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user", default="gazette")
    parser.add_argument("--password", default="test-password")
    parser.add_argument("--log-only", action="store_true", help="log recipients to mail/received.log, keep no files")
    args = parser.parse_args()
    folder = Path(args.dir)
    (folder / "mail").mkdir(parents=True, exist_ok=True)
    tls = make_certificates(folder)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == args.user
            and auth_data.password.decode() == args.password
        )
        # handled=False: aiosmtpd answers (235, or 535 for a wrong password) itself.
        return AuthResult(success=ok, handled=False)

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(
        Mailbox(folder / "mail", log_only=args.log_only), hostname="127.0.0.1", port=port, tls_context=tls, require_starttls=True,
        authenticator=authenticate, auth_required=True, auth_require_tls=True, enable_SMTPUTF8=True,
    )
    controller.start()
    print(f"READY {port} {folder / 'ca.pem'}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
