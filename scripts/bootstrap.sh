#!/usr/bin/env bash
# Shared by serve.sh and test.sh: make sure Python 3 with venv is there, then build .venv and
# install piiscore into it (with the given extras). Debian packages are installed when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXTRAS="${1:-}"

# shellcheck source=scripts/_common.sh
source "$ROOT/scripts/_common.sh"

if ! command -v python3 >/dev/null 2>&1 || ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
  apt_install python3 python3-venv python3-pip
fi

if [ ! -x "$ROOT/.venv/bin/python" ]; then
  python3 -m venv "$ROOT/.venv"
fi
"$ROOT/.venv/bin/python" -m pip install -q --upgrade pip >/dev/null
if [ -n "$EXTRAS" ]; then
  "$ROOT/.venv/bin/python" -m pip install -q -e "$ROOT[$EXTRAS]"
else
  "$ROOT/.venv/bin/python" -m pip install -q -e "$ROOT"
fi
