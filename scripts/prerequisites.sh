#!/usr/bin/env bash
# Installs what the app and the tests need and the machine may lack: PostgreSQL server binaries (the
# embedded database is created from them), and for the browser tests Debian's Chromium headless shell and a CJK font
# (Playwright cannot download browsers here), and Debian's redis-server for the multi-node tests (the SignalR backplane;
# started by the tests on a free port, never as a system service), and the test suite's npm tools. Safe to run
# repeatedly; `--app` installs only what the app needs, `--app --redis` that and redis-server (./run.sh --nodes N);
# `--system` everything but the npm tools and `--tools` only those (./test.sh installs them while it builds).
set -euo pipefail
mode="${1:-}"

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
  local started=$SECONDS
  echo "  [1/2] Reading the package lists (apt-get update)…"
  apt-get update -qq >/dev/null
  echo "  [2/2] Downloading and installing $* with their dependencies (3–4 minutes on a fresh machine)…"
  # One line per package as apt sets it up, so a long install visibly moves; errors still reach the terminal.
  apt-get install -y -o Dpkg::Use-Pty=0 "$@" 2>&1 | while IFS= read -r line; do
    case "$line" in
      "Need to get"*) echo "        ${line}" ;;
      "Setting up "*) echo "        $(( SECONDS - started ))s  ${line%%…*}" ;;
      E:*|*"dpkg: error"*) echo "$line" >&2 ;;
    esac
  done
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "apt-get install $* failed." >&2; exit 1; }
  echo "  Installed $* in $(( SECONDS - started )) s."
}

if [ "$mode" != "--tools" ]; then
  missing=()
  have_postgres || missing+=(postgresql)
  if [ "$mode" != "--app" ] || [ "${2:-}" = "--redis" ]; then
    command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  fi
  if [ "$mode" != "--app" ]; then
    # The browser tests run Chromium's headless shell (tests/Web.Tests/Infrastructure/Chromium.cs).
    [ -x "${CHROMIUM_PATH:-/usr/lib/chromium/chromium-headless-shell}" ] || missing+=(chromium-headless-shell)
    # grep reads the whole list: with -q it may stop early, fc-list then dies of SIGPIPE and pipefail calls the font missing.
    fc-list 2>/dev/null | grep -iE "wenquanyi|noto sans cjk|noto serif cjk|droid sans fallback" >/dev/null || missing+=(fonts-wqy-microhei)
    # The official-forms tests open what we write in LibreOffice and look at printed PDFs page by page.
    command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
    command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}…"
    apt_install "${missing[@]}"
    # The package starts a system-wide Redis on port 6379 where systemd runs; the tests and ./run.sh --nodes start their
    # own on a free port, so the one we just installed is not left running.
    if [[ " ${missing[*]} " == *" redis-server "* ]] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
      systemctl disable --now redis-server >/dev/null 2>&1 || true
    fi
  fi

  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "Creating the 'postgres' system user (the embedded cluster runs as it when started by root)…"
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
fi

# The OpenAPI linter the test suite runs (Spectral with the OWASP ruleset), from the npm registry.
lint="$(dirname "$0")/../tools/openapi-lint"
if [ "$mode" != "--app" ] && [ "$mode" != "--system" ] && [ ! -x "$lint/node_modules/.bin/spectral" ]; then
  echo "Installing the OpenAPI linter (tools/openapi-lint: Spectral, OWASP ruleset)…"
  (cd "$lint" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# ExcelJS, a second reader of the workbooks the app writes (WorkbookPrintTests), from the npm registry.
exceljs="$(dirname "$0")/../tools/exceljs-check"
if [ "$mode" != "--app" ] && [ "$mode" != "--system" ] && [ ! -d "$exceljs/node_modules/exceljs" ]; then
  echo "Installing ExcelJS (tools/exceljs-check)…"
  (cd "$exceljs" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
