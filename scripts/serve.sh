#!/usr/bin/env bash
# One command: install piiscore into .venv and start the server on http://127.0.0.1:8765.
# Arguments go to piiscore-server (e.g. --port 9000). Data: $PIISCORE_DATA_DIR or ~/.local/share/piiscore.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/bootstrap.sh"
echo "piiscore is installed in $ROOT/.venv. API keys for moderators (the key is the last line):"
echo "  $ROOT/.venv/bin/piiscore-server keys add NAME"
echo "Dashboard and API on the address below; stop with Ctrl+C."
exec "$ROOT/.venv/bin/piiscore-server" "$@"
