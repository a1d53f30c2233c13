"""The trust of HTML travels with the HTML, as the newsroom's people click
through it in headless Chromium on a brand-new Gazette site (the `fresh_site`
fixture in conftest.py).

A contributor submits an article whose Markdown body hides script: an inline
<script> (which would also try to create an admin account), an <img onerror>,
an <svg onload>, javascript: links (HTML, Markdown and entity-encoded), a
<meta http-equiv=refresh> and a YouTube iframe; the dek tries to end the
page's JSON-LD block early. Then an editor previews it, publishes it with a
correction, moves it to the trash and restores it; an admin restores its
first revision and publishes it again. After every one of these actions:

  * nothing ran, in the browser of the person who acted (window.__pwned is
    undefined, the page title is untouched, the page did not navigate away);
  * the public article page, for the signed-in admin and for an anonymous
    reader, shows the article's text with none of <script>, onerror, onload,
    javascript:, http-equiv or the contributor's iframe in its body, and no
    live script anywhere in the document.

A contributor's iframe never appears; an editor's own one does in the
editor's Preview (the control showing that the iframe checks can see one).
At the end the admin's People page lists exactly the people it listed
before: the script's attempt to add an admin account never ran.

The Content-Security-Policy (script-src 'self') would also stop inline script
and event handlers, so "window.__pwned is undefined" alone cannot catch a
sanitizer that lets markup through: the checks of the served markup can.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as EC

from test_comments import type_into
from test_newsroom import (
    click_for_new_page,
    close_preview,
    http_status,
    link,
    main_button,
    notice,
    open_preview,
    path_of,
    save_article,
    set_password_with_reset_link,
    sign_in_attempt,
    sign_out,
    signed_in_as,
    wait,
)


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    password: str
    role: str


ADMIN = Person("Ada Admin", "ada.admin.t4h8@example.com", "harbour-lights-2026", "admin")
EDITOR = Person("Eddie Editor", "eddie.editor.v3n6@example.com", "copy-desk-nights-77", "editor")
CONTRIBUTOR = Person("Cody Contributor", "cody.contributor.j2x5@example.com", "draft-writer-0042", "contributor")
EVERYONE = (ADMIN, EDITOR, CONTRIBUTOR)
SITE_TEAM = ("The Gazette Team", "welcome@gazette.invalid", "author")

HEADLINE = "A quiet harbour story"
OPENING = "A quiet harbour story: the boats rest at anchor until spring."
CLOSING = "The harbour master's office opens at nine."
# Ends the dek's text early in a <script type="application/ld+json"> block,
# if the page's structured data does not escape it.
DEK = "Boats at anchor</script><script>window.__pwned=7</script>"
EMBED = '<iframe src="https://www.youtube-nocookie.com/embed/x" width="560" height="315" title="Harbour at dusk"></iframe>'
# Were this script to run in a staff member's browser, it would add an admin
# account with the newsroom form (the People check at the end catches that).
ACCOUNT_GRAB = (
    "<script>document.title='PWNED';window.__pwned=1;"
    "fetch('/admin/users/new').then(r=>r.text()).then(t=>fetch('/admin/users/new',{method:'POST',"
    "headers:{'Content-Type':'application/x-www-form-urlencoded'},"
    "body:'csrf_token='+encodeURIComponent(t.match(/name=\"csrf_token\" value=\"([^\"]+)\"/)[1])"
    "+'&name=Mallory+Backdoor&email=mallory.backdoor%40example.net&role=admin'}))</script>"
)
# The paragraph with <img> comes last but one: Ink, the Markdown parser, reads
# everything after a void HTML element (<img>, <meta>) as raw HTML, so Markdown
# after it is not rendered (the [tide tables](...) link would stay text).
BODY = "\n\n".join(
    [
        OPENING,
        "Check the [tide tables](javascript:window.__pwned=5) before you sail.",
        ACCOUNT_GRAB,
        '<svg onload="window.__pwned=3"></svg>',
        'Read the <a href="javascript:window.__pwned=4">click me</a> notes, or the '
        '<a href="&#106;avascript:window.__pwned=6">harbour log</a>.',
        '<meta http-equiv="refresh" content="0;url=/admin/users">',
        EMBED,
        'Fishers mend their nets on the quay. <img src="/nonexistent.png" alt="" onerror="window.__pwned=2">',
        CLOSING,
    ]
)
CORRECTION = "An earlier version gave the wrong opening hour for the harbour office."

# Not one of these may be in an article body's markup, whoever acted on it.
FORBIDDEN_IN_BODY = (
    "<script", "onerror", "onload", "javascript:", "http-equiv", "youtube-nocookie", "<iframe", "<svg", "<meta",
)

# Every element or attribute in the whole document that could run script, load
# a frame or navigate by itself (Gazette's pages have no script of their own
# but the JSON-LD block, which is data, and the newsroom's one first-party file,
# /admin/assets/admin.<hash>.js, loaded by address).
LIVE_MARKUP_JS = r"""
const found = [];
const describe = (el) => el.outerHTML.slice(0, 160);
for (const el of document.querySelectorAll('*')) {
  const tag = el.localName;
  const own = /^\/admin\/assets\/admin\.[0-9a-f]+\.js$/.test(el.getAttribute('src') || '') && !el.textContent;
  if (tag === 'script' && el.type !== 'application/ld+json' && !own) found.push('script: ' + describe(el));
  if (['iframe', 'frame', 'svg', 'math', 'object', 'embed', 'base'].includes(tag)) found.push(tag + ': ' + describe(el));
  if (tag === 'meta' && el.hasAttribute('http-equiv')) found.push('meta: ' + describe(el));
  for (const a of el.attributes) {
    if (a.name.startsWith('on')) found.push('handler: ' + describe(el));
    if (/^\s*(javascript|vbscript|data):/i.test(a.value) && a.name !== 'content')
      found.push('script address: ' + describe(el));
  }
}
for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
  try { JSON.parse(s.textContent); } catch (e) { found.push('JSON-LD that is not JSON: ' + describe(s)); }
}
return found;
"""

TAB = re.compile(r"(.+?) \((\d+)\)")


# ---------------------------------------------------------------- helpers


def join_newsroom(driver: WebDriver, site, person: Person) -> None:
    """`gazette user add`, a password chosen with the reset link, then signing
    out and in again with the real sign-in form (and its login_token)."""
    site.cli("user", "add", "--name", person.name, "--email", person.email, "--role", person.role)
    set_password_with_reset_link(driver, site, person.email, person.password)
    sign_out(driver, site)
    assert sign_in_attempt(driver, site, person.email, person.password) == 200
    assert signed_in_as(driver) == f"{person.name} ({person.role})"


def assert_nothing_ran(driver: WebDriver, when: str) -> None:
    """No payload ran in this browser's current page, and none left a mark."""
    pwned, title = driver.execute_script("return [typeof window.__pwned, document.title];")
    assert pwned == "undefined", f"{when}: window.__pwned is set ({driver.current_url})"
    assert "PWNED" not in title, f"{when}: the page title was changed to {title!r}"


