#!/usr/bin/env bash
# The end-to-end tests drive Debian's chromium (Playwright cannot download browsers offline).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
	echo "chromium が見つからないため、apt-get でインストールします / installing Debian chromium…"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	[ -x "$browser" ] && exit 0
fi
cat >&2 <<MSG
E2E テストには chromium が必要です。/ The end-to-end tests need chromium at $browser.
  Debian/Ubuntu:  sudo apt-get install chromium
  別の場所にある場合 / elsewhere:  CHROMIUM_PATH=/path/to/chromium npm test
MSG
exit 1
