#!/usr/bin/env bash
# Retakes the README screenshots (docs/screenshots/*.png): test/ui/screenshots.test.ts drives
# n8n's editor in headless Chromium (installed if missing) with this package loaded, and takes
# each picture only once the editor shows what it is meant to show. Every wait is on the editor's
# state, so a rerun just works; the pictures come out the same (fixed workflows, ids, sizes).
#   bash scripts/screenshots.sh            (or npm run screenshots; extra arguments go to jest)
# The pictures are written to a scratch folder and copied over docs/screenshots/ only when every
# test passed, so a failed run leaves the README's pictures as they were. Then pictures no page
# of the docs shows are removed, and pages showing a picture that does not exist are named.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
use_node24
ensure_deps
cd "$repo"
started=$(date +%s)
bash scripts/install-chromium.sh
npm run --silent build

scratch=.cache/ui/hero-$$
rm -rf "$scratch"
# The webhook URLs in the pictures show a public host, as a user's n8n would have; n8n only
# displays it (nothing here calls it).
N8N_WEBHOOK_URL=https://n8n.example.com/ NXCLOUD_SCREENSHOT_DIR=$scratch \
  npx jest -c test/ui/jest.config.js --runInBand test/ui/screenshots.test.ts "$@"

shopt -s nullglob
mkdir -p docs/screenshots
taken=("$scratch"/*.png)
[ ${#taken[@]} -gt 0 ] && cp "${taken[@]}" docs/screenshots/
rm -rf "$scratch"

# The docs that show pictures: README and its sources, the examples' README.
pages=(README.md docs/*.md examples/*.md)
for png in docs/screenshots/*.png; do
  if ! grep -qF "screenshots/$(basename "$png")" "${pages[@]}" 2>/dev/null; then
    echo "[screenshots] removing $png: no page of the docs shows it" >&2
    rm -f "$png"
  fi
done
missing=$(grep -ohE 'screenshots/[A-Za-z0-9._-]+\.png' "${pages[@]}" 2>/dev/null | sort -u |
  while read -r png; do [ -f "docs/$png" ] || echo "docs/$png"; done)
ls -l docs/screenshots/*.png
echo "[screenshots] done in $(($(date +%s) - started)) s" >&2
if [ -n "$missing" ]; then
  echo "[screenshots] shown in the docs but not taken: $missing" >&2
  exit 1
fi