def assert_no_live_markup(driver: WebDriver, when: str) -> None:
    found = driver.execute_script(LIVE_MARKUP_JS)
    assert found == [], f"{when}: live markup in {driver.current_url}:\n" + "\n".join(found)


def assert_stays_put(driver: WebDriver, url: str, when: str) -> None:
    """The browser is still at URL half a second later: a <meta
    http-equiv=refresh content=0> would have taken it elsewhere by then (to
    /admin/users, or to the sign-in page for a reader)."""
    time.sleep(0.5)  # deliberate: time for a zero-second refresh to happen
    assert driver.current_url == url, f"{when}: the browser went from {url} to {driver.current_url}"


def assert_inline_script_blocked(driver: WebDriver, when: str) -> None:
    """The page's Content-Security-Policy is in force: an inline script added
    to it does not run (the second line of defence behind the sanitizer)."""
    ran = driver.execute_script(
        "const s = document.createElement('script'); s.textContent = 'window.gazetteTestInline = 1;';"
        "document.body.appendChild(s); s.remove(); return window.gazetteTestInline === 1;"
    )
    assert not ran, f"{when}: an inline script ran on {driver.current_url}: no Content-Security-Policy?"


def assert_body_clean(html: str, when: str) -> None:
    lowered = html.lower()
    kept = [word for word in FORBIDDEN_IN_BODY if word in lowered]
    assert kept == [], f"{when}: the article body still has {kept}:\n{html}"


def assert_preview_clean(driver: WebDriver, site, path: str, when: str) -> None:
    """The editor's Preview (in its own tab), shown at PATH: the contributor's
    text on the themed article page, none of its script or its iframe."""
    url = site.url(path)
    assert driver.current_url == url, f"{when}: at {driver.current_url}, not {url}"
    preview = wait(driver).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, ".article-body")),
        f"{when}: no article body on {path_of(driver, site)}",
    )
    text = preview.text
    assert OPENING in text and CLOSING in text, f"{when}: the preview does not show the text: {text!r}"
    assert preview.find_elements(By.TAG_NAME, "iframe") == [], f"{when}: a contributor's iframe in the preview"
    assert_body_clean(preview.get_attribute("innerHTML"), when)
    assert_no_live_markup(driver, when)
    assert_stays_put(driver, url, when)
    assert_nothing_ran(driver, when)


