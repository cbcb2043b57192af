#!/usr/bin/env bash
# One command: install what the tests need and run every test.
#   Python: .venv with piiscore[test]; Debian: chromium (browser tests), postgresql (case log on
#   PostgreSQL); npm: the extension's playwright-core. Then pytest (library, server, case log,
#   dashboard in Chromium) and the extension's unit and end-to-end tests (node --test).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/_common.sh
source "$ROOT/scripts/_common.sh"

"$ROOT/scripts/bootstrap.sh" test || exit 1
command -v node >/dev/null 2>&1 || apt_install nodejs npm
command -v npm >/dev/null 2>&1 || apt_install npm
[ -x /usr/bin/chromium ] || apt_install chromium
(cd extension && npm ci --no-audit --no-fund --loglevel=error) || exit 1

PIISCORE_TEST_POSTGRES_URL="$("$ROOT/scripts/ci-postgres.sh" | tail -n 1)" || exit 1
export PIISCORE_TEST_POSTGRES_URL
export PIISCORE_REQUIRE_BROWSER=1   # browser tests fail, never skip, when Chromium is missing

status=0
echo "== Python tests (pytest)"
"$ROOT/.venv/bin/python" -m pytest "$@" || status=1
echo "== Extension tests (node --test: unit, then end-to-end in Chromium)"
(cd extension && PATH="$ROOT/.venv/bin:$PATH" npm test --silent) || status=1

if [ "$status" -ne 0 ]; then echo "SOME TESTS FAILED"; else echo "ALL TESTS PASSED"; fi
exit "$status"
