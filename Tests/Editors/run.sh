#!/usr/bin/env bash
# Runs every real-editor test (Neovim, Emacs) against PODIUM (default .build/debug/podium) and
# ends with one plain line: "N passed, N failed" (a skipped editor counts as neither).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
passed=0 failed=0 skipped=0
for t in neovim emacs; do
  echo "== $t"
  out="$(bash "$here/${t}_test.sh" 2>&1)"
  status=$?
  printf '%s\n' "$out"
  if [ $status -ne 0 ]; then
    failed=$((failed + 1))
  elif printf '%s\n' "$out" | grep -q '^SKIP:'; then
    skipped=$((skipped + 1))
  else
    passed=$((passed + 1))
  fi
done
[ $skipped -gt 0 ] && echo "($skipped skipped: editor not installable here)"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
