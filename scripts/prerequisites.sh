#!/usr/bin/env bash
# Installs what the app and the tests need and the machine may lack: PostgreSQL server binaries (the
# embedded database is created from them), and for the browser tests Debian's Chromium and a CJK font
# (Playwright cannot download browsers here). Safe to run repeatedly; `--app` installs only what the app needs.
set -euo pipefail

have_postgres() {
  [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ] && return 0
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && return 0
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  return 1
}

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing $*: install them (Debian/Ubuntu: sudo apt-get install -y $*) and run again." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "$@" >/dev/null
}

missing=()
have_postgres || missing+=(postgresql)
if [ "${1:-}" != "--app" ]; then
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
  fc-list 2>/dev/null | grep -qiE "wenquanyi|noto sans cjk|noto serif cjk|droid sans fallback" || missing+=(fonts-wqy-microhei)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}…"
  apt_install "${missing[@]}"
fi

if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "Creating the 'postgres' system user (the embedded cluster runs as it when started by root)…"
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi
