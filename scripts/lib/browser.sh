# shellcheck shell=bash
# Real-browser tests (scripts/checks/browser, pytest + Selenium + headless Chromium).
#
# Source this file, then:
#   browser_setup           # install, only when missing, Debian's chromium and
#                           # chromium-driver and PyPI's selenium
#   browser_tests BINARY    # run `python3 -m pytest -q scripts/checks/browser` against
#                           # the gazette binary BINARY; returns pytest's exit
#                           # code ("no tests collected", 5, is a failure too)
#
# Run from the repository's root (scripts/test does), or any folder: the
# tests' folder is found from this file's location.
#
# Environment (all optional):
#   GAZETTE_SELENIUM_VERSION     selenium version to install (default 4.51.0)
#   GAZETTE_BROWSER_ARTIFACTS    where a failed test leaves screenshots, page
#                                sources and the server's data and log

GAZETTE_SELENIUM_VERSION="${GAZETTE_SELENIUM_VERSION:-4.51.0}"
_gazette_browser_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

_br_say() { printf '[browser] %s\n' "$*" >&2; }

# True when every Debian package named is installed.
_br_have_debs() {
  local pkg st
  for pkg in "$@"; do
    st="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
    [[ "$st" == installed ]] || return 1
  done
}

_br_ensure_chromium() {
  if _br_have_debs chromium chromium-driver &&
    [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    return 0
  fi
  if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    _br_say "error: chromium or chromium-driver is missing; install them (Debian: apt-get install chromium chromium-driver)"
    return 1
  fi
  _br_say "installing chromium and chromium-driver with apt-get"
  # Without chromium's recommends (udev, upower, printing, ...), which a
  # headless browser does not use, but with the fonts they would bring.
  local apt_opts=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
  if ! { apt-get "${apt_opts[@]}" update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq \
      --no-install-recommends chromium chromium-driver fonts-liberation >&2; }; then
    _br_say "error: could not install chromium and chromium-driver"
    return 1
  fi
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    _br_say "error: /usr/bin/chromium or /usr/bin/chromedriver still missing after apt-get install"
    return 1
  fi
}

_br_has_selenium() {
  python3 -c 'import selenium.webdriver, pytest' >/dev/null 2>&1
}

_br_ensure_selenium() {
  if ! command -v python3 >/dev/null 2>&1; then
    _br_say "error: python3 is missing"
    return 1
  fi
  _br_has_selenium && return 0
  _br_say "installing selenium==$GAZETTE_SELENIUM_VERSION (and pytest, if missing) with pip"
  local -a pkgs=("selenium==$GAZETTE_SELENIUM_VERSION")
  python3 -c 'import pytest' >/dev/null 2>&1 || pkgs+=(pytest)
  if ! PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet \
    --disable-pip-version-check "${pkgs[@]}" >&2; then
    _br_say "error: pip could not install ${pkgs[*]}"
    return 1
  fi
  _br_has_selenium || {
    _br_say "error: python3 still cannot import selenium and pytest"
    return 1
  }
}

# Install what the browser tests need, when missing.
browser_setup() {
  _br_ensure_chromium && _br_ensure_selenium
}

browser_tests() {
  local binary="${1:-}"
  if [[ -z "$binary" || ! -x "$binary" ]]; then
    _br_say "error: browser_tests needs the gazette binary (got '${binary}')"
    return 1
  fi
  # Absolute, as the tests run from the repository's root.
  binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
  local rc=0
  # No .pytest_cache or __pycache__ left in the work tree.
  (
    cd "$_gazette_browser_root" &&
      GAZETTE_BINARY="$binary" PYTHONDONTWRITEBYTECODE=1 \
        python3 -m pytest -q -p no:cacheprovider scripts/checks/browser
  ) || rc=$?
  if ((rc == 5)); then
    _br_say "error: pytest collected no test in scripts/checks/browser"
  elif ((rc != 0)); then
    _br_say "FAILED: pytest exited with status $rc"
  fi
  return "$rc"
}
