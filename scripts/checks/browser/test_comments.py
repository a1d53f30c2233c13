"""Reader comments, as readers use them: headless Chromium clicks and types
on a real Gazette site (see conftest.py), and the moderator uses the CLI."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 20  # seconds, for every explicit wait
# The form is signed with the time it was shown; a comment posted less than
# comments.minimum_seconds (3) later is taken for a bot's. People take longer.
TYPING_TIME = 3.5
AWAITING = "Your comment is awaiting moderation."


@dataclass
class Reader:
    name: str
    email: str
    website: str
    comment: str
    remember: bool = False  # ticks "Save my name, email, and website ..."


ANN = Reader(
    name="Ann Reader",
    email="ann.reader.7f3k@example.com",
    website="https://ann.example.org/",
    comment="Thanks for the welcome! Does Gazette support scheduled posts?",
)
BOB = Reader(
    name="Bob Replier",
    email="bob.replier.q9z2@example.net",
    website="",
    comment="Ann, it does: set a future date and it goes out by itself.",
    remember=True,
)
CLEO = Reader(
    name="Cleo Typo",
    email="not-an-email",
    website="https://cleo.example.com/blog?x=1&y=2",
    comment='First line of my thoughts.\nSecond line, with <b>tags</b> & "quotes".\n\n'
    "    An indented line after a blank one.",
)
CLEO_REAL_EMAIL = "cleo.typo.m4w8@example.org"
ALL_EMAILS = (ANN.email, BOB.email, CLEO_REAL_EMAIL)


# ---------------------------------------------------------------- helpers


def wait(driver: WebDriver, timeout: float = WAIT) -> WebDriverWait:
    # An element may go stale while the next page replaces the current one.
    return WebDriverWait(
        driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
    )


def open_welcome_article(driver: WebDriver, site) -> float:
    """Goes to the front page and clicks the welcome article's link, as a
    reader would. Returns the time the article page was shown."""
    driver.get(site.url("/"))
    link = wait(driver).until(
        EC.element_to_be_clickable((By.LINK_TEXT, "Welcome to Gazette")),
        "no 'Welcome to Gazette' link on the front page",
    )
    link.click()
    wait(driver).until(EC.presence_of_element_located((By.ID, "commentform")))
    shown_at = time.monotonic()
    path = driver.current_url.removeprefix(site.base_url)
    days = {site.started_on, dt.datetime.now(dt.timezone.utc).date()}
    expected = {d.strftime("/%Y/%m/%d/welcome-to-gazette/") for d in days}
    assert path in expected, f"welcome article at {path!r}, expected one of {sorted(expected)}"
    return shown_at


def type_into(driver: WebDriver, element_id: str, text: str) -> None:
    field = driver.find_element(By.ID, element_id)
    field.click()
    field.clear()
    if text:
        field.send_keys(text)


def fill_form(driver: WebDriver, reader: Reader) -> None:
    type_into(driver, "author", reader.name)
    type_into(driver, "email", reader.email)
    type_into(driver, "url", reader.website)
    type_into(driver, "comment", reader.comment)
    remember = driver.find_element(By.ID, "remember")
    if remember.is_selected() != reader.remember:
        remember.click()


def submit_after_typing_time(driver: WebDriver, shown_at: float) -> None:
    """Clicks "Post Comment" no sooner than TYPING_TIME after the form was
    shown, and waits for the next page."""
    left = TYPING_TIME - (time.monotonic() - shown_at)
    if left > 0:
        time.sleep(left)  # deliberate: a person's typing time (see TYPING_TIME)
    button = driver.find_element(By.ID, "submit")
    assert button.get_attribute("value") == "Post Comment"
    form = driver.find_element(By.ID, "commentform")
    button.click()
    wait(driver).until(EC.staleness_of(form), "the form was not submitted")
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")


def posted_comment_id(driver: WebDriver) -> int:
    """After a successful post the browser lands on the article at #comment-ID."""
    wait(driver).until(
        lambda d: re.search(r"#comment-\d+$", d.current_url),
        "after posting, the URL does not end with #comment-ID",
    )
    return int(re.search(r"#comment-(\d+)$", driver.current_url).group(1))


def heading(driver: WebDriver) -> str:
    return driver.find_element(By.ID, "comments-title").text.strip()


def own_awaiting_notes(driver: WebDriver, comment_id: int) -> list:
    """The moderation notes of comment ID itself (not of its replies)."""
    return [
        note
        for note in driver.find_elements(
            By.CSS_SELECTOR, f"li#comment-{comment_id} .comment-awaiting-moderation"
        )
        if note.find_element(By.XPATH, "ancestor::li[contains(@class,'comment')][1]").get_attribute("id")
        == f"comment-{comment_id}"
    ]


def depth(item) -> int:
    """N of an li's depth-N class."""
    [n] = re.findall(r"(?:^|\s)depth-(\d+)(?:\s|$)", item.get_attribute("class") or "")
    return int(n)


def comment_ids_shown(driver: WebDriver) -> set[int]:
    ids = set()
    for li in driver.find_elements(By.CSS_SELECTOR, "#comments li.comment"):
        match = re.fullmatch(r"comment-(\d+)", li.get_attribute("id") or "")
        if match:
            ids.add(int(match.group(1)))
    return ids


