"""A WordPress REST client against the real gazette binary.

Imports a WordPress export made by scripts/lib/make_wxr.py into a fresh data folder, serves it on
127.0.0.1, and reads it the way WordPress clients do: list posts, follow X-WP-TotalPages and the Link
header to the end, read _embed'ded authors and terms and check them against /users, /categories and
/tags, read a post's comments. Only the standard library and pytest.

Environment: GAZETTE_BINARY, the gazette executable (required).
"""

from __future__ import annotations

import collections
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[3]
WP = "{http://wordpress.org/export/1.2/}"
PRIVATE = re.compile(r"@bench\.example|@mail\.example|192\.0\.2\.|author_email|author_ip", re.I)


def _env() -> dict[str, str]:
    # GAZETTE_* settings from the caller (a database URL, a theme) would change the site under test.
    return {k: v for k, v in os.environ.items() if not k.startswith("GAZETTE_")}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Site:
    def __init__(self, binary: str, data_dir: Path):
        self.port = _free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.log = open(data_dir / "serve.log", "wb")
        self.process = subprocess.Popen(
            [binary, "serve", "--host", HOST, "--port", str(self.port), "--data-dir", str(data_dir),
             "--base-url", self.base],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=_env())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "gazette serve exited early"
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("gazette serve did not become ready")

    def stop(self) -> None:
        self.process.terminate()  # by its pid, as Popen holds it
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def get(self, url: str):
        """(status, headers, parsed JSON) of an address, absolute or under /wp-json."""
        if url.startswith("/"):
            url = self.base + "/wp-json" + url
        assert url.startswith(self.base), f"a link left the site: {url}"
        try:
            with urllib.request.urlopen(url, timeout=30) as answer:
                raw = answer.read()
                status, headers = answer.status, answer.headers
        except urllib.error.HTTPError as error:
            raw, status, headers = error.read(), error.code, error.headers
        text = raw.decode("utf-8")
        assert not PRIVATE.search(text), f"private data in {url}"
        return status, headers, json.loads(text)


def _published_posts(wxr: Path) -> collections.Counter:
    titles = collections.Counter()
    for item in ET.parse(wxr).getroot().iter("item"):
        if item.findtext(WP + "post_type") == "post" and item.findtext(WP + "status") == "publish":
            titles[item.findtext("title")] += 1
    return titles


@pytest.fixture(scope="module")
def site():
    binary = os.environ.get("GAZETTE_BINARY")
    if not binary or not os.access(binary, os.X_OK):
        pytest.fail("GAZETTE_BINARY must name the built gazette executable")
    with tempfile.TemporaryDirectory(prefix="gazette-wp-client.") as folder:
        data_dir = Path(folder) / "data"
        data_dir.mkdir()
        wxr = Path(folder) / "site.xml"
        subprocess.run([sys.executable, str(ROOT / "scripts/lib/make_wxr.py"), "--posts", "60", "--comments",
                        "200", str(wxr)], check=True, env=_env(), timeout=60)
        done = subprocess.run([binary, "import", "wxr", str(wxr), "--data-dir", str(data_dir)],
                              capture_output=True, text=True, env=_env(), timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        running = Site(binary, data_dir)
        try:
            yield running, _published_posts(wxr)
        finally:
            running.stop()


def test_pagination_reaches_every_published_post_once(site):
    server, expected = site
    status, headers, first = server.get("/wp/v2/posts?per_page=7")
    assert status == 200 and len(first) == 7
    total, pages = int(headers["X-WP-Total"]), int(headers["X-WP-TotalPages"])
    assert total == sum(expected.values()) and pages == -(-total // 7)
    seen, url, visited = [], "/wp/v2/posts?per_page=7", 0
    while url:
        status, headers, posts = server.get(url)
        assert status == 200 and posts
        seen += posts
        visited += 1
        links = dict((rel, href) for href, rel in re.findall(r'<([^>]+)>;\s*rel="(\w+)"', headers.get("Link", "")))
        url = links.get("next")
    assert visited == pages
    assert len({post["id"] for post in seen}) == len(seen) == total
    assert collections.Counter(post["title"]["rendered"] for post in seen) == expected
    assert all(post["status"] == "publish" and post["type"] == "post" for post in seen)
    status, _, error = server.get(f"/wp/v2/posts?per_page=7&page={pages + 1}")
    assert status == 400 and error["code"] == "rest_post_invalid_page_number"


def test_embedded_authors_and_terms_match_their_collections(site):
    server, _ = site
    _, _, posts = server.get("/wp/v2/posts?_embed&per_page=20")
    _, _, users = server.get("/wp/v2/users?per_page=100")
    users = {user["id"]: user for user in users}
    for post in posts:
        author = post["_embedded"]["author"][0]
        assert author["id"] == post["author"]
        assert {k: users[author["id"]][k] for k in ("name", "slug", "link")} == \
            {k: author[k] for k in ("name", "slug", "link")}
        categories, tags = post["_embedded"]["wp:term"]
        assert [term["id"] for term in categories] == post["categories"] and len(categories) <= 1
        assert sorted(term["id"] for term in tags) == sorted(post["tags"])
        for kind, terms in (("categories", categories), ("tags", tags)):
            if not terms:
                continue
            ids = ",".join(str(term["id"]) for term in terms)
            _, _, listed = server.get(f"/wp/v2/{kind}?include={ids}&per_page=100")
            listed = {term["id"]: term for term in listed}
            for term in terms:
                assert {k: listed[term["id"]][k] for k in ("name", "slug", "link", "taxonomy")} == \
                    {k: term[k] for k in ("name", "slug", "link", "taxonomy")}
                assert listed[term["id"]]["count"] >= 1


def test_a_posts_comments(site):
    server, _ = site
    _, headers, _ = server.get("/wp/v2/comments?per_page=1")
    assert int(headers["X-WP-Total"]) > 0
    _, _, posts = server.get("/wp/v2/posts?per_page=20")
    for post in posts:
        _, headers, on_post = server.get(f"/wp/v2/comments?post={post['id']}&per_page=100")
        if on_post:
            break
    else:
        pytest.fail("none of the newest 20 posts has an approved comment")
    assert int(headers["X-WP-Total"]) >= len(on_post)
    assert all(c["post"] == post["id"] and c["status"] == "approved" for c in on_post)
    assert all(c["type"] == "comment" and c["content"]["rendered"] and "author_email" not in c for c in on_post)
    assert all(c["link"].startswith(post["link"] + "#comment-") for c in on_post)
    status, _, index = server.get("/")
    assert status == 200 and "wp/v2" in index["namespaces"]
