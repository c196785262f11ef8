#!/usr/bin/env bash
# Browser tests use Debian's Chromium: Playwright cannot download its own browser without
# internet access. Install it when missing (Debian, root); otherwise say what to do.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium not found at $chromium. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi
