#!/usr/bin/env bash
# Real-editor test: headless Neovim (Debian's 0.7.2 or newer) with the shipped Editors/neovim
# config against `podium lsp` on seed 000. PODIUM = the binary (default .build/debug/podium).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
podium="${PODIUM:-$repo/.build/debug/podium}"
case "$podium" in /*) ;; *) podium="$repo/$podium" ;; esac

if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "neovim: installing neovim"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null 2>&1; }
  fi
fi
if ! command -v nvim >/dev/null 2>&1; then
  echo "SKIP: neovim test: nvim is not installed and could not be installed (apt-get install -y neovim)"
  exit 0
fi
if [ ! -x "$podium" ]; then
  echo "FAIL: neovim test: no podium binary at $podium (run: swift build --product podium)"
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# `podium` on PATH is the binary under test: the shipped config runs plain `podium lsp`.
mkdir -p "$tmp/bin" "$tmp/home" "$tmp/work"
ln -s "$podium" "$tmp/bin/podium"
cp "$repo/Tests/Fixtures/seeds/000_6c3513f9567987e2.txt" "$tmp/work/nato-2025-02-13.transcript"

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
