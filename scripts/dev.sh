#!/usr/bin/env bash
# `npm run dev`: build the package, make sure Node 24 + n8n are in the cache, then run n8n on
# http://127.0.0.1:5678 (N8N_PORT to change) with this package loaded and an owner login ready.
# The user folder .cache/dev-home (workflows, credentials, login.txt) is kept between runs.
# NXCLOUD_DEV_EXIT_WHEN_READY=1: stop n8n and exit 0 once it is up and our nodes are loaded (CI).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
use_node24
ensure_deps
cd "$repo"
stage() { printf '\n=== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }
stage build
npm run --silent build
stage "n8n provisioning"
bash scripts/provision-n8n.sh
stage "starting n8n"
exec node scripts/dev-n8n.mjs