def assert_emails_private(driver: WebDriver, own_form_may_hold_email: bool = False) -> None:
    """No reader's email address is anywhere in the page, in any common
    encoding. When the page is the reader's own form coming back (after an
    error, or with details the reader asked to be remembered), the email
    input's own value is allowed."""
    source = driver.page_source
    if own_form_may_hold_email:
        source = re.sub(r'<input\b[^>]*\bid="email"[^>]*>', '<input id="email">', source)
    lowered = source.lower()
    for email in ALL_EMAILS:
        for form in (email, email.replace("@", "&#64;"), email.replace("@", "&#x40;"),
                     email.replace("@", "%40"), email.split("@")[0] + "&commat;"):
            assert form.lower() not in lowered, (
                f"the page {driver.current_url} shows a reader's email address ({form})"
            )


def comment_line(site, comment_id: int) -> str:
    lines = [line for line in site.comment_lines() if line.startswith(f"#{comment_id} ")]
    assert len(lines) == 1, f"`gazette comments list` has no single line for #{comment_id}: {lines}"
    return lines[0]


# ---------------------------------------------------------------- tests


def test_comment_held_approved_and_replied_to(site, new_browser):
    # 1. Ann posts a comment; she alone sees it, marked as awaiting moderation.
    ann = new_browser()
    shown_at = open_welcome_article(ann, site)
    article_url = ann.current_url
    assert heading(ann) == "No comments yet"
    assert ann.find_element(By.ID, "reply-title").text.strip() == "Leave a Reply"
    notes = ann.find_element(By.CSS_SELECTOR, "#commentform .comment-notes").text
    assert "Your email address will not be published." in notes
    assert "Required fields are marked *" in notes
    fill_form(ann, ANN)
    submit_after_typing_time(ann, shown_at)
    ann_id = posted_comment_id(ann)
    assert ann.current_url.split("#")[0] == article_url

    item = wait(ann).until(EC.visibility_of_element_located((By.ID, f"comment-{ann_id}")))
    assert ANN.name in item.find_element(By.CSS_SELECTOR, ".comment-author").text
    assert item.find_element(By.CSS_SELECTOR, ".comment-content").text.strip() == ANN.comment
    [note] = own_awaiting_notes(ann, ann_id)
    assert note.is_displayed() and note.text.strip() == AWAITING
    assert_emails_private(ann)  # she did not ask to be remembered

    line = comment_line(site, ann_id)
    assert "[pending]" in line and ANN.name in line, line

    # Nobody else sees a comment that waits for moderation.
    other = new_browser()
    other.get(article_url)
    wait(other).until(EC.presence_of_element_located((By.ID, "commentform")))
    assert other.find_elements(By.ID, f"comment-{ann_id}") == []
    assert ANN.comment not in other.find_element(By.ID, "comments").text
    assert heading(other) == "No comments yet"
    assert_emails_private(other)

    # 2. The moderator approves it: Ann's note goes, and the count shows it.
    site.cli("comments", "approve", str(ann_id))
    assert "[approved]" in comment_line(site, ann_id)
    ann.refresh()
    wait(ann).until(lambda d: heading(d) == "1 Comment", "heading is not '1 Comment' after approval")
    item = ann.find_element(By.ID, f"comment-{ann_id}")
    assert own_awaiting_notes(ann, ann_id) == []
    assert AWAITING not in item.text

    # ... and everyone sees it now.
    other.get(article_url)
    item = wait(other).until(EC.visibility_of_element_located((By.ID, f"comment-{ann_id}")))
    assert heading(other) == "1 Comment"
    assert item.find_element(By.CSS_SELECTOR, ".comment-content").text.strip() == ANN.comment
    assert own_awaiting_notes(other, ann_id) == []
    assert_emails_private(other)

    # 3. Bob, in that other browser, replies to Ann.
    reply_link = item.find_element(By.CSS_SELECTOR, "a.comment-reply-link")
    assert reply_link.text.strip() == "Reply"
    assert reply_link.get_attribute("href").endswith(f"?replytocom={ann_id}#respond")
    reply_link.click()
    wait(other).until(
        lambda d: d.find_element(By.ID, "reply-title").text.startswith(f"Leave a Reply to {ANN.name}"),
        "the form's title does not name the comment being replied to",
    )
    shown_at = time.monotonic()
    assert f"replytocom={ann_id}" in other.current_url
    cancel = other.find_element(By.LINK_TEXT, "Cancel reply")
    assert cancel.is_displayed()
    assert_emails_private(other)
    fill_form(other, BOB)
    submit_after_typing_time(other, shown_at)
    bob_id = posted_comment_id(other)
    assert bob_id != ann_id

    reply = wait(other).until(
        EC.visibility_of_element_located(
            (By.CSS_SELECTOR, f"li#comment-{ann_id} ol.children li#comment-{bob_id}")
        ),
        "the reply is not nested in its parent's ol.children",
    )
    assert BOB.name in reply.find_element(By.CSS_SELECTOR, ".comment-author").text
    assert reply.find_element(By.CSS_SELECTOR, ".comment-content").text.strip() == BOB.comment
    [note] = own_awaiting_notes(other, bob_id)
    assert note.text.strip() == AWAITING
    parent_depth = depth(other.find_element(By.ID, f"comment-{ann_id}"))
    assert depth(reply) == parent_depth + 1, (parent_depth, depth(reply))
    # Bob asked to be remembered: the form is his again, with an empty comment.
    assert other.find_element(By.ID, "author").get_property("value") == BOB.name
    assert other.find_element(By.ID, "email").get_property("value") == BOB.email
    assert other.find_element(By.ID, "comment").get_property("value") == ""
    assert other.find_element(By.ID, "remember").is_selected()
    assert_emails_private(other, own_form_may_hold_email=True)
    assert "[pending]" in comment_line(site, bob_id)

    # Ann does not see Bob's reply until it is approved; a newcomer neither.
    ann.refresh()
    wait(ann).until(EC.presence_of_element_located((By.ID, f"comment-{ann_id}")))
    assert bob_id not in comment_ids_shown(ann)
    assert_emails_private(ann)
    newcomer = new_browser()
    newcomer.get(article_url)
    wait(newcomer).until(EC.presence_of_element_located((By.ID, f"comment-{ann_id}")))
    assert comment_ids_shown(newcomer) == {ann_id}
    assert heading(newcomer) == "1 Comment"
    assert_emails_private(newcomer)

    site.cli("comments", "approve", str(bob_id))
    newcomer.refresh()
    wait(newcomer).until(lambda d: heading(d) == "2 Comments", "heading is not '2 Comments'")
    assert newcomer.find_elements(
        By.CSS_SELECTOR, f"li#comment-{ann_id} ol.children li#comment-{bob_id}"
    )
    assert AWAITING not in newcomer.find_element(By.ID, "comments").text
    assert_emails_private(newcomer)


