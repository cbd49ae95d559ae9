#!/usr/bin/env bash
# Runs every real-editor test (Neovim, Emacs, Vim+ALE) and the static VS Code checks against
# PODIUM (default .build/debug/podium), and
# ends with one plain line: "N passed, N failed" (a skipped editor counts as neither).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
passed=0 failed=0 skipped=0
for t in neovim emacs vim vscode; do
  echo "== $t"
  script="$here/${t}_test.sh"; [ -f "$script" ] || script="$here/${t}_check.sh"
  out="$(bash "$script" 2>&1)"
  status=$?
  printf '%s\n' "$out"
  if [ $status -ne 0 ]; then
    failed=$((failed + 1))
  elif printf '%s\n' "$out" | tail -n 1 | grep -q '^SKIP:'; then
    skipped=$((skipped + 1))
  else
    passed=$((passed + 1))
  fi
done
[ $skipped -gt 0 ] && echo "($skipped skipped: editor not installable here)"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
