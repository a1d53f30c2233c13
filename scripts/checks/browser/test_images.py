"""Pictures that fit the reader's screen: headless Chromium on a brand-new
Gazette site (the `fresh_site` fixture in conftest.py).

A 2400 px photograph is chosen as the featured image and another is put in
the body with "Upload and insert"; each goes into the media library once. A
reader at desktop width gets the 960 px copy (WebP for the featured image), a
reader on a phone the 480 px one: real images of those widths, listed in
srcset, while the original stays.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from test_comments import type_into
from test_newsroom import (
    click_for_new_page,
    create_first_admin,
    link,
    main_button,
    notice,
    wait,
)

NAME = "Pia Picture"
EMAIL = "pia.picture.w7c3@example.com"
PASSWORD = "lighthouse-lens-4410"
TITLE = "The lighthouse gets a new lens"


def photograph(folder: Path, name: str, width: int, height: int) -> Path:
    """A JPEG drawn by libvips' `vips` (installed with vipsthumbnail)."""
    path = folder / name
    subprocess.run(["vips", "xyz", f"{path}[Q=90]", str(width), str(height)], check=True)
    return path


def shown_image(driver, selector: str) -> tuple[str, int]:
    """The address the browser chose for the image, and the real width of
    the file there (an <img> with srcset reports a width scaled to `sizes`)."""
    image = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, selector)))
    wait(driver).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image))
    chosen = driver.execute_script("return arguments[0].currentSrc", image)
    width = driver.execute_async_script(
        "const done = arguments[1]; const i = new Image(); i.onload = () => done(i.naturalWidth);"
        "i.onerror = () => done(-1); i.src = arguments[0];",
        chosen,
    )
    return chosen, width


def test_pictures_fit_the_screen(fresh_site, new_browser, tmp_path):
    site = fresh_site
    admin = new_browser()
    create_first_admin(admin, site, NAME, EMAIL, PASSWORD)
    admin.get(site.url("/admin/articles/new"))
    wait(admin).until(EC.visibility_of_element_located((By.ID, "title")))
    type_into(admin, "title", TITLE)
    type_into(admin, "body", "The old lens goes to the museum.")
    admin.find_element(By.ID, "image_file").send_keys(str(photograph(tmp_path, "tower.jpg", 2400, 1600)))
    type_into(admin, "image_alt", "The lighthouse at night")
    # The body's picture, at the end of the text (where the cursor is).
    admin.find_element(By.ID, "body_image_file").send_keys(str(photograph(tmp_path, "lens.jpg", 2400, 1200)))
    type_into(admin, "body_image_alt", "The new lens")
    type_into(admin, "body_image_caption", "The lens weighs two tonnes.")
    type_into(admin, "body_image_credit", "Coast Photo")
    admin.find_element(By.ID, "body").click()
    admin.execute_script("const b = document.getElementById('body'); b.setSelectionRange(b.value.length, b.value.length);")
    click_for_new_page(admin, main_button(admin, "Upload and insert"))
    assert notice(admin).startswith("The image is in the body and in the media library."), notice(admin)
    body = admin.find_element(By.ID, "body").get_property("value")
    assert body.startswith("The old lens goes to the museum.\n\n<figure><img src=\"/media/"), body
    assert "<figcaption>The lens weighs two tonnes. <small>Coast Photo</small></figcaption></figure>" in body
    featured = admin.find_element(By.ID, "image_url").get_property("value")
    assert featured.startswith("/media/") and featured.endswith(".jpg"), "the featured photo was kept, uploaded"

    click_for_new_page(admin, main_button(admin, "Publish"))
    assert notice(admin).startswith("Published."), notice(admin)
    click_for_new_page(admin, link(admin, "View it on the site"))
    article_url = admin.current_url

    # The media library has each photograph once.
    admin.get(site.url("/admin/media"))
    assert len(admin.find_elements(By.CSS_SELECTOR, ".media-grid li")) == 2

    # A reader at desktop width: the 960 px copies.
    desk = new_browser()
    desk.get(article_url)
    src, width = shown_image(desk, ".featured-image img")
    assert src.endswith("-960w.webp") and width == 960, (src, width)
    src, width = shown_image(desk, ".article-body figure img")
    assert src.endswith("-960w.jpg") and width == 960, (src, width)
    caption = desk.find_element(By.CSS_SELECTOR, ".article-body figcaption").text
    assert caption == "The lens weighs two tonnes. COAST PHOTO", caption  # the credit in small capitals

    # A reader on a phone: the 480 px copies.
    phone = new_browser()
    phone.set_window_size(400, 900)
    phone.get(article_url)
    src, width = shown_image(phone, ".featured-image img")
    assert src.endswith("-480w.webp") and width == 480, (src, width)
    src, width = shown_image(phone, ".article-body figure img")
    assert src.endswith("-480w.jpg") and width == 480, (src, width)

    # The original stays, whole, for feeds and for anyone who opens it.
    original = desk.find_element(By.CSS_SELECTOR, ".featured-image img").get_attribute("src")
    desk.get(original)
    assert desk.execute_script("return document.images[0].naturalWidth") == 2400, original
