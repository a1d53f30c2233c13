"""Subscribing by email, as a reader clicks it: headless Chromium on a brand-new
Gazette site (the `fresh_site` fixture in conftest.py) without SMTP, so the
mail arrives as .eml files under <data-dir>/outbox/, read here with Python's
own email parser.

The form at the foot of the front page → "Check your inbox" → the
confirmation email → its link, where a button (not the link alone) confirms →
the reader's own page lists what they follow → "Unsubscribe from everything".
"""

from __future__ import annotations

import re

from selenium.webdriver.common.by import By

from test_comments import type_into
from test_forgot_password import wait_for_mail
from test_newsroom import click_for_new_page, main_button, path_of

READER = "rhea.reader.k2m9@example.org"


def heading(browser) -> str:
    return browser.find_element(By.TAG_NAME, "h1").text.strip()


def test_subscribe_confirm_and_leave(fresh_site, new_browser):
    site = fresh_site
    browser = new_browser()
    browser.get(site.url("/"))
    form = browser.find_element(By.CSS_SELECTOR, "form.subscribe-form")
    assert "Get our articles by email" in form.text
    type_into(browser, "subscribe-email", READER)
    click_for_new_page(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert heading(browser) == "Check your inbox"
    assert READER in browser.page_source

    message = wait_for_mail(site.data_dir / "outbox", READER)
    assert message.defects == [], message.defects
    assert message["Subject"].startswith("Confirm your subscription to ")
    text = message.get_body(("plain",)).get_content()
    assert "• Every new article" in text
    [confirm] = re.findall(r"http://127\.0\.0\.1:\d+/subscriptions/[A-Za-z0-9._-]+/confirm", text)

    # Opening the link shows a button; only pressing it confirms.
    browser.get(confirm)
    assert heading(browser) == "Confirm your subscription"
    click_for_new_page(browser, main_button(browser, "Confirm"))
    assert heading(browser) == "You are subscribed"
    assert "Every new article" in browser.page_source

    manage = confirm.removesuffix("/confirm")
    browser.get(manage)
    assert heading(browser) == "Your email subscriptions"
    assert READER in browser.page_source
    assert browser.find_element(By.CSS_SELECTOR, ".subscription-topics").text.startswith("Every new article")
    click_for_new_page(browser, main_button(browser, "Unsubscribe from everything"))
    assert heading(browser) == "Unsubscribed"
    assert "no more email" in browser.page_source
    browser.get(manage)
    assert "You follow nothing here" in browser.page_source
    assert path_of(browser, site).startswith("/subscriptions/")
