# Sourced after use-node24.sh: installs the dev dependencies with Node 24 when node_modules is
# missing or older than package-lock.json, so a fresh clone needs no separate `npm install`.
if [ ! -f "$repo/node_modules/.package-lock.json" ] || [ "$repo/package-lock.json" -nt "$repo/node_modules/.package-lock.json" ]; then
  echo "[deps] installing dev dependencies with Node $(node --version) (npm ci)" >&2
  (cd "$repo" && npm ci --no-audit --no-fund)
fi
