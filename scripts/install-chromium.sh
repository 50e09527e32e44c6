#!/usr/bin/env sh
# Make a Chromium available to deep mode (crawler/browser.py finds it the same way):
# LEADCRAWL_CHROMIUM, else one on the PATH, else Playwright's own build. When none is
# there: Debian's package as root, else (or if that fails) `playwright install chromium`.
set -eu
venv_bin=${1:-.venv/bin}
if [ -n "${LEADCRAWL_CHROMIUM:-}" ]; then
    [ -x "$LEADCRAWL_CHROMIUM" ] && exit 0
    echo "LEADCRAWL_CHROMIUM=$LEADCRAWL_CHROMIUM is not an executable" >&2
    exit 1
fi
for name in chromium chromium-browser google-chrome; do
    command -v "$name" >/dev/null 2>&1 && exit 0
done
ls -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    "$(dirname "$0")/install-system-packages.sh" chromium && command -v chromium >/dev/null 2>&1 && exit 0
    echo "no Debian chromium package here: falling back to Playwright's build" >&2
    exec "$venv_bin/playwright" install --with-deps chromium
fi
exec "$venv_bin/playwright" install chromium
