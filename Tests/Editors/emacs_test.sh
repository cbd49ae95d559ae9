#!/usr/bin/env bash
# Real-editor test: `emacs -Q --batch` + Eglot (Debian's elpa-eglot) loading the shipped
# Editors/emacs/podium.el against `podium lsp` on seed 000. PODIUM = the binary
# (default .build/debug/podium).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
podium="${PODIUM:-$repo/.build/debug/podium}"
case "$podium" in /*) ;; *) podium="$repo/$podium" ;; esac

have_eglot() {
  command -v emacs >/dev/null 2>&1 &&
    timeout 30 emacs -Q --batch --eval '(progn (require (quote package)) (package-initialize)
      (unless (locate-library "eglot")
        (dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*")) (add-to-list (quote load-path) d)))
      (kill-emacs (if (locate-library "eglot") 0 1)))' >/dev/null 2>&1
}
if ! have_eglot; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "emacs: installing emacs-nox elpa-eglot"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq emacs-nox elpa-eglot >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq emacs-nox elpa-eglot >/dev/null 2>&1; }
  fi
fi
if ! have_eglot; then
  echo "SKIP: emacs test: emacs with eglot is not installed and could not be installed (apt-get install -y emacs-nox elpa-eglot)"
  exit 0
fi
if [ ! -x "$podium" ]; then
  echo "FAIL: emacs test: no podium binary at $podium (run: swift build --product podium)"
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# `podium` on PATH (and so on exec-path) is the binary under test: the shipped eglot entry
# runs plain `podium lsp`.
mkdir -p "$tmp/bin" "$tmp/home" "$tmp/work"
ln -s "$podium" "$tmp/bin/podium"
cp "$repo/Tests/Fixtures/seeds/000_6c3513f9567987e2.txt" "$tmp/work/nato-2025-02-13.transcript"

echo "emacs: $(emacs --version | head -1), podium at $podium"
PATH="$tmp/bin:$PATH" HOME="$tmp/home" \
  PODIUM_REPO="$repo" PODIUM_TRANSCRIPT="$tmp/work/nato-2025-02-13.transcript" \
  timeout -k 5 90 emacs -Q --batch ${PODIUM_EMACS_EXTRA:-} -l "$here/emacs_driver.el" </dev/null 2>&1
status=$?
if [ $status -eq 0 ]; then
  echo "PASS: emacs"
else
  [ $status -eq 124 ] && echo "emacs: timed out after 90 s"
  echo "FAIL: emacs (exit $status)"
fi
exit $status
