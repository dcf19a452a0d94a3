#!/usr/bin/env bash
# `npm test`: build, lint, type-check, unit tests, then the tests inside a real n8n: n8n 2.x
# (single process, then queue mode), then the core e2e cases on the latest n8n 1.x.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
use_node24
ensure_deps
cd "$repo"
stage() { printf '\n=== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }
stage build;      npm run --silent build
stage lint;       npm run --silent lint
stage typecheck;  npm run --silent typecheck
stage unit;       npx jest
stage "n8n provisioning"; bash scripts/provision-n8n.sh
# n8n 1.x is mostly a download: fetch it in the background while the 2.x stages run.
n8n1_log=$cache/provision-n8n1.log
# setsid gives it a process group of its own, so an early failure stops the whole download (npm
# included), not only the shell that started it.
mkdir -p "$cache"; setsid bash scripts/provision-n8n1.sh >"$n8n1_log" 2>&1 & n8n1_pid=$!
trap 'kill -- "-$n8n1_pid" 2>/dev/null || true' EXIT
# Each config below starts its own n8n for its run (globalSetup refuses a second one).
stage e2e;        npx jest -c test/e2e/jest.config.js --runInBand
stage reliability; npx jest -c test/reliability/jest.config.js --runInBand
# Starts, SIGKILLs and restarts n8n processes of its own (no shared n8n).
stage durability;  npx jest -c test/durability/jest.config.js --runInBand
# Queue mode: Postgres and Redis (Debian's packages, installed if missing), n8n main + 2 workers +
# 2 webhook processes behind a round-robin proxy; its jest config starts and stops all of them.
stage "queue mode"; bash scripts/install-queue-services.sh; npx jest -c test/queue/jest.config.js --runInBand
# The core e2e cases again on the latest n8n 1.x (Node 22); its own run, like the browser tests.
stage "n8n 1.x provisioning"
wait "$n8n1_pid" || { cat "$n8n1_log"; echo "n8n 1.x provisioning failed" >&2; exit 1; }
cat "$n8n1_log"
stage "n8n 1.x e2e"; npx jest -c test/n8n1/jest.config.js --runInBand
# Browser tests drive n8n's editor in Debian's Chromium.
stage "browser (ui)"; bash scripts/install-chromium.sh; npx jest -c test/ui/jest.config.js --runInBand
