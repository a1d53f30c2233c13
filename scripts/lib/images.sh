# shellcheck shell=bash
# libvips' command-line programs (vipsthumbnail, vips), which Gazette runs to
# make resized copies of uploaded images, and which the tests use to draw test
# pictures. Installed with apt-get when missing and running as root (as CI
# does); elsewhere the message says how to install them.

_img_say() { echo "images: $*" >&2; }

images_setup() {
  if command -v vipsthumbnail >/dev/null 2>&1 && command -v vips >/dev/null 2>&1; then
    return 0
  fi
  if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    _img_say "error: vipsthumbnail is missing; install libvips' tools (Debian and Ubuntu: apt-get install libvips-tools)"
    return 1
  fi
  _img_say "installing libvips-tools with apt-get"
  local apt_opts=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
  if ! { apt-get "${apt_opts[@]}" update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq \
      --no-install-recommends libvips-tools >&2; }; then
    _img_say "error: could not install libvips-tools"
    return 1
  fi
  command -v vipsthumbnail >/dev/null 2>&1
}
