#!/usr/bin/env bash
# Real-editor test: Vim with Debian's ALE (vim-ale) and the shipped Editors/vim files against
# `podium lsp` on seed 000: hover on a question and an answer, diagnostics in ALE.
# PODIUM = the binary (default .build/debug/podium).
set -uo pipefail
source "$(dirname "$0")/common.sh"

have_ale() { command -v vim >/dev/null 2>&1 && ls /usr/share/vim/vimfiles/pack/*/opt/ale >/dev/null 2>&1; }
require_editor vim have_ale vim vim-ale

feeder=""
cleanup_extra() { [ -n "$feeder" ] && kill "$feeder" 2>/dev/null; }
make_workspace
# Vim quits when its input ends: keep a pipe open for it (the writer is stopped on exit).
mkfifo "$tmp/stdin"
sleep 120 >"$tmp/stdin" &
feeder=$!

echo "vim: $(vim --version | head -1), podium at $podium"
(cd "$tmp/work" && PATH="$tmp/bin:$PATH" HOME="$tmp/home" PODIUM_REPO="$repo" PODIUM_OUT="$tmp/report" \
  timeout -k 5 60 vim -N -u "$here/vim_init.vim" -i NONE -n --not-a-term \
  -c "source $here/vim_driver.vim" nato-2025-02-13.transcript <"$tmp/stdin" >/dev/null 2>"$tmp/stderr")
status=$?
cat "$tmp/report" 2>/dev/null || { echo "vim: no report"; cat "$tmp/stderr"; }
if [ $status -eq 0 ] && grep -q '^vim: all checks passed' "$tmp/report" 2>/dev/null; then
  echo "PASS: vim"
  exit 0
fi
[ $status -eq 124 ] && echo "vim: timed out after 60 s"
echo "FAIL: vim (exit $status)"
exit 1
