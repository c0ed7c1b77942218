#!/usr/bin/env bash
# Installs headless Chromium and its driver for the browser (e2e) tests.
# Idempotent: does nothing when both are already there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver
    exit 0
fi

cat >&2 <<MSG
The browser tests need Chromium and ChromeDriver ($CHROMIUM and $CHROMEDRIVER).
Install them as root, for example on Debian or Ubuntu:

    sudo apt-get update && sudo apt-get install -y chromium chromium-driver

then run this again.
MSG
exit 1
