#!/usr/bin/env python3
"""Reads one email from standard input with Python's own mail parser (email, strict default policy) and
prints what a mail program would show, as JSON: the headers decoded, each part's type and text, and the
defects the parser found. Gazette's MIME tests hand it what they write."""

import json
import sys
from email import policy
from email.parser import BytesParser

message = BytesParser(policy=policy.default).parsebytes(sys.stdin.buffer.read())
parts = []
defects = [type(d).__name__ for d in message.defects]
for part in message.walk():
    defects += [type(d).__name__ for d in part.defects]
    if part.is_multipart():
        continue
    parts.append({"type": part.get_content_type(), "text": part.get_content()})
print(json.dumps({
    "subject": str(message["subject"]),
    "from": str(message["from"]),
    "to": str(message["to"]),
    "listUnsubscribe": str(message.get("list-unsubscribe", "")),
    "listUnsubscribePost": str(message.get("list-unsubscribe-post", "")),
    "messageID": str(message["message-id"]),
    "parts": parts,
    "defects": defects,
}))
