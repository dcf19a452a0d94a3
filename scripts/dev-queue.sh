#!/usr/bin/env bash
# `npm run dev:queue`: n8n in queue mode with this package (Postgres, Redis, main, 2 workers,
# 2 webhook processes, a round-robin proxy), the same topology the queue tests use
# (test/support/queue/). Installs Postgres and Redis from Debian's packages if missing.
set -euo pipefail
source "$(dirname "$0")/use-node24.sh"
source "$(dirname "$0")/ensure-deps.sh"
cd "$repo"
stage() { printf '\n=== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }
stage build;                 npm run --silent build
stage "n8n provisioning";    bash scripts/provision-n8n.sh
stage "postgres and redis";  bash scripts/install-queue-services.sh
stage "starting the queue-mode topology"
exec node scripts/ts-run.cjs test/support/queue/devQueue.ts
