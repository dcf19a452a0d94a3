#!/usr/bin/env bash
# Regenerates the README screenshots (docs/screenshots/*.png) by running the browser tests, which
# take them: Chromium drives n8n's editor with this package loaded. Installs Chromium if missing.
# Usage: bash scripts/screenshots.sh   (or npm run screenshots)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
use_node24
ensure_deps
cd "$repo"
bash scripts/install-chromium.sh
npm run --silent build
NXCLOUD_SCREENSHOT_DIR=docs/screenshots npx jest -c test/ui/jest.config.js --runInBand "$@"
ls -l docs/screenshots/*.png
