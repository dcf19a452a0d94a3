#!/usr/bin/env bash
# Installs what n8n's queue mode needs besides n8n, from Debian's packages: PostgreSQL (n8n's
# database, shared by every n8n process) and Redis (the job queue between them). The tests and
# `npm run dev:queue` start their own throwaway instances on free loopback ports; the packages'
# own services are not started (a policy-rc.d refuses them during the install), so nothing
# listens on 5432 or 6379 because of this script.
# Idempotent: when both are present it only checks and exits (well under a second).
# Needs root (CI runs as root) or passwordless sudo.
set -euo pipefail
postgres_bin() { ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -1; }
packages=()
[ -n "$(postgres_bin)" ] || packages+=(postgresql)
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
if [ ${#packages[@]} -eq 0 ]; then
  echo "[queue services] present: $("$(postgres_bin)" --version), $(redis-server --version | cut -d' ' -f1-3)" >&2
  exit 0
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
echo "[queue services] installing ${packages[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  # Exit code 101 tells invoke-rc.d "action forbidden": the packages install without starting
  # a system-wide Postgres or Redis.
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod 755 "$policy"
  trap '"${sudo[@]}" rm -f "$policy"' EXIT
fi
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
[ -n "$(postgres_bin)" ] && command -v redis-server >/dev/null 2>&1 || { echo "[queue services] install failed" >&2; exit 1; }
echo "[queue services] installed: $("$(postgres_bin)" --version), $(redis-server --version | cut -d' ' -f1-3)" >&2