def assert_public_article_clean(driver: WebDriver, url: str, when: str) -> None:
    """The article page as this browser's person sees it: shown, its text and
    correction there, nothing live in it."""
    driver.get(url)
    wait(driver).until(EC.presence_of_element_located((By.ID, "article-title")), f"{when}: no article at {url}")
    assert driver.current_url == url, f"{when}: at {driver.current_url}, not {url}"
    assert http_status(driver) == 200, f"{when}: HTTP {http_status(driver)} for {url}"
    assert driver.find_element(By.ID, "article-title").text.strip() == HEADLINE
    assert HEADLINE in driver.title, f"{when}: title {driver.title!r}"
    body = driver.find_element(By.CSS_SELECTOR, ".article-body")
    assert OPENING in body.text and CLOSING in body.text, f"{when}: the body does not show the text: {body.text!r}"
    assert_body_clean(body.get_attribute("innerHTML"), when)
    corrections = driver.find_element(By.CSS_SELECTOR, "aside.corrections").text
    assert CORRECTION in corrections, f"{when}: the correction is not shown: {corrections!r}"
    assert_no_live_markup(driver, when)
    assert_stays_put(driver, url, when)
    assert_nothing_ran(driver, when)


def assert_not_public(driver: WebDriver, url: str, when: str) -> None:
    driver.get(url)
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert http_status(driver) == 404, f"{when}: HTTP {http_status(driver)} for {url}, expected 404"
    assert OPENING not in driver.find_element(By.TAG_NAME, "body").text
    assert_no_live_markup(driver, when)
    assert_nothing_ran(driver, when)


def open_from_tab(driver: WebDriver, site, tab: str, title: str) -> None:
    """Articles, the status tab named TAB (with one article in it), then the article."""
    driver.get(site.url("/admin/articles"))
    tabs = {}
    for a in driver.find_elements(By.CSS_SELECTOR, "nav.tabs a"):
        match = TAB.fullmatch(a.text.strip())
        assert match, f"tab text {a.text!r} is not 'Label (N)'"
        tabs[match.group(1)] = int(match.group(2))
    assert tabs.get(tab) == 1, f"expected one article under {tab!r}: {tabs}"
    click_for_new_page(driver, link(driver, f"{tab} (1)"))
    click_for_new_page(driver, link(driver, title))
    assert re.fullmatch(r"/admin/articles/\d+", path_of(driver, site)), path_of(driver, site)


def publish_from_editor(driver: WebDriver, site) -> str:
    """Clicks "Publish", follows "View on the site"; returns the public
    address."""
    save_article(driver, site, "Publish")
    assert notice(driver).startswith(("Published.", "Updated.")), notice(driver)
    click_for_new_page(driver, link(driver, "View on the site"))
    return driver.current_url


def people_listed(driver: WebDriver, site) -> set[tuple[str, str, str]]:
    """(name, email, role) of each row of the People page."""
    driver.get(site.url("/admin/users"))
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.article-table")))
    rows = set()
    for tr in driver.find_elements(By.CSS_SELECTOR, "table.article-table tbody tr"):
        cells = [td.text.strip() for td in tr.find_elements(By.TAG_NAME, "td")]
        rows.add((cells[0], cells[1], cells[2].lower()))
    return rows


# ---------------------------------------------------------------- the test


