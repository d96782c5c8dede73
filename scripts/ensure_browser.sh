#!/usr/bin/env bash
# Make sure Debian's Chromium is there for the end-to-end browser tests (Playwright drives it
# at /usr/bin/chromium; no browser is ever downloaded by a test tool). Installs it with apt-get
# when running as root; otherwise says how, and the browser tests skip with that reason.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "installing Debian's chromium for the browser tests" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
    echo "note: /usr/bin/chromium is missing; run 'sudo apt-get install chromium' for the browser tests" >&2
fi
