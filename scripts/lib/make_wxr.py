#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of a made-up news site, for the import benchmark.

Usage: make_wxr.py --posts N --comments M OUT

The same arguments always give the same file. Posts have about 360 words in paragraphs separated by
blank lines (WordPress's stored form), 1-2 categories from a two-level hierarchy and up to five tags;
every tenth has a featured image (an attachment item), every fiftieth a [caption] shortcode. One post in
a hundred is a page; statuses are mostly publish, with drafts, trash and future posts. Comments are
spread unevenly over the posts (the newest get more), a third of them replies, with every moderation
status.
"""
import argparse
import random
from xml.sax.saxutils import escape

WORDS = (
    "harbour council ferry vote budget school river bridge market storm police mayor report season team "
    "museum library station housing plan energy water road festival winter summer court street island "
    "minister health hospital price rate town village coast fishing weather rail route project study "
    "public local record year week night morning crowd strike union deal board land forest farm election"
).split()


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def body(rng, number):
    paragraphs = []
    words = 0
    while words < 360:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        words += paragraph.count(" ") + 1
        paragraphs.append(paragraph)
    if number % 50 == 0:
        paragraphs.insert(1, '[caption id="attachment_1" align="alignnone" width="640"]'
                             '<img src="https://bench.example/wp-content/uploads/photo.jpg" alt="A photo" /> '
                             'A caption[/caption]')
    return "\n\n".join(paragraphs)


def comment_counts(rng, posts, comments):
    """Comments per post: weighted towards newer posts, summing to `comments`."""
    weights = [1.0 + 3.0 * (i / max(1, posts - 1)) ** 2 for i in range(posts)]
    total = sum(weights)
    counts = [int(comments * w / total) for w in weights]
    for i in range(comments - sum(counts)):
        counts[rng.randrange(posts)] += 1
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=100000)
    parser.add_argument("--comments", type=int, default=500000)
    parser.add_argument("out")
    args = parser.parse_args()
    rng = random.Random(20261129)
    ns = "http://wordpress.org/export/1.2/"
    counts = comment_counts(rng, args.posts, args.comments)
    categories = [("section-%d" % i, "", "Section %d" % i) for i in range(10)]
    categories += [("desk-%d" % i, "section-%d" % (i % 10), "Desk %d" % i) for i in range(20)]
    tags = ["topic-%d" % i for i in range(200)]
    comment_id = 1
    with open(args.out, "w", encoding="utf-8") as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="%sexcerpt/" '
          'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="%s">\n<channel>\n' % (ns, ns))
        w("<title>Bench Gazette</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>\n"
          "<wp:base_site_url>https://bench.example</wp:base_site_url>"
          "<wp:base_blog_url>https://bench.example</wp:base_blog_url>\n")
        for i in range(20):
            w("<wp:author><wp:author_id>%d</wp:author_id><wp:author_login>%s</wp:author_login>"
              "<wp:author_email>writer%d@bench.example</wp:author_email>"
              "<wp:author_display_name>%s</wp:author_display_name></wp:author>\n"
              % (i + 1, cdata("writer%d" % i), i, cdata("Writer Number %d" % i)))
        for n, (slug, parent, name) in enumerate(categories):
            w("<wp:category><wp:term_id>%d</wp:term_id><wp:category_nicename>%s</wp:category_nicename>"
              "<wp:category_parent>%s</wp:category_parent><wp:cat_name>%s</wp:cat_name></wp:category>\n"
              % (n + 1, slug, parent, cdata(name)))
        for n, slug in enumerate(tags):
            w("<wp:tag><wp:term_id>%d</wp:term_id><wp:tag_slug>%s</wp:tag_slug><wp:tag_name>%s</wp:tag_name></wp:tag>\n"
              % (n + 100, slug, cdata(slug.replace("-", " ").title())))
        for number in range(args.posts):
            post_id = number * 2 + 10
            seconds = 1_500_000_000 + number * 1_500
            year, month, day, hour, minute, second = gmtime(seconds)
            date = "%04d-%02d-%02d %02d:%02d:%02d" % (year, month, day, hour, minute, second)
            is_page = number % 100 == 99
            roll = rng.random()
            status = "publish" if roll < 0.95 else "draft" if roll < 0.98 else "trash" if roll < 0.99 else "future"
            if status == "future":
                date = "2031-01-01 00:00:00"
            title = sentence(rng)[:-1]
            slug = "-".join(title.lower().split()[:6])
            path = "/%s/" % slug if is_page else "/%04d/%02d/%02d/%s/" % (year, month, day, slug)
            meta = ""
            if number % 10 == 0:
                meta = ("<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>%d</wp:meta_value>"
                        "</wp:postmeta>" % (post_id + 1))
                w("<item><title>photo-%d.jpg</title><wp:post_id>%d</wp:post_id><wp:post_parent>%d</wp:post_parent>"
                  "<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
                  "<wp:attachment_url>https://bench.example/wp-content/uploads/photo-%d.jpg</wp:attachment_url>"
                  "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>%s</wp:meta_value>"
                  "</wp:postmeta></item>\n" % (number, post_id + 1, post_id, number, cdata("A photo " + title)))
            terms = ""
            if not is_page:
                for slug_, _, name in rng.sample(categories, rng.randint(1, 2)):
                    terms += '<category domain="category" nicename="%s">%s</category>' % (slug_, cdata(name))
                for tag in rng.sample(tags, rng.randint(0, 5)):
                    terms += '<category domain="post_tag" nicename="%s">%s</category>' % (
                        tag, cdata(tag.replace("-", " ").title()))
            w("<item><title>%s</title><link>https://bench.example%s</link><dc:creator>%s</dc:creator>"
              "<guid isPermaLink=\"false\">https://bench.example/?p=%d</guid>"
              "<content:encoded>%s</content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>"
              "<wp:post_id>%d</wp:post_id><wp:post_date>%s</wp:post_date><wp:post_date_gmt>%s</wp:post_date_gmt>"
              "<wp:comment_status>open</wp:comment_status><wp:post_name>%s</wp:post_name>"
              "<wp:status>%s</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>%s</wp:post_type>%s%s\n"
              % (cdata(title), path, cdata("writer%d" % rng.randrange(20)), post_id, cdata(body(rng, number)),
                 post_id, date, date, slug, status, "page" if is_page else "post", terms, meta))
            first = comment_id
            for c in range(counts[number]):
                parent = 0
                if c > 0 and rng.random() < 0.33:
                    parent = rng.randrange(first, comment_id)
                roll = rng.random()
                approved = "1" if roll < 0.9 else "0" if roll < 0.95 else "spam" if roll < 0.98 else "trash"
                cyear, cmonth, cday, chour, cminute, csecond = gmtime(seconds + 60 * (c + 1))
                cdate = "%04d-%02d-%02d %02d:%02d:%02d" % (cyear, cmonth, cday, chour, cminute, csecond)
                w("<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author>%s</wp:comment_author>"
                  "<wp:comment_author_email>reader%d@mail.example</wp:comment_author_email>"
                  "<wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>192.0.2.%d</wp:comment_author_IP>"
                  "<wp:comment_date>%s</wp:comment_date><wp:comment_date_gmt>%s</wp:comment_date_gmt>"
                  "<wp:comment_content>%s</wp:comment_content><wp:comment_approved>%s</wp:comment_approved>"
                  "<wp:comment_type>comment</wp:comment_type><wp:comment_parent>%d</wp:comment_parent>"
                  "<wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n"
                  % (comment_id, cdata("Reader %d" % (comment_id % 5000)), comment_id % 5000, comment_id % 250,
                     cdate, cdate, cdata(" ".join(sentence(rng) for _ in range(rng.randint(1, 3)))), approved,
                     parent))
                comment_id += 1
            w("</item>\n")
        w("</channel>\n</rss>\n")


def gmtime(seconds):
    import time
    t = time.gmtime(seconds)
    return t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec


if __name__ == "__main__":
    main()
