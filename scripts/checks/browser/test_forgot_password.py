"""Forgot your password, as a person clicks it: headless Chromium on a brand-new
Gazette site (the `fresh_site` fixture in conftest.py) with no SMTP server, so
Gazette writes its mail as .eml files under <data-dir>/outbox/, which this test
reads like a mailbox (Python's own email parser).

Sign-in page → "Forgot your password?" → the address → the mail arrives with a
link → a new password → signed in; the old password no longer works, and the
link works once.
"""

from __future__ import annotations

import email
import re
import time
from email import policy
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from test_comments import type_into
from test_newsroom import (
    click_for_new_page,
    create_first_admin,
    form_error,
    link,
    main_button,
    path_of,
    sign_in_attempt,
    sign_out,
    signed_in_as,
    wait,
)

NAME = "Noor Newsdesk"
EMAIL = "noor.newsdesk.p3x6@example.com"
PASSWORD = "breakwater-gulls-2291"
NEW_PASSWORD = "tidal-clock-lantern-7730"


def wait_for_mail(outbox: Path, to: str, seconds: float = 20) -> email.message.EmailMessage:
    """The first message to TO in the outbox folder, parsed; fails after SECONDS."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for path in sorted(outbox.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            if to in str(message["To"]):
                return message
        time.sleep(0.2)
    raise AssertionError(f"no mail to {to} in {outbox} within {seconds} s")


def test_forgot_password_by_email(fresh_site, new_browser):
    site = fresh_site
    browser = new_browser()
    create_first_admin(browser, site, NAME, EMAIL, PASSWORD)
    sign_out(browser, site)

    browser.get(site.url("/admin/login"))
    click_for_new_page(browser, link(browser, "Forgot your password?"))
    assert path_of(browser, site) == "/admin/login/forgot"
    type_into(browser, "email", EMAIL)
    click_for_new_page(browser, main_button(browser, "Email me a link"))
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == "Check your email"

    message = wait_for_mail(site.data_dir / "outbox", EMAIL)
    assert message.defects == [], message.defects
    assert message["Subject"].startswith("Choose a new password for ")
    assert message["Message-ID"].startswith("<") and message["Date"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    [reset] = re.findall(r"http://127\.0\.0\.1:\d+/admin/reset/[A-Za-z0-9_-]+", text)
    assert reset in html, "the HTML part carries the same link"

    browser.get(reset)
    wait(browser).until(EC.visibility_of_element_located((By.ID, "password")))
    type_into(browser, "password", NEW_PASSWORD)
    click_for_new_page(browser, main_button(browser, "Save password"))
    assert path_of(browser, site) == "/admin/", path_of(browser, site)
    assert signed_in_as(browser) == f"{NAME} (admin)"

    # The old password no longer works; the new one does; the link worked once.
    other = new_browser()
    other.get(site.url("/admin/login"))
    assert sign_in_attempt(other, site, EMAIL, PASSWORD) == 401, form_error(other)
    assert sign_in_attempt(other, site, EMAIL, NEW_PASSWORD) == 200
    other.get(reset)
    wait(other).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
    assert other.find_element(By.TAG_NAME, "h1").text.strip() == "This link no longer works"
