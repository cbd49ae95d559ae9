#!/usr/bin/env bash
# Real-editor test: `emacs -Q --batch` + Eglot (Debian's elpa-eglot) loading the shipped
# Editors/emacs/podium.el against `podium lsp` on seed 000. PODIUM = the binary
# (default .build/debug/podium).
set -uo pipefail
source "$(dirname "$0")/common.sh"

have_eglot() {
  command -v emacs >/dev/null 2>&1 &&
    timeout 30 emacs -Q --batch --eval '(progn (require (quote package)) (package-initialize)
      (unless (locate-library "eglot")
        (dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*")) (add-to-list (quote load-path) d)))
      (kill-emacs (if (locate-library "eglot") 0 1)))' >/dev/null 2>&1
}
require_editor emacs have_eglot emacs-nox elpa-eglot

make_workspace  # bin/podium is also on exec-path for the shipped eglot entry

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
