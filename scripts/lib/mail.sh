# shellcheck shell=bash
# aiosmtpd (PyPI): the real SMTP server on 127.0.0.1 the mail tests start
# (scripts/lib/smtp_server.py, with STARTTLS and AUTH). Installed with pip when
# python3 cannot import it.

GAZETTE_AIOSMTPD_VERSION="${GAZETTE_AIOSMTPD_VERSION:-1.4.6}"

_mail_say() { echo "mail: $*" >&2; }

mail_setup() {
  if python3 -c 'import aiosmtpd, cryptography' >/dev/null 2>&1; then
    return 0
  fi
  _mail_say "installing aiosmtpd==$GAZETTE_AIOSMTPD_VERSION and cryptography with pip"
  if ! PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check \
    "aiosmtpd==$GAZETTE_AIOSMTPD_VERSION" cryptography >&2; then
    _mail_say "error: could not install aiosmtpd (python3 -m pip install aiosmtpd)"
    return 1
  fi
  python3 -c 'import aiosmtpd, cryptography' >/dev/null 2>&1
}
