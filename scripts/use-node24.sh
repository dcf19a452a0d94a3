# For a shell (and .ci/run): `source scripts/use-node24.sh` puts the cached Node 24 first on PATH.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_node24
