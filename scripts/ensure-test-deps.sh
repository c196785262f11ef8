#!/usr/bin/env bash
# What the tests need from Debian, installed when missing (Debian, root); otherwise say what to do:
# - Chromium: browser tests use Debian's Chromium (Playwright cannot download its own browser
#   without internet access);
# - redis-server: the Redis backend of the skeleton cache is tested against a real server that
#   the unit tests start and stop themselves (without it those tests skip with a message).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
command -v "${REDIS_SERVER:-redis-server}" >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} for the tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  status=0
  for package in "${missing[@]}"; do
    case "$package" in
      chromium)
        echo "Chromium not found at $chromium. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH." >&2
        status=1
        ;;
      redis-server)
        # Not fatal: the Redis tests then skip with a message.
        echo "redis-server not found: the Redis cache tests will be skipped. Install Debian's redis-server (apt-get install redis-server) or set REDIS_SERVER." >&2
        ;;
    esac
  done
  exit "$status"
fi
