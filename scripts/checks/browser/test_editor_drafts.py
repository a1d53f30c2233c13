"""Drafts in the editor, as a reporter works: headless Chromium on a brand-new
Gazette site (the `fresh_site` fixture in conftest.py).

While the editor is open its text is kept aside (autosave) and offered back
after the tab was closed; leaving with changes not saved asks first; Preview
shows the article page in the site's theme, and its share link shows the saved
draft to someone without an account.
"""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_comments import type_into
from test_newsroom import (
    click_for_new_page,
    close_preview,
    create_first_admin,
    link,
    main_button,
    notice,
    open_preview,
    path_of,
    wait,
)

NAME = "Ines Editor"
EMAIL = "ines.editor.q4z1@example.com"
PASSWORD = "quayside-cranes-8830"
TITLE = "Harbour dredging starts in spring"
BODY = "The harbour will be **dredged** from March."
MORE = "\n\nBoats will moor at the outer pier meanwhile."


def field_value(driver, field_id: str) -> str:
    return driver.find_element(By.ID, field_id).get_property("value")


def would_ask_before_leaving(driver) -> bool:
    """Whether the page asks before it is left: its beforeunload handler cancels the event."""
    return driver.execute_script(
        "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"
    )


def test_drafts_are_kept_warned_about_and_previewed(fresh_site, new_browser):
    site = fresh_site
    browser = new_browser()
    create_first_admin(browser, site, NAME, EMAIL, PASSWORD)
    home_tab = browser.current_window_handle

    # 1. Writing in a tab of its own: a copy is kept after a pause in typing.
    browser.switch_to.new_window("tab")
    browser.get(site.url("/admin/articles/new"))
    wait(browser).until(EC.visibility_of_element_located((By.ID, "title")))
    type_into(browser, "title", TITLE)
    type_into(browser, "body", BODY)
    WebDriverWait(browser, 20).until(
        lambda d: "Unsaved changes kept at" in d.find_element(By.ID, "autosave-status").text,
        "no copy kept after a pause in typing",
    )
    # More text, and the tab is closed at once: the copy is kept as the page goes.
    browser.find_element(By.ID, "body").send_keys(MORE)
    browser.close()  # closing a tab from the browser's own controls does not ask
    browser.switch_to.window(home_tab)

    # 2. Opening the editor again offers the kept text back.
    browser.get(site.url("/admin/articles/new"))
    offer = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".autosave-offer")))
    assert offer.text.startswith("You have unsaved changes from "), offer.text
    assert field_value(browser, "title") == "", "nothing is filled in before the person asks"
    click_for_new_page(browser, link(browser, "Restore them"))
    assert field_value(browser, "title") == TITLE
    assert field_value(browser, "body") == BODY + MORE, "the text typed just before the tab closed is kept too"
    assert notice(browser).startswith("Restored your unsaved changes from "), notice(browser)

    # 3. Leaving with the restored text not saved yet would ask first (the page cancels the browser's
    # "beforeunload", which is what makes it ask "Leave site?").
    assert would_ask_before_leaving(browser), "leaving with restored, unsaved text does not ask"

    # 4. Preview: the themed article page in its own tab; the editor stays as it was.
    editor_tab = open_preview(browser)
    assert browser.find_element(By.CSS_SELECTOR, "h1.article-title").text == TITLE
    assert browser.find_element(By.CSS_SELECTOR, ".article-body strong").text == "dredged"
    robots = browser.find_element(By.CSS_SELECTOR, 'meta[name="robots"]').get_attribute("content")
    assert robots.startswith("noindex"), robots
    close_preview(browser, editor_tab)
    assert field_value(browser, "title") == TITLE

    # 5. Saving asks nothing, and the kept copy is gone. Once saved, leaving asks only after a change.
    click_for_new_page(browser, main_button(browser, "Save draft"))
    assert notice(browser).startswith("Draft saved."), notice(browser)
    assert not would_ask_before_leaving(browser), "nothing changed since the save, yet leaving asks"
    browser.find_element(By.ID, "dek").send_keys("Moorings move")
    assert would_ask_before_leaving(browser), "a change not saved, yet leaving does not ask"
    # The Publish button turns into Schedule while the time typed is ahead.
    type_into(browser, "published_at", "tomorrow 09:00")
    wait(browser).until(lambda d: d.find_elements(By.XPATH, "//main//button[normalize-space()='Schedule']"))
    type_into(browser, "published_at", "now")
    wait(browser).until(lambda d: d.find_elements(By.XPATH, "//main//button[normalize-space()='Publish']"))
    editor_path = path_of(browser, site).split("?")[0]
    browser.get(site.url("/admin/articles/new"))
    wait(browser).until(EC.visibility_of_element_located((By.ID, "title")))
    assert browser.find_elements(By.CSS_SELECTOR, ".autosave-offer") == []

    # 6. The share link shows the saved draft to someone without an account.
    browser.get(site.url(editor_path))
    share = wait(browser).until(EC.visibility_of_element_located((By.ID, "share-link"))).get_property("value")
    assert "/preview/" in share, share
    stranger = new_browser()
    stranger.get(share)
    banner = wait(stranger).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".gazette-preview-banner")))
    assert "not published yet" in banner.text, banner.text
    assert stranger.find_element(By.CSS_SELECTOR, "h1.article-title").text == TITLE
    assert stranger.find_element(By.CSS_SELECTOR, ".article-body strong").text == "dredged"
    assert stranger.find_elements(By.CSS_SELECTOR, ".admin-header") == []
    # The same address with its signature changed shows nothing.
    stranger.get(share[:-2] + ("AA" if not share.endswith("AA") else "BB"))
    assert stranger.find_elements(By.CSS_SELECTOR, "h1.article-title") == []
