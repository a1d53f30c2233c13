"""Saving a story, as a reporter clicks it: headless Chromium on a brand-new
Gazette site (the `fresh_site` fixture in conftest.py).

The story written in the editor survives a Save made after the session ended
("Sign out on every device" from a phone): the browser lands on the sign-in
page, which says what happened, and after signing in again the editor is
filled with everything typed. Saving then publishes it, and the newsroom says
so, with a link to the page; a story given a later time says when it will
appear, with the site's time zone.
"""

from __future__ import annotations

import datetime as dt

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from test_comments import type_into
from test_newsroom import (
    click_for_new_page,
    create_first_admin,
    form_error,
    link,
    main_button,
    notice,
    path_of,
    sign_in_attempt,
    signed_in_as,
    wait,
)

NAME = "Rosa Reporter"
EMAIL = "rosa.reporter.k2v8@example.com"
PASSWORD = "harbour-lights-5521"
TITLE = "Night ferry returns to the island"
BODY = "The night ferry sails again from **Friday**, after a winter off the water."


def field_value(driver, field_id: str) -> str:
    return driver.find_element(By.ID, field_id).get_property("value")


def test_a_save_after_the_session_ended_keeps_the_story(fresh_site, new_browser):
    site = fresh_site
    laptop = new_browser()
    create_first_admin(laptop, site, NAME, EMAIL, PASSWORD)

    # The reporter writes in the editor on the laptop…
    laptop.get(site.url("/admin/articles/new"))
    wait(laptop).until(EC.visibility_of_element_located((By.ID, "title")))
    type_into(laptop, "title", TITLE)
    type_into(laptop, "body", BODY)

    # …while the session ends elsewhere: "Sign out on every device" on the phone.
    phone = new_browser()
    phone.get(site.url("/admin/login"))
    assert sign_in_attempt(phone, site, EMAIL, PASSWORD) == 200
    click_for_new_page(phone, main_button(phone, "Sign out on every device"))
    assert path_of(phone, site) == "/admin/login"

    # Save on the laptop: not saved, not lost.
    click_for_new_page(laptop, main_button(laptop, "Publish"))
    assert path_of(laptop, site).startswith("/admin/login?next="), path_of(laptop, site)
    assert "nothing was saved yet" in form_error(laptop), form_error(laptop)
    assert "you will find it back in the editor" in form_error(laptop)
    type_into(laptop, "email", EMAIL)
    type_into(laptop, "password", PASSWORD)
    click_for_new_page(laptop, main_button(laptop, "Sign in"))
    assert path_of(laptop, site).startswith("/admin/articles/new?kept="), path_of(laptop, site)
    assert field_value(laptop, "title") == TITLE
    assert field_value(laptop, "body") == BODY
    assert "Nothing was saved when you sent this" in form_error(laptop), form_error(laptop)

    # Saved again, it is published, and the newsroom says so with a link to the page.
    click_for_new_page(laptop, main_button(laptop, "Publish"))
    assert path_of(laptop, site).endswith("?saved=1&was=new"), path_of(laptop, site)
    assert notice(laptop).startswith("Published."), notice(laptop)
    click_for_new_page(laptop, link(laptop, "View it on the site"))
    assert laptop.find_element(By.TAG_NAME, "h1").text.strip() == TITLE

    # Reloading the restored address later brings nothing back twice.
    laptop.back()
    laptop.get(site.url("/admin/articles/new"))
    wait(laptop).until(EC.visibility_of_element_located((By.ID, "title")))
    assert field_value(laptop, "title") == ""


def test_a_story_for_later_says_when_it_will_appear(fresh_site, new_browser):
    site = fresh_site
    reporter = new_browser()
    reporter.get(site.url("/admin/login"))
    assert sign_in_attempt(reporter, site, EMAIL, PASSWORD) == 200
    reporter.get(site.url("/admin/articles/new"))
    wait(reporter).until(EC.visibility_of_element_located((By.ID, "title")))
    later = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2)).replace(hour=9, minute=30)
    type_into(reporter, "title", "Harbour festival programme")
    type_into(reporter, "body", "Music on the quay all weekend.")
    assert main_button(reporter, "Publish")
    type_into(reporter, "published_at", later.strftime("%Y-%m-%d %H:%M"))
    # A time ahead turns "Publish" into "Schedule" as it is typed.
    wait(reporter).until(lambda d: d.find_elements(By.XPATH, "//main//button[normalize-space()='Schedule']"))
    click_for_new_page(reporter, main_button(reporter, "Schedule"))
    expected = f"Scheduled for {later.day} {later.strftime('%B %Y')} at 09:30 (UTC)."
    assert notice(reporter).startswith(expected), notice(reporter)
    assert not reporter.find_elements(By.LINK_TEXT, "View it on the site")
