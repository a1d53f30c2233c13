#!/usr/bin/env python3
"""Times Gazette's discovery pages over one kept-alive HTTP connection on 127.0.0.1.

Usage: discovery_client.py PORT [--rounds N]

Prints, for a fixed set of searches, each query's median and the p50/p95 over all of them; then the
time of the first and the repeated requests for /feed/, /sitemap.xml and each sitemap it lists.
One request at a time: this is the latency a reader or a crawler sees, not throughput.
"""

import argparse
import http.client
import re
import statistics
import time
import urllib.parse

# Words from `gazette generate`'s vocabulary, from the commonest to rare ones, alone and combined, plus
# a prefix ("harbo"), a misspelling with no match and a query of nothing but stop words.
QUERIES = [
    "government",
    "minister budget",
    "storm flood",
    "harbour",
    "election campaign candidate",
    "victims",
    "hospital patients vaccine",
    "police court",
    "climate",
    "prionsair",
    "thetgeele",
    "the",
    "harbo",
    "goverment",
]


def fetch(connection, path):
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")
    return elapsed, body


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--documents-only", action="store_true", help="skip the searches")
    options = parser.parse_args()
    connection = http.client.HTTPConnection("127.0.0.1", options.port, timeout=60)
    if not options.documents_only:
        searches(connection, options.rounds)
    documents(connection)


def searches(connection, rounds):
    print(f"search, {rounds} rounds of {len(QUERIES)} queries, after one warm-up round")
    print(f"  {'query':32} {'results':>16} {'median ms':>10}")
    everything = []
    for query in QUERIES:
        path = "/search?q=" + urllib.parse.quote(query)
        _, body = fetch(connection, path)
        found = re.search(rb'class="search-summary">([^<]*)<', body)
        summary = found.group(1).decode() if found else "?"
        times = [fetch(connection, path)[0] for _ in range(rounds)]
        everything.extend(times)
        print(f"  {query:32} {summary.replace(' articles found.', ''):>16} {statistics.median(times):10.1f}")
    print(f"SEARCH_P50_MS {percentile(everything, 0.50):.1f}")
    print(f"SEARCH_P95_MS {percentile(everything, 0.95):.1f}")
    print(f"SEARCH_MAX_MS {max(everything):.1f}")


def documents(connection):
    print("feeds and sitemaps: first request, then the median of 5 more")
    first_feed, _ = fetch(connection, "/feed/")
    again = statistics.median(fetch(connection, "/feed/")[0] for _ in range(5))
    print(f"FEED_MS /feed/ {first_feed:.1f} {again:.1f}")
    first_index, index = fetch(connection, "/sitemap.xml")
    again = statistics.median(fetch(connection, "/sitemap.xml")[0] for _ in range(5))
    print(f"SITEMAP_MS /sitemap.xml {first_index:.1f} {again:.1f}")
    for location in re.findall(rb"<loc>([^<]+)</loc>", index):
        path = urllib.parse.urlsplit(location.decode()).path
        first, body = fetch(connection, path)
        again = statistics.median(fetch(connection, path)[0] for _ in range(5))
        urls = body.count(b"<url>")
        print(f"SITEMAP_MS {path} {first:.1f} {again:.1f} {urls}")
    first_news, body = fetch(connection, "/news-sitemap.xml")
    again = statistics.median(fetch(connection, "/news-sitemap.xml")[0] for _ in range(5))
    print(f"SITEMAP_MS /news-sitemap.xml {first_news:.1f} {again:.1f} {body.count(b'<url>')}")


if __name__ == "__main__":
    main()
