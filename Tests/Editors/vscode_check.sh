#!/usr/bin/env bash
# Static checks of Editors/vscode (VS Code itself cannot run here): the manifest and its
# configuration against Schemas/configuration.schema.json, the TextMate grammar (Oniguruma
# compiles every regex; textmate-grammar-python tokenises seed 000), the Sublime syntax's
# regexes, and extension.ts (TypeScript transpile, node --check, activate() with stand-ins).
# Prerequisites it cannot get are reported as SKIP lines, never as failures.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/.build/venv-editors"
status=0

if ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: vscode checks: no python3"
  exit 0
fi
python="python3"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import textmate_grammar, onigurumacffi, yaml' 2>/dev/null; then
  { python3 -m venv "$venv" && timeout 120 "$venv/bin/pip" install -q textmate-grammar-python==0.6.1 onigurumacffi==1.5.0 pyyaml; } \
    >/dev/null 2>&1 || echo "  (could not install textmate-grammar-python from PyPI: grammar checks reduced)"
fi
[ -x "$venv/bin/python" ] && python="$venv/bin/python"
timeout 120 "$python" "$here/vscode_check.py" || status=1

if command -v node >/dev/null 2>&1; then
  if ! node -e 'require("/usr/share/nodejs/typescript")' 2>/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq node-typescript >/dev/null 2>&1 || true
  fi
  timeout 60 node "$here/vscode_smoke.js" || status=1
else
  echo "SKIP: vscode smoke: node is not installed"
fi
[ $status -eq 0 ] && echo "PASS: vscode (static)" || echo "FAIL: vscode (static)"
exit $status
