#!/usr/bin/env sh
# Install Debian/Ubuntu packages the project needs, when they are missing.
# Used by the Makefile; as root it runs apt-get, otherwise it says what to run.
set -eu
missing=""
for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "missing system packages:$missing — run: sudo apt-get install -y$missing" >&2
    exit 1
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
