#!/usr/bin/env bash
# Installs what the browser tests (test/ui/) need, from Debian's packages: Chromium, driven by
# playwright-core (a test tool's own browser download cannot reach its CDN here), and a CJK font,
# so the Chinese console labels our nodes quote (e.g. 回执加签算法) render in screenshots instead
# of empty boxes. Idempotent: when both are present it only checks and exits (well under a second).
# Needs root (CI runs as root) or passwordless sudo.
set -euo pipefail
packages=()
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || packages+=(chromium)
dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q 'install ok installed' || packages+=(fonts-wqy-microhei)
if [ ${#packages[@]} -eq 0 ]; then
  echo "[chromium] present: $(${CHROMIUM_PATH:-/usr/bin/chromium} --version 2>/dev/null | head -1)" >&2
  exit 0
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
echo "[chromium] installing ${packages[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${packages[@]}" >&2
echo "[chromium] installed: $(${CHROMIUM_PATH:-/usr/bin/chromium} --version 2>/dev/null | head -1)" >&2
