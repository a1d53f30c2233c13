# shellcheck shell=bash
# Feed and sitemap checks: every feed the Swift tests fetched, read by PyPI's
# feedparser (RSS, Atom) and validated against the JSON Feed 1.1 schema
# (jsonschema); every sitemap validated against scripts/checks/sitemaps/*.xsd (xmlschema).
#
# Source this file, then:
#   feeds_setup          # install feedparser, jsonschema and xmlschema with pip, only when missing
#   feeds_check DIR      # check every *.rss.xml, *.atom.xml, *.json and *.sitemap.xml in DIR

GAZETTE_FEEDPARSER_VERSION="${GAZETTE_FEEDPARSER_VERSION:-6.0.11}"
_gazette_feeds_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

feeds_setup() {
  if python3 -c 'import feedparser, jsonschema, xmlschema' >/dev/null 2>&1; then
    return 0
  fi
  printf '[feeds] installing feedparser, jsonschema and xmlschema with pip\n' >&2
  PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check \
    "feedparser==$GAZETTE_FEEDPARSER_VERSION" jsonschema xmlschema >&2
}

feeds_check() {
  python3 "$_gazette_feeds_root/scripts/lib/check_feeds.py" "$1" \
    "$_gazette_feeds_root/scripts/checks/feeds/jsonfeed-1.1.schema.json" "$_gazette_feeds_root/scripts/checks/sitemaps"
}