def test_contributor_html_never_becomes_live(fresh_site, new_browser):
    site = fresh_site
    admin, editor, contributor, reader = new_browser(), new_browser(), new_browser(), new_browser()
    for browser, person in ((admin, ADMIN), (editor, EDITOR), (contributor, CONTRIBUTOR)):
        join_newsroom(browser, site, person)
    # The people a new site has (the welcome article's byline) and the test's three.
    seeded = {SITE_TEAM} | {(p.name, p.email, p.role) for p in EVERYONE}
    assert people_listed(admin, site) == seeded

    # Control: an editor's own embed is kept in the editor's Preview, so the
    # iframe checks below do see an iframe when there is one.
    editor.get(site.url("/admin/articles/new"))
    type_into(editor, "title", "Embed check")
    type_into(editor, "body", "Our video:\n\n" + EMBED)
    editor_tab = open_preview(editor)
    [frame] = editor.find_elements(By.CSS_SELECTOR, ".article-body iframe")
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/x"
    close_preview(editor, editor_tab)

    # 1. The contributor writes the article, previews it and submits it.
    contributor.get(site.url("/admin/articles/new"))
    type_into(contributor, "title", HEADLINE)
    type_into(contributor, "dek", DEK)
    type_into(contributor, "body", BODY)
    editor_tab = open_preview(contributor)
    assert_preview_clean(contributor, site, "/admin/articles/new/preview", "the contributor's preview")
    close_preview(contributor, editor_tab)
    assert contributor.find_element(By.ID, "body").get_property("value") == BODY, "the typed text is kept"
    article_id = save_article(contributor, site, "Submit for review")
    assert notice(contributor).startswith("Sent for review."), notice(contributor)
    assert_nothing_ran(contributor, "after submitting")

    # 2. The editor opens it from "Pending review" and previews it.
    open_from_tab(editor, site, "Pending review", HEADLINE)
    assert path_of(editor, site) == f"/admin/articles/{article_id}"
    assert_nothing_ran(editor, "the editor opening the article")
    editor_tab = open_preview(editor)
    assert_preview_clean(editor, site, f"/admin/articles/{article_id}/preview", "the editor's preview")
    close_preview(editor, editor_tab)

    # 3. The editor publishes it with a correction note.
    type_into(editor, "correction_note_1", CORRECTION)
    article_url = publish_from_editor(editor, site)
    assert_nothing_ran(editor, "the editor publishing")
    for browser, who in ((editor, "the editor"), (admin, "the admin"), (reader, "a reader")):
        assert_public_article_clean(browser, article_url, f"published by the editor, seen by {who}")

    # 4. The editor moves it to the trash: gone from the site.
    editor.get(site.url(f"/admin/articles/{article_id}"))
    click_for_new_page(editor, main_button(editor, "Move to the trash"))
    assert notice(editor) == "The article is in the trash. Open the Trash tab to restore it."
    assert_nothing_ran(editor, "the editor trashing")
    for browser, who in ((admin, "the admin"), (reader, "a reader")):
        assert_not_public(browser, article_url, f"trashed, seen by {who}")

    # 5. The editor restores it from the trash (as a draft: still not public).
    open_from_tab(editor, site, "Trash", HEADLINE)
    click_for_new_page(editor, main_button(editor, "Restore from the trash (as a draft)"))
    assert notice(editor) == "The article is out of the trash, as a draft."
    assert_nothing_ran(editor, "the editor restoring from the trash")
    for browser, who in ((admin, "the admin"), (reader, "a reader")):
        assert_not_public(browser, article_url, f"restored as a draft, seen by {who}")

    # 6. The admin restores revision 1 (the contributor's own) from Revisions.
    open_from_tab(admin, site, "Draft", HEADLINE)
    click_for_new_page(admin, link(admin, "Revisions"))
    assert path_of(admin, site) == f"/admin/articles/{article_id}/revisions"
    assert_nothing_ran(admin, "the revisions page")
    click_for_new_page(admin, link(admin, "Revision 1"))
    assert path_of(admin, site) == f"/admin/articles/{article_id}/revisions/1"
    assert_no_live_markup(admin, "revision 1's page")
    assert_nothing_ran(admin, "revision 1's page")
    click_for_new_page(admin, main_button(admin, "Restore this revision"))
    # It asks first, showing what restoring changes.
    assert admin.find_element(By.TAG_NAME, "h1").text.startswith("Restore revision 1 of"), admin.title
    assert_no_live_markup(admin, "the restore confirmation")
    assert_nothing_ran(admin, "the restore confirmation")
    click_for_new_page(admin, main_button(admin, "Yes, restore revision 1"))
    assert path_of(admin, site) == f"/admin/articles/{article_id}?restored=1"
    assert notice(admin).startswith("Restored revision 1 as a new revision."), notice(admin)
    assert_nothing_ran(admin, "the admin restoring revision 1")
    assert admin.find_element(By.ID, "body").get_property("value") == BODY
    click_for_new_page(admin, link(admin, "Revisions"))
    newest = admin.find_element(By.CSS_SELECTOR, "table.article-table tbody tr").text
    assert "(current)" in newest and "Restored revision 1" in newest, newest
    click_for_new_page(admin, link(admin, "Back to the editor"))

    # 7. The admin publishes it again.
    article_url_again = publish_from_editor(admin, site)
    assert article_url_again == article_url, (article_url, article_url_again)
    assert_nothing_ran(admin, "the admin publishing again")
    for browser, who in ((admin, "the admin"), (reader, "a reader")):
        assert_public_article_clean(browser, article_url, f"published again by the admin, seen by {who}")
        assert_inline_script_blocked(browser, f"the article page, for {who}")

    # The front page lists it, with nothing live, for a reader.
    reader.get(site.url("/"))
    wait(reader).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".card-list .card")))
    titles = [t.text.strip() for t in reader.find_elements(By.CSS_SELECTOR, ".card-title")]
    assert HEADLINE in titles, titles
    assert_no_live_markup(reader, "the front page")
    assert_stays_put(reader, site.url("/"), "the front page")
    assert_nothing_ran(reader, "the front page")

    # 8. Nobody was added behind the admin's back.
    assert people_listed(admin, site) == seeded
    assert signed_in_as(admin) == f"{ADMIN.name} (admin)"
