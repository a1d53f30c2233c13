#!/usr/bin/env python3
"""A webhook receiver on 127.0.0.1 for Gazette's tests (standard library only).

Prints "READY <port>" once listening, writes each request it gets as one JSON line to --log
({"status", "headers", "body"}), answers 500 to the first --fail-first requests and --status (200) after, and stops
when its standard input closes.
"""
import argparse
import hashlib
import hmac
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def verify(secret: str, header: str, body: bytes) -> bool:
    """Checks a Gazette-Signature header, as the README shows a receiver doing it."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    signed = parts["t"].encode() + b"." + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log", required=True)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--status", type=int, default=200, help="the answer after the failures")
    options = parser.parse_args()
    lock = threading.Lock()
    seen = [0]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with lock:
                seen[0] += 1
                status = 500 if seen[0] <= options.fail_first else options.status
                with open(options.log, "a", encoding="utf-8") as log:
                    log.write(json.dumps({"status": status, "headers": dict(self.headers.items()),
                                          "body": body.decode("utf-8")}) + "\n")
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.send_header("Content-Length", "2")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", options.port), Handler)
    print(f"READY {server.server_address[1]}", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
