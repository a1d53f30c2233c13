"""The newsroom, as its people use it: headless Chromium clicks and types on
a brand-new Gazette site (the `fresh_site` fixture in conftest.py).

test_a_day_in_the_newsroom follows one story from the first-admin setup link,
through a previewed article with an uploaded photo, to a moderated comment,
then a contributor invited from the People page whose article is held for
review; test_sign_in_throttled_after_five_wrong_passwords is independent of it.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import time
import zlib
from pathlib import Path

from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

# The reader's side of comments is test_comments.py's: same helpers.
from test_comments import (
    TYPING_TIME,
    WAIT,
    Reader,
    fill_form,
    heading,
    own_awaiting_notes,
    posted_comment_id,
    type_into,
)

SETUP_LINK = r"http://127\.0\.0\.1:\d+/admin/setup/[A-Za-z0-9_-]+"
INVITE_LINK = r"http://127\.0\.0\.1:\d+/admin/invite/[A-Za-z0-9_-]+"
ADMIN_NAV = ["Dashboard", "Articles", "Media", "Comments", "People", "Subscribers", "Settings", "Webhooks", "Audit log", "Your profile", "View site"]
RESET_LINK = r"http://127\.0\.0\.1:\d+/admin/reset/[A-Za-z0-9_-]+"
WRONG_CREDENTIALS = "The email address or the password is not right."

ADMIN_NAME = "Ada Admin"
ADMIN_EMAIL = "ada.admin.k2p9@example.com"
ADMIN_PASSWORD = "harbour-lights-2026"

STORY = {
    "title": "Harbour bridge reopens after repairs",
    "dek": "Traffic flows again after eight weeks of work on the old crossing.",
    "body": "The **harbour bridge** reopened on Sunday morning.\n\n"
    "Crews replaced the deck joints and repainted the railings.",
    "tags": "Local transport",
    "category": "City",
    "source": "Harbour Herald",
    "source_url": "https://herald.example.org/2026/11/bridge-reopens",
    "image_alt": "The harbour bridge in morning light",
    "image_caption": "The bridge at dawn.",
    "image_credit": "Photo: Herald staff",
}
STORY_SLUG = "harbour-bridge-reopens-after-repairs"
TAG_SLUG = "local-transport"

DORA = Reader(
    name="Dora Reader",
    email="dora.reader.w5t1@example.org",
    website="",
    comment="Good to hear! Is the cycle lane open again too?",
)

CONTRIBUTOR_NAME = "Cody Contributor"
CONTRIBUTOR_EMAIL = "cody.contributor.r8e3@example.com"
CONTRIBUTOR_PASSWORD = "draft-writer-0042"
PITCH = {
    "title": "Night market plans a winter season",
    "body": "Stallholders want to keep the night market open through January.",
    "tags": "Markets",
}


# ---------------------------------------------------------------- helpers


def wait(driver: WebDriver, timeout: float = WAIT) -> WebDriverWait:
    """test_comments.wait, polling every 50 ms instead of 500: this test goes
    through some 40 pages."""
    return WebDriverWait(
        driver,
        timeout,
        poll_frequency=0.05,
        ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
    )


def path_of(driver: WebDriver, site) -> str:
    return driver.current_url.removeprefix(site.base_url)


def http_status(driver: WebDriver) -> int | None:
    """The HTTP status of the page shown (Navigation Timing's responseStatus)."""
    return driver.execute_script(
        "const [nav] = performance.getEntriesByType('navigation');"
        "return nav && nav.responseStatus ? nav.responseStatus : null;"
    )


def click_for_new_page(driver: WebDriver, element: WebElement) -> None:
    """Clicks a link or a submit button and waits until the next page is
    loaded. (Not with EC.staleness_of: while the old page goes away,
    ChromeDriver at times answers "Node with given id does not belong to the
    document", an error that is not a StaleElementReferenceException.)"""
    driver.execute_script("window.gazetteTestOldPage = true;")  # a new page has a new window object
    try:
        element.click()
    except WebDriverException as e:
        # The same ChromeDriver answer, when the click's navigation came
        # first; the wait below still checks that a new page came.
        if "does not belong to the document" not in str(e):
            raise

    def new_page_loaded(d: WebDriver) -> bool:
        try:
            return d.execute_script(
                "return !window.gazetteTestOldPage && document.readyState === 'complete';"
            )
        except WebDriverException:  # no page to run scripts in, for a moment
            return False

    wait(driver).until(new_page_loaded, f"the click did not lead to a new page (at {driver.current_url})")


def submit_comment_after_typing_time(driver: WebDriver, shown_at: float) -> None:
    """test_comments.submit_after_typing_time, waiting for the next page
    with click_for_new_page."""
    left = TYPING_TIME - (time.monotonic() - shown_at)
    if left > 0:
        time.sleep(left)  # deliberate: a person's typing time (see TYPING_TIME)
    button = driver.find_element(By.ID, "submit")
    assert button.get_attribute("value") == "Post Comment"
    click_for_new_page(driver, button)


def main_button(driver: WebDriver, label: str) -> WebElement:
    """The button labelled LABEL in the page's main part (the header has
    its own "Sign out" button)."""
    return driver.find_element(By.XPATH, f"//main//button[normalize-space()='{label}']")


def link(driver: WebDriver, text: str) -> WebElement:
    return wait(driver).until(
        EC.element_to_be_clickable((By.LINK_TEXT, text)), f"no link {text!r} on {driver.current_url}"
    )


def nav_labels(driver: WebDriver) -> list[str]:
    return [a.text.strip() for a in driver.find_elements(By.CSS_SELECTOR, "nav.admin-nav a")]


def signed_in_as(driver: WebDriver) -> str:
    """The header's "Name (role)", or "" when nobody is signed in."""
    found = driver.find_elements(By.CSS_SELECTOR, ".admin-user > span")
    return found[0].text.strip() if found else ""


def form_error(driver: WebDriver) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, "main .form-error")
    return found[0].text.strip() if found else ""


