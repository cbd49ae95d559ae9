#!/usr/bin/env bash
# Real-editor test: Vim with Debian's ALE (vim-ale) and the shipped Editors/vim files against
# `podium lsp` on seed 000: hover on a question and an answer, diagnostics in ALE.
# PODIUM = the binary (default .build/debug/podium).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
podium="${PODIUM:-$repo/.build/debug/podium}"
case "$podium" in /*) ;; *) podium="$repo/$podium" ;; esac

have_ale() { command -v vim >/dev/null 2>&1 && ls /usr/share/vim/vimfiles/pack/*/opt/ale >/dev/null 2>&1; }
if ! have_ale && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "vim: installing vim vim-ale"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq vim vim-ale >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq vim vim-ale >/dev/null 2>&1; }
fi
if ! have_ale; then
  echo "SKIP: vim test: vim with ALE is not installed and could not be installed (apt-get install -y vim vim-ale)"
  exit 0
fi
if [ ! -x "$podium" ]; then
  echo "FAIL: vim test: no podium binary at $podium (run: swift build --product podium)"
  exit 1
fi

tmp="$(mktemp -d)"
feeder=""
cleanup() { [ -n "$feeder" ] && kill "$feeder" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
mkdir -p "$tmp/bin" "$tmp/home" "$tmp/work"
ln -s "$podium" "$tmp/bin/podium"
cp "$repo/Tests/Fixtures/seeds/000_6c3513f9567987e2.txt" "$tmp/work/nato-2025-02-13.transcript"
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