def test_invalid_email_keeps_what_was_typed(site, new_browser):
    cleo = new_browser()
    shown_at = open_welcome_article(cleo, site)
    article_path = cleo.current_url.split("#")[0]
    article_width = cleo.find_element(By.CSS_SELECTOR, "article.article").size["width"]
    before = {line.split(" ")[0] for line in site.comment_lines()}
    fill_form(cleo, CLEO)
    submit_after_typing_time(cleo, shown_at)
    shown_again_at = time.monotonic()

    error = wait(cleo).until(
        EC.visibility_of_element_located((By.ID, "email-error")),
        "no visible #email-error after posting an invalid email",
    )
    assert error.text.strip(), "the email error says nothing"
    # The page keeps the article's layout at 1280 px: the article column as wide as on the article itself,
    # the error summary above it, not pushing it into the sidebar's column.
    assert cleo.find_element(By.CSS_SELECTOR, "article.article").size["width"] == article_width
    summary = cleo.find_element(By.CSS_SELECTOR, ".comment-problem-summary")
    assert summary.location["y"] < cleo.find_element(By.CSS_SELECTOR, "article.article").location["y"]
    error_address = cleo.current_url
    assert "/comments?article=" in error_address, error_address
    # Next to the field: in the same paragraph as the email input, after it.
    field = cleo.find_element(By.ID, "email")
    assert error.find_element(By.XPATH, "..") == field.find_element(By.XPATH, "..")
    assert cleo.find_elements(By.XPATH, "//input[@id='email']/following-sibling::*[@id='email-error']")
    assert cleo.find_elements(By.CSS_SELECTOR, "#author-error, #url-error, #comment-error") == []

    # Everything typed is still there, exactly.
    assert cleo.find_element(By.ID, "author").get_property("value") == CLEO.name
    assert cleo.find_element(By.ID, "email").get_property("value") == CLEO.email
    assert cleo.find_element(By.ID, "url").get_property("value") == CLEO.website
    assert cleo.find_element(By.ID, "comment").get_property("value") == CLEO.comment
    assert_emails_private(cleo, own_form_may_hold_email=True)
    assert {line.split(" ")[0] for line in site.comment_lines()} == before, "an invalid comment was stored"

    # Correcting the email is enough to post it.
    type_into(cleo, "email", CLEO_REAL_EMAIL)
    submit_after_typing_time(cleo, shown_again_at)
    cleo_id = posted_comment_id(cleo)
    item = wait(cleo).until(EC.visibility_of_element_located((By.ID, f"comment-{cleo_id}")))
    assert item.find_element(By.CSS_SELECTOR, ".comment-content").text.strip().splitlines()[:2] == [
        "First line of my thoughts.",
        'Second line, with <b>tags</b> & "quotes".',
    ]
    [note] = own_awaiting_notes(cleo, cleo_id)
    assert note.text.strip() == AWAITING
    assert "[pending]" in comment_line(site, cleo_id)
    assert_emails_private(cleo)  # she did not ask to be remembered

    # The error page's address, opened again, leads back to the article's comment form (no 404).
    cleo.get(error_address.split("#")[0])
    assert cleo.current_url.split("#")[0] == article_path, cleo.current_url
    assert cleo.find_elements(By.ID, "commentform")