def notice(driver: WebDriver) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, "main p.notice")
    return found[0].text.strip() if found else ""


def tab_counts(driver: WebDriver) -> dict[str, int]:
    """{"Pending": 1, ...} from the status tabs."""
    counts = {}
    for a in driver.find_elements(By.CSS_SELECTOR, "nav.tabs a"):
        match = re.fullmatch(r"(.+?) \((\d+)\)", a.text.strip())
        assert match, f"tab text {a.text!r} is not 'Label (N)'"
        counts[match.group(1)] = int(match.group(2))
    return counts


def action_buttons(driver: WebDriver) -> list[str]:
    """The editor's publishing buttons ("Save draft", "Publish"...), in page order."""
    return [b.text.strip() for b in driver.find_elements(By.CSS_SELECTOR, "form.editor .actions button[name=action]")]


def create_first_admin(driver: WebDriver, site, name: str, email: str, password: str) -> None:
    """Opens the one-time link `gazette serve` printed and creates the first
    admin with it; the browser is then signed in as that admin."""
    driver.get(site.wait_for_output(SETUP_LINK).group(0))
    wait(driver).until(EC.visibility_of_element_located((By.ID, "name")))
    type_into(driver, "name", name)
    type_into(driver, "email", email)
    type_into(driver, "password", password)
    click_for_new_page(driver, main_button(driver, "Create account"))
    assert path_of(driver, site) == "/admin/", f"after setup, at {path_of(driver, site)}"
    assert signed_in_as(driver) == f"{name} (admin)"


def open_preview(driver: WebDriver) -> str:
    """Clicks the editor's Preview, which opens in a tab of its own, and
    switches to that tab; returns the editor's tab, for `close_preview`."""
    editor_tab = driver.current_window_handle
    before = set(driver.window_handles)
    main_button(driver, "Preview").click()
    wait(driver).until(lambda d: len(set(d.window_handles) - before) == 1, "Preview opened no new tab")
    driver.switch_to.window((set(driver.window_handles) - before).pop())
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".gazette-preview-banner")))
    return editor_tab


def close_preview(driver: WebDriver, editor_tab: str) -> None:
    driver.close()
    driver.switch_to.window(editor_tab)


def fill_article(driver: WebDriver, fields: dict[str, str]) -> None:
    for field_id, value in fields.items():
        type_into(driver, field_id, value)


