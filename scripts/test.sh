#!/usr/bin/env bash
# `npm test`: build, lint, type-check, unit tests, then the tests inside a real n8n (2.x, then 1.x).
set -euo pipefail
source "$(dirname "$0")/use-node24.sh"
source "$(dirname "$0")/ensure-deps.sh"
cd "$repo"
stage() { printf '\n=== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }
stage build;      npm run --silent build
stage lint;       npm run --silent lint
stage typecheck;  npm run --silent typecheck
stage unit;       npx jest --selectProjects unit
stage "n8n provisioning"; bash scripts/provision-n8n.sh
stage e2e;        npx jest --selectProjects e2e --runInBand
stage reliability; npx jest --selectProjects reliability --runInBand
# The core e2e cases again on the latest n8n 1.x (Node 22); its own run, like the browser tests.
stage "n8n 1.x provisioning"; bash scripts/provision-n8n1.sh
stage "n8n 1.x e2e"; npx jest -c test/n8n1/jest.config.js --runInBand
# Browser tests drive n8n's editor in Debian's Chromium; their jest config starts its own n8n
# (a separate run, so two globalSetups never share one NXCLOUD_E2E_N8N).
stage "browser (ui)"; bash scripts/install-chromium.sh; npx jest -c test/ui/jest.config.js --runInBand
