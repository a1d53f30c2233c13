"""Checks every feed and sitemap the Swift tests fetched (GAZETTE_TEST_FEED_DIR)
the way their readers will: RSS and Atom through PyPI's feedparser (no "bozo"
errors, the right version, entries with links and dates), JSON Feed against
the JSON Feed 1.1 schema in scripts/checks/feeds/, sitemaps (and the Google News
sitemap) against the XSDs in scripts/checks/sitemaps/ with PyPI's xmlschema. Prints
one line per problem; exits 1 if any.

Usage: python3 scripts/lib/check_feeds.py FEED_DIR SCHEMA_FILE SITEMAP_XSD_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import feedparser
import jsonschema
import xmlschema


def check_xml(path: Path, expected: str) -> list[str]:
    parsed = feedparser.parse(path.read_bytes())
    problems = []
    if parsed.bozo:
        problems.append(f"not well-formed or not a valid feed: {parsed.bozo_exception!r}")
    if parsed.version != expected:
        problems.append(f"feedparser read it as {parsed.version!r}, not {expected!r}")
    if not parsed.feed.get("title"):
        problems.append("the feed has no title")
    for number, entry in enumerate(parsed.entries, 1):
        for field in ("title", "link", "id", "published_parsed", "author"):
            if not entry.get(field):
                problems.append(f"entry {number} has no {field}")
        if not entry.get("content") and not entry.get("summary"):
            problems.append(f"entry {number} has no text")
    return problems


def check_json(path: Path, validator: jsonschema.Validator) -> list[str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        return [f"not JSON: {error}"]
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in validator.iter_errors(document)]


def check_sitemap(path: Path, schemas: dict[str, xmlschema.XMLSchema]) -> list[str]:
    text = path.read_text(encoding="utf-8")
    schema = schemas["siteindex"] if "<sitemapindex" in text else schemas["sitemap"]
    return [f"{e.path}: {e.reason}" for e in schema.iter_errors(text)]


def main() -> int:
    folder, schema_file, xsd_dir = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    schemas = {name: xmlschema.XMLSchema(str(xsd_dir / f"{name}.xsd")) for name in ("sitemap", "siteindex")}
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    failures = 0
    files = sorted(folder.glob("*"))
    for path in files:
        if path.name.endswith(".rss.xml"):
            problems = check_xml(path, "rss20")
        elif path.name.endswith(".atom.xml"):
            problems = check_xml(path, "atom10")
        elif path.suffix == ".json":
            problems = check_json(path, validator)
        elif path.name.endswith(".sitemap.xml"):
            problems = check_sitemap(path, schemas)
        else:
            continue
        for problem in problems:
            failures += 1
            print(f"{path.name}: {problem}")
    print(f"[feeds] {len(files)} feed(s) and sitemap(s) checked, {failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