def save_article(driver: WebDriver, site, button: str = "Save draft") -> int:
    """Clicks the editor's BUTTON ("Save draft", "Publish"...) and returns the saved article's id."""
    click_for_new_page(driver, main_button(driver, button))
    match = re.fullmatch(r"/admin/articles/(\d+)\?saved=1(?:&was=\w+)?", path_of(driver, site))
    assert match, (
        f"after Save, at {path_of(driver, site)} (HTTP {http_status(driver)}), not "
        f"/admin/articles/ID?saved=1; the page says: {form_error(driver)!r} "
        f"{[e.text for e in driver.find_elements(By.CSS_SELECTOR, '.field-error')]}"
    )
    return int(match.group(1))


def set_password_with_reset_link(driver: WebDriver, site, email: str, password: str) -> None:
    """`gazette user reset-password` prints a link; the person opens it and
    chooses a password, which signs them in."""
    printed = site.cli("user", "reset-password", "--email", email, "--base-url", site.base_url)
    match = re.search(RESET_LINK, printed)
    assert match, f"no reset link in the output of gazette user reset-password:\n{printed}"
    assert match.group(0).startswith(site.base_url + "/admin/reset/")
    driver.get(match.group(0))
    wait(driver).until(EC.visibility_of_element_located((By.ID, "password")))
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == "Choose a new password"
    type_into(driver, "password", password)
    click_for_new_page(driver, main_button(driver, "Save password"))
    assert path_of(driver, site) == "/admin/", f"after choosing a password, at {path_of(driver, site)}"


def sign_in_attempt(driver: WebDriver, site, email: str, password: str) -> int | None:
    """Fills /admin/login's form, clicks "Sign in"; returns the HTTP status
    of the page that follows (after redirects)."""
    if path_of(driver, site) != "/admin/login":
        driver.get(site.url("/admin/login"))
    wait(driver).until(EC.visibility_of_element_located((By.ID, "email")))
    type_into(driver, "email", email)
    type_into(driver, "password", password)
    click_for_new_page(driver, main_button(driver, "Sign in"))
    return http_status(driver)


def sign_out(driver: WebDriver, site) -> None:
    button = driver.find_element(By.XPATH, "//header//button[normalize-space()='Sign out']")
    click_for_new_page(driver, button)
    assert path_of(driver, site) == "/admin/login", f"after signing out, at {path_of(driver, site)}"
    assert signed_in_as(driver) == ""


