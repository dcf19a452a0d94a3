#!/usr/bin/env bash
# `npm test`: build, lint, type-check, unit tests, then the tests inside a real n8n: n8n 2.x
# (single process, in a browser, then queue mode), then the core e2e cases on the latest n8n 1.x.
#
# What runs side by side, and why it is safe: run one after another, the stages kept 1.17 of the
# machine's 2 cores busy on average (downloads wait on the network, tests on executions, retries and
# timeouts), so the downloads and the browser tests run beside other stages instead of after them
# (46 -> ~38 minutes here; the queue stage keeps both cores busy, so it runs alone). Each in-n8n
# run starts its own n8n on free loopback ports in a run folder of its own
# (test/support/e2e/n8nProcess.ts), so two runs never share a process, port or database. apt
# installs (Chromium, Postgres, Redis) are made one after another, never beside each other (apt
# holds a lock). A background job's output goes to a log under the cache, printed under its own
# stage heading when it is waited for, and every background job is stopped (its whole process
# group) if the run ends early.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
use_node24
ensure_deps
cd "$repo"
stage() { printf '\n=== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }
mkdir -p "$cache"
background=()
trap 'for pid in "${background[@]}"; do kill -- "-$pid" 2>/dev/null || true; done' EXIT
# Starts a command in a process group of its own (setsid), output to a log; sets $started_pid.
start_background() {
  local log=$1; shift
  setsid "$@" >"$log" 2>&1 &
  started_pid=$!
  background+=("$started_pid")
}
# Waits for a background job, prints its log, and fails the run if the job failed.
finish_background() {
  local pid=$1 log=$2 what=$3 status=0
  wait "$pid" || status=$?
  cat "$log"
  if [ "$status" -ne 0 ]; then echo "$what failed (exit $status)" >&2; exit "$status"; fi
}

# n8n 2.x is mostly a download: fetched while the build, lint, type-check and unit tests run.
n8n_log=$cache/provision-n8n.log
start_background "$n8n_log" bash scripts/provision-n8n.sh; n8n_pid=$started_pid

stage build;      npm run --silent build
stage lint;       npm run --silent lint
stage typecheck;  npm run --silent typecheck
stage unit;       npx jest
stage "n8n provisioning"; finish_background "$n8n_pid" "$n8n_log" "n8n 2.x provisioning"

# n8n 1.x likewise, while the 2.x stages run.
n8n1_log=$cache/provision-n8n1.log
start_background "$n8n1_log" bash scripts/provision-n8n1.sh; n8n1_pid=$started_pid

# Browser tests (Debian's Chromium driving n8n's editor) beside the e2e, reliability and durability
# stages, with an n8n of their own. Postgres and Redis for queue mode are installed in the same
# job, after Chromium, so the two apt installs never overlap. The README screenshots are retaken by
# `npm run screenshots`, not here: what they show is walked by the other browser tests, and
# retaking them cost ~2-3 minutes of the 40-minute budget.
ui_log=$cache/ui-stage.log
start_background "$ui_log" bash -c 'bash scripts/install-chromium.sh &&
  bash scripts/install-queue-services.sh &&
  npx jest -c test/ui/jest.config.js --runInBand --testPathIgnorePatterns /test/ui/screenshots.test.ts'
ui_pid=$started_pid

# Each config below starts its own n8n for its run (globalSetup refuses a second one).
stage e2e;        npx jest -c test/e2e/jest.config.js --runInBand
stage reliability; npx jest -c test/reliability/jest.config.js --runInBand
# Starts, SIGKILLs and restarts n8n processes of its own (no shared n8n).
stage durability;  npx jest -c test/durability/jest.config.js --runInBand
stage "browser (ui), run beside the three stages above"
finish_background "$ui_pid" "$ui_log" "the browser tests"

# Queue mode: Postgres and Redis (installed by the browser job above; the script here only checks,
# in under a second), n8n main + 2 workers + 2 webhook processes behind a round-robin proxy; its
# jest config starts and stops all of them.
stage "queue mode"; bash scripts/install-queue-services.sh; npx jest -c test/queue/jest.config.js --runInBand
# The core e2e cases again on the latest n8n 1.x (Node 22); its own run.
stage "n8n 1.x provisioning"; finish_background "$n8n1_pid" "$n8n1_log" "n8n 1.x provisioning"
stage "n8n 1.x e2e"; npx jest -c test/n8n1/jest.config.js --runInBand
