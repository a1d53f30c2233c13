"""Two-step sign-in, as a newsroom person clicks it: headless Chromium on a
brand-new Gazette site (the `fresh_site` fixture in conftest.py).

The first admin turns it on from "Your profile" with a code computed here
from the setup key the page shows (what an authenticator app does), signs in
again with the password and a code (a wrong one and a used one refused),
then with a recovery code typed in capitals, and finds it all in the audit
log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import struct
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as EC

# The newsroom's helpers are test_newsroom.py's (and test_comments.py's).
from test_comments import type_into
from test_newsroom import (
    create_first_admin,
    click_for_new_page,
    form_error,
    http_status,
    link,
    main_button,
    notice,
    path_of,
    sign_in_attempt,
    sign_out,
    signed_in_as,
    wait,
)

ADMIN_NAME = "Tom Two-Step"
ADMIN_EMAIL = "tom.twostep.v6q3@example.com"
ADMIN_PASSWORD = "lighthouse-keeper-7781"

TIME_STEP = 30  # seconds, RFC 6238's default, as every app reads it
WRONG_CODE = "That code is not right."
USED_CODE = "That code was already used"
RECOVERY_CODE = r"[a-z2-9]{5}-[a-z2-9]{5}"  # no 0/o, 1/l/i look-alikes


# ---------------------------------------------------------------- TOTP


def key_bytes(setup_key: str) -> bytes:
    """The shared key from the setup key a person types into the app:
    base32, grouped by four with spaces, without "=" padding."""
    compact = "".join(setup_key.split()).upper()
    return base64.b32decode(compact + "=" * (-len(compact) % 8))


def step_now() -> int:
    return int(time.time()) // TIME_STEP


def totp(key: bytes, step: int) -> str:
    """RFC 6238 (RFC 4226's HOTP of the time step): HMAC-SHA1, six digits."""
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def test_totp_matches_rfc_6238():
    # RFC 6238, appendix B: SHA-1, key "12345678901234567890", T = 59 s and
    # 1111111109 s (the 8-digit values' last six digits).
    key = b"12345678901234567890"
    assert totp(key, 59 // TIME_STEP) == "287082"
    assert totp(key, 1111111109 // TIME_STEP) == "081804"
    assert key_bytes("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ") == key


# ---------------------------------------------------------------- helpers


def heading(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text.strip()


def type_sign_in_code(driver: WebDriver, code: str) -> int | None:
    """Types CODE into "Enter your sign-in code", clicks "Sign in"; returns
    the HTTP status of the page that follows (after redirects)."""
    assert heading(driver) == "Enter your sign-in code"
    type_into(driver, "code", code)
    click_for_new_page(driver, main_button(driver, "Sign in"))
    return http_status(driver)


def assert_code_refused(driver: WebDriver, site, code: str, why: str, message: str = WRONG_CODE) -> None:
    status = type_sign_in_code(driver, code)
    assert (status, path_of(driver, site)) == (401, "/admin/login/code"), f"{why}: {code}"
    assert form_error(driver).startswith(message), f"{why}: {form_error(driver)!r}"
    field = driver.find_element(By.ID, "code")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby") == "code-error"
    assert signed_in_as(driver) == ""


def audit_lines(driver: WebDriver) -> list[str]:
    """The "What" cells of the audit log's table, one line each
    ("Recovery code used / 9 left" as "Recovery code used · 9 left")."""
    return [
        " · ".join(td.text.split("\n"))
        for td in driver.find_elements(By.CSS_SELECTOR, "table.audit-table tbody tr td:nth-child(2)")
    ]


# ---------------------------------------------------------------- test


def test_two_step_sign_in(fresh_site, new_browser):
    site = fresh_site

    # The first admin, from the link `gazette serve` printed.
    admin = new_browser()
    create_first_admin(admin, site, ADMIN_NAME, ADMIN_EMAIL, ADMIN_PASSWORD)

    # 1. "Your profile" -> "Two-step sign-in": the setup key, and the code
    # an app would show for it, turn it on.
    click_for_new_page(admin, link(admin, "Your profile"))
    click_for_new_page(admin, link(admin, "Two-step sign-in"))
    assert path_of(admin, site) == "/admin/profile/two-factor"
    assert heading(admin) == "Two-step sign-in"
    setup_key = admin.find_element(By.ID, "setup-key").text.strip()
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})*", setup_key), setup_key
    key = key_bytes(setup_key)
    assert len(key) >= 16, f"a {len(key)}-byte key"
    app_link = admin.find_element(By.ID, "authenticator-link").get_attribute("href")
    assert app_link.startswith("otpauth://totp/"), app_link
    assert f"secret={setup_key.replace(' ', '')}" in app_link, app_link
    assert admin.find_elements(By.CSS_SELECTOR, ".recovery-codes") == []

    enabled_step = step_now()
    type_into(admin, "code", totp(key, enabled_step))
    click_for_new_page(admin, main_button(admin, "Turn on two-step sign-in"))
    assert http_status(admin) == 200, admin.find_elements(By.ID, "code-error")
    assert notice(admin) == "Two-step sign-in is on."
    codes_box = admin.find_element(By.CSS_SELECTOR, ".recovery-codes")
    assert codes_box.find_element(By.TAG_NAME, "h2").text.strip() == "Your recovery codes"
    recovery_codes = [c.text.strip() for c in codes_box.find_elements(By.CSS_SELECTOR, "ul.codes li > code")]
    assert len(recovery_codes) == 10, recovery_codes
    assert len(set(recovery_codes)) == 10, recovery_codes
    for code in recovery_codes:
        assert re.fullmatch(RECOVERY_CODE, code), code
    assert "two-step sign-in is on" in admin.find_element(By.CSS_SELECTOR, "main .panel").text.lower()
    assert admin.find_elements(By.ID, "setup-key") == [], "the key is not shown once it is on"

    # 2. Signed out, the password alone is not enough: the code is asked for.
    sign_out(admin, site)
    assert sign_in_attempt(admin, site, ADMIN_EMAIL, ADMIN_PASSWORD) == 200
    assert path_of(admin, site).startswith("/admin/login/code"), path_of(admin, site)
    assert heading(admin) == "Enter your sign-in code"
    assert signed_in_as(admin) == ""
    admin.get(site.url("/admin/"))  # the dashboard still wants a sign-in
    wait(admin).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
    assert path_of(admin, site).startswith("/admin/login"), path_of(admin, site)
    assert signed_in_as(admin) == ""
    admin.back()
    wait(admin).until(EC.visibility_of_element_located((By.ID, "code")))
    assert path_of(admin, site).startswith("/admin/login/code"), path_of(admin, site)

    # A code that is no code of these minutes is refused...
    around = {totp(key, s) for s in range(enabled_step - 2, step_now() + 4)}
    wrong = next(f"{n:06d}" for n in range(123456, 1_000_000, 111111) if f"{n:06d}" not in around)
    assert_code_refused(admin, site, wrong, "a wrong code")
    # ...and so is the one that turned it on: each code works once.
    assert_code_refused(admin, site, totp(key, enabled_step), "the code already used", USED_CODE)
    # The app's next code (the server takes one step either side of now).
    status = type_sign_in_code(admin, totp(key, max(enabled_step + 1, step_now())))
    assert (status, path_of(admin, site)) == (200, "/admin/"), (status, path_of(admin, site), form_error(admin))
    assert heading(admin) == "Dashboard"
    assert signed_in_as(admin) == f"{ADMIN_NAME} (admin)"

    # 3. With a recovery code instead, typed in capitals: the profile's
    # two-step page says how many are left.
    sign_out(admin, site)
    assert sign_in_attempt(admin, site, ADMIN_EMAIL, ADMIN_PASSWORD) == 200
    assert path_of(admin, site).startswith("/admin/login/code"), path_of(admin, site)
    status = type_sign_in_code(admin, recovery_codes[3].upper())
    assert (status, path_of(admin, site)) == (200, "/admin/profile/two-factor?recovered=9"), (
        status, path_of(admin, site), form_error(admin))
    assert signed_in_as(admin) == f"{ADMIN_NAME} (admin)"
    assert "9 left" in notice(admin), notice(admin)
    assert notice(admin).startswith("You signed in with a recovery code"), notice(admin)
    panel = admin.find_element(By.CSS_SELECTOR, "main .panel").text
    assert "You have 9 unused recovery codes left" in panel, panel
    assert admin.find_elements(By.CSS_SELECTOR, ".recovery-codes") == [], "old codes are never shown again"

    # The same recovery code does not work twice.
    sign_out(admin, site)
    sign_in_attempt(admin, site, ADMIN_EMAIL, ADMIN_PASSWORD)
    assert_code_refused(admin, site, recovery_codes[3], "a used recovery code")
    status = type_sign_in_code(admin, recovery_codes[7])
    assert path_of(admin, site) == "/admin/profile/two-factor?recovered=8", (status, form_error(admin))
    assert "8 left" in notice(admin), notice(admin)

    # 4. The audit log tells the story.
    click_for_new_page(admin, link(admin, "Audit log"))
    assert path_of(admin, site) == "/admin/audit"
    lines = audit_lines(admin)
    assert "Two-step sign-in turned on" in lines, lines
    assert "Recovery code used · 9 left" in lines, lines
    assert "Recovery code used · 8 left" in lines, lines
    assert lines.count("Wrong sign-in code") == 2, lines
    assert lines.count("Wrong sign-in code · a code already used") == 1, lines
    assert lines.count("Signed in · with a recovery code") == 2, lines
    wrong_rows = admin.find_elements(By.CSS_SELECTOR, "table.audit-table tbody tr.warning")
    assert len(wrong_rows) == 3, [r.text for r in wrong_rows]
