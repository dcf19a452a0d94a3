#!/usr/bin/env bash
# Runs one n8n in the foreground with this package loaded, as a community package would be:
# the repo is linked into <N8N_USER_FOLDER>/.n8n/nodes/node_modules/n8n-nodes-nxcloud, so the
# node types are n8n-nodes-nxcloud.nxCloud and n8n-nodes-nxcloud.nxCloudTrigger.
# Needs N8N_USER_FOLDER, N8N_PORT, N8N_RUNNERS_BROKER_PORT (see n8n-env.sh) and a built dist/.
# Usage: run-n8n.sh [n8n command and arguments]   (default: start)
# `exec` makes n8n itself the process the caller started, so its signals reach n8n directly.
set -euo pipefail
source "$(dirname "$0")/n8n-env.sh"
for file in "$N8N_NODE24_BIN" "$N8N_MAIN_JS"; do
  [ -e "$file" ] || { echo "run-n8n: $file is missing; run: bash scripts/provision-n8n.sh (N8N_FLAVOUR=1x: provision-n8n1.sh)" >&2; exit 1; }
done
[ -f "$repo/dist/nodes/NxCloud/NxCloud.node.js" ] || { echo "run-n8n: dist/ is missing; run: npm run build" >&2; exit 1; }
nodes_dir=$N8N_USER_FOLDER/.n8n/nodes/node_modules
mkdir -p "$nodes_dir"
if [ "${N8N_FLAVOUR:-2x}" = 1x ]; then
  # Installed as n8n installs a community package (what `npm pack` ships: package.json + dist, no
  # node_modules), so `require('n8n-workflow')` finds n8n 1.x's own copy, not the repo's 2.x one.
  rm -rf "$nodes_dir/n8n-nodes-nxcloud"
  mkdir -p "$nodes_dir/n8n-nodes-nxcloud"
  cp -r "$repo/package.json" "$repo/dist" "$nodes_dir/n8n-nodes-nxcloud/"
else
  ln -sfn "$repo" "$nodes_dir/n8n-nodes-nxcloud"
fi
# n8n reads a .env from its working directory; start it where none can be.
cd "$N8N_USER_FOLDER"
[ $# -gt 0 ] || set -- start
exec "$N8N_NODE24_BIN" "$N8N_MAIN_JS" "$@"
