#!/usr/bin/env bash
# Real-editor test: headless Neovim (Debian's 0.7.2 or newer) with the shipped Editors/neovim
# config against `podium lsp` on seed 000. PODIUM = the binary (default .build/debug/podium).
set -uo pipefail
source "$(dirname "$0")/common.sh"

have_nvim() { command -v nvim >/dev/null 2>&1; }
require_editor neovim have_nvim neovim

make_workspace

echo "neovim: $(nvim --version | head -1), podium at $podium"
PATH="$tmp/bin:$PATH" HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
  XDG_DATA_HOME="$tmp/home/.local/share" XDG_STATE_HOME="$tmp/home/.local/state" \
  XDG_CACHE_HOME="$tmp/home/.cache" \
  PODIUM_REPO="$repo" PODIUM_TRANSCRIPT="$tmp/work/nato-2025-02-13.transcript" \
  timeout -k 5 90 nvim --headless --clean -u "$here/neovim_init.lua" -i NONE -n \
  -c "luafile $here/neovim_driver.lua" </dev/null 2>&1
status=$?
if [ $status -eq 0 ]; then
  echo "PASS: neovim"
else
  [ $status -eq 124 ] && echo "neovim: timed out after 90 s"
  echo "FAIL: neovim (exit $status)"
fi
exit $status