def photo(folder: Path) -> Path:
    """A real 96 x 64 PNG (a blue sky over a grey deck), for the upload."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    width, height = 96, 64
    rows = b"".join(
        b"\x00" + (b"\x5a\x8f\xd0" if y < 40 else b"\x70\x70\x70") * width for y in range(height)
    )
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    path = folder / "bridge-at-dawn.png"
    path.write_bytes(png)
    return path


def utc_today() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()


# ---------------------------------------------------------------- tests


def test_a_day_in_the_newsroom(fresh_site, new_browser, tmp_path):
    site = fresh_site

    # 1. The first admin, from the link `gazette serve` printed.
    setup_link = site.wait_for_output(SETUP_LINK).group(0)
    assert setup_link.startswith(site.base_url + "/admin/setup/"), setup_link
    assert "Create the first admin account here" in site.log_tail(200)

    admin = new_browser()
    admin.get(setup_link)
    wait(admin).until(EC.visibility_of_element_located((By.ID, "name")))
    assert admin.find_element(By.TAG_NAME, "h1").text.strip() == "Create the first admin"
    type_into(admin, "name", ADMIN_NAME)
    type_into(admin, "email", ADMIN_EMAIL)
    type_into(admin, "password", ADMIN_PASSWORD)
    click_for_new_page(admin, main_button(admin, "Create account"))
    assert path_of(admin, site) == "/admin/", f"after setup, at {path_of(admin, site)}"
    assert admin.find_element(By.TAG_NAME, "h1").text.strip() == "Dashboard"
    assert signed_in_as(admin) == f"{ADMIN_NAME} (admin)"
    assert nav_labels(admin) == ADMIN_NAV

    # The link worked once: nobody else can use it now.
    reader = new_browser()
    reader.get(setup_link)
    wait(reader).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
    assert reader.find_element(By.TAG_NAME, "h1").text.strip() == "This link no longer works"
    assert http_status(reader) == 410
    assert reader.find_elements(By.ID, "password") == []
    assert signed_in_as(reader) == ""

    # 2. The admin writes a story with a photo, previews it and publishes it.
    click_for_new_page(admin, link(admin, "Articles"))
    assert path_of(admin, site) == "/admin/articles"
    click_for_new_page(admin, link(admin, "New article"))
    assert path_of(admin, site) == "/admin/articles/new"
    assert action_buttons(admin) == ["Save draft", "Publish"]
    fill_article(admin, {**STORY, "published_at": ""})
    admin.find_element(By.ID, "image_file").send_keys(str(photo(tmp_path)))
    # Preview opens the article page, in the site's theme, in a tab of its own; the editor stays as it was.
    editor_tab = open_preview(admin)
    assert admin.find_element(By.CSS_SELECTOR, "h1.article-title").text == STORY["title"]
    assert admin.find_element(By.CSS_SELECTOR, ".article-body strong").text == "harbour bridge"
    assert admin.find_elements(By.CSS_SELECTOR, ".admin-header") == []
    close_preview(admin, editor_tab)
    assert admin.find_element(By.ID, "title").get_property("value") == STORY["title"], "typed text kept"
    assert admin.find_element(By.ID, "image_file").get_property("value"), "the chosen photo is still chosen"
    day_before = utc_today()
    story_id = save_article(admin, site, "Publish")
    day_after = utc_today()
    assert notice(admin).startswith("Published."), notice(admin)
    assert action_buttons(admin) == ["Update", "Unpublish"]
    assert admin.find_element(By.ID, "title").get_property("value") == STORY["title"]
    # The photo went to the media library once, on saving: its address is in the form now.
    uploaded = admin.find_element(By.ID, "image_url").get_property("value")
    assert re.fullmatch(r"/media/\d{4}/\d{2}/bridge-at-dawn-[0-9a-f]{6}\.png", uploaded), uploaded

    click_for_new_page(admin, link(admin, "View on the site"))
    story_path = path_of(admin, site)
    expected = {d.strftime(f"/%Y/%m/%d/{STORY_SLUG}/") for d in (day_before, day_after)}
    assert story_path in expected, f"the story is at {story_path}, expected one of {sorted(expected)}"
    story_url = admin.current_url
    assert admin.find_element(By.ID, "article-title").text.strip() == STORY["title"]
    assert admin.find_element(By.CSS_SELECTOR, ".article-header .dek").text.strip() == STORY["dek"]
    assert ADMIN_NAME in admin.find_element(By.CSS_SELECTOR, ".byline").text
    body = admin.find_element(By.CSS_SELECTOR, ".article-body")
    assert body.find_element(By.TAG_NAME, "strong").text == "harbour bridge"  # Markdown, rendered
    # "Source: <a href=original>Outlet</a>"
    source = admin.find_element(By.CSS_SELECTOR, ".article-header p.source")
    source_line = " ".join(source.get_attribute("textContent").split())  # a flex box: one item a line
    assert source_line.startswith(f"Source: {STORY['source']}"), source_line
    original = source.find_element(By.XPATH, "./a[1]")
    assert original.text.strip() == STORY["source"]
    assert original.get_attribute("href") == STORY["source_url"]
    # The featured image, loaded, with its alternative text and caption.
    image = admin.find_element(By.CSS_SELECTOR, "figure.featured-image img")
    assert image.get_attribute("src") == site.url(uploaded)
    assert image.get_attribute("alt") == STORY["image_alt"]
    wait(admin).until(
        lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image),
        "the featured image did not load",
    )
    assert admin.execute_script("return arguments[0].naturalWidth", image) == 96
    caption = admin.find_element(By.CSS_SELECTOR, "figure.featured-image figcaption").get_attribute("textContent")
    assert STORY["image_caption"] in caption and STORY["image_credit"] in caption, caption
    # The tag, as a link to its archive, which lists the story.
    [tag] = admin.find_elements(By.CSS_SELECTOR, "ul.tags a[rel=tag]")
    assert tag.text.strip() == STORY["tags"]
    assert tag.get_attribute("href") == site.url(f"/tag/{TAG_SLUG}/")
    click_for_new_page(admin, tag)
    assert admin.find_elements(By.LINK_TEXT, STORY["title"]), f"{STORY['title']!r} not listed on /tag/{TAG_SLUG}/"

    # On the front page, as the newest story, for a reader too.
    reader.get(site.url("/"))
    first_card = wait(reader).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".card-list .card")))
    assert first_card.find_element(By.CSS_SELECTOR, ".card-title").text.strip() == STORY["title"]
    assert f"Source: {STORY['source']}" in first_card.find_element(By.CSS_SELECTOR, ".card-meta").text

    # 3. The reader comments; the admin approves the comment in the queue.
    click_for_new_page(reader, first_card.find_element(By.LINK_TEXT, STORY["title"]))
    assert reader.current_url == story_url
    wait(reader).until(EC.presence_of_element_located((By.ID, "commentform")))
    shown_at = time.monotonic()
    fill_form(reader, DORA)
    submit_comment_after_typing_time(reader, shown_at)
    comment_id = posted_comment_id(reader)
    assert own_awaiting_notes(reader, comment_id), "the reader's comment is not marked as awaiting moderation"

    # The dashboard names the held comment and its article.
    admin.get(site.url("/admin/"))
    held = wait(admin).until(EC.visibility_of_element_located((By.ID, "held-comments")))
    assert held.find_element(By.TAG_NAME, "h2").text.strip() == "Comments awaiting moderation (1)"
    [item] = held.find_elements(By.CSS_SELECTOR, "li")
    assert item.text.startswith(f"{DORA.name} on {STORY['title']}: "), item.text
    click_for_new_page(admin, held.find_element(By.LINK_TEXT, "Moderate comments"))
    assert path_of(admin, site) == "/admin/comments?status=pending"
    assert tab_counts(admin) == {"Pending": 1, "Approved": 0, "Spam": 0, "Trash": 0}
    row = admin.find_element(By.ID, f"comment-{comment_id}")
    assert DORA.name in row.find_element(By.CSS_SELECTOR, ".who").text
    what = row.find_element(By.CSS_SELECTOR, ".what").text.strip().splitlines()
    assert what == [f"On {STORY['title']}", DORA.comment], what
    box = row.find_element(By.CSS_SELECTOR, f"input[name=ids][value='{comment_id}']")
    box.click()
    assert box.is_selected()
    click_for_new_page(admin, admin.find_element(By.CSS_SELECTOR, "button[name=action][value=approve]"))
    wait(admin).until(lambda d: notice(d) == "1 comment approved.", "no '1 comment approved.' notice")
    assert admin.find_elements(By.ID, f"comment-{comment_id}") == []
    assert tab_counts(admin) == {"Pending": 0, "Approved": 1, "Spam": 0, "Trash": 0}

    # Public now: the admin's browser, which never commented, shows it.
    admin.get(story_url)
    item = wait(admin).until(EC.visibility_of_element_located((By.ID, f"comment-{comment_id}")))
    assert item.find_element(By.CSS_SELECTOR, ".comment-content").text.strip() == DORA.comment
    assert DORA.name in item.find_element(By.CSS_SELECTOR, ".comment-author").text
    assert own_awaiting_notes(admin, comment_id) == []
    assert heading(admin) == "1 Comment"

    # The photo is in the media library, with its alternative text.
    admin.get(site.url("/admin/"))
    click_for_new_page(admin, link(admin, "Media"))
    [card] = admin.find_elements(By.CSS_SELECTOR, ".media-grid li")
    assert card.find_element(By.TAG_NAME, "img").get_attribute("alt") == STORY["image_alt"]
    assert "PNG · 96 × 64" in card.text

    # 4. The admin invites a contributor from the People page; the contributor
    # chooses a password with the link, writes, but cannot publish.
    click_for_new_page(admin, link(admin, "People"))
    click_for_new_page(admin, link(admin, "Add a person"))
    type_into(admin, "name", CONTRIBUTOR_NAME)
    type_into(admin, "email", CONTRIBUTOR_EMAIL)
    Select(admin.find_element(By.ID, "role")).select_by_value("contributor")
    click_for_new_page(admin, main_button(admin, "Save"))
    assert http_status(admin) == 201
    invite = admin.find_element(By.ID, "new-link").get_property("value")
    assert re.fullmatch(INVITE_LINK, invite), invite
    contributor = new_browser()
    contributor.get(invite)
    wait(contributor).until(EC.visibility_of_element_located((By.ID, "password")))
    assert contributor.find_element(By.TAG_NAME, "h1").text.strip() == "Welcome to the newsroom"
    type_into(contributor, "password", CONTRIBUTOR_PASSWORD)
    click_for_new_page(contributor, main_button(contributor, "Save password"))
    assert path_of(contributor, site) == "/admin/", f"after accepting the invitation, at {path_of(contributor, site)}"
    assert signed_in_as(contributor) == f"{CONTRIBUTOR_NAME} (contributor)"
    assert nav_labels(contributor) == ["Dashboard", "Articles", "Your profile", "View site"]
    click_for_new_page(contributor, link(contributor, "Articles"))
    click_for_new_page(contributor, link(contributor, "New article"))
    assert contributor.find_elements(By.ID, "image_file") == [], "contributors cannot upload"
    assert action_buttons(contributor) == ["Save draft", "Submit for review"]
    fill_article(contributor, PITCH)
    pitch_id = save_article(contributor, site, "Submit for review")
    assert notice(contributor).startswith("Sent for review."), notice(contributor)
    assert action_buttons(contributor) == ["Save, still for review", "Back to drafts"]
    assert contributor.find_elements(By.LINK_TEXT, "View on the site") == []

    # Even a forged "Publish" button (added to the page) is refused.
    contributor.execute_script(
        "const b = document.createElement('button'); b.name = 'action'; b.value = 'publish';"
        "b.textContent = 'Publish'; b.className = 'button';"
        "document.querySelector('form.editor .actions').appendChild(b);"
    )
    click_for_new_page(contributor, main_button(contributor, "Publish"))
    assert http_status(contributor) == 403
    assert form_error(contributor) == "Your role can save drafts and submit them for review; an editor publishes."

    reader.get(site.url("/"))
    wait(reader).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".card-list .card")))
    titles = [t.text.strip() for t in reader.find_elements(By.CSS_SELECTOR, ".card-title")]
    assert STORY["title"] in titles
    assert PITCH["title"] not in titles

    # The admin finds it under "Pending review".
    admin.get(site.url("/admin/articles"))
    click_for_new_page(admin, link(admin, "Pending review (1)"))
    assert path_of(admin, site) == "/admin/articles?status=pending"
    rows = admin.find_elements(By.CSS_SELECTOR, "table.article-table tbody tr")
    assert len(rows) == 1, [r.text for r in rows]
    cells = [td.text.strip() for td in rows[0].find_elements(By.TAG_NAME, "td")]
    assert cells[0] == PITCH["title"] and cells[1:3] == ["Pending review", CONTRIBUTOR_NAME], cells
    edit = rows[0].find_element(By.LINK_TEXT, PITCH["title"])
    assert edit.get_attribute("href") == site.url(f"/admin/articles/{pitch_id}")
    assert pitch_id != story_id


def test_sign_in_throttled_after_five_wrong_passwords(fresh_site, new_browser):
    site = fresh_site
    email, password = "tess.throttle.b7n4@example.com", "correct-horse-battery"
    site.cli("user", "add", "--name", "Tess Throttle", "--email", email, "--role", "author")
    tess = new_browser()
    set_password_with_reset_link(tess, site, email, password)
    sign_out(tess, site)

    # The right password works; then five wrong ones are each refused...
    assert sign_in_attempt(tess, site, email, password) == 200
    assert signed_in_as(tess) == "Tess Throttle (author)"
    sign_out(tess, site)
    for attempt in range(1, 6):
        status = sign_in_attempt(tess, site, email, f"wrong-password-{attempt}")
        assert (status, form_error(tess)) == (401, WRONG_CREDENTIALS), f"wrong password #{attempt}"
        assert tess.find_element(By.ID, "email").get_property("value") == email
        assert tess.find_element(By.ID, "password").get_property("value") == ""

    # ...and the sixth attempt, with the right password, is throttled.
    status = sign_in_attempt(tess, site, email, password)
    assert form_error(tess).startswith("Too many failed attempts"), form_error(tess)
    assert status == 429
    assert path_of(tess, site) == "/admin/login"
    assert signed_in_as(tess) == ""
    tess.get(site.url("/admin/"))
    wait(tess).until(EC.visibility_of_element_located((By.ID, "password")))
    assert path_of(tess, site).startswith("/admin/login"), "not signed in, /admin/ must send to sign-in"
